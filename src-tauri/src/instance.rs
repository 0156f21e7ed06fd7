//! One app per data folder, and a window that opens where it was left.
//!
//! A second launch on the same data folder hands over to the running app,
//! which brings its window forward, and exits before opening anything: the
//! database is never opened twice. The window's size, place and maximized
//! state are kept between runs (never its visibility: the window shows once
//! the UI has drawn its first screen, see [`show_where_left`]).

use std::path::Path;
use std::time::Duration;

use sha2::{Digest, Sha256};
use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Manager, Webview, Wry};
use tauri_plugin_window_state::{StateFlags, WindowExt};

/// What is kept of the window: all but its visibility.
fn kept() -> StateFlags {
    StateFlags::all() - StateFlags::VISIBLE
}

/// The identifier's suffix for a data folder other than the platform's:
/// apps on different folders (a trainer's second data set, the tests) run
/// side by side, two on the same folder do not.
pub fn instance_suffix(moved_data: Option<&Path>) -> Option<String> {
    let folder = moved_data?;
    let folder = folder.canonicalize().unwrap_or_else(|_| folder.to_path_buf());
    let digest = Sha256::digest(folder.as_os_str().as_encoded_bytes());
    // A D-Bus name element must not start with a digit.
    Some(format!("d{}", &hex(&digest)[..16]))
}

/// The single-instance plugin, keyed by the data folder.
pub fn single_instance(moved_data: Option<&Path>) -> TauriPlugin<Wry> {
    let builder = tauri_plugin_single_instance::Builder::new().callback(|app, _argv, _cwd| bring_forward(app));
    match instance_suffix(moved_data) {
        // The identifier of tauri.conf.json, which the plugin uses alone otherwise.
        Some(suffix) => builder.dbus_id(format!("vn.trolydichvucong.app.{suffix}")).build(),
        None => builder.build(),
    }
}

/// The window-state plugin; the state file goes with a moved data folder.
/// The main window is put back where it was by `show_where_left`, not when
/// it is made: a hidden GTK window ignores the size it is given.
pub fn window_state(moved_data: Option<&Path>) -> TauriPlugin<Wry> {
    let builder = tauri_plugin_window_state::Builder::default()
        .with_state_flags(kept())
        .skip_initial_state("main");
    match moved_data {
        // An absolute name replaces the platform's configuration folder.
        Some(folder) => builder
            .with_filename(folder.join("window-state.json").to_string_lossy())
            .build(),
        None => builder.build(),
    }
}

/// How long after its page has loaded the window shows even if the UI never
/// said its first screen is drawn (a broken page must not leave it hidden).
const SHOW_AT_THE_LATEST: Duration = Duration::from_secs(2);

/// Shows the window, at the size and place it was left. It starts hidden
/// and the UI calls this once its first screen is drawn: shown earlier, GTK
/// would wait up to half a second for a first frame from a web process busy
/// starting the page, and the person would see an empty window. Later calls
/// (a reload) find it shown and leave it.
pub fn show_where_left(webview: &Webview) {
    let window = webview.window();
    if window.is_visible().unwrap_or(true) {
        return;
    }
    if let Err(error) = window.restore_state(kept()) {
        tracing::warn!(%error, "the window's last size and place could not be restored");
    }
    if let Err(error) = window.show() {
        tracing::warn!(%error, "the window could not be shown");
    }
}

/// After the page has loaded: shows the window in `SHOW_AT_THE_LATEST` if the
/// UI has not by then.
pub fn show_at_the_latest(webview: &Webview) {
    let webview = webview.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(SHOW_AT_THE_LATEST).await;
        let on_main = webview.clone();
        if let Err(error) = webview.run_on_main_thread(move || show_where_left(&on_main)) {
            tracing::warn!(%error, "the window could not be shown");
        }
    });
}

/// Ends the app as closing its window does (the window's state kept, the
/// results put out for a viewer removed) when the session ends or a
/// terminal stops it: SIGTERM, SIGINT or SIGHUP.
pub fn exit_on_signals(app: &AppHandle) {
    use tokio::signal::unix::{SignalKind, signal};
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let (Ok(mut term), Ok(mut interrupt), Ok(mut hangup)) = (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
            signal(SignalKind::hangup()),
        ) else {
            tracing::warn!("the stop signals cannot be listened to");
            return;
        };
        tokio::select! {
            _ = term.recv() => {}
            _ = interrupt.recv() => {}
            _ = hangup.recv() => {}
        }
        tracing::info!("stopped by a signal; closing as the window would");
        app.exit(0);
    });
}

fn bring_forward(app: &AppHandle) {
    tracing::info!("a second launch brought the window forward");
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    let shown = window
        .unminimize()
        .and_then(|()| window.show())
        .and_then(|()| window.set_focus());
    if let Err(error) = shown {
        tracing::warn!(%error, "the window could not be brought forward");
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_data_folder_has_its_own_instance_and_the_platforms_has_the_plain_one() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let suffix_a = instance_suffix(Some(a.path())).unwrap();
        assert_eq!(
            instance_suffix(Some(a.path())),
            Some(suffix_a.clone()),
            "the same folder, the same instance"
        );
        assert_ne!(
            instance_suffix(Some(b.path())),
            Some(suffix_a.clone()),
            "another folder runs beside it"
        );
        let dotted = a.path().join(".").join("..").join(a.path().file_name().unwrap());
        assert_eq!(
            instance_suffix(Some(&dotted)),
            Some(suffix_a.clone()),
            "the folder, however it is written"
        );
        assert!(
            suffix_a.starts_with('d') && suffix_a.len() == 17 && suffix_a[1..].bytes().all(|c| c.is_ascii_hexdigit())
        );
        assert_eq!(instance_suffix(None), None);
    }
}
