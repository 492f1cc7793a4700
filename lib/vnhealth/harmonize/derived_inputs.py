"""What the derived tables are computed from: plain rows of the core tables.

Kept apart from :mod:`vnhealth.harmonize.derived` (which loads pandas) so that the build's main
process,
which never loads pandas, can assemble it and send it to its worker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vnhealth.inputs.catalog import Indicator, Unit
from vnhealth.inputs.schema import Schema

__all__ = ["DerivedInputs"]


@dataclass(frozen=True)
class DerivedInputs:
    """Rows (dicts keyed by the schema's column names) of the tables the derived ones read."""

    schema: Schema
    observations: list[dict[str, Any]]
    national_targets: list[dict[str, Any]]
    provinces: list[dict[str, Any]]
    indicators: list[dict[str, Any]]
    documents: list[dict[str, Any]]
    catalog_indicators: Sequence[Indicator]
    units: dict[str, Unit]
