//! The signed-in account's tokens: kept in memory for the calls, saved in a
//! [`TokenVault`] (the OS keyring in the app) so a restart stays signed in,
//! refreshed one at a time when the portal says the access token expired,
//! and revoked at the portal on sign-out.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use portal::Client;
use portal::types::{Me, REDACTED, TokenResponse};
use serde::{Deserialize, Serialize};
use tokio::sync::Notify;

/// The account name recorded for a sign-in through the browser, where the
/// portal, not the app, knows who signed in.
pub const BROWSER_ACCOUNT: &str = "browser";

/// A signed-in session as a vault keeps it. Its `Debug` hides the tokens.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedSession {
    /// The account (a test account's name, or [`BROWSER_ACCOUNT`]).
    pub account: String,
    /// Bearer token for the API.
    pub access_token: String,
    /// Token to get a new access token.
    pub refresh_token: String,
    /// Who the portal says signed in, and their role (absent in sessions
    /// saved by an earlier version, which then count as a citizen's).
    #[serde(default)]
    pub me: Option<Me>,
}

impl std::fmt::Debug for SavedSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SavedSession")
            .field("account", &self.account)
            .field("access_token", &REDACTED)
            .field("refresh_token", &REDACTED)
            .field("role", &self.me.as_ref().map(|me| me.role))
            .finish()
    }
}

/// Where the session's tokens are kept between runs (the OS keyring in the
/// app). Calls are made from async code and must be quick; a vault that
/// fails logs it and behaves as empty.
pub trait TokenVault: Send + Sync {
    /// The saved session, if any.
    fn load(&self) -> Option<SavedSession>;
    /// Replaces the saved session.
    fn save(&self, session: &SavedSession);
    /// Forgets the saved session.
    fn clear(&self);
}

/// Tokens of the signed-in account.
pub struct Session {
    client: Client,
    tokens: Mutex<Option<SavedSession>>,
    vault: Mutex<Option<Arc<dyn TokenVault>>>,
    /// Held while a refresh is in flight: with rotating refresh tokens, two
    /// refreshes with the same token would sign the user out.
    refreshing: tokio::sync::Mutex<()>,
    sign_ins: AtomicU64,
    wake: Arc<Notify>,
}

impl Session {
    pub(crate) fn new(client: Client, wake: Arc<Notify>) -> Self {
        Self {
            client,
            tokens: Mutex::new(None),
            vault: Mutex::new(None),
            refreshing: tokio::sync::Mutex::new(()),
            sign_ins: AtomicU64::new(0),
            wake,
        }
    }

    fn tokens(&self) -> MutexGuard<'_, Option<SavedSession>> {
        self.tokens.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn vault(&self) -> Option<Arc<dyn TokenVault>> {
        self.vault.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Keeps the session in `vault` from now on, and restores the session it
    /// holds, if any (then the worker starts as after a sign-in). Returns
    /// whether a session was restored.
    pub fn use_vault(&self, vault: Arc<dyn TokenVault>) -> bool {
        let saved = vault.load();
        *self.vault.lock().unwrap_or_else(|p| p.into_inner()) = Some(vault);
        match saved {
            Some(saved) => {
                *self.tokens() = Some(saved);
                self.signed_in();
                true
            }
            None => false,
        }
    }

    /// Signs in a sandbox test account (training mode).
    pub async fn sign_in_test_account(&self, account: &str) -> portal::Result<()> {
        let tokens = self.client.sign_in_test_account(account).await?;
        let me = self.client.me(&tokens.access_token).await?;
        self.keep(account, tokens, me);
        Ok(())
    }

    /// Signs in through the user's browser; `open` opens the URL and
    /// `done_page` is the HTML the browser shows afterwards.
    pub async fn sign_in_with_browser(&self, open: impl FnOnce(&str), done_page: &str) -> portal::Result<()> {
        let tokens = self.client.sign_in_with_browser(open, done_page).await?;
        let me = self.client.me(&tokens.access_token).await?;
        self.keep(BROWSER_ACCOUNT, tokens, me);
        Ok(())
    }

    fn keep(&self, account: &str, tokens: TokenResponse, me: Me) {
        let session = SavedSession {
            account: account.to_owned(),
            access_token: tokens.access_token,
            refresh_token: tokens.refresh_token,
            me: Some(me),
        };
        if let Some(vault) = self.vault() {
            vault.save(&session);
        }
        *self.tokens() = Some(session);
        self.signed_in();
    }

    /// Tells the worker to poll and check the catalog now.
    fn signed_in(&self) {
        self.sign_ins.fetch_add(1, Ordering::Relaxed);
        self.wake.notify_one();
    }

    /// How many sign-ins (and restored sessions) happened so far.
    pub(crate) fn sign_ins(&self) -> u64 {
        self.sign_ins.load(Ordering::Relaxed)
    }

    /// Forgets the tokens here and in the vault, then revokes them at the
    /// portal so a copy kept anywhere stops working. Revoking is best
    /// effort: a failure (the portal offline) is logged, and the user is
    /// signed out on this computer either way.
    pub async fn sign_out(&self) {
        let Some(session) = self.forget() else {
            return;
        };
        let (refresh, access) = futures_util::future::join(
            self.client.revoke(&session.refresh_token),
            self.client.revoke(&session.access_token),
        )
        .await;
        if let Err(error) = refresh.and(access) {
            tracing::warn!(%error, "sign-out: the portal could not revoke the tokens");
        }
    }

    /// Drops the tokens from memory and from the vault; returns them.
    fn forget(&self) -> Option<SavedSession> {
        let session = self.tokens().take();
        if let Some(vault) = self.vault() {
            vault.clear();
        }
        session
    }

    /// The signed-in account, if any.
    pub fn account(&self) -> Option<String> {
        self.tokens().as_ref().map(|s| s.account.clone())
    }

    /// Who the portal says is signed in, if anyone is and it said.
    pub fn me(&self) -> Option<Me> {
        self.tokens().as_ref().and_then(|s| s.me.clone())
    }

    /// The current access token, if signed in.
    pub(crate) fn access_token(&self) -> Option<String> {
        self.tokens().as_ref().map(|s| s.access_token.clone())
    }

    /// Replaces the expired access token `stale`; returns the new one. Only
    /// one refresh runs at a time, and a caller whose token was already
    /// replaced meanwhile gets the new one without a second refresh. A
    /// rotated refresh token replaces the old one. Signs out (without
    /// revoking) when refreshing fails for a reason other than the portal
    /// being unreachable.
    pub(crate) async fn refresh(&self, stale: &str) -> portal::Result<String> {
        let _one_at_a_time = self.refreshing.lock().await;
        let Some(current) = self.tokens().clone() else {
            return Err(portal::Error::Unauthorized);
        };
        if current.access_token != stale {
            return Ok(current.access_token);
        }
        match self.client.refresh(&current.refresh_token).await {
            Ok(tokens) => {
                let session = SavedSession {
                    account: current.account,
                    me: current.me,
                    access_token: tokens.access_token,
                    refresh_token: if tokens.refresh_token.is_empty() {
                        current.refresh_token
                    } else {
                        tokens.refresh_token
                    },
                };
                let access = session.access_token.clone();
                let mut tokens = self.tokens();
                if tokens.is_none() {
                    // Signed out while the refresh was in flight: stay signed out.
                    return Err(portal::Error::Unauthorized);
                }
                if let Some(vault) = self.vault() {
                    vault.save(&session);
                }
                *tokens = Some(session);
                Ok(access)
            }
            Err(error) => {
                if !error.is_transient() {
                    self.forget();
                }
                Err(error)
            }
        }
    }
}
