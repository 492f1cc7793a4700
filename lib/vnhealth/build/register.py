"""Register a document: `vnhealth add PATH --province ID`.

The file is copied byte-identical into data/raw/ under a descriptive name (never over another
file), its sha256 computed, and what its text states about it (number, issuer, date, title,
period: vnhealth.inputs.docmeta) read; a PDF or DOCX gets its derived text beside it
(vnhealth.inputs.derive).
The manifest entry is appended to data/raw/documents.yaml as text, so the file's comments and
layout stay as a person wrote them. Then the warehouse is built. Nothing is left half done: a
problem found before copying copies nothing; a failure after (the manifest check, the build)
restores the manifest's bytes and removes the files this run created.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from vnhealth.inputs.catalog import (
    Document,
    Province,
    decode_text,
    load_manifest,
    load_provinces,
    read_document_lines,
)
from vnhealth.inputs.derive import SUFFIXES as DERIVED_SUFFIXES
from vnhealth.inputs.derive import DerivedText, derive_text
from vnhealth.inputs.docmeta import DocumentFacts, Fact, load_document_words, read_facts
from vnhealth.inputs.errors import InputError, ParameterError, VnhealthError
from vnhealth.inputs.paths import ProjectPaths
from vnhealth.inputs.text import nfc

SUFFIXES = (".txt", *DERIVED_SUFFIXES)


@dataclass(frozen=True)
class Given:
    """What the user states on the command line; it wins over what the text says."""

    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    issued_on: str | None = None  # YYYY-MM-DD
    period: tuple[int, int] | None = None


@dataclass
class Entry:
    """One manifest entry, with where each value came from (for the report and its comment)."""

    doc_id: str
    province: str
    title: str | None
    doc_number: str | None
    issuer: str | None
    issued_on: str | None
    issued_text: str | None
    period_start: int | None
    period_end: int | None
    file: str = ""
    sha256: str = ""
    text_file: str | None = None
    text_sha256: str | None = None
    text_tool: str | None = None
    origin: dict[str, str] = field(default_factory=dict)  # field → "line N: …" or "given"


@dataclass
class Source:
    """The document to add, read and checked before anything is written."""

    path: Path
    data: bytes
    sha256: str
    lines: list[str]
    derived: DerivedText | None
    in_raw: bool  # already inside data/raw/ (copied in by hand, not yet registered)


def fold(text: str) -> str:
    """Lower case without accents (đ → d): for slugs and for matching a typed name."""
    decomposed = unicodedata.normalize("NFD", nfc(text).lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_")


# -- checks before anything is written ------------------------------------------------------

def read_source(paths: ProjectPaths, path: Path) -> Source:
    """The file's bytes and text lines, or an InputError saying why it cannot be added."""
    shown = path
    if not path.exists():
        raise InputError("file not found", path=shown)
    if not path.is_file():
        raise InputError("not a regular file; give the document's file", path=shown)
    if not os.access(path, os.R_OK):
        raise InputError("cannot read it (permission denied)", path=shown)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{suffix or 'no extension'}: not a format `vnhealth add` reads; "
                         f"expected one of {', '.join(SUFFIXES)} (a .doc: save it as .docx; "
                         "a scan: OCR it first)", path=shown)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read it: {exc.strerror or exc}", path=shown) from exc
    if not data.strip():
        raise InputError("the file is empty; a document must hold the plan's text", path=shown)
    derived = derive_text(path, shown) if suffix in DERIVED_SUFFIXES else None
    text = derived.text if derived else decode_text(data, shown)
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    try:
        path.resolve().relative_to(paths.raw.resolve())
        in_raw = True
    except ValueError:
        in_raw = False
    return Source(path, data, hashlib.sha256(data).hexdigest(), lines, derived, in_raw)


def check_province(provinces: dict[str, Province], wanted: str) -> Province:
    """The province `wanted` names, or a ParameterError with the closest ids and names."""
    if wanted in provinces:
        return provinces[wanted]
    from rapidfuzz import fuzz, process

    keys = {p.id: p.id for p in provinces.values()}
    keys.update({fold(p.name_vi): p.id for p in provinces.values()})
    keys.update({fold(p.name_en): p.id for p in provinces.values()})
    hits = process.extract(fold(wanted), list(keys), scorer=fuzz.WRatio, limit=12,
                           score_cutoff=70)
    close = list(dict.fromkeys(keys[h[0]] for h in hits))[:5]
    shown = ", ".join(f"{p} ({provinces[p].name_vi})" for p in close)
    hint = f"; close matches: {shown}" if close else ""
    raise ParameterError(f"--province {wanted}: no such province_id in "
                         f"data/catalog/provinces.csv{hint}")


