"""Downloads the platform's print files: concurrent, verified, renewed when a URL has expired."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from station.lazada.errors import NetworkError, StationApiError
from station.lazada.jit import JitClient, PrintFile
from station.lazada.models import PdfSize
from station.lazada.transport import keep_connections

log = logging.getLogger(__name__)


class PrintFileError(StationApiError):
    operator_message = "A label file from the platform could not be used. Print it again; if it fails again, report it."


class UrlExpiredError(PrintFileError):
    operator_message = "The label file link had expired; asking the platform for a new one."


def check_pdf(data: bytes, source: str) -> None:
    """Refuse what is not a whole PDF (an HTML error page, a truncated download)."""
    if not data.startswith(b"%PDF-"):
        head = data[:40].decode("latin-1", "replace").strip()
        raise PrintFileError(f"{source}: not a PDF (starts with {head!r})")
    if b"%%EOF" not in data[-2048:]:
        raise PrintFileError(f"{source}: the PDF is cut short")


def fetch_pdf(session: requests.Session, url: str, *, timeout: float = 60.0) -> bytes:
    name = url.split("?", 1)[0].rsplit("/", 1)[-1]
    try:
        # verify given per request: requests lets REQUESTS_CA_BUNDLE override the session's own.
        response = session.get(url, timeout=(5.0, timeout), verify=session.verify)
    except requests.exceptions.RequestException as exc:
        raise NetworkError(f"download of {name} failed: {type(exc).__name__}") from exc
    if response.status_code == 403 and b"expired" in response.content.lower():
        raise UrlExpiredError(f"{name}: link expired")
    if response.status_code != 200:
        raise PrintFileError(f"{name}: HTTP {response.status_code}")
    check_pdf(response.content, name)
    return response.content


class Downloader:
    """Fetches print files into a cache folder, so a reprint does not download again."""

    def __init__(self, client: JitClient, cache_dir: Path, *, workers: int = 6, attempts: int = 3,
                 threads: int = 6) -> None:
        """``threads``: how many threads may fetch at once, ``fetch_all``'s own ``workers`` or a
        caller's (a batch fetches from its ship workers); the HTTP pool keeps that many connections."""
        self.client = client
        self.cache_dir = cache_dir
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self.workers = workers
        self.attempts = attempts
        self.session = requests.Session()
        self.session.verify = client.transport.verify
        keep_connections(self.session, max(workers, threads))

    def cache_path(self, file: PrintFile) -> Path:
        return self.cached_path(file.purchase_order_nos, file.size, file.print_order, file.print_barcode)

    def cached_path(self, numbers: Sequence[str], size: PdfSize, print_order: bool, print_barcode: bool) -> Path:
        """Where the file of these POs with these choices is kept (whether it exists yet or not)."""
        key = "|".join([*numbers, size.value, str(print_order), str(print_barcode)])
        digest = hashlib.sha256(key.encode()).hexdigest()[:24]
        return self.cache_dir / f"{size.value}-{digest}.pdf"

    def fetch(self, file: PrintFile) -> Path:
        path = self.cache_path(file)
        if path.exists():
            return path
        current = file
        for attempt in range(1, self.attempts + 1):
            try:
                data = fetch_pdf(self.session, current.url)
                break
            except UrlExpiredError:
                log.info("print link expired; asking for a new one")
                current = self.client.print_file(
                    file.purchase_order_nos, file.size, print_order=file.print_order, print_barcode=file.print_barcode
                )
            except (NetworkError, PrintFileError):
                if attempt == self.attempts:
                    raise
        else:
            raise PrintFileError(f"{path.name}: no usable file after {self.attempts} tries")
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        tmp.replace(path)  # atomic: a crash never leaves a half file under the real name
        return path

    def fetch_all(self, files: Sequence[PrintFile]) -> list[Path]:
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="download") as pool:
            return list(pool.map(self.fetch, files))
