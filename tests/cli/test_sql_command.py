"""`vnhealth sql` and `vnhealth tables`: read-only, bound parameters, formats, clear errors."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from vnhealth.cli.commands.sql import parse_param
from vnhealth.cli.main import main
from vnhealth.inputs.errors import ParameterError
from vnhealth.inputs.schema import project_schema

REPO = Path(__file__).resolve().parents[2]


def vnhealth(*args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "vnhealth"
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "vnhealth.cli.main"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=120,
                          env={k: v for k, v in os.environ.items() if k != "VNHEALTH_ROOT"},
                          **kw)


def sql(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["sql", "--warehouse", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------------------------
# read-only
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("query", [
    "INSERT INTO provinces (province_id) VALUES ('x')",
    "UPDATE observations SET value = 0",
    "DELETE FROM observations",
    "DROP TABLE observations",
    "CREATE TABLE t AS SELECT 1",
    "COPY observations TO 'leak.csv'",
    "ATTACH ':memory:' AS other",
    "SET threads = 1",
    "PRAGMA enable_profiling",
    "CALL pragma_table_info('observations')",
    "WITH x AS (SELECT 1) INSERT INTO provinces (province_id) SELECT 'x'",
    "EXPLAIN ANALYZE DELETE FROM observations",
])
def test_statements_that_write_are_refused(capsys: pytest.CaptureFixture[str],
                                           warehouse_path: Path, query: str) -> None:
    before = sha(warehouse_path)
    code, out, err = sql(capsys, warehouse_path, query)
    assert code == 2
    assert err.startswith("error: ")
    assert "read-only" in err or "not allowed" in err
    assert out == ""
    assert sha(warehouse_path) == before
    assert not Path("leak.csv").exists()


@pytest.mark.parametrize("query", [
    "SELECT count(*) FROM observations",
    "WITH x AS (SELECT 1 AS a) SELECT a FROM x",
    "FROM provinces",
    "DESCRIBE observations",
    "SHOW TABLES",
    "SUMMARIZE indicators",
    "EXPLAIN SELECT * FROM v_gaps",
    "PRAGMA table_info('observations')",
    "PIVOT (SELECT indicator_id, province_id, value FROM comparison_matrix(2030)) "
    "ON province_id USING first(value)",
])
def test_statements_that_read_are_allowed(capsys: pytest.CaptureFixture[str],
                                          warehouse_path: Path, query: str) -> None:
    code, out, err = sql(capsys, warehouse_path, query)
    assert (code, err) == (0, "")
    assert out.strip()


def test_more_than_one_statement_is_refused(capsys: pytest.CaptureFixture[str],
                                            warehouse_path: Path) -> None:
    code, _out, err = sql(capsys, warehouse_path, "SELECT 1; DROP TABLE observations")
    assert code == 2 and "one query at a time" in err


# --------------------------------------------------------------------------------------------
# parameters are bound, never formatted
# --------------------------------------------------------------------------------------------
def test_parameters_are_bound(capsys: pytest.CaptureFixture[str], warehouse_path: Path) -> None:
    code, out, _ = sql(capsys, warehouse_path,
                       "SELECT value, method FROM harmonized WHERE province_id = $p AND "
                       "indicator_id = $i AND year = $y", "--param", "p=lai_chau",
                       "--param", "i=hypertension_managed", "-p", "y=2023", "--format", "json")
    assert code == 0
    assert json.loads(out) == [{"value": 44.0, "method": "interpolated"}]


def test_an_injection_attempt_stays_a_value(capsys: pytest.CaptureFixture[str],
                                            warehouse_path: Path) -> None:
    evil = "lai_chau' OR '1'='1"
    code, out, _ = sql(capsys, warehouse_path,
                       "SELECT count(*) AS n FROM observations WHERE province_id = $p",
                       "--param", f"p={evil}", "--format", "json")
    assert code == 0 and json.loads(out) == [{"n": 0}]
    code, out, _ = sql(capsys, warehouse_path, "SELECT $x AS x", "--param",
                       "x=1; DROP TABLE observations", "--format", "json")
    assert code == 0 and json.loads(out) == [{"x": "1; DROP TABLE observations"}]


def test_parameter_typing() -> None:
    assert parse_param("year=2030") == ("year", 2030)
    assert parse_param("v=75.5") == ("v", 75.5)
    assert parse_param("code=08") == ("code", "08")
    assert parse_param("$p=lai_chau") == ("p", "lai_chau")
    assert parse_param("q=a=b") == ("q", "a=b")
    with pytest.raises(ParameterError, match="NAME=VALUE"):
        parse_param("no_equals_sign")
    with pytest.raises(ParameterError):
        parse_param("1bad=2")


def test_missing_and_unused_parameters_are_named(capsys: pytest.CaptureFixture[str],
                                                 warehouse_path: Path) -> None:
    code, _out, err = sql(capsys, warehouse_path, "SELECT * FROM v_gaps WHERE year = $year")
    assert code == 2 and "$year" in err and "--param year=VALUE" in err
    code, _out, err = sql(capsys, warehouse_path, "SELECT 1", "--param", "year=2030")
    assert code == 2 and "year" in err and "no $year" in err


# --------------------------------------------------------------------------------------------
# formats
# --------------------------------------------------------------------------------------------
QUERY = ("SELECT province_id, value, gap, ahead FROM v_gaps WHERE indicator_id = "
         "'life_expectancy' AND year = 2030 ORDER BY province_id")


def test_format_table(capsys: pytest.CaptureFixture[str], warehouse_path: Path) -> None:
    code, out, _ = sql(capsys, warehouse_path, QUERY)
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["province_id", "value", "gap", "ahead"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[2].split() == ["lai_chau", "70", "-5.5", "false"]
    assert lines[3].split() == ["lao_cai", "NULL", "NULL", "NULL"]
    assert lines[-1] == "(4 rows)"


def test_format_csv(capsys: pytest.CaptureFixture[str], warehouse_path: Path) -> None:
    code, out, _ = sql(capsys, warehouse_path, QUERY, "--format", "csv")
    got = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert got[0] == {"province_id": "lai_chau", "value": "70.0", "gap": "-5.5",
                      "ahead": "false"}
    assert got[1]["value"] == ""  # NULL


def test_format_json(capsys: pytest.CaptureFixture[str], warehouse_path: Path) -> None:
    code, out, _ = sql(capsys, warehouse_path,
                       "SELECT doc_id, issued_on, title FROM documents WHERE doc_id = "
                       "'son_la_2026_2030'", "--format", "json")
    assert code == 0
    row = json.loads(out)[0]
    assert row["issued_on"] == "2026-01-01"
    assert row["title"].startswith("Kế hoạch thực hiện Nghị quyết số 282/NQ-CP")


def test_format_markdown(capsys: pytest.CaptureFixture[str], warehouse_path: Path) -> None:
    code, out, _ = sql(capsys, warehouse_path, QUERY, "--format", "markdown")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "| province_id | value | gap | ahead |"
    assert lines[1].startswith("| --- |")
    assert lines[2] == "| lai_chau | 70 | -5.5 | false |"
    assert len(lines) == 6


# --------------------------------------------------------------------------------------------
# files and errors
# --------------------------------------------------------------------------------------------
def test_query_from_a_file(capsys: pytest.CaptureFixture[str], warehouse_path: Path) -> None:
    code, out, _ = sql(capsys, warehouse_path, "--file",
                       str(REPO / "sql/examples/value_for_a_year.sql"), "-p", "province=lai_chau",
                       "-p", "indicator=hypertension_managed", "-p", "year=2023",
                       "--format", "json")
    assert code == 0 and json.loads(out)[0]["value"] == 44.0


def test_a_bad_query_in_a_file_names_the_file(capsys: pytest.CaptureFixture[str],
                                              warehouse_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.sql"
    bad.write_text("SELECT no_such_column FROM observations\n", encoding="utf-8")
    code, out, err = sql(capsys, warehouse_path, "--file", str(bad))
    assert code == 2 and out == ""
    assert err.startswith(f"error: {bad}: ")
    assert "no_such_column" in err
    code, _out, err = sql(capsys, warehouse_path, "--file", str(tmp_path / "missing.sql"))
    assert code == 2 and "missing.sql" in err and "no such file" in err


def test_a_syntax_error_is_a_clear_message(capsys: pytest.CaptureFixture[str],
                                           warehouse_path: Path) -> None:
    code, _out, err = sql(capsys, warehouse_path, "SELEC 1")
    assert code == 2 and err.startswith("error: query: ") and "syntax error" in err
    assert "Traceback" not in err


def test_query_and_file_are_exclusive(capsys: pytest.CaptureFixture[str],
                                      warehouse_path: Path) -> None:
    code, _out, err = sql(capsys, warehouse_path, "SELECT 1", "--file", "x.sql")
    assert code == 2 and "not both" in err
    code, _out, err = sql(capsys, warehouse_path)
    assert code == 2 and "give a query" in err


def test_a_missing_warehouse_says_how_to_build_it(tmp_path: Path) -> None:
    result = vnhealth("sql", "--warehouse", str(tmp_path / "none.duckdb"), "SELECT 1")
    assert result.returncode == 2
    assert result.stderr.startswith("error: warehouse not found")
    assert "make warehouse" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_console_script_end_to_end(warehouse_path: Path) -> None:
    result = vnhealth("sql", "--warehouse", str(warehouse_path), "--format", "csv",
                      "SELECT count(*) AS n FROM v_observations")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "n" and int(result.stdout.splitlines()[1]) > 200
    result = vnhealth("sql", "--warehouse", str(warehouse_path), "DELETE FROM observations")
    assert result.returncode == 2 and "read-only" in result.stderr


# --------------------------------------------------------------------------------------------
# vnhealth tables
# --------------------------------------------------------------------------------------------
def test_tables_lists_tables_and_views_with_columns_and_descriptions(
        capsys: pytest.CaptureFixture[str], warehouse_path: Path) -> None:
    assert main(["tables", "--warehouse", str(warehouse_path), "--format", "json"]) == 0
    objects = {o["name"]: o for o in json.loads(capsys.readouterr().out)}
    expected = {*project_schema().tables, "v_observations", "v_coverage",
                "v_gaps", "v_pace", "comparison_matrix"}
    assert expected <= set(objects)
    for name, o in objects.items():
        assert o["description"], f"{name} has no description"
        assert o["columns"], name
    assert objects["v_gaps"]["type"] == "view"
    assert objects["observations"]["type"] == "table"
    assert objects["comparison_matrix"]["type"] == "macro"
    assert objects["comparison_matrix"]["parameters"] == ["for_year"]
    cols = {c["name"]: c for c in objects["observations"]["columns"]}
    assert cols["line"]["type"] == "INTEGER"
    assert "line number" in cols["line"]["description"]


def test_tables_text_output(capsys: pytest.CaptureFixture[str], warehouse_path: Path) -> None:
    assert main(["tables", "--warehouse", str(warehouse_path), "v_gaps"]) == 0
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith("v_gaps  [view, ") and "national target" in first
    assert any(line.split()[:2] == ["gap", "DOUBLE"] for line in out.splitlines()[1:])
    assert main(["tables", "--warehouse", str(warehouse_path), "--brief"]) == 0
    brief = capsys.readouterr().out.splitlines()
    assert len(brief) >= len(project_schema().tables) + 4


def test_tables_unknown_name(capsys: pytest.CaptureFixture[str], warehouse_path: Path) -> None:
    assert main(["tables", "--warehouse", str(warehouse_path), "nope"]) == 2
    assert "no table or view named nope" in capsys.readouterr().err
