//! Sign-in: authorization code with PKCE (S256), single-use codes, refresh,
//! expiry, and the loopback-only redirect.

use std::time::Duration;

use portal::types::TokenResponse;
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
    assert!(TEST_ACCOUNTS.iter().any(|a| a.id == "can-bo" && a.role == "officer"));
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
    ] {
        let url = authorize_url(&base, &challenge, "s", Some("cong-dan"))
            .replace(&url_encode(REDIRECT_URI), &url_encode(redirect));
        let response = http().get(url).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{redirect}");
        assert_eq!(problem(response).await.kind, "urn:dvc:problem:bad-request");
    }
    for loopback in ["http://[::1]:8080/cb", "http://localhost:1234/"] {
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
