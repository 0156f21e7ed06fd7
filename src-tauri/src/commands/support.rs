//! "Sao chép thông tin hỗ trợ": what an officer sends for a support call.

use assistant::Assistant;
use assistant::support::RecentErrors;
use tauri::{AppHandle, Manager, State};

use crate::language::Language;
use crate::text_size::TextSize;

/// The support text: version, settings, connection and queues, and the last
/// warnings and errors, without personal data (see `assistant::support`).
#[tauri::command(async)]
#[specta::specta]
pub fn support_info(
    app: AppHandle,
    recent: State<'_, RecentErrors>,
    language: State<'_, Language>,
    text_size: State<'_, TextSize>,
) -> String {
    let assistant = app.try_state::<Assistant>();
    assistant::support::support_text(
        assistant.as_deref(),
        &recent.list(),
        language.current().tag(),
        text_size.current(),
    )
}
