//! The web view's permissions stay the smallest set the UI needs: a
//! compromised page can then reach no window, tray, menu, file or dialog API.

#[test]
fn the_main_window_may_only_listen_to_events() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/capabilities/default.json")).unwrap();
    let capability: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        capability["permissions"],
        serde_json::json!(["core:event:allow-listen", "core:event:allow-unlisten"]),
        "a new permission widens what a compromised page can do: add it here only with a reason"
    );
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/capabilities");
    let files: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(files, ["default.json"], "no other capability file grants more");
}

#[test]
fn the_content_security_policy_allows_no_foreign_form_or_base() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tauri.conf.json")).unwrap();
    let config: serde_json::Value = serde_json::from_str(&text).unwrap();
    let csp = config["app"]["security"]["csp"].as_str().unwrap();
    for directive in [
        "default-src 'self'",
        "form-action 'none'",
        "base-uri 'none'",
        "object-src 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(directive), "the CSP must contain {directive}: {csp}");
    }
    assert!(
        !csp.contains("unsafe-"),
        "neither scripts nor styles run inline or from eval: {csp}"
    );
}
