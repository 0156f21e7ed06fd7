//! A large file over a slow uplink: a 10 MiB PDF goes to the sandbox portal
//! through a proxy on the loopback that lets the app send only 1 Mbit/s. The
//! upload takes about 84 s, far past the 30 s allowed for ordinary
//! requests, and must still arrive, telling its progress as it goes. In its own file so it runs alongside
//! the other tests.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portal::Client;
use sync::{Config, Event, UploadProgress, Worker};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

mod common;

use common::*;

/// 1 Mbit/s.
const UPLINK_BYTES_PER_SEC: f64 = 125_000.0;

/// Copies `from` to `to` at most [`UPLINK_BYTES_PER_SEC`].
async fn throttled_copy(mut from: tokio::net::tcp::OwnedReadHalf, mut to: tokio::net::tcp::OwnedWriteHalf) {
    let started = Instant::now();
    let mut sent = 0usize;
    let mut buffer = vec![0u8; 12_500];
    loop {
        let n = match from.read(&mut buffer).await {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if to.write_all(&buffer[..n]).await.is_err() {
            break;
        }
        sent += n;
        let due = Duration::from_secs_f64(sent as f64 / UPLINK_BYTES_PER_SEC);
        if let Some(wait) = due.checked_sub(started.elapsed()) {
            tokio::time::sleep(wait).await;
        }
    }
    let _ = to.shutdown().await;
}

/// A proxy in front of `upstream` (the sandbox on 127.0.0.1): the
/// client→server direction is limited to 1 Mbit/s, the answers pass freely.
/// It listens on [::1] with the sandbox's own port, so the `Host` the app
/// sends (`[::1]:<port>`) is one the sandbox answers. Returns its base URL.
async fn throttling_proxy(upstream: std::net::SocketAddr) -> String {
    let listener = small_window_listener(upstream.port());
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let Ok(server) = TcpStream::connect(upstream).await else {
                continue;
            };
            let (client_read, mut client_write) = client.into_split();
            let (mut server_read, server_write) = server.into_split();
            tokio::spawn(throttled_copy(client_read, server_write));
            tokio::spawn(async move {
                let _ = tokio::io::copy(&mut server_read, &mut client_write).await;
                let _ = client_write.shutdown().await;
            });
        }
    });
    url
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_10_mib_pdf_gets_through_a_1_mbit_uplink() {
    let sandbox = start_sandbox(today()).await;
    let proxy = throttling_proxy(sandbox.addr()).await;
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = events.clone();
    let worker = Worker::new(
        store.clone(),
        Client::new(&proxy).unwrap(),
        Config::default(),
        move |e| sink.lock().unwrap().push(e),
    );
    worker.session().sign_in_test_account("cong-dan").await.unwrap();

    // Exactly 10 MiB, the most the birth certificate document allows.
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let tail = b"\n%%EOF\n";
    pdf.resize(10 * 1024 * 1024 - tail.len(), b'0');
    pdf.extend_from_slice(tail);
    let (draft, payload) = ready_birth_registration(&store, dir.path(), &pdf, today());
    worker.submit(draft, &payload).unwrap();

    let started = Instant::now();
    let delivered = worker.deliver_due().await.unwrap();
    assert!(
        started.elapsed() > Duration::from_secs(60),
        "the proxy really throttled the upload: {:?}",
        started.elapsed()
    );
    assert_eq!(
        delivered, 1,
        "the upload finished in one attempt, not cut off after 30 s"
    );
    let events = std::mem::take(&mut *events.lock().unwrap());
    assert!(
        events
            .iter()
            .any(|e| matches!(e, Event::Delivered { draft_id, .. } if *draft_id == draft)),
        "the draft ends Delivered"
    );
    // The person saw it go, always forward. The system's send buffer takes
    // the file in steps of a megabyte or more as the link drains it (here
    // 0, 4.1, 5.9, 7.3, 8.8, 10.3 and 10.5 MB), so the steps are coarse.
    let progress: Vec<&UploadProgress> = events
        .iter()
        .filter_map(|e| match e {
            Event::Upload(p) => Some(p),
            _ => None,
        })
        .collect();
    assert!(
        progress.len() >= 5,
        "{} progress reports over the upload",
        progress.len()
    );
    assert!(
        progress.windows(2).all(|w| w[0].sent <= w[1].sent),
        "progress never goes back"
    );
    assert!(
        progress
            .iter()
            .all(|p| p.draft_id == draft && p.file == 1 && p.files == 1 && !p.stalled),
        "one file, never stalled"
    );
    let last = progress.last().unwrap();
    assert_eq!(
        (last.sent, last.total),
        (pdf.len() as u64, pdf.len() as u64),
        "it ends at the whole file"
    );
    let halfway = progress.iter().filter(|p| p.sent > 0 && p.sent < p.total).count();
    assert!(
        halfway >= 3,
        "{halfway} reports part-way, not only the start and the end"
    );
    sandbox.stop().await;
}
