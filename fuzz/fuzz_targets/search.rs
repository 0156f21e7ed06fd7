//! Fuzz target: `procedures::harness::search` (also replayed by
//! `crates/procedures/tests/fuzz_regressions.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| procedures::harness::search(data));
