"""A table whose cells a PDF's text or a web page ran together on one line, separated by single
spaces: a header of years, then each row's label and as many numbers as years ("(Đơn vị: ‰)
Năm 2006 2009 2011 2014 2016 Trung bình toàn thành phố 14,91 14,24 13,58 12,04 11,46 Thành
thị 14,53 …"; "STT Địa phương Tuổi thọ … 1999 2009 1 Hà Giang 58,8 66,3 2 Cao Bằng 62,4 …").
Each number is its year's column; the caption above and the words before the years name the
indicator, a "Đơn vị" there its unit."""

from __future__ import annotations

import re

from vnhealth.extract.numbers import parse_cell
from vnhealth.extract.shapes.records import (
    Cell,
    Row,
    ShapeRead,
    Spot,
    Table,
    TableShape,
    YearColumn,
)
from vnhealth.extract.shapes.rows import row_role
from vnhealth.extract.shapes.year_table import mark_sub_rows, statistics_kind, title_above
from vnhealth.inputs.text import lite

# the header: two years or more in a row, single blanks between them, not inside a number
# (looked at from after the first two digits, so that the engine skips to a "19" or "20")
_YEARS_RE = re.compile(r"(?:19|20)(?<![\d.,]..)\d\d(?:[ \t]+(?:19|20)\d\d)+(?![\d.,])")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
# a row: its label (an optional row number, then words with no digit) and its numbers
_LABEL_RE = re.compile(r"[ \t]*(?:\d{1,3}[ \t]+)?(?P<label>[^\W\d_][^\d]*?)(?=[ \t]+-?\d)")
_NUMBER_RE = re.compile(r"[ \t]+(?P<cell>-?\d+(?:[.,]\d+)?%?)(?![\d.,])")
MIN_ROWS = 2


def _rows(line: str, pos: int, width: int, line_no: int) -> tuple[list[Row], int]:
    """The rows from pos on, each a label and exactly `width` numbers; and where they end."""
    rows: list[Row] = []
    while (label := _LABEL_RE.match(line, pos)) is not None:
        cells, end = [], label.end()
        for k in range(width):
            m = _NUMBER_RE.match(line, end)
            value = parse_cell(m.group("cell")) if m is not None else None
            if m is None or value is None:
                return rows, pos
            cells.append(Cell(m.group("cell"), value, k, line_no, m.start("cell"), m.end("cell")))
            end = m.end()
        if _NUMBER_RE.match(line, end) and _LABEL_RE.match(line, end) is None:
            return rows, pos  # more numbers than years (not the next row's number): no table
        rows.append(Row(label.group("label").strip(), [line_no], "", cells))
        pos = end
    return rows, pos


def _table(spot: Spot) -> Table | None:
    line = spot.lines[spot.i]
    header = _YEARS_RE.search(line)
    if header is None:
        return None
    line_no = spot.i + 1
    columns = [YearColumn(int(m.group(0)), None, line_no, header.start() + m.start(),
                          header.start() + m.end())
               for m in _YEAR_RE.finditer(header.group(0))]
    rows, end = _rows(line, header.end(), len(columns), line_no)
    if len(rows) < MIN_ROWS:
        return None
    words = spot.words
    for r in rows:
        r.role = "breakdown" if words.breakdown_columns.match(lite(r.label)) \
            else row_role(r.label, words)
    mark_sub_rows([r for r in rows if r.role != "breakdown"])
    above, unit = title_above(spot.lines, spot.i, words)
    before = line[:header.start()]
    m = words.unit_line.search(lite(before))
    if m is not None:
        unit = before[m.end():].strip(" :)(-–") or unit
        before = before[:m.start()]
    title = " ".join(f"{above} {before}".split())
    kind = statistics_kind(columns, f"{title} {line[end:]}", words)
    return Table("inline_rows", columns, rows, title, unit, kind, spot.i, spot.i + 1)


def detect(spot: Spot) -> bool:
    """A line holding a header of years and two rows or more of as many numbers."""
    return _YEARS_RE.search(spot.lines[spot.i]) is not None and _table(spot) is not None


def read(spot: Spot) -> ShapeRead | None:
    table = _table(spot)
    return ShapeRead(end=table.end, table=table) if table is not None else None


SHAPE = TableShape("inline_rows", detect, read)
