"""One small fixture per registered table shape: the registry picks the shape at the table's
first line, its reader gives the table record (years, labels, cells, units), and the values
reach observations. Labels and numbers are made up; the layouts are those met in documents."""

from __future__ import annotations

import pytest

from vnhealth.extract import Vocabulary, read_text
from vnhealth.extract.lines import CAPS_TITLE_RE
from vnhealth.extract.shapes.header import spot_at
from vnhealth.extract.shapes.records import ShapeRead, Table
from vnhealth.extract.shapes.registry import SHAPES
from vnhealth.inputs.catalog import load_catalog
from vnhealth.inputs.paths import ProjectPaths

PERIOD_END = 2030


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(load_catalog(ProjectPaths.at()))


def _read(vocab: Vocabulary, text: str, at: int = 0) -> tuple[str, ShapeRead]:
    """(the name of the first registered shape that detects the table at line `at`, its read)."""
    spot = spot_at(text.split("\n"), at, vocab.table_words, PERIOD_END)
    shape = next(s for s in SHAPES if s.detect(spot))
    found = shape.read(spot)
    assert found is not None
    return shape.name, found


def _observed(vocab: Vocabulary, text: str) -> list[tuple[str, str, int | None, float, int]]:
    out = read_text(vocab, text, period_start=2026, period_end=PERIOD_END)
    return [(o.indicator_id, o.kind, o.year, o.value, o.line) for o in out.observations]


def _cells(table: Table) -> list[tuple[str, str, list[tuple[int, str, int]]]]:
    """(label, unit, [(year, cell, line)]) of each row."""
    return [(row.label, row.unit_text,
             [(table.columns[c.column].year, c.text, c.line) for c in row.cells])
            for row in table.rows]


TAB_ROWS = ("STT\tChỉ tiêu\tĐơn vị\tThực hiện 2020\tNăm 2025\tKế hoạch\n"
            "1\tTỷ lệ bao phủ bảo hiểm y tế\t%\t90,1\t95\t96\n"
            "2\tTuổi thọ trung bình\tTuổi\t73\t74,5\t75")


def test_tab_rows(vocab: Vocabulary) -> None:
    name, found = _read(vocab, TAB_ROWS)
    assert (name, found.end) == ("tab_rows", 3)
    table = found.tab_table
    assert table is not None
    assert (table.name_column, table.unit_column) == (1, 2)
    # an achieved column is the baseline; a plan column without a year is the horizon's
    assert table.columns == {3: ("baseline", 2020), 4: ("year", 2025), 5: ("target", 2030)}
    assert [(r.line, r.cells[1]) for r in table.rows] == [
        (2, "Tỷ lệ bao phủ bảo hiểm y tế"), (3, "Tuổi thọ trung bình")]
    assert _observed(vocab, TAB_ROWS)[:3] == [
        ("health_insurance_coverage", "baseline", 2020, 90.1, 2),
        ("health_insurance_coverage", "trajectory", 2025, 95.0, 2),
        ("health_insurance_coverage", "target", 2030, 96.0, 2)]


def test_tab_rows_without_row_numbers_are_searched_for_a_year_header(vocab: Vocabulary
                                                                      ) -> None:
    text = ("Chỉ tiêu\tĐơn vị tính\t2020\t2021\n"
            "Tỷ lệ bao phủ bảo hiểm y tế\t%\t90,1\t91,3\n"
            "Ghi chú\tsố liệu\tsơ bộ")
    name, found = _read(vocab, text)
    assert name == "tab_rows"
    assert found.table is not None and found.table.shape == "side_by_side"
    assert _cells(found.table) == [
        ("Tỷ lệ bao phủ bảo hiểm y tế", "%", [(2020, "90,1", 2), (2021, "91,3", 2)])]
    # the row after the table is read like prose
    assert [(s.shape, s.line_start) for s in found.segments] == [("tab_row", 3)]


# the same table with its cells between pipes (a markdown table) and aligned by position with
# runs of spaces (a PDF's layout): one table model, the same values
MARKDOWN_ROWS = ("| STT | Chỉ tiêu | Đơn vị | Thực hiện 2020 | Năm 2025 | Kế hoạch |\n"
                 "|---|---|---|---|---|---|\n"
                 "| 1 | Tỷ lệ bao phủ bảo hiểm y tế | % | 90,1 | 95 | 96 |\n"
                 "| 2 | Tuổi thọ trung bình | Tuổi | 73 | 74,5 | 75 |")
ALIGNED_ROWS = ("STT  Chỉ tiêu                       Đơn vị  Thực hiện 2020  Năm 2025  Kế hoạch\n"
                "\n"
                "1    Tỷ lệ bao phủ bảo hiểm y tế    %       90,1            95        96\n"
                "2    Tuổi thọ trung bình            Tuổi    73              74,5      75")


@pytest.mark.parametrize("text", [MARKDOWN_ROWS, ALIGNED_ROWS], ids=["markdown", "aligned"])
def test_rows_split_by_pipes_or_aligned_by_position_read_like_tab_rows(
        vocab: Vocabulary, text: str) -> None:
    name, found = _read(vocab, text)
    assert (name, found.end) == ("tab_rows", 4)
    table = found.tab_table
    assert table is not None
    assert (table.name_column, table.unit_column) == (1, 2)
    assert table.columns == {3: ("baseline", 2020), 4: ("year", 2025), 5: ("target", 2030)}
    assert [o[:4] for o in _observed(vocab, text)] == [o[:4] for o in _observed(vocab, TAB_ROWS)]
    assert {o[4] for o in _observed(vocab, text)} == {3, 4}


def test_aligned_prose_is_no_table(vocab: Vocabulary) -> None:
    # runs of spaces in text without a year header over numbered rows are not a table
    text = ("Tỷ lệ bao phủ bảo hiểm y tế  đạt 95%,  tuổi thọ trung bình  đạt 75 tuổi.\n"
            "1  Tăng cường  công tác  truyền thông.")
    spot = spot_at(text.split("\n"), 0, vocab.table_words, PERIOD_END)
    assert not any(s.detect(spot) for s in SHAPES if s.name == "tab_rows")


PIPE_ROWS = ("| Năm 2025 | Tỷ lệ bao phủ bảo hiểm y tế đạt 95% |\n"
             "| Tuổi thọ trung bình\n"
             "đạt 75 tuổi |")


def test_pipe_rows(vocab: Vocabulary) -> None:
    name, found = _read(vocab, PIPE_ROWS)
    assert (name, found.end, found.in_sections) == ("pipe_rows", 3, True)
    # a time cell dates its row; a row without one is left to its section's year (None)
    assert [(s.shape, s.line_start, s.line_end, s.context_year) for s in found.segments] == [
        ("pipe_row", 1, 1, 2025), ("pipe_row", 2, 3, None)]
    assert _observed(vocab, PIPE_ROWS) == [
        ("health_insurance_coverage", "actual", 2025, 95.0, 1),
        ("life_expectancy", "target", None, 75.0, 3)]


PDF_ROWS = ("STT\nChỉ tiêu\nĐơn vị\nNăm 2020\nNăm 2025\nNăm 2030\n"
            "1 Tỷ lệ bao phủ bảo hiểm y tế % 90,1 95 96\n"
            "2 Tuổi thọ trung bình tuổi 74,5 75\n"
            "3 Số năm sống khỏe mạnh năm 67")


