"""Reading a table under a header that names years, shared by the shapes of such headers:
its year columns, its rows, its title and unit above it, and whether it reports actuals."""

from __future__ import annotations

import re
from collections.abc import Sequence

from vnhealth.extract.shapes import aligned
from vnhealth.extract.shapes.header import header_run, holds_no_cell, year_columns
from vnhealth.extract.shapes.records import HeaderLine, Row, ShapeRead, Spot, Table, YearColumn
from vnhealth.extract.shapes.rows import MAX_LABEL, RowReader, value_token
from vnhealth.extract.shapes.words import TableWords
from vnhealth.inputs.text import is_noise_line, lite

_ENGLISH_WORD_RE = re.compile(r"[A-Za-z]{4,}")


def read_year_table(spot: Spot, shape: str, by_position: bool,
                    columns: list[YearColumn] | None = None, least: int = 2,
                    run: list[HeaderLine] | None = None) -> ShapeRead | None:
    """The table whose header starts at the spot (its year columns read from the header run,
    its lines from the spot on unless given), or None when a year repeats under one kind,
    fewer than `least` are named or no row holds a value."""
    lines, i, words = spot.lines, spot.i, spot.words
    run = run or header_run(lines, i, words)
    if columns is None:
        columns = year_columns(run, by_position)
    compared: list[YearColumn] = []
    if by_position:
        compared = _comparisons(lines, run[0].index, run[-1].index, columns, words)
        columns = [c for c in columns if c not in compared]
    # a year may stand twice under two kinds ("Mục tiêu đến năm 2015" beside "Thực tế thực
    # hiện … 2015"), never twice under one
    if len({(c.year, c.kind_hint) for c in columns}) != len(columns) or len(columns) < least:
        return None
    leading = 0
    if not by_position and len({c.line for c in columns}) == len(columns):
        leading = leading_word_columns(lines, run[0].index, run[-1].index + 1, len(columns))
    reader = RowReader(lines, columns, by_position, words, ignored=compared, leading=leading)
    end = reader.read(run[-1].index + 1)
    rows = [r for r in reader.rows if r.cells]
    if not rows:
        return None
    mark_sub_rows(rows)
    title, unit = title_above(lines, i, words)
    statistics = (any(c.kind_hint == "preliminary" for c in columns)
                  or bool(words.statistics.search(lite(title)))
                  or _source_line_below(lines, end, words) or _bilingual(lines, rows))
    table = Table(shape, columns, rows, title, unit, "actual" if statistics else None, i, end)
    return ShapeRead(end=table.end, table=table)


COMPARISON_ABOVE = 3  # lines above a header where a comparison cell may stand over it
LEADING_SCAN = 400  # lines of a table's body read to count its rows' cells
MAX_WORD_HEADER = 60  # a longer line above the years is no header cell


def leading_word_columns(lines: Sequence[str], first_year: int, body: int, years: int) -> int:
    """A table flattened one cell per line whose header names word columns before its years
    ("Dien Bien" / "Hoa Binh" / "2011" / "2012"): each row's label is followed by as many
    cells as the header has columns. When every row (two at least) holds the same number of
    cells, more than the years, and as many word cells stand right above the first year, the
    first cells of each row are those columns' (0 otherwise)."""
    runs: list[int] = []
    count, labelled = 0, False
    for line in lines[body:body + LEADING_SCAN]:
        s = line.strip()
        if not s or holds_no_cell(line):
            continue
        if value_token(s)[0]:
            count += 1
            continue
        if len(s) > MAX_LABEL:
            break
        if labelled and count:
            runs.append(count)
        count, labelled = 0, True
    if labelled and count:
        runs.append(count)
    if len(runs) < 2 or len(set(runs)) != 1 or runs[0] <= years:
        return 0
    leading = runs[0] - years
    above = [s for s in (x.strip() for x in lines[max(0, first_year - 3 * leading):first_year])
             if s]
    words = above[-leading:]
    fits = len(words) == leading and all(len(w) <= MAX_WORD_HEADER and not value_token(w)[0]
                                         for w in words)
    return leading if fits else 0


