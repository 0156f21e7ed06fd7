//! Moving a draft's answers to a newer version of its procedure: answers are
//! kept by field id, answers the new version cannot hold are reported, and
//! new required questions are flagged. Nothing is dropped silently.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::definition::{Definition, Field, FieldKind, LocalizedText};
use crate::engine::{Answer, Answers, Attached, evaluate};
use crate::loader::Procedure;

/// What changed for the user when a draft moved to a newer definition.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UpgradeNotice {
    /// Version the draft was started on.
    pub from_version: u32,
    /// Version it moved to.
    pub to_version: u32,
    /// Questions the user had answered that the new version no longer asks
    /// (or asks differently), with the answers that were set aside.
    pub removed: Vec<LocalizedText>,
    /// New questions the user must now answer.
    pub added: Vec<LocalizedText>,
}

/// Answers moved to the new version, and what the user must be told.
#[derive(Debug, Clone, PartialEq)]
pub struct Upgrade {
    /// The answers the new version keeps.
    pub answers: Answers,
    /// The notice to show; `None` when nothing the user sees changed.
    pub notice: Option<UpgradeNotice>,
}

/// Moves `answers` given under `old` to `new`, as of `today`.
pub fn upgrade(old: &Definition, new: &Procedure, answers: &Answers, today: NaiveDate) -> Upgrade {
    let fields = |d: &Definition| -> HashMap<String, Field> {
        d.steps
            .iter()
            .flat_map(|s| &s.fields)
            .map(|f| (f.id.clone(), f.clone()))
            .collect()
    };
    let (before, after) = (fields(old), fields(&new.definition));
    let mut kept = Answers::new();
    let mut removed = Vec::new();
    for (id, answer) in answers {
        match (before.get(id), after.get(id)) {
            (_, Some(field)) if fits(field, answer) => {
                kept.insert(id.clone(), answer.clone());
            }
            (Some(old_field), _) => removed.push(old_field.label.clone()),
            (None, _) => {}
        }
    }
    // Only the steps are read: what is attached does not matter.
    let state = evaluate(new, &kept, &Attached::new(), today);
    let added: Vec<LocalizedText> = state
        .steps
        .iter()
        .flat_map(|s| &s.fields)
        .filter(|f| f.required && !before.contains_key(&f.id))
        .map(|f| f.label.clone())
        .collect();
    let changed = !removed.is_empty() || !added.is_empty();
    Upgrade {
        answers: kept,
        notice: changed.then_some(UpgradeNotice {
            from_version: old.version,
            to_version: new.definition.version,
            removed,
            added,
        }),
    }
}

/// Whether an answer still has a place in the field: the same shape of
/// value, and for choices, a value that is still offered.
fn fits(field: &Field, answer: &Answer) -> bool {
    match (field.kind, answer) {
        (FieldKind::YesNo, Answer::Bool(_)) | (FieldKind::Address, Answer::Address(_)) => true,
        (FieldKind::Choice, Answer::Text(value)) => field.options.iter().any(|o| &o.value == value),
        (FieldKind::YesNo | FieldKind::Address, _) | (_, Answer::Bool(_) | Answer::Address(_)) => false,
        (_, Answer::Text(_)) => true,
    }
}
