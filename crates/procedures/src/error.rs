//! Errors of loading a definition: each names the file, the place and the problem.

/// A definition that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The file is not valid TOML, or a key has the wrong shape or an unknown name.
    #[error("{file}: line {line}, column {column}: {problem}")]
    Syntax {
        /// File the definition came from.
        file: String,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong.
        problem: String,
    },
    /// The file parses but breaks a rule of the format.
    #[error("{file}: {place}: {problem}")]
    Invalid {
        /// File the definition came from.
        file: String,
        /// Where in the definition, e.g. `steps[2].fields[0].show_if`.
        place: String,
        /// What is wrong.
        problem: String,
    },
}

/// Result of loading definitions.
pub type Result<T> = std::result::Result<T, Error>;
