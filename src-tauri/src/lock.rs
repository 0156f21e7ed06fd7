//! The data folder's lock. With an OS keyring the data opens on a thread of
//! its own while the window loads; where no keyring exists, nothing is
//! opened until the person types the passphrase, and no command but
//! `unlock` has data to work on.

use std::sync::{Arc, Mutex};

use l10n::Localizer;
use tauri::{AppHandle, Manager};
use tokio::sync::watch;

use assistant::launch::{self, LaunchError, Settings};

/// Whether the data is open, and what opening it needs.
pub struct Lock {
    waiting: Mutex<Option<Waiting>>,
    /// `false` while the data is being opened with the keyring's key.
    settled: watch::Sender<bool>,
}

struct Waiting {
    settings: Settings,
    localizer: Arc<Localizer>,
    new_folder: bool,
}

impl Lock {
    /// The data is being opened with the keyring's key; `settle` says when
    /// it is open.
    pub fn opening() -> Self {
        Self {
            waiting: Mutex::new(None),
            settled: watch::Sender::new(false),
        }
    }

    /// The data waits for a passphrase; `new_folder` when it is being chosen.
    pub fn waiting(settings: Settings, localizer: Arc<Localizer>, new_folder: bool) -> Self {
        Self {
            waiting: Mutex::new(Some(Waiting {
                settings,
                localizer,
                new_folder,
            })),
            settled: watch::Sender::new(true),
        }
    }

    /// Marks the opening done: the app's state is managed from now on.
    pub fn settle(&self) {
        self.settled.send_replace(true);
    }

    /// Returns once the data is open or waits for its passphrase.
    pub async fn settled(&self) {
        let mut settled = self.settled.subscribe();
        // The sender lives as long as the lock, so waiting cannot fail.
        let _ = settled.wait_for(|done| *done).await;
    }

    /// `None` when open; else whether the passphrase is being chosen.
    pub fn pending(&self) -> Option<bool> {
        self.lock().as_ref().map(|w| w.new_folder)
    }

    /// Opens the data with the passphrase and hands the app its state.
    /// A wrong passphrase leaves everything as it was, to try again.
    pub fn unlock(&self, app: &AppHandle, passphrase: &str) -> Result<(), LaunchError> {
        let mut waiting = self.lock();
        let Some(w) = waiting.as_ref() else {
            return Ok(());
        };
        let key = vault::passphrase_key(&w.settings.folder, passphrase)?;
        let state = launch::open(
            tauri::async_runtime::handle().inner(),
            &w.settings,
            w.localizer.clone(),
            &key,
            None,
            crate::events::forwarder(app, w.localizer.clone()),
        )?;
        app.manage(state);
        *waiting = None;
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Waiting>> {
        self.waiting.lock().unwrap_or_else(|p| p.into_inner())
    }
}
