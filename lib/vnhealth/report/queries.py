"""The reports' tables as rows (:class:`~vnhealth.report.data.Table`), computed from the
warehouse: each province's target against the national one (:func:`comparison_table`), the
yearly pace a plan requires (:func:`pace_table`), which national indicators a province sets a
target for (:func:`coverage_table`); national paces and disagreements, and the notes the 2025
reorganization calls for. Every value carries the observation ids it came from."""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from vnhealth.harmonize import reform
from vnhealth.harmonize.pace import PACE_COLUMNS, required_pace_rows
from vnhealth.harmonize.pace import national_pace as national_pace_rule
from vnhealth.inputs.terms import (
    ACHIEVED_KINDS,
    PLANNED_KINDS,
    Assessment,
    Comparator,
    Kind,
    Method,
)
from vnhealth.report.data import Table, Warehouse
from vnhealth.report.formatting import fmt_value, isna
from vnhealth.report.labels import label

# What a province aims at for a year: its target, or a milestone on the way.
TARGET_KINDS = PLANNED_KINDS
# How the harmonized value for a year was found, best first (the order of the vocabulary);
# and a target before a milestone.
METHOD_ORDER = Method.order()
_KIND_ORDER = Kind.order()

_COMPARISON_SQL = """
SELECT * FROM comparison
WHERE year = $year AND list_contains($provinces, province_id)
  AND list_contains($indicators, indicator_id) AND list_contains($kinds, kind)
  AND method <> $other
ORDER BY rowid"""

_POINTS_SQL = """
SELECT province_id, indicator_id, kind, year, value AS value_repr, comparator, obs_ids, unit
FROM harmonized
WHERE method = $method AND year <= $year AND list_contains($kinds, kind)
  AND list_contains($provinces, province_id)
  AND ($indicators IS NULL OR list_contains($indicators, indicator_id))
ORDER BY rowid"""

_PACE_EXTRA_COLUMNS = ["national_start_year", "national_start", "national_end_year",
                       "national_end", "national_pace", "national_source", "pace_ratio",
                       "pace_verdict"]


def first_by_key(rows: Iterable[dict[str, Any]], key: Callable[[dict[str, Any]], Hashable],
                 rank: Callable[[dict[str, Any]], Any]) -> dict[Any, dict[str, Any]]:
    """The best-ranked row per key; ties go to the earlier row."""
    best: dict[Any, tuple[Any, dict[str, Any]]] = {}
    for r in rows:
        k, score = key(r), rank(r)
        if k not in best or score < best[k][0]:
            best[k] = (score, r)
    return {k: v[1] for k, v in best.items()}


def national_disagreement(wh: Warehouse, indicator_id: str, year: int, lang: str) -> str:
    """When national documents give different targets for one indicator and year, a sentence
    naming each value with its source and the one the report compares with (the benchmark,
    the same everywhere: :attr:`Warehouse.benchmarks`); else ``""``."""
    bench = wh.benchmarks.get((indicator_id, int(year)))
    if bench is None or not bench.get("national_conflict"):
        return ""
    unit = wh.unit_of(indicator_id)
    values: dict[str, list[str]] = {}
    for r in wh.national:
        if (r["indicator_id"] == indicator_id and int(r["year"]) == int(year)
                and r["kind"] == Kind.TARGET and r["comparator"] != Comparator.RELATIVE):
            v = wh.national_in_unit(r)
            written = fmt_value(v, r["comparator"], None if isna(r["value_high"]) else
                                r["value_high"], unit, lang, value_low=r["value"])
            values.setdefault(written, []).append(str(r["source_doc"]))
    if len(values) < 2:
        return ""
    listing = "; ".join(f"{v} ({', '.join(dict.fromkeys(docs))})" for v, docs in values.items())
    chosen = fmt_value(bench["national_value"], bench["national_comparator"],
                       bench["national_value_high"], unit, lang,
                       value_low=bench["national_value_low"])
    return label("national.conflict", lang, indicator=wh.indicator_name(indicator_id, lang),
                 year=int(year), values=listing, chosen=chosen)


def reform_text(wh: Warehouse, province_id: str, year_a: int, year_b: int, lang: str
                ) -> str | None:
    """The note comparing a province's figures of ``year_a`` and ``year_b`` needs across the
    2025 reform, in ``lang`` (:func:`vnhealth.harmonize.reform.note`; None when no note is
    needed)."""
    return reform.note(province_id, int(year_a), int(year_b), wh.lineage, lang)


def reform_notes(wh: Warehouse, provinces: Sequence[str], year_a: int, year_b: int,
                 lang: str) -> list[str]:
    """Reform notes for the provinces whose figures of ``year_a`` and ``year_b`` straddle the
    2025 reorganization (each province's plan years against the report year)."""
    notes = []
    for p in provinces:
        years = [int(o["year"]) for o in wh.observations if o["province_id"] == p]
        first = min(years) if years else int(year_a)
        text = reform_text(wh, p, min(first, int(year_a)), int(year_b), lang)
        if text:
            notes.append(text)
    return notes


