//! Data at rest on a shared PC: the database and the attached files are
//! encrypted, a plain database from an earlier version is encrypted in
//! place, a citizen ID leaves no readable trace on disk (before and after
//! deletion), permissions are owner-only, a wrong key is told apart from a
//! damaged file, and the folder is held by one process at a time.
//! Also the store's parts of the review's findings #2, #4, #8, #11, #12, #19.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use procedures::definition::{DocumentRequirement, Meaning};
use procedures::engine::Answer;
use procedures::refusal::{FieldProblem, Refusal};
use procedures::{Catalog, Procedure};
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use store::{AttachmentProblem, DATABASE_FILE, Delivery, Error, Profile, Store, StoreKey};

const CITIZEN_ID: &str = "001204012345";
const LOCK_CHILD: &str = "STORE_LOCK_CHILD_DIR";

fn key() -> StoreKey {
    StoreKey::from_bytes([42; 32])
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

fn birth() -> Procedure {
    Catalog::bundled().unwrap().get("1.001193").unwrap().clone()
}

fn document(procedure: &Procedure) -> &DocumentRequirement {
    &procedure.definition.documents[1]
}

fn open(dir: &Path) -> Store {
    Store::open(dir, &key()).expect("the store opens").0
}

fn text(s: &str) -> Answer {
    Answer::Text(s.into())
}

/// A small valid PDF whose text holds the citizen ID.
fn id_pdf() -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n2 0 obj << /Length 44 >> stream\nBT (CCCD so {CITIZEN_ID}) Tj ET\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    .into_bytes()
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Files in `dir` (and below) whose raw bytes contain `needle`.
fn holding(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    files_under(dir)
        .into_iter()
        .filter(|p| std::fs::read(p).is_ok_and(|bytes| bytes.windows(needle.len()).any(|w| w == needle)))
        .collect()
}

fn wal(dir: &Path) -> PathBuf {
    dir.join(format!("{DATABASE_FILE}-wal"))
}

#[test]
fn a_citizen_id_is_never_readable_on_disk_before_or_after_deletion() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let procedure = birth();
    let store = open(dir.path());
    let profile = store
        .save_profile(&Profile {
            id: None,
            label: "Nguyễn Văn An".into(),
            data: BTreeMap::from([(Meaning::CitizenId, text(CITIZEN_ID))]),
            updated_at: String::new(),
        })
        .unwrap();
    let draft = store.create_draft(&procedure, profile.id, today()).unwrap();
    store
        .save_answer(draft, &procedure, "requester_id", Some(&text(CITIZEN_ID)), today())
        .unwrap();
    let source = outside.path().join("cccd.pdf");
    std::fs::write(&source, id_pdf()).unwrap();
    let attached = store.attach(draft, document(&procedure), &source).unwrap();
    assert_eq!(
        store.open_draft(draft).unwrap().answers.get("requester_id"),
        Some(&text(CITIZEN_ID)),
        "the ID is saved (so the searches below look for something that is there)"
    );
    assert!(
        std::fs::metadata(wal(dir.path())).is_ok_and(|m| m.len() > 0),
        "the WAL holds the recent commits while the store is open"
    );
    let needle = CITIZEN_ID.as_bytes();
    assert_eq!(
        holding(dir.path(), needle),
        Vec::<PathBuf>::new(),
        "no file of the data folder (database, WAL, attachments) holds the ID while open"
    );
    drop(store);
    assert_eq!(
        holding(dir.path(), needle),
        Vec::<PathBuf>::new(),
        "nor after the store is closed"
    );

    let store = open(dir.path());
    assert_eq!(
        store.attachment_bytes(&attached.sha256).unwrap(),
        id_pdf(),
        "the attached file still opens with the key"
    );
    store.delete_draft(draft).unwrap();
    store.delete_profile(profile.id.unwrap()).unwrap();
    assert_eq!(
        store.purge_deleted("9999-12-31T00:00:00.000Z").unwrap(),
        1,
        "the deleted draft is purged"
    );
    assert!(
        files_under(&dir.path().join("attachments")).is_empty(),
        "the purged draft's file is gone"
    );
    assert_eq!(
        holding(dir.path(), needle),
        Vec::<PathBuf>::new(),
        "after deletion, purge and checkpoint nothing holds the ID"
    );
    drop(store);
    assert_eq!(
        holding(dir.path(), needle),
        Vec::<PathBuf>::new(),
        "nor after the store is closed again"
    );
}

