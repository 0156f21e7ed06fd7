//! Profiles: a person's data given once, reused to fill in forms.

use store::Profile;
use tauri::AppHandle;

use super::blocking;
use assistant::Result;

/// Every profile on this machine.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn list_profiles(app: AppHandle) -> Result<Vec<Profile>> {
    blocking(app, move |state| Ok(state.store.list_profiles()?)).await
}

/// Creates or updates a profile.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app, profile), err)]
pub async fn save_profile(app: AppHandle, profile: Profile) -> Result<Profile> {
    blocking(app, move |state| Ok(state.store.save_profile(&profile)?)).await
}

/// Deletes a profile.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn delete_profile(app: AppHandle, id: i64) -> Result<()> {
    blocking(app, move |state| Ok(state.store.delete_profile(id)?)).await
}

/// Copies a changed answer of a draft back into the profile it came from.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn update_profile_from_draft(
    app: AppHandle,
    draft_id: i64,
    code: String,
    field_id: String,
) -> Result<Profile> {
    blocking(app, move |state| {
        state.update_profile_from_draft(draft_id, &code, &field_id)
    })
    .await
}
