#!/usr/bin/env bash
# Package the built bundle (packaging/dist/station/) as a Debian package, with dpkg-deb alone.
#
#   bash packaging/build_deb.sh            # after packaging/build_linux.sh (or pyinstaller) built the bundle
#
# Writes packaging/dist/station_<version>_amd64.deb:
#   /opt/station/                         the bundle (station, station-cli, _internal/)
#   /usr/bin/station, /usr/bin/station-cli   symbolic links into /opt/station/
#   /usr/share/applications/station.desktop, /usr/share/icons/hicolor/*/apps/station.png
# Depends: the system libraries the bundle links and does not carry (packaging/station.spec,
# SYSTEM_LIBS, leaves them to the distribution). The script checks that list: every library a
# bundled binary links that is neither in the bundle nor in a Depends package fails the build.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PKG=$ROOT/packaging
BUNDLE=$PKG/dist/station
[ -x "$BUNDLE/station" ] && [ -x "$BUNDLE/station-cli" ] || {
    echo "build_deb: no bundle in $BUNDLE (run packaging/build_linux.sh first)" >&2; exit 1; }

VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' station/_version.py)
ARCH=$(dpkg --print-architecture)
DEB=$PKG/dist/station_${VERSION}_${ARCH}.deb

# The libraries Qt and the bundle take from the system (Debian 12 names; "a | b" also accepts the
# 64-bit-time renames of Debian 13 / Ubuntu 24.04).
DEPENDS=(
    "libc6 (>= @GLIBC@)" "libstdc++6" "libgcc-s1" "zlib1g" "libzstd1" "libbrotli1"
    "libglib2.0-0t64 | libglib2.0-0" "libdbus-1-3" "libcups2t64 | libcups2" "libgssapi-krb5-2"
    "libssl3t64 | libssl3"
    "libfontconfig1" "libfreetype6" "libegl1" "libgl1"
    "libx11-6" "libx11-xcb1" "libxcb1" "libxkbcommon0" "libxkbcommon-x11-0"
    # the xcb platform plugin and its GLX integration (Qt 6 no longer links libxcb-xinerama0)
    "libxcb-cursor0" "libxcb-icccm4" "libxcb-image0" "libxcb-keysyms1" "libxcb-randr0"
    "libxcb-render-util0" "libxcb-render0" "libxcb-shape0" "libxcb-shm0" "libxcb-sync1"
    "libxcb-util1" "libxcb-xfixes0" "libxcb-xkb1" "libxcb-glx0"
)
# A font for Qt to draw with (fontconfig alone brings none on a bare system); the player for the
# scan sounds; a Secret Service for the keyring (a desktop session has one).
RECOMMENDS="fonts-dejavu-core, pulseaudio-utils | alsa-utils"
SUGGESTS="gnome-keyring | kwalletmanager, fonts-noto-cjk"

# ------------------------------------------------------------------ check Depends against the bundle
# Every ELF file of the bundle, its DT_NEEDED entries, minus what the bundle itself carries.
mapfile -t elves < <(find "$BUNDLE" -type f \( -name '*.so*' -o -name station -o -name station-cli \) \
    -exec sh -c 'head -c 4 "$1" | grep -q ELF && echo "$1"' _ {} \;)