/// Builds the database an earlier (plain) version left: schema version 2,
/// a profile, a draft with answers and an attachment stored as a plain file
/// under its SHA-256.
fn plain_database(dir: &Path, procedure: &Procedure) -> String {
    let mut db = Connection::open(dir.join(DATABASE_FILE)).unwrap();
    db.pragma_update(None, "journal_mode", "WAL").unwrap();
    store::schema::migrations().to_version(&mut db, 2).unwrap();
    let d = &procedure.definition;
    let content = id_pdf();
    let sha256 = hex(&Sha256::digest(&content));
    db.execute_batch("PRAGMA foreign_keys = ON").unwrap();
    db.execute(
        "INSERT INTO profiles (id, label, data, created_at, updated_at) VALUES (1, 'Nguyễn Văn An', ?1, 'x', 'x')",
        [serde_json::to_string(&BTreeMap::from([(Meaning::CitizenId, text(CITIZEN_ID))])).unwrap()],
    )
    .unwrap();
    db.execute(
        "INSERT INTO definitions (code, version, body) VALUES (?1, ?2, ?3)",
        rusqlite::params![d.code, d.version, serde_json::to_string(d).unwrap()],
    )
    .unwrap();
    db.execute(
        "INSERT INTO drafts (id, procedure_code, procedure_version, profile_id, created_at, updated_at) \
         VALUES (7, ?1, ?2, 1, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')",
        rusqlite::params![d.code, d.version],
    )
    .unwrap();
    for (field, value) in [("requester_id", CITIZEN_ID), ("child_name", "Lê Minh Khang")] {
        db.execute(
            "INSERT INTO answers (draft_id, field_id, value, updated_at) VALUES (7, ?1, ?2, 'x')",
            [field, &serde_json::to_string(&text(value)).unwrap()],
        )
        .unwrap();
    }
    db.execute(
        "INSERT INTO attachments (draft_id, document_id, file_name, kind, size, sha256, added_at) \
         VALUES (7, ?1, 'cccd.pdf', 'PDF', ?2, ?3, 'x')",
        rusqlite::params![document(procedure).id, content.len() as i64, sha256],
    )
    .unwrap();
    drop(db);
    std::fs::create_dir_all(dir.join("attachments")).unwrap();
    std::fs::write(dir.join("attachments").join(&sha256), &content).unwrap();
    sha256
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn a_plain_database_from_an_earlier_version_is_encrypted_in_place_with_everything_kept() {
    let dir = tempfile::tempdir().unwrap();
    let procedure = birth();
    let sha256 = plain_database(dir.path(), &procedure);
    assert!(
        !holding(dir.path(), CITIZEN_ID.as_bytes()).is_empty(),
        "the earlier version left the ID readable (the test starts from a real plain folder)"
    );
    let (store, report) = Store::open(dir.path(), &key()).expect("the plain database opens with a key");
    assert!(report.encrypted, "the report says the database was encrypted");
    assert_eq!(report.set_aside, None, "nothing was set aside");
    let drafts = store.list_drafts().unwrap();
    assert_eq!(
        drafts.iter().map(|d| d.id).collect::<Vec<_>>(),
        [7],
        "the draft is kept"
    );
    let answers = store.open_draft(7).unwrap().answers;
    assert_eq!(
        answers.get("requester_id"),
        Some(&text(CITIZEN_ID)),
        "its answers are kept"
    );
    assert_eq!(
        answers.get("child_name"),
        Some(&text("Lê Minh Khang")),
        "every answer is kept"
    );
    assert_eq!(
        store.list_profiles().unwrap()[0].data.get(&Meaning::CitizenId),
        Some(&text(CITIZEN_ID)),
        "the profile is kept"
    );
    assert_eq!(
        store.attachments(7).unwrap()[0].sha256,
        sha256,
        "the attachment row is kept"
    );
    assert_eq!(
        store.attachment_bytes(&sha256).unwrap(),
        id_pdf(),
        "the attached file is kept and opens"
    );
    assert!(
        !dir.path().join("attachments").join(&sha256).exists(),
        "the plain copy is gone"
    );
    assert!(
        !std::fs::read(dir.path().join(DATABASE_FILE))
            .unwrap()
            .starts_with(b"SQLite format 3"),
        "the database file is encrypted"
    );
    assert_eq!(
        holding(dir.path(), CITIZEN_ID.as_bytes()),
        Vec::<PathBuf>::new(),
        "no file of the data folder holds the ID any more"
    );
    store
        .save_answer(7, &procedure, "child_name", Some(&text("Lê An")), today())
        .expect("the migrated draft can be edited");
    drop(store);
    let (store, report) = Store::open(dir.path(), &key()).unwrap();
    assert!(!report.encrypted, "a second open has nothing to encrypt");
    assert_eq!(
        store.open_draft(7).unwrap().answers.get("child_name"),
        Some(&text("Lê An")),
        "the edit after migration is kept"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("encrypting") || n.contains("plain"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary or marker file is left: {leftovers:?}"
    );
}

#[test]
fn a_wrong_key_is_refused_and_nothing_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let procedure = birth();
    let store = open(dir.path());
    store.create_draft(&procedure, None, today()).unwrap();
    drop(store);
    let before = std::fs::read(dir.path().join(DATABASE_FILE)).unwrap();
    let other = StoreKey::from_bytes([1; 32]);
    assert!(
        matches!(Store::open(dir.path(), &other), Err(Error::WrongKey)),
        "another key is a wrong key, not a corrupt database"
    );
    std::fs::remove_file(dir.path().join("tro-ly-dich-vu-cong.key-check")).unwrap();
    assert!(
        matches!(Store::open(dir.path(), &other), Err(Error::WrongKey)),
        "without the key-check file, an encrypted database is still not taken for corrupt"
    );
    assert_eq!(
        std::fs::read(dir.path().join(DATABASE_FILE)).unwrap(),
        before,
        "the database is untouched"
    );
    assert!(
        !std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().contains("corrupt")),
        "nothing was set aside"
    );
    assert_eq!(
        open(dir.path()).list_drafts().unwrap().len(),
        1,
        "the right key still opens everything"
    );
}

