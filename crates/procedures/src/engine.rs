//! The interview engine: from a procedure, the answers given so far and the
//! documents that have a file, the visible steps and fields (answers repeated
//! from another field included), each field's errors and warnings, the
//! documents needed and where each stands, the fee with its items, and
//! whether the dossier is ready. The UI renders this and never re-implements
//! a rule.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::admin_units;
use crate::condition::{self, Scope, Value};
use crate::definition::{
    ChoiceOption, DocumentRequirement, Field, FieldKind, FileKind, FilingChannel, HolderSex, LocalizedText, PhotoRules,
    Supply,
};
use crate::fee::{self, FeeLine, FeeQuote, FeeState, Filing};
use crate::fold::clean;
use crate::limits::{MAX_LONG_TEXT_ANSWER_CHARS, MAX_STREET_CHARS, MAX_TEXT_ANSWER_CHARS};
use crate::loader::Procedure;
use crate::message::Message;
use crate::validate::{self, Sex};

/// One answer as the UI sends it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(untagged)]
pub enum Answer {
    /// A yes/no answer.
    Bool(bool),
    /// Anything typed or chosen: text, a date as dd/mm/yyyy, a number, a choice's value.
    Text(String),
    /// An address.
    Address(AddressAnswer),
}

/// An address after the 2025 reform: street part, commune, province.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AddressAnswer {
    /// Province code, e.g. `01`.
    pub province: String,
    /// Commune, ward or special-zone code, e.g. `00004`.
    pub commune: String,
    /// House number, street, village or residential group.
    pub street: String,
}

/// Answers by field id.
pub type Answers = BTreeMap<String, Answer>;

/// The ids of the checklist's documents that have a file attached.
pub type Attached = BTreeSet<String>;

/// Everything the UI needs to show the interview at this moment.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InterviewState {
    /// Procedure code.
    pub code: String,
    /// Definition version the state was computed with.
    pub version: u32,
    /// The steps the user must go through, in order.
    pub steps: Vec<StepState>,
    /// The documents this dossier needs.
    pub documents: Vec<DocumentState>,
    /// The fee for this dossier.
    pub fee: FeeState,
    /// True when every visible field is answered and valid.
    pub answers_complete: bool,
    /// True when the dossier can be submitted: the answers are complete and
    /// every document to upload is attached (documents given later and the
    /// form the app fills do not hold it back).
    pub ready: bool,
    /// The answers to keep: cleaned (NFC, national phone form, dd/mm/yyyy) and
    /// without answers to fields that are not shown.
    pub answers: Answers,
}

/// A visible step.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StepState {
    /// Step id.
    pub id: String,
    /// Heading.
    pub title: LocalizedText,
    /// Guidance under the heading.
    pub intro: Option<LocalizedText>,
    /// Visible fields.
    pub fields: Vec<FieldState>,
    /// True when no visible field of the step has an error.
    pub complete: bool,
}

/// A visible field and its state.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldState {
    /// Field id.
    pub id: String,
    /// Field type.
    pub kind: FieldKind,
    /// Question.
    pub label: LocalizedText,
    /// Help.
    pub help: Option<LocalizedText>,
    /// Whether an answer is needed.
    pub required: bool,
    /// Choices, for choice fields.
    pub options: Vec<ChoiceOption>,
    /// The cleaned answer, if any.
    pub value: Option<Answer>,
    /// The answer as the check-your-answers page shows it.
    pub display: Option<Display>,
    /// What is wrong with the answer (empty when it is fine).
    pub errors: Vec<Message>,
    /// What looks unlikely but is accepted (a name without diacritics, a
    /// mother aged 12 at the birth); shown, never blocking.
    pub warnings: Vec<Message>,
    /// The answer repeats one given at another step (see
    /// [`Field::same_as`]): that step's title. The person can change it.
    pub copied_from: Option<LocalizedText>,
}

