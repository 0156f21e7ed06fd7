//! The fee of a dossier: which of a definition's fee rules applies, for the
//! answers given, the applicant's province, the way of filing and the day.
//!
//! The rules are tried in order and the first that holds sets the amount;
//! when none does, the base amount applies. An amount left out means the
//! province sets it: once the province is known, the fee says that the app
//! has no figure for that province rather than guessing one.

use chrono::NaiveDate;
use serde::Serialize;

use crate::admin_units;
use crate::definition::{FeeRules, FilingChannel, LocalizedText};

/// The fee for this dossier.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FeeState {
    /// Amount in đồng; `None` when the province sets it.
    pub amount: Option<u64>,
    /// Why this amount (a fee rule that applied), if not the base fee.
    pub reason: Option<LocalizedText>,
    /// The definition's general note on fees.
    pub note: Option<LocalizedText>,
    /// What the person asked for beyond the dossier itself (extra copies).
    pub items: Vec<FeeLine>,
    /// The amount plus every item; `None` while the amount is the province's
    /// to set (the items' sum is then still in `items`).
    pub total: Option<u64>,
    /// The way of filing the fee is for.
    pub channel: FilingChannel,
    /// The province the fee was worked out for, when it is known.
    pub province: Option<FeeProvince>,
    /// The province is known but the app holds no figure for it: the
    /// amount is the province's to set, and `note` gives the national rule.
    pub province_unknown: bool,
    /// Last day (`dd/mm/yyyy`) of the rule that set the amount, when that
    /// amount is for a limited time (a cut until the end of a year).
    pub until: Option<String>,
}

/// A province, as the fee names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FeeProvince {
    /// Two-digit code, e.g. `01`.
    pub code: String,
    /// Official name, e.g. "Thành phố Hà Nội".
    pub name: String,
}

/// One line of the fee: so many items at so much each.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FeeLine {
    /// What one item is.
    pub label: LocalizedText,
    /// How many were asked for.
    pub count: u64,
    /// Amount in đồng for each.
    pub each: u64,
    /// `count × each`.
    pub total: u64,
}

/// The fee as a procedure's page shows it, before any answer: for each way
/// of filing, and the cases that change it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FeeQuote {
    /// Filing online, as the app does.
    pub online: FeeState,
    /// Filing at the counter or by post.
    pub counter: FeeState,
    /// The rules that depend on the person's case (an exemption, a late
    /// filing) and apply in this province on this day.
    pub cases: Vec<FeeCase>,
    /// Whether the amount depends on the province: some rule is for a
    /// province, or some amount is the province's to set.
    pub by_province: bool,
}

/// A case that changes the fee.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FeeCase {
    /// What the case is and why the amount applies.
    pub reason: LocalizedText,
    /// Amount in đồng; `None` when the province sets it.
    pub amount: Option<u64>,
    /// The way of filing the case is limited to, if any.
    pub channel: Option<FilingChannel>,
}

/// Where, how and when a dossier is filed: what a fee rule's limits read.
#[derive(Debug, Clone, Copy)]
pub struct Filing<'a> {
    /// Code of the applicant's province, when known.
    pub province: Option<&'a str>,
    /// The way of filing.
    pub channel: FilingChannel,
    /// The day of filing.
    pub today: NaiveDate,
}

/// The fee for a dossier filed as `filing`, where `holds` says whether a
/// rule's condition holds for the answers, with the per-item lines `items`.
pub fn fee_state(fee: &FeeRules, holds: impl Fn(&str) -> bool, filing: Filing<'_>, items: Vec<FeeLine>) -> FeeState {
    let rule = fee.rules.iter().find(|rule| {
        rule.allows(filing.province, filing.channel, filing.today) && rule.when.as_deref().is_none_or(&holds)
    });
    let (amount, reason, until) = match rule {
        Some(rule) => (rule.amount, Some(rule.reason.clone()), rule.until.clone()),
        None => (fee.amount, None, None),
    };
    let province = filing.province.and_then(admin_units::province).map(|p| FeeProvince {
        code: p.code.clone(),
        name: p.name.clone(),
    });
    FeeState {
        total: amount.map(|base| items.iter().fold(base, |sum, line| sum.saturating_add(line.total))),
        amount,
        reason,
        note: fee.note.clone(),
        items,
        channel: filing.channel,
        province_unknown: amount.is_none() && province.is_some(),
        province,
        until: amount.and(until),
    }
}

/// The fee before any answer, for the procedure's page: `holds` says
/// whether a condition holds with nothing answered yet.
pub fn quote(fee: &FeeRules, holds: impl Fn(&str) -> bool, province: Option<&str>, today: NaiveDate) -> FeeQuote {
    let filing = |channel| Filing {
        province,
        channel,
        today,
    };
    // A case's later rule for the same way of filing (the full amount after
    // a dated cut) is shadowed while the first one holds: listing both would
    // give one case two amounts.
    let mut listed: Vec<(&str, Option<FilingChannel>)> = Vec::new();
    let cases = fee
        .rules
        .iter()
        .filter(|rule| rule.allows(province, rule.channel.unwrap_or(FilingChannel::Online), today))
        .filter_map(|rule| {
            let case = (rule.when.as_deref()?, rule.channel);
            (!listed.contains(&case)).then(|| {
                listed.push(case);
                rule
            })
        })
        .map(|rule| FeeCase {
            reason: rule.reason.clone(),
            amount: rule.amount,
            channel: rule.channel,
        })
        .collect();
    FeeQuote {
        online: fee_state(fee, &holds, filing(FilingChannel::Online), Vec::new()),
        counter: fee_state(fee, &holds, filing(FilingChannel::Counter), Vec::new()),
        cases,
        by_province: fee.amount.is_none() || fee.rules.iter().any(|r| r.province.is_some() || r.amount.is_none()),
    }
}
