"""Shoplazza errors: the connector core's family of classes (:func:`station.connector.errors.connector_family`)
named for Shoplazza, each saying Shoplazza's sentence (kinds ``shoplazza.*`` in :mod:`station.problems`).
HTTP 400 is a bad request, 401 an auth error, 403 a forbidden one (the token is good, its scopes are not),
404 not found, 429 a rate limit, 500 and above a server error."""

from __future__ import annotations

from station.connector import errors as kinds


class ShoplazzaError(kinds.StationApiError):
    kind = "shoplazza.refused"


_FAMILY = kinds.connector_family(ShoplazzaError, "shoplazza", input_name="BadRequest", input_failure="bad_request")
ShoplazzaValidationError = _FAMILY.validation  # a filter broke a documented rule; nothing was sent
ShoplazzaBadRequestError = _FAMILY.input
ShoplazzaAuthError = _FAMILY.auth
ShoplazzaNotFoundError = _FAMILY.not_found
ShoplazzaRateLimitError = _FAMILY.rate_limit
ShoplazzaServerError = _FAMILY.server
ShoplazzaNetworkError = _FAMILY.network
ShoplazzaOutcomeUnknownError = _FAMILY.outcome_unknown  # the procurement API is read-only so far
ShoplazzaMalformedError = _FAMILY.malformed
ShoplazzaForbiddenError = _FAMILY.subclass(
    "ShoplazzaForbiddenError",
    ShoplazzaAuthError,
    "shoplazza.forbidden",
    "HTTP 403: the token is good, its scopes are not.",
)


_STATUSES: dict[int, type[kinds.StationApiError]] = {
    400: ShoplazzaBadRequestError,
    401: ShoplazzaAuthError,
    403: ShoplazzaForbiddenError,
    404: ShoplazzaNotFoundError,
    429: ShoplazzaRateLimitError,
}


def classify(status: int, message: str) -> kinds.StationApiError:
    """The Shoplazza class (a :class:`ShoplazzaError`) for an HTTP status."""
    cls = _STATUSES.get(status, ShoplazzaServerError if status >= 500 else ShoplazzaError)
    return cls(message, code=str(status))
