//! On a PC without an OS keyring the data is protected by a passphrase: the
//! app shows only its unlock page, refuses a wrong passphrase, opens with
//! the right one, and the drafts are there again after a restart.

use std::time::Duration;

use e2e::{App, Driver};

/// A session bus address where nothing listens: no Secret Service answers.
const NO_KEYRING: (&str, &str) = ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");

async fn unlock(app: &App, passphrase: &str, confirm: bool) {
    app.wait("#unlock").await;
    app.wait("#passphrase")
        .await
        .send_keys(passphrase)
        .await
        .expect("type the passphrase");
    if confirm {
        app.wait("#passphrase-confirm")
            .await
            .send_keys(passphrase)
            .await
            .expect("type it again");
    }
    app.click("#unlock-submit").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_keyring_the_data_opens_only_with_its_passphrase() {
    let data = tempfile::tempdir().expect("a data folder for this run");
    let driver = Driver::start_with(data.path(), &[NO_KEYRING]);

    let app = App::start(&driver).await;
    let heading = app.text("#unlock-heading").await;
    assert_eq!(
        heading, "Đặt mật khẩu bảo vệ dữ liệu",
        "a new folder asks to choose a passphrase"
    );
    assert!(
        app.text("#unlock-warning").await.contains("nếu quên mật khẩu"),
        "the person is warned that a lost passphrase loses the data"
    );
    assert!(
        app.client.find(fantoccini::Locator::Css("#search")).await.is_err(),
        "nothing else is shown"
    );
    app.shot("13-unlock-new").await;
    unlock(&app, "lúa chín vàng đồng", true).await;
    app.wait("#search").await;
    e2e::start_birth_registration(&app).await;
    app.close().await;

    let app = App::start(&driver).await;
    assert_eq!(app.text("#unlock-heading").await, "Mở dữ liệu trên máy này");
    unlock(&app, "không phải mật khẩu", false).await;
    let error = app.wait("#unlock-error").await;
    assert_eq!(
        error.attr("data-unlock-error").await.expect("attribute").as_deref(),
        Some("vault-wrong-key"),
        "a wrong passphrase is refused and nothing is opened"
    );
    app.shot("14-unlock-wrong").await;
    app.wait("#passphrase").await.clear().await.expect("clear the field");
    unlock(&app, "lúa chín vàng đồng", false).await;
    let drafts = app.text("#drafts").await;
    assert!(
        drafts.contains("Đăng ký khai sinh"),
        "the draft is there after the restart: {drafts}"
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.close().await;
    assert!(
        data.path().join(vault::SALT_FILE).is_file(),
        "the folder remembers it is protected by a passphrase"
    );
}
