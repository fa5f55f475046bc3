"""The JIT bench's batches: start one (Pack, Ship…, Print, the whole run), resume the one the
journal left open, look again for a shared journal that went away, retry the failed POs, cancel;
then the verdict, the table's "Station did" column and the labels' preview. A batch's answers
reach the rows as they come (:mod:`station.ui.live_news`).
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable, Sequence
from datetime import datetime, time

from PySide6.QtCore import QObject, QTimer, Signal

from station.journal import BatchHeldError, JournalBatch, JournalUnreachableError
from station.lazada.jit import JitClient
from station.lazada.models import PickupContact, POStatus, PurchaseOrder
from station.outcomes import PoOutcome, Step, offered_pickup_dates
from station.printing.label_route import PrintPath
from station.ui.feedback import Feedback
from station.ui.jit.po_list import PoList
from station.ui.jit.view import JitView
from station.ui.live_news import NewsFeed
from station.ui.operator_text import translate_operator
from station.ui.pickup_date_dialog import PickupDateDialog
from station.ui.po_model import LastAction
from station.ui.ship_dialog import ShipDialog
from station.ui.sound import Sound
from station.ui.ui_settings import UiSettings
from station.ui.worker import TaskRunner
from station.workflow.jobs import (
    Folders,
    Job,
    JobResult,
    JobSpec,
    JournalRef,
    pack_job,
    print_job,
    resume_job,
    run_job,
    scan_print_job,
    ship_job,
)
from station.workflow.resume import describe as describe_resume

log = logging.getLogger(__name__)

JOURNAL_RETRY_MS = 10_000  # how often to look for a shared journal that went away


class BatchControl(QObject):
    job_finished = Signal(object)  # JobResult, or None when the batch stopped on an error

    def __init__(
        self,
        view: JitView,
        po_list: PoList,
        client: JitClient,
        settings: UiSettings,
        folders: Folders,
        runner: TaskRunner,
        feedback: Feedback,
        journal: JournalRef | None,
        *,
        demo: bool,
        run_timing: tuple[float, float],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.po_list = po_list
        self.client = client
        self.settings = settings
        self.folders = folders
        self.runner = runner
        self.feedback = feedback
        self.journal = journal
        self.demo = demo
        self.run_timing = run_timing  # (first poll after, poll interval) of a run's wait for ready
        self.cancel_event: threading.Event | None = None
        self.ship_contact: PickupContact | None = None  # the last batch's that shipped, for shipping again
        self.pickup_date_dialog: PickupDateDialog | None = None
        self.news = NewsFeed(self._apply_news, self)  # batches' answers reach the rows as they come
        # When the shared journal went away mid-batch: look for it again every few seconds, and
        # resume the open batch as soon as it answers.
        self.journal_retry = QTimer(self)
        self.journal_retry.setInterval(JOURNAL_RETRY_MS)
        self.journal_retry.timeout.connect(self._look_for_journal)
        view.pack_requested.connect(lambda: self.start_job(Job.PACK))
        view.ship_requested.connect(self.ship)
        view.print_requested.connect(lambda: self.start_job(Job.PRINT))
        view.run_requested.connect(self.run_all)
        view.batch_panel.cancel_requested.connect(self.cancel_job)
        view.batch_panel.retry_requested.connect(self._retry)
        view.print_panel.print_requested.connect(lambda: self.start_job(Job.PRINT))
        view.print_panel.failed.connect(feedback.show_error)
        view.print_panel.sent.connect(
            lambda pages: feedback.flash(self.tr("%n page(s) sent to the printer", "", pages), True)
        )

    def stop(self) -> None:
        self.journal_retry.stop()
        if self.cancel_event is not None:
            self.cancel_event.set()

    # ------------------------------------------------------------------ starting
    def start_job(
        self, job: Job, pos: Sequence[PurchaseOrder] | None = None, contact: PickupContact | None = None
    ) -> bool:
        view = self.view
        pos = list(self.po_list.targets() if pos is None else pos)
        if view.batch_panel.running:
            self.feedback.flash(self.tr("A batch is running; wait for it or cancel it."), False)
            return False
        if not pos:
            self.feedback.flash(self.tr("Select POs first (or tick All shown)."), False)
            return False
        client, cancel, choice, folders = self.client, threading.Event(), view.print_panel.choice(), self.folders
        journal, news = self.journal, self.news.add
        first_poll, interval = self.run_timing
        work: dict[Job, Callable[[Callable[..., None]], JobResult]] = {
            Job.PACK: lambda emit: pack_job(client, pos, emit, cancel, folders, journal, news=news),
            Job.SHIP: lambda emit: ship_job(
                client, pos, contact or self._contact(), emit, cancel, folders, journal, news=news
            ),
            Job.PRINT: lambda emit: print_job(client, pos, choice, folders, emit, cancel, journal, news=news),
            Job.RUN: lambda emit: run_job(
                client,
                pos,
                contact or self._contact(),
                choice,
                folders,
                emit,
                cancel,
                first_poll_after=first_poll,
                poll_interval=interval,
                journal=journal,
                news=news,
            ),
        }
        self.cancel_event = cancel
        if job in (Job.SHIP, Job.RUN):
            self.ship_contact = contact
        view.batch_panel.start(job, len(pos))
        self.feedback.info(self.tr("{batch}: started").format(batch=view.batch_panel.title.text()))
        view.tabs.setCurrentWidget(view.batch_panel)
        log.info("%s: %d POs", job.value, len(pos))
        self.runner.run_with_progress(
            work[job], self._job_done, lambda exc: self._job_failed(job, exc), view.batch_panel.on_progress
        )
        return True

    def ship(self) -> None:
        pos = self.po_list.targets()
        if not pos:
            self.feedback.flash(self.tr("Select POs first (or tick All shown)."), False)
            return
        profile = self.settings.active_profile
        contact = self._saved_contact()
        dialog = ShipDialog(contact, len(pos), len({po.ship_group for po in pos}), self.view)
        self.ship_dialog = dialog

        def accepted() -> None:
            if dialog.result_contact is None:
                return
            if dialog.save_default.isChecked():
                self.settings.base.set_pickup_contact(profile, dialog.result_contact)
            self.start_job(Job.SHIP, pos, dialog.result_contact)

        dialog.accepted.connect(accepted)
        dialog.open()

    def run_all(self) -> None:
        self.start_job(Job.RUN, None, self._saved_contact())

    def _saved_contact(self) -> PickupContact | None:
        """The pickup contact of Settings (the demo's own in demo mode when none is set)."""
        contact = self.settings.base.pickup_contact(self.settings.active_profile)
        if contact is None and self.demo:
            from station.demo import DEMO_CONTACT

            contact = DEMO_CONTACT
        return contact

    def _contact(self) -> PickupContact:
        contact = self.settings.base.pickup_contact(self.settings.active_profile)
        if contact is None:
            from station.lazada.errors import RequestValidationError

            raise RequestValidationError("No pickup contact is set; fill it in Settings or in the Ship dialog.")
        return contact

    def cancel_job(self) -> None:
        if self.cancel_event is not None:
            self.cancel_event.set()
            log.info("cancel asked by the operator")

    def _retry(self, job: Job, numbers: list[str]) -> None:
        pos = [po for po in (self.view.model.get(no) for no in numbers) if po is not None]
        self.start_job(job, pos)

    # ------------------------------------------------------------------ the journal: resume, restore, retry
    def resume_at_start(self) -> None:
        journal = self.journal
        if journal is None:
            return
        # Before the operator sends anything: a batch a crash left open is resumed first.
        self.runner.run(lambda: journal.journal.unfinished_batch(journal.profile), self._resume, self._resume_refused)
        # The "Station did" column of today survives a restart: it is read back from the journal.
        since = datetime.combine(datetime.now().date(), time()).timestamp()
        self.runner.run(
            lambda: journal.journal.recent_outcomes(journal.profile, since),
            self._restore_last,
            lambda exc: log.warning("earlier actions not read from the journal: %s", exc),
        )

    def _look_for_journal(self) -> None:
        journal = self.journal
        if journal is None or self.view.batch_panel.running:
            return
        self.runner.run(
            lambda: journal.journal.unfinished_batch(journal.profile),
            self._journal_back,
            lambda exc: log.info("shared journal still unreachable: %s", exc),
        )

    def _journal_back(self, batch: JournalBatch | None) -> None:
        self.journal_retry.stop()
        log.info("the shared journal answers again")
        self._resume(batch)

    def _restore_last(self, rows: list[tuple[PoOutcome, str, float]]) -> None:
        restored: dict[str, LastAction] = {}
        for outcome, job, when in rows:  # oldest first: a later batch's action wins
            action = last_action(outcome, Job(job) if job in {j.value for j in Job} else Job.RUN)
            if action:
                restored[outcome.purchase_order_no] = LastAction(action, datetime.fromtimestamp(when).astimezone())
        self.view.model.restore_last_actions(restored)

    def _resume(self, batch: JournalBatch | None) -> None:
        """Carry on with the batch the journal left open, and say so."""
        if batch is None or self.journal is None:
            return
        journal, client, folders, cancel = self.journal, self.client, self.folders, threading.Event()
        news = self.news.add
        contact = self.settings.base.pickup_contact(self.settings.active_profile)
        first_poll, interval = self.run_timing
        job = JobSpec.from_json(batch.options).job
        message = describe_resume(batch)
        log.info("%s", message)
        self.feedback.flash(translate_operator(message), True)
        self.cancel_event = cancel
        self.ship_contact = contact  # a resumed batch ships with Settings' contact
        panel = self.view.batch_panel
        panel.start(job, len(batch.outcomes))
        self.view.tabs.setCurrentWidget(panel)
        self.runner.run_with_progress(
            lambda emit: resume_job(
                client,
                journal,
                batch,
                contact,
                folders,
                emit,
                cancel,
                first_poll_after=first_poll,
                poll_interval=interval,
                news=news,
            ),
            self._job_done,
            lambda exc: self._job_failed(job, exc),
            panel.on_progress,
        )

    def _resume_refused(self, exc: BaseException) -> None:
        """The open batch could not be looked at or taken; another station on this PC running it is
        said in the banner too, and the batch is left to that station."""
        if isinstance(exc, BatchHeldError):
            self.feedback.flash(translate_operator(exc.operator_message), False)
        self.feedback.show_error(exc)

    # ------------------------------------------------------------------ a batch's answers and end
    def _apply_news(self, statuses: dict[str, POStatus], actions: dict[str, str]) -> None:
        """A batch's answers, as they arrive: rows move between statuses, counts and "Chosen" follow."""
        model = self.view.model
        moved = [
            dataclasses.replace(po, status=status)
            for no, status in statuses.items()
            if (po := model.get(no)) is not None and po.status is not status
        ]
        if moved:
            model.update_pos(moved)
        if actions:
            model.set_last_actions(actions, datetime.now().astimezone())
        if moved:
            self.po_list.update_counts()

    def _job_done(self, result: JobResult) -> None:
        """A batch ended: the verdict first (sound, banner, per-PO results), then the table and the
        preview, each in its own turn of the event loop so that no keystroke waits behind all three."""
        self.cancel_event = None
        self.news.flush()  # the rows agree with the verdict shown next
        panel = self.view.batch_panel
        panel.finish(result)
        failed = len(result.report.failed())
        self.feedback.play(Sound.FAIL if failed else Sound.OK)
        self.feedback.flash(panel.summary.text(), failed == 0 and not result.report.cancelled)
        if any(o.error == JournalUnreachableError.operator_message for o in result.report.failed()):
            self.feedback.flash(translate_operator(JournalUnreachableError.operator_message), False)
            self.journal_retry.start()
        QTimer.singleShot(0, lambda: self._mark_table(result))

    def _mark_table(self, result: JobResult) -> None:
        outcomes = result.report.outcomes.values()
        self.view.model.set_last_actions(
            {o.purchase_order_no: action for o in outcomes if (action := last_action(o, result.job))},
            datetime.now().astimezone(),
        )
        if result.job is Job.PACK:
            self.po_list.watch_packing({o.purchase_order_no for o in outcomes if o.packed})
        QTimer.singleShot(0, lambda: self._show_labels(result))

    def _show_labels(self, result: JobResult) -> None:
        if result.pdf is not None and result.choice is not None:
            printed = [o.purchase_order_no for o in result.report.outcomes.values() if o.printed]
            self.view.print_panel.show_pdf(
                result.pdf,
                result.choice.size,
                printed,
                result.report.output_pages,
                page_sizes=result.report.page_sizes_mm,
            )
        self.po_list.poll()
        self._offer_pickup_dates(result)
        self.job_finished.emit(result)

    def _offer_pickup_dates(self, result: JobResult) -> None:
        """POs refused for their pickup date: the dates the platform allows, offered at once; the one
        chosen ships them again (a ship alone: their labels, if any, are already fetched)."""
        refused = result.report.date_refused()
        dates = offered_pickup_dates(refused)
        contact = self.ship_contact or self._saved_contact()
        if not dates or contact is None:
            return
        numbers = [o.purchase_order_no for o in refused]
        self.feedback.flash(
            self.tr(
                "The platform refused the pickup date of %n PO(s); choose one of the dates it allows.", "", len(numbers)
            ),
            False,
        )
        dialog = PickupDateDialog(refused[0].refused_pickup_date, dates, len(numbers), self.view)
        self.pickup_date_dialog = dialog

        def accepted() -> None:
            date = dialog.chosen()
            pos = [po for po in (self.view.model.get(no) for no in numbers) if po is not None]
            if date and pos:
                log.info("shipping %d POs again for pickup on %s", len(pos), date)
                self.start_job(Job.SHIP, pos, dataclasses.replace(contact, estimated_pickup_date=date))

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _code: setattr(self, "pickup_date_dialog", None))
        dialog.open()

    def _job_failed(self, job: Job, exc: BaseException) -> None:
        self.cancel_event = None
        self.view.batch_panel.stopped()
        self.feedback.show_error(exc)
        self.job_finished.emit(None)

    # ------------------------------------------------------------------ scan to print, one PO
    def start_scan_print(
        self,
        no: str,
        cancel: threading.Event,
        progress: Callable[[Step, int, int], None],
        done: Callable[[JobResult], None],
        failed: Callable[[BaseException], None],
        *,
        ship: bool = False,
    ) -> None:
        """One scanned PO: packed if needed, waited on until ready, shipped too when ``ship`` (a
        verified PO at a bench set so; with Settings' pickup contact), its labels fetched (with the
        print tab's current choice)."""
        client, choice, folders, journal = self.client, self.view.print_panel.choice(), self.folders, self.journal
        news = self.news.add
        contact = self._saved_contact() if ship else None
        self.runner.run_with_progress(
            lambda emit: scan_print_job(
                client, no, choice, folders, emit, cancel, journal=journal, news=news, ship=ship, contact=contact
            ),
            done,
            failed,
            progress,
        )

    def show_scan_labels(self, no: str, result: JobResult) -> bool:
        """A scanned PO's labels: the row marked printed, the preview, and the labels sent to the
        printer set for their size (a queue, or a network label printer's address); without one, the Print
        tab is shown instead (False)."""
        assert result.pdf is not None and result.choice is not None
        view = self.view
        view.model.set_last_action([no], "printed", datetime.now().astimezone())
        view.print_panel.show_pdf(
            result.pdf, result.choice.size, [no], result.report.output_pages, page_sizes=result.report.page_sizes_mm
        )
        route = self.settings.route(result.choice.size.name)
        # A network label printer needs no queue name: its address names it (the demo's is one).
        if self.settings.printer(result.choice.size) or (route.path is PrintPath.SOCKET and route.address):
            view.print_panel.send_current()
            return True
        view.tabs.setCurrentWidget(view.print_panel)
        return False


def last_action(outcome: PoOutcome, job: Job) -> str:
    """The latest thing the station did to a PO in a job, for the "Station did" column."""
    if outcome.elsewhere:
        return ""  # another bench did it: nothing done here
    if not outcome.ok:
        return "failed"
    for action, done in (("printed", outcome.printed), ("shipped", outcome.shipped)):
        if done:
            return action
    return "packed" if outcome.packed and job in (Job.PACK, Job.RUN) else ""
