#!/usr/bin/env python3
"""Check the hand-made golden files against the raw documents (stdlib only).

For every row of tests/golden/observations.csv:
  * the header is exactly the agreed one;
  * doc_id is in data/raw/documents.yaml and `line` exists in its raw file
    (1-based physical lines: the raw bytes split on "\\n", blank lines count);
  * `quote` occurs in that line after NFC normalization;
  * the number in `value` (its absolute value, for signed relative changes) and, for
    ranges, `value_high` can be read from the quote (decimal comma, thousands dot,
    leading zeros and "&gt;" are understood);
  * indicator_id is in data/catalog/indicators.yaml, unit is a key of
    data/catalog/units.yaml, kind/comparator/relative_to are from the agreed sets;
  * no row is repeated.
For every row of tests/golden/qualitative.csv, `text` occurs on the NFC line `line`.

Run from anywhere:  python tests/golden/verify_quotes.py   (exit status 0 = pass)
"""
from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent
REPO = GOLDEN.parents[1]
RAW = REPO / "data" / "raw"
CATALOG = REPO / "data" / "catalog"

OBS_HEADER = ["doc_id", "line", "indicator_id", "kind", "year", "comparator", "value",
              "value_high", "unit", "relative_to", "quote"]
QUAL_HEADER = ["doc_id", "line", "year", "text"]
KINDS = {"target", "baseline", "trajectory"}
COMPARATORS = {"=", "<", "<=", ">", ">=", "range", "relative"}
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def manifest_files() -> dict[str, str]:
    """doc id -> file name, read from documents.yaml without a YAML library."""
    files, current = {}, None
    for raw in (RAW / "documents.yaml").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*-\s+id:\s*(\S+)", raw)
        if m:
            current = m.group(1).strip("\"'")
            continue
        m = re.match(r"\s+file:\s*(\S+)", raw)
        if m and current:
            files[current] = m.group(1).strip("\"'")
    return files


def catalogue_ids() -> set[str]:
    text = (CATALOG / "indicators.yaml").read_text(encoding="utf-8")
    return set(re.findall(r"^\s*-\s+id:\s*(\S+)", text, flags=re.M))


def unit_keys() -> set[str]:
    text = (CATALOG / "units.yaml").read_text(encoding="utf-8")
    return set(re.findall(r"^  ([a-z0-9_]+):\s*$", text, flags=re.M))


def numbers_in(quote: str) -> list[float]:
    """Numbers as a Vietnamese text writes them: 45,7 -> 45.7; 100.000 -> 100000; 08 -> 8."""
    out = []
    for tok in NUMBER.findall(quote.replace("&gt;", ">").replace("&lt;", "<")):
        if "," in tok:                       # decimal comma (dots before it are thousands)
            whole, frac = tok.rsplit(",", 1)
            out.append(float(whole.replace(".", "") + "." + frac))
        elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", tok):   # thousands dots: 1.000, 100.000
            out.append(float(tok.replace(".", "")))
        else:
            out.append(float(tok))
    return out


def readable(value: str, quote: str) -> bool:
    target = abs(float(value))
    return any(abs(n - target) < 1e-9 for n in numbers_in(quote))


def load_lines(files: dict[str, str]) -> dict[str, list[str]]:
    lines = {}
    for doc, name in files.items():
        data = (RAW / name).read_bytes().decode("utf-8")
        lines[doc] = [nfc(line) for line in data.split("\n")]
    return lines


def main() -> int:
    files = manifest_files()
    lines = load_lines(files)
    ids, units = catalogue_ids(), unit_keys()
    errors: list[str] = []

    with open(GOLDEN / "observations.csv", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        if header != OBS_HEADER:
            errors.append(f"observations.csv header {header} != {OBS_HEADER}")
        rows = [dict(zip(header, r, strict=True)) for r in reader]

    seen = set()
    for n, r in enumerate(rows, start=2):
        where = f"observations.csv:{n} ({r.get('doc_id')} L{r.get('line')} {r.get('indicator_id')})"
        key = tuple(r.get(c) for c in OBS_HEADER)
        if key in seen:
            errors.append(f"{where}: duplicate row")
        seen.add(key)
        doc = r["doc_id"]
        if doc not in lines:
            errors.append(f"{where}: unknown doc_id")
            continue
        ln = int(r["line"])
        if not 1 <= ln <= len(lines[doc]):
            errors.append(f"{where}: line out of range")
            continue
        text = lines[doc][ln - 1]
        if not r["quote"] or r["quote"] not in text:
            errors.append(f"{where}: quote {r['quote']!r} not on line: {text.strip()[:120]!r}")
        if not readable(r["value"], r["quote"]):
            errors.append(f"{where}: value {r['value']} not readable from quote {r['quote']!r}")
        if r["indicator_id"] not in ids:
            errors.append(f"{where}: indicator not in catalogue")
        if r["unit"] not in units:
            errors.append(f"{where}: unit {r['unit']!r} not in units.yaml")
        if r["kind"] not in KINDS:
            errors.append(f"{where}: kind {r['kind']!r}")
        if r["comparator"] not in COMPARATORS:
            errors.append(f"{where}: comparator {r['comparator']!r}")
        if not re.fullmatch(r"(19|20)\d\d", r["year"]):
            errors.append(f"{where}: year {r['year']!r}")
        if r["comparator"] == "range":
            if not r["value_high"] or not readable(r["value_high"], r["quote"]):
                errors.append(f"{where}: range needs value_high readable from the quote")
            elif float(r["value_high"]) <= float(r["value"]):
                errors.append(f"{where}: value_high must exceed value")
        elif r["value_high"]:
            errors.append(f"{where}: value_high set on a non-range row")
        if r["comparator"] == "relative":
            if not (r["relative_to"] in {"per_year", "unspecified"}
                    or re.fullmatch(r"(19|20)\d\d", r["relative_to"])):
                errors.append(f"{where}: relative_to {r['relative_to']!r}")
        elif r["relative_to"]:
            errors.append(f"{where}: relative_to set on a non-relative row")

    qual_path = GOLDEN / "qualitative.csv"
    n_qual = 0
    if qual_path.exists():
        with open(qual_path, encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            if header != QUAL_HEADER:
                errors.append(f"qualitative.csv header {header} != {QUAL_HEADER}")
            for n, r in enumerate(reader, start=2):
                n_qual += 1
                r = dict(zip(header, r, strict=True))
                doc, ln = r["doc_id"], int(r["line"])
                if doc not in lines or not 1 <= ln <= len(lines[doc]):
                    errors.append(f"qualitative.csv:{n}: bad doc/line")
                elif r["text"] not in lines[doc][ln - 1]:
                    errors.append(f"qualitative.csv:{n}: text {r['text']!r} not on {doc} L{ln}")
                if not re.fullmatch(r"(19|20)\d\d", r["year"]):
                    errors.append(f"qualitative.csv:{n}: year {r['year']!r}")

    for e in errors:
        print("FAIL", e)
    per_doc: dict[str, int] = {}
    for r in rows:
        per_doc[r["doc_id"]] = per_doc.get(r["doc_id"], 0) + 1
    print(f"observations: {len(rows)} rows " + ", ".join(f"{d}={c}" for d, c in per_doc.items()))
    print(f"qualitative: {n_qual} rows")
    print("OK" if not errors else f"{len(errors)} problem(s)")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
