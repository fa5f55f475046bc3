"""The HTTP layer every connector builds on: one session, timeouts, a connection pool sized for the
threads calling, a shared rate limit, call counting, redaction, and retries of what is safe to retry.

Reads are retried on rate limits, server errors, network failures (and whatever else the connector
marks ``retryable``). A state-changing call is retried only when the service certainly did not act on
it (a rate limit, a connection that was never made); otherwise the connector's
:class:`~station.connector.errors.OutcomeUnknownError` tells the caller to read the state back before
sending it again. Redirects are never followed (they would carry the credentials elsewhere), and
certificates are checked against the station's own CA list, never one named in the environment.

What an answer means is the connector's: it passes a ``decode`` function that turns the response into
its value or raises the connector's own error; :func:`json_object` reads the body the same way for all.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import certifi
import requests
from requests.adapters import HTTPAdapter

from station import __version__
from station.connector import errors as kinds
from station.connector.ratelimit import RateLimiter

log = logging.getLogger(__name__)

JsonObject = dict[str, Any]
T = TypeVar("T")
Decode = Callable[[str, requests.Response], T]

CA_VARIABLES = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")


def keep_connections(session: requests.Session, count: int) -> None:
    """Let ``session`` keep ``count`` connections per host open, for that many threads calling at
    once (requests keeps 10; a thread beyond them opens a new connection each time, and urllib3
    logs "Connection pool is full"). Retries are the caller's, not urllib3's."""
    adapter = HTTPAdapter(pool_connections=4, pool_maxsize=count, max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)


def trusted_cas(verify: bool | str, *, warn: bool = True, service: str = "the Lazada platform") -> bool | str:
    """What a service's certificates are checked against: the CA file given (a simulator's test
    certificate), or for ``True`` the station's own CA list (certifi's, the one requests ships
    with) as a path, so that a CA bundle named in the environment is never trusted in its place."""
    if verify is not True:
        return verify
    for name in CA_VARIABLES:
        value = os.environ.get(name)
        if value and warn:
            log.warning(
                "%s is set (%s); the station does not trust it for %s and checks certificates against its own CA list",
                name,
                value,
                service,
            )
    return str(certifi.where())


@dataclass(frozen=True)
class ErrorKinds:
    """A connector's own classes for what the HTTP layer itself raises."""

    refused: type[kinds.StationApiError]  # an unverifiable certificate, a redirect: not retried
    network: type[kinds.NetworkError]
    outcome_unknown: type[kinds.OutcomeUnknownError]
    malformed: type[kinds.MalformedResponseError]
    # the failures of a state-changing call after which the service may have acted on it
    unknown_after: tuple[type[kinds.StationApiError], ...] = (
        kinds.ServerError,
        kinds.NetworkError,
        kinds.MalformedResponseError,
    )


@dataclass(frozen=True)
class HttpOptions:
    """How a session calls its service: timeouts, the certificates to trust, retries and pool size."""

    connect_timeout: float = 5.0
    read_timeout: float = 30.0
    verify: bool | str = True  # True: the station's own CA list; a path: that CA file (a simulator's)
    max_retries: int = 4  # of network and server failures
    max_flow_retries: int = 10  # of rate limits
    pool_size: int = 16  # connections kept open: one per thread calling at once
    first_backoff: float = 0.25  # seconds before the first retry, doubled for each one after it


DEFAULT_OPTIONS = HttpOptions()


