//! The application layer of Trợ lý Dịch vụ công, without Tauri: opening the
//! data (settings, the data key, the encrypted store, the portal client, the
//! sync worker and the training portal), drafts with their upgrade to newer
//! definitions, submitting, listing submissions and the lookups in
//! definitions the commands need. The desktop shell is one thin command per
//! method; the tests in `tests/` drive it with no window.

pub mod assistant;
pub mod audit;
pub mod checklist;
pub mod error;
pub mod followups;
pub mod launch;
pub mod officer;
pub mod payment;
pub mod sessions;
pub mod slips;
pub mod support;
pub mod tokens;
pub mod views;

pub use assistant::Assistant;
pub use error::{AppError, Error, ErrorCode, Result};
