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
use portal::types::{Dossier, PaymentLine, PaymentOrder, PaymentRequest, PaymentState, Status};
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
            "SELECT id, lines, total, payload, expires_at, state, paid_at FROM payments WHERE dossier_id = ?1",
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
                ))
            },
        )
        .optional()?;
    let Some((id, lines, total, payload, expires_at, state, paid_at)) = row else {
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
    let answer = shared.db.transaction(|tx| {
        let current = dossier(tx, &id)?;
        if current.payment.as_ref().is_some_and(|p| p.state == PaymentState::Paid) {
            return Err(ApiError::conflict("Hồ sơ đã được thanh toán.".to_owned()));
        }
        let step = Step {
            note: Some("Đề nghị nộp phí, lệ phí."),
            handler: None,
        };
        change_status(tx, &id, Status::PaymentRequired, step)?;
        let expires = chrono::Utc::now() + chrono::Duration::minutes(PAYABLE_MINUTES);
        tx.execute(
            "INSERT INTO payments (dossier_id, id, lines, total, payload, expires_at, state, paid_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', NULL) \
             ON CONFLICT (dossier_id) DO UPDATE SET id = excluded.id, lines = excluded.lines, total = excluded.total, \
             payload = excluded.payload, expires_at = excluded.expires_at, state = 'pending', paid_at = NULL",
            params![
                id,
                uuid::Uuid::new_v4().to_string(),
                serde_json::to_string(&order.lines).expect("fee lines serialize"),
                total as i64,
                payload(&current.code, total)?,
                expires.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            ],
        )?;
        dossier(tx, &id)
    })?;
    Ok(Json(answer))
}

/// `POST /admin/dossiers/{id}/payment/confirm`: the bank confirms the
/// payment, once (409 when nothing is pending); the dossier goes back to
/// `in_review`.
pub(crate) async fn confirm(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
) -> Result<Json<Dossier>, ApiError> {
    let answer = shared.db.transaction(|tx| {
        let current = dossier(tx, &id)?;
        match current.payment.as_ref().map(|p| p.state) {
            Some(PaymentState::Pending) => {}
            Some(PaymentState::Paid) => {
                return Err(ApiError::conflict(
                    "Khoản này đã được thanh toán; không xác nhận lần hai.".to_owned(),
                ));
            }
            _ => {
                return Err(ApiError::conflict(
                    "Hồ sơ không có khoản nào chờ thanh toán.".to_owned(),
                ));
            }
        }
        tx.execute(
            "UPDATE payments SET state = 'paid', paid_at = ?2 WHERE dossier_id = ?1",
            params![id, now_rfc3339()],
        )?;
        let step = Step {
            note: Some("Đã nhận đủ phí, lệ phí."),
            handler: None,
        };
        change_status(tx, &id, Status::InReview, step)?;
        dossier(tx, &id)
    })?;
    Ok(Json(answer))
}
