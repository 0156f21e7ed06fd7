//! Injected faults, each seen by a real HTTP client.

use std::time::{Duration, Instant};

use portal::types::{Dossier, Fault, TokenResponse};
use reqwest::StatusCode;

use crate::common::*;

#[tokio::test]
async fn latency_delays_every_api_response_until_cleared() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    fault(&base, &Fault::Latency { millis: 400 }).await;
    for _ in 0..2 {
        let started = Instant::now();
        let response = api.get("/v1/catalog").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(
            started.elapsed() >= Duration::from_millis(400),
            "{:?}",
            started.elapsed()
        );
    }
    let started = Instant::now();
    http().get(format!("{base}/health")).send().await.unwrap();
    assert!(started.elapsed() < Duration::from_millis(400), "/health is not delayed");
    fault(&base, &Fault::Clear).await;
    let started = Instant::now();
    api.get("/v1/catalog").send().await.unwrap();
    assert!(started.elapsed() < Duration::from_millis(400));
    sandbox.stop().await;
}

#[tokio::test]
async fn server_errors_answer_the_next_requests_then_stop() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    fault(&base, &Fault::ServerError { status: 503, count: 2 }).await;
    let health = http().get(format!("{base}/health")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK, "faults never apply outside /v1");
    for _ in 0..2 {
        let response = api.create(&birth_dossier_with_certificate()).await;
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(problem(response).await.kind, "urn:dvc:problem:server-error");
    }
    assert!(
        api.changes(0).await.dossiers.is_empty(),
        "the failed requests did nothing"
    );
    let response = api.create(&birth_dossier_with_certificate()).await;
    assert_eq!(response.status(), StatusCode::CREATED);

    let refused = http()
        .post(format!("{base}/admin/faults"))
        .json(&Fault::ServerError { status: 404, count: 1 })
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "only 5xx statuses");
    sandbox.stop().await;
}

#[tokio::test]
async fn rate_limiting_answers_429_with_retry_after() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    fault(
        &base,
        &Fault::RateLimited {
            retry_after: 7,
            count: 1,
        },
    )
    .await;
    let response = api.get("/v1/catalog").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()["retry-after"], "7");
    assert_eq!(problem(response).await.kind, "urn:dvc:problem:rate-limited");
    assert_eq!(api.get("/v1/catalog").send().await.unwrap().status(), StatusCode::OK);
    sandbox.stop().await;
}

#[tokio::test]
async fn a_connection_dropped_after_store_is_recovered_by_the_same_key() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    fault(&base, &Fault::DropAfterStore).await;
    let key = uuid::Uuid::new_v4().to_string();
    let new = birth_dossier_with_certificate();
    let error = api
        .post("/v1/dossiers")
        .header("Idempotency-Key", &key)
        .json(&new)
        .send()
        .await
        .expect_err("the connection is dropped without an answer");
    assert!(error.status().is_none(), "no status was seen: {error:?}");
    assert!(error.is_request(), "a transport error: {error:?}");
    assert!(!error.is_timeout(), "{error:?}");

    let replay = api.create_with_key(&new, &key).await;
    assert_eq!(
        replay.status(),
        StatusCode::OK,
        "the dossier was stored before the drop"
    );
    let stored: Dossier = replay.json().await.unwrap();
    let changes = api.changes(0).await;
    assert_eq!(changes.dossiers.len(), 1, "exactly one dossier exists");
    assert_eq!(changes.dossiers[0].id, stored.id);
    let fresh = api.create(&birth_dossier_with_certificate()).await;
    assert_eq!(fresh.status(), StatusCode::CREATED, "the fault fires once");
    sandbox.stop().await;
}

#[tokio::test]
async fn a_malformed_body_is_200_json_that_does_not_parse() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    fault(&base, &Fault::MalformedBody).await;
    let response = api.get("/v1/dossiers?since=0").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/json");
    let body = response.text().await.unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(&body).is_err(), "{body}");
    api.changes(0).await;
    sandbox.stop().await;
}

#[tokio::test]
async fn expiring_tokens_gives_401_until_a_refresh() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let tokens = sign_in(&base, "cong-dan").await;
    let get = |token: String| {
        let base = base.clone();
        async move {
            http()
                .get(format!("{base}/v1/catalog"))
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
        }
    };
    assert_eq!(get(tokens.access_token.clone()).await.status(), StatusCode::OK);
    fault(&base, &Fault::ExpireTokens).await;
    let response = get(tokens.access_token.clone()).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        response.headers()["www-authenticate"],
        r#"Bearer error="invalid_token""#
    );
    let fresh: TokenResponse = refresh(&base, &tokens.refresh_token).await.json().await.unwrap();
    assert_eq!(get(fresh.access_token).await.status(), StatusCode::OK);
    sandbox.stop().await;
}

#[tokio::test]
async fn clear_disarms_every_fault() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    fault(&base, &Fault::ServerError { status: 500, count: 5 }).await;
    fault(
        &base,
        &Fault::RateLimited {
            retry_after: 1,
            count: 5,
        },
    )
    .await;
    fault(&base, &Fault::MalformedBody).await;
    fault(&base, &Fault::DropAfterStore).await;
    fault(&base, &Fault::Clear).await;
    assert_eq!(api.get("/v1/catalog").send().await.unwrap().status(), StatusCode::OK);
    assert_eq!(
        api.create(&birth_dossier_with_certificate()).await.status(),
        StatusCode::CREATED
    );
    sandbox.stop().await;
}
