//! The outbox and the submitted dossiers. Submitting moves a draft into the
//! outbox with an idempotency key in one transaction; the sync worker
//! delivers it and records the portal's dossier. Payloads are the portal's
//! JSON, kept as text: this crate does not speak the portal's language.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use procedures::refusal::Refusal;

use crate::drafts::json;
use crate::{Error, Result, Store, audit, now};

/// A submission waiting to go out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxItem {
    /// Outbox id.
    pub id: i64,
    /// The draft submitted.
    pub draft_id: i64,
    /// The key every attempt sends, so the portal stores it once.
    pub idempotency_key: String,
    /// The request body (JSON).
    pub payload: String,
    /// Attempts so far.
    pub attempts: u32,
}

/// A submission as the "sent" list shows it before the portal confirmed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct QueuedSubmission {
    /// Outbox id.
    pub id: i64,
    /// The draft submitted.
    pub draft_id: i64,
    /// Procedure code.
    pub procedure_code: String,
    /// Who it is for.
    pub person: Option<String>,
    /// Attempts so far.
    pub attempts: u32,
    /// When it was queued (RFC 3339, UTC).
    pub queued_at: String,
    /// When the next attempt is due (RFC 3339, UTC).
    pub next_attempt_at: String,
}

/// The portal's confirmation of one submission.
#[derive(Debug, Clone, Copy)]
pub struct Delivery<'a> {
    /// Outbox id.
    pub outbox_id: i64,
    /// The portal's id.
    pub portal_id: &'a str,
    /// The dossier code.
    pub code: &'a str,
    /// Procedure code.
    pub procedure_code: &'a str,
    /// Status, as the API names it.
    pub status: &'a str,
    /// The dossier (JSON).
    pub body: &'a str,
}

/// A dossier the portal confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmittedDossier {
    /// The portal's id.
    pub portal_id: String,
    /// The dossier code people quote.
    pub code: String,
    /// The draft it came from, when filed from this machine.
    pub draft_id: Option<i64>,
    /// Who it is for.
    pub person: Option<String>,
    /// The dossier as the portal last reported it (JSON).
    pub body: String,
}

