//! VietQR payment codes: the EMVCo merchant-presented payload that Vietnamese
//! banking apps read to make a NAPAS 24/7 transfer.
//!
//! [`encode`] writes a [`Transfer`] as a payload and [`decode`] reads one
//! back, strictly: every length must hold, the checksum must match, the
//! payment network must be NAPAS, the currency the dong and the country
//! Vietnam. [`check_fee_payment`] adds what paying a dossier's fee needs
//! before a code is shown to anyone (one payment, the amount owed, the
//! dossier's code as the bill number), and [`svg`] draws the code.
//!
//! The layout follows NAPAS's "QR Format T&C v1.0" (09/2021) and reproduces
//! its test vectors 6.1.2 to 6.1.4 byte for byte (see `tests/napas.rs`).

mod crc;
mod tlv;

pub use crc::{crc_text, crc16};

/// NAPAS's identifier in field 38 (the network that carries the transfer).
pub const NAPAS_GUID: &str = "A000000727";
/// The dong, ISO 4217 numeric.
pub const CURRENCY_VND: &str = "704";
/// Vietnam.
pub const COUNTRY_VN: &str = "VN";

/// What went wrong with a payload.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A character outside printable ASCII: lengths would not count alike everywhere.
    #[error("the payload holds a character outside printable ASCII")]
    NotAscii,
    /// The id-length-value layout does not hold (at the top, or inside a field).
    #[error("the fields do not follow the id-length-value layout (inside {within:?})")]
    Layout {
        /// The field whose inner fields are broken; `None` at the top.
        within: Option<&'static str>,
    },
    /// The payload does not end with its checksum.
    #[error("the payload does not end with a checksum field")]
    NoChecksum,
    /// The checksum does not match the payload: a character changed.
    #[error("the checksum is {found}, the payload gives {computed}")]
    Checksum {
        /// What the payload says.
        found: String,
        /// What its content gives.
        computed: String,
    },
    /// A required field is missing.
    #[error("field {0} is missing")]
    Missing(&'static str),
    /// A field holds a value the format does not allow.
    #[error("field {id} holds {value:?}, which the format does not allow")]
    Invalid {
        /// The field, with its parent (`38.00`).
        id: &'static str,
        /// What it holds.
        value: String,
    },
    /// A value is too long for its field.
    #[error("the value of field {id} is too long")]
    TooLong {
        /// The field.
        id: String,
    },
    /// Not a NAPAS transfer (another network's code).
    #[error("not a NAPAS transfer code (network {0})")]
    NotNapas(String),
    /// A reusable code, where one payment was asked for.
    #[error("a reusable code, not one for this payment")]
    NotForOnePayment,
    /// The amount is not what is owed.
    #[error("the code asks for {asked:?} dong, {owed} are owed")]
    Amount {
        /// What the code asks for.
        asked: Option<u64>,
        /// What the dossier owes.
        owed: u64,
    },
    /// The bill number is not the dossier's code.
    #[error("the code's bill number is {found:?}, the dossier's code is {expected}")]
    Bill {
        /// What the code names.
        found: Option<String>,
        /// The dossier's code.
        expected: String,
    },
}

/// Where the money goes: a bank account or a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// `QRIBFTTA`: a fast transfer to an account.
    ToAccount,
    /// `QRIBFTTC`: a fast transfer to a card.
    ToCard,
}

impl Service {
    fn code(self) -> &'static str {
        match self {
            Self::ToAccount => "QRIBFTTA",
            Self::ToCard => "QRIBFTTC",
        }
    }
}

/// A transfer as a VietQR code describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    /// True for a code made for one payment (`12`), false for a reusable one (`11`).
    pub one_payment: bool,
    /// The bank's 6-digit identification number (BIN), e.g. `970403`.
    pub bank_bin: String,
    /// The account or card number, at most 19 characters.
    pub account: String,
    /// To an account or to a card.
    pub service: Service,
    /// The merchant category code (field 52), when given.
    pub category: Option<String>,
    /// The amount in dong; none in a reusable code.
    pub amount: Option<u64>,
    /// The beneficiary's name (field 59), when given.
    pub name: Option<String>,
    /// The beneficiary's city (field 60), when given.
    pub city: Option<String>,
    /// The bill number (field 62.01): for a fee, the dossier's code.
    pub bill_number: Option<String>,
    /// What the transfer is for (field 62.08), as the bank shows it.
    pub purpose: Option<String>,
}

