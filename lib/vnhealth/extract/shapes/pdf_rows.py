"""PDF rows under a header of one word per line ("STT" / "Chỉ tiêu" / "Năm 2020" …): each row
opens with its number and may wrap over several lines. A row is read like prose; its trailing
values fill the header's year columns when the header names two years or more."""

from __future__ import annotations

import re
from collections.abc import Sequence

from vnhealth.extract.lines import CAPS_TITLE_RE, HEADING_RE, YEAR_IN_TEXT_RE
from vnhealth.extract.records import Segment
from vnhealth.extract.shapes.records import ShapeRead, Spot, TableShape
from vnhealth.extract.shapes.words import TableWords
from vnhealth.inputs.text import lite

# a row's number, then its name (perhaps after a dash: "13 - Tỷ lệ chất thải rắn …"); the
# number of the goal a group of rows serves may stand before the first ("(3) 6 Tăng chiều cao")
PDF_ROW_RE = re.compile(
    r"^\s*(?:\(\d{1,2}\)\s+)?(\d{1,2}[a-z]?(?:\.\d{1,2})?)(\.?)\s+(?=(?:[-–+•]\s*)?[A-ZĐÀ-Ỹ])")
_NAME_START_RE = re.compile(r"(?:[-–+•]\s*)?[A-ZĐÀ-Ỹ]")
# a line holding one cell's value: "16", "15,0", "(+0,6)", "4.180"
_VALUE_LINE_RE = re.compile(r"^\s*\(?[+\-–]?\d[\d.,]*\s*%?\)?\s*$")
_LONE_NUMBER_RE = re.compile(r"^\s*(\d{1,2}[a-z]?)\.?\s*$")
_URL_LIKE = re.compile(r"^(https?://|www\.)\S+$")
_SECTION_NUMBER_RE = re.compile(r"^\s*(?:[IVX]+\.|[a-zđ]\))")
_LEADING_DIGITS_RE = re.compile(r"\d+")


def detect(spot: Spot) -> bool:
    return header_start(spot.lines[spot.i], spot.words) is not None


GROUP_TITLE_MAX = 60  # characters of a group column's title before "STT"
_SENTENCE_MARKS = frozenset(".:;!?")


def header_start(line: str, words: TableWords) -> int | None:
    """Where a table of numbered rows opens its header on a line: at its "STT", first on the
    line or after the title of a column grouping the rows ("Mục tiêu cụ thể NQ số 07 STT Chỉ
    tiêu …", a PDF's text of a header row) when a header word follows it. None: no header."""
    if words.row_number_header.match(line):
        return 0
    head = line[:GROUP_TITLE_MAX + 4]
    if not any(w in head for w in words.row_number_words):
        return None  # every line is tried here: the cheap test first
    m = words.row_number_cell.search(line, 0, GROUP_TITLE_MAX + 4)
    if m is None or _SENTENCE_MARKS & set(line[:m.start()]):
        return None
    return m.start() if words.header.match(lite(line[m.end():].lstrip())) else None


def _row_number(token: str) -> float:
    m = _LEADING_DIGITS_RE.match(token)
    return float(m.group(0)) if m else -1.0


_ROW_SKIP = 3  # row numbers a table may skip (a row struck out: "4" then "6")


def _next_in_turn(token: str, last_number: float | None) -> bool:
    """Whether a row number may follow the last one: "1" first, then a little higher ("7a"
    after 7 too); a lower one opens the next part ("3. Nhiệm vụ" after row 21)."""
    number = _row_number(token)
    if last_number is None:
        return number == 1
    return int(last_number) <= number <= int(last_number) + _ROW_SKIP


def _next_text_line_is_name(lines: Sequence[str], i: int) -> bool:
    for j in range(i + 1, min(i + 4, len(lines))):
        s = lines[j].strip()
        if s:
            return bool(_NAME_START_RE.match(s)) and not PDF_ROW_RE.match(lines[j])
    return False


def _header(spot: Spot) -> tuple[list[tuple[str, int]], int, int]:
    """(columns as (kind, year), the plan year rows are dated by, index of the first row)."""
    lines = spot.lines
    header_parts = [lines[spot.i][header_start(lines[spot.i], spot.words) or 0:]]
    i = spot.i + 1
    while i < len(lines):
        line = lines[i]
        if PDF_ROW_RE.match(line) or (_LONE_NUMBER_RE.match(line)
                                      and _next_text_line_is_name(lines, i)):
            break
        if line.strip():
            header_parts.append(line.strip())
        i += 1
    header = lite(" ".join(header_parts))
    years = [int(y) for y in YEAR_IN_TEXT_RE.findall(header)]
    target_year = max(years) if years else spot.period_end
    first = YEAR_IN_TEXT_RE.search(header)
    plan_cells = _plan_cells(header, spot.words)
    # "KẾT QUẢ ĐẠT ĐƯỢC" over "Năm 2011 … Năm 2015", and no plan column: every year reached
    achieved = first is not None and spot.words.actual.search(header[:first.start()]) \
        is not None and spot.words.plan.search(header) is None and not plan_cells
    cells = sorted([(m.start(), int(m.group(1))) for m in YEAR_IN_TEXT_RE.finditer(header)]
                   + [(start, None) for start in plan_cells])
    columns = []
    for start, y in cells:
        before = header[max(0, start - 30):start]
        if y is None:
            columns.append(("target", target_year))
        elif achieved:
            columns.append(("actual", y))
        elif any(w in before for w in spot.words.baseline_columns):
            columns.append(("baseline", y))
        else:
            columns.append(("target" if y == target_year else "trajectory", y))
    return columns, target_year, i


