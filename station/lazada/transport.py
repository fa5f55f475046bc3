"""HTTP transport: signs each call, reads the gateway envelope, retries what is safe to retry.

Reads are retried on flow limits, server errors and network failures. A state-changing call
(pack, ship) is retried only when the platform certainly did not act on it (flow limit, a
connection that was never made); otherwise :class:`OutcomeUnknownError` tells the caller to
read the status back before sending it again.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

import certifi
import requests
from requests.adapters import HTTPAdapter

from station import __version__
from station.lazada.errors import (
    FlowLimitError,
    MalformedResponseError,
    NetworkError,
    OutcomeUnknownError,
    ServerError,
    StationApiError,
    classify_gateway,
)
from station.lazada.ratelimit import RateLimiter
from station.lazada.redact import SECRETS
from station.lazada.signing import signed_params

log = logging.getLogger(__name__)

JsonObject = dict[str, Any]



def keep_connections(session: requests.Session, count: int) -> None:
    """Let ``session`` keep ``count`` connections per host open, for that many threads calling at
    once (requests keeps 10; a thread beyond them opens a new connection each time, and urllib3
    logs "Connection pool is full"). Retries are the caller's, not urllib3's."""
    adapter = HTTPAdapter(pool_connections=4, pool_maxsize=count, max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)

CA_VARIABLES = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")


def trusted_cas(verify: bool | str, *, warn: bool = True) -> bool | str:
    """What the platform's certificates are checked against: the CA file given (a simulator's test
    certificate), or for ``True`` the station's own CA list (certifi's, the one requests ships
    with) as a path, so that a CA bundle named in the environment is never trusted in its place."""
    if verify is not True:
        return verify
    for name in CA_VARIABLES:
        value = os.environ.get(name)
        if value and warn:
            log.warning("%s is set (%s); the station does not trust it for the Lazada platform and checks "
                        "certificates against its own CA list", name, value)
    return str(certifi.where())


class Transport:
    def __init__(
        self,
        gateway_url: str,
        app_key: str,
        app_secret: str,
        *,
        auth_url: str | None = None,
        limiter: RateLimiter | None = None,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        verify: bool | str = True,
        max_retries: int = 4,
        max_flow_retries: int = 10,
        pool_size: int = 16,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.gateway_url = gateway_url.rstrip("/")
        self.auth_url = (auth_url or gateway_url).rstrip("/")
        self.app_key = app_key
        self._app_secret = app_secret
        SECRETS.add(app_secret)
        self.limiter = limiter or RateLimiter(0)
        self.timeout = (connect_timeout, read_timeout)
        self.max_retries = max_retries
        self.max_flow_retries = max_flow_retries
        self._sleep = sleep
        self._count_lock = threading.Lock()
        self.calls_sent = 0  # every HTTP request made, retries included (benchmarks read it)
        # A CA file's path, passed on every request too: for verify=True (or a session's own
        # setting) requests would take REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE instead.
        self.verify = trusted_cas(verify, warn=self.gateway_url.startswith("https:"))  # only said where it counts
        self.session = requests.Session()
        self.session.verify = self.verify
        self.session.headers["User-Agent"] = f"station/{__version__}"
        keep_connections(self.session, pool_size)

    def close(self) -> None:
        self.session.close()

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
        failures = 0
        flow_waits = 0
        while True:
            try:
                return self._send_once(api_path, params, access_token, auth_api)
            except FlowLimitError as exc:
                # The gateway refused before doing anything: safe to resend, state-changing or not.
                flow_waits += 1
                if flow_waits > self.max_flow_retries:
                    raise
                wait = exc.retry_after * min(2 ** (flow_waits - 1), 8)
                log.info("flow limit on %s, waiting %.2f s (try %d)", api_path, wait, flow_waits)
                self.limiter.pause(wait)
            except _NotSent as exc:
                failures += 1
                if failures > self.max_retries:
                    raise exc.error from None
                self._backoff(api_path, failures, exc.error)
            except (ServerError, NetworkError, MalformedResponseError) as exc:
                if state_changing:
                    raise OutcomeUnknownError(
                        f"{api_path}: {exc.detail or type(exc).__name__}", request_id=exc.request_id
                    ) from exc
                failures += 1
                if failures > self.max_retries:
                    raise
                self._backoff(api_path, failures, exc)

    def _backoff(self, api_path: str, failures: int, error: StationApiError) -> None:
        wait = min(0.25 * 2 ** (failures - 1), 4.0)
        log.warning("%s failed (%s); retry %d in %.2f s", api_path, error.detail or type(error).__name__,
                    failures, wait)
        self._sleep(wait)

    def _send_once(
        self, api_path: str, params: Mapping[str, Any], access_token: str | None, auth_api: bool
    ) -> JsonObject:
        self.limiter.acquire()
        with self._count_lock:
            self.calls_sent += 1
        form = signed_params(
            api_path, params, app_key=self.app_key, app_secret=self._app_secret, access_token=access_token
        )
        url = (self.auth_url if auth_api else self.gateway_url) + api_path
        started = time.monotonic()
        try:
            # Never follow a redirect: it would re-send the signed form, access token included, to
            # wherever the answer points (a 307 or 308 keeps the POST and its body).
            response = self.session.post(url, data=form, timeout=self.timeout, verify=self.verify,
                                         allow_redirects=False)
        except requests.exceptions.ConnectTimeout as exc:
            raise _NotSent(NetworkError(f"{api_path}: connection timed out")) from exc
        except requests.exceptions.SSLError as exc:
            # Certificate problems do not heal by retrying; never fall back to an unchecked connection.
            raise StationApiError(
                f"{api_path}: {type(exc).__name__}",
                operator_message="The secure connection to the platform could not be verified. "
                "Check the computer's date and any proxy or antivirus that intercepts HTTPS.",
            ) from exc
        except requests.exceptions.ConnectionError as exc:
            if _never_connected(exc):
                raise _NotSent(NetworkError(f"{api_path}: could not connect")) from exc
            raise NetworkError(f"{api_path}: connection lost before the answer") from exc
        except requests.exceptions.Timeout as exc:
            raise NetworkError(f"{api_path}: no answer within {self.timeout[1]:.0f} s") from exc
        except requests.exceptions.RequestException as exc:
            raise NetworkError(f"{api_path}: {type(exc).__name__}") from exc
        elapsed_ms = (time.monotonic() - started) * 1000
        if 300 <= response.status_code < 400:
            raise _redirected(api_path, url, response)
        body = _decode(api_path, response)
        code = str(body.get("code", ""))
        request_id = _opt(body.get("request_id"))
        log.debug("%s -> HTTP %d code %s request %s in %.0f ms", api_path, response.status_code, code,
                  request_id, elapsed_ms)
        if code != "0":
            raise classify_gateway(code, _opt(body.get("type")), str(body.get("message", "")), request_id)
        return body


class _NotSent(Exception):
    """Internal: the request certainly never reached the platform, so resending is safe."""

    def __init__(self, error: StationApiError) -> None:
        super().__init__(error.detail)
        self.error = error


def _redirected(api_path: str, url: str, response: requests.Response) -> StationApiError:
    """The gateway answered with a redirect: refused, naming where it pointed (host and port only,
    nothing of the query), and not retried. The platform did not act on the call."""
    location = response.headers.get("Location", "")
    target = urlsplit(urljoin(url, location)) if location else None
    where = "nowhere"
    if target is not None and target.hostname:  # never the user name or password a link may carry
        try:
            port = f":{target.port}" if target.port else ""
        except ValueError:
            port = ""
        where = f"{target.scheme}://{target.hostname}{port}"
    return StationApiError(
        f"{api_path}: HTTP {response.status_code} redirect to {where}",
        operator_message=f"The platform's address answered with a redirect to {where}; the station never follows "
        "one with the shop's credentials. Check the gateway address and any proxy in between.",
    )


def _never_connected(exc: requests.exceptions.ConnectionError) -> bool:
    text = repr(exc)
    return "NewConnectionError" in text or "Connection refused" in text or "NameResolutionError" in text


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)


def _decode(api_path: str, response: requests.Response) -> JsonObject:
    if response.status_code >= 500:
        raise ServerError(f"{api_path}: HTTP {response.status_code}")
    try:
        body = response.json()
    except RecursionError:  # nested deeper than Python's recursion limit
        raise MalformedResponseError(f"{api_path}: HTTP {response.status_code}, JSON nested too deep") from None
    except ValueError:
        raise MalformedResponseError(
            f"{api_path}: HTTP {response.status_code}, not JSON: {response.text[:60]!r}"
        ) from None
    if not isinstance(body, dict):
        raise MalformedResponseError(f"{api_path}: the answer is not a JSON object")
    if response.status_code >= 400 and str(body.get("code", "")) in ("", "0"):
        raise ServerError(f"{api_path}: HTTP {response.status_code}")
    return body
