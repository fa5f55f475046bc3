"""The window's top-level views beside the JIT POs: marketplace orders and the ERPs.

Kept out of ``main_window.py`` so the JIT bench stays readable; each view owns its own table and
clients and runs its network work on the window's task runner.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from station.connect import Connection
from station.lazada.models import PdfSize
from station.lazada.orders import OrdersClient
from station.printing.spooler import PrintService
from station.ui.erp_view import ErpView, make_erp_view
from station.ui.feedback import Feedback
from station.ui.orders_view import OrdersView
from station.ui.pickups.view import PICKUP_NUMBER, PickupsView
from station.ui.printer import send_to_printer
from station.ui.stats.view import StatsView
from station.ui.ui_settings import UiSettings
from station.ui.worker import TaskRunner
from station.workflow.cartons import CartonLabels
from station.workflow.jobs import JournalRef
from station.workflow.stats import OperatorDay, day_figures


class OtherViews:
    """Builds the view tabs around the JIT bench and closes what they opened."""

    def __init__(
        self,
        jit_bench: QWidget,
        connection: Connection,
        settings: UiSettings,
        runner: TaskRunner,
        profile: str,
        selected_pos: Callable[[], list[str]],
        prints_folder: Path,
        *,
        journal: JournalRef | None = None,
        cache_folder: Path | None = None,
        feedback: Feedback | None = None,
    ) -> None:
        self.settings = settings
        self.connection, self.journal, self.feedback = connection, journal, feedback
        self.prints_folder, self.cache_folder = prints_folder, cache_folder
        self._cartons: CartonLabels | None = None
        self.pickups = PickupsView(connection.client, runner, settings, self.cartons, lambda: self.feedback)
        self.orders_client = OrdersClient(connection.client.transport, connection.client.tokens)
        self.orders = OrdersView(self.orders_client, runner, printer_name=settings.printer(PdfSize.LABEL_100X150))
        self.erp: ErpView = make_erp_view(
            runner,
            profile,
            connection.client,
            selected_pos,
            prints_folder,
            demo=connection.demo,
            print_pdf=lambda pdf: send_to_printer(
                pdf, settings.printer(PdfSize.LABEL_60X30) or None, backend=settings.print_backend
            ),
        )
        self.stats = StatsView(runner, self._figures_reader(), date.today)
        self.jit_bench = jit_bench
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(jit_bench, QCoreApplication.translate("OtherViews", "JIT purchase orders"))
        self.tabs.addTab(self.orders, QCoreApplication.translate("OtherViews", "Marketplace orders"))
        self.tabs.addTab(self.erp, QCoreApplication.translate("OtherViews", "ERP"))
        self.tabs.addTab(self.pickups, QCoreApplication.translate("OtherViews", "Pickups"))
        self.tabs.addTab(self.stats, QCoreApplication.translate("OtherViews", "Stats"))
        self._erp_loaded = False
        self.tabs.currentChanged.connect(self._opened)

    def _opened(self, index: int) -> None:
        # The other views load on first sight: the bench starts on the JIT POs, and most days stays there.
        widget = self.tabs.widget(index)
        if widget is self.orders and not self.orders.model.rowCount():
            self.orders.reload()
        elif widget is self.erp and not self._erp_loaded:
            self._erp_loaded = True
            self.erp.refresh_qianyi()
            self.erp.refresh_shoplazza()
        elif widget is self.pickups and not self.pickups.ever_loaded:
            self.pickups.refresh()

    def _figures_reader(self) -> Callable[[date], list[OperatorDay]] | None:
        """The day's verification figures from the journal (on a worker); None without one."""
        journal = self.journal
        if journal is None:
            return None
        return lambda day: day_figures(journal.journal, day)

    @property
    def orders_showing(self) -> bool:
        return self.tabs.currentWidget() is self.orders

    def show_jit(self) -> None:
        """Bring the JIT bench forward (a PO scanned while the Pickups or ERP view was showing)."""
        self.tabs.setCurrentWidget(self.jit_bench)

    def cartons(self) -> CartonLabels | None:
        """The carton-label workflow, made when first needed (None without a journal to record it in)."""
        if self._cartons is None and self.journal is not None and self.cache_folder is not None:
            self._cartons = CartonLabels(
                self.connection.client,
                self.journal.journal,
                self.cache_folder,
                service=PrintService(self.prints_folder, self.settings.printing),
                printers=self.settings,
            )
        return self._cartons

    def show_pickup(self, code: str) -> bool:
        """A scanned pickup order number: the Pickups view shows it. False for any other code."""
        if not PICKUP_NUMBER.fullmatch(code.strip()):
            return False
        self.tabs.setCurrentWidget(self.pickups)
        self.pickups.show_pickup(code)
        return True

    def settings_changed(self) -> None:
        self.orders.printer_name = self.settings.printer(PdfSize.LABEL_100X150)

    def shutdown(self) -> None:
        """After the window's runner is closed: no worker still uses these clients."""
        self.orders_client.close()
        self.erp.shutdown()
        if self._cartons is not None:
            self._cartons.close()
