"""`vnhealth review`: what the rules could not decide, for a person to decide.

    vnhealth review                      # every document: summary, and review.yaml to edit
    vnhealth review --doc son_la_2026_2030 --out son_la.yaml
    vnhealth review --apply son_la.yaml  # aliases and ledger entries, then rebuild

Exit status: 0, or 2 on bad input (with --apply: nothing written).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from vnhealth.cli.commands import add_warehouse_option, examples, subcommand
from vnhealth.inputs.errors import ParameterError, VnhealthError, select_named
from vnhealth.inputs.paths import ProjectPaths

DEFAULT_OUT = "review.yaml"


def _warehouse(args: argparse.Namespace, paths: ProjectPaths) -> Path:
    return Path(args.warehouse).resolve() if args.warehouse else paths.warehouse


def _list(args: argparse.Namespace, paths: ProjectPaths) -> int:
    from vnhealth.build.db import connect_read_only
    from vnhealth.build.review import list_items, summarize, write_review_file
    from vnhealth.inputs.catalog import load_catalog

    db = _warehouse(args, paths)
    if not db.exists():
        raise VnhealthError(f"warehouse not found at {db}; run `vnhealth build` first")
    catalog = load_catalog(paths)
    con = connect_read_only(db)
    try:
        known = [r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY 1").fetchall()]
        docs = select_named(known, args.doc, str, "document", prefix="--doc: ",
                            known_as="documents in the warehouse")
        items = list_items(con, catalog, docs if args.doc else None)
    finally:
        con.close()
    out = Path(args.out or DEFAULT_OUT)
    print(f"to review ({len(items)} items):")
    for summary in summarize(items, docs):
        print(summary.line())
    if not items:
        print("nothing to review: no review file written")
        return 0
    write_review_file(items, out)
    print(f"wrote {out}: set each item's decision and reason, then "
          f"`vnhealth review --apply {out}`")
    return 0


def _apply(args: argparse.Namespace, paths: ProjectPaths) -> int:
    from vnhealth.build.review import apply_review

    if args.doc or args.out:
        raise ParameterError("--apply reads the review file; --doc and --out are for listing")
    path = Path(args.apply)
    if not path.is_file():
        raise ParameterError(f"--apply {args.apply}: no such file")
    report = apply_review(paths, path, _warehouse(args, paths), rebuild=not args.no_build)
    print(report.summary())
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    paths = ProjectPaths.at(args.root)
    return _apply(args, paths) if args.apply else _list(args, paths)


def register(subparsers: Any) -> None:
    """Add `review` to the `vnhealth` command."""
    r = subcommand(
        subparsers, "review",
        help="list what the rules could not decide; apply a reviewer's decisions",
        description="List the numeric statements that mapped to no indicator (with the best "
                    "catalogue suggestions), the shares left unread in statements whose other "
                    "values were read, the quarantined values and the observations whose "
                    "kind or year is a guess, and write them to a YAML file a person edits. "
                    "--apply turns its decided rows into catalogue aliases and ledger entries "
                    "(each with its reason), keeping the files' comments, and rebuilds.",
        epilog=examples(
            "vnhealth review                      # every document: summary, and review.yaml",
            "vnhealth review --doc son_la_2026_2030 --out son_la.yaml",
            "vnhealth review --apply son_la.yaml  # aliases and ledger entries, then rebuild",
            notes="Exit status: 0, or 2 on bad input (with --apply: nothing written)."))
    r.add_argument("--doc", action="append", metavar="ID",
                   help="only this document (repeatable)")
    r.add_argument("--out", metavar="FILE", help=f"review file to write (default: {DEFAULT_OUT})")
    r.add_argument("--apply", metavar="FILE", help="apply an edited review file")
    r.add_argument("--no-build", action="store_true", help="with --apply: do not rebuild")
    add_warehouse_option(r, "warehouse to read and rebuild (default: "
                            "ROOT/data/warehouse.duckdb)")
    r.add_argument("--root", help="project root (default: this repository or $VNHEALTH_ROOT)")
    r.set_defaults(func=cmd_review)
