//! The portal API's messages, as `docs/portal-api.yaml` defines them. Both
//! the client and the sandbox use these types, so they cannot drift apart.

use procedures::definition::{Definition, LocalizedText};
use procedures::engine::Answers;
use serde::{Deserialize, Serialize};

pub use crate::followup::*;

/// Header that makes a create request safe to repeat.
pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";

/// Media type of error bodies (RFC 9457).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Header of `GET /v1/catalog/{code}`: standard base64 of the portal's
/// 64-byte Ed25519 signature over the exact response body.
pub const CATALOG_SIGNATURE: &str = "X-Catalog-Signature";

/// What `Debug` shows in place of a secret.
pub const REDACTED: &str = "<redacted>";

/// One entry of `GET /v1/catalog`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct CatalogEntry {
    /// Procedure code.
    pub code: String,
    /// Newest definition version.
    pub version: u32,
    /// Name, for listing.
    pub name: LocalizedText,
}

/// `GET /v1/catalog`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct CatalogList {
    /// Every procedure the portal accepts.
    pub procedures: Vec<CatalogEntry>,
}

/// What a signed-in account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A citizen filing their own dossiers.
    Citizen,
    /// An officer of a one-stop desk (cán bộ một cửa), filing on citizens' behalf.
    Officer,
}

/// `GET /v1/me`: who the access token belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Me {
    /// The account id at the portal.
    pub account: String,
    /// The person's full name, as the portal knows it.
    pub name: String,
    /// What the account may do.
    pub role: Role,
}

/// `GET /v1/catalog/{code}`: the definition; its `ETag` is `"<code>@<version>"`.
pub type CatalogDefinition = Definition;

/// A file the dossier will carry, announced when the dossier is created.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AttachmentManifest {
    /// The checklist document it is for.
    pub document_id: String,
    /// The file's name.
    pub file_name: String,
    /// Size in bytes.
    pub size: u64,
    /// SHA-256 of the content, lowercase hex.
    pub sha256: String,
}

/// `POST /v1/dossiers`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct NewDossier {
    /// Procedure code.
    pub procedure_code: String,
    /// Definition version the answers follow.
    pub procedure_version: u32,
    /// The answers, by field id.
    pub answers: Answers,
    /// The files that will follow, one per document.
    pub attachments: Vec<AttachmentManifest>,
    /// Set when an officer files on a citizen's behalf (nộp hộ): who, at
    /// which desk, how, and the citizen's recorded consent.
    #[serde(default)]
    pub on_behalf: Option<OnBehalf>,
}

/// How a dossier an officer files reached the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AssistedChannel {
    /// The citizen handed the dossier in at the desk (tiếp nhận trực tiếp).
    Desk,
    /// The citizen filed online with the officer's help (hỗ trợ nộp trực tuyến).
    Online,
}

/// A dossier filed by an officer for a citizen (nộp hộ). The portal refuses
/// an officer's dossier without it, and one whose consent is not recorded.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct OnBehalf {
    /// The officer's account at the portal.
    pub officer: String,
    /// The desk's unit name.
    pub desk: String,
    /// How the dossier reached the desk.
    pub channel: AssistedChannel,
    /// The citizen's full name.
    pub applicant_name: String,
    /// The citizen's số định danh cá nhân.
    pub applicant_id: String,
    /// The version of the consent text the citizen agreed to.
    pub consent_version: String,
    /// When they agreed (RFC 3339).
    pub consent_at: String,
}

/// Where a dossier is in its life: the national portal's ten statuses
/// (TrangThaiHoSo 1–10, see [`Status::national_code`]), and before them
/// the moment a dossier waits for its files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Created; waiting for its announced files.
    AwaitingAttachments,
    /// 1, Mới đăng ký: every file confirmed, filed online, not taken in yet.
    Submitted,
    /// 2, Được tiếp nhận: the agency has taken it in.
    Received,
    /// 4, Đang xử lý: being handled.
    InReview,
    /// 5, Yêu cầu bổ sung giấy tờ: the agency asks for more.
    SupplementRequired,
    /// 6, Yêu cầu thực hiện nghĩa vụ tài chính: a fee or tax is to be paid.
    PaymentRequired,
    /// 9, Đã xử lý xong: the result is ready to collect or download.
    ResultReady,
    /// 10, Đã trả kết quả: the result was handed over.
    Returned,
    /// 3, Không được tiếp nhận: refused at intake, with a reason.
    Rejected,
    /// 7, Công dân yêu cầu rút hồ sơ: the citizen asked to withdraw it.
    Withdrawn,
    /// 8, Dừng xử lý: handling stopped (after a withdrawal, or by the agency).
    Stopped,
}

