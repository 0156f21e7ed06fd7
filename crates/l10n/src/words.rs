//! Amounts of money in Vietnamese words, as receipts write them: "Ba mươi
//! nghìn đồng" for 30.000 ₫ (mốt, lăm, linh and "không trăm" where a
//! Vietnamese reader expects them).

const DIGITS: [&str; 10] = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

/// The name of each group of three digits, from the lowest.
const GROUPS: [&str; 7] = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ", "tỷ tỷ"];

/// Three digits in words; `leading` when no higher group comes before them,
/// so "không trăm" and "linh" are left out where nothing precedes.
fn group_words(n: u64, leading: bool, out: &mut Vec<&'static str>) {
    let (hundreds, tens, units) = ((n / 100) as usize, ((n / 10) % 10) as usize, (n % 10) as usize);
    if hundreds > 0 || !leading {
        out.extend([DIGITS[hundreds], "trăm"]);
    }
    match tens {
        0 if units > 0 && (hundreds > 0 || !leading) => out.push("linh"),
        0 => {}
        1 => out.push("mười"),
        t => out.extend([DIGITS[t], "mươi"]),
    }
    match units {
        0 => {}
        1 if tens >= 2 => out.push("mốt"),
        5 if tens >= 1 => out.push("lăm"),
        u => out.push(DIGITS[u]),
    }
}

/// `amount` đồng in Vietnamese words, capitalised: 30000 → "Ba mươi nghìn đồng".
pub fn amount_in_words(amount: u64) -> String {
    if amount == 0 {
        return "Không đồng".to_owned();
    }
    let mut groups = Vec::new();
    let mut rest = amount;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let mut words: Vec<&'static str> = Vec::new();
    for (index, group) in groups.iter().enumerate().rev() {
        if *group == 0 {
            continue;
        }
        group_words(*group, index == groups.len() - 1, &mut words);
        if !GROUPS[index].is_empty() {
            words.push(GROUPS[index]);
        }
    }
    words.push("đồng");
    let text = words.join(" ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::amount_in_words;

    #[test]
    fn amounts_read_as_on_a_receipt() {
        for (amount, words) in [
            (0, "Không đồng"),
            (8_000, "Tám nghìn đồng"),
            (15, "Mười lăm đồng"),
            (21, "Hai mươi mốt đồng"),
            (25, "Hai mươi lăm đồng"),
            (30_000, "Ba mươi nghìn đồng"),
            (30_500, "Ba mươi nghìn năm trăm đồng"),
            (105_000, "Một trăm linh năm nghìn đồng"),
            (110_000, "Một trăm mười nghìn đồng"),
            (2_005, "Hai nghìn không trăm linh năm đồng"),
            (1_250_000, "Một triệu hai trăm năm mươi nghìn đồng"),
            (1_000_050, "Một triệu không trăm năm mươi đồng"),
            (3_000_000_000, "Ba tỷ đồng"),
        ] {
            assert_eq!(amount_in_words(amount), words, "{amount}");
        }
    }

    #[test]
    fn the_largest_amount_has_words() {
        let words = amount_in_words(u64::MAX);
        assert!(words.starts_with("Mười tám tỷ tỷ"), "{words}");
        assert!(words.ends_with(" đồng"));
    }
}
