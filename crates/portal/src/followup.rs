//! What follows a submission, as the API carries it: the agency's one
//! supplement request and the citizen's reply, the e-receipt of a paid fee,
//! the result (files and paper), withdrawal and its stop notice, the
//! satisfaction rating, and feedback (phản ánh, kiến nghị). Re-exported by
//! [`crate::types`].

use procedures::engine::Answers;
use serde::{Deserialize, Serialize};

use crate::types::{AttachmentManifest, AttachmentReceipt, FeeKind};

/// Whether a supplement item asks for a document's file or for an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SupplementKind {
    /// A (new) file for a document of the checklist.
    Document,
    /// A (corrected) answer to a field of the interview.
    Answer,
}

/// One numbered thing the agency asks for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SupplementItem {
    /// Its number on the request (1, 2, …).
    pub number: u32,
    /// A document or an answer.
    pub kind: SupplementKind,
    /// The document's id or the field's id, as the definition names it.
    pub id: String,
    /// What is wrong or missing, in the agency's words.
    pub note: Option<String>,
}

/// The agency's request for more (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ):
/// made once per dossier.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SupplementRequest {
    /// The request's id (opaque).
    pub id: String,
    /// When it was made (RFC 3339, UTC).
    pub asked_at: String,
    /// Why, in the agency's words.
    pub reason: String,
    /// What to give, numbered.
    pub items: Vec<SupplementItem>,
    /// Whom to contact about it (name, desk, phone), when the agency says.
    pub contact: Option<String>,
    /// The day to give it by (`YYYY-MM-DD`), when the request names one.
    pub deadline: Option<String>,
    /// When the portal had every item (RFC 3339, UTC); none while waiting.
    pub answered_at: Option<String>,
}

/// `POST /v1/dossiers/{id}/supplement`: the citizen's reply. The files
/// follow one by one through `PUT /v1/dossiers/{id}/attachments/{document}`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct SupplementReply {
    /// The request answered.
    pub request_id: String,
    /// The answers asked for, by field id.
    pub answers: Answers,
    /// The files asked for, one per document.
    pub attachments: Vec<AttachmentManifest>,
}

/// `POST /admin/dossiers/{id}/supplement` (sandbox and training only).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct SupplementOrder {
    /// Why.
    pub reason: String,
    /// What to give.
    pub items: Vec<SupplementItem>,
    /// Whom to contact.
    #[serde(default)]
    pub contact: Option<String>,
    /// The day to give it by (`YYYY-MM-DD`).
    #[serde(default)]
    pub deadline: Option<String>,
}

/// One fee line of a receipt, in figures and in words.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReceiptLine {
    /// The fee's name.
    pub name: String,
    /// Lệ phí or phí.
    pub kind: FeeKind,
    /// In đồng.
    pub amount: u64,
    /// The amount in words, e.g. "Ba mươi nghìn đồng".
    pub amount_in_words: String,
}

/// An electronic receipt (biên lai thu phí, lệ phí điện tử) with the content
/// khoản 2 Điều 32 NĐ 123/2020/NĐ-CP asks for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EReceipt {
    /// The receipt type's name.
    pub title: String,
    /// Form code (ký hiệu mẫu).
    pub form: String,
    /// Series (ký hiệu): letters and the year's last two digits.
    pub series: String,
    /// Number: at most 7 digits, counted from 1 each year.
    pub number: String,
    /// The collecting organisation.
    pub collector: String,
    /// Its tax code, when it has one.
    pub collector_tax_code: Option<String>,
    /// Who paid, as the portal knows them.
    pub payer: Option<String>,
    /// What was collected, line by line.
    pub lines: Vec<ReceiptLine>,
    /// The sum, in đồng.
    pub total: u64,
    /// The sum in words.
    pub total_in_words: String,
    /// When it was issued (RFC 3339, UTC).
    pub issued_at: String,
    /// Who signed it (the collecting organisation's signer).
    pub signed_by: String,
    /// Standard base64 of the portal's Ed25519 signature over
    /// [`EReceipt::signed_bytes`].
    pub signature: String,
}

impl EReceipt {
    /// The bytes the signature covers: the receipt's JSON with an empty signature.
    pub fn signed_bytes(&self) -> Vec<u8> {
        let unsigned = EReceipt {
            signature: String::new(),
            ..self.clone()
        };
        serde_json::to_vec(&unsigned).expect("a receipt serializes")
    }
}

/// A result document the agency issued as a file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ResultDocument {
    /// Its id, for `GET /v1/dossiers/{id}/results/{document}`.
    pub id: String,
    /// What it is (e.g. "Trích lục khai sinh (bản điện tử)").
    pub name: String,
    /// The file's name.
    pub file_name: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the content, lowercase hex.
    pub sha256: String,
}

/// Where and when a paper result is collected.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PaperPickup {
    /// The office and its address.
    pub place: String,
    /// The first day it can be collected (`YYYY-MM-DD`).
    pub from: String,
    /// Opening hours, as the office writes them.
    pub hours: Option<String>,
    /// What to bring.
    pub bring: Vec<String>,
}

/// The result of a dossier: files to download, a paper to collect, or both.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DossierResult {
    /// Files, each checked against its SHA-256 once downloaded.
    pub documents: Vec<ResultDocument>,
    /// Paper to collect, when there is one.
    pub paper: Option<PaperPickup>,
}

/// `POST /v1/dossiers/{id}/withdraw`: the citizen asks to withdraw.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Withdrawal {
    /// Why, in the citizen's words.
    pub reason: String,
}

