//! Replays every input saved under `tests/fuzz-regressions/<target>/` (the
//! inputs that made a fuzz target of `fuzz/` fail once) through the same
//! harness the target runs, plus hand-made hostile inputs, on the 2 MiB stack
//! of a tokio worker. None may panic or overflow the stack.

use std::path::Path;

use procedures::harness::{self, on_small_stack};

/// The saved inputs of one target; the folder exists even when empty.
fn saved(target: &str) -> Vec<Vec<u8>> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    let entries = std::fs::read_dir(&folder).unwrap_or_else(|e| panic!("{} exists: {e}", folder.display()));
    let mut inputs: Vec<(std::path::PathBuf, Vec<u8>)> = entries
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.is_file())
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{} is readable: {e}", path.display()));
            (path, bytes)
        })
        .collect();
    inputs.sort();
    inputs.into_iter().map(|(_, bytes)| bytes).collect()
}

fn replay(target: &'static str, run: fn(&[u8]), hostile: Vec<Vec<u8>>) {
    on_small_stack(move || {
        for input in saved(target).into_iter().chain(hostile) {
            run(&input);
        }
    });
}

#[test]
fn condition_inputs_replay() {
    replay(
        "condition",
        harness::condition,
        vec![
            format!("{}a", "!".repeat(200_000)).into_bytes(),
            vec!["a"; 200_000].join("&&").into_bytes(),
            format!("{}a{}", "(".repeat(200_000), ")".repeat(200_000)).into_bytes(),
            format!("{}true", "not ".repeat(200_000)).into_bytes(),
        ],
    );
}

#[test]
fn definition_inputs_replay() {
    replay(
        "definition",
        harness::definition,
        vec![
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
            format!("a = {}1{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
            include_bytes!("../../../catalog/1.001193-dang-ky-khai-sinh.toml").to_vec(),
        ],
    );
}

#[test]
fn validators_inputs_replay() {
    let hostile = (0u8..8)
        .map(|pick| {
            let mut input = vec![pick];
            input.extend("Nguyễn 0912345678\n".repeat(20_000).bytes());
            input
        })
        .collect();
    replay("validators", harness::validators, hostile);
}

#[test]
fn search_inputs_replay() {
    let many_words: String = (0..70_000).map(|i| format!("w{i} ")).collect();
    replay(
        "search",
        harness::search,
        vec![many_words.into_bytes(), "khai sinhh ".repeat(100_000).into_bytes()],
    );
}
