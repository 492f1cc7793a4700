"""Year records, one cell per line: a year alone on its line, then the year's values one per
line, again for each year ("2010" / "15,11" / "6,11" / "9,00" / "2011" / …), under column
labels that name the indicators (a yearbook page's text). Read into the same `Table` as any
other: a year column per record and a row per column label.

A yearbook repeats the records for each breakdown ("TỔNG SỐ - TOTAL", then "Thành thị -
Urban", "Nông thôn - Rural"): only the first block is the province's, and only when its own
label is a total or it has none; the blocks after it are read as sub rows, so that their
numbers are not read as prose."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from vnhealth.extract.shapes.blocks import block_rows, breakdown_block
from vnhealth.extract.shapes.header import header_line
from vnhealth.extract.shapes.records import (
    Cell,
    Row,
    ShapeRead,
    Spot,
    Table,
    TableShape,
    YearColumn,
)
from vnhealth.extract.shapes.rows import ValueToken, is_block_label, row_role, value_token
from vnhealth.extract.shapes.words import TableWords
from vnhealth.extract.shapes.year_table import statistics_kind, title_above
from vnhealth.inputs.text import is_noise_line, lite

_MAX_LABEL_LOOKUP = 24  # filled lines above the first record that may hold the column labels
_MAX_BLANKS = 2  # blank lines that may stand between two cells
# a cell a scan garbled: digits with letters read for digits ("l979", "38, l", "3l,3")
_DAMAGED_CELL_RE = re.compile(r"[\dlIO|](?:[\dlIO|]|[.,]\s?|\s(?=[\dlIO|])){0,7}\s?\.?")
_PER_N_RE = re.compile(r"/\s*\d[\d.,]*")  # the "per N" of a label's unit
_OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0"})
# a label line holding several labels: a new one starts at a capitalised word ("Tỷ suất chết
# thô Tỷ lệ tăng tự nhiên"); a word in capitals ("HIV") starts none
_LABEL_START_RE = re.compile(r"\s+(?=[A-ZÀ-ỸĐ][a-zà-ỹđ])")


class Record(NamedTuple):
    year: int
    kind_hint: str | None
    line: int  # 0-based line of the year
    span: tuple[int, int]  # the year's offsets in its line
    values: list[tuple[int, ValueToken]]  # (0-based line, the value)


def _lone_value(line: str) -> ValueToken | None:
    """The value a line holds alone ("15,11", "-0,83", "…"), or None."""
    text = line.strip()
    if not text or " " in text:
        return None
    ok, cell = value_token(text)
    if not ok:
        return None
    start = line.index(text)
    return ValueToken(text, cell, start, start + len(text))


def _damaged_cell(line: str) -> ValueToken | None:
    """A cell alone on its line whose digits a scan garbled ("38, l", "3l,3"): it holds its
    column's place without a value, for review rather than a guess."""
    text = line.strip()
    if not any(ch.isdigit() for ch in text) or not _DAMAGED_CELL_RE.fullmatch(text):
        return None
    start = line.index(text)
    return ValueToken(text, None, start, start + len(text))


def _is_year_line(line: str, index: int, words: TableWords) -> bool:
    head = header_line(line, index, words)
    return head is not None and bool(head.years)


def _cell(line: str) -> ValueToken | None:
    return _lone_value(line) or _damaged_cell(line)


def _year_at(lines: Sequence[str], j: int, words: TableWords, previous: int | None
             ) -> tuple[int, int, int, str | None] | None:
    """(year, start, end, kind hint) of a record's year line; a year a scan garbled ("l979",
    "198 l") counts when it follows the record before it (its neighbours confirm it)."""
    head = header_line(lines[j], j, words) if lines[j].strip() else None
    if head is not None and len(head.years) == 1:
        year, start, end = head.years[0]
        return year, start, end, (head.hints[0][0] if head.hints else None)
    text = lines[j].strip()
    repaired = text.translate(_OCR_DIGITS).replace(" ", "")
    if previous is None or not _DAMAGED_CELL_RE.fullmatch(text) \
            or not re.fullmatch(r"(?:19|20)\d\d", repaired) or int(repaired) <= previous:
        return None
    start = lines[j].index(text)
    return int(repaired), start, start + len(text), None