/// The agency's notice that handling stopped (Thông báo dừng giải quyết hồ sơ).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StopNotice {
    /// Its number, e.g. `12/TB-DXL`.
    pub number: String,
    /// When it was issued (RFC 3339, UTC).
    pub at: String,
    /// Why handling stopped.
    pub reason: String,
    /// The issuing agency.
    pub issued_by: String,
}

/// A three-point answer (indices 10 and 11 of the rating).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Satisfaction {
    /// Rất hài lòng.
    VerySatisfied,
    /// Hài lòng.
    Satisfied,
    /// Không hài lòng.
    Dissatisfied,
}

/// How many criteria scored 2, 1 or 0 a rating has (indices 1–9).
pub const RATING_CRITERIA: usize = 9;

/// `POST /v1/dossiers/{id}/rating`: the citizen's rating of the handling,
/// given once, after the result is returned.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Rating {
    /// Indices 1–9, in order, each 2, 1 or 0 points.
    pub scores: Vec<u8>,
    /// Index 10: how easy it was.
    pub ease: Satisfaction,
    /// Index 11: overall.
    pub overall: Satisfaction,
    /// Anything else, in the citizen's words.
    pub comment: Option<String>,
}

impl Rating {
    /// Whether it has exactly [`RATING_CRITERIA`] scores, each 0–2, and a
    /// comment of at most 1,000 characters.
    pub fn is_well_formed(&self) -> bool {
        self.scores.len() == RATING_CRITERIA
            && self.scores.iter().all(|s| *s <= 2)
            && self.comment.as_ref().is_none_or(|c| c.chars().count() <= 1000)
    }
}

/// A rating the portal recorded.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GivenRating {
    /// What was rated.
    pub rating: Rating,
    /// When (RFC 3339, UTC).
    pub at: String,
}

/// `POST /v1/feedback`: feedback (phản ánh, kiến nghị), about a dossier or in general.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct NewFeedback {
    /// The dossier it is about, by its code; none for feedback in general.
    pub dossier_code: Option<String>,
    /// A short title.
    pub subject: String,
    /// What happened, in the citizen's words.
    pub content: String,
    /// The files that will follow through `PUT /v1/feedback/{id}/attachments/{document}`.
    pub attachments: Vec<AttachmentManifest>,
}

/// The answer to a feedback.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FeedbackAnswer {
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The answering agency.
    pub by: String,
    /// The answer.
    pub text: String,
}

/// A feedback as the portal holds it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Feedback {
    /// The portal's id (opaque).
    pub id: String,
    /// The tracking code people quote (mã PAKN).
    pub code: String,
    /// The dossier it is about.
    pub dossier_code: Option<String>,
    /// Its title.
    pub subject: String,
    /// Its text.
    pub content: String,
    /// When it was sent (RFC 3339, UTC).
    pub sent_at: String,
    /// Files confirmed so far.
    pub attachments: Vec<AttachmentReceipt>,
    /// The answer, once given.
    pub answer: Option<FeedbackAnswer>,
}

/// `GET /v1/feedback`: the account's feedback, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct FeedbackList {
    /// Every feedback of the account.
    pub feedback: Vec<Feedback>,
}

/// `POST /admin/feedback/{id}/answer` (sandbox and training only).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct FeedbackReply {
    /// The answering agency.
    pub by: String,
    /// The answer.
    pub text: String,
}

/// `POST /admin/dossiers/{id}/result` (sandbox and training only): the
/// agency issues the result; the dossier moves to `result_ready`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct ResultOrder {
    /// Issue an electronic copy (a PDF the sandbox makes).
    pub electronic: bool,
    /// Also a paper to collect.
    #[serde(default)]
    pub paper: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rating_has_nine_scores_of_at_most_two() {
        let mut rating = Rating {
            scores: vec![2; RATING_CRITERIA],
            ease: Satisfaction::Satisfied,
            overall: Satisfaction::VerySatisfied,
            comment: None,
        };
        assert!(rating.is_well_formed());
        rating.scores[3] = 3;
        assert!(!rating.is_well_formed(), "3 points is not a score");
        rating.scores = vec![1; RATING_CRITERIA - 1];
        assert!(!rating.is_well_formed(), "a criterion left out");
        rating.scores = vec![0; RATING_CRITERIA];
        rating.comment = Some("x".repeat(1001));
        assert!(!rating.is_well_formed(), "a comment longer than 1,000 characters");
    }

    #[test]
    fn the_signature_covers_everything_but_itself() {
        let receipt = EReceipt {
            title: "Biên lai thu phí, lệ phí".into(),
            form: "01BLP0-001".into(),
            series: "TH-26E".into(),
            number: "0000001".into(),
            collector: "UBND xã".into(),
            collector_tax_code: None,
            payer: None,
            lines: vec![],
            total: 0,
            total_in_words: "Không đồng".into(),
            issued_at: "2026-12-07T00:00:00Z".into(),
            signed_by: "UBND xã".into(),
            signature: "AAAA".into(),
        };
        let other_signature = EReceipt {
            signature: "BBBB".into(),
            ..receipt.clone()
        };
        assert_eq!(receipt.signed_bytes(), other_signature.signed_bytes());
        let other_total = EReceipt {
            total: 1,
            ..receipt.clone()
        };
        assert_ne!(receipt.signed_bytes(), other_total.signed_bytes());
    }
}
