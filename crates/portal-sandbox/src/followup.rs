//! What follows a submission at the sandbox: the agency's one supplement
//! request and the citizen's reply (its files arrive through the dossier's
//! attachment route), the result (a PDF the sandbox makes, a paper to
//! collect), withdrawal with its stop notice, and the rating, given once.
//! Each is kept as JSON in `followups`, one row per dossier.

use std::collections::HashSet;
use std::sync::Arc;

use axum::Json;
use axum::body::Body;
use axum::extract::rejection::JsonRejection;
use axum::extract::{ConnectInfo, Extension, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use portal::types::{
    Dossier, DossierResult, FieldProblem, GivenRating, PaperPickup, Rating, ResultDocument, ResultOrder, Status,
    StopNotice, SupplementItem, SupplementKind, SupplementOrder, SupplementReply, SupplementRequest, Withdrawal,
};
use procedures::definition::Supply;
use procedures::engine::{Answers, Attached};
use procedures::{Procedure, evaluate};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::auth::Account;
use crate::db::{next_in_sequence, next_revision, now_rfc3339, sha256_hex};
use crate::dossiers::{Step, change_due, change_status, load, load_owned};
use crate::keys::{RequestKey, drop_if_armed};
use crate::net::KillSwitch;
use crate::problem::{ApiError, Kind};
use crate::state::Shared;

/// The JSON columns of `followups`.
#[derive(Clone, Copy)]
enum Column {
    Supplement,
    Result,
    StopNotice,
    Rating,
}

impl Column {
    fn name(self) -> &'static str {
        match self {
            Column::Supplement => "supplement",
            Column::Result => "result",
            Column::StopNotice => "stop_notice",
            Column::Rating => "rating",
        }
    }
}

/// What follows a submission, as stored.
#[derive(Default)]
pub(crate) struct Followup {
    pub supplement: Option<SupplementRequest>,
    pub result: Option<DossierResult>,
    pub stop_notice: Option<StopNotice>,
    pub rating: Option<GivenRating>,
}

fn parse<T: serde::de::DeserializeOwned>(text: Option<String>) -> rusqlite::Result<Option<T>> {
    text.map(|t| {
        serde_json::from_str(&t)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into()))
    })
    .transpose()
}

/// The dossier's supplement request, result, stop notice and rating.
pub(crate) fn load_followup(tx: &Transaction<'_>, dossier_id: &str) -> rusqlite::Result<Followup> {
    let row = tx
        .query_row(
            "SELECT supplement, result, stop_notice, rating FROM followups WHERE dossier_id = ?1",
            [dossier_id],
            |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            },
        )
        .optional()?;
    let Some((supplement, result, stop_notice, rating)) = row else {
        return Ok(Followup::default());
    };
    Ok(Followup {
        supplement: parse(supplement)?,
        result: parse(result)?,
        stop_notice: parse(stop_notice)?,
        rating: parse(rating)?,
    })
}

/// Stores one part and bumps the dossier's revision.
fn save<T: serde::Serialize>(
    tx: &Transaction<'_>,
    dossier_id: &str,
    column: Column,
    value: &T,
) -> rusqlite::Result<()> {
    let json = serde_json::to_string(value).expect("a follow-up serializes");
    tx.execute(
        &format!(
            "INSERT INTO followups (dossier_id, {0}) VALUES (?1, ?2) \
             ON CONFLICT (dossier_id) DO UPDATE SET {0} = excluded.{0}",
            column.name()
        ),
        params![dossier_id, json],
    )?;
    let revision = next_revision(tx)?;
    tx.execute(
        "UPDATE dossiers SET revision = ?1 WHERE id = ?2",
        params![revision, dossier_id],
    )?;
    Ok(())
}

fn current(tx: &Transaction<'_>, id: &str) -> Result<Dossier, ApiError> {
    load(tx, id)?
        .map(|(_, d)| d)
        .ok_or_else(|| ApiError::not_found(format!("Không có hồ sơ {id}.")))
}

