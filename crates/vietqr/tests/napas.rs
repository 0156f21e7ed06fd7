//! NAPAS's test vectors ("QR Format T&C v1.0", 09/2021, section 6.1), read
//! and written byte for byte; a changed character is always refused; any
//! transfer survives writing and reading; a fee's payment request is checked
//! before it is shown.

use proptest::prelude::*;
use vietqr::{Error, Service, Transfer, check_fee_payment, crc_text, decode, encode, svg};

const PURPOSE: &str = "thanh toan don hang";

/// 6.1.2: a reusable code for transfers to a card.
const STATIC_CARD: &str =
    "00020101021138600010A00000072701300006970403011697040311012345670208QRIBFTTC53037045802VN63044F52";
/// 6.1.3: a code for one payment of 180.000 ₫ to an account.
const DYNAMIC_ACCOUNT: &str = "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E";
/// 6.1.4: a code for one payment of 180.000 ₫ to a card.
const DYNAMIC_CARD: &str = "00020101021238600010A00000072701300006970403011697040311012345670208QRIBFTTC530370454061800005802VN62340107NPS68690819thanh toan don hang6304A203";
/// 6.1.1 as the document prints it: its checksum holds, but the account's
/// length says 12 where 13 digits follow, so its inner fields do not.
const STATIC_ACCOUNT_AS_PRINTED: &str =
    "00020101021138570010A00000072701270006970403011200110123456780208QRIBFTTA53037045802VN6304F4E5";

fn transfer(one_payment: bool, account: &str, service: Service) -> Transfer {
    Transfer {
        one_payment,
        bank_bin: "970403".into(),
        account: account.into(),
        service,
        category: None,
        amount: one_payment.then_some(180_000),
        name: None,
        city: None,
        bill_number: one_payment.then(|| "NPS6869".into()),
        purpose: one_payment.then(|| PURPOSE.into()),
    }
}

#[test]
fn reads_and_writes_the_napas_vectors_byte_for_byte() {
    let vectors = [
        (STATIC_CARD, transfer(false, "9704031101234567", Service::ToCard)),
        (DYNAMIC_ACCOUNT, transfer(true, "0011012345678", Service::ToAccount)),
        (DYNAMIC_CARD, transfer(true, "9704031101234567", Service::ToCard)),
    ];
    for (payload, expected) in vectors {
        assert_eq!(decode(payload).as_ref(), Ok(&expected), "{payload}");
        assert_eq!(encode(&expected).as_deref(), Ok(payload), "written back");
    }
}

#[test]
fn checks_the_printed_static_vector_and_refuses_its_inner_lengths() {
    let body = &STATIC_ACCOUNT_AS_PRINTED[..STATIC_ACCOUNT_AS_PRINTED.len() - 4];
    assert_eq!(crc_text(body.as_bytes()), "F4E5", "the checksum the document prints");
    assert_eq!(
        decode(STATIC_ACCOUNT_AS_PRINTED),
        Err(Error::Layout { within: Some("38.01") }),
        "an account number whose length does not hold is not guessed at"
    );
}

#[test]
fn refuses_every_single_changed_character_of_a_vector() {
    let printable: Vec<char> = (0x20u8..0x7F).map(char::from).collect();
    for (index, original) in DYNAMIC_ACCOUNT.char_indices() {
        for &replacement in &printable {
            if replacement == original {
                continue;
            }
            let mut changed = DYNAMIC_ACCOUNT.to_owned();
            changed.replace_range(index..index + 1, &replacement.to_string());
            assert!(decode(&changed).is_err(), "{changed} was read");
        }
    }
}

