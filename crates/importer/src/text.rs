//! Text helpers: cleaning the portal's wording, comparing names, ids and
//! amounts written the Vietnamese way.

use procedures::fold;
use procedures::limits::{MAX_ID_BYTES, MAX_TEXT_BYTES};

/// The portal's text tidied for a definition: spaces, tabs and line breaks
/// collapsed, leading list marks (`- `, `+ `, `* `) and a trailing colon
/// dropped, NFC, and cut to what the loader accepts in one language.
pub fn clean(text: &str) -> String {
    let cleaned = fold::clean(text);
    let body = cleaned
        .trim_start_matches(|c: char| matches!(c, '-' | '+' | '*' | '•') || c.is_whitespace())
        .trim_end_matches(|c: char| c == ':' || c.is_whitespace());
    within_limit(body)
}

/// `text` cut (with "…") so that it and a `TODO(en): ` prefix fit the
/// loader's limit on one language's text.
fn within_limit(text: &str) -> String {
    let limit = MAX_TEXT_BYTES - 64;
    if text.len() <= limit {
        return text.to_owned();
    }
    format!("{}…", &text[..text.floor_char_boundary(limit)])
}

/// The English placeholder for a Vietnamese text a person still translates.
pub fn todo_en(vi: &str) -> String {
    format!("TODO(en): {vi}")
}

/// A name folded for comparison: no case, no marks, no punctuation.
pub fn key(text: &str) -> String {
    fold::fold(&clean(text))
}

/// Whether `part` (folded) appears in `whole` (folded), on word boundaries.
pub fn mentions(whole: &str, part: &str) -> bool {
    let (whole, part) = (format!(" {} ", key(whole)), format!(" {} ", key(part)));
    part.trim().is_empty() || whole.contains(&part)
}

/// An id for the definition (lowercase letters, digits, `_`) from a name's
/// first words, unique among `taken`.
pub fn id(name: &str, taken: &[String]) -> String {
    let mut base = String::new();
    for word in fold::words(name) {
        if base.len() + word.len() + 1 > 40 {
            break;
        }
        if !base.is_empty() {
            base.push('_');
        }
        base.push_str(&word);
    }
    if !base.starts_with(|c: char| c.is_ascii_lowercase()) || !base.is_ascii() {
        base = format!("giay_to_{}", taken.len() + 1);
    }
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}_{n}");
        n += 1;
    }
    debug_assert!(candidate.len() <= MAX_ID_BYTES);
    candidate
}

/// A whole number with dots between thousands: `200.000`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A quantity as the portal means it: `1`, `2,5`.
pub fn quantity(q: f64) -> String {
    if q.fract() == 0.0 && q.abs() < 1e15 {
        thousands(q.abs() as u64)
    } else {
        q.to_string().replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_drops_list_marks_and_collapses_space() {
        assert_eq!(clean("- Tờ khai  theo mẫu\t(nếu có);"), "Tờ khai theo mẫu (nếu có);");
        assert_eq!(clean("* Giấy tờ phải nộp:"), "Giấy tờ phải nộp");
        assert_eq!(clean(" Nghị định \n số 1"), "Nghị định số 1");
    }

    #[test]
    fn ids_are_short_unique_and_ascii() {
        let taken = vec!["giay_chung_sinh".to_owned()];
        assert_eq!(id("- Giấy chứng sinh", &taken), "giay_chung_sinh_2");
        assert_eq!(id("Đơn đề nghị", &[]), "don_de_nghi");
        assert_eq!(id("123", &[]), "giay_to_1");
        assert!(id(&"rất dài ".repeat(40), &[]).len() <= 40);
    }

    #[test]
    fn amounts_are_written_the_vietnamese_way() {
        assert_eq!(thousands(200_000), "200.000");
        assert_eq!(thousands(0), "0");
        assert_eq!(quantity(2.5), "2,5");
        assert_eq!(quantity(2000.0), "2.000");
    }

    #[test]
    fn mentions_matches_whole_words_without_marks() {
        assert!(mentions("Ủy ban nhân dân cấp xã nơi cư trú", "Ủy ban nhân dân cấp xã"));
        assert!(!mentions("Ủy ban nhân dân xã, phường", "Ủy ban nhân dân cấp xã"));
    }
}
