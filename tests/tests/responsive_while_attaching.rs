//! The window keeps answering while a 10 MB scan is attached: the file is
//! read, checked, hashed and encrypted off the window's thread, so a trivial
//! command sent meanwhile comes back within 50 ms.

use e2e::{App, Driver};
use serde_json::json;

/// Round trips of `current_locale` for as long as `attach_file` runs, each as
/// `[started at (ms since the epoch), took (ms)]`, and what `attach_file` answered.
const SCRIPT: &str = "const [args, done] = arguments;
    const invoke = window.__TAURI_INTERNALS__.invoke;
    const rounds = [];
    let finished = false;
    let answer = null;
    invoke('attach_file', args).then((ok) => { answer = { ok }; finished = true; }, (err) => { answer = { err }; finished = true; });
    (async () => {
      while (!finished) {
        const [at, start] = [Date.now(), performance.now()];
        await invoke('current_locale');
        rounds.push([at, performance.now() - start]);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      done({ rounds, answer });
    })();";

/// A PDF of exactly `size` bytes: a header, a comment of filler, the trailer.
fn pdf_of(size: usize) -> Vec<u8> {
    let head = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%";
    let tail = b"\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    let mut pdf = head.to_vec();
    pdf.resize(size - tail.len(), b'x');
    pdf.extend_from_slice(tail);
    pdf
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_window_answers_within_50_ms_while_a_10_mb_file_is_attached() {
    let data = tempfile::tempdir().expect("a data folder for this run");
    let files = tempfile::tempdir().expect("a folder for the citizen's files");
    let driver = Driver::start(data.path());
    let app = App::start(&driver).await;
    app.wait("#search").await;
    let draft = app
        .invoke("create_draft", json!({ "code": "1.001193", "profileId": null }))
        .await;
    let draft_id = draft["draft"]["id"].as_i64().expect("a new draft");
    let scan = files.path().join("giấy chứng sinh.pdf");
    std::fs::write(&scan, pdf_of(10_000_000)).expect("a 10 MB scan on disk");

    let picking = e2e::pick_in_file_dialog(&scan);
    let args = json!({ "draftId": draft_id, "code": "1.001193", "documentId": "giay_chung_sinh", "filterName": "PDF" });
    let reply = app
        .client
        .execute_async(SCRIPT, vec![args])
        .await
        .expect("the script runs");
    let picked = picking.join().expect("the file was picked in the dialog");
    // The dialog is the desktop's, not the app's: count the round trips from
    // a moment after it closed, while the file is read, hashed and encrypted.
    let closed = picked.duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as f64 + 200.0;

    let attached = &reply["answer"]["ok"]["attachment"];
    assert_eq!(
        attached["size"], 10_000_000,
        "the 10 MB scan is attached: {}",
        reply["answer"]
    );
    let mut rounds: Vec<f64> = reply["rounds"]
        .as_array()
        .expect("round trips")
        .iter()
        .filter_map(|round| Some((round[0].as_f64()?, round[1].as_f64()?)))
        .filter(|(at, _)| *at >= closed)
        .map(|(_, took)| took)
        .collect();
    assert!(
        rounds.len() >= 5,
        "the window was asked while the file was attached ({} times)",
        rounds.len()
    );
    rounds.sort_by(f64::total_cmp);
    let at = |share: f64| rounds[((rounds.len() - 1) as f64 * share).round() as usize];
    let (median, p99, worst) = (at(0.5), at(0.99), at(1.0));
    println!(
        "current_locale while attaching 10 MB: {} round trips, median {median:.1} ms, p99 {p99:.1} ms, worst {worst:.1} ms",
        rounds.len()
    );
    // The window answers within 50 ms (99 % of round trips, so one late
    // tick of a loaded CI machine does not decide); a window thread busy
    // hashing and sealing 10 MB holds a round trip for hundreds of ms,
    // which the bound on the worst still catches.
    assert!(p99 < 50.0, "99 % of round trips under 50 ms; p99 {p99:.1} ms");
    assert!(
        worst < 200.0,
        "no round trip waits for the attachment; the worst took {worst:.1} ms"
    );
    app.close().await;
}
