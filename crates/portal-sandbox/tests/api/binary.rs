//! The `portal-sandbox` binary prints its base URL and admin token, signs
//! with a seed from a file, serves, and stops on Ctrl-C.

use std::process::Stdio;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, SigningKey};
use portal_sandbox::{ADMIN_TOKEN_HEADER, CATALOG_SIGNATURE_HEADER};
use reqwest::StatusCode;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

use crate::common::{http_without_admin_token, sign_in};

#[tokio::test]
async fn the_binary_prints_its_url_and_stops_on_ctrl_c() {
    let dir = tempfile::tempdir().unwrap();
    let seed = [7u8; 32];
    let key_file = dir.path().join("catalog-signing-key");
    std::fs::write(&key_file, STANDARD.encode(seed)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_portal-sandbox"))
        .args([
            "--port",
            "0",
            "--auto-advance-secs",
            "60",
            "--admin-token",
            "from-the-command-line",
        ])
        .arg("--signing-key")
        .arg(&key_file)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let mut next_line = async || {
        tokio::time::timeout(Duration::from_secs(20), lines.next_line())
            .await
            .expect("the binary prints its start-up lines")
            .unwrap()
            .unwrap()
    };
    let url = next_line().await;
    assert!(
        url.starts_with("http://127.0.0.1:"),
        "the first line is the base URL: {url}"
    );
    let token_line = next_line().await;
    assert_eq!(
        token_line,
        format!("{ADMIN_TOKEN_HEADER}: from-the-command-line"),
        "the second line gives the admin token, for a developer's curl"
    );
    let http = http_without_admin_token();
    let health = http.get(format!("{url}/health")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    assert_eq!(health.text().await.unwrap(), "ok");
    let faults = http
        .post(format!("{url}/admin/faults"))
        .header(ADMIN_TOKEN_HEADER, "from-the-command-line")
        .json(&portal::types::Fault::Clear)
        .send()
        .await
        .unwrap();
    assert_eq!(faults.status(), StatusCode::NO_CONTENT, "--admin-token sets the token");

    let tokens = sign_in(&url, "cong-dan").await;
    let definition = http
        .get(format!("{url}/v1/catalog/1.001193"))
        .bearer_auth(&tokens.access_token)
        .send()
        .await
        .unwrap();
    let signature = STANDARD
        .decode(definition.headers()[CATALOG_SIGNATURE_HEADER].as_bytes())
        .unwrap();
    let body = definition.bytes().await.unwrap();
    SigningKey::from_bytes(&seed)
        .verifying_key()
        .verify_strict(&body, &Signature::from_slice(&signature).unwrap())
        .expect("--signing-key signs with the seed in the file");

    let pid = child.id().unwrap().to_string();
    let interrupted = Command::new("kill").args(["-INT", &pid]).status().await.unwrap();
    assert!(interrupted.success());
    let status = tokio::time::timeout(Duration::from_secs(10), child.wait())
        .await
        .expect("Ctrl-C stops it")
        .unwrap();
    assert!(status.success(), "{status:?}");

    for bad in [
        vec!["--bogus".to_owned()],
        vec!["--signing-key".to_owned(), "/no/such/file".to_owned()],
    ] {
        let code = Command::new(env!("CARGO_BIN_EXE_portal-sandbox"))
            .args(&bad)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .await
            .unwrap()
            .code();
        assert_eq!(code, Some(2), "{bad:?} is a usage error");
    }
}
