//! Opening the data with a passphrase on a PC without an OS keyring.

use serde::Serialize;
use tauri::{AppHandle, Manager};

use crate::lock::Lock;
use assistant::{Error, Result};

/// Whether the UI must ask for the passphrase first.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct LockState {
    /// The data is not open yet.
    pub locked: bool,
    /// The passphrase is being chosen now (a new data folder).
    pub new_folder: bool,
}

/// Whether the data is open. While the data is still being opened with the
/// keyring's key (start-up), answers once that is done.
#[tauri::command]
#[specta::specta]
pub async fn lock_state(app: AppHandle) -> LockState {
    let lock = app.state::<Lock>();
    lock.settled().await;
    let pending = lock.pending();
    LockState {
        locked: pending.is_some(),
        new_folder: pending.unwrap_or(false),
    }
}

/// Opens the data with the passphrase. Argon2id takes a moment and opening
/// starts the training portal (which blocks on its own runtime), so this runs
/// on a blocking thread, never on the window's thread nor on an async worker.
/// The passphrase is never logged or kept.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app, passphrase), err)]
pub async fn unlock(app: AppHandle, passphrase: String) -> Result<()> {
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || handle.state::<Lock>().unlock(&handle, &passphrase))
        .await
        .map_err(|_| Error::Interrupted)?
        .map_err(Error::Launch)
}
