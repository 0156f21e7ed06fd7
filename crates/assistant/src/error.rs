//! The one error type the assistant's methods (and so the commands)
//! return. It reaches the UI as `{code, args}`, where `error-<code>` is a
//! Fluent message; the raw cause goes to the log.

use std::collections::BTreeMap;

use procedures::definition::Meaning;
use procedures::message::{Arg, Message};
use serde::Serialize;
use store::AttachmentProblem;

/// What went wrong in a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No procedure has this code.
    #[error("procedure {0} is not in the catalog")]
    ProcedureNotFound(String),
    /// The procedure has no document with this id.
    #[error("document {0} is not in the procedure's checklist")]
    DocumentNotFound(String),
    /// The document is the form the app fills from the answers: no file is attached to it.
    #[error("document {0} is filled by the app")]
    DocumentFilledByApp(String),
    /// A definition kept in the store no longer loads.
    #[error(transparent)]
    Definition(procedures::Error),
    /// The field cannot update a profile (no meaning, or no profile).
    #[error("field {0} has no meaning a profile holds")]
    NoMeaning(String),
    /// The local database or attachment folder failed.
    #[error(transparent)]
    Store(#[from] store::Error),
    /// A portal call the user waits for failed (signing in).
    #[error(transparent)]
    Portal(portal::Error),
    /// The outbox could not take the submission.
    #[error(transparent)]
    Sync(#[from] sync::Error),
    /// The draft still has unanswered or invalid questions, or a document to attach.
    #[error("the draft is not ready to submit")]
    NotReady,
    /// The web view named another procedure than the draft's own.
    #[error("the draft belongs to another procedure")]
    ProcedureMismatch,
    /// Test accounts exist only on the training portal.
    #[error("test accounts sign in only in training mode")]
    NotTraining,
    /// A task the command waited for stopped before it answered.
    #[error("the background task stopped before it answered")]
    Interrupted,
    /// Opening the data (keyring, passphrase, database) failed.
    #[error(transparent)]
    Launch(crate::launch::LaunchError),
    /// The dossier has no payment waiting (none asked for, or already paid, failed or expired).
    #[error("the dossier has no payment waiting")]
    NoPaymentWaiting,
    /// The portal's payment code fails its checks: it is never shown.
    #[error("the payment code fails its checks: {0}")]
    PaymentCode(vietqr::Error),
    /// No dossier with this id is kept on this machine.
    #[error("the dossier is not kept on this machine")]
    DossierNotFound,
    /// The draft has no supplement request waiting for a reply.
    #[error("the draft has no supplement request waiting")]
    NoSupplement,
    /// A withdrawal needs a reason of at most 1,000 characters.
    #[error("a withdrawal needs a reason")]
    WithdrawReason,
    /// A decision was made (or the dossier already stopped): too late to withdraw.
    #[error("the dossier can no longer be withdrawn")]
    CannotWithdraw,
    /// A rating needs every criterion answered.
    #[error("the rating is incomplete")]
    RatingIncomplete,
    /// Only a returned dossier not yet rated can be rated.
    #[error("the dossier cannot be rated")]
    CannotRate,
    /// A feedback needs a title and a text of bounded length, and at most five files.
    #[error("the feedback's title or text is empty or too long")]
    FeedbackText,
    /// The dossier has no e-receipt.
    #[error("the dossier has no receipt")]
    NoReceipt,
    /// The result file is not kept on this machine (yet).
    #[error("the result file is not kept")]
    NoResult,
    /// No program on this computer opened the result file.
    #[error("no program opened the result file")]
    NoViewer,
    /// A photo the crop-and-shrink cannot fix (too small, unreadable, or
    /// still too heavy at the fewest pixels allowed).
    #[error("the photo cannot be fixed: {0}")]
    PhotoCannotFix(photo::FitError),
    /// A printed form could not be drawn (its font is missing).
    #[error(transparent)]
    Form(forms::Error),
    /// A file the person chose to save could not be written there.
    #[error("the file could not be saved: {0}")]
    FileNotSaved(std::io::Error),
    /// Only an officer's account may do this.
    #[error("only an officer may do this")]
    NotOfficer,
    /// A citizen session needs the citizen's consent first.
    #[error("the citizen's consent is not recorded")]
    ConsentMissing,
    /// An officer files only for a citizen being served.
    #[error("no citizen is being served")]
    NoCitizenServed,
    /// The desk is not set yet: no slip can name it.
    #[error("the desk is not set")]
    DeskNotSet,
    /// A desk value is refused (`name`, `province` or `commune`).
    #[error("the desk's {0} is refused")]
    DeskInvalid(&'static str),
    /// A table (CSV) could not be written.
    #[error("the export could not be written: {0}")]
    Export(String),
}

/// Declares the closed list of error codes: the enum, its wire names and
/// `ALL`, from one table, so no code can exist without being listed.
macro_rules! error_codes {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// What went wrong, as the UI reads it: each code names the Fluent
        /// message `error-<code>` in every locale.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        pub enum ErrorCode {
            $($(#[$doc])* #[serde(rename = $name)] $variant,)*
        }

        impl ErrorCode {
            /// Every code, for the test that each has a message.
            pub const ALL: &[ErrorCode] = &[$(ErrorCode::$variant),*];

            /// The wire name, as in `error-<name>`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $name,)*
                }
            }
        }
    };
}

