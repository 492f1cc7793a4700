"""Every table shape, in the order they are tried at a line: the first that detects the
table there reads it. A table run together on one line is told by that line alone (its
header's years and rows of as many numbers), so it goes first; rows split by tabs, pipes, or a
PDF's row numbers (under "STT", or with a unit cell under a total column) are told by their
first lines, so they go next; the year-header shapes exclude one another. A header of places
(no year, every cell but a label column's a place) or of a provinces' column over rows of one
value each is told by its first lines; it goes before the tab rows, which would take it for a
table without years and read nothing from it."""

from __future__ import annotations

from vnhealth.extract.shapes import (
    inline_rows,
    pdf_rows,
    pipe_rows,
    place_tables,
    tab_rows,
    unit_rows,
)
from vnhealth.extract.shapes.records import ShapeRead, Spot, TableShape
from vnhealth.extract.shapes.year_shapes import YEAR_SHAPES, read_first

SHAPES: tuple[TableShape, ...] = (inline_rows.SHAPE, place_tables.PLACE_COLUMNS,
                                  place_tables.PLACE_ROWS, tab_rows.SHAPE, pipe_rows.SHAPE,
                                  pdf_rows.SHAPE, unit_rows.SHAPE, *YEAR_SHAPES)


def read_table_at(spot: Spot) -> ShapeRead | None:
    """The table at a spot, read by its shape; None when no shape finds one (prose)."""
    return read_first(spot, SHAPES)
