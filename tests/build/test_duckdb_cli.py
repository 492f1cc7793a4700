"""The README's DuckDB shell route: `.venv/bin/duckdb -readonly data/warehouse.duckdb` reads the
warehouse the build writes. The shell (the `duckdb-cli` package) trails the library, so this
holds only while the build writes a storage version the shell knows (STORAGE_VERSION)."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import pytest

from vnhealth.build.db import connect_read_only
from vnhealth.build.writer import STORAGE_VERSION

REPO = Path(__file__).resolve().parents[2]


def duckdb_shell() -> Path:
    """The DuckDB shell installed next to this Python (the venv's bin/)."""
    path = Path(sys.executable).parent / "duckdb"
    if not path.is_file():
        pytest.fail(f"the DuckDB shell is missing at {path}: run `make setup` to install the "
                    "locked environment (it includes the duckdb-cli package)")
    return path


def shell(db: Path, *queries: str) -> list[str]:
    """Each query's single value, as the shell prints it (CSV, no header)."""
    args = [a for q in queries for a in ("-c", q)]
    result = subprocess.run([str(duckdb_shell()), "-readonly", str(db), "-csv", "-noheader",
                             *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"duckdb shell failed on {db}: {result.stderr}"
    return result.stdout.splitlines()


def pinned(package: str) -> str:
    """The version requirements.lock pins for ``package``."""
    text = (REPO / "requirements.lock").read_text(encoding="utf-8")
    m = re.search(rf"^{re.escape(package)}==([^\s\\]+)", text, flags=re.MULTILINE)
    assert m, f"requirements.lock pins no {package}"
    return m[1]


@pytest.mark.parametrize("package", ["duckdb", "duckdb-cli"])
def test_installed_duckdb_packages_are_the_locked_ones(package: str) -> None:
    assert importlib.metadata.version(package) == pinned(package), (
        f"{package} differs from requirements.lock: run `make setup`")


def test_the_shell_is_the_duckdb_cli_package() -> None:
    out = subprocess.run([str(duckdb_shell()), "--version"], capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.startswith(f"v{importlib.metadata.version('duckdb-cli')} "), out.stdout


def test_the_shell_counts_what_the_library_reads(warehouse_path: Path) -> None:
    con = connect_read_only(warehouse_path)
    try:
        expected = con.execute("SELECT count(*) FROM observations").fetchone()[0]
    finally:
        con.close()
    assert expected > 0
    assert shell(warehouse_path, "SELECT count(*) FROM observations") == [str(expected)]


def test_the_file_is_written_in_a_storage_version_the_shell_reads(warehouse_path: Path) -> None:
    # DuckDB tags a file with the oldest version that reads it, e.g. "v1.2.0+".
    query = ("SELECT tags['storage_version'] FROM duckdb_databases() "
             "WHERE database_name = current_database()")
    assert shell(warehouse_path, query) == [f"{STORAGE_VERSION}+"]