fn printable(text: &str) -> bool {
    text.bytes().all(|b| (0x20..0x7F).contains(&b))
}

fn require_ascii(value: &str, id: &'static str) -> Result<(), Error> {
    if printable(value) {
        Ok(())
    } else {
        Err(Error::Invalid {
            id,
            value: value.to_owned(),
        })
    }
}

/// Writes `transfer` as a payload, its checksum included.
pub fn encode(transfer: &Transfer) -> Result<String, Error> {
    let invalid = |id: &'static str, value: &str| Error::Invalid {
        id,
        value: value.to_owned(),
    };
    if transfer.bank_bin.len() != 6 || !transfer.bank_bin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid("38.01.00", &transfer.bank_bin));
    }
    if transfer.account.is_empty()
        || transfer.account.len() > 19
        || !transfer.account.bytes().all(|b| b.is_ascii_alphanumeric())
    {
        return Err(invalid("38.01.01", &transfer.account));
    }
    if transfer.one_payment != transfer.amount.is_some() {
        return Err(invalid("54", &format!("{:?}", transfer.amount)));
    }
    let mut beneficiary = String::new();
    tlv::write(&mut beneficiary, "00", &transfer.bank_bin)?;
    tlv::write(&mut beneficiary, "01", &transfer.account)?;
    let mut network = String::new();
    tlv::write(&mut network, "00", NAPAS_GUID)?;
    tlv::write(&mut network, "01", &beneficiary)?;
    tlv::write(&mut network, "02", transfer.service.code())?;

    let mut out = String::new();
    tlv::write(&mut out, "00", "01")?;
    tlv::write(&mut out, "01", if transfer.one_payment { "12" } else { "11" })?;
    tlv::write(&mut out, "38", &network)?;
    if let Some(category) = &transfer.category {
        if category.len() != 4 || !category.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid("52", category));
        }
        tlv::write(&mut out, "52", category)?;
    }
    tlv::write(&mut out, "53", CURRENCY_VND)?;
    if let Some(amount) = transfer.amount {
        let text = amount.to_string();
        if amount == 0 || text.len() > 13 {
            return Err(invalid("54", &text));
        }
        tlv::write(&mut out, "54", &text)?;
    }
    tlv::write(&mut out, "58", COUNTRY_VN)?;
    for (id, value) in [("59", &transfer.name), ("60", &transfer.city)] {
        if let Some(value) = value {
            require_ascii(value, if id == "59" { "59" } else { "60" })?;
            tlv::write(&mut out, id, value)?;
        }
    }
    let mut extra = String::new();
    for (id, value, name) in [
        ("01", &transfer.bill_number, "62.01"),
        ("08", &transfer.purpose, "62.08"),
    ] {
        if let Some(value) = value {
            require_ascii(value, name)?;
            if value.len() > 25 {
                return Err(Error::TooLong { id: name.to_owned() });
            }
            tlv::write(&mut extra, id, value)?;
        }
    }
    if !extra.is_empty() {
        tlv::write(&mut out, "62", &extra)?;
    }
    out.push_str("6304");
    let checksum = crc_text(out.as_bytes());
    out.push_str(&checksum);
    Ok(out)
}

