//! The local database of the app: drafts and their answers, attachments,
//! citizen profiles and an audit log, in one SQLite file (WAL mode) in the
//! app's data folder, with attachment files beside it under their SHA-256.
//!
//! Every change is one transaction, and a function returns only after the
//! commit, so "saved" on screen always means saved on disk. Opening refuses a
//! database from a newer app, and sets a corrupt file aside instead of
//! overwriting it.

mod attachments;
mod audit;
mod drafts;
mod error;
mod outbox;
mod profiles;
pub mod schema;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use attachments::{Attachment, FileCheck};
pub use drafts::{DraftSummary, OpenedDraft};
pub use error::{AttachmentProblem, Error, Result};
pub use outbox::{Delivery, OutboxItem, QueuedSubmission, SubmittedDossier};
pub use profiles::Profile;

/// File name of the database inside the data folder.
pub const DATABASE_FILE: &str = "tro-ly-dich-vu-cong.sqlite3";

/// The open database and the folder that holds it.
pub struct Store {
    connection: Mutex<Connection>,
    folder: PathBuf,
}

/// What happened while opening, that the user should hear about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenReport {
    /// A corrupt database was moved here, and a new one started.
    pub set_aside: Option<PathBuf>,
}

impl Store {
    /// Opens (or creates) the database in `folder` and brings its schema up
    /// to date.
    pub fn open(folder: &Path) -> Result<(Self, OpenReport)> {
        std::fs::create_dir_all(folder.join(attachments::FOLDER)).map_err(|source| Error::Io {
            path: folder.to_path_buf(),
            source,
        })?;
        let path = folder.join(DATABASE_FILE);
        let mut report = OpenReport::default();
        let connection = match Self::connect(&path) {
            Err(Error::Sqlite(e)) if is_corrupt(&e) => {
                report.set_aside = Some(set_aside(&path)?);
                Self::connect(&path)?
            }
            other => other?,
        };
        Ok((
            Self {
                connection: Mutex::new(connection),
                folder: folder.to_path_buf(),
            },
            report,
        ))
    }

    fn connect(path: &Path) -> Result<Connection> {
        let mut connection = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        connection.busy_timeout(Duration::from_secs(2))?;
        // Reading the header is what fails on a file that is not a database.
        connection.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
        // WAL with FULL sync: a commit survives a crash and a power cut.
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.pragma_update(None, "foreign_keys", "ON")?;
        let migrations = schema::migrations();
        let supported = schema::version_count();
        let found: i64 = connection.pragma_query_value(None, "user_version", |row| row.get(0))?;
        let found = usize::try_from(found).unwrap_or(usize::MAX);
        if found > supported {
            return Err(Error::TooNew { found, supported });
        }
        migrations.to_latest(&mut connection)?;
        Ok(connection)
    }

    /// The folder the database and attachments live in.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves no half transaction behind
        // (SQLite rolls it back), so the connection is still good.
        self.connection.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn is_corrupt(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

/// Moves a corrupt database (and its WAL files) to `<name>.corrupt-<time>`.
fn set_aside(path: &Path) -> Result<PathBuf> {
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S");
    let aside = path.with_extension(format!("sqlite3.corrupt-{stamp}"));
    std::fs::rename(path, &aside).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            let _ = std::fs::rename(&side, PathBuf::from(format!("{}{suffix}", aside.display())));
        }
    }
    tracing::warn!(aside = %aside.display(), "a corrupt database was set aside");
    Ok(aside)
}

/// The current time as stored: RFC 3339, UTC, milliseconds.
fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
