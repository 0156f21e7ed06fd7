//! Criterion: one search over 5,000 procedures, the app's index against FTS5.

use bench::{QUERIES, fts5, fts5_search, synthetic};
use criterion::{Criterion, criterion_group, criterion_main};
use procedures::SearchIndex;

fn search(c: &mut Criterion) {
    let documents = synthetic(5000);
    let index = SearchIndex::new(documents.clone());
    let db = fts5(&documents);
    let mut group = c.benchmark_group("search-5000");
    group.bench_function("index", |b| {
        b.iter(|| QUERIES.iter().map(|q| index.search(q, 20).len()).sum::<usize>())
    });
    group.bench_function("fts5", |b| {
        b.iter(|| QUERIES.iter().map(|q| fts5_search(&db, q, 20).len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
