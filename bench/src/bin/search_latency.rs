//! Search latency percentiles: the app's forgiving index search (what the
//! catalog uses), the strict all-words search it replaced, and SQLite FTS5 on
//! the same documents and queries, in the same run.
//! Run: `cargo run --release -p bench --bin search_latency`.

use std::time::Instant;

use bench::{EVERYDAY_QUERIES, QUERIES, bundled, fts5, fts5_search, synthetic};
use procedures::SearchIndex;

const ROUNDS: usize = 300;

fn percentiles(mut samples: Vec<f64>) -> (f64, f64) {
    samples.sort_by(f64::total_cmp);
    let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p).round() as usize];
    (at(0.50), at(0.99))
}

fn measure(queries: &[&str], mut run: impl FnMut(&str)) -> (f64, f64) {
    let mut samples = Vec::with_capacity(ROUNDS * queries.len());
    for _ in 0..ROUNDS {
        for q in queries {
            let start = Instant::now();
            run(q);
            samples.push(start.elapsed().as_secs_f64() * 1e6);
        }
    }
    percentiles(samples)
}

fn main() {
    println!(
        "catalog\tprocedures\tqueries\tforgiving p50 µs\tforgiving p99 µs\tstrict p50 µs\tstrict p99 µs\tfts5 p50 µs\tfts5 p99 µs\tp99 forgiving/strict\tp99 forgiving/fts5"
    );
    let everyday: Vec<&str> = QUERIES.iter().chain(EVERYDAY_QUERIES.iter()).copied().collect();
    for (label, documents) in [("bundled", bundled()), ("synthetic", synthetic(5000))] {
        let index = SearchIndex::new(documents.clone());
        let db = fts5(&documents);
        for (set, queries) in [("typed", &QUERIES[..]), ("typed+everyday", &everyday[..])] {
            let (g50, g99) = measure(queries, |q| {
                std::hint::black_box(index.search_forgiving(q, 20));
            });
            let (s50, s99) = measure(queries, |q| {
                std::hint::black_box(index.search(q, 20));
            });
            let (f50, f99) = measure(queries, |q| {
                std::hint::black_box(fts5_search(&db, q, 20));
            });
            println!(
                "{label}\t{}\t{set}\t{g50:.1}\t{g99:.1}\t{s50:.1}\t{s99:.1}\t{f50:.1}\t{f99:.1}\t{:.2}\t{:.2}",
                documents.len(),
                g99 / s99,
                g99 / f99
            );
        }
    }
    // The catalog's search first looks for a province named in the query
    // (current, old or everyday names): its own cost, whatever the
    // catalog's size, after the one-time load of the old names.
    let _ = procedures::legacy_units::place_in_query("ha tay");
    let (p50, p99) = measure(&everyday, |q| {
        std::hint::black_box(procedures::legacy_units::place_in_query(q));
    });
    println!("place in query\t-\ttyped+everyday\tp50 {p50:.1} µs\tp99 {p99:.1} µs");
}
