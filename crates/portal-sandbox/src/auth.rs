//! Sign-in as RFC 8252 asks of native apps: the authorization-code grant
//! with PKCE (S256 only) and a loopback redirect. The sandbox plays the
//! identity provider (the stand-in for VNeID): its sign-in page lists
//! [`crate::TEST_ACCOUNTS`]. Codes and tokens are stored as SHA-256 hashes.
//!
//! Refresh tokens rotate (RFC 9700 §4.14.2): each refresh answers a new
//! one and retires the old; presenting a retired one revokes every token of
//! that sign-in. `POST /oauth/revoke` follows RFC 7009. Expired codes and
//! tokens are deleted on each token request and in the daily sweep.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Extension, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::{Form, Json};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use portal::types::{Me, Role, TokenResponse};
use rand::RngCore;
use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};
use url::{Host, Url};

use crate::db::{now_millis, sha256_hex};
use crate::problem::ApiError;
use crate::state::Shared;
use crate::{CLIENT_ID, TEST_ACCOUNTS, TestAccount};

/// How long an authorization code may wait for its exchange.
const CODE_TTL: Duration = Duration::from_secs(60);

/// How long a refresh token lives.
const REFRESH_TTL: Duration = Duration::from_secs(30 * 24 * 3600);

/// The signed-in account of a `/v1/*` request.
#[derive(Debug, Clone)]
pub(crate) struct Account(pub String);

type Params = Vec<(String, String)>;

fn param<'a>(params: &'a Params, name: &str) -> Option<&'a str> {
    params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// 256 random bits, base64url: codes, tokens and the admin token.
pub(crate) fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A redirect URI RFC 8252 allows for a native app here: `http` on a
/// loopback IP literal (127.0.0.1 or [::1]), any port, no fragment. The name
/// `localhost` is refused (RFC 8252 §7.3): it may resolve elsewhere.
pub(crate) fn loopback_redirect(raw: &str) -> Option<Url> {
    let url = Url::parse(raw).ok()?;
    let loopback = match url.host()? {
        Host::Domain(_) => false,
        Host::Ipv4(ip) => ip == std::net::Ipv4Addr::LOCALHOST,
        Host::Ipv6(ip) => ip == std::net::Ipv6Addr::LOCALHOST,
    };
    let clean = url.fragment().is_none() && url.username().is_empty() && url.password().is_none();
    (url.scheme() == "http" && loopback && clean).then_some(url)
}

/// A PKCE code verifier or S256 challenge: 43 to 128 unreserved characters.
fn is_pkce_text(text: &str) -> bool {
    (43..=128).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

/// `BASE64URL(SHA256(verifier)) == challenge`.
pub(crate) fn pkce_s256_matches(verifier: &str, challenge: &str) -> bool {
    is_pkce_text(verifier) && URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())) == challenge
}

fn redirect_with(mut target: Url, pairs: &[(&str, &str)]) -> Response {
    {
        let mut query = target.query_pairs_mut();
        for (k, v) in pairs {
            query.append_pair(k, v);
        }
    }
    match HeaderValue::from_str(target.as_str()) {
        Ok(location) => (
            StatusCode::FOUND,
            [
                (header::LOCATION, location),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
            ],
        )
            .into_response(),
        Err(_) => ApiError::bad_request("redirect_uri không hợp lệ.").into_response(),
    }
}

