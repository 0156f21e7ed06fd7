#!/usr/bin/env bash
# Installs what building and running the app needs on Debian 12 (and, with
# --test, what the tests need: Xvfb, WebKitWebDriver, a Secret Service
# keyring, xdotool and xclip for the native file dialog, poppler-utils to read the PDFs the app draws): Debian packages for Tauri/WebKitGTK, the UI's
# npm packages from ui/package-lock.json, and tauri-driver and cargo-machete
# from crates.io.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential pkg-config libwebkit2gtk-4.1-dev libssl-dev libayatana-appindicator3-dev
  librsvg2-dev libxdo-dev fonts-noto-core)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(xvfb xauth webkit2gtk-driver imagemagick dbus-x11 gnome-keyring xdotool xclip poppler-utils)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi

if [[ ! -d ui/node_modules ]] || [[ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]]; then
  echo "Installing the UI's npm packages (npm ci)"
  npm ci --prefix ui --no-audit --no-fund
fi

if [[ "${1:-}" == "--test" ]] && ! command -v tauri-driver >/dev/null; then
  echo "Installing tauri-driver from crates.io"
  cargo install tauri-driver --locked --version 2.1.0
fi

if [[ "${1:-}" == "--test" ]] && ! command -v cargo-machete >/dev/null; then
  echo "Installing cargo-machete from crates.io (finds unused dependencies)"
  cargo install cargo-machete --locked --version 0.9.2
fi
