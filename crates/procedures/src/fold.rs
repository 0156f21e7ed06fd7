//! Text normalisation for Vietnamese: what is stored (NFC, clean spaces) and
//! what is compared in search (folded: no case, no tone marks, đ → d).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Cleans typed or pasted text for storage: zero-width characters removed,
/// no-break spaces turned into spaces, runs of spaces collapsed, trimmed, NFC.
pub fn clean(text: &str) -> String {
    let spaced: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}'))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    spaced
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect()
}

/// Folds text for comparison: lowercase, tone and vowel marks dropped,
/// đ/Đ mapped to d (they have no decomposition), anything that is not a
/// letter or digit turned into a single space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = true;
    for c in text.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The folded words of a text.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A sort key in Vietnamese alphabetical order: letters in the order of the
/// Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư …), case ignored,
/// tone marks only breaking ties. Byte order puts "Đặng" after "Zung";
/// this key puts it after "Dương".
pub fn collation_key(text: &str) -> (Vec<u32>, Vec<u32>) {
    const BREVE: char = '\u{0306}';
    const CIRCUMFLEX: char = '\u{0302}';
    const HORN: char = '\u{031B}';
    const TONES: [char; 5] = ['\u{0300}', '\u{0309}', '\u{0303}', '\u{0301}', '\u{0323}'];
    let mut letters: Vec<u32> = Vec::new();
    let mut tones: Vec<u32> = Vec::new();
    for c in text.nfd().flat_map(char::to_lowercase) {
        match c {
            BREVE | CIRCUMFLEX | HORN => {
                // A vowel with its mark is a letter of its own, after the bare
                // vowel: a < ă < â, e < ê, o < ô < ơ, u < ư.
                if let Some(last) = letters.last_mut() {
                    *last += match c {
                        BREVE => 1,
                        CIRCUMFLEX => 2,
                        _ => 3,
                    };
                }
            }
            _ if TONES.contains(&c) => {
                if let Some(last) = tones.last_mut() {
                    *last = TONES.iter().position(|t| *t == c).map_or(0, |p| p as u32 + 1);
                }
            }
            _ if is_combining_mark(c) => {}
            _ => {
                // Room after every letter for its marked forms; đ right after d.
                let rank = if c == 'đ' {
                    u32::from('d') * 4 + 1
                } else {
                    u32::from(c) * 4
                };
                letters.push(rank);
                tones.push(0);
            }
        }
    }
    (letters, tones)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fold_removes_marks_and_maps_d() {
        assert_eq!(fold("Đăng ký khai sinh"), "dang ky khai sinh");
        assert_eq!(
            fold("  ĐẶNG   Minh-Anh! "),
            "dang minh anh",
            "case, punctuation and spaces"
        );
        assert_eq!(fold("Thuỷ"), fold("Thủy"), "old and new tone placement fold the same");
    }

    #[test]
    fn clean_gives_nfc_without_stray_spaces() {
        let nfd = "Nguye\u{0302}\u{0303}n\u{00A0}\u{00A0}Va\u{0306}n\u{200B} A";
        assert_eq!(clean(nfd), "Nguyễn Văn A");
    }

    proptest! {
        #[test]
        fn fold_is_idempotent_and_ascii_for_vietnamese(s in "[a-zA-ZàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĐ ,.-]{0,40}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone(), "folding twice changes nothing");
            prop_assert!(once.is_ascii(), "Vietnamese letters fold to ASCII: {}", once);
        }

        #[test]
        fn fold_ignores_normalisation_form(s in "\\PC{0,30}") {
            let nfd: String = s.nfd().collect();
            let nfc: String = s.nfc().collect();
            prop_assert_eq!(fold(&nfd), fold(&nfc), "NFC and NFD input fold the same");
        }

        #[test]
        fn clean_is_idempotent(s in "\\PC{0,30}") {
            let once = clean(&s);
            prop_assert_eq!(clean(&once), once.clone());
        }
    }

    #[test]
    fn names_sort_in_vietnamese_alphabetical_order() {
        let mut names = [
            "Zung",
            "Đặng Văn Bình",
            "Ăn",
            "Dương Thị Hà",
            "Ánh",
            "An",
            "âu",
            "Ơn",
            "Ôn",
            "On",
        ];
        names.sort_by_key(|n| collation_key(n));
        assert_eq!(
            names,
            [
                "An",
                "Ánh",
                "Ăn",
                "âu",
                "Dương Thị Hà",
                "Đặng Văn Bình",
                "On",
                "Ôn",
                "Ơn",
                "Zung"
            ],
            "ă and â follow a, đ follows d, ô and ơ follow o; tones and case only break ties"
        );
    }
}
