//! Tauri commands: each unpacks its arguments and calls one method of the
//! [`assistant::Assistant`] (or of the shell's own lock, language and text size).

pub mod attachments;
pub mod catalog;
pub mod drafts;
pub mod followups;
pub mod locale;
pub mod lock;
pub mod places;
pub mod portal;
pub mod profiles;
pub mod startup;
pub mod support;
pub mod text_size;
pub mod update;
