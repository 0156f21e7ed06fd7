//! Databases and files from before encryption: a plain database of an
//! earlier version is encrypted in place on its first open with a key, and
//! the plain attachment files after it.
//!
//! The database: migrated to the newest schema, copied with
//! `sqlcipher_export` into a temporary encrypted file (`user_version`
//! copied too: the export does not), fsynced, the plain WAL checkpointed and
//! removed, then renamed over the plain file. A crash at any point leaves
//! either the plain database or the encrypted one, whole. A marker file is
//! written before the rename and removed once every plain attachment file
//! is encrypted, so an interrupted run finishes at the next open.

use std::path::Path;

use rusqlite::OpenFlags;

use crate::crypto::{Keys, MAGIC};
use crate::{Error, Result, Store, attachments, files, schema, side_file};

/// The first 16 bytes of every plain SQLite database.
const PLAIN_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Beside the database while plain attachment files may be left to encrypt.
const PLAIN_FILES_MARKER: &str = "attachments.plain-pending";

/// Whether `path` is a plain (unencrypted) SQLite database.
pub(crate) fn is_plain(path: &Path) -> std::io::Result<bool> {
    use std::io::Read;
    let mut header = [0u8; 16];
    match std::fs::File::open(path) {
        Ok(mut file) => Ok(file.read_exact(&mut header).is_ok() && &header == PLAIN_HEADER),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Whether a file that does not open with the key still has the shape of an
/// encrypted database (whole pages), so the key, not the file, is wrong.
pub(crate) fn looks_encrypted(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() > 0 && m.len() % 512 == 0)
}

/// Encrypts the plain database at `path` in place.
pub(crate) fn encrypt_database(folder: &Path, path: &Path, keys: &Keys) -> Result<()> {
    let io = |source| Error::Io {
        path: folder.to_path_buf(),
        source,
    };
    let temporary = path.with_file_name(format!("{}.encrypting", crate::DATABASE_FILE));
    let _ = std::fs::remove_file(&temporary);
    files::private_options().open(&temporary).map_err(io)?;
    let target = temporary.to_str().ok_or_else(|| {
        io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the data folder's path is not UTF-8",
        ))
    })?;
    let export = || -> Result<()> {
        let mut plain = encrypted_db::open(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        plain.busy_timeout(std::time::Duration::from_secs(2))?;
        schema::check_version(&plain)?;
        plain.pragma_update(None, "foreign_keys", "ON")?;
        schema::migrations().to_latest(&mut plain)?;
        let version: i64 = plain.pragma_query_value(None, "user_version", |row| row.get(0))?;
        plain.execute(
            "ATTACH DATABASE ?1 AS encrypted KEY ?2",
            [target, encrypted_db::raw_key(keys.database_key()).as_str()],
        )?;
        plain.query_row("SELECT sqlcipher_export('encrypted')", [], |_| Ok(()))?;
        plain.pragma_update(Some("encrypted"), "user_version", version)?;
        plain.execute("DETACH DATABASE encrypted", [])?;
        plain.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        plain.close().map_err(|(_, e)| Error::from(e))
    };
    export().inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })?;
    std::fs::File::open(&temporary).and_then(|f| f.sync_all()).map_err(io)?;
    files::write_atomically(&folder.join(PLAIN_FILES_MARKER), b"").map_err(io)?;
    // The plain WAL must go before the rename: SQLite would replay it into
    // the encrypted file. It was checkpointed into the plain file above.
    for suffix in ["-wal", "-shm"] {
        match std::fs::remove_file(side_file(path, suffix)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(e)),
            _ => {}
        }
    }
    std::fs::rename(&temporary, path).map_err(io)?;
    files::sync_folder(folder).map_err(io)?;
    tracing::info!("a plain database was encrypted in place");
    Ok(())
}

impl Store {
    /// Encrypts the attachment files left plain by an earlier version (when
    /// the marker says some may be left), each atomically, and wipes the
    /// plain copy.
    pub(crate) fn encrypt_plain_files(&self) -> Result<()> {
        let marker = self.folder().join(PLAIN_FILES_MARKER);
        if !marker.exists() {
            return Ok(());
        }
        let folder = self.folder().join(attachments::FOLDER);
        let io = |source| Error::Io {
            path: folder.clone(),
            source,
        };
        for entry in std::fs::read_dir(&folder).map_err(io)? {
            let path = entry.map_err(io)?.path();
            let content = std::fs::read(&path).map_err(io)?;
            if content.starts_with(MAGIC) {
                continue;
            }
            let sha256 = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&content));
            self.write_file(&sha256, &content)?;
            files::wipe(&path).map_err(io)?;
        }
        files::sync_folder(&folder).map_err(io)?;
        std::fs::remove_file(&marker).map_err(io)?;
        tracing::info!("plain attachment files were encrypted");
        Ok(())
    }
}