def refuse_registered(docs: list[Document], source: Source, manifest: Path) -> None:
    """A document is registered once: the same bytes under a second entry would count every
    value twice."""
    for doc in docs:
        if doc.sha256 == source.sha256:
            raise InputError(f"already registered as document {doc.id} (data/raw/{doc.file}, "
                             f"{manifest} line {doc.manifest_line}): the same sha256 "
                             f"{source.sha256}", path=source.path)


# -- what the entry says ----------------------------------------------------------------------

def _from_text(fact: Fact | None, value: object = None) -> str | None:
    if fact is None:
        return None
    return f"line {fact.line}: {fact.text}" if value is None else f"line {fact.line}"


def compose_entry(facts: DocumentFacts, given: Given, province: str) -> Entry:
    """The entry's fields: given values first, then what the text states; the period's
    start, when only its end is stated ("đến năm 2030"), is the year of issue."""
    e = Entry("", province, None, None, None, None, None, None, None)
    pairs: list[tuple[str, str | None, Fact | None]] = [
        ("title", given.title, facts.title), ("doc_number", given.doc_number, facts.doc_number),
        ("issuer", given.issuer, facts.issuer)]
    for name, value, fact in pairs:
        if value is not None:
            setattr(e, name, nfc(value))
            e.origin[name] = "given"
        elif fact is not None:
            setattr(e, name, fact.value)
            e.origin[name] = _from_text(fact)
    if facts.issued is not None:
        e.issued_text, e.issued_on = facts.issued.text, facts.issued.value
        if e.issued_on:
            e.origin["issued_on"] = _from_text(facts.issued)
    if given.issued_on is not None:
        e.issued_on, e.origin["issued_on"] = given.issued_on, "given"
    _compose_period(e, facts, given)
    return e


def _compose_period(e: Entry, facts: DocumentFacts, given: Given) -> None:
    if given.period is not None:
        e.period_start, e.period_end = given.period
        e.origin["period"] = "given"
        return
    if facts.period is None:
        return
    start, end = facts.period.value
    e.period_end = end
    e.origin["period"] = _from_text(facts.period)
    issued_year = None
    if e.issued_text:
        m = re.search(r"(\d{4})\s*$", e.issued_text)
        issued_year = int(m[1]) if m else None
    if start is None and issued_year is not None and issued_year <= end:
        start = issued_year
        e.origin["period"] += f" (start: the year of issue, {issued_year})"
    e.period_start = start


REQUIRED = {"title": "--title TEXT", "period": "--period START END"}


def missing_required(e: Entry) -> list[str]:
    """The manifest's required fields the text did not state and the user did not give."""
    out = []
    if not e.title:
        out.append("title")
    if e.period_start is None or e.period_end is None:
        out.append("period")
    return out


# -- names --------------------------------------------------------------------------------------

def title_words_for_name(title: str, kinds: tuple[str, ...]) -> str:
    """The first words of a title after the kind of document it opens with, if any ("Kế
    hoạch triển khai …" → "triển khai …"; "Sốt xuất huyết đến tuần 7" keeps every word).

    >>> title_words_for_name("Kế hoạch phòng chống tác hại của rượu bia", ("KẾ HOẠCH",))
    'phòng chống tác hại của rượu bia'
    >>> title_words_for_name("Sốt xuất huyết đến tuần 7 năm 2025", ("KẾ HOẠCH",))
    'Sốt xuất huyết đến tuần 7 năm'
    """
    words = title.split()
    for kind in sorted(kinds, key=len, reverse=True):
        n = len(kind.split())
        if fold(" ".join(words[:n])) == fold(kind):
            words = words[n:]
            break
    return " ".join(words[:7])


def choose_names(paths: ProjectPaths, e: Entry, docs: list[Document], source: Source,
                 kinds: tuple[str, ...] = ()) -> None:
    """doc_id and file name: province_start_end_number (a slug), unique among the manifest's ids
    and data/raw/'s files; a file already in data/raw/ keeps its name."""
    years = (f"{e.period_start}" if e.period_start == e.period_end
             else f"{e.period_start}_{e.period_end}")
    # without a number, the title's first words after its kind ("Kế hoạch", "Quyết định")
    number = (slug(e.doc_number) if e.doc_number
              else slug(title_words_for_name(e.title or "", kinds)))
    # "Quảng Bình: hình thái lây nhiễm HIV": the province opens the name once
    number = number.removeprefix(f"{e.province}_")
    base = "_".join(filter(None, (e.province, years, number)))[:80].strip("_")
    ids = {d.id for d in docs}
    taken = {p.name.lower() for p in paths.raw.iterdir()}  # never overwrite, whatever the case
    own = (source.path.resolve().relative_to(paths.raw.resolve()).as_posix()
           if source.in_raw else None)
    for n in range(1, 10_000):
        stem = base if n == 1 else f"{base}_{n}"
        name = own or stem + source.path.suffix.lower()
        text_name = (f"{name}.txt" if n == 1 or not own else f"{name}.{n}.txt"
                     ) if source.derived else None
        clash = [x for x in (None if own else name, text_name) if x and
                 (x.lower() in taken or (paths.raw / x).exists())]
        if stem not in ids and not clash:
            e.doc_id, e.file, e.text_file = stem, name, text_name
            return
    raise InputError(f"no free name for {base} in data/raw/", path=source.path)


