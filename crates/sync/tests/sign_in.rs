//! Signing in and out against the sandbox portal: the browser flow (RFC 8252
//! loopback redirect with PKCE), where the "browser" is an HTTP client that
//! signs in as a test account and follows the redirect to the app; and the
//! session's tokens kept in a vault, rotated on refresh and revoked on
//! sign-out.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portal::Client;
use portal::types::Fault;
use portal_sandbox::{Config, Sandbox};
use sync::{SavedSession, TokenVault, Worker};
use tokio::io::AsyncWriteExt;

mod common;

use common::*;

/// A vault in memory, as the OS keyring would keep the session.
#[derive(Default)]
struct MemoryVault(Mutex<Option<SavedSession>>);

impl TokenVault for MemoryVault {
    fn load(&self) -> Option<SavedSession> {
        self.0.lock().unwrap().clone()
    }
    fn save(&self, session: &SavedSession) {
        *self.0.lock().unwrap() = Some(session.clone());
    }
    fn clear(&self) {
        *self.0.lock().unwrap() = None;
    }
}

fn worker(sandbox: &Sandbox, dir: &tempfile::TempDir) -> Arc<Worker> {
    Worker::new(open_store(dir.path()), client(sandbox), sync::Config::default(), |_| {})
}

/// The browser: the person picks the test account on the portal's sign-in
/// page at `url`, and the portal's redirect is followed back to the app.
/// Returns the page the app answers.
async fn approve_in_browser(url: &str) -> String {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let approved = http.get(format!("{url}&login_hint=cong-dan")).send().await.unwrap();
    let back_to_app = approved.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        back_to_app.starts_with("http://127.0.0.1:"),
        "the portal redirects to the app's loopback port"
    );
    http.get(back_to_app).send().await.unwrap().text().await.unwrap()
}

#[tokio::test]
async fn the_browser_flow_returns_to_the_app_and_gives_working_tokens() {
    let sandbox = Sandbox::start(Config::default()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let worker = worker(&sandbox, &dir);
    let (url_tx, url_rx) = tokio::sync::oneshot::channel::<String>();
    let browser = tokio::spawn(async move {
        let url = url_rx.await.unwrap();
        approve_in_browser(&url).await
    });
    worker
        .session()
        .sign_in_with_browser(|url| url_tx.send(url.to_owned()).unwrap(), "<p>Đăng nhập xong</p>")
        .await
        .expect("the code comes back and is exchanged");
    assert_eq!(
        browser.await.unwrap(),
        "<p>Đăng nhập xong</p>",
        "the browser is told it can close"
    );
    assert_eq!(
        worker.session().account().as_deref(),
        Some(sync::BROWSER_ACCOUNT),
        "signed in"
    );
    assert!(worker.refresh_catalog().await.is_ok(), "the tokens work on the API");
    sandbox.stop().await;
}

#[tokio::test]
async fn an_idle_connection_and_a_forged_redirect_do_not_stall_or_cancel_the_sign_in() {
    let sandbox = Sandbox::start(Config::default()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let worker = worker(&sandbox, &dir);
    let (url_tx, url_rx) = tokio::sync::oneshot::channel::<String>();
    let browser = tokio::spawn(async move {
        let url = url_rx.await.unwrap();
        let redirect = url::Url::parse(&url)
            .unwrap()
            .query_pairs()
            .find(|(k, _)| k == "redirect_uri")
            .map(|(_, v)| v.into_owned())
            .unwrap();
        let port = url::Url::parse(&redirect).unwrap().port().unwrap();
        // A browser's speculative preconnect: opened, then left idle.
        let idle = tokio::net::TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        // A local process that learned the port tries to cancel the sign-in.
        let mut forged = tokio::net::TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        forged
            .write_all(b"GET /callback?code=x&state=wrong HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .await
            .unwrap();
        let page = approve_in_browser(&url).await;
        drop(idle);
        page
    });
    let started = Instant::now();
    tokio::time::timeout(
        Duration::from_secs(2),
        worker
            .session()
            .sign_in_with_browser(|url| url_tx.send(url.to_owned()).unwrap(), "<p>xong</p>"),
    )
    .await
    .expect("the sign-in completes within 2 s despite the idle connection")
    .expect("the forged redirect is ignored and the real one signs in");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "no wait on the idle connection"
    );
    assert_eq!(browser.await.unwrap(), "<p>xong</p>", "the real redirect gets the page");
    sandbox.stop().await;
}

#[tokio::test]
async fn the_vault_keeps_rotated_tokens_and_sign_out_revokes_them() {
    let sandbox = Sandbox::start(Config::default()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let vault = Arc::new(MemoryVault::default());
    let first = worker(&sandbox, &dir);
    assert!(
        !first.session().use_vault(vault.clone()),
        "an empty vault restores nothing"
    );
    first.session().sign_in_test_account("cong-dan").await.unwrap();
    let signed_in = vault.load().expect("signing in saves the session in the vault");
    assert_eq!(signed_in.account, "cong-dan", "with its account");
    assert!(
        !format!("{signed_in:?}").contains(&signed_in.refresh_token),
        "a logged session does not show its tokens"
    );

    // The access token expires: the worker refreshes, and the portal rotates the refresh token.
    fault(&sandbox, Fault::ExpireTokens).await;
    first.poll_changes().await.expect("the expired token is refreshed");
    let refreshed = vault.load().expect("still signed in");
    assert_ne!(
        refreshed.refresh_token, signed_in.refresh_token,
        "the rotated refresh token is kept"
    );

    // A restart: a new worker restores the session from the vault.
    drop(first);
    let second = worker(&sandbox, &dir);
    assert!(
        second.session().use_vault(vault.clone()),
        "the saved session is restored"
    );
    assert_eq!(
        second.session().account().as_deref(),
        Some("cong-dan"),
        "as the same account"
    );
    second.poll_changes().await.expect("the restored tokens work");

    let kept = vault.load().unwrap();
    let client = Client::new(&sandbox.base_url()).unwrap();
    second.session().sign_out().await;
    assert_eq!(second.session().account(), None, "signed out");
    assert!(vault.load().is_none(), "the vault forgets the session");
    assert!(
        matches!(
            client.refresh(&kept.refresh_token).await,
            Err(portal::Error::Unauthorized)
        ),
        "the refresh token was revoked at the portal, so a kept copy is useless"
    );
    // Checked last: presenting a rotated-out token makes the portal revoke the whole family.
    assert!(
        matches!(
            client.refresh(&signed_in.refresh_token).await,
            Err(portal::Error::Unauthorized)
        ),
        "the refresh token rotated out earlier no longer works"
    );
    sandbox.stop().await;
}
