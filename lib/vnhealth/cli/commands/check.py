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
import sys
from typing import Any

from vnhealth.build.checks import (  # noqa: F401 - re-exported
    _LEVEL_RE,  # noqa: F401
    LEVELS,  # noqa: F401
    CheckOutcome,  # noqa: F401
    check_level,  # noqa: F401
    gate,  # noqa: F401
    run_checks,  # noqa: F401
)
from vnhealth.cli.commands import add_warehouse_option, examples, subcommand
from vnhealth.cli.commands.sql import (
    FORMATS,
    open_warehouse,
)
from vnhealth.inputs.paths import ProjectPaths


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