/// An answer prepared for reading back.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Display {
    /// Shown as is.
    Text(String),
    /// A choice's label.
    Choice(LocalizedText),
    /// Yes or no.
    YesNo(bool),
    /// An amount in đồng, formatted by the UI's locale.
    Money(u64),
    /// Street, commune and province names.
    Address(String),
}

/// A document of the checklist that applies to this dossier.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DocumentState {
    /// Document id.
    pub id: String,
    /// What it is.
    pub name: LocalizedText,
    /// Original, copy, exemptions.
    pub note: Option<LocalizedText>,
    /// Accepted file kinds.
    pub accepted: Vec<FileKind>,
    /// Size limit in MiB.
    pub max_size_mb: u32,
    /// What a portrait photo must be, for a document that is one.
    pub photo: Option<PhotoRules>,
    /// Where the document stands for this dossier.
    pub status: DocumentStatus,
}

/// Where a document of the checklist stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    /// A file is attached.
    Attached,
    /// A file must be attached before submitting.
    Missing,
    /// Not attached, and may be given after submitting.
    ToFollow,
    /// The app fills it from the answers.
    FilledByApp,
}

impl DocumentStatus {
    fn of(document: &DocumentRequirement, attached: &Attached) -> Self {
        match document.supply {
            Supply::AppForm => Self::FilledByApp,
            _ if attached.contains(&document.id) => Self::Attached,
            Supply::Upload => Self::Missing,
            Supply::Later => Self::ToFollow,
        }
    }
}

/// Evaluates the interview for `answers`, with files attached to the
/// documents in `attached`, as of `today`, for a dossier filed online (as
/// the app files it).
pub fn evaluate(procedure: &Procedure, answers: &Answers, attached: &Attached, today: NaiveDate) -> InterviewState {
    evaluate_for_channel(procedure, answers, attached, FilingChannel::Online, today)
}

/// Evaluates the interview as [`evaluate`] does, with the fee of a dossier
/// filed by `channel` (at the counter, the fee can differ).
pub fn evaluate_for_channel(
    procedure: &Procedure,
    answers: &Answers,
    attached: &Attached,
    channel: FilingChannel,
    today: NaiveDate,
) -> InterviewState {
    let d = &procedure.definition;
    let own = cleaned_answers(procedure, answers);
    let own_visible = visible_fields(procedure, &own, today);
    let copies = copies(procedure, &own, &own_visible, today);
    // Copies come from answers of the person's own, so one more pass settles
    // what they show or hide.
    let (cleaned, visible) = if copies.is_empty() {
        (own, own_visible)
    } else {
        let mut with_copies = own.clone();
        for (target, source) in &copies {
            with_copies.insert(target.to_string(), own[source.id].clone());
        }
        let visible = visible_fields(procedure, &with_copies, today);
        (with_copies, visible)
    };
    let scope = Answered {
        procedure,
        answers: &cleaned,
        visible: &visible,
        today,
    };
    let holds = |text: Option<&str>| text.is_none_or(|t| procedure.condition(t).is_some_and(|c| c.holds(&scope)));

    let steps: Vec<StepState> = d
        .steps
        .iter()
        .filter(|s| s.fields.iter().any(|f| visible.contains(f.id.as_str())))
        .map(|step| {
            let fields: Vec<FieldState> = step
                .fields
                .iter()
                .filter(|f| visible.contains(f.id.as_str()))
                .map(|f| {
                    let mut state = field_state(procedure, f, &scope);
                    state.copied_from = copies.get(f.id.as_str()).map(|source| source.step_title.clone());
                    state
                })
                .collect();
            StepState {
                id: step.id.clone(),
                title: step.title.clone(),
                intro: step.intro.clone(),
                complete: fields.iter().all(|f| f.errors.is_empty()),
                fields,
            }
        })
        .collect();
    let documents = d
        .documents
        .iter()
        .filter(|doc| holds(doc.required_if.as_deref()))
        .map(|doc| DocumentState {
            id: doc.id.clone(),
            name: doc.name.clone(),
            note: doc.note.clone(),
            accepted: doc.accepted.clone(),
            max_size_mb: doc.max_size_mb,
            photo: doc.photo.clone(),
            status: DocumentStatus::of(doc, attached),
        })
        .collect::<Vec<_>>();
    let items: Vec<FeeLine> = d
        .fee
        .per_item
        .iter()
        .filter(|item| visible.contains(item.field.as_str()))
        .filter_map(|item| {
            let Some(Answer::Text(count)) = cleaned.get(&item.field) else {
                return None;
            };
            let count: u64 = count.parse().ok().filter(|n| *n > 0)?;
            Some(FeeLine {
                label: item.label.clone(),
                count,
                each: item.amount,
                total: count.saturating_mul(item.amount),
            })
        })
        .collect();
    let province = d
        .fee
        .province_field
        .as_deref()
        .filter(|field| visible.contains(field))
        .and_then(|field| match cleaned.get(field) {
            Some(Answer::Address(address)) if !address.province.is_empty() => Some(address.province.as_str()),
            _ => None,
        });
    let filing = Filing {
        province,
        channel,
        today,
    };
    let fee = fee::fee_state(&d.fee, |when| holds(Some(when)), filing, items);
    let kept = cleaned
        .into_iter()
        .filter(|(id, _)| visible.contains(id.as_str()))
        .collect();
    let answers_complete = steps.iter().all(|s| s.complete);
    InterviewState {
        code: d.code.clone(),
        version: d.version,
        answers_complete,
        ready: answers_complete && documents.iter().all(|doc| doc.status != DocumentStatus::Missing),
        steps,
        documents,
        fee,
        answers: kept,
    }
}

