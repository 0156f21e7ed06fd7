//! Search over procedures as the user types: case- and diacritic-insensitive,
//! word order free, one typo forgiven in a longer word, ranked by where the
//! words matched (name, then keywords and synonyms, then document names).
//!
//! The index is a sorted vocabulary of folded words with postings, so a query
//! looks up each word by binary search (exact and prefix) and scans only the
//! vocabulary, not the documents, for typos.

use crate::catalog::Catalog;
use crate::fold::{fold, words};
use crate::limits::MAX_QUERY_CHARS;

/// Where in a procedure a word occurs; the order is the ranking order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// The name of a document the procedure needs.
    Document = 0,
    /// An everyday phrase or synonym.
    Keyword = 1,
    /// The procedure's name or code.
    Name = 2,
}

impl Place {
    fn weight(self) -> f32 {
        match self {
            Place::Name => 100.0,
            Place::Keyword => 40.0,
            Place::Document => 5.0,
        }
    }
}

/// How a query word met an indexed word.
const EXACT: f32 = 1.0;
const PREFIX: f32 = 0.75;
const TYPO: f32 = 0.5;
/// Words shorter than this must match exactly or as a prefix.
const TYPO_MIN_LEN: usize = 5;

/// The text of one searchable item.
#[derive(Debug, Clone, Default)]
pub struct SearchDocument {
    /// What a hit returns, e.g. the procedure code.
    pub key: String,
    /// Names in every language.
    pub names: Vec<String>,
    /// Everyday phrases and synonyms.
    pub keywords: Vec<String>,
    /// Names of the documents the procedure needs.
    pub documents: Vec<String>,
}

/// A search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The document's key.
    pub key: String,
    /// Higher is better.
    pub score: f32,
    /// Why it matched, when a query word was found only outside the name:
    /// the keyword or document name it was found in (the weakest such place).
    pub matched: Option<(Place, String)>,
}

/// An inverted index over folded words.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    keys: Vec<String>,
    folded_names: Vec<String>,
    /// Sorted, unique folded words.
    vocabulary: Vec<String>,
    /// For each vocabulary word, `(document, place, text)`: the text is an
    /// index into that document's `texts`.
    postings: Vec<Vec<(u32, Place, u32)>>,
    /// Each document's indexed texts, in order (names, keywords, documents).
    texts: Vec<Vec<String>>,
}

impl SearchIndex {
    /// Indexes every procedure of a catalog, in Vietnamese and English.
    pub fn from_catalog(catalog: &Catalog) -> Self {
        Self::new(catalog.procedures().iter().map(|p| {
            let d = &p.definition;
            SearchDocument {
                key: d.code.clone(),
                names: vec![d.name.vi.clone(), d.name.en.clone(), d.code.clone()],
                keywords: d.keywords.clone(),
                documents: d
                    .documents
                    .iter()
                    .flat_map(|doc| [doc.name.vi.clone(), doc.name.en.clone()])
                    .collect(),
            }
        }))
    }

    /// Indexes arbitrary documents.
    pub fn new(documents: impl IntoIterator<Item = SearchDocument>) -> Self {
        let mut entries: Vec<(String, u32, Place, u32)> = Vec::new();
        let mut keys = Vec::new();
        let mut folded_names = Vec::new();
        let mut all_texts = Vec::new();
        for (i, doc) in documents.into_iter().enumerate() {
            let i = i as u32;
            let places = [
                (&doc.names, Place::Name),
                (&doc.keywords, Place::Keyword),
                (&doc.documents, Place::Document),
            ];
            let mut texts: Vec<String> = Vec::new();
            for (list, place) in places {
                for text in list {
                    let t = texts.len() as u32;
                    entries.extend(words(text).into_iter().map(|w| (w, i, place, t)));
                    texts.push(text.clone());
                }
            }
            folded_names.push(doc.names.first().map(|n| fold(n)).unwrap_or_default());
            keys.push(doc.key);
            all_texts.push(texts);
        }
        entries.sort();
        entries.dedup_by(|a, b| (&a.0, a.1, a.2) == (&b.0, b.1, b.2));
        let mut vocabulary: Vec<String> = Vec::new();
        let mut postings: Vec<Vec<(u32, Place, u32)>> = Vec::new();
        for (word, doc, place, text) in entries {
            if vocabulary.last() != Some(&word) {
                vocabulary.push(word);
                postings.push(Vec::new());
            }
            if let Some(list) = postings.last_mut() {
                list.push((doc, place, text));
            }
        }
        Self {
            keys,
            folded_names,
            vocabulary,
            postings,
            texts: all_texts,
        }
    }

