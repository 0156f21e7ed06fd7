//! The local database of the app: drafts and their answers, attachments,
//! citizen profiles, the outbox, secrets and an audit log, in one SQLCipher
//! file (WAL mode) in the app's data folder, with attachment files beside it
//! encrypted with XChaCha20-Poly1305 (see [`StoreKey`] for the keys).
//!
//! Every change is one transaction, and a function returns only after the
//! commit, so "saved" on screen always means saved on disk. Opening refuses a
//! database from a newer app or a wrong key, sets a corrupt file aside
//! instead of overwriting it, encrypts a plain database left by an earlier
//! version in place, and holds the database exclusively: a second process
//! (another PC on a shared drive included) gets [`Error::Locked`].

mod attachments;
mod audit;
mod crypto;
mod desk;
mod drafts;
mod error;
mod files;
mod followups;
mod outbox;
mod plain;
mod profiles;
pub mod schema;
mod secrets;
mod sessions;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use attachments::{Attachment, FileCheck};
pub use audit::{AuditCheck, AuditEntry, AuditProblem};
pub use crypto::StoreKey;
pub use desk::Desk;
pub use drafts::{DraftSummary, OpenedDraft};
pub use error::{AttachmentProblem, Error, Result};
pub use followups::{ActionItem, ActionKind, ActionState, ActionSummary, SavedResult, SupplementScope};
pub use outbox::{Delivery, OutboxItem, QueuedSubmission, SubmittedDossier};
pub use profiles::Profile;
pub use sessions::{CitizenSession, Ended, NewSession, ServedCitizen};

use crypto::Keys;

/// File name of the database inside the data folder.
pub const DATABASE_FILE: &str = "tro-ly-dich-vu-cong.sqlite3";

/// File beside the database holding a value derived from the key, so a
/// wrong key is told apart from a damaged database.
const KEY_CHECK_FILE: &str = "tro-ly-dich-vu-cong.key-check";

/// Databases set aside as corrupt are deleted this long after.
const SET_ASIDE_DAYS: i64 = 30;

/// The open database and the folder that holds it.
pub struct Store {
    connection: Mutex<Connection>,
    folder: PathBuf,
    keys: Keys,
    officer: Mutex<Option<String>>,
    scope: Mutex<Option<sessions::Scope>>,
}

/// What happened while opening, that the user should hear about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenReport {
    /// A corrupt database was moved here, and a new one started.
    pub set_aside: Option<PathBuf>,
    /// A plain database of an earlier version was encrypted in place.
    pub encrypted: bool,
}

impl Store {
    /// Opens (or creates) the database in `folder` with `key`, brings its
    /// schema up to date and holds it exclusively until dropped.
    ///
    /// The folder is made owner-only (0700) and the files in it 0600. A plain
    /// database (from a version before encryption) is encrypted in place
    /// with every row and file kept. A wrong key is [`Error::WrongKey`] and
    /// leaves everything untouched; a damaged file is set aside (see
    /// [`OpenReport::set_aside`]), and set-aside files older than 30 days are
    /// deleted.
    pub fn open(folder: &Path, key: &StoreKey) -> Result<(Self, OpenReport)> {
        let keys = Keys::derive(key);
        let io = |source| Error::Io {
            path: folder.to_path_buf(),
            source,
        };
        files::private_folder(folder).map_err(io)?;
        files::private_folder(&folder.join(attachments::FOLDER)).map_err(io)?;
        remove_old_set_asides(folder, chrono::Utc::now());
        let path = folder.join(DATABASE_FILE);
        let key_known = match std::fs::read(folder.join(KEY_CHECK_FILE)) {
            Ok(check) if check.as_slice() == keys.check_value() => true,
            Ok(_) => return Err(Error::WrongKey),
            Err(_) => false,
        };
        let mut report = OpenReport::default();
        if plain::is_plain(&path).map_err(io)? {
            plain::encrypt_database(folder, &path, &keys)?;
            report.encrypted = true;
        }
        let connection = match connect(&path, &keys) {
            Err(Error::Sqlite(e)) if is_corrupt(&e) => {
                if !key_known && plain::looks_encrypted(&path) {
                    return Err(Error::WrongKey);
                }
                report.set_aside = Some(set_aside(&path)?);
                connect(&path, &keys)?
            }
            other => other?,
        };
        if !key_known {
            let check = folder.join(KEY_CHECK_FILE);
            files::write_atomically(&check, keys.check_value()).map_err(io)?;
        }
        for suffix in ["", "-wal", "-shm"] {
            files::private_file(&side_file(&path, suffix)).map_err(io)?;
        }
        let store = Self {
            connection: Mutex::new(connection),
            folder: folder.to_path_buf(),
            keys,
            officer: Mutex::new(None),
            scope: Mutex::new(None),
        };
        store.encrypt_plain_files()?;
        Ok((store, report))
    }

