"""The operator's sentences from below the window (API, printing, journal, ERPs, the batch), in the window's language.

The lower layers write their sentences in English: the CLI, the log, the journal and the print
history keep them so. The window translates them when it shows them, with :func:`translate_operator`:
a sentence is looked up as it is (context ``errors``), else matched against the patterns below,
where ``{name}`` stands for a part that varies (a printer, a PO number, a size); the parts are put
back into the translated pattern, themselves translated when they are words the window knows
(a paper size, a PO status, another sentence).

Every sentence and pattern is listed here so that ``pyside6-lupdate`` finds it; a sentence that is
not listed is shown in English. ``tests/ui/test_operator_text.py`` checks that the sentences of the
error classes are all here.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QCoreApplication

from station.lazada.models import PdfSize, pdf_size_name


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` and returns it unchanged (PySide's own returns ``object``)."""
    return text


CONTEXT = "errors"
PART_CONTEXTS = ("size", "status", CONTEXT)  # where a varying part is looked up

SENTENCES = (
    # station.lazada.errors
    QT_TRANSLATE_NOOP("errors", "The Lazada platform refused the request."),
    QT_TRANSLATE_NOOP("errors", "The request is not valid."),
    QT_TRANSLATE_NOOP("errors", "The platform rejected a parameter of the request. Check the dates and numbers, "
                                "then try again."),
    QT_TRANSLATE_NOOP("errors", "Already packed on the platform. The list will refresh."),
    QT_TRANSLATE_NOOP("errors", "The purchase order is not in a state that allows this step. Refresh the list and "
                                "try again."),
    QT_TRANSLATE_NOOP("errors", "The platform is limiting how often we call it. Waiting a moment, then trying "
                                "again."),
    QT_TRANSLATE_NOOP("errors", "The platform did not accept the shop's credentials. Open Settings and check the "
                                "app key, secret and access token."),
    QT_TRANSLATE_NOOP("errors", "The access token has expired or is no longer valid. Log in again in Settings."),
    QT_TRANSLATE_NOOP("errors", "The refresh token was refused; the shop must authorise the app again in "
                                "Settings."),
    QT_TRANSLATE_NOOP("errors", "The platform rejected the request signature. Check the app secret in Settings."),
    QT_TRANSLATE_NOOP("errors", "The computer's clock is wrong by more than two hours. Correct the date and time, "
                                "then retry."),
    QT_TRANSLATE_NOOP("errors", "No answer from the Lazada platform. Check the internet connection; the step will "
                                "be retried."),
    QT_TRANSLATE_NOOP("errors", "The connection dropped while the platform was working on it; checking what "
                                "happened."),
    QT_TRANSLATE_NOOP("errors", "The Lazada platform had a problem on its side. The step will be retried."),
    QT_TRANSLATE_NOOP("errors", "The platform sent an answer the station cannot read. Try again; if it persists, "
                                "report it."),
    QT_TRANSLATE_NOOP("errors", "No access token is set. Log in first."),
    QT_TRANSLATE_NOOP("errors", "The secure connection to the platform could not be verified. Check the "
                                "computer's date and any proxy or antivirus that intercepts HTTPS."),
    # requests the station checks before sending them
    QT_TRANSLATE_NOOP("errors", "Product barcodes cannot be printed on A4; choose the 60x30 mm label or the "
                                "100x150 mm label."),
    QT_TRANSLATE_NOOP("errors", "Choose the PO sheet, the product barcodes, or both."),
    QT_TRANSLATE_NOOP("errors", "The end of the date range is before its start; swap the two dates."),
    QT_TRANSLATE_NOOP("errors", "The pickup address needs its division id (a positive number)."),
    QT_TRANSLATE_NOOP("errors", "A pickup in China needs a pickup date (yyyy-MM-dd)."),
    QT_TRANSLATE_NOOP("errors", "No pickup contact is set; fill it in Settings or in the Ship dialog."),
    QT_TRANSLATE_NOOP("errors", "No pickup contact is set; fill it in Settings."),
    QT_TRANSLATE_NOOP("errors", "The platform offers no shipment provider for these orders."),
    # the batch
    QT_TRANSLATE_NOOP("errors", "Not packed yet (To Pack): pack it first."),
    QT_TRANSLATE_NOOP("errors", "The platform no longer lists this PO. Check it in Seller Center."),
    QT_TRANSLATE_NOOP("errors", "No answer from the platform after several tries; pack it again later."),
    QT_TRANSLATE_NOOP("errors", "The label file could not be read. Print these POs again."),
    QT_TRANSLATE_NOOP("errors", "The labels could not be saved as one file. Check the free disk space, then print "
                                "these POs again."),
    QT_TRANSLATE_NOOP("errors", "The pickup could not be booked after several tries."),
    # the shared journal
    QT_TRANSLATE_NOOP("errors", "The shared journal is unreachable; the batch stopped and will resume when it is "
                                "back."),
    QT_TRANSLATE_NOOP("errors", "Another bench took over POs this bench was working on (its claim had expired); "
                                "the batch stopped without sending anything more for them."),
    QT_TRANSLATE_NOOP("errors", "Another Station on this PC is running this batch; wait for it to finish or close "
                                "it, then start again."),
    # printing
    QT_TRANSLATE_NOOP("errors", "The labels could not be sent to the printer."),
    QT_TRANSLATE_NOOP("errors", "The labels could not be sent to the printer. Check that it is on and connected."),
    QT_TRANSLATE_NOOP("errors", "No printer is set for this paper size, or it is not connected. Choose one in "
                                "Settings."),
    QT_TRANSLATE_NOOP("errors", "No printer is set for this paper size. Choose one in Settings. Nothing was "
                                "printed."),
    QT_TRANSLATE_NOOP("errors", "The printing system (CUPS) is not running or not installed. Restart the computer "
                                "or call support."),
    QT_TRANSLATE_NOOP("errors", "The label file has no pages. Nothing was printed."),
    QT_TRANSLATE_NOOP("errors", "The label file is missing. Nothing was printed."),
    QT_TRANSLATE_NOOP("errors", "The label file could not be opened. Nothing was printed."),
    QT_TRANSLATE_NOOP("errors", "The label file mixes paper sizes; it must be split into one job per size. Nothing "
                                "was printed."),
    QT_TRANSLATE_NOOP("errors", "The label file is not the paper size chosen for this printer. Nothing was "
                                "printed."),
    QT_TRANSLATE_NOOP("errors", "The label file is not the paper size set for this printer. Nothing was printed."),
    QT_TRANSLATE_NOOP("errors", "The printer does not accept this label size. Check its paper settings. Nothing "
                                "was printed."),
    QT_TRANSLATE_NOOP("errors", "The printer could not be opened. Check that it is on and connected, then print "
                                "again."),
    QT_TRANSLATE_NOOP("errors", "The label file of this job is gone from the disk; print the POs again. Nothing "
                                "was printed."),
    QT_TRANSLATE_NOOP("errors", "A label file from the platform could not be used. Print it again; if it fails "
                                "again, report it."),
    QT_TRANSLATE_NOOP("errors", "The label file link had expired; asking the platform for a new one."),
    # the ERPs
    QT_TRANSLATE_NOOP("errors", "The QianYi ERP refused the request."),
    QT_TRANSLATE_NOOP("errors", "QianYi did not accept the app ID, secret or signature. Check them in the ERP "
                                "settings (QianYi ERP › Settings › Third-party applications)."),
    QT_TRANSLATE_NOOP("errors", "QianYi refused the request time. Correct the computer's date and time, then "
                                "retry."),
    QT_TRANSLATE_NOOP("errors", "QianYi rejected the purchase-order data. Check the fields shown in the details."),
    QT_TRANSLATE_NOOP("errors", "QianYi does not know this purchase order. Refresh the list."),
    QT_TRANSLATE_NOOP("errors", "The QianYi ERP had a problem on its side. Try again in a moment."),
    QT_TRANSLATE_NOOP("errors", "No answer from the QianYi ERP. Check the internet connection and the ERP "
                                "address."),
    QT_TRANSLATE_NOOP("errors", "The QianYi ERP sent an answer the station cannot read. Try again; if it persists, "
                                "report it."),
    QT_TRANSLATE_NOOP("errors", "Choose at least one JIT purchase order to replenish."),
    QT_TRANSLATE_NOOP("errors", "The chosen POs need no units."),
    QT_TRANSLATE_NOOP("errors", "No JIT connection to read the POs' items from."),
    QT_TRANSLATE_NOOP("errors", "Shoplazza refused the request."),
    QT_TRANSLATE_NOOP("errors", "Shoplazza did not accept the request: a filter has the wrong format (dates like "
                                "2024-06-26T11:52:00Z, whole numbers for page, limit and ids). Check the filters."),
    QT_TRANSLATE_NOOP("errors", "Shoplazza did not accept the access token. Check the store domain and the access "
                                "token in the ERP settings (the app needs the read_inventory scope)."),
    QT_TRANSLATE_NOOP("errors", "The Shoplazza app may not read procurements. Grant it the read_inventory scope."),
    QT_TRANSLATE_NOOP("errors", "Shoplazza does not know this store or procurement. Check the store domain and "
                                "refresh."),
    QT_TRANSLATE_NOOP("errors", "Shoplazza is limiting how often we call it. Wait a moment, then try again."),
    QT_TRANSLATE_NOOP("errors", "Shoplazza had a problem on its side. Try again in a moment."),
    QT_TRANSLATE_NOOP("errors", "No answer from Shoplazza. Check the internet connection and the store domain."),
    QT_TRANSLATE_NOOP("errors", "Shoplazza sent an answer the station cannot read. Try again; if it persists, "
                                "report it."),
    QT_TRANSLATE_NOOP("errors", "The Shoplazza store domain is missing."),
)

