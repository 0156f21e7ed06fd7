//! What can go wrong when importing: each error names the file and the problem.

/// A portal file or a definition the importer cannot use.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file cannot be read.
    #[error("{file}: cannot read it: {source}")]
    Read {
        /// The file.
        file: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not JSON, or not shaped like the portal's procedure answer.
    #[error("{file}: not the portal's procedure JSON: {source}")]
    Json {
        /// The file.
        file: String,
        /// Where and what.
        source: serde_json::Error,
    },
    /// The portal's answer carries no procedure (an error answer).
    #[error("{file}: the portal's answer holds no procedure (code `{code}`, message `{message}`)")]
    NoProcedure {
        /// The file.
        file: String,
        /// The answer's `code`.
        code: String,
        /// The answer's `message`.
        message: String,
    },
    /// The day given with `--checked` is not a day written `dd/mm/yyyy`.
    #[error("`{0}` is not a day written dd/mm/yyyy")]
    CheckedDay(String),
    /// The catalog definition does not load.
    #[error(transparent)]
    Definition(#[from] procedures::Error),
    /// The definition and the portal file are about different procedures.
    #[error("the definition is for {definition}, the portal file for {portal}")]
    OtherProcedure {
        /// The definition's code.
        definition: String,
        /// The portal file's code.
        portal: String,
    },
}

/// Result of importing.
pub type Result<T> = std::result::Result<T, Error>;
