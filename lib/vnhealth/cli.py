"""The `vnhealth` command: build the warehouse (and, as issues land, query and render it)."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from vnhealth.errors import VnhealthError

# Modules under vnhealth/commands/ that add subcommands (sql, tables, check, export, render,
# eval).
COMMAND_MODULES: tuple[str, ...] = ("sql", "check", "export", "render", "evaluate")


def _cmd_build(args: argparse.Namespace) -> int:
    from vnhealth.warehouse import build

    report = build(args.root, args.out, args.report_json)
    print(report.summary())
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="vnhealth",
        description="Compare the health targets Vietnamese provinces set themselves.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="extract the raw documents into data/warehouse.duckdb")
    b.add_argument("--root", help="project root (default: this repository or $VNHEALTH_ROOT)")
    b.add_argument("--out", help="warehouse file to write (default: ROOT/data/warehouse.duckdb)")
    b.add_argument("--report-json", help="also write the build report as JSON to this file")
    b.set_defaults(func=_cmd_build)
    # Further commands live in vnhealth.commands.<name>, each with register(subparsers).
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"vnhealth.commands.{name}")
        module.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except VnhealthError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted; the previous warehouse is unchanged", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
