"""Downloads the platform's print files: concurrent, verified, renewed when a URL has expired.

A label file is only cached once it reads as a PDF of the size asked for; the links it is
fetched from are checked before each request (redirects are followed by hand, to https hosts
with public addresses only, or within the configured gateway's own address), and each download
has a size cap and a total time cap.
"""

from __future__ import annotations

import errno
import hashlib
import ipaddress
import logging
import socket
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol, TypeVar
from urllib.parse import urljoin, urlsplit

import requests
import urllib3

from station.lazada.errors import NetworkError, StationApiError
from station.lazada.jit import JitClient, PrintFile
from station.lazada.models import PdfSize
from station.lazada.transport import keep_connections
from station.problems import Problem

log = logging.getLogger(__name__)

MAX_LABEL_BYTES = 64 * 1024 * 1024  # a print call covers 20 POs; their labels are a few MB at most
DOWNLOAD_SECONDS = 120.0  # every try of one file together, redirects and renewed links included
MAX_REDIRECTS = 5
SIZE_TOLERANCE_MM = 0.5  # as the merge compares page sizes
_REDIRECTS = (301, 302, 303, 307, 308)


class PrintFileError(StationApiError):
    kind = "file.unusable"


class UrlExpiredError(PrintFileError):
    kind = "file.link_expired"


class DamagedLabelFileError(PrintFileError):
    """Whole in form (%PDF ... %%EOF) but not a readable PDF of the size asked for."""

    def __init__(self, name: str, reason: str) -> None:
        self.reason = reason
        super().__init__(f"{name}: {reason}", problem=Problem("file.damaged", {"reason": reason}))


class UnsafeLinkError(PrintFileError):
    """A label link (or a redirect) pointing where the station never downloads from."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}", problem=Problem("file.unsafe_link", {"where": where, "reason": reason}))


class CacheWriteError(PrintFileError):
    """The label cache could not be written (a full or read-only disk)."""

    def __init__(self, path: Path, exc: OSError) -> None:
        cause = (
            {
                errno.ENOSPC: "the disk is full",
                errno.EDQUOT: "the disk quota is used up",
                errno.EROFS: "the disk is read-only",
                errno.EACCES: "permission denied",
                errno.EPERM: "permission denied",
            }.get(exc.errno or 0)
            or exc.strerror
            or type(exc).__name__
        )
        super().__init__(
            f"{path}: {exc}", problem=Problem("file.not_saved", {"folder": str(path.parent), "cause": cause})
        )


Resolver = Callable[[str, int], Iterable[str]]


def _resolve(host: str, port: int) -> list[str]:
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def _origin(url: str) -> tuple[str, str, int] | None:
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname or parts.scheme not in ("http", "https"):
        return None
    return (parts.scheme, parts.hostname.lower(), port or (443 if parts.scheme == "https" else 80))


def _where(url: str) -> str:
    """scheme://host:port of a link: never its path or query (a signed link's signature)."""
    origin = _origin(url)
    if origin is None:
        return repr(urlsplit(url).scheme + ":") if urlsplit(url).scheme else "a link with no address"
    scheme, host, port = origin
    host = f"[{host}]" if ":" in host else host
    return f"{scheme}://{host}:{port}"


