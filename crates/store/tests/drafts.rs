//! The store on real database files in temporary folders: schema, every
//! field type round trip, drafts' life, profiles, upgrades, and bad files.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use procedures::definition::Meaning;
use procedures::engine::{AddressAnswer, Answer};
use procedures::{Catalog, Procedure};
use rusqlite::Connection;
use store::{AttachmentProblem, DATABASE_FILE, Error, Profile, Store, StoreKey};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn text(s: &str) -> Answer {
    Answer::Text(s.into())
}

fn birth() -> Procedure {
    Catalog::bundled().unwrap().get("1.001193").unwrap().clone()
}

fn key() -> StoreKey {
    StoreKey::from_bytes([42; 32])
}

fn open(dir: &Path) -> Store {
    Store::open(dir, &key()).expect("the store opens").0
}

#[test]
fn a_new_file_gets_the_whole_schema_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path()));
    let db = store::raw_connection(dir.path(), &key()).expect("the database opens with its key");
    let mode: String = db.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal", "WAL mode persists in the file");
    let integrity: String = db.pragma_query_value(None, "integrity_check", |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok", "a new database passes the integrity check");
    let tables: Vec<String> = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for table in [
        "answers",
        "attachments",
        "audit_log",
        "definitions",
        "drafts",
        "profiles",
        "secrets",
    ] {
        assert!(tables.contains(&table.to_string()), "table {table} exists: {tables:?}");
    }
    drop(db);
    drop(open(dir.path()));
}

#[test]
fn every_field_type_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let procedure = birth();
    let id = store.create_draft(&procedure, None, today()).unwrap();
    let address = Answer::Address(AddressAnswer {
        province: "79".into(),
        commune: "26734".into(),
        street: "12 Lê Lợi".into(),
    });
    let values = [
        ("requester_name", text("Nguyễn Văn An")),
        ("requester_id", text("001090012345")),
        ("requester_relation", text("father")),
        ("requester_phone", text("0912345678")),
        ("requester_email", text("an@gmail.com")),
        ("child_birth_date", text("01/11/2026")),
        ("child_birth_place", text("Bệnh viện Từ Dũ")),
        ("mother_address", address.clone()),
        ("has_father", Answer::Bool(true)),
        ("extra_copies", text("2")),
    ];
    for (field, value) in &values {
        store.save_answer(id, &procedure, field, Some(value), today()).unwrap();
    }
    drop(store);
    let saved = open(dir.path()).open_draft(id).unwrap().answers;
    for (field, value) in &values {
        assert_eq!(saved.get(*field), Some(value), "{field} comes back as saved");
    }
}

#[test]
fn answers_are_stored_cleaned_and_blank_answers_removed() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let procedure = birth();
    let id = store.create_draft(&procedure, None, today()).unwrap();
    let nfd = "Nguye\u{0302}\u{0303}n  Va\u{0306}n An";
    store
        .save_answer(id, &procedure, "requester_name", Some(&text(nfd)), today())
        .unwrap();
    store
        .save_answer(
            id,
            &procedure,
            "requester_phone",
            Some(&text("+84 912 345 678")),
            today(),
        )
        .unwrap();
    let draft = store.open_draft(id).unwrap();
    assert_eq!(
        draft.answers["requester_name"],
        text("Nguyễn Văn An"),
        "NFC with single spaces"
    );
    assert_eq!(
        draft.answers["requester_phone"],
        text("0912345678"),
        "national phone form"
    );
    assert_eq!(
        draft.summary.person.as_deref(),
        Some("Nguyễn Văn An"),
        "the draft is listed under the person's name"
    );
    store
        .save_answer(id, &procedure, "requester_phone", Some(&text("  ")), today())
        .unwrap();
    assert!(
        !store.open_draft(id).unwrap().answers.contains_key("requester_phone"),
        "a blank answer removes the row"
    );
}

