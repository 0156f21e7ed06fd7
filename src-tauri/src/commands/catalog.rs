//! Finding and reading procedures.

use procedures::catalog::ProcedureSummary;
use procedures::definition::Definition;
use tauri::State;

use crate::error::{Error, Result};
use crate::state::AppState;

/// Procedures matching what the user typed, best first.
#[tauri::command]
#[tracing::instrument(skip(state), ret(level = "debug"))]
pub fn search_procedures(state: State<'_, AppState>, query: String) -> Vec<ProcedureSummary> {
    state.catalog.search(&query)
}

/// One procedure's full definition.
#[tauri::command]
#[tracing::instrument(skip(state), err)]
pub fn procedure_detail(state: State<'_, AppState>, code: String) -> Result<Definition> {
    state
        .catalog
        .get(&code)
        .map(|p| p.definition.clone())
        .ok_or(Error::ProcedureNotFound(code))
}
