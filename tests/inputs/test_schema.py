"""sql/schema.yaml, the one declaration of the warehouse: what it refuses, and what the build
makes from it (DDL, frame dtypes, generic checks)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from vnhealth.inputs.errors import InputError
from vnhealth.inputs.schema import generic_checks, load_schema, project_schema
from vnhealth.inputs.terms import TERMS, Kind, values

REPO = Path(__file__).resolve().parents[2]


def write_schema(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "schema.yaml"
    text = (REPO / "sql" / "schema.yaml").read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("old", "new", "message"), [
    ("  year: {type: INTEGER,", "  year: {type: INTEGR,", "type must be one of"),
    ("accepted: Kind,", "accepted: Kinds,", "accepted must name a vocabulary"),
    ("references: provinces.province_id,", "references: province.province_id,",
     "which the schema does not declare"),
    ("    primary_key: [obs_id]", "    primary_key: [observation_id]",
     "are not columns of the table"),
    ("    layer: derived", "    layer: computed", "layer must be one of"),
])
def test_a_wrong_declaration_is_refused_naming_the_entry(tmp_path: Path, old: str, new: str,
                                                         message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        load_schema(write_schema(tmp_path, old, new))
    assert "schema.yaml" in str(caught.value)


def test_every_vocabulary_a_column_accepts_is_a_term() -> None:
    schema = project_schema()
    accepted = {c.accepted for t in schema.tables.values() for c in t.columns if c.accepted}
    assert accepted <= set(TERMS)
    assert schema.table("observations").columns[4].accepted == "Kind"
    assert values(Kind) == ("target", "trajectory", "actual", "baseline")


def test_generic_checks_find_what_they_are_written_for(tmp_path: Path, warehouse_path: Path
                                                       ) -> None:
    db = tmp_path / "w.duckdb"
    shutil.copy(warehouse_path, db)
    checks = {c.name: c for c in generic_checks(project_schema())}
    con = duckdb.connect(str(db))
    try:
        for check in checks.values():
            assert con.execute(check.sql).fetchall() == [], check.name
        con.execute("UPDATE pace SET pace_status = 'unknowable' WHERE rowid = 0")
        con.execute("UPDATE national_benchmark SET unit = 'furlongs' WHERE rowid = 0")
        con.execute("INSERT INTO documents SELECT * REPLACE ('copy' AS doc_id) FROM documents "
                    "LIMIT 1")
        accepted = con.execute(checks["schema_accepted_values"].sql).fetchall()
        references = con.execute(checks["schema_references"].sql).fetchall()
        keys = con.execute(checks["schema_keys"].sql).fetchall()
    finally:
        con.close()
    assert accepted == [("pace", "pace_status", "unknowable", 1)]
    assert references == [("national_benchmark", "unit", "furlongs", 1)]
    assert [(k[0], k[3]) for k in keys] == [("documents.source_file", "duplicate key")]


def test_library_frames_take_their_dtypes_from_the_schema() -> None:
    from vnhealth.harmonize.frames import _typed

    frame = _typed([{"year": 2030, "value": "1.5", "is_interval": None, "unit": "%"}],
                   ["year", "value", "is_interval", "unit"])
    assert [str(t) for t in frame.dtypes][:3] == ["Int64", "float64", "boolean"]
