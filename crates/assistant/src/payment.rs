//! Paying a dossier's fee: the portal's VietQR code is checked before it is
//! drawn (a code for this one payment, the amount owed, the dossier's code
//! as bill number, NAPAS, the dong, an intact checksum), and a request that
//! is not waiting is never offered for payment.

use base64::Engine;
use portal::types::{Dossier, PaymentState};

use crate::error::{Error, Result};
use crate::views::PaymentCode;

/// Width of the drawn code, in pixels (a phone reads it from the screen).
const CODE_PIXELS: u32 = 280;

/// The code that pays `dossier`'s waiting payment request.
pub fn code_for(dossier: &Dossier) -> Result<PaymentCode> {
    let payment = dossier
        .payment
        .as_ref()
        .filter(|p| p.state == PaymentState::Pending)
        .ok_or(Error::NoPaymentWaiting)?;
    let transfer =
        vietqr::check_fee_payment(&payment.payload, payment.total, &dossier.code).map_err(Error::PaymentCode)?;
    let svg = vietqr::svg(&payment.payload, CODE_PIXELS).map_err(Error::PaymentCode)?;
    Ok(PaymentCode {
        image: format!(
            "data:image/svg+xml;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(svg)
        ),
        bank_bin: transfer.bank_bin,
        bank_name: payment.bank_name.clone(),
        account: transfer.account,
        account_name: payment.account_name.clone(),
        amount: payment.total,
        purpose: transfer.purpose.or(transfer.bill_number).unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use portal::types::{Collection, FeeKind, PaymentLine, PaymentRequest, Status};

    use super::*;

    fn dossier(payload: String, total: u64, state: PaymentState) -> Dossier {
        Dossier {
            id: "d1".into(),
            code: "X01-20261207-0001".into(),
            procedure_code: "1.001193".into(),
            status: Status::PaymentRequired,
            history: vec![],
            attachments: vec![],
            fee: None,
            due_date: None,
            due_changes: vec![],
            payment: Some(PaymentRequest {
                id: "p1".into(),
                lines: vec![PaymentLine {
                    name: "Lệ phí".into(),
                    kind: FeeKind::Levy,
                    amount: total,
                    collected: Collection::OnReceipt,
                }],
                total,
                payload,
                bank_name: "Ngân hàng tập huấn".into(),
                account_name: "TAP HUAN".into(),
                expires_at: "2026-12-08T00:00:00Z".into(),
                state,
                paid_at: None,
                receipt: None,
            }),
            supplement: None,
            result: None,
            stop_notice: None,
            rating: None,
            revision: 1,
        }
    }

    fn payload(amount: u64, bill: &str) -> String {
        vietqr::encode(&vietqr::Transfer {
            one_payment: true,
            bank_bin: "999999".into(),
            account: "0001234567".into(),
            service: vietqr::Service::ToAccount,
            category: None,
            amount: Some(amount),
            name: None,
            city: None,
            bill_number: Some(bill.into()),
            purpose: Some(format!("LE PHI {bill}")),
        })
        .unwrap()
    }

    #[test]
    fn draws_a_code_that_pays_what_is_owed_for_this_dossier() {
        let code = code_for(&dossier(
            payload(8000, "X01-20261207-0001"),
            8000,
            PaymentState::Pending,
        ))
        .unwrap();
        assert!(code.image.starts_with("data:image/svg+xml;base64,"));
        assert_eq!(
            (code.bank_bin.as_str(), code.account.as_str(), code.amount),
            ("999999", "0001234567", 8000)
        );
        assert_eq!(code.purpose, "LE PHI X01-20261207-0001");
    }

    #[test]
    fn never_draws_a_code_that_fails_a_check_or_a_payment_not_waiting() {
        let reason = |d: Dossier| {
            crate::AppError::from(&code_for(&d).unwrap_err())
                .args
                .get("reason")
                .cloned()
        };
        assert_eq!(
            reason(dossier(payload(9000, "X01-20261207-0001"), 8000, PaymentState::Pending)).as_deref(),
            Some("amount")
        );
        assert_eq!(
            reason(dossier(payload(8000, "X01-20261207-0002"), 8000, PaymentState::Pending)).as_deref(),
            Some("bill")
        );
        let mut tampered = payload(8000, "X01-20261207-0001");
        let other = if &tampered[60..61] == "7" { "8" } else { "7" };
        tampered.replace_range(60..61, other);
        assert!(matches!(
            code_for(&dossier(tampered, 8000, PaymentState::Pending)),
            Err(Error::PaymentCode(_))
        ));
        assert!(matches!(
            code_for(&dossier(payload(8000, "X01-20261207-0001"), 8000, PaymentState::Paid)),
            Err(Error::NoPaymentWaiting)
        ));
    }
}