def _missing_row(wh: Warehouse, province_id: str, indicator_id: str, year: int,
                 bench: dict[str, Any]) -> dict[str, Any]:
    """A comparison row for a province without a target: everything but the national target
    missing."""
    return {"province_id": province_id, "indicator_id": indicator_id, "year": year,
            "kind": None, "value": None, "value_low": None, "value_high": None,
            "unit": wh.unit_of(indicator_id), "method": Method.MISSING.value, "comparator": None,
            "bound_kind": None, "obs_ids": None, "direction": wh.direction(indicator_id),
            "national_value": bench.get("national_value"),
            "national_comparator": bench.get("national_comparator"),
            "national_source": bench.get("national_source"), "gap": None,
            "better_by": None, "ahead": None,
            "assessment": (Assessment.NO_PROVINCIAL if bench else Assessment.NO_NATIONAL).value}


def comparison_table(wh: Warehouse, provinces: Sequence[str], indicators: Sequence[str],
                     year: int) -> Table:
    """Each province × indicator's target for ``year`` against the national target.

    One row per province × indicator (every pair, so that a missing target shows as missing):
    the warehouse's ``comparison`` row — the harmonized value (a target before a milestone,
    stated before interpolated), its interval, ``method``, ``obs_ids``, and the direction-aware
    ``national_value``, ``gap``, ``better_by``, ``ahead`` and ``assessment`` — plus the national
    target's interval (``national_value_low``/``national_value_high``, indicator unit) and
    ``relative_pct``: ``better_by`` as a percentage of the national value (for the heatmap).
    """
    year = int(year)
    found = wh.query(_COMPARISON_SQL, {"year": year, "provinces": list(provinces),
                                       "indicators": list(indicators),
                                       "kinds": list(TARGET_KINDS),
                                       "other": Method.MISSING.value})
    picked = first_by_key(found, lambda r: (r["province_id"], r["indicator_id"]),
                          lambda r: (METHOD_ORDER.get(r["method"], 4),
                                     _KIND_ORDER.get(r["kind"], 2)))
    rows = []
    for p in provinces:
        for ind in indicators:
            bench = wh.benchmarks.get((ind, year), {})
            row = picked.get((p, ind)) or _missing_row(wh, p, ind, year, bench)
            row = {**row, "national_value_low": bench.get("national_value_low"),
                   "national_value_high": bench.get("national_value_high")}
            b, n = row["better_by"], row["national_value"]
            row["relative_pct"] = (None if isna(b) or isna(n) or float(n) == 0
                                   else float(b) / abs(float(n)) * 100)
            rows.append(row)
    return Table(rows)


def national_pace(wh: Warehouse, indicator_id: str, target_year: int) -> dict[str, Any] | None:
    """The national yearly change to ``target_year``
    (:func:`vnhealth.harmonize.pace.national_pace`, the
    rule of the build's ``pace`` table): from the latest national actual before that year to
    the national benchmark for that year, in the indicator's unit; None without both."""
    bench = wh.benchmarks.get((indicator_id, int(target_year)))
    target = None
    if bench is not None:
        doc = next((r["source_doc"] for r in wh.national
                    if r["source_line"] == bench["source_line"]), None)
        target = {"value": bench["national_value"], "source_doc": doc}
    # the issue date orders two sources of one year, as in the build's pace table
    actuals = [{"year": int(r["year"]), "value": wh.national_in_unit(r),
                "source_doc": r["source_doc"], "source_date": _iso(r.get("issued_on"))}
               for r in wh.national if r["indicator_id"] == indicator_id
               and r["kind"] == Kind.ACTUAL and r["comparator"] != Comparator.RELATIVE]
    return national_pace_rule(target, actuals, int(target_year))


def _iso(day: Any) -> str:
    """A date as the build writes ``source_date``: ``YYYY-MM-DD``, ``""`` for none."""
    return "" if isna(day) else str(day)[:10]


def pace_verdict(pace: Any, national: Any) -> tuple[float | None, str]:
    """The pace's ratio to the national pace and what it says: ``faster``, ``slower``,
    ``same_pace``, ``opposite``, ``no_national_pace`` or ``no_baseline``."""
    if isna(pace):
        return None, "no_baseline"
    if isna(national) or float(national) == 0:
        return None, "no_national_pace"
    ratio = float(pace) / float(national)
    if ratio < 0:
        return ratio, "opposite"
    if math.isclose(ratio, 1.0, rel_tol=0.02):
        return ratio, "same_pace"
    # The ratio compares moves in the same direction (the national target's), so it reads
    # the same for higher- and lower-is-better indicators.
    return ratio, "faster" if ratio > 1 else "slower"


