//! Profiles: a person's data given once, reused to fill in forms.

use store::Profile;
use tauri::State;

use assistant::Assistant;
use assistant::Result;

/// Every profile on this machine.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn list_profiles(state: State<'_, Assistant>) -> Result<Vec<Profile>> {
    Ok(state.store.list_profiles()?)
}

/// Creates or updates a profile.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state, profile), err)]
pub fn save_profile(state: State<'_, Assistant>, profile: Profile) -> Result<Profile> {
    Ok(state.store.save_profile(&profile)?)
}

/// Deletes a profile.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn delete_profile(state: State<'_, Assistant>, id: i64) -> Result<()> {
    Ok(state.store.delete_profile(id)?)
}

/// Copies a changed answer of a draft back into the profile it came from.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn update_profile_from_draft(
    state: State<'_, Assistant>,
    draft_id: i64,
    code: String,
    field_id: String,
) -> Result<Profile> {
    state.update_profile_from_draft(draft_id, &code, &field_id)
}
