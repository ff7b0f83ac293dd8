#!/bin/sh
# Pack load and validation at three sizes (issue 10: how it scales), each in a fresh process so
# each "first load" is the first in its process. Configure with -DFRONTIERS_BENCH=ON.
# Usage: tests/bench/pack_load.sh [BUILD_DIR]
build=${1:-build}
for n in 1000 10000 25000; do   # 25,000 items is 6.8 MB, under the 8 MB limit on pack.json
  "$build/tests/bench_pack_load" "$n"
done
exit 0
