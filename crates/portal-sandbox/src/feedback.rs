//! Feedback (phản ánh, kiến nghị) at the sandbox: sent once per
//! idempotency key with a tracking code (mã PAKN), its files uploaded one
//! by one against what it announced, listed with the answers, and answered
//! by the admin route.

use std::collections::HashSet;
use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::extract::{ConnectInfo, Extension, Path, State};
use axum::http::{HeaderMap, StatusCode};
use portal::types::{AttachmentReceipt, Feedback, FeedbackAnswer, FeedbackList, FeedbackReply, NewFeedback};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::auth::Account;
use crate::db::{next_in_sequence, now_rfc3339, sha256_hex};
use crate::keys::{RequestKey, drop_if_armed};
use crate::net::KillSwitch;
use crate::problem::{ApiError, Kind};
use crate::state::Shared;

/// Files a feedback may carry.
const MAX_FILES: usize = 5;
/// Largest file of a feedback (10 MiB).
const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// A feedback as stored, with its confirmed files.
fn load(tx: &Transaction<'_>, id: &str, account: &str) -> Result<Feedback, ApiError> {
    let body: String = tx
        .query_row(
            "SELECT body FROM feedback WHERE id = ?1 AND account = ?2",
            params![id, account],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| ApiError::not_found(format!("Không có phản ánh {id}.")))?;
    let mut feedback: Feedback = serde_json::from_str(&body)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into()))?;
    let mut statement = tx.prepare(
        "SELECT document_id, file_name, size, sha256 FROM feedback_files \
         WHERE feedback_id = ?1 AND received_at IS NOT NULL ORDER BY document_id",
    )?;
    feedback.attachments = statement
        .query_map([id], crate::dossiers::receipt_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(feedback)
}

/// Checks a new feedback's text and announced files.
fn check(new: &NewFeedback) -> Result<(), ApiError> {
    let subject = new.subject.trim().chars().count();
    let content = new.content.trim().chars().count();
    if subject == 0 || subject > 200 || content == 0 || content > 5000 {
        return Err(ApiError::bad_request(
            "Tiêu đề (tối đa 200 ký tự) và nội dung (tối đa 5.000 ký tự) không được để trống.",
        ));
    }
    if new.attachments.len() > MAX_FILES {
        return Err(ApiError::bad_request(format!(
            "Một phản ánh kèm tối đa {MAX_FILES} tệp."
        )));
    }
    let mut seen = HashSet::new();
    for file in &new.attachments {
        let well_formed = !file.document_id.is_empty()
            && file.document_id.len() <= 64
            && file
                .document_id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && seen.insert(file.document_id.as_str())
            && file.size > 0
            && file.size <= MAX_FILE_BYTES
            && file.sha256.len() == 64
            && file
                .sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            && !file.file_name.trim().is_empty()
            && file.file_name.chars().count() <= 255;
        if !well_formed {
            return Err(ApiError::bad_request(format!(
                "Tệp {} không hợp lệ (mã, tên, cỡ tối đa 10 MB hoặc SHA-256).",
                file.document_id
            )));
        }
    }
    Ok(())
}

/// `POST /v1/feedback`.
pub(crate) async fn send(
    State(shared): State<Arc<Shared>>,
    Extension(Account(account)): Extension<Account>,
    ConnectInfo(connection): ConnectInfo<KillSwitch>,
    headers: HeaderMap,
    body: Result<Json<NewFeedback>, JsonRejection>,
) -> Result<(StatusCode, Json<Feedback>), ApiError> {
    let key = crate::keys::from_headers(&headers)?;
    let Json(new) = body?;
    check(&new)?;
    let key = RequestKey::new(&account, key, &new);
    let (status, feedback) = shared.db.transaction(|tx| {
        if let Some(id) = key.replayed(tx)? {
            return Ok((StatusCode::OK, load(tx, &id, &account)?));
        }
        if let Some(code) = &new.dossier_code {
            let owned: bool = tx
                .prepare("SELECT 1 FROM dossiers WHERE code = ?1 AND account = ?2")?
                .exists(params![code, account])?;
            if !owned {
                return Err(ApiError::not_found(format!("Không có hồ sơ {code}.")));
            }
        }
        let id = uuid::Uuid::new_v4().to_string();
        let day = chrono::Utc::now().format("%Y%m%d").to_string();
        let number = next_in_sequence(tx, &format!("pakn-{day}"))?;
        let feedback = Feedback {
            id: id.clone(),
            code: format!("PAKN-{day}-{number:04}"),
            dossier_code: new.dossier_code.clone(),
            subject: new.subject.trim().to_owned(),
            content: new.content.trim().to_owned(),
            sent_at: now_rfc3339(),
            attachments: Vec::new(),
            answer: None,
        };
        tx.execute(
            "INSERT INTO feedback (id, account, body, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![
                id,
                account,
                serde_json::to_string(&feedback).expect("feedback serializes"),
                feedback.sent_at
            ],
        )?;
        for file in &new.attachments {
            tx.execute(
                "INSERT INTO feedback_files (feedback_id, document_id, file_name, size, sha256) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, file.document_id, file.file_name, file.size as i64, file.sha256],
            )?;
        }
        key.remember(tx, &id)?;
        Ok::<_, ApiError>((StatusCode::CREATED, feedback))
    })?;
    drop_if_armed(&shared, &connection, "a feedback");
    Ok((status, Json(feedback)))
}

