"""The jobs behind the window's buttons: they live in :mod:`station.workflow.jobs` (no widgets),
shared with the CLI; these names stay importable from here."""

from station.workflow.jobs import (
    Folders,
    Job,
    JobResult,
    JobSpec,
    JournalRef,
    PrintChoice,
    pack_job,
    print_job,
    resume_job,
    run_job,
    scan_print_job,
    ship_job,
)

__all__ = [
    "Folders",
    "Job",
    "JobResult",
    "JobSpec",
    "JournalRef",
    "PrintChoice",
    "pack_job",
    "print_job",
    "resume_job",
    "run_job",
    "scan_print_job",
    "ship_job",
]
