//! The sandbox's SQLite database: its schema, the lock around the one
//! connection, and the global revision counter.

use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

use rusqlite::{Connection, Transaction};

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
    answers TEXT NOT NULL,
    status TEXT NOT NULL,
    fee INTEGER,
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
    /// one when `path` is `None`.
    pub fn open(path: Option<&Path>) -> rusqlite::Result<Self> {
        let conn = match path {
            Some(path) => {
                let conn = Connection::open(path)?;
                conn.pragma_update(None, "journal_mode", "WAL")?;
                conn.pragma_update(None, "synchronous", "NORMAL")?;
                conn
            }
            None => Connection::open_in_memory()?,
        };
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        Ok(Self { conn: Mutex::new(conn) })
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

/// Takes the next value of the global revision counter, bumped on every
/// change to any dossier.
pub(crate) fn next_revision(tx: &Transaction<'_>) -> rusqlite::Result<i64> {
    tx.query_row(
        "UPDATE counters SET value = value + 1 WHERE name = 'revision' RETURNING value",
        [],
        |row| row.get(0),
    )
}

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
    Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect()
}
