//! E-mail addresses: a practical shape check, not RFC 5322 in full.

use super::Verdict;
use crate::message::Message;

/// Accepts `local@domain.tld` with no spaces; returns the trimmed address.
pub fn email(input: &str) -> Verdict<String> {
    let address = input.trim();
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
}
