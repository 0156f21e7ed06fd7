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
pub use session::{BROWSER_ACCOUNT, Session};

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
    /// The portal refused a submission; the draft is back with the user.
    Rejected {
        /// The draft.
        draft_id: i64,
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
    /// How often to ask the portal for changed dossiers.
    pub poll_every: Duration,
    /// First retry delay; doubles with each failed attempt.
    pub retry_base: Duration,
    /// Longest retry delay.
    pub retry_cap: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            poll_every: Duration::from_secs(30),
            retry_base: Duration::from_secs(2),
            retry_cap: Duration::from_secs(300),
        }
    }
}

/// How often to look for newer procedure definitions.
const CATALOG_EVERY: Duration = Duration::from_secs(3600);

/// The background worker for one portal.
pub struct Worker {
    store: Arc<Store>,
    client: Client,
    config: Config,
    session: Session,
    wake: Notify,
    online: AtomicBool,
    known_versions: Mutex<HashMap<String, u32>>,
    on_event: Box<dyn Fn(Event) + Send + Sync>,
}

impl Worker {
    /// A worker delivering `store`'s outbox to the portal behind `client`.
    pub fn new(
        store: Arc<Store>,
        client: Client,
        config: Config,
        on_event: impl Fn(Event) + Send + Sync + 'static,
    ) -> Arc<Self> {
        Arc::new(Self {
            session: Session::new(client.clone()),
            store,
            client,
            config,
            wake: Notify::new(),
            online: AtomicBool::new(true),
            known_versions: Mutex::new(HashMap::new()),
            on_event: Box::new(on_event),
        })
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

    /// Runs forever: delivers what is due, polls for changes, then sleeps
    /// until the next due attempt, the next poll, or a wake-up.
    pub async fn run(self: Arc<Self>) {
        let mut next_poll = tokio::time::Instant::now();
        let mut next_catalog = tokio::time::Instant::now();
        loop {
            if let Err(error) = self.deliver_due().await {
                tracing::error!(%error, "the outbox could not be processed");
            }
            if tokio::time::Instant::now() >= next_poll {
                if let Err(error) = self.poll_changes().await {
                    tracing::warn!(%error, "dossier changes could not be read");
                }
                if tokio::time::Instant::now() >= next_catalog {
                    match self.refresh_catalog().await {
                        Ok(_) => next_catalog = tokio::time::Instant::now() + CATALOG_EVERY,
                        Err(error) => tracing::warn!(%error, "the catalog could not be refreshed"),
                    }
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
        let due = self.store.next_submission_due().ok()??;
        let due = chrono::DateTime::parse_from_rfc3339(&due).ok()?;
        let wait = due.signed_duration_since(chrono::Utc::now());
        Some(wait.to_std().unwrap_or(Duration::ZERO))
    }
}

/// The time `delay` from now, as the store writes times (RFC 3339, UTC).
fn now_plus(delay: Duration) -> String {
    let at = chrono::Utc::now() + chrono::Duration::from_std(delay).unwrap_or(chrono::Duration::zero());
    at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
