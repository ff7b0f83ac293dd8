#!/bin/sh
# Remapped classroom buzzer keys (settings.json "buzzer_keys"), through the real binary: team 1
# moved to T Y G H joins with T and no longer with 1; team 2's set, given with a repeated key, is
# refused and keeps its default 7-0; team 3 keeps Q-R. Without the setting, 1 is team 1 again.
bin=$1
dir=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software
export SDL_FRAMEBUFFER_ACCELERATION=0 FRONTIERS_NOW=1767225600
fail=0
"$bin" replay "$dir/new_profile.replay" --user-dir "$tmp" >/dev/null || { echo "FAIL setup"; exit 1; }
cat > "$tmp/join.replay" <<'R'
size 1280x720
scene classroom
level classroom-fair-buzz
5 key 1
6 key t
7 key 8
8 key w
end 20
R
out=$("$bin" replay "$tmp/join.replay" --user-dir "$tmp")
case "$out" in *'"teams_joined":3,"joined_with":["keys 1","keys 2","keys 3"]'*) ;;
  *) echo "FAIL: default keys: $out"; fail=1 ;; esac
# the game rewrote settings.json with every set; change team 1 and break team 2
sed -e 's/\["1", *"2", *"3", *"4"\]/["T","Y","G","H"]/' -e 's/\["7", *"8", *"9", *"0"\]/["7","7","9","0"]/' \
  "$tmp/settings.json" > "$tmp/s.json" && mv "$tmp/s.json" "$tmp/settings.json"
grep -q '"T","Y","G","H"' "$tmp/settings.json" || { echo "FAIL: could not edit settings.json"; cat "$tmp/settings.json"; exit 1; }
out=$("$bin" replay "$tmp/join.replay" --user-dir "$tmp")
# 1 is no team's now; t is team 1's; 8 still team 2's (its broken set was refused); w team 3's
case "$out" in *'"teams_joined":3,"joined_with":["keys 1","keys 2","keys 3"]'*) ;;
  *) echo "FAIL: remapped keys: $out"; fail=1 ;; esac
sed 's/^6 key t$/6 key 2/' "$tmp/join.replay" > "$tmp/old.replay"
out=$("$bin" replay "$tmp/old.replay" --user-dir "$tmp")
case "$out" in *'"teams_joined":2,"joined_with":["keys 2","keys 3"]'*) ;;
  *) echo "FAIL: the old keys 1 and 2 still buzz for team 1: $out"; fail=1 ;; esac
[ $fail -eq 0 ] && echo "buzzer remap: ok"
exit $fail
