//! Two things a person meets on the way into a procedure, in the real
//! window: the procedure page says in one plain line to ask the office when
//! one of its facts has no verified source, and the address field finds the
//! commune a person knows by its name before 01/07/2025 and says what it is
//! called now.

use e2e::{App, Driver};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unverified_fact_is_one_plain_line_and_an_old_commune_name_finds_the_new_commune() {
    let data = tempfile::tempdir().expect("a data folder for this run");
    let driver = Driver::start(data.path());
    let app = App::start(&driver).await;
    e2e::open_birth_registration(&app).await;
    let caution = app
        .wait_for_text("#procedure-unverified", "hãy hỏi lại cơ quan tiếp nhận trước khi nộp")
        .await;
    assert!(
        !caution.contains("S2") && !caution.contains("TT-BTC"),
        "the citizen sees no source or remark: {caution}"
    );
    app.scroll_to("#procedure-unverified").await;
    app.shot("43-procedure-unverified").await;

    app.click("#start-interview").await;
    e2e::answer_requester(&app).await;
    e2e::answer_child(&app).await;
    app.on_step("Thông tin người mẹ").await;
    app.wait("#field-mother_address-province")
        .await
        .select_by_value("24")
        .await
        .expect("choose Bắc Ninh, the province the old Bắc Giang joined");
    app.fill_css("#field-mother_address-commune-filter", "tran phu bac giang")
        .await;
    let formerly = app
        .wait_for_text("#field-mother_address-commune-formerly", "Phường Trần Phú")
        .await;
    assert!(formerly.contains("Bắc Giang"), "the old name is read back: {formerly}");
    let chosen = app
        .client
        .execute(
            "const s = document.getElementById('field-mother_address-commune'); return s.options[s.selectedIndex].text;",
            vec![],
        )
        .await
        .expect("the chosen commune");
    assert!(
        chosen.as_str().unwrap_or_default().contains("Phường Bắc Giang"),
        "the only match, the new ward, is chosen: {chosen}"
    );
    app.scroll_to("[data-field='mother_address']").await;
    app.shot("44-old-commune-name").await;
    app.close().await;
}