/// The fee as the procedure's page shows it before any answer, for a
/// person in `province` (if chosen) on `today`.
pub fn quote_fee(procedure: &Procedure, province: Option<&str>, today: NaiveDate) -> FeeQuote {
    let none = Answers::new();
    let visible = visible_fields(procedure, &none, today);
    let scope = Answered {
        procedure,
        answers: &none,
        visible: &visible,
        today,
    };
    let holds = |when: &str| procedure.condition(when).is_some_and(|c| c.holds(&scope));
    fee::quote(&procedure.definition.fee, holds, province, today)
}

/// Fields whose step and own conditions hold. A hidden field counts as
/// unanswered in every condition (as in XLSForm's relevance). The loader
/// refused cycles and ordered the fields so that each comes after every field
/// its conditions read, so one pass in that order settles visibility: linear
/// in the number of fields, however long a chain of `show_if` is.
fn visible_fields<'a>(procedure: &'a Procedure, answers: &Answers, today: NaiveDate) -> HashSet<&'a str> {
    let steps = &procedure.definition.steps;
    let mut visible: HashSet<&str> = HashSet::new();
    for &(s, f) in procedure.visibility_order() {
        let (Some(step), Some(field)) = (steps.get(s), steps.get(s).and_then(|step| step.fields.get(f))) else {
            continue;
        };
        let scope = Answered {
            procedure,
            answers,
            visible: &visible,
            today,
        };
        let shown = [&step.show_if, &field.show_if]
            .into_iter()
            .flatten()
            .all(|t| procedure.condition(t).is_some_and(|c| c.holds(&scope)));
        if shown {
            visible.insert(field.id.as_str());
        }
    }
    visible
}

struct Answered<'a> {
    procedure: &'a Procedure,
    answers: &'a Answers,
    visible: &'a HashSet<&'a str>,
    today: NaiveDate,
}

