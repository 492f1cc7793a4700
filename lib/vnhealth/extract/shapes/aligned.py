"""Rows whose cells are aligned by position, runs of spaces between them: text drawn from a
PDF's layout or a fixed-width dump. The columns are the spans between gutters, positions blank
in every numbered row; a header cell goes to each column it overlaps (a spanning header cell
may cross a gutter) and a wrapped label joins its row, so each row becomes the cells a tab row
would have."""

from __future__ import annotations

import re
from collections.abc import Sequence

GUTTER = 2  # blanks that part two cells; one blank parts two words of a cell
_GAP_RE = re.compile(rf"\S( {{{GUTTER},}})(?=\S)")
# a row number, perhaps after a group number: "3", "(2)   3", "12.", "7a" (a sub-row)
_NUMBERED_RE = re.compile(
    rf"^\s*(?:\(\d{{1,2}}\)\s{{2,}})?\d{{1,3}}[a-z]?\.?(?: {{{GUTTER},}}|$)")
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def gaps(line: str) -> int:
    """How many runs of two or more blanks stand between the line's words."""
    return len(_GAP_RE.findall(line))


def is_numbered(line: str) -> bool:
    return bool(_NUMBERED_RE.match(line)) and gaps(line) >= 1


MAX_WRAPPED = 4  # lines of a label wrapped between two rows


def block(lines: Sequence[str], i: int, stop: int) -> tuple[list[int], int]:
    """The lines of the aligned block from line i (indices), and the index after it: lines
    with a gap, blank lines, and up to MAX_WRAPPED lines without one that wrap labels
    between two rows."""
    taken: list[int] = []
    j = i
    while j < stop:
        text = lines[j]
        if gaps(text) >= 1:
            taken.append(j)
        elif text.strip() and not (taken and (_row_follows(lines, j, stop) or (
                taken[-1] == j - 1 and not opens_a_label(text)))):
            break  # (a lower-case line right under a row goes on with its name)
        elif text.strip():
            taken.append(j)  # a wrapped label, between two rows
        j += 1
    return taken, j


def _row_follows(lines: Sequence[str], j: int, stop: int) -> bool:
    """Whether a line with a gap comes after line j, past at most MAX_WRAPPED lines without
    one (blank lines between rows aside)."""
    wrapped = 0
    for k in range(j + 1, min(stop, j + 1 + 3 * MAX_WRAPPED)):
        if gaps(lines[k]) >= 1:
            return True
        if lines[k].strip():
            wrapped += 1
            if wrapped >= MAX_WRAPPED:
                return False
    return False


def opens_a_label(text: str) -> bool:
    """A wrapped line that opens a label (its first letter a capital, "Tỷ lệ nhân lực …"):
    the start of the next row's name, set above the row's values; one in lower case goes on
    with the name above ("… trình" / "độ sau đại học")."""
    first = next((ch for ch in text if ch.isalpha()), "")
    return first.isupper()


def is_table(lines: Sequence[str], indices: list[int]) -> bool:
    """Header lines naming a year above at least two numbered rows: a table to read by
    position (an aligned block without them is left to the year-header shapes)."""
    numbered = [k for k in indices if is_numbered(lines[k])]
    if len(numbered) < 2:
        return False
    header = [k for k in indices if k < numbered[0]]
    return any(_YEAR_RE.search(lines[k]) for k in header)


def spans(texts: list[str]) -> list[tuple[int, int]]:
    """The column spans of rows: runs of positions some row fills, parted by positions no row
    fills for at least GUTTER characters."""
    width = max((len(t) for t in texts), default=0)
    filled = [False] * width
    for t in texts:
        for k, ch in enumerate(t):
            if not ch.isspace():
                filled[k] = True
    out: list[tuple[int, int]] = []
    start, blank = None, 0
    for k in range(width + GUTTER):
        if k < width and filled[k]:
            if start is None:
                start = k
            blank = 0
            continue
        blank += 1
        if start is not None and blank == GUTTER:
            out.append((start, k - GUTTER + 1))
            start = None
    return out


CELL_RE = re.compile(rf"\S+(?: {{1,{GUTTER - 1}}}\S+)*")  # words parted by less than a gutter


def cells(text: str, columns: list[tuple[int, int]]) -> list[str]:
    """The line's cells (words parted by less than a gutter) put in the columns they overlap:
    a header cell spanning columns ("Tiến độ thực hiện trong các năm", "Đơn vị" over a
    narrower column) goes to each of them; a cell in a gutter to the nearest column."""
    out: list[list[str]] = [[] for _ in columns]
    for m in CELL_RE.finditer(text):
        a, b = m.span()
        hit = [k for k, (lo, hi) in enumerate(columns) if lo < b and a < hi]
        if not hit and columns:
            hit = [min(range(len(columns)),
                       key=lambda k: min(abs(columns[k][0] - b), abs(columns[k][1] - a)))]
        for k in hit:
            out[k].append(m.group(0))
    return [" ".join(words) for words in out]
