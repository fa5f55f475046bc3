"""GetShipmentProvider, Pack, RecreatePackage, PrintAWB, ReadyToShip, DBS delivery and DeliverDigital:
happy paths, per-item errors and every documented refusal."""

from __future__ import annotations

import base64
import io
import json
from typing import Any

import pytest
import requests
from pypdf import PdfReader

from station.lazada.errors import BadParameterError, InvalidStatusError, RequestValidationError
from station.lazada.orders import DocType, OrdersClient
from station.lazada.orders.awb import html_to_pdf, read_blocks
from station.lazada.orders.flow import awb_pdf
from station.simulator import SimulatorServer
from station.simulator.orders.book import Order
from tests.simulator._support import Api

from .conftest import all_items, find_order, plain_pending

LABEL_PT = (100 / 25.4 * 72, 150 / 25.4 * 72)


@pytest.fixture
def sim_defaults() -> dict[str, Any]:
    return {"pos": 3, "history": 3, "seed": 11, "orders": 400, "pack_delay_min": 0.2, "pack_delay_max": 0.3}


def lines(order: Order) -> dict[str, list[str]]:
    return {str(order.order_id): [str(i.order_item_id) for i in order.items]}


def pack_order(oclient: OrdersClient, order: Order) -> str:
    results = oclient.pack_choosing_provider(lines(order))
    assert all(r.ok for r in results), results
    return results[0].package_id


