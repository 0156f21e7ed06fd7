//! Personal names ("Họ, chữ đệm và tên") in Vietnamese letters.

use super::{Verdict, within};
use crate::fold::clean;
use crate::limits::MAX_NAME_CHARS;
use crate::message::Message;

/// Checks a full name and returns it cleaned and in NFC, whatever form the
/// keyboard sent (NFD, pasted no-break spaces), each word starting with a
/// capital letter as names are written on papers ("nguyễn thị mai" becomes
/// "Nguyễn Thị Mai"; the other letters keep the user's casing). A name over
/// [`MAX_NAME_CHARS`] once cleaned is refused as too long.
pub fn person_name(input: &str) -> Verdict<String> {
    let name = clean(input);
    within(&name, MAX_NAME_CHARS)?;
    if let Some(bad) = name
        .chars()
        .find(|c| !(c.is_alphabetic() || *c == ' ' || *c == '\'' || *c == '-'))
    {
        return Err(Message::id("error-name-letters").arg("character", bad.to_string()));
    }
    if name.split(' ').count() < 2 {
        return Err(Message::id("error-name-full"));
    }
    if let Some(word) = name.split(' ').find(|w| looks_like_telex(w)) {
        return Err(Message::id("error-name-typing").arg("word", word));
    }
    Ok(capitalized(&name))
}

/// Each word (and each part of a hyphenated word) with a capital first letter.
fn capitalized(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut word_start = true;
    for c in name.chars() {
        if word_start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        word_start = c == ' ' || c == '-';
    }
    out
}

/// A word left with Telex tone keys after a plain letter ("Nguyeenx"): the
/// Vietnamese keyboard was off. Real syllables never double a vowel like this
/// and end on one of the tone keys s, f, r, x, j.
fn looks_like_telex(word: &str) -> bool {
    let lower = word.to_lowercase();
    ["aa", "ee", "oo", "dd", "aw", "ow", "uw"]
        .iter()
        .any(|pair| lower.contains(pair))
        && lower.ends_with(['s', 'f', 'r', 'x', 'j'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::assert_too_long;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn stores_nfc_whatever_the_keyboard_sent() {
        let nfd: String = "Nguyễn Thị Thuỷ".nfd().collect();
        assert_eq!(person_name(&nfd).unwrap(), "Nguyễn Thị Thuỷ", "NFD becomes NFC");
        assert_eq!(
            person_name("Trần  Thủy").unwrap(),
            "Trần Thủy",
            "old tone placement is kept as typed"
        );
    }

    #[test]
    fn every_word_starts_with_a_capital() {
        assert_eq!(person_name("nguyễn thị mai").unwrap(), "Nguyễn Thị Mai");
        assert_eq!(person_name("đặng lê-anh").unwrap(), "Đặng Lê-Anh");
        assert_eq!(
            person_name("Mc Donald").unwrap(),
            "Mc Donald",
            "other letters keep their case"
        );
    }

    #[test]
    fn refuses_digits_single_words_and_telex_leftovers() {
        let id = |s: &str| person_name(s).unwrap_err().fluent_id().map(str::to_owned).unwrap();
        assert_eq!(id("Nguyễn Văn 2"), "error-name-letters");
        assert_eq!(id("Lan"), "error-name-full");
        assert_eq!(id("Nguyeenx Vawn An"), "error-name-typing");
    }

    #[test]
    fn a_name_over_100_characters_is_too_long() {
        let started = std::time::Instant::now();
        let err = person_name(&"Nguyễn ".repeat(100_000)).expect_err("a 700,000-character name is refused");
        // The length is that of the cleaned name (single spaces, trimmed).
        assert_too_long(&err, 100, 699_999);
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "refusing it is quick: {:?}",
            started.elapsed()
        );
        let hundred = format!("Nguyễn {}", "A".repeat(MAX_NAME_CHARS - 7));
        assert_eq!(hundred.chars().count(), 100, "the test name is exactly at the limit");
        assert!(
            person_name(&hundred).is_ok(),
            "a name of exactly 100 characters is accepted"
        );
    }

    proptest! {
        #[test]
        fn names_from_vietnamese_syllables_are_accepted(words in proptest::collection::vec("(Nguyễn|Trần|Lê|Phạm|Thị|Văn|Minh|Ánh|Đức|Hoà|Thủy|Ngọc|Ý)", 2..5)) {
            let name = words.join(" ");
            prop_assert_eq!(person_name(&name), Ok(name.clone()));
        }
    }
}
