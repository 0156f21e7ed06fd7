//! Printed forms the person saves: the what-to-bring checklist, and the
//! desk's receipt and appointment slip.

use assistant::Result;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

use super::blocking;
use crate::language::Language;

/// A file of a given kind, for the native save dialog.
pub(crate) struct Kind {
    /// The filter's name, e.g. `PDF`.
    pub name: &'static str,
    /// The extension, without the dot.
    pub extension: &'static str,
}

/// A PDF.
const PDF: Kind = Kind {
    name: "PDF",
    extension: "pdf",
};

/// Asks where to save `bytes` in the native dialog (titled by the Fluent
/// message `title`, `file_name` offered) and writes them there; `false`
/// when the dialog was closed. The path comes from the dialog, never from
/// the web view. Blocks: call it inside [`blocking`].
pub(crate) fn save_with_dialog(
    shell: &AppHandle,
    title: &str,
    file_name: &str,
    kind: &Kind,
    bytes: &[u8],
) -> Result<bool> {
    let picked = shell
        .dialog()
        .file()
        .set_title(shell.state::<Language>().message(title))
        .set_file_name(file_name)
        .add_filter(kind.name, &[kind.extension])
        .blocking_save_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(false);
    };
    std::fs::write(&path, bytes).map_err(assistant::Error::FileNotSaved)?;
    Ok(true)
}

/// Draws the procedure's what-to-bring checklist as a PDF, in the app's
/// language, and saves it where the person chooses in the native dialog;
/// `false` when the dialog was closed.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn save_checklist(app: AppHandle, code: String) -> Result<bool> {
    let shell = app.clone();
    blocking(app, move |state| {
        let pdf = state.checklist_pdf(&code, shell.state::<Language>().current())?;
        let name = format!("giay-to-can-mang-{code}.pdf");
        save_with_dialog(&shell, "shell-save-checklist-title", &name, &PDF, &pdf)
    })
    .await
}

/// Draws the receipt and appointment slip of a dossier filed from this PC
/// (an officer only, once the desk is set) as a PDF of two copies, and saves
/// it where the officer chooses in the native dialog; `false` when the
/// dialog was closed. The slip names the citizen, so nothing is written
/// before the officer picks the place.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn save_receipt_slip(app: AppHandle, dossier_id: String) -> Result<bool> {
    let shell = app.clone();
    blocking(app, move |state| {
        let pdf = state.receipt_slip_pdf(&dossier_id, shell.state::<Language>().current())?;
        save_with_dialog(
            &shell,
            "shell-save-receipt-slip-title",
            "giay-tiep-nhan-ho-so.pdf",
            &PDF,
            &pdf,
        )
    })
    .await
}
