//! The text size the person chose: Rust keeps it (see [`crate::text_size`]).

use tauri::State;

use crate::text_size::TextSize;

/// The text size chosen on this computer, in percent (100 until one is chosen).
#[tauri::command(async)]
#[specta::specta]
pub fn text_size(size: State<'_, TextSize>) -> u16 {
    size.current()
}

/// Switches to the offered text size nearest `percent` (100 to 200) and
/// keeps it for the next start; the size now in use.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(size))]
pub fn set_text_size(size: State<'_, TextSize>, percent: u16) -> u16 {
    size.choose(percent)
}
