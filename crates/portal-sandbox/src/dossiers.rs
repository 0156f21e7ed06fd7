//! Dossiers, scoped to the signed-in account: creation with an
//! `Idempotency-Key` (re-validated by the procedures engine), attachment
//! uploads checked against the announced manifest, reads, the change cursor
//! and withdrawal. Status moves go through [`change_status`], shared with
//! the admin routes and the auto-advance clock.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection, QueryRejection};
use axum::extract::{ConnectInfo, Extension, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use portal::types::{
    AttachmentManifest, AttachmentReceipt, Dossier, DossierChanges, DueChange, FieldProblem, NewDossier, OnBehalf,
    Role, Status, StatusChange,
};
use procedures::definition::{AgencyLevel, FieldKind, FileKind};
use procedures::engine::{Answer, Answers, Attached, DocumentStatus, InterviewState};
use procedures::{Message, Procedure, evaluate};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::auth::Account;
use crate::db::{next_revision, now_rfc3339, sha256_hex};
use crate::net::KillSwitch;
use crate::problem::{ApiError, Kind};
use crate::state::Shared;

/// The Fluent id given for a definition's own rule (`Message::Text`).
pub(crate) const RULE_MESSAGE_ID: &str = "error-portal-rule";

/// A status stored by name in the database.
fn parse_status(name: String) -> rusqlite::Result<Status> {
    Status::from_name(&name).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown status {name}").into(),
        )
    })
}

