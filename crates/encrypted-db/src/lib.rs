//! Opening and keying SQLCipher databases, for the app's store and the
//! sandbox portal's training database.
//!
//! Every connection is opened through [`open`] or [`open_in_memory`], which
//! first wait until SQLCipher has finished starting. SQLite marks itself
//! started (`sqlite3_initialize`) *before* it runs SQLCipher's own start-up,
//! and runs that outside its lock; a second thread that opens its first
//! connection in between is told "started", and its `PRAGMA key` then fails
//! with SQLITE_ERROR ("An error occurred with PRAGMA key or rekey…"). Without
//! the wait that happened in about 1.5% of process starts with 32 threads
//! keying at once, and failed CI once (see `tests/first_opens.rs`).

use std::path::Path;
use std::sync::Once;

use rusqlite::{Connection, OpenFlags};
use zeroize::Zeroizing;

unsafe extern "C" {
    /// SQLCipher's start-up (`SQLITE_EXTRA_INIT` of the bundled build). It
    /// holds SQLite's main mutex while it works and returns at once when
    /// already done, so a call waits for a start-up running in another
    /// thread.
    fn sqlcipher_extra_init(arg: *const std::ffi::c_char) -> std::ffi::c_int;
}

/// Waits until SQLite and SQLCipher have both finished starting (once per
/// process; later calls return at once).
fn wait_until_started() -> rusqlite::Result<()> {
    static STARTED: Once = Once::new();
    let mut outcome = Ok(());
    STARTED.call_once(|| {
        // SAFETY: both functions take no pointer (a null argument is what
        // SQLite itself passes) and may be called from any thread at any
        // time; they return SQLITE_OK or an error code.
        let code = unsafe {
            match rusqlite::ffi::sqlite3_initialize() {
                rusqlite::ffi::SQLITE_OK => sqlcipher_extra_init(std::ptr::null()),
                failed => failed,
            }
        };
        if code != rusqlite::ffi::SQLITE_OK {
            outcome = Err(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None));
        }
    });
    outcome
}

/// Opens the database file at `path` with `flags`, once SQLCipher is ready
/// to key it.
pub fn open(path: &Path, flags: OpenFlags) -> rusqlite::Result<Connection> {
    wait_until_started()?;
    Connection::open_with_flags(path, flags)
}

/// Opens a database in memory, once SQLCipher is ready to key it.
pub fn open_in_memory() -> rusqlite::Result<Connection> {
    wait_until_started()?;
    Connection::open_in_memory()
}

/// SQLCipher's form of a raw 256-bit key, `x'<64 hex digits>'`: used as is,
/// with no key derivation, in `PRAGMA key` and `ATTACH … KEY`.
pub fn raw_key(key: &[u8; 32]) -> Zeroizing<String> {
    Zeroizing::new(format!("x'{}'", hex::encode(key)))
}

/// Keys a connection just opened with the raw `key`. SQLCipher's own
/// error log (which would print "hmac check failed" on a wrong key) is
/// silenced first: callers report a wrong key themselves. The key is
/// checked only when the first page is read.
pub fn unlock(connection: &Connection, key: &[u8; 32]) -> rusqlite::Result<()> {
    connection.pragma_update(None, "cipher_log_level", "NONE")?;
    connection.pragma_update(None, "key", raw_key(key).as_str())
}
