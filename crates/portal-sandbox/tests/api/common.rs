//! Helpers shared by the tests: starting a sandbox, signing in through the
//! real OAuth flow, and a valid birth-registration dossier.

use std::path::Path;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::NaiveDate;
use portal::types::{AttachmentManifest, Dossier, NewDossier, TokenResponse};
use portal_sandbox::{CLIENT_ID, Config, Sandbox};
use procedures::engine::Answers;
use rand::RngCore;
use reqwest::{Client, Response, StatusCode};
use sha2::{Digest, Sha256};

/// The sandbox's date in these tests.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

/// The admin token of the tests' sandboxes, which [`http`] sends.
pub const ADMIN_TOKEN: &str = "admin-token-of-the-tests";

/// The configuration tests start with: in memory, on [`today`], with
/// [`ADMIN_TOKEN`].
pub fn config() -> Config {
    Config {
        today: Some(today()),
        admin_token: Some(ADMIN_TOKEN.to_owned()),
        ..Config::default()
    }
}

/// [`config`] with the database kept in the file at `path`.
pub fn config_with_database(path: &Path) -> Config {
    Config {
        database: Some(path.to_owned()),
        ..config()
    }
}

/// A sandbox on a free port.
pub async fn start() -> Sandbox {
    Sandbox::start(config()).await.expect("the sandbox starts")
}

/// An HTTP client that does not follow redirects and sends [`ADMIN_TOKEN`]
/// (harmless outside `/admin/*`).
pub fn http() -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        portal_sandbox::ADMIN_TOKEN_HEADER,
        reqwest::header::HeaderValue::from_static(ADMIN_TOKEN),
    );
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .default_headers(headers)
        .build()
        .unwrap()
}

/// An HTTP client like [`http`] without the admin token.
pub fn http_without_admin_token() -> Client {
    Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// A PKCE verifier and its S256 challenge.
pub fn pkce() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let verifier = URL_SAFE_NO_PAD.encode(bytes);
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    (verifier, challenge)
}

/// The loopback redirect URI the tests use.
pub const REDIRECT_URI: &str = "http://127.0.0.1:49152/callback";

/// `/oauth/authorize?…` with these parameters.
pub fn authorize_url(base: &str, challenge: &str, state: &str, login_hint: Option<&str>) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query
        .append_pair("response_type", "code")
        .append_pair("client_id", CLIENT_ID)
        .append_pair("redirect_uri", REDIRECT_URI)
        .append_pair("code_challenge", challenge)
        .append_pair("code_challenge_method", "S256")
        .append_pair("state", state);
    if let Some(hint) = login_hint {
        query.append_pair("login_hint", hint);
    }
    format!("{base}/oauth/authorize?{}", query.finish())
}

/// Follows the authorize redirect and returns the `code` (checking `state`).
pub async fn authorization_code(base: &str, challenge: &str, account: &str) -> String {
    let response = http()
        .get(authorize_url(base, challenge, "s-123", Some(account)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with(REDIRECT_URI), "{location}");
    let url = url::Url::parse(&location).unwrap();
    let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    assert!(
        pairs.contains(&("state".into(), "s-123".into())),
        "state comes back: {pairs:?}"
    );
    pairs
        .into_iter()
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v)
        .expect("a code")
}

/// A form-encoded body.
pub fn form(pairs: &[(&str, &str)]) -> String {
    let mut body = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        body.append_pair(k, v);
    }
    body.finish()
}

/// `POST /oauth/token` with a form.
pub async fn token_request(base: &str, pairs: &[(&str, &str)]) -> Response {
    http()
        .post(format!("{base}/oauth/token"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form(pairs))
        .send()
        .await
        .unwrap()
}

/// Exchanges a code for tokens.
pub async fn exchange(base: &str, code: &str, verifier: &str) -> Response {
    token_request(
        base,
        &[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", REDIRECT_URI),
            ("client_id", CLIENT_ID),
            ("code_verifier", verifier),
        ],
    )
    .await
}

/// Refreshes an access token.
pub async fn refresh(base: &str, refresh_token: &str) -> Response {
    token_request(
        base,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
            ("client_id", CLIENT_ID),
        ],
    )
    .await
}

