//! The desktop shell of Trợ lý Dịch vụ công: builds the shared state, sets up
//! the window and registers the commands. Everything the app knows lives in
//! the library crates; this crate only connects them to the window.

pub mod commands;
pub mod error;
pub mod state;

use l10n::{Locale, Localizer};
use procedures::Catalog;
use tauri::webview::PageLoadEvent;
use tauri::{AppHandle, Manager};

use crate::state::AppState;

/// Starts the app; returns when the last window closes.
pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();
    // Both are compiled into the binary and checked by tests, so failing
    // here means a broken build, not a user's problem to solve.
    let catalog = Catalog::bundled().expect("the bundled catalog loads");
    let localizer = Localizer::bundled().expect("the bundled locales load");
    tauri::Builder::default()
        .setup(|app| {
            let state = AppState { catalog, localizer };
            set_window_title(app.handle(), &state.localizer, Locale::Vi);
            app.manage(state);
            Ok(())
        })
        .on_page_load(|window, payload| {
            // bench/startup.sh times start-up to this line.
            if payload.event() == PageLoadEvent::Finished {
                tracing::info!(window = window.label(), "page loaded");
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::catalog::search_procedures,
            commands::catalog::procedure_detail,
            commands::interview::evaluate_interview,
            commands::places::list_provinces,
            commands::places::search_communes,
            commands::locale::set_locale,
        ])
        .run(tauri::generate_context!())
        .expect("the Tauri runtime starts");
}

fn set_window_title(app: &AppHandle, localizer: &Localizer, locale: Locale) {
    if let Some(window) = app.get_webview_window("main") {
        let title = localizer.message(locale, "shell-window-title", None);
        if let Err(error) = window.set_title(&title) {
            tracing::warn!(%error, "could not set the window title");
        }
    }
}
