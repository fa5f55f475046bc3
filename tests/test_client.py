"""The JIT client against the simulator, over real sockets."""

from __future__ import annotations

import dataclasses
import logging
import time
from datetime import timedelta

import pytest
import requests

from station.connect import Connection
from station.demo import connect_simulator
from station.lazada.errors import (
    AlreadyPackedError,
    BadParameterError,
    OutcomeUnknownError,
    RequestValidationError,
    SignatureError,
)
from station.lazada.jit import JitClient
from station.lazada.models import PdfSize, POQuery, POStatus, PurchaseOrder
from station.lazada.ratelimit import RateLimiter
from station.lazada.tokens import MemoryTokenStore, TokenManager
from station.lazada.transport import Transport
from station.simulator import demo
from station.simulator.server import SimulatorServer
from station.workflow.batch import list_to_pack
from tests.support import admin, set_faults, wait_until


def to_pack(conn: Connection) -> list[str]:
    return [po.purchase_order_no for po in list_to_pack(conn.client)]


def test_lists_todays_to_pack_pos_over_concurrent_pages(conn: Connection, sim: SimulatorServer) -> None:
    client = conn.client
    end = client.now() + timedelta(minutes=5)
    query = POQuery(end - timedelta(days=7), end, status=POStatus.TO_PACK)
    small_pages = client.list_pos(query, page_size=7)
    big_pages = client.list_pos(query, page_size=50)
    assert len(small_pages) >= 30
    assert [po.purchase_order_no for po in small_pages] == [po.purchase_order_no for po in big_pages]
    assert all(po.status is POStatus.TO_PACK for po in small_pages)
    calls = sim.stats()["calls"]["/jit/purchase_order/query_list"]
    assert calls >= 1 + (len(small_pages) + 6) // 7


def test_limits_are_checked_before_anything_is_sent(conn: Connection) -> None:
    client = conn.client
    sent = client.transport.calls_sent
    now = client.now()
    with pytest.raises(RequestValidationError, match="at most 20"):
        numbers = tuple(f"P{i}" for i in range(21))
        client.query_po_page(POQuery(now - timedelta(days=1), now, purchase_order_nos=numbers))
    with pytest.raises(RequestValidationError, match="90 days"):
        client.query_po_page(POQuery(now - timedelta(days=91), now))
    with pytest.raises(RequestValidationError, match="A4"):
        client.print_file(["POJ1"], PdfSize.A4, print_order=True, print_barcode=True)
    with pytest.raises(RequestValidationError, match="at most 100"):
        client.pack_chunk([f"P{i}" for i in range(101)])
    assert client.transport.calls_sent == sent


def test_platform_errors_are_typed(conn: Connection) -> None:
    with pytest.raises(BadParameterError):
        conn.client.call(
            "/jit/purchase_order/query_list",
            {"gmt_create_begin": "2023-10-01 00:00:00:00", "gmt_create_end": "2023-10-02 00:00:00"},
        )
    with pytest.raises(BadParameterError):
        conn.client.list_items("POJ-NOT-THERE")


def test_wrong_secret_is_a_signature_error(sim: SimulatorServer) -> None:
    transport = Transport(sim.url, demo.DEMO_APP_KEY, "not-the-secret", limiter=RateLimiter(0))
    tokens = TokenManager(transport, MemoryTokenStore(connect_simulator(sim.url).client.tokens.tokens))
    client = JitClient(transport, tokens)
    try:
        with pytest.raises(SignatureError) as info:
            client.list_items("POJ1")
        assert "not-the-secret" not in str(info.value)
    finally:
        client.close()


