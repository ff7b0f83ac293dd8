#!/usr/bin/env python3
"""Draws small locator maps for timeline cards: the pack's own far-east land, lakes, rivers and
borders (Natural Earth and GSHHG, see content/sino-russian-border/map/LICENSE-map.md) around an
event's place, with the place as a seal-red dot. No text in the picture, so one image serves all
three languages. Writes SVG and converts it with rsvg-convert (Debian `librsvg2-bin`).

Usage: tools/cardart/locator_maps.py PACK_DIR EVENT_ID... [--size 480x320]
Writes PACK_DIR/img/locator-<place>.png and prints the "image" value to put in each event."""
import json
import math
import os
import subprocess
import sys

PAPER, LAND, WATER, RIVER, BORDER, SEAL, INK = ("#F4EDE0", "#EFE6D2", "#CFDCD6", "#5E8C8A",
                                                "#1F2A3A", "#B23A2E", "#1F2A3A")
SPAN_LON, SPAN_LAT = 22.0, 13.0          # degrees shown around the place


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def rings(geom):
    t, c = geom["type"], geom["coordinates"]
    if t == "Polygon":
        return [c]
    if t == "MultiPolygon":
        return c
    return []


def lines(geom):
    t, c = geom["type"], geom["coordinates"]
    if t == "LineString":
        return [c]
    if t == "MultiLineString":
        return c
    return []


def main(argv):
    size = "480x320"
    args = []
    i = 0
    while i < len(argv):
        if argv[i] == "--size":
            size = argv[i + 1]
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    pack_dir, events = args[0], args[1:]
    width, height = (int(v) for v in size.split("x"))
    pack = load(os.path.join(pack_dir, "pack.json"))
    places = {p["id"]: p for p in pack["places"]}
    by_id = {e["id"]: e for e in pack["events"]}
    mapdir = os.path.join(pack_dir, "map")
    land = load(os.path.join(mapdir, "far-east-land.geojson"))["features"]
    lakes = load(os.path.join(mapdir, "far-east-lakes.geojson"))["features"]
    rivers = load(os.path.join(mapdir, "far-east-rivers.geojson"))["features"]
    borders = load(os.path.join(mapdir, "far-east-borders.geojson"))["features"]
    os.makedirs(os.path.join(pack_dir, "img"), exist_ok=True)
    for eid in events:
        ev = by_id.get(eid)
        if not ev or not ev.get("place") or ev["place"] not in places:
            print(f"{eid}: no such event with a place", file=sys.stderr)
            return 1
        pl = places[ev["place"]]
        lon0, lat0 = pl["lon"], pl["lat"]
        k = math.cos(math.radians(lat0))

        def xy(p):
            x = (p[0] - lon0) * k / (SPAN_LON * k) * width + width / 2
            y = height / 2 - (p[1] - lat0) / SPAN_LAT * height
            return f"{x:.1f},{y:.1f}"

        def path_of(coords, close):
            return "M" + " L".join(xy(p) for p in coords) + (" Z" if close else "")

        out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}">',
               f'<rect width="{width}" height="{height}" fill="{WATER}"/>']
        for f in land:
            d = " ".join(path_of(r, True) for poly in rings(f["geometry"]) for r in poly)
            out.append(f'<path d="{d}" fill="{LAND}" stroke="#B9AE98" stroke-width="0.8" fill-rule="evenodd"/>')
        for f in lakes:
            d = " ".join(path_of(r, True) for poly in rings(f["geometry"]) for r in poly)
            out.append(f'<path d="{d}" fill="{WATER}" stroke="{RIVER}" stroke-width="0.6"/>')
        for f in rivers:
            d = " ".join(path_of(ln, False) for ln in lines(f["geometry"]))
            out.append(f'<path d="{d}" fill="none" stroke="{RIVER}" stroke-width="2" stroke-linejoin="round"/>')
        for f in borders:
            d = " ".join(path_of(ln, False) for ln in lines(f["geometry"]))
            out.append(f'<path d="{d}" fill="none" stroke="{BORDER}" stroke-opacity="0.45" stroke-width="1.2" stroke-dasharray="6 4"/>')
        cx, cy = width / 2, height / 2
        out.append(f'<circle cx="{cx}" cy="{cy}" r="{height / 11:.1f}" fill="none" stroke="{SEAL}" stroke-width="3"/>')
        out.append(f'<circle cx="{cx}" cy="{cy}" r="{height / 32:.1f}" fill="{SEAL}"/>')
        out.append(f'<rect x="1" y="1" width="{width - 2}" height="{height - 2}" fill="none" stroke="{INK}" stroke-opacity="0.35" stroke-width="2"/>')
        out.append("</svg>")
        name = f"img/locator-{pl['id']}.png"
        svg = os.path.join(pack_dir, name[:-4] + ".svg.tmp")
        with open(svg, "w", encoding="utf-8") as f:
            f.write("\n".join(out))
        subprocess.run(["rsvg-convert", "-w", str(width), "-h", str(height), "-o",
                        os.path.join(pack_dir, name), svg], check=True)
        os.remove(svg)
        print(f'{eid}: "image": "{name}"')
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
