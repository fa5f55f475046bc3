"""What ``station-cli`` tells the operator: its help, its errors, its tables and counts.

Errors and help go through the real parser (``main``); the commands talk to the simulator over
HTTP. ``main`` exits through ``SystemExit`` on a usage error, as the installed script does.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from station.cli import main as cli_main
from station.cli.main import DEMO_POS, build_parser, main
from station.cli.text import plural, printable
from station.demo import connect_simulator
from station.lazada.models import PdfSize, POStatus
from station.simulator.server import SimulatorServer
from station.workflow.batch import list_to_pack
from tests.conftest import MemoryKeyring

ESC = "\x1b[31m"


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The stderr of ``station-cli argv`` that must stop at the parser with exit code 2."""
    with pytest.raises(SystemExit) as stopped:
        main(list(argv))
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def squash(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------- help
def test_top_level_help_is_plain_text_with_every_command_and_the_exit_codes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "station.cli.main", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "COLUMNS": "100"},
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "``" not in out and ":class:" not in out
    assert out.startswith("usage: station-cli [-h] [--version] COMMAND ...")
    assert cli_main.DESCRIPTION in squash(out)
    commands = build_parser().commands
    assert len(commands) == 22  # with unprinted, pickups, pickup-labels and stats
    listed = squash(out.split("\ncommands:\n", 1)[1].split("\nexit codes:", 1)[0])
    for name, parser in commands.items():
        summary = parser.description
        assert summary and summary[0].isupper() and summary.endswith("."), name
        assert f"{name} {summary}" in listed, name  # its line in the list, beside its name
    codes = dict(re.findall(r"^  (\d)  (\S.*)$", out.split("\nexit codes:\n", 1)[1], re.MULTILINE))
    assert set(codes) == {"0", "1", "2", "3"}
    assert cli_main.EXIT_OK == 0 and "all done" in codes["0"]
    assert cli_main.EXIT_FAILED == 1 and "failed" in codes["1"]
    assert cli_main.EXIT_USAGE == 2 and "bad input" in codes["2"]
    assert cli_main.EXIT_INTERRUPTED == 3 and "interrupted" in codes["3"]


def test_every_command_help_starts_with_its_description(capsys: pytest.CaptureFixture[str]) -> None:
    for name, parser in build_parser().commands.items():
        with pytest.raises(SystemExit) as stopped:
            main([name, "--help"])
        assert stopped.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith(f"usage: station-cli {name} "), name
        assert "``" not in out, name
        description = out.split("\n\n", 2)[1]
        assert squash(description) == parser.description, name


def test_help_shows_the_valid_values(capsys: pytest.CaptureFixture[str]) -> None:
    def help_of(command: str) -> str:
        with pytest.raises(SystemExit):
            main([command, "--help"])
        return squash(capsys.readouterr().out)

    listing = help_of("list")
    for status in POStatus:
        assert f"{status.value} {status.label}" in listing
    assert "or all (default 10)" in listing
    assert f"To Pack POs in the demo day, exactly (default {DEMO_POS})" in listing
    printing = help_of("print")
    assert "paper size: A4, 6030 (60x30 mm labels) or 100150 (100x150 mm labels); default 100150" in printing
    assert "[--size {A4,6030,100150}]" in printing
    assert "the shop's country: MY, PH, SG, TH, VN, ID" in help_of("login")


