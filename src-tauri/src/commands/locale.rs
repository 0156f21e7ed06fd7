//! The user's language choice, for what the shell itself shows.

use l10n::Locale;
use tauri::{AppHandle, State};

use crate::state::AppState;

/// Switches the window title to the chosen language.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app, state))]
pub fn set_locale(app: AppHandle, state: State<'_, AppState>, locale: String) {
    let locale = Locale::negotiate(&[&locale]);
    *state.locale.write().unwrap_or_else(|p| p.into_inner()) = locale;
    crate::set_window_title(&app, &state.localizer, locale);
}
