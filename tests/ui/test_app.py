"""The entry point's pieces: arguments, translations, the log handler."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from station.ui.app import DEMO_POS, install_translations, parse_args


def test_arguments() -> None:
    args = parse_args(["--demo", "--lang", "zh_CN"])
    assert args.demo and args.lang == "zh_CN" and args.demo_pos == DEMO_POS
    assert not parse_args([]).demo


def test_simplified_chinese_is_loaded(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app, "zh_CN")
    try:
        assert translators
        assert QCoreApplication.translate("PoTableModel", "Store") == "门店"
        assert QCoreApplication.translate("status", "To Pack") == "待打包"
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        QLocale.setDefault(QLocale.c())
    assert QCoreApplication.translate("PoTableModel", "Store") == "Store"
