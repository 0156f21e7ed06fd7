//! Drafts (hồ sơ đang soạn) and their answers.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use procedures::Procedure;
use procedures::definition::{Definition, Field, Meaning};
use procedures::engine::{
    Answer, Answers, Attached, InterviewState, clean_answer, evaluate, is_blank, meanings_in_force,
};
use procedures::refusal::{FieldProblem, Refusal};
use procedures::upgrade::{UpgradeNotice, upgrade};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde::Serialize;

use crate::{Error, Result, Store, audit, now};

/// A draft as the list on the home screen shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DraftSummary {
    /// Draft id.
    pub id: i64,
    /// Procedure code.
    pub procedure_code: String,
    /// Definition version the answers follow.
    pub procedure_version: u32,
    /// A name the user gave the draft, if any.
    pub title: Option<String>,
    /// Who the dossier is for, from the answer meaning `full_name`.
    pub person: Option<String>,
    /// Whom it is about, from the definition's subject field (the child).
    pub subject: Option<String>,
    /// The profile used to fill it in, if any.
    pub profile_id: Option<i64>,
    /// The step the user was on.
    pub current_step: Option<String>,
    /// Steps with every answer valid.
    pub steps_done: u32,
    /// Steps shown for the current answers.
    pub steps_total: u32,
    /// When it was started (RFC 3339, UTC).
    pub created_at: String,
    /// When it last changed (RFC 3339, UTC).
    pub updated_at: String,
    /// When it was submitted; a submitted draft is read-only.
    pub submitted_at: Option<String>,
    /// The portal refused its last submission and a refused answer is still unchanged.
    pub rejected: bool,
}

/// Everything needed to resume a draft.
#[derive(Debug, Clone)]
pub struct OpenedDraft {
    /// The list entry.
    pub summary: DraftSummary,
    /// The saved answers.
    pub answers: Answers,
    /// Fields whose answer came from the profile and was not changed since.
    pub prefilled: Vec<String>,
    /// What changed when the draft moved to a newer definition, until dismissed.
    pub notice: Option<UpgradeNotice>,
    /// Why the portal refused the last submission, until the person changed
    /// what it names.
    pub rejection: Option<Refusal>,
}

const SUMMARY_COLUMNS: &str = "id, procedure_code, procedure_version, title, person, profile_id, current_step, \
     steps_done, steps_total, created_at, updated_at, submitted_at, rejection IS NOT NULL, subject";

/// How many columns [`SUMMARY_COLUMNS`] names: a query selecting more reads them from here on.
const SUMMARY_COUNT: usize = 14;

fn summary(row: &rusqlite::Row<'_>) -> rusqlite::Result<DraftSummary> {
    Ok(DraftSummary {
        id: row.get(0)?,
        procedure_code: row.get(1)?,
        procedure_version: row.get(2)?,
        title: row.get(3)?,
        person: row.get(4)?,
        profile_id: row.get(5)?,
        current_step: row.get(6)?,
        steps_done: row.get(7)?,
        steps_total: row.get(8)?,
        created_at: row.get(9)?,
        updated_at: row.get(10)?,
        submitted_at: row.get(11)?,
        rejected: row.get(12)?,
        subject: row.get(13)?,
    })
}

pub(crate) fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("answers and definitions always serialize")
}

