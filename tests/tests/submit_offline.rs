//! Submitting while the portal is down: the dossier waits in the outbox, goes
//! out when the portal is back, shows its code, and follows the status the
//! agency sets, with the timeline and an in-app notification.

use std::net::SocketAddr;

use e2e::{App, Driver};
use portal::types::{Collection, DueUpdate, FeeKind, PaymentLine, PaymentOrder, Status, StatusUpdate};
use portal_sandbox::{Config, Sandbox};

async fn start_portal(addr: SocketAddr, database: &std::path::Path) -> Sandbox {
    let config = Config {
        database: Some(database.to_path_buf()),
        ..Config::default()
    };
    Sandbox::start_on(addr, config)
        .await
        .expect("the sandbox portal starts")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dossier_submitted_offline_goes_out_when_the_portal_is_back() {
    let data = tempfile::tempdir().expect("data folder");
    let portal_db = data.path().join("portal.sqlite3");
    let addr: SocketAddr = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let portal = start_portal(addr, &portal_db).await;
    let url = portal.base_url();
    let driver = Driver::start_with(
        data.path(),
        &[
            ("TRO_LY_PORTAL_URL", &url),
            ("TRO_LY_TEST_ACCOUNT", "cong-dan"),
            ("TRO_LY_POLL_SECS", "1"),
        ],
    );
    let app = App::start(&driver).await;
    e2e::fill_birth_registration(&app).await;
    app.wait("#check-answers").await;
    let files = tempfile::tempdir().expect("a folder for the citizen's files");
    let certificate = e2e::scan(files.path(), "giấy chứng sinh.pdf");
    e2e::attach_on_check_page(&app, "giay_chung_sinh", &certificate).await;
    app.wait("#ready-message").await;

    portal.stop().await;
    app.click("#submit").await;
    app.wait_for_text("#submissions", "Đang chờ gửi").await;
    app.wait_for_text("#connection", "Mất kết nối").await;
    app.shot("10-queued-offline").await;

    let portal = start_portal(addr, &portal_db).await;
    // The delivery's notice names the code at once; the list follows once read again.
    app.wait_for_text("#submissions [data-dossier]", "X01-").await;
    let listed = app.text("#submissions").await;
    assert!(!listed.contains("Đang chờ gửi"), "nothing waits any more: {listed}");
    app.shot("11-delivered").await;

    let client = portal::Client::new(&url).expect("a loopback URL is accepted");
    let token = client.sign_in_test_account("cong-dan").await.unwrap().access_token;
    let dossier = client.changes(&token, 0).await.unwrap().dossiers.remove(0);
    assert_eq!(
        dossier.status,
        Status::Submitted,
        "exactly one dossier, filed with its files"
    );
    let admin = reqwest::Client::new();
    let response = admin
        .post(format!("{url}/admin/dossiers/{}/status", dossier.id))
        .header("x-admin-token", portal.admin_token())
        .json(&StatusUpdate {
            status: Status::Received,
            note: Some("Đã nhận đủ giấy tờ".into()),
            handler: Some("Lê Thị Hoa, Bộ phận Một cửa".into()),
            due_date: Some("2026-12-04".into()),
        })
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "the agency moves the dossier on");
    app.wait_for_text("#toast", "Được tiếp nhận").await;
    let card = format!("[data-dossier='{}']", dossier.code);
    let timeline = app.wait_for_text(&card, "Đã nhận đủ giấy tờ").await;
    assert!(
        timeline.contains("Mới đăng ký") && timeline.contains("Được tiếp nhận"),
        "the timeline is dated and complete, in the national portal's words: {timeline}"
    );
    assert!(
        timeline.contains("Người xử lý: Lê Thị Hoa, Bộ phận Một cửa")
            && timeline.contains("Ngày hẹn trả kết quả: 04/12/2026"),
        "who took it in, and the day the result is due: {timeline}"
    );

    // The agency is late: a new day, with an apology letter.
    let response = admin
        .post(format!("{url}/admin/dossiers/{}/due", dossier.id))
        .header("x-admin-token", portal.admin_token())
        .json(&DueUpdate {
            due_date: "2026-12-09".into(),
            reason: Some("Cần xác minh thêm nơi sinh".into()),
            apology: true,
        })
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "the agency moves the due day");
    let timeline = app.wait_for_text(&card, "09/12/2026").await;
    assert!(
        timeline.contains("Ngày hẹn trả đổi từ 04/12/2026 sang 09/12/2026")
            && timeline.contains("thư xin lỗi")
            && timeline.contains("Cần xác minh thêm nơi sinh"),
        "the change of the due day shows with its reason and the apology: {timeline}"
    );
    app.shot("12-status-timeline").await;

    // The agency asks for the fee: the code Rust checked and drew shows, and
    // once the bank confirms, nothing is offered to pay again.
    let status = |to: Status| StatusUpdate {
        status: to,
        note: None,
        handler: None,
        due_date: None,
    };
    let moved = admin
        .post(format!("{url}/admin/dossiers/{}/status", dossier.id))
        .header("x-admin-token", portal.admin_token())
        .json(&status(Status::InReview))
        .send()
        .await
        .unwrap();
    assert!(moved.status().is_success());
    let order = PaymentOrder {
        lines: vec![PaymentLine {
            name: "Lệ phí cấp bản sao trích lục".into(),
            kind: FeeKind::Levy,
            amount: 8000,
            collected: Collection::OnReceipt,
        }],
    };
    let asked = admin
        .post(format!("{url}/admin/dossiers/{}/payment", dossier.id))
        .header("x-admin-token", portal.admin_token())
        .json(&order)
        .send()
        .await
        .unwrap();
    assert!(asked.status().is_success(), "the agency asks for the fee");
    let pending = format!("{card} [data-payment='pending']");
    let shown = app.wait_for_text(&pending, "0001234567").await;
    assert!(shown.contains("8.000"), "the amount beside the code: {shown}");
    let image = app
        .client
        .find(fantoccini::Locator::Css(&format!("{pending} [data-payment-code]")))
        .await;
    let src = image
        .expect("the code is drawn")
        .attr("src")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(
        src.starts_with("data:image/svg+xml;base64,"),
        "{}",
        &src[..src.len().min(40)]
    );
    app.client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' })",
            vec![serde_json::Value::String(pending.clone())],
        )
        .await
        .unwrap();
    app.shot("13-payment-code").await;
    let confirmed = admin
        .post(format!("{url}/admin/dossiers/{}/payment/confirm", dossier.id))
        .header("x-admin-token", portal.admin_token())
        .send()
        .await
        .unwrap();
    assert!(confirmed.status().is_success(), "the bank confirms");
    app.wait_for_text(&format!("{card} [data-payment='paid']"), "Đã thanh toán")
        .await;
    app.close().await;
    portal.stop().await;
}
