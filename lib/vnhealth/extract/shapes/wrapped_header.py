"""A year header wrapped in reading order: "Sơ bộ" / "2015 2016 2017 2018" / "Prel. 2019", the
years set apart by single spaces. A PDF gives a header row's cells top line first, so the cell
standing over several lines ("Sơ bộ" above "Prel." above "2019") comes out split around the
one-line cells: its years are read in reading order, never by position, and a kind word left on
a line of its own belongs to the cell that wrapped."""

from __future__ import annotations

from vnhealth.extract.shapes.header import header_run
from vnhealth.extract.shapes.records import HeaderLine, ShapeRead, Spot, TableShape, YearColumn
from vnhealth.extract.shapes.year_table import read_year_table, wraps_in_reading_order


def detect(spot: Spot) -> bool:
    return wraps_in_reading_order(spot)


def wrapped_columns(run: list[HeaderLine]) -> list[YearColumn]:
    """The year columns in reading order. A kind word marks the next year on its line
    ("Prel. 2019"); one on a line without years marks the year its translation on another
    line marks, else the last year (the cell that wrapped is the one printed last)."""
    cols = [(h.index, y) for h in run for y in h.years]
    hints: dict[int, str] = {}  # column → kind
    alone: list[str] = []
    for h in run:
        for kind, _start, end in h.hints:
            after = [k for k, (index, y) in enumerate(cols) if index == h.index and y[1] >= end]
            if after:
                hints.setdefault(after[0], kind)
            else:
                alone.append(kind)
    for kind in alone:
        if kind not in hints.values():
            hints.setdefault(len(cols) - 1, kind)
    return [YearColumn(y[0], hints.get(k), index + 1, y[1], y[2])
            for k, (index, y) in enumerate(cols)]


def read(spot: Spot) -> ShapeRead | None:
    run = header_run(spot.lines, spot.i, spot.words)
    return read_year_table(spot, "wrapped_header", False, wrapped_columns(run))


SHAPE = TableShape("wrapped_header", detect, read)
