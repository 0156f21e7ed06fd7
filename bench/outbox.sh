#!/usr/bin/env bash
# Drains 500 queued dossiers through the outbox against the sandbox portal,
# and sends the same requests with a bare HTTP client, in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo run --release -q -p bench --bin outbox_drain