/// Signs `account` in through the whole flow.
pub async fn sign_in(base: &str, account: &str) -> TokenResponse {
    let (verifier, challenge) = pkce();
    let code = authorization_code(base, &challenge, account).await;
    let response = exchange(base, &code, &verifier).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// A signed-in client of one sandbox.
pub struct Api {
    pub base: String,
    pub http: Client,
    pub token: String,
}

impl Api {
    /// Signs `account` in.
    pub async fn sign_in(sandbox: &Sandbox, account: &str) -> Api {
        let tokens = sign_in(&sandbox.base_url(), account).await;
        Api::with_token(sandbox, &tokens.access_token)
    }

    /// A client of `sandbox` with an access token it issued (before a restart,
    /// say).
    pub fn with_token(sandbox: &Sandbox, token: &str) -> Api {
        Api {
            base: sandbox.base_url(),
            http: http(),
            token: token.to_owned(),
        }
    }

    /// `GET /v1/catalog/{code}` as JSON, to change and [`publish`] again.
    pub async fn definition(&self, code: &str) -> serde_json::Value {
        self.get(&format!("/v1/catalog/{code}"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    pub fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.http.get(format!("{}{path}", self.base)).bearer_auth(&self.token)
    }

    pub fn post(&self, path: &str) -> reqwest::RequestBuilder {
        self.http.post(format!("{}{path}", self.base)).bearer_auth(&self.token)
    }

    pub fn put(&self, path: &str) -> reqwest::RequestBuilder {
        self.http.put(format!("{}{path}", self.base)).bearer_auth(&self.token)
    }

    /// `POST /v1/dossiers` with a fresh key.
    pub async fn create(&self, new: &NewDossier) -> Response {
        self.create_with_key(new, &uuid::Uuid::new_v4().to_string()).await
    }

    /// `POST /v1/dossiers` with this key.
    pub async fn create_with_key(&self, new: &NewDossier, key: &str) -> Response {
        self.post("/v1/dossiers")
            .header("Idempotency-Key", key)
            .json(new)
            .send()
            .await
            .unwrap()
    }

    /// Creates a dossier that must succeed.
    pub async fn create_ok(&self, new: &NewDossier) -> Dossier {
        let response = self.create(new).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        response.json().await.unwrap()
    }

    /// Creates a birth registration and uploads its certificate: a dossier
    /// that is `submitted`, as it now stands.
    pub async fn create_submitted(&self) -> Dossier {
        let created = self.create_ok(&birth_dossier_with_certificate()).await;
        let uploaded = self
            .upload(&created.id, "giay_chung_sinh", "Giấy chứng sinh.pdf", certificate())
            .await;
        assert_eq!(uploaded.status(), StatusCode::OK);
        let dossier = self.dossier(&created.id).await;
        assert_eq!(dossier.status, portal::types::Status::Submitted);
        dossier
    }

    /// `PUT` one attachment.
    pub async fn upload(&self, dossier: &str, document: &str, name: &str, bytes: Vec<u8>) -> Response {
        let encoded = percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC).to_string();
        self.put(&format!("/v1/dossiers/{dossier}/attachments/{document}"))
            .header("content-type", "application/octet-stream")
            .header("X-File-Name", encoded)
            .body(bytes)
            .send()
            .await
            .unwrap()
    }

    /// `GET /v1/dossiers/{id}` that must succeed.
    pub async fn dossier(&self, id: &str) -> Dossier {
        let response = self.get(&format!("/v1/dossiers/{id}")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }

    /// `GET /v1/dossiers?since=`.
    pub async fn changes(&self, since: u64) -> portal::types::DossierChanges {
        let response = self.get(&format!("/v1/dossiers?since={since}")).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        response.json().await.unwrap()
    }
}

/// `POST /admin/faults`.
pub async fn fault(base: &str, fault: &portal::types::Fault) {
    let response = http()
        .post(format!("{base}/admin/faults"))
        .json(fault)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
}

/// `PUT /admin/catalog`: publishes a definition.
pub async fn publish(base: &str, definition: &serde_json::Value) -> Response {
    http()
        .put(format!("{base}/admin/catalog"))
        .json(definition)
        .send()
        .await
        .unwrap()
}

/// A direct connection to a sandbox's database file, beside the sandbox.
pub fn open_database(path: &Path) -> rusqlite::Connection {
    let raw = rusqlite::Connection::open(path).unwrap();
    raw.busy_timeout(Duration::from_secs(5)).unwrap();
    raw
}

/// `POST /admin/dossiers/{id}/status`.
pub async fn admin_status(base: &str, id: &str, status: portal::types::Status, note: Option<&str>) -> Response {
    http()
        .post(format!("{base}/admin/dossiers/{id}/status"))
        .json(&portal::types::StatusUpdate {
            status,
            note: note.map(str::to_owned),
            handler: None,
            due_date: None,
        })
        .send()
        .await
        .unwrap()
}

/// A valid birth registration (1.001193): a child born four weeks before
/// [`today`], a medical birth certificate, the mother living in Hà Nội.
pub fn birth_answers() -> Answers {
    serde_json::from_str(include_str!(
        "../../../procedures/tests/fixtures/birth-registration.json"
    ))
    .expect("the shared fixture parses")
}

/// The bytes of a small "scanned" birth certificate.
pub fn certificate() -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n% Giay chung sinh (ban chinh)\n".to_vec();
    bytes.extend((0..4096u32).map(|i| (i % 251) as u8));
    bytes.extend_from_slice(b"\n%%EOF\n");
    bytes
}

/// The manifest entry for `bytes`.
pub fn manifest(document_id: &str, file_name: &str, bytes: &[u8]) -> AttachmentManifest {
    AttachmentManifest {
        document_id: document_id.into(),
        file_name: file_name.into(),
        size: bytes.len() as u64,
        sha256: Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect(),
    }
}

/// A birth registration announcing `attachments`.
pub fn birth_dossier(attachments: Vec<AttachmentManifest>) -> NewDossier {
    NewDossier {
        procedure_code: "1.001193".into(),
        procedure_version: 1,
        answers: birth_answers(),
        attachments,
        on_behalf: None,
    }
}

/// A birth registration announcing the birth certificate.
pub fn birth_dossier_with_certificate() -> NewDossier {
    birth_dossier(vec![manifest("giay_chung_sinh", "Giấy chứng sinh.pdf", &certificate())])
}

/// The problem document of a response, checking its media type.
pub async fn problem(response: Response) -> portal::types::Problem {
    let media = response.headers()["content-type"].to_str().unwrap().to_owned();
    assert_eq!(media, portal::types::PROBLEM_JSON);
    let status = response.status().as_u16();
    let problem: portal::types::Problem = response.json().await.unwrap();
    assert_eq!(problem.status, status, "the body repeats the status");
    problem
}
