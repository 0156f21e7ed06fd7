//! What can go wrong with the local database and attachments. Each variant
//! maps to a Fluent message `error-<code>` in the shell.

use std::path::PathBuf;

use procedures::definition::Meaning;
use procedures::message::Message;

/// A store failure.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database was written by a newer version of the app.
    #[error("the database has schema version {found}; this app knows up to {supported}")]
    TooNew {
        /// Schema version in the file.
        found: usize,
        /// Newest schema version this build knows.
        supported: usize,
    },
    /// Another program (or the app on another PC sharing the folder) holds the database.
    #[error("the database is locked by another process")]
    Locked,
    /// The key does not open this database; nothing was changed.
    #[error("the key does not open this database")]
    WrongKey,
    /// The disk is full; the change was not saved.
    #[error("the disk is full")]
    DiskFull,
    /// The database, the data folder or a file being attached cannot be
    /// read or written. The message never shows the path: it may be the
    /// user's own file, whose name can hold a citizen's name or ID.
    #[error("a file or folder cannot be read or written: {source}")]
    Io {
        /// The file or folder (for the shell to decide what to show; never logged).
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// Values of a profile that the interview's validators refuse, by
    /// meaning, so none is carried into a form.
    #[error("{} profile value(s) refused", .0.len())]
    ProfileValues(Vec<(Meaning, Message)>),
    /// A draft, profile or attachment that does not exist (any more).
    #[error("{what} {id} does not exist")]
    NotFound {
        /// `draft`, `profile` or `attachment`.
        what: &'static str,
        /// Its id.
        id: i64,
    },
    /// The draft was submitted and can no longer change.
    #[error("the draft was submitted and is read-only")]
    Submitted,
    /// An attached file is gone from the data folder, or fails its
    /// integrity check: it cannot be sent or shown, and retrying will not help.
    #[error("an attached file is missing or damaged")]
    AttachmentMissing {
        /// SHA-256 (hex) of the content that was attached.
        sha256: String,
        /// The file is there but does not decrypt to that content.
        damaged: bool,
    },
    /// A file the user picked cannot be attached.
    #[error("the file cannot be attached: {0:?}")]
    Attachment(AttachmentProblem),
    /// Any other SQLite failure.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    /// A migration failed.
    #[error("database migration failed: {0}")]
    Migration(rusqlite_migration::Error),
}

/// Why a file was refused, with what the user needs to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttachmentProblem {
    /// The content is not one of the accepted kinds (checked by content, not name).
    Kind {
        /// Accepted kinds, e.g. `PDF, JPEG, PNG`.
        accepted: String,
    },
    /// The file is larger than the document allows.
    TooLarge {
        /// The limit in MiB.
        limit_mb: u32,
        /// The file's size in MiB, rounded up.
        size_mb: u64,
    },
    /// The file ends early (an interrupted download or copy).
    Truncated,
    /// The file's name has path separators or control characters.
    Name,
    /// The file is empty.
    Empty,
    /// Not a regular file: a folder, a device or a pipe.
    NotAFile,
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Locked,
            Some(ErrorCode::DiskFull) => Error::DiskFull,
            _ => Error::Sqlite(error),
        }
    }
}

impl From<rusqlite_migration::Error> for Error {
    fn from(error: rusqlite_migration::Error) -> Self {
        match error {
            rusqlite_migration::Error::RusqliteError { err, .. } => err.into(),
            other => Error::Migration(other),
        }
    }
}

/// Result of a store operation.
pub type Result<T> = std::result::Result<T, Error>;
