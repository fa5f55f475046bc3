"""The ERP secrets are entries of the one keyring store (:class:`CredentialStore`), nothing of their own."""

from __future__ import annotations

import re
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from station.credentials import SERVICE, CredentialStore, NoKeyringError, save_journal_password
from station.erp.keystore import ErpCredentialStore, QianYiSettings, ShoplazzaSettings
from station.lazada.redact import SECRETS
from tests.conftest import MemoryKeyring

STATION = Path(__file__).resolve().parents[2] / "station"


def test_erp_entries_go_through_the_credential_store(isolated_environment: MemoryKeyring) -> None:
    store = ErpCredentialStore("shop-b")
    store.save_qianyi(QianYiSettings("app-1", "qianyi-secret-77", "https://asia.qianyierp.com"))
    store.save_shoplazza(ShoplazzaSettings("mystore", "shoplazza-token-88"))
    assert {user for _, user in isolated_environment.entries} == {"shop-b:qianyi", "shop-b:shoplazza"}
    assert '"app_secret": "qianyi-secret-77"' in (CredentialStore("shop-b").read("qianyi") or "")
    assert store.load_qianyi() == QianYiSettings("app-1", "qianyi-secret-77", "https://asia.qianyierp.com")
    loaded = store.load_shoplazza()
    assert loaded is not None and loaded.access_token == "shoplazza-token-88"
    assert SECRETS.redact("qianyi-secret-77 shoplazza-token-88") == "*** ***"
    store.delete("qianyi")
    store.delete("qianyi")  # nothing left: no error
    assert store.load_qianyi() is None


def test_a_journal_password_is_the_entry_journal_host(isolated_environment: MemoryKeyring) -> None:
    save_journal_password("db.example", "pw-journal-99")
    assert keyring.get_password(SERVICE, "journal:db.example") == "pw-journal-99"
    assert SECRETS.redact("pw-journal-99") == "***"


def test_without_a_keyring_the_erp_store_says_how_to_fix_it() -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    with pytest.raises(NoKeyringError, match="Secret Service"):
        ErpCredentialStore().load_qianyi()
    with pytest.raises(NoKeyringError):
        ErpCredentialStore().save_shoplazza(ShoplazzaSettings("s", "t"))


def test_nothing_outside_credentials_talks_to_the_keyring_for_writing() -> None:
    for path in STATION.rglob("*.py"):
        text = path.read_text("utf-8")
        assert not re.search(r"from station\.credentials import [^\n]*\b_\w", text), path
        if path.name != "credentials.py":
            assert "keyring.set_password" not in text and "keyring.delete_password" not in text, path
