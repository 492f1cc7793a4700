"""The yearly change a plan requires, on plain rows (dicts), without pandas.

:func:`vnhealth.harmonize.frames.required_pace` is the DataFrame face of :func:`required_pace_rows`;
report kernels call it directly on the warehouse's stated points, so that a report does not
load pandas.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from vnhealth.harmonize import reform
from vnhealth.inputs.terms import ACHIEVED_KINDS, Comparator, Kind

__all__ = ["ACHIEVED", "NATIONAL_PACE_COLUMNS", "PACE_COLUMNS", "national_pace",
           "representative", "required_pace_rows"]

# What a baseline can be: achieved values, a baseline before an actual of the same year.
ACHIEVED = ACHIEVED_KINDS

PACE_COLUMNS = [
    "province_id", "indicator_id", "unit", "baseline_year", "baseline_value", "baseline_kind",
    "target_year", "target_value", "target_comparator", "years", "pace_per_year",
    "baseline_obs_ids", "target_obs_ids", "reform_note",
]


def _missing(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def representative(comparator: Any, value: Any, value_high: Any) -> float | None:
    """The one number that stands for a statement: the bound itself, or a range's midpoint.

    >>> representative("range", 4, 5), representative(">=", 95, None)
    (4.5, 95.0)
    >>> representative("relative", -10, None) is None
    True
    """
    if _missing(value) or comparator == Comparator.RELATIVE:
        return None
    if comparator == Comparator.RANGE:
        return None if _missing(value_high) else (float(value) + float(value_high)) / 2
    return float(value)


def required_pace_rows(points: Iterable[Mapping[str, Any]],
                       lineage: Iterable[Mapping[str, Any]] | None = None
                       ) -> list[dict[str, Any]]:
    """One row per province × indicator of ``points``: the yearly change from the baseline to
    the target, with the columns of :data:`PACE_COLUMNS`.

    ``points``: de-duplicated statements in the indicator's unit (``province_id, indicator_id,
    kind, year, value_repr, comparator, obs_ids, unit``), such as the ``stated`` rows of the
    ``harmonized`` table. Baseline: the earliest baseline/actual (a baseline before an actual
    in the same year); target: the latest target. ``pace_per_year`` = (target − baseline) /
    (target_year − baseline_year); None when the target is not later than the baseline or
    either is missing. With ``lineage`` (:func:`vnhealth.harmonize.reform.lineage`),
    ``reform_note`` says
    when the span crosses the 2025 reform.

    >>> rows = required_pace_rows([
    ...     {"province_id": "lai_chau", "indicator_id": "hypertension_managed",
    ...      "kind": "baseline", "year": 2020, "value_repr": 35.0, "comparator": "=",
    ...      "obs_ids": "a", "unit": "percent"},
    ...     {"province_id": "lai_chau", "indicator_id": "hypertension_managed",
    ...      "kind": "target", "year": 2025, "value_repr": 50.0, "comparator": "=",
    ...      "obs_ids": "b", "unit": "percent"}])
    >>> rows[0]["pace_per_year"], rows[0]["years"]
    (3.0, 5)
    """
    lineage_rows = list(lineage) if lineage is not None else None
    groups: dict[tuple[Any, Any], list[Mapping[str, Any]]] = {}
    for r in points:
        groups.setdefault((r["province_id"], r["indicator_id"]), []).append(r)
    rows = []
    for key in sorted(groups):
        recs = groups[key]
        base = [r for r in recs if r["kind"] in ACHIEVED and not _missing(r["value_repr"])]
        targ = [r for r in recs if r["kind"] == Kind.TARGET and not _missing(r["value_repr"])]
        b = min(base, key=lambda r: (r["year"], ACHIEVED.index(r["kind"]))) if base else None
        t = max(targ, key=lambda r: r["year"]) if targ else None
        span = (int(t["year"]) - int(b["year"])) if b and t else None
        pace = ((t["value_repr"] - b["value_repr"]) / span) if span and span > 0 else None
        note = None
        if lineage_rows is not None and b and t:
            note = reform.note(key[0], int(b["year"]), int(t["year"]), lineage_rows)
        rows.append({
            "province_id": key[0], "indicator_id": key[1],
            "unit": next((r["unit"] for r in recs if r.get("unit")), None),
            "baseline_year": int(b["year"]) if b else None,
            "baseline_value": b["value_repr"] if b else None,
            "baseline_kind": b["kind"] if b else None,
            "target_year": int(t["year"]) if t else None,
            "target_value": t["value_repr"] if t else None,
            "target_comparator": t["comparator"] if t else None,
            "years": span, "pace_per_year": pace,
            "baseline_obs_ids": b["obs_ids"] if b else None,
            "target_obs_ids": t["obs_ids"] if t else None,
            "reform_note": note,
        })
    return rows


NATIONAL_PACE_COLUMNS = ["national_baseline_year", "national_baseline_value",
                         "national_target_value", "national_pace_per_year", "national_source"]


def national_pace(target: Mapping[str, Any] | None, actuals: Iterable[Mapping[str, Any]],
                  target_year: int) -> dict[str, Any] | None:
    """The national yearly change to ``target_year``: the one rule for the build's ``pace``
    table (``v_pace``) and the reports.

    ``target``: the national benchmark for the indicator and ``target_year`` (``value`` in the
    indicator's unit, ``source_doc``), the one value every report compares with (the most
    recent document when documents disagree); ``actuals``: the national ``actual`` rows of the
    indicator (``year``, ``value`` in the indicator's unit, ``source_doc``, ``source_date``:
    the source's issue date, ``YYYY-MM-DD``, from ``national_targets.issued_on``). From the
    latest actual before ``target_year`` (the most recently issued source when two give that
    year) to the target; None without both, as a pace needs an achieved starting point (an
    earlier target is a wish, not a start).

    >>> found = national_pace({"value": 75.5, "source_doc": "NQ 72"},
    ...                       [{"year": 2025, "value": 74.8, "source_doc": "BYT"}], 2030)
    >>> found["national_pace_per_year"]
    0.14
    >>> national_pace({"value": 10.0, "source_doc": "QĐ 1493"}, [], 2030) is None
    True
    """
    if target is None or _missing(target.get("value")):
        return None
    before = [a for a in actuals if int(a["year"]) < int(target_year)
              and not _missing(a.get("value"))]
    if not before:
        return None
    # latest year; then the most recently issued source (undated rows count as oldest), then
    # the first given
    start = max(enumerate(before), key=lambda ka: (
        int(ka[1]["year"]), "" if _missing(ka[1].get("source_date")) else str(
            ka[1]["source_date"]), -ka[0]))[1]
    span = int(target_year) - int(start["year"])
    v0, v1 = float(start["value"]), float(target["value"])
    sources = [str(x) for x in (target.get("source_doc"), start.get("source_doc"))
               if not _missing(x) and x]
    return {"national_baseline_year": int(start["year"]), "national_baseline_value": v0,
            "national_target_value": v1, "national_pace_per_year": round((v1 - v0) / span, 12),
            "national_source": "; ".join(dict.fromkeys(sources))}
