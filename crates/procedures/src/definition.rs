//! The procedure definition format, as read from `catalog/*.toml`.
//!
//! `docs/procedure-format.md` documents every key; keep the two in step.
//! Text that a user reads is a [`LocalizedText`] with Vietnamese and English,
//! because a definition travels as one unit (from the bundled catalog or from a
//! portal's catalog update) and must carry its own words.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The format version this build reads. A definition names it in `format`.
pub const FORMAT_VERSION: u32 = 1;

/// Topic ids a definition may use; each has a `topic-<id>` message in locales/.
pub const TOPICS: [&str; 12] = [
    "civil-status",
    "residence",
    "judicial-records",
    "transport",
    "immigration",
    "business",
    "certification",
    "employment",
    "health-insurance",
    "identity",
    "land",
    "social-protection",
];

/// Life-event ids a definition may use; each has a `life-event-<id>` message in locales/.
pub const LIFE_EVENTS: [&str; 9] = [
    "having-a-baby",
    "getting-married",
    "death-in-family",
    "moving-house",
    "starting-a-business",
    "losing-a-job",
    "travelling-abroad",
    "getting-a-job",
    "driving",
];

/// Text shown to a user, in every language the app speaks.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct LocalizedText {
    /// Vietnamese, the default language.
    pub vi: String,
    /// English.
    pub en: String,
}

/// One administrative procedure (thủ tục hành chính).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// Version of the definition format; must equal [`FORMAT_VERSION`].
    pub format: u32,
    /// National procedure code (mã thủ tục), e.g. `1.001193`; the catalog key.
    pub code: String,
    /// Version of this definition; drafts remember the one they started on.
    pub version: u32,
    /// Name of the procedure.
    pub name: LocalizedText,
    /// One or two sentences on what the procedure is for.
    pub summary: LocalizedText,
    /// Topic ids (`topic-<id>` in locales/) this procedure belongs to.
    pub topics: Vec<String>,
    /// Life-event ids (`life-event-<id>` in locales/) this procedure serves.
    #[serde(default)]
    pub life_events: Vec<String>,
    /// Everyday phrases people search with, in Vietnamese and English.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Who receives and decides the dossier.
    pub agency: Agency,
    /// Whether the whole procedure can be done online.
    pub online: OnlineLevel,
    /// How long the agency takes.
    pub processing_time: LocalizedText,
    /// Fees and charges.
    pub fee: FeeRules,
    /// Laws, decrees and circulars the procedure rests on.
    pub legal_basis: Vec<LegalReference>,
    /// Remarks shown with the procedure (what a person should know before
    /// filing). Where a fact comes from, and whether it was checked, goes in
    /// `sources`, which citizens never see.
    #[serde(default)]
    pub notes: Vec<LocalizedText>,
    /// Where each fact comes from: the agency, the time limit, the fee, each
    /// document and each legal basis (see [`Source`]).
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The document checklist (thành phần hồ sơ).
    pub documents: Vec<DocumentRequirement>,
    /// The interview, one step per page.
    pub steps: Vec<Step>,
    /// The `person_name` field naming whom the dossier is about (the child
    /// of a birth registration), so drafts of the same procedure can be told
    /// apart in the list.
    #[serde(default)]
    pub subject_field: Option<String>,
}

impl Definition {
    /// Every field of every step, in order.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.steps.iter().flat_map(|s| &s.fields)
    }

    /// The field with this id, on whichever step it is.
    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields().find(|f| f.id == id)
    }

    /// The facts a person relies on: the agency, the time limit, the fee,
    /// each document and each legal basis, by the names [`Source::fact`] uses.
    pub fn facts(&self) -> Vec<String> {
        let mut facts: Vec<String> = ["agency", "processing_time", "fee"].map(str::to_owned).into();
        facts.extend(self.documents.iter().map(|d| format!("documents.{}", d.id)));
        facts.extend(self.legal_basis.iter().map(|l| format!("legal_basis.{}", l.number)));
        facts
    }

    /// The source of `fact`: its own, or its list's (`documents`, `legal_basis`).
    pub fn source_of(&self, fact: &str) -> Option<&Source> {
        let list = fact.split_once('.').map(|(list, _)| list);
        self.sources
            .iter()
            .find(|s| s.fact == fact)
            .or_else(|| self.sources.iter().find(|s| Some(s.fact.as_str()) == list))
    }

    /// Every fact without a verified source, in the order of [`Self::facts`].
    pub fn unverified_facts(&self) -> Vec<UnverifiedFact> {
        self.facts()
            .into_iter()
            .filter_map(|fact| {
                let source = self.source_of(&fact);
                match source {
                    Some(source) if source.verified => None,
                    _ => Some(UnverifiedFact {
                        source: source.cloned(),
                        fact,
                    }),
                }
            })
            .collect()
    }
}

