//! The portal sandbox: a real HTTP server implementing the portal API that
//! `docs/portal-api.yaml` defines, with its own SQLite database.
//!
//! This crate owns the server side of that contract: the OAuth 2.0
//! authorization-code-with-PKCE sign-in (standing in for VNeID, with
//! [`TEST_ACCOUNTS`]), the catalog with ETags, dossiers with idempotent
//! creation, attachment checks, the status lifecycle and the change cursor,
//! plus the sandbox-only admin routes: status moves, catalog publishing,
//! fault injection and the app release offered to its updater. The app's training mode starts it in-process on
//! 127.0.0.1, and tests drive it over real HTTP.
//!
//! Other programs on the same PC can reach a loopback port, so the admin
//! routes need a per-run token, only loopback `Host` names are served (no
//! DNS rebinding), and catalog definitions are signed with Ed25519.
//!
//! Answers are personal data: they are stored, never logged, kept at most
//! [`DEFAULT_RETENTION`] after their last change, in a file only its owner
//! reads, encrypted with SQLCipher when the app gives a key.

mod admin;
mod auth;
mod catalog;
mod db;
mod dossiers;
mod faults;
mod feedback;
mod followup;
mod guard;
mod keys;
mod net;
mod payments;
mod private;
mod problem;
mod retention;
mod state;
mod training;
mod updates;

pub use payments::training_payment_code;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::{get, post, put};
use chrono::NaiveDate;
use portal::types::Role;
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
    /// A citizen, or an officer of a one-stop desk (cán bộ một cửa).
    pub role: Role,
}

/// Every account the sandbox signs in.
pub const TEST_ACCOUNTS: &[TestAccount] = &[
    TestAccount {
        id: "cong-dan",
        name: "Nguyễn Văn An",
        role: Role::Citizen,
    },
    TestAccount {
        id: "cong-dan-2",
        name: "Phạm Thị Mai",
        role: Role::Citizen,
    },
    TestAccount {
        id: "can-bo",
        name: "Lê Thị Hoa",
        role: Role::Officer,
    },
];

/// How long the training sandbox keeps a dossier after its last change,
/// unless [`Config::retention`] says otherwise (30 days).
pub const DEFAULT_RETENTION: Duration = Duration::from_secs(30 * 24 * 3600);

/// Largest body `PUT /admin/catalog` accepts (512 KiB).
pub const MAX_DEFINITION_BYTES: usize = 512 * 1024;

/// The header that carries the admin token on `/admin/*` requests.
pub const ADMIN_TOKEN_HEADER: &str = "X-Admin-Token";

/// The header that carries the Ed25519 signature of a catalog definition.
pub const CATALOG_SIGNATURE_HEADER: &str = "X-Catalog-Signature";

/// How a sandbox runs.
#[derive(Clone)]
pub struct Config {
    /// SQLite file; `None` keeps everything in memory.
    pub database: Option<PathBuf>,
    /// The SQLCipher key of [`Config::database`]; `None` leaves the file
    /// unencrypted. A plain file from an earlier version is encrypted in
    /// place, keeping every row.
    pub database_key: Option<[u8; 32]>,
    /// Lifetime of access tokens (refresh tokens live 30 days).
    pub access_token_ttl: Duration,
    /// Move each open dossier one status forward on this clock
    /// (submitted → received → in review → result ready); `None` moves
    /// dossiers only through `POST /admin/dossiers/{id}/status`.
    pub auto_advance: Option<Duration>,
    /// The day answers are re-validated against and dossier codes carry;
    /// `None` is the local date.
    pub today: Option<NaiveDate>,
    /// The token `/admin/*` requests must carry in `X-Admin-Token`; `None`
    /// draws a random one for this run (see [`Sandbox::admin_token`]).
    pub admin_token: Option<String>,
    /// Where to write the admin token (mode 0600), for tools that drive
    /// the sandbox from outside the process.
    pub admin_token_file: Option<PathBuf>,
    /// The Ed25519 seed catalog definitions are signed with; `None` keeps
    /// one generated at first start in the database (a fresh one per run
    /// without a database file).
    pub signing_key: Option<[u8; 32]>,
    /// Dossiers (with their answers and files) unchanged for longer than
    /// this are deleted, at start and once a day.
    pub retention: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            database: None,
            database_key: None,
            access_token_ttl: Duration::from_secs(3600),
            auto_advance: None,
            today: None,
            admin_token: None,
            admin_token_file: None,
            signing_key: None,
            retention: DEFAULT_RETENTION,
        }
    }
}

