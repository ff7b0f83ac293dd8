#!/bin/sh
# Frame benchmark: CPU time per frame (median, 95th percentile, max) and allocations per frame in
# steady state, for every registered scene at 1920x1080 on SDL's software renderer, with every
# libc allocation counted through libmalloc_count.so. Configure with -DFRONTIERS_BENCH=ON.
# A measured frame is a full frame as in play (cached layers copied, as the game does; see the
# comment at the top of bench_frames.c); --no-cache redraws every layer every frame.
# Usage: tests/bench/frames.sh [BUILD_DIR] [bench_frames options: --size WxH --frames N --no-cache ...]
set -eu
build=${1:-build}
[ $# -gt 0 ] && shift
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
LD_PRELOAD="$(cd "$build/tests" && pwd)/libmalloc_count.so" exec "$build/tests/bench_frames" "$@"
