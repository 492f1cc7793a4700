"""A value stated twice: a page's headline ("Nâng tuổi thọ … lên 77 tuổi") or summary restates
a number its text gives with a year ("đến năm 2030 là 77")."""

from __future__ import annotations

from collections import defaultdict

from vnhealth.extract.records import Observation

# year bases of a value nothing dates; what a text says of now is dated by its own words
_UNDATED = ("not stated", "not stated (the document names no plan horizon)")


def date_restatements(observations: list[Observation]) -> None:
    """Give an undated value the year and kind of the same value of the same indicator stated
    elsewhere in the document with a year, when all such statements agree on one."""
    dated: dict[tuple[str, float, float | None], set[tuple[int, str, int]]] = defaultdict(set)
    for o in observations:
        if o.year is not None and o.quarantine_reason is None and o.comparator != "relative":
            dated[(o.indicator_id, o.value, o.value_high)].add((o.year, o.kind, o.line))
    for o in observations:
        if o.year is not None or o.year_basis not in _UNDATED or o.comparator == "relative":
            continue
        found = dated.get((o.indicator_id, o.value, o.value_high), set())
        if len({(year, kind) for year, kind, _line in found}) != 1:
            continue
        year, kind, line = min(found, key=lambda f: f[2])
        o.year, o.kind = year, kind
        o.year_basis = o.kind_basis = f"the same value stated with its year at line {line}"
