//! Citizen sessions at a one-stop desk: an officer serves one citizen at a
//! time. The session records who the citizen is and when they consented;
//! every draft and saved person made while it is the current one belongs to
//! it, and only the current session's (or, with none, what belongs to no
//! session) is listed or opened. Ending a session wipes the citizen's
//! drafts, answers, attachments, saved people and dossiers from this PC once
//! nothing of theirs waits to be sent, keeping one register line per
//! dossier (no name, no ID number: the dossier code, the procedure, the
//! times, the officer and a keyed hash of the ID number).

use hmac::{Hmac, Mac};
use rusqlite::{Connection, OptionalExtension, params};
use sha2::Sha256;

use crate::audit::Actor;
use crate::{Error, Result, Store, audit, now};

/// The session whose data is shown and made now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Scope {
    /// Its id.
    pub id: i64,
    /// The keyed hash of the citizen's ID number, for the audit log.
    pub citizen: String,
}

/// A citizen as the officer checked them, with the consent text's version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession<'a> {
    /// The officer's portal account.
    pub officer: &'a str,
    /// The citizen's full name.
    pub name: &'a str,
    /// Their số định danh cá nhân.
    pub citizen_id: &'a str,
    /// Their birth date (dd/mm/yyyy).
    pub birth_date: &'a str,
    /// Which consent text they agreed to.
    pub consent_version: &'a str,
}

/// A session as the list of the day shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitizenSession {
    /// Its id.
    pub id: i64,
    /// The citizen's name; `None` once wiped.
    pub name: Option<String>,
    /// Their ID number; `None` once wiped.
    pub citizen_id: Option<String>,
    /// When it started (RFC 3339).
    pub started_at: String,
    /// When the officer ended it.
    pub ended_at: Option<String>,
    /// Whether its data was wiped from this PC.
    pub wiped: bool,
    /// Drafts and dossiers it still holds on this PC.
    pub drafts: u32,
    /// Of those, submissions still waiting to be sent.
    pub waiting: u32,
}

/// Who a session serves and their consent, for a dossier filed on their behalf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedCitizen {
    /// Their full name.
    pub name: String,
    /// Their số định danh cá nhân.
    pub citizen_id: String,
    /// The version of the consent text they agreed to.
    pub consent_version: String,
    /// When they agreed (RFC 3339).
    pub consent_at: String,
}

/// What ending a session did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ended {
    /// The citizen's data is gone from this PC.
    pub wiped: bool,
    /// Submissions still waiting to be sent (the data stays until they go).
    pub waiting: u32,
}

