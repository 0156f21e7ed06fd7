//! The app's update manifest, as the Tauri updater reads it: a release put
//! up through `PUT /admin/update` is offered at
//! `GET /updates/{target}/{arch}/{current_version}` to any older version, and
//! its bundle is served at `GET /updates/bundle/{version}`. The sandbox signs
//! nothing here: the release comes signed, and the app checks the signature
//! against the key it was built with.

use std::sync::{Arc, Mutex, PoisonError};

use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use futures_util::StreamExt;
use portal::types::PublishUpdate;
use semver::Version;
use serde::Serialize;

use crate::problem::ApiError;
use crate::state::Shared;

/// The largest bundle `PUT /admin/update` takes, before base64.
pub(crate) const MAX_BUNDLE_BYTES: usize = 64 * 1024 * 1024;

/// How long a cut download stalls before its connection drops.
const CUT_AFTER: std::time::Duration = std::time::Duration::from_millis(300);

/// The release on offer, if any.
#[derive(Default)]
pub(crate) struct Offer(Mutex<Option<Release>>);

struct Release {
    version: Version,
    notes: String,
    signature: String,
    bundle: Bytes,
    cut_after: Option<usize>,
    published: chrono::DateTime<chrono::Utc>,
}

/// The manifest the Tauri updater expects from a dynamic update server.
#[derive(Serialize)]
struct Manifest {
    version: String,
    notes: String,
    pub_date: String,
    url: String,
    signature: String,
}

/// `PUT /admin/update`: offers a release, replacing the one on offer.
pub(crate) async fn publish(
    State(shared): State<Arc<Shared>>,
    body: Result<Json<PublishUpdate>, JsonRejection>,
) -> Result<StatusCode, ApiError> {
    let Json(update) = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => {
            ApiError::too_large(format!("Bản cập nhật vượt quá {} MiB.", MAX_BUNDLE_BYTES / 1024 / 1024))
        }
        _ => ApiError::from(rejection),
    })?;
    let version = Version::parse(update.version.trim_start_matches('v'))
        .map_err(|e| ApiError::bad_request(format!("version: {e}")))?;
    let bundle = STANDARD
        .decode(update.bundle.as_bytes())
        .map_err(|e| ApiError::bad_request(format!("bundle: {e}")))?;
    if update.signature.trim().is_empty() {
        return Err(ApiError::bad_request("signature: empty"));
    }
    tracing::info!(%version, bytes = bundle.len(), cut = ?update.cut_after_bytes, "update offered");
    *shared.updates.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(Release {
        version,
        notes: update.notes,
        signature: update.signature,
        bundle: Bytes::from(bundle),
        cut_after: update.cut_after_bytes.map(|n| usize::try_from(n).unwrap_or(usize::MAX)),
        published: chrono::Utc::now(),
    });
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /admin/update`: withdraws the release on offer.
pub(crate) async fn withdraw(State(shared): State<Arc<Shared>>) -> StatusCode {
    shared.updates.0.lock().unwrap_or_else(PoisonError::into_inner).take();
    StatusCode::NO_CONTENT
}

/// `GET /updates/{target}/{arch}/{current_version}`: the release on offer
/// when it is newer than the caller's version, `204 No Content` otherwise.
pub(crate) async fn manifest(
    State(shared): State<Arc<Shared>>,
    Path((_target, _arch, current)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    // The loopback guard has already checked the host the caller named.
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .ok_or_else(|| ApiError::bad_request("Host header missing"))?;
    let current = Version::parse(current.trim_start_matches('v'))
        .map_err(|e| ApiError::bad_request(format!("current_version: {e}")))?;
    let offer = shared.updates.0.lock().unwrap_or_else(PoisonError::into_inner);
    let Some(release) = offer.as_ref().filter(|r| r.version > current) else {
        return Ok(StatusCode::NO_CONTENT.into_response());
    };
    Ok(Json(Manifest {
        version: release.version.to_string(),
        notes: release.notes.clone(),
        pub_date: release.published.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        url: format!("http://{host}/updates/bundle/{}", release.version),
        signature: release.signature.clone(),
    })
    .into_response())
}

/// `GET /updates/bundle/{version}`: the bundle on offer. With a cut armed,
/// the full length is announced but the connection drops part way.
pub(crate) async fn bundle(
    State(shared): State<Arc<Shared>>,
    Path(version): Path<String>,
) -> Result<Response, ApiError> {
    let (bundle, cut_after) = {
        let offer = shared.updates.0.lock().unwrap_or_else(PoisonError::into_inner);
        match offer
            .as_ref()
            .filter(|r| r.version.to_string() == version.trim_start_matches('v'))
        {
            Some(release) => (release.bundle.clone(), release.cut_after),
            None => return Err(ApiError::not_found(format!("Không có bản cập nhật {version}."))),
        }
    };
    let length = bundle.len();
    let body = match cut_after.filter(|&cut| cut < length) {
        None => Body::from(bundle),
        Some(cut) => {
            tracing::info!(cut, length, "update bundle cut short");
            // The first part goes out before the connection drops, as when a
            // line fails in the middle of a download.
            let sent = futures_util::stream::iter([Ok(bundle.slice(..cut))]);
            let dropped = futures_util::stream::once(async {
                tokio::time::sleep(CUT_AFTER).await;
                Err(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "cut by the sandbox",
                ))
            });
            Body::from_stream(sent.chain(dropped))
        }
    };
    Ok((
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_owned()),
            (header::CONTENT_LENGTH, length.to_string()),
        ],
        body,
    )
        .into_response())
}
