"""The Shoplazza OpenAPI client for procurements.

Authentication: Shoplazza's OpenAPI takes the store's access token in an ``Access-Token`` header; the
host is the store's own domain, ``https://{store}.myshoplaza.com/openapi/{version}/...``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator

import requests

from station.connector.http import ErrorKinds, HttpConnector, JsonObject, json_object
from station.connector.paging import walk
from station.connector.ratelimit import RateLimiter
from station.connector.redact import SECRETS
from station.erp.keystore import ShoplazzaSettings
from station.erp.shoplazza.errors import (
    ShoplazzaError,
    ShoplazzaMalformedError,
    ShoplazzaNetworkError,
    ShoplazzaOutcomeUnknownError,
    ShoplazzaValidationError,
    classify,
)
from station.erp.shoplazza.models import LIMIT_MAX, Procurement, ProcurementLine, ProcurementPage, ProcurementQuery
from station.problems import Problem

log = logging.getLogger(__name__)

SHOPLAZZA_ERRORS = ErrorKinds(
    refused=ShoplazzaError,
    network=ShoplazzaNetworkError,
    outcome_unknown=ShoplazzaOutcomeUnknownError,
    malformed=ShoplazzaMalformedError,
)


def store_base_url(store: str) -> str:
    """``mystore`` or ``mystore.myshoplaza.com`` or ``https://mystore.myshoplaza.com`` → the https origin."""
    text = store.strip().rstrip("/")
    if not text:
        raise ShoplazzaValidationError("The Shoplazza store domain is missing.")
    if text.startswith(("http://", "https://")):
        return text
    if "." not in text:
        text = f"{text}.myshoplaza.com"
    return f"https://{text}"


class ShoplazzaClient:
    def __init__(
        self,
        settings: ShoplazzaSettings,
        *,
        timeout: float = 20.0,
        retries: int = 2,
        sleep: Callable[[float], None] = time.sleep,
        limiter: RateLimiter | None = None,
    ) -> None:
        self.settings = settings
        SECRETS.add(settings.access_token)
        origin = settings.base_url.rstrip("/") if settings.base_url else store_base_url(settings.store)
        self.api_url = f"{origin}/openapi/{settings.api_version}"
        self.timeout = timeout
        self.retries = retries
        self.http = HttpConnector.plain(
            SHOPLAZZA_ERRORS, self.api_url, "Shoplazza", timeout=timeout, retries=retries, sleep=sleep, limiter=limiter
        )
        self.session.headers["Access-Token"] = settings.access_token
        self.session.headers["Accept"] = "application/json"

    @property
    def session(self) -> requests.Session:
        return self.http.session

    def close(self) -> None:
        self.http.close()

    def get(self, path: str, params: dict[str, str] | None = None) -> JsonObject:
        """``GET`` a path of the OpenAPI (retried on rate limits, server errors and network failures)."""
        return self.http.send("GET", self.api_url + path, path, lambda: {"params": params}, _answer)

    # ----- procurements -----------------------------------------------------------------------
    def list_page(self, query: ProcurementQuery) -> ProcurementPage:
        body = self.get("/center/procurements", query.to_params())
        rows = body.get("procurements") or []
        if not isinstance(rows, list):
            raise ShoplazzaMalformedError("procurements is not a list")
        procurements = tuple(Procurement.from_api(r) for r in rows)
        try:
            count = int(body.get("count", len(procurements)))
        except (TypeError, ValueError, OverflowError):
            raise ShoplazzaMalformedError(f"count is not a number: {body.get('count')!r}") from None
        return ProcurementPage(count, procurements, query.page, query.limit)

    def iter_procurements(
        self, query: ProcurementQuery | None = None, *, max_pages: int = 1000, limit_total: int = 0
    ) -> Iterator[Procurement]:
        return walk(
            query or ProcurementQuery(limit=LIMIT_MAX),
            self.list_page,
            lambda p: p.procurements,
            lambda q, p: q.with_page(q.page + 1) if p.has_more else None,
            limit=limit_total,
            max_pages=max_pages,
        )

    def list_procurements(self, query: ProcurementQuery | None = None, *, limit_total: int = 0) -> list[Procurement]:
        return list(self.iter_procurements(query, limit_total=limit_total))

    def get_procurement(self, procurement_id: str) -> Procurement:
        page = self.list_page(ProcurementQuery(ids=(procurement_id,), limit=1))
        for p in page.procurements:
            if p.id == procurement_id:
                return p
        raise ShoplazzaError(
            f"procurement {procurement_id} not found",
            problem=Problem("shoplazza.no_procurement", {"id": procurement_id}),
        )

    def procurement_lines(self, procurement_id: str) -> list[ProcurementLine]:
        """The SKUs of a procurement, from ``GET /center/procurements/{id}`` (``procurement.line_items``).

        The detail endpoint is not in the list page we were given; its shape is an assumption (docs/erp.md).
        """
        if not procurement_id.isdigit():
            raise ShoplazzaValidationError(f"A procurement id is a whole number, not {procurement_id!r}.")
        body = self.get(f"/center/procurements/{procurement_id}")
        record = body.get("procurement", body)
        if not isinstance(record, dict):
            raise ShoplazzaMalformedError("procurement is not an object")
        lines = record.get("line_items") or []
        if not isinstance(lines, list):
            raise ShoplazzaMalformedError("line_items is not a list")
        return [ProcurementLine.from_api(line) for line in lines]


def _answer(path: str, response: requests.Response) -> JsonObject:
    if response.status_code >= 400:
        raise classify(response.status_code, _error_text(response))
    return json_object(path, response, ShoplazzaMalformedError)


def _error_text(response: requests.Response) -> str:
    """``error`` or ``errors`` of the body (both forms are documented), else the status text."""
    try:
        body = response.json()
    except (ValueError, RecursionError):
        body = None
    if isinstance(body, dict):
        if body.get("error"):
            return f"HTTP {response.status_code}: {body['error']}"
        errors = body.get("errors")
        if isinstance(errors, list) and errors:
            return f"HTTP {response.status_code}: " + "; ".join(str(e) for e in errors)
        if isinstance(errors, (str, dict)) and errors:
            return f"HTTP {response.status_code}: {errors}"
    text = (response.text or response.reason or "").strip()
    return f"HTTP {response.status_code}: {text[:200]}"
