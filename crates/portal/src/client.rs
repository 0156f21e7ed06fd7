//! The app's HTTP client for the portal API. One reqwest client with
//! timeouts; every response passes one check that maps it to a typed
//! outcome, so the outbox can tell "try again later" from "the user must fix
//! something" without reading strings.

use std::time::Duration;

use base64::Engine;
use procedures::definition::Definition;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, ETAG, IF_NONE_MATCH, LOCATION, RETRY_AFTER};
use reqwest::{Response, StatusCode};
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::types::{
    AttachmentReceipt, CatalogList, Dossier, DossierChanges, IDEMPOTENCY_KEY, NewDossier, Problem, TokenResponse,
};

/// The client id the app registers with a portal.
pub const CLIENT_ID: &str = "tro-ly-dich-vu-cong";

/// Largest response body the client reads (a definition is ~30 KB).
const MAX_BODY: usize = 4 * 1024 * 1024;

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
    /// Too many requests; try again after this many seconds.
    #[error("rate limited; retry after {0} s")]
    RateLimited(u64),
    /// The access token is missing, expired or revoked.
    #[error("not signed in, or the session expired")]
    Unauthorized,
    /// The portal refused the content (422): the user must change something.
    #[error("refused: {}", .0.title)]
    Rejected(Problem),
    /// The request conflicts with the dossier's state (409), or was not found (404).
    #[error("{}: {}", .0.status, .0.title)]
    Refused(Problem),
    /// The portal failed (5xx).
    #[error("portal error {0}")]
    Server(u16),
    /// The portal answered something that is not what the API defines.
    #[error("unexpected answer from the portal: {0}")]
    Malformed(String),
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

/// A PKCE pair (RFC 7636, S256).
#[derive(Debug, Clone)]
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

/// A client for one portal.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    base: String,
}

impl Client {
    /// A client for the portal at `base_url` (no trailing slash needed).
    pub fn new(base_url: &str) -> Self {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(30))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("a TLS backend is compiled in");
        Self {
            http,
            base: base_url.trim_end_matches('/').to_owned(),
        }
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
        let mut url = url::Url::parse(&self.url("/oauth/authorize")).expect("the base URL is a URL");
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
        let url = url::Url::parse(location).map_err(|e| Error::Malformed(e.to_string()))?;
        let value = |name: &str| url.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned());
        if value("state").as_deref() != Some(state.as_str()) {
            return Err(Error::Malformed("the authorization answer has another state".into()));
        }
        let code = value("code").ok_or_else(|| Error::Malformed("the authorization answer has no code".into()))?;
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
    /// `done_page` (HTML), and exchanges the code with the PKCE verifier.
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

    /// A new access token from a refresh token.
    pub async fn refresh(&self, refresh_token: &str) -> Result<TokenResponse> {
        self.token(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
            ("client_id", CLIENT_ID),
        ])
        .await
    }

    async fn token(&self, form: &[(&str, &str)]) -> Result<TokenResponse> {
        let response = self.send(self.http.post(self.url("/oauth/token")).form(form)).await?;
        if response.status() == StatusCode::BAD_REQUEST {
            return Err(Error::Unauthorized);
        }
        json(response).await
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
    pub async fn definition(
        &self,
        token: &str,
        code: &str,
        etag: Option<&str>,
    ) -> Result<Option<(Definition, String)>> {
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
        Ok(Some((json(response).await?, etag)))
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
    pub async fn upload_attachment(
        &self,
        token: &str,
        dossier: &str,
        document: &str,
        file_name: &str,
        bytes: Vec<u8>,
    ) -> Result<AttachmentReceipt> {
        let name: String = url::form_urlencoded::byte_serialize(file_name.as_bytes()).collect();
        let request = self
            .http
            .put(self.url(&format!("/v1/dossiers/{dossier}/attachments/{document}")))
            .header(AUTHORIZATION, bearer(token))
            .header(CONTENT_TYPE, "application/octet-stream")
            .header("X-File-Name", name)
            .body(bytes);
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
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(30);
            return Err(Error::RateLimited(after));
        }
        if status == StatusCode::UNAUTHORIZED {
            return Err(Error::Unauthorized);
        }
        if status.is_server_error() {
            return Err(Error::Server(status.as_u16()));
        }
        let problem: Problem = json(response).await?;
        if status == StatusCode::UNPROCESSABLE_ENTITY {
            Err(Error::Rejected(problem))
        } else {
            Err(Error::Refused(problem))
        }
    }
}

/// Waits for the browser's redirect to `/callback` on the loopback listener
/// and returns its `code` once `state` matches; other requests get a 404.
async fn loopback_code(listener: &tokio::net::TcpListener, state: &str, page: &str) -> Result<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    loop {
        let (mut socket, _) = listener.accept().await.map_err(|e| Error::Offline(e.to_string()))?;
        let mut request = Vec::new();
        let mut buffer = [0u8; 1024];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") && request.len() < 8192 {
            match socket.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => request.extend_from_slice(&buffer[..n]),
            }
        }
        let line = String::from_utf8_lossy(&request)
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned();
        let target = line.split(' ').nth(1).unwrap_or_default();
        let Ok(url) = url::Url::parse(&format!("http://127.0.0.1{target}")) else {
            continue;
        };
        if url.path() != "/callback" {
            let _ = socket
                .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .await;
            continue;
        }
        let reply = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
            page.len()
        );
        let _ = socket.write_all(reply.as_bytes()).await;
        let value = |name: &str| url.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned());
        if value("state").as_deref() != Some(state) {
            return Err(Error::Malformed("the sign-in answer has another state".into()));
        }
        return value("code").ok_or(Error::Unauthorized);
    }
}

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

/// Reads a bounded body and decodes it.
async fn json<T: DeserializeOwned>(mut response: Response) -> Result<T> {
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                body.extend_from_slice(&chunk);
                if body.len() > MAX_BODY {
                    return Err(Error::Malformed(format!("the answer is larger than {MAX_BODY} bytes")));
                }
            }
            Ok(None) => break,
            Err(e) => return Err(Error::NoAnswer(e.to_string())),
        }
    }
    serde_json::from_slice(&body).map_err(|e| Error::Malformed(e.to_string()))
}
