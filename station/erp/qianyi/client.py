"""The QianYi open-API client: MD5-signed form posts to ``{host}/api/{version}/purchase``.

Authentication (not in the purchase-order page; from QianYi's "Authentication & Request Protocol" page):
every call is a ``multipart/form-data`` POST of ``appId``, ``serviceType``, ``bizParam`` (the JSON
parameters), ``timestamp`` (milliseconds) and ``sign`` = lower-case hex MD5 of the other four as
``name=value`` in ASCII order of the names, concatenated with no separator, followed by the app secret.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import Any

import requests

from station.connector import errors as kinds
from station.connector.http import ErrorKinds, HttpConnector, JsonObject, json_object
from station.connector.paging import walk
from station.connector.ratelimit import RateLimiter
from station.connector.redact import SECRETS
from station.erp.keystore import QianYiSettings
from station.erp.qianyi.errors import (
    QianYiError,
    QianYiMalformedError,
    QianYiNetworkError,
    QianYiOutcomeUnknownError,
    QianYiServerError,
    classify,
)
from station.erp.qianyi.models import (
    PAGE_SIZE_MAX,
    SERVICE_CREATE,
    SERVICE_QUERY,
    PurchaseOrder,
    PurchaseOrderPage,
    PurchaseOrderQuery,
    PurchaseOrderRequest,
)

log = logging.getLogger(__name__)

# A create answered with a server error was refused by QianYi ("system busy"): raised as it is.
QIANYI_ERRORS = ErrorKinds(
    refused=QianYiError,
    network=QianYiNetworkError,
    outcome_unknown=QianYiOutcomeUnknownError,
    malformed=QianYiMalformedError,
    unknown_after=(kinds.NetworkError, kinds.MalformedResponseError),
)


def sign(params: Mapping[str, str], secret: str) -> str:
    """The QianYi signature of the public parameters (``sign`` itself left out)."""
    text = "".join(f"{key}={params[key]}" for key in sorted(params) if key != "sign") + secret
    return hashlib.md5(text.encode("utf-8")).hexdigest()


class QianYiClient:
    def __init__(
        self,
        settings: QianYiSettings,
        *,
        timeout: float = 20.0,
        read_retries: int = 2,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        limiter: RateLimiter | None = None,
    ) -> None:
        self.settings = settings
        SECRETS.add(settings.app_secret)
        self.url = f"{settings.base_url.rstrip('/')}/api/{settings.version}/purchase"
        self.timeout = timeout
        self.read_retries = read_retries
        self._clock = clock
        self.http = HttpConnector.plain(
            QIANYI_ERRORS,
            self.url,
            "the QianYi ERP",
            timeout=timeout,
            retries=read_retries,
            sleep=sleep,
            limiter=limiter,
        )

    @property
    def session(self) -> requests.Session:
        return self.http.session

    @property
    def account(self) -> str:
        """Who the purchase orders are created for: app ID at host (keys the replenishment record)."""
        return f"{self.settings.app_id}@{self.settings.base_url.rstrip('/')}"

    def close(self) -> None:
        self.http.close()

    # ----- plumbing ---------------------------------------------------------------------------
    def public_params(self, service_type: str, biz: Mapping[str, Any]) -> dict[str, str]:
        params = {
            "appId": self.settings.app_id,
            "serviceType": service_type,
            "bizParam": json.dumps(biz, ensure_ascii=False, separators=(",", ":")),
            "timestamp": str(int(self._clock() * 1000)),
        }
        params["sign"] = sign(params, self.settings.app_secret)
        return params

    def call(self, service_type: str, biz: Mapping[str, Any], *, state_changing: bool = False) -> JsonObject:
        """One call; reads are retried, a create or update only when it certainly never reached QianYi."""

        def form() -> dict[str, Any]:  # signed afresh for every attempt: the signature covers the time
            params = self.public_params(service_type, biz)
            log.debug("QianYi %s %s", service_type, SECRETS.redact(params["bizParam"])[:300])
            return {"files": {k: (None, v) for k, v in params.items()}}

        return self.http.send("POST", self.url, service_type, form, _answer, state_changing=state_changing)

    # ----- purchase orders --------------------------------------------------------------------
    def query_page(self, query: PurchaseOrderQuery) -> PurchaseOrderPage:
        data = self.call(SERVICE_QUERY, query.to_api())
        result = data.get("result") or []
        if not isinstance(result, list):
            raise QianYiMalformedError("result is not a list")
        try:
            total = int(data.get("total") or 0)
        except (TypeError, ValueError, OverflowError):
            raise QianYiMalformedError(f"total is not a number: {data.get('total')!r}") from None
        return PurchaseOrderPage(total, tuple(PurchaseOrder.from_api(o) for o in result), query.page, query.page_size)

    def iter_orders(self, query: PurchaseOrderQuery | None = None, *, limit: int = 0) -> Iterator[PurchaseOrder]:
        """Every purchase order the filters match, page by page (``limit`` > 0 stops early)."""
        return walk(
            query or PurchaseOrderQuery(page_size=PAGE_SIZE_MAX),
            self.query_page,
            lambda p: p.orders,
            lambda q, p: replace(q, page=q.page + 1) if p.has_more else None,
            limit=limit,
        )

    def list_orders(self, query: PurchaseOrderQuery | None = None, *, limit: int = 0) -> list[PurchaseOrder]:
        return list(self.iter_orders(query, limit=limit))

    def find_by_custom_number(self, custom_number: str) -> list[PurchaseOrder]:
        return [
            o
            for o in self.list_orders(PurchaseOrderQuery(custom_number=custom_number, page_size=PAGE_SIZE_MAX))
            if o.custom_number == custom_number
        ]

    def save(self, request: PurchaseOrderRequest) -> PurchaseOrder:
        """Create (or, with ``is_update``, update) a purchase order; the saved order as QianYi returns it.

        Never retried on its own: after a network failure, look the order up by its ``customNumber``.
        """
        data = self.call(SERVICE_CREATE, request.to_api(), state_changing=True)
        result = data.get("result")
        if isinstance(result, dict):
            result = [result]
        if not isinstance(result, list) or not result:
            raise QianYiMalformedError("the created purchase order is missing from the answer")
        return PurchaseOrder.from_api(result[0])


def _answer(service_type: str, response: requests.Response) -> JsonObject:
    """The ``bizContent`` of a successful answer (a list becomes ``result`` and ``total``)."""
    if response.status_code >= 500:
        raise QianYiServerError(f"{service_type}: HTTP {response.status_code}")
    body = json_object(service_type, response, QianYiMalformedError)
    state = str(body.get("state") or "").lower()
    code = str(body.get("errorCode") or "")
    if state != "success" or code not in ("", "0"):
        raise classify(code, str(body.get("errorMsg") or f"HTTP {response.status_code}"))
    if response.status_code >= 400:
        raise QianYiError(f"{service_type}: HTTP {response.status_code}")
    content = body.get("bizContent")
    if content is None:
        return body
    if isinstance(content, str):
        try:
            content = json.loads(content) if content else {}
        except (ValueError, RecursionError):
            raise QianYiMalformedError(f"{service_type}: bizContent is not JSON") from None
    if isinstance(content, list):
        return {"result": content, "total": len(content)}
    if not isinstance(content, dict):
        raise QianYiMalformedError(f"{service_type}: bizContent is not an object")
    return content
