//! The catalog: the list, signed definitions with ETags and 304, and
//! publishing a newer version through the admin route, bounded.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, SigningKey, VerifyingKey};
use portal::types::{CatalogEntry, CatalogList};
use portal_sandbox::{CATALOG_SIGNATURE_HEADER, Config, MAX_DEFINITION_BYTES, Sandbox};
use procedures::Catalog;
use procedures::definition::Definition;
use reqwest::StatusCode;

use crate::common::*;

#[tokio::test]
async fn the_list_is_the_bundled_catalog() {
    let sandbox = start().await;
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let list: CatalogList = api.get("/v1/catalog").send().await.unwrap().json().await.unwrap();
    let bundled = Catalog::bundled().unwrap();
    assert_eq!(list.procedures.len(), bundled.procedures().len());
    let birth = list.procedures.iter().find(|e| e.code == "1.001193").unwrap();
    assert_eq!(birth.version, 1);
    assert_eq!(birth.name.vi, "Đăng ký khai sinh");
    sandbox.stop().await;
}

#[tokio::test]
async fn a_definition_comes_with_an_etag_and_304_when_unchanged() {
    let sandbox = start().await;
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let response = api.get("/v1/catalog/1.001193").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(etag, "\"1.001193@1\"");
    let definition: Definition = response.json().await.unwrap();
    assert_eq!(definition.code, "1.001193");
    assert!(definition.documents.iter().any(|d| d.id == "giay_chung_sinh"));

    let cached = api
        .get("/v1/catalog/1.001193")
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(cached.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(cached.headers()["etag"], etag.as_str());
    assert!(cached.bytes().await.unwrap().is_empty());

    let stale = api
        .get("/v1/catalog/1.001193")
        .header("if-none-match", "\"1.001193@0\"")
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), StatusCode::OK);

    let missing = api.get("/v1/catalog/9.999999").send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(problem(missing).await.kind, "urn:dvc:problem:not-found");
    sandbox.stop().await;
}

