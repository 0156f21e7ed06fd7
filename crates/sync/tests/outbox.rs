//! The outbox against the real sandbox portal on 127.0.0.1, one test per
//! fault: every dossier reaches the portal exactly once, whatever happens.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDate;
use portal::Client;
use portal::types::{Fault, Status, StatusUpdate};
use portal_sandbox::{Config as SandboxConfig, Sandbox};
use procedures::Catalog;
use procedures::engine::Answer;
use store::Store;
use sync::{Config, Event, Worker, submission_payload};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

struct Setup {
    sandbox: Sandbox,
    store: Arc<Store>,
    worker: Arc<Worker>,
    events: Arc<Mutex<Vec<Event>>>,
    _dir: tempfile::TempDir,
}

async fn setup_with(sandbox_today: NaiveDate) -> Setup {
    let sandbox = Sandbox::start(SandboxConfig {
        today: Some(sandbox_today),
        ..SandboxConfig::default()
    })
    .await
    .expect("the sandbox starts on 127.0.0.1");
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open(dir.path()).unwrap().0);
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = events.clone();
    let config = Config {
        poll_every: Duration::from_secs(3600),
        retry_base: Duration::from_millis(20),
        retry_cap: Duration::from_millis(200),
    };
    let worker = Worker::new(store.clone(), Client::new(&sandbox.base_url()), config, move |e| {
        sink.lock().unwrap().push(e)
    });
    worker
        .session()
        .sign_in_test_account("cong-dan")
        .await
        .expect("the test account signs in");
    Setup {
        sandbox,
        store,
        worker,
        events,
        _dir: dir,
    }
}

async fn setup() -> Setup {
    setup_with(today()).await
}

fn text(s: &str) -> Answer {
    Answer::Text(s.into())
}

/// A ready birth registration with its birth certificate attached, put in the outbox.
fn submit(s: &Setup) -> i64 {
    let catalog = Catalog::bundled().unwrap();
    let procedure = catalog.get("1.001193").unwrap();
    let draft = s.store.create_draft(procedure, None, today()).unwrap();
    let answers: procedures::engine::Answers =
        serde_json::from_str(include_str!("../../procedures/tests/fixtures/birth-registration.json")).unwrap();
    for (field, answer) in &answers {
        s.store
            .save_answer(draft, procedure, field, Some(answer), today())
            .unwrap();
    }
    let file = s._dir.path().join("giay-chung-sinh.pdf");
    std::fs::write(&file, PDF).unwrap();
    let document = procedure
        .definition
        .documents
        .iter()
        .find(|d| d.id == "giay_chung_sinh")
        .unwrap();
    s.store.attach(draft, document, &file).unwrap();
    let opened = s.store.open_draft(draft).unwrap();
    let payload = submission_payload(
        procedure,
        &opened.answers,
        &s.store.attachments(draft).unwrap(),
        today(),
    )
    .expect("the answers are ready");
    assert_eq!(payload.attachments.len(), 1, "the birth certificate is announced");
    s.worker.submit(draft, &payload).unwrap();
    draft
}

async fn fault(s: &Setup, fault: Fault) {
    let response = reqwest::Client::new()
        .post(format!("{}/admin/faults", s.sandbox.base_url()))
        .json(&fault)
        .send()
        .await
        .expect("the admin call reaches the sandbox");
    assert!(response.status().is_success(), "fault accepted: {}", response.status());
}

