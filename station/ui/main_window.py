"""The window the operator looks at all day: the frame around the JIT bench (:mod:`station.ui.jit`),
the other views (:mod:`station.ui.views`) and the log; the scanner, the window's keys, the settings
dialog, its size on the bench's screen, and the shutdown."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from station.connect import Connection
from station.ui.jit.bench import JitBench
from station.ui.jit.po_list import FAST_POLL_MS, POLL_MS
from station.ui.log_view import LogView
from station.ui.scan_handler import ScanHandler
from station.ui.shop_life import ShopAuthBar, TokenWatch
from station.ui.sound import SoundPlayer
from station.ui.ui_settings import UiSettings
from station.ui.views import OtherViews
from station.ui.voice import Voice, window_language
from station.ui.worker import TaskRunner
from station.workflow.jobs import Folders, JournalRef

log = logging.getLogger(__name__)

PREFERRED_SIZE = (1580, 960)
BENCH_SCREEN = (1920, 1200)  # up to this the window fills the screen


class MainWindow(QMainWindow):
    def __init__(
        self,
        connection: Connection,
        settings: UiSettings,
        folders: Folders,
        *,
        profile: str = "",
        days: int = 7,
        poll_ms: int = POLL_MS,
        fast_poll_ms: int = FAST_POLL_MS,
        first_poll_after: float = 4.0,
        poll_interval: float = 1.5,
        journal: JournalRef | None = None,
    ) -> None:
        super().__init__()
        self.connection = connection
        self.settings = settings
        self.runner = TaskRunner(self)
        self.sounds = SoundPlayer(settings.sounds)
        self.voice = Voice(self.sounds, settings.voice_mode, window_language())
        where = self.tr("demo simulator") if connection.demo else (profile or settings.active_profile)
        self.setWindowTitle(self.tr("Station · {where}").format(where=where))
        self.log_view = LogView()  # a tab of the bench's side panel; Ctrl+L shows it from anywhere
        self.log_view.attach()
        self.jit = JitBench(
            connection,
            settings,
            folders,
            self.runner,
            self.sounds,
            self.voice,
            self.log_view,
            journal,
            days=days,
            poll_ms=poll_ms,
            fast_poll_ms=fast_poll_ms,
            run_timing=(first_poll_after, poll_interval),
            parent=self,
        )
        view = self.jit.view
        self.views = OtherViews(
            view,
            connection,
            settings,
            self.runner,
            profile or settings.active_profile,
            self.jit.po_list.selected_numbers,
            folders.prints,
            journal=journal,
            cache_folder=folders.cache,
            feedback=self.jit.feedback,
        )
        self.views.erp.failed.connect(self.jit.feedback.show_error)
        self.shop_bar = ShopAuthBar()  # the shop's authorisation ending, or ended: above every view
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.shop_bar)
        column.addWidget(self.views.tabs, 1)
        self.setCentralWidget(central)
        self.statusBar().addWidget(view.status_label, 1)
        self.statusBar().addPermanentWidget(view.benches_label)  # the other benches' day, on a shared journal
        self.statusBar().addPermanentWidget(view.operator_box)  # who is signed in, on every view
        self.scan = ScanHandler(
            feedback=self.jit.feedback,
            po_list=self.jit.po_list,
            labels=self.jit.batches,
            views=self.views,
            verify=self.jit.verify,
            scan_to_print=view.scan_print.isChecked,
            client=connection.client,
            runner=self.runner,
            scanner=settings.scanner,
            parent=self,
        )
        view.settings_requested.connect(self.open_settings)
        self._build_actions()
        self._sized = False
        self._fit_to_screen()
        self.token_watch: TokenWatch | None = None
        if not connection.demo:
            self.token_watch = TokenWatch(connection, profile or settings.active_profile, self.shop_bar, parent=self)
            self.token_watch.ended.connect(self.jit.po_list.stop)
            self.token_watch.reconnected.connect(lambda _shop: self._resume_listing())
            self.token_watch.check()
        self.jit.start()

    def _build_actions(self) -> None:
        view = self.jit.view
        self.addActions(view.shortcuts)  # the big buttons' keys work whichever view is on screen
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(view.filters.search.setFocus)
        refresh = QAction(self)
        refresh.setShortcut(QKeySequence(Qt.Key.Key_F5))
        refresh.triggered.connect(self.jit.po_list.reload)
        show_log = QAction(self)
        show_log.setShortcut(QKeySequence("Ctrl+L"))
        show_log.triggered.connect(lambda: view.tabs.setCurrentWidget(self.log_view))
        self.addActions([find, refresh, show_log])

    def _resume_listing(self) -> None:
        self.jit.po_list.poll_timer.start()
        self.jit.po_list.reload()

    def open_settings(self) -> None:
        from station.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, parent=self, endpoints=self.connection.endpoints)
        self.settings_dialog = dialog
        dialog.accepted.connect(self._apply_sound_settings)
        dialog.accepted.connect(lambda: self.scan.filter.set_config(self.settings.scanner))
        dialog.accepted.connect(self.views.settings_changed)
        dialog.open()

    def _apply_sound_settings(self) -> None:
        self.sounds.enabled = self.settings.sounds
        self.voice.mode = self.settings.voice_mode

    def shutdown(self) -> None:
        columns = self.jit.view.dragged_columns()
        if columns is not None:
            self.settings.po_columns = columns
        if self.token_watch is not None:
            self.token_watch.shutdown()
        self.jit.shutdown()
        self.scan.close()
        self.voice.stop()
        self.log_view.detach()
        self.views.pickups.shutdown()
        self.runner.close()
        self.views.shutdown()

    def _fit_to_screen(self) -> None:
        """The whole screen of a bench PC (a 1366x768 laptop, a 1920x1080 monitor: the window stays
        open all day); on a larger screen, the preferred size."""
        screen = self.screen()
        room = screen.availableGeometry() if screen is not None else None
        if room is not None and room.width() <= BENCH_SCREEN[0] and room.height() <= BENCH_SCREEN[1]:
            self.setGeometry(room)
        else:
            self.resize(*PREFERRED_SIZE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # the list gets the room; the side panel keeps what it needs
            self._sized = True
            self.jit.view.share_width(self.width())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)


def default_folders(base: Path) -> Folders:
    return Folders(cache=base / "cache", prints=base / "prints")