/// The procedure a dossier was made on, read before the database lock is
/// taken for the work (`PUT /admin/catalog` takes them the other way round).
pub(crate) fn procedure_of(shared: &Shared, id: &str) -> Result<Option<Arc<Procedure>>, ApiError> {
    let code: Option<String> = shared.db.transaction(|tx| {
        tx.query_row("SELECT procedure_code FROM dossiers WHERE id = ?1", [id], |r| r.get(0))
            .optional()
    })?;
    Ok(code.and_then(|c| shared.catalog.get(&c)))
}

/// Checks the items of a supplement request against the procedure: each
/// names a field or a document to upload, once, numbered from 1.
fn check_items(procedure: Option<&Procedure>, items: &[SupplementItem]) -> Result<(), ApiError> {
    if items.is_empty() {
        return Err(ApiError::bad_request("Phiếu yêu cầu bổ sung phải nêu ít nhất một mục."));
    }
    let mut seen = HashSet::new();
    for (index, item) in items.iter().enumerate() {
        if item.number as usize != index + 1 {
            return Err(ApiError::bad_request("Các mục được đánh số liên tục từ 1."));
        }
        if !seen.insert((item.kind, item.id.as_str())) {
            return Err(ApiError::bad_request(format!("Mục {} được nêu hai lần.", item.id)));
        }
        let known = procedure.is_none_or(|p| match item.kind {
            SupplementKind::Answer => p.definition.field(&item.id).is_some(),
            SupplementKind::Document => p
                .definition
                .documents
                .iter()
                .any(|d| d.id == item.id && d.supply == Supply::Upload),
        });
        if !known {
            return Err(ApiError::bad_request(format!(
                "Thủ tục không có trường hay giấy tờ nộp tệp nào mang mã {}.",
                item.id
            )));
        }
    }
    Ok(())
}

/// `POST /admin/dossiers/{id}/supplement`: the agency asks for more, once.
pub(crate) async fn ask(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Result<Json<SupplementOrder>, JsonRejection>,
) -> Result<Json<Dossier>, ApiError> {
    let Json(order) = body?;
    let procedure = procedure_of(&shared, &id)?;
    check_items(procedure.as_deref(), &order.items)?;
    if let Some(deadline) = &order.deadline {
        NaiveDate::parse_from_str(deadline, "%Y-%m-%d")
            .map_err(|_| ApiError::bad_request("Hạn bổ sung phải có dạng YYYY-MM-DD."))?;
    }
    let dossier = shared.db.transaction(|tx| request_supplement(tx, &id, &order))?;
    Ok(Json(dossier))
}

/// Records a supplement request and moves the dossier to `supplement_required`.
pub(crate) fn request_supplement(tx: &Transaction<'_>, id: &str, order: &SupplementOrder) -> Result<Dossier, ApiError> {
    if load_followup(tx, id)?.supplement.is_some() {
        return Err(ApiError::conflict(
            "Hồ sơ đã được yêu cầu bổ sung một lần; không yêu cầu lần thứ hai.",
        ));
    }
    change_status(
        tx,
        id,
        Status::SupplementRequired,
        Step {
            note: Some(&order.reason),
            handler: None,
        },
    )?;
    let request = SupplementRequest {
        id: uuid::Uuid::new_v4().to_string(),
        asked_at: now_rfc3339(),
        reason: order.reason.clone(),
        items: order.items.clone(),
        contact: order.contact.clone(),
        deadline: order.deadline.clone(),
        answered_at: None,
    };
    save(tx, id, Column::Supplement, &request)?;
    current(tx, id)
}

