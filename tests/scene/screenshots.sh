#!/bin/sh
# Renders every scene at 1024x600, 1280x720 and 1920x1080 and checks the PNGs are written, are
# not blank, and that two runs of the same scene give the same bytes (the software renderer is
# pixel-deterministic).
set -u
bin=$1
out=$2
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
rm -rf "$out"; mkdir -p "$out/user"
fail=0
"$bin" replay "$(dirname "$0")/new_profile.replay" --user-dir "$out/user" >/dev/null || { echo "FAIL: setup"; exit 1; }
for scene in title menu profiles settings levels timeline flashcards map results review stats classroom; do
  for size in 1024x600 1280x720 1920x1080; do
    f="$out/$scene-$size.png"
    if ! "$bin" screenshot --scene "$scene" --size "$size" --frames 120 --user-dir "$out/user" --out "$f"; then
      echo "FAIL: $scene at $size"; fail=1; continue
    fi
    bytes=$(wc -c < "$f")
    if [ "$bytes" -lt 20000 ]; then echo "FAIL: $f is only $bytes bytes (blank?)"; fail=1; fi
  done
  "$bin" screenshot --scene "$scene" --size 1280x720 --frames 120 --user-dir "$out/user" --out "$out/again.png"
  if ! cmp -s "$out/$scene-1280x720.png" "$out/again.png"; then echo "FAIL: $scene differs between runs"; fail=1; fi
done
exit $fail
