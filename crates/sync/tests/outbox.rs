//! The outbox against the real sandbox portal on 127.0.0.1, one test per
//! fault: every dossier reaches the portal exactly once, whatever happens.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::NaiveDate;
use portal::Client;
use portal::types::{Fault, Status, StatusUpdate};
use portal_sandbox::Sandbox;
use procedures::Catalog;
use procedures::engine::Answer;
use store::Store;
use sync::{Config, Event, Worker};

mod common;

use common::*;

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

struct Setup {
    sandbox: Sandbox,
    store: Arc<Store>,
    worker: Arc<Worker>,
    events: Arc<Mutex<Vec<Event>>>,
    _dir: tempfile::TempDir,
}

async fn setup_with(sandbox_today: NaiveDate) -> Setup {
    let sandbox = start_sandbox(sandbox_today).await;
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let events = Arc::new(Mutex::new(Vec::new()));
    let worker = signed_in_worker(&sandbox, &store, &events).await;
    Setup {
        sandbox,
        store,
        worker,
        events,
        _dir: dir,
    }
}

/// A worker for `store` and the sandbox, signed in as the test account,
/// recording its events in `events`.
async fn signed_in_worker(sandbox: &Sandbox, store: &Arc<Store>, events: &Arc<Mutex<Vec<Event>>>) -> Arc<Worker> {
    let sink = events.clone();
    let config = Config {
        poll_every: Duration::from_secs(3600),
        retry_base: Duration::from_millis(20),
        retry_cap: Duration::from_millis(200),
        ..Config::default()
    };
    let worker = Worker::new(store.clone(), client(sandbox), config, move |e| {
        sink.lock().unwrap().push(e)
    });
    worker
        .session()
        .sign_in_test_account("cong-dan")
        .await
        .expect("the test account signs in");
    worker
}

async fn setup() -> Setup {
    setup_with(today()).await
}

fn text(s: &str) -> Answer {
    Answer::Text(s.into())
}

