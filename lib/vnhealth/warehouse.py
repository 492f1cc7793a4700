"""Build data/warehouse.duckdb: load → extract → apply the ledger → write atomically.

All inputs are read and checked before anything is written. The database is written to a
temporary file beside the target and renamed over it only when complete and closed, so a failed
build leaves the previous warehouse untouched and no reader ever sees half a database. Before
the rename, the data checks (sql/checks/) run on the temporary file: an error-level check with
offending rows stops the build there (vnhealth.commands.check.gate).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnhealth import __version__
from vnhealth.catalog import (
    NATIONAL_FIELDS,
    Catalog,
    Document,
    LedgerEntry,
    load_catalog,
    load_manifest,
    load_national_targets,
    read_document_lines,
)
from vnhealth.commands.check import gate
from vnhealth.derive import line_pages
from vnhealth.errors import InputError, ParameterError, VnhealthError
from vnhealth.extract import (
    DocumentExtraction,
    Observation,
    Statement,
    Vocabulary,
    extract_document,
)
from vnhealth.numbers import MENTION_RE, parse_number
from vnhealth.paths import ProjectPaths
from vnhealth.text import nfc

NATIONAL_COLUMNS = tuple(f.name for f in NATIONAL_FIELDS)


@dataclass
class BuildReport:
    documents: int = 0
    statements: int = 0
    observations: int = 0
    observations_rule: int = 0
    observations_ledger: int = 0
    unmapped_statements: int = 0
    qualitative: int = 0
    bytes: int = 0
    extract_seconds: float = 0.0
    total_seconds: float = 0.0
    build_hash: str = ""
    out: str = ""
    per_document: dict[str, dict[str, int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"built {self.out} (build {self.build_hash[:12]})",
            f"  documents              {self.documents}",
            f"  numeric statements     {self.statements}",
            f"  observations           {self.observations} "
            f"({self.observations_rule} by rule, {self.observations_ledger} from the ledger)",
            f"  unmapped numeric stmts {self.unmapped_statements}",
            f"  non-numeric targets    {self.qualitative}",
            f"  extraction             {self.bytes / 1e6:.2f} MB in {self.extract_seconds:.3f} s",
        ]
        lines += [f"  warning: {w}" for w in self.warnings]
        return "\n".join(lines)


@dataclass
class Corpus:
    """Everything a warehouse is made of, extracted and checked, before it is written."""

    paths: ProjectPaths
    catalog: Catalog
    documents: list[Document]
    n_lines: dict[str, int]
    n_bytes: dict[str, int]
    extractions: dict[str, DocumentExtraction]
    national: list[dict[str, Any]]
    inputs_hash: str
    # the page of each line of a document read from a PDF or DOCX (absent for plain text)
    pages: dict[str, list[int | None]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _national_targets(paths: ProjectPaths, indicator_ids: set[str], unit_ids: set[str]
                      ) -> list[dict[str, Any]]:
    """The project's copy of the national reference, mapped to the indicator catalogue (its
    files are checked field by field in vnhealth.catalog)."""
    return [{
        "indicator_id": row["indicator_id"], "kind": row["kind"], "year": row["year"],
        "comparator": row["comparator"], "value": row["value"], "value_high": row["value_high"],
        "unit": row["unit"],
        "relative_to": "unspecified" if row["comparator"] == "relative" else None,
        "source_doc": row["source_doc"], "source_url": row["url"] or "",
        "certainty": row["certainty"] or "", "indicator_vi": row["indicator_vi"],
        "indicator_en": row["indicator_en"] or "", "source_line": line_no,
    } for line_no, row in load_national_targets(paths, indicator_ids, unit_ids)]


def _hash_inputs(paths: ProjectPaths, catalog: Catalog, docs: list[Document]) -> str:
    h = hashlib.sha256()
    h.update(__version__.encode())
    # the code that reads the inputs is part of what the warehouse is made of
    for p in sorted(Path(__file__).parent.glob("*.py")):
        h.update(p.name.encode() + p.read_bytes())
    for name in sorted(catalog.files):
        h.update(name.encode() + b"\0" + catalog.files[name])
    for doc in sorted(docs, key=lambda d: d.id):
        h.update(f"{doc.id}\0{doc.file}\0{doc.sha256}".encode())
    h.update(paths.manifest.read_bytes())
    for p in sorted(paths.reference.glob("*.csv")):
        h.update(p.name.encode() + p.read_bytes())
    if paths.sql.is_dir():
        for p in sorted(q for q in paths.sql.rglob("*") if q.suffix in (".sql", ".yaml")):
            h.update(str(p.relative_to(paths.sql)).encode() + p.read_bytes())
    return h.hexdigest()


def collect(paths: ProjectPaths) -> tuple[Corpus, float]:
    """Read and check every input, then extract. Raises InputError before any output exists."""
    catalog = load_catalog(paths)
    docs = load_manifest(paths, catalog.provinces)
    # checked before the (slower) extraction, so a bad reference file fails fast
    national = _national_targets(paths, {i.id for i in catalog.indicators}, set(catalog.units))
    vocab = Vocabulary(catalog)
    raw: dict[str, list[str]] = {}
    n_bytes: dict[str, int] = {}
    for doc in docs:
        data, lines = read_document_lines(paths, doc)
        raw[doc.id] = lines
        n_bytes[doc.id] = len(data)
    started = time.perf_counter()
    extractions = {doc.id: extract_document(vocab, doc, raw[doc.id]) for doc in docs}
    seconds = time.perf_counter() - started
    apply_ledger(paths, catalog, docs, raw, extractions)
    corpus = Corpus(paths, catalog, docs, {d: len(v) for d, v in raw.items()}, n_bytes,
                    extractions, national, _hash_inputs(paths, catalog, docs),
                    pages={d.id: line_pages(raw[d.id]) for d in docs if d.text_file},
                    warnings=unregistered_warnings(paths, docs))
    return corpus, seconds


def unregistered_warnings(paths: ProjectPaths, docs: list[Document]) -> list[str]:
    """A warning for each file in data/raw/ that no manifest entry names: a document someone
    copied in but never registered would otherwise be left out without a word."""
    listed = {paths.raw / name for d in docs for name in (d.file, d.text_file) if name}
    out = []
    for path in sorted(paths.raw.rglob("*")):
        rel = path.relative_to(paths.raw)
        if (path == paths.manifest or path in listed or not path.is_file()
                or any(part.startswith(".") for part in rel.parts)
                or path.name.upper().startswith("README")):
            continue
        out.append(f"data/raw/{rel.as_posix()} is not in {paths.relative(paths.manifest)} and "
                   f"was not read; `vnhealth add data/raw/{rel.as_posix()} --province ID` "
                   "registers it")
    return out


def _value_on_line(line: str, value: float, high: float | None) -> str | None:
    """The text of `value` (and `high`) as written on `line`, or None if it is not there."""
    for m in MENTION_RE.finditer(line):
        v1 = parse_number(m.group("num"))
        v2 = parse_number(m.group("num2")) if m.group("num2") else None
        if abs(v1 - abs(value)) < 1e-9 and (high is None or (v2 is not None
                                                          and abs(v2 - high) < 1e-9)):
            return m.group(0)
    return None


def apply_ledger(paths: ProjectPaths, catalog: Catalog, docs: list[Document],
                 raw: dict[str, list[str]], extractions: dict[str, DocumentExtraction]) -> None:
    """Apply data/catalog/ledger.yaml: add, correct or reject observations, with reasons."""
    shown = paths.relative(paths.catalog / "ledger.yaml")
    by_id = {d.id: d for d in docs}
    for entry in catalog.ledger:
        if entry.doc_id not in by_id:
            # A ledger entry for a document not in this build is skipped, not an error: the
            # benchmark corpus and partial builds use a subset of documents.
            continue
        lines = raw[entry.doc_id]
        if not 1 <= entry.line <= len(lines):
            raise InputError(f"line {entry.line} is outside {entry.doc_id} "
                             f"(1–{len(lines)})", path=shown, line=entry.ledger_line)
        ext = extractions[entry.doc_id]
        line_text = nfc(lines[entry.line - 1])
        if entry.action == "add":
            _ledger_add(entry, ext, line_text, shown)
            continue
        matches = [o for o in ext.observations
                   if o.line == entry.line and o.indicator_id == entry.indicator_id
                   and all(getattr(o, k) == v for k, v in entry.match.items())]
        if not matches:
            raise InputError(
                f"{entry.action}: no observation of {entry.indicator_id} on "
                f"{entry.doc_id} line {entry.line} matches {entry.match or '{}'}; the rules may "
                "already get it right — remove the entry", path=shown, line=entry.ledger_line)
        for o in matches:
            if entry.action == "reject":
                ext.observations.remove(o)
            else:
                for k, v in entry.fields.items():
                    setattr(o, k, v)
                # a reviewer's correction is the basis of what it corrects
                o.kind_basis = "ledger" if "kind" in entry.fields else o.kind_basis
                o.year_basis = "ledger" if "year" in entry.fields else o.year_basis
                o.source = "ledger"
                o.ledger_reason = entry.reason
                # a reviewer who corrected a quarantined value has read the line: it is released
                o.quarantine_reason = None


def _ledger_add(entry: LedgerEntry, ext: DocumentExtraction, line_text: str, shown: Path
                ) -> None:
    f = entry.fields
    value = float(f["value"])
    high = float(f["value_high"]) if f.get("value_high") is not None else None
    value_text = _value_on_line(line_text, value, high)
    if value_text is None:
        raise InputError(f"add: the value {f['value']} is not written on {entry.doc_id} line "
                         f"{entry.line}", path=shown, line=entry.ledger_line)
    for o in ext.observations:
        if (o.line == entry.line and o.indicator_id == entry.indicator_id and o.value == value
                and o.year == int(f["year"]) and o.kind == f["kind"]):
            raise InputError("add: the rules already extract this observation; remove the entry",
                             path=shown, line=entry.ledger_line)
    statement = next((s for s in ext.statements if s.line_start <= entry.line <= s.line_end),
                     None)
    if statement is None:
        statement = Statement(f"{entry.doc_id}:{entry.line}:ledger", entry.doc_id, entry.line,
                              entry.line, line_text.strip(), "ledger")
        ext.statements.append(statement)
    statement.is_mapped = True
    ext.observations.append(Observation(
        doc_id=entry.doc_id, indicator_id=entry.indicator_id, kind=f["kind"],
        year=int(f["year"]), comparator=f["comparator"], value=value, value_high=high,
        unit=f["unit"], relative_to=f.get("relative_to"), line=entry.line,
        quote=line_text.strip()[:240], value_text=value_text,
        statement_id=statement.statement_id, source="ledger", ledger_reason=entry.reason,
        match_method="ledger", match_score=None, kind_basis="ledger", year_basis="ledger",
    ))


# ---------------------------------------------------------------------------------------------
# Writing

SCHEMA = {
    "provinces": [("province_id", "VARCHAR"), ("gso_code", "VARCHAR"), ("name_vi", "VARCHAR"),
                  ("name_en", "VARCHAR"), ("level", "VARCHAR"), ("status_2025", "VARCHAR"),
                  ("successor_id", "VARCHAR"), ("effective_on", "DATE"), ("note", "VARCHAR")],
    "units": [("unit_id", "VARCHAR"), ("label_vi", "VARCHAR"), ("label_en", "VARCHAR"),
              ("dimension", "VARCHAR"), ("per", "DOUBLE")],
    "indicators": [("indicator_id", "VARCHAR"), ("name_vi", "VARCHAR"), ("name_en", "VARCHAR"),
                   ("domain", "VARCHAR"), ("unit", "VARCHAR"), ("direction", "VARCHAR"),
                   ("band_low", "DOUBLE"), ("band_high", "DOUBLE"),
                   ("plausible_low", "DOUBLE"), ("plausible_high", "DOUBLE"),
                   ("subgroup", "VARCHAR"), ("aliases", "VARCHAR")],
    "documents": [("doc_id", "VARCHAR"), ("province_id", "VARCHAR"), ("title", "VARCHAR"),
                  ("doc_number", "VARCHAR"), ("issuer", "VARCHAR"), ("issued_on", "DATE"),
                  ("issued_text", "VARCHAR"), ("period_start", "INTEGER"),
                  ("period_end", "INTEGER"), ("source_file", "VARCHAR"), ("sha256", "VARCHAR"),
                  ("text_file", "VARCHAR"), ("text_sha256", "VARCHAR"), ("text_tool", "VARCHAR"),
                  ("n_lines", "INTEGER"), ("n_bytes", "BIGINT")],
    "statements": [("statement_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("page", "INTEGER"),
                   ("line_start", "INTEGER"), ("line_end", "INTEGER"), ("text", "VARCHAR"),
                   ("is_mapped", "BOOLEAN"), ("is_numeric", "BOOLEAN"), ("shape", "VARCHAR"),
                   ("indicator_text", "VARCHAR")],
    "observations": [("obs_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("province_id", "VARCHAR"),
                     ("indicator_id", "VARCHAR"), ("kind", "VARCHAR"), ("year", "INTEGER"),
                     ("comparator", "VARCHAR"), ("value", "DOUBLE"), ("value_high", "DOUBLE"),
                     ("unit", "VARCHAR"), ("relative_to", "VARCHAR"), ("page", "INTEGER"),
                     ("line", "INTEGER"), ("quote", "VARCHAR"), ("value_text", "VARCHAR"),
                     ("statement_id", "VARCHAR"), ("source", "VARCHAR"),
                     ("ledger_reason", "VARCHAR"), ("indicator_text", "VARCHAR"),
                     ("match_method", "VARCHAR"), ("match_score", "DOUBLE"),
                     ("kind_basis", "VARCHAR"), ("year_basis", "VARCHAR")],
    "qualitative_targets": [("qual_id", "VARCHAR"), ("doc_id", "VARCHAR"),
                            ("province_id", "VARCHAR"), ("target_id", "VARCHAR"),
                            ("name_vi", "VARCHAR"), ("name_en", "VARCHAR"),
                            ("year", "INTEGER"), ("line", "INTEGER"), ("quote", "VARCHAR"),
                            ("statement_id", "VARCHAR")],
    "national_targets": [("indicator_id", "VARCHAR"), ("kind", "VARCHAR"), ("year", "INTEGER"),
                         ("comparator", "VARCHAR"), ("value", "DOUBLE"),
                         ("value_high", "DOUBLE"), ("unit", "VARCHAR"),
                         ("relative_to", "VARCHAR"), ("source_doc", "VARCHAR"),
                         ("source_url", "VARCHAR"), ("certainty", "VARCHAR"),
                         ("indicator_vi", "VARCHAR"), ("indicator_en", "VARCHAR"),
                         ("source_line", "INTEGER")],
    "build_info": [("build_hash", "VARCHAR"), ("vnhealth_version", "VARCHAR"),
                   ("n_documents", "INTEGER"), ("n_observations", "INTEGER")],
}
# Values the plausibility gate stopped (outside their indicator's plausible range, or a count
# where a rate is expected): observation rows with the reason, in a table of their own so that
# nothing reading `observations` (harmonized, comparison, views, reports, notebooks) can take
# them in by forgetting a filter; a reviewer corrects them through the ledger.
SCHEMA["quarantine"] = [*SCHEMA["observations"], ("quarantine_reason", "VARCHAR")]


def table_rows(corpus: Corpus) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in a fixed order so the same inputs give the same contents."""
    cat = corpus.catalog
    docs = sorted(corpus.documents, key=lambda d: d.id)
    province_of = {d.id: d.province_id for d in docs}
    rows: dict[str, list[tuple[Any, ...]]] = {}
    rows["provinces"] = [(p.id, p.gso_code, p.name_vi, p.name_en, p.level, p.status_2025,
                          p.successor_id, p.effective_on, p.note)
                         for p in cat.provinces.values()]
    rows["units"] = [(u.id, u.label_vi, u.label_en, u.dimension, u.per)
                     for u in cat.units.values()]
    rows["indicators"] = [
        (i.id, i.name_vi, i.name_en, i.domain, i.unit, i.direction,
         i.band[0] if i.band else None, i.band[1] if i.band else None,
         i.plausible[0] if i.plausible else None, i.plausible[1] if i.plausible else None,
         i.subgroup, " | ".join(i.aliases))
        for i in cat.indicators]
    rows["documents"] = [
        (d.id, d.province_id, d.title, d.doc_number, d.issuer, d.issued_on, d.issued_text,
         d.period_start, d.period_end, f"data/raw/{d.file}", d.sha256,
         f"data/raw/{d.text_file}" if d.text_file else None, d.text_sha256, d.text_tool,
         corpus.n_lines[d.id], corpus.n_bytes[d.id]) for d in docs]
    statements, observations, qualitative = [], [], []
    quarantine: list[tuple[Any, ...]] = []
    names = {q.id: q for q in cat.qualitative}
    for d in docs:
        ext = corpus.extractions[d.id]
        pages = corpus.pages.get(d.id)

        def page(line: int, pages: list[int | None] | None = pages) -> int | None:
            # NULL for a plain-text document: it has lines, not pages
            return pages[line - 1] if pages and 1 <= line <= len(pages) else None

        for s in sorted(ext.statements, key=lambda s: (s.line_start, s.statement_id)):
            statements.append((s.statement_id, s.doc_id, page(s.line_start), s.line_start,
                               s.line_end, s.text, s.is_mapped, s.is_numeric, s.shape,
                               s.indicator_text))
        per_line: dict[int, int] = {}
        # a year the text does not state (None) sorts first
        for o in sorted(ext.observations, key=lambda o: (o.line, o.indicator_id,
                                                         o.year or 0, o.kind, o.value)):
            per_line[o.line] = per_line.get(o.line, 0) + 1
            row = (
                f"{d.id}:{o.line}:{per_line[o.line]}", d.id, province_of[d.id], o.indicator_id,
                o.kind, o.year, o.comparator, o.value, o.value_high, o.unit, o.relative_to,
                page(o.line), o.line, o.quote, o.value_text, o.statement_id, o.source,
                o.ledger_reason, o.indicator_text, o.match_method, o.match_score, o.kind_basis,
                o.year_basis)
            if o.quarantine_reason:
                quarantine.append((*row, o.quarantine_reason))
            else:
                observations.append(row)
        for k, q in enumerate(sorted(ext.qualitative, key=lambda q: (q.line, q.target_id)), 1):
            t = names[q.target_id]
            qualitative.append((f"{d.id}:q{k}", d.id, province_of[d.id], q.target_id,
                                t.name_vi, t.name_en, q.year, q.line, q.quote, q.statement_id))
    rows["statements"] = statements
    rows["observations"] = observations
    rows["quarantine"] = quarantine
    rows["qualitative_targets"] = qualitative
    rows["national_targets"] = [
        tuple(n[c] for c, _t in SCHEMA["national_targets"]) for n in corpus.national]
    rows["build_info"] = [(corpus.inputs_hash, __version__, len(docs), len(observations))]
    return rows


