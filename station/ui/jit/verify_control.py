"""Pack verification at the bench: a scanned PO opens its verification, each product scan counts in
it at once (in memory, on the UI thread: no network, no database wait), refused scans are said
loudly, and a complete (or short-finished) PO goes on as scan-to-print does.

The counting and its journal are the desk's (:mod:`station.workflow.verify_desk`); this module
decides what the operator sees and hears, and when the station goes on.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit

from station.journal import JournalStore, open_journal
from station.lazada.models import POStatus, PurchaseOrder
from station.scan_input import shown
from station.ui.feedback import Feedback
from station.ui.jit.po_list import PoList
from station.ui.jit.verify_dialogs import InnerPackDialog, ShortDialog, SignInDialog
from station.ui.jit.verify_prompts import prompt_for
from station.ui.jit.view import JitView
from station.ui.po_model import status_label
from station.ui.ui_settings import UiSettings
from station.ui.voice import Prompt
from station.ui.worker import TaskRunner
from station.workflow.jobs import JournalRef
from station.workflow.verify import InnerPack, ScanResult, ShortReason, Verdict, Verification, VerifyState
from station.workflow.verify_desk import VerifyDesk

log = logging.getLogger(__name__)

OPERATOR_BADGE_PREFIXES = ("OP:", "OP-")  # a scanned badge: the prefix, then the operator's name
CANCELLED = (POStatus.CANCELLED_BUYER, POStatus.CANCELLED_TIMEOUT)
VERIFIABLE = (POStatus.TO_PACK, POStatus.READY_TO_SHIP)  # its carton may still be being filled
KEEP_HOLDS_MS = 20_000


def badge_name(code: str) -> str | None:
    """The operator's name on a scanned badge (``OP:Ana Cruz``, ``OP-ANA``), or None for any other code."""
    text = code.strip()
    if text[:3].upper() in OPERATOR_BADGE_PREFIXES:
        name = " ".join(text[3:].split())
        return name or None
    return None


