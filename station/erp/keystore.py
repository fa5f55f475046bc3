"""ERP secrets in the OS keyring (service ``station``, user ``{profile}:qianyi`` / ``{profile}:shoplazza``).

The non-secret part (host, app id, store domain) is kept alongside in the same keyring entry so that a
profile is one entry per ERP; nothing is ever written to a file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from station.credentials import CredentialStore
from station.lazada.redact import SECRETS

QIANYI_DEFAULT_URL = "https://www.qianyierp.com"
SHOPLAZZA_API_VERSION = "2022-01"


@dataclass(frozen=True)
class QianYiSettings:
    """``base_url`` is the host (test ``https://gerp-test1.800best.com``, China ``https://www.qianyierp.com``,
    overseas ``https://asia.qianyierp.com``); requests go to ``{base_url}/api/{version}/purchase``."""

    app_id: str
    app_secret: str = field(repr=False)
    base_url: str = QIANYI_DEFAULT_URL
    version: str = "v1"


@dataclass(frozen=True)
class ShoplazzaSettings:
    """``store`` is the shop's sub-domain (``mystore`` of ``mystore.myshoplaza.com``) or a full host.

    ``base_url`` overrides the computed ``https://{store}.myshoplaza.com`` (simulator, proxies).
    """

    store: str
    access_token: str = field(repr=False)
    base_url: str | None = None
    api_version: str = SHOPLAZZA_API_VERSION


class ErpCredentialStore:
    """One profile's ERP settings and secrets: the entries ``qianyi`` and ``shoplazza`` of its
    :class:`~station.credentials.CredentialStore` (so :class:`~station.credentials.NoKeyringError`
    when no secure store is usable)."""

    def __init__(self, profile: str = "default") -> None:
        self.profile = profile
        self.store = CredentialStore(profile)

    def _get(self, erp: str) -> dict[str, str] | None:
        raw = self.store.read(erp)
        if not raw:
            return None
        data = json.loads(raw)
        return {str(k): str(v) for k, v in data.items() if v is not None}

    def _set(self, erp: str, data: dict[str, str | None]) -> None:
        self.store.write(erp, json.dumps(data))

    def load_qianyi(self) -> QianYiSettings | None:
        data = self._get("qianyi")
        if data is None:
            return None
        SECRETS.add(data["app_secret"])
        return QianYiSettings(
            data["app_id"], data["app_secret"], data.get("base_url", QIANYI_DEFAULT_URL), data.get("version", "v1")
        )

    def save_qianyi(self, settings: QianYiSettings) -> None:
        SECRETS.add(settings.app_secret)
        self._set(
            "qianyi",
            {
                "app_id": settings.app_id,
                "app_secret": settings.app_secret,
                "base_url": settings.base_url,
                "version": settings.version,
            },
        )

    def load_shoplazza(self) -> ShoplazzaSettings | None:
        data = self._get("shoplazza")
        if data is None:
            return None
        SECRETS.add(data["access_token"])
        return ShoplazzaSettings(
            data["store"],
            data["access_token"],
            data.get("base_url") or None,
            data.get("api_version", SHOPLAZZA_API_VERSION),
        )

    def save_shoplazza(self, settings: ShoplazzaSettings) -> None:
        SECRETS.add(settings.access_token)
        self._set(
            "shoplazza",
            {
                "store": settings.store,
                "access_token": settings.access_token,
                "base_url": settings.base_url,
                "api_version": settings.api_version,
            },
        )

    def delete(self, erp: str) -> None:
        self.store.forget(erp)
