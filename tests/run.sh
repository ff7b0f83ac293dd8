#!/bin/sh
# The whole test suite: a normal build and a sanitizer build (ASan + UBSan), each with every
# unit, scene, CLI and store test. Run from the repository root.
set -e
jobs=$(nproc 2>/dev/null || echo 2)
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software SDL_FRAMEBUFFER_ACCELERATION=0

sh tests/layers.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

# The kill test is skipped under sanitizers (it measures SIGKILL recovery, not memory errors), and
# so is the ts-fsrs comparison (fsrs.*: 200 memory-trace runs checking numbers, not memory).
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DFRONTIERS_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" -E '^(kill|fsrs)\.'

# A short run of every libFuzzer target over its kept corpus (clang). The corpora are copied so
# the run leaves the tree untouched; the long runs are recorded in the issue notes.
if command -v clang >/dev/null 2>&1; then
  CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFRONTIERS_FUZZ=ON >/dev/null
  cmake --build build-fuzz -j"$jobs" --target fuzz_pack fuzz_replay fuzz_settings fuzz_geo fuzz_level fuzz_csv
  for f in pack replay settings geo level csv; do
    work=$(mktemp -d)
    cp -r "tests/fuzz/$f-corpus/." "$work/"
    if ! ./build-fuzz/tests/fuzz_$f -max_total_time=20 "$work" > "$work.log" 2>&1; then
      tail -40 "$work.log"; echo "fuzz_$f found a failure"; exit 1
    fi
    tail -1 "$work.log"
    rm -rf "$work" "$work.log"
  done
  echo "fuzz: 6 passed, 0 failed"
fi

# On CI (CI=true, as root): build the .deb and the tarball, install, run, purge (issue 9).
# Elsewhere run it by hand: sudo sh packaging/test-deb.sh
if [ "${CI:-}" = true ] && [ "$(id -u)" -eq 0 ]; then
  sh packaging/test-deb.sh
  echo "packaging: 1 passed, 0 failed"
fi
