//! The one error type commands return. It reaches the UI as `{code, args}`,
//! where `error-<code>` is a Fluent message; the raw cause goes to the log.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

/// What went wrong in a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No procedure has this code.
    #[error("procedure {0} is not in the catalog")]
    ProcedureNotFound(String),
}

/// The shape the UI receives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppError {
    /// Names the Fluent message `error-<code>`.
    pub code: String,
    /// The message's arguments.
    pub args: BTreeMap<String, String>,
}

impl From<&Error> for AppError {
    fn from(error: &Error) -> Self {
        match error {
            Error::ProcedureNotFound(code) => Self {
                code: "procedure-not-found".into(),
                args: BTreeMap::from([("code".into(), code.clone())]),
            },
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
    }
}
