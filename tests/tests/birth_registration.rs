//! The real app in a real window (Xvfb), driven through tauri-driver and
//! WebKitWebDriver: search without diacritics, open birth registration, type
//! a wrong citizen ID, read the Vietnamese error, fix it, reach the
//! check-your-answers page, find it held back until the birth certificate is
//! attached, and attach it in the native dialog. Screenshots go to
//! `target/e2e-screenshots/`.

use e2e::{App, Driver};
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn citizen_finds_birth_registration_and_reaches_the_check_page() {
    let data = tempfile::tempdir().expect("a data folder for this run");
    let driver = Driver::start(data.path());
    let app = App::start(&driver).await;
    walk(&app).await;
    app.close().await;
}

async fn walk(app: &App) {
    let search = app.wait("#search").await;
    app.shot("01-home").await;
    search.send_keys("dang ky khai sinh").await.expect("type the query");
    let first = app.wait("[data-procedure]").await;
    assert_eq!(
        first.attr("data-procedure").await.expect("attribute").as_deref(),
        Some("1.001193"),
        "a query without diacritics puts birth registration first"
    );
    app.shot("02-search-results").await;
    first.click().await.expect("open the procedure");

    let start = app.wait("#start-interview").await;
    let page = app
        .client
        .find(Locator::Css("main"))
        .await
        .expect("main")
        .text()
        .await
        .expect("text");
    assert!(
        page.contains("Đăng ký khai sinh"),
        "the procedure page shows its Vietnamese name"
    );
    assert!(page.contains("Miễn phí"), "a free procedure says Miễn phí: {page}");
    app.shot("03-procedure").await;
    start.click().await.expect("start the interview");

    app.on_step("Người đi đăng ký").await;
    let progress = app
        .client
        .find(Locator::Css("main"))
        .await
        .expect("main")
        .text()
        .await
        .expect("text");
    assert!(progress.contains("Bước 1/5"), "progress reads Bước 1/5: {progress}");
    app.fill("requester_name", "Nguyễn Văn An").await;
    app.fill("requester_id", "00109001234").await;
    app.click("#field-requester_relation-father").await;
    app.fill("requester_phone", "0912345678").await;
    app.next().await;

    let error = app.wait("#error-requester_id").await.text().await.expect("error text");
    assert!(
        error.contains("Số định danh cá nhân phải gồm đúng 12 chữ số"),
        "the Vietnamese error for an 11-digit ID: {error:?}"
    );
    let summary = app.wait("#error-summary").await.text().await.expect("summary text");
    assert!(
        summary.contains("12 chữ số"),
        "the error summary repeats it: {summary:?}"
    );
    assert_eq!(
        app.step_title().await,
        "Người đi đăng ký",
        "a step with an error does not move on"
    );
    app.shot("04-citizen-id-error").await;

    // Text at 200% for an older reader: the page reflows, nothing scrolls sideways.
    app.wait("#text-size")
        .await
        .select_by_value("200")
        .await
        .expect("choose 200%");
    let overflow = app
        .client
        .execute(
            "await new Promise((r) => setTimeout(r, 300)); \
             window.scrollTo(0, 0); \
             const root = document.documentElement; \
             return [getComputedStyle(root).fontSize, root.scrollWidth - root.clientWidth];",
            vec![],
        )
        .await
        .expect("the script runs");
    assert_eq!(overflow[0], "36px", "the root font doubles from 18px: {overflow}");
    assert_eq!(overflow[1], 0, "no sideways scrolling at 200%: {overflow}");
    app.shot("04b-step-at-200-percent").await;
    app.wait("#text-size")
        .await
        .select_by_value("100")
        .await
        .expect("back to 100%");

    app.fill("requester_id", "001090012345").await;
    app.next().await;

    e2e::answer_child_and_mother(app).await;

    // The filer said he is the father: naming the father fills in what he
    // already gave, and says from which step.
    app.on_step("Thông tin người cha").await;
    app.click("#field-has_father-yes").await;
    let father = app.wait("#field-father_name").await;
    let mut name = String::new();
    for _ in 0..50 {
        name = father.prop("value").await.expect("value").unwrap_or_default();
        if !name.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(name, "Nguyễn Văn An", "the father's name is the filer's");
    let id = app
        .wait("#field-father_id")
        .await
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default();
    assert_eq!(id, "001090012345", "and so is his ID");
    let badge = app.text("[data-copied='father_name']").await;
    assert!(
        badge.contains("Người đi đăng ký"),
        "the page says where it came from: {badge}"
    );
    app.fill("father_birth_date", "15/06/1990").await;
    app.shot("05b-father-prefilled").await;
    app.next().await;
    e2e::answer_papers(app).await;

    let check = app.wait("#check-answers").await.text().await.expect("check page text");
    assert!(check.contains("Nguyễn Minh Khang"), "the child's name is read back");
    assert!(check.contains("001090012345"), "the corrected citizen ID is read back");
    assert!(
        check.contains("Phường Ba Đình, Thành phố Hà Nội"),
        "the address is read back with official names"
    );
    assert!(
        check.contains("Giấy chứng sinh"),
        "the documents this dossier needs are listed"
    );

    // Ready means ready: every answer is in, but the certificate has no file.
    let submit = app.wait("#submit").await;
    assert_eq!(
        submit.attr("disabled").await.expect("attribute").as_deref(),
        Some("true"),
        "a dossier without its birth certificate cannot be submitted"
    );
    let missing = app.text("#missing-files").await;
    assert!(
        missing.contains("Còn 1 giấy tờ chưa đính kèm tệp"),
        "the page says what is missing: {missing}"
    );
    let form = app.text("#documents [data-document='to_khai']").await;
    assert!(
        form.contains("Không cần đính kèm tệp"),
        "the form the app fills is never asked for: {form}"
    );
    assert!(
        app.client
            .find(Locator::Css("#documents [data-attach='to_khai']"))
            .await
            .is_err(),
        "and has no attach button"
    );
    app.scroll_to("#documents-title").await;
    app.shot("06-check-missing-document").await;

    let files = tempfile::tempdir().expect("a folder for the citizen's files");
    let certificate = e2e::scan(files.path(), "giấy chứng sinh.pdf");
    e2e::attach_on_check_page(app, "giay_chung_sinh", &certificate).await;
    let ready = app.text("#ready-message").await;
    assert!(
        ready.contains("đủ thông tin và giấy tờ"),
        "with the file the dossier is ready: {ready}"
    );
    let submit = app.wait("#submit").await;
    assert_eq!(
        submit.attr("disabled").await.expect("attribute"),
        None,
        "and can be submitted"
    );
    app.scroll_to("#documents-title").await;
    app.shot("06-check-answers").await;
}