def assert_label_pages(pdf: bytes) -> PdfReader:
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(LABEL_PT[0], abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(LABEL_PT[1], abs=0.5)
    return reader


# ----- GetShipmentProvider ---------------------------------------------------------------------


def test_platform_default_provider(oclient: OrdersClient, sim: SimulatorServer) -> None:
    choice = oclient.get_shipment_providers(lines(find_order(sim, plain_pending)))
    assert choice.platform_default and not choice.providers and choice.shipping_allocate_type == "TFS"


def test_seller_chooses_provider(oclient: OrdersClient, sim: SimulatorServer) -> None:
    order = find_order(sim, lambda o: o.seller_choice and all_items(o, lambda i: i.status == "pending"))
    choice = oclient.get_shipment_providers(lines(order))
    assert not choice.platform_default
    assert [p.name for p in choice.providers][:2] == ["LEX", "J&T Express"]
    with pytest.raises(BadParameterError, match="shipment_provider_id is required"):
        oclient.pack(lines(order))
    with pytest.raises(BadParameterError, match="not an active shipment provider"):
        oclient.pack(lines(order), shipment_provider_id="FM00")
    results = oclient.pack_choosing_provider(lines(order), preferred="Ninja Van")
    assert all(r.ok and r.shipment_provider == "Ninja Van" and r.tracking_number.startswith("PHNV") for r in results)


def test_provider_errors(oclient: OrdersClient, api: Api) -> None:
    with pytest.raises(BadParameterError, match="not found"):
        oclient.get_shipment_providers({"1": ["2"]})
    with pytest.raises(RequestValidationError):
        oclient.get_shipment_providers({str(n): ["1"] for n in range(21)})
    body = api.result(
        "/order/shipment/providers/get",
        {
            "getShipmentProvidersReq": {
                "orders": [{"order_id": "1", "order_item_ids": ["1"]}],
                "shipping_allocate_type": "NTFS",
            }
        },
    )
    assert body["success"] is False and "cross-border" in body["errorMsg"]


# ----- Pack ----------------------------------------------------------------------------------


def test_pack_happy_path(oclient: OrdersClient, sim: SimulatorServer) -> None:
    order = find_order(sim, lambda o: plain_pending(o) and len(o.items) > 1)
    results = oclient.pack(lines(order))
    assert len(results) == len(order.items)
    assert all(r.ok and r.code == "0" for r in results)
    assert len({r.package_id for r in results}) == 1 and results[0].package_id.startswith("FP")
    assert results[0].tracking_number and results[0].shipment_provider == "LEX"
    items = oclient.get_order_items(str(order.order_id))
    assert {i.status for i in items} == {"packed"}
    assert {i.tracking_code for i in items} == {results[0].tracking_number}


def test_items_left_out_stay_pending(oclient: OrdersClient, sim: SimulatorServer) -> None:
    order = find_order(sim, lambda o: plain_pending(o) and len(o.items) > 1)
    first = str(order.items[0].order_item_id)
    assert oclient.pack({str(order.order_id): [first]})[0].ok
    statuses = {i.order_item_id: i.status for i in oclient.get_order_items(str(order.order_id))}
    assert statuses[first] == "packed"
    assert [s for k, s in statuses.items() if k != first] == ["pending"] * (len(order.items) - 1)


def test_pack_reports_each_item(oclient: OrdersClient, sim: SimulatorServer) -> None:
    good = find_order(sim, plain_pending)
    canceled = find_order(
        sim,
        lambda o: not o.seller_choice and any(i.status == "canceled" for i in o.items) and not o.items[0].is_digital,
    )
    packed = find_order(sim, lambda o: not o.seller_choice and all_items(o, lambda i: i.status == "packed"))
    digital = find_order(sim, lambda o: all_items(o, lambda i: i.is_digital and i.status == "pending"))
    cancel_item = next(i for i in canceled.items if i.status == "canceled")
    request = {
        str(good.order_id): [str(good.items[0].order_item_id), "123"],
        str(canceled.order_id): [str(cancel_item.order_item_id)],
        str(packed.order_id): [str(packed.items[0].order_item_id)],
        str(digital.order_id): [str(digital.items[0].order_item_id)],
        "777": ["1"],
    }
    results = {(r.order_id, r.order_item_id): r for r in oclient.pack(request)}
    assert len(results) == 6
    assert results[(str(good.order_id), str(good.items[0].order_item_id))].ok
    codes = {key: (r.code, r.message) for key, r in results.items() if not r.ok}
    assert codes[(str(good.order_id), "123")][0] == "21"
    assert codes[(str(canceled.order_id), str(cancel_item.order_item_id))][0] == "23"
    assert codes[(str(packed.order_id), str(packed.items[0].order_item_id))] == (
        "22",
        "order item status is packed, only pending or repacked can be packed",
    )
    assert codes[(str(digital.order_id), str(digital.items[0].order_item_id))][0] == "24"
    assert codes[("777", "1")][0] == "20"


def test_pack_limits_and_refusals(oclient: OrdersClient, api: Api, sim: SimulatorServer) -> None:
    calls = oclient.transport.calls_sent
    with pytest.raises(RequestValidationError, match="at most 20"):
        oclient.pack({str(n): ["1"] for n in range(21)})
    with pytest.raises(RequestValidationError):
        oclient.pack({})
    assert oclient.transport.calls_sent == calls
    order = find_order(sim, plain_pending)
    many = [{"order_id": str(n), "order_item_list": ["1"]} for n in range(21)]
    body = api.result("/order/fulfill/pack", {"packReq": {"pack_order_list": many, "delivery_type": "dropship"}})
    assert body["success"] is False and body["errorCode"] == "INVALID_PARAM" and "max support 20" in body["errorMsg"]
    one = [{"order_id": str(order.order_id), "order_item_list": [str(order.items[0].order_item_id)]}]
    body = api.result("/order/fulfill/pack", {"packReq": {"pack_order_list": one, "delivery_type": "pickup"}})
    assert body["success"] is False and "delivery_type" in body["errorMsg"]
    body = api.result("/order/fulfill/pack", {"packReq": "{not json"})
    assert body["success"] is False and "JSON" in body["errorMsg"]
    assert api.call("/order/fulfill/pack", {})["code"] == "MissingParameter"
    with pytest.raises(BadParameterError, match="NTFS"):
        from station.lazada.orders import AllocateType

        oclient.pack(lines(order), allocate_type=AllocateType.NTFS)


# ----- RecreatePackage ------------------------------------------------------------------------


def test_repack_then_pack_again(oclient: OrdersClient, sim: SimulatorServer) -> None:
    order = find_order(sim, plain_pending)
    first = pack_order(oclient, order)
    results = oclient.recreate_package([first, "FP404"])
    assert results[0].ok and not results[1].ok and results[1].code == "30"
    items = oclient.get_order_items(str(order.order_id))
    assert {i.status for i in items} == {"repacked"} and not any(i.package_id for i in items)
    again = pack_order(oclient, order)
    assert again != first
    refused = oclient.recreate_package([first])
    assert not refused[0].ok and refused[0].code == "30"


def test_repack_refuses_delivered_packages(oclient: OrdersClient, sim: SimulatorServer) -> None:
    order = find_order(sim, lambda o: all_items(o, lambda i: i.status == "delivered" and bool(i.package_id)))
    result = oclient.recreate_package([order.items[0].package_id])[0]
    assert not result.ok and result.code == "31" and "delivered" in result.message
    with pytest.raises(RequestValidationError):
        oclient.recreate_package([f"FP{n}" for n in range(21)])


# ----- PrintAWB ------------------------------------------------------------------------------


def test_print_awb_pdf(oclient: OrdersClient, sim: SimulatorServer) -> None:
    orders = [o for o in sorted(sim.orders.orders.values(), key=lambda o: o.order_id) if plain_pending(o)][:2]
    packages = [pack_order(oclient, o) for o in orders]
    document = oclient.print_awb(packages, DocType.PDF)
    assert document.doc_type is DocType.PDF and document.content.startswith(b"%PDF")
    reader = assert_label_pages(document.content)
    assert len(reader.pages) == 2
    text = reader.pages[0].extract_text()
    assert sim.orders.packages[packages[0]].tracking in text
    downloaded = requests.get(document.pdf_url, timeout=10)
    assert downloaded.status_code == 200 and downloaded.content == document.content


def test_print_awb_html_becomes_a_label_pdf(oclient: OrdersClient, sim: SimulatorServer) -> None:
    order = find_order(sim, plain_pending)
    package = pack_order(oclient, order)
    document = oclient.print_awb([package], DocType.HTML)
    assert document.doc_type is DocType.HTML and "<html" in document.html
    tracking = sim.orders.packages[package].tracking
    assert any(b.kind == "barcode" and b.text == tracking for b in read_blocks(document.html))
    pdf = awb_pdf(document)
    reader = assert_label_pages(pdf)
    assert tracking in reader.pages[0].extract_text()


def test_html_to_pdf_overflows_onto_more_label_pages() -> None:
    html = "<h1>LEX</h1>" + "".join(f"<p>line {n}</p>" for n in range(80)) + "<div data-barcode='ABC123'></div>"
    reader = assert_label_pages(html_to_pdf(html))
    assert len(reader.pages) > 1


def test_print_awb_errors(oclient: OrdersClient, api: Api, sim: SimulatorServer) -> None:
    with pytest.raises(RequestValidationError, match="at most 20"):
        oclient.print_awb([f"FP{n}" for n in range(21)])
    with pytest.raises(BadParameterError, match="not found"):
        oclient.print_awb(["FP404"])
    delivered = find_order(sim, lambda o: all_items(o, lambda i: i.status == "delivered" and bool(i.package_id)))
    with pytest.raises(InvalidStatusError):
        oclient.print_awb([delivered.items[0].package_id])
    body = api.result(
        "/order/package/document/get", {"getDocumentReq": {"doc_type": "ZPL", "packages": [{"package_id": "FP1"}]}}
    )
    assert body["success"] is False and "doc_type" in body["errorMsg"]
    many = [{"package_id": f"FP{n}"} for n in range(21)]
    body = api.result("/order/package/document/get", {"getDocumentReq": {"doc_type": "PDF", "packages": many}})
    assert body["success"] is False and "max support 20" in body["errorMsg"]


# ----- ReadyToShip ---------------------------------------------------------------------------


def test_ready_to_ship(oclient: OrdersClient, sim: SimulatorServer) -> None:
    order = find_order(sim, plain_pending)
    package = pack_order(oclient, order)
    results = oclient.ready_to_ship([package, "FP404"])
    assert results[0].ok and results[1].code == "30"
    assert {i.status for i in oclient.get_order_items(str(order.order_id))} == {"ready_to_ship"}
    again = oclient.ready_to_ship([package])[0]
    assert not again.ok and again.code == "31" and "only packed" in again.message


def test_ready_to_ship_limits(oclient: OrdersClient, api: Api) -> None:
    with pytest.raises(RequestValidationError):
        oclient.ready_to_ship([f"FP{n}" for n in range(21)])
    body = api.result("/order/package/rts", {"readyToShipReq": {"packages": []}})
    assert body["success"] is False
    raw = api.result("/order/package/rts", {"readyToShipReq": json.dumps({"packages": [{"package_id": "FP9"}]})})
    assert raw["success"] is True and raw["data"]["packages"][0]["item_err_code"] == "30"


# ----- DBS and digital ------------------------------------------------------------------------


def test_dbs_delivered_and_failed(oclient: OrdersClient, sim: SimulatorServer) -> None:
    dbs = [o for o in sorted(sim.orders.orders.values(), key=lambda o: o.order_id) if plain_pending(o)][:2]
    with sim.orders.lock:  # the seed has few pending DBS orders: make two
        for order in dbs:
            for item in order.items:
                item.sof = True
    packages = [pack_order(oclient, o) for o in dbs]
    early = oclient.confirm_delivery_dbs([packages[0]])[0]
    assert not early.ok and early.code == "31"
    assert all(r.ok for r in oclient.ready_to_ship(packages))
    assert oclient.confirm_delivery_dbs([packages[0]])[0].ok
    assert oclient.failed_delivery_dbs([packages[1]])[0].ok
    assert {i.status for i in oclient.get_order_items(str(dbs[0].order_id))} == {"delivered"}
    assert {i.status for i in oclient.get_order_items(str(dbs[1].order_id))} == {"failed_delivery"}
    normal = find_order(sim, lambda o: plain_pending(o) and not o.items[0].sof)
    package = pack_order(oclient, normal)
    refused = oclient.confirm_delivery_dbs([package, "FP404"])
    assert refused[0].code == "33" and refused[1].code == "30"
    with pytest.raises(RequestValidationError):
        oclient.failed_delivery_dbs([f"FP{n}" for n in range(21)])


def test_dbs_calls_read_only_their_own_request_objects(api: Api) -> None:
    """The live platform reads ``dbsDeliveryReq`` / ``dbsFailedDeliveryReq``; the old ``packageReq`` is not a
    parameter of either call, so sending it is a missing parameter, not a silent success."""
    packages = {"packages": [{"package_id": "FP9"}]}
    for path, name in (
        ("/order/package/sof/delivered", "dbsDeliveryReq"),
        ("/order/package/sof/failed_delivery", "dbsFailedDeliveryReq"),
    ):
        old = api.call(path, {"packageReq": json.dumps(packages)})
        assert old["code"] == "MissingParameter" and name in old["message"]
        body = api.result(path, {name: packages})
        assert body["success"] is True and body["data"]["packages"][0]["item_err_code"] == "30"


def test_deliver_digital(oclient: OrdersClient, sim: SimulatorServer) -> None:
    digital = find_order(sim, lambda o: all_items(o, lambda i: i.is_digital and i.status == "pending"))
    normal = find_order(sim, plain_pending)
    request = {
        str(digital.order_id): [str(i.order_item_id) for i in digital.items] + ["5"],
        str(normal.order_id): [str(normal.items[0].order_item_id)],
        "888": ["9"],
    }
    results = {(r.order_id, r.order_item_id): r for r in oclient.deliver_digital(request)}
    assert all(results[(str(digital.order_id), str(i.order_item_id))].ok for i in digital.items)
    assert results[(str(digital.order_id), "5")].code == "21"
    assert results[(str(normal.order_id), str(normal.items[0].order_item_id))].code == "35"
    assert results[("888", "9")].code == "20"
    assert {i.status for i in oclient.get_order_items(str(digital.order_id))} == {"delivered"}
    again = oclient.deliver_digital({str(digital.order_id): [str(digital.items[0].order_item_id)]})[0]
    assert not again.ok and again.code == "22"
    with pytest.raises(RequestValidationError):
        oclient.deliver_digital({str(n): ["1"] for n in range(21)})


def test_file_is_base64(api: Api, sim: SimulatorServer, oclient: OrdersClient) -> None:
    package = pack_order(oclient, find_order(sim, plain_pending))
    body = api.result(
        "/order/package/document/get", {"getDocumentReq": {"doc_type": "PDF", "packages": [{"package_id": package}]}}
    )
    assert body["success"] is True and base64.b64decode(body["data"]["file"]).startswith(b"%PDF")
