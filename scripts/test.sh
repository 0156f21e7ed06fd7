#!/usr/bin/env bash
# Runs every check and test: formatting, lints, UI tests, Rust unit and
# integration tests, and the end-to-end tests in a real window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH"

echo "== UI: lint, type check, tests, build (the app embeds ui/dist)"
npm --prefix ui run lint
npm --prefix ui test
npm --prefix ui run build

echo "== Rust: formatting, lints and unused dependencies"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo machete

echo "== Rust tests, end-to-end included (Xvfb, and a Secret Service keyring as a desktop session has)"
cargo build -p tro-ly-dich-vu-cong --locked
# The keyring lives in a throwaway home, so tests never touch a real one.
keyring_home=$(mktemp -d)
# The session's document portal may leave a FUSE mount in the throwaway home;
# unmount it and never let the clean-up change the tests' exit status.
trap 'fusermount -uz "$keyring_home/.cache/doc" 2>/dev/null || true; rm -rf "$keyring_home" 2>/dev/null || true' EXIT
export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
HOME="$keyring_home" dbus-run-session -- bash -c '
    echo -n "test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    xvfb-run -a --server-args="-screen 0 1280x900x24" cargo test --workspace --locked --no-fail-fast'

echo "== Installers: the .deb from a release build, checked and run from a throwaway root"
bash scripts/package.sh
bash tests/installer/check-deb.sh
