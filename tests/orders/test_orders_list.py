"""GetOrders and GetOrderItems: shapes, every status filter, paging, and the documented errors."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest

from station.lazada.errors import BadParameterError, RequestValidationError
from station.lazada.orders import ItemStatus, OrdersClient, OrdersQuery
from station.simulator import SimulatorServer
from tests.simulator._support import Api

from .conftest import everything, find_order, since


def test_get_orders_page_shape_and_order(oclient: OrdersClient, sim: SimulatorServer) -> None:
    page = oclient.get_orders_page(everything(), limit=10)
    assert page.count == 10
    assert page.count_total == len(sim.orders.orders)
    times = [o.created_at for o in page.orders]
    assert all(t is not None and t.utcoffset() is not None for t in times)
    assert times == sorted(times)  # type: ignore[type-var]
    first = page.orders[0]
    assert first.order_id and first.order_number and first.items_count >= 1 and first.statuses
    assert first.address.address1 and first.address.address4


def test_every_status_filter(oclient: OrdersClient, sim: SimulatorServer) -> None:
    seen = Counter(s for o in sim.orders.orders.values() for s in o.statuses)
    for status in ItemStatus:
        orders = oclient.list_orders(everything(status.value))
        assert len(orders) == seen[status.value], status
        assert all(status.value in o.statuses for o in orders)
    assert len(oclient.list_orders(everything())) == len(sim.orders.orders)
    assert seen["pending"] and seen["delivered"] and seen["canceled"]


def test_paging_by_offset_collects_everything_once(oclient: OrdersClient, sim: SimulatorServer) -> None:
    orders = oclient.list_orders(everything(), limit=7)
    assert len(orders) == len({o.order_id for o in orders}) == len(sim.orders.orders)


def test_update_after_and_created_before(oclient: OrdersClient, sim: SimulatorServer) -> None:
    recent = oclient.list_orders(OrdersQuery(created_after=since(), update_after=since(3)))
    expected = [o for o in sim.orders.orders.values() if o.updated_ms >= since(3).timestamp() * 1000]
    assert len(recent) == len(expected)
    older = oclient.get_orders_page(OrdersQuery(created_after=since(), created_before=since(10)))
    assert all(o.created_at is not None and o.created_at <= since(10) for o in older.orders)


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (101, 0), (100, 5001), (100, -1)])
def test_paging_limits_checked_before_sending(oclient: OrdersClient, limit: int, offset: int) -> None:
    calls = oclient.transport.calls_sent
    with pytest.raises(RequestValidationError):
        oclient.get_orders_page(everything(), limit=limit, offset=offset)
    assert oclient.transport.calls_sent == calls


def test_query_validation(oclient: OrdersClient) -> None:
    with pytest.raises(RequestValidationError):
        oclient.get_orders_page(OrdersQuery())
    with pytest.raises(RequestValidationError):
        oclient.get_orders_page(everything("sleeping"))
    with pytest.raises(RequestValidationError):
        oclient.get_orders_page(OrdersQuery(created_after=datetime(2026, 1, 1)))  # no time zone


@pytest.mark.parametrize(
    ("params", "code", "words"),
    [
        ({"limit": 101}, "InvalidParameter", "limit"),
        ({"limit": 0}, "InvalidParameter", "limit"),
        ({"offset": 5001}, "InvalidParameter", "offset"),
        ({"status": "sleeping"}, "InvalidParameter", "status"),
        ({"created_after": "2026-01-01 00:00:00"}, "InvalidParameter", "created_after"),
        ({"created_after": "2026-01-01T00:00:00"}, "InvalidParameter", "time zone"),
        ({"sort_direction": "UP"}, "InvalidParameter", "sort_direction"),
        ({"created_after": ""}, "MissingParameter", "created_after"),
    ],
)
def test_get_orders_errors_from_the_simulator(api: Api, params: dict[str, object], code: str, words: str) -> None:
    query: dict[str, object] = {"created_after": "2020-01-01T00:00:00+08:00", **params}
    query = {k: v for k, v in query.items() if v != ""}
    body = api.call("/orders/get", query)
    assert body["code"] == code, body
    assert words in body["message"]


def test_simulator_data_at_top_level(api: Api) -> None:
    body = api.call("/orders/get", {"created_after": "2020-01-01T00:00:00+08:00", "limit": 2})
    assert body["code"] == "0" and "result" not in body
    assert set(body["data"]) == {"count", "countTotal", "orders"}
    order_id = body["data"]["orders"][0]["order_id"]
    items = api.call("/order/items/get", {"order_id": order_id})
    assert items["code"] == "0" and isinstance(items["data"], list)


def test_order_items_one_object_per_unit(oclient: OrdersClient, sim: SimulatorServer) -> None:
    order = find_order(sim, lambda o: len({i.sku for i in o.items}) < len(o.items))
    items = oclient.get_order_items(str(order.order_id))
    assert len(items) == len(order.items)
    assert len({i.order_item_id for i in items}) == len(items)  # same product, separate ids
    assert len({i.sku for i in items}) < len(items)
    assert all(i.order_id == str(order.order_id) for i in items)


def test_item_level_statuses_and_kinds(oclient: OrdersClient, sim: SimulatorServer) -> None:
    mixed = find_order(sim, lambda o: len(o.statuses) > 1)
    items = oclient.get_order_items(str(mixed.order_id))
    assert len({i.status for i in items}) > 1
    digital = find_order(sim, lambda o: o.items[0].is_digital)
    assert all(i.is_digital for i in oclient.get_order_items(str(digital.order_id)))
    dbs = find_order(sim, lambda o: o.items[0].sof)
    assert all(i.delivery_option_sof for i in oclient.get_order_items(str(dbs.order_id)))
    packed = find_order(sim, lambda o: any(i.package_id for i in o.items))
    with_package = [i for i in oclient.get_order_items(str(packed.order_id)) if i.package_id]
    assert with_package and all(i.tracking_code and i.shipment_provider for i in with_package)


def test_order_items_errors(oclient: OrdersClient, api: Api) -> None:
    with pytest.raises(BadParameterError) as info:
        oclient.get_order_items("999")
    assert info.value.code == "InvalidOrderId"
    with pytest.raises(RequestValidationError):
        oclient.get_order_items("")
    assert api.call("/order/items/get", {})["code"] == "MissingParameter"