class HttpConnector:
    """One remote service's session. ``send`` makes a call with the retries above."""

    def __init__(
        self,
        errors: ErrorKinds,
        options: HttpOptions = DEFAULT_OPTIONS,
        *,
        limiter: RateLimiter | None = None,
        sleep: Callable[[float], None] = time.sleep,
        secure: bool = True,
        service: str = "the Lazada platform",
    ) -> None:
        self.errors = errors
        self.limiter = limiter or RateLimiter(0)
        self.timeout = (options.connect_timeout, options.read_timeout)
        self.max_retries = options.max_retries
        self.max_flow_retries = options.max_flow_retries
        self.first_backoff = options.first_backoff
        self._sleep = sleep
        self._count_lock = threading.Lock()
        self.calls_sent = 0  # every HTTP request made, retries included (benchmarks read it)
        # A CA file's path, passed on every request too: for verify=True (or a session's own
        # setting) requests would take REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE instead.
        self.verify = trusted_cas(options.verify, warn=secure, service=service)  # only said where it counts
        self.session = requests.Session()
        self.session.verify = self.verify
        self.session.headers["User-Agent"] = f"station/{__version__}"
        keep_connections(self.session, options.pool_size)

    @classmethod
    def plain(
        cls,
        errors: ErrorKinds,
        url: str,
        service: str,
        *,
        timeout: float,
        retries: int,
        sleep: Callable[[float], None],
        limiter: RateLimiter | None,
    ) -> HttpConnector:
        """A service with one timeout for connecting and reading, and as many retries of rate limits as of
        other failures, starting at half a second (the ERPs)."""
        options = HttpOptions(
            connect_timeout=timeout,
            read_timeout=timeout,
            max_retries=retries,
            max_flow_retries=retries,
            first_backoff=0.5,
        )
        return cls(
            errors,
            options,
            limiter=limiter or RateLimiter(0, sleep=sleep),
            sleep=sleep,
            secure=url.startswith("https:"),
            service=service,
        )

    def close(self) -> None:
        self.session.close()

    def send(
        self,
        method: str,
        url: str,
        label: str,
        request: Callable[[], dict[str, Any]],
        decode: Decode[T],
        *,
        state_changing: bool = False,
    ) -> T:
        """Send one call and return ``decode(label, response)``; ``label`` names the call in errors and the
        log. ``request()`` gives requests' ``data``, ``files``, ``params`` or ``headers``, made afresh for
        every attempt (a signature over the current time)."""
        failures = 0
        flow_waits = 0
        while True:
            try:
                return self._send_once(method, url, label, request(), decode)
            except kinds.RateLimitError as exc:
                # Refused before anything was done: safe to resend, state-changing or not.
                flow_waits += 1
                if flow_waits > self.max_flow_retries:
                    raise
                wait = exc.retry_after * min(2 ** (flow_waits - 1), 8)
                log.info("rate limit on %s, waiting %.2f s (try %d)", label, wait, flow_waits)
                self.limiter.pause(wait)
            except _NotSent as exc:
                failures += 1
                if failures > self.max_retries:
                    raise exc.error from None
                self._backoff(label, failures, exc.error)
            except kinds.StationApiError as exc:
                if state_changing and isinstance(exc, self.errors.unknown_after):
                    raise self.errors.outcome_unknown(
                        f"{label}: {exc.detail or type(exc).__name__}", request_id=exc.request_id
                    ) from exc
                failures += 1
                if state_changing or not exc.retryable or failures > self.max_retries:
                    raise
                self._backoff(label, failures, exc)

    def _backoff(self, label: str, failures: int, error: kinds.StationApiError) -> None:
        wait = min(self.first_backoff * 2 ** (failures - 1), 4.0)
        log.warning("%s failed (%s); retry %d in %.2f s", label, error.detail or type(error).__name__, failures, wait)
        self._sleep(wait)

    def _send_once(self, method: str, url: str, label: str, request: dict[str, Any], decode: Decode[T]) -> T:
        self.limiter.acquire()
        with self._count_lock:
            self.calls_sent += 1
        network = self.errors.network
        started = time.monotonic()
        try:
            # Never follow a redirect: it would re-send the signed form or the token header, and
            # the body, to wherever the answer points (a 307 or 308 keeps the POST and its body).
            response = self.session.request(
                method, url, timeout=self.timeout, verify=self.verify, allow_redirects=False, **request
            )
        except requests.exceptions.ConnectTimeout as exc:
            raise _NotSent(network(f"{label}: connection timed out")) from exc
        except requests.exceptions.SSLError as exc:
            # Certificate problems do not heal by retrying; never fall back to an unchecked connection.
            raise self.errors.refused(
                f"{label}: {type(exc).__name__}",
                operator_message="The secure connection to the platform could not be verified. "
                "Check the computer's date and any proxy or antivirus that intercepts HTTPS.",
            ) from exc
        except requests.exceptions.ConnectionError as exc:
            if _never_connected(exc):
                raise _NotSent(network(f"{label}: could not connect")) from exc
            raise network(f"{label}: connection lost before the answer") from exc
        except requests.exceptions.Timeout as exc:
            raise network(f"{label}: no answer within {self.timeout[1]:.0f} s") from exc
        except requests.exceptions.RequestException as exc:
            raise network(f"{label}: {type(exc).__name__}") from exc
        log.debug("%s -> HTTP %d in %.0f ms", label, response.status_code, (time.monotonic() - started) * 1000)
        if 300 <= response.status_code < 400:
            raise self._redirected(label, url, response)
        return decode(label, response)

    def _redirected(self, label: str, url: str, response: requests.Response) -> kinds.StationApiError:
        """The service answered with a redirect: refused, naming where it pointed (host and port only,
        nothing of the query), and not retried. The service did not act on the call."""
        location = response.headers.get("Location", "")
        target = urlsplit(urljoin(url, location)) if location else None
        where = "nowhere"
        if target is not None and target.hostname:  # never the user name or password a link may carry
            try:
                port = f":{target.port}" if target.port else ""
            except ValueError:
                port = ""
            where = f"{target.scheme}://{target.hostname}{port}"
        return self.errors.refused(
            f"{label}: HTTP {response.status_code} redirect to {where}",
            operator_message=f"The platform's address answered with a redirect to {where}; the station never "
            "follows one with the shop's credentials. Check the gateway address and any proxy in between.",
        )


class _NotSent(Exception):
    """Internal: the request certainly never reached the service, so resending is safe."""

    def __init__(self, error: kinds.StationApiError) -> None:
        super().__init__(error.detail)
        self.error = error


def _never_connected(exc: requests.exceptions.ConnectionError) -> bool:
    text = repr(exc)
    return "NewConnectionError" in text or "Connection refused" in text or "NameResolutionError" in text


def json_object(label: str, response: requests.Response, malformed: type[kinds.MalformedResponseError]) -> JsonObject:
    """The body as a JSON object, else ``malformed``: not JSON, nested deeper than Python reads, or not
    an object."""
    try:
        body = response.json()
    except RecursionError:  # nested deeper than Python's recursion limit
        raise malformed(f"{label}: HTTP {response.status_code}, JSON nested too deep") from None
    except ValueError:
        raise malformed(f"{label}: HTTP {response.status_code}, not JSON: {response.text[:60]!r}") from None
    if not isinstance(body, dict):
        raise malformed(f"{label}: the answer is not a JSON object")
    return body
