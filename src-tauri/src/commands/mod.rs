//! Tauri commands: each unpacks its arguments, calls one library function and
//! converts the error.

pub mod catalog;
pub mod interview;
pub mod locale;
pub mod places;