def _filled(lines: Sequence[str], k: int) -> int:
    """The first line from k that is not blank, past at most _MAX_BLANKS blank ones (a page
    that sets each cell in its own paragraph); len(lines) when there is none."""
    for n in range(_MAX_BLANKS + 1):
        if k + n >= len(lines):
            break
        if lines[k + n].strip():
            return k + n
    return len(lines)


def _records(lines: Sequence[str], i: int, words: TableWords) -> tuple[list[Record], int]:
    """The records from line i on, each with as many values as the first, and the index of
    the line after the last; kind-word lines ("Sơ bộ", "- Prel") may stand before a year."""
    records: list[Record] = []
    j, hint = i, None
    while j < len(lines):
        head = header_line(lines[j], j, words) if lines[j].strip() else None
        if head is not None and not head.years:
            hint = hint or head.hints[0][0]
            j = _filled(lines, j + 1)
            continue
        year = _year_at(lines, j, words, records[-1].year if records else None)
        if year is None:
            break
        values = _values(lines, j + 1, words, len(records[0].values) if records else None)
        if not values or (records and len(values) != len(records[0].values)):
            break
        records.append(Record(year[0], hint or year[3], j, (year[1], year[2]), values))
        j, hint = _filled(lines, values[-1][0] + 1), None
    return records, (records[-1].values[-1][0] + 1 if records else i)


def _values(lines: Sequence[str], k: int, words: TableWords, n: int | None
            ) -> list[tuple[int, ValueToken]]:
    """A record's values from line k: cells alone on their lines up to the next year (or,
    once n are read, the record's end)."""
    values: list[tuple[int, ValueToken]] = []
    k = _filled(lines, k)
    while k < len(lines) and (n is None or len(values) < n) \
            and not _is_year_line(lines[k], k, words) and (cell := _cell(lines[k])) is not None:
        values.append((k, cell))
        k = _filled(lines, k + 1)
    return values


def _labels(lines: Sequence[str], i: int, n: int, words: TableWords
            ) -> tuple[list[tuple[int, str]], list[str], int] | None:
    """The n column labels above line i (English lines skipped, a line of several labels
    split), the block label lines between them and the records ("TỔNG SỐ - TOTAL", "Toàn
    Thành"), and the index of the first label line; None when there are not exactly n."""
    labels: list[tuple[int, str]] = []
    block: list[str] = []
    j, filled = i - 1, 0
    while j >= 0 and filled < _MAX_LABEL_LOOKUP and len(labels) < n:
        s = lines[j].strip()
        j -= 1
        if not s or is_noise_line(s):
            continue  # blank lines do not count: a page may set a dozen between
        filled += 1
        if any(ch.isdigit() for ch in _PER_N_RE.sub("", s)) or len(s) > 80:
            return None  # a value or a year, not a label ("Tỷ lệ mắc/100.000 dân" is one)
        if is_block_label(s) or (not labels and row_role(s, words) == "total"):
            if not labels:
                block.append(s)  # "TOTAL", "TỔNG SỐ -", "Thành thị - Urban": the block's
            continue
        if words.is_english(s):
            continue  # the English of a bilingual label
        parts = [p for p in _LABEL_START_RE.split(s) if p.strip()]
        labels[:0] = [(j + 2, p.strip()) for p in parts]
    if len(labels) != n:
        return None
    return labels, block, labels[0][0] - 1


def _breakdown_labels(lines: Sequence[str], i: int, n: int, words: TableWords
                      ) -> list[tuple[int, str, str]] | None:
    """The n column labels above line i when they are a total and its breakdown ("Tổng số" /
    "Chia ra - Of which" / "Thành thị - Urban" / "Nông thôn - Rural"): (line, label, role),
    the columns the title's indicator in total and by part; None otherwise."""
    found: list[tuple[int, str, str]] = []
    j, filled = i - 1, 0
    while j >= 0 and filled < _MAX_LABEL_LOOKUP and len(found) < n:
        s = lines[j].strip()
        j -= 1
        if not s or is_noise_line(s) or words.is_english(s):
            continue  # blank lines, and the English of a bilingual label
        filled += 1
        low = lite(s)
        if words.breakdown_lead.match(low):
            continue
        if words.breakdown_columns.match(low):
            found.insert(0, (j + 2, s, "breakdown"))
        elif row_role(s, words) == "total" and len(found) == n - 1:
            found.insert(0, (j + 2, s, "total"))
        else:
            return None
    return found if len(found) == n and found[0][2] == "total" else None


