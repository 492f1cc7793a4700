"""Harmonization: observations as extracted → values that can be compared across provinces.

Every function is pure (DataFrame in, DataFrame out). The usual order is::

    to_indicator_units → resolve_relative → deduplicate → represent_bounds → align / harmonize

:func:`harmonize` runs that chain and returns the ``harmonized`` warehouse table. The rules,
written down once (each function's docstring repeats its own):

* **Units** — values are converted to the indicator's unit only through the unit registry
  (:mod:`vnhealth.inputs.units`); a unit of another dimension is an error, never a silent rescale.
* **Bounds** — ``=`` is a point; ``>``/``>=`` a lower bound; ``<``/``<=`` an upper bound;
  ``range`` an interval represented by its midpoint. ``value_low``/``value_high`` carry the
  interval so that charts can draw it.
* **Relative changes** — a change in ``percent`` is *proportional* (percent of the baseline
  value), except a ``per_year`` change in ``percent`` of an indicator that is itself a percentage,
  which is in percentage points per year (the usual reading of "giảm 1%/năm" of a rate in %).
  A change in any other unit is absolute in that unit. With the baseline value ``b`` for the
  reference year, or, for ``per_year``, the latest baseline/actual before the target year over
  ``n`` years: proportional → ``b × (1 + c/100)`` (``per_year``: ``b × (1 + c/100) ** n``);
  absolute → ``b + c`` (``per_year``: ``b + c × n``). Without such a baseline the row stays
  relative and is flagged ``relative_unresolved``.
* **Years** — a value for a year is ``stated`` when an observation gives it; otherwise
  ``interpolated`` linearly between the nearest earlier and later points (the earlier anchor
  prefers a baseline/actual, the later one a target/trajectory, so that a path runs from what was
  achieved to what is aimed at); otherwise ``carried_forward`` only when asked; otherwise
  ``missing``. An interpolated row takes the kind of its later anchor; a missing row has kind
  ``target``.
* **Duplicates** — one value per province × indicator × year × kind × comparator class; when
  statements disagree the most recent document wins and the row is flagged ``conflict``.
* **Direction** — ``higher_is_better``, ``lower_is_better`` or ``band`` decides what "ahead of
  the national target" means; a ``descriptive`` indicator is compared but never assessed.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from vnhealth.harmonize import reform
from vnhealth.harmonize.pace import ACHIEVED, PACE_COLUMNS, representative, required_pace_rows
from vnhealth.inputs.catalog import COMPARATORS, DIRECTIONS, KINDS
from vnhealth.inputs.schema import pandas_dtype, project_schema
from vnhealth.inputs.terms import Assessment, Kind, Method, values
from vnhealth.inputs.units import UnitRegistry, convert_frame, default_registry

__all__ = [
    "ABSOLUTE_COMPARATORS",
    "METHODS",
    "align",
    "compare",
    "deduplicate",
    "harmonize",
    "indicator_frame",
    "national_benchmark",
    "province_lineage",
    "reform_note",
    "represent_bounds",
    "required_pace",
    "resolve_relative",
    "to_indicator_units",
]

ABSOLUTE_COMPARATORS = tuple(c for c in COMPARATORS if c != "relative")
METHODS = values(Method)

# The earlier anchor of an interpolation prefers what was achieved, the later one what is aimed
# at, so that a path runs from a plan's baseline to its target.
_EARLY_PREFERENCE = ("baseline", "actual", "trajectory", "target")
_LATE_PREFERENCE = ("target", "trajectory", "actual", "baseline")

_KEY = ["province_id", "indicator_id"]


# --------------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------------
def _isna(x: Any) -> bool:
    return x is None or (pd.api.types.is_scalar(x) and bool(pd.isna(x)))


def _clean(x: Any) -> Any:
    """NA of any flavour → None; numpy scalars → Python scalars (records stay comparable)."""
    if _isna(x):
        return None
    return x.item() if isinstance(x, np.generic) else x


def _clean_column(values: list[Any]) -> list[Any]:
    """_clean over one column's values; NA and numpy scalars are checked once per value."""
    return [None if (v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v))
            else v.item() if isinstance(v, np.generic) else _clean(v) if not isinstance(
                v, (str, int, float, bool)) else v
            for v in values]


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    # column by column: far fewer Python calls than cleaning every cell of every record
    columns = {c: _clean_column(df[c].tolist()) for c in df.columns}
    names = list(columns)
    return [dict(zip(names, row, strict=True)) for row in zip(*columns.values(), strict=True)] \
        if names else [{} for _ in range(len(df))]


def _num(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s, errors="coerce").astype("float64")


def _eq(s: pd.Series, value: str) -> np.ndarray:
    """Elementwise ``s == value`` with NA → False, whatever the string dtype."""
    return s.astype(object).eq(value).to_numpy(dtype=bool)