PATTERNS = (
    QT_TRANSLATE_NOOP("errors", "No printer is set for {size}. Choose one in Settings, then retry. Nothing was "
                                "printed."),
    QT_TRANSLATE_NOOP("errors", "The printer {printer} is not set up on this computer. Choose another printer in "
                                "the settings, or ask support to add it. Nothing was printed."),
    QT_TRANSLATE_NOOP("errors", "The printer {printer} is paused. The printer says: {reason}. Fix the printer "
                                "(paper, labels, lid), resume it in the printer settings, then print again. "
                                "Nothing was printed."),
    QT_TRANSLATE_NOOP("errors", "The printer {printer} is paused. Fix the printer (paper, labels, lid), resume it "
                                "in the printer settings, then print again. Nothing was printed."),
    QT_TRANSLATE_NOOP("errors", "The printer {printer} is not accepting jobs. The printer says: {reason}. Ask "
                                "support to let it accept jobs again, then print again. Nothing was printed."),
    QT_TRANSLATE_NOOP("errors", "The printer {printer} is not accepting jobs. Ask support to let it accept jobs "
                                "again, then print again. Nothing was printed."),
    QT_TRANSLATE_NOOP("errors", "The printer {printer} is offline or paused. Fix the printer (paper, labels, lid, "
                                "cable), resume it in the printer settings, then print again. Nothing was "
                                "printed."),
    QT_TRANSLATE_NOOP("errors", "The printer {printer} refused the job. Check the printer and print again."),
    QT_TRANSLATE_NOOP("errors", "The labels could not be sent to the printer {printer}: {why}"),
    QT_TRANSLATE_NOOP("errors", "The PO was cancelled ({status}); do not send it."),
    QT_TRANSLATE_NOOP("errors", "Still To Pack {seconds} s after packing; the platform may be stuck on it. Try "
                                "again later or report the PO to Lazada."),
    QT_TRANSLATE_NOOP("errors", "Held by bench {bench}; not sent."),
    QT_TRANSLATE_NOOP("errors", "Held by another Station on this PC (pid {pid}); not sent."),
    QT_TRANSLATE_NOOP("errors", "Another Station on this PC is running this batch (pid {pid}); wait for it to "
                                "finish or close it, then start again."),
    QT_TRANSLATE_NOOP("errors", "Already done by bench {bench}; not sent again."),
    QT_TRANSLATE_NOOP("errors", "The platform does not list the PO {no}."),
    QT_TRANSLATE_NOOP("errors", "The pickup area code {code} is not one of CN, VN, TH, PH, ID, MY."),
    QT_TRANSLATE_NOOP("errors", "The pickup contact address is empty; fill it in Settings."),
    QT_TRANSLATE_NOOP("errors", "The pickup contact phone is empty; fill it in Settings."),
    QT_TRANSLATE_NOOP("errors", "The pickup contact name is empty; fill it in Settings."),
    QT_TRANSLATE_NOOP("errors", "The pickup date {date} is not in the form yyyy-MM-dd."),
    QT_TRANSLATE_NOOP("errors", "The date range is {days} days long; the platform allows at most 90 days."),
    QT_TRANSLATE_NOOP("errors", "No items found for JIT PO {pos}."),
    QT_TRANSLATE_NOOP("errors", "Shoplazza has no procurement order {id}."),
    QT_TRANSLATE_NOOP("errors", "Nothing has been received on procurement {id} yet; there are no labels to "
                                "print."),
    QT_TRANSLATE_NOOP("errors", "No secure password store is available (keyring backend: {backend}). On Windows "
                                "and macOS the system store is used automatically; on Linux install and unlock a "
                                "Secret Service provider (GNOME Keyring or KWallet), then start the station again. "
                                "The station never keeps the app secret or tokens in a plain file."),
    QT_TRANSLATE_NOOP("errors", "package {package} {tracking} {provider}"),
    QT_TRANSLATE_NOOP("errors", "package {package}, {tracking}"),
    QT_TRANSLATE_NOOP("errors", "code {code}"),
    QT_TRANSLATE_NOOP("errors", "Resuming the batch started {when} ({count} POs: {packed} packed, {shipped} "
                                "shipped, {printed} printed); checking their status on the platform first."),
)

