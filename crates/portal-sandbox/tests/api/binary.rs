//! The `portal-sandbox` binary prints its base URL, serves, and stops on Ctrl-C.

use std::process::Stdio;
use std::time::Duration;

use reqwest::StatusCode;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

use crate::common::http;

#[tokio::test]
async fn the_binary_prints_its_url_and_stops_on_ctrl_c() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_portal-sandbox"))
        .args(["--port", "0", "--auto-advance-secs", "60"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let url = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
        .await
        .expect("the URL is printed")
        .unwrap()
        .unwrap();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let health = http().get(format!("{url}/health")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    assert_eq!(health.text().await.unwrap(), "ok");

    let pid = child.id().unwrap().to_string();
    let interrupted = Command::new("kill").args(["-INT", &pid]).status().await.unwrap();
    assert!(interrupted.success());
    let status = tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .expect("Ctrl-C stops it")
        .unwrap();
    assert!(status.success(), "{status:?}");

    let bad = Command::new(env!("CARGO_BIN_EXE_portal-sandbox"))
        .arg("--bogus")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .await
        .unwrap();
    assert_eq!(bad.code(), Some(2));
}
