"""The order endpoints go through the same gateway as the JIT ones: signature, token, flow limit, faults."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from station.demo import connect_simulator
from station.lazada.errors import OutcomeUnknownError
from station.lazada.orders import OrdersClient
from station.simulator import SimulatorServer
from tests.simulator._support import Api

from .conftest import everything, find_order, plain_pending

QUERY = {"created_after": "2020-01-01T00:00:00+08:00"}


@pytest.mark.parametrize("path", ["/orders/get", "/order/fulfill/pack", "/order/package/rts"])
def test_bad_signature_and_token(api: Api, path: str) -> None:
    assert api.call(path, QUERY, secret="wrong")["code"] == "IncompleteSignature"
    assert api.call(path, QUERY, token=None)["code"] == "IllegalAccessToken"
    assert api.call(path, QUERY, timestamp_ms=1)["code"] == "IllegalTimestamp"


def test_flow_limit(make_sim: Callable[..., SimulatorServer]) -> None:
    api = Api(make_sim(flow_limit_per_second=2))
    codes = [api.call("/orders/get", QUERY)["code"] for _ in range(5)]
    assert "ApiCallLimit" in codes


def test_client_waits_out_the_flow_limit(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim(flow_limit_per_second=3)
    conn = connect_simulator(sim.url, read_timeout=10, calls_per_second=0)
    client = OrdersClient(conn.client.transport, conn.client.tokens)
    try:
        assert len(client.list_orders(everything(), limit=10)) == len(sim.orders.orders)
    finally:
        client.close()
        conn.client.close()
    assert sim.stats()["faults"].get("flow_limited", 0) > 0


def test_expired_token_is_refreshed_once(oclient: OrdersClient, api: Api) -> None:
    api.admin("expire-tokens")
    assert oclient.get_orders_page(everything(), limit=1).count == 1
    assert oclient.tokens.refresh_count == 1


def test_injected_server_errors_are_retried_for_reads(oclient: OrdersClient, sim: SimulatorServer) -> None:
    sim.config.update_runtime({"error_rate": 0.3})
    assert len(oclient.list_orders(everything(), limit=20)) == len(sim.orders.orders)
    assert sum(v for k, v in sim.stats()["faults"].items() if k.startswith("error_")) > 0


def test_lost_answer_of_a_pack_is_outcome_unknown(oclient: OrdersClient, sim: SimulatorServer) -> None:
    order = find_order(sim, plain_pending)
    sim.config.update_runtime({"drop_rate": 1.0})
    with pytest.raises(OutcomeUnknownError):
        oclient.pack({str(order.order_id): [str(order.items[0].order_item_id)]})
    sim.config.update_runtime({"drop_rate": 0.0})
    # the platform did act: reading back shows the item packed
    assert oclient.get_order_items(str(order.order_id))[0].status == "packed"
