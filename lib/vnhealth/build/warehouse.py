"""Build data/warehouse.duckdb: load → extract → apply the ledger → write atomically.

All inputs are read and checked before anything is written. The database is written to a
temporary file beside the target and renamed over it only when complete and closed, so a failed
build leaves the previous warehouse untouched and no reader ever sees half a database. Before
the rename, the data checks (sql/checks/) run on the temporary file: an error-level check with
offending rows stops the build there (vnhealth.build.checks.gate).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnhealth import __version__
from vnhealth.build.sources import PACKAGE_DIR, build_sources
from vnhealth.build.workers import extract_all, extraction_processes, stop_signals
from vnhealth.build.writer import LibraryWorker, make_database
from vnhealth.extract import (
    DocumentExtraction,
    Observation,
    Statement,
    Vocabulary,
)
from vnhealth.extract.numbers import MENTION_RE, NUMBER, mention_number, parse_number
from vnhealth.extract.records import DOCUMENT_PROVINCE, NAMED_PROVINCE
from vnhealth.harmonize.derived_inputs import DerivedInputs
from vnhealth.inputs.catalog import (
    Catalog,
    Document,
    LedgerEntry,
    load_catalog,
    load_manifest,
    load_national_targets,
    read_document_lines,
)
from vnhealth.inputs.derive import line_pages
from vnhealth.inputs.errors import InputError, ParameterError, VnhealthError
from vnhealth.inputs.paths import ProjectPaths
from vnhealth.inputs.schema import project_schema
from vnhealth.inputs.text import nfc


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
    extract_seconds: float = 0.0  # wall time of the extraction
    extract_processes: int = 1  # processes that shared it (vnhealth.build.workers)
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
            f"  extraction             {self.bytes / 1e6:.2f} MB in {self.extract_seconds:.3f} s"
            + (f" ({self.extract_processes} processes)" if self.extract_processes > 1 else ""),
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
    files are checked field by field in vnhealth.inputs.catalog)."""
    return [{
        "indicator_id": row["indicator_id"], "kind": row["kind"], "year": row["year"],
        "comparator": row["comparator"], "value": row["value"], "value_high": row["value_high"],
        "unit": row["unit"],
        "relative_to": "unspecified" if row["comparator"] == "relative" else None,
        "source_doc": row["source_doc"], "source_url": row["url"] or "",
        "certainty": row["certainty"] or "", "indicator_vi": row["indicator_vi"],
        "indicator_en": row["indicator_en"] or "", "source_line": line_no,
        "issued_on": row["issued_on"],
    } for line_no, row in load_national_targets(paths, indicator_ids, unit_ids)]


def _hash_inputs(paths: ProjectPaths, catalog: Catalog, docs: list[Document]) -> str:
    h = hashlib.sha256()
    h.update(__version__.encode())
    # the code that makes the warehouse is part of what it is made of (not the report code)
    for p in build_sources():
        h.update(p.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + p.read_bytes())
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
    extractions = extract_all(vocab, docs, raw, n_bytes)
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


_NUMERATOR_RE = re.compile(rf"(?<![\d.,/])({NUMBER})(?=\s*/\s*\d)")


def _value_on_line(line: str, value: float, high: float | None) -> str | None:
    """The text of `value` (and `high`) as written on `line`, or None if it is not there."""
    for m in MENTION_RE.finditer(line):
        _, v1 = mention_number(m)
        v2 = parse_number(m.group("num2")) if m.group("num2") else None
        if abs(v1 - abs(value)) < 1e-9 and (high is None or (v2 is not None
                                                          and abs(v2 - high) < 1e-9)):
            return m.group(0)
    if high is None:
        # "89/100.000 dân": a rate's number written over its denominator
        for m in _NUMERATOR_RE.finditer(line):
            if abs(parse_number(m.group(1)) - abs(value)) < 1e-9:
                return m.group(1)
    return None


def apply_ledger(paths: ProjectPaths, catalog: Catalog, docs: list[Document],
                 raw: dict[str, list[str]], extractions: dict[str, DocumentExtraction]) -> None:
    """Apply data/catalog/ledger.yaml: add, correct or reject observations, or dismiss a
    statement, with reasons."""
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
        if entry.action == "dismiss":
            _ledger_dismiss(entry, ext, shown)
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


