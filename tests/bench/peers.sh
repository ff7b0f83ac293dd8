#!/bin/sh
# Start-up against peers (issue 10): time from process start until its first window is visible
# (mapped and viewable, polled with xdotool every 10 ms), and peak resident memory up to that
# moment (the program is then stopped; /usr/bin/time reports its max RSS), for Frontiers,
# KGeography and GCompris, each under the same Xvfb screen and with a fresh home folder, so
# first-run state is the same on every run. Prints the median of N runs and the ratios.
# Usage: tests/bench/peers.sh [FRONTIERS_BINARY] [RUNS]
# Needs: xvfb-run xauth xdotool time, and the Debian packages kgeography and gcompris-qt.
set -u
bin=$(cd "$(dirname "${1:-build/frontiers}")" && pwd)/$(basename "${1:-build/frontiers}")
runs=${2:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in xvfb-run xdotool /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || { echo "peers.sh needs $tool"; exit 2; }
done

cat > "$work/measure.sh" <<'EOS'
#!/bin/sh
# measure.sh NAME RUNS CMD...: inside the X server.
name=$1; runs=$2; shift 2
for i in $(seq 1 "$runs"); do
  home=$(mktemp -d)
  t0=$(date +%s%N)
  HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share XDG_CACHE_HOME=$home/.cache \
    /usr/bin/time -f "maxrss_kb %M" -o "$home/rss" "$@" >/dev/null 2>&1 &
  tpid=$!
  seen=""
  while [ -z "$seen" ]; do
    if ! kill -0 "$tpid" 2>/dev/null; then break; fi
    # Any viewable top-level window of the program's process (the child of /usr/bin/time).
    child=$(pgrep -P "$tpid" | head -1)
    [ -n "$child" ] && seen=$(xdotool search --onlyvisible --pid "$child" 2>/dev/null | head -1)
    now=$(date +%s%N)
    [ $(( (now - t0) / 1000000 )) -gt 60000 ] && break
    [ -z "$seen" ] && sleep 0.01
  done
  t1=$(date +%s%N)
  child=$(pgrep -P "$tpid" | head -1)
  [ -n "$child" ] && kill "$child" 2>/dev/null
  wait "$tpid" 2>/dev/null
  if [ -n "$seen" ]; then
    echo "$name window_ms $(( (t1 - t0) / 1000000 ))"
    sed -n "s/^maxrss_kb /$name maxrss_kb /p" "$home/rss"
  else
    echo "$name no_window"
  fi
  rm -rf "$home"
  sleep 0.5
done
EOS

cat > "$work/all.sh" <<EOS
#!/bin/sh
export SDL_AUDIODRIVER=dummy
sh "$work/measure.sh" frontiers $runs "$bin" --user-dir "$work/frontiers-user"
sh "$work/measure.sh" kgeography $runs kgeography
sh "$work/measure.sh" gcompris $runs /usr/games/gcompris-qt
EOS
xvfb-run -a -s "-screen 0 1920x1080x24" sh "$work/all.sh" > "$work/out.txt" 2>&1
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "NA"}'; }
for p in frontiers kgeography gcompris; do
  ms=$(awk -v p=$p '$1==p && $2=="window_ms" {print $3}' "$work/out.txt" | median)
  rss=$(awk -v p=$p '$1==p && $2=="maxrss_kb" {print $3}' "$work/out.txt" | median)
  miss=$(grep -c "^$p no_window" "$work/out.txt")
  echo "$p: first visible window median ${ms} ms, peak RSS median $(( ${rss:-0} / 1024 )) MiB ($runs runs, $miss without a window)"
  eval "ms_$p=$ms rss_$p=${rss:-0}"
done
awk -v f="$ms_frontiers" -v k="$ms_kgeography" -v g="$ms_gcompris" -v rf="$rss_frontiers" -v rk="$rss_kgeography" -v rg="$rss_gcompris" 'BEGIN {
  best = (k < g) ? k : g; bestm = (rk < rg) ? rk : rg;
  printf "ratio: the fastest peer takes %.1fx as long as Frontiers to show a window (KGeography %.1fx, GCompris %.1fx)\n", best / f, k / f, g / f;
  printf "ratio: Frontiers uses %.2f of the smaller peer'"'"'s peak memory (KGeography %.2f, GCompris %.2f)\n", rf / bestm, rf / rk, rf / rg }'
