//! Sandbox-only agency side: status moves by admin call, and the clock that
//! moves open dossiers forward on its own (training mode).

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use portal::types::{Dossier, Status, StatusUpdate};

use crate::dossiers::change_status;
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
    let dossier = shared
        .db
        .transaction(|tx| change_status(tx, &id, update.status, update.note.as_deref()))?;
    Ok(Json(dossier))
}

/// The next status on the automatic clock, for the statuses it moves.
fn forward(status: Status) -> Option<(Status, &'static str)> {
    match status {
        Status::Submitted => Some((Status::Received, "Bộ phận một cửa đã tiếp nhận hồ sơ.")),
        Status::Received => Some((Status::InReview, "Hồ sơ đang được giải quyết.")),
        Status::InReview => Some((Status::ResultReady, "Đã có kết quả giải quyết.")),
        _ => None,
    }
}

/// Moves every open dossier one status forward.
fn advance_once(shared: &Shared) -> Result<usize, ApiError> {
    shared.db.transaction(|tx| {
        let open: Vec<String> = [Status::Submitted, Status::Received, Status::InReview]
            .iter()
            .map(|s| format!("'{}'", s.name()))
            .collect();
        let mut statement = tx.prepare(&format!(
            "SELECT id, status FROM dossiers WHERE status IN ({}) ORDER BY revision",
            open.join(", ")
        ))?;
        let rows = statement
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut moved = 0;
        for (id, status) in rows {
            let status =
                Status::from_name(&status).ok_or_else(|| ApiError::bad_request(format!("unknown status {status}")))?;
            if let Some((next, note)) = forward(status) {
                change_status(tx, &id, next, Some(note))?;
                moved += 1;
            }
        }
        Ok(moved)
    })
}

/// Runs [`advance_once`] every `every`, until the task is aborted.
pub(crate) async fn auto_advance(shared: Arc<Shared>, every: Duration) {
    let mut clock = tokio::time::interval(every);
    clock.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    clock.tick().await;
    loop {
        clock.tick().await;
        match advance_once(&shared) {
            Ok(0) => {}
            Ok(n) => tracing::debug!("auto-advance: {n} dossiers moved forward"),
            Err(e) => tracing::warn!("auto-advance failed: {:?}", e.problem().detail),
        }
    }
}