impl Status {
    /// Every status, in lifecycle order.
    pub const ALL: [Status; 11] = [
        Status::AwaitingAttachments,
        Status::Submitted,
        Status::Received,
        Status::InReview,
        Status::SupplementRequired,
        Status::PaymentRequired,
        Status::ResultReady,
        Status::Returned,
        Status::Rejected,
        Status::Withdrawn,
        Status::Stopped,
    ];

    /// The national portal's code for the status (TrangThaiHoSo); none while
    /// the dossier still waits for its files, which the portal never shows.
    pub fn national_code(self) -> Option<u8> {
        match self {
            Status::AwaitingAttachments => None,
            Status::Submitted => Some(1),
            Status::Received => Some(2),
            Status::Rejected => Some(3),
            Status::InReview => Some(4),
            Status::SupplementRequired => Some(5),
            Status::PaymentRequired => Some(6),
            Status::Withdrawn => Some(7),
            Status::Stopped => Some(8),
            Status::ResultReady => Some(9),
            Status::Returned => Some(10),
        }
    }

    /// The status's name in the API (and in databases that store it).
    pub fn name(self) -> &'static str {
        match self {
            Status::AwaitingAttachments => "awaiting_attachments",
            Status::Submitted => "submitted",
            Status::Received => "received",
            Status::InReview => "in_review",
            Status::SupplementRequired => "supplement_required",
            Status::PaymentRequired => "payment_required",
            Status::ResultReady => "result_ready",
            Status::Returned => "returned",
            Status::Rejected => "rejected",
            Status::Withdrawn => "withdrawn",
            Status::Stopped => "stopped",
        }
    }

    /// The status with this API name.
    pub fn from_name(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Whether the agency may move a dossier from `self` to `next`.
    pub fn can_move_to(self, next: Status) -> bool {
        use Status::*;
        matches!(
            (self, next),
            (AwaitingAttachments, Submitted)
                | (Submitted, Received | Rejected | Withdrawn)
                | (Received, InReview | SupplementRequired | Rejected | Withdrawn)
                | (
                    InReview,
                    SupplementRequired | PaymentRequired | ResultReady | Rejected | Withdrawn | Stopped
                )
                | (SupplementRequired, InReview | Rejected | Withdrawn | Stopped)
                | (PaymentRequired, InReview | ResultReady | Withdrawn | Stopped)
                | (Withdrawn, Stopped)
                | (ResultReady, Returned)
        )
    }
}

/// One entry of a dossier's dated history.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StatusChange {
    /// The status entered.
    pub status: Status,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The handling agency's note (a reason, what to supplement).
    pub note: Option<String>,
    /// Who handled this step, with their title or department (NguoiXuLy,
    /// ChucDanh, PhongBanXuLy), when the portal says.
    #[serde(default)]
    pub handler: Option<String>,
}

/// A change of the day the result is due (ngày hẹn trả).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DueChange {
    /// When the agency changed it (RFC 3339, UTC).
    pub at: String,
    /// The day it was due before (`YYYY-MM-DD`); none when first set.
    pub from: Option<String>,
    /// The day it is due now (`YYYY-MM-DD`).
    pub to: String,
    /// Why, in the agency's words.
    pub reason: Option<String>,
    /// True when the agency sent an apology letter with the new day (Phiếu
    /// xin lỗi và hẹn lại ngày trả kết quả).
    pub apology: bool,
}

/// A file the portal has stored and checked.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AttachmentReceipt {
    /// The checklist document it is for.
    pub document_id: String,
    /// The file's name.
    pub file_name: String,
    /// Size in bytes, as received.
    pub size: u64,
    /// SHA-256 of what was received.
    pub sha256: String,
}

