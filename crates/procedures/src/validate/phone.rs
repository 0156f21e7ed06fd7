//! Vietnamese mobile numbers since the 2018 change to 10 digits.

use super::{Verdict, within};
use crate::limits::MAX_SHORT_ANSWER_CHARS;
use crate::message::Message;

/// First two digits of a national mobile number (03x, 05x, 07x, 08x, 09x).
/// An unknown third digit is accepted: new carriers appear (iTel 087).
const MOBILE_PREFIXES: [&str; 5] = ["03", "05", "07", "08", "09"];

/// Normalises a mobile number to `0xxxxxxxxx`; accepts `+84`, `0084`, `84`, spaces, dots, dashes and brackets.
/// Input over [`MAX_SHORT_ANSWER_CHARS`] is refused as too long.
pub fn phone(input: &str) -> Verdict<String> {
    within(input.trim(), MAX_SHORT_ANSWER_CHARS)?;
    let kept: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')'))
        .collect();
    let national = if let Some(rest) = kept
        .strip_prefix("+84")
        .or_else(|| kept.strip_prefix("0084"))
        .or_else(|| kept.strip_prefix("84").filter(|r| r.len() == 9))
    {
        format!("0{rest}")
    } else {
        kept
    };
    let valid = national.len() == 10
        && national.bytes().all(|b| b.is_ascii_digit())
        && MOBILE_PREFIXES.iter().any(|p| national.starts_with(p));
    let digits = national.bytes().filter(u8::is_ascii_digit).count();
    if valid {
        Ok(national)
    } else if national.bytes().all(|b| b.is_ascii_digit()) && MOBILE_PREFIXES.iter().any(|p| national.starts_with(p)) {
        // A mobile prefix with a digit too many or too few: say how many.
        Err(Message::id("error-phone-length").arg("count", digits as i64))
    } else {
        Err(Message::id("error-phone-format"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_national_and_international_forms() {
        let cases = [
            ("0912345678", "0912345678"),
            ("091 234 5678", "0912345678"),
            ("+84 912 345 678", "0912345678"),
            ("0084 912 345 678", "0912345678"),
            ("84912345678", "0912345678"),
            ("(+84) 91.234.5678", "0912345678"),
            ("0871234567", "0871234567"),
        ];
        for (input, stored) in cases {
            assert_eq!(
                phone(input).as_deref(),
                Ok(stored),
                "{input} is stored in the national form"
            );
        }
    }

    #[test]
    fn refuses_landlines_old_11_digit_mobiles_and_short_numbers() {
        for input in ["02438123456", "01689123456", "091234567", "0112345678", "09123456a8"] {
            assert!(phone(input).is_err(), "{input} is not a current mobile number");
        }
        let id = |s: &str| phone(s).unwrap_err().fluent_id().map(str::to_owned);
        assert_eq!(
            id("091234567").as_deref(),
            Some("error-phone-length"),
            "nine digits of a mobile: the message counts them"
        );
        assert_eq!(
            id("02438123456").as_deref(),
            Some("error-phone-format"),
            "a landline: the prefixes are explained"
        );
    }

    proptest! {
        #[test]
        fn any_mobile_prefix_with_8_digits_round_trips(p in 0usize..5, rest in "[0-9]{8}") {
            let number = format!("{}{rest}", MOBILE_PREFIXES[p]);
            prop_assert_eq!(phone(&format!("+84{}", &number[1..])), Ok(number.clone()));
            prop_assert_eq!(phone(&number), Ok(number));
        }
    }
}
