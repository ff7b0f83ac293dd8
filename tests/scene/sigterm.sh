#!/bin/sh
# A headless replay stops promptly on SIGTERM (SDL turns it into a quit request): it exits 1
# with a message instead of running its script to the end.
# Usage: sigterm.sh FRONTIERS_BINARY
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
# A menu script that would run for 30 minutes of game time (108,000 frames).
printf 'size 1024x600\nscene menu\nprofile Sig\nend 108000\n' > "$dir/long.replay"
"$bin" replay "$dir/long.replay" --user-dir "$dir/user" > "$dir/out" 2> "$dir/err" &
pid=$!
sleep 2
kill -TERM "$pid"
t=0
while kill -0 "$pid" 2>/dev/null && [ $t -lt 100 ]; do sleep 0.1; t=$((t + 1)); done
if kill -0 "$pid" 2>/dev/null; then
  kill -KILL "$pid"
  echo "FAIL: still running 10 s after SIGTERM"
  exit 1
fi
wait "$pid"
status=$?
if [ $status -ne 1 ]; then echo "FAIL: exit status $status after SIGTERM, expected 1"; cat "$dir/err"; exit 1; fi
if ! grep -q "stopped by a signal" "$dir/err"; then echo "FAIL: no message; stderr was:"; cat "$dir/err"; exit 1; fi
echo "stopped $t tenths of a second after SIGTERM: $(cat "$dir/err")"
