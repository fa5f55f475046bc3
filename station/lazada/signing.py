"""Request signing as the Lazada Open Platform does it.

The sign is the uppercase hex HMAC-SHA256, keyed by the app secret, of the API path followed by
every parameter name and value (``sign`` itself left out), sorted by name in ASCII order.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from typing import Any

SIGN_METHOD = "sha256"


def sign(api_path: str, params: Mapping[str, str], app_secret: str) -> str:
    """Return the platform signature of ``params`` for ``api_path`` (e.g. ``/jit/purchase_order/package``)."""
    message = api_path + "".join(f"{name}{params[name]}" for name in sorted(params) if name != "sign")
    digest = hmac.new(app_secret.encode("utf-8"), message.encode("utf-8"), hashlib.sha256)
    return digest.hexdigest().upper()


def encode_value(value: Any) -> str:
    """Turn one API parameter into the string that is signed and sent.

    Lists and objects travel as compact JSON strings; booleans as ``true``/``false``.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def encode_params(params: Mapping[str, Any]) -> dict[str, str]:
    """Encode API parameters, dropping ``None`` and empty strings.

    The official SDKs disagree on whether empty values are signed, so none are sent at all.
    """
    encoded: dict[str, str] = {}
    for name, value in params.items():
        if value is None:
            continue
        text = encode_value(value)
        if text == "":
            continue
        encoded[name] = text
    return encoded


def now_ms() -> int:
    return int(time.time() * 1000)


def signed_params(
    api_path: str,
    params: Mapping[str, Any],
    *,
    app_key: str,
    app_secret: str,
    access_token: str | None,
    timestamp_ms: int | None = None,
) -> dict[str, str]:
    """Add the system parameters (``app_key``, ``timestamp``, ``sign_method``, ``access_token``) and the sign."""
    full = encode_params(params)
    full["app_key"] = app_key
    full["timestamp"] = str(timestamp_ms if timestamp_ms is not None else now_ms())
    full["sign_method"] = SIGN_METHOD
    if access_token:
        full["access_token"] = access_token
    full["sign"] = sign(api_path, full, app_secret)
    return full
