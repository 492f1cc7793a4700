"""Tables whose header names years (vnhealth.extract.shapes): each layout read into the same
typed Table, and its values reaching observations with a year per column. The snippets are
modelled on layouts seen in statistics pages, yearbooks and plan appendices, with made-up
labels and numbers."""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from collections.abc import Callable

import pytest

from vnhealth.extract import Vocabulary, read_text
from vnhealth.extract.pipeline import extract_document
from vnhealth.extract.shapes.header import could_be_header, header_line
from vnhealth.extract.shapes.records import Table
from vnhealth.extract.shapes.rows import row_role, split_row
from vnhealth.extract.shapes.words import TableWords
from vnhealth.extract.shapes.year_shapes import YEAR_SHAPES, find_table
from vnhealth.inputs.catalog import load_catalog, load_manifest
from vnhealth.inputs.paths import ProjectPaths
from vnhealth.inputs.text import lite, nfc


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(load_catalog(ProjectPaths.at()))


@pytest.fixture(scope="module")
def words(vocab: Vocabulary) -> TableWords:
    return vocab.table_words


def _table(text: str, words: TableWords) -> Table:
    lines = text.split("\n")
    for i in range(len(lines)):
        table = find_table(lines, i, words)
        if table is not None:
            return table
    raise AssertionError("no table found")


def _values(table: Table) -> list[tuple[str, int, float | None]]:
    return [(row.label, table.columns[c.column].year, c.value.value if c.value else None)
            for row in table.province_rows() for c in row.cells]


SIDE_BY_SIDE = """Chỉ tiêu y tế chủ yếu

      2016 2018 2020 Sơ bộ 2022
Bác sĩ bình quân 1 vạn dân 8,10 9,25 10,40 11,05
Tỷ lệ tử vong trẻ em dưới 5 tuổi (‰) 20,1 19,4 18,8 18,0
Số trạm y tế       12 14
Bài viết liên quan"""


def test_side_by_side_header_with_a_preliminary_year(words: TableWords) -> None:
    table = _table(SIDE_BY_SIDE, words)
    assert table.shape == "side_by_side"
    assert [c.year for c in table.columns] == [2016, 2018, 2020, 2022]
    assert [c.kind_hint for c in table.columns] == [None, None, None, "preliminary"]
    assert table.kind_hint == "actual"  # a preliminary column makes it a statistics table
    rows = table.rows
    assert rows[0].cells[0].text == "8,10" and rows[0].cells[0].line == 4
    assert rows[1].unit_text == "‰"
    # fewer values than columns: they end in the last columns
    assert [(table.columns[c.column].year, c.text) for c in rows[2].cells] == [
        (2020, "12"), (2022, "14")]
    assert table.end == 6  # the line after the table goes back to prose



def test_a_kind_word_between_two_years_makes_no_range(words: TableWords) -> None:
    # "2021 Sơ bộ - 2022" (Đà Nẵng's social indicators, real_dev39): the kind word and its
    # dash stand between two columns, not inside a range 2021-2022
    text = SIDE_BY_SIDE.replace("2016 2018 2020 Sơ bộ 2022", "2016 2018 2020 Sơ bộ - 2022")
    table = _table(text, words)
    assert [(c.year, c.kind_hint) for c in table.columns] == [
        (2016, None), (2018, None), (2020, None), (2022, "preliminary")]
    table = _table(text.replace("2016 2018 2020", "2018 2020 2021"), words)
    assert [(c.year, c.kind_hint) for c in table.columns] == [
        (2018, None), (2020, None), (2021, None), (2022, "preliminary")]

STACKED = """                 Tỷ lệ trạm y tế có bác sĩ phân theo huyện
                 Rate of health stations having doctor by district

                                                  Đơn vị tính - Unit: %
                                                                  Sơ bộ
                                          2021         2022       Prel.
                                                                  2023

              TOÀN TỈNH
              WHOLE PROVINCE              80,50        82,25      84,00

              1. Huyện Đông Sơn           75,00        80,00      82,00
              2. Thị xã Bình Minh         90,00        90,00      95,00
"""


def test_stacked_header_total_row_and_districts(words: TableWords) -> None:
    table = _table(STACKED, words)
    assert table.shape == "stacked_header"
    assert [(c.year, c.kind_hint) for c in table.columns] == [
        (2021, None), (2022, None), (2023, "preliminary")]
    assert table.unit_text == "%"
    assert "trạm y tế có bác sĩ" in table.title
    roles = [r.role for r in table.rows]
    assert roles == ["total", "sub", "sub"]
    total = table.rows[0]
    assert total.lines == [9, 10]
    assert _values(table) == [(total.label, 2021, 80.5), (total.label, 2022, 82.25),
                              (total.label, 2023, 84.0)]


def test_stacked_header_values_placed_by_position(words: TableWords) -> None:
    text = ("                          2020        2021        2022\n"
            "Tỷ lệ trạm y tế có bác sĩ   60,0                    70,0\n")
    table = _table(text, words)
    assert [(table.columns[c.column].year, c.text) for c in table.rows[0].cells] == [
        (2020, "60,0"), (2022, "70,0")]


ONE_PER_LINE = """Một số chỉ tiêu y tế
2019
2020
Sơ bộ 2021
Số giường bệnh trên 10.000 dân
30,5
31,2
32,0
Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ
97,1
96,0
95,5
"""


def test_one_cell_per_line(words: TableWords) -> None:
    table = _table(ONE_PER_LINE, words)
    assert table.shape == "one_per_line"
    assert [c.year for c in table.columns] == [2019, 2020, 2021]
    first, second = table.rows
    assert first.label == "Số giường bệnh trên 10.000 dân"
    assert [(c.text, c.line) for c in first.cells] == [("30,5", 6), ("31,2", 7), ("32,0", 8)]
    assert [table.columns[c.column].year for c in second.cells] == [2019, 2020, 2021]


# real_dev126's layout (a journal's table flattened one cell per line): word columns before
# the years, footnote letters on the years, "47.7 %" and "[n.a.]" cells, rows by province
WORD_COLUMNS_FIRST = """Coverage of ≥ 3 ANC visits

Adjacent to

Dien Bien

Hoa Binh

2012a

2013b

Intervention provinces

 Dien Bien

-

-

47.7 %

89.5 %

 Hoa Binh

-

-

85.2 %

[n.a.]

Total

-

-

66.5 %

89.5 %
"""