    /// Number of indexed documents.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The best `limit` matches for `query`, best first. Every query word
    /// that occurs anywhere in the index must match; words found nowhere
    /// ("thủ tục", "cho tôi") are ignored. Only the first
    /// [`MAX_QUERY_CHARS`] characters of the query count, so a pasted
    /// megabyte costs no more than a long sentence.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query = query
            .char_indices()
            .nth(MAX_QUERY_CHARS)
            .map_or(query, |(cut, _)| &query[..cut]);
        let query_words = words(query);
        let folded_query = query_words.join(" ");
        let n = self.keys.len();
        let mut total = vec![0.0f32; n];
        let mut matched = vec![0u16; n];
        let mut used = 0u16;
        let mut best = vec![0.0f32; n];
        // Where each document's best match of the current word is.
        let mut best_at = vec![(Place::Name, 0u32); n];
        // The weakest place any word of the query was best matched in, per document.
        let mut weakest: Vec<Option<(Place, u32)>> = vec![None; n];
        let mut touched: Vec<u32> = Vec::new();
        for (qi, word) in query_words.iter().enumerate() {
            let last = qi + 1 == query_words.len();
            for (v, strength) in self.candidates(word, last) {
                for &(doc, place, text) in &self.postings[v] {
                    let score = place.weight() * strength;
                    let d = doc as usize;
                    if best[d] == 0.0 {
                        touched.push(doc);
                    }
                    if score > best[d] {
                        best[d] = score;
                        best_at[d] = (place, text);
                    }
                }
            }
            if touched.is_empty() {
                continue;
            }
            used += 1;
            for doc in touched.drain(..) {
                let d = doc as usize;
                total[d] += best[d];
                matched[d] += 1;
                best[d] = 0.0;
                if weakest[d].is_none_or(|(place, _)| best_at[d].0 < place) {
                    weakest[d] = Some(best_at[d]);
                }
            }
        }
        let mut hits: Vec<Hit> = (0..n)
            .filter(|&d| used > 0 && matched[d] == used)
            .map(|d| {
                let phrase = if !folded_query.is_empty() && self.folded_names[d].contains(&folded_query) {
                    100.0
                } else {
                    0.0
                };
                Hit {
                    key: self.keys[d].clone(),
                    score: total[d] + phrase,
                    matched: weakest[d]
                        .filter(|(place, _)| *place != Place::Name)
                        .map(|(place, text)| (place, self.texts[d][text as usize].clone())),
                }
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.key.cmp(&b.key)));
        hits.truncate(limit);
        hits
    }

    /// Vocabulary entries that `word` matches, with how strongly.
    fn candidates(&self, word: &str, last: bool) -> Vec<(usize, f32)> {
        let start = self.vocabulary.partition_point(|v| v.as_str() < word);
        let mut out = Vec::new();
        let allow_prefix = last || word.len() >= 4;
        for (v, entry) in self.vocabulary.iter().enumerate().skip(start) {
            if !entry.starts_with(word) {
                break;
            }
            if entry == word {
                out.push((v, EXACT));
            } else if allow_prefix {
                out.push((v, PREFIX));
            }
        }
        if word.len() >= TYPO_MIN_LEN {
            out.extend(
                self.vocabulary
                    .iter()
                    .enumerate()
                    .filter(|(_, entry)| {
                        entry.len() + 1 >= word.len() && entry.len() <= word.len() + 1 && !entry.starts_with(word)
                    })
                    .filter(|(_, entry)| one_edit_apart(word.as_bytes(), entry.as_bytes()))
                    .map(|(v, _)| (v, TYPO)),
            );
        }
        out
    }
}

