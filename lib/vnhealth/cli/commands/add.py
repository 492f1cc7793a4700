"""`vnhealth add`: register a new document in one command.

    vnhealth add ~/Downloads/kh-22-ubnd.pdf --province dien_bien
    vnhealth add plan.docx --province dien_bien --period 2026 2030 --title "Kế hoạch …"
    vnhealth add plan.txt --province son_la --no-build

Exit status: 0, or 2 on bad input (nothing copied or registered), or the build's failure
(the registration undone).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from vnhealth.build.register import Given, add_document
from vnhealth.cli.commands import add_warehouse_option, examples, subcommand
from vnhealth.inputs.errors import ParameterError
from vnhealth.inputs.fields import DATE, YEAR, check_value
from vnhealth.inputs.paths import ProjectPaths


def _given(args: argparse.Namespace) -> Given:
    """The values given on the command line, checked like the manifest's fields."""
    issued_on = None
    if args.issued_on is not None:
        try:
            issued_on = check_value(args.issued_on, DATE, Path("--issued-on"), "value", None)
        except Exception as exc:
            raise ParameterError(f"--issued-on {args.issued_on}: expected a date YYYY-MM-DD"
                                 ) from exc
    period = None
    if args.period is not None:
        start, end = args.period
        for year in (start, end):
            try:
                check_value(year, YEAR, Path("--period"), "value", None)
            except Exception as exc:
                raise ParameterError(f"--period {start} {end}: {year} is not a year "
                                     f"{YEAR.expected.removeprefix('a year ')}") from exc
        if start > end:
            raise ParameterError(f"--period {start} {end}: START must not be after END")
        period = (start, end)
    blank = [f for f in ("title", "doc_number", "issuer")
             if getattr(args, f) is not None and not getattr(args, f).strip()]
    if blank:
        raise ParameterError(f"--{blank[0].replace('_', '-')}: give a non-empty value")
    return Given(title=args.title, doc_number=args.doc_number, issuer=args.issuer,
                 issued_on=issued_on, period=period)


def cmd_add(args: argparse.Namespace) -> int:
    paths = ProjectPaths.at(args.root)
    add_document(paths, Path(args.path), args.province, _given(args), build=not args.no_build,
                 warehouse=Path(args.warehouse) if args.warehouse else None)
    return 0


def register(subparsers: Any) -> None:
    """Add `add` to the `vnhealth` command."""
    a = subcommand(
        subparsers, "add", help="register a document (.txt, .pdf, .docx) and build",
        description="Copy a document byte-identical into data/raw/ under a descriptive name, "
                    "read its number, issuer, date, title and period from its text, append its "
                    "entry to data/raw/documents.yaml (comments kept) and build. A .pdf (text "
                    "layer) or .docx gets its text derived beside it, with the page of every "
                    "line. Values the text does not state can be given; given values win.",
        epilog=examples(
            "vnhealth add ~/Downloads/kh-22-ubnd.pdf --province dien_bien",
            'vnhealth add plan.docx --province dien_bien --period 2026 2030 --title "Kế hoạch …"',
            "vnhealth add plan.txt --province son_la --no-build",
            notes="Exit status: 0, or 2 on bad input (nothing copied or registered), or the "
                  "build's failure (the registration undone)."))
    a.add_argument("path", help="the document: .txt (UTF-8), .pdf or .docx")
    a.add_argument("--province", required=True, metavar="ID",
                   help="province_id of data/catalog/provinces.csv (e.g. lai_chau)")
    a.add_argument("--title", help="the document's title")
    a.add_argument("--doc-number", help='its number, e.g. "22/KH-UBND"')
    a.add_argument("--issuer", help='the issuing body, e.g. "UBND tỉnh Lai Châu"')
    a.add_argument("--issued-on", metavar="YYYY-MM-DD", help="the date of issue")
    a.add_argument("--period", nargs=2, type=int, metavar=("START", "END"),
                   help="the years the plan covers, e.g. 2026 2030")
    a.add_argument("--no-build", action="store_true",
                   help="register only; run `vnhealth build` later")
    a.add_argument("--root", help="project root (default: this repository or $VNHEALTH_ROOT)")
    add_warehouse_option(a, "warehouse file to build (default: ROOT/data/warehouse.duckdb)")
    a.set_defaults(func=cmd_add)
