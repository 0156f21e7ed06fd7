//! Vietnamese validators. Each takes what the user typed and returns the value
//! to store, or the message that tells the user what to fix.

mod citizen_id;
mod date;
mod email;
mod person_name;
mod phone;

pub use citizen_id::{CitizenId, Sex, citizen_id};
pub use date::{date, format as format_date};
pub use email::email;
pub use person_name::person_name;
pub use phone::phone;

use crate::message::Message;

/// A validator's verdict.
pub type Verdict<T> = Result<T, Message>;
