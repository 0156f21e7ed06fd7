//! The national portal's procedure JSON (the 2026 API's detail answer), as
//! far as the importer reads it. Every field may be missing or `null`: the
//! portal leaves out what a procedure does not have.

use serde::{Deserialize, Deserializer};

use crate::error::{Error, Result};

/// The portal's answer: `{"code": "OK", "data": {…}, "message": "OK"}`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Answer {
    #[serde(deserialize_with = "or_default")]
    code: String,
    data: Option<Procedure>,
    #[serde(deserialize_with = "or_default")]
    message: String,
}

/// Reads a portal answer; `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<Procedure> {
    let answer: Answer = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|source| Error::Json {
        file: file.to_owned(),
        source,
    })?;
    answer.data.ok_or_else(|| Error::NoProcedure {
        file: file.to_owned(),
        code: answer.code,
        message: answer.message,
    })
}

/// `null` read as the type's default, like a missing key.
fn or_default<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(d: D) -> std::result::Result<T, D::Error> {
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// One procedure (`data`).
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Procedure {
    /// National procedure code, e.g. `1.001193`.
    #[serde(deserialize_with = "or_default")]
    pub code: String,
    /// Name, often starting with "Thủ tục".
    #[serde(deserialize_with = "or_default")]
    pub name: String,
    /// Ways to file (online, postal, in person), each with its time and fees.
    #[serde(deserialize_with = "or_default")]
    pub execution_methods: Vec<ExecutionMethod>,
    /// The dossier's components, in groups (cases).
    #[serde(deserialize_with = "or_default")]
    pub execution_cases: Vec<ExecutionCase>,
    /// The legal documents the procedure rests on.
    #[serde(deserialize_with = "or_default")]
    pub legal_basises_details: Vec<LegalBasis>,
    /// The procedure's cases, each with its time limit.
    #[serde(deserialize_with = "or_default")]
    pub cases: Vec<Case>,
    /// The kinds of agency that handle it ("Ủy ban nhân dân cấp xã").
    #[serde(deserialize_with = "or_default")]
    pub unit_groups_executing: Vec<Named>,
    /// Named agencies that also handle it ("Tổ chức hành nghề công chứng").
    #[serde(deserialize_with = "or_default")]
    pub departments_executing: Vec<Named>,
    /// Its fields ("Hộ tịch", "Chứng thực").
    #[serde(deserialize_with = "or_default")]
    pub categories_details: Vec<Named>,
    /// What the applicant receives ("Giấy khai sinh").
    #[serde(deserialize_with = "or_default")]
    pub results_details: Vec<Named>,
    /// Handled at commune level.
    #[serde(deserialize_with = "or_default")]
    pub is_ward: bool,
    /// Handled at province level.
    #[serde(deserialize_with = "or_default")]
    pub is_province: bool,
    /// When the portal last changed it, in milliseconds since 1970.
    pub updated_at: Option<i64>,
}

/// A way to file: `ONLINE`, `POSTAL` or `DIRECT`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ExecutionMethod {
    /// `ONLINE`, `POSTAL`, `DIRECT`.
    #[serde(deserialize_with = "or_default")]
    pub submission_method: String,
    /// The time limit on this channel, in `processing_time_unit`.
    pub processing_time: Option<f64>,
    /// `WORKING_DAY`, `DAY`, `HOUR` or `OTHER`.
    #[serde(deserialize_with = "or_default")]
    pub processing_time_unit: String,
    /// How the fee is counted on this channel, in words.
    #[serde(deserialize_with = "or_default")]
    pub description: String,
    /// The fees and charges on this channel.
    #[serde(deserialize_with = "or_default")]
    pub fees: Vec<Fee>,
}

/// One fee or charge of a channel.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Fee {
    /// The amount, in `currency_name`.
    #[serde(deserialize_with = "or_default")]
    pub value: f64,
    /// "Việt Nam Đồng", "USD"; empty means đồng.
    #[serde(deserialize_with = "or_default")]
    pub currency_name: String,
    /// What the amount is for, e.g. "/trang".
    #[serde(deserialize_with = "or_default")]
    pub description: String,
}

/// A group of dossier components ("* Giấy tờ phải nộp:").
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ExecutionCase {
    /// The group's heading; may be empty.
    #[serde(deserialize_with = "or_default")]
    pub name: String,
    /// Its components.
    #[serde(deserialize_with = "or_default")]
    pub profile_components: Vec<ProfileComponent>,
}

/// One component of the dossier: a document, or a remark the portal lists
/// among them (with no originals and no copies).
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct ProfileComponent {
    /// What it is, often with a leading "- " or "+ ".
    #[serde(deserialize_with = "or_default")]
    pub name: String,
    /// The portal's component code, e.g. `000.00.00.G15-KQ003208`.
    #[serde(deserialize_with = "or_default")]
    pub code: String,
    /// Originals to file.
    #[serde(deserialize_with = "or_default")]
    pub original_qty: u32,
    /// Copies to file.
    #[serde(deserialize_with = "or_default")]
    pub copy_qty: u32,
}

/// A legal document.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LegalBasis {
    /// Its title.
    #[serde(deserialize_with = "or_default")]
    pub name: String,
    /// Its number, sometimes with words ("Thông tư số 03/2023/TT-BTP").
    #[serde(deserialize_with = "or_default")]
    pub code: String,
}

/// A case of the procedure, with its own time limit.
#[derive(Debug, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Case {
    /// The case's name.
    #[serde(deserialize_with = "or_default")]
    pub name: String,
    /// The time limit.
    pub processing_day: Option<ProcessingDay>,
}

/// A time limit: `qty` of `type`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProcessingDay {
    /// How many.
    #[serde(deserialize_with = "or_default")]
    pub qty: f64,
    /// `WORKING_DAY`, `DAY`, `HOUR`…
    #[serde(rename = "type", deserialize_with = "or_default")]
    pub unit: String,
}

/// Anything the portal lists by name (agency, category, result).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Named {
    /// The name.
    #[serde(deserialize_with = "or_default")]
    pub name: String,
}