impl Scope for Answered<'_> {
    fn value(&self, field: &str) -> Value {
        if !self.visible.contains(field) {
            return Value::Empty;
        }
        let (Some(kind), Some(answer)) = (self.procedure.field_kind(field), self.answers.get(field)) else {
            return Value::Empty;
        };
        match (kind, answer) {
            (FieldKind::YesNo, Answer::Bool(b)) => Value::Bool(*b),
            (FieldKind::Date, Answer::Text(t)) => validate::date(t).map_or(Value::Empty, Value::Date),
            (FieldKind::Number | FieldKind::Money, Answer::Text(t)) => t.parse().map_or(Value::Empty, Value::Integer),
            (FieldKind::Address, Answer::Address(a)) => Value::Text(a.province.clone()),
            (_, Answer::Text(t)) => Value::Text(t.clone()),
            _ => Value::Empty,
        }
    }

    fn today(&self) -> NaiveDate {
        self.today
    }
}

/// True when an answer holds nothing (empty text, empty address).
pub fn is_blank(answer: &Answer) -> bool {
    match answer {
        Answer::Bool(_) => false,
        Answer::Text(t) => t.is_empty(),
        Answer::Address(a) => a.province.is_empty() && a.commune.is_empty() && a.street.is_empty(),
    }
}

/// The stored form of an answer: cleaned text, and the canonical form of
/// values a validator accepts (national phone form, dd/mm/yyyy, digits).
pub fn clean_answer(kind: FieldKind, answer: &Answer) -> Answer {
    let Answer::Text(raw) = answer else {
        return match answer {
            Answer::Address(a) => Answer::Address(AddressAnswer {
                street: clean(&a.street),
                ..a.clone()
            }),
            other => other.clone(),
        };
    };
    let text = clean(raw);
    let canonical = match kind {
        FieldKind::Phone => validate::phone(&text).ok(),
        FieldKind::Date => validate::date(&text).ok().map(validate::format_date),
        FieldKind::CitizenId => validate::citizen_id(&text).ok().map(|id| id.digits),
        FieldKind::PersonName => validate::person_name(&text).ok(),
        FieldKind::Number | FieldKind::Money => {
            let digits: String = text.chars().filter(|c| !matches!(c, '.' | ' ' | ',')).collect();
            digits.parse::<u64>().ok().map(|n| n.to_string())
        }
        _ => None,
    };
    Answer::Text(canonical.unwrap_or(text))
}

fn field_state(procedure: &Procedure, field: &Field, scope: &Answered<'_>) -> FieldState {
    let value = scope.answers.get(&field.id).cloned();
    let mut errors = Vec::new();
    let mut display = None;
    match &value {
        None if field.required => errors.push(Message::id("error-required")),
        None => {}
        Some(answer) => match check_answer(field, answer, scope) {
            Ok(shown) => display = Some(shown),
            Err(message) => errors.push(message),
        },
    }
    let mut warnings = Vec::new();
    if errors.is_empty() && value.is_some() {
        for check in field
            .checks
            .iter()
            .filter(|c| !procedure.condition(&c.rule).is_some_and(|cond| cond.holds(scope)))
        {
            let message = Message::Text {
                text: check.message.clone(),
            };
            if check.warning {
                warnings.push(message);
            } else {
                errors.push(message);
            }
        }
        if let (FieldKind::PersonName, Some(Answer::Text(name))) = (field.kind, &value)
            && name.is_ascii()
        {
            warnings.push(Message::id("warning-name-no-diacritics"));
        }
        if let (FieldKind::CitizenId, Some(Answer::Text(text))) = (field.kind, &value)
            && let Ok(id) = validate::citizen_id(text)
            && !id.province_known
        {
            warnings.push(Message::id("warning-citizen-id-abroad").arg("code", id.digits[..3].to_owned()));
        }
    }
    FieldState {
        id: field.id.clone(),
        kind: field.kind,
        label: field.label.clone(),
        help: field.help.clone(),
        required: field.required,
        options: field.options.clone(),
        value,
        display,
        errors,
        warnings,
        copied_from: None,
    }
}

