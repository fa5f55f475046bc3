"""The demo day keeps the promises of the README and ``--help``: the number of To Pack POs, and
products whose SKU names the colour of their title. Read through the real client, over HTTP."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

from station.demo import connect_demo
from station.lazada.models import POQuery, POStatus
from station.simulator.config import SimulatorConfig
from station.ui.app import DEMO_POS, connect, parse_args
from station.ui.ui_settings import UiSettings
from station.workflow.batch import list_to_pack

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_window_demo_has_exactly_the_to_pack_pos_the_readme_promises() -> None:
    promised = re.search(r"\((\d+) To Pack POs", README.read_text(encoding="utf-8"))
    assert promised is not None, "the README no longer says how many To Pack POs the demo has"
    args = parse_args(["--demo"])
    assert args.demo_pos == DEMO_POS == int(promised.group(1))
    conn = connect(args, UiSettings())
    assert conn is not None
    try:
        client = conn.client
        # the window's default range is the last 7 days; the count must not depend on it
        for days in (1, 7, 30):
            assert len(list_to_pack(client, days)) == DEMO_POS, f"{days} days"
        end = client.now() + timedelta(minutes=5)
        everything = client.list_pos(POQuery(end - timedelta(days=15), end))
        by_status: dict[POStatus, int] = defaultdict(int)
        for po in everything:
            by_status[po.status] += 1
        assert by_status[POStatus.TO_PACK] == DEMO_POS
        # the older POs are the realistic rest of a bench's week, in the other statuses
        assert len(everything) == 2 * DEMO_POS
        assert {POStatus.READY_TO_SHIP, POStatus.TO_PUT_AWAY, POStatus.COMPLETED} <= set(by_status)
        assert any(status.is_cancelled for status in by_status)
    finally:
        conn.close()


def _is_abbreviation(code: str, word: str) -> bool:
    """``PNK`` of ``Pink``: the code's letters appear in the word, in order, starting with its first."""
    rest = iter(word.upper())
    return code[0] == word[0].upper() and all(letter in rest for letter in code)


def test_every_demo_sku_names_the_colour_of_its_product() -> None:
    colour_of_code: dict[str, set[str]] = defaultdict(set)
    code_of_colour: dict[str, set[str]] = defaultdict(set)
    checked = 0
    for seed in (1, 7):  # the window's demo and the CLI's
        conn = connect_demo(SimulatorConfig(pos=120, history=0, seed=seed, pack_delay_min=0.2, pack_delay_max=0.2))
        try:
            pos = list_to_pack(conn.client, 1)
            items = conn.client.list_items_many(po.purchase_order_no for po in pos)
        finally:
            conn.close()
        for item in (i for rows in items.values() for i in rows):
            named = re.fullmatch(r".+ - (\w+)", item.product_title)
            if named is None:  # a local-script title names no colour: no colour suffix either
                assert re.fullmatch(r"BD-\d{4}", item.seller_sku), (item.seller_sku, item.product_title)
                continue
            match = re.fullmatch(r"BD-\d{4}-([A-Z]{3})", item.seller_sku)
            assert match is not None, item.seller_sku
            colour, code = named.group(1), match.group(1)
            assert _is_abbreviation(code, colour), (item.seller_sku, item.product_title)
            colour_of_code[code].add(colour)
            code_of_colour[colour].add(code)
            checked += 1
    assert checked > 200
    assert len(colour_of_code) >= 5
    # one code per colour and one colour per code
    assert all(len(colours) == 1 for colours in colour_of_code.values()), dict(colour_of_code)
    assert all(len(codes) == 1 for codes in code_of_colour.values()), dict(code_of_colour)