/// A dossier as the portal holds it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Dossier {
    /// The portal's id (opaque).
    pub id: String,
    /// The dossier code people quote, e.g. `X01-20261129-0007` (level, province, day, sequence).
    pub code: String,
    /// Procedure code.
    pub procedure_code: String,
    /// Current status.
    pub status: Status,
    /// Every status the dossier went through, oldest first.
    pub history: Vec<StatusChange>,
    /// Files confirmed so far.
    pub attachments: Vec<AttachmentReceipt>,
    /// Fee in đồng, when the agency asks for one.
    pub fee: Option<u64>,
    /// The day the result is due (ngày hẹn trả, `YYYY-MM-DD`), once the agency has set it.
    #[serde(default)]
    pub due_date: Option<String>,
    /// Every change of the due day, oldest first (the first sets it).
    #[serde(default)]
    pub due_changes: Vec<DueChange>,
    /// The portal's latest request for payment, once the agency asks for one.
    #[serde(default)]
    pub payment: Option<PaymentRequest>,
    /// The agency's supplement request, once it made one (only one is allowed).
    #[serde(default)]
    pub supplement: Option<SupplementRequest>,
    /// The result, once issued.
    #[serde(default)]
    pub result: Option<DossierResult>,
    /// The notice that handling stopped, after a withdrawal.
    #[serde(default)]
    pub stop_notice: Option<StopNotice>,
    /// The citizen's rating, once given.
    #[serde(default)]
    pub rating: Option<GivenRating>,
    /// Change counter; `GET /v1/dossiers?since=` lists dossiers above a cursor.
    pub revision: u64,
}

/// Whether a fee line is a lệ phí (a state levy) or a phí (a charge for a service).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum FeeKind {
    /// Lệ phí.
    Levy,
    /// Phí.
    Charge,
}

/// When a fee line is collected (HinhThucThu 1, 2 and 4 of one integration
/// document; unverified against the national portal's own specification).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Collection {
    /// When the dossier is received.
    #[default]
    OnReceipt,
    /// When a supplement is filed.
    WithSupplement,
    /// When the result is returned.
    WithResult,
}

/// One line of what a dossier owes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PaymentLine {
    /// What it is for, in the agency's words.
    pub name: String,
    /// Lệ phí or phí.
    pub kind: FeeKind,
    /// In đồng.
    pub amount: u64,
    /// When it is collected.
    #[serde(default)]
    pub collected: Collection,
}

/// Where a payment request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PaymentState {
    /// Waiting for the money.
    Pending,
    /// The bank confirmed it (once).
    Paid,
    /// The bank refused it; the agency may ask again.
    Failed,
    /// Not paid in time; the agency may ask again.
    Expired,
}

/// The portal's request for the money a dossier owes, payable by VietQR.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PaymentRequest {
    /// The request's id (opaque).
    pub id: String,
    /// What is owed, line by line.
    pub lines: Vec<PaymentLine>,
    /// The sum of the lines, in đồng.
    pub total: u64,
    /// The VietQR payload to pay it with (a code for this one payment, the
    /// dossier's code as bill number); the app checks it before showing it.
    pub payload: String,
    /// The bank's name, for a person paying by hand.
    pub bank_name: String,
    /// The account's holder, as the bank shows it.
    pub account_name: String,
    /// Until when it can be paid (RFC 3339, UTC).
    pub expires_at: String,
    /// Where it stands.
    pub state: PaymentState,
    /// When the bank confirmed it (RFC 3339, UTC).
    pub paid_at: Option<String>,
    /// The e-receipt, once paid.
    #[serde(default)]
    pub receipt: Option<EReceipt>,
}

/// `POST /admin/dossiers/{id}/payment` (sandbox and training only): the
/// agency asks for the money the dossier owes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct PaymentOrder {
    /// What is owed, line by line.
    pub lines: Vec<PaymentLine>,
}

/// `GET /v1/dossiers?since=<cursor>`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct DossierChanges {
    /// Dossiers changed after the cursor, oldest change first.
    pub dossiers: Vec<Dossier>,
    /// The cursor to pass next time.
    pub cursor: u64,
}

/// `POST /admin/dossiers/{id}/status` (sandbox and training only).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct StatusUpdate {
    /// The status to move to.
    pub status: Status,
    /// The agency's note.
    pub note: Option<String>,
    /// Who handles this step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<String>,
    /// The day the result is due (`YYYY-MM-DD`), set with this step (on receipt).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
}

/// `POST /admin/dossiers/{id}/due` (sandbox and training only): the agency
/// moves the day the result is due.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct DueUpdate {
    /// The new day (`YYYY-MM-DD`).
    pub due_date: String,
    /// Why.
    pub reason: Option<String>,
    /// True when an apology letter goes with it.
    #[serde(default)]
    pub apology: bool,
}

/// A field the portal refused, in a 422 problem.
pub use procedures::refusal::FieldProblem;

