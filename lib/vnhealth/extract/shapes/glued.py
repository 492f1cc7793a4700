"""Cells of a table row whose separators were lost when a web page's text was taken: "Viet
NamDa NangQuang Nam", "1Lai ChâuTrung du và miền núi phía Bắc24,7", "Crude birth
rate14.915.215.2". A cell ends where a separator stands (tab, pipe, a run of blanks), where a
word meets a number, and where a capital opens a word right after a letter ("NamDa",
"TTTỉnh"). Numbers run together ("14.915.215.2") are told apart only by the count of
columns they fill and the decimals each is written with."""

from __future__ import annotations

import re

from vnhealth.extract.shapes.rows import CELL_SPLIT_RE

Span = tuple[int, int]
MAX_DECIMALS = 3  # a statistics table writes its values to one, two or three decimals


def _glued_at(text: str, k: int) -> bool:
    """Whether a cell ends before text[k] though no separator stands there."""
    prev, cur = text[k - 1], text[k]
    if prev.isalpha() and cur.isdigit() or prev.isdigit() and cur.isalpha():
        return True
    if prev.islower() and cur.isupper():
        return True  # "NamDa", "ChâuTrung"
    # "TTTỉnh": capitals, then a capital opening a word
    return prev.isupper() and cur.isupper() and k + 1 < len(text) and text[k + 1].islower()


def glued_cells(text: str) -> list[Span]:
    """The offsets of a line's cells, split at separators and where cells were glued."""
    cells: list[Span] = []
    pos = 0
    for sep in [*CELL_SPLIT_RE.finditer(text), None]:
        end = len(text) if sep is None else sep.start()
        start = pos
        for k in range(pos + 1, end):
            if _glued_at(text, k):
                cells.append((start, k))
                start = k
        cells.append((start, end))
        pos = end if sep is None else sep.end()
    return [_stripped(text, a, b) for a, b in cells if text[a:b].strip()]


def _stripped(text: str, start: int, end: int) -> Span:
    cell = text[start:end]
    return start + len(cell) - len(cell.lstrip()), end - len(cell) + len(cell.rstrip())


def split_number_run(text: str, count: int) -> list[Span] | None:
    """The offsets of `count` numbers run together ("14.915.215.2" → 14.9, 15.2, 15.2), each
    with a decimal mark and the same number of decimals; None unless exactly one number of
    decimals splits the run so."""
    found = [spans for d in range(1, MAX_DECIMALS + 1)
             if (spans := _split_with_decimals(text, count, d)) is not None]
    return found[0] if len(found) == 1 else None


def _split_with_decimals(text: str, count: int, decimals: int) -> list[Span] | None:
    number = re.compile(rf"\d+[.,]\d{{{decimals}}}")
    spans: list[Span] = []
    pos = 0
    while pos < len(text):
        m = number.match(text, pos)
        if m is None:
            return None
        spans.append(m.span())
        pos = m.end()
    return spans if len(spans) == count else None
