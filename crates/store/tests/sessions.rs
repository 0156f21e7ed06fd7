//! Citizen sessions on a real database file: what is made while serving a
//! citizen belongs to them, the next citizen sees none of it, and ending the
//! session wipes it from the database and the attachment folder (after a
//! submission still waiting has gone out), keeping a register line.

use std::path::Path;

use chrono::NaiveDate;
use procedures::definition::Meaning;
use procedures::engine::Answer;
use procedures::{Catalog, Procedure};
use store::{Delivery, Ended, Error, NewSession, Profile, Store, StoreKey};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

fn birth() -> Procedure {
    Catalog::bundled().unwrap().get("1.001193").unwrap().clone()
}

fn key() -> StoreKey {
    StoreKey::from_bytes([9; 32])
}

const A_ID: &str = "001090012345";
const A_NAME: &str = "Nguyễn Văn An";
const B_ID: &str = "079185000321";

fn citizen<'a>(name: &'a str, id: &'a str) -> NewSession<'a> {
    NewSession {
        officer: "can-bo",
        name,
        citizen_id: id,
        birth_date: "01/02/1990",
        consent_version: "1",
    }
}

/// A draft of the citizen served now, with their name and ID answered and
/// a scan attached, and a saved person.
fn made_for(store: &Store, dir: &Path, name: &str, id: &str) -> i64 {
    let procedure = birth();
    let draft = store.create_draft(&procedure, None, today()).unwrap();
    for (field, value) in [("requester_name", name), ("requester_id", id)] {
        store
            .save_answer(draft, &procedure, field, Some(&Answer::Text(value.into())), today())
            .unwrap();
    }
    let scan = dir.join(format!("scan-{id}.pdf"));
    std::fs::write(&scan, format!("%PDF-1.4\n% {id}\ntrailer\n%%EOF\n")).unwrap();
    let document = procedure
        .definition
        .documents
        .iter()
        .find(|d| d.id == "giay_chung_sinh")
        .unwrap();
    store.attach(draft, document, &scan).unwrap();
    std::fs::remove_file(&scan).unwrap();
    store
        .save_profile(&Profile {
            id: None,
            label: name.into(),
            data: [(Meaning::CitizenId, Answer::Text(id.into()))].into(),
            updated_at: String::new(),
        })
        .unwrap();
    draft
}

/// Every text and blob of every table, decrypted, as one string.
fn everything(dir: &Path) -> String {
    store::all_text(&store::raw_connection(dir, &key()).unwrap()).unwrap()
}

/// How many attachment files the data folder holds.
fn attachment_files(dir: &Path) -> usize {
    std::fs::read_dir(dir.join("attachments")).unwrap().count()
}

#[test]
fn the_next_citizen_sees_nothing_of_the_one_before() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(dir.path(), &key()).unwrap();
    store.set_officer(Some("can-bo"));
    let a = store.start_session(&citizen(A_NAME, A_ID)).unwrap();
    let a_draft = made_for(&store, dir.path(), A_NAME, A_ID);
    assert_eq!(store.list_drafts().unwrap().len(), 1);

    store.resume_session(None).unwrap();
    assert!(store.list_drafts().unwrap().is_empty(), "paused: nobody's drafts");
    let b = store.start_session(&citizen("Phạm Thị Mai", B_ID)).unwrap();
    assert_eq!(store.current_session(), Some(b));
    assert!(store.list_drafts().unwrap().is_empty(), "B sees none of A's drafts");
    assert!(store.list_profiles().unwrap().is_empty(), "nor A's saved people");
    for refused in [
        store.open_draft(a_draft).map(drop),
        store.draft_procedure_code(a_draft).map(drop),
        store.attachments(a_draft).map(drop),
        store.rename_draft(a_draft, "x"),
        store.delete_draft(a_draft),
        store.duplicate_draft(a_draft).map(drop),
    ] {
        assert!(
            matches!(refused, Err(Error::NotFound { what: "draft", .. })),
            "{refused:?}"
        );
    }
    let procedure = birth();
    assert!(matches!(
        store.create_draft(&procedure, Some(1), today()),
        Err(Error::NotFound { what: "profile", .. })
    ));

    // An action on A's draft while B is served (the sync worker's) names A.
    store.record_action("submission-delivered", Some(a_draft)).unwrap();
    store.resume_session(Some(a)).unwrap();
    assert_eq!(
        store.list_drafts().unwrap()[0].id,
        a_draft,
        "A's draft is back when A is served again"
    );
    let sessions = store.sessions_since("can-bo", "2000-01-01").unwrap();
    assert_eq!(sessions.len(), 2);
    assert_eq!(sessions[1].name.as_deref(), Some(A_NAME));
    assert_eq!(sessions[1].drafts, 1);

    let entries = store.audit_entries().unwrap();
    let a_entries: Vec<_> = entries.iter().filter(|e| e.draft_id == Some(a_draft)).collect();
    assert!(!a_entries.is_empty());
    let hash = a_entries[0].citizen.clone().expect("the citizen is named by a hash");
    assert!(
        a_entries.iter().all(|e| e.citizen.as_deref() == Some(hash.as_str())),
        "every action on A's draft names A, whoever was served then"
    );
    let b_started = entries.iter().rfind(|e| e.action == "session-started").unwrap();
    assert_ne!(b_started.citizen, Some(hash.clone()), "B has a hash of their own");
    assert!(!hash.contains(A_ID) && hash.len() == 64);
}

