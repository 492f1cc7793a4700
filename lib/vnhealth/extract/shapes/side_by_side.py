"""Years side by side on one header line ("2015 2017 2019", "Chỉ tiêu | 2020 | 2021"), each
row a label and its values on one line."""

from __future__ import annotations

from vnhealth.extract.shapes.header import header_run
from vnhealth.extract.shapes.records import ShapeRead, Spot, TableShape
from vnhealth.extract.shapes.year_table import laid_out_by_position, read_year_table


def detect(spot: Spot) -> bool:
    if spot.header is None:
        return False
    run = header_run(spot.lines, spot.i, spot.words)
    return len(run) == 1 and len(run[0].years) >= 2


def read(spot: Spot) -> ShapeRead | None:
    return read_year_table(spot, "side_by_side", laid_out_by_position(spot))


SHAPE = TableShape("side_by_side", detect, read)
