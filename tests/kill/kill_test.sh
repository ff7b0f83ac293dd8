#!/bin/bash
# SIGKILL test: start the writer, kill it with SIGKILL after a random delay, check the database
# (integrity, every printed id present, answers and memory agree); N times (default 200).
# usage: kill_test.sh WRITER CHECKER WORK_DIR [N]
set -u
writer=$1 check=$2 work=$3 n=${4:-200}
rm -rf "$work"
mkdir -p "$work"
total=0
for i in $(seq 1 "$n"); do
    "$writer" "$work/user" > "$work/ids.txt" 2> "$work/writer.err" &
    pid=$!
    sleep "0.0$(( RANDOM % 80 + 10 ))"
    kill -KILL "$pid" 2> /dev/null
    wait "$pid" 2> /dev/null
    if [ -s "$work/writer.err" ]; then
        echo "run $i: the writer failed:"; cat "$work/writer.err"; exit 1
    fi
    if ! "$check" "$work/user" "$work/ids.txt" > "$work/check.out"; then
        echo "run $i: check failed"; cat "$work/check.out"; exit 1
    fi
    total=$(( total + $(wc -l < "$work/ids.txt") ))
done
echo "$n kills, $total committed answers checked, database sound after each"