/// The receiving agency and its level after the 2025 reform (no districts).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Agency {
    /// Province or commune level.
    pub level: AgencyLevel,
    /// The agency's name, e.g. "UBND cấp xã nơi cư trú".
    pub name: LocalizedText,
}

/// Government level that handles a procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AgencyLevel {
    /// Provincial level (tỉnh, thành phố trực thuộc trung ương).
    Province,
    /// Commune level (xã, phường, đặc khu).
    Commune,
}

/// How much of the procedure the portal accepts online.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum OnlineLevel {
    /// Dịch vụ công trực tuyến toàn trình.
    Full,
    /// Một phần: some step (a test, an original, a photo) needs a visit.
    Partial,
}

/// A law or decree the procedure rests on.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct LegalReference {
    /// Document number, e.g. `60/2014/QH13`.
    pub number: String,
    /// What the document is, e.g. "Luật Hộ tịch".
    pub title: LocalizedText,
}

/// Where one fact of a definition comes from, for maintainers and officers:
/// never shown to citizens, who see one plain line on a procedure with a
/// fact that is not verified (see [`Definition::unverified_facts`]).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The fact: `agency`, `processing_time`, `fee`, `documents.<id>`,
    /// `legal_basis.<number>`, or `documents` / `legal_basis` for every entry
    /// of the list that has no source of its own.
    pub fact: String,
    /// Where it was read: a URL or a document's number and article.
    #[serde(default)]
    pub cite: Option<String>,
    /// The day it was checked there, `dd/mm/yyyy`.
    #[serde(default)]
    pub checked: Option<String>,
    /// Whether it was checked against the official text (the national
    /// portal's page, the legal document itself); `false` for a fact that
    /// was only reported elsewhere or is general knowledge.
    pub verified: bool,
    /// What is uncertain and what to check next, in any language.
    #[serde(default)]
    pub remark: Option<String>,
}

/// A fact of a definition that has no verified source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UnverifiedFact {
    /// The fact, as [`Source::fact`] names it (`documents.to_khai`).
    pub fact: String,
    /// The source that was not verified; `None` when none is recorded.
    pub source: Option<Source>,
}

/// Fee rules: a base amount and conditional overrides.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct FeeRules {
    /// Amount in đồng when filed online; `None` when it varies by province.
    pub amount: Option<u64>,
    /// Rules tried in order; the first that holds (its condition, province,
    /// channel and dates) sets the amount.
    #[serde(default)]
    pub rules: Vec<FeeRule>,
    /// Explanation shown beside the fee (exemptions, in-person amount).
    pub note: Option<LocalizedText>,
    /// Amounts per item the person asks for (extra copies), added to the fee.
    #[serde(default)]
    pub per_item: Vec<FeeItem>,
    /// The `address` field whose province is the applicant's for the fee:
    /// a rule's `province` is matched against it in the interview.
    pub province_field: Option<String>,
}

/// A fee per item, counted by a number field (extra copies of an extract).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct FeeItem {
    /// The `number` field holding how many.
    pub field: String,
    /// Amount in đồng for each.
    pub amount: u64,
    /// What one item is, as the fee summary lists it.
    pub label: LocalizedText,
}

/// A fee that applies in one case, place, channel or period. Every limit it
/// gives must hold; it gives at least one.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct FeeRule {
    /// Condition over the answers (a case: an exemption, a late filing).
    pub when: Option<String>,
    /// Code of the 2025 province whose People's Council set this amount.
    pub province: Option<String>,
    /// The way of filing this amount is for.
    pub channel: Option<FilingChannel>,
    /// First day the amount applies, `dd/mm/yyyy`.
    pub from: Option<String>,
    /// Last day the amount applies, `dd/mm/yyyy`.
    pub until: Option<String>,
    /// Amount in đồng when the rule holds; `None` when the province sets it.
    pub amount: Option<u64>,
    /// Why this amount applies.
    pub reason: LocalizedText,
}

