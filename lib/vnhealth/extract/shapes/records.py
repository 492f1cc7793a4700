"""The records of table shapes: the typed `Table` a year header is read into, a numbered tab
table, and what every shape is given (`Spot`) and gives back (`ShapeRead`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from vnhealth.extract.numbers import CellValue
from vnhealth.extract.records import Segment
from vnhealth.extract.shapes.words import TableWords

# ---------------------------------------------------------------------------------------------
# Tables whose header names years


@dataclass(frozen=True)
class YearColumn:
    """One value column of a table: its year and what its header says the values are."""

    year: int
    kind_hint: str | None  # preliminary | actual | plan | None (the header does not say)
    line: int  # 1-based line of the year in the header
    start: int  # offsets of the year in that line (for tables aligned by position)
    end: int


@dataclass(frozen=True)
class Cell:
    text: str  # the cell as written
    value: CellValue | None  # None for a blank marker ("-", "..") that holds a column's place
    column: int  # index into Table.columns
    line: int  # 1-based
    start: int  # offsets in the (NFC) line
    end: int


@dataclass
class Row:
    label: str
    lines: list[int]  # 1-based lines of the label and the values, in order
    unit_text: str  # a unit cell, or the "(%)" / "(người)" ending the label; "" if none
    cells: list[Cell] = field(default_factory=list)
    # row | total | sub | national | count | mixed (sub-rows whose values cannot be told
    # apart): only `row` and `total` are the province's values
    # (a `count` row's unit cell names what it counts: "Xã", "Người"); `subgroup` and
    # `breakdown` (a column of a total's breakdown, named by the table's title) are a part's
    # values, read only as that part's own indicator
    role: str = "row"
    # sub-rows whose cells stand stacked in each column (RowReader splits them)
    stack: int = 1
    # the caption of the block the row stands in ("% dân số trong độ tuổi lao động so với tổng
    # số dân" over "Tổng số" / "Nam" / "Nữ"): it names the block's total as a title would
    block: str = ""


@dataclass
class Table:
    shape: str
    columns: list[YearColumn]
    rows: list[Row]
    title: str  # the lines above the header (what a total row's values are)
    unit_text: str  # from a "Đơn vị tính: %" line; "" if none
    kind_hint: str | None  # "actual" for a statistics table (a preliminary column, a yearbook)
    start: int  # 0-based index of the first header line
    end: int  # 0-based index after the last line that holds a value

    def province_rows(self) -> list[Row]:
        return [r for r in self.rows if r.role in ("row", "total")]


class HeaderLine(NamedTuple):
    """A line holding nothing but years, kind words and separators."""

    index: int  # 0-based
    years: list[tuple[int, int, int]]  # (year, start, end); a period "2016-2020" is its end
    hints: list[tuple[str, int, int]]  # (kind hint, start, end)


# ---------------------------------------------------------------------------------------------
# Tab tables with numbered rows: typed value columns, each row read at once


class TabRow(NamedTuple):
    line: int  # 1-based
    cells: list[str]  # markup blanked and stripped
    raw: str  # the line as written
    raw_cells: list[str]  # the cells as written, between their separators


class TabTable(NamedTuple):
    rows: list[TabRow]  # the numbered rows and any below them
    name_column: int
    unit_column: int | None
    columns: dict[int, tuple[str, int]]  # cell index → (kind, year); kind "year" is decided
    # when read: a target at or after the plan's end, else a milestone


# ---------------------------------------------------------------------------------------------
# Tables of numbered rows with a unit cell, whose first value column is the total


@dataclass
class TotalTable:
    """A table without years in its header: numbered rows, each a label, a unit cell and values
    by column, the first column the total ("Tổng số", then "Chia ra" by kind of commune).
    Each row keeps its total only, as its one cell (column 0)."""

    rows: list[Row]
    title: str  # the lines above the first row (a year there dates the values)
    start: int  # 0-based index of the first row's line
    end: int  # 0-based index after the last row


# ---------------------------------------------------------------------------------------------
# Tables by place: a column or a row for each province (and the country, a region)


class PlaceValue(NamedTuple):
    place: str  # a province's id, or PLACE_NATIONAL / REGION
    label: str  # what names the value's indicator: its row's label, or the value column's
    cell: Cell  # the value, where it stands (its column is the place's index)


@dataclass
class PlaceTable:
    """A table comparing places: "Viet Nam | Da Nang | Quang Nam" over rows of indicators, or
    rows of provinces ("1 | Lai Châu | Trung du … | 24,7") under a column naming the indicator."""

    shape: str
    header: str  # the header's text (the column that names the indicator, its period)
    title: str  # the lines above the header (a year there dates the values)
    values: list[PlaceValue]
    start: int  # 0-based index of the header line
    end: int  # 0-based index after the last row


PLACE_NATIONAL = "national"  # a column of the country's values, quoted beside the provinces'


# ---------------------------------------------------------------------------------------------
# What a shape is given and gives back


class Spot(NamedTuple):
    """A line where a table may start, with what every shape asks about it."""

    lines: Sequence[str]  # the document's NFC lines
    i: int  # 0-based
    words: TableWords
    period_end: int  # the plan's last year: a target column's year
    header: HeaderLine | None  # line i read as a year header line, or None


@dataclass
class ShapeRead:
    end: int  # 0-based index of the line after the table
    table: Table | None = None  # read into observations as a whole
    tab_table: TabTable | None = None  # likewise
    total_table: TotalTable | None = None  # likewise
    place_table: PlaceTable | None = None  # likewise
    segments: list[Segment] = field(default_factory=list)  # rows read like prose
    # the segments stand in the document's sections (targets or not, dated by the section
    # heading when their row gives no time)
    in_sections: bool = False


class TableShape(NamedTuple):
    name: str
    detect: Callable[[Spot], bool]  # does the table at this spot have this shape?
    read: Callable[[Spot], ShapeRead | None]  # None: no table after all, the line is prose
