"""``station-cli orders-*`` through the parser the hook-in builds, on a running simulator."""

from __future__ import annotations

import argparse
import io
import json

import pytest
from pypdf import PdfReader

from station.cli.main import _connection_options
from station.cli.orders import add_orders_commands, dispatch_orders
from station.simulator import SimulatorServer

from .conftest import find_order, plain_pending


def run(sim: SimulatorServer, *argv: str) -> int | None:
    parser = argparse.ArgumentParser(prog="station-cli")
    sub = parser.add_subparsers(dest="command", required=True)
    add_orders_commands(sub, [_connection_options()])
    args = parser.parse_args([argv[0], "--simulator-url", sim.url, *argv[1:]])
    return dispatch_orders(args)


def test_orders_list(sim: SimulatorServer, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(sim, "orders-list", "--days", "400", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == len(sim.orders.orders)
    assert run(sim, "orders-list", "--days", "400", "--status", "pending", "--max", "3", "--items") == 0
    text = capsys.readouterr().out
    assert text.startswith("3 orders") and "pending" in text


def test_pack_awb_rts(sim: SimulatorServer, capsys: pytest.CaptureFixture[str], tmp_path: object) -> None:
    order = find_order(sim, plain_pending)
    order_id = str(order.order_id)
    assert run(sim, "orders-pack", order_id, "--json") == 0
    packed = json.loads(capsys.readouterr().out)
    assert len(packed["results"]) == len(order.items) and all(r["ok"] for r in packed["results"])
    assert run(sim, "orders-pack", order_id) == 1  # nothing left to pack
    assert "nothing to pack" in capsys.readouterr().out
    output = f"{tmp_path}/awb.pdf"
    assert run(sim, "orders-awb", order_id, "--doc-type", "HTML", "-o", output) == 0
    assert "1 AWB, 1 page written" in capsys.readouterr().out
    with open(output, "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    assert order.items[0].tracking in reader.pages[0].extract_text()
    assert run(sim, "orders-rts", order_id, "--json") == 0
    assert all(r["ok"] for r in json.loads(capsys.readouterr().out))
    assert order.items[0].status == "ready_to_ship"
    assert run(sim, "orders-rts", order.items[0].package_id, "--packages") == 1
    assert "FAILED [31]" in capsys.readouterr().out


def test_unknown_command_is_not_ours(sim: SimulatorServer) -> None:
    assert dispatch_orders(argparse.Namespace(command="list")) is None
