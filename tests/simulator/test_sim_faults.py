"""Injected faults: server errors, flow limit, dropped connections, late answers, latency."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
import requests

from station.simulator import SimulatorServer

from ._support import Api, wait_for

QUERY = "/jit/purchase_order/query_list"


def test_error_rate_one_gives_server_errors(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim(error_rate=1.0)
    api = Api(sim)
    statuses = set()
    for _ in range(12):
        response = api.raw(QUERY, api.window())
        statuses.add(response.status_code)
        if response.status_code == 500:
            body = response.json()
            assert body["code"] == "InternalError" and body["type"] == "SYSTEM"
        else:
            assert response.headers["Content-Type"].startswith("text/html")
    assert statuses <= {500, 502, 503} and 500 in statuses and len(statuses) > 1
    assert api.admin("health").json() == {"ok": True}  # admin endpoints get no faults


def test_errors_happen_before_any_change(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim()
    api = Api(sim)
    po = api.to_pack()[0]["purchase_order_no"]
    api.admin("faults", {"error_rate": 1.0})
    assert api.raw("/jit/purchase_order/package", {"purchase_order_no_list": [po]}).status_code >= 500
    api.admin("faults", {"error_rate": 0})
    assert api.pack([po])["success"] is True


def test_flow_limit(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim(flow_limit_per_second=3)
    api = Api(sim)
    codes = [api.call(QUERY, api.window())["code"] for _ in range(6)]
    assert codes[:3] == ["0", "0", "0"]
    assert "ApiCallLimit" in codes
    body = api.call(QUERY, api.window())
    assert body["type"] == "ISP"
    assert body["message"] == "Api access frequency exceeds the limit. this ban will last 1 seconds"
    wait_for(lambda: api.call(QUERY, api.window())["code"] == "0", 3, "the ban never lifted")
    assert sim.stats()["faults"]["flow_limited"] >= 1


def test_shipping_too_early_costs_flow(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim(flow_limit_per_second=5)
    api = Api(sim)
    po = api.to_pack()[0]["purchase_order_no"]
    wait_for(lambda: api.call(QUERY, api.window())["code"] == "0", 3, "no quiet moment")
    time.sleep(1.05)  # an empty window, so only the penalty counts below
    api.ship([po])  # not packed: 1 call + 5 penalty calls
    assert api.call(QUERY, api.window())["code"] == "ApiCallLimit"


def test_drop_applies_then_closes(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim()
    api = Api(sim)
    po = api.to_pack()[0]["purchase_order_no"]
    api.admin("faults", {"drop_rate": 1.0})
    with pytest.raises(requests.ConnectionError):
        api.raw("/jit/purchase_order/package", {"purchase_order_no_list": [po]})
    api.admin("faults", {"drop_rate": 0.0})
    assert sim.stats()["purchase_orders"][po]["pack_accepted"] == 1
    assert api.pack([po])["error_message"].startswith("Has packed")


def test_timeout_applies_then_answers_late(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim(timeout_rate=1.0, timeout_seconds=2.0)
    api = Api(sim)
    po = sim.state.query(0, 2**62, "10")[0]
    with pytest.raises(requests.ReadTimeout):
        api.raw("/jit/purchase_order/package", {"purchase_order_no_list": [po]}, timeout=0.5)
    assert sim.stats()["purchase_orders"][po]["pack_accepted"] == 1
    assert sim.stats()["faults"]["timeout"] == 1


def test_latency_and_runtime_update(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim(latency_ms=150)
    api = Api(sim)
    started = time.monotonic()
    api.call(QUERY, api.window())
    assert time.monotonic() - started >= 0.14
    answer = api.admin("faults", {"latency_ms": 0, "flow_limit_per_second": 7}).json()
    assert answer["ok"] is True and answer["faults"]["latency_ms"] == 0
    assert sim.config.flow_limit_per_second == 7
    assert api.admin("faults", {"bogus": 1}).status_code == 400
    assert api.admin("faults", {"error_rate": 2}).status_code == 400
    assert sim.config.error_rate == 0.0
