//! What the assistant hands the UI, beyond the library crates' own types.

use portal::types::{Dossier, EReceipt, Status};
use procedures::engine::{Answers, InterviewState};
use procedures::refusal::Refusal;
use procedures::upgrade::UpgradeNotice;
use serde::Serialize;
use store::{ActionSummary, Attachment, DraftSummary, QueuedSubmission, SavedResult, SupplementScope};

/// Everything the interview needs to resume a draft.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DraftView {
    /// The draft's list entry.
    pub draft: DraftSummary,
    /// Saved answers, by field id.
    pub answers: Answers,
    /// Fields filled from the profile and not changed since.
    pub prefilled: Vec<String>,
    /// What changed when the draft moved to a newer definition.
    pub notice: Option<UpgradeNotice>,
    /// Attached files.
    pub attachments: Vec<Attachment>,
    /// The interview as the saved answers stand.
    pub state: InterviewState,
    /// Why the portal refused the last submission, until the person changed
    /// what it names.
    pub rejection: Option<Refusal>,
    /// What a supplement request lets the person change in this submitted draft.
    pub supplement: Option<SupplementScope>,
}

/// A file just attached, and the interview as it now stands.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AttachmentAdded {
    /// The attached file.
    pub attachment: Attachment,
    /// The interview with the file counted.
    pub state: InterviewState,
    /// For a portrait photo, what is wrong with it, if anything, and
    /// whether cropping and shrinking would fix it.
    pub photo: Option<photo::PhotoCheck>,
}

/// Which portal the app talks to, and as whom.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PortalStatus {
    /// True in training mode (the bundled sandbox portal).
    pub training: bool,
    /// The portal's base URL.
    pub base_url: String,
    /// The signed-in account, if any.
    pub account: Option<String>,
    /// The signed-in person's name, as the portal gives it.
    pub name: Option<String>,
    /// Whether the signed-in account is a one-stop desk officer's.
    pub officer: bool,
    /// Whether the last call reached the portal.
    pub online: bool,
    /// Accounts that can sign in without a browser (a sandbox's test accounts).
    pub test_accounts: Vec<TestAccountView>,
}

/// A sandbox test account.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TestAccountView {
    /// Account id, used to sign in.
    pub id: String,
    /// Display name.
    pub name: String,
    /// An officer's account (cán bộ một cửa).
    pub officer: bool,
}

/// What "Nộp hồ sơ" did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SubmitResult {
    /// The submission's place in the outbox.
    pub outbox_id: i64,
    /// Whether the portal was reachable at the time; if not, it goes out later.
    pub online: bool,
}

/// A submitted dossier with who it is for.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DossierView {
    /// The dossier as the portal last reported it.
    pub dossier: Dossier,
    /// Who it is for.
    pub person: Option<String>,
    /// The draft it came from.
    pub draft_id: Option<i64>,
    /// Whether the person may still ask to withdraw it (no decision yet).
    pub can_withdraw: bool,
    /// Whether the person may rate it (returned, not rated yet).
    pub can_rate: bool,
}

impl DossierView {
    /// A dossier with who it is for and what the person may still do with it.
    pub fn new(dossier: Dossier, person: Option<String>, draft_id: Option<i64>) -> Self {
        let allowed = DossierActions::of(dossier.status, dossier.rating.is_some());
        Self {
            dossier,
            person,
            draft_id,
            can_withdraw: allowed.can_withdraw,
            can_rate: allowed.can_rate,
        }
    }
}

/// What the person may still do with a dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DossierActions {
    /// Ask to withdraw it: no decision was made yet.
    pub can_withdraw: bool,
    /// Rate it: it was returned and is not rated yet.
    pub can_rate: bool,
}

impl DossierActions {
    /// What the person may do with a dossier in `status`, `rated` or not.
    pub fn of(status: Status, rated: bool) -> Self {
        Self {
            can_withdraw: status.can_move_to(Status::Withdrawn),
            can_rate: status == Status::Returned && !rated,
        }
    }
}

/// Everything submitted from this machine.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Submissions {
    /// Waiting in the outbox for the portal.
    pub queued: Vec<QueuedSubmission>,
    /// Confirmed by the portal.
    pub dossiers: Vec<DossierView>,
    /// Supplements, withdrawals, ratings and feedback: queued, sent or refused.
    pub actions: Vec<ActionSummary>,
    /// Result files kept on this machine.
    pub results: Vec<SavedResult>,
}

/// An e-receipt with what the app checked.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReceiptView {
    /// The receipt as the portal issued it.
    pub receipt: EReceipt,
    /// The dossier it is for.
    pub dossier_code: String,
    /// The portal's signature over it checks out.
    pub signed: bool,
    /// The lines add up to the total, and every amount's words match its figure.
    pub amounts_agree: bool,
}

/// A fee's VietQR code, checked and drawn, with what a person paying by
/// hand types instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PaymentCode {
    /// The code as an image (`data:image/svg+xml;base64,…`).
    pub image: String,
    /// The bank's identification number (BIN).
    pub bank_bin: String,
    /// The bank's name, as the portal gives it.
    pub bank_name: String,
    /// The account to pay into.
    pub account: String,
    /// The account's holder.
    pub account_name: String,
    /// The amount, in đồng.
    pub amount: u64,
    /// What the transfer says it is for (the dossier's code).
    pub purpose: String,
}
