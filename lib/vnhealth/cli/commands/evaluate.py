"""`vnhealth eval`: recall and precision of the warehouse against a hand-labelled golden file.

    vnhealth eval --golden tests/golden/observations.csv
    vnhealth eval --golden tests/golden/observations.csv --min-recall 0.9 --min-precision 0.9
    vnhealth eval --golden tests/data/real_dev/golden.csv --docs tests/data/real_dev/docs \
        --concepts tests/data/real_dev/concepts.csv --warehouse REAL_DEV.duckdb

(benchmarks/eval_real_dev.py builds the real-document warehouse the last one reads.)

Exit status: 0, or 1 when --min-recall / --min-precision is not reached, or 2 on bad input.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

from vnhealth.build.evaluate import (
    DocumentScore,
    Evaluation,
    evaluate,
    read_concepts,
    read_golden,
    warehouse_rows,
)
from vnhealth.cli.commands import add_warehouse_option, examples, subcommand
from vnhealth.cli.commands.sql import open_warehouse, write_out
from vnhealth.inputs.errors import ParameterError

COLUMNS = ("document", "golden", "found", "matched", "recall", "precision", "comparator",
           "kind", "indicator")


def _share(part: int, whole: int) -> float:
    return part / whole if whole else math.nan


def _row(doc: DocumentScore) -> dict[str, Any]:
    """One line of the score table; the last three are shares of the matched pairs."""
    return {"document": doc.name, "golden": doc.golden, "found": doc.found,
            "matched": doc.matched, "recall": doc.recall, "precision": doc.precision,
            "comparator": _share(doc.same_comparator, doc.matched),
            "kind": _share(doc.same_kind, doc.matched),
            "indicator": _share(doc.same_indicator, doc.matched)}


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return "—" if math.isnan(value) else f"{value:.3f}"
    return str(value)


def format_evaluation(result: Evaluation, fmt: str, show: int = 0) -> str:
    """The per-document table and the total, as text, markdown or JSON."""
    rows = [_row(d) for d in result.documents] + [_row(result.total)]
    if fmt == "json":
        clean = [{k: (None if isinstance(v, float) and math.isnan(v) else v)
                  for k, v in r.items()} for r in rows]
        return json.dumps(clean, ensure_ascii=False, indent=2) + "\n"
    cells = [[_cell(r[c]) for c in COLUMNS] for r in rows]
    if fmt == "markdown":
        lines = ["| " + " | ".join(COLUMNS) + " |", "|" + " --- |" * len(COLUMNS)]
        lines += ["| " + " | ".join(c) + " |" for c in cells]
        return "\n".join(lines) + "\n"
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(COLUMNS)]
    out = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                     for i, (c, w) in enumerate(zip(row, widths, strict=True)))
           for row in [list(COLUMNS), *cells]]
    out.insert(len(out) - 1, "  ".join("-" * w for w in widths))
    out.append("comparator, kind, indicator: the share of matched values that agree")
    for doc in result.documents if show else ():
        out += [f"  {doc.name}: missed line {g.line} {g.indicator} {g.year} {g.value}"
                for g in doc.missed[:show]]
        out += [f"  {doc.name}: extra  line {g.line} {g.indicator} {g.year} {g.value}"
                for g in doc.extra[:show]]
    return "\n".join(out) + "\n"


def cmd_eval(args: argparse.Namespace) -> int:
    """Score the warehouse; exit 1 when a --min-* bar is not reached."""
    for name in ("min_recall", "min_precision"):
        value = getattr(args, name)
        if value is not None and not 0 <= value <= 1:
            raise ParameterError(f"--{name.replace('_', '-')} {value}: give a share from 0 to 1")
    docs = Path(args.docs) if args.docs else None
    concepts = read_concepts(Path(args.concepts)) if args.concepts else None
    con = open_warehouse(args.warehouse)
    try:
        found, names = warehouse_rows(con)
    finally:
        con.close()
    golden = read_golden(Path(args.golden), docs, {v: k for k, v in names.items()}, concepts)
    result = evaluate(golden, found, names)
    write_out(format_evaluation(result, args.format, args.show))
    total = result.total
    below = ((args.min_recall is not None and not total.recall >= args.min_recall)
             or (args.min_precision is not None and not total.precision >= args.min_precision))
    return 1 if below else 0


def register(subparsers: Any) -> None:
    """Add `eval` to the `vnhealth` command."""
    e = subcommand(
        subparsers, "eval", help="score the warehouse against a hand-labelled golden file",
        description="Recall and precision per document: a golden row and an observation match "
                    "when the document (sha256) is the same, the lines are at most one apart "
                    "and year, value and value_high agree. Comparator, kind and indicator "
                    "agreement are shown for the matched pairs.",
        epilog=examples(
            "vnhealth eval --golden tests/golden/observations.csv",
            "vnhealth eval --golden tests/golden/observations.csv --show 5 --format markdown",
            "vnhealth eval --golden tests/golden/observations.csv --min-recall 0.9 "
            "--min-precision 0.9",
            notes="Real documents: `.venv/bin/python benchmarks/eval_real_dev.py` builds the "
                  "tests/data/real_dev warehouse and scores it. Exit status: 0, 1 when "
                  "--min-recall or --min-precision is not reached, 2 on bad input."))
    e.add_argument("--golden", required=True, help="golden CSV (columns: file or doc_id or "
                   "sha256, line, year, value, value_high, kind, comparator, concept or "
                   "indicator_id)")
    e.add_argument("--docs", help="folder of the documents a golden file names by `file`")
    e.add_argument("--concepts", metavar="FILE",
                   help="crosswalk CSV (concept,indicator_id,note) translating the golden "
                   "file's `concept` ids into catalogue indicator ids; a concept it lacks is "
                   "an error")
    add_warehouse_option(e, "warehouse file (default: ROOT/data/warehouse.duckdb)")
    e.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    e.add_argument("--show", type=int, default=0, metavar="N",
                   help="also list up to N missed and N extra values per document")
    e.add_argument("--min-recall", type=float, help="exit 1 when the total recall is lower")
    e.add_argument("--min-precision", type=float,
                   help="exit 1 when the total precision is lower")
    e.set_defaults(func=cmd_eval)
