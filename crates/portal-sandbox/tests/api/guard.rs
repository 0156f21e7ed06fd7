//! Other programs on the PC: admin routes need the run's admin token, and
//! only loopback `Host` names are served (DNS rebinding, finding #10).

use portal::types::{Fault, Status, StatusUpdate};
use portal_sandbox::{ADMIN_TOKEN_HEADER, Config, Sandbox};
use reqwest::StatusCode;

use crate::common::*;

/// Every admin route, as a request a client without the token would send.
fn admin_requests(client: &reqwest::Client, base: &str) -> Vec<(&'static str, reqwest::RequestBuilder)> {
    vec![
        (
            "PUT /admin/catalog",
            client.put(format!("{base}/admin/catalog")).json(&serde_json::json!({})),
        ),
        (
            "POST /admin/dossiers/{id}/status",
            client
                .post(format!("{base}/admin/dossiers/x/status"))
                .json(&StatusUpdate {
                    status: Status::Received,
                    note: None,
                    handler: None,
                    due_date: None,
                }),
        ),
        (
            "POST /admin/faults",
            client.post(format!("{base}/admin/faults")).json(&Fault::Clear),
        ),
    ]
}

#[tokio::test]
async fn admin_routes_need_the_runs_admin_token() {
    let sandbox = start().await;
    let base = sandbox.base_url();
    let bare = http_without_admin_token();
    for (route, request) in admin_requests(&bare, &base) {
        let response = request.send().await.unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{route} without X-Admin-Token must be refused: any local process can reach the port"
        );
        assert_eq!(problem(response).await.kind, "urn:dvc:problem:unauthorized");
    }
    for (route, request) in admin_requests(&bare, &base) {
        let response = request.header(ADMIN_TOKEN_HEADER, "guessed").send().await.unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{route} with a wrong token must be refused"
        );
    }
    for (route, request) in admin_requests(&bare, &base) {
        let response = request.header(ADMIN_TOKEN_HEADER, ADMIN_TOKEN).send().await.unwrap();
        assert_ne!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "{route} with the run's token reaches its handler"
        );
    }
    let health = bare.get(format!("{base}/health")).send().await.unwrap();
    assert_eq!(health.status(), StatusCode::OK, "only /admin/* needs the token");
    sandbox.stop().await;
}

#[tokio::test]
async fn without_a_configured_token_each_run_draws_its_own() {
    let config = || Config {
        admin_token: None,
        ..config()
    };
    let one = Sandbox::start(config()).await.unwrap();
    let two = Sandbox::start(config()).await.unwrap();
    assert!(
        one.admin_token().len() >= 43,
        "the token carries at least 256 random bits in base64url"
    );
    assert_ne!(one.admin_token(), two.admin_token(), "each run draws a fresh token");
    assert_ne!(one.admin_token(), ADMIN_TOKEN, "a random token, not the tests' one");
    let faults = |sandbox: &Sandbox, token: String| {
        http_without_admin_token()
            .post(format!("{}/admin/faults", sandbox.base_url()))
            .header(ADMIN_TOKEN_HEADER, token)
            .json(&Fault::Clear)
            .send()
    };
    assert_eq!(
        faults(&one, one.admin_token()).await.unwrap().status(),
        StatusCode::NO_CONTENT,
        "the run's own token works"
    );
    assert_eq!(
        faults(&one, two.admin_token()).await.unwrap().status(),
        StatusCode::UNAUTHORIZED,
        "another run's token does not"
    );
    let empty = Sandbox::start(Config {
        admin_token: Some(String::new()),
        ..config()
    })
    .await
    .unwrap();
    assert!(
        !empty.admin_token().is_empty(),
        "an empty token would let requests without the header through"
    );
    for sandbox in [one, two, empty] {
        sandbox.stop().await;
    }
}

#[cfg(unix)]
#[tokio::test]
async fn the_admin_token_file_is_private() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("training-admin-token");
    std::fs::write(&path, "stale").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let sandbox = Sandbox::start(Config {
        admin_token: None,
        admin_token_file: Some(path.clone()),
        ..config()
    })
    .await
    .unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        sandbox.admin_token(),
        "the file holds exactly this run's token"
    );
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "other OS users on a shared PC must not read the token");
    sandbox.stop().await;
}

#[tokio::test]
async fn a_foreign_host_header_gets_403() {
    let sandbox = start().await;
    let port = sandbox.addr().port();
    let api = Api::sign_in(&sandbox, "cong-dan").await;
    for path in [
        "/health",
        "/v1/catalog",
        "/oauth/authorize",
        "/admin/faults",
        "/no/such/path",
    ] {
        for host in [
            "evil.example".to_owned(),
            format!("evil.example:{port}"),
            format!("127.0.0.1:{}", port.wrapping_add(1)),
        ] {
            let response = api.get(path).header("host", &host).send().await.unwrap();
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "GET {path} with Host {host}: a rebinding page's requests carry its own name"
            );
            assert_eq!(problem(response).await.kind, "urn:dvc:problem:forbidden");
        }
    }
    for host in [
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        format!("127.0.0.1:{port}"),
    ] {
        let response = api.get("/v1/catalog").header("host", &host).send().await.unwrap();
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "Host {host} names the sandbox itself"
        );
    }
    sandbox.stop().await;
}
