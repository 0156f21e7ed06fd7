//! Keying from many threads as the process's very first use of SQLite.
//!
//! The race this guards against (see the crate's documentation) only
//! exists while the first connection of a process starts SQLCipher, and a
//! single process start hits it rarely (about 1.5% of starts with 32
//! threads when the wait is removed). So the test runs itself again as a
//! child process, each child keying from 32 threads at once at its start.

use std::process::Command;
use std::sync::{Arc, Barrier};

/// Set in the children, which key at once instead of spawning.
const CHILD: &str = "ENCRYPTED_DB_FIRST_OPENS_CHILD";
const CHILDREN: usize = 300;
const THREADS: usize = 32;

#[test]
fn threads_that_open_and_key_at_the_same_moment_at_start_all_succeed() {
    if std::env::var_os(CHILD).is_some() {
        key_from_many_threads_at_once();
        return;
    }
    let this_test = std::env::current_exe().unwrap();
    for run in 0..CHILDREN {
        let child = Command::new(&this_test)
            .args([
                "--exact",
                "threads_that_open_and_key_at_the_same_moment_at_start_all_succeed",
                "--nocapture",
            ])
            .env(CHILD, "1")
            .output()
            .unwrap();
        assert!(
            child.status.success(),
            "start {run} of {CHILDREN} failed to key: {}",
            String::from_utf8_lossy(&child.stderr)
        );
    }
}

fn key_from_many_threads_at_once() {
    let barrier = Arc::new(Barrier::new(THREADS));
    let workers: Vec<_> = (0..THREADS)
        .map(|n| {
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                barrier.wait();
                let connection = encrypted_db::open_in_memory()?;
                encrypted_db::unlock(&connection, &[n as u8; 32])?;
                connection.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            })
        })
        .collect();
    for (n, worker) in workers.into_iter().enumerate() {
        worker
            .join()
            .unwrap()
            .unwrap_or_else(|e| panic!("thread {n} could not key its database: {e}"));
    }
}
