"""``station-cli`` as a user runs it: a real process, the embedded simulator, real files."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from station import __version__
from station.cli.main import main
from station.credentials import CredentialStore
from station.simulator import demo
from station.simulator.server import SimulatorServer
from tests.conftest import MemoryKeyring

FAST_DEMO = ["--demo", "--demo-pos", "25", "--demo-pack-delay", "0.2-0.6"]


def cli(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "station.cli.main", *args], capture_output=True, text=True, timeout=timeout, check=False
    )


def test_version() -> None:
    result = cli("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_run_demo_produces_one_merged_pdf(tmp_path: Path) -> None:
    output = tmp_path / "day.pdf"
    result = cli(
        "run",
        *FAST_DEMO,
        "--first-poll-after",
        "0.3",
        "--poll-interval",
        "0.3",
        "--json",
        "--size",
        "6030",
        "-o",
        str(output),
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    counts = report["counts"]
    assert counts["total"] >= 25 and counts["shipped"] == counts["printed"] == counts["total"]
    assert counts["failed"] == 0
    pages = PdfReader(output).pages
    assert len(pages) == report["pages"] > counts["total"]
    for page in pages:
        assert abs(float(page.mediabox.width) * 25.4 / 72 - 60) < 0.5
        assert abs(float(page.mediabox.height) * 25.4 / 72 - 30) < 0.5
    assert demo.DEMO_APP_SECRET not in result.stdout + result.stderr


def test_list_json(tmp_path: Path) -> None:
    result = cli("list", *FAST_DEMO, "--json")
    assert result.returncode == 0, result.stderr
    pos = json.loads(result.stdout)
    assert len(pos) >= 25 and {p["status"] for p in pos} == {"10"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["list", "--from", "2026-11-01"], "yyyy-MM-dd HH:mm:ss"),
        (["list", "--from", "2026-01-01 00:00:00", "--to", "2026-11-01 00:00:00"], "90 days"),
        (["list", "--days", "120"], "between 1 and 90"),
    ],
)
def test_bad_input_is_a_clear_error(args: list[str], message: str) -> None:
    result = cli(*args, "--demo", "--demo-pos", "2")
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_without_a_shop_the_cli_says_what_to_do(isolated_environment: MemoryKeyring) -> None:
    stderr = io.StringIO()
    sys_stderr, sys.stderr = sys.stderr, stderr
    try:
        code = main(["list"])
    finally:
        sys.stderr = sys_stderr
    assert code == 2 and "station-cli login" in stderr.getvalue()


def test_login_stores_secrets_in_the_keyring_only(
    sim: SimulatorServer, isolated_environment: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(demo.DEMO_APP_SECRET + "\n"))
    code = main(
        [
            "login",
            "--region",
            "PH",
            "--app-key",
            demo.DEMO_APP_KEY,
            "--auth-code",
            demo.DEMO_AUTH_CODE,
            "--secrets-from-stdin",
            "--gateway-url",
            sim.url,
        ]
    )
    assert code == 0
    store = CredentialStore("default")
    creds, tokens = store.load(), store.load_tokens()
    assert creds is not None and creds.app_secret == demo.DEMO_APP_SECRET
    assert tokens is not None and tokens.access_token and tokens.refresh_token
    # nothing secret in any file the station wrote
    for path in (tmp_path / "home").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for secret in (demo.DEMO_APP_SECRET, tokens.access_token, tokens.refresh_token):
                assert secret.encode() not in data, path
