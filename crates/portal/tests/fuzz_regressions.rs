//! Replays every input saved under `tests/fuzz-regressions/portal_decode/`
//! through the harness the `portal_decode` fuzz target runs, on the 2 MiB
//! stack of a tokio worker. None may panic or overflow the stack.

use std::path::Path;

#[test]
fn portal_answers_replay_without_a_crash() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions/portal_decode");
    let mut inputs: Vec<Vec<u8>> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{} exists: {e}", folder.display()))
        .map(|entry| std::fs::read(entry.expect("a folder entry").path()).expect("a readable input"))
        .collect();
    assert!(!inputs.is_empty(), "the saved inputs are replayed, not skipped");
    // Every response type, chosen by the first byte, with a body nested
    // deeper than serde_json's limit.
    inputs.extend((0u8..13).map(|pick| [&[pick][..], &b"{\"a\":".repeat(10_000)].concat()));
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || inputs.iter().for_each(|input| portal::harness::decode(input)))
        .expect("a test thread starts")
        .join()
        .expect("decoding returns without a stack overflow or a failed property");
}
