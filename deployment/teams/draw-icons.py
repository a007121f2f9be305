#!/usr/bin/env python3
"""Draws the Teams app icons: color.png (192x192, full colour) and outline.png (32x32, white on
transparent), as Teams asks. Standard library only; the shapes are signed distance functions,
sampled 4x4 per pixel for smooth edges. Run it from anywhere: python3 deployment/teams/draw-icons.py
"""
import math
import os
import struct
import zlib

ACCENT = (0x2B, 0x5C, 0xD6)  # also the manifest's accentColor
WHITE = (255, 255, 255)


def rounded_rect(x, y, cx, cy, half_w, half_h, radius):
    """Signed distance to a rounded rectangle (negative inside)."""
    qx = abs(x - cx) - (half_w - radius)
    qy = abs(y - cy) - (half_h - radius)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - radius


def triangle(x, y, a, b, c):
    """Signed distance to a triangle (negative inside)."""
    def edge(p, q):
        ex, ey = q[0] - p[0], q[1] - p[1]
        wx, wy = x - p[0], y - p[1]
        t = max(0.0, min(1.0, (wx * ex + wy * ey) / (ex * ex + ey * ey)))
        dx, dy = wx - ex * t, wy - ey * t
        return dx * dx + dy * dy, ex * wy - ey * wx

    edges = [edge(a, b), edge(b, c), edge(c, a)]
    distance = math.sqrt(min(d for d, _ in edges))
    signs = [s for _, s in edges]
    inside = all(s >= 0 for s in signs) or all(s <= 0 for s in signs)
    return -distance if inside else distance


def circle(x, y, cx, cy, r):
    return math.hypot(x - cx, y - cy) - r


def bubble(x, y, size):
    """A speech bubble: a rounded rectangle with a tail at the lower left, scaled to the icon."""
    s = size / 32.0
    body = rounded_rect(x, y, 16 * s, 14 * s, 13 * s, 10 * s, 4 * s)
    tail = triangle(x, y, (7 * s, 21 * s), (13 * s, 21 * s), (6 * s, 29 * s))
    return min(body, tail)


def dots(x, y, size):
    s = size / 32.0
    return min(circle(x, y, cx * s, 14 * s, 2 * s) for cx in (10, 16, 22))


def render(size, shade):
    """shade(x, y) -> (r, g, b, a) at a point; returns RGBA rows averaged over 4x4 samples."""
    rows = []
    n = 4
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(n):
                for sx in range(n):
                    r, g, b, a = shade(px + (sx + 0.5) / n, py + (sy + 0.5) / n)
                    acc[0] += r * a
                    acc[1] += g * a
                    acc[2] += b * a
                    acc[3] += a
            alpha = acc[3] / (n * n)
            if alpha > 0:
                row += bytes(round(acc[i] / acc[3]) for i in range(3))
            else:
                row += b"\x00\x00\x00"
            row.append(round(alpha * 255))
        rows.append(bytes(row))
    return rows


def colour_icon(size):
    inset = size * 0.16  # keep the bubble clear of the edge Teams rounds off
    inner = size - 2 * inset

    def shade(x, y):
        ix, iy = x - inset, y - inset
        if dots(ix, iy, inner) < 0:
            return (*ACCENT, 1.0)
        if bubble(ix, iy, inner) < 0:
            return (*WHITE, 1.0)
        return (*ACCENT, 1.0)

    return render(size, shade)


def outline_icon(size):
    stroke = 1.0  # half the line width, in pixels

    def shade(x, y):
        edge = abs(bubble(x, y, size)) <= stroke
        if edge or dots(x, y, size) < 0:
            return (*WHITE, 1.0)
        return (0, 0, 0, 0.0)

    return render(size, shade)


def write_png(path, rows, size):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    with open(path, "wb") as png:
        png.write(b"\x89PNG\r\n\x1a\n")
        png.write(chunk(b"IHDR", header))
        png.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        png.write(chunk(b"IEND", b""))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    write_png(os.path.join(here, "color.png"), colour_icon(192), 192)
    write_png(os.path.join(here, "outline.png"), outline_icon(32), 32)
