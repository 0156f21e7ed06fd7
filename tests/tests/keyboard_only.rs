//! A whole procedure with the keyboard alone: from the home screen to a
//! submitted birth registration, every move is a key pressed on whatever
//! has the focus (Tab, arrows, Space, Enter, typing). The test reads where
//! the focus is, to know when to stop pressing Tab, but never clicks nor
//! sets a value through script. The native file dialog is answered with
//! keys too.

use std::time::Duration;

use e2e::{App, Driver};
use fantoccini::key::Key;

/// The focused element's id (or tag name), its value and whether it is checked.
async fn focused(app: &App) -> (String, String, bool) {
    let found = app
        .client
        .execute(
            "const e = document.activeElement; \
             return [e ? (e.id || e.tagName) : '', e && 'value' in e ? String(e.value) : '', !!(e && e.checked)];",
            vec![],
        )
        .await
        .expect("the focus can be read");
    (
        found[0].as_str().unwrap_or_default().to_owned(),
        found[1].as_str().unwrap_or_default().to_owned(),
        found[2].as_bool().unwrap_or_default(),
    )
}

/// Presses keys on whatever has the focus.
async fn press(app: &App, keys: &str) {
    let active = app.client.active_element().await.expect("something has the focus");
    active.send_keys(keys).await.expect("the keys are pressed");
    tokio::time::sleep(Duration::from_millis(60)).await;
}

/// Presses Tab until the element `id` has the focus.
async fn tab_to(app: &App, id: &str) {
    for _ in 0..120 {
        if focused(app).await.0 == id {
            return;
        }
        press(app, &char::from(Key::Tab).to_string()).await;
    }
    panic!("Tab never reached #{id}; the focus is on {:?}", focused(app).await);
}

/// Presses Tab until `script` (a JavaScript expression about the focused
/// element) is true.
async fn tab_until(app: &App, script: &str, what: &str) {
    for _ in 0..200 {
        let there = app
            .client
            .execute(&format!("return !!({script});"), vec![])
            .await
            .expect("the focus can be read");
        if there == true {
            return;
        }
        press(app, &char::from(Key::Tab).to_string()).await;
    }
    panic!("Tab never reached {what}; the focus is on {:?}", focused(app).await);
}

/// Tabs to a text field and types into it.
async fn type_into(app: &App, field: &str, text: &str) {
    tab_to(app, &format!("field-{field}")).await;
    press(app, text).await;
}

/// Tabs into a radio group and moves with the arrow keys to `value`,
/// then makes sure it is chosen with Space.
async fn choose(app: &App, field: &str, values: &[&str], value: &str) {
    let ids: Vec<String> = values.iter().map(|v| format!("field-{field}-{v}")).collect();
    for _ in 0..120 {
        if ids.contains(&focused(app).await.0) {
            break;
        }
        press(app, &char::from(Key::Tab).to_string()).await;
    }
    let wanted = format!("field-{field}-{value}");
    for _ in 0..values.len() {
        if focused(app).await.0 == wanted {
            break;
        }
        press(app, &char::from(Key::Down).to_string()).await;
    }
    let (id, _, checked) = focused(app).await;
    assert_eq!(id, wanted, "the arrows reach the answer");
    if !checked {
        press(app, " ").await;
    }
}

/// Tabs to a list and moves down it until its value is `value`.
async fn pick(app: &App, id: &str, value: &str) {
    tab_to(app, id).await;
    for _ in 0..400 {
        if focused(app).await.1 == value {
            return;
        }
        press(app, &char::from(Key::Down).to_string()).await;
    }
    panic!("#{id} never reached {value}");
}

/// Tabs to "Tiếp tục" and presses Enter; waits for the next step.
async fn next_step(app: &App, title: &str) {
    tab_to(app, "next").await;
    press(app, &char::from(Key::Enter).to_string()).await;
    app.on_step(title).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_birth_registration_is_submitted_with_the_keyboard_alone() {
    let data = tempfile::tempdir().expect("a data folder for this run");
    let files = tempfile::tempdir().expect("a folder for the citizen's files");
    let driver = Driver::start(data.path());
    let app = App::start(&driver).await;
    app.wait("[data-procedure]").await;

    tab_to(&app, "search").await;
    press(&app, "dang ky khai sinh").await;
    app.wait_for_text("[data-procedure]", "Đăng ký khai sinh").await;
    // The first result is a link: Tab reaches it, Enter opens it.
    tab_until(
        &app,
        "document.activeElement.closest(\"[data-procedure='1.001193']\")",
        "the birth registration result",
    )
    .await;
    press(&app, &char::from(Key::Enter).to_string()).await;
    tab_to(&app, "start-interview").await;
    press(&app, &char::from(Key::Enter).to_string()).await;

    app.on_step("Người đi đăng ký").await;
    type_into(&app, "requester_name", "Nguyễn Văn An").await;
    type_into(&app, "requester_id", "001090012345").await;
    choose(
        &app,
        "requester_relation",
        &["father", "mother", "authorized"],
        "father",
    )
    .await;
    type_into(&app, "requester_phone", "0912345678").await;
    next_step(&app, "Thông tin của trẻ").await;

    type_into(&app, "child_name", "Nguyễn Minh Khang").await;
    choose(&app, "child_sex", &["male", "female"], "male").await;
    let born = chrono::Local::now().date_naive() - chrono::Duration::days(10);
    type_into(&app, "child_birth_date", &born.format("%d/%m/%Y").to_string()).await;
    type_into(&app, "child_birth_place", "Bệnh viện Phụ sản Hà Nội").await;
    type_into(&app, "child_ethnicity", "Kinh").await;
    next_step(&app, "Thông tin người mẹ").await;

    type_into(&app, "mother_name", "Trần Thị Bình").await;
    type_into(&app, "mother_birth_date", "12/03/1992").await;
    type_into(&app, "mother_id", "001192054321").await;
    pick(&app, "field-mother_address-province", "01").await;
    app.wait("#field-mother_address-commune option[value='00004']").await;
    pick(&app, "field-mother_address-commune", "00004").await;
    tab_to(&app, "field-mother_address-street").await;
    press(&app, "Số 5 phố Đội Cấn").await;
    next_step(&app, "Thông tin người cha").await;

    choose(&app, "has_father", &["yes", "no"], "no").await;
    next_step(&app, "Giấy tờ kèm theo").await;

    choose(&app, "has_birth_certificate", &["yes", "no"], "yes").await;
    choose(&app, "surrogacy", &["yes", "no"], "no").await;
    tab_to(&app, "next").await;
    press(&app, &char::from(Key::Enter).to_string()).await;
    app.wait("#check-answers").await;

    // The birth certificate, attached through the native dialog.
    let certificate = e2e::scan(files.path(), "giấy chứng sinh.pdf");
    tab_until(
        &app,
        "document.activeElement.getAttribute('data-attach') === 'giay_chung_sinh'",
        "the birth certificate's attach button",
    )
    .await;
    let picking = e2e::pick_in_file_dialog(&certificate);
    press(&app, &char::from(Key::Enter).to_string()).await;
    picking
        .join()
        .expect("the file was picked with the keyboard in the dialog");
    app.wait("#documents [data-attachment='giay_chung_sinh']").await;
    app.wait("#ready-message").await;

    tab_to(&app, "submit").await;
    press(&app, &char::from(Key::Enter).to_string()).await;
    app.wait_for_text("#submissions [data-dossier]", "X01-").await;
    app.shot("30-submitted-with-the-keyboard").await;
    app.close().await;
}
