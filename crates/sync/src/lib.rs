//! Talking to the portal in the background: the outbox worker that delivers
//! submitted dossiers exactly once (idempotency keys, exponential backoff
//! with jitter, Retry-After, token refresh, and a replay of the same key when
//! an outcome is unknown), and status tracking that reports changes.
//!
//! Everything durable lives in the store, so a restart picks up where the
//! last run stopped.

mod backoff;
mod catalog;
mod deliver;
mod followups;
mod session;
mod track;

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use portal::Client;
use portal::types::{Dossier, Status};
use store::Store;
use tokio::sync::Notify;

pub use deliver::submission_payload;
pub use session::{BROWSER_ACCOUNT, SavedSession, Session, TokenVault};

/// What the worker tells the app.
#[derive(Debug, Clone)]
pub enum Event {
    /// The portal became reachable (`true`) or unreachable (`false`).
    Online(bool),
    /// A submission reached the portal and every file was confirmed.
    Delivered {
        /// The draft it came from.
        draft_id: i64,
        /// The dossier as the portal holds it.
        dossier: Box<Dossier>,
    },
    /// A submission's files are going out: how far, or that one stalled.
    Upload(UploadProgress),
    /// The portal refused a submission, or it cannot be sent; the draft is
    /// sent back to the user. (Not the agency's decision, `Status::Rejected`.)
    SentBack {
        /// The draft.
        draft_id: i64,
        /// Why, when it is not the portal's field errors (which the draft
        /// keeps): a code naming the Fluent message `error-<code>`, one of
        /// `portal-too-large`, `portal-refused`, `attachment-missing`, `unexpected`.
        reason: Option<String>,
    },
    /// The portal published a newer version of a procedure (already stored).
    CatalogUpdated {
        /// The new definition, checked.
        procedure: Box<procedures::Procedure>,
    },
    /// A dossier's status changed at the portal.
    StatusChanged {
        /// The dossier now.
        dossier: Box<Dossier>,
        /// Its status before.
        previous: Status,
    },
    /// A write that follows a submission (a supplement, a withdrawal, a
    /// rating, a feedback) reached the portal, or was refused.
    ActionDone {
        /// What it was.
        kind: store::ActionKind,
        /// The dossier it was about.
        dossier_id: Option<String>,
        /// Why the portal refused it: a code naming the Fluent message
        /// `error-<code>` (`already-rated`, `portal-refused`, …).
        refusal: Option<String>,
    },
    /// A feedback sent from this machine got its answer.
    FeedbackAnswered {
        /// Its tracking code (mã PAKN).
        code: String,
    },
    /// A dossier's result files were downloaded, checked and kept.
    ResultSaved {
        /// The dossier.
        dossier: Box<Dossier>,
    },
    /// The day a dossier's result is due changed, its status did not.
    DueChanged {
        /// The dossier now, its newest `due_changes` entry the change.
        dossier: Box<Dossier>,
        /// The day it was due before (`YYYY-MM-DD`).
        previous: Option<String>,
    },
}

/// Errors of the worker's own bookkeeping (portal failures are retried, not returned).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The local database failed.
    #[error(transparent)]
    Store(#[from] store::Error),
    /// A portal call failed in a way the caller must see (signing in).
    #[error(transparent)]
    Portal(#[from] portal::Error),
}

/// Result of a worker operation.
pub type Result<T> = std::result::Result<T, Error>;

/// Timing of the worker.
#[derive(Debug, Clone)]
pub struct Config {
    /// How often to ask the portal for changed dossiers; the worker uses at
    /// least [`MIN_POLL_EVERY`].
    pub poll_every: Duration,
    /// First retry delay; doubles with each failed attempt.
    pub retry_base: Duration,
    /// Longest retry delay.
    pub retry_cap: Duration,
    /// How long the connection may take none of a file's remaining bytes
    /// before its upload is given up and tried again (from that file on) at
    /// the next attempt. The system's send buffer takes a file in steps of
    /// up to about a third of its size (4 MiB here), so at the slowest
    /// uplink the app allows for (16 KiB/s, see `portal::upload_timeout`) a
    /// healthy upload can pause about 85 s between steps.
    pub stall_after: Duration,
}

/// How far a submission's files have gone out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadProgress {
    /// The draft the submission came from.
    pub draft_id: i64,
    /// The file going out now, from 1.
    pub file: usize,
    /// How many files this attempt sends (those the portal has not confirmed).
    pub files: usize,
    /// Bytes of those files sent so far.
    pub sent: u64,
    /// Bytes of those files in all.
    pub total: u64,
    /// This file sent nothing for [`Config::stall_after`]; it goes again at
    /// the next attempt, the files before it kept.
    pub stalled: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            poll_every: Duration::from_secs(30),
            retry_base: Duration::from_secs(2),
            retry_cap: Duration::from_secs(300),
            stall_after: Duration::from_secs(120),
        }
    }
}