/// Reads a payload: its checksum, its layout and every field a NAPAS
/// transfer needs. Fields a transfer does not use are allowed and ignored.
pub fn decode(payload: &str) -> Result<Transfer, Error> {
    if !printable(payload) {
        return Err(Error::NotAscii);
    }
    let body_end = payload.len().checked_sub(4).ok_or(Error::NoChecksum)?;
    if !payload[..body_end].ends_with("6304") {
        return Err(Error::NoChecksum);
    }
    let found = &payload[body_end..];
    let computed = crc_text(&payload.as_bytes()[..body_end]);
    if found != computed {
        return Err(Error::Checksum {
            found: found.to_owned(),
            computed,
        });
    }
    let fields = tlv::split(payload, None)?;
    let get = |id: &str| fields.iter().find(|f| f.id == id).map(|f| f.value);
    let need = |id: &'static str| get(id).ok_or(Error::Missing(id));
    let invalid = |id: &'static str, value: &str| Error::Invalid {
        id,
        value: value.to_owned(),
    };
    if fields.last().map(|f| f.id) != Some("63") {
        return Err(Error::NoChecksum);
    }
    let format = need("00")?;
    if format != "01" {
        return Err(invalid("00", format));
    }
    let one_payment = match need("01")? {
        "12" => true,
        "11" => false,
        other => return Err(invalid("01", other)),
    };
    let network = tlv::split(need("38")?, Some("38"))?;
    let inner = |id: &str| network.iter().find(|f| f.id == id).map(|f| f.value);
    let guid = inner("00").ok_or(Error::Missing("38.00"))?;
    if guid != NAPAS_GUID {
        return Err(Error::NotNapas(guid.to_owned()));
    }
    let beneficiary = tlv::split(inner("01").ok_or(Error::Missing("38.01"))?, Some("38.01"))?;
    let part = |id: &str| beneficiary.iter().find(|f| f.id == id).map(|f| f.value);
    let bank_bin = part("00").ok_or(Error::Missing("38.01.00"))?;
    if bank_bin.len() != 6 || !bank_bin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid("38.01.00", bank_bin));
    }
    let account = part("01").ok_or(Error::Missing("38.01.01"))?;
    if account.is_empty() || account.len() > 19 {
        return Err(invalid("38.01.01", account));
    }
    let service = match inner("02").ok_or(Error::Missing("38.02"))? {
        "QRIBFTTA" => Service::ToAccount,
        "QRIBFTTC" => Service::ToCard,
        other => return Err(invalid("38.02", other)),
    };
    let currency = need("53")?;
    if currency != CURRENCY_VND {
        return Err(invalid("53", currency));
    }
    let country = need("58")?;
    if country != COUNTRY_VN {
        return Err(invalid("58", country));
    }
    let amount = match get("54") {
        None => None,
        Some(text) => Some(
            text.parse::<u64>()
                .ok()
                .filter(|a| *a > 0 && text.bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(|| invalid("54", text))?,
        ),
    };
    let extra = match get("62") {
        Some(value) => tlv::split(value, Some("62"))?,
        None => Vec::new(),
    };
    let extra_field = |id: &str| extra.iter().find(|f| f.id == id).map(|f| f.value.to_owned());
    Ok(Transfer {
        one_payment,
        bank_bin: bank_bin.to_owned(),
        account: account.to_owned(),
        service,
        category: get("52").map(str::to_owned),
        amount,
        name: get("59").map(str::to_owned),
        city: get("60").map(str::to_owned),
        bill_number: extra_field("01"),
        purpose: extra_field("08"),
    })
}

/// Reads a payment request for a dossier's fee and checks it before it is
/// shown: a code for this one payment, the amount owed, and the dossier's
/// code as the bill number. A code that fails is never shown.
pub fn check_fee_payment(payload: &str, owed: u64, dossier_code: &str) -> Result<Transfer, Error> {
    let transfer = decode(payload)?;
    if !transfer.one_payment {
        return Err(Error::NotForOnePayment);
    }
    if transfer.amount != Some(owed) {
        return Err(Error::Amount {
            asked: transfer.amount,
            owed,
        });
    }
    if transfer.bill_number.as_deref() != Some(dossier_code) {
        return Err(Error::Bill {
            found: transfer.bill_number,
            expected: dossier_code.to_owned(),
        });
    }
    Ok(transfer)
}

/// The payload drawn as a QR code (error correction M), an SVG document at
/// least `size` pixels wide, with its quiet zone.
pub fn svg(payload: &str, size: u32) -> Result<String, Error> {
    let code = qrcode::QrCode::with_error_correction_level(payload.as_bytes(), qrcode::EcLevel::M).map_err(|_| {
        Error::TooLong {
            id: "payload".to_owned(),
        }
    })?;
    Ok(code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(size, size)
        .quiet_zone(true)
        .build())
}
