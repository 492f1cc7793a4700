"""sql/checks/ and `vnhealth check`: the real warehouse passes every check, and each check
catches the fault it is written for (injected into a copy of the warehouse)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from vnhealth.build.sqlfiles import check_files
from vnhealth.cli.commands.check import run_checks
from vnhealth.cli.main import main
from vnhealth.inputs.paths import ProjectPaths

REPO = Path(__file__).resolve().parents[2]
REQUIRED = {"percent_out_of_range", "implausible_values", "schema_keys",
            "schema_references", "schema_accepted_values", "observations_without_provenance",
            "harmonized_without_method", "province_of_document"}

# One fault per check, each a statement run on a copy of the warehouse.
FAULTS = {
    "percent_out_of_range":
        "UPDATE observations SET value = 150 WHERE obs_id = 'lai_chau_2021_2025:61:1'",
    "implausible_values":
        "UPDATE harmonized SET value = 7.3 WHERE province_id = 'son_la' "
        "AND indicator_id = 'life_expectancy' AND year = 2030",
    "schema_keys":
        "INSERT INTO observations SELECT * FROM observations "
        "WHERE obs_id = 'son_la_2026_2030:23:3'",
    "schema_accepted_values":
        "UPDATE observations SET kind = 'goal' WHERE obs_id = 'son_la_2026_2030:23:3'",
    "observations_without_provenance":
        "UPDATE observations SET line = 99999 WHERE obs_id = 'son_la_2026_2030:23:3'",
    "schema_references":
        "UPDATE observations SET unit = 'furlongs' WHERE obs_id = 'son_la_2026_2030:23:3'",
    "harmonized_without_method":
        "UPDATE harmonized SET method = NULL WHERE province_id = 'son_la' "
        "AND indicator_id = 'life_expectancy' AND year = 2030",
    "province_of_document":
        "UPDATE observations SET province_id = 'lai_chau' "
        "WHERE obs_id = 'son_la_2026_2030:23:3'",
    "national_without_source":
        "UPDATE national_targets SET source_url = '' WHERE source_line = 3",
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "vnhealth"
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "vnhealth.cli.main"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=120,
                          env={k: v for k, v in os.environ.items() if k != "VNHEALTH_ROOT"})


def test_the_checks_exist_and_describe_themselves() -> None:
    checks = {c.name: c for c in check_files(REPO / "sql")}
    assert set(checks) >= REQUIRED
    assert set(FAULTS) == set(checks), "every check has a fault test below"
    for c in checks.values():
        assert c.key == c.name, f"{c.path.name}: header must start with `-- {c.name}:`"
        assert c.title_vi, f"{c.path.name}: needs a `-- vi: …` line"


def test_vnhealth_check_passes_on_the_real_warehouse(warehouse_path: Path) -> None:
    result = run("check", "--db", str(warehouse_path), "--root", str(REPO))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert sum(line.startswith("ok ") for line in lines) == len(FAULTS)
    assert lines[-1] == f"{len(FAULTS)} checks: {len(FAULTS)} passed, 0 failed"


@pytest.mark.parametrize("check", sorted(FAULTS))
def test_each_check_catches_its_fault(warehouse_path: Path, tmp_path: Path, check: str) -> None:
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(warehouse_path, db)
    con = duckdb.connect(str(db))
    try:
        con.execute(FAULTS[check])
    finally:
        con.close()
    con = duckdb.connect(str(db), read_only=True)
    try:
        outcomes = {o.check.name: o for o in run_checks(con, ProjectPaths.at(REPO))}
    finally:
        con.close()
    assert all(o.error is None for o in outcomes.values())
    failed = {n for n, o in outcomes.items() if not o.passed}
    assert check in failed
    assert outcomes[check].result is not None and len(outcomes[check].result.rows) >= 1


def test_a_failing_check_exits_one_and_shows_the_rows(
        warehouse_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(warehouse_path, db)
    con = duckdb.connect(str(db))
    con.execute(FAULTS["percent_out_of_range"])
    con.close()
    code = main(["check", "--db", str(db), "--root", str(REPO)])
    out = capsys.readouterr().out
    assert code == 1
    assert "FAIL  percent_out_of_range" in out and "1 row" in out
    assert "lai_chau_2021_2025:61:1" in out
    assert out.splitlines()[-1].endswith("1 failed")


def test_a_broken_check_is_an_error_naming_its_file(
        warehouse_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "project"
    shutil.copytree(REPO / "sql", root / "sql")
    (root / "sql" / "checks" / "zz_broken.sql").write_text(
        "-- zz_broken: a check with a typo\n-- vi: kiểm tra lỗi\nSELEC 1\n", encoding="utf-8")
    (root / "sql" / "checks" / "zz_writes.sql").write_text(
        "-- zz_writes: a check that writes\n-- vi: kiểm tra ghi\nDELETE FROM observations\n",
        encoding="utf-8")
    code = main(["check", "--db", str(warehouse_path), "--root", str(root)])
    captured = capsys.readouterr()
    assert code == 2
    assert "ERROR zz_broken" in captured.out and "zz_broken.sql" in captured.out
    assert "ERROR zz_writes" in captured.out and "read-only" in captured.out
    assert captured.err.startswith("error: ")


def test_check_without_a_warehouse(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "make warehouse" in capsys.readouterr().err


def _outcomes_after(db: Path, statement: str) -> dict:
    """The checks' outcomes on a warehouse once `statement` has run on it."""
    con = duckdb.connect(str(db))
    con.execute(statement)
    con.close()
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {o.check.name: o for o in run_checks(con, ProjectPaths.at(REPO))}
    finally:
        con.close()


def test_a_percentage_the_catalogue_lets_pass_100_is_left_to_its_plausible_range(
        warehouse_path: Path, tmp_path: Path) -> None:
    # bed occupancy is a ratio of bed-days (115% is a crowded hospital): percent_out_of_range
    # leaves it to implausible_values, which flags it only past the catalogue's range
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(warehouse_path, db)
    outcomes = _outcomes_after(db, "UPDATE observations SET indicator_id = 'bed_occupancy', "
                                   "value = 115, value_high = NULL "
                                   "WHERE obs_id = 'lai_chau_2021_2025:61:1'")
    assert outcomes["percent_out_of_range"].passed
    outcomes = _outcomes_after(db, "UPDATE observations SET indicator_id = "
                                   "'hypertension_managed' WHERE indicator_id = 'bed_occupancy'")
    assert not outcomes["percent_out_of_range"].passed


@pytest.mark.parametrize(("fault", "passes"), [
    # another province the text names as the value's (province_basis 'named') is allowed
    ("SET province_id = 'lai_chau', province_basis = 'named'", True),
    # 'named' for the document's own province, or no basis, is not
    ("SET province_basis = 'named'", False),
    ("SET province_basis = NULL", False),
])
def test_province_of_document_allows_only_a_named_other_province(
        warehouse_path: Path, tmp_path: Path, fault: str, passes: bool) -> None:
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(warehouse_path, db)
    con = duckdb.connect(str(db))
    try:
        con.execute(f"UPDATE observations {fault} WHERE obs_id = 'son_la_2026_2030:23:3'")
    finally:
        con.close()
    con = duckdb.connect(str(db), read_only=True)
    try:
        outcomes = {o.check.name: o for o in run_checks(con, ProjectPaths.at(REPO))}
    finally:
        con.close()
    assert outcomes["province_of_document"].passed is passes