/// A ready birth registration with its birth certificate attached, put in the outbox.
fn submit(s: &Setup) -> i64 {
    let (draft, payload) = ready_birth_registration(&s.store, s._dir.path(), PDF, today());
    assert_eq!(payload.attachments.len(), 1, "the birth certificate is announced");
    s.worker.submit(draft, &payload).unwrap();
    draft
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
async fn portal_dossiers(sandbox: &Sandbox) -> Vec<portal::types::Dossier> {
    let client = Client::new(&sandbox.base_url()).unwrap();
    let token = client.sign_in_test_account("cong-dan").await.unwrap().access_token;
    client.changes(&token, 0).await.unwrap().dossiers
}

async fn exactly_one_submitted(s: &Setup) {
    let dossiers = portal_dossiers(&s.sandbox).await;
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
    fault(&s.sandbox, Fault::DropAfterStore).await;
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
    fault(&s.sandbox, Fault::ServerError { status: 503, count: 3 }).await;
    submit(&s);
    drain(&s).await;
    exactly_one_submitted(&s).await;
}

#[tokio::test]
async fn rate_limiting_waits_for_retry_after() {
    let s = setup().await;
    fault(
        &s.sandbox,
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
    fault(&s.sandbox, Fault::MalformedBody).await;
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
    fault(&s.sandbox, Fault::ExpireTokens).await;
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
        rejection.fields.iter().any(|p| p.field == "child_birth_date"),
        "they name the field: {rejection:?}"
    );
    assert!(
        s.events
            .lock()
            .unwrap()
            .iter()
            .any(|e| matches!(e, Event::SentBack { .. }))
    );
    assert!(portal_dossiers(&s.sandbox).await.is_empty());
}

#[tokio::test]
async fn status_changes_are_tracked_and_reported() {
    let s = setup().await;
    submit(&s);
    drain(&s).await;
    s.worker.poll_changes().await.unwrap();
    let id = portal_dossiers(&s.sandbox).await[0].id.clone();
    let response = reqwest::Client::new()
        .post(format!("{}/admin/dossiers/{id}/status", s.sandbox.base_url()))
        .header("x-admin-token", s.sandbox.admin_token())
        .json(&StatusUpdate {
            status: Status::Received,
            note: Some("Đã nhận đủ hồ sơ".into()),
            handler: None,
            due_date: None,
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

#[tokio::test]
async fn a_new_due_day_is_reported_once_with_its_apology() {
    let s = setup().await;
    submit(&s);
    drain(&s).await;
    s.worker.poll_changes().await.unwrap();
    let id = portal_dossiers(&s.sandbox).await[0].id.clone();
    let admin = reqwest::Client::new();
    let post = |path: &str, body: serde_json::Value| {
        admin
            .post(format!("{}/admin/dossiers/{id}/{path}", s.sandbox.base_url()))
            .header("x-admin-token", s.sandbox.admin_token())
            .json(&body)
            .send()
    };
    let received = post(
        "status",
        serde_json::json!({ "status": "received", "due_date": "2026-12-04" }),
    )
    .await
    .unwrap();
    assert!(received.status().is_success());
    assert_eq!(s.worker.poll_changes().await.unwrap(), 1);
    let moved = post(
        "due",
        serde_json::json!({ "due_date": "2026-12-09", "reason": "Cần xác minh thêm", "apology": true }),
    )
    .await
    .unwrap();
    assert!(moved.status().is_success());
    assert_eq!(s.worker.poll_changes().await.unwrap(), 1, "one dossier changed");
    let events = s.events.lock().unwrap();
    let due: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            Event::DueChanged { dossier, previous } => {
                Some((dossier.due_date.clone(), previous.clone(), dossier.due_changes.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        due.len(),
        1,
        "set with the receipt (a status notice), then moved (its own notice)"
    );
    let (now, before, changes) = &due[0];
    assert_eq!(
        (now.as_deref(), before.as_deref()),
        (Some("2026-12-09"), Some("2026-12-04"))
    );
    let last = changes.last().unwrap();
    assert!(
        last.apology && last.reason.as_deref() == Some("Cần xác minh thêm"),
        "{last:?}"
    );
}

/// The child of the restart test: delivers the outbox of the store in
/// `OUTBOX_CHILD_DIR` to the portal at `OUTBOX_CHILD_URL` until killed.
#[tokio::test]
async fn outbox_child() {
    let (Some(dir), Ok(url)) = (std::env::var_os("OUTBOX_CHILD_DIR"), std::env::var("OUTBOX_CHILD_URL")) else {
        return;
    };
    let store = open_store(Path::new(&dir));
    let config = Config {
        poll_every: Duration::from_secs(3600),
        retry_base: Duration::from_millis(20),
        retry_cap: Duration::from_millis(100),
        ..Config::default()
    };
    let worker = Worker::new(store.clone(), Client::new(&url).unwrap(), config, |event| {
        if let Event::Delivered { draft_id, .. } = event {
            // The parent reads this to kill the child mid-way.
            println!("delivered {draft_id}");
        }
    });
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
    use tokio::io::AsyncBufReadExt;
    const SUBMISSIONS: usize = 8;
    let mut s = setup().await;
    for _ in 0..SUBMISSIONS {
        submit(&s);
    }
    // Slow answers, so the kill lands in the middle of the work.
    fault(&s.sandbox, Fault::Latency { millis: 150 }).await;
    // The store is held exclusively: this process lets go while the child runs.
    drop(s.worker);
    drop(s.store);
    let mut child = tokio::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "outbox_child", "--nocapture"])
        .env("OUTBOX_CHILD_DIR", s._dir.path())
        .env("OUTBOX_CHILD_URL", s.sandbox.base_url())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    // Kill it as soon as the first dossiers are recorded, in the middle of the rest.
    let mut lines = tokio::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let first = tokio::time::timeout(Duration::from_secs(30), async {
        while let Ok(Some(line)) = lines.next_line().await {
            if line.starts_with("delivered ") {
                return true;
            }
        }
        false
    })
    .await;
    assert_eq!(first, Ok(true), "the child delivers a first group");
    child.kill().await.unwrap();
    s.store = open_store(s._dir.path());
    s.worker = signed_in_worker(&s.sandbox, &s.store, &s.events).await;
    let left = s.store.queued_submissions().unwrap().len();
    assert!(
        left > 0 && left < SUBMISSIONS,
        "the kill came mid-way ({left} of {SUBMISSIONS} still queued)"
    );
    fault(&s.sandbox, Fault::Clear).await;
    drain(&s).await;
    let dossiers = portal_dossiers(&s.sandbox).await;
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
        .header("x-admin-token", s.sandbox.admin_token())
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

#[tokio::test]
async fn a_huge_retry_after_neither_kills_the_worker_nor_parks_the_submission_for_long() {
    let s = setup().await;
    fault(
        &s.sandbox,
        Fault::RateLimited {
            retry_after: u64::MAX,
            count: 1,
        },
    )
    .await;
    submit(&s);
    let before = chrono::Utc::now();
    s.worker.deliver_due().await.expect("no panic on an absurd Retry-After");
    let queued = s.store.queued_submissions().unwrap();
    let due = chrono::DateTime::parse_from_rfc3339(&queued[0].next_attempt_at).unwrap();
    let wait = due.signed_duration_since(before).num_seconds();
    assert!(
        (0..=3601).contains(&wait),
        "the submission waits at most an hour, not forever: {wait} s"
    );
}

#[tokio::test]
async fn a_queued_submission_whose_file_is_gone_goes_back_to_the_draft() {
    let s = setup().await;
    let draft = submit(&s);
    for file in std::fs::read_dir(s._dir.path().join("attachments")).unwrap() {
        std::fs::remove_file(file.unwrap().path()).unwrap();
    }
    s.worker.deliver_due().await.unwrap();
    assert!(
        s.store.queued_submissions().unwrap().is_empty(),
        "a missing file is final: never retried"
    );
    let reason = s.events.lock().unwrap().iter().find_map(|e| match e {
        Event::SentBack { draft_id, reason } if *draft_id == draft => Some(reason.clone()),
        _ => None,
    });
    assert_eq!(
        reason,
        Some(Some("attachment-missing".to_owned())),
        "the app is told why"
    );
    let opened = s.store.open_draft(draft).unwrap();
    assert!(
        opened
            .rejection
            .is_some_and(|r| r.reason.as_deref() == Some("attachment-missing")),
        "the draft shows the reason"
    );
}

#[tokio::test]
async fn parallel_submissions_share_one_refresh_of_a_rotating_token() {
    let s = setup().await;
    for _ in 0..4 {
        submit(&s);
    }
    fault(&s.sandbox, Fault::ExpireTokens).await;
    drain(&s).await;
    assert_eq!(
        portal_dossiers(&s.sandbox).await.len(),
        4,
        "every submission arrived after one refresh"
    );
    assert_eq!(
        s.worker.session().account().as_deref(),
        Some("cong-dan"),
        "a second refresh with the rotated-out token would have signed the user out"
    );
}

#[tokio::test]
async fn a_poll_interval_under_five_seconds_is_raised() {
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let config = Config {
        poll_every: Duration::ZERO,
        ..Config::default()
    };
    let worker = Worker::new(store, Client::new("http://127.0.0.1:9").unwrap(), config, |_| {});
    assert_eq!(
        worker.config().poll_every,
        sync::MIN_POLL_EVERY,
        "a zero interval would poll the portal in a tight loop"
    );
}

/// The versions of the bundled definitions, as the app reports them.
fn bundled_versions() -> std::collections::HashMap<String, u32> {
    Catalog::bundled()
        .unwrap()
        .procedures()
        .iter()
        .map(|p| (p.definition.code.clone(), p.definition.version))
        .collect()
}

/// Publishes version 2 of the birth registration at the sandbox.
async fn publish_version_2(sandbox: &Sandbox) {
    let mut newer = Catalog::bundled().unwrap().get("1.001193").unwrap().definition.clone();
    newer.version = 2;
    let response = reqwest::Client::new()
        .put(format!("{}/admin/catalog", sandbox.base_url()))
        .header("x-admin-token", sandbox.admin_token())
        .json(&newer)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "published: {}", response.status());
}

#[tokio::test]
async fn an_update_signed_with_another_key_is_refused_and_the_bundled_version_kept() {
    let s = setup().await;
    publish_version_2(&s.sandbox).await;
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    // A valid key, but not the portal's.
    let wrong_key = ed25519_dalek::SigningKey::from_bytes(&[3; 32])
        .verifying_key()
        .to_bytes();
    let client = Client::new(&s.sandbox.base_url())
        .unwrap()
        .with_catalog_key(&wrong_key)
        .unwrap();
    let worker = Worker::new(store.clone(), client, Config::default(), |_| {});
    worker.session().sign_in_test_account("cong-dan").await.unwrap();
    worker.set_known_versions(bundled_versions());
    assert!(
        worker.refresh_catalog().await.expect("the list was read").is_empty(),
        "a definition not signed by the configured key is not used"
    );
    assert!(
        store.catalog_updates().unwrap().is_empty(),
        "nothing is stored: version 1 stays"
    );

    let unkeyed = Worker::new(
        store.clone(),
        Client::new(&s.sandbox.base_url()).unwrap(),
        Config::default(),
        |_| {},
    );
    unkeyed.session().sign_in_test_account("cong-dan").await.unwrap();
    assert!(
        unkeyed.refresh_catalog().await.unwrap().is_empty(),
        "without a configured key every update is refused"
    );
}

#[tokio::test]
async fn signing_in_makes_the_running_worker_check_the_catalog_at_once() {
    let sandbox = start_sandbox(today()).await;
    publish_version_2(&sandbox).await;
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let client = client(&sandbox);
    let config = Config {
        poll_every: Duration::from_secs(3600),
        ..Config::default()
    };
    let worker = Worker::new(store, client, config, move |e| {
        if let Event::CatalogUpdated { procedure } = e {
            let _ = tx.send((procedure.definition.code.clone(), procedure.definition.version));
        }
    });
    worker.set_known_versions(bundled_versions());
    let running = tokio::spawn(worker.clone().run());
    // The worker's first round finds nobody signed in; its next poll is an hour away.
    tokio::time::sleep(Duration::from_millis(300)).await;
    worker.session().sign_in_test_account("cong-dan").await.unwrap();
    let version = tokio::time::timeout(Duration::from_secs(5), rx.recv()).await;
    assert_eq!(
        version,
        Ok(Some(("1.001193".to_owned(), 2))),
        "the sign-in wakes the worker, which fetches version 2 at once, not an hour later"
    );
    running.abort();
}
