//! Dates and amounts of money as Vietnamese readers expect them.

use chrono::NaiveDate;

use crate::Locale;

/// An amount in đồng: `30.500 ₫` in Vietnamese (dot thousands, no-break
/// space, U+20AB), `30,500 ₫` in English. The đồng has no minor unit.
pub fn format_vnd(amount: u64, locale: Locale) -> String {
    let separator = match locale {
        Locale::Vi => '.',
        Locale::En => ',',
    };
    let digits = amount.to_string();
    let mut out = String::with_capacity(digits.len() + 6);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out.push_str("\u{00A0}₫");
    out
}

/// A date as `dd/mm/yyyy`, in both locales (the app's users read Vietnamese papers).
pub fn format_date(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_uses_dot_thousands_and_the_dong_sign() {
        assert_eq!(format_vnd(30_500, Locale::Vi), "30.500\u{a0}₫");
        assert_eq!(format_vnd(1_234_567, Locale::Vi), "1.234.567\u{a0}₫");
        assert_eq!(
            format_vnd(500, Locale::Vi),
            "500\u{a0}₫",
            "no separator under a thousand"
        );
        assert_eq!(format_vnd(200_000, Locale::En), "200,000\u{a0}₫");
    }

    #[test]
    fn dates_are_zero_padded_day_first() {
        let day = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        assert_eq!(format_date(day), "01/07/2025");
    }
}
