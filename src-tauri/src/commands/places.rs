//! Provinces and communes for address fields.

use procedures::admin_units::{self, Commune, Province};

/// Every province, in code order.
#[tauri::command]
#[specta::specta]
pub fn list_provinces() -> Vec<Province> {
    admin_units::provinces().to_vec()
}

/// Communes of a province matching what the user typed.
#[tauri::command]
#[specta::specta]
pub fn search_communes(province: String, query: String) -> Vec<Commune> {
    admin_units::search_communes(&province, &query)
        .into_iter()
        .cloned()
        .collect()
}
