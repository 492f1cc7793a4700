"""Numbers in a statement read as mentions (vnhealth.extract.mentions): comparators, units,
fractions, ranges, relative changes, years, and the numbers that are never values (forms of
DESIGN §4), read through the real rules."""

from __future__ import annotations

import unicodedata

import pytest

from vnhealth.extract import Vocabulary, read_text
from vnhealth.inputs.catalog import load_catalog
from vnhealth.inputs.paths import ProjectPaths


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(load_catalog(ProjectPaths.at()))


def _obs(vocab: Vocabulary, text: str, period_end: int = 2025) -> list[tuple]:
    ext = read_text(vocab, text, period_end=period_end)
    return [(o.indicator_id, o.kind, o.year, o.comparator, o.value, o.value_high, o.unit,
             o.relative_to) for o in ext.observations]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # comparator words
        ("- Tỷ lệ người dân có thẻ bảo hiểm y tế đạt trên 97% dân số.",
         ("health_insurance_coverage", ">", 97.0)),
        ("- Tỷ lệ hài lòng của người dân với dịch vụ y tế hơn 90%.",
         ("patient_satisfaction", ">", 90.0)),
        ("- Tỷ lệ trẻ em dưới 5 tuổi SDD thể thấp còi còn dưới 24,4%.",
         ("stunting_under5", "<", 24.4)),
        ("- Tỷ lệ tăng dân số tự nhiên dưới 1,2%.", ("natural_population_growth", "<", 1.2)),
        ("- Số năm sống khỏe mạnh đạt tối thiểu 65,5 năm.", ("healthy_life_years", ">=", 65.5)),
        ("- Số năm sống khỏe mạnh đạt ít nhất 68 năm.", ("healthy_life_years", ">=", 68.0)),
        ("- Tỷ suất tử vong trẻ dưới 1 tuổi ≤ 13‰.", ("infant_mortality", "<=", 13.0)),
        ("- Tỷ suất tử vong trẻ em dưới 1 tuổi tối đa 13‰.", ("infant_mortality", "<=", 13.0)),
        ("- Tỷ suất tử vong trẻ em dưới 5 tuổi không quá 19‰.",
         ("under5_mortality", "<=", 19.0)),
        ("- Tuổi thọ trung bình là 73,5 tuổi.", ("life_expectancy", "=", 73.5)),
        ("- Giảm tỷ số tử vong mẹ xuống còn 72/100.000 sơ sinh sống.",
         ("maternal_mortality_ratio", "=", 72.0)),
        ("- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt >93%.",
         ("full_immunization_under1", ">", 93.0)),
        ("- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt &gt;93%.",
         ("full_immunization_under1", ">", 93.0)),
        ("- Tuổi thọ trung bình đạt từ 80 tuổi trở lên.", ("life_expectancy", ">=", 80.0)),
        ("- Tỷ lệ suy dinh dưỡng thấp còi ở trẻ < 5 tuổi xuống 20%.",
         ("stunting_under5", "=", 20.0)),
    ],
)
def test_comparators(vocab: Vocabulary, text: str, expected: tuple[str, str, float]) -> None:
    got = [(i, c, v) for i, _k, _y, c, v, _h, _u, _r in _obs(vocab, text)]
    assert got == [expected]


def test_thousands_dot_is_a_denominator_not_a_comparator(vocab: Vocabulary) -> None:
    # "trên 100.000 dân" is "per 100,000", and "08 ca" has a leading zero
    text = ("- Số ca ngộ độc thực phẩm cấp tính được báo cáo trên 100.000 dân còn\n\n"
            "dưới 08 ca.")
    ext = read_text(vocab, text)
    [o] = ext.observations
    assert (o.indicator_id, o.comparator, o.value, o.unit, o.line) == (
        "food_poisoning_per_100k", "<", 8.0, "per_100000", 3)


