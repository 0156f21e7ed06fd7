//! Sandbox-only fee payment: the agency asks for what a dossier owes (the
//! dossier waits in `payment_required` with a VietQR code for this one
//! payment), and the sandbox plays the bank that confirms it, once.
//!
//! The training bank does not exist (its identification number, 999999, is
//! no bank's), so a code scanned by a real banking app by mistake moves no
//! money; the beneficiary's name says so too.

use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use base64::Engine;
use ed25519_dalek::Signer;
use portal::types::{Dossier, EReceipt, PaymentLine, PaymentOrder, PaymentRequest, PaymentState, ReceiptLine, Status};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::db::now_rfc3339;
use crate::dossiers::{Step, change_status};
use crate::problem::ApiError;
use crate::state::Shared;

/// The training bank's identification number: no real bank's.
const TRAINING_BIN: &str = "999999";
/// The training bank's account.
const TRAINING_ACCOUNT: &str = "0001234567";
/// The training bank, as people read it.
const TRAINING_BANK: &str = "Ngân hàng tập huấn (không có thật)";
/// The beneficiary, as a banking app shows it (ASCII, as the code needs).
const TRAINING_HOLDER: &str = "TAP HUAN KHONG CHUYEN TIEN";
/// How long a request can be paid, in minutes.
const PAYABLE_MINUTES: i64 = 60 * 24;

fn state_name(state: PaymentState) -> &'static str {
    match state {
        PaymentState::Pending => "pending",
        PaymentState::Paid => "paid",
        PaymentState::Failed => "failed",
        PaymentState::Expired => "expired",
    }
}

fn parse_state(name: &str) -> rusqlite::Result<PaymentState> {
    [
        PaymentState::Pending,
        PaymentState::Paid,
        PaymentState::Failed,
        PaymentState::Expired,
    ]
    .into_iter()
    .find(|s| state_name(*s) == name)
    .ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown payment state {name}").into(),
        )
    })
}

/// The dossier's payment request, if the agency asked for one.
pub(crate) fn load(tx: &Transaction<'_>, dossier_id: &str) -> rusqlite::Result<Option<PaymentRequest>> {
    let row = tx
        .query_row(
            "SELECT id, lines, total, payload, expires_at, state, paid_at, receipt FROM payments WHERE dossier_id = ?1",
            [dossier_id],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, Option<String>>(7)?,
                ))
            },
        )
        .optional()?;
    let Some((id, lines, total, payload, expires_at, state, paid_at, receipt)) = row else {
        return Ok(None);
    };
    let lines: Vec<PaymentLine> = serde_json::from_str(&lines)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(1, rusqlite::types::Type::Text, e.into()))?;
    Ok(Some(PaymentRequest {
        id,
        lines,
        total: total as u64,
        payload,
        bank_name: TRAINING_BANK.to_owned(),
        account_name: TRAINING_HOLDER.to_owned(),
        expires_at,
        state: parse_state(&state)?,
        paid_at,
        receipt: receipt
            .map(|r| serde_json::from_str(&r))
            .transpose()
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(7, rusqlite::types::Type::Text, e.into()))?,
    }))
}

/// The training bank's VietQR code for paying `total` đồng for the dossier `code`.
pub fn training_payment_code(code: &str, total: u64) -> Result<String, vietqr::Error> {
    vietqr::encode(&vietqr::Transfer {
        one_payment: true,
        bank_bin: TRAINING_BIN.to_owned(),
        account: TRAINING_ACCOUNT.to_owned(),
        service: vietqr::Service::ToAccount,
        category: None,
        amount: Some(total),
        name: Some(TRAINING_HOLDER.to_owned()),
        city: None,
        bill_number: Some(code.to_owned()),
        purpose: Some(format!("LE PHI {code}")),
    })
}

/// [`training_payment_code`], or 400 when the dossier's code cannot be one.
fn payload(code: &str, total: u64) -> Result<String, ApiError> {
    training_payment_code(code, total).map_err(|e| ApiError::bad_request(format!("Không tạo được mã VietQR: {e}.")))
}

