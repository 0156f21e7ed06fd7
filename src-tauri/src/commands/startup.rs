//! What the user must hear about from start-up.

use tauri::State;

use assistant::AppError;
use assistant::Assistant;

/// Messages from start-up, e.g. a corrupt database that was set aside.
#[tauri::command(async)]
#[specta::specta]
pub fn startup_notices(state: State<'_, Assistant>) -> Vec<AppError> {
    state.startup_notices.clone()
}

/// The UI shows the home screen with its topics and search box; logged once
/// per run, as the end of start-up that `bench/startup.sh` times.
#[tauri::command]
#[specta::specta]
pub fn home_shown() {
    tracing::info!("home shown");
}
