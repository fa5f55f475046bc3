"""Print files: expired links renewed, HTML or cut-short files refused clearly, reprints from the cache."""

from __future__ import annotations

import functools
import http.server
import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from station.demo import connect_simulator
from station.lazada.jit import JitClient, PrintFile
from station.lazada.models import PdfSize
from station.printing.download import Downloader, PrintFileError, UrlPolicy, fetch_pdf
from station.simulator.server import SimulatorServer
from station.workflow.batch import list_to_pack
from tests.support import wait_until


@pytest.fixture
def file_server(tmp_path: Path) -> Iterator[str]:
    """A plain web server over a folder, for answers the simulator would never give."""
    folder = tmp_path / "www"
    folder.mkdir()
    (folder / "login.pdf").write_text("<html><body>Please log in</body></html>")
    (folder / "cut.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    "name, words", [("login.pdf", "not a PDF"), ("cut.pdf", "cut short"), ("missing.pdf", "HTTP 404")]
)
def test_bad_files_get_a_clear_error(file_server: str, name: str, words: str) -> None:
    with pytest.raises(PrintFileError) as info:
        fetch_pdf(requests.Session(), f"{file_server}/{name}", policy=UrlPolicy([file_server]))
    assert words in info.value.detail
    assert "label file" in info.value.operator_message


def packed_label_file(client: JitClient, count: int) -> tuple[list[str], PrintFile]:
    """``count`` To Pack POs packed and ready, and the platform's 100x150 label file for them."""
    numbers = [po.purchase_order_no for po in list_to_pack(client)[:count]]
    client.pack(numbers)
    wait_until(
        lambda: all(po.status.value == "20" for po in client.find_pos(numbers).values()), what="the POs to be ready"
    )
    return numbers, client.print_file(numbers, PdfSize.LABEL_100X150, print_order=False, print_barcode=True)


def test_expired_link_is_renewed_and_a_reprint_is_not_downloaded_again(
    make_sim: Callable[..., SimulatorServer], tmp_path: Path
) -> None:
    sim = make_sim(file_ttl_seconds=1)
    conn = connect_simulator(sim.url)
    try:
        client = conn.client
        numbers, file = packed_label_file(client, 2)
        wait_until(lambda: requests.get(file.url, timeout=5).status_code == 403, what="the link to expire")
        downloader = Downloader(client, tmp_path / "cache")
        path = downloader.fetch(file)
        assert path.read_bytes().startswith(b"%PDF-")
        prints = sim.stats()["purchase_orders"][numbers[0]]["print_requests"]
        assert prints == 2  # the first link, then a fresh one for the expired link
        again = downloader.fetch(file)  # a reprint: from the cache, no call, no download
        assert again == path
        assert sim.stats()["purchase_orders"][numbers[0]]["print_requests"] == 2
    finally:
        conn.close()


def test_links_that_keep_expiring_end_as_an_unusable_file_without_a_wasted_link(
    make_sim: Callable[..., SimulatorServer], tmp_path: Path
) -> None:
    sim = make_sim(file_ttl_seconds=-5.0)  # every link has expired when it comes
    conn = connect_simulator(sim.url)
    try:
        client = conn.client
        numbers, file = packed_label_file(client, 1)
        downloader = Downloader(client, tmp_path / "cache", attempts=3)
        with pytest.raises(PrintFileError) as raised:
            downloader.fetch(file)
        assert raised.value.problem.kind == "file.unusable"
        assert sim.stats()["purchase_orders"][numbers[0]]["print_requests"] == 3  # three links, each tried once
        assert not downloader.cache_path(file).exists()
        assert not list((tmp_path / "cache").glob("*.part"))
    finally:
        conn.close()


def test_fetching_from_as_many_threads_as_said_keeps_every_connection(
    make_sim: Callable[..., SimulatorServer], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A batch fetches label files from its 16 ship workers: the pool keeps 16 connections, so none
    is thrown away ("Connection pool is full, discarding connection") and opened again."""
    sim = make_sim(pos=16, history=0)
    conn = connect_simulator(sim.url)
    try:
        client = conn.client
        numbers = [po.purchase_order_no for po in list_to_pack(client)]
        client.pack(numbers)
        wait_until(
            lambda: all(po.status.value == "20" for po in client.find_pos(numbers).values()), what="the POs to be ready"
        )
        files = [
            client.print_file([no], PdfSize.LABEL_100X150, print_order=False, print_barcode=True) for no in numbers
        ]
        downloader = Downloader(client, tmp_path / "cache", threads=16)
        barrier = threading.Barrier(16)

        def fetch(file: PrintFile) -> Path:
            barrier.wait(timeout=30)  # all 16 at once
            return downloader.fetch(file)

        with caplog.at_level(logging.WARNING, logger="urllib3.connectionpool"), ThreadPoolExecutor(16) as pool:
            paths = list(pool.map(fetch, files))
        assert len(set(paths)) == 16 and all(path.read_bytes().startswith(b"%PDF") for path in paths)
        assert not [r for r in caplog.records if "pool is full" in r.getMessage()]
    finally:
        conn.close()
