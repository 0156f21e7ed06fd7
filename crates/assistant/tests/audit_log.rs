//! The audit log through the application layer: a row edited in the
//! database file is reported at the next start, and the export for an
//! inspection holds the chain and nothing of the citizen.

use assistant::error::ErrorCode;
use store::StoreKey;

mod common;

use common::{birth_answers, data_key, open, open_in};

/// A draft with every birth-registration answer saved.
fn with_a_draft(opened: &common::Opened) {
    let assistant = &opened.assistant;
    let draft = assistant.create_draft("1.001193", None).unwrap().draft.id;
    for (field, answer) in birth_answers() {
        assistant.save_answer(draft, "1.001193", &field, Some(&answer)).unwrap();
    }
}

#[test]
fn an_edited_row_is_reported_at_the_next_start() {
    let opened = open(None);
    with_a_draft(&opened);
    let check = opened.assistant.check_audit_log().unwrap();
    assert!(check.entries > 5, "a draft and its answers are logged: {check:?}");
    assert_eq!(check.problem, None);
    assert!(opened.assistant.startup_notices.is_empty());
    let common::Opened {
        assistant,
        runtime,
        dir,
    } = opened;
    drop(assistant);
    drop(runtime);

    let key = StoreKey::from_bytes(*data_key(dir.path()).as_bytes());
    store::raw_connection(dir.path(), &key)
        .unwrap()
        .execute("UPDATE audit_log SET action = 'draft-renamed' WHERE id = 4", [])
        .unwrap();

    let reopened = open_in(dir, None);
    let notice = reopened
        .assistant
        .startup_notices
        .iter()
        .find(|n| n.code == ErrorCode::AuditLogBroken)
        .expect("the start names the broken chain");
    assert_eq!(notice.args.get("problem").map(String::as_str), Some("changed"));
    assert_eq!(notice.args.get("entry").map(String::as_str), Some("4"));
}

#[test]
fn the_export_holds_every_entry_with_its_hashes_and_no_answer() {
    let opened = open(None);
    with_a_draft(&opened);
    let csv = String::from_utf8(opened.assistant.audit_log_csv().unwrap()).unwrap();
    let entries = opened.assistant.check_audit_log().unwrap().entries as usize;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header.first().map(String::as_str), Some("id"));
    assert_eq!(header.last().map(String::as_str), Some("hash"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), entries, "one row per entry");
    for pair in rows.windows(2) {
        assert_eq!(pair[1].get(7), pair[0].get(8), "each row names the hash before it");
    }
    for personal in [
        "Nguyễn Văn An",
        "001090012345",
        "912 345 678",
        "Nguyễn Minh Khang",
        "Phụ sản",
        "Trần Thị Bình",
        "001192054321",
        "Đội Cấn",
    ] {
        assert!(!csv.contains(personal), "the export holds no answer ({personal})");
    }
}
