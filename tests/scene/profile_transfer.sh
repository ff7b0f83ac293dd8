#!/bin/sh
# Moving a profile to another computer through the real binary: play a timeline round as Anna,
# export-profile, import-profile into an empty user folder, and check that the results exported
# from both folders are the same rows; a second import under the same name is refused (exit 1,
# nothing written) and --as imports it again under a new name.
bin=$1
dir=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/a" "$tmp/b"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software
export SDL_FRAMEBUFFER_ACCELERATION=0 FRONTIERS_NOW=1767225600
fail=0
"$bin" replay "$dir/new_profile.replay" --user-dir "$tmp/a" >/dev/null || { echo "FAIL setup"; exit 1; }
"$bin" replay "$dir/timeline_won.replay" --user-dir "$tmp/a" >/dev/null || { echo "FAIL round"; exit 1; }
"$bin" export-profile Anna --out "$tmp/anna.json" --user-dir "$tmp/a" || fail=1
out=$("$bin" import-profile "$tmp/anna.json" --user-dir "$tmp/b") || fail=1
case "$out" in *"imported profile 'Anna': 6 answers, 6 memory states"*) ;;
  *) echo "FAIL: import said '$out'"; fail=1 ;; esac
"$bin" export-results --out "$tmp/a.csv" --profile Anna --user-dir "$tmp/a" || fail=1
"$bin" export-results --out "$tmp/b.csv" --profile Anna --user-dir "$tmp/b" || fail=1
if ! cmp -s "$tmp/a.csv" "$tmp/b.csv"; then echo "FAIL: results differ after the move"; diff "$tmp/a.csv" "$tmp/b.csv"; fail=1; fi
[ "$(grep -c timeline "$tmp/b.csv")" -eq 6 ] || { echo "FAIL: expected 6 timeline answers in b.csv"; fail=1; }
err=$("$bin" import-profile "$tmp/anna.json" --user-dir "$tmp/b" 2>&1 >/dev/null)
[ $? -eq 1 ] || { echo "FAIL: a second import should exit 1"; fail=1; }
case "$err" in *"a profile named 'Anna' already exists"*"--as NAME"*) ;;
  *) echo "FAIL: second import said '$err'"; fail=1 ;; esac
"$bin" import-profile "$tmp/anna.json" --as "Anna 2" --user-dir "$tmp/b" >/dev/null || fail=1
"$bin" export-results --out "$tmp/b2.csv" --profile "Anna 2" --user-dir "$tmp/b" || fail=1
[ "$(grep -c timeline "$tmp/b2.csv")" -eq 6 ] || { echo "FAIL: Anna 2 lacks her answers"; fail=1; }
printf '{"format":"frontiers-profile","format_version":1,"profile":{"name":"X"},"answers":[{"nope":1}]}' > "$tmp/bad.json"
err=$("$bin" import-profile "$tmp/bad.json" --user-dir "$tmp/b" 2>&1 >/dev/null)
case "$err" in *'$.answers[0].nope is not a field'*"nothing was imported"*) ;;
  *) echo "FAIL: bad file said '$err'"; fail=1 ;; esac
err=$("$bin" export-profile Nobody --out "$tmp/n.json" --user-dir "$tmp/b" 2>&1 >/dev/null)
case "$err" in *"no profile named 'Nobody'"*) ;; *) echo "FAIL: export said '$err'"; fail=1 ;; esac
[ $fail -eq 0 ] && echo "profile transfer: ok"
exit $fail
