"""A header over several lines: "Sơ bộ" above "2020  2021  Prel." above "2022", or years
that wrap onto a second line ("2010 2013 2014 2015" / "2016")."""

from __future__ import annotations

from vnhealth.extract.shapes.header import header_run
from vnhealth.extract.shapes.records import ShapeRead, Spot, TableShape
from vnhealth.extract.shapes.year_table import (
    laid_out_by_position,
    read_year_table,
    wraps_in_reading_order,
)


def detect(spot: Spot) -> bool:
    if spot.header is None:
        return False
    run = header_run(spot.lines, spot.i, spot.words)
    many = len(run) >= 2 and any(len(h.years) >= 2 for h in run)
    # years that wrap in reading order are the wrapped header's
    return many and sum(len(h.years) for h in run) >= 2 and not wraps_in_reading_order(spot)


def read(spot: Spot) -> ShapeRead | None:
    """Read by position when laid out by position (runs of spaces) or when a kind word stands
    over a year ("Sơ bộ" above "2021"); years set apart by single spaces that do not rise in
    reading order are read in reading order too."""
    run = header_run(spot.lines, spot.i, spot.words)
    by_position = laid_out_by_position(spot) or any(h.hints for h in run)
    return read_year_table(spot, "stacked_header", by_position)


SHAPE = TableShape("stacked_header", detect, read)
