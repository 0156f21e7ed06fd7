//! Attachments of a draft's documents.

use std::path::PathBuf;

use store::Attachment;
use tauri::State;

use crate::error::{Error, Result};
use crate::state::AppState;

/// Attaches the file at `path` (picked in the native dialog) to a document
/// of the draft's checklist, after checking it against the document's rules.
#[tauri::command]
#[tracing::instrument(skip(state, path), err)]
pub fn attach_file(
    state: State<'_, AppState>,
    draft_id: i64,
    code: String,
    document_id: String,
    path: PathBuf,
) -> Result<Attachment> {
    let procedure = state.procedure(&code)?;
    let document = procedure
        .definition
        .documents
        .iter()
        .find(|d| d.id == document_id)
        .ok_or(Error::DocumentNotFound(document_id))?;
    Ok(state.store.attach(draft_id, document, &path)?)
}

/// Removes an attachment.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub fn remove_attachment(state: State<'_, AppState>, id: i64) -> Result<()> {
    Ok(state.store.remove_attachment(id)?)
}

/// An image attachment as a `data:` URL, for a preview; `null` for a PDF.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub fn attachment_preview(state: State<'_, AppState>, id: i64) -> Result<Option<String>> {
    Ok(state.store.attachment_preview(id)?)
}
