//! Search over procedures as the user types: case- and diacritic-insensitive,
//! word order free, one typo forgiven in a longer word, ranked by where the
//! words matched (name, then keywords and synonyms, then document names).
//!
//! The index is a sorted vocabulary of folded words with postings, so a query
//! looks up each word by binary search (exact and prefix) and scans only the
//! vocabulary, not the documents, for typos.

use std::collections::HashMap;

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
/// What a query that is word for word one of a procedure's keywords adds,
/// against the query found inside its name: "đăng ký hộ kinh doanh" is said
/// of registering one, though four names hold the words.
const EXACT_PHRASE: f32 = 1.25;
/// Words shorter than this must match exactly or as a prefix.
const TYPO_MIN_LEN: usize = 5;

/// Share of a query's words (small talk aside) that a document must match,
/// with a telling match, to be a result of [`SearchIndex::search_forgiving`].
pub const MIN_SHARE: f32 = 0.4;
/// A word is distinctive when it names (in a name or keyword) at most one
/// document in this many, or at most two.
const DISTINCTIVE_SHARE: usize = 8;
/// Words of a query [`SearchIndex::search_forgiving`] looks at, small talk aside.
const MAX_FORGIVING_WORDS: usize = 32;
/// Folded words of everyday questions that name no procedure, sorted: who
/// asks ("tôi", "em", "mình"), politeness ("ạ", "nhé", "xin", "chào"),
/// question words ("gì", "đâu", "sao", "không") and the verbs and linking
/// words around them. Words that fold into a procedure's word are left out
/// ("cần" is "căn" of căn cước, "thế" is "thẻ", "để" is "đẻ", "nhà",
/// "mất", "từ" is "tử"), but for "bạn": the "bản" of "bản sao" and the
/// "bán" of "bán hàng" never name a procedure alone, while "xin chào bạn"
/// must find nothing.
const STOP_WORDS: [&str; 59] = [
    "a", "ah", "anh", "ban", "bay", "bi", "cac", "chao", "chi", "cho", "co", "cua", "da", "dau", "di", "duoc", "em",
    "gi", "gio", "giup", "hay", "hoac", "hoi", "hom", "khi", "khong", "la", "lam", "long", "ma", "minh", "moi", "mot",
    "muon", "nao", "nay", "neu", "nhe", "nhieu", "nhu", "nhung", "o", "oi", "phai", "rat", "roi", "sao", "se", "tai",
    "thi", "thu", "toi", "tuc", "va", "vay", "ve", "voi", "vua", "xin",
];

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
    /// Each document's keywords and the names of the papers it needs,
    /// folded, for a query typed inside one of them.
    folded_phrases: Vec<Vec<String>>,
    /// The same keywords and paper names, folded, with the documents that
    /// have each: the query's runs of words are looked up here.
    phrases: HashMap<String, Vec<u32>>,
    /// The most words in one of `phrases`.
    longest_phrase: usize,
    /// Sorted, unique folded words.
    vocabulary: Vec<String>,
    /// For each vocabulary word, `(document, place, text)`: the text is an
    /// index into that document's `texts`.
    postings: Vec<Vec<(u32, Place, u32)>>,
    /// Each document's indexed texts, in order (names, keywords, documents).
    texts: Vec<Vec<String>>,
}