/// Delivers until the outbox is empty, waiting for each retry to fall due.
async fn drain(s: &Setup) {
    for _ in 0..200 {
        s.worker.deliver_due().await.unwrap();
        if s.store.queued_submissions().unwrap().is_empty() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("the outbox did not drain: {:?}", s.store.queued_submissions().unwrap());
}

/// Every dossier of the test account at the portal.
async fn portal_dossiers(s: &Setup) -> Vec<portal::types::Dossier> {
    let client = Client::new(&s.sandbox.base_url());
    let token = client.sign_in_test_account("cong-dan").await.unwrap().access_token;
    client.changes(&token, 0).await.unwrap().dossiers
}

async fn exactly_one_submitted(s: &Setup) {
    let dossiers = portal_dossiers(s).await;
    assert_eq!(dossiers.len(), 1, "exactly one dossier reached the portal");
    assert_eq!(
        dossiers[0].status,
        Status::Submitted,
        "every file confirmed, so the dossier is filed"
    );
    assert_eq!(dossiers[0].attachments.len(), 1, "the birth certificate was received");
    let local = s.store.dossiers().unwrap();
    assert_eq!(local.len(), 1, "the app records it once");
    assert!(local[0].body.contains(&dossiers[0].code), "with the portal's code");
}

#[tokio::test]
async fn a_submission_is_delivered_with_its_file() {
    let s = setup().await;
    let draft = submit(&s);
    drain(&s).await;
    exactly_one_submitted(&s).await;
    let delivered = s
        .events
        .lock()
        .unwrap()
        .iter()
        .any(|e| matches!(e, Event::Delivered { draft_id, .. } if *draft_id == draft));
    assert!(delivered, "the app is told");
    assert!(
        s.store.list_drafts().unwrap().is_empty(),
        "a submitted draft leaves the drafts list"
    );
}

#[tokio::test]
async fn a_connection_dropped_after_the_portal_stored_the_dossier_gives_exactly_one() {
    let s = setup().await;
    fault(&s, Fault::DropAfterStore).await;
    submit(&s);
    s.worker.deliver_due().await.unwrap();
    assert_eq!(
        s.store.queued_submissions().unwrap().len(),
        1,
        "no answer: the outcome is unknown, so it stays queued"
    );
    drain(&s).await;
    exactly_one_submitted(&s).await;
}

#[tokio::test]
async fn server_errors_then_success_deliver_once() {
    let s = setup().await;
    fault(&s, Fault::ServerError { status: 503, count: 3 }).await;
    submit(&s);
    drain(&s).await;
    exactly_one_submitted(&s).await;
}

#[tokio::test]
async fn rate_limiting_waits_for_retry_after() {
    let s = setup().await;
    fault(
        &s,
        Fault::RateLimited {
            retry_after: 2,
            count: 1,
        },
    )
    .await;
    submit(&s);
    let before = chrono::Utc::now();
    s.worker.deliver_due().await.unwrap();
    let queued = s.store.queued_submissions().unwrap();
    let due = chrono::DateTime::parse_from_rfc3339(&queued[0].next_attempt_at).unwrap();
    let wait = due.signed_duration_since(before).num_milliseconds();
    assert!(
        (1900..=2600).contains(&wait),
        "the next attempt waits Retry-After (2 s), not the 20 ms backoff: {wait} ms"
    );
    assert_eq!(
        s.worker.deliver_due().await.unwrap(),
        0,
        "nothing goes out before Retry-After"
    );
    tokio::time::sleep(Duration::from_millis(2100)).await;
    drain(&s).await;
    exactly_one_submitted(&s).await;
}

#[tokio::test]
async fn a_malformed_answer_is_an_error_and_the_submission_is_kept() {
    let s = setup().await;
    fault(&s, Fault::MalformedBody).await;
    submit(&s);
    assert_eq!(
        s.worker.deliver_due().await.unwrap(),
        0,
        "a body that is not JSON is not a success"
    );
    assert_eq!(s.store.queued_submissions().unwrap().len(), 1, "the submission is kept");
    drain(&s).await;
    exactly_one_submitted(&s).await;
}

#[tokio::test]
async fn an_expired_token_is_refreshed_without_losing_the_submission() {
    let s = setup().await;
    fault(&s, Fault::ExpireTokens).await;
    submit(&s);
    drain(&s).await;
    exactly_one_submitted(&s).await;
    assert_eq!(
        s.worker.session().account().as_deref(),
        Some("cong-dan"),
        "still signed in after the refresh"
    );
}

#[tokio::test]
async fn a_refused_submission_goes_back_to_the_draft_with_field_errors() {
    // The portal's calendar is a month earlier, so the child's birth date is in its future.
    let s = setup_with(NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()).await;
    let draft = submit(&s);
    s.worker.deliver_due().await.unwrap();
    assert!(
        s.store.queued_submissions().unwrap().is_empty(),
        "a 422 is final: not retried"
    );
    let opened = s.store.open_draft(draft).unwrap();
    assert_eq!(opened.summary.submitted_at, None, "the draft is editable again");
    let rejection = opened.rejection.expect("the portal's field errors are kept");
    assert!(
        rejection.contains("child_birth_date"),
        "they name the field: {rejection}"
    );
    assert!(
        s.events
            .lock()
            .unwrap()
            .iter()
            .any(|e| matches!(e, Event::Rejected { .. }))
    );
    assert!(portal_dossiers(&s).await.is_empty());
}

#[tokio::test]
async fn status_changes_are_tracked_and_reported() {
    let s = setup().await;
    submit(&s);
    drain(&s).await;
    s.worker.poll_changes().await.unwrap();
    let id = portal_dossiers(&s).await[0].id.clone();
    let response = reqwest::Client::new()
        .post(format!("{}/admin/dossiers/{id}/status", s.sandbox.base_url()))
        .json(&StatusUpdate {
            status: Status::Received,
            note: Some("Đã nhận đủ hồ sơ".into()),
        })
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success());
    assert_eq!(s.worker.poll_changes().await.unwrap(), 1, "one dossier changed");
    let changed = s.events.lock().unwrap().iter().find_map(|e| match e {
        Event::StatusChanged { dossier, previous } => Some((dossier.status, *previous, dossier.history.clone())),
        _ => None,
    });
    let (status, previous, history) = changed.expect("the change is reported");
    assert_eq!((status, previous), (Status::Received, Status::Submitted));
    assert_eq!(
        history.last().and_then(|h| h.note.as_deref()),
        Some("Đã nhận đủ hồ sơ"),
        "with the agency's note"
    );
    assert_eq!(
        s.worker.poll_changes().await.unwrap(),
        0,
        "the cursor moved on: nothing new"
    );
}

