"""Page copying for the merge: the part of it that needs pypdf.

Kept apart from :mod:`station.printing.merge` so that the window, which imports the merge's
names at start, loads pypdf (~0.15 s) only when it first merges or reads a label file.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    PdfObject,
    StreamObject,
)

from station.printing.page_size import page_size_mm

_INHERITED = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")


class StreamingPdfWriter:
    """Writes a PDF object by object: a catalog, one flat page tree, and the copied pages."""

    CATALOG = 1
    PAGES = 2

    def __init__(self, handle: IO[bytes]) -> None:
        self.out = handle
        self.offsets: dict[int, int] = {}
        self.next_id = 3
        self.page_ids: list[int] = []
        self.out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def _reserve(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def copy_pages(
        self, reader: PdfReader, indices: Iterable[int] | None = None
    ) -> list[tuple[int, tuple[float, float]]]:
        """Write pages of ``reader`` to the file without placing them in the page order (the
        caller sets :attr:`page_ids` before :meth:`finish`); each page's object number and size."""
        remap: dict[int, int] = {}  # source object number -> output object number
        pending: list[tuple[int, PdfObject]] = []
        sizes: list[tuple[float, float]] = []
        new_ids: list[int] = []
        chosen = range(len(reader.pages)) if indices is None else indices
        for index in chosen:
            page = reader.pages[index]
            box = page.mediabox
            sizes.append(page_size_mm(float(box.width), float(box.height)))
            page_dict = DictionaryObject({NameObject(k): v for k, v in page.items() if k != "/Parent"})
            for key in _INHERITED:  # attributes a page may inherit from its source's page tree
                if key not in page_dict:
                    value = _inherited(page, key)
                    if value is not None:
                        page_dict[NameObject(key)] = value
            page_id = self._reserve()
            if page.indirect_reference is not None:
                remap[page.indirect_reference.idnum] = page_id
            new_ids.append(page_id)
            pending.append((page_id, page_dict))
        while pending:
            new_id, obj = pending.pop()
            self.offsets[new_id] = self.out.tell()
            self.out.write(f"{new_id} 0 obj\n".encode())
            self._write(obj, remap, pending, reader)
            self.out.write(b"\nendobj\n")
        return list(zip(new_ids, sizes, strict=True))

    def _ref(
        self, ref: IndirectObject, remap: dict[int, int], pending: list[tuple[int, PdfObject]], reader: PdfReader
    ) -> bytes:
        if ref.idnum not in remap:
            target = ref.get_object()
            kind = target.get("/Type") if isinstance(target, DictionaryObject) else None
            if kind in ("/Pages", "/Catalog"):
                return b"null"  # never drag the source's document structure along
            if isinstance(target, DictionaryObject) and kind == "/Page":
                return b"null"  # a link to a page that is not part of this merge
            remap[ref.idnum] = self._reserve()
            pending.append((remap[ref.idnum], target if target is not None else NullObject()))
        return f"{remap[ref.idnum]} 0 R".encode()

    def _write(
        self, obj: PdfObject | None, remap: dict[int, int], pending: list[tuple[int, PdfObject]], reader: PdfReader
    ) -> None:
        out = self.out
        if obj is None:
            out.write(b"null")
        elif isinstance(obj, IndirectObject):
            out.write(self._ref(obj, remap, pending, reader))
        elif isinstance(obj, StreamObject):
            data: bytes = obj._data  # the raw (still encoded) bytes, copied untouched
            header = DictionaryObject({k: v for k, v in obj.items() if k != "/Length"})
            self._write_dict(header, remap, pending, reader, extra=f"/Length {len(data)}".encode())
            out.write(b"\nstream\n")
            out.write(data)
            out.write(b"\nendstream")
        elif isinstance(obj, DictionaryObject):
            self._write_dict(obj, remap, pending, reader)
        elif isinstance(obj, ArrayObject):
            out.write(b"[")
            for item in obj:
                out.write(b" ")
                self._write(item, remap, pending, reader)
            out.write(b" ]")
        elif isinstance(obj, NameObject):
            out.write(_name_bytes(obj))
        else:
            obj.write_to_stream(out)

    def _write_dict(
        self,
        obj: DictionaryObject,
        remap: dict[int, int],
        pending: list[tuple[int, PdfObject]],
        reader: PdfReader,
        extra: bytes = b"",
    ) -> None:
        self.out.write(b"<<")
        for key, value in obj.items():
            self.out.write(b"\n" + _name_bytes(key) + b" ")
            self._write(value, remap, pending, reader)
        if obj.get("/Type") == "/Page":
            self.out.write(f"\n/Parent {self.PAGES} 0 R".encode())
        if extra:
            self.out.write(b"\n" + extra)
        self.out.write(b"\n>>")

    def finish(self) -> None:
        out = self.out
        self.offsets[self.CATALOG] = out.tell()
        out.write(f"{self.CATALOG} 0 obj\n<< /Type /Catalog /Pages {self.PAGES} 0 R >>\nendobj\n".encode())
        self.offsets[self.PAGES] = out.tell()
        kids = " ".join(f"{i} 0 R" for i in self.page_ids)
        out.write(
            f"{self.PAGES} 0 obj\n<< /Type /Pages /Count {len(self.page_ids)} /Kids [{kids}] >>\nendobj\n".encode()
        )
        xref = out.tell()
        out.write(f"xref\n0 {self.next_id}\n0000000000 65535 f \n".encode())
        for number in range(1, self.next_id):
            offset = self.offsets.get(number)
            out.write(b"0000000000 65535 f \n" if offset is None else f"{offset:010d} 00000 n \n".encode())
        out.write(f"trailer\n<< /Size {self.next_id} /Root {self.CATALOG} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())


_NAMES: dict[str, bytes] = {}


def _name_bytes(name: str) -> bytes:
    """A name as written in a file. A label file uses a few dozen names thousands of times, and
    pypdf escapes one character at a time: cached, a fifth of the merge time is saved."""
    encoded = _NAMES.get(name)
    if encoded is None:
        buffer = io.BytesIO()
        NameObject(name).write_to_stream(buffer)
        encoded = _NAMES[name] = buffer.getvalue()
    return encoded


def _inherited(page: DictionaryObject, key: str) -> PdfObject | None:
    node = page.get("/Parent")
    seen = 0
    while node is not None and seen < 64:  # a bounded walk: a broken file may loop
        node = node.get_object()
        if not isinstance(node, DictionaryObject):
            return None
        if key in node:
            return node[key]
        node = node.get("/Parent")
        seen += 1
    return None


def open_pdf(source: Path) -> PdfReader:
    reader = PdfReader(io.BytesIO(source.read_bytes()))
    if reader.is_encrypted:
        reader.decrypt("")
    return reader
