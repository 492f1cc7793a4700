"""The SQL door stays read-only because DuckDB keeps it so, not because of the statement check.

Part one runs the real `vnhealth sql` on every kind of statement an attacker (or a slip) might
try: each must end with `error: …` and exit status 2, never a traceback, and must leave every
file as it was and create none, not even ``~/.duckdb``. Part two skips the statement check
altogether and sends the statements to the configured connection itself, as a bug in the check
would: DuckDB must refuse them.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

from vnhealth.build import db
from vnhealth.cli.commands.sql import READ_ONLY_PRAGMAS, open_warehouse
from vnhealth.cli.main import main
from vnhealth.inputs.errors import VnhealthError
from vnhealth.report import params

REPORT = "brief_north_2030.html"
REPORT_BYTES = b"<html><body>the real brief</body></html>\n"
# A file the statements aim at: {report}; a directory to write into: {dir}.
COPY_REPORT = "COPY (SELECT '<h1>x</h1>') TO '{report}' (FORMAT csv, HEADER false, QUOTE '')"

CLI_CASES: dict[str, str] = {
    # writing files
    "explain_analyze_copy_behind_a_block_comment": f"/* c */ EXPLAIN ANALYZE {COPY_REPORT}",
    "explain_analyze_copy_behind_a_line_comment": f"-- c\nEXPLAIN ANALYZE {COPY_REPORT}",
    "explain_with_options_copy": "EXPLAIN (FORMAT json, ANALYZE) " + COPY_REPORT,
    "explain_comment_analyze_copy": f"EXPLAIN /* c */ ANALYZE {COPY_REPORT}",
    "copy_to_a_report": COPY_REPORT,
    "copy_behind_a_comment": f"/* c */ {COPY_REPORT}",
    "copy_from_a_file": "COPY provinces FROM '/etc/passwd'",
    "copy_to_a_new_file": "COPY observations TO '{dir}/leak.parquet'",
    "export_database": "EXPORT DATABASE '{dir}/export'",
    "import_database": "IMPORT DATABASE '{dir}'",
    "select_then_copy": f"SELECT 1; {COPY_REPORT}",
    # other databases
    "attach_a_new_file": "ATTACH '{dir}/new.duckdb' AS other",
    "attach_in_memory": "ATTACH ':memory:' AS other",
    "detach_the_warehouse": "DETACH warehouse",
    "use_another_database": "USE system",
    # extensions and downloads
    "install_httpfs": "INSTALL httpfs",
    "force_install_httpfs": "FORCE INSTALL httpfs",
    "load_httpfs": "LOAD httpfs",
    "load_a_file": "LOAD '{dir}/evil.duckdb_extension'",
    "update_extensions": "UPDATE EXTENSIONS",
    "select_over_https": "SELECT * FROM read_csv('https://example.com/data.csv')",
    "select_over_s3": "SELECT * FROM 's3://bucket/data.parquet'",
    # reading other files
    "read_csv_etc_passwd": "SELECT * FROM read_csv('/etc/passwd')",
    "read_text_etc_passwd": "SELECT * FROM read_text('/etc/passwd')",
    "read_blob_etc_passwd": "SELECT * FROM read_blob('/etc/passwd')",
    "replacement_scan_of_a_path": "SELECT * FROM '/etc/passwd'",
    "glob_the_root": "SELECT * FROM glob('/*')",
    "summarize_a_file": "SUMMARIZE SELECT * FROM read_csv('/etc/passwd')",
    "sniff_csv": "SELECT * FROM sniff_csv('/etc/passwd')",
    # configuration
    "set_external_access": "SET enable_external_access = true",
    "reset_external_access": "RESET enable_external_access",
    "set_lock_configuration": "SET lock_configuration = false",
    "set_threads": "SET threads = 1",
    "set_profiling_output": "SET profiling_output = '{dir}/profile.json'",
    "reset_all": "RESET ALL",
    "call_a_function": "CALL pragma_table_info('observations')",
    "pragma_enable_profiling": "PRAGMA enable_profiling = 'json'",
    "pragma_profiling_output": "PRAGMA profiling_output = '{dir}/profile.json'",
    "pragma_import_database": "PRAGMA import_database('{dir}')",
    "pragma_copy_database": "PRAGMA copy_database('warehouse', 'other')",
    "pragma_force_checkpoint": "PRAGMA force_checkpoint",
    "pragma_threads": "PRAGMA threads = 1",
    # storage and transactions
    "checkpoint": "CHECKPOINT",
    "force_checkpoint": "FORCE CHECKPOINT",
    "vacuum": "VACUUM",
    "analyze": "ANALYZE",
    "begin": "BEGIN",
    "commit": "COMMIT",
    "rollback": "ROLLBACK",
    "prepare": "PREPARE p AS SELECT 1",
    "execute": "EXECUTE p",
    "deallocate": "DEALLOCATE p",
    # writing the warehouse
    "create_table": "CREATE TABLE t AS SELECT 1",
    "create_temp_table": "CREATE TEMP TABLE t AS SELECT 1",
    "insert": "INSERT INTO provinces (province_id) VALUES ('x')",
    "update": "UPDATE observations SET value = 0",
    "delete": "DELETE FROM observations",
    "drop_table": "DROP TABLE observations",
    "alter_table": "ALTER TABLE provinces ADD COLUMN x INTEGER",
    "comment_on": "COMMENT ON TABLE provinces IS 'x'",
    "create_secret": "CREATE SECRET s (TYPE s3, KEY_ID 'a', SECRET 'b')",
    "create_persistent_secret": "CREATE PERSISTENT SECRET s (TYPE s3, KEY_ID 'a', SECRET 'b')",
    "drop_secret": "DROP SECRET s",
    # not SQL
    "garbage_text": "please delete everything",
    "an_unclosed_comment": "/* SELECT 1",
    "only_a_comment": "-- nothing here",
}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_under(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*")}


@pytest.fixture()
def place(tmp_path: Path) -> dict[str, Path]:
    """A working directory holding a report to protect, and an empty HOME."""
    work, home = tmp_path / "work", tmp_path / "home"
    (work / "reports").mkdir(parents=True)
    home.mkdir()
    report = work / "reports" / REPORT
    report.write_bytes(REPORT_BYTES)
    return {"work": work, "home": home, "report": report}


def run_cli(place: dict[str, Path], warehouse: Path, query: str
            ) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "vnhealth"
    assert script.is_file(), f"{script} missing: install the project (make setup)"
    env = {k: v for k, v in os.environ.items() if k != "VNHEALTH_ROOT"}
    env["HOME"] = str(place["home"])
    return subprocess.run([str(script), "sql", "--db", str(warehouse), query],
                          capture_output=True, text=True, timeout=120, cwd=place["work"],
                          env=env)


@pytest.mark.parametrize("query", CLI_CASES.values(), ids=CLI_CASES.keys())
def test_the_cli_refuses_with_a_message_and_changes_nothing(
        place: dict[str, Path], warehouse_path: Path, query: str) -> None:
    work = place["work"]
    before, warehouse_sha = files_under(work), sha(warehouse_path)
    result = run_cli(place, warehouse_path,
                     query.format(report=place["report"], dir=work))
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert place["report"].read_bytes() == REPORT_BYTES
    assert files_under(work) == before
    assert list(place["home"].iterdir()) == [], "nothing may be written under HOME"
    assert sha(warehouse_path) == warehouse_sha


def test_the_cli_still_reads_after_a_comment(place: dict[str, Path],
                                             warehouse_path: Path) -> None:
    # DuckDB 2 keeps leading comments in a statement's text; they must not hide its keyword.
    result = run_cli(place, warehouse_path,
                     "/* how many */ -- observations\nSELECT count(*) AS n FROM observations")
    assert result.returncode == 0, result.stderr
    assert "(1 row)" in result.stdout


def other_pragmas() -> list[str]:
    """Every PRAGMA this DuckDB knows but `vnhealth sql` does not allow."""
    with duckdb.connect() as con:
        names = {r[0] for r in con.execute("SELECT function_name FROM duckdb_functions() "
                                           "WHERE function_type = 'pragma'").fetchall()}
    return sorted(names - set(READ_ONLY_PRAGMAS))


@pytest.mark.parametrize("pragma", other_pragmas())
def test_every_other_pragma_is_refused(capsys: pytest.CaptureFixture[str],
                                       warehouse_path: Path, pragma: str) -> None:
    assert main(["sql", "--db", str(warehouse_path), f"PRAGMA {pragma}"]) == 2
    assert capsys.readouterr().err.startswith("error: ")


# --------------------------------------------------------------------------------------------
# DuckDB itself refuses, with the statement check bypassed
# --------------------------------------------------------------------------------------------
DUCKDB_REFUSES: dict[str, str] = {
    "copy_to_a_report": COPY_REPORT,
    "explain_analyze_copy": f"/* c */ EXPLAIN ANALYZE {COPY_REPORT}",
    "copy_to_a_new_file": "COPY observations TO '{dir}/leak.csv'",
    "export_database": "EXPORT DATABASE '{dir}/export'",
    "import_database": "IMPORT DATABASE '{dir}'",
    "attach_a_new_file": "ATTACH '{dir}/new.duckdb' AS other",
    "install_httpfs": "INSTALL httpfs",
    "load_httpfs": "LOAD httpfs",
    "load_a_file": "LOAD '{dir}/evil.duckdb_extension'",
    "update_extensions": "UPDATE EXTENSIONS",
    "set_external_access": "SET enable_external_access = true",
    "reset_external_access": "RESET enable_external_access",
    "set_lock_configuration": "SET lock_configuration = false",
    "set_autoinstall": "SET autoinstall_known_extensions = true",
    "set_autoload": "SET autoload_known_extensions = true",
    "set_community_extensions": "SET allow_community_extensions = true",
    "set_temp_directory": "SET temp_directory = '{dir}/spill'",
    "set_profiling_output": "SET profiling_output = '{dir}/profile.json'",
    "pragma_enable_profiling": "PRAGMA enable_profiling = 'json'",
    "create_table": "CREATE TABLE t AS SELECT 1",
    "insert": "INSERT INTO provinces (province_id) VALUES ('x')",
    "drop_table": "DROP TABLE observations",
    "create_persistent_secret": "CREATE PERSISTENT SECRET s (TYPE s3, KEY_ID 'a', SECRET 'b')",
    "read_over_https": "SELECT * FROM read_csv('https://example.com/data.csv')",
    "read_over_s3": "SELECT * FROM 's3://bucket/data.parquet'",
    "read_csv_etc_passwd": "SELECT * FROM read_csv('/etc/passwd')",
    "read_text_etc_passwd": "SELECT * FROM read_text('/etc/passwd')",
    "glob_the_root": "SELECT * FROM glob('/*')",
}

# Harmless on a read-only warehouse: DuckDB runs them, and they must change no file.
DUCKDB_RUNS_HARMLESSLY = ("CHECKPOINT", "FORCE CHECKPOINT", "VACUUM", "ANALYZE",
                          "CREATE TEMP TABLE scratch AS SELECT 1")


@pytest.fixture()
def home(place: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME is an empty directory (DuckDB resolves ~/.duckdb from it per database)."""
    monkeypatch.setenv("HOME", str(place["home"]))
    monkeypatch.chdir(place["work"])
    return place["home"]