def _ledger_dismiss(entry: LedgerEntry, ext: DocumentExtraction, shown: Path) -> None:
    """Mark the numeric statements on the entry's line as read by a reviewer and stating no
    indicator's value; an entry whose line holds none is stale and refused."""
    found = [s for s in ext.statements
             if s.is_numeric and s.line_start <= entry.line <= s.line_end]
    if not found:
        raise InputError(f"dismiss: {entry.doc_id} line {entry.line} holds no numeric statement "
                         "(the document or the rules changed?); remove the entry or give the "
                         "line the statement starts on", path=shown, line=entry.ledger_line)
    for statement in found:
        statement.dismissed_reason = entry.reason


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
                and o.year == _ledger_year(f) and o.kind == f["kind"]):
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
        year=_ledger_year(f), comparator=f["comparator"], value=value, value_high=high,
        unit=f["unit"], relative_to=f.get("relative_to"), line=entry.line,
        quote=line_text.strip()[:240], value_text=value_text,
        statement_id=statement.statement_id, source="ledger", ledger_reason=entry.reason,
        match_method="ledger", match_score=None, kind_basis="ledger",
        year_basis="ledger" if _ledger_year(f) is not None else "not stated (ledger)",
    ))


def _ledger_year(fields: dict) -> int | None:
    """A ledger entry's year; none when the text states none (a reviewer does not guess one)."""
    return int(fields["year"]) if fields.get("year") is not None else None


# ---------------------------------------------------------------------------------------------
# Writing: each core table's rows, keyed by the column names sql/schema.yaml declares


def _catalogue_rows(corpus: Corpus) -> dict[str, list[dict[str, Any]]]:
    cat = corpus.catalog
    return {
        "provinces": [{"province_id": p.id, "gso_code": p.gso_code, "name_vi": p.name_vi,
                       "name_en": p.name_en, "level": p.level, "status_2025": p.status_2025,
                       "successor_id": p.successor_id, "effective_on": p.effective_on,
                       "note": p.note} for p in cat.provinces.values()],
        "units": [{"unit_id": u.id, "label_vi": u.label_vi, "label_en": u.label_en,
                   "dimension": u.dimension, "per": u.per} for u in cat.units.values()],
        "indicators": [{
            "indicator_id": i.id, "name_vi": i.name_vi, "name_en": i.name_en,
            "domain": i.domain, "unit": i.unit, "direction": i.direction,
            "band_low": i.band[0] if i.band else None,
            "band_high": i.band[1] if i.band else None,
            "plausible_low": i.plausible[0] if i.plausible else None,
            "plausible_high": i.plausible[1] if i.plausible else None,
            "subgroup": i.subgroup, "aliases": " | ".join(i.aliases)} for i in cat.indicators],
    }


def _document_row(corpus: Corpus, d: Document) -> dict[str, Any]:
    return {"doc_id": d.id, "province_id": d.province_id, "title": d.title,
            "doc_number": d.doc_number, "issuer": d.issuer, "issued_on": d.issued_on,
            "issued_text": d.issued_text, "period_start": d.period_start,
            "period_end": d.period_end, "source_file": f"data/raw/{d.file}", "sha256": d.sha256,
            "text_file": f"data/raw/{d.text_file}" if d.text_file else None,
            "text_sha256": d.text_sha256, "text_tool": d.text_tool,
            "n_lines": corpus.n_lines[d.id], "n_bytes": corpus.n_bytes[d.id]}


def _statement_row(s: Statement, page: int | None) -> dict[str, Any]:
    return {"statement_id": s.statement_id, "doc_id": s.doc_id, "page": page,
            "line_start": s.line_start, "line_end": s.line_end, "text": s.text,
            "is_mapped": s.is_mapped, "is_numeric": s.is_numeric, "shape": s.shape,
            "indicator_text": s.indicator_text, "dismissed_reason": s.dismissed_reason}


def _observation_row(obs_id: str, d: Document, o: Observation, page: int | None
                     ) -> dict[str, Any]:
    return {"obs_id": obs_id, "doc_id": d.id, "province_id": o.province_named or d.province_id,
            "province_basis": NAMED_PROVINCE if o.province_named else DOCUMENT_PROVINCE,
            "indicator_id": o.indicator_id, "kind": o.kind, "year": o.year,
            "comparator": o.comparator, "value": o.value, "value_high": o.value_high,
            "unit": o.unit, "relative_to": o.relative_to, "page": page, "line": o.line,
            "quote": o.quote, "value_text": o.value_text, "statement_id": o.statement_id,
            "source": o.source, "ledger_reason": o.ledger_reason,
            "indicator_text": o.indicator_text, "match_method": o.match_method,
            "match_score": o.match_score, "kind_basis": o.kind_basis,
            "year_basis": o.year_basis}


