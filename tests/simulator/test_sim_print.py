"""Print calls, signed expiring file URLs and the PDFs themselves."""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from typing import Any

import pytest
from pypdf import PdfReader

from station.lazada.models import PdfSize
from station.printing.pdfgen import latin, module_width_mm, render_pdf
from station.printing.print_items import PrintItem, PrintPO
from station.simulator import SimulatorServer

from ._support import Api, wait_for

PRINT = "/jit/purchase_order/print"
POINTS_PER_MM = 72 / 25.4


def _print(api: Api, pos: list[str], size: str, order: bool, barcode: bool) -> dict[str, Any]:
    return api.result(
        PRINT, {"pdf_size": size, "purchase_order_no_list": pos, "print_order": order, "print_barcode": barcode}
    )


def _ready(api: Api, count: int) -> list[str]:
    numbers = [r["purchase_order_no"] for r in api.to_pack()[:count]]
    api.pack(numbers)
    for n in numbers:
        api.wait_status(n, "20")
    return numbers


def _quantities(api: Api, po: str) -> int:
    items = api.result("/jit/purchase_order/query_list_purchase_item", {"purchase_order_no": po})["data"]
    return sum(int(i["buyer_qty"]) for i in items)


def test_print_parameter_errors(api: Api) -> None:
    po = api.list_pos(order_status="40", page_size=1)["data"][0]["purchase_order_no"]
    a4 = _print(api, [po], "A4", True, True)
    assert a4["success"] is False and a4["error_code"] == "INVALID_PARAM"
    assert a4["error_message"].startswith("not support print_barcode when pdf_size is A4. lzd_trace:")
    neither = _print(api, [po], "6030", False, False)
    assert neither["success"] is False and neither["error_code"] == "INVALID_PARAM"
    bad_size = _print(api, [po], "A5", True, False)
    assert bad_size["error_code"] == "INVALID_PARAM"
    too_many = _print(api, [po] * 1 + [f"POJ{n:016d}" for n in range(20)], "6030", True, True)
    assert too_many["error_code"] == "INVALID_PARAM" and "max support 20" in too_many["error_message"]


def test_print_needs_packed_and_ready(api: Api) -> None:
    po = api.to_pack()[0]["purchase_order_no"]
    result = _print(api, [po], "6030", False, True)
    assert result["success"] is False and result["error_code"] == "INVALID_STATUS"
    api.pack([po])
    assert _print(api, [po], "6030", False, True)["error_code"] == "INVALID_STATUS"  # accepted, not ready
    api.wait_status(po, "20")
    assert _print(api, [po], "6030", False, True)["success"] is True
    cancelled = api.list_pos(order_status="-100", page_size=1)["data"][0]["purchase_order_no"]
    assert _print(api, [cancelled], "6030", True, False)["error_code"] == "INVALID_STATUS"


@pytest.mark.parametrize(
    ("size", "order", "barcode"),
    [("6030", True, True), ("100150", True, True), ("A4", True, False), ("6030", False, True)],
)
def test_pdf_pages(api: Api, sim: SimulatorServer, size: str, order: bool, barcode: bool) -> None:
    pos = _ready(api, 2)
    result = _print(api, pos, size, order, barcode)
    assert result["success"] is True, result
    url = result["data"]["file"]
    assert url.startswith(f"http://127.0.0.1:{sim.port}/files/ACHOICE_JIT_PO_BARCODE_{pos[0]}_")
    assert "Expires=" in url and "OSSAccessKeyId=" in url and "Signature=" in url
    response = api.session.get(url, timeout=30)
    assert response.status_code == 200 and response.headers["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    expected = (len(pos) if order else 0) + (sum(_quantities(api, p) for p in pos) if barcode else 0)
    assert len(reader.pages) == expected
    width_mm, height_mm = PdfSize(size).millimetres
    for page in reader.pages:
        assert abs(float(page.mediabox.width) / POINTS_PER_MM - width_mm) < 0.5
        assert abs(float(page.mediabox.height) / POINTS_PER_MM - height_mm) < 0.5
    first_text = reader.pages[0].extract_text()
    assert (pos[0] if order else "") in first_text
    assert sim.stats()["purchase_orders"][pos[0]]["print_requests"] == 1


def test_file_url_expires_and_resists_tampering(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim(file_ttl_seconds=3)
    api = Api(sim)
    po = api.list_pos(order_status="40", page_size=1)["data"][0]["purchase_order_no"]
    url = _print(api, [po], "A4", True, False)["data"]["file"]
    assert api.session.get(url, timeout=10).status_code == 200
    tampered = url.replace("Expires=", "Expires=9")
    denied = api.session.get(tampered, timeout=10)
    assert denied.status_code == 403 and b"<Error>" in denied.content
    wait_for(lambda: api.session.get(url, timeout=10).status_code == 403, 10, "the URL never expired")
    expired = api.session.get(url, timeout=10)
    assert b"<Code>AccessDenied</Code>" in expired.content
    assert b"<Message>Request has expired.</Message>" in expired.content


def test_labels_survive_non_latin_titles_and_are_fast() -> None:
    items = (PrintItem("SKU-1", "儿童保温杯 Kids Thermos กระเป๋า Bình giữ nhiệt", "4801234567890", 5),) * 4
    po = PrintPO("POJ2310202023123807", "Lazada Choice PH Manila Store", "RMCW-CHOICE-PH-MNL-1", "Pasig", items)
    started = time.monotonic()
    data = render_pdf("6030", [po] * 50, print_order=False, print_barcode=True)
    assert time.monotonic() - started < 10
    assert len(PdfReader(io.BytesIO(data)).pages) == 1000
    assert latin("儿童 Kids") == "?? Kids"
    assert module_width_mm("4801234567890", 56) >= 0.25
    assert module_width_mm("POJ2310202023123807", 56) >= 0.25
