"""Check a labelled set's golden.csv against its raw documents in docs/ (standard library only).

The real-dev checker, one copy for every set in tests/data/ (real_dev2, real_dev3, …): give the
set's folder.

For every row: the file exists, the line number is in range (1-based, split on "\\n" only),
the quote is a verbatim substring of that raw line, and the quote holds the value (and
value_high for ranges) once Vietnamese number notation is read (decimal comma, thousands
dot, a decimal point where the text uses one). Also checks the header and the vocabularies.

    python3 tests/data/check_golden.py tests/data/real_dev3   # exits 1, listing problems, if any
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

HEADER = ["file", "line", "province", "concept", "kind", "year", "comparator", "value",
          "value_high", "unit", "quote", "repeat", "note"]
KINDS = {"target", "baseline", "actual", "trajectory"}
COMPARATORS = {"=", "<", "<=", ">", ">=", "range", "relative"}
NUM = re.compile(r"\d+(?:[.,]\d+)*")


def readings(token: str) -> set[float]:
    """Every plausible value of a number token: '45,7' -> 45.7; '100.000' -> 100000;
    '1.92' -> 1.92 or 192; '4.364,4' -> 4364.4."""
    out = set()
    if "," in token and "." in token:
        out.add(float(token.replace(".", "").replace(",", ".")))
    elif "," in token:
        if token.count(",") == 1:
            out.add(float(token.replace(",", ".")))
        out.add(float(token.replace(",", "")))
    elif "." in token:
        if token.count(".") == 1:
            out.add(float(token))
        out.add(float(token.replace(".", "")))
    else:
        out.add(float(token))
    return out


def holds(quote: str, value: float) -> bool:
    for tok in NUM.findall(quote):
        for r in readings(tok):
            if abs(r - abs(value)) <= 1e-9 * max(1.0, abs(value)):
                return True
    return False


def main(golden: Path, docs: Path) -> int:
    problems = []
    with golden.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header != HEADER:
            problems.append(f"header is {header}, expected {HEADER}")
        rows = [dict(zip(header, r, strict=False)) for r in reader]
    cache: dict[str, list[str]] = {}
    for i, r in enumerate(rows, start=2):
        where = f"golden.csv:{i} ({r.get('file')}:{r.get('line')} {r.get('concept')})"
        path = docs / r["file"]
        if not path.is_file():
            problems.append(f"{where}: no such document")
            continue
        if r["file"] not in cache:
            cache[r["file"]] = path.read_bytes().decode("utf-8").split("\n")
        lines = cache[r["file"]]
        try:
            n = int(r["line"])
        except ValueError:
            problems.append(f"{where}: line is not an integer")
            continue
        if not 1 <= n <= len(lines):
            problems.append(f"{where}: line out of range 1..{len(lines)}")
            continue
        line = lines[n - 1]
        if not r["quote"]:
            problems.append(f"{where}: empty quote")
        elif r["quote"] not in line:
            problems.append(f"{where}: quote not a verbatim substring of line {n}: {r['quote']!r}")
        if r["kind"] not in KINDS:
            problems.append(f"{where}: kind {r['kind']!r}")
        if r["comparator"] not in COMPARATORS:
            problems.append(f"{where}: comparator {r['comparator']!r}")
        if r["year"].strip():
            if not re.fullmatch(r"\d{4}", r["year"].strip()):
                problems.append(f"{where}: year {r['year']!r}")
        elif not r["note"].startswith("YEAR NOT STATED"):
            problems.append(f"{where}: empty year without a note starting 'YEAR NOT STATED'")
        try:
            value = float(r["value"])
        except ValueError:
            problems.append(f"{where}: value {r['value']!r} is not a number with a decimal point")
            continue
        if "," in r["value"]:
            problems.append(f"{where}: value uses a comma")
        if r["quote"] and not holds(r["quote"], value):
            problems.append(f"{where}: value {value} not found in quote {r['quote']!r}")
        if r["comparator"] == "range":
            try:
                high = float(r["value_high"])
                if not holds(r["quote"], high):
                    problems.append(f"{where}: value_high {high} not found in quote")
            except ValueError:
                problems.append(f"{where}: range without a numeric value_high")
        elif r["value_high"].strip():
            problems.append(f"{where}: value_high set but comparator is not 'range'")
        if r["comparator"] == "relative" and value == 0:
            problems.append(f"{where}: relative change of 0")
        if r["repeat"] not in {"0", "1"}:
            problems.append(f"{where}: repeat {r['repeat']!r}")
    files = {p.name for p in docs.glob("*.txt")}
    unlabelled = sorted(files - {r["file"] for r in rows})
    if unlabelled:
        problems.append(f"documents without any golden row: {unlabelled}")
    for p in problems:
        print(p)
    print(f"{len(rows)} rows, {len(cache)} documents checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2 or not (Path(sys.argv[1]) / "golden.csv").is_file():
        sys.exit("usage: check_golden.py FOLDER (a folder with golden.csv and docs/)")
    folder = Path(sys.argv[1])
    sys.exit(main(folder / "golden.csv", folder / "docs"))
