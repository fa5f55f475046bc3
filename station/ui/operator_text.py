"""The operator's sentences from below the window (API, printing, journal, ERPs, the batch), in the window's language.

The lower layers say what went wrong as a :class:`~station.problems.Problem` (a kind and its
parameters); the CLI, the log, the journal and the print history keep its English sentence
(:data:`station.problems.ENGLISH`). The window renders the same problem from :data:`TEMPLATES`:
one template a kind, marked for ``pyside6-lupdate`` (context ``errors``), with the same
placeholders as the English one; parameters that are words the window knows (a paper size, a PO
status) are translated first. ``tests/ui/test_operator_text.py`` checks both tables and the
Chinese translation.

:func:`translate_operator` takes the English sentence the lower layers hand up: a
:class:`~station.problems.Sentence` carries its problem; plain text (from a journal or print
history written before the problems were kept) is looked up as a whole, else shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from station.lazada.models import PdfSize, pdf_size_name
from station.problems import TEXT, Param, Problem, Sentence


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` and returns it unchanged (PySide's own returns ``object``)."""
    return text


CONTEXT = "errors"
PART_CONTEXTS = ("size", "status", CONTEXT)  # where a parameter that is a word is looked up

TEMPLATES: dict[str, str] = {
    "api.refused": QT_TRANSLATE_NOOP("errors", "The Lazada platform refused the request."),
    "request.invalid": QT_TRANSLATE_NOOP("errors", "The request is not valid."),
    "request.date_format": QT_TRANSLATE_NOOP(
        "errors", "The date {text!r} is not in the form yyyy-MM-dd HH:mm:ss (for example 2026-11-23 08:00:00)."
    ),
    "request.range_reversed": QT_TRANSLATE_NOOP(
        "errors", "The end of the date range is before its start; swap the two dates."
    ),
    "request.range_too_long": QT_TRANSLATE_NOOP(
        "errors", "The date range is {days} days long; the platform allows at most 90 days."
    ),
    "request.list_empty": QT_TRANSLATE_NOOP("errors", "{name} needs at least one value."),
    "request.list_too_long": QT_TRANSLATE_NOOP(
        "errors", "{name} holds {count} values; the platform takes at most {maximum}."
    ),
    "request.list_blank": QT_TRANSLATE_NOOP("errors", "{name} holds an empty value."),
    "request.page_start": QT_TRANSLATE_NOOP("errors", "Page numbers start at 1."),
    "request.page_size": QT_TRANSLATE_NOOP("errors", "The page size must be between 1 and {maximum}, not {size}."),
    "request.barcodes_on_a4": QT_TRANSLATE_NOOP(
        "errors", "Product barcodes cannot be printed on A4; choose the 60x30 mm label or the 100x150 mm label."
    ),
    "request.nothing_to_print": QT_TRANSLATE_NOOP("errors", "Choose the PO sheet, the product barcodes, or both."),
    "request.no_division": QT_TRANSLATE_NOOP("errors", "The pickup address needs its division id (a positive number)."),
    "request.no_pickup_date": QT_TRANSLATE_NOOP("errors", "A pickup in China needs a pickup date (yyyy-MM-dd)."),
    "request.no_contact_ship": QT_TRANSLATE_NOOP(
        "errors", "No pickup contact is set; fill it in Settings or in the Ship dialog."
    ),
    "request.no_contact": QT_TRANSLATE_NOOP("errors", "No pickup contact is set; fill it in Settings."),
    "request.contact_address_empty": QT_TRANSLATE_NOOP(
        "errors", "The pickup contact address is empty; fill it in Settings."
    ),
    "request.contact_phone_empty": QT_TRANSLATE_NOOP(
        "errors", "The pickup contact phone is empty; fill it in Settings."
    ),
    "request.contact_name_empty": QT_TRANSLATE_NOOP("errors", "The pickup contact name is empty; fill it in Settings."),
    "request.no_provider": QT_TRANSLATE_NOOP("errors", "The platform offers no shipment provider for these orders."),
    "request.area_code": QT_TRANSLATE_NOOP(
        "errors", "The pickup area code {code} is not one of CN, VN, TH, PH, ID, MY."
    ),
    "request.pickup_date_format": QT_TRANSLATE_NOOP("errors", "The pickup date {date} is not in the form yyyy-MM-dd."),
    "request.po_unknown": QT_TRANSLATE_NOOP("errors", "The platform does not list the PO {no}."),
    "request.boxes": QT_TRANSLATE_NOOP("errors", "The number of cartons must be between 1 and {maximum}, not {boxes}."),
    "request.no_pickup_no": QT_TRANSLATE_NOOP("errors", "No pickup order number was given."),
    "pickup.unknown": QT_TRANSLATE_NOOP(
        "errors", "The platform does not know pickup order {no}. Check the number on the label."
    ),
    "auth.callback": QT_TRANSLATE_NOOP(
        "errors",
        "The callback address {uri} cannot be used: it must be the app's http(s) callback (to catch "
        "the code here, http://127.0.0.1:<port>/...).",
    ),
    "auth.no_code": QT_TRANSLATE_NOOP(
        "errors",
        "No authorisation code was found. Paste the whole address the browser landed on after "
        "Authorise (it holds ?code=...).",
    ),
    "auth.refused": QT_TRANSLATE_NOOP(
        "errors",
        "The authorisation was not given on the platform's page ({error}). Connect the shop again and press Authorise.",
    ),
    "lazada.bad_parameter": QT_TRANSLATE_NOOP(
        "errors", "The platform rejected a parameter of the request. Check the dates and numbers, then try again."
    ),
    "lazada.already_packed": QT_TRANSLATE_NOOP("errors", "Already packed on the platform. The list will refresh."),
    "lazada.invalid_status": QT_TRANSLATE_NOOP(
        "errors", "The purchase order is not in a state that allows this step. Refresh the list and try again."
    ),
    "lazada.flow_limit": QT_TRANSLATE_NOOP(
        "errors", "The platform is limiting how often we call it. Waiting a moment, then trying again."
    ),
    "lazada.auth": QT_TRANSLATE_NOOP(
        "errors",
        "The platform did not accept the shop's credentials. Open Settings "
        "and check the app key, secret and access token.",
    ),
    "lazada.token_expired": QT_TRANSLATE_NOOP(
        "errors", "The access token has expired or is no longer valid. Log in again in Settings."
    ),
    "lazada.no_token": QT_TRANSLATE_NOOP("errors", "No access token is set. Log in first."),
    "lazada.refresh_token": QT_TRANSLATE_NOOP(
        "errors", "The refresh token was refused; the shop must authorise the app again in Settings."
    ),
    "lazada.not_choice": QT_TRANSLATE_NOOP(
        "errors",
        "The shop authorised the station without Choice, so its JIT purchase orders cannot be read. "
        'Connect the shop again and pick the option that ends in "- Choice" on the platform\'s page.',
    ),
    "lazada.code_refused": QT_TRANSLATE_NOOP(
        "errors",
        "The authorisation code was refused: it is used already, has expired (codes last 30 minutes) or belongs "
        "to another app. Connect the shop again.",
    ),
    "lazada.signature": QT_TRANSLATE_NOOP(
        "errors", "The platform rejected the request signature. Check the app secret in Settings."
    ),
    "lazada.clock": QT_TRANSLATE_NOOP(
        "errors", "The computer's clock is wrong by more than two hours. Correct the date and time, then retry."
    ),
    "lazada.no_answer": QT_TRANSLATE_NOOP(
        "errors", "No answer from the Lazada platform. Check the internet connection; the step will be retried."
    ),
    "lazada.outcome_unknown": QT_TRANSLATE_NOOP(
        "errors", "The connection dropped while the platform was working on it; checking what happened."
    ),
    "lazada.server": QT_TRANSLATE_NOOP(
        "errors", "The Lazada platform had a problem on its side. The step will be retried."
    ),
    "lazada.malformed": QT_TRANSLATE_NOOP(
        "errors", "The platform sent an answer the station cannot read. Try again; if it persists, report it."
    ),
    "lazada.tls": QT_TRANSLATE_NOOP(
        "errors",
        "The secure connection to the platform could not be verified. Check "
        "the computer's date and any proxy or antivirus that intercepts HTTPS.",
    ),
    "po.not_packed": QT_TRANSLATE_NOOP("errors", "Not packed yet (To Pack): pack it first."),
    "po.gone": QT_TRANSLATE_NOOP("errors", "The platform no longer lists this PO. Check it in Seller Center."),
    "po.cancelled": QT_TRANSLATE_NOOP("errors", "The PO was cancelled ({status}); do not send it."),
    "po.no_answer": QT_TRANSLATE_NOOP(
        "errors", "No answer from the platform after several tries; pack it again later."
    ),
    "po.stuck": QT_TRANSLATE_NOOP(
        "errors",
        "Still To Pack {seconds} s after packing; the platform may be stuck on "
        "it. Try again later or report the PO to Lazada.",
    ),
    "po.stuck_unread": QT_TRANSLATE_NOOP(
        "errors",
        "The platform's answers to the pack could not be read and the PO "
        "still reads To Pack {seconds} s later: pack it again.",
    ),
    "po.label_unreadable": QT_TRANSLATE_NOOP("errors", "The label file could not be read. Print these POs again."),
    "po.labels_not_saved": QT_TRANSLATE_NOOP(
        "errors", "The labels could not be saved as one file. Check the free disk space, then print these POs again."
    ),
    "po.merge_failed": QT_TRANSLATE_NOOP(
        "errors", "The labels could not be merged into one file. Print these POs again."
    ),
    "po.output_failed": QT_TRANSLATE_NOOP(
        "errors",
        "The labels could not be written to {output} ({why}). They are "
        "kept: free some space or choose another file, then run the "
        "batch again.",
    ),
    "po.pickup_not_booked": QT_TRANSLATE_NOOP("errors", "The pickup could not be booked after several tries."),
    "po.pickup_date_refused": QT_TRANSLATE_NOOP(
        "errors",
        "The platform does not take pickups on {date}; it allows {allowed}. Ship again with one of these dates.",
    ),
    "po.pickup_date_needed": QT_TRANSLATE_NOOP(
        "errors",
        "The platform needs a pickup date for this PO; it allows {allowed}. Ship again with one of these dates.",
    ),
    "po.cancelled_at_bench": QT_TRANSLATE_NOOP(
        "errors", "{no} was cancelled ({status}) — do not pack it. Put its items back."
    ),
    "po.held_by_bench": QT_TRANSLATE_NOOP("errors", "Held by bench {bench}; not sent."),
    "po.held_here": QT_TRANSLATE_NOOP("errors", "Held by another Station on this PC (pid {pid}); not sent."),
    "po.done_by_bench": QT_TRANSLATE_NOOP("errors", "Already done by bench {bench}; not sent again."),
    "po.claim_race": QT_TRANSLATE_NOOP("errors", "Another bench was claiming it at the same moment; not sent."),
    "batch.resuming": QT_TRANSLATE_NOOP(
        "errors",
        "Resuming the batch started {when} ({count} POs: {packed} packed, "
        "{shipped} shipped, {printed} printed); checking their status on "
        "the platform first.",
    ),
    "journal.unreachable": QT_TRANSLATE_NOOP(
        "errors", "The shared journal is unreachable; the batch stopped and will resume when it is back."
    ),
    "journal.claim_lost": QT_TRANSLATE_NOOP(
        "errors",
        "Another bench took over POs this bench was working on (its "
        "claim had expired); the batch stopped without sending "
        "anything more for them.",
    ),
    "journal.batch_held": QT_TRANSLATE_NOOP(
        "errors",
        "Another Station on this PC is running this batch; wait for it to finish or close it, then start again.",
    ),
    "journal.batch_held_pid": QT_TRANSLATE_NOOP(
        "errors",
        "Another Station on this PC is running this batch (pid "
        "{pid}); wait for it to finish or close it, then start "
        "again.",
    ),
    "verify.held": QT_TRANSLATE_NOOP("errors", "{no} is being verified at bench {bench}; scan another PO."),
    "print.failed": QT_TRANSLATE_NOOP("errors", "The labels could not be sent to the printer."),
    "print.failed_check": QT_TRANSLATE_NOOP(
        "errors", "The labels could not be sent to the printer. Check that it is on and connected."
    ),
    "print.failed_on": QT_TRANSLATE_NOOP("errors", "The labels could not be sent to the printer {printer!r}: {why}"),
    "print.no_printer_or_offline": QT_TRANSLATE_NOOP(
        "errors", "No printer is set for this paper size, or it is not connected. Choose one in Settings."
    ),
    "print.no_printer": QT_TRANSLATE_NOOP(
        "errors", "No printer is set for this paper size. Choose one in Settings. Nothing was printed."
    ),
    "print.no_printer_for": QT_TRANSLATE_NOOP(
        "errors", "No printer is set for {size}. Choose one in Settings, then retry. Nothing was printed."
    ),
    "print.cups_missing": QT_TRANSLATE_NOOP(
        "errors", "The printing system (CUPS) is not running or not installed. Restart the computer or call support."
    ),
    "print.file_empty": QT_TRANSLATE_NOOP("errors", "The label file has no pages. Nothing was printed."),
    "print.file_missing": QT_TRANSLATE_NOOP("errors", "The label file is missing. Nothing was printed."),
    "print.file_unopenable": QT_TRANSLATE_NOOP("errors", "The label file could not be opened. Nothing was printed."),
    "print.job_file_gone": QT_TRANSLATE_NOOP(
        "errors", "The label file of this job is gone from the disk; print the POs again. Nothing was printed."
    ),
    "print.mixed_sizes": QT_TRANSLATE_NOOP(
        "errors", "The label file mixes paper sizes; it must be split into one job per size. Nothing was printed."
    ),
    "print.size_not_chosen": QT_TRANSLATE_NOOP(
        "errors", "The label file is not the paper size chosen for this printer. Nothing was printed."
    ),
    "print.size_not_set": QT_TRANSLATE_NOOP(
        "errors", "The label file is not the paper size set for this printer. Nothing was printed."
    ),
    "print.size_refused": QT_TRANSLATE_NOOP(
        "errors", "The printer does not accept this label size. Check its paper settings. Nothing was printed."
    ),
    "print.printer_unopenable": QT_TRANSLATE_NOOP(
        "errors", "The printer could not be opened. Check that it is on and connected, then print again."
    ),
    "print.queue_missing": QT_TRANSLATE_NOOP(
        "errors",
        "The printer {printer!r} is not set up on this computer. "
        "Choose another printer in the settings, or ask support to "
        "add it. Nothing was printed.",
    ),
    "print.queue_paused": QT_TRANSLATE_NOOP(
        "errors",
        "The printer {printer!r} is paused. Fix the printer (paper, "
        "labels, lid), resume it in the printer settings, then print "
        "again. Nothing was printed.",
    ),
    "print.queue_paused_says": QT_TRANSLATE_NOOP(
        "errors",
        "The printer {printer!r} is paused. The printer says: "
        "{reason}. Fix the printer (paper, labels, lid), resume "
        "it in the printer settings, then print again. Nothing "
        "was printed.",
    ),
    "print.queue_rejecting": QT_TRANSLATE_NOOP(
        "errors",
        "The printer {printer!r} is not accepting jobs. Ask support "
        "to let it accept jobs again, then print again. Nothing was "
        "printed.",
    ),
    "print.queue_rejecting_says": QT_TRANSLATE_NOOP(
        "errors",
        "The printer {printer!r} is not accepting jobs. The "
        "printer says: {reason}. Ask support to let it accept "
        "jobs again, then print again. Nothing was printed.",
    ),
    "print.queue_offline": QT_TRANSLATE_NOOP(
        "errors",
        "The printer {printer!r} is offline or paused. Fix the "
        "printer (paper, labels, lid, cable), resume it in the "
        "printer settings, then print again. Nothing was printed.",
    ),
    "print.waiting_paper": QT_TRANSLATE_NOOP(
        "errors",
        "Waiting at the printer {printer!r}: out of paper or labels. Load them; the job prints by itself then.",
    ),
    "print.waiting_jam": QT_TRANSLATE_NOOP(
        "errors",
        "Waiting at the printer {printer!r}: paper jam. Clear it; the job prints by itself then.",
    ),
    "print.waiting_door": QT_TRANSLATE_NOOP(
        "errors",
        "Waiting at the printer {printer!r}: a door or cover is open. Close it; the job prints by itself then.",
    ),
    "print.waiting_offline": QT_TRANSLATE_NOOP(
        "errors",
        "Waiting at the printer {printer!r}: it is offline or cannot be reached. Check its power "
        "and cable; the job prints by itself then.",
    ),
    "print.waiting_paused": QT_TRANSLATE_NOOP(
        "errors",
        "Waiting at the printer {printer!r}: its queue is paused. Resume it in the printing system; "
        "the job prints then.",
    ),
    "print.waiting_stopped": QT_TRANSLATE_NOOP(
        "errors",
        "Waiting at the printer {printer!r}: its queue stopped ({reason}). Fix the printer, then "
        "resume the queue; the job prints then.",
    ),
    "print.aborted": QT_TRANSLATE_NOOP(
        "errors",
        "The printer {printer!r} gave up on the job ({reason}); some labels may be missing. Fix the "
        "printer, then retry the job.",
    ),
    "print.cancelled_at_printer": QT_TRANSLATE_NOOP(
        "errors",
        "The job was cancelled at the printer {printer!r}. Retry it if the labels are still needed.",
    ),
    "print.refused": QT_TRANSLATE_NOOP(
        "errors", "The printer {printer!r} refused the job. Check the printer and print again."
    ),
    "print.raw_offline": QT_TRANSLATE_NOOP(
        "errors",
        "The label printer {printer!r} does not answer: it is off, unplugged or offline. Switch it "
        "on and check its cable or network, then print again. Nothing was printed.",
    ),
    "print.raw_paper_out": QT_TRANSLATE_NOOP(
        "errors",
        "The label printer {printer!r} is out of labels. Load a new roll, then print again. Nothing was printed.",
    ),
    "print.raw_paused": QT_TRANSLATE_NOOP(
        "errors",
        "The label printer {printer!r} is paused. Press its pause or feed button to resume it, then"
        " print again. Nothing was printed.",
    ),
    "print.raw_head_open": QT_TRANSLATE_NOOP(
        "errors",
        "The label printer {printer!r} has its print head open. Close the head, then print again. Nothing was printed.",
    ),
    "print.raw_no_status": QT_TRANSLATE_NOOP(
        "errors",
        "The label printer {printer!r} did not answer the status query. Check that it is set to "
        "{language} and that port {port} is its raw port. Nothing was printed.",
    ),
    "print.raw_send_failed": QT_TRANSLATE_NOOP(
        "errors",
        "The connection to the label printer {printer!r} broke while sending the labels; some may "
        "have printed. Check what came out before printing again.",
    ),
    "print.raw_waiting_paper_out": QT_TRANSLATE_NOOP(
        "errors",
        "The labels reached the label printer {printer!r}, but it ran out of labels before printing"
        " them all. Load a new roll and the rest print.",
    ),
    "print.raw_waiting_paused": QT_TRANSLATE_NOOP(
        "errors",
        "The labels reached the label printer {printer!r}, but it was paused before printing them "
        "all. Press its pause or feed button and the rest print.",
    ),
    "print.raw_waiting_head_open": QT_TRANSLATE_NOOP(
        "errors",
        "The labels reached the label printer {printer!r}, but its print head was opened before "
        "printing them all. Close the head and the rest print.",
    ),
    "print.waiting_label_paused": QT_TRANSLATE_NOOP(
        "errors",
        "Waiting at the label printer {printer!r}: it is paused. Press its pause or feed button; the labels "
        "print then.",
    ),
    "print.raw_not_confirmed": QT_TRANSLATE_NOOP(
        "errors",
        "The labels were sent to the label printer {printer!r}, but it did not confirm printing "
        "them within {seconds} s. Check what came out before printing them again.",
    ),
    "file.unusable": QT_TRANSLATE_NOOP(
        "errors", "A label file from the platform could not be used. Print it again; if it fails again, report it."
    ),
    "file.link_expired": QT_TRANSLATE_NOOP(
        "errors", "The label file link had expired; asking the platform for a new one."
    ),
    "carton.already_printed": QT_TRANSLATE_NOOP(
        "errors",
        "The carton labels of pickup order {pickup} were already "
        "printed ({boxes} cartons); choose Reprint to print them "
        "again.",
    ),
    "carton.no_printer": QT_TRANSLATE_NOOP(
        "errors", "No printer is set for carton labels on the {size}. Choose one in Settings. Nothing was printed."
    ),
    "carton.pages": QT_TRANSLATE_NOOP(
        "errors",
        "The platform sent {pages} carton labels for pickup order {pickup}, "
        "not the {boxes} asked for. Nothing was printed.",
    ),
    "carton.not_printed": QT_TRANSLATE_NOOP(
        "errors", "The carton labels of pickup order {pickup} were not printed: {why}"
    ),
    "file.damaged": QT_TRANSLATE_NOOP(
        "errors",
        "The platform sent a label file that is not a readable PDF "
        "({reason}); nothing was printed for these POs. Try again later.",
    ),
    "file.unsafe_link": QT_TRANSLATE_NOOP(
        "errors",
        "The label file link pointed to {where}, which the station does "
        "not download from ({reason}); nothing was printed for these "
        "POs. Report it if it happens again.",
    ),
    "file.not_saved": QT_TRANSLATE_NOOP(
        "errors", "The label file could not be saved in {folder}: {cause}. Free some space, then print these POs again."
    ),
    "qianyi.refused": QT_TRANSLATE_NOOP("errors", "The QianYi ERP refused the request."),
    "qianyi.auth": QT_TRANSLATE_NOOP(
        "errors",
        "QianYi did not accept the app ID, secret or signature. Check them in "
        "the ERP settings (QianYi ERP › Settings › Third-party "
        "applications).",
    ),
    "qianyi.clock": QT_TRANSLATE_NOOP(
        "errors", "QianYi refused the request time. Correct the computer's date and time, then retry."
    ),
    "qianyi.input": QT_TRANSLATE_NOOP(
        "errors", "QianYi rejected the purchase-order data. Check the fields shown in the details."
    ),
    "qianyi.not_found": QT_TRANSLATE_NOOP("errors", "QianYi does not know this purchase order. Refresh the list."),
    "qianyi.rate_limit": QT_TRANSLATE_NOOP(
        "errors", "QianYi is limiting how often we call it. Wait a moment, then try again."
    ),
    "qianyi.server": QT_TRANSLATE_NOOP("errors", "The QianYi ERP had a problem on its side. Try again in a moment."),
    "qianyi.no_answer": QT_TRANSLATE_NOOP(
        "errors", "No answer from the QianYi ERP. Check the internet connection and the ERP address."
    ),
    "qianyi.malformed": QT_TRANSLATE_NOOP(
        "errors", "The QianYi ERP sent an answer the station cannot read. Try again; if it persists, report it."
    ),
    "replenish.no_po": QT_TRANSLATE_NOOP("errors", "Choose at least one JIT purchase order to replenish."),
    "replenish.no_units": QT_TRANSLATE_NOOP("errors", "The chosen POs need no units."),
    "replenish.no_jit": QT_TRANSLATE_NOOP("errors", "No JIT connection to read the POs' items from."),
    "replenish.no_items": QT_TRANSLATE_NOOP("errors", "No items found for JIT PO {pos}."),
    "shoplazza.refused": QT_TRANSLATE_NOOP("errors", "Shoplazza refused the request."),
    "shoplazza.bad_request": QT_TRANSLATE_NOOP(
        "errors",
        "Shoplazza did not accept the request: a filter has the "
        "wrong format (dates like 2024-06-26T11:52:00Z, whole "
        "numbers for page, limit and ids). Check the filters.",
    ),
    "shoplazza.auth": QT_TRANSLATE_NOOP(
        "errors",
        "Shoplazza did not accept the access token. Check the store domain "
        "and the access token in the ERP settings (the app needs the "
        "read_inventory scope).",
    ),
    "shoplazza.forbidden": QT_TRANSLATE_NOOP(
        "errors", "The Shoplazza app may not read procurements. Grant it the read_inventory scope."
    ),
    "shoplazza.not_found": QT_TRANSLATE_NOOP(
        "errors", "Shoplazza does not know this store or procurement. Check the store domain and refresh."
    ),
    "shoplazza.rate_limit": QT_TRANSLATE_NOOP(
        "errors", "Shoplazza is limiting how often we call it. Wait a moment, then try again."
    ),
    "shoplazza.server": QT_TRANSLATE_NOOP("errors", "Shoplazza had a problem on its side. Try again in a moment."),
    "shoplazza.no_answer": QT_TRANSLATE_NOOP(
        "errors", "No answer from Shoplazza. Check the internet connection and the store domain."
    ),
    "shoplazza.malformed": QT_TRANSLATE_NOOP(
        "errors", "Shoplazza sent an answer the station cannot read. Try again; if it persists, report it."
    ),
    "shoplazza.no_domain": QT_TRANSLATE_NOOP("errors", "The Shoplazza store domain is missing."),
    "shoplazza.no_procurement": QT_TRANSLATE_NOOP("errors", "Shoplazza has no procurement order {id}."),
    "shoplazza.nothing_received": QT_TRANSLATE_NOOP(
        "errors", "Nothing has been received on procurement {id} yet; there are no labels to print."
    ),
    "orders.package": QT_TRANSLATE_NOOP("errors", "package {package}, {tracking}"),
    "orders.code": QT_TRANSLATE_NOOP("errors", "code {code}"),
    "keyring.missing": QT_TRANSLATE_NOOP(
        "errors",
        "No secure password store is available (keyring backend: "
        "{backend}). On Windows and macOS the system store is used "
        "automatically; on Linux install and unlock a Secret Service "
        "provider (GNOME Keyring or KWallet), then start the station "
        "again. The station never keeps the app secret or tokens in a "
        "plain file.",
    ),
}

