"""The simulated platform's memory: POs, tokens, print files and counters.

One lock guards everything. Status changes that happen by themselves (packed -> ready,
shipped -> arrived -> completed) are kept in a heap of due times and applied by :meth:`tick`,
which every API call runs first, so every read sees current statuses without scanning all POs.
"""

from __future__ import annotations

import bisect
import heapq
import json
import os
import random
import secrets
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any

from station.simulator.authorize import AuthCodes
from station.simulator.catalogue import Catalogue, Numbers, build_catalogue, seed_purchase_orders
from station.simulator.config import SimulatorConfig
from station.simulator.files import FileRecord
from station.simulator.pickups import PickupRecord
from station.simulator.records import CANCELLED_BUYER, SHIPPED, PurchaseOrder, Warehouse
from station.simulator.tokens import TokenStore

STATE_FORMAT = 1
FLUSH_INTERVAL = 0.5
PO_COUNTERS = ("pack_accepted", "ship_attempts", "ship_successes", "print_requests")


def now_ms() -> int:
    return int(time.time() * 1000)


class SimulatorState:
    def __init__(self, config: SimulatorConfig) -> None:
        self.config = config
        self.lock = threading.RLock()
        self.rng = random.Random(f"{config.seed}:runtime")  # faults, pack delays
        self.catalogue: Catalogue
        self.pos: dict[str, PurchaseOrder] = {}
        self._keys: list[tuple[int, str]] = []  # (-gmt_create, po_no), ascending
        self._by_logistics: dict[str, str] = {}
        self._heap: list[tuple[int, str]] = []
        self.tokens = TokenStore()
        self.auth_codes = AuthCodes()
        self.numbers = Numbers()
        self.files: dict[str, FileRecord] = {}
        self.pickups: dict[str, PickupRecord] = {}  # by pickup order number
        self.file_secret = ""
        self.calls: dict[str, int] = {}
        self.po_counters: dict[str, dict[str, int]] = {}
        self.fault_counters: dict[str, int] = {}
        self.version = 0
        self._cache: OrderedDict[tuple[int, int, str | None], tuple[int, list[str]]] = OrderedDict()
        self._dirty = False
        self._save_lock = threading.Lock()
        self._stop = threading.Event()
        self._flusher: threading.Thread | None = None
        path = config.state_file
        if path is not None and Path(path).exists():
            self.load(Path(path))
        else:
            self.seed()
            if path is not None:
                self.save()

    # ----- seeding and indexes -------------------------------------------------------------

    def seed(self) -> None:
        cfg = self.config
        rng = random.Random(cfg.seed)
        now = time.time()
        self.catalogue = build_catalogue(rng, cfg.region, cfg.products)
        self.tokens = TokenStore.with_demo_tokens(now, cfg.token_ttl_seconds, cfg.refresh_ttl_seconds)
        self.numbers = Numbers()
        self.file_secret = secrets.token_hex(20)
        self.pickups = {}
        self._install(seed_purchase_orders(rng, self.catalogue, cfg, self.numbers, int(now * 1000)))

    def _install(self, pos: list[PurchaseOrder]) -> None:
        now = now_ms()
        self.pos = {po.purchase_order_no: po for po in pos}
        self._keys = sorted((-po.gmt_create, po.purchase_order_no) for po in pos)
        self._by_logistics = {lbx: po.purchase_order_no for po in pos for lbx in po.logistics_no_list}
        self._heap = []
        for po in pos:
            po.advance(now)
            self.schedule(po)
        self._adopt_history_pickups()
        self.version += 1

    def schedule(self, po: PurchaseOrder) -> None:
        """Remember when ``po`` changes by itself (caller holds the lock)."""
        for due in (po.ready_at, po.arrive_at, po.complete_at):
            if due is not None and po.next_due() is not None:
                heapq.heappush(self._heap, (due, po.purchase_order_no))

    def tick(self, now: int | None = None) -> None:
        """Apply every status change due by now."""
        now = now_ms() if now is None else now
        with self.lock:
            while self._heap and self._heap[0][0] <= now:
                _, po_no = heapq.heappop(self._heap)
                po = self.pos.get(po_no)
                if po is not None and po.advance(now):
                    self.changed()

    def _adopt_history_pickups(self) -> None:
        """Give the seeded history's shipped POs their pickup orders, so that they can be queried too."""
        grouped: dict[str, list[PurchaseOrder]] = {}
        for po in self.pos.values():
            if po.pickup_order_no and po.pickup_order_no not in self.pickups:
                grouped.setdefault(po.pickup_order_no, []).append(po)
        for number, pos in grouped.items():
            shipped = min(p.shipped_at or p.gmt_modified for p in pos)
            self.pickups[number] = PickupRecord(
                number,
                [p.purchase_order_no for p in pos],
                shipped,
                shipped,
                draw=random.Random(number).randrange(1_000_000),
            )

    def add_logistics_no(self, po: PurchaseOrder, number: str) -> None:
        po.logistics_no_list.append(number)
        self._by_logistics[number] = po.purchase_order_no

    def changed(self) -> None:
        self.version += 1
        self._dirty = True

    def warehouse(self, po: PurchaseOrder) -> Warehouse:
        return self.catalogue.warehouses[po.warehouse]

    # ----- queries ---------------------------------------------------------------------------

    def query(
        self,
        begin_ms: int,
        end_ms: int,
        status: str | None = None,
        po_nos: list[str] | None = None,
        logistics_nos: list[str] | None = None,
    ) -> list[str]:
        """PO numbers created in [begin, end] (inclusive), newest first, then by number."""
        with self.lock:
            self.tick()
            if po_nos or logistics_nos:
                found: set[str] | None = None
                if po_nos:
                    found = {n for n in po_nos if n in self.pos}
                if logistics_nos:
                    by_lbx = {self._by_logistics[n] for n in logistics_nos if n in self._by_logistics}
                    found = by_lbx if found is None else found & by_lbx
                hits = [self.pos[n] for n in found or ()]
                hits = [p for p in hits if begin_ms <= p.gmt_create <= end_ms and status in (None, p.status)]
                hits.sort(key=lambda p: (-p.gmt_create, p.purchase_order_no))
                return [p.purchase_order_no for p in hits]
            key = (begin_ms, end_ms, status)
            cached = self._cache.get(key)
            if cached is not None and cached[0] == self.version:
                self._cache.move_to_end(key)
                return cached[1]
            lo = bisect.bisect_left(self._keys, (-end_ms, ""))
            hi = bisect.bisect_right(self._keys, (-begin_ms, "\uffff"))
            window = [n for _, n in self._keys[lo:hi]]
            if status is not None:
                window = [n for n in window if self.pos[n].status == status]
            self._cache[key] = (self.version, window)
            while len(self._cache) > 32:
                self._cache.popitem(last=False)
            return window

    # ----- counters ---------------------------------------------------------------------------

    def count_call(self, api_path: str) -> None:
        with self.lock:
            self.calls[api_path] = self.calls.get(api_path, 0) + 1
            self._dirty = True

    def count_po(self, po_no: str, counter: str, n: int = 1) -> None:
        with self.lock:
            counters = self.po_counters.setdefault(po_no, dict.fromkeys(PO_COUNTERS, 0))
            counters[counter] += n
            self._dirty = True

    def count_fault(self, kind: str) -> None:
        with self.lock:
            self.fault_counters[kind] = self.fault_counters.get(kind, 0) + 1
            self._dirty = True

    def stats(self) -> dict[str, Any]:
        """Counters for tests and benchmarks: calls per API path, per-PO and total counts, faults."""
        with self.lock:
            self.tick()
            totals = dict.fromkeys(PO_COUNTERS, 0)
            for counters in self.po_counters.values():
                for name, value in counters.items():
                    totals[name] += value
            by_status: dict[str, int] = {}
            for po in self.pos.values():
                by_status[po.status] = by_status.get(po.status, 0) + 1
            return {
                "calls": dict(self.calls),
                "total_calls": sum(self.calls.values()),
                "purchase_orders": {k: dict(v) for k, v in self.po_counters.items()},
                "totals": totals,
                "faults": dict(self.fault_counters),
                "po_count": len(self.pos),
                "by_status": by_status,
            }

    # ----- admin ------------------------------------------------------------------------------

    def cancel(self, po_no: str) -> str | None:
        """Buyer-cancel a PO; the reason it cannot be, or ``None``."""
        with self.lock:
            self.tick()
            po = self.pos.get(po_no)
            if po is None:
                return f"purchase order {po_no} not found"
            if po.status in SHIPPED:
                return f"purchase order {po_no} has been shipped (status {po.status})"
            po.status = CANCELLED_BUYER
            po.gmt_modified = now_ms()
            self.changed()
            return None

    def expire_tokens(self) -> int:
        with self.lock:
            count = self.tokens.expire_access_tokens(time.time())
            self.changed()
            return count

    # ----- persistence ------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            self._dirty = False
            return {
                "format": STATE_FORMAT,
                "seed": self.config.seed,
                "region": self.config.region,
                "catalogue": self.catalogue.to_dict(),
                "purchase_orders": [po.to_dict() for po in self.pos.values()],
                "tokens": self.tokens.to_dict(),
                "numbers": self.numbers.to_dict(),
                "files": [f.to_dict() for f in self.files.values()],
                "pickups": [p.to_dict() for p in self.pickups.values()],
                "file_secret": self.file_secret,
                "calls": dict(self.calls),
                "po_counters": {k: dict(v) for k, v in self.po_counters.items()},
                "fault_counters": dict(self.fault_counters),
            }

    def save(self) -> None:
        path = self.config.state_file
        if path is None:
            return
        path = Path(path)
        with self._save_lock:
            text = json.dumps(self.snapshot(), separators=(",", ":"), ensure_ascii=False)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)

    def load(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != STATE_FORMAT:
            raise ValueError(f"{path} is not a simulator state file of format {STATE_FORMAT}")
        with self.lock:
            self.config.region = str(data.get("region", self.config.region))
            self.catalogue = Catalogue.from_dict(data["catalogue"])
            self.tokens = TokenStore.from_dict(data["tokens"])
            self.numbers = Numbers.from_dict(data["numbers"])
            self.files = {f["name"]: FileRecord.from_dict(f) for f in data.get("files", [])}
            self.pickups = {p["pickup_order_no"]: PickupRecord.from_dict(p) for p in data.get("pickups", [])}
            self.file_secret = str(data["file_secret"])
            self.calls = {str(k): int(v) for k, v in data.get("calls", {}).items()}
            self.po_counters = {str(k): dict(v) for k, v in data.get("po_counters", {}).items()}
            self.fault_counters = {str(k): int(v) for k, v in data.get("fault_counters", {}).items()}
            self._install([PurchaseOrder.from_dict(d) for d in data["purchase_orders"]])

    def start_flusher(self) -> None:
        if self.config.state_file is None or self._flusher is not None:
            return
        self._stop.clear()
        self._flusher = threading.Thread(target=self._flush_loop, name="simulator-state", daemon=True)
        self._flusher.start()

    def _flush_loop(self) -> None:
        while not self._stop.wait(FLUSH_INTERVAL):
            if self._dirty:
                self.save()

    def close(self) -> None:
        """Stop the flusher and write the state one last time."""
        self._stop.set()
        if self._flusher is not None:
            self._flusher.join(timeout=5)
            self._flusher = None
        self.save()