#[cfg(unix)]
#[test]
fn the_folder_is_owner_only_and_every_file_is_0600_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data");
    std::fs::create_dir(&folder).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    let outside = tempfile::tempdir().unwrap();
    let source = outside.path().join("cccd.pdf");
    std::fs::write(&source, id_pdf()).unwrap();
    // SAFETY: umask only changes the default mode of files created afterwards.
    let previous = unsafe { libc::umask(0) };
    let procedure = birth();
    let store = open(&folder);
    let draft = store.create_draft(&procedure, None, today()).unwrap();
    store.attach(draft, document(&procedure), &source).unwrap();
    // SAFETY: as above.
    unsafe { libc::umask(previous) };
    assert_eq!(mode(&folder), 0o700, "an existing data folder is made owner-only");
    assert_eq!(
        mode(&folder.join("attachments")),
        0o700,
        "the attachments folder is owner-only"
    );
    let files = files_under(&folder);
    assert!(
        files.iter().any(|p| p.ends_with(DATABASE_FILE)) && files.iter().any(|p| p == &wal(&folder)),
        "the database and its WAL are there: {files:?}"
    );
    assert!(
        files.iter().any(|p| p.starts_with(folder.join("attachments"))),
        "the attached file is there: {files:?}"
    );
    for file in files {
        assert_eq!(mode(&file), 0o600, "{} is readable by its owner only", file.display());
    }
}

#[test]
fn databases_set_aside_more_than_30_days_ago_are_deleted_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let old = format!("{DATABASE_FILE}.corrupt-20000101T000000");
    let old_wal = format!("{old}-wal");
    let recent = format!(
        "{DATABASE_FILE}.corrupt-{}",
        (chrono::Utc::now() - chrono::TimeDelta::days(29)).format("%Y%m%dT%H%M%S")
    );
    for name in [&old, &old_wal, &recent] {
        std::fs::write(dir.path().join(name), b"damaged").unwrap();
    }
    drop(open(dir.path()));
    assert!(
        !dir.path().join(&old).exists(),
        "a 26-year-old set-aside database is deleted"
    );
    assert!(!dir.path().join(&old_wal).exists(), "with its WAL");
    assert!(
        dir.path().join(&recent).exists(),
        "one set aside 29 days ago is kept for the user to recover"
    );
}

