//! Vietnamese validators. Each takes what the user typed and returns the value
//! to store, or the message that tells the user what to fix.

mod citizen_id;
mod date;
mod email;
mod person_name;
mod phone;

pub use citizen_id::{CitizenId, Sex, citizen_id};
pub use date::{date, format as format_date};
pub use email::email;
pub use person_name::person_name;
pub use phone::phone;

use crate::message::Message;

/// A validator's verdict.
pub type Verdict<T> = Result<T, Message>;

/// Refuses text longer than `limit` characters with `error-text-too-long`,
/// so no answer of any size is stored, sent or scanned further.
pub fn within(text: &str, limit: usize) -> Verdict<()> {
    let length = text.chars().count();
    if length > limit {
        return Err(Message::id("error-text-too-long")
            .arg("limit", i64::try_from(limit).unwrap_or(i64::MAX))
            .arg("length", i64::try_from(length).unwrap_or(i64::MAX)));
    }
    Ok(())
}

/// Asserts that `err` is the `error-text-too-long` message of [`within`],
/// naming `limit` and `length`.
#[cfg(test)]
fn assert_too_long(err: &Message, limit: i64, length: i64) {
    assert_eq!(
        err.fluent_id(),
        Some("error-text-too-long"),
        "the message says it is too long"
    );
    assert_eq!(
        *err,
        Message::id("error-text-too-long")
            .arg("limit", limit)
            .arg("length", length),
        "the message names the limit and the length"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_answer_validators_refuse_long_input_as_too_long() {
        let long = "0".repeat(1_000_000);
        let verdicts = [
            ("citizen_id", citizen_id(&long).err()),
            ("phone", phone(&long).err()),
            ("date", date(&long).err()),
        ];
        for (validator, err) in verdicts {
            assert_eq!(
                err,
                Some(
                    Message::id("error-text-too-long")
                        .arg("limit", 32)
                        .arg("length", 1_000_000)
                ),
                "{validator} refuses a megabyte of digits as too long, naming the limit"
            );
        }
        assert!(
            citizen_id(" 001 085 012 345 ").is_ok() && phone("(+84) 91.234.5678").is_ok(),
            "ordinary spacing stays well within the limit"
        );
    }
}
