"""Settings of the simulator: catalogue size, timings and injected faults."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import timedelta, timezone
from pathlib import Path
from typing import Any

REGIONS = ("PH", "MY", "SG", "TH", "VN", "ID")

# Fields that may change while the server runs (``POST /_sim/faults``).
RUNTIME_FIELDS = (
    "latency_ms",
    "latency_jitter_ms",
    "error_rate",
    "timeout_rate",
    "timeout_seconds",
    "drop_rate",
    "flow_limit_per_second",
    "flow_ban_seconds",
    "pack_delay_min",
    "pack_delay_max",
    "arrive_after_seconds",
    "complete_after_seconds",
    "pickup_step_seconds",
    "pickup_fail_rate",
    "token_ttl_seconds",
    "refresh_ttl_seconds",
    "file_ttl_seconds",
)


def region_timezone(region: str) -> timezone:
    """The local time zone the platform reads ``gmt_create_begin``/``end`` in.

    UTC+8 for PH, MY and SG; UTC+7 for TH, VN and ID.
    """
    hours = 7 if region.upper() in ("TH", "VN", "ID") else 8
    return timezone(timedelta(hours=hours), f"UTC+{hours}")


@dataclass
class SimulatorConfig:
    port: int = 0  # 0: any free port
    host: str = "127.0.0.1"
    pos: int = 40  # To Pack POs created in the last ~20 hours: all the To Pack POs there are
    history: int | None = None  # older POs over the previous 14 days, none To Pack; None: same as pos
    products: int | None = None  # None: 150-300, chosen by the seed
    orders: int = 300  # marketplace orders over the last 30+ days (docs/orders.md)
    seed: int = 1
    region: str = "PH"
    # faults
    latency_ms: float = 0.0
    latency_jitter_ms: float = 0.0
    error_rate: float = 0.0
    timeout_rate: float = 0.0
    timeout_seconds: float = 30.0
    drop_rate: float = 0.0
    flow_limit_per_second: int = 0  # 0: off
    flow_ban_seconds: int = 1  # the ban an ApiCallLimit answer states ("this ban will last N seconds")
    # platform timings
    pack_delay_min: float = 5.0
    pack_delay_max: float = 10.0
    arrive_after_seconds: float = 3600.0
    complete_after_seconds: float = 7200.0
    pickup_step_seconds: float = 900.0  # a pickup order moves 10 → 20 → 30 → 40 → 50, one step per this
    pickup_fail_rate: float = 0.0  # share of pickup orders that fail (-20, with a reason) instead
    token_ttl_seconds: float = 7 * 86400.0
    refresh_ttl_seconds: float = 30 * 86400.0
    file_ttl_seconds: float = 600.0
    # persistence and transport
    state_file: Path | None = None
    certfile: Path | None = None
    keyfile: Path | None = None
    verbose: bool = False

    def __post_init__(self) -> None:
        self.region = self.region.strip().upper()
        if self.region not in REGIONS:
            raise ValueError(f"Unknown region {self.region!r}: choose one of {', '.join(REGIONS)}.")
        if self.pos < 0 or (self.history is not None and self.history < 0):
            raise ValueError("The number of purchase orders cannot be negative.")
        if self.pack_delay_max < self.pack_delay_min:
            self.pack_delay_max = self.pack_delay_min
        if self.pickup_step_seconds <= 0:
            raise ValueError(f"pickup_step_seconds must be positive, not {self.pickup_step_seconds}.")
        for name in ("error_rate", "timeout_rate", "drop_rate", "pickup_fail_rate"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, not {value}.")

    @property
    def history_count(self) -> int:
        return self.pos if self.history is None else self.history

    def runtime_values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in RUNTIME_FIELDS}

    def update_runtime(self, values: dict[str, Any]) -> dict[str, Any]:
        """Change the runtime fields named in ``values``; unknown names raise ``KeyError``."""
        kinds = {f.name: f.type for f in fields(self)}
        converted: dict[str, Any] = {}
        for name, value in values.items():
            if name not in RUNTIME_FIELDS:
                raise KeyError(name)
            converted[name] = int(value) if kinds[name] in ("int", int) else float(value)
        candidate = replace(self, **converted)  # validates without touching this config
        for name in RUNTIME_FIELDS:
            setattr(self, name, getattr(candidate, name))
        return self.runtime_values()
