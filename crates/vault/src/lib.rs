//! The app's secrets that must not live in its data folder: the data key
//! that encrypts the database and the attached files, and the portal
//! session's tokens.
//!
//! The key lives in the operating system's keyring (the Secret Service on
//! Linux), one entry per data folder. Where no keyring answers, the key is
//! derived from a passphrase the person types (Argon2id, with a random salt
//! kept beside the database); the passphrase itself is never stored.

use std::io::Write;
use std::path::Path;

use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// The keyring's service name for every entry of the app.
pub const SERVICE: &str = "tro-ly-dich-vu-cong";

/// File in the data folder holding the passphrase's salt (not a secret).
pub const SALT_FILE: &str = "passphrase.salt";

/// The shortest passphrase accepted for a new data folder.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Entry name of the data key.
const DATA_KEY: &str = "data-key";

/// What went wrong with a secret.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No keyring answers on this machine (no Secret Service on the session bus).
    #[error("no OS keyring is available: {0}")]
    Unavailable(String),
    /// The keyring answered with an error.
    #[error("the OS keyring failed: {0}")]
    Keyring(String),
    /// The stored data key is not 32 bytes.
    #[error("the data key in the keyring is damaged")]
    Damaged,
    /// The passphrase is too short for a new data folder.
    #[error("the passphrase is shorter than {min} characters")]
    PassphraseTooShort {
        /// The minimum length in characters.
        min: usize,
    },
    /// The salt file could not be read or written.
    #[error("the passphrase salt could not be read or written: {0}")]
    Io(#[from] std::io::Error),
}

/// Result of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// A named secret kept outside the data folder.
pub trait SecretStore: Send + Sync {
    /// The secret, or `None` when there is none.
    fn get(&self, name: &str) -> Result<Option<Zeroizing<Vec<u8>>>>;
    /// Stores (or replaces) the secret.
    fn set(&self, name: &str, secret: &[u8]) -> Result<()>;
    /// Forgets the secret; forgetting a missing one is not an error.
    fn delete(&self, name: &str) -> Result<()>;
}

/// The 32-byte key that encrypts one data folder; zeroed when dropped.
#[derive(Clone)]
pub struct DataKey(Zeroizing<[u8; 32]>);

impl DataKey {
    /// The key's bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// A key for another purpose (e.g. the training portal's database),
    /// derived so that knowing it reveals nothing of this one.
    pub fn derive(&self, purpose: &str) -> [u8; 32] {
        let mut hash = Sha256::new();
        hash.update(b"tro-ly-dich-vu-cong/derive/v1\0");
        hash.update(purpose.as_bytes());
        hash.update([0]);
        hash.update(self.0.as_slice());
        hash.finalize().into()
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(…)")
    }
}

/// The OS keyring, with entries scoped to one data folder so two folders
/// (two test runs, two desks' folders) never share a key.
pub struct OsKeyring {
    scope: String,
}

impl OsKeyring {
    /// The keyring entries of the data folder `folder`.
    pub fn for_folder(folder: &Path) -> Self {
        let canonical = folder.canonicalize().unwrap_or_else(|_| folder.to_path_buf());
        let digest = Sha256::digest(canonical.as_os_str().as_encoded_bytes());
        let scope = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        Self { scope }
    }

    /// Whether a keyring answers at all; a missing entry counts as an answer.
    pub fn probe(&self) -> Result<()> {
        self.get("probe").map(|_| ())
    }

    fn entry(&self, name: &str) -> Result<keyring::Entry> {
        keyring::Entry::new(SERVICE, &format!("{name}:{}", self.scope)).map_err(classify)
    }
}

impl SecretStore for OsKeyring {
    fn get(&self, name: &str) -> Result<Option<Zeroizing<Vec<u8>>>> {
        match self.entry(name)?.get_secret() {
            Ok(secret) => Ok(Some(Zeroizing::new(secret))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(error) => Err(classify(error)),
        }
    }

    fn set(&self, name: &str, secret: &[u8]) -> Result<()> {
        self.entry(name)?.set_secret(secret).map_err(classify)
    }

    fn delete(&self, name: &str) -> Result<()> {
        match self.entry(name)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(error) => Err(classify(error)),
        }
    }
}

fn classify(error: keyring::Error) -> Error {
    match error {
        keyring::Error::NoStorageAccess(_) | keyring::Error::PlatformFailure(_) | keyring::Error::NoDefaultStore => {
            Error::Unavailable(error.to_string())
        }
        other => Error::Keyring(other.to_string()),
    }
}

