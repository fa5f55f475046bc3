"""ERP simulators (real HTTP servers on 127.0.0.1) and clients on them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from station.erp.qianyi.client import QianYiClient
from station.erp.shoplazza.client import ShoplazzaClient
from station.simulator.qianyi import QianYiSimulator
from station.simulator.qianyi import demo_settings as qianyi_demo
from station.simulator.shoplazza import ShoplazzaSimulator
from station.simulator.shoplazza import demo_settings as shoplazza_demo


@pytest.fixture
def qianyi_sim() -> Iterator[QianYiSimulator]:
    sim = QianYiSimulator(orders=45, seed=3)
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def qianyi(qianyi_sim: QianYiSimulator) -> Iterator[QianYiClient]:
    client = QianYiClient(qianyi_demo(qianyi_sim.base_url), sleep=lambda _s: None)
    yield client
    client.close()


@pytest.fixture
def shoplazza_sim() -> Iterator[ShoplazzaSimulator]:
    sim = ShoplazzaSimulator(procurements=60, seed=3)
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def shoplazza(shoplazza_sim: ShoplazzaSimulator) -> Iterator[ShoplazzaClient]:
    client = ShoplazzaClient(shoplazza_demo(shoplazza_sim.base_url), sleep=lambda _s: None)
    yield client
    client.close()
