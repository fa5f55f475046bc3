"""Small generated product pictures for ``img_url``."""

from __future__ import annotations

import hashlib
import struct
import zlib

SIZE = 48


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def product_png(sku_id: str) -> bytes:
    """A square PNG in a colour derived from the SKU, with a lighter diagonal band."""
    digest = hashlib.sha256(sku_id.encode()).digest()
    base = bytes(64 + b % 160 for b in digest[:3])
    light = bytes(min(255, v + 70) for v in base)
    rows = bytearray()
    for y in range(SIZE):
        rows.append(0)  # filter: none
        for x in range(SIZE):
            rows += light if abs(x - y) < 6 else base
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _chunk(b"IEND", b"")
    )