@pytest.fixture(params=["sql", "report"])
def door(request: pytest.FixtureRequest, warehouse_path: Path, home: Path) -> Any:
    """The connection of `vnhealth sql` and the report library's cursor."""
    if request.param == "sql":
        con = open_warehouse(warehouse_path)
        yield con
        con.close()
    else:
        yield params.connect_read_only(warehouse_path)


@pytest.mark.parametrize("query", DUCKDB_REFUSES.values(), ids=DUCKDB_REFUSES.keys())
def test_duckdb_refuses_without_the_statement_check(
        door: Any, place: dict[str, Path], warehouse_path: Path, query: str) -> None:
    work = place["work"]
    before, warehouse_sha = files_under(work), sha(warehouse_path)
    with pytest.raises(duckdb.Error):
        door.execute(query.format(report=place["report"], dir=work)).fetchall()
    assert place["report"].read_bytes() == REPORT_BYTES
    assert files_under(work) == before
    assert list(place["home"].iterdir()) == [], "nothing may be written under HOME"
    assert sha(warehouse_path) == warehouse_sha


@pytest.mark.parametrize("query", DUCKDB_RUNS_HARMLESSLY)
def test_what_duckdb_runs_changes_no_file(door: Any, place: dict[str, Path],
                                          warehouse_path: Path, query: str) -> None:
    before, warehouse_sha = files_under(place["work"]), sha(warehouse_path)
    door.execute(query).fetchall()
    assert files_under(place["work"]) == before
    assert list(place["home"].iterdir()) == []
    assert sha(warehouse_path) == warehouse_sha