/// The data key kept in `secrets`, made and stored on first use.
pub fn data_key(secrets: &dyn SecretStore) -> Result<DataKey> {
    if let Some(stored) = secrets.get(DATA_KEY)? {
        let bytes: [u8; 32] = stored.as_slice().try_into().map_err(|_| Error::Damaged)?;
        return Ok(DataKey(Zeroizing::new(bytes)));
    }
    let mut fresh = Zeroizing::new([0u8; 32]);
    getrandom::fill(fresh.as_mut_slice()).map_err(|e| Error::Keyring(e.to_string()))?;
    secrets.set(DATA_KEY, fresh.as_slice())?;
    // Read it back: a keyring that accepts a write and loses it would lock
    // the person out of their own drafts at the next start.
    match secrets.get(DATA_KEY)? {
        Some(stored) if stored.as_slice() == fresh.as_slice() => Ok(DataKey(fresh)),
        _ => Err(Error::Keyring("the keyring did not keep the data key".into())),
    }
}

/// Whether this data folder was set up with a passphrase.
pub fn has_passphrase(folder: &Path) -> bool {
    folder.join(SALT_FILE).is_file()
}

/// The data key of a folder protected by a passphrase. A folder without a
/// salt yet gets one, and then the passphrase must be long enough; a wrong
/// passphrase gives a key that the database refuses.
pub fn passphrase_key(folder: &Path, passphrase: &str) -> Result<DataKey> {
    let salt_path = folder.join(SALT_FILE);
    let salt = match std::fs::read(&salt_path) {
        Ok(salt) => salt,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
                return Err(Error::PassphraseTooShort {
                    min: MIN_PASSPHRASE_CHARS,
                });
            }
            new_salt(folder)?
        }
        Err(error) => return Err(error.into()),
    };
    let mut key = Zeroizing::new([0u8; 32]);
    argon2::Argon2::default()
        .hash_password_into(passphrase.as_bytes(), &salt, key.as_mut_slice())
        .map_err(|e| Error::Keyring(e.to_string()))?;
    Ok(DataKey(key))
}

fn new_salt(folder: &Path) -> Result<Vec<u8>> {
    let mut salt = vec![0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| Error::Keyring(e.to_string()))?;
    std::fs::create_dir_all(folder)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(folder.join(SALT_FILE))?;
    file.write_all(&salt)?;
    file.sync_all()?;
    Ok(salt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_passphrase_gives_the_same_key_each_time_and_another_gives_another() {
        let folder = tempfile::tempdir().unwrap();
        let first = passphrase_key(folder.path(), "mật khẩu dài").unwrap();
        let again = passphrase_key(folder.path(), "mật khẩu dài").unwrap();
        let other = passphrase_key(folder.path(), "mật khẩu khác").unwrap();
        assert_eq!(
            first.as_bytes(),
            again.as_bytes(),
            "the same passphrase must open the same folder"
        );
        assert_ne!(
            first.as_bytes(),
            other.as_bytes(),
            "a wrong passphrase must not give the key"
        );
        assert!(
            has_passphrase(folder.path()),
            "the folder remembers it uses a passphrase"
        );
    }

    #[test]
    fn a_new_folder_refuses_a_short_passphrase_and_keeps_no_salt() {
        let folder = tempfile::tempdir().unwrap();
        assert!(matches!(
            passphrase_key(folder.path(), "ngắn"),
            Err(Error::PassphraseTooShort { min: 8 })
        ));
        assert!(
            !has_passphrase(folder.path()),
            "a refused passphrase must not set up the folder"
        );
    }

    #[test]
    fn derived_keys_differ_by_purpose_and_from_the_key() {
        let folder = tempfile::tempdir().unwrap();
        let key = passphrase_key(folder.path(), "mật khẩu dài").unwrap();
        let a = key.derive("training-portal");
        let b = key.derive("something-else");
        assert_ne!(a, b, "each purpose gets its own key");
        assert_ne!(&a, key.as_bytes(), "a derived key is not the data key");
        assert_eq!(format!("{key:?}"), "DataKey(…)", "Debug never prints the key");
    }

    #[cfg(unix)]
    #[test]
    fn the_salt_file_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().unwrap();
        passphrase_key(folder.path(), "mật khẩu dài").unwrap();
        let mode = std::fs::metadata(folder.path().join(SALT_FILE))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "only the owner may read the salt");
    }
}