#[tokio::test]
async fn publishing_a_newer_version_replaces_the_old_one() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let mut definition = api.definition("1.001193").await;
    definition["version"] = 2.into();
    definition["processing_time"]["vi"] = "Trong 1 ngày làm việc".into();
    let response = publish(&base, &definition).await;
    assert_eq!(response.status(), StatusCode::OK);
    let entry: CatalogEntry = response.json().await.unwrap();
    assert_eq!((entry.code.as_str(), entry.version), ("1.001193", 2));

    let list: CatalogList = api.get("/v1/catalog").send().await.unwrap().json().await.unwrap();
    assert!(list.procedures.iter().any(|e| e.code == "1.001193" && e.version == 2));
    let fresh = api
        .get("/v1/catalog/1.001193")
        .header("if-none-match", "\"1.001193@1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(fresh.status(), StatusCode::OK, "the old ETag no longer matches");
    assert_eq!(fresh.headers()["etag"], "\"1.001193@2\"");

    let outdated = api.create(&birth_dossier_with_certificate()).await;
    assert_eq!(outdated.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(outdated).await.kind, "urn:dvc:problem:version");
    let mut current = birth_dossier_with_certificate();
    current.procedure_version = 2;
    api.create_ok(&current).await;

    let again = publish(&base, &definition).await;
    assert_eq!(
        again.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the same version twice"
    );
    assert_eq!(problem(again).await.kind, "urn:dvc:problem:version");

    definition["version"] = 3.into();
    definition["documents"][1]["required_if"] = "no_such_field == true".into();
    let broken = publish(&base, &definition).await;
    assert_eq!(broken.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem = problem(broken).await;
    assert_eq!(problem.kind, "urn:dvc:problem:validation");
    assert!(
        problem.detail.unwrap().contains("no_such_field"),
        "the loader's message"
    );

    definition["unknown_key"] = true.into();
    let unknown = publish(&base, &definition).await;
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    sandbox.stop().await;
}

/// The `X-Catalog-Signature` of a 200 answer.
fn signature(response: &reqwest::Response) -> Signature {
    let header = response
        .headers()
        .get(CATALOG_SIGNATURE_HEADER)
        .expect("every 200 definition carries X-Catalog-Signature")
        .to_str()
        .unwrap();
    let signature = STANDARD.decode(header).expect("the signature is standard base64");
    Signature::from_slice(&signature).expect("64 bytes of Ed25519 signature")
}

/// Verifies `X-Catalog-Signature` of a 200 answer against `key`; returns the body.
async fn verified_body(response: reqwest::Response, key: &VerifyingKey) -> Vec<u8> {
    let signature = signature(&response);
    let body = response.bytes().await.unwrap().to_vec();
    key.verify_strict(&body, &signature)
        .expect("the signature covers the exact body bytes");
    body
}

#[tokio::test]
async fn a_definition_is_signed_and_etags_still_work() {
    let sandbox = start().await;
    let key = VerifyingKey::from_bytes(&sandbox.catalog_public_key()).unwrap();
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let response = api.get("/v1/catalog/1.001193").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(etag, "\"1.001193@1\"", "signing changes nothing else");
    assert_eq!(response.headers()["content-type"], "application/json");
    let body = verified_body(response, &key).await;
    let definition: Definition = serde_json::from_slice(&body).expect("the signed body is the definition");
    assert_eq!(definition.code, "1.001193");

    let mut tampered = body.clone();
    let at = tampered.iter().position(|b| *b == b'1').unwrap();
    tampered[at] = b'2';
    let again = api.get("/v1/catalog/1.001193").send().await.unwrap();
    let signature = signature(&again);
    assert!(
        key.verify_strict(&tampered, &signature).is_err(),
        "one changed byte breaks the signature"
    );

    let cached = api
        .get("/v1/catalog/1.001193")
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(cached.status(), StatusCode::NOT_MODIFIED, "304 still works");
    assert!(
        cached.headers().get(CATALOG_SIGNATURE_HEADER).is_none(),
        "a 304 has no body, so nothing to sign"
    );

    let other = Sandbox::start(config()).await.unwrap();
    assert_ne!(
        other.catalog_public_key(),
        sandbox.catalog_public_key(),
        "without a database file each run has its own key"
    );
    other.stop().await;
    sandbox.stop().await;
}

#[tokio::test]
async fn the_signing_key_is_kept_in_the_database_or_given() {
    let dir = tempfile::tempdir().unwrap();
    let with_file = || config_with_database(&dir.path().join("portal.sqlite"));
    let first = Sandbox::start(with_file()).await.unwrap();
    let key = first.catalog_public_key();
    first.stop().await;
    let second = Sandbox::start(with_file()).await.unwrap();
    assert_eq!(
        second.catalog_public_key(),
        key,
        "the key generated at first start is kept, so a pinned public key stays valid"
    );
    second.stop().await;

    let seed = [42u8; 32];
    let given = Sandbox::start(Config {
        signing_key: Some(seed),
        ..with_file()
    })
    .await
    .unwrap();
    let expected = SigningKey::from_bytes(&seed).verifying_key();
    assert_eq!(
        given.catalog_public_key(),
        expected.to_bytes(),
        "a given seed wins over the stored one"
    );
    let api = Api::sign_in(&given, "cong-dan").await;
    verified_body(api.get("/v1/catalog/1.000656").send().await.unwrap(), &expected).await;
    given.stop().await;
}

#[tokio::test]
async fn publishing_takes_at_most_512_kib() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let mut definition = api.definition("1.001193").await;
    definition["version"] = 2.into();
    definition["processing_time"]["vi"] = "x".repeat(MAX_DEFINITION_BYTES).into();
    let response = publish(&base, &definition).await;
    assert_eq!(
        response.status(),
        StatusCode::PAYLOAD_TOO_LARGE,
        "a body over 512 KiB is refused before it is parsed"
    );
    assert_eq!(problem(response).await.kind, "urn:dvc:problem:too-large");
    let list: CatalogList = api.get("/v1/catalog").send().await.unwrap().json().await.unwrap();
    assert!(
        list.procedures.iter().any(|e| e.code == "1.001193" && e.version == 1),
        "nothing was published"
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn a_deeply_nested_condition_is_refused_without_a_crash() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    let mut definition = api.definition("1.001193").await;
    definition["version"] = 2.into();
    let field = definition["steps"][0]["fields"][0]["id"].as_str().unwrap().to_owned();
    definition["steps"][0]["fields"][1]["show_if"] = format!("{}{field}", "!".repeat(100_000)).into();
    let response = publish(&base, &definition).await;
    assert!(
        response.status().is_client_error(),
        "100 KB of `!` is refused by the loader's bounds, got {}",
        response.status()
    );
    let detail = problem(response).await.detail.unwrap_or_default();
    assert!(detail.contains("show_if"), "the loader names what it refused: {detail}");
    let health = http().get(format!("{base}/health")).send().await.unwrap();
    assert_eq!(
        health.status(),
        StatusCode::OK,
        "the sandbox (and the app around it) still runs"
    );
    sandbox.stop().await;
}