/// `GET /oauth/authorize`.
pub(crate) async fn authorize(
    State(shared): State<Arc<Shared>>,
    query: Result<Query<Params>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
    if param(&params, "client_id") != Some(CLIENT_ID) {
        return Err(ApiError::bad_request(format!("client_id phải là `{CLIENT_ID}`.")));
    }
    let raw_redirect = param(&params, "redirect_uri").unwrap_or_default();
    let Some(redirect) = loopback_redirect(raw_redirect) else {
        return Err(ApiError::bad_request(
            "redirect_uri phải là địa chỉ http vòng lặp (127.0.0.1 hoặc [::1]).",
        ));
    };
    let state = param(&params, "state");
    let fail = |error: &str, description: &str| {
        let mut pairs = vec![("error", error), ("error_description", description)];
        pairs.extend(state.map(|s| ("state", s)));
        Ok(redirect_with(redirect.clone(), &pairs))
    };
    if param(&params, "response_type") != Some("code") {
        return fail("unsupported_response_type", "response_type must be code");
    }
    if param(&params, "code_challenge_method") != Some("S256") {
        return fail("invalid_request", "PKCE with code_challenge_method=S256 is required");
    }
    let Some(challenge) = param(&params, "code_challenge").filter(|c| is_pkce_text(c)) else {
        return fail("invalid_request", "code_challenge is missing or malformed");
    };
    let account = param(&params, "login_hint").and_then(|hint| TEST_ACCOUNTS.iter().find(|a| a.id == hint));
    let Some(account) = account else {
        return Ok(sign_in_page(&params).into_response());
    };
    let code = random_token();
    let expires_at = now_millis() + CODE_TTL.as_millis() as i64;
    shared.db.transaction(|tx| {
        tx.execute(
            "INSERT INTO auth_codes (code_hash, account, redirect_uri, challenge, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![sha256_hex(code.as_bytes()), account.id, raw_redirect, challenge, expires_at],
        )
    })?;
    tracing::info!("sign-in: code issued for test account {}", account.id);
    let mut pairs = vec![("code", code.as_str())];
    pairs.extend(state.map(|s| ("state", s)));
    Ok(redirect_with(redirect, &pairs))
}

fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn role_label(account: &TestAccount) -> &'static str {
    match account.role {
        Role::Officer => "Cán bộ bộ phận một cửa",
        Role::Citizen => "Công dân",
    }
}

/// `GET /v1/me`: the test account the access token was issued to.
pub(crate) async fn me(Extension(Account(account)): Extension<Account>) -> Result<Json<Me>, ApiError> {
    let found = TEST_ACCOUNTS
        .iter()
        .find(|a| a.id == account)
        .ok_or_else(|| ApiError::unauthorized("Tài khoản của mã truy cập không còn."))?;
    Ok(Json(Me {
        account: found.id.to_owned(),
        name: found.name.to_owned(),
        role: found.role,
    }))
}

/// The sign-in page: each test account is a link that adds `login_hint`.
fn sign_in_page(params: &Params) -> Html<String> {
    let kept: Vec<&(String, String)> = params.iter().filter(|(k, _)| k != "login_hint").collect();
    let links: String = TEST_ACCOUNTS
        .iter()
        .map(|account| {
            let mut query = url::form_urlencoded::Serializer::new(String::new());
            for (k, v) in &kept {
                query.append_pair(k, v);
            }
            query.append_pair("login_hint", account.id);
            format!(
                "<li><a href=\"/oauth/authorize?{}\">{}</a> — {}</li>\n",
                escape_html(&query.finish()),
                escape_html(account.name),
                role_label(account)
            )
        })
        .collect();
    Html(format!(
        "<!doctype html>\n<html lang=\"vi\">\n<head><meta charset=\"utf-8\">\
         <title>Đăng nhập — Cổng Dịch vụ công (môi trường thử nghiệm)</title></head>\n<body>\n\
         <h1>Đăng nhập</h1>\n\
         <p>Đây là môi trường thử nghiệm: thay cho đăng nhập bằng tài khoản định danh điện tử VNeID, \
         hãy chọn một tài khoản thử nghiệm.</p>\n<ul>\n{links}</ul>\n</body>\n</html>\n"
    ))
}

/// An RFC 6749 error answer of the token endpoint.
fn oauth_error(error: &str, description: &str) -> Response {
    let body = serde_json::json!({ "error": error, "error_description": description });
    (
        StatusCode::BAD_REQUEST,
        [(header::CACHE_CONTROL, "no-store"), (header::PRAGMA, "no-cache")],
        axum::Json(body),
    )
        .into_response()
}

