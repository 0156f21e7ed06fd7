//! Serving citizens at a desk: an officer starts a session for the citizen
//! in front of them (identity checked by the interview's validators, and
//! their consent to the processing recorded), pauses it to serve someone
//! else, and ends it, which wipes the citizen's data from this PC once
//! nothing of theirs waits to be sent (see `store::sessions`).

use chrono::{Local, NaiveTime, Utc};
use procedures::definition::Meaning;
use procedures::engine::{Answer, check_value};
use serde::Serialize;
use store::{CitizenSession, NewSession};

use crate::assistant::{Assistant, today};
use crate::error::{Error, Result};

/// The version of the consent text (`session-consent-text` in the locales):
/// a session records which one the citizen agreed to. Change it with the text.
pub const CONSENT_VERSION: &str = "2026-12-1";

/// A session as the officer's list shows it: the name and only the last
/// four digits of the ID number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SessionView {
    /// Its id.
    pub id: i64,
    /// The citizen's name; `None` once wiped.
    pub name: Option<String>,
    /// The last four digits of their ID number; `None` once wiped.
    pub id_tail: Option<String>,
    /// When it started (RFC 3339).
    pub started_at: String,
    /// When the officer ended it.
    pub ended_at: Option<String>,
    /// Whether its data is gone from this PC.
    pub wiped: bool,
    /// Drafts and dossiers it holds on this PC.
    pub drafts: u32,
    /// Of those, submissions still waiting to be sent.
    pub waiting: u32,
}

impl From<CitizenSession> for SessionView {
    fn from(s: CitizenSession) -> Self {
        Self {
            id: s.id,
            name: s.name,
            id_tail: s
                .citizen_id
                .map(|id| id.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect()),
            started_at: s.started_at,
            ended_at: s.ended_at,
            wiped: s.wiped,
            drafts: s.drafts,
            waiting: s.waiting,
        }
    }
}

/// The officer's sessions and the one served now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Sessions {
    /// The session served now, if any.
    pub current: Option<i64>,
    /// Today's sessions and any older one whose data is still here, newest first.
    pub sessions: Vec<SessionView>,
}

/// The citizen's name, ID number and birth date, cleaned, once each passes
/// the interview's validator (refused values come back together, as for a
/// saved person) and `consented` is true.
pub fn checked_identity(name: &str, citizen_id: &str, birth_date: &str, consented: bool) -> Result<[String; 3]> {
    let values = [
        (Meaning::FullName, name),
        (Meaning::CitizenId, citizen_id),
        (Meaning::BirthDate, birth_date),
    ];
    let refused: Vec<_> = values
        .iter()
        .filter_map(|(meaning, value)| {
            let answer = Answer::Text(procedures::fold::clean(value));
            check_value(meaning.kind(), &answer, today())
                .err()
                .map(|problem| (*meaning, problem))
        })
        .collect();
    if !refused.is_empty() {
        return Err(Error::Store(store::Error::ProfileValues(refused)));
    }
    if !consented {
        return Err(Error::ConsentMissing);
    }
    Ok(values.map(|(_, value)| procedures::fold::clean(value)))
}

impl Assistant {
    /// The officer's sessions of today, and older ones still holding data.
    pub fn sessions(&self) -> Result<Sessions> {
        let officer = self.officer()?.account;
        let midnight = Local::now()
            .with_time(NaiveTime::MIN)
            .single()
            .map_or_else(Utc::now, |t| t.with_timezone(&Utc));
        let since = midnight.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        Ok(Sessions {
            current: self.store.current_session(),
            sessions: self
                .store
                .sessions_since(&officer, &since)?
                .into_iter()
                .map(SessionView::from)
                .collect(),
        })
    }

    /// Starts serving a citizen: their name, ID number and birth date pass
    /// the interview's validators (refused values come back together, as
    /// for a saved person), and `consented` must be true.
    pub fn start_session(&self, name: &str, citizen_id: &str, birth_date: &str, consented: bool) -> Result<Sessions> {
        let officer = self.officer()?.account;
        let [name, citizen_id, birth_date] = checked_identity(name, citizen_id, birth_date, consented)?;
        self.store.start_session(&NewSession {
            officer: &officer,
            name: &name,
            citizen_id: &citizen_id,
            birth_date: &birth_date,
            consent_version: CONSENT_VERSION,
        })?;
        self.sessions()
    }

    /// Serves the open session `id` again, or nobody (`None`: a pause).
    pub fn resume_session(&self, id: Option<i64>) -> Result<Sessions> {
        self.officer()?;
        self.store.resume_session(id)?;
        self.sessions()
    }

    /// Ends the session `id`; its data is wiped now or, when a submission
    /// still waits, as soon as that went out.
    pub fn end_session(&self, id: i64) -> Result<Sessions> {
        self.officer()?;
        self.store.end_session(id)?;
        self.sessions()
    }
}
