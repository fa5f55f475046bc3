#!/usr/bin/env bash
# Build the one-folder Station bundle on Linux with PyInstaller, smoke-test it, package it as a
# .deb, and start the window from both.
#
#   bash packaging/build_linux.sh              # venv in packaging/build/venv (created if missing)
#   VENV=/path/to/venv bash packaging/build_linux.sh
#
# Everything it writes stays under packaging/ (build/ and dist/ are git-ignored):
#   packaging/dist/station/                   the bundle (station, station-cli and their libraries)
#   packaging/dist/station_<version>_amd64.deb   the Debian package (packaging/build_deb.sh)
#   packaging/build/                          PyInstaller's work folder, the build venv, the .deb tree
# Steps after the build:
#   1. the resources shipped (packaging/check_resources.sh), station-cli --version and a demo run
#      from the bundle;
#   2. packaging/build_deb.sh;
#   3. packaging/smoke_window.sh on the bundle: the window under Xvfb, a screenshot, a scan, and
#      labels printed through the Qt path (QtPdf + QtPrintSupport) to a CUPS PDF queue;
#   4. as root with apt: `apt-get install ./station_<version>_amd64.deb`, its resources and the same smoke test on
#      /usr/bin/station and /usr/bin/station-cli, then `dpkg -r station` (SKIP_DEB_INSTALL=1 skips).
# Exits non-zero if any step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PKG=$ROOT/packaging
export PIP_DISABLE_PIP_VERSION_CHECK=1
VENV=${VENV:-$PKG/build/venv}
PYINSTALLER_VERSION=${PYINSTALLER_VERSION:-">=6.10,<7"}

if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q -e . "pyinstaller$PYINSTALLER_VERSION"

start=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$PKG/dist" --workpath "$PKG/build/pyinstaller" "$PKG/station.spec"
echo "build: $(( $(date +%s) - start )) s, $(du -sh "$PKG/dist/station" | cut -f1) in packaging/dist/station"

# ------------------------------------------------------------------ smoke test
bash "$PKG/check_resources.sh" "$PKG/dist/station"
want=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' station/_version.py)
cd "$PKG"  # run the bundle from outside the source tree, so nothing is imported from station/
BIN=dist/station/station-cli
got=$("$BIN" --version)
echo "$got"
[ "$got" = "station $want" ] || { echo "smoke: expected 'station $want', got '$got'" >&2; exit 1; }

out=$(mktemp -d)/x.pdf
# No keyring or QSettings of the user's are touched by --demo; keep QSettings away from $HOME anyway.
export XDG_CONFIG_HOME=${XDG_CONFIG_HOME:-$(mktemp -d)} XDG_CACHE_HOME=${XDG_CACHE_HOME:-$(mktemp -d)}
"$BIN" run --demo --demo-pos 10 --demo-pack-delay 0.2-0.4 --first-poll-after 0.2 --poll-interval 0.2 -o "$out"
head -c 5 "$out" | grep -q '%PDF-' || { echo "smoke: $out is not a PDF" >&2; exit 1; }
echo "smoke test passed: $out ($(stat -c %s "$out") bytes)"
cd "$ROOT"

# ------------------------------------------------------------------ the .deb and the window
step=$(date +%s)
bash "$PKG/build_deb.sh"
DEB=$PKG/dist/station_${want}_$(dpkg --print-architecture).deb

echo "== the window and the Qt printing path, from the bundle"
SMOKE_OUT=$PKG/build/smoke-bundle bash "$PKG/smoke_window.sh" "$PKG/dist/station"

if [ "${SKIP_DEB_INSTALL:-0}" != 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== the installed package"
    if dpkg -s station >/dev/null 2>&1; then dpkg -r station >/dev/null; fi
    # --no-install-recommends: on a build machine, only what the package cannot run without.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$DEB" >/dev/null
    trap 'dpkg -r station >/dev/null 2>&1 || true' EXIT
    got=$(/usr/bin/station-cli --version)
    [ "$got" = "station $want" ] || { echo "deb: /usr/bin/station-cli --version says '$got'" >&2; exit 1; }
    [ -f /usr/share/applications/station.desktop ] && [ -f /usr/share/icons/hicolor/256x256/apps/station.png ] \
        || { echo "deb: the desktop entry or the icon is missing" >&2; exit 1; }
    bash "$PKG/check_resources.sh" /opt/station
    SMOKE_OUT=$PKG/build/smoke-deb bash "$PKG/smoke_window.sh" /usr/bin
    dpkg -r station >/dev/null
    trap - EXIT
    [ ! -e /opt/station ] && [ ! -e /usr/bin/station ] || { echo "deb: dpkg -r left files behind" >&2; exit 1; }
    echo "deb: installed with apt, smoke-tested from /usr/bin, removed with dpkg -r"
else
    echo "deb: install test skipped (needs root and apt-get; SKIP_DEB_INSTALL=${SKIP_DEB_INSTALL:-0})"
fi
echo "packaging: $(( $(date +%s) - start )) s in all ($(( $(date +%s) - step )) s for the .deb and the window tests);" \
     "bundle $(du -sh "$PKG/dist/station" | cut -f1), $(basename "$DEB") $(du -h "$DEB" | cut -f1)"
