//! The writes that follow a submission (a supplement with its file, a
//! withdrawal, a rating, a feedback with its file) against the real sandbox
//! portal on 127.0.0.1: under a connection dropped after the portal stored
//! the write, 5xx and 429, each ends with exactly one record at the portal.
//! Also: result files downloaded and checked, and answers to feedback.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use portal::Client;
use portal::types::{
    Dossier, Fault, NewFeedback, Rating, Satisfaction, Status, StatusUpdate, SupplementReply, Withdrawal,
};
use portal_sandbox::Sandbox;
use procedures::Catalog;
use serde_json::json;
use store::{ActionKind, ActionState, Store};
use sync::{Config, Event, Worker};

mod common;

use common::*;

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const CLEARER: &[u8] = b"%PDF-1.4\n% chup lai ro net\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";

struct Setup {
    sandbox: Sandbox,
    store: Arc<Store>,
    worker: Arc<Worker>,
    events: Arc<Mutex<Vec<Event>>>,
    dir: tempfile::TempDir,
    draft: i64,
    dossier: Dossier,
}

/// A sandbox, a signed-in worker, and a birth registration delivered and
/// moved to `received` by the agency.
async fn setup() -> Setup {
    let sandbox = start_sandbox(today()).await;
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = events.clone();
    let config = Config {
        poll_every: Duration::from_secs(3600),
        retry_base: Duration::from_millis(20),
        retry_cap: Duration::from_millis(200),
        ..Config::default()
    };
    let worker = Worker::new(store.clone(), client(&sandbox), config, move |e| {
        sink.lock().unwrap().push(e)
    });
    worker.session().sign_in_test_account("cong-dan").await.unwrap();
    let (draft, payload) = ready_birth_registration(&store, dir.path(), PDF, today());
    worker.submit(draft, &payload).unwrap();
    assert_eq!(worker.deliver_due().await.unwrap(), 1);
    let id = portal_dossier(&sandbox).await.id;
    let dossier: Dossier = admin(
        &sandbox,
        &format!("/admin/dossiers/{id}/status"),
        json!(StatusUpdate {
            status: Status::Received,
            note: None,
            handler: None,
            due_date: Some("2026-12-04".into()),
        }),
    )
    .await;
    worker.poll_changes().await.unwrap();
    Setup {
        sandbox,
        store,
        worker,
        events,
        dir,
        draft,
        dossier,
    }
}

/// An admin `POST` that must succeed; its JSON answer.
async fn admin<T: serde::de::DeserializeOwned>(sandbox: &Sandbox, path: &str, body: serde_json::Value) -> T {
    let response = reqwest::Client::new()
        .post(format!("{}{path}", sandbox.base_url()))
        .header("x-admin-token", sandbox.admin_token())
        .json(&body)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{path}: {}", response.status());
    response.json().await.unwrap()
}

/// The agency handles a received dossier and hands its result over.
async fn returned(sandbox: &Sandbox, id: &str) {
    for status in [Status::InReview, Status::ResultReady, Status::Returned] {
        let _: Dossier = admin(
            sandbox,
            &format!("/admin/dossiers/{id}/status"),
            json!(StatusUpdate {
                status,
                note: None,
                handler: None,
                due_date: None,
            }),
        )
        .await;
    }
}

/// The test account's one dossier at the portal.
async fn portal_dossier(sandbox: &Sandbox) -> Dossier {
    let client = Client::new(&sandbox.base_url()).unwrap();
    let token = client.sign_in_test_account("cong-dan").await.unwrap().access_token;
    let mut dossiers = client.changes(&token, 0).await.unwrap().dossiers;
    assert_eq!(dossiers.len(), 1, "exactly one dossier at the portal");
    dossiers.remove(0)
}

