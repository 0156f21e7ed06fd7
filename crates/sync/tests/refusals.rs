//! What a broken or hostile portal answers, served by a small HTTP server on
//! 127.0.0.1 (the sandbox never answers these): a proxy's HTML 413, and a
//! catalog with a missing definition and one naming another procedure.

use std::sync::{Arc, Mutex};

use base64::Engine;
use ed25519_dalek::{Signer, SigningKey};
use portal::Client;
use portal::types::{AttachmentManifest, CATALOG_SIGNATURE, NewDossier};
use procedures::Catalog;
use store::Store;
use sync::{Config, Event, SavedSession, TokenVault, Worker};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

mod common;

use common::*;

/// A vault holding a session, so the worker is signed in without a portal sign-in.
struct SignedIn;

impl TokenVault for SignedIn {
    fn load(&self) -> Option<SavedSession> {
        Some(SavedSession {
            account: "cong-dan".into(),
            access_token: "access".into(),
            refresh_token: "refresh".into(),
            me: None,
        })
    }
    fn save(&self, _: &SavedSession) {}
    fn clear(&self) {}
}

/// A server on 127.0.0.1 answering each request with `answer(request line)`.
async fn serve(answer: impl Fn(&str) -> Vec<u8> + Send + Sync + 'static) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let answer = Arc::new(answer);
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let answer = answer.clone();
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut buffer = [0u8; 4096];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match socket.read(&mut buffer).await {
                        Ok(n) if n > 0 => request.extend_from_slice(&buffer[..n]),
                        _ => return,
                    }
                }
                let line = String::from_utf8_lossy(&request)
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                let _ = socket.write_all(&answer(&line)).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    url
}

fn response(status: &str, headers: &[(&str, String)], body: &[u8]) -> Vec<u8> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut out = head.into_bytes();
    out.extend_from_slice(body);
    out
}

fn worker(
    url: &str,
    key: Option<[u8; 32]>,
    events: Arc<Mutex<Vec<Event>>>,
) -> (Arc<Worker>, Arc<Store>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let mut client = Client::new(url).unwrap();
    if let Some(key) = key {
        client = client.with_catalog_key(&key).unwrap();
    }
    let worker = Worker::new(store.clone(), client, Config::default(), move |e| {
        events.lock().unwrap().push(e)
    });
    assert!(
        worker.session().use_vault(Arc::new(SignedIn)),
        "the saved session is restored"
    );
    (worker, store, dir)
}

#[tokio::test]
async fn a_proxys_html_413_is_a_final_refusal_with_a_reason() {
    let url = serve(|_| {
        response(
            "413 Payload Too Large",
            &[("Content-Type", "text/html".into())],
            b"<html><body>413 Request Entity Too Large</body></html>",
        )
    })
    .await;
    let events = Arc::new(Mutex::new(Vec::new()));
    let (worker, store, _dir) = worker(&url, None, events.clone());
    let procedure = Catalog::bundled().unwrap().get("1.001193").unwrap().clone();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let draft = store.create_draft(&procedure, None, today).unwrap();
    let payload = NewDossier {
        procedure_code: "1.001193".into(),
        procedure_version: 1,
        answers: Default::default(),
        attachments: Vec::<AttachmentManifest>::new(),
        on_behalf: None,
    };
    worker.submit(draft, &payload).unwrap();
    worker.deliver_due().await.unwrap();
    assert!(
        store.queued_submissions().unwrap().is_empty(),
        "a 413 is never retried: the same body would be refused again"
    );
    let reason = events.lock().unwrap().iter().find_map(|e| match e {
        Event::SentBack { reason, .. } => reason.clone(),
        _ => None,
    });
    assert_eq!(reason.as_deref(), Some("portal-too-large"), "the app is told why");
    assert!(
        store
            .open_draft(draft)
            .unwrap()
            .rejection
            .is_some_and(|r| r.reason.as_deref() == Some("portal-too-large")),
        "the draft shows the reason instead of an empty list"
    );
}

#[tokio::test]
async fn a_failing_definition_does_not_stop_the_others_and_a_substitute_is_refused() {
    let key = SigningKey::from_bytes(&[5; 32]);
    let catalog = Catalog::bundled().unwrap();
    let mut birth = catalog.get("1.001193").unwrap().definition.clone();
    birth.version = 9;
    let birth = serde_json::to_vec(&birth).unwrap();
    let signed = |body: &[u8]| base64::engine::general_purpose::STANDARD.encode(key.sign(body).to_bytes());
    let birth_signature = signed(&birth);
    let list = serde_json::json!({"procedures": [
        {"code": "1.000656", "version": 9, "name": {"vi": "Khai tử", "en": "Death"}},
        {"code": "1.000894", "version": 9, "name": {"vi": "Kết hôn", "en": "Marriage"}},
        {"code": "1.001193", "version": 9, "name": {"vi": "Khai sinh", "en": "Birth"}},
    ]})
    .to_string();
    let url = serve(move |line| {
        let json = ("Content-Type", "application/json".to_owned());
        if line.starts_with("GET /v1/catalog ") {
            response("200 OK", &[json], list.as_bytes())
        } else if line.starts_with("GET /v1/catalog/1.001193 ") || line.starts_with("GET /v1/catalog/1.000894 ") {
            // The marriage entry answers with the birth registration: a substitution.
            let etag = ("ETag", "\"x@9\"".to_owned());
            response(
                "200 OK",
                &[json, etag, (CATALOG_SIGNATURE, birth_signature.clone())],
                &birth,
            )
        } else {
            response("404 Not Found", &[], b"")
        }
    })
    .await;
    let events = Arc::new(Mutex::new(Vec::new()));
    let (worker, store, _dir) = worker(&url, Some(key.verifying_key().to_bytes()), events);
    worker.set_known_versions(
        catalog
            .procedures()
            .iter()
            .map(|p| (p.definition.code.clone(), p.definition.version))
            .collect(),
    );
    let fetched = worker
        .refresh_catalog()
        .await
        .expect("a failing definition does not fail the refresh");
    assert_eq!(
        fetched
            .iter()
            .map(|p| (p.definition.code.as_str(), p.definition.version))
            .collect::<Vec<_>>(),
        [("1.001193", 9)],
        "the birth registration still comes after the 404 and the substitute"
    );
    let stored: Vec<String> = store
        .catalog_updates()
        .unwrap()
        .into_iter()
        .map(|(code, ..)| code)
        .collect();
    assert_eq!(
        stored,
        ["1.001193"],
        "a body naming another code is never stored, under either code"
    );
}