/// The RFC 6749 `invalid_request` answer to a body that is not a form.
fn not_a_form() -> Response {
    oauth_error("invalid_request", "the body must be application/x-www-form-urlencoded")
}

/// `POST /oauth/token`: exchanges a code (with its PKCE verifier) or a
/// refresh token for an access token.
pub(crate) async fn token(
    State(shared): State<Arc<Shared>>,
    form: Result<Form<Params>, FormRejection>,
) -> Result<Response, ApiError> {
    let Ok(Form(params)) = form else {
        return Ok(not_a_form());
    };
    if param(&params, "client_id") != Some(CLIENT_ID) {
        return Ok(oauth_error("invalid_client", "unknown client_id"));
    }
    shared.db.transaction(prune)?;
    let grant = match param(&params, "grant_type") {
        Some("authorization_code") => exchange_code(&shared, &params)?,
        Some("refresh_token") => refresh(&shared, &params)?,
        _ => Err((
            "unsupported_grant_type",
            "grant_type must be authorization_code or refresh_token",
        )),
    };
    Ok(match grant {
        Ok(tokens) => (
            [(header::CACHE_CONTROL, "no-store"), (header::PRAGMA, "no-cache")],
            axum::Json(tokens),
        )
            .into_response(),
        Err((error, description)) => oauth_error(error, description),
    })
}

type Grant = Result<TokenResponse, (&'static str, &'static str)>;