/// The fields whose answer means something about the person filing, given
/// `answers`: those with a meaning and no `meaning_if`, and those whose
/// `meaning_if` holds. A saved person fills these.
pub fn meanings_in_force<'a>(procedure: &'a Procedure, answers: &Answers, today: NaiveDate) -> Vec<&'a Field> {
    let cleaned = cleaned_answers(procedure, answers);
    let visible = visible_fields(procedure, &cleaned, today);
    let scope = Answered {
        procedure,
        answers: &cleaned,
        visible: &visible,
        today,
    };
    procedure
        .definition
        .fields()
        .filter(|f| f.meaning.is_some())
        .filter(|f| {
            f.meaning_if
                .as_deref()
                .is_none_or(|c| procedure.condition(c).is_some_and(|c| c.holds(&scope)))
        })
        .collect()
}

/// The answers to fields of this procedure, cleaned, without blank ones.
fn cleaned_answers(procedure: &Procedure, answers: &Answers) -> Answers {
    answers
        .iter()
        .filter_map(|(id, answer)| Some((id.clone(), clean_answer(procedure.field_kind(id)?, answer))))
        .filter(|(_, answer)| !is_blank(answer))
        .collect()
}

/// Where a field's answer is repeated from.
struct Source<'a> {
    /// The field answered.
    id: &'a str,
    /// The title of its step.
    step_title: &'a LocalizedText,
}

/// The fields without an answer of their own that repeat another field's
/// answer, by id: the first `same_as` rule whose condition holds and whose
/// field is shown and answered.
fn copies<'a>(
    procedure: &'a Procedure,
    own: &Answers,
    visible: &HashSet<&str>,
    today: NaiveDate,
) -> BTreeMap<&'a str, Source<'a>> {
    let scope = Answered {
        procedure,
        answers: own,
        visible,
        today,
    };
    let steps = &procedure.definition.steps;
    let step_of = |id: &str| steps.iter().find(|s| s.fields.iter().any(|f| f.id == id));
    steps
        .iter()
        .flat_map(|s| &s.fields)
        .filter(|f| !f.same_as.is_empty() && !own.contains_key(&f.id))
        .filter_map(|field| {
            let rule = field.same_as.iter().find(|rule| {
                visible.contains(rule.field.as_str())
                    && own.contains_key(&rule.field)
                    && procedure.condition(&rule.when).is_some_and(|c| c.holds(&scope))
            })?;
            let step = step_of(&rule.field)?;
            Some((
                field.id.as_str(),
                Source {
                    id: rule.field.as_str(),
                    step_title: &step.title,
                },
            ))
        })
        .collect()
}

/// Validates one answer against its field's type and options; on success
/// returns how the check-your-answers page shows it.
fn check_answer(field: &Field, answer: &Answer, scope: &Answered<'_>) -> Result<Display, Message> {
    let text = match answer {
        Answer::Text(t) => t.as_str(),
        Answer::Bool(b) if field.kind == FieldKind::YesNo => return Ok(Display::YesNo(*b)),
        Answer::Address(a) if field.kind == FieldKind::Address => return check_address(a),
        _ => return Err(Message::id("error-answer-kind")),
    };
    match field.kind {
        FieldKind::Text | FieldKind::LongText => {
            let limit = if field.kind == FieldKind::Text {
                MAX_TEXT_ANSWER_CHARS
            } else {
                MAX_LONG_TEXT_ANSWER_CHARS
            };
            validate::within(text, limit)?;
            Ok(Display::Text(text.to_owned()))
        }
        FieldKind::PersonName => validate::person_name(text).map(Display::Text),
        FieldKind::Phone => validate::phone(text).map(Display::Text),
        FieldKind::Email => validate::email(text).map(Display::Text),
        FieldKind::CitizenId => {
            let id = validate::citizen_id(text)?;
            check_citizen_id_agrees(field, &id, scope)?;
            Ok(Display::Text(id.digits))
        }
        FieldKind::Date => {
            let day = validate::date(text)?;
            if field.not_future && day > scope.today {
                return Err(Message::id("error-date-future").arg("today", validate::format_date(scope.today)));
            }
            Ok(Display::Text(validate::format_date(day)))
        }
        FieldKind::Choice => field
            .options
            .iter()
            .find(|o| o.value == text)
            .map(|o| Display::Choice(o.label.clone()))
            .ok_or_else(|| Message::id("error-choice-unknown")),
        FieldKind::Number | FieldKind::Money => {
            let n: u64 = text.parse().map_err(|_| Message::id("error-number-format"))?;
            if let Some(min) = field.min.filter(|min| n < *min) {
                return Err(Message::id("error-number-min").arg("min", min as i64));
            }
            if let Some(max) = field.max.filter(|max| n > *max) {
                return Err(Message::id("error-number-max").arg("max", max as i64));
            }
            Ok(if field.kind == FieldKind::Money {
                Display::Money(n)
            } else {
                Display::Text(n.to_string())
            })
        }
        FieldKind::YesNo | FieldKind::Address => Err(Message::id("error-answer-kind")),
    }
}

