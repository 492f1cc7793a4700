"""The quarantine gate: a value that cannot be its indicator's is kept for review, never
harmonized."""

from __future__ import annotations

import re

from vnhealth.inputs.catalog import Indicator

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
