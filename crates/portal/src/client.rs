//! The app's HTTP client for the portal API. One reqwest client with
//! timeouts; every response passes one check that maps it to a typed
//! outcome, so the outbox can tell "try again later" from "the user must fix
//! something" without reading strings.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use base64::Engine;
use ed25519_dalek::{Signature, VerifyingKey};
use procedures::definition::Definition;
use reqwest::header::{AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, ETAG, IF_NONE_MATCH, LOCATION, RETRY_AFTER};
use reqwest::{Response, StatusCode};
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use url::Url;

use crate::types::{
    AttachmentReceipt, CATALOG_SIGNATURE, CatalogList, Dossier, DossierChanges, EReceipt, Feedback, FeedbackList,
    IDEMPOTENCY_KEY, Me, NewDossier, NewFeedback, Problem, Rating, SupplementReply, TokenResponse, Withdrawal,
};

/// The client id the app registers with a portal.
pub const CLIENT_ID: &str = "tro-ly-dich-vu-cong";

/// The longest `Retry-After` the client passes on, in seconds; a larger
/// value (a broken proxy, a typo) is read as this much.
pub const MAX_RETRY_AFTER_SECS: u64 = 3600;

/// Largest response body the client reads (a definition is ~30 KB).
const MAX_BODY: usize = 4 * 1024 * 1024;

/// Largest result file the client downloads (20 MiB).
pub const MAX_RESULT_BYTES: usize = 20 * 1024 * 1024;

/// Time allowed for a request without a large body, answer included.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The slowest uplink an upload must still get through, in bytes per
/// second: an upload's timeout grows by one second per this many bytes.
const UPLOAD_FLOOR_BYTES_PER_SEC: u64 = 16 * 1024;

/// How long the sign-in listener waits for one connection's request: a
/// browser's idle preconnect must not hold up the real redirect.
const CALLBACK_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Largest request head the sign-in listener reads.
const CALLBACK_MAX_HEAD: usize = 8192;

/// Why a receipt's signature was refused.
const RECEIPT_MISMATCH: &str = "the receipt's signature does not match its content";

/// Why a catalog update's signature was refused.
const NO_KEY: &str = "the app has no public key for the portal's catalog";
const NO_SIGNATURE: &str = "the answer carries no signature";
const SIGNATURE_FORMAT: &str = "the signature is not base64 of 64 bytes";
const SIGNATURE_MISMATCH: &str = "the signature does not match the definition";

/// How a request failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The portal could not be reached; nothing was sent.
    #[error("the portal cannot be reached: {0}")]
    Offline(String),
    /// The request may or may not have been handled (timeout, connection
    /// dropped mid-way); safe only to repeat with the same idempotency key.
    #[error("no answer from the portal: {0}")]
    NoAnswer(String),
    /// Too many requests; try again after this many seconds (at most
    /// [`MAX_RETRY_AFTER_SECS`]).
    #[error("rate limited; retry after {0} s")]
    RateLimited(u64),
    /// The access token is missing, expired or revoked.
    #[error("not signed in, or the session expired")]
    Unauthorized,
    /// The portal found the content invalid (422): the user must change something.
    #[error("invalid: {}", .0.title)]
    Invalid(Problem),
    /// The portal refused the request for another reason (any other 4xx:
    /// 403, 404, 409, 413…); a 4xx without a problem document is reported
    /// as a problem of type `about:blank` with the status's reason phrase.
    #[error("{}: {}", .0.status, .0.title)]
    Refused(Problem),
    /// The portal failed (5xx).
    #[error("portal error {0}")]
    Server(u16),
    /// The portal answered something that is not what the API defines.
    #[error("unexpected answer from the portal: {0}")]
    Malformed(String),
    /// The configured portal address is not an absolute http(s) URL.
    #[error("the portal address is not a valid http(s) URL: {0}")]
    InvalidUrl(String),
    /// The configured portal address uses plain `http://` to another
    /// computer, which would send tokens and citizens' data in clear text.
    #[error(
        "the portal address must use https; plain http is allowed only for this computer (127.0.0.1, [::1], localhost)"
    )]
    InsecureUrl,
    /// The configured catalog public key is not a valid Ed25519 key.
    #[error("the portal's catalog public key is not a valid Ed25519 key")]
    InvalidKey,
    /// A catalog update was not signed by the portal's key; it must not be used.
    #[error("the catalog update is refused: {0}")]
    BadSignature(&'static str),
}

