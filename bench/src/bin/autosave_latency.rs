//! Autosave latency percentiles, in the same run and folder, interleaved
//! save by save so every path sees the same disk:
//! (a) one answer saved through the app's store (SQLCipher; read the draft,
//!     evaluate, upsert, progress, audit, commit),
//! (b) a bare parameterized INSERT into a plain SQLite file,
//! (c) the same bare INSERT into a SQLCipher file (raw 256-bit key),
//! all with WAL and synchronous=FULL. Reports p50/p99 of each and the
//! ratios a/b (what the app costs over plain SQLite) and c/b (what the
//! encryption alone costs).
//! Run: `bash bench/autosave.sh`.

use std::time::Instant;

use chrono::NaiveDate;
use procedures::Catalog;
use procedures::engine::Answer;
use rusqlite::Connection;
use store::{Store, StoreKey};

const SAVES: usize = 2000;

fn percentiles(mut samples: Vec<f64>) -> (f64, f64) {
    samples.sort_by(f64::total_cmp);
    let at = |p: f64| samples[((samples.len() as f64 - 1.0) * p).round() as usize];
    (at(0.50), at(0.99))
}

/// A bare answers table with the app's durability settings; keyed with a
/// random raw key when `encrypted`.
fn bare(path: &std::path::Path, encrypted: bool) -> Connection {
    let connection = Connection::open(path).expect("bare db");
    if encrypted {
        let key: String = StoreKey::generate()
            .as_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        connection.pragma_update(None, "key", format!("x'{key}'")).expect("key");
    }
    connection.pragma_update(None, "journal_mode", "WAL").expect("wal");
    connection.pragma_update(None, "synchronous", "FULL").expect("full");
    connection
        .execute_batch(
            "CREATE TABLE answers (draft_id INTEGER, field_id TEXT, value TEXT, PRIMARY KEY (draft_id, field_id)) WITHOUT ROWID;",
        )
        .expect("table");
    connection
}

fn main() {
    let folder = tempfile::tempdir_in(std::env::current_dir().expect("cwd")).expect("a folder on the project's disk");
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("date");
    let catalog = Catalog::bundled().expect("catalog");
    let procedure = catalog.get("1.001193").expect("birth registration");
    let (store, _) = Store::open(&folder.path().join("store"), &StoreKey::generate()).expect("store");
    let draft = store.create_draft(procedure, None, today).expect("draft");
    let plain = bare(&folder.path().join("bare-plain.sqlite3"), false);
    let cipher = bare(&folder.path().join("bare-sqlcipher.sqlite3"), true);
    let sql = "INSERT OR REPLACE INTO answers VALUES (?1, ?2, ?3)";
    let mut plain_insert = plain.prepare(sql).expect("insert");
    let mut cipher_insert = cipher.prepare(sql).expect("insert");
    let fields = ["child_name", "child_birth_place", "child_ethnicity", "requester_name"];
    let (mut app, mut bare_plain, mut bare_cipher) = (
        Vec::with_capacity(SAVES),
        Vec::with_capacity(SAVES),
        Vec::with_capacity(SAVES),
    );
    let ms = |start: Instant| start.elapsed().as_secs_f64() * 1e3;
    for i in 0..SAVES {
        let field = fields[i % fields.len()];
        let answer = Answer::Text(format!("Nguyễn Văn An {i}"));
        let start = Instant::now();
        store
            .save_answer(draft, procedure, field, Some(&answer), today)
            .expect("save");
        app.push(ms(start));
        let value = format!("\"Nguyễn Văn An {i}\"");
        let start = Instant::now();
        plain_insert.execute((1, field, &value)).expect("insert");
        bare_plain.push(ms(start));
        let start = Instant::now();
        cipher_insert.execute((1, field, &value)).expect("insert");
        bare_cipher.push(ms(start));
    }
    let (a50, a99) = percentiles(app);
    let (b50, b99) = percentiles(bare_plain);
    let (c50, c99) = percentiles(bare_cipher);
    println!("what\tp50 ms\tp99 ms");
    println!("(a) app save_answer, encrypted\t{a50:.3}\t{a99:.3}");
    println!("(b) bare INSERT, plain SQLite\t{b50:.3}\t{b99:.3}");
    println!("(c) bare INSERT, SQLCipher\t{c50:.3}\t{c99:.3}");
    println!("ratio a/b (app vs bare plain)\t{:.2}\t{:.2}", a50 / b50, a99 / b99);
    println!("ratio c/b (SQLCipher vs plain)\t{:.2}\t{:.2}", c50 / b50, c99 / b99);
    println!(
        "target p99 < 2 ms and a/b p99 <= 2: {}",
        if a99 < 2.0 && a99 / b99 <= 2.0 { "met" } else { "missed" }
    );
}
