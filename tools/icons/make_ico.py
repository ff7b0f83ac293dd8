#!/usr/bin/env python3
"""Packs PNG files into one Windows .ico (PNG-compressed entries, read by Windows Vista and
later and by NSIS). Usage: make_ico.py OUT.ico IN-16.png IN-32.png ... (each square, <= 256)."""
import struct
import sys


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise SystemExit("not a PNG")
    return struct.unpack(">II", data[16:24])


def main():
    out, pngs = sys.argv[1], [open(p, "rb").read() for p in sys.argv[2:]]
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for data in pngs:
        w, h = png_size(data)
        if w != h or w > 256:
            raise SystemExit(f"icons must be square and at most 256 px, not {w}x{h}")
        entries += struct.pack("<BBBBHHII", w % 256, h % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        blobs += data
    with open(out, "wb") as f:
        f.write(header + entries + blobs)


main()