def detect(spot: Spot) -> bool:
    """A line holding one year and nothing else, the next filled one a value alone."""
    head = spot.header
    if head is None or len(head.years) != 1:
        return False
    k = _filled(spot.lines, spot.i + 1)
    # the next filled line a value, not the next year of a header set one per line
    return k < len(spot.lines) and _lone_value(spot.lines[k]) is not None \
        and not _is_year_line(spot.lines[k], k, spot.words)


def read(spot: Spot) -> ShapeRead | None:
    lines, i, words = spot.lines, spot.i, spot.words
    records, end = _records(lines, i, words)
    years = [r.year for r in records]
    if len(records) < 2 or len(set(years)) != len(years):
        return None
    n = len(records[0].values)
    breakdown = _breakdown_labels(lines, i, n, words)
    found = _labels(lines, i, n, words) if breakdown is None else (
        [(line, label) for line, label, _role in breakdown], [], breakdown[0][0] - 1)
    if found is None:
        return _read_block(spot, records, end)
    labels, block, top = found
    if block and not any(words.totals.search(lite(b)) for b in block):
        return None  # a breakdown's block with no total before it: not the province's
    columns = [YearColumn(r.year, r.kind_hint, r.line + 1, *r.span) for r in records]
    rows = []
    for c, (label_line, label) in enumerate(labels):
        role = breakdown[c][2] if breakdown is not None else row_role(label, words)
        row = Row(label=label, lines=[label_line], unit_text="", role=role)
        for col, r in enumerate(records):
            k, (text, value, s0, e0) = r.values[c]
            row.cells.append(Cell(text, value, col, k + 1, s0, e0))
        rows.append(row)
    end = _later_blocks(lines, end, n, words)
    title, unit = title_above(lines, top, words)
    table = Table("year_records", columns, rows, title, unit,
                  statistics_kind(columns, title, words), i, end)
    return ShapeRead(end=end, table=table)


def _read_block(spot: Spot, records: list[Record], end: int) -> ShapeRead | None:
    """A block of records under the breakdown header of the table above ("Tỷ lệ tăng (%)"
    after the records of the average population, under "Tổng số" / "Nam" / "Nữ" / …): the
    block's name with the total column's values, as years_down reads such a block."""
    lines, words = spot.lines, spot.words
    block = breakdown_block(lines, spot.i, words)
    if block is None:
        return None
    columns = [YearColumn(r.year, r.kind_hint, r.line + 1, *r.span) for r in records]
    rows = block_rows(block, [r.values for r in records], words)
    title, _unit = title_above(lines, block.header, words)
    table = Table("year_records", columns, rows, title, block.unit,
                  statistics_kind(columns, title, words), spot.i, end)
    return ShapeRead(end=end, table=table)


def _later_blocks(lines: Sequence[str], j: int, n: int, words: TableWords) -> int:
    """The end of the breakdown blocks after the first ("Thành thị -" / "Urban" and its
    records of n values): their numbers are no province value, nor prose. A block labelled
    with a measure of its own ("Tỷ lệ tăng (%)") ends them: _read_block reads it."""
    while True:
        k = j
        while k < len(lines) and k - j < 4 and (not lines[k].strip() or (
                header_line(lines[k], k, words) is None and _lone_value(lines[k]) is None
                and not any(ch.isdigit() for ch in lines[k]) and len(lines[k]) <= 80)):
            if lines[k].strip() and not lines[k].strip().isascii() \
                    and not words.breakdown_columns.match(lite(lines[k].strip())):
                return j
            k += 1
        records, after = _records(lines, k, words)
        if len(records) < 2 or len(records[0].values) != n:
            return j
        j = after


SHAPE = TableShape("year_records", detect, read)
