"""A Shoplazza procurement simulator: ``GET /openapi/2022-01/center/procurements`` (and the detail
``.../center/procurements/{id}`` with its ``line_items``), ``Access-Token`` authentication, 400 and 401.

Started like the Lazada simulator::

    sim = ShoplazzaSimulator(seed=3).start()
    client = ShoplazzaClient(demo_settings(sim.base_url))
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from station.erp.keystore import SHOPLAZZA_API_VERSION, ShoplazzaSettings
from station.erp.shoplazza.models import IDS_MAX, LIMIT_MAX
from station.simulator.catalogue import ean13
from station.simulator.erp_base import (
    FaultConfig,
    HttpSimulator,
    Request,
    Response,
    simulator_main,
)

DEMO_STORE = "station-demo"
DEMO_ACCESS_TOKEN = "shplzDemoTok3n_9Xq2Lr7Vw4Pz8Kc1Nm5"
FIRST_ID = 3955443440488797681
_ID = re.compile(r"^\d{1,19}$")
_PRODUCTS = (
    "Canvas Tote Bag",
    "Ceramic Mug 350ml",
    "Bamboo Cutting Board",
    "Cotton Socks 3-pack",
    "Phone Stand",
    "Steel Water Bottle",
    "Desk Organizer",
    "LED Night Light",
)


def demo_settings(base_url: str) -> ShoplazzaSettings:
    return ShoplazzaSettings(DEMO_STORE, DEMO_ACCESS_TOKEN, base_url)


def _bad(message: str) -> Response:
    return Response(400, {"error": f"Bad Request: {message}"})


def _time(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


class ShoplazzaSimulator(HttpSimulator):
    name = "shoplazza"

    def __init__(
        self,
        *,
        procurements: int = 60,
        seed: int = 1,
        port: int = 0,
        host: str = "127.0.0.1",
        faults: FaultConfig | None = None,
    ) -> None:
        super().__init__(port=port, host=host, seed=seed, faults=faults)
        self.tokens = {DEMO_ACCESS_TOKEN}
        self.records: dict[str, dict[str, Any]] = {}
        self.lines: dict[str, list[dict[str, Any]]] = {}
        self._seed(procurements)

    def _seed(self, count: int) -> None:
        rng = self.rng
        now = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)
        for i in range(count):
            pid = str(FIRST_ID + i * 7)
            created = now - timedelta(days=rng.randint(0, 45), minutes=rng.randint(0, 1440))
            updated = created + timedelta(hours=rng.randint(0, 96))
            state = rng.choice(("1", "2", "3", "3", "4"))
            lines: list[dict[str, Any]] = []
            for j in range(rng.randint(1, 4)):
                n = rng.randint(1, 300)
                quantity = rng.randint(1, 6)
                received = {"1": 0, "2": rng.randint(0, quantity), "3": quantity, "4": 0}[state]
                lines.append(
                    {
                        "variant_id": str(4_000_000 + n),
                        "sku": f"SL-{n:04d}",
                        "barcode": ean13(f"69{n:010d}"),
                        "title": f"{rng.choice(_PRODUCTS)} #{n}",
                        "quantity": quantity,
                        "received_quantity": received,
                        "position": j + 1,
                    }
                )
            total = sum(line["quantity"] for line in lines)
            received_total = sum(line["received_quantity"] for line in lines)
            self.records[pid] = {
                "id": int(pid),
                "procurement_sn": f"{i + 1:07d}",
                "source_id": 385324614988721200 + i,
                "location_id": 329986727237187850,
                "note": "" if i % 3 else "Restock for the bench",
                "state": state,
                "pending_quantity": 0 if state in ("3", "4") else total - received_total,
                "received_quantity": received_total,
                "rejected_quantity": 0,
                "transfer_quantity": total,
                "created_by": "buyer@station-demo.example",
                "created_at": f"{created:%Y-%m-%dT%H:%M:%SZ}",
                "updated_at": f"{updated:%Y-%m-%dT%H:%M:%SZ}",
                "source_type": 1,
                "procurement_no": f"{created:%Y%m%d}{i:03d}",
                "supplier_name": rng.choice(("Yiwu Daily Goods", "Ningbo Homeware", "Shenzhen Gadgets")),
                "tracking_number": "" if state == "1" else f"SF{rng.randint(10**11, 10**12 - 1)}",
                "estimated_delivery_time": f"{created + timedelta(days=5):%Y-%m-%dT%H:%M:%SZ}",
            }
            self.lines[pid] = lines

    def handle(self, request: Request) -> Response:
        prefix = f"/openapi/{SHOPLAZZA_API_VERSION}/center/procurements"
        if request.method != "GET" or not request.path.startswith(prefix):
            return Response(404, {"error": "page not found"})
        if request.headers.get("access-token") not in self.tokens:
            return Response(401, {"errors": ["Unauthorized"]})
        rest = request.path[len(prefix) :].strip("/")
        if rest:
            return self._detail(rest)
        return self._list(request.query)

    def internal_error(self) -> Response:
        return Response(500, {"error": "Internal Server Error"})

    def _detail(self, pid: str) -> Response:
        with self.lock:
            record = self.records.get(pid)
            if record is None:
                return Response(404, {"error": "page not found"})
            return Response(200, {"procurement": {**record, "line_items": json.loads(json.dumps(self.lines[pid]))}})

    def _list(self, query: Mapping[str, str]) -> Response:
        try:
            page = int(query.get("page", "1"))
            limit = int(query.get("limit", "10"))
        except ValueError:
            return _bad("page and limit must be integers")
        if page < 1:
            return _bad("page must be at least 1")
        if not 1 <= limit <= LIMIT_MAX:
            return _bad(f"limit must be between 1 and {LIMIT_MAX}")
        state = query.get("state", "")
        if state and not state.isdigit():
            return _bad("state must be a number")
        bounds: dict[str, datetime] = {}
        for key in ("created_at_min", "created_at_max", "updated_at_min", "updated_at_max"):
            text = query.get(key, "")
            if text:
                value = _time(text)
                if value is None:
                    return _bad(f"{key} is not an ISO 8601 time")
                bounds[key] = value
        ids = [i for i in query.get("ids", "").split(",") if i]
        if len(ids) > IDS_MAX or any(not _ID.match(i) for i in ids):
            return _bad("ids must be a comma-separated list of integers")
        with self.lock:
            rows = list(self.records.values())
        out = []
        for row in rows:
            created, updated = _time(row["created_at"]), _time(row["updated_at"])
            assert created is not None and updated is not None
            if (state and row["state"] != state) or (ids and str(row["id"]) not in ids):
                continue
            if ("created_at_min" in bounds and created < bounds["created_at_min"]) or (
                "created_at_max" in bounds and created > bounds["created_at_max"]
            ):
                continue
            if ("updated_at_min" in bounds and updated < bounds["updated_at_min"]) or (
                "updated_at_max" in bounds and updated > bounds["updated_at_max"]
            ):
                continue
            out.append(row)
        out.sort(key=lambda r: (r["created_at"], r["id"]), reverse=True)
        chunk = out[(page - 1) * limit : page * limit]
        return Response(200, {"count": len(chunk), "procurements": json.loads(json.dumps(chunk))})


def main(argv: Sequence[str] | None = None, stop: threading.Event | None = None) -> int:
    """``python -m station.simulator.shoplazza``: serve the demo data until Ctrl+C."""
    return simulator_main(
        __doc__.splitlines()[0] if __doc__ else "",
        argv,
        stop,
        ("--procurements", 60, "seeded procurement orders"),
        lambda args, faults: ShoplazzaSimulator(
            procurements=args.procurements, seed=args.seed, port=args.port, host=args.host, faults=faults
        ),
    )


if __name__ == "__main__":
    raise SystemExit(main())
