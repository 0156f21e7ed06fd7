#!/usr/bin/env bash
# Autosave latency, in one run: (a) one answer saved through the app's
# encrypted store, (b) a bare INSERT into a plain SQLite file, (c) a bare
# INSERT into a SQLCipher file; p50/p99 of each, and the ratios a/b and c/b.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release -q -p bench --bin autosave_latency
