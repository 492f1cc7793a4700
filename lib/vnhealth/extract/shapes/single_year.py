"""A table of one value column: header cells without a year ("Stt", "Chỉ tiêu chủ yếu"), then
one naming its year and what its values are ("Ước TH năm 2021", "Kế hoạch năm 2026"), then
each row's label and its value. A yearly plan's list of main targets is laid out so."""

from __future__ import annotations

from vnhealth.extract.shapes.header import could_be_header, header_run, holds_no_cell
from vnhealth.extract.shapes.records import ShapeRead, Spot, TableShape
from vnhealth.extract.shapes.year_table import read_year_table
from vnhealth.inputs.text import lite

CELLS_ABOVE = 4  # filled lines above the year's cell where the other header cells stand


def detect(spot: Spot) -> bool:
    """One year, with its kind word, under header cells that name no year."""
    head = spot.header
    if head is None or len(head.years) != 1 or not head.hints:
        return False
    if sum(len(h.years) for h in header_run(spot.lines, spot.i, spot.words)) != 1:
        return False
    return _header_cells_above(spot) > 0


def _header_cells_above(spot: Spot) -> int:
    """How many of the filled lines just above are header cells without a year or a digit."""
    found = 0
    seen = 0
    j = spot.i - 1
    while j >= 0 and seen < CELLS_ABOVE:
        line = spot.lines[j]
        j -= 1
        if holds_no_cell(line):
            continue
        seen += 1
        low = lite(line).strip()
        if any(ch.isdigit() for ch in low) or not could_be_header(low, spot.words.header_letters):
            break
        found += 1
    return found


def read(spot: Spot) -> ShapeRead | None:
    return read_year_table(spot, "single_year", False, least=1)


SHAPE = TableShape("single_year", detect, read)
