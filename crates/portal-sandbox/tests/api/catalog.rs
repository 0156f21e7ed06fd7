//! The catalog: the list, definitions with ETags and 304, and publishing a
//! newer version through the admin route.

use portal::types::{CatalogEntry, CatalogList};
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
    let mut definition: serde_json::Value = api
        .get("/v1/catalog/1.001193")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    definition["version"] = 2.into();
    definition["processing_time"]["vi"] = "Trong 1 ngày làm việc".into();
    let response = http()
        .put(format!("{base}/admin/catalog"))
        .json(&definition)
        .send()
        .await
        .unwrap();
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

    let again = http()
        .put(format!("{base}/admin/catalog"))
        .json(&definition)
        .send()
        .await
        .unwrap();
    assert_eq!(
        again.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the same version twice"
    );
    assert_eq!(problem(again).await.kind, "urn:dvc:problem:version");

    definition["version"] = 3.into();
    definition["documents"][1]["required_if"] = "no_such_field == true".into();
    let broken = http()
        .put(format!("{base}/admin/catalog"))
        .json(&definition)
        .send()
        .await
        .unwrap();
    assert_eq!(broken.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem = problem(broken).await;
    assert_eq!(problem.kind, "urn:dvc:problem:validation");
    assert!(
        problem.detail.unwrap().contains("no_such_field"),
        "the loader's message"
    );

    definition["unknown_key"] = true.into();
    let unknown = http()
        .put(format!("{base}/admin/catalog"))
        .json(&definition)
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::UNPROCESSABLE_ENTITY);
    sandbox.stop().await;
}
