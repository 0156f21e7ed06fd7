//! After a submission: the reply to a supplement request, withdrawal,
//! rating, feedback, the e-receipt and the result files.

use assistant::views::ReceiptView;
use assistant::{Assistant, Result};
use portal::types::{Feedback, Rating};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::language::Language;

/// Sends the reply to the supplement request that opened a draft (the
/// answers and files it asks for); it is queued at once and goes out as
/// soon as the portal is reachable.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn submit_supplement(state: State<'_, Assistant>, draft_id: i64) -> Result<i64> {
    state.submit_supplement(draft_id)
}

/// Asks to withdraw a dossier before a decision, with the person's reason.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state, reason), err)]
pub fn withdraw_dossier(state: State<'_, Assistant>, dossier_id: String, reason: String) -> Result<i64> {
    state.withdraw_dossier(&dossier_id, &reason)
}

/// Rates a returned dossier, once.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state, rating), err)]
pub fn rate_dossier(state: State<'_, Assistant>, dossier_id: String, rating: Rating) -> Result<i64> {
    state.rate_dossier(&dossier_id, &rating)
}

/// Lets the person pick up to five files (PDF, JPEG, PNG) for a feedback in
/// the native dialog; `None` when the dialog was closed. The paths never
/// leave Rust: the command answers with their names only and keeps them
/// for [`send_feedback`] in the same call.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(app, state, language, subject, content, filter_name), err)]
pub fn send_feedback(
    app: AppHandle,
    state: State<'_, Assistant>,
    language: State<'_, Language>,
    dossier_code: Option<String>,
    subject: String,
    content: String,
    with_files: bool,
    filter_name: String,
) -> Result<Option<i64>> {
    let files = if with_files {
        let picked = app
            .dialog()
            .file()
            .set_title(language.message("shell-pick-file-title"))
            .add_filter(filter_name, &["pdf", "jpg", "jpeg", "png"])
            .blocking_pick_files();
        let Some(picked) = picked else {
            return Ok(None);
        };
        picked.into_iter().filter_map(|p| p.into_path().ok()).collect()
    } else {
        Vec::new()
    };
    state
        .send_feedback(dossier_code.as_deref(), &subject, &content, &files)
        .map(Some)
}

/// Feedback sent from this machine, with the answers so far.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn list_feedback(state: State<'_, Assistant>) -> Result<Vec<Feedback>> {
    state.feedback()
}

/// A dossier's e-receipt, with what the app checked.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn receipt(state: State<'_, Assistant>, dossier_id: String) -> Result<ReceiptView> {
    state.receipt(&dossier_id)
}

/// Opens a kept result file with the system viewer.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(app, state), err)]
pub fn open_result(app: AppHandle, state: State<'_, Assistant>, dossier_id: String, document_id: String) -> Result<()> {
    let path = state.export_result(&dossier_id, &document_id)?;
    if let Err(error) = app.opener().open_path(path.to_string_lossy(), None::<&str>) {
        tracing::warn!(%error, "the system viewer could not be started");
    }
    Ok(())
}
