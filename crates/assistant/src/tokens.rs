//! Where the portal session's tokens are kept between runs: the OS keyring,
//! or, on a PC without one, the encrypted database itself.

use std::sync::Arc;

use store::Store;
use sync::{SavedSession, TokenVault};
use vault::SecretStore;
use zeroize::Zeroizing;

/// Name of the secret holding the portal session.
const SESSION: &str = "portal-session";

/// The encrypted store as a secret store, for PCs without an OS keyring.
pub struct InStore(pub Arc<Store>);

impl SecretStore for InStore {
    fn get(&self, name: &str) -> vault::Result<Option<Zeroizing<Vec<u8>>>> {
        self.0
            .secret(name)
            .map(|found| found.map(Zeroizing::new))
            .map_err(|e| vault::Error::Keyring(e.to_string()))
    }

    fn set(&self, name: &str, secret: &[u8]) -> vault::Result<()> {
        self.0
            .set_secret(name, secret)
            .map_err(|e| vault::Error::Keyring(e.to_string()))
    }

    fn delete(&self, name: &str) -> vault::Result<()> {
        self.0
            .delete_secret(name)
            .map_err(|e| vault::Error::Keyring(e.to_string()))
    }
}

/// The portal session kept as one JSON secret.
pub struct SessionVault(pub Arc<dyn SecretStore>);

impl TokenVault for SessionVault {
    fn load(&self) -> Option<SavedSession> {
        match self.0.get(SESSION) {
            Ok(found) => found.and_then(|bytes| serde_json::from_slice(&bytes).ok()),
            Err(error) => {
                tracing::warn!(%error, "the saved portal session could not be read; signing in again");
                None
            }
        }
    }

    fn save(&self, session: &SavedSession) {
        let json = Zeroizing::new(serde_json::to_vec(session).expect("a session serializes"));
        if let Err(error) = self.0.set(SESSION, &json) {
            tracing::warn!(%error, "the portal session could not be kept; it lasts until the app closes");
        }
    }

    fn clear(&self) {
        if let Err(error) = self.0.delete(SESSION) {
            tracing::warn!(%error, "the saved portal session could not be forgotten");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_kept_in_the_encrypted_store_comes_back_and_goes() {
        let folder = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(folder.path(), &store::StoreKey::generate()).unwrap();
        let vault = SessionVault(Arc::new(InStore(Arc::new(store))));
        assert!(vault.load().is_none(), "a new folder has no session");
        let session = SavedSession {
            account: "cong-dan".into(),
            access_token: "access-1".into(),
            refresh_token: "refresh-1".into(),
            me: Some(portal::types::Me {
                account: "can-bo".into(),
                name: "Lê Thị Hoa".into(),
                role: portal::types::Role::Officer,
            }),
        };
        vault.save(&session);
        assert_eq!(vault.load(), Some(session), "the next start finds the session");
        vault.clear();
        assert!(vault.load().is_none(), "signing out forgets it");
    }

    #[test]
    fn a_session_saved_before_roles_loads_as_nobody_known() {
        let saved: SavedSession =
            serde_json::from_str(r#"{"account":"cong-dan","access_token":"a","refresh_token":"r"}"#).unwrap();
        assert_eq!(saved.me, None);
    }
}
