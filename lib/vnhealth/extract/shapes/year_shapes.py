"""The shapes of tables whose header names years, as a group: a block of tab-separated rows
without row numbers is searched by these alone."""

from __future__ import annotations

from collections.abc import Sequence

from vnhealth.extract.shapes import (
    flattened_header,
    one_per_line,
    side_by_side,
    single_year,
    stacked_header,
    wrapped_header,
    year_records,
    years_down,
)
from vnhealth.extract.shapes.header import spot_at
from vnhealth.extract.shapes.records import ShapeRead, Spot, Table, TableShape
from vnhealth.extract.shapes.words import TableWords

# Each detects its own spot: one header line with two years or more, several with two on a line
# somewhere (rising in reading order, or not), several with at most one each, a lone year with
# its kind word under header cells naming no year (one value column), a line opening with its
# year, or a lone year with a lone value under it. The one-column table and the last may both
# fit one spot (a one-column table's first row number is a lone value): the table goes first.
YEAR_SHAPES: tuple[TableShape, ...] = (
    side_by_side.SHAPE, wrapped_header.SHAPE, stacked_header.SHAPE, one_per_line.SHAPE,
    flattened_header.SHAPE, single_year.SHAPE, years_down.SHAPE, year_records.SHAPE)


def read_first(spot: Spot, shapes: Sequence[TableShape]) -> ShapeRead | None:
    """Read the spot by the first shape that detects it (None: that shape found no table)."""
    for shape in shapes:
        if shape.detect(spot):
            return shape.read(spot)
    return None


def find_table(lines: Sequence[str], i: int, words: TableWords, period_end: int = 0
               ) -> Table | None:
    """The table whose header starts at line i (0-based) of NFC lines, read by its shape."""
    found = read_first(spot_at(lines, i, words, period_end), YEAR_SHAPES)
    return None if found is None else found.table
