//! Criterion: one search over 5,000 procedures, the app's index (the strict
//! all-words search, and the forgiving search the catalog uses) against FTS5.

use bench::{EVERYDAY_QUERIES, QUERIES, fts5, fts5_search, synthetic};
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
    group.bench_function("index-forgiving", |b| {
        b.iter(|| {
            QUERIES
                .iter()
                .map(|q| index.search_forgiving(q, 20).len())
                .sum::<usize>()
        })
    });
    group.bench_function("index-forgiving-everyday", |b| {
        b.iter(|| {
            EVERYDAY_QUERIES
                .iter()
                .map(|q| index.search_forgiving(q, 20).len())
                .sum::<usize>()
        })
    });
    group.bench_function("fts5", |b| {
        b.iter(|| QUERIES.iter().map(|q| fts5_search(&db, q, 20).len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
