//! Sandbox-only agency side: status moves and due-day changes by admin
//! call. The training clock is in `training`.

use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use portal::types::{Dossier, DueUpdate, StatusUpdate};

use crate::dossiers::{Step, change_due, change_status};
use crate::problem::ApiError;
use crate::state::Shared;

/// `POST /admin/dossiers/{id}/status`: moves a dossier as the agency would;
/// 409 when [`Status::can_move_to`] refuses the move.
pub(crate) async fn set_status(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Result<Json<StatusUpdate>, JsonRejection>,
) -> Result<Json<Dossier>, ApiError> {
    let Json(update) = body?;
    let step = Step {
        note: update.note.as_deref(),
        handler: update.handler.as_deref(),
    };
    let dossier = shared.db.transaction(|tx| {
        let moved = change_status(tx, &id, update.status, step)?;
        match &update.due_date {
            Some(due) => change_due(tx, &id, due, None, false),
            None => Ok(moved),
        }
    })?;
    Ok(Json(dossier))
}

/// `POST /admin/dossiers/{id}/due`: the agency sets or moves the day the
/// result is due, with its reason (and an apology letter when late).
pub(crate) async fn set_due(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Result<Json<DueUpdate>, JsonRejection>,
) -> Result<Json<Dossier>, ApiError> {
    let Json(update) = body?;
    let dossier = shared
        .db
        .transaction(|tx| change_due(tx, &id, &update.due_date, update.reason.as_deref(), update.apology))?;
    Ok(Json(dossier))
}