SIZE_NAMES = (  # PdfSize.display_name, for lupdate
    QT_TRANSLATE_NOOP("size", "A4"),
    QT_TRANSLATE_NOOP("size", "60x30 mm label"),
    QT_TRANSLATE_NOOP("size", "100x150 mm label"),
)


def size_label(size: PdfSize) -> str:
    """A paper size by its name ("100x150 mm label"), in the window's language."""
    return QCoreApplication.translate("size", size.display_name)


def job_size_label(code: str) -> str:
    """The size of a print job ("6030", or "62x100mm" for a size the station does not know) by its name."""
    return QCoreApplication.translate("size", pdf_size_name(code))


_FIELD = re.compile(r"\{(\w+)\}")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    parts = _FIELD.split(pattern)  # literal, name, literal, name, ..., literal
    regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts))
    return re.compile(regex, re.DOTALL)


def _translated(context: str, text: str) -> str | None:
    """``text`` in the window's language, or None when the translation has nothing for it."""
    translated = QCoreApplication.translate(context, text)
    return translated if translated != text else None


def _part(value: str) -> str:
    """A varying part of a sentence: translated when it is a word the window knows, else as it is."""
    for context in PART_CONTEXTS:
        translated = _translated(context, value)
        if translated is not None:
            return translated
    return value


def translate_operator(text: str) -> str:
    """``text`` (an operator's sentence in English) in the window's language; unknown sentences as they are."""
    if not text:
        return text
    exact = _translated(CONTEXT, text)
    if exact is not None:
        return exact
    for pattern in PATTERNS:
        match = _compiled(pattern).fullmatch(text)
        if match is None:
            continue
        translated = _translated(CONTEXT, pattern)
        if translated is None:
            return text
        return translated.format(**{name: _part(value) for name, value in match.groupdict().items()})
    return text
