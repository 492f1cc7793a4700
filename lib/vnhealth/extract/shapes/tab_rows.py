"""Rows of cells split by tabs, or written between pipes on one line (a markdown table).
Numbered rows under header rows make a `TabTable` whose header cells give each value column
its kind and year; a block of tab rows without numbered rows is searched for a year header
(any year shape, within the block), the rows after it read like prose."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from vnhealth.extract.lines import YEAR_IN_TEXT_RE
from vnhealth.extract.records import Segment
from vnhealth.extract.shapes import aligned
from vnhealth.extract.shapes.header import time_cell_year
from vnhealth.extract.shapes.records import (
    ShapeRead,
    Spot,
    TableShape,
    TabRow,
    TabTable,
)
from vnhealth.extract.shapes.year_shapes import find_table
from vnhealth.inputs.derive import PAGE_MARK  # the line opening each page of a derived text
from vnhealth.inputs.text import blank_markup, lite

_ROW_NUMBER_RE = re.compile(r"\d{1,3}")
_LETTER_RE = re.compile(r"[^\W\d_]")


NUMBERED_ROW_REACH = 12  # lines a pipe table's first numbered row may stand after its start
_MARKDOWN_RULE_RE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*(?::?-{2,}:?\s*)?$")


def is_tab_line(line: str) -> bool:
    return line.count("\t") >= 2


def split_cells(line: str) -> list[str] | None:
    """The cells of a row split by tabs ("a\tb\tc") or written between pipes on one line
    ("| a | b | c |", a markdown row); None for any other line."""
    if is_tab_line(line):
        return line.split("\t")
    s = line.strip()
    if len(s) > 1 and s[0] == "|" and s[-1] == "|" and s.count("|") >= 4:
        return s[1:-1].split("|")
    return None


def _is_rule(line: str) -> bool:
    """A markdown table's rule under its header ("|---|:--:|")."""
    return bool(_MARKDOWN_RULE_RE.match(line))


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
    """Tab rows; or one-line pipe rows whose header leads to numbered rows (pipe cells over
    several lines, and pipe rows without numbers, are the pipe shape's)."""
    line = spot.lines[spot.i]
    if "\t" in line and is_tab_line(line):
        return True
    reach = min(len(spot.lines), spot.i + NUMBERED_ROW_REACH)
    if "|" in line and split_cells(line) is not None:
        rows = _rows(spot.lines, spot.i, reach)[0]
        return 0 < _data_start(rows) < len(rows)
    # cells aligned by position: header lines naming a year above numbered rows (every line is
    # tried here, so the cheap test of a double blank between words goes first)
    return ("  " in line.strip() and aligned.gaps(line) >= 2
            and aligned.is_table(spot.lines, aligned.block(spot.lines, spot.i, reach)[0]))


def _aligned_rows(lines: Sequence[str], i: int) -> tuple[list[TabRow], int]:
    """An aligned block's rows cut at its columns (the spans its numbered rows leave between
    gutters); a wrapped line of a name joins the row above it, or the row below it when it
    opens the name (a PDF sets a row's values on its name's first, middle or last line)."""
    indices, end = aligned.block(lines, i, len(lines))
    numbered = [k for k in indices if aligned.is_numbered(lines[k])]
    columns = aligned.spans([lines[k] for k in numbered])
    rows: list[TabRow] = []
    pending: list[str] = []  # a label's first lines, set above its row's values
    for k in indices:
        cut = aligned.cells(lines[k], columns)
        if _above_its_row(lines, k, numbered, bool(pending)):
            pending = [f"{a} {b}".strip() for a, b in zip(pending or [""] * len(cut), cut,
                                                        strict=True)]
            continue
        if pending:
            cut = [f"{a} {b}".strip() for a, b in zip(pending, cut, strict=True)]
            pending = []
        if k > numbered[0] and not aligned.is_numbered(lines[k]) and rows:
            last = rows[-1]
            cut = [f"{a} {b}".strip() for a, b in zip(last.raw_cells, cut, strict=True)]
            rows[-1] = TabRow(last.line, [blank_markup(c).strip() for c in cut], last.raw, cut)
            continue
        rows.append(TabRow(k + 1, [blank_markup(c).strip() for c in cut], lines[k], cut))
    return rows, end


def _above_its_row(lines: Sequence[str], k: int, numbered: list[int], pending: bool) -> bool:
    """Whether line k, a wrapped line of a name without values, belongs to the row below it:
    it opens a name (a capital), or goes on with one opened above it, and a numbered row
    follows; before the first row only right above it (higher up, the header's lines)."""
    if aligned.is_numbered(lines[k]) or aligned.gaps(lines[k]) or not (
            pending or aligned.opens_a_label(lines[k])):
        return False
    return numbered[-1] > k and (k > numbered[0] or k + 1 == numbered[0] or pending)


