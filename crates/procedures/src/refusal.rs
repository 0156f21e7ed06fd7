//! Why the portal refused a submission: one typed value that the sync worker
//! builds from the portal's answer, the store keeps with the draft, and the
//! UI shows, until the person changes what it names.

use serde::{Deserialize, Serialize};

/// An answer the portal refused.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldProblem {
    /// Field id in the definition.
    pub field: String,
    /// Fluent message id (the app's `locales/` define it), e.g. `error-citizen-id-format`.
    pub message_id: String,
}

/// Why the portal refused a submission. Every refusal says why: by its
/// field problems, by its `reason`, or both.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Refusal {
    /// Names the Fluent message `error-<reason>` that says why and what to
    /// do next (`portal-refused`, `portal-too-large`, `attachment-missing`,
    /// `unexpected`); `None` when the field problems say it all.
    pub reason: Option<String>,
    /// The portal's own words (its problem's detail or title), when it gave any.
    pub detail: Option<String>,
    /// The answers the portal refused.
    pub fields: Vec<FieldProblem>,
}

impl Refusal {
    /// A refusal that names no field, for the reason `error-<reason>`.
    pub fn because(reason: &str, detail: Option<String>) -> Self {
        Self {
            reason: Some(reason.to_owned()),
            detail,
            fields: Vec::new(),
        }
    }

    /// What is left to fix after the person changed `field`: its problems
    /// go, and the refusal ends when none is left. A refusal that names no
    /// field ends with any change.
    pub fn after_change(mut self, field: &str) -> Option<Self> {
        if self.fields.is_empty() {
            return None;
        }
        self.fields.retain(|p| p.field != field);
        (!self.fields.is_empty()).then_some(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(field: &str) -> FieldProblem {
        FieldProblem {
            field: field.into(),
            message_id: "error-required".into(),
        }
    }

    #[test]
    fn a_refusal_ends_once_every_named_answer_changed() {
        let refusal = Refusal {
            reason: None,
            detail: Some("Hồ sơ chưa hợp lệ".into()),
            fields: vec![problem("child_name"), problem("child_birth_date")],
        };
        let left = refusal.after_change("child_name").expect("one answer is still refused");
        assert_eq!(left.fields, vec![problem("child_birth_date")]);
        assert_eq!(left.after_change("child_birth_date"), None, "nothing is left to fix");
    }

    #[test]
    fn a_refusal_naming_no_field_ends_with_any_change() {
        let refusal = Refusal::because("portal-refused", None);
        assert_eq!(refusal.after_change("anything"), None);
    }
}
