//! Lines of text on A4 pages: styles, greedy word wrapping and page breaks.

use krilla::Document;
use krilla::geom::Point;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};

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
            Style::Body => 11.0,
            Style::Small => 9.0,
        }
    }

    fn bold(self) -> bool {
        matches!(self, Style::Title | Style::Heading)
    }
}

/// One paragraph to draw: its style, its left indent and its text.
pub(crate) struct Paragraph {
    pub style: Style,
    pub indent: f32,
    pub text: String,
    /// Extra space before it, in points.
    pub space_before: f32,
}

/// The two faces, read from the system.
struct Fonts {
    regular: Font,
    bold: Font,
}

impl Fonts {
    fn system() -> Result<Self> {
        let read = |name: &str| {
            let path = format!("{FONT_DIR}/{name}");
            let data = std::fs::read(&path).map_err(|_| Error::FontMissing(path.clone()))?;
            Font::new(data.into(), 0).ok_or(Error::FontMissing(path))
        };
        Ok(Self {
            regular: read("NotoSans-Regular.ttf")?,
            bold: read("NotoSans-Bold.ttf")?,
        })
    }
}

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

/// Draws the paragraphs on as many A4 pages as they need.
pub(crate) fn render(paragraphs: &[Paragraph]) -> Result<Vec<u8>> {
    let fonts = Fonts::system()?;
    // Lay every line out first: (page, y, x, style, text).
    let mut placed: Vec<(usize, f32, f32, Style, String)> = Vec::new();
    let (mut page, mut y) = (0, MARGIN);
    for paragraph in paragraphs {
        let size = paragraph.style.size();
        let leading = size * 1.45;
        y += paragraph.space_before;
        for text in wrap(&paragraph.text, size, PAGE.0 - 2.0 * MARGIN - paragraph.indent) {
            if y + leading > PAGE.1 - MARGIN {
                page += 1;
                y = MARGIN;
            }
            y += leading;
            placed.push((page, y, MARGIN + paragraph.indent, paragraph.style, text));
        }
    }
    let mut document = Document::new();
    for number in 0..=page {
        let settings = PageSettings::from_wh(PAGE.0, PAGE.1).ok_or_else(|| Error::Pdf("A4".into()))?;
        let mut current = document.start_page_with(settings);
        let mut surface = current.surface();
        for (_, y, x, style, text) in placed.iter().filter(|line| line.0 == number) {
            let font = if style.bold() { &fonts.bold } else { &fonts.regular };
            surface.draw_text(
                Point::from_xy(*x, *y),
                font.clone(),
                style.size(),
                text,
                false,
                TextDirection::Auto,
            );
        }
        surface.finish();
        current.finish();
    }
    document.finish().map_err(|e| Error::Pdf(format!("{e:?}")))
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