/// The dossier `id` as it now stands; 404 when there is none.
fn dossier(tx: &Transaction<'_>, id: &str) -> Result<Dossier, ApiError> {
    crate::dossiers::load(tx, id)?
        .map(|(_, d)| d)
        .ok_or_else(|| ApiError::not_found(format!("Không có hồ sơ {id}.")))
}

/// `POST /admin/dossiers/{id}/payment`: the agency asks for what the dossier
/// owes; it moves to `payment_required` (409 when the lifecycle does not
/// allow it) with a new request, replacing one not paid.
pub(crate) async fn request(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    body: Result<Json<PaymentOrder>, JsonRejection>,
) -> Result<Json<Dossier>, ApiError> {
    let Json(order) = body?;
    if order.lines.is_empty() || order.lines.iter().any(|l| l.amount == 0 || l.name.trim().is_empty()) {
        return Err(ApiError::bad_request(
            "Mỗi khoản phải có tên và số tiền lớn hơn 0.".to_owned(),
        ));
    }
    let total = order
        .lines
        .iter()
        .try_fold(0u64, |sum, l| sum.checked_add(l.amount))
        .ok_or_else(|| ApiError::bad_request("Tổng số tiền quá lớn.".to_owned()))?;
    let answer = shared.db.transaction(|tx| ask_payment(tx, &id, &order, total))?;
    Ok(Json(answer))
}

/// The receipt of a payment, signed with the portal's key (the one that
/// signs the catalog): numbered in a yearly series, its lines and total in
/// figures and in words.
fn receipt(
    shared: &Shared,
    tx: &Transaction<'_>,
    payment: &PaymentRequest,
    collector: &str,
    payer: Option<&str>,
) -> rusqlite::Result<EReceipt> {
    let now = chrono::Utc::now();
    let year = now.format("%y").to_string();
    let number = crate::db::next_in_sequence(tx, &format!("receipt-{year}"))?;
    let mut receipt = EReceipt {
        title: "Biên lai thu phí, lệ phí không in sẵn mệnh giá (bản tập huấn)".to_owned(),
        form: "01BLP0-001".to_owned(),
        series: format!("TH-{year}E"),
        number: format!("{number:07}"),
        collector: collector.to_owned(),
        collector_tax_code: None,
        payer: payer.map(str::to_owned),
        lines: payment
            .lines
            .iter()
            .map(|l| ReceiptLine {
                name: l.name.clone(),
                kind: l.kind,
                amount: l.amount,
                amount_in_words: l10n::amount_in_words(l.amount),
            })
            .collect(),
        total: payment.total,
        total_in_words: l10n::amount_in_words(payment.total),
        issued_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        signed_by: collector.to_owned(),
        signature: String::new(),
    };
    let signature = shared.signing_key.sign(&receipt.signed_bytes());
    receipt.signature = base64::engine::general_purpose::STANDARD.encode(signature.to_bytes());
    Ok(receipt)
}

/// The pending payment of dossier `id`, or 409 saying why there is none.
fn pending(current: &Dossier) -> Result<&PaymentRequest, ApiError> {
    match &current.payment {
        Some(p) if p.state == PaymentState::Pending => Ok(p),
        Some(p) if p.state == PaymentState::Paid => Err(ApiError::conflict(
            "Khoản này đã được thanh toán; không xác nhận lần hai.".to_owned(),
        )),
        _ => Err(ApiError::conflict(
            "Hồ sơ không có khoản nào chờ thanh toán.".to_owned(),
        )),
    }
}

