"""Shared fixtures: one warehouse built from the repository's real inputs per test session."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from vnhealth.build.warehouse import BuildReport, build

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


# Which tests `make test-fast` leaves out, by module (one place, not a mark in every file):
# those that drive headless Chromium (`browser`), and those that render notebooks, build many
# warehouses or run whole pipelines in subprocesses (`slow`). `make test` runs everything.
BROWSER_MODULES = frozenset({"test_browser", "test_print", "test_explorer", "test_site"})
SLOW_MODULES = frozenset({  # over about 5 s each in `pytest --durations=0` (2 cores)
    "test_cli", "test_bad_inputs", "test_sql_door", "test_render", "test_render_exits",
    "test_add", "test_review", "test_build_exits", "test_extract_scaling", "test_check_gate",
    "test_real_dev", "test_brief", "test_duckdb_cli", "test_notebooks", "test_warehouse",
    "test_export", "test_harmonize",
})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        module = Path(str(item.fspath)).stem
        if module in BROWSER_MODULES:
            item.add_marker(pytest.mark.browser)
        if module in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