def test_pdf_rows(vocab: Vocabulary) -> None:
    name, found = _read(vocab, PDF_ROWS)
    assert (name, found.end) == ("pdf_rows", 9)
    assert [(s.shape, s.line_start, s.context_year) for s in found.segments] == [
        ("pdf_row", 7, 2030), ("pdf_row", 8, 2030), ("pdf_row", 9, 2030)]
    assert found.segments[0].columns == [
        ("trajectory", 2020), ("trajectory", 2025), ("target", 2030)]
    # blank cells vanish from PDF text: which columns row 2's two values fill is not told, so
    # none is guessed and its name is kept for review; a lone value is the last column's
    out = read_text(vocab, PDF_ROWS, period_start=2026, period_end=PERIOD_END)
    assert [(o.indicator_id, o.kind, o.year, o.value, o.line) for o in out.observations][3:] \
        == [("healthy_life_years", "target", 2030, 67.0, 9)]
    assert [(s.line_start, s.is_mapped, s.indicator_text) for s in out.statements
            if s.line_start == 8] == [(8, False, "2 Tuổi thọ trung bình tuổi")]


# One cell per line (a web page's table): row 6 holds two rows under one number, row 8 opens
# with a dash, and row 8's name says whose values they are (rural households).
PDF_ROWS_ONE_CELL_PER_LINE = "\n".join([
    "STT", "Chỉ tiêu", "Năm 2014", "Năm 2015",
    "6", "Tỷ lệ tăng dân số tự nhiên (%)", "1,13", "1,1",
    "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng (%)", "16", "12",
    "7", "- Tỷ lệ hộ nông thôn sử dụng nước sạch (%)", "55", "58"])


def test_pdf_rows_one_cell_per_line(vocab: Vocabulary) -> None:
    name, found = _read(vocab, PDF_ROWS_ONE_CELL_PER_LINE)
    assert name == "pdf_rows"
    assert [(s.line_start, s.line_end) for s in found.segments] == [(5, 8), (9, 11), (12, 15)]
    assert [(ind, year, value, line) for ind, _kind, year, value, line in
            _observed(vocab, PDF_ROWS_ONE_CELL_PER_LINE)] == [
        ("natural_population_growth", 2014, 1.13, 7),
        ("natural_population_growth", 2015, 1.1, 8),
        ("underweight_under5", 2014, 16.0, 10), ("underweight_under5", 2015, 12.0, 11),
        ("clean_water_rural", 2014, 55.0, 14), ("clean_water_rural", 2015, 58.0, 15)]


# A plan appendix copied one cell per line: a target column that names no year ("Chỉ tiêu",
# after the unit column) between the baseline and the progress years, each goal's number
# "(1)" over its rows, a sign written as an entity ("&gt;95"), and the next part's title.
PDF_ROWS_PLAN_COLUMNS = "\n".join([
    "STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện 2025", "Chỉ tiêu",
    "Tiến độ thực hiện trong các năm", "Ghi chú", "", "2026", "2027", "2028", "",
    "(1)", "1", "Tuổi thọ trung bình", "Tuổi", "68,5", "70", "68,8", "69,1", "70", "",
    "(2)", "2", "Tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi", "%", "95", "<b>&gt;95</b>",
    "95,2", "95,5", "&gt;95", "",
    "PHỤ LỤC II", "Năm 2027 phấn đấu 100% trạm y tế có bác sĩ."])


def test_pdf_rows_with_a_target_column_naming_no_year(vocab: Vocabulary) -> None:
    name, found = _read(vocab, PDF_ROWS_PLAN_COLUMNS)
    assert name == "pdf_rows"
    assert found.segments[0].columns == [
        ("baseline", 2025), ("target", 2028), ("trajectory", 2026), ("trajectory", 2027),
        ("target", 2028)]
    out = read_text(vocab, PDF_ROWS_PLAN_COLUMNS, period_start=2026, period_end=2028)
    assert [(o.indicator_id, o.kind, o.year, o.comparator, o.value, o.line)
            for o in out.observations] == [
        ("life_expectancy", "baseline", 2025, "=", 68.5, 17),
        ("life_expectancy", "target", 2028, "=", 70.0, 18),
        ("life_expectancy", "trajectory", 2026, "=", 68.8, 19),
        ("life_expectancy", "trajectory", 2027, "=", 69.1, 20),
        ("life_expectancy", "target", 2028, "=", 70.0, 21),
        ("full_immunization_under1", "baseline", 2025, "=", 95.0, 27),
        ("full_immunization_under1", "target", 2028, ">", 95.0, 28),
        ("full_immunization_under1", "trajectory", 2026, "=", 95.2, 29),
        ("full_immunization_under1", "trajectory", 2027, "=", 95.5, 30),
        ("full_immunization_under1", "target", 2028, ">", 95.0, 31),
        # after the title, prose again: the year its sentence names
        ("chs_with_doctor", "target", 2027, "=", 100.0, 34)]


SIDE_BY_SIDE = ("Chỉ tiêu 2020 2022 Sơ bộ 2023\n"
                "Tỷ lệ bao phủ bảo hiểm y tế (%) 90,1 91,5 92,0\n"
                "Tuổi thọ trung bình (tuổi) 73,1 73,4 73,6")


def test_side_by_side(vocab: Vocabulary) -> None:
    name, found = _read(vocab, SIDE_BY_SIDE)
    assert name == "side_by_side" and found.table is not None
    table = found.table
    assert [(c.year, c.kind_hint) for c in table.columns] == [
        (2020, None), (2022, None), (2023, "preliminary")]
    assert table.kind_hint == "actual"  # a preliminary column: a statistics table
    assert _cells(table) == [
        ("Tỷ lệ bao phủ bảo hiểm y tế (%)", "%",
         [(2020, "90,1", 2), (2022, "91,5", 2), (2023, "92,0", 2)]),
        ("Tuổi thọ trung bình (tuổi)", "tuổi",
         [(2020, "73,1", 3), (2022, "73,4", 3), (2023, "73,6", 3)])]
    assert ("life_expectancy", "actual", 2023, 73.6, 3) in _observed(vocab, SIDE_BY_SIDE)


STACKED_HEADER = ("                     Sơ bộ\n"
                  "         2021        2022\n"
                  "Tỷ lệ trạm y tế có bác sĩ   80,5        82,0")


def test_stacked_header(vocab: Vocabulary) -> None:
    name, found = _read(vocab, STACKED_HEADER)
    assert name == "stacked_header" and found.table is not None
    # the kind word stands over the year it belongs to
    assert [(c.year, c.kind_hint) for c in found.table.columns] == [
        (2021, None), (2022, "preliminary")]
    assert _cells(found.table) == [
        ("Tỷ lệ trạm y tế có bác sĩ", "", [(2021, "80,5", 3), (2022, "82,0", 3)])]
    assert _observed(vocab, STACKED_HEADER) == [
        ("chs_with_doctor", "actual", 2021, 80.5, 3), ("chs_with_doctor", "actual", 2022, 82.0, 3)]


WRAPPED_HEADER = ("Tỷ lệ xã/phường/thị trấn có bác sỹ\n"
                  "Đơn vị tính - Unit: %\n"
                  "Sơ bộ\n"
                  "2015 2016 2017\n"
                  "Prel. 2018\n"
                  "TOÀN TỈNH - WHOLE PROVINCE 61,5 62,0 64,1 66,3\n"
                  "Huyện Kim Bôi - Kim Boi district 50,0 55,0 60,0 62,5")