impl Store {
    /// Starts a draft of `procedure`, filled in from `profile` where a field
    /// declares a meaning the profile holds.
    pub fn create_draft(&self, procedure: &Procedure, profile: Option<i64>, today: NaiveDate) -> Result<i64> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        let d = &procedure.definition;
        tx.execute(
            "INSERT OR IGNORE INTO definitions (code, version, body) VALUES (?1, ?2, ?3)",
            params![d.code, d.version, json(d)],
        )?;
        let stamp = now();
        tx.execute(
            "INSERT INTO drafts (procedure_code, procedure_version, profile_id, created_at, updated_at, session_id) \
             VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
            params![d.code, d.version, profile, stamp, self.current_session()],
        )?;
        let id = tx.last_insert_rowid();
        let mut answers = Answers::new();
        if let Some(profile) = profile {
            self.check_profile_scope(&tx, profile)?;
            let data = crate::profiles::data(&tx, profile)?;
            for field in meanings_in_force(procedure, &answers, today) {
                if let Some(answer) = field.meaning.and_then(|m| data.get(&m)) {
                    answers.insert(field.id.clone(), answer.clone());
                    tx.execute(
                        "INSERT INTO answers (draft_id, field_id, value, prefilled, updated_at) VALUES (?1, ?2, ?3, 1, ?4)",
                        params![id, field.id, json(answer), stamp],
                    )?;
                }
            }
        }
        write_progress(&tx, id, procedure, &answers, today)?;
        audit::record(&tx, &self.actor(), "draft-created", Some(id), profile, Some(&d.code))?;
        tx.commit()?;
        Ok(id)
    }

    /// Drafts not deleted, most recently changed first.
    pub fn list_drafts(&self) -> Result<Vec<DraftSummary>> {
        let connection = self.lock();
        let mut stmt = connection.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM drafts WHERE deleted_at IS NULL AND submitted_at IS NULL \
             AND session_id IS ?1 ORDER BY updated_at DESC, id DESC"
        ))?;
        let rows = stmt.query_map([self.current_session()], summary)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The code of the procedure a draft was started on: one column, for
    /// the check every answer's save makes, without reading the answers.
    pub fn draft_procedure_code(&self, id: i64) -> Result<String> {
        let connection = self.lock();
        self.check_draft_scope(&connection, id)?;
        connection
            .query_row(
                "SELECT procedure_code FROM drafts WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                |row| row.get(0),
            )
            .optional()?
            .ok_or(Error::NotFound { what: "draft", id })
    }

    /// A draft with its answers, ready to resume.
    pub fn open_draft(&self, id: i64) -> Result<OpenedDraft> {
        let connection = self.lock();
        self.check_draft_scope(&connection, id)?;
        opened(&connection, id)
    }

    /// The definition a draft was last saved against.
    pub fn draft_definition(&self, id: i64) -> Result<Definition> {
        let connection = self.lock();
        self.check_draft_scope(&connection, id)?;
        let body: String = connection
            .query_row(
                "SELECT body FROM definitions JOIN drafts ON code = procedure_code AND version = procedure_version \
                 WHERE drafts.id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()?
            .ok_or(Error::NotFound { what: "draft", id })?;
        serde_json::from_str(&body).map_err(|e| Error::Sqlite(rusqlite::Error::ToSqlConversionFailure(e.into())))
    }

    /// Moves a draft to a newer definition of its procedure, keeping answers
    /// by field id and storing the notice the user must see.
    pub fn upgrade_draft(&self, id: i64, newer: &Procedure, today: NaiveDate) -> Result<Option<UpgradeNotice>> {
        let old = self.draft_definition(id)?;
        let mut connection = self.lock();
        let current = opened(&connection, id)?;
        let moved = upgrade(&old, newer, &current.answers, today);
        let d = &newer.definition;
        let tx = connection.transaction()?;
        tx.execute(
            "INSERT OR IGNORE INTO definitions (code, version, body) VALUES (?1, ?2, ?3)",
            params![d.code, d.version, json(d)],
        )?;
        let kept: Vec<&String> = moved.answers.keys().collect();
        for field in current.answers.keys().filter(|f| !kept.contains(f)) {
            tx.execute(
                "DELETE FROM answers WHERE draft_id = ?1 AND field_id = ?2",
                params![id, field],
            )?;
        }
        tx.execute(
            "UPDATE drafts SET procedure_version = ?2, notice = ?3 WHERE id = ?1",
            params![id, d.version, moved.notice.as_ref().map(json)],
        )?;
        write_progress(&tx, id, newer, &moved.answers, today)?;
        audit::record(
            &tx,
            &self.actor(),
            "draft-upgraded",
            Some(id),
            None,
            Some(&format!("{} -> {}", old.version, d.version)),
        )?;
        tx.commit()?;
        Ok(moved.notice)
    }

    /// Saves one answer (or removes it when `answer` is `None` or blank) and
    /// returns the interview as it now stands. Returns after the commit.
    pub fn save_answer(
        &self,
        id: i64,
        procedure: &Procedure,
        field_id: &str,
        answer: Option<&Answer>,
        today: NaiveDate,
    ) -> Result<InterviewState> {
        let mut connection = self.lock();
        self.check_draft_scope(&connection, id)?;
        let current = opened(&connection, id)?;
        if current.summary.submitted_at.is_some()
            && !crate::followups::supplement_scope(&connection, id)?
                .is_some_and(|s| !s.sent && s.fields.iter().any(|f| f == field_id))
        {
            return Err(Error::Submitted);
        }
        let mut answers = current.answers.clone();
        let field = procedure
            .definition
            .steps
            .iter()
            .flat_map(|s| &s.fields)
            .find(|f| f.id == field_id);
        let cleaned = match (field, answer) {
            (Some(field), Some(answer)) => Some(clean_answer(field.kind, answer)).filter(|a| !is_blank(a)),
            _ => None,
        };
        match &cleaned {
            Some(value) => answers.insert(field_id.to_owned(), value.clone()),
            None => answers.remove(field_id),
        };
        let tx = connection.transaction()?;
        let stamp = now();
        match &cleaned {
            Some(value) => tx.execute(
                "INSERT INTO answers (draft_id, field_id, value, prefilled, updated_at) VALUES (?1, ?2, ?3, 0, ?4) \
                 ON CONFLICT (draft_id, field_id) DO UPDATE SET value = excluded.value, prefilled = 0, \
                 updated_at = excluded.updated_at",
                params![id, field_id, json(value), stamp],
            )?,
            None => tx.execute(
                "DELETE FROM answers WHERE draft_id = ?1 AND field_id = ?2",
                params![id, field_id],
            )?,
        };
        if procedure.definition.subject_field.as_deref() == Some(field_id) {
            let subject = cleaned.as_ref().and_then(|a| match a {
                Answer::Text(name) => Some(name.clone()),
                _ => None,
            });
            tx.execute("UPDATE drafts SET subject = ?2 WHERE id = ?1", params![id, subject])?;
        }
        if let Some(refusal) = &current.rejection {
            let left = refusal.clone().after_change(field_id);
            if left.as_ref() != Some(refusal) {
                tx.execute(
                    "UPDATE drafts SET rejection = ?2 WHERE id = ?1",
                    params![id, left.as_ref().map(json)],
                )?;
            }
        }
        let in_force = meanings_in_force(procedure, &answers, today);
        if let Some(profile) = current.summary.profile_id {
            refill_from_profile(&tx, procedure, &current, profile, &in_force, &mut answers, today)?;
        }
        // Who the dossier is for: the full name that is the filer's now
        // (in a marriage, the groom's or the bride's as the filer said).
        let person = in_force
            .iter()
            .filter(|f| f.meaning == Some(Meaning::FullName))
            .find_map(|f| match answers.get(&f.id) {
                Some(Answer::Text(name)) => Some(name.clone()),
                _ => None,
            });
        if person != current.summary.person {
            tx.execute("UPDATE drafts SET person = ?2 WHERE id = ?1", params![id, person])?;
        }
        let state = write_progress(&tx, id, procedure, &answers, today)?;
        audit::record(&tx, &self.actor(), "answer-saved", Some(id), None, Some(field_id))?;
        tx.commit()?;
        Ok(state)
    }

    /// Remembers the step the user is on.
    pub fn save_position(&self, id: i64, step_id: &str) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        self.check_draft_scope(&tx, id)?;
        touch(&tx, id, "UPDATE drafts SET current_step = ?2 WHERE id = ?1", step_id)?;
        tx.commit()?;
        Ok(())
    }

    /// Gives a draft a name of the user's choosing (blank removes it).
    pub fn rename_draft(&self, id: i64, title: &str) -> Result<()> {
        let title = procedures::fold::clean(title);
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        self.check_draft_scope(&tx, id)?;
        let title = (!title.is_empty()).then_some(title);
        let changed = tx.execute(
            "UPDATE drafts SET title = ?2, updated_at = ?3 WHERE id = ?1 AND deleted_at IS NULL",
            params![id, title, now()],
        )?;
        if changed == 0 {
            return Err(Error::NotFound { what: "draft", id });
        }
        audit::record(&tx, &self.actor(), "draft-renamed", Some(id), None, None)?;
        tx.commit()?;
        Ok(())
    }

    /// Copies a draft with its answers and attachments; returns the copy's id.
    pub fn duplicate_draft(&self, id: i64) -> Result<i64> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        self.check_draft_scope(&tx, id)?;
        let stamp = now();
        let copied = tx.execute(
            "INSERT INTO drafts (procedure_code, procedure_version, title, person, subject, profile_id, \
             current_step, steps_done, steps_total, created_at, updated_at, session_id) \
             SELECT procedure_code, procedure_version, title, person, subject, profile_id, current_step, \
             steps_done, steps_total, ?2, ?2, session_id FROM drafts WHERE id = ?1 AND deleted_at IS NULL",
            params![id, stamp],
        )?;
        if copied == 0 {
            return Err(Error::NotFound { what: "draft", id });
        }
        let copy = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO answers (draft_id, field_id, value, prefilled, updated_at) \
             SELECT ?2, field_id, value, prefilled, updated_at FROM answers WHERE draft_id = ?1",
            params![id, copy],
        )?;
        tx.execute(
            "INSERT INTO attachments (draft_id, document_id, file_name, kind, size, sha256, added_at) \
             SELECT ?2, document_id, file_name, kind, size, sha256, added_at FROM attachments WHERE draft_id = ?1",
            params![id, copy],
        )?;
        audit::record(
            &tx,
            &self.actor(),
            "draft-duplicated",
            Some(copy),
            None,
            Some(&id.to_string()),
        )?;
        tx.commit()?;
        Ok(copy)
    }

    /// Moves a draft to the bin; [`Store::restore_draft`] undoes it until
    /// [`Store::purge_deleted`] removes it for good. A submitted draft
    /// (queued or delivered) is refused with [`Error::Submitted`].
    pub fn delete_draft(&self, id: i64) -> Result<()> {
        self.set_deleted(id, Some(now()), "draft-deleted")
    }

    /// Brings back a draft deleted a moment ago.
    pub fn restore_draft(&self, id: i64) -> Result<()> {
        self.set_deleted(id, None, "draft-restored")
    }

    fn set_deleted(&self, id: i64, at: Option<String>, action: &str) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        self.check_draft_scope(&tx, id)?;
        let submitted: bool = tx
            .query_row(
                "SELECT submitted_at IS NOT NULL FROM drafts WHERE id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()?
            .ok_or(Error::NotFound { what: "draft", id })?;
        if submitted {
            return Err(Error::Submitted);
        }
        tx.execute("UPDATE drafts SET deleted_at = ?2 WHERE id = ?1", params![id, at])?;
        audit::record(&tx, &self.actor(), action, Some(id), None, None)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes for good the drafts deleted before `cutoff` (RFC 3339) with
    /// their answers, attachments and refused submissions, and attachment
    /// files no draft uses any more; freed pages are zeroed
    /// (`secure_delete`) and the WAL is checkpointed into the database.
    /// Returns how many drafts went.
    pub fn purge_deleted(&self, cutoff: &str) -> Result<usize> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        let purged = tx.execute(
            "DELETE FROM drafts WHERE deleted_at IS NOT NULL AND deleted_at < ?1",
            [cutoff],
        )?;
        audit::record(
            &tx,
            &self.actor(),
            "drafts-purged",
            None,
            None,
            Some(&purged.to_string()),
        )?;
        tx.commit()?;
        connection.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        drop(connection);
        self.remove_unused_files()?;
        Ok(purged)
    }

    /// Forgets the upgrade notice once the user has read it.
    pub fn dismiss_notice(&self, id: i64) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        self.check_draft_scope(&tx, id)?;
        tx.execute("UPDATE drafts SET notice = NULL WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }
}

