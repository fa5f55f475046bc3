"""Settings (and the first-run dialog): shop credentials in the keyring, the rest in QSettings."""

from __future__ import annotations

import time
from urllib.parse import unquote, urlsplit, urlunsplit

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from station.credentials import CredentialStore, NoKeyringError, ShopCredentials, save_journal_password
from station.lazada.errors import RequestValidationError
from station.lazada.models import PdfSize, TokenInfo
from station.lazada.pickups import PickupLabelSize
from station.lazada.regions import Region
from station.printing.spooler import list_printers
from station.shop_connect import ConnectedShop, Endpoints
from station.ui.label_printer_settings import LabelPrinterBox
from station.ui.operator_text import QT_TRANSLATE_NOOP, size_label, translate_operator
from station.ui.printer import printer_names
from station.ui.scanner_settings import ScannerBox
from station.ui.ship_dialog import ContactForm
from station.ui.shop_settings import ShopConnectSection
from station.ui.ui_settings import UiSettings
from station.voice_mode import VoiceMode

DEMO_CHOSEN = 2  # the first-run dialog's result when the operator picks the demo
LANGUAGES = (("", "System"), ("en", "English"), ("zh_CN", "简体中文"))
BACKEND_LABELS = (
    ("auto", QT_TRANSLATE_NOOP("SettingsDialog", "Automatic (CUPS on Linux/macOS, Qt on Windows)")),
    ("cups", QT_TRANSLATE_NOOP("SettingsDialog", "CUPS (lp)")),
    ("qt", QT_TRANSLATE_NOOP("SettingsDialog", "Qt (render each page)")),
)
VOICE_LABELS = (
    (VoiceMode.VOICE, QT_TRANSLATE_NOOP("SettingsDialog", "Voice")),
    (VoiceMode.SOUNDS, QT_TRANSLATE_NOOP("SettingsDialog", "Sounds only")),
    (VoiceMode.SILENT, QT_TRANSLATE_NOOP("SettingsDialog", "Silent")),
)
TOKEN_DAYS = 7  # a token pasted by hand: assume the platform's usual lifetime; refreshed if refused