error_codes! {
    /// No procedure has this code (`code`).
    ProcedureNotFound = "procedure-not-found",
    /// A printed form could not be drawn.
    FormNotDrawn = "form-not-drawn",
    /// A file could not be saved where the person chose.
    FileNotSaved = "file-not-saved",
    /// Only an officer's account may do this.
    NotOfficer = "not-officer",
    /// A desk value is refused (`field`: `name`, `province` or `commune`).
    DeskInvalid = "desk-invalid",
    /// The desk is not set yet.
    DeskNotSet = "desk-not-set",
    /// A citizen session needs the citizen's consent.
    ConsentMissing = "consent-missing",
    /// An officer files only for a citizen being served.
    NoCitizenServed = "no-citizen-served",
    /// An export (CSV) could not be written.
    ExportFailed = "export-failed",
    /// The web view named another procedure than the draft's own.
    ProcedureMismatch = "procedure-mismatch",
    /// The draft still has unanswered or invalid questions, or a document to attach.
    DraftNotReady = "draft-not-ready",
    /// The document is the form the app fills from the answers.
    DocumentFilledByApp = "document-filled-by-app",
    /// The draft was submitted and can no longer change.
    DraftSubmitted = "draft-submitted",
    /// A draft, profile or attachment is gone (`what`).
    NotFound = "not-found",
    /// Test accounts sign in only in training mode.
    NotTraining = "not-training",
    /// The portal could not be reached.
    PortalOffline = "portal-offline",
    /// The portal asked to wait (`seconds`).
    PortalBusy = "portal-busy",
    /// The portal needs the person to sign in again.
    PortalSignIn = "portal-sign-in",
    /// The portal refused the request (`detail`).
    PortalRefused = "portal-refused",
    /// The portal failed or answered something unreadable.
    PortalFailed = "portal-failed",
    /// The database was written by a newer version of the app.
    StoreTooNew = "store-too-new",
    /// Another program holds the database.
    StoreLocked = "store-locked",
    /// The disk is full.
    StoreDiskFull = "store-disk-full",
    /// The data folder cannot be read or written (`path`).
    StoreIo = "store-io",
    /// The database failed.
    StoreFailed = "store-failed",
    /// A damaged database was set aside at start (`path`).
    StoreSetAside = "store-set-aside",
    /// The audit log's hash chain does not hold (`problem`: `changed`,
    /// `removed` or `truncated`; `entry`, or `missing` entries at the end).
    AuditLogBroken = "audit-log-broken",
    /// The file's content is not an accepted kind (`accepted`).
    AttachmentKind = "attachment-kind",
    /// The file is over the document's limit (`limit`, `size`).
    AttachmentTooLarge = "attachment-too-large",
    /// The file ends early.
    AttachmentTruncated = "attachment-truncated",
    /// The file name cannot be used.
    AttachmentName = "attachment-name",
    /// The file is empty.
    AttachmentEmpty = "attachment-empty",
    /// The chosen path is not a regular file.
    AttachmentNotAFile = "attachment-not-a-file",
    /// A stored attachment is missing or damaged.
    AttachmentMissing = "attachment-missing",
    /// The configured portal URL is plain http to another host.
    LaunchPortalInsecure = "launch-portal-insecure",
    /// The configured portal URL is not a URL.
    LaunchPortalUrl = "launch-portal-url",
    /// The configured portal key is not an Ed25519 public key.
    LaunchPortalKey = "launch-portal-key",
    /// No data folder could be found.
    LaunchDataFolder = "launch-data-folder",
    /// The training portal did not start.
    LaunchTrainingPortal = "launch-training-portal",
    /// The dossier has no payment waiting: nothing to pay.
    PaymentNotWaiting = "payment-not-waiting",
    /// The portal's payment code failed a check (`reason`: `amount`, `bill`,
    /// `checksum`, `network` or `format`), so it is not shown.
    PaymentCodeInvalid = "payment-code-invalid",
    /// No dossier with this id is kept on this machine.
    DossierNotFound = "dossier-not-found",
    /// The draft has no supplement request waiting for a reply.
    SupplementNotOpen = "supplement-not-open",
    /// A withdrawal needs a reason.
    WithdrawReason = "withdraw-reason",
    /// Too late to withdraw: a decision was made.
    WithdrawTooLate = "withdraw-too-late",
    /// Every criterion of a rating must be answered.
    RatingIncomplete = "rating-incomplete",
    /// Only a returned dossier not yet rated can be rated.
    RatingNotOpen = "rating-not-open",
    /// The portal already has a rating of this dossier; the first stands.
    AlreadyRated = "already-rated",
    /// A feedback needs a title and a text, within their lengths, and at most five files.
    FeedbackText = "feedback-text",
    /// The dossier has no receipt.
    ReceiptNotFound = "receipt-not-found",
    /// The result file is not on this machine yet.
    ResultNotFound = "result-not-found",
    /// No program on this computer opens the result file.
    ResultNoViewer = "result-no-viewer",
    /// Cropped to its ratio, the photo has fewer pixels than the document asks for.
    PhotoTooSmallToFix = "photo-too-small-to-fix",
    /// The photo cannot be read, or cannot be made light enough.
    PhotoCannotFix = "photo-cannot-fix",
    /// The update server could not be asked (no connection, or no answer it understood).
    UpdateUnreachable = "update-unreachable",
    /// The update's signature is refused: nothing was installed.
    UpdateSignature = "update-signature",
    /// The update's download stopped part way: nothing was installed.
    UpdateInterrupted = "update-interrupted",
    /// The checked update could not be installed; the old version stays.
    UpdateInstall = "update-install",
    /// No update is waiting to be installed.
    UpdateNothingOffered = "update-nothing-offered",
    /// The chosen passphrase is too short (`min`).
    VaultPassphraseShort = "vault-passphrase-short",
    /// The passphrase or key does not open the data.
    VaultWrongKey = "vault-wrong-key",
    /// The OS keyring did not answer.
    VaultKeyring = "vault-keyring",
    /// Profile values the interview's validators refuse: each meaning names
    /// its message id, and `<meaning>.<name>` carries that message's arguments.
    ProfileValue = "profile-value",
    /// Anything else; the cause is in the log.
    Unexpected = "unexpected",
}