class VerifyControl(QObject):
    opened = Signal(str)  # a PO's verification is on the panel
    counted = Signal(object)  # the ScanResult of a product scan, once shown
    completed = Signal(str, bool)  # a PO verified (complete or short): its number, and whether to ship it too

    def __init__(
        self,
        view: JitView,
        po_list: PoList,
        settings: UiSettings,
        runner: TaskRunner,
        feedback: Feedback,
        journal: JournalRef | None,
        parent: QObject | None = None,
    ) -> None:
        """``journal``: where the counts are kept (a window with none counts in a journal of its own,
        in memory, gone at exit)."""
        super().__init__(parent)
        self.own_journal: JournalStore | None = None
        self.stopped = False
        if journal is not None:
            store = journal.journal
        else:
            store = self.own_journal = open_journal(":memory:")
        bench = store.bench
        self.view, self.panel, self.po_list = view, view.verify_panel, po_list
        self.settings, self.runner, self.feedback, self.bench = settings, runner, feedback, bench
        self.desk = VerifyDesk(store, settings.operator(bench))
        self.verifications: dict[str, Verification] = {}  # opened today at this window: switching keeps counts
        self.stores: dict[str, str] = {}
        self.current: Verification | None = None
        self._banner_refused = False  # the banner shows a refusal: the next counted unit puts it back
        self.opening: str | None = None  # a PO being read: product scans wait for it
        self.waiting: list[str] = []
        self.dialog: SignInDialog | ShortDialog | InnerPackDialog | None = None
        panel = self.panel
        panel.finish_short_requested.connect(self.ask_finish_short)
        panel.inner_pack_requested.connect(self.ask_inner_pack)
        panel.ship.setChecked(settings.verify_ship(bench))
        panel.ship_toggled.connect(lambda on: settings.set_verify_ship(bench, on))
        view.verify.setChecked(settings.verify_mode(bench))
        view.verify.toggled.connect(self._mode_toggled)
        view.sign_in_requested.connect(self.ask_sign_in)
        view.finish_short_key.triggered.connect(self.ask_finish_short)
        view.items_panel.image_loaded.connect(panel.model.image_arrived)
        view.show_operator(self.desk.operator)
        self.holds = QTimer(self)
        self.holds.setInterval(KEEP_HOLDS_MS)
        self.holds.timeout.connect(self._keep_holds)
        self.holds.start()
        if view.verify.isChecked():
            view.show_verify_panel()

    @property
    def mode(self) -> bool:
        return self.view.verify.isChecked()

    @property
    def operator(self) -> str:
        return self.desk.operator

    def stop(self) -> None:
        """The counts still queued written (a few ms), then the writer stopped."""
        self.holds.stop()
        if self.stopped:  # the window's shutdown may come twice (closed, then torn down)
            return
        self.stopped = True
        for no in self.verifications:  # a window closed lets its POs go; their counts stay in the journal
            self.desk.release(no)
        if not self.desk.close():
            log.warning("verification counts not all written: %d left", self.desk.unwritten)
        if self.own_journal is not None:
            self.own_journal.close()

    def done_with(self, no: str) -> None:
        """The PO verified here is through (labels done, or cancelled): other benches may open it."""
        if no in self.verifications:
            self.desk.release(no)

    def _mode_toggled(self, on: bool) -> None:
        self.settings.set_verify_mode(self.bench, on)
        log.info("verify mode %s", "on" if on else "off")
        if on:
            self.view.show_verify_panel()

    def _keep_holds(self) -> None:
        self.desk.keep_holds()  # queued to the desk's writer: no database wait here

    def say(self, prompt: Prompt, count: int = 0) -> None:
        """The spoken prompt: it starts with the ok or fail tone, and Settings say whether the words,
        the tone alone or nothing is heard."""
        self.feedback.say(prompt, count)

    # ------------------------------------------------------------------ the operator
    def sign_in(self, name: str) -> None:
        self.desk.operator = name
        self.settings.set_operator(self.bench, name)
        self.view.show_operator(name)
        log.info("operator signed in: %s", name)
        self.feedback.flash(self.tr("Signed in: {name}").format(name=name), True)
        self.say(Prompt.SIGNED_IN)

    def sign_out(self) -> None:
        log.info("operator signed out: %s", self.desk.operator)
        self.desk.operator = ""
        self.settings.set_operator(self.bench, "")
        self.view.show_operator("")
        self.feedback.info(self.tr("Signed out."))

    def ask_sign_in(self) -> None:
        if self.desk.operator:
            self.sign_out()
            return
        dialog = SignInDialog("", self.view)
        self.dialog = dialog

        def accepted() -> None:
            if dialog.chosen():
                self.sign_in(dialog.chosen())

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _code: setattr(self, "dialog", None))
        dialog.open()

    # ------------------------------------------------------------------ opening a PO
    def open_po(self, no: str) -> None:
        """A scanned PO number: its verification on the panel (read and resumed from the journal the
        first time), unless another bench holds it or the platform cancelled it."""
        view, model = self.view, self.po_list.model
        view.show_verify_panel()
        po = model.get(no)
        holder = model.held_by(no)
        if holder is not None:
            self._held(no, holder)
            return
        if po is not None and po.status in CANCELLED:
            self.alarm_cancelled(no)
            return
        if po is not None and po.status not in VERIFIABLE and no not in self.verifications:
            text = self.tr("{no} is {status}: nothing to verify.").format(no=no, status=status_label(po.status))
            self._refuse(text, Prompt.UNKNOWN)
            return
        known = self.verifications.get(no)
        if known is not None:
            self._show(known)
            return
        if po is None:
            self._refuse(self.tr("{no}: not listed; refresh the list (F5).").format(no=no), Prompt.UNKNOWN)
            return
        self.opening = no
        self.feedback.info(self.tr("{no}: opening its verification…").format(no=no))
        items = self.po_list.items.get(no)
        client, desk = self.po_list.client, self.desk

        def read() -> Verification:
            rows = items if items is not None else client.list_items(no)
            return desk.open(po, rows)

        self.runner.run(read, lambda v: self._opened(po, v), lambda exc: self._open_failed(no, exc))

    def _opened(self, po: PurchaseOrder, v: Verification) -> None:
        no = po.purchase_order_no
        self.opening = None
        self.verifications[no] = v
        self.stores[no] = po.store_name
        self._show(v)
        waiting, self.waiting = self.waiting, []
        for code in waiting:
            self.count(code)

    def _open_failed(self, no: str, exc: BaseException) -> None:
        self.opening = None
        self.waiting.clear()
        problem = getattr(exc, "problem", None)
        if problem is not None and getattr(problem, "kind", "") == "verify.held":
            self._held(no, str(problem.params.get("bench", "")))
            return
        log.warning("verification of %s not opened: %s", no, exc)
        self.feedback.show_error(exc)
        self.say(Prompt.UNKNOWN)

    def _show(self, v: Verification) -> None:
        no = v.purchase_order_no
        self.current = v
        panel = self.panel
        panel.show_verification(v, self.stores.get(no, ""))
        if v.remaining:
            panel.show_answer(self.tr("{no}: scan its items").format(no=no), "neutral")
        else:
            panel.show_answer(self.tr("{no}: complete").format(no=no), "ok")
        self.view.show_verify_panel()
        panel.quantity.setFocus()
        # The banner says what stays true while units are counted (the count itself is the panel's,
        # repainted alone at each scan); it turns red for a refusal and back for the next unit.
        self.feedback.flash(self.tr("{no}: scan its items").format(no=no), True)
        self._banner_refused = False
        if v.remaining:
            self.say(Prompt.MORE, v.remaining)
        else:
            self.say(Prompt.COMPLETE)
        log.info("verify %s: %d of %d units to scan", no, v.remaining, v.needed)
        self.opened.emit(no)

    def _held(self, no: str, bench: str) -> None:
        self._refuse(
            self.tr("{no} is being verified at {bench}; nothing opened here.").format(no=no, bench=bench), Prompt.HELD
        )

    def _refuse(self, text: str, prompt: Prompt) -> None:
        self.panel.show_answer(text, "fail")
        self.feedback.flash(text, False)
        self._banner_refused = True
        self.say(prompt)

    # ------------------------------------------------------------------ a product scan
    @property
    def ready(self) -> bool:
        """Whether a product scan has a verification to count in (or one being opened)."""
        return self.current is not None or self.opening is not None

    def matches(self, code: str) -> bool:
        return self.current is not None and self.current.matches(code)

    def count(self, code: str) -> ScanResult | None:
        """Count one scan in the open verification; the panel, the sound and the prompt at once."""
        if self.opening is not None:
            self.waiting.append(code)
            return None
        v = self.current
        if v is None:
            self._refuse(self.tr("Product {code}: scan the PO first.").format(code=shown(code)), Prompt.UNKNOWN)
            return None
        result = self.desk.count(v, code, self.panel.typed_quantity())
        self.panel.times.setText("")
        self.panel.model.line_changed(result.sku_id)
        self.panel.show_left()
        text, state = self._answer(v, result)
        self.panel.show_answer(text, state)
        if result.refused:
            self.feedback.flash(text, False)  # the big bar too: a wrong carton costs the most
            self._banner_refused = True
        elif self._banner_refused and result.verdict is not Verdict.COMPLETE:
            self.feedback.flash(self.tr("{no}: scan its items").format(no=v.purchase_order_no), True)
            self._banner_refused = False
        self.say(*prompt_for(result))
        log.info(
            "verify %s: %s %s (%d of %d)",
            v.purchase_order_no,
            shown(code),
            result.verdict.value,
            result.counted,
            result.asked,
        )
        self._quantity_ready()
        self.counted.emit(result)
        if result.verdict is Verdict.COMPLETE:
            self.desk.finish_complete(v)
            self.feedback.flash(self.tr("{no}: complete").format(no=v.purchase_order_no), True)
            self.completed.emit(v.purchase_order_no, self.panel.ship.isChecked())
        return result

    def _quantity_ready(self) -> None:
        """Digits typed next land in the quantity box, unless the operator is typing in another field."""
        focus = QApplication.focusWidget()
        if self.view.tabs.currentWidget() is self.panel and not isinstance(focus, QLineEdit | QAbstractSpinBox):
            self.panel.quantity.setFocus()

    def _answer(self, v: Verification, result: ScanResult) -> tuple[str, str]:
        line = v.line(result.sku_id) if result.sku_id else None
        sku = (line.seller_sku or line.sku_id) if line else ""
        code = shown(result.code)
        if result.verdict is Verdict.WRONG_ITEM:
            return self.tr("Wrong item {code}: not in this PO").format(code=code), "fail"
        if result.verdict is Verdict.TOO_MANY:
            if result.line_remaining:
                return self.tr("Too many: the pack holds {asked}, {sku} needs only {left}").format(
                    asked=result.asked, sku=sku, left=result.line_remaining
                ), "fail"
            return self.tr("Too many: {sku} needs no more").format(sku=sku), "fail"
        if result.verdict is Verdict.CLOSED:
            return self.tr("{no} is finished: scan the next PO").format(no=v.purchase_order_no), "fail"
        if result.verdict is Verdict.COMPLETE:
            return self.tr("{sku} ✓ · complete").format(sku=sku), "ok"
        if result.capped:
            return self.tr("Counted {counted} of {asked}: the line needed only {counted}").format(
                counted=result.counted, asked=result.asked
            ), "ok"
        more = self.tr("%n more", "", result.po_remaining)
        if result.counted > 1:
            return self.tr("{sku} ×{counted} ✓ · {more}").format(sku=sku, counted=result.counted, more=more), "ok"
        return self.tr("{sku} ✓ · {more}").format(sku=sku, more=more), "ok"

    # ------------------------------------------------------------------ finishing short, inner packs
    def ask_finish_short(self) -> None:
        v = self.current
        if not self.mode or v is None or not v.is_open or self.dialog is not None:
            return
        if not self.desk.operator:
            self._refuse(
                self.tr("Sign in first: a short carton is recorded with the operator's name."), Prompt.REASON_NEEDED
            )
            return
        dialog = ShortDialog(v, self.desk.operator, self.view)
        self.dialog = dialog
        self.say(Prompt.REASON_NEEDED)

        def accepted() -> None:
            reason = dialog.reason()
            if reason is not None:
                self.finish_short(v, reason, dialog.note.text())

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _code: setattr(self, "dialog", None))
        dialog.open()

    def finish_short(self, v: Verification, reason: ShortReason, note: str) -> None:
        self.desk.finish_short(v, reason, note)
        no = v.purchase_order_no
        log.info("verify %s: finished short (%s) by %s", no, reason.value, self.desk.operator)
        self.panel.show_left()
        text = self.tr("{no}: finished short, %n unit(s) missing", "", sum(v.missing().values())).format(no=no)
        self.panel.show_answer(text, "ok")
        self.feedback.flash(text, True)
        self.completed.emit(no, self.panel.ship.isChecked())

    def ask_inner_pack(self, sku_id: str) -> None:
        v = self.current
        if v is None or self.dialog is not None:
            return
        line = v.line(sku_id)
        dialog = InnerPackDialog(f"{line.seller_sku} · {line.title}", self.view)
        self.dialog = dialog

        def accepted() -> None:
            pack = dialog.pack()
            if pack is not None:
                self.set_inner_pack(sku_id, pack)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _code: setattr(self, "dialog", None))
        dialog.open()

    def set_inner_pack(self, sku_id: str, pack: InnerPack) -> None:
        v = self.current
        if v is None:
            return
        self.desk.set_inner_pack(sku_id, pack)  # counts at once in every PO open here; kept for every bench
        self.panel.show_verification(v, self.stores.get(v.purchase_order_no, ""))
        self.panel.show_answer(
            self.tr("Inner pack {code}: %n unit(s) a scan", "", pack.units).format(code=pack.barcode), "ok"
        )

    # ------------------------------------------------------------------ cancelled at the bench
    def alarm_cancelled(self, no: str) -> None:
        """The platform cancelled the PO while it was on the bench: do not pack it; nothing is sent."""
        v = self.verifications.get(no)
        if v is not None and v.state is not VerifyState.CANCELLED:  # open, or filled just before it was cancelled
            self.desk.cancelled(v)
        if v is not None and self.current is v:
            self.panel.show_left()
        self.done_with(no)
        text = self.tr("{no}: Cancelled — do not pack").format(no=no)
        log.warning("verify %s: cancelled by the platform at the bench", no)
        self._refuse(text, Prompt.CANCELLED)
