#!/usr/bin/env bash
# Smoke test of a built bundle that needs no X server, no CUPS and no root: the one the release
# workflow (.github/workflows/release.yml) runs on Linux, macOS and Windows (Git Bash) alike.
#
#   bash packaging/smoke_bundle.sh DIR     # DIR holds station and station-cli (station.exe and
#                                          # station-cli.exe on Windows), e.g. packaging/dist/station
#                                          # or packaging/dist/Station.app/Contents/MacOS
#
# 0. the window's resources are in the bundle (packaging/check_resources.sh: translations, sounds,
#    spoken prompts, icon);
# 1. `station-cli --version` prints the version of station/_version.py;
# 2. `station-cli run --demo` does a small demo day and writes the merged labels, a PDF (the merge
#    runs in a child process: this is what checks multiprocessing in the frozen program);
# 3. `station --version` prints the same version (Windows: the window's .exe is built without a
#    console and has no stdout, so only its exit status is checked);
# 4. `station --demo` starts offscreen (QT_QPA_PLATFORM=offscreen) and logs "listed N POs": Qt, its
#    platform plugin, the resources and the embedded simulator all load from the bundle. Windows: if
#    the window's .exe gives no log (no stderr without a console) but is still running at the
#    deadline, that weaker result is reported as a warning, not a failure.
#
# Bash 3.2 (macOS's /bin/bash) is enough; every wait is a condition polled against a deadline.
# The programs run from a temporary folder, outside the source tree, so nothing is imported from
# station/ by accident. Exits non-zero on the first failed check.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: smoke_bundle.sh DIR" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$(cd "$1" && pwd)
want=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/station/_version.py")
[ -n "$want" ] || { echo "smoke: no __version__ in station/_version.py" >&2; exit 1; }

WINDOWS=0
EXE=
case "$(uname -s)" in
    MINGW* | MSYS* | CYGWIN*) WINDOWS=1; EXE=.exe ;;
esac
CLI=$DIR/station-cli$EXE
WINDOW=$DIR/station$EXE
for program in "$CLI" "$WINDOW"; do
    [ -x "$program" ] || { echo "smoke: $program is missing or not executable" >&2; exit 1; }
done

# SMOKE_OUT: where the PDF and the window's log stay (default: a new temporary folder).
work=${SMOKE_OUT:-$(mktemp -d)}
mkdir -p "$work"
# Native Windows programs get a Windows path (C:/Users/...), not Git Bash's /tmp/...
if [ "$WINDOWS" = 1 ]; then work=$(cygpath -m "$work"); fi
# Keep QSettings and the data folders away from the user's (Linux: XDG; macOS: HOME). On Windows
# they go to the runner's profile, which is thrown away with it.
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state
if [ "$(uname -s)" = Darwin ]; then export HOME=$work/home; mkdir -p "$HOME"; fi
cd "$work"

fail() { echo "smoke: $*" >&2; exit 1; }

# ------------------------------------------------------------------ 0. the resources shipped
bash "$ROOT/packaging/check_resources.sh" "$DIR"

# ------------------------------------------------------------------ 1. station-cli --version
got=$("$CLI" --version | tr -d '\r')
[ "$got" = "station $want" ] || fail "station-cli --version says '$got', expected 'station $want'"
echo "smoke: station-cli --version: $got"

# ------------------------------------------------------------------ 2. a demo day to a PDF
"$CLI" run --demo --demo-pos 10 --demo-pack-delay 0.2-0.4 --first-poll-after 0.2 --poll-interval 0.2 \
    -o "$work/labels.pdf"
[ -s "$work/labels.pdf" ] || fail "the demo run wrote no $work/labels.pdf"
[ "$(head -c 5 "$work/labels.pdf")" = "%PDF-" ] || fail "$work/labels.pdf is not a PDF"
echo "smoke: demo run wrote a PDF of $(wc -c <"$work/labels.pdf" | tr -d ' ') bytes"

# ------------------------------------------------------------------ 3. station --version
if [ "$WINDOWS" = 1 ]; then
    "$WINDOW" --version >/dev/null || fail "station.exe --version exited with $?"
    echo "smoke: station.exe --version exits 0 (no console, so nothing printed)"
else
    got=$("$WINDOW" --version)
    [ "$got" = "station $want" ] || fail "station --version says '$got', expected 'station $want'"
    echo "smoke: station --version: $got"
fi

# ------------------------------------------------------------------ 4. the window, offscreen
log=$work/window.log
QT_QPA_PLATFORM=offscreen "$WINDOW" --demo --demo-pos 20 --pack-delay 0.2 0.4 --lang en 2>"$log" >/dev/null &
pid=$!
started=$SECONDS
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
deadline=$((SECONDS + 90))
until grep -qE 'listed [0-9]+ POs' "$log" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
        status=0; wait "$pid" || status=$?
        tail -20 "$log" >&2 || true
        fail "the window exited (status $status) before listing the demo POs"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
        if [ "$WINDOWS" = 1 ] && [ ! -s "$log" ]; then
            stop
            echo "::warning::smoke: station.exe gave no log (no stderr without a console); it ran 90 s without exiting"
            echo "smoke: passed (the window's start checked only by its staying up)"
            exit 0
        fi
        stop
        tail -20 "$log" >&2 || true
        fail "no 'listed N POs' from the window within 90 s"
    fi
    sleep 0.2
done
echo "smoke: window: $(grep -oE 'listed [0-9]+ POs' "$log" | head -1) after about $((SECONDS - started)) s"
stop
echo "smoke: passed ($DIR)"
