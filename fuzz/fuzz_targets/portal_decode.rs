//! Fuzz target: decoding every response body the app reads from a portal,
//! and the problem+json error body (`portal::harness::decode`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| portal::harness::decode(data));
