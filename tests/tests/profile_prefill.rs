//! A saved person's details are written the way people write them (an ID
//! with dots, a phone with 0084) and come out of the profile form in the
//! interview's own form, so a form filled from them passes its first page.

use std::time::Duration;

use e2e::{App, Driver};

async fn value_of(app: &App, css: &str) -> String {
    app.wait(css)
        .await
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_profile_written_with_dots_fills_a_form_that_passes_its_first_page() {
    let data = tempfile::tempdir().expect("a data folder for this run");
    let driver = Driver::start(data.path());
    let app = App::start(&driver).await;

    app.click("#nav-profiles").await;
    app.click("#new-profile").await;
    app.fill_css("#profile-label", "Tôi").await;
    app.fill_css("#profile-full_name", "Nguyễn Văn An").await;
    app.fill_css("#profile-citizen_id", "001.090.012345").await;
    app.fill_css("#profile-phone", "0084 912 345 678").await;
    app.click("#save-profile").await;

    let id = app.text("[data-profile] [data-fact='citizen_id']").await;
    assert!(id.contains("001090012345"), "the ID is kept as 12 digits: {id}");
    let phone = app.text("[data-profile] [data-fact='phone']").await;
    assert!(phone.contains("0912345678"), "the phone in its national form: {phone}");
    app.shot("12-profile-normalised").await;

    app.click("#profiles-back-home").await;
    app.wait("#search").await.send_keys("khai sinh").await.expect("search");
    app.click("[data-procedure='1.001193']").await;
    app.click("#start-interview").await;
    app.click("#choose-profile input[type='radio']").await;
    let fills = app.text("#choose-profile .choice-fills").await;
    assert!(
        fills.contains("Số định danh cá nhân") && fills.contains("Số điện thoại"),
        "the choice says what it fills: {fills}"
    );
    app.click("#start-with-profile").await;

    app.on_step("Người đi đăng ký").await;
    assert_eq!(value_of(&app, "#field-requester_id").await, "001090012345");
    assert_eq!(value_of(&app, "#field-requester_phone").await, "0912345678");
    app.click("#field-requester_relation-father").await;
    app.next().await;
    app.on_step("Thông tin của trẻ").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert!(
        app.client
            .find(fantoccini::Locator::Css("#error-summary"))
            .await
            .is_err(),
        "the prefilled first page passes"
    );
    app.close().await;
}
