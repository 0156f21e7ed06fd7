//! Sign-in: authorization code with PKCE (S256), single-use codes, refresh,
//! expiry, and the loopback-only redirect.

use std::time::Duration;

use portal::types::{Me, Role, TokenResponse};
use portal_sandbox::{CLIENT_ID, Config, Sandbox, TEST_ACCOUNTS};
use reqwest::StatusCode;

use crate::common::*;

async fn catalog_status(base: &str, token: &str) -> StatusCode {
    http()
        .get(format!("{base}/v1/catalog"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
}

async fn oauth_error(response: reqwest::Response) -> String {
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = response.json().await.unwrap();
    body["error"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn pkce_sign_in_then_refresh() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let (verifier, challenge) = pkce();
    let code = authorization_code(&base, &challenge, "cong-dan").await;
    let response = exchange(&base, &code, &verifier).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let tokens: TokenResponse = response.json().await.unwrap();
    assert_eq!(tokens.token_type, "Bearer");
    assert_eq!(tokens.expires_in, 3600);
    assert_eq!(catalog_status(&base, &tokens.access_token).await, StatusCode::OK);

    let response = refresh(&base, &tokens.refresh_token).await;
    assert_eq!(response.status(), StatusCode::OK);
    let again: TokenResponse = response.json().await.unwrap();
    assert_ne!(again.access_token, tokens.access_token, "a new access token");
    assert_eq!(catalog_status(&base, &again.access_token).await, StatusCode::OK);
    assert_eq!(
        catalog_status(&base, &tokens.access_token).await,
        StatusCode::OK,
        "the old access token lives until it expires"
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn a_wrong_verifier_is_refused() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let (_, challenge) = pkce();
    let (other_verifier, _) = pkce();
    let code = authorization_code(&base, &challenge, "cong-dan").await;
    assert_eq!(
        oauth_error(exchange(&base, &code, &other_verifier).await).await,
        "invalid_grant"
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn a_code_works_once_and_its_reuse_revokes_its_tokens() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let (verifier, challenge) = pkce();
    let code = authorization_code(&base, &challenge, "cong-dan").await;
    let tokens: TokenResponse = exchange(&base, &code, &verifier).await.json().await.unwrap();
    assert_eq!(catalog_status(&base, &tokens.access_token).await, StatusCode::OK);
    assert_eq!(
        oauth_error(exchange(&base, &code, &verifier).await).await,
        "invalid_grant"
    );
    assert_eq!(
        catalog_status(&base, &tokens.access_token).await,
        StatusCode::UNAUTHORIZED,
        "RFC 6749 §4.1.2: the tokens of a code used twice are revoked"
    );
    assert_eq!(
        oauth_error(refresh(&base, &tokens.refresh_token).await).await,
        "invalid_grant"
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn an_expired_token_is_401_and_refresh_gives_a_new_one() {
    let sandbox = Sandbox::start(Config {
        access_token_ttl: Duration::from_millis(700),
        ..config()
    })
    .await
    .unwrap();
    let base = sandbox.base_url();
    let tokens = sign_in(&base, "cong-dan").await;
    assert_eq!(catalog_status(&base, &tokens.access_token).await, StatusCode::OK);
    tokio::time::sleep(Duration::from_millis(900)).await;
    let response = http()
        .get(format!("{base}/v1/catalog"))
        .bearer_auth(&tokens.access_token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        response.headers()["www-authenticate"],
        r#"Bearer error="invalid_token""#
    );
    let problem = problem(response).await;
    assert_eq!(problem.kind, "urn:dvc:problem:unauthorized");

    let fresh: TokenResponse = refresh(&base, &tokens.refresh_token).await.json().await.unwrap();
    assert_eq!(catalog_status(&base, &fresh.access_token).await, StatusCode::OK);
    sandbox.stop().await;
}

#[tokio::test]
async fn missing_and_unknown_tokens_are_401() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let response = http().get(format!("{base}/v1/catalog")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        response.headers()["www-authenticate"],
        r#"Bearer error="invalid_token""#
    );
    assert_eq!(problem(response).await.kind, "urn:dvc:problem:unauthorized");
    assert_eq!(catalog_status(&base, "not-a-token").await, StatusCode::UNAUTHORIZED);
    let response = http()
        .get(format!("{base}/v1/dossiers/x"))
        .header("authorization", "Basic dXNlcjpwYXNz")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    sandbox.stop().await;
}

#[tokio::test]
async fn the_sign_in_page_lists_the_test_accounts() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let (_, challenge) = pkce();
    let response = http()
        .get(authorize_url(&base, &challenge, "abc", None))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let page = response.text().await.unwrap();
    assert!(page.contains("lang=\"vi\""));
    for account in TEST_ACCOUNTS {
        assert!(page.contains(account.name), "{} is listed", account.name);
        assert!(page.contains(&format!("login_hint={}", account.id)));
    }
    assert!(
        TEST_ACCOUNTS
            .iter()
            .any(|a| a.id == "cong-dan" && a.name == "Nguyễn Văn An")
    );
    assert!(
        TEST_ACCOUNTS
            .iter()
            .any(|a| a.id == "can-bo" && a.role == Role::Officer)
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn me_names_the_account_of_the_token_and_its_role() {
    let sandbox = start().await;
    let client = portal::Client::new(&sandbox.base_url()).unwrap();
    for account in TEST_ACCOUNTS {
        let tokens = client.sign_in_test_account(account.id).await.unwrap();
        let me = client.me(&tokens.access_token).await.unwrap();
        assert_eq!(
            me,
            Me {
                account: account.id.to_owned(),
                name: account.name.to_owned(),
                role: account.role,
            }
        );
    }
    assert!(matches!(
        client.me("not-a-token").await,
        Err(portal::Error::Unauthorized)
    ));
    sandbox.stop().await;
}

#[tokio::test]
async fn only_loopback_redirects_and_s256_are_accepted() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let (_, challenge) = pkce();
    for redirect in [
        "https://127.0.0.1:5000/cb",
        "http://evil.example/cb",
        "http://10.0.0.1/cb",
        "http://localhost:1234/",
    ] {
        let url = authorize_url(&base, &challenge, "s", Some("cong-dan"))
            .replace(&url_encode(REDIRECT_URI), &url_encode(redirect));
        let response = http().get(url).send().await.unwrap();
        assert_eq!(
            response.status(),
            StatusCode::BAD_REQUEST,
            "{redirect} is not an http loopback IP literal (RFC 8252 §7.3 and §8.3)"
        );
        assert_eq!(problem(response).await.kind, "urn:dvc:problem:bad-request");
    }
    for loopback in ["http://[::1]:8080/cb", "http://127.0.0.1:1234/"] {
        let url = authorize_url(&base, &challenge, "s", Some("cong-dan"))
            .replace(&url_encode(REDIRECT_URI), &url_encode(loopback));
        let response = http().get(url).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::FOUND, "{loopback}");
    }
    let plain = authorize_url(&base, &challenge, "s", Some("cong-dan")).replace("S256", "plain");
    let response = http().get(plain).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    let location = response.headers()["location"].to_str().unwrap();
    assert!(location.contains("error=invalid_request"), "{location}");
    assert!(location.contains("state=s"), "{location}");

    let wrong_client = authorize_url(&base, &challenge, "s", Some("cong-dan")).replace(CLIENT_ID, "other-app");
    assert_eq!(
        http().get(wrong_client).send().await.unwrap().status(),
        StatusCode::BAD_REQUEST
    );
    sandbox.stop().await;
}

fn url_encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[tokio::test]
async fn token_endpoint_errors_follow_rfc_6749() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let (verifier, challenge) = pkce();
    let code = authorization_code(&base, &challenge, "cong-dan").await;
    let wrong_client = token_request(
        &base,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", REDIRECT_URI),
            ("client_id", "other"),
            ("code_verifier", &verifier),
        ],
    )
    .await;
    assert_eq!(oauth_error(wrong_client).await, "invalid_client");
    let wrong_redirect = token_request(
        &base,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", "http://127.0.0.1:1/other"),
            ("client_id", CLIENT_ID),
            ("code_verifier", &verifier),
        ],
    )
    .await;
    assert_eq!(oauth_error(wrong_redirect).await, "invalid_grant");
    let password = token_request(&base, &[("grant_type", "password"), ("client_id", CLIENT_ID)]).await;
    assert_eq!(oauth_error(password).await, "unsupported_grant_type");
    let missing = token_request(&base, &[("grant_type", "authorization_code"), ("client_id", CLIENT_ID)]).await;
    assert_eq!(oauth_error(missing).await, "invalid_request");
    assert_eq!(oauth_error(refresh(&base, "unknown").await).await, "invalid_grant");
    sandbox.stop().await;
}

/// `POST /oauth/revoke` with a form.
async fn revoke(base: &str, pairs: &[(&str, &str)]) -> reqwest::Response {
    http()
        .post(format!("{base}/oauth/revoke"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form(pairs))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_refresh_rotates_the_refresh_token_and_reuse_revokes_the_sign_in() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let first = sign_in(&base, "cong-dan").await;
    let second: TokenResponse = refresh(&base, &first.refresh_token).await.json().await.unwrap();
    assert_ne!(
        second.refresh_token, first.refresh_token,
        "each refresh answers a new refresh token (RFC 9700 §4.14.2)"
    );
    let third: TokenResponse = refresh(&base, &second.refresh_token).await.json().await.unwrap();
    assert_eq!(
        catalog_status(&base, &third.access_token).await,
        StatusCode::OK,
        "the rotated refresh token works once"
    );

    assert_eq!(
        oauth_error(refresh(&base, &first.refresh_token).await).await,
        "invalid_grant",
        "a retired refresh token is refused"
    );
    assert_eq!(
        catalog_status(&base, &third.access_token).await,
        StatusCode::UNAUTHORIZED,
        "its reuse means a copy leaked, so the whole sign-in is revoked"
    );
    assert_eq!(
        oauth_error(refresh(&base, &third.refresh_token).await).await,
        "invalid_grant",
        "the newest refresh token of that sign-in is revoked too"
    );

    let other = sign_in(&base, "cong-dan").await;
    assert_eq!(
        catalog_status(&base, &other.access_token).await,
        StatusCode::OK,
        "another sign-in of the same account is untouched"
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn revoke_follows_rfc_7009() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let tokens = sign_in(&base, "cong-dan").await;

    let response = revoke(&base, &[("token", &tokens.access_token), ("client_id", CLIENT_ID)]).await;
    assert_eq!(response.status(), StatusCode::OK, "revoking an access token");
    assert_eq!(
        catalog_status(&base, &tokens.access_token).await,
        StatusCode::UNAUTHORIZED,
        "a revoked access token no longer opens /v1"
    );
    let renewed: TokenResponse = refresh(&base, &tokens.refresh_token).await.json().await.unwrap();
    assert_eq!(
        catalog_status(&base, &renewed.access_token).await,
        StatusCode::OK,
        "revoking an access token leaves its refresh token usable"
    );

    let response = revoke(
        &base,
        &[("token", &renewed.refresh_token), ("token_type_hint", "refresh_token")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK, "revoking a refresh token");
    assert_eq!(
        oauth_error(refresh(&base, &renewed.refresh_token).await).await,
        "invalid_grant",
        "sign-out ends the refresh token at the portal, not only in the app"
    );
    assert_eq!(
        catalog_status(&base, &renewed.access_token).await,
        StatusCode::UNAUTHORIZED,
        "and the access tokens of the same sign-in (RFC 7009 §2.1)"
    );

    let unknown = revoke(&base, &[("token", "never-issued")]).await;
    assert_eq!(
        unknown.status(),
        StatusCode::OK,
        "an unknown token gets 200 too (RFC 7009 §2.2), so nothing is revealed"
    );
    assert_eq!(
        oauth_error(revoke(&base, &[("client_id", CLIENT_ID)]).await).await,
        "invalid_request",
        "the token parameter is required"
    );
    assert_eq!(
        oauth_error(revoke(&base, &[("token", "x"), ("client_id", "other-app")]).await).await,
        "invalid_client",
        "only the app's client_id is known"
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn expired_codes_and_tokens_are_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("portal.sqlite");
    let sandbox = Sandbox::start(Config {
        access_token_ttl: Duration::from_millis(300),
        ..config_with_database(&database)
    })
    .await
    .unwrap();
    let base = sandbox.base_url();
    let tokens = sign_in(&base, "cong-dan").await;
    let raw = open_database(&database);
    raw.execute(
        "INSERT INTO auth_codes (code_hash, account, redirect_uri, challenge, expires_at) \
         VALUES ('expired-code', 'cong-dan', 'http://127.0.0.1:1/cb', 'c', 1)",
        [],
    )
    .unwrap();
    tokio::time::sleep(Duration::from_millis(400)).await;
    let renewed = refresh(&base, &tokens.refresh_token).await;
    assert_eq!(renewed.status(), StatusCode::OK);

    let now = chrono::Utc::now().timestamp_millis();
    let expired_codes: i64 = raw
        .query_row("SELECT COUNT(*) FROM auth_codes WHERE expires_at <= ?1", [now], |r| {
            r.get(0)
        })
        .unwrap();
    let expired_tokens: i64 = raw
        .query_row("SELECT COUNT(*) FROM tokens WHERE expires_at <= ?1", [now], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(expired_codes, 0, "a token request deletes expired authorization codes");
    assert_eq!(
        expired_tokens, 0,
        "and expired tokens: the first access token was 300 ms old"
    );
    let retired: i64 = raw
        .query_row(
            "SELECT COUNT(*) FROM tokens WHERE kind = 'refresh' AND revoked = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        retired, 1,
        "the retired refresh token stays until its own expiry, so its reuse is still caught"
    );
    sandbox.stop().await;
}
