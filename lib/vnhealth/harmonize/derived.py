"""The derived tables: what the library's functions compute from the extracted rows, one
function per table, materialized so that SQL users and notebooks get the same numbers.

* ``harmonized``: every province × indicator × year (× kind), :func:`harmonize.harmonize`;
* ``national_benchmark``: the national value each indicator × year is compared with (the most
  recent source first), :func:`harmonize.national_benchmark`;
* ``comparison``: each harmonized row beside the benchmark of its year, the plan's nearest
  stated target and a note when the years straddle the province's 2025 reform;
* ``observation_values``: each observation in its indicator's unit, relative changes resolved,
  with its interval;
* ``pace``: the yearly change each plan requires, beside the national pace to the same year.

The pipeline reads load → process (:func:`derived_tables`); the build saves the result through
the schema (sql/schema.yaml). :class:`DerivedInputs` holds plain rows so that it can cross to
the build's worker process, which has pandas loaded. National values are columns, never rows
of a province. A corpus without a dated observation has no derived rows: the build then
creates the tables empty, from the schema.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from vnhealth.harmonize.derived_inputs import DerivedInputs
from vnhealth.harmonize.frames import (
    compare,
    harmonize,
    national_benchmark,
    province_lineage,
    reform_note,
    represent_bounds,
    required_pace,
    resolve_relative,
    to_indicator_units,
)
from vnhealth.harmonize.pace import NATIONAL_PACE_COLUMNS, national_pace, representative
from vnhealth.inputs.catalog import Indicator
from vnhealth.inputs.terms import Assessment, Direction, Kind, Method, PaceStatus
from vnhealth.inputs.units import UnitRegistry

__all__ = ["DerivedInputs", "Frames", "comparison", "derived_tables", "harmonized", "load",
           "national_benchmark_table", "observation_values", "pace"]

KEY = ["province_id", "indicator_id", "year"]
# observation_values' columns, in the schema's order
_VALUE_COLUMNS = ["obs_id", "doc_id", "province_id", "indicator_id", "kind", "year",
                  "comparator", "value", "value_low", "value_high", "unit", "line",
                  "derived_from_relative", "relative_rule"]
# The columns required_pace() reads: it walks each province × indicator's rows, and fewer
# columns make that walk markedly faster.
_PACE_INPUT = ["obs_id", "doc_id", "province_id", "indicator_id", "kind", "year", "comparator",
               "value", "value_high", "unit", "relative_to", "line", "derived_from_relative",
               "relative_base_obs_id"]


@dataclass(frozen=True)
class Frames:
    """The inputs as frames: observations with a stated year only, national rows newest first."""

    observations: pd.DataFrame
    national: pd.DataFrame
    provinces: pd.DataFrame
    indicators: pd.DataFrame
    documents: pd.DataFrame  # doc_id, issued_on: "most recent document" orders by it
    catalog_indicators: Sequence[Indicator]
    registry: UnitRegistry


def _frame(inputs: DerivedInputs, table: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=inputs.schema.table(table).names)


def load(inputs: DerivedInputs) -> Frames:
    """The frames the table functions read."""
    obs = _frame(inputs, "observations", inputs.observations)
    # harmonized rows are province × indicator × year: a value whose year the text does not
    # state has no place there (it stays in `observations`, NULL year, for review)
    obs = obs[obs["year"].notna()].reset_index(drop=True)
    obs["year"] = obs["year"].astype("int64")
    national = _frame(inputs, "national_targets", inputs.national_targets)
    # newest source first (undated last), then the reference file's order: compare() and
    # national_benchmark() take the first row of an indicator × year
    national = national.assign(source_date=national["issued_on"].map(
        lambda d: "" if d is None or pd.isna(d) else str(d)))
    national = national.sort_values(["source_date", "source_line"], ascending=[False, True],
                                    kind="stable").reset_index(drop=True)
    # undated plans are ordered by their first year
    documents = pd.DataFrame([(d["doc_id"], d["issued_on"] or str(d["period_start"]))
                              for d in inputs.documents], columns=["doc_id", "issued_on"])
    return Frames(obs, national, _frame(inputs, "provinces", inputs.provinces),
                  _frame(inputs, "indicators", inputs.indicators), documents,
                  inputs.catalog_indicators, UnitRegistry(inputs.units))


def harmonized(f: Frames) -> pd.DataFrame:
    """``harmonized``: every province × indicator × year of the observations' span."""
    years = range(int(f.observations["year"].min()), int(f.observations["year"].max()) + 1)
    return harmonize(f.observations, f.catalog_indicators, f.registry, years,
                     documents=f.documents).reset_index(drop=True)


