#!/usr/bin/env bash
# Checks that a bundle ships the window's resources: every file packaging/station.spec puts in
# (resources/translations/*.qm, sounds/*.wav, the spoken prompts voice/<language>/*.wav and
# icons/station.png) is in the bundle's resources folder, byte for byte as in the source tree.
#
#   bash packaging/check_resources.sh DIR   # DIR holds station and station-cli: the bundle
#                                           # (packaging/dist/station, Station.app/Contents/MacOS)
#                                           # or the installed package's (/opt/station)
#
# A resource left out of the spec is not an error at start: the window plays no sound, speaks no
# prompt, or stays in English. Hence this check. Bash 3.2 is enough. Exits non-zero on a missing file.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: check_resources.sh DIR" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$(cd "$1" && pwd)
# Where station/ui/resources.py finds them frozen: beside the station package in sys._MEIPASS
# (_internal/ on Linux and Windows; Contents/Frameworks, linked to Contents/Resources, on macOS).
found=
for candidate in "$DIR/_internal/resources" "$DIR/../Frameworks/resources" "$DIR/../Resources/resources"; do
    if [ -d "$candidate" ]; then found=$candidate; break; fi
done
[ -n "$found" ] || { echo "resources: no resources folder in $DIR" >&2; exit 1; }

count=0
for source in "$ROOT"/resources/translations/*.qm "$ROOT"/resources/sounds/*.wav \
              "$ROOT"/resources/voice/*/*.wav "$ROOT"/resources/icons/station.png; do
    name=${source#"$ROOT/resources/"}
    cmp -s "$source" "$found/$name" || { echo "resources: the bundle lacks resources/$name (or holds another)" >&2; exit 1; }
    count=$((count + 1))
done
prompts=$(find "$found/voice" -name '*.wav' | wc -l | tr -d ' ')
echo "resources: $count files in $found as in resources/ ($prompts spoken prompts)"
