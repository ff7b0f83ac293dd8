#!/bin/bash
# Rebuilds content/sino-russian-border/map/ from the shared extract (Natural Earth + GSHHG; its
# SOURCES.md), npm world-atlas@2.0.2 + mapshaper@0.7.70 and Debian gmt/gmt-gshhg-high.
# Usage: tools/map/build.sh [SHARED_MAPS_DIR]   (Debian 12 as root; apt + npm only; ~1 min)
# Nothing downloaded is committed: npm packages and GMT output stay in $T (a temporary folder).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)
SH=${1:-${SHARED_MAPS:-$ROOT/../shared/data/maps}}; [ -d "$SH" ] || SH=/work/shared/data/maps
OUT=$ROOT/content/sino-russian-border/map; T=${T:-$(mktemp -d)}; mkdir -p "$T/npm" "$T/w"
PY=/usr/bin/python3
need=""
command -v gmt >/dev/null || need="$need gmt gmt-gshhg-high gmt-gshhg-low"
command -v rsvg-convert >/dev/null || need="$need librsvg2-bin"
$PY -c 'import shapely' 2>/dev/null || need="$need python3-shapely"
if [ -n "$need" ]; then apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need; fi
cd "$T/npm"
[ -f wa/package/countries-10m.json ] || { npm pack world-atlas@2.0.2 >/dev/null; mkdir -p wa; tar xzf world-atlas-2.0.2.tgz -C wa; }
[ -x node_modules/.bin/mapshaper ] || { npm init -y >/dev/null; npm install --no-fund --no-audit mapshaper@0.7.70 >/dev/null; }
node_modules/.bin/mapshaper -i wa/package/countries-10m.json -target countries -clip bbox=60,32,105,58 \
  -filter 'name!=null' -simplify interval=1500 keep-shapes -filter-islands min-area=50km2 \
  -o format=geojson precision=0.001 "$T/w/ca-countries.geojson" 2>&1 | grep -v '^\[o\]' || true
cd "$T/w"
S=$SH/scripts
gmt coast -R68/100/36/56 -Dh -Ia -M > riv_ca.txt && $PY "$S/gmt2geojson.py" riv_ca.txt riv_ca.geojson
gmt coast -R95/145/38/60 -Dh -Ia -M > riv_fe.txt && $PY "$S/gmt2geojson.py" riv_fe.txt riv_fe.geojson
gmt coast -R68/100/36/56 -Dh -A0/2/2 -W -M > shore_ca.txt
$PY "$S/name_rivers.py" riv_fe.geojson "$HERE/anchors-extra.json" riv_fe_extra.geojson
$PY "$S/name_rivers.py" riv_ca.geojson "$HERE/anchors-ca.json" riv_ca_named.geojson
$PY "$S/lakes.py" shore_ca.txt "$HERE/lakes-ca.json" lakes_ca.geojson
$PY "$HERE/build_maps.py" "$SH" "$T/w" "$OUT"
$PY "$HERE/fragment.py" "$OUT"
# previews (not shipped in the pack): tools/map/preview-*.png
$PY "$HERE/preview.py" "$OUT" far-east 125 50 45 55 105,40,145,60 900 "$T/fe.svg"
$PY "$HERE/preview.py" "$OUT" central-asia 82 45 40 50 70,38,95,52 900 "$T/ca.svg"
rsvg-convert "$T/fe.svg" -o "$HERE/preview-far-east.png"; rsvg-convert "$T/ca.svg" -o "$HERE/preview-central-asia.png"
du -cb "$OUT"/* | tail -1