def _refused_address(text: str) -> str | None:
    """Why an address is not one to download from, or None for a public one."""
    address = ipaddress.ip_address(text.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback:
        return f"loopback address {address}"
    if address.is_link_local:  # 169.254.169.254, the cloud metadata service, is one
        return f"link-local or metadata address {address}"
    if address.is_multicast or address.is_unspecified or address.is_reserved:
        return f"reserved address {address}"
    if address.is_private or not address.is_global:
        return f"private address {address}"
    return None


class UrlPolicy:
    """Where label files may come from: https hosts whose every address is public, or the
    configured gateway's own origin (a simulator on 127.0.0.1 serves its files from there)."""

    def __init__(self, trusted: Iterable[str] = (), *, resolve: Resolver | None = None) -> None:
        self.trusted = {origin for origin in (_origin(url) for url in trusted) if origin is not None}
        self._resolve = resolve or _resolve

    @classmethod
    def for_gateway(cls, *urls: str) -> UrlPolicy:
        return cls(urls)

    def check(self, url: str) -> None:
        origin = _origin(url)
        where = _where(url)
        if origin is None:
            raise UnsafeLinkError(where, "not an http or https link")
        if origin in self.trusted:
            return
        scheme, host, port = origin
        if scheme != "https":
            raise UnsafeLinkError(where, "not https")
        try:
            addresses = [host] if _is_ip(host) else list(self._resolve(host, port))
        except OSError as exc:
            raise NetworkError(f"{where}: the name does not resolve ({type(exc).__name__})") from exc
        if not addresses:
            raise NetworkError(f"{where}: the name does not resolve")
        for address in addresses:
            reason = _refused_address(address)
            if reason is not None:
                raise UnsafeLinkError(where, reason)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True


def check_pdf(data: bytes, source: str) -> None:
    """Refuse what is not a whole PDF (an HTML error page, a truncated download)."""
    if not data.startswith(b"%PDF-"):
        head = data[:40].decode("latin-1", "replace").strip()
        raise PrintFileError(f"{source}: not a PDF (starts with {head!r})")
    if b"%%EOF" not in data[-2048:]:
        raise PrintFileError(f"{source}: the PDF is cut short")


class PageSize(Protocol):
    """A paper size a print file is checked against (:class:`PdfSize`, a pickup label size)."""

    @property
    def millimetres(self) -> tuple[float, float]: ...

    @property
    def display_name(self) -> str: ...


def check_label_pdf(data: bytes, size: PageSize, source: str) -> int:
    """Parse a label file as the merge will: every page readable and of the size asked for (either
    orientation). The number of pages; :class:`DamagedLabelFileError` saying what is wrong."""
    import io

    from pypdf import PasswordType, PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise DamagedLabelFileError(source, "it is encrypted with a password")
        pages = reader.pages
        count = len(pages)
        width, height = size.millimetres
        for number in range(count):
            page = pages[number]
            box = page.mediabox
            page_mm = (float(box.width) * 25.4 / 72, float(box.height) * 25.4 / 72)
            if not any(
                abs(page_mm[0] - w) <= SIZE_TOLERANCE_MM and abs(page_mm[1] - h) <= SIZE_TOLERANCE_MM
                for w, h in ((width, height), (height, width))
            ):
                raise DamagedLabelFileError(
                    source,
                    (
                        f"page {number + 1} is {page_mm[0]:.0f}x{page_mm[1]:.0f} mm, not the "
                        f"{size.display_name} asked for"
                    ),
                )
            contents = page.get("/Contents")
            if contents is not None:
                contents.get_object()
    except DamagedLabelFileError:
        raise
    except RecursionError:
        raise DamagedLabelFileError(source, "its objects nest without end") from None
    except Exception as exc:  # pypdf raises many kinds on a damaged file
        raise DamagedLabelFileError(source, f"it does not parse: {type(exc).__name__}") from exc
    if count == 0:
        raise DamagedLabelFileError(source, "it has no pages")
    return count


def fetch_pdf(
    session: requests.Session,
    url: str,
    *,
    policy: UrlPolicy | None = None,
    timeout: float = 60.0,
    max_bytes: int = MAX_LABEL_BYTES,
    total_seconds: float = DOWNLOAD_SECONDS,
    started: float | None = None,
) -> bytes:
    """The file at ``url``: every link (redirects followed by hand) checked by ``policy`` before it
    is asked for, at most ``max_bytes``, all of it within ``total_seconds`` of ``started``
    (``time.monotonic()``, default now)."""
    policy = policy if policy is not None else UrlPolicy()
    deadline = (time.monotonic() if started is None else started) + total_seconds
    too_slow = f"took longer than {total_seconds:g} s"
    name = url.split("?", 1)[0].rsplit("/", 1)[-1]
    for _ in range(MAX_REDIRECTS + 1):
        policy.check(url)
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise NetworkError(f"download of {name} {too_slow}")
        try:
            # verify given per request: requests lets REQUESTS_CA_BUNDLE override the session's own.
            response = session.get(
                url,
                timeout=(min(5.0, remaining), min(timeout, remaining)),
                verify=session.verify,
                allow_redirects=False,
                stream=True,
                headers={"Accept-Encoding": "identity"},
            )
        except requests.exceptions.RequestException as exc:
            raise NetworkError(f"download of {name} failed: {type(exc).__name__}") from exc
        try:
            if response.status_code in _REDIRECTS and response.headers.get("Location"):
                url = urljoin(url, response.headers["Location"])
                continue
            if response.status_code == 403:
                head = _read(response, name, 65536, deadline, too_slow, cut=True)
                if b"expired" in head.lower():
                    raise UrlExpiredError(f"{name}: link expired")
            if response.status_code != 200:
                raise PrintFileError(f"{name}: HTTP {response.status_code}")
            data = _read(response, name, max_bytes, deadline, too_slow)
        finally:
            response.close()
        check_pdf(data, name)
        return data
    raise PrintFileError(f"{name}: more than {MAX_REDIRECTS} redirects")


def _read(
    response: requests.Response, name: str, max_bytes: int, deadline: float, too_slow: str, *, cut: bool = False
) -> bytes:
    """The body, a piece at a time as it arrives, so neither a huge body nor a slow drip goes on."""
    announced = response.headers.get("Content-Length", "")
    if not cut and announced.isdigit() and int(announced) > max_bytes:
        raise PrintFileError(f"{name}: larger than {max_bytes / 1e6:g} MB ({int(announced):,} bytes announced)")
    pieces: list[bytes] = []
    got = 0
    try:
        while True:
            piece = response.raw.read1(65536)
            if not piece:
                break
            pieces.append(piece)
            got += len(piece)
            if got > max_bytes:
                if cut:
                    break
                raise PrintFileError(f"{name}: larger than {max_bytes / 1e6:g} MB")
            if time.monotonic() > deadline:
                raise NetworkError(f"download of {name} {too_slow}")
    except (urllib3.exceptions.HTTPError, OSError, requests.exceptions.RequestException) as exc:
        raise NetworkError(f"download of {name} failed: {type(exc).__name__}") from exc
    return b"".join(pieces)


class FileLink(Protocol):
    """What the platform hands back for a file: its (short-lived) link."""

    @property
    def url(self) -> str: ...


L = TypeVar("L", bound=FileLink)


def fetch_to_cache(
    session: requests.Session,
    link: L,
    path: Path,
    *,
    ask_again: Callable[[L], L],
    check: Callable[[bytes], object],
    policy: UrlPolicy,
    attempts: int,
    max_bytes: int,
    total_seconds: float,
) -> None:
    """Download ``link``'s file to ``path`` once ``check`` passes on it (it raises
    :class:`PrintFileError` when it does not); the one way the station fetches a platform file.

    An expired link is asked for again (``ask_again``), up to ``attempts`` links (no link is
    asked for that will not be fetched); a damaged file
    once, then refused; a file from an unsafe place at once; a network failure is tried again
    within ``attempts`` and ``total_seconds`` (every try together). The file is written under a
    temporary name and renamed, so a crash never leaves half a file under the real name."""
    started = time.monotonic()
    current = link
    asked_again = False
    for attempt in range(1, attempts + 1):
        try:
            data = fetch_pdf(
                session,
                current.url,
                policy=policy,
                max_bytes=max_bytes,
                total_seconds=total_seconds,
                started=started,
            )
            check(data)
            break
        except UrlExpiredError as exc:
            if attempt == attempts:
                # Said as a file that could not be used: "asking for a new one" is over.
                raise PrintFileError(f"{path.name}: every link had expired ({attempts} tries)") from exc
            log.info("file link expired; asking for a new one")
            current = ask_again(current)
        except DamagedLabelFileError as exc:
            if asked_again:
                raise
            log.warning("damaged file (%s); asking the platform for it again", exc.reason)
            asked_again = True
            current = ask_again(current)
        except UnsafeLinkError:
            raise  # asking again would only lead to the same place
        except (NetworkError, PrintFileError):
            if attempt == attempts or time.monotonic() - started >= total_seconds:
                raise
    else:
        raise PrintFileError(f"{path.name}: no usable file after {attempts} tries")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CacheWriteError(path, exc) from exc


class Downloader:
    """Fetches print files into a cache folder, so a reprint does not download again."""

    def __init__(
        self,
        client: JitClient,
        cache_dir: Path,
        *,
        workers: int = 6,
        attempts: int = 3,
        threads: int = 6,
        policy: UrlPolicy | None = None,
        max_bytes: int = MAX_LABEL_BYTES,
        total_seconds: float = DOWNLOAD_SECONDS,
    ) -> None:
        """``threads``: how many threads may fetch at once, ``fetch_all``'s own ``workers`` or a
        caller's (a batch fetches from its ship workers); the HTTP pool keeps that many connections.
        ``policy``: where files may come from (default: public https hosts, and the gateway's own
        address); ``max_bytes`` and ``total_seconds`` cap each file, every try of it together."""
        self.client = client
        self.cache_dir = cache_dir
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self.workers = workers
        self.attempts = attempts
        transport = client.transport
        self.policy = policy or UrlPolicy.for_gateway(transport.gateway_url, transport.auth_url)
        self.max_bytes = max_bytes
        self.total_seconds = total_seconds
        self.session = requests.Session()
        self.session.verify = transport.verify
        keep_connections(self.session, max(workers, threads))

    def cache_path(self, file: PrintFile) -> Path:
        return self.cached_path(file.purchase_order_nos, file.size, file.print_order, file.print_barcode)

    def cached_path(self, numbers: Sequence[str], size: PdfSize, print_order: bool, print_barcode: bool) -> Path:
        """Where the file of these POs with these choices is kept (whether it exists yet or not)."""
        key = "|".join([*numbers, size.value, str(print_order), str(print_barcode)])
        digest = hashlib.sha256(key.encode()).hexdigest()[:24]
        return self.cache_dir / f"{size.value}-{digest}.pdf"

    def _ask_again(self, file: PrintFile) -> PrintFile:
        return self.client.print_file(
            file.purchase_order_nos, file.size, print_order=file.print_order, print_barcode=file.print_barcode
        )

    def fetch(self, file: PrintFile) -> Path:
        """The file in the cache, downloaded first if need be. A file is cached only once it reads
        as a PDF of the size asked for; a damaged one is asked for again once, then refused."""
        path = self.cache_path(file)
        if path.exists():
            return path
        fetch_to_cache(
            self.session,
            file,
            path,
            ask_again=lambda _: self._ask_again(file),
            check=lambda data: check_label_pdf(data, file.size, path.name),
            policy=self.policy,
            attempts=self.attempts,
            max_bytes=self.max_bytes,
            total_seconds=self.total_seconds,
        )
        return path

    def fetch_all(self, files: Sequence[PrintFile]) -> list[Path]:
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="download") as pool:
            return list(pool.map(self.fetch, files))
