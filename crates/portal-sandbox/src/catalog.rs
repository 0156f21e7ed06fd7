//! The catalog the portal accepts: the bundled definitions, replaced by
//! newer versions published through `PUT /admin/catalog` (kept in the
//! database), served with `ETag: "<code>@<version>"` and signed: the
//! `X-Catalog-Signature` header is the Ed25519 signature of the exact body
//! bytes, so a client can refuse a definition the portal did not publish.

use std::collections::BTreeMap;
use std::sync::{Arc, PoisonError, RwLock};

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signer, SigningKey};
use portal::types::{CatalogEntry, CatalogList};
use procedures::definition::Definition;
use procedures::{Catalog, Procedure};
use rusqlite::params;

use crate::db::Db;

/// [`crate::CATALOG_SIGNATURE_HEADER`] as a header name (lowercase).
const SIGNATURE: &str = "x-catalog-signature";
use crate::problem::{ApiError, Kind};
use crate::state::Shared;

/// The procedures published now, by code.
pub(crate) struct Published {
    procedures: RwLock<BTreeMap<String, Arc<Procedure>>>,
}

/// Loads a definition received as JSON through the same checks as the
/// bundled TOML files: re-serialized to TOML and read by the loader.
pub(crate) fn procedure_from_definition(definition: &Definition) -> Result<Procedure, String> {
    let text = toml::to_string(definition).map_err(|e| format!("cannot write the definition as TOML: {e}"))?;
    Procedure::from_toml(&format!("{}.json", definition.code), &text).map_err(|e| e.to_string())
}

fn entry(procedure: &Procedure) -> CatalogEntry {
    let d = &procedure.definition;
    CatalogEntry {
        code: d.code.clone(),
        version: d.version,
        name: d.name.clone(),
    }
}

fn etag(procedure: &Procedure) -> String {
    format!("\"{}@{}\"", procedure.definition.code, procedure.definition.version)
}

impl Published {
    /// The bundled catalog, then what was published into this database.
    pub fn load(db: &Db) -> Result<Self, crate::Error> {
        let mut procedures: BTreeMap<String, Arc<Procedure>> = Catalog::bundled()?
            .procedures()
            .iter()
            .map(|p| (p.definition.code.clone(), Arc::new(p.clone())))
            .collect();
        let stored: Vec<String> = db.transaction(|tx| {
            let mut statement = tx.prepare("SELECT definition FROM catalog_published ORDER BY code")?;
            let rows = statement.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<Vec<String>>>()
        })?;
        for json in stored {
            let loaded = serde_json::from_str::<Definition>(&json)
                .map_err(|e| e.to_string())
                .and_then(|d| procedure_from_definition(&d));
            match loaded {
                Ok(p) => {
                    let newer = procedures
                        .get(&p.definition.code)
                        .is_none_or(|old| old.definition.version < p.definition.version);
                    if newer {
                        procedures.insert(p.definition.code.clone(), Arc::new(p));
                    }
                }
                Err(e) => tracing::warn!("a published definition no longer loads and is skipped: {e}"),
            }
        }
        Ok(Self {
            procedures: RwLock::new(procedures),
        })
    }

    /// The current version of a procedure.
    pub fn get(&self, code: &str) -> Option<Arc<Procedure>> {
        self.procedures
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(code)
            .cloned()
    }

    fn list(&self) -> CatalogList {
        let procedures = self.procedures.read().unwrap_or_else(PoisonError::into_inner);
        CatalogList {
            procedures: procedures.values().map(|p| entry(p)).collect(),
        }
    }
}

/// `GET /v1/catalog`.
pub(crate) async fn list(State(shared): State<Arc<Shared>>) -> Json<CatalogList> {
    Json(shared.catalog.list())
}

/// Whether `If-None-Match` names this entity tag (weak comparison, `*`).
fn none_match(headers: &HeaderMap, tag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|t| t.trim())
        .any(|t| t == "*" || t.strip_prefix("W/").unwrap_or(t) == tag)
}

