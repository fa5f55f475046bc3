"""Shoplazza client against its simulator over real sockets: listing, filters, paging, 400/401 and labels."""

from __future__ import annotations

import io
from typing import Any

import pytest
import requests
from pypdf import PdfReader

from station.erp.keystore import ErpCredentialStore, ShoplazzaSettings
from station.erp.labels import label_items, procurement_labels, render_labels
from station.erp.shoplazza.client import ShoplazzaClient, store_base_url
from station.erp.shoplazza.errors import (
    ShoplazzaAuthError,
    ShoplazzaBadRequestError,
    ShoplazzaError,
    ShoplazzaNetworkError,
    ShoplazzaNotFoundError,
    ShoplazzaServerError,
    ShoplazzaValidationError,
)
from station.erp.shoplazza.models import ProcurementLine, ProcurementQuery
from station.simulator.erp_base import FaultConfig
from station.simulator.shoplazza import DEMO_ACCESS_TOKEN, ShoplazzaSimulator

LIST = "/openapi/2022-01/center/procurements"


def test_store_domain_to_url() -> None:
    assert store_base_url("mystore") == "https://mystore.myshoplaza.com"
    assert store_base_url("mystore.myshoplaza.com/") == "https://mystore.myshoplaza.com"
    assert store_base_url("https://shop.example.com") == "https://shop.example.com"
    client = ShoplazzaClient(ShoplazzaSettings("mystore", "tok-123456"))
    assert client.api_url == "https://mystore.myshoplaza.com/openapi/2022-01"
    assert client.session.headers["Access-Token"] == "tok-123456"
    with pytest.raises(ShoplazzaValidationError):
        store_base_url("  ")


def test_list_page_fields(shoplazza: ShoplazzaClient) -> None:
    page = shoplazza.list_page(ProcurementQuery(limit=10))
    assert page.count == 10 and len(page.procurements) == 10 and page.has_more
    p = page.procurements[0]
    assert p.id.isdigit() and len(p.id) == 19 and p.procurement_sn and p.created_at.endswith("Z")
    assert p.transfer_quantity >= p.received_quantity and p.state in {"1", "2", "3", "4"}
    assert p.created_by and p.supplier_name and p.source_type == 1


def test_paging_reads_every_page(shoplazza: ShoplazzaClient, shoplazza_sim: ShoplazzaSimulator) -> None:
    everything = shoplazza.list_procurements(ProcurementQuery(limit=7))
    assert len(everything) == 60 and len({p.id for p in everything}) == 60
    assert shoplazza_sim.calls[LIST] == 9  # 8 full pages of 7, then one of 4
    second = shoplazza.list_page(ProcurementQuery(page=2, limit=25))
    assert [p.id for p in second.procurements] == [p.id for p in everything[25:50]]
    assert shoplazza.list_page(ProcurementQuery(page=99, limit=25)).procurements == ()


def test_filters(shoplazza: ShoplazzaClient) -> None:
    everything = shoplazza.list_procurements()
    received = shoplazza.list_procurements(ProcurementQuery(state="3"))
    assert received and all(p.state == "3" for p in received)
    assert len(received) == sum(1 for p in everything if p.state == "3")
    wanted = (everything[1].id, everything[5].id)
    assert {p.id for p in shoplazza.list_procurements(ProcurementQuery(ids=wanted))} == set(wanted)
    pivot = sorted(p.created_at for p in everything)[30]
    newer = shoplazza.list_procurements(ProcurementQuery(created_at_min=pivot))
    assert newer and all(p.created_at >= pivot for p in newer)
    older = shoplazza.list_procurements(ProcurementQuery(created_at_max=pivot))
    assert len(newer) + len(older) == 61  # the pivot is in both
    upd = sorted(p.updated_at for p in everything)[10]
    window = shoplazza.list_procurements(ProcurementQuery(updated_at_min=upd, updated_at_max=upd))
    assert window and all(p.updated_at == upd for p in window)
    assert shoplazza.get_procurement(everything[2].id).id == everything[2].id


@pytest.mark.parametrize(
    "query, words",
    [
        (ProcurementQuery(limit=0), "1 to 250"),
        (ProcurementQuery(limit=251), "1 to 250"),
        (ProcurementQuery(page=0), "starts at 1"),
        (ProcurementQuery(ids=("12a",)), "whole number"),
        (ProcurementQuery(state="received"), "number"),
        (ProcurementQuery(created_at_min="yesterday"), "2024-06-26T11:52:00Z"),
        (ProcurementQuery(updated_at_min="2024-06-27T00:00:00Z", updated_at_max="2024-06-26T00:00:00Z"), "after"),
    ],
)
def test_limits_checked_before_sending(
    shoplazza: ShoplazzaClient, shoplazza_sim: ShoplazzaSimulator, query: ProcurementQuery, words: str
) -> None:
    with pytest.raises(ShoplazzaValidationError) as info:
        shoplazza.list_page(query)
    assert words in info.value.operator_message
    assert shoplazza_sim.calls == {}


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "abc"},
        {"limit": "1000"},
        {"page": "0"},
        {"created_at_min": "soon"},
        {"ids": "1,x"},
        {"state": "open"},
    ],
)
def test_400_bad_request(shoplazza_sim: ShoplazzaSimulator, shoplazza: ShoplazzaClient, params: dict[str, str]) -> None:
    response = requests.get(
        shoplazza_sim.base_url + LIST, params=params, headers={"Access-Token": DEMO_ACCESS_TOKEN}, timeout=10
    )
    assert response.status_code == 400 and response.json()["error"].startswith("Bad Request")
    with pytest.raises(ShoplazzaBadRequestError) as info:
        shoplazza.get("/center/procurements", params)
    assert info.value.code == "400" and "wrong format" in info.value.operator_message
    assert "Bad Request" in info.value.detail


