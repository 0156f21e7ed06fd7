//! Setup shared by the sync tests: a sandbox portal on the tests' date, a
//! store, a client that checks the sandbox's catalog signatures, faults, and
//! a ready birth registration.

// Each test binary uses only some of these.
#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use portal::Client;
use portal::types::{Fault, NewDossier};
use portal_sandbox::{Config as SandboxConfig, Sandbox};
use procedures::Catalog;
use store::{Store, StoreKey};
use sync::submission_payload;

/// The date of the tests (and of their sandbox).
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

/// A sandbox portal on 127.0.0.1 whose date is `today`.
pub async fn start_sandbox(today: NaiveDate) -> Sandbox {
    Sandbox::start(SandboxConfig {
        today: Some(today),
        ..SandboxConfig::default()
    })
    .await
    .expect("the sandbox starts on 127.0.0.1")
}

/// A store in `dir`, opened with the tests' key.
pub fn open_store(dir: &Path) -> Arc<Store> {
    Arc::new(Store::open(dir, &StoreKey::from_bytes([7; 32])).unwrap().0)
}

/// A client of `sandbox` that accepts the definitions it signs.
pub fn client(sandbox: &Sandbox) -> Client {
    Client::new(&sandbox.base_url())
        .unwrap()
        .with_catalog_key(&sandbox.catalog_public_key())
        .unwrap()
}

/// Sets a fault at the sandbox through its admin route.
pub async fn fault(sandbox: &Sandbox, fault: Fault) {
    let response = reqwest::Client::new()
        .post(format!("{}/admin/faults", sandbox.base_url()))
        .header("x-admin-token", sandbox.admin_token())
        .json(&fault)
        .send()
        .await
        .expect("the admin call reaches the sandbox");
    assert!(response.status().is_success(), "fault accepted: {}", response.status());
}

/// A birth registration (1.001193) in `store` with the answers of the shared
/// fixture and `pdf` (written into `dir`) attached as the birth
/// certificate: the draft and its submission payload.
pub fn ready_birth_registration(store: &Store, dir: &Path, pdf: &[u8], today: NaiveDate) -> (i64, NewDossier) {
    let catalog = Catalog::bundled().unwrap();
    let procedure = catalog.get("1.001193").unwrap();
    let draft = store.create_draft(procedure, None, today).unwrap();
    let answers: procedures::engine::Answers = serde_json::from_str(include_str!(
        "../../../procedures/tests/fixtures/birth-registration.json"
    ))
    .unwrap();
    for (field, answer) in &answers {
        store.save_answer(draft, procedure, field, Some(answer), today).unwrap();
    }
    let file = dir.join("giay-chung-sinh.pdf");
    std::fs::write(&file, pdf).unwrap();
    let document = procedure
        .definition
        .documents
        .iter()
        .find(|d| d.id == "giay_chung_sinh")
        .unwrap();
    store.attach(draft, document, &file).unwrap();
    let opened = store.open_draft(draft).unwrap();
    let payload = submission_payload(procedure, &opened.answers, &store.attachments(draft).unwrap(), today)
        .expect("the answers are ready");
    (draft, payload)
}

/// A listener on [::1] with the sandbox's own port (so the `Host` the app
/// sends, `[::1]:<port>`, is one the sandbox answers), whose connections
/// take in at most 64 KiB ahead of the proxy, as a slow link would: the
/// loopback would otherwise swallow megabytes at once.
pub fn small_window_listener(port: u16) -> tokio::net::TcpListener {
    let socket = tokio::net::TcpSocket::new_v6().unwrap();
    socket.set_recv_buffer_size(64 * 1024).unwrap();
    socket
        .bind(std::net::SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, port)))
        .expect("the IPv6 loopback is free on the sandbox's port");
    socket.listen(16).unwrap()
}
