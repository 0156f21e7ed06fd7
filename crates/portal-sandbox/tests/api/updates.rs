//! The update manifest the app's updater reads, and its bundle, over real
//! HTTP: offered only to older versions, only through the admin token, and
//! cut short on request.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use portal::types::PublishUpdate;
use reqwest::StatusCode;

use crate::common::*;

fn release(version: &str, bundle: &[u8], cut_after_bytes: Option<u64>) -> PublishUpdate {
    PublishUpdate {
        version: version.into(),
        notes: "Sửa lỗi tải tệp ảnh chân dung.".into(),
        signature: "c2lnbmF0dXJl".into(),
        bundle: STANDARD.encode(bundle),
        cut_after_bytes,
    }
}

async fn offer(base: &str, update: &PublishUpdate) -> reqwest::Response {
    http()
        .put(format!("{base}/admin/update"))
        .json(update)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_release_is_offered_to_older_versions_only_with_its_notes_signature_and_bundle() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let manifest_for = |version: &str| format!("{base}/updates/linux/x86_64/{version}");

    let none = http().get(manifest_for("0.1.0")).send().await.unwrap();
    assert_eq!(
        none.status(),
        StatusCode::NO_CONTENT,
        "nothing is offered before a release is put up"
    );

    let bundle: Vec<u8> = (0..=255u8).cycle().take(200_000).collect();
    assert_eq!(
        offer(&base, &release("0.2.0", &bundle, None)).await.status(),
        StatusCode::NO_CONTENT
    );

    let older = http().get(manifest_for("0.1.0")).send().await.unwrap();
    assert_eq!(older.status(), StatusCode::OK);
    let manifest: serde_json::Value = older.json().await.unwrap();
    assert_eq!(manifest["version"], "0.2.0");
    assert_eq!(manifest["notes"], "Sửa lỗi tải tệp ảnh chân dung.");
    assert_eq!(manifest["signature"], "c2lnbmF0dXJl");
    assert!(
        manifest["pub_date"].as_str().unwrap().ends_with('Z'),
        "RFC 3339 in UTC: {manifest}"
    );
    let url = manifest["url"].as_str().unwrap();
    assert_eq!(url, format!("{base}/updates/bundle/0.2.0"));

    for same_or_newer in ["0.2.0", "v0.2.0", "0.3.1"] {
        let response = http().get(manifest_for(same_or_newer)).send().await.unwrap();
        assert_eq!(
            response.status(),
            StatusCode::NO_CONTENT,
            "{same_or_newer} gets no offer"
        );
    }
    let bad = http().get(manifest_for("latest")).send().await.unwrap();
    assert_eq!(
        bad.status(),
        StatusCode::BAD_REQUEST,
        "a version that is not semver is refused"
    );

    let downloaded = http().get(url).send().await.unwrap();
    assert_eq!(downloaded.status(), StatusCode::OK);
    assert_eq!(downloaded.bytes().await.unwrap().as_ref(), bundle.as_slice());
    let other = http().get(format!("{base}/updates/bundle/0.1.9")).send().await.unwrap();
    assert_eq!(
        other.status(),
        StatusCode::NOT_FOUND,
        "only the release on offer is served"
    );

    let withdrawn = http().delete(format!("{base}/admin/update")).send().await.unwrap();
    assert_eq!(withdrawn.status(), StatusCode::NO_CONTENT);
    let after = http().get(manifest_for("0.1.0")).send().await.unwrap();
    assert_eq!(
        after.status(),
        StatusCode::NO_CONTENT,
        "a withdrawn release is no longer offered"
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn only_the_admin_token_puts_up_a_release_and_it_must_be_well_formed() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let without = http_without_admin_token()
        .put(format!("{base}/admin/update"))
        .json(&release("9.0.0", b"x", None))
        .send()
        .await
        .unwrap();
    assert_eq!(without.status(), StatusCode::UNAUTHORIZED);
    let bad_version = offer(&base, &release("nine", b"x", None)).await;
    assert_eq!(bad_version.status(), StatusCode::BAD_REQUEST);
    let mut unsigned = release("9.0.0", b"x", None);
    unsigned.signature = " ".into();
    assert_eq!(offer(&base, &unsigned).await.status(), StatusCode::BAD_REQUEST);
    let mut not_base64 = release("9.0.0", b"x", None);
    not_base64.bundle = "%%%".into();
    assert_eq!(offer(&base, &not_base64).await.status(), StatusCode::BAD_REQUEST);
    let none = http()
        .get(format!("{base}/updates/linux/x86_64/0.1.0"))
        .send()
        .await
        .unwrap();
    assert_eq!(none.status(), StatusCode::NO_CONTENT, "nothing refused was put up");
    sandbox.stop().await;
}

#[tokio::test]
async fn a_cut_bundle_announces_its_full_length_and_drops_the_connection_part_way() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let bundle = vec![7u8; 300_000];
    offer(&base, &release("0.2.0", &bundle, Some(100_000))).await;
    let response = http().get(format!("{base}/updates/bundle/0.2.0")).send().await.unwrap();
    assert_eq!(response.content_length(), Some(300_000));
    let body = response.bytes().await;
    assert!(
        body.is_err(),
        "the client sees the download fail, not a short file: {body:?}"
    );
    sandbox.stop().await;
}
