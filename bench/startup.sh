#!/usr/bin/env bash
# Start-up time and memory of the app against a bare Tauri window, both
# release builds, under Xvfb, same run. The app's start-up ends when the home
# screen shows its data (the UI has the shell log "home shown" once the
# procedures, the topics and the search box are rendered); the bare window's
# at its page's load event ("page loaded"). Memory is the proportional set
# size of the process and its WebKit processes, 3 s after start.
# Each round of the app starts on a fresh data folder, so it makes its data
# key in the OS keyring and creates and encrypts a new database: the whole
# cost of keyring plus decryption is in the figure.
# Usage: bash bench/startup.sh [rounds]   (DISPLAY must be set, or run under
# xvfb-run; and a Secret Service must answer on the session bus, e.g.
# dbus-run-session with an unlocked gnome-keyring as scripts/test.sh starts)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}
npm --prefix ui run build >/dev/null
cargo build --release -p tro-ly-dich-vu-cong -p bare-window >/dev/null 2>&1

# Sum of Pss (KiB) of a process and all its descendants.
pss_tree() {
  local total=0 pid
  for pid in $1 $(pgrep -P "$1" || true) $(for c in $(pgrep -P "$1" || true); do pgrep -P "$c" || true; done); do
    [[ -r /proc/$pid/smaps_rollup ]] || continue
    total=$((total + $(awk '/^Pss:/ {print $2}' /proc/$pid/smaps_rollup)))
  done
  echo "$total"
}

measure() { # binary, log line that ends start-up -> prints "ms kib" per round
  local bin=$1 done_line=$2 log start end pid
  for _ in $(seq "$rounds"); do
    log=$(mktemp)
    data=$(mktemp -d)
    start=$(date +%s%N)
    TRO_LY_DATA_DIR="$data" RUST_LOG=info "$bin" >"$log" 2>&1 &
    pid=$!
    until grep -q "$done_line" "$log"; do
      sleep 0.005
      kill -0 "$pid" 2>/dev/null || { echo "$bin exited early" >&2; cat "$log" >&2; exit 1; }
    done
    end=$(date +%s%N)
    sleep 3
    echo "$(((end - start) / 1000000)) $(pss_tree "$pid")"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -rf "$log" "$data"
  done
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

bare=$(measure target/release/bare-window "page loaded")
app=$(measure target/release/tro-ly-dich-vu-cong "home shown")
bare_ms=$(cut -d' ' -f1 <<<"$bare" | median); app_ms=$(cut -d' ' -f1 <<<"$app" | median)
bare_kib=$(cut -d' ' -f2 <<<"$bare" | median); app_kib=$(cut -d' ' -f2 <<<"$app" | median)
printf 'what\tbare window\tapp\tratio app/bare\n'
printf 'start-up (app: home shown with its data; bare: page loaded), median ms (%s rounds)\t%s\t%s\t%s\n' "$rounds" "$bare_ms" "$app_ms" "$(awk -v a="$app_ms" -v b="$bare_ms" 'BEGIN {printf "%.2f", a/b}')"
printf 'memory PSS after 3 s, median MiB\t%s\t%s\t%s\n' "$((bare_kib / 1024))" "$((app_kib / 1024))" "$(awk -v a="$app_kib" -v b="$bare_kib" 'BEGIN {printf "%.2f", a/b}')"
