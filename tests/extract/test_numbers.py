"""The number and cell parser on the forms of DESIGN §4, and the matching key of a phrase.
Numbers read in statements (comparators, units, years): tests/extract/test_mentions.py."""

from __future__ import annotations

import pytest

from vnhealth.extract.numbers import VALUE_PAIR_RE, parse_cell, parse_number
from vnhealth.inputs.text import (
    SpelledNumbers,
    is_noise_line,
    lite,
    make_key,
    phrase_key,
    spaced_cjk,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [("45,7", 45.7), ("100.000", 100000.0), ("1.000", 1000.0), ("08", 8.0), ("01", 1.0),
     ("0,02", 0.02), ("1.000,5", 1000.5), ("11,0", 11.0)],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("bad", ["", "4,", ",5", "1.00", "abc", "4 5"])
def test_parse_number_rejects(bad: str) -> None:
    with pytest.raises(ValueError, match="not a Vietnamese number"):
        parse_number(bad)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("2,7", ("=", 2.7, None)), (">15", (">", 15.0, None)), ("&gt;95", (">", 95.0, None)),
     ("<b>&gt;95</b>".replace("<b>", "").replace("</b>", ""), (">", 95.0, None)),
     ("4 - 5", ("range", 4.0, 5.0)), ("59-61", ("range", 59.0, 61.0)),
     ("2- 3", ("range", 2.0, 3.0)), ("25%", ("=", 25.0, None)), ("<109", ("<", 109.0, None)),
     ("≤ 13", ("<=", 13.0, None)), ("≥ 1,5", (">=", 1.5, None))],
)
def test_parse_cell(cell: str, expected: tuple[str, float, float | None]) -> None:
    parsed = parse_cell(cell)
    assert parsed is not None
    assert (parsed.comparator, parsed.value, parsed.value_high) == expected


def test_parse_cell_leaves_text_alone() -> None:
    assert parse_cell("Hạng II, đạt cấp cơ bản") is None


def test_spelling_variants_share_a_key() -> None:
    abbreviations = {"sdd": "suy dinh dưỡng", "bhyt": "bảo hiểm y tế"}
    pairs = [("khoẻ", "khỏe"), ("bác sỹ", "bác sĩ"), ("dược sỹ", "dược sĩ"),
             ("vắc-xin", "vắc xin"), ("dưới 01 tuổi", "dưới 1 tuổi"), ("Tỉ lệ", "tỷ lệ"),
             ("SDD thể thấp còi", "suy dinh dưỡng thể thấp còi"), ("BHYT", "bảo hiểm y tế"),
             ("hoà nhập", "hòa nhập")]
    for a, b in pairs:
        assert phrase_key(a, abbreviations) == phrase_key(b, abbreviations), (a, b)


def test_english_inflections_share_a_key_and_vietnamese_words_keep_theirs() -> None:
    pairs = [("pregnant women had prenatal screenings", "pregnant women had prenatal screening"),
             ("newborns screened", "newborn screening"), ("babies", "baby"),
             ("health stations", "health station")]
    for a, b in pairs:
        assert phrase_key(a, {}) == phrase_key(b, {}), (a, b)
    # the names differ: "waste" is no inflection of "wasting"; short words and Vietnamese
    # syllables written without marks stay as they are
    assert phrase_key("medical waste", {}) != phrase_key("medical wasting", {})
    assert phrase_key("thanh con has its", {}) == "thanh con has its"


def test_key_maps_back_to_text() -> None:
    text = "Tỷ lệ trẻ SDD thể nhẹ cân còn dưới 13,7%"
    abbreviations = {"sdd": "suy dinh dưỡng"}
    keyed = make_key(text, abbreviations)
    for phrase, shown in (("thể nhẹ cân", "thể nhẹ cân"), ("suy dinh dưỡng", "SDD")):
        key = phrase_key(phrase, abbreviations)
        pos = keyed.key.find(key)
        assert pos >= 0
        start, end = keyed.span_in_text(pos, pos + len(key))
        assert text[start:end] == shown


def test_an_age_spelled_out_is_keyed_in_digits_and_maps_back_to_its_words() -> None:
    spelled = SpelledNumbers.of({"một": 1, "năm": 5}, ["tuổi"])
    text = "Tỷ suất tử vong trẻ em dưới một tuổi năm 2025; một số trẻ dưới năm tuổi"
    keyed = make_key(text, {}, spelled=spelled)
    key = phrase_key("trẻ em dưới 1 tuổi", {})
    pos = keyed.key.find(key)
    assert pos >= 0
    start, end = keyed.span_in_text(pos, pos + len(key))
    assert text[start:end] == "trẻ em dưới một tuổi"
    # a year and "một số" keep their words; the second age is read too
    assert phrase_key("năm 2025 một số trẻ dưới 5 tuổi", {}) in keyed.key




