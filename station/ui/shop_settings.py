"""Settings' shop section, its part about connecting: the "Connect shop…" button, when the access token
and the authorisation end, and the tokens pasted by hand folded away under "Advanced: paste tokens"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QToolButton, QVBoxLayout, QWidget

from station.credentials import ShopCredentials
from station.lazada.authorize import DEFAULT_CALLBACK
from station.lazada.models import TokenInfo
from station.shop_connect import Endpoints, needs_reauthorising, token_life
from station.ui.connect_shop import ConnectShopDialog, life_text

# What the section reads from the dialog around it when the button is pressed: the profile, and the
# app's credentials typed there (None when not filled in yet).
ShopFields = Callable[[], tuple[str, ShopCredentials | None]]


class ShopConnectSection(QWidget):
    """``connected`` is emitted once the platform took the code: the profile's tokens are in the keyring."""

    connected = Signal(object)  # ConnectedShop
    closed = Signal(object)  # the dialog closed: the ConnectedShop it ended with, or None

    def __init__(self, fields: ShopFields, endpoints: Endpoints, *, main: bool = False) -> None:
        super().__init__()
        self.fields, self.endpoints = fields, endpoints
        self.dialog: ConnectShopDialog | None = None
        self.callback = DEFAULT_CALLBACK
        self.button = QPushButton(self.tr("Connect shop\u2026"))
        self.button.clicked.connect(self.open_dialog)
        if main:  # the first run: this is the way in
            big = QFont(self.button.font())
            big.setPointSize(big.pointSize() + 2)
            big.setBold(True)
            self.button.setFont(big)
            self.button.setMinimumHeight(44)
        self.life = QLabel()
        self.life.setWordWrap(True)
        self.advanced = QToolButton()
        self.advanced.setText(self.tr("Advanced: paste tokens"))
        self.advanced.setCheckable(True)
        self.advanced.setAutoRaise(True)
        self.advanced.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.tokens_box = QWidget()
        self.tokens_form = QFormLayout(self.tokens_box)
        self.tokens_form.setContentsMargins(16, 0, 0, 0)
        self.tokens_box.hide()
        self.advanced.toggled.connect(self._fold)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.life)
        layout.addWidget(self.advanced)
        layout.addWidget(self.tokens_box)

    def add_token_fields(self, access: QLineEdit, refresh: QLineEdit) -> None:
        self.tokens_form.addRow(self.tr("Access token"), access)
        self.tokens_form.addRow(self.tr("Refresh token"), refresh)

    def _fold(self, unfolded: bool) -> None:
        self.tokens_box.setVisible(unfolded)
        self.advanced.setArrowType(Qt.ArrowType.DownArrow if unfolded else Qt.ArrowType.RightArrow)

    def show_tokens(self, tokens: TokenInfo | None, now: datetime | None = None) -> None:
        """When the profile's access token and authorisation end; red from a week before the end."""
        if tokens is None:
            self.life.setText(self.tr("Not connected yet."))
            self.life.setStyleSheet("")
            return
        access_end, end = token_life(tokens)
        self.life.setText(life_text(access_end, end))
        self.life.setStyleSheet("color: #b71c1c; font-weight: bold;" if needs_reauthorising(tokens, now) else "")

    def open_dialog(self) -> None:
        profile, creds = self.fields()
        dialog = ConnectShopDialog(
            profile or "default", self.endpoints, creds=creds, callback=self.callback, parent=self.window()
        )
        dialog.connected.connect(self.connected)
        dialog.finished.connect(lambda _result: self.closed.emit(dialog.shop))
        self.dialog = dialog
        dialog.open()