SIZE_NAMES = (  # PdfSize.display_name, for lupdate
    QT_TRANSLATE_NOOP("size", "A4"),
    QT_TRANSLATE_NOOP("size", "60x30 mm label"),
    QT_TRANSLATE_NOOP("size", "100x150 mm label"),
    QT_TRANSLATE_NOOP("size", "100x100 mm label"),  # PickupLabelSize: carton labels
)


def size_label(size: PdfSize) -> str:
    """A paper size by its name ("100x150 mm label"), in the window's language."""
    return QCoreApplication.translate("size", size.display_name)


def job_size_label(code: str) -> str:
    """The size of a print job ("6030", or "62x100mm" for a size the station does not know) by its name."""
    return QCoreApplication.translate("size", pdf_size_name(code))


def _translated(context: str, text: str) -> str | None:
    """``text`` in the window's language, or None when the translation has nothing for it."""
    translated = QCoreApplication.translate(context, text)
    return translated if translated != text else None


def _part(value: Param) -> Param:
    """A parameter: translated when it is a word the window knows, else as it is."""
    if not isinstance(value, str):
        return value
    for context in PART_CONTEXTS:
        translated = _translated(context, value)
        if translated is not None:
            return translated
    return value


class _Parts(dict[str, Param]):
    """A problem's parameters for ``format_map``; a missing one stays ``{name}``."""

    def __missing__(self, key: str) -> str:
        return f"{{{key}}}"


def translate_problem(problem: Problem) -> str:
    """``problem`` said in the window's language (its English sentence for a kind the window has no template for)."""
    if problem.kind == TEXT:
        text = str(problem.params.get("text", ""))
        return _translated(CONTEXT, text) or text
    template = TEMPLATES.get(problem.kind)
    if template is None:
        return problem.english()
    return QCoreApplication.translate(CONTEXT, template).format_map(
        _Parts({name: _part(value) for name, value in problem.params.items()})
    )


def translate_operator(text: str | Problem) -> str:
    """An operator's sentence (or problem) in the window's language; a sentence the window does not know, as it is."""
    if isinstance(text, Problem):
        return translate_problem(text)
    if isinstance(text, Sentence):
        return translate_problem(text.problem)
    if not text:
        return text
    return translate_problem(Problem.text(text))