def test_one_cell_per_line_with_word_columns_before_the_years(vocab: Vocabulary) -> None:
    table = _table(WORD_COLUMNS_FIRST, vocab.table_words)
    assert [c.year for c in table.columns] == [2012, 2013]
    assert [(r.label, [(c.text, table.columns[c.column].year) for c in r.cells])
            for r in table.rows] == [
        ("Dien Bien", [("47.7 %", 2012), ("89.5 %", 2013)]),
        ("Hoa Binh", [("85.2 %", 2012), ("[n.a.]", 2013)]),
        ("Total", [("66.5 %", 2012), ("89.5 %", 2013)])]
    # each province's row is its own, the total of the provinces none's
    out = read_text(vocab, WORD_COLUMNS_FIRST, province_id="dien_bien", period_start=2013,
                    period_end=2013, title="")
    assert sorted((o.province_named or "", o.indicator_id, o.year, o.value)
                  for o in out.observations) == [
        ("", "antenatal_care_3_visits", 2012, 47.7),
        ("", "antenatal_care_3_visits", 2013, 89.5),
        ("hoa_binh", "antenatal_care_3_visits", 2012, 85.2)]


TABS_AND_PIPES = [
    "Chỉ tiêu\tĐơn vị tính\tNăm 2020\tNăm 2021\n"
    "Tỷ lệ bao phủ bảo hiểm y tế\t%\t90,1\t91,3\n",
    "| Chỉ tiêu | ĐVT | 2020 | 2021 |\n"
    "| Tỷ lệ bao phủ bảo hiểm y tế | % | 90,1 | 91,3 |\n",
]


@pytest.mark.parametrize("text", TABS_AND_PIPES)
def test_tab_and_pipe_cells_with_a_unit_column(words: TableWords, text: str) -> None:
    table = _table(text, words)
    assert [c.year for c in table.columns] == [2020, 2021]
    row = table.rows[0]
    assert row.label == "Tỷ lệ bao phủ bảo hiểm y tế" and row.unit_text == "%"
    assert [c.text for c in row.cells] == ["90,1", "91,3"]


def test_row_roles(words: TableWords) -> None:
    assert row_role("Tổng số - Total", words) == "total"
    assert row_role("Cả nước", words) == "national"
    assert row_role("3. Huyện Kim Bôi", words) == "sub"
    assert row_role("Xã đạt tiêu chí quốc gia về y tế", words) == "row"  # not a place name


def test_split_row_keeps_label_numbers() -> None:
    parts = split_row("Trẻ em dưới 5 tuổi bị suy dinh dưỡng (%) 12,1 11,8", 2)
    assert parts.label == "Trẻ em dưới 5 tuổi bị suy dinh dưỡng (%)"
    assert parts.unit_text == "%"
    assert [t for t, _v, _s, _e in parts.values] == ["12,1", "11,8"]


def test_prose_with_years_is_no_table(words: TableWords) -> None:
    text = "Năm 2020 và năm 2021\nTỉnh đã triển khai nhiều hoạt động truyền thông."
    lines = text.split("\n")
    assert all(find_table(lines, i, words) is None for i in range(len(lines)))
    assert {s.name for s in YEAR_SHAPES} == {"side_by_side", "wrapped_header", "stacked_header",
                                             "one_per_line", "flattened_header", "single_year",
                                             "years_down",
                                             "year_records"}


def test_table_values_become_observations_with_column_years(vocab: Vocabulary) -> None:
    out = read_text(vocab, STACKED, period_start=2021, period_end=2025)
    got = sorted((o.indicator_id, o.year, o.value, o.kind, o.line) for o in out.observations)
    assert got == [("chs_with_doctor", 2021, 80.5, "actual", 10),
                   ("chs_with_doctor", 2022, 82.25, "actual", 10),
                   ("chs_with_doctor", 2023, 84.0, "actual", 10)]
    out = read_text(vocab, ONE_PER_LINE, period_start=2021, period_end=2025)
    got = sorted((o.indicator_id, o.year, o.value) for o in out.observations)
    assert ("hospital_beds_per_10k", 2019, 30.5) in got
    assert ("full_immunization_under1", 2021, 95.5) in got


def test_tab_rows_without_row_numbers_are_read_as_a_year_table(vocab: Vocabulary) -> None:
    text = ("Một số chỉ tiêu\n"
            "Chỉ tiêu\tĐơn vị tính\t2020\t2021\n"
            "Tỷ lệ bao phủ bảo hiểm y tế\t%\t90,1\t91,3\n"
            "Ghi chú: số liệu sơ bộ.")
    out = read_text(vocab, text, period_start=2021, period_end=2025)
    got = sorted((o.indicator_id, o.year, o.value, o.line) for o in out.observations)
    assert got == [("health_insurance_coverage", 2020, 90.1, 3),
                   ("health_insurance_coverage", 2021, 91.3, 3)]


def test_cheap_header_test_never_turns_a_header_away(words: TableWords) -> None:
    """header_line first rejects a line holding a word no header word has, or digits that
    are no year; a header line of any kind must still pass to the full reading."""
    headers = ["Chỉ tiêu | 2020 | 2021 | Sơ bộ 2022", "Sơ bộ", "Prel.", "2019   2020   2021",
               "Năm 2023 (Ước TH)", "STT\tNội dung\tĐVT\tKế hoạch 2025", "Giai đoạn 2016-2020",
               "Indicator  Unit  2015  2017  Note"]
    for line in headers:
        assert could_be_header(lite(line), words.header_letters), line
        assert header_line(line, 0, words) is not None, line
    for line in ["Tỷ lệ trẻ em được tiêm chủng đạt 95% năm 2025", "Bảng 3: 2020 2021",
                 "123 2020 2021"]:
        assert header_line(line, 0, words) is None, line


# Layouts first met in tests/data/real_dev2 (made-up labels and numbers, same shapes)

WRAPPED_HEADER = """Một số chỉ tiêu y tế
Some health indicators
2011 2014 2015 2016
2017
Bác sĩ bình quân 1 vạn dân (Người)
Doctors per 10000 inhabitants (Person)
5,1
5,4
5,9
6,2
6,6
Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng (%) -
Under-
five malnutrition rate (%)
18,1 16,2 15,4 14,9 14,1"""


