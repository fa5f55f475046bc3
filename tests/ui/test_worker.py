"""The worker pool's progress: a burst of ticks reaches the window as a few calls, the last one included."""

from __future__ import annotations

import threading
from typing import Any

from pytestqt.qtbot import QtBot

from station.ui.worker import TaskRunner


def test_a_burst_of_progress_arrives_as_its_latest_tick_before_the_result(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[Any, ...]] = []
    done: list[Any] = []
    burst_sent = threading.Event()

    def work(emit: Any) -> str:
        for tick in range(1, 1001):
            emit("pack", tick, 1000)
        burst_sent.set()
        return "finished"

    def on_done(result: Any) -> None:
        done.append((result, list(seen)))

    runner.run_with_progress(work, on_done, None, lambda *args: seen.append(args))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    result, progress_before_result = done[0]
    assert result == "finished" and burst_sent.is_set()
    assert progress_before_result and progress_before_result[-1] == ("pack", 1000, 1000)
    assert len(progress_before_result) < 100  # not one call per tick
    assert [tick for _, tick, _ in progress_before_result] == sorted(tick for _, tick, _ in progress_before_result)
    runner.close()


def test_progress_from_several_threads_keeps_the_latest(qtbot: QtBot) -> None:
    runner = TaskRunner()
    seen: list[tuple[Any, ...]] = []
    done: list[Any] = []

    def work(emit: Any) -> None:
        threads = [threading.Thread(target=lambda n=n: [emit(n, i) for i in range(200)]) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        emit("last", 0)

    runner.run_with_progress(work, done.append, None, lambda *args: seen.append(args))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert seen[-1] == ("last", 0)
    runner.close()