/// Secrets stay out of logs: only whether they are set is shown.
impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let set = |present: bool| if present { "<set>" } else { "<none>" };
        f.debug_struct("Config")
            .field("database", &self.database.as_ref().map(|_| "<file>"))
            .field("database_key", &set(self.database_key.is_some()))
            .field("access_token_ttl", &self.access_token_ttl)
            .field("auto_advance", &self.auto_advance)
            .field("today", &self.today)
            .field("admin_token", &set(self.admin_token.is_some()))
            .field("admin_token_file", &self.admin_token_file.as_ref().map(|_| "<file>"))
            .field("signing_key", &set(self.signing_key.is_some()))
            .field("retention", &self.retention)
            .finish()
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
    /// A database key was given, but SQLite was built without SQLCipher.
    #[error("database: a key was given but SQLite has no SQLCipher")]
    NoEncryption,
    /// The database file or the admin token file could not be made private.
    #[error("cannot write a private file: {0}")]
    PrivateFile(std::io::Error),
    /// The bundled catalog did not load.
    #[error("catalog: {0}")]
    Catalog(#[from] procedures::Error),
}

/// A running sandbox server.
pub struct Sandbox {
    addr: SocketAddr,
    admin_token: String,
    catalog_public_key: [u8; 32],
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<JoinHandle<()>>,
    tasks: Vec<JoinHandle<()>>,
}

