"""Subcommands of `vnhealth`, one module each, and the options they share.

Every subcommand names the warehouse file the same way, ``--warehouse FILE``
(:func:`add_warehouse_option`); the names used before (``--db``, and ``--out`` for
`vnhealth build`) stay as hidden aliases, so scripts keep working; on a terminal they print
a deprecation warning. Examples in a subcommand's help (:func:`examples`) are run by
tests/cli/test_cli.py.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from typing import Any

WAREHOUSE_OPTION = "--warehouse"


class DeprecatedAlias(argparse.Action):
    """An old option name: stores like the current one. On a terminal it says which name to
    use; in a script (stderr not a terminal) it stays silent, so that scripts that read
    stderr — for `error: …` as its first line, say — keep working unchanged."""

    def __init__(self, option_strings: Sequence[str], dest: str, *, use: str,
                 **kwargs: Any) -> None:
        self.use = use
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> None:
        if sys.stderr.isatty():
            print(f"warning: {option_string} is deprecated, use {self.use} "
                  f"(cảnh báo: {option_string} là tên cũ, hãy dùng {self.use})",
                  file=sys.stderr)
        setattr(namespace, self.dest, values)


class HelpFormatter(argparse.HelpFormatter):
    """Prose paragraphs wrapped to the terminal; a paragraph with indented lines (examples, a
    table of exit codes) kept line by line as written, so commands stay copy-pasteable."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        out = []
        for para in textwrap.dedent(text).strip("\n").split("\n\n"):
            lines = para.splitlines()
            if any(line.startswith((" ", "\t")) for line in lines):
                out.append("\n".join(indent + line for line in lines))
            else:
                out.append(textwrap.fill(" ".join(line.strip() for line in lines), width,
                                         initial_indent=indent, subsequent_indent=indent))
        return "\n\n".join(out)


def add_warehouse_option(parser: argparse.ArgumentParser, help: str, *, dest: str = "warehouse",
                         aliases: Sequence[str] = ("--db",)) -> None:
    """``--warehouse FILE`` (stored as ``dest``), with ``aliases`` hidden and deprecated."""
    parser.add_argument(WAREHOUSE_OPTION, dest=dest, metavar="FILE", help=help)
    for alias in aliases:
        parser.add_argument(alias, dest=dest, action=DeprecatedAlias, use=WAREHOUSE_OPTION,
                            help=argparse.SUPPRESS)


def examples(*lines: str, notes: str = "") -> str:
    """A help epilog: ``examples:`` and one command per line (a ``#`` comment may follow; a
    line ending in a backslash goes on), then ``notes`` (see :class:`HelpFormatter`)."""
    text = "examples:\n" + "\n".join(f"  {line}" for cmd in lines for line in cmd.split("\n"))
    return text + (f"\n\n{notes.strip()}" if notes else "")


def subcommand(subparsers: Any, name: str, **kwargs: Any) -> argparse.ArgumentParser:
    """A subparser whose epilog (examples, exit status) keeps its line breaks."""
    return subparsers.add_parser(name, formatter_class=HelpFormatter, **kwargs)
