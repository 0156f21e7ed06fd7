//! What every handler shares: the database, the published catalog, the
//! armed faults, the admin token, the catalog signing key and the
//! configuration.

use std::sync::Mutex;
use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use chrono::NaiveDate;
use ed25519_dalek::SigningKey;

use crate::catalog::Published;
use crate::db::Db;
use crate::faults::Faults;
use crate::updates::Offer;
use crate::{Config, Error};

/// State shared by the handlers of one sandbox.
pub(crate) struct Shared {
    /// The sandbox's own database.
    pub db: Db,
    /// The catalog as published now.
    pub catalog: Published,
    /// Faults armed through `POST /admin/faults`.
    pub faults: Mutex<Faults>,
    /// The token `/admin/*` requests must carry.
    pub admin_token: String,
    /// The key catalog definitions are signed with.
    pub signing_key: SigningKey,
    /// How the sandbox was started.
    pub config: Config,
    /// The app release offered to the updater, if any.
    pub updates: Offer,
}

impl Shared {
    /// Opens the database, loads the catalog, and settles the admin token
    /// (given, or random for this run) and the signing key (given, or kept
    /// in the database).
    pub fn open(config: Config) -> Result<Self, Error> {
        let db = Db::open(config.database.as_deref(), config.database_key.as_ref())?;
        let catalog = Published::load(&db)?;
        let seed = match config.signing_key {
            Some(seed) => seed,
            None => db.signing_seed()?,
        };
        // An empty token would let a request without the header through.
        let admin_token = (config.admin_token.clone())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(crate::auth::random_token);
        Ok(Self {
            db,
            catalog,
            faults: Mutex::new(Faults::default()),
            admin_token,
            signing_key: SigningKey::from_bytes(&seed),
            config,
            updates: Offer::default(),
        })
    }

    /// The day answers are validated against.
    pub fn today(&self) -> NaiveDate {
        self.config.today.unwrap_or_else(|| chrono::Local::now().date_naive())
    }
}

/// Logs method, path (never the query or body) and status of every request.
pub(crate) async fn log_request(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    tracing::debug!(
        "{method} {path} → {} in {} ms",
        response.status().as_u16(),
        started.elapsed().as_millis()
    );
    response
}
