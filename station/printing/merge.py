"""Merges print files into one PDF, pages kept exactly as they are (no scaling, no rotation)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter

POINTS_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class MergeSummary:
    pages: int
    page_sizes_mm: tuple[tuple[float, float], ...]


def page_size_mm(width_pt: float, height_pt: float) -> tuple[float, float]:
    return (round(width_pt / POINTS_PER_MM, 1), round(height_pt / POINTS_PER_MM, 1))


def merge_pdfs(sources: Sequence[Path], output: Path) -> MergeSummary:
    """Append every page of ``sources`` in order into ``output`` (written atomically)."""
    writer = PdfWriter()
    sizes: list[tuple[float, float]] = []
    for source in sources:
        reader = PdfReader(source)
        for page in reader.pages:
            box = page.mediabox
            sizes.append(page_size_mm(float(box.width), float(box.height)))
        writer.append(reader)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".part")
    with tmp.open("wb") as handle:
        writer.write(handle)
    tmp.replace(output)
    return MergeSummary(pages=len(sizes), page_sizes_mm=tuple(sizes))
