//! What follows a submission, kept on this machine: the queue of writes to
//! the portal (a supplement, a withdrawal, a rating, a feedback), each with
//! its idempotency key and committed before it is acknowledged; what a
//! supplement request lets the person change in a submitted draft; the
//! feedback sent and its answers; and the result files, encrypted like
//! attachments. Payloads are the portal's JSON, kept as text.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::drafts::json;
use crate::{Error, Result, Store, audit, now};

/// The kinds of write that follow a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// The reply to a supplement request, with its files.
    Supplement,
    /// A request to withdraw a dossier.
    Withdrawal,
    /// A rating of a returned dossier.
    Rating,
    /// A feedback, with its files.
    Feedback,
}

impl ActionKind {
    fn name(self) -> &'static str {
        match self {
            ActionKind::Supplement => "supplement",
            ActionKind::Withdrawal => "withdrawal",
            ActionKind::Rating => "rating",
            ActionKind::Feedback => "feedback",
        }
    }

    fn from_name(name: &str) -> rusqlite::Result<Self> {
        [
            ActionKind::Supplement,
            ActionKind::Withdrawal,
            ActionKind::Rating,
            ActionKind::Feedback,
        ]
        .into_iter()
        .find(|k| k.name() == name)
        .ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                format!("unknown action {name}").into(),
            )
        })
    }
}

/// A write waiting to go out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItem {
    /// Queue id.
    pub id: i64,
    /// What it is.
    pub kind: ActionKind,
    /// The dossier it is about (the portal's id); none for general feedback.
    pub dossier_id: Option<String>,
    /// The draft it came from (a supplement).
    pub draft_id: Option<i64>,
    /// The key every attempt sends.
    pub idempotency_key: String,
    /// The request body (JSON).
    pub payload: String,
    /// Attempts so far.
    pub attempts: u32,
}

/// Where a write stands, as the submissions screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ActionState {
    /// Waiting for the portal.
    Queued,
    /// The portal has it.
    Delivered,
    /// The portal refused it.
    Refused,
}

/// A write as the submissions screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ActionSummary {
    /// Queue id.
    pub id: i64,
    /// What it is.
    pub kind: ActionKind,
    /// The dossier it is about.
    pub dossier_id: Option<String>,
    /// Where it stands.
    pub state: ActionState,
    /// Attempts so far.
    pub attempts: u32,
    /// Why the portal refused it: a code naming the Fluent message `error-<code>`.
    pub refusal: Option<String>,
    /// When it was queued (RFC 3339, UTC).
    pub queued_at: String,
}

/// What a supplement request lets the person change in a submitted draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SupplementScope {
    /// The portal's dossier id.
    pub dossier_id: String,
    /// The request answered.
    pub request_id: String,
    /// Fields asked for.
    pub fields: Vec<String>,
    /// Documents asked for.
    pub documents: Vec<String>,
    /// True once the reply is queued: nothing more can change.
    pub sent: bool,
}

/// A result file kept on this machine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SavedResult {
    /// The dossier (the portal's id).
    pub dossier_id: String,
    /// The result document's id.
    pub document_id: String,
    /// The file's name.
    pub file_name: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256, checked when it was saved.
    pub sha256: String,
    /// When it was saved (RFC 3339, UTC).
    pub saved_at: String,
}