impl Store {
    /// Moves a draft into the outbox. From here on the draft is read-only
    /// and listed as submitted.
    pub fn enqueue_submission(&self, draft: i64, idempotency_key: &str, payload: &str) -> Result<i64> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        let stamp = now();
        let moved = tx.execute(
            "UPDATE drafts SET submitted_at = ?2, rejection = NULL, updated_at = ?2 \
             WHERE id = ?1 AND deleted_at IS NULL AND submitted_at IS NULL",
            params![draft, stamp],
        )?;
        if moved == 0 {
            return Err(Error::NotFound {
                what: "draft",
                id: draft,
            });
        }
        tx.execute(
            "INSERT INTO outbox (draft_id, idempotency_key, payload, state, next_attempt_at, created_at) \
             VALUES (?1, ?2, ?3, 'queued', ?4, ?4)",
            params![draft, idempotency_key, payload, stamp],
        )?;
        let id = tx.last_insert_rowid();
        audit::record(
            &tx,
            &self.actor(),
            "draft-submitted",
            Some(draft),
            None,
            Some(&id.to_string()),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Submissions due by `at` (RFC 3339), oldest first.
    pub fn due_submissions(&self, at: &str) -> Result<Vec<OutboxItem>> {
        let connection = self.lock();
        let mut stmt = connection.prepare_cached(
            "SELECT id, draft_id, idempotency_key, payload, attempts FROM outbox \
             WHERE state = 'queued' AND next_attempt_at <= ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([at], |row| {
            Ok(OutboxItem {
                id: row.get(0)?,
                draft_id: row.get(1)?,
                idempotency_key: row.get(2)?,
                payload: row.get(3)?,
                attempts: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// When the earliest queued submission is due, if any is queued.
    pub fn next_submission_due(&self) -> Result<Option<String>> {
        Ok(self.lock().query_row(
            "SELECT min(next_attempt_at) FROM outbox WHERE state = 'queued'",
            [],
            |row| row.get(0),
        )?)
    }

    /// Makes every queued submission due now (the portal is reachable again).
    pub fn retry_queued_now(&self) -> Result<usize> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        let changed = tx.execute("UPDATE outbox SET next_attempt_at = ?1 WHERE state = 'queued'", [now()])?;
        tx.commit()?;
        Ok(changed)
    }

    /// Submissions not yet confirmed, for the "sent" list.
    pub fn queued_submissions(&self) -> Result<Vec<QueuedSubmission>> {
        let connection = self.lock();
        let mut stmt = connection.prepare_cached(
            "SELECT outbox.id, draft_id, procedure_code, person, attempts, outbox.created_at, next_attempt_at \
             FROM outbox JOIN drafts ON drafts.id = draft_id WHERE state = 'queued' AND session_id IS ?1 \
             ORDER BY outbox.id",
        )?;
        let rows = stmt.query_map([self.current_session()], |row| {
            Ok(QueuedSubmission {
                id: row.get(0)?,
                draft_id: row.get(1)?,
                procedure_code: row.get(2)?,
                person: row.get(3)?,
                attempts: row.get(4)?,
                queued_at: row.get(5)?,
                next_attempt_at: row.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a failed attempt and when to try again.
    pub fn retry_submission(&self, id: i64, error: &str, next_attempt_at: &str) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        tx.execute(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3 WHERE id = ?1",
            params![id, error, next_attempt_at],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Records the portal's confirmations: each outbox entry is done, its
    /// copy of the answers dropped, and its dossier kept, all in one transaction.
    pub fn submissions_delivered(&self, delivered: &[Delivery<'_>]) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        let stamp = now();
        for d in delivered {
            let draft: i64 = tx
                .query_row("SELECT draft_id FROM outbox WHERE id = ?1", [d.outbox_id], |row| {
                    row.get(0)
                })
                .optional()?
                .ok_or(Error::NotFound {
                    what: "submission",
                    id: d.outbox_id,
                })?;
            tx.execute(
                "UPDATE outbox SET state = 'delivered', payload = NULL, portal_id = ?2, last_error = NULL WHERE id = ?1",
                params![d.outbox_id, d.portal_id],
            )?;
            tx.execute(
                "INSERT INTO dossiers (portal_id, draft_id, code, procedure_code, status, body, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
                 ON CONFLICT (portal_id) DO UPDATE SET draft_id = excluded.draft_id, status = excluded.status, \
                 body = excluded.body, updated_at = excluded.updated_at",
                params![d.portal_id, draft, d.code, d.procedure_code, d.status, d.body, stamp],
            )?;
            audit::record(
                &tx,
                &self.actor(),
                "submission-delivered",
                Some(draft),
                None,
                Some(d.code),
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The portal refused the submission: the draft goes back to the user
    /// with the refusal to show (why, and which answers). The outbox keeps
    /// no copy of the answers, and the draft can be deleted.
    pub fn submission_rejected(&self, id: i64, refusal: &Refusal) -> Result<()> {
        let rejection = json(refusal);
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        let draft: i64 = tx
            .query_row("SELECT draft_id FROM outbox WHERE id = ?1", [id], |row| row.get(0))
            .optional()?
            .ok_or(Error::NotFound { what: "submission", id })?;
        tx.execute(
            "UPDATE outbox SET state = 'rejected', payload = NULL, last_error = ?2 WHERE id = ?1",
            params![id, rejection],
        )?;
        tx.execute(
            "UPDATE drafts SET submitted_at = NULL, rejection = ?2, updated_at = ?3 WHERE id = ?1",
            params![draft, rejection, now()],
        )?;
        audit::record(&tx, &self.actor(), "submission-rejected", Some(draft), None, None)?;
        tx.commit()?;
        Ok(())
    }

    /// Stores the portal's latest view of a dossier; returns the view it
    /// replaces when that differs (`None` when new or unchanged).
    pub fn update_dossier(
        &self,
        portal_id: &str,
        code: &str,
        procedure: &str,
        status: &str,
        body: &str,
    ) -> Result<Option<String>> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        let before: Option<String> = tx
            .query_row("SELECT body FROM dossiers WHERE portal_id = ?1", [portal_id], |row| {
                row.get(0)
            })
            .optional()?;
        tx.execute(
            "INSERT INTO dossiers (portal_id, code, procedure_code, status, body, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) \
             ON CONFLICT (portal_id) DO UPDATE SET status = excluded.status, body = excluded.body, updated_at = excluded.updated_at",
            params![portal_id, code, procedure, status, body, now()],
        )?;
        tx.commit()?;
        Ok(before.filter(|b| b != body))
    }

    /// The draft a dossier was filed from on this machine, if any.
    pub fn dossier_draft(&self, portal_id: &str) -> Result<Option<i64>> {
        Ok(self
            .lock()
            .query_row(
                "SELECT draft_id FROM dossiers WHERE portal_id = ?1",
                [portal_id],
                |row| row.get::<_, Option<i64>>(0),
            )
            .optional()?
            .flatten())
    }

    /// Every dossier confirmed by the portal for the session being served
    /// (or for none), most recently updated first.
    pub fn dossiers(&self) -> Result<Vec<SubmittedDossier>> {
        let connection = self.lock();
        let mut stmt = connection.prepare_cached(
            "SELECT portal_id, draft_id, person, body, code FROM dossiers LEFT JOIN drafts ON drafts.id = draft_id \
             WHERE session_id IS ?1 ORDER BY dossiers.updated_at DESC",
        )?;
        let rows = stmt.query_map([self.current_session()], |row| {
            Ok(SubmittedDossier {
                portal_id: row.get(0)?,
                code: row.get(4)?,
                draft_id: row.get(1)?,
                person: row.get(2)?,
                body: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A value the sync worker keeps between runs (the changes cursor).
    pub fn sync_value(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .lock()
            .query_row("SELECT value FROM sync_state WHERE key = ?1", [key], |row| row.get(0))
            .optional()?)
    }

    /// Sets a value the sync worker keeps between runs.
    pub fn set_sync_value(&self, key: &str, value: &str) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        tx.execute(
            "INSERT INTO sync_state (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Keeps a newer definition fetched from the portal (JSON) with its ETag.
    pub fn save_catalog_update(&self, code: &str, version: u32, etag: &str, body: &str) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        tx.execute(
            "INSERT INTO catalog_updates (code, version, etag, body, fetched_at) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (code) DO UPDATE SET version = excluded.version, etag = excluded.etag, body = excluded.body, \
             fetched_at = excluded.fetched_at",
            params![code, version, etag, body, now()],
        )?;
        audit::record(
            &tx,
            &self.actor(),
            "catalog-updated",
            None,
            None,
            Some(&format!("{code}@{version}")),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Definitions fetched from the portal: `(code, version, etag, body)`.
    pub fn catalog_updates(&self) -> Result<Vec<(String, u32, String, String)>> {
        let connection = self.lock();
        let mut stmt =
            connection.prepare_cached("SELECT code, version, etag, body FROM catalog_updates ORDER BY code")?;
        let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