impl Error {
    /// Whether repeating the same request later may succeed.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            Error::Offline(_) | Error::NoAnswer(_) | Error::RateLimited(_) | Error::Server(_) | Error::Malformed(_)
        )
    }
}

/// Result of a portal call.
pub type Result<T> = std::result::Result<T, Error>;

/// A PKCE pair (RFC 7636, S256). Its `Debug` hides the verifier.
#[derive(Clone)]
pub struct Pkce {
    /// The secret kept by the app.
    pub verifier: String,
    /// Its SHA-256, base64url, sent with the authorization request.
    pub challenge: String,
}

impl Pkce {
    /// A fresh random verifier and its challenge.
    pub fn new() -> Self {
        let bytes: [u8; 32] = rand::random();
        let verifier = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        let challenge = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
        Self { verifier, challenge }
    }
}

impl Default for Pkce {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Pkce {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pkce")
            .field("verifier", &crate::types::REDACTED)
            .field("challenge", &self.challenge)
            .finish()
    }
}

/// A client for one portal.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
    authorize: Url,
    catalog_key: Option<VerifyingKey>,
}

impl Client {
    /// A client for the portal at `base_url` (no trailing slash needed).
    /// The address must be `https://`, or `http://` to this computer
    /// (a loopback address or `localhost`, for the sandbox and tests).
    /// Catalog updates are refused until [`Client::with_catalog_key`] gives
    /// the portal's public key.
    pub fn new(base_url: &str) -> Result<Self> {
        let base = base_url.trim_end_matches('/');
        let parsed = Url::parse(base).map_err(|e| Error::InvalidUrl(e.to_string()))?;
        let https = check_transport(&parsed)?;
        let authorize = Url::parse(&format!("{base}/oauth/authorize")).map_err(|e| Error::InvalidUrl(e.to_string()))?;
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(REQUEST_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .https_only(https)
            .build()
            .map_err(|e| Error::InvalidUrl(e.to_string()))?;
        Ok(Self {
            http,
            base: base.to_owned(),
            authorize,
            catalog_key: None,
        })
    }

    /// This client, accepting catalog updates signed by the portal's
    /// Ed25519 public key `key` (32 bytes).
    pub fn with_catalog_key(mut self, key: &[u8; 32]) -> Result<Self> {
        self.catalog_key = Some(VerifyingKey::from_bytes(key).map_err(|_| Error::InvalidKey)?);
        Ok(self)
    }

    /// Whether a catalog public key is configured (without one, every
    /// catalog update is refused).
    pub fn has_catalog_key(&self) -> bool {
        self.catalog_key.is_some()
    }

    /// The portal's base URL.
    pub fn base_url(&self) -> &str {
        &self.base
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The authorization URL to open in the browser for a sign-in.
    pub fn authorize_url(&self, redirect_uri: &str, pkce: &Pkce, state: &str, login_hint: Option<&str>) -> String {
        let mut url = self.authorize.clone();
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", CLIENT_ID)
            .append_pair("redirect_uri", redirect_uri)
            .append_pair("code_challenge", &pkce.challenge)
            .append_pair("code_challenge_method", "S256")
            .append_pair("state", state);
        if let Some(hint) = login_hint {
            url.query_pairs_mut().append_pair("login_hint", hint);
        }
        url.into()
    }

    /// Signs in a sandbox test account without a browser: the sandbox
    /// approves a known `login_hint` at once and redirects to the loopback
    /// URI, whose `code` is exchanged with the PKCE verifier.
    pub async fn sign_in_test_account(&self, account: &str) -> Result<TokenResponse> {
        let pkce = Pkce::new();
        let state = Pkce::new().verifier;
        let redirect_uri = "http://127.0.0.1:53682/callback";
        let response = self
            .send(
                self.http
                    .get(self.authorize_url(redirect_uri, &pkce, &state, Some(account))),
            )
            .await?;
        let location = response
            .headers()
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .ok_or_else(|| Error::Malformed("the authorization answer has no redirect".into()))?;
        let url = Url::parse(location).map_err(|e| Error::Malformed(e.to_string()))?;
        if query_value(&url, "state").as_deref() != Some(state.as_str()) {
            return Err(Error::Malformed("the authorization answer has another state".into()));
        }
        let code =
            query_value(&url, "code").ok_or_else(|| Error::Malformed("the authorization answer has no code".into()))?;
        self.token(&[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", redirect_uri),
            ("client_id", CLIENT_ID),
            ("code_verifier", &pkce.verifier),
        ])
        .await
    }

    /// Signs in through the user's browser (RFC 8252): listens on a loopback
    /// port, calls `open` with the authorization URL, waits up to five
    /// minutes for the portal to redirect back, answers the browser with
    /// `done_page` (HTML) once the redirect's `state` matches, and exchanges
    /// the code with the PKCE verifier. Connections are served concurrently,
    /// so an idle preconnect cannot hold up the redirect, and a redirect
    /// with another `state` is ignored rather than ending the sign-in.
    pub async fn sign_in_with_browser(&self, open: impl FnOnce(&str), done_page: &str) -> Result<TokenResponse> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| Error::Offline(e.to_string()))?;
        let port = listener.local_addr().map_err(|e| Error::Offline(e.to_string()))?.port();
        let redirect_uri = format!("http://127.0.0.1:{port}/callback");
        let (pkce, state) = (Pkce::new(), Pkce::new().verifier);
        open(&self.authorize_url(&redirect_uri, &pkce, &state, None));
        let code = tokio::time::timeout(Duration::from_secs(300), loopback_code(&listener, &state, done_page))
            .await
            .map_err(|_| Error::Unauthorized)??;
        self.token(&[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", &redirect_uri),
            ("client_id", CLIENT_ID),
            ("code_verifier", &pkce.verifier),
        ])
        .await
    }