def test_wrapped_header(vocab: Vocabulary) -> None:
    name, found = _read(vocab, WRAPPED_HEADER, at=2)
    assert name == "wrapped_header" and found.table is not None
    table = found.table
    # the years in reading order, not by position ("2018" stands left of "2016" on its line);
    # "Sơ bộ" alone on its line belongs with its translation "Prel." to the cell that wrapped
    assert [(c.year, c.kind_hint) for c in table.columns] == [
        (2015, None), (2016, None), (2017, None), (2018, "preliminary")]
    assert _cells(table)[0][2] == [(2015, "61,5", 6), (2016, "62,0", 6), (2017, "64,1", 6),
                                   (2018, "66,3", 6)]
    # the whole province's row takes its indicator from the title; the district is no value
    assert _observed(vocab, WRAPPED_HEADER) == [
        ("chs_with_doctor", "actual", 2015, 61.5, 6), ("chs_with_doctor", "actual", 2016, 62.0, 6),
        ("chs_with_doctor", "actual", 2017, 64.1, 6), ("chs_with_doctor", "actual", 2018, 66.3, 6)]


UNIT_ROWS = ("Hệ thống y tế phân theo loại xã\n"
             "Đơn Tổng Chia ra\n"
             "vị số\n"
             "tính Xã miền núi Xã khác\n"
             "10 Số xã được công nhận đạt chuẩn\n"
             "quốc gia về y tế xã Xã 87 80 7\n"
             "11 Tỷ lệ xã được công nhận đạt chuẩn\n"
             "quốc gia về y tế xã % 75,65 74,10\n"
             "12 Số trạm y tế có bác sĩ Trạm 60\n"
             "13 Tỷ lệ trạm y tế có bác sĩ “\n"
             "14 Tỷ lệ xã có trạm y tế đủ điều kiện khám bệnh,\n"
             "chữa bệnh bảo hiểm y tế % 95,65")


def test_unit_rows(vocab: Vocabulary) -> None:
    name, found = _read(vocab, UNIT_ROWS, at=4)
    assert (name, found.end) == ("unit_rows", 12)
    table = found.total_table
    assert table is not None
    # a row per number, its label over its lines, its unit cell (a ditto mark repeats the one
    # above), and its first value only: the total column's
    assert [(r.label, r.unit_text, r.role, [c.text for c in r.cells]) for r in table.rows] == [
        ("Số xã được công nhận đạt chuẩn quốc gia về y tế xã", "Xã", "count", ["87"]),
        ("Tỷ lệ xã được công nhận đạt chuẩn quốc gia về y tế xã", "%", "row", ["75,65"]),
        ("Số trạm y tế có bác sĩ", "Trạm", "count", ["60"]),
        ("Tỷ lệ trạm y tế có bác sĩ", "Trạm", "count", []),
        ("Tỷ lệ xã có trạm y tế đủ điều kiện khám bệnh, chữa bệnh bảo hiểm y tế", "%", "row",
         ["95,65"])]
    # no year in the header: a one-year document's year; counts give no value, and the share
    # of communes whose station gives insured care is not the people's insurance coverage its
    # last words name
    out = read_text(vocab, UNIT_ROWS, period_start=2020, period_end=2020)
    assert [(o.indicator_id, o.year, o.value, o.line, o.year_basis)
            for o in out.observations] == [
        ("communes_meeting_health_criteria", 2020, 75.65, 8, "one-year document"),
        ("stations_hi_care", 2020, 95.65, 12, "one-year document")]


ONE_PER_LINE = "2020\n2021\nSố giường bệnh trên 10.000 dân\n30,5\n31,2"


def test_one_per_line(vocab: Vocabulary) -> None:
    name, found = _read(vocab, ONE_PER_LINE)
    assert (name, found.end) == ("one_per_line", 5)
    assert found.table is not None and found.table.kind_hint is None
    assert _cells(found.table) == [
        ("Số giường bệnh trên 10.000 dân", "", [(2020, "30,5", 4), (2021, "31,2", 5)])]
    assert _observed(vocab, ONE_PER_LINE) == [
        ("hospital_beds_per_10k", "actual", 2020, 30.5, 4),
        ("hospital_beds_per_10k", "actual", 2021, 31.2, 5)]


YEARS_DOWN = "Tỷ suất sinh thô\nTỷ suất chết thô\n2019 16,10 5,20\n2020 15,80 5,30"


def test_years_down(vocab: Vocabulary) -> None:
    name, found = _read(vocab, YEARS_DOWN, at=2)
    assert (name, found.end) == ("years_down", 4)
    assert found.table is not None
    # a year column per year row, a row per column label
    assert _cells(found.table) == [
        ("Tỷ suất sinh thô", "", [(2019, "16,10", 3), (2020, "15,80", 4)]),
        ("Tỷ suất chết thô", "", [(2019, "5,20", 3), (2020, "5,30", 4)])]
    assert ("crude_death_rate", "actual", 2020, 5.3, 4) in _observed(vocab, YEARS_DOWN)


# a web page's table flattened to single spaces: the header's names run together, each opening
# with a capital (the year column's own "Năm" first), and the early years lack the last column
YEARS_DOWN_RUN_TOGETHER = (
    "Bảng dân số (2024 và lịch sử)\n\n"
    "Năm Dân số % Dân số cả nước Diện tích (Km2) Tỷ lệ tăng dân số (%) Tỷ suất giới tính "
    "(Nam / 100 Nữ) Tuổi thọ trung bình\n"
    "2024 813.978 0,81 8.310 0,83 101,9 73,0\n"
    "2023 807.300 0,80 8.310 0,65 101,9 73,1\n"
    "2017 778.400 0,83 8.310 0,69 103,5")


def test_years_down_under_names_run_together_with_rows_ending_short(vocab: Vocabulary) -> None:
    name, found = _read(vocab, YEARS_DOWN_RUN_TOGETHER, at=3)
    assert (name, found.end) == ("years_down", 6)
    assert found.table is not None
    labels = [row.label for row in found.table.rows]
    assert labels == ["Dân số", "% Dân số cả nước", "Diện tích (Km2)", "Tỷ lệ tăng dân số (%)",
                      "Tỷ suất giới tính (Nam / 100 Nữ)", "Tuổi thọ trung bình"]
    assert _cells(found.table)[-1][2] == [(2024, "73,0", 4), (2023, "73,1", 5)]
    observed = _observed(vocab, YEARS_DOWN_RUN_TOGETHER)
    assert ("population_growth", "actual", 2017, 0.69, 6) in observed
    assert [o for o in observed if o[0] == "life_expectancy"] == [
        ("life_expectancy", "actual", 2024, 73.0, 4), ("life_expectancy", "actual", 2023, 73.1, 5)]


# a yearbook's blocks of year rows under one header of breakdown columns (the layout of a
# real yearbook page, real_dev6): a page header, the unit line, the total column first
YEAR_BLOCKS = """Page 75 - niengiam2021
P. 75
                                              Đơn vị tính - Unit: ‰
                       Tổng số             Chia ra - Of which
                        Total      Thành thị - Urban   Nông thôn - Rural
             Tỷ lệ tăng dân số chung
            Increase rate of population
                    2019                 0,63            1,14             0,54
               Sơ bộ - Prel. 2021        1,22            7,78            -0,83

               Tỷ lệ tăng tự nhiên
              Natural increase rate
                    2019                 7,50              …               …
                    2020                 7,84              …               …"""