def national_benchmark_table(f: Frames) -> pd.DataFrame:
    """``national_benchmark``: the national value of each indicator × year."""
    return national_benchmark(f.national, f.indicators, registry=f.registry)


def _statement(r: dict[str, Any]) -> str:
    shown = f"{r['value']:g}" + (f"–{r['value_high']:g}" if r["comparator"] == "range" else "")
    comp = "" if r["comparator"] in ("=", "range") else r["comparator"]
    return f"{comp}{shown} {r['unit']} [{r['source_doc']}]"


def _national_statements(national: pd.DataFrame) -> dict[tuple[str, int], str]:
    """Every national target of an indicator × year with its source, most recent first."""
    statements: dict[tuple[str, int], str] = {}
    targets = national[national["kind"].eq(Kind.TARGET) & national["comparator"].ne("relative")]
    for r in targets.to_dict("records"):
        key = (r["indicator_id"], int(r["year"]))
        statements[key] = "; ".join(filter(None, [statements.get(key), _statement(r)]))
    return statements


def _compared(f: Frames, table: pd.DataFrame, benchmarked: pd.Series) -> pd.DataFrame:
    """compare() on the rows whose indicator × year has a national target; every other row
    gets what compare() gives a row without one (tests check the two agree), which keeps the
    build fast: most harmonized rows have no benchmark."""
    compared = compare(table[benchmarked], f.national, f.indicators, registry=f.registry)
    directions = dict(zip(f.indicators["indicator_id"], f.indicators["direction"], strict=True))
    rest = table[~benchmarked].assign(
        direction=table.loc[~benchmarked, "indicator_id"].map(directions),
        assessment=Assessment.NO_NATIONAL.value)
    out = pd.concat([compared.set_axis(table.index[benchmarked]), rest]).sort_index()
    for col in compared.columns:
        out[col] = out[col].astype(compared[col].dtype)
    return out


def _mark_primary(comparison: pd.DataFrame) -> pd.Series:
    """One row per province × indicator × year is "primary" for views: the plan's target
    before a milestone, before what was achieved (Kind's order)."""
    order = comparison["kind"].map(Kind.order()).fillna(len(Kind))
    first = comparison.assign(_o=order).sort_values([*KEY, "_o"], kind="stable")
    primary = pd.Series(False, index=comparison.index)
    primary[first.drop_duplicates(KEY).index] = True
    return primary


def _stated_points(table: pd.DataFrame) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Each province × indicator's stated targets and milestones, one per year."""
    stated = table[table["method"].eq(Method.STATED)
                   & table["kind"].isin([Kind.TARGET, Kind.TRAJECTORY])
                   & table["value"].notna()]
    stated = stated.assign(_o=stated["kind"].map(Kind.order())).sort_values(
        [*KEY, "_o"], kind="stable").drop_duplicates(KEY)
    points: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in stated.to_dict("records"):
        points.setdefault((r["province_id"], r["indicator_id"]), []).append(r)
    return points