def pace_table(wh: Warehouse, provinces: Sequence[str], indicators: Sequence[str] | None,
               year: int) -> Table:
    """The yearly pace each plan requires (baseline → latest target up to ``year``) against the
    national pace; ``pace_ratio`` > 1 means faster than the national targets move.

    Only province × indicator pairs with both a baseline (or actual) and a target are listed: a
    pace needs both. :func:`vnhealth.harmonize.pace.required_pace_rows` on the stated points of the
    ``harmonized`` table, so ranges are represented by their midpoint and relative targets
    resolved where a baseline exists.
    """
    points = wh.query(_POINTS_SQL, {"year": int(year), "provinces": list(provinces),
                                    "indicators": None if indicators is None
                                    else list(indicators), "method": Method.STATED.value,
                                    "kinds": [*ACHIEVED_KINDS, Kind.TARGET.value]})
    kinds: dict[tuple[str, str], set[str]] = {}
    for r in points:
        kinds.setdefault((r["province_id"], r["indicator_id"]), set()).add(r["kind"])
    pairs = {k for k, v in kinds.items() if Kind.TARGET in v and v & set(ACHIEVED_KINDS)}
    pace = [r for r in required_pace_rows(
        (r for r in points if (r["province_id"], r["indicator_id"]) in pairs), wh.lineage)
        if r["target_year"] is not None]
    for r in pace:
        n = national_pace(wh, r["indicator_id"], int(r["target_year"])) or {}
        r.update({"national_start_year": n.get("national_baseline_year"),
                  "national_start": n.get("national_baseline_value"),
                  "national_end_year": int(r["target_year"]) if n else None,
                  "national_end": n.get("national_target_value"),
                  "national_pace": n.get("national_pace_per_year"),
                  "national_source": n.get("national_source")})
        r["pace_ratio"], r["pace_verdict"] = pace_verdict(r["pace_per_year"],
                                                          r["national_pace"])
    return Table(pace, [*PACE_COLUMNS, *_PACE_EXTRA_COLUMNS])


def _coverage_status(covered: bool, mine: list[dict[str, Any]]) -> tuple[str, list[int]]:
    """``covered``, ``other_year``, ``relative`` or ``none``, with the years it concerns."""
    absolute = sorted({int(o["year"]) for o in mine if o["comparator"] != Comparator.RELATIVE})
    relative = sorted({int(o["year"]) for o in mine if o["comparator"] == Comparator.RELATIVE})
    if covered:
        return "covered", absolute
    if absolute:
        return "other_year", absolute
    if relative:
        return "relative", relative
    return "none", []


def coverage_table(wh: Warehouse, provinces: Sequence[str], indicators: Sequence[str] | None,
                   year: int) -> Table:
    """For each national indicator (with a national target for ``year``, or any year when there
    is none that year) and province: ``status`` ``covered`` (a target or milestone for ``year``,
    stated or interpolated), ``other_year`` (targets for other years only, in ``years``),
    ``relative`` (only changes such as "tăng thêm 10%" with no baseline to apply them to, for
    the ``years`` given), ``qualitative`` (a target in words only) or ``none`` — a coverage
    gap."""
    wanted = None if indicators is None else set(indicators)
    nat = [r for r in wh.national if r["kind"] == Kind.TARGET
           and (wanted is None or r["indicator_id"] in wanted)]
    in_year = [r for r in nat if int(r["year"]) == int(year)]
    national_ids = sorted({r["indicator_id"] for r in (in_year or nat)})
    covered = {(r["province_id"], r["indicator_id"]) for r in wh.query(
        "SELECT DISTINCT province_id, indicator_id FROM harmonized WHERE year = ? "
        "AND list_contains(?, kind) AND method <> ?",
        [int(year), list(TARGET_KINDS), Method.MISSING.value])}
    stated: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for o in wh.observations:
        if o["kind"] in TARGET_KINDS:
            stated.setdefault((o["province_id"], o["indicator_id"]), []).append(o)
    rows = []
    for p in provinces:
        for ind in national_ids:
            mine = stated.get((p, ind), [])
            status, years = _coverage_status((p, ind) in covered, mine)
            quals = wh.qualitative_for(p, ind) if status != "covered" else []
            if quals and status == "none":
                status, years = "qualitative", sorted({int(q["year"]) for q in quals})
            rows.append({"province_id": p, "indicator_id": ind, "status": status,
                         "years": years, "obs_ids": ",".join(str(o["obs_id"]) for o in mine),
                         "qualitative": quals})
    return Table(rows, ["province_id", "indicator_id", "status", "years", "obs_ids",
                        "qualitative"])
