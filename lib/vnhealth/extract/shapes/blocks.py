"""A yearbook's blocks of year rows under one header of breakdown columns ("Tổng số" /
"Thành thị" / "Nông thôn"): each block opens with the name of its indicator (and its
English), and only the total column is the province's value. The years-down rows and the
one-cell-per-line year records are both set so; this module finds a block's name and header
and makes its rows, for either shape."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from vnhealth.extract.shapes.header import DIGITS_RE
from vnhealth.extract.shapes.records import Cell, Row
from vnhealth.extract.shapes.rows import CELL_SPLIT_RE, ValueToken, row_role
from vnhealth.extract.shapes.words import TableWords
from vnhealth.extract.shapes.year_table import title_above
from vnhealth.inputs.text import is_noise_line, lite

_MAX_LABEL_LOOKUP = 24  # lines above a header that may hold the table's title
# filled lines above a block's year rows that may hold the table's header: the blocks before
# it stand between (a yearbook's one cell per line sets a block of eight years in 50)
_MAX_BLOCK_LOOKUP = 200


class Block(NamedTuple):
    """The name of a block of year rows and the header of breakdown columns over it."""

    label: tuple[int, str]  # (1-based line, the indicator's name)
    unit: str  # from a "Đơn vị tính" line over the header; "" if none
    header: int  # 0-based index of the header line whose first cell is the total
    # the breakdown cells after the total, left to right, when the header sets each on its own
    # line ("Nam - Male", "Nữ - Female"); empty when they are not told apart
    parts: tuple[str, ...] = ()


def _filled_lines_up(lines: Sequence[str], i: int, limit: int) -> Iterator[tuple[int, str]]:
    """(index, stripped text) of the filled lines above line i, nearest first, at most limit."""
    seen = 0
    for j in range(i - 1, -1, -1):
        s = lines[j].strip()
        if s:
            seen += 1
            if seen > limit:
                return
            yield j, s


def breakdown_block(lines: Sequence[str], i: int, words: TableWords) -> Block | None:
    """The block over the year rows at line i: its name on the nearest line above (English
    lines skipped), then, further up, past other blocks, a header line opening with a total
    cell ("Tổng số  Chia ra"); None when either is missing. Right under the header (its
    lower line of breakdowns, "Thành thị - Urban   Nông thôn - Rural"), the block is the
    table's one indicator, named by the title."""
    label: tuple[int, str] | None = None
    parts: list[str] = []  # breakdown cells each on its own line, bottom up
    for j, s in _filled_lines_up(lines, i, _MAX_BLOCK_LOOKUP):
        if is_noise_line(s) or (s.isascii() and label is None):
            continue
        cells = [c for c in CELL_SPLIT_RE.split(s) if c.strip()]
        total = words.totals.match(lite(cells[0].strip()))
        if total and (len(cells) >= 2 or total.end() == len(cells[0].strip())):
            # the total cell with the others on its line, or alone on it ("Tổng số" over
            # "Total", "Nam - Male", "Nữ - Female": a PDF's header cell by cell)
            label = label or _title_label(lines, j, words)
            above = title_above(lines, j, words)[1]
            alone = len(cells) == 1 and not DIGITS_RE.search(" ".join(parts))
            return Block(label, above, j, tuple(reversed(parts)) if alone else ()) \
                if label is not None else None
        if label is not None and (not words.is_english(s) or " - " in s) and len(cells) == 1:
            # a breakdown cell between the header's total and the title ("Nam - Male": in two
            # languages, ASCII perhaps; a line in English alone is a cell's translation)
            parts.append(s)
        if label is None:
            if len(cells) >= 2 and not DIGITS_RE.search(s):
                continue  # the header's line of breakdowns, under its total cell
            numbered = _NUMBERED_TITLE_RE.match(s)
            if numbered and not DIGITS_RE.search(s, numbered.end()):
                # the table's numbered title, set by the PDF's text between its header and
                # its rows ("22. Tỷ suất chết của trẻ em dưới một tuổi phân theo giới tính")
                label = (j + 1, s[numbered.end():].strip())
                continue
            if len(s) > 80 or DIGITS_RE.search(s) or len(cells) != 1:
                return None
            label = (j + 1, s)
    return None


_TABLE_NUMBER_RE = re.compile(r"^\s*\d{1,3}(?:\.\d{1,2})?\s+(?=\D)")  # "26     Tổng tỷ suất …"
_NUMBERED_TITLE_RE = re.compile(r"^\s*\d{1,3}\.\s+(?=[^\W\d_])")  # "22. Tỷ suất chết …"


def _title_label(lines: Sequence[str], header: int, words: TableWords
                 ) -> tuple[int, str] | None:
    """(1-based line, name) of the title above a header: its nearest line in Vietnamese,
    past the unit line and the English, the table's number taken off; None if none."""
    for j in range(header - 1, max(-1, header - _MAX_LABEL_LOOKUP), -1):
        s = lines[j].strip()
        if not s or is_noise_line(s) or s.isascii() or words.unit_line.search(lite(s)):
            continue
        name = _TABLE_NUMBER_RE.sub("", s).strip()
        return (j + 1, name) if name and len(name) <= 160 else None
    return None


def block_rows(block: Block, records: list[list[tuple[int, ValueToken]]], words: TableWords
               ) -> list[Row]:
    """The rows of a block under a breakdown header, from each year's (0-based line, value)
    cells: the block's name with the total column's values; and a part's row for each
    breakdown column, when the header names each on its own line."""
    label_line, label = block.label
    rows = [Row(label=label, lines=[label_line], unit_text="", role=row_role(label, words))]
    if len(block.parts) == len(records[0]) - 1:
        # each breakdown column a part's row ("… – Nam - Male"), read only as that part's
        rows += [Row(label=f"{label} – {part}", lines=[label_line], unit_text="",
                     role="subgroup") for part in block.parts]
    for k, row in enumerate(rows):
        for col, cells in enumerate(records):
            if k < len(cells):
                line, (text, value, s0, e0) = cells[k]
                row.cells.append(Cell(text, value, col, line + 1, s0, e0))
    return rows
