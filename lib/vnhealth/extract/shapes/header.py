"""Header lines that name years: nothing but years, the words a header may hold, separators.

Shared by the shapes of tables whose header names years: each reads its year columns, with the
kind word ("Sơ bộ", "Prel.", "Thực hiện") that belongs to each year, from a run of such lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from vnhealth.extract.shapes.records import HeaderLine, Spot, YearColumn
from vnhealth.extract.shapes.words import LETTERS_RE, TableWords
from vnhealth.inputs.text import lite

YEAR_RE = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?![\d,/]|\.\d)")
HEADER_REST_RE = re.compile(r"^[\s|()\[\]:.,;*\-–/]*$")
DIGITS_RE = re.compile(r"\d+")
YEAR_DIGITS_RE = re.compile(r"(?:19|20)\d\d")
MAX_HEADER_LINES = 10  # a header spread further than this is prose with years in it
MAX_WORD_CELLS = 2  # cells of words alone between two year cells of a flattened header
MAX_WORD_CELL = 80  # a longer line is prose, not a header cell


# a footnote's letter glued to a header's year ("2012b": see note b under the table)
FOOTNOTE_LETTER_RE = re.compile(r"(?<=(?:19|20)\d\d)[a-f](?![^\W\d_])")


def header_line(line: str, index: int, words: TableWords) -> HeaderLine | None:
    """The years and kind words of a line that holds nothing else, or None."""
    if len(line) > 400 or not line.strip():
        return None
    low = FOOTNOTE_LETTER_RE.sub(" ", lite(line))
    if not could_be_header(low, words.header_letters):
        return None
    hints: list[tuple[str, int, int]] = []
    masked = list(low)
    for kind, pattern in (("preliminary", words.preliminary), ("actual", words.actual),
                          ("plan", words.plan), (None, words.header)):
        for m in pattern.finditer("".join(masked)):
            if kind is not None:
                hints.append((kind, m.start(), m.end()))
            # masked by a separator, not blanks: "2021 Sơ bộ - 2022" is two years, no range
            masked[m.start():m.end()] = "|" * (m.end() - m.start())
    rest = "".join(masked)
    years = [(int(m.group(2) or m.group(1)), m.start(), m.end()) for m in YEAR_RE.finditer(rest)]
    rest = YEAR_RE.sub(lambda m: " " * len(m.group(0)), rest)
    if not HEADER_REST_RE.match(rest) or not (years or hints):
        return None
    return HeaderLine(index, years, sorted(hints, key=lambda h: h[1]))


def could_be_header(low: str, letters: frozenset[str]) -> bool:
    """A cheap test that header_line needs to pass, run first because every line of a document
    is tried as a header. A header holds nothing but years, header words and separators: the
    header words' matches are whole-word, so each run of letters in the line is a run of letters
    of a header word, and the year matches take whole runs of digits, so each run of digits is a
    year. A prose line fails at its first other word."""
    for m in LETTERS_RE.finditer(low):
        if m.group(0) not in letters:
            return False
    return all(YEAR_DIGITS_RE.fullmatch(m.group(0)) for m in DIGITS_RE.finditer(low))


def spot_at(lines: Sequence[str], i: int, words: TableWords, period_end: int) -> Spot:
    """Line i as a place where a table may start (its header line read once for every shape)."""
    return Spot(lines, i, words, period_end, header_line(lines[i], i, words))


def holds_no_cell(line: str) -> bool:
    """A blank line, or one of nothing but cell separators (a flattened table may set each
    cell on its own line with a "|" line between cells)."""
    return not line.strip(" \t|")


def header_run(lines: Sequence[str], i: int, words: TableWords) -> list[HeaderLine]:
    """The header lines from line i on (lines without a cell between them allowed, and not
    counted against MAX_HEADER_LINES: a page may set each cell in its own paragraph)."""
    run: list[HeaderLine] = []
    j = i
    blanks = 0
    while j < len(lines) and j < i + MAX_HEADER_LINES + blanks:
        if holds_no_cell(lines[j]):
            j += 1
            blanks += 1
            continue
        h = header_line(lines[j], j, words)
        if h is None:
            break
        run.append(h)
        j += 1
    return run


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _hint_target(hint: tuple[str, int, int], h: HeaderLine, run: list[HeaderLine]
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


def year_columns(run: list[HeaderLine], by_position: bool) -> list[YearColumn]:
    """The year columns of a header run, each with its kind word: in reading order, or left to
    right across the lines when the header is laid out by position."""
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


def word_cell(line: str, index: int, words: TableWords) -> HeaderLine | None:
    """A header cell of words set on its own line ("Dự thảo NQ", "NQ HĐND tỉnh năm 2018"):
    short, not a sentence, no digit but at most one year; its year and kind words."""
    s = line.strip()
    if not s or len(s) > MAX_WORD_CELL or s.endswith((".", ":", ";")):
        return None
    low = lite(s)
    years = [(int(m.group(2) or m.group(1)), m.start(), m.end()) for m in YEAR_RE.finditer(low)]
    if len(years) > 1 or DIGITS_RE.search(YEAR_RE.sub(" ", low)):
        return None
    hints = [(kind, m.start(), m.end()) for kind, pattern in (
        ("preliminary", words.preliminary), ("actual", words.actual), ("plan", words.plan))
        for m in pattern.finditer(low)]
    return HeaderLine(index, years, sorted(hints, key=lambda h: h[1]))


def flattened_header_run(lines: Sequence[str], i: int, words: TableWords) -> list[HeaderLine]:
    """The year cells of a header flattened one cell per line, from line i on, where cells of
    words may stand between them ("năm 2018" / "Dự thảo NQ" / "năm 2019"): each year cell
    with the kind words of the word cells just above it. Ends at a line that is no cell (a row
    number, a value, prose), after too many word cells in a row, or at a year already named
    (a date line, then a title naming the same year, is no header)."""
    run: list[HeaderLine] = []
    carried: list[tuple[str, int, int]] = []
    between = 0
    j = i
    while j < len(lines) and between <= MAX_WORD_CELLS:
        if holds_no_cell(lines[j]):
            j += 1
            continue
        cell = header_line(lines[j], j, words) or word_cell(lines[j], j, words)
        if cell is None or len(cell.years) > 1 or (
                cell.years and cell.years[0][0] in {h.years[0][0] for h in run}):
            break
        j += 1
        if not cell.years:
            # a kind word above a year cell belongs to it ("Ước thực hiện" / "năm 2018")
            carried += [(kind, -1, -1) for kind, _s, _e in cell.hints]
            between += 1
            continue
        run.append(HeaderLine(cell.index, cell.years, [*carried, *cell.hints]))
        carried = []
        between = 0
    return run


# a cell holding only a time: "Năm 2025", "Từ năm 2026", "Tháng 9/2030", "2021-2025"
_TIME_CELL_RE = re.compile(
    r"^\s*(?:(?:tháng\s+)?\d{1,2}\s*/\s*)?(?:(?:từ\s+)?(?:năm\s+)?)?((?:19|20)\d\d)"
    # "\s*(?:\.\s*)?$", not "\s*\.?\s*$": two blank runs side by side split a long blank
    # run every way before failing (quadratic)
    r"(?:\s*[-–]\s*((?:19|20)\d\d))?\s*(?:\.\s*)?$",
    re.IGNORECASE,
)


def time_cell_year(cell: str) -> int | None:
    """The year a cell holding only a time names (the last of a period), or None."""
    m = _TIME_CELL_RE.match(cell.replace("Năm", "năm").replace("Từ", "từ").replace("Tháng",
                                                                                  "tháng"))
    if not m:
        return None
    return int(m.group(2) or m.group(1))
