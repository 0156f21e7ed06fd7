//! No command blocks the window's thread with disk or network work: a
//! synchronous command (`#[tauri::command]` on a plain `fn`) runs on the GTK
//! main thread, so only those that read memory may be one. The others are
//! `#[tauri::command(async)]` or `async fn`, which Tauri runs off it.

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
    "list_provinces",
    "search_communes",
    "home_shown",
    "window_ready",
];

#[test]
fn only_in_memory_commands_run_on_the_windows_thread() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
    let mut on_main_thread = Vec::new();
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
            let blocking = line == "#[tauri::command]" && signature.starts_with("pub fn");
            let name = signature
                .trim_start_matches("pub async fn ")
                .trim_start_matches("pub fn ")
                .split('(')
                .next()
                .unwrap()
                .to_owned();
            if blocking && !IN_MEMORY.contains(&name.as_str()) {
                on_main_thread.push(name);
            }
        }
    }
    assert!(commands >= 30, "the scan found the commands ({commands})");
    assert!(
        on_main_thread.is_empty(),
        "these commands touch disk or network on the window's thread; make them #[tauri::command(async)]: {on_main_thread:?}"
    );
}