def test_wrapped_header_reads_its_years_in_order_and_a_dash_is_no_cell(
        words: TableWords) -> None:
    table = _table(WRAPPED_HEADER, words)
    assert [c.year for c in table.columns] == [2011, 2014, 2015, 2016, 2017]
    assert table.kind_hint == "actual"  # bilingual labels: a yearbook
    values = _values(table)
    years = [2011, 2014, 2015, 2016, 2017]
    assert [(y, v) for _l, y, v in values[:5]] == list(
        zip(years, [5.1, 5.4, 5.9, 6.2, 6.6], strict=True))
    malnutrition = [v for v in values if v[0].startswith("Tỷ lệ trẻ em")]
    assert [(y, v) for _l, y, v in malnutrition] == [
        (2011, 18.1), (2014, 16.2), (2015, 15.4), (2016, 14.9), (2017, 14.1)]


BLANK_SEPARATED = """CHỈ TIÊU

2016

2017

2018

Số Bác sĩ/vạn dân

12,04

12

13

Cục Thống kê tỉnh"""


def test_one_cell_per_line_takes_bare_integers_and_a_source_line(words: TableWords) -> None:
    table = _table(BLANK_SEPARATED, words)
    assert [(y, v) for _l, y, v in _values(table)] == [(2016, 12.04), (2017, 12.0), (2018, 13.0)]
    assert table.kind_hint == "actual"  # "Cục Thống kê" under the table


YEARS_DOWN = """Tỷ suất sinh thô, tỷ suất chết thô của dân số

  Tỷ suất sinh thô

Crude birth rate

Tỷ suất chết thô

Crude death rate

Tỷ lệ tăng tự nhiên

Natural increase rate

2019 16,10 5,20 10,90
2020 15,80 5,30 10,50
Sơ bộ – Prel. 2021 15,20 5,60 9,60"""


def test_years_down_the_rows(words: TableWords) -> None:
    table = _table(YEARS_DOWN, words)
    assert table.shape == "years_down"
    assert [(c.year, c.kind_hint) for c in table.columns] == [
        (2019, None), (2020, None), (2021, "preliminary")]
    assert [r.label for r in table.rows] == ["Tỷ suất sinh thô", "Tỷ suất chết thô",
                                             "Tỷ lệ tăng tự nhiên"]
    assert [(y, v) for label, y, v in _values(table) if label == "Tỷ suất chết thô"] == [
        (2019, 5.2), (2020, 5.3), (2021, 5.6)]


def test_years_down_values_share_the_tables_unit(vocab: Vocabulary) -> None:
    got = {(o.indicator_id, o.year): (o.value, o.unit, o.kind, o.quarantine_reason)
           for o in read_text(vocab, YEARS_DOWN, period_start=2019, period_end=2021).observations}
    assert got[("crude_death_rate", 2021)] == (5.6, "per_1000", "actual", None)
    # 10,50 beside rates per 1,000 is a natural increase of 10.5‰, not 10.5%
    assert got[("natural_population_growth", 2020)] == (10.5, "per_1000", "actual", None)


def test_a_year_first_line_in_prose_is_no_table(words: TableWords) -> None:
    text = "Kết quả năm 2020\n2020 là năm đầu tiên thực hiện kế hoạch 5 năm"
    lines = text.split("\n")
    assert all(find_table(lines, i, words) is None for i in range(len(lines)))


# --- one table, any layout: the Lai Châu seed's tab table re-drawn ------------------------------

_SEED = ProjectPaths.at().raw / "lai_chau_2026_2030_kh_48_nq_07.txt"
_TABLE = range(143, 165)  # 0-based lines of its table of targets


Drawing = Callable[[list[tuple[int, list[str]]]], list[tuple[int, str]]]


def _as_printed(cell: str) -> str:
    """A seed's cell as a page shows it: without its bold tags, its entity as the sign."""
    return cell.replace("<b>", "").replace("</b>", "").replace("&gt;", ">")


def _table_rows(lines: list[str]) -> list[tuple[int, list[str]]]:
    """The seed table's tab rows: (0-based line, cells as printed)."""
    return [(i, [_as_printed(c) for c in lines[i].split("\t")]) for i in _TABLE if "\t" in lines[i]]


def _redrawn(lines: list[str], draw: Drawing) -> list[str]:
    rows = _table_rows(lines)
    out = list(lines)
    for i, text in draw(rows):
        out[i] = text
    return out


def _markdown(rows: list[tuple[int, list[str]]]) -> list[tuple[int, str]]:
    return [(i, "| " + " | ".join(cells) + " |") for i, cells in rows]


def _aligned(rows: list[tuple[int, list[str]]]) -> list[tuple[int, str]]:
    """Cells padded to their column's width in the numbered rows; a header cell wider than
    its column runs on into the next, as a PDF's layout draws a spanning header."""
    numbered = [cells for _i, cells in rows[2:]]
    widths = [max(len(c[k]) for c in numbered if k < len(c)) + 3
              for k in range(max(map(len, numbered)))]
    out = []
    for i, cells in rows:
        text = ""
        for k, cell in enumerate(cells):
            text = text + "  " if k and len(text) >= sum(widths[:k]) \
                else text.ljust(sum(widths[:k]))
            text += cell
        out.append((i, text.rstrip()))
    return out


def _table_values(vocab: Vocabulary, lines: list[str]) -> list[tuple]:
    found = read_text(vocab, "\n".join(lines), period_start=2026, period_end=2030).observations
    return sorted((o.indicator_id, o.kind, o.year, o.comparator, o.value, o.value_high)
                  for o in found if o.line - 1 in _TABLE)


@pytest.mark.parametrize("draw", [_markdown, _aligned], ids=["markdown", "aligned"])
def test_a_seed_table_redrawn_in_another_layout_reads_the_same(vocab: Vocabulary,
                                                              draw: Drawing) -> None:
    lines = _SEED.read_text(encoding="utf-8").split("\n")
    as_tabs = _table_values(vocab, lines)
    assert len(as_tabs) == 45  # the 45 targets, baselines and milestones of the tab table
    assert _table_values(vocab, _redrawn(lines, draw)) == as_tabs