# ---------------------------------------------------------------------- invalid values
@pytest.mark.parametrize(
    "argv, message",
    [
        (["list", "--status", "99"], "invalid --status '99': choose one of 10, 20, 22, 25, 40, -100610, -100, all"),
        (["print", "--size", "A5", "-o", "x.pdf", "POJ1"], "invalid --size 'A5': choose one of A4, 6030, 100150"),
        (["run", "--size", "60x30"], "invalid --size '60x30': choose one of A4, 6030, 100150"),
        (["login", "--region", "XX", "--app-key", "1"], "invalid --region 'XX': choose one of MY, PH, SG, TH, VN, ID"),
        (["orders-awb", "--doc-type", "XML", "-o", "x.pdf", "1"], "invalid --doc-type 'XML': choose one of PDF, HTML"),
        (["orders-list", "--status", "lost"], "invalid --status 'lost': choose one of all, "),
        (["printers", "--print-backend", "lp"], "invalid --print-backend 'lp': choose one of auto, cups, qt"),
        (["erp-login", "sap"], "invalid ERP 'sap': choose one of qianyi, shoplazza"),
    ],
)
def test_an_invalid_value_names_the_valid_ones(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    err = usage_error(capsys, *argv)
    assert err.startswith(f"usage: station-cli {argv[0]} ")
    assert f"station-cli {argv[0]}: error: {message}" in err
    assert f"Run 'station-cli {argv[0]} --help' for more." in err


def test_valid_values_are_read_whatever_their_case() -> None:
    parser = build_parser()
    assert parser.parse_args(["print", "--size", "a4", "-o", "x.pdf", "POJ1"]).size is PdfSize.A4
    assert parser.parse_args(["run"]).size is PdfSize.LABEL_100X150
    assert parser.parse_args(["list"]).status is POStatus.TO_PACK
    assert parser.parse_args(["list", "--status", "-100"]).status is POStatus.CANCELLED_BUYER
    assert parser.parse_args(["list", "--status", "ALL"]).status is None
    assert parser.parse_args(["login", "--region", "ph", "--app-key", "1"]).region == "PH"


# ---------------------------------------------------------------------- unknown options
@pytest.mark.parametrize(
    "argv, complaint",
    [
        (["list", "--bogus"], "unknown option '--bogus'"),
        (["orders-list", "--demo", "--bogus", "--also"], "unknown options '--bogus', '--also'"),
        (["printers", "extra"], "unexpected argument 'extra'"),
        (["qianyi-list", "--bogus", "x"], "unknown option '--bogus'; unexpected argument 'x'"),
    ],
)
def test_an_unknown_option_shows_the_usage_of_its_command(
    capsys: pytest.CaptureFixture[str], argv: list[str], complaint: str
) -> None:
    err = usage_error(capsys, *argv)
    assert err.startswith(f"usage: station-cli {argv[0]} [-h]")
    assert "COMMAND ..." not in err  # not the top-level usage
    assert f"station-cli {argv[0]}: error: {complaint}\n" in err


def test_an_unknown_option_before_the_command_is_the_top_levels(capsys: pytest.CaptureFixture[str]) -> None:
    err = usage_error(capsys, "--bogus", "list")
    assert err.startswith("usage: station-cli [-h] [--version] COMMAND ...")
    assert "station-cli: error: unrecognized arguments: --bogus" in err


def test_an_unknown_command_names_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    err = usage_error(capsys, f"lst{ESC}")
    assert err.startswith("usage: station-cli [-h] [--version] COMMAND ...")
    assert (
        f"station-cli: error: unknown command 'lst\\x1b[31m': choose one of {', '.join(build_parser().commands)}\n"
        in err
    )
    assert "\x1b" not in err


# ---------------------------------------------------------------------- control characters
def test_printable_escapes_control_characters() -> None:
    assert printable(f"POJ{ESC}1\r2") == "POJ\\x1b[31m1\\r2"
    assert printable("a\nb\tc") == "a\nb\tc"
    assert printable("a\nb", newlines=False) == "a\\nb"
    assert printable("\x9b\u202eabc") == "\\x9b\\u202eabc"  # the 8-bit CSI, a right-to-left override
    assert printable("Lazada Choice 儿童保温杯 กระเป๋า Bình") == "Lazada Choice 儿童保温杯 กระเป๋า Bình"


@pytest.mark.parametrize(
    "argv, shown",
    [
        (["list", "--status", ESC], "invalid --status '\\x1b[31m'"),
        (["print", "--size", "A4\r6030", "-o", "x.pdf", "POJ1"], "invalid --size 'A4\\r6030'"),
        (["list", f"--x{ESC}"], "unknown option '--x\\x1b[31m'"),
        (["printers", "a\nb"], "unexpected argument 'a\\nb'"),
    ],
)
def test_a_bad_argument_is_echoed_with_its_control_characters_escaped(
    capsys: pytest.CaptureFixture[str], argv: list[str], shown: str
) -> None:
    err = usage_error(capsys, *argv)
    error_line = next(line for line in err.splitlines() if line.startswith(f"station-cli {argv[0]}: error: "))
    assert shown in error_line  # whole, on one line
    assert "\x1b" not in err and "\r" not in err


def test_po_numbers_with_control_characters_are_escaped_in_the_results(
    capsys: pytest.CaptureFixture[str], sim: SimulatorServer, tmp_path: Path
) -> None:
    bad = f"POJ{ESC}26\r1"
    code = main(["pack", "--simulator-url", sim.url, "--journal", str(tmp_path / "j.sqlite3"), bad])
    out = capsys.readouterr().out
    assert code == 1
    assert out == "POJ\\x1b[31m26\\r1: FAILED The platform does not list this PO.\n"


def test_a_bad_date_is_echoed_escaped(capsys: pytest.CaptureFixture[str], sim: SimulatorServer) -> None:
    code = main(["list", "--simulator-url", sim.url, "--from", f"2026-11-23{ESC}"])
    err = capsys.readouterr().err
    assert code == 2 and "The date '2026-11-23\\x1b[31m' is not in the form" in err and "\x1b" not in err


# ---------------------------------------------------------------------- no shop
@pytest.mark.parametrize("command", ["list", "run", "pack"])
def test_without_credentials_the_cli_suggests_login_and_demo(
    capsys: pytest.CaptureFixture[str], isolated_environment: MemoryKeyring, command: str
) -> None:
    assert isolated_environment.entries == {}
    code = main([command, *(["POJ1"] if command == "pack" else [])])
    err = capsys.readouterr().err
    assert code == 2
    assert "No shop is set up for profile 'default'" in err
    assert "station-cli login --region PH --app-key KEY --auth-code CODE" in err
    assert "add --demo" in err


def test_without_credentials_for_a_profile_the_login_names_it(
    capsys: pytest.CaptureFixture[str], isolated_environment: MemoryKeyring
) -> None:
    code = main(["list", "--profile", f"bench{ESC}2"])
    err = capsys.readouterr().err
    assert code == 2
    assert "No shop is set up for profile 'bench\\x1b[31m2'" in err
    assert "station-cli login --profile bench\\x1b[31m2 --region PH" in err
    assert "\x1b" not in err


# ---------------------------------------------------------------------- tables and counts
def test_list_shows_whole_store_names_in_aligned_columns(
    capsys: pytest.CaptureFixture[str], make_sim: Callable[..., SimulatorServer]
) -> None:
    sim = make_sim(region="VN", pos=30, history=0)
    assert main(["list", "--simulator-url", sim.url]) == 0
    header, *rows, total = capsys.readouterr().out.splitlines()
    conn = connect_simulator(sim.url)
    try:
        pos = list_to_pack(conn.client)
    finally:
        conn.close()
    assert len(rows) == len(pos) == 30 and total == "30 purchase orders"
    assert max(len(po.store_name) for po in pos) > 28  # e.g. "Lazada Choice VN Ho Chi Minh Store"
    store_at, warehouse_at, units_end = header.index("STORE"), header.index("WAREHOUSE"), len(header)
    for po, row in zip(pos, rows, strict=True):
        assert row.startswith(po.purchase_order_no)
        assert row[store_at:].startswith(po.store_name + "  ")
        assert row[warehouse_at:].startswith(po.store_code)
        assert len(row) == units_end and row.endswith(f" {po.total_quantity}")


def test_counts_of_one_are_singular(
    capsys: pytest.CaptureFixture[str], make_sim: Callable[..., SimulatorServer], tmp_path: Path
) -> None:
    sim = make_sim(pos=1, history=0)
    assert main(["list", "--simulator-url", sim.url]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 purchase order"
    output = tmp_path / "one.pdf"
    code = main(
        [
            "run",
            "--simulator-url",
            sim.url,
            "--journal",
            str(tmp_path / "j.sqlite3"),
            "--size",
            "A4",
            "--first-poll-after",
            "0.3",
            "--poll-interval",
            "0.2",
            "-o",
            str(output),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert re.match(r"1 PO: 1 packed, 1 shipped, 1 printed, 0 failed \(\d+ API calls\)\.\n", out)
    assert f"Labels: {output} (1 page).\n" in out  # A4: the PO sheet only


def test_plural() -> None:
    assert [plural(n, "SKU") for n in (0, 1, 2)] == ["0 SKUs", "1 SKU", "2 SKUs"]
    assert plural(1, "unit") == "1 unit" and plural(3, "box", "boxes") == "3 boxes"


# ---------------------------------------------------------------------- the demo's numbers
def test_the_cli_demo_lists_exactly_the_to_pack_pos_its_help_promises(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--demo", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == DEMO_POS == 120
    assert {po["status"] for po in listed} == {"10"}
    assert main(["list", "--demo", "--demo-pos", "7", "--days", "90"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "7 purchase orders"