/// True when `a` and `b` differ by exactly one insertion, deletion,
/// substitution or swap of neighbours (Damerau–Levenshtein distance 1).
fn one_edit_apart(a: &[u8], b: &[u8]) -> bool {
    if a == b {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    match a.len() as isize - b.len() as isize {
        0 => a[1..] == b[1..] || (a.len() >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..]),
        1 => a[1..] == *b,
        -1 => *a == b[1..],
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn index() -> SearchIndex {
        let doc = |key: &str, name: &str, keywords: &[&str], documents: &[&str]| SearchDocument {
            key: key.into(),
            names: vec![name.into()],
            keywords: keywords.iter().map(|s| s.to_string()).collect(),
            documents: documents.iter().map(|s| s.to_string()).collect(),
        };
        SearchIndex::new([
            doc(
                "khai-sinh",
                "Đăng ký khai sinh",
                &["làm giấy khai sinh"],
                &["Giấy chứng sinh"],
            ),
            doc("khai-tu", "Đăng ký khai tử", &["báo tử"], &["Giấy báo tử"]),
            doc(
                "lien-thong",
                "Liên thông khai sinh, thường trú, bảo hiểm y tế",
                &[],
                &[],
            ),
            doc(
                "ket-hon",
                "Đăng ký kết hôn",
                &["cưới"],
                &["Giấy xác nhận tình trạng hôn nhân"],
            ),
            doc(
                "gplx",
                "Đổi giấy phép lái xe",
                &["đổi bằng lái"],
                &["Giấy khám sức khỏe"],
            ),
            doc(
                "hon-nhan",
                "Cấp Giấy xác nhận tình trạng hôn nhân",
                &["giấy độc thân"],
                &[],
            ),
        ])
    }

    fn keys(query: &str) -> Vec<String> {
        index().search(query, 10).into_iter().map(|h| h.key).collect()
    }

    #[test]
    fn finds_without_diacritics_and_in_any_order() {
        assert_eq!(keys("dang ky khai sinh")[0], "khai-sinh");
        assert_eq!(keys("khai sinh đăng ký")[0], "khai-sinh", "word order is free");
        assert_eq!(keys("ĐĂNG KÝ KẾT HÔN")[0], "ket-hon", "case does not matter");
    }

    #[test]
    fn says_where_a_word_outside_the_name_was_found() {
        let matched = |query: &str| index().search(query, 10).into_iter().next().and_then(|h| h.matched);
        assert_eq!(matched("dang ky khai sinh"), None, "the name says it");
        assert_eq!(matched("cuoi"), Some((Place::Keyword, "cưới".to_owned())));
        assert_eq!(
            matched("giay chung sinh"),
            Some((Place::Document, "Giấy chứng sinh".to_owned())),
            "found only in a document's name"
        );
        assert_eq!(
            matched("khai sinh chung sinh"),
            Some((Place::Document, "Giấy chứng sinh".to_owned())),
            "the weakest place any word needed"
        );
    }

    #[test]
    fn ranks_name_over_keywords_over_documents() {
        assert_eq!(
            keys("tinh trang hon nhan"),
            vec!["hon-nhan", "ket-hon"],
            "a name match beats a document match"
        );
        assert_eq!(keys("bang lai"), vec!["gplx"], "a synonym finds the procedure");
    }

    #[test]
    fn forgives_one_typo_in_a_longer_word_only() {
        assert_eq!(keys("khai sinhh")[0], "khai-sinh", "an extra letter");
        assert_eq!(
            keys("dang ky ket hno")[0],
            "ket-hon",
            "prefix of the last word is not a typo, but a swap in hno is short"
        );
        assert!(
            keys("thuogn tru").contains(&"lien-thong".to_string()),
            "a swapped pair in a 6-letter word"
        );
        assert!(keys("khaj").is_empty(), "short words must match exactly or as a prefix");
    }

    #[test]
    fn matches_as_you_type_and_ignores_unknown_words() {
        assert_eq!(
            keys("dang ky kh").len(),
            2,
            "the last word is a prefix: khai sinh and khai tu"
        );
        assert_eq!(
            keys("thu tuc dang ky khai tu")[0],
            "khai-tu",
            "words found nowhere are ignored"
        );
        assert!(keys("").is_empty() && keys("zzzz").is_empty());
    }

    #[test]
    fn a_huge_query_is_cut_and_answered_quickly() {
        let started = std::time::Instant::now();
        let query = format!("khai sinh {}", "khaj sinhh dang ".repeat(100_000));
        assert_eq!(
            keys(&query)[0],
            "khai-sinh",
            "the first words of a 1.6 MB query still find the procedure"
        );
        let many_words: String = (0..70_000).map(|i| format!("w{i} ")).collect();
        assert!(
            index().search(&many_words, 10).is_empty(),
            "70,000 distinct words neither overflow a counter nor match"
        );
        assert!(
            started.elapsed() < std::time::Duration::from_secs(2),
            "both answered quickly: {:?}",
            started.elapsed()
        );
    }

    proptest! {
        #[test]
        fn one_edit_matches_a_simple_distance(a in "[a-d]{0,6}", b in "[a-d]{0,6}") {
            let distance = strsim_levenshtein(&a, &b);
            if distance == 1 {
                prop_assert!(one_edit_apart(a.as_bytes(), b.as_bytes()), "{a} {b}");
            }
            if distance >= 3 || distance == 0 {
                prop_assert!(!one_edit_apart(a.as_bytes(), b.as_bytes()), "{a} {b}");
            }
        }
    }

    fn strsim_levenshtein(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut prev = row[0];
            row[0] = i + 1;
            for (j, cb) in b.iter().enumerate() {
                let current = row[j + 1];
                row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(row[j + 1] + 1);
                prev = current;
            }
        }
        row[b.len()]
    }
}
