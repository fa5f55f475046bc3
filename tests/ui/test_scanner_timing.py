"""The pure part of the scanner: keystroke timings make a scan or stay typing (with Hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from station.scan_input import MIN_SCAN_LENGTH, SCAN_MAX_GAP_MS, KeyTiming, classify, split_symbology

GAP = SCAN_MAX_GAP_MS / 1000
# Codes as scanned; one that starts like an AIM symbology identifier ("]A0") is read as one (and
# taken off), which tests/ui/test_scanner_keys.py covers.
codes = st.text(
    alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=MIN_SCAN_LENGTH, max_size=40
).filter(lambda code: split_symbology(code)[0] == "")
fast_gaps = st.floats(min_value=0.0, max_value=GAP * 0.9)
slow_gaps = st.floats(min_value=GAP * 1.2, max_value=2.0)


def timed(text: str, gaps: list[float], start: float = 100.0) -> tuple[list[tuple[str, float]], float]:
    keys, at = [], start
    for char, gap in zip(text, gaps, strict=False):
        at += gap
        keys.append((char, at))
    return keys, at


@given(codes, st.lists(fast_gaps, min_size=41, max_size=41), fast_gaps)
def test_fast_keys_ending_in_enter_are_a_scan(code: str, gaps: list[float], enter_gap: float) -> None:
    keys, last = timed(code, gaps)
    assert classify(keys, last + enter_gap) == code


@given(codes, st.lists(fast_gaps, min_size=41, max_size=41), slow_gaps)
def test_a_pause_before_enter_is_typing(code: str, gaps: list[float], enter_gap: float) -> None:
    keys, last = timed(code, gaps)
    assert classify(keys, last + enter_gap) is None


@given(codes, st.lists(slow_gaps, min_size=41, max_size=41))
def test_slow_typing_is_never_a_scan(text: str, gaps: list[float]) -> None:
    keys, last = timed(text, gaps)
    assert classify(keys, last + 0.001) is None


@given(st.text(min_size=1, max_size=10), slow_gaps, codes, st.lists(fast_gaps, min_size=41, max_size=41))
def test_the_scan_is_the_last_fast_burst(typed: str, pause: float, code: str, gaps: list[float]) -> None:
    """Someone typed, paused, then scanned: the scan is only what the scanner sent."""
    first, end = timed(typed, [0.3] * len(typed))
    second, last = timed(code, [pause, *gaps[1:]], start=end)
    assert classify(first + second, last + 0.001) == code


def test_short_fast_bursts_are_typing() -> None:
    keys, last = timed("ab1", [0.001, 0.001, 0.001])
    assert classify(keys, last + 0.001) is None


def test_add_returns_what_can_no_longer_be_a_scan() -> None:
    timing = KeyTiming()
    assert timing.add("a", 0.0) == []
    assert timing.add("b", 0.01) == []
    assert timing.add("c", 1.0) == ["a", "b"]
    assert timing.expire(1.01) == []
    assert timing.expire(2.0) == ["c"]