def _document_tables(corpus: Corpus, d: Document, rows: dict[str, list[dict[str, Any]]]
                     ) -> None:
    """Append one document's statements, observations (or quarantine) and qualitative targets."""
    ext = corpus.extractions[d.id]
    pages = corpus.pages.get(d.id)

    def page(line: int) -> int | None:
        # NULL for a plain-text document: it has lines, not pages
        return pages[line - 1] if pages and 1 <= line <= len(pages) else None

    for s in sorted(ext.statements, key=lambda s: (s.line_start, s.statement_id)):
        rows["statements"].append(_statement_row(s, page(s.line_start)))
    per_line: dict[int, int] = {}
    # a year the text does not state (None) sorts first
    for o in sorted(ext.observations, key=lambda o: (o.line, o.indicator_id, o.year or 0,
                                                     o.kind, o.value)):
        per_line[o.line] = per_line.get(o.line, 0) + 1
        row = _observation_row(f"{d.id}:{o.line}:{per_line[o.line]}", d, o, page(o.line))
        if o.quarantine_reason:
            rows["quarantine"].append({**row, "quarantine_reason": o.quarantine_reason})
        else:
            rows["observations"].append(row)
    names = {q.id: q for q in corpus.catalog.qualitative}
    for k, q in enumerate(sorted(ext.qualitative, key=lambda q: (q.line, q.target_id)), 1):
        t = names[q.target_id]
        rows["qualitative_targets"].append({
            "qual_id": f"{d.id}:q{k}", "doc_id": d.id, "province_id": d.province_id,
            "target_id": q.target_id, "name_vi": t.name_vi, "name_en": t.name_en,
            "year": q.year, "line": q.line, "quote": q.quote, "statement_id": q.statement_id})


def table_rows(corpus: Corpus) -> dict[str, list[dict[str, Any]]]:
    """Every core table's rows, in a fixed order so the same inputs give the same contents."""
    docs = sorted(corpus.documents, key=lambda d: d.id)
    rows: dict[str, list[dict[str, Any]]] = {
        **_catalogue_rows(corpus), "documents": [_document_row(corpus, d) for d in docs],
        "statements": [], "observations": [], "quarantine": [], "qualitative_targets": []}
    for d in docs:
        _document_tables(corpus, d, rows)
    rows["national_targets"] = list(corpus.national)
    rows["build_info"] = [{"build_hash": corpus.inputs_hash, "vnhealth_version": __version__,
                           "n_documents": len(docs),
                           "n_observations": len(rows["observations"])}]
    return rows


def derived_inputs(corpus: Corpus, rows: dict[str, list[dict[str, Any]]]) -> DerivedInputs:
    """What the derived tables are computed from (plain rows: they cross to the worker)."""
    return DerivedInputs(
        schema=project_schema(corpus.paths), observations=rows["observations"],
        national_targets=rows["national_targets"], provinces=rows["provinces"],
        indicators=rows["indicators"], documents=rows["documents"],
        catalog_indicators=corpus.catalog.indicators, units=corpus.catalog.units)


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
                for s in stop_signals()}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler if handler is not None else signal.SIG_DFL)
        for n in caught[:1]:
            signal.raise_signal(n)


def write_warehouse(corpus: Corpus, out: Path, *, library: LibraryWorker | None = None,
                    sidecar: tuple[Path, Callable[[], str]] | None = None,
                    warnings: list[str] | None = None) -> int:
    """Write all tables to `out` atomically. Returns the number of observations written.

    The derived tables (vnhealth.harmonize.derived) are computed by `library` when given, else here.
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
        n_observations, found = _write_tables(tmp, corpus, library)
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
    return n_observations


def _write_tables(tmp: Path, corpus: Corpus, library: LibraryWorker | None
                  ) -> tuple[int, list[str]]:
    """Write the complete, closed database to `tmp` and run the checks on it; returns the
    number of observations and the checks' warnings."""
    rows = table_rows(corpus)
    inputs = derived_inputs(corpus, rows)
    if library is None:
        return len(inputs.observations), make_database(str(tmp), rows, inputs, corpus.paths)
    return len(inputs.observations), library.make(tmp, rows, inputs, corpus.paths)


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
    report.extract_processes = extraction_processes(sum(corpus.n_bytes.values()))
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
          report_json: Path | str | None = None, library: LibraryWorker | None = None
          ) -> BuildReport:
    """Build the warehouse for the project at `root` (default: this repository).

    The report JSON, when asked for, is replaced together with the warehouse: a build that
    fails or is interrupted leaves the previous of both. `library` is the worker that writes
    the warehouse when the caller started it already (the CLI starts it before it imports the
    extraction, so that it warms up sooner); else the build starts its own.
    """
    if library is None:
        with LibraryWorker() as own:
            return build(root, out, report_json, own)
    started = time.perf_counter()
    paths = ProjectPaths.at(root)
    target = Path(out) if out else paths.warehouse
    report_path = Path(report_json) if report_json else None
    check_outputs(target, report_path)
    library.prepare(_temp_path(target), paths)
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
