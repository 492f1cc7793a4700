"""The unit registry: every unit a value may carry, and the only conversions allowed between them.

Units come from ``data/catalog/units.yaml``. Each unit has a ``dimension`` (what kind of thing it
measures) and a ``per`` (the denominator a value is expressed against). A value converts from one
unit to another only inside one dimension, by the factor ``per_to / per_from``: 5 per 1,000 is
50 per 10,000 and 0.5 %. Anything else (years to percent, cm to doctors per station) is refused
with :class:`IncompatibleUnitsError`, so that different scales are never compared silently.

The registry reads units.yaml through :func:`vnhealth.inputs.catalog.load_units`, which validates it
(errors name the file and line); its units are :class:`vnhealth.inputs.catalog.Unit` objects.

>>> default_registry().convert(5, "per_1000", "percent")
0.5
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from vnhealth.inputs.catalog import Unit, load_units
from vnhealth.inputs.paths import ProjectPaths

if TYPE_CHECKING:  # pandas is loaded by convert_frame only: report kernels use factors alone
    import pandas as pd

__all__ = [
    "IncompatibleUnitsError",
    "Unit",
    "UnitRegistry",
    "UnknownUnitError",
    "convert",
    "convert_frame",
    "default_registry",
    "default_units_path",
]


class UnknownUnitError(ValueError):
    """A unit key that the registry does not declare.

    >>> try:
    ...     default_registry().get("furlongs")
    ... except UnknownUnitError as err:
    ...     print(err.unit)
    furlongs
    """

    def __init__(self, unit: object, known: Iterable[str], context: str = "") -> None:
        self.unit = unit
        self.known = sorted(known)
        prefix = f"{context}: " if context else ""
        super().__init__(
            f"{prefix}unknown unit {unit!r}; units.yaml declares: {', '.join(self.known)}"
        )


class IncompatibleUnitsError(ValueError):
    """A conversion between units of different dimensions, which the registry refuses.

    The message names both units, their dimensions, and the units each one could convert to.

    >>> try:
    ...     convert(70, "years", "percent")
    ... except IncompatibleUnitsError as err:
    ...     print(err.from_dimension, err.to_dimension)
    duration per_population
    """

    def __init__(
        self,
        from_unit: str,
        to_unit: str,
        from_dimension: str,
        to_dimension: str,
        valid_for_from: Sequence[str],
        context: str = "",
    ) -> None:
        self.from_unit = from_unit
        self.to_unit = to_unit
        self.from_dimension = from_dimension
        self.to_dimension = to_dimension
        self.valid_for_from = list(valid_for_from)
        prefix = f"{context}: " if context else ""
        super().__init__(
            f"{prefix}cannot convert {from_unit!r} (dimension {from_dimension}) to {to_unit!r} "
            f"(dimension {to_dimension}): conversions exist only within one dimension; "
            f"{from_unit!r} converts to: {', '.join(self.valid_for_from)}"
        )


class UnitRegistry(Mapping[str, Unit]):
    """The declared units, keyed by their units.yaml key; the only place conversions happen.

    >>> reg = default_registry()
    >>> reg.factor("per_10000", "per_1000")
    0.1
    >>> reg.units_in("per_population")
    ['older_per_100_children', 'per_1000', 'per_10000', 'per_100000', 'percent']
    """

    def __init__(self, units: Mapping[str, Unit]) -> None:
        for key, unit in units.items():
            # A zero, negative or infinite denominator would make every factor meaningless.
            if not (math.isfinite(unit.per) and unit.per > 0):
                raise ValueError(f"unit {key!r}: `per` must be a positive number, got {unit.per}")
        self._units = dict(units)

    @classmethod
    def load(cls, path: str | Path) -> UnitRegistry:
        """Read and validate a units.yaml file.

        >>> UnitRegistry.load(default_units_path())["percent"].per
        100.0
        """
        path = Path(path)
        return cls(load_units(path, ProjectPaths.at().relative(path)))

    # -- Mapping protocol -----------------------------------------------------------------
    def __getitem__(self, key: str) -> Unit:
        return self.get_unit(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._units)

    def __len__(self) -> int:
        return len(self._units)

    def __contains__(self, key: object) -> bool:
        return key in self._units

    def __repr__(self) -> str:
        return f"UnitRegistry({sorted(self._units)})"

    # -- queries --------------------------------------------------------------------------
    def get_unit(self, key: object, context: str = "") -> Unit:
        """The unit for ``key``, or :class:`UnknownUnitError` listing the known units.

        >>> default_registry().get_unit("cm").dimension
        'length'
        """
        try:
            return self._units[key]  # type: ignore[index]
        except (KeyError, TypeError):
            raise UnknownUnitError(key, self._units, context) from None

    def dimension(self, key: str) -> str:
        """The dimension of a unit.

        >>> default_registry().dimension("per_100000")
        'per_population'
        """
        return self.get_unit(key).dimension

    def units_in(self, dimension: str) -> list[str]:
        """Keys of every unit in one dimension, sorted.

        >>> default_registry().units_in("duration")
        ['years']
        """
        return sorted(k for k, u in self._units.items() if u.dimension == dimension)

    def compatible(self, from_unit: str, to_unit: str) -> bool:
        """Whether a conversion between the two units is declared.

        >>> default_registry().compatible("percent", "per_1000")
        True
        """
        return self.dimension(from_unit) == self.dimension(to_unit)

    def factor(self, from_unit: str, to_unit: str, context: str = "") -> float:
        """The multiplier taking a value in ``from_unit`` to ``to_unit`` (``per_to / per_from``).

        >>> default_registry().factor("percent", "per_1000")
        10.0
        """
        src = self.get_unit(from_unit, context)
        dst = self.get_unit(to_unit, context)
        if src.dimension != dst.dimension:
            raise IncompatibleUnitsError(
                src.id, dst.id, src.dimension, dst.dimension, self.units_in(src.dimension),
                context,
            )
        return dst.per / src.per

    def convert(self, value: float, from_unit: str, to_unit: str) -> float:
        """Convert one number.

        >>> default_registry().convert(15, "per_10000", "per_1000")
        1.5
        """
        return float(value) * self.factor(from_unit, to_unit)

    def phrase_index(self) -> dict[str, str]:
        """Map each Vietnamese phrase declared in units.yaml to its unit key (for extractors).

        >>> default_registry().phrase_index()["/vạn dân"]
        'per_10000'
        """
        return {p: k for k, u in self._units.items() for p in u.phrases}


def default_units_path() -> Path:
    """The project's ``data/catalog/units.yaml`` (root: ``$VNHEALTH_ROOT`` or this checkout).

    >>> default_units_path().name
    'units.yaml'
    """
    return ProjectPaths.at().catalog / "units.yaml"


@functools.cache
def default_registry() -> UnitRegistry:
    """The registry loaded from the project's units.yaml (read once per process).

    >>> "per_station" in default_registry()
    True
    """
    return UnitRegistry.load(default_units_path())


def convert(
    value: float, from_unit: str, to_unit: str, registry: UnitRegistry | None = None
) -> float:
    """Convert one number between units of one dimension.

    >>> convert(5, "per_1000", "percent")
    0.5
    >>> convert(0.5, "percent", "per_1000")
    5.0
    """
    return (registry or default_registry()).convert(value, from_unit, to_unit)


def convert_frame(
    df: pd.DataFrame,
    to_unit: str | pd.Series,
    *,
    unit_column: str = "unit",
    columns: Sequence[str] = ("value", "value_high"),
    registry: UnitRegistry | None = None,
    context_columns: Sequence[str] = ("obs_id",),
) -> pd.DataFrame:
    """Vectorised conversion of ``columns`` from each row's ``unit_column`` to ``to_unit``.

    ``to_unit`` is one unit key for every row, or a Series (aligned on the index) giving a target
    per row. Returns a copy with the columns converted, ``unit_column`` set to the target,
    ``unit_as_stated`` holding the original unit and ``unit_factor`` the multiplier used. Rows
    whose unit cannot be converted raise :class:`IncompatibleUnitsError` (or
    :class:`UnknownUnitError`) naming the first offending row by its ``context_columns``.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"obs_id": [1, 2], "value": [5.0, 0.4], "unit": ["per_1000", "percent"]})
    >>> convert_frame(df, "per_1000", columns=["value"])["value"].tolist()
    [5.0, 4.0]
    """
    import numpy as np
    import pandas as pd

    reg = registry or default_registry()
    out = df.copy()
    targets = (
        to_unit.reindex(out.index)
        if isinstance(to_unit, pd.Series)
        else pd.Series(to_unit, index=out.index)
    )
    stated = out[unit_column]
    # One factor per distinct (from, to) pair: conversions are few, rows may be many.
    pairs = pd.DataFrame({"f": stated.astype(object), "t": targets.astype(object)})
    cache: dict[tuple[str, str], float] = {}
    factors = np.empty(len(out), dtype="float64")
    for pos, (src, dst) in enumerate(pairs.itertuples(index=False, name=None)):
        key = (src, dst)
        if key not in cache:
            where = ", ".join(f"{c}={out[c].iloc[pos]}" for c in context_columns if c in out)
            cache[key] = reg.factor(src, dst, context=where or f"row {pos}")
        factors[pos] = cache[key]
    for col in columns:
        if col in out:
            out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64") * factors
    out["unit_as_stated"] = stated
    out["unit_factor"] = factors
    out[unit_column] = targets.astype(stated.dtype) if len(out) else targets
    return out
