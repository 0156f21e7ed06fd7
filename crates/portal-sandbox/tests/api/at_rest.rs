//! The training sandbox's data at rest (finding #11): dossiers are kept at
//! most 30 days after their last change, the database file is private, and
//! with a key it is encrypted with SQLCipher.

use std::path::Path;
use std::time::Duration;

use portal_sandbox::{Config, Sandbox};
use reqwest::StatusCode;
use sha2::{Digest, Sha256};

use crate::common::*;

/// A citizen ID among the answers of [`birth_answers`] (the mother's).
const CITIZEN_ID: &str = "001192054321";

/// The bytes of the database file and of its WAL, if any.
fn raw_bytes(database: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(database).unwrap();
    let mut wal = database.as_os_str().to_owned();
    wal.push("-wal");
    if let Ok(more) = std::fs::read(&wal) {
        bytes.extend(more);
    }
    bytes
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A "scan" with a marker found nowhere else.
fn marked_scan() -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n% scan-marker-5e1f0c2a9b\n".to_vec();
    bytes.extend_from_slice(b"\n%%EOF\n");
    bytes
}

#[tokio::test]
async fn dossiers_unchanged_for_30_days_are_deleted_with_their_files() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("training-portal.sqlite3");
    let with_file = || config_with_database(&database);
    let sandbox = Sandbox::start(with_file()).await.unwrap();
    let tokens = sign_in(&sandbox.base_url(), "cong-dan").await;
    let api = Api::with_token(&sandbox, &tokens.access_token);
    let scan = marked_scan();
    let old = api
        .create_ok(&birth_dossier(vec![manifest("giay_chung_sinh", "scan.pdf", &scan)]))
        .await;
    let uploaded = api.upload(&old.id, "giay_chung_sinh", "scan.pdf", scan.clone()).await;
    assert_eq!(uploaded.status(), StatusCode::OK);
    let recent = api.create_ok(&birth_dossier_with_certificate()).await;
    assert!(
        contains(&raw_bytes(&database), b"scan-marker-5e1f0c2a9b"),
        "without a key the scan is stored as is, so its absence later means it was wiped"
    );
    sandbox.stop().await;

    let days_ago =
        |days| (chrono::Utc::now() - chrono::TimeDelta::days(days)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let (long_ago, nearly) = (days_ago(31), days_ago(29));
    {
        let raw = open_database(&database);
        for (id, at) in [(&old.id, &long_ago), (&recent.id, &nearly)] {
            raw.execute("UPDATE dossiers SET created_at = ?1 WHERE id = ?2", [at, id])
                .unwrap();
            raw.execute("UPDATE history SET at = ?1 WHERE dossier_id = ?2", [at, id])
                .unwrap();
            raw.execute(
                "UPDATE attachments SET received_at = ?1 WHERE dossier_id = ?2",
                [at, id],
            )
            .unwrap();
        }
    }

    let sandbox = Sandbox::start(with_file()).await.unwrap();
    let api = Api::with_token(&sandbox, &tokens.access_token);
    let gone = api.get(&format!("/v1/dossiers/{}", old.id)).send().await.unwrap();
    assert_eq!(
        gone.status(),
        StatusCode::NOT_FOUND,
        "a dossier unchanged for 31 days is deleted at start"
    );
    api.dossier(&recent.id).await;
    let bytes = raw_bytes(&database);
    assert!(
        !contains(&bytes, b"scan-marker-5e1f0c2a9b"),
        "the deleted dossier's file is gone from the database and WAL bytes, not only unlinked"
    );
    assert!(
        !contains(&bytes, old.id.as_bytes()),
        "no row of the deleted dossier is left (history, attachments, idempotency keys)"
    );
    assert!(
        contains(&bytes, recent.id.as_bytes()),
        "a dossier changed 29 days ago is kept (and the search does find what is there)"
    );
    sandbox.stop().await;
}

#[tokio::test]
async fn a_short_retention_applies_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("portal.sqlite");
    let with_file = |retention| Config {
        retention,
        ..config_with_database(&database)
    };
    let sandbox = Sandbox::start(with_file(Duration::from_secs(3600))).await.unwrap();
    let tokens = sign_in(&sandbox.base_url(), "cong-dan").await;
    let api = Api::with_token(&sandbox, &tokens.access_token);
    let dossier = api.create_ok(&birth_dossier_with_certificate()).await;
    sandbox.stop().await;
    tokio::time::sleep(Duration::from_millis(2100)).await;

    let sandbox = Sandbox::start(with_file(Duration::from_secs(1))).await.unwrap();
    let api = Api::with_token(&sandbox, &tokens.access_token);
    let gone = api.get(&format!("/v1/dossiers/{}", dossier.id)).send().await.unwrap();
    assert_eq!(
        gone.status(),
        StatusCode::NOT_FOUND,
        "Config::retention decides how long a dossier is kept"
    );
    assert!(
        !contains(&raw_bytes(&database), CITIZEN_ID.as_bytes()),
        "its answers are gone from the file too"
    );
    sandbox.stop().await;
}

