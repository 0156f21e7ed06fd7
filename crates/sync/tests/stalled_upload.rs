//! A file that stops going out halfway: the first connection through a
//! proxy on the loopback stops passing the app's bytes after 200 KB and
//! never answers. The worker says the file stalled once it sent nothing for
//! `stall_after`, gives that attempt up, and the next attempt sends the file
//! again on a new connection, to the same dossier (created once).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portal::Client;
use sync::{Config, Event, UploadProgress, Worker};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

mod common;

use common::*;

/// Bytes the first connection passes before it stalls.
const PASSED_BEFORE_STALL: usize = 200 * 1024;

/// A proxy in front of `upstream`: the first connection stalls after
/// [`PASSED_BEFORE_STALL`] bytes from the app; later ones pass freely.
async fn stalling_proxy(upstream: std::net::SocketAddr) -> String {
    let listener = small_window_listener(upstream.port());
    let url = format!("http://{}", listener.local_addr().unwrap());
    let first = Arc::new(AtomicBool::new(true));
    tokio::spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            let Ok(server) = TcpStream::connect(upstream).await else {
                continue;
            };
            let stall = first.swap(false, Ordering::SeqCst);
            let (mut client_read, mut client_write) = client.into_split();
            let (mut server_read, mut server_write) = server.into_split();
            tokio::spawn(async move {
                let mut passed = 0;
                let mut buffer = vec![0u8; 16 * 1024];
                loop {
                    if stall && passed >= PASSED_BEFORE_STALL {
                        // Hold both ends open and pass nothing more.
                        std::future::pending::<()>().await;
                    }
                    let n = match client_read.read(&mut buffer).await {
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    if server_write.write_all(&buffer[..n]).await.is_err() {
                        break;
                    }
                    passed += n;
                }
                let _ = server_write.shutdown().await;
            });
            tokio::spawn(async move {
                let _ = tokio::io::copy(&mut server_read, &mut client_write).await;
                let _ = client_write.shutdown().await;
            });
        }
    });
    url
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_file_is_told_and_sent_again_to_the_same_dossier() {
    let sandbox = start_sandbox(today()).await;
    let proxy = stalling_proxy(sandbox.addr()).await;
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(dir.path());
    let events = Arc::new(Mutex::new(Vec::new()));
    let sink = events.clone();
    let config = Config {
        retry_base: Duration::from_millis(20),
        retry_cap: Duration::from_millis(100),
        stall_after: Duration::from_secs(1),
        ..Config::default()
    };
    let worker = Worker::new(store.clone(), Client::new(&proxy).unwrap(), config, move |e| {
        sink.lock().unwrap().push(e)
    });
    worker.session().sign_in_test_account("cong-dan").await.unwrap();

    let mut pdf = b"%PDF-1.4\n".to_vec();
    let tail = b"\n%%EOF\n";
    pdf.resize(9 * 1024 * 1024 - tail.len(), b'1');
    pdf.extend_from_slice(tail);
    let (draft, payload) = ready_birth_registration(&store, dir.path(), &pdf, today());
    worker.submit(draft, &payload).unwrap();

    let started = Instant::now();
    assert_eq!(
        worker.deliver_due().await.unwrap(),
        0,
        "the stalled attempt delivers nothing"
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "given up after the stall, not the long upload timeout"
    );
    let stalled: Vec<UploadProgress> = events
        .lock()
        .unwrap()
        .iter()
        .filter_map(|e| match e {
            Event::Upload(p) if p.stalled => Some(p.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(stalled.len(), 1, "the person is told once that the file stalled");
    assert_eq!((stalled[0].draft_id, stalled[0].file, stalled[0].files), (draft, 1, 1));

    // The next attempt goes on a new connection, which passes.
    let mut delivered = 0;
    for _ in 0..50 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        delivered = worker.deliver_due().await.unwrap();
        if delivered > 0 {
            break;
        }
    }
    assert_eq!(delivered, 1, "the file went again and the dossier was delivered");
    let last = events
        .lock()
        .unwrap()
        .iter()
        .rev()
        .find_map(|e| match e {
            Event::Upload(p) => Some(p.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        (last.sent, last.total, last.stalled),
        (pdf.len() as u64, pdf.len() as u64, false)
    );
    let client = Client::new(&format!("http://{}", sandbox.addr())).unwrap();
    let token = client.sign_in_test_account("cong-dan").await.unwrap().access_token;
    let dossiers = client.changes(&token, 0).await.unwrap().dossiers;
    assert_eq!(
        dossiers.len(),
        1,
        "one dossier at the portal: the retry did not start it over"
    );
    assert_eq!(dossiers[0].attachments.len(), 1, "its file confirmed once");
    sandbox.stop().await;
}