@pytest.mark.parametrize(("written", "as_another_plan_writes_it"), [
    ("Thực hiện 2025", "Ước thực hiện năm 2025"),
    ("Thực hiện 2025", "Năm 2025"),  # a year before the plan's: its starting point
    ("\tChỉ tiêu\tTiến độ", "\tMục tiêu đến năm 2030\tTiến độ"),
    ("2026\t2027\t2028\t2029\t2030", "Năm 2026\tNăm 2027\tNăm 2028\tNăm 2029\tNăm 2030"),
    ("Tiến độ thực hiện trong các năm", "Lộ trình thực hiện"),
    ("Đơn vị tính", "ĐVT"),
    ("\tSTT\t", "\tTT\t")])
def test_a_seed_table_with_its_header_worded_otherwise_reads_the_same(
        vocab: Vocabulary, written: str, as_another_plan_writes_it: str) -> None:
    lines = _SEED.read_text(encoding="utf-8").split("\n")
    reworded = [x.replace(written, as_another_plan_writes_it) if k in _TABLE[:2] else x
                for k, x in enumerate(lines)]
    assert reworded != lines
    assert _table_values(vocab, reworded) == _table_values(vocab, lines)


_NAME_WIDTH = 28  # characters of the name column a PDF wraps the names in


@pytest.mark.parametrize("values_on", ["first", "middle", "last"])
def test_a_seed_table_drawn_with_wrapped_names_reads_the_same(vocab: Vocabulary,
                                                              values_on: str) -> None:
    # a PDF's layout: names wrapped over lines in a narrow column, the row's number and
    # values on the name's first, middle (centred in the cell) or last line
    lines = _SEED.read_text(encoding="utf-8").split("\n")
    rows = _table_rows(lines)
    pieces = {i: textwrap.wrap(cells[2], _NAME_WIDTH) or [""] if k >= 2 else [cells[2]]
              for k, (i, cells) in enumerate(rows)}
    at = {i: {"first": 0, "middle": (len(p) - 1) // 2, "last": len(p) - 1}[values_on]
          for i, p in pieces.items()}
    drawn = dict(_aligned([(i, [*cells[:2], pieces[i][at[i]], *cells[3:]])
                           for i, cells in rows]))
    indent = " " * drawn[rows[2][0]].index(pieces[rows[2][0]][at[rows[2][0]]])
    out = lines[:_TABLE.start]
    for i in _TABLE:
        if i not in drawn:
            out.append(lines[i])
            continue
        out += [indent + p for p in pieces[i][:at[i]]] + [drawn[i]] + [
            indent + p for p in pieces[i][at[i] + 1:]]
    out += lines[_TABLE.stop:]
    span = range(_TABLE.start, len(out) - (len(lines) - _TABLE.stop))
    found = read_text(vocab, "\n".join(out), period_start=2026, period_end=2030).observations
    assert sorted((o.indicator_id, o.kind, o.year, o.comparator, o.value, o.value_high)
                  for o in found if o.line - 1 in span) == _table_values(vocab, lines)


# --- the Thừa Thiên Huế seed's PDF rows (numbered, wrapped, one word per header line) ------------

_HUE = ProjectPaths.at().raw / "thua_thien_hue_2023_2025_kh_qd_788.txt"
_HUE_TABLE = range(151, 269)  # 0-based lines of its table a) of targets for 2023-2025
_HUE_HEADER = ["STT", "Chỉ số", "Đơn vị tính", "Kế hoạch năm 2023", "Kế hoạch năm 2024",
               "Kế hoạch năm 2025"]
_ROW_OPEN_RE = re.compile(r"^(\d{1,2}[a-z]?)(?:\s+(\S.*))?$")
_CELL_VALUE_RE = re.compile(r"^[<>]?\d[\d.,]*(?:-\d[\d.,]*)?$")
_UNIT_WORDS = ("%", "‰", "Người", "Giường", "Ca", "Tuổi", "Số bé trai")


def _hue_rows(lines: list[str]) -> list[list[str]]:
    """The table's rows as cells (number, name, unit, three values; blank cells where a row
    has fewer), read off the PDF text: a row opens with its number, its name may wrap, its
    last line ends with the unit and the values."""
    body = [x.strip() for x in lines[_HUE_TABLE.start:_HUE_TABLE.stop] if x.strip()]
    body = body[next(k for k, x in enumerate(body) if x.startswith("1 ")):]
    groups: list[list[str]] = []
    for k, text in enumerate(body):
        m = _ROW_OPEN_RE.match(text)
        if m and (m.group(2) or k + 1 < len(body) and body[k + 1][:1].isalpha()):
            groups.append([m.group(1), m.group(2) or ""])
        else:
            groups[-1].append(text)
    rows = []
    for number, *parts in groups:
        words = " ".join(parts).split()
        values: list[str] = []
        while words and _CELL_VALUE_RE.match(words[-1]) and len(values) < 3:
            values.insert(0, words.pop())
        text = " ".join(words)
        at = max((text.rfind(" " + u) for u in _UNIT_WORDS), default=-1)
        name, unit = (text[:at], text[at + 1:]) if at > 0 else (text, "")
        rows.append([number, name, unit, *[""] * (3 - len(values)), *values])
    return rows


def _hue_values(vocab: Vocabulary, text: list[str], rows: range) -> Counter:
    """What the Huế text gives on the lines `rows` (0-based), read as its 2023-2025 plan."""
    found = read_text(vocab, "\n".join(text), period_start=2023, period_end=2025)
    return Counter((o.indicator_id, o.kind, o.year, o.comparator, o.value, o.value_high)
                   for o in found.observations if o.line - 1 in rows)


def _hue_drawn(rows: list[list[str]], layout: str) -> list[str]:
    table = [_HUE_HEADER, *rows]
    if layout == "tabs":
        return ["\t".join(r) for r in table]
    if layout == "markdown":
        return ["| " + " | ".join(_HUE_HEADER) + " |", "|---" * 6 + "|",
                *("| " + " | ".join(r) + " |" for r in rows)]
    widths = [max(len(r[k]) for r in table) + 3 for k in range(6)]
    widths[1] = _NAME_WIDTH + 3

    def line(cells: list[str]) -> str:
        return "".join(c.ljust(widths[k]) for k, c in enumerate(cells)).rstrip()
    out = [line(_HUE_HEADER)]
    for r in rows:  # names wrapped, the values on the name's middle line
        pieces = textwrap.wrap(r[1], _NAME_WIDTH) or [""]
        mid = (len(pieces) - 1) // 2
        out += [line(["", p]) for p in pieces[:mid]] + [line([r[0], pieces[mid], *r[2:]])] \
            + [line(["", p]) for p in pieces[mid + 1:]]
    return out


@pytest.mark.parametrize("layout", ["tabs", "markdown", "aligned"])
def test_the_seed_pdf_rows_drawn_in_another_layout_read_the_same(vocab: Vocabulary,
                                                                layout: str) -> None:
    lines = _HUE.read_text(encoding="utf-8").split("\n")
    rows = _hue_rows(lines)
    assert len(rows) == 21 and rows[6] == ["7a", "Trong đó, số năm sống khỏe mạnh", "", "", "",
                                           "67"]
    drawn = _hue_drawn(rows, layout)
    out = lines[:_HUE_TABLE.start] + drawn + lines[_HUE_TABLE.stop:]

    as_printed = _hue_values(vocab, lines, _HUE_TABLE)
    assert sum(as_printed.values()) == 61
    span = range(_HUE_TABLE.start, _HUE_TABLE.start + len(drawn))
    assert _hue_values(vocab, out, span) == as_printed


_HUE_HEADERS = {
    "one line": ["STT Chỉ số Đơn vị tính Kế hoạch năm 2023 Kế hoạch năm 2024 Kế hoạch năm 2025"],
    "TT and ĐVT": ["TT Chỉ tiêu ĐVT Năm 2023 Năm 2024 Năm 2025"],
    "years alone": ["STT", "Chỉ số", "Đơn vị tính", "2023", "2024", "2025"]}


@pytest.mark.parametrize("variant", [*_HUE_HEADERS, "numbers with a dot"])
def test_the_seed_pdf_rows_under_another_header_or_numbering_read_the_same(
        vocab: Vocabulary, variant: str) -> None:
    lines = _HUE.read_text(encoding="utf-8").split("\n")
    first = next(k for k in _HUE_TABLE if lines[k].startswith("1 "))
    header = _HUE_HEADERS.get(variant, lines[_HUE_TABLE.start:first])
    body = lines[first:_HUE_TABLE.stop]
    if variant == "numbers with a dot":  # "1. Tỷ lệ …", "3." over its wrapped name
        body = [re.sub(r"^(\s*)(\d{1,2}[a-z]?)(\s)", r"\1\2.\3", x) for x in body]
    out = lines[:_HUE_TABLE.start] + header + body + lines[_HUE_TABLE.stop:]
    span = range(_HUE_TABLE.start, _HUE_TABLE.start + len(header) + len(body))
    assert _hue_values(vocab, out, span) == _hue_values(vocab, lines, _HUE_TABLE)


def test_a_seed_table_copied_one_cell_per_line_reads_the_same_in_its_full_rows(
        vocab: Vocabulary) -> None:
    # a web page's copy: each cell on its own line, a blank line after each row, blank cells
    # gone (so a row with blanks no longer tells its columns: only full rows are compared)
    lines = _SEED.read_text(encoding="utf-8").split("\n")
    full = {i for i in _TABLE if "\t" in lines[i] and all(c.strip() for c in
                                                          lines[i].split("\t")[2:-1])}
    copied = [cell for i in _TABLE for cell in (
        [*(c for c in lines[i].split("\t") if c.strip()), ""] if "\t" in lines[i]
        else [lines[i]])]
    text = lines[:_TABLE.start] + copied + lines[_TABLE.stop:]
    span = range(_TABLE.start, _TABLE.start + len(copied))
    found = read_text(vocab, "\n".join(text), period_start=2026, period_end=2030).observations
    names = {o.indicator_id for o in read_text(vocab, "\n".join(lines), period_start=2026,
                                                 period_end=2030).observations
             if o.line - 1 in full}
    # life expectancy, EPI coverage, e-health records, insurance and telemedicine
    assert len(names) == 5
    # (a row's target cell and its last year's cell, one value on one line in the tab table,
    # stand on two lines here: compared as sets)
    assert {(o.indicator_id, o.kind, o.year, o.comparator, o.value, o.value_high)
            for o in found if o.line - 1 in span and o.indicator_id in names} == {
        v for v in _table_values(vocab, lines) if v[0] in names}


def _pdf_copied(lines: list[str], values_on: str) -> list[str]:
    """The seed's table as a PDF's text gives it (pdfplumber's, or a viewer's copy): a row's
    cells joined by one blank, blank cells gone; with values_on "first" or "middle", each
    name wrapped at NAME_WIDTH characters and the row's unit and values on that line of it."""
    out = list(lines[:_TABLE.start])
    for i in _TABLE:
        if "\t" not in lines[i]:
            out.append(lines[i])
            continue
        cells = [_as_printed(c).strip() for c in lines[i].split("\t")]
        if values_on == "none" or len(cells) < 4 or not cells[1].isdigit():
            out.append(" ".join(c for c in cells if c))
            continue
        pieces = textwrap.wrap(cells[2], NAME_WIDTH) or [""]
        at = 0 if values_on == "first" or len(pieces) < 2 else 1
        tail = " ".join(c for c in cells[3:] if c)
        pieces[at] = f"{pieces[at]} {tail}"
        head = " ".join(c for c in cells[:2] if c)
        out.extend([f"{head} {pieces[0]}", *pieces[1:]])
    # the rows after the table keep their places only in the unwrapped copy: compare values
    return out + lines[_TABLE.stop:]


NAME_WIDTH = 30  # characters of a wrapped name's line


@pytest.mark.parametrize("values_on", ["none", "first", "middle"])
def test_a_seed_table_copied_from_a_pdf_reads_its_full_rows_and_guesses_no_column(
        vocab: Vocabulary, values_on: str) -> None:
    lines = _SEED.read_text(encoding="utf-8").split("\n")
    full = {i for i in _TABLE if "\t" in lines[i] and all(c.strip() for c in
                                                          lines[i].split("\t")[2:-1])}
    copied = _pdf_copied(lines, values_on)
    span = range(_TABLE.start, len(copied) - (len(lines) - _TABLE.stop))
    as_tabs = _table_values(vocab, lines)
    found = sorted((o.indicator_id, o.kind, o.year, o.comparator, o.value, o.value_high)
                   for o in read_text(vocab, "\n".join(copied), period_start=2026,
                                      period_end=2030).observations if o.line - 1 in span)
    # every full row read right (six rows, 30 values), whichever line of its wrapped name
    # holds them; a row of fewer values than columns (which blanks collapsed is not told)
    # is left for review, not read into the last columns
    full_rows = [v for v in as_tabs if v[0] in {o.indicator_id for o in read_text(
        vocab, "\n".join(lines), period_start=2026, period_end=2030).observations
        if o.line - 1 in full}]
    assert len(full_rows) == 30 and Counter(found) == Counter(full_rows)
    statements = read_text(vocab, "\n".join(copied), period_start=2026,
                           period_end=2030).statements
    assert any(s.indicator_text and "sau đại học" in s.indicator_text and not s.is_mapped
               for s in statements)


def _pipe_cells_as_tab_rows(lines: list[str]) -> list[str]:
    """A text whose tables are pipe cells over lines ("5 |" / "Người dân được … |" / "Sở Y
    tế |" / "|" between rows) with each row on one line, its cells split by tabs, and a row of
    one cell (a part's title) a line without tabs: the text a DOCX or a ruled PDF of the same
    tables gives (inputs/derive.py). Lines keep their count (a row's first line holds it, its
    others are blank)."""
    out, cells, first = list(lines), [], None
    for k, line in enumerate(lines):
        s = line.strip()
        if s.endswith("|") and s.strip("|").strip():
            cells.append(s.rstrip("|").strip())
            first = k if first is None else first
            out[k] = ""
        elif s and not s.strip("|"):
            out[k] = ""  # a row of pipes between rows
            if cells:
                out[first], cells, first = "\t".join(cells), [], None
    return out


def test_a_seed_s_goal_table_as_tab_rows_reads_the_same(vocab: Vocabulary) -> None:
    # the Sơn La plan's tables of goals and tasks (no column of values: a goal's words, who
    # leads, who helps, and when, "Tháng 9/2030", "Năm 2027") as a DOCX or a ruled PDF gives
    # them: each cell read like prose, dated by its row's time cell, as its pipe cells are
    seed = ProjectPaths.at().raw / "son_la_2026_2030_kh_01.txt"
    lines = [nfc(x) for x in seed.read_text(encoding="utf-8").split("\n")]
    tabbed = _pipe_cells_as_tab_rows(lines)
    assert sum("\t" in x for x in tabbed) > 30

    doc = next(d for d in load_manifest(ProjectPaths.at(), vocab.catalog.provinces)
               if d.file.endswith(seed.name))

    def values(text: list[str]) -> Counter:
        return Counter((o.indicator_id, o.kind, o.year, o.comparator, o.value, o.value_high)
                       for o in extract_document(vocab, doc, text).observations
                       if o.line > 120)

    as_pipes = values(lines)
    assert ("doctors_per_station", "target", 2027, "range", 2.0, 3.0) in as_pipes
    assert values(tabbed) == as_pipes


# --- a statistics report's table: an estimate column beside two comparison columns -------------

# the layout of a provincial statistics office's report (positions as printed, numbers made up)
REPORT_TABLE = (
    "                                                                                           Ước năm 2024 so với (%)\n"  # noqa: E501 - a layout by position
    "                                                                                Ước năm\n"
    "                                      Chỉ tiêu                      Năm 2023\n"
    "                                                                                  2024      Thực hiện   Kế hoạch\n"  # noqa: E501 - a layout by position
    "                                                                                             năm 2023   năm 2024\n"  # noqa: E501 - a layout by position
    "\n"
    "                     1. Dân số trung bình (người)                      600.100      606.200   101,02      99,90\n"  # noqa: E501 - a layout by position
    "                     2. Tỷ lệ sinh (‰)                                   18,10        17,90    -0,20      -1,10\n"  # noqa: E501 - a layout by position
    "                     4. Tỷ lệ tăng dân số tự nhiên (‰)                   12,40        12,30    -0,10      0,20")  # noqa: E501 - a layout by position


def test_columns_under_a_comparison_hold_no_values(vocab: Vocabulary) -> None:
    found = read_text(vocab, REPORT_TABLE, period_start=2024, period_end=2024,
                      title="[statistics office] Tình hình kinh tế - xã hội").observations
    # the two columns under "so với (%)" are ratios (and signed changes), never a year's values;
    # a natural growth rate in ‰ is the catalogue's rate in %, converted later; the population's
    # count is no value, held back for review with its reason
    held = [o for o in found if o.quarantine_reason is not None]
    assert [(o.indicator_id, o.value) for o in held] == [
        ("population_average", 600100.0), ("population_average", 606200.0)]
    assert all("only its relative change is a value" in o.quarantine_reason for o in held)
    assert sorted((o.indicator_id, o.kind, o.year, o.value, o.unit) for o in found
                  if o.quarantine_reason is None) == [
        ("crude_birth_rate", "actual", 2023, 18.1, "per_1000"),
        ("crude_birth_rate", "actual", 2024, 17.9, "per_1000"),
        ("natural_population_growth", "actual", 2023, 12.4, "per_1000"),
        ("natural_population_growth", "actual", 2024, 12.3, "per_1000")]


ONE_PER_LINE_SHORT_CELLS = """NĂM
CHỈ TIÊU
2016
2017
2018
Tỷ lệ tăng dân số tự nhiên (0/00)
11,00
10,90
10,80
Số Bác sĩ/vạn dân
13
14
Số giường bệnh/vạn dân
64
57
71"""


def test_one_cell_per_line_first_cells_may_look_like_page_numbers(vocab: Vocabulary) -> None:
    # under a header of a year per line, "13" right after a label is the row's first cell,
    # not a page number; "(0/00)" in a label is per mille
    found = read_text(vocab, ONE_PER_LINE_SHORT_CELLS, period_start=2016, period_end=2018,
                      title="Niên giám thống kê").observations
    assert [(o.indicator_id, o.year, o.value, o.unit) for o in found] == [
        ("natural_population_growth", 2016, 11.0, "per_1000"),
        ("natural_population_growth", 2017, 10.9, "per_1000"),
        ("natural_population_growth", 2018, 10.8, "per_1000"),
        ("doctors_per_10k", 2016, 13.0, "per_10000"),
        ("doctors_per_10k", 2017, 14.0, "per_10000"),
        ("hospital_beds_per_10k", 2016, 64.0, "per_10000"),
        ("hospital_beds_per_10k", 2017, 57.0, "per_10000"),
        ("hospital_beds_per_10k", 2018, 71.0, "per_10000")]
    assert all(o.quarantine_reason is None for o in found)


RESULTS_AGAINST_PLAN = """CÁC CHỈ TIÊU KINH TẾ XÃ HỘI CHỦ YẾU ĐẠT ĐƯỢC TRONG NĂM 2019
Stt
Chỉ tiêu chủ yếu
TH năm 2018
KH năm 2019
Ước TH năm 2019
Ghi chú
6
Mức giảm tỷ suất sinh (‰)
0,2
0,2
0,3
Đạt
7
Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng:
-Theo cân nặng (%)
-Theo chiều cao (%)
7,6
10,4
8
Tỷ lệ dân số nông thôn sử dụng nước sạch (%)
80
85
86
Đạt"""


def test_a_table_of_results_against_a_plan(vocab: Vocabulary) -> None:
    # "TH năm 2018 | KH năm 2019 | Ước TH năm 2019": achieved columns beside a plan are
    # results (actual), not a plan's baseline; "Mức giảm …" rows are planned falls; two
    # sub-rows' labels before values that cannot be told apart are left for review; a label
    # naming "nông thôn" chooses the rural indicator
    found = read_text(vocab, RESULTS_AGAINST_PLAN, period_start=2019, period_end=2019,
                      title="").observations
    assert [(o.indicator_id, o.kind, o.year, o.comparator, o.value) for o in found] == [
        ("crude_birth_rate", "actual", 2018, "relative", -0.2),
        ("crude_birth_rate", "target", 2019, "relative", -0.2),
        ("crude_birth_rate", "actual", 2019, "relative", -0.3),
        ("clean_water_rural", "actual", 2018, "=", 80.0),
        ("clean_water_rural", "target", 2019, "=", 85.0),
        ("clean_water_rural", "actual", 2019, "=", 86.0)]


def test_a_row_of_changes_in_a_table_of_actuals_is_no_value(vocab: Vocabulary) -> None:
    # with no plan column, "Mức tăng/giảm tỷ lệ sinh" is a difference of two actuals
    text = ("                     Năm 2023     Ước năm 2024\n"
            "Tỷ lệ sinh (‰)          19,12        19,02\n"
            "Mức tăng/giảm tỷ lệ sinh (‰) (+ -)   -2,36    -0,10\n")
    found = read_text(vocab, text, period_start=2024, period_end=2024, title="").observations
    assert [(o.indicator_id, o.year, o.comparator, o.value) for o in found] == [
        ("crude_birth_rate", 2023, "=", 19.12), ("crude_birth_rate", 2024, "=", 19.02)]


def test_year_records_under_a_whole_city_label(vocab: Vocabulary) -> None:
    # "Toàn Thành" (the whole city) labels the block of records, it names no column; the
    # title's "(%)" is not the rates' unit, read from their names
    text = ("Tỷ lệ sinh, tỷ lệ chết và tỷ lệ tăng tự nhiên dân số (%)\n\n \n\nTỷ lệ sinh\n\n"
            "Tỷ lệ chết\n\nTỷ lệ tăng tự nhiên\n\nToàn Thành\n\n \n \n \n2008\n15,43\n3,34\n12,09\n"
            "2009\n15,15\n3,05\n12,10\nƯớc-2010\n13,64\n3,55\n10,09\n\nƯớc năm 2010 phân theo "
            "Quận, Huyện")
    got = [(o.indicator_id, o.year, o.value, o.unit) for o in
           read_text(vocab, text, period_start=2004, period_end=2010).observations]
    assert got[:3] == [("crude_birth_rate", 2008, 15.43, "per_1000"),
                       ("crude_birth_rate", 2009, 15.15, "per_1000"),
                       ("crude_birth_rate", 2010, 13.64, "per_1000")]
    assert ("natural_population_growth", 2009, 12.1, "per_1000") in got and len(got) == 9


BY_PROVINCE = """The coverage targets of health insurance for each province are as follows:

No.

Provinces/cities

COVERAGE RATES

2022

2023

2024

NATIONWIDE

92.60%

93.20%

94.10%

1

Hanoi

91.66%

92.40%

93.65%

2

An Giang

92.00%

92.75%

94.00%"""


def test_a_table_by_province_gives_the_page_s_own_row_the_lead_in_s_indicator(
        vocab: Vocabulary) -> None:
    # the rows are provinces: the page's own takes the indicator the sentence leading into
    # the table names; the country's row is nobody's, another province's row is that
    # province's (province_named), never the page's
    found = read_text(vocab, BY_PROVINCE, province_id="ha_noi", period_start=2022,
                      period_end=2024, title="Coverage targets").observations
    assert [(o.province_named, o.indicator_id, o.year, o.value) for o in found] == [
        (None, "health_insurance_coverage", 2022, 91.66),
        (None, "health_insurance_coverage", 2023, 92.4),
        (None, "health_insurance_coverage", 2024, 93.65),
        ("an_giang", "health_insurance_coverage", 2022, 92.0),
        ("an_giang", "health_insurance_coverage", 2023, 92.75),
        ("an_giang", "health_insurance_coverage", 2024, 94.0)]
    found = read_text(vocab, BY_PROVINCE, province_id="an_giang", period_start=2022,
                      period_end=2024, title="Coverage targets").observations
    assert [o.value for o in found if o.province_named is None] == [92.0, 92.75, 94.0]
    assert {o.province_named for o in found} == {None, "ha_noi"}
    assert vocab.province_of_label("2. Tỉnh Bà Rịa - Vũng Tàu") == "ba_ria_vung_tau"
    assert vocab.province_of_label("Ho Chi Minh city") == "ho_chi_minh"
    assert vocab.province_of_label("Tỷ lệ tăng dân số Hà Giang") is None


def test_a_yearbook_breakdown_by_residence_reads_each_column(vocab: Vocabulary) -> None:
    # real_dev111, Vĩnh Phúc yearbook: "Tỷ số giới tính của dân số phân theo thành thị, nông
    # thôn", one cell per line under "Tổng số / Thành thị - Urban / Nông thôn - Rural": the
    # urban and rural columns are their own indicators, the total the province's
    text = ("18\nTỷ số giới tính của dân số phân theo thành thị, nông thôn\n"
            "Sex ratio of population by residence\n"
            "ĐVT: Số nam/100 nữ - Unit: Males per 100 females\n\nTổng số\nTotal\n"
            "Chia ra - Of which\nThành thị - Urban\nNông thôn - Rural\n"
            "2010\n97,58\n96,30\n98,00\n2015\n96,76\n92,39\n97,43\n")
    found = read_text(vocab, text, province_id="vinh_phuc", period_start=2018,
                      period_end=2018, title="").observations
    assert sorted((o.indicator_id, o.year, o.value) for o in found) == [
        ("sex_ratio_population", 2010, 97.58), ("sex_ratio_population", 2015, 96.76),
        ("sex_ratio_population_rural", 2010, 98.0), ("sex_ratio_population_rural", 2015, 97.43),
        ("sex_ratio_population_urban", 2010, 96.3), ("sex_ratio_population_urban", 2015, 92.39)]


def test_a_table_run_together_on_one_line_is_read_by_its_year_header(vocab: Vocabulary) -> None:
    # a PDF's or a page's text of a table on one line: the years, then each row's label and as
    # many numbers; the caption above names the indicator, "Đơn vị" its unit; "Trung bình toàn
    # thành phố" is the whole (tables.totals), "Thành thị" / "Nông thôn" its breakdown
    text = ("Bảng 2.8. Tỉ suất sinh thô của TP. Hồ Chí Minh, giai đoạn 2006 – 2016\n\n"
            "(Đơn vị: ‰) Năm 2006 2009 2016 Trung bình toàn thành phố 14,91 14,24 11,46 Thành "
            "thị 14,53 13,97 11,05 Nông thôn 16,88 15,47 13,24 (Nguồn: Cục Thống kê TP.HCM)")
    found = read_text(vocab, text, province_id="ho_chi_minh", period_start=2006,
                      period_end=2016, title="").observations
    assert [(o.indicator_id, o.kind, o.year, o.value) for o in found if o.line == 3] == [
        ("crude_birth_rate", "actual", 2006, 14.91), ("crude_birth_rate", "actual", 2009, 14.24),
        ("crude_birth_rate", "actual", 2016, 11.46),
        ("crude_birth_rate_urban", "actual", 2006, 14.53),
        ("crude_birth_rate_urban", "actual", 2009, 13.97),
        ("crude_birth_rate_urban", "actual", 2016, 11.05),
        ("crude_birth_rate_rural", "actual", 2006, 16.88),
        ("crude_birth_rate_rural", "actual", 2009, 15.47),
        ("crude_birth_rate_rural", "actual", 2016, 13.24)]
    # rows numbered and named by province: the next row's number is no extra value, each
    # province's row is its own
    by_province = ("Bảng 2.6. Tuổi thọ trung bình các tỉnh vùng Đông Bắc\n"
                   "STT Địa phương Tuổi thọ trung bình 1999 2009 1 Hà Giang 58,8 66,3 2 Cao Bằng "
                   "62,4 68,7 3 Bắc Kạn 66,6 71,5")
    found = read_text(vocab, by_province, province_id="ha_giang", period_start=1999,
                      period_end=2009, title="").observations
    assert [(o.province_named, o.year, o.value) for o in found] == [
        (None, 1999, 58.8), (None, 2009, 66.3), ("cao_bang", 1999, 62.4),
        ("cao_bang", 2009, 68.7), ("bac_kan", 1999, 66.6), ("bac_kan", 2009, 71.5)]
    # a row of more numbers than years is no such table: nothing is read by a column
    found = read_text(vocab, "Tỷ suất sinh thô (‰) năm 2006 2009 Thành thị 14,53 13,97 12,1 "
                             "Nông thôn 16,88 15,47 13,2", province_id="ho_chi_minh",
                      period_start=2006, period_end=2009, title="").observations
    assert all(o.year_basis != "table column" for o in found)


# A table one cell per line in blocks: the second block's caption, a label without values
# over its total's, names the block (the title names no indicator).
CAPTIONED_BLOCKS = "\n".join([
    "Dự báo dân số, đơn vị: người", "2015", "2020",
    "Tổng số", "318720", "358828", "Nam", "159432", "208383",
    "% dân số trong độ tuổi lao động so với tổng số dân",
    "Tổng số", "59,9", "62,7", "Nam", "30,0", "36,4"])


def test_a_block_caption_names_its_total(vocab: Vocabulary, words: TableWords) -> None:
    table = _table(CAPTIONED_BLOCKS, words)
    assert [(r.role, r.label, r.block) for r in table.rows] == [
        ("total", "Tổng số", ""), ("sub", "Nam", ""),
        ("total", "Tổng số", "% dân số trong độ tuổi lao động so với tổng số dân"),
        ("sub", "Nam", "% dân số trong độ tuổi lao động so với tổng số dân")]
    found = read_text(vocab, CAPTIONED_BLOCKS, province_id="dien_bien", period_start=2015,
                      period_end=2030).observations
    assert [(o.indicator_id, o.year, o.value, o.line) for o in found] == [
        ("working_age_share", 2015, 59.9, 12), ("working_age_share", 2020, 62.7, 13)]


def test_a_label_with_a_slip_is_matched_loosely_in_its_unit(vocab: Vocabulary) -> None:
    # "tuối" for "tuổi": no alias holds the caption, the fuzzy match does, in the percent its
    # "%" states; the counts of the block above ("đơn vị: người") match nothing in persons
    text = CAPTIONED_BLOCKS.replace("Dự báo dân số", "Dân số trong độ tuối lao động").replace(
        "% dân số trong độ tuổi", "% dân số trong độ tuối")
    found = read_text(vocab, text, province_id="dien_bien", period_start=2015,
                      period_end=2030).observations
    assert [(o.indicator_id, o.year, o.value, o.line) for o in found] == [
        ("working_age_share", 2015, 59.9, 12), ("working_age_share", 2020, 62.7, 13)]
