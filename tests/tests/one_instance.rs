//! One app per data folder, and a window that opens where it was left: a
//! second launch on the same folder hands over to the running app and exits
//! without touching the data; the window's size is kept when the app closes
//! and given back at the next start.

use std::process::Command;
use std::time::{Duration, Instant};

use e2e::{App, Driver};

/// The running app's log text, all days together.
fn log_text(data: &std::path::Path) -> String {
    std::fs::read_dir(data.join("logs"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}

/// The app's process that runs on `data`.
fn app_process(data: &std::path::Path) -> Option<u32> {
    let wanted = format!("TRO_LY_DATA_DIR={}", data.display());
    std::fs::read_dir("/proc")
        .ok()?
        .filter_map(Result::ok)
        .find_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let exe = std::fs::read_link(entry.path().join("exe")).ok()?;
            let environ = std::fs::read(entry.path().join("environ")).ok()?;
            let ours = exe.file_name()? == "tro-ly-dich-vu-cong"
                && environ.split(|b| *b == 0).any(|var| var == wanted.as_bytes());
            ours.then_some(pid)
        })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_launch_brings_the_window_forward_and_the_size_is_kept() {
    let data = tempfile::tempdir().expect("a data folder for this run");
    let driver = Driver::start(data.path());
    let app = App::start(&driver).await;
    app.wait("[data-procedure]").await;
    app.client
        .set_window_size(900, 700)
        .await
        .expect("the window can be resized");

    // A second launch on the same folder: it must hand over and end, not
    // open the database a second time (which the store would refuse with an
    // error dialog that never closes by itself).
    let binary = e2e::target_dir().join("debug/tro-ly-dich-vu-cong");
    let mut second = Command::new(&binary)
        .env("TRO_LY_DATA_DIR", data.path())
        .spawn()
        .expect("a second launch starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = second.try_wait().expect("the second launch can be waited for") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = second.kill();
            panic!("the second launch did not hand over to the running app within 20 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "the second launch ends without an error: {status}");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !log_text(data.path()).contains("a second launch brought the window forward") {
        assert!(
            Instant::now() < deadline,
            "the running app was told of the second launch"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(
        app.heading().await,
        "Bạn cần làm thủ tục gì?",
        "the running app still answers"
    );
    app.shot("29-after-a-second-launch").await;

    // Ended as a session's logout ends it (SIGTERM), the app closes as its
    // window's close button would, and keeps the window's size.
    let pid = app_process(data.path()).expect("the running app's process");
    let stopped = Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap();
    assert!(stopped.success());
    let state = data.path().join("window-state.json");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !state.exists() {
        assert!(
            Instant::now() < deadline,
            "the window's state is written when the app closes"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let kept: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&state).unwrap()).unwrap();
    assert_eq!(kept["main"]["width"], 900, "the width is kept: {kept}");
    assert_eq!(kept["main"]["height"], 700, "the height is kept: {kept}");

    app.close().await;
    drop(driver);
    let driver = Driver::start(data.path());
    let again = App::start(&driver).await;
    again.wait("[data-procedure]").await;
    let (width, height) = again.client.get_window_size().await.expect("the window's size");
    assert_eq!(
        (width, height),
        (900, 700),
        "the next start opens the window at the size it was left"
    );
    again.close().await;
}
