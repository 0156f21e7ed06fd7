//! Killing the app at any moment loses no acknowledged answer: a child
//! process saves a stream of answers and prints each acknowledged save; it is
//! killed with SIGKILL at a random moment, 50 times; after each kill the
//! database passes `PRAGMA integrity_check` and holds every acknowledged
//! answer. The database is encrypted (SQLCipher), as in the app.
//!
//! The child is this same test binary, re-run with `CRASH_CHILD_DIR` set.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use procedures::Catalog;
use procedures::engine::Answer;
use store::{DATABASE_FILE, Store, StoreKey};

const ROUNDS: u64 = 50;
const CHILD_VARIABLE: &str = "CRASH_CHILD_DIR";

fn key() -> StoreKey {
    StoreKey::from_bytes([9; 32])
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

/// The child: saves `round-<n>-<i>` into a rotating set of fields forever,
/// printing `ack <field> <value>` after each save returned.
#[test]
fn crash_child() {
    let Some(dir) = std::env::var_os(CHILD_VARIABLE) else {
        return;
    };
    let catalog = Catalog::bundled().unwrap();
    let procedure = catalog.get("1.001193").unwrap();
    let (store, _) = Store::open(Path::new(&dir), &key()).unwrap();
    let draft = match store.list_drafts().unwrap().first() {
        Some(d) => d.id,
        None => store.create_draft(procedure, None, today()).unwrap(),
    };
    let round = std::env::var("CRASH_ROUND").unwrap();
    let fields = ["child_birth_place", "child_ethnicity", "child_name"];
    for i in 0u64.. {
        let field = fields[(i % fields.len() as u64) as usize];
        let value = if field == "child_name" {
            format!("Lê Văn R{round}x{i}")
        } else {
            format!("R{round}x{i}")
        };
        store
            .save_answer(draft, procedure, field, Some(&Answer::Text(value.clone())), today())
            .unwrap();
        println!("ack {field} {value}");
    }
}

#[test]
fn sigkill_at_random_moments_loses_no_acknowledged_answer() {
    if std::env::var_os(CHILD_VARIABLE).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut seed: u64 = 0x5DEE_CE66_D1CE_4E5B;
    let mut total_acks = 0;
    for round in 0..ROUNDS {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let run_for = Duration::from_millis(20 + seed % 300);
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_VARIABLE, dir.path())
            .env("CRASH_ROUND", round.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut last = std::collections::HashMap::new();
            let mut count = 0;
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let mut parts = line.splitn(3, ' ');
                if let (Some("ack"), Some(field), Some(value)) = (parts.next(), parts.next(), parts.next()) {
                    last.insert(field.to_owned(), value.to_owned());
                    count += 1;
                }
            }
            (last, count)
        });
        let started = Instant::now();
        while started.elapsed() < run_for {
            std::thread::sleep(Duration::from_millis(5));
        }
        // SIGKILL: no destructor, no flush, no chance to finish a transaction.
        child.kill().unwrap();
        child.wait().unwrap();
        let (acknowledged, count) = reader.join().unwrap();
        total_acks += count;

        // A child killed before it created the database leaves nothing to check.
        if dir.path().join(DATABASE_FILE).exists() {
            let db = store::raw_connection(dir.path(), &key()).expect("the killed child's database opens with the key");
            let integrity: String = db.pragma_query_value(None, "integrity_check", |r| r.get(0)).unwrap();
            assert_eq!(integrity, "ok", "round {round}: the database is intact after SIGKILL");
            drop(db);
        }
        let (store, _) = Store::open(dir.path(), &key()).unwrap();
        let draft = store.list_drafts().unwrap();
        if acknowledged.is_empty() {
            continue;
        }
        let saved = store.open_draft(draft[0].id).unwrap().answers;
        for (field, value) in &acknowledged {
            // The last acknowledged value of a field is there, or a later one the
            // child saved before it could print the acknowledgement.
            let Some(Answer::Text(found)) = saved.get(field) else {
                panic!("round {round}: acknowledged {field} is missing");
            };
            let later = found == value || later_than(found, value);
            assert!(
                later,
                "round {round}: {field} holds {found:?}, older than the acknowledged {value:?}"
            );
        }
    }
    assert!(
        total_acks > 10 * ROUNDS as usize,
        "the child saved many answers ({total_acks} acknowledged saves)"
    );
}

/// Whether `found` was written after `acked`: the same round and a higher
/// sequence number (values end in `R<round>x<sequence>`).
fn later_than(found: &str, acked: &str) -> bool {
    let parse = |s: &str| -> Option<(u64, u64)> {
        let tail = &s[s.rfind('R')? + 1..];
        let (round, i) = tail.split_once('x')?;
        Some((round.parse().ok()?, i.parse().ok()?))
    };
    matches!((parse(found), parse(acked)), (Some(f), Some(a)) if f > a)
}
