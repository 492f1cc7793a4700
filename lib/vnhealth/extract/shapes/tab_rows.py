"""Tab-separated rows. Numbered rows under header rows make a `TabTable` whose header cells
give each value column its kind and year; a block without numbered rows is searched for a
year header (any year shape, within the block), the rows after it read like prose."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from vnhealth.extract.lines import YEAR_IN_TEXT_RE
from vnhealth.extract.records import Segment
from vnhealth.extract.shapes.records import (
    ShapeRead,
    Spot,
    TableShape,
    TabRow,
    TabTable,
)
from vnhealth.extract.shapes.year_shapes import find_table
from vnhealth.inputs.text import blank_markup, lite

_ROW_NUMBER_RE = re.compile(r"\d{1,3}")
_LETTER_RE = re.compile(r"[^\W\d_]")


def is_tab_line(line: str) -> bool:
    return line.count("\t") >= 2


class Prefix(Sequence[str]):
    """The first `stop` lines of a list, without copying them: a table read from a block
    (tab rows) must not run past the block."""

    def __init__(self, lines: Sequence[str], stop: int):
        self._lines = lines
        self._stop = min(stop, len(lines))

    def __len__(self) -> int:
        return self._stop

    def __getitem__(self, k: Any) -> Any:
        if isinstance(k, slice) or not 0 <= k < self._stop:
            raise IndexError(k)
        return self._lines[k]


def detect(spot: Spot) -> bool:
    return is_tab_line(spot.lines[spot.i])


def read(spot: Spot) -> ShapeRead:
    lines = spot.lines
    j = spot.i
    rows: list[TabRow] = []
    while j < len(lines) and (is_tab_line(lines[j]) or not lines[j].strip()):
        if lines[j].strip():
            text = lines[j]
            rows.append(TabRow(j + 1, [blank_markup(c).strip() for c in text.split("\t")], text))
        j += 1
    # Header rows come before the first row with a small row number in its first cells.
    data_start = next((k for k, row in enumerate(rows)
                       if any(_ROW_NUMBER_RE.fullmatch(c) for c in row.cells[:3])), len(rows))
    if data_start == 0 or data_start == len(rows):
        return _without_row_numbers(spot, rows, j)
    return ShapeRead(end=j, tab_table=_numbered(spot, rows[:data_start], rows[data_start:]))


def _without_row_numbers(spot: Spot, rows: list[TabRow], end: int) -> ShapeRead:
    """A header that names years still makes the block a table; the rows it leaves are read
    like prose, dated by the plan's last year."""
    table = find_table(Prefix(spot.lines, rows[-1].line), rows[0].line - 1, spot.words,
                       spot.period_end)
    after = table.end if table is not None else -1
    segments = [_as_prose(row, spot.period_end) for row in rows if row.line > after]
    return ShapeRead(end=end, table=table, segments=segments)


def _as_prose(row: TabRow, period_end: int) -> Segment:
    cleaned = blank_markup(row.raw).replace("\t", " ")
    return Segment.from_lines("tab_row", [(row.line, cleaned)], context_year=period_end)


def _numbered(spot: Spot, header_rows: list[TabRow], data: list[TabRow]) -> TabTable:
    width = max(len(row.cells) for row in header_rows + data)
    # cells are gathered by column in one pass over the rows: one pass per column would
    # cost columns x rows, quadratic for a row of many cells
    header_cols: list[list[str]] = [[] for _ in range(width)]
    for h in header_rows:
        for k, c in enumerate(h.cells):
            header_cols[k].append(c)
    headers = [" ".join(col).strip() for col in header_cols]
    # a header cell holding both a year and a baseline word ("Thực hiện 2025")
    baseline_cols = {k for h in header_rows for k, c in enumerate(h.cells)
                     if YEAR_IN_TEXT_RE.search(c)
                     and any(w in lite(c) for w in spot.words.baseline_columns)}
    name_col = _name_column(data, width)
    words = spot.words
    unit_col = next((k for k, h in enumerate(headers)
                     if any(w in lite(h) for w in words.unit_column)), None)
    columns: dict[int, tuple[str, int]] = {}
    for k, h in enumerate(headers):
        if k <= name_col or k == unit_col:
            continue
        years = [int(y) for y in YEAR_IN_TEXT_RE.findall(h)]
        if k in baseline_cols and years:
            columns[k] = ("baseline", years[-1])
        elif years:
            columns[k] = ("year", years[-1])
        elif any(w in lite(h) for w in words.target_column):
            columns[k] = ("target", spot.period_end)
    return TabTable(data, name_col, unit_col, columns)


def _name_column(data: list[TabRow], width: int) -> int:
    """The column with the most letters per cell (the first of equals)."""
    letters = [0] * width
    counts = [0] * width
    for row in data:
        for k, c in enumerate(row.cells):
            letters[k] += len(_LETTER_RE.findall(c))
            counts[k] += 1
    return max(range(width), key=lambda k: letters[k] / max(1, counts[k]))


SHAPE = TableShape("tab_rows", detect, read)
