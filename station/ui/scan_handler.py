"""What a scan does in the window: select the PO (or the POs holding a product), or say loudly it is unknown.

In "scan to print" mode a scanned PO is packed if needed, waited on until ready, and its labels are
fetched and sent to the printer set for the paper size: no mouse at all. Scans queue while one prints.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from station.lazada.jit import JitClient
from station.lazada.models import PurchaseOrder
from station.outcomes import Step
from station.scan_input import Scan, ScannerConfig, shown
from station.ui.batch_panel import step_label
from station.ui.errors import describe_error
from station.ui.feedback import Feedback
from station.ui.jit.batch_control import BatchControl
from station.ui.jit.po_list import PoList
from station.ui.jit.verify_control import VerifyControl, badge_name
from station.ui.operator_text import translate_operator
from station.ui.scanner import ScannerFilter
from station.ui.sound import Sound
from station.ui.views import OtherViews
from station.ui.voice import Prompt
from station.ui.worker import TaskRunner
from station.workflow.jobs import JobResult

log = logging.getLogger(__name__)


BANNER_CODE_CHARS = 48  # a longer code is shown with its middle cut: the banner never outgrows the window


CANCELLED_KINDS = ("po.cancelled_at_bench", "po.cancelled")  # a PO the platform cancelled: the alarm

# What a PO or logistics number can look like; anything else is unknown without asking the platform.
PLATFORM_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{2,63}")


def banner_code(code: str) -> str:
    """A scanned code as the banner shows it: plain text, control characters visible, at most
    :data:`BANNER_CODE_CHARS` characters (the start and the end tell codes apart)."""
    text = shown(code)
    if len(text) <= BANNER_CODE_CHARS:
        return text
    half = (BANNER_CODE_CHARS - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


def lookup(client: JitClient, code: str) -> list[PurchaseOrder]:
    """Ask the platform about a code the list does not hold: a PO number, else a logistics number."""
    found = list(client.find_pos([code]).values())
    return found or client.find_by_logistics_nos([code])


class ScanHandler(QObject):
    handled = Signal(str, bool)  # the code, and whether it matched
    printed = Signal(object)  # JobResult of a scan to print

    def __init__(
        self,
        *,
        feedback: Feedback,
        po_list: PoList,
        labels: BatchControl,
        views: OtherViews,
        verify: VerifyControl,
        scan_to_print: Callable[[], bool],
        client: JitClient,
        runner: TaskRunner,
        scanner: ScannerConfig,
        parent: QObject | None = None,
    ) -> None:
        """``feedback``: the banner, sounds and error bar; ``po_list``: where codes are found and
        selected; ``labels``: who runs a scan to print and shows its labels; ``views``: a scan is
        for the marketplace orders while they are on screen; ``scan_to_print``: whether the mode is
        on; ``verify``: pack verification (a PO scanned opens it, a product counts in it); ``client``
        and ``runner``: a code the list does not hold is asked about on a worker."""
        super().__init__(parent)
        self.feedback = feedback
        self.po_list = po_list
        self.labels = labels
        self.views = views
        self.verify = verify
        verify.completed.connect(self._verified)
        self.ship_after: set[str] = set()  # verified POs the bench ships too
        self.scan_to_print = scan_to_print
        self.client = client
        self.runner = runner
        self.filter = ScannerFilter(self, config=scanner)
        self.filter.scanned_in_full.connect(self.on_scan)
        self.filter.install()
        self.queue: list[str] = []
        self.waiting_for_index: list[Scan | str] = []  # scans that came before the product barcodes
        po_list.items_indexed.connect(self._index_ready)
        self.busy = False
        self.cancel = threading.Event()

    def close(self) -> None:
        self.cancel.set()
        self.filter.uninstall()

    # ------------------------------------------------------------------ a scan
    def on_scan(self, scan: Scan | str) -> None:
        """Every scan gets its answer on screen at once: a match, "looking up", or unknown."""
        if isinstance(scan, str):
            code, candidates = scan.strip(), [scan.strip()]
        else:
            code, candidates = scan.code, scan.lookup_codes()
        answer, found = self.feedback, self.po_list
        log.info("scan %s", shown(code))
        name = badge_name(code)
        if name is not None:  # an operator's badge: signs that operator in
            self.verify.sign_in(name)
            self.handled.emit(code, True)
            return
        if self.views.show_pickup(code):  # a pickup order number: the Pickups view reads and shows it
            answer.info(self.tr("{code}: pickup order, shown in Pickups").format(code=banner_code(code)))
            answer.play(Sound.OK)
            self.handled.emit(code, True)
            return
        if self.views.orders_showing:  # the marketplace orders are on screen: the scan is for them
            orders = self.views.orders
            ok = orders.scan_to_print(code) if self.scan_to_print() else orders.handle_scan(code)
            if ok:
                answer.flash(self.tr("{code}: order selected").format(code=banner_code(code)), True)
                answer.play(Sound.OK)
            else:
                answer.flash(
                    self.tr("Unknown code {code}: no order or tracking number matches. Nothing changed.").format(
                        code=banner_code(code)
                    ),
                    False,
                )
                answer.play(Sound.FAIL)
            log.info("scan %s: %s", shown(code), "order selected" if ok else "unknown")
            self.handled.emit(code, ok)
            return
        self.views.show_jit()  # its answer (the row, the banner) is on the JIT bench
        if self.verify.mode:
            self._verify_scan(scan, code, candidates)
            return
        for candidate in candidates:
            numbers = found.model.find_code(candidate)
            if numbers:
                self._matched(code, numbers, product=False)
                return
            holders = sorted(found.barcodes.get(candidate.upper(), ()))
            if holders:
                self._matched(code, holders, product=True)
                return
        if not found.barcodes_ready:
            # The listed POs' product barcodes are still being read: answer once they are.
            self.waiting_for_index.append(scan)
            answer.info(self.tr("{code}: reading the POs' products, one moment…").format(code=banner_code(code)))
            return
        if not PLATFORM_NUMBER.fullmatch(code):
            self._unknown(code)  # no PO or logistics number looks like this: no need to ask
            return
        answer.info(self.tr("Looking up {code}…").format(code=banner_code(code)))
        client = self.client
        self.runner.run(
            lambda: lookup(client, code),
            lambda pos: self._looked_up(code, pos),
            lambda exc: self._lookup_failed(code, exc),
        )

    def _index_ready(self) -> None:
        waiting, self.waiting_for_index = self.waiting_for_index, []
        for scan in waiting:
            self.on_scan(scan)

    def _looked_up(self, code: str, pos: list[PurchaseOrder]) -> None:
        if not pos:
            self._unknown(code)
            return
        self.po_list.add_found(pos)
        self._matched(code, [po.purchase_order_no for po in pos], product=False)

    def _lookup_failed(self, code: str, exc: BaseException) -> None:
        log.info("scan %s: lookup failed", shown(code))
        self.feedback.flash(
            self.tr("Could not look up {code}: {why}").format(code=banner_code(code), why=describe_error(exc).message),
            False,
        )
        self.feedback.play(Sound.FAIL)
        self.handled.emit(code, False)

    def _unknown(self, code: str) -> None:
        log.info("scan %s: unknown", shown(code))
        self.feedback.flash(
            self.tr("Unknown code {code}: no PO, logistics number or product matches. Nothing changed.").format(
                code=banner_code(code)
            ),
            False,
        )
        self.feedback.play(Sound.FAIL)
        self.handled.emit(code, False)

    def _matched(self, code: str, numbers: list[str], *, product: bool) -> None:
        answer, model = self.feedback, self.po_list.model
        self.po_list.select_numbers(numbers)
        holder = model.held_by(numbers[0]) if len(numbers) == 1 else None
        if holder is not None:
            # Another bench of the warehouse is working on it: say so, and do nothing with it here.
            answer.flash(
                self.tr("{no} is being handled by {bench}; nothing sent from this bench.").format(
                    no=numbers[0], bench=holder
                ),
                False,
            )
            answer.play(Sound.FAIL)
            self.handled.emit(code, False)
            return
        if product:
            text = self.tr("Product {code}: in %n PO(s), selected", "", len(numbers)).format(code=banner_code(code))
        else:
            po = model.get(numbers[0])
            store = po.store_name if po else ""
            text = self.tr("{no} selected · {store}").format(no=numbers[0], store=store)
        answer.flash(text, True)
        answer.play(Sound.OK)
        log.info("scan %s: %s %s selected", shown(code), "product in" if product else "PO", ", ".join(numbers[:5]))
        self.handled.emit(code, True)
        if self.scan_to_print():
            if product or len(numbers) != 1:
                answer.flash(
                    self.tr("Scan to print: scan the PO number (this product is in %n PO(s)).", "", len(numbers)), False
                )
                return
            self.queue.append(numbers[0])
            self._next()

    # ------------------------------------------------------------------ pack verification
    def _verify_scan(self, scan: Scan | str, code: str, candidates: list[str]) -> None:
        """Verify mode: a unit of the open PO counts at once (no network, no journal wait); a PO or
        logistics number opens its verification; any other product is refused as a wrong item."""
        verify, found = self.verify, self.po_list
        for candidate in candidates:
            if verify.matches(candidate):  # the common case first: a unit of the PO on the panel
                self._count(candidate)
                return
        for candidate in candidates:
            numbers = found.model.find_code(candidate)
            if numbers:
                self._verify_po(code, numbers)
                return
        product = any(c.upper() in found.barcodes for c in candidates)
        if product or code.isdigit() or not PLATFORM_NUMBER.fullmatch(code):
            if verify.ready or product:
                self._count(code)  # a wrong item (or "scan the PO first")
                return
            if not found.barcodes_ready:
                self.waiting_for_index.append(scan)
                self.feedback.info(
                    self.tr("{code}: reading the POs' products, one moment…").format(code=banner_code(code))
                )
                return
            self._unknown(code)
            return
        # Letters and digits of no listed PO: perhaps a PO the list does not hold; the platform says.
        self.feedback.info(self.tr("Looking up {code}…").format(code=banner_code(code)))
        client = self.client
        self.runner.run(
            lambda: lookup(client, code),
            lambda pos: self._verify_looked_up(code, pos),
            lambda exc: self._lookup_failed(code, exc),
        )

    def _count(self, code: str) -> None:
        result = self.verify.count(code)
        self.handled.emit(code, result is not None and not result.refused)

    def _verify_po(self, code: str, numbers: list[str]) -> None:
        self.po_list.select_numbers(numbers, flash=False)
        if len(numbers) != 1:
            self.feedback.flash(
                self.tr("Verify: scan the PO number (this code is in %n PO(s)).", "", len(numbers)), False
            )
            self.feedback.play(Sound.FAIL)
            self.handled.emit(code, False)
            return
        self.verify.open_po(numbers[0])
        self.handled.emit(code, True)

    def _verify_looked_up(self, code: str, pos: list[PurchaseOrder]) -> None:
        if pos:
            self.po_list.add_found(pos)
            self._verify_po(code, [po.purchase_order_no for po in pos])
        elif self.verify.ready:
            self._count(code)
        else:
            self._unknown(code)

    def _verified(self, no: str, ship: bool) -> None:
        """A verified PO goes on as scan-to-print does: packed if needed, labels printed (shipped too)."""
        if ship:
            self.ship_after.add(no)
        self.queue.append(no)
        self._next()

    # ------------------------------------------------------------------ scan to print
    def _next(self) -> None:
        if self.busy or not self.queue:
            return
        no = self.queue.pop(0)
        self.busy = True
        ship = no in self.ship_after
        self.feedback.info(self.tr("{no}: preparing labels…").format(no=no))
        self.labels.start_scan_print(
            no,
            self.cancel,
            lambda step, done, total: self._progress(no, step),
            lambda result: self._printed(no, result),
            lambda exc: self._print_failed(no, exc),
            ship=ship,
        )
        self.ship_after.discard(no)

    def _progress(self, no: str, step: Step) -> None:
        self.feedback.info(self.tr("{no}: {step}…").format(no=no, step=step_label(step)))

    def _printed(self, no: str, result: JobResult) -> None:
        self.busy = False
        answer = self.feedback
        outcome = result.report.outcomes.get(no)
        self.verify.done_with(no)
        kind = outcome.problem.kind if outcome is not None and outcome.problem is not None else ""
        if kind in CANCELLED_KINDS and no in self.verify.verifications:
            self.verify.alarm_cancelled(no)  # cancelled while on the bench: nothing was sent for it
        elif result.pdf is None or result.choice is None or outcome is None or not outcome.printed:
            log.info("scan to print %s: no labels (%s)", no, outcome.error if outcome else "")
            why = translate_operator(outcome.error) if outcome else ""
            answer.flash(self.tr("{no}: no labels. {why}").format(no=no, why=why), False)
            answer.play(Sound.FAIL)
        else:
            sent = self.labels.show_scan_labels(no, result)
            log.info("scan to print %s: labels ready, %d pages", no, result.report.output_pages)
            if sent:
                answer.flash(self.tr("{no}: labels sent to the printer").format(no=no), True)
            else:
                answer.flash(self.tr("{no}: labels ready (no printer set for this size)").format(no=no), True)
            if no in self.verify.verifications:
                answer.say(Prompt.PRINTED)  # a verified carton: its labels, said
            else:
                answer.play(Sound.OK)
        self.printed.emit(result)
        self._next()

    def _print_failed(self, no: str, exc: BaseException) -> None:
        self.busy = False
        self.verify.done_with(no)
        problem = getattr(exc, "problem", None)
        if problem is not None and problem.kind in CANCELLED_KINDS:
            self.verify.alarm_cancelled(no)  # the alarm, not an error: the PO is not to be packed
            self.printed.emit(None)
            self._next()
            return
        error = describe_error(exc)
        self.feedback.flash(f"{no}: {error.message}", False)
        self.feedback.show_error(error)  # described already: the bar and the sound, no log line
        self.printed.emit(None)
        self._next()
