"""Merge: streamed, exact page sizes, flat memory; split into one job per paper size."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from pypdf import PdfReader

from station.lazada.models import PdfSize
from station.printing.merge import MergeError, StreamingMerge, append_pdfs, merge_pdfs, split_by_size
from station.printing.merge_child import ChildProcessMerge
from station.printing.page_size import match_pdf_size
from station.printing.pdfgen import render_pdf
from station.printing.print_items import PrintItem, PrintPO
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
    counts = {
        s: sum(len(PdfReader(f).pages) for f in files)
        for s, files in (
            (PdfSize.LABEL_60X30, [small[0], small[1], small[2]]),
            (PdfSize.LABEL_100X150, [big[0], big[1]]),
            (PdfSize.A4, [a4[0], a4[1]]),
        )
    }
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


def _texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_files_merged_as_they_arrive_come_out_in_key_order(tmp_path: Path) -> None:
    sources = _label_files(tmp_path / "src", 6)
    out = tmp_path / "merged.pdf"
    merge = StreamingMerge(out)
    arrival = [(1, 0), (0, 1), (2, 0), (0, 0), (1, 1), (0, 2)]  # keys in the order the files arrive
    for key, source in zip(arrival, sources, strict=True):
        merge.add(key, source)
    assert not out.exists()  # nothing in place until the page tree is written
    summary = merge.finish()
    by_key = dict(zip(arrival, (f"POJ{i:010d}" for i in range(6)), strict=True))
    expected = [by_key[key] for key in sorted(arrival)]
    texts = _texts(out)
    assert summary.pages == len(texts) == 6
    assert [next(no for no in expected if no in text) for text in texts] == expected
    assert not out.with_name("merged.pdf.part").exists()


def test_an_aborted_merge_leaves_no_file(tmp_path: Path) -> None:
    sources = _label_files(tmp_path / "src", 2)
    out = tmp_path / "merged.pdf"
    merge = StreamingMerge(out)
    merge.add((0, 0), sources[0])
    assert out.with_name("merged.pdf.part").exists()
    merge.abort()
    assert not out.exists() and not out.with_name("merged.pdf.part").exists()
    with pytest.raises(RuntimeError):
        merge.add((0, 1), sources[1])


def test_a_damaged_file_is_refused_and_the_others_still_merge(tmp_path: Path) -> None:
    sources = _label_files(tmp_path / "src", 2)
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n%%EOF\n")
    merge = StreamingMerge(tmp_path / "merged.pdf")
    merge.add((0, 0), sources[0])
    with pytest.raises(MergeError, match=r"damaged\.pdf"):
        merge.add((0, 1), damaged)
    merge.add((0, 2), sources[1])
    summary = merge.finish()
    assert summary.pages == 2
    reader = PdfReader(tmp_path / "merged.pdf", strict=True)
    assert len(reader.pages) == 2 and "POJ0000000001" in reader.pages[1].extract_text()


def test_the_child_process_merge_gives_the_same_file(tmp_path: Path) -> None:
    sources = _label_files(tmp_path / "src", 5)
    merge = ChildProcessMerge(tmp_path / "child.pdf")
    for number in (3, 1, 4, 0, 2):
        merge.add((0, number), sources[number])
    summary = merge.finish()
    local = merge_pdfs(sources, tmp_path / "local.pdf")
    assert summary == local
    assert _texts(tmp_path / "child.pdf") == _texts(tmp_path / "local.pdf")
    with pytest.raises(MergeError):  # a damaged file is reported from the child too
        bad = ChildProcessMerge(tmp_path / "bad.pdf")
        try:
            bad.add((0, 0), sources[0])
            (tmp_path / "x.pdf").write_bytes(b"%PDF-1.7\nnot a pdf\n%%EOF\n")
            bad.add((0, 1), tmp_path / "x.pdf")
        finally:
            bad.abort()
    assert not (tmp_path / "bad.pdf").exists() and not (tmp_path / "bad.pdf.part").exists()


def test_a_child_that_dies_fails_the_merge_instead_of_hanging(tmp_path: Path) -> None:
    sources = _label_files(tmp_path / "src", 3)
    merge = ChildProcessMerge(tmp_path / "merged.pdf")
    merge.add((0, 0), sources[0])
    merge.add((0, 1), sources[1])  # the second file starts the child
    process = merge._process
    assert process is not None and process.is_alive()
    process.kill()
    process.join(10)
    with pytest.raises(MergeError, match="stopped unexpectedly"):
        merge.add((0, 2), sources[2])
    with pytest.raises(MergeError):
        merge.finish()
    merge.abort()
    assert not (tmp_path / "merged.pdf").exists() and not (tmp_path / "merged.pdf.part").exists()


def test_a_child_whose_parent_goes_away_mid_file_ends_quietly(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    sources = _label_files(tmp_path / "src", 3)
    merge = ChildProcessMerge(tmp_path / "merged.pdf")
    merge.add((0, 0), sources[0])
    merge.add((0, 1), sources[1])  # the child runs now
    process, conn = merge._process, merge._conn
    assert process is not None and conn is not None
    conn.send(("add", (0, 2), str(sources[2])))
    conn.close()  # as if the window's process were killed while the child merges a file
    process.join(30)
    assert process.exitcode == 0  # it noticed nobody listens any more, and stopped
    assert "Traceback" not in capfd.readouterr().err
    assert not (tmp_path / "merged.pdf.part").exists() and not (tmp_path / "merged.pdf").exists()
    merge._conn = None
    merge._process = None


def test_append_to_a_merged_file(tmp_path: Path) -> None:
    """The day file gains pages at its end in one step; a damaged extra leaves it as it was."""
    first, second, third = _label_files(tmp_path, 3)
    output = tmp_path / "day.pdf"
    assert append_pdfs(output, [first]).pages == 1  # no day file yet: the extras alone
    assert append_pdfs(output, [second, third]).pages == 3
    assert len(PdfReader(output).pages) == 3
    before = output.read_bytes()
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(MergeError):
        append_pdfs(output, [damaged])
    assert output.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if "appending" in p.name) == []