def _comparisons(lines: Sequence[str], first: int, last: int, columns: list[YearColumn],
                 words: TableWords) -> list[YearColumn]:
    """The columns under a cell comparing two others ("Ước năm 2024 so với (%)" over "năm
    2023  năm 2024"): in a table laid out by position, a comparison cell on a line above a
    column's year, over its place, makes its cells ratios."""
    cells = [(k, m.span()) for k in range(max(0, first - COMPARISON_ABOVE), last + 1)
             for m in aligned.CELL_RE.finditer(lines[k])
             if words.comparison.search(lite(m.group(0)))]
    return [c for c in columns
            if any(k < c.line - 1 and a < c.end and c.start < b for k, (a, b) in cells)]


def laid_out_by_position(spot: Spot) -> bool:
    """Years set apart by runs of spaces: the table is laid out by position."""
    run = header_run(spot.lines, spot.i, spot.words)
    return any(re.search(r"\d {2,}\S|\S {2,}(?:19|20)\d\d", spot.lines[h.index]) for h in run)


def wraps_in_reading_order(spot: Spot) -> bool:
    """A header over several lines whose years, set apart by single spaces, rise in reading
    order ("Sơ bộ" / "2015 2016 2017 2018" / "Prel. 2019"): a PDF's text of one header row
    whose last cell stands over several lines, not a layout by position."""
    if spot.header is None:
        return False
    run = header_run(spot.lines, spot.i, spot.words)
    if len(run) < 2 or not any(len(h.years) >= 2 for h in run) or laid_out_by_position(spot):
        return False
    years = [y for h in run for y, _s, _e in h.years]
    return all(a < b for a, b in zip(years, years[1:], strict=False))


def statistics_kind(columns: Sequence[YearColumn], title: str, words: TableWords
                    ) -> str | None:
    """"actual" for a statistics table (a preliminary column, a yearbook's title), else None:
    the kind hint of a table whose rows open with or run under their years."""
    statistics = (any(c.kind_hint == "preliminary" for c in columns)
                  or bool(words.statistics.search(lite(title))))
    return "actual" if statistics else None


def title_above(lines: Sequence[str], start: int, words: TableWords) -> tuple[str, str]:
    """(title, unit) from the lines just above a header: up to six, stopping at prose."""
    title: list[str] = []
    unit = ""
    j = start - 1
    while j >= 0 and len(title) < 6 and start - j <= 12:
        s = lines[j].strip()
        j -= 1
        if not s or is_noise_line(s):
            continue
        if len(s) > 160 or s.endswith((".", ";")) or "\t" in s:
            break
        m = words.unit_line.search(lite(s))
        if m:
            unit = re.sub(r"^[\s:\-–]*(?:unit\s*[:\-–]?\s*)?", "", s[m.end():],
                          flags=re.IGNORECASE).strip() or unit
            continue
        title.insert(0, s)
    return " ".join(title), unit


def _source_line_below(lines: Sequence[str], end: int, words: TableWords) -> bool:
    """The first lines under a table name a statistics office as its source ("Cục Thống kê
    …", "Nguồn: Niên giám thống kê"): the table reports actuals."""
    seen = 0
    for j in range(max(end, 0), min(len(lines), end + 8)):
        s = lines[j].strip()
        if not s:
            continue
        if words.statistics.search(lite(s)) and len(s) <= 120:
            return True
        seen += 1
        if seen >= 2:
            break
    return False


def _bilingual(lines: Sequence[str], rows: list[Row]) -> bool:
    """Row labels followed by their English translation (ASCII lines such as "Doctor per
    10000 inhabitants (Person)"): a statistical yearbook's layout, which reports actuals."""
    english = 0
    for r in rows:
        texts = [lines[n - 1].strip() for n in r.lines]
        if any(len(t) > 12 and t.isascii() and _ENGLISH_WORD_RE.search(t) for t in texts):
            english += 1
    return english >= 2 and english * 2 >= len(rows)


def mark_sub_rows(rows: list[Row]) -> None:
    """Under a total row, the other rows break the total down (districts, sexes, areas):
    none of them is the province."""
    if any(r.role == "total" for r in rows):
        for r in rows:
            if r.role == "row":
                r.role = "sub"
