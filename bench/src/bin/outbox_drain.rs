//! Outbox throughput: 500 queued dossiers drained by the sync worker against
//! the sandbox portal, and the same 500 create requests sent by a bare HTTP
//! client to the same sandbox, in the same run. Then a mixed round: the
//! agency asks half of each side's dossiers for a supplement and the other
//! half for a fee (paid at once by the training bank); the worker delivers
//! the 250 supplement replies together with 250 new submissions and reads
//! the 500 changes (supplements and payments) in one poll, against the same
//! requests from the bare client. Checks there are no duplicates.
//! Run: `cargo run --release -p bench --bin outbox_drain`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use portal::Client;
use portal::types::{Dossier, IDEMPOTENCY_KEY, NewDossier, Status, SupplementReply};
use portal_sandbox::{Config as SandboxConfig, Sandbox};
use procedures::Catalog;
use serde_json::json;
use store::{ActionKind, Store, StoreKey};
use sync::{Config, Worker, submission_payload};

const DOSSIERS: usize = 500;

/// The scanned birth certificate every dossier carries.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let sandbox = Sandbox::start(SandboxConfig {
        today: Some(today),
        ..SandboxConfig::default()
    })
    .await
    .expect("sandbox");
    let folder = tempfile::tempdir_in(std::env::current_dir().expect("cwd")).expect("folder");
    let store = Arc::new(Store::open(folder.path(), &StoreKey::generate()).expect("store").0);
    let catalog = Catalog::bundled().expect("catalog");
    let procedure = catalog.get("1.001193").expect("birth registration");
    let answers: procedures::engine::Answers = serde_json::from_str(include_str!(
        "../../../crates/procedures/tests/fixtures/birth-registration.json"
    ))
    .expect("the shared fixture parses");
    let config = Config {
        poll_every: Duration::from_secs(3600),
        ..Config::default()
    };
    let worker = Worker::new(
        store.clone(),
        Client::new(&sandbox.base_url()).expect("a loopback URL"),
        config,
        |_| {},
    );
    worker
        .session()
        .sign_in_test_account("cong-dan")
        .await
        .expect("sign in");
    let certificate = folder.path().join("giay-chung-sinh.pdf");
    std::fs::write(&certificate, PDF).expect("a scan on disk");
    let ready = || {
        let draft = store.create_draft(procedure, None, today).expect("draft");
        for (field, answer) in &answers {
            store
                .save_answer(draft, procedure, field, Some(answer), today)
                .expect("answer");
        }
        let document = procedure
            .definition
            .documents
            .iter()
            .find(|d| d.id == "giay_chung_sinh")
            .expect("the birth certificate");
        store.attach(draft, document, &certificate).expect("attached");
        let files = store.attachments(draft).expect("files");
        let payload = submission_payload(
            procedure,
            &store.open_draft(draft).expect("draft").answers,
            &files,
            today,
        )
        .expect("the fixture is ready to submit");
        (draft, payload)
    };
    let mut payloads = Vec::with_capacity(DOSSIERS);
    for _ in 0..DOSSIERS {
        let (draft, payload) = ready();
        worker.submit(draft, &payload).expect("queued");
        payloads.push(payload);
    }

    let start = Instant::now();
    while !store.queued_submissions().expect("outbox").is_empty() {
        worker.deliver_due().await.expect("deliver");
    }
    let drained = start.elapsed();

    let client = Client::new(&sandbox.base_url()).expect("a loopback URL");
    let token = client
        .sign_in_test_account("cong-dan-2")
        .await
        .expect("sign in")
        .access_token;
    let http = reqwest::Client::new();
    let start = Instant::now();
    for (i, payload) in payloads.iter().enumerate() {
        bare_submit(&sandbox, &http, &token, &format!("bare-{i}"), payload).await;
    }
    let bare = start.elapsed();

    let own = client
        .sign_in_test_account("cong-dan")
        .await
        .expect("sign in")
        .access_token;
    let at_portal = client.changes(&own, 0).await.expect("changes").dossiers.len();
    assert_eq!(
        at_portal, DOSSIERS,
        "every queued dossier reached the portal exactly once"
    );
    // The mixed round: the agency's requests first, outside the timing.
    let bare_dossiers = client.changes(&token, 0).await.expect("changes").dossiers;
    let own_dossiers = client.changes(&own, 0).await.expect("changes").dossiers;
    let asked = prepare_mixed(&sandbox, &http, &own_dossiers).await;
    let bare_asked = prepare_mixed(&sandbox, &http, &bare_dossiers).await;
    worker.poll_changes().await.expect("the worker sees the requests");
    let cursor = client.changes(&token, 0).await.expect("changes").cursor;
    let mut new_payloads = Vec::with_capacity(DOSSIERS / 2);
    for (dossier, request) in &asked {
        worker
            .queue_action(ActionKind::Supplement, Some(&dossier.id), None, &reply(request))
            .expect("queued");
        let (draft, payload) = ready();
        worker.submit(draft, &payload).expect("queued");
        new_payloads.push(payload);
    }
    let start = Instant::now();
    loop {
        let queued = store
            .actions()
            .expect("actions")
            .iter()
            .any(|a| a.state == store::ActionState::Queued);
        if !queued && store.queued_submissions().expect("outbox").is_empty() {
            break;
        }
        worker.deliver_actions().await.expect("deliver follow-ups");
        worker.deliver_due().await.expect("deliver");
    }
    worker.poll_changes().await.expect("poll");
    let mixed = start.elapsed();

    let start = Instant::now();
    for (i, ((dossier, request), payload)) in bare_asked.iter().zip(&new_payloads).enumerate() {
        let response = http
            .post(format!("{}/v1/dossiers/{}/supplement", sandbox.base_url(), dossier.id))
            .bearer_auth(&token)
            .header(IDEMPOTENCY_KEY, format!("bare-supplement-{i}"))
            .json(&reply(request))
            .send()
            .await
            .expect("request");
        assert!(response.status().is_success(), "bare supplement accepted");
        response.bytes().await.expect("body");
        bare_submit(&sandbox, &http, &token, &format!("bare-new-{i}"), payload).await;
    }
    let changed = client.changes(&token, cursor).await.expect("changes").dossiers.len();
    assert!(changed >= DOSSIERS, "the bare client reads every change: {changed}");
    let bare_mixed = start.elapsed();
    let mine = client.changes(&own, 0).await.expect("changes").dossiers;
    assert_eq!(mine.len(), DOSSIERS + DOSSIERS / 2, "no dossier twice");
    let resumed = mine
        .iter()
        .filter(|d| d.supplement.as_ref().is_some_and(|s| s.answered_at.is_some()))
        .count();
    assert_eq!(resumed, DOSSIERS / 2, "every supplement arrived once");
    let once = mine.iter().all(|d| {
        d.history
            .iter()
            .filter(|h| h.status == Status::SupplementRequired)
            .count()
            <= 1
    });
    assert!(once, "no supplement twice");

    println!("what\tseconds\tdossiers/s");
    println!(
        "outbox worker\t{:.2}\t{:.0}",
        drained.as_secs_f64(),
        DOSSIERS as f64 / drained.as_secs_f64()
    );
    println!(
        "bare HTTP client\t{:.2}\t{:.0}",
        bare.as_secs_f64(),
        DOSSIERS as f64 / bare.as_secs_f64()
    );
    println!("ratio worker/bare\t{:.2}", drained.as_secs_f64() / bare.as_secs_f64());
    println!("duplicates\t{}", at_portal - DOSSIERS);
    println!(
        "mixed: outbox worker (250 supplements + 250 submissions + 1 poll of 500 changes)\t{:.2}",
        mixed.as_secs_f64()
    );
    println!(
        "mixed: bare HTTP client (same requests)\t{:.2}",
        bare_mixed.as_secs_f64()
    );
    println!(
        "ratio mixed worker/bare\t{:.2}",
        mixed.as_secs_f64() / bare_mixed.as_secs_f64()
    );
    sandbox.stop().await;
}

