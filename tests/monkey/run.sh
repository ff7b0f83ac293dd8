#!/bin/sh
# The full monkey test (issue 10): 100,000 seeded random actions spread over every registered
# scene, under AddressSanitizer and UndefinedBehaviorSanitizer with leak detection. ctest runs a
# short version (monkey.short). A failure leaves the chunk that caused it in DIR as a replay
# file: `frontiers replay DIR/<scene>-<chunk>.replay` plays it again exactly.
# Usage: tests/monkey/run.sh [BUILD_DIR] [SEED] [ACTIONS]   (default build-asan 1 100000;
# configure it with -DFRONTIERS_SANITIZE=ON)
set -u
build=${1:-build-asan}
seed=${2:-1}
actions=${3:-100000}
dir=$(mktemp -d)
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0
export FRONTIERS_NOW=1767225600
# Shorter allocation stacks keep ASan's per-allocation cost down; reports still name the caller.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:malloc_context_size=8}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
start=$(date +%s)
if "$build/tests/monkey" --seed "$seed" --actions "$actions" --chunk 2000 --dir "$dir"; then
  echo "monkey: passed in $(( $(date +%s) - start )) s"
  rm -rf "$dir"
else
  status=$?
  echo "monkey: FAILED (status $status) after $(( $(date +%s) - start )) s; the failing chunk is in $dir:"
  ls -t "$dir"/*.replay | head -1
  exit 1
fi
