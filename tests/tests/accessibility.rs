//! axe-core in the real window on the screens the other end-to-end tests do
//! not picture (every other test's screenshots are checked too, through
//! `App::shot`): a step left empty and sent, the saved people and their
//! form, the sign-in chooser, and the procedure page and a step at 200 %
//! text. First, a probe shows that axe finds a real violation in this
//! window, so an empty result means something.

use e2e::{App, Driver};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_screens_not_pictured_elsewhere_pass_axe() {
    let data = tempfile::tempdir().expect("a data folder for this run");
    let driver = Driver::start(data.path());
    let app = App::start(&driver).await;
    app.wait("[data-procedure]").await;

    // The probe: an unnamed button and an image without a text alternative.
    app.client
        .execute(
            "const probe = document.createElement('div'); probe.id = 'axe-probe'; \
             probe.innerHTML = '<button></button><img src=\"data:image/png;base64,iVBORw0KGgo=\">'; \
             document.querySelector('main').append(probe);",
            vec![],
        )
        .await
        .expect("the probe is added");
    let found = app.axe("probe-broken-markup").await;
    assert!(
        found.iter().any(|f| f.starts_with("button-name: #axe-probe")),
        "axe finds the unnamed button: {found:?}"
    );
    assert!(
        found.iter().any(|f| f.starts_with("image-alt:")),
        "axe finds the image without alt: {found:?}"
    );
    app.client
        .execute("document.getElementById('axe-probe').remove();", vec![])
        .await
        .expect("the probe is removed");
    app.assert_accessible("a11y-home").await;

    // A step sent empty: every required field flagged, and the summary.
    app.wait("#search").await.send_keys("khai sinh").await.expect("search");
    app.click("[data-procedure='1.001193']").await;
    app.wait("#start-interview").await;
    app.wait("#text-size").await.select_by_value("200").await.expect("200%");
    app.assert_accessible("a11y-procedure-200-percent").await;
    app.wait("#text-size").await.select_by_value("100").await.expect("100%");
    app.click("#start-interview").await;
    app.on_step("Người đi đăng ký").await;
    app.assert_accessible("a11y-step-1").await;
    app.next().await;
    app.wait("#error-summary").await;
    app.assert_accessible("a11y-step-1-all-missing").await;
    app.wait("#text-size").await.select_by_value("200").await.expect("200%");
    app.assert_accessible("a11y-step-1-all-missing-200-percent").await;
    app.wait("#text-size").await.select_by_value("100").await.expect("100%");

    // The saved people: the list, then the form of a new one sent empty.
    app.click("#nav-profiles").await;
    app.wait("#profiles").await;
    app.assert_accessible("a11y-profiles").await;
    app.click("#new-profile").await;
    app.wait("form").await;
    app.assert_accessible("a11y-profile-form").await;

    // Signed out, the chooser of training accounts.
    app.click("#sign-out").await;
    app.click("#sign-in").await;
    app.wait("#sign-in-chooser").await;
    app.assert_accessible("a11y-sign-in-chooser").await;
    app.close().await;
}
