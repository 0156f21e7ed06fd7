//! The answers the UI tests' backend replays, written by the Rust that
//! answers the real commands.
//!
//! The UI tests ask for what only Rust knows (an interview's state, a
//! cleaned answer, a search, a profile check, an attached file's check) and
//! their backend looks each ask up in `ui/src/test/fixtures/answers.json`.
//! The asks are listed in `asks.json` (written by `RECORD_FIXTURES=1 npm
//! test`); this test answers every ask with the real catalog, engine and
//! encrypted store, and fails when the committed answers differ. Run it
//! with `UPDATE_FIXTURES=1` to write them.

mod ui_answers;

use std::path::{Path, PathBuf};

use procedures::Catalog;
use serde_json::{Value, json};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/test/fixtures")
}

/// The answers file: one line per ask, so a change reads as a line in a diff.
fn render(entries: &[(Value, Value)]) -> String {
    let lines: Vec<String> = entries
        .iter()
        .map(|(ask, answer)| serde_json::to_string(&json!({ "ask": ask, "answer": answer })).unwrap())
        .collect();
    format!("[\n{}\n]\n", lines.join(",\n"))
}

#[test]
fn the_ui_tests_replay_what_rust_answers() {
    let asks: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(fixtures().join("asks.json")).expect("the UI tests' asks are listed"),
    )
    .unwrap();
    assert!(!asks.is_empty(), "the UI tests ask for something");
    let catalog = Catalog::bundled().unwrap();
    let entries: Vec<(Value, Value)> = asks
        .into_iter()
        .map(|ask| {
            let answer = ui_answers::answer(&catalog, &ask);
            (ask, answer)
        })
        .collect();
    let written = render(&entries);
    let path = fixtures().join("answers.json");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, written).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == written,
        "ui/src/test/fixtures/answers.json is stale: Rust now answers the UI tests' asks otherwise. \
         Run `UPDATE_FIXTURES=1 cargo test -p assistant --test ui_fixtures` and commit the file."
    );
}
