"""`vnhealth check`: run the data checks in sql/checks/ against the warehouse.

Each file in ``sql/checks/`` is one query that returns the offending rows (dbt's data tests):
zero rows means the check passes. The command runs every check, prints what each one found,
and exits 1 when any check returned a row, 2 when a check could not run (or the warehouse is
missing), 0 otherwise.

Each check declares its level in its header, ``-- level: error`` or ``-- level: warning``
(error when absent). The build runs the same checks, through :func:`gate`, on the new database
before it moves it into place: an error-level check with rows stops the build, a warning-level
one is reported in the build summary.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from typing import Any

from vnhealth.commands import add_warehouse_option, examples, subcommand
from vnhealth.commands.sql import (
    FORMATS,
    QueryError,
    Result,
    format_result,
    open_warehouse,
    run_query,
)
from vnhealth.dictionary import SqlFile, check_files
from vnhealth.errors import InputError, VnhealthError, select_named
from vnhealth.paths import ProjectPaths

LEVELS = ("error", "warning")
_LEVEL_RE = re.compile(r"--\s*level\s*:\s*(\S*)\s*$", re.IGNORECASE)


def check_level(check: SqlFile, shown: Any = None) -> str:
    """The level a check declares in its header (``-- level: error|warning``); error if none."""
    for number, line in enumerate(check.sql.splitlines(), start=1):
        if not line.startswith("--"):
            break
        m = _LEVEL_RE.match(line)
        if m:
            if m[1].lower() not in LEVELS:
                raise InputError(f"level must be one of {', '.join(LEVELS)}, got {m[1]!r}",
                                 path=shown or check.path, line=number)
            return m[1].lower()
    return "error"


@dataclass
class CheckOutcome:
    """What one check found: its rows, or the error that stopped it."""

    check: SqlFile
    result: Result | None
    error: str | None = None
    level: str = "error"

    @property
    def passed(self) -> bool:
        return self.error is None and self.result is not None and not self.result.rows

    @property
    def n_rows(self) -> int:
        return len(self.result.rows) if self.result is not None else 0

    def rows_text(self, limit: int, fmt: str = "table", indent: str = "      ") -> str:
        """The first `limit` offending rows, formatted and indented, and how many more."""
        assert self.result is not None
        shown = Result(self.result.columns, self.result.types, self.result.rows[:limit])
        body = "".join(f"{indent}{line}\n" for line in format_result(shown, fmt).splitlines())
        if self.n_rows > limit:
            body += f"{indent}… {self.n_rows - limit} more (--limit {self.n_rows} to see all)\n"
        return body


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
        level = check_level(check, where)
        try:
            outcomes.append(CheckOutcome(check, run_query(con, check.sql, where=where),
                                         level=level))
        except QueryError as exc:
            # One broken check must not hide what the others find.
            outcomes.append(CheckOutcome(check, None, str(exc), level=level))
    return outcomes


def gate(con: Any, paths: ProjectPaths, limit: int = 5) -> list[str]:
    """The build's gate: run every check on `con` (the new database). Raises VnhealthError
    naming each error-level check that found rows (with its first `limit` rows) or that could
    not run; returns one warning per warning-level check that found rows. A project without
    checks passes."""
    if not check_files(paths.sql):
        return []
    outcomes = run_checks(con, paths)
    broken = [o for o in outcomes if o.error is not None]
    failed = [o for o in outcomes if o.level == "error" and o.error is None and not o.passed]
    if broken or failed:
        parts = [f"check {o.check.name} could not run: {o.error}" for o in broken]
        parts += [f"check {o.check.name} ({paths.relative(o.check.path)}) found {o.n_rows} "
                  f"offending row{'s' if o.n_rows != 1 else ''}: {o.check.title}\n"
                  + o.rows_text(limit).rstrip("\n") for o in failed]
        raise VnhealthError("\n".join(parts) + "\nthe build stopped; the previous warehouse is "
                            "unchanged (`vnhealth check --warehouse FILE` runs the checks "
                            "on a warehouse)")
    return [f"check {o.check.name} found {o.n_rows} row{'s' if o.n_rows != 1 else ''}: "
            f"{o.check.title.rstrip('.')} (`vnhealth check {o.check.name}` shows them)"
            for o in outcomes if o.level == "warning" and not o.passed]


def cmd_check(args: argparse.Namespace) -> int:
    """Run the checks, print a line per check (and the offending rows), return the exit code."""
    paths = ProjectPaths.at(args.root)
    con = open_warehouse(args.warehouse, args.root)
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
            n = o.n_rows
            label = "FAIL " if o.level == "error" else "WARN "
            print(f"{label} {o.check.name.ljust(width)}  {o.check.title}: {n} "
                  f"row{'s' if n != 1 else ''}")
            sys.stdout.write(o.rows_text(args.limit, args.format))
    failed = sum(o.error is None and not o.passed for o in outcomes)
    broken = sum(o.error is not None for o in outcomes)
    warned = sum(o.error is None and not o.passed and o.level == "warning" for o in outcomes)
    print(f"{len(outcomes)} checks: {len(outcomes) - failed - broken} passed, {failed} failed"
          + (f" ({warned} at warning level)" if warned else "")
          + (f", {broken} could not run" if broken else ""))
    if broken:
        print("error: some checks could not run (see ERROR above)", file=sys.stderr)
        return 2
    return 1 if failed else 0


def register(subparsers: Any) -> None:
    """Add `check` to the `vnhealth` command."""
    c = subcommand(
        subparsers, "check",
        help="run the data checks in sql/checks/ (non-zero exit on any offending row)",
        description="Run every query in sql/checks/; each returns the rows that break a rule "
                    "(zero rows = pass). Each declares a level (`-- level: error|warning`): the "
                    "build stops on an error-level check with rows and reports a warning-level "
                    "one.",
        epilog=examples(
            "vnhealth check",
            "vnhealth check schema_keys implausible_values --limit 5",
            "vnhealth check --format markdown --warehouse data/warehouse.duckdb",
            notes="Exit status: 0 all pass, 1 a check found rows (either level), 2 a check "
                  "could not run (or no warehouse)."))
    c.add_argument("names", nargs="*", metavar="CHECK", help="only these checks (file stems)")
    c.add_argument("--root", help="project root whose sql/checks/ to run "
                                  "(default: this repository or $VNHEALTH_ROOT)")
    add_warehouse_option(c, "warehouse file (default: ROOT/data/warehouse.duckdb)")
    c.add_argument("--limit", type=int, default=20, help="offending rows to show per check")
    c.add_argument("--format", choices=FORMATS, default="table",
                   help="format of the offending rows")
    c.set_defaults(func=cmd_check)
