#!/bin/sh
# The house's layering rule (game/README.md): a folder of game/ includes only itself and the
# folders before it in this order, and no two folders include each other in a cycle. Reads
# every #include "x/..." under the given tree and prints each violation as file:line.
# Usage: tests/layers.sh [GAME_DIR]   (default: game/ beside this script's parent)
set -u
game=${1:-$(cd "$(dirname "$0")/.." && pwd)/game}
order="base content geo rules store platform ui app scenes cli main"
rank() {
  i=0
  for f in $order; do
    [ "$f" = "$1" ] && { echo $i; return; }
    i=$((i + 1))
  done
  echo -1
}
fail=0
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT
found=0
for file in $(cd "$game" && find . -name '*.[ch]' | sed 's#^\./##' | sort); do
  case $file in
    */*) from=${file%%/*} ;;
    *) from=main ;;
  esac
  rf=$(rank "$from")
  if [ "$rf" -lt 0 ]; then
    echo "$game/$file: folder '$from' is not one of the layers ($order)"; fail=1; continue
  fi
  grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[a-z_]*/' "$game/$file" | while IFS= read -r hit; do
    line=${hit%%:*}
    to=$(echo "$hit" | sed 's/^[^"]*"\([a-z_]*\)\/.*/\1/')
    echo "$from $to $file:$line" >> "$edges"
  done
  found=$((found + 1))
done
[ "$found" -gt 0 ] || { echo "no C files under $game"; exit 1; }
while read -r from to where; do
  rf=$(rank "$from"); rt=$(rank "$to")
  if [ "$rt" -lt 0 ]; then
    echo "$game/$where: includes '$to/', which is not a layer"; fail=1
  elif [ "$rt" -gt "$rf" ]; then
    echo "$game/$where: '$from/' includes '$to/', which comes after it (order: $order)"; fail=1
  fi
done < "$edges"
# Cycles between folders: with the order above, any cycle has an upward edge, already reported;
# this also catches a cycle if the order is ever loosened (e.g. two folders of the same rank).
pairs=$(awk '$1 != $2 {print $1, $2}' "$edges" | sort -u)
echo "$pairs" | while read -r a b; do
  [ -n "$a" ] || continue
  if echo "$pairs" | grep -qx "$b $a"; then
    echo "include cycle between '$a/' and '$b/'"
  fi
done | sort -u > "$edges.cycles"
if [ -s "$edges.cycles" ]; then cat "$edges.cycles"; fail=1; fi
rm -f "$edges.cycles"
[ $fail -eq 0 ] && echo "layers: $found files, every include points down"
exit $fail
