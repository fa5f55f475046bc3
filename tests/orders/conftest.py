"""Fixtures of the marketplace-order tests: a simulator with a few dozen orders and a client on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from station.connect import Connection
from station.lazada.orders import OrdersClient, OrdersQuery
from station.simulator import SimulatorServer
from station.simulator.orders.book import Item, Order
from tests.simulator._support import Api


@pytest.fixture
def sim_defaults() -> dict[str, Any]:
    return {"pos": 3, "history": 3, "seed": 11, "orders": 80, "pack_delay_min": 0.2, "pack_delay_max": 0.3}


@pytest.fixture
def oclient(conn: Connection) -> Iterator[OrdersClient]:
    client = OrdersClient(conn.client.transport, conn.client.tokens, workers=4)
    yield client
    client.close()


@pytest.fixture
def api(sim: SimulatorServer) -> Api:
    return Api(sim)


def since(days: float = 400) -> datetime:
    return datetime.now(timezone.utc) - timedelta(days=days)


def everything(status: str = "all") -> OrdersQuery:
    return OrdersQuery(created_after=since(), status=status)


def find_order(sim: SimulatorServer, test: Callable[[Order], bool]) -> Order:
    for order in sorted(sim.orders.orders.values(), key=lambda o: o.order_id):
        if test(order):
            return order
    pytest.skip("no such order in the seeded simulator")


def all_items(order: Order, test: Callable[[Item], bool]) -> bool:
    return bool(order.items) and all(test(i) for i in order.items)


def plain_pending(order: Order) -> bool:
    """Every item pending, physical, and the platform allocates the provider."""
    return not order.seller_choice and all_items(order, lambda i: i.status == "pending" and not i.is_digital)
