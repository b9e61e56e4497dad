#!/usr/bin/env python3
"""Draws CoachBot's Teams icons as PNGs with the standard library only (no image tools needed).

color.png: 192x192, the symbol (a white ring with a dot, ~96 px) on the accent colour.
outline.png: 32x32, the same symbol in white on a transparent background, no padding.
"""
import math
import struct
import sys
import zlib
from pathlib import Path

ACCENT = (0x1B, 0x7F, 0x5A, 0xFF)
WHITE = (0xFF, 0xFF, 0xFF, 0xFF)
CLEAR = (0, 0, 0, 0)


def png(path, size, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(size)) for y in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def symbol(size, outer, thickness, dot, background):
    centre = (size - 1) / 2

    def pixel(x, y):
        distance = math.hypot(x - centre, y - centre)
        on_ring = outer - thickness <= distance <= outer
        return WHITE if on_ring or distance <= dot else background

    return pixel


out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parent)
png(out / "color.png", 192, symbol(192, outer=48, thickness=12, dot=12, background=ACCENT))
png(out / "outline.png", 32, symbol(32, outer=15.5, thickness=3, dot=4, background=CLEAR))
