"""QianYi errors: the connector core's family of classes (:func:`station.connector.errors.connector_family`)
named for QianYi, each saying QianYi's sentence (kinds ``qianyi.*`` in :mod:`station.problems`)."""

from __future__ import annotations

from station.connector import errors as kinds
from station.problems import Problem


class QianYiError(kinds.StationApiError):
    kind = "qianyi.refused"


_FAMILY = kinds.connector_family(QianYiError, "qianyi")
QianYiValidationError = _FAMILY.validation  # a purchase order or query broke a documented rule; nothing was sent
QianYiAuthError = _FAMILY.auth
QianYiInputError = _FAMILY.input
QianYiNotFoundError = _FAMILY.not_found
QianYiServerError = _FAMILY.server
QianYiNetworkError = _FAMILY.network
QianYiOutcomeUnknownError = _FAMILY.outcome_unknown  # look the order up by its customNumber before resending
QianYiMalformedError = _FAMILY.malformed
QianYiClockError = _FAMILY.subclass(
    "QianYiClockError", QianYiAuthError, "qianyi.clock", "QianYi refused the request time."
)


_CODES: dict[str, type[kinds.StationApiError]] = {
    "DATA_INPUT_ERROR": QianYiInputError,
    "PARAM_ERROR": QianYiInputError,
    "SIGN_ERROR": QianYiAuthError,
    "INVALID_SIGN": QianYiAuthError,
    "APP_ID_ERROR": QianYiAuthError,
    "INVALID_APP_ID": QianYiAuthError,
    "TIMESTAMP_ERROR": QianYiClockError,
    "DATA_NOT_EXIST": QianYiNotFoundError,
    "SYSTEM_ERROR": QianYiServerError,
}


def classify(code: str, message: str) -> kinds.StationApiError:
    """The QianYi class (a :class:`QianYiError`) for an answer's error code and message."""
    cls = _CODES.get(code.upper())
    if cls is None:
        lower = message.lower()
        if "sign" in lower:
            cls = QianYiAuthError
        elif "timestamp" in lower:
            cls = QianYiClockError
        else:
            cls = QianYiError
    return cls(message, code=code or None)


def validation(kind: str, **params: str | int) -> kinds.RequestValidationError:
    """A :class:`QianYiValidationError` for ``kind`` with ``params``."""
    return QianYiValidationError(Problem(kind, params))
