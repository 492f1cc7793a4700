"""Pairing principles (issue 9, item 3): how a number gets its indicator, kind and year, and
which numbers are not the province's value. Each test is a small text read as a document."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from vnhealth.build.warehouse import build
from vnhealth.extract import Observation, Vocabulary, extract_document, read_text
from vnhealth.extract.fuzzy import FuzzyIndex
from vnhealth.extract.kind_year import (
    NOT_STATED,
    YearChoice,
    decide_kind,
    reports_only,
    statistics_word,
)
from vnhealth.extract.match import fuzzy_named
from vnhealth.extract.pairing import is_gap
from vnhealth.extract.plausibility import quarantine_reason
from vnhealth.extract.sections import Section, section_of
from vnhealth.inputs.catalog import Document, load_catalog
from vnhealth.inputs.paths import ProjectPaths

REPO = ProjectPaths.at()


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(load_catalog(REPO))


def observations(vocab: Vocabulary, text: str, **kw: int | str) -> list[Observation]:
    return read_text(vocab, text, **kw).observations


def only(vocab: Vocabulary, text: str, **kw: int | str) -> Observation:
    found = observations(vocab, text, **kw)
    assert len(found) == 1, found
    return found[0]


# --- kind from context -----------------------------------------------------------------------

def test_value_in_a_results_section_is_actual(vocab: Vocabulary) -> None:
    o = only(vocab, "I. KẾT QUẢ THỰC HIỆN\n"
                    "- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 95%.")
    assert (o.kind, o.kind_basis) == ("actual", "results section: 'kết quả'")


def test_value_in_a_target_section_is_target_for_the_plan_horizon(vocab: Vocabulary) -> None:
    o = only(vocab, "II. MỤC TIÊU\n- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 98%.",
             period_start=2021, period_end=2025)
    assert (o.kind, o.year) == ("target", 2025)
    assert o.kind_basis.startswith("target section")
    assert o.year_basis.startswith("plan horizon")


def test_reached_in_a_past_year_is_actual(vocab: Vocabulary) -> None:
    o = only(vocab, "Năm 2020 tỷ lệ tham gia bảo hiểm y tế đạt 90%.", period_start=2021)
    assert (o.kind, o.year) == ("actual", 2020)
    assert o.kind_basis == "year 2020, before the plan's first year (2021)"


def test_a_year_after_the_document_was_issued_is_planned(vocab: Vocabulary) -> None:
    # a one-year plan's resolution, issued the year before: "đạt từ … trở lên" is a target
    text = ("Ngày 9/12/2022, HĐND tỉnh ban hành Nghị quyết số 11/NQ-HĐND về kế hoạch năm 2023.\n"
            "- Tỷ lệ dân số tham gia bảo hiểm y tế đạt từ 93,7% trở lên.")
    doc = Document(id="nq", province_id="", title="", doc_number="11/NQ-HĐND", issuer=None,
                   issued_on=None, issued_text=None, period_start=2023, period_end=2023,
                   file="", sha256="", manifest_line=0)
    (o,) = extract_document(vocab, doc, text.split("\n")).observations
    assert (o.kind, o.year) == ("target", 2023)
    assert o.kind_basis == ("year 2023, after the document was issued "
                            "(2022: date with its number 11/NQ-HĐND)")


def test_a_change_reported_before_the_document_is_actual_at_both_ends(vocab: Vocabulary
                                                                       ) -> None:
    # a plan's situation section: a fall between two past years is no baseline and target
    text = ("Quảng Bình, ngày 02 tháng 1 năm 2024\n"
            "Tỷ lệ mắc sốt rét giảm từ 1,21/1000 dân năm 2011 xuống còn 0,006/1000 dân năm "
            "2022. Tỷ lệ ký sinh trùng sốt rét giảm từ 0,57/1000 dân SRLH xuống còn "
            "0,020/1000 dân SRLH năm 2022.")
    got = {o.value: (o.kind, o.year) for o in observations(vocab, text, period_start=2023,
                                                            period_end=2030)}
    # the start of the second change takes no year written after its end value: it is
    # written like the first, so it starts in the first's start year
    assert got == {1.21: ("actual", 2011), 0.006: ("actual", 2022),
                   0.57: ("actual", 2011), 0.02: ("actual", 2022)}


def test_a_change_written_like_the_one_before_runs_over_its_years(vocab: Vocabulary) -> None:
    text = ("Tỷ lệ trẻ suy dinh dưỡng thể nhẹ cân giảm từ 18,7% năm 2022 xuống còn 17,1% năm "
            "2023. Tỷ lệ trẻ suy dinh dưỡng thể thấp còi giảm từ 27,5% xuống còn 25,7%.")
    got = {o.value: (o.year, o.year_basis) for o in observations(
        vocab, "Thứ hai, 09:00 16/9/2024\n" + text, period_start=2022, period_end=2023)}
    alike = "years of the change before it, written alike"
    assert got == {18.7: (2022, "own phrase"), 17.1: (2023, "own phrase"),
                   27.5: (2022, alike), 25.7: (2023, alike)}
    # a change told as done ("đã giảm") reports both ends, with no target word around
    done = observations(vocab, "Tỷ suất sinh thô đã giảm từ 17,22‰ năm 2008 xuống còn 13,05‰ "
                               "năm 2023.", period_start=2008, period_end=2024, title="")
    assert {(o.kind, o.kind_basis) for o in done} == {("actual", "'đã giảm': a change told "
                                                                 "as done")}


def test_start_value_of_a_change_stays_baseline(vocab: Vocabulary) -> None:
    kinds = {o.value: o.kind for o in observations(
        vocab, "- Tỷ lệ tham gia bảo hiểm y tế tăng từ 85% năm 2020 lên 95% năm 2025.")}
    assert kinds == {85.0: "baseline", 95.0: "target"}


def test_statistics_document_reports_actuals() -> None:
    doc = Document(id="x", province_id="", title="Niên giám thống kê tỉnh 2023",
                   doc_number=None, issuer=None, issued_on=None, issued_text=None,
                   period_start=2023, period_end=2023, file="", sha256="", manifest_line=0)
    word = statistics_word(doc, ["niên giám", "sơ bộ"])
    assert word == "niên giám"
    why = reports_only(doc, word, None)
    assert why == "statistics document: 'niên giám'"
    choice = decide_kind(baseline=False, column_kind=None, reports_only=why, section=None,
                         verb=None, year=NOT_STATED, past_before=2023)
    assert choice == ("actual", why)


def test_a_text_issued_after_its_period_reports_even_undated_values(vocab: Vocabulary) -> None:
    # a page of 27/11/2021 on the years up to 2020: a value with no year of its own is reported
    text = ("Thứ bảy, 19:00 27/11/2021 | Dân số và phát triển\n"
            "Nhiều năm qua tỉnh duy trì mức sinh thay thế, bình quân một phụ nữ "
            "duy trì ở mức từ 2-2,2 con/phụ nữ.")
    o = only(vocab, text, period_start=2004, period_end=2020)
    assert (o.kind, o.year, o.value, o.value_high) == ("actual", None, 2.0, 2.2)
    assert o.kind_basis.startswith("issued in 2021 (page date 'Thứ bảy, 19:00 27/11/2021'), "
                                   "after the period it covers (2004–2020)")
    # the same text dated within its period plans the value
    o = only(vocab, text.replace("2021", "2019"), period_start=2004, period_end=2020)
    assert o.kind == "target"


def test_targets_met_by_count_are_reported_not_set(vocab: Vocabulary) -> None:
    text = ("In 2023, the Health sector has successfully completed the task, achieving and "
            "exceeding 6/6 socio-economic targets of the province in the field of health: "
            "Percentage of population participating in health insurance: 96.07%.")
    o = only(vocab, text, province_id="binh_dinh", period_start=2023, period_end=2024,
             title="Conference to deploy medical work in 2024")
    assert (o.indicator_id, o.kind, o.year) == ("health_insurance_coverage", "actual", 2023)


def test_the_first_section_word_of_a_heading_decides() -> None:
    section = section_of("II. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU", None, ["mục tiêu"],
                         ["kết quả"], ["nhiệm vụ"])
    assert section == Section("result", "kết quả")
    assert section_of("1. Y tế", section, ["mục tiêu"], ["kết quả"], []) == section


def test_a_heading_that_says_targets_were_met_opens_results() -> None:
    # a page's headline over a year's review (Đồng Tháp, real_dev53): its values are results
    words = (["mục tiêu", "chỉ tiêu"], ["kết quả"], ["nhiệm vụ"], ["đạt", "vượt"])
    assert section_of("Nhiều chỉ tiêu công tác dân số đạt, vượt kế hoạch", None,
                      *words) == Section("result", "chỉ tiêu")
    # a number after the verb is the goal's own value: the heading still sets targets
    assert section_of("1. Chỉ tiêu 1: tỷ lệ tiêm chủng đạt 95% vào năm 2025", None,
                      *words) == Section("target", "chỉ tiêu")
    assert section_of("II. MỤC TIÊU", None, *words) == Section("target", "mục tiêu")


# --- year only from the text -------------------------------------------------------------------

def test_no_stated_year_is_null_not_the_period_end(vocab: Vocabulary) -> None:
    o = only(vocab, "Theo đó, tỷ lệ bà mẹ mang thai được sàng lọc trước sinh là 80%.",
             period_start=2020, period_end=2030)
    assert o.year is None
    assert o.year_basis == "not stated"


def test_what_a_dated_page_says_of_now_is_its_year_not_the_one_its_title_names(
        vocab: Vocabulary) -> None:
    text = ("(kontumtv.vn) – Ngày 07/7/2017, UBND tỉnh đã ban hành Quyết định số 637 công nhận "
            "xã đạt Bộ tiêu chí quốc gia về y tế xã năm 2016.\n\nTính đến nay, toàn tỉnh có "
            "68/102 xã được công nhận đạt Bộ tiêu chí quốc gia về y tế xã, chiếm tỷ lệ trên 66%.")
    o = only(vocab, text, province_id="kon_tum", period_start=2016, period_end=2017,
             title="Kon Tum: 21 xã đạt Bộ tiêu chí quốc gia về y tế xã năm 2016")
    assert (o.year, o.value) == (2017, 66.0)
    # a date the present word names still dates the value
    o = only(vocab, "date 2022-04 Tính đến ngày 31/12/2021, BHYT đạt tỷ lệ bao phủ 86,5% dân số.",
             province_id="ba_ria_vung_tau", period_start=2021, period_end=2021,
             title="Bảo hiểm y tế năm 2021")
    assert (o.year, o.value) == (2021, 86.5)


def test_horizon_only_the_manifest_gives_is_not_stated(vocab: Vocabulary) -> None:
    # an undated page of targets: the period is the reader's guess, so the year stays open;
    # the same text under a title naming the period takes its horizon
    text = "Mục tiêu cụ thể: giảm tỷ lệ suy dinh dưỡng thể thấp còi xuống 24%."
    o = only(vocab, text, period_start=2011, period_end=2020, title="Cải thiện dinh dưỡng")
    assert (o.kind, o.year) == ("target", None)
    assert o.year_basis == "not stated (the document names no plan horizon)"
    o = only(vocab, text, period_start=2011, period_end=2020,
             title="Kế hoạch hành động về dinh dưỡng đến năm 2020")
    assert (o.kind, o.year) == ("target", 2020)
    assert o.year_basis.startswith("plan horizon")



def test_targets_a_plan_leads_in_with_a_colon_take_its_horizon(vocab: Vocabulary) -> None:
    # real_dev110, Đồng Nai: "specific targets, such as:" leads in the plan's targets; the
    # same lead-in reporting results ("kết quả") dates nothing
    title = "Kế hoạch thực hiện Chiến lược Dân số Việt Nam đến năm 2030"
    o = only(vocab, "The plan emphasises population quality through specific targets, such as: "
                    "90 percent of newborns screened for congenital disorders.",
             period_start=2026, period_end=2030, title=title)
    assert (o.indicator_id, o.kind, o.year) == ("newborn_screening", "target", 2030)
    assert o.year_basis == "plan horizon (targets led in by the plan's words)"
    o = only(vocab, "Kết quả thực hiện các chỉ tiêu như sau: tỷ lệ sàng lọc sơ sinh đạt 90%.",
             period_start=2026, period_end=2030, title=title)
    assert o.year is None


def test_a_reduction_by_at_least_is_a_fall(vocab: Vocabulary) -> None:
    # real_dev145, Khánh Hòa: "reduce at least 20% of children dying from drowning" was read
    # as a level >= 20; English "reduce … by 20%" as a level = 20
    for text in ("Đến năm 2030, giảm ít nhất 20% số trẻ em bị tử vong do đuối nước.",
                 "The province aims to reduce at least 20% of children dying from drowning "
                 "by 2030.",
                 "The province aims to reduce child drowning deaths by 20% by 2030."):
        o = only(vocab, text, period_start=2026, period_end=2030)
        assert (o.indicator_id, o.comparator, o.value, o.year) == (
            "child_drowning_deaths_change", "relative", -20.0, 2030), text

def test_a_plan_titled_for_one_year_gives_that_year_though_its_text_looks_further(
        vocab: Vocabulary) -> None:
    # "Kế hoạch … năm 2018" whose general goal looks on to 2020: its list of targets is for
    # 2018; a remark in brackets or a date in the title names no period
    text = ("Hướng đến mục tiêu vào năm 2020.\n2. Mục tiêu cụ thể\n"
            "- 75% người nhiễm HIV biết tình trạng nhiễm HIV của mình.")
    o = only(vocab, text, period_start=2018, period_end=2020,
             title="Kế hoạch phòng, chống HIV/AIDS năm 2018")
    assert (o.kind, o.year) == ("target", 2018)
    for title in ("Kế hoạch phòng, chống HIV/AIDS (thực hiện Quyết định ngày 2/3/2018)",
                  "Kế hoạch phòng, chống HIV/AIDS ban hành ngày 14/3/2018"):
        assert only(vocab, text, period_start=2018, period_end=2020, title=title).year == 2020


def test_a_goal_named_by_numbers_lends_its_year_to_the_values_spelling_it_out(
        vocab: Vocabulary) -> None:
    # "90-90-90" names the goal: it is no range, and its year is the bracket's values'
    found = observations(vocab, "Hướng đến mục tiêu 90-90-90 vào năm 2020 (90% người nhiễm "
                                "HIV biết được tình trạng nhiễm của bản thân; 90% người chẩn "
                                "đoán HIV được điều trị ARV).", period_start=2018,
                         period_end=2020, title="Kế hoạch năm 2018")
    assert [(o.indicator_id, o.value, o.year) for o in found] == [
        ("hiv_know_status", 90.0, 2020), ("hiv_on_arv", 90.0, 2020)]


def test_a_per_n_unit_written_after_a_count_noun_is_that_numbers_only(
        vocab: Vocabulary) -> None:
    # "114 người/100.000 người dân" is a rate; "58 người" after it is a count, not a rate
    found = observations(vocab, "Số bệnh nhân lao các thể thu nhận tương đương 114 người/"
                                "100.000 người dân, số người chết do bệnh lao là 58 người, "
                                "tương đương 03 người/100.000 người dân.", title="")
    assert [(o.indicator_id, o.value, o.unit) for o in found] == [
        ("tb_notification_per_100k", 114.0, "per_100000"),
        ("tb_deaths_per_100k", 3.0, "per_100000")]


def test_a_population_groups_value_is_not_the_whole_populations(vocab: Vocabulary) -> None:
    # a group's share (subgroups.yaml population_groups) goes to an indicator only when the
    # indicator is that group's (pupils' insurance is, and since stop 27 that of people with
    # HIV on ARV); otherwise it stays an unmapped statement for review (workers' cards are not
    # the people's coverage)
    text = ("2. Mục tiêu cụ thể\n"
            "- 90% bệnh nhân điều trị ARV có tải lượng vi rút HIV thấp dưới ngưỡng ức chế.\n"
            "- 100% bệnh nhân điều trị ARV có thẻ Bảo hiểm y tế.\n"
            "- 100% người lao động tại các khu công nghiệp có thẻ Bảo hiểm y tế.\n"
            "- Tỷ lệ học sinh, sinh viên tham gia bảo hiểm y tế đạt 98%.\n"
            "- Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.")
    out = read_text(vocab, text)
    assert [(o.indicator_id, o.value) for o in out.observations] == [
        ("hiv_viral_suppression", 90.0), ("hiv_insured", 100.0),
        ("health_insurance_coverage_students", 98.0), ("health_insurance_coverage", 95.0)]
    unmapped = [s.indicator_text for s in out.statements if s.is_numeric and not s.is_mapped]
    assert len(unmapped) == 1 and "người lao động" in unmapped[0]


def test_a_year_in_a_bracketed_remark_dates_only_the_remark(vocab: Vocabulary) -> None:
    found = observations(vocab, "Năm 2022, tỷ số giới tính khi sinh là 113,5 trẻ nam/100 trẻ nữ "
                                "(năm 2021 là 113,9 trẻ nam/100 trẻ nữ); tỷ lệ bà mẹ mang thai "
                                "được sàng lọc trước sinh đạt 38%.", title="")
    assert [(o.value, o.year) for o in found] == [(113.5, 2022), (113.9, 2021), (38.0, 2022)]


def test_a_value_compared_with_of_its_own_year_is_that_year_s(vocab: Vocabulary) -> None:
    # real_dev107: "so với mức 1,45 của năm 2024" is 2024's value, in the unit of the value it
    # is compared with; "so với 73,6 tuổi" (no year of its own) stays no value
    found = observations(vocab, "Tổng tỷ suất sinh năm 2025 ước đạt 1,51 con/phụ nữ, tăng so "
                                "với mức 1,45 của năm 2024.", period_start=2025,
                         period_end=2025, title="")
    assert [(o.value, o.year, o.unit) for o in found] == [
        (1.51, 2025, "children_per_woman"), (1.45, 2024, "children_per_woman")]
    assert [o.value for o in observations(vocab, "Tuổi thọ đạt 74,5 tuổi so với 73,6 tuổi.",
                                          period_start=2025, period_end=2025,
                                          title="")] == [74.5]


def test_levels_in_brackets_after_a_change_verb_and_a_period_s_year(vocab: Vocabulary) -> None:
    # real_dev49, Kon Tum: "giảm (3,11% so với 3,37% của thời kỳ 1991 - 2000)": the bracket
    # gives the two levels, the second dated by its period ("thời kỳ", a year word)
    found = observations(vocab, "Tốc độ tăng dân số bình quân năm thời kỳ 2001 - 2010 giảm "
                                "(3,11% so với 3,37% của thời kỳ 1991 - 2000).",
                         period_start=2010, period_end=2010, title="")
    assert [(o.comparator, o.value, o.year) for o in found] == [("=", 3.11, 2010),
                                                                ("=", 3.37, 2000)]


def test_a_paragraph_opening_with_its_own_day_ends_the_lead_year(vocab: Vocabulary) -> None:
    text = ("Năm 2009, tỷ lệ thừa cân béo phì của học sinh là 9,4%.\n\n"
            "Ngày 27/12, HCDC thông tin, tỷ lệ học sinh thừa cân béo phì chiếm 28,96%.")
    found = observations(vocab, text, period_start=2020, period_end=2023, title="")
    assert [(o.value, o.year) for o in found] == [(9.4, 2009), (28.96, None)]


def test_a_day_on_a_line_inside_a_paragraph_ends_the_lead_year(vocab: Vocabulary) -> None:
    # real_dev104, Hồ Chí Minh City: a caption and a subheading, no full stop after them, join
    # the dated line to the paragraph before it
    text = ("Năm 2009, tỷ lệ thừa cân béo phì của học sinh là 9,4%.\n"
            "Nghiên cứu thực hiện trên 12.000 học sinh. Ảnh: Thanh Tùng\n"
            "Gánh nặng bệnh tật\n"
            "Ngày 27/12, HCDC thông tin, tỷ lệ học sinh thừa cân béo phì chiếm 28,96%.")
    found = observations(vocab, text, period_start=2020, period_end=2023, title="")
    assert [(o.value, o.year) for o in found] == [(9.4, 2009), (28.96, None)]


def test_a_change_to_a_new_level_goes_on_with_the_value_before(vocab: Vocabulary) -> None:
    # real_dev104: "tăng lên 25,3%" is the level 2019 reached, of the indicator named before
    found = observations(vocab, "Năm 2009, tỷ lệ học sinh thừa cân béo phì là 9,4%, đến năm 2019 "
                                "tăng lên 25,3%.", period_start=2022, period_end=2022, title="")
    assert [(o.indicator_id, o.value, o.year) for o in found] == [
        ("overweight_school_age", 9.4, 2009), ("overweight_school_age", 25.3, 2019)]


def test_a_change_noun_does_not_reach_past_a_comma_and_a_year(vocab: Vocabulary) -> None:
    # real_dev108, Kon Tum: "mức tăng khá nhanh, năm 2020 là 67,7" gives 2020's level
    o = only(vocab, "Tuổi thọ của địa phương này chứng kiến mức tăng khá nhanh, năm 2020 là 67,7.",
             period_start=2023, period_end=2023, title="")
    assert (o.indicator_id, o.comparator, o.value, o.year) == ("life_expectancy", "=", 67.7, 2020)
    o = only(vocab, "Mức giảm tỷ lệ sinh bình quân hằng năm khoảng 0,1‰.")
    assert o.comparator == "relative"


def test_a_group_named_by_its_ages_before_the_value(vocab: Vocabulary) -> None:
    # real_dev108, Ninh Thuận: the age range is a number too, but the group's name
    found = observations(vocab, "Tổng số tiêm mũi 3 cho người từ 12 - 17 tuổi đạt 36,8%; tổng số "
                                "mũi tiêm mũi 1 cho trẻ từ 5 - 11 tuổi đạt 80,6%.",
                         title="Tiêm vắc xin phòng Covid-19 năm 2022")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("covid19_vaccine_booster1_age12_17", 36.8), ("covid19_vaccine_dose1_age5_11", 80.6)]


def test_a_number_after_an_age_word_is_an_age(vocab: Vocabulary) -> None:
    # real_dev108, Tuyên Quang: "ở độ tuổi 30-49" took the doctors' density of its paragraph
    found = observations(vocab, "Tuyên Quang đạt 5 bác sỹ/10.000 dân. Đa số BS ở độ tuổi 30-49.",
                         province_id="tuyen_quang", title="")
    assert [(o.indicator_id, o.value) for o in found] == [("doctors_per_10k", 5.0)]



def test_a_place_s_rank_is_no_value(vocab: Vocabulary) -> None:
    # vocabulary rank_before_words: "đứng thứ 13 cả nước" was read as a second birth rate, 13
    found = observations(vocab, "Năm 2024, tỷ suất sinh thô của Hải Phòng là 11,7‰, đứng thứ 13 "
                                "cả nước.", province_id="hai_phong", title="")
    assert [(o.indicator_id, o.value, o.year) for o in found] == [
        ("crude_birth_rate", 11.7, 2024)]


@pytest.mark.parametrize(("text", "expected"), [
    # vocabulary reference_level_words: a standard the place is compared with
    ("Tỷ suất sinh của tỉnh là 1,93 con, vẫn dưới mức thay thế lý tưởng (2,1 con).",
     [("total_fertility_rate", "=", 1.93)]),
    ("The city's fertility rate is far below the replacement level fertility rate of 2-2.1 "
     "children per woman.", []),
    # reference_gap_stops: a verb that gives a value ends the reference's clause
    ("Mức sinh của tỉnh dưới mức sinh thay thế, chỉ đạt 1,39 con/phụ nữ.",
     [("total_fertility_rate", "=", 1.39)]),
    ("Tổng tỷ suất sinh thấp hơn mức sinh thay thế, là 1,39 con/phụ nữ.",
     [("total_fertility_rate", "=", 1.39)]),
    # real_dev107: the level told right after a comma is the level's
    ("Mức sinh thấp hơn nhiều so với mức sinh thay thế mà Việt Nam đang duy trì, từ 2 đến 2,1 "
     "con/phụ nữ.", []),
    # reference_reached_words: the place reaches or keeps the level, its number is the place's
    ("Đến năm 2030, tỉnh duy trì vững chắc mức sinh thay thế (bình quân mỗi phụ nữ trong độ "
     "tuổi sinh đẻ có 2,1 con).", [("total_fertility_rate", "=", 2.1)]),
    ("Mức sinh của tỉnh đã đạt dưới mức sinh thay thế (TFR < 2,1 con/bà mẹ).",
     [("total_fertility_rate", "<", 2.1)]),
])
def test_a_reference_level_is_no_value(vocab: Vocabulary, text: str,
                                       expected: list[tuple[str, str, float]]) -> None:
    found = observations(vocab, text, province_id="bac_lieu", title="")
    assert [(o.indicator_id, o.comparator, o.value) for o in found] == expected


NATIONAL_PAGE = (
    "Tuổi thọ trung bình của Việt Nam xếp thứ mấy trong các nước ASEAN?\n"
    "Năm 2016, tuổi thọ trung bình tính từ lúc sinh đạt 73,4 năm, năm 2020 đạt 73,7 năm.\n"
    "Năm 2016, tuổi thọ của nữ là 76,1 so với 70,8 của nam.\n"
    "Tuổi thọ trung bình của cả nước chia theo vùng (Nguồn: Tổng cục Thống kê)\n"
    "Năm 2020, Bà Rịa – Vũng Tàu trở thành tỉnh có tuổi thọ trung bình cao nhất cả nước "
    "(76,5 năm).")


def test_a_page_about_the_country_gives_the_province_only_what_names_it(vocab: Vocabulary
                                                                        ) -> None:
    # real_dev111: a blog page of the country's life expectancy that ranks the province once
    found = observations(vocab, NATIONAL_PAGE, province_id="ba_ria_vung_tau",
                         period_start=2016, period_end=2020, title="")
    assert [(o.indicator_id, o.year, o.value, o.line) for o in found] == [
        ("life_expectancy", 2020, 76.5, 5)]
    # the same lines on a page whose headline names the province are the province's
    own = "Tuổi thọ trung bình của Bà Rịa – Vũng Tàu\n" + NATIONAL_PAGE.split("\n", 1)[1]
    assert {o.value for o in observations(vocab, own, province_id="ba_ria_vung_tau",
                                          period_start=2016, period_end=2020, title="")
            } >= {73.4, 73.7, 76.5}


def test_a_headline_ranking_the_province_in_the_country_is_no_national_page(
        vocab: Vocabulary) -> None:
    # real_dev32, Hồ Chí Minh City: "thấp nhất cả nước" ranks the city
    text = ("TP.HCM thuộc nhóm có mức sinh thấp nhất cả nước\n\n"
            "Với mức sinh 1,39 con/1 phụ nữ, TP.HCM là một trong những địa phương có mức sinh "
            "thấp nhất cả nước.")
    o = only(vocab, text, province_id="ho_chi_minh", title="")
    assert (o.indicator_id, o.value) == ("total_fertility_rate", 1.39)


def test_a_value_in_brackets_after_a_compared_year_is_that_year_s(vocab: Vocabulary) -> None:
    # "thấp hơn so với năm 2022 (69,1%)": the 69,1 is 2022's, and the 55,0 before it keeps
    # its own year (the bracketed one's year is not shared back)
    found = observations(vocab, "Năm 2023 tỷ lệ tiêm chủng đầy đủ đạt 55,0%, thấp hơn so với "
                                "năm 2022 (69,1%) và thấp hơn chỉ tiêu.", period_start=2023,
                         period_end=2023, title="")
    assert [(o.value, o.year) for o in found] == [(55.0, 2023), (69.1, 2022)]
    assert found[1].kind == "actual"


def test_an_article_goes_on_in_the_year_its_lead_paragraph_opens_with(
        vocab: Vocabulary) -> None:
    # "BẮC NINH - Năm 2025, …" dates the next paragraph's values; what the text says of now,
    # or a paragraph opening with a period, is not that year's
    lead = "BẮC NINH - Năm 2025, công tác tiêm chủng đạt nhiều kết quả tích cực.\n"
    value = "Tỷ lệ trẻ dưới 1 tuổi được tiêm chủng đầy đủ đạt 98,1%, hoàn thành kế hoạch đề ra.\n"
    o = only(vocab, lead + value, period_start=2025, period_end=2026, title="")
    assert (o.year, o.year_basis) == (2025, "year an earlier paragraph opens with")
    # "hoàn thành kế hoạch đề ra" reports the plan met: the value is reported
    assert o.kind == "actual"
    assert only(vocab, lead + "Hiện nay, t" + value[1:], period_start=2025, period_end=2026,
                title="").year is None
    assert only(vocab, lead + "Giai đoạn 2021-2023, công tác được duy trì.\n" + value,
                period_start=2025, period_end=2026, title="").year is None


def test_an_undated_page_looking_back_on_a_period_is_written_at_its_end(vocab: Vocabulary
                                                                          ) -> None:
    # "Trong 5 năm qua (2011-2015)": what the page says of now holds in 2015, and a paragraph
    # opening "Bên cạnh đó" goes on in the same now; with no such period nothing dates them
    body = ("Đến nay, tỷ lệ số dân nông thôn sử dụng nước sinh hoạt hợp vệ sinh là 97,28%.\n\n"
            "Bên cạnh đó, tỷ lệ hộ gia đình nông thôn có nhà tiêu hợp vệ sinh 73,62%.")
    opening = "(ĐCSVN) - Trong 5 năm qua (2011-2015), tỉnh đã đầu tư nhiều công trình.\n\n"
    looked_back = observations(vocab, opening + body, period_start=2011, period_end=2015,
                               title="")
    assert [(o.value, o.kind, o.year) for o in looked_back] == [
        (97.28, "actual", 2015), (73.62, "actual", 2015)]
    assert looked_back[1].year_basis == "said of now ('đến nay') on a page dated 2015"
    undated = observations(vocab, body, period_start=2011, period_end=2015, title="")
    assert [(o.value, o.year) for o in undated] == [(97.28, None), (73.62, None)]
    # a paragraph that does not open with a linking word is not in that now
    unlinked = observations(vocab, opening + body.replace("Bên cạnh đó, t", "T"),
                            period_start=2011, period_end=2015, title="")
    assert [(o.value, o.year) for o in unlinked] == [(97.28, 2015), (73.62, None)]


def test_a_span_of_years_back_from_a_dated_page_ends_now(vocab: Vocabulary) -> None:
    # "Ngày 27 Tháng 5, 2015 | 09:00 AM" dates the page; "Qua 10 năm, … giảm … từ 19,5%
    # xuống 14,5%" ends in 2015 and starts ten years before
    text = ("Ngày 27 Tháng 5, 2015 | 09:00 AM\n\n"
            "Qua 10 năm, tỉnh đã giảm tỉ lệ sinh con thứ ba trở lên từ 19,5% xuống 14,5%; "
            "tỉ lệ tăng dân số tự nhiên đạt 1,38%.")
    found = observations(vocab, text, period_start=2005, period_end=2015, title="")
    assert [(o.value, o.kind, o.year) for o in found] == [
        (19.5, "actual", 2005), (14.5, "actual", 2015), (1.38, "actual", 2015)]
    assert found[0].year_basis == "'qua 10 năm' back from the page's year 2015"


def test_items_led_by_numbers_share_the_last_items_closing_words(vocab: Vocabulary) -> None:
    # each item names its own group; what they must have is said once, after the last
    found = observations(vocab, "Phấn đấu đến năm 2025, 100% người quản lý, 95% người trực tiếp "
                                "sản xuất, chế biến, kinh doanh thực phẩm và 90% người tiêu dùng "
                                "có kiến thức, thực hành đúng về ATTP.",
                         period_start=2021, period_end=2025, title="")
    assert [(o.indicator_id, o.value, o.year) for o in found] == [
        ("food_safety_knowledge_managers", 100.0, 2025),
        ("food_safety_knowledge_producers", 95.0, 2025),
        ("food_safety_knowledge_consumers", 90.0, 2025)]
    assert found[0].indicator_text == "người quản lý có kiến thức, thực hành đúng về attp"
    # numbers that are not items of a list (no separator between them) borrow nothing
    assert "food_safety_knowledge_managers" not in [o.indicator_id for o in observations(
        vocab, "Năm 2025, 100% người quản lý đạt 95% người tiêu dùng có kiến thức, thực hành "
               "đúng về ATTP.", period_start=2021, period_end=2025, title="")]


def test_items_naming_only_a_place_borrow_the_head_before_them(vocab: Vocabulary) -> None:
    # after a colon, or after the first item's full name: each item names only its place
    for text in ("- Giảm tỷ lệ tiếp xúc thụ động với khói thuốc lá: tại nơi làm việc xuống dưới "
                 "35%; tại nhà hàng xuống dưới 73%; tại quán bar, cà phê xuống dưới 78%.",
                 "- Giảm tỷ lệ tiếp xúc thụ động với khói thuốc lá tại nơi làm việc xuống dưới "
                 "35%; tại nhà hàng xuống dưới 73%; tại quán bar, cà phê xuống dưới 78%."):
        found = observations(vocab, "Giai đoạn 2023 - 2025:\n" + text, period_start=2023,
                             period_end=2025, title="")
        assert [(o.indicator_id, o.comparator, o.value) for o in found] == [
            ("secondhand_smoke_workplace", "<", 35.0), ("secondhand_smoke_restaurants", "<", 73.0),
            ("secondhand_smoke_bars_cafes", "<", 78.0)]
    # an item that names a share of its own borrows nothing ("tỷ lệ thu gom … chất thải")
    found = observations(vocab, "Năm 2023, tỷ lệ hộ dân sử dụng nước sạch khu vực đô thị đạt "
                                "99,2%; tỷ lệ thu gom chất thải rắn khu vực đô thị đạt 95%.",
                         period_start=2023, period_end=2023, title="")
    assert [(o.indicator_id, o.value) for o in found] == [("clean_water_urban", 99.2)]


def test_a_page_telling_of_a_plan_reports_what_no_target_word_comes_with(vocab: Vocabulary
                                                                            ) -> None:
    # a broadcaster's page names the province's plan; its headline value has no target word
    page = ("Trên 90% số người mắc lao được điều trị khỏi bệnh.\n\n"
            "Có được kết quả trên là do các hoạt động chống lao của tỉnh bám sát Kế hoạch của "
            "tỉnh.")
    told = observations(vocab, page, period_start=2023, period_end=2023, title="")
    assert [(o.indicator_id, o.kind) for o in told] == [("tb_treatment_success", "actual")]
    assert told[0].kind_basis == "a page, not a plan: no target word in its paragraph"
    # the plan itself (its title in capitals at its head) sets it as a target
    plan = "KẾ HOẠCH\nPhòng, chống bệnh lao\n\n" + page
    assert [o.kind for o in observations(vocab, plan, period_start=2023, period_end=2023,
                                          title="")] == ["target"]
    # on the page, a value the city "sẽ" keep, or one a decision set, is planned
    for said in ("Theo đó, Thành phố sẽ duy trì tỷ lệ trẻ em mới sinh được sàng lọc sơ sinh là "
                 "80%.", "Tỷ lệ bao phủ BHYT theo Quyết định của Thủ tướng là 90%."):
        assert [o.kind for o in observations(vocab, said + "\n\nKế hoạch của tỉnh.",
                                              period_start=2020, period_end=2020, title="")
                ] == ["target"], said


def test_a_page_of_the_years_first_months_reaches_nothing_in_that_year(vocab: Vocabulary
                                                                        ) -> None:
    # "Cập nhật … 12/01/2023": the year's values named in January are still to come
    text = ("Cập nhật, 05:55, Thứ Năm, 12/01/2023\n\nKế hoạch năm 2023 của tỉnh.\n\n"
            "Năm 2023, tỷ lệ hộ dân sử dụng nước sạch khu vực đô thị đạt 99,2%.")
    assert [o.kind for o in observations(vocab, text, period_start=2023, period_end=2023,
                                          title="")] == ["target"]
    later = text.replace("12/01/2023", "12/11/2023")
    assert [o.kind for o in observations(vocab, later, period_start=2023, period_end=2023,
                                          title="")] == ["actual"]


def test_the_country_compared_with_is_not_the_values_subject(vocab: Vocabulary) -> None:
    # "cao hơn cả nước, năm 2009 là 116,7": the province's value, the country's in brackets
    found = observations(vocab, "Tỷ số giới tính khi sinh của tỉnh cao hơn cả nước, năm 2009 là "
                                "116,7 nam/100 nữ (cả nước là 111,7 nam/100 nữ).",
                         period_start=2009, period_end=2011, title="")
    assert [(o.year, o.value) for o in found] == [(2009, 116.7)]
    # the country as the subject still leads a national value
    assert observations(vocab, "Năm 2009, cả nước là 111,7 nam/100 nữ.", period_start=2009,
                        period_end=2011, title="") == []


def test_a_value_and_the_plans_value_after_it(vocab: Vocabulary) -> None:
    # "đạt 93% so với kế hoạch giao 90%": the share reached, then the plan's; no gap
    found = observations(vocab, "Năm 2018, 1.345 bệnh nhân tâm thần phân liệt điều trị đều (đạt "
                                "93% so với kế hoạch giao 90%).", period_start=2018,
                         period_end=2018, title="")
    assert [(o.indicator_id, o.kind, o.year, o.value) for o in found] == [
        ("mental_patients_managed", "actual", 2018, 93.0),
        ("mental_patients_managed", "target", 2018, 90.0)]
    # "là 0,023/10.000 dân, kế hoạch giao <0,2/10.000 dân": a bound as the plan's value
    found = observations(vocab, "Năm 2017, tỉ lệ lưu hành bệnh phong trong tỉnh là 0,023/10.000 "
                                "dân, kế hoạch giao <0,2/10.000 dân.", period_start=2017,
                         period_end=2017, title="")
    assert [(o.kind, o.comparator, o.value) for o in found] == [
        ("actual", "=", 0.023), ("target", "<", 0.2)]
    # a margin over the plan, no number after it, stays a gap
    assert [o.value for o in observations(
        vocab, "Năm 2017, tỷ lệ bao phủ BHYT đạt 92%, vượt 3% kế hoạch.", period_start=2017,
        period_end=2017, title="")] == [92.0]


def test_a_year_compared_with_dates_no_value(vocab: Vocabulary) -> None:
    # "giảm 0,57‰ so với cùng kỳ năm 2018; … còn 21,6%": 2018 is what is compared with
    found = observations(vocab, "Tính đến hết tháng 6-2019, tỷ suất sinh thô của tỉnh là 17,15‰, "
                                "giảm 0,57‰ so với cùng kỳ năm 2018; tỷ lệ sinh con thứ 3 trở lên "
                                "giảm 0,4% so với cùng kỳ năm ngoái, còn 21,6%.",
                         period_start=2019, period_end=2019, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("crude_birth_rate", 2019, 17.15), ("third_child_births", 2019, 21.6)]


def test_a_review_heading_may_run_on_to_the_next_line(vocab: Vocabulary) -> None:
    # "… tổng kết công tác dân số-KHHGĐ" / "năm 2014.": its values for 2014 are reported
    text = ("Hội nghị tổng kết công tác dân số-KHHGĐ\nnăm 2014.\n\nTrong năm 2014, tỷ lệ cặp vợ "
            "chồng áp dụng BPTT hiện đại 71,9%.\n\nKế hoạch năm 2015 của tỉnh.")
    o = only(vocab, text, period_start=2014, period_end=2014, title="")
    assert (o.indicator_id, o.kind, o.year) == ("modern_contraceptive_prevalence", "actual", 2014)


def test_a_list_going_on_past_a_caption_keeps_its_year_and_kind(vocab: Vocabulary) -> None:
    # the opening names the year and "phấn đấu"; past a photo's caption the list goes on
    text = ("Theo đó, tỉnh phấn đấu đến năm 2025, 100% người quản lý có kiến thức, thực hành đúng "
            "về ATTP; duy trì phòng kiểm nghiệm đạt chuẩn ISO 17025:2017;\n![]() |\n"
            "Tỉnh triển khai nhiệm vụ bảo đảm an toàn thực phẩm (ảnh minh họa) |\n"
            "90% cơ sở sản xuất, chế biến và kinh doanh thực phẩm được kiểm tra đạt yêu cầu về "
            "điều kiện đảm bảo ATTP theo quy định;\n\nKế hoạch của tỉnh.")
    found = observations(vocab, text, period_start=2021, period_end=2025, title="")
    assert [(o.indicator_id, o.kind, o.year) for o in found] == [
        ("food_safety_knowledge_managers", "target", 2025),
        ("food_facilities_compliant", "target", 2025)]
    assert found[1].year_basis == "year of the list it goes on with"
    # a paragraph closed by a full stop leaves nothing to the next
    closed = text.replace("17025:2017;", "17025:2017.")
    assert observations(vocab, closed, period_start=2021, period_end=2025, title="")[1].year \
        is None


def test_a_share_right_after_a_count_is_the_share_of_what_it_counts(vocab: Vocabulary
                                                                       ) -> None:
    # the count's clause names it; a town in a remark in brackets holds nothing
    o = only(vocab, "Đến nay, các cơ sở y tế của 8/9 huyện, thành phố (trừ thành phố Phúc Yên) đã "
                    "hoàn thành lập hồ sơ quản lý sức khỏe cá nhân cho hơn 405 nghìn người dân, "
                    "đạt tỷ lệ gần 40% so với tổng dân số toàn tỉnh.", period_start=2018,
             period_end=2018, title="")
    assert (o.indicator_id, o.value) == ("population_health_managed", 40.0)
    # a share whose own clause says more than a link to the count is not the count's
    assert observations(vocab, "Tỉnh đã lập hồ sơ quản lý sức khỏe cá nhân cho hơn 405 nghìn "
                               "người dân, trong đó số người cao tuổi trên 80 tuổi được chăm "
                               "sóc chiếm 40%.", period_start=2018, period_end=2018,
                        title="") == []


def test_nam_in_a_place_name_is_no_subgroup(vocab: Vocabulary) -> None:
    # "quy chuẩn Việt Nam": the country's standard, not men's water
    o = only(vocab, "Năm 2023, tỷ lệ hộ nông thôn sử dụng nước sạch đáp ứng quy chuẩn Việt Nam "
                    "(QCVN) ước đạt tỷ lệ là 96,35%.", period_start=2023, period_end=2023,
             title="")
    assert (o.indicator_id, o.year, o.value) == ("clean_water_rural", 2023, 96.35)


def test_what_a_dated_page_says_of_now_holds_in_its_year(vocab: Vocabulary) -> None:
    # a page stamped "date 2024-10": "Hiện nay … 76,4 tuổi" is the 2024 value; without the
    # stamp (a plan's "now" is its drafting, often the year before) the year is not stated
    text = ("Hiện nay, tuổi thọ bình quân của người dân tỉnh là 76,4 tuổi. Tỉnh phấn đấu đến "
            "năm 2030, tuổi thọ trung bình đạt 80 tuổi.")
    stamped = observations(vocab, "date 2024-10 " + text, period_start=2024, period_end=2030,
                           title="")
    assert [(o.value, o.kind, o.year) for o in stamped] == [
        (76.4, "actual", 2024), (80.0, "target", 2030)]
    assert stamped[0].year_basis == "said of now ('hiện nay') on a page dated 2024"
    plain = observations(vocab, text, period_start=2024, period_end=2030, title="")
    assert [(o.value, o.year) for o in plain] == [(76.4, None), (80.0, 2030)]


def test_a_list_marker_without_its_blank_opens_an_item(vocab: Vocabulary) -> None:
    # "2.Các chỉ tiêu xã hội" is a heading of targets, and "-Tỷ lệ …" its item
    text = ("Mục tiêu phát triển kinh tế - xã hội của năm 2019\n1.Các chỉ tiêu kinh tế\n"
            "-Tổng thu ngân sách đạt 13.223,1 tỷ đồng.\n2.Các chỉ tiêu xã hội\n"
            "-Tỷ lệ dân số tham gia bảo hiểm y tế đạt 90%.")
    o = only(vocab, text, period_start=2019, period_end=2019, title="")
    assert (o.kind, o.year) == ("target", 2019)
    assert o.kind_basis.startswith("target section")


def test_a_page_paragraph_may_open_with_its_number(vocab: Vocabulary) -> None:
    # real_dev101, Kon Tum: a heading printed twice, a blank, then " 100% trạm y tế xã có bác
    # sĩ; …": the paragraph is a statement of its own, not the heading's continuation
    head = "Khám chữa bệnh tại trạm y tế xã"
    text = (f"Đến hết năm 2018, tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế xã chiếm hơn 71%.\n\n"
            f"{head}\n{head}\n\n 100% trạm y tế xã có bác sĩ; cơ sở vật chất cơ bản đáp ứng "
            "nhu cầu khám, chữa bệnh của nhân dân.\n")
    found = observations(vocab, text, period_start=2018, period_end=2018, title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("communes_meeting_health_criteria", 71.0), ("chs_with_doctor", 100.0)]
    assert found[1].line == 6


def test_a_lone_year_after_a_blank_still_ends_its_heading(vocab: Vocabulary) -> None:
    # "Giai đoạn 2021 -" / blank / "2025": the year line closes the heading, no new paragraph
    text = ("Mục tiêu đến năm 2025 như sau.\n\n2. Giai đoạn 2021 -\n\n2025\n\n"
            "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.")
    o = only(vocab, text, period_start=2021, period_end=2025, title="Kế hoạch")
    assert (o.indicator_id, o.value, o.year) == ("health_insurance_coverage", 95.0, 2025)


def test_english_covid_doses_are_named_in_shots_and_doses(vocab: Vocabulary) -> None:
    # real_dev140, Bắc Giang: "99.57 percent of provincial population aged over 18 received
    # one shot while 84 percent of adult population were injected two shots"
    text = ("Over 10,800 people injected third Covid-19 vaccine shot.\n\n99.57 percent of "
            "provincial population aged over 18 received one shot while 84 percent of adult "
            "population were injected two shots.\n")
    found = observations(vocab, text, period_start=2021, period_end=2021, title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("covid19_vaccine_dose1", 99.57), ("covid19_vaccine_dose2", 84.0)]


def test_a_bare_english_denominator_takes_any_noun(vocab: Vocabulary) -> None:
    # real_dev140, Bắc Giang: "12.5 doctors per 10,000 citizens by 2025"; real_dev147, Cao
    # Bằng: "411 maternal deaths for every 100,000 live births"
    o = only(vocab, "Bac Giang strives for 12.5 doctors per 10,000 citizens by 2025.",
             province_id="bac_giang", title="")
    assert (o.indicator_id, o.unit, o.value, o.year) == ("doctors_per_10k", "per_10000", 12.5,
                                                         2025)
    o = only(vocab, "There are 411 maternal deaths for every 100,000 live births.", title="")
    assert (o.indicator_id, o.unit, o.value) == ("maternal_mortality_ratio", "per_100000", 411.0)
    # a share of the deaths reviewed is no ratio per 100,000 births
    o = only(vocab, "100% of maternal deaths were reviewed.", title="")
    assert o.indicator_id == "maternal_deaths_reviewed"


def test_patients_on_treatment_are_the_cascade_s_own_group(vocab: Vocabulary) -> None:
    # real_dev142, Huế: the patients a rate is of are those the indicator counts; real_dev26,
    # Nghệ An: patients on ARV "có tải lượng virus dưới ngưỡng" are the third step
    o = only(vocab, "Hue City is managing 594 HIV cases, of which 588 patients are receiving ARV "
                    "treatment, achieving a rate of 98.9%.", title="")
    assert (o.indicator_id, o.value) == ("hiv_on_arv", 98.9)
    o = only(vocab, "Trên 98,1% tỷ lệ bệnh nhân đang điều trị ARV có tải lượng virus dưới ngưỡng.",
             title="")
    assert (o.indicator_id, o.comparator, o.value) == ("hiv_viral_suppression", ">", 98.1)


def test_a_share_of_a_cost_is_no_coverage(vocab: Vocabulary) -> None:
    # real_dev124, Lào Cai: "(ngoài 70% mức đóng BHYT …)"; real_dev134/146, Quảng Ninh:
    # "supporting 100% of health insurance costs"; real_dev117, Sơn La: "entitled to 100% of
    # the benefits": parts of a cost or a benefit paid, not the people covered
    for text in ("Theo đó, hỗ trợ thêm 30% mức đóng BHYT (ngoài 70% mức đóng BHYT do ngân sách "
                 "nhà nước hỗ trợ).",
                 "Resolution No. 21/2021/NQ-HDND supporting 100% of health insurance costs for "
                 "people aged 65 to 79.",
                 "Health insurance participants are entitled to 100% of the benefits at the "
                 "initial registration."):
        assert observations(vocab, text, title="") == [], text
    o = only(vocab, "Tỷ lệ bao phủ BHYT đạt 95% dân số, ngân sách hỗ trợ 70% mức đóng.", title="")
    assert (o.indicator_id, o.value) == ("health_insurance_coverage", 95.0)


def test_english_values_after_their_unit_ranges_and_ranks(vocab: Vocabulary) -> None:
    # real_dev136, Trà Vinh: the unit in the name, the value after "reaches"
    o = only(vocab, "Up to now, the province has a total of 2,590 inpatient beds; the ratio of "
                    "hospital beds/10,000 people reaches 25.46.", province_id="tra_vinh",
             title="")
    assert (o.indicator_id, o.unit, o.value) == ("hospital_beds_per_10k", "per_10000", 25.46)
    # real_dev104, Hồ Chí Minh City: a range written with decimal points
    o = only(vocab, "The city's fertility rate has been hovering around 1.3 - 1.4 children per "
                    "woman.", province_id="ho_chi_minh", title="")
    assert (o.indicator_id, o.comparator, o.value, o.value_high) == (
        "total_fertility_rate", "range", 1.3, 1.4)
    # real_dev146: the city that ranks lowest in the country is the value's subject
    o = only(vocab, "Its birth rate is the lowest in Vietnam with a total fertility rate (TFR) of "
                    "approximately 1.43 children per woman as of 2025.", province_id="ho_chi_minh",
             title="")
    assert (o.indicator_id, o.value, o.year) == ("total_fertility_rate", 1.43, 2025)
    # the country's own value stays the country's
    assert observations(vocab, "Vietnam's total fertility rate was 1.91 children per woman in "
                               "2024.", province_id="ho_chi_minh", title="") == []


def test_a_city_ranking_in_the_country_leaves_its_paragraph_its_own(vocab: Vocabulary) -> None:
    # real_dev107, Hồ Chí Minh City: "thành phố đông dân nhất cả nước" opens the paragraph: the
    # city ranks in the country, the paragraph is not about the country
    o = only(vocab, "\"Tuy nhiên mức sinh tăng như trên chưa đủ để đảo chiều tình trạng mức sinh "
                    "thấp kéo dài tại thành phố đông dân nhất cả nước\", ông Trung nói. Đáng mừng "
                    "là tỷ số giới tính khi sinh ước đạt 106,5 bé trai/100 bé gái.",
             province_id="ho_chi_minh", title="")
    assert (o.indicator_id, o.value) == ("sex_ratio_at_birth", 106.5)
    # a paragraph opening on the country goes on about it
    assert observations(vocab, "Tuổi thọ trung bình của người Việt Nam có nhiều cải thiện. Năm "
                               "2023 tuổi thọ trung bình là 74,5 tuổi.", province_id="ho_chi_minh",
                        title="") == []


def test_covid_doses_counted_as_shots_given(vocab: Vocabulary) -> None:
    # real_dev109: "đã tiêm 2 mũi vắc xin Covid-19, đạt 15,76%", "hoàn thành 1 mũi tiêm"
    o = only(vocab, "Hà Nội có 1,2 triệu người đã tiêm 2 mũi vắc xin Covid-19, đạt 15,76%.",
             province_id="ha_noi", title="Covid-19")
    assert (o.indicator_id, o.value) == ("covid19_vaccine_dose2", 15.76)
    found = observations(vocab, "Có 97,5% người dân hoàn thành 1 mũi tiêm và 85,5% hoàn thành 2 "
                                "mũi vắc xin phòng Covid-19.", title="Covid-19")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("covid19_vaccine_dose1", 97.5), ("covid19_vaccine_dose2", 85.5)]


def test_places_pointed_back_to_take_the_values_in_turn(vocab: Vocabulary) -> None:
    # real_dev113: "các tỉnh này" points back to the provinces the sentence before lists; their
    # values told in turn are theirs, and a bound said of them all is none's own
    text = ("Trong khi đó, các tỉnh có tuổi thọ người dân thấp nhất cả nước là Điện Biên, Lai "
            "Châu, Kon Tum. Tuổi thọ trung bình người dân các tỉnh này chưa vượt quá 70 tuổi, lần "
            "lượt là 69,9, 69,8 và 69,7. Tại Hà Nội, tuổi thọ trung bình của người dân là 76,1.")
    found = observations(vocab, text, province_id="ho_chi_minh", period_start=2023,
                         period_end=2023, title="")
    assert [(o.province_named, o.value) for o in found] == [
        ("dien_bien", 69.9), ("lai_chau", 69.8), ("kon_tum", 69.7), ("ha_noi", 76.1)]
    assert {o.indicator_id for o in found} == {"life_expectancy"}


def test_places_pointed_back_to_with_their_count_share_one_value(vocab: Vocabulary) -> None:
    # real_dev115: "Ở 3 địa phương này" points back to the three provinces named before, its
    # count no value; the one value said of them all is each one's
    text = ("Người dân TPHCM, Hà Nội và Đồng Nai cũng có tuổi thọ vượt xa mức trung bình cả "
            "nước. Ở 3 địa phương này, tuổi thọ trung bình là 76,6 tuổi.")
    found = observations(vocab, text, province_id="ba_ria_vung_tau", title="Tuổi thọ")
    assert sorted((o.province_named, o.indicator_id, o.value) for o in found) == [
        ("dong_nai", "life_expectancy", 76.6), ("ha_noi", "life_expectancy", 76.6),
        ("ho_chi_minh", "life_expectancy", 76.6)]


def test_the_bare_name_of_maternal_deaths_reviewed_needs_the_review_words(
        vocab: Vocabulary) -> None:
    # the Lai Châu seed's "thẩm định 100% các ca tử vong mẹ" is the review share; a study's
    # shares of maternal deaths by cause or schooling (real_dev147) are not
    o = only(vocab, "Vùng khó khăn, thẩm định 100% các ca tử vong mẹ.", period_end=2025)
    assert (o.indicator_id, o.value) == ("maternal_deaths_reviewed", 100.0)
    assert observations(vocab, "Bà mẹ mù chữ chiếm tới hơn một nửa số ca TVM (54,3%); do băng "
                               "huyết chiếm 51,4% các ca tử vong mẹ.", title="Nghiên cứu") == []


def test_here_points_back_to_the_place_named_before(vocab: Vocabulary) -> None:
    # real_dev108: "ở đây" is the region the sentence before names, whose value is no
    # province's; said after the province itself, it is the province's
    text = ("Tây Nguyên là vùng có tuổi thọ thấp nhất cả nước. Người dân ở đây có tuổi thọ "
            "trung bình 72 tuổi.")
    assert observations(vocab, text, province_id="kon_tum", title="Tuổi thọ") == []
    o = only(vocab, "Lào Cai là tỉnh miền núi. Người dân ở đây có tuổi thọ trung bình 72 tuổi.",
             province_id="lao_cai", title="Tuổi thọ")
    assert (o.indicator_id, o.value) == ("life_expectancy", 72.0)


def test_students_share_of_another_activity_is_no_coverage(vocab: Vocabulary) -> None:
    # real_dev139: "tỷ lệ học sinh, sinh viên" alone does not name the students' coverage;
    # their share taking part (in health insurance) does
    text = "Tỷ lệ học sinh, sinh viên thực hiện chương trình giáo dục thể chất đạt 100%."
    assert observations(vocab, text, title="Thể dục thể thao") == []
    o = only(vocab, "Bảo hiểm y tế: tỷ lệ học sinh, sinh viên tham gia đạt 99,5%.", title="")
    assert (o.indicator_id, o.value) == ("health_insurance_coverage_students", 99.5)


def test_an_english_negation_before_a_name_refuses_it(vocab: Vocabulary) -> None:
    # real_dev135: the share of patients not vaccinated is no coverage
    assert observations(vocab, "Analysis shows that 58.6 percent of patients are children who "
                               "have not been fully vaccinated.", title="Measles") == []
    o = only(vocab, "The rate of children under one who were fully vaccinated reached 97 "
                    "percent.", title="Measles")
    assert (o.indicator_id, o.value) == ("full_immunization_under1", 97.0)


def test_a_list_item_s_own_label_sets_its_number_apart(vocab: Vocabulary) -> None:
    # real_dev101: the routes after the first are items of their own, not the sexual share;
    # a province, a group or a name of its own labelling an item goes on as before
    text = ("Phần lớn lây qua đường tình dục, chiếm 49,58%, đường máu 30,31%, lây truyền mẹ con "
            "2,25% và không rõ 17,73%.")
    found = observations(vocab, text, province_id="dak_lak", title="HIV")
    assert [(o.indicator_id, o.value) for o in found] == [("hiv_sexual_share", 49.58)]
    text = ("Tỷ lệ bao phủ bảo hiểm y tế năm 2022 của Hà Nội là 91,66%, TP Hồ Chí Minh 91,25%, "
            "An Giang 92%.")
    found = observations(vocab, text, province_id="an_giang", title="BHYT")
    assert [(o.province_named, o.value) for o in found] == [
        ("ha_noi", 91.66), ("ho_chi_minh", 91.25), (None, 92.0)]
    found = observations(vocab, "Tỷ lệ tiêm chủng đầy đủ đạt 95%, tiêm viêm gan B sơ sinh 80%.",
                         title="Tiêm chủng")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("full_immunization_under1", 95.0), ("hepb_birth_dose_24h", 80.0)]
    # vocabulary list_label_areas: the same rate by kind of area (real_dev143); fillers
    # label nothing ("… compared to the 26% and the nearly 32%", real_dev89)
    found = observations(vocab, "Tỉ lệ bướu cổ trẻ em ở miền núi là 11,7%, trung du 6,7%, đồng "
                                "bằng 6,5%.", title="Bướu cổ")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("goitre_children", 11.7), ("goitre_children", 6.7), ("goitre_children", 6.5)]
    found = observations(vocab, "The rate of stunting kids was 22.7% as compared to the 26% and "
                                "the nearly 32% recorded in early 2010.", title="Nutrition")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("stunting_under5", 22.7), ("stunting_under5", 26.0), ("stunting_under5", 32.0)]


def test_a_time_of_day_is_no_value(vocab: Vocabulary) -> None:
    # a page's stamp "17/01/2019 18:38" under a headline naming an indicator
    o = only(vocab, "Khống chế tỷ lệ người mắc ngộ độc thực phẩm\n17/01/2019 18:38\n"
                    "Khống chế tỷ lệ mắc ngộ độc thực phẩm dưới 6,4 ca/100.000 dân.",
             period_start=2019, period_end=2019)
    assert (o.indicator_id, o.comparator, o.value) == ("food_poisoning_per_100k", "<", 6.4)


def test_a_rise_against_the_same_period_is_no_value(vocab: Vocabulary) -> None:
    o = only(vocab, "Tỷ lệ dân số tham gia BHYT đạt 84,85%, tăng 0,85% so cùng kỳ năm trước.",
             period_start=2019, period_end=2019)
    assert o.value == 84.85


def test_a_year_right_after_a_second_value_is_its_own(vocab: Vocabulary) -> None:
    found = observations(vocab, "Tỉnh phấn đấu đến năm 2025, tuổi thọ trung bình là 78 tuổi và "
                                "80 tuổi theo lộ trình đến năm 2030.", title="")
    assert [(o.value, o.year) for o in found] == [(78.0, 2025), (80.0, 2030)]


def test_an_average_noun_gives_a_fractional_number_its_unit(vocab: Vocabulary) -> None:
    # "2,1 con" is children per woman; "2 con" of a campaign is no value
    o = only(vocab, "Đến năm 2025, phấn đấu tổng tỷ suất sinh ở mức 2,1 con. Vận động mỗi cặp "
                    "vợ chồng nên có 2 con.", period_start=2021, period_end=2025)
    assert (o.indicator_id, o.unit, o.value, o.year) == (
        "total_fertility_rate", "children_per_woman", 2.1, 2025)


def test_the_same_number_in_a_bracket_after_it_restates_it(vocab: Vocabulary) -> None:
    found = observations(vocab, "Tổng tỷ suất sinh đạt 1,4 con/phụ nữ vào năm 2025 (bình quân "
                                "mỗi phụ nữ trong độ tuổi sinh đẻ có 1,4 con), hướng tới 2030 là "
                                "1,6 con.", period_start=2023, period_end=2030)
    assert [(o.value, o.year) for o in found] == [(1.4, 2025), (1.6, 2030)]


def test_a_goal_named_by_numbers_with_blanks_is_no_value(vocab: Vocabulary) -> None:
    found = observations(vocab, "Đạt mục tiêu 90 - 90 - 90 (90% người nhiễm HIV biết được tình "
                                "trạng nhiễm của bản thân).")
    assert [(o.indicator_id, o.value) for o in found] == [("hiv_know_status", 90.0)]


def test_in_a_review_a_percentage_over_a_percentage_is_achieved_over_target(
        vocab: Vocabulary) -> None:
    # "1,3%/1,3%" in the results of a term: the value achieved, then its target, both of the
    # reviewed period's last year; elsewhere a number after "/" stays a denominator
    text = ("Kết quả thực hiện các chỉ tiêu văn hóa – xã hội nhiệm kỳ 2010-2015\n"
            "1. Về dân số: Tỷ lệ tăng dân số tự nhiên là 1,3%/1,2%. Đạt chỉ tiêu đại hội.")
    found = observations(vocab, text, period_start=2010, period_end=2015, title="")
    assert [(o.indicator_id, o.kind, o.year, o.value) for o in found] == [
        ("natural_population_growth", "actual", 2015, 1.3),
        ("natural_population_growth", "target", 2015, 1.2)]
    plan = observations(vocab, "Tỷ lệ tăng dân số tự nhiên là 1,3%/1,2%.", period_start=2010,
                        period_end=2015, title="")
    assert [o.value for o in plan] == [1.3]


def test_a_date_written_with_dots_gives_its_year_not_a_value(vocab: Vocabulary) -> None:
    o = only(vocab, "Tính đến 30.6.2017, toàn tỉnh có trên 1,3 triệu người tham gia BHYT, đạt "
                    "tỷ lệ bao phủ BHYT là 74,6% dân số tỉnh; tăng 2,1% so cuối 2016.",
             period_start=2017, period_end=2017, title="")
    assert (o.indicator_id, o.value, o.year, o.kind) == (
        "health_insurance_coverage", 74.6, 2017, "actual")


def test_one_year_document_gives_its_year(vocab: Vocabulary) -> None:
    o = only(vocab, "Tỷ lệ tham gia bảo hiểm y tế đạt 95%.", period_start=2024,
             period_end=2024)
    assert (o.year, o.year_basis) == (2024, "one-year document")


def test_linked_year_after_the_number_is_its_own(vocab: Vocabulary) -> None:
    years = {o.value: o.year for o in observations(
        vocab, "Tỷ lệ tăng dân số tự nhiên trên 1,1% vào năm 2025 và trên 1,3% vào năm 2030.",
        period_start=2023, period_end=2030)}
    assert years == {1.1: 2025, 1.3: 2030}


def test_year_closing_the_sentence(vocab: Vocabulary) -> None:
    o = only(vocab, "Mở rộng điều trị, tỷ lệ người nhiễm HIV được điều trị ARV đạt 95%; "
                    "loại trừ lây truyền HIV từ mẹ sang con vào năm 2030.",
             period_start=2021, period_end=2030)
    assert (o.year, o.year_basis) == (2030, "year phrase after it in its sentence")


def test_year_after_a_value_is_its_own_when_the_next_value_has_one(vocab: Vocabulary) -> None:
    # the later value owns "vào năm 2030", so the free year after the first one is the first's
    years = {o.value: o.year for o in observations(
        vocab, "- Trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 90% trong các xã vùng sâu vào "
               "năm 2025 và đạt 97% vào năm 2030;", period_start=2021, period_end=2030)}
    assert years == {90.0: 2025, 97.0: 2030}


def test_a_year_of_another_goal_is_not_the_values(vocab: Vocabulary) -> None:
    # the 90s stand in brackets; the year after them ends AIDS, another goal: no year, and not
    # the plan's horizon either
    text = ("Mục tiêu của kế hoạch nhằm đạt mục tiêu 90 - 90 - 90 (90% người nhiễm HIV biết "
            "được tình trạng nhiễm của bản thân; 90% người chẩn đoán nhiễm HIV được điều trị "
            "ARV và 90% người nhiễm HIV điều trị ARV có tải lượng virus dưới ngưỡng ức chế), "
            "hướng tới mục tiêu chấm dứt bệnh AIDS vào năm 2030.")
    found = observations(vocab, text, period_start=2021, period_end=2030)
    # each 90 is named in its own phrase: the third is not the second's ARV treatment
    assert [(o.indicator_id, o.year) for o in found] == [
        ("hiv_know_status", None), ("hiv_on_arv", None), ("hiv_viral_suppression", None)]
    assert found[0].year_basis == ("not stated: the year after it (2030) is another goal's "
                                   "(outside its brackets)")


def test_a_goal_word_parts_a_value_from_a_later_year(vocab: Vocabulary) -> None:
    o = only(vocab, "Tỷ lệ người nhiễm HIV được điều trị ARV đạt 90%, tiến tới chấm dứt "
                    "bệnh AIDS vào năm 2030.", period_start=2021, period_end=2030)
    assert (o.year, o.year_basis) == (None, "not stated: the year after it (2030) is another "
                                            "goal's (after 'tiến tới')")


def test_a_year_closing_a_sentence_does_not_reach_the_next(vocab: Vocabulary) -> None:
    # "… năm 2022. Số ca …": a full stop after a year ends the sentence (not after "1.")
    text = ("Tỷ lệ mắc sốt rét là 0,006/1000 dân năm 2022. Số ca sốt rét ác tính ở các năm "
            "2011 (01 ca); 2012 (04 ca).")
    assert [(o.value, o.year) for o in observations(vocab, text)] == [(0.006, 2022)]


def test_a_count_is_no_rate_written_with_another_number(vocab: Vocabulary) -> None:
    # "01 ca" is a count of cases: the "/1000 dân" of the rate before it is that rate's
    text = "Tỷ lệ mắc sốt rét là 0,006/1000 dân năm 2022, số ca ác tính năm 2011 (01 ca)."
    assert [o.value for o in observations(vocab, text)] == [0.006]
    # a "per N" unit in the count's own phrase, or in the name just before it, makes it a rate
    assert [o.value for o in observations(
        vocab, "Số bác sĩ bình quân 1 vạn dân đạt 8 người năm 2023.")] == [8.0]


def test_a_subgroup_in_the_name_chooses_the_indicator(vocab: Vocabulary) -> None:
    got = {o.value: o.indicator_id for o in observations(
        vocab, "- Tỷ lệ dân cư đô thị được dùng nước sạch đạt 93,7%, tỷ lệ dân cư nông thôn "
               "được sử dụng nước sinh hoạt hợp vệ sinh đạt từ 98,4% trở lên.")}
    assert got == {93.7: "clean_water_urban", 98.4: "hygienic_water_rural"}


def test_a_name_set_apart_before_another_number_is_that_numbers(vocab: Vocabulary) -> None:
    # nothing names 93,7: the name after the comma leads the 98,4
    got = {o.value: o.indicator_id for o in observations(
        vocab, "- Tỷ lệ dân cư được dùng nước máy đạt 93,7%, tỷ lệ dân cư nông thôn được sử "
               "dụng nước sinh hoạt hợp vệ sinh đạt từ 98,4% trở lên.")}
    assert got == {98.4: "hygienic_water_rural"}


def test_year_before_the_next_value_still_opens_it(vocab: Vocabulary) -> None:
    # "(đến năm 2030: 2,1)": the year introduces the value after it, not the one before
    years = {o.value: o.year for o in observations(
        vocab, "Tỷ lệ tăng dân số tự nhiên là 1,5% (đến năm 2030: 1,2%).",
        period_start=2021, period_end=2030)}
    assert years[1.2] == 2030
    assert years[1.5] != 2030


def test_values_listed_before_one_year_share_it(vocab: Vocabulary) -> None:
    found = observations(
        vocab, "- Trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 92% và tỷ lệ tham gia bảo hiểm "
               "y tế đạt 96% năm 2026; 98% năm 2030;", period_start=2021, period_end=2030)
    years = {o.value: (o.year, o.year_basis) for o in found}
    assert years[92.0] == (2026, "year of the next value in its clause")
    assert years[96.0][0] == 2026


def test_start_value_does_not_take_the_end_values_year(vocab: Vocabulary) -> None:
    found = observations(vocab, "- Tỷ lệ tham gia bảo hiểm y tế tăng từ 85% lên 95% năm 2030.",
                         period_start=2026, period_end=2030)
    start = next(o for o in found if o.value == 85.0)
    assert start.kind == "baseline"
    assert start.year != 2030


def test_heading_period_split_over_two_lines_dates_its_section(vocab: Vocabulary) -> None:
    text = ("2. Mục tiêu cụ thể\n2.1. Giai đoạn 2026 -\n2028\n"
            "- Tỷ lệ tham gia bảo hiểm y tế đạt trên 93%.\n"
            "2.2. Giai đoạn 2029 đến\nnăm 2031\n"
            "- Tỷ lệ tham gia bảo hiểm y tế đạt trên 96%.\n")
    years = {o.value: (o.year, o.year_basis) for o in observations(
        vocab, text, period_start=2026, period_end=2031)}
    assert years == {93.0: (2028, "section heading"), 96.0: (2031, "section heading")}


def test_clause_of_only_a_number_and_year_goes_on_with_the_value_before(vocab: Vocabulary
                                                                         ) -> None:
    found = observations(vocab, "- Tỷ lệ tham gia bảo hiểm y tế đạt 95% năm 2027; 97% năm 2030;",
                         period_start=2026, period_end=2030)
    assert {(o.indicator_id, o.value, o.year) for o in found} == {
        ("health_insurance_coverage", 95.0, 2027), ("health_insurance_coverage", 97.0, 2030)}


def test_value_joined_by_and_reached_goes_on_with_the_value_before(vocab: Vocabulary
                                                                   ) -> None:
    # only "vào năm … và đạt" stands between the 85 and the name following the 75: the same
    # indicator, not the insurance named earlier in the sentence
    found = observations(vocab, "- Phấn đấu tỷ lệ tham gia bảo hiểm y tế trên 95%; 75% trẻ em "
                                "dưới 1 tuổi được tiêm chủng đầy đủ vào năm 2027 và đạt 85% "
                                "vào năm 2030;", period_start=2026, period_end=2030)
    assert {(o.indicator_id, o.value, o.year) for o in found if o.value < 90} == {
        ("full_immunization_under1", 75.0, 2027), ("full_immunization_under1", 85.0, 2030)}


def test_clause_naming_its_own_subject_does_not_go_on(vocab: Vocabulary) -> None:
    found = observations(vocab, "- Tỷ lệ tham gia bảo hiểm y tế đạt 95%; 100% số xã tổ chức "
                                "tuyên truyền về bảo hiểm.", period_start=2026, period_end=2030)
    assert [o.value for o in found] == [95.0]


@pytest.mark.parametrize("when", ["Đến tháng 9/2021,", "Tháng 9.2021,", "Đến tháng 09-2021,",
                                  "Chỉ trong quý III/2021,"])
def test_a_month_of_a_year_dates_the_value(vocab: Vocabulary, when: str) -> None:
    o = only(vocab, f"{when} tỷ lệ bao phủ bảo hiểm y tế đạt 91%.", period_start=2016,
             period_end=2025)
    assert (o.year, o.year_basis) == (2021, "year phrase before it in its sentence")


def test_a_date_of_a_day_still_dates_no_value(vocab: Vocabulary) -> None:
    o = only(vocab, "Theo Quyết định ký ngày 26 tháng 5 năm 2020, tỷ lệ bao phủ bảo hiểm y tế "
                    "đạt 91%.", period_start=2016, period_end=2025)
    assert o.year is None


def test_a_value_going_on_from_the_one_before_keeps_its_name(vocab: Vocabulary) -> None:
    # after a semicolon, the second year's value names nothing itself; a comparison set
    # apart by a comma after it (with the country's value) does not stop it
    text = ("Tuổi thọ trung bình của người dân thành phố ngày càng tăng, năm 2009 là 74,2 tuổi; "
            "năm 2019 là 74,7 tuổi, cao hơn tuổi thọ trung bình của cả nước (cả nước là 73,6 "
            "tuổi).")
    found = observations(vocab, text, period_start=2004, period_end=2020)
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("life_expectancy", 2009, 74.2), ("life_expectancy", 2019, 74.7)]


def test_a_year_in_brackets_dates_only_its_own_remark(vocab: Vocabulary) -> None:
    # the paragraph is dated 2009; the bracket's 2008 dates only the value it compares with,
    # and a number of children is a count
    text = ("Số sinh toàn tỉnh năm 2009 là 17.103 trẻ. Tỷ số giới tính khi sinh là 125 trẻ "
            "trai/100 trẻ gái (năm 2008 là 128 trẻ trai/100 trẻ gái). Số con thứ 3 trở lên được "
            "sinh ra là 1576 trẻ, chiếm 9,2%.")
    found = observations(vocab, text, period_start=2008, period_end=2009, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("sex_ratio_at_birth", 2009, 125.0), ("sex_ratio_at_birth", 2008, 128.0),
        ("third_child_births", 2009, 9.2)]


def test_line_breaks_written_out_are_blanks(vocab: Vocabulary) -> None:
    # a copy that stored each line break as the text \r\n (real_dev8's Lạng Sơn plan)
    text = ("\\r\\n\\r\\n- Đến năm 2025: tỷ lệ suy dinh dưỡng\\r\\nthể thấp còi ở trẻ em dưới 5 "
            "tuổi dưới 24%1; duy trì tỷ lệ trẻ có cân nặng sơ sinh thấp (dưới 2.500 gram) "
            "dưới\\r\\n5%3.")
    found = observations(vocab, text, period_start=2020, period_end=2030)
    assert [(o.indicator_id, o.year, o.comparator, o.value) for o in found] == [
        ("stunting_under5", 2025, "<", 24.0), ("low_birth_weight", 2025, "<", 5.0)]


def test_a_value_now_inside_a_target_sentence(vocab: Vocabulary) -> None:
    # "(hiện là 76,2)": the value now, in a sentence of targets; the change after it goes on
    # from its start value, the unit written once ("từ 1,33 con/… lên 1,4 … và 1,6 …"); a
    # unit only the sex ratio is stated in names it, whatever the words call it
    text = ("Theo chỉ tiêu đề ra, đến năm 2025 tuổi thọ trung bình là 76,8 tuổi, đến năm 2030 "
            "là 77 (hiện là 76,2); nâng cao mức sinh từ 1,33 con/bà mẹ tuổi sinh đẻ lên 1,4 vào "
            "năm 2025 và 1,6 vào năm 2030; giảm chênh lệch giới tính xuống dưới 107 trẻ trai/100 "
            "trẻ gái.")
    found = observations(vocab, text, period_start=2021, period_end=2030)
    assert [(o.indicator_id, o.kind, o.year, o.value) for o in found] == [
        ("life_expectancy", "target", 2025, 76.8), ("life_expectancy", "target", 2030, 77.0),
        ("life_expectancy", "actual", None, 76.2),
        ("total_fertility_rate", "baseline", None, 1.33),
        ("total_fertility_rate", "target", 2025, 1.4),
        ("total_fertility_rate", "target", 2030, 1.6),
        ("sex_ratio_at_birth", "target", 2030, 107.0)]
    assert found[2].year_basis == "not stated (said of now: 'hiện là')"
    assert found[-1].match_method == "unit"


def test_a_clause_that_leaves_the_name_out_repeats_the_one_before(vocab: Vocabulary) -> None:
    text = ("Năm 2022, toàn tỉnh có hơn 1,760 triệu người tham gia bảo hiểm y tế (độ bao phủ "
            "chiếm 92% dân số); năm 2023 đạt 1,776 triệu người tham gia (chiếm 92,75% dân số).")
    found = observations(vocab, text, period_start=2022, period_end=2025)
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("health_insurance_coverage", 2022, 92.0), ("health_insurance_coverage", 2023, 92.75)]
    # words the clause before does not hold name something else
    other = text.replace("người tham gia (chiếm", "người được khám sức khỏe (chiếm")
    assert [o.value for o in observations(vocab, other, period_start=2022,
                                          period_end=2025)] == [92.0]


def test_a_footnote_marker_takes_no_unit_from_the_value_before(vocab: Vocabulary) -> None:
    text = ("- Giảm tỷ lệ sử dụng thuốc lá trong nhóm nam từ 15 tuổi trở lên xuống dưới "
            "42,5%[1]; nhóm nữ từ 15 tuổi trở lên xuống dưới 1,2%[2].")
    assert [o.value for o in observations(vocab, text)] == [42.5, 1.2]


# --- ranges -------------------------------------------------------------------------------------

def test_from_to_with_one_unit_is_a_range(vocab: Vocabulary) -> None:
    o = only(vocab, "Duy trì tỷ số giới tính khi sinh từ 104 đến 108 bé trai/100 bé gái.")
    assert (o.comparator, o.value, o.value_high) == ("range", 104.0, 108.0)
    assert o.unit == "boys_per_100_girls"


def test_change_from_to_is_not_a_range(vocab: Vocabulary) -> None:
    found = observations(vocab, "- Tỷ lệ tham gia bảo hiểm y tế tăng từ 85% đến 95%.")
    assert all(o.comparator != "range" for o in found)


def test_from_start_up_to_target_is_not_a_range(vocab: Vocabulary) -> None:
    found = observations(vocab, "- Tỷ lệ tham gia bảo hiểm y tế từ 85% năm 2020 lên 95%.")
    assert sorted(o.value for o in found) == [85.0, 95.0]
    assert all(o.value_high is None for o in found)


def test_the_end_of_a_change_is_its_starts_whatever_name_follows(vocab: Vocabulary) -> None:
    # real_dev61: "xuống 4%" ends the change of the name before "từ", not of the next name
    found = observations(vocab, "Mục tiêu là giảm tỷ lệ trẻ suy dinh dưỡng cân nặng từ 4,3% "
                                "xuống 4% và suy dinh dưỡng chiều cao từ 5,6% xuống 5,2%.")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("underweight_under5", 4.3), ("underweight_under5", 4.0),
        ("stunting_under5", 5.6), ("stunting_under5", 5.2)]


def test_a_list_of_years_goes_on_across_va(vocab: Vocabulary) -> None:
    # real_dev62: "năm 2019 là 13,12% và năm 2020 là 14,59%" after a list closed by ";" items
    found = observations(vocab, "Tỷ lệ người từ 60 tuổi trở lên trên tổng số dân: năm 2018 là "
                                "13,05%; năm 2019 là 13,12% và năm 2020 là 14,59%.")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("population_60plus_share", 2018, 13.05), ("population_60plus_share", 2019, 13.12),
        ("population_60plus_share", 2020, 14.59)]


def test_change_verb_right_before_a_percent_is_a_relative_change(vocab: Vocabulary) -> None:
    found = observations(vocab, "Phấn đấu giảm 50% số cặp tảo hôn, giảm 60% số cặp hôn nhân cận "
                                "huyết thống.")
    assert [(o.indicator_id, o.comparator, o.value, o.relative_to) for o in found] == [
        ("child_marriages", "relative", -50.0, "unspecified"),
        ("consanguineous_marriages", "relative", -60.0, "unspecified")]


def test_a_count_s_average_fall_by_a_range_is_its_relative_change(vocab: Vocabulary) -> None:
    # real_dev50, Cao Bằng: "bình quân" (on average) between the verb and the range, and a
    # second range going on after "và"
    found = observations(vocab, "Mục tiêu của tỉnh là giảm bình quân 2 - 3%/năm số cặp tảo hôn và "
                                "3 - 5%/năm số cặp kết hôn cận huyết thống.", title="Kế hoạch")
    assert [(o.indicator_id, o.comparator, o.value, o.value_high, o.relative_to)
            for o in found] == [
        ("child_marriages", "relative", -3.0, -2.0, "per_year"),
        ("consanguineous_marriages", "relative", -5.0, -3.0, "per_year")]
    o = only(vocab, "Giảm bình quân 5%/năm số cặp tảo hôn.", title="Kế hoạch")
    assert (o.indicator_id, o.comparator, o.value, o.relative_to) == (
        "child_marriages", "relative", -5.0, "per_year")
    # a range naming no count by its alias is the change itself, of an indicator in percent
    o = only(vocab, "Hằng năm giảm 5-10% trẻ em tử vong và bị thương do tai nạn giao thông đường "
                    "bộ.", title="Kế hoạch")
    assert (o.indicator_id, o.comparator, o.value, o.value_high) == (
        "child_road_casualties_change", "range", -10.0, -5.0)


def test_change_verb_with_a_word_before_the_number_gives_a_level(vocab: Vocabulary) -> None:
    o = only(vocab, "Tỷ lệ suy dinh dưỡng thể thấp còi ở trẻ em dưới 5 tuổi giảm xuống 18%.")
    assert (o.comparator, o.value) == ("=", 18.0)


def test_decimal_point_with_a_unit_is_a_value(vocab: Vocabulary) -> None:
    # a dot before one or two digits cannot group thousands; the unit may wrap to the next line
    o = only(vocab, "2. Chỉ tiêu kế hoạch năm 2024\n- Tổng tỷ suất sinh: 1.92\ncon/phụ nữ.")
    assert (o.indicator_id, o.value, o.year) == ("total_fertility_rate", 1.92, 2024)
    # without a unit it may be a section number: not read
    assert observations(vocab, "Tổng tỷ suất sinh (xem mục 2.1) đạt mức sinh thay thế.") == []


def test_a_yearly_change_written_before_the_number_is_relative(vocab: Vocabulary) -> None:
    o = only(vocab, "- Đến năm 2015: Giảm tỷ suất sinh bình quân hàng\nnăm 0,5‰.",
             period_start=2011, period_end=2015)
    assert (o.indicator_id, o.comparator, o.value, o.relative_to) == (
        "crude_birth_rate", "relative", -0.5, "per_year")


def test_a_noun_naming_the_change_makes_it_relative(vocab: Vocabulary) -> None:
    o = only(vocab, "2. Các chỉ tiêu xã hội\n-Mức giảm tỷ lệ sinh khoảng 0,1%o.")
    assert (o.indicator_id, o.comparator, o.value) == ("crude_birth_rate", "relative", -0.1)


def test_the_unit_stated_decides_between_indicators_sharing_a_name(vocab: Vocabulary) -> None:
    tfr = only(vocab, "Hướng đến tỷ suất sinh toàn tỉnh đạt 2,15 con/phụ nữ đến năm 2030")
    cbr = only(vocab, "- Tỷ suất sinh: 12,80‰.")
    assert (tfr.indicator_id, cbr.indicator_id) == ("total_fertility_rate", "crude_birth_rate")


def test_names_listed_before_respectively_take_the_numbers_in_turn(vocab: Vocabulary) -> None:
    found = observations(vocab, "30/04/2022\n\n  • Tỷ lệ dân cư thành thị được sử dụng nước sạch, "
                                "dân cư nông thôn được sử dụng nước hợp vệ sinh tăng lần lượt từ "
                                "93% và 91,4% năm 2015 lên 98% và 98,3% năm 2020.")
    assert [(o.indicator_id, o.kind, o.year, o.value) for o in found] == [
        ("clean_water_urban", "actual", 2015, 93.0),
        ("hygienic_water_rural", "actual", 2015, 91.4),
        ("clean_water_urban", "actual", 2020, 98.0),
        ("hygienic_water_rural", "actual", 2020, 98.3)]


def test_a_verb_judging_what_is_makes_a_value_reported(vocab: Vocabulary) -> None:
    o = only(vocab, "Kế hoạch nhận định: tuổi thọ bình quân tăng nhưng số năm trung bình sống "
                    "khỏe mạnh chỉ đạt 63 tuổi.")
    assert (o.indicator_id, o.kind, o.year) == ("healthy_life_years", "actual", None)


def test_a_paragraph_dated_once_goes_on_in_that_year(vocab: Vocabulary) -> None:
    text = ("Tính đến cuối năm 2012, dân số toàn tỉnh là 1.521.441 người. Như vậy, tỷ suất sinh "
            "thô là 13,53 phần nghìn, tăng cao hơn năm 2011 khoảng 1,43 phần nghìn; tỷ số giới "
            "tính khi sinh 109,4 bé trai/100 bé gái.\n"
            "Tuổi thọ trung bình đạt 74 tuổi.")
    found = observations(vocab, text)
    # "cao hơn năm 2011" is the year compared with; the change against it is no value; the
    # next paragraph (a line after a full stop) is not dated by this one
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("crude_birth_rate", 2012, 13.53), ("sex_ratio_at_birth", 2012, 109.4),
        ("life_expectancy", None, 74.0)]


def test_a_page_paragraph_goes_on_in_the_year_its_last_dated_value_owns(vocab: Vocabulary
                                                                       ) -> None:
    text = ("Số con trung bình của người phụ nữ giảm từ 2,14 con năm 2010 xuống còn 2,01 con năm "
            "2020. Tỷ lệ sinh con lần 3 trở lên ở mức 5,2%; tuổi thọ trung bình đạt 75 tuổi.")
    found = observations(vocab, text, title="")
    # a page, not a plan: the values after the change stand in the year it ends in
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("total_fertility_rate", 2010, 2.14), ("total_fertility_rate", 2020, 2.01),
        ("third_child_births", 2020, 5.2), ("life_expectancy", 2020, 75.0)]


@pytest.mark.parametrize(("title", "text", "kind"), [
    # an undated page may tell of any year it covers as reached ...
    ("", "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ năm 2020 đạt 96%.", "actual"),
    # ... but its last year is its goal's when its title names one
    ("Mục tiêu tiêm chủng năm 2020", "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ năm 2020 "
                                     "đạt 96%.", "target"),
    # and a value goes on with the goals of its list's lead-in, or of the lead paragraph
    ("", "Kế hoạch đề ra các chỉ tiêu như sau:\n- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy "
         "đủ đạt 95% vào năm 2019.", "target"),
    ("", "Về mục tiêu cụ thể, đến năm 2020, tỉnh duy trì mức sinh thay thế.\nTỷ số giới tính khi "
         "sinh dưới 109 bé trai/100 bé gái sinh ra sống.", "target"),
], ids=["reached", "title names a goal", "list lead-in", "lead paragraph"])
def test_an_undated_page_tells_of_a_year_it_covers_as_reached_unless_goals_frame_it(
        vocab: Vocabulary, title: str, text: str, kind: str) -> None:
    found = observations(vocab, text, title=title, period_start=2015, period_end=2020)
    assert [o.kind for o in found] == [kind], [(o.kind, o.kind_basis) for o in found]


@pytest.mark.parametrize(("title", "year"), [("", 2025), (None, None)],
                         ids=["a page telling of a plan", "the plan itself"])
def test_a_page_dates_a_target_it_tells_of_by_the_plan_period_it_names(
        vocab: Vocabulary, title: str | None, year: int | None) -> None:
    text = ("Theo Chiến lược dân số giai đoạn 2021 - 2025, tỉnh sẽ quản lý toàn bộ dân số.\n"
            "Tỉnh phấn đấu tuổi thọ trung bình đạt 75 tuổi.")
    kw = {} if title is None else {"title": title}
    # a plan dates its own targets by its sections: outside them, no year is stated
    assert [(o.kind, o.year) for o in observations(vocab, text, **kw)] == [("target", year)]


def test_years_listed_earlier_in_the_paragraph_date_values_in_turn_unless_a_goal_s(
        vocab: Vocabulary) -> None:
    text = ("Kết quả chương trình qua các năm 1998, 2000, 2003. Độ phủ muối iốt đạt lần lượt là "
            "29%, 52,9%, 76,5%. Tỷ lệ bướu cổ trẻ em lần lượt là 20,5%; 12,8% và 6,1%.")
    found = observations(vocab, text, title="", period_start=1998, period_end=2003)
    assert [(o.indicator_id, o.year) for o in found][3:] == [
        ("goitre_children", 1998), ("goitre_children", 2000), ("goitre_children", 2003)]
    goals = ("Năm 2024, nhiều chỉ tiêu đạt các mục tiêu đặt ra cho năm 2025 và 2030. Tỷ lệ "
             "tiêm chủng đầy đủ đạt 97,6%. Tỷ suất tử vong trẻ em dưới 5 tuổi và dưới 1 tuổi lần "
             "lượt là 15,6‰ và 10,4‰.")
    found = observations(vocab, goals, title="", period_start=2024, period_end=2030)
    assert {o.year for o in found} == {2024}


def test_a_year_opening_the_next_statement_is_not_the_value_s_before_it(vocab: Vocabulary
                                                                         ) -> None:
    text = ("Năm 2008 tỉ lệ bác sĩ là 4,96, dược sĩ là 0,21 trên 1 vạn dân\nđến năm 2019 tỉ lệ "
            "bác sĩ là 9,68, dược sĩ là 1,72 trên 1 vạn dân.")
    found = observations(vocab, text, title="", period_start=2008, period_end=2019)
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("doctors_per_10k", 2008, 4.96), ("pharmacists_per_10k", 2008, 0.21),
        ("doctors_per_10k", 2019, 9.68), ("pharmacists_per_10k", 2019, 1.72)]
    # a year right after its number, the sentence going on with no new statement, is its own
    assert only(vocab, "Tỷ lệ bao phủ bảo hiểm y tế đạt 95% vào năm 2025 và duy trì ổn định."
                ).year == 2025


def test_a_share_of_part_of_the_year_is_no_misread(vocab: Vocabulary) -> None:
    o = only(vocab, "9 tháng đầu năm 2024, số trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt tỷ lệ "
                    "42%.", title="", period_start=2024, period_end=2024)
    assert (o.indicator_id, o.value, o.quarantine_reason) == ("full_immunization_under1", 42.0,
                                                              None)


def test_a_target_word_after_a_verb_of_the_plan_met_sets_no_target_in_english_too(
        vocab: Vocabulary) -> None:
    o = only(vocab, "The sector achieved and exceeded many important targets. The number of "
                    "people participating in health insurance reached 94.27%, exceeding the "
                    "planned target.", title="", period_start=2024, period_end=2025)
    assert (o.indicator_id, o.kind, o.year) == ("health_insurance_coverage", "actual", None)


def test_a_change_reported_against_an_earlier_year_is_no_value(vocab: Vocabulary) -> None:
    found = observations(vocab, "Năm 2019, tỷ suất sinh là 14,56‰, giảm 0,51‰ so với năm 2018.",
                         period_start=2020, period_end=2025)
    assert [(o.value, o.kind, o.year) for o in found] == [(14.56, "actual", 2019)]


def test_rates_sharing_one_per_n_name_each_take_their_noun(vocab: Vocabulary) -> None:
    found = observations(vocab, "Tỷ lệ bác sĩ và giường bệnh trên 1 vạn dân đạt 10 bác sĩ và 31,5 "
                                "giường (không tính trạm y tế).")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("doctors_per_10k", 10.0), ("hospital_beds_per_10k", 31.5)]


def test_a_count_noun_after_a_line_wrap_is_still_a_count(vocab: Vocabulary) -> None:
    found = observations(vocab, "trong đó có 1.760 giường trong các bệnh viện; 10\n"
                                "            giường tại phòng khám. Số giường bệnh bình\n"
                                "quân 1 vạn dân năm 2018 là 34,2 giường bệnh.")
    assert [(o.indicator_id, o.value) for o in found] == [("hospital_beds_per_10k", 34.2)]


def test_a_change_verb_right_before_a_rate_and_a_year_compared_with_after_it(
        vocab: Vocabulary) -> None:
    found = observations(vocab, "Năm 2013, đề ra mục tiêu giảm 0,25 phần nghìn mức sinh. Góp phần "
                                "giảm 25% số trường hợp nhiễm HIV do tiêm chích ma túy và 20% số "
                                "người nhiễm HIV do quan hệ tình dục so với năm 2015.",
                         period_start=2013, period_end=2020)
    assert [(o.indicator_id, o.comparator, o.value, o.relative_to) for o in found] == [
        ("crude_birth_rate", "relative", -0.25, "unspecified"),
        ("hiv_infections_injecting", "relative", -25.0, "unspecified"),
        ("hiv_infections_sexual", "relative", -20.0, "2015")]


def test_a_document_reviewing_a_year_reports_that_years_values(vocab: Vocabulary) -> None:
    text = ("Sáng 29.1, Chi cục tổ chức hội nghị tổng kết công tác năm 2012, triển khai kế "
            "hoạch năm 2013.\nNăm 2012, tỷ suất sinh thô 13,53‰. Năm 2013, phấn đấu giảm "
            "0,25‰ mức sinh.")
    found = observations(vocab, text, period_start=2012, period_end=2013)
    assert [(o.kind, o.year, o.value) for o in found] == [
        ("actual", 2012, 13.53), ("target", 2013, -0.25)]
    assert found[0].kind_basis.startswith("year 2012, the year the document reviews")


# --- not the province's value -----------------------------------------------------------------

def test_gap_to_a_target_is_not_a_value(vocab: Vocabulary) -> None:
    found = observations(vocab, "Tỷ lệ tham gia bảo hiểm y tế đạt 88%, thấp hơn 5,25% so "
                                "với chỉ tiêu.")
    assert [o.value for o in found] == [88.0]


def test_a_share_of_the_plan_is_not_a_value(vocab: Vocabulary) -> None:
    # "so kế hoạch" without "với" (real_dev58): the share of the plan reached, not a coverage
    assert observations(vocab, "Có 7.882 lượt nam, nữ được kiểm tra sức khỏe tiền hôn nhân, "
                               "đạt trên 67% so kế hoạch.") == []


def test_gap_markers() -> None:
    low = "đạt 88%, thấp hơn 5,25% so với chỉ tiêu"
    assert is_gap(low, low.index("5,25%") + 5, len(low), ["so với chỉ tiêu"])
    assert not is_gap(low, low.index("88%") + 3, len(low), ["so với chỉ tiêu"])


def test_the_value_compared_with_is_not_the_provinces(vocab: Vocabulary) -> None:
    o = only(vocab, "Tuổi thọ trung bình của người dân thấp hơn bình quân chung cả nước (72,5 "
                    "tuổi so với 73,6 tuổi tại thời điểm năm 2019).")
    assert (o.indicator_id, o.value, o.year) == ("life_expectancy", 72.5, 2019)


def test_national_value_is_not_credited_to_the_province(vocab: Vocabulary) -> None:
    found = observations(vocab, "Tuổi thọ trung bình của tỉnh đạt 73 tuổi, cả nước hiện là "
                                "74,5 tuổi.")
    assert [o.value for o in found] == [73.0]
    found = observations(vocab, "Tỉnh có tổng tỷ suất sinh năm 2024 là 2,41 con/phụ nữ. Mức "
                                "sinh ở Việt Nam năm 2024 là 1,91 con/phụ nữ.")
    assert [(o.value, o.year) for o in found] == [(2.41, 2024)]


def test_english_bare_value_after_to_takes_the_named_indicators_unit(vocab: Vocabulary) -> None:
    # "to 74.5": a decimal point after a change's end is a value, not a section number
    o = only(vocab, "The province will strive to increase the life expectancy to 74.5 by 2025.",
             title="")
    assert (o.indicator_id, o.value, o.unit, o.year, o.kind) == (
        "life_expectancy", 74.5, "years", 2025, "target")
    o = only(vocab, "The infant mortality rate will be 12 by 2025.", title="")
    assert (o.indicator_id, o.value, o.unit) == ("infant_mortality", 12.0, "per_1000")


def test_english_will_plans_a_value_on_a_dated_page(vocab: Vocabulary) -> None:
    # "will" is "sẽ": what a page dated 2020 says will be in 2020 is planned, not reported
    text = ("30/04/2020\nThe province aims to improve health care.\n\n"
            "By the end of 2020, the infant mortality rate will be 12‰.")
    o = only(vocab, text, title="")
    assert (o.value, o.year, o.kind) == (12.0, 2020, "target")


def test_years_listed_date_the_values_in_turn(vocab: Vocabulary) -> None:
    found = observations(vocab, "Tỷ lệ tiêm chủng đầy đủ năm 2019 và 2020 lần lượt là 95% và "
                                "96%.", title="")
    assert [(o.value, o.year) for o in found] == [(95.0, 2019), (96.0, 2020)]
    # the years in the sentence before, the word of "respectively" before the values
    found = observations(vocab, "Kết quả thực hiện qua các năm 1998, 2000, 2003. Kết quả: độ "
                                "phủ muối iốt đủ tiêu chuẩn phòng bệnh đạt lần lượt là 29%, "
                                "52,9%, 76,5%.", title="")
    assert [(o.value, o.year) for o in found] == [(29.0, 1998), (52.9, 2000), (76.5, 2003)]
    # English: "respectively" after the values
    found = observations(vocab, "In 2019 and 2020, the full immunization rate was 95% and 96%, "
                                "respectively.", title="")
    assert [(o.value, o.year) for o in found] == [(95.0, 2019), (96.0, 2020)]
    # as many values as years, or no year is taken in turn
    found = observations(vocab, "Tỷ lệ tiêm chủng đầy đủ năm 2019 và 2020 lần lượt là 95%.",
                         title="")
    assert [(o.value, o.year) for o in found] == [(95.0, 2019)]


def test_a_long_phrase_led_by_its_number_is_matched_loosely(vocab: Vocabulary) -> None:
    # 21 words after "95,3%": a name led by its number, read loosely, whatever stands between
    o = only(vocab, "Hiện nay, 95,3% số trạm y tế xã trên địa bàn tỉnh đã có nước sạch và công "
                    "trình vệ sinh đạt tiêu chuẩn.", title="")
    assert (o.indicator_id, o.match_method) == ("health_stations_water_latrine", "fuzzy")
    o = only(vocab, "Năm 2020, 65% học sinh bậc học mầm non và tiểu học ở tỉnh mắc bệnh sâu răng.",
             title="")
    assert (o.indicator_id, o.year) == ("dental_caries_pupils", 2020)


def test_a_long_phrase_must_be_half_its_name(vocab: Vocabulary) -> None:
    # 17 words after "70%" merely holding "trạm y tế … xã": an allowance, not a share of
    # communes (the Sơn La seed's pay policy)
    assert observations(vocab, "Thực hiện phụ cấp ưu đãi nghề 70% cho người thường xuyên và trực "
                               "tiếp làm chuyên môn y tế tại trạm y tế cấp xã.", title="") == []


def test_an_english_share_after_a_count_is_of_what_the_count_counts(vocab: Vocabulary) -> None:
    o = only(vocab, "In 2012, the province had 629,452 people joining health care insurance, "
                    "equivalent to 64.6 percent of its population.", title="")
    assert (o.indicator_id, o.value, o.year) == ("health_insurance_coverage", 64.6, 2012)


def test_abbreviations_and_joined_words_read_as_the_catalogues(vocab: Vocabulary) -> None:
    o = only(vocab, "Năm 2020, tỷ lệ HS mắc bệnh sâu răng là 65%.", title="")  # HS: học sinh
    assert (o.indicator_id, o.value) == ("dental_caries_pupils", 65.0)
    o = only(vocab, "Năm 2019, số trẻ em dưới 1 tuổi được tiêm đủ 8 loại vắcxin đạt 94,8%.",
             title="")
    assert (o.indicator_id, o.value) == ("full_immunization_under1", 94.8)


def test_list_items_go_on_in_the_year_their_lead_in_names(vocab: Vocabulary) -> None:
    # items that do not end open (";") still go on with the list's year, item after item
    text = ("- By 2025:\n\n+ The rate of people's satisfaction with health services reaches "
            "over 80%\n\n+ Natural population growth less than 1%.\n\n"
            "The report was discussed.\n\n+ Natural population growth less than 1.2%")
    found = observations(vocab, text, title="")
    # a paragraph that is no item ends the list
    assert [(o.value, o.year) for o in found] == [(80.0, 2025), (1.0, 2025), (1.2, None)]


def test_counts_listed_by_commas_share_the_last_ones_per_n(vocab: Vocabulary) -> None:
    found = observations(vocab, "By 2025: 38 hospital beds, 10 doctors, 1.5 university "
                                "pharmacists, 25 nurses/10,000 people.", title="")
    assert [(o.indicator_id, o.value, o.unit) for o in found] == [
        ("hospital_beds_per_10k", 38.0, "per_10000"), ("doctors_per_10k", 10.0, "per_10000"),
        ("pharmacists_per_10k", 1.5, "per_10000"), ("nurses_per_10k", 25.0, "per_10000")]
    # a list of counts with no "per N" stays counts
    assert observations(vocab, "In 2020 the province had 120 hospitals, 35 clinics, 400 "
                               "doctors.", title="") == []


def test_an_age_in_a_groups_name_is_no_value(vocab: Vocabulary) -> None:
    # "1 year of age": an age, so the phrase the 95% leads runs on to its name
    found = observations(vocab, "By 2025, less than 20% of children under 05 years old are "
                                "malnourished; 95% of children under 1 year of age are fully "
                                "vaccinated.", title="")
    assert [(o.indicator_id, o.comparator, o.value) for o in found] == [
        ("underweight_under5", "<", 20.0), ("full_immunization_under1", "=", 95.0)]


def test_a_year_reached_without_a_break_then_a_comma_closes_its_value(vocab: Vocabulary) -> None:
    found = observations(vocab, "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 95% vào năm "
                                "2025, tỷ lệ bao phủ bảo hiểm y tế đạt 98%.", title="")
    assert [(o.value, o.year) for o in found] == [(95.0, 2025), (98.0, None)]
    found = observations(vocab, "The city sets out targets that 95% of young men and women will "
                                "receive pre-marital counseling and health check-ups by 2030, 90% "
                                "of pregnant women will be screened.", title="")
    assert [(o.indicator_id, o.value, o.year) for o in found] == [
        ("premarital_health_check", 95.0, 2030), ("prenatal_screening", 90.0, 2030)]
    # a year after a break opens the next value ("năm 2025: 2,1")
    found = observations(vocab, "Tổng tỷ suất sinh năm 2020 là 2,24 con/phụ nữ, năm 2025: 2,1 "
                                "con/phụ nữ.", title="")
    assert [(o.value, o.year) for o in found] == [(2.24, 2020), (2.1, 2025)]


def test_men_per_100_women_alone_names_no_sex_ratio_at_birth(vocab: Vocabulary) -> None:
    # the whole population's sex ratio (a census page) is no sex ratio at birth, and its
    # urban part is the urban ratio, no value of the whole ...
    found = observations(vocab, "Năm 2019, tỷ số giới tính là 103,4 nam/100 nữ, trong đó khu "
                                "vực thành thị là 98,3 nam/100 nữ.", title="")
    assert [(o.indicator_id, o.value, o.match_method) for o in found] == [
        ("sex_ratio_population", 103.4, "fuzzy"), ("sex_ratio_population_urban", 98.3, "unit")]
    # ... while the one at birth may be written in the same unit, and boys per girls names it
    o = only(vocab, "Tỷ số giới tính khi sinh năm 2020 là 112 nam/100 nữ.", title="")
    assert (o.indicator_id, o.unit) == ("sex_ratio_at_birth", "males_per_100_females")
    o = only(vocab, "Năm 2020 là 112 bé trai/100 bé gái.", title="")
    assert (o.indicator_id, o.match_method) == ("sex_ratio_at_birth", "unit")


def test_a_paragraph_opening_on_the_country_goes_on_about_it(vocab: Vocabulary) -> None:
    text = ("In recent years, maternal and child health care in Vietnam has seen many positive "
            "changes. The infant mortality rate has decreased from 44‰ to 11.6‰.\n"
            "In Cao Bang, the mortality rate of children under 1 year old in 2024 is 12.5‰.")
    found = observations(vocab, text, province_id="cao_bang", title="")
    assert [(o.indicator_id, o.value) for o in found] == [("infant_mortality", 12.5)]
    # a first sentence with a number compares with the country in brackets; the rest is
    # the province's
    text = ("Năm 2024, tỷ lệ đạt 57,7 giường bệnh/1 vạn dân (toàn quốc đạt 32,5 giường bệnh/1 "
            "vạn dân). Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95,56%.")
    found = observations(vocab, text, province_id="quang_ninh", title="")
    assert 95.56 in [o.value for o in found]
    # naming the province ("In Cao Bang") after the country's sentence gives it back its values
    text = ("Health care in Vietnam has made progress. In Cao Bang, the infant mortality rate "
            "decreased from 13.7‰ to 12.5‰.")
    found = observations(vocab, text, province_id="cao_bang", title="")
    assert sorted(o.value for o in found) == [12.5, 13.7]


def test_a_share_each_commune_must_reach_is_no_province_value(vocab: Vocabulary) -> None:
    text = ("Tỉnh phấn đấu nâng tỷ lệ hộ sử dụng nước hợp vệ sinh đạt hơn 95%. Mỗi xã có tỷ lệ "
            "hộ dân sử dụng nước sinh hoạt hợp vệ sinh là hơn 70%.")
    assert [o.value for o in observations(vocab, text)] == [95.0]


def test_share_of_agencies_doing_something_is_an_activity(vocab: Vocabulary) -> None:
    # the indicator's name stands later in the clause; the share is of party committees
    assert observations(vocab, "a) 100% cấp ủy, chính quyền các cấp ban hành kế hoạch chăm sóc "
                               "sức khỏe người cao tuổi vào năm 2025;") == []


def test_share_of_households_matched_loosely_is_not_the_peoples(vocab: Vocabulary) -> None:
    # the words match the adults' communication indicator only loosely (a fuzzy score): said
    # of people they are its value, said of households they are not
    words = ("nấu rượu thủ công được truyền thông, hướng dẫn quy định pháp luật về phòng, "
             "chống tác hại của rượu, bia;")
    people = only(vocab, "e) 85% người dân " + words)
    assert (people.indicator_id, people.match_method) == ("alcohol_harm_communication", "fuzzy")
    assert observations(vocab, "e) 85% hộ gia đình " + words) == []


def test_share_of_establishments_named_by_an_alias_is_kept(vocab: Vocabulary) -> None:
    o = only(vocab, "Phấn đấu 92% cơ sở chế biến thực phẩm đạt yêu cầu về an toàn thực phẩm.")
    assert (o.indicator_id, o.value) == ("food_facilities_compliant", 92.0)


def test_a_named_district_holds_its_value_not_the_province(vocab: Vocabulary) -> None:
    text = ("Toàn tỉnh có 610.930 người tham gia BHYT, chiếm tỷ lệ 78,77% dân số. Trong đó, "
            "huyện Long Mỹ có tỷ lệ tham gia BHYT đạt cao nhất 85,53%, thấp nhất là huyện "
            "Châu Thành A chỉ mới đạt 65,42%.")
    assert [o.value for o in observations(vocab, text, province_id="hau_giang")] == [78.77]
    # the province's own name after "thành phố" is the province; a district's is not
    city = "Thành phố Hải Phòng có tỷ lệ tham gia BHYT đạt 92%."
    assert [o.value for o in observations(vocab, city, province_id="hai_phong")] == [92.0]
    # on another province's page the city is that province, credited with its value
    assert [(o.province_named, o.value) for o in observations(
        vocab, city, province_id="hau_giang")] == [("hai_phong", 92.0)]


def test_a_district_named_english_way_holds_its_value(vocab: Vocabulary) -> None:
    # English writes the kind after the name ("Binh Luc district"); the province's own
    # ratio, before, stays
    text = ("The sex ratio at birth was 113.6 boys to 100 girls. Gender imbalance is highest in "
            "Binh Luc district with 118.8 boys to 100 girls, followed by Ly Nhan district with "
            "114.6 boys to 100 girls.")
    found = observations(vocab, text, province_id="ha_nam", period_start=2018,
                         period_end=2018, title="")
    assert [(o.indicator_id, o.value) for o in found] == [("sex_ratio_at_birth", 113.6)]


def test_provinces_named_together_before_a_bracket_share_its_value(vocab: Vocabulary) -> None:
    text = ("Health insurance coverage rates are expected to be high in Dien Bien and Hoa Binh "
            "(99 percent); Tuyen Quang and Lao Cai (98.6 percent).")
    for province, value in (("dien_bien", 99.0), ("lao_cai", 98.6)):
        found = observations(vocab, text, province_id=province, period_start=2016,
                             period_end=2020, title="")
        assert [o.value for o in found if o.province_named is None] == [value], province
    # the other provinces named are credited with their values (province_basis 'named')
    found = observations(vocab, text, province_id="dien_bien", period_start=2016,
                         period_end=2020, title="")
    assert sorted((o.province_named or "", o.value) for o in found) == [
        ("", 99.0), ("hoa_binh", 99.0), ("lao_cai", 98.6), ("tuyen_quang", 98.6)]


def test_a_round_up_credits_each_province_named_with_its_value(vocab: Vocabulary) -> None:
    # vocabulary merger_words: the provinces a city was formed from hold nothing; a value
    # going on after another province's name keeps the unit before it; the span of a list
    # ("5 tỉnh … (TFR từ 1,43 đến 1,60)") is none's value, the page's own included
    text = ("Trong đó, 5 tỉnh có mức sinh thấp nhất cả nước là: TP. Hồ Chí Minh, Tây Ninh, Cần "
            "Thơ, Cà Mau và Vĩnh Long (TFR từ 1,43 con đến 1,60 con/phụ nữ). Riêng TP HCM sau "
            "sáp nhập TP HCM, Bình Dương và Vũng Tàu vẫn là địa phương có mức sinh thấp nhất "
            "nước với 1,43 con/phụ nữ. Tiếp đó là Tây Ninh (nhập Long An và Tây Ninh) có mức "
            "sinh 1,52 con/phụ nữ; Cần Thơ 1,55.")
    found = observations(vocab, text, province_id="tay_ninh_2025", period_start=2024,
                         period_end=2025, title="")
    assert [(o.province_named, o.comparator, o.value) for o in found] == [
        ("ho_chi_minh", "=", 1.43), (None, "=", 1.52), ("can_tho", "=", 1.55)]
    # the next places of a ranking, told in turn: each takes its own, in the unit written
    # after the list (specification_words "tiếp theo là", "lần lượt là")
    ranking = ("Tính theo địa phương, người dân TP.HCM có tuổi thọ cao nhất nước với 76,5 tuổi; "
               "tiếp theo là Bà Rịa - Vũng Tàu và Đồng Nai, lần lượt là 76,4 và 76,3 tuổi.")
    found = observations(vocab, ranking, province_id="ho_chi_minh", period_start=2023,
                         period_end=2023, title="")
    assert [(o.province_named, o.indicator_id, o.value) for o in found] == [
        (None, "life_expectancy", 76.5), ("ba_ria_vung_tau", "life_expectancy", 76.4),
        ("dong_nai", "life_expectancy", 76.3)]
    # English: a list closed by "respectively" gives its numbers in turn to the provinces
    # listed before it; a number alone in brackets after the name is a value; a list whose
    # names were garbled no longer lines up and is no one's; a region in lower case holds its
    # own; a yearbook named with its year dates the results the page gives without one
    english = ("GSO has released the 2023 Statistical Yearbook.\n"
               "HCM City had the highest life expectancy (76.5), followed by Ba Ria – VungT au "
               "and Dong Nai, 76.4 and 76.3, respectively. Dien Bien, Lai Chau and Kon Tum had "
               "the lowest life expectancy, 69.9, 69.8 and 69.7, respectively. The "
               "southeastern region (HCMC, Binh Duong, Dong Nai, etc) had the highest life "
               "expectancy (76.3).")
    found = observations(vocab, english, province_id="dien_bien", period_start=2019,
                         period_end=2023, title="")
    assert [(o.province_named, o.year, o.value) for o in found] == [
        ("ho_chi_minh", 2023, 76.5), (None, 2023, 69.9), ("lai_chau", 2023, 69.8),
        ("kon_tum", 2023, 69.7)]
    assert found[0].year_basis.startswith("the statistics publication the page reports from")
    # a city in an institution's name (vocabulary institution_words) holds no value: the
    # study's is the page's province's
    study = ("Theo nghiên cứu của Trường Đại học Y Hà Nội, tỷ lệ tăng huyết áp ở người trưởng "
             "thành là 25,3%.")
    assert [(o.province_named, o.value) for o in observations(
        vocab, study, province_id="thai_binh", period_start=2017, period_end=2017,
        title="")] == [(None, 25.3)]
    # a province named before a 2025 change's year is the former one; after it, the new one
    assert vocab.province_as_of("lao_cai_2025", 2024, None) == "lao_cai"
    assert vocab.province_as_of("lao_cai", 2026, None) == "lao_cai_2025"
    assert vocab.province_as_of("lao_cai", None, (2025, 9)) == "lao_cai_2025"
    assert vocab.province_as_of("lao_cai", 2025, (2025, 3)) == "lao_cai"
    assert vocab.province_as_of("son_la", 2026, None) == "son_la"


def test_a_region_holds_its_value_unless_the_province_ranks_in_it(vocab: Vocabulary) -> None:
    # vocabulary region_names, rank_words; names in a remark in brackets are examples
    text = ("Phân theo vùng, Đông Nam bộ (như TPHCM, Bình Dương, Đồng Nai...) là khu vực người "
            "dân có tuổi thọ cao nhất nước (76,3 tuổi), thấp nhất là Tây Nguyên: 72 tuổi. Tính "
            "theo địa phương, TPHCM là địa phương người dân có tuổi thọ cao nhất nước với 76,5 "
            "tuổi.")
    found = observations(vocab, text, province_id="ho_chi_minh", period_start=2023,
                         period_end=2023, title="")
    assert [o.value for o in found] == [76.5]
    # another country compared with is a place of its own
    found = observations(vocab, "The city has only 42 hospital beds per 10,000 inhabitants, far "
                                "behind countries like Japan with 131 beds, Germany with 82.",
                         province_id="ho_chi_minh", period_start=2024, period_end=2024, title="")
    assert [o.value for o in found] == [42.0]
    o = only(vocab, "Can Tho city records the lowest malnutrition rate among under-five "
                    "children in the Mekong Delta, at 12.2 percent.", province_id="can_tho",
             period_start=2020, period_end=2020, title="")
    assert (o.indicator_id, o.value) == ("underweight_under5", 12.2)
    # the country by "người Việt", "nước ta", "Vietnam has" (national_markers)
    assert observations(vocab, "Currently, Vietnam has seen the ratio of stunting among children "
                               "under five years old remain high (23.2 percent in 2018).",
                        province_id="ha_noi", period_start=2019, period_end=2030,
                        title="") == []
    assert observations(vocab, "Năm 2023, tuổi thọ trung bình tính từ lúc sinh của người Việt "
                               "đạt 74,5 tuổi.", province_id="ho_chi_minh", period_start=2023,
                        period_end=2023, title="") == []


def test_a_province_named_by_another_name_holds_its_value(vocab: Vocabulary) -> None:
    # vocabulary province_other_names: "TPHCM" is Hồ Chí Minh City, "Hanoi" is Hà Nội
    text = ("TPHCM có mức sinh thấp nhất cả nước (1,51 con/phụ nữ), trong khi Điện Biên cao "
            "nhất (2,91 con).")
    found = observations(vocab, text, province_id="dien_bien", period_start=2025,
                         period_end=2025, title="")
    assert [(o.province_named, o.value) for o in found] == [("ho_chi_minh", 1.51), (None, 2.91)]
    found = observations(vocab, text, province_id="ho_chi_minh_2025", period_start=2025,
                         period_end=2025, title="")
    assert [(o.province_named, o.value) for o in found] == [(None, 1.51), ("dien_bien", 2.91)]
    assert vocab.names_province("ha_noi", "hanoi aims for 94.5% coverage")
    assert not vocab.names_province("ha_noi", "hai phong aims for 94.5% coverage")


def test_another_province_named_holds_its_value(vocab: Vocabulary) -> None:
    # on Hà Giang's page: Lai Châu's and Kon Tum's values are theirs; a clause naming Hà Giang
    # with another province is Hà Giang's too
    text = ("Các địa phương có tuổi thọ trung bình thấp là: Lai Châu 65,8 tuổi; Kon Tum 66,8 "
            "tuổi; Hà Giang, Điện Biên là 67,8 tuổi.")
    found = observations(vocab, text, province_id="ha_giang", period_start=2020,
                         period_end=2020, title="")
    assert [(o.province_named, o.indicator_id, o.value) for o in found] == [
        ("lai_chau", "life_expectancy", 65.8), ("kon_tum", "life_expectancy", 66.8),
        (None, "life_expectancy", 67.8), ("dien_bien", "life_expectancy", 67.8)]
    # the province named last before the number holds it, though the page's own is named
    # earlier in the clause; "BS" is "bác sĩ" (vocabulary abbreviations)
    found = observations(vocab, "Tỷ lệ BS/Dân số thấp, Tuyên Quang mới đạt 5BS/10.000 dân, Hà "
                                "Giang đạt 6,37/10.000 dân.", province_id="tuyen_quang",
                         period_start=2010, period_end=2010, title="")
    assert [(o.province_named, o.indicator_id, o.value) for o in found] == [
        (None, "doctors_per_10k", 5.0), ("ha_giang", "doctors_per_10k", 6.37)]
    # a region of several provinces, a threshold picking provinces, the country's change
    for other in ("Trung bình tuổi thọ vùng Đồng bằng sông Hồng là 75,72 tuổi.",
                  "Có 5 tỉnh có tuổi thọ trung bình dưới 72 tuổi, gồm: Hà Giang, Lào Cai.",
                  "Năm 2023, tuổi thọ người dân Việt Nam tăng mạnh, từ 73,7 lên 74,5 tuổi."):
        assert observations(vocab, other, province_id="ha_giang", period_start=2023,
                            period_end=2023, title="") == [], other
    # a dateline names where the news was filed, not whose value follows
    o = only(vocab, "Hà Nội (TTXVN) - Tỷ lệ bao phủ BHYT toàn tỉnh đạt 91,2%.",
             province_id="vinh_phuc", period_start=2018, period_end=2018, title="")
    assert o.value == 91.2
    # a province merged into the page's own in 2025 is of its lineage, not another
    merged = "Tuổi thọ trung bình của tỉnh Hà Giang (cũ) đạt 70,2 tuổi."
    assert [o.value for o in observations(vocab, merged, province_id="tuyen_quang_2025",
                                          period_start=2025, period_end=2025,
                                          title="")] == [70.2]


def test_french_and_spanish_pages_of_the_news_agency(vocab: Vocabulary) -> None:
    # real_dev98, real_dev97: the words are data (aliases, units, comparators, year words)
    french = ("D'ici 2030, l'espérance de vie moyenne dépassera 76 ans, dont au moins 68 ans en "
              "bonne santé. D'ici 2026, le taux de couverture par l'assurance maladie dépassera "
              "96 % de la population.")
    found = observations(vocab, french, province_id="quang_ninh", period_start=2025,
                         period_end=2030, title="")
    assert [(o.indicator_id, o.year, o.comparator, o.value) for o in found] == [
        ("life_expectancy", 2030, ">", 76.0), ("healthy_life_years", 2030, ">=", 68.0),
        ("health_insurance_coverage", 2026, ">", 96.0)]
    spanish = "Casi 85 por ciento de la población de Hanoi con acceso a seguro de salud"
    o = only(vocab, spanish, province_id="ha_noi", period_start=2018, period_end=2018,
             title="")
    assert (o.indicator_id, o.unit, o.value) == ("health_insurance_coverage", "percent", 85.0)
    # the country's own value, named in French, is no province's
    national = "Le Vietnam vise un taux d'assurance santé de 90% en 2020."
    assert observations(vocab, national, province_id="tien_giang", period_start=2016,
                        period_end=2016, title="") == []


def test_the_figures_respectively_take_the_names_before_in_turn(vocab: Vocabulary) -> None:
    # real_dev142: "The figures … 13.5 and 2.5 respectively" go on with the doctors and the
    # pharmacists per 10,000 of the sentence before, in their units
    text = ("The capital city aims to reach the rate of 12.5 doctors per 10,000 people and 2 "
            "pharmacists per 10,000 people in 2015. The figures will be raised to 13.5 and 2.5 "
            "respectively in 2020.")
    found = observations(vocab, text, province_id="ha_noi", period_start=2014, period_end=2020,
                         title="")
    assert [(o.indicator_id, o.year, o.value, o.unit) for o in found][-2:] == [
        ("doctors_per_10k", 2020, 13.5, "per_10000"),
        ("pharmacists_per_10k", 2020, 2.5, "per_10000")]
    # without the anaphora the bare numbers name nothing
    bare = text.replace("The figures will be raised to", "It will reach")
    assert [o.value for o in observations(vocab, bare, province_id="ha_noi",
                                          period_start=2014, period_end=2020,
                                          title="")] == [12.5, 2.0]


def test_demographers_abbreviations_and_living_long(vocab: Vocabulary) -> None:
    # real_dev138, real_dev115: "CBR" of the urban area, "TFR"; women "sống thọ tới 79,4
    # tuổi" is their life expectancy; the country's TFR is no province's
    text = ("Năm 2016, khu vực thành thị có CBR thấp hơn mức trung bình toàn thành với 11,05‰. "
            "Năm 2016, TFR của thành phố là 1,39 con/phụ nữ. Năm 2016, phụ nữ ở thành phố sống "
            "thọ tới 79,4 tuổi. Nationally, Việt Nam’s average TFR is 1.91.")
    found = observations(vocab, text, province_id="ho_chi_minh", period_start=2016,
                         period_end=2016, title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("crude_birth_rate_urban", 11.05), ("total_fertility_rate", 1.39),
        ("life_expectancy_female", 79.4)]


def test_villages_by_their_local_names(vocab: Vocabulary) -> None:
    # real_dev101: "thôn, làng" (Central Highlands), as "thôn, buôn" and "ấp", are the
    # catalogue's "thôn, bản"
    for village in ("thôn, làng", "thôn, buôn", "ấp"):
        text = f"Đến nay, 100% {village} có nhân viên y tế hoạt động."
        o = only(vocab, text, province_id="kon_tum", period_start=2015, period_end=2015,
                 title="")
        assert (o.indicator_id, o.value) == ("village_health_worker_coverage", 100.0)


def test_from_a_value_upward_is_a_bound_not_a_change(vocab: Vocabulary) -> None:
    # real_dev133: "từ 95% trở lên (≥ 95%)" bounds a target; its "lên" ends no change, so the
    # 95 is no baseline
    text = ("Mục tiêu đến năm 2030: Tỷ lệ phụ nữ đẻ được xét nghiệm sàng lọc HIV trong thời "
            "gian mang thai từ 95% trở lên (≥ 95%).")
    o = observations(vocab, text, province_id="lam_dong", period_start=2025,
                     period_end=2030)[0]
    assert (o.indicator_id, o.kind, o.comparator, o.value) == (
        "hiv_pregnant_tested", "target", ">=", 95.0)


def test_a_number_a_share_verb_leads_is_no_rate_typed_with_percent(vocab: Vocabulary) -> None:
    # real_dev94: the men's share of the cases ("chiếm 78,7%") is not the new infections per
    # 100,000 the phrase would name with a "%" typed for the rate; the rate so typed stays
    text = ("Các trường hợp nhiễm HIV mới phát hiện năm 2020 chủ yếu là nam giới, chiếm 78,7%.")
    assert observations(vocab, text, province_id="ha_noi", period_start=2020,
                        period_end=2020, title="") == []
    typed = "Số trường hợp nhiễm HIV mới phát hiện năm 2020 là 78,7%."
    assert [o.indicator_id for o in observations(vocab, typed, province_id="ha_noi",
                                                 period_start=2020, period_end=2020,
                                                 title="")] == ["hiv_new_infections_per_100k"]


def test_provinces_named_together_share_the_value_they_label(vocab: Vocabulary) -> None:
    # real_dev103: two provinces named before one value in a list of provinces' values hold
    # it each; the list goes on to the next province's value
    text = ("Năm 2020, những địa phương có tuổi thọ trung bình thấp là: Lai Châu 65,8 tuổi; "
            "Kon Tum 66,8 tuổi; Hà Giang, Điện Biên là 67,8 tuổi và Quảng Trị 68,2 tuổi.")
    found = observations(vocab, text, province_id="lao_cai", period_start=2020,
                         period_end=2020, title="")
    assert [(o.province_named, o.value) for o in found] == [
        ("lai_chau", 65.8), ("kon_tum", 66.8), ("dien_bien", 67.8), ("ha_giang", 67.8),
        ("quang_tri", 68.2)]


def test_a_short_name_stands_for_the_indicator_its_headline_names(vocab: Vocabulary) -> None:
    # real_dev120: "coverage rates" is health insurance coverage under a headline naming it
    # (each province of a pair credited), and nothing under one that names it not (real_dev65:
    # "Forest coverage rate" in a list of a province's targets)
    text = ("Over 84 percent of population to have health insurance by 2020\n\n"
            "Several northern localities are expected to have especially high coverage rates "
            "such as Dien Bien and Hoa Binh (99 percent) by 2020.")
    found = observations(vocab, text, province_id="dien_bien", period_start=2016,
                         period_end=2020, title="")
    assert [(o.province_named, o.value) for o in found
            if o.indicator_id == "health_insurance_coverage"] == [
        (None, 84.0), (None, 99.0), ("hoa_binh", 99.0)]
    targets = ("The province's main targets for 2025\n\n(15) Health insurance coverage reaches "
               "95%. (16) Forest coverage rate reaches 59.49%.")
    found = observations(vocab, targets, province_id="quang_nam", period_start=2021,
                         period_end=2025, title="")
    assert [(o.indicator_id, o.value) for o in found] == [("health_insurance_coverage", 95.0)]


def test_a_short_name_stands_for_the_indicator_of_its_headline_s_topic(
        vocab: Vocabulary) -> None:
    # real_dev105: "CFR" is dengue's case fatality under a headline on dengue (a `context`
    # word of the indicator), nothing under one on COVID-19
    body = "In 2017, the city recorded 37,665 cases including seven deaths (CFR: 0.02%)."
    for headline, expected in (("Characteristics of the dengue outbreak in Hanoi", [
            ("dengue_case_fatality", 0.02)]), ("The COVID-19 wave in Hanoi", [])):
        found = observations(vocab, f"{headline}\n\n{body}", province_id="ha_noi",
                             period_start=2017, period_end=2017, title="")
        assert [(o.indicator_id, o.value) for o in found] == expected


def test_a_name_said_short_goes_on_with_the_longer_name_before(vocab: Vocabulary) -> None:
    # real_dev116: the prevalence among sex workers, then "Tỷ lệ nhiễm HIV" (the whole
    # population's name, which cannot hold 22.5%) for provinces: still the sex workers'
    text = ("Tỷ lệ nhiễm HIV trong nhóm PNMD giảm từ 4,4% (2010) còn 2,6% (2011). Tỷ lệ nhiễm "
            "HIV còn cao tại Hà Nội (22,5%), Lạng Sơn (17,0%).")
    found = observations(vocab, text, province_id="dien_bien", period_start=2011,
                         period_end=2011, title="")
    assert [(o.indicator_id, o.value, o.quarantine_reason) for o in found][2:] == [
        ("hiv_prevalence_fsw", 22.5, None), ("hiv_prevalence_fsw", 17.0, None)]
    # a value the short name can hold is its own
    plain = ("Tỷ lệ nhiễm HIV trong nhóm PNMD là 2,6%. Tỷ lệ nhiễm HIV trong cộng đồng dưới "
             "0,3%.")
    assert [o.indicator_id for o in observations(vocab, plain, province_id="dien_bien",
                                                 period_start=2011, period_end=2011,
                                                 title="")] == ["hiv_prevalence_fsw",
                                                                "hiv_prevalence"]


def test_provinces_labelled_in_a_ranking_hold_their_values(vocab: Vocabulary) -> None:
    # real_dev135: a threshold picks provinces, then each is listed with its own value (two of
    # them equal, the second no restatement of the first); the Asia-Pacific is no Thái Bình
    text = ("Chiến dịch tiêm vắc xin sởi năm 2025: 40/53 tỉnh đạt tỷ lệ tiêm trên 95%; trong đó "
            "có 5 tỉnh có tỷ lệ tiêm cao nhất bao gồm Bắc Giang (98,0%), Khánh Hòa (97,5%), "
            "Phú Yên (97,5%).")
    found = observations(vocab, text, province_id="bac_giang", period_start=2025,
                         period_end=2025, title="")
    assert [(o.province_named, o.indicator_id, o.value) for o in found] == [
        (None, "measles_campaign_vaccination", 98.0),
        ("khanh_hoa", "measles_campaign_vaccination", 97.5),
        ("phu_yen", "measles_campaign_vaccination", 97.5)]
    # a region of the world whose name holds a province's is no province
    pacific = "Tuổi thọ trung bình năm 2020 của khu vực châu Á - Thái Bình Dương: 74,2 tuổi."
    assert observations(vocab, pacific, province_id="binh_dinh", period_start=2020,
                        period_end=2020, title="") == []


def test_a_target_noun_points_back_to_the_indicator_named(vocab: Vocabulary) -> None:
    # real_dev118: "chỉ tiêu … giao là 73,6%" names no indicator; it is the one named before
    text = ("Theo dự kiến, đến năm 2020 đạt tỷ lệ 90% người dân tham gia bảo hiểm y tế. Năm 2016 "
            "phấn đấu đạt chỉ tiêu kế hoạch Chính phủ giao là 73,6%.")
    found = observations(vocab, text, province_id="dong_nai", period_start=2016,
                         period_end=2020, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("health_insurance_coverage", 2020, 90.0), ("health_insurance_coverage", 2016, 73.6)]
    # real_dev86: the goal a value is compared with is no target of the province's
    compared = ("Tỷ lệ hộ gia đình sử dụng muối i ốt đủ tiêu chuẩn phòng bệnh đạt 45,2%. Thấp hơn "
                "so với mục tiêu thanh toán (> 90%).")
    assert [o.value for o in observations(vocab, compared, province_id="thai_nguyen",
                                          period_start=2018, period_end=2018, title="")] == [45.2]


def test_places_counted_after_a_rate_are_no_value(vocab: Vocabulary) -> None:
    # real_dev113: "ở 5 tỉnh" counts provinces, though a rate per 10,000 stands before it
    text = ("Mật độ bác sĩ/10.000 dân ở 5 tỉnh còn lại rất thấp: Tây Ninh 4,3 bác sĩ, Bình Phước "
            "3,6 bác sĩ.")
    found = observations(vocab, text, province_id="tay_ninh", period_start=2020,
                         period_end=2020, title="")
    assert [(o.province_named, o.value) for o in found] == [(None, 4.3), ("binh_phuoc", 3.6)]


def test_an_english_school_year_dates_by_its_end(vocab: Vocabulary) -> None:
    # real_dev152: "the school year 2018 -2019" is dated 2019, as "năm học 2018-2019" is
    o = only(vocab, "By the end of the school year 2018 -2019 the percentage of children with "
                    "the underweight malnutrition at the age of kindergarten has been 3.3%.",
             province_id="hoa_binh", period_start=2018, period_end=2019, title="")
    assert (o.indicator_id, o.year, o.value) == ("underweight_under5", 2019, 3.3)


def test_the_group_an_indicator_is_defined_by_is_its_own(vocab: Vocabulary) -> None:
    # real_dev146: the elderly named with the ageing index are the index's own group
    o = only(vocab, "At the local level, Ben Tre is the only province where the elderly already "
                    "outnumber children, with an aging index of 100.1 percent.",
             province_id="bac_lieu", period_start=2024, period_end=2024, title="")
    assert (o.province_named, o.indicator_id, o.value) == ("ben_tre", "ageing_index", 100.1)


@pytest.mark.parametrize("text, indicator", [
    # real_dev124: Vietnam Social Security's English pages write health insurance "HI"
    ("In the school year 2020-2021, the province strives to achieve 100% of students "
     "participating in HI.", "health_insurance_coverage_students"),
    # real_dev103, real_dev127: English names of the commune health network and its standard
    ("100 percent of communes, wards, and townlets have medical stations.",
     "communes_with_health_station"),
    ("During 2015, the city aims to have 90 percent of its communes, wards and town meeting "
     "national standards in terms of health care.", "communes_meeting_health_criteria"),
])
def test_english_names_of_insurance_and_commune_health(vocab: Vocabulary, text: str,
                                                        indicator: str) -> None:
    assert only(vocab, text, period_start=2015, period_end=2021,
                title="").indicator_id == indicator


def test_an_english_page_dates_its_now_and_last_year(vocab: Vocabulary) -> None:
    # real_dev117: the byline's date dates "now" and "last year"
    text = ("By Le Phuong   December 11, 2023 | 07:55 pm PT\n"
            "The average life expectancy of its people is now at 76.3.\n"
            "Last year, the city was home to 1.033 million people aged over 60, or 11.03% of "
            "its population.")
    found = observations(vocab, text, province_id="ho_chi_minh", period_start=2022,
                         period_end=2023, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("life_expectancy", 2023, 76.3), ("population_60plus_share", 2022, 11.03)]


def test_a_margin_after_a_value_is_no_value(vocab: Vocabulary) -> None:
    # ", exceeding 3.5%" right after the value passes the plan by that much; "exceeding 108"
    # with no value before it is a bound
    o = only(vocab, "8. Percentage of malnourished children under 5 years old decreases to "
                    "6.5%, exceeding 3.5%.", period_start=2020, period_end=2020, title="")
    assert (o.indicator_id, o.value) == ("underweight_under5", 6.5)
    o = only(vocab, "The sex ratio at birth of the province is exceeding 108 boys per 100 girls.",
             period_start=2020, period_end=2020, title="")
    assert (o.comparator, o.value) == (">", 108.0)


def test_an_english_goal_s_year_stands_before_it(vocab: Vocabulary) -> None:
    o = only(vocab, "The board discussed the 2023 goal of reaching a health insurance coverage "
                    "rate of 95.2% of the total population.", period_start=2022,
             period_end=2022, title="")
    assert (o.indicator_id, o.year, o.value) == ("health_insurance_coverage", 2023, 95.2)


def test_a_number_leading_its_own_subject_never_takes_the_item_before_s_name(
        vocab: Vocabulary) -> None:
    # real_dev75, Yên Bái: the 96.2 leads its own subject (its "24 hours" a time in the name,
    # not a number ending the phrase), never the tetanus vaccine named for the 88.8
    found = observations(vocab, "As a result, 88.8 percent of pregnant women have been "
                                "vaccinated with the UV2+ tetanus vaccine, and 96.2 percent of "
                                "newborns have got hepatitis B vaccine injections within 24 hours "
                                "of birth.", period_start=2020, period_end=2020, title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("tetanus_vaccination_pregnant", 88.8), ("hepb_birth_dose_24h", 96.2)]
    # "sufficient vaccination" is full vaccination (vocabulary synonyms)
    o = only(vocab, "Up to 98.6 percent of children under one year of age have received "
                    "sufficient vaccination shots.", period_start=2020, period_end=2020, title="")
    assert (o.indicator_id, o.value) == ("full_immunization_under1", 98.6)


def test_a_definition_reaches_only_to_a_contrast(vocab: Vocabulary) -> None:
    # real_dev25, Hà Tĩnh: the balanced range defines; after "nhưng" the province's value
    o = only(vocab, "Tỷ số giới tính khi sinh cân bằng ở mức 103-105 bé trai/100 bé gái, nhưng "
                    "ở Hà Tĩnh thời điểm hiện tại là 110,7 bé trai/100 bé gái.",
             province_id="ha_tinh", period_start=2021, period_end=2021, title="")
    assert (o.indicator_id, o.value) == ("sex_ratio_at_birth", 110.7)


def test_a_definition_gives_no_value(vocab: Vocabulary) -> None:
    # the normal range defines the indicator; the province's value is the next sentence's
    text = ("Tỷ số giới tính khi sinh được xem là bình thường khi tỷ lệ bé trai trên 100 bé gái "
            "dao động từ 103 – 107. Tỷ số giới tính khi sinh của tỉnh đã đạt mức dưới 107 bé "
            "trai/100 bé gái.")
    o = only(vocab, text, period_start=2018, period_end=2020, title="")
    assert (o.indicator_id, o.comparator, o.value, o.line) == (
        "sex_ratio_at_birth", "<", 107.0, 1)
    assert (o.kind, o.kind_basis) == ("actual", "'đã đạt mức' tells what is, it sets no goal")


# --- indicator phrase, alias then fuzzy --------------------------------------------------------

def test_items_led_by_their_numbers_keep_their_own_names(vocab: Vocabulary) -> None:
    # each number leads its own name; the second name is not the first number's, and the
    # first ("đã có" between its words) is matched loosely from the words after its number
    text = ("Đến nay, toàn tỉnh đã có 80% trạm y tế đã có bác sĩ, 100% trạm y tế có nữ hộ "
            "sinh hoặc y sĩ sản nhi.")
    found = observations(vocab, text, period_start=2011, period_end=2015)
    assert [(o.indicator_id, o.value, o.match_method, o.indicator_text) for o in found] == [
        ("chs_with_doctor", 80.0, "fuzzy", "trạm y tế đã có bác sĩ"),
        ("chs_with_midwife", 100.0, "alias", "trạm y tế có nữ hộ sinh hoặc y sĩ sản nhi")]
    # "đến nay" with no target word in the sentence: what holds when it was written
    assert {(o.kind, o.kind_basis) for o in found} == {
        ("actual", "'đến nay': what holds when it was written")}
    # a state as of a date is told too
    as_of = only(vocab, "Tính đến cuối tháng 9, toàn tỉnh có 610.930 người tham gia BHYT, chiếm "
                        "tỷ lệ 78,77% dân số.", period_start=2018, period_end=2018)
    assert (as_of.kind, as_of.kind_basis) == (
        "actual", "'tính đến': what holds when it was written")
    planned = "Hiện nay, tỉnh phấn đấu đến năm 2025 có 90% trạm y tế có bác sĩ."
    assert only(vocab, planned, period_start=2021, period_end=2025).kind == "target"


def test_alias_match_keeps_the_phrase(vocab: Vocabulary) -> None:
    o = only(vocab, "- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 95%.")
    assert (o.match_method, o.match_score) == ("alias", 100.0)
    assert o.indicator_text == "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ"


def test_fuzzy_match_with_its_score(vocab: Vocabulary) -> None:
    o = only(vocab, "- Tỷ lệ trẻ em được tiêm chủng đủ liều dưới 1 tuổi đạt 95%.")
    assert o.indicator_id == "full_immunization_under1"
    assert o.match_method == "fuzzy"
    assert 88 <= (o.match_score or 0) < 100


def test_fuzzy_needs_the_indicators_own_unit(vocab: Vocabulary) -> None:
    # the same words with a length unit name nothing: the unit must agree
    assert observations(vocab, "- Tỷ lệ trẻ em được tiêm chủng đủ liều dưới 1 tuổi đạt 9 cm.") \
        == []


def test_fuzzy_refuses_a_short_phrase_inside_a_long_alias(vocab: Vocabulary) -> None:
    index = FuzzyIndex(vocab.alias_targets)
    assert index.best("quan ly duoc", lambda targets: targets[0]) is None
    assert index.best("quản lý được", lambda targets: targets[0]) is None


def test_fuzzy_refuses_a_phrase_that_is_part_of_several_names(vocab: Vocabulary) -> None:
    # "tỷ lệ tử vong" stands whole in the aliases of the crude death rate, dengue's case
    # fatality, …: it names none of them (real_dev10's COVID-19 page)
    index = FuzzyIndex(vocab.alias_targets)
    assert index.part_of_several(vocab.key("tỷ lệ tử vong").key)
    assert not index.part_of_several(vocab.key("tỷ lệ bn điều trị khỏi").key)
    assert index.best(vocab.key("tỷ lệ tử vong").key, lambda targets: targets[0]) is None


def test_fuzzy_does_not_replace_a_subgroups_name_by_another_thing(vocab: Vocabulary) -> None:
    # the closest aliases are the rural and urban latrine shares, the phrase says neither: the
    # looser "sử dụng nước hợp vệ sinh" (water) is not its name (real_dev39) ...
    assert fuzzy_named(vocab, "hộ gia đình sử dụng hố tiêu hợp vệ sinh", "percent", None) \
        is None
    # ... while the whole province's household share, which holds those words, is
    found = fuzzy_named(vocab, "hộ dân có nhà tiêu hợp vệ sinh Đến nay", "percent", None)
    assert found is not None and found.indicator.id == "sanitary_latrine_households"


def test_fuzzy_prefers_the_alias_that_holds_more_of_the_phrase(vocab: Vocabulary) -> None:
    # "communes with health stations" stands whole in the phrase (a score of 100), but the
    # traditional-medicine alias holds more of its words: the phrase is about that
    phrase = ("of health stations in communes, wards, towns could implement consulting "
              "activities with using traditional medicine in health care")
    found = fuzzy_named(vocab, phrase, "percent", None)
    assert found is not None and found.indicator.id == "chs_traditional_medicine"


def test_unmatched_statement_keeps_its_phrase(vocab: Vocabulary) -> None:
    ext = read_text(vocab, "- Tỷ lệ hộ gia đình nuôi ong mật đạt 45%.")
    assert ext.observations == []
    assert [(s.is_mapped, s.indicator_text) for s in ext.statements] == [
        (False, "Tỷ lệ hộ gia đình nuôi ong mật")]


def test_a_subgroup_after_a_leading_number_chooses_the_indicator(vocab: Vocabulary) -> None:
    # the number leads its phrase; "nông thôn" after it makes the rural indicator the one
    o = only(vocab, "Toàn tỉnh có 63,5% hộ dân nông thôn sử dụng nước sạch đạt quy chuẩn.",
             period_start=2021, period_end=2021)
    assert (o.indicator_id, o.value) == ("clean_water_rural", 63.5)


# --- the plausibility gate ---------------------------------------------------------------------

def test_implausible_value_is_quarantined(vocab: Vocabulary) -> None:
    o = only(vocab, "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ là 190%.")
    assert o.quarantine_reason is not None and "plausible range" in o.quarantine_reason


def test_count_where_a_rate_is_expected_is_quarantined(vocab: Vocabulary) -> None:
    o = only(vocab, "Số giường bệnh bình quân 1 vạn dân là 7.343 giường.")
    assert o.quarantine_reason is not None and o.quarantine_reason.startswith("a count")


def test_a_count_indicator_takes_only_relative_changes(vocab: Vocabulary) -> None:
    o = only(vocab, "Năm 2024 toàn tỉnh có 120 cặp tảo hôn.")
    assert o.indicator_id == "child_marriages"
    assert o.quarantine_reason is not None and "relative change" in o.quarantine_reason
    ind = vocab.indicators["child_marriages"]
    assert ind.relative_only
    assert quarantine_reason(ind, -50.0, None, "relative", "percent", "50") is None


def test_plausible_value_passes(vocab: Vocabulary) -> None:
    ind = vocab.indicators["life_expectancy"]
    assert quarantine_reason(ind, 74.5, None, ">", "years", "74,5") is None
    assert quarantine_reason(ind, 5.0, None, "relative", "percent", "5") is None


def test_quarantined_rows_stay_out_of_observations_and_harmonized(tmp_path: Path) -> None:
    shutil.copytree(REPO.root / "data", tmp_path / "data",
                    ignore=shutil.ignore_patterns("warehouse.duckdb*", ".*.tmp-*"))
    shutil.copytree(REPO.root / "sql", tmp_path / "sql")
    raw = tmp_path / "data/raw/lao_cai_2024_kh_thuc_hien_de_an_07.txt"
    raw.write_bytes(raw.read_bytes() + "\n- Tuổi thọ trung bình đạt 174 tuổi.\n".encode())
    _rewrite_sha(tmp_path, raw)
    build(tmp_path)
    con = duckdb.connect(str(tmp_path / "data/warehouse.duckdb"), read_only=True)
    reasons = con.execute("SELECT value, quarantine_reason FROM quarantine").fetchall()
    assert [r[0] for r in reasons] == [174.0]
    assert con.execute("SELECT count(*) FROM observations WHERE value = 174").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM harmonized WHERE value = 174").fetchone() == (0,)


def _rewrite_sha(root: Path, raw: Path) -> None:
    manifest = root / "data/raw/documents.yaml"
    text = manifest.read_text(encoding="utf-8")
    sha = hashlib.sha256(raw.read_bytes()).hexdigest()
    block = text.index(f"file: {raw.name}")
    old = re.compile(r"sha256: [0-9a-f]{64}").search(text, block)
    assert old is not None
    manifest.write_text(text[:old.start()] + f"sha256: {sha}" + text[old.end():],
                        encoding="utf-8")


def test_year_choice_not_stated_is_null() -> None:
    assert YearChoice(None, "not stated") == NOT_STATED


# Principles first needed by tests/data/real_dev2 (made-up sentences, same forms)

def test_a_ratio_against_100_with_its_year_in_brackets(vocab: Vocabulary) -> None:
    text = ("Tỷ số giới tính khi sinh toàn tỉnh giảm dần xuống 118/100 (năm 2012), "
            "115/100 (năm 2016).")
    got = [(o.indicator_id, o.year, o.value, o.unit)
           for o in read_text(vocab, text, period_start=2012, period_end=2016).observations]
    assert got == [("sex_ratio_at_birth", 2012, 118.0, "boys_per_100_girls"),
                   ("sex_ratio_at_birth", 2016, 115.0, "boys_per_100_girls")]


def test_a_value_reached_in_the_documents_year_without_target_words_is_actual(
        vocab: Vocabulary) -> None:
    text = "Năm 2022, tỷ lệ dân số tham gia bảo hiểm y tế của tỉnh đạt 91,5%."
    # on a page that tells of the year (no plan's title or number)
    [o] = read_text(vocab, text, period_start=2022, period_end=2022, title="").observations
    assert (o.indicator_id, o.kind, o.year, o.value) == (
        "health_insurance_coverage", "actual", 2022, 91.5)
    planned = "Mục tiêu: năm 2022, tỷ lệ dân số tham gia bảo hiểm y tế đạt 91,5%."
    [p] = read_text(vocab, planned, period_start=2022, period_end=2022, title="").observations
    assert p.kind == "target"
    # in the plan for the year itself ("Kế hoạch năm 2022", no date of issue) the year's
    # value is what it plans
    [q] = read_text(vocab, text, period_start=2022, period_end=2022).observations
    assert q.kind == "target"


def test_a_share_of_villages_doing_something_is_an_activity(vocab: Vocabulary) -> None:
    text = ("- Đến năm 2025: tỷ lệ sinh con thứ 3 trở lên xuống dưới 15%; phấn đấu toàn tỉnh "
            "có trên 60% thôn phát động không có người sinh con thứ 3 trở lên.")
    got = [(o.indicator_id, o.comparator, o.value)
           for o in read_text(vocab, text, period_start=2021, period_end=2025).observations]
    assert got == [("third_child_births", "<", 15.0)]


def test_a_share_of_villages_is_kept_when_the_indicator_is_about_villages(
        vocab: Vocabulary) -> None:
    text = ("II. MỤC TIÊU\n- Bổ sung nhân viên y tế thôn bản cho 100% các thôn trên địa bàn "
            "tỉnh.")
    got = [(o.indicator_id, o.value)
           for o in read_text(vocab, text, period_start=2024, period_end=2024).observations]
    assert got == [("village_health_worker_coverage", 100.0)]


def test_planned_value_with_du_kien_is_a_target(vocab: Vocabulary) -> None:
    text = "- Sàng lọc trước sinh, dự kiến năm 2024 là 51%."
    [o] = read_text(vocab, text, period_start=2024, period_end=2024).observations
    assert (o.indicator_id, o.kind, o.year, o.value) == ("prenatal_screening", "target", 2024,
                                                         51.0)


def test_per_mille_typed_as_percent_zero(vocab: Vocabulary) -> None:
    text = "- Đến năm 2025: tỷ suất sinh thô đạt 14,5%0."
    [o] = read_text(vocab, text, period_start=2021, period_end=2025).observations
    assert (o.indicator_id, o.value, o.unit) == ("crude_birth_rate", 14.5, "per_1000")


def test_a_word_segmented_copy_reads_like_the_text(vocab: Vocabulary) -> None:
    # a research corpus's copy joins a word's syllables with "_" and spaces its punctuation
    text = ("Năm 2015 : tỷ_lệ tăng dân_số tự_nhiên dưới 12 ‰ , 100 % trạm y_tế có bác_sĩ ; "
            "tỷ_lệ người có bảo_hiểm y_tế đạt 90 % .")
    found = observations(vocab, text, period_start=2011, period_end=2015, title="")
    assert [(o.indicator_id, o.value, o.year) for o in found] == [
        ("natural_population_growth", 12.0, 2015), ("chs_with_doctor", 100.0, 2015),
        ("health_insurance_coverage", 90.0, 2015)]
    assert found[0].quote.startswith("Năm 2015 : tỷ_lệ")  # the quote keeps the copy as written


def test_plain_malnutrition_of_children_is_weight_for_age(vocab: Vocabulary) -> None:
    # "tỷ lệ suy dinh dưỡng (ở) trẻ em dưới 5 tuổi" names no form: plans and yearbooks mean
    # weight-for-age; a form named after it is that form's
    found = observations(vocab, "Năm 2015, tỷ lệ suy dinh dưỡng ở trẻ em dưới 5 tuổi là 16%; "
                                "tỷ lệ suy dinh dưỡng trẻ em thể thấp còi là 26%.", title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("underweight_under5", 16.0), ("stunting_under5", 26.0)]


def test_per_mille_typed_as_0_over_00(vocab: Vocabulary) -> None:
    # "130/00" is 13 ‰ and "11,80/00" 11,8 ‰: the typed sign "0/00" glued to the number
    found = observations(vocab, "Tỷ suất sinh thô giảm từ 130/00 năm 2011 xuống còn 11,80/00 "
                                "năm 2014.", period_start=2011, period_end=2015, title="")
    assert [(o.indicator_id, o.value, o.unit, o.year) for o in found] == [
        ("crude_birth_rate", 13.0, "per_1000", 2011), ("crude_birth_rate", 11.8, "per_1000", 2014)]


def test_a_verb_in_an_indicators_name_makes_no_change(vocab: Vocabulary) -> None:
    # "tăng" of "tỷ lệ tăng dân số" is the name's: "1,03%/năm" is the rate, not a change; the
    # difference to another period after "thấp hơn so với … là" is no value of the province
    o = only(vocab, "Tốc độ tăng dân số trung bình giai đoạn 2011-2015 là 1,03%/năm, thấp hơn "
                    "so với giai đoạn 2005-2010 là 0,04%.", period_start=2011, period_end=2015,
             title="")
    assert (o.indicator_id, o.comparator, o.value, o.year) == (
        "population_growth", "=", 1.03, 2015)


def test_decreased_by_is_a_change(vocab: Vocabulary) -> None:
    # "chỉ giảm được 1,9%" tells by how much the rate fell, not the rate
    found = observations(vocab, "Năm 2015, số nam giới hút thuốc chiếm tỷ lệ 47,2%; số nữ giới "
                                "hút thuốc chiếm tỷ lệ 0,5%. Đến nay, tỷ lệ hút thuốc trong nam "
                                "giới chỉ giảm được 1,9%.", period_start=2015, period_end=2022,
                         title="")
    assert [(o.indicator_id, o.value) for o in found if o.comparator == "="] == [
        ("male_smoking", 47.2), ("female_smoking", 0.5)]
    assert all(o.value != 1.9 or o.comparator == "relative" for o in found)


def test_a_blank_line_ends_a_pages_headline(vocab: Vocabulary) -> None:
    # on a page of a paragraph per line, the headline (no full stop) and its date stamp end at
    # the blank line: the body's "35% dân số" is not the headline's malnutrition rate
    page = ("Tỉ lệ trẻ dưới 5 tuổi bị suy dinh dưỡng trên địa bàn tỉnh còn cao\n\n"
            "Cập nhật 26/8/2014, 14:08:09\n\n"
            "Theo thống kê, trẻ em hiện chiếm gần 35% dân số của tỉnh Gia Lai với trên 464.000 "
            "người, trong đó hơn 45% trẻ em là người dân tộc thiểu số.\n\n"
            "Hiện trên 23,5% trẻ bị suy dinh dưỡng thể nhẹ cân, là tỉnh có tỷ lệ cao.\n")
    found = observations(vocab, page, period_start=2014, period_end=2014, title="")
    assert [(o.indicator_id, o.value) for o in found] == [("underweight_under5", 23.5)]
    # a PDF's text wrapped at a width, a blank between its lines, reads on across the blank
    wrapped = ("- Duy trì chất lượng xã đạt tiêu chí quốc gia về y tế theo tiêu chuẩn của Bộ\n\n"
               "Y tế đạt >90%.\n")
    o = only(vocab, wrapped, period_start=2021, period_end=2025, title="")
    assert (o.indicator_id, o.value) == ("communes_meeting_health_criteria", 90.0)


def test_a_headline_restates_a_dated_value_of_its_text(vocab: Vocabulary) -> None:
    # the headline's undated "77 tuổi" is the body's 2030 target; the value said of now
    # ("hiện là 76,2") keeps no year
    page = ("Nâng tuổi thọ trung bình của người dân TP.HCM lên 77 tuổi\n\n"
            "Theo chỉ tiêu đề ra, đến năm 2025 tuổi thọ trung bình của người dân TP.HCM là 76,8 "
            "tuổi, đến năm 2030 là 77 (hiện là 76,2).\n")
    found = observations(vocab, page, period_start=2021, period_end=2030, title="")
    assert [(o.line, o.value, o.kind, o.year) for o in found] == [
        (1, 77.0, "target", 2030), (3, 76.8, "target", 2025), (3, 77.0, "target", 2030),
        (3, 76.2, "actual", None)]
    assert found[0].year_basis == "the same value stated with its year at line 3"


def test_heights_listed_for_each_sex_with_their_years(vocab: Vocabulary) -> None:
    # "đối với nam đạt 167 cm, nữ đạt 156 cm vào năm 2025": listed with the next value, the
    # first shares its year; "157,5 cm với nữ" is said of women, written after the number
    text = ("Công dân 18 tuổi có chiều cao trung bình đối với nam đạt 167 cm, nữ đạt 156 cm vào "
            "năm 2025 và 168,5 cm với nam và 157,5 cm với nữ vào năm 2030.")
    found = observations(vocab, text, period_start=2018, period_end=2030, title="")
    assert [(o.indicator_id, o.value, o.year) for o in found] == [
        ("height_18_male", 167.0, 2025), ("height_18_female", 156.0, 2025),
        ("height_18_male", 168.5, 2030), ("height_18_female", 157.5, 2030)]
    # a height with no sex named is no 18-year-old's of either sex
    assert observations(vocab, "Năm 2020, chiều cao trung bình của trẻ em 5 tuổi là 105 cm.",
                        period_start=2020, period_end=2020, title="") == []


def test_a_year_by_year_specification_goes_on_with_the_indicator(vocab: Vocabulary) -> None:
    # "Trong đó, Lạng Sơn được giao chỉ tiêu cụ thể: năm 2016: 89,0%; …": the province's own
    # targets, year by year, of the indicator the sentence before names
    text = ("Theo đó, tỷ lệ bao phủ bảo hiểm y tế đạt trên 90%. Trong đó, Lạng Sơn được giao "
            "chỉ tiêu cụ thể: năm 2016: 89,0%; năm 2017: 90,0%; năm 2020: 92,6%.")
    found = read_text(vocab, text, province_id="lang_son", period_start=2016, period_end=2020,
                      title="").observations
    assert [(o.indicator_id, o.year, o.value) for o in found][1:] == [
        ("health_insurance_coverage", 2016, 89.0), ("health_insurance_coverage", 2017, 90.0),
        ("health_insurance_coverage", 2020, 92.6)]


def test_a_change_after_a_value_is_its_difference(vocab: Vocabulary) -> None:
    # "là 111,2 …, giảm 0,2 điểm so với năm 2022": the difference of the value from another
    # year, no value; a yearly pace after a target ("giảm 16% trên năm") is one
    found = observations(vocab, "Năm 2023, tỷ số giới tính khi sinh là 111,2 nam/100 nữ, giảm "
                                "0,2 điểm so với năm 2022. Tỷ lệ sinh con thứ 3 trở lên là "
                                "17,2%, giảm 0,9%.", period_start=2023, period_end=2023,
                         title="")
    assert [(o.value, o.comparator) for o in found] == [(111.2, "="), (17.2, "=")]
    paced = observations(vocab, "Đến năm 2030, địa phương sẽ giảm số người mắc bệnh lao trong "
                                "cộng đồng xuống dưới 20 người trên 100.000 người dân (giảm 16% "
                                "trên năm).",
                         period_start=2021, period_end=2030, title="")
    assert [(o.value, o.comparator, o.relative_to) for o in paced] == [
        (20.0, "<", None), (-16.0, "relative", "per_year")]


def test_a_date_with_dashes_is_no_range(vocab: Vocabulary) -> None:
    # a page's stamp "21-12-2020 14:38" under a headline naming an indicator
    text = ("Thống kê số liệu ngộ độc thực phẩm trên địa bàn tỉnh\n\n21-12-2020 14:38\n\n"
            "Năm 2020, tỷ lệ mắc ngộ độc thực phẩm là 1,2/100.000 dân.\n")
    found = observations(vocab, text, period_start=2020, period_end=2020, title="")
    assert [(o.value, o.year) for o in found] == [(1.2, 2020)]


def test_a_pages_subheading_opens_a_section(vocab: Vocabulary) -> None:
    # "Kết quả nổi bật" alone between blank lines on a page of a paragraph per line opens a
    # results section; a sentence with a target word keeps its own kind
    page = ("Hà Tĩnh nâng cao chất lượng dân số\n\nKết quả nổi bật\n\n"
            "Số bà mẹ mang thai được siêu âm sàng lọc trước sinh là 10.938 ca, đạt 70,95% số bà "
            "mẹ mang thai được sàng lọc trước sinh.\n\n"
            "Theo chỉ tiêu đề ra, đến năm 2025 tỷ lệ sàng lọc sơ sinh là 90%.\n")
    found = observations(vocab, page, period_start=2023, period_end=2023, title="")
    assert [(o.value, o.kind) for o in found] == [(70.95, "actual"), (90.0, "target")]
    assert found[0].kind_basis == "results section: 'kết quả'"


def test_the_titles_subgroup_and_establishments_shares(vocab: Vocabulary) -> None:
    # in a document on rural water and sanitation a household share naming no subgroup is
    # rural; the shares of schools and of the poor are their own indicators, never the
    # households'
    text = ("Chỉ số 3: Tỷ lệ hộ gia đình có nhà tiêu hợp vệ sinh: 63,75% (203.286/318.856 hộ); "
            "Tỷ lệ hộ nghèo có nhà tiêu hợp vệ sinh: 32,47% (23.283/71.701 hộ).\n"
            "Chỉ số 4: Tỷ lệ trường học có nước hợp vệ sinh: 88,69% (682/769).\n")
    title = "Bộ chỉ số theo dõi - đánh giá Nước sạch và Vệ sinh môi trường nông thôn năm 2017"
    found = observations(vocab, text, period_start=2017, period_end=2017, title=title)
    assert [(o.indicator_id, o.value) for o in found] == [
        ("sanitary_latrine_rural", 63.75), ("sanitary_latrine_rural_poor", 32.47),
        ("schools_hygienic_water", 88.69)]
    # with no subgroup in the title nothing says whose latrines they are
    assert [o.indicator_id for o in observations(vocab, text, period_start=2017,
                                                 period_end=2017, title="")] == [
        "sanitary_latrine_rural_poor", "schools_hygienic_water"]
    # a station named as the place ("tại trạm y tế cho người cao tuổi") is no subject
    o = only(vocab, "Tổ chức khám, quản lý hồ sơ chăm sóc sức khỏe tại trạm y tế cho người cao "
                    "tuổi, dự kiến khám định kỳ trong năm là 64%.", period_start=2024,
             period_end=2024, title="")
    assert (o.indicator_id, o.value) == ("elderly_health_checks", 64.0)


def test_yearly_targets_after_a_remark_go_on_with_the_indicator(vocab: Vocabulary) -> None:
    # a bracketed remark, its ")" lost at the sentence's end, then "Mục tiêu đặt ra năm 2017
    # đạt trên 80,7%; năm 2018 đạt gần 85%": the same indicator, year by year
    text = ("Năm 2016, tỷ lệ BHYT bao phủ toàn tỉnh đạt 76,5% (trên 934.000 dân. Mục tiêu đặt ra "
            "năm 2017 đạt trên 80,7%; năm 2018 đạt gần 85%.")
    found = observations(vocab, text, period_start=2016, period_end=2020, title="")
    assert [(o.indicator_id, o.kind, o.year, o.comparator, o.value) for o in found] == [
        ("health_insurance_coverage", "actual", 2016, "=", 76.5),
        ("health_insurance_coverage", "target", 2017, ">", 80.7),
        ("health_insurance_coverage", "target", 2018, "=", 85.0)]


def test_this_figure_points_back_to_the_value_before(vocab: Vocabulary) -> None:
    # "con số này ước đạt 90%": the same indicator as the value before
    found = observations(vocab, "Tính đến hết năm 2014, tỷ lệ hộ dân nông thôn được sử dụng nước "
                                "sinh hoạt hợp vệ sinh đạt trên 85%; đến hết năm 2015, con số này "
                                "ước đạt 90%.", period_start=2014, period_end=2015, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("hygienic_water_rural", 2014, 85.0), ("hygienic_water_rural", 2015, 90.0)]


def test_a_year_after_a_count_noun_and_its_per_n_unit_is_the_numbers(vocab: Vocabulary) -> None:
    # "20 giường bệnh/10.000 dân vào năm 2015, 25 … vào năm 2020": each number owns the year
    # written after its count noun and unit
    found = observations(vocab, "Hà Nội dự kiến tăng tỷ lệ giường bệnh lên 20 giường bệnh/10.000 "
                                "dân vào năm 2015, 25 giường bệnh/10.000 dân vào năm 2020 và 30 "
                                "giường bệnh/10.000 dân vào năm 2030.", period_start=2012,
                         period_end=2030, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("hospital_beds_per_10k", 2015, 20.0), ("hospital_beds_per_10k", 2020, 25.0),
        ("hospital_beds_per_10k", 2030, 30.0)]


def test_a_paragraph_opening_with_a_linking_word_goes_on_in_the_year_before(
        vocab: Vocabulary) -> None:
    # "Theo đó, …" / "Đồng thời, …" go on from a paragraph that dated the plan; a paragraph
    # that opens otherwise names no year of its own, and its target takes the horizon of the
    # plan the page tells of (the year the page states as the period's end)
    lead = ("UBND tỉnh vừa ban hành kế hoạch thực hiện Chương trình điều chỉnh mức sinh "
            "năm 2023.\n\n")
    body = "Theo đó, tỉnh phấn đấu tổng tỷ suất sinh là 2,35 con/bà mẹ."
    linked = only(vocab, lead + body, period_start=2022, period_end=2023, title="")
    assert (linked.indicator_id, linked.year, linked.year_basis) == (
        "total_fertility_rate", 2023, "year of the paragraph it goes on from")
    unlinked = only(vocab, lead + body.replace("Theo đó, t", "T"), period_start=2022,
                    period_end=2023, title="")
    assert (unlinked.year, unlinked.year_basis) == (
        2023, "plan horizon (a sentence setting a target)")


def test_a_paragraph_opening_meanwhile_goes_on_in_the_year_before(vocab: Vocabulary) -> None:
    # real_dev113, real_dev117: "Trong khi đó, …", "While …" open a paragraph that goes on
    # from the one before, in the year it told of
    text = ("Năm 2024, tổng tỷ suất sinh ở Hà Giang là 2,69 con/phụ nữ.\n\nTrong khi đó, ở "
            "Tuyên Quang, tổng tỷ suất sinh là 2,19 con/phụ nữ.")
    found = observations(vocab, text, province_id="tuyen_quang", title="Mức sinh")
    assert [(o.value, o.year) for o in found][-1:] == [(2.19, 2024)]
    text = ("The city achieved the population targets set for 2018.\n\nWhile the prenatal "
            "screening rate reached 76 percent of the pregnant women, the newborn screening "
            "rate rose to 84.1 percent.")
    found = observations(vocab, text, province_id="ha_noi", title="Population")
    assert [(o.indicator_id, o.value, o.year) for o in found] == [
        ("prenatal_screening", 76.0, 2018), ("newborn_screening", 84.1, 2018)]


def test_a_part_of_a_year_compared_with_dates_nothing_after_it(vocab: Vocabulary) -> None:
    # real_dev134: "compared to the end of 2024" is the time compared with; the paragraph
    # tells of the first half of 2025
    text = ("In the first 6 months of 2025, the number of people participating in health "
            "insurance reached more than 1.3 million, an increase of more than 7,000 people "
            "compared to the end of 2024. The health insurance coverage rate reached 95.71%.")
    o = only(vocab, text, province_id="quang_ninh", title="Health insurance")
    assert (o.indicator_id, o.value, o.year) == ("health_insurance_coverage", 95.71, 2025)


def test_a_paragraph_pointing_back_goes_on_in_the_year_before(vocab: Vocabulary) -> None:
    # "上記に次いで" (after the above), "nêu trên": a paragraph whose first sentence points
    # back goes on in the year of the one before, as one opening with a linking word ("逆に")
    # does; without the pointing word its values state no year
    lead = "2016年から2020年の統計で、平均寿命が最も高かったのはホーチミン市の76.5歳。\n"
    back = "3月30日の報告によると、上記に次いで平均寿命が高かったのは、ダナン市:76.1歳。\n"
    linked = "逆に平均寿命が短かったのは、ライチャウ省:65.8歳となっている。"
    found = observations(vocab, lead + back + linked, period_start=2016, period_end=2020,
                         title="")
    assert [(o.value, o.year) for o in found] == [(76.5, 2020), (76.1, 2020), (65.8, 2020)]
    assert [o.year_basis for o in found][1:] == [
        "year of an earlier sentence in its paragraph", "year of the paragraph it goes on from"]
    plain = observations(vocab, lead + back.replace("上記に次いで", ""), period_start=2016,
                         period_end=2020, title="")
    assert [(o.value, o.year) for o in plain] == [(76.5, 2020), (76.1, None)]
    vi = ("Năm 2022, tỷ lệ trạm y tế xã có bác sĩ làm việc đạt 92%.\n\n"
          "Cùng với các kết quả nêu trên, tỷ lệ dân số tham gia bảo hiểm y tế đạt 91,5%.")
    found = observations(vocab, vi, period_start=2021, period_end=2025, title="")
    assert [(o.value, o.year, o.year_basis) for o in found][1:] == [
        (91.5, 2022, "year of the paragraph it goes on from")]


def test_a_technical_standard_s_number_is_no_value_and_breaks_no_statement(
        vocab: Vocabulary) -> None:
    o = only(vocab, "Tính đến cuối năm 2017, tỷ lệ dân số nông thôn sử dụng nước sạch đạt quy "
                    "chuẩn kỹ thuật Quốc gia (QCVN 02:2009/BYT): 78%.", period_start=2017,
             period_end=2017, title="Báo")
    assert (o.indicator_id, o.year, o.value) == ("clean_water_rural", 2017, 78.0)


def test_the_mean_of_a_period_compared_with_dates_no_value(vocab: Vocabulary) -> None:
    # "so với trung bình giai đoạn năm 2016 – 2020" is what a change is compared with: the
    # plan's own year stands
    found = observations(vocab, "Giảm 5% số ca mắc sốt xuất huyết so với trung bình giai đoạn "
                                "năm 2016 – 2020; tỷ lệ mắc bệnh sởi, rubella dưới 02/100.000 "
                                "dân.", period_start=2023, period_end=2023)
    assert [(o.indicator_id, o.year, o.comparator, o.value) for o in found] == [
        ("dengue_cases", 2023, "relative", -5.0),
        ("measles_incidence_per_100k", 2023, "<", 2.0)]


def test_a_target_the_ministry_sets_for_all_is_not_the_province_s(vocab: Vocabulary) -> None:
    found = observations(vocab, "Năm 2018, toàn tỉnh có hơn 1,3 triệu người tham gia BHYT, đạt "
                                "92,4% dân số (Bộ Y tế đặt mục tiêu chung 88,5%).",
                         period_start=2019, period_end=2019, title="")
    assert [(o.indicator_id, o.value) for o in found] == [("health_insurance_coverage", 92.4)]


def test_of_two_overlapping_names_the_one_reaching_further_wins(vocab: Vocabulary) -> None:
    # "tỷ lệ tử vong" (crude deaths) and "tử vong do bệnh lao" (TB deaths) overlap: the name
    # reaching further into the phrase is the more specific
    o = only(vocab, "Phấn đấu giảm tỷ lệ tử vong do bệnh lao dưới 1/100.000 người dân vào năm "
                    "2030.", period_start=2026, period_end=2030)
    assert (o.indicator_id, o.value, o.year) == ("tb_deaths_per_100k", 1.0, 2030)
    hits = [m.group(1) for m in vocab.alias_hits(vocab.key(
        "Tỷ lệ hộ gia đình có nhà tiêu hợp vệ sinh đạt 89,97%").key)]
    assert hits == [vocab.key("hộ gia đình có nhà tiêu hợp vệ sinh").key]


def test_a_loose_name_is_a_group_s_only_when_the_phrase_names_the_group(
        vocab: Vocabulary) -> None:
    # "hộ gia đình … có nhà tiêu hợp vệ sinh" is close in words to the poor households' share,
    # but names no poor: never that indicator
    found = observations(vocab, "Tỷ lệ hộ gia đình toàn tỉnh đã có nhà tiêu đạt hợp vệ sinh là "
                                "89,97%.", period_start=2018, period_end=2018, title="Báo")
    assert all(o.indicator_id != "sanitary_latrine_rural_poor" for o in found)
    poor = only(vocab, "Tỷ lệ hộ nghèo có nhà tiêu hợp vệ sinh: 32,47%.", period_start=2017,
                period_end=2017, title="Báo")
    assert poor.indicator_id == "sanitary_latrine_rural_poor"


def test_a_page_headline_s_year_phrase_dates_the_targets_below(vocab: Vocabulary) -> None:
    text = ("Các chỉ tiêu chủ yếu đến năm 2025\n\nThứ Năm, 15-10-2020, 21:49\n\n"
            "Về văn hóa - xã hội: (9) Số giường bệnh/vạn dân đạt từ 30 đến 35 giường; Số bác "
            "sĩ/vạn dân: 15 bác sĩ; Duy trì 100% xã, phường đạt chuẩn quốc gia về y tế.")
    found = observations(vocab, text, period_start=2021, period_end=2025, title="")
    assert [(o.indicator_id, o.kind, o.year, o.comparator, o.value, o.value_high)
            for o in found] == [
        ("hospital_beds_per_10k", "target", 2025, "range", 30.0, 35.0),
        ("doctors_per_10k", "target", 2025, "=", 15.0, None),
        ("communes_meeting_health_criteria", "target", 2025, "=", 100.0, None)]
    # a bare year in a headline ("Dân số Bình Dương 2016") dates nothing
    bare = observations(vocab, "Dân số Bình Dương 2016\n\nTỷ lệ nam giới chiếm 48,27%, với "
                               "tỷ số giới tính khi sinh 108,5 bé trai/100 bé gái.",
                        period_start=2011, period_end=2016, title="")
    assert [(o.value, o.year) for o in bare] == [(108.5, None)]


def test_a_negated_name_names_nothing(vocab: Vocabulary) -> None:
    found = read_text(vocab, "Chỉ còn 2% số xã, phường của tỉnh chưa đạt chuẩn quốc gia về y "
                             "tế.", period_start=2017, period_end=2017, title="Báo")
    assert found.observations == []
    assert [s.is_mapped for s in found.statements] == [False]


def test_part_of_a_year_and_an_expected_value_go_on_with_the_indicator(
        vocab: Vocabulary) -> None:
    found = observations(vocab, "Tỷ lệ sàng lọc trước sinh đạt 67% vào năm 2014. Chỉ tính riêng "
                                "5 tháng đầu năm 2015, tỷ lệ này đã đạt 33,3%, dự kiến cuối năm "
                                "2015 đạt 70%.", period_start=2015, period_end=2015,
                         title="Báo")
    assert [(o.indicator_id, o.kind, o.year, o.value) for o in found] == [
        ("prenatal_screening", "actual", 2014, 67.0),
        ("prenatal_screening", "actual", 2015, 33.3),
        ("prenatal_screening", "target", 2015, 70.0)]


def test_the_highest_in_the_country_is_the_province_s_value(vocab: Vocabulary) -> None:
    o = only(vocab, "Hà Tĩnh là một trong 21 tỉnh có tỷ số giới tính khi sinh cao nhất cả nước "
                    "với tỷ lệ 115,54 bé trai/100 bé gái.", period_start=2021, period_end=2021,
             title="")
    assert (o.indicator_id, o.value) == ("sex_ratio_at_birth", 115.54)


def test_a_share_since_a_start_year_is_not_that_year_s(vocab: Vocabulary) -> None:
    # "Từ năm 2010 đến nay, … 6,19%": what has built up since 2010 holds now, not in 2010
    o = only(vocab, "Từ năm 2010 đến nay, tỷ lệ sàng lọc sơ sinh chỉ đạt 6,19%.",
             period_start=2016, period_end=2016, title="")
    assert (o.indicator_id, o.value) == ("newborn_screening", 6.19)
    assert o.year != 2010


def test_a_value_said_of_one_sex_is_that_sex_s_indicator(vocab: Vocabulary) -> None:
    found = observations(vocab, "Tuổi thọ trung bình của dân số tỉnh năm 2022 là 74,4 năm; nam "
                                "giới có tuổi thọ trung bình là 71,9 năm, nữ giới là 77,0 năm.",
                         period_start=2022, period_end=2022, title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("life_expectancy", 74.4), ("life_expectancy_male", 71.9),
        ("life_expectancy_female", 77.0)]


def test_a_count_noun_s_own_per_n_unit_comes_before_the_unit_carried(
        vocab: Vocabulary) -> None:
    # "đạt 90%; đạt 29,1 giường bệnh/10.000 dân": the 29,1 is a rate of beds, not a percent
    found = observations(vocab, "Năm 2019, phấn đấu tỷ lệ dân số tham gia bảo hiểm y tế đạt 90%; "
                                "đạt 29,1 giường bệnh/10.000 dân; có 7,5 bác sĩ/10.000 dân.",
                         period_start=2019, period_end=2019, title="Báo")
    assert [(o.indicator_id, o.value, o.unit) for o in found] == [
        ("health_insurance_coverage", 90.0, "percent"),
        ("hospital_beds_per_10k", 29.1, "per_10000"),
        ("doctors_per_10k", 7.5, "per_10000")]


def test_a_margin_over_the_plan_and_a_term_of_office(vocab: Vocabulary) -> None:
    # "(vượt 1,7)" is by how much the term's target was passed; "nhiệm kỳ 2015-2020" dates
    # the term's results by its end, and passing the targets sets none
    text = ("LSO-Ngày 29/5/2020, Đảng bộ Sở Y tế tỉnh Lạng Sơn tổ chức Đại hội đại biểu nhiệm kỳ "
            "2020-2025.\n\nTheo báo cáo, trong nhiệm kỳ 2015-2020, Đảng bộ Sở Y tế đã hoàn thành "
            "và hoàn thành vượt mức các chỉ tiêu nghị quyết với nhiều kết quả nổi bật như: số "
            "giường bệnh trên một vạn dân đạt 30,7 giường (vượt 1,7); số bác sĩ trên một vạn "
            "dân đạt 10,8 (vượt 0,8).")
    found = observations(vocab, text, period_start=2015, period_end=2020, title="Báo")
    assert [(o.indicator_id, o.kind, o.year, o.value) for o in found] == [
        ("hospital_beds_per_10k", "actual", 2020, 30.7),
        ("doctors_per_10k", "actual", 2020, 10.8)]


def test_a_present_word_naming_a_date_dates_the_value(vocab: Vocabulary) -> None:
    o = only(vocab, " date 2022-04 Chiều 19/4, Ban Chỉ đạo họp.\n\nBáo cáo cho biết, tính đến "
                    "ngày 31/12/2021, BHYT 1.017.308 người, đạt tỷ lệ bao phủ 86,5% dân số.",
             period_start=2021, period_end=2022, title="Báo")
    assert (o.indicator_id, o.kind, o.year, o.year_basis) == (
        "health_insurance_coverage", "actual", 2021, "the date 'tính đến' names")


def test_a_national_marker_leads_its_list_of_years(vocab: Vocabulary) -> None:
    found = read_text(vocab, "Được biết, tỷ lệ bao phủ bảo hiểm y tế toàn quốc năm 2022 là "
                             "92,6%, năm 2023 là 93,2%, năm 2024 là 94,1%. Năm 2022, tỷ lệ "
                             "bao phủ bảo hiểm y tế của tỉnh phấn đấu đạt 94,5%.",
                      period_start=2022, period_end=2025, title="Báo")
    assert [(o.year, o.value) for o in found.observations] == [(2022, 94.5)]


def test_a_national_list_of_years_may_join_its_last_value_with_and(vocab: Vocabulary) -> None:
    found = read_text(vocab, "Accordingly, the nationwide health insurance coverage targets are "
                             "set at 92.6% in 2022, 93.2% in 2023, 94.1% in 2024, and 95.15% in "
                             "2025.", period_start=2022, period_end=2025, title="Hanoi")
    assert found.observations == []


def test_a_sentence_on_a_period_just_past_takes_no_earlier_year(vocab: Vocabulary) -> None:
    # the congress's "nhiệm kỳ 2020-2025" is the term to come, not the one "Nhiệm kỳ qua" tells
    o = only(vocab, "Đại hội đại biểu Đảng bộ Sở Y tế lần thứ XXI, nhiệm kỳ 2020-2025\n\n"
                    "Nhiệm kỳ qua, Đảng bộ Sở Y tế đã lãnh đạo tốt các nhiệm vụ được giao. "
                    "Qua khảo sát sự hài lòng của người bệnh tại các bệnh viện đều đạt trên 80%.",
             period_start=2015, period_end=2020, title="Báo")
    assert (o.indicator_id, o.year) == ("patient_satisfaction", None)


def test_covid_19_doses_by_the_age_group_a_sentence_opens_with(vocab: Vocabulary) -> None:
    text = ("Tiêm vắc xin phòng COVID-19: nhóm tuổi từ 5 đến 11 tuổi: tiêm mũi 1 đạt 102,4%, mũi "
            "2 đạt 99,2%. Nhóm tuổi từ 12 đến 17 tuổi: tiêm mũi 1 đạt 100%, mũi 2 đạt 99,7%, mũi "
            "3 đạt 79,9%. Nhóm tuổi từ 18 tuổi trở lên: tiêm mũi 1 đạt 99,4%; mũi 3 đạt 75,4%.")
    found = observations(vocab, text, period_start=2023, period_end=2023, title="Báo")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("covid19_vaccine_dose1_age5_11", 102.4), ("covid19_vaccine_dose2_age5_11", 99.2),
        ("covid19_vaccine_dose1_age12_17", 100.0), ("covid19_vaccine_dose2_age12_17", 99.7),
        ("covid19_vaccine_booster1_age12_17", 79.9), ("covid19_vaccine_dose1", 99.4),
        ("covid19_vaccine_booster1", 75.4)]
    # the group may stand in the words the number leads
    o = only(vocab, "Vĩnh Long có hơn 16.800 trẻ em được tiêm vắc xin ngừa COVID-19, đạt trên "
                    "15,7 % trẻ từ 5 – dưới 12 tuổi trong tỉnh.", period_start=2022,
             period_end=2022, title="")
    assert (o.indicator_id, o.comparator, o.value) == ("covid19_vaccine_dose1_age5_11", ">",
                                                       15.7)


def test_a_dose_is_covid_19_s_only_in_a_document_about_it(vocab: Vocabulary) -> None:
    found = observations(vocab, "Tiêm vắc xin sởi - rubella: mũi 2 đạt 95%.",
                         period_start=2023, period_end=2023, title="Tiêm chủng mở rộng")
    assert [o.indicator_id for o in found] == ["measles_rubella_vaccination"]


def test_values_of_some_localities_are_not_the_province_s(vocab: Vocabulary) -> None:
    found = observations(vocab, "Tiêm phòng COVID-19: người trên 18 tuổi đã tiêm đủ 2 mũi đạt "
                                "tỷ lệ 96,55%. Có 2 địa phương có tỷ lệ tiêm mũi 2 đạt dưới 80% là "
                                "Đức Cơ (78,76%) và Ia Pa (70,68%). Một số địa phương chỉ đạt từ "
                                "55 đến 60%.", period_start=2022, period_end=2022, title="")
    assert [(o.indicator_id, o.value) for o in found] == [("covid19_vaccine_dose2", 96.55)]


def test_each_respectively_word_takes_the_names_before_it(vocab: Vocabulary) -> None:
    found = observations(vocab, "Tỷ lệ suy dinh dưỡng nhẹ cân, thấp còi và gầy còm lần lượt là "
                                "1,9%, 3,8% và 0,9%. Trẻ sinh nhẹ cân chiếm 3,97%; tỷ lệ suy dinh "
                                "dưỡng thấp còi và gầy còm lần lượt là 3,3% và 2,9%.",
                         period_start=2024, period_end=2024, title="Báo")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("underweight_under5", 1.9), ("stunting_under5", 3.8), ("wasting_under5", 0.9),
        ("low_birth_weight", 3.97), ("stunting_under5", 3.3), ("wasting_under5", 2.9)]


def test_each_item_of_a_list_told_in_turn_takes_its_own_name_or_none(
        vocab: Vocabulary) -> None:
    # a subgroup item takes the name before it in that subgroup
    found = observations(vocab, "Năm 2023, tuổi thọ trung bình của nam và nữ lần lượt là 71,2 "
                                "năm và 76,5 năm.", period_start=2023, period_end=2023, title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("life_expectancy_male", 71.2), ("life_expectancy_female", 76.5)]
    # an indicator with no figure for the subgroup: its men's and women's values are not it
    found = observations(vocab, "Năm 2023, tỷ lệ mắc tật khúc xạ ở học sinh là 54%, với tỷ lệ ở "
                                "nam và nữ lần lượt là 55% và 53%.",
                         period_start=2023, period_end=2023, title="")
    assert [(o.indicator_id, o.value) for o in found] == [("refractive_error_pupils", 54.0)]
    # an item we cannot name never takes the other item's name
    found = observations(vocab, "Năm 2023, tỷ lệ học sinh bị sâu răng và viêm lợi lần lượt là "
                                "55% và 54%.", period_start=2023, period_end=2023, title="")
    assert [(o.indicator_id, o.value) for o in found] == [("dental_caries_pupils", 55.0)]
    # "sâu răng", "cận thị" alone name the pupils' indicators (real_dev112)
    found = observations(vocab, "Năm 2023, tỷ lệ sâu răng và cận thị lần lượt là 55% và 54%.",
                         period_start=2023, period_end=2023, title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("dental_caries_pupils", 55.0), ("refractive_error_pupils", 54.0)]
    # an item naming only what sets it apart still borrows the first item's head
    found = observations(vocab, "Năm 2024, tỷ suất tử vong trẻ em dưới 5 tuổi và dưới 1 tuổi lần "
                                "lượt là 15,6‰ và 10,4‰.", period_start=2024, period_end=2024,
                         title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("under5_mortality", 15.6), ("infant_mortality", 10.4)]


def test_a_year_after_a_value_and_a_joining_word_is_the_value_s(vocab: Vocabulary) -> None:
    found = observations(vocab, "In 2009, the proportion of elderly people in the province "
                                "accounted for 11.5%, increased to 15.5% in 2019 and was 16.8% by "
                                "the end of 2023.", period_start=2009, period_end=2023,
                         title="Báo")
    assert [(o.value, o.year) for o in found] == [(11.5, 2009), (15.5, 2019), (16.8, 2023)]


def test_a_value_compared_with_shares_no_year(vocab: Vocabulary) -> None:
    found = observations(vocab, "The province's total fertility rate (TFR) reached 1.92 children "
                                "per woman, a slight increase compared to 1.89 in 2023.",
                         period_start=2023, period_end=2024, title="Báo")
    assert [(o.value, o.year) for o in found] == [(1.92, None), (1.89, 2023)]


def test_an_elided_item_goes_on_about_the_subgroup_before_it(vocab: Vocabulary) -> None:
    found = observations(vocab, "Tiêm vắc xin COVID-19: tổng số mũi tiêm mũi 1 cho trẻ từ 5 - 11 "
                                "tuổi đạt 80,6%, mũi 2 đạt 59,7%.", period_start=2022,
                         period_end=2022, title="Tiêm vắc xin phòng COVID-19")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("covid19_vaccine_dose1_age5_11", 80.6), ("covid19_vaccine_dose2_age5_11", 59.7)]
    # an item naming its own subject after its number does not
    found = observations(vocab, "The ratio of rural people accessing clean water reached 91.5 "
                                "percent, while 85.6 percent of poor households enjoyed clean "
                                "water.", period_start=2018, period_end=2018, title="news")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("clean_water_rural", 91.5), ("clean_water_poor_households", 85.6)]


def test_english_change_range_and_children(vocab: Vocabulary) -> None:
    found = observations(vocab, "Ho Chi Minh City's total fertility rate (TFR) dropped from 1.76 "
                                "children in 2000 to 1.33 children in 2018.",
                         period_start=2018, period_end=2018, title="news")
    assert [(o.value, o.year, o.kind) for o in found] == [(1.76, 2000, "baseline"),
                                                          (1.33, 2018, "actual")]
    o = only(vocab, "Annual population growth rate is between 1.1 and 1.3%.",
             period_start=2017, period_end=2017, title="news")
    assert (o.comparator, o.value, o.value_high) == ("range", 1.1, 1.3)


def test_a_norm_compared_with_is_not_the_province_s_value(vocab: Vocabulary) -> None:
    found = observations(vocab, "Năm 2023, tổng tỷ suất sinh của tỉnh là 1,8 con, thấp hơn mức "
                                "sinh thay thế 2,1 con.", period_start=2023, period_end=2023,
                         title="Báo")
    assert [o.value for o in found] == [1.8]
    # a norm reached is the province's own value
    o = only(vocab, "TP Hải Phòng đã sớm đạt mức sinh thay thế 2,09 con/phụ nữ từ năm 2004.",
             period_start=2021, period_end=2021, title="Báo", province_id="hai_phong")
    assert (o.indicator_id, o.value, o.year) == ("total_fertility_rate", 2.09, 2004)


def test_a_name_set_apart_by_a_comma_leads_the_next_number(vocab: Vocabulary) -> None:
    found = observations(vocab, "While the prenatal screening rate reached 76 percent of the "
                                "pregnant women, the newborn screening rate rose to 84.1 "
                                "percent.", period_start=2018, period_end=2018, title="news")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("prenatal_screening", 76.0), ("newborn_screening", 84.1)]


def test_the_values_of_a_list_share_the_verb_before_it(vocab: Vocabulary) -> None:
    found = observations(vocab, "Năm 2023, tuổi thọ trung bình của nam và nữ lần lượt là 71,2 "
                                "năm và 76,5 năm.", period_start=2023, period_end=2023,
                         title="")  # a page telling of the year, no plan
    assert [(o.indicator_id, o.kind) for o in found] == [
        ("life_expectancy_male", "actual"), ("life_expectancy_female", "actual")]


def test_places_counted_before_a_bound_are_picked_by_it(vocab: Vocabulary) -> None:
    found = observations(vocab, "Năm 2025, cả nước có 11 tỉnh dưới 2,0 con/phụ nữ, 19 tỉnh trên "
                                "2,2 con/phụ nữ. Sau sáp nhập, có 10/34 tỉnh, thành phố có mức "
                                "sinh trên 2,3 con/phụ nữ.", period_start=2025, period_end=2025,
                         title="Báo")
    assert found == []
    # a count of provinces merged is no such pick
    o = only(vocab, "Sau khi hợp nhất 2 tỉnh, tỷ lệ bao phủ BHYT năm 2025 đạt 93%.",
             period_start=2025, period_end=2025, title="Báo")
    assert (o.indicator_id, o.value) == ("health_insurance_coverage", 93.0)
    # real_dev146: English verbs after the places counted
    found = observations(vocab, "In the 34 provinces and cities after the merger, 10 localities "
                                "recorded a fertility rate of over 2.3 children per woman. 21 out "
                                "of 34 provinces and cities achieved a fertility rate of over 2.1 "
                                "children per woman, with 17 provinces having a rate above 2.2.",
                         province_id="ha_noi", period_start=2025, period_end=2025, title="")
    assert found == []



def test_hiv_prevalence_of_a_key_population_is_its_own_indicator(vocab: Vocabulary) -> None:
    # real_dev116, real_dev140: the sentinel rates of drug users and sex workers were read as
    # the population's prevalence (and quarantined as implausible, 19.3 > 5)
    found = observations(vocab, "Tỷ lệ nhiễm HIV trong nhóm PNMD giảm từ 4,4% (2010) còn 2,6% "
                                "(2011). The efforts helped reduce the rate of HIV infection in "
                                "drug users from 19.3 percent in 2007 to only 8 percent in 2013.",
                         province_id="bac_giang", period_start=2013, period_end=2013, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("hiv_prevalence_fsw", 2010, 4.4), ("hiv_prevalence_fsw", 2011, 2.6),
        ("hiv_prevalence_pwid", 2007, 19.3), ("hiv_prevalence_pwid", 2013, 8.0)]


def test_a_study_named_with_its_year_dates_the_results_it_gives(vocab: Vocabulary) -> None:
    # real_dev112: "đề tài … năm học 2023 – 2024" dates "Kết quả nghiên cứu cho thấy …" (a
    # span's last year); a date ("Received: 20/06/2024") is no study's year, and two studies of
    # different years date nothing
    text = ("HCDC nghiệm thu đề tài nghiên cứu “Thực trạng bệnh tật học đường năm học 2023 – "
            "2024”. Received: 20/06/2024.\nKết quả nghiên cứu cho thấy tỷ lệ cong vẹo cột sống "
            "là 8%.")
    o = only(vocab, text, province_id="ho_chi_minh", period_start=2023, period_end=2024,
             title="")
    assert (o.indicator_id, o.kind, o.year) == ("scoliosis_pupils", "actual", 2024)
    assert o.year_basis.startswith("the study the page reports ('đề tài nghiên cứu")
    two = "Một khảo sát năm 2019 và một nghiên cứu năm 2022 được công bố.\n" + text
    o = only(vocab, two, province_id="ho_chi_minh", period_start=2019, period_end=2024,
             title="")
    assert o.year is None


def test_a_value_after_in_comparison_with_is_what_is_compared(vocab: Vocabulary) -> None:
    # real_dev75: "(33‰ in comparison with 15‰ nationally)" gave the province the nation's 15
    found = observations(vocab, "In 2010, Dien Bien had one of the highest rates of infant "
                                "mortality (33‰ in comparison with 15‰ nationally).",
                         province_id="dien_bien", period_start=2010, period_end=2010, title="")
    assert [(o.indicator_id, o.value) for o in found] == [("infant_mortality", 33.0)]

def test_food_safety_written_vsattp(vocab: Vocabulary) -> None:
    o = only(vocab, "Trên 80% cơ sở sản xuất kinh doanh thực phẩm đạt yêu cầu đảm bảo VSATTP.",
             period_start=2015, period_end=2015, title="")
    assert (o.indicator_id, o.comparator, o.value) == ("food_facilities_compliant", ">", 80.0)


def test_a_bare_number_after_a_name_and_its_verb_takes_the_indicator_s_unit(
        vocab: Vocabulary) -> None:
    found = observations(vocab, "Thành phố đặt mục tiêu nâng tuổi thọ trung bình của người dân "
                                "lên 77 vào năm 2030.\n\nHiện, tuổi thọ trung bình tại thành "
                                "phố là 76,5.", period_start=2024, period_end=2030, title="Báo")
    assert [(o.indicator_id, o.kind, o.year, o.value, o.unit) for o in found] == [
        ("life_expectancy", "target", 2030, 77.0, "years"),
        ("life_expectancy", "actual", None, 76.5, "years")]
    # a share is always written with its sign: a bare number is none
    assert observations(vocab, "Tỷ lệ bao phủ bảo hiểm y tế là 90.", period_start=2024,
                        period_end=2024, title="") == []


def test_a_percent_typed_for_a_rate_per_n_is_read_in_the_rate_s_unit(vocab: Vocabulary) -> None:
    # 18,14% of the population born in a year is no birth rate; 18,14‰ is one
    found = observations(vocab, "Năm 2017, tỷ suất sinh giảm từ 18,14% năm 2009 xuống còn 17,4% "
                                "năm 2017; số giường bệnh trên 10.000 dân đạt 29,3%.",
                         period_start=2017, period_end=2017, title="Báo")
    assert [(o.indicator_id, o.kind, o.year, o.value, o.unit) for o in found] == [
        ("crude_birth_rate", "baseline", 2009, 18.14, "per_1000"),
        ("crude_birth_rate", "actual", 2017, 17.4, "per_1000"),
        ("hospital_beds_per_10k", "actual", 2017, 29.3, "per_10000")]
    assert "18,14%" in found[0].quote  # the value as written keeps its sign
    # a value the rate's plausible range refuses is no rate
    assert observations(vocab, "Tỷ suất sinh thô là 60%.", period_start=2017,
                        period_end=2017, title="") == []
    # after the name of what is counted alone, a "%" is a share of them: doctors with
    # post-graduate degrees are no doctors per 10,000 people
    for text in ("The rate of doctors with post-graduate degrees is expected to be 55 percent.",
                 "Tỷ lệ bác sĩ có trình độ sau đại học đạt 45%.",
                 "Số người nhiễm HIV được phát hiện chủ yếu tập trung ở nhóm tuổi lao động "
                 "(20-39 tuổi) với 63%."):
        assert observations(vocab, text, period_start=2020, period_end=2025, title="") == []
    # its per-N written between them keeps it a rate
    found = observations(vocab, "Tỷ lệ bác sĩ/10.000 dân tăng từ 6,79% năm 2017 lên 8,85% năm "
                                "2024.", period_start=2024, period_end=2024, title="Báo")
    assert [(o.indicator_id, o.value, o.unit) for o in found] == [
        ("doctors_per_10k", 6.79, "per_10000"), ("doctors_per_10k", 8.85, "per_10000")]
    # a "%" before the name it leads is a share too ("to nurse" keys as "nurses": no nurses per
    # 10,000), and a number of months is no value; a bare number before the name is still the rate
    found = observations(vocab, "The city aims to have 60 percent of mothers continue to nurse "
                                "to 24 months and longer in 2025.", period_start=2020,
                         period_end=2025, title="")
    assert [(o.indicator_id, o.value, o.unit) for o in found] == [
        ("continued_breastfeeding_24m", 60, "percent")]
    found = observations(vocab, "Ngành y tế đã hoàn thành các chỉ tiêu: đạt 61,83 giường bệnh "
                                "và 15 bác sĩ/vạn dân.", period_start=2021, period_end=2025,
                         title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("hospital_beds_per_10k", 61.83), ("doctors_per_10k", 15.0)]


def test_a_percent_sign_typed_for_per_mille_is_read_in_per_mille(vocab: Vocabulary) -> None:
    # 12,5% natural increase is out of its range, 12,5‰ in it: "%" was typed for "‰" (the
    # statistics office's unit for it); 1,3% stays a percent, and an implausible HIV
    # prevalence of 20% is no slip for a rate per 100,000: it stays quarantined
    found = observations(vocab, "Năm 2010, tỷ lệ tăng dân số tự nhiên của tỉnh là 12,5%; tỷ "
                                "lệ tăng dân số tự nhiên năm 2009 là 1,3%.", period_start=2010,
                         period_end=2010, title="")
    assert [(o.year, o.value, o.unit, o.quarantine_reason) for o in found] == [
        (2010, 12.5, "per_1000", None), (2009, 1.3, "percent", None)]
    o = only(vocab, "Năm 2010, tỷ lệ nhiễm HIV trong cộng đồng là 20%.", period_start=2010,
             period_end=2010, title="")
    assert (o.indicator_id, o.unit) == ("hiv_prevalence", "percent")
    assert o.quarantine_reason is not None


def test_hypertension_prevalence_is_broken_down_by_sex(vocab: Vocabulary) -> None:
    # a survey's prevalence and its parts for men and women ("trong đó nam giới chiếm 36,5%"),
    # each the sex's indicator; an age group's share is none of them
    found = observations(vocab, "Năm 2017, tỷ lệ hiện mắc tăng huyết áp là 29,8%, trong đó nam "
                                "giới chiếm 36,5%, nữ là 22,0%.", period_start=2017,
                         period_end=2017, title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("hypertension_prevalence_adult", 29.8), ("hypertension_prevalence_adult_male", 36.5),
        ("hypertension_prevalence_adult_female", 22.0)]
    found = observations(vocab, "Năm 2017, tỷ lệ mắc đái tháo đường là 7,2%, trong đó nam giới "
                                "là 8,1%, nữ là 6,5%.", period_start=2017, period_end=2017,
                         title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("diabetes_prevalence_adult", 7.2), ("diabetes_prevalence_adult_male", 8.1),
        ("diabetes_prevalence_adult_female", 6.5)]


def test_a_value_an_age_group_labels_is_that_group_s_part(vocab: Vocabulary) -> None:
    # "ở độ tuổi 40 - 49 (27,3%)", "25,6% ở độ tuổi từ 60 trở lên": an age group's values are
    # parts, none the whole population's; a population the indicator is defined for ("aged
    # 25 and over was …") and a catalogue age subgroup ("Nhóm tuổi từ 12 đến 17 tuổi") stay
    found = observations(vocab, "Năm 2015, tỷ lệ HBsAg (+) là 9%. Tỷ lệ HBsAg (+) cao nhất ở độ "
                                "tuổi 40 - 49 (27,3%) và thấp nhất ở độ tuổi 10 -14 (1,8%). Tỷ "
                                "lệ HBsAg (+) là 12% ở độ tuổi từ 60 trở lên.",
                         period_start=2015, period_end=2015, title="")
    assert [(o.indicator_id, o.value) for o in found] == [("hbv_prevalence", 9.0)]
    o = only(vocab, "In 2016, the prevalence of hypertension among adults aged 25 and over "
                    "was 20.5%.", period_start=2016, period_end=2016, title="")
    assert (o.indicator_id, o.value) == ("hypertension_prevalence_adult", 20.5)


def test_a_plural_anaphora_names_values_with_units_in_turn(vocab: Vocabulary) -> None:
    # "The figures …": the values of units take, in turn, the names of the sentence before
    # that fit their unit, as bare numbers do
    found = observations(vocab, "The city has set goals to reduce the ratio of stunting among "
                                "children under five years old to 11.8 percent in 2025, and the "
                                "ratio of underweight among the group to 7.3 percent. The "
                                "figures are hoped to fall to 11.3 percent and 6.8 percent, "
                                "respectively, in 2030.", period_start=2019, period_end=2030,
                         title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("stunting_under5", 2025, 11.8), ("underweight_under5", 2025, 7.3),
        ("stunting_under5", 2030, 11.3), ("underweight_under5", 2030, 6.8)]
    # in English, the first hour after birth names early breastfeeding
    o = only(vocab, "The capital will strive to have 80 percent of mothers breastfeed their "
                    "child in the first hour after birth in 2025.", period_start=2019,
             period_end=2030, title="")
    assert (o.indicator_id, o.year, o.value) == ("early_breastfeeding", 2025, 80.0)


def test_indicators_added_for_school_health_ageing_stations_and_latrines(vocab: Vocabulary
                                                                          ) -> None:
    # school-health survey conditions, the 60+ share, communes with a station, whole-province
    # latrines; a household share naming no subgroup still names no indicator
    cases = {
        "tỷ lệ học sinh mắc tật khúc xạ là 54%; tỷ lệ học sinh bị sâu răng là 55%; tỷ lệ học "
        "sinh bị cong vẹo cột sống là 8%": ["refractive_error_pupils", "dental_caries_pupils",
                                           "scoliosis_pupils"],
        "dân số từ 60 tuổi trở lên chiếm 17,3% tổng dân số": ["population_60plus_share"],
        "100% xã, phường, thị trấn có trạm y tế": ["communes_with_health_station"],
        "tỷ lệ hộ gia đình toàn tỉnh có nhà tiêu hợp vệ sinh đạt 88,5%": [
            "sanitary_latrine_households"],
        "tỷ lệ hộ gia đình có nhà tiêu hợp vệ sinh đạt 88,5%": [],
        "86,5% cư dân nông thôn đã có nước sạch": ["clean_water_rural"],
    }
    for text, expected in cases.items():
        found = observations(vocab, f"Năm 2018, {text}.", period_start=2018, period_end=2018,
                             title="")
        assert [o.indicator_id for o in found] == expected, text


def test_an_age_label_between_a_share_and_its_name(vocab: Vocabulary) -> None:
    # "95% người từ 18 tuổi trở lên được tiêm mũi 2": the age band is the subject's label, no
    # number between the share and the name it leads (Điện Biên's vaccination plan)
    text = ("Năm 2022, 95% trẻ em từ 12 đến dưới 18 tuổi trên địa bàn tỉnh được tiêm đầy đủ 02 "
            "mũi vắc xin phòng Covid-19; 95% người từ 18 tuổi trở lên được tiêm mũi 2 vắc xin "
            "phòng Covid-19.")
    found = observations(vocab, text, period_start=2022, period_end=2022, title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("covid19_vaccine_dose2_age12_17", 95.0), ("covid19_vaccine_dose2", 95.0)]


def test_list_items_with_their_own_predicate_borrow_nothing(vocab: Vocabulary) -> None:
    # "78% gia đình chăn nuôi có chuồng trại hợp vệ sinh, trong đó, 52% hộ …; 100% … trạm y tế
    # được cấp nước …": an item that says what it is a share of is no school's or station's
    # (Sơn La's water and sanitation targets)
    text = ("Đến năm 2020, toàn tỉnh phấn đấu: 90% hộ gia đình nông thôn sử dụng hố tiêu hợp vệ "
            "sinh; 78% gia đình chăn nuôi có chuồng trại hợp vệ sinh, trong đó, 52% hộ có xử lý "
            "chất thải bằng hầm khí bioga; 100% các nhà trẻ, mẫu giáo và trường học phổ thông, "
            "trạm y tế được cấp nước và nhà tiêu đạt tiêu chuẩn hợp vệ sinh.")
    found = observations(vocab, text, period_start=2018, period_end=2020, title="")
    assert [o.value for o in found if o.value in (78.0, 52.0)] == []
    assert ("sanitary_latrine_rural", 90.0) in [(o.indicator_id, o.value) for o in found]


def test_one_share_of_several_groups_is_each_groups(vocab: Vocabulary) -> None:
    # "100% trường học, trạm y tế có nhà tiêu hợp vệ sinh": the stations are named among the
    # subjects, so the share is theirs too, not an activity of schools (Kon Tum's 2030 plan)
    text = ("Mục tiêu đến năm 2030, 100% trường học, trạm y tế có nhà tiêu hợp vệ sinh đảm bảo "
            "tiêu chuẩn, quy chuẩn.")
    o = only(vocab, text, period_start=2021, period_end=2030, title="")
    assert (o.indicator_id, o.year, o.value) == ("health_stations_hygienic_latrine", 2030, 100.0)


def test_a_year_in_brackets_and_a_now_right_after_its_year(vocab: Vocabulary) -> None:
    # "giảm từ 7,95‰ (2020) xuống 6‰ (2025)": a year alone in brackets is the value's own
    o = observations(vocab, "Trong nhiệm kỳ 2020-2025, tỉ suất tử vong trẻ dưới 1 tuổi giảm từ "
                            "7,95‰ (2020) xuống 6‰ (2025).", period_start=2020, period_end=2025,
                     title="")
    assert [(x.kind, x.year, x.value) for x in o] == [("baseline", 2020, 7.95),
                                                      ("actual", 2025, 6.0)]
    # "Năm 2018, tính đến ngày 31/5, …": the as-of date is of the year right before it
    o = only(vocab, "Năm 2018, tính đến ngày 31/5, trên địa bàn tỉnh có gần 471.500 người tham "
                    "gia BHYT, tỷ lệ bao phủ BHYT đạt 88,46%.", period_start=2018,
             period_end=2018, title="")
    assert (o.year, o.value) == (2018, 88.46)


def test_a_subsidised_share_of_a_cost_is_no_coverage(vocab: Vocabulary) -> None:
    # "được hỗ trợ 100% mua thẻ BHYT", "hỗ trợ 50% mức đóng BHYT": shares of the premium the
    # budget pays, not the share of people insured (Ninh Bình's insurance page, real_dev7)
    text = ("Năm 2016, ngoài những hộ nghèo, đồng bào dân tộc thiểu số được hỗ trợ 100% mua thẻ "
            "BHYT, các hộ gia đình làm nông nghiệp cũng được hỗ trợ 50% mức đóng BHYT; tỷ lệ "
            "bao phủ BHYT đạt 78,5%.")
    o = only(vocab, text, period_start=2016, period_end=2016, title="")
    assert (o.indicator_id, o.value) == ("health_insurance_coverage", 78.5)


def test_child_injury_targets_and_changes_by_a_range(vocab: Vocabulary) -> None:
    # the national child-injury programme's targets as a province restates them (Quảng Nam's
    # plan, real_dev41): rates per 100,000 children, a yearly fall by a range (-10 to -5), and
    # a fall whose second value goes on after "và"
    text = ("Theo kế hoạch, Quảng Nam phấn đấu đến năm 2025 giảm tỷ suất trẻ em bị tai nạn, "
            "thương tích xuống 150/100.000 trẻ em. Giảm tỷ suất trẻ em bị tử vong do tai nạn, "
            "thương tích xuống còn 13/100.000 trẻ em vào năm 2025. Hằng năm giảm 5 - 10% số trẻ "
            "em bị tử vong và bị thương do tai nạn giao thông; giảm 10% số trẻ em tử vong do "
            "đuối nước năm 2025 và 20% vào năm 2030.")
    found = observations(vocab, text, period_start=2021, period_end=2030, title="")
    assert [(o.indicator_id, o.year, o.comparator, o.value, o.value_high) for o in found] == [
        ("child_injury_per_100k", 2025, "=", 150.0, None),
        ("child_injury_mortality_per_100k", 2025, "=", 13.0, None),
        ("child_road_casualties_change", 2025, "range", -10.0, -5.0),
        ("child_drowning_deaths_change", 2025, "relative", -10.0, None),
        ("child_drowning_deaths_change", 2030, "relative", -20.0, None)]


def test_a_start_value_after_a_compared_year_is_no_change(vocab: Vocabulary) -> None:
    # "giảm … 0,3‰ so với năm 2022 (từ 16,1‰ xuống còn 15,8‰)": the change, its start and end
    text = ("Năm 2023, tỉnh phấn đấu giảm tỷ suất sinh thô 0,3‰ so với năm 2022 (từ 16,1‰ xuống "
            "còn 15,8‰).")
    found = observations(vocab, text, period_start=2023, period_end=2023, title="")
    assert [(o.kind, o.comparator, o.value) for o in found] == [
        ("target", "relative", -0.3), ("baseline", "=", 16.1), ("target", "=", 15.8)]


YEARBOOK_BY_RESIDENCE = """(Tiếp theo) Tỷ suất sinh thô, tỷ suất chết thô và tỷ lệ tăng
tự nhiên của dân số phân theo thành thị, nông thôn
(Cont.) Crude birth rate, crude death rate and natural increase
                                     Đơn vị tính - Unit: ‰

              Tỷ suất sinh thô   Tỷ suất chết thô   Tỷ lệ tăng tự nhiên
              Crude birth rate   Crude death rate   Natural increase rate

Thành thị - Urban
     2019         16,1             6,3                  9,8
     2020         15,9             7,2                  8,7
Sơ bộ - Prel. 2021        16,1             7,4                  8,7"""


def test_a_yearbook_block_of_a_residence_is_read_as_that_part(vocab: Vocabulary) -> None:
    # years down the rows under "Thành thị - Urban" (Bình Định's yearbook, real_dev45): the
    # urban rates, never the province's; a part with no indicator of its own is not read
    found = observations(vocab, YEARBOOK_BY_RESIDENCE, period_start=2019, period_end=2021,
                         title="")
    assert {(o.indicator_id, o.year, o.value) for o in found} >= {
        ("crude_birth_rate_urban", 2019, 16.1), ("crude_death_rate_urban", 2021, 7.4),
        ("natural_population_growth_urban", 2020, 8.7)}
    assert all(o.indicator_id.endswith("_urban") for o in found)
    male = YEARBOOK_BY_RESIDENCE.replace("Thành thị - Urban", "Nam - Male")
    assert observations(vocab, male, period_start=2019, period_end=2021, title="") == []
    # column labels in single spaces are split where each capitalised name begins (the rural
    # page of the same yearbook, real_dev45) ...
    single = YEARBOOK_BY_RESIDENCE.replace(
        "              Tỷ suất sinh thô   Tỷ suất chết thô   Tỷ lệ tăng tự nhiên",
        "Tỷ suất sinh thô Tỷ suất chết thô Tỷ lệ tăng tự nhiên")
    assert {(o.indicator_id, o.year, o.value) for o in observations(
        vocab, single, period_start=2019, period_end=2021, title="")} == {
        (f"{name}_urban", year, value) for name, values in (
            ("crude_birth_rate", (16.1, 15.9, 16.1)), ("crude_death_rate", (6.3, 7.2, 7.4)),
            ("natural_population_growth", (9.8, 8.7, 8.7)))
        for year, value in zip((2019, 2020, 2021), values, strict=True)}
    # ... but when the capitals do not give one name per column, the numbers stay unread
    # rather than go to the wrong names
    two = single.replace("Tỷ lệ tăng tự nhiên", "tỷ lệ tăng tự nhiên")
    assert observations(vocab, two, period_start=2019, period_end=2021, title="") == []


def test_an_undated_result_is_the_reviewed_years(vocab: Vocabulary) -> None:
    # "phê duyệt kết quả thực hiện Bộ Chỉ số … năm 2021" opens the page: its undated results
    # are 2021's (Lào Cai's rural water index, real_dev42)
    text = ("UBND tỉnh Lào Cai vừa phê duyệt kết quả thực hiện Bộ Chỉ số theo dõi, đánh giá nước "
            "sạch nông thôn trên địa bàn tỉnh năm 2021.\n\n"
            "Chỉ số 3: Tỷ lệ hộ nghèo sử dụng nước hợp vệ sinh đạt 91,9%.")
    o = only(vocab, text, period_start=2020, period_end=2021, title="")
    assert (o.indicator_id, o.kind, o.year, o.value) == (
        "hygienic_water_rural_poor", "actual", 2021, 91.9)
    assert o.year_basis.startswith("the year the document reviews")


# --- English pages: the same roles, English words (data/catalog/vocabulary.yaml) -------------

def test_an_english_yearbook_sentence_reads_as_its_vietnamese_would(vocab: Vocabulary) -> None:
    o = only(vocab, "The total fertility rate in 2021 reached 2.19 children per woman.")
    assert (o.indicator_id, o.year, o.value) == ("total_fertility_rate", 2021, 2.19)


def test_an_estimated_outturn_for_the_year_goes_on_with_the_indicator(vocab: Vocabulary
                                                                        ) -> None:
    text = ("Theo thống kê của Chi cục DS-KHHGĐ Hà Nội, ước tính 9 tháng đầu năm 2023, tỷ lệ "
            "người cao tuổi trên địa bàn thành phố được khám sức khỏe định kỳ đạt 79,25%; ước "
            "thực hiện cả năm 2023 đạt 87%, phấn đấu hoàn thành chỉ tiêu được giao.")
    found = observations(vocab, text, province_id="ha_noi", period_start=2023,
                         period_end=2023, title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("elderly_health_checks", 79.25), ("elderly_health_checks", 87.0)]


def test_words_that_only_place_a_name_do_not_break_it(vocab: Vocabulary) -> None:
    # vocabulary name_qualifiers
    o = only(vocab, "Tuy vậy, để thực hiện mục tiêu 100% học sinh, sinh viên trên địa bàn tỉnh "
                    "tham gia bảo hiểm y tế thì vẫn còn nhiều khó khăn.", province_id="gia_lai",
             period_start=2023, period_end=2025, title="")
    assert (o.indicator_id, o.value) == ("health_insurance_coverage_students", 100.0)


def test_the_city_named_tp_hcm_is_the_city_not_one_of_its_towns(vocab: Vocabulary) -> None:
    found = observations(vocab, "Tổng tỉ suất sinh năm 2021 của TP HCM là 1,48 con/phụ nữ, con "
                                "số này năm 2017 là 1,35 con/phụ nữ.", province_id="ho_chi_minh",
                         period_start=2017, period_end=2021, title="")
    assert [(o.year, o.value) for o in found] == [(2021, 1.48), (2017, 1.35)]


def test_english_units_per_woman_and_boys_born_for_every_100_girls(vocab: Vocabulary) -> None:
    text = ("HCM City’s birth rate has remained low at 1.5 per woman in 2018. In 2018, it is "
            "estimated to have hit 105.3 boys born for every 100 girls in the city.")
    found = observations(vocab, text, province_id="ho_chi_minh", period_start=2018,
                         period_end=2019, title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("total_fertility_rate", 1.5), ("sex_ratio_at_birth", 105.3)]


def test_an_english_year_after_for_dates_what_follows(vocab: Vocabulary) -> None:
    text = ("According to the municipal Department of Health, the city achieved the population "
            "and family planning targets set for 2018, including the birth rate reduced by 0.17 "
            "per mille from the previous year to 15.13 per mille.")
    found = observations(vocab, text, period_start=2018, period_end=2019, title="")
    assert [(o.year, o.value) for o in found if o.value == 15.13] == [(2018, 15.13)]


def test_english_words_for_doctors_per_every_10000_and_a_rate_of(vocab: Vocabulary) -> None:
    text = ("Under the initiative, the city aims to achieve a healthcare workforce density of 23 "
            "physicians and 40 nurses per 10,000 residents by 2030. Key objectives include "
            "providing 42 hospital beds for every 10,000 individuals and maintaining a total "
            "fertility rate of 1.6.")
    found = observations(vocab, text, period_start=2024, period_end=2030, title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("doctors_per_10k", 23.0), ("nurses_per_10k", 40.0), ("hospital_beds_per_10k", 42.0),
        ("total_fertility_rate", 1.6)]


def test_an_english_target_by_a_year(vocab: Vocabulary) -> None:
    # "targets … by 2025": the year of a target; "health insurance coverage rate" its name
    o = only(vocab, "The province targets to raise its health insurance coverage rate to 96 "
                    "percent by 2025.")
    assert (o.indicator_id, o.kind, o.year, o.value) == (
        "health_insurance_coverage", "target", 2025, 96.0)


def test_national_alone_is_not_the_country(vocab: Vocabulary) -> None:
    # "reached national health standard" is the province's communes' standard, not the nation's
    o = only(vocab, "In 2021, proportion of communes reached national health standard came in "
                    "at 99.20%.")
    assert (o.indicator_id, o.year, o.value) == ("communes_meeting_health_criteria", 2021, 99.2)


# --- stop 25: a far year, scale words, a group that is the indicator's own -------------------

def test_a_year_far_from_the_next_number_closes_the_one_before(vocab: Vocabulary) -> None:
    # "vào năm 2030" ends the 35's phrase; the next number stands many words on: it does not
    # open that number (real_dev65)
    found = observations(
        vocab, "Để đạt được chỉ tiêu trên 35 giường bệnh trên 10.000 dân vào năm 2030 thì dự "
               "kiến số giường bệnh cần tăng thêm so với hiện tại là 5.768 giường.",
        period_start=2026, period_end=2030, title="")
    assert [(o.indicator_id, o.year, o.comparator, o.value) for o in found
            if o.quarantine_reason is None] == [("hospital_beds_per_10k", 2030, ">", 35.0)]


def test_a_year_right_before_the_next_number_opens_it(vocab: Vocabulary) -> None:
    years = {o.value: o.year for o in observations(
        vocab, "Tổng tỷ suất sinh hiện là 2,24 con/phụ nữ (đến năm 2030: 2,1 con/phụ nữ).",
        period_start=2026, period_end=2030)}
    assert years[2.1] == 2030 and years[2.24] != 2030


def test_a_number_before_a_scale_word_is_a_count(vocab: Vocabulary) -> None:
    # "hơn 14 triệu dân": a population, not beds per 10,000 carried from the value before
    found = observations(
        vocab, "Thành phố đạt 35 giường bệnh trên 10.000 dân (do dân số tăng từ hơn 14 triệu "
               "dân năm 2025 lên hơn 15 triệu dân vào năm 2030).", period_start=2025,
        period_end=2025, title="")
    assert [o.value for o in found] == [35.0]


def test_patients_named_before_an_indicator_of_patients_are_its_own(vocab: Vocabulary) -> None:
    o = only(vocab, "Năm 2019, tỉ lệ bệnh nhân lao phổi (+) mới điều trị khỏi chiếm 90%.",
             period_start=2019, period_end=2019, title="")
    assert (o.indicator_id, o.year, o.value) == ("tb_treatment_success", 2019, 90.0)


def test_a_paragraph_opening_with_nevertheless_goes_on_in_the_years_told_before(
        vocab: Vocabulary) -> None:
    # real_dev65: the review's period stands in the paragraph before; "Dù vậy" goes on from it
    text = ("Giai đoạn 2021-2025 diễn ra trong bối cảnh nhiều biến động.\n\n"
            "Dù vậy, ngành y tế thành phố đã hoàn thành nhiều chỉ tiêu chủ yếu: tuổi thọ trung "
            "bình đạt 75,5 tuổi; 93,5% dân số tham gia BHYT.")
    found = observations(vocab, text, period_start=2021, period_end=2025, title="")
    assert sorted((o.indicator_id, o.year, o.value) for o in found) == [
        ("health_insurance_coverage", 2025, 93.5), ("life_expectancy", 2025, 75.5)]


def test_an_english_review_of_a_period(vocab: Vocabulary) -> None:
    # "during the period 2021-2025": the period's end dates what it achieved; "doctors per
    # 10,000 people" is the rate's English name
    o = only(vocab, "During the period 2021-2025, the province achieved good results, reaching "
                    "13.11 doctors per 10,000 people.", title="")
    assert (o.indicator_id, o.year, o.value) == ("doctors_per_10k", 2025, 13.11)


def test_english_rates_written_number_first(vocab: Vocabulary) -> None:
    found = observations(vocab, "The city strives to have 19 doctors/10,000 people; 43 hospital "
                                "beds/10,000 people by 2030.", period_start=2026,
                         period_end=2030, title="")
    assert sorted((o.indicator_id, o.year, o.value) for o in found) == [
        ("doctors_per_10k", 2030, 19.0), ("hospital_beds_per_10k", 2030, 43.0)]


def test_english_bound_words_and_the_city_committee(vocab: Vocabulary) -> None:
    # "over", "at least", "below" bound the value as "trên", "ít nhất", "dưới" do; "the City
    # Party Committee" is the city itself, not a district named after its kind
    text = ("According to the action program of the City Party Committee, by 2030 the city "
            "strives to have 19 doctors/10,000 people; the health insurance coverage rate reached "
            "over 98%; the number of years of healthy living reached at least 68 years; the "
            "rate of stunting in children under 5 years old is below 20%.")
    found = observations(vocab, text, period_start=2026, period_end=2030, title="")
    assert sorted((o.indicator_id, o.year, o.comparator, o.value) for o in found) == [
        ("doctors_per_10k", 2030, "=", 19.0), ("health_insurance_coverage", 2030, ">", 98.0),
        ("healthy_life_years", 2030, ">=", 68.0), ("stunting_under5", 2030, "<", 20.0)]


def test_antenatal_and_newborn_services(vocab: Vocabulary) -> None:
    # the catalogue's antenatal and newborn indicators (stop 25)
    text = ("Năm 2023, tỷ lệ phụ nữ có thai được quản lý thai đạt trên 97%; tiêm phòng uốn ván "
            "đủ liều trước sinh: 99%; trẻ dưới 2 tuổi được cân, theo dõi tăng trưởng: 98,2%; "
            "tỷ lệ trẻ được bú mẹ trong giờ đầu sau sinh đạt 80%.")
    found = observations(vocab, text, period_start=2023, period_end=2023, title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("pregnancy_managed", 97.0), ("tetanus_vaccination_pregnant", 99.0),
        ("growth_monitoring_under2", 98.2), ("early_breastfeeding", 80.0)]


def test_a_standards_code_with_a_part_number_is_no_value(vocab: Vocabulary) -> None:
    # "QCVN 01-1:2018/BYT", "QCĐP 01:2022/TT-H": the codes of the standards the water meets,
    # not numbers of the value; the phrase before them names the indicator (real_dev42)
    o = only(vocab, "Năm 2023, tỷ lệ hộ gia đình toàn tỉnh sử dụng nước sạch đáp ứng Quy chuẩn "
                    "kỹ thuật Quốc gia của Bộ Y tế (QCVN 01-1:2018/BYT) và Quy chuẩn kỹ thuật địa "
                    "phương (QCĐP 01:2022/TT-H): 97%.", title="")
    assert (o.indicator_id, o.year, o.value) == ("clean_water_population", 2023, 97.0)


def test_a_year_list_with_colons_goes_on_across_and(vocab: Vocabulary) -> None:
    # "năm 2019: 83,0% và năm 2020: 85,0%": the colon after a year does not end the words that
    # join one value of the list to the next (real_dev63)
    found = observations(vocab, "Tỷ lệ bao phủ bảo hiểm y tế năm 2018: 82,6%; năm 2019: 83,0% và "
                                "năm 2020: 85,0%.", title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("health_insurance_coverage", 2018, 82.6), ("health_insurance_coverage", 2019, 83.0),
        ("health_insurance_coverage", 2020, 85.0)]


def test_a_page_about_a_city_of_the_province_gives_the_province_only_its_marked_values(
        vocab: Vocabulary) -> None:
    # real_dev68: the headline opens with "TP Hạ Long": the city's 39 is no value of Quảng
    # Ninh's; "bình quân chung toàn tỉnh là 17" is
    text = ("TP Hạ Long (Quảng Ninh): Tỷ lệ bao phủ bảo hiểm y tế đạt hơn 98%\n\n"
            "Đội ngũ y bác sĩ không ngừng được đào tạo. "
            "Số bác sĩ/vạn dân đạt 39 bác sĩ/vạn dân, cao hơn bình quân chung toàn tỉnh là 17 bác "
            "sĩ/vạn dân. Tuổi thọ bình quân chung của người dân thành phố là 76 tuổi.")
    found = observations(vocab, text, province_id="quang_ninh", period_start=2024,
                         period_end=2025, title="")
    assert [(o.indicator_id, o.value) for o in found] == [("doctors_per_10k", 17.0)]
    # the province's own city in the headline is the province
    own = observations(vocab, "Thành phố Huế: Số bác sĩ/vạn dân đạt 39 bác sĩ/vạn dân năm 2025.",
                       province_id="hue", period_start=2025, period_end=2025, title="")
    assert [(o.indicator_id, o.value) for o in own] == [("doctors_per_10k", 39.0)]


def test_a_year_only_the_registrants_title_gives_dates_nothing(vocab: Vocabulary) -> None:
    # a one-year manifest period dates a page's undated values only when the page names that
    # year: a bracketed note or a date in the title is the registrant's word, not the text's
    text = "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân là 17%."
    title = "[provincial newspaper page, 12/05/2023] Gia Lai bổ sung vi chất"
    undated = only(vocab, text, period_start=2023, period_end=2023, title=title)
    assert (undated.indicator_id, undated.year) == ("underweight_under5", None)
    named = only(vocab, "Kết quả công tác dinh dưỡng 2023\n\n" + text, period_start=2023,
                 period_end=2023, title=title)
    assert (named.year, named.year_basis) == (2023, "one-year document")


def test_a_goal_verb_opening_the_next_value_leaves_the_list_before_it(
        vocab: Vocabulary) -> None:
    # "đạt 70% năm 2025; 90% năm 2030 và giảm 50% …": the 90 goes on with the share before
    # it; "giảm" opens the next goal, it does not name the 90's subject
    found = observations(vocab, "a) Tỷ lệ cặp nam, nữ thanh niên được tư vấn, khám sức khỏe "
                                "trước khi kết hôn đạt 70% năm 2025; 90% năm 2030 và giảm 50% "
                                "số cặp tảo hôn.", period_start=2021, period_end=2030, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found][:2] == [
        ("premarital_health_check", 2025, 70.0), ("premarital_health_check", 2030, 90.0)]


def test_english_wordings_name_the_hiv_targets(vocab: Vocabulary) -> None:
    # words as data: the English press's names of the cascade and of a rate per 100,000
    found = observations(vocab, "By 2030, 95% of people living with HIV are aware of their HIV "
                                "status, and the mortality rate from HIV/AIDS less than "
                                "1/100,000.", period_start=2025, period_end=2030, title="")
    assert [(o.indicator_id, o.year, o.comparator, o.value) for o in found] == [
        ("hiv_know_status", 2030, "=", 95.0), ("hiv_deaths_per_100k", 2030, "<", 1.0)]


def test_a_paragraph_opening_with_a_goal_verb_goes_on_with_the_goals_before_it(
        vocab: Vocabulary) -> None:
    # a page telling of a plan: the paragraph after the one that set the period's targets
    # opens with a goal's verb and names no year of its own; it goes on with that period
    goals = ("Theo mục tiêu đề ra, giai đoạn 2024 – 2026 giảm tỷ lệ hút thuốc lá ở nam giới "
             "trưởng thành xuống dưới 40%.\n\n")
    more = "Giảm tỷ lệ tiếp xúc thụ động với khói thuốc lá tại nơi làm việc dưới 28%."
    found = observations(vocab, goals + more, period_start=2024, period_end=2026, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("male_smoking", 2026, 40.0), ("secondhand_smoke_workplace", 2026, 28.0)]
    # aims without values before it set no period for it
    aims = "Mục tiêu chung đến năm 2026 là giảm tác hại của thuốc lá.\n\n"
    alone = observations(vocab, aims + more, period_start=2023, period_end=2026, title="")
    assert [(o.indicator_id, o.year) for o in alone] == [("secondhand_smoke_workplace", None)]


def test_a_clause_opening_with_its_group_gives_its_values_that_subgroup(
        vocab: Vocabulary) -> None:
    # "Đối với nam 18 tuổi đạt …" with no comma after the group, or after a colon in a long
    # sentence: the group names the subgroup of the values (words: vocabulary regarding_words)
    found = observations(vocab, "Cải thiện tầm vóc thanh niên:\n\nĐối với nữ 18 tuổi đạt chiều "
                                "cao trung bình 155,5cm vào năm 2026.", period_start=2021,
                         period_end=2030, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("height_18_female", 2026, 155.5)]
    found = observations(vocab, "Mục tiêu theo các tiêu chí: đối với nam 18 tuổi, năm 2026 "
                                "chiều cao trung bình 166 cm.", period_start=2021,
                         period_end=2030, title="")
    assert [(o.indicator_id, o.value) for o in found] == [("height_18_male", 166.0)]


def test_a_lead_in_ending_in_a_colon_dates_the_list_items_under_it(vocab: Vocabulary) -> None:
    # "… by 2030 … as follows:" then "- …" items of a page summarising a master plan: the
    # lead-in's year phrase (English too) dates the items opening with a list marker, each
    # item ending open (";") passing it on
    text = ("1. To strive for the objectives that by 2030, the province will become a fairly "
            "developed one as follows:\n\n"
            "- The urbanization rate will be about 40-45%;\n\n"
            "- The health insurance coverage will surpass 95%;\n\n"
            "- The rate of rural inhabitants accessing clean water will reach 75%.")
    found = observations(vocab, text, period_start=2021, period_end=2030, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("health_insurance_coverage", 2030, 95.0), ("clean_water_rural", 2030, 75.0)]


def test_a_clause_about_another_group_takes_the_last_name_for_its_group(
        vocab: Vocabulary) -> None:
    # "đối với nữ … đạt 156,5cm" names only its group: the height named for men before it is
    # read for women; a clause with words of its own (another, unknown name) is not
    text = ("Mục tiêu: đối với nam năm 2025 đạt chiều cao trung bình 167,5cm (toàn quốc "
            "168,5cm); đối với nữ năm 2025 đạt 156,5cm.")
    found = observations(vocab, text, period_start=2021, period_end=2030, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("height_18_male", 2025, 167.5), ("height_18_female", 2025, 156.5)]
    text = ("Tỷ lệ hộ dân sử dụng nước sạch khu vực đô thị đạt 99,2%, khu vực nông thôn đạt 95%; "
            "tỷ lệ thu gom chất thải rắn khu vực đô thị đạt 95%, khu vực nông thôn đạt 82%.")
    found = observations(vocab, text, period_start=2021, period_end=2030, title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("clean_water_urban", 99.2), ("clean_water_rural", 95.0)]


def test_a_rate_typed_with_percent_changing_over_a_period(vocab: Vocabulary) -> None:
    # the rate's exact name wins over a loose name of a share ("tăng" … "dân số"), and a
    # change "từ … lên …" after a period starts in its first year
    text = "Giai đoạn từ năm 2017 - 2024, tỷ lệ bác sĩ/10.000 dân tăng từ 6,79% lên 8,85%."
    found = observations(vocab, text, period_start=2024, period_end=2024, title="")
    assert [(o.indicator_id, o.kind, o.year, o.value) for o in found] == [
        ("doctors_per_10k", "baseline", 2017, 6.79), ("doctors_per_10k", "actual", 2024, 8.85)]


def test_counts_joined_share_the_per_n_unit_and_english_counts_after_a_rate(
        vocab: Vocabulary) -> None:
    # two counts joined by "và"/"and" take the "per N" unit written after the last; an
    # English decimal before a noun it counts is a value ("10.5 persons" after the rate's
    # name), and a bare count ("60 clinics") is none
    for text in ("Toàn tỉnh có 29,04 giường bệnh và 9,4 bác sĩ trên 1 vạn dân.",
                 "The province has 29.04 hospital beds and 9.4 doctors per 10,000 residents."):
        found = observations(vocab, text, period_start=2021, period_end=2021, title="")
        assert [(o.indicator_id, o.value) for o in found] == [
            ("hospital_beds_per_10k", 29.04), ("doctors_per_10k", 9.4)], text
    text = ("In 2021, the number of doctors per 10,000 inhabitants was 10.5 persons; the sector "
            "runs 60 communal clinics.")
    found = observations(vocab, text, period_start=2021, period_end=2021, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [("doctors_per_10k", 2021, 10.5)]


def test_respectively_after_the_numbers_names_them_in_turn(vocab: Vocabulary) -> None:
    # English puts "respectively" after the list: the names before the list, as many as its
    # numbers, are theirs in turn (not the nearest name for both)
    text = ("By 2030, the health insurance coverage will surpass 95%, the number of hospital "
            "beds and medical doctors per 10,000 population will be 33 and 11, respectively.")
    found = observations(vocab, text, period_start=2021, period_end=2030, title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("health_insurance_coverage", 95.0), ("hospital_beds_per_10k", 33.0),
        ("doctors_per_10k", 11.0)]


def test_a_value_reached_and_its_target_joined_by_a_slash(vocab: Vocabulary) -> None:
    # "15,1/20 giường bệnh và 7,3/6,2 bác sỹ/1 vạn dân" in a review of results: a value with
    # a decimal part, "/", then no round denominator: reached, then target, named by the words
    # after the target; "11,80/00" (‰) and "/1 vạn dân" stay units
    text = ("Kết quả thực hiện: có 15,1/20 giường bệnh và 7,3/6,2 bác sỹ/1 vạn dân; tỷ suất "
            "sinh còn 11,80/00.")
    found = observations(vocab, text, period_start=2011, period_end=2015,
                         title="Báo cáo kết quả thực hiện")
    assert [(o.indicator_id, o.kind, o.value) for o in found] == [
        ("hospital_beds_per_10k", "actual", 15.1), ("hospital_beds_per_10k", "target", 20.0),
        ("doctors_per_10k", "actual", 7.3), ("doctors_per_10k", "target", 6.2),
        ("crude_birth_rate", "actual", 11.8)]


def test_english_births_per_1000_and_an_annual_decrease(vocab: Vocabulary) -> None:
    # "15.13 births per 1,000" is the crude birth rate; "an annual decrease of 0.17 per
    # thousand" is a change reported as happened, no value of its own
    text = ("In 2018, the capital recorded the birth of 117,784 babies, representing a rate of "
            "15.13 births per 1,000, an annual decrease of 0.17 per thousand.")
    found = observations(vocab, text, period_start=2018, period_end=2018, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("crude_birth_rate", 2018, 15.13)]
    # the phrase shown for review ends where the name does, though "1,000" is keyed shorter
    assert found[0].indicator_text == "births per 1,000"


def test_an_english_page_groups_thousands_with_commas_and_ranks_are_no_values(
        vocab: Vocabulary) -> None:
    # real_dev96, Khánh Hòa: "1,630" is a count of doctors (quarantined as a rate), not 1.63
    found = observations(vocab, "The total number of doctors in the province is more than 1,630, "
                                "of which 1,226 are doctors at public medical facilities. The "
                                "number of doctors/10,000 people is 12.9, exceeding the target "
                                "set by the Resolution of the 18th Provincial Party Congress.")
    assert [(o.value, o.quarantine_reason is None) for o in found] == [
        (1630.0, False), (1226.0, False), (12.9, True)]


def test_a_label_and_colon_give_an_english_decimal_its_value(vocab: Vocabulary) -> None:
    # real_dev97, Bình Định: "beds/ten thousand people: 36.0"
    found = observations(vocab, "Planned hospital beds/ten thousand people: 36.0; Percentage of "
                                "malnourished children under 5 years old: 7.19%.")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("hospital_beds_per_10k", 36.0), ("underweight_under5", 7.19)]


def test_a_study_s_confidence_interval_and_test_are_no_values(vocab: Vocabulary) -> None:
    # real_dev100, Cần Thơ: "(95% CI: 12,4%; 17%)"; real_dev94: "p<0.05"
    found = observations(vocab, "Tỷ lệ SDD thể thấp còi là 21% (95% CI; 18,4%; 23,7%); tỷ lệ SDD "
                                "thể gầy còm là 5,7% (KTC 95%: 4,1%; 7,2%), p<0,05.")
    assert [o.value for o in found] == [21.0, 5.7]


def test_the_country_s_value_in_brackets_is_not_the_province_s(vocab: Vocabulary) -> None:
    # real_dev95, Hồ Chí Minh City: "cao hơn trung bình cả nước (73,6 tuổi)"
    o = only(vocab, "Tuổi thọ trung bình của TPHCM là 76,6 tuổi, cao hơn trung bình cả nước "
                    "(73,6 tuổi).")
    assert o.value == 76.6
    # right after the country compared with, bare or after "là": the country's too
    for compared in ("thấp hơn so với bình quân chung cả nước 7,5 bác sĩ/vạn dân",
                     "thấp hơn bình quân cả nước là 7,5 bác sĩ/vạn dân"):
        o = only(vocab, f"Hiện tại, tỉnh mới đạt 6,1 bác sĩ/vạn dân, {compared}.")
        assert (o.indicator_id, o.value) == ("doctors_per_10k", 6.1)
    # a comma after the country: the value is the province's
    assert only(vocab, "Tỷ lệ bao phủ BHYT cao hơn cả nước, đạt 95%.").value == 95.0
    # the first in the country: what the province did, the country only ranks it
    o = only(vocab, "Đây là địa phương đầu tiên trong cả nước hoàn thành 100% bệnh án điện tử tại "
                    "tất cả các bệnh viện.", period_start=2025, period_end=2025, title="")
    assert (o.indicator_id, o.value) == ("hospitals_emr", 100.0)


def test_a_list_item_without_its_group_takes_the_group_the_document_names(
        vocab: Vocabulary) -> None:
    # real_dev95: "NCT … đạt 70%; được phát hiện, điều trị, quản lý các bệnh không lây nhiễm
    # đạt 70% năm 2025", a plan for older people (NCT)
    found = observations(vocab, "Chăm sóc sức khỏe người cao tuổi (NCT): NCT được lập hồ sơ theo "
                                "dõi quản lý sức khỏe đạt 95% năm 2025; được phát hiện, điều "
                                "trị, quản lý các bệnh không lây nhiễm đạt 70% năm 2025 và 90% "
                                "năm 2030.", period_start=2022, period_end=2030)
    assert [(o.indicator_id, o.value, o.year) for o in found] == [
        ("elderly_health_records", 95.0, 2025), ("elderly_ncd_managed", 70.0, 2025),
        ("elderly_ncd_managed", 90.0, 2030)]
    # without the group named, the same words name nothing
    assert not observations(vocab, "Được phát hiện, điều trị, quản lý các bệnh không lây nhiễm "
                                   "đạt 70% năm 2025.")


def test_a_longer_name_around_the_alias_found_is_the_more_specific(vocab: Vocabulary) -> None:
    # real_dev95, Đắk Nông: the mothers' supplement, not the children's "uống vitamin A liều cao"
    o = only(vocab, "Tỷ lệ bà mẹ sau sinh trong vòng 1 tháng được uống vitamin A liều cao đạt "
                    "≥ 88%.")
    assert (o.indicator_id, o.comparator) == ("vitamin_a_postpartum", ">=")


def test_a_count_inside_a_name_does_not_cut_it(vocab: Vocabulary) -> None:
    # real_dev100, Thái Bình: "với 12 loại vắc-xin" stands inside the name
    o = only(vocab, "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng mở rộng với 12 loại vắc-xin đạt "
                    "từ 95%/năm trở lên.")
    assert (o.indicator_id, o.value) == ("full_immunization_under1", 95.0)


def test_a_year_in_its_own_clause_is_nearer_than_an_earlier_clause_s(vocab: Vocabulary) -> None:
    # real_dev95: "… 90% năm 2030; 100% NCT … vào năm 2025 và duy trì đến năm 2030"
    found = observations(vocab, "Cụ thể: NCT có khả năng tự chăm sóc được cung cấp kiến thức, kỹ "
                                "năng tự chăm sóc sức khỏe đạt 50% năm 2025 và 90% năm 2030; 100% "
                                "NCT không có khả năng tự chăm sóc, được chăm sóc sức khỏe bởi gia "
                                "đình và cộng đồng vào năm 2025 và duy trì đến năm 2030.",
                         period_start=2022, period_end=2030)
    assert [(o.value, o.year) for o in found] == [(50.0, 2025), (90.0, 2030), (100.0, 2025)]


def test_a_share_making_up_a_whole_is_no_rise(vocab: Vocabulary) -> None:
    # real_dev99, Kiên Giang: "making up 54%" ends with "up" but is a share
    found = observations(vocab, "The proportion of HIV transmissions at community is 0.2% "
                                "while only 1,998 HIV carriers have been treated with ARV, "
                                "making up 54%.")
    assert [(o.indicator_id, o.comparator, o.value) for o in found] == [
        ("hiv_prevalence", "=", 0.2), ("hiv_on_arv", "=", 54.0)]


def test_a_hamlet_s_value_is_not_the_province_s(vocab: Vocabulary) -> None:
    # real_dev100, Đồng Tháp: the head of "ấp Tuyết Hồng" speaks of his hamlet
    assert not observations(vocab, "Ông Trương Văn Gan, Trưởng ấp Tuyết Hồng cho biết, đến nay "
                                   "địa phương đã có 95% hộ dân sử dụng nước sạch.")


def test_a_share_of_the_plan_is_no_coverage_in_english_either(vocab: Vocabulary) -> None:
    # real_dev96, Lào Cai: "reaching 93.42% of the plan assigned"
    o = only(vocab, "The whole province had 1,475,810 people participating in health insurance, "
                    "reaching 93.42% of the plan assigned by the Vietnam Social Security, "
                    "corresponding to a coverage rate of 88.21% of the population.")
    assert (o.indicator_id, o.value) == ("health_insurance_coverage", 88.21)


def test_a_numbered_part_s_value_is_not_the_indicator_s(vocab: Vocabulary) -> None:
    # real_dev100, Cần Thơ: the grades of underweight after the rate
    found = observations(vocab, "Tỷ lệ SDD thể nhẹ cân là 14,7%, trong đó SDD nhẹ cân độ 1: 12,3% "
                                "độ 2: 1,9% và độ 3: 0,5%.")
    assert [(o.indicator_id, o.value) for o in found] == [("underweight_under5", 14.7)]


def test_two_names_and_two_values_joined_alike_pair_in_turn(vocab: Vocabulary) -> None:
    # real_dev99, Hồ Chí Minh City: no "respectively" said
    found = observations(vocab, "The HCM City health sector is focused on increasing the number "
                                "of doctors and hospital beds per 10,000 population to 18 and 42 "
                                "this year.")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("doctors_per_10k", 18.0), ("hospital_beds_per_10k", 42.0)]
    found = observations(vocab, "Số bác sĩ và giường bệnh trên 1 vạn dân đạt 10 và 31,5.")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("doctors_per_10k", 10.0), ("hospital_beds_per_10k", 31.5)]


def test_a_subject_joined_before_a_name_shares_its_value(vocab: Vocabulary) -> None:
    # real_dev7, Cà Mau; real_dev104, Hồ Chí Minh City: one value of two screenings
    for text in ("Hiện nay, trên 80% bà mẹ mang thai và trẻ sơ sinh được tầm soát, chẩn đoán, "
                 "can thiệp sớm một số bệnh trước sinh, sơ sinh.",
                 "The city recorded an average prenatal and newborn screening rate at over 80 "
                 "percent."):
        found = observations(vocab, text, province_id="ca_mau", title="")
        assert sorted((o.indicator_id, o.comparator, o.value) for o in found) == [
            ("newborn_screening", ">", 80.0), ("prenatal_screening", ">", 80.0)]


def test_a_name_whose_group_is_left_out_opens_its_list_item(vocab: Vocabulary) -> None:
    # real_dev100, Sóc Trăng: "hộ dân nông thôn được sử dụng nước sạch đạt quy chuẩn" names its
    # own subject; the poor households' name without its group does not stand there
    found = observations(vocab, "Hỗ trợ hộ nghèo. Toàn tỉnh đã có 60,31% hộ dân nông thôn được "
                                "sử dụng nước sạch đạt quy chuẩn.")
    assert [(o.indicator_id, o.value) for o in found] == [("clean_water_rural", 60.31)]


def test_a_name_led_by_its_number_ends_before_its_qualifier(vocab: Vocabulary) -> None:
    # real_dev100, Sóc Trăng
    o = only(vocab, "Toàn tỉnh đã có 60,31% hộ dân nông thôn được sử dụng nước sạch đạt quy chuẩn "
                    "từ hệ thống cấp nước tập trung.")
    assert (o.indicator_id, o.value) == ("clean_water_rural", 60.31)


# --- stop 36 ---------------------------------------------------------------------------------

def test_a_list_of_one_rate_goes_on_with_its_count_noun_and_years(vocab: Vocabulary) -> None:
    # real_dev127, Hồ Chí Minh City: the second number repeats the count noun of the first
    found = observations(vocab, "The plan also calls for an increase in the ratio of doctors for "
                                "every 10,000 people, to 15 doctors by 2015 and 20 doctors by "
                                "2020.", province_id="ho_chi_minh", title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("doctors_per_10k", 2015, 15.0), ("doctors_per_10k", 2020, 20.0)]


def test_months_before_a_year_date_the_span_not_the_value_before(vocab: Vocabulary) -> None:
    # real_dev25, Hà Nội: "9 tháng của năm 2023" is the period of the 53,4%
    found = observations(vocab, "Năm 2022, tỷ lệ cặp nam, nữ được tư vấn, khám sức khỏe trước khi "
                                "kết hôn là 31,9% thì trong 9 tháng của năm 2023 đã tăng lên "
                                "53,4%.", province_id="ha_noi", title="")
    assert [(o.year, o.value) for o in found] == [(2022, 31.9), (2023, 53.4)]


def test_a_target_word_in_a_later_clause_does_not_date_the_value_now(vocab: Vocabulary) -> None:
    # real_dev127, Vĩnh Phúc: 13 and 32.1 are today's; 15 and 40 the 2025 targets
    found = observations(vocab, "It has 13 doctors and 32.1 hospital beds per 10,000 people, and "
                                "has set itself a target of bringing these figures to 15 and 40 "
                                "by 2025.", province_id="vinh_phuc", period_start=2020,
                         period_end=2025, title="Vinh Phuc striving to improve healthcare")
    assert [(o.value, o.year) for o in found] == [(13.0, None), (32.1, None), (15.0, 2025),
                                                  (40.0, 2025)]


def test_a_year_word_before_a_year_is_no_unit(vocab: Vocabulary) -> None:
    # real_dev129, Hồ Chí Minh City: "năm 2016" dates 16,07, it is not 16,07 years
    found = observations(vocab, "Số bác sĩ trên 10.000 dân tăng từ 16,07 năm 2016 lên 20 năm "
                                "2020.", province_id="ho_chi_minh", title="")
    assert [(o.indicator_id, o.year, o.value, o.unit) for o in found] == [
        ("doctors_per_10k", 2016, 16.07, "per_10000"), ("doctors_per_10k", 2020, 20.0, "per_10000")]


def test_an_average_written_with_a_zero_fraction_keeps_its_unit(vocab: Vocabulary) -> None:
    # real_dev130, Lâm Đồng: "2,0 con" is an average of children per woman, not two
    found = observations(vocab, "Số con bình quân phụ nữ trong độ tuổi sinh đẻ đạt 2,0 con, (kế "
                                "hoạch năm là 2,1 con).", province_id="lam_dong", title="")
    assert [(o.indicator_id, o.value, o.unit) for o in found][0] == (
        "total_fertility_rate", 2.0, "children_per_woman")


def test_a_paragraph_opened_by_a_linking_word_keeps_the_year_and_a_plan_met(
        vocab: Vocabulary) -> None:
    # real_dev130, Hà Nội: "Cùng đó" goes on in 2024; "vượt chỉ tiêu được giao" reports a
    # plan met, it sets no target
    found = observations(vocab, "Trong năm 2024, số sinh toàn thành phố giảm.\n"
                                "Cùng đó, tỷ lệ sàng lọc trước sinh đạt 86,3% và tỷ lệ sàng lọc "
                                "sơ sinh đạt 89,2%, vượt chỉ tiêu được giao.",
                         province_id="ha_noi", period_start=2024, period_end=2024, title="")
    assert [(o.indicator_id, o.kind, o.year, o.value) for o in found] == [
        ("prenatal_screening", "actual", 2024, 86.3), ("newborn_screening", "actual", 2024, 89.2)]


def test_either_end_of_an_english_change_takes_the_named_rate(vocab: Vocabulary) -> None:
    # real_dev128, Hồ Chí Minh City: "from 20.8" is no section number
    found = observations(vocab, "The ratio of doctors/10,000 people will decrease from 20.8 to "
                                "13.08.", province_id="ho_chi_minh", title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("doctors_per_10k", 20.8), ("doctors_per_10k", 13.08)]


def test_a_decimal_point_a_province_s_name_labels_is_a_value(vocab: Vocabulary) -> None:
    # real_dev141: the value of the next province in a list, its unit the one before's
    found = observations(vocab, "The Central Highlands province of Kon Tum has a fertility rate "
                                "of 3.45 and the northern province of Ha Giang 3.08, according "
                                "to the official.", province_id="ho_chi_minh", title="")
    assert [(o.province_named, o.indicator_id, o.value, o.unit) for o in found] == [
        ("kon_tum", "total_fertility_rate", 3.45, "children_per_woman"),
        ("ha_giang", "total_fertility_rate", 3.08, "children_per_woman")]


def test_a_band_may_end_below_its_upper_number(vocab: Vocabulary) -> None:
    # real_dev7, Cà Mau
    o = only(vocab, "Năm 2011, tỉnh đặt mục tiêu số con trung bình của 1 phụ nữ trong độ tuổi sinh "
                    "đẻ dao động từ 2,0 đến dưới 2,2 con.", province_id="ca_mau", title="")
    assert (o.comparator, o.value, o.value_high) == ("range", 2.0, 2.2)


def test_per_each_ten_thousand_is_a_rate(vocab: Vocabulary) -> None:
    # real_dev129, Long An
    o = only(vocab, "Đến năm 2025, số lượng bác sĩ trên mỗi 10.000 dân đạt mốc là 10.",
             province_id="long_an", title="")
    assert (o.indicator_id, o.year, o.value) == ("doctors_per_10k", 2025, 10.0)


def test_a_value_of_the_whole_period_is_dated_by_its_end(vocab: Vocabulary) -> None:
    # real_dev50, Cao Bằng: "cả giai đoạn" of a page on 2015–2020
    found = observations(vocab, "Tỷ lệ số cặp tảo hôn cả giai đoạn chiếm 6,8% so với tổng số cặp "
                                "kết hôn.", province_id="cao_bang", period_start=2015,
                         period_end=2020, title="")
    assert [(o.year, o.year_basis, o.value) for o in found] == [
        (2020, "the whole period the document covers", 6.8)]


def test_english_words_match_an_alias_however_inflected(vocab: Vocabulary) -> None:
    # real_dev127, 123: English inflections share a key; forms of "be" are one word
    found = observations(vocab, "82.7 percent of pregnant women had prenatal screenings and 95.2 "
                                "percent of newborns were screened.", province_id="ha_noi",
                         title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("prenatal_screening", 82.7), ("newborn_screening", 95.2)]
    o = only(vocab, "Nearly 89 percent of medical stations in the province have doctors.",
             province_id="dak_lak", title="")
    assert (o.indicator_id, o.value) == ("chs_with_doctor", 89.0)


def test_a_value_of_a_zone_is_not_the_provinces(vocab: Vocabulary) -> None:
    # real_dev69, Quảng Trị: the overall value only, not the mountain, coastal or flat areas'
    found = observations(vocab, "The proportion of households using iodized salts was 98.2% in "
                                "overall population, 100% in mountain areas, 98.4% in coastal "
                                "areas and 96.5% in flat areas.", province_id="quang_tri",
                         title="")
    assert [o.value for o in found] == [98.2]


def test_a_number_joined_to_a_word_by_a_hyphen_names_a_thing(vocab: Vocabulary) -> None:
    # real_dev75, Hậu Giang: "a 100-bed hospital" is no rate of beds
    o = only(vocab, "The province will build a 200-bed town hospital, a 100-bed traditional "
                    "medicine hospital, and reach 20 beds per 10,000 people.",
             province_id="hau_giang", title="")
    assert (o.indicator_id, o.value) == ("hospital_beds_per_10k", 20.0)


def test_an_english_date_dates_the_value_and_vietnamese_is_national(vocab: Vocabulary) -> None:
    # real_dev134: "as of March 31, 2025"; "Vietnamese life expectancy" is the country's
    o = only(vocab, "As of March 31, 2025, the health insurance coverage rate reached 93.9%.",
             province_id="ha_tinh", title="")
    assert (o.year, o.value) == (2025, 93.9)
    assert observations(vocab, "In 2022, Vietnamese life expectancy was 73.6 years.",
                        province_id="dien_bien", title="") == []


def test_late_early_and_mid_date_a_year_in_english(vocab: Vocabulary) -> None:
    # real_dev133, Hà Nội: "As of late 2017" dates both values; "received ARV drugs" is on ARV
    found = observations(vocab, "As of late 2017, 67.8% of HIV-infected people knew their "
                                "infection status, while 53% of HIV positive people received ARV "
                                "drugs.", province_id="ha_noi", title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("hiv_know_status", 2017, 67.8), ("hiv_on_arv", 2017, 53.0)]


def test_what_holds_now_is_not_dated_by_an_earlier_goal_year(vocab: Vocabulary) -> None:
    # real_dev117, Quảng Ninh: "this ratio" goes on with the doctors; "currently" is not 2030
    found = observations(vocab, "By 2030, Quang Ninh strives to have 19 doctors per 10,000 people "
                                "(equivalent to more than 3,000 doctors). Meanwhile, this ratio is "
                                "currently only 17.4/10,000 people.", province_id="quang_ninh",
                         period_start=2024, period_end=2030, title="")
    assert [(o.indicator_id, o.kind, o.year, o.value) for o in found] == [
        ("doctors_per_10k", "target", 2030, 19.0), ("doctors_per_10k", "actual", None, 17.4)]


def test_a_year_starting_a_span_up_to_now_dates_nothing_after(vocab: Vocabulary) -> None:
    # real_dev127, Hồ Chí Minh City: 1975 starts the span up to now, it dates nothing after
    found = observations(vocab, "The city has expanded from just 20 hospitals in 1975 to 107 at "
                                "present. The city now has an average 14.5 doctors and 33.7 "
                                "nurses for every 10,000 people.", province_id="ho_chi_minh",
                         period_start=2015, period_end=2015, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("doctors_per_10k", None, 14.5), ("nurses_per_10k", None, 33.7)]
    # a year the paragraph told of before still dates the numbers after it
    found = observations(vocab, "Năm 2012, ngành y tế đạt nhiều kết quả. Tỷ lệ trạm y tế xã có "
                                "bác sĩ là 80%.", province_id="ho_chi_minh", period_start=2015,
                         period_end=2015, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [("chs_with_doctor", 2012, 80.0)]


def test_what_is_done_for_the_group_a_number_leads_names_it(vocab: Vocabulary) -> None:
    # real_dev119, Hà Nội: "provide regular health check to 88% of the elderly"
    o = only(vocab, "The city is striving to provide regular health check to 88% of the elderly.",
             province_id="ha_noi", title="")
    assert (o.indicator_id, o.value) == ("elderly_health_checks", 88.0)
    o = only(vocab, "Thành phố phấn đấu khám sức khỏe định kỳ cho 88% người cao tuổi.",
             province_id="ha_noi", title="")
    assert (o.indicator_id, o.value) == ("elderly_health_checks", 88.0)


def test_last_year_and_this_year_count_from_the_page_date(vocab: Vocabulary) -> None:
    found = observations(vocab, "Hà Nội, ngày 15 tháng 1 năm 2024\nNăm ngoái, tỷ lệ sàng lọc trước "
                                "sinh đạt 86,3%. Năm nay, thành phố phấn đấu đạt tỷ lệ sàng lọc "
                                "trước sinh 90%.", province_id="ha_noi", period_start=2023,
                         period_end=2024, title="")
    assert [(o.kind, o.year, o.value) for o in found] == [("actual", 2023, 86.3),
                                                          ("target", 2024, 90.0)]


def test_an_english_full_date_is_a_date_not_a_year_phrase(vocab: Vocabulary) -> None:
    # real_dev134, Hòa Bình: the resolution's date dates nothing; "as of" a date does
    o = only(vocab, "In accordance with Resolution No.21-NQ/TW on October 25, 2017, the sex ratio "
                    "at birth was 116.6 boys per 100 girls.", province_id="hoa_binh", title="")
    assert (o.year, o.value) == (None, 116.6)


def test_a_sentence_spelling_out_the_one_before_takes_its_indicator(vocab: Vocabulary) -> None:
    found = observations(vocab, "Tỷ suất sinh thô từ năm 2008 đến năm 2010 có giảm nhưng không "
                                "vững chắc. Cụ thể năm 2008 là 13,8‰, năm 2009 là 13,66‰.",
                         province_id="nghe_an", period_start=2008, period_end=2011)
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("crude_birth_rate", 2008, 13.8), ("crude_birth_rate", 2009, 13.66)]
    # without the opening word the sentence before names nothing of these numbers
    assert not observations(vocab, "Tỷ suất sinh thô có giảm. Năm 2008 là 13,8‰.",
                            province_id="nghe_an", period_start=2008, period_end=2011)


def test_a_province_s_name_labels_the_bare_value_after_it(vocab: Vocabulary) -> None:
    found = observations(vocab, "Có 13 tỉnh gần đây mức sinh tăng rất cao trở lại, như: Hòa "
                                "Bình: 2,84; Nam Định: 2,81; Bắc Giang: 2,77.",
                         province_id="hoa_binh", period_start=2017, period_end=2017)
    assert [(o.indicator_id, o.value, o.province_named) for o in found] == [
        ("total_fertility_rate", 2.84, None), ("total_fertility_rate", 2.81, "nam_dinh"),
        ("total_fertility_rate", 2.77, "bac_giang")]


def test_a_province_name_is_found_with_its_tone_placed_either_way(vocab: Vocabulary) -> None:
    # "Thanh Hoá" (the old placement) is Thanh Hóa; the list goes on with the item before's
    # indicator, where its sentence names none but by its unit
    found = observations(vocab, "Các tỉnh có tỷ số cao là Hưng Yên 118,6 trai/100 gái; Bắc "
                                "Ninh 117,6 trai; Thanh Hoá 117,2.",
                         province_id="hung_yen", period_start=2017, period_end=2017)
    assert [(o.indicator_id, o.value, o.province_named) for o in found] == [
        ("sex_ratio_at_birth", 118.6, None), ("sex_ratio_at_birth", 117.6, "bac_ninh"),
        ("sex_ratio_at_birth", 117.2, "thanh_hoa")]


def test_values_told_in_turn_go_to_the_provinces_listed_before(vocab: Vocabulary) -> None:
    # real_dev113: "ở Lào Cai - Yên Bái, số con trung bình … lần lượt là 2,55 và 2,47"
    found = observations(vocab, "Năm 2024, ở Lào Cai - Yên Bái, tổng tỷ suất sinh lần lượt là "
                                "2,55 và 2,47.",
                         province_id="tuyen_quang", period_start=2024, period_end=2025)
    assert [(o.indicator_id, o.value, o.province_named) for o in found] == [
        ("total_fertility_rate", 2.55, "lao_cai"), ("total_fertility_rate", 2.47, "yen_bai")]


def test_a_group_two_phrases_before_the_name_is_another_item_s(vocab: Vocabulary) -> None:
    # real_dev134: "…, and healthcare for the elderly…, gradually improving population
    # quality, average life expectancy reaching 72.7 years"
    o = only(vocab, "Activities such as prenatal screenings and healthcare for the elderly, "
                    "gradually improving population quality, average life expectancy reaching "
                    "72.7 years.", province_id="hoa_binh", period_start=2021, period_end=2021)
    assert (o.indicator_id, o.value) == ("life_expectancy", 72.7)
    # a group within the name's own phrase, or in the phrase right before it, still makes it
    # that group's value
    kw = {"province_id": "hoa_binh", "period_start": 2021, "period_end": 2021}
    assert only(vocab, "Năm 2021, tỷ lệ tiêm chủng đầy đủ đạt 98%.", **kw).value == 98.0
    assert not observations(vocab, "Năm 2021, tỷ lệ học sinh được tiêm chủng đầy đủ đạt 98%.",
                            **kw)
    assert not observations(vocab, "Năm 2021, đối với học sinh, tỷ lệ tiêm chủng đầy đủ đạt "
                                   "98%.", **kw)


def test_values_told_in_turn_follow_the_provinces_the_sentence_named(vocab: Vocabulary) -> None:
    # real_dev147: "năm 2009, tỷ số TVM … lần lượt là Điện Biên 409, Lai Châu 215, Sơn La 167
    # thì năm 2015 đã giảm lần lượt là 83, 149, 102"
    found = observations(vocab, "Nếu năm 2009, tỷ số TVM/100.000 trẻ đẻ sống các tỉnh lần lượt "
                                "là Điện Biên 409, Lai Châu 215, Sơn La 167 thì năm 2015 đã giảm "
                                "lần lượt là 83, 149, 102.",
                         province_id="dien_bien", period_start=2009, period_end=2015)
    assert [(o.year, o.value, o.province_named) for o in found
            if o.indicator_id == "maternal_mortality_ratio"] == [
        (2009, 409.0, None), (2009, 215.0, "lai_chau"), (2009, 167.0, "son_la"),
        (2015, 83.0, None), (2015, 149.0, "lai_chau"), (2015, 102.0, "son_la")]


def test_a_sentence_pointing_back_takes_the_value_before_s_indicator(vocab: Vocabulary) -> None:
    # real_dev152: "76.49% of households … have hygienic latrines. This ratio has increased
    # compared to 2018 (71.75%)": the bracket after the year gives that year's level
    found = observations(vocab, "In 2019, 76.49% of households in Hoa Binh province have "
                                "hygienic latrines. This ratio has increased compared to 2018 "
                                "(71.75%).",
                         province_id="hoa_binh", period_start=2019, period_end=2019)
    assert [(o.indicator_id, o.year, o.comparator, o.value) for o in found] == [
        ("sanitary_latrine_households", 2019, "=", 76.49),
        ("sanitary_latrine_households", 2018, "=", 71.75)]


def test_family_planning_is_no_plan(vocab: Vocabulary) -> None:
    # real_dev119, real_dev149: "family planning", "dân số - kế hoạch hóa gia đình" hold a plan
    # word but name no plan; the page is read as a page (its kind basis says so), not a plan
    o = only(vocab, "Population and family planning work in 2022.\nThe sex ratio at birth in 2022 "
                    "stood at 111.2 boys to 100 girls.", province_id="hoa_binh",
             period_start=2022, period_end=2022, title="Hòa Bình: population work")
    assert (o.indicator_id, o.kind) == ("sex_ratio_at_birth", "actual")
    assert o.kind_basis == "a page, not a plan: no target word in its paragraph"


def test_a_number_in_a_name_and_a_year_compared_with_are_no_value_s(vocab: Vocabulary) -> None:
    # real_dev7: "… sau đại dịch COVID-19 …" holds no number; real_dev60: "an increase of
    # 1.63%, in comparison with that in 2020" is not 2020's value
    found = observations(vocab, "Năm 2024, tỷ lệ bác sĩ đạt 19 bác sĩ/10.000 dân, sau đại dịch "
                                "COVID-19 tăng lên 20 bác sĩ/10.000 dân.",
                         province_id="bac_giang", period_start=2024, period_end=2030)
    assert [o.value for o in found] == [19.0, 20.0]
    doc = REPO.root / "tests/data/real_dev60/docs/quang_tri_2021_ktxh_nam_dan_so_en.txt"
    lines = doc.read_text(encoding="utf-8").split("\n")[6:12]  # lines 7-12, as laid out
    o = only(vocab, "\n".join(lines), province_id="quang_tri", period_start=2021,
             period_end=2021, title="Quảng Trị 2021")
    assert (o.indicator_id, o.value, o.year) == ("population_growth", 1.63, 2021)


def test_a_change_over_years_written_in_words_starts_in_the_first(vocab: Vocabulary) -> None:
    # "từ năm 2008 đến năm 2011" is a span, as "giai đoạn 2008-2011" is; after a change verb
    # "từ … đến …" is a change, not a band
    found = observations(vocab, "Tính từ năm 2008 đến năm 2011 thì tỷ suất sinh thô tăng từ "
                                "13,8‰ đến 14,94‰.", province_id="nghe_an", period_start=2011,
                         period_end=2011, title="")
    assert [(o.value, o.year, o.kind) for o in found] == [(13.8, 2008, "baseline"),
                                                          (14.94, 2011, "target")]
    # without a change verb the same words are a band of one year
    o = only(vocab, "Năm 2011, tỷ suất sinh thô từ 13,8‰ đến 14,94‰.", title="")
    assert (o.comparator, o.value, o.value_high, o.year) == ("range", 13.8, 14.94, 2011)


def test_an_abbreviated_name_is_read_as_written_out(vocab: Vocabulary) -> None:
    o = only(vocab, "Năm 2009, tỷ lệ THA chung là 30,0%.", province_id="dak_lak", title="")
    assert (o.indicator_id, o.value) == ("hypertension_prevalence_adult", 30.0)


def test_a_unit_names_its_indicator_for_women_and_its_part_for_a_rural_one(
        vocab: Vocabulary) -> None:
    # children per woman: "phụ nữ" names the unit's terms, not the female part of a population
    o = only(vocab, "Năm 2001, trung bình một phụ nữ sinh 2,76 con.", title="")
    assert (o.indicator_id, o.value, o.year) == ("total_fertility_rate", 2.76, 2001)
    # the rural part of the population's sex ratio is its rural ratio, no value of the whole
    found = observations(vocab, "Năm 2019, tỷ số giới tính là 103,4 nam/100 nữ, khu vực nông "
                                "thôn là 105 nam/100 nữ.", title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("sex_ratio_population", 103.4), ("sex_ratio_population_rural", 105.0)]
    # a unit no part of it is catalogued for names nothing for that part
    assert observations(vocab, "Năm 2019, khu vực nông thôn là 2,1 con/phụ nữ.", title="") == []


def test_a_judgement_inside_a_name_names_nothing(vocab: Vocabulary) -> None:
    # "rất cao" between the words of a name ("tỷ lệ nhiễm HIV … trong nhóm NCMT") is blanked
    # before matching: the group's prevalence, not the whole population's, whose plausible
    # range would quarantine 45,7%
    found = observations(vocab, "Năm 2011, tỷ lệ nhiễm HIV rất cao trong nhóm NCMT tại Điện "
                                "Biên (45,7%), TP Hồ Chí Minh (39,3%).", province_id="dien_bien",
                         title="")
    assert [(o.indicator_id, o.value, o.province_named) for o in found] == [
        ("hiv_prevalence_pwid", 45.7, None), ("hiv_prevalence_pwid", 39.3, "ho_chi_minh")]


def test_a_leading_number_measures_the_last_name_of_its_phrase(vocab: Vocabulary) -> None:
    # "of those taking ARV therapy" says whom the share is of, "viral suppression" what it is
    text = ("The province is striving to complete the 90-90-90 target by 2020, with 90 per cent "
            "of people living with HIV knowing their conditions, 90 per cent receiving "
            "antiretroviral (ARV) treatment and 90 per cent of those taking ARV therapy having "
            "viral suppression.")
    found = observations(vocab, text, province_id="dong_nai", title="")
    assert [o.indicator_id for o in found] == ["hiv_know_status", "hiv_on_arv",
                                               "hiv_viral_suppression"]
    # a joiner opens another item, and the same name again is another item's
    o = only(vocab, "Ngành Y tế đặt mục tiêu thực hiện 30 giường bệnh/vạn dân với tổng số giường "
                    "bệnh nội trú đạt hơn 9,4 ngàn giường.", title="")
    assert (o.indicator_id, o.value) == ("hospital_beds_per_10k", 30.0)


def test_a_goal_listed_after_a_dated_one_shares_its_year(vocab: Vocabulary) -> None:
    text = ("The city has set goals to reduce the ratio of stunting among children under five "
            "years old to 11.8 percent in 2025, and the ratio of underweight among the group to "
            "7.3 percent.")
    found = observations(vocab, text, province_id="ha_noi", period_start=2019, period_end=2030,
                         title="")
    assert [(o.indicator_id, o.value, o.year) for o in found] == [
        ("stunting_under5", 11.8, 2025), ("underweight_under5", 7.3, 2025)]


def test_the_ageing_index_is_written_bare_or_as_a_percent(vocab: Vocabulary) -> None:
    for text in ("The aging index reached 57.05.", "Chỉ số già hóa đạt 57,05%."):
        o = only(vocab, text, province_id="ho_chi_minh", title="")
        assert (o.indicator_id, o.value) == ("ageing_index", 57.05), text


def test_a_cascade_written_as_one_triple_is_read_step_by_step(vocab: Vocabulary) -> None:
    # values reached, of the three steps in order; the goal's year is not theirs
    text = ("According to the HIV/AIDS Prevention Centre, the city has so far achieved 73-75-96 "
            "targets, compared to the 90-90-90 target.")
    found = observations(vocab, text, province_id="ho_chi_minh", period_start=2017,
                         period_end=2020, title="HCM City strives for the HIV targets by 2020")
    assert [(o.indicator_id, o.value, o.kind, o.year) for o in found] == [
        ("hiv_know_status", 73.0, "actual", None), ("hiv_on_arv", 75.0, "actual", None),
        ("hiv_viral_suppression", 96.0, "actual", None)]
    # one number repeated names a goal; a step spelled out as well is read once
    text = ("Các mục tiêu 95-95-95 hiện đạt 94-92-99, trong đó 99% người điều trị ARV đạt tải "
            "lượng virus dưới ngưỡng ức chế.")
    found = observations(vocab, text, province_id="ho_chi_minh", title="HIV")
    assert sorted((o.indicator_id, o.value) for o in found) == [
        ("hiv_know_status", 94.0), ("hiv_on_arv", 92.0), ("hiv_viral_suppression", 99.0)]
    # a date written with dashes is no cascade
    assert observations(vocab, "Ngày 21-12-2020, hội nghị về HIV được tổ chức.", title="") == []


@pytest.mark.parametrize(("text", "expected"), [
    # an excess word right after a value, or in a bracket after it: the margin over the plan
    ("Tỷ lệ bao phủ bảo hiểm y tế đạt 92%, vượt 2%.", [("health_insurance_coverage", "=", 92.0)]),
    ("Số bác sĩ trên một vạn dân đạt 10,8 bác sĩ (vượt 0,8).", [("doctors_per_10k", "=", 10.8)]),
    # after a name it bounds the value (vocabulary comparators_before)
    ("The prenatal screening rate reached over 82%, and newborn screening surpassed 85%.",
     [("prenatal_screening", ">", 82.0), ("newborn_screening", ">", 85.0)]),
    ("The rate of people aged over 60 in the city has exceeded 10%.",
     [("population_60plus_share", ">", 10.0)]),
])
def test_an_excess_word_is_a_margin_only_after_a_value(
        vocab: Vocabulary, text: str, expected: list[tuple[str, str, float]]) -> None:
    found = observations(vocab, text, province_id="ho_chi_minh", title="")
    assert [(o.indicator_id, o.comparator, o.value) for o in found] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # national programmes' targets a provincial plan carries over (QĐ 1893, NQ 20, QĐ 155)
    ("Tỷ lệ khám bệnh, chữa bệnh bằng y học cổ truyền đạt 30% vào năm 2030.",
     [("traditional_medicine_visits_share", "=", 30.0, None)]),
    ("Tỷ lệ chi trực tiếp từ tiền túi của hộ gia đình giảm xuống dưới 35%.",
     [("out_of_pocket_share", "<", 35.0, None)]),
    # salt in grams a day, inactivity and too little fruit in one list (real_dev139, Hà Nội,
    # salt as QĐ 155 words it); a birth weight's "2.500 gram" stays no intake
    ("Giảm lượng muối ăn trung bình xuống dưới 7 gam/người/ngày; ăn thiếu rau, trái cây dưới "
     "35%; thiếu hoạt động thể lực ở người 18-69 tuổi dưới 22%",
     [("salt_intake", "<", 7.0, None), ("fruit_vegetable_inadequate", "<", 35.0, None),
      ("physical_inactivity_adult", "<", 22.0, None)]),
    # real_dev133, Lâm Đồng and Lạng Sơn: antenatal care at least once; three hepatitis B doses
    ("Duy trì tỷ lệ phụ nữ có thai được khám thai (ít nhất 1 lần) trên 95%; Tỷ lệ trẻ dưới 1 "
     "tuổi được tiêm đủ 3 mũi vắc xin viêm gan B ít nhất 98%",
     [("antenatal_care_1_visit", ">", 95.0, None), ("hepb3_under1", ">=", 98.0, None)]),
    ("Trên 95% trẻ em dưới 01 tuổi được tiêm vắc xin viêm gan B ba liều cơ bản (VGB3)",
     [("hepb3_under1", ">", 95.0, None)]),
    # real_dev144, An Giang: visits a person a year, the unit alone naming the indicator; a
    # range with its sign at both ends
    ("Hội Đông y tỉnh đề ra chỉ tiêu phát triển: khám chữa bệnh đạt 1,3 - 1,5 lần/ người/ năm, "
     "trong đó khám chữa bệnh đông y không dùng thuốc chiếm 35% - 45%",
     [("health_visits_per_person", "range", 1.3, 1.5),
      ("traditional_medicine_visits_share", "range", 35.0, 45.0)]),
    ("100% số trường học có phòng y tế riêng", [("schools_health_room", "=", 100.0, None)]),
    ("đạt 90% trẻ em sử dụng phao cứu sinh khi tham gia giao thông đường thủy",
     [("child_life_jacket_use", "=", 90.0, None)]),
    # real_dev105, Kon Tum
    ("Phấn đấu 100% người bệnh phong khuyết tật được chăm sóc khuyết tật và phục hồi chức năng.",
     [("leprosy_disabled_cared", "=", 100.0, None)]),
    # real_dev105, Kon Tum: a page on leprosy names its rates bare
    ("Tỷ lệ lưu hành bệnh phong đã giảm. Đã giảm tỷ lệ phát hiện xuống còn 0,8/100.000 dân; tỷ "
     "lệ lưu hành xuống còn 0,087/10.000 dân.",
     [("leprosy_detection_per_100k", "=", 0.8, None),
      ("leprosy_prevalence_per_10k", "=", 0.087, None)]),
])
def test_targets_of_the_national_programmes(vocab: Vocabulary, text: str,
                                            expected: list[tuple]) -> None:
    got = [(o.indicator_id, o.comparator, o.value, o.value_high)
           for o in observations(vocab, text, title="")]
    assert got == expected


def test_the_parts_of_a_value_follow_it(vocab: Vocabulary) -> None:
    # real_dev113: the parts ("trong đó nam …, nữ …") of the country's value are the country's
    assert observations(vocab, "Tuổi thọ trung bình tính từ lúc sinh của người dân Việt Nam năm "
                               "2023 là 74,5 tuổi, trong đó nam là 72,1 tuổi và nữ là 77,2 tuổi.",
                        province_id="ho_chi_minh", title="") == []
    # the province's own value: each part is its subgroup's indicator
    found = observations(vocab, "Tỷ suất sinh thô của tỉnh năm 2023 là 15,2‰, trong đó thành thị "
                                "là 12,1‰ và nông thôn là 16,3‰.", title="")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("crude_birth_rate", 15.2), ("crude_birth_rate_urban", 12.1),
        ("crude_birth_rate_rural", 16.3)]
    # real_dev134: the next group's value beside the country's is the country's too
    assert observations(vocab, "Vietnamese women’s life expectancy rose to 77.2, while men’s life "
                               "expectancy increased to 72.1.", province_id="dien_bien",
                        title="") == []
    # a part naming the province is its own
    found = observations(vocab, "Tỷ lệ bao phủ bảo hiểm y tế cả nước đạt 93%, trong đó Khánh Hòa "
                                "đạt 92%.", province_id="khanh_hoa", title="")
    assert [(o.indicator_id, o.value) for o in found] == [("health_insurance_coverage", 92.0)]


def test_english_values_after_now_at_and_ranks_after_the_country(vocab: Vocabulary) -> None:
    # real_dev120: ", which aims to …" says something new of the city: the elderly woman of the
    # clause before is no group of the value
    found = observations(vocab, "An elderly woman has her blood drawn for testing at a hospital "
                                "in HCM City, which aims to increase the life expectancy of its "
                                "residents to 77 years by 2030.", province_id="ho_chi_minh",
                         title="")
    assert [(o.indicator_id, o.value, o.year) for o in found] == [("life_expectancy", 77.0, 2030)]
    # real_dev117: a bare value "now at"; the country's compared after it stays the country's
    o = only(vocab, "The city has already witnessed rapid population aging with the average life "
                    "expectancy of its people now at 76.3 compared to the national level of 73.6.",
             province_id="ho_chi_minh", title="")
    assert (o.indicator_id, o.value) == ("life_expectancy", 76.3)
    # real_dev146: "the country's most populous city" ranks the city, the paragraph is its own
    o = only(vocab, "\"This increase is not yet sufficient to reverse the prolonged low birth rate "
                    "in the country's most populous city,\" Trung said. Encouragingly, the sex "
                    "ratio at birth is estimated at 106,5 boys per 100 girls.",
             province_id="ho_chi_minh", title="")
    assert (o.indicator_id, o.value) == ("sex_ratio_at_birth", 106.5)


def test_the_fall_of_births_is_a_change_of_the_birth_rate(vocab: Vocabulary) -> None:
    # real_dev129/130: "mức giảm sinh" (the population programme's yearly fall of the birth
    # rate) is a change of the crude birth rate; the level after it stays a level
    found = observations(vocab, "Mức giảm sinh 0,1%o/năm, tỷ suất tăng dân số tự nhiên 9,7%o; tỷ "
                                "số giới tính khi sinh 113,5 bé trai/100 bé gái.",
                         period_start=2023, period_end=2023)
    assert [(o.indicator_id, o.comparator, o.value) for o in found] == [
        ("crude_birth_rate", "relative", -0.1), ("natural_population_growth", "=", 9.7),
        ("sex_ratio_at_birth", "=", 113.5)]
    # "giảm sinh con thứ 3" stays the third child's
    o = only(vocab, "Tỷ lệ giảm sinh con thứ 3 trở lên 0,5%/năm")
    assert (o.indicator_id, o.comparator, o.value) == ("third_child_births", "relative", -0.5)


def test_a_first_line_of_several_sentences_is_no_headline(vocab: Vocabulary) -> None:
    # real_dev134, Hòa Bình: a page opening with a paragraph that mentions "the country's
    # social security system" is not a page about the country
    text = ("HBO – The two policies, the social insurance and the health insurance have been "
            "playing an important role in the country's social security system. The Party has "
            "always paid attention to them.\n"
            "For health insurance, there were more than 814 thousand people participating, "
            "reaching 96.3% of the population by the end of 2018.")
    o = only(vocab, text, province_id="hoa_binh", title="")
    assert (o.indicator_id, o.value, o.year) == ("health_insurance_coverage", 96.3, 2018)


def test_a_headline_opening_with_the_city_s_short_name_is_the_city_s(vocab: Vocabulary) -> None:
    # real_dev131: "TP HCM: …" names the city itself, not one of its towns
    text = ("TP HCM: Người từ 60 tuổi trở lên được khám sức khỏe định kỳ miễn phí 1 lần/năm\n\n"
            "Kế hoạch này nhằm đạt được chỉ tiêu 80% người cao tuổi được khám sức khỏe định kỳ ít "
            "nhất một lần/năm.")
    o = only(vocab, text, province_id="ho_chi_minh", title="")
    assert (o.indicator_id, o.value) == ("elderly_health_checks", 80.0)


def test_a_bare_detection_rate_is_leprosy_s_only_on_a_page_about_leprosy(vocab: Vocabulary
                                                                          ) -> None:
    assert [o.indicator_id for o in observations(
        vocab, "Tỷ lệ phát hiện đạt 0,8/100.000 dân.", title="")] != [
        "leprosy_detection_per_100k"]


def test_a_group_s_value_takes_the_group_s_own_indicator(vocab: Vocabulary) -> None:
    # real_dev124, Gia Lai: students named before the whole population's name
    o = only(vocab, "Hiện mới chỉ có 96,5% học sinh, sinh viên Gia Lai tham gia bảo hiểm y tế.",
             province_id="gia_lai", title="")
    assert (o.indicator_id, o.value) == ("health_insurance_coverage_students", 96.5)


# --- Japanese and Korean pages (read with a blank where the script changes) -----------------

def test_a_japanese_list_of_provinces_gives_each_its_value(vocab: Vocabulary) -> None:
    # real_dev149, Quảng Trị's page: names in katakana, the kind "省" after each, "歳" for years
    text = ("逆に平均寿命が短かったのは、ライチャウ省:65.8歳、コントゥム省:66.8歳、ハザン省、"
            "ディエンビエン省:67.8歳、クアンチ省:68.2歳の順となっている。")
    found = observations(vocab, text, province_id="quang_tri", title="")
    assert {(o.indicator_id, o.value, o.province_named) for o in found} == {
        ("life_expectancy", 65.8, "lai_chau"), ("life_expectancy", 66.8, "kon_tum"),
        ("life_expectancy", 67.8, "ha_giang"), ("life_expectancy", 67.8, "dien_bien"),
        ("life_expectancy", 68.2, None)}
    # the quote is the line as written, not as read
    assert all("ライチャウ省:65.8歳" in o.quote for o in found)


def test_a_unit_written_before_the_number_is_its_unit(vocab: Vocabulary) -> None:
    # real_dev148: "(100:120)" and "여아 100명당 남아 120명" (girls 100 per, boys 120)
    ja = only(vocab, "男女出生比率の差が大きい地方としては、西北部地方ソンラ省(100:120)などが"
                     "挙げられる。", province_id="hung_yen", title="")
    ko = only(vocab, "구체적으로 선라(Sơn La) 성(여아 100명당 남아 120명) 등을 들 수 있다.",
              province_id="hung_yen", title="")
    for o in (ja, ko):
        assert (o.indicator_id, o.value, o.unit, o.province_named) == (
            "sex_ratio_at_birth", 120.0, "boys_per_100_girls", "son_la")


def test_a_japanese_year_dates_what_follows_it_not_what_precedes(vocab: Vocabulary) -> None:
    # real_dev148: "2016年年初5か月" dates the ratio; "2015年通年より" after it is compared with
    o = only(vocab, "ハノイ市における2016年年初5か月の男女出生比率は、女児100人に対し男児114.4人"
                    "となり、2015年通年より悪化した。", province_id="ha_noi", title="")
    assert (o.indicator_id, o.value, o.year) == ("sex_ratio_at_birth", 114.4, 2016)


def test_a_minus_sign_after_a_word_makes_the_value_negative(vocab: Vocabulary) -> None:
    # real_dev150: "アンザン省の人口増加率は-0.7%"; a range's dash and a bullet are no sign
    o = only(vocab, "Tỷ lệ tăng dân số của tỉnh năm 2024 là -0,7%.", title="")
    assert (o.indicator_id, o.value) == ("population_growth", -0.7)
    o = only(vocab, "Tỷ lệ tăng dân số giai đoạn 2021-2025 đạt 0,7%.", title="")
    assert o.value == 0.7


def test_a_name_two_indicators_share_takes_the_one_holding_a_bare_number(vocab: Vocabulary
                                                                          ) -> None:
    # real_dev141: English news writes "birth rate" for the total fertility rate as well
    tfr = only(vocab, "Ho Chi Minh City has the nation's lowest birth rate at 1.43.",
               province_id="ho_chi_minh", title="")
    cbr = only(vocab, "Tỷ suất sinh của tỉnh năm 2020 là 14,5.", title="")
    assert (tfr.indicator_id, tfr.unit) == ("total_fertility_rate", "children_per_woman")
    assert (cbr.indicator_id, cbr.unit, cbr.quarantine_reason) == (
        "crude_birth_rate", "per_1000", None)


def test_the_next_places_of_a_ranking_take_its_indicator_and_unit(vocab: Vocabulary) -> None:
    # real_dev141: "Tay Ninh (merging …) follows at 1.52, and Can Tho (…) is at 1.55"
    text = ("Following the mergers, Ho Chi Minh City, combining the former areas of Ho Chi Minh "
            "City, Binh Duong, and Vung Tau, has the nation's lowest birth rate at 1.43. Tay Ninh "
            "(merging Long An and Tay Ninh) follows at 1.52, and Can Tho (merging Soc Trang, Hau "
            "Giang, and Can Tho) is at 1.55.")
    found = observations(vocab, text, province_id="ho_chi_minh", title="")
    assert [(o.indicator_id, o.value, o.province_named) for o in found] == [
        ("total_fertility_rate", 1.43, None), ("total_fertility_rate", 1.52, "tay_ninh"),
        ("total_fertility_rate", 1.55, "can_tho")]


def test_numbers_alone_in_brackets_go_in_turn_to_as_many_provinces(vocab: Vocabulary) -> None:
    # real_dev146: "Hanoi and HCM City have similar aging indices (65.7 percent and 65.2
    # percent)"; one province before two bracketed values keeps both (two indicators' values)
    found = observations(vocab, "Hanoi and HCM City have similar aging indices (65.7 percent "
                                "and 65.2 percent).", province_id="bac_lieu", title="")
    assert [(o.indicator_id, o.value, o.province_named) for o in found] == [
        ("ageing_index", 65.7, "ha_noi"), ("ageing_index", 65.2, "ho_chi_minh")]
    found = observations(vocab, "Hà Nội có tỷ lệ tiêm chủng đầy đủ và tỷ lệ tiêm sởi (95% và "
                                "97%).", province_id="ha_noi", title="")
    assert [(o.value, o.province_named) for o in found] == [(95.0, None), (97.0, None)]


def test_a_list_of_bare_numbers_goes_in_turn_to_as_many_provinces(vocab: Vocabulary) -> None:
    # held-out style (an English news page): "the rates" points back to the indicator the
    # sentence before named; the three numbers, with no unit and no "respectively", go to the
    # three provinces listed, one of them written with its dash unspaced
    text = ("In 2019 the total fertility rate in HCMC had dropped from 1.76 children per woman "
            "to 1.39. In the southern provinces of Dong Thap, Hau Giang and Ba Ria-Vung Tau, "
            "the rates were 1.34, 1.53 and 1.37.")
    found = observations(vocab, text, province_id="can_tho", title="")
    assert [(o.indicator_id, o.value, o.province_named) for o in found][-3:] == [
        ("total_fertility_rate", 1.34, "dong_thap"), ("total_fertility_rate", 1.53, "hau_giang"),
        ("total_fertility_rate", 1.37, "ba_ria_vung_tau")]
    ranked = ("Ben Tre is the only province where the elderly already outnumber children, with "
              "an aging index of 100.1 percent. Thai Binh, Vinh Long, and Nam Dinh follow with "
              "high indices of 98.6 percent, 95.1 percent, and 90.8 percent, respectively.")
    assert [(o.indicator_id, o.value, o.province_named) for o in observations(
        vocab, ranked, province_id="bac_lieu", title="")] == [
        ("ageing_index", 100.1, "ben_tre"), ("ageing_index", 98.6, "thai_binh"),
        ("ageing_index", 95.1, "vinh_long"), ("ageing_index", 90.8, "nam_dinh")]
    # two provinces for three numbers: which is whose the text does not say
    fewer = text.replace("Dong Thap, Hau Giang and ", "Hau Giang and ")
    assert [o.value for o in observations(vocab, fewer, province_id="can_tho", title="")] == [
        1.76, 1.39]


def test_the_start_of_a_change_takes_no_context_year_as_late_as_its_end(vocab: Vocabulary
                                                                        ) -> None:
    # real_dev134, Lai Châu: the period 2020-2025 dates the paragraph, but the change ends in
    # 2024, so its start is no value of 2025
    text = ("The birth rate adjustment work in the period of 2020-2025 has been implemented. "
            "The total birth rate (average number of children/woman) decreased from 2.63 "
            "children to 2.49 children (in 2024).")
    start, end = observations(vocab, text, province_id="lai_chau", title="")
    assert (start.value, start.kind, start.year) == (2.63, "baseline", None)
    assert start.year_basis == "not stated: the start of a change that ends in 2024"
    assert (end.value, end.year) == (2.49, 2024)


def test_a_sentence_of_what_is_to_come_in_a_reviewed_year_reports_none(vocab: Vocabulary
                                                                       ) -> None:
    # real_dev129, Ninh Thuận: a half-year review (sơ kết) lists the targets for the rest of
    # the year; they are targets, their relative changes kept
    text = ("(NTO) Ngày 11-7, Chi cục Dân số-KHHGĐ tỉnh tổ chức sơ kết công tác dân số-KHHGĐ 6 "
            "tháng đầu năm 2018.\n\nTrong thời gian tới, Chi cục tập trung chỉ đạo thực hiện đạt "
            "một số chỉ tiêu cơ bản: Tỷ lệ sinh con thứ 3 giảm 15%; tỷ lệ tăng dân số tự nhiên "
            "còn 1,12%.")
    found = observations(vocab, text, period_start=2018, period_end=2018, title="")
    assert [(o.indicator_id, o.kind, o.comparator, o.value) for o in found] == [
        ("third_child_births", "target", "relative", -15.0),
        ("natural_population_growth", "target", "=", 1.12)]


def test_a_news_page_s_related_links_are_items_apart(vocab: Vocabulary) -> None:
    # real_dev148: ">> …" links under a Japanese article; the country's goal for 2030 in one
    # gives no year to the next
    text = (">> 人口抑制から政策転換、2030年に総人口1億0400万人へ (2017/10/20)\n"
            ">> ホーチミンの合計特殊出生率、全国最低の1.46人/女性 (2017/07/06)")
    o = only(vocab, text, province_id="hung_yen", title="")
    assert (o.indicator_id, o.value, o.province_named) == (
        "total_fertility_rate", 1.46, "ho_chi_minh")
    assert o.year != 2030


def test_the_share_the_country_s_count_makes_up_is_the_country_s(vocab: Vocabulary) -> None:
    # real_dev150, Tây Ninh's page: "cả nước hiện có … 16,1 triệu người cao tuổi, chiếm hơn 16%"
    text = ("Tại Việt Nam, thống kê từ Dữ liệu dân cư quốc gia, cả nước hiện có khoảng 16,1 triệu "
            "người cao tuổi, chiếm hơn 16% số dân.")
    assert observations(vocab, text, province_id="tay_ninh", title="") == []
    o = only(vocab, "Toàn tỉnh hiện có khoảng 160 nghìn người cao tuổi, chiếm hơn 16% dân số.",
             province_id="tay_ninh", title="")
    assert (o.indicator_id, o.value) == ("population_60plus_share", 16.0)


def test_the_country_s_value_goes_on_in_its_unit_until_a_place_is_named(vocab: Vocabulary
                                                                         ) -> None:
    # real_dev141 and real_dev148: the country's value of another time, in the same unit, is
    # the country's too; a place named, a remark closed or a goal set gives the value back
    for text in ("Tổng tỷ suất sinh của cả nước năm 2023 là 1,96 con/phụ nữ, giảm so với năm "
                 "2022 (2,01 con/phụ nữ).",
                 "In the first 11 months of the year, the sex ratio at birth nationwide was 109 "
                 "boys per 100 girls, while the ratio in the same period last year was 112 boys "
                 "per 100 girls.",
                 "全国の男女出生比率は、女児100人に対して男児112.4人と、前年の比率100:112.2よりも"
                 "差が広がった。"):
        assert observations(vocab, text, province_id="ha_noi", title="") == []
    o = only(vocab, "Tổng tỷ suất sinh của cả nước là 1,96 con/phụ nữ, của Hà Nội là 2,1 con/phụ "
                    "nữ.", province_id="ha_noi", title="")
    assert o.value == 2.1
    found = observations(vocab, "Tỷ số giới tính khi sinh năm 2009 là 116,7 nam/100 nữ (cả nước "
                                "là 111,7 nam/100 nữ), năm 2010 là 123,1 nam/100 nữ.",
                         province_id="phu_tho", title="")
    assert [(o.value, o.year) for o in found] == [(116.7, 2009), (123.1, 2010)]


def test_the_level_a_change_is_compared_with_is_that_year_s_value(vocab: Vocabulary) -> None:
    # real_dev107: "tăng so với năm 2024 là 1,45 con/phụ nữ" names the 2024 level, which lies
    # near the 2025 value; a number after the same words that lies nearer nothing is the
    # difference and no value
    found = observations(vocab, "Tổng tỷ suất sinh đạt 1,51 con/phụ nữ, tăng so với năm 2024 là "
                                "1,45 con/phụ nữ.", province_id="ho_chi_minh", title="")
    assert [(o.value, o.year, o.comparator, o.year_basis) for o in found][1] == (
        1.45, 2024, "=", "the year a change is compared with")
    found = observations(vocab, "Tổng tỷ suất sinh đạt 1,51 con/phụ nữ, tăng so với năm 2024 là "
                                "0,06 con/phụ nữ.", province_id="ho_chi_minh", title="")
    assert [o.value for o in found] == [1.51]


def test_what_a_paragraph_tells_before_it_singles_the_province_out_is_not_its(
        vocab: Vocabulary) -> None:
    # real_dev114 and real_dev112: the national strategy's results, then "Riêng tại Hậu
    # Giang, …": only the values after it are the province's, and the earlier sentence's
    # year is the whole's, not theirs
    text = ("Tỷ lệ suy dinh dưỡng nhẹ cân ở trẻ em giảm từ 17,5% năm 2010 xuống còn 11,5% năm "
            "2020, vượt mục tiêu đề ra là 12,5%. Riêng tại Hậu Giang, tỷ lệ trẻ suy dinh dưỡng "
            "cân nặng trẻ em hiện nay là 10,89% và tỷ lệ suy dinh dưỡng thể thấp còi là 21,3%.")
    found = observations(vocab, text, province_id="hau_giang", title="")
    assert [(o.indicator_id, o.value, o.year) for o in found] == [
        ("underweight_under5", 10.89, None), ("stunting_under5", 21.3, None)]
    # another province singled out leaves the page's own values be
    found = observations(vocab, text.replace("Hậu Giang", "Đà Nẵng"), province_id="hau_giang",
                         title="")
    assert 11.5 in [o.value for o in found]


def test_a_ranking_s_value_after_the_country_it_ranks_in(vocab: Vocabulary) -> None:
    # real_dev141: "the lowest fertility rate in the country of 1.53" is the city's rate; the
    # country only frames the ranking
    o = only(vocab, "HCM City has the lowest fertility rate in the country of 1.53, according "
                    "to the Ministry of Health’s latest report in June.",
             province_id="ho_chi_minh", title="")
    assert (o.indicator_id, o.value, o.province_named) == ("total_fertility_rate", 1.53, None)


def test_the_share_a_stage_begins_at_is_a_definition(vocab: Vocabulary) -> None:
    # real_dev150: "một quốc gia sẽ bước vào giai đoạn … khi dân số cao tuổi chiếm 10%" says
    # when any country enters a stage; a province that has entered one states its own value
    assert observations(vocab, "Theo Quỹ dân số Liên hợp quốc (UNFPA), một quốc gia sẽ bước vào "
                               "giai đoạn “bắt đầu già” khi dân số cao tuổi chiếm 10% tổng số "
                               "dân.", province_id="tay_ninh", title="") == []
    o = only(vocab, "Tỉnh đã bước vào giai đoạn già hóa, người cao tuổi chiếm 12% tổng số dân.",
             province_id="tay_ninh", title="")
    assert (o.indicator_id, o.value) == ("population_60plus_share", 12.0)


def test_a_bare_number_pointing_back_takes_the_unit_of_the_value_before(vocab: Vocabulary
                                                                         ) -> None:
    # ranking pages (real_dev141): "Tỷ lệ này ở TP.HCM là 1,45", "This rate in HCM City is
    # 1.45" name no unit; the value pointed back to gives it, and the place named holds it
    for text in ("Tổng tỷ suất sinh của Bình Dương là 1,7 con/phụ nữ. Tỷ lệ này ở TP.HCM là "
                 "1,45.",
                 "The total fertility rate in Binh Duong is 1.7 children per woman. This rate "
                 "in HCM City is 1.45."):
        found = observations(vocab, text, province_id="binh_duong", title="")
        assert [(o.indicator_id, o.value, o.unit, o.province_named) for o in found] == [
            ("total_fertility_rate", 1.7, "children_per_woman", None),
            ("total_fertility_rate", 1.45, "children_per_woman", "ho_chi_minh")]


def test_what_the_country_has_in_brackets_is_the_countrys(vocab: Vocabulary) -> None:
    # "(the country has 9 doctors)": the national figure quoted beside the province's
    found = observations(vocab, "The ratio of doctors/ten thousand people in 2020 will reach 14.8 "
                                "(the country has 9 doctors).", period_start=2020,
                         period_end=2020, title="")
    assert [(o.indicator_id, o.value) for o in found] == [("doctors_per_10k", 14.8)]


def test_last_year_nearer_than_the_year_phrase_dates_the_number(vocab: Vocabulary) -> None:
    # on a page of 2025, "năm ngoái 1,45" is 2024's, in the unit of the value before it
    text = (" date 2025-12-27\n\nNăm 2025, mức sinh của thành phố tăng nhẹ, trung bình một phụ "
            "nữ tuổi sinh đẻ có 1,51 con, năm ngoái 1,45.")
    found = observations(vocab, text, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("total_fertility_rate", 2025, 1.51), ("total_fertility_rate", 2024, 1.45)]


def test_the_primary_series_is_the_second_dose(vocab: Vocabulary) -> None:
    o = only(vocab, "Tỷ lệ tiêm vắc xin phòng Covid-19 mũi cơ bản cho đối tượng từ 5 đến dưới 12 "
                    "tuổi đạt 99,8%.", title="")
    assert (o.indicator_id, o.value) == ("covid19_vaccine_dose2_age5_11", 99.8)


def test_a_change_of_a_count_is_not_its_rates(vocab: Vocabulary) -> None:
    # "tổng số người tham gia bảo hiểm y tế đạt 1.200.000 người, tăng 5%": the number of
    # people is to rise 5%, not the coverage rate; a name after the count and a comma is the
    # change's own subject
    assert observations(vocab, "Phấn đấu đến năm 2025, tổng số người tham gia bảo hiểm y tế "
                               "đạt 1.200.000 người, tăng 5% so với năm 2020.") == []
    o = only(vocab, "Phấn đấu đến năm 2025, dân số toàn tỉnh đạt 950.000 người, tỷ số giới tính "
                    "khi sinh giảm 2% so với năm 2020.")
    assert (o.indicator_id, o.kind, o.year, o.comparator, o.value) == (
        "sex_ratio_at_birth", "target", 2025, "relative", -2.0)


def test_the_country_as_the_scope_of_a_group_of_provinces(vocab: Vocabulary) -> None:
    # "among the first five provinces nationwide": the country is where the province ranks,
    # not the subject of the goals that follow
    text = ("Since 2016, Thanh Hoa has been among the first five provinces nationwide receiving "
            "support in realising the 90-90-90 goal – 90 percent of local HIV carriers aware of "
            "their health conditions, 90 percent of people diagnosed with HIV take continuous "
            "ARV therapy and 90 percent of those on ARV treatment have a suppressed viral load.")
    found = observations(vocab, text, title="", province_id="thanh_hoa")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("hiv_know_status", 90.0), ("hiv_on_arv", 90.0), ("hiv_viral_suppression", 90.0)]
    # the country as the subject still is not the province's
    assert observations(vocab, "Nationwide, 90 percent of people diagnosed with HIV take "
                               "continuous ARV therapy.", title="",
                        province_id="thanh_hoa") == []


def test_a_low_viral_load_is_the_third_90(vocab: Vocabulary) -> None:
    text = ("The 90-90-90 goals mean that by 2020 90 percent of HIV-infected people will know "
            "their infection status, 90 percent of HIV positive people will receive "
            "anti-retroviral (ARV) drugs, and 90 percent of people taking ARV drugs will have "
            "a low HIV load.")
    found = observations(vocab, text, title="")
    assert [o.indicator_id for o in found] == [
        "hiv_know_status", "hiv_on_arv", "hiv_viral_suppression"]


def test_a_contrast_with_another_time_goes_on_with_the_measure(vocab: Vocabulary) -> None:
    # "trong khi năm ngoái 1,45": the same measure last year, in the unit of the value before
    text = (" date 2025-12-27\n\nChi cục Dân số ghi nhận mức sinh của thành phố năm 2025 tăng "
            "nhẹ, trung bình một phụ nữ tuổi sinh đẻ có 1,51 con trong khi năm ngoái 1,45.")
    found = observations(vocab, text, title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("total_fertility_rate", 2025, 1.51), ("total_fertility_rate", 2024, 1.45)]
    # a contrast with the country is no value of the province
    o = only(vocab, "Tuổi thọ trung bình của tỉnh năm 2024 đạt 74,2 tuổi, trong khi cả nước "
                    "năm 2024 là 74,7.", title="")
    assert (o.indicator_id, o.value) == ("life_expectancy", 74.2)


def test_the_year_after_a_change_s_start_is_not_the_level_s(vocab: Vocabulary) -> None:
    # "12.8 percent, down from 13.5 percent in 2018": 2018 dates where the change started
    found = observations(vocab, "The rate of stunting is 12.8 percent, down from 13.5 percent "
                                "in 2018.", title="")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("stunting_under5", None, 12.8), ("stunting_under5", 2018, 13.5)]
    # two values listed before one year still share it
    found = observations(vocab, "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 95% và tỷ "
                                "lệ bao phủ bảo hiểm y tế đạt 92% năm 2025.", title="")
    assert [(o.indicator_id, o.year) for o in found] == [
        ("full_immunization_under1", 2025), ("health_insurance_coverage", 2025)]


def test_urinary_iodine_in_its_units_and_a_plain_list_dated_in_turn(vocab: Vocabulary) -> None:
    # real_dev86, An Giang: the years the study names, then a plain list of as many values
    found = observations(vocab, "Hồi cứu kết quả thực hiện Chương trình tại tỉnh An Giang qua "
                                "các năm 1998, 2000, 2003. Iốt niệu trung vị: 1,8µg/dl, "
                                "4,4µg/dl, 5,7µg/dl.", province_id="an_giang", title="")
    assert [(o.indicator_id, o.year, o.value, o.unit) for o in found] == [
        ("urinary_iodine_median", 1998, 1.8, "micrograms_per_dl"),
        ("urinary_iodine_median", 2000, 4.4, "micrograms_per_dl"),
        ("urinary_iodine_median", 2003, 5.7, "micrograms_per_dl")]
    # the WHO's recommended level quoted against it is no value of the province
    found = observations(vocab, "Mức I ốt niệu học sinh là 7,01 µg/dl thấp dưới mức khuyến cáo "
                                "của WHO (>10 µg/dl).", province_id="thai_nguyen", title="")
    assert [(o.indicator_id, o.value) for o in found] == [("urinary_iodine_median", 7.01)]
    o = only(vocab, "Năm 2005 mức iốt niệu lên đến 144mcg/l.", province_id="nam_dinh", title="")
    assert (o.indicator_id, o.year, o.value, o.unit) == (
        "urinary_iodine_median", 2005, 144.0, "micrograms_per_l")


def test_an_english_sentence_of_few_function_words_groups_thousands_with_commas(
        vocab: Vocabulary) -> None:
    # "3,386 children" on an English page is a count of 3386, not 3.386 children per woman
    text = ("Furthermore, some 10,058 children (2.05 percent) had scoliosis and 3,386 children "
            "(0.69 percent) had hunchback.")
    assert [(o.indicator_id, o.value) for o in observations(vocab, text)
            if o.quarantine_reason is None] == []


def test_the_alcohol_law_and_drowning_wording_name_their_indicators(vocab: Vocabulary) -> None:
    o = only(vocab, "Theo đó, ít nhất 80% người từ 13 tuổi trở lên được đưa thông tin truyền "
                    "thông về phòng chống tác hại của rượu bia.")
    assert (o.indicator_id, o.comparator, o.value) == ("alcohol_harm_communication", ">=", 80)
    o = only(vocab, "Mục tiêu đến năm 2030 có 95% trẻ em, cha, mẹ và người chăm sóc trẻ em được "
                    "cung cấp kiến thức, kỹ năng về phòng, chống đuối nước.")
    assert (o.indicator_id, o.year, o.value) == ("child_injury_knowledge", 2030, 95)


def test_a_name_carried_past_a_value_to_one_its_range_refuses_gives_way(
        vocab: Vocabulary) -> None:
    text = ("This year, the capital city is striving to reduce the third child birth rate by "
            "0.15% year-on-year, provide regular health check to 88% of the elderly.")
    found = [(o.indicator_id, o.value, o.quarantine_reason) for o in observations(vocab, text)]
    assert found == [("third_child_births", -0.15, None), ("elderly_health_checks", 88, None)]


def test_a_value_defining_a_group_of_places_is_its_threshold(vocab: Vocabulary) -> None:
    text = ("Theo đó, nhóm 1 có tỷ lệ giới tính khi sinh lớn hơn 112 bé trai/100 bé gái, gồm 21 "
            "tỉnh, thành phố: Sơn La, Hưng Yên. Trong đó, tỉnh Sơn La là 118,2 bé trai/100 bé gái.")
    assert [o.value for o in observations(vocab, text, province_id="son_la")] == [118.2]
    # a group's own count named after its value is no threshold: "… 95%, gồm 3 xã …" is still
    # the value when no count of provinces follows
    o = only(vocab, "Tỷ lệ trạm y tế xã có bác sĩ đạt 95%, gồm cả 3 xã vùng cao.")
    assert o.value == 95


def test_the_triple_elimination_plan_names_each_of_its_shares(vocab: Vocabulary) -> None:
    # QĐ 7130/QĐ-BYT's items as a provincial EMTCT plan copies them
    text = ("Tỷ lệ phụ nữ mang thai nhiễm HIV được điều trị ARV ≥ 95%. Tỷ lệ phụ nữ đẻ được xét "
            "nghiệm sàng lọc viêm gan B trong thời kỳ mang thai ≥ 95%. Tỷ lệ phụ nữ mang thai mắc "
            "viêm gan B được điều trị ≥ 95%. Tỷ lệ phụ nữ đẻ được xét nghiệm sàng lọc giang mai "
            "trong thời kỳ mang thai ≥ 95%. Tỷ lệ phụ nữ mang thai mắc giang mai được điều trị "
            "≥ 95%.")
    assert [o.indicator_id for o in observations(vocab, text)] == [
        "hiv_pregnant_arv", "hbv_pregnant_tested", "hbv_pregnant_treated",
        "syphilis_pregnant_tested", "syphilis_pregnant_treated"]



def test_sport_families_are_named(vocab: Vocabulary) -> None:
    o = only(vocab, "Số gia đình luyện tập thể thao đạt 28% năm 2020.")
    assert (o.indicator_id, o.year, o.value) == ("sport_families", 2020, 28)


def test_an_inpatient_stay_in_days_per_patient_is_its_average_length(vocab: Vocabulary) -> None:
    o = only(vocab, "Trung bình một bệnh nhân nằm viện điều trị nội trú 5,04 ngày/người.")
    assert (o.indicator_id, o.value, o.unit) == ("average_length_of_stay", 5.04,
                                                "days_per_patient")
    o = only(vocab, "The average length of stay was 6.1 days per patient.")
    assert (o.indicator_id, o.value) == ("average_length_of_stay", 6.1)


def test_children_under_five_weighed_and_measured_are_named(vocab: Vocabulary) -> None:
    o = only(vocab, "The province has more than 82,000 children under 5 years old; 98.67% are "
                    "weighed and measured periodically, meeting and exceeding the plan.")
    assert (o.indicator_id, o.value) == ("growth_monitoring_under5", 98.67)


def test_continued_breastfeeding_referrals_and_drowning_information_are_named(
        vocab: Vocabulary) -> None:
    found = observations(vocab, "Tỷ lệ bà mẹ tiếp tục cho trẻ bú mẹ đến khi trẻ được 24 tháng tuổi "
                                "hoặc lâu hơn đạt 58%. Tỷ lệ chuyển tuyến từ tuyến tỉnh chuyển "
                                "Trung ương chỉ còn 0,85%.")
    assert [(o.indicator_id, o.value) for o in found] == [
        ("continued_breastfeeding_24m", 58), ("referral_rate", 0.85)]
    o = only(vocab, "Phấn đấu 90% hộ gia đình được tiếp cận thông tin, kiến thức, kỹ năng về phòng "
                    "chống tai nạn đuối nước trẻ em vào năm 2025.")
    assert (o.indicator_id, o.year, o.value) == ("households_drowning_info", 2025, 90)


# --- counts whose only value is their change ----------------------------------------------------

def test_a_case_count_s_change_on_the_same_period_is_its_value(vocab: Vocabulary) -> None:
    o = only(vocab, "Năm 2019, toàn tỉnh ghi nhận số ca mắc sốt xuất huyết là 1603 ca, tăng "
                    "114,3% so với cùng kỳ năm 2018.", province_id="tay_ninh")
    assert (o.indicator_id, o.kind, o.year, o.comparator, o.value) == (
        "dengue_cases", "actual", 2019, "relative", 114.3)


def test_a_rate_s_change_on_the_same_period_is_no_value(vocab: Vocabulary) -> None:
    o = only(vocab, "Năm 2022, tỷ lệ sinh con thứ 3 là 12%, giảm 0,5% so với cùng kỳ.")
    assert (o.indicator_id, o.value) == ("third_child_births", 12.0)


def test_a_count_s_change_compared_with_a_year_takes_the_year_it_reports(
        vocab: Vocabulary) -> None:
    found = observations(vocab, "Trong năm 2015, toàn tỉnh có 1.817 ca mắc sốt rét, tăng 14,6%; "
                                "1.073 ca mắc sốt xuất huyết, tăng 82,5% so năm 2014.")
    assert {(o.indicator_id, o.year, o.value) for o in found} == {
        ("malaria_cases", 2015, 14.6), ("dengue_cases", 2015, 82.5)}


def test_a_name_in_an_aside_closed_before_the_number_is_not_its_name(vocab: Vocabulary) -> None:
    found = observations(vocab, "Trong năm 2020 ghi nhận 562 ca mắc sốt rét (không có sốt rét "
                                "ác tính và tử vong do sốt rét), giảm 65,33% so với năm 2019.")
    assert [(o.indicator_id, o.year, o.value) for o in found] == [
        ("malaria_cases", 2020, -65.33)]


def test_a_rate_s_unit_keeps_a_shared_name_for_the_rate(vocab: Vocabulary) -> None:
    o = only(vocab, "Năm 2023, số ca mắc sốt xuất huyết là 120 ca/100.000 dân.")
    assert (o.indicator_id, o.value, o.unit) == ("dengue_incidence_per_100k", 120.0,
                                                 "per_100000")


def test_a_page_dated_before_the_year_its_line_names_is_misdated(vocab: Vocabulary) -> None:
    text = ("- 08/10/2015 03:00:00 PM\n"
            "Trong 07 tháng đầu năm 2019, số ca mắc sốt xuất huyết cộng dồn đến nay là 1603 ca, "
            "tăng 114,3% so với cùng kỳ năm 2018.")
    assert only(vocab, text, province_id="tay_ninh").year == 2019
    # the year of a headline on another line leaves the page's now alone
    text = ("Sơn La: Phấn đấu 95% số dân nông thôn được cấp nước hợp vệ sinh năm 2020\n"
            "11:07 - 16/08/2018\n"
            "Đến nay, tỷ lệ số hộ dân toàn tỉnh được sử dụng nước sinh hoạt hợp vệ sinh đạt 82%.")
    assert [o.year for o in observations(vocab, text) if o.value == 82.0] == [2018]


def test_a_province_one_of_a_group_in_the_country_keeps_its_value(vocab: Vocabulary) -> None:
    # "trong cả nước" scopes the group of provinces the page's province is one of
    o = only(vocab, "Năm 2022, Vĩnh Long là 1 trong 5 tỉnh trong cả nước có tỷ lệ bao phủ bảo "
                    "hiểm y tế cao nhất, đạt 95,5%.", province_id="vinh_long")
    assert (o.indicator_id, o.year, o.value) == ("health_insurance_coverage", 2022, 95.5)


def test_a_value_reaching_after_its_named_ratio_is_read(vocab: Vocabulary) -> None:
    o = only(vocab, "The provincial health sector achieved and exceeded many important targets "
                    "such as the ratio of doctors/10,000 people reaching 9.5, reaching 100% of "
                    "the plan.", province_id="long_an", title="Long An health news")
    assert (o.indicator_id, o.kind, o.value) == ("doctors_per_10k", "actual", 9.5)


def test_a_programme_s_name_sets_no_target(vocab: Vocabulary) -> None:
    # "Chương trình mục tiêu quốc gia" names programmes: the page still reports
    text = ("Trong 9 tháng đầu năm, công tác y tế trên địa bàn tỉnh đạt được những kết quả tích "
            "cực. Tỷ lệ giải ngân các chương trình mục tiêu quốc gia y tế đạt 66%. Khám chữa bệnh "
            "bằng y học cổ truyền cho 675.570 lượt người, chiếm tỷ lệ 14,68% so với tổng số lượt "
            "khám bệnh chung.")
    o = only(vocab, text, title="Bình Dương: kết quả y tế 9 tháng đầu năm 2013",
             province_id="binh_duong")
    assert (o.indicator_id, o.kind) == ("traditional_medicine_visits_share", "actual")
    # a target word outside the name still sets a target
    o = only(vocab, "Mục tiêu đến năm 2025, tỷ lệ khám chữa bệnh bằng y học cổ truyền đạt 15%.",
             title="Bình Dương: kế hoạch", province_id="binh_duong")
    assert o.kind == "target"


def test_english_covid_doses_and_age_groups_are_named(vocab: Vocabulary) -> None:
    def read(text: str) -> tuple[str, float]:
        o = only(vocab, text, title="COVID-19 vaccination", province_id="bac_giang")
        return o.indicator_id, o.value

    assert read("99.2 percent of citizens aged over 18 receive at least one Covid-19 vaccine "
                "shot.") == ("covid19_vaccine_dose1", 99.2)
    assert read("Some 95 percent of children aged 12-17 have received two Covid-19 vaccine "
                "doses.") == ("covid19_vaccine_dose2_age12_17", 95.0)
    assert read("The rate of children aged 5 to 11 receiving the first dose reached 80.6 "
                "percent.") == ("covid19_vaccine_dose1_age5_11", 80.6)


def test_an_english_goal_after_a_value_keeps_its_year_from_the_value(vocab: Vocabulary) -> None:
    o = only(vocab, "The capital city of Hanoi has recorded 82.5% of its population receiving "
                    "health management services, aiming to achieve the goal of covering the "
                    "entire population with health management by 2025.",
             title="Hanoi records 82.5% of population under health management",
             province_id="ha_noi")
    assert (o.indicator_id, o.value, o.year) == ("population_health_managed", 82.5, None)
    assert "another goal" in o.year_basis


def test_a_one_year_document_s_year_must_be_named_by_its_title_date_or_headline(
        vocab: Vocabulary) -> None:
    body = ("Hiện nay, tỷ lệ bác sĩ của tỉnh đạt 8 bác sĩ/vạn dân.\n"
            "Theo kế hoạch năm 2020, tỉnh tiếp tục đào tạo bác sĩ cho tuyến xã.")
    # a year only mentioned further on in the text dates no undated value
    o = only(vocab, "Mật độ bác sĩ\n\n" + body, period_start=2020, period_end=2020,
             title="Mật độ bác sĩ", province_id="tay_ninh")
    assert (o.value, o.year) == (8.0, None)
    # named by the title, the value takes the document's one year
    o = only(vocab, "Mật độ bác sĩ\n\n" + body, period_start=2020, period_end=2020,
             title="Mật độ bác sĩ năm 2020", province_id="tay_ninh")
    assert (o.value, o.year, o.year_basis) == (8.0, 2020, "one-year document")


def test_an_english_present_tense_value_on_a_dated_page_is_the_page_year_s(
        vocab: Vocabulary) -> None:
    text = ("HCMC's rising birth rate still 'too low'\n"
            "By Le Phuong   December 11, 2023 | 07:55\n"
            "A woman of childbearing age in Ho Chi Minh City accounts for an average of 1.42 "
            "children, a slight increase.")
    o = only(vocab, text, period_start=2022, period_end=2023, province_id="ho_chi_minh",
             title="HCMC's rising birth rate still 'too low'")
    assert (o.indicator_id, o.value, o.year) == ("total_fertility_rate", 1.42, 2023)
    assert o.year_basis.startswith("said in the present tense")
    # a sentence setting a target is no present fact
    text = text.replace("A woman of childbearing age in Ho Chi Minh City accounts for an "
                        "average of", "The city's target is a fertility rate of")
    (o,) = [o for o in observations(vocab, text, period_start=2022, period_end=2023,
                                    province_id="ho_chi_minh", title="Birth rate")
            if o.value == 1.42]
    assert o.kind == "target" and not o.year_basis.startswith("said in the present tense")


def test_a_week_s_number_is_no_value_and_its_year_dates_the_sentence(vocab: Vocabulary) -> None:
    obs = observations(vocab, "Tính đến tuần thứ 7 của năm 2025, toàn thành phố đã ghi nhận "
                              "3.431 ca mắc sốt xuất huyết, tăng 49,3% so với cùng kỳ năm 2024.",
                       province_id="ho_chi_minh", title="Sốt xuất huyết")
    assert [(o.indicator_id, o.comparator, o.value, o.year) for o in obs] == [
        ("dengue_cases", "relative", 49.3, 2025)]


def test_a_comparative_before_a_number_an_earlier_period_follows_is_a_change(
        vocab: Vocabulary) -> None:
    text = ("Năm 2025, thành phố ghi nhận 3.431 ca mắc sốt xuất huyết cao hơn 125,3% so với "
            "cùng kỳ năm 2024.")
    o = only(vocab, text, province_id="ho_chi_minh", title="Sốt xuất huyết")
    assert (o.indicator_id, o.comparator, o.value, o.year) == (
        "dengue_cases", "relative", 125.3, 2025)
    # "thấp hơn" a decrease; a rate's change on an earlier period is still no value of it
    o = only(vocab, text.replace("cao hơn", "thấp hơn"), province_id="ho_chi_minh",
             title="Sốt xuất huyết")
    assert (o.comparator, o.value) == ("relative", -125.3)
    assert not observations(vocab, "Năm 2025, tỷ lệ tiêm chủng đầy đủ cho trẻ dưới 1 tuổi cao "
                                   "hơn 2% so với cùng kỳ năm 2024.",
                            province_id="ho_chi_minh", title="Tiêm chủng")


def test_a_value_after_a_numbered_part_s_label_is_the_part_s(vocab: Vocabulary) -> None:
    obs = observations(vocab, "Năm 2017, tỷ lệ hiện mắc tăng huyết áp là 29,8%, chủ yếu là tăng "
                              "huyết áp độ 1 (42,3%), độ 2 chiếm 35,4% và độ 3 chiếm 22,3%.",
                       province_id="thai_binh", title="Tăng huyết áp")
    assert [(o.indicator_id, o.value) for o in obs] == [("hypertension_prevalence_adult", 29.8)]


def test_a_value_of_the_whole_region_is_not_the_province_s(vocab: Vocabulary) -> None:
    text = ("Từ năm 1999 đến 2009, tuổi thọ trung bình toàn vùng tăng từ 68,2 lên 70,5 tuổi.")
    assert not observations(vocab, text, province_id="ha_giang", title="Tuổi thọ")
    obs = observations(vocab, text.replace("toàn vùng", "của tỉnh"), province_id="ha_giang",
                       title="Tuổi thọ")
    assert [(o.value, o.year) for o in obs] == [(68.2, 1999), (70.5, 2009)]


def test_values_in_a_bracket_holding_a_p_value_are_compared_groups_not_the_province_s(
        vocab: Vocabulary) -> None:
    text = ("The rate of low birth weight in Vinh Long province in 2021 was 5.4%. Related "
            "factors were weight of the mother before pregnancy (low birth weight in mothers "
            "weighing <40kg was 33.3% and in mothers with weight ≥40kg was 5.2%, p<0.05).")
    obs = observations(vocab, text, province_id="vinh_long", title="Low birth weight")
    assert [(o.indicator_id, o.value) for o in obs] == [("low_birth_weight", 5.4)]


def test_english_national_before_a_name_makes_it_the_country_s_but_not_a_programme_s(
        vocab: Vocabulary) -> None:
    assert not observations(vocab, "The national health insurance coverage in 2014 reached "
                                   "71.6 percent.", province_id="dien_bien",
                            title="Health insurance")
    text = ("After years of overcoming difficulties, the national target programme on clean "
            "water and rural environmental sanitation has gained considerable achievements. The "
            "ratio of rural people accessing clean water reached 91.5 percent.")
    o = only(vocab, text, province_id="hoa_binh", title="Rural clean water")
    assert (o.indicator_id, o.value) == ("clean_water_rural", 91.5)


def test_a_share_of_money_collected_or_spent_is_no_coverage(vocab: Vocabulary) -> None:
    for text in ("Năm 2022, số thu BHXH, BHYT, BHTN đạt 81,3%, ước thực hiện cả năm đạt 100%.",
                 "In 2025, accumulated social insurance, health insurance and unemployment "
                 "insurance revenue reached 73.37%.",
                 "The province will increase the proportion of health insurance fund expenditure "
                 "for medical examination and treatment to 92%."):
        assert not observations(vocab, text, province_id="binh_phuoc", title="Bảo hiểm"), text
    # a money word in another clause leaves the coverage its own
    o = only(vocab, "Năm 2022, tỷ lệ bao phủ BHYT đạt 92%, số thu đạt 100% kế hoạch.",
             province_id="binh_phuoc", title="Bảo hiểm y tế")
    assert (o.indicator_id, o.value) == ("health_insurance_coverage", 92.0)


def test_an_anaphora_before_lan_luot_takes_the_names_of_the_sentence_before_s_values(
        vocab: Vocabulary) -> None:
    text = ("Tính đến hết năm 2014, tỷ lệ hộ dân nông thôn được sử dụng nước sinh hoạt hợp vệ "
            "sinh đạt trên 85%; tỷ lệ trạm y tế xã ở nông thôn có đủ nước sạch và nhà tiêu hợp "
            "vệ sinh là gần 95%. Ước đến hết năm 2015, con số này sẽ lần lượt là 90% và 100%.")
    obs = observations(vocab, text, province_id="ha_nam", title="Nước sạch nông thôn")
    # the second name was matched loosely ("ở nông thôn" inserted): its value's name is taken
    assert [(o.indicator_id, o.year, o.value) for o in obs] == [
        ("hygienic_water_rural", 2014, 85.0), ("health_stations_water_latrine", 2014, 95.0),
        ("hygienic_water_rural", 2015, 90.0), ("health_stations_water_latrine", 2015, 100.0)]


def test_a_state_told_as_of_the_end_of_a_year_is_no_target(vocab: Vocabulary) -> None:
    o = only(vocab, "Tính đến hết năm 2014, tỷ lệ hộ dân nông thôn được sử dụng nước sinh hoạt "
                    "hợp vệ sinh đạt trên 85%.", province_id="ha_nam", period_start=2014,
             period_end=2015, title="Hà Nam phấn đấu 90% dân số nông thôn dùng nước hợp vệ sinh")
    assert (o.kind, o.year, o.value) == ("actual", 2014, 85.0)
    # "đến hết năm" with no "tính" sets the year a goal is for
    o = only(vocab, "Đến hết năm 2015, tỷ lệ hộ dân nông thôn được sử dụng nước sinh hoạt "
                    "hợp vệ sinh đạt 90%.", province_id="ha_nam", period_start=2014,
             period_end=2015, title="Hà Nam phấn đấu 90% dân số nông thôn dùng nước hợp vệ sinh")
    assert (o.kind, o.year) == ("target", 2015)


def test_dan_so_names_the_whole_population_and_a_part_of_a_group_s_value_is_the_group_s(
        vocab: Vocabulary) -> None:
    o = only(vocab, "Năm 2017, 87% dân số sử dụng nước sạch.", province_id="thua_thien_hue",
             title="Nước sạch")
    assert o.indicator_id == "clean_water_population"
    obs = observations(vocab, "Năm 2019, chỉ có 84% dân số nông thôn đang sử dụng nước hợp vệ "
                              "sinh, trong đó 32% dân số được sử dụng nước sạch.",
                       province_id="ha_noi", title="Nước hợp vệ sinh nông thôn")
    assert [(o.indicator_id, o.value) for o in obs] == [("hygienic_water_rural", 84.0),
                                                        ("clean_water_rural", 32.0)]


def test_english_changes_without_by_and_change_nouns_after_the_number(vocab: Vocabulary) -> None:
    for text, value in (("In 2022, dengue cases fell 37.8% compared to 2021.", -37.8),
                        ("In 2022, the number of dengue cases saw a 37.8% decrease compared to "
                         "2021.", -37.8),
                        ("In 2015, the province recorded 1,200 dengue cases, a 100 percent "
                         "increase compared to the same period last year.", 100.0)):
        o = only(vocab, text, province_id="binh_phuoc", title="Dengue")
        assert (o.indicator_id, o.comparator, o.value) == ("dengue_cases", "relative", value)
    # the end of a change is its level, whatever is compared with after it
    obs = observations(vocab, "In 2019 the rate in HCMC had dropped from 1.76 children per woman "
                              "to 1.39 compared to 2.75 in Ha Tinh.", province_id="ho_chi_minh",
                       title="Fertility")
    assert [(o.kind, o.comparator, o.value) for o in obs] == [("baseline", "=", 1.76),
                                                              ("actual", "=", 1.39)]


def test_values_before_respectively_pair_in_order_with_the_items_listed_before_them(
        vocab: Vocabulary) -> None:
    # the first two items name no indicator: their values take no other item's name
    text = ("In 2017, the rates of newly-detected HIV infections via blood, sex and mother to "
            "child transmission were 36.9%, 63.1% and 0%, respectively.")
    obs = observations(vocab, text, province_id="ha_noi", title="HIV")
    assert [(o.indicator_id, o.value) for o in obs] == [("hiv_mother_to_child", 0.0)]
    # places listed are the values' own, read as before
    obs = observations(vocab, "In 2023, Dien Bien, Lai Chau and Kon Tum had the lowest life "
                              "expectancy, 69.9, 69.8 and 69.7, respectively.",
                       province_id="dien_bien", title="Life expectancy")
    assert [o.value for o in obs] == [69.9, 69.8, 69.7]


def test_a_route_s_share_of_hiv_infections_is_no_count_of_them(vocab: Vocabulary) -> None:
    # the route make-up of infections is a share (hiv_sexual_share), the same words before a
    # change are the count's (test above); a disease group's route names no HIV share, and a
    # page that never says HIV has none
    found = observations(vocab, "Hình thái lây nhiễm HIV qua đường tình dục chiếm đến 72,92%, "
                                "lây nhiễm qua đường máu 22,08%. The number of people getting the "
                                "virus through sexual activities rose from 36.2 percent in 2014 "
                                "to 65.6 percent in 2018.", period_start=2019, period_end=2019)
    assert [(o.indicator_id, o.value, o.year) for o in found] == [
        ("hiv_sexual_share", 72.92, 2019), ("hiv_blood_share", 22.08, 2019),
        ("hiv_sexual_share", 36.2, 2014), ("hiv_sexual_share", 65.6, 2018)]
    assert not observations(vocab, "Các bệnh lây truyền qua đường máu, tiêu hóa và hô hấp đa "
                                   "số giảm; sốt xuất huyết giảm bằng 42,8% so với cùng kỳ.",
                            period_start=2024, period_end=2024)


def test_the_population_s_change_is_read_and_the_country_s_is_not(vocab: Vocabulary) -> None:
    # a yearbook's "Dân số trung bình … tăng 0,49%": a relative change of the population count;
    # a name made the country's by its own words is so for every value it is carried to
    found = observations(vocab, "Dân số trung bình sơ bộ năm 2022 của tỉnh Vĩnh Phúc 1.197.617 "
                                "người, tăng 0,49% (5.835 người) so với năm 2021.",
                         province_id="vinh_phuc", period_start=2022, period_end=2022)
    assert [(o.indicator_id, o.comparator, o.value, o.year) for o in found] == [
        ("population_average", "relative", 0.49, 2022)]
    assert not observations(vocab, "Dân số trung bình của Việt Nam năm 2023 ước tính đạt 100,3 "
                                   "triệu người, tăng 841,3 nghìn người, tương đương tăng 0,85% "
                                   "so với năm 2022.", province_id="vinh_phuc",
                            period_start=2023, period_end=2023)


def test_a_rank_before_the_name_makes_the_country_its_scope(vocab: Vocabulary) -> None:
    # real_dev138: "the fourth-highest rate of … nationwide, at 34" is where the province
    # ranks; the country's own value stays the country's
    o = only(vocab, "Only half of rural people in Ninh Thuan use safe water, while the province "
                    "has the fourth-highest rate of new HIV infections nationwide, at 34 per "
                    "100,000.", province_id="ninh_thuan", title="")
    assert (o.indicator_id, o.value) == ("hiv_new_infections_per_100k", 34.0)
    assert not observations(vocab, "The rate of new HIV infections nationwide was 12 per 100,000.",
                            province_id="ninh_thuan", title="")


def test_a_province_named_after_the_country_s_name_holds_its_value(vocab: Vocabulary) -> None:
    # real_dev103: the country's group a province is listed in ("nhóm thấp cả nước") leaves
    # each value to the province named with it
    o = only(vocab, "Những địa phương có tuổi thọ trung bình thuộc nhóm thấp cả nước được ghi "
                    "nhận là: Lai Châu 65,8 tuổi.", province_id="lai_chau", title="")
    assert (o.indicator_id, o.value) == ("life_expectancy", 65.8)


def test_a_name_a_number_leads_goes_on_past_a_comma_but_not_past_a_negation(
        vocab: Vocabulary) -> None:
    # catalogue paraphrase set B, i046: two verbs share their object ("được khám, kiểm tra sức
    # khỏe định kỳ"), and the group is named by its abbreviation (NCT: người cao tuổi)
    found = observations(vocab, "Đến năm 2030, trên 90% NCT được khám, kiểm tra sức khỏe "
                                "định kỳ.", period_start=2026, period_end=2030)
    assert [(o.indicator_id, o.year, o.comparator, o.value) for o in found] == [
        ("elderly_health_checks", 2030, ">", 90.0)]
    # real_dev20: the communes NOT meeting the criteria are no share of those meeting them
    found = observations(vocab, "Chỉ còn 2% số xã, phường của Hưng Yên chưa đạt chuẩn quốc "
                                "gia về y tế.", province_id="hung_yen", title="")
    assert [o.indicator_id for o in found] == []


def test_a_region_named_in_the_words_a_number_leads_holds_its_value(vocab: Vocabulary) -> None:
    # real_dev127: the Central Highlands' share, on Đắk Lắk's page; the province's own follows
    text = ("Nearly 89 percent of medical stations in Central Highlands localities have doctors. "
            "Dak Lak recorded the highest rate with 100 percent of medical stations employing "
            "doctors.")
    found = observations(vocab, text, province_id="dak_lak", title="")
    assert [(o.indicator_id, o.value) for o in found] == [("chs_with_doctor", 100.0)]