def _nearest_targets(f: Frames, table: pd.DataFrame, comparison: pd.DataFrame) -> pd.DataFrame:
    """The nearest year for which the plan states a target (or milestone): for a year the
    plan does not reach (Lào Cai's 2024 plan in 2030) the value stays `missing`, never carried,
    and the nearest stated target is shown beside it, compared and noted explicitly."""
    points = _stated_points(table)
    near: list[tuple[Any, ...]] = []
    for p, i, y in zip(comparison["province_id"], comparison["indicator_id"],
                       comparison["year"], strict=True):
        cands = points.get((p, i))
        if not cands:
            near.append((None, None, None, None))
            continue
        # ties go to the earlier year: what the plan has already stated
        best = min(cands, key=lambda r, y=int(y): (abs(int(r["year"]) - y), int(r["year"])))
        near.append((int(best["year"]), best["kind"], float(best["value"]), best["comparator"]))
    out = pd.DataFrame(near, columns=["nearest_year", "nearest_kind", "nearest_value",
                                      "nearest_comparator"], index=comparison.index)
    out["nearest_year"] = out["nearest_year"].astype("Int64")
    # Only rows with both a nearest target and a national value can have a gap; comparing
    # just those keeps the build fast and gives the same numbers.
    both = out["nearest_value"].notna() & comparison["national_value"].notna()
    cross = compare(comparison.loc[both, ["province_id", "indicator_id", "year", "unit"]].assign(
        value=out.loc[both, "nearest_value"], comparator=out.loc[both, "nearest_comparator"]),
        f.national, f.indicators, registry=f.registry)
    out["nearest_gap"] = pd.Series(cross["gap"].to_numpy(), index=out.index[both]
                                   ).astype("float64")
    out["nearest_ahead"] = pd.Series(cross["ahead"].to_numpy(), index=out.index[both]
                                     ).astype("boolean")
    return out


def _reform_notes(f: Frames, comparison: pd.DataFrame) -> list[str | None]:
    """A note whenever the years a row involves (its own, its interpolation anchors, its
    nearest stated target) lie on both sides of the 2025 reform for its province.
    reform_note() depends on a year only through its side of the province's change date
    (before, that year, after), so each year is first mapped to one representative of its
    side: a handful of calls instead of one per row."""
    changed = {r["province_id"]: r["effective_on"].year
               for r in province_lineage(f.provinces).to_dict("records")
               if r["change"] != "unchanged" and not pd.isna(r["effective_on"])}
    notes: dict[tuple[str, int, int], str | None] = {}

    def note(province_id: str, involved: list[Any]) -> str | None:
        if province_id not in changed:
            return None
        when = changed[province_id]
        ys = [when + (int(v) > when) - (int(v) < when) for v in involved
              if v is not None and not pd.isna(v)]
        k = (province_id, min(ys), max(ys))
        if k not in notes:
            notes[k] = reform_note(province_id, k[1], k[2], f.provinces)
        return notes[k]

    return [note(p, [y, a, b, n]) for p, y, a, b, n in zip(
        comparison["province_id"], comparison["year"], comparison["anchor_year_before"],
        comparison["anchor_year_after"], comparison["nearest_year"], strict=True)]


def comparison(f: Frames, table: pd.DataFrame) -> pd.DataFrame:
    """``comparison``: every harmonized row against the national benchmark of its own year."""
    statements = _national_statements(f.national)
    benchmarked = pd.Series([(i, int(y)) in statements for i, y in zip(
        table["indicator_id"], table["year"], strict=True)], index=table.index)
    out = _compared(f, table, benchmarked)
    out["is_primary"] = _mark_primary(out)
    out["national_statements"] = [statements.get((i, int(y))) for i, y in zip(
        out["indicator_id"], out["year"], strict=True)]
    nearest = _nearest_targets(f, table, out)
    out[list(nearest.columns)] = nearest
    out["nearest_year"] = out["nearest_year"].astype("Int64")
    out["reform_note"] = _reform_notes(f, out)
    return out.reset_index(drop=True)


def resolved_observations(f: Frames) -> pd.DataFrame:
    """The observations in their indicator's unit, relative changes applied to a baseline."""
    return resolve_relative(to_indicator_units(f.observations, f.catalog_indicators,
                                               f.registry), documents=f.documents)


def observation_values(resolved: pd.DataFrame) -> pd.DataFrame:
    """``observation_values``: each resolved observation with the interval it allows."""
    absolute = represent_bounds(resolved[~resolved["relative_unresolved"].to_numpy()])
    return absolute.assign(value=absolute["value_repr"])[_VALUE_COLUMNS].sort_values(
        ["province_id", "indicator_id", "year", "line"], kind="stable").reset_index(drop=True)


