//! Provinces and communes for address fields.

use procedures::admin_units::{self, Commune, Province};

/// Every province, in Vietnamese alphabetical order of its proper name.
#[tauri::command]
#[specta::specta]
pub fn list_provinces() -> Vec<Province> {
    admin_units::provinces_by_name().into_iter().cloned().collect()
}

/// Communes of a province matching what the user typed: by their current
/// name, then by the old name (before 01/07/2025) of a unit they absorbed,
/// with `formerly` set. Off the window's thread: the first search reads and
/// indexes the table of old names.
#[tauri::command(async)]
#[specta::specta]
pub fn search_communes(province: String, query: String) -> Vec<Commune> {
    admin_units::search_communes(&province, &query)
}