/// Updates a draft's row with `sql` (taking `?1` = id, `?2` = value) and its
/// change time, or fails when the draft does not exist.
fn touch(tx: &Transaction<'_>, id: i64, sql: &str, value: &str) -> Result<()> {
    if tx.execute(sql, params![id, value])? == 0 {
        return Err(Error::NotFound { what: "draft", id });
    }
    tx.execute("UPDATE drafts SET updated_at = ?2 WHERE id = ?1", params![id, now()])?;
    Ok(())
}

/// A stored refusal. Rows written before refusals were typed hold only the
/// list of field problems; a row that no longer parses is dropped (logged),
/// since the draft itself is still good.
fn refusal(raw: &str) -> Option<Refusal> {
    if let Ok(refusal) = serde_json::from_str::<Refusal>(raw) {
        return Some(refusal);
    }
    match serde_json::from_str::<Vec<FieldProblem>>(raw) {
        Ok(fields) if fields.is_empty() => Some(Refusal::because("portal-refused", None)),
        Ok(fields) => Some(Refusal {
            fields,
            ..Refusal::default()
        }),
        Err(error) => {
            tracing::warn!(%error, "a stored refusal could not be read; it is dropped");
            None
        }
    }
}

/// Evaluates the answers with the draft's attached files and stores the
/// progress and change time.
fn write_progress(
    tx: &Transaction<'_>,
    id: i64,
    procedure: &Procedure,
    answers: &Answers,
    today: NaiveDate,
) -> Result<InterviewState> {
    let state = evaluate(procedure, answers, &attached_documents(tx, id)?, today);
    let done = state.steps.iter().filter(|s| s.complete).count() as u32;
    tx.execute(
        "UPDATE drafts SET steps_done = ?2, steps_total = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, done, state.steps.len() as u32, now()],
    )?;
    Ok(state)
}

