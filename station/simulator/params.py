"""Parameters and ``result`` objects shared by the JIT endpoints."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from station.lazada.limits import PO_PAGE_SIZE_DEFAULT
from station.simulator.gateway import trace_suffix


class BusinessError(Exception):
    """A ``success: false`` answer with ``error_code`` (may be ``None``) and a message."""

    def __init__(self, error_code: str | None, message: str) -> None:
        super().__init__(message)
        self.error_code = error_code
        self.message = message


def invalid(message: str) -> BusinessError:
    return BusinessError("INVALID_PARAM", message)


def failure(error: BusinessError, *, paged: bool, page_index: int = 1, page_size: int = 20) -> dict[str, Any]:
    result: dict[str, Any] = {
        "data": None,
        "success": False,
        "error_message": error.message + trace_suffix(),
        "error_code": error.error_code,
    }
    if paged:
        result.update(
            current_page_count=0,
            need_pagination=True,
            page_index=page_index,
            total_page=0,
            page_size=page_size,
            total_count=0,
        )
    return result


def ok(data: Any) -> dict[str, Any]:
    return {"data": data, "success": True, "error_message": None, "error_code": None}


# ----- parameter parsing ---------------------------------------------------------------------


def list_param(params: Mapping[str, str], name: str, maximum: int, *, required: bool) -> list[str]:
    text = params.get(name, "").strip()
    if not text:
        if required:
            raise invalid(f"the input param {name} can not be empty")
        return []
    if text.startswith("["):
        try:
            raw = json.loads(text)
        except json.JSONDecodeError:
            raise invalid(f"the input param {name} '{text[:60]}', can not parse to String[]") from None
        if not isinstance(raw, list):
            raise invalid(f"the input param {name} '{text[:60]}', can not parse to String[]")
        values = [str(v).strip() for v in raw if v is not None and str(v).strip()]
    else:
        values = [v.strip() for v in text.split(",") if v.strip()]
    values = list(dict.fromkeys(values))  # the platform ignores repeats
    if required and not values:
        raise invalid(f"the input param {name} can not be empty")
    if len(values) > maximum:
        raise invalid(f"the input param {name} size is : {len(values)}, max support {maximum}")
    return values


def int_param(params: Mapping[str, str], name: str, default: int, maximum: int | None = None) -> int:
    text = params.get(name, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        raise invalid(f"the input param {name} '{text}', can not format to Number") from None
    if maximum is not None and value > maximum:
        raise invalid(f"the input param {name} is : {value}, max support {maximum}")
    if value < 1:
        raise invalid(f"the input param {name} is : {value}, min support 1")
    return value


def paging(params: Mapping[str, str], maximum: int) -> tuple[int, int]:
    return int_param(params, "page_index", 1), int_param(params, "page_size", PO_PAGE_SIZE_DEFAULT, maximum)


def safe_paging(params: Mapping[str, str], maximum: int) -> tuple[int, int]:
    """Paging values to echo in a failure answer."""
    try:
        index = max(1, int(params.get("page_index", "1") or 1))
    except ValueError:
        index = 1
    try:
        size = min(maximum, max(1, int(params.get("page_size", "") or PO_PAGE_SIZE_DEFAULT)))
    except ValueError:
        size = PO_PAGE_SIZE_DEFAULT
    return index, size


def paged(records: list[dict[str, Any]], total: int, page_index: int, page_size: int) -> dict[str, Any]:
    result = ok(records)
    result.update(
        current_page_count=len(records),
        need_pagination=True,
        page_index=page_index,
        page_size=page_size,
        total_page=math.ceil(total / page_size),
        total_count=total,
    )
    return result