    /// New tokens from a refresh token. The portal may rotate the refresh
    /// token: the answer's `refresh_token` then replaces the one given, which
    /// stops working; an answer without one keeps the old one valid.
    pub async fn refresh(&self, refresh_token: &str) -> Result<TokenResponse> {
        self.token(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
            ("client_id", CLIENT_ID),
        ])
        .await
    }

    /// Revokes a token at the portal (RFC 7009), so it stops working even
    /// if a copy was kept somewhere.
    pub async fn revoke(&self, token: &str) -> Result<()> {
        self.send(self.http.post(self.url("/oauth/revoke")).form(&[("token", token)]))
            .await?;
        Ok(())
    }

    async fn token(&self, form: &[(&str, &str)]) -> Result<TokenResponse> {
        let response = self.send(self.http.post(self.url("/oauth/token")).form(form)).await?;
        if response.status() == StatusCode::BAD_REQUEST {
            return Err(Error::Unauthorized);
        }
        json(response).await
    }

    /// Who `token` belongs to: the account, its holder's name and its role.
    pub async fn me(&self, token: &str) -> Result<Me> {
        json(
            self.send(self.http.get(self.url("/v1/me")).header(AUTHORIZATION, bearer(token)))
                .await?,
        )
        .await
    }

    /// Every procedure the portal accepts, with its newest version.
    pub async fn catalog(&self, token: &str) -> Result<CatalogList> {
        json(
            self.send(
                self.http
                    .get(self.url("/v1/catalog"))
                    .header(AUTHORIZATION, bearer(token)),
            )
            .await?,
        )
        .await
    }

    /// A procedure's definition, or `None` when `etag` is still current.
    /// The body must carry the portal's Ed25519 signature over its exact
    /// bytes in [`CATALOG_SIGNATURE`]; it is checked before the body is
    /// parsed, and without a configured key nothing is fetched at all
    /// ([`Error::BadSignature`] either way).
    pub async fn definition(
        &self,
        token: &str,
        code: &str,
        etag: Option<&str>,
    ) -> Result<Option<(Definition, String)>> {
        let key = self.catalog_key.ok_or(Error::BadSignature(NO_KEY))?;
        let mut request = self
            .http
            .get(self.url(&format!("/v1/catalog/{code}")))
            .header(AUTHORIZATION, bearer(token));
        if let Some(etag) = etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        let response = self.send(request).await?;
        if response.status() == StatusCode::NOT_MODIFIED {
            return Ok(None);
        }
        let etag = response
            .headers()
            .get(ETAG)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let signature = response.headers().get(CATALOG_SIGNATURE).cloned();
        let body = read_body(response).await?;
        verify_signature(&key, &body, signature.as_ref().map(|v| v.as_bytes()))?;
        Ok(Some((decode(&body)?, etag)))
    }

    /// Creates a dossier; repeating with the same `key` returns the same
    /// dossier, never a second one.
    pub async fn create_dossier(&self, token: &str, key: &str, dossier: &NewDossier) -> Result<Dossier> {
        let request = self
            .http
            .post(self.url("/v1/dossiers"))
            .header(AUTHORIZATION, bearer(token))
            .header(IDEMPOTENCY_KEY, key)
            .json(dossier);
        json(self.send(request).await?).await
    }

    /// Uploads one announced file; the portal answers with what it received.
    /// The time allowed grows with the file's size (see [`upload_timeout`]),
    /// so a slow link gets a large file through.
    pub async fn upload_attachment(
        &self,
        token: &str,
        dossier: &str,
        document: &str,
        file_name: &str,
        bytes: Vec<u8>,
    ) -> Result<AttachmentReceipt> {
        self.upload(
            token,
            &format!("/v1/dossiers/{dossier}/attachments/{document}"),
            file_name,
            bytes,
        )
        .await
    }

    /// [`Client::upload_attachment`], calling `sent` with the bytes handed
    /// to the connection so far, each time another [`UPLOAD_CHUNK`] goes.
    pub async fn upload_attachment_reporting(
        &self,
        token: &str,
        dossier: &str,
        document: &str,
        file_name: &str,
        bytes: Vec<u8>,
        sent: impl Fn(u64) + Send + Sync + 'static,
    ) -> Result<AttachmentReceipt> {
        let len = bytes.len();
        let bytes = bytes::Bytes::from(bytes);
        let chunks = (0..len.div_ceil(UPLOAD_CHUNK)).map(move |i| {
            let end = ((i + 1) * UPLOAD_CHUNK).min(len);
            sent(end as u64);
            Ok::<_, std::io::Error>(bytes.slice(i * UPLOAD_CHUNK..end))
        });
        let request = self
            .upload_request(
                token,
                &format!("/v1/dossiers/{dossier}/attachments/{document}"),
                file_name,
                len,
            )
            .header(CONTENT_LENGTH, len)
            .body(reqwest::Body::wrap_stream(futures_util::stream::iter(chunks)));
        json(self.send(request).await?).await
    }

    /// One dossier.
    pub async fn dossier(&self, token: &str, id: &str) -> Result<Dossier> {
        json(
            self.send(
                self.http
                    .get(self.url(&format!("/v1/dossiers/{id}")))
                    .header(AUTHORIZATION, bearer(token)),
            )
            .await?,
        )
        .await
    }

    /// Sends the reply to a supplement request; repeating with the same
    /// `key` records it once. Its files follow through [`Client::upload_attachment`].
    pub async fn send_supplement(
        &self,
        token: &str,
        key: &str,
        dossier: &str,
        reply: &SupplementReply,
    ) -> Result<Dossier> {
        self.post_once(token, key, &format!("/v1/dossiers/{dossier}/supplement"), reply)
            .await
    }

    /// Asks to withdraw a dossier; repeating with the same `key` asks once.
    pub async fn withdraw(&self, token: &str, key: &str, dossier: &str, withdrawal: &Withdrawal) -> Result<Dossier> {
        self.post_once(token, key, &format!("/v1/dossiers/{dossier}/withdraw"), withdrawal)
            .await
    }

    /// Rates a returned dossier; a second rating is refused (409).
    pub async fn rate(&self, token: &str, key: &str, dossier: &str, rating: &Rating) -> Result<Dossier> {
        self.post_once(token, key, &format!("/v1/dossiers/{dossier}/rating"), rating)
            .await
    }

    /// Sends feedback; repeating with the same `key` sends it once. Its
    /// files follow through [`Client::upload_feedback_attachment`].
    pub async fn send_feedback(&self, token: &str, key: &str, feedback: &NewFeedback) -> Result<Feedback> {
        self.post_once(token, key, "/v1/feedback", feedback).await
    }

    /// Uploads one announced file of a feedback.
    pub async fn upload_feedback_attachment(
        &self,
        token: &str,
        feedback: &str,
        document: &str,
        file_name: &str,
        bytes: Vec<u8>,
    ) -> Result<AttachmentReceipt> {
        self.upload(
            token,
            &format!("/v1/feedback/{feedback}/attachments/{document}"),
            file_name,
            bytes,
        )
        .await
    }

    /// Every feedback of the account, with the answers given so far.
    pub async fn feedback_list(&self, token: &str) -> Result<FeedbackList> {
        let request = self
            .http
            .get(self.url("/v1/feedback"))
            .header(AUTHORIZATION, bearer(token));
        json(self.send(request).await?).await
    }

    /// Downloads a result file (at most [`MAX_RESULT_BYTES`]); the caller
    /// checks it against the SHA-256 the dossier announced.
    pub async fn result_file(&self, token: &str, dossier: &str, document: &str) -> Result<Vec<u8>> {
        let request = self
            .http
            .get(self.url(&format!("/v1/dossiers/{dossier}/results/{document}")))
            .timeout(upload_timeout(MAX_RESULT_BYTES))
            .header(AUTHORIZATION, bearer(token));
        read_limited(self.send(request).await?, MAX_RESULT_BYTES).await
    }

    /// Checks a receipt's signature with the portal's key (the one that
    /// signs the catalog).
    pub fn verify_receipt(&self, receipt: &EReceipt) -> Result<()> {
        let key = self.catalog_key.ok_or(Error::BadSignature(NO_KEY))?;
        verify_signature(&key, &receipt.signed_bytes(), Some(receipt.signature.as_bytes()))
            .map_err(|_| Error::BadSignature(RECEIPT_MISMATCH))
    }

    /// A `POST` made safe to repeat by its idempotency key.
    async fn post_once<B: serde::Serialize + ?Sized, T: DeserializeOwned>(
        &self,
        token: &str,
        key: &str,
        path: &str,
        body: &B,
    ) -> Result<T> {
        let request = self
            .http
            .post(self.url(path))
            .header(AUTHORIZATION, bearer(token))
            .header(IDEMPOTENCY_KEY, key)
            .json(body);
        json(self.send(request).await?).await
    }

    /// A `PUT` of a file's bytes, with a timeout that grows with its size.
    async fn upload(&self, token: &str, path: &str, file_name: &str, bytes: Vec<u8>) -> Result<AttachmentReceipt> {
        let request = self.upload_request(token, path, file_name, bytes.len()).body(bytes);
        json(self.send(request).await?).await
    }

    /// A file's PUT, without its body: the timeout grows with the size.
    fn upload_request(&self, token: &str, path: &str, file_name: &str, len: usize) -> reqwest::RequestBuilder {
        let name: String = url::form_urlencoded::byte_serialize(file_name.as_bytes()).collect();
        self.http
            .put(self.url(path))
            .timeout(upload_timeout(len))
            .header(AUTHORIZATION, bearer(token))
            .header(CONTENT_TYPE, "application/octet-stream")
            .header("X-File-Name", name)
    }

    /// Dossiers changed after `since`.
    pub async fn changes(&self, token: &str, since: u64) -> Result<DossierChanges> {
        let request = self
            .http
            .get(self.url(&format!("/v1/dossiers?since={since}")))
            .header(AUTHORIZATION, bearer(token));
        json(self.send(request).await?).await
    }

    /// Sends a request and classifies everything but success.
    async fn send(&self, request: reqwest::RequestBuilder) -> Result<Response> {
        let response = request.send().await.map_err(|e| {
            if e.is_connect() {
                Error::Offline(e.to_string())
            } else {
                Error::NoAnswer(e.to_string())
            }
        })?;
        let status = response.status();
        if status.is_success()
            || status.is_redirection()
            || status == StatusCode::BAD_REQUEST && response.url().path() == "/oauth/token"
        {
            return Ok(response);
        }
        if status == StatusCode::TOO_MANY_REQUESTS {
            let after = response
                .headers()
                .get(RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
                .unwrap_or(30)
                .min(MAX_RETRY_AFTER_SECS);
            return Err(Error::RateLimited(after));
        }
        if status == StatusCode::UNAUTHORIZED {
            return Err(Error::Unauthorized);
        }
        if status.is_server_error() {
            return Err(Error::Server(status.as_u16()));
        }
        // A 4xx from a proxy or firewall (nginx 413, a WAF's 403 page) has
        // no problem document: it is still a refusal, never a retry.
        let body = read_body(response).await?;
        let problem: Problem = serde_json::from_slice(&body).unwrap_or_else(|_| Problem {
            kind: "about:blank".into(),
            title: status.canonical_reason().unwrap_or("Client Error").into(),
            status: status.as_u16(),
            detail: None,
            errors: Vec::new(),
        });
        if status == StatusCode::UNPROCESSABLE_ENTITY {
            Err(Error::Invalid(problem))
        } else {
            Err(Error::Refused(problem))
        }
    }
}

