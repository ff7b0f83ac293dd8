#!/bin/sh
# Start-up benchmark: process start to the first presented frame, and peak memory (max RSS),
# with a real window under Xvfb. Prints the median of N runs.
# Usage: tests/bench/startup.sh [BINARY] [RUNS]   (needs xvfb-run and /usr/bin/time: apt-get
# install xvfb xauth time)
set -eu
bin=${1:-build/frontiers}
runs=${2:-15}
user=$(mktemp -d)
trap 'rm -rf "$user"' EXIT
cat > "$user/run.sh" <<EOS
#!/bin/sh
for i in \$(seq 1 $runs); do
  /usr/bin/time -f "maxrss_kb %M" env FRONTIERS_EXIT_AFTER_FIRST_FRAME=1 SDL_AUDIODRIVER=dummy \
    "$bin" --user-dir "$user" 2>&1 | grep -E "first_frame_ms|maxrss_kb"
done
EOS
xvfb-run -a -s "-screen 0 1920x1080x24" sh "$user/run.sh" > "$user/out.txt"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms=$(awk '/first_frame_ms/ {print $2}' "$user/out.txt" | median)
rss=$(awk '/maxrss_kb/ {print $2}' "$user/out.txt" | median)
echo "frontiers start to first frame: median ${ms} ms over $runs runs"
echo "frontiers peak memory (max RSS): median $((rss / 1024)) MiB"
