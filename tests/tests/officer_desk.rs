//! Officer mode in the real window, on the training portal: the officer
//! signs in from the header's chooser, the header asks for the desk, the
//! desk is set on its page (Rust refuses an empty name first), a birth
//! registration is filed, its receipt and appointment slip is saved through
//! the native dialog as a real PDF naming the desk, the citizen and the
//! officer, and the audit log checks out with the slip in it.

use e2e::{App, Driver};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officer_sets_the_desk_files_a_dossier_and_prints_its_slip() {
    let data = tempfile::tempdir().expect("a data folder for this run");
    let driver = Driver::start(data.path());
    let app = App::start(&driver).await;
    app.wait("[data-procedure]").await;

    app.click("#sign-out").await;
    app.click("#sign-in").await;
    let officer = app.wait_for_text("[data-account='can-bo']", "Lê Thị Hoa").await;
    assert!(officer.contains("(cán bộ một cửa)"), "{officer}");
    app.click("[data-account='can-bo']").await;
    app.wait_for_text("#account", "Lê Thị Hoa").await;
    app.wait_for_text("#desk-set-up", "Chưa thiết lập quầy").await;
    app.shot("50-officer-signed-in").await;

    app.click("#desk-set-up").await;
    app.wait("#desk-name").await;
    app.click("#desk-save").await;
    app.wait_for_text("#desk-error", "Vui lòng nhập tên đơn vị tiếp nhận")
        .await;
    app.fill_css("#desk-name", "Bộ phận Một cửa UBND phường Ba Đình").await;
    app.wait("#desk-province")
        .await
        .select_by_value("01")
        .await
        .expect("choose Hà Nội");
    app.wait("#desk-commune option[value='00004']").await;
    app.wait("#desk-commune")
        .await
        .select_by_value("00004")
        .await
        .expect("choose Ba Đình");
    app.shot("51-desk-form").await;
    app.click("#desk-save").await;
    let summary = app
        .wait_for_text("#desk-summary", "Phường Ba Đình, Thành phố Hà Nội")
        .await;
    assert!(summary.contains("Bộ phận Một cửa UBND phường Ba Đình"), "{summary}");
    app.wait_for_text("#desk-name-shown", "Bộ phận Một cửa UBND phường Ba Đình")
        .await;
    app.click("#audit-check").await;
    app.wait_for_text("#audit-result", "Nhật ký còn nguyên vẹn").await;
    app.shot("52-desk-page").await;

    app.click(".brand").await;
    e2e::fill_birth_registration(&app).await;
    app.wait("#check-answers").await;
    let files = tempfile::tempdir().expect("a folder for the citizen's files");
    let certificate = e2e::scan(files.path(), "giấy chứng sinh.pdf");
    e2e::attach_on_check_page(&app, "giay_chung_sinh", &certificate).await;
    app.wait("#ready-message").await;
    app.click("#submit").await;
    app.wait_for_text("#submissions [data-dossier] .code", "X01-").await;
    let code = app
        .client
        .execute(
            "return document.querySelector('#submissions [data-dossier]').dataset.dossier;",
            vec![],
        )
        .await
        .expect("the dossier's code");
    let code = code.as_str().expect("a code").to_owned();
    app.wait("[data-save-slip]").await;
    app.shot("53-dossier-with-slip-button").await;

    let saved = files.path().join("giấy tiếp nhận.pdf");
    let saving = e2e::save_in_file_dialog(e2e::SAVE_RECEIPT_SLIP_TITLE, &saved);
    app.click("[data-save-slip]").await;
    saving.join().expect("the dialog was answered");
    app.wait_for_text("[data-toast^='slip-']", "Đã lưu giấy tiếp nhận của hồ sơ")
        .await;
    let out = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", saved.to_str().expect("a UTF-8 path"), "-"])
        .output()
        .expect("pdftotext runs (poppler-utils)");
    let text = String::from_utf8(out.stdout)
        .expect("UTF-8")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for wanted in [
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        &format!("Mã hồ sơ: {code}"),
        "Bộ phận Một cửa UBND phường Ba Đình tiếp nhận hồ sơ của:",
        "Ông (Bà): Nguyễn Văn An",
        "Số định danh cá nhân: 001090012345",
        "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
        "Lê Thị Hoa",
        "Liên 1",
        "Liên 2",
    ] {
        assert!(text.contains(wanted), "{wanted:?} is on the slip: {text}");
    }

    let check = app.invoke("check_audit_log", serde_json::json!({})).await;
    assert_eq!(check["problem"], serde_json::Value::Null, "{check}");
    assert!(check["entries"].as_u64().unwrap_or(0) > 10, "{check}");
    app.close().await;
}