def test_mention_pattern_started_at_a_digit_reads_as_before() -> None:
    """MENTION_RE and FRACTION_SHARE_RE start at a digit (so the engine skips to digits); they
    must find what the look-behind-first forms found."""
    import re

    from vnhealth.extract.numbers import _RANGE_SEP, FRACTION_SHARE_RE, MENTION_RE, NUMBER

    mention = re.compile(rf"(?<![\d.,/])(?:(?P<point>\d+\.\d{{1,2}})|(?P<num>{NUMBER}))"
                         rf"(?:(?:\s*(?P<sign>[%‰]))?(?P<sep>{_RANGE_SEP})"
                         rf"(?:(?P<point2>\d+\.\d{{1,2}}(?![\d.,]))"
                         rf"|(?P<num2>{NUMBER}))(?(sign)(?=\s*(?P=sign))))?(?![\d/]|,\d|\.\d)")
    share = re.compile(rf"(?<![\d/])(\d+)\s*/\s*(\d+)\s*\(\s*(?P<share>{NUMBER})\s*%\s*\)")
    text = ("đạt 45,7% năm 2025; 100.000 dân, 1.000,5; 4-5 lần, 59 – 61 tuổi; 7.343 giường; "
            "146/152 (96%); 12/2030; v1.2; 1,2,3; 08 ca; 1.92; 2- 3; ,5 .7 /8 12345678; "
            "1.3 - 1.4 con; 1 - 1.5; 2.1-2.500; 35% - 45%; 3%-4 ca; 0,3‰ - 0,5‰")
    for new, old in ((MENTION_RE, mention), (FRACTION_SHARE_RE, share)):
        assert [(m.span(), m.groups()) for m in new.finditer(text)] == \
            [(m.span(), m.groups()) for m in old.finditer(text)]


def test_key_memo_changes_nothing() -> None:
    abbreviations = {"sdd": "suy dinh dưỡng", "bhyt": "bảo hiểm y tế"}
    memo: dict[str, tuple[str, int]] = {}
    for text in ["Tỷ lệ SDD thể thấp còi ở trẻ dưới 05 tuổi", "Bác sỹ khoẻ, BHYT 01 tuổi",
                 "Tỷ lệ SDD thể thấp còi", ""]:
        fresh, kept = make_key(text, abbreviations), make_key(text, abbreviations, memo)
        assert fresh.key == kept.key
        assert [fresh.text_pos(i) for i in range(len(fresh.key))] == \
            [kept.text_pos(i) for i in range(len(kept.key))]


@pytest.mark.parametrize(("line", "noise"), [
    ("12", True), ("Trang 12", True), ("P. 75", True), ("Tr. 3", True),
    # a flip-book page's own header line
    ("Page 75 - niengiam2021", True), ("https://example.gov.vn/a", True),
    # a number with words is a statement, not a page number
    ("12 - Tỷ lệ", False), ("P. 75 tỷ lệ sinh", False), ("2025", False),
])
def test_page_numbers_and_addresses_are_noise(line: str, noise: bool) -> None:
    assert is_noise_line(line) is noise


@pytest.mark.parametrize(("text", "pair"), [
    ("đạt 30,16/30 (vượt)", ("30,16", "30")),
    ("7,3/6,2 bác sỹ/1 vạn dân", ("7,3", "6,2")),
    ("29,9/1 vạn dân", None),  # a round denominator: a rate's unit
    ("11,80/00 năm 2020", None),  # "/00": per mille
    ("6/6 nhiệm vụ", None),  # a whole count of a whole
])
def test_a_value_reached_over_its_target(text: str, pair: tuple[str, str] | None) -> None:
    m = VALUE_PAIR_RE.search(text)
    assert (m and (m.group("first"), m.group("second"))) == pair


def test_lite_places_the_tone_of_an_open_glide_one_way() -> None:
    # "hoá"/"hóa", "khoẻ"/"khỏe", "thuỷ"/"thủy": both placements read alike, lengths kept
    for old, new in (("Thanh Hoá", "thanh hóa"), ("sức khoẻ", "sức khỏe"), ("thuỷ", "thủy")):
        assert lite(old) == lite(new) == new
        assert len(lite(old)) == len(old)
    # a closed syllable and "qu" keep theirs
    assert lite("Hoàng quý") == "hoàng quý"


@pytest.mark.parametrize(("text", "groups"), [
    # real_dev144, An Giang: both ends of a range carry the sign
    ("chiếm 35% - 45%;", ("35", "45")),
    ("giảm 0,3‰ - 0,5‰ mỗi năm", ("0,3", "0,5")),
    # a sign on the first number only: the second is no part of it ("35% - 45 người")
    ("đạt 35% - 45 người", ("35", None)),
])
def test_a_range_may_carry_its_sign_at_both_ends(text: str, groups: tuple[str, str | None]
                                                 ) -> None:
    from vnhealth.extract.numbers import MENTION_RE

    m = MENTION_RE.search(text)
    assert m is not None and (m.group("num"), m.group("num2")) == groups


@pytest.mark.parametrize(("line", "read"), [
    # a blank where the script changes; the full stop and comma as ASCII; full-width folded
    ("平均寿命が76.5歳で、", "平均寿命 が 76.5 歳 で , "),
    ("ソンラ省（100:120）。", "ソンラ 省 (100:120). "),
    # Korean particles split off their nouns
    ("베트남의 평균수명은 73.5세이며", "베트남 의 평균수명 은 73.5 세 이며"),
    # a line in no such script is returned as it is
    ("Tỷ lệ 95%,  đạt", "Tỷ lệ 95%,  đạt"),
])
def test_japanese_and_korean_lines_are_read_as_words(line: str, read: str) -> None:
    assert spaced_cjk(line, ("의", "은", "이며")) == read