def test_units(vocab: Vocabulary) -> None:
    text = ("- Đạt 45,7 giường bệnh; 14,5 bác sỹ và 3,5 dược sỹ đại học/vạn dân.\n"
            "- Tỷ số giới tính khi sinh là dưới 112 trẻ nam/100 trẻ nữ.\n"
            "- Giảm tỷ lệ mắc sốt rét/1.000 dân < 1,14.\n"
            "(1) Đến năm 2027, toàn tỉnh có ít nhất 4-5 bác sĩ/trạm y tế.\n"
            "- Tăng chiều cao trung bình của trẻ em và thanh thiếu niên từ 01 - 18 tuổi thêm "
            "tối thiểu 1,5cm.")
    got = {(o.indicator_id, o.unit, o.comparator, o.value, o.value_high)
           for o in read_text(vocab, text).observations}
    assert got == {
        ("hospital_beds_per_10k", "per_10000", "=", 45.7, None),
        ("doctors_per_10k", "per_10000", "=", 14.5, None),
        ("pharmacists_per_10k", "per_10000", "=", 3.5, None),
        ("sex_ratio_at_birth", "boys_per_100_girls", "<", 112.0, None),
        ("malaria_incidence_per_1000", "per_1000", "<", 1.14, None),
        ("doctors_per_station", "per_station", "range", 4.0, 5.0),
        ("height_gain_1_18", "cm", ">=", 1.5, None),
    }
    # an English page's "doctors/health station" is the same unit
    english = "By 2027, there will be at least 4 doctors/health station and 45 hospital beds."
    assert {(o.indicator_id, o.unit, o.comparator, o.value)
            for o in read_text(vocab, english).observations} == {
        ("doctors_per_station", "per_station", ">=", 4.0)}


def test_fraction_with_share(vocab: Vocabulary) -> None:
    # in a target section the plan's horizon is the year; outside one no year is stated
    text = "- 146/152 (96%) xã, phường, thị trấn đạt Bộ tiêu chí quốc gia về y tế."
    assert _obs(vocab, "II. MỤC TIÊU\n" + text) == [
        ("communes_meeting_health_criteria", "target", 2025, "=", 96.0, None, "percent", None)]
    assert _obs(vocab, text) == [("communes_meeting_health_criteria", "target", None, "=",
                                  96.0, None, "percent", None)]


def test_baseline_and_target(vocab: Vocabulary) -> None:
    # the year of the baseline sits after it, on the next line, as in the NFD source
    text = ("II. MỤC TIÊU\n"
            "- Tăng tỷ lệ người bị Tăng huyết áp được quản lý và điều trị từ 35% năm \n\n"
            "2020 lên 50%.")
    assert _obs(vocab, text) == [
        ("hypertension_managed", "baseline", 2020, "=", 35.0, None, "percent", None),
        ("hypertension_managed", "target", 2025, "=", 50.0, None, "percent", None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- Tỷ lệ người dân thường xuyên tham gia hoạt động thể chất tăng thêm 10%.",
         ("physical_activity", 10.0, "percent", "unspecified")),
        ("- Tỷ lệ tử vong do các bệnh ung thư, tim mạch: Giảm 20% so với năm 2015.",
         ("ncd_mortality", -20.0, "percent", "2015")),
        ("- Giảm tỷ suất sinh thô bình quân 0,3‰/năm.",
         ("crude_birth_rate", -0.3, "per_1000", "per_year")),
        ("- Tỷ lệ bao phủ các can thiệp điều trị cho người nghiện: Tăng 30% so với 2015.",
         ("drug_treatment_coverage", 30.0, "percent", "2015")),
        # a word of about between the verb and its number (real_dev134: "decreased by almost
        # 1%" was read as the rate itself)
        ("- Reduce the natural population growth rate by almost 1% compared to 2015.",
         ("natural_population_growth", -1.0, "percent", "2015")),
    ],
)
def test_relative_changes_are_signed(vocab: Vocabulary, text: str,
                                     expected: tuple[str, float, str, str]) -> None:
    [(ind, _k, _y, cmp, value, _h, unit, rel)] = _obs(vocab, text)
    assert cmp == "relative"
    assert (ind, value, unit, rel) == expected


def test_years(vocab: Vocabulary) -> None:
    text = ("(4) Đến năm 2030, tỷ lệ tiêm chủng các vắc xin trong Chương trình tiêm chủng "
            "thiết yếu đạt trên 95%. Từ năm 2026, người dân được lập sổ sức khỏe điện tử.\n"
            "(5) 100% Bệnh viện, Trạm y tế triển khai khám chữa bệnh từ xa từ năm 2026.\n"
            "- Sàng lọc trước sinh, dự kiến năm 2024 là 51%.\n"
            "- Tổng tỷ suất sinh 2,24 (đến năm 2030: 2,1)")
    got = [(o.indicator_id, o.year, o.value) for o in read_text(vocab, text).observations]
    assert got == [("epi_vaccine_coverage", 2030, 95.0), ("telemedicine_facilities", 2026, 100),
                   ("prenatal_screening", 2024, 51.0)]


