#!/usr/bin/env bash
# Rewrites the UI tests' replayed Rust answers (ui/src/test/fixtures). The UI
# tests run listing every ask they make (RECORD_FIXTURES), Rust answering each
# new one on the spot (the example answer_ask, named by ANSWER_ASK); the
# freshness test then writes the answers file (UPDATE_FIXTURES=1). Answering
# on the spot is slower than replaying, so a test may time out before its
# last ask: further rounds add what they find until nothing new is asked.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --locked -q -p assistant --example answer_ask
answer_ask="${CARGO_TARGET_DIR:-$PWD/target}/debug/examples/answer_ask"
asks=ui/src/test/fixtures/asks.json
record() {
  RECORD_FIXTURES=$1 ANSWER_ASK="$answer_ask" npm --prefix ui test --silent >/dev/null 2>&1 || true
  UPDATE_FIXTURES=1 cargo test --locked -q -p assistant --test ui_fixtures >/dev/null
}
record 1
for round in 2 3 4 5; do
  before=$(sha256sum "$asks")
  record merge
  [ "$(sha256sum "$asks")" = "$before" ] && break
done
echo "$(grep -c '"kind"' "$asks") asks answered; the UI tests on them alone:"
npm --prefix ui test --silent