impl FeeRule {
    /// Whether the rule's place, channel and dates allow it for a dossier
    /// filed in `province` (if known) by `channel` on `today`; its `when`
    /// is the caller's to check. Dates the loader refused count as absent.
    pub fn allows(&self, province: Option<&str>, channel: FilingChannel, today: NaiveDate) -> bool {
        let day = |text: &Option<String>| {
            text.as_deref()
                .and_then(|t| NaiveDate::parse_from_str(t, "%d/%m/%Y").ok())
        };
        self.province.as_deref().is_none_or(|p| province == Some(p))
            && self.channel.is_none_or(|c| c == channel)
            && day(&self.from).is_none_or(|from| today >= from)
            && day(&self.until).is_none_or(|until| today <= until)
    }
}

/// How a dossier reaches the agency, which can change the fee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FilingChannel {
    /// Filed on the public-service portal (as this app does).
    Online,
    /// Filed at the one-stop desk, or by post.
    Counter,
}

/// One entry of the document checklist.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct DocumentRequirement {
    /// Stable id within the procedure.
    pub id: String,
    /// What the document is.
    pub name: LocalizedText,
    /// Original, certified copy, or shown at the counter.
    #[serde(default)]
    pub note: Option<LocalizedText>,
    /// The document is needed only when this condition holds.
    #[serde(default)]
    pub required_if: Option<String>,
    /// How it reaches the agency: attached before submitting (the default),
    /// filled by the app from the answers, or given after submitting.
    #[serde(default)]
    pub supply: Supply,
    /// File kinds the portal accepts for it.
    #[serde(default = "default_file_kinds")]
    pub accepted: Vec<FileKind>,
    /// Largest accepted file, in MiB.
    #[serde(default = "default_max_size_mb")]
    pub max_size_mb: u32,
    /// For a portrait photo (passport, ID card, driving licence): the rules
    /// a picked photo is checked against before anything is sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<PhotoRules>,
}

/// What a portrait photo must be. The app checks a picked photo against
/// these and says what to fix; it can crop to the ratio and shrink to the
/// size, as a new file beside the person's own.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct PhotoRules {
    /// The printed photo's width, in centimetres (4 for a 4 × 6 cm photo).
    pub width_cm: u32,
    /// The printed photo's height, in centimetres.
    pub height_cm: u32,
    /// Fewest pixels across.
    pub min_width_px: u32,
    /// Fewest pixels down.
    pub min_height_px: u32,
    /// Largest file, in KiB (below the document's `max_size_mb`).
    pub max_size_kb: u32,
    /// The background must be light and plain (white or nearly).
    #[serde(default)]
    pub plain_light_background: bool,
}

/// How a document of the checklist reaches the agency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Supply {
    /// A scan is attached before submitting; without it the dossier is not ready.
    #[default]
    Upload,
    /// The declaration form the app fills from the answers: never asked for
    /// as an attachment.
    AppForm,
    /// The portal accepts the dossier without it; it is given afterwards (a
    /// warning before submitting, a to-do after).
    Later,
}

fn default_file_kinds() -> Vec<FileKind> {
    vec![FileKind::Pdf, FileKind::Jpeg, FileKind::Png]
}

fn default_max_size_mb() -> u32 {
    10
}

/// A file kind recognised by its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// PDF document.
    Pdf,
    /// JPEG image.
    Jpeg,
    /// PNG image.
    Png,
}

/// One page of the interview.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable id within the procedure.
    pub id: String,
    /// Page heading.
    pub title: LocalizedText,
    /// Short guidance under the heading.
    #[serde(default)]
    pub intro: Option<LocalizedText>,
    /// The step is shown only when this condition holds.
    #[serde(default)]
    pub show_if: Option<String>,
    /// The questions on this page.
    pub fields: Vec<Field>,
}

