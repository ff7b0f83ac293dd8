#!/usr/bin/env python3
"""Synthesises Frontiers' UI sounds into assets/sounds/*.wav (16-bit mono 44.1 kHz).

Soft "paper and wood" sounds: filtered noise for a card flip and a stamp, a wooden knock for
select, marimba-like notes for correct and the fanfare, a muted thud for wrong, a clock tick.
Standard library only and seeded, so the files are the same on every run.
Usage: python3 tools/sounds/make_sounds.py
"""
import math
import os
import random
import struct
import wave

RATE = 44100
PEAK = 10 ** (-4 / 20)  # -4 dBFS
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "assets", "sounds")


def env(i, n, attack=0.004, release=0.3):
    t = i / RATE
    dur = n / RATE
    a = min(1.0, t / attack) if attack > 0 else 1.0
    r = min(1.0, (dur - t) / (dur * release)) if release > 0 else 1.0
    return max(0.0, a * r)


def marimba(freq, dur, decay=9.0):
    n = int(dur * RATE)
    out = []
    for i in range(n):
        t = i / RATE
        v = (math.sin(2 * math.pi * freq * t) + 0.25 * math.sin(2 * math.pi * freq * 4 * t) * math.exp(-t * 30))
        out.append(v * math.exp(-t * decay) * env(i, n, 0.002, 0.1))
    return out


def noise(dur, rng, lowpass=0.2, decay=20.0, attack=0.002):
    n = int(dur * RATE)
    out, y = [], 0.0
    for i in range(n):
        t = i / RATE
        y += lowpass * (rng.uniform(-1, 1) - y)
        out.append(y * math.exp(-t * decay) * env(i, n, attack, 0.2))
    return out


def mix(*parts, offsets=None):
    offsets = offsets or [0] * len(parts)
    n = max(int(o * RATE) + len(p) for p, o in zip(parts, offsets))
    out = [0.0] * n
    for p, o in zip(parts, offsets):
        s = int(o * RATE)
        for i, v in enumerate(p):
            out[s + i] += v
    return out


def write(name, samples):
    peak = max(abs(v) for v in samples) or 1.0
    scale = PEAK / peak
    os.makedirs(OUT, exist_ok=True)
    with wave.open(os.path.join(OUT, name + ".wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(v * scale * 32767)) for v in samples))
    print(f"{name}.wav {len(samples) / RATE * 1000:.0f} ms")


def main():
    rng = random.Random(1858)
    write("select", mix(marimba(880, 0.09, 40), noise(0.03, rng, 0.5, 80)))
    write("confirm", mix(marimba(660, 0.16, 22), marimba(990, 0.16, 22), offsets=[0, 0.05]))
    write("correct", mix(marimba(523.25, 0.3, 10), marimba(783.99, 0.4, 8), offsets=[0, 0.09]))
    write("wrong", mix(marimba(146.8, 0.28, 14), [0.6 * v for v in marimba(138.6, 0.28, 14)]))
    write("flip", noise(0.14, rng, 0.35, 28, 0.02))
    write("tick", mix(marimba(1760, 0.04, 90), noise(0.015, rng, 0.8, 200)))
    write("stamp", mix(noise(0.2, rng, 0.08, 18), marimba(98, 0.2, 25)))
    write("fanfare", mix(marimba(523.25, 0.5, 6), marimba(659.25, 0.5, 6), marimba(783.99, 0.6, 5),
                         offsets=[0, 0.12, 0.24]))


if __name__ == "__main__":
    main()
