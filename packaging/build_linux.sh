#!/usr/bin/env bash
# Build the one-folder Station bundle on Linux with PyInstaller, then smoke-test it.
#
#   bash packaging/build_linux.sh              # venv in packaging/build/venv (created if missing)
#   VENV=/path/to/venv bash packaging/build_linux.sh
#
# Everything it writes stays under packaging/ (build/ and dist/ are git-ignored):
#   packaging/dist/station/      the bundle (station-cli and its libraries)
#   packaging/build/             PyInstaller's work folder and the build venv
# Exits non-zero if the build or the smoke test fails.
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
