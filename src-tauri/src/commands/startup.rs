//! What the user must hear about from start-up.

use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// Messages from start-up, e.g. a corrupt database that was set aside.
#[tauri::command(async)]
#[specta::specta]
pub fn startup_notices(state: State<'_, AppState>) -> Vec<AppError> {
    state.startup_notices.clone()
}
