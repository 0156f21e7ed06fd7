//! After a submission: the reply to a supplement request, withdrawal,
//! rating, feedback, the e-receipt and the result files.

use assistant::Result;
use assistant::views::ReceiptView;
use portal::types::{Feedback, Rating};
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use super::blocking;
use crate::language::Language;

/// Sends the reply to the supplement request that opened a draft (the
/// answers and files it asks for); it is queued at once and goes out as
/// soon as the portal is reachable.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn submit_supplement(app: AppHandle, draft_id: i64) -> Result<i64> {
    blocking(app, move |state| state.submit_supplement(draft_id)).await
}

/// Asks to withdraw a dossier before a decision, with the person's reason.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app, reason), err)]
pub async fn withdraw_dossier(app: AppHandle, dossier_id: String, reason: String) -> Result<i64> {
    blocking(app, move |state| state.withdraw_dossier(&dossier_id, &reason)).await
}

/// Rates a returned dossier, once.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app, rating), err)]
pub async fn rate_dossier(app: AppHandle, dossier_id: String, rating: Rating) -> Result<i64> {
    blocking(app, move |state| state.rate_dossier(&dossier_id, &rating)).await
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
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app, form, filter_name), err)]
pub async fn send_feedback(app: AppHandle, form: FeedbackForm, filter_name: String) -> Result<Option<i64>> {
    let dialog = app.clone();
    blocking(app, move |state| {
        let files = if form.with_files {
            let picked = dialog
                .dialog()
                .file()
                .set_title(dialog.state::<Language>().message("shell-pick-file-title"))
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
    })
    .await
}

/// Feedback sent from this machine, with the answers so far.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn list_feedback(app: AppHandle) -> Result<Vec<Feedback>> {
    blocking(app, move |state| state.feedback()).await
}

/// A dossier's e-receipt, with what the app checked.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn receipt(app: AppHandle, dossier_id: String) -> Result<ReceiptView> {
    blocking(app, move |state| state.receipt(&dossier_id)).await
}

/// Opens a kept result file with the system viewer; `result-no-viewer`
/// when no program on this computer opens it.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn open_result(app: AppHandle, dossier_id: String, document_id: String) -> Result<()> {
    let opener = app.clone();
    let path = blocking(app, move |state| state.export_result(&dossier_id, &document_id)).await?;
    opener
        .opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|error| {
            tracing::warn!(%error, "the system viewer could not be started");
            assistant::Error::NoViewer
        })
}