# -- writing, and undoing ------------------------------------------------------------------------

def _yaml(value: object) -> str:
    # JSON strings are YAML double-quoted scalars: quotes, backslashes and controls escaped
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


ENTRY_FIELDS = ("province", "title", "doc_number", "issuer", "issued_on", "issued_text",
                "period_start", "period_end", "file", "sha256", "text_file", "text_sha256",
                "text_tool")


def entry_text(e: Entry, indent: str, note: str) -> str:
    """The manifest entry as YAML text, with a comment saying where its values came from."""
    pad = indent + "  "
    lines = [f"{indent}# {note}", f"{indent}- id: {e.doc_id}"]
    for name in ENTRY_FIELDS:
        value = getattr(e, name)
        if name.startswith("text_") and value is None:
            continue  # a plain-text document has no derived text
        lines.append(f"{pad}{name}: {_yaml(value)}")
    return "\n".join(lines) + "\n"


def manifest_indent(text: str) -> str:
    """The indentation of the manifest's list items, so the new entry lines up with them."""
    m = re.search(r"^([ \t]*)- ", text, re.MULTILINE)
    return m[1] if m else "  "


@dataclass
class Transaction:
    """What this run wrote, so that it can be undone: the files it created and the manifest's
    bytes before."""

    manifest: Path
    manifest_before: bytes
    created: list[Path] = field(default_factory=list)

    def create(self, path: Path, data: bytes) -> None:
        # "x": fails if the file exists, so a file is never overwritten, even by a race
        with path.open("xb") as fh:
            self.created.append(path)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())

    def rollback(self) -> None:
        self.manifest.write_bytes(self.manifest_before)
        for path in reversed(self.created):
            path.unlink(missing_ok=True)
        self.created = []


def write_entry(paths: ProjectPaths, e: Entry, source: Source, note: str) -> Transaction:
    """Copy the document (and its derived text) into data/raw/, append the entry, and check
    the manifest now reads back with it. Undone (and re-raised) on any failure."""
    before = paths.manifest.read_bytes()
    tx = Transaction(paths.manifest, before)
    try:
        if not source.in_raw:
            tx.create(paths.raw / e.file, source.data)
        if source.derived is not None and e.text_file:
            tx.create(paths.raw / e.text_file, source.derived.text.encode("utf-8"))
        text = before.decode("utf-8")
        sep = "" if not text or text.endswith("\n") else "\n"
        addition = sep + entry_text(e, manifest_indent(text), note)
        with paths.manifest.open("a", encoding="utf-8", newline="\n") as fh:
            fh.write(addition)
        _check_written(paths, e)
    except BaseException:
        tx.rollback()
        raise
    return tx


def _check_written(paths: ProjectPaths, e: Entry) -> None:
    provinces = load_provinces(paths.catalog / "provinces.csv",
                               paths.relative(paths.catalog / "provinces.csv"))
    docs = [d for d in load_manifest(paths, provinces) if d.id == e.doc_id]
    if len(docs) != 1 or docs[-1].sha256 != e.sha256:
        raise InputError("the appended entry does not read back from the manifest (is its "
                         "`documents:` list written in another layout?); add it by hand",
                         path=paths.relative(paths.manifest))
    read_document_lines(paths, docs[0])


Printer = Callable[[str], None]


def build_or_undo(paths: ProjectPaths, tx: Transaction, say: Printer,
                  warehouse: Path | None = None) -> None:
    """Build the warehouse (``warehouse``, default ROOT/data/warehouse.duckdb) with the new
    entry; on failure undo the registration."""
    from vnhealth.build.warehouse import build

    try:
        report = build(paths.root, warehouse)
    except BaseException as exc:
        tx.rollback()
        if isinstance(exc, VnhealthError):
            raise VnhealthError(f"the build failed, so the document was not added (the manifest "
                                f"and data/raw/ are as before): {exc}") from exc
        raise
    say(report.summary())