/// The shortest poll interval the worker uses, whatever the configuration
/// says: a zero interval would hammer the portal.
pub const MIN_POLL_EVERY: Duration = Duration::from_secs(5);

/// How often to look for newer procedure definitions.
const CATALOG_EVERY: Duration = Duration::from_secs(3600);

/// How long to wait after a catalog check failed.
const CATALOG_RETRY: Duration = Duration::from_secs(300);

/// The longest wait the worker ever schedules; longer asks (a huge
/// Retry-After) are cut to this, so the arithmetic on dates cannot overflow.
const MAX_WAIT: Duration = Duration::from_secs(24 * 3600);

/// The background worker for one portal.
pub struct Worker {
    store: Arc<Store>,
    client: Client,
    config: Config,
    session: Session,
    wake: Arc<Notify>,
    online: AtomicBool,
    known_versions: Mutex<HashMap<String, u32>>,
    on_event: Box<dyn Fn(Event) + Send + Sync>,
}

impl Worker {
    /// A worker delivering `store`'s outbox to the portal behind `client`.
    /// The poll interval is raised to [`MIN_POLL_EVERY`] when shorter.
    pub fn new(
        store: Arc<Store>,
        client: Client,
        mut config: Config,
        on_event: impl Fn(Event) + Send + Sync + 'static,
    ) -> Arc<Self> {
        config.poll_every = config.poll_every.max(MIN_POLL_EVERY);
        let wake = Arc::new(Notify::new());
        Arc::new(Self {
            session: Session::new(client.clone(), wake.clone()),
            store,
            client,
            config,
            wake,
            online: AtomicBool::new(true),
            known_versions: Mutex::new(HashMap::new()),
            on_event: Box::new(on_event),
        })
    }

    /// The timing in use (after clamping).
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The portal client (for checks with the portal's key).
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The sign-in state.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The portal's base URL.
    pub fn base_url(&self) -> &str {
        self.client.base_url()
    }

    /// Whether the last portal call got an answer.
    pub fn is_online(&self) -> bool {
        self.online.load(Ordering::Relaxed)
    }

    /// Asks the worker to look at the outbox now (after a submission, or sign-in).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    fn emit(&self, event: Event) {
        (self.on_event)(event);
    }

    fn set_online(&self, online: bool) {
        if self.online.swap(online, Ordering::Relaxed) != online {
            self.emit(Event::Online(online));
        }
    }

    /// Runs forever: delivers what is due, polls for changes and checks the
    /// catalog when due, then sleeps until the next due attempt, the next
    /// poll, or a wake-up. A sign-in makes the poll and the catalog check due
    /// at once.
    pub async fn run(self: Arc<Self>) {
        let mut next_poll = tokio::time::Instant::now();
        let mut catalog = CatalogSchedule::new(tokio::time::Instant::now());
        let mut seen_sign_ins = self.session.sign_ins();
        loop {
            if let Err(error) = self.deliver_due().await {
                tracing::error!(%error, "the outbox could not be processed");
            }
            if let Err(error) = self.deliver_actions().await {
                tracing::warn!(%error, "follow-ups could not be processed");
            }
            let sign_ins = self.session.sign_ins();
            if sign_ins != seen_sign_ins {
                seen_sign_ins = sign_ins;
                next_poll = tokio::time::Instant::now();
            }
            if tokio::time::Instant::now() >= next_poll {
                if let Err(error) = self.poll_changes().await {
                    tracing::warn!(%error, "dossier changes could not be read");
                }
                // Not signed in: the check stays due, so it runs right after a sign-in.
                if self.session.access_token().is_some() && catalog.is_due(tokio::time::Instant::now(), sign_ins) {
                    let outcome = self.refresh_catalog().await;
                    if let Err(error) = &outcome {
                        tracing::warn!(%error, "the catalog could not be refreshed");
                    }
                    catalog.checked(tokio::time::Instant::now(), sign_ins, outcome.is_ok());
                }
                next_poll = tokio::time::Instant::now() + self.config.poll_every;
            }
            let until_due = self.until_next_due().unwrap_or(self.config.poll_every);
            let sleep = until_due.min(next_poll.saturating_duration_since(tokio::time::Instant::now()));
            tokio::select! {
                () = tokio::time::sleep(sleep) => {}
                () = self.wake.notified() => {}
            }
        }
    }

