//! Sandbox-only agency side: status moves and due-day changes by admin
//! call, and the clock that moves open dossiers forward on its own
//! (training mode), setting the due day when a dossier is taken in.

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use portal::types::{Dossier, DueUpdate, Status, StatusUpdate};

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

/// The desk that takes dossiers in on the training clock.
const TRAINING_DESK: &str = "Bộ phận Một cửa (tập huấn)";

/// Days from receipt to the due day on the training clock.
const TRAINING_DAYS: i64 = 5;

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
                let step = Step {
                    note: Some(note),
                    handler: Some(TRAINING_DESK),
                };
                change_status(tx, &id, next, step)?;
                if next == Status::Received {
                    let due = chrono::Local::now().date_naive() + chrono::Duration::days(TRAINING_DAYS);
                    change_due(tx, &id, &due.format("%Y-%m-%d").to_string(), None, false)?;
                }
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
