"""What went wrong, as data: a problem's kind and its parameters, and the English sentence for it.

Errors and per-PO outcomes carry a :class:`Problem` (``kind``, ``params``) instead of building
their sentence where they fail. The CLI, the log, the journal and the print history read the
English sentence rendered from :data:`ENGLISH`; the window renders the same problem in its own
language from its own table (``station/ui/operator_text.py``), whose templates have the same
placeholders (``tests/ui/test_operator_text.py`` checks both tables).

A leaf module: every layer may import it, it imports nothing of the station's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from string import Formatter

Param = str | int

# A sentence given as it is, by a caller that has no kind for it (or read from an old journal):
# rendered as the text itself; the window looks the text up as a whole.
TEXT = "text"

ENGLISH: dict[str, str] = {
    # the connectors' common root and the requests the station checks before sending them
    "api.refused": "The Lazada platform refused the request.",
    "request.invalid": "The request is not valid.",
    "request.date_format": "The date {text!r} is not in the form yyyy-MM-dd HH:mm:ss (for example 2026-11-23 "
    "08:00:00).",
    "request.range_reversed": "The end of the date range is before its start; swap the two dates.",
    "request.range_too_long": "The date range is {days} days long; the platform allows at most 90 days.",
    "request.list_empty": "{name} needs at least one value.",
    "request.list_too_long": "{name} holds {count} values; the platform takes at most {maximum}.",
    "request.list_blank": "{name} holds an empty value.",
    "request.page_start": "Page numbers start at 1.",
    "request.page_size": "The page size must be between 1 and {maximum}, not {size}.",
    "request.barcodes_on_a4": "Product barcodes cannot be printed on A4; choose the 60x30 mm label or the 100x150 mm "
    "label.",
    "request.nothing_to_print": "Choose the PO sheet, the product barcodes, or both.",
    "request.no_division": "The pickup address needs its division id (a positive number).",
    "request.no_pickup_date": "A pickup in China needs a pickup date (yyyy-MM-dd).",
    "request.no_contact_ship": "No pickup contact is set; fill it in Settings or in the Ship dialog.",
    "request.no_contact": "No pickup contact is set; fill it in Settings.",
    "request.contact_address_empty": "The pickup contact address is empty; fill it in Settings.",
    "request.contact_phone_empty": "The pickup contact phone is empty; fill it in Settings.",
    "request.contact_name_empty": "The pickup contact name is empty; fill it in Settings.",
    "request.no_provider": "The platform offers no shipment provider for these orders.",
    "request.area_code": "The pickup area code {code} is not one of CN, VN, TH, PH, ID, MY.",
    "request.pickup_date_format": "The pickup date {date} is not in the form yyyy-MM-dd.",
    "request.po_unknown": "The platform does not list the PO {no}.",
    "request.boxes": "The number of cartons must be between 1 and {maximum}, not {boxes}.",
    "request.no_pickup_no": "No pickup order number was given.",
    "pickup.unknown": "The platform does not know pickup order {no}. Check the number on the label.",
    # the Lazada platform
    "auth.callback": "The callback address {uri} cannot be used: it must be the app's http(s) callback (to catch "
    "the code here, http://127.0.0.1:<port>/...).",
    "auth.no_code": "No authorisation code was found. Paste the whole address the browser landed on after "
    "Authorise (it holds ?code=...).",
    "auth.refused": "The authorisation was not given on the platform's page ({error}). Connect the shop again "
    "and press Authorise.",
    "lazada.bad_parameter": "The platform rejected a parameter of the request. Check the dates and numbers, then try "
    "again.",
    "lazada.already_packed": "Already packed on the platform. The list will refresh.",
    "lazada.invalid_status": "The purchase order is not in a state that allows this step. Refresh the list and try "
    "again.",
    "lazada.flow_limit": "The platform is limiting how often we call it. Waiting a moment, then trying again.",
    "lazada.auth": "The platform did not accept the shop's credentials. Open Settings and check the app key, secret "
    "and access token.",
    "lazada.token_expired": "The access token has expired or is no longer valid. Log in again in Settings.",
    "lazada.no_token": "No access token is set. Log in first.",
    "lazada.refresh_token": "The refresh token was refused; the shop must authorise the app again in Settings.",
    "lazada.not_choice": "The shop authorised the station without Choice, so its JIT purchase orders cannot be read. "
    'Connect the shop again and pick the option that ends in "- Choice" on the platform\'s page.',
    "lazada.code_refused": "The authorisation code was refused: it is used already, has expired (codes last 30 "
    "minutes) or belongs to another app. Connect the shop again.",
    "lazada.signature": "The platform rejected the request signature. Check the app secret in Settings.",
    "lazada.clock": "The computer's clock is wrong by more than two hours. Correct the date and time, then retry.",
    "lazada.no_answer": "No answer from the Lazada platform. Check the internet connection; the step will be retried.",
    "lazada.outcome_unknown": "The connection dropped while the platform was working on it; checking what happened.",
    "lazada.server": "The Lazada platform had a problem on its side. The step will be retried.",
    "lazada.malformed": "The platform sent an answer the station cannot read. Try again; if it persists, report it.",
    "lazada.tls": "The secure connection to the platform could not be verified. Check the computer's date and any "
    "proxy or antivirus that intercepts HTTPS.",
    # a batch's POs
    "po.not_packed": "Not packed yet (To Pack): pack it first.",
    "po.gone": "The platform no longer lists this PO. Check it in Seller Center.",
    "po.cancelled": "The PO was cancelled ({status}); do not send it.",
    "po.no_answer": "No answer from the platform after several tries; pack it again later.",  # older journals
    "po.stuck": "Still To Pack {seconds} s after packing; the platform may be stuck on it. Try again later or report "
    "the PO to Lazada.",
    "po.stuck_unread": "The platform's answers to the pack could not be read and the PO still reads To Pack {seconds} "
    "s later: pack it again.",
    "po.label_unreadable": "The label file could not be read. Print these POs again.",
    "po.labels_not_saved": "The labels could not be saved as one file. Check the free disk space, then print these "
    "POs again.",  # older journals
    "po.merge_failed": "The labels could not be merged into one file. Print these POs again.",
    "po.output_failed": "The labels could not be written to {output} ({why}). They are kept: free some space or "
    "choose another file, then run the batch again.",
    "po.pickup_not_booked": "The pickup could not be booked after several tries.",
    "po.pickup_date_refused": "The platform does not take pickups on {date}; it allows {allowed}. Ship again with one "
    "of these dates.",
    "po.pickup_date_needed": "The platform needs a pickup date for this PO; it allows {allowed}. Ship again with one "
    "of these dates.",
    "po.cancelled_at_bench": "{no} was cancelled ({status}) — do not pack it. Put its items back.",
    "po.held_by_bench": "Held by bench {bench}; not sent.",
    "po.held_here": "Held by another Station on this PC (pid {pid}); not sent.",
    "po.done_by_bench": "Already done by bench {bench}; not sent again.",
    "po.claim_race": "Another bench was claiming it at the same moment; not sent.",
    "batch.resuming": "Resuming the batch started {when} ({count} POs: {packed} packed, {shipped} shipped, {printed} "
    "printed); checking their status on the platform first.",
    # the shared journal
    "journal.unreachable": "The shared journal is unreachable; the batch stopped and will resume when it is back.",
    "journal.claim_lost": "Another bench took over POs this bench was working on (its claim had expired); the batch "
    "stopped without sending anything more for them.",
    "journal.batch_held": "Another Station on this PC is running this batch; wait for it to finish or close it, then "
    "start again.",
    "journal.batch_held_pid": "Another Station on this PC is running this batch (pid {pid}); wait for it to finish or "
    "close it, then start again.",
    # pack verification
    "verify.held": "{no} is being verified at bench {bench}; scan another PO.",
    # printing
    "print.failed": "The labels could not be sent to the printer.",
    "print.failed_check": "The labels could not be sent to the printer. Check that it is on and connected.",
    "print.failed_on": "The labels could not be sent to the printer {printer!r}: {why}",
    "print.no_printer_or_offline": "No printer is set for this paper size, or it is not connected. Choose one in "
    "Settings.",
    "print.no_printer": "No printer is set for this paper size. Choose one in Settings. Nothing was printed.",
    "print.no_printer_for": "No printer is set for {size}. Choose one in Settings, then retry. Nothing was printed.",
    "print.cups_missing": "The printing system (CUPS) is not running or not installed. Restart the computer or call "
    "support.",
    "print.file_empty": "The label file has no pages. Nothing was printed.",
    "print.file_missing": "The label file is missing. Nothing was printed.",
    "print.file_unopenable": "The label file could not be opened. Nothing was printed.",
    "print.job_file_gone": "The label file of this job is gone from the disk; print the POs again. Nothing was "
    "printed.",
    "print.mixed_sizes": "The label file mixes paper sizes; it must be split into one job per size. Nothing was "
    "printed.",
    "print.size_not_chosen": "The label file is not the paper size chosen for this printer. Nothing was printed.",
    "print.size_not_set": "The label file is not the paper size set for this printer. Nothing was printed.",
    "print.size_refused": "The printer does not accept this label size. Check its paper settings. Nothing was printed.",
    "print.printer_unopenable": "The printer could not be opened. Check that it is on and connected, then print again.",
    "print.queue_missing": "The printer {printer!r} is not set up on this computer. Choose another printer in the "
    "settings, or ask support to add it. Nothing was printed.",
    "print.queue_paused": "The printer {printer!r} is paused. Fix the printer (paper, labels, lid), resume it in the "
    "printer settings, then print again. Nothing was printed.",
    "print.queue_paused_says": "The printer {printer!r} is paused. The printer says: {reason}. Fix the printer "
    "(paper, labels, lid), resume it in the printer settings, then print again. Nothing "
    "was printed.",
    "print.queue_rejecting": "The printer {printer!r} is not accepting jobs. Ask support to let it accept jobs again, "
    "then print again. Nothing was printed.",
    "print.queue_rejecting_says": "The printer {printer!r} is not accepting jobs. The printer says: {reason}. Ask "
    "support to let it accept jobs again, then print again. Nothing was printed.",
    "print.queue_offline": "The printer {printer!r} is offline or paused. Fix the printer (paper, labels, lid, "
    "cable), resume it in the printer settings, then print again. Nothing was printed.",
    "print.waiting_paper": "Waiting at the printer {printer!r}: out of paper or labels. Load them; the job prints by "
    "itself then.",
    "print.waiting_jam": "Waiting at the printer {printer!r}: paper jam. Clear it; the job prints by itself then.",
    "print.waiting_door": "Waiting at the printer {printer!r}: a door or cover is open. Close it; the job prints by "
    "itself then.",
    "print.waiting_offline": "Waiting at the printer {printer!r}: it is offline or cannot be reached. Check its "
    "power and cable; the job prints by itself then.",
    "print.waiting_paused": "Waiting at the printer {printer!r}: its queue is paused. Resume it in the printing "
    "system; the job prints then.",
    "print.waiting_stopped": "Waiting at the printer {printer!r}: its queue stopped ({reason}). Fix the printer, then "
    "resume the queue; the job prints then.",
    "print.aborted": "The printer {printer!r} gave up on the job ({reason}); some labels may be missing. Fix "
    "the printer, then retry the job.",
    "print.cancelled_at_printer": "The job was cancelled at the printer {printer!r}. Retry it if the labels are "
    "still needed.",
    "print.refused": "The printer {printer!r} refused the job. Check the printer and print again.",
    # raw label printers (ZPL/TSPL on port 9100): asked for their status before and after a job
    "print.raw_offline": "The label printer {printer!r} does not answer: it is off, unplugged or offline. Switch it "
    "on and check its cable or network, then print again. Nothing was printed.",
    "print.raw_paper_out": "The label printer {printer!r} is out of labels. Load a new roll, then print again. Nothing "
    "was printed.",
    "print.raw_paused": "The label printer {printer!r} is paused. Press its pause or feed button to resume it, then "
    "print again. Nothing was printed.",
    "print.raw_head_open": "The label printer {printer!r} has its print head open. Close the head, then print again. "
    "Nothing was printed.",
    "print.raw_no_status": "The label printer {printer!r} did not answer the status query. Check that it is set to "
    "{language} and that port {port} is its raw port. Nothing was printed.",
    "print.raw_send_failed": "The connection to the label printer {printer!r} broke while sending the labels; some "
    "may have printed. Check what came out before printing again.",
    "print.raw_waiting_paper_out": "The labels reached the label printer {printer!r}, but it ran out of labels "
    "before printing them all. Load a new roll and the rest print.",
    "print.raw_waiting_paused": "The labels reached the label printer {printer!r}, but it was paused before printing "
    "them all. Press its pause or feed button and the rest print.",
    "print.raw_waiting_head_open": "The labels reached the label printer {printer!r}, but its print head was opened "
    "before printing them all. Close the head and the rest print.",
    "print.waiting_label_paused": "Waiting at the label printer {printer!r}: it is paused. Press its pause or feed "
    "button; the labels print then.",
    "print.raw_not_confirmed": "The labels were sent to the label printer {printer!r}, but it did not confirm "
    "printing them within {seconds} s. Check what came out before printing them again.",
    # label files from the platform
    "carton.already_printed": "The carton labels of pickup order {pickup} were already printed ({boxes} cartons); "
    "choose Reprint to print them again.",
    "carton.no_printer": "No printer is set for carton labels on the {size}. Choose one in Settings. Nothing was "
    "printed.",
    "carton.pages": "The platform sent {pages} carton labels for pickup order {pickup}, not the {boxes} asked for. "
    "Nothing was printed.",
    "carton.not_printed": "The carton labels of pickup order {pickup} were not printed: {why}",
    "file.unusable": "A label file from the platform could not be used. Print it again; if it fails again, report it.",
    "file.link_expired": "The label file link had expired; asking the platform for a new one.",
    "file.damaged": "The platform sent a label file that is not a readable PDF ({reason}); nothing was printed for "
    "these POs. Try again later.",
    "file.unsafe_link": "The label file link pointed to {where}, which the station does not download from "
    "({reason}); nothing was printed for these POs. Report it if it happens again.",
    "file.not_saved": "The label file could not be saved in {folder}: {cause}. Free some space, then print these POs "
    "again.",
    # the ERPs
    "qianyi.refused": "The QianYi ERP refused the request.",
    "qianyi.auth": "QianYi did not accept the app ID, secret or signature. Check them in the ERP settings (QianYi "
    "ERP › Settings › Third-party applications).",
    "qianyi.clock": "QianYi refused the request time. Correct the computer's date and time, then retry.",
    "qianyi.input": "QianYi rejected the purchase-order data. Check the fields shown in the details.",
    "qianyi.not_found": "QianYi does not know this purchase order. Refresh the list.",
    "qianyi.rate_limit": "QianYi is limiting how often we call it. Wait a moment, then try again.",
    "qianyi.server": "The QianYi ERP had a problem on its side. Try again in a moment.",
    "qianyi.no_answer": "No answer from the QianYi ERP. Check the internet connection and the ERP address.",
    "qianyi.malformed": "The QianYi ERP sent an answer the station cannot read. Try again; if it persists, report it.",
    "replenish.no_po": "Choose at least one JIT purchase order to replenish.",
    "replenish.no_units": "The chosen POs need no units.",
    "replenish.no_jit": "No JIT connection to read the POs' items from.",
    "replenish.no_items": "No items found for JIT PO {pos}.",
    "shoplazza.refused": "Shoplazza refused the request.",
    "shoplazza.bad_request": "Shoplazza did not accept the request: a filter has the wrong format (dates like "
    "2024-06-26T11:52:00Z, whole numbers for page, limit and ids). Check the filters.",
    "shoplazza.auth": "Shoplazza did not accept the access token. Check the store domain and the access token in the "
    "ERP settings (the app needs the read_inventory scope).",
    "shoplazza.forbidden": "The Shoplazza app may not read procurements. Grant it the read_inventory scope.",
    "shoplazza.not_found": "Shoplazza does not know this store or procurement. Check the store domain and refresh.",
    "shoplazza.rate_limit": "Shoplazza is limiting how often we call it. Wait a moment, then try again.",
    "shoplazza.server": "Shoplazza had a problem on its side. Try again in a moment.",
    "shoplazza.no_answer": "No answer from Shoplazza. Check the internet connection and the store domain.",
    "shoplazza.malformed": "Shoplazza sent an answer the station cannot read. Try again; if it persists, report it.",
    "shoplazza.no_domain": "The Shoplazza store domain is missing.",
    "shoplazza.no_procurement": "Shoplazza has no procurement order {id}.",
    "shoplazza.nothing_received": "Nothing has been received on procurement {id} yet; there are no labels to print.",
    # marketplace orders: a package's result
    "orders.package": "package {package}, {tracking}",
    "orders.code": "code {code}",
    # the password store
    "keyring.missing": "No secure password store is available (keyring backend: {backend}). On Windows and macOS the "
    "system store is used automatically; on Linux install and unlock a Secret Service provider "
    "(GNOME Keyring or KWallet), then start the station again. The station never keeps the app "
    "secret or tokens in a plain file.",
}


def placeholders(template: str) -> set[tuple[str, str | None]]:
    """The ``{name}`` / ``{name!r}`` fields of a template, with their conversion."""
    return {(name, conversion) for _, name, _, conversion in Formatter().parse(template) if name is not None}


@dataclass(frozen=True)
class Problem:
    """What went wrong: a stable ``kind`` (a key of :data:`ENGLISH`) and the ``params`` its sentence needs."""

    kind: str
    params: Mapping[str, Param] = field(default_factory=dict)

    @classmethod
    def text(cls, sentence: str) -> Problem:
        """A sentence as it is: the kind whose fixed sentence it is, else a :data:`TEXT` problem."""
        kind = _FIXED.get(sentence)
        return cls(kind) if kind is not None else cls(TEXT, {"text": sentence})

    def english(self) -> str:
        if self.kind == TEXT:
            return str(self.params.get("text", ""))
        template = ENGLISH.get(self.kind)
        if template is None:  # a kind a newer station wrote: its parameters, at least
            return f"{self.kind} {dict(self.params)}"
        return template.format_map(_Params(self.params))

    def to_json(self) -> str:
        return json.dumps({"kind": self.kind, "params": dict(self.params)}, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Problem | None:
        """The problem stored by :meth:`to_json`; None for an empty or unreadable text (an older journal)."""
        try:
            data = json.loads(text) if text else None
        except ValueError:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("kind"), str):
            return None
        params = data.get("params")
        if not isinstance(params, dict):
            params = {}
        return cls(data["kind"], {str(k): v for k, v in params.items() if isinstance(v, (str, int))})


class _Params(dict[str, Param]):
    """A problem's parameters for ``format_map``: one that is missing stays ``{name}`` rather than failing
    the sentence that reports an error."""

    def __missing__(self, key: str) -> str:
        return f"{{{key}}}"


class Sentence(str):
    """An English sentence that remembers the problem it says, so that the window can say the same
    problem in its own language while everything else reads it as the plain ``str`` it is."""

    problem: Problem

    def __new__(cls, problem: Problem, text: str | None = None) -> Sentence:
        sentence = super().__new__(cls, problem.english() if text is None else text)
        sentence.problem = problem
        return sentence

    def __reduce__(self) -> tuple[type[Sentence], tuple[Problem, str]]:
        return Sentence, (self.problem, str(self))


def problem_of(text: str) -> Problem:
    """The problem behind ``text``: the one a :class:`Sentence` carries, else the sentence as it is."""
    return text.problem if isinstance(text, Sentence) else Problem.text(text)


def say(kind: str, **params: Param) -> Sentence:
    """The English sentence of ``kind`` with ``params``, carrying both."""
    return Sentence(Problem(kind, params))


# The kinds whose sentence has no parameter, by their sentence: a sentence from an older journal or
# from a caller that still passes English text finds its kind here.
_FIXED = {template: kind for kind, template in ENGLISH.items() if not placeholders(template)}
