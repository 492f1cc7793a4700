"""A table comparing places (shapes/place_tables.py) into observations: each value is its
place's, the indicator named by its row's label or the value column's header, in the unit
written there (else the indicator's), dated by the header's year or the title's. The country's
and a region's values are quoted beside the provinces' and are no province's own."""

from __future__ import annotations

from itertools import groupby

from vnhealth.extract.kind_year import NOT_STATED, KindChoice, YearChoice, decide_kind
from vnhealth.extract.lines import YEAR_IN_TEXT_RE
from vnhealth.extract.mentions import unit_in_texts
from vnhealth.extract.recorder import Basis, PairedValue
from vnhealth.extract.records import REGION, Segment, Statement
from vnhealth.extract.shapes.header import YEAR_RE
from vnhealth.extract.shapes.records import PLACE_NATIONAL, PlaceTable, PlaceValue
from vnhealth.extract.state import DocumentRun
from vnhealth.extract.table_values import (
    in_shared_unit,
    label_name,
    names_another_subject,
    shared_unit,
)
from vnhealth.inputs.text import lite


def place_table_year(run: DocumentRun, table: PlaceTable) -> YearChoice:
    """The header's year (none for an average over the period it names: "trung bình giai đoạn
    2005-2019"), else the title's last year, else not stated."""
    header = YEAR_RE.findall(table.header)
    if header:
        first, last = header[-1]
        if last and run.vocab.table_words.period_average.search(lite(table.header)):
            return YearChoice(None, f"not stated (an average over {first}-{last}, table header)")
        return YearChoice(int(last or first), "table header")
    years = YEAR_IN_TEXT_RE.findall(table.title)
    return YearChoice(int(years[-1]), "table title") if years else NOT_STATED


def read_place_table(run: DocumentRun, table: PlaceTable) -> None:
    year = place_table_year(run, table)
    kind = decide_kind(baseline=False, column_kind=None, reports_only=run.reports_only,
                       section=None, verb=None, year=year, past_before=run.past_before,
                       issued=run.issued)
    rows = {v.label: v.cell.value.value for v in reversed(table.values) if v.cell.value}
    shared = shared_unit(run, list(rows.items()))
    for line, values in groupby(table.values, key=lambda v: v.cell.line):
        seg = Segment.from_lines(table.shape, [(line, run.lines[line - 1])])
        statement = run.recorder.new_statement(seg)
        for value in values:
            if value.place not in (PLACE_NATIONAL, REGION):
                _read_place_value(run, table, value, statement, kind, year, shared)


def _read_place_value(run: DocumentRun, table: PlaceTable, value: PlaceValue,
                      statement: Statement, kind: KindChoice, year: YearChoice,
                      shared: str | None) -> None:
    cell = value.cell.value
    found = label_name(run, value.label)
    if cell is None or found is None:
        return
    unit = "percent" if cell.percent else unit_in_texts(run.vocab, [value.label, table.title])
    ind = run.chooser.choose(found.indicators, unit, None, table=True, value=cell.value)
    if ind is None or names_another_subject(run, found, ind):
        return
    if unit is None and shared and shared != ind.unit:
        unit = in_shared_unit(run, ind, cell.value, shared)
    own = value.place in run.vocab.lineage(run.doc.province_id)
    run.recorder.emit(
        PairedValue(ind, kind.kind, year.year, cell.comparator, cell.value, cell.value_high,
                    unit or ind.unit, None, value.cell.line, value.cell.text,
                    None if own else run.province_as_of(value.place, year.year)),
        statement, Basis(value.label, "alias", 100.0, kind.basis, year.basis))
