"""Gateway checks, envelopes and tokens."""

from __future__ import annotations

import time
from collections.abc import Callable

import requests

from station.lazada.signing import signed_params
from station.simulator import (
    DEMO_ACCESS_TOKEN,
    DEMO_APP_KEY,
    DEMO_APP_SECRET,
    DEMO_AUTH_CODE,
    DEMO_REFRESH_TOKEN,
    SimulatorServer,
)

from ._support import Api, wait_for

QUERY = "/jit/purchase_order/query_list"


def _error(api: Api, *args: object, **kwargs: object) -> dict[str, object]:
    body = api.call(*args, **kwargs)  # type: ignore[arg-type]
    assert set(body) == {"code", "type", "message", "request_id"}, body
    return body


def test_success_envelope(api: Api) -> None:
    body = api.call(QUERY, api.window())
    assert body["code"] == "0"
    assert isinstance(body["request_id"], str) and body["request_id"]
    assert body["result"]["success"] is True


def test_get_query_string_works_too(api: Api) -> None:
    body = api.call(QUERY, api.window(), method="GET")
    assert body["code"] == "0" and body["result"]["success"] is True


def test_wrong_secret_is_rejected(api: Api) -> None:
    body = _error(api, QUERY, api.window(), secret="not-the-secret")
    assert body["code"] == "IncompleteSignature"
    assert body["type"] == "ISV"
    assert body["message"] == "The request signature does not conform to platform standards"


def test_tampered_parameter_is_rejected(sim: SimulatorServer, api: Api) -> None:
    params = signed_params(
        QUERY, api.window(), app_key=DEMO_APP_KEY, app_secret=DEMO_APP_SECRET, access_token=DEMO_ACCESS_TOKEN
    )
    params["page_size"] = "5"  # added after signing
    body = requests.post(sim.url + QUERY, data=params, timeout=5).json()
    assert body["code"] == "IncompleteSignature"


def test_missing_system_parameters(sim: SimulatorServer, api: Api) -> None:
    full = signed_params(
        QUERY, api.window(), app_key=DEMO_APP_KEY, app_secret=DEMO_APP_SECRET, access_token=DEMO_ACCESS_TOKEN
    )
    for name in ("app_key", "timestamp", "sign_method", "sign"):
        params = {k: v for k, v in full.items() if k != name}
        body = requests.post(sim.url + QUERY, data=params, timeout=5).json()
        assert body["code"] == "MissingParameter", name
        assert body["type"] == "ISV"


def test_unknown_app_key(api: Api) -> None:
    assert _error(api, QUERY, api.window(), app_key="999999")["code"] == "InvalidAppKey"


def test_timestamp_skew(api: Api) -> None:
    now = int(time.time() * 1000)
    assert _error(api, QUERY, api.window(), timestamp_ms=now - 7300 * 1000)["code"] == "IllegalTimestamp"
    assert _error(api, QUERY, api.window(), timestamp_ms=now + 7300 * 1000)["code"] == "IllegalTimestamp"
    assert api.call(QUERY, api.window(), timestamp_ms=now - 7000 * 1000)["code"] == "0"


def test_access_token_missing_or_unknown(api: Api) -> None:
    for token in (None, "50000bogus"):
        body = _error(api, QUERY, api.window(), token=token)
        assert body["code"] == "IllegalAccessToken"
        assert body["message"] == "The specified access token is invalid or expired"


def test_unknown_path_is_404(api: Api) -> None:
    response = api.raw("/jit/purchase_order/nothing", {})
    assert response.status_code == 404
    assert response.json()["code"] == "InvalidApiPath"


def test_expire_tokens_admin_endpoint(api: Api) -> None:
    assert api.call(QUERY, api.window())["code"] == "0"
    assert api.admin("expire-tokens").json()["ok"] is True
    assert _error(api, QUERY, api.window())["code"] == "IllegalAccessToken"


def test_token_expires_by_itself(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim(token_ttl_seconds=0.5)
    api = Api(sim)
    created = api.call("/auth/token/create", {"code": DEMO_AUTH_CODE}, token=None)
    api.token = created["access_token"]
    assert created["expires_in"] == 0  # whole seconds, as the platform sends them
    wait_for(lambda: api.call(QUERY, api.window())["code"] == "IllegalAccessToken", 3, "token never expired")


def test_token_create(api: Api) -> None:
    body = api.call("/auth/token/create", {"code": DEMO_AUTH_CODE}, token=None)
    assert body["code"] == "0"
    for name in (
        "access_token",
        "refresh_token",
        "expires_in",
        "refresh_expires_in",
        "country",
        "account",
        "account_platform",
        "country_user_info",
        "request_id",
    ):
        assert name in body, name
    assert "result" not in body
    assert body["expires_in"] == 7 * 86400 and body["refresh_expires_in"] == 30 * 86400
    info = body["country_user_info"][0]
    assert set(info) == {"country", "user_id", "seller_id", "short_code"}
    api.token = body["access_token"]
    assert api.call(QUERY, api.window())["code"] == "0"


def test_token_create_bad_code(api: Api) -> None:
    assert _error(api, "/auth/token/create", {"code": "0_wrong"}, token=None)["code"] == "InvalidCode"


def test_token_refresh_keeps_old_refresh_tokens(api: Api) -> None:
    first = api.call("/auth/token/refresh", {"refresh_token": DEMO_REFRESH_TOKEN}, token=None)
    assert first["code"] == "0"
    assert first["refresh_token"] != DEMO_REFRESH_TOKEN and first["access_token"] != DEMO_ACCESS_TOKEN
    second = api.call("/auth/token/refresh", {"refresh_token": first["refresh_token"]}, token=None)
    assert second["code"] == "0" and second["access_token"] != first["access_token"]
    again = api.call("/auth/token/refresh", {"refresh_token": DEMO_REFRESH_TOKEN}, token=None)
    assert again["code"] == "0"
    api.token = second["access_token"]
    assert api.call(QUERY, api.window())["code"] == "0"


def test_token_refresh_unknown(api: Api) -> None:
    body = _error(api, "/auth/token/refresh", {"refresh_token": "50001nope"}, token=None)
    assert body["code"] == "IllegalRefreshToken"


def test_token_endpoints_need_a_signature(api: Api) -> None:
    body = _error(api, "/auth/token/create", {"code": DEMO_AUTH_CODE}, token=None, secret="bad")
    assert body["code"] == "IncompleteSignature"


def test_admin_health_and_stats(api: Api) -> None:
    assert api.admin("health").json() == {"ok": True}
    api.call(QUERY, api.window())
    stats = api.admin("stats").json()
    assert stats["calls"][QUERY] == 1
    assert stats == {**stats, "po_count": 90}