/// The piece of a file handed to the connection at a time by
/// [`Client::upload_attachment_reporting`].
pub const UPLOAD_CHUNK: usize = 64 * 1024;

/// Time allowed for uploading `len` bytes: the usual request timeout plus
/// one second per [`UPLOAD_FLOOR_BYTES_PER_SEC`] bytes (10 MiB: 670 s).
pub fn upload_timeout(len: usize) -> Duration {
    let len = u64::try_from(len).unwrap_or(u64::MAX);
    REQUEST_TIMEOUT.saturating_add(Duration::from_secs(len.div_ceil(UPLOAD_FLOOR_BYTES_PER_SEC)))
}

/// Whether the URL's host is this computer.
/// Whether the app may talk to `url`: https anywhere, plain http only on
/// the loopback (the sandbox, tests). True when it is https.
pub fn check_transport(url: &Url) -> Result<bool> {
    let https = match url.scheme() {
        "https" => true,
        "http" if is_loopback(url) => false,
        "http" => return Err(Error::InsecureUrl),
        other => return Err(Error::InvalidUrl(format!("the scheme {other:?} is not http or https"))),
    };
    if url.host().is_none() {
        return Err(Error::InvalidUrl("the address names no host".into()));
    }
    Ok(https)
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// Checks the portal's signature over a definition's exact bytes.
fn verify_signature(key: &VerifyingKey, body: &[u8], header: Option<&[u8]>) -> Result<()> {
    let header = header.ok_or(Error::BadSignature(NO_SIGNATURE))?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(header.trim_ascii())
        .map_err(|_| Error::BadSignature(SIGNATURE_FORMAT))?;
    let bytes: [u8; 64] = bytes.try_into().map_err(|_| Error::BadSignature(SIGNATURE_FORMAT))?;
    key.verify_strict(body, &Signature::from_bytes(&bytes))
        .map_err(|_| Error::BadSignature(SIGNATURE_MISMATCH))
}

fn query_value(url: &Url, name: &str) -> Option<String> {
    url.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned())
}

