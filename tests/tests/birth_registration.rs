//! The real app in a real window (Xvfb), driven through tauri-driver and
//! WebKitWebDriver: search without diacritics, open birth registration, type
//! a wrong citizen ID, read the Vietnamese error, fix it and reach the
//! check-your-answers page. Screenshots go to `target/e2e-screenshots/`.
//!
//! Needs a built app (`target/debug/tro-ly-dich-vu-cong`, with `ui/dist`
//! built first), `tauri-driver` and `WebKitWebDriver` on PATH, and DISPLAY
//! set; `scripts/test.sh` provides all of them.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};

const WAIT: Duration = Duration::from_secs(20);

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace")
        .to_path_buf()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

/// tauri-driver, stopped with SIGTERM so it takes WebKitWebDriver down too.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Self {
        let (port, native_port) = (free_port(), free_port());
        let child = Command::new("tauri-driver")
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .spawn()
            .expect("tauri-driver is installed (cargo install tauri-driver --locked)");
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Self { child, port };
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

struct App {
    client: Client,
    shots: PathBuf,
}

impl App {
    async fn start(driver: &Driver) -> Self {
        let binary = workspace().join("target/debug/tro-ly-dich-vu-cong");
        assert!(binary.exists(), "build the app first: {} is missing", binary.display());
        let mut caps = serde_json::Map::new();
        caps.insert("tauri:options".into(), serde_json::json!({ "application": binary }));
        caps.insert("browserName".into(), serde_json::json!("wry"));
        let client = ClientBuilder::rustls()
            .expect("TLS roots for the WebDriver client")
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .expect("a WebDriver session with the app");
        let shots = workspace().join("target/e2e-screenshots");
        std::fs::create_dir_all(&shots).expect("screenshot folder");
        Self { client, shots }
    }

    async fn wait(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} did not appear: {e}"))
    }

    async fn click(&self, css: &str) {
        self.wait(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    async fn fill(&self, field: &str, text: &str) {
        let input = self.wait(&format!("#field-{field}")).await;
        input.clear().await.unwrap_or_else(|e| panic!("clear {field}: {e}"));
        input
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("type into {field}: {e}"));
    }

    async fn heading(&self) -> String {
        self.wait("h1, h2").await.text().await.unwrap_or_default()
    }

    /// Waits until the step heading reads `title`.
    async fn on_step(&self, title: &str) {
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

    async fn step_title(&self) -> String {
        match self.client.find(Locator::Css("main h2")).await {
            Ok(h) => h.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    async fn next(&self) {
        self.click("#next").await;
    }

    async fn shot(&self, name: &str) {
        // The frame after a DOM change can lag; let it settle.
        tokio::time::sleep(Duration::from_millis(600)).await;
        let png = self.client.screenshot().await.expect("a screenshot");
        std::fs::write(self.shots.join(format!("{name}.png")), png).expect("screenshot saved");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn citizen_finds_birth_registration_and_reaches_the_check_page() {
    let driver = Driver::start();
    let app = App::start(&driver).await;
    let outcome = walk(&app).await;
    app.client.clone().close().await.ok();
    outcome
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

    app.fill("requester_id", "001090012345").await;
    app.next().await;

    app.on_step("Thông tin của trẻ").await;
    app.fill("child_name", "Nguyễn Minh Khang").await;
    app.click("#field-child_sex-male").await;
    let born = chrono::Local::now().date_naive() - chrono::Duration::days(10);
    app.fill("child_birth_date", &born.format("%d/%m/%Y").to_string()).await;
    app.fill("child_birth_place", "Bệnh viện Phụ sản Hà Nội").await;
    app.fill("child_ethnicity", "Kinh").await;
    app.next().await;

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

    app.on_step("Thông tin người cha").await;
    app.click("#field-has_father-no").await;
    app.next().await;

    app.on_step("Giấy tờ kèm theo").await;
    app.click("#field-has_birth_certificate-yes").await;
    app.click("#field-surrogacy-no").await;
    app.next().await;

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
    app.shot("06-check-answers").await;
}
