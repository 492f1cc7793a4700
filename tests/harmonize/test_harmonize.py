"""Harmonization: units, bounds, relative targets, years, duplicates, direction, the 2025 reform.

The example tests use values stated in the source documents (Lai Châu, Sơn La, Lào Cai plans)
and the national references, written out by hand as small frames.
"""

from __future__ import annotations

import doctest
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnhealth.harmonize import frames as hz
from vnhealth.harmonize.frames import (
    align,
    compare,
    deduplicate,
    harmonize,
    indicator_frame,
    province_lineage,
    reform_note,
    represent_bounds,
    required_pace,
    resolve_relative,
    to_indicator_units,
)
from vnhealth.inputs.paths import ProjectPaths
from vnhealth.inputs.units import IncompatibleUnitsError

INDICATORS = [
    {"id": "hypertension_managed", "unit": "percent", "direction": "higher_is_better"},
    {"id": "life_expectancy", "unit": "years", "direction": "higher_is_better"},
    {"id": "infant_mortality", "unit": "per_1000", "direction": "lower_is_better"},
    {"id": "crude_birth_rate", "unit": "per_1000", "direction": "lower_is_better"},
    {"id": "stunting_under5", "unit": "percent", "direction": "lower_is_better"},
    {"id": "doctors_per_10k", "unit": "per_10000", "direction": "higher_is_better"},
    {"id": "sex_ratio_at_birth", "unit": "boys_per_100_girls", "direction": "band",
     "band": [104, 107]},
]

_DEFAULTS: dict[str, Any] = {
    "doc_id": "doc", "kind": "target", "comparator": "=", "value_high": None,
    "relative_to": None, "line": 1, "quote": "", "source": "rule",
}


def make_obs(*rows: dict[str, Any]) -> pd.DataFrame:
    """Observations in the warehouse shape, with obs_ids numbered from 1."""
    full = [{"obs_id": n, **_DEFAULTS, **r} for n, r in enumerate(rows, start=1)]
    df = pd.DataFrame(full)
    df["value"] = df["value"].astype("float64")
    df["value_high"] = pd.to_numeric(df["value_high"]).astype("float64")
    df["year"] = df["year"].astype("int64")
    return df


def lai_chau_hypertension() -> pd.DataFrame:
    # Lai Châu 2021 plan: "từ 35% năm 2020 lên 50%" (by 2025).
    return make_obs(
        {"province_id": "lai_chau", "indicator_id": "hypertension_managed", "kind": "baseline",
         "year": 2020, "value": 35.0, "unit": "percent"},
        {"province_id": "lai_chau", "indicator_id": "hypertension_managed", "kind": "target",
         "year": 2025, "value": 50.0, "unit": "percent"},
    )


def provinces() -> pd.DataFrame:
    return pd.read_csv(ProjectPaths.at().catalog / "provinces.csv")


def one(df: pd.DataFrame) -> pd.Series:
    assert len(df) == 1, df
    return df.iloc[0]


