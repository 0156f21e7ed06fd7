//! The receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn trả kết
//! quả) a one-stop desk gives for a dossier it received: the desk, the
//! applicant, what was asked and handed in, when it was received and when
//! the result is due, with signature blocks, in two copies (one stays at
//! the desk, one goes to the applicant) and a QR code of the dossier code
//! on each. It holds a citizen's data: it is drawn in memory and written
//! only where the officer chooses.

use qrcode::{Color, EcLevel, QrCode};

use crate::layout::{Paragraph, QrModules, Style, render};
use crate::{Error, Result};

/// A line of the slip's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlipLine {
    /// "Label: value".
    Field(String, String),
    /// A numbered item of the list above it.
    Item(String),
    /// A line of its own.
    Text(String),
}

/// A receipt slip with every text already in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptSlip {
    /// The desk's unit, top left (bold).
    pub unit: Vec<String>,
    /// The national motto, centred.
    pub motto: Vec<String>,
    /// "Số: …", under the unit.
    pub number: String,
    /// "<place>, ngày … tháng … năm …".
    pub place_date: String,
    /// The form's name.
    pub title: String,
    /// Everything between the title and the signatures, in the circular's order.
    pub body: Vec<SlipLine>,
    /// The two signature blocks: (applicant's, receiver's) headings.
    pub signatures: (String, String),
    /// Under each heading: "(Ký và ghi rõ họ tên)".
    pub sign_hint: String,
    /// The receiving officer's name, under their block.
    pub receiver: String,
    /// One label per copy, e.g. "Liên 1: lưu tại …"; a page each.
    pub copies: Vec<String>,
    /// What the QR code holds (the dossier code).
    pub qr_text: String,
}

impl ReceiptSlip {
    /// The slip as a PDF: one A4 page per copy.
    pub fn to_pdf(&self) -> Result<Vec<u8>> {
        let code = QrCode::with_error_correction_level(self.qr_text.as_bytes(), EcLevel::M)
            .map_err(|e| Error::Pdf(format!("QR: {e}")))?;
        let qr = QrModules {
            width: code.width(),
            dark: code.to_colors().into_iter().map(|c| c == Color::Dark).collect(),
        };
        let mut out = Vec::new();
        for copy in &self.copies {
            let mut first = true;
            for line in &self.unit {
                let mut paragraph = Paragraph::left(Style::Strong, 0.0, line.clone(), 0.0);
                paragraph.new_page = std::mem::take(&mut first);
                out.push(paragraph);
            }
            out.push(Paragraph::left(Style::Body, 0.0, self.number.clone(), 0.0));
            for line in &self.motto {
                out.push(Paragraph::centered(Style::Strong, line.clone(), 2.0));
            }
            out.push(Paragraph::centered(Style::Small, self.place_date.clone(), 4.0));
            out.push(Paragraph::centered(Style::Heading, self.title.clone(), 10.0));
            let mut item = 0;
            for line in &self.body {
                let (indent, text) = match line {
                    SlipLine::Field(label, value) => (0.0, format!("{label}: {value}")),
                    SlipLine::Item(text) => {
                        item += 1;
                        (16.0, format!("{item}. {text}"))
                    }
                    SlipLine::Text(text) => (0.0, text.clone()),
                };
                if !matches!(line, SlipLine::Item(_)) {
                    item = 0;
                }
                out.push(Paragraph::left(Style::Body, indent, text, 3.0));
            }
            let mut heading = Paragraph::left(Style::Strong, 30.0, self.signatures.0.clone(), 16.0);
            heading.right = Some(self.signatures.1.clone());
            out.push(heading);
            let mut hint = Paragraph::left(Style::Small, 30.0, self.sign_hint.clone(), 0.0);
            hint.right = Some(self.sign_hint.clone());
            out.push(hint);
            let mut name = Paragraph::left(Style::Body, 30.0, String::new(), 40.0);
            name.right = Some(self.receiver.clone());
            out.push(name);
            out.push(Paragraph::left(Style::Small, 0.0, copy.clone(), 16.0));
        }
        render(&out, Some(&qr))
    }
}
