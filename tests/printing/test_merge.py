"""Merge: streamed, exact page sizes, flat memory; split into one job per paper size."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from pypdf import PdfReader

from station.lazada.models import PdfSize
from station.printing.merge import match_pdf_size, merge_pdfs, split_by_size
from station.simulator.pdfgen import PrintItem, PrintPO, render_pdf
from tests.printing.conftest import SimLabels, assert_pages


def _label_files(folder: Path, count: int, size: PdfSize = PdfSize.LABEL_100X150) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        item = PrintItem("SKU", "Title", f"{index:012d}", 1)
        po = PrintPO(f"POJ{index:010d}", "Store", "WH1", "Somewhere 1", (item,))
        path = folder / f"{size.value}-{index:04d}.pdf"
        path.write_bytes(render_pdf(size.value, [po], print_order=True, print_barcode=False))
        paths.append(path)
    return paths


@pytest.mark.parametrize("size", list(PdfSize))
def test_merge_keeps_every_page_at_its_exact_size(sim_labels: SimLabels, tmp_path: Path, size: PdfSize) -> None:
    sources = sim_labels.files[size]
    expected_pages = sum(len(PdfReader(s).pages) for s in sources)
    out = tmp_path / "merged.pdf"
    summary = merge_pdfs(sources, out)
    assert summary.pages == expected_pages > len(sources) - 1
    assert all(s == size.millimetres for s in summary.page_sizes_mm)
    assert_pages(out, expected_pages, size.millimetres)
    reader = PdfReader(out, strict=True)
    original = [p for s in sources for p in PdfReader(s).pages]
    for merged, source in zip(reader.pages, original, strict=True):
        assert merged.mediabox == source.mediabox  # exactly, in points
        assert merged.get("/Rotate", 0) == source.get("/Rotate", 0)
        assert merged.get_contents().get_data() == source.get_contents().get_data()  # type: ignore[union-attr]
    text = "".join(page.extract_text() for page in reader.pages)
    assert all(no in text for no in sim_labels.po_numbers)
    assert not out.with_name("merged.pdf.part").exists()


def test_merge_memory_stays_flat(tmp_path: Path) -> None:
    sources = _label_files(tmp_path / "src", 400)

    def peak(count: int) -> int:
        tracemalloc.start()
        try:
            merge_pdfs(sources[:count], tmp_path / f"out-{count}.pdf")
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak(40), peak(400)
    # Holding every parsed page (pypdf's PdfWriter.append) costs ~30 KB a page: ~12 MB for 400.
    assert large - small < 2_000_000, (small, large)
    assert len(PdfReader(tmp_path / "out-400.pdf").pages) == 400


def test_merge_of_inherited_mediabox_and_rotation_is_kept(tmp_path: Path) -> None:
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, NumberObject

    writer = PdfWriter()
    writer.add_blank_page(width=60 * 72 / 25.4, height=30 * 72 / 25.4)
    page = writer.pages[0]
    page[NameObject("/Rotate")] = NumberObject(90)
    source = tmp_path / "rotated.pdf"
    writer.write(source)
    summary = merge_pdfs([source, source], tmp_path / "out.pdf")
    assert summary.page_sizes_mm == ((60.0, 30.0), (60.0, 30.0))
    assert [p.get("/Rotate") for p in PdfReader(tmp_path / "out.pdf").pages] == [90, 90]


def test_split_by_size_gives_one_job_per_size_in_order(sim_labels: SimLabels, tmp_path: Path) -> None:
    a4, small, big = (sim_labels.files[s] for s in (PdfSize.A4, PdfSize.LABEL_60X30, PdfSize.LABEL_100X150))
    mixed = [small[0], big[0], a4[0], small[1], big[1], small[2]]
    mixed_file = tmp_path / "mixed.pdf"
    merge_pdfs(mixed, mixed_file)  # one file whose size changes midway: split at page level too
    jobs = split_by_size([mixed_file, a4[1]], tmp_path / "jobs", "batch")
    assert [j.pdf_size for j in jobs] == [PdfSize.LABEL_60X30, PdfSize.LABEL_100X150, PdfSize.A4]
    counts = {s: sum(len(PdfReader(f).pages) for f in files) for s, files in
              ((PdfSize.LABEL_60X30, [small[0], small[1], small[2]]), (PdfSize.LABEL_100X150, [big[0], big[1]]),
               (PdfSize.A4, [a4[0], a4[1]]))}
    for job in jobs:
        assert job.pdf_size is not None
        assert job.pages == counts[job.pdf_size]
        assert_pages(job.path, job.pages, job.pdf_size.millimetres)
        assert job.path.name.startswith("batch-")
    small_text = "".join(p.extract_text() for p in PdfReader(jobs[0].path).pages)
    positions = [small_text.index(no) for no in sim_labels.po_numbers]
    assert positions == sorted(positions)  # order kept within a size


def test_match_pdf_size_keeps_orientation() -> None:
    assert match_pdf_size((99.8, 149.9)) is PdfSize.LABEL_100X150
    assert match_pdf_size((60.0, 30.0)) is PdfSize.LABEL_60X30
    assert match_pdf_size((30.0, 60.0)) is None
    assert match_pdf_size((101.6, 152.4)) is None  # 4x6 in is not 100x150 mm
