#!/usr/bin/env bash
# Checks the .deb that scripts/package.sh built: its control data (name,
# version, the runtime dependencies it must declare), its file list (the
# binary, the menu entry in Vietnamese, the icons), then installs it into a
# throwaway root and runs the installed binary's --version there, with every
# shared library it needs found on this machine.
#
#   bash tests/installer/check-deb.sh [path/to/package.deb]
set -euo pipefail
cd "$(dirname "$0")/../.."

version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
deb=${1:-target/release/bundle/deb/tro-ly-dich-vu-cong_${version}_amd64.deb}
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

[[ -f $deb ]] || { echo "FAIL: $deb is missing; run bash scripts/package.sh" >&2; exit 1; }

field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == tro-ly-dich-vu-cong ]] && pass "package name" || fail "package name is '$(field Package)'"
[[ $(field Version) == "$version" ]] && pass "version $version" || fail "version is '$(field Version)', the workspace Cargo.toml says $version"
[[ $(field Architecture) == amd64 ]] && pass "architecture" || fail "architecture is '$(field Architecture)'"
depends=$(field Depends)
for needed in libwebkit2gtk-4.1-0 libgtk-3-0 xdg-utils fonts-noto-core; do
  grep -qE "(^|, )$needed(\$|,| )" <<<"$depends" && pass "depends on $needed" || fail "Depends lacks $needed: $depends"
done
grep -q gnome-keyring <<<"$(field Recommends)" && pass "recommends a Secret Service keyring" || fail "Recommends lacks gnome-keyring"
# Every declared dependency is a real Debian package: installed here, or known to apt.
for package in $(tr ',' '\n' <<<"$depends" | sed 's/(.*)//; s/|.*//; s/ //g'); do
  if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
     apt-cache show "$package" >/dev/null 2>&1; then
    pass "$package is a Debian package"
  else
    fail "$package is neither installed nor known to apt"
  fi
done

files=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for path in usr/bin/tro-ly-dich-vu-cong usr/share/applications/tro-ly-dich-vu-cong.desktop \
            usr/share/icons/hicolor/128x128/apps/tro-ly-dich-vu-cong.png; do
  grep -qx "\\.\\?/\\?$path" <<<"$files" && pass "ships $path" || fail "does not ship $path"
done

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
desktop=$root/usr/share/applications/tro-ly-dich-vu-cong.desktop
grep -qx "Name=Trợ lý Dịch vụ công" "$desktop" && pass "menu entry named in Vietnamese" || fail "menu entry: $(grep '^Name=' "$desktop")"
grep -qx "Exec=tro-ly-dich-vu-cong" "$desktop" && pass "menu entry starts the binary" || fail "menu entry: $(grep '^Exec=' "$desktop")"
if grep -q "@[A-Z_]*@" "$desktop"; then fail "menu entry has an unfilled placeholder"; else pass "menu entry filled from locales/"; fi
missing=$(ldd "$root/usr/bin/tro-ly-dich-vu-cong" | grep "not found" || true)
[[ -z $missing ]] && pass "every shared library is found" || fail "missing libraries: $missing"
said=$("$root/usr/bin/tro-ly-dich-vu-cong" --version)
[[ $said == "tro-ly-dich-vu-cong $version" ]] && pass "installed binary says '$said'" || fail "--version said '$said'"

if ((failures)); then
  echo "$failures check(s) of $deb failed" >&2
  exit 1
fi
echo "the .deb passed every check"