#[test]
fn ending_a_session_wipes_the_citizen_from_the_database_and_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(dir.path(), &key()).unwrap();
    store.set_officer(Some("can-bo"));
    let a = store.start_session(&citizen(A_NAME, A_ID)).unwrap();
    made_for(&store, dir.path(), A_NAME, A_ID);
    let b = store.start_session(&citizen("Phạm Thị Mai", B_ID)).unwrap();
    made_for(&store, dir.path(), "Phạm Thị Mai", B_ID);
    assert_eq!(attachment_files(dir.path()), 2);

    assert_eq!(
        store.end_session(a).unwrap(),
        Ended {
            wiped: true,
            waiting: 0
        }
    );
    assert_eq!(store.current_session(), Some(b), "ending A leaves B served");
    assert!(
        matches!(store.end_session(a), Err(Error::NotFound { .. })),
        "ended once"
    );
    assert_eq!(attachment_files(dir.path()), 1, "A's scan is gone, B's stays");
    let sessions = store.sessions_since("can-bo", "2000-01-01").unwrap();
    let ended = sessions.iter().find(|s| s.id == a).unwrap();
    assert!(ended.wiped && ended.name.is_none() && ended.citizen_id.is_none());
    assert_eq!(store.check_audit_log().unwrap().problem, None);
    drop(store);
    let all = everything(dir.path());
    assert!(!all.contains(A_ID), "A's ID number is nowhere in the database");
    assert!(!all.contains(A_NAME), "nor A's name");
    assert!(all.contains(B_ID), "B, still served, keeps their data");
}

#[test]
fn a_submission_still_waiting_keeps_the_data_until_it_went_out() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(dir.path(), &key()).unwrap();
    store.set_officer(Some("can-bo"));
    let a = store.start_session(&citizen(A_NAME, A_ID)).unwrap();
    let draft = made_for(&store, dir.path(), A_NAME, A_ID);
    let outbox = store.enqueue_submission(draft, "key-1", "{}").unwrap();
    assert_eq!(
        store.end_session(a).unwrap(),
        Ended {
            wiped: false,
            waiting: 1
        }
    );
    assert!(store.wipe_ended_sessions().unwrap().is_empty(), "not while it waits");
    let listed = store.sessions_since("can-bo", "2000-01-01").unwrap();
    assert_eq!((listed[0].waiting, listed[0].wiped), (1, false));

    let body = r#"{"history":[{"status":"submitted","at":"2026-12-07T02:30:00Z"}],"due_date":"2026-12-19"}"#;
    store
        .submissions_delivered(&[Delivery {
            outbox_id: outbox,
            portal_id: "p-1",
            code: "X01-20261207-0001",
            procedure_code: "1.001193",
            status: "submitted",
            body,
        }])
        .unwrap();
    assert_eq!(store.wipe_ended_sessions().unwrap(), vec![a]);
    assert_eq!(attachment_files(dir.path()), 0);
    drop(store);
    let all = everything(dir.path());
    assert!(!all.contains(A_ID) && !all.contains(A_NAME), "wiped once sent");
    let db = store::raw_connection(dir.path(), &key()).unwrap();
    let line: (String, String, String, Option<String>, String) = db
        .query_row(
            "SELECT dossier_code, procedure_code, received_at, due_date, officer FROM register",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap();
    assert_eq!(
        line,
        (
            "X01-20261207-0001".into(),
            "1.001193".into(),
            "2026-12-07T02:30:00Z".into(),
            Some("2026-12-19".into()),
            "can-bo".into()
        ),
        "the register keeps the dossier's line"
    );
}
