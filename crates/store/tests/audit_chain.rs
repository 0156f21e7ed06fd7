//! The audit log's hash chain on real database files: a clean chain checks
//! out, and a row changed, removed from the middle or cut from the end with
//! a database tool is named by the check; entries logged by an earlier
//! version get chained when the database is upgraded.

use std::path::Path;

use chrono::NaiveDate;
use procedures::engine::Answer;
use procedures::{Catalog, Procedure};
use rusqlite::Connection;
use store::{AuditCheck, AuditProblem, DATABASE_FILE, Store, StoreKey};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

fn birth() -> Procedure {
    Catalog::bundled().unwrap().get("1.001193").unwrap().clone()
}

fn key() -> StoreKey {
    StoreKey::from_bytes([7; 32])
}

fn open(dir: &Path) -> Store {
    Store::open(dir, &key()).expect("the store opens").0
}

/// A store with a draft and a few answers: five entries in the log.
fn logged(dir: &Path) {
    let store = open(dir);
    store.set_officer(Some("can-bo"));
    let procedure = birth();
    let id = store.create_draft(&procedure, None, today()).unwrap();
    for (field, value) in [
        ("requester_name", "Nguyễn Văn An"),
        ("requester_id", "001090012345"),
        ("requester_phone", "0912345678"),
        ("child_birth_place", "Bệnh viện Từ Dũ"),
    ] {
        store
            .save_answer(id, &procedure, field, Some(&Answer::Text(value.into())), today())
            .unwrap();
    }
    assert_eq!(
        store.check_audit_log().unwrap(),
        AuditCheck {
            entries: 5,
            problem: None
        },
        "a chain nobody touched checks out"
    );
}

/// Runs `sql` on the closed database, as someone with a database tool would.
fn tamper(dir: &Path, sql: &str) {
    let db = store::raw_connection(dir, &key()).unwrap();
    db.execute_batch(sql).unwrap();
}

#[test]
fn the_log_names_the_officer_and_keeps_no_answer() {
    let dir = tempfile::tempdir().unwrap();
    logged(dir.path());
    let entries = open(dir.path()).audit_entries().unwrap();
    assert_eq!(entries.len(), 5);
    assert!(entries.iter().all(|e| e.officer.as_deref() == Some("can-bo")));
    assert_eq!(
        entries[1].detail.as_deref(),
        Some("requester_name"),
        "the field id, not its value"
    );
    let dump = serde_json::to_string(&entries).unwrap();
    for secret in ["Nguyễn Văn An", "001090012345", "0912345678", "Từ Dũ"] {
        assert!(!dump.contains(secret), "the log holds no answer ({secret})");
    }
    assert!(
        entries.windows(2).all(|w| w[1].prev_hash == w[0].hash),
        "each entry points at the one before"
    );
}

#[test]
fn a_changed_row_is_named() {
    let dir = tempfile::tempdir().unwrap();
    logged(dir.path());
    tamper(
        dir.path(),
        "UPDATE audit_log SET detail = 'requester_email' WHERE id = 3",
    );
    let check = open(dir.path()).check_audit_log().unwrap();
    assert!(
        matches!(check.problem, Some(AuditProblem::Changed { id: 3, .. })),
        "{check:?}"
    );
}

#[test]
fn a_changed_officer_or_time_is_named_too() {
    let dir = tempfile::tempdir().unwrap();
    logged(dir.path());
    tamper(dir.path(), "UPDATE audit_log SET officer = 'someone-else' WHERE id = 4");
    assert!(matches!(
        open(dir.path()).check_audit_log().unwrap().problem,
        Some(AuditProblem::Changed { id: 4, .. })
    ));
    let dir = tempfile::tempdir().unwrap();
    logged(dir.path());
    tamper(
        dir.path(),
        "UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE id = 1",
    );
    assert!(matches!(
        open(dir.path()).check_audit_log().unwrap().problem,
        Some(AuditProblem::Changed { id: 1, .. })
    ));
}

#[test]
fn a_removed_row_is_named_by_the_entries_around_it() {
    let dir = tempfile::tempdir().unwrap();
    logged(dir.path());
    tamper(dir.path(), "DELETE FROM audit_log WHERE id = 2");
    assert_eq!(
        open(dir.path()).check_audit_log().unwrap(),
        AuditCheck {
            entries: 4,
            problem: Some(AuditProblem::Removed { id: 3, after: Some(1) })
        }
    );
}

#[test]
fn entries_cut_from_the_end_are_caught_by_the_seal() {
    let dir = tempfile::tempdir().unwrap();
    logged(dir.path());
    tamper(dir.path(), "DELETE FROM audit_log WHERE id >= 4");
    assert_eq!(
        open(dir.path()).check_audit_log().unwrap(),
        AuditCheck {
            entries: 3,
            problem: Some(AuditProblem::Truncated { sealed: 5, found: 3 })
        }
    );
}

#[test]
fn the_chain_goes_on_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    logged(dir.path());
    let store = open(dir.path());
    let procedure = birth();
    store.create_draft(&procedure, None, today()).unwrap();
    assert_eq!(
        store.check_audit_log().unwrap(),
        AuditCheck {
            entries: 6,
            problem: None
        }
    );
    assert_eq!(
        store.audit_entries().unwrap()[5].officer,
        None,
        "no officer set in this run"
    );
}

#[test]
fn entries_of_an_earlier_version_are_chained_on_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Connection::open(dir.path().join(DATABASE_FILE)).unwrap();
    // The chain came with officer mode, the migration before citizen sessions.
    let before_chain = store::schema::version_count() - 2;
    store::schema::migrations().to_version(&mut db, before_chain).unwrap();
    for (at, action) in [
        ("2026-01-01T00:00:00.000Z", "draft-created"),
        ("2026-01-02T00:00:00.000Z", "answer-saved"),
    ] {
        db.execute(
            "INSERT INTO audit_log (at, action, draft_id) VALUES (?1, ?2, 1)",
            [at, action],
        )
        .unwrap();
    }
    drop(db);
    let store = open(dir.path());
    assert_eq!(
        store.check_audit_log().unwrap(),
        AuditCheck {
            entries: 2,
            problem: None
        }
    );
    store.create_draft(&birth(), None, today()).unwrap();
    assert_eq!(store.check_audit_log().unwrap().entries, 3);
    assert_eq!(store.check_audit_log().unwrap().problem, None);
}