#[test]
fn drafts_list_rename_duplicate_delete_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let procedure = birth();
    let first = store.create_draft(&procedure, None, today()).unwrap();
    store
        .save_answer(first, &procedure, "child_name", Some(&text("Lê Minh Khang")), today())
        .unwrap();
    store.save_position(first, "child").unwrap();
    store.rename_draft(first, "  Khai sinh cho bé Khang ").unwrap();
    let copy = store.duplicate_draft(first).unwrap();
    let listed = store.list_drafts().unwrap();
    assert_eq!(
        listed.iter().map(|d| d.id).collect::<Vec<_>>(),
        [copy, first],
        "most recent first"
    );
    assert_eq!(
        listed[1].title.as_deref(),
        Some("Khai sinh cho bé Khang"),
        "the name is cleaned"
    );
    assert_eq!(
        listed[1].current_step.as_deref(),
        Some("child"),
        "the step is remembered"
    );
    assert_eq!(
        listed.iter().map(|d| d.subject.as_deref()).collect::<Vec<_>>(),
        [Some("Lê Minh Khang"); 2],
        "the child names the draft and its copy"
    );
    assert_eq!(
        store.open_draft(copy).unwrap().answers,
        store.open_draft(first).unwrap().answers,
        "the copy has the answers"
    );

    store.delete_draft(first).unwrap();
    assert_eq!(store.list_drafts().unwrap().len(), 1, "a deleted draft leaves the list");
    store.restore_draft(first).unwrap();
    assert_eq!(
        store.list_drafts().unwrap().len(),
        2,
        "undo brings it back with its answers"
    );
    store.delete_draft(first).unwrap();
    assert_eq!(
        store.purge_deleted("9999-12-31T00:00:00.000Z").unwrap(),
        1,
        "the deleted draft is purged"
    );
    assert!(
        matches!(store.restore_draft(first), Err(Error::NotFound { what: "draft", .. })),
        "purged for good"
    );
}

#[test]
fn a_saved_person_fills_the_side_of_the_marriage_the_filer_says_is_theirs() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let marriage = Catalog::bundled().unwrap().get("1.000894").unwrap().clone();
    let profile = store
        .save_profile(&Profile {
            id: None,
            label: "Tôi".into(),
            data: BTreeMap::from([
                (Meaning::FullName, text("Nguyễn Văn Bình")),
                (Meaning::CitizenId, text("001090012345")),
                (Meaning::BirthDate, text("15/06/1990")),
                (Meaning::Phone, text("0912345678")),
            ]),
            updated_at: String::new(),
        })
        .unwrap();
    let id = store.create_draft(&marriage, profile.id, today()).unwrap();
    let draft = store.open_draft(id).unwrap();
    assert_eq!(draft.answers.get("contact_phone"), Some(&text("0912345678")));
    assert!(
        !draft.answers.contains_key("groom_name") && !draft.answers.contains_key("bride_name"),
        "which side is the filer's is not known yet"
    );

    store
        .save_answer(id, &marriage, "filed_by", Some(&text("groom")), today())
        .unwrap();
    let draft = store.open_draft(id).unwrap();
    assert_eq!(draft.answers.get("groom_name"), Some(&text("Nguyễn Văn Bình")));
    assert_eq!(draft.answers.get("groom_id"), Some(&text("001090012345")));
    assert_eq!(draft.answers.get("groom_birth_date"), Some(&text("15/06/1990")));
    assert!(
        draft.prefilled.contains(&"groom_name".to_owned()),
        "marked as filled from the saved person"
    );
    assert!(!draft.answers.contains_key("bride_name"));

    store
        .save_answer(id, &marriage, "filed_by", Some(&text("bride")), today())
        .unwrap();
    let draft = store.open_draft(id).unwrap();
    assert!(
        !draft.answers.contains_key("groom_name"),
        "the filer is not the groom after all: his side is emptied while unchanged"
    );
    assert_eq!(draft.answers.get("bride_name"), Some(&text("Nguyễn Văn Bình")));

    store
        .save_answer(id, &marriage, "groom_name", Some(&text("Lê Văn Cường")), today())
        .unwrap();
    store
        .save_answer(id, &marriage, "filed_by", Some(&text("groom")), today())
        .unwrap();
    assert_eq!(
        store.open_draft(id).unwrap().answers.get("groom_name"),
        Some(&text("Lê Văn Cường")),
        "an answer the person typed is never replaced"
    );
    assert_eq!(
        store.list_drafts().unwrap()[0].person.as_deref(),
        Some("Lê Văn Cường"),
        "the card names the filer: the groom, as the filer said"
    );
}

