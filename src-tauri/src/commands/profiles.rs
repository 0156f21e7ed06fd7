//! Profiles: a person's data given once, reused to fill in forms.

use store::Profile;
use tauri::State;

use crate::error::{Error, Result};
use crate::state::AppState;

/// Every profile on this machine.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn list_profiles(state: State<'_, AppState>) -> Result<Vec<Profile>> {
    Ok(state.store.list_profiles()?)
}

/// Creates or updates a profile.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state, profile), err)]
pub fn save_profile(state: State<'_, AppState>, profile: Profile) -> Result<Profile> {
    Ok(state.store.save_profile(&profile)?)
}

/// Deletes a profile.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn delete_profile(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.store.delete_profile(id)?)
}

/// Copies a changed answer of a draft back into the profile it came from.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn update_profile_from_draft(
    state: State<'_, AppState>,
    draft_id: i64,
    code: String,
    field_id: String,
) -> Result<Profile> {
    let procedure = state.draft_procedure(draft_id, &code)?;
    let meaning = procedure
        .definition
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.id == field_id)
        .and_then(|f| f.meaning)
        .ok_or_else(|| Error::NoMeaning(field_id.clone()))?;
    Ok(state.store.update_profile_from_draft(draft_id, &field_id, meaning)?)
}