/// Delivers follow-ups until none is queued, waiting for each retry.
async fn drain(s: &Setup) {
    for _ in 0..200 {
        s.worker.deliver_actions().await.unwrap();
        if s.store
            .actions()
            .unwrap()
            .iter()
            .all(|a| a.state != ActionState::Queued)
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("follow-ups did not drain: {:?}", s.store.actions().unwrap());
}

/// The faults every write must survive (none first).
fn faults() -> Vec<Option<Fault>> {
    vec![
        None,
        Some(Fault::DropAfterStore),
        Some(Fault::ServerError { status: 503, count: 2 }),
        Some(Fault::RateLimited {
            retry_after: 1,
            count: 1,
        }),
    ]
}

fn rating() -> Rating {
    Rating {
        scores: vec![2, 2, 1, 2, 2, 2, 2, 1, 2],
        ease: Satisfaction::Satisfied,
        overall: Satisfaction::VerySatisfied,
        comment: Some("Cán bộ hướng dẫn tận tình.".into()),
    }
}

#[tokio::test]
async fn a_supplement_reaches_the_portal_once_with_its_new_file_under_each_fault() {
    for fault in faults() {
        let s = setup().await;
        let id = s.dossier.id.clone();
        let _: Dossier = admin(
            &s.sandbox,
            &format!("/admin/dossiers/{id}/supplement"),
            json!({
                "reason": "Giấy chứng sinh chụp mờ.",
                "items": [{ "number": 1, "kind": "document", "id": "giay_chung_sinh", "note": null }],
            }),
        )
        .await;
        s.worker.poll_changes().await.unwrap();
        let scope = s
            .store
            .supplement(s.draft)
            .unwrap()
            .expect("the request opens the draft");
        assert_eq!(
            (scope.documents.clone(), scope.sent),
            (vec!["giay_chung_sinh".to_owned()], false)
        );
        // Only what was asked can change in the submitted draft.
        let catalog = Catalog::bundled().unwrap();
        let procedure = catalog.get("1.001193").unwrap();
        let refused = s.store.save_answer(
            s.draft,
            procedure,
            "child_name",
            Some(&procedures::engine::Answer::Text("X".into())),
            today(),
        );
        assert!(
            matches!(refused, Err(store::Error::Submitted)),
            "an answer not asked for stays"
        );
        let file = s.dir.path().join("chup-lai.pdf");
        std::fs::write(&file, CLEARER).unwrap();
        let document = procedure
            .definition
            .documents
            .iter()
            .find(|d| d.id == "giay_chung_sinh")
            .unwrap();
        let attached = s.store.attach(s.draft, document, &file).unwrap();
        let reply = SupplementReply {
            request_id: portal_dossier(&s.sandbox).await.supplement.unwrap().id,
            answers: Default::default(),
            attachments: vec![portal::types::AttachmentManifest {
                document_id: attached.document_id.clone(),
                file_name: attached.file_name.clone(),
                size: attached.size,
                sha256: attached.sha256.clone(),
            }],
        };
        if let Some(fault) = fault.clone() {
            common::fault(&s.sandbox, fault).await;
        }
        s.worker
            .queue_action(ActionKind::Supplement, Some(&id), Some(s.draft), &reply)
            .unwrap();
        assert!(
            s.store.supplement(s.draft).unwrap().unwrap().sent,
            "queued: the draft closes again"
        );
        assert!(
            s.store.attach(s.draft, document, &file).is_err(),
            "nothing changes once the reply is queued"
        );
        drain(&s).await;
        let at_portal = portal_dossier(&s.sandbox).await;
        assert_eq!(at_portal.status, Status::InReview, "{fault:?}");
        assert!(
            at_portal.supplement.as_ref().unwrap().answered_at.is_some(),
            "{fault:?}"
        );
        assert_eq!(
            at_portal.attachments[0].sha256, attached.sha256,
            "the new file, {fault:?}"
        );
        let resumed = at_portal
            .history
            .iter()
            .filter(|h| h.status == Status::InReview)
            .count();
        assert_eq!(resumed, 1, "handling resumed once, {fault:?}");
        assert_eq!(
            at_portal.due_date.as_deref(),
            Some("2026-12-05"),
            "moved by the day waited"
        );
        let delivered = s.store.actions().unwrap();
        assert_eq!(delivered.len(), 1);
        assert_eq!(delivered[0].state, ActionState::Delivered, "{fault:?}");
        let local: Dossier = serde_json::from_str(&s.store.dossiers().unwrap()[0].body).unwrap();
        assert_eq!(local.status, Status::InReview, "the app holds the portal's answer");
    }
}

#[tokio::test]
async fn a_withdrawal_a_rating_and_a_feedback_each_reach_the_portal_once_under_each_fault() {
    for fault in faults() {
        // Withdrawal.
        let s = setup().await;
        let id = s.dossier.id.clone();
        if let Some(fault) = fault.clone() {
            common::fault(&s.sandbox, fault).await;
        }
        let withdrawal = Withdrawal {
            reason: "Tôi nộp nhầm.".into(),
        };
        s.worker
            .queue_action(ActionKind::Withdrawal, Some(&id), None, &withdrawal)
            .unwrap();
        drain(&s).await;
        let stopped = portal_dossier(&s.sandbox).await;
        assert_eq!(stopped.status, Status::Stopped, "{fault:?}");
        let withdrawn = stopped.history.iter().filter(|h| h.status == Status::Withdrawn).count();
        assert_eq!(withdrawn, 1, "withdrawn once, {fault:?}");
        let local: Dossier = serde_json::from_str(&s.store.dossiers().unwrap()[0].body).unwrap();
        assert!(local.stop_notice.is_some(), "the app has the stop notice");

        // Rating and feedback, on another dossier, returned.
        let s = setup().await;
        let id = s.dossier.id.clone();
        returned(&s.sandbox, &id).await;
        s.worker.poll_changes().await.unwrap();
        if let Some(fault) = fault.clone() {
            common::fault(&s.sandbox, fault).await;
        }
        s.worker
            .queue_action(ActionKind::Rating, Some(&id), None, &rating())
            .unwrap();
        drain(&s).await;
        let rated = portal_dossier(&s.sandbox).await;
        assert_eq!(rated.rating.as_ref().map(|r| &r.rating), Some(&rating()), "{fault:?}");
        if let Some(fault) = fault.clone() {
            common::fault(&s.sandbox, fault).await;
        }
        let picked = s.dir.path().join("bien-ban.pdf");
        std::fs::write(&picked, PDF).unwrap();
        let rules = procedures::definition::DocumentRequirement {
            accepted: vec![procedures::definition::FileKind::Pdf],
            max_size_mb: 10,
            ..Catalog::bundled()
                .unwrap()
                .get("1.001193")
                .unwrap()
                .definition
                .documents[0]
                .clone()
        };
        let kept = s.store.keep_file(&rules, &picked).unwrap();
        let feedback = NewFeedback {
            dossier_code: Some(rated.code.clone()),
            subject: "Trả kết quả chậm".into(),
            content: "Hồ sơ trả chậm hai ngày.".into(),
            attachments: vec![portal::types::AttachmentManifest {
                document_id: "tep-1".into(),
                file_name: kept.file_name,
                size: kept.size,
                sha256: kept.sha256,
            }],
        };
        s.worker
            .queue_action(ActionKind::Feedback, Some(&id), None, &feedback)
            .unwrap();
        drain(&s).await;
        let client = Client::new(&s.sandbox.base_url()).unwrap();
        let token = client.sign_in_test_account("cong-dan").await.unwrap().access_token;
        let list = client.feedback_list(&token).await.unwrap().feedback;
        assert_eq!(list.len(), 1, "one feedback, {fault:?}");
        assert_eq!(list[0].attachments.len(), 1, "with its file, {fault:?}");
        let local: Vec<String> = s.store.feedback().unwrap();
        assert_eq!(local.len(), 1);
        assert!(local[0].contains(&list[0].code), "the app keeps its tracking code");
    }
}

#[tokio::test]
async fn a_second_rating_is_refused_and_the_first_is_shown() {
    let s = setup().await;
    let id = s.dossier.id.clone();
    returned(&s.sandbox, &id).await;
    s.worker
        .queue_action(ActionKind::Rating, Some(&id), None, &rating())
        .unwrap();
    let other = Rating {
        overall: Satisfaction::Dissatisfied,
        ..rating()
    };
    s.worker
        .queue_action(ActionKind::Rating, Some(&id), None, &other)
        .unwrap();
    drain(&s).await;
    let actions = s.store.actions().unwrap();
    assert_eq!(actions[0].state, ActionState::Delivered);
    assert_eq!(
        (actions[1].state.clone(), actions[1].refusal.as_deref()),
        (ActionState::Refused, Some("already-rated"))
    );
    let local: Dossier = serde_json::from_str(&s.store.dossiers().unwrap()[0].body).unwrap();
    assert_eq!(
        local.rating.map(|r| r.rating.overall),
        Some(Satisfaction::VerySatisfied),
        "the first rating stands and is shown"
    );
    let told = s.events.lock().unwrap().iter().any(
        |e| matches!(e, Event::ActionDone { kind: ActionKind::Rating, refusal: Some(r), .. } if r == "already-rated"),
    );
    assert!(told, "the app is told why");
}

#[tokio::test]
async fn result_files_are_downloaded_checked_and_kept_and_answers_to_feedback_arrive() {
    let s = setup().await;
    let id = s.dossier.id.clone();
    let _: Dossier = admin(
        &s.sandbox,
        &format!("/admin/dossiers/{id}/status"),
        json!(StatusUpdate {
            status: Status::InReview,
            note: None,
            handler: None,
            due_date: None,
        }),
    )
    .await;
    let issued: Dossier = admin(
        &s.sandbox,
        &format!("/admin/dossiers/{id}/result"),
        json!({ "electronic": true, "paper": true }),
    )
    .await;
    let document = issued.result.clone().unwrap().documents[0].clone();
    s.worker.poll_changes().await.unwrap();
    let kept = s.store.results().unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (kept[0].sha256.as_str(), kept[0].size),
        (document.sha256.as_str(), document.size)
    );
    let bytes = s.store.attachment_bytes(&kept[0].sha256).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "the file itself, decrypted from the store");
    let on_disk: Vec<u8> = std::fs::read_dir(s.dir.path().join("attachments"))
        .unwrap()
        .flat_map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    let phrase = b"KET QUA GIAI QUYET";
    assert!(bytes.windows(phrase.len()).any(|w| w == phrase));
    assert!(
        !on_disk.windows(phrase.len()).any(|w| w == phrase),
        "the result is kept encrypted"
    );
    assert!(
        s.events
            .lock()
            .unwrap()
            .iter()
            .any(|e| matches!(e, Event::ResultSaved { .. })),
        "the app is told"
    );
    s.worker.poll_changes().await.unwrap();
    assert_eq!(s.store.results().unwrap().len(), 1, "downloaded once");

    let feedback = NewFeedback {
        dossier_code: None,
        subject: "Góp ý".into(),
        content: "Nên có thêm hướng dẫn bằng hình ảnh.".into(),
        attachments: vec![],
    };
    s.worker
        .queue_action(ActionKind::Feedback, None, None, &feedback)
        .unwrap();
    drain(&s).await;
    let sent: portal::types::Feedback = serde_json::from_str(&s.store.feedback().unwrap()[0]).unwrap();
    let _: portal::types::Feedback = admin(
        &s.sandbox,
        &format!("/admin/feedback/{}/answer", sent.id),
        json!({ "by": "Văn phòng UBND tỉnh (tập huấn)", "text": "Cảm ơn góp ý." }),
    )
    .await;
    s.worker.poll_changes().await.unwrap();
    let answered: portal::types::Feedback = serde_json::from_str(&s.store.feedback().unwrap()[0]).unwrap();
    assert_eq!(answered.answer.map(|a| a.text), Some("Cảm ơn góp ý.".to_owned()));
    assert!(
        s.events
            .lock()
            .unwrap()
            .iter()
            .any(|e| matches!(e, Event::FeedbackAnswered { code } if *code == sent.code)),
        "the app is told"
    );
}