    fn until_next_due(&self) -> Option<Duration> {
        let submission = self.store.next_submission_due().ok().flatten();
        let action = self.store.next_action_due().ok().flatten();
        let due = match (submission, action) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        let due = chrono::DateTime::parse_from_rfc3339(&due).ok()?;
        let wait = due.signed_duration_since(chrono::Utc::now());
        Some(wait.to_std().unwrap_or(Duration::ZERO))
    }
}

/// When the next catalog check is due: an hour after a successful one,
/// five minutes after a failed one, and at once after a sign-in.
#[derive(Debug)]
struct CatalogSchedule {
    next: tokio::time::Instant,
    sign_ins: Option<u64>,
}

impl CatalogSchedule {
    /// Due at `now`.
    fn new(now: tokio::time::Instant) -> Self {
        Self {
            next: now,
            sign_ins: None,
        }
    }

    /// Whether to check at `now`, with `sign_ins` sign-ins so far.
    fn is_due(&self, now: tokio::time::Instant, sign_ins: u64) -> bool {
        now >= self.next || self.sign_ins != Some(sign_ins)
    }

    /// Records a check made at `now` after `sign_ins` sign-ins.
    fn checked(&mut self, now: tokio::time::Instant, sign_ins: u64, succeeded: bool) {
        self.sign_ins = Some(sign_ins);
        self.next = now + if succeeded { CATALOG_EVERY } else { CATALOG_RETRY };
    }
}

/// The time `delay` from now (at most [`MAX_WAIT`]), as the store writes
/// times (RFC 3339, UTC). Never panics, whatever the delay.
fn now_plus(delay: Duration) -> String {
    let now = chrono::Utc::now();
    let delay = chrono::TimeDelta::from_std(delay.min(MAX_WAIT)).unwrap_or(chrono::TimeDelta::zero());
    let at = now.checked_add_signed(delay).unwrap_or(now);
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn now_plus_never_panics_and_stays_within_the_longest_wait() {
        let latest =
            chrono::Utc::now() + chrono::TimeDelta::from_std(MAX_WAIT).unwrap() + chrono::TimeDelta::seconds(5);
        for delay in [
            Duration::MAX,
            Duration::from_secs(u64::MAX),
            Duration::from_secs(9_000_000_000_000),
        ] {
            let at = now_plus(delay);
            let at = chrono::DateTime::parse_from_rfc3339(&at).expect("the store can read the time back");
            assert!(at <= latest, "{delay:?} is cut to at most a day: {at}");
        }
    }

    #[test]
    fn the_catalog_is_checked_hourly_after_success_five_minutes_after_failure_and_at_once_after_sign_in() {
        let start = tokio::time::Instant::now();
        let mut schedule = CatalogSchedule::new(start);
        assert!(schedule.is_due(start, 0), "the first check is due at start");
        schedule.checked(start, 0, false);
        assert!(
            !schedule.is_due(start + Duration::from_secs(299), 0),
            "a failed check is not repeated at every poll"
        );
        assert!(
            schedule.is_due(start + CATALOG_RETRY, 0),
            "a failed check is repeated after five minutes"
        );
        schedule.checked(start, 0, true);
        assert!(
            !schedule.is_due(start + Duration::from_secs(3599), 0),
            "after a success the next check is an hour later"
        );
        assert!(
            schedule.is_due(start + Duration::from_secs(1), 1),
            "a sign-in makes the check due at once"
        );
        schedule.checked(start + Duration::from_secs(1), 1, true);
        assert!(!schedule.is_due(start + Duration::from_secs(2), 1), "once per sign-in");
    }
}
