#!/bin/sh
# Runs `frontiers validate` on every case under tests/malformed/ and compares its output and exit
# status with the case's expected.txt. Paths in messages are relative to the repository root.
# usage: run.sh FRONTIERS SOURCE_DIR [--update]
#   A case's arguments are the lines of its `args` file (paths relative to the repository root),
#   or else every folder in its content/ and every .json file in its levels/.
set -u
frontiers=$1
src=$2
update=${3:-}
cd "$src" || exit 2
failed=0
total=0
for dir in tests/malformed/*/; do
    case=${dir%/}
    name=${case##*/}
    total=$((total + 1))
    if [ -f "$case/args" ]; then
        set -- $(cat "$case/args")
    else
        set --
        for p in "$case"/content/* "$case"/levels/*.json; do
            [ -e "$p" ] && set -- "$@" "$p"
        done
    fi
    actual=$("$frontiers" validate "$@" 2>&1; echo "exit: $?")
    if [ "$update" = "--update" ]; then
        printf '%s\n' "$actual" > "$case/expected.txt"
        continue
    fi
    if [ ! -f "$case/expected.txt" ]; then
        echo "FAIL $name: no expected.txt"
        failed=$((failed + 1))
        continue
    fi
    if ! printf '%s\n' "$actual" | diff -u "$case/expected.txt" - > /dev/null; then
        echo "FAIL $name"
        printf '%s\n' "$actual" | diff -u "$case/expected.txt" -
        failed=$((failed + 1))
    fi
done
echo "malformed: $((total - failed)) of $total cases match their expected output"
[ "$failed" -eq 0 ]
