"""The warehouse as the reports read it: a read-only connection, the small tables loaded,
lookups on them (names per language, units, directions, documents), and :class:`Table`, the
rows every query returns."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from vnhealth.harmonize import reform
from vnhealth.harmonize.pace import representative
from vnhealth.inputs.errors import VnhealthError
from vnhealth.report.formatting import isna
from vnhealth.report.labels import label
from vnhealth.report.markup import render
from vnhealth.report.params import connect_read_only, warehouse_path
from vnhealth.report.style import province_colour

# What the report functions read; a warehouse built by an older vnhealth may lack some.
_REQUIRED_TABLES = ("provinces", "indicators", "documents", "observations", "national_targets",
                    "units", "build_info", "harmonized", "comparison", "national_benchmark",
                    "observation_values")

# Where a qualitative target (data/catalog/qualitative.yaml) belongs: the indicators it speaks
# to (shown in their cells and coverage rows) and its domain (listed with the topic).
QUALITATIVE_TOPICS: dict[str, tuple[tuple[str, ...], str]] = {
    "universal_health_insurance": (("health_insurance_coverage",), "health_financing"),
    "health_insurance_types": ((), "health_financing"),
    "basic_hospital_fee_exemption": ((), "health_financing"),
    "universal_health_care": ((), "primary_care"),
    "free_annual_health_check": (("periodic_health_check",), "primary_care"),
    "lifelong_ehealth_book": (("ehealth_record_coverage",), "digital_health"),
    "hospital_grade_1": ((), "health_facilities"),
    "specialised_level_hospital": ((), "health_facilities"),
    "polio_tetanus_elimination": ((), "immunization"),
    "measles_elimination": ((), "immunization"),
    "replacement_fertility": (("total_fertility_rate",), "population"),
    "natural_sex_ratio_at_birth": (("sex_ratio_at_birth",), "population"),
    "youth_height_at_peer_level": (("height_18_male", "height_18_female"), "longevity"),
    "above_regional_average": ((), "primary_care"),
}


class Table(list):  # type: ignore[type-arg]
    """Rows (dicts) from the warehouse: a list, shown as a table in a notebook;
    :meth:`to_pandas` gives a DataFrame for analysis."""

    def __init__(self, rows: Iterable[dict[str, Any]] = (), columns: Sequence[str] = ()) -> None:
        super().__init__(rows)
        self.columns = list(columns) or (list(self[0]) if self else [])

    def distinct(self, column: str) -> list[Any]:
        """The distinct values of one column, sorted."""
        return sorted({r[column] for r in self if not isna(r.get(column))})

    def to_pandas(self) -> Any:
        """The rows as a ``pandas.DataFrame``."""
        import pandas as pd

        return pd.DataFrame(list(self), columns=self.columns)

    def _repr_html_(self) -> str:
        rows = [["" if isna(r.get(c)) else str(r.get(c)) for c in self.columns]
                for r in self[:50]]
        return render("rows.html.j2", columns=self.columns, rows=rows, total=len(self))


class Warehouse:
    """A read-only connection to the warehouse, with its small tables loaded (provinces,
    indicators, documents, observations, national targets, units) and lookups on them; larger
    tables are queried with :meth:`query`."""

    def __init__(self, path: Path, con: Any) -> None:
        self.path = path
        self._con = con
        self.build_hash = str((self.query("SELECT build_hash FROM build_info") or [{}])[0]
                              .get("build_hash") or "")
        self.provinces = self.query("SELECT * FROM provinces ORDER BY rowid")
        self.indicators = self.query("SELECT * FROM indicators ORDER BY rowid")
        self.documents = self.query("SELECT * FROM documents ORDER BY rowid")
        self.observations = self.query("SELECT * FROM observations ORDER BY rowid")
        self.national = self.query("SELECT * FROM national_targets ORDER BY rowid")
        self.units = self.query("SELECT * FROM units ORDER BY rowid")
        self.benchmarks = {(r["indicator_id"], int(r["year"])): r for r in self.query(
            "SELECT * FROM national_benchmark ORDER BY rowid")}
        present = {r["table_name"] for r in self.query(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'")}
        self.qualitative = (self.query("SELECT * FROM qualitative_targets ORDER BY rowid")
                            if "qualitative_targets" in present else Table())
        self._province_rows = {r["province_id"]: r for r in self.provinces}
        self._indicator_rows = {r["indicator_id"]: r for r in self.indicators}
        self._obs_rows = {r["obs_id"]: r for r in self.observations}
        self._doc_rows = {r["doc_id"]: r for r in self.documents}

    def query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None
              ) -> Table:
        """Run one SQL statement on the read-only connection; rows as dicts."""
        import duckdb

        try:
            cur = self._con.execute(sql, params) if params is not None else self._con.execute(
                sql)
        except duckdb.ConnectionException as exc:
            raise VnhealthError(f"the connection to {self.path} is closed (close() was called, "
                                "or the warehouse was rebuilt and loaded again): load it with "
                                "report.load()") from exc
        columns = [d[0] for d in cur.description]
        return Table((dict(zip(columns, row, strict=True)) for row in cur.fetchall()), columns)

    def close(self) -> None:
        """Close the connection (the loaded tables stay usable)."""
        self._con.close()

    # -- lookups -------------------------------------------------------------------------
    def province_name(self, province_id: str, lang: str) -> str:
        """A province's name in ``lang`` (``national`` → the word for national)."""
        row = self._province_rows.get(province_id)
        if row is None:
            return label("national", lang) if province_id == "national" else province_id
        return str(row["name_vi"] if lang == "vi" else row["name_en"])

    def indicator_name(self, indicator_id: str, lang: str) -> str:
        """An indicator's name in ``lang`` (its id when unknown)."""
        row = self._indicator_rows.get(indicator_id)
        if row is None:
            return indicator_id
        return str(row["name_vi"] if lang == "vi" else row["name_en"])

    def indicator(self, indicator_id: str) -> dict[str, Any]:
        """The catalogue row of one indicator."""
        return self._indicator_rows[indicator_id]

    def unit_of(self, indicator_id: str) -> str:
        """The unit an indicator's values are expressed in."""
        return str(self._indicator_rows[indicator_id]["unit"])

    def direction(self, indicator_id: str) -> str:
        """``higher_is_better``, ``lower_is_better``, ``band`` or ``descriptive``."""
        return str(self._indicator_rows[indicator_id]["direction"])

    def observation(self, obs_id: str) -> dict[str, Any] | None:
        """One observation row by its ``obs_id`` (None when unknown)."""
        return self._obs_rows.get(obs_id)

    def document(self, doc_id: str) -> dict[str, Any]:
        """One document row by its ``doc_id``."""
        return self._doc_rows[doc_id]

    def doc_label(self, doc_id: str) -> str:
        """The document's number, or its title when the text states no number."""
        doc = self._doc_rows.get(doc_id)
        if doc is None:
            return doc_id
        number = doc.get("doc_number")
        return str(number) if not isna(number) and number else str(doc["title"])

    def doc_short(self, doc_id: str) -> str:
        """A short handle for charts: the number, else the title cut to 48 characters."""
        text = self.doc_label(doc_id)
        return text if len(text) <= 48 else text[:47].rstrip() + "…"

    def qualitative_for(self, province_id: str, indicator_id: str | None = None,
                        domain: str | None = None) -> list[dict[str, Any]]:
        """A province's qualitative targets (one per target and year, the latest year first)
        that speak to ``indicator_id`` or belong to ``domain``."""
        found: dict[tuple[str, int], dict[str, Any]] = {}
        for q in self.qualitative:
            inds, dom = QUALITATIVE_TOPICS.get(q["target_id"], ((), ""))
            if q["province_id"] != province_id:
                continue
            if (indicator_id is not None and indicator_id in inds) or (
                    domain is not None and dom == domain):
                found.setdefault((q["target_id"], int(q["year"])), q)
        return sorted(found.values(), key=lambda q: (-int(q["year"]), q["target_id"]))

    def provinces_with_plans(self) -> list[str]:
        """Province ids that have at least one document."""
        return sorted({d["province_id"] for d in self.documents})

    def colour(self, province_id: str) -> str:
        """The province's colour, the same in every chart and report
        (:func:`~vnhealth.report.style.province_colour`)."""
        return province_colour(province_id)

    @cached_property
    def registry(self) -> Any:
        """The unit registry as stored in the warehouse (same declarations as units.yaml)."""
        from vnhealth.inputs.catalog import Unit
        from vnhealth.inputs.units import UnitRegistry

        return UnitRegistry({r["unit_id"]: Unit(r["unit_id"], r["dimension"], float(r["per"]),
                                                (), r["label_vi"], r["label_en"])
                             for r in self.units})

    @cached_property
    def lineage(self) -> list[dict[str, Any]]:
        """Each province's change in the 2025 reform (:func:`vnhealth.harmonize.reform.lineage`)."""
        return reform.lineage(self.provinces)

    def national_in_unit(self, row: Mapping[str, Any]) -> float | None:
        """A national_targets row's representative value in its indicator's unit."""
        value = representative(row["comparator"], row["value"], row["value_high"])
        if value is None or isna(row.get("unit")):
            return value
        return value * self.registry.factor(row["unit"], self.unit_of(row["indicator_id"]))


def load(warehouse: str | Path | None = None) -> Warehouse:
    """Open the warehouse read-only and load its small tables (see :class:`Warehouse`)."""
    path = warehouse_path(warehouse)
    con = connect_read_only(path)
    present = {r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main'").fetchall()}
    missing = [t for t in _REQUIRED_TABLES if t not in present]
    if missing:
        con.close()
        raise VnhealthError(f"{path} has no table {', '.join(missing)}: it was built by an older "
                            "vnhealth; rebuild it with `vnhealth build` (make warehouse)")
    return Warehouse(path, con)
