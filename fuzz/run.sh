#!/usr/bin/env bash
# Runs fuzz targets one at a time, each for a given time, and prints the runs
# executed and the crashes found per target.
#
#   bash fuzz/run.sh TARGET SECONDS   # one of: condition definition validators search portal_decode
#   bash fuzz/run.sh all SECONDS      # every target in turn
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz --locked`).
# Corpora grow in fuzz/corpus/<target>, crashing inputs land in
# fuzz/artifacts/<target>; save a crash under
# crates/procedures/tests/fuzz-regressions/<target>/ once it is fixed, so the
# stable `cargo test -p procedures --test fuzz_regressions` keeps it fixed.
set -uo pipefail
cd "$(dirname "$0")/.."

all=(condition definition validators search portal_decode)
if [[ $# -ne 2 || ! $2 =~ ^[0-9]+$ ]]; then
    echo "usage: bash fuzz/run.sh TARGET|all SECONDS (targets: ${all[*]})" >&2
    exit 2
fi
if [[ $1 == all ]]; then targets=("${all[@]}"); else targets=("$1"); fi
seconds=$2

seed() {
    local target=$1 corpus=fuzz/corpus/$1
    mkdir -p "$corpus" "fuzz/artifacts/$target"
    [[ -n $(ls -A "$corpus") ]] && return
    case $target in
        definition) cp catalog/*.toml "$corpus"/ ;;
        condition) grep -hoE '(show_if|required_if|when|rule) = "[^"]*"' catalog/*.toml |
            sed -E 's/^[a-z_]+ = "(.*)"$/\1/; s/\\"/"/g' | sort -u |
            while IFS= read -r line; do printf '%s' "$line" > "$corpus/$(printf '%s' "$line" | sha1sum | cut -c1-16)"; done ;;
        search) for q in "dang ky khai sinh" "Đăng ký kết hôn" "ho chieu" "giay phep lai xe" "khai sinhh"; do
            printf '%s' "$q" > "$corpus/$(printf '%s' "$q" | sha1sum | cut -c1-16)"; done ;;
    esac
}

cargo +nightly fuzz build || exit 1
status=0
for target in "${targets[@]}"; do
    seed "$target"
    before=$(ls "fuzz/artifacts/$target" | wc -l)
    log=$(mktemp)
    max_len=4096
    [[ $target == definition || $target == portal_decode ]] && max_len=65536
    # One process (no -jobs/-workers): the machine's cores are shared.
    cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -max_len="$max_len" -print_final_stats=1 > "$log" 2>&1
    code=$?
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    crashes=$(( $(ls "fuzz/artifacts/$target" | wc -l) - before ))
    echo "$target: ${runs:-?} runs in ${seconds} s, $crashes new crash(es), exit $code"
    if [[ $code -ne 0 ]]; then
        grep -E 'ERROR|panicked|Test unit written|SUMMARY' "$log" | head -20
        status=1
    fi
    rm -f "$log"
done
exit $status
