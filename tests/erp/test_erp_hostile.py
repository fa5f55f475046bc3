"""The ERP clients behind a hostile server: what the Lazada transport refuses, they refuse too (they share
the connector core): a redirect is not followed, JSON nested too deep is a malformed answer, and a create
whose answer cannot be read is an outcome to look up, not a failure to resend."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from station.connector.errors import MalformedResponseError, OutcomeUnknownError
from station.erp.keystore import QianYiSettings, ShoplazzaSettings
from station.erp.qianyi.client import QianYiClient
from station.erp.qianyi.errors import QianYiError, QianYiMalformedError, QianYiNetworkError
from station.erp.qianyi.models import PurchaseOrderQuery
from station.erp.shoplazza.client import ShoplazzaClient
from station.erp.shoplazza.errors import ShoplazzaError, ShoplazzaMalformedError
from station.erp.shoplazza.models import ProcurementQuery
from station.simulator.qianyi import DEMO_APP_ID, DEMO_APP_SECRET, QianYiSimulator
from station.simulator.shoplazza import DEMO_ACCESS_TOKEN
from tests.erp.test_qianyi import order
from tests.hostile_server import HostileServer, body, nested_json, proxy, redirect


@pytest.mark.parametrize("status", [302, 307])
def test_qianyi_never_follows_a_redirect(hostile: Callable[..., HostileServer], status: int) -> None:
    elsewhere, erp = hostile(), hostile()
    erp.on("/api/*", redirect(elsewhere.url + "/api/v1/purchase", status))
    client = QianYiClient(QianYiSettings(DEMO_APP_ID, DEMO_APP_SECRET, erp.url), sleep=lambda _s: None)
    with pytest.raises(QianYiError) as info:
        client.query_page(PurchaseOrderQuery())
    assert f"127.0.0.1:{elsewhere.port}" in info.value.describe() and "redirect" in info.value.describe()
    assert not elsewhere.requests and len(erp.requests) == 1


def test_shoplazza_never_follows_a_redirect(hostile: Callable[..., HostileServer]) -> None:
    elsewhere, store = hostile(), hostile()
    store.on("/openapi/*", redirect(elsewhere.url + "/steal", 302))
    client = ShoplazzaClient(ShoplazzaSettings("s", DEMO_ACCESS_TOKEN, store.url), sleep=lambda _s: None)
    with pytest.raises(ShoplazzaError) as info:
        client.list_page(ProcurementQuery())
    assert "redirect" in info.value.describe() and DEMO_ACCESS_TOKEN not in info.value.describe()
    assert not elsewhere.requests and len(store.requests) == 1  # the token never went there


def test_json_nested_too_deep_is_a_malformed_answer(hostile: Callable[..., HostileServer]) -> None:
    server = hostile()
    server.on("/*", body(nested_json(), content_type="application/json"))
    qianyi = QianYiClient(QianYiSettings(DEMO_APP_ID, DEMO_APP_SECRET, server.url), sleep=lambda _s: None)
    with pytest.raises(QianYiMalformedError, match="too deep"):
        qianyi.query_page(PurchaseOrderQuery())
    shoplazza = ShoplazzaClient(ShoplazzaSettings("s", DEMO_ACCESS_TOKEN, server.url), sleep=lambda _s: None)
    with pytest.raises(ShoplazzaMalformedError, match="too deep") as info:
        shoplazza.list_page(ProcurementQuery())
    assert isinstance(info.value, MalformedResponseError)


def test_a_garbled_create_answer_is_an_outcome_to_look_up(hostile: Callable[..., HostileServer]) -> None:
    with QianYiSimulator(orders=3) as sim:
        erp = hostile(upstream=sim.base_url)
        erp.on("/api/v1/purchase", proxy(garble=b'{"state":"success","bizContent":'))
        client = QianYiClient(QianYiSettings(DEMO_APP_ID, DEMO_APP_SECRET, erp.url), sleep=lambda _s: None)
        with pytest.raises(QianYiNetworkError) as info:
            client.save(order(custom_number="GARBLED-1"))
        assert isinstance(info.value, OutcomeUnknownError)
        assert len(erp.requests) == 1  # never re-sent blindly
        direct = QianYiClient(QianYiSettings(DEMO_APP_ID, DEMO_APP_SECRET, sim.base_url))
        assert len(direct.find_by_custom_number("GARBLED-1")) == 1  # QianYi did create it
