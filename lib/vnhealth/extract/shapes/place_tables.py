"""Tables that compare places, their cells split by separators or run together (glued.py):

  place_columns  a header of places' names ("Viet Nam | Da Nang | Quang Nam"), then rows, each
                 an indicator's label and one value per place ("Crude birth rate14.915.215.2")
  place_rows     a header naming a column of provinces ("TT | Tỉnh, thành phố | Vùng | Tỷ suất
                 sinh trung bình giai đoạn 2005-2019"), then a row per province with one value
                 ("1 | Lai Châu | Trung du và miền núi phía Bắc | 24,7")

The place of each value is its column's or its row's; the indicator its row's label or the
value column's header; the year the header's or the title's (place_values.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from vnhealth.extract.numbers import parse_cell
from vnhealth.extract.records import REGION
from vnhealth.extract.shapes.glued import Span, glued_cells, split_number_run
from vnhealth.extract.shapes.records import (
    PLACE_NATIONAL,
    Cell,
    PlaceTable,
    PlaceValue,
    ShapeRead,
    Spot,
    TableShape,
)
from vnhealth.extract.shapes.rows import split_row
from vnhealth.extract.shapes.words import TableWords
from vnhealth.extract.shapes.year_table import title_above
from vnhealth.inputs.text import lite

MAX_PLACES = 12  # columns of a header of places
MAX_HEADER_CELL = 40  # characters of a place's name in a header
MAX_HEADER = 200  # characters of a place_rows header line
HEADER_LINES = 3  # lines a place_rows header may wrap over above its first row
MIN_COLUMN_ROWS = 2
MIN_PLACE_ROWS = 3
# a row whose numbers ran into its label: the label (ending in no digit), then the numbers
_DIGIT_RE = re.compile(r"\d")
_GLUED_ROW_RE = re.compile(r"(?P<label>.*?[^\d\s.,])\s*(?P<run>\d[\d.,]*)\s*")


def _cells(line: str) -> list[str]:
    return [line[a:b] for a, b in glued_cells(line)]


def _cell(lines: Sequence[str], j: int, column: int, span: Span) -> Cell:
    text = lines[j][span[0]:span[1]]
    return Cell(text, parse_cell(text), column, j + 1, span[0], span[1])


def header_places(line: str, words: TableWords) -> list[str] | None:
    """The place each value column's header cell names: two cells at least, each the country,
    a region or a province, one a province at least, perhaps after the label column's
    header ("Chỉ tiêu | Hà Nội | Cả nước"); None for any other line."""
    cells = _cells(line)
    if cells and words.header.fullmatch(lite(cells[0])):
        cells = cells[1:]
    if not 2 <= len(cells) <= MAX_PLACES or any(
            len(c) > MAX_HEADER_CELL or any(ch.isdigit() for ch in c) for c in cells):
        return None
    places = [PLACE_NATIONAL if words.national.fullmatch(lite(c)) else words.place_of(c)
              for c in cells]
    if any(p is None for p in places) or all(p in (PLACE_NATIONAL, REGION) for p in places):
        return None
    return [p for p in places if p is not None]


def _next_filled(lines: Sequence[str], i: int) -> int:
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j


def _column_row(line: str, count: int) -> tuple[str, list[Span]] | None:
    """A row's label and the offsets of its `count` values, split by separators or run
    together; None for a line of another shape or whose numbers cannot be told apart."""
    parts = split_row(line, count)
    if len(parts.values) == count and parts.label:
        return parts.label, [(v.start, v.end) for v in parts.values]
    m = _GLUED_ROW_RE.fullmatch(line)
    spans = None if m is None else split_number_run(m.group("run"), count)
    if m is None or spans is None:
        return None
    at = m.start("run")
    return m.group("label").strip(), [(at + a, at + b) for a, b in spans]


def _detect_columns(spot: Spot) -> bool:
    line = spot.lines[spot.i]
    if len(line) > MAX_HEADER or _DIGIT_RE.search(line):
        return False  # (cheap tests first: every line of a document is asked)
    j = _next_filled(spot.lines, spot.i)
    return j < len(spot.lines) and spot.lines[j].rstrip()[-1:].isdigit() and \
        header_places(line, spot.words) is not None


def _read_columns(spot: Spot) -> ShapeRead | None:
    lines = spot.lines
    places = header_places(lines[spot.i], spot.words) or []
    values: list[PlaceValue] = []
    rows, j = 0, _next_filled(lines, spot.i)
    # rows run on while a short line ends in numbers; one whose numbers cannot be split is
    # passed over
    while j < len(lines) and len(lines[j]) <= MAX_HEADER and (
            _GLUED_ROW_RE.fullmatch(lines[j]) or split_row(lines[j], 1).values):
        row = _column_row(lines[j], len(places))
        if row is not None:
            rows += 1
            values += [PlaceValue(place, row[0], _cell(lines, j, k, span))
                       for k, (place, span) in enumerate(zip(places, row[1], strict=True))]
        j += 1
    if rows < MIN_COLUMN_ROWS:
        return None
    title, _unit = title_above(lines, spot.i, spot.words)
    return ShapeRead(j, place_table=PlaceTable("place_columns", lines[spot.i], title, values,
                                               spot.i, j))


def _place_row(line: str, words: TableWords) -> tuple[str, Span] | None:
    """(province, offsets of the value) of a row naming one province and ending in its one
    value, a row number perhaps before ("1Lai ChâuTrung du … Bắc24,7")."""
    spans = glued_cells(line)
    cells = [line[a:b] for a, b in spans]
    if len(cells) < 2 or parse_cell(cells[-1]) is None or any(
            parse_cell(c) is not None for c in cells[1:-1]):
        return None
    provinces = [p for c in cells[:-1] if (p := words.place_of(c)) not in (None, REGION)]
    return (provinces[0], spans[-1]) if len(provinces) == 1 else None


def _first_place_row(spot: Spot) -> int | None:
    """The line of a place_rows table's first row: a header cell names the provinces' column,
    and a row follows within a few lines."""
    line = spot.lines[spot.i]
    if len(line) > MAX_HEADER or not spot.words.place_column_within.search(lite(line)) or not any(
            spot.words.place_column.fullmatch(lite(c)) for c in _cells(line)) \
            or _place_row(line, spot.words) is not None:
        return None
    for j in range(spot.i + 1, min(len(spot.lines), spot.i + 1 + HEADER_LINES)):
        if _place_row(spot.lines[j], spot.words) is not None:
            return j
    return None


def _detect_rows(spot: Spot) -> bool:
    return _first_place_row(spot) is not None


def _read_rows(spot: Spot) -> ShapeRead | None:
    lines, first = spot.lines, _first_place_row(spot)
    if first is None:
        return None
    header = " ".join(" ".join(_cells(x)) for x in lines[spot.i:first])
    values: list[PlaceValue] = []
    j = first
    while j < len(lines) and (row := _place_row(lines[j], spot.words)) is not None:
        values.append(PlaceValue(row[0], header, _cell(lines, j, 0, row[1])))
        j += 1
    if len(values) < MIN_PLACE_ROWS:
        return None
    title, _unit = title_above(lines, spot.i, spot.words)
    return ShapeRead(j, place_table=PlaceTable("place_rows", header, title, values, spot.i, j))


PLACE_COLUMNS = TableShape("place_columns", _detect_columns, _read_columns)
PLACE_ROWS = TableShape("place_rows", _detect_rows, _read_rows)
