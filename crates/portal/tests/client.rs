//! The client against small HTTP servers on 127.0.0.1 that answer what a
//! broken proxy or a hostile portal would: each test checks how the answer
//! is classified.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use base64::Engine;
use ed25519_dalek::{Signer, SigningKey};
use portal::client::{MAX_RETRY_AFTER_SECS, Pkce, upload_timeout};
use portal::types::CATALOG_SIGNATURE;
use portal::{Client, Error};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A server on 127.0.0.1 that answers every request with `answer(request
/// line)` and counts the requests; returns its base URL and the counter.
async fn serve(answer: impl Fn(&str) -> Vec<u8> + Send + Sync + 'static) -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let count = Arc::new(AtomicUsize::new(0));
    let (counter, answer) = (count.clone(), Arc::new(answer));
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let (counter, answer) = (counter.clone(), answer.clone());
            tokio::spawn(async move {
                let mut request = Vec::new();
                let mut buffer = [0u8; 4096];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match socket.read(&mut buffer).await {
                        Ok(n) if n > 0 => request.extend_from_slice(&buffer[..n]),
                        _ => return,
                    }
                }
                counter.fetch_add(1, Ordering::SeqCst);
                let head = String::from_utf8_lossy(&request).into_owned();
                let line = head.lines().next().unwrap_or_default().to_owned();
                let _ = socket.write_all(&answer(&line)).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    (url, count)
}

fn response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    out
}

#[test]
fn only_https_or_this_computer_is_accepted_as_the_portal_address() {
    assert!(
        matches!(Client::new("portal.gov.vn"), Err(Error::InvalidUrl(_))),
        "an address without a scheme is refused, not a panic later"
    );
    assert!(
        matches!(Client::new("ftp://portal.gov.vn"), Err(Error::InvalidUrl(_))),
        "only http(s) is a portal address"
    );
    assert!(
        matches!(Client::new("http://portal.example"), Err(Error::InsecureUrl)),
        "plain http to another computer would send tokens in clear text"
    );
    assert!(
        matches!(Client::new("http://10.0.0.7:8080"), Err(Error::InsecureUrl)),
        "a LAN address is another computer too"
    );
    for ok in [
        "https://dichvucong.gov.vn",
        "http://127.0.0.1:8080",
        "http://[::1]:8080/",
        "http://localhost:3000",
    ] {
        let client = Client::new(ok);
        assert!(client.is_ok(), "{ok} is https or this computer: {client:?}");
    }
    assert_eq!(
        Client::new("https://dichvucong.gov.vn/").unwrap().base_url(),
        "https://dichvucong.gov.vn",
        "the trailing slash is dropped"
    );
}

#[test]
fn an_upload_timeout_leaves_room_for_a_slow_link() {
    // 10 MiB over 1 Mbit/s (125,000 bytes/s) takes about 84 s.
    let needed = Duration::from_secs_f64((10 * 1024 * 1024) as f64 / 125_000.0);
    assert!(
        upload_timeout(10 * 1024 * 1024) > needed * 2,
        "a 10 MiB upload gets more than twice what a 1 Mbit/s link needs: {:?}",
        upload_timeout(10 * 1024 * 1024)
    );
    assert_eq!(
        upload_timeout(0),
        Duration::from_secs(30),
        "small bodies keep the usual timeout"
    );
    assert!(
        upload_timeout(usize::MAX) > Duration::ZERO,
        "no overflow on absurd sizes"
    );
}

#[tokio::test]
async fn a_huge_retry_after_is_capped() {
    let (url, _) = serve(|_| response("429 Too Many Requests", &[("Retry-After", "99999999999999")], b"")).await;
    let error = Client::new(&url).unwrap().catalog("t").await.unwrap_err();
    assert!(
        matches!(error, Error::RateLimited(secs) if secs == MAX_RETRY_AFTER_SECS),
        "Retry-After is capped at one hour: {error:?}"
    );
}

#[tokio::test]
async fn a_4xx_without_a_problem_document_is_a_final_refusal() {
    let html = b"<html><body><h1>413 Request Entity Too Large</h1></body></html>";
    let (url, _) = serve(move |_| response("413 Payload Too Large", &[("Content-Type", "text/html")], html)).await;
    let error = Client::new(&url).unwrap().catalog("t").await.unwrap_err();
    assert!(
        matches!(&error, Error::Refused(p) if p.status == 413 && p.kind == "about:blank"),
        "a proxy's HTML 413 is a refusal with its status: {error:?}"
    );
    assert!(!error.is_transient(), "it is never retried");

    let (url, _) = serve(|_| response("403 Forbidden", &[("Content-Type", "text/html")], b"<p>WAF</p>")).await;
    let error = Client::new(&url).unwrap().catalog("t").await.unwrap_err();
    assert!(
        matches!(&error, Error::Refused(p) if p.status == 403) && !error.is_transient(),
        "a firewall's HTML 403 is a final refusal: {error:?}"
    );
}

