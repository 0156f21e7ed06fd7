//! The sandbox's SQLite database: its schema, the lock around the one
//! connection, the global revision counter, and the catalog signing seed.
//! A database file is private to its owner, encrypted with SQLCipher when
//! a key is given, and overwrites deleted content (`secure_delete`).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use rand::RngCore;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, params};

use crate::{Error, private};

/// The name of the catalog signing seed in `secrets`.
const SIGNING_SEED: &str = "catalog_signing_seed";

/// Every table, created when missing.
const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT OR IGNORE INTO counters (name, value) VALUES ('revision', 0);

CREATE TABLE IF NOT EXISTS daily_sequences (
    day TEXT PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS auth_codes (
    code_hash TEXT PRIMARY KEY,
    account TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    challenge TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS tokens (
    token_hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
    account TEXT NOT NULL,
    code_hash TEXT,
    expires_at INTEGER NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS catalog_published (
    code TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    definition TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS dossiers (
    id TEXT PRIMARY KEY,
    account TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    procedure_code TEXT NOT NULL,
    procedure_version INTEGER NOT NULL,
    on_behalf INTEGER NOT NULL,
    assisted TEXT,
    answers TEXT NOT NULL,
    status TEXT NOT NULL,
    fee INTEGER,
    due_date TEXT,
    revision INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dossiers_by_account ON dossiers (account, revision);
CREATE INDEX IF NOT EXISTS dossiers_by_status ON dossiers (status);

CREATE TABLE IF NOT EXISTS history (
    dossier_id TEXT NOT NULL REFERENCES dossiers (id),
    seq INTEGER NOT NULL,
    status TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT,
    handler TEXT,
    PRIMARY KEY (dossier_id, seq)
);

CREATE TABLE IF NOT EXISTS due_changes (
    dossier_id TEXT NOT NULL REFERENCES dossiers (id),
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    from_date TEXT,
    to_date TEXT NOT NULL,
    reason TEXT,
    apology INTEGER NOT NULL,
    PRIMARY KEY (dossier_id, seq)
);

CREATE TABLE IF NOT EXISTS attachments (
    dossier_id TEXT NOT NULL REFERENCES dossiers (id),
    position INTEGER NOT NULL,
    document_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    received_name TEXT,
    received_at TEXT,
    content BLOB,
    PRIMARY KEY (dossier_id, document_id)
);

CREATE TABLE IF NOT EXISTS payments (
    dossier_id TEXT PRIMARY KEY REFERENCES dossiers (id),
    id TEXT NOT NULL UNIQUE,
    lines TEXT NOT NULL,
    total INTEGER NOT NULL,
    payload TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    state TEXT NOT NULL,
    paid_at TEXT
);

CREATE TABLE IF NOT EXISTS followups (
    dossier_id TEXT PRIMARY KEY REFERENCES dossiers (id),
    supplement TEXT,
    result TEXT,
    stop_notice TEXT,
    rating TEXT
);

CREATE TABLE IF NOT EXISTS result_files (
    dossier_id TEXT NOT NULL REFERENCES dossiers (id),
    document_id TEXT NOT NULL,
    content BLOB NOT NULL,
    PRIMARY KEY (dossier_id, document_id)
);

CREATE TABLE IF NOT EXISTS request_keys (
    account TEXT NOT NULL,
    key TEXT NOT NULL,
    request_sha256 TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (account, key)
);

CREATE TABLE IF NOT EXISTS feedback (
    id TEXT PRIMARY KEY,
    account TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS feedback_files (
    feedback_id TEXT NOT NULL REFERENCES feedback (id),
    document_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    received_at TEXT,
    content BLOB,
    PRIMARY KEY (feedback_id, document_id)
);

CREATE TABLE IF NOT EXISTS secrets (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL
);

CREATE TABLE IF NOT EXISTS idempotency_keys (
    account TEXT NOT NULL,
    key TEXT NOT NULL,
    request_sha256 TEXT NOT NULL,
    dossier_id TEXT NOT NULL REFERENCES dossiers (id),
    PRIMARY KEY (account, key)
);
"#;

/// The one connection, behind a lock; every request's work is one short
/// transaction.
pub(crate) struct Db {
    conn: Mutex<Connection>,
}

impl Db {
    /// Opens (creating when needed) the database at `path`, or an in-memory
    /// one when `path` is `None`; with `key`, the file is a SQLCipher one.
    pub fn open(path: Option<&Path>, key: Option<&[u8; 32]>) -> Result<Self, Error> {
        let conn = match path {
            Some(path) => {
                private::prepare_database(path).map_err(Error::PrivateFile)?;
                if let Some(key) = key {
                    encrypt_plain_file(path, key)?;
                }
                let conn = encrypted_db::open(path, OpenFlags::default())?;
                if let Some(key) = key {
                    unlock(&conn, key)?;
                }
                conn.pragma_update(None, "journal_mode", "WAL")?;
                conn.pragma_update(None, "synchronous", "NORMAL")?;
                conn
            }
            None => encrypted_db::open_in_memory()?,
        };
        conn.pragma_update(None, "secure_delete", "ON")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        add_missing_columns(&conn)?;
        Ok(Self { conn: Mutex::new(conn) })
    }

    /// The seed catalog definitions are signed with: generated at the first
    /// start and kept, so clients pinning the public key keep trusting it.
    pub fn signing_seed(&self) -> rusqlite::Result<[u8; 32]> {
        self.transaction(|tx| {
            let stored: Option<Vec<u8>> = tx
                .query_row("SELECT value FROM secrets WHERE name = ?1", [SIGNING_SEED], |r| {
                    r.get(0)
                })
                .optional()?;
            if let Some(seed) = stored.and_then(|s| <[u8; 32]>::try_from(s).ok()) {
                return Ok(seed);
            }
            let mut seed = [0u8; 32];
            rand::rng().fill_bytes(&mut seed);
            tx.execute(
                "INSERT INTO secrets (name, value) VALUES (?1, ?2) \
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                params![SIGNING_SEED, &seed[..]],
            )?;
            Ok(seed)
        })
    }

    /// Moves every WAL frame into the database and empties the WAL, so
    /// deleted content no longer sits in old frames.
    pub fn checkpoint(&self) -> rusqlite::Result<()> {
        self.lock().query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `work` in one transaction, committed when it returns `Ok`.
    pub fn transaction<T, E>(&self, work: impl FnOnce(&Transaction<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<rusqlite::Error>,
    {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let out = work(&tx)?;
        tx.commit()?;
        Ok(out)
    }
}

/// Columns added after the first release, added to a database made before them.
const LATER_COLUMNS: [(&str, &str); 4] = [
    ("dossiers", "due_date"),
    ("history", "handler"),
    ("payments", "receipt"),
    ("dossiers", "assisted"),
];

/// Adds [`LATER_COLUMNS`] to tables made before them (all are nullable text).
fn add_missing_columns(conn: &Connection) -> rusqlite::Result<()> {
    for (table, column) in LATER_COLUMNS {
        let present = conn
            .prepare(&format!("SELECT 1 FROM pragma_table_info('{table}') WHERE name = ?1"))?
            .exists([column])?;
        if !present {
            conn.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} TEXT"))?;
        }
    }
    Ok(())
}

/// Takes the next value of the global revision counter, bumped on every
/// change to any dossier.
pub(crate) fn next_revision(tx: &Transaction<'_>) -> rusqlite::Result<i64> {
    tx.query_row(
        "UPDATE counters SET value = value + 1 WHERE name = 'revision' RETURNING value",
        [],
        |row| row.get(0),
    )
}

/// The next number of a named sequence (1, 2, …): receipts of a year,
/// stop notices, feedback codes of a day.
pub(crate) fn next_in_sequence(tx: &Transaction<'_>, name: &str) -> rusqlite::Result<u32> {
    tx.query_row(
        "INSERT INTO daily_sequences (day, last) VALUES (?1, 1) \
         ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last",
        [name],
        |r| r.get(0),
    )
}

/// Keys the connection with SQLCipher, then proves the key works and that
/// SQLCipher is there: plain SQLite ignores `PRAGMA key` and would keep
/// the answers unencrypted.
fn unlock(conn: &Connection, key: &[u8; 32]) -> Result<(), Error> {
    encrypted_db::unlock(conn, key)?;
    let version: Option<String> = conn.query_row("PRAGMA cipher_version", [], |r| r.get(0)).optional()?;
    if version.is_none() {
        return Err(Error::NoEncryption);
    }
    conn.query_row("SELECT COUNT(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0))?;
    Ok(())
}

/// Turns a plain database left by a version without encryption into a
/// SQLCipher one with `key`, keeping every row: exported into a private
/// file beside it, which then replaces it. Anything else (a new, empty or
/// already encrypted file) is left alone.
fn encrypt_plain_file(path: &Path, key: &[u8; 32]) -> Result<(), Error> {
    let mut header = [0u8; 16];
    let is_plain = std::fs::File::open(path)
        .and_then(|mut file| file.read_exact(&mut header))
        .is_ok_and(|()| &header == PLAIN_HEADER);
    if !is_plain {
        return Ok(());
    }
    let mut encrypted = path.as_os_str().to_owned();
    encrypted.push(".encrypting");
    let encrypted = PathBuf::from(encrypted);
    if encrypted.exists() {
        std::fs::remove_file(&encrypted).map_err(Error::PrivateFile)?;
    }
    private::prepare_database(&encrypted).map_err(Error::PrivateFile)?;
    {
        let plain = encrypted_db::open(path, OpenFlags::default())?;
        plain.execute_batch("PRAGMA cipher_log_level = NONE")?;
        let target = encrypted.to_str().ok_or_else(|| {
            Error::PrivateFile(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the database path is not UTF-8",
            ))
        })?;
        plain.execute(
            "ATTACH DATABASE ?1 AS encrypted KEY ?2",
            params![target, encrypted_db::raw_key(key).as_str()],
        )?;
        plain.query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))?;
        plain.execute("DETACH DATABASE encrypted", [])?;
    }
    std::fs::rename(&encrypted, path).map_err(Error::PrivateFile)?;
    tracing::info!("training database: the plain database was encrypted in place");
    Ok(())
}

/// The first 16 bytes of every plain SQLite database file.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Milliseconds since the Unix epoch.
pub(crate) fn now_millis() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Now as RFC 3339 in UTC, to the second.
pub(crate) fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// SHA-256 of `data`, lowercase hex.
pub(crate) fn sha256_hex(data: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_made_before_the_due_day_gets_its_columns_and_keeps_its_rows() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE dossiers (id TEXT PRIMARY KEY, status TEXT NOT NULL);
             CREATE TABLE history (dossier_id TEXT NOT NULL, seq INTEGER NOT NULL, status TEXT NOT NULL, note TEXT);
             CREATE TABLE payments (dossier_id TEXT PRIMARY KEY, state TEXT NOT NULL);
             INSERT INTO dossiers VALUES ('d1', 'received');
             INSERT INTO history VALUES ('d1', 1, 'received', 'Đã nhận');",
        )
        .unwrap();
        add_missing_columns(&conn).unwrap();
        add_missing_columns(&conn).unwrap();
        let due: Option<String> = conn
            .query_row("SELECT due_date FROM dossiers WHERE id = 'd1'", [], |r| r.get(0))
            .unwrap();
        let (note, handler): (String, Option<String>) = conn
            .query_row("SELECT note, handler FROM history WHERE dossier_id = 'd1'", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((due, note.as_str(), handler), (None, "Đã nhận", None));
    }
}
