//! The desktop shell of Trợ lý Dịch vụ công: builds the shared state, sets up
//! the window and registers the commands. Everything the app knows lives in
//! the library crates; this crate only connects them to the window.

pub mod commands;
pub mod error;
pub mod state;

use std::collections::BTreeMap;
use std::path::PathBuf;

use l10n::{Locale, Localizer};
use procedures::Catalog;
use store::Store;
use tauri::webview::PageLoadEvent;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

use crate::error::AppError;
use crate::state::AppState;

/// Environment variable that moves the data folder (tests, a help desk's
/// shared drive); the platform's app-data folder otherwise.
pub const DATA_DIR_VARIABLE: &str = "TRO_LY_DATA_DIR";

/// Drafts deleted this long ago are removed for good at start-up; the UI
/// offers its undo for a few seconds only.
const UNDO_WINDOW: chrono::Duration = chrono::Duration::minutes(1);

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
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let folder = match std::env::var_os(DATA_DIR_VARIABLE) {
                Some(dir) => PathBuf::from(dir),
                None => app.path().app_data_dir()?,
            };
            let (store, report) = match Store::open(&folder) {
                Ok(opened) => opened,
                Err(error) => {
                    tracing::error!(%error, folder = %folder.display(), "the database cannot be opened");
                    let text = localizer.message(Locale::Vi, &format!("error-{}", AppError::from(&error).code), None);
                    app.dialog()
                        .message(text)
                        .kind(MessageDialogKind::Error)
                        .blocking_show();
                    return Err(error.into());
                }
            };
            let cutoff = (chrono::Utc::now() - UNDO_WINDOW).to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
            if let Err(error) = store.purge_deleted(&cutoff) {
                tracing::warn!(%error, "deleted drafts could not be purged; they stay in the bin");
            }
            let startup_notices = report
                .set_aside
                .map(|path| AppError {
                    code: "store-set-aside".into(),
                    args: BTreeMap::from([("path".into(), path.display().to_string())]),
                })
                .into_iter()
                .collect();
            let state = AppState {
                catalog,
                localizer,
                store,
                startup_notices,
            };
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
            commands::places::list_provinces,
            commands::places::search_communes,
            commands::locale::set_locale,
            commands::startup::startup_notices,
            commands::drafts::list_drafts,
            commands::drafts::create_draft,
            commands::drafts::open_draft,
            commands::drafts::save_answer,
            commands::drafts::save_position,
            commands::drafts::rename_draft,
            commands::drafts::duplicate_draft,
            commands::drafts::delete_draft,
            commands::drafts::restore_draft,
            commands::drafts::dismiss_notice,
            commands::profiles::list_profiles,
            commands::profiles::save_profile,
            commands::profiles::delete_profile,
            commands::profiles::update_profile_from_draft,
            commands::attachments::attach_file,
            commands::attachments::remove_attachment,
            commands::attachments::attachment_preview,
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
