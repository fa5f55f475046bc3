"""The one error hierarchy of the connectors (Lazada, QianYi, Shoplazza).

:class:`StationApiError` is the root: every error carries a sentence an operator understands
(``operator_message``) and the detail behind it. Below it stand the kinds of failure every
connector shares (credentials refused, no answer, a problem on the far side, a rate limit, an
answer that cannot be read, something unknown there, a request refused for its input, a request
the station itself refuses to send); each connector derives its own classes from these kinds,
with its own sentences, so that ``isinstance`` checks work across connectors and the window
shows each service's words.
"""

from __future__ import annotations


class StationApiError(Exception):
    """Base of every error a connector raises.

    ``operator_message`` is what the operator reads; ``detail`` is for the log and the
    "details" button (remote code, message, request id). Neither ever holds a secret.
    """

    operator_message = "The Lazada platform refused the request."
    retryable = False

    def __init__(
        self,
        detail: str = "",
        *,
        code: str | None = None,
        request_id: str | None = None,
        operator_message: str | None = None,
    ) -> None:
        self.detail = detail
        self.code = code
        self.request_id = request_id
        if operator_message is not None:
            self.operator_message = operator_message
        super().__init__(self.describe())

    def describe(self) -> str:
        parts = [self.operator_message]
        if self.detail:
            parts.append(f"({self.detail})")
        if self.code:
            parts.append(f"[code {self.code}]")
        if self.request_id:
            parts.append(f"[request {self.request_id}]")
        return " ".join(parts)


class RequestValidationError(StationApiError, ValueError):
    """A request broke a documented limit; caught before anything was sent."""

    operator_message = "The request is not valid."

    def __init__(self, message: str) -> None:
        super().__init__("", operator_message=message)


# ----- the kinds of failure; each connector's classes derive from these ------------------------------


class AuthError(StationApiError):
    """The service did not accept the credentials, the signature or the request time."""


class InputRejectedError(StationApiError):
    """The service refused the request for what it holds (a parameter, a field, a filter)."""


class NotFoundError(StationApiError):
    """The service does not know what was asked for."""


class RateLimitError(StationApiError):
    """The service refused before doing anything because we call it too often: safe to resend later."""

    retryable = True

    def __init__(self, detail: str = "", *, retry_after: float = 1.0, **kwargs: str | None) -> None:
        self.retry_after = retry_after
        super().__init__(detail, **kwargs)


class NetworkError(StationApiError):
    """No answer: the connection failed, dropped or timed out."""

    retryable = True


class OutcomeUnknownError(NetworkError):
    """A state-changing call got no usable answer: it may or may not have taken effect.

    The caller must read the state back before sending it again.
    """


class ServerError(StationApiError):
    """The service had a problem on its side."""

    retryable = True


class MalformedResponseError(StationApiError):
    """The answer cannot be read (not JSON, not an object, a field of the wrong type)."""

    retryable = True
