#!/usr/bin/env bash
# Smoke test of the window and of the Qt printing path, from a built bundle or an installed package.
#
#   bash packaging/smoke_window.sh packaging/dist/station     # the bundle
#   bash packaging/smoke_window.sh /usr/bin                   # the installed .deb
#
# DIR holds `station` and `station-cli`. Under a private Xvfb display:
#   1. `station --demo` comes up: the window titled "Station · demo simulator" exists and the log
#      says "listed N POs" (station/ui/jit/po_list.py); the time from start to that line is printed;
#   2. a screenshot of the screen shows a filled window (many colours, few background pixels);
#   3. a PO number typed like a scanner (xdotool, capitals with Shift) and Enter reaches the scan
#      handler: the log says "scan <the number as typed>";
#   4. `station-cli run --demo ... --print-backend qt --printer Q` prints the day's labels through
#      QtPdf + QtPrintSupport to a CUPS PDF queue, once at 100x150 mm and once at 60x30 mm; the
#      pages CUPS produced must have the label's size (0.5 mm tolerance) and the merged PDF's count.
#      Needs root, cupsd and printer-driver-cups-pdf; skipped without them unless STATION_REQUIRE_CUPS=1.
# Every wait is on a condition with a deadline. Screenshots and logs stay in $SMOKE_OUT
# (default: a new temp folder), whose path is printed. Exits non-zero on the first failure.
set -euo pipefail
DIR=$(cd "${1:?usage: smoke_window.sh DIR-with-station-and-station-cli}" && pwd)
STATION=$DIR/station
CLI=$DIR/station-cli
[ -x "$STATION" ] && [ -x "$CLI" ] || { echo "smoke_window: no station/station-cli in $DIR" >&2; exit 1; }
for tool in Xvfb xdotool xprop import convert pdfinfo; do
    command -v "$tool" >/dev/null || { echo "smoke_window: $tool is missing (apt-get install xvfb xdotool x11-utils imagemagick poppler-utils)" >&2; exit 1; }
done
OUT=${SMOKE_OUT:-$(mktemp -d -t station-smoke-XXXXXX)}
mkdir -p "$OUT"
TIMEOUT=${SMOKE_TIMEOUT:-60}
pids=()
restore=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    for cmd in "${restore[@]}"; do eval "$cmd" || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
fail() { echo "smoke_window: FAILED: $*" >&2; echo "smoke_window: logs and screenshots in $OUT" >&2; exit 1; }

# poll TIMEOUT_S COMMAND...: run COMMAND every 0.1 s until it succeeds (0) or the deadline passes (1).
poll() {
    local limit=$1 deadline
    shift
    deadline=$(( $(date +%s%N) + limit * 1000000000 ))
    until "$@" >/dev/null 2>&1; do
        [ "$(date +%s%N)" -lt "$deadline" ] || return 1
        sleep 0.1
    done
}
# wait_for DESCRIPTION TIMEOUT_S COMMAND...: poll, and fail the smoke test at the deadline.
wait_for() {
    local what=$1 limit=$2
    shift 2
    poll "$limit" "$@" || fail "$what: not within $limit s"
}
elapsed() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }

# A private home for the programs: QSettings, the print history, the keyring never touch the user's.
export HOME=$OUT/home XDG_CONFIG_HOME=$OUT/home/.config XDG_DATA_HOME=$OUT/home/.local/share \
       XDG_CACHE_HOME=$OUT/home/.cache XDG_RUNTIME_DIR=$OUT/runtime LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset QT_QPA_PLATFORM

# ------------------------------------------------------------------ the display
# A free display number: the first N without an X socket or lock.
display=""
for n in $(seq 90 140); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=$n; break; fi
done
[ -n "$display" ] || fail "no free X display number in 90-140"
Xvfb ":$display" -screen 0 1366x768x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
pids+=($!)
export DISPLAY=:$display
wait_for "Xvfb :$display accepting connections" 20 xdotool getdisplaygeometry