def test_pack_is_asynchronous_then_ship_and_print(conn: Connection, sim: SimulatorServer) -> None:
    client = conn.client
    numbers = to_pack(conn)[:3]
    outcomes = client.pack(numbers)
    assert all(o.ok for o in outcomes)
    with pytest.raises(AlreadyPackedError):
        client.pack_chunk(numbers[:1])

    def all_ready() -> dict[str, PurchaseOrder]:  # empty (false) until every one is ready to ship
        found = client.find_pos(numbers)
        return found if all(po.status is POStatus.READY_TO_SHIP for po in found.values()) else {}

    ready = wait_until(all_ready, what="POs ready to ship")
    group = [no for no in numbers if ready[no].ship_group == ready[numbers[0]].ship_group]
    from station.demo import DEMO_CONTACT

    results = client.ship_chunk(group, DEMO_CONTACT)
    assert all(r.ok and r.pickup_no for r in results)
    after = client.find_pos(group)
    assert all(after[no].status is POStatus.TO_PUT_AWAY for no in group)
    # shipping again is refused per PO, never done twice
    again = client.ship_chunk(group, DEMO_CONTACT)
    assert not any(r.ok for r in again)
    assert all(sim.stats()["purchase_orders"][no]["ship_successes"] == 1 for no in group)
    file = client.print_file(group, PdfSize.LABEL_60X30, print_order=False, print_barcode=True)
    assert file.url.startswith("http://127.0.0.1")
    pdf = requests.get(file.url, timeout=10)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")


def test_ship_before_ready_fails_per_po(conn: Connection) -> None:
    from station.demo import DEMO_CONTACT

    client = conn.client
    pos = list_to_pack(client)
    group = [po.purchase_order_no for po in pos if po.ship_group == pos[0].ship_group][:2]
    results = client.ship_chunk(group, DEMO_CONTACT)
    assert [r.ok for r in results] == [False] * len(group)
    assert all("INVALID_STATUS" in r.error_message for r in results)


def test_expired_token_is_refreshed_once_and_the_call_resent(conn: Connection, sim: SimulatorServer) -> None:
    before = conn.client.tokens.tokens
    assert before is not None
    assert admin(sim.base_url, "/_sim/expire-tokens")["ok"]
    assert len(list_to_pack(conn.client)) >= 30
    assert conn.client.tokens.refresh_count == 1
    after = conn.client.tokens.tokens
    assert after is not None and after.access_token != before.access_token


def test_token_refreshed_before_expiry(sim: SimulatorServer) -> None:
    conn = connect_simulator(sim.url)
    tokens = conn.client.tokens
    assert tokens.tokens is not None
    # the token expires in ten minutes: inside the 30-minute margin, so it is refreshed first
    tokens._tokens = dataclasses.replace(tokens.tokens, expires_at=time.time() + 600)
    conn.client.list_items(list_to_pack(conn.client)[0].purchase_order_no)
    assert tokens.refresh_count == 1
    conn.close()


def test_flow_limit_is_waited_out(conn: Connection, sim: SimulatorServer) -> None:
    set_faults(sim.base_url, flow_limit_per_second=4)
    numbers = to_pack(conn)
    found = conn.client.find_pos(numbers)  # 2+ calls at once, over the limit
    items = conn.client.list_items_many(numbers[:12])
    assert len(found) == len(numbers) and len(items) == 12
    assert sim.stats()["faults"].get("flow_limited", 0) >= 1


def test_server_errors_on_reads_are_retried(conn: Connection, sim: SimulatorServer) -> None:
    set_faults(sim.base_url, error_rate=0.3)
    assert len(to_pack(conn)) >= 30
    assert len(conn.client.list_items_many(to_pack(conn)[:10])) == 10


def test_lost_answer_to_a_pack_is_not_blindly_resent(make_sim: object, sim: SimulatorServer) -> None:
    conn = connect_simulator(sim.url, read_timeout=0.5)
    try:
        number = to_pack(conn)[0]
        set_faults(sim.base_url, timeout_rate=1.0, timeout_seconds=1.5)
        with pytest.raises(OutcomeUnknownError):
            conn.client.pack_chunk([number])
        set_faults(sim.base_url, timeout_rate=0.0)
        # the platform did act on it, once
        assert sim.stats()["purchase_orders"][number]["pack_accepted"] == 1
    finally:
        conn.close()


def test_logs_never_hold_secrets(conn: Connection, sim: SimulatorServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    admin(sim.base_url, "/_sim/expire-tokens")
    numbers = to_pack(conn)
    conn.client.pack(numbers[:2])
    tokens = conn.client.tokens.tokens
    assert tokens is not None
    text = caplog.text
    assert "/jit/purchase_order/package" in text
    for secret in (
        demo.DEMO_APP_SECRET,
        demo.DEMO_ACCESS_TOKEN,
        demo.DEMO_REFRESH_TOKEN,
        tokens.access_token,
        tokens.refresh_token,
    ):
        assert secret not in text