/// A draft with the citizen's PDF attached, submitted; returns (draft, outbox id, sha256).
fn submitted(store: &Store, procedure: &Procedure, outside: &Path) -> (i64, i64, String) {
    let draft = store.create_draft(procedure, None, today()).unwrap();
    store
        .save_answer(draft, procedure, "requester_id", Some(&text(CITIZEN_ID)), today())
        .unwrap();
    let source = outside.join("cccd.pdf");
    std::fs::write(&source, id_pdf()).unwrap();
    let attached = store.attach(draft, document(procedure), &source).unwrap();
    let payload = format!(
        "{{\"answers\":{{\"requester_id\":\"{CITIZEN_ID}\"}},\"attachments\":[{{\"sha256\":\"{}\"}}]}}",
        attached.sha256
    );
    let outbox = store
        .enqueue_submission(draft, &format!("key-{draft}"), &payload)
        .unwrap();
    (draft, outbox, attached.sha256)
}

#[test]
fn a_refused_draft_once_deleted_is_purged_with_its_answers_and_files() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let procedure = birth();
    let store = open(dir.path());
    let (draft, outbox, sha256) = submitted(&store, &procedure, outside.path());
    store
        .submission_rejected(
            outbox,
            &Refusal {
                fields: vec![FieldProblem {
                    field: "requester_id".into(),
                    message_id: "error-citizen-id-province".into(),
                }],
                ..Refusal::default()
            },
        )
        .unwrap();
    store.delete_draft(draft).expect("a refused draft can be deleted");
    assert_eq!(
        store.purge_deleted("9999-12-31T00:00:00.000Z").unwrap(),
        1,
        "the refused outbox row does not block the purge"
    );
    assert!(
        matches!(store.open_draft(draft), Err(Error::NotFound { .. })),
        "the draft is gone"
    );
    assert!(
        matches!(store.attachment_bytes(&sha256), Err(Error::AttachmentMissing { .. })),
        "its file is gone"
    );
    assert!(
        files_under(&dir.path().join("attachments")).is_empty(),
        "nothing is left in the attachments folder"
    );
    drop(store);
    let db = store::raw_connection(dir.path(), &key()).unwrap();
    for table in ["answers", "attachments", "outbox"] {
        let left: i64 = db
            .query_row(
                &format!("SELECT count(*) FROM {table} WHERE draft_id = ?1"),
                [draft],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0, "no {table} row of the purged draft is left");
    }
}

#[test]
fn a_submitted_draft_cannot_be_deleted_nor_its_attachments_changed() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let procedure = birth();
    let store = open(dir.path());
    let (draft, outbox, sha256) = submitted(&store, &procedure, outside.path());
    let attachment = store.attachments(draft).unwrap()[0].id;
    let source = outside.path().join("other.pdf");
    std::fs::write(&source, b"%PDF-1.4\nother\n%%EOF\n").unwrap();
    assert!(
        matches!(store.delete_draft(draft), Err(Error::Submitted)),
        "a queued draft cannot be deleted"
    );
    assert!(
        matches!(
            store.attach(draft, document(&procedure), &source),
            Err(Error::Submitted)
        ),
        "a queued draft's file cannot be replaced"
    );
    assert!(
        matches!(store.remove_attachment(attachment), Err(Error::Submitted)),
        "a queued draft's file cannot be removed"
    );
    assert_eq!(
        store.attachment_bytes(&sha256).unwrap(),
        id_pdf(),
        "the queued file is still there to deliver"
    );
    store
        .submissions_delivered(&[Delivery {
            outbox_id: outbox,
            portal_id: "p-1",
            code: "G01.123",
            procedure_code: "1.001193",
            status: "received",
            body: "{}",
        }])
        .unwrap();
    assert!(
        matches!(store.delete_draft(draft), Err(Error::Submitted)),
        "a delivered draft cannot be deleted either"
    );
    drop(store);
    let db = store::raw_connection(dir.path(), &key()).unwrap();
    let payload: Option<String> = db
        .query_row("SELECT payload FROM outbox WHERE id = ?1", [outbox], |r| r.get(0))
        .unwrap();
    assert_eq!(
        payload, None,
        "the outbox's copy of the answers is cleared once delivered"
    );
}

