"""Paging past 5,000 orders: offset up to 5,000, then created_after moves to the last order's time."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from station.demo import connect_simulator
from station.lazada.orders import OrdersClient
from station.lazada.orders.limits import ORDERS_OFFSET_MAX
from station.simulator import SimulatorServer

from .conftest import everything

COUNT = 5_250


def test_listing_continues_past_5000(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim(orders=COUNT, pos=0, history=0)
    conn = connect_simulator(sim.url, read_timeout=10, calls_per_second=0)
    client = OrdersClient(conn.client.transport, conn.client.tokens)
    sent: list[dict[str, Any]] = []
    real_send = client.send

    def recording(api_path: str, params: Mapping[str, Any], *, state_changing: bool = False) -> dict[str, Any]:
        sent.append(dict(params))
        return real_send(api_path, params, state_changing=state_changing)

    client.send = recording  # type: ignore[method-assign]
    progress: list[tuple[int, int]] = []
    try:
        orders = client.list_orders(everything(), progress=lambda done, total: progress.append((done, total)))
    finally:
        client.close()
        conn.client.close()
    ids = [o.order_id for o in orders]
    assert len(ids) == len(set(ids)) == COUNT
    assert set(ids) == {str(i) for i in sim.orders.orders}
    assert max(p["offset"] for p in sent) == ORDERS_OFFSET_MAX
    assert all(p["limit"] <= 100 for p in sent)
    starts = [p["created_after"] for p in sent]
    assert len(set(starts)) == 2  # the first window, then one continuation
    continued = [p for p in sent if p["created_after"] != starts[0]]
    assert continued[0]["offset"] == 0
    assert len(sent) == 51 + len(continued)
    assert progress[-1][0] == COUNT
