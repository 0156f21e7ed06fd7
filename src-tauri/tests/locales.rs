//! Every Fluent id the code can show exists in both locales: the engine's
//! `Message::id("…")` errors, the shell's `error-<code>`s, the UI's `t('…')`
//! calls, and the labels of every topic and life event.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use assistant::ErrorCode;
use l10n::{Locale, Localizer};
use procedures::definition::{LIFE_EVENTS, TOPICS};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
    {
        let path = entry.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if path.is_dir() && !["node_modules", "bindings", "test", "tests", "target"].contains(&name) {
            files(&path, extensions, out);
        } else if extensions.iter().any(|e| name.ends_with(e)) && !name.contains(".test.") {
            out.push(path);
        }
    }
}

/// The string literals that follow `opener` in the given files.
fn literals_after(dir: &Path, extensions: &[&str], openers: &[&str]) -> BTreeSet<String> {
    let mut paths = Vec::new();
    files(dir, extensions, &mut paths);
    let mut ids = BTreeSet::new();
    for path in paths {
        let text = fs::read_to_string(&path).unwrap_or_default();
        for opener in openers {
            for (at, _) in text.match_indices(opener) {
                let whole_word = text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                if !whole_word && !opener.starts_with("Message") {
                    continue;
                }
                let rest = &text[at + opener.len()..];
                let id: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                let closes = rest[id.len()..].starts_with(['"', '\'']);
                if !id.is_empty() && closes {
                    ids.insert(id);
                }
            }
        }
    }
    ids
}

fn assert_defined(what: &str, ids: &BTreeSet<String>) {
    let localizer = Localizer::bundled().expect("locales load");
    for locale in [Locale::Vi, Locale::En] {
        let defined = localizer.ids(locale);
        let missing: Vec<&String> = ids.iter().filter(|id| !defined.contains(*id)).collect();
        assert!(
            missing.is_empty(),
            "{what} use ids that locales/{} does not define: {missing:?}",
            locale.tag()
        );
    }
}

#[test]
fn engine_messages_are_defined() {
    let ids = literals_after(&root().join("crates/procedures/src"), &[".rs"], &["Message::id(\""]);
    assert!(
        ids.len() >= 20,
        "the scan found the engine's messages ({} of them)",
        ids.len()
    );
    assert_defined("the engine's validators", &ids);
}

#[test]
fn error_ids_written_in_rust_are_defined() {
    let mut ids = BTreeSet::new();
    for dir in ["crates", "src-tauri/src"] {
        ids.extend(
            literals_after(&root().join(dir), &[".rs"], &["\"error-"])
                .into_iter()
                .map(|id| format!("error-{id}")),
        );
    }
    assert!(
        ids.contains("error-portal-rule"),
        "the scan reaches the sandbox's message ids ({} found)",
        ids.len()
    );
    assert_defined("error ids in Rust code", &ids);
}

#[test]
fn every_error_code_has_a_message() {
    let ids: BTreeSet<String> = ErrorCode::ALL
        .iter()
        .map(|code| format!("error-{}", code.as_str()))
        .collect();
    assert_eq!(ids.len(), ErrorCode::ALL.len(), "no two codes share a wire name");
    assert_defined("the error codes", &ids);
}

#[test]
fn ui_messages_are_defined() {
    let ids = literals_after(&root().join("ui/src"), &[".ts", ".svelte"], &["t('", "t(\""]);
    assert!(
        ids.len() >= 20,
        "the scan found the UI's messages ({} of them)",
        ids.len()
    );
    assert_defined("the UI", &ids);
}

#[test]
fn topic_and_life_event_labels_are_defined() {
    let ids: BTreeSet<String> = TOPICS
        .iter()
        .map(|t| format!("topic-{t}"))
        .chain(LIFE_EVENTS.iter().map(|e| format!("life-event-{e}")))
        .collect();
    assert_defined("the catalog's topics and life events", &ids);
}