/// Serves the loopback listener until a redirect to `/callback` with the
/// right `state` arrives, and returns its `code`. Each connection is served
/// on its own task with a read timeout; the tasks still running when the
/// code arrives are dropped with the set.
async fn loopback_code(listener: &tokio::net::TcpListener, state: &str, page: &str) -> Result<String> {
    let state: Arc<str> = state.into();
    let page: Arc<str> = page.into();
    let mut connections = tokio::task::JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (socket, _) = accepted.map_err(|e| Error::Offline(e.to_string()))?;
                connections.spawn(callback(socket, state.clone(), page.clone()));
            }
            Some(joined) = connections.join_next() => {
                if let Ok(Some(outcome)) = joined {
                    return outcome;
                }
            }
        }
    }
}

/// Answers one connection to the sign-in listener: `Some` with the code (or
/// the portal's refusal) when it is the redirect with the right `state`,
/// `None` for anything else, which is answered and ignored.
async fn callback(mut socket: tokio::net::TcpStream, state: Arc<str>, page: Arc<str>) -> Option<Result<String>> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut request = Vec::new();
    let mut buffer = [0u8; 1024];
    while !request.windows(4).any(|w| w == b"\r\n\r\n") && request.len() < CALLBACK_MAX_HEAD {
        match tokio::time::timeout(CALLBACK_READ_TIMEOUT, socket.read(&mut buffer)).await {
            Ok(Ok(n)) if n > 0 => request.extend_from_slice(&buffer[..n]),
            _ => return None,
        }
    }
    let head = String::from_utf8_lossy(&request);
    let target = head
        .lines()
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .unwrap_or_default();
    let url = Url::parse(&format!("http://127.0.0.1{target}")).ok();
    let Some(url) = url.filter(|u| u.path() == "/callback") else {
        let _ = socket
            .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .await;
        return None;
    };
    if query_value(&url, "state").as_deref() != Some(&*state) {
        tracing::warn!("sign-in: a redirect with another state was ignored");
        let _ = socket
            .write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .await;
        return None;
    }
    let Some(code) = query_value(&url, "code") else {
        let _ = socket
            .write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .await;
        return Some(Err(Error::Unauthorized));
    };
    let reply = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
        page.len()
    );
    let _ = socket.write_all(reply.as_bytes()).await;
    Some(Ok(code))
}

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

/// Reads a body of at most [`MAX_BODY`] bytes.
async fn read_body(response: Response) -> Result<Vec<u8>> {
    read_limited(response, MAX_BODY).await
}

/// Reads a body of at most `limit` bytes.
async fn read_limited(mut response: Response, limit: usize) -> Result<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                body.extend_from_slice(&chunk);
                if body.len() > limit {
                    return Err(Error::Malformed(format!("the answer is larger than {limit} bytes")));
                }
            }
            Ok(None) => return Ok(body),
            Err(e) => return Err(Error::NoAnswer(e.to_string())),
        }
    }
}

/// Decodes a JSON body. The error names only the kind and place of the
/// fault: serde's own text may quote the body, which can hold answers.
fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T> {
    serde_json::from_slice(body).map_err(|e| {
        Error::Malformed(format!(
            "{:?} JSON error at line {} column {}",
            e.classify(),
            e.line(),
            e.column()
        ))
    })
}

/// Reads a bounded body and decodes it.
async fn json<T: DeserializeOwned>(response: Response) -> Result<T> {
    decode(&read_body(response).await?)
}
