"""The argument parser of ``station-cli``: plain-text help, one line of description per command,
valid values named when a value is not one of them, and errors shown with the usage of the
command they are about, control characters escaped."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NoReturn

from .text import printable, quoted


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and epilogs keep their lines (the exit codes' table); option help is wrapped."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        if action.nargs == argparse.PARSER:  # the commands' list: not the lone "COMMAND" line above it
            text = "".join(
                line[2:] if line.startswith("  ") else line for line in text.split("\n", 1)[1].splitlines(keepends=True)
            )
        return text


class StationParser(argparse.ArgumentParser):
    """The top-level parser: errors name the bad value safely and point to ``--help``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        self.commands: dict[str, argparse.ArgumentParser] = {}  # name -> its parser, once added

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        # argparse's own check of a command name: "unknown command 'x': choose one of ...", like a bad value
        if action.nargs == argparse.PARSER and action.choices is not None and value not in action.choices:
            raise argparse.ArgumentError(
                None, f"unknown command {quoted(str(value))}: choose one of {', '.join(action.choices)}"
            )
        super()._check_value(action, value)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {printable(message, newlines=False)}\nRun '{self.prog} --help' for more.\n")


class CommandParser(StationParser):
    """The parser of one command (``station-cli list``...). An option it does not know is its
    error, shown with its usage: argparse alone hands the leftovers back to the top-level parser,
    which answers with the usage of ``station-cli`` instead."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(unknown_arguments(extras))
        return parsed, extras


def unknown_arguments(extras: Sequence[str]) -> str:
    options = [a for a in extras if a.startswith("-")]
    others = [a for a in extras if not a.startswith("-")]
    parts = []
    if options:
        parts.append(f"unknown {'option' if len(options) == 1 else 'options'} {', '.join(map(quoted, options))}")
    if others:
        parts.append(f"unexpected {'argument' if len(others) == 1 else 'arguments'} {', '.join(map(quoted, others))}")
    return "; ".join(parts)


def add_command(subparsers: Any, name: str, summary: str, **kwargs: Any) -> argparse.ArgumentParser:
    """Add the command ``name``: ``summary`` is its line in ``station-cli --help`` and the description
    at the top of ``station-cli NAME --help``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(name, help=summary, description=summary, **kwargs)
    return parser


class Choice(argparse.Action):
    """An option (or positional) taking one of a fixed set of values, matched regardless of case.

    ``options``: the values as typed mapped to what lands in the namespace (or a sequence of
    values kept as typed). A value outside them is an error that lists them, e.g.
    ``invalid --size 'A5': choose one of A4, 6030, 100150``.
    """

    def __init__(
        self, option_strings: Sequence[str], dest: str, *, options: Mapping[str, Any] | Iterable[str], **kwargs: Any
    ) -> None:
        self.options: dict[str, Any] = (
            dict(options) if isinstance(options, Mapping) else {value: value for value in options}
        )
        kwargs.setdefault("metavar", "{" + ",".join(self.options) + "}")
        super().__init__(option_strings, dest, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        text = str(values)
        found = self.options.get(text, _MISSING)
        if found is _MISSING:
            folded = {key.casefold(): value for key, value in self.options.items()}
            found = folded.get(text.strip().casefold(), _MISSING)
        if found is _MISSING:
            name = option_string or (
                self.metavar if isinstance(self.metavar, str) and not self.metavar.startswith("{") else self.dest
            )
            raise argparse.ArgumentError(
                None, f"invalid {name} {quoted(text)}: choose one of {', '.join(self.options)}"
            )
        setattr(namespace, self.dest, found)


_MISSING = object()


EXIT_CODES = (
    (0, "all done (on a shared journal: every PO done by this bench or another)"),
    (
        1,
        "something failed: some POs (orders, print jobs) failed while the others were done, or the "
        "platform refused the request or could not be reached, or another Station on this PC is running the open "
        "batch (nothing sent)",
    ),
    (2, "bad input or set-up: an unknown option or value, no shop logged in, no keyring"),
    (3, "interrupted (Ctrl+C) or cancelled: run the same command again to finish the rest"),
)


def exit_codes_epilog(prog: str) -> str:
    lines = ["exit codes:"]
    for code, meaning in EXIT_CODES:
        lines += textwrap.wrap(meaning, 76, initial_indent=f"  {code}  ", subsequent_indent="     ")
    lines += [
        "",
        *textwrap.wrap(
            f"'{prog} COMMAND --help' shows the options of one command. The commands that "
            "reach the platform or an ERP take --demo: the built-in simulator, no account "
            "needed.",
            79,
        ),
    ]
    return "\n".join(lines)
