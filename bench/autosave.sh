#!/usr/bin/env bash
# Autosave latency of one answer through the store against a bare INSERT.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release -q -p bench --bin autosave_latency
