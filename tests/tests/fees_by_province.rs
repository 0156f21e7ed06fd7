//! The fee as it really is, in the real window: a search that names a
//! province by its old name says what the province is now, and the
//! procedure page then quotes that province's fee online and at the
//! counter; for a province whose amount the app does not have, the page
//! says so and gives the national rule instead of a figure; a cut for a
//! time says until when it applies; and the page saves the procedure's
//! what-to-bring checklist as a PDF through the native dialog.

use e2e::{App, Driver};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_procedure_page_quotes_the_fee_of_the_province_named_in_the_search() {
    let data = tempfile::tempdir().expect("a data folder for this run");
    let driver = Driver::start(data.path());
    let app = App::start(&driver).await;
    app.wait("#search")
        .await
        .send_keys("dang ky ho kinh doanh o ha tay")
        .await
        .expect("search");
    let place = app.wait_for_text("#search-place", "nay thuộc Thành phố Hà Nội").await;
    assert!(place.contains("Tỉnh Hà Tây"), "the old name is read back: {place}");
    app.wait("[data-procedure='1.001612']").await;
    app.shot("45-search-old-province").await;
    app.click("[data-procedure='1.001612']").await;
    app.wait("#start-interview").await;

    // Hà Nội's resolution (from 25/07/2026): free online, 100.000 đồng in person.
    let online = app.wait_for_text("#fee-online", "Nộp trực tuyến").await;
    assert!(online.contains("Miễn phí"), "{online}");
    let counter = app.wait_for_text("#fee-counter", "100.000").await;
    assert!(counter.contains("Nộp trực tiếp"), "{counter}");
    let fee = app.text("#procedure-fee").await;
    assert!(
        fee.contains("Nghị quyết 78/2026/NQ-HĐND"),
        "the page names the resolution: {fee}"
    );
    let chosen = app
        .client
        .execute("return document.getElementById('fee-province').value;", vec![])
        .await
        .expect("the chosen province");
    assert_eq!(
        chosen.as_str(),
        Some("01"),
        "the province named in the search is chosen"
    );
    app.scroll_to("#procedure-fee").await;
    app.shot("46-procedure-fee-province").await;

    // Đà Nẵng: the app has no figure, and says so rather than guess.
    app.wait("#fee-province")
        .await
        .select_by_value("48")
        .await
        .expect("choose Đà Nẵng");
    let unknown = app
        .wait_for_text(
            "#fee-province-unknown",
            "Ứng dụng chưa có mức thu do Thành phố Đà Nẵng quy định",
        )
        .await;
    assert!(!unknown.contains("100.000"), "{unknown}");
    let online = app.text("#fee-online").await;
    assert!(online.contains("Do tỉnh quy định"), "no amount is claimed: {online}");
    assert!(
        app.text("#procedure-fee")
            .await
            .contains("Lệ phí do Hội đồng nhân dân tỉnh"),
        "the national rule is given instead"
    );
    app.scroll_to("#procedure-fee").await;
    app.shot("47-procedure-fee-unknown-province").await;

    // A cut for a time: the ID card's fee says until when it applies, and
    // after that day the full amount is quoted.
    app.click("#back-home").await;
    app.fill_css("#search", "lam lai can cuoc").await;
    app.click("[data-procedure='1.116410']").await;
    app.wait("#start-interview").await;
    let last_day = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).expect("a day");
    if chrono::Local::now().date_naive() <= last_day {
        app.wait_for_text("#procedure-fee", "Mức này áp dụng đến hết ngày 31/12/2026")
            .await;
        app.wait_for_text("#fee-online", "25.000").await;
    } else {
        app.wait_for_text("#fee-online", "50.000").await;
    }
    app.scroll_to("#procedure-fee").await;
    app.shot("48-procedure-fee-until").await;

    // The what-to-bring checklist, saved through the native dialog: a real
    // PDF whose text reads back in Vietnamese.
    let saved = data.path().join("giấy tờ cần mang.pdf");
    let saving = e2e::save_in_file_dialog(e2e::SAVE_CHECKLIST_TITLE, &saved);
    app.click("#save-checklist").await;
    saving.join().expect("the dialog was answered");
    app.wait_for_text("[data-toast='checklist']", "Đã lưu danh sách giấy tờ cần mang")
        .await;
    let text = e2e::pdf_text(&saved);
    assert!(
        text.contains("Giấy tờ cần mang: Cấp, cấp đổi, cấp lại thẻ căn cước"),
        "the saved checklist: {text}"
    );
    assert!(text.contains("Thành phần hồ sơ"), "{text}");
    app.click("#start-interview").await;
    app.wait("#next").await;
    app.shot("49-id-card-first-step").await;
    app.close().await;
}
