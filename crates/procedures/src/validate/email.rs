//! E-mail addresses: a practical shape check, not RFC 5322 in full.

use super::{Verdict, within};
use crate::limits::MAX_EMAIL_CHARS;
use crate::message::Message;

/// Accepts `local@domain.tld` with no spaces; returns the trimmed address.
/// An address over [`MAX_EMAIL_CHARS`] is refused as too long.
pub fn email(input: &str) -> Verdict<String> {
    let address = input.trim();
    within(address, MAX_EMAIL_CHARS)?;
    let valid = address.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.contains('@')
            && domain.split('.').count() >= 2
            && domain
                .split('.')
                .all(|label| !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-'))
            && !address.chars().any(char::is_whitespace)
    });
    if valid {
        Ok(address.to_owned())
    } else {
        Err(Message::id("error-email-format"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::assert_too_long;

    #[test]
    fn common_addresses_pass_and_typos_fail() {
        for ok in ["an.nguyen@gmail.com", " lan@ubnd.hanoi.gov.vn "] {
            assert!(email(ok).is_ok(), "{ok}");
        }
        for bad in [
            "an.nguyen@gmail",
            "an@@gmail.com",
            "an nguyen@gmail.com",
            "@gmail.com",
            "an@gmail..com",
        ] {
            assert!(email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_address_over_254_characters_is_too_long() {
        let at_limit = format!("{}@gmail.com", "a".repeat(MAX_EMAIL_CHARS - 10));
        assert!(
            email(&at_limit).is_ok(),
            "an address of exactly 254 characters is accepted"
        );
        let long = format!("{}@gmail.com", "a".repeat(1_000_000));
        let err = email(&long).expect_err("a megabyte address is refused");
        assert_too_long(&err, 254, 1_000_010);
    }
}
