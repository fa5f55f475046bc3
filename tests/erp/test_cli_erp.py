"""The ERP subcommands of ``station-cli``, on simulators (embedded with --demo, or running ones)."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from station.cli import commands
from station.cli.erp import ERP_COMMANDS, add_erp_commands, dispatch_erp
from station.cli.main import _connection_options
from station.erp.keystore import ErpCredentialStore
from station.simulator.qianyi import QianYiSimulator
from station.simulator.server import SimulatorServer
from station.simulator.shoplazza import ShoplazzaSimulator


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="station-cli")
    sub = p.add_subparsers(dest="command", required=True)
    add_erp_commands(sub, [_connection_options()])
    return p


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int | None, str]:
    code = dispatch_erp(parser().parse_args(argv))
    return code, capsys.readouterr().out


def test_not_an_erp_command() -> None:
    assert dispatch_erp(argparse.Namespace(command="list")) is None
    assert "qianyi-replenish" in ERP_COMMANDS


def test_qianyi_list_demo_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "qianyi-list", "--demo", "--json", "--page-size", "20")
    data = json.loads(out)
    assert code == 0 and data["total"] == 45 and len(data["orders"]) == 45
    assert {"purchase_number", "sku_list", "settlement_type"} <= set(data["orders"][0])
    code, out = run(capsys, "qianyi-list", "--demo", "--page", "2", "--page-size", "10")
    assert code == 0 and "10 of 45 purchase orders" in out


def test_qianyi_list_bad_page_size_is_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(commands.UsageError, match="1 to 200"):
        run(capsys, "qianyi-list", "--demo", "--page-size", "500")


def test_qianyi_list_without_settings_is_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(commands.UsageError, match="erp-login"):
        run(capsys, "qianyi-list")


def test_replenish_dry_run_then_create_once(
    capsys: pytest.CaptureFixture[str], sim: SimulatorServer, qianyi_sim: QianYiSimulator, tmp_path: Path
) -> None:
    pos = sorted(sim.state.pos)[:3]
    common = [
        "--simulator-url",
        sim.url,
        "--erp-url",
        qianyi_sim.base_url,
        "--record",
        str(tmp_path / "r.db"),
        "--default-price",
        "1.25",
        "--from-jit",
        *pos,
    ]
    code, out = run(capsys, "qianyi-replenish", *common, "--dry-run")
    assert code == 0 and "Dry run: nothing was sent." in out and "units" in out
    code, out = run(capsys, "qianyi-replenish", *common, "--dry-run", "--json")
    preview = json.loads(out)
    assert preview["dry_run"] and preview["request"]["customNumber"] == preview["plan"]["custom_number"]
    assert all(line["purchasePrice"] == "1.25" for line in preview["request"]["skuList"])
    assert "/api/v1/purchase" not in qianyi_sim.calls
    code, out = run(capsys, "qianyi-replenish", *common, "--json")
    first = json.loads(out)
    assert code == 0 and first["created"] and first["purchase_number"]
    code, out = run(capsys, "qianyi-replenish", *common, "--json")
    second = json.loads(out)
    assert not second["created"] and second["purchase_number"] == first["purchase_number"]
    code, out = run(capsys, "qianyi-replenish", *common, "--dry-run")
    assert f"Already created: QianYi purchase order {first['purchase_number']}" in out


def test_replenish_bad_price_is_usage(
    capsys: pytest.CaptureFixture[str], sim: SimulatorServer, qianyi_sim: QianYiSimulator
) -> None:
    with pytest.raises(commands.UsageError, match="SKU=PRICE"):
        run(
            capsys,
            "qianyi-replenish",
            "--simulator-url",
            sim.url,
            "--erp-url",
            qianyi_sim.base_url,
            "--from-jit",
            "X",
            "--price",
            "nope",
        )


def test_shoplazza_list_demo(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "shoplazza-list", "--demo", "--json", "--state", "3", "--limit", "5")
    data = json.loads(out)
    assert code == 0 and data["count"] > 0 and all(p["state"] == "3" for p in data["procurements"])
    code, out = run(capsys, "shoplazza-list", "--demo", "--page", "1", "--limit", "5")
    assert code == 0 and "5 procurement orders" in out


def test_shoplazza_list_from_keyring_profile(
    capsys: pytest.CaptureFixture[str], shoplazza_sim: ShoplazzaSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("shplzDemoTok3n_9Xq2Lr7Vw4Pz8Kc1Nm5\n"))
    code, out = run(
        capsys,
        "erp-login",
        "shoplazza",
        "--erp-profile",
        "p1",
        "--store",
        "station-demo",
        "--base-url",
        shoplazza_sim.base_url,
        "--secret-from-stdin",
    )
    assert code == 0 and "keyring" in out
    assert ErpCredentialStore("p1").load_shoplazza() is not None
    code, out = run(capsys, "shoplazza-list", "--erp-profile", "p1", "--json")
    assert code == 0 and json.loads(out)["count"] == 60


def test_shoplazza_labels(
    capsys: pytest.CaptureFixture[str], shoplazza_sim: ShoplazzaSimulator, tmp_path: Path
) -> None:
    received = next(pid for pid, r in shoplazza_sim.records.items() if r["state"] == "3")
    output = tmp_path / "labels.pdf"
    code, out = run(
        capsys, "shoplazza-labels", received, "--erp-url", shoplazza_sim.base_url, "-o", str(output), "--json"
    )
    data = json.loads(out)
    reader = PdfReader(str(output))
    assert code == 0 and len(reader.pages) == data["pages"] == shoplazza_sim.records[received]["received_quantity"]
    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (60, 30)


def test_shoplazza_labels_demo(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out = run(capsys, "shoplazza-labels", "received", "--demo", "-o", str(tmp_path / "l.pdf"))
    assert code == 0 and "labels (60x30 mm)" in out and (tmp_path / "l.pdf").stat().st_size > 0