/// The `X-Catalog-Signature` value for `body`: standard base64 of the
/// 64-byte Ed25519 signature.
fn signature(key: &SigningKey, body: &[u8]) -> HeaderValue {
    let text = STANDARD.encode(key.sign(body).to_bytes());
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// `GET /v1/catalog/{code}`: the signed definition, or 304 when the client
/// has it (a 304 has no body, so nothing to sign).
pub(crate) async fn fetch(
    State(shared): State<Arc<Shared>>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let procedure = shared
        .catalog
        .get(&code)
        .ok_or_else(|| ApiError::not_found(format!("Không có thủ tục mã {code}.")))?;
    let tag = etag(&procedure);
    let tag_header = HeaderValue::from_str(&tag).map_err(|_| ApiError::not_found("Mã thủ tục không hợp lệ."))?;
    if none_match(&headers, &tag) {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, tag_header)]).into_response());
    }
    let body = serde_json::to_vec(&procedure.definition)
        .map_err(|_| ApiError::server_error(StatusCode::INTERNAL_SERVER_ERROR, "Không đọc được định nghĩa thủ tục."))?;
    let signed = signature(&shared.signing_key, &body);
    Ok((
        [
            (header::ETAG, tag_header),
            (header::CONTENT_TYPE, HeaderValue::from_static("application/json")),
            (HeaderName::from_static(SIGNATURE), signed),
        ],
        body,
    )
        .into_response())
}

/// `PUT /admin/catalog`: publishes a definition (a new procedure, or a
/// newer version of one), after the loader's checks (which bound sizes and
/// nesting); bodies over [`crate::MAX_DEFINITION_BYTES`] get 413.
pub(crate) async fn publish(
    State(shared): State<Arc<Shared>>,
    body: Result<Json<serde_json::Value>, JsonRejection>,
) -> Result<Json<CatalogEntry>, ApiError> {
    let Json(value) = body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::too_large(format!(
            "Định nghĩa thủ tục vượt quá {} KiB.",
            crate::MAX_DEFINITION_BYTES / 1024
        )),
        _ => ApiError::from(rejection),
    })?;
    let json = value.to_string();
    let definition: Definition = serde_json::from_value(value)
        .map_err(|e| ApiError::unprocessable(Kind::Validation, format!("definition: {e}")))?;
    let procedure = procedure_from_definition(&definition)
        .map_err(|e| ApiError::unprocessable(Kind::Validation, format!("definition: {e}")))?;
    let code = procedure.definition.code.clone();
    let version = procedure.definition.version;
    let mut procedures = shared
        .catalog
        .procedures
        .write()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some(current) = procedures.get(&code)
        && current.definition.version >= version
    {
        return Err(ApiError::unprocessable(
            Kind::Version,
            format!(
                "{code} is published at version {}; a new definition needs a higher version",
                current.definition.version
            ),
        ));
    }
    shared.db.transaction(|tx| {
        tx.execute(
            "INSERT INTO catalog_published (code, version, definition) VALUES (?1, ?2, ?3) \
             ON CONFLICT (code) DO UPDATE SET version = excluded.version, definition = excluded.definition",
            params![code, version, json],
        )
    })?;
    let published = entry(&procedure);
    procedures.insert(code.clone(), Arc::new(procedure));
    tracing::info!("catalog: {code} published at version {version}");
    Ok(Json(published))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_definition_survives_the_json_route() {
        let catalog = Catalog::bundled().unwrap();
        for p in catalog.procedures() {
            let json = serde_json::to_value(&p.definition).unwrap();
            let definition: Definition = serde_json::from_value(json).unwrap();
            let again = procedure_from_definition(&definition).unwrap_or_else(|e| panic!("{}: {e}", p.definition.code));
            assert_eq!(
                serde_json::to_value(&again.definition).unwrap(),
                serde_json::to_value(&p.definition).unwrap()
            );
        }
    }

    #[test]
    fn the_signature_header_is_the_public_name() {
        assert!(
            SIGNATURE.eq_ignore_ascii_case(crate::CATALOG_SIGNATURE_HEADER),
            "clients look the header up by the name the crate exports"
        );
    }

    #[test]
    fn if_none_match_compares_weakly() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"x@1\", W/\"1.001193@2\""),
        );
        assert!(none_match(&headers, "\"1.001193@2\""));
        assert!(!none_match(&headers, "\"1.001193@3\""));
    }
}
