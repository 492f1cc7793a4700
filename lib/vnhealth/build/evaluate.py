"""Score the warehouse's observations against a hand-labelled golden file.

A golden row and an observation match when they are in the same document (by the sha256 of
its bytes, so renaming or re-registering a file changes nothing), their lines are at most one
apart, and year, value and value_high agree. Each observation matches at most one golden row.
Among matched pairs the comparator, the kind and the indicator are compared separately, so a
score says both "found the number" and "understood it".

Golden files come in two shapes, both CSV with ``line, year, value, value_high`` and
``kind, comparator``: the real-document key (``file`` and ``concept``: the document by file
name, looked up in a folder of documents) and the project's own key (``doc_id`` and
``indicator_id``).

A real-document key labels values with the labeller's own concept ids; a crosswalk CSV
(``concept,indicator_id,note``, given to ``read_golden`` as ``concepts``) translates them into
catalogue indicator ids, so that indicator agreement compares like with like.
"""

from __future__ import annotations

import csv
import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnhealth.inputs.errors import InputError, ParameterError

LINE_TOLERANCE = 1


@dataclass(frozen=True)
class Labelled:
    """One value, as the golden file or the warehouse has it."""

    doc: str  # the document's sha256
    line: int
    year: int | None
    value: float
    value_high: float | None
    indicator: str
    kind: str
    comparator: str


