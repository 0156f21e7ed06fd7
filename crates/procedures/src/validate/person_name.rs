//! Personal names ("Họ, chữ đệm và tên") in Vietnamese letters.

use super::Verdict;
use crate::fold::clean;
use crate::message::Message;

/// Checks a full name and returns it cleaned and in NFC, whatever form the
/// keyboard sent (NFD, pasted no-break spaces). Casing is the user's.
pub fn person_name(input: &str) -> Verdict<String> {
    let name = clean(input);
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
    Ok(name)
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
    fn refuses_digits_single_words_and_telex_leftovers() {
        let id = |s: &str| person_name(s).unwrap_err().fluent_id().map(str::to_owned).unwrap();
        assert_eq!(id("Nguyễn Văn 2"), "error-name-letters");
        assert_eq!(id("Lan"), "error-name-full");
        assert_eq!(id("Nguyeenx Vawn An"), "error-name-typing");
    }

    proptest! {
        #[test]
        fn names_from_vietnamese_syllables_are_accepted(words in proptest::collection::vec("(Nguyễn|Trần|Lê|Phạm|Thị|Văn|Minh|Ánh|Đức|Hoà|Thủy|Ngọc|Ý)", 2..5)) {
            let name = words.join(" ");
            prop_assert_eq!(person_name(&name), Ok(name.clone()));
        }
    }
}
