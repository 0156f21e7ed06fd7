//! Attachments of a draft's documents.

use procedures::definition::FileKind;
use procedures::engine::InterviewState;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::language::Language;
use assistant::views::AttachmentAdded;
use assistant::{Assistant, Result};

/// Lets the person pick a file in the native dialog, then checks it against
/// the document's rules and attaches it: the file and the interview as it
/// now stands; `None` when the dialog was closed.
/// The path comes from the dialog this command opened, never from the web
/// view, so a page cannot make the app read a file nobody picked.
/// `filter_name` is the dialog's label for the accepted kinds.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(app, state, language, filter_name), err)]
pub fn attach_file(
    app: AppHandle,
    state: State<'_, Assistant>,
    language: State<'_, Language>,
    draft_id: i64,
    code: String,
    document_id: String,
    filter_name: String,
) -> Result<Option<AttachmentAdded>> {
    let document = state.document(draft_id, &code, &document_id)?;
    let extensions = extensions(&document.accepted);
    let picked = app
        .dialog()
        .file()
        .set_title(language.message("shell-pick-file-title"))
        .add_filter(filter_name, &extensions)
        .blocking_pick_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    state.attach(draft_id, &document, &path).map(Some)
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
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn fix_photo(
    state: State<'_, Assistant>,
    draft_id: i64,
    code: String,
    document_id: String,
) -> Result<AttachmentAdded> {
    state.fix_photo(draft_id, &code, &document_id)
}

/// Removes an attachment; the interview of its draft as it now stands.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn remove_attachment(state: State<'_, Assistant>, id: i64) -> Result<InterviewState> {
    state.remove_attachment(id)
}

/// An image attachment as a `data:` URL, for a preview; `null` for a PDF.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn attachment_preview(state: State<'_, Assistant>, id: i64) -> Result<Option<String>> {
    Ok(state.store.attachment_preview(id)?)
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
