//! Finding and reading procedures.

use procedures::catalog::ProcedureSummary;
use procedures::definition::{Definition, UnverifiedFact};
use procedures::elsewhere::Elsewhere;
use procedures::fee::FeeQuote;
use procedures::legacy_units::PlaceInQuery;
use tauri::State;

use assistant::Assistant;
use assistant::Result;

/// Procedures matching what the user typed, best first.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), ret(level = "debug"))]
pub fn search_procedures(state: State<'_, Assistant>, query: String) -> Vec<ProcedureSummary> {
    state.catalog().search(&query)
}

/// The province a search names, by its current or old name ("ở Hà Tây"),
/// so the page can say which province it is now and quote its fee. Off the
/// window's thread: the first call reads the table of old names.
#[tauri::command(async)]
#[specta::specta]
pub fn place_in_query(query: String) -> Option<PlaceInQuery> {
    procedures::legacy_units::place_in_query(&query).map(|(place, _)| place)
}

/// Procedures the query names that this app does not carry, with where to do them.
#[tauri::command]
#[specta::specta]
pub fn search_elsewhere(query: String) -> Vec<Elsewhere> {
    procedures::elsewhere::search(&query).into_iter().cloned().collect()
}

/// One procedure's full definition.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn procedure_detail(state: State<'_, Assistant>, code: String) -> Result<Definition> {
    Ok(state.procedure(&code)?.definition)
}

/// The facts of a procedure (agency, time limit, fee, documents, legal
/// basis) that no verified source backs: the procedure page then tells the
/// person to ask the receiving office before filing.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn unverified_facts(state: State<'_, Assistant>, code: String) -> Result<Vec<UnverifiedFact>> {
    Ok(state.procedure(&code)?.definition.unverified_facts())
}

/// The fee as the procedure's page shows it today: online and at the
/// counter, for the person's province (`01`, `79`…) once they choose one.
/// Off the window's thread: the first call may read the bundled provinces.
#[tauri::command(async)]
#[specta::specta]
#[tracing::instrument(skip(state), err)]
pub fn fee_quote(state: State<'_, Assistant>, code: String, province: Option<String>) -> Result<FeeQuote> {
    state.fee_quote(&code, province.as_deref())
}