def test_blocks_of_year_rows_take_the_total_column(vocab: Vocabulary) -> None:
    name, found = _read(vocab, YEAR_BLOCKS, at=7)
    assert (name, found.end) == ("years_down", 9)
    assert found.table is not None and found.table.unit_text == "‰"
    # the block's name is the row; the urban and rural cells are no province value
    assert _cells(found.table) == [
        ("Tỷ lệ tăng dân số chung", "", [(2019, "0,63", 8), (2021, "1,22", 9)])]
    assert _observed(vocab, YEAR_BLOCKS) == [
        ("population_growth", "actual", 2019, 0.63, 8),
        ("population_growth", "actual", 2021, 1.22, 9),
        ("natural_population_growth", "actual", 2019, 7.5, 13),
        ("natural_population_growth", "actual", 2020, 7.84, 14)]
    # without the header's total column nothing says which cell is the province's
    no_total = YEAR_BLOCKS.replace("Tổng số", "Nam").replace("Total", "Male")
    assert not [o for o in _observed(vocab, no_total) if o[1:3] == ("actual", 2019)]


# a yearbook page's text, one cell per line (real_dev7): labels, two of them on one line, their
# English, the total block's label, records of a year and its values, a preliminary year over
# three lines, then the urban block
YEAR_RECORDS = """20. Tỷ suất sinh thô, tỷ suất chết thô và tỷ lệ tăng tự nhiên
Tỷ suất sinh thô
Tỷ suất chết thô Tỷ lệ tăng tự nhiên
Crude birth rate
Crude death rate
Natural increase rate
TỔNG SỐ -
TOTAL
2015
13,18
4,67
8,51
Sơ bộ
- Prel
. 2016
13,93
5,28
8,65
Thành thị -
Urban
2015
14,66
5,80
8,86
2016
14,10
5,70
8,40"""


def test_year_records(vocab: Vocabulary) -> None:
    name, found = _read(vocab, YEAR_RECORDS, at=8)
    assert found.table is not None
    # the urban block is taken with the table, and gives nothing
    assert (name, found.end) == ("year_records", len(YEAR_RECORDS.split("\n")))
    assert _cells(found.table) == [
        ("Tỷ suất sinh thô", "", [(2015, "13,18", 10), (2016, "13,93", 16)]),
        ("Tỷ suất chết thô", "", [(2015, "4,67", 11), (2016, "5,28", 17)]),
        ("Tỷ lệ tăng tự nhiên", "", [(2015, "8,51", 12), (2016, "8,65", 18)])]
    assert [c.kind_hint for c in found.table.columns] == [None, "preliminary"]
    observed = _observed(vocab, YEAR_RECORDS)
    assert ("crude_birth_rate", "actual", 2016, 13.93, 16) in observed
    assert len(observed) == 6 and not [o for o in observed if o[3] in (14.66, 14.1)]
    # a breakdown block with no total before it is not the province's
    urban_only = "\n".join(YEAR_RECORDS.split("\n")[:6] + YEAR_RECORDS.split("\n")[18:])
    assert _observed(vocab, urban_only) == []


# a yearbook's year records whose columns are the total and its breakdown by residence, the
# indicator named by the title (Vĩnh Phúc's yearbook table 18 is laid out so, real_dev111)
BREAKDOWN_RECORDS = "\n".join([
    "Tỷ suất sinh thô phân theo thành thị, nông thôn", "Crude birth rate by residence",
    "ĐVT: ‰ - Unit: ‰", "Tổng số", "Total", "Chia ra - Of which", "Thành thị - Urban",
    "Nông thôn - Rural", "2015", "13,18", "12,10", "13,50", "2016", "13,93", "12,40", "14,20"])


# year records under "Chung" / "Nam" / "Nữ": Vietnamese labels in ASCII letters are labels
SEX_RECORDS = "\n".join([
    "Tuổi thọ trung bình tính từ lúc sinh (năm)", "Năm", "Chung", "Nam", "Nữ",
    "2019", "73,6", "71,0", "76,3", "2020", "73,7", "71,2", "76,4"])


@pytest.mark.parametrize(("text", "at", "title", "roles", "expected"), [
    (BREAKDOWN_RECORDS, 8, "Niên giám thống kê 2016",
     [("Tổng số", "total"), ("Thành thị - Urban", "breakdown"),
      ("Nông thôn - Rural", "breakdown")],
     [("crude_birth_rate", 2015, 13.18), ("crude_birth_rate", 2016, 13.93),
      ("crude_birth_rate_rural", 2015, 13.5), ("crude_birth_rate_rural", 2016, 14.2),
      ("crude_birth_rate_urban", 2015, 12.1), ("crude_birth_rate_urban", 2016, 12.4)]),
    # "Chung" / "Nam" / "Nữ": Vietnamese labels in ASCII letters are labels, not English
    (SEX_RECORDS, 5, "Niên giám thống kê 2020",
     [("Chung", "total"), ("Nam", "breakdown"), ("Nữ", "breakdown")],
     [("life_expectancy", 2019, 73.6), ("life_expectancy", 2020, 73.7),
      ("life_expectancy_female", 2019, 76.3), ("life_expectancy_female", 2020, 76.4),
      ("life_expectancy_male", 2019, 71.0), ("life_expectancy_male", 2020, 71.2)]),
])
def test_year_records_under_a_total_and_its_breakdown(
        vocab: Vocabulary, text: str, at: int, title: str, roles: list[tuple[str, str]],
        expected: list[tuple[str, int, float]]) -> None:
    name, found = _read(vocab, text, at=at)
    assert found.table is not None and name == "year_records"
    assert [(r.label, r.role) for r in found.table.rows] == roles
    years = [year for _indicator, year, _value in expected]  # the yearbook's own years
    observed = read_text(vocab, text, period_start=min(years), period_end=max(years),
                         title=title).observations
    assert sorted((o.indicator_id, o.year, o.value) for o in observed) == expected


# a yearbook table one cell per paragraph (a tourism site's copy of Kon Tum's, real_dev88):
# records of the average population under a header of its total and breakdown columns, then a
# block of records of its growth rate, labelled by that measure, under the same header
STACKED_RECORDS = "\n\n".join([
    "Dân số trung bình phân theo giới tính", "Năm", "Tổng số", "Nam", "Nữ",
    "2020", "540.438", "272.066", "268.372", "2021", "553.245", "278.501", "274.744",
    "Tỷ lệ tăng (%)", "2020", "2,21", "2,25", "2,17", "2021", "2,37", "2,36", "2,38"])


def test_year_records_of_a_measure_under_the_header_of_the_table_above(
        vocab: Vocabulary) -> None:
    name, first = _read(vocab, STACKED_RECORDS, at=10)
    # the measure's block is not taken for a breakdown block of the counts above it
    assert (name, first.end) == ("year_records", 25)
    name, found = _read(vocab, STACKED_RECORDS, at=28)
    assert found.table is not None and name == "year_records"
    # the block's name is the row of the total column's values; each breakdown column is
    # that part's row ("Nam" is a label, not the English of the one above it)
    assert _cells(found.table) == [
        ("Tỷ lệ tăng (%)", "", [(2020, "2,21", 31), (2021, "2,37", 39)]),
        ("Tỷ lệ tăng (%) – Nam", "", [(2020, "2,25", 33), (2021, "2,36", 41)]),
        ("Tỷ lệ tăng (%) – Nữ", "", [(2020, "2,17", 35), (2021, "2,38", 43)])]
    assert [r.role for r in found.table.rows] == ["row", "subgroup", "subgroup"]
    # the title's subject and the block's measure name the indicator
    assert [(o[0], o[2], o[3]) for o in _observed(vocab, STACKED_RECORDS)] == [
        ("population_growth", 2020, 2.21), ("population_growth", 2021, 2.37)]


