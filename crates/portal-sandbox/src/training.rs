//! The training clock: on each tick it moves every open dossier one step
//! along its procedure's scenario, so a trainee on a fresh machine sees the
//! whole journey. A procedure with a fixed fee asks for payment (the
//! training bank confirms it on the next tick); one with a document to
//! upload asks once for a supplement (and waits for the trainee's reply);
//! every dossier then gets its result and, a tick later, is returned.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use portal::types::{
    Collection, Dossier, FeeKind, PaymentLine, PaymentOrder, PaymentState, ResultOrder, Status, SupplementItem,
    SupplementKind, SupplementOrder,
};
use procedures::Procedure;
use procedures::definition::{AgencyLevel, Supply};
use rusqlite::Transaction;

use crate::dossiers::{Step, change_due, change_status};
use crate::problem::ApiError;
use crate::state::Shared;

/// The desk that takes dossiers in on the training clock.
const TRAINING_DESK: &str = "Bộ phận Một cửa (tập huấn)";

/// Days from receipt to the due day on the training clock.
const TRAINING_DAYS: i64 = 5;

/// Days a trainee has to answer a supplement request.
const SUPPLEMENT_DAYS: i64 = 5;

/// What the agency does with a procedure's dossiers in training.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scenario {
    /// Received, handled, result.
    Straight,
    /// Asks once for a new file of this document.
    Supplement(String),
    /// Asks for this fee (đồng) before the result.
    Payment(u64),
}

impl Scenario {
    /// The scenario of `procedure`: a fixed fee is asked for, else a
    /// document to upload is asked again, else nothing more.
    pub fn of(procedure: Option<&Procedure>) -> Scenario {
        let Some(procedure) = procedure else {
            return Scenario::Straight;
        };
        let definition = &procedure.definition;
        if let Some(amount) = definition.fee.amount.filter(|a| *a > 0) {
            return Scenario::Payment(amount);
        }
        match definition.documents.iter().find(|d| d.supply == Supply::Upload) {
            Some(document) => Scenario::Supplement(document.id.clone()),
            None => Scenario::Straight,
        }
    }
}

/// The statuses the clock moves.
const OPEN: [Status; 5] = [
    Status::Submitted,
    Status::Received,
    Status::InReview,
    Status::PaymentRequired,
    Status::ResultReady,
];

fn training_step(note: &str) -> Step<'_> {
    Step {
        note: Some(note),
        handler: Some(TRAINING_DESK),
    }
}

