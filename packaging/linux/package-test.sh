#!/usr/bin/env bash
# `make package-test`: install the .deb the way an admin would (`apt install ./cmswizard_*.deb`, as root),
# then check what it put on the system and that the installed app works, then remove it and check that
# nothing is left. Changes the system it runs on (it is meant for CI and a throwaway machine).
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(id -u)" = 0 ] || { echo "package-test: must run as root (apt install)" >&2; exit 2; }
deb=$(ls -t dist/cmswizard_*.deb | head -1)
fail() { echo "package-test: FAILED: $*" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive
started=$(date +%s)

if dpkg -s cmswizard >/dev/null 2>&1; then apt-get remove -y -qq cmswizard >/dev/null; fi
# The Depends may need packages this machine lacks: fetch the package lists once if the first try fails.
apt-get install -y -qq "./$deb" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "./$deb" >/dev/null; } \
    || fail "apt install ./$deb"
[ "$(command -v cmswizard)" = /usr/bin/cmswizard ] || fail "cmswizard is not on PATH as /usr/bin/cmswizard"
desktop=/usr/share/applications/cmswizard.desktop
[ -f "$desktop" ] || fail "no desktop entry"
grep -qx 'Exec=cmswizard' "$desktop" && grep -qx 'Icon=cmswizard' "$desktop" || fail "desktop entry: Exec/Icon"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop" || fail "desktop-file-validate"; fi
[ -f /usr/share/icons/hicolor/scalable/apps/cmswizard.svg ] || fail "no icon"
[ -f /usr/share/doc/cmswizard/copyright ] && grep -q "LGPL-3.0" /usr/share/doc/cmswizard/copyright || fail "no copyright/notices"
[ -f /opt/cmswizard/_internal/LICENSE ] || [ -f /opt/cmswizard/LICENSE ] || fail "no LICENSE in the app folder"

home=$(mktemp -d)
run() { env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM HOME="$home" XDG_CONFIG_HOME="$home/.config" "$@"; }
# No display here: the self-test says so in one line and paints offscreen (issue 25 item 4), both languages.
out=$(cd "$home" && run cmswizard --self-test 2>&1) || fail "cmswizard --self-test: $out"
grep -qx "self-test: en: What do you want to do?" <<<"$out" || fail "self-test en: $out"
grep -q "^self-test: zh_TW: " <<<"$out" && ! grep -qx "self-test: zh_TW: What do you want to do?" <<<"$out" || fail "self-test zh_TW: $out"
grep -qx "self-test: ok" <<<"$out" || fail "self-test: $out"
out=$(cd "$home" && run cmswizard --lang zh_TW --self-test 2>&1) || fail "--lang zh_TW --self-test: $out"
grep -qx "self-test: ok" <<<"$out" || fail "zh_TW self-test: $out"
(cd "$home" && run cmswizard pki csr web CN:join.example.com subjectAltName:join.example.com >/dev/null) || fail "pki csr"
[ "$(stat -c %a "$home/web.key")" = 600 ] || fail "web.key is not 0600"
reference=$(run cmswizard --reference) && [ -f "$reference" ] || fail "--reference: $reference"
rm -rf "$home"

apt-get remove -y -qq --purge cmswizard >/dev/null || fail "apt remove"
! dpkg -s cmswizard >/dev/null 2>&1 || fail "still installed"
for left in /opt/cmswizard /usr/bin/cmswizard "$desktop" /usr/share/icons/hicolor/scalable/apps/cmswizard.svg \
    /usr/share/metainfo/io.github.cmswizard.metainfo.xml /usr/share/doc/cmswizard; do
    [ ! -e "$left" ] && [ ! -L "$left" ] || fail "$left is left after removal"
done
echo "package-test: $deb installed, self-tested in en and zh_TW, removed cleanly ($(($(date +%s) - started)) s)"
