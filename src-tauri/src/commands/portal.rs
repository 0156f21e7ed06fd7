//! Submitting to the portal and following dossiers: sign-in, the connection
//! state, "Nộp hồ sơ", and the list of submitted dossiers.

use portal::types::Dossier;
use serde::Serialize;
use store::QueuedSubmission;
use tauri::{Manager, State};

use super::today;
use crate::error::{Error, Result};
use crate::language::Language;
use crate::state::AppState;

/// Which portal the app talks to, and as whom.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct PortalStatus {
    /// True in training mode (the bundled sandbox portal).
    pub training: bool,
    /// The portal's base URL.
    pub base_url: String,
    /// The signed-in account, if any.
    pub account: Option<String>,
    /// Whether the last call reached the portal.
    pub online: bool,
    /// Accounts that can sign in without a browser (the sandbox's test accounts).
    pub test_accounts: Vec<TestAccountView>,
}

/// A sandbox test account.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct TestAccountView {
    /// Account id, used to sign in.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// What "Nộp hồ sơ" did.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SubmitResult {
    /// Outbox id.
    pub outbox_id: i64,
    /// Whether the portal was reachable at the time; if not, it goes out later.
    pub online: bool,
}

/// A submitted dossier with who it is for.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DossierView {
    /// The dossier as the portal last reported it.
    pub dossier: Dossier,
    /// Who it is for.
    pub person: Option<String>,
    /// The draft it came from.
    pub draft_id: Option<i64>,
}

/// Everything submitted from this machine.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Submissions {
    /// Waiting in the outbox for the portal.
    pub queued: Vec<QueuedSubmission>,
    /// Confirmed by the portal.
    pub dossiers: Vec<DossierView>,
}

/// The portal connection's state.
#[tauri::command]
#[specta::specta]
pub fn portal_status(state: State<'_, AppState>) -> PortalStatus {
    state.portal_status()
}

/// Signs in a test account (training mode, or a sandbox portal).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub async fn sign_in(state: State<'_, AppState>, account: String) -> Result<PortalStatus> {
    if !state.test_accounts {
        return Err(Error::NotTraining);
    }
    state
        .worker
        .session()
        .sign_in_test_account(&account)
        .await
        .map_err(Error::Portal)?;
    state.worker.wake();
    Ok(state.portal_status())
}

/// Signs in through the system browser (the portal's own sign-in page, e.g.
/// VNeID), coming back to the app on a loopback port.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app, state), err)]
pub async fn sign_in_with_browser(app: tauri::AppHandle, state: State<'_, AppState>) -> Result<PortalStatus> {
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
    state
        .worker
        .session()
        .sign_in_with_browser(open, &page)
        .await
        .map_err(Error::Portal)?;
    state.worker.wake();
    Ok(state.portal_status())
}

/// Signs out (the portal revokes the session's tokens); queued submissions
/// wait for the next sign-in.
#[tauri::command]
#[specta::specta]
pub async fn sign_out(state: State<'_, AppState>) -> Result<PortalStatus> {
    state.worker.session().sign_out().await;
    Ok(state.portal_status())
}

/// Submits a ready draft: it goes into the outbox at once and out as soon as
/// the portal is reachable.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn submit_draft(state: State<'_, AppState>, draft_id: i64) -> Result<SubmitResult> {
    let draft = state.store.open_draft(draft_id)?;
    let procedure = state.procedure(&draft.summary.procedure_code)?;
    let attachments = state.store.attachments(draft_id)?;
    let payload = sync::submission_payload(&procedure, &draft.answers, &attachments, today()).ok_or(Error::NotReady)?;
    let outbox_id = state.worker.submit(draft_id, &payload)?;
    Ok(SubmitResult {
        outbox_id,
        online: state.worker.is_online(),
    })
}

/// Queued and confirmed dossiers.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn list_submissions(state: State<'_, AppState>) -> Result<Submissions> {
    let dossiers = state
        .store
        .dossiers()?
        .into_iter()
        .filter_map(|d| {
            let dossier = serde_json::from_str(&d.body).ok()?;
            Some(DossierView {
                dossier,
                person: d.person,
                draft_id: d.draft_id,
            })
        })
        .collect();
    Ok(Submissions {
        queued: state.store.queued_submissions()?,
        dossiers,
    })
}