def test_not_values(vocab: Vocabulary) -> None:
    """Counts, money, dates, document numbers, durations and hospital sizes are not values."""
    text = ("- Đào tạo dự kiến 45 bác sỹ sau đại học.\n"
            "1. Tổng nhu cầu vốn năm 2024: 529,7 tỷ đồng\n"
            "- Thực hiện Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị.\n"
            "- Duy trì luân phiên bác sỹ về hoạt động tối thiểu 2 ngày/tuần.\n"
            "- Bệnh viện Y học cổ truyền với quy mô tối thiểu 100 giường.\n"
            "- Hạn chế các vụ ngộ độc thực phẩm trên 30 người mắc.")
    assert read_text(vocab, text).observations == []


def test_the_numbers_of_a_web_address_are_no_values(vocab: Vocabulary) -> None:
    # real_dev80: a wiki page's reference names the statistics page it cites
    text = ("Dân số thành thị đạt 247.742 người, chiếm 14% dân số toàn tỉnh<ref>[http://www.gso"
            ".gov.vn/default.aspx?tabid=387&idmid=3&ItemID=12869 Dân số thành thị], Theo Tổng cục "
            "thống kê.</ref> Tỷ lệ tăng dân số tự nhiên là 1,1% (www.example.vn/p=12%).")
    blanked = vocab.not_values.blank(text)
    assert "387" not in blanked and "12869" not in blanked and "12%" not in blanked
    assert "247.742" in blanked and "1,1%" in blanked


def test_digits_glued_to_letters_are_a_code_unless_a_percent_follows(vocab: Vocabulary) -> None:
    """"QC02" names a water standard, "H5N1" a virus: not values, so the indicator phrase
    before them stays free for the value that follows ("70%" on the next cell's line). A
    percentage glued to its word ("TB87,71%": a lost space) is still a value."""
    table = ("Tỷ lệ dân cư nông thôn sử dụng nước sạch đạt tiêu chuẩn QC02\n\n70%\n")
    assert [(o.indicator_id, o.value) for o in read_text(vocab, table).observations] == \
        [("clean_water_rural", 70.0)]
    assert read_text(vocab, "Phòng chống cúm A/H5N1 tại 12 xã.").observations == []
    glued = read_text(vocab, "Tỷ lệ sử dụng nước sạch nông thôn (TB87,71%).").observations
    assert [o.value for o in glued] == [87.71]


def test_nfd_text_reads_like_nfc(vocab: Vocabulary) -> None:
    text = "- Tuổi thọ trung bình đạt 73,5 tuổi; số năm sống khoẻ đạt tối thiểu 65,5 năm."
    nfd = unicodedata.normalize("NFD", text)
    assert _obs(vocab, nfd) == _obs(vocab, text)
    assert len(_obs(vocab, nfd)) == 2


def test_a_full_stop_after_a_value_ends_its_sentence_one_after_a_list_number_does_not() -> None:
    from vnhealth.extract.index import sentence_bounds

    # "1.39." after a word is a value and its full stop; "2.1." opening a line, or after a
    # colon, numbers a heading or a list item and ends nothing
    text = "the rate dropped to 1.39. in the south the rates were 1.34."
    assert [text[a:b].strip() for a, b in sentence_bounds(text)] == [
        "the rate dropped to 1.39.", "in the south the rates were 1.34."]
    heading = "mục tiêu:\n2.1. giai đoạn 2021-2025: 1. về y tế cơ sở"
    assert sentence_bounds(heading) == [(0, len(heading))]


def test_a_full_stop_glued_to_a_capitalised_word_ends_its_sentence(vocab: Vocabulary) -> None:
    from vnhealth.extract.index import sentence_bounds
    from vnhealth.inputs.text import lite

    # a page that lost the blank between paragraphs: "1.39.In" ends a sentence, "Tp.Hồ Chí
    # Minh" (an abbreviation) and "2.Các" (a list number opening its line) do not
    text = "It dropped to 1.39.In Ha Tinh and Nghe An.The rates were\n2.Các tỉnh ở Tp.Hồ Chí Minh"
    bounds = sentence_bounds(lite(text), text, vocab.dotted_abbreviations)
    assert [text[a:b].strip() for a, b in bounds] == [
        "It dropped to 1.39.", "In Ha Tinh and Nghe An.",
        "The rates were\n2.Các tỉnh ở Tp.Hồ Chí Minh"]
    # so the provinces listed take the values the sentence's plural words point back to
    rows = read_text(vocab, "In 2019 the total fertility rate in HCMC had dropped to 1.39.In "
                            "the southern provinces of Dong Thap, Hau Giang and Ba Ria-Vung "
                            "Tau, the rates were 1.34, 1.53 and 1.37.", province_id="can_tho"
                     ).observations
    assert [(o.value, o.province_named) for o in rows][1:] == [
        (1.34, "dong_thap"), (1.53, "hau_giang"), (1.37, "ba_ria_vung_tau")]