/// Per document, the best match of the query word being looked up: its
/// score and where, and which documents it met.
struct BestOfWord<'a> {
    best: &'a mut [f32],
    best_at: &'a mut [(Place, u32)],
    touched: &'a mut Vec<u32>,
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
        let mut folded_phrases = Vec::new();
        let mut phrases: HashMap<String, Vec<u32>> = HashMap::new();
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
            let folded: Vec<String> = doc.keywords.iter().chain(&doc.documents).map(|k| fold(k)).collect();
            for phrase in &folded {
                let holders = phrases.entry(phrase.clone()).or_default();
                if holders.last() != Some(&i) {
                    holders.push(i);
                }
            }
            folded_phrases.push(folded);
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
        let longest_phrase = phrases.keys().map(|p| p.split(' ').count()).max().unwrap_or(0);
        Self {
            keys,
            folded_names,
            folded_phrases,
            phrases,
            longest_phrase,
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
            let mut best_of_word = BestOfWord {
                best: &mut best,
                best_at: &mut best_at,
                touched: &mut touched,
            };
            self.meet(&self.candidates(word, last), &mut best_of_word, |_, _, _| {});
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

    /// The best `limit` matches for `query` when not every word need match,
    /// best first: the catalog's search, for queries as people ask them
    /// ("bố tôi mới mất, cần làm giấy tờ gì"). Small talk ("tôi", "làm",
    /// "thủ tục", "ạ" and numbers) is dropped first; a typo is forgiven in a
    /// word of five letters or more, and a swap of two letters in a
    /// four-letter word; a word typed in Telex with the input method off
    /// ("ddawng kys") is read as what it spells.
    ///
    /// Each remaining word scores for a document by where it matched best
    /// (name, keyword, document name) and by how rare it is in the index, so
    /// "sinh" counts more than "giấy". A document is a result when it
    /// matches every remaining word, or when it matches at least
    /// [`MIN_SHARE`] of them (a word the index has never seen counting half)
    /// and the match is telling: a distinctive word in its name or keywords
    /// ("hộ chiếu", "BHTN"), two neighbouring query words in the same name
    /// or keyword, one of them naming at most half of the documents (not
    /// "đăng ký"), or a whole keyword of two words or more said in the query.
    /// So extra words lower a procedure's score and place but never empty
    /// the list, while "xin chào", nonsense, or a sentence that shares a
    /// couple of common words ("giá", "bao") with procedures finds nothing.
    /// The score is the share of what the query could have scored, so a
    /// longer sentence scores lower.
    pub fn search_forgiving(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query = query
            .char_indices()
            .nth(MAX_QUERY_CHARS)
            .map_or(query, |(cut, _)| &query[..cut]);
        let all_words = words(query);
        let folded_query = all_words.join(" ");
        let n = self.keys.len();
        let saying = self.phrases_said(&all_words, n);
        let exact: &[u32] = self.phrases.get(&folded_query).map_or(&[], Vec::as_slice);
        let mut query_words: Vec<(String, bool)> = Vec::new();
        for (i, word) in all_words.iter().enumerate() {
            if query_words.len() == MAX_FORGIVING_WORDS {
                break;
            }
            let small_talk =
                STOP_WORDS.binary_search(&word.as_str()).is_ok() || word.bytes().all(|b| b.is_ascii_digit());
            if !small_talk && !query_words.iter().any(|(w, _)| w == word) {
                query_words.push((word.clone(), i + 1 == all_words.len()));
            }
        }
        let mut total = vec![0.0f32; n];
        let mut matched = vec![0u16; n];
        // Whether a document met a distinctive word, or two query words in one
        // of its names or keywords; and the texts (as bits) its earlier words met.
        let mut telling = vec![false; n];
        let mut seen_texts = vec![0u64; n];
        let mut seen_specific = vec![0u64; n];
        // Which query word (counting from 1) last met each document: two words
        // tell together only next to each other in the query, so "giá vàng
        // hôm nay bao nhiêu" is not "khai báo tạm vắng".
        let mut last_word = vec![0u16; n];
        let mut word_texts = vec![0u64; n];
        let mut best = vec![0.0f32; n];
        let mut best_at = vec![(Place::Name, 0u32); n];
        let mut weakest: Vec<Option<(Place, u32)>> = vec![None; n];
        let mut touched: Vec<u32> = Vec::new();
        // What a query word matching a name exactly adds; unknown words count as
        // rare as can be.
        let mut possible = 0.0f32;
        let mut known = 0usize;
        let rarest = (1.0 + n as f32).ln();
        for (i, (word, last)) in query_words.iter().enumerate() {
            let mut candidates = self.candidates(word, *last);
            candidates.extend(self.swaps(word));
            if candidates.is_empty()
                && let Some(spelt) = untelex(word)
            {
                // A tone key ends a word: what it spells is complete.
                candidates = self.candidates(&spelt, false);
            }
            let mut best_of_word = BestOfWord {
                best: &mut best,
                best_at: &mut best_at,
                touched: &mut touched,
            };
            self.meet(&candidates, &mut best_of_word, |d, place, text| {
                if place >= Place::Keyword {
                    word_texts[d] |= 1 << (text % 64);
                }
            });
            if touched.is_empty() {
                possible += Place::Name.weight() * rarest;
                continue;
            }
            known += 1;
            let found_in = touched.len();
            let idf = (1.0 + n as f32 / found_in as f32).ln();
            possible += Place::Name.weight() * idf;
            // Distinctive: it names very few procedures (in a name or keyword),
            // as "hộ chiếu" or "BHTN" do and "giấy", "gia" or "bảo" do not.
            let naming = touched.iter().filter(|&&d| word_texts[d as usize] != 0).count();
            let distinctive = naming <= (n / DISTINCTIVE_SHARE).max(2);
            // Two common words together ("đăng ký", "giấy tờ") tell nothing.
            let specific = naming * 2 <= n;
            for doc in touched.drain(..) {
                let d = doc as usize;
                total[d] += best[d] * idf;
                matched[d] += 1;
                if usize::from(last_word[d]) != i {
                    seen_texts[d] = 0;
                    seen_specific[d] = 0;
                }
                last_word[d] = i as u16 + 1;
                let together = if specific { seen_texts[d] } else { seen_specific[d] };
                telling[d] |= (distinctive && word_texts[d] != 0) || together & word_texts[d] != 0;
                seen_texts[d] |= word_texts[d];
                if specific {
                    seen_specific[d] |= word_texts[d];
                }
                word_texts[d] = 0;
                best[d] = 0.0;
                if weakest[d].is_none_or(|(place, _)| best_at[d].0 < place) {
                    weakest[d] = Some(best_at[d]);
                }
            }
        }
        let words = query_words.len();
        // A word the index has never seen may be an everyday word or a typo
        // beyond forgiving: it counts half. One word of three or more is
        // never enough ("thời tiết hôm nay" is not about "thôi hưởng").
        let at_least = if words >= 3 { 2 } else { 1 };
        let needed = (((words + known) as f32 / 2.0 * MIN_SHARE).ceil() as usize).max(at_least);
        let mut found: Vec<(f32, usize)> = (0..n)
            .filter(|&d| {
                let m = usize::from(matched[d]);
                m > 0 && (m == words || (m >= needed && (telling[d] || saying[d])))
            })
            .map(|d| {
                // The whole query is one of its keywords, word for word; or
                // it is in the name as typed; or in a keyword or a paper's
                // name, or one of those (of two words or more) is in the query.
                let phrase = if exact.binary_search(&(d as u32)).is_ok() {
                    EXACT_PHRASE * Place::Name.weight() * rarest
                } else if self.folded_names[d].contains(&folded_query) {
                    Place::Name.weight() * rarest
                } else if saying[d] || self.folded_phrases[d].iter().any(|k| k.contains(&folded_query)) {
                    Place::Keyword.weight() * rarest
                } else {
                    0.0
                };
                (100.0 * (total[d] + phrase) / possible, d)
            })
            .collect();
        // Only the best `limit` are sorted and built.
        let order =
            |a: &(f32, usize), b: &(f32, usize)| b.0.total_cmp(&a.0).then_with(|| self.keys[a.1].cmp(&self.keys[b.1]));
        if found.len() > limit && limit > 0 {
            found.select_nth_unstable_by(limit - 1, order);
        }
        found.truncate(limit);
        found.sort_by(order);
        found
            .into_iter()
            .map(|(score, d)| Hit {
                key: self.keys[d].clone(),
                score,
                matched: weakest[d]
                    .filter(|(place, _)| *place != Place::Name)
                    .map(|(place, text)| (place, self.texts[d][text as usize].clone())),
            })
            .collect()
    }

    /// Which documents have a keyword or paper name of two words or more
    /// that the query says whole ("bố tôi mới mất"): each run of the query's
    /// words is looked up, so the cost is the query's, not the catalog's.
    fn phrases_said(&self, words: &[String], n: usize) -> Vec<bool> {
        let mut saying = vec![false; n];
        let mut run = String::new();
        for start in 0..words.len() {
            run.clear();
            run.push_str(&words[start]);
            for word in words.iter().skip(start + 1).take(self.longest_phrase.saturating_sub(1)) {
                run.push(' ');
                run.push_str(word);
                for &d in self.phrases.get(run.as_str()).map_or(&[][..], Vec::as_slice) {
                    saying[d as usize] = true;
                }
            }
        }
        saying
    }

    /// Vocabulary entries a four-letter `word` meets with two neighbouring
    /// letters swapped ("snih" for "sinh"); longer words get this from
    /// [`Self::candidates`], and a substitution in so short a word too often
    /// makes another word ("tinh" for "sinh").
    fn swaps(&self, word: &str) -> Vec<(usize, f32)> {
        if word.len() != TYPO_MIN_LEN - 1 {
            return Vec::new();
        }
        let mut bytes = word.as_bytes().to_vec();
        let mut out = Vec::new();
        for i in 0..bytes.len() - 1 {
            if bytes[i] == bytes[i + 1] {
                continue;
            }
            bytes.swap(i, i + 1);
            if let Ok(swapped) = std::str::from_utf8(&bytes)
                && let Ok(v) = self.vocabulary.binary_search_by(|e| e.as_str().cmp(swapped))
            {
                out.push((v, TYPO));
            }
            bytes.swap(i, i + 1);
        }
        out
    }

    /// Vocabulary entries that `word` matches, with how strongly.
    /// Every document the candidate words of one query word meet: its best
    /// score for that word and where, the documents met for the first time
    /// in `touched`; `each` sees every place met (document, place, text).
    fn meet(&self, candidates: &[(usize, f32)], word: &mut BestOfWord<'_>, mut each: impl FnMut(usize, Place, u32)) {
        for &(v, strength) in candidates {
            for &(doc, place, text) in &self.postings[v] {
                let score = place.weight() * strength;
                let d = doc as usize;
                if word.best[d] == 0.0 {
                    word.touched.push(doc);
                }
                if score > word.best[d] {
                    word.best[d] = score;
                    word.best_at[d] = (place, text);
                }
                each(d, place, text);
            }
        }
    }

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

/// The word a Telex typist meant when the input method was off: a tone key
/// at the end ("kys", "khais") dropped, doubled or w-marked vowels and "dd"
/// undone ("ddawng" → "dang"). `None` when there is nothing to undo.
fn untelex(word: &str) -> Option<String> {
    let mut spelt = word.to_owned();
    if spelt.len() > 2 && spelt.ends_with(['s', 'f', 'r', 'x', 'j']) {
        spelt.pop();
    }
    for (typed, letter) in [
        ("dd", "d"),
        ("aa", "a"),
        ("aw", "a"),
        ("ee", "e"),
        ("oo", "o"),
        ("ow", "o"),
        ("uw", "u"),
        ("w", "u"),
    ] {
        spelt = spelt.replace(typed, letter);
    }
    (spelt != word && !spelt.is_empty()).then_some(spelt)
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

    fn forgiving(query: &str) -> Vec<String> {
        index().search_forgiving(query, 10).into_iter().map(|h| h.key).collect()
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| words(w) == [*w]), "folded, one word each");
    }

    #[test]
    fn forgiving_search_does_not_need_every_word() {
        let sentence = "bo toi mat roi can lam giay bao tu";
        assert!(keys(sentence).is_empty(), "the strict search needs them all");
        assert_eq!(forgiving(sentence)[0], "khai-tu", "someone describing their situation");
        assert_eq!(
            forgiving("mat bang lai xe may")[0],
            "gplx",
            "a person naming what was lost"
        );
        assert_eq!(forgiving("dang ky khai sinh")[0], "khai-sinh");
        assert_eq!(
            forgiving("dang ky").len(),
            3,
            "common words alone still list what has them all"
        );
    }

    #[test]
    fn extra_words_lower_the_score_but_keep_the_result() {
        let score = |q: &str| index().search_forgiving(q, 10)[0].score;
        assert!(score("khai sinh cho con") < score("khai sinh"));
        assert!(score("khai sinh cho con gai ten la hoa nam nay moi sinh") < score("khai sinh cho con"));
        assert_eq!(
            forgiving("khai sinh cho con gai ten la hoa nam nay moi sinh")[0],
            "khai-sinh"
        );
    }

    #[test]
    fn forgiving_search_finds_nothing_for_small_talk_or_one_common_word() {
        assert!(forgiving("xin chao").is_empty(), "small talk");
        assert!(forgiving("cho toi hoi la").is_empty(), "only stop words");
        assert!(forgiving("asdf qwerty").is_empty(), "nonsense");
        assert!(forgiving("").is_empty() && forgiving("123 456").is_empty());
        assert!(
            forgiving("hom nay troi dep qua nen di choi dang").is_empty(),
            "one common word in a long sentence is not enough"
        );
    }

    #[test]
    fn forgiving_search_reads_telex_and_swapped_letters() {
        assert_eq!(untelex("ddawng").as_deref(), Some("dang"));
        assert_eq!(untelex("kys").as_deref(), Some("ky"));
        assert_eq!(untelex("sinh"), None);
        assert_eq!(forgiving("ddawng kys khai sinh")[0], "khai-sinh");
        assert_eq!(forgiving("khia snih")[0], "khai-sinh", "a swap in a four-letter word");
        assert!(forgiving("khaj").is_empty(), "but no other typo in a short word");
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