/// Moves one dossier one step along its scenario; false when it waits
/// (for the trainee's supplement, or a payment not pending).
fn advance(
    shared: &Shared,
    tx: &Transaction<'_>,
    dossier: &Dossier,
    procedure: Option<&Procedure>,
    today: NaiveDate,
) -> Result<bool, ApiError> {
    let id = dossier.id.as_str();
    match dossier.status {
        Status::Submitted => {
            change_status(
                tx,
                id,
                Status::Received,
                training_step("Bộ phận một cửa đã tiếp nhận hồ sơ."),
            )?;
            let due = today + chrono::Duration::days(TRAINING_DAYS);
            change_due(tx, id, &due.format("%Y-%m-%d").to_string(), None, false)?;
        }
        Status::Received => {
            change_status(tx, id, Status::InReview, training_step("Hồ sơ đang được giải quyết."))?;
        }
        Status::InReview => match Scenario::of(procedure) {
            Scenario::Supplement(document) if dossier.supplement.is_none() => {
                let order = SupplementOrder {
                    reason: "Bản chụp giấy tờ chưa rõ nét, không đọc được đủ thông tin (tình huống tập huấn)."
                        .to_owned(),
                    items: vec![SupplementItem {
                        number: 1,
                        kind: SupplementKind::Document,
                        id: document,
                        note: Some("Chụp lại rõ nét, thấy đủ bốn góc giấy.".to_owned()),
                    }],
                    contact: Some(TRAINING_DESK.to_owned()),
                    deadline: Some(
                        (today + chrono::Duration::days(SUPPLEMENT_DAYS))
                            .format("%Y-%m-%d")
                            .to_string(),
                    ),
                };
                crate::followup::request_supplement(tx, id, &order)?;
            }
            Scenario::Payment(amount) if dossier.payment.as_ref().is_none_or(|p| p.state != PaymentState::Paid) => {
                let name = procedure.map_or("thủ tục".to_owned(), |p| p.definition.name.vi.to_lowercase());
                let order = PaymentOrder {
                    lines: vec![PaymentLine {
                        name: format!("Lệ phí {name}"),
                        kind: FeeKind::Levy,
                        amount,
                        collected: Collection::OnReceipt,
                    }],
                };
                crate::payments::ask_payment(tx, id, &order, amount)?;
            }
            _ => {
                let order = ResultOrder {
                    electronic: true,
                    paper: procedure.is_some_and(|p| p.definition.agency.level == AgencyLevel::Province),
                };
                crate::followup::issue_result(tx, id, procedure, &order, today)?;
            }
        },
        Status::PaymentRequired
            if dossier
                .payment
                .as_ref()
                .is_some_and(|p| p.state == PaymentState::Pending) =>
        {
            let collector = procedure.map_or("Cơ quan giải quyết".to_owned(), |p| {
                p.definition.agency.name.vi.clone()
            });
            crate::payments::confirm_payment(shared, tx, id, &collector)?;
        }
        Status::ResultReady => {
            change_status(tx, id, Status::Returned, training_step("Đã trả kết quả cho công dân."))?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// Moves every open dossier one step; returns how many moved.
pub(crate) fn advance_once(shared: &Shared) -> Result<usize, ApiError> {
    let today = shared.today();
    let open: Vec<(String, String)> = shared.db.transaction(|tx| {
        let names: Vec<String> = OPEN.iter().map(|s| format!("'{}'", s.name())).collect();
        let mut statement = tx.prepare(&format!(
            "SELECT id, procedure_code FROM dossiers WHERE status IN ({}) ORDER BY revision",
            names.join(", ")
        ))?;
        let rows = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok::<_, rusqlite::Error>(rows)
    })?;
    let mut moved = 0;
    for (id, code) in open {
        // Read before the database lock: `PUT /admin/catalog` takes them the other way round.
        let procedure = shared.catalog.get(&code);
        shared.db.transaction(|tx| {
            let Some((_, dossier)) = crate::dossiers::load(tx, &id)? else {
                return Ok::<_, ApiError>(());
            };
            if advance(shared, tx, &dossier, procedure.as_deref(), today)? {
                moved += 1;
            }
            Ok(())
        })?;
    }
    Ok(moved)
}

/// Runs [`advance_once`] every `every`, until the task is aborted.
pub(crate) async fn auto_advance(shared: Arc<Shared>, every: Duration) {
    let mut clock = tokio::time::interval(every);
    clock.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    clock.tick().await;
    loop {
        clock.tick().await;
        match advance_once(&shared) {
            Ok(0) => {}
            Ok(n) => tracing::debug!("training clock: {n} dossiers moved"),
            Err(e) => tracing::warn!("training clock failed: {:?}", e.problem().detail),
        }
    }
}

#[cfg(test)]
mod tests {
    use procedures::Catalog;

    use super::*;

    #[test]
    fn each_bundled_procedure_has_a_scenario_and_the_branches_are_all_trained() {
        let catalog = Catalog::bundled().unwrap();
        let scenario = |code: &str| Scenario::of(catalog.get(code));
        assert_eq!(
            scenario("3.000347"),
            Scenario::Payment(135_000),
            "the licence exchange asks for its fee"
        );
        assert_eq!(
            scenario("1.001193"),
            Scenario::Supplement("giay_chung_sinh".to_owned()),
            "birth registration asks for the birth certificate again"
        );
        let all: Vec<Scenario> = catalog.procedures().iter().map(|p| Scenario::of(Some(p))).collect();
        assert!(all.iter().any(|s| matches!(s, Scenario::Payment(_))));
        assert!(all.iter().any(|s| matches!(s, Scenario::Supplement(_))));
        assert_eq!(
            Scenario::of(None),
            Scenario::Straight,
            "a procedure no longer published goes straight on"
        );
    }
}
