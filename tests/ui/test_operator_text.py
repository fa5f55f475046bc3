"""The operator's sentences from below the window, in Chinese when the window is: every kind of
problem has an English template and a window template with the same placeholders, translated; the
problems with parameters as the lower layers really raise them; plain English from older journals."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

import station
from station.credentials import NoKeyringError
from station.lazada.errors import RequestValidationError, StationApiError
from station.lazada.models import PdfSize, PickupContact, POStatus
from station.outcomes import PoOutcome, Step
from station.printing.cups import QueueDisabledError
from station.printing.history import JobStatus
from station.printing.spooler import FixedPrinters, PrintService
from station.problems import ENGLISH, TEXT, Problem, placeholders, say
from station.ui.app import install_translations
from station.ui.operator_text import TEMPLATES, translate_operator

CJK = re.compile(r"[\u4e00-\u9fff]")


def all_subclasses(cls: type) -> Iterator[type]:
    subclasses: list[type] = cls.__subclasses__()
    for sub in subclasses:
        yield sub
        yield from all_subclasses(sub)


def error_classes() -> list[type[StationApiError]]:
    for module in pkgutil.walk_packages(station.__path__, "station."):
        if ".simulator" not in module.name and not module.name.startswith("station.cli"):
            importlib.import_module(module.name)
    return sorted(set(all_subclasses(StationApiError)) | {StationApiError}, key=lambda c: c.__qualname__)


@pytest.fixture
def chinese() -> Iterator[None]:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    before = QLocale()
    translators = install_translations(app, "zh_CN")
    yield
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(before)


def test_every_kind_has_an_english_and_a_window_template_with_the_same_placeholders() -> None:
    assert set(TEMPLATES) == set(ENGLISH)
    differ = [kind for kind, template in ENGLISH.items() if placeholders(TEMPLATES[kind]) != placeholders(template)]
    assert not differ, differ


def test_every_kind_is_translated(chinese: None) -> None:
    missing = [
        f"{kind}: {template}"
        for kind, template in TEMPLATES.items()
        if not CJK.search(translate_operator(Problem(kind, {name: "x" for name, _ in placeholders(template)})))
    ]
    assert not missing, "\n".join(missing)


def test_every_error_class_has_a_kind_and_its_sentence_is_translated(chinese: None) -> None:
    unknown = [f"{cls.__module__}.{cls.__qualname__}: {cls.kind}" for cls in error_classes() if cls.kind not in ENGLISH]
    assert not unknown, "\n".join(unknown)
    missing = [
        f"{cls.__module__}.{cls.__qualname__}: {cls.operator_message}"
        for cls in error_classes()
        if not placeholders(ENGLISH[cls.kind]) and not CJK.search(translate_operator(cls.operator_message))
    ]
    assert not missing, "\n".join(missing)


def test_sentences_with_varying_parts(chinese: None, tmp_path: Path) -> None:
    # no printer for the size: the size by its Chinese name, never its code
    pdf = tmp_path / "labels.pdf"
    from tests.ui.test_print_panel import label_pdf

    label_pdf(pdf, PdfSize.LABEL_100X150.millimetres, 1)
    record = PrintService(tmp_path / "prints", FixedPrinters({})).print_file(pdf, PdfSize.LABEL_100X150, ["POJ1"])
    assert record.status is JobStatus.FAILED and "100x150 mm label" in record.error
    shown = translate_operator(record.error)
    assert CJK.search(shown) and "100x150 毫米标签" in shown and "100150" not in shown

    keyring = translate_operator(NoKeyringError("fail.Keyring").problem)
    assert CJK.search(keyring) and "fail.Keyring" in keyring

    with pytest.raises(RequestValidationError) as raised:
        PickupContact("PH", 1000123, "Unit 5", "", "Bench 1").validate()
    assert CJK.search(translate_operator(raised.value.operator_message))

    outcome = PoOutcome("POJ1", "Store", "S1")
    outcome.fail(Step.LIST, Problem("po.cancelled", {"status": POStatus.CANCELLED_BUYER.label}))
    assert outcome.error == f"The PO was cancelled ({POStatus.CANCELLED_BUYER.label}); do not send it."
    cancelled = translate_operator(outcome.error)
    assert outcome.problem is not None
    assert cancelled == translate_operator(outcome.problem) == "采购单已取消（已取消（买家））；请勿发送。"

    error = QueueDisabledError(
        "queue 'Zebra_1' disabled",
        problem=Problem("print.queue_paused_says", {"printer": "Zebra_1", "reason": "out of labels"}),
    )
    assert error.operator_message == (
        "The printer 'Zebra_1' is paused. The printer says: out of labels. Fix the printer (paper, labels, lid), "
        "resume it in the printer settings, then print again. Nothing was printed."
    )
    paused = translate_operator(error.operator_message)
    assert paused.startswith("打印机 'Zebra_1' 已暂停。打印机提示：out of labels。")


def test_plain_english_from_an_older_journal_is_looked_up_whole(chinese: None) -> None:
    assert translate_operator("Not packed yet (To Pack): pack it first.") == translate_operator(
        Problem("po.not_packed")
    )
    assert CJK.search(translate_operator("Not packed yet (To Pack): pack it first."))
    # a sentence with parameters written by an older station stays as it was written
    old = "Held by bench B2; not sent."
    assert translate_operator(old) == old
    assert translate_operator(Problem(TEXT, {"text": old})) == old


def test_in_english_a_sentence_stays_as_it_is() -> None:
    text = "The printer 'Zebra_1' refused the job. Check the printer and print again."
    assert translate_operator(text) == text
    assert translate_operator("Something no one translated.") == "Something no one translated."


def test_another_station_on_this_pc_in_chinese(chinese: None) -> None:
    from station.journal import BatchHeldError

    held = translate_operator(BatchHeldError(3, 4321).operator_message)
    assert CJK.search(held) and "4321" in held
    sentence = say("po.held_here", pid=4321)
    assert sentence == "Held by another Station on this PC (pid 4321); not sent."
    claim = translate_operator(sentence)
    assert CJK.search(claim) and "4321" in claim


def test_a_batch_result_line_reads_in_chinese_from_its_kind(chinese: None) -> None:
    from station.outcomes import BatchReport
    from station.ui.results_model import ResultsModel
    from station.workflow.jobs import Job, JobResult

    report = BatchReport()
    stuck, older = PoOutcome("POJ1", "Store", "S1"), PoOutcome("POJ2", "Store", "S1")
    stuck.fail(Step.WAIT, Problem("po.stuck", {"seconds": "90"}))
    older.fail(Step.SHIP, "Held by bench B2; not sent.")  # as a journal written before the problems gives it
    report.outcomes = {"POJ1": stuck, "POJ2": older}
    model = ResultsModel()
    model.show(JobResult(Job.RUN, report))
    why = {model.text(row, 0): model.text(row, 3) for row in range(model.rowCount())}
    assert stuck.error.startswith("Still To Pack 90 s after packing")
    assert CJK.search(why["POJ1"]) and "90" in why["POJ1"] and "Still" not in why["POJ1"]
    assert why["POJ2"] == "Held by bench B2; not sent."
