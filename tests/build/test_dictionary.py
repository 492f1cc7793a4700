"""docs/data-dictionary.md is generated, complete and in sync; descriptions are data."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import yaml

from vnhealth.build.dictionary import DICTIONARY_PATH, generate, main
from vnhealth.build.sqlfiles import load_descriptions, warehouse_objects
from vnhealth.inputs.paths import ProjectPaths
from vnhealth.inputs.schema import project_schema

REPO = Path(__file__).resolve().parents[2]


def test_committed_dictionary_matches_a_fresh_generation(con: Any) -> None:
    committed = (REPO / DICTIONARY_PATH).read_text(encoding="utf-8")
    fresh = generate(con, ProjectPaths.at(REPO))
    assert committed == fresh, (
        "docs/data-dictionary.md is out of date: run `vnhealth dictionary` "
        "(or python -m vnhealth.build.dictionary) and commit the result")


def test_dictionary_covers_catalogue_and_schema(con: Any) -> None:
    text = (REPO / DICTIONARY_PATH).read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    catalogue = yaml.safe_load((REPO / "data/catalog/indicators.yaml").read_text("utf-8"))
    for ind in catalogue["indicators"]:
        assert f"`{ind['id']}`" in text and ind["name_vi"] in text, ind["id"]
    units = yaml.safe_load((REPO / "data/catalog/units.yaml").read_text("utf-8"))["units"]
    for unit_id in units:
        assert f"`{unit_id}`" in text
    for obj in warehouse_objects(con):
        assert f"### `{obj.name}" in text, obj.name
        for col, _t, _d in obj.columns:
            assert f"`{col}`" in text
    for f in sorted((REPO / "sql" / "checks").glob("*.sql")):
        assert f"`{f.stem}`" in text
    for f in sorted((REPO / "sql" / "examples").glob("*.sql")):
        assert f"`{f.name}`" in text


def test_every_column_is_described_and_labelled(con: Any) -> None:
    desc = load_descriptions(ProjectPaths.at(REPO))
    missing = []
    for obj in warehouse_objects(con):
        en, vi = desc.describe(obj.name)
        if not en or not vi:
            missing.append(f"{obj.name}: description (en and vi)")
        for col, _t, _d in obj.columns:
            doc = desc.column(obj.name, col)
            if doc is None or not (doc.label_vi and doc.label_en and doc.description):
                missing.append(f"{obj.name}.{col}")
    assert not missing, "add to sql/schema.yaml: " + ", ".join(missing)


def test_schema_yaml_has_no_stale_entries(con: Any) -> None:
    data = yaml.safe_load((REPO / "sql" / "schema.yaml").read_text(encoding="utf-8"))
    objects = {o.name: {c for c, _t, _d in o.columns} for o in warehouse_objects(con)}
    used = set().union(*objects.values())
    # intermediate columns of the library's frames are typed there, not stored
    frames_only = {n for n, c in data["columns"].items()
                   if str(c.get("description", "")).startswith("Library frames only")}
    assert not set(data["columns"]) - used - frames_only, "shared column entries no object has"
    for section in ("tables", "views"):
        for name, spec in (data.get(section) or {}).items():
            assert name in objects, f"sql/schema.yaml {section}.{name}: no such object"
            stale = set((spec or {}).get("columns") or {}) - objects[name]
            assert not stale, f"sql/schema.yaml {section}.{name}: no columns {stale}"
    raw = (REPO / "sql" / "schema.yaml").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", raw)


def test_descriptions_are_stored_in_the_warehouse(con: Any) -> None:
    comment = con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = "
                          "'observations' AND column_name = 'line'").fetchone()[0]
    assert "line number" in comment
    assert con.execute("SELECT comment FROM duckdb_views() WHERE view_name = 'v_gaps'"
                       ).fetchone()[0].startswith("Each province's value")
    assert con.execute("SELECT comment FROM duckdb_tables() WHERE table_name = "
                       "'national_targets'").fetchone()[0].startswith("The national benchmark")


def test_check_mode_of_the_command(warehouse_path: Path, tmp_path: Path,
                                   capsys: Any) -> None:
    args = ["--root", str(REPO), "--db", str(warehouse_path)]
    assert main([*args, "--check"]) == 0
    assert "up to date" in capsys.readouterr().out
    out = tmp_path / "dictionary.md"
    assert main([*args, "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (REPO / DICTIONARY_PATH).read_text("utf-8")
    out.write_text("stale\n", encoding="utf-8")
    assert main([*args, "--out", str(out), "--check"]) == 1
    assert out.read_text(encoding="utf-8") == "stale\n"


def test_the_schema_declares_every_table_and_column_in_order_with_its_type(con: Any) -> None:
    """sql/schema.yaml is the one declaration: the built warehouse's tables are exactly its
    tables, with its columns in its order and its types (the DDL comes from it)."""
    schema = project_schema()
    built = {o.name: [(c, t) for c, t, _d in o.columns]
             for o in warehouse_objects(con) if o.type == "table"}
    assert set(built) == set(schema.tables)
    for name, spec in schema.tables.items():
        assert built[name] == [(c.name, c.type) for c in spec.columns], name
