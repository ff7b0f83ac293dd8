#!/bin/sh
# Renders every scene at 1024x600, 1280x720 and 1920x1080, and the last frame of every scene
# replay, into OUT; with REF, compares each PNG byte for byte with REF's and lists those that
# differ. Used while code moves (a refactor must not change a pixel): render the reference with
# the old binary, then compare the new one.
# Usage: tools/screenshots/pixels.sh FRONTIERS OUT [REF]
set -u
bin=$1
out=$2
ref=${3:-}
here=$(cd "$(dirname "$0")/../.." && pwd)
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
export FRONTIERS_NOW=1767225600
rm -rf "$out"; mkdir -p "$out/user"
"$bin" replay "$here/tests/scene/new_profile.replay" --user-dir "$out/user" >/dev/null || { echo "setup failed"; exit 1; }
for scene in title menu profiles settings levels timeline flashcards map results review stats classroom; do
  for size in 1024x600 1280x720 1920x1080; do
    "$bin" screenshot --scene "$scene" --size "$size" --frames 120 --user-dir "$out/user" --out "$out/$scene-$size.png" || echo "failed: $scene $size"
  done
done
base_now=$FRONTIERS_NOW
clock() { d=$(sed -n 's/^# days-later: //p' "$1"); echo $((base_now + ${d:-0} * 86400)); }
for f in "$here"/tests/scene/*.replay; do
  name=$(basename "$f" .replay)
  u=$(mktemp -d)
  for setup in $(sed -n 's/^# setup: //p' "$f"); do
    FRONTIERS_NOW=$(clock "$here/tests/scene/$setup") "$bin" replay "$here/tests/scene/$setup" --user-dir "$u" >/dev/null 2>&1
  done
  FRONTIERS_NOW=$(clock "$f") "$bin" replay "$f" --user-dir "$u" --out "$out/replay-$name.png" > "$out/replay-$name.json" 2>/dev/null
  rm -rf "$u"
done
rm -rf "$out/user"
if [ -n "$ref" ]; then
  differ=0; same=0
  for p in "$ref"/*.png "$ref"/*.json; do
    b=$(basename "$p")
    if cmp -s "$p" "$out/$b"; then same=$((same + 1)); else echo "differs: $b"; differ=$((differ + 1)); fi
  done
  echo "$same same, $differ differ"
  [ "$differ" -eq 0 ]
fi
