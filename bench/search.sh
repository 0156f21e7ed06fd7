#!/usr/bin/env bash
# Search latency percentiles against SQLite FTS5, and the criterion benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release -q -p bench --bin search_latency
cargo bench -p bench --bench search