/// `POST /admin/dossiers/{id}/payment/confirm`: the bank confirms the
/// payment, once (409 when nothing is pending); the receipt is issued and
/// the dossier goes back to `in_review`.
pub(crate) async fn confirm(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> Result<Json<Dossier>, ApiError> {
    let collector = crate::followup::procedure_of(&shared, &id)?
        .map(|p| p.definition.agency.name.vi.clone())
        .unwrap_or_else(|| "Cơ quan giải quyết".to_owned());
    let answer = shared
        .db
        .transaction(|tx| confirm_payment(&shared, tx, &id, &collector))?;
    Ok(Json(answer))
}

/// Records the bank's confirmation and the receipt; the dossier goes back to handling.
pub(crate) fn confirm_payment(
    shared: &Shared,
    tx: &Transaction<'_>,
    id: &str,
    collector: &str,
) -> Result<Dossier, ApiError> {
    let (account, current) =
        crate::dossiers::load(tx, id)?.ok_or_else(|| ApiError::not_found(format!("Không có hồ sơ {id}.")))?;
    let payment = pending(&current)?;
    let payer = crate::TEST_ACCOUNTS.iter().find(|a| a.id == account).map(|a| a.name);
    let receipt = receipt(shared, tx, payment, collector, payer)?;
    tx.execute(
        "UPDATE payments SET state = 'paid', paid_at = ?2, receipt = ?3 WHERE dossier_id = ?1",
        params![
            id,
            now_rfc3339(),
            serde_json::to_string(&receipt).expect("a receipt serializes")
        ],
    )?;
    let step = Step {
        note: Some("Đã nhận đủ phí, lệ phí."),
        handler: None,
    };
    change_status(tx, id, Status::InReview, step)?;
    dossier(tx, id)
}

/// Ends a pending payment as `state` (the bank refused it, or its time ran
/// out); the agency may ask again.
fn end_unpaid(shared: &Shared, id: &str, state: PaymentState) -> Result<Dossier, ApiError> {
    shared.db.transaction(|tx| {
        let current = dossier(tx, id)?;
        pending(&current)?;
        tx.execute(
            "UPDATE payments SET state = ?2, expires_at = CASE WHEN ?2 = 'expired' THEN ?3 ELSE expires_at END              WHERE dossier_id = ?1",
            params![id, state_name(state), now_rfc3339()],
        )?;
        let revision = crate::db::next_revision(tx)?;
        tx.execute("UPDATE dossiers SET revision = ?1 WHERE id = ?2", params![revision, id])?;
        dossier(tx, id)
    })
}

/// `POST /admin/dossiers/{id}/payment/fail`: the bank refused the payment.
pub(crate) async fn fail(State(shared): State<Arc<Shared>>, Path(id): Path<String>) -> Result<Json<Dossier>, ApiError> {
    Ok(Json(end_unpaid(&shared, &id, PaymentState::Failed)?))
}

/// `POST /admin/dossiers/{id}/payment/expire`: the time to pay ran out.
pub(crate) async fn expire(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> Result<Json<Dossier>, ApiError> {
    Ok(Json(end_unpaid(&shared, &id, PaymentState::Expired)?))
}

/// Records a payment request for `total` đồng and moves the dossier to
/// `payment_required`.
pub(crate) fn ask_payment(
    tx: &Transaction<'_>,
    id: &str,
    order: &PaymentOrder,
    total: u64,
) -> Result<Dossier, ApiError> {
    let current = dossier(tx, id)?;
    if current.payment.as_ref().is_some_and(|p| p.state == PaymentState::Paid) {
        return Err(ApiError::conflict("Hồ sơ đã được thanh toán.".to_owned()));
    }
    let step = Step {
        note: Some("Đề nghị nộp phí, lệ phí."),
        handler: None,
    };
    change_status(tx, id, Status::PaymentRequired, step)?;
    let expires = chrono::Utc::now() + chrono::Duration::minutes(PAYABLE_MINUTES);
    tx.execute(
        "INSERT INTO payments (dossier_id, id, lines, total, payload, expires_at, state, paid_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', NULL) \
         ON CONFLICT (dossier_id) DO UPDATE SET id = excluded.id, lines = excluded.lines, total = excluded.total, \
         payload = excluded.payload, expires_at = excluded.expires_at, state = 'pending', paid_at = NULL, \
         receipt = NULL",
        params![
            id,
            uuid::Uuid::new_v4().to_string(),
            serde_json::to_string(&order.lines).expect("fee lines serialize"),
            total as i64,
            payload(&current.code, total)?,
            expires.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        ],
    )?;
    dossier(tx, id)
}
