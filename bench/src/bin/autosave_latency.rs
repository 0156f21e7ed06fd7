//! Autosave latency percentiles: one answer saved through the store (read
//! the draft, evaluate, upsert, progress, audit, commit) against a bare
//! parameterized INSERT on the same SQLite settings (WAL, synchronous=FULL),
//! same folder, same run.
//! Run: `cargo run --release -p bench --bin autosave_latency`.

use std::time::Instant;

use chrono::NaiveDate;
use procedures::Catalog;
use procedures::engine::Answer;
use rusqlite::Connection;
use store::Store;

const SAVES: usize = 2000;

fn percentiles(mut samples: Vec<f64>) -> (f64, f64) {
    samples.sort_by(f64::total_cmp);
    let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p).round() as usize];
    (at(0.50), at(0.99))
}

fn main() {
    let folder = tempfile::tempdir_in(std::env::current_dir().expect("cwd")).expect("a folder on the project's disk");
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let catalog = Catalog::bundled().expect("catalog");
    let procedure = catalog.get("1.001193").expect("birth registration");
    let (store, _) = Store::open(&folder.path().join("store")).expect("store");
    let draft = store.create_draft(procedure, None, today).expect("draft");
    let fields = ["child_name", "child_birth_place", "child_ethnicity", "requester_name"];
    let mut store_samples = Vec::with_capacity(SAVES);
    for i in 0..SAVES {
        let answer = Answer::Text(format!("Nguyễn Văn An {i}"));
        let start = Instant::now();
        store
            .save_answer(draft, procedure, fields[i % fields.len()], Some(&answer), today)
            .expect("save");
        store_samples.push(start.elapsed().as_secs_f64() * 1e3);
    }

    let bare = Connection::open(folder.path().join("bare.sqlite3")).expect("bare db");
    bare.pragma_update(None, "journal_mode", "WAL").expect("wal");
    bare.pragma_update(None, "synchronous", "FULL").expect("full");
    bare.execute_batch("CREATE TABLE answers (draft_id INTEGER, field_id TEXT, value TEXT, PRIMARY KEY (draft_id, field_id)) WITHOUT ROWID;")
        .expect("table");
    let mut insert = bare
        .prepare("INSERT OR REPLACE INTO answers VALUES (?1, ?2, ?3)")
        .expect("insert");
    let mut bare_samples = Vec::with_capacity(SAVES);
    for i in 0..SAVES {
        let value = format!("\"Nguyễn Văn An {i}\"");
        let start = Instant::now();
        insert.execute((1, fields[i % fields.len()], value)).expect("insert");
        bare_samples.push(start.elapsed().as_secs_f64() * 1e3);
    }
    let (s50, s99) = percentiles(store_samples);
    let (b50, b99) = percentiles(bare_samples);
    println!("what\tp50 ms\tp99 ms");
    println!("store.save_answer\t{s50:.3}\t{s99:.3}");
    println!("bare INSERT\t{b50:.3}\t{b99:.3}");
    println!("ratio store/bare\t{:.2}\t{:.2}", s50 / b50, s99 / b99);
}