impl Store {
    /// The current session, if any.
    pub(crate) fn scope(&self) -> Option<Scope> {
        self.scope.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn set_scope(&self, scope: Option<Scope>) {
        *self.scope.lock().unwrap_or_else(|p| p.into_inner()) = scope;
    }

    /// Who acts now, for the audit log.
    pub(crate) fn actor(&self) -> Actor {
        Actor {
            officer: self.officer(),
            citizen: self.scope().map(|s| s.citizen),
        }
    }

    /// The id of the session being served now, if any.
    pub fn current_session(&self) -> Option<i64> {
        self.scope().map(|s| s.id)
    }

    /// The keyed hash of an ID number: the same person gives the same hash
    /// on this PC, and the number cannot be read back from it.
    fn citizen_hash(&self, citizen_id: &str) -> String {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(self.keys.citizen_key()).expect("HMAC takes a key of any length");
        mac.update(citizen_id.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// Fails with [`Error::NotFound`] unless `draft` belongs to the session
    /// being served (or, with none, to no session).
    pub(crate) fn check_draft_scope(&self, connection: &Connection, draft: i64) -> Result<()> {
        let session: Option<Option<i64>> = connection
            .query_row("SELECT session_id FROM drafts WHERE id = ?1", [draft], |row| row.get(0))
            .optional()?;
        match session {
            Some(session) if session == self.current_session() => Ok(()),
            _ => Err(Error::NotFound {
                what: "draft",
                id: draft,
            }),
        }
    }

    /// Starts serving a citizen: records who they are and their consent,
    /// and makes the session the current one. The caller checked the values.
    pub fn start_session(&self, new: &NewSession<'_>) -> Result<i64> {
        let citizen = self.citizen_hash(new.citizen_id);
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        let at = now();
        tx.execute(
            "INSERT INTO citizen_sessions (officer, citizen, name, citizen_id, birth_date, consent_version,
             consent_at, started_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
            params![
                new.officer,
                citizen,
                new.name,
                new.citizen_id,
                new.birth_date,
                new.consent_version,
                at
            ],
        )?;
        let id = tx.last_insert_rowid();
        self.set_scope(Some(Scope { id, citizen }));
        audit::record(
            &tx,
            &self.actor(),
            "session-started",
            None,
            None,
            Some(new.consent_version),
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// The citizen served now and their consent, if a session is current.
    pub fn served_citizen(&self) -> Result<Option<ServedCitizen>> {
        let Some(id) = self.current_session() else {
            return Ok(None);
        };
        Ok(self
            .lock()
            .query_row(
                "SELECT name, citizen_id, consent_version, consent_at FROM citizen_sessions
                 WHERE id = ?1 AND ended_at IS NULL AND name IS NOT NULL AND citizen_id IS NOT NULL",
                [id],
                |row| {
                    Ok(ServedCitizen {
                        name: row.get(0)?,
                        citizen_id: row.get(1)?,
                        consent_version: row.get(2)?,
                        consent_at: row.get(3)?,
                    })
                },
            )
            .optional()?)
    }

    /// Serves the open session `id` again (`None`: pauses, serving nobody).
    pub fn resume_session(&self, id: Option<i64>) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        let scope = match id {
            Some(id) => {
                let citizen: String = tx
                    .query_row(
                        "SELECT citizen FROM citizen_sessions WHERE id = ?1 AND ended_at IS NULL",
                        [id],
                        |row| row.get(0),
                    )
                    .optional()?
                    .ok_or(Error::NotFound { what: "session", id })?;
                Some(Scope { id, citizen })
            }
            None => None,
        };
        if scope.is_none() {
            audit::record(&tx, &self.actor(), "session-paused", None, None, None)?;
        }
        self.set_scope(scope.clone());
        if scope.is_some() {
            audit::record(&tx, &self.actor(), "session-resumed", None, None, None)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The sessions of `officer` started since `since` (RFC 3339), and any
    /// of theirs whose data is still on this PC, newest first.
    pub fn sessions_since(&self, officer: &str, since: &str) -> Result<Vec<CitizenSession>> {
        let connection = self.lock();
        let mut statement = connection.prepare(
            "SELECT s.id, s.name, s.citizen_id, s.started_at, s.ended_at, s.wiped_at IS NOT NULL,
                    (SELECT count(*) FROM drafts d WHERE d.session_id = s.id AND d.deleted_at IS NULL),
                    (SELECT count(*) FROM outbox o JOIN drafts d ON d.id = o.draft_id
                     WHERE d.session_id = s.id AND o.state = 'queued')
             FROM citizen_sessions s WHERE s.officer = ?1 AND (s.started_at >= ?2 OR s.wiped_at IS NULL)
             ORDER BY s.id DESC",
        )?;
        let sessions = statement
            .query_map(params![officer, since], |row| {
                Ok(CitizenSession {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    citizen_id: row.get(2)?,
                    started_at: row.get(3)?,
                    ended_at: row.get(4)?,
                    wiped: row.get(5)?,
                    drafts: row.get(6)?,
                    waiting: row.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(sessions)
    }

    /// Ends the session `id`: it is served no more, and its data is wiped
    /// now unless a submission of it still waits to be sent (then it is
    /// wiped by [`Store::wipe_ended_sessions`] once that went out).
    pub fn end_session(&self, id: i64) -> Result<Ended> {
        {
            let mut connection = self.lock();
            let tx = connection.transaction()?;
            let ended = tx.execute(
                "UPDATE citizen_sessions SET ended_at = ?2 WHERE id = ?1 AND ended_at IS NULL",
                params![id, now()],
            )?;
            if ended == 0 {
                return Err(Error::NotFound { what: "session", id });
            }
            audit::record(&tx, &self.actor(), "session-ended", None, None, Some(&id.to_string()))?;
            if self.current_session() == Some(id) {
                self.set_scope(None);
            }
            tx.commit()?;
        }
        let wiped = self.wipe_ended_sessions()?.contains(&id);
        let waiting = if wiped { 0 } else { self.waiting_in(id)? };
        Ok(Ended { wiped, waiting })
    }

    fn waiting_in(&self, session: i64) -> Result<u32> {
        Ok(self.lock().query_row(
            "SELECT count(*) FROM outbox o JOIN drafts d ON d.id = o.draft_id
             WHERE d.session_id = ?1 AND o.state = 'queued'",
            [session],
            |row| row.get(0),
        )?)
    }

    /// Wipes every ended session with nothing left to send: a register line
    /// per dossier, then its dossiers, result files, drafts (with their
    /// answers, attachments and outbox entries), saved people and the
    /// citizen's identity go; freed pages are zeroed and the WAL emptied,
    /// and attachment files no draft uses are deleted. Returns the ids wiped.
    pub fn wipe_ended_sessions(&self) -> Result<Vec<i64>> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        let ready: Vec<(i64, String, String)> = tx
            .prepare(
                "SELECT s.id, s.officer, s.citizen FROM citizen_sessions s
                 WHERE s.ended_at IS NOT NULL AND s.wiped_at IS NULL AND NOT EXISTS (
                     SELECT 1 FROM outbox o JOIN drafts d ON d.id = o.draft_id
                     WHERE d.session_id = s.id AND o.state = 'queued')",
            )?
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (session, officer, citizen) in &ready {
            let dossiers: Vec<(String, String, String, String, String)> = tx
                .prepare(
                    "SELECT k.portal_id, k.code, k.procedure_code, k.status, k.body FROM dossiers k
                     JOIN drafts d ON d.id = k.draft_id WHERE d.session_id = ?1",
                )?
                .query_map([session], |row| {
                    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            for (portal_id, code, procedure, status, body) in &dossiers {
                let dossier: serde_json::Value = serde_json::from_str(body).unwrap_or_default();
                let received = dossier["history"][0]["at"].as_str().unwrap_or_default().to_owned();
                tx.execute(
                    "INSERT INTO register (dossier_code, procedure_code, received_at, due_date, status, officer,
                     citizen, session_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                     ON CONFLICT (dossier_code) DO UPDATE SET status = excluded.status, due_date = excluded.due_date",
                    params![
                        code,
                        procedure,
                        received,
                        dossier["due_date"].as_str(),
                        status,
                        officer,
                        citizen,
                        session
                    ],
                )?;
                tx.execute("DELETE FROM result_files WHERE dossier_id = ?1", [portal_id])?;
                tx.execute("DELETE FROM actions WHERE dossier_id = ?1", [portal_id])?;
                tx.execute("DELETE FROM dossiers WHERE portal_id = ?1", [portal_id])?;
            }
            tx.execute(
                "DELETE FROM actions WHERE draft_id IN (SELECT id FROM drafts WHERE session_id = ?1)",
                [session],
            )?;
            tx.execute("DELETE FROM drafts WHERE session_id = ?1", [session])?;
            tx.execute("DELETE FROM profiles WHERE session_id = ?1", [session])?;
            tx.execute(
                "UPDATE citizen_sessions SET name = NULL, citizen_id = NULL, birth_date = NULL, wiped_at = ?2
                 WHERE id = ?1",
                params![session, now()],
            )?;
            let actor = Actor {
                officer: Some(officer.clone()),
                citizen: Some(citizen.clone()),
            };
            audit::record(
                &tx,
                &actor,
                "session-wiped",
                None,
                None,
                Some(&dossiers.len().to_string()),
            )?;
        }
        tx.commit()?;
        if !ready.is_empty() {
            connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
            drop(connection);
            self.remove_unused_files()?;
        }
        Ok(ready.into_iter().map(|(id, ..)| id).collect())
    }
}
