"""Which spoken prompt answers a verification scan: a pure choice, so tests check it without a loudspeaker."""

from __future__ import annotations

from station.workflow.verify import ScanResult, Verdict


def prompt_for(result: ScanResult) -> tuple[str, int]:
    """The prompt's name (a :class:`station.ui.voice.Prompt` member) and its count, for one scan."""
    if result.verdict is Verdict.WRONG_ITEM:
        return "WRONG_ITEM", 0
    if result.verdict is Verdict.TOO_MANY:
        return "TOO_MANY", 0
    if result.verdict is Verdict.CLOSED:
        return "TOO_MANY", 0  # the carton is closed: nothing more goes in
    if result.verdict is Verdict.COMPLETE:
        return "COMPLETE", 0
    return "MORE", result.po_remaining