#[test]
fn a_profile_prefills_fields_by_meaning() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let procedure = birth();
    let profile = store
        .save_profile(&Profile {
            id: None,
            label: "Nguyễn Văn An".into(),
            data: BTreeMap::from([
                (Meaning::FullName, text("Nguyễn Văn An")),
                (Meaning::CitizenId, text("001090012345")),
                (Meaning::Phone, text("+84912345678")),
            ]),
            updated_at: String::new(),
        })
        .unwrap();
    assert_eq!(
        profile.data[&Meaning::Phone],
        text("0912345678"),
        "profiles are stored cleaned too"
    );
    let id = store.create_draft(&procedure, profile.id, today()).unwrap();
    let draft = store.open_draft(id).unwrap();
    let meant: Vec<&str> = procedure
        .definition
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .filter(|f| f.meaning.is_some_and(|m| profile.data.contains_key(&m)))
        .map(|f| f.id.as_str())
        .collect();
    assert!(!meant.is_empty(), "the birth registration declares meanings");
    let mut prefilled = draft.prefilled.clone();
    prefilled.sort();
    let mut expected: Vec<String> = meant.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(
        prefilled, expected,
        "exactly the fields with a meaning the profile holds are prefilled"
    );

    let phone = meant
        .iter()
        .find(|f| f.contains("phone"))
        .expect("a phone field has the phone meaning");
    store
        .save_answer(id, &procedure, phone, Some(&text("0987654321")), today())
        .unwrap();
    let changed = store.open_draft(id).unwrap();
    assert!(
        !changed.prefilled.contains(&phone.to_string()),
        "a changed answer is no longer marked prefilled"
    );
    assert_eq!(
        store.list_profiles().unwrap()[0].data[&Meaning::Phone],
        text("0912345678"),
        "the profile is unchanged"
    );
    let updated = store.update_profile_from_draft(id, phone, Meaning::Phone).unwrap();
    assert_eq!(
        updated.data[&Meaning::Phone],
        text("0987654321"),
        "until the user chooses to update it"
    );
}

#[test]
fn an_upgrade_keeps_answers_by_id_and_reports_the_rest() {
    let old_text = include_str!("../../../catalog/1.001193-dang-ky-khai-sinh.toml");
    let new_text = old_text
        .replacen("version = 1", "version = 2", 1)
        .replacen("id = \"child_ethnicity\"", "id = \"child_nationality\"", 1)
        .replacen(
            "options = [\n    { value = \"father\"",
            "options = [\n    { value = \"parent\", label = { vi = \"Cha hoặc mẹ\", en = \"Parent\" } },\n    { value = \"father_old\"",
            1,
        );
    let old = Procedure::from_toml("v1.toml", old_text).unwrap();
    let new = Procedure::from_toml("v2.toml", &new_text).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let id = store.create_draft(&old, None, today()).unwrap();
    for (field, value) in [
        ("child_name", "Lê Minh Khang"),
        ("child_ethnicity", "Kinh"),
        ("requester_relation", "father"),
    ] {
        store.save_answer(id, &old, field, Some(&text(value)), today()).unwrap();
    }
    let notice = store
        .upgrade_draft(id, &new, today())
        .unwrap()
        .expect("the user is told what changed");
    assert_eq!(
        (notice.from_version, notice.to_version),
        (1, 2),
        "the notice names both versions"
    );
    let removed: Vec<&str> = notice.removed.iter().map(|l| l.vi.as_str()).collect();
    assert!(
        removed.contains(&"Dân tộc"),
        "the removed question is named: {removed:?}"
    );
    assert!(
        removed.contains(&"Quan hệ với trẻ"),
        "a choice whose value is gone is reported: {removed:?}"
    );
    let added: Vec<&str> = notice.added.iter().map(|l| l.vi.as_str()).collect();
    assert!(
        added.contains(&"Dân tộc"),
        "the new required field (same label, new id) is flagged: {added:?}"
    );
    let draft = store.open_draft(id).unwrap();
    assert_eq!(draft.summary.procedure_version, 2, "the draft moved to version 2");
    assert_eq!(
        draft.answers.get("child_name"),
        Some(&text("Lê Minh Khang")),
        "kept by field id"
    );
    assert_eq!(draft.notice, Some(notice), "the notice stays until dismissed");
    store.dismiss_notice(id).unwrap();
    assert_eq!(store.open_draft(id).unwrap().notice, None, "a dismissed notice is gone");
}

#[test]
fn a_database_from_a_newer_app_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    drop(open(dir.path()));
    let path = dir.path().join(DATABASE_FILE);
    store::raw_connection(dir.path(), &key())
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    match Store::open(dir.path(), &key()) {
        Err(Error::TooNew { found: 99, .. }) => {}
        other => panic!("expected TooNew, got {:?}", other.map(|_| ())),
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the newer database is not touched"
    );
}