/// The shape the UI receives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AppError {
    /// Names the Fluent message `error-<code>`.
    pub code: ErrorCode,
    /// The message's arguments.
    pub args: BTreeMap<String, String>,
}

impl AppError {
    /// An error with this code and these arguments.
    pub fn with<const N: usize>(code: ErrorCode, args: [(&str, String); N]) -> Self {
        Self::new(code, &args)
    }

    fn new(code: ErrorCode, args: &[(&str, String)]) -> Self {
        Self {
            code,
            args: args.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect(),
        }
    }
}

impl From<&Error> for AppError {
    fn from(error: &Error) -> Self {
        match error {
            Error::ProcedureNotFound(code) => Self::new(ErrorCode::ProcedureNotFound, &[("code", code.clone())]),
            Error::DocumentNotFound(_) | Error::NoMeaning(_) | Error::Interrupted | Error::Definition(_) => {
                Self::new(ErrorCode::Unexpected, &[])
            }
            Error::Store(e) | Error::Sync(sync::Error::Store(e)) => Self::from(e),
            Error::Portal(e) | Error::Sync(sync::Error::Portal(e)) => Self::from(e),
            Error::NotReady => Self::new(ErrorCode::DraftNotReady, &[]),
            Error::DocumentFilledByApp(_) => Self::new(ErrorCode::DocumentFilledByApp, &[]),
            Error::ProcedureMismatch => Self::new(ErrorCode::ProcedureMismatch, &[]),
            Error::NotTraining => Self::new(ErrorCode::NotTraining, &[]),
            Error::Launch(e) => Self::from(e),
            Error::NoPaymentWaiting => Self::new(ErrorCode::PaymentNotWaiting, &[]),
            Error::DossierNotFound => Self::new(ErrorCode::DossierNotFound, &[]),
            Error::NoSupplement => Self::new(ErrorCode::SupplementNotOpen, &[]),
            Error::WithdrawReason => Self::new(ErrorCode::WithdrawReason, &[]),
            Error::CannotWithdraw => Self::new(ErrorCode::WithdrawTooLate, &[]),
            Error::RatingIncomplete => Self::new(ErrorCode::RatingIncomplete, &[]),
            Error::CannotRate => Self::new(ErrorCode::RatingNotOpen, &[]),
            Error::FeedbackText => Self::new(ErrorCode::FeedbackText, &[]),
            Error::NoReceipt => Self::new(ErrorCode::ReceiptNotFound, &[]),
            Error::NoResult => Self::new(ErrorCode::ResultNotFound, &[]),
            Error::NoViewer => Self::new(ErrorCode::ResultNoViewer, &[]),
            Error::PhotoCannotFix(photo::FitError::TooSmall) => Self::new(ErrorCode::PhotoTooSmallToFix, &[]),
            Error::PhotoCannotFix(_) => Self::new(ErrorCode::PhotoCannotFix, &[]),
            Error::Form(_) => Self::new(ErrorCode::FormNotDrawn, &[]),
            Error::FileNotSaved(_) => Self::new(ErrorCode::FileNotSaved, &[]),
            Error::Export(_) => Self::new(ErrorCode::ExportFailed, &[]),
            Error::NotOfficer => Self::new(ErrorCode::NotOfficer, &[]),
            Error::DeskNotSet => Self::new(ErrorCode::DeskNotSet, &[]),
            Error::ConsentMissing => Self::new(ErrorCode::ConsentMissing, &[]),
            Error::NoCitizenServed => Self::new(ErrorCode::NoCitizenServed, &[]),
            Error::DeskInvalid(field) => Self::new(ErrorCode::DeskInvalid, &[("field", (*field).to_owned())]),
            Error::PaymentCode(e) => Self::new(
                ErrorCode::PaymentCodeInvalid,
                &[("reason", payment_reason(e).to_owned())],
            ),
        }
    }
}

