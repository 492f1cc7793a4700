"""Shared fixtures: one warehouse built from the repository's real inputs per test session."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from vnhealth.warehouse import BuildReport, build

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    """Build the warehouse from the real documents into a temporary file (never the repo's)."""
    out = tmp_path_factory.mktemp("warehouse") / "warehouse.duckdb"
    report = build(REPO_ROOT, out)
    return out, report


@pytest.fixture(scope="session")
def warehouse_path(built: tuple[Path, BuildReport]) -> Path:
    return built[0]


@pytest.fixture()
def con(warehouse_path: Path):
    """A read-only connection to the session's warehouse."""
    connection = duckdb.connect(str(warehouse_path), read_only=True)
    yield connection
    connection.close()