/// Checks a value given outside an interview (a profile) with the same
/// validators the interview uses for its kind: names, citizen IDs, phones,
/// e-mails and dates (not in the future). Other kinds are checked where a
/// form uses them.
pub fn check_value(kind: FieldKind, answer: &Answer, today: NaiveDate) -> Result<(), Message> {
    let Answer::Text(text) = answer else {
        return Ok(());
    };
    match kind {
        FieldKind::PersonName => validate::person_name(text).map(drop),
        FieldKind::Phone => validate::phone(text).map(drop),
        FieldKind::Email => validate::email(text).map(drop),
        FieldKind::CitizenId => validate::citizen_id(text).map(drop),
        FieldKind::Date => match validate::date(text)? {
            day if day > today => Err(Message::id("error-date-future").arg("today", validate::format_date(today))),
            _ => Ok(()),
        },
        _ => Ok(()),
    }
}

/// The birth year and sex a citizen ID encodes must match the answers given
/// for its holder, when the definition links them.
fn check_citizen_id_agrees(field: &Field, id: &validate::CitizenId, scope: &Answered<'_>) -> Result<(), Message> {
    if let Some(Value::Date(born)) = field.birth_date_field.as_deref().map(|f| scope.value(f)) {
        use chrono::Datelike;
        if born.year() != id.birth_year {
            // Years go as text: a number would be grouped ("1.985").
            return Err(Message::id("error-citizen-id-birth-year")
                .arg("encoded", id.birth_year.to_string())
                .arg("entered", born.year().to_string()));
        }
    }
    if let Some(Value::Text(sex)) = field.sex_field.as_deref().map(|f| scope.value(f)) {
        let encoded = match id.sex {
            Sex::Male => "male",
            Sex::Female => "female",
        };
        if sex != encoded {
            return Err(Message::id("error-citizen-id-sex").arg("encoded", encoded));
        }
    }
    if let Some(expected) = field.holder_sex {
        let name = |male: bool| if male { "male" } else { "female" };
        let (encoded, wanted) = (id.sex == Sex::Male, expected == HolderSex::Male);
        if encoded != wanted {
            return Err(Message::id("error-citizen-id-holder-sex")
                .arg("encoded", name(encoded))
                .arg("expected", name(wanted)));
        }
    }
    if condition::full_years(
        NaiveDate::from_ymd_opt(id.birth_year, 1, 1).unwrap_or(scope.today),
        scope.today,
    ) < 0
    {
        return Err(Message::id("error-citizen-id-birth-year-future").arg("encoded", id.birth_year.to_string()));
    }
    Ok(())
}

fn check_address(address: &AddressAnswer) -> Result<Display, Message> {
    let province = admin_units::province(&address.province).ok_or_else(|| Message::id("error-address-province"))?;
    let commune = admin_units::commune(&address.province, &address.commune)
        .ok_or_else(|| Message::id("error-address-commune"))?;
    if address.street.is_empty() {
        return Err(Message::id("error-address-street"));
    }
    validate::within(&address.street, MAX_STREET_CHARS)?;
    Ok(Display::Address(format!(
        "{}, {}, {}",
        address.street, commune.name, province.name
    )))
}
