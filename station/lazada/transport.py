"""The Lazada transport: signs each call and reads the gateway envelope, on the connector core's HTTP
layer (:mod:`station.connector.http`), which retries what is safe to retry.

Reads are retried on flow limits, server errors and network failures. A state-changing call
(pack, ship) is retried only when the platform certainly did not act on it (flow limit, a
connection that was never made); otherwise :class:`OutcomeUnknownError` tells the caller to
read the status back before sending it again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

import requests

from station.connector.http import (
    DEFAULT_OPTIONS,
    ErrorKinds,
    HttpConnector,
    HttpOptions,
    JsonObject,
    json_object,
    keep_connections,
    trusted_cas,
)
from station.connector.ratelimit import RateLimiter
from station.connector.redact import SECRETS
from station.lazada.errors import (
    MalformedResponseError,
    NetworkError,
    OutcomeUnknownError,
    ServerError,
    StationApiError,
    classify_gateway,
)
from station.lazada.signing import signed_params

__all__ = ["JsonObject", "Transport", "keep_connections", "trusted_cas"]

log = logging.getLogger(__name__)

LAZADA_ERRORS = ErrorKinds(
    refused=StationApiError, network=NetworkError, outcome_unknown=OutcomeUnknownError, malformed=MalformedResponseError
)


class Transport(HttpConnector):
    def __init__(
        self,
        gateway_url: str,
        app_key: str,
        app_secret: str,
        *,
        auth_url: str | None = None,
        limiter: RateLimiter | None = None,
        options: HttpOptions = DEFAULT_OPTIONS,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.gateway_url = gateway_url.rstrip("/")
        self.auth_url = (auth_url or gateway_url).rstrip("/")
        self.app_key = app_key
        self._app_secret = app_secret
        SECRETS.add(app_secret)
        super().__init__(
            LAZADA_ERRORS, options, limiter=limiter, sleep=sleep, secure=self.gateway_url.startswith("https:")
        )

    def call(
        self,
        api_path: str,
        params: Mapping[str, Any],
        *,
        access_token: str | None = None,
        state_changing: bool = False,
        auth_api: bool = False,
    ) -> JsonObject:
        """Send one API call and return the decoded body once the gateway says ``code "0"``."""
        if access_token:
            SECRETS.add(access_token)
        url = (self.auth_url if auth_api else self.gateway_url) + api_path

        def form() -> dict[str, Any]:  # signed afresh for every attempt: the signature covers the time
            return {
                "data": signed_params(
                    api_path, params, app_key=self.app_key, app_secret=self._app_secret, access_token=access_token
                )
            }

        return self.send("POST", url, api_path, form, _envelope, state_changing=state_changing)


def _envelope(api_path: str, response: requests.Response) -> JsonObject:
    body = _decode(api_path, response)
    code = str(body.get("code", ""))
    request_id = _opt(body.get("request_id"))
    log.debug("%s -> code %s request %s", api_path, code, request_id)
    if code != "0":
        raise classify_gateway(code, _opt(body.get("type")), str(body.get("message", "")), request_id)
    return body


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)


def _decode(api_path: str, response: requests.Response) -> JsonObject:
    if response.status_code >= 500:
        raise ServerError(f"{api_path}: HTTP {response.status_code}")
    body = json_object(api_path, response, MalformedResponseError)
    if response.status_code >= 400 and str(body.get("code", "")) in ("", "0"):
        raise ServerError(f"{api_path}: HTTP {response.status_code}")
    return body
