"""Seeding, persistence across restarts and the command-line flags."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from station.simulator import DEMO_ACCESS_TOKEN, DEMO_AUTH_CODE, SimulatorConfig, SimulatorServer
from station.simulator.cli_args import add_simulator_arguments, config_from_args, parse_pack_delay
from station.simulator.state import SimulatorState

from ._support import Api, small_config


def test_state_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "sim.json"
    with SimulatorServer(small_config(state_file=path)) as sim:
        api = Api(sim)
        po = api.to_pack()[0]["purchase_order_no"]
        api.pack([po])
        api.wait_status(po, "20")
        assert api.ship([po])["data"][0]["status"] == "success"
        api.admin("expire-tokens")
        refreshed = api.call("/auth/token/refresh", {"refresh_token": "x"}, token=None)
        assert refreshed["code"] == "IllegalRefreshToken"
        created = api.call("/auth/token/create", {"code": DEMO_AUTH_CODE}, token=None)
        before = sim.stats()
    assert path.exists()
    with SimulatorServer(small_config(state_file=path, seed=99, pos=3)) as again:
        api = Api(again)
        assert api.call("/jit/purchase_order/query_list", api.window(), token=DEMO_ACCESS_TOKEN)["code"] == (
            "IllegalAccessToken"
        )
        api.token = created["access_token"]
        assert api.status_of(po) == "22"
        after = again.stats()
        assert after["purchase_orders"][po] == before["purchase_orders"][po]
        assert after["po_count"] == before["po_count"]
        assert api.admin("health").json() == {"ok": True}


def test_flusher_writes_while_running(tmp_path: Path) -> None:
    path = tmp_path / "sim.json"
    with SimulatorServer(small_config(state_file=path)) as sim:
        api = Api(sim)
        po = api.to_pack()[0]["purchase_order_no"]
        api.pack([po])
        deadline = time.monotonic() + 5
        while po not in path.read_text(encoding="utf-8").split('"po_counters"')[1]:
            assert time.monotonic() < deadline, "the state file was never written"
            time.sleep(0.1)


def test_seeding_is_deterministic_and_fast() -> None:
    a = SimulatorState(SimulatorConfig(pos=5, history=5, seed=3))
    b = SimulatorState(SimulatorConfig(pos=5, history=5, seed=3))
    assert [p.items for p in a.pos.values()] == [p.items for p in b.pos.values()]
    assert 150 <= len(a.catalogue.products) <= 300
    stores = {w.store_name for w in a.catalogue.warehouses}
    assert len(stores) == 3 and 3 <= len(a.catalogue.warehouses) <= 6
    started = time.monotonic()
    big = SimulatorState(SimulatorConfig(pos=20_000, history=0))
    assert time.monotonic() - started < 8
    assert len(big.pos) == 20_000
    started = time.monotonic()
    for page in range(20):
        assert len(big.query(0, 2**62, "10")[page * 50 : page * 50 + 50]) == 50
    assert time.monotonic() - started < 2


def test_region_changes_site_and_names(make_sim: Callable[..., SimulatorServer]) -> None:
    sim = make_sim(region="TH", pos=3, history=0)
    record = Api(sim).list_pos()["data"][0]
    assert record["site_id"] == "TH" and "TH" in record["store_code"]


def test_cli_arguments() -> None:
    parser = argparse.ArgumentParser()
    add_simulator_arguments(parser)
    args = parser.parse_args(
        [
            "--port",
            "0",
            "--pos",
            "12",
            "--pack-delay",
            "0.2",
            "--error-rate",
            "0.1",
            "--flow-limit",
            "20",
            "--region",
            "MY",
            "--state-file",
            "x.json",
        ]
    )
    config = config_from_args(args)
    assert (config.pos, config.history_count, config.region) == (12, 12, "MY")
    assert (config.pack_delay_min, config.pack_delay_max) == (0.2, 0.2)
    assert config.error_rate == 0.1 and config.flow_limit_per_second == 20
    assert config.state_file == Path("x.json")
    assert parse_pack_delay("5-10") == (5.0, 10.0)
    with pytest.raises(argparse.ArgumentTypeError):
        parse_pack_delay("10-5")
    with pytest.raises(SystemExit):
        parser.parse_args(["--error-rate", "1.5"])


def test_https(tmp_path: Path, make_sim: Callable[..., SimulatorServer]) -> None:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
        timeout=30,
    )
    sim = make_sim(certfile=cert, keyfile=key, pos=2, history=0)
    assert sim.url.startswith("https://127.0.0.1:")
    api = Api(sim)
    api.session.verify = str(cert)
    api.session.trust_env = False  # REQUESTS_CA_BUNDLE would win over verify
    assert api.list_pos()["total_count"] == 2
