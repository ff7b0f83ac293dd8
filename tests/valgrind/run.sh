#!/bin/sh
# Valgrind memcheck on a replay of each mode (timeline, flashcards, map, classroom) through the real binary:
# no invalid read or write, no use of uninitialised values, and no definitely or indirectly lost
# blocks. Library noise (Mesa, fontconfig, SDL's dummy drivers) is suppressed in
# frontiers.supp, each suppression with the reason. Needs valgrind; takes a few minutes.
# Usage: tests/valgrind/run.sh [BINARY]   (default build/frontiers; a RelWithDebInfo build)
set -u
here=$(cd "$(dirname "$0")" && pwd)
scene_dir="$here/../scene"
bin=${1:-build/frontiers}
command -v valgrind >/dev/null 2>&1 || { echo "valgrind is not installed"; exit 2; }
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
export FRONTIERS_NOW=1767225600
# The source tree's data, wherever the binary is.
export FRONTIERS_DATA_DIR=${FRONTIERS_DATA_DIR:-$(cd "$here/../.." && pwd)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
n=0
# A profile first (the rounds store answers), then one replay per mode.
for replay in new_profile timeline_won timeline_images_resize flashcards_classic flashcards_notes map_find classroom_buzz_fair; do
  n=$((n + 1))
  log="$work/$replay.log"
  valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
    --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
    --track-origins=yes --suppressions="$here/frontiers.supp" --gen-suppressions=all \
    --log-file="$log" "$bin" replay "$scene_dir/$replay.replay" --user-dir "$work/user" > "$work/out.json"
  status=$?
  errors=$(sed -n 's/.*ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$log" | tail -1)
  lost=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tail -1)
  if [ "$status" -ne 0 ] || [ "${errors:-1}" != 0 ]; then
    echo "FAIL: $replay (exit $status, ${errors:-?} errors, definitely lost ${lost:-?} bytes)"
    cat "$log"
    fail=$((fail + 1))
  else
    echo "ok: $replay: 0 errors, definitely lost ${lost:-0} bytes ($(sed 's/.*"scene":"\([^"]*\)".*/\1/' "$work/out.json"))"
  fi
done
echo "valgrind: $((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
