"""The unit registry: declared conversions only, round trips, clear refusals."""

from __future__ import annotations

import doctest
import itertools
import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnhealth.inputs import units
from vnhealth.inputs.catalog import Unit
from vnhealth.inputs.units import (
    IncompatibleUnitsError,
    UnitRegistry,
    UnknownUnitError,
    convert,
    convert_frame,
    default_registry,
)

REG = default_registry()
SAME_DIMENSION = [
    (a, b) for a, b in itertools.product(REG, REG) if REG.dimension(a) == REG.dimension(b)
]
CROSS_DIMENSION = [
    (a, b) for a, b in itertools.product(REG, REG) if REG.dimension(a) != REG.dimension(b)
]
values = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)


def test_docstring_examples() -> None:
    assert doctest.testmod(units).failed == 0


def test_registry_holds_the_catalogue_units() -> None:
    assert {"percent", "per_1000", "per_10000", "per_100000", "years", "cm", "per_station",
            "boys_per_100_girls"} <= set(REG)
    assert REG.units_in("per_population") == ["older_per_100_children", "per_1000", "per_10000",
                                              "per_100000", "percent"]
    # Both kinds of pair exist, so the properties below test something.
    assert SAME_DIMENSION and CROSS_DIMENSION


@given(pair=st.sampled_from(SAME_DIMENSION), value=values)
def test_round_trip_within_a_dimension_is_identity(pair: tuple[str, str], value: float) -> None:
    a, b = pair
    back = convert(convert(value, a, b), b, a)
    assert math.isclose(back, value, rel_tol=1e-12, abs_tol=1e-12)


@given(pair=st.sampled_from(SAME_DIMENSION))
def test_factors_are_reciprocal(pair: tuple[str, str]) -> None:
    a, b = pair
    assert math.isclose(REG.factor(a, b) * REG.factor(b, a), 1.0, rel_tol=1e-12)


@given(pair=st.sampled_from(CROSS_DIMENSION), value=values)
def test_conversion_across_dimensions_always_raises(pair: tuple[str, str], value: float) -> None:
    a, b = pair
    with pytest.raises(IncompatibleUnitsError) as err:
        convert(value, a, b)
    assert err.value.from_unit == a and err.value.to_unit == b
    assert REG.dimension(a) in str(err.value) and REG.dimension(b) in str(err.value)


def test_per_10000_and_per_1000() -> None:
    # QĐ 201/QĐ-TTg: 15 doctors per 10,000 people is 1.5 per 1,000.
    assert convert(15, "per_10000", "per_1000") == pytest.approx(1.5)
    assert convert(1.5, "per_1000", "per_10000") == pytest.approx(15)
    assert convert(33, "per_10000", "per_100000") == pytest.approx(330)


def test_per_mille_and_percent() -> None:
    # Natural population growth "0,9%" is 9‰; an infant mortality of 12,5‰ is 1.25%.
    assert convert(0.9, "percent", "per_1000") == pytest.approx(9)
    assert convert(12.5, "per_1000", "percent") == pytest.approx(1.25)


def test_years_to_percent_is_refused_with_a_useful_message() -> None:
    with pytest.raises(IncompatibleUnitsError) as err:
        convert(74.5, "years", "percent")
    message = str(err.value)
    for word in ("'years'", "'percent'", "duration", "per_population"):
        assert word in message
    assert err.value.valid_for_from == ["years"]
    assert isinstance(err.value, ValueError)


def test_unknown_unit_lists_the_known_ones() -> None:
    with pytest.raises(UnknownUnitError) as err:
        convert(1, "per_mille", "percent")
    assert "per_mille" in str(err.value)
    assert "per_1000" in str(err.value) and "percent" in str(err.value)
    assert isinstance(err.value, ValueError)


def test_registry_refuses_a_meaningless_denominator() -> None:
    with pytest.raises(ValueError, match="positive"):
        UnitRegistry({"bad": Unit("bad", "x", 0.0, (), "", "")})


def test_convert_frame_per_row_targets() -> None:
    df = pd.DataFrame({
        "obs_id": [1, 2, 3],
        "value": [15.0, 0.5, 74.5],
        "value_high": [20.0, None, None],
        "unit": ["per_10000", "percent", "years"],
    })
    out = convert_frame(df, pd.Series(["per_1000", "per_1000", "years"]))
    assert out["value"].tolist() == pytest.approx([1.5, 5.0, 74.5])
    assert out["value_high"].iloc[0] == pytest.approx(2.0)
    assert pd.isna(out["value_high"].iloc[1])
    assert out["unit"].tolist() == ["per_1000", "per_1000", "years"]
    assert out["unit_as_stated"].tolist() == ["per_10000", "percent", "years"]
    assert out["unit_factor"].tolist() == pytest.approx([0.1, 10.0, 1.0])
    # The input is left alone.
    assert df["unit"].tolist() == ["per_10000", "percent", "years"]


def test_convert_frame_names_the_offending_row() -> None:
    df = pd.DataFrame({"obs_id": [7, 8], "value": [1.0, 70.0], "unit": ["percent", "years"]})
    with pytest.raises(IncompatibleUnitsError, match="obs_id=8"):
        convert_frame(df, "percent")


def test_phrase_index_maps_vietnamese_phrases() -> None:
    index = REG.phrase_index()
    assert index["‰"] == "per_1000"
    assert index["trên 10.000 dân"] == "per_10000"
