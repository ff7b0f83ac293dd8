#!/bin/sh
# Renders assets/icons/frontiers.svg to PNGs at every hicolor size (needs librsvg2-bin).
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
command -v rsvg-convert >/dev/null || apt-get install -y -qq librsvg2-bin
for s in 16 24 32 48 64 128 256 512; do
  mkdir -p "$repo/assets/icons/hicolor/${s}x${s}"
  rsvg-convert -w "$s" -h "$s" "$repo/assets/icons/frontiers.svg" -o "$repo/assets/icons/hicolor/${s}x${s}/frontiers.png"
done
# The Windows icon (installer and the .exe's resource): every size up to 256 in one .ico.
python3 "$repo/tools/icons/make_ico.py" "$repo/packaging/windows/frontiers.ico" \
  $(for s in 16 24 32 48 64 128 256; do echo "$repo/assets/icons/hicolor/${s}x${s}/frontiers.png"; done)
