//! What the user must hear about from start-up.

use tauri::{State, Webview};

use crate::instance;
use assistant::AppError;
use assistant::Assistant;

/// Messages from start-up, e.g. a corrupt database that was set aside.
#[tauri::command(async)]
#[specta::specta]
pub fn startup_notices(state: State<'_, Assistant>) -> Vec<AppError> {
    state.startup_notices.clone()
}

/// The UI shows the home screen with its topics and search box; logged once
/// per run, as the end of start-up that `bench/startup.sh` times. The window,
/// hidden until now, shows with the home screen drawn.
#[tauri::command]
#[specta::specta]
pub fn home_shown(webview: Webview) {
    tracing::info!("home shown");
    instance::show_where_left(&webview);
}

/// The UI has drawn a first screen other than home (the passphrase, the
/// notice that the data is opening): the window shows.
#[tauri::command]
#[specta::specta]
pub fn window_ready(webview: Webview) {
    instance::show_where_left(&webview);
}
