"""Helpers of the simulator tests: a signing client for a running simulator, polling, configs."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
import requests

from station.lazada.signing import signed_params
from station.simulator import (
    DEMO_ACCESS_TOKEN,
    DEMO_APP_KEY,
    DEMO_APP_SECRET,
    SimulatorConfig,
    SimulatorServer,
    region_timezone,
)

PICKUP = {
    "shipperAreaCode": "PH",
    "shipperAddressId": 1234567,
    "shipperAddressDetail": "Unit 5, 88 Shaw Blvd, Pasig",
    "shipperMobilePhone": "+63 9171234567",
    "shipperName": "Bench One",
}


class Api:
    """Signed calls to a running simulator, as the station's client makes them."""

    def __init__(self, server: SimulatorServer) -> None:
        self.server = server
        self.session = requests.Session()
        self.token: str | None = DEMO_ACCESS_TOKEN

    def raw(
        self,
        api_path: str,
        params: dict[str, Any] | None = None,
        *,
        secret: str = DEMO_APP_SECRET,
        app_key: str = DEMO_APP_KEY,
        token: str | None = "",
        timestamp_ms: int | None = None,
        method: str = "POST",
        timeout: float = 10,
    ) -> requests.Response:
        full = signed_params(
            api_path,
            params or {},
            app_key=app_key,
            app_secret=secret,
            access_token=self.token if token == "" else token,
            timestamp_ms=timestamp_ms,
        )
        url = self.server.url + api_path
        if method == "GET":
            return self.session.get(url, params=full, timeout=timeout)
        return self.session.post(url, data=full, timeout=timeout)

    def call(self, api_path: str, params: dict[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
        response = self.raw(api_path, params, **kwargs)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    def result(self, api_path: str, params: dict[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
        body = self.call(api_path, params, **kwargs)
        assert body["code"] == "0", body
        result: dict[str, Any] = body["result"]
        return result

    # ----- shortcuts ---------------------------------------------------------------------------

    def window(self, days_back: float = 1.0, days_forward: float = 0.01) -> dict[str, str]:
        now = datetime.now(region_timezone(self.server.config.region))
        fmt = "%Y-%m-%d %H:%M:%S"
        return {
            "gmt_create_begin": (now - timedelta(days=days_back)).strftime(fmt),
            "gmt_create_end": (now + timedelta(days=days_forward)).strftime(fmt),
        }

    def list_pos(self, **params: Any) -> dict[str, Any]:
        query = self.window(days_back=params.pop("days_back", 30))
        query.update(params)
        return self.result("/jit/purchase_order/query_list", query)

    def status_of(self, po_no: str) -> str:
        result = self.list_pos(purchase_order_no_list=[po_no])
        assert result["success"], result
        status: str = result["data"][0]["biz_status"]
        return status

    def to_pack(self) -> list[dict[str, Any]]:
        result = self.list_pos(order_status="10", page_size=50, days_back=1)
        records: list[dict[str, Any]] = result["data"]
        return records

    def pack(self, po_nos: list[str]) -> dict[str, Any]:
        return self.result("/jit/purchase_order/package", {"purchase_order_no_list": po_nos})

    def ship(self, po_nos: list[str], **extra: Any) -> dict[str, Any]:
        params: dict[str, Any] = {"purchaseOrderNoList": po_nos, **PICKUP, **extra}
        return self.result("/jit/purchase_order/batch_pickup_deliver", params)

    def admin(self, path: str, payload: dict[str, Any] | None = None) -> requests.Response:
        url = self.server.base_url + "/_sim/" + path
        if payload is None and path in ("stats", "health", "faults"):
            return self.session.get(url, timeout=10)
        return self.session.post(url, json=payload or {}, timeout=10)

    def wait_status(self, po_no: str, status: str, deadline_s: float = 5.0) -> None:
        wait_for(lambda: self.status_of(po_no) == status, deadline_s, f"{po_no} never reached {status}")


def wait_for(condition: Callable[[], bool], deadline_s: float, message: str) -> None:
    """Poll ``condition`` until it holds, failing after ``deadline_s``."""
    end = time.monotonic() + deadline_s
    while not condition():
        if time.monotonic() > end:
            pytest.fail(message)
        time.sleep(0.05)


SMALL_CONFIG: dict[str, Any] = {"pos": 30, "history": 60, "seed": 7, "pack_delay_min": 0.2, "pack_delay_max": 0.3}


def small_config(**overrides: Any) -> SimulatorConfig:
    values = {**SMALL_CONFIG, **overrides}
    return SimulatorConfig(**values)