/// `PUT /v1/feedback/{id}/attachments/{document_id}`: one announced file,
/// accepted when its size and SHA-256 match; repeating it is harmless.
pub(crate) async fn upload(
    State(shared): State<Arc<Shared>>,
    Extension(Account(account)): Extension<Account>,
    Path((id, document_id)): Path<(String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<AttachmentReceipt>, ApiError> {
    let body = body?;
    let (size, sha256) = (body.len() as u64, sha256_hex(&body));
    let kind_ok = crate::dossiers::file_kind(&body).is_some();
    let receipt = shared.db.transaction(|tx| {
        load(tx, &id, &account)?;
        let announced: Option<(String, i64, String)> = tx
            .query_row(
                "SELECT file_name, size, sha256 FROM feedback_files WHERE feedback_id = ?1 AND document_id = ?2",
                params![id, document_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((file_name, announced_size, announced_sha256)) = announced else {
            return Err(ApiError::not_found(format!(
                "Phản ánh không khai báo tệp {document_id}."
            )));
        };
        if size != announced_size as u64 || sha256 != announced_sha256 {
            return Err(ApiError::unprocessable(
                Kind::AttachmentMismatch,
                format!("Đã nhận {size} byte; phản ánh khai báo {announced_size} byte."),
            ));
        }
        if !kind_ok {
            return Err(ApiError::unprocessable(
                Kind::UnacceptedFileType,
                "Tệp kèm phản ánh phải là PDF, JPEG hoặc PNG.",
            ));
        }
        tx.execute(
            "UPDATE feedback_files SET received_at = COALESCE(received_at, ?1), content = COALESCE(content, ?2) \
             WHERE feedback_id = ?3 AND document_id = ?4",
            params![now_rfc3339(), &body[..], id, document_id],
        )?;
        Ok(AttachmentReceipt {
            document_id: document_id.clone(),
            file_name,
            size,
            sha256: sha256.clone(),
        })
    })?;
    Ok(Json(receipt))
}

/// `GET /v1/feedback`: the account's feedback, newest first.
pub(crate) async fn list(
    State(shared): State<Arc<Shared>>,
    Extension(Account(account)): Extension<Account>,
) -> Result<Json<FeedbackList>, ApiError> {
    let feedback = shared.db.transaction(|tx| {
        let ids: Vec<String> = tx
            .prepare("SELECT id FROM feedback WHERE account = ?1 ORDER BY created_at DESC, rowid DESC")?
            .query_map([&account], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.iter()
            .map(|id| load(tx, id, &account))
            .collect::<Result<Vec<_>, _>>()
    })?;
    Ok(Json(FeedbackList { feedback }))
}

/// `POST /admin/feedback/{id}/answer`: the agency answers.
pub(crate) async fn answer(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Result<Json<FeedbackReply>, JsonRejection>,
) -> Result<Json<Feedback>, ApiError> {
    let Json(reply) = body?;
    if reply.text.trim().is_empty() || reply.by.trim().is_empty() {
        return Err(ApiError::bad_request(
            "Câu trả lời và cơ quan trả lời không được để trống.",
        ));
    }
    let feedback = shared.db.transaction(|tx| {
        let account: String = tx
            .query_row("SELECT account FROM feedback WHERE id = ?1", [&id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| ApiError::not_found(format!("Không có phản ánh {id}.")))?;
        let mut feedback = load(tx, &id, &account)?;
        feedback.answer = Some(FeedbackAnswer {
            at: now_rfc3339(),
            by: reply.by.trim().to_owned(),
            text: reply.text.trim().to_owned(),
        });
        let stored = Feedback {
            attachments: Vec::new(),
            ..feedback.clone()
        };
        tx.execute(
            "UPDATE feedback SET body = ?1 WHERE id = ?2",
            params![serde_json::to_string(&stored).expect("feedback serializes"), id],
        )?;
        Ok::<_, ApiError>(feedback)
    })?;
    Ok(Json(feedback))
}

/// Deletes feedback sent before `cutoff` (RFC 3339), with its files and keys.
pub(crate) fn purge_before(tx: &Transaction<'_>, cutoff: &str) -> rusqlite::Result<()> {
    tx.execute(
        "DELETE FROM request_keys WHERE target IN (SELECT id FROM feedback WHERE created_at < ?1)",
        [cutoff],
    )?;
    tx.execute(
        "DELETE FROM feedback_files WHERE feedback_id IN (SELECT id FROM feedback WHERE created_at < ?1)",
        [cutoff],
    )?;
    tx.execute("DELETE FROM feedback WHERE created_at < ?1", [cutoff])?;
    Ok(())
}