carried=$(find "$BUNDLE" \( -type f -o -type l \) -name '*.so*' -printf '%f\n' | sort -u)
needed=$(for f in "${elves[@]}"; do readelf -d "$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; done | sort -u)
external=$(comm -23 <(echo "$needed") <(echo "$carried"))
# The packages that provide them here (the build machine has them: the bundle was just built and run).
declare -A provider=()
missing=()
# Read once: piped into an awk that stops at the first match, a long `ldconfig -p` dies of SIGPIPE,
# which pipefail turns into the script's exit (141) on a machine with many libraries.
libraries=$(ldconfig -p)
for lib in $external; do
    path=$(awk -v l="$lib" '$1 == l && /x86-64|x86_64|64bit/ {print $NF; exit}' <<<"$libraries")
    [ -n "$path" ] || path=$(awk -v l="$lib" '$1 == l {print $NF; exit}' <<<"$libraries")
    pkg=""
    if [ -n "$path" ]; then
        pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | sed -n '1s/:.*//p') \
            || pkg=$(dpkg -S "$path" 2>/dev/null | sed -n '1s/:.*//p') || true
    fi
    [ -n "$pkg" ] || { missing+=("$lib (not installed here: cannot tell its package)"); continue; }
    provider[$lib]=$pkg
    found=0
    for clause in "${DEPENDS[@]}"; do
        for alt in $(echo "$clause" | sed 's/([^)]*)//g; s/|/ /g'); do
            [ "$alt" = "$pkg" ] && found=1
        done
    done
    [ $found = 1 ] || missing+=("$lib (package $pkg)")
done
if [ ${#missing[@]} -gt 0 ]; then
    printf 'build_deb: the bundle links libraries that no Depends package provides:\n' >&2
    printf '  %s\n' "${missing[@]}" >&2
    exit 1
fi
echo "build_deb: the bundle links $(echo "$external" | wc -w) system libraries, all from Depends packages:" \
     "$(for lib in $external; do echo "${provider[$lib]}"; done | sort -u | tr '\n' ' ')"

# The newest glibc symbol version any bundled binary asks for (the bundle carries no libc).
glibc=$(for f in "${elves[@]}"; do objdump -T "$f" 2>/dev/null; done \
    | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
depends=$(printf '%s, ' "${DEPENDS[@]}" | sed "s/@GLIBC@/$glibc/; s/, $//")

# ------------------------------------------------------------------ the package tree
stage=$PKG/build/deb
rm -rf "$stage"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
         "$stage/usr/share/doc/station"
cp -a "$BUNDLE" "$stage/opt/station"
ln -s ../../opt/station/station "$stage/usr/bin/station"
ln -s ../../opt/station/station-cli "$stage/usr/bin/station-cli"
install -m 644 "$PKG/linux/station.desktop" "$stage/usr/share/applications/station.desktop"
for size in 48 128 256; do
    src=$ROOT/resources/icons/station-$size.png
    [ "$size" = 256 ] && src=$ROOT/resources/icons/station.png
    install -D -m 644 "$src" "$stage/usr/share/icons/hicolor/${size}x${size}/apps/station.png"
done
cat > "$stage/usr/share/doc/station/copyright" <<EOF
Station $VERSION: a packing-bench station for Lazada JIT purchase orders.
The bundle under /opt/station carries Python, Qt for Python (PySide6, LGPLv3) and the Python
packages listed in the project's pyproject.toml, each under its own licence.
EOF
installed_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<EOF
Package: station
Version: $VERSION
Architecture: $ARCH
Maintainer: Station maintainers <station@example.com>
Installed-Size: $installed_kb
Section: utils
Priority: optional
Depends: $depends
Recommends: $RECOMMENDS
Suggests: $SUGGESTS
Homepage: https://example.com/station
Description: packing-bench label-printing station for Lazada JIT purchase orders
 Lists the day's To Pack purchase orders, packs them, books the pickup per store and
 warehouse, downloads the print files and merges them into one PDF for the label printer.
 Runs against the Lazada Open Platform or a built-in simulator (station --demo).
 .
 Commands: station (the window), station-cli (the same work from a terminal).
EOF
# Files root-owned, directories 755, no group/other write.
chmod -R u+rwX,go+rX,go-w "$stage"

start=$(date +%s)
dpkg-deb --root-owner-group -Zxz -z6 --build "$stage" "$DEB" >/dev/null
echo "build_deb: $DEB ($(du -h "$DEB" | cut -f1), $(( $(date +%s) - start )) s; installed $(( installed_kb / 1024 )) MB)"
dpkg-deb --field "$DEB" Package Version Architecture Depends
