"""A raw label printer's settings: which language it speaks, its resolution, label stock and how it prints."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from station.printing.raster import RESOLUTIONS, RasterSetup, Rotation


class Language(str, Enum):
    ZPL = "zpl"  # Zebra, and most clones (ZPL II)
    TSPL = "tspl"  # TSC, Xprinter, Gprinter and other TSPL/TSPL2 printers


class MediaSensing(str, Enum):
    GAP = "gap"  # die-cut labels with a gap between them (the usual roll)
    BLACK_MARK = "black_mark"  # continuous stock with a black mark on the back at each label


DEFAULT_PORT = 9100  # the raw port every network label printer listens on


@dataclass(frozen=True)
class LabelPrinterSettings:
    """How to drive one raw label printer. ``None`` leaves the printer's own setting as it is."""

    language: Language = Language.ZPL
    dpi: int = 203
    size_mm: tuple[float, float] = (100.0, 150.0)  # the label as drawn: width across the head, length fed
    media: MediaSensing = MediaSensing.GAP
    gap_mm: float = 2.0  # the gap between labels, or the black mark's height
    darkness: int | None = None  # ZPL ^MD -30..30 (relative); TSPL DENSITY 0..15
    speed: int | None = None  # inches per second: ZPL ^PR 2..14, TSPL SPEED 1..12
    upside_down: bool = False  # ZPL ^POI, TSPL DIRECTION 1: the label comes out turned 180°
    rotation: Rotation = Rotation.NONE  # turn of the page on the raster (a label fed sideways)
    offset_x: int = 0  # dots
    offset_y: int = 0  # dots

    def __post_init__(self) -> None:
        if self.dpi not in RESOLUTIONS:
            raise ValueError(f"a label printer prints at {RESOLUTIONS} dpi, not {self.dpi}")
        if min(self.size_mm) <= 0 or self.gap_mm < 0:
            raise ValueError(f"label size {self.size_mm} mm / gap {self.gap_mm} mm")
        low, high = (-30, 30) if self.language is Language.ZPL else (0, 15)
        if self.darkness is not None and not low <= self.darkness <= high:
            raise ValueError(f"{self.language.value} darkness is {low}..{high}, not {self.darkness}")
        low, high = (2, 14) if self.language is Language.ZPL else (1, 12)
        if self.speed is not None and not low <= self.speed <= high:
            raise ValueError(f"{self.language.value} speed is {low}..{high} ips, not {self.speed}")

    def raster_setup(self) -> RasterSetup:
        return RasterSetup(dpi=self.dpi, rotation=self.rotation, offset_x=self.offset_x, offset_y=self.offset_y)
