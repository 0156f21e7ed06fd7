//! Printed forms the person saves: the what-to-bring checklist.

use assistant::Result;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

use super::blocking;
use crate::language::Language;

/// Draws the procedure's what-to-bring checklist as a PDF, in the app's
/// language, and saves it where the person chooses in the native dialog;
/// `false` when the dialog was closed. The path comes from the dialog this
/// command opened, never from the web view.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn save_checklist(app: AppHandle, code: String) -> Result<bool> {
    let shell = app.clone();
    blocking(app, move |state| {
        let language = shell.state::<Language>();
        let pdf = state.checklist_pdf(&code, language.current())?;
        let picked = shell
            .dialog()
            .file()
            .set_title(language.message("shell-save-checklist-title"))
            .set_file_name(format!("giay-to-can-mang-{code}.pdf"))
            .add_filter("PDF", &["pdf"])
            .blocking_save_file();
        let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
            return Ok(false);
        };
        std::fs::write(&path, pdf).map_err(assistant::Error::FileNotSaved)?;
        Ok(true)
    })
    .await
}