def _rows(lines: Sequence[str], i: int, stop: int) -> tuple[list[TabRow], int]:
    """The rows of the block of one separator (tabs, or pipes) from line i on, and the index
    after it; blank lines and a markdown rule go on with the block, and so does a table
    going on over a page break (_next_page_rows)."""
    tabs = is_tab_line(lines[i])
    rows: list[TabRow] = []
    j, broken = i, False
    while j < stop:
        text = lines[j]
        cells = split_cells(text)
        if cells is not None and is_tab_line(text) == tabs:
            row = TabRow(j + 1, [blank_markup(c).strip() for c in cells], text, cells)
            joined = _row_end(rows[-1], row) if broken and rows else None
            if joined is not None:
                rows[-1] = joined
            else:
                rows.append(row)
            broken = False
        elif text.strip(" ") == PAGE_MARK:
            broken = True
        elif text.strip() and not _is_rule(text):
            on = _next_page_rows(lines, rows[-1].line, j, stop, len(rows[-1].cells)) \
                if tabs and rows else None
            if on is None:
                break
            j = on
            continue
        j += 1
    return rows, j


def _row_end(before: TabRow, row: TabRow) -> TabRow | None:
    """A page's first row that only goes on with the words of the last row before the break
    (in its text cells, no value of its own) ends that row: the row before with those words
    joined to its cells, its values and its line kept. None: a row of its own."""
    filled = [k for k, cell in enumerate(row.cells) if cell]
    if len(row.cells) != len(before.cells) or not filled or any(
            not before.cells[k] or _VALUE_CELL_RE.fullmatch(before.cells[k]) for k in filled):
        return None
    cells = [f"{cell} {row.cells[k]}" if k in filled else cell
             for k, cell in enumerate(before.cells)]
    return before._replace(cells=cells)


# a cell holding a value: a number, a range, a comparator before it, a percent after it
_VALUE_CELL_RE = re.compile(r"[<>≤≥=~]?\s*\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s*%?")


SPLIT_ROW_LINES = 12  # lines a row split by a page break may leave on either page


def _next_page_rows(lines: Sequence[str], after: int, j: int, stop: int, width: int
                    ) -> int | None:
    """Where a table of `width` cells whose last row is line `after` (1-based) goes on, when
    line j, no row, stands by a page break: a PDF's table is found page by page, a page may
    open with its number or running title, and a row the break splits is left as text on
    both pages (those lines are skipped, their values unread). None: no page mark near, or
    no row of that width after it."""
    mark = next((k for k in range(after, min(stop, j + SPLIT_ROW_LINES))
                 if lines[k].strip(" ") == PAGE_MARK), None)
    if mark is None:
        return None
    for k in range(max(mark, j) + 1, min(stop, max(mark, j) + 1 + SPLIT_ROW_LINES)):
        if is_tab_line(lines[k]):
            return k if len(lines[k].split("\t")) == width else None
    return None


def _data_start(rows: list[TabRow]) -> int:
    """Header rows come before the first row with a small row number in its first cells."""
    return next((k for k, row in enumerate(rows)
                 if any(_ROW_NUMBER_RE.fullmatch(c) for c in row.cells[:3])), len(rows))


def read(spot: Spot) -> ShapeRead:
    line = spot.lines[spot.i]
    if split_cells(line) is None:
        rows, j = _aligned_rows(spot.lines, spot.i)
        return ShapeRead(end=j, tab_table=_numbered(spot, rows[:_data_start(rows)],
                                                    rows[_data_start(rows):]))
    rows, j = _rows(spot.lines, spot.i, len(spot.lines))
    data_start = _data_start(rows)
    if data_start == 0 or data_start == len(rows):
        return _without_row_numbers(spot, rows, j)
    table = _numbered(spot, rows[:data_start], rows[data_start:])
    if not table.columns:
        return _cells_as_prose(rows[data_start:], j)
    return ShapeRead(end=j, tab_table=table)


def _cells_as_prose(rows: list[TabRow], end: int) -> ShapeRead:
    """A numbered table without a column of values (a plan's tasks or goals: "Tuổi thọ trung
    bình đạt 74,5 tuổi" | "Sở Y tế" | "Tháng 9/2030"): each cell read like prose, dated by its
    row's time cell, or else by its section, as pipe rows are."""
    segments = []
    for row in rows:
        years = [y for c in row.cells if (y := time_cell_year(c))]
        for cell, raw in zip(row.cells, row.raw_cells, strict=True):
            if cell and time_cell_year(cell) is None and not _ROW_NUMBER_RE.fullmatch(cell):
                segments.append(Segment.from_lines("tab_row", [(row.line, blank_markup(raw))],
                                                   context_year=years[-1] if years else None))
    return ShapeRead(end=end, segments=segments, in_sections=True)


def _without_row_numbers(spot: Spot, rows: list[TabRow], end: int) -> ShapeRead:
    """A header that names years still makes the block a table; the rows it leaves are read
    like prose, dated by the plan's last year."""
    table = find_table(Prefix(spot.lines, rows[-1].line), rows[0].line - 1, spot.words,
                       spot.period_end)
    if table is None and _data_start(rows) == 0:
        # numbered rows going on from a table above (after a section's row of one cell),
        # with no header of their own: a plan's goals or tasks, as that table's
        return _cells_as_prose(rows, end)
    after = table.end if table is not None else -1
    segments = [_as_prose(row, spot.period_end) for row in rows if row.line > after]
    return ShapeRead(end=end, table=table, segments=segments)


def _as_prose(row: TabRow, period_end: int) -> Segment:
    cleaned = blank_markup(" ".join(row.raw_cells))
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
