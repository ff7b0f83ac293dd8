#!/usr/bin/env python3
"""Generates hostile content packs for tests/hostile/run.sh into OUT/<case>/:
data/ is a complete data folder (assets and the real packs and levels linked from the source
tree, plus the hostile copy of the example pack in content/example-pack and a map level that
plays it), and expect.txt holds the message `frontiers validate` must print.
Usage: make_cases.py SOURCE_DIR OUT [CASE...]"""
import json
import math
import os
import struct
import sys
import zlib

SRC, OUT = sys.argv[1], sys.argv[2]
ONLY = set(sys.argv[3:])
EXAMPLE = os.path.join(SRC, "content/examples/example-pack")


def base_case(name, expect):
    """A data folder whose example-pack is a copy the case then breaks."""
    root = os.path.join(OUT, name)
    data = os.path.join(root, "data")
    pack = os.path.join(data, "content/example-pack")
    os.makedirs(os.path.join(pack, "map"), exist_ok=True)
    os.makedirs(os.path.join(data, "levels"), exist_ok=True)
    os.symlink(os.path.join(SRC, "assets"), os.path.join(data, "assets"))
    os.symlink(os.path.join(SRC, "content/sino-russian-border"), os.path.join(data, "content/sino-russian-border"))
    for f in os.listdir(os.path.join(SRC, "levels")):
        os.symlink(os.path.join(SRC, "levels", f), os.path.join(data, "levels", f))
    for f in ("regions.geojson", "rivers.geojson"):
        with open(os.path.join(EXAMPLE, "map", f), "rb") as a, open(os.path.join(pack, "map", f), "wb") as b:
            b.write(a.read())
    with open(os.path.join(EXAMPLE, "pack.json"), encoding="utf-8") as f:
        doc = json.load(f)
    # A map level on the example pack, so the game triangulates and draws its regions.
    level = {"format": 1, "id": "hostile-map", "title": {"en": "Hostile map", "ru": "Карта", "zh": "地图"},
             "pack": "example-pack", "mode": "map", "variant": "which-treaty",
             "select": {"kinds": ["region"], "count": 1, "seed": 1},
             "rules": {"lives": 0, "time_limit": 0, "hints": True, "streak_bonus": False, "speed_bonus": False},
             "stars": [50, 70, 90]}
    with open(os.path.join(data, "levels/hostile-map.json"), "w", encoding="utf-8") as f:
        json.dump(level, f, ensure_ascii=False, indent=1)
    with open(os.path.join(root, "expect.txt"), "w", encoding="utf-8") as f:
        f.write(expect + "\n")
    return root, pack, doc


