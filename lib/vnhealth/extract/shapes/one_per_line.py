"""A flattened table: each year on its own line, then each row's label and its values one
per line."""

from __future__ import annotations

from vnhealth.extract.shapes.header import header_run
from vnhealth.extract.shapes.records import ShapeRead, Spot, TableShape
from vnhealth.extract.shapes.year_table import read_year_table


def detect(spot: Spot) -> bool:
    if spot.header is None:
        return False
    run = header_run(spot.lines, spot.i, spot.words)
    return all(len(h.years) <= 1 for h in run) and sum(len(h.years) for h in run) >= 2


def read(spot: Spot) -> ShapeRead | None:
    return read_year_table(spot, "one_per_line", False)


SHAPE = TableShape("one_per_line", detect, read)
