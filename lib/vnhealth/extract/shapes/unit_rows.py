"""Numbered rows with a unit cell under a total column: a census or survey table ("84 Số lượt
người khám …" / "… trạm y tế xã trong 12 tháng qua Người 273 343 273 343"). Each row opens with
its number (one more than the row above) and a capital, its label wraps over lines, and its
last line ends with a unit cell ("%", "Xã", "Người", or "“" for the unit above) and its values
by column. The header above names no year but a total ("Tổng số", then "Chia ra" by kind of
commune): the first value is the province's. A blank cell vanishes from PDF text, so only the
first value is placed; a row without values (a figure left out) keeps none."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from vnhealth.extract.shapes.records import Cell, Row, ShapeRead, Spot, TableShape, TotalTable
from vnhealth.extract.shapes.rows import TOKEN_RE, row_role, value_token
from vnhealth.extract.shapes.words import TableWords
from vnhealth.inputs.text import is_noise_line, lite

_ROW_RE = re.compile(r"^\s*(\d{1,3})\s+(?=[^\W\d_])")
MIN_ROWS = 3  # fewer numbered rows with a unit cell is a numbered list, not a table
MAX_ROW_LINES = 4  # a label wraps over a few lines; more is prose
MAX_LINE = 160  # a longer line is prose
HEADER_LINES = 8  # lines above the first row that may hold the header and the title


class RowEnd(NamedTuple):
    """The last line of a row: its label part, its unit cell and its values."""

    label: str
    unit: str
    values: list[tuple[str, int, int]]  # (text, start, end) of each value token, in order


def row_end(line: str, words: TableWords) -> RowEnd | None:
    """The unit cell and the values ending a line, or None when it ends with neither: the
    values are the trailing number tokens, the unit cell the phrase just before them (a unit,
    a counted noun written with a capital, or a ditto mark)."""
    tokens = list(TOKEN_RE.finditer(line))
    k = len(tokens)
    while k > 0 and value_token(tokens[k - 1].group(0))[0]:
        k -= 1
    values = [(t.group(0), t.start(), t.end()) for t in tokens[k:]]
    head = line[:tokens[k - 1].end()] if k else ""
    m = words.unit_cell.search(lite(head))
    if m is None:
        return None
    cell = head[m.start(1):].strip()
    if cell[:1].islower():
        return None  # the label's own last word ("… thôn bản"), not a unit cell
    return RowEnd(head[:m.start(1)].strip(), cell, values)


def _row_number(line: str) -> int | None:
    """The number a line opens a row with ("84 Số lượt …"): a number, then a capital."""
    m = _ROW_RE.match(line)
    return int(m.group(1)) if m is not None and line[m.end()].isupper() else None


def _row_lines(lines: Sequence[str], i: int, words: TableWords
               ) -> tuple[list[list[tuple[int, str]]], int]:
    """The rows from line i (each its lines, 1-based), and the index after the last: a row
    ends at the line ending with its unit cell; the table at a line that opens no next row,
    or at a row that never reaches its unit cell."""
    rows: list[list[tuple[int, str]]] = []
    number: int | None = None
    j = i
    while j < len(lines):
        opened = _row_number(lines[j])
        if opened is None or (number is not None and opened != number + 1) \
                or len(lines[j]) > MAX_LINE:
            break
        number = opened
        row = [(j + 1, lines[j])]
        j += 1
        while row_end(row[-1][1], words) is None:
            if (j >= len(lines) or len(row) >= MAX_ROW_LINES or not lines[j].strip()
                    or len(lines[j]) > MAX_LINE or _row_number(lines[j]) is not None):
                return rows, row[0][0] - 1
            row.append((j + 1, lines[j]))
            j += 1
        rows.append(row)
    return rows, j


def _header_above(lines: Sequence[str], i: int, words: TableWords) -> str | None:
    """The header and title lines above the first row, joined, when a short one names a
    total column ("Tổng số", "Tổng" over "số"); else None."""
    above = [s for s in (t.strip() for t in lines[max(0, i - HEADER_LINES):i])
             if s and not is_noise_line(s)]
    if not any(len(s) <= 60 and words.totals.search(lite(s)) for s in above):
        return None
    return " ".join(above)


def detect(spot: Spot) -> bool:
    if _row_number(spot.lines[spot.i]) is None:
        return False
    rows, _end = _row_lines(spot.lines, spot.i, spot.words)
    return len(rows) >= MIN_ROWS and _header_above(spot.lines, spot.i, spot.words) is not None


def _row(lines: list[tuple[int, str]], above: str, words: TableWords) -> Row:
    """A row record: its label (without the row number), its unit (a ditto mark resolved to
    the unit above) and its first value as its one cell."""
    end = row_end(lines[-1][1], words)
    assert end is not None
    label = " ".join([t.strip() for _n, t in lines[:-1]] + [end.label])
    label = _ROW_RE.sub("", label, count=1)
    unit = above if end.unit in words.ditto else end.unit
    counted = lite(unit) in words.counted
    row = Row(label=label, lines=[n for n, _t in lines], unit_text=unit,
              role="count" if counted else row_role(label, words))
    if end.values:
        text, s, e = end.values[0]
        row.cells.append(Cell(text, value_token(text)[1], 0, lines[-1][0], s, e))
    return row


def read(spot: Spot) -> ShapeRead | None:
    rows, end = _row_lines(spot.lines, spot.i, spot.words)
    title = _header_above(spot.lines, spot.i, spot.words)
    if len(rows) < MIN_ROWS or title is None:
        return None
    out: list[Row] = []
    for lines in rows:
        out.append(_row(lines, out[-1].unit_text if out else "", spot.words))
    return ShapeRead(end=end, total_table=TotalTable(out, title, spot.i, end))


SHAPE = TableShape("unit_rows", detect, read)
