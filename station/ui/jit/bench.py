"""The JIT bench put together: its view, the PO list, the batches, and the operator's feedback."""

from __future__ import annotations

from PySide6.QtCore import QObject

from station.connect import Connection
from station.ui.feedback import Feedback
from station.ui.jit.batch_control import BatchControl
from station.ui.jit.po_list import PoList
from station.ui.jit.verify_control import VerifyControl
from station.ui.jit.view import JitView
from station.ui.log_view import LogView
from station.ui.sound import SoundPlayer
from station.ui.ui_settings import UiSettings
from station.ui.unprinted_banner import watch_unprinted
from station.ui.voice import Voice
from station.ui.worker import TaskRunner
from station.workflow.jobs import Folders, Job, JournalRef
from station.workflow.print_journal import PrintJournal


class JitBench:
    def __init__(
        self,
        connection: Connection,
        settings: UiSettings,
        folders: Folders,
        runner: TaskRunner,
        sounds: SoundPlayer,
        voice: Voice,
        log_view: LogView,
        journal: JournalRef | None,
        *,
        days: int,
        poll_ms: int,
        fast_poll_ms: int,
        run_timing: tuple[float, float],
        parent: QObject,
    ) -> None:
        client = connection.client
        self.runner, self.client, self.folders, self.journal = runner, client, folders, journal
        self.view = JitView(runner, settings, folders.prints, client.now().date(), days, log_view)
        if journal is not None:  # how each print ended, in the journal beside the batches
            self.view.print_panel.service.on_state = PrintJournal(journal.journal)
        self.feedback = Feedback(self.view.banner, self.view.error_bar, sounds, voice)
        self.po_list = PoList(
            self.view, client, runner, self.feedback, journal, poll_ms=poll_ms, fast_poll_ms=fast_poll_ms, parent=parent
        )
        self.batches = BatchControl(
            self.view,
            self.po_list,
            client,
            settings,
            folders,
            runner,
            self.feedback,
            journal,
            demo=connection.demo,
            run_timing=run_timing,
            parent=parent,
        )

        self.verify = VerifyControl(self.view, self.po_list, settings, runner, self.feedback, journal, parent=parent)

    def start(self) -> None:
        """The first listing; POs shipped today without labels here; the batch the journal left open."""
        self.po_list.reload()
        watch_unprinted(
            self.view.unprinted,
            self.runner,
            self.client,
            self.folders.prints,
            self.journal,
            lambda pos: self.batches.start_job(Job.PRINT, pos),
        )
        self.batches.resume_at_start()

    def shutdown(self) -> None:
        self.po_list.stop()
        self.batches.stop()
        self.verify.stop()