/// `POST /v1/dossiers/{id}/supplement`: the citizen's reply. Answers are
/// merged into the dossier's and re-checked; each file asked for is
/// announced and awaited. The dossier goes back to handling when nothing
/// is awaited any more.
pub(crate) async fn reply(
    State(shared): State<Arc<Shared>>,
    Extension(Account(account)): Extension<Account>,
    ConnectInfo(connection): ConnectInfo<KillSwitch>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Result<Json<SupplementReply>, JsonRejection>,
) -> Result<Json<Dossier>, ApiError> {
    let key = crate::keys::from_headers(&headers)?;
    let Json(reply) = body?;
    let procedure = procedure_of(&shared, &id)?;
    let today = shared.today();
    let key = RequestKey::new(&account, key, &reply);
    let dossier = shared.db.transaction(|tx| {
        if key.replayed(tx)?.is_some() {
            return load_owned(tx, &id, &account);
        }
        let dossier = load_owned(tx, &id, &account)?;
        let Some(procedure) = procedure.as_deref() else {
            return Err(ApiError::unprocessable(
                Kind::Version,
                "Cổng không còn tiếp nhận thủ tục của hồ sơ này.",
            ));
        };
        let request = load_followup(tx, &id)?
            .supplement
            .filter(|r| r.id == reply.request_id && r.answered_at.is_none())
            .filter(|_| dossier.status == Status::SupplementRequired)
            .ok_or_else(|| ApiError::conflict("Hồ sơ không có yêu cầu bổ sung nào đang chờ với mã này."))?;
        store_reply(tx, &id, procedure, &request, &reply, today)?;
        key.remember(tx, &id)?;
        load_owned(tx, &id, &account)
    })?;
    drop_if_armed(&shared, &connection, "a supplement");
    Ok(Json(dossier))
}

