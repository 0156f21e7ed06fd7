//! The interview: the engine's view of the answers given so far.

use procedures::{Answers, InterviewState};
use tauri::State;

use crate::error::{Error, Result};
use crate::state::AppState;

/// Evaluates the answers of a procedure as of today. Answers hold personal
/// data, so they are never logged.
#[tauri::command]
#[tracing::instrument(skip(state, answers), err)]
pub fn evaluate_interview(state: State<'_, AppState>, code: String, answers: Answers) -> Result<InterviewState> {
    let procedure = state.catalog.get(&code).ok_or(Error::ProcedureNotFound(code))?;
    Ok(procedures::evaluate(
        procedure,
        &answers,
        chrono::Local::now().date_naive(),
    ))
}
