//! Helpers for the end-to-end tests: tauri-driver on a free port, a
//! WebDriver session with the real app, and the few actions the tests need.
//!
//! Needs a built app (`target/debug/tro-ly-dich-vu-cong`, with `ui/dist`
//! built first), `tauri-driver` and `WebKitWebDriver` on PATH, and DISPLAY
//! set; `scripts/test.sh` provides all of them.

use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

/// How long to wait for an element.
pub const WAIT: Duration = Duration::from_secs(20);

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace")
        .to_path_buf()
}

/// Cargo's target folder: `CARGO_TARGET_DIR` when set, else `target/`.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| workspace().join("target"), PathBuf::from)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

/// tauri-driver, stopped with SIGTERM so it takes WebKitWebDriver down too.
pub struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    /// Starts tauri-driver; the app it launches keeps its data in `data_dir`
    /// and runs in training mode.
    pub fn start(data_dir: &Path) -> Self {
        Self::start_with(data_dir, &[])
    }

    /// Starts tauri-driver with extra environment for the app (e.g. a portal URL).
    pub fn start_with(data_dir: &Path, env: &[(&str, &str)]) -> Self {
        let (port, native_port) = (free_port(), free_port());
        let child = Command::new("tauri-driver")
            .env("TRO_LY_DATA_DIR", data_dir)
            .envs(env.iter().copied())
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .spawn()
            .expect("tauri-driver is installed (cargo install tauri-driver --locked)");
        // Owned from here on, so Drop stops it even if the port never opens.
        let driver = Self { child, port };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return driver;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("tauri-driver did not open port {port}");
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

/// The title of the app's native file dialog, in Vietnamese.
pub const FILE_DIALOG_TITLE: &str = "Chọn tệp để đính kèm";

/// The title of the dialog that saves the what-to-bring checklist.
pub const SAVE_CHECKLIST_TITLE: &str = "Lưu danh sách giấy tờ cần mang";

/// The title of the save dialog for a dossier's receipt slip (`shell.ftl`).
pub const SAVE_RECEIPT_SLIP_TITLE: &str = "Lưu giấy tiếp nhận hồ sơ và hẹn trả kết quả";

/// Answers the app's native file dialog with `path` once it opens, as a
/// person would: focus it, open GTK's location bar and paste the path. The
/// thread ends with the moment Return was pressed, which closes the dialog.
/// WebDriver cannot reach a native dialog, so this drives it over X with
/// xdotool and xclip (part of `scripts/setup.sh --test`).
///
/// The path is pasted, not typed: xdotool types a letter that is not on the
/// keyboard map ("ả", "ấ") by remapping a spare key for a moment, and on a
/// loaded machine GTK may read that key after the map changed back, so the
/// dialog gets another name and the app a file that does not exist.
pub fn pick_in_file_dialog(path: &Path) -> std::thread::JoinHandle<std::time::SystemTime> {
    answer_file_dialog(FILE_DIALOG_TITLE, path, true)
}

/// Answers the app's native save dialog titled `title` with `path`: the
/// name field takes the whole path. See [`pick_in_file_dialog`].
pub fn save_in_file_dialog(title: &'static str, path: &Path) -> std::thread::JoinHandle<std::time::SystemTime> {
    answer_file_dialog(title, path, false)
}

/// Pastes `path` into the dialog titled `title` once it opens, in GTK's
/// location bar (`location_bar`, to pick a file) or in the name field (to
/// save one), and presses Return.
fn answer_file_dialog(
    title: &'static str,
    path: &Path,
    location_bar: bool,
) -> std::thread::JoinHandle<std::time::SystemTime> {
    let path = path.to_str().expect("a UTF-8 path").to_owned();
    std::thread::spawn(move || {
        let found = Command::new("timeout")
            .args(["20", "xdotool", "search", "--sync", "--onlyvisible", "--name", title])
            .output()
            .expect("xdotool is installed");
        let window = String::from_utf8_lossy(&found.stdout)
            .lines()
            .next()
            .unwrap_or_else(|| panic!("the file dialog {title:?} never opened"))
            .to_owned();
        // GTK draws the dialog's widgets a moment after mapping the window.
        std::thread::sleep(Duration::from_millis(800));
        let xdotool = |args: &[&str]| {
            let status = Command::new("xdotool").args(args).status().expect("xdotool runs");
            assert!(status.success(), "xdotool {args:?} failed");
        };
        // `-quiet` keeps xclip in the foreground, serving the clipboard
        // until it is stopped below.
        let mut clipboard = Command::new("xclip")
            .args(["-quiet", "-selection", "clipboard"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("xclip is installed");
        clipboard
            .stdin
            .take()
            .expect("xclip's input")
            .write_all(path.as_bytes())
            .expect("the path goes to the clipboard");
        xdotool(&["windowfocus", "--sync", &window]);
        if location_bar {
            xdotool(&["key", "--clearmodifiers", "ctrl+l"]);
            std::thread::sleep(Duration::from_millis(300));
        }
        xdotool(&["key", "--clearmodifiers", "ctrl+a", "ctrl+v"]);
        std::thread::sleep(Duration::from_millis(500));
        let picked = std::time::SystemTime::now();
        xdotool(&["key", "Return"]);
        let _ = clipboard.kill();
        let _ = clipboard.wait();
        picked
    })
}

/// A small but real PDF (the app recognises a file by its content).
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// Writes [`PDF`] as `name` in `folder`, as a citizen's scan on disk.
pub fn scan(folder: &Path, name: &str) -> PathBuf {
    let path = folder.join(name);
    std::fs::write(&path, PDF).expect("a scan on disk");
    path
}

/// On the check page, attaches the file at `path` to `document` as a person
/// does: the document's "Đính kèm tệp" button, then the native dialog. Waits
/// until the page lists the file.
pub async fn attach_on_check_page(app: &App, document: &str, path: &Path) {
    let picking = pick_in_file_dialog(path);
    app.click(&format!("#documents [data-attach='{document}']")).await;
    picking.join().expect("the file was picked in the dialog");
    app.wait(&format!("#documents [data-attachment='{document}']")).await;
}

/// A WebDriver session with the app.
pub struct App {
    /// The WebDriver client.
    pub client: Client,
    shots: PathBuf,
}

impl App {
    /// Launches the app in a new session.
    pub async fn start(driver: &Driver) -> Self {
        let binary = target_dir().join("debug/tro-ly-dich-vu-cong");
        assert!(binary.exists(), "build the app first: {} is missing", binary.display());
        Self::start_binary(driver, &binary).await
    }

    /// Starts the app from `binary` (an installed copy, for the update test).
    pub async fn start_binary(driver: &Driver, binary: &Path) -> Self {
        // Already chosen by an earlier session of this test: nothing to do.
        let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
        let mut caps = serde_json::Map::new();
        caps.insert("tauri:options".into(), serde_json::json!({ "application": binary }));
        caps.insert("browserName".into(), serde_json::json!("wry"));
        let client = ClientBuilder::rustls()
            .expect("TLS roots for the WebDriver client")
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .expect("a WebDriver session with the app");
        let shots = target_dir().join("e2e-screenshots");
        std::fs::create_dir_all(&shots).expect("screenshot folder");
        // The web view keeps its storage (the chosen language) per user, not
        // in the app's data folder: start every run from the defaults.
        client
            .execute("localStorage.clear();", vec![])
            .await
            .expect("the web view's storage is cleared");
        client.refresh().await.expect("the page reloads with the defaults");
        Self { client, shots }
    }

    /// Waits for an element.
    pub async fn wait(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} did not appear: {e}"))
    }

    /// Clicks an element once it is there, brought to the middle of the
    /// window first (a message at the bottom may cover the lowest line).
    pub async fn click(&self, css: &str) {
        let element = self.wait(css).await;
        let handle = serde_json::to_value(&element).expect("an element serializes");
        self.client
            .execute("arguments[0].scrollIntoView({ block: 'center' })", vec![handle])
            .await
            .unwrap_or_else(|e| panic!("scroll to {css}: {e}"));
        element.click().await.unwrap_or_else(|e| panic!("click {css}: {e:?}"));
    }

    /// Replaces the text of `#field-<field>`.
    pub async fn fill(&self, field: &str, text: &str) {
        self.fill_css(&format!("#field-{field}"), text).await;
    }

    /// Replaces the text of the input `css`. WebKitWebDriver now and then
    /// answers a key action with an empty error while the page re-renders
    /// around the field (seen once in CI on a loaded machine); the field is
    /// then found again and typed afresh, at most three times.
    pub async fn fill_css(&self, css: &str, text: &str) {
        let mut attempt = 1;
        loop {
            let input = self.wait(css).await;
            let typed = match input.clear().await {
                Ok(()) => input.send_keys(text).await,
                Err(e) => Err(e),
            };
            match typed {
                Ok(()) => return,
                Err(e) if attempt == 3 => panic!("type into {css}: {e}"),
                Err(e) => eprintln!("type into {css} (attempt {attempt}): {e}; trying again"),
            }
            attempt += 1;
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
    }

    /// The first heading on the page.
    pub async fn heading(&self) -> String {
        self.wait("h1, h2").await.text().await.unwrap_or_default()
    }

    /// Waits until the step heading reads `title`.
    pub async fn on_step(&self, title: &str) {
        for _ in 0..100 {
            if self.client.find(Locator::Css("h2")).await.ok().is_some() && self.step_title().await == title {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!(
            "never reached the step {title:?}; the page shows {:?}",
            self.heading().await
        );
    }

    /// The step heading (`main h2`).
    pub async fn step_title(&self) -> String {
        match self.client.find(Locator::Css("main h2")).await {
            Ok(h) => h.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// Presses Next.
    pub async fn next(&self) {
        self.click("#next").await;
    }

    /// A screen a person sees: saves its screenshot as
    /// `target/e2e-screenshots/<name>.png` and fails when axe-core finds a
    /// serious or critical accessibility violation on it.
    pub async fn shot(&self, name: &str) {
        self.picture(name).await;
        self.assert_accessible(name).await;
    }

    /// Only the screenshot, for a failure's picture.
    async fn picture(&self, name: &str) {
        // The frame after a DOM change can lag; let it settle.
        tokio::time::sleep(Duration::from_millis(600)).await;
        let png = self.client.screenshot().await.expect("a screenshot");
        std::fs::write(self.shots.join(format!("{name}.png")), png).expect("screenshot saved");
    }

    /// Scrolls the element `css` to the top of the window, for a screenshot.
    pub async fn scroll_to(&self, css: &str) {
        self.wait(css).await;
        self.client
            .execute(
                "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' })",
                vec![serde_json::json!(css)],
            )
            .await
            .unwrap_or_else(|e| panic!("scroll to {css}: {e}"));
    }

    /// Waits (30 s at most) until the element `css` shows `wanted`; its whole
    /// text then. On a timeout it saves `failure-<css>.png` and fails.
    pub async fn wait_for_text(&self, css: &str, wanted: &str) -> String {
        let mut last = String::new();
        for _ in 0..300 {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                last = element.text().await.unwrap_or_default();
                if last.contains(wanted) {
                    return last;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let name: String = css
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        self.picture(&format!("failure-{name}")).await;
        panic!("{css} never showed {wanted:?}; it shows {last:?} (target/e2e-screenshots/failure-{name}.png)");
    }

    /// The visible text of an element.
    pub async fn text(&self, css: &str) -> String {
        self.wait(css)
            .await
            .text()
            .await
            .unwrap_or_else(|e| panic!("text of {css}: {e}"))
    }

    /// Calls one of the app's commands the way the UI does, for the one
    /// step a test cannot do through the window: picking a file in the
    /// native file dialog.
    pub async fn invoke(&self, command: &str, args: serde_json::Value) -> serde_json::Value {
        let script = "const [command, args, done] = arguments; \
            window.__TAURI_INTERNALS__.invoke(command, args).then((ok) => done({ ok }), (err) => done({ err }));";
        let reply = self
            .client
            .execute_async(script, vec![command.into(), args])
            .await
            .unwrap_or_else(|e| panic!("invoke {command}: {e}"));
        match reply.get("ok") {
            Some(value) => value.clone(),
            None => panic!("{command} failed: {reply}"),
        }
    }

    /// Runs axe-core (from `ui/node_modules`, injected into the page as a
    /// person's assistive technology would find it) on the current screen,
    /// keeps its violations in `target/e2e-axe/<screen>.json` and returns
    /// the serious and critical ones as "rule: target" lines.
    pub async fn axe(&self, screen: &str) -> Vec<String> {
        let axe = std::fs::read_to_string(workspace().join("ui/node_modules/axe-core/axe.min.js"))
            .expect("axe-core is installed (npm ci --prefix ui)");
        self.client
            .execute(&format!("{axe};return axe.version;"), vec![])
            .await
            .expect("axe-core loads in the window");
        let script = "const done = arguments[arguments.length - 1]; \
            axe.run(document, { resultTypes: ['violations'] }).then( \
              (r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, \
                targets: v.nodes.map((n) => n.target.join(' ')) }))), \
              (e) => done({ error: String(e) }));";
        let violations = self
            .client
            .execute_async(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("axe on {screen}: {e}"));
        assert!(
            violations.get("error").is_none(),
            "axe failed on {screen}: {violations}"
        );
        let folder = target_dir().join("e2e-axe");
        std::fs::create_dir_all(&folder).expect("axe result folder");
        std::fs::write(
            folder.join(format!("{screen}.json")),
            serde_json::to_string_pretty(&violations).expect("violations serialize"),
        )
        .expect("axe results saved");
        violations
            .as_array()
            .expect("a list of violations")
            .iter()
            .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
            .flat_map(|v| {
                let rule = v["id"].as_str().unwrap_or_default().to_owned();
                v["targets"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(move |t| format!("{rule}: {}", t.as_str().unwrap_or_default()))
            })
            .collect()
    }

    /// Fails when axe finds a serious or critical violation on the screen.
    pub async fn assert_accessible(&self, screen: &str) {
        let found = self.axe(screen).await;
        assert!(
            found.is_empty(),
            "{screen}: {} serious or critical accessibility violations (target/e2e-axe/{screen}.json):\n{}",
            found.len(),
            found.join("\n")
        );
    }

    /// Ends the session, which closes the app.
    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// Fills birth registration, attaches the birth certificate (a scan written
/// in `folder`) on the check page and submits it, ending once the
/// submissions page lists the dossier with its code.
pub async fn submit_birth_registration(app: &App, folder: &Path) {
    fill_birth_registration(app).await;
    app.wait("#check-answers").await;
    let certificate = scan(folder, "giấy chứng sinh.pdf");
    attach_on_check_page(app, "giay_chung_sinh", &certificate).await;
    app.wait("#ready-message").await;
    app.click("#submit").await;
    app.wait_for_text("#submissions [data-dossier]", "X01-").await;
}

/// The text of a PDF as `pdftotext` (poppler-utils) reads it, every run of
/// white space one space.
pub fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8", path.to_str().expect("a UTF-8 path"), "-"])
        .output()
        .expect("pdftotext runs (poppler-utils)");
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Opens birth registration from the home screen and answers every step
/// correctly, ending on the check-your-answers page.
pub async fn fill_birth_registration(app: &App) {
    start_birth_registration(app).await;
    finish_birth_registration(app).await;
}

/// Opens birth registration from the home screen and answers the first
/// step, ending on the child's step.
pub async fn start_birth_registration(app: &App) {
    open_birth_registration(app).await;
    app.click("#start-interview").await;
    answer_requester(app).await;
}

/// Finds birth registration from the home screen and opens its page.
pub async fn open_birth_registration(app: &App) {
    app.wait("#search").await.send_keys("khai sinh").await.expect("search");
    app.click("[data-procedure='1.001193']").await;
    app.wait("#start-interview").await;
}

/// Answers the first step of birth registration (the filer, the father),
/// ending on the child's step.
pub async fn answer_requester(app: &App) {
    app.on_step("Người đi đăng ký").await;
    app.fill("requester_name", "Nguyễn Văn An").await;
    app.fill("requester_id", "001090012345").await;
    app.click("#field-requester_relation-father").await;
    app.fill("requester_phone", "0912345678").await;
    app.next().await;
    app.on_step("Thông tin của trẻ").await;
}

/// Answers birth registration from the child's step to the end (the father
/// not named), ending on the check-your-answers page.
pub async fn finish_birth_registration(app: &App) {
    answer_child_and_mother(app).await;
    app.on_step("Thông tin người cha").await;
    app.click("#field-has_father-no").await;
    app.next().await;
    answer_papers(app).await;
}

/// Answers the child's and the mother's steps, ending on the father's step.
pub async fn answer_child_and_mother(app: &App) {
    answer_child(app).await;
    app.on_step("Thông tin người mẹ").await;
    app.fill("mother_name", "Trần Thị Bình").await;
    app.fill("mother_birth_date", "12/03/1992").await;
    app.fill("mother_id", "001192054321").await;
    app.wait("#field-mother_address-province")
        .await
        .select_by_value("01")
        .await
        .expect("choose Hà Nội");
    app.wait("#field-mother_address-commune option[value='00004']").await;
    app.wait("#field-mother_address-commune")
        .await
        .select_by_value("00004")
        .await
        .expect("choose Ba Đình");
    app.wait("#field-mother_address-street")
        .await
        .send_keys("Số 5 phố Đội Cấn")
        .await
        .expect("street");
    app.shot("05-address").await;
    app.next().await;
}

/// Answers the child's step, ending on the mother's step.
pub async fn answer_child(app: &App) {
    app.on_step("Thông tin của trẻ").await;
    app.fill("child_name", "Nguyễn Minh Khang").await;
    app.click("#field-child_sex-male").await;
    let born = chrono::Local::now().date_naive() - chrono::Duration::days(10);
    app.fill("child_birth_date", &born.format("%d/%m/%Y").to_string()).await;
    app.fill("child_birth_place", "Bệnh viện Phụ sản Hà Nội").await;
    app.fill("child_ethnicity", "Kinh").await;
    app.next().await;
}

/// Answers the last step, ending on the check-your-answers page.
pub async fn answer_papers(app: &App) {
    app.on_step("Giấy tờ kèm theo").await;
    app.click("#field-has_birth_certificate-yes").await;
    app.click("#field-surrogacy-no").await;
    app.next().await;

    app.wait("#check-answers").await;
}
