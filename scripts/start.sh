#!/usr/bin/env bash
# Starts Trợ lý Dịch vụ công: installs what is missing, builds the UI, runs the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm --prefix ui run build
cargo run -p tro-ly-dich-vu-cong