/// One question.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Stable id, unique within the procedure; answers are keyed by it.
    pub id: String,
    /// What kind of answer and how it is checked.
    #[serde(rename = "type")]
    pub kind: FieldKind,
    /// The question.
    pub label: LocalizedText,
    /// Help under the question.
    #[serde(default)]
    pub help: Option<LocalizedText>,
    /// Whether an answer is needed when the field is shown.
    #[serde(default = "yes")]
    pub required: bool,
    /// The field is shown only when this condition holds.
    #[serde(default)]
    pub show_if: Option<String>,
    /// Choices, for `choice` fields.
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
    /// For `date`: refuse dates after today.
    #[serde(default)]
    pub not_future: bool,
    /// For `citizen_id`: the date field holding the holder's birth date.
    #[serde(default)]
    pub birth_date_field: Option<String>,
    /// For `citizen_id`: the choice field holding the holder's sex (`male`/`female`).
    #[serde(default)]
    pub sex_field: Option<String>,
    /// For `citizen_id`: the sex the holder has by the question itself (a
    /// mother's, a bride's number), which the ID's sex digit must agree with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder_sex: Option<HolderSex>,
    /// For `number` and `money`: smallest accepted value.
    #[serde(default)]
    pub min: Option<u64>,
    /// For `number` and `money`: largest accepted value.
    #[serde(default)]
    pub max: Option<u64>,
    /// Procedure-specific rules over the answers.
    #[serde(default)]
    pub checks: Vec<Check>,
    /// What the answer means about the person filing, so a saved profile can
    /// fill it in; matched by meaning, never by label.
    #[serde(default)]
    pub meaning: Option<Meaning>,
    /// The answer carries `meaning` only when this holds (the groom's name
    /// is the filer's when the groom files): a saved person fills the field
    /// once it holds, and takes it back while unchanged if it stops holding.
    #[serde(default)]
    pub meaning_if: Option<String>,
    /// Another field this one repeats in some cases (the father's name is
    /// the filer's when the filer is the father): while this field has no
    /// answer of its own, the first rule that holds gives it that field's
    /// answer.
    #[serde(default)]
    pub same_as: Vec<SameAs>,
}

/// When a field repeats another field's answer.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct SameAs {
    /// The condition under which the answers are the same.
    pub when: String,
    /// The field whose answer is repeated; of the same type.
    pub field: String,
}

/// The sex a `citizen_id` question's holder has by the question itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum HolderSex {
    /// A father's, a groom's number: an even sex digit.
    Male,
    /// A mother's, a bride's number: an odd sex digit.
    Female,
}

/// A fact about the person filing that a profile holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Meaning {
    /// Họ, chữ đệm và tên (`person_name`).
    FullName,
    /// Số định danh cá nhân (`citizen_id`).
    CitizenId,
    /// Ngày sinh (`date`).
    BirthDate,
    /// Giới tính (`choice` with `male`/`female`).
    Sex,
    /// Số điện thoại di động (`phone`).
    Phone,
    /// Thư điện tử (`email`).
    Email,
    /// Nơi thường trú (`address`).
    PermanentAddress,
    /// Nơi ở hiện tại (`address`).
    CurrentAddress,
}

impl Meaning {
    /// The field type a field with this meaning must have.
    pub fn kind(self) -> FieldKind {
        match self {
            Meaning::FullName => FieldKind::PersonName,
            Meaning::CitizenId => FieldKind::CitizenId,
            Meaning::BirthDate => FieldKind::Date,
            Meaning::Sex => FieldKind::Choice,
            Meaning::Phone => FieldKind::Phone,
            Meaning::Email => FieldKind::Email,
            Meaning::PermanentAddress | Meaning::CurrentAddress => FieldKind::Address,
        }
    }
}

fn yes() -> bool {
    true
}

/// The kinds of field the engine knows how to show and check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// Free text on one line.
    Text,
    /// Free text on several lines.
    LongText,
    /// A person's full name in Vietnamese letters, stored NFC.
    PersonName,
    /// 12-digit personal identification number (CCCD / số định danh cá nhân).
    CitizenId,
    /// Vietnamese mobile number, with or without +84.
    Phone,
    /// E-mail address.
    Email,
    /// Calendar date typed as dd/mm/yyyy.
    Date,
    /// One of `options`.
    Choice,
    /// Province and commune/ward after the 2025 reform, plus the street part.
    Address,
    /// Whole number.
    Number,
    /// Amount in đồng.
    Money,
    /// Yes or no.
    YesNo,
}

/// A choice in a `choice` field.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Value stored in the answers and used in conditions.
    pub value: String,
    /// What the user sees.
    pub label: LocalizedText,
}

/// A rule over the answers; when `rule` is false the field shows `message`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// Condition that must hold for the answer to be accepted.
    pub rule: String,
    /// What to tell the user when it does not.
    pub message: LocalizedText,
    /// When true the rule only warns (something looks unlikely, such as a
    /// mother aged 12 at the birth): the message shows, and the answer is
    /// still accepted.
    #[serde(default)]
    pub warning: bool,
}