/// After an answer changed which fields carry the filer's meaning (the
/// filer is now the groom): fills the fields that newly do and are empty
/// from the draft's saved person, and empties those that no longer do and
/// still hold what the saved person gave.
/// `current` is the draft as it was before the change, `answers` as it is
/// now and `after` the fields that carry a meaning with them.
fn refill_from_profile(
    tx: &Transaction<'_>,
    procedure: &Procedure,
    current: &OpenedDraft,
    profile: i64,
    after: &[&Field],
    answers: &mut Answers,
    today: NaiveDate,
) -> Result<()> {
    let id = current.summary.id;
    let before = meanings_in_force(procedure, &current.answers, today);
    let had = |field: &&Field| before.iter().any(|f| f.id == field.id);
    let newly: Vec<&Field> = after
        .iter()
        .copied()
        .filter(|f| !had(f) && !answers.contains_key(&f.id))
        .collect();
    // The saved person is read only when a field newly carries a meaning.
    let data = if newly.is_empty() {
        Default::default()
    } else {
        crate::profiles::data(tx, profile)?
    };
    let stamp = now();
    for field in newly {
        if let Some(answer) = field.meaning.and_then(|m| data.get(&m)) {
            answers.insert(field.id.clone(), answer.clone());
            tx.execute(
                "INSERT INTO answers (draft_id, field_id, value, prefilled, updated_at) VALUES (?1, ?2, ?3, 1, ?4) \
                 ON CONFLICT (draft_id, field_id) DO NOTHING",
                params![id, field.id, json(answer), stamp],
            )?;
        }
    }
    for field in before.iter().filter(|f| !after.iter().any(|a| a.id == f.id)) {
        if current.prefilled.contains(&field.id) && answers.remove(&field.id).is_some() {
            tx.execute(
                "DELETE FROM answers WHERE draft_id = ?1 AND field_id = ?2 AND prefilled = 1",
                params![id, field.id],
            )?;
        }
    }
    Ok(())
}

