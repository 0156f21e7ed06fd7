//! Tauri commands: each unpacks its arguments and calls one method of the
//! [`assistant::Assistant`] (or of the shell's own lock, language and text size).

pub mod attachments;
pub mod catalog;
pub mod drafts;
pub mod followups;
pub mod forms;
pub mod locale;
pub mod lock;
pub mod officer;
pub mod places;
pub mod portal;
pub mod profiles;
pub mod startup;
pub mod support;
pub mod text_size;
pub mod update;

use assistant::{Assistant, Result};
use tauri::{AppHandle, Manager};

/// Runs `work` with the app's state on Tokio's blocking pool, in the
/// caller's tracing span, and waits for it without holding a runtime
/// thread: disk, crypto and the native file dialog block, and a command run
/// on one of the runtime's few threads (one per core) would keep every other
/// command waiting behind it.
async fn blocking<T, F>(app: AppHandle, work: F) -> Result<T>
where
    T: Send + 'static,
    F: FnOnce(&Assistant) -> Result<T> + Send + 'static,
{
    let span = tracing::Span::current();
    tauri::async_runtime::spawn_blocking(move || {
        let _entered = span.enter();
        // Managed from the moment the data is open; the UI asks for nothing
        // that needs it before then.
        let state = app.try_state::<Assistant>().ok_or(assistant::Error::Interrupted)?;
        work(&state)
    })
    .await
    .map_err(|_| assistant::Error::Interrupted)?
}
