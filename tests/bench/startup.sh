#!/bin/sh
# Start-up benchmark: process start (main) to the first presented frame, to the end of what is
# loaded just after it (packs, audio, game controllers), and peak memory (max RSS) by then,
# with a real window under Xvfb. Prints the median of N runs, and the median CPU time, wall time
# and peak RSS at the end of each start-up phase (FRONTIERS_TRACE_STARTUP).
# Usage: tests/bench/startup.sh [BINARY] [RUNS] [FRONTIERS OPTIONS, e.g. --renderer gpu]
# (needs xvfb-run and /usr/bin/time: apt-get install xvfb xauth time)
set -eu
bin=${1:-build/frontiers}
runs=${2:-15}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
user=$(mktemp -d)
trap 'rm -rf "$user"' EXIT
cat > "$user/run.sh" <<EOS
#!/bin/sh
for i in \$(seq 1 $runs); do
  /usr/bin/time -f "maxrss_kb %M" env FRONTIERS_EXIT_AFTER_FIRST_FRAME=1 FRONTIERS_TRACE_STARTUP=1 SDL_AUDIODRIVER=dummy \
    "$bin" --user-dir "$user" $* 2>&1 | grep -E "^first_frame_ms|^startup_done_ms|^maxrss_kb|^startup "
done
EOS
xvfb-run -a -s "-screen 0 1920x1080x24" sh "$user/run.sh" > "$user/out.txt"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms=$(awk '/^first_frame_ms/ {print $2}' "$user/out.txt" | median)
done_ms=$(awk '/^startup_done_ms/ {print $2}' "$user/out.txt" | median)
rss=$(awk '/^maxrss_kb/ {print $2}' "$user/out.txt" | median)
grep -m1 "^startup renderer" "$user/out.txt" || true
echo "frontiers start to first frame: median ${ms} ms over $runs runs (deferred loading done: ${done_ms} ms)"
echo "frontiers peak memory (max RSS): median $((rss / 1024)) MiB"
awk '$1 == "startup" && $4 == "ms" && $5 == "cpu" {
       n[$2]++; w[$2, n[$2]] = $3; c[$2, n[$2]] = $6; r[$2, n[$2]] = $9
       if (!($2 in seen)) { seen[$2] = ++k; order[k] = $2 } }
     function med(a, p, m,   i, j, t, v) { for (i = 1; i <= m; i++) v[i] = a[p, i]
       for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
       return v[int((m + 1) / 2)] }
     END { printf "%-12s %9s %9s %9s\n", "phase", "wall_ms", "cpu_ms", "rss_KiB"
       for (i = 1; i <= k; i++) { p = order[i]; printf "%-12s %9.1f %9.1f %9d\n", p, med(w, p, n[p]), med(c, p, n[p]), med(r, p, n[p]) } }' "$user/out.txt"