@dataclass
class DocumentScore:
    """How one document's golden rows and observations compare."""

    name: str
    golden: int = 0
    found: int = 0
    matched: int = 0
    same_comparator: int = 0
    same_kind: int = 0
    same_indicator: int = 0
    missed: list[Labelled] = field(default_factory=list)
    extra: list[Labelled] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.golden if self.golden else math.nan

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else math.nan

    def add(self, other: DocumentScore) -> None:
        for name in ("golden", "found", "matched", "same_comparator", "same_kind",
                     "same_indicator"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _number(text: str, what: str, where: str) -> float | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise InputError(f"{what} {text!r} is not a number with a decimal point",
                         path=where.split(":")[0], line=int(where.split(":")[1])) from None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _document_key(row: dict[str, str], docs: Path | None, by_doc_id: dict[str, str],
                  golden: Path, line: int) -> str:
    """The sha256 of the document a golden row is about."""
    if row.get("sha256"):
        return row["sha256"]
    if row.get("file"):
        if docs is None:
            raise ParameterError("the golden file names documents by file: give --docs DIR, "
                                 "the folder that holds them")
        path = docs / row["file"]
        if not path.is_file():
            raise InputError(f"file {row['file']!r} is not in {docs}", path=golden, line=line)
        return _sha256(path)
    doc_id = row.get("doc_id", "")
    if doc_id not in by_doc_id:
        raise InputError(f"doc_id {doc_id!r} is not in the warehouse; known: "
                         f"{', '.join(sorted(by_doc_id))}", path=golden, line=line)
    return by_doc_id[doc_id]


CONCEPT_COLUMNS = ("concept", "indicator_id", "note")


def read_concepts(path: Path) -> dict[str, str]:
    """A crosswalk CSV (``concept,indicator_id,note``): each golden concept → the catalogue
    indicator id that means the same thing. A concept listed twice, or a row without both
    ids, is refused."""
    if not path.is_file():
        raise ParameterError(f"--concepts {path}: no such file")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != CONCEPT_COLUMNS:
            raise InputError(f"header must be {','.join(CONCEPT_COLUMNS)}", path=path, line=1)
        mapping: dict[str, str] = {}
        first: dict[str, int] = {}
        for number, row in enumerate(reader, start=2):
            concept = (row["concept"] or "").strip()
            indicator = (row["indicator_id"] or "").strip()
            if not concept and not indicator:
                continue  # a blank line is not a record
            if not concept or not indicator:
                raise InputError("every row needs a concept and an indicator_id", path=path,
                                 line=number)
            if concept in mapping:
                raise InputError(f"concept {concept!r} is listed twice (first at line "
                                 f"{first[concept]}); map each concept once", path=path,
                                 line=number)
            mapping[concept], first[concept] = indicator, number
    return mapping


def read_golden(golden: Path, docs: Path | None, by_doc_id: dict[str, str],
                concepts: dict[str, str] | None = None) -> list[Labelled]:
    """The golden file's rows; a row names its document by ``sha256``, ``file`` or ``doc_id``.
    With ``concepts`` (see read_concepts), each row's ``concept`` is translated into the
    catalogue indicator id it maps to; a concept the crosswalk lacks is an error naming it."""
    if not golden.is_file():
        raise ParameterError(f"--golden {golden}: no such file")
    with golden.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        needed = {"line", "year", "value", "value_high", "kind", "comparator"}
        missing = needed - set(reader.fieldnames or ())
        if missing:
            raise InputError(f"missing columns {', '.join(sorted(missing))}; a golden file has "
                             "line, year, value, value_high, kind, comparator and file, doc_id "
                             "or sha256", path=golden, line=1)
        rows = []
        for number, row in enumerate(reader, start=2):
            where = f"{golden}:{number}"
            year = _number(row["year"], "year", where)
            value = _number(row["value"], "value", where)
            if value is None or not row["line"].strip().isdigit():
                raise InputError("every row needs a line number and a value", path=golden,
                                 line=number)
            indicator = row.get("concept") or row.get("indicator_id") or ""
            if concepts is not None and row.get("concept"):
                if indicator not in concepts:
                    raise InputError(f"concept {indicator!r} is not in the --concepts crosswalk; "
                                     "add a row mapping it to a catalogue indicator_id",
                                     path=golden, line=number)
                indicator = concepts[indicator]
            rows.append(Labelled(
                _document_key(row, docs, by_doc_id, golden, number), int(row["line"]),
                None if year is None else int(year), value,
                _number(row["value_high"], "value_high", where),
                indicator, row["kind"], row["comparator"]))
    return rows


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _agrees(gold: Labelled, got: Labelled) -> bool:
    return (abs(gold.line - got.line) <= LINE_TOLERANCE and gold.year == got.year
            and _same_number(gold.value, got.value)
            and _same_number(gold.value_high, got.value_high))


def score_document(name: str, golden: Sequence[Labelled], found: Sequence[Labelled]
                   ) -> DocumentScore:
    """Pair golden rows with observations one to one and count what agrees: first each row
    with an observation of its own indicator (the closest line first), then the rows left
    with any that agrees, so that one number labelled for several indicators ("100% … ; 100%
    …") is credited to the row whose indicator was read, whatever the golden file's order."""
    score = DocumentScore(name, golden=len(golden), found=len(found))
    free = list(found)
    pairs: dict[int, Labelled] = {}
    for same_indicator in (True, False):
        for k, gold in enumerate(golden):
            candidates = [g for g in free if _agrees(gold, g) and k not in pairs
                          and (g.indicator == gold.indicator or not same_indicator)]
            if candidates:
                pairs[k] = min(candidates, key=lambda g: abs(g.line - gold.line))
                free.remove(pairs[k])
    for k, gold in enumerate(golden):
        got = pairs.get(k)
        if got is None:
            score.missed.append(gold)
            continue
        score.matched += 1
        score.same_comparator += got.comparator == gold.comparator
        score.same_kind += got.kind == gold.kind
        score.same_indicator += got.indicator == gold.indicator
    score.extra = free
    return score


@dataclass
class Evaluation:
    """Per-document scores, in the golden file's document order, and their total."""

    documents: list[DocumentScore]

    @property
    def total(self) -> DocumentScore:
        total = DocumentScore("total")
        for doc in self.documents:
            total.add(doc)
        return total


def evaluate(golden: Sequence[Labelled], found: Iterable[Labelled],
             names: dict[str, str]) -> Evaluation:
    """Score the observations of the documents the golden file covers (others are ignored).

    ``names`` gives each document's sha256 a readable name (its doc_id); a golden document the
    warehouse does not hold scores zero recall under its sha256's first 12 characters.
    """
    gold_by_doc: dict[str, list[Labelled]] = defaultdict(list)
    for row in golden:
        gold_by_doc[row.doc].append(row)
    found_by_doc: dict[str, list[Labelled]] = defaultdict(list)
    for row in found:
        if row.doc in gold_by_doc:
            found_by_doc[row.doc].append(row)
    return Evaluation([score_document(names.get(doc, doc[:12]), rows, found_by_doc[doc])
                       for doc, rows in gold_by_doc.items()])


def warehouse_rows(con: Any) -> tuple[list[Labelled], dict[str, str]]:
    """Every observation as a Labelled row, and each document's sha256 → doc_id."""
    names = dict(con.execute("SELECT sha256, doc_id FROM documents").fetchall())
    rows = con.execute("""
        SELECT d.sha256, o.line, o.year, o.value, o.value_high, o.indicator_id, o.kind,
               o.comparator
        FROM observations o JOIN documents d USING (doc_id)""").fetchall()
    return [Labelled(r[0], int(r[1]), r[2], float(r[3]),
                     None if r[4] is None else float(r[4]), r[5], r[6], r[7])
            for r in rows], names
