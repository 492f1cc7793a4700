"""Numbers and targets as people write them: Vietnamese ``1.234,5`` and English ``1,234.5``,
units, comparators (``≥ 68 năm``), ranges (``4–5``), differences in percentage points, and
targets in words for sentences (``ít nhất 68 năm``)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from vnhealth.inputs.terms import Comparator
from vnhealth.report.labels import label

_COMPARATOR_SIGNS = {Comparator.ABOVE: "> ", Comparator.AT_LEAST: "≥ ", Comparator.BELOW: "< ",
                     Comparator.AT_MOST: "≤ ", Comparator.EQUAL: "", Comparator.RANGE: ""}
# Bounds said in words in a sentence (``bw.>=``: "ít nhất"): the texts' own phrasing, which is
# not always the comparator's label (``<=`` reads "tối đa" in a sentence, "không quá" as a term).
_BOUNDS = (Comparator.ABOVE, Comparator.AT_LEAST, Comparator.BELOW, Comparator.AT_MOST)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def isna(x: Any) -> bool:
    """None or NaN: a value the warehouse does not have."""
    return x is None or (isinstance(x, float) and math.isnan(x))


def fmt_number(x: Any, lang: str, decimals: int | None = None) -> str:
    """A number as people write it in ``lang``: ``vi`` 1.234,5 (decimal comma), ``en`` 1,234.5.

    Without ``decimals``, at most two decimals (one from 100 up), trailing zeros dropped.
    Negative numbers use the minus sign (−). NA → an em dash.

    >>> fmt_number(74.5, "vi"), fmt_number(74.5, "en"), fmt_number(100000, "vi")
    ('74,5', '74.5', '100.000')
    >>> fmt_number(-0.125, "en"), fmt_number(12345.678, "en", 1)
    ('−0.13', '12,345.7')
    """
    if isna(x):
        return "—"
    value = float(x)
    trim = decimals is None
    if decimals is None:
        decimals = 1 if abs(value) >= 100 else 2
    # Half up, as people round (0,125 → 0,13), from the shortest repr of the float.
    rounded = Decimal(repr(abs(value))).quantize(Decimal(1).scaleb(-decimals),
                                                 rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if rounded == 0:
        value = 0.0
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return ("−" if value < 0 else "") + text


def fmt_signed(x: Any, lang: str, decimals: int | None = None) -> str:
    """A number with an explicit sign: ``+1,5`` / ``−1,5`` (``±0`` for zero).

    >>> fmt_signed(1.5, "vi"), fmt_signed(-2, "en")
    ('+1,5', '−2')
    """
    if isna(x):
        return "—"
    text = fmt_number(x, lang, decimals)
    if text.startswith("−"):
        return text
    return ("±" if float(x) == 0 else "+") + text


def unit_label(unit: Any, lang: str) -> str:
    """The short unit written after a number (``%``, ``‰``, ``năm``…).

    >>> unit_label("per_10000", "vi")
    '/10.000 dân'
    """
    if isna(unit) or not unit:
        return ""
    key = f"unit.{unit}"
    text = label(key, lang)
    return "" if text == key else text


def with_unit(text: str, unit: Any, lang: str) -> str:
    """``text`` followed by the unit: no space before % and ‰ or a leading slash."""
    u = unit_label(unit, lang)
    if not u or text == "—":
        return text
    return f"{text}{u}" if u in ("%", "‰") or u.startswith("/") else f"{text} {u}"


def fmt_change(x: Any, unit: Any, lang: str, decimals: int | None = None) -> str:
    """A difference of two values (a gap, a yearly pace) with its unit. A difference of two
    percentages is in percentage points (``điểm %`` / ``pp``), never ``%``, which would read
    as a relative change; likewise ‰.

    >>> fmt_change(4, "percent", "vi"), fmt_change(3.6, "percent", "en")
    ('+4 điểm %', '+3.6 pp')
    >>> fmt_change(-5.5, "years", "vi"), fmt_change(-1, "years", "en")
    ('−5,5 năm', '−1 year')
    """
    text = fmt_signed(x, lang, decimals)
    if text == "—" or isna(unit) or not unit:
        return text
    key = f"change.{unit}"
    points = label(key, lang)
    if points != key:
        return f"{text} {points}"
    text = with_unit(text, unit, lang)
    # one year, not "1 years" (the unit's label is the plural)
    return text[:-1] if lang == "en" and text.lstrip("+−±") == "1 years" else text


def fmt_relative(value: Any, unit: Any, relative_to: Any, lang: str) -> str:
    """A change a document states with no baseline to apply it to, as written: its direction
    in words, its size in the unit written (a "giảm 20%" of a rate is 20 % of its level, not
    20 points) and what it is measured from.

    >>> fmt_relative(-20, "percent", "2015", "vi"), fmt_relative(-0.3, "per_1000", "per_year",
    ...     "en")
    ('giảm 20% so với năm 2015', 'down 0.3 per 1,000 a year')
    >>> fmt_relative(114.3, "percent", "unspecified", "en")
    'up 114.3%'
    """
    if isna(value):
        return "—"
    size = with_unit(fmt_number(abs(float(value)), lang), unit, lang)
    key = "relative.up" if float(value) > 0 else "relative.down" if float(value) < 0 \
        else "relative.none"
    change = label(key, lang, value=size)
    ref = "" if isna(relative_to) else str(relative_to)
    if ref == "per_year":
        return label("relative.per_year", lang, change=change)
    if ref.isdigit():
        return label("relative.since", lang, change=change, year=ref)
    return change


def unsigned_change(x: Any, unit: Any, lang: str) -> str:
    """The size of a difference, without its sign, for a sentence that says the direction
    in words (``5,5 năm``, ``1 year``)."""
    text = fmt_change(abs(float(x)), unit, lang).lstrip("+±")
    if lang == "en" and text == "1 years":
        return "1 year"
    return text


def fmt_value(value: Any, comparator: Any, value_high: Any, unit: Any, lang: str, *,
              value_low: Any = None) -> str:
    """A target as written: comparator, number (or range) and unit.

    ``value`` is the representative value (the bound, or a range's midpoint); for a range the
    ends come from ``value_low``/``value_high``.

    >>> fmt_value(68, ">=", None, "years", "vi")
    '≥ 68 năm'
    >>> fmt_value(4.5, "range", 5, "per_station", "en", value_low=4)
    '4–5 doctors/station'
    >>> fmt_value(95.15, "=", None, "percent", "vi")
    '95,15%'
    """
    if isna(value):
        return "—"
    comp = None if isna(comparator) else str(comparator)
    if comp == Comparator.RANGE and not isna(value_low) and not isna(value_high):
        text = f"{fmt_number(value_low, lang)}–{fmt_number(value_high, lang)}"
    else:
        text = _COMPARATOR_SIGNS.get(comp or "=", "") + fmt_number(value, lang)
    return with_unit(text, unit, lang)


def join_words(items: Sequence[str], lang: str) -> str:
    """``a``, ``a và b``, ``a, b và c`` (``and`` in English).

    >>> join_words(["Lai Châu", "Sơn La"], "vi"), join_words(["a", "b", "c"], "en")
    ('Lai Châu và Sơn La', 'a, b and c')
    """
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {label('and', lang)} {items[-1]}"


def value_words(value: Any, comparator: Any, value_low: Any, value_high: Any, unit: Any,
                lang: str) -> str:
    """A target in words, as a sentence would say it: ``trên 95%``, ``ít nhất 68 năm``,
    ``từ 4 đến 5 bác sĩ/trạm``.

    >>> value_words(68, ">=", None, None, "years", "vi"), value_words(4.5, "range", 4, 5,
    ...     "per_station", "en")
    ('ít nhất 68 năm', '4 to 5 doctors/station')
    """
    if isna(value):
        return "—"
    comp = None if isna(comparator) else str(comparator)
    if comp == Comparator.RANGE and not isna(value_low) and not isna(value_high):
        text = label("bw.range", lang, low=fmt_number(value_low, lang),
                     high=fmt_number(value_high, lang))
        return with_unit(text, unit, lang)
    number = with_unit(fmt_number(value, lang), unit, lang)
    if comp in _BOUNDS:
        return f"{label('bw.' + comp, lang)} {number}"
    return number


def fmt_date(day: Any, lang: str) -> str:
    """A date as people write it: ``09/09/2025`` in Vietnamese, ``9 Sep 2025`` in English;
    an em dash for none.

    >>> import datetime
    >>> fmt_date(datetime.date(2025, 9, 9), "vi"), fmt_date("2025-12-29", "en")
    ('09/09/2025', '29 Dec 2025')
    """
    if isna(day) or not str(day):
        return "—"
    y, m, d = (int(part) for part in str(day)[:10].split("-"))
    return f"{d:02d}/{m:02d}/{y}" if lang == "vi" else f"{d} {_MONTHS[m - 1]} {y}"
