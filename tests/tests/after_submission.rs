//! The journey after submission in the real window: the agency asks for a
//! clearer photo, the citizen answers from the supplement page (the new file
//! picked in the native dialog), pays the fee by the QR code and opens the
//! e-receipt, gets the result (downloaded, checked, opened), rates the
//! handling once and sends feedback. Screenshots 21–27.

use std::net::SocketAddr;
use std::time::Duration;

use e2e::{App, Driver};
use portal::types::Dossier;
use portal_sandbox::{Config, Sandbox};
use serde_json::json;

/// An admin `POST` to the sandbox, as the agency (or its bank) would.
async fn agency(portal: &Sandbox, path: &str, body: serde_json::Value) -> Dossier {
    let response = reqwest::Client::new()
        .post(format!("{}{path}", portal.base_url()))
        .header("x-admin-token", portal.admin_token())
        .json(&body)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{path}: {}", response.status());
    response.json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_citizen_answers_a_supplement_pays_gets_the_result_and_rates_it() {
    let data = tempfile::tempdir().expect("data folder");
    let runtime_dir = tempfile::tempdir().expect("a runtime folder for opened results");
    let addr: SocketAddr = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let portal = Sandbox::start_on(addr, Config::default())
        .await
        .expect("the sandbox starts");
    let url = portal.base_url();
    let key = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, portal.catalog_public_key());
    let driver = Driver::start_with(
        data.path(),
        &[
            ("TRO_LY_PORTAL_URL", &url),
            // The portal's public key: it checks the e-receipt's signature.
            ("TRO_LY_PORTAL_KEY", &key),
            ("TRO_LY_TEST_ACCOUNT", "cong-dan"),
            ("TRO_LY_POLL_SECS", "1"),
            ("XDG_RUNTIME_DIR", runtime_dir.path().to_str().unwrap()),
            // No desktop here: the system viewer is a no-op.
            ("BROWSER", "true"),
        ],
    );
    let app = App::start(&driver).await;
    let files = tempfile::tempdir().expect("a folder for the citizen's files");
    e2e::submit_birth_registration(&app, files.path()).await;
    let client = portal::Client::new(&url).unwrap();
    let token = client.sign_in_test_account("cong-dan").await.unwrap().access_token;
    let dossier = client.changes(&token, 0).await.unwrap().dossiers.remove(0);
    let id = dossier.id.clone();
    let card = format!("[data-dossier='{}']", dossier.code);

    // The agency takes it in, then asks once for a clearer photo.
    agency(
        &portal,
        &format!("/admin/dossiers/{id}/status"),
        json!({ "status": "received", "note": "Đã tiếp nhận", "due_date": "2026-12-14" }),
    )
    .await;
    agency(
        &portal,
        &format!("/admin/dossiers/{id}/supplement"),
        json!({
            "reason": "Bản chụp giấy chứng sinh bị mờ, không đọc được tên người mẹ.",
            "items": [{ "number": 1, "kind": "document", "id": "giay_chung_sinh", "note": "Chụp lại rõ nét, thấy đủ bốn góc giấy." }],
            "contact": "Bộ phận Một cửa UBND xã (tập huấn)",
            "deadline": "2026-12-11",
        }),
    )
    .await;
    let asked = app
        .wait_for_text(&format!("{card} [data-supplement='waiting']"), "Giấy chứng sinh")
        .await;
    assert!(asked.contains("Hạn bổ sung: 11/12/2026"), "{asked}");
    app.scroll_to(&format!("{card} [data-supplement]")).await;
    app.shot("21-supplement-request").await;

    app.click(&format!("[data-supplement-open='{}']", dossier.code)).await;
    app.wait("#supplement-page [data-replace='giay_chung_sinh']").await;
    let page = app.text("#supplement-page").await;
    assert!(!page.contains("Họ, chữ đệm và tên"), "no question was asked: {page}");
    let clearer = files.path().join("giấy chứng sinh chụp lại.pdf");
    std::fs::write(
        &clearer,
        b"%PDF-1.4\n% chup lai ro net\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
    )
    .unwrap();
    let picking = e2e::pick_in_file_dialog(&clearer);
    app.click("#supplement-page [data-replace='giay_chung_sinh']").await;
    picking.join().expect("the new photo was picked in the dialog");
    app.wait_for_text("#supplement-page", "chụp lại.pdf").await;
    app.shot("22-supplement-page").await;
    app.click("#supplement-send").await;
    app.wait_for_text(&format!("{card} [data-supplement-done]"), "Đã bổ sung đủ")
        .await;
    let at_portal = client.dossier(&token, &id).await.unwrap();
    assert_eq!(
        at_portal
            .history
            .iter()
            .filter(|h| h.status == portal::types::Status::SupplementRequired)
            .count(),
        1
    );
    assert_ne!(
        at_portal.attachments[0].sha256, dossier.attachments[0].sha256,
        "the new photo reached the portal"
    );
    app.scroll_to(&format!("{card} [data-supplement]")).await;
    app.shot("23-supplement-done").await;

    // The fee, paid by the QR code; the bank confirms; the e-receipt opens.
    agency(
        &portal,
        &format!("/admin/dossiers/{id}/payment"),
        json!({ "lines": [{ "name": "Lệ phí cấp bản sao trích lục", "kind": "levy", "amount": 8000 }] }),
    )
    .await;
    app.wait_for_text(&format!("{card} [data-payment='pending']"), "0001234567")
        .await;
    agency(&portal, &format!("/admin/dossiers/{id}/payment/confirm"), json!(null)).await;
    app.wait_for_text(&format!("{card} [data-payment='paid']"), "Đã thanh toán")
        .await;
    app.click(&format!("{card} [data-receipt-toggle]")).await;
    let receipt = app
        .wait_for_text(&format!("{card} [data-receipt]"), "Tám nghìn đồng")
        .await;
    assert!(
        receipt.contains("Chữ ký số của Cổng Dịch vụ công trên biên lai hợp lệ."),
        "{receipt}"
    );
    app.scroll_to(&format!("{card} [data-receipt]")).await;
    app.shot("24-receipt").await;

    // The result: downloaded, checked, kept; opened for the system viewer.
    agency(
        &portal,
        &format!("/admin/dossiers/{id}/result"),
        json!({ "electronic": true, "paper": true }),
    )
    .await;
    app.wait_for_text(&format!("{card} [data-result-kept]"), "Đã tải về")
        .await;
    app.click(&format!("{card} [data-result-open]")).await;
    let opened = runtime_dir
        .path()
        .join("tro-ly-dich-vu-cong-ket-qua")
        .join(format!("ket-qua-{}.pdf", dossier.code));
    for _ in 0..50 {
        if opened.exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        std::fs::read(&opened).is_ok_and(|b| b.starts_with(b"%PDF-")),
        "the result was put out for the viewer"
    );
    app.scroll_to(&format!("{card} [data-result]")).await;
    app.shot("25-result").await;

    // Returned: rated once.
    agency(
        &portal,
        &format!("/admin/dossiers/{id}/status"),
        json!({ "status": "returned" }),
    )
    .await;
    app.click(&format!("[data-rate='{}']", dossier.code)).await;
    app.wait("[data-rating-form]").await;
    app.client
        .execute(
            "document.querySelectorAll('[data-rating-form] fieldset').forEach((f) => f.querySelector('input').click())",
            vec![],
        )
        .await
        .unwrap();
    app.scroll_to("[data-rating-form]").await;
    app.shot("26-rating").await;
    app.click("[data-rating-send]").await;
    app.wait_for_text(&format!("{card} [data-rated]"), "Rất hài lòng").await;
    let rated = client.dossier(&token, &id).await.unwrap();
    assert_eq!(
        rated.rating.map(|r| r.rating.scores),
        Some(vec![2; 9]),
        "the portal has one rating"
    );

    // Feedback about the dossier, with its tracking code.
    app.fill_css("#feedback-subject", "Hướng dẫn rõ ràng").await;
    app.fill_css("#feedback-content", "Cảm ơn bộ phận một cửa đã hướng dẫn tận tình.")
        .await;
    app.click("[data-feedback-send]").await;
    app.wait_for_text("#feedback [data-feedback]", "PAKN-").await;
    app.scroll_to("#feedback").await;
    app.shot("27-feedback").await;

    // A support call: the text is copied, or shown to copy by hand. The
    // messages of the journey are closed first, as a person would.
    app.client
        .execute(
            "document.querySelectorAll('.toast-close').forEach((b) => b.click())",
            vec![],
        )
        .await
        .unwrap();
    app.click("#copy-support").await;
    let mut copied = String::new();
    for _ in 0..50 {
        let toast = app.client.find(fantoccini::Locator::Css("#toast")).await;
        if let Ok(toast) = toast {
            copied = toast.text().await.unwrap_or_default();
        }
        if copied.contains("Đã sao chép thông tin hỗ trợ") {
            break;
        }
        if let Ok(text) = app.client.find(fantoccini::Locator::Css("#support-text")).await {
            copied = text.prop("value").await.unwrap().unwrap_or_default();
            assert!(copied.contains("connection: reachable"), "{copied}");
            let longest_number = copied
                .split(|c: char| !c.is_ascii_digit())
                .map(str::len)
                .max()
                .unwrap_or(0);
            assert!(
                !copied.contains("Nguyễn") && longest_number < 9,
                "no name, no ID or phone number: {copied}"
            );
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(!copied.is_empty(), "the support text was copied or shown");
    app.scroll_to("#app-footer").await;
    app.shot("28-support").await;
    app.close().await;
    portal.stop().await;
}
