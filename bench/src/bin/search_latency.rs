//! Search latency percentiles: the app's index against SQLite FTS5 on the
//! same documents and queries, in the same run.
//! Run: `cargo run --release -p bench --bin search_latency`.

use std::time::Instant;

use bench::{QUERIES, bundled, fts5, fts5_search, synthetic};
use procedures::SearchIndex;

const ROUNDS: usize = 300;

fn percentiles(mut samples: Vec<f64>) -> (f64, f64) {
    samples.sort_by(f64::total_cmp);
    let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p).round() as usize];
    (at(0.50), at(0.99))
}

fn measure(mut run: impl FnMut(&str)) -> (f64, f64) {
    let mut samples = Vec::with_capacity(ROUNDS * QUERIES.len());
    for _ in 0..ROUNDS {
        for q in QUERIES {
            let start = Instant::now();
            run(q);
            samples.push(start.elapsed().as_secs_f64() * 1e6);
        }
    }
    percentiles(samples)
}

fn main() {
    println!("catalog\tprocedures\tindex p50 µs\tindex p99 µs\tfts5 p50 µs\tfts5 p99 µs\tp99 ratio index/fts5");
    for (label, documents) in [("bundled", bundled()), ("synthetic", synthetic(5000))] {
        let index = SearchIndex::new(documents.clone());
        let db = fts5(&documents);
        let (i50, i99) = measure(|q| {
            std::hint::black_box(index.search(q, 20));
        });
        let (f50, f99) = measure(|q| {
            std::hint::black_box(fts5_search(&db, q, 20));
        });
        println!(
            "{label}\t{}\t{i50:.1}\t{i99:.1}\t{f50:.1}\t{f99:.1}\t{:.2}",
            documents.len(),
            i99 / f99
        );
    }
}