def test_install_is_refused_before_touching_home(door: Any, home: Path) -> None:
    # The refusal names the would-be extension directory: proof DuckDB looked under this HOME
    # (not the real one) and stopped before creating it.
    with pytest.raises(duckdb.PermissionException, match=str(home)):
        door.execute("INSTALL httpfs")
    assert not (home / ".duckdb").exists()


def test_the_settings_are_in_force_and_locked(door: Any) -> None:
    got = dict(door.execute("SELECT name, value FROM duckdb_settings()").fetchall())
    for name, value in db.LOCKED_SETTINGS.items():
        expected = str(value).lower() if isinstance(value, bool) else value
        assert got[name] == expected, name


def test_the_warehouse_is_the_only_database(door: Any) -> None:
    # No writable in-memory database to CREATE TABLE into: only the read-only warehouse.
    rows = door.execute("SELECT database_name, readonly FROM duckdb_databases() "
                        "WHERE NOT internal").fetchall()
    assert rows == [(db.ALIAS, True)]
    assert door.execute("SELECT count(*) FROM observations").fetchone()[0] > 0


def test_an_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "not_a_warehouse.duckdb"
    bad.write_text("not a database", encoding="utf-8")
    with pytest.raises(VnhealthError, match="cannot open .* read-only"):
        db.connect_read_only(bad)
