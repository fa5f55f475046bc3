"""The "Connect shop" dialog: the platform's authorisation from the window, one big button.

It opens the platform's authorise page in the browser (``QDesktopServices.openUrl``); when the app's
callback is on this computer it listens there once (:class:`~station.lazada.authorize.LoopbackCatcher`,
waited on by a worker) and catches the code by itself, otherwise the owner pastes the address the
browser landed on. The exchange and the Choice check (:func:`~station.shop_connect.connect_shop`)
run on a worker too; the dialog then says plainly whether the shop is ready for Choice purchase
orders, or how to authorise again. The app secret is a password field and goes nowhere but the
keyring; no line of this module logs it.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station.credentials import CredentialStore, ShopCredentials
from station.lazada.authorize import DEFAULT_CALLBACK, LoopbackCatcher, authorize_url, code_from, is_loopback
from station.lazada.errors import StationApiError
from station.lazada.regions import Region
from station.shop_connect import ConnectedShop, Endpoints, connect_shop
from station.ui.errors import describe_error
from station.ui.locale_format import local_text
from station.ui.worker import TaskRunner

log = logging.getLogger(__name__)

WAIT_SECONDS = 600.0  # the owner logs in and reads the page; after that the pasted address still works
# As the platform's page names them: the owner looks for "<country> - Choice" there.
COUNTRIES = {
    Region.MY: "Malaysia",
    Region.SG: "Singapore",
    Region.TH: "Thailand",
    Region.VN: "Vietnam",
    Region.PH: "Philippines",
    Region.ID: "Indonesia",
}
GREEN = "color: #1b5e20; font-weight: bold; font-size: 13pt;"
RED = "color: #b71c1c; font-weight: bold;"


def choice_option(region: Region) -> str:
    """The option to pick on the platform's page: "Philippines - Choice"."""
    return f"{COUNTRIES.get(region, region.value)} - Choice"