#[test]
fn a_corrupt_file_is_set_aside_not_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE);
    std::fs::write(
        &path,
        b"this is not a database, it is a damaged file of 64 bytes........",
    )
    .unwrap();
    let (store, report) = Store::open(dir.path(), &key()).expect("a fresh database replaces it");
    let aside = report.set_aside.expect("the report names where the file went");
    assert!(aside.starts_with(dir.path()), "kept in the app's folder");
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        b"this is not a database, it is a damaged file of 64 bytes........",
        "the set-aside file is kept as it was"
    );
    assert!(store.list_drafts().unwrap().is_empty(), "the new database starts empty");
}

#[test]
fn the_open_store_holds_the_database_exclusively() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let procedure = birth();
    let id = store.create_draft(&procedure, None, today()).unwrap();
    assert!(
        matches!(store::raw_connection(dir.path(), &key()), Err(Error::Locked)),
        "another connection cannot read the database while the store is open"
    );
    assert!(
        matches!(Store::open(dir.path(), &key()), Err(Error::Locked)),
        "a second store on the same folder is refused as locked"
    );
    store
        .save_answer(id, &procedure, "child_name", Some(&text("Lê An")), today())
        .expect("the first store keeps working");
    drop(store);
    let store = open(dir.path());
    assert_eq!(
        store.open_draft(id).unwrap().answers.get("child_name"),
        Some(&text("Lê An")),
        "once released, the next open sees the saved answer"
    );
}

fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

#[test]
fn attachments_are_copied_under_their_hash_and_survive_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let procedure = birth();
    let id = store.create_draft(&procedure, None, today()).unwrap();
    let document = &procedure.definition.documents[1];
    let source = outside.path().join("giấy chứng sinh.pdf");
    std::fs::write(&source, pdf()).unwrap();
    let attached = store.attach(id, document, &source).unwrap();
    std::fs::remove_file(&source).unwrap();
    let stored: Vec<_> = walk(&dir.path().join("attachments"));
    assert_eq!(stored.len(), 1, "one file in the app's folder: {stored:?}");
    let stored = stored[0].clone();
    assert_ne!(
        stored.file_name().unwrap().to_str(),
        Some(attached.sha256.as_str()),
        "the name does not reveal the content's hash"
    );
    let on_disk = std::fs::read(&stored).unwrap();
    assert!(
        !on_disk.windows(8).any(|w| w == b"/Catalog"),
        "the content is encrypted on disk"
    );
    assert_eq!(
        store.attachment_bytes(&attached.sha256).unwrap(),
        pdf(),
        "the content comes back whole from the app's folder"
    );
    assert_eq!(store.attachments(id).unwrap(), vec![attached.clone()]);
    assert_eq!(
        store.attachment_preview(attached.id).unwrap(),
        None,
        "no image preview for a PDF"
    );
    store.remove_attachment(attached.id).unwrap();
    assert!(!stored.exists(), "a file no draft uses is removed");
}

#[test]
fn bad_files_are_refused_with_the_right_problem_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let procedure = birth();
    let id = store.create_draft(&procedure, None, today()).unwrap();
    let document = &procedure.definition.documents[1];
    let write = |name: &str, bytes: &[u8]| {
        let path = outside.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let exe = write(
        "giay-chung-sinh.pdf",
        b"MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode",
    );
    let truncated = write(
        "anh.jpg",
        &[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0, 1, 2, 3],
    );
    let mut big = pdf();
    big.resize(11 * 1024 * 1024, b' ');
    let large = write("to-khai.pdf", &big);
    let sneaky = write("a\\..\\..\\evil.pdf", &pdf());
    let control = write("a\u{1b}[31m.pdf", &pdf());
    let cases = [
        (
            exe,
            AttachmentProblem::Kind {
                accepted: "PDF, JPEG, PNG".into(),
            },
        ),
        (truncated, AttachmentProblem::Truncated),
        (
            large,
            AttachmentProblem::TooLarge {
                limit_mb: 10,
                size_mb: 11,
            },
        ),
        (sneaky, AttachmentProblem::Name),
        (control, AttachmentProblem::Name),
    ];
    for (path, problem) in cases {
        match store.attach(id, document, &path) {
            Err(Error::Attachment(found)) => assert_eq!(found, problem, "{}", path.display()),
            other => panic!("{} should be refused, got {other:?}", path.display()),
        }
    }
    assert!(store.attachments(id).unwrap().is_empty(), "nothing was attached");
    let files: Vec<_> = std::fs::read_dir(dir.path().join("attachments")).unwrap().collect();
    assert!(files.is_empty(), "nothing was written to the attachment folder");
    let mut everything = Vec::new();
    for entry in walk(dir.path()) {
        everything.push(entry);
    }
    assert!(
        everything.iter().all(|p| p.starts_with(dir.path())),
        "nothing outside the app's folder"
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        }
        out.push(path);
    }
    out
}