/// Which check a payment code failed, as the message `error-payment-code-invalid` selects on it.
fn payment_reason(error: &vietqr::Error) -> &'static str {
    use vietqr::Error as Q;
    match error {
        Q::Amount { .. } => "amount",
        Q::Bill { .. } | Q::NotForOnePayment => "bill",
        Q::Checksum { .. } | Q::NoChecksum => "checksum",
        Q::NotNapas(_) => "network",
        _ => "format",
    }
}

impl From<&portal::Error> for AppError {
    fn from(error: &portal::Error) -> Self {
        use portal::Error as P;
        match error {
            P::Offline(_) | P::NoAnswer(_) => Self::new(ErrorCode::PortalOffline, &[]),
            P::RateLimited(secs) => Self::new(ErrorCode::PortalBusy, &[("seconds", secs.to_string())]),
            P::Unauthorized => Self::new(ErrorCode::PortalSignIn, &[]),
            P::Invalid(problem) | P::Refused(problem) => Self::new(
                ErrorCode::PortalRefused,
                &[(
                    "detail",
                    problem.detail.clone().unwrap_or_else(|| problem.title.clone()),
                )],
            ),
            P::Server(_) | P::Malformed(_) => Self::new(ErrorCode::PortalFailed, &[]),
            P::InsecureUrl => Self::new(ErrorCode::LaunchPortalInsecure, &[]),
            P::InvalidUrl(_) => Self::new(ErrorCode::LaunchPortalUrl, &[]),
            P::InvalidKey => Self::new(ErrorCode::LaunchPortalKey, &[]),
            P::BadSignature(_) => Self::new(ErrorCode::Unexpected, &[]),
        }
    }
}