#[test]
fn a_refusal_also_clears_the_payload() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let procedure = birth();
    let store = open(dir.path());
    let (_, outbox, _) = submitted(&store, &procedure, outside.path());
    store
        .submission_rejected(outbox, &Refusal::because("portal-refused", None))
        .unwrap();
    drop(store);
    let payload: Option<String> = store::raw_connection(dir.path(), &key())
        .unwrap()
        .query_row("SELECT payload FROM outbox WHERE id = ?1", [outbox], |r| r.get(0))
        .unwrap();
    assert_eq!(payload, None, "a refused submission keeps no copy of the answers");
}

#[test]
fn a_file_named_by_a_queued_submission_is_never_removed_as_unused() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let procedure = birth();
    let store = open(dir.path());
    let holder = store.create_draft(&procedure, None, today()).unwrap();
    let source = outside.path().join("cccd.pdf");
    std::fs::write(&source, id_pdf()).unwrap();
    let attached = store.attach(holder, document(&procedure), &source).unwrap();
    let queued = store.create_draft(&procedure, None, today()).unwrap();
    let payload = format!("{{\"files\":[{{\"sha256\":\"{}\"}}]}}", attached.sha256);
    store.enqueue_submission(queued, "k-1", &payload).unwrap();
    store.remove_attachment(attached.id).unwrap();
    assert_eq!(
        store.attachment_bytes(&attached.sha256).unwrap(),
        id_pdf(),
        "no attachment row names the file, but the queued payload does, so it stays"
    );
}

#[test]
fn a_missing_or_damaged_file_is_reported_as_attachment_missing() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let procedure = birth();
    let store = open(dir.path());
    let draft = store.create_draft(&procedure, None, today()).unwrap();
    let source = outside.path().join("cccd.pdf");
    std::fs::write(&source, id_pdf()).unwrap();
    let attached = store.attach(draft, document(&procedure), &source).unwrap();
    let stored = files_under(&dir.path().join("attachments")).remove(0);
    let mut bytes = std::fs::read(&stored).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&stored, &bytes).unwrap();
    let damaged = store.attachment_bytes(&attached.sha256);
    assert!(
        matches!(damaged, Err(Error::AttachmentMissing { damaged: true, .. })),
        "one flipped bit fails the tag and is reported, never returned as content: {damaged:?}"
    );
    std::fs::remove_file(&stored).unwrap();
    let missing = store.attachment_bytes(&attached.sha256);
    assert!(
        matches!(missing, Err(Error::AttachmentMissing { damaged: false, .. })),
        "a deleted file is reported as missing: {missing:?}"
    );
    let shown = missing.unwrap_err().to_string();
    assert!(
        !shown.contains("cccd") && !shown.contains(dir.path().to_str().unwrap()),
        "the message names no file or path: {shown}"
    );
}

#[test]
fn an_unreadable_file_is_reported_without_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let procedure = birth();
    let store = open(dir.path());
    let draft = store.create_draft(&procedure, None, today()).unwrap();
    let name = format!("CCCD_NguyenVanA_{CITIZEN_ID}.pdf");
    let result = store.attach(draft, document(&procedure), &outside.path().join(&name));
    let Err(error @ Error::Io { .. }) = result else {
        panic!("a missing file is an I/O error: {result:?}");
    };
    let shown = error.to_string();
    assert!(
        !shown.contains(CITIZEN_ID)
            && !shown.contains("NguyenVanA")
            && !shown.contains(outside.path().to_str().unwrap()),
        "the message (which the shell logs) names neither the file nor its folder: {shown}"
    );
}

#[cfg(unix)]
#[test]
fn a_pipe_or_a_folder_is_refused_as_not_a_file_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let procedure = birth();
    let store = std::sync::Arc::new(open(dir.path()));
    let draft = store.create_draft(&procedure, None, today()).unwrap();
    let fifo = outside.path().join("x.pdf");
    let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success(), "mkfifo made the pipe");
    let (sender, receiver) = std::sync::mpsc::channel();
    let worker = {
        let store = store.clone();
        let procedure = procedure.clone();
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let _ = sender.send(store.attach(draft, document(&procedure), &fifo));
        })
    };
    let result = receiver
        .recv_timeout(Duration::from_secs(1))
        .expect("attaching a pipe returns within 1 s instead of waiting for a writer");
    worker.join().unwrap();
    assert!(
        matches!(result, Err(Error::Attachment(AttachmentProblem::NotAFile))),
        "a pipe named .pdf is not a file: {result:?}"
    );
    let folder = outside.path().join("folder.pdf");
    std::fs::create_dir(&folder).unwrap();
    let result = store.attach(draft, document(&procedure), &folder);
    assert!(
        matches!(result, Err(Error::Attachment(AttachmentProblem::NotAFile))),
        "a folder named .pdf is not a file: {result:?}"
    );
}

