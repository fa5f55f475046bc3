#!/usr/bin/env bash
# Cold start of the window, from outside: process start to the log line "listed N POs"
# (station/ui/jit/po_list.py, once the demo day is in the table), offscreen, N runs per program.
#
#   bash packaging/cold_start.sh [RUNS] STATION...     e.g.
#   bash packaging/cold_start.sh 5 packaging/dist/station/station .venv/bin/station
#
# Same moment as bench/cold_start.py's "listed" mark, without its in-process wrappers (a bundle
# has no Python to run them). Each run gets a fresh temp home; one unmeasured run per program
# first warms the page cache. Prints each run and the median per program.
set -euo pipefail
RUNS=5
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then RUNS=$1; shift; fi
[ $# -gt 0 ] || { echo "usage: cold_start.sh [RUNS] STATION..." >&2; exit 2; }
export QT_QPA_PLATFORM=offscreen LANG=C.UTF-8

one_run() {
    local exe=$1 home err pid started deadline
    home=$(mktemp -d)
    err=$home/err
    started=$(date +%s%N)
    HOME=$home XDG_CONFIG_HOME=$home/c XDG_DATA_HOME=$home/d XDG_CACHE_HOME=$home/k \
        "$exe" --demo --lang en 2>"$err" >/dev/null &
    pid=$!
    deadline=$(( started + 60000000000 ))
    until grep -qE 'listed [0-9]+ POs' "$err" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || { echo "cold_start: $exe exited: $(tail -3 "$err")" >&2; return 1; }
        [ "$(date +%s%N)" -lt "$deadline" ] || { kill "$pid"; echo "cold_start: $exe: no listing in 60 s" >&2; return 1; }
        sleep 0.01
    done
    local ended
    ended=$(date +%s%N)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -rf "$home"
    awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'
}

for exe in "$@"; do
    one_run "$exe" >/dev/null  # warm the page cache
    times=()
    for _ in $(seq "$RUNS"); do times+=("$(one_run "$exe")"); done
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')
    echo "cold start to 'listed N POs' (demo, 300 To Pack POs, offscreen): $exe: median ${median} s (runs: ${times[*]})"
done
