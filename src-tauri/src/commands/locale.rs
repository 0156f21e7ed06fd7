//! The language the person chose: Rust keeps it (see [`crate::language`])
//! and speaks it in the window title, notifications, the file dialog and the
//! browser sign-in page.

use l10n::Locale;
use tauri::{AppHandle, State};

use crate::language::Language;

/// The language chosen on this computer (`vi` or `en`), Vietnamese until one is chosen.
#[tauri::command(async)]
#[specta::specta]
pub fn current_locale(language: State<'_, Language>) -> String {
    language.current().tag().to_owned()
}

/// Switches to the chosen language and keeps the choice for the next start.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(app, language))]
pub fn set_locale(app: AppHandle, language: State<'_, Language>, locale: String) {
    let locale = Locale::negotiate(&[&locale]);
    language.choose(locale);
    crate::set_window_title(&app, &language);
}
