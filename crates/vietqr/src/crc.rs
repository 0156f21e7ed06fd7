//! CRC-16/CCITT-FALSE, the checksum that ends every EMVCo payload (field 63).

/// CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection, no
/// final xor) of `bytes`.
pub fn crc16(bytes: &[u8]) -> u16 {
    let mut crc: u16 = 0xFFFF;
    for &byte in bytes {
        crc ^= u16::from(byte) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    crc
}

/// The checksum as the payload writes it: four uppercase hex digits.
pub fn crc_text(bytes: &[u8]) -> String {
    format!("{:04X}", crc16(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gives_the_standard_check_value() {
        assert_eq!(crc16(b"123456789"), 0x29B1);
        assert_eq!(crc_text(b"123456789"), "29B1");
    }
}
