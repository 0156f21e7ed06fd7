//! Submitting to the portal and following dossiers: sign-in, the connection
//! state, "Nộp hồ sơ", and the list of submitted dossiers.

use assistant::Assistant;
use assistant::Result;
use assistant::views::{PaymentCode, PortalStatus, Submissions, SubmitResult};
use portal::types::AssistedChannel;
use tauri::{AppHandle, Manager, State};

use super::blocking;

use crate::language::Language;

/// The portal connection's state.
#[tauri::command(async)]
#[specta::specta]
pub fn portal_status(state: State<'_, Assistant>) -> PortalStatus {
    state.portal_status()
}

/// Signs in a test account (training mode, or a sandbox portal).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn sign_in(state: State<'_, Assistant>, account: String) -> Result<PortalStatus> {
    state.sign_in(&account).await
}

/// Signs in through the system browser (the portal's own sign-in page, e.g.
/// VNeID), coming back to the app on a loopback port.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app, state), err)]
pub async fn sign_in_with_browser(app: AppHandle, state: State<'_, Assistant>) -> Result<PortalStatus> {
    use tauri_plugin_opener::OpenerExt;
    let page = format!(
        "<!doctype html><meta charset=utf-8><p>{}</p>",
        app.state::<Language>().message("shell-sign-in-done")
    );
    let open = |url: &str| {
        if let Err(error) = app.opener().open_url(url, None::<&str>) {
            tracing::warn!(%error, "the browser could not be opened");
        }
    };
    state.sign_in_with_browser(open, &page).await
}

/// Signs out (the portal revokes the session's tokens); queued submissions
/// wait for the next sign-in.
#[tauri::command]
#[specta::specta]
pub async fn sign_out(state: State<'_, Assistant>) -> Result<PortalStatus> {
    Ok(state.sign_out().await)
}

/// Submits a ready draft: it goes into the outbox at once and out as soon as
/// the portal is reachable. An officer files it for the citizen served,
/// received through `channel`; for a citizen the channel means nothing.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn submit_draft(app: AppHandle, draft_id: i64, channel: AssistedChannel) -> Result<SubmitResult> {
    blocking(app, move |state| state.submit_draft(draft_id, channel)).await
}

/// The checked VietQR code that pays a dossier's waiting fee, drawn, with
/// what to type when paying by hand. A code that fails a check is never
/// returned (`payment-code-invalid`).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn payment_code(app: AppHandle, dossier_id: String) -> Result<PaymentCode> {
    blocking(app, move |state| state.payment_code(&dossier_id)).await
}

/// Queued and confirmed dossiers.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn list_submissions(app: AppHandle) -> Result<Submissions> {
    blocking(app, move |state| state.list_submissions()).await
}
