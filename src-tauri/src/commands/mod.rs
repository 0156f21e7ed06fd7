//! Tauri commands: each unpacks its arguments, calls one library function and
//! converts the error.

pub mod attachments;
pub mod catalog;
pub mod drafts;
pub mod locale;
pub mod lock;
pub mod places;
pub mod portal;
pub mod profiles;
pub mod startup;

/// Today's date on this machine, for the engine's date rules.
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
