//! Signed updates in the real window, the app installed as a copy in a
//! folder of its own: the portal offers a new version; one signed by
//! another key is refused, one whose download is cut installs nothing, and
//! each time the installed copy is untouched and the app keeps working;
//! then the rightly signed one installs, with the person's consent, over
//! the copy. Screenshots 40–42.
//!
//! The "new version" is a small ELF program with the version appended (the
//! debug app weighs about 450 MB): the plugin installs any ELF bundle the
//! signature covers, byte for byte, and that is what the test checks.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use e2e::{App, Driver};
use portal::types::PublishUpdate;
use portal_sandbox::{Config, Sandbox};

const NEW_VERSION: &str = "9.9.9";

/// A release key made with the release tool itself (`tauri signer`, from
/// the UI's npm packages), as `docs/release.md` makes the project's.
struct Key {
    folder: tempfile::TempDir,
}

const KEY_PASSWORD: &str = "mật khẩu thử";

fn signer(args: &[&str]) -> std::process::Output {
    let cli = e2e::workspace().join("ui/node_modules/.bin/tauri");
    let output = std::process::Command::new(&cli)
        .arg("signer")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{} runs (npm --prefix ui ci): {e}", cli.display()));
    assert!(
        output.status.success(),
        "tauri signer {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

impl Key {
    fn new() -> Self {
        let folder = tempfile::tempdir().expect("a key folder");
        let path = folder.path().join("release.key");
        signer(&["generate", "--ci", "-w", path.to_str().unwrap(), "-p", KEY_PASSWORD]);
        Self { folder }
    }

    /// The public key as the updater's configuration takes it.
    fn public(&self) -> String {
        std::fs::read_to_string(self.folder.path().join("release.key.pub")).expect("the public key")
    }

    /// The signature file's content for `bundle`, bound to `version` as the
    /// release script signs (`--app-version`; the app requires it).
    fn sign(&self, bundle: &[u8], version: &str) -> String {
        let file = self.folder.path().join("bundle");
        std::fs::write(&file, bundle).unwrap();
        let key = self.folder.path().join("release.key");
        signer(&[
            "sign",
            "-f",
            key.to_str().unwrap(),
            "-p",
            KEY_PASSWORD,
            "--app-version",
            version,
            file.to_str().unwrap(),
        ]);
        std::fs::read_to_string(self.folder.path().join("bundle.sig")).expect("the signature")
    }
}

/// Puts a release up on the sandbox's update server.
async fn offer(portal: &Sandbox, bundle: &[u8], signature: String, cut_after_bytes: Option<u64>) {
    let release = PublishUpdate {
        version: NEW_VERSION.into(),
        notes: "Kiểm tra ảnh chân dung trước khi gửi.\nSửa lỗi in giấy biên nhận.".into(),
        signature,
        bundle: STANDARD.encode(bundle),
        cut_after_bytes,
    };
    let response = reqwest::Client::new()
        .put(format!("{}/admin/update", portal.base_url()))
        .header("x-admin-token", portal.admin_token())
        .json(&release)
        .send()
        .await
        .unwrap();
    assert!(
        response.status().is_success(),
        "the release is put up: {}",
        response.status()
    );
}

/// Installs the built app as a copy in `folder` (a hard link when the
/// folder is on the same disk: the installer renames the file it replaces,
/// so the build's own file is never touched).
fn install_copy(folder: &Path) -> std::path::PathBuf {
    let built = e2e::target_dir().join("debug/tro-ly-dich-vu-cong");
    assert!(built.exists(), "build the app first: {} is missing", built.display());
    let copy = folder.join("tro-ly-dich-vu-cong");
    if std::fs::hard_link(&built, &copy).is_err() {
        std::fs::copy(&built, &copy).expect("the app copied");
    }
    copy
}

/// Asks for updates from the footer and waits for the fresh offer (its
/// button says "install", not "try again" as after a failure).
async fn check(app: &App) {
    app.click("#check-update").await;
    app.wait_for_text("#update-install", "Cài đặt bản mới").await;
    let title = app.text("#update-title").await;
    assert!(title.contains(NEW_VERSION), "the offer names the version: {title}");
}

/// Agrees to install and waits for the refusal, which must say `expected`.
async fn install_refused(app: &App, expected: &str) {
    app.click("#update-install").await;
    let said = app.wait_for_text("#update-error", expected).await;
    assert!(
        said.contains("Phiên bản đang dùng vẫn hoạt động bình thường"),
        "the person is told the app keeps working: {said}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_a_rightly_signed_complete_update_installs_and_only_with_consent() {
    let data = tempfile::tempdir().expect("data folder");
    // Beside the build, so the copy can be a hard link.
    let install = tempfile::tempdir_in(e2e::target_dir()).expect("an install folder");
    let installed = install_copy(install.path());
    let before = std::fs::metadata(&installed).unwrap();

    let addr = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let portal = Sandbox::start_on(addr, Config::default())
        .await
        .expect("the sandbox starts");
    let project = Key::new();
    let stranger = Key::new();
    let driver = Driver::start_with(
        data.path(),
        &[
            ("TRO_LY_PORTAL_URL", &portal.base_url()),
            ("TRO_LY_TEST_ACCOUNT", "cong-dan"),
            ("TRO_LY_UPDATE_KEY", &project.public()),
        ],
    );
    let app = App::start_binary(&driver, &installed).await;
    app.wait("#search").await;

    let mut bundle = std::fs::read("/usr/bin/true").expect("a small ELF program");
    bundle.extend_from_slice(format!("\0tro-ly-dich-vu-cong {NEW_VERSION}\0").as_bytes());

    // Signed by another key: refused, nothing written.
    offer(&portal, &bundle, stranger.sign(&bundle, NEW_VERSION), None).await;
    check(&app).await;
    let notes = app.text("#update-notes").await;
    assert!(
        notes.contains("Kiểm tra ảnh chân dung trước khi gửi."),
        "what is new shows: {notes}"
    );
    app.assert_accessible("update offered").await;
    app.shot("40-update-offered").await;
    install_refused(&app, "không có chữ ký hợp lệ").await;
    app.assert_accessible("update refused").await;
    app.shot("41-update-signature-refused").await;
    assert_eq!(
        std::fs::metadata(&installed).unwrap().ino(),
        before.ino(),
        "a refused update leaves the installed file as it was"
    );

    // The right key, but the version signed is not the one announced.
    offer(&portal, &bundle, project.sign(&bundle, "9.9.8"), None).await;
    check(&app).await;
    install_refused(&app, "không có chữ ký hợp lệ").await;

    // The right signature, but the download is cut half way.
    let half = bundle.len() as u64 / 2;
    offer(&portal, &bundle, project.sign(&bundle, NEW_VERSION), Some(half)).await;
    check(&app).await;
    install_refused(&app, "bị gián đoạn").await;
    assert_eq!(
        std::fs::metadata(&installed).unwrap().ino(),
        before.ino(),
        "a cut download writes nothing"
    );

    // The app still works after three failed updates.
    app.fill_css("#search", "khai sinh").await;
    app.wait("[data-procedure='1.001193']").await;

    // Rightly signed and whole: installed over the copy, once agreed to.
    offer(&portal, &bundle, project.sign(&bundle, NEW_VERSION), None).await;
    check(&app).await;
    app.click("#update-install").await;
    app.wait("#update-restart").await;
    app.assert_accessible("update installed").await;
    app.shot("42-update-installed").await;
    assert_eq!(
        std::fs::read(&installed).unwrap(),
        bundle,
        "the signed bundle is installed, byte for byte"
    );
    let mode = std::fs::metadata(&installed).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, before.permissions().mode() & 0o777, "it stays executable");
    let runs = std::process::Command::new(&installed)
        .status()
        .expect("the installed program runs");
    assert!(runs.success());
    let built = std::fs::metadata(e2e::target_dir().join("debug/tro-ly-dich-vu-cong")).unwrap();
    assert_eq!(built.len(), before.len(), "the build's own file was not touched");
    app.close().await;
    portal.stop().await;
}