def _national_actuals(f: Frames) -> dict[str, list[dict[str, Any]]]:
    """Each indicator's national actuals in its unit, for the national pace."""
    nat = f.national[f.national["comparator"].ne("relative")
                     & f.national["kind"].eq(Kind.ACTUAL)]
    nat = to_indicator_units(nat.assign(doc_id=nat["source_doc"], obs_id=nat["source_line"]),
                             f.indicators, f.registry)
    actuals: dict[str, list[dict[str, Any]]] = {}
    for r in nat.to_dict("records"):
        actuals.setdefault(r["indicator_id"], []).append(
            {"year": r["year"], "source_doc": r["source_doc"], "source_date": r["source_date"],
             "value": representative(r["comparator"], r["value"], r["value_high"])})
    return actuals


def _add_national_pace(f: Frames, pace_rows: pd.DataFrame, benchmark: pd.DataFrame) -> None:
    """The national pace to the province's target year: vnhealth.harmonize.pace.national_pace, the
    rule
    the reports use too (from the latest national `actual` before that year to the national
    benchmark for that year)."""
    actuals = _national_actuals(f)
    doc_of_line = dict(zip(f.national["source_line"], f.national["source_doc"], strict=True))
    bench = {(r["indicator_id"], int(r["year"])): {
        "value": r["national_value"], "source_doc": doc_of_line.get(r["source_line"])}
        for r in benchmark.to_dict("records")}
    found = [national_pace(bench.get((i, int(y))), actuals.get(i, []), int(y))
             if not pd.isna(y) else None
             for i, y in zip(pace_rows["indicator_id"], pace_rows["target_year"], strict=True)]
    for column in NATIONAL_PACE_COLUMNS:
        cells = [None if x is None else x[column] for x in found]
        pace_rows[column] = cells if column == "national_source" else pd.array(
            cells, dtype="Int64" if column == "national_baseline_year" else "Float64")


def _pace_status(baseline_year: Any, target_year: Any) -> str:
    if pd.isna(baseline_year):
        return PaceStatus.NO_BASELINE.value
    if pd.isna(target_year):
        return PaceStatus.NO_TARGET.value
    return (PaceStatus.TARGET_NOT_AFTER_BASELINE if target_year <= baseline_year
            else PaceStatus.OK).value


def pace(f: Frames, resolved: pd.DataFrame, benchmark: pd.DataFrame) -> pd.DataFrame:
    """``pace``: the yearly change each plan requires, beside the national one."""
    out = required_pace(resolved[[c for c in _PACE_INPUT if c in resolved.columns]],
                        provinces=f.provinces, documents=f.documents)
    _add_national_pace(f, out, benchmark)
    out["direction"] = out["indicator_id"].map(dict(zip(
        f.indicators["indicator_id"], f.indicators["direction"], strict=True)))
    sign = out["direction"].map({Direction.HIGHER_IS_BETTER: 1.0,
                                 Direction.LOWER_IS_BETTER: -1.0})
    mine = pd.to_numeric(out["pace_per_year"]) * sign
    theirs = pd.to_numeric(out["national_pace_per_year"]) * sign
    # "steeper": the plan asks for more yearly progress, in the indicator's good direction,
    # than the national targets do; NA for band indicators or without both paces.
    out["steeper_than_national"] = pd.array(
        [None if pd.isna(a) or pd.isna(b) else bool(a > b)
         for a, b in zip(mine, theirs, strict=True)], dtype="boolean")
    out["pace_status"] = [_pace_status(b, t) for b, t in zip(
        out["baseline_year"], out["target_year"], strict=True)]
    return out.reset_index(drop=True)


def derived_tables(inputs: DerivedInputs) -> dict[str, pd.DataFrame]:
    """Every derived table, by name (none when no observation states its year)."""
    f = load(inputs)
    if f.observations.empty:
        return {}
    table = harmonized(f)
    benchmark = national_benchmark_table(f)
    resolved = resolved_observations(f)
    return {"harmonized": table, "national_benchmark": benchmark,
            "comparison": comparison(f, table),
            "observation_values": observation_values(resolved),
            "pace": pace(f, resolved, benchmark)}
