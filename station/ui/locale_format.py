"""Dates and times as the operator's locale writes them (``QLocale()``, set from ``--lang`` or the system).

Under the C/POSIX locale (a bare Linux session, a service) Qt's own short date is "24 11 2026",
which no one reads easily: there the window writes ISO dates, ``2026-11-24``, and 24-hour times.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale

ISO_DATE = "yyyy-MM-dd"
ISO_TIME = "HH:mm"


def _is_c(locale: QLocale) -> bool:
    return locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage)


def date_format(locale: QLocale | None = None) -> str:
    """The short date format (``QDateEdit.setDisplayFormat``): the locale's, ISO under C/POSIX."""
    locale = locale or QLocale()
    return ISO_DATE if _is_c(locale) else locale.dateFormat(QLocale.FormatType.ShortFormat)


def time_format(locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    return ISO_TIME if _is_c(locale) else locale.timeFormat(QLocale.FormatType.ShortFormat)


def local_text(moment: datetime | None, *, time_only: bool = False, locale: QLocale | None = None) -> str:
    """A moment in the operator's locale and time zone (a naive moment is taken as local time)."""
    if moment is None:
        return ""
    locale = locale or QLocale()
    qt = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    if time_only:
        return locale.toString(qt.time(), time_format(locale))
    return locale.toString(qt, f"{date_format(locale)} {time_format(locale)}")