def _create_views(con: Any, paths: ProjectPaths) -> None:
    """Run sql/*.sql (one view or table macro per file, named after the file), each after the
    views it uses, then store the descriptions (sql/schema.yaml, each file's header) as
    comments on the tables, views and columns. Subfolders (checks/, examples/) are not views."""
    from vnhealth.dictionary import apply_comments, load_descriptions, view_files

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
    """Load what the library's tables need; pandas alone takes about half a second."""
    import duckdb  # noqa: F401
    import pandas  # noqa: F401

    import vnhealth.harmonize  # noqa: F401


def _stop_signals() -> set[int]:
    import signal

    names = ("SIGINT", "SIGTERM", "SIGHUP")
    return {getattr(signal, n) for n in names if hasattr(signal, n)}


@contextmanager
def _stop_signals_blocked() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP while the worker is forked. A Python handler that raised
    in the middle of a fork would either be swallowed (in an at-fork callback: the build goes
    on) or unwind the child through its copy of the parent's stack. The child inherits the
    mask and lifts it once its own handlers are set (_worker_init)."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _stop_signals())
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _worker_init(parent: int) -> None:
    """Initializer of the library worker: set up how it ends, then warm up."""
    import signal

    # The fork inherits the CLI's handlers: a worker that turned SIGTERM into an exception
    # would catch it as a task failure and live on, so SIGTERM (and SIGHUP) kill it again.
    # Ctrl-C in a terminal reaches the whole process group; the build stops its worker itself,
    # so the worker ignores SIGINT rather than print a traceback of its own.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _stop_signals())  # see _stop_signals_blocked
    _die_with_parent(parent)
    _warm_library()


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _die_with_parent(parent: int) -> None:
    """Make this process end as soon as `parent` does, even when the parent is SIGKILLed.

    On Linux the kernel itself kills the worker when its parent dies (prctl PR_SET_PDEATHSIG):
    it needs nothing from the worker, so it works while the worker is deep in pandas or DuckDB
    code that holds the GIL, where a polling thread would have to wait its turn. Elsewhere (macOS
    has fork but no prctl) a daemon thread polls os.getppid() twice a second.
    """
    import signal
    import sys
    import threading

    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
        if armed:
            # the parent may have died between fork and prctl: then no signal will come
            if os.getppid() != parent:
                os._exit(1)
            return
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    # An orphan is re-parented (to init or a subreaper), so its parent id changes.
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _write_library_tables(db: str, corpus: Corpus, rows: dict[str, list[tuple[Any, ...]]]
                          ) -> None:
    """Compute harmonized_tables, add them to the (closed) database file `db`, then the views."""
    import duckdb

    tables = harmonized_tables(corpus, rows)
    con = duckdb.connect(db)
    try:
        _add_frames(con, tables)
        _create_views(con, corpus.paths)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _add_frames(con: Any, frames: dict[str, Any]) -> None:
    for name, frame in frames.items():
        con.register("new_frame", frame)
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM new_frame")
        con.unregister("new_frame")