impl Store {
    /// Queues a write to the portal; it is committed before this returns.
    /// A supplement also closes its draft to further change.
    pub fn enqueue_action(
        &self,
        kind: ActionKind,
        dossier_id: Option<&str>,
        draft_id: Option<i64>,
        idempotency_key: &str,
        payload: &str,
    ) -> Result<i64> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        let stamp = now();
        tx.execute(
            "INSERT INTO actions (kind, dossier_id, draft_id, idempotency_key, payload, state, next_attempt_at, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, 'queued', ?6, ?6)",
            params![kind.name(), dossier_id, draft_id, idempotency_key, payload, stamp],
        )?;
        let id = tx.last_insert_rowid();
        if kind == ActionKind::Supplement
            && let Some(draft) = draft_id
        {
            let scope = supplement_scope(&tx, draft)?.ok_or(Error::Submitted)?;
            if scope.sent {
                return Err(Error::Submitted);
            }
            tx.execute(
                "UPDATE drafts SET supplement = ?2, updated_at = ?3 WHERE id = ?1",
                params![draft, json(&SupplementScope { sent: true, ..scope }), stamp],
            )?;
        }
        audit::record(
            &tx,
            &self.actor(),
            &format!("{}-queued", kind.name()),
            draft_id,
            None,
            None,
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Writes due by `at` (RFC 3339), oldest first.
    pub fn due_actions(&self, at: &str) -> Result<Vec<ActionItem>> {
        let connection = self.lock();
        let mut stmt = connection.prepare_cached(
            "SELECT id, kind, dossier_id, draft_id, idempotency_key, payload, attempts FROM actions \
             WHERE state = 'queued' AND next_attempt_at <= ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([at], |row| {
            Ok(ActionItem {
                id: row.get(0)?,
                kind: ActionKind::from_name(&row.get::<_, String>(1)?)?,
                dossier_id: row.get(2)?,
                draft_id: row.get(3)?,
                idempotency_key: row.get(4)?,
                payload: row.get(5)?,
                attempts: row.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// When the earliest queued write is due, if any is queued.
    pub fn next_action_due(&self) -> Result<Option<String>> {
        Ok(self.lock().query_row(
            "SELECT min(next_attempt_at) FROM actions WHERE state = 'queued'",
            [],
            |row| row.get(0),
        )?)
    }

    /// Records a failed attempt and when to try again.
    pub fn retry_action(&self, id: i64, error: &str, next_attempt_at: &str) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        tx.execute(
            "UPDATE actions SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3 WHERE id = ?1",
            params![id, error, next_attempt_at],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The portal has the write: its payload (answers, text) is dropped.
    pub fn action_delivered(&self, id: i64) -> Result<()> {
        self.finish_action(id, "delivered", None)
    }

    /// The portal refused the write for `reason` (a message code); its
    /// payload is dropped. A refused supplement opens its draft again.
    pub fn action_refused(&self, id: i64, reason: &str) -> Result<()> {
        self.finish_action(id, "refused", Some(reason))
    }

    fn finish_action(&self, id: i64, state: &str, reason: Option<&str>) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        let (kind, draft): (String, Option<i64>) = tx
            .query_row("SELECT kind, draft_id FROM actions WHERE id = ?1", [id], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?
            .ok_or(Error::NotFound { what: "action", id })?;
        tx.execute(
            "UPDATE actions SET state = ?2, payload = NULL, last_error = ?3 WHERE id = ?1",
            params![id, state, reason],
        )?;
        if let (Some(draft), Some(_)) = (draft.filter(|_| kind == "supplement"), reason)
            && let Some(scope) = supplement_scope(&tx, draft)?
        {
            tx.execute(
                "UPDATE drafts SET supplement = ?2 WHERE id = ?1",
                params![draft, json(&SupplementScope { sent: false, ..scope })],
            )?;
        }
        audit::record(&tx, &self.actor(), &format!("{kind}-{state}"), draft, None, None)?;
        tx.commit()?;
        Ok(())
    }

    /// Writes queued or refused, for the submissions screen.
    pub fn actions(&self) -> Result<Vec<ActionSummary>> {
        let connection = self.lock();
        let mut stmt = connection.prepare_cached(
            "SELECT id, kind, dossier_id, state, attempts, last_error, created_at FROM actions ORDER BY id",
        )?;
        let rows = stmt.query_map([], |row| {
            let state = match row.get::<_, String>(3)?.as_str() {
                "queued" => ActionState::Queued,
                "delivered" => ActionState::Delivered,
                _ => ActionState::Refused,
            };
            let error: Option<String> = row.get(5)?;
            Ok(ActionSummary {
                id: row.get(0)?,
                kind: ActionKind::from_name(&row.get::<_, String>(1)?)?,
                dossier_id: row.get(2)?,
                refusal: error.filter(|_| state == ActionState::Refused),
                state,
                attempts: row.get(4)?,
                queued_at: row.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Opens a submitted draft to the fields and documents a supplement
    /// request asks for (a request already opened is left as it is).
    pub fn open_supplement(&self, draft: i64, scope: &SupplementScope) -> Result<bool> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        if supplement_scope(&tx, draft)?.is_some_and(|s| s.request_id == scope.request_id) {
            return Ok(false);
        }
        let changed = tx.execute(
            "UPDATE drafts SET supplement = ?2 WHERE id = ?1 AND deleted_at IS NULL AND submitted_at IS NOT NULL",
            params![draft, json(scope)],
        )?;
        audit::record(&tx, &self.actor(), "supplement-opened", Some(draft), None, None)?;
        tx.commit()?;
        Ok(changed == 1)
    }

    /// What a supplement request lets the person change in `draft`.
    pub fn supplement(&self, draft: i64) -> Result<Option<SupplementScope>> {
        supplement_scope(&self.lock(), draft)
    }

    /// Keeps a feedback as the portal last reported it (JSON).
    pub fn save_feedback(&self, portal_id: &str, code: &str, body: &str) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        tx.execute(
            "INSERT INTO feedback (portal_id, code, body, updated_at) VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT (portal_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            params![portal_id, code, body, now()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Every feedback sent from this machine (JSON), newest first.
    pub fn feedback(&self) -> Result<Vec<String>> {
        let connection = self.lock();
        let mut stmt = connection.prepare_cached("SELECT body FROM feedback ORDER BY rowid DESC")?;
        let rows = stmt.query_map([], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keeps a downloaded result file, encrypted like an attachment; the
    /// caller has checked `bytes` against `sha256`.
    pub fn save_result(&self, saved: &SavedResult, bytes: &[u8]) -> Result<()> {
        self.write_file(&saved.sha256, bytes)?;
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        tx.execute(
            "INSERT INTO result_files (dossier_id, document_id, file_name, size, sha256, saved_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (dossier_id, document_id) DO UPDATE SET \
             file_name = excluded.file_name, size = excluded.size, sha256 = excluded.sha256, saved_at = excluded.saved_at",
            params![
                saved.dossier_id,
                saved.document_id,
                saved.file_name,
                saved.size as i64,
                saved.sha256,
                saved.saved_at
            ],
        )?;
        audit::record(&tx, &self.actor(), "result-saved", None, None, None)?;
        tx.commit()?;
        Ok(())
    }

    /// The result files kept for every dossier.
    pub fn results(&self) -> Result<Vec<SavedResult>> {
        let connection = self.lock();
        let mut stmt = connection.prepare_cached(
            "SELECT dossier_id, document_id, file_name, size, sha256, saved_at FROM result_files \
             ORDER BY dossier_id, document_id",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(SavedResult {
                dossier_id: row.get(0)?,
                document_id: row.get(1)?,
                file_name: row.get(2)?,
                size: row.get::<_, i64>(3)? as u64,
                sha256: row.get(4)?,
                saved_at: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The supplement scope stored on a draft.
pub(crate) fn supplement_scope(connection: &rusqlite::Connection, draft: i64) -> Result<Option<SupplementScope>> {
    let text: Option<String> = connection
        .query_row("SELECT supplement FROM drafts WHERE id = ?1", [draft], |row| row.get(0))
        .optional()?
        .flatten();
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}
