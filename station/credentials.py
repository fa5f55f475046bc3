"""Shop credentials in the OS keyring, and nowhere else.

Each seller profile keeps two keyring entries: the app (region, app key, app secret) and the
tokens. Nothing here is ever written to a file; a machine without a usable keyring gets a clear
error with the fix instead of a plain-text fallback.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field

import keyring
import keyring.backend
import keyring.errors

from station.lazada.models import TokenInfo
from station.lazada.redact import SECRETS
from station.lazada.regions import Region, parse_region
from station.problems import Problem

SERVICE = "station"


class NoKeyringError(RuntimeError):
    def __init__(self, backend_name: str) -> None:
        self.problem = Problem("keyring.missing", {"backend": backend_name})
        super().__init__(self.problem.english())


@dataclass(frozen=True)
class ShopCredentials:
    region: Region
    app_key: str
    app_secret: str = field(repr=False)


def _backend_usable(backend: keyring.backend.KeyringBackend) -> bool:
    module = type(backend).__module__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null", "keyrings.alt.file")):
        return False
    if module.startswith("keyring.backends.chainer"):
        return bool(getattr(backend, "backends", []))
    return True


class CredentialStore:
    """Reads and writes one seller profile's secrets through the ``keyring`` library.

    Every keyring entry of the station goes through here: service ``station``, user
    ``{profile}:{name}``. :meth:`read`, :meth:`write` and :meth:`forget` are the entries as text
    (the ERP keystore keeps its own there); :meth:`load` / :meth:`save` and the token pair are the
    shop's. A shared journal's password is the entry ``journal:<host>`` (:func:`save_journal_password`).
    """

    def __init__(self, profile: str = "default") -> None:
        self.profile = profile

    def check_backend(self) -> None:
        """Raise :class:`NoKeyringError` (with the fix) when no secure store is usable."""
        backend = keyring.get_keyring()
        if not _backend_usable(backend):
            raise NoKeyringError(type(backend).__name__)

    def user(self, name: str) -> str:
        """The keyring user of entry ``name`` of this profile."""
        return f"{self.profile}:{name}"

    def read(self, name: str) -> str | None:
        """Entry ``name`` of this profile, or None."""
        self.check_backend()
        try:
            return keyring.get_password(SERVICE, self.user(name))
        except keyring.errors.KeyringError as exc:
            raise NoKeyringError(type(exc).__name__) from None

    def write(self, name: str, value: str) -> None:
        self.check_backend()
        try:
            keyring.set_password(SERVICE, self.user(name), value)
        except keyring.errors.KeyringError as exc:
            raise NoKeyringError(type(exc).__name__) from None

    def forget(self, name: str) -> None:
        """Delete entry ``name`` (nothing happens when there is none)."""
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            keyring.delete_password(SERVICE, self.user(name))

    def load(self) -> ShopCredentials | None:
        raw = self.read("app")
        if not raw:
            return None
        data = json.loads(raw)
        creds = ShopCredentials(parse_region(data["region"]), str(data["app_key"]), str(data["app_secret"]))
        SECRETS.add(creds.app_secret)
        return creds

    def save(self, creds: ShopCredentials) -> None:
        SECRETS.add(creds.app_secret)
        self.write(
            "app", json.dumps({"region": creds.region.value, "app_key": creds.app_key, "app_secret": creds.app_secret})
        )

    def load_tokens(self) -> TokenInfo | None:
        raw = self.read("tokens")
        if not raw:
            return None
        tokens = TokenInfo.from_json(json.loads(raw))
        SECRETS.add(tokens.access_token, tokens.refresh_token)
        return tokens

    def save_tokens(self, tokens: TokenInfo) -> None:
        SECRETS.add(tokens.access_token, tokens.refresh_token)
        self.write("tokens", json.dumps(tokens.to_json()))

    def delete(self) -> None:
        for name in ("app", "tokens"):
            self.forget(name)


JOURNAL = "journal"  # the "profile" of the shared journals' passwords: entry journal:<host>


def save_journal_password(host: str, password: str) -> None:
    """Keep the password of the shared journal on ``host`` in the keyring (``journal:<host>``)."""
    SECRETS.add(password)
    CredentialStore(JOURNAL).write(host, password)


def journal_password(host: str) -> str | None:
    """The password kept for the shared journal on ``host`` (``journal:<host>``), or None: none kept, or no
    usable keyring (the server may trust the bench without a password)."""
    try:
        password = CredentialStore(JOURNAL).read(host)
    except Exception:  # NoKeyringError, or a backend failing its own way: go on without a password
        return None
    if not password:
        return None
    SECRETS.add(password)
    return password
