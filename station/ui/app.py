"""``station``: the desktop window. ``station --demo`` opens it on an embedded simulator, no account needed."""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import sys
from collections.abc import Sequence

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from station import preferences as p
from station._version import __version__
from station.connect import Connection, NotConfiguredError, connect_profile
from station.credentials import CredentialStore, NoKeyringError
from station.journal import default_journal_path, open_journal
from station.lazada.redact import install_redaction
from station.paths import data_dir
from station.settings import APPLICATION, ORGANISATION
from station.shop_connect import Endpoints
from station.ui import excepthook
from station.ui.errors import describe_error
from station.ui.label_viewer import PrintedLabels, add_label_viewer
from station.ui.main_window import MainWindow, default_folders
from station.ui.resources import resource
from station.ui.settings_dialog import DEMO_CHOSEN, SettingsDialog
from station.ui.ui_settings import UiSettings
from station.workflow.call_budget import ShopBudget
from station.workflow.jobs import JournalRef

log = logging.getLogger(__name__)

DEMO_POS = 300  # a realistic day at a busy bench
STATION = "station"  # the translation files: station_zh_CN.qm, station_en.qm
SWITCH_INTERVAL_S = 0.001


def keep_keys_quick() -> None:
    """Process-wide, once at the start (the benches and tests that build the window call it too)."""
    # Workers parse PDFs in pure Python while the operator types: hand the GIL back to this
    # (the event loop's) thread every 1 ms instead of every 5 ms, so no keystroke waits long.
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="station", description="Packing-bench station for Lazada JIT POs.")
    parser.add_argument("--demo", action="store_true", help="run on an embedded simulator, no account needed")
    parser.add_argument(
        "--simulator-url",
        metavar="URL",
        default="",
        help="work on a running simulator: with --profile of a shop connected there, as that shop (its "
        "authorisation, tokens and refreshes); otherwise with the demo shop's credentials (training benches, tests)",
    )
    parser.add_argument("--demo-pos", type=int, default=DEMO_POS, help="To Pack POs in the demo (default 300)")
    parser.add_argument(
        "--pack-delay",
        type=float,
        nargs=2,
        default=(5.0, 10.0),
        metavar=("MIN", "MAX"),
        help="demo: seconds the platform takes to pack (default 5 10)",
    )
    parser.add_argument("--lang", default="", help="language: en, zh_CN (default: the system's)")
    parser.add_argument("--profile", default="", help="seller profile (default: the active one)")
    parser.add_argument("--version", action="version", version=f"station {__version__}")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.demo and args.simulator_url:
        parser.error("use either --demo or --simulator-url, not both")
    return args


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load the station's and Qt's own translations for ``language`` (or the system locale)."""
    locale = QLocale(language) if language else QLocale.system()
    if language:
        QLocale.setDefault(locale)
    translators = []
    ours = str(resource("translations"))
    for name, folder in ((STATION, ours), ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator(app)
        loaded = translator.load(locale, name, "_", folder)
        if not loaded and name == STATION:
            # No translation for this language (English, the C locale, or one the station lacks): the
            # English file, which holds only the plural forms ("1 PO", "2 POs").
            loaded = translator.load(f"{STATION}_en", ours)
        if loaded:
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def make_app(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    icon = resource("icons", "station.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    font = QFont(app.font())
    font.setPointSize(max(font.pointSize(), 11))
    app.setFont(font)
    return app


def connect(args: argparse.Namespace, settings: UiSettings) -> Connection | None:
    """The connection to work on: the demo, a running simulator, or the active profile (asking for it
    on the first run)."""
    if args.simulator_url and args.profile and has_shop(args.profile):
        # A shop connected on the simulator (Connect shop, or station-cli login --simulator-url): the
        # real path, on the simulator's gateway and authorise page.
        return connect_profile(args.profile, gateway_url=Endpoints.simulator(args.simulator_url).gateway)
    if args.simulator_url or args.demo:
        # The demo (and the simulators behind it) loads only here: a shop's window never imports it.
        from station import demo

        if args.simulator_url:
            return demo.connect_simulator(args.simulator_url)
        low, high = args.pack_delay
        return demo.connect_demo(demo.SimulatorConfig(pos=args.demo_pos, pack_delay_min=low, pack_delay_max=high))
    profile = args.profile or settings.active_profile
    while True:
        try:
            return connect_profile(profile)
        except (NotConfiguredError, NoKeyringError) as exc:
            log.info("not configured: %s", exc)
            dialog = SettingsDialog(settings, first_run=True)
            if isinstance(exc, NoKeyringError):
                dialog.error.setText(describe_error(exc).message)
                dialog.error.show()
            answer = dialog.exec()
            if answer == DEMO_CHOSEN:
                args.demo = True
                return connect(args, settings)
            if answer != QDialog.DialogCode.Accepted:
                return None
            profile = settings.active_profile


def start_demo_label_printer(settings: UiSettings) -> PrintedLabels:
    """The demo's virtual label printer, with the 100x150 mm size routed to it in memory only (the settings
    file, a shop's, is never written). Started before the window: its print service reads the route."""
    from station import demo

    printer = demo.start_label_printer()
    settings.route_overrides[printer.size] = printer.route
    return printer


