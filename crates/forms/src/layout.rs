//! Lines of text on A4 pages: styles, greedy word wrapping, centred lines,
//! page breaks, and a QR code in the top right corner of every page.

use std::sync::Arc;

use krilla::Document;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use crate::{Error, Result};

/// Where Debian's fonts-noto-core puts the faces the forms use.
const FONT_DIR: &str = "/usr/share/fonts/truetype/noto";

/// A4 in points.
const PAGE: (f32, f32) = (595.0, 842.0);
/// Margin on every side, in points.
const MARGIN: f32 = 56.0;
/// Noto Sans's mean advance per character, as a share of the font size,
/// rounded up so that a wrapped line never runs past the margin.
const MEAN_ADVANCE: f32 = 0.56;

/// How a line looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Style {
    /// The form's title.
    Title,
    /// A section heading.
    Heading,
    /// Running text in bold (a form's header lines, signature headings).
    Strong,
    /// Running text.
    Body,
    /// The small print at the end.
    Small,
}

impl Style {
    fn size(self) -> f32 {
        match self {
            Style::Title => 17.0,
            Style::Heading => 13.0,
            Style::Body | Style::Strong => 11.0,
            Style::Small => 9.0,
        }
    }

    fn bold(self) -> bool {
        matches!(self, Style::Title | Style::Heading | Style::Strong)
    }
}

/// One paragraph to draw: its style, its left indent and its text.
pub(crate) struct Paragraph {
    pub style: Style,
    pub indent: f32,
    pub text: String,
    /// Extra space before it, in points.
    pub space_before: f32,
    /// Each of its lines centred between the margins (the indent is ignored).
    pub centered: bool,
    /// It starts a new page.
    pub new_page: bool,
    /// A second column on its first line, from the middle of the page (a
    /// signature block beside another).
    pub right: Option<String>,
}

impl Paragraph {
    /// A left-aligned paragraph.
    pub fn left(style: Style, indent: f32, text: String, space_before: f32) -> Self {
        Self {
            style,
            indent,
            text,
            space_before,
            centered: false,
            new_page: false,
            right: None,
        }
    }

    /// A paragraph whose lines are centred.
    pub fn centered(style: Style, text: String, space_before: f32) -> Self {
        Self {
            centered: true,
            ..Self::left(style, 0.0, text, space_before)
        }
    }
}

/// A face: for krilla to draw with, and its bytes to measure text with.
struct Face {
    font: Font,
    data: Arc<Vec<u8>>,
}

impl Face {
    fn read(name: &str) -> Result<Self> {
        let path = format!("{FONT_DIR}/{name}");
        let data = Arc::new(std::fs::read(&path).map_err(|_| Error::FontMissing(path.clone()))?);
        let font = Font::new(data.clone().into(), 0).ok_or(Error::FontMissing(path))?;
        Ok(Self { font, data })
    }

    /// How wide `text` is at `size` points: the sum of its characters'
    /// advances (no kerning; close enough to centre a line).
    fn width(&self, text: &str, size: f32) -> f32 {
        let Ok(font) = FontRef::new(&self.data) else {
            return text.chars().count() as f32 * size * MEAN_ADVANCE;
        };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
        text.chars()
            .map(|c| {
                charmap
                    .map(c)
                    .and_then(|glyph| metrics.advance_width(glyph))
                    .unwrap_or(size * MEAN_ADVANCE)
            })
            .sum()
    }
}

/// The two faces, read from the system.
struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    fn system() -> Result<Self> {
        Ok(Self {
            regular: Face::read("NotoSans-Regular.ttf")?,
            bold: Face::read("NotoSans-Bold.ttf")?,
        })
    }

    fn face(&self, style: Style) -> &Face {
        if style.bold() { &self.bold } else { &self.regular }
    }
}

/// A QR code: its modules row by row, `true` for dark.
pub(crate) struct QrModules {
    /// Modules per side.
    pub width: usize,
    /// `width × width` modules.
    pub dark: Vec<bool>,
}

