"""Fills station_en.ts, the English plural forms ("1 PO", "2 POs"), from the sources' "(s)" (run after pyside6-lupdate).

English needs no translation but for counts: the code writes ``self.tr("%n PO(s)", "", n)`` and this
file gives the singular and the plural. It holds plural messages only:

    pyside6-lupdate -pluralonly -no-obsolete station/ui/*.py station/ui/*/*.py -ts resources/translations/station_en.ts
    python resources/translations/fill_en.py
    pyside6-lrelease resources/translations/station_en.ts

The window loads it whenever the station has no translation for the operator's language
(English, the C locale, any other language), so counts read right everywhere.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def forms(source: str) -> tuple[str, str]:
    """("%n PO", "%n POs") for "%n PO(s)"."""
    return source.replace("(s)", ""), source.replace("(s)", "s")


def main(path: Path) -> int:
    tree = ET.parse(path)
    root = tree.getroot()
    root.set("language", "en")
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        if "(s)" not in source:
            print("no (s) in plural message:", source)
        translation = message.find("translation")
        assert translation is not None
        for form in list(translation):
            translation.remove(form)
        for text in forms(source):
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("station_en.ts")))
