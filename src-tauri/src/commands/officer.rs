//! Officer mode: the desk this PC serves, the citizens served one at a
//! time, and the audit log's check and export.

use assistant::Result;
use assistant::officer::DeskView;
use assistant::sessions::Sessions;
use store::AuditCheck;
use tauri::AppHandle;

use super::blocking;
use super::forms::{Kind, save_with_dialog};

/// A CSV table.
const CSV: Kind = Kind {
    name: "CSV",
    extension: "csv",
};

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
        let name = format!("nhat-ky-thao-tac-{}.csv", chrono::Local::now().format("%Y-%m-%d"));
        save_with_dialog(&shell, "shell-export-audit-log-title", &name, &CSV, &csv)
    })
    .await
}

/// The officer's citizen sessions of today (and older ones still holding
/// data), with the one served now.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn sessions(app: AppHandle) -> Result<Sessions> {
    blocking(app, |state| state.sessions()).await
}

/// Starts serving a citizen once their identity passes the checks and
/// their consent is given. The identity is never logged.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip_all, err)]
pub async fn start_session(
    app: AppHandle,
    name: String,
    citizen_id: String,
    birth_date: String,
    consented: bool,
) -> Result<Sessions> {
    blocking(app, move |state| {
        state.start_session(&name, &citizen_id, &birth_date, consented)
    })
    .await
}

/// Serves the session `id` again, or nobody (`null`: a pause).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn resume_session(app: AppHandle, id: Option<i64>) -> Result<Sessions> {
    blocking(app, move |state| state.resume_session(id)).await
}

/// Ends the session `id`: its data leaves this PC now, or once what it
/// still has to send went out.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn end_session(app: AppHandle, id: i64) -> Result<Sessions> {
    blocking(app, move |state| state.end_session(id)).await
}
