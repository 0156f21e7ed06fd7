//! Idempotency keys of the writes that follow a submission (supplement,
//! withdrawal, rating, feedback): the first request with a key is stored
//! with what it made; the same key with the same body answers that again,
//! with another body 422.

use axum::http::HeaderMap;
use portal::types::IDEMPOTENCY_KEY;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

use crate::db::sha256_hex;

use crate::net::KillSwitch;
use crate::problem::{ApiError, Kind};
use crate::state::Shared;

/// The request's `Idempotency-Key`; 400 when it is missing, blank or longer than 255.
pub(crate) fn from_headers(headers: &HeaderMap) -> Result<String, ApiError> {
    headers
        .get(IDEMPOTENCY_KEY)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|k| !k.is_empty() && k.len() <= 255)
        .map(str::to_owned)
        .ok_or_else(|| ApiError::bad_request(format!("Thiếu tiêu đề {IDEMPOTENCY_KEY}.")))
}

/// A key, the account that sent it and the hash of the body it came with.
pub(crate) struct RequestKey {
    account: String,
    key: String,
    request_sha256: String,
}

impl RequestKey {
    /// The key `account` sent with `body`.
    pub fn new(account: &str, key: String, body: &impl Serialize) -> Self {
        Self {
            account: account.to_owned(),
            key,
            request_sha256: sha256_hex(&serde_json::to_vec(body).unwrap_or_default()),
        }
    }

    /// What an earlier request with this key made (a dossier or feedback
    /// id); 422 when that request had another body.
    pub fn replayed(&self, tx: &Transaction<'_>) -> Result<Option<String>, ApiError> {
        let stored: Option<(String, String)> = tx
            .query_row(
                "SELECT request_sha256, target FROM request_keys WHERE account = ?1 AND key = ?2",
                params![self.account, self.key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match stored {
            Some((sha256, _)) if sha256 != self.request_sha256 => Err(ApiError::unprocessable(
                Kind::IdempotencyConflict,
                "Mã Idempotency-Key này đã được dùng với nội dung khác.",
            )),
            Some((_, target)) => Ok(Some(target)),
            None => Ok(None),
        }
    }

    /// Remembers that this key made `target`.
    pub fn remember(&self, tx: &Transaction<'_>, target: &str) -> rusqlite::Result<()> {
        tx.execute(
            "INSERT INTO request_keys (account, key, request_sha256, target) VALUES (?1, ?2, ?3, ?4)",
            params![self.account, self.key, self.request_sha256, target],
        )?;
        Ok(())
    }
}

/// Drops the connection unanswered when the drop-after-store fault is
/// armed: the write is stored, the client never hears of it.
pub(crate) fn drop_if_armed(shared: &Shared, connection: &KillSwitch, what: &str) {
    if crate::faults::take_drop_after_store(shared) {
        tracing::info!("fault: dropping the connection after storing {what}");
        connection.kill();
    }
}
