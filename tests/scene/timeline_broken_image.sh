#!/bin/sh
# A card image that passes the pack check (a PNG header with a sane size) but cannot be decoded
# (the file is cut short): the round still plays, that card shows no picture, the other card's
# picture is drawn, and nothing crashes. Runs timeline_images.replay on a copy of the game data.
bin=$1
dir=$(dirname "$0")
src=$(cd "$dir/../.." && pwd)
tmp=${FRONTIERS_TEST_TMP:-/tmp/frontiers-test}/timeline_broken_image
rm -rf "$tmp" && mkdir -p "$tmp/data/content" "$tmp/user"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software
export SDL_FRAMEBUFFER_ACCELERATION=0 FRONTIERS_NOW=1767225600
ln -s "$src/assets" "$tmp/data/assets"
ln -s "$src/levels" "$tmp/data/levels"
cp -R "$src/content/sino-russian-border" "$tmp/data/content/"
png="$tmp/data/content/sino-russian-border/img/locator-vladivostok.png"
head -c 200 "$png" > "$tmp/cut.png" && mv "$tmp/cut.png" "$png"
fail=0
"$bin" validate "$tmp/data/content/sino-russian-border" >/dev/null || { echo "FAIL: the cut image should pass the pack check"; fail=1; }
"$bin" replay "$dir/new_profile.replay" --user-dir "$tmp/user" --data-dir "$tmp/data" >/dev/null || { echo "FAIL setup"; exit 1; }
out=$("$bin" replay "$dir/timeline_images.replay" --user-dir "$tmp/user" --data-dir "$tmp/data")
status=$?
echo "$out"
[ $status -eq 0 ] || { echo "FAIL: exit status $status"; fail=1; }
case "$out" in *'"variant":"order"'*'"images":1'*) ;;
  *) echo "FAIL: expected the order round with one image drawn"; fail=1 ;; esac
rm -rf "$tmp"
exit $fail
