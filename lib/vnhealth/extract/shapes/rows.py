"""Rows of a table whose header names years: a label, perhaps a unit cell, then values.

Shared by the year-header shapes. A row's values may stand on its label's line, on the lines
below it one cell per line, or after a label wrapped over several lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from vnhealth.extract.numbers import CellValue, parse_cell
from vnhealth.extract.shapes.header import header_line, holds_no_cell
from vnhealth.extract.shapes.records import Cell, Row, YearColumn
from vnhealth.extract.shapes.words import TableWords
from vnhealth.inputs.text import is_noise_line, lite

CELL_SPLIT_RE = re.compile(r"\t|\|| {2,}|\u00a0{1,}\s*")
TOKEN_RE = re.compile(r"\S+")
# a cell holding no value ("-", "..", "x", "[n.a.]": not available)
BLANK_CELL_RE = re.compile(r"^(?:-|–|—|\.{2,}|…|x|X|\[?n\.a\.\]?|\[?N\.A\.\]?|n/a|N/A)$")
UNIT_TOKENS = frozenset({"%", "‰"})  # a unit set apart from its number: "47.7 %"
LABEL_UNIT_RE = re.compile(r"\(([^()\d]{1,20}|[%‰])\)\s*$")
SUB_LABEL_RE = re.compile(r"^\s*[-–+]\s*\w")  # "-Theo cân nặng (%)": a sub-row's label
NUMBERING_RE = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\)|[IVX]+\.|[-+•*–])\s+")
# a cell in brackets with a number, under a value: a note on it ("(tăng 0,6 giường bệnh/vạn
# dân)", the change from the column before), neither a value nor a label
NOTE_CELL_RE = re.compile(r"^\((?=[^()]*\d)[^()]*\)$")
MAX_LABEL = 200  # a longer line without values is prose: the table has ended
MAX_GAP = 40  # lines past the last value row a table may still continue


class ValueToken(NamedTuple):
    text: str
    value: CellValue | None  # None for a blank marker that holds a column's place
    start: int
    end: int


class RowParts(NamedTuple):
    label: str
    label_start: int
    unit_text: str
    values: list[ValueToken]


SIGNED_RE = re.compile(r"^[-−+](?=\d)")
COMPARATOR_SIGNS = frozenset("<>≤≥")


def value_token(text: str) -> tuple[bool, CellValue | None]:
    """(is it a cell, its value): a number, signed perhaps ("-0,96": a change column's), or a
    blank marker ("-", "..") without a value."""
    if BLANK_CELL_RE.match(text):
        return True, None
    sign = SIGNED_RE.match(text)
    cell = parse_cell(text[sign.end():] if sign else text)
    if cell is not None and sign and sign.group(0) != "+" and cell.value_high is None:
        cell = replace(cell, value=-cell.value)
    return cell is not None, cell


def split_row(line: str, max_values: int) -> RowParts:
    """A row's label, unit cell and trailing values (at most `max_values`), by cells split on
    tabs, pipes or runs of spaces, and by single spaces within the last cell."""
    tokens = list(TOKEN_RE.finditer(line.replace("|", " ").replace("\t", " ")))
    values: list[ValueToken] = []
    k = len(tokens)
    while k > 0 and len(values) < max_values:
        tok = tokens[k - 1]
        start = tok.start()
        if tok.group(0) in UNIT_TOKENS and k > 1:
            start = tokens[k - 2].start()  # "47.7 %": the number and its unit, one cell
        ok, cell = value_token(line[start:tok.end()])
        if not ok:
            break
        values.append(ValueToken(line[start:tok.end()], cell, start, tok.end()))
        k -= 2 if start != tok.start() else 1
    values.reverse()
    if values and k and tokens[k - 1].group(0) in COMPARATOR_SIGNS:
        # "< 7,6": a comparator set apart from its value is part of the cell
        sign = tokens[k - 1]
        ok, cell = value_token(sign.group(0) + values[0].text)
        if ok:
            values[0] = ValueToken(line[sign.start():values[0].end], cell, sign.start(),
                                   values[0].end)
            k -= 1
    label_end = tokens[k - 1].end() if k else 0
    label_start = tokens[0].start() if k else 0
    label = line[:label_end].strip(" \t|")
    unit_text = ""
    cells = [c for c in CELL_SPLIT_RE.split(label) if c.strip()]
    if len(cells) >= 2 and len(cells[-1].strip()) <= 15 and len(cells[0]) > len(cells[-1]):
        # a short cell between the label and the values is a unit column ("%", "Người")
        unit_text = cells[-1].strip()
        label = " ".join(c.strip() for c in cells[:-1])
    else:
        label = " ".join(c.strip() for c in cells)
    m = LABEL_UNIT_RE.search(label)
    if not unit_text and m:
        unit_text = m.group(1).strip()
    return RowParts(label, label_start, unit_text, values)


# a breakdown's label in two languages, the English on the next line or after the dash
# ("Thành thị -" / "Urban", "TỶ SUẤT CHUNG - TOTAL"); a column label has no dash at its end
_BILINGUAL_RE = re.compile(r"\s[-–]\s*(?:[A-Za-z][A-Za-z ]*)?$")


def is_block_label(text: str) -> bool:
    """A yearbook's label of a block of rows ("TỔNG SỐ - TOTAL", "Thành thị - Urban"): in
    capitals, or in two languages after a dash."""
    s = text.strip()
    return bool(s) and (s.upper() == s or _BILINGUAL_RE.search(s) is not None)


def row_role(label: str, words: TableWords) -> str:
    """total (the whole province), national (the country, quoted for comparison), sub (a
    district, town or city named after its kind) or row."""
    low = lite(NUMBERING_RE.sub("", label)).strip(" :-–.")
    rest = words.totals.sub(" ", low)
    if low and not re.sub(r"[\W\d_]", "", rest) and rest != low:
        return "total"
    if words.national.match(low):
        return "national"
    m = words.sub_rows.match(low)
    stripped = NUMBERING_RE.sub("", label).strip()
    if m and len(stripped) > m.end() + 1 and stripped[m.end():].strip()[:1].isupper():
        return "sub"
    return "row"


def _starts_new_label(text: str, above: Sequence[tuple[int, str]] = ()) -> bool:
    """A label line opens a new row unless it continues the one above: it starts in lower
    case, or it is an English translation in a bilingual yearbook (ASCII only, under a label
    that is not: in a table all in English, a capitalised line opens a row)."""
    first = text.strip()[:1]
    english_above = bool(above) and all(t.isascii() for _n, t in above)
    return first.isupper() and (not text.isascii() or english_above)


class RowReader:
    """Reads the rows under a header, line by line, into `rows`."""

    def __init__(self, lines: Sequence[str], columns: list[YearColumn], by_position: bool,
                 words: TableWords, ignored: Sequence[YearColumn] = (), leading: int = 0):
        self.lines = lines
        self.columns = columns
        # cells of word columns before the years in a row read one cell per line (a header
        # "Dien Bien" / … / "2011" / "2012"): read to keep the row's place, then dropped
        self.leading = leading
        self.width = len(columns) + leading
        # columns laid out by position whose cells are not values (comparisons): a value under
        # one of them is dropped
        self.ignored = list(ignored)
        self.by_position = by_position
        self.words = words
        self.rows: list[Row] = []
        self.pending: list[tuple[int, str]] = []  # label lines waiting for their values
        self.open: Row | None = None  # the last row, while it may take more values
        self.block = ""  # the caption of the block of rows being read (Row.block)
        # a header of one column counts: its year stands alone on its line
        self._years_one_per_line = len({c.line for c in columns}) == len(columns) >= 1

    def read(self, start: int) -> int:
        """Read rows from `start`; the index after the last line that holds a value."""
        last = -1
        j = start
        # the look-ahead is bounded (from the header, then from the last row): a header
        # followed by prose must not scan the rest of the document
        while j < len(self.lines) and j - max(last, start) <= MAX_GAP:
            line = self.lines[j]
            j += 1
            if holds_no_cell(line) or (self.open is not None
                                       and NOTE_CELL_RE.match(line.strip())):
                continue
            if is_noise_line(line) and not self._takes_cell(line):
                continue
            if header_line(line, j - 1, self.words) is not None:
                break  # another header: another table
            parts = split_row(line, len(self.columns) + len(self.ignored))
            if parts.label and parts.values and len(parts.values) < len(self.columns) and all(
                    v.value is None for v in parts.values):
                # a label ending in a dash ("… suy dinh dưỡng (%) -") holds no values
                parts = RowParts(line.strip(), parts.label_start, parts.unit_text, [])
            if parts.values and parts.label:
                self._new_row(j, parts)
                last = j
            elif parts.values:
                if not self._more_values(j, parts):
                    self._new_row(j, parts)
                last = j
            elif len(line.strip()) > MAX_LABEL:
                break
            else:
                self._label_line(j, line.strip())
        self.rows = [split for row in self.rows for split in self._unstacked(row)]
        self._drop_leading_cells()
        return last

    def _drop_leading_cells(self) -> None:
        """Each row's cells of the word columns before the years dropped, the years' cells
        numbered from the first year; a row that does not fill every column cannot say which
        cell is which year, and keeps none."""
        if not self.leading:
            return
        for row in self.rows:
            row.cells = [replace(c, column=c.column - self.leading)
                         for c in row.cells[self.leading:]] if len(row.cells) == self.width \
                else []

    def _unstacked(self, row: Row) -> list[Row]:
        """"Tỷ lệ … suy dinh dưỡng:" / "-Theo cân nặng (%)" / "-Theo chiều cao (%)" / 7,6 /
        10,4 / < 7,6 / <10,4: sub-rows whose cells stand stacked in each column, read one
        cell per line, their values taken in turn; a row whose values do not fill its columns
        so stays mixed (unread)."""
        k, cells = row.stack, row.cells
        if k < 2 or not cells or len(cells) % k or len({c.line for c in cells}) != len(cells):
            return [row]
        texts = [(n, self.lines[n - 1].strip()) for n in row.lines if n < cells[0].line]
        subs = [(n, t) for n, t in texts if SUB_LABEL_RE.match(t)]
        head = " ".join(t for n, t in texts if not SUB_LABEL_RE.match(t))
        if len(subs) != k:
            return [row]
        rows = []
        for j, (n, text) in enumerate(subs):
            own = [replace(c, column=i // k) for i, c in enumerate(cells) if i % k == j]
            label = f"{head} {text}".strip()
            unit = (LABEL_UNIT_RE.search(text) or [None, ""])[1] or row.unit_text
            rows.append(Row(label, [n, *(c.line for c in own)], unit.strip(), own,
                            row_role(label, self.words)))
        return rows

    def _takes_cell(self, line: str) -> bool:
        """A bare number on its own line is the next cell of a row read one cell per line
        while that row has room, not a page number."""
        row = self.open
        if row is None:
            # the first cell under a label ("Số Bác sĩ/vạn dân" / "13"), when the header too
            # stands one year per line
            return bool(self.pending) and self._years_one_per_line and value_token(
                line.strip())[0]
        if not row.cells or len(row.cells) >= self.width * row.stack:
            return False
        if row.cells[-1].column != len(row.cells) - 1 or row.cells[-1].line == row.lines[0]:
            return False
        return value_token(line.strip())[0]

    def _label_line(self, line_no: int, text: str) -> None:
        self.open = None
        if self.pending and _starts_new_label(text, self.pending):
            if row_role(text, self.words) == "total":
                # a label without values over a total's: the caption of the rows below
                self.block = " ".join(t for _n, t in self.pending)
            self.pending = []
        self.pending.append((line_no, text))

    def _new_row(self, line_no: int, parts: RowParts) -> None:
        if len(parts.label) > 15 and _starts_new_label(parts.label):
            # a row of its own, not the end of the label above (a short capitalised word
            # before the values is the unit cell of a wrapped label: "… dân (không bao /
            # gồm …) / Giường 60,8")
            self.pending = []
        label_lines = self.pending + [(line_no, parts.label)]
        label = " ".join(t for _n, t in label_lines if t)
        unit = parts.unit_text or (LABEL_UNIT_RE.search(label) or [None, ""])[1] or ""
        # "Tỷ lệ … suy dinh dưỡng:" / "-Theo cân nặng (%)" / "-Theo chiều cao (%)" / 7,6 / 10,4:
        # two sub-rows' labels before their values, which cannot be told apart
        stacked = sum(bool(SUB_LABEL_RE.match(t)) for _n, t in label_lines)
        row = Row(label=label, lines=[n for n, _t in label_lines], unit_text=unit.strip(),
                  role="mixed" if stacked >= 2 else row_role(label, self.words),
                  stack=max(stacked, 1), block=self.block)
        self._place(row, line_no, self._kept(parts.values), in_order=not parts.label)
        self.rows.append(row)
        self.pending = []
        self.open = row

    def _more_values(self, line_no: int, parts: RowParts) -> bool:
        """Values alone on a line continue the open row (one cell per line) while it has room."""
        row = self.open
        if row is None or len(row.cells) + len(parts.values) > self.width * row.stack:
            return False
        if line_no not in row.lines:
            row.lines.append(line_no)
        start = len(row.cells)
        for k, (text, value, s, e) in enumerate(parts.values):
            row.cells.append(Cell(text, value, start + k, line_no, s, e))
        if len(row.cells) == self.width and row.cells[0].column != 0:
            # "2. Tỷ lệ tăng tự nhiên % 7,55 8,52" / "9,55 8,22 7,19 7,42": the first line's
            # values were put in the last columns; wrapped onto the next, the row's values
            # fill every column, in reading order
            row.cells = [replace(c, column=k) for k, c in enumerate(row.cells)]
        return True

    def _kept(self, values: list[ValueToken]) -> list[ValueToken]:
        """The values not under an ignored column (the nearest column by position decides);
        at most one per column, the rightmost kept."""
        if not self.ignored:
            return values
        every = self.columns + self.ignored
        centres = [c.start + c.end for c in every]  # doubled, as s + e below
        kept = [v for v in values
                if min(range(len(every)), key=lambda k: abs(centres[k] - (v.start + v.end)))
                < len(self.columns)]
        return kept[-len(self.columns):]

    def _place(self, row: Row, line_no: int, values: list[ValueToken], in_order: bool) -> None:
        """Give each value its column: in order when the values stand below their label (one
        cell per line, more may follow), by position under the header when the table is laid
        out by position and every value falls under a distinct year, else from the right
        (blank cells vanish from PDF text, and a row's values end in the last column)."""
        n = len(self.columns)
        index = list(range(len(values))) if in_order else list(range(n - len(values), n))
        if self.by_position and len(values) < n:
            centres = [c.start + c.end for c in self.columns]  # doubled, as s + e below
            near = [min(range(n), key=lambda c: abs(centres[c] - (s + e)))
                    for _t, _v, s, e in values]
            if len(set(near)) == len(near) and near == sorted(near):
                index = near
        row.cells = [Cell(t, v, c, line_no, s, e)
                     for (t, v, s, e), c in zip(values, index, strict=True)]