#[tokio::test]
async fn a_malformed_answer_does_not_quote_the_body() {
    let (url, _) = serve(|_| {
        response(
            "200 OK",
            &[("Content-Type", "application/json")],
            br#"{"dossiers": "079203001234 Nguyen Van A", "cursor": 1}"#,
        )
    })
    .await;
    let error = Client::new(&url).unwrap().changes("t", 0).await.unwrap_err();
    let shown = error.to_string();
    assert!(
        matches!(error, Error::Malformed(_)),
        "a wrong shape is malformed: {shown}"
    );
    assert!(
        !shown.contains("079203001234") && !shown.contains("Nguyen"),
        "the error text, which is logged, does not quote the portal's data: {shown}"
    );
}

/// The bundled birth registration, as the portal would send it.
fn definition_body() -> Vec<u8> {
    let catalog = procedures::Catalog::bundled().unwrap();
    serde_json::to_vec(&catalog.get("1.001193").unwrap().definition).unwrap()
}

fn signing_key() -> SigningKey {
    SigningKey::from_bytes(&[7; 32])
}

async fn fetch(signature: Option<String>, key: Option<[u8; 32]>) -> (portal::Result<String>, usize) {
    let body = definition_body();
    let (url, count) = serve(move |_| {
        let mut headers = vec![("Content-Type", "application/json"), ("ETag", "\"1.001193@1\"")];
        if let Some(signature) = &signature {
            headers.push((CATALOG_SIGNATURE, signature.as_str()));
        }
        response("200 OK", &headers, &body)
    })
    .await;
    let mut client = Client::new(&url).unwrap();
    if let Some(key) = key {
        client = client.with_catalog_key(&key).unwrap();
    }
    let result = client
        .definition("t", "1.001193", None)
        .await
        .map(|d| d.expect("a 200 carries the definition").0.code);
    (result, count.load(Ordering::SeqCst))
}

#[tokio::test]
async fn a_definition_is_used_only_with_the_portals_signature() {
    let key = signing_key();
    let public = key.verifying_key().to_bytes();
    let good = base64::engine::general_purpose::STANDARD.encode(key.sign(&definition_body()).to_bytes());
    let (result, _) = fetch(Some(good.clone()), Some(public)).await;
    assert_eq!(
        result.unwrap(),
        "1.001193",
        "a body signed by the configured key is accepted"
    );

    let (result, _) = fetch(None, Some(public)).await;
    assert!(
        matches!(result, Err(Error::BadSignature(_))),
        "an unsigned body is refused: {result:?}"
    );

    let other = SigningKey::from_bytes(&[9; 32]);
    let forged = base64::engine::general_purpose::STANDARD.encode(other.sign(&definition_body()).to_bytes());
    let (result, _) = fetch(Some(forged), Some(public)).await;
    let error = result.unwrap_err();
    assert!(
        matches!(error, Error::BadSignature(_)) && !error.is_transient(),
        "a body signed by another key is refused for good: {error:?}"
    );

    let (result, _) = fetch(Some("not base64!".into()), Some(public)).await;
    assert!(
        matches!(result, Err(Error::BadSignature(_))),
        "a garbled signature is refused: {result:?}"
    );

    let (result, requests) = fetch(Some(good), None).await;
    assert!(
        matches!(result, Err(Error::BadSignature(_))),
        "without a configured key every update is refused: {result:?}"
    );
    assert_eq!(requests, 0, "and nothing is fetched");
}

#[tokio::test]
async fn a_signature_over_other_bytes_is_refused() {
    let key = signing_key();
    let mut body = definition_body();
    let signature = base64::engine::general_purpose::STANDARD.encode(key.sign(&body).to_bytes());
    // The same definition with one more space: the JSON means the same, the bytes differ.
    body.insert(1, b' ');
    let (url, _) = serve(move |_| response("200 OK", &[(CATALOG_SIGNATURE, signature.as_str())], &body)).await;
    let client = Client::new(&url)
        .unwrap()
        .with_catalog_key(&key.verifying_key().to_bytes())
        .unwrap();
    let result = client.definition("t", "1.001193", None).await;
    assert!(
        matches!(result, Err(Error::BadSignature(_))),
        "the signature covers the exact bytes: {result:?}"
    );
}

#[test]
fn an_invalid_catalog_key_is_refused() {
    // The y coordinate 2 has no point on the curve.
    let mut bad = [0u8; 32];
    bad[0] = 2;
    let result = Client::new("https://dichvucong.gov.vn").unwrap().with_catalog_key(&bad);
    assert!(
        matches!(result, Err(Error::InvalidKey)),
        "a key that is not a curve point is refused: {result:?}"
    );
}

#[tokio::test]
async fn revoking_posts_the_token_to_the_revocation_endpoint() {
    let (url, count) = serve(|line| {
        if line.starts_with("POST /oauth/revoke ") {
            response("200 OK", &[], b"")
        } else {
            response("404 Not Found", &[], b"")
        }
    })
    .await;
    Client::new(&url)
        .unwrap()
        .revoke("refresh-secret")
        .await
        .expect("a 200 from /oauth/revoke is success");
    assert_eq!(count.load(Ordering::SeqCst), 1, "one request was made");
}

#[test]
fn debug_of_a_pkce_pair_hides_the_verifier() {
    let pkce = Pkce::new();
    let shown = format!("{pkce:?}");
    assert!(
        !shown.contains(&pkce.verifier),
        "the verifier is a secret and must not reach a log: {shown}"
    );
}
