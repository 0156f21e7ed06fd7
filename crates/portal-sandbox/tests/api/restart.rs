//! A sandbox with a database file keeps its dossiers, tokens and published
//! catalog across a restart on the same port; stopping frees the port.

use std::net::{Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};

use portal::types::Status;
use portal_sandbox::Sandbox;
use reqwest::StatusCode;

use crate::common::*;

fn free_port() -> u16 {
    std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn a_restart_on_the_same_port_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_with_database(&dir.path().join("portal.sqlite"));
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, free_port()));
    let sandbox = Sandbox::start_on(addr, config.clone()).await.unwrap();
    assert_eq!(sandbox.base_url(), format!("http://{addr}"));
    let base = sandbox.base_url();
    let tokens = sign_in(&base, "cong-dan").await;
    let api = Api::with_token(&sandbox, &tokens.access_token);
    let first = api.create_submitted().await;
    let mut definition = api.definition("1.000656").await;
    definition["version"] = (definition["version"].as_u64().unwrap() + 1).into();
    let published = publish(&base, &definition).await;
    assert_eq!(published.status(), StatusCode::OK);
    assert_eq!(
        api.changes(0).await.dossiers.len(),
        1,
        "a pooled keep-alive connection is open"
    );

    let stopping = Instant::now();
    sandbox.stop().await;
    assert!(
        stopping.elapsed() < Duration::from_secs(3),
        "idle connections do not hold the stop"
    );
    let down = http().get(format!("{base}/health")).send().await;
    assert!(down.is_err(), "nothing listens after stop");

    let sandbox = Sandbox::start_on(addr, config)
        .await
        .expect("the same port binds again");
    let api = Api::with_token(&sandbox, &tokens.access_token);
    let kept = api.dossier(&first.id).await;
    assert_eq!(kept, first, "the dossier and the access token survive the restart");
    let second = api.create_ok(&birth_dossier_with_certificate()).await;
    assert_eq!(second.code, "X01-20261129-0002", "the day's sequence goes on");
    assert!(second.revision > first.revision);
    let fetched = api
        .get("/v1/catalog/1.000656")
        .header("if-none-match", format!("\"1.000656@{}\"", definition["version"]))
        .send()
        .await
        .unwrap();
    assert_eq!(
        fetched.status(),
        StatusCode::NOT_MODIFIED,
        "the published version survives"
    );
    let moved = admin_status(&sandbox.base_url(), &first.id, Status::Received, None).await;
    assert_eq!(moved.status(), StatusCode::OK);
    sandbox.stop().await;
}
