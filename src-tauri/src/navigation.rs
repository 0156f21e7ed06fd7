//! The window shows the app's own pages only: a navigation anywhere else
//! (a link, or a compromised page sending data away in a URL) is refused.

use tauri::plugin::TauriPlugin;
use tauri::{Runtime, Url};

/// A plugin that lets every webview navigate to the app's own origin only
/// (`tauri://localhost` on Linux and macOS, `http(s)://tauri.localhost` on Windows).
pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(|_webview, url| is_app_url(url))
        .build()
}

fn is_app_url(url: &Url) -> bool {
    match (url.scheme(), url.host_str()) {
        ("tauri", Some("localhost")) => true,
        ("http" | "https", Some("tauri.localhost")) => true,
        _ => {
            tracing::warn!(scheme = url.scheme(), "a navigation away from the app was refused");
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apps_own_pages_may_load() {
        let allowed = |u: &str| is_app_url(&Url::parse(u).unwrap());
        assert!(allowed("tauri://localhost/index.html"), "the app's page on Linux");
        assert!(allowed("http://tauri.localhost/"), "the app's page on Windows");
        assert!(
            !allowed("https://example.com/?cccd=001204012345"),
            "data must not leave in a URL"
        );
        assert!(
            !allowed("http://127.0.0.1:8080/admin/catalog"),
            "not even the training portal"
        );
        assert!(!allowed("file:///etc/passwd"));
        assert!(!allowed("tauri://evil.example/"));
    }
}