fn exchange_code(shared: &Shared, params: &Params) -> Result<Grant, ApiError> {
    let (Some(code), Some(redirect_uri), Some(verifier)) = (
        param(params, "code"),
        param(params, "redirect_uri"),
        param(params, "code_verifier"),
    ) else {
        return Ok(Err((
            "invalid_request",
            "code, redirect_uri and code_verifier are required",
        )));
    };
    let code_hash = sha256_hex(code.as_bytes());
    let ttl = shared.config.access_token_ttl;
    shared.db.transaction(|tx| {
        let found: Option<(String, String, String, i64, bool)> = tx
            .query_row(
                "SELECT account, redirect_uri, challenge, expires_at, used FROM auth_codes WHERE code_hash = ?1",
                [&code_hash],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((account, expected_redirect, challenge, expires_at, used)) = found else {
            return Ok(Err(("invalid_grant", "unknown authorization code")));
        };
        if used {
            // RFC 6749 §4.1.2: a code used twice revokes what it gave.
            tx.execute("UPDATE tokens SET revoked = 1 WHERE code_hash = ?1", [&code_hash])?;
            tracing::warn!("sign-in: an authorization code was presented twice; its tokens are revoked");
            return Ok(Err(("invalid_grant", "the authorization code was already used")));
        }
        tx.execute("UPDATE auth_codes SET used = 1 WHERE code_hash = ?1", [&code_hash])?;
        if expires_at <= now_millis() {
            return Ok(Err(("invalid_grant", "the authorization code expired")));
        }
        if expected_redirect != redirect_uri {
            return Ok(Err((
                "invalid_grant",
                "redirect_uri differs from the authorization request",
            )));
        }
        if !pkce_s256_matches(verifier, &challenge) {
            return Ok(Err((
                "invalid_grant",
                "code_verifier does not match the code_challenge",
            )));
        }
        let refresh_token = random_token();
        insert_token(tx, &refresh_token, "refresh", &account, &code_hash, REFRESH_TTL)?;
        let access_token = random_token();
        insert_token(tx, &access_token, "access", &account, &code_hash, ttl)?;
        tracing::info!("sign-in: tokens issued for test account {account}");
        Ok(Ok(token_response(access_token, refresh_token, ttl)))
    })
}

fn refresh(shared: &Shared, params: &Params) -> Result<Grant, ApiError> {
    let Some(refresh_token) = param(params, "refresh_token") else {
        return Ok(Err(("invalid_request", "refresh_token is required")));
    };
    let ttl = shared.config.access_token_ttl;
    let old_hash = sha256_hex(refresh_token.as_bytes());
    shared.db.transaction(|tx| {
        let found: Option<(String, String, bool, i64)> = tx
            .query_row(
                "SELECT account, code_hash, revoked, expires_at FROM tokens WHERE token_hash = ?1 AND kind = 'refresh'",
                [&old_hash],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((account, family, revoked, expires_at)) = found else {
            return Ok(Err(("invalid_grant", "unknown, revoked or expired refresh token")));
        };
        if revoked {
            // RFC 9700 §4.14.2: a retired refresh token came back, so one of
            // its two holders is not the app; end the whole sign-in.
            revoke_family(tx, &family)?;
            tracing::warn!("sign-in: a retired refresh token was presented; its sign-in is revoked");
            return Ok(Err(("invalid_grant", "unknown, revoked or expired refresh token")));
        }
        if expires_at <= now_millis() {
            return Ok(Err(("invalid_grant", "unknown, revoked or expired refresh token")));
        }
        tx.execute("UPDATE tokens SET revoked = 1 WHERE token_hash = ?1", [&old_hash])?;
        let new_refresh = random_token();
        insert_token(tx, &new_refresh, "refresh", &account, &family, REFRESH_TTL)?;
        let access_token = random_token();
        insert_token(tx, &access_token, "access", &account, &family, ttl)?;
        Ok(Ok(token_response(access_token, new_refresh, ttl)))
    })
}

/// Revokes every token issued from one authorization code.
fn revoke_family(tx: &rusqlite::Transaction<'_>, code_hash: &str) -> rusqlite::Result<()> {
    tx.execute("UPDATE tokens SET revoked = 1 WHERE code_hash = ?1", [code_hash])?;
    Ok(())
}

/// Deletes expired authorization codes and tokens. A retired refresh token
/// stays until its own expiry, so its reuse is still recognised.
pub(crate) fn prune(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<()> {
    let now = now_millis();
    tx.execute("DELETE FROM auth_codes WHERE expires_at <= ?1", [now])?;
    tx.execute("DELETE FROM tokens WHERE expires_at <= ?1", [now])?;
    Ok(())
}

/// `POST /oauth/revoke` (RFC 7009): revokes an access token, or a refresh
/// token with every token of its sign-in. Unknown tokens get 200 too, so
/// the answer tells nothing about which tokens exist.
pub(crate) async fn revoke(
    State(shared): State<Arc<Shared>>,
    form: Result<Form<Params>, FormRejection>,
) -> Result<Response, ApiError> {
    let Ok(Form(params)) = form else {
        return Ok(not_a_form());
    };
    if param(&params, "client_id").is_some_and(|id| id != CLIENT_ID) {
        return Ok(oauth_error("invalid_client", "unknown client_id"));
    }
    let Some(token) = param(&params, "token").filter(|t| !t.is_empty()) else {
        return Ok(oauth_error("invalid_request", "token is required"));
    };
    let hash = sha256_hex(token.as_bytes());
    shared.db.transaction(|tx| {
        let found: Option<(String, String)> = tx
            .query_row(
                "SELECT kind, code_hash FROM tokens WHERE token_hash = ?1",
                [&hash],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match found {
            Some((kind, family)) if kind == "refresh" => revoke_family(tx, &family),
            Some(_) => tx
                .execute("UPDATE tokens SET revoked = 1 WHERE token_hash = ?1", [&hash])
                .map(drop),
            None => Ok(()),
        }
    })?;
    Ok(([(header::CACHE_CONTROL, "no-store")], StatusCode::OK).into_response())
}

fn insert_token(
    tx: &rusqlite::Transaction<'_>,
    token: &str,
    kind: &str,
    account: &str,
    code_hash: &str,
    ttl: Duration,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO tokens (token_hash, kind, account, code_hash, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            sha256_hex(token.as_bytes()),
            kind,
            account,
            code_hash,
            now_millis() + ttl.as_millis() as i64
        ],
    )?;
    Ok(())
}

fn token_response(access_token: String, refresh_token: String, ttl: Duration) -> TokenResponse {
    TokenResponse {
        access_token,
        token_type: "Bearer".into(),
        expires_in: ttl.as_secs(),
        refresh_token,
    }
}

/// The bearer token of a request, if it carries one.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// Middleware on `/v1`: a valid access token, or 401.
pub(crate) async fn require_bearer(
    State(shared): State<Arc<Shared>>,
    mut request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    let Some(token) = bearer(request.headers()) else {
        return Err(ApiError::unauthorized(
            "Yêu cầu cần mã truy cập (Authorization: Bearer).",
        ));
    };
    let hash = sha256_hex(token.as_bytes());
    let account: Option<String> = shared.db.transaction(|tx| {
        tx.query_row(
            "SELECT account FROM tokens WHERE token_hash = ?1 AND kind = 'access' AND revoked = 0 AND expires_at > ?2",
            params![hash, now_millis()],
            |r| r.get(0),
        )
        .optional()
    })?;
    let Some(account) = account else {
        return Err(ApiError::unauthorized("Mã truy cập không hợp lệ hoặc đã hết hạn."));
    };
    request.extensions_mut().insert(Account(account));
    Ok(next.run(request).await)
}

/// Expires every access token issued so far; refresh tokens stay valid.
pub(crate) fn expire_access_tokens(shared: &Shared) -> Result<(), ApiError> {
    shared.db.transaction(|tx| {
        tx.execute(
            "UPDATE tokens SET expires_at = ?1 WHERE kind = 'access' AND expires_at > ?1",
            [now_millis() - 1],
        )
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_http_redirects() {
        for good in [
            "http://127.0.0.1:49152/callback",
            "http://[::1]:8080/",
            "http://127.0.0.1/x?y=1",
        ] {
            assert!(
                loopback_redirect(good).is_some(),
                "{good} is a loopback IP literal over http"
            );
        }
        for bad in [
            "http://localhost/cb",
            "http://LOCALHOST:1/x?y=1",
            "https://127.0.0.1:1/cb",
            "http://example.com/cb",
            "http://127.0.0.2/cb",
            "http://127.0.0.1/cb#frag",
            "http://user@127.0.0.1/cb",
            "com.example.app:/cb",
            "",
        ] {
            assert!(
                loopback_redirect(bad).is_none(),
                "{bad} is not an http loopback IP literal (RFC 8252 §7.3)"
            );
        }
    }

    #[test]
    fn pkce_s256_follows_rfc_7636() {
        // RFC 7636, appendix B.
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        assert!(pkce_s256_matches(verifier, challenge));
        assert!(!pkce_s256_matches(
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXx",
            challenge
        ));
        assert!(!pkce_s256_matches("short", challenge));
    }

    fn exchange_params(code: &str, verifier: &str) -> Params {
        [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", "http://127.0.0.1:1/cb"),
            ("client_id", CLIENT_ID),
            ("code_verifier", verifier),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
    }

    #[test]
    fn a_code_older_than_60_seconds_is_refused() {
        let shared = Shared::open(crate::Config::default()).unwrap();
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        for (code, age) in [("fresh", 59_000), ("stale", 61_000)] {
            shared
                .db
                .transaction(|tx| {
                    tx.execute(
                        "INSERT INTO auth_codes (code_hash, account, redirect_uri, challenge, expires_at) \
                         VALUES (?1, 'cong-dan', 'http://127.0.0.1:1/cb', ?2, ?3)",
                        params![
                            sha256_hex(code.as_bytes()),
                            challenge,
                            now_millis() - age + CODE_TTL.as_millis() as i64
                        ],
                    )
                })
                .unwrap();
        }
        let fresh = exchange_code(&shared, &exchange_params("fresh", verifier)).unwrap();
        assert!(fresh.is_ok(), "{fresh:?}");
        let stale = exchange_code(&shared, &exchange_params("stale", verifier)).unwrap();
        assert_eq!(stale, Err(("invalid_grant", "the authorization code expired")));
    }
}
