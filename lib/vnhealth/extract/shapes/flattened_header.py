"""A table flattened one cell per line whose header cells hold words beside their years
("Nội dung chỉ tiêu" / "NQ HĐND tỉnh" / "năm 2018" / "Dự thảo NQ" / "năm 2019"): a web page's
or a PDF's text of a table whose columns are named by the resolution or plan they come from.
Each year cell is a column, with the kind words of the cells above it; the rows below are read
as in `one_per_line`."""

from __future__ import annotations

from vnhealth.extract.shapes.header import YEAR_DIGITS_RE, flattened_header_run, word_cell
from vnhealth.extract.shapes.records import ShapeRead, Spot, TableShape
from vnhealth.extract.shapes.year_table import read_year_table


def detect(spot: Spot) -> bool:
    """A cell naming one year, then at least one more year cell with only word cells between."""
    line = spot.lines[spot.i]
    if not YEAR_DIGITS_RE.search(line):
        return False
    head = spot.header or word_cell(line, spot.i, spot.words)
    if head is None or len(head.years) != 1:
        return False
    return len(flattened_header_run(spot.lines, spot.i, spot.words)) >= 2


def read(spot: Spot) -> ShapeRead | None:
    run = flattened_header_run(spot.lines, spot.i, spot.words)
    return read_year_table(spot, "flattened_header", False, run=run)


SHAPE = TableShape("flattened_header", detect, read)