def _secret_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: UiSettings,
        *,
        first_run: bool = False,
        parent: QWidget | None = None,
        endpoints: Endpoints | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.first_run = first_run
        self._loaded_tokens: TokenInfo | None = None
        self.setWindowTitle(self.tr("Welcome to Station") if first_run else self.tr("Settings"))
        self.setMinimumWidth(640)
        outer = QVBoxLayout(self)
        # The groups scroll where the screen is short (a 768-pixel laptop); the error line and the
        # buttons stay in view below them.
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        if first_run:
            intro = QLabel(
                self.tr(
                    "Set up the shop this bench works for. The app secret and the tokens are kept in the "
                    "computer's password store (keyring), never in a file. No account yet? Try the demo."
                )
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)

        self.profile = QComboBox()
        self.profile.setEditable(True)
        self.profile.addItems(settings.profiles)
        self.profile.setCurrentText(settings.active_profile)
        self.profile.currentTextChanged.connect(self._load_profile)
        self.region = QComboBox()
        for region in Region:
            self.region.addItem(region.value, region)
        self.app_key = QLineEdit()
        self.app_secret = _secret_field()
        self.access_token = _secret_field()
        self.refresh_token = _secret_field()
        shop = QGroupBox(self.tr("Shop (secrets go to the keyring)"))
        shop_form = QFormLayout(shop)
        shop_form.addRow(self.tr("Seller profile"), self.profile)
        shop_form.addRow(self.tr("Region"), self.region)
        shop_form.addRow(self.tr("App key"), self.app_key)
        shop_form.addRow(self.tr("App secret"), self.app_secret)
        self.shop_connect = ShopConnectSection(self._shop_fields, endpoints or Endpoints.platform(), main=first_run)
        self.shop_connect.add_token_fields(self.access_token, self.refresh_token)  # under "Advanced: paste tokens"
        self.shop_connect.connected.connect(lambda _shop: self._load_profile(self.profile.currentText()))
        self.shop_connect.closed.connect(self._shop_connected)
        shop_form.addRow(self.shop_connect)
        layout.addWidget(shop)

        pickup = QGroupBox(self.tr("Pickup address"))
        self.contact = ContactForm()
        QVBoxLayout(pickup).addWidget(self.contact)
        layout.addWidget(pickup)

        bench = QGroupBox(self.tr("Bench"))
        bench_form = QFormLayout(bench)
        names = printer_names(settings.print_backend)
        states = {p.name: p for p in list_printers(settings.print_backend)}
        self.printers: dict[PdfSize, QComboBox] = {}

        def printer_combo(current: str) -> QComboBox:
            combo = QComboBox()
            combo.addItem(self.tr("(none)"), "")
            for name in names:
                state = states.get(name)
                combo.addItem(
                    name
                    if state is None or state.ready
                    else self.tr("{name} ({state})").format(name=name, state=state.state),
                    name,
                )
            if current and current not in names:
                combo.addItem(self.tr("{name} (not connected)").format(name=current), current)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            return combo

        for size in PdfSize:
            self.printers[size] = printer_combo(settings.printer(size))
            bench_form.addRow(self.tr("Printer for {size}").format(size=size_label(size)), self.printers[size])
        # carton labels: their 100x100 mm size has a printer of its own; their A4 goes to the A4 printer
        self.carton_printer = printer_combo(settings.carton_printer(PickupLabelSize.LABEL_100X100))
        bench_form.addRow(
            self.tr("Printer for {size}").format(
                size=QCoreApplication.translate("size", PickupLabelSize.LABEL_100X100.display_name)
            ),
            self.carton_printer,
        )
        self.backend = QComboBox()
        for code, label in BACKEND_LABELS:
            self.backend.addItem(self.tr(label), code)
        self.backend.setCurrentIndex(max(0, self.backend.findData(settings.print_backend)))
        bench_form.addRow(self.tr("Print through"), self.backend)
        self.sounds = QCheckBox(self.tr("Play a sound on scans and results"))
        self.sounds.setChecked(settings.sounds)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(self.tr("System") if code == "" else name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.voice = QComboBox()
        for mode, label in VOICE_LABELS:
            self.voice.addItem(self.tr(label), mode.value)
        self.voice.setCurrentIndex(max(0, self.voice.findData(settings.voice_mode.value)))
        combination = self.tr(
            "What a scan's answer sounds like. Voice: a short tone, then the answer spoken in the "
            "window's language (“three more”, “wrong item”). Sounds only: the tone alone. "
            "Silent: nothing; the banner still shows the answer. With “Play a sound on scans "
            "and results” off, nothing is heard, whatever is chosen here."
        )
        self.voice.setToolTip(combination)
        self.sounds.setToolTip(combination)
        self.voice.setEnabled(settings.sounds)
        self.sounds.toggled.connect(self.voice.setEnabled)
        bench_form.addRow("", self.sounds)
        bench_form.addRow(self.tr("Spoken prompts"), self.voice)
        bench_form.addRow(self.tr("Language (after restart)"), self.language)
        self.journal_url = QLineEdit(settings.journal_url)
        self.journal_url.setPlaceholderText(self.tr("blank: this bench only · postgresql://user@host:5432/station"))
        self.journal_password = _secret_field()
        bench_form.addRow(self.tr("Shared journal (after restart)"), self.journal_url)
        bench_form.addRow(self.tr("Journal password"), self.journal_password)
        layout.addWidget(bench)
        # How each size's printer is fed, raw label printers' settings and the test label; it reads the
        # printer chosen above for a size as it is now, before Save.
        self.label_printers = LabelPrinterBox(
            settings, self._chosen_printer, lambda: str(self.backend.currentData() or "auto")
        )
        layout.addWidget(self.label_printers)
        self.scanner = ScannerBox(settings.scanner)
        layout.addWidget(self.scanner)
        # A test scan's report is read where it appears: the scanner group is the last, at the bottom.
        bar = scroll.verticalScrollBar()
        self.scanner.filter.scanned_in_full.connect(
            lambda _scan: QTimer.singleShot(0, bar, lambda: bar.setValue(bar.maximum()))
        )

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error.hide()
        outer.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        if first_run:
            demo = QPushButton(self.tr("Try the demo"))
            demo.clicked.connect(lambda: self.done(DEMO_CHOSEN))
            row.addWidget(demo)
        row.addStretch(1)
        row.addWidget(buttons)
        outer.addLayout(row)
        self._load_profile(self.profile.currentText())
        self._fit_to_screen(body)

    def _chosen_printer(self, size: str) -> str:
        """The printer chosen (not yet saved) for the paper size named ``size``."""
        if size == PickupLabelSize.LABEL_100X100.name:
            return str(self.carton_printer.currentData() or "")
        combo = self.printers.get(PdfSize[size])
        return str(combo.currentData() or "") if combo is not None else ""

    def done(self, result: int) -> None:
        self.label_printers.shutdown()  # a test label still printing is waited for, then the dialog goes
        super().done(result)

    def _fit_to_screen(self, body: QWidget) -> None:
        """All of it where the screen is tall enough; otherwise as tall as the screen, scrolling."""
        screen = self.screen()
        wanted = body.sizeHint().height() + 90  # the buttons, the margins
        room = screen.availableGeometry().height() - 60 if screen is not None else wanted  # the title bar
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.resize(max(self.minimumWidth(), body.sizeHint().width() + scrollbar + 30), min(wanted, room))

    # ------------------------------------------------------------------ load
    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _load_profile(self, profile: str) -> None:
        profile = profile.strip()
        for field in (self.app_key, self.app_secret, self.access_token, self.refresh_token):
            field.clear()
        self._loaded_tokens = None
        self.shop_connect.show_tokens(None)
        self.contact.set_contact(self.settings.base.pickup_contact(profile) if profile else None)
        if not profile:
            return
        store = CredentialStore(profile)
        try:
            creds = store.load()
            tokens = store.load_tokens()
        except NoKeyringError as exc:
            self._show_error(translate_operator(exc.problem))
            return
        if creds is not None:
            self.region.setCurrentIndex(self.region.findData(creds.region))
            self.app_key.setText(creds.app_key)
            self.app_secret.setText(creds.app_secret)
        if tokens is not None:
            self._loaded_tokens = tokens
            self.shop_connect.show_tokens(tokens)
            self.access_token.setText(tokens.access_token)
            self.refresh_token.setText(tokens.refresh_token)

    def _shop_fields(self) -> tuple[str, ShopCredentials | None]:
        key, secret = self.app_key.text().strip(), self.app_secret.text().strip()
        creds = ShopCredentials(Region(self.region.currentData()), key, secret) if key else None
        return self.profile.currentText().strip(), creds

    def _shop_connected(self, shop: ConnectedShop | None) -> None:
        """The Connect shop dialog closed: on the first run a shop ready for Choice carries on at once."""
        if self.first_run and shop is not None and shop.choice:
            self.save()

    # ------------------------------------------------------------------ save
    def save(self) -> None:
        profile = self.profile.currentText().strip()
        key, secret = self.app_key.text().strip(), self.app_secret.text().strip()
        access, refresh = self.access_token.text().strip(), self.refresh_token.text().strip()
        if not profile:
            self._show_error(self.tr("Give the seller profile a name."))
            return
        if bool(key) != bool(secret) or (self.first_run and not (key and access)):
            self._show_error(self.tr("Fill in the app key, the app secret and the access token."))
            return
        try:
            contact = None if self.contact.is_blank() else self.contact.contact()
        except RequestValidationError as exc:
            self._show_error(translate_operator(exc.operator_message))
            return
        region = Region(self.region.currentData())
        store = CredentialStore(profile)
        try:
            store.check_backend()
            if key:
                store.save(ShopCredentials(region, key, secret))
            old = self._loaded_tokens
            if access and (old is None or old.access_token != access or old.refresh_token != refresh):
                now = time.time()
                store.save_tokens(
                    TokenInfo(
                        access_token=access,
                        refresh_token=refresh,
                        expires_at=now + TOKEN_DAYS * 86400,
                        refresh_expires_at=now + 30 * 86400 if refresh else 0.0,
                        country=region.value,
                    )
                )
        except NoKeyringError as exc:
            self._show_error(translate_operator(exc.problem))
            return
        try:
            self.settings.journal_url = save_journal_target(self.journal_url.text(), self.journal_password.text())
        except (ValueError, NoKeyringError) as exc:
            self._show_error(translate_operator(exc.problem if isinstance(exc, NoKeyringError) else str(exc)))
            return
        if contact is not None:
            self.settings.base.set_pickup_contact(profile, contact)
        for size, combo in self.printers.items():
            self.settings.set_printer(size, str(combo.currentData() or ""))
        self.settings.set_carton_printer(PickupLabelSize.LABEL_100X100, str(self.carton_printer.currentData() or ""))
        self.settings.print_backend = str(self.backend.currentData() or "auto")
        self.label_printers.save()
        self.settings.sounds = self.sounds.isChecked()
        self.settings.voice_mode = VoiceMode(self.voice.currentData())
        self.settings.scanner = self.scanner.config()
        self.settings.language = str(self.language.currentData() or "")
        self.settings.active_profile = profile
        if key:
            self.settings.set_configured(profile)
        self.settings.sync()
        self.accept()


def save_journal_target(url: str, password: str) -> str:
    """The shared-journal URL to keep in the settings, with any password moved to the keyring.

    A password typed into the URL would otherwise land in the settings file.
    """
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("postgresql", "postgres") or not parts.hostname:
        raise ValueError(
            QCoreApplication.translate(
                "SettingsDialog", "The shared journal must be a postgresql://user@host:port/database address."
            )
        )
    secret = password or (unquote(parts.password) if parts.password else "")
    if secret:
        save_journal_password(parts.hostname, secret)
    user = f"{parts.username}@" if parts.username else ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit((parts.scheme, f"{user}{parts.hostname}{port}", parts.path, parts.query, ""))
