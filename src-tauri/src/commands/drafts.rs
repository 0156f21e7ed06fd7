//! Drafts: start, list, resume, autosave, rename, duplicate, delete and undo.

use procedures::engine::{Answer, Answers, InterviewState};
use procedures::refusal::Refusal;
use procedures::upgrade::UpgradeNotice;
use serde::Serialize;
use store::{Attachment, DraftSummary};
use tauri::State;

use super::today;
use crate::error::Result;
use crate::state::AppState;

/// Everything the interview needs to resume a draft.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DraftView {
    /// The draft's list entry.
    pub draft: DraftSummary,
    /// Saved answers, by field id.
    pub answers: Answers,
    /// Fields filled from the profile and not changed since.
    pub prefilled: Vec<String>,
    /// What changed when the draft moved to a newer definition.
    pub notice: Option<UpgradeNotice>,
    /// Attached files.
    pub attachments: Vec<Attachment>,
    /// The interview as the saved answers stand.
    pub state: InterviewState,
    /// Why the portal refused the last submission, until the person changed
    /// what it names.
    pub rejection: Option<Refusal>,
}

/// Drafts on this machine, most recent first.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn list_drafts(state: State<'_, AppState>) -> Result<Vec<DraftSummary>> {
    Ok(state.store.list_drafts()?)
}

/// Starts a draft, filled in from a profile when one is given.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn create_draft(state: State<'_, AppState>, code: String, profile_id: Option<i64>) -> Result<DraftView> {
    let id = state
        .store
        .create_draft(&state.procedure(&code)?, profile_id, today())?;
    view(&state, id)
}

/// Opens a draft to resume it, moving it to the catalog's newer definition first if there is one.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn open_draft(state: State<'_, AppState>, id: i64) -> Result<DraftView> {
    view(&state, id)
}

fn view(state: &AppState, id: i64) -> Result<DraftView> {
    let mut saved = state.store.open_draft(id)?;
    let procedure = state.procedure(&saved.summary.procedure_code)?;
    if procedure.definition.version > saved.summary.procedure_version {
        state.store.upgrade_draft(id, &procedure, today())?;
        saved = state.store.open_draft(id)?;
    }
    Ok(DraftView {
        state: procedures::evaluate(&procedure, &saved.answers, today()),
        attachments: state.store.attachments(id)?,
        rejection: saved.rejection,
        draft: saved.summary,
        answers: saved.answers,
        prefilled: saved.prefilled,
        notice: saved.notice,
    })
}

/// Saves one answer (`null` clears it) and returns the interview as it now
/// stands; the UI says "saved" only when this returns. Answers are personal
/// data and never logged.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state, answer), err)]
pub fn save_answer(
    state: State<'_, AppState>,
    draft_id: i64,
    code: String,
    field_id: String,
    answer: Option<Answer>,
) -> Result<InterviewState> {
    Ok(state.store.save_answer(
        draft_id,
        &state.draft_procedure(draft_id, &code)?,
        &field_id,
        answer.as_ref(),
        today(),
    )?)
}

/// Remembers the step the user is on.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn save_position(state: State<'_, AppState>, draft_id: i64, step_id: String) -> Result<()> {
    Ok(state.store.save_position(draft_id, &step_id)?)
}

/// Renames a draft.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state, title), err)]
pub fn rename_draft(state: State<'_, AppState>, id: i64, title: String) -> Result<()> {
    Ok(state.store.rename_draft(id, &title)?)
}

/// Copies a draft; returns the copy's id.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn duplicate_draft(state: State<'_, AppState>, id: i64) -> Result<i64> {
    Ok(state.store.duplicate_draft(id)?)
}

/// Deletes a draft; `restore_draft` undoes it until the app restarts.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn delete_draft(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.store.delete_draft(id)?)
}

/// Undoes a deletion.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn restore_draft(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.store.restore_draft(id)?)
}

/// Forgets a draft's upgrade notice once read.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn dismiss_notice(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.store.dismiss_notice(id)?)
}
