"""The one error hierarchy of the connectors (Lazada, QianYi, Shoplazza).

:class:`StationApiError` is the root: every error carries a :class:`~station.problems.Problem` (a
stable ``kind`` and its parameters) that the window renders in its language, the English sentence
rendered from it (``operator_message``, for the CLI and the log) and the detail behind it. Below it
stand the kinds of failure every connector shares (credentials refused, no answer, a problem on the
far side, a rate limit, an answer that cannot be read, something unknown there, a request refused
for its input, a request the station itself refuses to send). The Lazada client derives its own
classes from these; the ERP connectors get theirs from :func:`connector_family`, which declares a
connector's class for each kind of failure once for all of them, so that ``isinstance`` checks work
across connectors and the window shows each service's words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar, cast, overload

from station.problems import Param, Problem, Sentence, problem_of


class _OperatorMessage:
    """``operator_message``: the English sentence of the error's problem (of the class's kind when read
    on the class), a :class:`~station.problems.Sentence` that carries the problem along."""

    @overload
    def __get__(self, error: None, owner: type[StationApiError]) -> Sentence: ...
    @overload
    def __get__(self, error: StationApiError, owner: type[StationApiError]) -> Sentence: ...

    def __get__(self, error: StationApiError | None, owner: type[StationApiError]) -> Sentence:
        problem = Problem(owner.kind) if error is None else error.problem
        return Sentence(problem)


class StationApiError(Exception):
    """Base of every error a connector raises.

    ``problem`` is what went wrong (``kind`` and ``params``); ``operator_message`` is its English sentence;
    ``detail`` is for the log and the "details" button (remote code, message, request id). None of them
    ever holds a secret.
    """

    kind = "api.refused"
    retryable = False
    operator_message = _OperatorMessage()

    def __init__(
        self,
        detail: str = "",
        *,
        code: str | None = None,
        request_id: str | None = None,
        operator_message: str | None = None,
        params: dict[str, Param] | None = None,
        problem: Problem | None = None,
    ) -> None:
        self.detail = detail
        self.code = code
        self.request_id = request_id
        if problem is None:
            # a sentence given as it is (a caller with no kind for it) is kept word for word
            problem = Problem(self.kind, params or {}) if operator_message is None else problem_of(operator_message)
        self.problem = problem
        super().__init__(self.describe())

    def describe(self) -> str:
        parts: list[str] = [self.operator_message]
        if self.detail:
            parts.append(f"({self.detail})")
        if self.code:
            parts.append(f"[code {self.code}]")
        if self.request_id:
            parts.append(f"[request {self.request_id}]")
        return " ".join(parts)


class RequestValidationError(StationApiError, ValueError):
    """A request broke a documented limit; caught before anything was sent.

    Raised with a :class:`~station.problems.Problem`, or with an English sentence (kept as it is)."""

    kind = "request.invalid"

    def __init__(self, message: str | Problem = "") -> None:
        if isinstance(message, Problem):
            super().__init__("", problem=message)
        elif message:
            super().__init__("", problem=problem_of(message))
        else:
            super().__init__("")


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

    def __init__(self, detail: str = "", *, retry_after: float = 1.0, **kwargs: Any) -> None:
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


# ----- a connector's family of classes ------------------------------------------------------------------

E = TypeVar("E", bound=StationApiError)


@dataclass(frozen=True)
class ConnectorFamily:
    """A connector's error classes: each derives from the connector's root and from one kind of
    failure above, and says the service's own sentence (kind ``<service>.<failure>``)."""

    root: type[StationApiError]
    validation: type[RequestValidationError]
    auth: type[AuthError]
    input: type[InputRejectedError]
    not_found: type[NotFoundError]
    rate_limit: type[RateLimitError]
    server: type[ServerError]
    network: type[NetworkError]
    outcome_unknown: type[OutcomeUnknownError]
    malformed: type[MalformedResponseError]

    def subclass(self, name: str, parent: type[E], kind: str, doc: str) -> type[E]:
        """A connector-specific refinement of one of the family's classes, with its own sentence."""
        return cast(
            "type[E]",
            type(
                name,
                (parent,),
                {"kind": kind, "__doc__": doc, "__module__": self.root.__module__, "__qualname__": name},
            ),
        )


def connector_family(
    root: type[StationApiError], service: str, *, input_name: str = "Input", input_failure: str = "input"
) -> ConnectorFamily:
    """The classes of a connector whose root error is ``root`` (``QianYiError``): ``QianYiAuthError``,
    ``QianYiNetworkError``... named after the root, declared in the root's module (so they pickle).

    An answer that cannot be read is not retried by the ERP connectors (a read is not sent again for it).
    """
    prefix = root.__name__.removesuffix("Error")
    module = root.__module__

    def make(suffix: str, bases: tuple[type, ...], failure: str | None, **extra: object) -> Any:
        name = f"{prefix}{suffix}Error"
        body: dict[str, object] = {
            "__module__": module,
            "__qualname__": name,
            **extra,
            "__doc__": f"{bases[-1].__doc__ or ''} ({service})".strip(),
        }
        if failure is not None:
            body["kind"] = f"{service}.{failure}"
        return type(name, bases, body)

    network = make("Network", (root, NetworkError), "no_answer")
    return ConnectorFamily(
        root=root,
        validation=make("Validation", (RequestValidationError,), None),
        auth=make("Auth", (root, AuthError), "auth"),
        input=make(input_name, (root, InputRejectedError), input_failure),
        not_found=make("NotFound", (root, NotFoundError), "not_found"),
        rate_limit=make("RateLimit", (root, RateLimitError), "rate_limit"),
        server=make("Server", (root, ServerError), "server"),
        network=network,
        outcome_unknown=make("OutcomeUnknown", (network, OutcomeUnknownError), None),
        malformed=make("Malformed", (root, MalformedResponseError), "malformed", retryable=False),
    )
