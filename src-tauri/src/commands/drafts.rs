//! Drafts: start, list, resume, autosave, rename, duplicate, delete and undo.

use assistant::views::DraftView;
use assistant::{Assistant, Result};
use procedures::engine::{Answer, InterviewState};
use store::DraftSummary;
use tauri::State;

/// Drafts on this machine, most recent first.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn list_drafts(state: State<'_, Assistant>) -> Result<Vec<DraftSummary>> {
    Ok(state.store.list_drafts()?)
}

/// Starts a draft, filled in from a profile when one is given.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn create_draft(state: State<'_, Assistant>, code: String, profile_id: Option<i64>) -> Result<DraftView> {
    state.create_draft(&code, profile_id)
}

/// Opens a draft to resume it, moving it to the catalog's newer definition first if there is one.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn open_draft(state: State<'_, Assistant>, id: i64) -> Result<DraftView> {
    state.open_draft(id)
}

/// Saves one answer (`null` clears it) and returns the interview as it now
/// stands; the UI says "saved" only when this returns. Answers are personal
/// data and never logged.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state, answer), err)]
pub fn save_answer(
    state: State<'_, Assistant>,
    draft_id: i64,
    code: String,
    field_id: String,
    answer: Option<Answer>,
) -> Result<InterviewState> {
    state.save_answer(draft_id, &code, &field_id, answer.as_ref())
}

/// Remembers the step the user is on.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn save_position(state: State<'_, Assistant>, draft_id: i64, step_id: String) -> Result<()> {
    Ok(state.store.save_position(draft_id, &step_id)?)
}

/// Renames a draft.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state, title), err)]
pub fn rename_draft(state: State<'_, Assistant>, id: i64, title: String) -> Result<()> {
    Ok(state.store.rename_draft(id, &title)?)
}

/// Copies a draft; returns the copy's id.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn duplicate_draft(state: State<'_, Assistant>, id: i64) -> Result<i64> {
    Ok(state.store.duplicate_draft(id)?)
}

/// Deletes a draft; `restore_draft` undoes it until the app restarts.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn delete_draft(state: State<'_, Assistant>, id: i64) -> Result<()> {
    Ok(state.store.delete_draft(id)?)
}

/// Undoes a deletion.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn restore_draft(state: State<'_, Assistant>, id: i64) -> Result<()> {
    Ok(state.store.restore_draft(id)?)
}

/// Forgets a draft's upgrade notice once read.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn dismiss_notice(state: State<'_, Assistant>, id: i64) -> Result<()> {
    Ok(state.store.dismiss_notice(id)?)
}
