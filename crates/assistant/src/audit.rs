//! The audit log as the app shows it: the check of its hash chain at start
//! and on demand, and its export as CSV for an inspection.

use store::{AuditCheck, AuditProblem, Store};

use crate::assistant::Assistant;
use crate::error::{AppError, ErrorCode, Result};

/// The start-up notice for a chain that does not hold, if it does not. A
/// check that cannot run is logged and says nothing: the store's own errors
/// show on the first screen that reads it.
pub(crate) fn startup_notice(store: &Store) -> Option<AppError> {
    match store.check_audit_log() {
        Ok(check) => {
            let notice = check.problem.as_ref().map(AppError::from);
            if notice.is_some() {
                tracing::warn!(entries = check.entries, problem = ?check.problem, "the audit log's chain does not hold");
            }
            notice
        }
        Err(error) => {
            tracing::warn!(%error, "the audit log could not be checked");
            None
        }
    }
}

impl From<&AuditProblem> for AppError {
    fn from(problem: &AuditProblem) -> Self {
        let args = match problem {
            AuditProblem::Changed { id, .. } => [("problem", "changed".to_owned()), ("entry", id.to_string())],
            AuditProblem::Removed { id, .. } => [("problem", "removed".to_owned()), ("entry", id.to_string())],
            AuditProblem::Truncated { sealed, found } => [
                ("problem", "truncated".to_owned()),
                ("missing", sealed.saturating_sub(*found).to_string()),
            ],
        };
        AppError {
            code: ErrorCode::AuditLogBroken,
            args: args.into_iter().map(|(k, v)| (k.to_owned(), v)).collect(),
        }
    }
}

/// The CSV columns, in order (ASCII names an inspector's tools read as is).
const COLUMNS: [&str; 9] = [
    "id",
    "at",
    "action",
    "draft_id",
    "profile_id",
    "detail",
    "officer",
    "prev_hash",
    "hash",
];

impl Assistant {
    /// Recomputes the audit log's hash chain now.
    pub fn check_audit_log(&self) -> Result<AuditCheck> {
        Ok(self.store.check_audit_log()?)
    }

    /// The whole audit log as CSV (UTF-8, a header row, one row per entry
    /// with its hashes), so an inspector can check the chain with their
    /// own tools. It holds ids, never a citizen's data.
    pub fn audit_log_csv(&self) -> Result<Vec<u8>> {
        let entries = self.store.audit_entries()?;
        let mut out = csv::Writer::from_writer(Vec::new());
        let write = |out: &mut csv::Writer<Vec<u8>>, row: &[String]| out.write_record(row).map_err(csv_failed);
        write(&mut out, &COLUMNS.map(str::to_owned))?;
        for e in entries {
            let text = |value: Option<String>| value.unwrap_or_default();
            write(
                &mut out,
                &[
                    e.id.to_string(),
                    e.at,
                    e.action,
                    text(e.draft_id.map(|d| d.to_string())),
                    text(e.profile_id.map(|p| p.to_string())),
                    text(e.detail),
                    text(e.officer),
                    e.prev_hash,
                    e.hash,
                ],
            )?;
        }
        out.into_inner().map_err(|e| csv_failed(e.into_error().into()))
    }
}

fn csv_failed(error: csv::Error) -> crate::Error {
    crate::Error::Export(error.to_string())
}
