"""Which spoken prompt answers a verification scan: a pure choice, so tests check it without a loudspeaker."""

from __future__ import annotations

from station.ui.voice import Prompt
from station.workflow.verify import ScanResult, Verdict


def prompt_for(result: ScanResult) -> tuple[Prompt, int]:
    """The prompt that answers one scan, and its count (MORE's units still to scan in the PO)."""
    if result.verdict is Verdict.WRONG_ITEM:
        return Prompt.WRONG_ITEM, 0
    if result.verdict is Verdict.TOO_MANY:
        return Prompt.TOO_MANY, 0
    if result.verdict is Verdict.CLOSED:
        return Prompt.TOO_MANY, 0  # the carton is closed: nothing more goes in
    if result.verdict is Verdict.COMPLETE:
        return Prompt.COMPLETE, 0
    return Prompt.MORE, result.po_remaining
