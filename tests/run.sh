#!/bin/sh
# The whole test suite: a normal build and a sanitizer build (ASan + UBSan), each with every
# unit, scene, CLI and store test. Run from the repository root.
set -e
jobs=$(nproc 2>/dev/null || echo 2)
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

# The kill test is skipped under sanitizers (it measures SIGKILL recovery, not memory errors).
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DFRONTIERS_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -E '^kill\.'
