"""Shoplazza errors, each with the sentence the operator reads; they derive from the connector core's kinds
of failure (:mod:`station.connector.errors`), like the Lazada errors."""

from __future__ import annotations

from station.connector import errors as kinds


class ShoplazzaError(kinds.StationApiError):
    operator_message = "Shoplazza refused the request."


class ShoplazzaValidationError(kinds.RequestValidationError):
    """A filter broke a documented rule; nothing was sent."""


class ShoplazzaBadRequestError(ShoplazzaError, kinds.InputRejectedError):
    """HTTP 400."""

    operator_message = ("Shoplazza did not accept the request: a filter has the wrong format (dates like "
                        "2024-06-26T11:52:00Z, whole numbers for page, limit and ids). Check the filters.")


class ShoplazzaAuthError(ShoplazzaError, kinds.AuthError):
    """HTTP 401."""

    operator_message = ("Shoplazza did not accept the access token. Check the store domain and the access token "
                        "in the ERP settings (the app needs the read_inventory scope).")


class ShoplazzaForbiddenError(ShoplazzaAuthError):
    """HTTP 403: the token is good, its scopes are not."""

    operator_message = "The Shoplazza app may not read procurements. Grant it the read_inventory scope."


class ShoplazzaNotFoundError(ShoplazzaError, kinds.NotFoundError):
    """HTTP 404."""

    operator_message = "Shoplazza does not know this store or procurement. Check the store domain and refresh."


class ShoplazzaRateLimitError(ShoplazzaError, kinds.RateLimitError):
    """HTTP 429: Shoplazza refused before doing anything."""

    operator_message = "Shoplazza is limiting how often we call it. Wait a moment, then try again."


class ShoplazzaServerError(ShoplazzaError, kinds.ServerError):
    """HTTP 500 and above."""

    operator_message = "Shoplazza had a problem on its side. Try again in a moment."


class ShoplazzaNetworkError(ShoplazzaError, kinds.NetworkError):
    operator_message = "No answer from Shoplazza. Check the internet connection and the store domain."


class ShoplazzaOutcomeUnknownError(ShoplazzaNetworkError, kinds.OutcomeUnknownError):
    """A state-changing call got no usable answer (the procurement API is read-only so far)."""


class ShoplazzaMalformedError(ShoplazzaError, kinds.MalformedResponseError):
    operator_message = "Shoplazza sent an answer the station cannot read. Try again; if it persists, report it."
    retryable = False  # a read is not sent again for it


_STATUSES: dict[int, type[ShoplazzaError]] = {
    400: ShoplazzaBadRequestError,
    401: ShoplazzaAuthError,
    403: ShoplazzaForbiddenError,
    404: ShoplazzaNotFoundError,
    429: ShoplazzaRateLimitError,
}


def classify(status: int, message: str) -> ShoplazzaError:
    cls = _STATUSES.get(status, ShoplazzaServerError if status >= 500 else ShoplazzaError)
    return cls(message, code=str(status))
