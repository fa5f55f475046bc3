"""What the platform's gateway does before an API runs: checks, envelopes, flow limit, faults."""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque
from collections.abc import Mapping
from typing import Any

from station.lazada.signing import SIGN_METHOD, sign
from station.simulator.config import SimulatorConfig
from station.simulator.demo import APPS
from station.simulator.state import SimulatorState

TIMESTAMP_SKEW_SECONDS = 7200
FLOW_WINDOW_SECONDS = 1.0
SHIP_PENALTY_CALLS = 5


class GatewayError(Exception):
    """A top-level gateway error: ``{"code", "type", "message", "request_id"}``."""

    def __init__(self, code: str, error_type: str, message: str, http_status: int = 200) -> None:
        super().__init__(message)
        self.code = code
        self.error_type = error_type
        self.message = message
        self.http_status = http_status

    def body(self) -> dict[str, Any]:
        return error_body(self.code, self.error_type, self.message)


def request_id() -> str:
    return secrets.token_hex(15)


def trace_suffix() -> str:
    """What the platform appends to business error messages."""
    return " lzd_trace:" + secrets.token_hex(15)


def error_body(code: str, error_type: str, message: str) -> dict[str, Any]:
    return {"code": code, "type": error_type, "message": message, "request_id": request_id()}


def success_body(result: Any) -> dict[str, Any]:
    return {"code": "0", "request_id": request_id(), "result": result}


class FlowLimiter:
    """Calls per app key in a sliding one-second window."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls: dict[str, deque[float]] = {}

    def admit(self, app_key: str, limit: int, now: float) -> bool:
        """Record a call; ``False`` when the window is full (0 = no limit)."""
        with self._lock:
            window = self._calls.setdefault(app_key, deque())
            while window and window[0] <= now - FLOW_WINDOW_SECONDS:
                window.popleft()
            if limit > 0 and len(window) >= limit:
                return False
            window.append(now)
            return True

    def penalize(self, app_key: str, calls: int, now: float) -> None:
        """Count ``calls`` extra calls against ``app_key`` (shipping POs that were not ready)."""
        with self._lock:
            self._calls.setdefault(app_key, deque()).extend([now] * calls)


class Gateway:
    def __init__(self, state: SimulatorState) -> None:
        self.state = state
        self.limiter = FlowLimiter()

    @property
    def config(self) -> SimulatorConfig:
        return self.state.config

    def check(self, api_path: str, params: Mapping[str, str], *, seller_api: bool, choice_api: bool = False) -> str:
        """Run the gateway checks in the platform's order; return the app key or raise. ``choice_api``:
        a JIT (Choice) path, refused to a seller who authorised the app without Choice."""
        for name in ("app_key", "timestamp", "sign_method", "sign"):
            if not params.get(name):
                raise GatewayError(
                    "MissingParameter",
                    "ISV",
                    f"The input parameter '{name}' that is mandatory for processing this request is not supplied.",
                )
        app_key = params["app_key"]
        secret = APPS.get(app_key)
        if secret is None:
            raise GatewayError("InvalidAppKey", "ISV", "The specified app key is invalid")
        if params["sign_method"].lower() != SIGN_METHOD:
            raise GatewayError("InvalidSignMethod", "ISV", "The specified sign method is not supported")
        expected = sign(api_path, params, secret)
        if not hmac.compare_digest(expected, params["sign"].upper()):
            raise GatewayError(
                "IncompleteSignature", "ISV", "The request signature does not conform to platform standards"
            )
        try:
            stamp = int(params["timestamp"]) / 1000
        except ValueError:
            raise GatewayError("IllegalTimestamp", "ISV", "The specified timestamp is invalid") from None
        now = time.time()
        if abs(now - stamp) > TIMESTAMP_SKEW_SECONDS:
            raise GatewayError(
                "IllegalTimestamp", "ISV", "The specified timestamp is not within 7200 seconds of the current time"
            )
        if seller_api:
            token = params.get("access_token", "")
            with self.state.lock:
                valid = bool(token) and self.state.tokens.access_valid(token, now)
            if not valid:
                raise GatewayError("IllegalAccessToken", "ISV", "The specified access token is invalid or expired")
            if choice_api and not self.state.tokens.covers_choice(token):
                # Authorised without the "<country> - Choice" option (lazada-choice-reference.md).
                raise GatewayError("E1001", "ISV", "not jit seller")
        if not self.limiter.admit(app_key, int(self.config.flow_limit_per_second), now):
            self.state.count_fault("flow_limited")
            seconds = max(1, int(self.config.flow_ban_seconds))
            raise GatewayError(
                "ApiCallLimit", "ISP", f"Api access frequency exceeds the limit. this ban will last {seconds} seconds"
            )
        return app_key

    def penalize(self, app_key: str) -> None:
        self.limiter.penalize(app_key, SHIP_PENALTY_CALLS, time.time())

    # ----- faults -----------------------------------------------------------------------------

    def latency_seconds(self) -> float:
        cfg = self.config
        with self.state.lock:
            jitter = self.state.rng.uniform(-1.0, 1.0) * float(cfg.latency_jitter_ms)
        return max(0.0, float(cfg.latency_ms) + jitter) / 1000.0

    def roll_error(self) -> int | None:
        """HTTP status of an injected server error (500, 502 or 503), or ``None``."""
        rate = float(self.config.error_rate)
        if rate <= 0:
            return None
        with self.state.lock:
            if self.state.rng.random() >= rate:
                return None
            status: int = self.state.rng.choice((500, 500, 502, 503))
        self.state.count_fault(f"error_{status}")
        return status

    def roll_after(self) -> str | None:
        """``"timeout"`` or ``"drop"``: the call is applied, then the answer is late or lost."""
        cfg = self.config
        timeout_rate, drop_rate = float(cfg.timeout_rate), float(cfg.drop_rate)
        if timeout_rate <= 0 and drop_rate <= 0:
            return None
        with self.state.lock:
            roll = self.state.rng.random()
        if roll < timeout_rate:
            kind = "timeout"
        elif roll < timeout_rate + drop_rate:
            kind = "drop"
        else:
            return None
        self.state.count_fault(kind)
        return kind