_YEAR_AFTER_RE = re.compile(r"\s*(?:\S+\s+){0,2}?(?:19|20)\d\d(?!\d)")


def _plan_cells(header: str, words: TableWords) -> list[int]:
    """Where the header, read as one line, holds a target column that names no year: a plan
    word ("Chỉ tiêu", "Mục tiêu") after the unit column ("Đơn vị tính"), no year in the two
    words after it (not "Kế hoạch năm 2023"). Its values are the plan horizon's targets. The
    plan word before the unit column names the rows ("STT / Chỉ tiêu / Đơn vị tính")."""
    units = [m.end() for w in words.unit_column for m in [re.search(re.escape(w), header)] if m]
    if not units:
        return []
    starts = []
    for w in words.target_column:
        for m in re.compile(rf"(?<!\w){re.escape(w)}(?!\w)").finditer(header, min(units)):
            if not _YEAR_AFTER_RE.match(header, m.end()):
                starts.append(m.start())
    return starts


def _a_title(s: str) -> bool:
    """A line in capitals that is no row's name (not right under its number): the next
    part's title ("PHỤ LỤC II") ends the table."""
    return CAPS_TITLE_RE.match(s) is not None and any(c.isalpha() for c in s)


def _named(row: list[tuple[int, str]]) -> bool:
    """Whether a row has its name: a line after its number, or on the number's own line."""
    return len(row) > 1 or bool(row and PDF_ROW_RE.match(row[0][1]))


_GROUP_MARK_RE = re.compile(r"^\s*\(\d{1,2}\)\s*$")


def _opens_row_next(lines: Sequence[str], i: int) -> bool:
    """Whether the next filled line after line i opens a numbered row."""
    for j in range(i + 1, min(i + 3, len(lines))):
        if lines[j].strip():
            return bool(PDF_ROW_RE.match(lines[j]) or (_LONE_NUMBER_RE.match(lines[j])
                                                      and _next_text_line_is_name(lines, j)))
    return False


def _ends_table(line: str, words: TableWords) -> bool:
    """Another header, or a section heading ("II.", "a)") that is no row."""
    return bool(words.row_number_header.match(line) or (line.strip() and HEADING_RE.match(line)
                                       and not PDF_ROW_RE.match(line)
                                       and not _LONE_NUMBER_RE.match(line)
                                       and _SECTION_NUMBER_RE.match(line)))


def _rows(lines: Sequence[str], i: int, words: TableWords
          ) -> tuple[list[list[tuple[int, str]]], int]:
    """The rows from line i (each its numbered line and the lines it wraps over), and the
    index after the table. A lone number opens a row when the next text line is a name and
    it follows the last row's number."""
    rows: list[list[tuple[int, str]]] = []
    last_number: float | None = None
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        if _ends_table(line, words) or (rows and _named(rows[-1]) and _a_title(s)):
            break
        m_row = PDF_ROW_RE.match(line)
        m_lone = _LONE_NUMBER_RE.match(line)
        is_row = False
        if m_row and m_row.group(2) and not _next_in_turn(m_row.group(1), last_number):
            break  # "3. Nhiệm vụ …" after the rows "1." … "21.": the next part's heading
        if m_row:
            is_row = True
            last_number = _row_number(m_row.group(1))
        elif m_lone and _next_text_line_is_name(lines, i):
            num = _row_number(m_lone.group(1))
            if last_number is None or num == int(last_number) + 1:
                is_row = True
                last_number = num
        if is_row:
            rows.append([])
        elif _GROUP_MARK_RE.match(line) and _opens_row_next(lines, i):
            i += 1  # "(5)" over row 13: the number of the goal the next rows serve, no value
            continue
        if s and rows and not _URL_LIKE.match(s):
            rows[-1].append((i + 1, line))
        i += 1
    return rows, i


def read(spot: Spot) -> ShapeRead:
    columns, target_year, first_row = _header(spot)
    rows, end = _rows(spot.lines, first_row, spot.words)
    segments = [Segment.from_lines("pdf_row", part, context_year=target_year,
                                   table_unitless_ok=True,
                                   columns=columns if len(columns) >= 2 else None)
                for row in rows if row for part in _sub_rows(row, len(columns))]
    return ShapeRead(end=end, segments=segments)


def _sub_rows(row: list[tuple[int, str]], n_columns: int) -> list[list[tuple[int, str]]]:
    """A numbered row set one cell per line, split where a name follows a full set of values:
    "6 / Giảm tỷ suất sinh / 0,3 … 0,2 / Tỷ lệ tăng dân số tự nhiên / 1,13 … 1,1" holds two
    rows under one number, each with a value per year column."""
    if n_columns < 2:
        return [row]
    parts: list[list[tuple[int, str]]] = [[]]
    values = 0
    for line_no, line in row:
        if values >= n_columns and _NAME_START_RE.match(line.strip()):
            parts.append([])
            values = 0
        parts[-1].append((line_no, line))
        values += bool(_VALUE_LINE_RE.match(line))
    return parts


SHAPE = TableShape("pdf_rows", detect, read)