#[cfg(unix)]
#[tokio::test]
async fn the_database_file_is_private() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("portal.sqlite");
    let sandbox = Sandbox::start(config_with_database(&database)).await.unwrap();
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    api.create_ok(&birth_dossier_with_certificate()).await;
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&database), 0o600, "other OS users must not read the answers");
    let wal = dir.path().join("portal.sqlite-wal");
    assert!(wal.exists(), "the answers went through the WAL");
    assert_eq!(mode(&wal), 0o600, "the WAL holds the same answers");
    sandbox.stop().await;

    std::fs::set_permissions(&database, std::fs::Permissions::from_mode(0o644)).unwrap();
    let again = Sandbox::start(config_with_database(&database)).await.unwrap();
    assert_eq!(
        mode(&database),
        0o600,
        "a file left readable by an older version is made private at start"
    );
    again.stop().await;
}

#[tokio::test]
async fn with_a_key_the_database_bytes_hold_no_answer() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("portal.sqlite");
    let keyed = |key: [u8; 32]| Config {
        database_key: Some(key),
        ..config_with_database(&database)
    };
    let key = Sha256::digest(b"a test key").into();
    let sandbox = Sandbox::start(keyed(key)).await.unwrap();
    let tokens = sign_in(&sandbox.base_url(), "cong-dan").await;
    let api = Api::with_token(&sandbox, &tokens.access_token);
    let dossier = api.create_ok(&birth_dossier_with_certificate()).await;
    let bytes = raw_bytes(&database);
    assert!(
        !contains(&bytes, CITIZEN_ID.as_bytes()),
        "a submitted citizen ID is not readable in the database or WAL bytes"
    );
    assert!(
        !bytes.starts_with(b"SQLite format 3"),
        "the file is a SQLCipher one, not plain SQLite"
    );
    let unkeyed = rusqlite::Connection::open(&database).unwrap();
    let read = unkeyed.query_row("SELECT COUNT(*) FROM dossiers", [], |r| r.get::<_, i64>(0));
    assert!(read.is_err(), "without the key the file cannot be read");
    drop(unkeyed);
    sandbox.stop().await;

    let again = Sandbox::start(keyed(key)).await.unwrap();
    let api = Api::with_token(&again, &tokens.access_token);
    assert_eq!(
        api.dossier(&dossier.id).await,
        dossier,
        "with the same key everything is back after a restart"
    );
    again.stop().await;

    let wrong = Sandbox::start(keyed([0u8; 32])).await;
    assert!(
        matches!(wrong, Err(portal_sandbox::Error::Database(_))),
        "a wrong key is a database error at start, not an empty portal"
    );
}

#[tokio::test]
async fn a_plain_database_is_encrypted_in_place_when_a_key_arrives() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("training-portal.sqlite3");
    let plain = Sandbox::start(config_with_database(&database)).await.unwrap();
    let tokens = sign_in(&plain.base_url(), "cong-dan").await;
    let api = Api::with_token(&plain, &tokens.access_token);
    let dossier = api.create_ok(&birth_dossier_with_certificate()).await;
    let public_key = plain.catalog_public_key();
    plain.stop().await;
    assert!(
        contains(&raw_bytes(&database), CITIZEN_ID.as_bytes()),
        "the database of the version before keys holds the answers in clear"
    );

    let key = Sha256::digest(b"the app's derived key").into();
    let keyed = Sandbox::start(Config {
        database_key: Some(key),
        ..config_with_database(&database)
    })
    .await
    .expect("a plain database is taken over, not refused");
    let api = Api::with_token(&keyed, &tokens.access_token);
    assert_eq!(
        api.dossier(&dossier.id).await,
        dossier,
        "every dossier (and the signed-in token) is kept"
    );
    assert_eq!(
        keyed.catalog_public_key(),
        public_key,
        "the catalog signing key is kept too"
    );
    let bytes = raw_bytes(&database);
    assert!(
        !contains(&bytes, CITIZEN_ID.as_bytes()),
        "after the migration the answers are no longer readable in the file"
    );
    assert!(
        !bytes.starts_with(b"SQLite format 3"),
        "the file is now a SQLCipher one"
    );
    keyed.stop().await;
}
