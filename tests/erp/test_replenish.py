"""Replenishment from JIT POs (Lazada simulator) into QianYi (its simulator): preview, create once, never twice."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from station.connect import Connection
from station.erp.qianyi.client import QianYiClient
from station.erp.qianyi.errors import QianYiValidationError
from station.erp.qianyi.models import AccountPeriod, SettlementType
from station.erp.replenish import (
    Replenisher,
    ReplenishmentDefaults,
    ReplenishmentStore,
    custom_number_for,
    default_record_path,
    replenishment_key,
)
from station.lazada.errors import BadParameterError
from station.simulator.qianyi import QianYiSimulator
from station.simulator.server import SimulatorServer


def some_pos(sim: SimulatorServer, n: int = 3) -> list[str]:
    return sorted(sim.state.pos)[:n]


def expected_units(sim: SimulatorServer, pos: list[str]) -> Counter[str]:
    want: Counter[str] = Counter()
    for po in pos:
        for sku_id, qty in sim.state.pos[po].items:
            want[sim.state.catalogue.by_sku[sku_id].seller_sku] += qty
    return want


def test_key_and_reference_are_order_independent() -> None:
    assert replenishment_key(["B", "A", "A "]) == "A,B"
    assert custom_number_for("A,B") == custom_number_for(replenishment_key(["B", "A"]))
    assert len(custom_number_for("A,B")) <= 50
    with pytest.raises(QianYiValidationError):
        replenishment_key([" "])


def test_default_record_is_in_the_user_data_folder() -> None:
    assert "Station" in str(default_record_path())


def test_plan_sums_the_units_the_pos_need(
    sim: SimulatorServer, conn: Connection, qianyi: QianYiClient, qianyi_sim: QianYiSimulator, tmp_path: Path
) -> None:
    pos = some_pos(sim)
    rep = Replenisher(
        qianyi,
        ReplenishmentStore(tmp_path / "r.db"),
        ReplenishmentDefaults(default_price=Decimal("2.5")),
        jit=conn.client,
    )
    plan = rep.plan(pos)
    assert plan.po_numbers == tuple(pos) and plan.existing is None
    assert {line.sku: line.quantity for line in plan.lines} == dict(expected_units(sim, pos))
    assert plan.request.custom_number == plan.custom_number and all(p in plan.request.remark for p in pos)
    assert all(s.purchase_price == Decimal("2.5") for s in plan.request.sku_list)
    assert qianyi_sim.calls == {}  # a preview sends nothing to QianYi


def test_created_once_then_never_again(
    sim: SimulatorServer, conn: Connection, qianyi: QianYiClient, qianyi_sim: QianYiSimulator, tmp_path: Path
) -> None:
    pos = some_pos(sim, 4)
    store = ReplenishmentStore(tmp_path / "r.db")
    rep = Replenisher(qianyi, store, jit=conn.client)
    first = rep.execute(rep.plan(pos))
    assert first.created and first.purchase_number
    created = qianyi.find_by_custom_number(custom_number_for(replenishment_key(pos)))
    assert [o.purchase_number for o in created] == [first.purchase_number]
    assert {s.sku: s.purchase_quantity for s in created[0].sku_list} == dict(expected_units(sim, pos))

    again_plan = rep.plan(list(reversed(pos)))  # same POs, another order
    assert again_plan.existing is not None and again_plan.existing.purchase_number == first.purchase_number
    again = rep.execute(again_plan)
    assert not again.created and again.purchase_number == first.purchase_number
    assert len(qianyi.find_by_custom_number(again_plan.custom_number)) == 1
    assert [r.purchase_number for r in store.all()] == [first.purchase_number]


def test_lost_record_found_in_qianyi_by_reference(
    sim: SimulatorServer, conn: Connection, qianyi: QianYiClient, tmp_path: Path
) -> None:
    pos = some_pos(sim, 2)
    first = Replenisher(qianyi, ReplenishmentStore(tmp_path / "a.db"), jit=conn.client)
    created = first.execute(first.plan(pos))
    other = Replenisher(qianyi, ReplenishmentStore(tmp_path / "b.db"), jit=conn.client)
    result = other.execute(other.plan(pos))
    assert not result.created and result.purchase_number == created.purchase_number
    assert len(qianyi.find_by_custom_number(custom_number_for(replenishment_key(pos)))) == 1


def test_different_po_sets_get_their_own_orders(
    sim: SimulatorServer, conn: Connection, qianyi: QianYiClient, tmp_path: Path
) -> None:
    rep = Replenisher(qianyi, ReplenishmentStore(tmp_path / "r.db"), jit=conn.client)
    pos = some_pos(sim, 3)
    a = rep.execute(rep.plan(pos[:2]))
    b = rep.execute(rep.plan(pos))
    assert a.created and b.created and a.purchase_number != b.purchase_number


def test_settlement_terms_travel_with_the_order(
    sim: SimulatorServer, conn: Connection, qianyi: QianYiClient, tmp_path: Path
) -> None:
    defaults = ReplenishmentDefaults(
        settlement_type=SettlementType.DYNAMIC_ACCOUNT_PERIOD,
        prepay_rate=Decimal(40),
        effective_node="RECEIVE",
        account_period_list=(AccountPeriod(30, Decimal(60)),),
    )
    rep = Replenisher(qianyi, ReplenishmentStore(tmp_path / "r.db"), defaults, jit=conn.client)
    assert rep.execute(rep.plan(some_pos(sim, 1))).created
    bad = Replenisher(
        qianyi,
        ReplenishmentStore(tmp_path / "r2.db"),
        ReplenishmentDefaults(
            settlement_type=SettlementType.DYNAMIC_ACCOUNT_PERIOD,
            prepay_rate=Decimal(50),
            effective_node="RECEIVE",
            account_period_list=(AccountPeriod(30, Decimal(60)),),
        ),
        jit=conn.client,
    )
    with pytest.raises(QianYiValidationError, match="110%"):
        bad.plan(some_pos(sim, 1))


def test_unknown_po_is_refused(conn: Connection, qianyi: QianYiClient, tmp_path: Path) -> None:
    rep = Replenisher(qianyi, ReplenishmentStore(tmp_path / "r.db"), jit=conn.client)
    with pytest.raises(BadParameterError, match="NOPE-0000"):
        rep.plan(["NOPE-0000"])
    with pytest.raises(QianYiValidationError, match="No items"):
        rep.plan(["A1"], items={"A1": []})