# year records whose cells stand in paragraphs of their own, some garbled by a scan ("l"
# for "1"), on a page that names no plan (an online book's table, real_dev9)
SCANNED_RECORDS = "\n\n".join([
    "TỶ LỆ SINH - TỶ LỆ CHẾT - TỶ LỆ TĂNG TỰ NHIÊN", "(tính cho 1000 dân)", "Năm",
    "Tỷ lệ sinh", "Tỷ lệ chết", "Tỷ lệ tăng tự nhiên",
    "1976", "38,2", "5,9", "32,3", "1977", "38, l", "6,8", "3l,3", "l979", "35,2", "5,4",
    "29,8", "198 l", "32,9", "5,3", "27,5"])


def test_year_records_one_cell_per_paragraph_with_scanned_cells(vocab: Vocabulary) -> None:
    name, found = _read(vocab, SCANNED_RECORDS, at=12)
    assert found.table is not None and name == "year_records"
    # a garbled year counts where it follows the year before; a garbled value holds its
    # column's place and gives nothing (for review, not a guess)
    assert [c.year for c in found.table.columns] == [1976, 1977, 1979, 1981]
    births = found.table.rows[0]
    assert [(c.text, c.value.value if c.value else None) for c in births.cells] == [
        ("38,2", 38.2), ("38, l", None), ("35,2", 35.2), ("32,9", 32.9)]
    observed = read_text(vocab, SCANNED_RECORDS, period_start=1976, period_end=1998,
                         title="").observations
    assert len(observed) == 10
    # the page names no plan or target: its past years are reported, not a plan's path
    assert {(o.kind, o.kind_basis) for o in observed} == {
        ("actual", "the document names no plan or target")}
    assert ("crude_birth_rate", 1981, 32.9) in {(o.indicator_id, o.year, o.value)
                                               for o in observed}
    # a garbled year that does not follow the one before is no year
    assert _read(vocab, SCANNED_RECORDS.replace("l979", "l969"), at=12)[1].end == 27


# a flattened table whose header years, kind word, labels and cells each stand in a paragraph
# of their own (a provincial portal's page, real_dev11): the blank lines do not count against
# the header's reach, and the first year is no record of the others
PARAGRAPH_TABLE = "\n\n".join([
    "Năm", "2005", "2009", "2015", "2019", "2020", "(sơ bộ)",
    "Tỷ suất sinh thô (‰)", "18,6", "18,1", "13,32", "16,6", "16,2",
    "Tỷ suất tử thô (‰)", "8,1", "7,8", "12,78", "10,7", "10,3"])


def test_one_per_line_with_every_cell_in_its_own_paragraph(vocab: Vocabulary) -> None:
    name, found = _read(vocab, PARAGRAPH_TABLE, at=2)
    assert name == "one_per_line" and found.table is not None
    assert [(c.year, c.kind_hint) for c in found.table.columns] == [
        (2005, None), (2009, None), (2015, None), (2019, None), (2020, "preliminary")]
    births = found.table.rows[0]
    assert [(found.table.columns[c.column].year, c.text) for c in births.cells] == [
        (2005, "18,6"), (2009, "18,1"), (2015, "13,32"), (2019, "16,6"), (2020, "16,2")]


# a table flattened one cell per line whose header cells hold words beside their years, and a
# note in brackets under each value but the first (the change from the column before): a
# People's Council committee's page (the layout of real_dev81's Đồng Nai table)
FLATTENED_HEADER = "\n\n".join([
    "TT", "Nội dung chỉ tiêu", "Nghị quyết", "NQ HĐND tỉnh", "năm 2024", "Dự thảo NQ",
    "năm 2025", "Nghị quyết Đại hội; NQ HĐND tỉnh giai đoạn", "2021 - 2030",
    "1", "Số giường bệnh/vạn dân", "30,5", "31", "(tăng 0,5 giường bệnh/vạn dân)", "35",
    "(tăng 4 giường bệnh/vạn dân)",
    "2", "Tỷ lệ bao phủ bảo hiểm y tế", "92%", "93%", "(tăng 1%)", "95%", "(tăng 2%)"])


def test_flattened_header_with_word_cells_and_notes(vocab: Vocabulary) -> None:
    name, found = _read(vocab, FLATTENED_HEADER, at=8)
    assert name == "flattened_header" and found.table is not None
    assert [c.year for c in found.table.columns] == [2024, 2025, 2030]
    assert [(label, [(y, t) for y, t, _n in cells]) for label, _u, cells
            in _cells(found.table)] == [
        ("Số giường bệnh/vạn dân", [(2024, "30,5"), (2025, "31"), (2030, "35")]),
        ("Tỷ lệ bao phủ bảo hiểm y tế", [(2024, "92%"), (2025, "93%"), (2030, "95%")])]
    # a title naming the year of the date line above it is no header
    dated = "Hà Nội, ngày 14 tháng 03\nnăm 2024\n|\nKẾ HOẠCH\nPHÒNG, CHỐNG HIV NĂM 2024\n"
    spot = spot_at(dated.split("\n"), 1, vocab.table_words, PERIOD_END)
    assert not any(s.detect(spot) for s in SHAPES)


# two sub-rows under one label whose cells stand stacked in each column, read one cell per
# line (a yearly report's table, real_dev24): the values are the sub-rows' in turn, and a
# comparator set apart from its value ("< 7,6") stays in its cell
STACKED_SUB_ROWS = "\n".join([
    "Chỉ tiêu", "TH năm 2018", "KH năm 2019", "Ước TH năm 2019",
    "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng:", "-Theo cân nặng (%)", "-Theo chiều cao (%)",
    "7,6", "10,4", "< 7,6", "<10,4", "7,5", "10,3"])


def test_one_per_line_with_sub_rows_stacked_in_each_cell(vocab: Vocabulary) -> None:
    name, found = _read(vocab, STACKED_SUB_ROWS, at=1)
    assert name == "one_per_line" and found.table is not None
    assert [(label.split(": ")[-1], unit, [(y, t) for y, t, _n in cells])
            for label, unit, cells in _cells(found.table)] == [
        ("-Theo cân nặng (%)", "%", [(2018, "7,6"), (2019, "< 7,6"), (2019, "7,5")]),
        ("-Theo chiều cao (%)", "%", [(2018, "10,4"), (2019, "<10,4"), (2019, "10,3")])]


# years down under one line of column labels, the total block's label between them and the
# year rows, then the urban block (a yearbook page in runs of spaces, real_dev8)
YEARS_DOWN_BLOCKS = """            Tỷ suất sinh thô    Tỷ suất chết thô    Tỷ lệ tăng tự nhiên
            Crude birth rate   Crude death rate    Natural increase rate
     TỶ SUẤT CHUNG - TOTAL
             2022                 13,3              5,2              8,1
    Sơ bộ - Prel. 2023        12,6              7,3              5,3

    Thành thị - Urban
             2022                 13,2              4,9              8,3
    Sơ bộ - Prel. 2023        12,4              5,8              6,6"""


def test_years_down_under_a_block_label(vocab: Vocabulary) -> None:
    name, found = _read(vocab, YEARS_DOWN_BLOCKS, at=3)
    assert found.table is not None
    # the urban block is taken with the table and gives nothing
    assert (name, found.end) == ("years_down", 9)
    assert _observed(vocab, YEARS_DOWN_BLOCKS) == [
        ("crude_birth_rate", "actual", 2022, 13.3, 4),
        ("crude_birth_rate", "actual", 2023, 12.6, 5),
        ("crude_death_rate", "actual", 2022, 5.2, 4), ("crude_death_rate", "actual", 2023, 7.3, 5),
        ("natural_population_growth", "actual", 2022, 8.1, 4),
        ("natural_population_growth", "actual", 2023, 5.3, 5)]


