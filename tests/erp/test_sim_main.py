"""The ERP simulators start from the command line like the Lazada one, and answer on real sockets."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time

import pytest
import requests

from station.simulator import qianyi as qianyi_sim
from station.simulator import shoplazza as shoplazza_sim


def test_qianyi_main_serves_until_stopped(capsys: pytest.CaptureFixture[str]) -> None:
    stop = threading.Event()
    thread = threading.Thread(target=qianyi_sim.main, args=(["--orders", "3", "--seed", "2"], stop))
    thread.start()
    try:
        deadline = time.monotonic() + 10
        out = ""
        while "listening" not in out and time.monotonic() < deadline:
            time.sleep(0.05)
            out += capsys.readouterr().out
        url = re.search(r"(http://127\.0\.0\.1:\d+)", out)
        assert url is not None
        response = requests.post(url.group(1) + "/api/v1/purchase", files={"appId": (None, "x")}, timeout=5)
        assert response.json()["errorCode"] == "DATA_INPUT_ERROR"
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()


def test_shoplazza_module_runs_as_a_process() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "station.simulator.shoplazza", "--procurements", "4"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        url = re.search(r"(http://127\.0\.0\.1:\d+)", line)
        assert url is not None, line
        response = requests.get(
            url.group(1) + "/openapi/2022-01/center/procurements",
            headers={"Access-Token": shoplazza_sim.DEMO_ACCESS_TOKEN},
            timeout=5,
        )
        assert response.status_code == 200 and response.json()["count"] == 4
    finally:
        proc.terminate()
        proc.wait(10)
