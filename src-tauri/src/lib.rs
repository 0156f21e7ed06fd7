//! The desktop shell of Trợ lý Dịch vụ công: builds the shared state, sets up
//! the window and registers the commands. Everything the app knows lives in
//! the library crates; this crate only connects them to the window.

pub mod commands;
pub mod events;
pub mod instance;
pub mod language;
pub mod lock;
pub mod navigation;
pub mod text_size;
pub mod unverified;
pub mod update;

use std::sync::Arc;

use l10n::{Locale, Localizer};
use tauri::webview::PageLoadEvent;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

use crate::language::Language;
use crate::lock::Lock;
use crate::text_size::TextSize;
use assistant::AppError;
use assistant::launch::{self, KeySource, LaunchError, Settings};

/// Starts the app; returns when the last window closes.
pub fn run() {
    // The locales are compiled into the binary and checked by tests, so
    // failing here means a broken build, not a person's problem to solve.
    let localizer = Arc::new(Localizer::bundled().expect("the bundled locales load"));
    let contract = contract();
    let events = contract.clone();
    let moved_data = std::env::var_os(launch::DATA_DIR_VARIABLE).map(std::path::PathBuf::from);
    let built = tauri::Builder::default()
        // First, so a second launch hands over before anything is opened.
        .plugin(instance::single_instance(moved_data.as_deref()))
        .plugin(instance::window_state(moved_data.as_deref()))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_updater::Builder::new().build())
        .plugin(navigation::guard())
        .setup(move |app| {
            let handle = app.handle().clone();
            start_logging(&handle);
            instance::exit_on_signals(&handle);
            events.mount_events(app);
            let refuse = |error: LaunchError| {
                cannot_start(&handle, &localizer, &error);
                error
            };
            let settings = Settings::from_env(|| handle.path().app_data_dir().ok()).map_err(refuse)?;
            let language = Language::load(&settings.folder, localizer.clone());
            set_window_title(&handle, &language);
            app.manage(language);
            app.manage(TextSize::load(&settings.folder));
            app.manage(update::Updates::default());
            match KeySource::for_folder(&settings.folder) {
                KeySource::Keyring(ring) => {
                    // Opened off the window's thread, so the page loads
                    // meanwhile; `lock_state` answers once it is open.
                    app.manage(Lock::opening());
                    let localizer = localizer.clone();
                    tauri::async_runtime::spawn_blocking(move || {
                        let opened = vault::data_key(&ring).map_err(LaunchError::from).and_then(|key| {
                            launch::open(
                                tauri::async_runtime::handle().inner(),
                                &settings,
                                localizer.clone(),
                                &key,
                                Some(ring),
                                events::forwarder(&handle, localizer.clone()),
                            )
                        });
                        match opened {
                            Ok(state) => {
                                handle.manage(state);
                                handle.state::<Lock>().settle();
                            }
                            Err(error) => {
                                cannot_start(&handle, &localizer, &error);
                                handle.exit(1);
                            }
                        }
                    });
                }
                KeySource::Passphrase { new_folder } => {
                    app.manage(Lock::waiting(settings, localizer.clone(), new_folder));
                }
            }
            Ok(())
        })
        .on_page_load(|window, payload| {
            // bench/startup.sh times the bare window's start-up to this line.
            if payload.event() == PageLoadEvent::Finished {
                tracing::info!(window = window.label(), "page loaded");
                instance::show_at_the_latest(window);
            }
        })
        .invoke_handler(contract.invoke_handler())
        .build(tauri::generate_context!());
    match built {
        Ok(app) => {
            // Result files put out for the system viewer go with the app.
            assistant::followups::clear_opened_results();
            app.run(|_, event| {
                if let tauri::RunEvent::Exit = event {
                    assistant::followups::clear_opened_results();
                }
            });
        }
        Err(error) => {
            // The setup hook has already shown the person why.
            tracing::error!(%error, "the app stopped at start");
            std::process::exit(1);
        }
    }
}