def test_docstring_examples() -> None:
    result = doctest.testmod(hz, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


# --- years: the documents' own values --------------------------------------------------------
def test_lai_chau_hypertension_2023_is_interpolated() -> None:
    row = one(align(lai_chau_hypertension(), 2023))
    assert row["value"] == pytest.approx(44.0)
    assert row["method"] == "interpolated"
    assert (row["anchor_year_before"], row["anchor_year_after"]) == (2020, 2025)
    assert row["kind"] == "target"
    assert row["obs_ids"] == "1,2" and row["n_observations"] == 2


def test_lai_chau_life_expectancy_trajectory_is_stated() -> None:
    # Lai Châu 2026–2030 appendix: yearly column 2027 = 69,1 tuổi.
    obs = make_obs({"province_id": "lai_chau", "indicator_id": "life_expectancy",
                    "kind": "trajectory", "year": 2027, "value": 69.1, "unit": "years"})
    row = one(align(obs, 2027))
    assert row["value"] == pytest.approx(69.1)
    assert row["method"] == "stated"
    assert row["kind"] == "trajectory"


def test_lao_cai_2024_target_is_missing_in_2030_unless_carried() -> None:
    obs = make_obs({"province_id": "lao_cai", "indicator_id": "life_expectancy", "year": 2024,
                    "value": 73.5, "unit": "years"})
    row = one(align(obs, 2030))
    assert row["method"] == "missing"
    assert pd.isna(row["value"])
    carried = one(align(obs, 2030, carry_forward=True))
    assert carried["method"] == "carried_forward"
    assert carried["value"] == pytest.approx(73.5)
    assert carried["anchor_year_before"] == 2024
    # Before the only point there is nothing to carry, even when asked.
    assert one(align(obs, 2020, carry_forward=True))["method"] == "missing"


def test_stated_year_with_two_kinds_gives_two_rows() -> None:
    obs = make_obs(
        {"province_id": "lai_chau", "indicator_id": "life_expectancy", "kind": "target",
         "year": 2025, "value": 67.0, "unit": "years", "doc_id": "old"},
        {"province_id": "lai_chau", "indicator_id": "life_expectancy", "kind": "baseline",
         "year": 2025, "value": 66.5, "unit": "years", "doc_id": "new"},
        {"province_id": "lai_chau", "indicator_id": "life_expectancy", "kind": "target",
         "year": 2030, "value": 70.0, "unit": "years", "doc_id": "new"},
    )
    stated = align(obs, 2025)
    assert sorted(stated["kind"]) == ["baseline", "target"]
    assert set(stated["method"]) == {"stated"}
    # The path to 2030 starts from what was achieved in 2025, not from the old target.
    row = one(align(obs, 2027))
    assert row["value"] == pytest.approx(66.5 + (70.0 - 66.5) * 2 / 5)


def test_bounds_are_interpolated_when_both_anchors_have_them() -> None:
    obs = make_obs(
        {"province_id": "p", "indicator_id": "stunting_under5", "kind": "actual", "year": 2020,
         "value": 30.0, "unit": "percent"},
        {"province_id": "p", "indicator_id": "stunting_under5", "year": 2030, "comparator": "<",
         "value": 20.0, "unit": "percent"},
    )
    row = one(align(obs, 2025))
    assert row["value"] == pytest.approx(25.0)
    assert row["value_high"] == pytest.approx(25.0)
    assert pd.isna(row["value_low"])
    assert row["bound_kind"] == "upper" and row["is_interval"]


@settings(max_examples=60, deadline=None)
@given(
    y0=st.integers(2000, 2040),
    span=st.integers(2, 15),
    v0=st.floats(-1e6, 1e6, allow_nan=False),
    v1=st.floats(-1e6, 1e6, allow_nan=False),
)
def test_interpolation_is_monotone_and_exact_at_anchors(
    y0: int, span: int, v0: float, v1: float
) -> None:
    y1 = y0 + span
    obs = make_obs(
        {"province_id": "p", "indicator_id": "life_expectancy", "kind": "baseline", "year": y0,
         "value": v0, "unit": "years"},
        {"province_id": "p", "indicator_id": "life_expectancy", "kind": "target", "year": y1,
         "value": v1, "unit": "years"},
    )
    table = harmonize(obs, INDICATORS, None, range(y0, y1 + 1))
    series = table["value"].tolist()
    assert series[0] == v0 and series[-1] == v1
    assert table["method"].tolist() == ["stated"] + ["interpolated"] * (span - 1) + ["stated"]
    lo, hi = min(v0, v1), max(v0, v1)
    assert all(lo <= v <= hi for v in series)
    steps = [b - a for a, b in zip(series, series[1:], strict=False)]
    assert all(s >= 0 for s in steps) if v1 >= v0 else all(s <= 0 for s in steps)


@settings(max_examples=40, deadline=None)
@given(points=st.dictionaries(st.integers(2015, 2035), st.floats(0, 100, allow_nan=False),
                              min_size=1, max_size=6))
def test_stated_points_are_exact_and_others_lie_between_neighbours(
    points: dict[int, float],
) -> None:
    obs = make_obs(*[
        {"province_id": "p", "indicator_id": "hypertension_managed", "kind": "trajectory",
         "year": y, "value": v, "unit": "percent"} for y, v in points.items()
    ])
    table = harmonize(obs, INDICATORS, None, range(2013, 2038)).set_index("year")
    years = sorted(points)
    for year, row in table.iterrows():
        if year in points:
            assert row["method"] == "stated" and row["value"] == points[year]
        elif years[0] < year < years[-1]:
            before = max(y for y in years if y < year)
            after = min(y for y in years if y > year)
            assert row["method"] == "interpolated"
            assert (row["anchor_year_before"], row["anchor_year_after"]) == (before, after)
            lo, hi = sorted((points[before], points[after]))
            assert lo <= row["value"] <= hi
        else:
            assert row["method"] == "missing" and pd.isna(row["value"])


# --- units ------------------------------------------------------------------------------------
def test_values_are_converted_to_the_indicator_unit() -> None:
    obs = make_obs(
        {"province_id": "p", "indicator_id": "infant_mortality", "year": 2025, "value": 1.2,
         "unit": "percent"},
        {"province_id": "p", "indicator_id": "doctors_per_10k", "year": 2025, "value": 1.5,
         "unit": "per_1000"},
        {"province_id": "p", "indicator_id": "life_expectancy", "year": 2025, "value": 74.0,
         "unit": None},
    )
    out = to_indicator_units(obs, INDICATORS)
    assert out["value"].tolist() == pytest.approx([12.0, 15.0, 74.0])
    assert out["unit"].tolist() == ["per_1000", "per_10000", "years"]
    assert out["unit_as_stated"].iloc[0] == "percent"
    assert out["unit_factor"].tolist() == pytest.approx([10.0, 10.0, 1.0])
    assert out["unit_assumed"].tolist() == [False, False, True]


def test_incompatible_unit_names_obs_and_indicator() -> None:
    obs = make_obs({"province_id": "son_la", "indicator_id": "life_expectancy", "year": 2030,
                    "value": 74.5, "unit": "percent"})
    with pytest.raises(IncompatibleUnitsError) as err:
        to_indicator_units(obs, INDICATORS)
    assert "obs_id=1" in str(err.value) and "life_expectancy" in str(err.value)


def test_unknown_indicator_is_refused() -> None:
    obs = make_obs({"province_id": "p", "indicator_id": "nope", "year": 2030, "value": 1.0,
                    "unit": "percent"})
    with pytest.raises(ValueError, match="nope"):
        to_indicator_units(obs, INDICATORS)


def test_same_value_in_two_scales_is_one_value() -> None:
    obs = make_obs(
        {"province_id": "p", "indicator_id": "infant_mortality", "year": 2025, "value": 1.25,
         "unit": "percent", "doc_id": "a"},
        {"province_id": "p", "indicator_id": "infant_mortality", "year": 2025, "value": 12.5,
         "unit": "per_1000", "doc_id": "b"},
    )
    row = one(harmonize(obs, INDICATORS, None, [2025]))
    assert row["value"] == pytest.approx(12.5) and row["unit"] == "per_1000"
    assert row["n_observations"] == 2 and not row["conflict"]


# --- bounds -----------------------------------------------------------------------------------
def test_represent_bounds() -> None:
    obs = make_obs(*[
        {"province_id": "p", "indicator_id": "x", "year": 2030, "comparator": c, "value": v,
         "value_high": h, "unit": "percent"}
        for c, v, h in [("=", 1, None), (">", 2, None), (">=", 3, None), ("<", 4, None),
                        ("<=", 5, None), ("range", 4, 5), ("relative", -20, None)]
    ])
    out = represent_bounds(obs)
    assert out["value_repr"].tolist()[:6] == [1, 2, 3, 4, 5, 4.5]
    assert pd.isna(out["value_repr"].iloc[6])
    assert out["bound_kind"].tolist() == ["point", "lower", "lower", "upper", "upper", "range",
                                          "relative"]
    assert out["is_interval"].tolist() == [False, True, True, True, True, True, False]
    assert out["bound_inclusive"].tolist() == [True, False, True, False, True, True, False]
    assert out["value_low"].tolist()[:3] == [1, 2, 3] and out["value_low"].isna().tolist()[3:5]
    assert out["value_high"].tolist()[3:6] == [4, 5, 5]
    assert out["value_high"].isna().tolist()[1:3] == [True, True]
    # Idempotent.
    pd.testing.assert_frame_equal(represent_bounds(out), out)


def test_broken_range_is_refused() -> None:
    obs = make_obs({"province_id": "p", "indicator_id": "x", "year": 2030, "comparator": "range",
                    "value": 5, "value_high": 4, "unit": "percent"})
    with pytest.raises(ValueError, match=r"obs \[1\]"):
        represent_bounds(obs)


# --- relative targets -------------------------------------------------------------------------
def test_percent_change_against_a_stated_year_is_proportional() -> None:
    # "giảm 20% so với năm 2015" of an infant mortality of 15‰ → 12‰.
    obs = make_obs(
        {"province_id": "p", "indicator_id": "infant_mortality", "kind": "baseline", "year": 2015,
         "value": 15.0, "unit": "per_1000"},
        {"province_id": "p", "indicator_id": "infant_mortality", "year": 2025,
         "comparator": "relative", "value": -20.0, "unit": "percent", "relative_to": "2015"},
    )
    out = resolve_relative(to_indicator_units(obs, INDICATORS))
    row = out.iloc[1]
    assert row["value"] == pytest.approx(12.0) and row["comparator"] == "="
    assert row["derived_from_relative"] and not row["relative_unresolved"]
    assert row["relative_base_obs_id"] == 1 and row["relative_base_year"] == 2015
    assert row["comparator_as_stated"] == "relative"


def test_per_year_change_in_the_indicator_unit() -> None:
    # "giảm tỷ suất sinh 0,3‰/năm" from 20‰ in 2020 → 18.5‰ in 2025.
    obs = make_obs(
        {"province_id": "p", "indicator_id": "crude_birth_rate", "kind": "baseline", "year": 2020,
         "value": 20.0, "unit": "per_1000"},
        {"province_id": "p", "indicator_id": "crude_birth_rate", "year": 2025,
         "comparator": "relative", "value": -0.3, "unit": "per_1000", "relative_to": "per_year"},
    )
    row = resolve_relative(to_indicator_units(obs, INDICATORS)).iloc[1]
    assert row["value"] == pytest.approx(18.5)
    assert row["relative_rule"] == "20 + -0.3 × 5 (baseline 2020)"


def test_per_year_percent_of_a_percentage_is_points() -> None:
    obs = make_obs(
        {"province_id": "p", "indicator_id": "stunting_under5", "kind": "actual", "year": 2020,
         "value": 30.0, "unit": "percent"},
        {"province_id": "p", "indicator_id": "stunting_under5", "year": 2025,
         "comparator": "relative", "value": -1.0, "unit": "percent", "relative_to": "per_year"},
    )
    converted = to_indicator_units(obs, INDICATORS)
    assert converted["change_type"].iloc[1] == "absolute"
    assert resolve_relative(converted)["value"].iloc[1] == pytest.approx(25.0)


def test_a_reported_change_beside_its_stated_level_is_not_derived() -> None:
    # a table's actual change column ("(-0,2)") beside 2023's stated level: the change stays
    # as stated instead of deriving a second 2023 value from 2022's
    obs = make_obs(
        {"province_id": "p", "indicator_id": "sex_ratio_at_birth", "kind": "actual",
         "year": 2022, "value": 111.4, "unit": "boys_per_100_girls"},
        {"province_id": "p", "indicator_id": "sex_ratio_at_birth", "kind": "actual",
         "year": 2023, "value": 111.2, "unit": "boys_per_100_girls"},
        {"province_id": "p", "indicator_id": "sex_ratio_at_birth", "kind": "actual",
         "year": 2023, "comparator": "relative", "value": -0.2, "unit": "boys_per_100_girls",
         "relative_to": "2022"},
    )
    out = resolve_relative(to_indicator_units(obs, INDICATORS))
    assert out["relative_unresolved"].tolist() == [False, False, True]
    assert out["relative_note"].iloc[2].startswith("the level of 2023 is stated")
    # without the stated level, the change gives 2023's from 2022's
    derived = resolve_relative(to_indicator_units(obs.drop(index=1), INDICATORS))
    assert derived["value"].iloc[1] == pytest.approx(111.2)


def test_relative_without_baseline_stays_relative_and_flagged() -> None:
    obs = make_obs(
        {"province_id": "p", "indicator_id": "infant_mortality", "year": 2025,
         "comparator": "relative", "value": -20.0, "unit": "percent", "relative_to": "2015"},
        {"province_id": "p", "indicator_id": "hypertension_managed", "year": 2030,
         "comparator": "relative", "value": 10.0, "unit": "percent",
         "relative_to": "unspecified"},
    )
    out = resolve_relative(to_indicator_units(obs, INDICATORS))
    assert out["relative_unresolved"].tolist() == [True, True]
    assert out["comparator"].tolist() == ["relative", "relative"]
    assert "2015" in out["relative_note"].iloc[0]
    assert "unspecified" in out["relative_note"].iloc[1]
    # harmonize keeps the pair visible as missing instead of inventing a value.
    table = harmonize(obs, INDICATORS, None, [2025])
    assert set(table["method"]) == {"missing"} and len(table) == 2


# --- duplicates -------------------------------------------------------------------------------
DOCUMENTS = pd.DataFrame({"doc_id": ["002_41a95402a74962b8", "001_21a2e7e344cc88a1"],
                          "issued_on": ["2021-04-15", "2026-03-23"]})


def test_repeated_statement_is_one_value_with_its_provenance() -> None:
    obs = make_obs(
        {"province_id": "lai_chau", "indicator_id": "life_expectancy", "year": 2030,
         "value": 70.0, "unit": "years", "line": 40},
        {"province_id": "lai_chau", "indicator_id": "life_expectancy", "year": 2030,
         "comparator": ">=", "value": 70.0, "unit": "years", "line": 310},
    )
    row = one(deduplicate(obs))
    assert row["n_observations"] == 2 and row["obs_ids"] == "1,2" and not row["conflict"]
    assert pd.isna(row["conflict_values"])


def test_disagreement_keeps_the_most_recent_document_and_lists_all() -> None:
    obs = make_obs(
        {"province_id": "lai_chau", "indicator_id": "life_expectancy", "year": 2025,
         "value": 67.0, "unit": "years", "doc_id": "002_41a95402a74962b8", "line": 12},
        {"province_id": "lai_chau", "indicator_id": "life_expectancy", "year": 2025,
         "value": 66.0, "unit": "years", "doc_id": "001_21a2e7e344cc88a1", "line": 80},
    )
    row = one(deduplicate(obs, documents=DOCUMENTS))
    assert row["value"] == 66.0 and row["doc_id"] == "001_21a2e7e344cc88a1"
    assert row["conflict"]
    assert "67" in row["conflict_values"] and "66" in row["conflict_values"]
    assert row["obs_ids"] == "2,1"
    table = one(harmonize(obs, INDICATORS, None, [2025], documents=DOCUMENTS))
    assert table["value"] == 66.0 and table["conflict"]


def test_opposite_bounds_conflict_and_relative_rows_stay_apart() -> None:
    obs = make_obs(
        {"province_id": "p", "indicator_id": "stunting_under5", "year": 2030, "comparator": ">",
         "value": 20.0, "unit": "percent"},
        {"province_id": "p", "indicator_id": "stunting_under5", "year": 2030, "comparator": "<",
         "value": 20.0, "unit": "percent", "line": 2},
        {"province_id": "p", "indicator_id": "stunting_under5", "year": 2030,
         "comparator": "relative", "value": -10.0, "unit": "percent", "relative_to": "2020"},
    )
    out = deduplicate(obs)
    assert len(out) == 2
    absolute = one(out[out["comparator"] != "relative"])
    assert absolute["conflict"] and absolute["n_observations"] == 2


def test_mixed_units_in_one_group_are_refused() -> None:
    obs = make_obs(
        {"province_id": "p", "indicator_id": "infant_mortality", "year": 2025, "value": 1.25,
         "unit": "percent"},
        {"province_id": "p", "indicator_id": "infant_mortality", "year": 2025, "value": 12.5,
         "unit": "per_1000"},
    )
    with pytest.raises(ValueError, match="to_indicator_units"):
        deduplicate(obs)


# --- the harmonized table ---------------------------------------------------------------------
def test_harmonized_table_contract() -> None:
    obs = pd.concat([
        lai_chau_hypertension(),
        make_obs({"province_id": "son_la", "indicator_id": "life_expectancy", "year": 2030,
                  "value": 74.5, "unit": "years", "doc_id": "004_fa85d1c516586d5e"}),
    ], ignore_index=True)
    obs["obs_id"] = range(1, len(obs) + 1)
    table = harmonize(obs, INDICATORS, None, range(2020, 2031))
    required = {"province_id", "indicator_id", "year", "kind", "value", "value_low", "value_high",
                "unit", "method", "n_observations", "obs_ids"}
    assert required <= set(table.columns)
    keys = ["province_id", "indicator_id", "year", "kind"]
    assert not table.duplicated(keys).any()
    assert len(table) == 2 * 11
    assert set(table["method"]) <= set(hz.METHODS)
    lai = table[table["province_id"] == "lai_chau"].set_index("year")
    assert lai.loc[2023, "value"] == pytest.approx(44.0)
    assert lai.loc[2026, "method"] == "missing"
    son = table[table["province_id"] == "son_la"].set_index("year")
    assert son.loc[2030, "method"] == "stated" and son.loc[2030, "obs_ids"] == "3"
    assert (son.loc[2020:2029, "method"] == "missing").all()
    assert (table["unit"].notna()).all()


# --- direction and national comparison --------------------------------------------------------
def national(*rows: dict[str, Any]) -> pd.DataFrame:
    base = {"kind": "target", "comparator": "=", "value_high": None, "source_doc": "ref"}
    return pd.DataFrame([{**base, **r} for r in rows])


def test_son_la_life_expectancy_is_behind_national() -> None:
    values = pd.DataFrame({"province_id": ["son_la"], "indicator_id": ["life_expectancy"],
                           "year": [2030], "kind": ["target"], "value": [74.5],
                           "unit": ["years"], "comparator": ["="]})
    nat = national({"indicator_id": "life_expectancy", "year": 2030, "value": 75.5,
                    "unit": "years", "source_doc": "NQ 72-NQ/TW"})
    row = one(compare(values, nat, INDICATORS))
    assert row["gap"] == pytest.approx(-1.0)
    assert bool(row["ahead"]) is False  # bool(pd.NA) would raise: the answer is a real False
    assert row["assessment"] == "behind national"
    assert row["national_source"] == "NQ 72-NQ/TW"


def test_lower_is_better_band_and_ties() -> None:
    values = pd.DataFrame({
        "province_id": ["a", "b", "c", "d", "e"],
        "indicator_id": ["infant_mortality", "infant_mortality", "sex_ratio_at_birth",
                         "hypertension_managed", "hypertension_managed"],
        "year": [2030, 2030, 2030, 2030, 2031],
        "value": [9.0, 10.0, 108.0, 95.0, 95.0],
        "unit": ["per_1000", "per_1000", "boys_per_100_girls", "percent", "percent"],
        "comparator": ["<", "<", "<", ">", ">"],
    })
    nat = national(
        {"indicator_id": "infant_mortality", "year": 2030, "comparator": "<", "value": 1.0,
         "unit": "percent"},
        {"indicator_id": "sex_ratio_at_birth", "year": 2030, "comparator": "<", "value": 109.0,
         "unit": "boys_per_100_girls"},
        {"indicator_id": "hypertension_managed", "year": 2030, "comparator": ">=",
         "value": 95.0, "unit": "percent"},
    )
    out = compare(values, nat, INDICATORS).set_index("province_id")
    # National "< 1%" is 10‰: 9‰ is ahead, 10‰ with the same comparator is level.
    assert out.loc["a", "gap"] == pytest.approx(-1.0) and out.loc["a", "ahead"]
    assert out.loc["a", "better_by"] == pytest.approx(1.0)
    assert out.loc["b", "assessment"] == "level with national" and not out.loc["b", "ahead"]
    # Band 104–107: 108 is 1 away, national 109 is 2 away.
    assert out.loc["c", "assessment"] == "closer to band" and out.loc["c", "ahead"]
    # "> 95%" commits to more than ">= 95%".
    assert out.loc["d", "ahead"] and out.loc["d", "gap"] == 0
    assert out.loc["e", "assessment"] == "no national value" and pd.isna(out.loc["e", "ahead"])



def test_a_descriptive_indicator_is_compared_but_never_assessed() -> None:
    # the ageing index has no better side: the gap is told, "ahead" is never claimed
    values = pd.DataFrame({"province_id": ["ben_tre"], "indicator_id": ["ageing_index"],
                           "year": [2024], "kind": ["actual"], "value": [100.1],
                           "unit": ["percent"], "comparator": ["="]})
    nat = national({"indicator_id": "ageing_index", "year": 2024, "value": 60.2,
                    "unit": "percent", "kind": "actual"})
    indicators = [*INDICATORS, {"id": "ageing_index", "unit": "percent",
                                "direction": "descriptive"}]
    row = one(compare(values, nat, indicators, national_kind="actual"))
    assert row["gap"] == pytest.approx(39.9)
    assert pd.isna(row["better_by"]) and pd.isna(row["ahead"])
    assert row["assessment"] == "not assessed"

# --- pace ---------------------------------------------------------------------------------------
def test_required_pace_and_reform_note() -> None:
    pace = one(required_pace(lai_chau_hypertension(), provinces=provinces()))
    assert pace["pace_per_year"] == pytest.approx(3.0)
    assert (pace["baseline_year"], pace["target_year"]) == (2020, 2025)
    assert pd.isna(pace["reform_note"])
    lao = make_obs(
        {"province_id": "lao_cai", "indicator_id": "life_expectancy", "kind": "actual",
         "year": 2023, "value": 72.5, "unit": "years"},
        {"province_id": "lao_cai", "indicator_id": "life_expectancy", "year": 2024,
         "value": 73.5, "unit": "years"},
        {"province_id": "lao_cai", "indicator_id": "life_expectancy", "year": 2030,
         "value": 75.0, "unit": "years"},
    )
    row = one(required_pace(lao, provinces=provinces()))
    assert row["target_year"] == 2030 and row["pace_per_year"] == pytest.approx(2.5 / 7)
    assert row["reform_note"].startswith("Lào Cai merged with Yên Bái on 1 July 2025")


# --- provinces and the reform -----------------------------------------------------------------
def test_reform_notes() -> None:
    prov = provinces()
    assert reform_note("lao_cai", 2024, 2030, prov) == (
        "Lào Cai merged with Yên Bái on 1 July 2025: figures before this date describe the old "
        "province"
    )
    assert reform_note("lao_cai", 2024, 2025, prov) is not None  # 2025 straddles 1 July
    assert reform_note("lao_cai", 2020, 2024, prov) is None
    assert "renamed, same territory" in reform_note("thua_thien_hue", 2023, 2025, prov)
    assert "renamed, same territory" in reform_note("hue", 2024, 2026, prov)
    assert reform_note("thua_thien_hue", 2025, 2030, prov) is None  # both after 1 January
    assert "Yên Bái" in reform_note("lao_cai_2025", 2024, 2030, prov)
    assert reform_note("son_la", 2020, 2045, prov) is None
    with pytest.raises(ValueError, match="lai_chau"):
        reform_note("atlantis", 2020, 2030, prov)


def test_province_lineage() -> None:
    lineage = province_lineage(provinces()).set_index("province_id")
    assert lineage.loc["lao_cai", "change"] == "merged"
    assert lineage.loc["lao_cai", "merged_with"] == "yen_bai"
    assert not lineage.loc["lao_cai", "same_territory"]
    assert lineage.loc["thua_thien_hue", "change"] == "renamed"
    assert lineage.loc["thua_thien_hue", "same_territory"]
    assert str(lineage.loc["thua_thien_hue", "effective_on"]) == "2025-01-01"
    assert lineage.loc["hue", "change"] == "new" and lineage.loc["hue", "same_territory"]
    assert lineage.loc["lao_cai_2025", "predecessor_ids"] == "lao_cai,yen_bai"
    assert str(lineage.loc["lao_cai_2025", "effective_on"]) == "2025-07-01"
    assert lineage.loc["son_la", "change"] == "unchanged"


def test_indicator_frame_reads_bands() -> None:
    ind = indicator_frame({"indicators": INDICATORS}).set_index("indicator_id")
    assert ind.loc["sex_ratio_at_birth", "band_low"] == 104
    assert pd.isna(ind.loc["life_expectancy", "band_low"])
    no_band = [{"id": "sex_ratio_at_birth", "unit": "boys_per_100_girls", "direction": "band"}]
    assert pd.isna(indicator_frame(no_band)["band_low"].iloc[0])
    values = pd.DataFrame({"province_id": ["p"], "indicator_id": ["sex_ratio_at_birth"],
                           "year": [2030], "value": [108.0]})
    with pytest.raises(ValueError, match="band"):
        compare(values, national({"indicator_id": "sex_ratio_at_birth", "year": 2030,
                                  "comparator": "<", "value": 109.0,
                                  "unit": "boys_per_100_girls"}), no_band)