/// Creates a dossier with the bare client, then uploads its birth certificate.
async fn bare_submit(sandbox: &Sandbox, http: &reqwest::Client, token: &str, key: &str, payload: &NewDossier) {
    let response = http
        .post(format!("{}/v1/dossiers", sandbox.base_url()))
        .bearer_auth(token)
        .header(IDEMPOTENCY_KEY, key)
        .json(payload)
        .send()
        .await
        .expect("request");
    assert!(response.status().is_success(), "bare request accepted");
    let created: Dossier = response.json().await.expect("a dossier");
    let id = &created.id;
    let response = http
        .put(format!(
            "{}/v1/dossiers/{id}/attachments/giay_chung_sinh",
            sandbox.base_url()
        ))
        .bearer_auth(token)
        .header("content-type", "application/octet-stream")
        .body(PDF)
        .send()
        .await
        .expect("upload");
    assert!(response.status().is_success(), "bare upload accepted");
    response.bytes().await.expect("body");
}

/// An admin `POST` that must succeed.
async fn agency(sandbox: &Sandbox, http: &reqwest::Client, path: &str, body: serde_json::Value) -> Dossier {
    let response = http
        .post(format!("{}{path}", sandbox.base_url()))
        .header("x-admin-token", sandbox.admin_token())
        .json(&body)
        .send()
        .await
        .expect("admin request");
    assert!(response.status().is_success(), "{path}: {}", response.status());
    response.json().await.expect("a dossier")
}

/// Takes every dossier in; asks the first half for a supplement (the
/// child's name again) and the second half for a fee, which the training
/// bank confirms. Returns the dossiers asked for a supplement, with the request.
async fn prepare_mixed(
    sandbox: &Sandbox,
    http: &reqwest::Client,
    dossiers: &[Dossier],
) -> Vec<(Dossier, portal::types::SupplementRequest)> {
    let mut asked = Vec::new();
    for (i, dossier) in dossiers.iter().enumerate() {
        let id = &dossier.id;
        agency(
            sandbox,
            http,
            &format!("/admin/dossiers/{id}/status"),
            json!({ "status": "received" }),
        )
        .await;
        if i < DOSSIERS / 2 {
            let order = json!({ "reason": "Ghi lại tên của trẻ.", "items": [{ "number": 1, "kind": "answer", "id": "child_name", "note": null }] });
            let moved = agency(sandbox, http, &format!("/admin/dossiers/{id}/supplement"), order).await;
            asked.push((moved.clone(), moved.supplement.expect("the request")));
        } else {
            agency(
                sandbox,
                http,
                &format!("/admin/dossiers/{id}/status"),
                json!({ "status": "in_review" }),
            )
            .await;
            let order = json!({ "lines": [{ "name": "Lệ phí", "kind": "levy", "amount": 8000 }] });
            agency(sandbox, http, &format!("/admin/dossiers/{id}/payment"), order).await;
            agency(
                sandbox,
                http,
                &format!("/admin/dossiers/{id}/payment/confirm"),
                json!(null),
            )
            .await;
        }
    }
    asked
}

/// The reply giving the child's name again.
fn reply(request: &portal::types::SupplementRequest) -> SupplementReply {
    let name = procedures::engine::Answer::Text("Nguyễn Minh Khôi".into());
    SupplementReply {
        request_id: request.id.clone(),
        answers: [("child_name".to_owned(), name)].into_iter().collect(),
        attachments: vec![],
    }
}