    /// The folder the database and attachments live in.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Names the officer whose actions the audit log records from now on
    /// (`None` outside officer mode).
    pub fn set_officer(&self, officer: Option<&str>) {
        *self.officer.lock().unwrap_or_else(|p| p.into_inner()) = officer.map(str::to_owned);
    }

    /// The officer the audit log names, if any.
    fn officer(&self) -> Option<String> {
        self.officer.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves no half transaction behind
        // (SQLite rolls it back), so the connection is still good.
        self.connection.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The database file in `folder` opened with `key` and nothing more: no
/// migration, no exclusive lock, no permission change. For integrity checks
/// and tests; the app uses [`Store::open`]. Fails with [`Error::Locked`]
/// while a [`Store`] holds the folder.
pub fn raw_connection(folder: &Path, key: &StoreKey) -> Result<Connection> {
    let connection = encrypted_db::open(
        &folder.join(DATABASE_FILE),
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    keyed(&connection, &Keys::derive(key))?;
    connection.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
    Ok(connection)
}

/// Every text and blob of every table of the database `connection` opens,
/// one value per line: what a test searches to prove that something (a
/// citizen's ID number, their name) is nowhere in the data any more.
pub fn all_text(connection: &Connection) -> Result<String> {
    let tables: Vec<String> = connection
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut all = String::new();
    for table in tables {
        let mut statement = connection.prepare(&format!("SELECT * FROM \"{table}\""))?;
        let columns = statement.column_count();
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            for i in 0..columns {
                if let rusqlite::types::ValueRef::Text(bytes) | rusqlite::types::ValueRef::Blob(bytes) =
                    row.get_ref(i)?
                {
                    all.push_str(&String::from_utf8_lossy(bytes));
                    all.push('\n');
                }
            }
        }
    }
    Ok(all)
}

/// Gives a fresh connection its key (a wrong key is reported as
/// [`Error::WrongKey`], not on stderr).
fn keyed(connection: &Connection, keys: &Keys) -> Result<()> {
    encrypted_db::unlock(connection, keys.database_key())?;
    connection.busy_timeout(Duration::from_secs(2))?;
    Ok(())
}

fn connect(path: &Path, keys: &Keys) -> Result<Connection> {
    if !path.exists() {
        // Created owner-only before SQLite sees it; SQLite gives its WAL
        // the same mode as the database file.
        files::private_options().open(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
    }
    let mut connection = encrypted_db::open(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    keyed(&connection, keys)?;
    // Exclusive before WAL is entered: the WAL index then lives in this
    // process's memory, not in a shared-memory file (which breaks on a
    // network drive), and no other process can open the database.
    connection.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    // Reading the header is what fails on a wrong key or a file that is not a database.
    connection.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
    // WAL with FULL sync: a commit survives a crash and a power cut.
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "FULL")?;
    connection.pragma_update(None, "foreign_keys", "ON")?;
    // Deleted rows are overwritten with zeros, not left in free pages.
    connection.pragma_update(None, "secure_delete", "ON")?;
    // Take the exclusive lock now (it is then held until the store is dropped).
    connection.execute_batch("BEGIN EXCLUSIVE; COMMIT;")?;
    schema::check_version(&connection)?;
    schema::migrations().to_latest(&mut connection)?;
    Ok(connection)
}

fn is_corrupt(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

/// `<database><suffix>`, e.g. its WAL file for `-wal`.
fn side_file(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Prefix of the name of a database set aside as corrupt.
fn set_aside_prefix() -> String {
    format!("{DATABASE_FILE}.corrupt-")
}

/// Moves a corrupt database (and its WAL files) to `<name>.corrupt-<time>`.
fn set_aside(path: &Path) -> Result<PathBuf> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let aside = path.with_file_name(format!("{}{stamp}", set_aside_prefix()));
    std::fs::rename(path, &aside).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    for suffix in ["-wal", "-shm"] {
        let side = side_file(path, suffix);
        if side.exists() {
            let _ = std::fs::rename(&side, side_file(&aside, suffix));
        }
    }
    tracing::warn!("a corrupt database was set aside");
    Ok(aside)
}

/// Deletes databases set aside more than [`SET_ASIDE_DAYS`] before `now`
/// (by the time in their name); what cannot be read or deleted is left.
fn remove_old_set_asides(folder: &Path, now: chrono::DateTime<chrono::Utc>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let prefix = set_aside_prefix();
    for entry in entries.filter_map(std::result::Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&prefix) else {
            continue;
        };
        let stamp = rest.split('-').next().unwrap_or_default();
        let Ok(at) = chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%S") else {
            continue;
        };
        if now.naive_utc() - at > chrono::TimeDelta::days(SET_ASIDE_DAYS) {
            match std::fs::remove_file(entry.path()) {
                Ok(()) => tracing::info!("a database set aside more than 30 days ago was deleted"),
                Err(error) => tracing::warn!(%error, "a database set aside long ago could not be deleted"),
            }
        }
    }
}

/// The current time as stored: RFC 3339, UTC, milliseconds.
fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
