"""Pipe cells over lines: a table written with "|" between cells, a cell wrapping over several
lines and rows parted by lines of pipes alone. Each cell is read like prose, dated by the
row's time cell ("Năm 2025", "2021-2025") or else by its section."""

from __future__ import annotations

import re
from collections.abc import Sequence

from vnhealth.extract.records import Segment
from vnhealth.extract.shapes.header import time_cell_year
from vnhealth.extract.shapes.records import ShapeRead, Spot, TableShape

PIPE_ONLY_RE = re.compile(r"^\s*\|+\s*$")

_Cell = list[tuple[int, str]]  # (1-based line, text) of each line of one cell


def is_pipe_line(line: str) -> bool:
    s = line.strip()
    return bool(s) and (s.endswith("|") or s.startswith("|"))


def detect(spot: Spot) -> bool:
    return is_pipe_line(spot.lines[spot.i])


def _block(lines: Sequence[str], i: int) -> tuple[list[tuple[int, str]], int]:
    """The non-blank lines of the pipe block from line i, and the index after it: a line
    without pipes inside a cell that goes on to a pipe line belongs to it."""
    n = len(lines)
    j = i
    block: list[tuple[int, str]] = []
    while j < n and (is_pipe_line(lines[j]) or not lines[j].strip()
                     or (j + 1 < n and not lines[j].rstrip().endswith("|")
                         and is_pipe_line(lines[j + 1])
                         and not PIPE_ONLY_RE.match(lines[j + 1])
                         and block and not PIPE_ONLY_RE.match(block[-1][1]))):
        if lines[j].strip():
            block.append((j + 1, lines[j]))
        j += 1
    return block, j


def _rows(block: list[tuple[int, str]]) -> list[list[_Cell]]:
    """The block's rows, each a list of cells."""
    rows: list[list[_Cell]] = [[]]
    cell: _Cell = []
    for ln, text in block:
        s = text.strip()
        if PIPE_ONLY_RE.match(s):
            if cell:
                rows[-1].append(cell)
                cell = []
            rows.append([])
            continue
        if s.startswith("|") and s.count("|") >= 2:
            # a one-line row: | a | b |
            if cell:
                rows[-1].append(cell)
                cell = []
            rows.append([[(ln, c)] for c in s.strip("|").split("|")])
            rows.append([])
            continue
        cell.append((ln, s[:-1].rstrip() if s.endswith("|") else s))
        if s.endswith("|"):
            rows[-1].append(cell)
            cell = []
    if cell:
        rows[-1].append(cell)
    return rows


def read(spot: Spot) -> ShapeRead:
    block, end = _block(spot.lines, spot.i)
    segments = []
    for row in _rows(block):
        years = [y for c in row if (y := time_cell_year(" ".join(t for _l, t in c)))]
        # no time cell: None, for the section's year
        row_year = years[-1] if years else None
        for c in row:
            if time_cell_year(" ".join(t for _l, t in c)) is not None:
                continue
            segments.append(Segment.from_lines("pipe_row", c, context_year=row_year))
    return ShapeRead(end=end, segments=segments, in_sections=True)


SHAPE = TableShape("pipe_rows", detect, read)
