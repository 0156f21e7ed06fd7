//! Opening the data with a passphrase on a PC without an OS keyring.

use serde::Serialize;
use tauri::{AppHandle, State};

use crate::error::{Error, Result};
use crate::lock::Lock;

/// Whether the UI must ask for the passphrase first.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct LockState {
    /// The data is not open yet.
    pub locked: bool,
    /// The passphrase is being chosen now (a new data folder).
    pub new_folder: bool,
}

/// Whether the data is open.
#[tauri::command]
#[specta::specta]
pub fn lock_state(lock: State<'_, Lock>) -> LockState {
    let pending = lock.pending();
    LockState {
        locked: pending.is_some(),
        new_folder: pending.unwrap_or(false),
    }
}

/// Opens the data with the passphrase (Argon2id takes a moment, so this
/// runs off the window's thread). The passphrase is never logged or kept.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(app, lock, passphrase), err)]
pub fn unlock(app: AppHandle, lock: State<'_, Lock>, passphrase: String) -> Result<()> {
    lock.unlock(&app, &passphrase).map_err(Error::Launch)
}
