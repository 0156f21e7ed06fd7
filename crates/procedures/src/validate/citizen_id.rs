//! The 12-digit personal identification number (số định danh cá nhân):
//! `PPP G YY RRRRRR`, province of birth registration, century and sex,
//! year of birth, then a random part. There is no check digit. For a birth
//! registered abroad the first three digits are a country's code; that
//! table is not published where we could read it, so a number whose first
//! digits are no province is accepted and marked, and the interview asks
//! the person to check it unless the birth was registered abroad.

use super::{Verdict, within};
use crate::limits::MAX_SHORT_ANSWER_CHARS;
use crate::message::Message;

/// Province codes that were ever assigned (all 63 pre-2025 provinces). The
/// 2025 reform renumbered nobody, and the 34 current codes are a subset.
const PROVINCE_CODES: [u16; 63] = [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37, 38, 40, 42, 44, 45,
    46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77, 79, 80, 82, 83, 84, 86, 87, 89, 91, 92,
    93, 94, 95, 96,
];

/// Sex as encoded in the fourth digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    /// Even digit.
    Male,
    /// Odd digit.
    Female,
}

/// What a valid number says about its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitizenId {
    /// The 12 digits.
    pub digits: String,
    /// Year of birth, from the century digit and the two year digits.
    pub birth_year: i32,
    /// Sex, from the century digit.
    pub sex: Sex,
    /// The first three digits are one of the 63 province codes; when not,
    /// they may be the country where the birth was registered, or a typo.
    pub province_known: bool,
}

/// Checks the shape of a citizen ID. The separators people type between
/// groups (spaces, dots, hyphens: "001.085.012345") are dropped; any other
/// character is named in the message, so a 12-digit number is never told it
/// lacks digits. Input over [`MAX_SHORT_ANSWER_CHARS`] is refused as too long.
pub fn citizen_id(input: &str) -> Verdict<CitizenId> {
    within(input.trim(), MAX_SHORT_ANSWER_CHARS)?;
    let digits: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-'))
        .collect();
    if let Some(other) = digits.chars().find(|c| !c.is_ascii_digit()) {
        return Err(Message::id("error-citizen-id-character").arg("character", other.to_string()));
    }
    if digits.len() != 12 {
        return Err(Message::id("error-citizen-id-format").arg("count", digits.len() as i64));
    }
    let number = |range: std::ops::Range<usize>| digits[range].parse::<u16>().unwrap_or_default();
    let province_known = PROVINCE_CODES.contains(&number(0..3));
    let century_sex = number(3..4);
    let birth_year = 1900 + i32::from(century_sex / 2) * 100 + i32::from(number(4..6));
    let sex = if century_sex % 2 == 0 { Sex::Male } else { Sex::Female };
    Ok(CitizenId {
        digits,
        birth_year,
        sex,
        province_known,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn decodes_century_sex_and_year() {
        for typed in ["001.085.012345", "001-085-012345", " 0010 8501 2345 "] {
            assert_eq!(
                citizen_id(typed).map(|id| id.digits),
                Ok("001085012345".to_owned()),
                "{typed:?} is written with separators people use"
            );
        }
        let id = citizen_id("001 085 012345").unwrap();
        assert_eq!(
            (id.birth_year, id.sex),
            (1985, Sex::Male),
            "digit 0 is a man born in the 1900s"
        );
        let id = citizen_id("079305012345").unwrap();
        assert_eq!(
            (id.birth_year, id.sex),
            (2005, Sex::Female),
            "digit 3 is a woman born in the 2000s"
        );
    }

    #[test]
    fn accepts_pre_2025_province_codes() {
        for old in ["002", "027", "035", "077", "089", "095"] {
            assert!(
                citizen_id(&format!("{old}090000001")).is_ok(),
                "{old} was a province before 2025 and stays valid"
            );
        }
    }

    #[test]
    fn refuses_bad_shapes_and_unassigned_provinces() {
        let id = |s: &str| citizen_id(s).unwrap_err().fluent_id().map(str::to_owned);
        assert_eq!(id("12345").as_deref(), Some("error-citizen-id-format"), "too short");
        assert_eq!(
            id("00108501234５").as_deref(),
            Some("error-citizen-id-character"),
            "a full-width digit is not ASCII, and the message names it"
        );
        assert_eq!(
            id("00108501234a").as_deref(),
            Some("error-citizen-id-character"),
            "twelve characters with a letter are not told they lack digits"
        );
        for (typed, why) in [
            ("003085012345", "003 was never assigned"),
            ("023085012345", "Bắc Giang is 024, not 023"),
        ] {
            let found = citizen_id(typed).expect("a country's code for a birth abroad is accepted");
            assert!(
                !found.province_known,
                "{why}: marked, so the interview asks to check it"
            );
        }
        assert!(citizen_id("024085012345").is_ok_and(|found| found.province_known));
    }

    proptest! {
        #[test]
        fn every_assigned_code_with_any_tail_is_valid(i in 0usize..63, tail in "[0-9]{9}") {
            let number = format!("{:03}{tail}", PROVINCE_CODES[i]);
            let id = citizen_id(&number).unwrap();
            prop_assert!((1900..2400).contains(&id.birth_year));
        }

        #[test]
        fn never_panics(s in "\\PC{0,20}") {
            let _ = citizen_id(&s);
        }
    }
}
