"""Routes the label printer tests share."""

from __future__ import annotations

from station.printing.label_route import PrinterRoute, PrintPath
from station.printing.label_settings import LabelPrinterSettings, Language, MediaSensing
from station.printing.raster import Rotation

# A network route with every label setting away from its default: a round trip that drops or
# mixes up any one of them shows.
EVERY_SETTING_CHANGED = PrinterRoute(
    PrintPath.SOCKET,
    "10.0.0.9:9101",
    LabelPrinterSettings(
        language=Language.TSPL,
        dpi=300,
        size_mm=(60.0, 30.0),
        media=MediaSensing.BLACK_MARK,
        gap_mm=3.5,
        darkness=9,
        speed=4,
        upside_down=True,
        rotation=Rotation.CW90,
        offset_x=-12,
        offset_y=7,
    ),
)
