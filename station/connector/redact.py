"""Keeps secrets out of log records, whatever code produced them.

A connector never formats a secret into a message; this filter is the second line of
defence, for a secret that slips into an exception text from a library.
"""

from __future__ import annotations

import logging
import threading

_MIN_SECRET_LENGTH = 6


class SecretRegistry:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._secrets: set[str] = set()

    def add(self, *secrets: str | None) -> None:
        with self._lock:
            self._secrets.update(s for s in secrets if s and len(s) >= _MIN_SECRET_LENGTH)

    def redact(self, text: str) -> str:
        with self._lock:
            secrets = sorted(self._secrets, key=len, reverse=True)
        for secret in secrets:
            if secret in text:
                text = text.replace(secret, "***")
        return text


SECRETS = SecretRegistry()


class RedactingFilter(logging.Filter):
    """Rewrites a record's message with every registered secret masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = SECRETS.redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            text = SECRETS.redact(str(record.exc_info[1]))
            if text != str(record.exc_info[1]):
                record.exc_info = None
                record.exc_text = text
        return True


def install_redaction(logger: logging.Logger | None = None) -> None:
    """Attach the filter to every handler of ``logger`` (the root logger by default)."""
    target = logger or logging.getLogger()
    for handler in target.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
