"""PrintService: the printer for the size, checked before sending, every job in the history, retry, reprint.

Against a real CUPS server with cups-pdf queues (conftest.cups_server); the tests that need no printer
run everywhere.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfWriter
from PySide6.QtWidgets import QApplication

from station.lazada.models import PdfSize
from station.printing import spooler
from station.printing.history import JobStatus
from station.printing.merge import merge_pdfs
from station.printing.page_size import POINTS_PER_MM
from station.printing.spooler import FixedPrinters, PrinterSettings, PrintService
from tests.printing.conftest import CupsTestServer, SimLabels, assert_pages, job_title


def blank_pdf(path: Path, size_mm: tuple[float, float], pages: int = 1) -> Path:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(size_mm[0] * POINTS_PER_MM, size_mm[1] * POINTS_PER_MM)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def title_of(service: PrintService, job_id: int) -> str:
    job = service.history.get(job_id)
    return f"{job.file_path.stem}-{job.id}"


# ---------------------------------------------------------------------- no printer needed
def test_no_printer_set_fails_with_a_sentence_and_stays_in_the_queue(tmp_path: Path) -> None:
    service = PrintService(tmp_path / "history", FixedPrinters({}, backend="cups"))
    pdf = blank_pdf(tmp_path / "labels.pdf", (60, 30), pages=2)
    job = service.print_file(pdf, PdfSize.LABEL_60X30, ["POJ1"])
    assert job.status is JobStatus.FAILED and job.size == "6030" and job.pages == 2
    assert "Settings" in job.error and "Nothing was printed." in job.error
    assert [j.id for j in service.jobs_on(date.today())] == [job.id]


def test_backend_setting_is_remembered_and_chooses_the_backend(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    q = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings = PrinterSettings(q)
    assert settings.backend == "auto"
    settings.backend = "qt"
    settings.set_printer(PdfSize.A4, "Office")
    again = PrinterSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert again.backend == "qt" and again.printer(PdfSize.A4) == "Office"
    assert isinstance(PrintService(tmp_path, again).backend, spooler.QtBackend)
    assert isinstance(spooler.make_backend("cups"), spooler.CupsBackend)
    with pytest.raises(ValueError):
        settings.backend = "lpr"


def test_mixed_file_is_split_into_one_job_per_size(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.pdf"
    merge_pdfs([blank_pdf(tmp_path / "a.pdf", (60, 30), 2), blank_pdf(tmp_path / "b.pdf", (100, 150), 1)], mixed)
    service = PrintService(tmp_path / "h", FixedPrinters({PdfSize.LABEL_60X30: "Small", PdfSize.LABEL_100X150: "Big"}))
    jobs = service.prepare(mixed, None, ["POJ1"])
    assert [(j.size, j.pages, j.printer, j.status) for j in jobs] == [
        ("6030", 2, "Small", JobStatus.PENDING),
        ("100150", 1, "Big", JobStatus.PENDING),
    ]
    assert all(j.file_path.parent == tmp_path / "h" / "jobs" for j in jobs)


# ---------------------------------------------------------------------- real CUPS
def _service(tmp_path: Path, queues: dict[PdfSize, str], backend: str = "cups") -> PrintService:
    return PrintService(tmp_path / "history", FixedPrinters(dict(queues), backend=backend), wait_s=30)


@pytest.mark.parametrize("size", [PdfSize.LABEL_60X30, PdfSize.LABEL_100X150])
def test_merged_batch_prints_on_the_queue_for_its_size(
    cups_server: CupsTestServer, sim_labels: SimLabels, tmp_path: Path, size: PdfSize
) -> None:
    merged = tmp_path / f"{job_title()}.pdf"
    summary = merge_pdfs(sim_labels.files[size], merged)
    service = _service(tmp_path, cups_server.queues)
    job = service.print_file(merged, size, sim_labels.po_numbers)
    assert job.status is JobStatus.PRINTED, job.error
    assert job.printer == cups_server.queues[size] and job.backend == "cups"
    assert job.spool_id.startswith(cups_server.queues[size] + "-")
    assert job.po_numbers == tuple(sim_labels.po_numbers) and job.pages == summary.pages
    assert_pages(cups_server.output_for(title_of(service, job.id)), summary.pages, size.millimetres)
    assert [j.id for j in service.jobs_on(date.today())] == [job.id]


def test_paused_queue_fails_clearly_sends_nothing_and_retry_prints(
    cups_server: CupsTestServer, scratch_queue: str, sim_labels: SimLabels, tmp_path: Path
) -> None:
    size = PdfSize.LABEL_60X30
    merged = tmp_path / f"{job_title()}.pdf"
    summary = merge_pdfs(sim_labels.files[size], merged)
    service = _service(tmp_path, {size: scratch_queue})
    subprocess.run(["cupsdisable", "-r", "out of labels", scratch_queue], check=True, timeout=20)
    before_jobs, before_files = cups_server.jobs(scratch_queue), cups_server.outputs()
    job = service.print_file(merged, size, sim_labels.po_numbers)
    assert job.status is JobStatus.FAILED
    assert "paused" in job.error and "out of labels" in job.error and "Nothing was printed." in job.error
    assert scratch_queue in job.error
    assert cups_server.jobs(scratch_queue) == before_jobs and cups_server.outputs() == before_files
    assert service.history.get(job.id).status is JobStatus.FAILED  # recorded: it stays in the queue
    subprocess.run(["cupsenable", scratch_queue], check=True, timeout=20)
    retried = service.retry(job.id)
    assert retried.id == job.id and retried.status is JobStatus.PRINTED, retried.error
    assert retried.error == ""
    assert_pages(cups_server.output_for(title_of(service, job.id)), summary.pages, size.millimetres)
    with pytest.raises(ValueError):
        service.retry(job.id)  # printed: reprint it instead


def test_missing_and_rejecting_queues_fail_clearly(
    cups_server: CupsTestServer, scratch_queue: str, tmp_path: Path
) -> None:
    pdf = blank_pdf(tmp_path / f"{job_title()}.pdf", (100, 150))
    service = _service(tmp_path, {PdfSize.LABEL_100X150: "NoSuchStationQueue"})
    missing = service.print_file(pdf, PdfSize.LABEL_100X150, ["POJ1"])
    assert missing.status is JobStatus.FAILED and "not set up" in missing.error
    subprocess.run(["cupsreject", "-r", "maintenance", scratch_queue], check=True, timeout=20)
    before = cups_server.jobs(scratch_queue)
    rejected = service.print_file(pdf, PdfSize.LABEL_100X150, ["POJ1"], printer=scratch_queue)
    assert rejected.status is JobStatus.FAILED and "not accepting" in rejected.error
    assert rejected.printer == scratch_queue and cups_server.jobs(scratch_queue) == before
    # The operator picks a working printer in the settings; retry uses it.
    service.settings = FixedPrinters({PdfSize.LABEL_100X150: cups_server.queues[PdfSize.LABEL_100X150]}, "cups")
    assert service.retry(missing.id).status is JobStatus.PRINTED
    assert service.history.get(missing.id).printer == cups_server.queues[PdfSize.LABEL_100X150]


def test_reprint_is_a_new_job_from_the_same_file(
    cups_server: CupsTestServer, sim_labels: SimLabels, tmp_path: Path
) -> None:
    size = PdfSize.A4
    merged = tmp_path / f"{job_title()}.pdf"
    summary = merge_pdfs(sim_labels.files[size], merged)
    service = _service(tmp_path, cups_server.queues)
    first = service.print_file(merged, size, sim_labels.po_numbers)
    again = service.reprint(first.id)
    assert again.id != first.id and again.status is JobStatus.PRINTED, again.error
    assert again.file_path == first.file_path and again.po_numbers == first.po_numbers
    assert_pages(cups_server.output_for(title_of(service, again.id)), summary.pages, size.millimetres)
    assert [j.id for j in service.jobs_on(date.today())] == [first.id, again.id]
    assert service.refresh()[-1].status is JobStatus.PRINTED


def test_mixed_batch_goes_to_each_sizes_queue(
    cups_server: CupsTestServer, sim_labels: SimLabels, tmp_path: Path
) -> None:
    mixed = tmp_path / f"{job_title()}.pdf"
    merge_pdfs([*sim_labels.files[PdfSize.LABEL_60X30], *sim_labels.files[PdfSize.LABEL_100X150]], mixed)
    service = _service(tmp_path, cups_server.queues)
    jobs = service.print_jobs(mixed, None, sim_labels.po_numbers)
    assert [(j.printer, j.status) for j in jobs] == [
        (cups_server.queues[PdfSize.LABEL_60X30], JobStatus.PRINTED),
        (cups_server.queues[PdfSize.LABEL_100X150], JobStatus.PRINTED),
    ]
    for job, size in zip(jobs, (PdfSize.LABEL_60X30, PdfSize.LABEL_100X150), strict=True):
        assert_pages(cups_server.output_for(title_of(service, job.id)), job.pages or 0, size.millimetres)


def test_qt_backend_can_be_forced(
    qapp: QApplication, cups_server: CupsTestServer, sim_labels: SimLabels, tmp_path: Path
) -> None:
    size = PdfSize.LABEL_60X30
    merged = tmp_path / f"{job_title()}.pdf"
    summary = merge_pdfs(sim_labels.files[size], merged)
    service = _service(tmp_path, cups_server.queues, backend="qt")
    job = service.print_file(merged, size, sim_labels.po_numbers)
    assert job.status is JobStatus.PRINTED and job.backend == "qt", job.error
    assert job.pages == summary.pages
    assert_pages(cups_server.output_for(title_of(service, job.id)), summary.pages, size.millimetres)


def test_printers_are_listed_with_their_state(cups_server: CupsTestServer, scratch_queue: str) -> None:
    subprocess.run(["cupsdisable", "-r", "lid open", scratch_queue], check=True, timeout=20)
    found = {p.name: p for p in spooler.list_printers("cups")}
    assert all(found[q].ready and found[q].state == "ready" for q in cups_server.queues.values())
    assert not found[scratch_queue].ready and found[scratch_queue].state == "paused (lid open)"
    assert set(cups_server.queues.values()) <= set(spooler.printer_names("cups"))