#[test]
fn checks_a_fee_payment_request_before_it_is_shown() {
    let owed = 180_000;
    let request = |amount: Option<u64>, bill: Option<&str>, one_payment: bool| {
        encode(&Transfer {
            amount,
            bill_number: bill.map(str::to_owned),
            one_payment,
            ..transfer(true, "0011012345678", Service::ToAccount)
        })
        .unwrap()
    };
    let good = request(Some(owed), Some("X01-20261207-0001"), true);
    assert!(check_fee_payment(&good, owed, "X01-20261207-0001").is_ok());
    assert_eq!(
        check_fee_payment(
            &request(Some(190_000), Some("X01-20261207-0001"), true),
            owed,
            "X01-20261207-0001"
        ),
        Err(Error::Amount {
            asked: Some(190_000),
            owed
        })
    );
    assert_eq!(
        check_fee_payment(
            &request(Some(owed), Some("X01-20261207-0002"), true),
            owed,
            "X01-20261207-0001"
        ),
        Err(Error::Bill {
            found: Some("X01-20261207-0002".into()),
            expected: "X01-20261207-0001".into()
        })
    );
    assert_eq!(
        check_fee_payment(STATIC_CARD, owed, "X01-20261207-0001"),
        Err(Error::NotForOnePayment),
        "a reusable code does not say what it is paying"
    );
    // Another network's code (VNPAY's identifier), its checksum recomputed.
    let other = DYNAMIC_ACCOUNT.replace("A000000727", "A000000775");
    let body = &other[..other.len() - 4];
    let other = format!("{body}{}", crc_text(body.as_bytes()));
    assert_eq!(decode(&other), Err(Error::NotNapas("A000000775".into())));
    // Another currency (US dollars).
    let dollars = DYNAMIC_ACCOUNT.replace("5303704", "5303840");
    let body = &dollars[..dollars.len() - 4];
    let dollars = format!("{body}{}", crc_text(body.as_bytes()));
    assert!(matches!(decode(&dollars), Err(Error::Invalid { id: "53", .. })));
}

#[test]
fn refuses_what_it_cannot_write_safely() {
    let mut diacritics = transfer(true, "0011012345678", Service::ToAccount);
    diacritics.purpose = Some("lệ phí khai sinh".into());
    assert!(
        matches!(encode(&diacritics), Err(Error::Invalid { id: "62.08", .. })),
        "lengths count characters alike only in ASCII"
    );
    let mut long = transfer(true, "0011012345678", Service::ToAccount);
    long.bill_number = Some("X".repeat(26));
    assert!(matches!(encode(&long), Err(Error::TooLong { .. })));
    let mut reusable_with_amount = transfer(false, "0011012345678", Service::ToAccount);
    reusable_with_amount.amount = Some(1);
    assert!(
        encode(&reusable_with_amount).is_err(),
        "a reusable code names no amount"
    );
    assert_eq!(decode("Đ00201"), Err(Error::NotAscii));
    assert_eq!(decode(""), Err(Error::NoChecksum));
}

#[test]
fn draws_the_code_as_svg() {
    let drawn = svg(DYNAMIC_ACCOUNT, 300).unwrap();
    assert!(drawn.starts_with("<?xml") && drawn.contains("<svg"), "{}", &drawn[..80]);
    let width: u32 = drawn
        .split("width=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|w| w.parse().ok())
        .unwrap();
    assert!(width >= 300, "at least the size asked for: {width}");
    assert!(svg(&"0".repeat(8000), 300).is_err(), "too much for any QR code");
}

fn ascii(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(0x20u8..0x7F, 1..=max).prop_map(|b| String::from_utf8(b).unwrap())
}

fn any_transfer() -> impl Strategy<Value = Transfer> {
    (
        any::<bool>(),
        "[0-9]{6}",
        "[0-9A-Z]{1,19}",
        prop_oneof![Just(Service::ToAccount), Just(Service::ToCard)],
        proptest::option::of("[0-9]{4}"),
        1u64..=9_999_999_999_999,
        proptest::option::of(ascii(25)),
        proptest::option::of(ascii(15)),
        proptest::option::of(ascii(25)),
        proptest::option::of(ascii(25)),
    )
        .prop_map(
            |(one_payment, bank_bin, account, service, category, amount, name, city, bill_number, purpose)| Transfer {
                one_payment,
                bank_bin,
                account,
                service,
                category,
                amount: one_payment.then_some(amount),
                name,
                city,
                bill_number,
                purpose,
            },
        )
}

proptest! {
    #[test]
    fn any_transfer_is_read_back_as_written(transfer in any_transfer()) {
        let payload = encode(&transfer).unwrap();
        prop_assert_eq!(decode(&payload), Ok(transfer));
    }
}
