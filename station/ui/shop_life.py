"""The shop's authorisation in view while the window runs: a bar a week before it ends, and when it has ended.

A refresh renews the access token but never the authorisation (the refresh token's life), so the
owner must connect the shop again before it ends; after that every call is refused. The bar says
so with a "Connect shop again" button (:class:`~station.ui.connect_shop.ConnectShopDialog`); the
check runs when the window opens and once a day, and the token manager tells the bar at once when
the platform refuses the refresh token (that also stops the polling: nothing would work).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from station.connect import Connection
from station.credentials import CredentialStore, NoKeyringError
from station.lazada.authorize import DEFAULT_CALLBACK
from station.lazada.errors import RefreshTokenError
from station.shop_connect import ConnectedShop, needs_reauthorising, token_life
from station.ui.connect_shop import ConnectShopDialog
from station.ui.errors import describe_error
from station.ui.locale_format import local_text

log = logging.getLogger(__name__)

DAY_MS = 24 * 3600 * 1000
WARN_STYLE = (
    "QFrame#ShopAuthBar { background: #fff3cd; border: 1px solid #d39e00; border-radius: 6px; }"
    " QLabel { font-size: 12pt; }"
)
ENDED_STYLE = (
    "QFrame#ShopAuthBar { background: #fdecea; border: 2px solid #c62828; border-radius: 6px; }"
    " QLabel { font-size: 12pt; color: #8e0000; font-weight: bold; }"
)


class ShopAuthBar(QFrame):
    """Above the window's views: the authorisation ends soon (yellow), or has ended (red)."""

    reconnect_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShopAuthBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Connect shop again"))
        self.button.clicked.connect(self.reconnect_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.ended = False
        self.hide()

    def warn(self, end: datetime | None) -> None:
        self.ended = False
        self.setStyleSheet(WARN_STYLE)
        self.label.setText(
            self.tr("The shop's authorisation cannot be renewed: connect the shop again.")
            if end is None
            else self.tr(
                "The shop's authorisation ends {end}. Connect the shop again before then, or Station stops working."
            ).format(end=local_text(end))
        )
        self.show()

    def stop(self, sentence: str) -> None:
        self.ended = True
        self.setStyleSheet(ENDED_STYLE)
        self.label.setText(sentence)
        self.show()

    def clear(self) -> None:
        self.ended = False
        self.hide()


class TokenWatch(QObject):
    """Keeps ``bar`` true to the shop's tokens; ``ended`` stops the window's work, ``reconnected`` resumes it."""

    ended = Signal()
    reconnected = Signal(object)  # ConnectedShop
    _refused = Signal(object)  # from whichever thread the refresh was refused on; queued here

    def __init__(
        self,
        connection: Connection,
        profile: str,
        bar: ShopAuthBar,
        *,
        clock: Callable[[], datetime] = datetime.now,
        interval_ms: int = DAY_MS,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.connection, self.profile, self.bar, self.clock = connection, profile, bar, clock
        self._window = parent
        self.dialog: ConnectShopDialog | None = None
        self.callback = DEFAULT_CALLBACK
        self._refused.connect(self._stop)
        connection.client.tokens.on_refused = self._refused.emit
        bar.reconnect_requested.connect(self.connect_again)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self, now: datetime | None = None) -> None:
        """At start and daily: warn a week before the authorisation ends; stop once it has."""
        tokens = self.connection.client.tokens.tokens
        if tokens is None:
            return
        moment = now or self.clock()
        _, end = token_life(tokens)
        if end is not None and end <= moment:
            self._stop(RefreshTokenError("the refresh token has expired"))
        elif needs_reauthorising(tokens, moment):
            self.bar.warn(end)
        elif not self.bar.ended:
            self.bar.clear()

    def shutdown(self) -> None:
        """The window closes: no more checks, and the token manager stops telling this object."""
        self.timer.stop()
        self.connection.client.tokens.on_refused = None

    def _stop(self, error: BaseException) -> None:
        if self.bar.ended:
            return
        log.warning("the shop's authorisation has ended: connect the shop again")
        self.bar.stop(describe_error(error).message)
        self.ended.emit()

    def connect_again(self) -> None:
        try:
            creds = CredentialStore(self.profile).load()
        except NoKeyringError as exc:
            self.bar.stop(describe_error(exc).message)
            return
        dialog = ConnectShopDialog(
            self.profile, self.connection.endpoints, creds=creds, callback=self.callback, parent=self._window
        )
        dialog.connected.connect(self._connected)
        self.dialog = dialog
        dialog.open()

    def _connected(self, shop: ConnectedShop) -> None:
        self.connection.client.tokens.reload()
        self.bar.clear()
        self.check()
        if shop.choice:
            self.reconnected.emit(shop)
