"""Pack verification's counting: right, wrong, extra, bulk, inner packs, short and forced finishes."""

from __future__ import annotations

import pytest

from station.lazada.models import PurchaseOrderItem
from station.workflow.verify import InnerPack, ShortReason, Verdict, Verification, VerifyState


def item(sku: str, qty: int, *codes: str) -> PurchaseOrderItem:
    return PurchaseOrderItem("PO1", sku, f"S-{sku}", f"Product {sku}", qty, tuple(codes))


def two_lines(**packs: list[InnerPack]) -> Verification:
    return Verification.of_items("PO1", [item("A", 3, "111", "abc-1"), item("B", 1, "222")], packs)


def test_units_count_until_complete() -> None:
    v = two_lines()
    assert (v.needed, v.remaining) == (4, 4)
    first = v.count("111")
    assert (first.verdict, first.sku_id, first.counted, first.line_remaining, first.po_remaining) == (
        Verdict.COUNTED,
        "A",
        1,
        2,
        3,
    )
    assert v.count("ABC-1").verdict is Verdict.COUNTED  # any of its barcodes, in any case
    assert v.count(" 111 ").line_remaining == 0
    last = v.count("222")
    assert last.verdict is Verdict.COMPLETE and last.po_remaining == 0
    assert v.state is VerifyState.COMPLETE and v.is_complete


def test_wrong_item_and_extra_unit_are_refused_and_not_counted() -> None:
    v = two_lines()
    wrong = v.count("999")
    assert wrong.verdict is Verdict.WRONG_ITEM and wrong.refused and wrong.sku_id is None
    v.count("222")
    extra = v.count("222")
    assert extra.verdict is Verdict.TOO_MANY and extra.counted == 0 and extra.refused
    assert v.scanned == {"A": 0, "B": 1}
    assert v.remaining == 3


def test_typed_quantity_is_capped_at_what_the_line_needs() -> None:
    v = Verification.of_items("PO1", [item("A", 30, "111")])
    bulk = v.count("111", 24)
    assert (bulk.counted, bulk.line_remaining, bulk.capped) == (24, 6, False)
    capped = v.count("111", 24)
    assert (capped.verdict, capped.counted, capped.capped) == (Verdict.COMPLETE, 6, True)
    with pytest.raises(ValueError):
        v.count("111", 0)


def test_inner_pack_counts_its_units_only_when_they_all_fit() -> None:
    v = Verification.of_items("PO1", [item("A", 30, "111")], {"A": [InnerPack("PACK12", 12)]})
    assert v.count("pack12").counted == 12
    assert v.count("PACK12").counted == 12
    refused = v.count("PACK12")  # 6 left: a sealed pack of 12 does not go in
    assert refused.verdict is Verdict.TOO_MANY and refused.counted == 0 and refused.line_remaining == 6
    assert v.count("111", 6).verdict is Verdict.COMPLETE


def test_one_sku_on_two_rows_needs_their_sum() -> None:
    v = Verification.of_items("PO1", [item("A", 2, "111"), item("A", 3, "112")])
    assert len(v.lines) == 1 and v.needed == 5 and v.matches("112")


def test_counts_resume_from_what_was_scanned() -> None:
    v = Verification.of_items("PO1", [item("A", 3, "111")], scanned={"A": 2, "GONE": 4})
    assert v.remaining == 1 and v.count("111").verdict is Verdict.COMPLETE


def test_short_finish_needs_a_reason_a_note_for_other_and_the_operator() -> None:
    v = two_lines()
    v.count("111")
    with pytest.raises(ValueError):
        v.finish_short(ShortReason.OTHER, "  ", "Ana")
    with pytest.raises(ValueError):
        v.finish_short(ShortReason.DAMAGED, "", "")
    finish = v.finish_short(ShortReason.DAMAGED, "", "Ana")
    assert finish.state is VerifyState.FORCED and finish.operator == "Ana"
    assert dict(finish.missing) == {"A": 2, "B": 1}
    assert v.count("111").verdict is Verdict.CLOSED  # the carton is closed: nothing more counts
    with pytest.raises(ValueError):
        v.finish_short(ShortReason.DAMAGED, "", "Ana")


def test_a_complete_po_needs_no_forcing_and_undo_reopens_it() -> None:
    v = Verification.of_items("PO1", [item("A", 1, "111")])
    v.count("111")
    with pytest.raises(ValueError):
        v.finish_short(ShortReason.OUT_OF_STOCK, "", "Ana")
    assert v.undo("A") == 1 and v.state is VerifyState.OPEN and v.remaining == 1
