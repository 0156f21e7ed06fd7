//! Dates typed the Vietnamese way: day, then month, then year.

use chrono::NaiveDate;

use super::{Verdict, within};
use crate::limits::MAX_SHORT_ANSWER_CHARS;
use crate::message::Message;

/// Parses `dd/mm/yyyy` (also `d/m/yyyy`, with `-` or `.`), never month
/// first, and the unambiguous ISO form `yyyy-mm-dd` that documents and other
/// systems use. Input over [`MAX_SHORT_ANSWER_CHARS`] is refused as too long.
pub fn date(input: &str) -> Verdict<NaiveDate> {
    within(input.trim(), MAX_SHORT_ANSWER_CHARS)?;
    let parts: Vec<&str> = input.trim().split(['/', '-', '.']).collect();
    let (day, month, year) = match parts.as_slice() {
        [year, month, day] if year.len() == 4 && input.contains('-') => (*day, *month, *year),
        [day, month, year] => (*day, *month, *year),
        _ => return Err(Message::id("error-date-format")),
    };
    let number = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (Some(day), Some(month), Some(year)) = (number(day, 2), number(month, 2), number(year, 4)) else {
        return Err(Message::id("error-date-format"));
    };
    if year.to_string().len() != 4 {
        return Err(Message::id("error-date-year"));
    }
    if year < 1900 {
        return Err(Message::id("error-date-too-early").arg("year", year.to_string()));
    }
    NaiveDate::from_ymd_opt(year as i32, month, day)
        .ok_or_else(|| Message::id("error-date-not-on-calendar").arg("value", input.trim()))
}

/// The stored and displayed form, `dd/mm/yyyy`.
pub fn format(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn day_comes_first() {
        assert_eq!(date("03/04/2026"), Ok(ymd(2026, 4, 3)), "3 April, never 4 March");
        assert_eq!(date("5-9-2024"), Ok(ymd(2024, 9, 5)), "short forms and dashes");
        assert_eq!(date(" 29.02.2024 "), Ok(ymd(2024, 2, 29)), "a leap day");
        assert_eq!(
            date("2020-02-28"),
            Ok(ymd(2020, 2, 28)),
            "ISO, year first, is unambiguous"
        );
        assert_eq!(
            date("2020/02/28").unwrap_err().fluent_id(),
            Some("error-date-format"),
            "year first only in the ISO form"
        );
    }

    #[test]
    fn refuses_impossible_dates_with_the_right_message() {
        let id = |s: &str| date(s).unwrap_err().fluent_id().map(str::to_owned).unwrap();
        assert_eq!(id("31/02/2024"), "error-date-not-on-calendar");
        assert_eq!(
            id("29/02/2023"),
            "error-date-not-on-calendar",
            "2023 is not a leap year"
        );
        assert_eq!(id("05/09/24"), "error-date-year", "a two-digit year is ambiguous");
        assert_eq!(id("31/12/1899"), "error-date-too-early", "four digits, but before 1900");
        assert_eq!(id("ngày 5"), "error-date-format");
    }

    proptest! {
        #[test]
        fn formatting_round_trips(days in 0i64..80_000) {
            let day = ymd(1900, 1, 1) + chrono::Duration::days(days);
            prop_assert_eq!(date(&format(day)), Ok(day));
        }

        #[test]
        fn never_panics(s in "\\PC{0,20}") {
            let _ = date(&s);
        }
    }
}