/// Merges the reply into the dossier and awaits its files.
fn store_reply(
    tx: &Transaction<'_>,
    id: &str,
    procedure: &Procedure,
    request: &SupplementRequest,
    reply: &SupplementReply,
    today: NaiveDate,
) -> Result<(), ApiError> {
    let asked = |kind: SupplementKind| -> HashSet<&str> {
        request
            .items
            .iter()
            .filter(|i| i.kind == kind)
            .map(|i| i.id.as_str())
            .collect()
    };
    let (fields, documents) = (asked(SupplementKind::Answer), asked(SupplementKind::Document));
    let mut errors: Vec<FieldProblem> = reply
        .answers
        .keys()
        .filter(|f| !fields.contains(f.as_str()))
        .map(|f| FieldProblem {
            field: f.clone(),
            message_id: "error-portal-not-asked".to_owned(),
        })
        .collect();
    let sent: HashSet<&str> = reply.attachments.iter().map(|a| a.document_id.as_str()).collect();
    for document in documents.iter().filter(|d| !sent.contains(*d)) {
        errors.push(FieldProblem {
            field: format!("attachments.{document}"),
            message_id: "error-portal-document-missing".to_owned(),
        });
    }
    for file in reply
        .attachments
        .iter()
        .filter(|a| !documents.contains(a.document_id.as_str()))
    {
        errors.push(FieldProblem {
            field: format!("attachments.{}", file.document_id),
            message_id: "error-portal-not-asked".to_owned(),
        });
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let stored: String = tx.query_row("SELECT answers FROM dossiers WHERE id = ?1", [id], |r| r.get(0))?;
    let mut answers: Answers = serde_json::from_str(&stored).unwrap_or_default();
    answers.extend(reply.answers.clone());
    let on_file: Attached = {
        let mut statement = tx.prepare("SELECT document_id FROM attachments WHERE dossier_id = ?1")?;
        statement
            .query_map([id], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<_>>()?
    };
    let state = evaluate(procedure, &answers, &on_file, today);
    if !state.answers_complete {
        return Err(ApiError::validation(crate::dossiers::field_problems(&state)));
    }
    crate::dossiers::check_manifest(&state, &reply.attachments)?;
    tx.execute(
        "UPDATE dossiers SET answers = ?1 WHERE id = ?2",
        params![serde_json::to_string(&state.answers).unwrap_or_default(), id],
    )?;
    for file in &reply.attachments {
        tx.execute(
            "INSERT INTO attachments (dossier_id, position, document_id, file_name, size, sha256) \
             VALUES (?1, (SELECT COALESCE(MAX(position), 0) + 1 FROM attachments WHERE dossier_id = ?1), ?2, ?3, ?4, ?5) \
             ON CONFLICT (dossier_id, document_id) DO UPDATE SET file_name = excluded.file_name, size = excluded.size, \
             sha256 = excluded.sha256, received_name = NULL, received_at = NULL, content = NULL",
            params![id, file.document_id, file.file_name, file.size as i64, file.sha256],
        )?;
    }
    if reply.attachments.is_empty() {
        complete_supplement(tx, id)?;
    } else {
        let revision = next_revision(tx)?;
        tx.execute("UPDATE dossiers SET revision = ?1 WHERE id = ?2", params![revision, id])?;
    }
    Ok(())
}

/// Every item arrived: the request is answered, handling resumes, and the
/// due day moves by the days the dossier waited (the day asked included),
/// since the time limit does not run while the agency waits.
pub(crate) fn complete_supplement(tx: &Transaction<'_>, id: &str) -> Result<(), ApiError> {
    let Some(mut request) = load_followup(tx, id)?.supplement else {
        return Ok(());
    };
    let now = now_rfc3339();
    request.answered_at = Some(now.clone());
    save(tx, id, Column::Supplement, &request)?;
    let dossier = change_status(
        tx,
        id,
        Status::InReview,
        Step {
            note: Some("Đã nhận đủ hồ sơ bổ sung; tiếp tục giải quyết."),
            handler: None,
        },
    )?;
    let waited = chrono::DateTime::parse_from_rfc3339(&request.asked_at)
        .map(|asked| (chrono::Utc::now().date_naive() - asked.date_naive()).num_days().max(0) + 1)
        .unwrap_or(1);
    if let Some(due) = dossier
        .due_date
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        let moved = due + chrono::Duration::days(waited);
        let reason = format!("Thời gian chờ bổ sung hồ sơ ({waited} ngày) không tính vào thời hạn giải quyết.");
        change_due(tx, id, &moved.format("%Y-%m-%d").to_string(), Some(&reason), false)?;
    }
    Ok(())
}

/// A one-page PDF (PDF 1.4, Helvetica, ASCII text) standing in for a result
/// document in training.
fn training_pdf(lines: &[&str]) -> Vec<u8> {
    let mut text = String::from("BT /F1 14 Tf 60 780 Td 20 TL\n");
    for line in lines {
        let escaped: String = line
            .chars()
            .filter(char::is_ascii)
            .flat_map(|c| match c {
                '(' | ')' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        text.push_str(&format!("({escaped}) Tj T*\n"));
    }
    text.push_str("ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_owned(),
        format!("<< /Length {} >>\nstream\n{text}\nendstream", text.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (index, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", index + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// What the result of `procedure` is called, and the agency that issues it.
fn result_names(procedure: Option<&Procedure>) -> (String, String) {
    match procedure {
        Some(p) => (
            format!("Kết quả giải quyết: {}", p.definition.name.vi),
            p.definition.agency.name.vi.clone(),
        ),
        None => ("Kết quả giải quyết thủ tục".to_owned(), "Cơ quan giải quyết".to_owned()),
    }
}

/// `POST /admin/dossiers/{id}/result`: the agency issues the result.
pub(crate) async fn issue(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Result<Json<ResultOrder>, JsonRejection>,
) -> Result<Json<Dossier>, ApiError> {
    let Json(order) = body?;
    if !order.electronic && !order.paper {
        return Err(ApiError::bad_request(
            "Kết quả phải là bản điện tử, bản giấy hoặc cả hai.",
        ));
    }
    let procedure = procedure_of(&shared, &id)?;
    let today = shared.today();
    let dossier = shared
        .db
        .transaction(|tx| issue_result(tx, &id, procedure.as_deref(), &order, today))?;
    Ok(Json(dossier))
}

/// Makes the result (a training PDF and/or a paper to collect from the next
/// day) and moves the dossier to `result_ready`.
pub(crate) fn issue_result(
    tx: &Transaction<'_>,
    id: &str,
    procedure: Option<&Procedure>,
    order: &ResultOrder,
    today: NaiveDate,
) -> Result<Dossier, ApiError> {
    let dossier = change_status(
        tx,
        id,
        Status::ResultReady,
        Step {
            note: Some("Đã có kết quả giải quyết."),
            handler: None,
        },
    )?;
    let (name, agency) = result_names(procedure);
    let mut documents = Vec::new();
    if order.electronic {
        let pdf = training_pdf(&[
            "KET QUA GIAI QUYET THU TUC HANH CHINH (BAN TAP HUAN)",
            &format!("Ma ho so: {}", dossier.code),
            &format!("Ma thu tuc: {}", dossier.procedure_code),
            "Ban dien tu nay do cong tap huan tao ra, khong co gia tri phap ly.",
        ]);
        let document = ResultDocument {
            id: "ket-qua-1".to_owned(),
            name: format!("{name} (bản điện tử)"),
            file_name: format!("ket-qua-{}.pdf", dossier.code),
            size: pdf.len() as u64,
            sha256: sha256_hex(&pdf),
        };
        tx.execute(
            "INSERT INTO result_files (dossier_id, document_id, content) VALUES (?1, ?2, ?3) \
             ON CONFLICT (dossier_id, document_id) DO UPDATE SET content = excluded.content",
            params![id, document.id, pdf],
        )?;
        documents.push(document);
    }
    let paper = order.paper.then(|| PaperPickup {
        place: format!("Bộ phận Một cửa — {agency}"),
        from: (today + chrono::Duration::days(1)).format("%Y-%m-%d").to_string(),
        hours: Some("Sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ, thứ Hai đến thứ Sáu".to_owned()),
        bring: vec![
            "Giấy tiếp nhận hồ sơ và hẹn trả kết quả, hoặc mã hồ sơ".to_owned(),
            "Căn cước hoặc căn cước công dân của người nhận".to_owned(),
            "Văn bản ủy quyền, nếu nhận thay".to_owned(),
        ],
    });
    save(tx, id, Column::Result, &DossierResult { documents, paper })?;
    current(tx, id)
}

/// `GET /v1/dossiers/{id}/results/{document_id}`: a result file's bytes.
pub(crate) async fn result_file(
    State(shared): State<Arc<Shared>>,
    Extension(Account(account)): Extension<Account>,
    Path((id, document_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let content: Vec<u8> = shared.db.transaction(|tx| {
        load_owned(tx, &id, &account)?;
        tx.query_row(
            "SELECT content FROM result_files WHERE dossier_id = ?1 AND document_id = ?2",
            params![id, document_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| ApiError::not_found(format!("Hồ sơ không có kết quả {document_id}.")))
    })?;
    Ok((
        StatusCode::OK,
        [(header::CONTENT_TYPE, "application/pdf")],
        Body::from(content),
    )
        .into_response())
}

/// `POST /v1/dossiers/{id}/withdraw`: before a decision, the citizen asks
/// to withdraw; the dossier enters `withdrawn`, then `stopped` with the
/// stop notice (Thông báo dừng giải quyết hồ sơ). 409 after a decision.
pub(crate) async fn withdraw(
    State(shared): State<Arc<Shared>>,
    Extension(Account(account)): Extension<Account>,
    ConnectInfo(connection): ConnectInfo<KillSwitch>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Result<Json<Withdrawal>, JsonRejection>,
) -> Result<Json<Dossier>, ApiError> {
    let key = crate::keys::from_headers(&headers)?;
    let Json(withdrawal) = body?;
    let reason = withdrawal.reason.trim();
    if reason.is_empty() || reason.chars().count() > 1000 {
        return Err(ApiError::bad_request(
            "Lý do rút hồ sơ không được để trống và dài tối đa 1.000 ký tự.",
        ));
    }
    let (_, agency) = result_names(procedure_of(&shared, &id)?.as_deref());
    let key = RequestKey::new(&account, key, &withdrawal);
    let dossier = shared.db.transaction(|tx| {
        if key.replayed(tx)?.is_some() {
            return load_owned(tx, &id, &account);
        }
        load_owned(tx, &id, &account)?;
        let note = format!("Công dân yêu cầu rút hồ sơ. Lý do: {reason}");
        change_status(
            tx,
            &id,
            Status::Withdrawn,
            Step {
                note: Some(&note),
                handler: None,
            },
        )?;
        let number = next_in_sequence(tx, &format!("stop-{}", chrono::Utc::now().format("%Y")))?;
        let notice = StopNotice {
            number: format!("{number}/TB-DXL"),
            at: now_rfc3339(),
            reason: format!("Dừng giải quyết hồ sơ theo yêu cầu rút hồ sơ của công dân. Lý do: {reason}"),
            issued_by: agency.clone(),
        };
        change_status(
            tx,
            &id,
            Status::Stopped,
            Step {
                note: Some("Đã ban hành Thông báo dừng giải quyết hồ sơ."),
                handler: None,
            },
        )?;
        save(tx, &id, Column::StopNotice, &notice)?;
        key.remember(tx, &id)?;
        load_owned(tx, &id, &account)
    })?;
    drop_if_armed(&shared, &connection, "a withdrawal");
    Ok(Json(dossier))
}

/// `POST /v1/dossiers/{id}/rating`: once the result is returned, the
/// citizen rates the handling, once; a second rating is 409
/// `already-rated` and the first stays.
pub(crate) async fn rate(
    State(shared): State<Arc<Shared>>,
    Extension(Account(account)): Extension<Account>,
    ConnectInfo(connection): ConnectInfo<KillSwitch>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Result<Json<Rating>, JsonRejection>,
) -> Result<Json<Dossier>, ApiError> {
    let key = crate::keys::from_headers(&headers)?;
    let Json(rating) = body?;
    if !rating.is_well_formed() {
        return Err(ApiError::bad_request(
            "Phiếu đánh giá phải có đủ 9 tiêu chí, mỗi tiêu chí 0, 1 hoặc 2 điểm.",
        ));
    }
    let key = RequestKey::new(&account, key, &rating);
    let dossier = shared.db.transaction(|tx| {
        if key.replayed(tx)?.is_some() {
            return load_owned(tx, &id, &account);
        }
        let dossier = load_owned(tx, &id, &account)?;
        if dossier.rating.is_some() {
            return Err(ApiError::new(Kind::AlreadyRated, StatusCode::CONFLICT)
                .detail("Mã hồ sơ đã được đánh giá, không thể đánh giá lại."));
        }
        if dossier.status != Status::Returned {
            return Err(ApiError::conflict("Chỉ đánh giá được khi hồ sơ đã trả kết quả."));
        }
        let given = GivenRating {
            rating: rating.clone(),
            at: now_rfc3339(),
        };
        save(tx, &id, Column::Rating, &given)?;
        key.remember(tx, &id)?;
        load_owned(tx, &id, &account)
    })?;
    drop_if_armed(&shared, &connection, "a rating");
    Ok(Json(dossier))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_training_result_is_a_pdf_whose_table_points_at_its_objects() {
        let pdf = training_pdf(&["KET QUA (TAP HUAN)", "Ma ho so: X01-20261207-0001"]);
        assert!(pdf.starts_with(b"%PDF-1.4\n") && pdf.ends_with(b"%%EOF\n"));
        let text = String::from_utf8(pdf.clone()).unwrap();
        let xref: usize = text
            .rsplit("startxref\n")
            .next()
            .unwrap()
            .lines()
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(text[xref..].starts_with("xref\n0 6\n"));
        let table: Vec<usize> = text[xref..]
            .lines()
            .skip(3)
            .take(5)
            .map(|l| l[..10].parse().unwrap())
            .collect();
        for (index, offset) in table.iter().enumerate() {
            assert!(
                text[*offset..].starts_with(&format!("{} 0 obj", index + 1)),
                "object {} is where the table says",
                index + 1
            );
        }
        assert!(text.contains("(KET QUA \\(TAP HUAN\\)) Tj"), "parentheses are escaped");
    }
}
