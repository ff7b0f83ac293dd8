#!/bin/sh
# Runs one scene test: plays a replay file through the real binary with no display and checks
# every "# expect: TEXT" line of the file appears in the JSON outcome, and every
# "# reject: TEXT" line does not. "# setup: FILE" first replays another file into the same
# user folder (to start from a state: a profile, settings). "# days-later: N" runs a replay
# (the tested one or a setup) N days after the fixed clock, so reviews fall due.
# Usage: run_replay.sh FRONTIERS REPLAY_FILE
set -u
bin=$1
file=$2
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
# A fixed clock (2026-01-01) so schedules and dates in the outcome are the same on every run.
export FRONTIERS_NOW=${FRONTIERS_NOW:-1767225600}
user=$(mktemp -d)
trap 'rm -rf "$user"' EXIT
dir=$(dirname "$file")
base_now=$FRONTIERS_NOW
# The clock of one replay file: base_now plus its "# days-later: N" days.
clock() { d=$(sed -n 's/^# days-later: //p' "$1"); echo $((base_now + ${d:-0} * 86400)); }
for setup in $(sed -n 's/^# setup: //p' "$file"); do
  FRONTIERS_NOW=$(clock "$dir/$setup") "$bin" replay "$dir/$setup" --user-dir "$user" >/dev/null || { echo "FAIL setup $setup"; exit 1; }
done
# "# days-later: N" (in the file or in a setup): that replay runs N days after the fixed clock.
FRONTIERS_NOW=$(clock "$file"); export FRONTIERS_NOW
out=$("$bin" replay "$file" --user-dir "$user" 2>"$user/stderr")
status=$?
echo "$out"
fail=0
if [ $status -ne 0 ]; then
  echo "FAIL: exit status $status"; cat "$user/stderr"; fail=1
fi
sed -n 's/^# expect: //p' "$file" > "$user/expect"
sed -n 's/^# reject: //p' "$file" > "$user/reject"
n=0
while IFS= read -r want; do
  n=$((n + 1))
  case "$out" in
    *"$want"*) ;;
    *) echo "FAIL: expected to find: $want"; fail=1 ;;
  esac
done < "$user/expect"
while IFS= read -r bad; do
  case "$out" in
    *"$bad"*) echo "FAIL: did not expect: $bad"; fail=1 ;;
  esac
done < "$user/reject"
# "# stored: MODE N": the progress store holds exactly N answers of that mode afterwards.
sed -n 's/^# stored: //p' "$file" | while read -r mode count; do
  "$bin" export-results --out "$user/export.csv" --user-dir "$user" >/dev/null 2>&1 || { echo "FAIL: export-results"; exit 1; }
  got=$(grep -c "^answer,.*,$mode," "$user/export.csv")
  if [ "$got" -ne "$count" ]; then echo "FAIL: $got stored $mode answers, expected $count"; exit 1; fi
  n=$((n + 1))
done || fail=1
if [ "$n" -eq 0 ] && ! grep -q '^# stored: ' "$file"; then echo "FAIL: $file has no '# expect:' line"; fail=1; fi
exit $fail