# -- the command's steps ---------------------------------------------------------------------------

SHOWN_FIELDS = ("doc_number", "issuer", "issued_on", "title", "period")


FLAGS = {"doc_number": "--doc-number", "issuer": "--issuer", "issued_on": "--issued-on",
         "title": "--title", "period": "--period"}


def _shown_value(e: Entry, name: str) -> str | None:
    if name == "period":
        if e.period_end is None:
            return None
        return f"{e.period_start if e.period_start is not None else '?'}–{e.period_end}"
    value = getattr(e, name)
    return None if value is None else str(value)


def describe(e: Entry, source: Source) -> list[str]:
    """What was read from the text (with its line), what was given, what is not stated."""
    where = "its derived text" if source.derived else "its text"
    out = [f"what {where} states about it (or what was given):"]
    missing = []
    for name in SHOWN_FIELDS:
        value, origin = _shown_value(e, name), e.origin.get(name)
        if value is None or origin is None:
            missing.append(name)
            if name == "issued_on" and e.issued_text:
                out.append(f"  {name:<11} no date: {e.issued_text} (the day is left blank)")
            continue
        out.append(f"  {name:<11} {value}")
        out.append(f"  {'':<11}   [{origin}]")
    if missing:
        out.append(f"not stated in the text: {', '.join(missing)} (give "
                   f"{', '.join(FLAGS[m] for m in missing)} to set them)")
    return out


def _note(e: Entry, source: Source) -> str:
    """The comment above the entry: where each value came from, for the reviewer."""
    read = [n for n in SHOWN_FIELDS if e.origin.get(n, "").startswith("line")]
    given = [n for n in SHOWN_FIELDS if e.origin.get(n) == "given"]
    stated = set(read) | set(given)
    unstated = [n for n in SHOWN_FIELDS if n not in stated]
    name = source.path.name.replace("\n", " ")
    return (f"vnhealth add: from {json.dumps(name, ensure_ascii=False)}; read from the text: "
            f"{', '.join(read) or '-'}; given: {', '.join(given) or '-'}; not stated: "
            f"{', '.join(unstated) or '-'}")


def prepare(paths: ProjectPaths, path: Path, province_id: str, given: Given, say: Printer
            ) -> tuple[Entry, Source]:
    """Every check and inference, before anything is written."""
    shown_csv = paths.relative(paths.catalog / "provinces.csv")
    provinces = load_provinces(paths.catalog / "provinces.csv", shown_csv)
    source = read_source(paths, path)
    province = check_province(provinces, province_id)
    docs = load_manifest(paths, provinces)
    refuse_registered(docs, source, paths.relative(paths.manifest))
    words = load_document_words(paths.catalog / "documents.yaml",
                                paths.relative(paths.catalog / "documents.yaml"))
    e = compose_entry(read_facts(source.lines, words), given, province.id)
    e.sha256 = source.sha256
    if source.derived is not None:
        e.text_tool = source.derived.tool
        e.text_sha256 = hashlib.sha256(source.derived.text.encode("utf-8")).hexdigest()
    say(f"adding {path} (province {province.id}: {province.name_vi})")
    for line in describe(e, source):
        say(line)
    missing = missing_required(e)
    if missing:
        raise ParameterError(f"{path}: could not read the {' and the '.join(missing)} from the "
                             f"text; give {' and '.join(REQUIRED[m] for m in missing)} "
                             "(nothing was copied or registered)")
    choose_names(paths, e, docs, source, words.title_words)
    return e, source


def add_document(paths: ProjectPaths, path: Path, province_id: str, given: Given, *,
                 build: bool = True, say: Printer = print,
                 warehouse: Path | None = None) -> Entry:
    """`vnhealth add`: check, copy, append, build (see the module's docstring)."""
    e, source = prepare(paths, path, province_id, given, say)
    tx = write_entry(paths, e, source, _note(e, source))
    if source.in_raw:
        say(f"registered data/raw/{e.file} in place (sha256 {e.sha256})")
    else:
        say(f"copied to data/raw/{e.file} (sha256 {e.sha256})")
    if source.derived is not None:
        say(f"derived text data/raw/{e.text_file} ({e.text_tool}, {source.derived.pages} "
            f"page(s); a form-feed line opens each page; sha256 {e.text_sha256})")
    say(f"appended document {e.doc_id} to {paths.relative(paths.manifest)}: review it there")
    if build:
        build_or_undo(paths, tx, say, warehouse)
    else:
        say("not built (--no-build): run `vnhealth build`")
    return e
