"""Helpers for tests: wait on a condition (never a bare sleep), talk to the simulator's admin API."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

import requests

T = TypeVar("T")


def wait_until(
    predicate: Callable[[], T], *, timeout: float = 20.0, interval: float = 0.05, what: str = "condition"
) -> T:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


def set_faults(base_url: str, **faults: Any) -> dict[str, Any]:
    response = requests.post(base_url + "/_sim/faults", json=faults, timeout=5)
    response.raise_for_status()
    return dict(response.json()["faults"])


def admin(base_url: str, path: str, payload: dict[str, Any] | None = None) -> dict[str, Any]:
    response = requests.post(base_url + path, json=payload or {}, timeout=5)
    return dict(response.json())
