"""Merges print files into one PDF, pages kept exactly as they are (no scaling, no rotation).

The merge streams: one source is parsed at a time and its objects are written straight to the
output file, so merging 1,000 one-page labels holds one parsed label (plus a table of object
offsets), not 1,000. Page dictionaries are copied unchanged (MediaBox, CropBox, Rotate, content
streams still compressed as they came), only their object numbers change.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

from station.lazada.models import PdfSize
from station.printing.page_size import SIZE_TOLERANCE_MM, match_pdf_size, page_size_mm, same_size

if TYPE_CHECKING:
    from station.printing.pdf_copy import StreamingPdfWriter


class MergeError(Exception):
    """A label file could not be merged (it does not parse as a PDF, or the merge stopped)."""


class MergeOutputError(MergeError):
    """The merged file could not be written (disk full, read-only, not a regular file) or the
    merge stopped: nothing is wrong with the label files, which are kept."""


def _writing(output: Path, exc: OSError) -> MergeOutputError:
    return MergeOutputError(f"{output}: {exc.strerror or exc}")


@dataclass(frozen=True)
class MergeSummary:
    pages: int
    page_sizes_mm: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class SizedJob:
    """One print job: pages that all have the same paper size (within 0.5 mm)."""

    path: Path
    size_mm: tuple[float, float]
    pdf_size: PdfSize | None  # the platform size it matches, None if none does
    pages: int
    sources: tuple[Path, ...]


MergeKey = tuple[int, int]


class LabelMerge(Protocol):
    """Label files merged into one PDF while a batch is still fetching them.

    ``add`` may be called from several threads, in any order; the pages come out ordered by
    the key given with each file (then as in the file). ``finish`` writes the file; ``abort``
    drops what was written. After either, the merge is spent.
    """

    def add(self, key: MergeKey, source: Path) -> None: ...

    def finish(self) -> MergeSummary: ...

    def abort(self) -> None: ...


class StreamingMerge:
    """Merges each file as it arrives, so that after a batch's last download only that file's
    pages and the page tree remain to be written. The objects go to ``output.part`` in arrival
    order; the page order is only decided by the page tree written at the end."""

    def __init__(self, output: Path) -> None:
        self.output = Path(output)
        self._tmp = self.output.with_name(self.output.name + ".part")
        self._lock = threading.Lock()
        self._handle: IO[bytes] | None = None
        self._writer: StreamingPdfWriter | None = None
        self._parts: dict[MergeKey, list[tuple[int, tuple[float, float]]]] = {}
        self._spent = False

    def add(self, key: MergeKey, source: Path, indices: Sequence[int] | None = None) -> None:
        """Copy the pages of ``source`` (all, or ``indices`` in that order); :class:`MergeError`
        when it is not a readable PDF (what was written of it stays unreferenced in the file)."""
        with self._lock:
            if self._spent:
                raise RuntimeError("this merge is already finished")
            if key in self._parts:
                raise ValueError(f"a file was already merged under {key}")
            from station.printing.pdf_copy import StreamingPdfWriter, open_pdf  # pypdf: loaded on first use

            try:
                reader = open_pdf(Path(source))
            except OSError as exc:
                raise MergeError(f"{Path(source).name} could not be read ({exc.strerror or exc})") from exc
            except Exception as exc:  # pypdf raises many kinds on a damaged file
                raise MergeError(f"{Path(source).name} could not be read as a PDF ({type(exc).__name__})") from exc
            if self._writer is None:
                _refuse_special(self.output)
                try:
                    self.output.parent.mkdir(parents=True, exist_ok=True)
                    self._handle = self._tmp.open("wb")
                except OSError as exc:
                    raise _writing(self.output, exc) from exc
                self._writer = StreamingPdfWriter(self._handle)
            try:
                self._parts[key] = self._writer.copy_pages(reader, indices)
            except OSError as exc:  # the source is in memory: this is the output failing (disk full)
                raise _writing(self.output, exc) from exc
            except Exception as exc:  # pypdf raises many kinds on a damaged file
                raise MergeError(f"{Path(source).name} could not be read as a PDF ({type(exc).__name__})") from exc

    def finish(self) -> MergeSummary:
        """Write the page tree and move the file into place; no file when nothing was added."""
        with self._lock:
            self._spent = True
            writer, handle = self._writer, self._handle
            if writer is None or handle is None:
                return MergeSummary(pages=0, page_sizes_mm=())
            placed = [page for key in sorted(self._parts) for page in self._parts[key]]
            try:
                writer.page_ids = [page_id for page_id, _ in placed]
                writer.finish()
                handle.flush()
                os.fsync(handle.fileno())
                handle.close()
                _refuse_special(self.output)  # never renamed over a device such as /dev/full
                self._tmp.replace(self.output)
            except OSError as exc:
                raise _writing(self.output, exc) from exc
            finally:
                handle.close()
                self._tmp.unlink(missing_ok=True)
            return MergeSummary(pages=len(placed), page_sizes_mm=tuple(size for _, size in placed))

    def abort(self) -> None:
        with self._lock:
            self._spent = True
            if self._handle is not None:
                self._handle.close()
            self._tmp.unlink(missing_ok=True)


def _refuse_special(output: Path) -> None:
    """The merged file replaces a regular file or nothing, never a folder, a device or a pipe."""
    try:
        mode = output.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _writing(output, exc) from exc
    if not stat.S_ISREG(mode):
        raise MergeOutputError(f"{output}: not a regular file; the labels are never written over it")


def merge_pdfs(sources: Sequence[Path], output: Path) -> MergeSummary:
    """Append every page of ``sources`` in order into ``output`` (written atomically)."""
    merge = StreamingMerge(output)
    try:
        for number, source in enumerate(sources):
            merge.add((0, number), Path(source))
        return merge.finish()
    finally:
        merge.abort()  # after finish: nothing left to drop


def append_pdfs(output: Path, extra: Sequence[Path]) -> MergeSummary:
    """``output`` (if it exists) followed by every page of ``extra``, written back to ``output``
    atomically: a crash midway leaves the file as it was, never half of it."""
    sources = ([output] if output.exists() else []) + list(extra)
    combined = output.with_name(output.name + ".appending.pdf")  # read ``output`` while writing this
    summary = merge_pdfs(sources, combined)
    try:
        os.replace(combined, output)
    except OSError as exc:
        combined.unlink(missing_ok=True)
        raise _writing(output, exc) from exc
    return summary


@dataclass
class _Group:
    size_mm: tuple[float, float]
    pages: list[tuple[int, int]] = field(default_factory=list)  # (source index, page index)


def _page_sizes(source: Path) -> list[tuple[float, float]]:
    from station.printing.pdf_copy import open_pdf

    reader = open_pdf(source)
    return [page_size_mm(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def split_by_size(
    sources: Sequence[Path], out_dir: Path, stem: str = "job", *, tolerance_mm: float = SIZE_TOLERANCE_MM
) -> list[SizedJob]:
    """Merge ``sources`` into one PDF per paper size (orientation counts: 60x30 is not 30x60).

    Pages keep their order within a size; sizes come out in the order they first appear. Each
    job file is ``out_dir/{stem}-{n}-{W}x{H}mm.pdf``. Some spoolers use the first page's size for a
    whole job, so a printer must never get a job whose paper size changes midway.
    """
    groups: list[_Group] = []
    for source_index, source in enumerate(sources):
        for page_index, size in enumerate(_page_sizes(Path(source))):
            group = next((g for g in groups if same_size(g.size_mm, size, tolerance_mm)), None)
            if group is None:
                group = _Group(size)
                groups.append(group)
            group.pages.append((source_index, page_index))
    jobs: list[SizedJob] = []
    for number, group in enumerate(groups, start=1):
        width, height = group.size_mm
        path = out_dir / f"{stem}-{number}-{width:g}x{height:g}mm.pdf"
        used = sorted({s for s, _ in group.pages})
        merge = StreamingMerge(path)
        try:
            for source_index in used:
                merge.add(
                    (0, source_index), Path(sources[source_index]), [p for s, p in group.pages if s == source_index]
                )
            merge.finish()
        finally:
            merge.abort()  # after finish: nothing left to drop
        jobs.append(
            SizedJob(
                path=path,
                size_mm=group.size_mm,
                pdf_size=match_pdf_size(group.size_mm, tolerance_mm),
                pages=len(group.pages),
                sources=tuple(Path(sources[i]) for i in used),
            )
        )
    return jobs
