#!/bin/sh
# Start-up against peers (issue 10): time from process start until its first window is mapped
# (tests/bench/mapwait.c: the X server's MapNotify event, timed from the fork, no polling), the
# peak resident memory at that moment (VmHWM from /proc), and the peak over the 2 s after it (the
# program is then stopped; /usr/bin/time reports its max RSS), which counts what a program loads
# once its window shows. For Frontiers also the time to its first presented frame, from the same
# start (its FRONTIERS_TRACE_STARTUP wall-clock stamp): Frontiers maps its window just before it
# presents its first frame. Frontiers, KGeography and GCompris run under the same Xvfb screen,
# each with a fresh home folder, so first-run state is the same on every run. Prints the median
# of N runs and the ratios.
# Usage: tests/bench/peers.sh [FRONTIERS_BINARY] [RUNS]
# Needs: xvfb-run xauth time, a C compiler and libX11's headers (libx11-dev, which SDL2's -dev
# package brings), and the Debian packages kgeography and gcompris-qt.
set -u
bin=$(cd "$(dirname "${1:-build/frontiers}")" && pwd)/$(basename "${1:-build/frontiers}")
runs=${2:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in xvfb-run /usr/bin/time cc; do
  command -v "$tool" >/dev/null 2>&1 || { echo "peers.sh needs $tool"; exit 2; }
done
here=$(cd "$(dirname "$0")" && pwd)
cc -O2 -o "$work/mapwait" "$here/mapwait.c" -lX11 || { echo "peers.sh: cannot build mapwait (needs libx11-dev)"; exit 2; }

cat > "$work/measure.sh" <<'EOS'
#!/bin/sh
# measure.sh NAME RUNS CMD...: inside the X server.
name=$1; runs=$2; shift 2
for i in $(seq 1 "$runs"); do
  home=$(mktemp -d)
  # mapwait starts the program (through /usr/bin/time, for the peak memory at exit) and writes
  # the moment the X server maps its first window, timed from its own fork with no polling.
  HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share XDG_CACHE_HOME=$home/.cache \
    FRONTIERS_TRACE_STARTUP=1 "$MAPWAIT" 60000 /usr/bin/time -f "maxrss_kb %M" -o "$home/rss" "$@" >"$home/map" 2>"$home/err" &
  mpid=$!
  wait "$mpid" 2>/dev/null
  tpid=$(awk '{print $4}' "$home/map")
  seen=$(awk '$1 == "map_ms" {print $2}' "$home/map")
  child=$([ -n "$tpid" ] && pgrep -P "$tpid" | head -1)
  hwm=$([ -n "$child" ] && awk '/^VmHWM:/ {print $2}' "/proc/$child/status" 2>/dev/null)
  # CPU time (user + system, all threads) the program had used by then: steadier than wall
  # time when other work shares the machine.
  cpu=$([ -n "$child" ] && awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$child/stat" 2>/dev/null)
  [ -n "$seen" ] && sleep 2
  [ -n "$child" ] && kill "$child" 2>/dev/null
  while [ -n "$tpid" ] && kill -0 "$tpid" 2>/dev/null; do sleep 0.05; done
  if [ -n "$seen" ]; then
    echo "$name window_ms $seen"
    [ -n "$hwm" ] && echo "$name visible_rss_kb $hwm"
    [ -n "$cpu" ] && echo "$name visible_cpu_ms $cpu"
    sed -n "s/^maxrss_kb /$name maxrss_kb /p" "$home/rss"
    # Frontiers' first presented frame (its present call has returned), from the same start.
    start=$(awk '{print $8}' "$home/map")
    awk -v t0="$start" -v n="$name" '$1 == "startup" && $2 == "present_unix_ms" {
      printf "%s present_ms %.1f\n", n, $3 - t0 }' "$home/err"
  else
    echo "$name no_window"
  fi
  rm -rf "$home"
  sleep 0.5
done
EOS

cat > "$work/all.sh" <<EOS
#!/bin/sh
export SDL_AUDIODRIVER=dummy MAPWAIT="$work/mapwait"
sh "$work/measure.sh" frontiers $runs "$bin" --user-dir "$work/frontiers-user"
sh "$work/measure.sh" kgeography $runs kgeography
sh "$work/measure.sh" gcompris $runs /usr/games/gcompris-qt
EOS
xvfb-run -a -s "-screen 0 1920x1080x24" sh "$work/all.sh" > "$work/out.txt" 2>&1
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "NA"}'; }
for p in frontiers kgeography gcompris; do
  ms=$(awk -v p=$p '$1==p && $2=="window_ms" {print $3}' "$work/out.txt" | median)
  vis=$(awk -v p=$p '$1==p && $2=="visible_rss_kb" {print $3}' "$work/out.txt" | median)
  rss=$(awk -v p=$p '$1==p && $2=="maxrss_kb" {print $3}' "$work/out.txt" | median)
  cpu=$(awk -v p=$p '$1==p && $2=="visible_cpu_ms" {print $3}' "$work/out.txt" | median)
  miss=$(grep -c "^$p no_window" "$work/out.txt")
  [ "$vis" = NA ] && vis=0
  echo "$p: first visible window median ${ms} ms (CPU used by then ${cpu} ms); peak RSS median $(( ${vis:-0} / 1024 )) MiB at that moment, $(( ${rss:-0} / 1024 )) MiB by 2 s later ($runs runs, $miss without a window)"
  eval "ms_$p=$ms rss_$p=${rss:-0} cpu_$p=$cpu"
done
pf=$(awk '$1=="frontiers" && $2=="present_ms" {print $3}' "$work/out.txt" | median)
echo "frontiers: first presented frame median ${pf} ms from the same start"
echo "per run (ms):" $(awk '$2=="window_ms" {printf "%s=%s ", substr($1,1,1), $3}' "$work/out.txt")
awk -v f="$ms_frontiers" -v k="$ms_kgeography" -v g="$ms_gcompris" -v rf="$rss_frontiers" -v rk="$rss_kgeography" -v rg="$rss_gcompris" \
    -v cf="$cpu_frontiers" -v ck="$cpu_kgeography" -v cg="$cpu_gcompris" 'BEGIN {
  best = (k < g) ? k : g; bestm = (rk < rg) ? rk : rg;
  if (cf > 0) printf "ratio: KGeography uses %.1fx and GCompris %.1fx as much CPU as Frontiers before its window shows\n", ck / cf, cg / cf;
  printf "ratio: the fastest peer takes %.1fx as long as Frontiers to show a window (KGeography %.1fx, GCompris %.1fx)\n", best / f, k / f, g / f;
  printf "ratio: Frontiers uses %.2f of the smaller peer'"'"'s peak memory by 2 s after the window (KGeography %.2f, GCompris %.2f)\n", rf / bestm, rf / rk, rf / rg }'
