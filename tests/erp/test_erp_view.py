"""The ERP view (offscreen): both tabs load, replenishment is previewed then created once, labels are drawn."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from station.connect import Connection
from station.erp.qianyi.client import QianYiClient
from station.erp.replenish import Replenisher, ReplenishmentResult, ReplenishmentStore
from station.erp.shoplazza.client import ShoplazzaClient
from station.simulator.server import SimulatorServer
from station.ui.erp_view import ErpView
from station.ui.worker import TaskRunner

WAIT_MS = 15_000


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    r = TaskRunner()
    yield r
    r.close()


def test_view_smoke(
    qtbot: QtBot,
    runner: TaskRunner,
    sim: SimulatorServer,
    conn: Connection,
    qianyi: QianYiClient,
    shoplazza: ShoplazzaClient,
    tmp_path: Path,
) -> None:
    pos = sorted(sim.state.pos)[:2]
    printed: list[Path] = []

    def fake_print(pdf: Path) -> int:
        printed.append(pdf)
        return 99

    view = ErpView(
        runner,
        qianyi=qianyi,
        shoplazza=shoplazza,
        replenisher=Replenisher(qianyi, ReplenishmentStore(tmp_path / "r.db"), jit=conn.client),
        selected_pos=lambda: pos,
        labels_folder=tmp_path / "labels",
        print_pdf=fake_print,
    )
    qtbot.addWidget(view)
    view.show()
    assert view.tabs.count() == 2

    with qtbot.waitSignal(
        view.message, timeout=WAIT_MS, check_params_cb=lambda m: "QianYi purchase order" in m and m[0].isdigit()
    ):
        view.refresh_qianyi()
    assert view.qianyi_model.rowCount() == 45 and view.qianyi_model.columnCount() == 10
    with qtbot.waitSignal(view.message, timeout=WAIT_MS, check_params_cb=lambda m: m[0].isdigit()):
        view.refresh_shoplazza()
    assert view.shoplazza_model.rowCount() == 60

    # replenish: a preview first, nothing sent until the operator accepts
    view.replenish()
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible(), timeout=WAIT_MS)
    assert view.dialog is not None and view.dialog.table.rowCount() == len(view.dialog.plan.lines)
    assert qianyi.find_by_custom_number(view.dialog.plan.custom_number) == []
    with qtbot.waitSignal(view.replenished, timeout=WAIT_MS) as blocker:
        view.dialog.accept()
    result = blocker.args[0]
    assert isinstance(result, ReplenishmentResult) and result.created

    # the same POs again: the preview says it exists and offers no "create"
    view.dialog = None
    view.replenish()
    qtbot.waitUntil(lambda: view.dialog is not None and view.dialog.isVisible(), timeout=WAIT_MS)
    assert view.dialog is not None and view.dialog.plan.existing is not None
    assert result.purchase_number in view.dialog.notice.text()
    view.dialog.reject()

    # labels for a received procurement
    row = next(i for i, p in enumerate(view.shoplazza_model.rows) if p.received_quantity > 0)
    view.shoplazza_table.selectionModel().select(
        view.shoplazza_model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    with qtbot.waitSignal(view.labels_ready, timeout=WAIT_MS) as labels:
        view.print_labels()
    path, pages = labels.args
    assert pages == 99 and printed == [path] and path.exists()
    assert view.busy == set()


def test_view_without_erps_and_errors(qtbot: QtBot, runner: TaskRunner, qianyi_sim: object) -> None:
    view = ErpView(runner)
    qtbot.addWidget(view)
    assert not view.qianyi_refresh.isEnabled() and not view.labels_button.isEnabled()
    view.refresh_qianyi()
    view.replenish()
    assert runner.busy is False


def test_view_shows_errors(qtbot: QtBot, runner: TaskRunner, shoplazza: ShoplazzaClient) -> None:
    from station.erp.keystore import ShoplazzaSettings

    bad = ShoplazzaClient(ShoplazzaSettings("x", "wrong-token", shoplazza.settings.base_url))
    view = ErpView(runner, shoplazza=bad)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.failed, timeout=WAIT_MS):
        view.refresh_shoplazza()
    assert "access token" in view.status.text()
    view.print_labels()  # nothing selected
    assert "Select a received procurement" in view.status.text()


def test_make_erp_view_demo_and_unconfigured(
    qtbot: QtBot, runner: TaskRunner, conn: Connection, tmp_path: Path
) -> None:
    from station.ui.erp_view import make_erp_view

    view = make_erp_view(runner, "default", conn.client, lambda: [], tmp_path, demo=True)
    qtbot.addWidget(view)
    assert len(view.simulators) == 2 and view.replenish_button.isEnabled()
    with qtbot.waitSignal(view.message, timeout=WAIT_MS, check_params_cb=lambda m: m[0].isdigit()):
        view.refresh_shoplazza()
    assert view.shoplazza_model.rowCount() == 60
    runner.wait(WAIT_MS)
    view.shutdown()
    assert view.simulators == []

    plain = make_erp_view(runner, "nobody", conn.client, lambda: [], tmp_path)
    qtbot.addWidget(plain)
    assert plain.qianyi is None and plain.shoplazza is None and not plain.replenish_button.isEnabled()
    plain.shutdown()
