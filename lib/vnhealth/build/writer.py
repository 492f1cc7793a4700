"""Writing the warehouse file: every table of sql/schema.yaml, the rows, the derived tables, the
views and their comments, then the data checks on the closed file.

It runs in the build's library worker (LibraryWorker), a process forked before the build reads
anything: it loads DuckDB, pandas and the harmonization library, and makes the empty warehouse,
while the build extracts the documents. This module imports nothing of the extraction, so the
worker can be started first (vnhealth.cli.main) and carries none of it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from vnhealth.build.checks import gate
from vnhealth.build.workers import stop_signals_blocked, terminate_pool, worker_signals
from vnhealth.harmonize.derived_inputs import DerivedInputs
from vnhealth.inputs.errors import InputError, VnhealthError
from vnhealth.inputs.paths import ProjectPaths
from vnhealth.inputs.schema import Schema, TableSpec, project_schema


def _create_views(con: Any, paths: ProjectPaths) -> None:
    """Run sql/*.sql (one view or table macro per file, named after the file), each after the
    views it uses, then store the descriptions (sql/schema.yaml, each file's header) as
    comments on the tables, views and columns. Subfolders (checks/, examples/) are not views."""
    from vnhealth.build.sqlfiles import apply_comments, load_descriptions, view_files

    if not paths.sql.is_dir():
        return
    files = view_files(paths.sql, paths.root)
    for f in files:
        try:
            con.execute(f.sql)
        except Exception as exc:  # duckdb raises several error types
            raise InputError(f"view definition failed: {exc}",
                             path=paths.relative(f.path)) from exc
    # One catalogue query for all files (listing DuckDB's functions is not cheap).
    created = {name for (name,) in con.execute(
        "SELECT view_name FROM duckdb_views() WHERE NOT internal UNION ALL "
        "SELECT function_name FROM duckdb_functions() WHERE function_type = 'table_macro' "
        "AND NOT internal").fetchall()}
    for f in files:
        if f.name not in created:
            raise InputError(f"must create a view or table macro named {f.name} (one per "
                             "file, named after the file)", path=paths.relative(f.path))
    apply_comments(con, load_descriptions(paths))


def _warm_library() -> None:
    """Load what writing the warehouse needs; pandas alone takes about half a second (DuckDB
    loads it to insert rows from Arrow, so writing in the build's own process would too)."""
    import duckdb  # noqa: F401
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401

    import vnhealth.harmonize.derived  # noqa: F401


# The library worker warms up while the documents are extracted, on both cores for a large
# build: at this niceness it takes the time extraction leaves (its later work runs while the
# build waits for it, so nothing competes then).
WARM_NICENESS = 10


def _worker_init(parent: int) -> None:
    """Initializer of the library worker: set up how it ends, then warm up."""
    worker_signals(parent)
    with contextlib.suppress(OSError, AttributeError):  # no nice() outside POSIX
        os.nice(WARM_NICENESS)
    _warm_library()


# The worker's empty warehouse, made while the documents are extracted (LibraryWorker.prepare),
# by path: it stays open in the worker until make_database fills it.
_PREPARED: dict[str, Any] = {}


def _new_database(db: str, paths: ProjectPaths) -> Any:
    """An open, empty warehouse at `db`: every table of sql/schema.yaml, the views and their
    comments. None of it depends on the documents."""
    import duckdb

    for leftover in (Path(db), Path(f"{db}.wal")):
        leftover.unlink(missing_ok=True)
    con = duckdb.connect(db, config={"storage_compatibility_version": STORAGE_VERSION})
    try:
        for spec in project_schema(paths).tables.values():
            con.execute(spec.ddl())
        _create_views(con, paths)
    except BaseException:
        con.close()
        raise
    return con


def _prepare_database(db: str, paths: ProjectPaths) -> None:
    _PREPARED[db] = _new_database(db, paths)


def make_database(db: str, rows: dict[str, list[dict[str, Any]]], inputs: DerivedInputs,
                   paths: ProjectPaths) -> list[str]:
    """Fill the warehouse at `db` (prepared, or made now) with the core rows and the derived
    tables computed from `inputs`, close it, then run the checks on it; returns their
    warnings."""
    schema = inputs.schema
    con = _PREPARED.pop(db, None) or _new_database(db, paths)
    try:
        for spec in schema.in_layers("catalogue", "extracted", "reference", "build"):
            _insert_rows(con, spec, rows.pop(spec.name, None) or [])
        if rows:
            raise VnhealthError(f"tables {sorted(rows)} are not declared in sql/schema.yaml")
        _insert_frames(con, schema, _derived(inputs))
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return _run_checks(Path(db), paths)


def _insert_frames(con: Any, schema: Schema, frames: dict[str, Any]) -> None:
    """Insert each derived table's frame (none: the table stays empty)."""
    for spec in schema.in_layers("derived"):
        frame = frames.get(spec.name)
        if frame is None:
            continue
        _same_columns(spec.name, list(frame.columns), spec.names)
        con.register("new_frame", frame)
        con.execute(f"INSERT INTO {spec.name} SELECT {spec.casts()} FROM new_frame")
        con.unregister("new_frame")


def _same_columns(table: str, produced: list[str], declared: list[str]) -> None:
    """The build produced exactly the columns sql/schema.yaml declares (a code error if not)."""
    if sorted(produced) != sorted(declared):
        raise VnhealthError(
            f"table {table}: the build produced columns that sql/schema.yaml does not declare "
            f"{sorted(set(produced) - set(declared))} and not those it declares "
            f"{sorted(set(declared) - set(produced))}")


# The storage format the warehouse is written in: the oldest DuckDB that reads it is this
# release, so the DuckDB shell (duckdb-cli, whose releases trail the library's), DBeaver and
# other tools read it without the library's version. Set when the file is created; later
# connections keep it.
STORAGE_VERSION = "v1.2.0"


class LibraryWorker:
    """Writes the warehouse in a second process that warms up during extraction.

    A build has two independent halves: reading the documents (pure Python, in this process)
    and loading DuckDB, pandas and the harmonization library (in a forked worker, started
    first). The worker then writes the database from the extracted rows: the core tables, the
    derived ones (vnhealth.harmonize.derived), the views, and runs the checks on it. Without
    fork, everything runs here, with the same result.
    """

    def __enter__(self) -> LibraryWorker:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        self.pool = None
        self.prepared: tuple[Path, Any] | None = None  # the warehouse prepare() began, its task
        if "fork" in mp.get_all_start_methods():
            self.pool = ProcessPoolExecutor(1, mp_context=mp.get_context("fork"),
                                            initializer=_worker_init, initargs=(os.getpid(),))
            try:
                with stop_signals_blocked():
                    self.pool.submit(int)  # start (and warm) the worker now
            except BaseException:
                # a signal held during the fork is raised here, where __exit__ will not run
                self.stop()
                raise
        return self

    def prepare(self, db: Path, paths: ProjectPaths) -> None:
        """Start making the empty warehouse `db` (tables, views, comments) in the worker, while
        this process extracts the documents; make() fills it."""
        if self.pool is not None:
            self.prepared = (db, self.pool.submit(_prepare_database, str(db), paths))

    def make(self, db: Path, rows: dict[str, list[dict[str, Any]]], inputs: DerivedInputs,
             paths: ProjectPaths) -> list[str]:
        """Write the database `db` and run the checks on it (make_database), in the worker;
        returns the checks' warnings."""
        if self.pool is None:
            return make_database(str(db), rows, inputs, paths)
        from concurrent.futures.process import BrokenProcessPool

        try:
            if self.prepared is not None:
                self.prepared[1].result()  # a view that failed is reported here
            return self.pool.submit(make_database, str(db), rows, inputs, paths).result()
        except BrokenProcessPool as exc:
            self.stop()
            raise VnhealthError("the worker process writing the warehouse ended "
                                "unexpectedly (out of memory, or killed?); the previous "
                                "warehouse is unchanged") from exc
        except BaseException:
            # Interrupted (Ctrl-C, SIGTERM) or failed: the worker must be gone before the
            # caller deletes the file it may still be writing.
            self.stop()
            raise

    def stop(self) -> None:
        """End the worker now, without waiting for the task it is running."""
        if self.pool is None:
            return
        pool, self.pool = self.pool, None
        terminate_pool(pool)

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        if self.pool is None:
            return
        if exc_type is None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            return
        self.stop()  # the build failed or was interrupted: nothing left to wait for
        if self.prepared is not None:  # the worker's warehouse, if it began one, is not wanted
            for leftover in (self.prepared[0], Path(f"{self.prepared[0]}.wal")):
                leftover.unlink(missing_ok=True)


def _run_checks(db: Path, paths: ProjectPaths) -> list[str]:
    """The gate: every check of sql/checks/ on the closed database `db`, read-only."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return gate(con, paths)
    finally:
        con.close()


def _derived(inputs: DerivedInputs) -> dict[str, Any]:
    from vnhealth.harmonize.derived import derived_tables

    return derived_tables(inputs)


def _insert_rows(con: Any, spec: TableSpec, data: list[dict[str, Any]]) -> None:
    """Insert a core table's rows, column by column."""
    import pyarrow as pa

    if not data:
        return
    _same_columns(spec.name, list(data[0]), spec.names)
    arrow = pa.table({c: [r[c] for r in data] for c in spec.names})  # noqa: F841 - by name
    con.execute(f"INSERT INTO {spec.name} SELECT {spec.casts()} FROM arrow")
