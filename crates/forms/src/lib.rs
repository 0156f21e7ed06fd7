//! Printed forms as PDF, drawn in Rust with the Vietnamese glyphs embedded:
//! krilla lays the text out with Noto Sans (the `fonts-noto-core` package the
//! app depends on), subset into the file, so the PDF reads the same on any
//! machine and its text can be copied and searched. The forms: the
//! what-to-bring checklist a person takes home for any procedure, and the
//! desk's receipt and appointment slip.

pub mod checklist;
mod layout;
pub mod receipt;

pub use checklist::{Checklist, ChecklistItem};
pub use receipt::{ReceiptSlip, SlipLine};

/// What can go wrong while drawing a form.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The Noto Sans font is not installed where Debian puts it.
    #[error("the font {0} is missing (install fonts-noto-core)")]
    FontMissing(String),
    /// krilla could not write the PDF.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// Result of drawing a form.
pub type Result<T> = std::result::Result<T, Error>;
