//! The signed-in account's tokens, kept in memory and refreshed when the
//! portal says the access token expired.

use std::sync::Mutex;

use portal::Client;
use portal::types::TokenResponse;

/// The account name recorded for a sign-in through the browser, where the
/// portal, not the app, knows who signed in.
pub const BROWSER_ACCOUNT: &str = "browser";

/// Tokens of the signed-in account.
pub struct Session {
    client: Client,
    tokens: Mutex<Option<(String, TokenResponse)>>,
}

impl Session {
    pub(crate) fn new(client: Client) -> Self {
        Self {
            client,
            tokens: Mutex::new(None),
        }
    }

    fn tokens(&self) -> std::sync::MutexGuard<'_, Option<(String, TokenResponse)>> {
        self.tokens.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Signs in a sandbox test account (training mode).
    pub async fn sign_in_test_account(&self, account: &str) -> portal::Result<()> {
        let tokens = self.client.sign_in_test_account(account).await?;
        *self.tokens() = Some((account.to_owned(), tokens));
        Ok(())
    }

    /// Signs in through the user's browser; `open` opens the URL and
    /// `done_page` is the HTML the browser shows afterwards.
    pub async fn sign_in_with_browser(&self, open: impl FnOnce(&str), done_page: &str) -> portal::Result<()> {
        let tokens = self.client.sign_in_with_browser(open, done_page).await?;
        *self.tokens() = Some((BROWSER_ACCOUNT.to_owned(), tokens));
        Ok(())
    }

    /// Forgets the tokens.
    pub fn sign_out(&self) {
        *self.tokens() = None;
    }

    /// The signed-in account, if any.
    pub fn account(&self) -> Option<String> {
        self.tokens().as_ref().map(|(account, _)| account.clone())
    }

    /// The current access token, if signed in.
    pub(crate) fn access_token(&self) -> Option<String> {
        self.tokens().as_ref().map(|(_, t)| t.access_token.clone())
    }

    /// Replaces an expired access token; signs out when refreshing fails
    /// for a reason other than the portal being unreachable.
    pub(crate) async fn refresh(&self) -> portal::Result<String> {
        let Some((account, refresh_token)) = self
            .tokens()
            .as_ref()
            .map(|(a, t)| (a.clone(), t.refresh_token.clone()))
        else {
            return Err(portal::Error::Unauthorized);
        };
        match self.client.refresh(&refresh_token).await {
            Ok(tokens) => {
                let access = tokens.access_token.clone();
                *self.tokens() = Some((account, tokens));
                Ok(access)
            }
            Err(error) => {
                if !error.is_transient() {
                    self.sign_out();
                }
                Err(error)
            }
        }
    }
}