class ConnectShopDialog(QDialog):
    """Connects ``profile`` to its shop; ``connected`` is emitted with what the platform answered."""

    connected = Signal(object)  # ConnectedShop

    def __init__(
        self,
        profile: str,
        endpoints: Endpoints,
        *,
        creds: ShopCredentials | None = None,
        callback: str = DEFAULT_CALLBACK,
        wait_seconds: float = WAIT_SECONDS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.endpoints = endpoints
        self.wait_seconds = wait_seconds
        self.runner = TaskRunner(self, max_threads=2)
        self.shop: ConnectedShop | None = None
        self._catcher: LoopbackCatcher | None = None
        self._attempt = 0  # a worker's answer for an attempt given up is dropped
        self.setWindowTitle(self.tr("Connect shop"))
        self.setMinimumWidth(620)

        intro = QLabel(
            self.tr(
                "Station opens the platform's authorisation page in your browser. Log in as the shop, choose "
                "the option that ends in \u201c- Choice\u201d and press Authorise: the browser comes back here "
                "by itself."
            )
        )
        intro.setWordWrap(True)
        self.region = QComboBox()
        for region in Region:
            self.region.addItem(region.value, region)
        self.app_key = QLineEdit()
        self.app_secret = QLineEdit()
        self.app_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.callback = QLineEdit(callback)
        self.callback.setToolTip(self.tr("The callback address registered for the app on the platform"))
        if creds is not None:
            self.region.setCurrentIndex(max(0, self.region.findData(creds.region)))
            self.app_key.setText(creds.app_key)
            self.app_secret.setText(creds.app_secret)
        form = QFormLayout()
        form.addRow(self.tr("Seller profile"), QLabel(profile))
        form.addRow(self.tr("Region"), self.region)
        form.addRow(self.tr("App key"), self.app_key)
        form.addRow(self.tr("App secret"), self.app_secret)
        form.addRow(self.tr("App callback"), self.callback)

        self.connect_button = QPushButton(self.tr("Connect shop"))
        big = QFont(self.connect_button.font())
        big.setPointSize(big.pointSize() + 3)
        big.setBold(True)
        self.connect_button.setFont(big)
        self.connect_button.setMinimumHeight(48)
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.start)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()
        self.paste = QLineEdit()
        self.paste.setPlaceholderText(self.tr("http://127.0.0.1:8719/callback?code=..."))
        self.use_paste = QPushButton(self.tr("Use this address"))
        self.use_paste.clicked.connect(self.use_pasted)
        self.paste.returnPressed.connect(self.use_pasted)
        self.paste_row = QWidget()
        paste_layout = QVBoxLayout(self.paste_row)
        paste_layout.setContentsMargins(0, 0, 0, 0)
        paste_label = QLabel(self.tr("Or paste the whole address the browser landed on after Authorise:"))
        paste_label.setWordWrap(True)
        paste_layout.addWidget(paste_label)
        line = QHBoxLayout()
        line.addWidget(self.paste, 1)
        line.addWidget(self.use_paste)
        paste_layout.addLayout(line)
        self.paste_row.hide()

        self.outcome = QFrame()
        self.outcome.setObjectName("ConnectResult")
        self.outcome.setStyleSheet("QFrame#ConnectResult { border: 1px solid #bbb; border-radius: 6px; }")
        self.account = QLabel()
        self.life = QLabel()
        self.life.setWordWrap(True)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.again_button = QPushButton(self.tr("Authorise again"))
        self.again_button.setMinimumHeight(40)
        self.again_button.clicked.connect(self.start)
        result_layout = QVBoxLayout(self.outcome)
        result_layout.addWidget(self.account)
        result_layout.addWidget(self.life)
        result_layout.addWidget(self.verdict)
        result_layout.addWidget(self.again_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.outcome.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.connect_button)
        layout.addWidget(self.status)
        layout.addWidget(self.paste_row)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ the steps
    def creds(self) -> ShopCredentials | None:
        key, secret = self.app_key.text().strip(), self.app_secret.text().strip()
        if not key or not secret:
            self._say(self.tr("Fill in the app key and the app secret of the shop's app."), RED)
            return None
        return ShopCredentials(Region(self.region.currentData()), key, secret)

    def start(self) -> None:
        """Open the authorise page and wait for the browser (or a pasted address)."""
        creds = self.creds()
        if creds is None:
            return
        self._give_up()
        self._attempt += 1
        attempt = self._attempt
        redirect = self.callback.text().strip() or DEFAULT_CALLBACK
        self.outcome.hide()
        self.connect_button.show()
        self.paste.clear()
        self.paste_row.show()
        option = choice_option(creds.region)
        try:
            if is_loopback(redirect):
                catcher = LoopbackCatcher(redirect)
                catcher.start()
                self._catcher = catcher
                redirect = catcher.redirect_uri
                self._say(
                    self.tr(
                        "The platform's page is open in the browser. Log in, choose \u201c{option}\u201d and press "
                        "Authorise. Waiting for the browser to come back\u2026"
                    ).format(option=option)
                )
            else:
                self._say(
                    self.tr(
                        "The platform's page is open in the browser. Log in, choose \u201c{option}\u201d and press "
                        "Authorise, then paste the address the browser landed on below."
                    ).format(option=option)
                )
            url = authorize_url(creds.app_key, redirect, base=self.endpoints.authorize_page)
        except StationApiError as exc:
            self._give_up()
            self._say(describe_error(exc).message, RED)
            return
        except OSError:
            self._say(
                self.tr(
                    "Station cannot listen on {address}: another program uses it. Close it, or paste the "
                    "address the browser lands on below."
                ).format(address=redirect),
                RED,
            )
            url = authorize_url(creds.app_key, redirect, base=self.endpoints.authorize_page)
        listening = self._catcher
        if listening is not None:
            self.connect_button.setEnabled(False)
            wait = self.wait_seconds
            self.runner.run(
                lambda: listening.wait(wait),
                lambda code: self._caught(attempt, code),
                lambda exc: self._failed(attempt, exc),
            )
        if not QDesktopServices.openUrl(QUrl(url)):  # no browser set up: the owner opens it by hand
            self._say(
                self.tr("No browser could be opened. Open this address in a browser on this computer:") + f"\n{url}",
                RED,
            )

    def use_pasted(self) -> None:
        """The address (or the code) the owner pasted."""
        try:
            code = code_from(self.paste.text())
        except StationApiError as exc:
            self._say(describe_error(exc).message, RED)
            return
        self._give_up()
        self._attempt += 1
        self._exchange(self._attempt, code)

    def _caught(self, attempt: int, code: str | None) -> None:
        if attempt != self._attempt:
            return
        self._catcher = None
        if code is None:
            self.connect_button.setEnabled(True)
            self._say(self.tr("No answer from the browser yet. Paste the address it landed on, or connect again."), RED)
            return
        self._exchange(attempt, code)

    def _exchange(self, attempt: int, code: str) -> None:
        creds = self.creds()
        if creds is None:
            return
        self.connect_button.setEnabled(False)
        self.paste_row.hide()
        self._say(self.tr("Connecting the shop and checking Choice\u2026"))
        store, endpoints = CredentialStore(self.profile), self.endpoints
        self.runner.run(
            lambda: connect_shop(creds, store, code, endpoints),
            lambda shop: self._connected(attempt, shop),
            lambda exc: self._failed(attempt, exc),
        )

    def _failed(self, attempt: int, exc: BaseException) -> None:
        if attempt != self._attempt:
            return
        self._catcher = None
        log.info("connecting the shop failed: %s", type(exc).__name__)
        self._say(describe_error(exc).message, RED)
        self.connect_button.setEnabled(True)

    def _connected(self, attempt: int, shop: ConnectedShop) -> None:
        if attempt != self._attempt:
            return
        self.shop = shop
        self.status.hide()
        self.connect_button.setEnabled(True)
        where = ", ".join(part for part in (shop.account, shop.country.upper()) if part)
        self.account.setText(self.tr("Connected: {shop}").format(shop=where or self.profile))
        self.life.setText(life_text(shop.expires_at, shop.refresh_expires_at))
        region = Region(self.region.currentData())
        if shop.choice:
            self.verdict.setText(self.tr("Ready for Choice purchase orders."))
            self.verdict.setStyleSheet(GREEN)
        else:
            self.verdict.setText(
                self.tr(
                    "This authorisation does not cover Choice: the platform answers E1001 \u201cnot jit seller\u201d "
                    "and no JIT purchase order can be read. Press Authorise again and choose \u201c{option}\u201d "
                    "on the platform's page."
                ).format(option=choice_option(region))
            )
            self.verdict.setStyleSheet(RED)
        self.again_button.setVisible(not shop.choice)
        self.connect_button.hide()  # done, or "Authorise again" says what to do now
        self.outcome.show()
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        (
            self.again_button if not shop.choice else self.buttons.button(QDialogButtonBox.StandardButton.Close)
        ).setFocus()
        self._fit()
        self.connected.emit(shop)

    # ------------------------------------------------------------------ the end
    def _say(self, text: str, style: str = "") -> None:
        self.status.setText(text)
        self.status.setStyleSheet(style)
        self.status.show()
        self._fit()

    def _fit(self) -> None:
        """Taller as sentences appear (wrapped labels need their height for the width)."""
        QTimer.singleShot(0, self, lambda: self.resize(self.width(), self.sizeHint().height()))

    def _give_up(self) -> None:
        """Stop listening (the worker waiting on the callback returns at once)."""
        catcher, self._catcher = self._catcher, None
        if catcher is not None:
            catcher.cancel()  # its worker's wait() returns None at once and stops the listening

    def done(self, result: int) -> None:
        self._give_up()
        self._attempt += 1
        self.runner.close(0)  # an exchange still under way keeps its tokens; its answer is not shown
        super().done(result)


def life_text(access_end: datetime, authorisation_end: datetime | None) -> str:
    """When the access token and the authorisation end, in the operator's words."""
    if authorisation_end is None:
        return QCoreApplication.translate(
            "ConnectShopDialog",
            "Access token valid until {access}; it cannot be refreshed: connect the shop again when it ends.",
        ).format(access=local_text(access_end))
    return QCoreApplication.translate(
        "ConnectShopDialog",
        "Access token valid until {access} (renewed by itself); the authorisation ends {end}: connect the "
        "shop again before then.",
    ).format(access=local_text(access_end), end=local_text(authorisation_end))