#[test]
fn migrations_apply_from_every_earlier_schema_version() {
    // For each version an earlier app could have left (0 = an empty file),
    // build that plain database with a profile in it, then open it with this
    // app: it must be encrypted and reach the newest version with the row intact.
    for version in 0..store::schema::version_count() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DATABASE_FILE);
        let mut db = Connection::open(&path).unwrap();
        store::schema::migrations().to_version(&mut db, version).unwrap();
        if version > 0 {
            db.execute(
                "INSERT INTO profiles (label, data, created_at, updated_at) VALUES ('Lê An', '{}', 'x', 'x')",
                [],
            )
            .unwrap();
        }
        drop(db);
        let store = open(dir.path());
        assert!(
            !std::fs::read(&path).unwrap().starts_with(b"SQLite format 3"),
            "the database from version {version} is encrypted"
        );
        drop(store);
        let user_version: i64 = store::raw_connection(dir.path(), &key())
            .unwrap()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        let store = open(dir.path());
        assert_eq!(
            user_version as usize,
            store::schema::version_count(),
            "from version {version} to the newest"
        );
        let labels: Vec<String> = store.list_profiles().unwrap().into_iter().map(|p| p.label).collect();
        assert_eq!(
            labels,
            if version > 0 {
                vec!["Lê An".to_string()]
            } else {
                vec![]
            },
            "rows survive from version {version}"
        );
        let procedure = birth();
        let id = store.create_draft(&procedure, None, today()).unwrap();
        store
            .save_answer(id, &procedure, "child_name", Some(&text("Lê An")), today())
            .unwrap();
        assert!(
            store.enqueue_submission(id, "key", "{}").is_ok(),
            "the newest tables work after migrating from {version}"
        );
    }
}

#[test]
fn profiles_are_listed_in_vietnamese_alphabetical_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    for label in ["Zung", "Đặng Văn Bình", "Dương Thị Hà", "An"] {
        store
            .save_profile(&Profile {
                id: None,
                label: label.into(),
                data: BTreeMap::new(),
                updated_at: String::new(),
            })
            .unwrap();
    }
    let labels: Vec<String> = store.list_profiles().unwrap().into_iter().map(|p| p.label).collect();
    assert_eq!(
        labels,
        ["An", "Dương Thị Hà", "Đặng Văn Bình", "Zung"],
        "đ follows d, not z (a byte order would put Đặng last)"
    );
}

#[test]
fn a_profile_value_the_interview_would_refuse_is_refused_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let refused = store.save_profile(&Profile {
        id: None,
        label: "Nguyễn Văn An".into(),
        data: BTreeMap::from([
            (Meaning::CitizenId, text("001.085.01234")),
            (Meaning::Phone, text("091234567")),
            (Meaning::FullName, text("Nguyễn Văn An")),
        ]),
        updated_at: String::new(),
    });
    match refused {
        Err(store::Error::ProfileValues(problems)) => {
            let meanings: Vec<Meaning> = problems.iter().map(|(m, _)| *m).collect();
            assert_eq!(
                meanings,
                [Meaning::CitizenId, Meaning::Phone],
                "each bad value is named, the name passes"
            );
        }
        other => panic!("an 11-digit ID and a 9-digit phone must be refused, got {other:?}"),
    }
    assert!(store.list_profiles().unwrap().is_empty(), "nothing was saved");
    let saved = store
        .save_profile(&Profile {
            id: None,
            label: "Nguyễn Văn An".into(),
            data: BTreeMap::from([
                (Meaning::CitizenId, text("001.085.012345")),
                (Meaning::Phone, text("0084 912 345 678")),
            ]),
            updated_at: String::new(),
        })
        .expect("the forms people type are accepted");
    assert_eq!(
        saved.data[&Meaning::CitizenId],
        text("001085012345"),
        "kept as the interview keeps it"
    );
    assert_eq!(saved.data[&Meaning::Phone], text("0912345678"));
}