# ------------------------------------------------------------------ 1. the window comes up and lists the day
started=$(date +%s%N)
"$STATION" --demo --demo-pos 60 --pack-delay 0.2 0.4 --lang en >"$OUT/station.out" 2>"$OUT/station.err" &
station_pid=$!
pids+=("$station_pid")
listed() { grep -qE 'listed [0-9]+ POs' "$OUT/station.err" || { kill -0 "$station_pid" || fail "station exited: $(tail -5 "$OUT/station.err")"; return 1; }; }
wait_for "the log line 'listed N POs'" "$TIMEOUT" listed
cold=$(elapsed "$started")
wait_for "a window titled 'Station · demo simulator'" "$TIMEOUT" xdotool search --name '^Station · demo simulator$'
window=$(xdotool search --name '^Station · demo simulator$' | sed -n 1p)
echo "window: $(grep -oE 'listed [0-9]+ POs' "$OUT/station.err" | sed -n 1p) ${cold} s after start; window id $window ($(xdotool getwindowgeometry "$window" | tr '\n' ' '))"
# The window icon (resources/icons/station.png, found through station/ui/resources.py) is set:
# _NET_WM_ICON starts with the image's width and height.
props=$(xprop -id "$window" -f _NET_WM_ICON 32c _NET_WM_ICON)
icon=$(grep -m1 -oE '= [0-9]+, [0-9]+' <<<"${props:0:200}" | tr -d '= ' || true)
[ -n "$icon" ] && [ "$icon" != "0,0" ] || fail "the window has no icon (_NET_WM_ICON empty)"
echo "icon: _NET_WM_ICON ${icon/,/x}"

# ------------------------------------------------------------------ 2. the screenshot shows a filled window
# The table is painted once the listing is in; grab until the screen has the table's colours.
shot=$OUT/window.png
painted() {
    import -window root "$shot" &&
    colours=$(convert "$shot" -format '%k' info:) &&
    # share of pixels that are not the bare root window's black
    filled=$(convert "$shot" -fuzz 2% -fill white +opaque black -colorspace Gray -format '%[fx:mean]' info:) &&
    [ "$colours" -ge 64 ] && awk -v f="$filled" 'BEGIN { exit !(f >= 0.5) }'
}
wait_for "a screenshot with a painted window (>= 64 colours, >= 50% of the screen)" 30 painted
painted
echo "screenshot: $shot ($colours colours, $(awk -v f="$filled" 'BEGIN { printf "%.0f", f * 100 }')% of the screen covered)"

# ------------------------------------------------------------------ 3. a scan reaches the window
# Upper case on purpose: xdotool presses Shift before each capital, as many scanners do. Any
# well-formed number is logged; this one need not be in the demo day.
code=POJ2611250543528627
xdotool windowfocus --sync "$window"
xdotool type --delay 5 "$code"
xdotool key Return
scanned() { grep -qF "scan $code" "$OUT/station.err"; }
if ! poll 15 scanned; then
    got=$(grep -oE 'scan_handler: scan .*' "$OUT/station.err" | tail -1)
    fail "the scan '$code' typed with xdotool did not reach the window as typed (log: '${got:-nothing}')"
fi
echo "scan: the log says 'scan $code'"
import -window root "$OUT/after-scan.png"

kill "$station_pid"
wait_for "station to exit" 20 bash -c "! kill -0 $station_pid"

# ------------------------------------------------------------------ 4. the Qt printing path to a CUPS queue
cups_ok=1
reason=""
if [ "$(id -u)" != 0 ]; then cups_ok=0; reason="not root (test queues need lpadmin)"
elif ! command -v lpadmin >/dev/null && [ ! -x /usr/sbin/lpadmin ]; then cups_ok=0; reason="no lpadmin (apt-get install cups)"
elif [ ! -x /usr/lib/cups/backend/cups-pdf ] || [ ! -f /etc/cups/cups-pdf.conf ]; then cups_ok=0; reason="no cups-pdf (apt-get install printer-driver-cups-pdf)"
fi
if [ $cups_ok = 0 ]; then
    [ "${STATION_REQUIRE_CUPS:-0}" != 1 ] || fail "Qt printing check required (STATION_REQUIRE_CUPS=1) but $reason"
    echo "print: SKIPPED ($reason)"
    echo "smoke_window: passed (without the printing check); files in $OUT"
    exit 0
