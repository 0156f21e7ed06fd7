//! Updates: asking whether a newer version is out, installing it once the
//! person agreed, and restarting into it.

use assistant::Assistant;
use tauri::{AppHandle, State};

use crate::update::{self, UpdateError, UpdateOffer};

/// Asks the update server whether a newer version is out (the UI asks at
/// start and when the person asks); the version on offer, if any.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn check_for_update(app: AppHandle, state: State<'_, Assistant>) -> Result<Option<UpdateOffer>, UpdateError> {
    let base = state.portal_status().base_url;
    update::check(&app, &base).await
}

/// Downloads, checks and installs the version on offer, after the person
/// agreed to it; the version installed, which runs after a restart.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn install_update(app: AppHandle) -> Result<String, UpdateError> {
    update::install(&app).await
}

/// Closes the app as its window would and starts the installed version.
#[tauri::command(async)]
#[specta::specta]
pub fn restart_app(app: AppHandle) {
    tracing::info!("restarting into the installed update");
    app.request_restart();
}