/// An RFC 9457 problem document.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct Problem {
    /// A URI naming the kind of problem, e.g. `urn:dvc:problem:validation`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Short summary.
    pub title: String,
    /// HTTP status.
    pub status: u16,
    /// Explanation for this occurrence.
    #[serde(default)]
    pub detail: Option<String>,
    /// For validation problems: the fields refused.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldProblem>,
}

/// `POST /oauth/token` reply. Its `Debug` hides both tokens.
#[derive(Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct TokenResponse {
    /// Bearer token for the API.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Lifetime of the access token, in seconds.
    pub expires_in: u64,
    /// Token to get a new access token. A refresh answer may leave it out
    /// (RFC 6749 §6), which reads as empty: the old one stays in use.
    #[serde(default)]
    pub refresh_token: String,
}

impl std::fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenResponse")
            .field("access_token", &REDACTED)
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .field("refresh_token", &REDACTED)
            .finish()
    }
}

/// An app release the sandbox offers to the app's updater
/// (`PUT /admin/update`), for training and the update tests.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct PublishUpdate {
    /// The release's version (semver, e.g. `0.2.0`).
    pub version: String,
    /// What is new, shown to the person before they agree to install.
    pub notes: String,
    /// The bundle's minisign signature, base64 as `tauri signer sign` writes it.
    pub signature: String,
    /// The bundle itself, standard base64.
    pub bundle: String,
    /// Send only this many bytes of the bundle, then drop the connection
    /// (an interrupted download).
    #[serde(default)]
    pub cut_after_bytes: Option<u64>,
}

/// Fault injection for tests and training (`POST /admin/faults`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fault {
    /// Delay every response by this many milliseconds.
    Latency {
        /// Delay.
        millis: u64,
    },
    /// Answer the next `count` API requests with this 5xx status.
    ServerError {
        /// 500–599.
        status: u16,
        /// How many requests.
        count: u32,
    },
    /// Answer the next `count` API requests with 429 and `Retry-After`.
    RateLimited {
        /// Seconds in `Retry-After`.
        retry_after: u64,
        /// How many requests.
        count: u32,
    },
    /// Store the next created dossier, then drop the connection unanswered.
    DropAfterStore,
    /// Answer the next API request with a body that is not valid JSON.
    MalformedBody,
    /// Expire every access token issued so far.
    ExpireTokens,
    /// Clear every fault.
    Clear,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_names_are_the_serialized_names() {
        for status in Status::ALL {
            let json = serde_json::to_value(status).unwrap();
            assert_eq!(
                json.as_str(),
                Some(status.name()),
                "{status:?} is named as serde writes it"
            );
            assert_eq!(Status::from_name(status.name()), Some(status), "{status:?} round-trips");
        }
        assert_eq!(Status::from_name("archived"), None);
    }

    #[test]
    fn the_national_portals_ten_statuses_each_have_one_code() {
        let mut codes: Vec<u8> = Status::ALL.iter().filter_map(|s| s.national_code()).collect();
        codes.sort_unstable();
        assert_eq!(codes, (1..=10).collect::<Vec<u8>>());
        assert_eq!(
            Status::AwaitingAttachments.national_code(),
            None,
            "the portal never shows it"
        );
        assert_eq!(Status::Submitted.national_code(), Some(1), "Mới đăng ký");
        assert_eq!(Status::Returned.national_code(), Some(10), "Đã trả kết quả");
    }

    #[test]
    fn a_dossier_stored_before_the_due_day_still_reads() {
        let stored = r#"{"id":"d1","code":"X01-20261129-0001","procedure_code":"1.001193","status":"received",
            "history":[{"status":"received","at":"2026-11-29T03:30:00Z","note":null}],
            "attachments":[],"fee":null,"revision":3}"#;
        let dossier: Dossier = serde_json::from_str(stored).unwrap();
        assert_eq!((dossier.due_date, dossier.due_changes.len()), (None, 0));
        assert_eq!(dossier.history[0].handler, None);
    }

    #[test]
    fn debug_of_a_token_response_hides_both_tokens() {
        let tokens = TokenResponse {
            access_token: "access-secret-123".into(),
            token_type: "Bearer".into(),
            expires_in: 3600,
            refresh_token: "refresh-secret-456".into(),
        };
        let shown = format!("{tokens:?}");
        assert!(
            !shown.contains("access-secret-123") && !shown.contains("refresh-secret-456"),
            "a logged token response must not carry the tokens: {shown}"
        );
        assert!(
            shown.contains(REDACTED),
            "the fields are still listed, redacted: {shown}"
        );
    }
}
