//! The audit log: what was done to which draft or profile, and when. It holds
//! ids and field ids, never a citizen's personal data.

use rusqlite::{Transaction, params};

use crate::Result;

/// Records one action inside the caller's transaction.
pub(crate) fn record(
    tx: &Transaction<'_>,
    action: &str,
    draft: Option<i64>,
    profile: Option<i64>,
    detail: Option<&str>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO audit_log (at, action, draft_id, profile_id, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![crate::now(), action, draft, profile, detail],
    )?;
    Ok(())
}
