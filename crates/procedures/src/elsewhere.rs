//! Procedures people look for that the catalog does not carry, with where to
//! do them (`catalog/elsewhere.json`), found by the same search as the
//! catalog: "cccd" or "tam vang" then says so instead of showing nothing, or
//! a procedure that merely shares a word.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::definition::LocalizedText;
use crate::fold::words;
use crate::search::{SearchDocument, SearchIndex};

/// A procedure done outside this app, and where.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Elsewhere {
    /// Stable id.
    pub id: String,
    /// Its names, Vietnamese first.
    pub names: Vec<String>,
    /// Where and how to do it, in plain words.
    #[serde(rename = "where")]
    pub where_to: LocalizedText,
    /// Everyday words for it.
    #[serde(default, skip_serializing)]
    #[cfg_attr(feature = "specta", specta(skip))]
    keywords: Vec<String>,
}

#[derive(Deserialize)]
struct File {
    entries: Vec<Elsewhere>,
}

fn data() -> &'static (Vec<Elsewhere>, SearchIndex) {
    static DATA_AND_INDEX: OnceLock<(Vec<Elsewhere>, SearchIndex)> = OnceLock::new();
    DATA_AND_INDEX.get_or_init(|| {
        let file: File = serde_json::from_str(crate::catalog::bundled_data("elsewhere.json"))
            .expect("the bundled elsewhere.json is checked by tests");
        let index = SearchIndex::new(file.entries.iter().map(|e| SearchDocument {
            key: e.id.clone(),
            names: e.names.clone(),
            keywords: e.keywords.clone(),
            documents: Vec::new(),
        }));
        (file.entries, index)
    })
}

/// Words of a question that name no procedure ("thủ tục … cho tôi ở đâu").
const FILLER: [&str; 10] = ["thu", "tuc", "cho", "toi", "o", "dau", "nhu", "the", "nao", "muon"];

/// The entries `query` names: every word of the query (but filler words)
/// must be found in the entry's names or everyday words, so "đăng ký khai
/// sinh" does not bring up vehicle registration by its "đăng ký".
pub fn search(query: &str) -> Vec<&'static Elsewhere> {
    let (entries, index) = data();
    let meant: Vec<String> = words(query)
        .into_iter()
        .filter(|word| !FILLER.contains(&word.as_str()))
        .collect();
    if meant.iter().any(|word| index.search(word, 1).is_empty()) {
        return Vec::new();
    }
    index
        .search(&meant.join(" "), entries.len())
        .into_iter()
        .filter_map(|hit| entries.iter().find(|e| e.id == hit.key))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_loads_and_every_entry_says_where_in_both_languages() {
        let entries = &data().0;
        assert!(entries.len() >= 3);
        for entry in entries {
            assert!(
                !entry.where_to.vi.is_empty() && !entry.where_to.en.is_empty(),
                "{}",
                entry.id
            );
            assert!(!entry.names.is_empty(), "{}", entry.id);
        }
    }

    #[test]
    fn finds_what_people_type_without_diacritics() {
        let ids = |q: &str| search(q).iter().map(|e| e.id.as_str()).collect::<Vec<_>>();
        assert_eq!(ids("cccd"), ["can_cuoc"]);
        assert_eq!(ids("can cuoc cong dan"), ["can_cuoc"]);
        assert_eq!(ids("lam can cuoc"), ["can_cuoc"]);
        assert_eq!(ids("tam vang"), ["tam_vang"]);
        assert_eq!(ids("dang ky xe may"), ["dang_ky_xe"]);
        assert_eq!(
            ids("thu tuc lam can cuoc o dau"),
            ["can_cuoc"],
            "filler words are let through"
        );
        assert!(ids("khai sinh").is_empty(), "the catalog's own procedures are not here");
        assert!(ids("dang ky khai sinh").is_empty(), "every other word must match too");
    }
}
