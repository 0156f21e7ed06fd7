//! Fault injection (`POST /admin/faults`), applied to `/v1/*` requests only:
//! latency, 5xx and 429 answers, a malformed body, and a connection dropped
//! after a dossier was stored. `ExpireTokens` acts at once on the tokens.

use std::sync::{Arc, PoisonError};
use std::time::Duration;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use portal::types::Fault;

use crate::problem::{ApiError, Kind};
use crate::state::Shared;

/// The body a malformed answer carries: JSON cut off in the middle.
pub(crate) const MALFORMED_BODY: &str = "{\"dossiers\": [{\"id\": \"";

/// The faults armed now.
#[derive(Debug, Default)]
pub(crate) struct Faults {
    latency: Option<Duration>,
    server_error: Option<(StatusCode, u32)>,
    rate_limited: Option<(u64, u32)>,
    malformed: bool,
    drop_after_store: bool,
}

/// What the next `/v1/*` request gets instead of its answer.
enum Instead {
    ServerError(StatusCode),
    RateLimited(u64),
    Malformed,
}

impl Faults {
    /// Takes what applies to the next request, counting it down.
    fn next(&mut self) -> (Option<Duration>, Option<Instead>) {
        let instead = if let Some((status, left)) = self.server_error.as_mut() {
            let status = *status;
            *left -= 1;
            if *left == 0 {
                self.server_error = None;
            }
            Some(Instead::ServerError(status))
        } else if let Some((secs, left)) = self.rate_limited.as_mut() {
            let secs = *secs;
            *left -= 1;
            if *left == 0 {
                self.rate_limited = None;
            }
            Some(Instead::RateLimited(secs))
        } else if std::mem::take(&mut self.malformed) {
            Some(Instead::Malformed)
        } else {
            None
        };
        (self.latency, instead)
    }
}

/// Whether the drop-after-store fault is armed; disarms it.
pub(crate) fn take_drop_after_store(shared: &Shared) -> bool {
    let mut faults = shared.faults.lock().unwrap_or_else(PoisonError::into_inner);
    std::mem::take(&mut faults.drop_after_store)
}

/// Middleware on `/v1`: delays, or answers instead of the handler.
pub(crate) async fn inject(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let (latency, instead) = shared.faults.lock().unwrap_or_else(PoisonError::into_inner).next();
    if let Some(delay) = latency {
        tokio::time::sleep(delay).await;
    }
    match instead {
        None => next.run(request).await,
        Some(Instead::ServerError(status)) => {
            ApiError::server_error(status, "Lỗi do môi trường thử nghiệm tạo ra.").into_response()
        }
        Some(Instead::RateLimited(secs)) => ApiError::new(Kind::RateLimited, StatusCode::TOO_MANY_REQUESTS)
            .detail(format!("Thử lại sau {secs} giây."))
            .header(header::RETRY_AFTER, HeaderValue::from(secs))
            .into_response(),
        Some(Instead::Malformed) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/json")],
            MALFORMED_BODY,
        )
            .into_response(),
    }
}

/// `POST /admin/faults`: arms a fault (replacing one of the same kind), or
/// clears them all.
pub(crate) async fn set(
    State(shared): State<Arc<Shared>>,
    body: Result<Json<Fault>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    let Json(fault) = body?;
    if let Fault::ServerError { status, .. } = fault
        && !(500..=599).contains(&status)
    {
        return Err(ApiError::unprocessable(
            Kind::Validation,
            format!("status {status} is not a 5xx status"),
        ));
    }
    if fault == Fault::ExpireTokens {
        crate::auth::expire_access_tokens(&shared)?;
        tracing::info!("fault: every access token issued so far expired");
        return Ok(StatusCode::NO_CONTENT);
    }
    let mut faults = shared.faults.lock().unwrap_or_else(PoisonError::into_inner);
    match fault {
        Fault::Latency { millis } => faults.latency = (millis > 0).then(|| Duration::from_millis(millis)),
        Fault::ServerError { status, count } => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            faults.server_error = (count > 0).then_some((status, count));
        }
        Fault::RateLimited { retry_after, count } => {
            faults.rate_limited = (count > 0).then_some((retry_after, count));
        }
        Fault::DropAfterStore => faults.drop_after_store = true,
        Fault::MalformedBody => faults.malformed = true,
        Fault::Clear => *faults = Faults::default(),
        Fault::ExpireTokens => {}
    }
    tracing::info!("fault armed: {fault:?}");
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_run_down_in_order() {
        let mut faults = Faults {
            server_error: Some((StatusCode::SERVICE_UNAVAILABLE, 2)),
            rate_limited: Some((7, 1)),
            malformed: true,
            ..Faults::default()
        };
        let kinds: Vec<&str> = (0..5)
            .map(|_| match faults.next().1 {
                Some(Instead::ServerError(_)) => "5xx",
                Some(Instead::RateLimited(_)) => "429",
                Some(Instead::Malformed) => "malformed",
                None => "through",
            })
            .collect();
        assert_eq!(kinds, ["5xx", "5xx", "429", "malformed", "through"]);
    }

    #[test]
    fn the_malformed_body_is_not_json() {
        assert!(serde_json::from_str::<serde_json::Value>(MALFORMED_BODY).is_err());
    }
}
