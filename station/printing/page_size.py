"""A PDF page's size in millimetres, and which platform paper size (:class:`PdfSize`) it is: shared by the
merge, the page copying and both print backends, with no PDF library behind it."""

from __future__ import annotations

from station.lazada.models import PdfSize

POINTS_PER_MM = 72 / 25.4
SIZE_TOLERANCE_MM = 0.5


def page_size_mm(width_pt: float, height_pt: float) -> tuple[float, float]:
    return (round(width_pt / POINTS_PER_MM, 1), round(height_pt / POINTS_PER_MM, 1))


def match_pdf_size(size_mm: tuple[float, float], tolerance_mm: float = SIZE_TOLERANCE_MM) -> PdfSize | None:
    """The platform size whose width and height (in this orientation) are within ``tolerance_mm``."""
    for size in PdfSize:
        width, height = size.millimetres
        if abs(size_mm[0] - width) <= tolerance_mm and abs(size_mm[1] - height) <= tolerance_mm:
            return size
    return None


def same_size(a: tuple[float, float], b: tuple[float, float], tolerance_mm: float = SIZE_TOLERANCE_MM) -> bool:
    return abs(a[0] - b[0]) <= tolerance_mm and abs(a[1] - b[1]) <= tolerance_mm