/// The commands and events the window may use. Tauri registers them and
/// `src-tauri/tests/bindings.rs` exports them to `ui/src/lib/bindings.ts`
/// from this one list, so the UI cannot call a command Rust does not have.
pub fn contract() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(tauri_specta::collect_commands![
            commands::lock::lock_state,
            commands::lock::unlock,
            commands::catalog::search_procedures,
            commands::catalog::procedure_detail,
            commands::catalog::unverified_facts,
            commands::catalog::fee_quote,
            commands::catalog::place_in_query,
            commands::forms::save_checklist,
            commands::forms::save_receipt_slip,
            commands::officer::desk,
            commands::officer::set_desk,
            commands::officer::check_audit_log,
            commands::officer::export_audit_log,
            commands::officer::sessions,
            commands::officer::start_session,
            commands::officer::resume_session,
            commands::officer::end_session,
            commands::catalog::search_elsewhere,
            commands::places::list_provinces,
            commands::places::search_communes,
            commands::locale::current_locale,
            commands::locale::set_locale,
            commands::text_size::text_size,
            commands::text_size::set_text_size,
            commands::startup::startup_notices,
            commands::startup::home_shown,
            commands::startup::window_ready,
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
            commands::attachments::fix_photo,
            commands::attachments::remove_attachment,
            commands::attachments::attachment_preview,
            commands::portal::portal_status,
            commands::portal::sign_in,
            commands::portal::sign_in_with_browser,
            commands::portal::sign_out,
            commands::portal::submit_draft,
            commands::portal::list_submissions,
            commands::portal::payment_code,
            commands::followups::submit_supplement,
            commands::followups::withdraw_dossier,
            commands::followups::rate_dossier,
            commands::followups::send_feedback,
            commands::followups::list_feedback,
            commands::followups::receipt,
            commands::followups::open_result,
            commands::support::support_info,
            commands::update::check_for_update,
            commands::update::install_update,
            commands::update::restart_app,
        ])
        .events(tauri_specta::collect_events![
            events::SyncNotice,
            update::UpdateProgress
        ])
        // Errors reject the promise, as a failed `invoke` does, with an AppError.
        .error_handling(tauri_specta::ErrorHandlingMode::Throw)
        // Row ids, sizes and amounts stay far below 2^53, so a JS number holds them.
        .dangerously_cast_bigints_to_number()
}

/// Starts logging to the platform's log folder (`<data folder>/logs` when
/// `TRO_LY_DATA_DIR` moves the data), and keeps the recent warnings for
/// the support text.
fn start_logging(app: &AppHandle) {
    let folder = match std::env::var_os(launch::DATA_DIR_VARIABLE) {
        Some(dir) => Some(std::path::PathBuf::from(dir).join("logs")),
        None => app.path().app_log_dir().ok(),
    };
    let logging = assistant::support::start_logging(folder.as_deref());
    app.manage(logging.recent.clone());
    app.manage(logging);
}

/// Logs why the app cannot start and tells the person in a native dialog,
/// in Vietnamese.
fn cannot_start(app: &AppHandle, localizer: &Localizer, error: &LaunchError) {
    tracing::error!(%error, "the app cannot start");
    let error = AppError::from(error);
    let mut args = l10n::FluentArgs::new();
    for (name, value) in &error.args {
        args.set(name.clone(), value.clone());
    }
    let text = localizer.message(Locale::Vi, &format!("error-{}", error.code.as_str()), Some(&args));
    app.dialog()
        .message(text)
        .kind(MessageDialogKind::Error)
        .blocking_show();
}

fn set_window_title(app: &AppHandle, language: &Language) {
    if let Some(window) = app.get_webview_window("main")
        && let Err(error) = window.set_title(&language.message("shell-window-title"))
    {
        tracing::warn!(%error, "could not set the window title");
    }
}
