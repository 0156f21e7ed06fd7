//! The desktop shell of Trợ lý Dịch vụ công: builds the shared state, sets up
//! the window and registers the commands. Everything the app knows lives in
//! the library crates; this crate only connects them to the window.

pub mod commands;
pub mod error;
pub mod events;
pub mod state;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

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

/// Environment variable with a portal's base URL; without it the app runs in
/// training mode against the bundled sandbox portal.
pub const PORTAL_URL_VARIABLE: &str = "TRO_LY_PORTAL_URL";

/// Environment variable naming the test account to sign in at start
/// (training mode signs in `cong-dan` by default).
pub const TEST_ACCOUNT_VARIABLE: &str = "TRO_LY_TEST_ACCOUNT";

/// Environment variable with the status polling interval in seconds.
pub const POLL_SECONDS_VARIABLE: &str = "TRO_LY_POLL_SECS";

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
    let localizer = Arc::new(Localizer::bundled().expect("the bundled locales load"));
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .setup(move |app| {
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
            let store = Arc::new(store);
            let catalog = with_stored_updates(&catalog, &store);
            let (training_portal, base_url) = match std::env::var(PORTAL_URL_VARIABLE) {
                Ok(url) => (None, url),
                Err(_) => {
                    let sandbox = tauri::async_runtime::block_on(start_training_portal(&folder))?;
                    let url = sandbox.base_url();
                    (Some(sandbox), url)
                }
            };
            let poll = std::env::var(POLL_SECONDS_VARIABLE)
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(10);
            let config = sync::Config {
                poll_every: Duration::from_secs(poll),
                ..sync::Config::default()
            };
            let (handle, events_localizer) = (app.handle().clone(), localizer.clone());
            let worker = sync::Worker::new(store.clone(), portal::Client::new(&base_url), config, move |event| {
                events::forward(&handle, &events_localizer, event)
            });
            worker.set_known_versions(
                catalog
                    .procedures()
                    .iter()
                    .map(|p| (p.definition.code.clone(), p.definition.version))
                    .collect(),
            );
            let account = std::env::var(TEST_ACCOUNT_VARIABLE)
                .ok()
                .or_else(|| training_portal.as_ref().map(|_| "cong-dan".to_owned()));
            let signing_in = worker.clone();
            tauri::async_runtime::spawn(async move {
                if let Some(account) = account
                    && let Err(error) = signing_in.session().sign_in_test_account(&account).await
                {
                    tracing::warn!(%error, "the test account could not sign in at start");
                }
                signing_in.run().await;
            });
            let state = AppState {
                catalog: std::sync::RwLock::new(catalog),
                localizer,
                store,
                worker,
                training_portal,
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
            commands::portal::portal_status,
            commands::portal::sign_in,
            commands::portal::sign_in_with_browser,
            commands::portal::sign_out,
            commands::portal::submit_draft,
            commands::portal::list_submissions,
        ])
        .run(tauri::generate_context!())
        .expect("the Tauri runtime starts");
}

/// The bundled catalog with the newer definitions fetched from the portal
/// in earlier runs; one that no longer loads is skipped.
fn with_stored_updates(bundled: &Catalog, store: &Store) -> Catalog {
    let updates = store
        .catalog_updates()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(code, _, _, body)| {
            let definition = serde_json::from_str(&body).ok()?;
            procedures::Procedure::from_definition(&format!("portal:{code}"), definition)
                .inspect_err(|error| tracing::warn!(%error, "a stored catalog update is skipped"))
                .ok()
        });
    bundled.with_updates(updates)
}

/// Starts the bundled sandbox portal on 127.0.0.1 with its own database in
/// the data folder; its dossiers move on by themselves every minute.
async fn start_training_portal(folder: &Path) -> Result<portal_sandbox::Sandbox, portal_sandbox::Error> {
    let config = portal_sandbox::Config {
        database: Some(folder.join("training-portal.sqlite3")),
        auto_advance: Some(Duration::from_secs(60)),
        ..portal_sandbox::Config::default()
    };
    portal_sandbox::Sandbox::start(config).await
}

fn set_window_title(app: &AppHandle, localizer: &Localizer, locale: Locale) {
    if let Some(window) = app.get_webview_window("main") {
        let title = localizer.message(locale, "shell-window-title", None);
        if let Err(error) = window.set_title(&title) {
            tracing::warn!(%error, "could not set the window title");
        }
    }
}
