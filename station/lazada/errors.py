"""The Lazada platform's errors, each carrying its kind of problem (``lazada.*`` in :mod:`station.problems`,
whose English sentence an operator understands) and the detail behind it.

One place maps the platform's codes and messages to these classes (:func:`classify_gateway`,
:func:`classify_result`), so the CLI and the window show the same words for the same failure. The classes
derive from the connector core's kinds of failure (:mod:`station.connector.errors`), whose root
:class:`StationApiError` and :class:`RequestValidationError` are importable from here too.
"""

from __future__ import annotations

from station.connector import errors as kinds
from station.connector.errors import RequestValidationError, StationApiError

__all__ = [
    "AlreadyPackedError",
    "AuthCodeError",
    "AuthError",
    "BadParameterError",
    "ClockError",
    "FlowLimitError",
    "InvalidStatusError",
    "MalformedResponseError",
    "NetworkError",
    "NotChoiceSellerError",
    "OutcomeUnknownError",
    "RefreshTokenError",
    "RequestValidationError",
    "ServerError",
    "SignatureError",
    "StationApiError",
    "TokenExpiredError",
    "classify_gateway",
    "classify_result",
]


class BadParameterError(kinds.InputRejectedError):
    kind = "lazada.bad_parameter"


class AlreadyPackedError(StationApiError):
    kind = "lazada.already_packed"


class InvalidStatusError(StationApiError):
    kind = "lazada.invalid_status"


class FlowLimitError(kinds.RateLimitError):
    kind = "lazada.flow_limit"


class AuthError(kinds.AuthError):
    kind = "lazada.auth"


class TokenExpiredError(AuthError):
    kind = "lazada.token_expired"


class RefreshTokenError(AuthError):
    kind = "lazada.refresh_token"


class NotChoiceSellerError(AuthError):
    """``E1001`` "not jit seller": the seller authorised the app without the "<country> - Choice" option."""

    kind = "lazada.not_choice"


class AuthCodeError(AuthError):
    """``/auth/token/create`` refused the code (used, expired, another app's)."""

    kind = "lazada.code_refused"


class SignatureError(AuthError):
    kind = "lazada.signature"


class ClockError(AuthError):
    kind = "lazada.clock"


class NetworkError(kinds.NetworkError):
    kind = "lazada.no_answer"


class OutcomeUnknownError(NetworkError, kinds.OutcomeUnknownError):
    """A state-changing call got no answer: it may or may not have taken effect.

    The caller must read the status back before sending it again.
    """

    kind = "lazada.outcome_unknown"


class ServerError(kinds.ServerError):
    kind = "lazada.server"


class MalformedResponseError(kinds.MalformedResponseError):
    kind = "lazada.malformed"


# Gateway codes, from platform-notes.md; anything unknown falls back to the type of the error.
_GATEWAY_CODES: dict[str, type[StationApiError]] = {
    "MissingParameter": BadParameterError,
    "InvalidParameter": BadParameterError,
    "IncompleteSignature": SignatureError,
    "InvalidSignature": SignatureError,
    "IllegalTimestamp": ClockError,
    "IllegalAccessToken": TokenExpiredError,
    "InvalidCode": AuthCodeError,
    "E1001": NotChoiceSellerError,
    "IllegalRefreshToken": RefreshTokenError,
    "ApiCallLimit": FlowLimitError,
    "AppCallLimit": FlowLimitError,
    "ServiceTimeout": ServerError,
    "InternalError": ServerError,
}


def classify_gateway(code: str, error_type: str | None, message: str, request_id: str | None) -> StationApiError:
    cls = _GATEWAY_CODES.get(code)
    if cls is FlowLimitError:
        return FlowLimitError(message, retry_after=_ban_seconds(message), code=code, request_id=request_id)
    if cls is None:
        cls = ServerError if error_type in ("ISP", "SYSTEM") else BadParameterError
    return cls(message, code=code, request_id=request_id)


def classify_result(error_code: str | None, message: str, request_id: str | None) -> StationApiError:
    """Map a JIT/fulfilment ``result`` failure (``success: false``) to an error class.

    The platform often leaves ``error_code`` null and puts the reason in the message alone,
    so the message is looked at too.
    """
    text = message or ""
    lower = text.lower()
    code = error_code or None
    if "has packed" in lower:
        return AlreadyPackedError(text, code=code, request_id=request_id)
    if code == "INVALID_STATUS_FORBIDDEN_PICK_UP" or ("status" in lower and "forbidden" in lower):
        return InvalidStatusError(text, code=code, request_id=request_id)
    if code in ("FLOW_LIMIT", "ApiCallLimit"):
        return FlowLimitError(text, retry_after=_ban_seconds(text), code=code, request_id=request_id)
    if code in ("INVALID_PARAM", "CG_CC_ILLEGAL_ARGUMENT") or "illegal_argument" in lower or "input param" in lower:
        return BadParameterError(text, code=code, request_id=request_id)
    if code == "E1001" or lower == "not jit seller":
        return NotChoiceSellerError(text, code=code, request_id=request_id)
    if code == "INVALID_STATUS":
        return InvalidStatusError(text, code=code, request_id=request_id)
    if code in ("SYSTEM_ERROR", "SERVICE_ERROR"):
        return ServerError(text, code=code, request_id=request_id)
    return StationApiError(text, code=code, request_id=request_id)


def _ban_seconds(message: str) -> float:
    """Read N from "this ban will last N seconds"; default to one second."""
    words = message.replace(",", " ").split()
    for i, word in enumerate(words[:-1]):
        if word == "last" and words[i + 1].replace(".", "", 1).isdigit():
            return max(0.05, min(float(words[i + 1]), 60.0))
    return 1.0
