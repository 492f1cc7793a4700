"""Vietnamese numbers, comparators, ranges, fractions with a share and relative changes.

Numbers use a decimal comma and a thousands dot ("45,7", "100.000", "1.000 dân"), may carry
leading zeros ("08 ca") and come as ranges ("4-5", "59-61", "2- 3"). A comparator is read from the
words right before the number ("đạt trên 97%" → ">", "còn dưới 24,4%" → "<", "tối thiểu" → ">=",
"≤ 13‰" → "<="), or after it ("từ 80 tuổi trở lên" → ">=").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NUMBER_RE = re.compile(rf"^(?:{NUMBER})$")
_RANGE_SEP = r"\s*[-–]\s*"

# A number, optionally a range; not part of a longer number, a date or a fraction.
# Written to start with "\d" (NUMBER's two branches share their first digit, and the look-behind
# is checked after it): the engine then skips to the next digit at once instead of trying the
# look-behind at every character.
# After "/" a number is a denominator ("/100.000 dân"), except after a percentage ("21%/20%":
# a value achieved and its target, pairing.py).
_NUMBER_FROM_DIGIT = r"\d(?<![\d.,]\d)(?<![^%]/\d)(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?)"
# "Tổng tỷ suất sinh: 1.92 con/phụ nữ": a dot followed by one or two digits cannot group
# thousands, so it is a decimal point; read only where a unit follows (mentions.py), since
# section numbers ("mục 2.1") look the same
_DECIMAL_POINT = r"\d(?<![\d.,/]\d)\d*\.\d{1,2}"
# A range's top may be written with a decimal point as well ("1.3 - 1.4 children per woman"),
# and both ends may carry the sign ("chiếm 35% - 45%"): the sign after the top is the unit.
MENTION_RE = re.compile(
    rf"(?:(?P<point>{_DECIMAL_POINT})|(?P<num>{_NUMBER_FROM_DIGIT}))"
    rf"(?:(?:\s*(?P<sign>[%‰]))?(?P<sep>{_RANGE_SEP})"
    rf"(?:(?P<point2>\d+\.\d{{1,2}}(?![\d.,]))|(?P<num2>{NUMBER}))(?(sign)(?=\s*(?P=sign))))?"
    r"(?![\d/]|,\d|\.\d)"
)
# "146/152 (96%)": a fraction stated with its share (started at a digit, as above).
FRACTION_SHARE_RE = re.compile(
    rf"(\d(?<![\d/]\d)\d*)\s*/\s*(\d+)\s*\(\s*(?P<share>{NUMBER})\s*%\s*\)")


# "đạt 30,16/30 (vượt)", "15,1/20 giường bệnh và 7,3/6,2 bác sỹ/1 vạn dân": a value with a
# decimal part, "/", then another that is no round denominator (1, 10, 100 …, nor "/00" for ‰):
# a value reached and its target, read as two numbers (pairing.py)
VALUE_PAIR_RE = re.compile(
    r"(?<![\d.,/])(?P<first>\d+,\d+)\s*/\s*(?P<second>(?!10*(?![\d,]))(?!0)\d+(?:,\d+)?)"
    r"(?![\d.,]*\d)")


# "1,630 doctors" on an English page: commas grouping thousands (exactly three digits after
# each, no decimal part after), rewritten as the thousands dots of the Vietnamese notation
_ENGLISH_THOUSANDS_RE = re.compile(r"\d(?<![\d.,]\d)\d{0,2}(?:,\d{3})+(?!\d|[.,]\d)")


def has_english_thousands(text: str) -> bool:
    return _ENGLISH_THOUSANDS_RE.search(text) is not None


def english_thousands(text: str) -> str:
    """`text` with English thousands commas written as dots; same length.

    >>> english_thousands("1,630 doctors, 12.9 per 10,000; 45,7%")
    '1.630 doctors, 12.9 per 10.000; 45,7%'
    """
    return _ENGLISH_THOUSANDS_RE.sub(lambda m: m.group(0).replace(",", "."), text)


def parse_number(text: str) -> float:
    """Read a Vietnamese number.

    >>> parse_number("45,7"), parse_number("100.000"), parse_number("08"), parse_number("1.000,5")
    (45.7, 100000.0, 8.0, 1000.5)
    """
    text = text.strip()
    if not _NUMBER_RE.match(text):
        raise ValueError(f"not a Vietnamese number: {text!r}")
    return float(text.replace(".", "").replace(",", "."))


def mention_number(m: re.Match[str]) -> tuple[str, float]:
    """The first number of a MENTION_RE match, as written and as a value."""
    if m.group("point") is not None:
        return m.group("point"), float(m.group("point"))
    return m.group("num"), parse_number(m.group("num"))


@dataclass(frozen=True)
class CellValue:
    comparator: str
    value: float
    value_high: float | None
    percent: bool


# Each optional symbol carries its own trailing blanks: two blank runs side by side ("\s*X?\s*")
# would split a long blank run every way before failing (quadratic in the cell's length).
_CELL_RE = re.compile(
    rf"^\s*(?:(?P<cmp>>=|<=|≥|≤|>|<|&gt;=|&lt;=|&gt;|&lt;)\s*)?(?P<num>{NUMBER})"
    rf"(?:{_RANGE_SEP}(?P<num2>{NUMBER}))?\s*(?:(?P<pct>%|‰)\s*)?$"
)
# "11.2", "4.67": a cell whose dot has one or two digits after it cannot group thousands, so it
# is a decimal point (a page typed with the English notation)
_POINT_CELL_RE = re.compile(
    r"^\s*(?:(?P<cmp>>=|<=|≥|≤|>|<)\s*)?(?P<num>\d+\.\d{1,2})(?P<num2>(?!))?\s*"
    r"(?:(?P<pct>%|‰)\s*)?$")
_SYMBOLS = {">": ">", "<": "<", ">=": ">=", "<=": "<=", "≥": ">=", "≤": "<=", "&gt;": ">",
            "&lt;": "<", "&gt;=": ">=", "&lt;=": "<="}


def parse_cell(text: str) -> CellValue | None:
    """Read a table cell that holds one value: "2,7", ">15", "&gt;95", "4 - 5", "25%", "<109".

    >>> parse_cell("&gt;95")
    CellValue(comparator='>', value=95.0, value_high=None, percent=False)
    >>> parse_cell("4 - 5")
    CellValue(comparator='range', value=4.0, value_high=5.0, percent=False)
    >>> parse_cell("Hạng II") is None
    True
    """
    m = _CELL_RE.match(text) or _POINT_CELL_RE.match(text)
    if not m:
        return None
    value = parse_number(m.group("num")) if m.re is _CELL_RE else float(m.group("num"))
    high = parse_number(m.group("num2")) if m.group("num2") else None
    if high is not None:
        return CellValue("range", value, high, m.group("pct") == "%")
    cmp = _SYMBOLS.get(m.group("cmp") or "", "=")
    return CellValue(cmp, value, None, m.group("pct") == "%")


def is_year(value: float) -> bool:
    return value.is_integer() and 1945 <= value <= 2100
