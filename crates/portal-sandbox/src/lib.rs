//! The portal sandbox: a real HTTP server implementing the portal API that
//! `docs/portal-api.yaml` defines, with its own SQLite database.
//!
//! This crate owns the server side of that contract: the OAuth 2.0
//! authorization-code-with-PKCE sign-in (standing in for VNeID, with
//! [`TEST_ACCOUNTS`]), the catalog with ETags, dossiers with idempotent
//! creation, attachment checks, the status lifecycle and the change cursor,
//! plus the sandbox-only admin routes: status moves, catalog publishing and
//! fault injection. The app's training mode starts it in-process on
//! 127.0.0.1, and tests drive it over real HTTP.
//!
//! Answers are personal data: they are stored, never logged.

mod admin;
mod auth;
mod catalog;
mod db;
mod dossiers;
mod faults;
mod net;
mod problem;
mod state;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::{get, post, put};
use chrono::NaiveDate;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::net::{KillSwitch, KillableListener};
use crate::state::Shared;

/// The OAuth `client_id` of the desktop app, the only client the sandbox knows.
pub const CLIENT_ID: &str = "tro-ly-dich-vu-cong";

/// Largest attachment body the sandbox accepts (20 MiB).
pub const MAX_ATTACHMENT_BYTES: usize = 20 * 1024 * 1024;

/// A test account of the sandbox's sign-in page (its stand-in for VNeID).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TestAccount {
    /// Account id, passed as `login_hint`.
    pub id: &'static str,
    /// The person's full name.
    pub name: &'static str,
    /// `citizen` or `officer` (cán bộ một cửa).
    pub role: &'static str,
}

/// Every account the sandbox signs in.
pub const TEST_ACCOUNTS: &[TestAccount] = &[
    TestAccount {
        id: "cong-dan",
        name: "Nguyễn Văn An",
        role: "citizen",
    },
    TestAccount {
        id: "cong-dan-2",
        name: "Phạm Thị Mai",
        role: "citizen",
    },
    TestAccount {
        id: "can-bo",
        name: "Lê Thị Hoa",
        role: "officer",
    },
];

/// How a sandbox runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// SQLite file; `None` keeps everything in memory.
    pub database: Option<PathBuf>,
    /// Lifetime of access tokens (refresh tokens live 30 days).
    pub access_token_ttl: Duration,
    /// Move each open dossier one status forward on this clock
    /// (submitted → received → in review → result ready); `None` moves
    /// dossiers only through `POST /admin/dossiers/{id}/status`.
    pub auto_advance: Option<Duration>,
    /// The day answers are re-validated against and dossier codes carry;
    /// `None` is the local date.
    pub today: Option<NaiveDate>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database: None,
            access_token_ttl: Duration::from_secs(3600),
            auto_advance: None,
            today: None,
        }
    }
}

/// Why a sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The address could not be bound or read.
    #[error("cannot listen: {0}")]
    Listen(#[from] std::io::Error),
    /// The database could not be opened or set up.
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    /// The bundled catalog did not load.
    #[error("catalog: {0}")]
    Catalog(#[from] procedures::Error),
}

/// A running sandbox server.
pub struct Sandbox {
    addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<()>>,
    ticker: Option<JoinHandle<()>>,
}

impl Sandbox {
    /// Starts a sandbox on 127.0.0.1 with a port the system picks.
    pub async fn start(config: Config) -> Result<Sandbox, Error> {
        Self::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), config).await
    }

    /// Starts a sandbox on a fixed address (tests restart on the same port).
    pub async fn start_on(addr: SocketAddr, config: Config) -> Result<Sandbox, Error> {
        let auto_advance = config.auto_advance;
        let shared = Arc::new(Shared::open(config)?);
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let app = router(shared.clone()).into_make_service_with_connect_info::<KillSwitch>();
        let (shutdown, stopped) = oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            let serve = axum::serve(KillableListener::new(listener), app).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            if let Err(e) = serve.await {
                tracing::error!("sandbox server stopped: {e}");
            }
        });
        let ticker = auto_advance.map(|every| tokio::spawn(admin::auto_advance(shared, every)));
        tracing::info!("portal sandbox listening on http://{addr}");
        Ok(Sandbox {
            addr,
            shutdown: Some(shutdown),
            server: Some(server),
            ticker,
        })
    }

    /// The base URL, e.g. `http://127.0.0.1:40123`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops the server gracefully: it stops accepting, lets requests in flight
    /// finish (for at most 5 seconds) and frees the port before returning.
    pub async fn stop(mut self) {
        if let Some(ticker) = self.ticker.take() {
            ticker.abort();
        }
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(mut server) = self.server.take()
            && tokio::time::timeout(Duration::from_secs(5), &mut server).await.is_err()
        {
            server.abort();
            let _ = server.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(ticker) = self.ticker.take() {
            ticker.abort();
        }
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

fn router(shared: Arc<Shared>) -> Router {
    let v1 = Router::new()
        .route("/catalog", get(catalog::list))
        .route("/catalog/{code}", get(catalog::fetch))
        .route("/dossiers", get(dossiers::changes).post(dossiers::create))
        .route("/dossiers/{id}", get(dossiers::fetch))
        .route(
            "/dossiers/{id}/attachments/{document_id}",
            put(dossiers::upload).layer(DefaultBodyLimit::max(MAX_ATTACHMENT_BYTES)),
        )
        .route("/dossiers/{id}/withdraw", post(dossiers::withdraw))
        .fallback(problem::no_route)
        .method_not_allowed_fallback(problem::wrong_method)
        .layer(middleware::from_fn_with_state(shared.clone(), auth::require_bearer))
        .layer(middleware::from_fn_with_state(shared.clone(), faults::inject));
    Router::new()
        .route("/health", get(|| async { "ok" }))
        .route("/oauth/authorize", get(auth::authorize))
        .route("/oauth/token", post(auth::token))
        .route("/admin/catalog", put(catalog::publish))
        .route("/admin/dossiers/{id}/status", post(admin::set_status))
        .route("/admin/faults", post(faults::set))
        .nest("/v1", v1)
        .fallback(problem::no_route)
        .method_not_allowed_fallback(problem::wrong_method)
        .layer(middleware::from_fn(state::log_request))
        .with_state(shared)
}
