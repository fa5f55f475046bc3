"""A hostile or broken server: redirects elsewhere, damaged, encrypted, huge or dripping label files,
deeply nested or garbled answers. Every server here is real (sockets on 127.0.0.1)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from station.connect import Connection
from station.demo import DEMO_CONTACT, connect_simulator
from station.lazada.errors import MalformedResponseError, StationApiError
from station.lazada.jit import PrintFile
from station.lazada.models import PdfSize, POStatus, PurchaseOrder
from station.outcomes import Step
from station.printing import download
from station.printing.download import Downloader, PrintFileError
from station.printing.merge_child import ChildProcessMerge
from station.simulator import demo
from station.simulator.server import SimulatorServer
from station.workflow.batch import BatchOptions, BatchRunner, list_to_pack
from tests.hostile_server import (
    HostileServer,
    body,
    damaged_pdf,
    drip,
    huge,
    label_pdf,
    nested_json,
    redirect,
)
from tests.hostile_server import proxy as proxy_to
from tests.support import wait_until


def options(tmp_path: Path, **overrides: Any) -> BatchOptions:
    values: dict[str, Any] = {
        "contact": DEMO_CONTACT,
        "output": tmp_path / "labels.pdf",
        "cache_dir": tmp_path / "cache",
        "first_poll_after": 0.2,
        "poll_interval": 0.2,
        "ready_timeout": 30.0,
    }
    values.update(overrides)
    return BatchOptions(**values)


def ready_pos(conn: Connection, count: int) -> list[PurchaseOrder]:
    """``count`` POs of one ship group, packed and read back Ready To Ship."""
    pos = list_to_pack(conn.client)
    groups: dict[tuple[str, str], list[PurchaseOrder]] = {}
    for po in pos:
        groups.setdefault(po.ship_group, []).append(po)
    mine = max(groups.values(), key=len)[:count]
    numbers = [p.purchase_order_no for p in mine]
    conn.client.pack(numbers)

    def all_ready() -> dict[str, PurchaseOrder]:
        found = conn.client.find_pos(numbers)
        return found if all(p.status is POStatus.READY_TO_SHIP for p in found.values()) else {}

    found = wait_until(all_ready, what="the POs to be ready")
    return [found[no] for no in numbers]


# ---------------------------------------------------------------------- 4. a damaged label file
@pytest.mark.parametrize(
    "name, file, words",
    [
        ("damaged", damaged_pdf(), "not a readable PDF"),
        ("encrypted", label_pdf(password="secret"), "encrypted"),
        ("wrong size", label_pdf(210, 297), "210x297 mm"),
    ],
)
def test_a_damaged_label_file_is_asked_for_again_once_then_refused_and_never_cached(
    sim: SimulatorServer, hostile: Callable[..., HostileServer], tmp_path: Path, name: str, file: bytes, words: str
) -> None:
    proxy = hostile(upstream=sim.base_url)
    proxy.on("/files/*", body(file))
    conn = connect_simulator(proxy.url + "/rest")
    try:
        pos = ready_pos(conn, 3)
        numbers = [p.purchase_order_no for p in pos]
        # as station-cli print and the window do: the merge in a child process
        print_only = options(tmp_path, steps=frozenset({Step.PRINT}), merge=ChildProcessMerge)
        report = BatchRunner(conn.client, print_only).run(pos)
        failed = report.failed()
        assert sorted(o.purchase_order_no for o in failed) == sorted(numbers)
        for outcome in failed:
            assert outcome.failed_step is Step.PRINT
            assert outcome.error.startswith("The platform sent a label file that is not a readable PDF (")
            assert words in outcome.error and "nothing was printed for these POs. Try again later." in outcome.error
            assert "disk space" not in outcome.error
        assert sim.stats()["purchase_orders"][numbers[0]]["print_requests"] == 2  # asked again once
        assert not list((tmp_path / "cache").glob("*.pdf"))  # nothing damaged is kept
        # the next print asks the platform again, and a good file then prints
        proxy.routes.clear()
        again = BatchRunner(
            conn.client,
            options(
                tmp_path / "again", cache_dir=tmp_path / "cache", steps=frozenset({Step.PRINT}), merge=ChildProcessMerge
            ),
        ).run(pos)
        assert not again.failed(), [o.error for o in again.failed()]
        assert sim.stats()["purchase_orders"][numbers[0]]["print_requests"] == 3
    finally:
        conn.close()


def test_a_damaged_file_already_in_the_cache_is_dropped_not_blamed_on_the_disk(
    conn: Connection, sim: SimulatorServer, tmp_path: Path
) -> None:
    """A single damaged file of a print merged in a child process fails at the merge's end: it is
    dropped from the cache all the same, and the message speaks of the file, not the disk."""
    pos = ready_pos(conn, 2)
    numbers = [p.purchase_order_no for p in pos]
    kept = Downloader(conn.client, tmp_path / "cache").cached_path(numbers, PdfSize.LABEL_100X150, False, True)
    kept.write_bytes(damaged_pdf())
    print_only = options(tmp_path, steps=frozenset({Step.PRINT}), merge=ChildProcessMerge)
    report = BatchRunner(conn.client, print_only).run(pos)
    assert sorted(o.purchase_order_no for o in report.failed()) == sorted(numbers)
    assert all("disk space" not in o.error and "could not be read" in o.error for o in report.failed())
    assert not kept.exists()


# ---------------------------------------------------------------------- 5. redirects
@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_an_api_call_never_follows_a_redirect(hostile: Callable[..., HostileServer], status: int) -> None:
    elsewhere = hostile()
    gateway = hostile()
    gateway.on("/rest/*", redirect(elsewhere.url + "/rest/jit/purchase_order/query_list", status))
    conn = connect_simulator(gateway.url + "/rest")
    try:
        with pytest.raises(StationApiError) as info:
            list_to_pack(conn.client)
        message = info.value.describe()
        assert f"127.0.0.1:{elsewhere.port}" in message and "redirect" in message.lower()
        assert demo.DEMO_ACCESS_TOKEN not in message and demo.DEMO_APP_SECRET not in message
        assert not elsewhere.requests  # the signed form never went there
        assert len(gateway.requests) == 1  # and a redirect is not retried
    finally:
        conn.close()


def _file(url: str) -> PrintFile:
    return PrintFile(("POJ1",), PdfSize.LABEL_100X150, False, True, url)


def test_a_label_link_redirected_to_another_local_address_is_not_followed(
    hostile: Callable[..., HostileServer], tmp_path: Path
) -> None:
    elsewhere = hostile()
    elsewhere.on("/label.pdf", body(label_pdf()))
    platform = hostile()  # the configured gateway (a simulator): its own links are trusted
    platform.on("/files/a.pdf", redirect(elsewhere.url + "/label.pdf", 302))
    platform.on("/files/b.pdf", redirect(f"https://localhost:{elsewhere.port}/label.pdf", 307))
    platform.on("/files/c.pdf", redirect("http://169.254.169.254/latest/meta-data/", 301))
    conn = connect_simulator(platform.url + "/rest")
    try:
        downloader = Downloader(conn.client, tmp_path / "cache")
        for name, words in (("a", f"127.0.0.1:{elsewhere.port}"), ("b", "localhost"), ("c", "169.254.169.254")):
            with pytest.raises(PrintFileError) as info:
                downloader.fetch(_file(f"{platform.url}/files/{name}.pdf?Signature=s3cr3t"))
            assert words in info.value.describe() and "s3cr3t" not in info.value.describe()
        assert not elsewhere.requests
        assert not list((tmp_path / "cache").glob("*.pdf"))
    finally:
        conn.close()


def test_a_label_redirect_within_the_configured_simulator_is_followed(
    hostile: Callable[..., HostileServer], tmp_path: Path
) -> None:
    platform = hostile()
    platform.on("/files/a.pdf", redirect(platform.url + "/files/b.pdf", 302))
    platform.on("/files/b.pdf", body(label_pdf()))
    conn = connect_simulator(platform.url + "/rest")
    try:
        path = Downloader(conn.client, tmp_path / "cache").fetch(_file(platform.url + "/files/a.pdf"))
        assert path.read_bytes() == label_pdf()
    finally:
        conn.close()


@pytest.mark.parametrize(
    "url, addresses, allowed",
    [
        ("https://files.example.com/a.pdf", ["47.246.1.1"], True),
        ("https://files.example.com/a.pdf", ["2606:4700::1"], True),
        ("http://files.example.com/a.pdf", ["47.246.1.1"], False),  # not https
        ("https://files.example.com/a.pdf", ["47.246.1.1", "10.0.0.5"], False),  # one private address is enough
        ("https://metadata.example.com/a.pdf", ["169.254.169.254"], False),
        ("https://files.example.com/a.pdf", ["127.0.0.1"], False),
        ("https://files.example.com/a.pdf", ["::ffff:192.168.1.1"], False),
        ("https://files.example.com/a.pdf", ["100.64.0.7"], False),
        ("https://files.example.com/a.pdf", ["fd00:ec2::254"], False),
        ("https://files.example.com/a.pdf", ["224.0.0.1"], False),
        ("https://[::1]/a.pdf", [], False),
        ("https://192.168.0.10/a.pdf", [], False),
        ("file:///etc/passwd", [], False),
    ],
)
def test_the_link_policy_resolves_the_name_and_checks_every_address(
    url: str, addresses: list[str], allowed: bool
) -> None:
    policy = download.UrlPolicy(resolve=lambda host, port: addresses)
    if allowed:
        policy.check(url)
    else:
        with pytest.raises(PrintFileError):
            policy.check(url)


def test_a_huge_label_file_is_cut_off_at_the_cap(hostile: Callable[..., HostileServer], tmp_path: Path) -> None:
    platform = hostile()
    platform.on("/files/announced.pdf", huge(50_000_000))
    platform.on("/files/unannounced.pdf", huge(50_000_000, announce=False))
    conn = connect_simulator(platform.url + "/rest")
    try:
        downloader = Downloader(conn.client, tmp_path / "cache", max_bytes=2_000_000)
        for name in ("announced", "unannounced"):
            started = time.monotonic()
            with pytest.raises(PrintFileError) as info:
                downloader.fetch(_file(f"{platform.url}/files/{name}.pdf"))
            assert "larger than" in info.value.describe()
            assert time.monotonic() - started < 10
    finally:
        conn.close()


def test_a_slow_drip_ends_at_the_total_time_cap(hostile: Callable[..., HostileServer], tmp_path: Path) -> None:
    platform = hostile()
    platform.on("/files/slow.pdf", drip(label_pdf(), interval=0.02))  # a byte every 20 ms: ~20 s
    conn = connect_simulator(platform.url + "/rest")
    try:
        downloader = Downloader(conn.client, tmp_path / "cache", total_seconds=1.5)
        started = time.monotonic()
        with pytest.raises(StationApiError) as info:
            downloader.fetch(_file(platform.url + "/files/slow.pdf"))
        assert time.monotonic() - started < 4
        assert "1.5 s" in info.value.describe() or "2 s" in info.value.describe()
    finally:
        conn.close()


# ---------------------------------------------------------------------- 6. nested JSON, garbled answers
def test_a_deeply_nested_answer_is_a_malformed_answer_not_a_crash(hostile: Callable[..., HostileServer]) -> None:
    gateway = hostile()
    gateway.on("/rest/*", body(nested_json(), content_type="application/json"))
    conn = connect_simulator(gateway.url + "/rest")
    conn.client.transport.max_retries = 0
    try:
        with pytest.raises(MalformedResponseError):
            list_to_pack(conn.client)
    finally:
        conn.close()
    nested_list = "[" * 100_000 + "]" * 100_000
    with pytest.raises(MalformedResponseError):
        PurchaseOrder.from_api({"purchase_order_no": "POJ1", "biz_status": "10", "logistics_no_list": nested_list})


GARBLED = [
    b'{"code":"0","request_id":"0b1","result":{"success":true,"data":"\\u0000garbled"}}',  # JSON, but not the answer
    b'{"code":"0","request_id":"0b1","res',  # cut short
    b'{"code":"0","request_id":"0b1"}',  # no result at all
]


@pytest.mark.parametrize("garble", GARBLED)
def test_a_garbled_ship_answer_after_the_ship_landed_is_settled_by_reading_the_status(
    sim: SimulatorServer, hostile: Callable[..., HostileServer], tmp_path: Path, garble: bytes
) -> None:
    proxy = hostile(upstream=sim.base_url)
    conn = connect_simulator(proxy.url + "/rest")
    try:
        pos = ready_pos(conn, 10)  # of one store and warehouse: one ship call
        proxy.on("/rest/jit/purchase_order/batch_pickup_deliver", proxy_to(garble))
        report = BatchRunner(conn.client, options(tmp_path, steps=frozenset({Step.SHIP}))).run(pos)
        assert not report.failed(), [(o.purchase_order_no, o.error) for o in report.failed()]
        assert report.counts()["shipped"] == len(pos) >= 5
        stats = sim.stats()["purchase_orders"]
        assert all(stats[p.purchase_order_no]["ship_attempts"] == 1 for p in pos)  # never sent again
    finally:
        conn.close()


@pytest.mark.parametrize("garble", GARBLED)
def test_a_garbled_pack_answer_after_the_pack_landed_carries_the_pos_on(
    sim: SimulatorServer, hostile: Callable[..., HostileServer], tmp_path: Path, garble: bytes
) -> None:
    """Every pack answer unreadable: the POs the platform did pack are not reported "pack it again
    later" (a later run would never list them: they are no longer To Pack) but waited for,
    shipped and printed."""
    proxy = hostile(upstream=sim.base_url)
    proxy.on("/rest/jit/purchase_order/package", proxy_to(garble))
    conn = connect_simulator(proxy.url + "/rest")
    try:
        pos = list_to_pack(conn.client)[:6]
        report = BatchRunner(conn.client, options(tmp_path)).run(pos)
        assert not report.failed(), [(o.purchase_order_no, o.error) for o in report.failed()]
        assert report.counts()["packed"] == report.counts()["shipped"] == report.counts()["printed"] == 6
        stats = sim.stats()["purchase_orders"]
        assert all(stats[p.purchase_order_no]["pack_accepted"] == 1 for p in pos)
    finally:
        conn.close()


def test_a_pack_only_batch_with_garbled_answers_reports_the_pos_packed(
    sim: SimulatorServer, hostile: Callable[..., HostileServer], tmp_path: Path
) -> None:
    proxy = hostile(upstream=sim.base_url)
    proxy.on("/rest/jit/purchase_order/package", proxy_to(GARBLED[1]))
    conn = connect_simulator(proxy.url + "/rest")
    try:
        pos = list_to_pack(conn.client)[:4]
        report = BatchRunner(conn.client, options(tmp_path, steps=frozenset({Step.PACK}))).run(pos)
        assert not report.failed(), [(o.purchase_order_no, o.error) for o in report.failed()]
        assert report.counts()["packed"] == 4
    finally:
        conn.close()