fi
PATH=$PATH:/usr/sbin
scheduler() { LC_ALL=C lpstat -r | grep "scheduler is running" >/dev/null; }  # grep -q would cut lpstat off (pipefail)
scheduler || cupsd
wait_for "cupsd running" 20 scheduler
ppd=""
for candidate in /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd; do
    [ -z "$ppd" ] && [ -f "$candidate" ] && ppd=$candidate
done
[ -n "$ppd" ] || fail "no cups-pdf PPD"
spool=$OUT/cups-pdf
mkdir -p "$spool"
chmod 1777 "$spool"
# A queue of our own whose cups-pdf instance has its own config (cups-pdf:/NAME reads
# /etc/cups/cups-pdf-NAME.conf): the PDFs land in our folder, and the shared cups-pdf.conf (other
# queues, other test runs) is never touched.
instance=stationsmoke$$
queue=StationSmoke_$$
echo "Out $spool" >"/etc/cups/cups-pdf-$instance.conf"
restore+=("rm -f '/etc/cups/cups-pdf-$instance.conf'")
lpadmin -p "$queue" -v "cups-pdf:/$instance" -E -P "$ppd" 2>"$OUT/lpadmin.err" || fail "lpadmin: $(cat "$OUT/lpadmin.err")"
restore+=("cancel -a '$queue' 2>/dev/null; lpadmin -x '$queue'")

mm() { awk -v p="$1" 'BEGIN { printf "%.1f", p * 25.4 / 72 }'; }
for spec in "100150 100 150" "6030 60 30"; do
    read -r size want_w want_h <<<"$spec"
    before=$(find "$spool" -name '*.pdf' | wc -l)
    merged=$OUT/labels-$size.pdf
    "$CLI" run --demo --demo-pos 3 --demo-pack-delay 0.2-0.4 --first-poll-after 0.2 --poll-interval 0.2 \
        --size "$size" -o "$merged" --printer "$queue" --print-backend qt --history-dir "$OUT/history" \
        >"$OUT/print-$size.out" 2>&1 || fail "station-cli run --print-backend qt ($size): $(tail -5 "$OUT/print-$size.out")"
    pages=$(pdfinfo "$merged" | awk '/^Pages:/ {print $2}')
    printed() {
        local f
        f=$(find "$spool" -name '*.pdf' -newer "$merged" | sed -n 1p)
        [ -n "$f" ] && [ "$(find "$spool" -name '*.pdf' | wc -l)" -gt "$before" ] && pdfinfo "$f" >/dev/null 2>&1 && echo "$f"
    }
    wait_for "the $size job to come out of CUPS" "$TIMEOUT" printed
    out=$(printed)
    got_pages=$(pdfinfo "$out" | awk '/^Pages:/ {print $2}')
    read -r w h < <(pdfinfo -f 1 -l "$got_pages" "$out" | awk '/^Page +[0-9]+ size:/ {print $4, $6}' | sort -u | sed -n 1p)
    n_sizes=$(pdfinfo -f 1 -l "$got_pages" "$out" | awk '/^Page +[0-9]+ size:/ {print $4, $6}' | sort -u | wc -l)
    w_mm=$(mm "$w"); h_mm=$(mm "$h")
    awk -v w="$w_mm" -v h="$h_mm" -v ww="$want_w" -v wh="$want_h" \
        'BEGIN { d1 = w - ww; d2 = h - wh; exit !(d1 <= 0.5 && d1 >= -0.5 && d2 <= 0.5 && d2 >= -0.5) }' \
        || fail "$size: CUPS produced ${w_mm}x${h_mm} mm pages, expected ${want_w}x${want_h} mm ($out)"
    [ "$n_sizes" = 1 ] || fail "$size: pages of $n_sizes different sizes in $out"
    [ "$got_pages" = "$pages" ] || fail "$size: CUPS produced $got_pages pages, the merged PDF has $pages"
    "$CLI" print-history --json --history-dir "$OUT/history" >"$OUT/history-$size.json"
    grep -q '"backend": "qt"' "$OUT/history-$size.json" || fail "$size: the print history does not say backend qt"
    echo "print: $size through QtPdf + QtPrintSupport -> CUPS: $got_pages pages of ${w_mm}x${h_mm} mm ($out)"
done
echo "smoke_window: passed; files in $OUT"
