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

/// A feedback as the person wrote it.
#[derive(Debug, Clone, serde::Deserialize, specta::Type)]
pub struct FeedbackForm {
    /// The dossier it is about, by its code; none for feedback in general.
    pub dossier_code: Option<String>,
    /// Its title.
    pub subject: String,
    /// What happened.
    pub content: String,
    /// Pick files in the native dialog before sending.
    pub with_files: bool,
}

/// Queues a feedback; with `with_files`, the person first picks up to five
/// files (PDF, JPEG, PNG) in the native dialog, and `None` means the dialog
/// was closed. The paths come from the dialog this command opened, never
/// from the web view.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(app, state, language, form, filter_name), err)]
pub fn send_feedback(
    app: AppHandle,
    state: State<'_, Assistant>,
    language: State<'_, Language>,
    form: FeedbackForm,
    filter_name: String,
) -> Result<Option<i64>> {
    let files = if form.with_files {
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
        .send_feedback(form.dossier_code.as_deref(), &form.subject, &form.content, &files)
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

/// Opens a kept result file with the system viewer; `result-no-viewer`
/// when no program on this computer opens it.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(app, state), err)]
pub fn open_result(app: AppHandle, state: State<'_, Assistant>, dossier_id: String, document_id: String) -> Result<()> {
    let path = state.export_result(&dossier_id, &document_id)?;
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|error| {
            tracing::warn!(%error, "the system viewer could not be started");
            assistant::Error::NoViewer
        })
}
