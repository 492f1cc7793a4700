"""The output of one document as it is read: statements, observations (one per value, with
the basis of each decision and its quarantine reason) and non-numeric targets."""

from __future__ import annotations

from typing import NamedTuple

from vnhealth.extract.match import PHRASE_MAX, PHRASE_TRIM_RE
from vnhealth.extract.plausibility import quarantine_reason, unit_meant
from vnhealth.extract.records import (
    DocumentExtraction,
    Observation,
    QualitativeObservation,
    Segment,
    Statement,
)
from vnhealth.inputs.catalog import Document, Indicator, Unit
from vnhealth.inputs.text import blank_markup

QUOTE_WIDTH = 240


class PairedValue(NamedTuple):
    """A value and the indicator it was paired with, before it becomes an observation."""

    indicator: Indicator
    kind: str
    year: int | None
    comparator: str
    value: float
    value_high: float | None
    unit: str
    relative_to: str | None
    line: int  # 1-based
    value_text: str  # as written
    province_id: str | None = None  # another province the text names as the value's


class Basis(NamedTuple):
    """How one observation was paired: its phrase, how that matched, why its kind and year."""

    indicator_text: str | None
    match_method: str
    match_score: float | None
    kind_basis: str
    year_basis: str


def quote(line_text: str, value_text: str, width: int = QUOTE_WIDTH) -> str:
    """The line (NFC), trimmed around the number when it is long."""
    line = line_text.strip()
    if len(line) <= width:
        return line
    pos = line.find(value_text)
    if pos < 0:
        return line[:width]
    start = max(0, pos - width // 2)
    return line[start:start + width]


class Recorder:
    """Collects one document's output; a value stated twice on one line is one observation."""

    def __init__(self, doc: Document, lines: list[str], reports_only: str | None,
                 units: dict[str, Unit]):
        self.doc = doc
        self.units = units
        self.lines = lines
        self.reports_only = reports_only  # why the document only reports values, if it does
        self.out = DocumentExtraction()
        self._statement_seq = 0
        # what makes observations one (see emit), to find a repeat without a scan of them all
        self._emitted: set[tuple[object, ...]] = set()

    def new_statement(self, seg: Segment) -> Statement:
        self._statement_seq += 1
        st = Statement(
            statement_id=f"{self.doc.id}:{seg.line_start}:{self._statement_seq}",
            doc_id=self.doc.id, line_start=seg.line_start, line_end=seg.line_end,
            text=" ".join(blank_markup(t).strip() for _o, _l, t in seg.pieces).strip(),
            shape=seg.shape,
        )
        self.out.statements.append(st)
        return st

    def add_qualitative(self, target_id: str, year: int, line_no: int, line_text: str,
                        statement: Statement) -> None:
        self.out.qualitative.append(QualitativeObservation(
            self.doc.id, target_id, year, line_no, line_text.strip(), statement.statement_id))

    def emit(self, v: PairedValue, statement: Statement, basis: Basis | None = None) -> None:
        """An observation of the value (none when the same one is already on its line)."""
        line_text = self.lines[v.line - 1]
        v = v._replace(unit=unit_meant(v.indicator, v.value, v.value_high, v.comparator, v.unit,
                                       self.units))
        kind = v.kind
        if basis is None:  # a table cell: its column gave kind and year
            kind, basis = self._table_basis(kind, line_text, v.value_text, statement)
        # one value stated twice on one line for the same year is one observation
        identity = (v.line, v.indicator.id, kind, v.year, v.comparator, v.value, v.value_high,
                    v.province_id)
        if identity in self._emitted:
            return
        self._emitted.add(identity)
        statement.is_mapped = True
        if basis.indicator_text and not statement.indicator_text:
            statement.indicator_text = basis.indicator_text
        self.out.observations.append(Observation(
            doc_id=self.doc.id, indicator_id=v.indicator.id, kind=kind, year=v.year,
            comparator=v.comparator, value=v.value, value_high=v.value_high, unit=v.unit,
            relative_to=v.relative_to, line=v.line, quote=quote(line_text, v.value_text),
            value_text=v.value_text, statement_id=statement.statement_id,
            indicator_text=basis.indicator_text, match_method=basis.match_method,
            match_score=basis.match_score, kind_basis=basis.kind_basis,
            # a year NULL says "not stated", with why when the reader gave a reason
            year_basis=basis.year_basis if v.year is not None
            or basis.year_basis.startswith("not stated") else "not stated",
            quarantine_reason=quarantine_reason(v.indicator, v.value, v.value_high,
                                                v.comparator, v.unit, v.value_text),
            province_named=v.province_id,
        ))

    def _table_basis(self, kind: str, line_text: str, value_text: str, statement: Statement
                     ) -> tuple[str, Basis]:
        """Kind and basis of a table cell. A statistics document's year columns report
        values: its cells are actual whatever the layout reader took them for."""
        kind_basis = "table column"
        if self.reports_only is not None and kind in ("target", "trajectory", "baseline"):
            kind, kind_basis = "actual", self.reports_only
        label = statement.indicator_text
        if label is None:
            cut = line_text.find(value_text.strip()) if value_text.strip() else -1
            label = PHRASE_TRIM_RE.sub("", " ".join(
                blank_markup(line_text[:cut] if cut > 0 else line_text).split()))
            label = label[:PHRASE_MAX] or None
        return kind, Basis(label, "alias", 100.0, kind_basis, "table column")
