#!/usr/bin/env bash
# Build dist/cmswizard_<version>-1_<arch>.deb from the one-folder app in dist/cmswizard/ (`make package`)
# with dpkg-deb: the app in /opt/cmswizard, `cmswizard` on PATH (/usr/bin link), the desktop entry, the
# icon, the AppStream metadata, and the licence as /usr/share/doc/cmswizard/copyright.
# Depends: the Debian packages that hold the shared libraries the app's binaries need and do not carry
# (found with readelf + dpkg -S on this machine), plus the X11 libraries Qt's xcb plugin loads.
set -euo pipefail
cd "$(dirname "$0")/../.."

app=dist/cmswizard
[ -x "$app/cmswizard" ] || { echo "build-deb: $app/cmswizard missing: run make package first" >&2; exit 2; }
version=$(sed -n 's/^version = "\(.*\)"/\1/p;T;q' pyproject.toml)
arch=$(dpkg --print-architecture)
root=build/deb/cmswizard
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" \
    "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/metainfo" "$root/usr/share/doc/cmswizard"
cp -a "$app" "$root/opt/cmswizard"
ln -s /opt/cmswizard/cmswizard "$root/usr/bin/cmswizard"
install -m 0644 packaging/linux/cmswizard.desktop "$root/usr/share/applications/cmswizard.desktop"
install -m 0644 packaging/linux/cmswizard.svg "$root/usr/share/icons/hicolor/scalable/apps/cmswizard.svg"
install -m 0644 packaging/linux/io.github.cmswizard.metainfo.xml "$root/usr/share/metainfo/"
{
    echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    echo "Upstream-Name: cmswizard"
    echo
    echo "Files: *"
    echo "License: MIT"
    echo
    sed 's/^$/./; s/^/ /' LICENSE
    echo
    echo "Comment: the packages inside /opt/cmswizard and their licences (Qt and PySide6: LGPL-3.0)"
    sed 's/^$/./; s/^/ /' THIRD-PARTY-NOTICES.md
} > "$root/usr/share/doc/cmswizard/copyright"

# Libraries the binaries need that the folder does not carry -> the packages that hold them here.
carried=$(find "$root/opt/cmswizard" -name '*.so*' -printf '%f\n' | sort -u)
needed=$(find "$root/opt/cmswizard" -type f \( -name '*.so*' -o -name cmswizard \) -exec readelf -d {} + 2>/dev/null \
    | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
packages=()
# Read once: `ldconfig -p | awk '…; exit'` let awk close the pipe early, and under pipefail the SIGPIPE
# (status 141) of ldconfig ended the whole build now and then.
library_cache=$(ldconfig -p)
for library in $needed; do
    grep -qx "$library" <<<"$carried" && continue
    path=$(awk -v l="$library" '$1 == l && /x86-64|aarch64|AArch64/ {print $NF; exit}' <<<"$library_cache")
    [ -n "$path" ] || { echo "build-deb: $library is not on this machine; not in Depends" >&2; continue; }
    owner=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -1 | cut -d: -f1) || true
    [ -n "$owner" ] || owner=$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1) || true
    [ -n "$owner" ] && packages+=("$owner")
done
# Qt's xcb platform plugin (a real window) needs these; a machine that only ran offscreen may lack them.
packages+=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-render-util0 libxcb-image0 libxkbcommon-x11-0)
depends=$(printf '%s\n' "${packages[@]}" | sort -u | paste -sd, | sed 's/,/, /g')

size=$(du -sk --apparent-size "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: cmswizard
Version: $version-1
Architecture: $arch
Maintainer: cmswizard maintainers <cmswizard@localhost>
Installed-Size: $size
Depends: $depends
Recommends: fonts-noto-cjk
Section: utils
Priority: optional
Description: certificates for Cisco Meeting Server (wizard and command line)
 Creates keys and CSRs with the exact MMP pki syntax, builds byte-exact
 certificate bundles, checks chains, writes the MMP command sheets and copies
 everything to a USB stick, in English and Traditional Chinese.
CONTROL
out="dist/cmswizard_${version}-1_${arch}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$out" >/dev/null
echo "built $out ($(du -h "$out" | cut -f1)); Depends: $depends"
