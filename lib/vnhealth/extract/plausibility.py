"""The quarantine gate: a value that cannot be its indicator's is kept for review, never
harmonized."""

from __future__ import annotations

import re

from vnhealth.inputs.catalog import Indicator, Unit

_THOUSANDS_RE = re.compile(r"^\s*\d{1,3}(?:\.\d{3})+(?!\d)(?![.,]\d)")


def quarantine_reason(ind: Indicator, value: float, value_high: float | None, comparator: str,
                      unit: str, value_text: str) -> str | None:
    """Why a value cannot be the indicator's (kept for review, never harmonized), or None.

    The catalogue holds rates, ratios and measures, never counts (DESIGN.md §3), so a number
    written with thousands separators ("7.343 giường") beyond the indicator's range is a count
    read in a rate's place, whatever unit the context lent it."""
    if ind.relative_only and comparator != "relative":
        return f"a count where only its relative change is a value ({ind.id}, {ind.unit})"
    plausible = ind.plausible
    if _THOUSANDS_RE.match(value_text) and (plausible is None or value > plausible[1]):
        return f"a count ({value_text.strip()}) where a rate is expected ({ind.id}, {ind.unit})"
    if comparator == "relative" or plausible is None or unit != ind.unit:
        return None  # a change, or a value in another unit: the range does not apply
    lo, hi = plausible
    for v in (value, value_high):
        if v is not None and not lo <= v <= hi:
            return f"value {v:g} outside the plausible range [{lo:g}, {hi:g}] of {ind.id}"
    return None


SIGN_SLIP_FACTOR = 10  # "%" typed for "‰"


def unit_meant(ind: Indicator, value: float, value_high: float | None, comparator: str,
               unit: str, units: dict[str, Unit]) -> str:
    """The unit a value was meant in: "Tỷ lệ tăng tự nhiên dân số % 7,55" is a natural
    increase of 7.55‰, not 7.55%. A value in its indicator's unit that the indicator's range
    refuses, and that fits the range once read in another unit the indicator is stated in
    (`also_in`, of the same dimension) ten times finer, was typed for that one: "%" for "‰",
    signs one small circle apart. A share of a subgroup ("9,51%" of drug users with HIV) is no
    slip for a rate per 100,000; any other value keeps its unit."""
    plausible, have = ind.plausible, units.get(unit)
    if comparator == "relative" or plausible is None or unit != ind.unit or have is None:
        return unit
    lo, hi = plausible
    values = [v for v in (value, value_high) if v is not None]
    if all(lo <= v <= hi for v in values):
        return unit
    for other in ind.also_in:
        meant = units.get(other)
        if meant is not None and meant.dimension == have.dimension \
                and meant.per == have.per * SIGN_SLIP_FACTOR \
                and all(lo <= v * have.per / meant.per <= hi for v in values):
            return other
    return unit
