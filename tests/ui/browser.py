"""Where the window's ``QDesktopServices.openUrl`` goes in the tests: to a recorder, never the system browser."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices


class UrlRecorder(QObject):
    """Takes the http(s) addresses the window opens; ``then`` (if set) is called with each."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.then: Callable[[str], None] | None = None

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        text = url.toString(QUrl.ComponentFormattingOption.FullyEncoded)
        self.urls.append(text)
        if self.then is not None:
            self.then(text)


def set_url_handler(scheme: str, receiver: QObject, slot: str) -> None:
    """The stubs say the slot's name is bytes; PySide6 6.11 takes only a str. Either, whichever works."""
    try:
        QDesktopServices.setUrlHandler(scheme, receiver, slot)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        QDesktopServices.setUrlHandler(scheme, receiver, slot.encode())


@contextmanager
def opened_urls() -> Iterator[UrlRecorder]:
    recorder = UrlRecorder()
    for scheme in ("http", "https"):
        set_url_handler(scheme, recorder, "open")
    try:
        yield recorder
    finally:
        for scheme in ("http", "https"):
            QDesktopServices.unsetUrlHandler(scheme)