# a yearbook's table of one indicator named by its numbered title, a header of breakdown
# columns over two lines (total first), year rows in paragraphs, a preliminary year (real_dev12)
TITLED_YEARS_DOWN = """Page 86 - Niên giám 2021
26     Tổng tỷ suất sinh phân theo thành thị, nông thôn
                  Total fertility rate by residence

                         ĐVT: Số con/phụ nữ - Unit: Children per woman

                        Tổng số              Chia ra - Of which
                         Total
                             Thành thị - Urban   Nông thôn - Rural

           2019                  2,20             2,17            2,21


           2020                  2,24             2,21            2,26

      Sơ bộ - Prel. 2021         2,22             2,19            2,24"""


def test_years_down_of_one_indicator_named_by_the_title(vocab: Vocabulary) -> None:
    name, found = _read(vocab, TITLED_YEARS_DOWN, at=10)
    assert found.table is not None and name == "years_down"
    # the title names the row (its number taken off); only the total column is the province's
    assert _cells(found.table) == [
        ("Tổng tỷ suất sinh phân theo thành thị, nông thôn", "",
         [(2019, "2,20", 11), (2020, "2,24", 14), (2021, "2,22", 16)])]
    out = read_text(vocab, TITLED_YEARS_DOWN, period_start=2019, period_end=2021, title="")
    assert [(o.indicator_id, o.year, o.value) for o in out.observations] == [
        ("total_fertility_rate", 2019, 2.2), ("total_fertility_rate", 2020, 2.24),
        ("total_fertility_rate", 2021, 2.22)]
    # the phrase kept for review is the label, not the year before the cell
    assert {o.indicator_text for o in out.observations} == {
        "Tổng tỷ suất sinh phân theo thành thị, nông thôn"}


def test_year_records_labels_past_many_blank_lines(vocab: Vocabulary) -> None:
    # a copied yearbook page (real_dev12) sets a dozen blank lines between its labels and the
    # first record: only filled lines count against the labels' reach; "Ước 2010" is a year
    text = "\n".join(["Tỷ lệ sinh", "", "Tỷ lệ chết", "", "Birth rate", "", "Dead rate",
                      *[""] * 20, "2009", "", "21,40", "", "7,00", "", "Ước 2010", "", "20,00",
                      "", "6,00"])
    name, found = _read(vocab, text, at=27)
    assert found.table is not None and name == "year_records"
    assert _cells(found.table) == [
        ("Tỷ lệ sinh", "", [(2009, "21,40", 30), (2010, "20,00", 36)]),
        ("Tỷ lệ chết", "", [(2009, "7,00", 32), (2010, "6,00", 38)])]


# a table run together on one line (a thesis's PDF text, real_dev121's Đông Bắc table): the
# header's years, then rows numbered under "STT", each as many numbers as years
INLINE_ROWS = ("Bảng 2.6. Tuổi thọ trung bình các tỉnh vùng Đông Bắc\n"
               "STT Địa phương Tuổi thọ trung bình 1999 2009 1 Hà Giang 58,8 66,3 2 Cao Bằng "
               "62,4 68,7 (Nguồn: Tổng cục Thống kê)")


def test_inline_rows(vocab: Vocabulary) -> None:
    name, found = _read(vocab, INLINE_ROWS, at=1)
    assert name == "inline_rows" and found.table is not None
    assert [c.year for c in found.table.columns] == [1999, 2009]
    assert [(label, [(y, t) for y, t, _n in cells]) for label, _u, cells
            in _cells(found.table)] == [
        ("Hà Giang", [(1999, "58,8"), (2009, "66,3")]),
        ("Cao Bằng", [(1999, "62,4"), (2009, "68,7")])]
    assert found.table.kind_hint == "actual"  # a statistics office is its source
    assert "Tuổi thọ trung bình" in found.table.title


# a research article's table of the country and two provinces, as a web page's text gave it:
# the cells run together (real_dev138)
PLACE_COLUMNS = ("Table 1 General characteristics of Viet Nam and studied area (in 2017)\n\n"
                 " Viet NamDa NangQuang Nam\n"
                 "Population density (Person/km2)283828141\n"
                 "Crude birth rate14.915.215.2\n"
                 "Natural increase rate8.18.96.5\n"
                 "Total fertility rate2.041.812.26\n"
                 "Infant mortality rate14.48.516.1\n"
                 "Under-five mortality rate21.512.924.2\n"
                 "  1. Data from Viet Nam General Statistics Office")


def test_place_columns(vocab: Vocabulary) -> None:
    name, found = _read(vocab, PLACE_COLUMNS, at=2)
    assert name == "place_columns" and found.place_table is not None
    assert found.end == 9  # the footnote is prose
    table = found.place_table
    # the numbers are told apart by the three columns and the decimals they share; the
    # density's whole numbers cannot be, so that row gives none
    assert [(v.place, v.label, v.cell.text, v.cell.line) for v in table.values[:6]] == [
        ("national", "Crude birth rate", "14.9", 5), ("da_nang_2025", "Crude birth rate",
                                                      "15.2", 5),
        ("quang_nam", "Crude birth rate", "15.2", 5),
        ("national", "Natural increase rate", "8.1", 6),
        ("da_nang_2025", "Natural increase rate", "8.9", 6),
        ("quang_nam", "Natural increase rate", "6.5", 6)]
    assert [c for _p, _l, c in [(v.place, v.label, v.cell.text) for v in table.values[6:9]]] \
        == ["2.04", "1.81", "2.26"]
    out = read_text(vocab, PLACE_COLUMNS, province_id="da_nang", title="")
    got = {(o.indicator_id, o.province_named, o.value, o.unit, o.year, o.line)
           for o in out.observations}
    # the country's column is quoted beside the provinces', no province's own; the rows share
    # rates per 1,000, so a natural increase of 8.9 is 8.9 per 1,000 (not 8.9%)
    assert got == {
        ("crude_birth_rate", None, 15.2, "per_1000", 2017, 5),
        ("crude_birth_rate", "quang_nam", 15.2, "per_1000", 2017, 5),
        ("natural_population_growth", None, 8.9, "per_1000", 2017, 6),
        ("natural_population_growth", "quang_nam", 6.5, "per_1000", 2017, 6),
        ("total_fertility_rate", None, 1.81, "children_per_woman", 2017, 7),
        ("total_fertility_rate", "quang_nam", 2.26, "children_per_woman", 2017, 7),
        ("infant_mortality", None, 8.5, "per_1000", 2017, 8),
        ("infant_mortality", "quang_nam", 16.1, "per_1000", 2017, 8),
        ("under5_mortality", None, 12.9, "per_1000", 2017, 9),
        ("under5_mortality", "quang_nam", 24.2, "per_1000", 2017, 9)}


# a forum page's ranking of provinces from a statistics office's table, cells run together
# (real_dev121): the header names the indicator and the period it is averaged over
PLACE_ROWS = ("Top 10 tỉnh có tỷ suất sinh cao nhất\n\n"
              "TTTỉnh, thành phốVùngTỷ suất sinh trung bình\n"
              "giai đoạn 2005-2019\n"
              "1Lai ChâuTrung du và miền núi phía Bắc24,7\n"
              "2Kon TumTây Nguyên24,0\n"
              "3Điện BiênTrung du và miền núi phía Bắc23,6\n"
              "\n"
              "Như vậy, có đến 8/10 tỉnh thuộc các khu vực miền núi.")


