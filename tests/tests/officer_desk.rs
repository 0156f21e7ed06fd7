//! The help-desk officer's day in the real window, on the training portal,
//! on a PC without an OS keyring (the data opens with a passphrase, so the
//! test can read the database afterwards): the officer signs in from the
//! header's chooser and sets the desk (Rust refuses an empty name first);
//! serves citizen A (identity checked, consent given), files a birth
//! registration with a scan and saves its receipt slip through the native
//! dialog as a real PDF; serves citizen B, who sees nothing of A; ends A's
//! session; and then the database, opened with its key, holds neither A's
//! ID number nor A's name, only B's and the register line, while the audit
//! log's chain still holds.

use e2e::{App, Driver};

/// A session bus address where nothing listens: no Secret Service answers.
const NO_KEYRING: (&str, &str) = ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
const PASSPHRASE: &str = "một cửa phường Ba Đình";
const A_ID: &str = "001090012345";
const B_ID: &str = "079185000321";

/// Starts serving a citizen from "Tiếp công dân", ending on the home page.
async fn serve(app: &App, name: &str, id: &str, born: &str, shot: Option<&str>) {
    app.click("#nav-sessions").await;
    app.fill_css("#session-full_name", name).await;
    app.fill_css("#session-citizen_id", id).await;
    app.fill_css("#session-birth_date", born).await;
    app.click("#session-consented").await;
    if let Some(shot) = shot {
        app.shot(shot).await;
    }
    app.click("#session-start").await;
    app.wait_for_text("#serving-name", name).await;
    app.wait("#search").await;
}

/// Stops the app process that keeps its data in `folder`, if it outlived its
/// WebDriver session (on a loaded machine it can), so its exclusive lock on
/// the database goes.
fn stop_app_of(folder: &std::path::Path) {
    let marker = format!("TRO_LY_DATA_DIR={}", folder.display());
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
        if environ.split(|b| *b == 0).any(|var| var == marker.as_bytes()) {
            let pid = entry.file_name().to_string_lossy().into_owned();
            let _ = std::process::Command::new("kill").args(["-TERM", &pid]).status();
        }
    }
}

/// Every text and blob of every table of the app's database, decrypted.
fn everything(folder: &std::path::Path) -> String {
    let key = vault::passphrase_key(folder, PASSPHRASE).expect("the passphrase opens the data");
    let key = store::StoreKey::from_bytes(*key.as_bytes());
    // The app's process lets go of its exclusive lock a moment after it
    // closed; on a loaded machine that moment can last seconds.
    let mut opened = store::raw_connection(folder, &key);
    for _ in 0..300 {
        if !matches!(opened, Err(store::Error::Locked)) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        opened = store::raw_connection(folder, &key);
    }
    let db = opened.unwrap_or_else(|e| panic!("the database opens with its key: {e:?}"));
    store::all_text(&db).expect("every table reads")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officer_serves_two_citizens_and_leaves_nothing_of_the_first() {
    let data = tempfile::tempdir().expect("a data folder for this run");
    let driver = Driver::start_with(data.path(), &[NO_KEYRING]);
    let app = App::start(&driver).await;
    app.wait("#passphrase")
        .await
        .send_keys(PASSPHRASE)
        .await
        .expect("passphrase");
    app.wait("#passphrase-confirm")
        .await
        .send_keys(PASSPHRASE)
        .await
        .expect("again");
    app.click("#unlock-submit").await;
    app.wait("[data-procedure]").await;

    app.click("#sign-out").await;
    app.click("#sign-in").await;
    let officer = app.wait_for_text("[data-account='can-bo']", "Lê Thị Hoa").await;
    assert!(officer.contains("(cán bộ một cửa)"), "{officer}");
    app.click("[data-account='can-bo']").await;
    app.wait_for_text("#account", "Lê Thị Hoa").await;
    app.wait_for_text("#desk-set-up", "Chưa thiết lập quầy").await;
    app.shot("50-officer-signed-in").await;

    // The desk, once.
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
    app.click("#audit-check").await;
    app.wait_for_text("#audit-result", "Nhật ký còn nguyên vẹn").await;
    app.shot("52-desk-page").await;

    // Citizen A: consent, a birth registration with a scan, the slip.
    serve(&app, "Nguyễn Văn An", A_ID, "01/02/1990", Some("54-serve-citizen")).await;
    let files = tempfile::tempdir().expect("a folder for the citizen's files");
    e2e::submit_birth_registration(&app, files.path()).await;
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
    let slip = e2e::pdf_text(&saved);
    for wanted in [
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        &format!("Mã hồ sơ: {code}"),
        "Bộ phận Một cửa UBND phường Ba Đình tiếp nhận hồ sơ của:",
        "Ông (Bà): Nguyễn Văn An",
        &format!("Số định danh cá nhân: {A_ID}"),
        "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
        "Lê Thị Hoa",
        "Liên 1",
        "Liên 2",
    ] {
        assert!(slip.contains(wanted), "{wanted:?} is on the slip: {slip}");
    }
    std::fs::remove_file(&saved).expect("the printed slip is handed over, not kept");

    // Citizen B sees nothing of A.
    serve(&app, "Phạm Thị Mai", B_ID, "12/12/1985", None).await;
    let home = app.text("main").await;
    assert!(!home.contains("Nguyễn Văn An"), "B's home shows nothing of A: {home}");
    app.click("#nav-submissions").await;
    app.wait("#submissions").await;
    let listed = app.text("main").await;
    assert!(!listed.contains(&code), "B's list shows nothing of A: {listed}");
    app.shot("55-second-citizen-sees-nothing").await;

    // A's session ends: their data leaves this PC.
    app.click("#nav-sessions").await;
    let a = app.wait_for_text("[data-session]:last-child", "Nguyễn Văn An").await;
    assert!(
        a.contains("…2345") && !a.contains(A_ID),
        "only the last digits show: {a}"
    );
    app.click("[data-session]:last-child [data-end]").await;
    app.wait_for_text("[role='dialog']", "Kết thúc phiên của Nguyễn Văn An?")
        .await;
    app.shot("56-end-session").await;
    app.click("#confirm-ok").await;
    app.wait_for_text("[data-session]:last-child", "Đã kết thúc và đã xóa dữ liệu khỏi máy")
        .await;
    app.shot("57-session-wiped").await;
    let check = app.invoke("check_audit_log", serde_json::json!({})).await;
    assert_eq!(check["problem"], serde_json::Value::Null, "{check}");
    app.close().await;
    drop(driver);
    stop_app_of(data.path());

    let all = everything(data.path());
    for gone in [A_ID, "Nguyễn Văn An", "001192054321", "Trần Thị Bình"] {
        assert!(!all.contains(gone), "{gone} is nowhere in the database");
    }
    assert!(all.contains(B_ID), "B, still served, keeps their session");
    assert!(all.contains(&code), "the register keeps A's dossier code");
    let attachments = std::fs::read_dir(data.path().join("attachments"))
        .expect("the attachment folder")
        .count();
    assert_eq!(attachments, 0, "A's scan is deleted");
}
