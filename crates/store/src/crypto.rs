//! The data key and what is derived from it. One 32-byte [`StoreKey`] opens a
//! data folder; HKDF-SHA256 derives from it, each for one purpose only:
//!
//! - the SQLCipher key of the database (a raw key, so SQLCipher runs no
//!   passphrase KDF at every open);
//! - the XChaCha20-Poly1305 key of the attachment files;
//! - the HMAC-SHA256 key that names attachment files: a file is stored under
//!   `HMAC(names key, sha256 hex)`, so a name tells nothing about the
//!   content (a plain SHA-256 name would let anyone holding a known scan
//!   check whether it is on this PC);
//! - a key-check value written beside the database, so a wrong key is told
//!   apart from a damaged file without decrypting anything.
//!
//! An attachment file is `MAGIC ‖ nonce (24 random bytes) ‖ ciphertext ‖ tag`,
//! with the content's SHA-256 (hex) as associated data: a file moved under
//! another content's name fails its tag.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// First bytes of an encrypted attachment file (format version 1).
pub(crate) const MAGIC: &[u8; 8] = b"TLDVC\x00E1";
const NONCE_LENGTH: usize = 24;
const SALT: &[u8] = b"tro-ly-dich-vu-cong/store";

/// The secret that opens one data folder: 32 random bytes, zeroed when
/// dropped and never printed.
#[derive(Clone)]
pub struct StoreKey(Zeroizing<[u8; 32]>);

impl StoreKey {
    /// A fresh random key from the operating system's generator.
    pub fn generate() -> Self {
        let mut bytes = Zeroizing::new([0u8; 32]);
        getrandom::fill(bytes.as_mut_slice()).expect("the operating system's random generator works");
        Self(bytes)
    }

    /// A key kept elsewhere (the OS keyring, or derived from a passphrase).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(Zeroizing::new(bytes))
    }

    /// The key's bytes, to store it in the keyring.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl std::fmt::Debug for StoreKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StoreKey(…)")
    }
}

/// The keys derived from a [`StoreKey`].
pub(crate) struct Keys {
    database: Zeroizing<[u8; 32]>,
    files: XChaCha20Poly1305,
    names: Zeroizing<[u8; 32]>,
    check: Zeroizing<[u8; 32]>,
    citizens: Zeroizing<[u8; 32]>,
}

impl Keys {
    pub(crate) fn derive(key: &StoreKey) -> Self {
        let hkdf = Hkdf::<Sha256>::new(Some(SALT), key.as_bytes());
        let expand = |info: &[u8]| {
            let mut out = Zeroizing::new([0u8; 32]);
            hkdf.expand(info, out.as_mut_slice())
                .expect("32 bytes is a valid HKDF-SHA256 output length");
            out
        };
        let files = expand(b"attachment files v1");
        Self {
            database: expand(b"sqlcipher database v1"),
            files: XChaCha20Poly1305::new(files.as_slice().into()),
            names: expand(b"attachment names v1"),
            check: expand(b"key check v1"),
            citizens: expand(b"citizen ids v1"),
        }
    }

    /// The raw SQLCipher key of the database.
    pub(crate) fn database_key(&self) -> &[u8; 32] {
        &self.database
    }

    /// The key of the hashes that stand for citizens' ID numbers.
    pub(crate) fn citizen_key(&self) -> &[u8; 32] {
        &self.citizens
    }

    /// The value written beside the database to recognise the right key.
    pub(crate) fn check_value(&self) -> &[u8; 32] {
        &self.check
    }

    /// The name of the file that holds the content with this SHA-256.
    pub(crate) fn file_name(&self, sha256: &str) -> String {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(self.names.as_slice()).expect("HMAC takes a key of any length");
        mac.update(sha256.as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// Encrypts a file's content, bound to its SHA-256 (hex).
    pub(crate) fn seal(&self, sha256: &str, content: &[u8]) -> Vec<u8> {
        let mut nonce = [0u8; NONCE_LENGTH];
        getrandom::fill(&mut nonce).expect("the operating system's random generator works");
        let sealed = self
            .files
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: content,
                    aad: sha256.as_bytes(),
                },
            )
            .expect("XChaCha20-Poly1305 encrypts any length a file can have");
        let mut out = Vec::with_capacity(MAGIC.len() + NONCE_LENGTH + sealed.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        out
    }

    /// Decrypts a file written by [`Keys::seal`]; `None` when it is not
    /// one, was altered, or does not hold the content with this SHA-256.
    pub(crate) fn open(&self, sha256: &str, file: &[u8]) -> Option<Vec<u8>> {
        let rest = file.strip_prefix(MAGIC.as_slice())?;
        if rest.len() < NONCE_LENGTH {
            return None;
        }
        let (nonce, sealed) = rest.split_at(NONCE_LENGTH);
        let content = self
            .files
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: sha256.as_bytes(),
                },
            )
            .ok()?;
        (hex::encode(Sha256::digest(&content)) == sha256).then_some(content)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha(content: &[u8]) -> String {
        hex::encode(Sha256::digest(content))
    }

    #[test]
    fn a_sealed_file_opens_only_with_its_key_and_its_hash() {
        let keys = Keys::derive(&StoreKey::from_bytes([7; 32]));
        let content = b"%PDF-1.4 CCCD 001204012345 %%EOF";
        let hash = sha(content);
        let sealed = keys.seal(&hash, content);
        assert!(
            !sealed.windows(12).any(|w| w == b"001204012345"),
            "the citizen ID is not readable in the sealed bytes"
        );
        assert_eq!(
            keys.open(&hash, &sealed).as_deref(),
            Some(content.as_slice()),
            "the same key and hash open the file"
        );
        assert_eq!(
            keys.open(&sha(b"other"), &sealed),
            None,
            "a file under another content's hash fails its tag"
        );
        let other = Keys::derive(&StoreKey::from_bytes([8; 32]));
        assert_eq!(other.open(&hash, &sealed), None, "another key cannot open it");
        let mut flipped = sealed.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert_eq!(keys.open(&hash, &flipped), None, "one changed bit is detected");
        assert_ne!(
            keys.seal(&hash, content),
            sealed,
            "every file gets its own random nonce"
        );
    }

    #[test]
    fn names_and_subkeys_reveal_nothing_of_the_content_or_each_other() {
        let key = StoreKey::from_bytes([1; 32]);
        let keys = Keys::derive(&key);
        let hash = sha(b"content");
        let name = keys.file_name(&hash);
        assert_eq!(name.len(), 64, "a name is 32 bytes of hex");
        assert_ne!(name, hash, "the name is not the content's hash");
        assert_ne!(
            Keys::derive(&StoreKey::from_bytes([2; 32])).file_name(&hash),
            name,
            "names depend on the key"
        );
        assert_ne!(
            keys.database.as_slice(),
            keys.names.as_slice(),
            "each purpose has its own subkey"
        );
        assert_ne!(keys.database.as_slice(), key.as_bytes(), "the database key is derived");
        assert_eq!(format!("{key:?}"), "StoreKey(…)", "Debug never prints the key");
    }
}