def test_401_unauthorized(shoplazza_sim: ShoplazzaSimulator) -> None:
    response = requests.get(shoplazza_sim.base_url + LIST, timeout=10)
    assert response.status_code == 401 and response.json() == {"errors": ["Unauthorized"]}
    client = ShoplazzaClient(ShoplazzaSettings("station-demo", "wrong-token", shoplazza_sim.base_url))
    with pytest.raises(ShoplazzaAuthError) as info:
        client.list_page(ProcurementQuery())
    assert "access token" in info.value.operator_message and info.value.code == "401"
    assert "wrong-token" not in info.value.describe()


def test_404_unknown_procurement_and_path(shoplazza: ShoplazzaClient) -> None:
    with pytest.raises(ShoplazzaNotFoundError):
        shoplazza.procurement_lines("1")
    with pytest.raises(ShoplazzaNotFoundError):
        shoplazza.get("/center/nothing")
    with pytest.raises(ShoplazzaError, match="no procurement order 2"):
        shoplazza.get_procurement("2")


def test_server_errors_retried_then_raised() -> None:
    with ShoplazzaSimulator(faults=FaultConfig(error_rate=1.0)) as sim:
        client = ShoplazzaClient(ShoplazzaSettings("s", DEMO_ACCESS_TOKEN, sim.base_url), sleep=lambda _s: None)
        with pytest.raises(ShoplazzaServerError):
            client.list_page(ProcurementQuery())
        assert sim.calls[LIST] == 3


def test_no_server_is_a_network_error(shoplazza_sim: ShoplazzaSimulator) -> None:
    url = shoplazza_sim.base_url
    shoplazza_sim.stop()
    client = ShoplazzaClient(ShoplazzaSettings("s", DEMO_ACCESS_TOKEN, url), timeout=2, sleep=lambda _s: None)
    with pytest.raises(ShoplazzaNetworkError):
        client.list_page(ProcurementQuery())


# ----- labels -----------------------------------------------------------------------------------------


def _page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [
        (round(float(p.mediabox.width) * 25.4 / 72, 2), round(float(p.mediabox.height) * 25.4 / 72, 2))
        for p in reader.pages
    ]


def test_labels_one_60x30_page_per_received_unit(shoplazza: ShoplazzaClient, shoplazza_sim: ShoplazzaSimulator) -> None:
    received = next(p for p in shoplazza.list_procurements(ProcurementQuery(state="3")))
    lines = shoplazza.procurement_lines(received.id)
    assert lines and all(line.sku and line.barcode for line in lines)
    labels = procurement_labels(shoplazza, received.id)
    units = sum(line.received_quantity for line in lines)
    assert labels.units == units == received.received_quantity
    sizes = _page_sizes_mm(labels.pdf)
    assert len(sizes) == units and set(sizes) == {(60.0, 30.0)}


def test_labels_refused_when_nothing_received(shoplazza: ShoplazzaClient) -> None:
    pending = next(p for p in shoplazza.list_procurements(ProcurementQuery(state="1")))
    with pytest.raises(ShoplazzaError) as info:
        procurement_labels(shoplazza, pending.id)
    assert "Nothing has been received" in info.value.operator_message


def test_label_items_merge_and_fallback() -> None:
    lines = [
        ProcurementLine("A", "111", "Mug", 3, 2),
        ProcurementLine("A", "111", "Mug", 1, 1),
        ProcurementLine("B", "", "Bag", 2, 2),
        ProcurementLine("C", "333", "Cup", 5, 0),
    ]
    items = label_items(lines)
    assert [(i.seller_sku, i.barcode, i.qty) for i in items] == [("A", "111", 3), ("B", "B", 2)]
    assert len(_page_sizes_mm(render_labels(items))) == 5


def test_token_lives_in_the_keyring(isolated_environment: Any) -> None:
    store = ErpCredentialStore("shop1")
    store.save_shoplazza(ShoplazzaSettings("mystore", "token-abcdef"))
    assert ("station", "shop1:shoplazza") in isolated_environment.entries
    loaded = store.load_shoplazza()
    assert loaded is not None and loaded.access_token == "token-abcdef" and loaded.base_url is None
    assert "token-abcdef" not in repr(loaded)