/// The side of the printed QR code, in points (about 25 mm).
const QR_SIDE: f32 = 72.0;

/// The paragraph's text cut into lines that fit `width` points.
fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let fits = ((width / (size * MEAN_ADVANCE)).floor() as usize).max(8);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if !line.is_empty() && needed > fits {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Draws the paragraphs on as many A4 pages as they need, with `qr` (if
/// any) in the top right corner of each page.
pub(crate) fn render(paragraphs: &[Paragraph], qr: Option<&QrModules>) -> Result<Vec<u8>> {
    let fonts = Fonts::system()?;
    // Lay every line out first: (page, y, x, style, text).
    let mut placed: Vec<(usize, f32, f32, Style, String)> = Vec::new();
    let column = PAGE.0 / 2.0 + 10.0;
    let (mut page, mut y) = (0, MARGIN);
    for paragraph in paragraphs {
        let size = paragraph.style.size();
        let leading = size * 1.45;
        if paragraph.new_page && !placed.is_empty() {
            page += 1;
            y = MARGIN;
        }
        y += paragraph.space_before;
        let indent = if paragraph.centered { 0.0 } else { paragraph.indent };
        let width = match paragraph.right {
            Some(_) => column - MARGIN - indent - 10.0,
            None => PAGE.0 - 2.0 * MARGIN - indent,
        };
        let mut lines = wrap(&paragraph.text, size, width);
        if lines.is_empty() && paragraph.right.is_some() {
            // Only the second column has text.
            lines.push(String::new());
        }
        for (i, text) in lines.into_iter().enumerate() {
            if y + leading > PAGE.1 - MARGIN {
                page += 1;
                y = MARGIN;
            }
            y += leading;
            let x = if paragraph.centered {
                ((PAGE.0 - fonts.face(paragraph.style).width(&text, size)) / 2.0).max(MARGIN)
            } else {
                MARGIN + indent
            };
            placed.push((page, y, x, paragraph.style, text));
            if let (0, Some(right)) = (i, &paragraph.right) {
                placed.push((page, y, column, paragraph.style, right.clone()));
            }
        }
    }
    let mut document = Document::new();
    for number in 0..=page {
        let settings = PageSettings::from_wh(PAGE.0, PAGE.1).ok_or_else(|| Error::Pdf("A4".into()))?;
        let mut current = document.start_page_with(settings);
        let mut surface = current.surface();
        for (_, y, x, style, text) in placed.iter().filter(|line| line.0 == number) {
            surface.draw_text(
                Point::from_xy(*x, *y),
                fonts.face(*style).font.clone(),
                style.size(),
                text,
                false,
                TextDirection::Auto,
            );
        }
        if let Some(path) = qr.and_then(qr_path) {
            surface.set_fill(Some(Fill::default()));
            surface.draw_path(&path);
        }
        surface.finish();
        current.finish();
    }
    document.finish().map_err(|e| Error::Pdf(format!("{e:?}")))
}

/// The QR code's dark modules as one path of squares, in the top right
/// corner inside the margins.
fn qr_path(qr: &QrModules) -> Option<krilla::geom::Path> {
    let module = QR_SIDE / qr.width as f32;
    let (left, top) = (PAGE.0 - MARGIN - QR_SIDE, MARGIN / 2.0);
    let mut builder = PathBuilder::new();
    for (i, _) in qr.dark.iter().enumerate().filter(|(_, dark)| **dark) {
        let (row, column) = (i / qr.width, i % qr.width);
        builder.push_rect(Rect::from_xywh(
            left + column as f32 * module,
            top + row as f32 * module,
            module,
            module,
        )?);
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrapping_breaks_between_words_and_keeps_every_word() {
        let text = "Giấy chứng sinh do bệnh viện, cơ sở y tế nơi trẻ sinh ra cấp; nếu sinh ngoài cơ sở y tế thì văn bản xác nhận của người làm chứng";
        let lines = wrap(text, 11.0, 200.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| l.chars().count() <= 32), "{lines:?}");
        assert_eq!(lines.join(" "), text);
    }
}
