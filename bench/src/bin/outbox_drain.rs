//! Outbox throughput: 500 queued dossiers drained by the sync worker against
//! the sandbox portal, and the same 500 create requests sent by a bare HTTP
//! client to the same sandbox, in the same run. Checks there are no duplicates.
//! Run: `cargo run --release -p bench --bin outbox_drain`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use portal::Client;
use portal::types::IDEMPOTENCY_KEY;
use portal_sandbox::{Config as SandboxConfig, Sandbox};
use procedures::Catalog;
use store::{Store, StoreKey};
use sync::{Config, Worker, submission_payload};

const DOSSIERS: usize = 500;

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
    let mut payloads = Vec::with_capacity(DOSSIERS);
    for _ in 0..DOSSIERS {
        let draft = store.create_draft(procedure, None, today).expect("draft");
        for (field, answer) in &answers {
            store
                .save_answer(draft, procedure, field, Some(answer), today)
                .expect("answer");
        }
        let payload = submission_payload(procedure, &store.open_draft(draft).expect("draft").answers, &[], today)
            .expect("the fixture is ready to submit");
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
        let response = http
            .post(format!("{}/v1/dossiers", sandbox.base_url()))
            .bearer_auth(&token)
            .header(IDEMPOTENCY_KEY, format!("bare-{i}"))
            .json(payload)
            .send()
            .await
            .expect("request");
        assert!(response.status().is_success(), "bare request accepted");
        response.bytes().await.expect("body");
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
    sandbox.stop().await;
}
