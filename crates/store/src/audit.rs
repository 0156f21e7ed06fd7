//! The audit log: what was done to which draft or profile, when, and by
//! which officer. It holds ids and field ids, never a citizen's personal
//! data or an answer.
//!
//! The entries form a hash chain: each one stores the hash of the one
//! before it and its own hash over its columns, and the `audit_seal` row
//! holds how many entries there are and the last hash, updated in the same
//! transaction. [`Store::check_audit_log`] recomputes the chain, so an entry
//! changed, removed from the middle or cut from the end is named. Someone
//! who holds the database key could rewrite the whole chain; the chain
//! catches edits by anything that does not redo it (a database tool, a
//! half-restored backup), which is what an inspection asks of a desk PC.

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::{Result, Store};

/// The hash before the first entry.
const GENESIS: &str = "";

/// One entry as the log keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditEntry {
    /// Its place in the log (ids only grow; a gap is a removed entry).
    pub id: i64,
    /// When, in UTC (RFC 3339).
    pub at: String,
    /// What was done, e.g. `answer-saved`.
    pub action: String,
    /// The draft it was done to.
    pub draft_id: Option<i64>,
    /// The profile it was done to.
    pub profile_id: Option<i64>,
    /// An id that says more (a field id, a dossier code), never a value.
    pub detail: Option<String>,
    /// The signed-in officer's account, in officer mode.
    pub officer: Option<String>,
    /// The citizen being served, as a keyed hash of their ID number (never
    /// the number), in a citizen session.
    pub citizen: Option<String>,
    /// The hash of the entry before (empty for the first).
    pub prev_hash: String,
    /// This entry's hash (SHA-256, hex).
    pub hash: String,
}

/// What the check of the chain found wrong, first problem only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum AuditProblem {
    /// The entry's columns no longer give its hash: it was changed.
    Changed {
        /// The changed entry.
        id: i64,
        /// Its time as it reads now.
        at: String,
    },
    /// The entry does not follow the one before it: an entry between them
    /// was removed (or the link itself was edited).
    Removed {
        /// The first entry after the gap.
        id: i64,
        /// The entry before the gap, if any.
        after: Option<i64>,
    },
    /// Entries are missing at the end: the seal counts more than the log holds.
    Truncated {
        /// How many entries the seal counts.
        sealed: u32,
        /// How many are there.
        found: u32,
    },
}

/// The result of checking the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditCheck {
    /// Entries read.
    pub entries: u32,
    /// The first problem, or `None` when the whole chain holds.
    pub problem: Option<AuditProblem>,
}

/// The hash of an entry: SHA-256 over the previous hash and each non-null
/// column as `name=length:value;`, so no two different entries hash alike
/// and a column added later (null on old entries) keeps old hashes valid.
fn entry_hash(entry: &AuditEntry) -> String {
    let mut hasher = Sha256::new();
    hasher.update(entry.prev_hash.as_bytes());
    hasher.update(b"\n");
    let id = entry.id.to_string();
    let draft = entry.draft_id.map(|d| d.to_string());
    let profile = entry.profile_id.map(|p| p.to_string());
    let columns: [(&str, Option<&str>); 8] = [
        ("id", Some(&id)),
        ("at", Some(&entry.at)),
        ("action", Some(&entry.action)),
        ("draft", draft.as_deref()),
        ("profile", profile.as_deref()),
        ("detail", entry.detail.as_deref()),
        ("officer", entry.officer.as_deref()),
        ("citizen", entry.citizen.as_deref()),
    ];
    for (name, value) in columns {
        if let Some(value) = value {
            hasher.update(format!("{name}={}:{value};", value.len()).as_bytes());
        }
    }
    hex::encode(hasher.finalize())
}

/// The seal: how many entries the chain has and its last hash.
fn seal(connection: &Connection) -> Result<(u32, String)> {
    Ok(connection
        .query_row("SELECT entries, last_hash FROM audit_seal WHERE id = 1", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })
        .optional()?
        .unwrap_or((0, GENESIS.to_owned())))
}

fn write_seal(tx: &Transaction<'_>, entries: u32, last_hash: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO audit_seal (id, entries, last_hash) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET entries = excluded.entries, last_hash = excluded.last_hash",
        params![entries, last_hash],
    )?;
    Ok(())
}

/// Who acts: the signed-in officer and the citizen being served, if any.
#[derive(Debug, Clone, Default)]
pub(crate) struct Actor {
    /// The officer's portal account.
    pub officer: Option<String>,
    /// The keyed hash of the served citizen's ID number.
    pub citizen: Option<String>,
}

