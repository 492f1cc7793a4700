"""The records extraction passes around: segments of a document, and what it puts out.

A *segment* is a piece of text built from one or more lines (a prose statement, a table row),
with offsets back to its lines. The output records are the warehouse's rows before loading:
statements, observations (with the basis of each decision) and non-numeric targets.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from vnhealth.extract.sections import Section
from vnhealth.inputs.text import Keyed

REGION = "region"  # what a region's name stands for where a province's may: no province's own

# ---------------------------------------------------------------------------------------------
# Output records

# whose a value is (observations.province_basis): the document's province, or another province
# the text names as the value's
DOCUMENT_PROVINCE = "document"
NAMED_PROVINCE = "named"


@dataclass
class Statement:
    statement_id: str
    doc_id: str
    line_start: int
    line_end: int
    text: str
    shape: str  # prose | tab_row | pdf_row | pipe_row | table_row
    is_mapped: bool = False
    is_numeric: bool = True  # False for a statement kept only for a non-numeric target
    # the indicator phrase as written (of its first mapped value, else of its first number
    # with a unit), kept so that a statement nothing maps can still be reviewed by its words
    indicator_text: str | None = None
    # a reviewer's reason (ledger `dismiss`) why the statement states no indicator's value
    dismissed_reason: str | None = None


@dataclass
class Observation:
    doc_id: str
    indicator_id: str
    kind: str
    year: int | None  # None: the text states no year (year_basis says "not stated")
    comparator: str
    value: float
    value_high: float | None
    unit: str
    relative_to: str | None
    line: int
    quote: str
    value_text: str
    statement_id: str
    source: str = "rule"
    ledger_reason: str | None = None
    indicator_text: str | None = None  # the phrase that named the indicator, as written
    match_method: str = "alias"  # alias | fuzzy | ledger
    match_score: float | None = 100.0  # 100 for an alias; the fuzzy score otherwise
    kind_basis: str = ""  # why the kind (section, verb and past year, document genre, …)
    year_basis: str = ""  # where the year came from, or "not stated"
    quarantine_reason: str | None = None  # set: kept for review, never harmonized
    # another province the text names as the value's ("Lai Châu 65,8 tuổi; Kon Tum 66,8 tuổi"
    # on Hà Giang's page); None: the document's province
    province_named: str | None = None


@dataclass
class QualitativeObservation:
    doc_id: str
    target_id: str
    year: int
    line: int
    quote: str
    statement_id: str


@dataclass
class DocumentExtraction:
    statements: list[Statement] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    qualitative: list[QualitativeObservation] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Segments: a piece of text built from one or more lines, with offsets back to the lines


@dataclass
class Segment:
    shape: str
    pieces: list[tuple[int, int, str]]  # (text offset, line number, line text) in order
    text: str
    context_year: int | None = None
    table_unitless_ok: bool = False
    columns: list[tuple[str, int]] | None = None  # (kind, year) of value columns, PDF rows
    is_heading: bool = False
    in_targets: bool = True
    section: Section | None = None  # what the latest heading opened (targets, results, other)
    # the year an earlier paragraph since the last heading opens with ("Năm 2025, …"): a press
    # article's lead dates the paragraphs after it that name no year
    lead_year: int | None = None
    # what the paragraph before said of now ("Đến nay"), when this one goes on from it with a
    # linking word ("Bên cạnh đó, …")
    linked_now: str | None = None
    # and the last year the paragraph before names ("… giai đoạn 2026-2030 … / Đồng thời, giảm
    # … xuống dưới 32/100.000"): the goals it goes on with share that year
    linked_year: int | None = None
    # the last year the paragraph before names, when that one ends open (";", ":") and this one
    # goes on with its list ("phấn đấu đến năm 2025, 100% …;" / "90% cơ sở … đạt yêu cầu …;")
    list_year: int | None = None
    # whether it goes on under a lead that sets targets: the paragraph its lead year comes
    # from ("Về mục tiêu cụ thể, đến năm 2030, …") or its list's lead-in ("Kế hoạch đề ra các
    # chỉ tiêu như sau:"); on a page its values are then the goals it tells of, not results
    goal_framed: bool = False
    keyed: Keyed | None = None
    # text offsets of the pieces, built on first use: rebuilding them for every number made a
    # paragraph wrapped over many lines quadratic
    piece_starts: list[int] | None = field(default=None, repr=False)
    # offsets where its paragraphs start (after a line that ends a sentence), built on first use
    paragraph_starts: list[int] | None = field(default=None, repr=False)
    # where sentences (or lines) opening on a period just past end their opener ("Nhiệm kỳ
    # qua,"), found once (kind_year._told_from)
    looking_back_ends: list[int] | None = field(default=None, repr=False)

    @classmethod
    def from_lines(cls, shape: str, lines: list[tuple[int, str]], **kw: Any) -> Segment:
        pieces = []
        parts = []
        pos = 0
        for line_no, text in lines:
            pieces.append((pos, line_no, text))
            parts.append(text)
            pos += len(text) + 1
        return cls(shape=shape, pieces=pieces, text=" ".join(parts), **kw)

    @property
    def line_start(self) -> int:
        return self.pieces[0][1]

    @property
    def line_end(self) -> int:
        return self.pieces[-1][1]

    def piece_index(self, offset: int) -> int:
        """The index of the piece (line) holding a text offset."""
        if self.piece_starts is None:
            self.piece_starts = [p[0] for p in self.pieces]
        return max(0, bisect_right(self.piece_starts, offset) - 1)

    def locate(self, offset: int) -> tuple[int, str, int]:
        """(line number, line text, column) of a text offset."""
        start, line_no, text = self.pieces[self.piece_index(offset)]
        return line_no, text, offset - start
