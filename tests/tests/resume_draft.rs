//! Drafts survive the app closing: fill half of birth registration, attach a
//! letter of authorisation, close the app, start it again, find the draft on the home screen and
//! resume at the same step with the answers and the attachment in place.

use e2e::{App, Driver};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_half_filled_draft_with_an_attachment_resumes_after_a_restart() {
    let data = tempfile::tempdir().expect("a data folder for this run");
    let files = tempfile::tempdir().expect("a folder for the citizen's files");
    let driver = Driver::start(data.path());

    let app = App::start(&driver).await;
    e2e::start_birth_registration(&app).await;
    // Filed on someone's behalf: the letter of authorisation joins the
    // checklist from the first step.
    app.click("#back").await;
    app.on_step("Người đi đăng ký").await;
    app.click("#field-requester_relation-authorized").await;
    app.next().await;
    app.on_step("Thông tin của trẻ").await;
    app.fill("child_name", "Nguyễn Minh Khang").await;
    app.click("#field-child_sex-male").await;
    // Leave the field so the debounced save goes out now.
    app.click("main h2").await;
    app.wait_for_text("#save-status", "Đã lưu").await;

    let drafts = app.invoke("list_drafts", json!({})).await;
    let draft_id = drafts[0]["id"].as_i64().expect("the draft is listed");
    let pdf = e2e::scan(files.path(), "giấy ủy quyền.pdf");
    // The page cannot name a file: the app opens the native dialog itself
    // and reads only what the person picked there. A path sent along by a
    // (compromised) page is ignored.
    let picking = e2e::pick_in_file_dialog(&pdf);
    let attached = app
        .invoke(
            "attach_file",
            json!({ "draftId": draft_id, "code": "1.001193", "documentId": "van_ban_uy_quyen",
                    "filterName": "PDF", "path": "/etc/hosts" }),
        )
        .await;
    picking.join().expect("the file was picked in the dialog");
    let attached = &attached["attachment"];
    assert_eq!(
        attached["file_name"], "giấy ủy quyền.pdf",
        "the file picked in the dialog, not the page's path: {attached}"
    );
    assert_eq!(attached["kind"], "pdf", "the PDF is recognised by its content");
    std::fs::remove_file(&pdf).expect("the original can go away");
    app.shot("07-half-filled").await;
    app.close().await;

    let app = App::start(&driver).await;
    let drafts = app.text("#drafts").await;
    assert!(
        drafts.contains("Đăng ký khai sinh"),
        "the draft is listed on the home screen: {drafts}"
    );
    assert!(drafts.contains("Nguyễn Văn An"), "with the person's name: {drafts}");
    app.shot("08-drafts-after-restart").await;
    app.click(&format!("[data-resume='{draft_id}']")).await;
    app.on_step("Thông tin của trẻ").await;
    let name = app
        .wait("#field-child_name")
        .await
        .prop("value")
        .await
        .expect("value")
        .unwrap_or_default();
    assert_eq!(name, "Nguyễn Minh Khang", "the answer is back in its field");
    let male = app
        .wait("#field-child_sex-male")
        .await
        .prop("checked")
        .await
        .expect("checked");
    assert_eq!(male.as_deref(), Some("true"), "the choice is back");
    let attachment = app.text("[data-attachment='van_ban_uy_quyen']").await;
    assert!(
        attachment.contains("giấy ủy quyền.pdf"),
        "the attachment is intact: {attachment}"
    );
    app.shot("09-resumed").await;
    app.close().await;
}
