//! Administrative procedures: the definition format, the bundled catalog,
//! diacritic-insensitive search, the interview engine and the Vietnamese
//! validators it uses.
//!
//! This crate is pure (no I/O beyond the data compiled into it, no async, no
//! SQLite, HTTP or Tauri) so the app and the portal sandbox can run the same
//! rules, and so it can be tested and fuzzed alone.

pub mod admin_units;
pub mod catalog;
pub mod condition;
pub mod definition;
pub mod elsewhere;
pub mod engine;
pub mod error;
pub mod fee;
pub mod fold;
pub mod harness;
pub mod legacy_units;
pub mod limits;
pub mod loader;
pub mod message;
pub mod refusal;
pub mod search;
pub mod upgrade;
pub mod validate;

pub use catalog::Catalog;
pub use engine::{Answer, Answers, Attached, InterviewState, evaluate};
pub use error::{Error, Result};
pub use loader::Procedure;
pub use message::Message;
pub use search::SearchIndex;
