"""`vnhealth check`: run the data checks in sql/checks/ against the warehouse.

Each file in ``sql/checks/`` is one query that returns the offending rows (dbt's data tests):
zero rows means the check passes. The command runs every check, prints what each one found,
and exits 1 when any check returned a row, 2 when a check could not run (or the warehouse is
missing), 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import Any

from vnhealth.commands.sql import (
    FORMATS,
    QueryError,
    Result,
    format_result,
    open_warehouse,
    run_query,
)
from vnhealth.dictionary import SqlFile, check_files
from vnhealth.errors import VnhealthError, select_named
from vnhealth.paths import ProjectPaths


@dataclass
class CheckOutcome:
    """What one check found: its rows, or the error that stopped it."""

    check: SqlFile
    result: Result | None
    error: str | None = None

    @property
    def passed(self) -> bool:
        return self.error is None and self.result is not None and not self.result.rows


def run_checks(con: Any, paths: ProjectPaths, names: list[str] | None = None
               ) -> list[CheckOutcome]:
    """Run the checks of ``paths.sql / 'checks'`` (all, or those named) on an open warehouse."""
    checks = select_named(check_files(paths.sql), names, lambda c: c.name, "check",
                          VnhealthError)
    if not checks:
        raise VnhealthError(f"no checks found in {paths.relative(paths.sql / 'checks')}")
    outcomes = []
    for check in checks:
        where = str(paths.relative(check.path))
        try:
            outcomes.append(CheckOutcome(check, run_query(con, check.sql, where=where)))
        except QueryError as exc:
            # One broken check must not hide what the others find.
            outcomes.append(CheckOutcome(check, None, str(exc)))
    return outcomes


def cmd_check(args: argparse.Namespace) -> int:
    """Run the checks, print a line per check (and the offending rows), return the exit code."""
    paths = ProjectPaths.at(args.root)
    con = open_warehouse(args.db, args.root)
    try:
        outcomes = run_checks(con, paths, args.names)
    finally:
        con.close()
    width = max(len(o.check.name) for o in outcomes)
    for o in outcomes:
        if o.error is not None:
            print(f"ERROR {o.check.name.ljust(width)}  {o.error}")
        elif o.passed:
            print(f"ok    {o.check.name.ljust(width)}  {o.check.title}")
        else:
            assert o.result is not None
            n = len(o.result.rows)
            print(f"FAIL  {o.check.name.ljust(width)}  {o.check.title}: {n} "
                  f"row{'s' if n != 1 else ''}")
            shown = Result(o.result.columns, o.result.types, o.result.rows[:args.limit])
            body = format_result(shown, args.format)
            sys.stdout.write("".join(f"      {line}\n" for line in body.splitlines()))
            if n > args.limit:
                print(f"      … {n - args.limit} more (--limit {n} to see all)")
    failed = sum(o.error is None and not o.passed for o in outcomes)
    broken = sum(o.error is not None for o in outcomes)
    print(f"{len(outcomes)} checks: {len(outcomes) - failed - broken} passed, {failed} failed"
          + (f", {broken} could not run" if broken else ""))
    if broken:
        print("error: some checks could not run (see ERROR above)", file=sys.stderr)
        return 2
    return 1 if failed else 0


def register(subparsers: Any) -> None:
    """Add `check` to the `vnhealth` command."""
    c = subparsers.add_parser(
        "check", help="run the data checks in sql/checks/ (non-zero exit on any offending row)",
        description="Run every query in sql/checks/; each returns the rows that break a rule "
                    "(zero rows = pass). Exit status: 0 all pass, 1 a check found rows, "
                    "2 a check could not run.")
    c.add_argument("names", nargs="*", metavar="CHECK", help="only these checks (file stems)")
    c.add_argument("--root", help="project root whose sql/checks/ to run "
                                  "(default: this repository or $VNHEALTH_ROOT)")
    c.add_argument("--db", help="warehouse file (default: ROOT/data/warehouse.duckdb)")
    c.add_argument("--limit", type=int, default=20, help="offending rows to show per check")
    c.add_argument("--format", choices=FORMATS, default="table",
                   help="format of the offending rows")
    c.set_defaults(func=cmd_check)