impl Sandbox {
    /// Starts a sandbox on 127.0.0.1 with a port the system picks.
    pub async fn start(config: Config) -> Result<Sandbox, Error> {
        Self::start_on(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), config).await
    }

    /// Starts a sandbox on a fixed address (tests restart on the same port).
    pub async fn start_on(addr: SocketAddr, config: Config) -> Result<Sandbox, Error> {
        let auto_advance = config.auto_advance;
        let token_file = config.admin_token_file.clone();
        let shared = Arc::new(Shared::open(config)?);
        retention::purge(&shared)?;
        if let Some(path) = token_file {
            private::write(&path, shared.admin_token.as_bytes()).map_err(Error::PrivateFile)?;
        }
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let app = router(shared.clone(), addr.port()).into_make_service_with_connect_info::<KillSwitch>();
        let (shutdown, stopped) = oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            let serve = axum::serve(KillableListener::new(listener), app).with_graceful_shutdown(async {
                let _ = stopped.await;
            });
            if let Err(e) = serve.await {
                tracing::error!("sandbox server stopped: {e}");
            }
        });
        let mut tasks = vec![tokio::spawn(retention::every_day(shared.clone()))];
        tasks.extend(auto_advance.map(|every| tokio::spawn(training::auto_advance(shared.clone(), every))));
        tracing::info!("portal sandbox listening on http://{addr}");
        Ok(Sandbox {
            addr,
            admin_token: shared.admin_token.clone(),
            catalog_public_key: shared.signing_key.verifying_key().to_bytes(),
            shutdown: Some(shutdown),
            server: Some(server),
            tasks,
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

    /// The token `/admin/*` requests must carry in [`ADMIN_TOKEN_HEADER`].
    pub fn admin_token(&self) -> String {
        self.admin_token.clone()
    }

    /// The Ed25519 public key that verifies [`CATALOG_SIGNATURE_HEADER`].
    pub fn catalog_public_key(&self) -> [u8; 32] {
        self.catalog_public_key
    }

    /// Stops the server gracefully: it stops accepting, lets requests in flight
    /// finish (for at most 5 seconds) and frees the port before returning.
    pub async fn stop(mut self) {
        for task in self.tasks.drain(..) {
            task.abort();
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
        for task in self.tasks.drain(..) {
            task.abort();
        }
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
    }
}

fn router(shared: Arc<Shared>, port: u16) -> Router {
    let v1 = Router::new()
        .route("/me", get(auth::me))
        .route("/catalog", get(catalog::list))
        .route("/catalog/{code}", get(catalog::fetch))
        .route("/dossiers", get(dossiers::changes).post(dossiers::create))
        .route("/dossiers/{id}", get(dossiers::fetch))
        .route(
            "/dossiers/{id}/attachments/{document_id}",
            put(dossiers::upload).layer(DefaultBodyLimit::max(MAX_ATTACHMENT_BYTES)),
        )
        .route("/dossiers/{id}/withdraw", post(followup::withdraw))
        .route("/dossiers/{id}/supplement", post(followup::reply))
        .route("/dossiers/{id}/rating", post(followup::rate))
        .route("/dossiers/{id}/results/{document_id}", get(followup::result_file))
        .route("/feedback", get(feedback::list).post(feedback::send))
        .route(
            "/feedback/{id}/attachments/{document_id}",
            put(feedback::upload).layer(DefaultBodyLimit::max(MAX_ATTACHMENT_BYTES)),
        )
        .fallback(problem::no_route)
        .method_not_allowed_fallback(problem::wrong_method)
        .layer(middleware::from_fn_with_state(shared.clone(), auth::require_bearer))
        .layer(middleware::from_fn_with_state(shared.clone(), faults::inject));
    let admin = Router::new()
        .route(
            "/admin/catalog",
            put(catalog::publish).layer(DefaultBodyLimit::max(MAX_DEFINITION_BYTES)),
        )
        .route("/admin/dossiers/{id}/status", post(admin::set_status))
        .route("/admin/dossiers/{id}/due", post(admin::set_due))
        .route("/admin/dossiers/{id}/payment", post(payments::request))
        .route("/admin/dossiers/{id}/payment/confirm", post(payments::confirm))
        .route("/admin/dossiers/{id}/payment/fail", post(payments::fail))
        .route("/admin/dossiers/{id}/payment/expire", post(payments::expire))
        .route("/admin/dossiers/{id}/supplement", post(followup::ask))
        .route("/admin/dossiers/{id}/result", post(followup::issue))
        .route("/admin/feedback/{id}/answer", post(feedback::answer))
        .route("/admin/faults", post(faults::set))
        .route(
            "/admin/update",
            put(updates::publish)
                .delete(updates::withdraw)
                .layer(DefaultBodyLimit::max(updates::MAX_BUNDLE_BYTES / 3 * 4 + 64 * 1024)),
        )
        .route_layer(middleware::from_fn_with_state(shared.clone(), guard::require_admin));
    Router::new()
        .route("/health", get(|| async { "ok" }))
        .route("/oauth/authorize", get(auth::authorize))
        .route("/oauth/token", post(auth::token))
        .route("/oauth/revoke", post(auth::revoke))
        .route("/updates/{target}/{arch}/{current_version}", get(updates::manifest))
        .route("/updates/bundle/{version}", get(updates::bundle))
        .merge(admin)
        .nest("/v1", v1)
        .fallback(problem::no_route)
        .method_not_allowed_fallback(problem::wrong_method)
        .layer(middleware::from_fn_with_state(
            Arc::new(guard::LoopbackHosts::new(port)),
            guard::require_loopback_host,
        ))
        .layer(middleware::from_fn(state::log_request))
        .with_state(shared)
}
