"""Years down the rows: "2015 17,24 5,69 11,55" under column labels that name the indicators
(a statistics page), read into the same `Table` as any other: a year column per year row and
a row per column label.

A yearbook also stacks blocks of year rows under one header of breakdown columns ("Tổng số" /
"Thành thị" / "Nông thôn"): each block opens with the name of its indicator (and its English),
and only the total column is the province's value."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from vnhealth.extract.shapes.blocks import block_rows, breakdown_block
from vnhealth.extract.shapes.header import DIGITS_RE, HEADER_REST_RE, YEAR_DIGITS_RE
from vnhealth.extract.shapes.records import (
    Cell,
    Row,
    ShapeRead,
    Spot,
    Table,
    TableShape,
    YearColumn,
)
from vnhealth.extract.shapes.rows import (
    CELL_SPLIT_RE,
    LABEL_UNIT_RE,
    TOKEN_RE,
    ValueToken,
    is_block_label,
    row_role,
    value_token,
)
from vnhealth.extract.shapes.words import TableWords
from vnhealth.extract.shapes.year_table import statistics_kind, title_above
from vnhealth.inputs.text import is_noise_line, lite

_YEAR_FIRST_RE = re.compile(
    r"^\s*(?P<pre>[^\d]{0,40}?)\s*(?P<year>(?:19|20)\d\d)\s+(?P<rest>\S.*)$")
_MAX_LABEL_LOOKUP = 24  # lines above the first year row that may hold the column labels


class YearRow(NamedTuple):
    """A row that opens with its year and holds nothing else but values."""

    line: int  # 0-based
    year: int
    kind_hint: str | None
    year_start: int  # offset of the year in the line
    values: list[ValueToken]


class ColumnLabels(NamedTuple):
    labels: list[tuple[int, str]]  # (1-based line, label), in column order
    unit: str  # from a "Đơn vị tính" line above them; "" if none
    top: int  # 0-based index of the first line used
    block: list[str]  # the label of the block of year rows under them ("… - TOTAL")


def detect(spot: Spot) -> bool:
    """A line that is no year header but opens, within its first characters, with a year."""
    line = spot.lines[spot.i]
    first = line.lstrip()[:1]
    return spot.header is None and bool(first) and (first.isdigit() or first.isalpha()) \
        and len(line) < 300 and YEAR_DIGITS_RE.search(line, 0, 60) is not None


def _kind_before_year(pre: str, words: TableWords) -> tuple[bool, str | None]:
    """(may the year row open with this, its kind hint): only kind words ("Sơ bộ – Prel.")."""
    hint = None
    rest = lite(pre)
    if not rest.strip():
        return True, None
    for kind, pattern in (("preliminary", words.preliminary), ("actual", words.actual)):
        if pattern.search(rest):
            hint = hint or kind
            rest = pattern.sub(" ", rest)
    return hint is not None and bool(HEADER_REST_RE.match(rest)), hint


def year_row(line: str, index: int, words: TableWords) -> YearRow | None:
    """The row at a line that opens with its year and holds nothing else but two or more
    values; what stands before the year may only be kind words ("Sơ bộ – Prel. 2022")."""
    if len(line) > 300:
        return None
    m = _YEAR_FIRST_RE.match(line)
    if not m:
        return None
    ok, hint = _kind_before_year(m.group("pre"), words)
    if not ok:
        return None
    values = []
    base = m.start("rest")
    for tok in TOKEN_RE.finditer(m.group("rest")):
        is_cell, cell = value_token(tok.group(0))
        if not is_cell:
            return None
        values.append(ValueToken(tok.group(0), cell, base + tok.start(), base + tok.end()))
    if len(values) < 2 or sum(v.value is not None for v in values) == 0:
        return None
    return YearRow(index, int(m.group("year")), hint, m.start("year"), values)


def _column_labels(lines: Sequence[str], i: int, n: int, words: TableWords
                   ) -> ColumnLabels | None:
    """The n column labels above line i, nearest last: one line split into n cells by runs of
    spaces or tabs, or n label lines (English translation lines skipped); with the unit of a
    "Đơn vị tính" line and the index of the first line used."""
    labels: list[tuple[int, str]] = []
    block: list[str] = []
    unit = ""
    j = i - 1
    while j >= 0 and i - j <= _MAX_LABEL_LOOKUP and len(labels) < n:
        s = lines[j].strip()
        j -= 1
        if not s or is_noise_line(s):
            continue
        if not labels and not DIGITS_RE.search(s) and is_block_label(s) and (
                not s.isascii() or " - " in s):  # "Nam - Male" is a block label too
            block.append(s)  # "TỶ SUẤT CHUNG - TOTAL": the block's own label
            continue
        line_unit = _unit_line(s, words)
        if line_unit is not None:
            unit = line_unit or unit
            continue
        if unit and labels:
            # above the unit line stands the title, not more column labels: one line of names
            # in single spaces is split where each name begins ("Tỷ suất sinh thô Tỷ suất chết
            # thô …"); when that does not give n names, the table holds its numbers unread
            # rather than give them to the wrong names
            return _run_together(labels, n, unit, block) or ColumnLabels(
                [(labels[0][0], "")] * n, unit, labels[0][0] - 1, block)
        if words.is_english(s):
            continue  # the English of a bilingual table
        cells = [c.strip() for c in CELL_SPLIT_RE.split(s) if c.strip()]
        one_line = None if labels else _one_line_names(s, cells, n, words)
        if one_line is not None:
            return ColumnLabels([(j + 2, c) for c in one_line], unit, j + 1, block)
        if len(s) > 80 or DIGITS_RE.search(s) or len(cells) != 1:
            return None
        labels.insert(0, (j + 2, s))
    if len(labels) != n:
        return None
    return ColumnLabels(labels, unit, labels[0][0] - 1, block)


# a capitalised word (not an acronym) after a lower-case one: where a name begins in a line of
# column names run together in single spaces
_NAME_START_RE = re.compile(r"(?<=[^\W\d_]) (?=[^\W\d_](?:[^\W\d_]*[^\W\d\sA-ZĐ_]))")


def _run_together(labels: list[tuple[int, str]], n: int, unit: str, block: list[str]
                  ) -> ColumnLabels | None:
    """One label line holding n names in single spaces, each opening with a capital ("Tỷ
    suất sinh thô Tỷ suất chết thô Tỷ lệ tăng tự nhiên"): the n names, or None."""
    line, text = labels[-1]
    starts = [0] + [m.end() for m in _NAME_START_RE.finditer(text) if text[m.end()].isupper()]
    cells = [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    if len(labels) == 1 and len(cells) == n:
        return ColumnLabels([(line, c) for c in cells], unit, line - 1, block)
    return None


def _one_line_names(s: str, cells: list[str], n: int, words: TableWords) -> list[str] | None:
    """The n column names of one header line: its cells split by runs of spaces or tabs
    (in Vietnamese), else its capitalised names run together (:func:`_capitalised_names`)."""
    if len(cells) == n and all(not c.isascii() or len(c) < 3 for c in cells):
        return cells
    return _capitalised_names(s, n, words) if len(cells) == 1 else None


def _capitalised_names(text: str, n: int, words: TableWords) -> list[str] | None:
    """The n column names of a header line run together in single spaces, each opening with
    a capitalised word outside brackets ("Năm Dân số % Dân số cả nước … Tỷ lệ tăng dân số (%)
    Tỷ suất sinh Tuổi thọ trung bình"): a "%" before such a word opens a name too, and a
    first name that is the year column's own ("Năm", "Year") is dropped. None when that does
    not give n names."""
    names: list[list[str]] = []
    depth = 0
    tokens = text.split()
    for k, tok in enumerate(tokens):
        starts = depth == 0 and (_opens_name(tok) or tok == "%" and k + 1 < len(tokens)
                                 and _opens_name(tokens[k + 1]))
        if starts and not (names and names[-1] == ["%"]):
            names.append([])
        if not names:
            return None
        names[-1].append(tok)
        depth = max(0, depth + tok.count("(") - tok.count(")"))
    cells = [" ".join(name) for name in names]
    if len(cells) == n + 1 and words.header.fullmatch(lite(cells[0])):
        cells = cells[1:]
    return cells if len(cells) == n else None


def _opens_name(token: str) -> bool:
    """A capitalised word, not an acronym: "Tỷ", "Dân" (not "KHHGĐ", "(Nam")."""
    return len(token) > 1 and token[0].isupper() and token[1].islower()


def _unit_line(s: str, words: TableWords) -> str | None:
    """The unit a line states ("Đơn vị tính - Unit: ‰", "‰"), "" for a unit line naming none
    after its words; None for another line."""
    if words.unit_line.search(lite(s)):
        return re.sub(r"^.*?(?:unit\s*[:\-–]?\s*)", "", s, flags=re.IGNORECASE).strip()
    return s if s in ("‰", "%") else None


def _year_rows(lines: Sequence[str], i: int, words: TableWords) -> list[YearRow] | None:
    """The year rows from line i on, each with as many values as the first; None when line i
    is not the first of them or fewer than two distinct years follow."""
    first = year_row(lines[i], i, words)
    if first is None:
        return None
    k = i - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    if k >= 0 and year_row(lines[k], k, words) is not None:
        return None  # read from the first year row only
    rows: list[YearRow] = []
    j = i
    while j < len(lines):
        if not lines[j].strip():
            j += 1
            continue
        r = year_row(lines[j], j, words)
        # a row may end short (a column not yet published for early years): its cells are the
        # first ones, left to right
        if r is None or len(r.values) > len(first.values):
            break
        rows.append(r)
        j += 1
    years = [r.year for r in rows]
    if len(rows) < 2 or len(set(years)) != len(years):
        return None
    return rows


def _read_block(spot: Spot, year_rows: list[YearRow]) -> ShapeRead | None:
    """A block of year rows under a breakdown header: one row, the block's name, with the
    total column's value for each year; and a part's row for each breakdown column, when the
    header names each on its own line."""
    lines, i, words = spot.lines, spot.i, spot.words
    block = breakdown_block(lines, i, words)
    if block is None:
        return None
    columns = [YearColumn(r.year, r.kind_hint, r.line + 1, r.year_start, r.year_start + 4)
               for r in year_rows]
    rows = block_rows(block, [[(r.line, v) for v in r.values] for r in year_rows], words)
    title, _unit = title_above(lines, block.header, words)
    end = year_rows[-1].line + 1
    table = Table("years_down", columns, rows, title, block.unit,
                  statistics_kind(columns, title, words), i, end)
    return ShapeRead(end=end, table=table)


def read(spot: Spot) -> ShapeRead | None:
    lines, i, words = spot.lines, spot.i, spot.words
    year_rows = _year_rows(lines, i, words)
    if year_rows is None:
        return None
    found = _column_labels(lines, i, len(year_rows[0].values), words)
    if found is None:
        return _read_block(spot, year_rows)
    columns = [YearColumn(r.year, r.kind_hint, r.line + 1, r.year_start, r.year_start + 4)
               for r in year_rows]
    # under a breakdown's block label ("Thành thị - Urban") the rows are no province's: each
    # is that part's, named with the block's label, and read only as a subgroup's indicator
    province = not found.block or any(words.totals.search(lite(b)) for b in found.block)
    rows = []
    for c, (label_line, label) in enumerate(found.labels):
        m = LABEL_UNIT_RE.search(label)
        row = Row(label=label if province else f"{label} – {found.block[0]}",
                  lines=[label_line], unit_text=m.group(1).strip() if m else "",
                  role=row_role(label, words) if province else "subgroup")
        for col, r in enumerate(year_rows):
            if c < len(r.values):
                text, value, s0, e0 = r.values[c]
                row.cells.append(Cell(text, value, col, r.line + 1, s0, e0))
        rows.append(row)
    title, title_unit = title_above(lines, found.top, words)
    end = _later_blocks(lines, year_rows[-1].line + 1, len(found.labels), words)
    table = Table("years_down", columns, rows, title, found.unit or title_unit,
                  statistics_kind(columns, title, words), i, end)
    return ShapeRead(end=end, table=table)


def _later_blocks(lines: Sequence[str], j: int, n: int, words: TableWords) -> int:
    """The end of the breakdown blocks after the first ("Thành thị - Urban" and its year rows
    of n values): taken with the table, their numbers are no province value, nor prose."""
    while True:
        k = j
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k >= len(lines) or not is_block_label(lines[k]) or DIGITS_RE.search(lines[k]):
            return j
        k += 1
        while k < len(lines) and not lines[k].strip():
            k += 1
        rows = _year_rows(lines, k, words) if k < len(lines) else None
        if rows is None or len(rows[0].values) != n:
            return j
        j = rows[-1].line + 1


SHAPE = TableShape("years_down", detect, read)
