"""The CUPS backend against a real CUPS server with cups-pdf queues (see conftest.cups_server)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from station.lazada.models import PdfSize
from station.printing import cups
from station.printing.merge import merge_pdfs
from tests.printing.conftest import CupsTestServer, SimLabels, assert_pages, job_title


def test_print_options_keep_exact_size_and_orientation() -> None:
    assert cups.print_options((60.0, 30.0)) == [
        "media=Custom.60x30mm",
        "print-scaling=none",
        "fit-to-page=false",
        "orientation-requested=3",
    ]
    assert cups.print_options((100.0, 150.0), copies=2)[0] == "media=Custom.100x150mm"
    assert "copies=2" in cups.print_options((100.0, 150.0), copies=2)


def test_queues_are_listed_with_their_state(cups_server: CupsTestServer) -> None:
    found = {q.name: q for q in cups.list_queues()}
    for queue in cups_server.queues.values():
        assert found[queue].enabled and found[queue].accepting


@pytest.mark.parametrize("size", list(PdfSize))
def test_merged_batch_prints_at_exact_size(
    cups_server: CupsTestServer, sim_labels: SimLabels, tmp_path: Path, size: PdfSize
) -> None:
    merged = tmp_path / f"batch-{size.value}.pdf"
    summary = merge_pdfs(sim_labels.files[size], merged)
    title = job_title()
    job = cups.submit(cups_server.queues[size], merged, size, title=title)
    assert job.startswith(cups_server.queues[size] + "-")
    out = cups_server.output_for(title)
    assert_pages(out, summary.pages, size.millimetres)
    assert cups.wait_for_job(job, deadline_s=30) is cups.JobState.COMPLETED


def _refused(cups_server: CupsTestServer, queue: str, pdf: Path, error: type[cups.PrintError], *words: str) -> None:
    before_jobs, before_files = cups_server.jobs(queue), cups_server.outputs()
    with pytest.raises(error) as caught:
        cups.submit(queue, pdf, title=job_title())
    message = caught.value.operator_message
    assert queue in message and "Nothing was printed." in message
    assert all(word in message for word in words), message
    assert cups_server.jobs(queue) == before_jobs
    assert cups_server.outputs() == before_files


def test_paused_queue_gives_clear_error_and_sends_nothing(
    cups_server: CupsTestServer, scratch_queue: str, sim_labels: SimLabels
) -> None:
    subprocess.run(["cupsdisable", "-r", "out of labels", scratch_queue], check=True, timeout=20)
    _refused(
        cups_server,
        scratch_queue,
        sim_labels.files[PdfSize.LABEL_60X30][0],
        cups.QueueDisabledError,
        "paused",
        "out of labels",
    )


def test_rejecting_queue_gives_clear_error_and_sends_nothing(
    cups_server: CupsTestServer, scratch_queue: str, sim_labels: SimLabels
) -> None:
    subprocess.run(["cupsreject", "-r", "maintenance", scratch_queue], check=True, timeout=20)
    _refused(
        cups_server, scratch_queue, sim_labels.files[PdfSize.LABEL_60X30][0], cups.QueueRejectingError, "not accepting"
    )


def test_missing_queue_gives_clear_error(cups_server: CupsTestServer, sim_labels: SimLabels) -> None:
    before = cups_server.outputs()
    with pytest.raises(cups.QueueMissingError) as caught:
        cups.submit("NoSuchStationQueue", sim_labels.files[PdfSize.A4][0])
    assert "not set up" in caught.value.operator_message
    assert cups_server.outputs() == before


def test_mixed_sizes_are_refused_before_sending(
    cups_server: CupsTestServer, sim_labels: SimLabels, tmp_path: Path
) -> None:
    mixed = tmp_path / "mixed.pdf"
    merge_pdfs([sim_labels.files[PdfSize.LABEL_60X30][0], sim_labels.files[PdfSize.LABEL_100X150][0]], mixed)
    queue = cups_server.queues[PdfSize.LABEL_60X30]
    before = cups_server.jobs(queue)
    with pytest.raises(cups.MixedSizeError):
        cups.submit(queue, mixed)
    with pytest.raises(cups.MixedSizeError):
        cups.submit(queue, sim_labels.files[PdfSize.LABEL_100X150][0], PdfSize.LABEL_60X30)
    assert cups_server.jobs(queue) == before


def test_unknown_job_and_resolution(cups_server: CupsTestServer) -> None:
    queue = cups_server.queues[PdfSize.A4]
    assert cups.job_state(f"{queue}-999999") is cups.JobState.UNKNOWN
    assert cups.queue_resolution(queue) == 300  # cups-pdf's PPD default
