#!/bin/sh
# A test of tests/layers.sh: copies game/ to a temporary folder, plants one upward include
# (rules/ including app/) and one include of an unknown folder, and checks layers.sh fails
# and names both files and lines; the untouched copy must pass.
set -u
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$here/../game" "$tmp/game"
sh "$here/layers.sh" "$tmp/game" >/dev/null || { echo "FAIL: the untouched copy does not pass"; exit 1; }
f=$(ls "$tmp"/game/rules/*.c | head -1)
n=$(($(wc -l < "$f") + 1))
echo '#include "app/app.h"' >> "$f"
g=$(ls "$tmp"/game/base/*.c | head -1)
m=$(($(wc -l < "$g") + 1))
echo '#include "nowhere/x.h"' >> "$g"
out=$(sh "$here/layers.sh" "$tmp/game")
status=$?
fail=0
[ $status -ne 0 ] || { echo "FAIL: layers.sh passed with planted violations"; fail=1; }
echo "$out" | grep -q "$(basename "$f"):$n: 'rules/' includes 'app/'" || { echo "FAIL: the upward include $f:$n is not named"; fail=1; }
echo "$out" | grep -q "$(basename "$g"):$m: includes 'nowhere/'" || { echo "FAIL: the unknown folder $g:$m is not named"; fail=1; }
[ $fail -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