def test_place_rows(vocab: Vocabulary) -> None:
    name, found = _read(vocab, PLACE_ROWS, at=2)
    assert name == "place_rows" and found.place_table is not None
    assert found.end == 7
    assert [(v.place, v.cell.text, v.cell.line) for v in found.place_table.values] == [
        ("lai_chau", "24,7", 5), ("kon_tum", "24,0", 6), ("dien_bien", "23,6", 7)]
    out = read_text(vocab, PLACE_ROWS, province_id="lai_chau", title="")
    assert [(o.indicator_id, o.province_named, o.value, o.year, o.year_basis)
            for o in out.observations] == [
        ("crude_birth_rate", None, 24.7, None,
         "not stated (an average over 2005-2019, table header)"),
        ("crude_birth_rate", "kon_tum", 24.0, None,
         "not stated (an average over 2005-2019, table header)"),
        ("crude_birth_rate", "dien_bien", 23.6, None,
         "not stated (an average over 2005-2019, table header)")]


def test_place_columns_under_a_label_column_s_header(vocab: Vocabulary) -> None:
    text = ("Một số chỉ tiêu dân số năm 2023\n"
            "Chỉ tiêu\tHà Nội\tHải Phòng\tCả nước\n"
            "Tổng tỷ suất sinh (con/phụ nữ)\t1,86\t2,01\t1,96\n"
            "Tuổi thọ trung bình (năm)\t76,1\t75,2\t74,5")
    name, found = _read(vocab, text, at=1)
    assert name == "place_columns" and found.place_table is not None
    out = read_text(vocab, text, province_id="ha_noi", title="")
    assert [(o.indicator_id, o.value, o.year, o.province_named) for o in out.observations] == [
        ("total_fertility_rate", 1.86, 2023, None),
        ("total_fertility_rate", 2.01, 2023, "hai_phong"),
        ("life_expectancy", 76.1, 2023, None), ("life_expectancy", 75.2, 2023, "hai_phong")]


def test_a_line_of_two_places_without_rows_below_is_no_table(vocab: Vocabulary) -> None:
    lines = ["Hà Nội  Hải Phòng", "Hai thành phố có tỷ lệ bao phủ bảo hiểm y tế cao."]
    spot = spot_at(lines, 0, vocab.table_words, PERIOD_END)
    assert not any(s.detect(spot) and s.read(spot) for s in SHAPES)


def test_every_registered_shape_has_a_fixture_here() -> None:
    tested = {"inline_rows", "tab_rows", "pipe_rows", "pdf_rows", "unit_rows", "side_by_side",
              "wrapped_header", "stacked_header", "one_per_line", "flattened_header",
              "single_year", "years_down",
              "year_records", "place_columns", "place_rows"}
    assert [s.name for s in SHAPES][:7] == ["inline_rows", "place_columns", "place_rows",
                                            "tab_rows", "pipe_rows", "pdf_rows", "unit_rows"]
    assert {s.name for s in SHAPES} == tested


def test_prose_is_no_table(vocab: Vocabulary) -> None:
    lines = ["- Tỷ lệ bao phủ bảo hiểm y tế đạt 95% năm 2025.", "2025 là năm cuối của kế hoạch"]
    for i in range(len(lines)):
        spot = spot_at(lines, i, vocab.table_words, PERIOD_END)
        assert not any(s.detect(spot) and s.read(spot) for s in SHAPES)


# a food-safety office's page (real_dev13): records one cell per paragraph under labels whose
# last names a measure and its unit only, the title naming the indicator; decimal points
POISONING_RECORDS = "\n\n".join([
    "Thống kê số liệu ngộ độc thực phẩm trên địa bàn tỉnh từ năm 2011 đến 2020", "Năm",
    "Số vụ", "Số mắc", "Số tử vong", "Tỷ lệ mắc/100.000 dân",
    "2011", "5", "127", "0", "11.2", "2012", "7", "631", "0", "55.8", "2013", "03", "54", "0",
    "4.67"])


def test_a_measure_row_takes_the_indicator_its_title_names(vocab: Vocabulary) -> None:
    name, found = _read(vocab, POISONING_RECORDS, at=12)
    assert found.table is not None and name == "year_records"
    # "11.2": one or two digits after the dot make it a decimal point
    assert _cells(found.table)[3] == ("Tỷ lệ mắc/100.000 dân", "", [
        (2011, "11.2", 21), (2012, "55.8", 31), (2013, "4.67", 41)])
    out = read_text(vocab, POISONING_RECORDS, period_start=2011, period_end=2020, title="")
    # the counts (cases, people, deaths) name no indicator and stay unmapped
    assert [(o.indicator_id, o.year, o.value) for o in out.observations] == [
        ("food_poisoning_per_100k", 2011, 11.2), ("food_poisoning_per_100k", 2012, 55.8),
        ("food_poisoning_per_100k", 2013, 4.67)]


# a plan's table (real_dev15), one cell per paragraph: a column of the earlier plan's target
# for 2015, then the years achieved, 2015 among them
TARGET_AND_ACHIEVED = "\n\n".join([
    "Bảng 1: Kế hoạch và thực tế thực hiện các chỉ tiêu chính", "Mục tiêu/ chỉ tiêu chính",
    "ĐVT", "Mục tiêu đến năm 2015", "Thực tế thực hiện", "2011", "2012", "2015",
    "Tỷ lệ suy dinh dưỡng thể nhẹ cân", "%", "15,0", "18,1", "17,2", "14,8"])


def test_a_year_twice_under_two_kinds(vocab: Vocabulary) -> None:
    name, found = _read(vocab, TARGET_AND_ACHIEVED, at=6)
    assert found.table is not None and name == "one_per_line"
    assert [(c.year, c.kind_hint) for c in found.table.columns] == [
        (2015, "plan"), (2011, "actual"), (2012, None), (2015, None)]
    out = read_text(vocab, TARGET_AND_ACHIEVED, period_start=2019, period_end=2025, title="")
    assert [(o.kind, o.year, o.value) for o in out.observations] == [
        ("target", 2015, 15.0), ("baseline", 2011, 18.1), ("actual", 2012, 17.2),
        ("actual", 2015, 14.8)]


# a report's table as a portal shows it: each cell on its own line, a "|" line between cells,
# a numbering column before the labels and an assessment column after the values (real_dev61)
SEPARATED_CELLS = """Stt
|
Chỉ tiêu chủ yếu
|
TH năm 2023
|
KH năm 2024
|
Ước TH 2024
|
Đánh giá
|
8
|
Số bác sỹ trên vạn dân
|
15,4
|
15-16
|
15,4
|
Đạt
|
9
|
Số giường bệnh/vạn dân.
|
61,0
|
59-61
|
61
|
Đạt"""


def test_one_per_line_with_a_separator_line_between_cells(vocab: Vocabulary) -> None:
    name, found = _read(vocab, SEPARATED_CELLS, at=4)
    assert name == "one_per_line" and found.table is not None
    assert [(c.year, c.kind_hint) for c in found.table.columns] == [
        (2023, "actual"), (2024, "plan"), (2024, "actual")]
    assert [(o[0], o[2], o[3], o[4]) for o in _observed(vocab, SEPARATED_CELLS)] == [
        ("doctors_per_10k", 2023, 15.4, 17), ("doctors_per_10k", 2024, 15.0, 19),
        ("doctors_per_10k", 2024, 15.4, 21), ("hospital_beds_per_10k", 2023, 61.0, 29),
        ("hospital_beds_per_10k", 2024, 59.0, 31), ("hospital_beds_per_10k", 2024, 61.0, 33)]