/// The documents of a draft that have a file attached.
pub(crate) fn attached_documents(connection: &Connection, draft: i64) -> Result<Attached> {
    let mut statement = connection.prepare_cached("SELECT document_id FROM attachments WHERE draft_id = ?1")?;
    let ids = statement.query_map([draft], |row| row.get(0))?;
    Ok(ids.collect::<rusqlite::Result<Attached>>()?)
}

fn opened(connection: &Connection, id: i64) -> Result<OpenedDraft> {
    let (summary, notice, rejection) = connection
        .query_row(
            &format!("SELECT {SUMMARY_COLUMNS}, notice, rejection FROM drafts WHERE id = ?1 AND deleted_at IS NULL"),
            [id],
            |row| {
                Ok((
                    summary(row)?,
                    row.get::<_, Option<String>>(SUMMARY_COUNT)?,
                    row.get::<_, Option<String>>(SUMMARY_COUNT + 1)?,
                ))
            },
        )
        .optional()?
        .ok_or(Error::NotFound { what: "draft", id })?;
    let mut stmt = connection.prepare_cached("SELECT field_id, value, prefilled FROM answers WHERE draft_id = ?1")?;
    let mut answers = BTreeMap::new();
    let mut prefilled = Vec::new();
    for row in stmt.query_map([id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, bool>(2)?,
        ))
    })? {
        let (field, value, was_prefilled) = row?;
        // A value that no longer parses is skipped, not fatal: the rest of the draft still opens.
        if let Ok(answer) = serde_json::from_str::<Answer>(&value) {
            if was_prefilled {
                prefilled.push(field.clone());
            }
            answers.insert(field, answer);
        }
    }
    let notice = notice.and_then(|n| serde_json::from_str(&n).ok());
    let rejection = rejection.as_deref().and_then(refusal);
    Ok(OpenedDraft {
        summary,
        answers,
        prefilled,
        notice,
        rejection,
    })
}
