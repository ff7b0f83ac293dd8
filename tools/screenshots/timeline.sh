#!/bin/sh
# Renders the timeline screenshots in docs/screenshots/ (and, with a second argument, every one
# of them at 1280x720 and 1920x1080 into that folder to look at): the round at the start, a
# wrong card sliding to its true place, the end of a won round, an order-all round after the
# check, and an opened card with its picture. Usage: tools/screenshots/timeline.sh BUILD/frontiers [DIR]
set -eu
bin=$1
all=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
export FRONTIERS_NOW=1767225600
"$bin" replay "$root/tests/scene/new_profile.replay" --user-dir "$tmp/u" >/dev/null
# A wrong placement: Nerchinsk and Kyakhta right, then Tientsin (1858) put first; frame 197 is
# the middle of its slide to the true place, frame 236 just after it settled.
printf 'size SIZE\nscene timeline\nlevel tl-amur-treaties\n10 confirm\n80 confirm\n150 left\n151 left\n152 confirm\nend 197\n' > "$tmp/slide"
sed 's/^end .*/end 236/' "$tmp/slide" > "$tmp/wrong"
grep -v '^#' "$root/tests/scene/timeline_won.replay" > "$tmp/end"
printf 'size SIZE\nscene timeline\nlevel tl-order-1858-1860\n5 right\n6 confirm\n7 left\n8 confirm\n20 key c\nend 60\n' > "$tmp/order"
printf 'size SIZE\nscene timeline\nlevel tl-order-1858-1860\n5 key c\n10 right\n11 confirm\nend 40\n' > "$tmp/card"
shot() {   # name size replay-or-empty
  out=$4
  if [ -z "$3" ]; then
    "$bin" screenshot --scene timeline --level tl-amur-treaties --size "$2" --frames 60 --user-dir "$tmp/u" --out "$out"
  else
    sed "s/^size .*/size $2/" "$tmp/$3" > "$tmp/r.replay"
    "$bin" replay "$tmp/r.replay" --user-dir "$tmp/u" --out "$out" >/dev/null
  fi
}
d="$root/docs/screenshots"
shot start 1280x720 "" "$d/timeline-start.png"
shot wrong 1280x720 wrong "$d/timeline.png"
shot end 1920x1080 end "$d/timeline-end.png"
shot order 1920x1080 order "$d/timeline-order.png"
shot card 1920x1080 card "$d/timeline-card.png"
if [ -n "$all" ]; then
  mkdir -p "$all"
  for size in 1280x720 1920x1080; do
    shot start "$size" "" "$all/start-$size.png"
    for r in slide wrong end order card; do shot "$r" "$size" "$r" "$all/$r-$size.png"; done
  done
fi
