"""Shoplazza errors, each with the sentence the operator reads (same base class as the Lazada errors)."""

from __future__ import annotations

from station.lazada.errors import RequestValidationError, StationApiError


class ShoplazzaError(StationApiError):
    operator_message = "Shoplazza refused the request."


class ShoplazzaValidationError(RequestValidationError):
    """A filter broke a documented rule; nothing was sent."""


class ShoplazzaBadRequestError(ShoplazzaError):
    operator_message = ("Shoplazza did not accept the request: a filter has the wrong format (dates like "
                        "2024-06-26T11:52:00Z, whole numbers for page, limit and ids). Check the filters.")


class ShoplazzaAuthError(ShoplazzaError):
    operator_message = ("Shoplazza did not accept the access token. Check the store domain and the access token "
                        "in the ERP settings (the app needs the read_inventory scope).")


class ShoplazzaForbiddenError(ShoplazzaAuthError):
    operator_message = "The Shoplazza app may not read procurements. Grant it the read_inventory scope."


class ShoplazzaNotFoundError(ShoplazzaError):
    operator_message = "Shoplazza does not know this store or procurement. Check the store domain and refresh."


class ShoplazzaRateLimitError(ShoplazzaError):
    operator_message = "Shoplazza is limiting how often we call it. Wait a moment, then try again."
    retryable = True


class ShoplazzaServerError(ShoplazzaError):
    operator_message = "Shoplazza had a problem on its side. Try again in a moment."
    retryable = True


class ShoplazzaNetworkError(ShoplazzaError):
    operator_message = "No answer from Shoplazza. Check the internet connection and the store domain."
    retryable = True


class ShoplazzaMalformedError(ShoplazzaError):
    operator_message = "Shoplazza sent an answer the station cannot read. Try again; if it persists, report it."


def classify(status: int, message: str) -> ShoplazzaError:
    cls: type[ShoplazzaError]
    if status == 400:
        cls = ShoplazzaBadRequestError
    elif status == 401:
        cls = ShoplazzaAuthError
    elif status == 403:
        cls = ShoplazzaForbiddenError
    elif status == 404:
        cls = ShoplazzaNotFoundError
    elif status == 429:
        cls = ShoplazzaRateLimitError
    elif status >= 500:
        cls = ShoplazzaServerError
    else:
        cls = ShoplazzaError
    return cls(message, code=str(status))
