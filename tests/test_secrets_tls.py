"""Secrets stay in the keyring; TLS checks stay on; no keyring means a clear message, not a file."""

from __future__ import annotations

import datetime as dt
import io
import ipaddress
import logging
import sys
from collections.abc import Callable
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from station.cli.main import main
from station.credentials import CredentialStore
from station.demo import connect_simulator
from station.lazada.errors import StationApiError
from station.lazada.jit import PrintFile
from station.lazada.models import PdfSize
from station.printing.download import Downloader
from station.simulator import demo
from station.simulator.server import SimulatorServer
from station.workflow.batch import list_to_pack
from tests.support import admin


def secrets_in(data: bytes, secrets: list[str]) -> list[str]:
    return [s[:6] + "…" for s in secrets if s.encode() in data]


def test_a_whole_batch_leaves_no_secret_in_any_file_or_log(
    sim: SimulatorServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    monkeypatch.setattr(sys, "stdin", io.StringIO(demo.DEMO_APP_SECRET + "\n"))
    assert (
        main(
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
        == 0
    )
    store = CredentialStore("default")
    first = store.load_tokens()
    assert first is not None
    admin(sim.base_url, "/_sim/expire-tokens")  # a refresh mid-batch: the new tokens must not leak either
    home = tmp_path / "home"
    code = main(
        [
            "run",
            "--profile",
            "default",
            "--gateway-url",
            sim.url,
            "--json",
            "-v",
            "-o",
            str(home / "labels.pdf"),
            "--first-poll-after",
            "0.2",
            "--poll-interval",
            "0.2",
            "--area-code",
            "PH",
            "--address-id",
            "1000123",
            "--address",
            "Unit 5, Pasig",
            "--phone",
            "+6391",
            "--name",
            "Bench",
        ]
    )
    assert code == 0
    last = store.load_tokens()
    assert last is not None and last.access_token != first.access_token  # it did refresh
    secrets = [demo.DEMO_APP_SECRET, first.access_token, first.refresh_token, last.access_token, last.refresh_token]
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    kinds = {p.suffix for p in written}
    assert {".pdf", ".ini", ".sqlite3"} <= kinds, kinds  # labels, settings and the journal were written
    for path in written:
        assert not secrets_in(path.read_bytes(), secrets), path
    out = capsys.readouterr()
    assert not secrets_in((out.out + out.err).encode(), secrets)
    assert len(caplog.records) > 10
    for record in caplog.records:
        assert not secrets_in(record.getMessage().encode(), secrets), record.getMessage()


def test_without_a_keyring_the_cli_says_how_to_fix_it_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.setattr(sys, "stdin", io.StringIO("a-secret-that-must-not-land\n"))
    code = main(["login", "--region", "PH", "--app-key", "123", "--secrets-from-stdin"])
    assert code == 2
    err = capsys.readouterr().err
    assert "No secure password store" in err and "Secret Service" in err
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"a-secret-that-must-not-land" not in path.read_bytes()


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1, like a test CA would issue."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "sim.pem", tmp_path / "sim.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def test_https_with_certificate_checks_on(
    make_sim: Callable[..., SimulatorServer], certificate: tuple[Path, Path]
) -> None:
    cert, key = certificate
    sim = make_sim(certfile=cert, keyfile=key)
    assert sim.url.startswith("https://127.0.0.1:")
    trusted = connect_simulator(sim.url, verify=str(cert))
    try:
        assert len(list_to_pack(trusted.client)) >= 30
    finally:
        trusted.close()
    # The same server with the system's CA list: refused, never silently downgraded.
    untrusted = connect_simulator(sim.url)
    try:
        with pytest.raises(StationApiError) as info:
            list_to_pack(untrusted.client)
        assert "secure connection" in info.value.operator_message
    finally:
        untrusted.close()


@pytest.mark.parametrize("variable", ["REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"])
def test_a_ca_bundle_named_in_the_environment_is_not_trusted(
    make_sim: Callable[..., SimulatorServer],
    certificate: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
    variable: str,
) -> None:
    """requests would trust any certificate the variable names, even with verify=True given per
    request; the station checks the platform (API and label files) against its own CA list only."""
    cert, key = certificate
    sim = make_sim(certfile=cert, keyfile=key)
    monkeypatch.setenv(variable, str(cert))
    conn = connect_simulator(sim.url)
    try:
        assert any(variable in r.getMessage() and str(cert) in r.getMessage() for r in caplog.records)
        with pytest.raises(StationApiError) as info:
            list_to_pack(conn.client)
        assert "secure connection" in info.value.operator_message
        downloader = Downloader(conn.client, tmp_path / "cache")
        with pytest.raises(StationApiError):
            downloader.fetch(PrintFile(("POJ1",), PdfSize.LABEL_100X150, False, True, sim.base_url + "/files/x.pdf"))
    finally:
        conn.close()
