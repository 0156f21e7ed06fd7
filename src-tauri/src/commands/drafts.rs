//! Drafts: start, list, resume, autosave, rename, duplicate, delete and undo.

use assistant::Result;
use assistant::views::DraftView;
use procedures::engine::{Answer, InterviewState};
use store::DraftSummary;
use tauri::AppHandle;

use super::blocking;

/// Drafts on this machine, most recent first.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn list_drafts(app: AppHandle) -> Result<Vec<DraftSummary>> {
    blocking(app, move |state| Ok(state.store.list_drafts()?)).await
}

/// Starts a draft, filled in from a profile when one is given.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn create_draft(app: AppHandle, code: String, profile_id: Option<i64>) -> Result<DraftView> {
    blocking(app, move |state| state.create_draft(&code, profile_id)).await
}

/// Opens a draft to resume it, moving it to the catalog's newer definition first if there is one.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn open_draft(app: AppHandle, id: i64) -> Result<DraftView> {
    blocking(app, move |state| state.open_draft(id)).await
}

/// Saves one answer (`null` clears it) and returns the interview as it now
/// stands; the UI says "saved" only when this returns. Answers are personal
/// data and never logged.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app, answer), err)]
pub async fn save_answer(
    app: AppHandle,
    draft_id: i64,
    code: String,
    field_id: String,
    answer: Option<Answer>,
) -> Result<InterviewState> {
    blocking(app, move |state| {
        state.save_answer(draft_id, &code, &field_id, answer.as_ref())
    })
    .await
}

/// Remembers the step the user is on.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn save_position(app: AppHandle, draft_id: i64, step_id: String) -> Result<()> {
    blocking(app, move |state| Ok(state.store.save_position(draft_id, &step_id)?)).await
}

/// Renames a draft.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app, title), err)]
pub async fn rename_draft(app: AppHandle, id: i64, title: String) -> Result<()> {
    blocking(app, move |state| Ok(state.store.rename_draft(id, &title)?)).await
}

/// Copies a draft; returns the copy's id.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn duplicate_draft(app: AppHandle, id: i64) -> Result<i64> {
    blocking(app, move |state| Ok(state.store.duplicate_draft(id)?)).await
}

/// Deletes a draft; `restore_draft` undoes it until the app restarts.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn delete_draft(app: AppHandle, id: i64) -> Result<()> {
    blocking(app, move |state| Ok(state.store.delete_draft(id)?)).await
}

/// Undoes a deletion.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn restore_draft(app: AppHandle, id: i64) -> Result<()> {
    blocking(app, move |state| Ok(state.store.restore_draft(id)?)).await
}

/// Forgets a draft's upgrade notice once read.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn dismiss_notice(app: AppHandle, id: i64) -> Result<()> {
    blocking(app, move |state| Ok(state.store.dismiss_notice(id)?)).await
}