/// The child of the restart test: delivers the outbox of the store in
/// `OUTBOX_CHILD_DIR` to the portal at `OUTBOX_CHILD_URL` until killed.
#[tokio::test]
async fn outbox_child() {
    let (Some(dir), Ok(url)) = (std::env::var_os("OUTBOX_CHILD_DIR"), std::env::var("OUTBOX_CHILD_URL")) else {
        return;
    };
    let store = Arc::new(Store::open(Path::new(&dir)).unwrap().0);
    let config = Config {
        poll_every: Duration::from_secs(3600),
        retry_base: Duration::from_millis(20),
        retry_cap: Duration::from_millis(100),
    };
    let worker = Worker::new(store.clone(), Client::new(&url), config, |_| {});
    worker.session().sign_in_test_account("cong-dan").await.unwrap();
    loop {
        let _ = worker.deliver_due().await;
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn killing_the_app_with_a_full_outbox_then_restarting_delivers_each_exactly_once() {
    if std::env::var_os("OUTBOX_CHILD_DIR").is_some() {
        return;
    }
    const SUBMISSIONS: usize = 8;
    let s = setup().await;
    for _ in 0..SUBMISSIONS {
        submit(&s);
    }
    // Slow answers, so the kill lands in the middle of the work.
    fault(&s, Fault::Latency { millis: 150 }).await;
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "outbox_child", "--nocapture"])
        .env("OUTBOX_CHILD_DIR", s._dir.path())
        .env("OUTBOX_CHILD_URL", s.sandbox.base_url())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it as soon as the first dossier is through, in the middle of the rest.
    for _ in 0..400 {
        if s.store.queued_submissions().unwrap().len() < SUBMISSIONS {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let left = s.store.queued_submissions().unwrap().len();
    assert!(
        left > 0 && left < SUBMISSIONS,
        "the kill came mid-way ({left} of {SUBMISSIONS} still queued)"
    );
    fault(&s, Fault::Clear).await;
    drain(&s).await;
    let dossiers = portal_dossiers(&s).await;
    assert_eq!(
        dossiers.len(),
        SUBMISSIONS,
        "every submission reached the portal exactly once"
    );
    assert_eq!(
        s.store.dossiers().unwrap().len(),
        SUBMISSIONS,
        "and is recorded once on this machine"
    );
}

#[tokio::test]
async fn a_newer_definition_is_fetched_once_with_its_etag_and_moves_drafts_on() {
    let s = setup().await;
    let catalog = Catalog::bundled().unwrap();
    let known: std::collections::HashMap<String, u32> = catalog
        .procedures()
        .iter()
        .map(|p| (p.definition.code.clone(), p.definition.version))
        .collect();
    s.worker.set_known_versions(known.clone());
    assert!(
        s.worker.refresh_catalog().await.unwrap().is_empty(),
        "nothing newer at the portal yet"
    );

    let old = catalog.get("1.001193").unwrap();
    let draft = s.store.create_draft(old, None, today()).unwrap();
    s.store
        .save_answer(draft, old, "child_ethnicity", Some(&text("Kinh")), today())
        .unwrap();
    let mut newer = old.definition.clone();
    newer.version = 2;
    newer.steps[1].fields.retain(|f| f.id != "child_ethnicity");
    let response = reqwest::Client::new()
        .put(format!("{}/admin/catalog", s.sandbox.base_url()))
        .json(&newer)
        .send()
        .await
        .unwrap();
    assert!(
        response.status().is_success(),
        "the portal publishes version 2: {}",
        response.status()
    );

    let fetched = s.worker.refresh_catalog().await.unwrap();
    assert_eq!(
        fetched.iter().map(|p| p.definition.version).collect::<Vec<_>>(),
        [2],
        "version 2 is fetched"
    );
    assert_eq!(s.store.catalog_updates().unwrap().len(), 1, "and kept");
    assert!(
        s.worker.refresh_catalog().await.unwrap().is_empty(),
        "a known version is not fetched again"
    );
    s.worker.set_known_versions(known);
    assert!(
        s.worker.refresh_catalog().await.unwrap().is_empty(),
        "after a restart, the stored ETag gets a 304"
    );

    let updated = catalog.with_updates(fetched);
    let notice = s
        .store
        .upgrade_draft(draft, updated.get("1.001193").unwrap(), today())
        .unwrap();
    let notice = notice.expect("the draft's user is told");
    assert_eq!(
        notice.removed.iter().map(|l| l.vi.as_str()).collect::<Vec<_>>(),
        ["Dân tộc"],
        "the dropped question is named"
    );
}
