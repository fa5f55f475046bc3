"""What every ``station-cli`` command shares: the connection, the journal, the way it talks.

Apart from :mod:`station.cli.commands` so that the command modules built on it (``pickups_cmd``)
and ``commands`` itself import it without importing each other.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any

from station.connect import Connection, NotConfiguredError, connect_profile
from station.credentials import NoKeyringError
from station.demo import connect_demo, connect_simulator
from station.journal import JournalStore, default_journal_path, open_journal
from station.settings import Settings
from station.simulator.cli_args import parse_pack_delay
from station.simulator.config import SimulatorConfig
from station.workflow.call_budget import ShopBudget

from . import text


class UsageError(Exception):
    """Bad input or missing set-up: exit code 2, with the sentence shown."""


@contextmanager
def connection(args: argparse.Namespace) -> Iterator[Connection]:
    if args.demo and args.simulator_url:
        raise UsageError("Use either --demo or --simulator-url, not both.")
    kwargs: dict[str, Any] = {
        "calls_per_second": args.calls_per_second,
        "workers": args.workers,
        "read_timeout": args.read_timeout,
    }
    if args.demo:
        low, high = parse_pack_delay(args.demo_pack_delay)
        config = SimulatorConfig(
            pos=args.demo_pos,
            seed=args.demo_seed,
            pack_delay_min=low,
            pack_delay_max=high,
            latency_ms=args.demo_latency_ms,
            state_file=Path(args.demo_state_file) if args.demo_state_file else None,
        )
        conn = connect_demo(config, **kwargs)
    elif args.simulator_url:
        conn = connect_simulator(args.simulator_url, **kwargs)
    else:
        profile = args.profile or Settings().active_profile
        try:
            conn = connect_profile(profile, gateway_url=args.gateway_url, **kwargs)
        except NotConfiguredError:
            raise UsageError(not_logged_in(profile)) from None
        except NoKeyringError as exc:
            raise UsageError(f"{exc} Or add --demo to try the station on its built-in simulator.") from None
    try:
        yield conn
    finally:
        conn.close()


def not_logged_in(profile: str) -> str:
    name = "" if profile == "default" else f" --profile {profile}"
    return (
        f"No shop is set up for profile {text.quoted(profile)}. Log in once with\n"
        f"  station-cli login{name} --region PH --app-key KEY --auth-code CODE\n"
        f"(the code from the OAuth redirect; 'station-cli login --help' tells more), or add --demo to try "
        f"the station on its built-in simulator, no account needed."
    )


def emit(args: argparse.Namespace, payload: Any, lines: str) -> None:
    """``payload`` as JSON with ``--json``, else ``lines`` (control characters escaped)."""
    if args.json:
        json.dump(payload, sys.stdout, indent=2, default=str, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(text.printable(lines))


def journal_target(args: argparse.Namespace) -> str | Path:
    """The journal a command writes to when it is not a throwaway demo's: ``--journal``, else the one the
    window opens too (``STATION_JOURNAL``, else the one saved in Settings), else this bench's own file."""
    return getattr(args, "journal", None) or Settings().journal_target or default_journal_path()


def batch_journal(args: argparse.Namespace) -> tuple[JournalStore, str]:
    """The journal a command's batch is written to, and the profile it is filed under."""
    if args.demo and not args.demo_state_file and not args.journal:
        # A demo simulator without a state file forgets its POs at exit: nothing to resume later.
        journal = open_journal(":memory:")
    else:
        journal = open_journal(journal_target(args))
    set_aside = getattr(journal, "set_aside", None)
    if set_aside is not None:  # a damaged or lost journal was replaced by a new one: say so, first
        say(args, set_aside.message())
    if args.demo:
        return journal, "demo"
    if args.simulator_url:
        return journal, f"simulator {args.simulator_url}"
    return journal, args.profile or Settings().active_profile


def shop_budget(journal: JournalStore, profile: str, conn: Connection) -> AbstractContextManager[object]:
    """This bench's share of the shop's call budget on ``journal`` (a context manager): the benches of
    ``profile`` split its call rate, and a flow-limit ban one of them is given holds them all. A
    throwaway journal (the demo's) has no other bench: the bench keeps its own rate, as before."""
    if journal.in_memory:
        return nullcontext()
    return ShopBudget(journal, profile, conn.client.transport.limiter, total=Settings().shop_calls_per_second)


def say(args: argparse.Namespace, line: str) -> None:
    """A line for the operator; on stderr when stdout carries JSON."""
    print(text.printable(line), file=sys.stderr if args.json else sys.stdout, flush=True)
