//! Files and folders on disk: owner-only permissions, set explicitly so the
//! process umask does not matter, and atomic writes (temporary file, fsync,
//! rename) so a crash never leaves half a file under a valid name.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

/// Creates `folder` (and its parents) if needed and makes it owner-only (0700).
pub(crate) fn private_folder(folder: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    restrict(folder, 0o700);
    Ok(())
}

/// Makes an existing file owner-only (0600); a missing file is not an error.
pub(crate) fn private_file(path: &Path) -> std::io::Result<()> {
    if path.exists() {
        restrict(path, 0o600);
    }
    Ok(())
}

/// Sets a Unix mode. A filesystem that keeps no modes (a network share
/// mounted without Unix extensions) refuses it: that is logged, not fatal,
/// since the data is encrypted anyway.
fn restrict(path: &Path, mode: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Err(error) = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)) {
            tracing::warn!(%error, "owner-only permissions could not be set in the data folder");
        }
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
}

/// Options that create a file readable and writable by its owner only.
pub(crate) fn private_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// Writes `bytes` to `target` through `target.partial`, fsynced and renamed
/// into place, owner-only.
pub(crate) fn write_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temporary = target.with_extension("partial");
    let write = || -> std::io::Result<()> {
        let mut file = private_options().open(&temporary)?;
        private_file(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, target)?;
        target.parent().map_or(Ok(()), sync_folder)
    };
    write().inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

/// Fsyncs a folder, so a rename in it survives a power cut.
pub(crate) fn sync_folder(folder: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    File::open(folder)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}

/// Overwrites a file with zeros and removes it: best effort against the
/// content staying readable in the freed blocks (a journaling or
/// copy-on-write filesystem, or an SSD, may still keep an old copy).
pub(crate) fn wipe(path: &Path) -> std::io::Result<()> {
    let length = std::fs::metadata(path)?.len();
    let mut file = OpenOptions::new().write(true).open(path)?;
    let zeros = vec![0u8; 64 * 1024];
    let mut left = length;
    while left > 0 {
        let chunk = left.min(zeros.len() as u64) as usize;
        file.write_all(&zeros[..chunk])?;
        left -= chunk as u64;
    }
    file.sync_all()?;
    drop(file);
    std::fs::remove_file(path)
}
