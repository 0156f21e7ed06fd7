//! The EMVCo layout: each field is a 2-digit id, a 2-digit length, then that
//! many characters; some fields hold more fields inside.

use crate::Error;

/// One field: its id and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<'a> {
    /// The two-digit id.
    pub id: &'a str,
    /// The value, exactly as long as the length said.
    pub value: &'a str,
}

/// Splits `text` into its fields, in order; `within` names the field they
/// sit in (`None` at the top), for the error.
pub fn split<'a>(text: &'a str, within: Option<&'static str>) -> Result<Vec<Field<'a>>, Error> {
    let mut fields = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let head = rest.get(..4).ok_or(Error::Layout { within })?;
        if !head.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::Layout { within });
        }
        let length: usize = head[2..].parse().map_err(|_| Error::Layout { within })?;
        let value = rest.get(4..4 + length).ok_or(Error::Layout { within })?;
        fields.push(Field { id: &head[..2], value });
        rest = &rest[4 + length..];
    }
    Ok(fields)
}

/// Writes one field; `value` must be at most 99 characters.
pub fn write(out: &mut String, id: &str, value: &str) -> Result<(), Error> {
    let length = value.chars().count();
    if length > 99 {
        return Err(Error::TooLong { id: id.to_owned() });
    }
    out.push_str(id);
    out.push_str(&format!("{length:02}"));
    out.push_str(value);
    Ok(())
}
