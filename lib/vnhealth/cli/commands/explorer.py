"""`vnhealth explorer`: write the offline indicator explorer (one HTML page) for the warehouse.

    vnhealth explorer                                  # ROOT/reports/explorer.html
    vnhealth explorer --warehouse data/warehouse.duckdb --out explorer.html --force

The page needs ``assets/plotly.min.js`` beside it, which is written too (the reports' copy).
`vnhealth render` writes the same page into the reports directory and links it from the index.
An unchanged page (same data build, library and place) is left alone unless --force is given.
"""

from __future__ import annotations

import argparse
from typing import Any

from vnhealth.cli.commands import add_warehouse_option, examples, subcommand


def register(sub: Any) -> None:
    """Add the `explorer` subcommand to the `vnhealth` parser."""
    p = subcommand(
        sub, "explorer", help="write the offline indicator explorer (reports/explorer.html)",
        description="Write the offline indicator explorer: one HTML page for the warehouse. "
                    "It needs assets/plotly.min.js beside it, which is written too.",
        epilog=examples(
            "vnhealth explorer                                  # ROOT/reports/explorer.html",
            "vnhealth explorer --warehouse data/warehouse.duckdb --out explorer.html --force",
            notes="Exit status: 0, or 2 when the warehouse is missing or the page cannot be "
                  "written."))
    add_warehouse_option(p, "warehouse file (default: ROOT/data/warehouse.duckdb)")
    p.add_argument("--out", help="page to write (default: ROOT/reports/explorer.html)")
    p.add_argument("--force", action="store_true", help="write the page even when unchanged")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Execute `vnhealth explorer`; returns the exit status."""
    from vnhealth.inputs.paths import ProjectPaths
    from vnhealth.render.explorer import write_explorer

    path, written = write_explorer(args.out, args.warehouse, force=args.force)
    shown = ProjectPaths.at().relative(path)
    kb = path.stat().st_size / 1000
    print(f"explorer: {'wrote' if written else 'unchanged'} {shown} ({kb:.0f} kB)")
    return 0