# a yearly plan's main targets (real_dev52's layout): header cells one per paragraph, one of them
# the only year with its kind word; each row's number, label and value one per paragraph
SINGLE_YEAR = """Stt

Chỉ tiêu chủ yếu

Kế hoạch năm 2021

1

Bác sỹ/vạn dân

13-14

2

Tỉ lệ dân số toàn tỉnh sử dụng nước sạch (%)

94"""


def test_single_year_column(vocab: Vocabulary) -> None:
    name, found = _read(vocab, SINGLE_YEAR, at=4)
    assert name == "single_year" and found.table is not None
    assert [(c.year, c.kind_hint) for c in found.table.columns] == [(2021, "plan")]
    assert _cells(found.table) == [("Bác sỹ/vạn dân", "", [(2021, "13-14", 11)]),
                                   ("Tỉ lệ dân số toàn tỉnh sử dụng nước sạch (%)", "%",
                                    [(2021, "94", 17)])]
    observed = read_text(vocab, SINGLE_YEAR, period_start=2021, period_end=2021).observations
    assert [(o.indicator_id, o.year, o.comparator, o.value, o.value_high, o.line)
            for o in observed] == [("doctors_per_10k", 2021, "range", 13.0, 14.0, 11),
                                   ("clean_water_population", 2021, "=", 94.0, None, 17)]


def test_a_lone_year_with_its_kind_word_in_prose_is_no_table(vocab: Vocabulary) -> None:
    # no header cell above it: a heading, then prose
    lines = ["Kế hoạch năm 2021", "", "Tỷ lệ bao phủ bảo hiểm y tế đạt 95%."]
    spot = spot_at(lines, 0, vocab.table_words, PERIOD_END)
    assert not any(s.detect(spot) and s.read(spot) for s in SHAPES if s.name == "single_year")


# a yearbook page's text (real_dev67's layout): the header cell by cell, then the table's
# numbered title, then the year rows; the unit line names a noun with "tuổi" before its per N
TITLE_UNDER_HEADER = """                 ĐVT: Trẻ em dưới một tuổi tử vong/1000 trẻ sinh sống
                                   Chia ra - Of which
                     Tổng số
                       Total
                                          Nam - Male
                                                        Nữ - Female
          22. Tỷ suất chết của trẻ em dưới một tuổi phân theo giới tính

               2016                 38,1                    43,1             33,0
               2017                 37,8                    42,7             32,8
          Sơ bộ - Prel 2018         36,6                    40,4             32,6"""


def test_years_down_with_the_title_between_header_and_rows(vocab: Vocabulary) -> None:
    name, found = _read(vocab, TITLE_UNDER_HEADER, at=8)
    assert name == "years_down" and found.table is not None
    assert [(c.year, c.kind_hint) for c in found.table.columns] == [
        (2016, None), (2017, None), (2018, "preliminary")]
    # the total column is the province's; each breakdown column, named on its own line in the
    # header, a part's row, read only as that part's indicator
    title = "Tỷ suất chết của trẻ em dưới một tuổi phân theo giới tính"
    assert _cells(found.table) == [
        (title, "", [(2016, "38,1", 9), (2017, "37,8", 10), (2018, "36,6", 11)]),
        (f"{title} – Nam - Male", "", [(2016, "43,1", 9), (2017, "42,7", 10), (2018, "40,4", 11)]),
        (f"{title} – Nữ - Female", "", [(2016, "33,0", 9), (2017, "32,8", 10),
                                         (2018, "32,6", 11)])]
    assert [row.role for row in found.table.rows] == ["row", "subgroup", "subgroup"]
    assert sorted((o[0], o[2], o[3]) for o in _observed(vocab, TITLE_UNDER_HEADER)
                  if o[2] == 2018) == [
        ("infant_mortality", 2018, 36.6), ("infant_mortality_female", 2018, 32.6),
        ("infant_mortality_male", 2018, 40.4)]


# a statistics page one cell per line (real_dev67): "Tỷ suất sinh" is both the crude birth
# rate's name and the total fertility rate's; no unit is stated, so the value decides
SHARED_NAME = """Tỷ suất sinh
Tỷ suất chết
Tỷ suất tăng tự nhiên
2011
25,80
7,23
18,57
2012
25,10
7,30
17,80"""


def test_a_shared_name_is_the_indicator_whose_range_holds_the_value(vocab: Vocabulary) -> None:
    assert sorted((o[0], o[2], o[3]) for o in _observed(vocab, SHARED_NAME)) == [
        ("crude_birth_rate", 2011, 25.8), ("crude_birth_rate", 2012, 25.1),
        ("crude_death_rate", 2011, 7.23), ("crude_death_rate", 2012, 7.3),
        ("natural_population_growth", 2011, 18.57), ("natural_population_growth", 2012, 17.8)]


# a yearbook page: the title names the subject ("Dân số"), the block label only the measure
# ("Tỷ lệ tăng"); together they name the indicator, read from the total column (real_dev31)
YEARBOOK_BLOCK = "\n".join([
    "Dân số trung bình phân theo giới tính và theo thành thị, nông thôn",
    "Average population by sex and by residence",
    "Tổng số By sex By residence", "Total", "Nam Nữ Thành thị Nông thôn",
    "Male Female Urban Rural",
    "Tỷ lệ tăng - Growth rate (%)",
    "2021 1,372 1,373 1,372 3,494 -0,061",
    "2022 -0,268 0,675 -1,182 -0,187 -0,324"])


def test_a_block_label_naming_a_measure_of_the_titles_subject(vocab: Vocabulary) -> None:
    out = read_text(vocab, YEARBOOK_BLOCK, period_start=2023, period_end=2023)
    assert [(o.indicator_id, o.year, o.value) for o in out.observations] == [
        ("population_growth", 2021, 1.372), ("population_growth", 2022, -0.268)]


def test_pdf_rows_under_a_results_header_are_actual(vocab: Vocabulary) -> None:
    # "KẾT QUẢ ĐẠT ĐƯỢC" over the year columns, no plan column: every year's value was reached
    text = PDF_ROWS_ONE_CELL_PER_LINE.replace("Chỉ tiêu", "Chỉ tiêu\nKẾT QUẢ ĐẠT ĐƯỢC")
    _name, found = _read(vocab, text)
    assert found.segments[0].columns == [("actual", 2014), ("actual", 2015)]
    assert {kind for _ind, kind, _year, _value, _line in _observed(vocab, text)} == {"actual"}


@pytest.mark.parametrize(("line", "title"), [
    ("PHỤ LỤC II", True), ("NHIỆM VỤ VÀ GIẢI PHÁP", True), ("ĐẾN NĂM 2025", True),
    ("PHÂN CÔNG NHIỆM VỤ", True), ("Nhiệm vụ và giải pháp", False), ("Tỷ lệ ĐẠT CHUẨN", False)])
def test_a_line_in_vietnamese_capitals_is_a_title(line: str, title: bool) -> None:
    # capitals with a dot below or a hook ("Ụ", "Ệ") and "Đ", "Ư", "Ơ" are capitals too
    assert (CAPS_TITLE_RE.match(line) is not None) is title
