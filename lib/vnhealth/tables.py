"""Tables whose header names years, in any layout, read into typed `Table` records.

A statistics page, a yearbook or a plan appendix lays a table out in many ways once it has been
through a PDF or a web page: cells split by tabs, pipes, runs of spaces or single spaces, or
one cell per line; the header's years side by side, stacked over several lines with "Sơ bộ" /
"Prel." above a year, or each on its own line. What they share is a header that names years and
rows that give a label then values. Each layout is a `TableShape`: `detect` scores how well the
header at a line fits it, `read` turns the lines into a `Table`. `find_table` tries them all.

The record keeps what pairing needs and nothing it must guess: each year column with its kind
hint (preliminary, actual, plan), each row with its label, its unit as written and its role
(the province's row, a total row, a district or the country), each value cell with its line and
its offsets in that line. The words read here (header words, "Sơ bộ", "Đơn vị tính", "Toàn
tỉnh", "Huyện") live in data/catalog/vocabulary.yaml under `tables`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from vnhealth.numbers import CellValue, parse_cell
from vnhealth.text import is_noise_line, lite, nfc

# ---------------------------------------------------------------------------------------------
# Records


@dataclass(frozen=True)
class YearColumn:
    """One value column of a table: its year and what its header says the values are."""

    year: int
    kind_hint: str | None  # preliminary | actual | plan | None (the header does not say)
    line: int  # 1-based line of the year in the header
    start: int  # offsets of the year in that line (for tables aligned by position)
    end: int


@dataclass(frozen=True)
class Cell:
    text: str  # the cell as written
    value: CellValue | None  # None for a blank marker ("-", "..") that holds a column's place
    column: int  # index into Table.columns
    line: int  # 1-based
    start: int  # offsets in the (NFC) line
    end: int


@dataclass
class Row:
    label: str
    lines: list[int]  # 1-based lines of the label and the values, in order
    unit_text: str  # a unit cell, or the "(%)" / "(người)" ending the label; "" if none
    cells: list[Cell] = field(default_factory=list)
    role: str = "row"  # row | total | sub | national: only `row` and `total` are the province's


@dataclass
class Table:
    shape: str
    columns: list[YearColumn]
    rows: list[Row]
    title: str  # the lines above the header (what a total row's values are)
    unit_text: str  # from a "Đơn vị tính: %" line; "" if none
    kind_hint: str | None  # "actual" for a statistics table (a preliminary column, a yearbook)
    start: int  # 0-based index of the first header line
    end: int  # 0-based index after the last line that holds a value

    def province_rows(self) -> list[Row]:
        return [r for r in self.rows if r.role in ("row", "total")]


# ---------------------------------------------------------------------------------------------
# The words tables use, from the catalogue's vocabulary


def _phrases_re(phrases: Sequence[str]) -> re.Pattern[str]:
    """Whole-word phrases on lite() text, longest first; never matches when empty."""
    alts = sorted({lite(nfc(p)) for p in phrases}, key=len, reverse=True)
    if not alts:
        return re.compile(r"(?!x)x")
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in alts)
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])")


@dataclass(frozen=True)
class TableWords:
    preliminary: re.Pattern[str]
    actual: re.Pattern[str]
    plan: re.Pattern[str]
    header: re.Pattern[str]
    unit_line: re.Pattern[str]
    totals: re.Pattern[str]
    national: re.Pattern[str]
    sub_rows: re.Pattern[str]
    statistics: re.Pattern[str]
    # the runs of letters of every word a header line may hold (see _could_be_header)
    header_letters: frozenset[str] = frozenset()

    @classmethod
    def from_vocabulary(cls, vocabulary: dict[str, Any]) -> TableWords:
        t = vocabulary.get("tables") or {}
        letters = frozenset(run for name in ("preliminary", "actual", "plan", "header")
                            for p in t.get(name) or [] for run in _LETTERS_RE.findall(lite(nfc(p))))
        return cls(**{name: _phrases_re(t.get(name) or []) for name in (
            "preliminary", "actual", "plan", "header", "unit_line", "totals", "national",
            "sub_rows", "statistics")}, header_letters=letters)


# ---------------------------------------------------------------------------------------------
# Header lines: nothing but years, the words a header may hold, and separators

_YEAR_RE = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?![\d,/]|\.\d)")
_HEADER_REST_RE = re.compile(r"^[\s|()\[\]:.,;*\-–/]*$")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_DIGITS_RE = re.compile(r"\d+")
_YEAR_DIGITS_RE = re.compile(r"(?:19|20)\d\d")
_MAX_HEADER_LINES = 10  # a header spread further than this is prose with years in it
_MAX_GAP = 40  # lines past the last value row a table may still continue


@dataclass(frozen=True)
class _HeaderLine:
    index: int  # 0-based
    years: list[tuple[int, int, int]]  # (year, start, end); a period "2016-2020" is its end
    hints: list[tuple[str, int, int]]  # (kind hint, start, end)


def header_line(line: str, index: int, words: TableWords) -> _HeaderLine | None:
    """The years and kind words of a line that holds nothing else, or None."""
    if len(line) > 400 or not line.strip():
        return None
    low = lite(line)
    if not _could_be_header(low, words.header_letters):
        return None
    hints: list[tuple[str, int, int]] = []
    masked = list(low)
    for kind, pattern in (("preliminary", words.preliminary), ("actual", words.actual),
                          ("plan", words.plan), (None, words.header)):
        for m in pattern.finditer("".join(masked)):
            if kind is not None:
                hints.append((kind, m.start(), m.end()))
            masked[m.start():m.end()] = " " * (m.end() - m.start())
    rest = "".join(masked)
    years = [(int(m.group(2) or m.group(1)), m.start(), m.end()) for m in _YEAR_RE.finditer(rest)]
    rest = _YEAR_RE.sub(lambda m: " " * len(m.group(0)), rest)
    if not _HEADER_REST_RE.match(rest) or not (years or hints):
        return None
    return _HeaderLine(index, years, sorted(hints, key=lambda h: h[1]))


def _could_be_header(low: str, letters: frozenset[str]) -> bool:
    """A cheap test that header_line needs to pass, run first because every line of a document
    is tried as a header. A header holds nothing but years, header words and separators: the
    header words' matches are whole-word, so each run of letters in the line is a run of letters
    of a header word, and the year matches take whole runs of digits, so each run of digits is a
    year. A prose line fails at its first other word."""
    for m in _LETTERS_RE.finditer(low):
        if m.group(0) not in letters:
            return False
    return all(_YEAR_DIGITS_RE.fullmatch(m.group(0)) for m in _DIGITS_RE.finditer(low))


def _header_run(lines: Sequence[str], i: int, words: TableWords) -> list[_HeaderLine]:
    """The header lines from line i on (blank lines between them allowed)."""
    run: list[_HeaderLine] = []
    j = i
    while j < len(lines) and j < i + _MAX_HEADER_LINES:
        if not lines[j].strip():
            j += 1
            continue
        h = header_line(lines[j], j, words)
        if h is None:
            break
        run.append(h)
        j += 1
    return run


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _hint_target(hint: tuple[str, int, int], h: _HeaderLine, run: list[_HeaderLine]
                 ) -> tuple[int, int] | None:
    """(line index, year index) a kind word belongs to: the next year on its line ("Sơ bộ
    2021"), else a year below or above it in the same place ("Prel." over "2022"), else the
    year before it on its line ("2021 (Sơ bộ)")."""
    after = [k for k, y in enumerate(h.years) if y[1] >= hint[2]]
    if after:
        return h.index, after[0]
    stacked = [(abs(o.index - h.index), -o.index, o.index, k) for o in run if o is not h
               for k, y in enumerate(o.years) if _overlap((y[1], y[2]), (hint[1], hint[2]))]
    if stacked:
        _d, _neg, line_index, k = min(stacked)
        return line_index, k
    before = [k for k, y in enumerate(h.years) if y[2] <= hint[1]]
    return (h.index, before[-1]) if before else None


def _columns(run: list[_HeaderLine], by_position: bool) -> list[YearColumn]:
    hints: dict[tuple[int, int], str] = {}
    for h in run:
        for hint in h.hints:
            target = _hint_target(hint, h, run)
            if target is not None:
                hints.setdefault(target, hint[0])
    cols = [(h.index, k, y) for h in run for k, y in enumerate(h.years)]
    if by_position:
        cols.sort(key=lambda c: (c[2][1], c[0]))
    return [YearColumn(y[0], hints.get((idx, k)), idx + 1, y[1], y[2]) for idx, k, y in cols]


# ---------------------------------------------------------------------------------------------
# Rows: a label, perhaps a unit cell, then values

_CELL_SPLIT_RE = re.compile(r"\t|\|| {2,}|\u00a0{1,}\s*")
_TOKEN_RE = re.compile(r"\S+")
_BLANK_CELL_RE = re.compile(r"^(?:-|–|—|\.{2,}|…|x|X)$")
_LABEL_UNIT_RE = re.compile(r"\(([^()\d]{1,20}|[%‰])\)\s*$")
_NUMBERING_RE = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[a-zđ]\)|[IVX]+\.|[-+•*–])\s+")
_MAX_LABEL = 200  # a longer line without values is prose: the table has ended


@dataclass
class _Line:
    label: str
    label_start: int
    unit_text: str
    values: list[tuple[str, CellValue | None, int, int]]  # (text, value, start, end)


def _value_token(text: str) -> tuple[bool, CellValue | None]:
    if _BLANK_CELL_RE.match(text):
        return True, None
    cell = parse_cell(text)
    return cell is not None, cell


def split_row(line: str, max_values: int) -> _Line:
    """A row's label, unit cell and trailing values (at most `max_values`), by cells split on
    tabs, pipes or runs of spaces, and by single spaces within the last cell."""
    tokens = list(_TOKEN_RE.finditer(line.replace("|", " ").replace("\t", " ")))
    values: list[tuple[str, CellValue | None, int, int]] = []
    k = len(tokens)
    while k > 0 and len(values) < max_values:
        tok = tokens[k - 1]
        ok, cell = _value_token(tok.group(0))
        if not ok:
            break
        values.append((tok.group(0), cell, tok.start(), tok.end()))
        k -= 1
    values.reverse()
    label_end = tokens[k - 1].end() if k else 0
    label_start = tokens[0].start() if k else 0
    label = line[:label_end].strip(" \t|")
    unit_text = ""
    cells = [c for c in _CELL_SPLIT_RE.split(label) if c.strip()]
    if len(cells) >= 2 and len(cells[-1].strip()) <= 15 and len(cells[0]) > len(cells[-1]):
        # a short cell between the label and the values is a unit column ("%", "Người")
        unit_text = cells[-1].strip()
        label = " ".join(c.strip() for c in cells[:-1])
    else:
        label = " ".join(c.strip() for c in cells)
    m = _LABEL_UNIT_RE.search(label)
    if not unit_text and m:
        unit_text = m.group(1).strip()
    return _Line(label, label_start, unit_text, values)


def row_role(label: str, words: TableWords) -> str:
    """total (the whole province), national (the country, quoted for comparison), sub (a
    district, town or city named after its kind) or row."""
    low = lite(_NUMBERING_RE.sub("", label)).strip(" :-–.")
    rest = words.totals.sub(" ", low)
    if low and not re.sub(r"[\W\d_]", "", rest) and rest != low:
        return "total"
    if words.national.match(low):
        return "national"
    m = words.sub_rows.match(low)
    stripped = _NUMBERING_RE.sub("", label).strip()
    if m and len(stripped) > m.end() + 1 and stripped[m.end():].strip()[:1].isupper():
        return "sub"
    return "row"


# ---------------------------------------------------------------------------------------------
# Reading the rows of a table (shared by every shape)


def _starts_new_label(text: str) -> bool:
    """A label line opens a new row unless it continues the one above: it starts in lower
    case, or it is an English translation in a bilingual yearbook (ASCII only)."""
    first = text.strip()[:1]
    return first.isupper() and not text.isascii()


class _RowReader:
    def __init__(self, lines: Sequence[str], columns: list[YearColumn], by_position: bool,
                 words: TableWords):
        self.lines = lines
        self.columns = columns
        self.by_position = by_position
        self.words = words
        self.rows: list[Row] = []
        self.pending: list[tuple[int, str]] = []  # label lines waiting for their values
        self.open: Row | None = None  # the last row, while it may take more values

    def read(self, start: int) -> int:
        """Read rows from `start`; the index after the last line that holds a value."""
        last = -1
        j = start
        # the look-ahead is bounded (from the header, then from the last row): a header
        # followed by prose must not scan the rest of the document
        while j < len(self.lines) and j - max(last, start) <= _MAX_GAP:
            line = self.lines[j]
            j += 1
            if not line.strip():
                continue
            if is_noise_line(line) and not self._takes_cell(line):
                continue
            if header_line(line, j - 1, self.words) is not None:
                break  # another header: another table
            parts = split_row(line, len(self.columns))
            if parts.label and parts.values and len(parts.values) < len(self.columns) and all(
                    v[1] is None for v in parts.values):
                # a label ending in a dash ("… suy dinh dưỡng (%) -") holds no values
                parts = _Line(line.strip(), parts.label_start, parts.unit_text, [])
            if parts.values and parts.label:
                self._new_row(j, parts)
                last = j
            elif parts.values:
                if not self._more_values(j, parts):
                    self._new_row(j, parts)
                last = j
            elif len(line.strip()) > _MAX_LABEL:
                break
            else:
                self._label_line(j, line.strip())
        return last

    def _takes_cell(self, line: str) -> bool:
        """A bare number on its own line is the next cell of a row read one cell per line
        while that row has room, not a page number."""
        row = self.open
        if row is None or not row.cells or len(row.cells) >= len(self.columns):
            return False
        if row.cells[-1].column != len(row.cells) - 1 or row.cells[-1].line == row.lines[0]:
            return False
        return _value_token(line.strip())[0]

    def _label_line(self, line_no: int, text: str) -> None:
        self.open = None
        if self.pending and _starts_new_label(text):
            self.pending = []
        self.pending.append((line_no, text))

    def _new_row(self, line_no: int, parts: _Line) -> None:
        if len(parts.label) > 15 and _starts_new_label(parts.label):
            # a row of its own, not the end of the label above (a short capitalised word
            # before the values is the unit cell of a wrapped label: "… dân (không bao /
            # gồm …) / Giường 60,8")
            self.pending = []
        label_lines = self.pending + [(line_no, parts.label)]
        label = " ".join(t for _n, t in label_lines if t)
        unit = parts.unit_text or (_LABEL_UNIT_RE.search(label) or [None, ""])[1] or ""
        row = Row(label=label, lines=[n for n, _t in label_lines], unit_text=unit.strip(),
                  role=row_role(label, self.words))
        self._place(row, line_no, parts.values, in_order=not parts.label)
        self.rows.append(row)
        self.pending = []
        self.open = row

    def _more_values(self, line_no: int, parts: _Line) -> bool:
        """Values alone on a line continue the open row (one cell per line) while it has room."""
        row = self.open
        if row is None or len(row.cells) + len(parts.values) > len(self.columns):
            return False
        if line_no not in row.lines:
            row.lines.append(line_no)
        start = len(row.cells)
        for k, (text, value, s, e) in enumerate(parts.values):
            row.cells.append(Cell(text, value, start + k, line_no, s, e))
        return True

    def _place(self, row: Row, line_no: int,
               values: list[tuple[str, CellValue | None, int, int]], in_order: bool) -> None:
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


# ---------------------------------------------------------------------------------------------
# Shapes


def _title(lines: Sequence[str], start: int, words: TableWords) -> tuple[str, str]:
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


def _read(lines: Sequence[str], i: int, words: TableWords, shape: str, by_position: bool
          ) -> Table | None:
    run = _header_run(lines, i, words)
    columns = _columns(run, by_position)
    if len({c.year for c in columns}) != len(columns) or len(columns) < 2:
        return None
    reader = _RowReader(lines, columns, by_position, words)
    end = reader.read(run[-1].index + 1)
    rows = [r for r in reader.rows if r.cells]
    if not rows:
        return None
    _mark_sub_rows(rows)
    title, unit = _title(lines, i, words)
    statistics = (any(c.kind_hint == "preliminary" for c in columns)
                  or bool(words.statistics.search(lite(title)))
                  or _source_line_below(lines, end, words) or _bilingual(lines, rows))
    return Table(shape, columns, rows, title, unit, "actual" if statistics else None, i, end)


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
        if any(len(t) > 12 and t.isascii() and re.search(r"[A-Za-z]{4,}", t) for t in texts):
            english += 1
    return english >= 2 and english * 2 >= len(rows)


def _mark_sub_rows(rows: list[Row]) -> None:
    """Under a total row, the other rows break the total down (districts, sexes, areas):
    none of them is the province."""
    if any(r.role == "total" for r in rows):
        for r in rows:
            if r.role == "row":
                r.role = "sub"


def _detect_side_by_side(lines: Sequence[str], i: int, words: TableWords) -> float:
    """Years side by side on one header line ("2015 2017 2019", "Chỉ tiêu | 2020 | 2021")."""
    run = _header_run(lines, i, words)
    return 2.0 if len(run) == 1 and len(run[0].years) >= 2 else 0.0


def _detect_stacked(lines: Sequence[str], i: int, words: TableWords) -> float:
    """A header over several lines, aligned by position: "Sơ bộ" above "2020  2021  Prel."
    above "2022"."""
    run = _header_run(lines, i, words)
    many = len(run) >= 2 and any(len(h.years) >= 2 for h in run)
    return 3.0 if many and sum(len(h.years) for h in run) >= 2 else 0.0


def _detect_one_per_line(lines: Sequence[str], i: int, words: TableWords) -> float:
    """A flattened table: each year on its own line, then each row's label and its values
    one per line."""
    run = _header_run(lines, i, words)
    one_each = all(len(h.years) <= 1 for h in run)
    return 1.0 if one_each and sum(len(h.years) for h in run) >= 2 else 0.0


def _aligned(lines: Sequence[str], i: int, words: TableWords) -> bool:
    """Years set apart by runs of spaces: the table is laid out by position."""
    run = _header_run(lines, i, words)
    return any(re.search(r"\d {2,}\S|\S {2,}(?:19|20)\d\d", lines[h.index]) for h in run)


def _stacked_by_position(lines: Sequence[str], i: int, words: TableWords) -> bool:
    """A header over several lines is read by position when it is laid out by position (runs
    of spaces) or when a kind word stands over a year ("Sơ bộ" above "2021"); years set apart
    by single spaces whose line wraps ("2010 2013 2014 2015" / "2016") read in reading order."""
    run = _header_run(lines, i, words)
    return _aligned(lines, i, words) or any(h.hints for h in run)


@dataclass(frozen=True)
class TableShape:
    name: str
    detect: Callable[[Sequence[str], int, TableWords], float]  # 0 when it does not fit
    read: Callable[[Sequence[str], int, TableWords], Table | None]


SHAPES: tuple[TableShape, ...] = (
    TableShape("side_by_side", _detect_side_by_side,
               lambda ls, i, w: _read(ls, i, w, "side_by_side", _aligned(ls, i, w))),
    TableShape("stacked_header", _detect_stacked,
               lambda ls, i, w: _read(ls, i, w, "stacked_header", _stacked_by_position(ls, i, w))),
    TableShape("one_per_line", _detect_one_per_line,
               lambda ls, i, w: _read(ls, i, w, "one_per_line", False)),
)


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


# ---------------------------------------------------------------------------------------------
# Years down the rows: "2015 17,24 5,69 11,55" under column labels that name the indicators


_YEAR_FIRST_RE = re.compile(
    r"^\s*(?P<pre>[^\d]{0,40}?)\s*(?P<year>(?:19|20)\d\d)\s+(?P<rest>\S.*)$")
_MAX_LABEL_LOOKUP = 24  # lines above the first year row that may hold the column labels


def _year_row(line: str, words: TableWords
              ) -> tuple[int, str | None, int, list[tuple[str, CellValue | None, int, int]]] | None:
    """(year, kind hint, year offset, values) of a row that opens with its year and holds
    nothing else but two or more values; what stands before the year may only be kind words
    ("Sơ bộ – Prel. 2022")."""
    if len(line) > 300:
        return None
    m = _YEAR_FIRST_RE.match(line)
    if not m:
        return None
    hint = None
    pre = lite(m.group("pre"))
    if pre.strip():
        rest = pre
        for kind, pattern in (("preliminary", words.preliminary), ("actual", words.actual)):
            if pattern.search(rest):
                hint = hint or kind
                rest = pattern.sub(" ", rest)
        if hint is None or not _HEADER_REST_RE.match(rest):
            return None
    values = []
    base = m.start("rest")
    for tok in _TOKEN_RE.finditer(m.group("rest")):
        ok, cell = _value_token(tok.group(0))
        if not ok:
            return None
        values.append((tok.group(0), cell, base + tok.start(), base + tok.end()))
    if len(values) < 2 or sum(v[1] is not None for v in values) == 0:
        return None
    return int(m.group("year")), hint, m.start("year"), values


def _column_labels(lines: Sequence[str], i: int, n: int, words: TableWords
                   ) -> tuple[list[tuple[int, str]], str, int] | None:
    """The n column labels above line i, nearest last: one line split into n cells by runs of
    spaces or tabs, or n label lines (English translation lines skipped); with the unit of a
    "Đơn vị tính" line and the index of the first line used."""
    labels: list[tuple[int, str]] = []
    unit = ""
    j = i - 1
    while j >= 0 and i - j <= _MAX_LABEL_LOOKUP and len(labels) < n:
        raw = lines[j]
        s = raw.strip()
        j -= 1
        if not s or is_noise_line(s):
            continue
        if words.unit_line.search(lite(s)):
            unit = re.sub(r"^.*?(?:unit\s*[:\-–]?\s*)", "", s, flags=re.IGNORECASE).strip() or unit
            continue
        if s in ("‰", "%"):
            unit = s
            continue
        if s.isascii():
            continue  # the English of a bilingual table
        cells = [c.strip() for c in _CELL_SPLIT_RE.split(s) if c.strip()]
        if len(cells) == n and not labels and all(not c.isascii() or len(c) < 3 for c in cells):
            return [(j + 2, c) for c in cells], unit, j + 1
        if len(s) > 80 or _DIGITS_RE.search(s) or len(cells) != 1:
            return None
        labels.insert(0, (j + 2, s))
    if len(labels) != n:
        return None
    return labels, unit, labels[0][0] - 1


def find_years_down(lines: Sequence[str], i: int, words: TableWords) -> Table | None:
    """A table whose rows open with their year and whose columns are indicators (a statistics
    page: "2015 17,24 5,69 11,55"), read into the same record as any other table: a year
    column per year row and a row per column label. Read from its first year row only."""
    first = _year_row(lines[i], words)
    if first is None:
        return None
    k = i - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    if k >= 0 and _year_row(lines[k], words) is not None:
        return None
    n = len(first[3])
    year_rows: list[tuple[int, tuple[int, str | None, int, list[Any]]]] = []
    j = i
    while j < len(lines):
        if not lines[j].strip():
            j += 1
            continue
        r = _year_row(lines[j], words)
        if r is None or len(r[3]) != n:
            break
        year_rows.append((j, r))
        j += 1
    years = [r[0] for _j, r in year_rows]
    if len(year_rows) < 2 or len(set(years)) != len(years):
        return None
    found = _column_labels(lines, i, n, words)
    if found is None:
        return None
    labels, unit, top = found
    columns = [YearColumn(r[0], r[1], jj + 1, r[2], r[2] + 4) for jj, r in year_rows]
    rows = []
    for c, (label_line, label) in enumerate(labels):
        m = _LABEL_UNIT_RE.search(label)
        row = Row(label=label, lines=[label_line], unit_text=m.group(1).strip() if m else "",
                  role=row_role(label, words))
        for col, (jj, r) in enumerate(year_rows):
            text, value, s0, e0 = r[3][c]
            row.cells.append(Cell(text, value, col, jj + 1, s0, e0))
        rows.append(row)
    title, title_unit = _title(lines, top, words)
    statistics = (any(col.kind_hint == "preliminary" for col in columns)
                  or bool(words.statistics.search(lite(title))))
    end = year_rows[-1][0] + 1
    return Table("years_down", columns, rows, title, unit or title_unit,
                 "actual" if statistics else None, i, end)


def find_table(lines: Sequence[str], i: int, words: TableWords) -> Table | None:
    """The table whose header starts at line i (0-based) of NFC lines, read by the
    best-fitting shape."""
    if header_line(lines[i], i, words) is None:
        first = lines[i].lstrip()[:1]
        if first and (first.isdigit() or first.isalpha()) and len(lines[i]) < 300 and \
                _YEAR_DIGITS_RE.search(lines[i], 0, 60):
            return find_years_down(lines, i, words)
        return None
    scored = sorted(((s.detect(lines, i, words), k) for k, s in enumerate(SHAPES)), reverse=True)
    for score, k in scored:
        if score <= 0:
            break
        table = SHAPES[k].read(lines, i, words)
        if table is not None:
            return table
    return None


def column_kind(table: Table, column: YearColumn, *, statistics: bool, period_start: int,
                period_end: int) -> tuple[str, str]:
    """(kind, basis) of the values in a column: a statistics table (a preliminary column, a
    yearbook) and a year before the plan's period report actuals; a column headed as achieved
    in a plan table is its baseline; otherwise the plan's target or a milestone toward it."""
    if column.kind_hint == "preliminary":
        return "actual", "table column: preliminary"
    if table.kind_hint == "actual" or statistics:
        return "actual", "statistics table"
    if column.kind_hint == "actual":
        return "baseline", "table column: achieved"
    if column.year < period_start:
        return "actual", f"table column: {column.year}, before the plan's period"
    if column.year >= period_end:
        return "target", "table column: plan horizon"
    return "trajectory", "table column: a year within the plan's period"
