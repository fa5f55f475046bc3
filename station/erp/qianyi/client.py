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
from typing import Any

import requests

from station import __version__
from station.erp.keystore import QianYiSettings
from station.erp.qianyi.errors import (
    QianYiError,
    QianYiMalformedError,
    QianYiNetworkError,
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
from station.lazada.redact import SECRETS

log = logging.getLogger(__name__)


def sign(params: Mapping[str, str], secret: str) -> str:
    """The QianYi signature of the public parameters (``sign`` itself left out)."""
    text = "".join(f"{key}={params[key]}" for key in sorted(params) if key != "sign") + secret
    return hashlib.md5(text.encode("utf-8")).hexdigest()


class QianYiClient:
    def __init__(self, settings: QianYiSettings, *, timeout: float = 20.0, read_retries: int = 2,
                 clock: Callable[[], float] = time.time, sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        SECRETS.add(settings.app_secret)
        self.url = f"{settings.base_url.rstrip('/')}/api/{settings.version}/purchase"
        self.timeout = timeout
        self.read_retries = read_retries
        self._clock = clock
        self._sleep = sleep
        self.session = requests.Session()
        self.session.headers["User-Agent"] = f"station/{__version__}"

    @property
    def account(self) -> str:
        """Who the purchase orders are created for: app ID at host (keys the replenishment record)."""
        return f"{self.settings.app_id}@{self.settings.base_url.rstrip('/')}"

    def close(self) -> None:
        self.session.close()

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

    def call(self, service_type: str, biz: Mapping[str, Any], *, state_changing: bool = False) -> dict[str, Any]:
        attempts = 1 if state_changing else 1 + self.read_retries
        last: QianYiError | None = None
        for attempt in range(attempts):
            if attempt:
                self._sleep(min(0.5 * 2 ** (attempt - 1), 4.0))
            try:
                return self._call_once(service_type, biz)
            except (QianYiNetworkError, QianYiServerError) as exc:
                last = exc
                log.warning("QianYi %s failed (%s), attempt %d of %d", service_type, exc.detail, attempt + 1,
                            attempts)
        assert last is not None
        raise last

    def _call_once(self, service_type: str, biz: Mapping[str, Any]) -> dict[str, Any]:
        params = self.public_params(service_type, biz)
        log.debug("QianYi %s %s", service_type, SECRETS.redact(params["bizParam"])[:300])
        try:
            response = self.session.post(self.url, files={k: (None, v) for k, v in params.items()},
                                         timeout=self.timeout)
        except requests.RequestException as exc:
            raise QianYiNetworkError(SECRETS.redact(type(exc).__name__ + ": " + str(exc))[:300]) from None
        if response.status_code >= 500:
            raise QianYiServerError(f"HTTP {response.status_code}")
        try:
            body = response.json()
        except ValueError:
            raise QianYiMalformedError(f"HTTP {response.status_code}: not JSON: {response.text[:120]!r}") from None
        if not isinstance(body, dict):
            raise QianYiMalformedError("the answer is not a JSON object")
        state = str(body.get("state") or "").lower()
        code = str(body.get("errorCode") or "")
        if state != "success" or code not in ("", "0"):
            raise classify(code, str(body.get("errorMsg") or f"HTTP {response.status_code}"))
        if response.status_code >= 400:
            raise QianYiError(f"HTTP {response.status_code}")
        content = body.get("bizContent")
        if content is None:
            return body
        if isinstance(content, str):
            try:
                content = json.loads(content) if content else {}
            except ValueError:
                raise QianYiMalformedError("bizContent is not JSON") from None
        if isinstance(content, list):
            return {"result": content, "total": len(content)}
        if not isinstance(content, dict):
            raise QianYiMalformedError("bizContent is not an object")
        return content

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
        return PurchaseOrderPage(total, tuple(PurchaseOrder.from_api(o) for o in result), query.page,
                                 query.page_size)

    def iter_orders(self, query: PurchaseOrderQuery | None = None, *, limit: int = 0) -> Iterator[PurchaseOrder]:
        """Every purchase order the filters match, page by page (``limit`` > 0 stops early)."""
        base = query or PurchaseOrderQuery(page_size=PAGE_SIZE_MAX)
        page_no = base.page
        count = 0
        while True:
            q = PurchaseOrderQuery(base.purchase_number, base.custom_number, base.status, base.update_time_from,
                                   base.update_time_to, page_no, base.page_size)
            page = self.query_page(q)
            for order in page.orders:
                yield order
                count += 1
                if limit and count >= limit:
                    return
            if not page.has_more:
                return
            page_no += 1

    def list_orders(self, query: PurchaseOrderQuery | None = None, *, limit: int = 0) -> list[PurchaseOrder]:
        return list(self.iter_orders(query, limit=limit))

    def find_by_custom_number(self, custom_number: str) -> list[PurchaseOrder]:
        return [o for o in self.list_orders(PurchaseOrderQuery(custom_number=custom_number, page_size=PAGE_SIZE_MAX))
                if o.custom_number == custom_number]

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