#[test]
fn a_file_of_exactly_the_limit_is_accepted_and_one_byte_more_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let procedure = birth();
    let store = open(dir.path());
    let draft = store.create_draft(&procedure, None, today()).unwrap();
    let document = document(&procedure);
    let limit = document.max_size_mb as usize * 1024 * 1024;
    let pdf_of = |size: usize| {
        let mut bytes = b"%PDF-1.4\n".to_vec();
        bytes.resize(size - 6, b' ');
        bytes.extend_from_slice(b"%%EOF\n");
        bytes
    };
    let exact = outside.path().join("exact.pdf");
    std::fs::write(&exact, pdf_of(limit)).unwrap();
    store
        .attach(draft, document, &exact)
        .expect("a file of exactly the limit is accepted");
    let over = outside.path().join("over.pdf");
    std::fs::write(&over, pdf_of(limit + 1)).unwrap();
    let result = store.attach(draft, document, &over);
    assert!(
        matches!(result, Err(Error::Attachment(AttachmentProblem::TooLarge { .. }))),
        "one byte over the limit is refused: {:?}",
        result.map(|a| a.size)
    );
}

#[test]
fn a_refusal_with_no_field_errors_ends_with_any_edit() {
    let dir = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let procedure = birth();
    let store = open(dir.path());
    let (draft, outbox, _) = submitted(&store, &procedure, outside.path());
    store
        .submission_rejected(outbox, &Refusal::because("portal-refused", None))
        .unwrap();
    let flagged = |store: &Store| {
        store
            .list_drafts()
            .unwrap()
            .iter()
            .find(|d| d.id == draft)
            .unwrap()
            .rejected
    };
    assert!(flagged(&store), "the refused draft is flagged at first");
    store
        .save_answer(draft, &procedure, "child_name", Some(&text("Lê An")), today())
        .unwrap();
    assert!(!flagged(&store), "a refusal naming no field is cleared by any change");
}

#[test]
fn secrets_are_kept_replaced_and_forgotten() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    assert_eq!(store.secret("portal-refresh").unwrap(), None, "no secret at first");
    store.set_secret("portal-refresh", b"first").unwrap();
    store.set_secret("portal-refresh", b"refresh-token-2").unwrap();
    drop(store);
    let store = open(dir.path());
    assert_eq!(
        store.secret("portal-refresh").unwrap().as_deref(),
        Some(b"refresh-token-2".as_slice()),
        "the latest value survives a restart"
    );
    store.delete_secret("portal-refresh").unwrap();
    store.delete_secret("portal-refresh").expect("forgetting twice is fine");
    assert_eq!(store.secret("portal-refresh").unwrap(), None, "forgotten");
    drop(store);
    assert!(
        holding(dir.path(), b"refresh-token-2").is_empty(),
        "the token is not readable on disk"
    );
}

/// The child of the lock test: opens the store, says so, and keeps it open
/// until killed.
#[test]
fn lock_child() {
    let Some(dir) = std::env::var_os(LOCK_CHILD) else {
        return;
    };
    let store = open(Path::new(&dir));
    println!("open");
    std::thread::sleep(Duration::from_secs(60));
    drop(store);
}

#[test]
fn a_second_process_on_the_same_folder_is_refused_as_locked() {
    if std::env::var_os(LOCK_CHILD).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "lock_child", "--nocapture", "--test-threads=1"])
        .env(LOCK_CHILD, dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let opened = lines.any(|l| l.is_ok_and(|l| l.contains("open")));
    assert!(opened, "the child process opened the store");
    let started = Instant::now();
    let second = Store::open(dir.path(), &key());
    let waited = started.elapsed();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        matches!(second, Err(Error::Locked)),
        "a second process gets Locked: {:?}",
        second.map(|_| ())
    );
    assert!(
        waited < Duration::from_secs(5),
        "and is told within the busy timeout ({waited:?})"
    );
    let store = open(dir.path());
    assert!(
        store.list_drafts().is_ok(),
        "once the other process is gone the folder opens"
    );
}
