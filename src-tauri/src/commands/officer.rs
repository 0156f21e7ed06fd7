//! Officer mode: the desk this PC serves and the audit log's check and export.

use assistant::Result;
use assistant::officer::DeskView;
use store::AuditCheck;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

use super::blocking;
use crate::language::Language;

/// The desk set on this PC, if any.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn desk(app: AppHandle) -> Result<Option<DeskView>> {
    blocking(app, |state| state.desk()).await
}

/// Sets the desk (an officer only): its name, province and, for a commune's
/// desk, commune. A refused value is `desk-invalid` naming the field.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn set_desk(app: AppHandle, name: String, province: String, commune: Option<String>) -> Result<DeskView> {
    blocking(app, move |state| state.set_desk(&name, &province, commune.as_deref())).await
}

/// Checks the audit log's hash chain now.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn check_audit_log(app: AppHandle) -> Result<AuditCheck> {
    blocking(app, |state| state.check_audit_log()).await
}

/// Saves the whole audit log as CSV where the officer chooses in the native
/// dialog (an officer only); `false` when the dialog was closed.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn export_audit_log(app: AppHandle) -> Result<bool> {
    let shell = app.clone();
    blocking(app, move |state| {
        if !state.is_officer() {
            return Err(assistant::Error::NotOfficer);
        }
        let csv = state.audit_log_csv()?;
        let today = chrono::Local::now().format("%Y-%m-%d");
        let picked = shell
            .dialog()
            .file()
            .set_title(shell.state::<Language>().message("shell-export-audit-log-title"))
            .set_file_name(format!("nhat-ky-thao-tac-{today}.csv"))
            .add_filter("CSV", &["csv"])
            .blocking_save_file();
        let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
            return Ok(false);
        };
        std::fs::write(&path, csv).map_err(assistant::Error::FileNotSaved)?;
        Ok(true)
    })
    .await
}
