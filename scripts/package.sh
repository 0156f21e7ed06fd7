#!/usr/bin/env bash
# Builds the installers: a .deb (and, where the AppImage tools are at hand,
# an AppImage) from a release build, with the Tauri CLI from the UI's npm
# packages (@tauri-apps/cli, a prebuilt binary pinned in ui/package-lock.json).
#
#   bash scripts/package.sh            # .deb
#   bash scripts/package.sh appimage   # .deb and AppImage
#
# The bundles land in target/release/bundle/{deb,appimage}/. With the release
# key at hand (TAURI_SIGNING_PRIVATE_KEY_PATH or TAURI_SIGNING_PRIVATE_KEY, and
# TAURI_SIGNING_PRIVATE_KEY_PASSWORD; never in the repository), each bundle
# gets its updater signature, bound to the version, beside it (.sig). An
# AppImage needs linuxdeploy, which Tauri's bundler downloads from GitHub: a
# machine without that access gets the .deb only, and the script says so.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"

# The menu entry speaks the user's language: its name, comment and keywords
# come from locales/, like every other text the user sees.
message() { # locale id
  sed -n "s/^$2 = //p" "locales/$1/shell.ftl"
}
mkdir -p target/packaging
sed -e "s|@NAME_VI@|$(message vi shell-window-title)|" \
    -e "s|@NAME_EN@|$(message en shell-window-title)|" \
    -e "s|@COMMENT_VI@|$(message vi shell-desktop-comment)|" \
    -e "s|@COMMENT_EN@|$(message en shell-desktop-comment)|" \
    -e "s|@KEYWORDS_VI@|$(message vi shell-desktop-keywords)|" \
    -e "s|@KEYWORDS_EN@|$(message en shell-desktop-keywords)|" \
    packaging/desktop.hbs.in > target/packaging/desktop.hbs

bundles=deb
if [[ "${1:-}" == "appimage" ]]; then bundles=deb,appimage; fi
cd src-tauri
../ui/node_modules/.bin/tauri build --ci --bundles "$bundles"
if [[ -n "${TAURI_SIGNING_PRIVATE_KEY_PATH:-}${TAURI_SIGNING_PRIVATE_KEY:-}" ]]; then
  version=$(sed -n 's/^version = "\(.*\)"$/\1/p' ../Cargo.toml | head -n 1)
  for bundle in ../target/release/bundle/deb/*.deb ../target/release/bundle/appimage/*.AppImage; do
    [[ -e "$bundle" ]] || continue
    ../ui/node_modules/.bin/tauri signer sign --app-version "$version" "$bundle"
  done
fi
ls -l ../target/release/bundle/*/