impl From<&store::Error> for AppError {
    fn from(error: &store::Error) -> Self {
        use store::Error as S;
        match error {
            S::TooNew { .. } => Self::new(ErrorCode::StoreTooNew, &[]),
            S::Locked => Self::new(ErrorCode::StoreLocked, &[]),
            S::WrongKey => Self::new(ErrorCode::VaultWrongKey, &[]),
            S::AttachmentMissing { .. } => Self::new(ErrorCode::AttachmentMissing, &[]),
            S::DiskFull => Self::new(ErrorCode::StoreDiskFull, &[]),
            S::Io { path, .. } => Self::new(ErrorCode::StoreIo, &[("path", path.display().to_string())]),
            S::NotFound { what, .. } => Self::new(ErrorCode::NotFound, &[("what", (*what).to_owned())]),
            S::Attachment(problem) => match problem {
                AttachmentProblem::Kind { accepted } => {
                    Self::new(ErrorCode::AttachmentKind, &[("accepted", accepted.clone())])
                }
                AttachmentProblem::TooLarge { limit_mb, size_mb } => Self::new(
                    ErrorCode::AttachmentTooLarge,
                    &[("limit", limit_mb.to_string()), ("size", size_mb.to_string())],
                ),
                AttachmentProblem::Truncated => Self::new(ErrorCode::AttachmentTruncated, &[]),
                AttachmentProblem::Name => Self::new(ErrorCode::AttachmentName, &[]),
                AttachmentProblem::Empty => Self::new(ErrorCode::AttachmentEmpty, &[]),
                AttachmentProblem::NotAFile => Self::new(ErrorCode::AttachmentNotAFile, &[]),
            },
            S::Submitted => Self::new(ErrorCode::DraftSubmitted, &[]),
            S::ProfileValues(refused) => Self {
                code: ErrorCode::ProfileValue,
                args: profile_problems(refused),
            },
            S::Sqlite(_) | S::Migration(_) => Self::new(ErrorCode::StoreFailed, &[]),
        }
    }
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        AppError::from(self).serialize(serializer)
    }
}

/// The refused profile values as flat message arguments: `<meaning>` is the
/// Fluent id, `<meaning>.<name>` its arguments.
fn profile_problems(refused: &[(Meaning, Message)]) -> BTreeMap<String, String> {
    let mut args = BTreeMap::new();
    for (meaning, problem) in refused {
        let name = serde_json::to_value(meaning)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        match problem {
            Message::Fluent { id, args: values } => {
                args.insert(name.clone(), id.clone());
                for (arg, value) in values {
                    let text = match value {
                        Arg::Number(n) => n.to_string(),
                        Arg::Text(t) => t.clone(),
                    };
                    args.insert(format!("{name}.{arg}"), text);
                }
            }
            Message::Text { .. } => {
                args.insert(name, "error-answer-kind".to_owned());
            }
        }
    }
    args
}

#[cfg(feature = "specta")]
impl specta::Type for Error {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        AppError::definition(types)
    }
}

/// Result of a command.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_code_and_args() {
        let json = serde_json::to_value(Error::ProcedureNotFound("9.999999".into())).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "procedure-not-found", "args": {"code": "9.999999"}}),
            "the UI reads {{code, args}}, never the English text"
        );
        let json = serde_json::to_value(Error::Store(store::Error::Attachment(AttachmentProblem::TooLarge {
            limit_mb: 5,
            size_mb: 7,
        })))
        .unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "attachment-too-large", "args": {"limit": "5", "size": "7"}})
        );
    }
}
