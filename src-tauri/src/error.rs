//! The one error type commands return. It reaches the UI as `{code, args}`,
//! where `error-<code>` is a Fluent message; the raw cause goes to the log.

use std::collections::BTreeMap;

use serde::Serialize;
use store::AttachmentProblem;
use ts_rs::TS;

/// What went wrong in a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No procedure has this code.
    #[error("procedure {0} is not in the catalog")]
    ProcedureNotFound(String),
    /// The procedure has no document with this id.
    #[error("document {0} is not in the procedure's checklist")]
    DocumentNotFound(String),
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
    /// The draft still has unanswered or invalid questions.
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
}

/// The shape the UI receives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppError {
    /// Names the Fluent message `error-<code>`.
    pub code: String,
    /// The message's arguments.
    pub args: BTreeMap<String, String>,
}

impl AppError {
    /// An error with this code and these arguments.
    pub fn with<const N: usize>(code: &str, args: [(&str, String); N]) -> Self {
        Self::new(code, &args)
    }

    fn new(code: &str, args: &[(&str, String)]) -> Self {
        Self {
            code: code.to_owned(),
            args: args.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect(),
        }
    }
}

impl From<&Error> for AppError {
    fn from(error: &Error) -> Self {
        match error {
            Error::ProcedureNotFound(code) => Self::new("procedure-not-found", &[("code", code.clone())]),
            Error::DocumentNotFound(_) | Error::NoMeaning(_) | Error::Interrupted => Self::new("unexpected", &[]),
            Error::Store(e) | Error::Sync(sync::Error::Store(e)) => Self::from(e),
            Error::Portal(e) | Error::Sync(sync::Error::Portal(e)) => Self::from(e),
            Error::NotReady => Self::new("draft-not-ready", &[]),
            Error::ProcedureMismatch => Self::new("procedure-mismatch", &[]),
            Error::NotTraining => Self::new("not-training", &[]),
            Error::Launch(e) => Self::from(e),
        }
    }
}

impl From<&portal::Error> for AppError {
    fn from(error: &portal::Error) -> Self {
        use portal::Error as P;
        match error {
            P::Offline(_) | P::NoAnswer(_) => Self::new("portal-offline", &[]),
            P::RateLimited(secs) => Self::new("portal-busy", &[("seconds", secs.to_string())]),
            P::Unauthorized => Self::new("portal-sign-in", &[]),
            P::Rejected(problem) | P::Refused(problem) => Self::new(
                "portal-refused",
                &[(
                    "detail",
                    problem.detail.clone().unwrap_or_else(|| problem.title.clone()),
                )],
            ),
            P::Server(_) | P::Malformed(_) => Self::new("portal-failed", &[]),
            P::InsecureUrl => Self::new("launch-portal-insecure", &[]),
            P::InvalidUrl(_) => Self::new("launch-portal-url", &[]),
            P::InvalidKey => Self::new("launch-portal-key", &[]),
            P::BadSignature(_) => Self::new("unexpected", &[]),
        }
    }
}

impl From<&store::Error> for AppError {
    fn from(error: &store::Error) -> Self {
        use store::Error as S;
        match error {
            S::TooNew { .. } => Self::new("store-too-new", &[]),
            S::Locked => Self::new("store-locked", &[]),
            S::WrongKey => Self::new("vault-wrong-key", &[]),
            S::AttachmentMissing { .. } => Self::new("attachment-missing", &[]),
            S::DiskFull => Self::new("store-disk-full", &[]),
            S::Io { path, .. } => Self::new("store-io", &[("path", path.display().to_string())]),
            S::NotFound { what, .. } => Self::new("not-found", &[("what", (*what).to_owned())]),
            S::Attachment(problem) => match problem {
                AttachmentProblem::Kind { accepted } => Self::new("attachment-kind", &[("accepted", accepted.clone())]),
                AttachmentProblem::TooLarge { limit_mb, size_mb } => Self::new(
                    "attachment-too-large",
                    &[("limit", limit_mb.to_string()), ("size", size_mb.to_string())],
                ),
                AttachmentProblem::Truncated => Self::new("attachment-truncated", &[]),
                AttachmentProblem::Name => Self::new("attachment-name", &[]),
                AttachmentProblem::Empty => Self::new("attachment-empty", &[]),
                AttachmentProblem::NotAFile => Self::new("attachment-not-a-file", &[]),
            },
            S::Submitted => Self::new("draft-submitted", &[]),
            S::Sqlite(_) | S::Migration(_) => Self::new("store-failed", &[]),
        }
    }
}

impl Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        AppError::from(self).serialize(serializer)
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
