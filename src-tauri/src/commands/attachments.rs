//! Attachments of a draft's documents.

use procedures::definition::FileKind;
use procedures::engine::InterviewState;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

use super::blocking;
use crate::language::Language;
use assistant::Result;
use assistant::views::AttachmentAdded;

/// Lets the person pick a file in the native dialog, then checks it against
/// the document's rules and attaches it: the file and the interview as it
/// now stands; `None` when the dialog was closed.
/// The path comes from the dialog this command opened, never from the web
/// view, so a page cannot make the app read a file nobody picked.
/// `filter_name` is the dialog's label for the accepted kinds.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app, filter_name), err)]
pub async fn attach_file(
    app: AppHandle,
    draft_id: i64,
    code: String,
    document_id: String,
    filter_name: String,
) -> Result<Option<AttachmentAdded>> {
    let dialog = app.clone();
    blocking(app, move |state| {
        let document = state.document(draft_id, &code, &document_id)?;
        let extensions = extensions(&document.accepted);
        let picked = dialog
            .dialog()
            .file()
            .set_title(dialog.state::<Language>().message("shell-pick-file-title"))
            .add_filter(filter_name, &extensions)
            .blocking_pick_file();
        let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
            return Ok(None);
        };
        state.attach(draft_id, &document, &path).map(Some)
    })
    .await
}

/// File-name endings the dialog offers for these kinds (all three when none is named).
fn extensions(kinds: &[FileKind]) -> Vec<&'static str> {
    let all = [FileKind::Pdf, FileKind::Jpeg, FileKind::Png];
    let kinds = if kinds.is_empty() { &all[..] } else { kinds };
    kinds
        .iter()
        .flat_map(|kind| match kind {
            FileKind::Pdf => &["pdf"][..],
            FileKind::Jpeg => &["jpg", "jpeg"][..],
            FileKind::Png => &["png"][..],
        })
        .copied()
        .collect()
}

/// Replaces the portrait photo attached to a document with a copy cropped
/// to its ratio and shrunk to its size limit; the person's file is untouched.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn fix_photo(app: AppHandle, draft_id: i64, code: String, document_id: String) -> Result<AttachmentAdded> {
    blocking(app, move |state| state.fix_photo(draft_id, &code, &document_id)).await
}

/// Removes an attachment; the interview of its draft as it now stands.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn remove_attachment(app: AppHandle, id: i64) -> Result<InterviewState> {
    blocking(app, move |state| state.remove_attachment(id)).await
}

/// An image attachment as a `data:` URL, for a preview; `null` for a PDF.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(app), err)]
pub async fn attachment_preview(app: AppHandle, id: i64) -> Result<Option<String>> {
    blocking(app, move |state| Ok(state.store.attachment_preview(id)?)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dialog_offers_the_documents_kinds_only() {
        assert_eq!(
            extensions(&[FileKind::Pdf]),
            ["pdf"],
            "a PDF-only document offers PDF files"
        );
        assert_eq!(
            extensions(&[]),
            ["pdf", "jpg", "jpeg", "png"],
            "no rule means every kind"
        );
    }
}
