"""The operator's sentences from below the window, in Chinese when the window is: every error class's
sentence, and the sentences with varying parts as the lower layers really build them."""

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
from station.printing.history import JobStatus
from station.printing.spooler import FixedPrinters, PrintService
from station.ui.app import install_translations
from station.ui.operator_text import translate_operator

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


def test_every_error_class_sentence_is_translated(chinese: None) -> None:
    missing = [f"{cls.__module__}.{cls.__qualname__}: {cls.operator_message}" for cls in error_classes()
               if not CJK.search(translate_operator(cls.operator_message))]
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

    keyring = translate_operator(str(NoKeyringError("fail.Keyring")))
    assert CJK.search(keyring) and "fail.Keyring" in keyring

    with pytest.raises(RequestValidationError) as raised:
        PickupContact("PH", 1000123, "Unit 5", "", "Bench 1").validate()
    assert CJK.search(translate_operator(raised.value.operator_message))

    cancelled = translate_operator(f"The PO was cancelled ({POStatus.CANCELLED_BUYER.label}); do not send it.")
    assert cancelled == "采购单已取消（已取消（买家））；请勿发送。"

    paused = translate_operator("The printer 'Zebra_1' is paused. The printer says: out of labels. Fix the printer "
                                "(paper, labels, lid), resume it in the printer settings, then print again. Nothing "
                                "was printed.")
    assert paused.startswith("打印机 'Zebra_1' 已暂停。打印机提示：out of labels。")


def test_in_english_a_sentence_stays_as_it_is() -> None:
    text = "The printer 'Zebra_1' refused the job. Check the printer and print again."
    assert translate_operator(text) == text
    assert translate_operator("Something no one translated.") == "Something no one translated."


def test_another_station_on_this_pc_in_chinese(chinese: None) -> None:
    from station.journal import BatchHeldError

    held = translate_operator(BatchHeldError(3, 4321).operator_message)
    assert CJK.search(held) and "4321" in held
    claim = translate_operator("Held by another Station on this PC (pid 4321); not sent.")
    assert CJK.search(claim) and "4321" in claim