/// A dossier and the account it belongs to.
pub(crate) fn load(tx: &Transaction<'_>, id: &str) -> rusqlite::Result<Option<(String, Dossier)>> {
    let row = tx
        .query_row(
            "SELECT account, code, procedure_code, status, fee, revision, due_date FROM dossiers WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, Option<i64>>(4)?.map(|fee| fee as u64),
                    r.get::<_, i64>(5)? as u64,
                    r.get::<_, Option<String>>(6)?,
                ))
            },
        )
        .optional()?;
    let Some((account, code, procedure_code, status, fee, revision, due_date)) = row else {
        return Ok(None);
    };
    let mut statement =
        tx.prepare("SELECT status, at, note, handler FROM history WHERE dossier_id = ?1 ORDER BY seq")?;
    let history = statement
        .query_map([id], |r| {
            Ok(StatusChange {
                status: parse_status(r.get(0)?)?,
                at: r.get(1)?,
                note: r.get(2)?,
                handler: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut statement = tx.prepare(
        "SELECT at, from_date, to_date, reason, apology FROM due_changes WHERE dossier_id = ?1 ORDER BY seq",
    )?;
    let due_changes = statement
        .query_map([id], |r| {
            Ok(DueChange {
                at: r.get(0)?,
                from: r.get(1)?,
                to: r.get(2)?,
                reason: r.get(3)?,
                apology: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut statement = tx.prepare(
        "SELECT document_id, COALESCE(received_name, file_name), size, sha256 FROM attachments \
         WHERE dossier_id = ?1 AND received_at IS NOT NULL ORDER BY position",
    )?;
    let attachments = statement
        .query_map([id], receipt_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let followup = crate::followup::load_followup(tx, id)?;
    let dossier = Dossier {
        id: id.to_owned(),
        code,
        procedure_code,
        status: parse_status(status)?,
        history,
        attachments,
        fee,
        due_date,
        due_changes,
        payment: crate::payments::load(tx, id)?,
        supplement: followup.supplement,
        result: followup.result,
        stop_notice: followup.stop_notice,
        rating: followup.rating,
        revision,
    };
    Ok(Some((account, dossier)))
}

/// A confirmed file from a row of (document id, file name, size, SHA-256).
pub(crate) fn receipt_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<AttachmentReceipt> {
    Ok(AttachmentReceipt {
        document_id: r.get(0)?,
        file_name: r.get(1)?,
        size: r.get::<_, i64>(2)? as u64,
        sha256: r.get(3)?,
    })
}

/// A dossier of `account`; another account's is as good as missing.
pub(crate) fn load_owned(tx: &Transaction<'_>, id: &str, account: &str) -> Result<Dossier, ApiError> {
    match load(tx, id)? {
        Some((owner, dossier)) if owner == account => Ok(dossier),
        _ => Err(ApiError::not_found(format!("Không có hồ sơ {id}."))),
    }
}

/// Who handles a step and what they wrote, as the agency records it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Step<'a> {
    /// The agency's note.
    pub note: Option<&'a str>,
    /// Who handles it.
    pub handler: Option<&'a str>,
}

/// Enters `status`: bumps the revision and adds a history entry.
fn record_status(tx: &Transaction<'_>, id: &str, status: Status, step: Step<'_>) -> rusqlite::Result<()> {
    let revision = next_revision(tx)?;
    tx.execute(
        "UPDATE dossiers SET status = ?1, revision = ?2 WHERE id = ?3",
        params![status.name(), revision, id],
    )?;
    tx.execute(
        "INSERT INTO history (dossier_id, seq, status, at, note, handler) \
         VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM history WHERE dossier_id = ?1), ?2, ?3, ?4, ?5)",
        params![id, status.name(), now_rfc3339(), step.note, step.handler],
    )?;
    Ok(())
}

/// A day as the API writes it (`YYYY-MM-DD`), checked; 400 otherwise.
fn due_day(text: &str) -> Result<String, ApiError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| ApiError::bad_request(format!("Ngày hẹn trả {text:?} không đúng dạng YYYY-MM-DD.")))
}

/// Sets the day the result is due (the first time, or a change with its
/// reason): records the change and bumps the revision.
pub(crate) fn change_due(
    tx: &Transaction<'_>,
    id: &str,
    due: &str,
    reason: Option<&str>,
    apology: bool,
) -> Result<Dossier, ApiError> {
    let (_, current) = load(tx, id)?.ok_or_else(|| ApiError::not_found(format!("Không có hồ sơ {id}.")))?;
    let due = due_day(due)?;
    if matches!(
        current.status,
        Status::Returned | Status::Rejected | Status::Stopped | Status::AwaitingAttachments
    ) {
        return Err(ApiError::conflict(format!(
            "Hồ sơ đang ở trạng thái {}, không có ngày hẹn trả.",
            current.status.name()
        )));
    }
    let revision = next_revision(tx)?;
    tx.execute(
        "UPDATE dossiers SET due_date = ?1, revision = ?2 WHERE id = ?3",
        params![due, revision, id],
    )?;
    tx.execute(
        "INSERT INTO due_changes (dossier_id, seq, at, from_date, to_date, reason, apology) \
         VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM due_changes WHERE dossier_id = ?1), ?2, ?3, ?4, ?5, ?6)",
        params![id, now_rfc3339(), current.due_date, due, reason, apology],
    )?;
    load(tx, id)?
        .map(|(_, d)| d)
        .ok_or_else(|| ApiError::not_found(id.to_owned()))
}

/// Moves a dossier to `next` when [`Status::can_move_to`] allows it (409
/// otherwise), with the agency's note.
pub(crate) fn change_status(tx: &Transaction<'_>, id: &str, next: Status, step: Step<'_>) -> Result<Dossier, ApiError> {
    let (_, current) = load(tx, id)?.ok_or_else(|| ApiError::not_found(format!("Không có hồ sơ {id}.")))?;
    if !current.status.can_move_to(next) {
        return Err(ApiError::conflict(format!(
            "Hồ sơ đang ở trạng thái {}, không thể chuyển sang {}.",
            current.status.name(),
            next.name()
        )));
    }
    record_status(tx, id, next, step)?;
    tracing::info!("dossier {id}: {} → {}", current.status.name(), next.name());
    load(tx, id)?
        .map(|(_, d)| d)
        .ok_or_else(|| ApiError::not_found(id.to_owned()))
}

/// Every error of every visible field, as field problems.
pub(crate) fn field_problems(state: &InterviewState) -> Vec<FieldProblem> {
    let mut out: Vec<FieldProblem> = Vec::new();
    for field in state.steps.iter().flat_map(|s| &s.fields) {
        for message in &field.errors {
            let message_id = match message {
                Message::Fluent { id, .. } => id.clone(),
                Message::Text { .. } => RULE_MESSAGE_ID.to_owned(),
            };
            let problem = FieldProblem {
                field: field.id.clone(),
                message_id,
            };
            if !out.contains(&problem) {
                out.push(problem);
            }
        }
    }
    for document in state.documents.iter().filter(|d| d.status == DocumentStatus::Missing) {
        out.push(FieldProblem {
            field: format!("attachments.{}", document.id),
            message_id: "error-portal-document-missing".to_owned(),
        });
    }
    out
}

fn is_sha256_hex(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The announced files must be for documents this dossier needs (not the
/// form the portal fills from the answers), one each,
/// each within its size limit, with a SHA-256 and a name.
pub(crate) fn check_manifest(state: &InterviewState, attachments: &[AttachmentManifest]) -> Result<(), ApiError> {
    let needed: HashMap<&str, u64> = state
        .documents
        .iter()
        .filter(|d| d.status != DocumentStatus::FilledByApp)
        .map(|d| (d.id.as_str(), u64::from(d.max_size_mb) * 1024 * 1024))
        .collect();
    let mut seen = HashSet::new();
    let mut errors = Vec::new();
    let mut refuse = |document: &str, message_id: &str| {
        errors.push(FieldProblem {
            field: format!("attachments.{document}"),
            message_id: message_id.to_owned(),
        })
    };
    for file in attachments {
        let Some(limit) = needed.get(file.document_id.as_str()) else {
            refuse(&file.document_id, "error-portal-document-not-required");
            continue;
        };
        if !seen.insert(file.document_id.as_str()) {
            refuse(&file.document_id, "error-portal-document-duplicate");
        }
        if file.size == 0 || file.size > (*limit).min(crate::MAX_ATTACHMENT_BYTES as u64) {
            refuse(&file.document_id, "error-portal-file-size");
        }
        if !is_sha256_hex(&file.sha256) {
            refuse(&file.document_id, "error-portal-file-checksum");
        }
        if file.file_name.trim().is_empty() || file.file_name.chars().count() > 255 {
            refuse(&file.document_id, "error-portal-file-name");
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

/// `<X|T><province>-<yyyymmdd>-<sequence of the day>`: X for commune-level
/// procedures, T for province-level; the province of the first address
/// answered, else `00`.
fn dossier_code(
    tx: &Transaction<'_>,
    procedure: &Procedure,
    answers: &Answers,
    today: NaiveDate,
) -> rusqlite::Result<String> {
    let letter = match procedure.definition.agency.level {
        AgencyLevel::Commune => 'X',
        AgencyLevel::Province => 'T',
    };
    let province = procedure
        .definition
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .filter(|f| f.kind == FieldKind::Address)
        .find_map(|f| match answers.get(&f.id) {
            Some(Answer::Address(a)) if !a.province.is_empty() => Some(a.province.clone()),
            _ => None,
        })
        .unwrap_or_else(|| "00".to_owned());
    let day = today.format("%Y%m%d").to_string();
    let sequence = crate::db::next_in_sequence(tx, &day)?;
    Ok(format!("{letter}{province}-{day}-{sequence:04}"))
}

/// `POST /v1/dossiers`.
pub(crate) async fn create(
    State(shared): State<Arc<Shared>>,
    Extension(Account(account)): Extension<Account>,
    ConnectInfo(connection): ConnectInfo<KillSwitch>,
    headers: HeaderMap,
    body: Result<Json<NewDossier>, JsonRejection>,
) -> Result<Response, ApiError> {
    let key = crate::keys::from_headers(&headers)?;
    let Json(new) = body?;
    let request_sha256 = sha256_hex(&serde_json::to_vec(&new).unwrap_or_default());
    // Read before the database lock: `PUT /admin/catalog` takes them the other way round.
    let procedure = shared.catalog.get(&new.procedure_code);
    let today = shared.today();
    let (status, dossier) = shared.db.transaction(|tx| {
        let stored: Option<(String, String)> = tx
            .query_row(
                "SELECT request_sha256, dossier_id FROM idempotency_keys WHERE account = ?1 AND key = ?2",
                params![account, key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((stored_sha256, id)) = stored {
            if stored_sha256 != request_sha256 {
                return Err(ApiError::unprocessable(
                    Kind::IdempotencyConflict,
                    "Mã Idempotency-Key này đã được dùng với nội dung khác.",
                ));
            }
            return Ok((StatusCode::OK, load_owned(tx, &id, &account)?));
        }
        let key = Key {
            key: &key,
            request_sha256: &request_sha256,
        };
        let dossier = store(tx, &account, &key, &new, procedure.as_deref(), today)?;
        Ok::<_, ApiError>((StatusCode::CREATED, dossier))
    })?;
    if status == StatusCode::CREATED {
        tracing::info!(
            "dossier {} created ({}, {})",
            dossier.id,
            dossier.procedure_code,
            dossier.status.name()
        );
    } else {
        tracing::info!("dossier {} returned again for a repeated Idempotency-Key", dossier.id);
    }
    if crate::faults::take_drop_after_store(&shared) {
        tracing::info!("fault: dropping the connection after storing dossier {}", dossier.id);
        connection.kill();
    }
    let location = HeaderValue::from_str(&format!("/v1/dossiers/{}", dossier.id))
        .unwrap_or_else(|_| HeaderValue::from_static("/v1/dossiers"));
    Ok((status, [(header::LOCATION, location)], Json(dossier)).into_response())
}

/// An officer files only on a citizen's behalf, with the citizen's consent
/// recorded (its text's version and when it was given); only an officer
/// files on someone's behalf.
fn check_on_behalf(account: &str, on_behalf: Option<&OnBehalf>) -> Result<(), ApiError> {
    let officer = crate::TEST_ACCOUNTS
        .iter()
        .any(|a| a.id == account && a.role == Role::Officer);
    match (officer, on_behalf) {
        (false, Some(_)) => Err(ApiError::forbidden(
            "Chỉ cán bộ bộ phận một cửa mới được nộp hồ sơ thay công dân.",
        )),
        (true, None) => Err(ApiError::forbidden(
            "Tài khoản cán bộ chỉ nộp hồ sơ thay công dân: hồ sơ phải ghi rõ người nộp, quầy và sự đồng ý của công dân.",
        )),
        (true, Some(behalf))
            if behalf.consent_version.trim().is_empty()
                || chrono::DateTime::parse_from_rfc3339(&behalf.consent_at).is_err() =>
        {
            Err(ApiError::forbidden(
                "Hồ sơ nộp thay chưa ghi nhận sự đồng ý của công dân nên không được tiếp nhận.",
            ))
        }
        _ => Ok(()),
    }
}

/// An `Idempotency-Key` and the hash of the request it came with.
struct Key<'a> {
    key: &'a str,
    request_sha256: &'a str,
}

/// Re-validates a new dossier and stores it with its key.
fn store(
    tx: &Transaction<'_>,
    account: &str,
    key: &Key<'_>,
    new: &NewDossier,
    procedure: Option<&Procedure>,
    today: NaiveDate,
) -> Result<Dossier, ApiError> {
    check_on_behalf(account, new.on_behalf.as_ref())?;
    let Some(procedure) = procedure else {
        return Err(ApiError::unprocessable(
            Kind::Version,
            format!("Cổng không tiếp nhận thủ tục mã {}.", new.procedure_code),
        ));
    };
    if procedure.definition.version != new.procedure_version {
        return Err(ApiError::unprocessable(
            Kind::Version,
            format!(
                "Thủ tục {} đang áp dụng phiên bản {}; hồ sơ được lập theo phiên bản {}.",
                new.procedure_code, procedure.definition.version, new.procedure_version
            ),
        ));
    }
    let announced: Attached = new.attachments.iter().map(|a| a.document_id.clone()).collect();
    let state = evaluate(procedure, &new.answers, &announced, today);
    if !state.ready {
        return Err(ApiError::validation(field_problems(&state)));
    }
    check_manifest(&state, &new.attachments)?;

    let id = uuid::Uuid::new_v4().to_string();
    let code = dossier_code(tx, procedure, &state.answers, today)?;
    let status = if new.attachments.is_empty() {
        Status::Submitted
    } else {
        Status::AwaitingAttachments
    };
    let answers = serde_json::to_string(&state.answers).unwrap_or_default();
    tx.execute(
        "INSERT INTO dossiers (id, account, code, procedure_code, procedure_version, on_behalf, assisted, answers, \
         status, revision, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10)",
        params![
            id,
            account,
            code,
            new.procedure_code,
            new.procedure_version,
            new.on_behalf.is_some(),
            new.on_behalf
                .as_ref()
                .map(|b| serde_json::to_string(b).unwrap_or_default()),
            answers,
            status.name(),
            now_rfc3339()
        ],
    )?;
    for (position, file) in new.attachments.iter().enumerate() {
        tx.execute(
            "INSERT INTO attachments (dossier_id, position, document_id, file_name, size, sha256) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                position as i64,
                file.document_id,
                file.file_name,
                file.size as i64,
                file.sha256
            ],
        )?;
    }
    tx.execute(
        "INSERT INTO idempotency_keys (account, key, request_sha256, dossier_id) VALUES (?1, ?2, ?3, ?4)",
        params![account, key.key, key.request_sha256, id],
    )?;
    record_status(tx, &id, status, Step::default())?;
    load_owned(tx, &id, account)
}

/// `GET /v1/dossiers/{id}`.
pub(crate) async fn fetch(
    State(shared): State<Arc<Shared>>,
    Extension(Account(account)): Extension<Account>,
    Path(id): Path<String>,
) -> Result<Json<Dossier>, ApiError> {
    let dossier = shared.db.transaction(|tx| load_owned(tx, &id, &account))?;
    Ok(Json(dossier))
}

/// `GET /v1/dossiers?since=<cursor>`: the account's dossiers changed after
/// the cursor, oldest change first.
pub(crate) async fn changes(
    State(shared): State<Arc<Shared>>,
    Extension(Account(account)): Extension<Account>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Json<DossierChanges>, ApiError> {
    let Query(query) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let since: u64 = match query.get("since") {
        None => 0,
        Some(text) => text
            .parse()
            .map_err(|_| ApiError::bad_request("`since` phải là một số nguyên không âm."))?,
    };
    let dossiers = shared.db.transaction(|tx| {
        let mut statement =
            tx.prepare("SELECT id FROM dossiers WHERE account = ?1 AND revision > ?2 ORDER BY revision")?;
        let ids = statement
            .query_map(params![account, i64::try_from(since).unwrap_or(i64::MAX)], |r| {
                r.get::<_, String>(0)
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        ids.iter()
            .map(|id| load_owned(tx, id, &account))
            .collect::<Result<Vec<_>, ApiError>>()
    })?;
    let cursor = dossiers.iter().map(|d| d.revision).max().unwrap_or(since);
    Ok(Json(DossierChanges { dossiers, cursor }))
}

/// The file name of an upload, from its percent-encoded `X-File-Name`.
fn upload_name(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(value) = headers.get("x-file-name") else {
        return Ok(None);
    };
    let raw = value
        .to_str()
        .map_err(|_| ApiError::bad_request("X-File-Name phải được mã hóa phần trăm (UTF-8)."))?;
    let name = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .map_err(|_| ApiError::bad_request("X-File-Name không phải UTF-8 hợp lệ."))?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 255 {
        return Err(ApiError::bad_request("X-File-Name trống hoặc quá dài."));
    }
    Ok(Some(name.to_owned()))
}

/// The kind of a file, by its first bytes; the client's `Content-Type` and
/// file name are never trusted.
pub(crate) fn file_kind(bytes: &[u8]) -> Option<FileKind> {
    if bytes.starts_with(b"%PDF-") {
        Some(FileKind::Pdf)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(FileKind::Jpeg)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(FileKind::Png)
    } else {
        None
    }
}

/// The file kinds a dossier's document accepts: from the definition the
/// dossier was made with, or every kind the portal knows when that
/// version is no longer published.
fn accepted_kinds(
    shared: &Shared,
    dossier_id: &str,
    account: &str,
    document_id: &str,
) -> Result<Vec<FileKind>, ApiError> {
    let made_with: Option<(String, u32)> = shared.db.transaction(|tx| {
        tx.query_row(
            "SELECT procedure_code, procedure_version FROM dossiers WHERE id = ?1 AND account = ?2",
            params![dossier_id, account],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
    })?;
    let accepted = made_with
        .and_then(|(code, version)| shared.catalog.get(&code).filter(|p| p.definition.version == version))
        .and_then(|p| {
            p.definition
                .documents
                .iter()
                .find(|d| d.id == document_id)
                .map(|d| d.accepted.clone())
        });
    Ok(accepted.unwrap_or_else(|| vec![FileKind::Pdf, FileKind::Jpeg, FileKind::Png]))
}

/// `PUT /v1/dossiers/{id}/attachments/{document_id}`: stores one announced
/// file once its size and SHA-256 match the manifest and its content is a
/// kind the document accepts (422 `attachment-kind` otherwise); the
/// dossier is submitted when the last one arrives. Repeating an upload is
/// harmless.
pub(crate) async fn upload(
    State(shared): State<Arc<Shared>>,
    Extension(Account(account)): Extension<Account>,
    Path((id, document_id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<AttachmentReceipt>, ApiError> {
    let body = body?;
    let name = upload_name(&headers)?;
    let size = body.len() as u64;
    let sha256 = sha256_hex(&body);
    // Read before the database lock: `PUT /admin/catalog` takes them the other way round.
    let accepted = accepted_kinds(&shared, &id, &account, &document_id)?;
    let kind_ok = file_kind(&body).is_some_and(|kind| accepted.contains(&kind));
    let receipt = shared.db.transaction(|tx| {
        let dossier = load_owned(tx, &id, &account)?;
        let announced: Option<(String, i64, String, Option<String>, bool)> = tx
            .query_row(
                "SELECT file_name, size, sha256, received_name, received_at IS NOT NULL FROM attachments \
                 WHERE dossier_id = ?1 AND document_id = ?2",
                params![id, document_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((announced_name, announced_size, announced_sha256, received_name, received)) = announced else {
            return Err(ApiError::not_found(format!(
                "Hồ sơ không khai báo tệp cho giấy tờ {document_id}."
            )));
        };
        if size != announced_size as u64 || sha256 != announced_sha256 {
            return Err(ApiError::unprocessable(
                Kind::AttachmentMismatch,
                format!(
                    "Đã nhận {size} byte (SHA-256 {sha256}); hồ sơ khai báo {announced_size} byte \
                     (SHA-256 {announced_sha256})."
                ),
            ));
        }
        if !kind_ok {
            let names: Vec<&str> = accepted.iter().map(|k| kind_name(*k)).collect();
            return Err(ApiError::unprocessable(
                Kind::UnacceptedFileType,
                format!(
                    "Nội dung tệp cho giấy tờ {document_id} không phải loại được chấp nhận ({}).",
                    names.join(", ")
                ),
            ));
        }
        if received {
            return Ok(AttachmentReceipt {
                document_id: document_id.clone(),
                file_name: received_name.unwrap_or(announced_name),
                size,
                sha256: sha256.clone(),
            });
        }
        if !matches!(dossier.status, Status::AwaitingAttachments | Status::SupplementRequired) {
            return Err(ApiError::conflict(format!(
                "Hồ sơ đang ở trạng thái {}, không nhận thêm tệp.",
                dossier.status.name()
            )));
        }
        let file_name = name.clone().unwrap_or(announced_name);
        tx.execute(
            "UPDATE attachments SET received_name = ?1, received_at = ?2, content = ?3 \
             WHERE dossier_id = ?4 AND document_id = ?5",
            params![file_name, now_rfc3339(), &body[..], id, document_id],
        )?;
        let missing: i64 = tx.query_row(
            "SELECT COUNT(*) FROM attachments WHERE dossier_id = ?1 AND received_at IS NULL",
            [&id],
            |r| r.get(0),
        )?;
        if missing == 0 && dossier.status == Status::SupplementRequired {
            crate::followup::complete_supplement(tx, &id)?;
            tracing::info!("dossier {id}: every supplement file confirmed");
        } else if missing == 0 {
            record_status(tx, &id, Status::Submitted, Step::default())?;
            tracing::info!("dossier {id}: every file confirmed, submitted");
        } else {
            let revision = next_revision(tx)?;
            tx.execute("UPDATE dossiers SET revision = ?1 WHERE id = ?2", params![revision, id])?;
        }
        Ok(AttachmentReceipt {
            document_id: document_id.clone(),
            file_name,
            size,
            sha256: sha256.clone(),
        })
    })?;
    Ok(Json(receipt))
}

/// The name a client knows a file kind by.
fn kind_name(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Pdf => "PDF",
        FileKind::Jpeg => "JPEG",
        FileKind::Png => "PNG",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_status_names_parse() {
        assert_eq!(Status::AwaitingAttachments.name(), "awaiting_attachments");
        assert_eq!(parse_status("in_review".into()).unwrap(), Status::InReview);
    }

    #[test]
    fn file_kinds_come_from_the_content() {
        assert_eq!(file_kind(b"%PDF-1.7\n"), Some(FileKind::Pdf), "the PDF header");
        assert_eq!(
            file_kind(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(FileKind::Jpeg),
            "the JPEG SOI marker"
        );
        assert_eq!(
            file_kind(b"\x89PNG\r\n\x1a\n\0"),
            Some(FileKind::Png),
            "the PNG signature"
        );
        assert_eq!(file_kind(b"MZ\x90\0"), None, "a Windows executable is no document");
        assert_eq!(file_kind(b""), None, "nothing is no document");
        assert_eq!(file_kind(b"%PD"), None, "a cut-off header is not enough");
    }

    #[test]
    fn sha256_must_be_lowercase_hex() {
        assert!(is_sha256_hex(&"a".repeat(64)));
        assert!(!is_sha256_hex(&"A".repeat(64)));
        assert!(!is_sha256_hex(&"a".repeat(63)));
    }
}
