"""Draws the station's icon with Qt alone (QPainter, offscreen): a shipping label with a barcode.

    QT_QPA_PLATFORM=offscreen python resources/icons/make_icon.py

Writes next to this file:

- ``station.png`` (256x256): the window icon (``station/ui/app.py``) and the Linux desktop icon;
- ``station.ico``: the Windows icon of ``station.exe`` and the installer, with 16, 24, 32, 48,
  64, 128 and 256 px images, each stored as PNG inside the ICO (supported since Windows Vista;
  written by hand because Qt's ICO writer stores a single image);
- ``station-<size>.png`` for the Linux hicolor icon theme sizes the .deb installs (48, 128);
- ``station.icns``: the macOS icon of Station.app (Qt's ICNS writer, from the 256 px image up to
  512 px; untested on a Mac here).

Deterministic: the same Qt version gives the same files, so re-running it changes nothing.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QImageWriter, QPainter, QPainterPath, QPen, QPolygonF

HERE = Path(__file__).resolve().parent
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
THEME_SIZES = (48, 128)

BLUE = QColor("#0f146d")  # the tile
ORANGE = QColor("#f57224")  # the label's header band
WHITE = QColor("#ffffff")
INK = QColor("#1b1b1b")

# Bar widths (in modules) of the barcode drawn on the label: fixed, so the icon never changes.
BARS = (2, 1, 1, 3, 1, 2, 2, 1, 3, 1, 1, 2, 1, 1, 2, 3, 1, 2, 1, 1, 3, 2, 1)


def draw(size: int) -> QImage:
    """The icon at ``size`` x ``size`` px, drawn on a 256-unit canvas scaled to fit."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)

    # Rounded tile.
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(BLUE)
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)

    # The label, slightly tilted, with a folded corner.
    p.save()
    p.translate(128, 132)
    p.rotate(-8)
    label = QRectF(-76, -92, 152, 184)
    fold = 30
    outline = QPainterPath()
    outline.moveTo(label.left(), label.top())
    outline.lineTo(label.right() - fold, label.top())
    outline.lineTo(label.right(), label.top() + fold)
    outline.lineTo(label.right(), label.bottom())
    outline.lineTo(label.left(), label.bottom())
    outline.closeSubpath()
    p.setBrush(WHITE)
    p.drawPath(outline)

    # Orange header band, clipped to the label.
    p.save()
    p.setClipPath(outline)
    p.setBrush(ORANGE)
    p.drawRect(QRectF(label.left(), label.top(), label.width(), 46))
    p.restore()
    p.setBrush(QColor("#ffd2b8"))
    p.drawPolygon(QPolygonF([QPointF(label.right() - fold, label.top()),
                             QPointF(label.right() - fold, label.top() + fold),
                             QPointF(label.right(), label.top() + fold)]))

    # Two text lines (bars of ink) under the header.
    p.setBrush(QColor("#9aa0b4"))
    p.drawRoundedRect(QRectF(label.left() + 16, label.top() + 60, 96, 10), 5, 5)
    p.drawRoundedRect(QRectF(label.left() + 16, label.top() + 78, 70, 10), 5, 5)

    # The barcode.
    p.setBrush(INK)
    module = 120 / sum(BARS)
    x = label.left() + 16
    for index, width in enumerate(BARS):
        if index % 2 == 0:
            p.drawRect(QRectF(x, label.top() + 104, width * module, 62))
        x += width * module
    p.restore()

    # A thin edge so the tile reads on light and dark panels alike.
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(QColor(255, 255, 255, 40), 3))
    p.drawRoundedRect(QRectF(9.5, 9.5, 237, 237), 43, 43)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise SystemExit(f"could not encode PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (ICONDIR + ICONDIRENTRY table + the PNGs)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    table, blobs = b"", b""
    for size, blob in sorted(images.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        table += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    return header + table + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    pngs = {size: png_bytes(draw(size)) for size in sorted({*ICO_SIZES, *THEME_SIZES})}
    (HERE / "station.png").write_bytes(pngs[256])
    for size in THEME_SIZES:
        (HERE / f"station-{size}.png").write_bytes(pngs[size])
    (HERE / "station.ico").write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    icns = QImageWriter(str(HERE / "station.icns"), QByteArray(b"icns"))
    if not icns.write(draw(512)):
        raise SystemExit(f"could not write station.icns: {icns.errorString()}")
    written = ["station.png", *(f"station-{s}.png" for s in THEME_SIZES), "station.ico", "station.icns"]
    print("wrote " + ", ".join(str(HERE / name) for name in written))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