def write_pack(pack, doc):
    with open(os.path.join(pack, "pack.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)


def png_header(w, h):
    """A PNG signature and IHDR chunk declaring w x h pixels, then a tiny IDAT and IEND."""
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def with_image(doc, path):
    doc["flashcards"][0]["image"] = path
    return doc


def ring(n, cx=128.0, cy=50.0, r=4.0):
    """A closed star-shaped ring of n distinct vertices (non-convex: ear clipping works hard)."""
    pts = []
    for i in range(n):
        a = 2 * math.pi * i / n
        rr = r * (1.0 if i % 2 == 0 else 0.7)
        pts.append([round(cx + rr * math.cos(a), 6), round(cy + rr * math.sin(a), 6)])
    pts.append(pts[0])
    return pts


def geojson_with_ring(n):
    with open(os.path.join(EXAMPLE, "map/regions.geojson"), encoding="utf-8") as f:
        g = json.load(f)
    g["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [ring(n)]}
    return json.dumps(g, separators=(",", ":"))


CASES = {}


def case(name, expect):
    def wrap(fn):
        CASES[name] = (expect, fn)
        return fn
    return wrap


@case("deep-nesting", "nesting deeper than 64 levels")
def _(pack, doc):
    with open(os.path.join(pack, "pack.json"), "w") as f:
        f.write('{"format": 1, "events": ' + "[" * 1000000 + "]" * 1000000 + "}")


@case("file-100mb", "pack.json is larger than 8 MB")
def _(pack, doc):
    write_pack(pack, doc)
    with open(os.path.join(pack, "pack.json"), "ab") as f:
        f.write(b" " * (100 << 20))


@case("million-items", "at most 100000")
def _(pack, doc):
    doc["events"] = [{}] * 1000000
    with open(os.path.join(pack, "pack.json"), "w") as f:
        json.dump(doc, f, separators=(",", ":"))


@case("100k-broken-items", "error")
def _(pack, doc):
    # Just under the item limit, every item wrong: the report must still be bounded.
    doc["events"] = [{"id": "same"}] * 99999
    with open(os.path.join(pack, "pack.json"), "w") as f:
        json.dump(doc, f, separators=(",", ":"))


@case("huge-polygon-over-limit", "at most 200000 are allowed")
def _(pack, doc):
    write_pack(pack, doc)
    with open(os.path.join(pack, "map/regions.geojson"), "w") as f:
        f.write(geojson_with_ring(400000))


@case("huge-polygon-at-limit", "OK")
def _(pack, doc):
    # 150,000 vertices in one ring: allowed, so the map view must triangulate it in bounded time.
    write_pack(pack, doc)
    with open(os.path.join(pack, "map/regions.geojson"), "w") as f:
        f.write(geojson_with_ring(150000))


@case("geojson-20mb", "larger than")
def _(pack, doc):
    write_pack(pack, doc)
    with open(os.path.join(pack, "map/regions.geojson"), "w") as f:
        f.write(geojson_with_ring(1000) + " " * (20 << 20))


@case("image-enormous-png", "images must be at most 4096x4096")
def _(pack, doc):
    os.makedirs(os.path.join(pack, "img"))
    with open(os.path.join(pack, "img/card.png"), "wb") as f:
        f.write(png_header(1000000, 1000000))
    write_pack(pack, with_image(doc, "img/card.png"))


@case("image-enormous-jpeg", "images must be at most 4096x4096")
def _(pack, doc):
    os.makedirs(os.path.join(pack, "img"))
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 65000, 65000, 1) + b"\x01\x11\x00"
    with open(os.path.join(pack, "img/card.jpg"), "wb") as f:
        f.write(b"\xff\xd8\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0" + sof + b"\xff\xd9")
    write_pack(pack, with_image(doc, "img/card.jpg"))


@case("image-bomb-at-limit", "OK")
def _(pack, doc):
    # 4096 x 4096 of one colour: 40 KB on disk, 64 MB decoded. Allowed; the game must cope.
    os.makedirs(os.path.join(pack, "img"))
    raw = b"".join(b"\0" + b"\x80\x40\x20\xff" * 4096 for _ in range(4096))
    ihdr = struct.pack(">IIBBBBB", 4096, 4096, 8, 6, 0, 0, 0)
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    with open(os.path.join(pack, "img/card.png"), "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    write_pack(pack, with_image(doc, "img/card.png"))


@case("dotdot-path", "leaves the pack folder")
def _(pack, doc):
    write_pack(pack, with_image(doc, "img/../../../../etc/passwd"))


@case("dotdot-geojson", "leaves the pack folder")
def _(pack, doc):
    for m in doc["maps"]:
        for layer in m.get("layers", []):
            layer["file"] = "../sino-russian-border/map/far-east-rivers.geojson"
    write_pack(pack, doc)


@case("symlink-outside", "leads outside the pack folder")
def _(pack, doc):
    os.makedirs(os.path.join(pack, "img"))
    outside = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(pack))), "outside.png")
    with open(outside, "wb") as f:
        f.write(png_header(16, 16))
    os.symlink(outside, os.path.join(pack, "img/card.png"))
    write_pack(pack, with_image(doc, "img/card.png"))


@case("symlink-geojson-to-dev-zero", "regions.geojson")
def _(pack, doc):
    write_pack(pack, doc)
    os.remove(os.path.join(pack, "map/regions.geojson"))
    os.symlink("/dev/zero", os.path.join(pack, "map/regions.geojson"))


@case("fifo-pack-json", "pack.json")
def _(pack, doc):
    # Opening a FIFO for reading blocks until a writer comes: the loader must not wait.
    os.mkfifo(os.path.join(pack, "pack.json"))


@case("fifo-geojson", "regions.geojson")
def _(pack, doc):
    write_pack(pack, doc)
    os.remove(os.path.join(pack, "map/regions.geojson"))
    os.mkfifo(os.path.join(pack, "map/regions.geojson"))


@case("invalid-utf8-strings", "UTF-8")
def _(pack, doc):
    text = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    # A lone continuation byte, an overlong '/', an encoded surrogate, a truncated sequence.
    text = text.replace("Amur".encode(), b"Am\x80ur", 1)
    text = text.replace("Пример".encode(), b"\xc0\xaf" + "Пример".encode(), 1)
    text = text.replace("граница".encode(), b"\xed\xa0\x80", 1)
    with open(os.path.join(pack, "pack.json"), "wb") as f:
        f.write(text + b"\xe5\xb9")


@case("utf16-file", "UTF-16 text; save it as UTF-8")
def _(pack, doc):
    with open(os.path.join(pack, "pack.json"), "wb") as f:
        f.write(json.dumps(doc, ensure_ascii=False).encode("utf-16"))


@case("long-strings", "error")
def _(pack, doc):
    doc["title"]["en"] = "A" * (7 << 20)
    write_pack(pack, doc)


for name, (expect, fn) in CASES.items():
    if ONLY and name not in ONLY:
        continue
    root, pack, doc = base_case(name, expect)
    fn(pack, doc)
    print(name)
