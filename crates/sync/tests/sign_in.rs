//! Signing in through the browser (RFC 8252 loopback redirect with PKCE),
//! against the sandbox portal; the "browser" here is an HTTP client that
//! signs in as a test account and follows the redirect to the app.

use std::sync::Arc;

use portal::Client;
use portal_sandbox::{Config, Sandbox};
use store::Store;
use sync::Worker;

#[tokio::test]
async fn the_browser_flow_returns_to_the_app_and_gives_working_tokens() {
    let sandbox = Sandbox::start(Config::default()).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open(dir.path()).unwrap().0);
    let worker = Worker::new(store, Client::new(&sandbox.base_url()), sync::Config::default(), |_| {});
    let (url_tx, url_rx) = tokio::sync::oneshot::channel::<String>();
    let browser = tokio::spawn(async move {
        let url = url_rx.await.unwrap();
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        // The person picks the test account on the portal's sign-in page.
        let approved = http.get(format!("{url}&login_hint=cong-dan")).send().await.unwrap();
        let back_to_app = approved.headers()["location"].to_str().unwrap().to_owned();
        assert!(
            back_to_app.starts_with("http://127.0.0.1:"),
            "the portal redirects to the app's loopback port"
        );
        http.get(back_to_app).send().await.unwrap().text().await.unwrap()
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
