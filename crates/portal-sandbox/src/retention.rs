//! The training sandbox keeps citizens' data only as long as training
//! needs it: dossiers unchanged for longer than [`crate::Config::retention`]
//! are deleted with their answers, history and files, at start and once a
//! day, together with expired sign-in codes and tokens.

use std::sync::Arc;
use std::time::Duration;

use chrono::{SecondsFormat, TimeDelta, Utc};
use rusqlite::params;

use crate::state::Shared;

/// How often the retention sweep runs after the one at start.
const SWEEP_EVERY: Duration = Duration::from_secs(24 * 3600);

/// The SQL time of a dossier's last change: its creation, a status move or
/// a received file, whichever is latest (all RFC 3339 UTC, so they compare
/// as text).
const LAST_CHANGE: &str = "MAX(d.created_at, \
     COALESCE((SELECT MAX(at) FROM history WHERE dossier_id = d.id), ''), \
     COALESCE((SELECT MAX(received_at) FROM attachments WHERE dossier_id = d.id), ''))";

/// Deletes what is past its time; returns how many dossiers went. The WAL
/// is then emptied, so the deleted rows do not linger in old frames
/// (`secure_delete` already zeroes them in the database file).
pub(crate) fn purge(shared: &Shared) -> rusqlite::Result<usize> {
    let cutoff = TimeDelta::from_std(shared.config.retention)
        .ok()
        .and_then(|age| Utc::now().checked_sub_signed(age))
        .map(|at| at.to_rfc3339_opts(SecondsFormat::Secs, true));
    let deleted = shared.db.transaction(|tx| {
        crate::auth::prune(tx)?;
        let Some(cutoff) = &cutoff else {
            return Ok(0);
        };
        tx.execute(
            &format!("CREATE TEMP TABLE expired AS SELECT d.id FROM dossiers d WHERE {LAST_CHANGE} < ?1"),
            params![cutoff],
        )?;
        tx.execute(
            "DELETE FROM request_keys WHERE target IN (SELECT id FROM temp.expired)",
            [],
        )?;
        for table in [
            "history",
            "due_changes",
            "payments",
            "attachments",
            "idempotency_keys",
            "followups",
            "result_files",
        ] {
            tx.execute(
                &format!("DELETE FROM {table} WHERE dossier_id IN (SELECT id FROM temp.expired)"),
                [],
            )?;
        }
        let deleted = tx.execute("DELETE FROM dossiers WHERE id IN (SELECT id FROM temp.expired)", [])?;
        crate::feedback::purge_before(tx, cutoff)?;
        tx.execute("DROP TABLE temp.expired", [])?;
        Ok::<_, rusqlite::Error>(deleted)
    })?;
    if deleted > 0 {
        shared.db.checkpoint()?;
        tracing::info!("retention: {deleted} dossiers past their keeping time deleted");
    }
    Ok(deleted)
}

/// Runs [`purge`] once a day, until the task is aborted.
pub(crate) async fn every_day(shared: Arc<Shared>) {
    let mut clock = tokio::time::interval(SWEEP_EVERY);
    clock.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    clock.tick().await;
    loop {
        clock.tick().await;
        if let Err(e) = purge(&shared) {
            tracing::warn!("retention sweep failed: {e}");
        }
    }
}
