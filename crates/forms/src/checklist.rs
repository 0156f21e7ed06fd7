//! The what-to-bring checklist: for one procedure, the facts a person needs
//! at the counter and every document, marked when only some cases need it.
//! It holds no one's data, only the procedure's, so it can be saved
//! anywhere and taken home.

use crate::Result;
use crate::layout::{Paragraph, Style, render};

/// One document of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistItem {
    /// What the document is.
    pub name: String,
    /// Original or copy, rules for a photo, when it can be skipped.
    pub note: Option<String>,
    /// Needed only in some cases (said by `Checklist::conditional`).
    pub conditional: bool,
}

/// A checklist with every text already in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Checklist {
    /// "Giấy tờ cần mang", with the procedure's name.
    pub title: String,
    /// The procedure's code, as a line under the title.
    pub code_line: String,
    /// (label, value) lines: agency, time limit, fee.
    pub facts: Vec<(String, String)>,
    /// Heading over the documents.
    pub documents_heading: String,
    /// The documents, in the definition's order.
    pub documents: Vec<ChecklistItem>,
    /// Said after a document that only some cases need.
    pub conditional: String,
    /// Heading over the notes.
    pub notes_heading: String,
    /// What a person should know before going.
    pub notes: Vec<String>,
    /// The small print: where it came from, the day, to ask the office.
    pub footer: String,
}

impl Checklist {
    /// The checklist as a PDF of as many A4 pages as it needs.
    pub fn to_pdf(&self) -> Result<Vec<u8>> {
        let line = Paragraph::left;
        let mut out = vec![
            line(Style::Title, 0.0, self.title.clone(), 0.0),
            line(Style::Body, 0.0, self.code_line.clone(), 0.0),
        ];
        for (label, value) in &self.facts {
            out.push(line(Style::Body, 0.0, format!("{label}: {value}"), 4.0));
        }
        out.push(line(Style::Heading, 0.0, self.documents_heading.clone(), 12.0));
        for (i, item) in self.documents.iter().enumerate() {
            let mut text = format!("{}. {}", i + 1, item.name);
            if item.conditional {
                text = format!("{text} {}", self.conditional);
            }
            out.push(line(Style::Body, 0.0, text, 5.0));
            if let Some(note) = &item.note {
                out.push(line(Style::Small, 16.0, note.clone(), 0.0));
            }
        }
        if !self.notes.is_empty() {
            out.push(line(Style::Heading, 0.0, self.notes_heading.clone(), 12.0));
            for note in &self.notes {
                out.push(line(Style::Body, 0.0, format!("• {note}"), 4.0));
            }
        }
        out.push(line(Style::Small, 0.0, self.footer.clone(), 16.0));
        render(&out, None)
    }
}
