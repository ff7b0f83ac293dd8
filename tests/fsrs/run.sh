#!/bin/sh
# ctest entry for tests/fsrs/compare.mjs (the game's scheduler against ts-fsrs). Exits 77, ctest's
# skip, when there is no node; compare.mjs installs ts-fsrs itself (npm ci) on first use.
# Usage: tests/fsrs/run.sh FRONTIERS
if ! command -v node >/dev/null 2>&1; then
  echo "node not found: skipped (packaging/deps.sh installs nodejs and npm)"
  exit 77
fi
exec node "$(dirname "$0")/compare.mjs" "$@"
