#!/usr/bin/env python3
"""Draws the app icons (a white globe on the seal red) into public/icons/ as PNG, with
the standard library only. Run once; the PNGs are committed."""
import math
import struct
import zlib
from pathlib import Path

RED = (155, 28, 28)
WHITE = (255, 255, 255)


def inside_globe(x, y, r):
    """Line work of a globe of radius r centred at 0,0: rim, equator, parallels, meridians."""
    d = math.hypot(x, y)
    w = r * 0.075
    if abs(d - r) < w:
        return True
    if d > r:
        return False
    if abs(y) < w / 1.3 or abs(y - r * 0.5) < w / 1.6 or abs(y + r * 0.5) < w / 1.6:
        return True
    if abs(x) < w / 1.3:
        return True
    ex = r * 0.5  # an elliptic meridian
    return abs((x / ex) ** 2 + (y / r) ** 2 - 1) < w / ex * 1.6


def draw(size, globe_fraction, rounded):
    rows = []
    ss = 3
    r = size * globe_fraction / 2
    corner = size * 0.18 if rounded else 0
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    x = px + (sx + 0.5) / ss
                    y = py + (sy + 0.5) / ss
                    cx, cy = min(x, size - x), min(y, size - y)
                    if corner and cx < corner and cy < corner and math.hypot(corner - cx, corner - cy) > corner:
                        continue
                    c = WHITE if inside_globe(x - size / 2, y - size / 2, r) else RED
                    acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 255
            n = ss * ss
            row += bytes([acc[0] // n, acc[1] // n, acc[2] // n, acc[3] // n])
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


out = Path(__file__).resolve().parent.parent / "public" / "icons"
out.mkdir(parents=True, exist_ok=True)
(out / "icon-192.png").write_bytes(draw(192, 0.62, True))
(out / "icon-512.png").write_bytes(draw(512, 0.62, True))
(out / "icon-maskable-512.png").write_bytes(draw(512, 0.5, False))
print("icons written to", out)
