//! No command blocks the window's thread, or one of the async runtime's few
//! threads, with disk, crypto, dialog or network work. A synchronous command
//! (`#[tauri::command]` on a plain `fn`) runs on the GTK main thread, and
//! `#[tauri::command(async)]` on a plain `fn` runs on a runtime thread (one
//! per core), holding it until it returns: only commands that read memory,
//! or write a one-line setting, may be either. The others are `async fn`
//! that hand blocking work to the blocking pool (`commands::blocking`).

use std::fs;
use std::path::Path;

/// Commands that only read memory (the catalog's search elsewhere and its
/// definitions, the bundled places) or show the window, and may answer on the
/// main thread. Those the first screen waits for (the catalog, the language,
/// the text size, the portal's state) answer off it: at start-up the window's
/// thread is busy drawing.
const IN_MEMORY: &[&str] = &[
    "search_elsewhere",
    "procedure_detail",
    "unverified_facts",
    "list_provinces",
    "home_shown",
    "window_ready",
];

/// Commands that read memory (after a one-time load, as the old commune
/// names) or keep a one-line setting, and may answer on a runtime thread.
const ON_RUNTIME: &[&str] = &[
    "current_locale",
    "set_locale",
    "text_size",
    "set_text_size",
    "search_procedures",
    "place_in_query",
    "fee_quote",
    "search_communes",
    "portal_status",
    "startup_notices",
    "support_info",
    "restart_app",
];

#[test]
fn only_in_memory_commands_hold_the_windows_or_a_runtime_thread() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
    let mut on_main_thread = Vec::new();
    let mut holding_a_runtime_thread = Vec::new();
    let mut commands = 0;
    for entry in fs::read_dir(&dir).unwrap().filter_map(Result::ok) {
        let text = fs::read_to_string(entry.path()).unwrap();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            let line = line.trim();
            if !line.starts_with("#[tauri::command") {
                continue;
            }
            commands += 1;
            let signature = lines
                .by_ref()
                .map(str::trim)
                .find(|l| l.starts_with("pub fn") || l.starts_with("pub async fn"))
                .expect("a command attribute is followed by its function");
            let synchronous = signature.starts_with("pub fn");
            let name = signature
                .trim_start_matches("pub async fn ")
                .trim_start_matches("pub fn ")
                .split('(')
                .next()
                .unwrap()
                .to_owned();
            if synchronous && line == "#[tauri::command]" && !IN_MEMORY.contains(&name.as_str()) {
                on_main_thread.push(name);
            } else if synchronous && line != "#[tauri::command]" && !ON_RUNTIME.contains(&name.as_str()) {
                holding_a_runtime_thread.push(name);
            }
        }
    }
    assert!(commands >= 30, "the scan found the commands ({commands})");
    assert!(
        on_main_thread.is_empty(),
        "these commands touch disk or network on the window's thread; make them async fn that use commands::blocking: {on_main_thread:?}"
    );
    assert!(
        holding_a_runtime_thread.is_empty(),
        "these commands hold one of the async runtime's threads while they touch disk, a dialog or the network; make them async fn that use commands::blocking: {holding_a_runtime_thread:?}"
    );
}
