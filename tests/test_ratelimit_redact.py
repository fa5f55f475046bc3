from __future__ import annotations

import logging

import pytest

from station.lazada.ratelimit import RateLimiter
from station.lazada.redact import SECRETS, RedactingFilter


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_rate_limiter_spaces_calls() -> None:
    clock = FakeClock()
    limiter = RateLimiter(10, clock=clock, sleep=clock.sleep)
    for _ in range(21):
        limiter.acquire()
    assert clock.now == pytest.approx(2.0)


def test_rate_limiter_pause_holds_calls_back() -> None:
    clock = FakeClock()
    limiter = RateLimiter(0, clock=clock, sleep=clock.sleep)
    limiter.acquire()
    assert clock.now == 0.0
    limiter.pause(1.5)
    limiter.acquire()
    assert clock.now == pytest.approx(1.5)


def test_rate_limiter_takes_a_new_rate_and_tells_of_bans_only_its_own() -> None:
    clock = FakeClock()
    limiter = RateLimiter(10, clock=clock, sleep=clock.sleep)
    bans: list[float] = []
    limiter.on_ban = bans.append
    limiter.set_rate(2)
    limiter.acquire()
    limiter.acquire()
    assert clock.now == pytest.approx(0.5) and limiter.calls_per_second == 2
    limiter.hold(3.0)  # another bench's ban: obeyed, not reported again
    assert limiter.held_for() == pytest.approx(3.0) and bans == []
    limiter.pause(4.0)  # this bench's own ban
    assert bans == [4.0] and limiter.held_for() == pytest.approx(4.0)
    limiter.acquire()
    assert clock.now == pytest.approx(4.5) and limiter.held_for() == 0.0


def test_redacting_filter_masks_registered_secrets(caplog: pytest.LogCaptureFixture) -> None:
    SECRETS.add("topsecret-value-123")
    logger = logging.getLogger("test.redact")
    caplog.handler.addFilter(RedactingFilter())
    logger.warning("token was %s", "topsecret-value-123")
    assert "topsecret-value-123" not in caplog.text
    assert "***" in caplog.text