def has_shop(profile: str) -> bool:
    """Whether ``profile`` has its app's credentials in the keyring."""
    try:
        return CredentialStore(profile).load() is not None
    except NoKeyringError:
        return False


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # the window merges labels in a child process
    args = parse_args(argv if argv is not None else sys.argv[1:])
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    install_redaction()
    keep_keys_quick()
    app = make_app(sys.argv[:1])
    hook = excepthook.install()  # from here on an unexpected exception is a message, not a dead window
    settings = UiSettings()
    install_translations(app, args.lang or settings.language)
    try:
        connection = connect(args, settings)
    except Exception as exc:  # shown, not a traceback
        error = describe_error(exc)
        QMessageBox.critical(None, "Station", f"{error.message}\n\n{error.detail}")
        return 1
    if connection is None:
        return 0
    folders = default_folders(data_dir())
    # The journal: a local SQLite file, or (Settings, or STATION_JOURNAL=postgresql://...) one shared by the
    # warehouse's benches (docs/shared-journal.md). The embedded demo simulator forgets its POs at
    # exit, so its journal is thrown away with it; a running simulator keeps them, so its batches
    # are journaled like a shop's (filed under the simulator's address, as station-cli does).
    embedded_demo = connection.demo and not args.simulator_url
    journal = open_journal(":memory:" if embedded_demo else settings.journal_target or default_journal_path())
    if args.simulator_url:
        profile = f"simulator {args.simulator_url}"
    else:
        profile = "demo" if connection.demo else (args.profile or settings.active_profile)
    journal.settle_open_refreshes()
    connection.client.tokens.observer = journal
    # The shop's call rate, shared with its other benches on the journal (the throwaway demo's has none).
    budget = None
    if not journal.in_memory:
        total = settings.prefs.get(p.SHOP_CALLS_PER_SECOND)
        budget = ShopBudget(journal, profile, connection.client.transport.limiter, total=total).start()
    label_printer = start_demo_label_printer(settings) if embedded_demo else None
    window = MainWindow(connection, settings, folders, profile=args.profile, journal=JournalRef(journal, profile))
    if label_printer is not None:
        add_label_viewer(window, label_printer)
    window.show()
    hook.attach(window.jit.view.error_bar.show_error)
    try:
        return app.exec()
    finally:
        hook.attach(None)
        window.shutdown()
        if label_printer is not None:
            label_printer.stop()
        if budget is not None:
            budget.stop()
        connection.close()
        journal.close()


if __name__ == "__main__":
    sys.exit(main())
