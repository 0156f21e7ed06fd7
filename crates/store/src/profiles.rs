//! Citizen profiles: a person's data given once and reused to fill in forms.
//! A machine can hold several (a family, or a help desk's day).

use std::collections::BTreeMap;

use procedures::definition::Meaning;
use procedures::engine::{Answer, check_value, clean_answer, is_blank};
use procedures::message::Message;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use crate::{Error, Result, Store, audit, now};

/// A saved person.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Profile {
    /// Profile id; `None` for a profile not saved yet.
    pub id: Option<i64>,
    /// How the profile is listed, usually the person's name.
    pub label: String,
    /// The person's data by meaning.
    pub data: BTreeMap<Meaning, Answer>,
    /// When it last changed (RFC 3339, UTC); empty for a new profile.
    #[serde(default)]
    pub updated_at: String,
}

/// The data of one profile, for prefilling inside a transaction.
pub(crate) fn data(tx: &Transaction<'_>, id: i64) -> Result<BTreeMap<Meaning, Answer>> {
    let text: String = tx
        .query_row("SELECT data FROM profiles WHERE id = ?1", [id], |row| row.get(0))
        .optional()?
        .ok_or(Error::NotFound { what: "profile", id })?;
    Ok(serde_json::from_str(&text).unwrap_or_default())
}

fn cleaned(data: &BTreeMap<Meaning, Answer>) -> BTreeMap<Meaning, Answer> {
    data.iter()
        .map(|(meaning, answer)| (*meaning, clean_answer(meaning.kind(), answer)))
        .filter(|(_, answer)| !is_blank(answer))
        .collect()
}

impl Store {
    /// Fails with [`Error::NotFound`] unless the profile belongs to the
    /// session being served (or, with none, to no session).
    pub(crate) fn check_profile_scope(&self, connection: &rusqlite::Connection, id: i64) -> Result<()> {
        let found = connection
            .query_row(
                "SELECT 1 FROM profiles WHERE id = ?1 AND session_id IS ?2",
                params![id, self.current_session()],
                |_| Ok(()),
            )
            .optional()?;
        found.ok_or(Error::NotFound { what: "profile", id })
    }

    /// Every profile of the session being served (or of none), by label in Vietnamese alphabetical order.
    pub fn list_profiles(&self) -> Result<Vec<Profile>> {
        let connection = self.lock();
        let mut stmt = connection
            .prepare_cached("SELECT id, label, data, updated_at FROM profiles WHERE session_id IS ?1 ORDER BY id")?;
        let rows = stmt.query_map([self.current_session()], |row| {
            Ok(Profile {
                id: Some(row.get(0)?),
                label: row.get(1)?,
                data: serde_json::from_str(&row.get::<_, String>(2)?).unwrap_or_default(),
                updated_at: row.get(3)?,
            })
        })?;
        let mut profiles: Vec<Profile> = rows.collect::<rusqlite::Result<_>>()?;
        profiles.sort_by_cached_key(|p| procedures::fold::collation_key(&p.label));
        Ok(profiles)
    }

    /// Creates or replaces a profile; returns it as saved. A value the
    /// interview would refuse (an ID, a phone, a date, a name) is refused
    /// here too, with the same message, and nothing is saved.
    pub fn save_profile(&self, profile: &Profile) -> Result<Profile> {
        let today = chrono::Local::now().date_naive();
        let refused: Vec<(Meaning, Message)> = profile
            .data
            .iter()
            .filter(|(_, answer)| !is_blank(answer))
            .filter_map(|(meaning, answer)| {
                check_value(meaning.kind(), answer, today)
                    .err()
                    .map(|problem| (*meaning, problem))
            })
            .collect();
        if !refused.is_empty() {
            return Err(Error::ProfileValues(refused));
        }
        let data = cleaned(&profile.data);
        let label = procedures::fold::clean(&profile.label);
        let stamp = now();
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        let body = serde_json::to_string(&data).expect("profile data serializes");
        let id = match profile.id {
            Some(id) => {
                let changed = tx.execute(
                    "UPDATE profiles SET label = ?2, data = ?3, updated_at = ?4 WHERE id = ?1 AND session_id IS ?5",
                    params![id, label, body, stamp, self.current_session()],
                )?;
                if changed == 0 {
                    return Err(Error::NotFound { what: "profile", id });
                }
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO profiles (label, data, created_at, updated_at, session_id) VALUES (?1, ?2, ?3, ?3, ?4)",
                    params![label, body, stamp, self.current_session()],
                )?;
                tx.last_insert_rowid()
            }
        };
        audit::record(&tx, &self.actor(), "profile-saved", None, Some(id), None)?;
        tx.commit()?;
        Ok(Profile {
            id: Some(id),
            label,
            data,
            updated_at: stamp,
        })
    }

    /// Deletes a profile; drafts filled from it keep their answers.
    pub fn delete_profile(&self, id: i64) -> Result<()> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        if tx.execute(
            "DELETE FROM profiles WHERE id = ?1 AND session_id IS ?2",
            params![id, self.current_session()],
        )? == 0
        {
            return Err(Error::NotFound { what: "profile", id });
        }
        audit::record(&tx, &self.actor(), "profile-deleted", None, Some(id), None)?;
        tx.commit()?;
        Ok(())
    }

    /// Copies one answer of a draft into the profile the draft was filled
    /// from, under the field's meaning, when the user chooses to.
    pub fn update_profile_from_draft(&self, draft: i64, field_id: &str, meaning: Meaning) -> Result<Profile> {
        let mut connection = self.lock();
        let tx = connection.transaction()?;
        self.check_draft_scope(&tx, draft)?;
        let (profile, value): (Option<i64>, Option<String>) = tx
            .query_row(
                "SELECT profile_id, (SELECT value FROM answers WHERE draft_id = drafts.id AND field_id = ?2) \
                 FROM drafts WHERE id = ?1",
                params![draft, field_id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?
            .ok_or(Error::NotFound {
                what: "draft",
                id: draft,
            })?;
        let profile = profile.ok_or(Error::NotFound { what: "profile", id: 0 })?;
        self.check_profile_scope(&tx, profile)?;
        let mut data = data(&tx, profile)?;
        match value.and_then(|v| serde_json::from_str::<Answer>(&v).ok()) {
            Some(answer) => data.insert(meaning, answer),
            None => data.remove(&meaning),
        };
        let stamp = now();
        tx.execute(
            "UPDATE profiles SET data = ?2, updated_at = ?3 WHERE id = ?1",
            params![
                profile,
                serde_json::to_string(&data).expect("profile data serializes"),
                stamp
            ],
        )?;
        tx.execute(
            "UPDATE answers SET prefilled = 1 WHERE draft_id = ?1 AND field_id = ?2",
            params![draft, field_id],
        )?;
        audit::record(
            &tx,
            &self.actor(),
            "profile-updated-from-draft",
            Some(draft),
            Some(profile),
            Some(field_id),
        )?;
        let label: String = tx.query_row("SELECT label FROM profiles WHERE id = ?1", [profile], |row| row.get(0))?;
        tx.commit()?;
        Ok(Profile {
            id: Some(profile),
            label,
            data,
            updated_at: stamp,
        })
    }
}
