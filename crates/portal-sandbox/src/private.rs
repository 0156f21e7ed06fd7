//! Files only their owner may read (mode 0600 on Unix): the database with
//! its journal files, and the admin token file.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The suffixes of the files SQLite keeps beside a database in WAL mode.
const SQLITE_SIDE_FILES: [&str; 2] = ["-wal", "-shm"];

fn options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Sets mode 0600 on an existing file (the mode given at creation does not
/// change a file that already exists).
fn restrict(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Creates the database file when missing and makes it and the journal
/// files beside it private; SQLite gives new journal files the mode of the
/// database file.
pub(crate) fn prepare_database(path: &Path) -> io::Result<()> {
    options().open(path)?;
    restrict(path)?;
    for suffix in SQLITE_SIDE_FILES {
        let mut side = PathBuf::from(path).into_os_string();
        side.push(suffix);
        let side = PathBuf::from(side);
        if side.exists() {
            restrict(&side)?;
        }
    }
    Ok(())
}

/// Writes `contents` to `path`, private from the first byte.
pub(crate) fn write(path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = options().truncate(true).open(path)?;
    restrict(path)?;
    file.write_all(contents)?;
    file.sync_all()
}