def _require(df: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{what}: missing column(s) {missing}; got {list(df.columns)}")


def _fmt(x: float | None) -> str:
    return "NA" if x is None else f"{x:g}"


def _join(values: Iterable[Any]) -> str:
    return ",".join(str(v) for v in values)


def _typed(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """Build a frame with the dtypes sql/schema.yaml gives each column name: floats, nullable
    ints and booleans; other columns as they come."""
    out = pd.DataFrame(rows, columns=list(columns))
    types = project_schema().column_types
    for col in out.columns:
        dtype = pandas_dtype(types.get(col, ""))
        if dtype == "float64":
            out[col] = _num(out[col])
        elif dtype is not None:
            out[col] = pd.array(out[col].tolist(), dtype=dtype)
    return out


# --------------------------------------------------------------------------------------------
# catalogue
# --------------------------------------------------------------------------------------------
# The warehouse `indicators` table, parsed indicators.yaml, or vnhealth.inputs.catalog.Indicator
# objects.
Indicators = pd.DataFrame | Mapping[str, Any] | Sequence[Any]


def indicator_frame(indicators: Indicators) -> pd.DataFrame:
    """Normalize an indicator catalogue to columns ``indicator_id, unit, direction, band_low,
    band_high`` (plus whatever else it carries).

    Accepts the warehouse ``indicators`` table, the parsed indicators.yaml (``{"indicators":
    [...]}``), its list of entries, or ``vnhealth.inputs.catalog.load_catalog(...).indicators``;
    ``id`` is
    read as ``indicator_id`` and ``band: [lo, hi]`` as ``band_low``/``band_high``.

    >>> ind = indicator_frame([{"id": "sex_ratio_at_birth", "unit": "boys_per_100_girls",
    ...                         "direction": "band", "band": [104, 107]}])
    >>> ind["indicator_id"].tolist(), ind["band_low"].tolist(), ind["band_high"].tolist()
    (['sex_ratio_at_birth'], [104.0], [107.0])
    """
    if isinstance(indicators, pd.DataFrame):
        df = indicators.copy()
    else:
        entries = (
            indicators.get("indicators", []) if isinstance(indicators, Mapping) else indicators
        )
        df = pd.DataFrame([dataclasses.asdict(e) if dataclasses.is_dataclass(e) else dict(e)
                           for e in entries])
    if "indicator_id" not in df.columns and "id" in df.columns:
        df = df.rename(columns={"id": "indicator_id"})
    _require(df, ["indicator_id", "unit", "direction"], "indicators")
    if "band" in df.columns:
        bands = [b if isinstance(b, (list, tuple)) and len(b) == 2 else (None, None)
                 for b in df["band"].tolist()]
        df["band_low"] = _num(pd.Series([b[0] for b in bands], index=df.index))
        df["band_high"] = _num(pd.Series([b[1] for b in bands], index=df.index))
    for col in ("band_low", "band_high"):
        df[col] = _num(df[col]) if col in df.columns else np.nan
    bad = sorted(set(df["direction"].dropna()) - set(DIRECTIONS))
    if bad:
        raise ValueError(f"indicators: unknown direction(s) {bad}; expected one of {DIRECTIONS}")
    return df.reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# units
# --------------------------------------------------------------------------------------------
def _change_type(unit: Any, relative_to: Any, indicator_unit: Any) -> str:
    """How a relative change is read (see the module docstring)."""
    if unit == "percent" and not (relative_to == "per_year" and indicator_unit == "percent"):
        return "proportional"
    return "absolute"


def to_indicator_units(
    obs: pd.DataFrame,
    indicators: Indicators,
    registry: UnitRegistry | None = None,
) -> pd.DataFrame:
    """Convert ``value`` and ``value_high`` to each indicator's unit through the registry.

    Adds ``unit_as_stated`` (the unit the document used), ``unit_factor`` (the multiplier applied),
    ``unit_assumed`` (True where the row had no unit and the indicator's unit was assumed) and,
    for ``relative`` rows, ``change_type``: ``proportional`` changes (percent of the baseline, see
    the module docstring) are not rescaled and keep unit ``percent``; ``absolute`` changes are
    converted like any value. A unit of another dimension raises
    :class:`~vnhealth.inputs.units.IncompatibleUnitsError` naming the obs_id and indicator; an
    indicator
    missing from the catalogue raises ValueError.

    >>> obs = pd.DataFrame({"obs_id": [1], "indicator_id": ["infant_mortality"],
    ...                     "comparator": ["="], "value": [1.2], "value_high": [None],
    ...                     "unit": ["percent"], "relative_to": [None]})
    >>> ind = [{"id": "infant_mortality", "unit": "per_1000", "direction": "lower_is_better"}]
    >>> out = to_indicator_units(obs, ind)
    >>> out["value"].tolist(), out["unit"].tolist(), out["unit_as_stated"].tolist()
    ([12.0], ['per_1000'], ['percent'])
    """
    _require(obs, ["indicator_id", "value", "unit"], "to_indicator_units")
    reg = registry or default_registry()
    units = indicator_frame(indicators).drop_duplicates("indicator_id").set_index("indicator_id")
    units = units["unit"]
    unknown = sorted(set(obs["indicator_id"].dropna()) - set(units.index))
    if unknown:
        raise ValueError(f"indicator(s) not in the catalogue: {unknown}")
    out = obs.copy()
    target = out["indicator_id"].map(units).astype(object)
    stated = out["unit"].astype(object)
    assumed = stated.isna().to_numpy()
    stated = stated.where(~assumed, target)
    rel_to = (out["relative_to"] if "relative_to" in out else pd.Series(None, index=out.index))
    is_rel = _eq(out["comparator"], "relative") if "comparator" in out else np.zeros(len(out), bool)
    change = [
        _change_type(u, _clean(r), t) if rel else None
        for u, r, t, rel in zip(stated, rel_to.astype(object), target, is_rel, strict=True)
    ]
    proportional = np.array([c == "proportional" for c in change], dtype=bool)
    # A proportional change is a percent of whatever the baseline is: rescaling it would be wrong.
    goal = target.where(~proportional, stated)
    previous_stated = out.get("unit_as_stated")
    previous_factor = _num(out["unit_factor"]) if "unit_factor" in out else None
    work = out.assign(unit=stated)
    work = convert_frame(work, goal, registry=reg, context_columns=("obs_id", "indicator_id"))
    if previous_stated is not None:
        # Converting twice keeps the unit the document used and the overall factor.
        work["unit_as_stated"] = previous_stated
        work["unit_factor"] = work["unit_factor"] * previous_factor.fillna(1.0)
    else:
        work["unit_as_stated"] = work["unit_as_stated"].where(~assumed, None)
    work["unit_assumed"] = assumed
    if is_rel.any():
        work["change_type"] = pd.Series(change, index=work.index, dtype=object)
    return work


# --------------------------------------------------------------------------------------------
# bounds
# --------------------------------------------------------------------------------------------
def represent_bounds(obs: pd.DataFrame) -> pd.DataFrame:
    """Add a representative value and the interval each statement describes.

    ``value_repr``: the bound itself for ``= < <= > >=``, the midpoint for ``range``, NA for
    ``relative``. ``value_low``/``value_high``: ``=`` → both the value; ``>``/``>=`` → low only;
    ``<``/``<=`` → high only; ``range`` → both ends. ``bound_kind`` is ``point``, ``lower``,
    ``upper``, ``range`` or ``relative``; ``is_interval`` is True for the three interval kinds;
    ``bound_inclusive`` is False for strict ``<``/``>``. Idempotent. A range without a high end,
    or with high < low, or an unknown comparator raises ValueError naming the obs_ids.

    >>> df = pd.DataFrame({"obs_id": [1, 2], "comparator": ["range", ">="],
    ...                    "value": [4.0, 95.0], "value_high": [5.0, None]})
    >>> out = represent_bounds(df)
    >>> out["value_repr"].tolist(), out["value_low"].tolist(), out["bound_kind"].tolist()
    ([4.5, 95.0], [4.0, 95.0], ['range', 'lower'])
    """
    _require(obs, ["comparator", "value"], "represent_bounds")
    out = obs.copy()
    comp = out["comparator"].astype(object)
    lo = _num(out["value"]).to_numpy()
    hi_in = _num(out["value_high"]).to_numpy() if "value_high" in out else np.full(len(out), np.nan)
    ids = out["obs_id"] if "obs_id" in out else pd.Series(range(len(out)), index=out.index)
    unknown = ~comp.isin(COMPARATORS).to_numpy()
    if unknown.any():
        raise ValueError(f"unknown comparator(s) {sorted(set(comp[unknown].astype(str)))} in obs "
                         f"{list(ids[unknown])}; expected one of {COMPARATORS}")
    is_range = _eq(comp, "range")
    bad = is_range & (np.isnan(hi_in) | (hi_in < lo))
    if bad.any():
        raise ValueError(f"range without a valid high end (value_high missing or below value) in "
                         f"obs {list(ids[bad])}")
    is_eq = _eq(comp, "=")
    lower = comp.isin([">", ">="]).to_numpy()
    upper = comp.isin(["<", "<="]).to_numpy()
    rel = _eq(comp, "relative")
    # Where value_high already holds the interval (a second call), `upper` rows carry the bound
    # in `value` too, so recomputing from value alone keeps the function idempotent.
    out["value_repr"] = np.where(is_range, (lo + hi_in) / 2, np.where(rel, np.nan, lo))
    out["value_low"] = np.where(is_eq | lower | is_range, lo, np.nan)
    out["value_high"] = np.where(is_eq | upper, lo, np.where(is_range, hi_in, np.nan))
    out["bound_kind"] = np.select(
        [is_eq, lower, upper, is_range], ["point", "lower", "upper", "range"], default="relative"
    )
    out["is_interval"] = lower | upper | is_range
    out["bound_inclusive"] = ~comp.isin(["<", ">"]).to_numpy() & ~rel
    return out


# --------------------------------------------------------------------------------------------
# document recency
# --------------------------------------------------------------------------------------------
def _doc_rank(obs: pd.DataFrame, documents: pd.DataFrame | None) -> pd.Series:
    """A number per row, larger for more recent documents.

    Recency comes from ``issued_on`` (a column of ``obs`` or of ``documents``); documents without
    a date rank below dated ones and, among themselves, by doc_id — a fallback only, pass the
    documents table to make "most recent" mean what it says.
    """
    if "doc_id" not in obs.columns:
        return pd.Series(0, index=obs.index)
    if "issued_on" in obs.columns:
        issued = obs["issued_on"].astype(object)
    elif documents is not None and "issued_on" in documents.columns:
        dates = documents.drop_duplicates("doc_id").set_index("doc_id")["issued_on"]
        issued = obs["doc_id"].map(dates).astype(object)
    else:
        issued = pd.Series(None, index=obs.index, dtype=object)
    pairs = [("" if _isna(i) else str(i), str(d))
             for i, d in zip(issued, obs["doc_id"], strict=True)]
    rank = {k: n for n, k in enumerate(sorted(set(pairs)))}
    return pd.Series([rank[p] for p in pairs], index=obs.index)


# --------------------------------------------------------------------------------------------
# relative targets
# --------------------------------------------------------------------------------------------
def _parse_reference(relative_to: Any) -> int | str | None:
    """A reference year, the string ``per_year``, or None (unspecified)."""
    if _isna(relative_to):
        return None
    text = str(relative_to).strip()
    if text == "per_year":
        return text
    try:
        year = float(text)
    except ValueError:
        return None
    return int(year) if year.is_integer() else None


def resolve_relative(obs: pd.DataFrame, *, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Turn relative rows into absolute values where the data holds their baseline.

    A ``relative`` row is resolved with a baseline/actual of the same province and indicator:
    for a reference year, the one stated for that year; for ``per_year``, the latest one before
    the row's year (n = the years between). Same-document baselines are preferred, then the most
    recent document. The rule (module docstring): proportional (percent) change →
    ``b × (1 + c/100)``, compounding per year for ``per_year``; absolute change → ``b + c``, or
    ``b + c × n`` for ``per_year``. Run :func:`to_indicator_units` first so that the change and
    the baseline share a unit.

    A resolved row gets comparator ``=``, the new ``value``, ``derived_from_relative`` True and
    ``relative_change``, ``relative_base_year``, ``relative_base_obs_id``, ``relative_rule``;
    ``comparator_as_stated`` keeps ``relative``. A row that cannot be resolved stays as it was
    with ``relative_unresolved`` True and ``relative_note`` saying why.

    >>> obs = pd.DataFrame({
    ...     "obs_id": [1, 2], "doc_id": ["d", "d"], "province_id": ["p", "p"],
    ...     "indicator_id": ["infant_mortality"] * 2, "kind": ["baseline", "target"],
    ...     "year": [2015, 2025], "comparator": ["=", "relative"], "value": [15.0, -20.0],
    ...     "value_high": [None, None], "unit": ["per_1000", "percent"],
    ...     "relative_to": [None, "2015"]})
    >>> out = resolve_relative(obs)
    >>> out["comparator"].tolist(), out["value"].tolist(), out["relative_unresolved"].tolist()
    (['=', '='], [15.0, 12.0], [False, False])
    >>> out.loc[1, "relative_rule"]
    '15 × (1 + -20/100) (baseline 2015)'
    """
    _require(obs, [*_KEY, "kind", "year", "comparator", "value", "unit"], "resolve_relative")
    out = obs.copy()
    is_rel = _eq(out["comparator"], "relative")
    for col, default in (
        ("relative_unresolved", False), ("derived_from_relative", False),
        ("relative_note", None), ("relative_rule", None), ("relative_change", np.nan),
        ("relative_base_year", None), ("relative_base_obs_id", None),
        ("comparator_as_stated", None),
    ):
        if col not in out.columns:
            out[col] = pd.Series([default] * len(out), index=out.index, dtype=object)
    if not is_rel.any():
        return _finish_relative(out, obs)
    rank = _doc_rank(out, documents)
    bases = out[~is_rel & out["kind"].isin(ACHIEVED).to_numpy()].assign(_rank=rank)
    base_groups = {k: g for k, g in bases.groupby(_KEY, sort=False)}
    for idx in out.index[is_rel]:
        row = out.loc[idx]
        ref = _parse_reference(row.get("relative_to"))
        note, result = _resolve_one(row, ref, base_groups.get(tuple(row[_KEY])))
        if result is None:
            out.loc[idx, ["relative_unresolved", "relative_note"]] = [True, note]
            continue
        value, base, rule = result
        out.loc[idx, "comparator_as_stated"] = "relative"
        out.loc[idx, "relative_change"] = float(row["value"])
        out.loc[idx, "relative_base_year"] = int(base["year"])
        out.loc[idx, "relative_base_obs_id"] = _clean(base.get("obs_id"))
        out.loc[idx, "relative_rule"] = rule
        out.loc[idx, "derived_from_relative"] = True
        out.loc[idx, "relative_unresolved"] = False
        out.loc[idx, "comparator"] = "="
        out.loc[idx, "value"] = value
        out.loc[idx, "unit"] = base["unit"]
        if "value_high" in out.columns:
            out.loc[idx, "value_high"] = np.nan
    return _finish_relative(out, obs)


def _finish_relative(out: pd.DataFrame, original: pd.DataFrame) -> pd.DataFrame:
    out["relative_unresolved"] = out["relative_unresolved"].astype(bool)
    out["derived_from_relative"] = out["derived_from_relative"].astype(bool)
    out["relative_change"] = _num(out["relative_change"])
    out["relative_base_year"] = pd.array(out["relative_base_year"].tolist(), dtype="Int64")
    if "value_repr" in original.columns:
        # Keep the bounds columns true to the new values when they had been computed already.
        out = represent_bounds(out)
    return out


def _stated_level(row: pd.Series, bases: pd.DataFrame | None, year: int) -> str | None:
    """Why an actual change (a table's "(+0,6)" column) is not made a level: the level of its
    year is stated too, and is the value of that year; None when it is not."""
    if row.get("kind") != Kind.ACTUAL or bases is None or bases.empty:
        return None
    same_year = bases[_num(bases["year"]).to_numpy() == year]
    if same_year.empty:
        return None
    return (f"the level of {year} is stated (obs {_clean(same_year.iloc[0].get('obs_id'))}); "
            "the change is kept as stated")


def _resolve_one(
    row: pd.Series, ref: int | str | None, bases: pd.DataFrame | None
) -> tuple[str | None, tuple[float, pd.Series, str] | None]:
    if _isna(row["value"]):
        return "relative change has no value", None
    if ref is None:
        return "no reference year stated (relative_to unspecified)", None
    year = int(row["year"])
    stated = _stated_level(row, bases, year)
    if stated is not None:
        return stated, None
    if bases is None or bases.empty:
        when = f"before {year}" if ref == "per_year" else f"for the reference year {ref}"
        return f"no baseline or actual {when} for this province and indicator", None
    if ref == "per_year":
        pool = bases[_num(bases["year"]).to_numpy() < year]
        if pool.empty:
            return f"no baseline or actual before {year}", None
        pool = pool[_num(pool["year"]).to_numpy() == _num(pool["year"]).max()]
    else:
        pool = bases[_num(bases["year"]).to_numpy() == ref]
        if pool.empty:
            return f"no baseline or actual for the reference year {ref}", None
    same_doc = pool[_eq(pool["doc_id"], row.get("doc_id"))] if "doc_id" in pool else pool
    pool = same_doc if not same_doc.empty else pool
    base = pool.sort_values("_rank", ascending=False, kind="stable").iloc[0]
    b = representative(base["comparator"], base["value"], base.get("value_high"))
    if b is None:
        return f"baseline obs {base.get('obs_id')} has no usable value", None
    change = float(row["value"])
    kind = row.get("change_type")
    if _isna(kind):
        kind = _change_type(row["unit"], row.get("relative_to"), base["unit"])
    if kind == "absolute" and row["unit"] != base["unit"]:
        return (f"change in {row['unit']} but baseline in {base['unit']}; "
                "run to_indicator_units first"), None
    n = year - int(base["year"]) if ref == "per_year" else 1
    if kind == "proportional":
        value = b * (1 + change / 100) ** n
        rule = (f"{_fmt(b)} × (1 + {_fmt(change)}/100)" + (f"^{n}" if ref == "per_year" else ""))
    else:
        value = b + change * n
        rule = f"{_fmt(b)} + {_fmt(change)}" + (f" × {n}" if ref == "per_year" else "")
    return None, (value, base, f"{rule} (baseline {int(base['year'])})")


# --------------------------------------------------------------------------------------------
# de-duplication
# --------------------------------------------------------------------------------------------
_SIDES = {"=": {"eq"}, ">=": {"eq", "gt"}, ">": {"gt"}, "<=": {"eq", "lt"}, "<": {"lt"}}


def _compatible(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two statements say the same thing (same numbers, comparators that overlap)."""
    def same(x: Any, y: Any) -> bool:
        if x is None or y is None:
            return x is None and y is None
        return math.isclose(float(x), float(y), rel_tol=1e-9, abs_tol=1e-12)

    ca, cb = a.get("comparator"), b.get("comparator")
    if not same(a.get("value"), b.get("value")):
        return False
    if "range" in (ca, cb) or "relative" in (ca, cb):
        return ca == cb and (ca != "range" or same(a.get("value_high"), b.get("value_high")))
    # "đạt 95%" and "ít nhất 95%" agree; "trên 95%" and "dưới 95%" do not.
    return bool(_SIDES.get(ca, {ca}) & _SIDES.get(cb, {cb}))


def _comparator_class(comparator: Any, relative_to: Any, unit: Any) -> str:
    if comparator == "relative":
        ref = "unspecified" if _isna(relative_to) else str(relative_to)
        return f"relative:{ref}:{unit}"
    return "absolute"


def deduplicate(obs: pd.DataFrame, *, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per province × indicator × year × kind × comparator class.

    The comparator class is ``absolute`` for ``= < <= > >= range`` and, for relative rows, their
    reference (``relative_to``) and unit, so that "giảm 20% so với 2015" and a stated level for the
    same year stay two rows. Within a group the representative row is the most recent document's
    (``issued_on`` from ``obs`` or ``documents``; see :func:`_doc_rank` for the fallback), then a
    directly stated value before one derived from a relative change, then the first line. Adds
    ``obs_ids`` (comma-joined ids of every contributing observation, the baseline of a resolved
    relative change included), ``n_observations`` (how many), ``doc_ids``,
    ``conflict`` (True when a statement disagrees with the kept one: different numbers, or
    comparators that do not overlap — ``=`` and ``>=`` the same number agree) and
    ``conflict_values`` listing every statement when they disagree. Units must agree within a group
    (run :func:`to_indicator_units` first), otherwise ValueError.

    >>> obs = pd.DataFrame({"obs_id": [1, 2, 3], "doc_id": ["a", "a", "b"],
    ...     "province_id": ["p"] * 3, "indicator_id": ["i"] * 3, "kind": ["target"] * 3,
    ...     "year": [2025] * 3, "comparator": ["=", ">=", "="], "value": [50.0, 50.0, 55.0],
    ...     "value_high": [None] * 3, "unit": ["percent"] * 3, "line": [10, 90, 4]})
    >>> out = deduplicate(obs, documents=pd.DataFrame({"doc_id": ["a", "b"],
    ...                                                "issued_on": ["2021-04-01", "2026-03-23"]}))
    >>> out["value"].tolist(), out["n_observations"].tolist(), out["obs_ids"].tolist()
    ([55.0], [3], ['3,1,2'])
    >>> out["conflict"].tolist()
    [True]
    """
    _require(obs, [*_KEY, "kind", "year", "comparator", "value", "unit"], "deduplicate")
    if obs.empty:
        out = obs.copy()
        for col in ("n_observations", "obs_ids", "doc_ids", "conflict", "conflict_values"):
            out[col] = pd.Series(dtype=object)
        return out
    work = obs.copy()
    work["_rank"] = _doc_rank(work, documents)
    work["_derived"] = (
        work["derived_from_relative"].astype(object).fillna(False).astype(bool)
        if "derived_from_relative" in work else False
    )
    work["_line"] = _num(work["line"]) if "line" in work else 0.0
    rel_to = work["relative_to"] if "relative_to" in work else pd.Series(None, index=work.index)
    work["_class"] = [
        _comparator_class(c, r, u)
        for c, r, u in zip(work["comparator"].astype(object), rel_to.astype(object),
                           work["unit"].astype(object), strict=True)
    ]
    work = work.sort_values(["_rank", "_derived", "_line"], ascending=[False, True, True],
                            kind="stable")
    keys = [*_KEY, "year", "kind", "_class"]
    recs = _records(work)
    groups: dict[tuple[Any, ...], list[int]] = {}
    for pos, r in enumerate(recs):
        groups.setdefault(tuple(r[k] for k in keys), []).append(pos)
    winners: list[int] = []
    added: dict[str, list[Any]] = {
        "n_observations": [], "obs_ids": [], "doc_ids": [], "conflict": [], "conflict_values": [],
    }
    for key, positions in groups.items():
        rows = [recs[p] for p in positions]
        units = {str(r["unit"]) for r in rows if r["unit"] is not None}
        if len(units) > 1:
            raise ValueError(f"{dict(zip(keys[:4], key, strict=False))} mixes units "
                             f"{sorted(units)}; convert with to_indicator_units first")
        winner = rows[0]
        ids = list(dict.fromkeys(i for r in rows for i in _contributors(r)))
        conflict = not all(_compatible(winner, r) for r in rows[1:])
        winners.append(positions[0])
        added["n_observations"].append(len(ids))
        added["obs_ids"].append(_join(ids))
        added["doc_ids"].append(_join(dict.fromkeys(str(r.get("doc_id")) for r in rows)))
        added["conflict"].append(conflict or bool(winner.get("conflict")))
        added["conflict_values"].append(
            "; ".join(_describe(r) for r in rows) if conflict else winner.get("conflict_values")
        )
    out = work.iloc[winners].drop(columns=["_rank", "_derived", "_line", "_class"])
    out = out.reset_index(drop=True)
    for col, vals in added.items():
        out[col] = pd.Series(vals, dtype={"n_observations": "int64", "conflict": bool}.get(col))
    return out


def _contributors(r: Mapping[str, Any]) -> list[str]:
    """The obs_ids behind one row: a merged row's list (second pass), else its own id, plus the
    baseline a relative change was resolved with."""
    ids = str(r["obs_ids"]).split(",") if r.get("obs_ids") else [str(r.get("obs_id"))]
    if r.get("derived_from_relative") and r.get("relative_base_obs_id") is not None:
        ids.append(str(r["relative_base_obs_id"]))
    return ids


def _describe(r: Mapping[str, Any]) -> str:
    comp = r.get("comparator") or ""
    value = _fmt(r.get("value"))
    if comp == "range":
        value = f"{value}–{_fmt(r.get('value_high'))}"
    where = f"doc {r.get('doc_id')}" + (f" line {r['line']}" if r.get("line") is not None else "")
    return f"{'' if comp in ('=', 'range') else comp}{value} ({where}, obs {r.get('obs_id')})"


# --------------------------------------------------------------------------------------------
# years
# --------------------------------------------------------------------------------------------
_ALIGN_COLUMNS = [
    "province_id", "indicator_id", "year", "kind", "value", "value_low", "value_high", "unit",
    "method", "comparator", "bound_kind", "is_interval", "anchor_year_before",
    "anchor_year_after", "n_observations", "obs_ids", "doc_ids", "conflict",
    "derived_from_relative",
]


def _points(obs: pd.DataFrame, documents: pd.DataFrame | None) -> pd.DataFrame:
    """Absolute, de-duplicated, bounded points ready for alignment."""
    _require(obs, [*_KEY, "kind", "year", "comparator", "value"], "align")
    work = obs if "unit" in obs.columns else obs.assign(unit=None)
    work = work[~_eq(work["comparator"], "relative")]
    odd = sorted(set(work["kind"].dropna().astype(str)) - set(KINDS))
    if odd:
        raise ValueError(f"unknown kind(s) {odd}; expected one of {KINDS}")
    units = work.groupby(_KEY)["unit"].nunique()
    if (units > 1).any():
        mixed = [list(k) for k in units[units > 1].index]
        raise ValueError(f"province × indicator with mixed units {mixed}: values of different "
                         "scales are never aligned together; run to_indicator_units first")
    if "n_observations" not in work.columns:
        work = deduplicate(work, documents=documents)
    return represent_bounds(work)


def _pick(rows: list[dict[str, Any]], preference: Sequence[str]) -> dict[str, Any]:
    order = {k: n for n, k in enumerate(preference)}
    return min(rows, key=lambda r: order.get(r["kind"], len(order)))


def _bound_kind(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return "point" if low == high else "range"
    return "lower" if low is not None else "upper" if high is not None else "point"


def _lerp(a: float | None, b: float | None, t: float) -> float | None:
    if a is None or b is None:
        return None
    # Clamp: a one-ulp rounding overshoot must not leave the segment between the anchors.
    return min(max(a + (b - a) * t, min(a, b)), max(a, b))


def _align_group(
    key: tuple[Any, Any], points: list[dict[str, Any]], years: Iterable[int], carry_forward: bool
) -> list[dict[str, Any]]:
    by_year: dict[int, list[dict[str, Any]]] = {}
    for p in points:
        if p["value_repr"] is not None:
            by_year.setdefault(int(p["year"]), []).append(p)
    known = sorted(by_year)
    unit = next((p["unit"] for p in points if p.get("unit") is not None), None)
    base = {"province_id": key[0], "indicator_id": key[1], "unit": unit}
    out: list[dict[str, Any]] = []
    for year in years:
        if year in by_year:
            out.extend(_stated_row(base, year, p) for p in by_year[year])
            continue
        earlier = [y for y in known if y < year]
        later = [y for y in known if y > year]
        if earlier and later:
            y0, y1 = earlier[-1], later[0]
            a = _pick(by_year[y0], _EARLY_PREFERENCE)
            b = _pick(by_year[y1], _LATE_PREFERENCE)
            t = (year - y0) / (y1 - y0)
            ids = list(dict.fromkeys(f"{a['obs_ids']},{b['obs_ids']}".split(",")))
            low = _lerp(a["value_low"], b["value_low"], t)
            high = _lerp(a["value_high"], b["value_high"], t)
            out.append({
                **base, "year": year, "kind": b["kind"], "method": Method.INTERPOLATED.value,
                "value": _lerp(a["value_repr"], b["value_repr"], t),
                "value_low": low, "value_high": high, "comparator": None,
                "bound_kind": _bound_kind(low, high),
                "is_interval": _bound_kind(low, high) != "point",
                "anchor_year_before": y0, "anchor_year_after": y1,
                "n_observations": len(ids),
                "obs_ids": _join(ids),
                "doc_ids": _join(dict.fromkeys(f"{a['doc_ids']},{b['doc_ids']}".split(","))),
                "conflict": bool(a.get("conflict") or b.get("conflict")),
                "derived_from_relative": bool(a.get("derived_from_relative")
                                              or b.get("derived_from_relative")),
            })
        elif earlier and carry_forward:
            p = _pick(by_year[earlier[-1]], _LATE_PREFERENCE)
            row = _stated_row(base, year, p)
            row.update(method=Method.CARRIED_FORWARD.value, anchor_year_before=earlier[-1])
            out.append(row)
        else:
            out.append({**base, "year": year, "kind": "target", "method": "missing",
                        "n_observations": 0, "conflict": False, "derived_from_relative": False,
                        "anchor_year_before": earlier[-1] if earlier else None,
                        "anchor_year_after": later[0] if later else None})
    return out


def _stated_row(base: dict[str, Any], year: int, p: dict[str, Any]) -> dict[str, Any]:
    return {
        **base, "year": year, "kind": p["kind"], "method": "stated", "value": p["value_repr"],
        "value_low": p["value_low"], "value_high": p["value_high"],
        "comparator": p["comparator"], "bound_kind": p["bound_kind"],
        "is_interval": p["is_interval"], "anchor_year_before": None, "anchor_year_after": None,
        "n_observations": p["n_observations"], "obs_ids": p["obs_ids"], "doc_ids": p["doc_ids"],
        "conflict": bool(p.get("conflict")),
        "derived_from_relative": bool(p.get("derived_from_relative")),
    }


def _align_years(
    obs: pd.DataFrame,
    years: Sequence[int],
    carry_forward: bool,
    documents: pd.DataFrame | None,
    units: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    points = _points(obs, documents)
    grouped: dict[tuple[Any, Any], list[dict[str, Any]]] = {}
    for r in _records(points):
        grouped.setdefault((r["province_id"], r["indicator_id"]), []).append(r)
    rows: list[dict[str, Any]] = []
    # Every province × indicator in the input gets rows, even one with only unresolved relative
    # statements: it shows up as `missing` instead of disappearing.
    for key in obs[_KEY].drop_duplicates().itertuples(index=False, name=None):
        aligned = _align_group(key, grouped.get(key, []), years, carry_forward)
        if units is not None:
            for r in aligned:
                r["unit"] = r["unit"] or units.get(key[1])
        rows.extend(aligned)
    out = _typed(rows, _ALIGN_COLUMNS)
    return out.sort_values(["province_id", "indicator_id", "year", "kind"],
                           kind="stable").reset_index(drop=True)


def align(
    obs: pd.DataFrame,
    year: int,
    *,
    carry_forward: bool = False,
    documents: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Each province × indicator's value for one common ``year``, with the ``method`` used.

    ``stated``: observations give that year (one row per kind stated). ``interpolated``: linear
    between the nearest earlier and later points of the province × indicator (any kind; the
    earlier anchor prefers a baseline/actual, the later a target/trajectory); the row takes the
    later anchor's kind and reports ``anchor_year_before``/``anchor_year_after``; bounds are
    interpolated where both anchors have them. ``carried_forward``: only with
    ``carry_forward=True``, the latest earlier point unchanged. Otherwise ``missing`` with value NA
    (kind ``target``); its anchor years then name the nearest points that exist, if any.
    Relative rows are ignored (resolve them first); values must share one unit per province ×
    indicator. Input not yet de-duplicated (no ``n_observations``) is passed through
    :func:`deduplicate`.

    >>> obs = pd.DataFrame({"obs_id": [1, 2], "province_id": ["lai_chau"] * 2,
    ...     "indicator_id": ["hypertension_managed"] * 2, "kind": ["baseline", "target"],
    ...     "year": [2020, 2025], "comparator": ["=", "="], "value": [35.0, 50.0],
    ...     "value_high": [None, None], "unit": ["percent", "percent"]})
    >>> row = align(obs, 2023).iloc[0]
    >>> float(row["value"]), row["method"], int(row["anchor_year_before"])
    (44.0, 'interpolated', 2020)
    """
    return _align_years(obs, [int(year)], carry_forward, documents)


def harmonize(
    obs: pd.DataFrame,
    indicators: Indicators,
    registry: UnitRegistry | None,
    years: Iterable[int],
    *,
    documents: pd.DataFrame | None = None,
    carry_forward: bool = False,
) -> pd.DataFrame:
    """The ``harmonized`` table: every province × indicator × year (× kind) in ``years``.

    Runs :func:`to_indicator_units` → :func:`resolve_relative` → :func:`deduplicate` →
    :func:`represent_bounds` → alignment for each year (see :func:`align` for the methods; kind of
    an interpolated row = its later anchor's kind, of a missing row ``target``). Relative rows
    that could not be resolved do not become values; take them from :func:`resolve_relative`
    (``relative_unresolved``). Columns: ``province_id, indicator_id, year, kind, value, value_low,
    value_high, unit, method, comparator, bound_kind, is_interval, anchor_year_before,
    anchor_year_after, n_observations, obs_ids, doc_ids, conflict, derived_from_relative``;
    ``obs_ids`` is comma-joined (NA for missing rows); ``value`` is the representative value in the
    indicator's unit.

    >>> obs = pd.DataFrame({"obs_id": [1, 2], "doc_id": ["d", "d"],
    ...     "province_id": ["lai_chau"] * 2, "indicator_id": ["hypertension_managed"] * 2,
    ...     "kind": ["baseline", "target"], "year": [2020, 2025], "comparator": ["=", "="],
    ...     "value": [35.0, 50.0], "value_high": [None, None], "unit": ["percent"] * 2,
    ...     "relative_to": [None, None]})
    >>> ind = [{"id": "hypertension_managed", "unit": "percent", "direction": "higher_is_better"}]
    >>> h = harmonize(obs, ind, None, range(2019, 2027))
    >>> h["method"].tolist()  # doctest: +NORMALIZE_WHITESPACE
    ['missing', 'stated', 'interpolated', 'interpolated', 'interpolated', 'interpolated',
     'stated', 'missing']
    """
    ind = indicator_frame(indicators)
    converted = to_indicator_units(obs, ind, registry)
    resolved = resolve_relative(converted, documents=documents)
    absolute = resolved[~resolved["relative_unresolved"].to_numpy()]
    deduped = deduplicate(absolute, documents=documents)
    years = [int(y) for y in years]
    # Alignment keys on every province × indicator observed, so unresolved-only pairs stay visible.
    frame = pd.concat([deduped, resolved[resolved["relative_unresolved"].to_numpy()]],
                      ignore_index=True) if len(deduped) else resolved
    units = dict(zip(ind["indicator_id"], ind["unit"], strict=True))
    return _align_years(frame, years, carry_forward, documents, units)


# --------------------------------------------------------------------------------------------
# comparison and pace
# --------------------------------------------------------------------------------------------
_STRICTNESS = {
    # How much a comparator commits to, at equal bound: "trên 95%" promises more than "đạt 95%".
    "higher_is_better": {">": 2, ">=": 1, "=": 1, "range": 1, "<=": 0, "<": 0},
    "lower_is_better": {"<": 2, "<=": 1, "=": 1, "range": 1, ">=": 0, ">": 0},
}


def _band_distance(v: float, lo: float, hi: float) -> float:
    return max(lo - v, 0.0, v - hi)


def _benchmarks(national: pd.DataFrame, ind: pd.DataFrame, registry: UnitRegistry,
                national_kind: str | None) -> dict[tuple[Any, int], dict[str, Any]]:
    """The national row standing for each indicator × year (the first one), in the indicator's
    unit, with every value and source stated for that indicator × year."""
    nat = national.copy()
    if national_kind is not None and "kind" in nat.columns:
        nat = nat[_eq(nat["kind"], national_kind)]
    nat = nat[~_eq(nat["comparator"], "relative") & nat["indicator_id"].isin(ind.index).to_numpy()]
    if "unit" in nat.columns and len(nat):
        nat = convert_frame(nat, nat["indicator_id"].map(ind["unit"]), registry=registry,
                            context_columns=("indicator_id", "year"))
    nat = represent_bounds(nat) if len(nat) else nat.assign(value_repr=pd.Series(dtype="float64"))
    best: dict[tuple[Any, int], dict[str, Any]] = {}
    for r in _records(nat):
        k = (r["indicator_id"], int(r["year"]))
        if k not in best:
            best[k] = {**r, "_values": {r["value_repr"]}, "_sources": [r.get("source_doc")]}
        else:
            best[k]["_values"].add(r["value_repr"])
            best[k]["_sources"].append(r.get("source_doc"))
    return best


BENCHMARK_COLUMNS = [
    "indicator_id", "year", "national_value", "national_value_low", "national_value_high",
    "national_comparator", "unit", "national_source", "national_conflict", "source_line",
]


def national_benchmark(
    national: pd.DataFrame,
    indicators: Indicators,
    *,
    registry: UnitRegistry | None = None,
    national_kind: str | None = "target",
) -> pd.DataFrame:
    """The national value :func:`compare` sets each indicator × year against, one row each.

    The first ``national`` row of ``national_kind`` for an indicator × year (relative rows
    skipped), in the indicator's unit: ``national_value`` (a range's midpoint),
    ``national_value_low``/``national_value_high`` (the interval it allows), its comparator,
    ``source_line`` (of that row), every source and ``national_conflict`` when the rows disagree.

    >>> nat = pd.DataFrame({"indicator_id": ["life_expectancy"], "year": [2030],
    ...     "kind": ["target"], "comparator": ["range"], "value": [75.0], "value_high": [76.0],
    ...     "unit": ["years"], "source_doc": ["NQ 72-NQ/TW"], "source_line": [4]})
    >>> ind = [{"id": "life_expectancy", "unit": "years", "direction": "higher_is_better"}]
    >>> row = national_benchmark(nat, ind).iloc[0]
    >>> float(row["national_value"]), float(row["national_value_high"]), int(row["source_line"])
    (75.5, 76.0, 4)
    """
    ind = indicator_frame(indicators).drop_duplicates("indicator_id").set_index("indicator_id")
    best = _benchmarks(national, ind, registry or default_registry(), national_kind)
    rows = [{"indicator_id": i, "year": y, "national_value": n["value_repr"],
             "national_value_low": n.get("value_low"), "national_value_high": n.get("value_high"),
             "national_comparator": n["comparator"], "unit": ind.loc[i, "unit"],
             "national_source": "; ".join(dict.fromkeys(x for x in n["_sources"] if x)),
             "national_conflict": len(n["_values"]) > 1, "source_line": n.get("source_line")}
            for (i, y), n in sorted(best.items())]
    return _typed(rows, BENCHMARK_COLUMNS)


def compare(
    values: pd.DataFrame,
    national: pd.DataFrame,
    indicators: Indicators,
    *,
    registry: UnitRegistry | None = None,
    national_kind: str | None = "target",
) -> pd.DataFrame:
    """Direction-aware comparison of provincial values with the national value for the same year.

    ``values``: harmonized rows (``province_id, indicator_id, year, value`` or ``value_repr``,
    optional ``unit`` and ``comparator``). ``national``: the ``national_targets`` table (rows of
    ``national_kind`` only; relative rows skipped); both are converted to the indicator's unit and
    ranges are represented by their midpoint. When several national rows give one indicator × year,
    the first is used and ``national_conflict`` says whether they disagree.

    Adds ``direction``, ``national_value``, ``national_comparator``, ``national_source``, ``gap`` =
    value − national (indicator unit), ``better_by`` (gap signed so that positive is better: gap
    for higher_is_better, −gap for lower_is_better, reduction of the distance to the band for
    band), ``ahead`` and ``assessment``. ``ahead`` is True when strictly better: higher_is_better
    value > national, lower_is_better value < national, and at an equal value when the provincial
    comparator commits to more (``>`` over ``>=``/``=``, resp. ``<``); band: strictly closer to the
    band. ``assessment``: ``ahead of national``, ``behind national``, ``level with national``,
    ``within band`` or ``closer to band``/``farther from band``, ``no national value``,
    ``no provincial value``.

    >>> vals = pd.DataFrame({"province_id": ["son_la"], "indicator_id": ["life_expectancy"],
    ...     "year": [2030], "value": [74.5], "unit": ["years"], "comparator": ["="]})
    >>> nat = pd.DataFrame({"indicator_id": ["life_expectancy"], "year": [2030],
    ...                     "kind": ["target"], "comparator": ["="], "value": [75.5],
    ...                     "value_high": [None],
    ...                     "unit": ["years"], "source_doc": ["NQ 72-NQ/TW"]})
    >>> ind = [{"id": "life_expectancy", "unit": "years", "direction": "higher_is_better"}]
    >>> out = compare(vals, nat, ind)
    >>> float(out.loc[0, "gap"]), bool(out.loc[0, "ahead"]), out.loc[0, "assessment"]
    (-1.0, False, 'behind national')
    """
    _require(values, [*_KEY, "year"], "compare values")
    _require(national, ["indicator_id", "year", "comparator", "value"], "compare national")
    ind = indicator_frame(indicators).drop_duplicates("indicator_id").set_index("indicator_id")
    unknown = sorted(set(values["indicator_id"].dropna()) - set(ind.index))
    if unknown:
        raise ValueError(f"indicator(s) not in the catalogue: {unknown}")
    used = ind.loc[sorted(set(values["indicator_id"].dropna()))]
    no_band = used.index[_eq(used["direction"], "band") & used["band_low"].isna().to_numpy()]
    if len(no_band):
        raise ValueError(f"indicators with direction band need band_low/band_high (indicators.yaml "
                         f"`band: [lo, hi]`) to be compared: {list(no_band)}")
    reg = registry or default_registry()
    vals = values.copy()
    value_col = "value_repr" if "value_repr" in vals.columns else "value"
    if "unit" in vals.columns:
        known = vals["indicator_id"].isin(ind.index).to_numpy() & vals["unit"].notna().to_numpy()
        conv = convert_frame(vals[known], vals.loc[known, "indicator_id"].map(ind["unit"]),
                             columns=[value_col], registry=reg,
                             context_columns=("province_id", "indicator_id", "year"))
        vals.loc[known, value_col] = conv[value_col]
    best = _benchmarks(national, ind, reg, national_kind)
    bands = {k: [lo, hi] for k, lo, hi in zip(ind.index, ind["band_low"], ind["band_high"],
                                              strict=True)}
    directions = dict(zip(ind.index, ind["direction"], strict=True))
    rows = []
    for r in _records(vals):
        direction = directions.get(r["indicator_id"])
        n = best.get((r["indicator_id"], int(r["year"])))
        v = r.get(value_col)
        res: dict[str, Any] = {"direction": direction, "national_value": None,
                               "national_comparator": None, "national_source": None,
                               "national_conflict": None, "gap": None, "better_by": None,
                               "ahead": None}
        if n is not None:
            res.update(national_value=n["value_repr"], national_comparator=n["comparator"],
                       national_source="; ".join(dict.fromkeys(s for s in n["_sources"] if s)),
                       national_conflict=len(n["_values"]) > 1)
        if n is None:
            res["assessment"] = Assessment.NO_NATIONAL.value
        elif v is None:
            res["assessment"] = Assessment.NO_PROVINCIAL.value
        else:
            res.update(_judge(float(v), r.get("comparator"), n, direction,
                              bands[r["indicator_id"]]))
        rows.append(res)
    added = _typed(rows, ["direction", "national_value", "national_comparator", "national_source",
                          "national_conflict", "gap", "better_by", "ahead", "assessment"])
    added.index = vals.index
    return pd.concat([vals, added], axis=1).reset_index(drop=True)


def _judge(
    v: float, comparator: Any, nat: Mapping[str, Any], direction: str, band: list[float]
) -> dict[str, Any]:
    nv = float(nat["value_repr"])
    gap = v - nv
    if direction == "descriptive":
        return {"gap": gap, "better_by": None, "ahead": None,
                "assessment": Assessment.NOT_ASSESSED.value}
    if direction == "band":
        lo, hi = band
        dv, dn = _band_distance(v, lo, hi), _band_distance(nv, lo, hi)
        better = dn - dv
        if dv == 0 and dn == 0:
            label = Assessment.WITHIN_BAND.value
        elif better > 0:
            label = Assessment.WITHIN_BAND.value if dv == 0 else Assessment.CLOSER_TO_BAND.value
        elif better < 0:
            label = Assessment.FARTHER_FROM_BAND.value
        else:
            label = Assessment.AS_CLOSE_TO_BAND.value
        return {"gap": gap, "better_by": better, "ahead": better > 0, "assessment": label}
    better = gap if direction == "higher_is_better" else -gap
    if math.isclose(better, 0.0, abs_tol=1e-12):
        rank = _STRICTNESS[direction]
        mine = rank.get(comparator, 1) if comparator is not None else 1
        theirs = rank.get(nat.get("comparator"), 1)
        ahead = mine > theirs
        label = Assessment.AHEAD.value if ahead else Assessment.LEVEL.value
        return {"gap": 0.0, "better_by": 0.0, "ahead": ahead, "assessment": label}
    return {"gap": gap, "better_by": better, "ahead": better > 0,
            "assessment": Assessment.AHEAD.value if better > 0 else Assessment.BEHIND.value}


def required_pace(
    obs: pd.DataFrame,
    *,
    provinces: pd.DataFrame | None = None,
    documents: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The yearly change each province × indicator's plan requires, baseline to target.

    Baseline: the earliest baseline/actual (a baseline before an actual in the same year); target:
    the latest target. ``pace_per_year`` = (target − baseline) / (target_year − baseline_year), in
    the indicator's unit (run :func:`to_indicator_units` and :func:`resolve_relative` first); NA
    when the target is not later than the baseline or either is missing. With ``provinces``,
    ``reform_note`` says when the span crosses the 2025 reform. Unresolved relative rows are
    ignored.

    >>> obs = pd.DataFrame({"obs_id": [1, 2], "province_id": ["lai_chau"] * 2,
    ...     "indicator_id": ["hypertension_managed"] * 2, "kind": ["baseline", "target"],
    ...     "year": [2020, 2025], "comparator": ["=", "="], "value": [35.0, 50.0],
    ...     "value_high": [None, None], "unit": ["percent", "percent"]})
    >>> float(required_pace(obs).loc[0, "pace_per_year"])
    3.0
    """
    points = _points(obs, documents)
    lineage = _lineage_of(provinces) if provinces is not None else None
    return _typed(required_pace_rows(_records(points), lineage), PACE_COLUMNS)


# --------------------------------------------------------------------------------------------
# provinces and the 2025 reform
# --------------------------------------------------------------------------------------------
def province_lineage(provinces: pd.DataFrame) -> pd.DataFrame:
    """Each province's change in the 2025 reform, from the ``provinces`` table
    (:func:`vnhealth.harmonize.reform.lineage` as a frame).

    Adds ``change`` (``merged``, ``renamed``, ``new`` or ``unchanged``), ``effective_on`` (the
    ``effective_on`` column as a date), ``same_territory`` (True for a rename or no change),
    ``predecessor_ids`` and ``merged_with`` (comma-joined ids).

    >>> prov = pd.DataFrame({"province_id": ["lao_cai", "yen_bai", "lao_cai_2025"],
    ...     "name_vi": ["Lào Cai", "Yên Bái", "Lào Cai (từ 01/7/2025)"],
    ...     "status_2025": ["merged", "merged", "new"],
    ...     "successor_id": ["lao_cai_2025", "lao_cai_2025", None],
    ...     "effective_on": ["2025-07-01"] * 3})
    >>> province_lineage(prov).set_index("province_id").loc["lao_cai_2025", "predecessor_ids"]
    'lao_cai,yen_bai'
    """
    _require(provinces, ["province_id", "status_2025", "successor_id", "effective_on"],
             "province_lineage")
    added = ["change", "same_territory", "predecessor_ids", "merged_with"]
    return _typed(reform.lineage(_records(provinces)), [*provinces.columns, *added])


_LINEAGE_CACHE: dict[tuple[Any, ...], list[dict[str, Any]]] = {}


def _lineage_of(provinces: pd.DataFrame) -> list[dict[str, Any]]:
    """reform.lineage(), computed once per distinct provinces table (notes ask it often)."""
    key = tuple(map(tuple, provinces.astype(object).itertuples(index=False)))
    if key not in _LINEAGE_CACHE:
        _require(provinces, ["province_id", "status_2025", "successor_id", "effective_on"],
                 "reform_note")
        _LINEAGE_CACHE[key] = reform.lineage(_records(provinces))
    return _LINEAGE_CACHE[key]


def reform_note(
    province_id: str, year_a: int, year_b: int, provinces: pd.DataFrame
) -> str | None:
    """A note for comparing a province's figures of two years across the 2025 reform, else None
    (:func:`vnhealth.harmonize.reform.note` on the ``provinces`` table, in English).

    A year before the change describes the old province, a year after it the new one, and the
    year of a mid-year change (Lào Cai, 2025) straddles both; a comparison is noted when the two
    years do not lie on one side. A rename keeps the territory and says so.

    >>> from vnhealth.inputs.paths import ProjectPaths
    >>> prov = pd.read_csv(ProjectPaths.at().catalog / "provinces.csv")
    >>> print(reform_note("lao_cai", 2024, 2030, prov))
    Lào Cai merged with Yên Bái on 1 July 2025: figures before this date describe the old province
    >>> print(reform_note("thua_thien_hue", 2023, 2030, prov))  # doctest: +ELLIPSIS
    Thừa Thiên Huế was renamed Thành phố Huế on 1 January 2025: renamed, same territory; ...
    >>> reform_note("lai_chau", 2020, 2030, prov) is None
    True
    """
    return reform.note(province_id, int(year_a), int(year_b), _lineage_of(provinces))
