#!/bin/sh
# The classroom game end to end: plays classroom_game.replay through the real binary (no
# display, fixed clock), checks its "# expect:" lines (final standings, answers stored, the
# in-game export), then checks the CSV that `frontiers export-results` writes against the golden
# file classroom_game.csv, and that the final screen's "Export CSV" wrote the same file into the
# user folder.
# Usage: classroom_game.sh FRONTIERS
set -u
bin=$1
dir=$(dirname "$0")
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
export FRONTIERS_NOW=1767225600
user=$(mktemp -d)
trap 'rm -rf "$user"' EXIT
fail=0
out=$("$bin" replay "$dir/classroom_game.replay" --user-dir "$user" 2>"$user/stderr") || { echo "FAIL: replay exit status"; cat "$user/stderr"; exit 1; }
echo "$out"
sed -n 's/^# expect: //p' "$dir/classroom_game.replay" > "$user/expect"
[ -s "$user/expect" ] || { echo "FAIL: no expectations"; exit 1; }
while IFS= read -r want; do
  case "$out" in
    *"$want"*) ;;
    *) echo "FAIL: expected to find: $want"; fail=1 ;;
  esac
done < "$user/expect"
"$bin" export-results --out "$user/export.csv" --user-dir "$user" >/dev/null || { echo "FAIL: export-results"; exit 1; }
if ! cmp -s "$user/export.csv" "$dir/classroom_game.csv"; then
  echo "FAIL: export-results differs from classroom_game.csv:"; diff "$dir/classroom_game.csv" "$user/export.csv"; fail=1
fi
if ! cmp -s "$user/export.csv" "$user/classroom-1.csv"; then
  echo "FAIL: the final screen's export ($user/classroom-1.csv) differs from export-results"; fail=1
fi
exit $fail