/// Appends one action, chained to the last entry, inside the caller's
/// transaction (so it is logged if and only if the change commits).
pub(crate) fn record(
    tx: &Transaction<'_>,
    actor: &Actor,
    action: &str,
    draft: Option<i64>,
    profile: Option<i64>,
    detail: Option<&str>,
) -> Result<()> {
    let (entries, prev_hash) = seal(tx)?;
    let next_id: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM audit_log", [], |row| row.get(0))?;
    // An action on a draft or saved person names the citizen whose session
    // it belongs to (nobody for one of no session), even when the sync
    // worker acts on it while someone else is served.
    let owner: Option<String> = tx
        .query_row(
            "SELECT c.citizen FROM citizen_sessions c WHERE c.id = coalesce(
                 (SELECT session_id FROM drafts WHERE id = ?1),
                 (SELECT session_id FROM profiles WHERE id = ?2))",
            params![draft, profile],
            |row| row.get(0),
        )
        .optional()?;
    let mut entry = AuditEntry {
        id: next_id,
        at: crate::now(),
        action: action.to_owned(),
        draft_id: draft,
        profile_id: profile,
        detail: detail.map(str::to_owned),
        officer: actor.officer.clone(),
        citizen: if draft.is_some() || profile.is_some() {
            owner
        } else {
            actor.citizen.clone()
        },
        prev_hash,
        hash: String::new(),
    };
    entry.hash = entry_hash(&entry);
    tx.execute(
        "INSERT INTO audit_log (id, at, action, draft_id, profile_id, detail, officer, citizen, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            entry.id,
            entry.at,
            entry.action,
            entry.draft_id,
            entry.profile_id,
            entry.detail,
            entry.officer,
            entry.citizen,
            entry.prev_hash,
            entry.hash
        ],
    )?;
    write_seal(tx, entries + 1, &entry.hash)
}

fn read_entries(connection: &Connection) -> rusqlite::Result<Vec<AuditEntry>> {
    let mut statement = connection.prepare(
        "SELECT id, at, action, draft_id, profile_id, detail, officer, citizen, prev_hash, hash
         FROM audit_log ORDER BY id",
    )?;
    statement
        .query_map([], |row| {
            Ok(AuditEntry {
                id: row.get(0)?,
                at: row.get(1)?,
                action: row.get(2)?,
                draft_id: row.get(3)?,
                profile_id: row.get(4)?,
                detail: row.get(5)?,
                officer: row.get(6)?,
                citizen: row.get(7)?,
                prev_hash: row.get(8)?,
                hash: row.get(9)?,
            })
        })?
        .collect()
}

/// Walks the chain; the first problem found, if any.
fn check(connection: &Connection) -> Result<AuditCheck> {
    let entries = read_entries(connection)?;
    let found = u32::try_from(entries.len()).unwrap_or(u32::MAX);
    let mut expected_prev = GENESIS.to_owned();
    let mut before: Option<i64> = None;
    for entry in &entries {
        if entry.prev_hash != expected_prev {
            return Ok(AuditCheck {
                entries: found,
                problem: Some(AuditProblem::Removed {
                    id: entry.id,
                    after: before,
                }),
            });
        }
        if entry_hash(entry) != entry.hash {
            return Ok(AuditCheck {
                entries: found,
                problem: Some(AuditProblem::Changed {
                    id: entry.id,
                    at: entry.at.clone(),
                }),
            });
        }
        expected_prev.clone_from(&entry.hash);
        before = Some(entry.id);
    }
    let (sealed, last_hash) = seal(connection)?;
    let problem = (sealed != found || last_hash != expected_prev).then_some(AuditProblem::Truncated { sealed, found });
    Ok(AuditCheck {
        entries: found,
        problem,
    })
}

/// Chains the entries an earlier version logged without hashes, oldest
/// first, and writes the seal (run once, by the migration that added the
/// chain).
pub(crate) fn seal_existing(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let mut entries = read_entries(tx)?;
    let mut prev = GENESIS.to_owned();
    for entry in &mut entries {
        entry.prev_hash = prev;
        entry.hash = entry_hash(entry);
        tx.execute(
            "UPDATE audit_log SET prev_hash = ?2, hash = ?3 WHERE id = ?1",
            params![entry.id, entry.prev_hash, entry.hash],
        )?;
        prev = entry.hash.clone();
    }
    tx.execute(
        "INSERT INTO audit_seal (id, entries, last_hash) VALUES (1, ?1, ?2)",
        params![u32::try_from(entries.len()).unwrap_or(u32::MAX), prev],
    )?;
    Ok(())
}

impl Store {
    /// Recomputes the audit chain: how many entries it holds and the first
    /// entry changed, removed or cut off, if any. The app runs it at start,
    /// and an officer can run it on demand.
    pub fn check_audit_log(&self) -> Result<AuditCheck> {
        check(&self.lock())
    }

    /// Logs an action that changes no row, e.g. printing a slip, on `draft`.
    pub fn record_action(&self, action: &str, draft: Option<i64>) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        record(&tx, &self.actor(), action, draft, None, None)?;
        tx.commit()?;
        Ok(())
    }

    /// Every entry, oldest first, with its hashes (for an inspection's export).
    pub fn audit_entries(&self) -> Result<Vec<AuditEntry>> {
        Ok(read_entries(&self.lock())?)
    }
}
