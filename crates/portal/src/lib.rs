//! The portal API: the messages both sides exchange (`types`), shared with
//! `portal-sandbox`, and the app's HTTP client (`client`), which turns every
//! response into a typed outcome: success, offline, rate-limited, refused
//! with field errors, or a server failure.

pub mod client;
mod followup;
pub mod harness;
pub mod types;

pub use client::{Client, Error, Result};
