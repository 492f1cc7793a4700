"""The data checks gate the build; a row-count snapshot catches silent regressions.

`vnhealth build` runs every check of sql/checks/ (the code `vnhealth check` runs) on the new
database before moving it into place. An error-level check with rows stops the build: exit 2,
`error:` naming the check and showing its first rows, the previous warehouse byte-identical and
no temp file left. A warning-level check with rows is reported in the build summary.

The snapshot, tests/golden/row_counts.csv, holds the observations per document × kind × source
(as PUDL keeps row counts per table). When a change to the rules, the ledger or the documents
changes a count on purpose, rewrite it with
`VNHEALTH_UPDATE_SNAPSHOT=1 .venv/bin/pytest -q tests/build/test_check_gate.py -k snapshot` and
commit the diff with the change.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from support import copy_project

from vnhealth.build.sqlfiles import check_files
from vnhealth.build.warehouse import build
from vnhealth.cli.commands.check import LEVELS, check_level

REPO = Path(__file__).resolve().parents[2]
WAREHOUSE = Path("data/warehouse.duckdb")
SNAPSHOT = REPO / "tests" / "golden" / "row_counts.csv"
ROW_COUNTS_SQL = """
    SELECT doc_id, kind, source, count(*) AS n_rows
    FROM observations GROUP BY ALL ORDER BY doc_id, kind, source
"""
# What each check guards decides its level (see the checks' headers).
EXPECTED_LEVELS = {
    "schema_keys": "error", "schema_accepted_values": "error", "schema_references": "error",
    "harmonized_without_method": "error", "implausible_values": "warning",
    "national_without_source": "error", "observations_without_provenance": "error",
    "percent_out_of_range": "error", "province_of_document": "error",
}
# A reviewer's `correct` is not read against the line (only an `add` is): a percentage of 150
# passes the input validation and only the percent_out_of_range check (error level) sees it.
BAD_CORRECTION = """
  - action: correct
    doc_id: lai_chau_2021_2025
    line: 61
    indicator_id: hypertension_managed
    value: 150
    reason: a slip of the keyboard (35 was meant)
"""


def vnhealth() -> list[str]:
    script = Path(sys.executable).parent / "vnhealth"
    return [str(script)] if script.exists() else [sys.executable, "-m", "vnhealth.cli.main"]


def run_build(root: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "VNHEALTH_ROOT"}
    return subprocess.run([*vnhealth(), "build", "--root", str(root)], cwd=root.parent,
                          env=env, capture_output=True, text=True, timeout=300)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's data and sql/, with its warehouse built while still good."""
    root = tmp_path_factory.mktemp("gate") / "template"
    copy_project(root)
    build(root)
    return root


@pytest.fixture()
def project(template: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(template, root)
    return root


def test_every_check_declares_its_level() -> None:
    checks = {c.name: c for c in check_files(REPO / "sql")}
    assert set(checks) == set(EXPECTED_LEVELS)
    for name, check in checks.items():
        assert f"-- level: {EXPECTED_LEVELS[name]}\n" in check.sql, \
            f"{check.path.name}: needs a `-- level: error|warning` header line"
        assert check_level(check) == EXPECTED_LEVELS[name]
    assert set(EXPECTED_LEVELS.values()) <= set(LEVELS)


def test_an_error_level_check_stops_the_build(project: Path) -> None:
    warehouse = project / WAREHOUSE
    before = sha256_file(warehouse)
    with (project / "data/catalog/ledger.yaml").open("a", encoding="utf-8") as f:
        f.write(BAD_CORRECTION)
    result = run_build(project)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("error: check percent_out_of_range")
    assert "sql/checks/percent_out_of_range.sql" in result.stderr
    assert "lai_chau_2021_2025:61:1" in result.stderr and "150" in result.stderr
    assert "previous warehouse is unchanged" in result.stderr
    assert "Traceback" not in result.stderr
    assert sha256_file(warehouse) == before
    assert sorted(p.name for p in warehouse.parent.iterdir() if ".tmp" in p.name) == []


def test_a_check_that_cannot_run_stops_the_build(project: Path) -> None:
    before = sha256_file(project / WAREHOUSE)
    (project / "sql/checks/zz_broken.sql").write_text(
        "-- zz_broken: a check with a typo\n-- vi: kiểm tra lỗi\n-- level: warning\nSELEC 1\n",
        encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "check zz_broken could not run" in result.stderr
    assert sha256_file(project / WAREHOUSE) == before


def test_an_unknown_level_is_an_input_error(project: Path) -> None:
    (project / "sql/checks/zz_level.sql").write_text(
        "-- zz_level: a check with a bad level\n-- vi: kiểm tra\n-- level: fatal\nSELECT 1\n",
        encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "sql/checks/zz_level.sql" in result.stderr and "fatal" in result.stderr


def test_a_warning_level_check_builds_and_is_reported(project: Path) -> None:
    warehouse = project / WAREHOUSE
    before = sha256_file(warehouse)
    indicators = project / "data/catalog/indicators.yaml"
    text = indicators.read_text(encoding="utf-8")
    # a catalogue whose range for life expectancy is too narrow: real targets (75+) fall out
    narrowed = text.replace("unit: years\n    direction: higher_is_better\n    plausible: [50, 90]",
                            "unit: years\n    direction: higher_is_better\n    plausible: [50, 70]",
                            1)
    assert narrowed != text
    indicators.write_text(narrowed, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning: check implausible_values found" in result.stdout
    assert sha256_file(warehouse) != before
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM observations").fetchone()[0] > 0
    finally:
        con.close()


def test_row_counts_match_the_snapshot(warehouse_path: Path) -> None:
    con = duckdb.connect(str(warehouse_path), read_only=True)
    try:
        now = {(d, k, s): n for d, k, s, n in con.execute(ROW_COUNTS_SQL).fetchall()}
    finally:
        con.close()
    if os.environ.get("VNHEALTH_UPDATE_SNAPSHOT") == "1":
        with SNAPSHOT.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["doc_id", "kind", "source", "n_rows"])
            w.writerows([*key, n] for key, n in sorted(now.items()))
    with SNAPSHOT.open(encoding="utf-8", newline="") as f:
        kept = {(r["doc_id"], r["kind"], r["source"]): int(r["n_rows"])
                for r in csv.DictReader(f)}
    changed = [f"{' × '.join(key)}: {kept.get(key, 0)} → {now.get(key, 0)}"
               for key in sorted(kept.keys() | now.keys()) if kept.get(key) != now.get(key)]
    assert not changed, (
        "observations per document × kind × source differ from tests/golden/row_counts.csv "
        "(if on purpose: VNHEALTH_UPDATE_SNAPSHOT=1 pytest tests/build/test_check_gate.py -k "
        "snapshot):\n  " + "\n  ".join(changed))
