"""``/auth/token/create`` and ``/auth/token/refresh``: answers at the top level, not in ``result``."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from station.simulator.demo import DEMO_ACCOUNT, DEMO_AUTH_CODE, DEMO_SELLER_ID, DEMO_SHORT_CODE_PREFIX, DEMO_USER_ID
from station.simulator.gateway import GatewayError, request_id
from station.simulator.state import SimulatorState


def _token_body(state: SimulatorState, access: str, refresh: str, now: float) -> dict[str, Any]:
    cfg = state.config
    country = cfg.region.lower()
    return {
        "access_token": access,
        "refresh_token": refresh,
        "expires_in": int(state.tokens.access[access] - now),
        "refresh_expires_in": max(0, int(state.tokens.refresh[refresh] - now)),
        "country": country,
        "account": DEMO_ACCOUNT,
        "account_platform": "seller_center",
        "country_user_info": [
            {
                "country": country,
                "user_id": DEMO_USER_ID,
                "seller_id": DEMO_SELLER_ID,
                "short_code": f"{cfg.region}{DEMO_SHORT_CODE_PREFIX}4K7Q2",
            }
        ],
        "code": "0",
        "request_id": request_id(),
    }


def token_create(state: SimulatorState, params: Mapping[str, str]) -> dict[str, Any]:
    code = params.get("code", "")
    if not code:
        raise GatewayError(
            "MissingParameter",
            "ISV",
            "The input parameter 'code' that is mandatory for processing this request is not supplied.",
        )
    cfg = state.config
    now = time.time()
    with state.lock:
        if code == DEMO_AUTH_CODE:
            choice = True  # the demo's fixed code: a Choice authorisation, good any number of times
        else:
            issued = state.auth_codes.take(code, now)
            if issued is None or issued.app_key != params.get("app_key"):
                raise GatewayError("InvalidCode", "ISV", "Invalid authorization code")
            choice = issued.choice
        access, refresh = state.tokens.issue(now, cfg.token_ttl_seconds, cfg.refresh_ttl_seconds, choice=choice)
        state.changed()
        return _token_body(state, access, refresh, now)


def token_refresh(state: SimulatorState, params: Mapping[str, str]) -> dict[str, Any]:
    old = params.get("refresh_token", "")
    if not old:
        raise GatewayError(
            "MissingParameter",
            "ISV",
            "The input parameter 'refresh_token' that is mandatory for processing this request is not supplied.",
        )
    cfg = state.config
    now = time.time()
    with state.lock:
        if not state.tokens.refresh_valid(old, now):
            raise GatewayError("IllegalRefreshToken", "ISV", "The specified refresh token is invalid or expired")
        access, refresh = state.tokens.refreshed(old, now, cfg.token_ttl_seconds)
        state.changed()
        return _token_body(state, access, refresh, now)