# The storage format the warehouse is written in: the oldest DuckDB that reads it is this
# release, so the DuckDB shell (duckdb-cli, whose releases trail the library's), DBeaver and
# other tools read it without the library's version. Set when the file is created; later
# connections keep it.
STORAGE_VERSION = "v1.2.0"


class LibraryWorker:
    """Computes the library's tables in a second process that warms up during extraction.

    A build has two independent halves: reading the documents (pure Python, in this process)
    and loading pandas and the harmonization library (in a forked worker, started first). The
    worker then computes harmonized_tables from the extracted rows and writes them into the new
    database while this process waits. Without fork, everything runs here, with the same result.
    """

    def __enter__(self) -> LibraryWorker:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        self.pool = None
        if "fork" in mp.get_all_start_methods():
            self.pool = ProcessPoolExecutor(1, mp_context=mp.get_context("fork"),
                                            initializer=_worker_init, initargs=(os.getpid(),))
            try:
                with _stop_signals_blocked():
                    self.pool.submit(int)  # start (and warm) the worker now
            except BaseException:
                # a signal held during the fork is raised here, where __exit__ will not run
                self.stop()
                raise
        return self

    def write(self, db: Path, corpus: Corpus, rows: dict[str, list[tuple[Any, ...]]]) -> None:
        from dataclasses import replace

        # only what harmonized_tables reads crosses to the worker
        slim = replace(corpus, catalog=replace(corpus.catalog, files={}), extractions={},
                       national=[], n_lines={}, n_bytes={})
        if self.pool is None:
            _write_library_tables(str(db), slim, rows)
            return
        from concurrent.futures.process import BrokenProcessPool

        try:
            self.pool.submit(_write_library_tables, str(db), slim, rows).result()
        except BrokenProcessPool as exc:
            self.stop()
            raise VnhealthError("the worker process computing the library's tables ended "
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
        # ProcessPoolExecutor has no public way to end a running task (terminate_workers()
        # comes with Python 3.14); its process table is the documented-by-source way in.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        for p in processes:
            p.terminate()
        for p in processes:
            p.join(5)
            if p.is_alive():
                p.kill()
                p.join()
        pool.shutdown(wait=True, cancel_futures=True)

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        if self.pool is None:
            return
        if exc_type is not None:
            self.stop()  # the build failed or was interrupted: nothing left to wait for
        else:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _temp_path(target: Path) -> Path:
    """Where `target` is written before it is renamed into place; matches data/*.tmp*."""
    return target.with_name(f".{target.name}.tmp-{os.getpid()}")


def _pid_alive(pid: int) -> bool:
    if os.name == "nt" or pid <= 0:
        return True  # os.kill would terminate a Windows process: never guess there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # e.g. EPERM: it exists, as another user's process
    return True


def remove_stale_temps(target: Path) -> list[Path]:
    """Remove the temp files (and DuckDB WALs) left beside `target` by builds that died without
    cleaning up (SIGKILL, power loss): those whose PID is no running process. A running build's
    files are left alone. Returns the files removed."""
    import re

    pattern = re.compile(rf"\.{re.escape(target.name)}\.tmp-(\d+)(?:\.wal)?")
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return []
    removed = []
    for p in entries:
        m = pattern.fullmatch(p.name)
        if m and int(m[1]) != os.getpid() and not _pid_alive(int(m[1])):
            p.unlink(missing_ok=True)
            removed.append(p)
    return removed


def _write_failure(exc: Exception, tmp: Path, ours: list[Path]) -> str | None:
    """The OS's reason ("No space left on device") when `exc` is a failure to write the files
    (`ours`, their folders, DuckDB's writes to `tmp`), None when it is some other error (a bug,
    a bad view, a missing sql/ file), which must not be disguised as one."""
    import duckdb

    if isinstance(exc, OSError):
        mine = {str(p) for p in ours} | {str(a) for p in ours for a in p.parents}
        if exc.filename is None or str(exc.filename) in mine:
            return exc.strerror or str(exc)
        return None
    text = str(exc)
    if isinstance(exc, duckdb.IOException) or tmp.name in text:
        # DuckDB ends such messages with the OS's words: Could not write file "F": REASON
        return text.rsplit('": ', 1)[-1] if '": ' in text else text
    return None


@contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP while the warehouse and its report are renamed into
    place, so that both are replaced or neither; a signal that came meanwhile is re-sent on
    leaving. (pthread_sigmask would not do: another thread could take the signal, and the
    main thread would then run the handler between the two renames.)"""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {s: signal.signal(s, lambda n, _frame: caught.append(n))
                for s in _stop_signals()}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler if handler is not None else signal.SIG_DFL)
        for n in caught[:1]:
            signal.raise_signal(n)


def write_warehouse(corpus: Corpus, out: Path, extra_tables: dict[str, Any] | None = None,
                    *, library: LibraryWorker | None = None,
                    sidecar: tuple[Path, Callable[[], str]] | None = None,
                    warnings: list[str] | None = None) -> int:
    """Write all tables to `out` atomically. Returns the number of observations written.

    The library's tables (harmonized_tables) are computed by `library` when given, else here.
    `sidecar` is (path, text) of a file (the build report) written atomically with the
    warehouse, its text computed once the tables are written: a failure writing either leaves
    both as they were. The data checks run on the written file first: an error-level check with
    rows raises VnhealthError (nothing replaced); warning-level findings go to `warnings`. A
    failure to write (a full disk) is a VnhealthError naming the reason; no temp file is left
    either way, and those of builds that died are removed.
    """
    import duckdb

    tmp = _temp_path(out)
    side_tmp = _temp_path(sidecar[0]) if sidecar else None
    for target in (out, *([sidecar[0]] if sidecar else [])):
        remove_stale_temps(target)
    leftovers = [tmp, Path(f"{tmp}.wal"), *([side_tmp] if side_tmp else [])]
    what = f"the warehouse to {out}"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        rows = _write_tables(tmp, corpus, extra_tables, library)
        found = _run_checks(tmp, corpus.paths)
        if warnings is not None:
            warnings.extend(found)
        if sidecar and side_tmp:
            what = f"the build report to {sidecar[0]}"
            side_tmp.write_text(sidecar[1](), encoding="utf-8")
        with _signals_deferred():
            os.replace(tmp, out)
            if sidecar and side_tmp:
                os.replace(side_tmp, sidecar[0])
    except (OSError, duckdb.Error) as exc:
        reason = _write_failure(exc, tmp, [out, *leftovers, *([sidecar[0]] if sidecar else [])])
        if reason is None:
            raise
        raise VnhealthError(f"cannot write {what}: {reason}; the previous warehouse is "
                            "unchanged") from exc
    finally:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
    return len(rows["observations"])


def _run_checks(db: Path, paths: ProjectPaths) -> list[str]:
    """The gate: every check of sql/checks/ on the closed database `db`, read-only."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return gate(con, paths)
    finally:
        con.close()


def _write_tables(tmp: Path, corpus: Corpus, extra_tables: dict[str, Any] | None,
                  library: LibraryWorker | None) -> dict[str, list[tuple[Any, ...]]]:
    """Write the complete, closed database to `tmp`; returns the rows of the core tables."""
    import duckdb
    import pyarrow as pa

    for leftover in (tmp, Path(f"{tmp}.wal")):
        leftover.unlink(missing_ok=True)
    rows = table_rows(corpus)
    extra = dict(extra_tables or {})
    if library is None:
        extra = {**harmonized_tables(corpus, rows), **extra}
    con = duckdb.connect(str(tmp), config={"storage_compatibility_version": STORAGE_VERSION})
    try:
        for name, cols in SCHEMA.items():
            ddl = ", ".join(f"{c} {t}" for c, t in cols)
            con.execute(f"CREATE TABLE {name} ({ddl})")
            data = rows[name]
            if not data:
                continue
            arrays = {c: [r[k] for r in data] for k, (c, _t) in enumerate(cols)}
            arrow = pa.table(arrays)  # noqa: F841 - scanned by name below
            casts = ", ".join(f"CAST({c} AS {t})" for c, t in cols)
            con.execute(f"INSERT INTO {name} SELECT {casts} FROM arrow")
        _add_frames(con, extra)
        if library is None:
            _create_views(con, corpus.paths)
            con.execute("CHECKPOINT")
    finally:
        con.close()
    if library is not None:
        # one writer at a time: the worker adds the library's tables and the views
        library.write(tmp, corpus, rows)
    return rows


def _check_output(option: str, path: Path, example: str, *, create_parent: bool) -> None:
    def refuse(why: str) -> None:
        raise ParameterError(f"{option} {path}: {why}")

    if path.is_dir():
        refuse(f"is a directory; give the file to write, e.g. {path / example}")
    if path.exists() and not path.is_file():
        refuse(f"is not a regular file; give a file to write, e.g. {example}")
    folder = path.absolute().parent
    if not folder.is_dir():
        if not create_parent:
            refuse(f"the folder {folder} does not exist; create it, or give a file in an "
                   "existing folder")
        # the build creates missing folders: the nearest existing one must allow it
        folder = next(a for a in folder.parents if a.exists())
        if not folder.is_dir():
            refuse(f"{folder} is not a folder, so {path.parent} cannot be created; give a "
                   "file in a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        refuse(f"the folder {folder} is not writable; give a file in a folder you can write to")


def check_outputs(out: Path, report_json: Path | None = None) -> None:
    """Refuse output paths the build could not write (ParameterError), before it reads or
    replaces anything: finding out after a long extraction, or after replacing the warehouse
    but not the report, is worse."""
    _check_output("--out", out, "warehouse.duckdb", create_parent=True)
    if report_json is not None:
        if report_json.absolute() == out.absolute():
            raise ParameterError(f"--report-json {report_json}: is the warehouse (--out) itself; "
                                 "give another file, e.g. build-report.json")
        _check_output("--report-json", report_json, "build-report.json", create_parent=False)


def _build_report(corpus: Corpus, target: Path, extract_seconds: float) -> BuildReport:
    report = BuildReport(out=str(target), build_hash=corpus.inputs_hash,
                         extract_seconds=extract_seconds)
    report.documents = len(corpus.documents)
    report.warnings = list(corpus.warnings)
    for doc in corpus.documents:
        ext = corpus.extractions[doc.id]
        report.bytes += corpus.n_bytes[doc.id]
        n_rule = sum(o.source == "rule" for o in ext.observations)
        n_ledger = len(ext.observations) - n_rule
        report.statements += sum(s.is_numeric for s in ext.statements)
        report.observations_rule += n_rule
        report.observations_ledger += n_ledger
        report.unmapped_statements += sum(s.is_numeric and not s.is_mapped
                                          for s in ext.statements)
        report.qualitative += len(ext.qualitative)
        report.per_document[doc.id] = {"observations": len(ext.observations),
                                       "statements": len(ext.statements)}
    report.observations = report.observations_rule + report.observations_ledger
    return report


def build(root: Path | str | None = None, out: Path | str | None = None,
          report_json: Path | str | None = None) -> BuildReport:
    """Build the warehouse for the project at `root` (default: this repository).

    The report JSON, when asked for, is replaced together with the warehouse: a build that
    fails or is interrupted leaves the previous of both.
    """
    started = time.perf_counter()
    paths = ProjectPaths.at(root)
    target = Path(out) if out else paths.warehouse
    report_path = Path(report_json) if report_json else None
    check_outputs(target, report_path)
    with LibraryWorker() as library:
        corpus, extract_seconds = collect(paths)
        report = _build_report(corpus, target, extract_seconds)

        def report_text() -> str:
            report.total_seconds = time.perf_counter() - started
            return json.dumps(report.__dict__, indent=2, ensure_ascii=False)

        write_warehouse(corpus, target, library=library,
                        sidecar=(report_path, report_text) if report_path else None,
                        warnings=report.warnings)
    if not report_path:
        report.total_seconds = time.perf_counter() - started
    return report


def harmonized_tables(corpus: Corpus, rows: dict[str, list[tuple[Any, ...]]]
                      ) -> dict[str, Any]:
    """The tables computed by the library functions notebooks call, materialized for SQL users.

    * ``harmonized``: every province × indicator × year (× kind), :func:`harmonize.harmonize`.
    * ``comparison``: each harmonized row beside the national benchmark for its indicator and
      year, :func:`harmonize.compare`, plus the plan's nearest stated target (for years the plan
      does not reach) and a ``reform_note`` when the years involved straddle the 2025 reform.
    * ``pace``: the yearly change each plan requires, :func:`harmonize.required_pace`, beside the
      yearly change the national targets require to the same target year.
    * ``national_benchmark``: the national value each indicator × year is compared with,
      :func:`harmonize.national_benchmark` (the most recent source first).
    * ``observation_values``: each observation in its indicator's unit with relative changes
      resolved (:func:`harmonize.resolve_relative`) and its interval
      (:func:`harmonize.represent_bounds`).

    The views in ``sql/`` only join names onto these tables, so that ``vnhealth sql`` and a
    notebook give the same numbers. National values are columns, never rows of a province.
    """
    import re

    import pandas as pd

    from vnhealth.harmonize import (
        compare,
        harmonize,
        national_benchmark,
        province_lineage,
        reform_note,
        represent_bounds,
        required_pace,
        resolve_relative,
        to_indicator_units,
    )
    from vnhealth.units import UnitRegistry

    def frame(name: str) -> pd.DataFrame:
        return pd.DataFrame(rows[name], columns=[c for c, _t in SCHEMA[name]])

    # harmonized rows are province x indicator x year: a value whose year the text does not
    # state has no place there (it stays in `observations`, NULL year, for review)
    obs = frame("observations")
    obs = obs[obs["year"].notna()].reset_index(drop=True)
    obs["year"] = obs["year"].astype("int64")  # NULLs made it float; years are integers
    placeholder = obs.empty
    if placeholder:
        # A corpus without a single observation still gets these tables, empty, so that the
        # views over them can be created: their columns come from running the pipeline on one
        # placeholder row, dropped at the end.
        if not corpus.catalog.indicators or not rows["provinces"]:
            return {}
        ind = corpus.catalog.indicators[0]
        obs = pd.DataFrame([{
            **dict.fromkeys(obs.columns), "obs_id": "placeholder", "doc_id": "placeholder",
            "province_id": rows["provinces"][0][0], "indicator_id": ind.id, "kind": "target",
            "year": 2000, "comparator": "=", "value": 0.0, "unit": ind.unit, "line": 1}])
    # "most recent document" orders by issue date; undated plans by their first year
    documents = pd.DataFrame(
        [(d.id, d.issued_on or str(d.period_start)) for d in corpus.documents],
        columns=["doc_id", "issued_on"])
    years = range(int(obs["year"].min()), int(obs["year"].max()) + 1)
    registry = UnitRegistry(corpus.catalog.units)
    indicators, provinces = frame("indicators"), frame("provinces")
    table = harmonize(obs, corpus.catalog.indicators, registry, years, documents=documents)
    tables: dict[str, Any] = {"harmonized": table.reset_index(drop=True)}

    # --- the national benchmark -----------------------------------------------------------
    # Where several national documents set one indicator × year, the most recent one gives
    # `national_value`: compare() takes the first row, so rows go newest first; the date is
    # the one written in `source_doc` ("…, 09/09/2025)"), undated sources last.
    def source_date(text: Any) -> str:
        m = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", str(text or ""))
        return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}" if m else ""

    national = frame("national_targets")
    national["source_date"] = national["source_doc"].map(source_date)
    national = national.sort_values(["source_date", "source_line"], ascending=[False, True],
                                    kind="stable").reset_index(drop=True)
    tables["national_benchmark"] = national_benchmark(national, indicators, registry=registry)

    def statement(r: dict[str, Any]) -> str:
        shown = f"{r['value']:g}" + (f"–{r['value_high']:g}" if r["comparator"] == "range"
                                     else "")
        comp = "" if r["comparator"] in ("=", "range") else r["comparator"]
        return f"{comp}{shown} {r['unit']} [{r['source_doc']}]"

    statements: dict[tuple[str, int], str] = {}
    for r in national[national["kind"].eq("target")
                      & national["comparator"].ne("relative")].to_dict("records"):
        key = (r["indicator_id"], int(r["year"]))
        statements[key] = "; ".join(filter(None, [statements.get(key), statement(r)]))

    # --- comparison: every harmonized row against the benchmark of its own year --------------
    # compare() is run on the rows whose indicator × year has a national target; every other
    # row gets what compare() gives a row without one (tests check the two agree), which
    # keeps the build fast: most harmonized rows have no benchmark.
    benchmarked = pd.Series([(i, int(y)) in statements for i, y in zip(
        table["indicator_id"], table["year"], strict=True)], index=table.index)
    compared = compare(table[benchmarked], national, indicators, registry=registry)
    rest = table[~benchmarked].assign(
        direction=table.loc[~benchmarked, "indicator_id"].map(
            dict(zip(indicators["indicator_id"], indicators["direction"], strict=True))),
        assessment="no national value")
    comparison = pd.concat([compared.set_axis(table.index[benchmarked]), rest]).sort_index()
    for col in compared.columns:
        comparison[col] = comparison[col].astype(compared[col].dtype)
    key = ["province_id", "indicator_id", "year"]
    # One row per province × indicator × year is "primary" for views: the plan's target before
    # a milestone, before what was achieved.
    preference = {"target": 0, "trajectory": 1, "actual": 2, "baseline": 3}
    order = comparison["kind"].map(preference).fillna(len(preference))
    first = comparison.assign(_o=order).sort_values([*key, "_o"], kind="stable")
    comparison["is_primary"] = False
    comparison.loc[first.drop_duplicates(key).index, "is_primary"] = True
    comparison["national_statements"] = [
        statements.get((i, int(y))) for i, y in zip(comparison["indicator_id"],
                                                    comparison["year"], strict=True)]

    # The nearest year for which the plan states a target (or milestone): for a year the plan
    # does not reach (Lào Cai's 2024 plan in 2030) the value stays `missing`, never carried,
    # and the nearest stated target is shown beside it, compared and noted explicitly.
    stated = table[table["method"].eq("stated") & table["kind"].isin(["target", "trajectory"])
                   & table["value"].notna()]
    stated = stated.assign(_o=stated["kind"].map(preference)).sort_values(
        [*key, "_o"], kind="stable").drop_duplicates(key)
    points: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in stated.to_dict("records"):
        points.setdefault((r["province_id"], r["indicator_id"]), []).append(r)
    near_cols = ["nearest_year", "nearest_kind", "nearest_value", "nearest_comparator"]
    near: list[tuple[Any, ...]] = []
    for p, i, y in zip(comparison["province_id"], comparison["indicator_id"],
                       comparison["year"], strict=True):
        cands = points.get((p, i))
        if not cands:
            near.append((None, None, None, None))
            continue
        # ties go to the earlier year: what the plan has already stated
        best = min(cands, key=lambda r, y=int(y): (abs(int(r["year"]) - y), int(r["year"])))
        near.append((int(best["year"]), best["kind"], float(best["value"]), best["comparator"]))
    nearest = pd.DataFrame(near, columns=near_cols, index=comparison.index)
    comparison[near_cols] = nearest
    comparison["nearest_year"] = comparison["nearest_year"].astype("Int64")
    # Only rows with both a nearest target and a national value can have a gap; comparing
    # just those keeps the build fast and gives the same numbers.
    both = comparison["nearest_value"].notna() & comparison["national_value"].notna()
    cross = compare(
        comparison.loc[both, ["province_id", "indicator_id", "year", "unit"]].assign(
            value=comparison.loc[both, "nearest_value"],
            comparator=comparison.loc[both, "nearest_comparator"]),
        national, indicators, registry=registry)
    comparison["nearest_gap"] = pd.Series(cross["gap"].to_numpy(),
                                          index=comparison.index[both]).astype("float64")
    comparison["nearest_ahead"] = pd.Series(cross["ahead"].to_numpy(),
                                            index=comparison.index[both]).astype("boolean")

    # A note whenever the years a row involves (its own, its interpolation anchors, its nearest
    # stated target) lie on both sides of the 2025 reform for its province.
    # reform_note() depends on a year only through its side of the province's change date
    # (before, that year, after), so each year is first mapped to one representative of its
    # side: a handful of calls instead of one per row.
    changed = {r["province_id"]: r["effective_on"].year
               for r in province_lineage(provinces).to_dict("records")
               if r["change"] != "unchanged" and not pd.isna(r["effective_on"])}
    notes: dict[tuple[str, int, int], str | None] = {}

    def note(province_id: str, involved: list[Any]) -> str | None:
        if province_id not in changed:
            return None
        when = changed[province_id]
        ys = [when + (int(v) > when) - (int(v) < when) for v in involved
              if v is not None and not pd.isna(v)]
        k = (province_id, min(ys), max(ys))
        if k not in notes:
            notes[k] = reform_note(province_id, k[1], k[2], provinces)
        return notes[k]

    comparison["reform_note"] = [
        note(p, [y, a, b, n]) for p, y, a, b, n in zip(
            comparison["province_id"], comparison["year"], comparison["anchor_year_before"],
            comparison["anchor_year_after"], comparison["nearest_year"], strict=True)]
    tables["comparison"] = comparison.reset_index(drop=True)

    # --- pace: the yearly change a plan requires, next to the national one -------------------
    resolved = resolve_relative(to_indicator_units(obs, corpus.catalog.indicators, registry),
                                documents=documents)
    # Only the columns required_pace() reads: it walks each province × indicator's rows, and
    # fewer columns make that walk markedly faster.
    needed = ["obs_id", "doc_id", "province_id", "indicator_id", "kind", "year", "comparator",
              "value", "value_high", "unit", "relative_to", "line", "derived_from_relative",
              "relative_base_obs_id"]
    pace = required_pace(resolved[[c for c in needed if c in resolved.columns]],
                         provinces=provinces, documents=documents)
    absolute = represent_bounds(resolved[~resolved["relative_unresolved"].to_numpy()])
    tables["observation_values"] = absolute.assign(value=absolute["value_repr"])[
        ["obs_id", "doc_id", "province_id", "indicator_id", "kind", "year", "comparator",
         "value", "value_low", "value_high", "unit", "line", "derived_from_relative",
         "relative_rule"]].sort_values(["province_id", "indicator_id", "year", "line"],
                                       kind="stable").reset_index(drop=True)
    # The national pace to the province's target year: vnhealth.pace.national_pace, the rule
    # the reports use too (from the latest national `actual` before that year to the national
    # benchmark for that year).
    from vnhealth.pace import NATIONAL_PACE_COLUMNS, national_pace, representative

    nat = national[national["comparator"].ne("relative") & national["kind"].eq("actual")]
    nat = to_indicator_units(nat.assign(doc_id=nat["source_doc"], obs_id=nat["source_line"]),
                             indicators, registry)
    actuals: dict[str, list[dict[str, Any]]] = {}
    for r in nat.to_dict("records"):
        actuals.setdefault(r["indicator_id"], []).append(
            {"year": r["year"], "source_doc": r["source_doc"], "source_date": r["source_date"],
             "value": representative(r["comparator"], r["value"], r["value_high"])})
    doc_of_line = dict(zip(national["source_line"], national["source_doc"], strict=True))
    bench = {(r["indicator_id"], int(r["year"])): {
        "value": r["national_value"], "source_doc": doc_of_line.get(r["source_line"])}
        for r in tables["national_benchmark"].to_dict("records")}
    found = [national_pace(bench.get((i, int(y))), actuals.get(i, []), int(y))
             if not pd.isna(y) else None
             for i, y in zip(pace["indicator_id"], pace["target_year"], strict=True)]
    for column in NATIONAL_PACE_COLUMNS:
        if column == "national_source":
            pace[column] = [None if f is None else f[column] for f in found]
        else:
            pace[column] = pd.array([None if f is None else f[column] for f in found],
                                    dtype="Int64" if column == "national_baseline_year"
                                    else "Float64")
    direction = pace["indicator_id"].map(dict(zip(indicators["indicator_id"],
                                                  indicators["direction"], strict=True)))
    pace["direction"] = direction
    sign = direction.map({"higher_is_better": 1.0, "lower_is_better": -1.0})
    mine = pd.to_numeric(pace["pace_per_year"]) * sign
    theirs = pd.to_numeric(pace["national_pace_per_year"]) * sign
    # "steeper": the plan asks for more yearly progress, in the indicator's good direction,
    # than the national targets do; NA for band indicators or without both paces.
    pace["steeper_than_national"] = pd.array(
        [None if pd.isna(a) or pd.isna(b) else bool(a > b) for a, b in zip(mine, theirs,
                                                                           strict=True)],
        dtype="boolean")
    pace["pace_status"] = [
        "no baseline stated" if pd.isna(by) else "no target stated" if pd.isna(ty)
        else "target not after baseline" if ty <= by else "ok"
        for by, ty in zip(pace["baseline_year"], pace["target_year"], strict=True)]
    tables["pace"] = pace.reset_index(drop=True)
    if placeholder:
        tables = {name: df.iloc[0:0].copy() for name, df in tables.items()}
    # A text column that happens to hold only NULLs must still be VARCHAR in the warehouse,
    # not DuckDB's NULL type: the schema should not depend on the data.
    for df in tables.values():
        for col in df.columns:
            if pd.api.types.infer_dtype(df[col], skipna=True) in ("string", "empty"):
                df[col] = df[col].astype("string")
    return tables
