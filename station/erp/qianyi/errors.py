"""QianYi errors, each with the sentence the operator reads; they derive from the connector core's kinds
of failure (:mod:`station.connector.errors`), like the Lazada errors."""

from __future__ import annotations

from station.connector import errors as kinds


class QianYiError(kinds.StationApiError):
    operator_message = "The QianYi ERP refused the request."


class QianYiValidationError(kinds.RequestValidationError):
    """A purchase order or query broke a documented rule; nothing was sent."""


class QianYiAuthError(QianYiError, kinds.AuthError):
    operator_message = ("QianYi did not accept the app ID, secret or signature. Check them in the ERP settings "
                        "(QianYi ERP › Settings › Third-party applications).")


class QianYiClockError(QianYiAuthError):
    operator_message = "QianYi refused the request time. Correct the computer's date and time, then retry."


class QianYiInputError(QianYiError, kinds.InputRejectedError):
    operator_message = "QianYi rejected the purchase-order data. Check the fields shown in the details."


class QianYiNotFoundError(QianYiError, kinds.NotFoundError):
    operator_message = "QianYi does not know this purchase order. Refresh the list."


class QianYiServerError(QianYiError, kinds.ServerError):
    operator_message = "The QianYi ERP had a problem on its side. Try again in a moment."


class QianYiNetworkError(QianYiError, kinds.NetworkError):
    operator_message = "No answer from the QianYi ERP. Check the internet connection and the ERP address."


class QianYiOutcomeUnknownError(QianYiNetworkError, kinds.OutcomeUnknownError):
    """A create or update got no usable answer: look the order up by its ``customNumber`` before resending."""


class QianYiMalformedError(QianYiError, kinds.MalformedResponseError):
    operator_message = "The QianYi ERP sent an answer the station cannot read. Try again; if it persists, report it."
    retryable = False  # a read is not sent again for it


_CODES: dict[str, type[QianYiError]] = {
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


def classify(code: str, message: str) -> QianYiError:
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
