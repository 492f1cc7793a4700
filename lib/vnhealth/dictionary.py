"""What the warehouse holds and what it means: descriptions, SQL files and the data dictionary.

Descriptions are data, kept beside the SQL they describe:

* ``sql/schema.yaml`` describes the tables and the columns (English description, Vietnamese and
  English labels);
* each view or table macro in ``sql/`` describes itself in its header (first line
  ``-- <name>: <description>``, second line ``-- vi: <mô tả>``); so does each data check in
  ``sql/checks/``; each example in ``sql/examples/`` starts with ``-- Question: …`` and
  ``-- Câu hỏi: …`` (and, when it takes parameters, ``-- Parameters: name=value …``).

The build stores the descriptions in the warehouse as DuckDB comments (``COMMENT ON``), so
``vnhealth tables``, the DuckDB CLI and ``duckdb_columns()`` all show them. This module also
orders the view files by their dependencies and renders ``docs/data-dictionary.md``::

    vnhealth dictionary            # or: python -m vnhealth.dictionary
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from vnhealth.errors import InputError, VnhealthError
from vnhealth.paths import ProjectPaths
from vnhealth.schema import SCHEMA_FILE, TableSpec, generic_checks, load_schema, project_schema
from vnhealth.text import nfc
from vnhealth.yamlsafe import safe_load

__all__ = [
    "ColumnDoc",
    "Descriptions",
    "SqlFile",
    "apply_comments",
    "check_files",
    "example_files",
    "generate",
    "load_descriptions",
    "main",
    "read_sql_file",
    "view_files",
    "warehouse_objects",
    "write",
]

DICTIONARY_PATH = Path("docs") / "data-dictionary.md"

_HEADER_RE = re.compile(r"^--\s*([^:]+?)\s*:\s*(.*\S)\s*$")
_WORD_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


# --------------------------------------------------------------------------------------------
# SQL files and their headers
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SqlFile:
    """One file of ``sql/``: its name (the file's stem), header lines and text."""

    path: Path
    name: str
    key: str
    title: str
    title_vi: str | None
    parameters: dict[str, str]
    sql: str


def read_sql_file(path: Path, shown: Path | None = None) -> SqlFile:
    """Read a SQL file and its header (see the module docstring).

    The first line must be ``-- <key>: <text>``; a second ``-- vi: …`` or ``-- Câu hỏi: …`` line
    gives the Vietnamese text, and a ``-- Parameters: a=1 b=x`` line example values for the
    ``$a``/``$b`` parameters the query takes.
    """
    shown = shown or path
    try:
        sql = nfc(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 ({exc.reason})", path=shown) from exc
    lines = sql.splitlines()
    first = _HEADER_RE.match(lines[0]) if lines else None
    if first is None:
        raise InputError("the first line must be a header comment `-- <name>: <description>`",
                         path=shown, line=1)
    title_vi = None
    parameters: dict[str, str] = {}
    for line in lines[1:]:
        if not line.startswith("--"):
            break
        m = _HEADER_RE.match(line)
        if m is None:
            continue
        label = m[1].strip().lower()
        if label in ("vi", "câu hỏi") and title_vi is None:
            title_vi = m[2]
        elif label == "parameters":
            for item in m[2].split():
                name, _, value = item.partition("=")
                parameters[name] = value
    return SqlFile(path, path.stem, first[1].strip(), first[2], title_vi, parameters, sql)


def _sql_words(sql: str) -> set[str]:
    """Identifiers used by a SQL text, comments and string literals left out."""
    text = re.sub(r"--[^\n]*", " ", sql)
    text = re.sub(r"'(?:[^']|'')*'", " ", text)
    return {w.lower() for w in _WORD_RE.findall(text)}


def view_files(sql_dir: Path, root: Path | None = None) -> list[SqlFile]:
    """``sql/*.sql`` (one view or table macro each), ordered so that each file runs after the
    views it uses; ties in name order. A file whose header does not name the file, or a cycle,
    raises InputError."""
    shown = (lambda p: p.relative_to(root)) if root else (lambda p: p)
    files = {}
    for path in sorted(sql_dir.glob("*.sql")):
        f = read_sql_file(path, shown(path))
        if f.key != f.name:
            raise InputError(f"the header must start with `-- {f.name}: <description>` (one "
                             f"view per file, named after the file), got `-- {f.key}:`",
                             path=shown(path), line=1)
        files[f.name] = f
    deps = {n: (_sql_words(f.sql) & set(files)) - {n} for n, f in files.items()}
    ordered: list[SqlFile] = []
    done: set[str] = set()
    while len(done) < len(files):
        ready = sorted(n for n in files if n not in done and deps[n] <= done)
        if not ready:
            stuck = sorted(n for n in files if n not in done)
            raise InputError(f"views depend on each other in a cycle: {', '.join(stuck)}",
                             path=shown(sql_dir))
        for n in ready:
            ordered.append(files[n])
            done.add(n)
    return ordered


def check_files(sql_dir: Path) -> list[SqlFile]:
    """The data checks: those the schema gives every table (keys, accepted values, references;
    written from ``sql/schema.yaml``), then ``sql/checks/*.sql``, each in name order."""
    written = [read_sql_file(p) for p in sorted((sql_dir / "checks").glob("*.sql"))]
    schema_path = sql_dir / SCHEMA_FILE
    if not schema_path.is_file():
        return written
    generated = [SqlFile(schema_path, c.name, c.name, c.title, c.title_vi, {},
                         f"-- {c.name}: {c.title}\n-- vi: {c.title_vi}\n-- level: error\n"
                         f"{c.sql}\n")
                 for c in generic_checks(load_schema(schema_path))]
    return [*generated, *written]


def example_files(sql_dir: Path) -> list[SqlFile]:
    """The example questions, ``sql/examples/*.sql``, in name order."""
    return [read_sql_file(p) for p in sorted((sql_dir / "examples").glob("*.sql"))]


# --------------------------------------------------------------------------------------------
# descriptions
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ColumnDoc:
    """What one column means: labels in Vietnamese and English, and a description."""

    label_vi: str | None = None
    label_en: str | None = None
    description: str | None = None

    def over(self, base: ColumnDoc | None) -> ColumnDoc:
        """This doc's keys, falling back to ``base`` for those it leaves out."""
        if base is None:
            return self
        return ColumnDoc(self.label_vi or base.label_vi, self.label_en or base.label_en,
                         self.description or base.description)


@dataclass
class Descriptions:
    """Descriptions of tables, views, table macros and columns (sql/schema.yaml + headers)."""

    columns: dict[str, ColumnDoc] = field(default_factory=dict)
    relations: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    overrides: dict[str, dict[str, ColumnDoc]] = field(default_factory=dict)

    def column(self, relation: str, column: str) -> ColumnDoc | None:
        """The description of ``relation.column``: the relation's own entry over the shared one."""
        own = self.overrides.get(relation, {}).get(column)
        shared = self.columns.get(column)
        return own.over(shared) if own else shared

    def describe(self, relation: str) -> tuple[str | None, str | None]:
        """(English, Vietnamese) one-line description of a table, view or table macro."""
        return self.relations.get(relation, (None, None))

    def label_vi(self, relation: str, column: str) -> str:
        """The Vietnamese label of a column (its name when it has none)."""
        doc = self.column(relation, column)
        return (doc.label_vi if doc and doc.label_vi else column)


# A column's keys in sql/schema.yaml: its meaning (read here) and its contract (vnhealth.schema).
_COLUMN_KEYS = ("vi", "en", "description", "type", "accepted", "references")


def _column_doc(spec: Any, shown: Path, where: str) -> ColumnDoc:
    if spec is None:  # a table's column that keeps the shared meaning
        return ColumnDoc()
    if not isinstance(spec, dict):
        raise InputError(f"{where} must be a mapping with keys {', '.join(_COLUMN_KEYS)}",
                         path=shown, line=getattr(spec, "__line__", None))
    unknown = sorted(set(spec) - set(_COLUMN_KEYS))
    if unknown:
        raise InputError(f"{where}: unknown key(s) {unknown}; expected "
                         f"{', '.join(_COLUMN_KEYS)}", path=shown)
    def text(key: str) -> str | None:
        return nfc(str(spec[key])) if spec.get(key) is not None else None
    return ColumnDoc(text("vi"), text("en"), text("description"))


def load_descriptions(paths: ProjectPaths) -> Descriptions:
    """Read ``sql/schema.yaml`` and the headers of the view files of the project at ``paths``."""
    desc = Descriptions()
    path = paths.sql / SCHEMA_FILE
    if not path.exists():
        return desc
    shown = paths.relative(path)
    try:
        # libyaml when available (this runs in every build); no aliases, bounded size
        data = safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"malformed YAML: {getattr(exc, 'problem', exc)}", path=shown,
                         line=mark.line + 1 if mark else None) from exc
    for name, spec in (data.get("columns") or {}).items():
        desc.columns[name] = _column_doc(spec, shown, f"columns.{name}")
    for section in ("tables", "views"):
        for rel, spec in (data.get(section) or {}).items():
            spec = spec or {}
            if section == "tables":
                if not spec.get("description"):
                    raise InputError(f"tables.{rel} needs a one-line `description`", path=shown)
                desc.relations[rel] = (nfc(spec["description"]),
                                       nfc(spec["vi"]) if spec.get("vi") else None)
            desc.overrides[rel] = {
                col: _column_doc(c, shown, f"{section}.{rel}.columns.{col}")
                for col, c in (spec.get("columns") or {}).items()}
    if paths.sql.is_dir():
        for f in view_files(paths.sql, paths.root):
            desc.relations[f.name] = (f.title, f.title_vi)
    return desc


# --------------------------------------------------------------------------------------------
# the warehouse's objects
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class WarehouseObject:
    """A table, view or table macro of the warehouse, with its columns and comment."""

    name: str
    type: str  # "table", "view" or "macro"
    comment: str | None
    columns: tuple[tuple[str, str, str | None], ...]  # (name, type, comment)
    parameters: tuple[str, ...] = ()


def _fetch(con: Any, sql: str) -> list[tuple[Any, ...]]:
    return con.execute(sql).fetchall()


def warehouse_objects(con: Any) -> list[WarehouseObject]:
    """The user tables, views and table macros of an open warehouse (main schema), with columns.

    Tables come first in the warehouse contract's order, then views and macros by name. A table
    macro's columns are those of a call with NULL arguments (an empty result).
    """
    # The schema's tables first, in the order it declares them (the data flow), then others.
    contract = {name: n for n, name in enumerate(project_schema().tables)}
    cols: dict[str, list[tuple[str, str, str | None]]] = {}
    for table, col, dtype, comment in _fetch(
            con, "SELECT table_name, column_name, data_type, comment FROM duckdb_columns() "
                 "WHERE NOT internal AND schema_name = 'main' "
                 "ORDER BY table_name, column_index"):
        cols.setdefault(table, []).append((col, dtype, comment))
    objects = [WarehouseObject(n, "table", c, tuple(cols.get(n, ())))
               for n, c in _fetch(con, "SELECT table_name, comment FROM duckdb_tables() "
                                       "WHERE NOT internal AND schema_name = 'main'")]
    objects.sort(key=lambda o: (contract.get(o.name, len(contract)), o.name))
    views = [WarehouseObject(n, "view", c, tuple(cols.get(n, ())))
             for n, c in _fetch(con, "SELECT view_name, comment FROM duckdb_views() "
                                     "WHERE NOT internal AND schema_name = 'main' "
                                     "ORDER BY view_name")]
    macros = []
    for name, comment, params in _fetch(
            con, "SELECT function_name, comment, parameters FROM duckdb_functions() "
                 "WHERE function_type = 'table_macro' AND NOT internal "
                 "AND schema_name = 'main' ORDER BY function_name"):
        args = ", ".join("NULL" for _ in params)
        rel = con.sql(f'SELECT * FROM "{name}"({args}) LIMIT 0')
        mcols = tuple((c, str(t), None) for c, t in zip(rel.columns, rel.dtypes, strict=True))
        rel.fetchall()  # DuckDB 2: an unfetched result would block the next query
        macros.append(WarehouseObject(name, "macro", comment, mcols, tuple(params)))
    return [*objects, *views, *macros]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def apply_comments(con: Any, desc: Descriptions) -> None:
    """Store the descriptions as DuckDB comments on the warehouse's tables, views and columns.

    Only objects and columns that exist are commented: a description of a column that is gone
    is reported by tests/test_dictionary.py, not by a failed build. The statements run as one
    script: a few hundred separate calls would slow every build down.
    """
    script = []
    kinds = {"table": "TABLE", "view": "VIEW", "macro": "MACRO TABLE"}
    for name, kind in _fetch(
            con, "SELECT table_name, 'table' FROM duckdb_tables() WHERE NOT internal "
                 "AND schema_name = 'main' UNION ALL SELECT view_name, 'view' FROM "
                 "duckdb_views() WHERE NOT internal AND schema_name = 'main' UNION ALL "
                 "SELECT function_name, 'macro' FROM duckdb_functions() WHERE function_type = "
                 "'table_macro' AND NOT internal AND schema_name = 'main'"):
        text, _vi = desc.describe(name)
        if text:
            script.append(f'COMMENT ON {kinds[kind]} "{name}" IS {_literal(text)}')
    for table, col in _fetch(con, "SELECT table_name, column_name FROM duckdb_columns() "
                                  "WHERE NOT internal AND schema_name = 'main'"):
        doc = desc.column(table, col)
        if doc and doc.description:
            script.append(f'COMMENT ON COLUMN "{table}"."{col}" IS {_literal(doc.description)}')
    if script:
        # One transaction: committing each comment on its own takes twice as long.
        con.execute("BEGIN TRANSACTION;\n" + ";\n".join(script) + ";\nCOMMIT")


# --------------------------------------------------------------------------------------------
# the data dictionary
# --------------------------------------------------------------------------------------------
def _cell(value: Any) -> str:
    if value is None or value == "":
        return ""
    text = str(value).replace("|", "\\|").replace("\n", " ")
    return text


def _row(values: Iterable[Any]) -> str:
    return "| " + " | ".join(_cell(v) for v in values) + " |"


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> list[str]:
    return [_row(header), _row("---" for _ in header), *(_row(r) for r in rows)]


def _num(x: Any) -> str:
    if x is None:
        return ""
    return f"{float(x):g}"


def generate(con: Any, paths: ProjectPaths) -> str:
    """Render the data dictionary (Markdown) from an open warehouse and the project's sql/."""
    desc = load_descriptions(paths)
    schema = project_schema(paths)
    objects = warehouse_objects(con)
    out = [
        "# vnhealth data dictionary · Từ điển dữ liệu",
        "",
        "<!-- Generated by `vnhealth dictionary` (python -m vnhealth.dictionary) from the "
        "indicator catalogue, the national reference, the warehouse schema and "
        "sql/schema.yaml. Do not edit by hand: tests/test_dictionary.py fails when this file "
        "differs from a fresh generation. -->",
        "",
        "The warehouse (`data/warehouse.duckdb`, built by `vnhealth build`) holds the tables "
        "below; the views and the table macro are defined in `sql/`, one file each. Values in "
        "`observations` are as written in the documents; `harmonized`, `comparison` and `pace` "
        "are computed at build time by the library (`vnhealth.harmonize`), so SQL and "
        "notebooks give the same numbers. National targets are a benchmark (columns such as "
        "`national_value`), never rows of a province.",
        "",
        "Contents: [Tables](#tables) · [Views](#views) · [Table macros](#table-macros) · "
        "[Indicators](#indicators) · [Units](#units) · [Data checks](#data-checks) · "
        "[Example questions](#example-questions)",
        "",
    ]
    sections = (("table", "Tables", "Bảng"), ("view", "Views", "Khung nhìn"),
                ("macro", "Table macros", "Macro bảng"))
    for kind, title, title_vi in sections:
        out += [f"## {title}", "", f"*{title_vi}*", ""]
        for obj in (o for o in objects if o.type == kind):
            en, vi = desc.describe(obj.name)
            call = f"({', '.join(obj.parameters)})" if kind == "macro" else ""
            out += [f"### `{obj.name}{call}`", ""]
            if en:
                out += [en + ("." if not en.endswith(".") else ""), ""]
            if vi:
                out += [f"*{vi}*", ""]
            if kind != "table":
                out += [f"Defined in `sql/{obj.name}.sql`.", ""]
            else:
                out += _contract(schema.tables.get(obj.name))
            rows = []
            for col, dtype, _comment in obj.columns:
                doc = desc.column(obj.name, col) or ColumnDoc()
                rows.append((f"`{col}`", dtype, doc.label_vi, doc.label_en, doc.description))
            out += _table(("column", "type", "nhãn (vi)", "label (en)", "description"), rows)
            out.append("")
    out += _indicators(con) + _units(con) + _sql_lists(paths)
    return "\n".join(out).rstrip() + "\n"


def _contract(spec: TableSpec | None) -> list[str]:
    """A table's layer, key, accepted values and references, as sql/schema.yaml declares them."""
    if spec is None:
        return []
    parts = [f"Layer: {spec.layer}"]
    if spec.primary_key:
        parts.append(f"key: {', '.join(f'`{c}`' for c in spec.primary_key)}")
    if spec.unique:
        parts.append(f"unique: {', '.join(f'`{c}`' for c in spec.unique)}")
    refs = [f"`{c.name}` → `{c.references}`" for c in spec.columns
            if c.references and c.references != f"{spec.name}.{c.name}"]
    if refs:
        parts.append(f"references: {', '.join(refs)}")
    accepted = [f"`{c.name}` ∈ {c.accepted}" for c in spec.columns if c.accepted]
    if accepted:
        parts.append(f"accepted: {', '.join(accepted)} (vnhealth.terms)")
    return [" · ".join(parts) + ".", ""]


def _indicators(con: Any) -> list[str]:
    national: dict[str, list[str]] = {}
    for ind, year, kind in _fetch(
            con, "SELECT DISTINCT indicator_id, year, kind FROM national_targets "
                 "ORDER BY indicator_id, year, kind"):
        national.setdefault(ind, []).append(f"{year}" + ("" if kind == "target" else f" ({kind})"))
    rows = _fetch(con, "SELECT domain, indicator_id, name_vi, name_en, unit, direction, "
                       "band_low, band_high, plausible_low, plausible_high FROM indicators "
                       "ORDER BY domain, indicator_id")
    out = ["## Indicators", "", "*Chỉ số* — from `data/catalog/indicators.yaml`. `direction` "
           "decides what “ahead of the national target” means; `plausible` is the range "
           "`sql/checks/implausible_values.sql` enforces; *national* lists the years of the "
           "national reference's values.", ""]
    domain = None
    table: list[tuple[Any, ...]] = []
    header = ("id", "tên (vi)", "name (en)", "unit", "direction", "band", "plausible",
              "national")
    for dom, iid, vi, en, unit, direction, blo, bhi, plo, phi in rows:
        if dom != domain:
            if table:
                out += _table(header, table) + [""]
            out += [f"### {dom}", ""]
            domain, table = dom, []
        band = f"{_num(blo)}–{_num(bhi)}" if blo is not None else ""
        plausible = f"{_num(plo)}–{_num(phi)}" if plo is not None else ""
        table.append((f"`{iid}`", vi, en, unit, direction, band, plausible,
                      ", ".join(national.get(iid, []))))
    if table:
        out += _table(header, table) + [""]
    return out


def _units(con: Any) -> list[str]:
    rows = _fetch(con, "SELECT unit_id, label_vi, label_en, dimension, per FROM units "
                       "ORDER BY dimension, per, unit_id")
    dims: dict[str, list[str]] = {}
    for uid, *_rest, dim, _per in rows:
        dims.setdefault(dim, []).append(uid)
    out = ["## Units", "", "*Đơn vị* — from `data/catalog/units.yaml`, the one unit registry. "
           "A value converts only within its dimension, by the factor per(to) / per(from).", ""]
    out += _table(("id", "nhãn (vi)", "label (en)", "dimension", "per", "converts to"),
                  [(f"`{uid}`", vi, en, dim, _num(per),
                    ", ".join(u for u in dims[dim] if u != uid))
                   for uid, vi, en, dim, per in rows])
    return [*out, ""]


def _sql_lists(paths: ProjectPaths) -> list[str]:
    out = ["## Data checks", "", "*Kiểm tra dữ liệu* — `vnhealth check` runs each check; a "
           "check passes when it returns no rows. The `schema_*` checks are written from "
           "`sql/schema.yaml` for every table; the others are the queries of `sql/checks/`. "
           "The build runs them all before it replaces the warehouse.", ""]
    out += _table(("check", "finds", "tìm"),
                  [(f"`{f.name}`", f.title, f.title_vi) for f in check_files(paths.sql)])
    out += ["", "## Example questions", "", "*Câu hỏi mẫu* — run one with "
            "`vnhealth sql --file sql/examples/<file>` (add `--param NAME=VALUE` where the "
            "query takes parameters).", ""]
    out += _table(("file", "question", "câu hỏi", "parameters"),
                  [(f"`{f.path.name}`", f.title, f.title_vi,
                    " ".join(f"`{k}={v}`" for k, v in f.parameters.items()))
                   for f in example_files(paths.sql)])
    return [*out, ""]


def write(paths: ProjectPaths, db: Path | str | None = None, out: Path | None = None,
          check: bool = False) -> tuple[Path, bool]:
    """Generate the dictionary and write it (or, with ``check``, only compare).

    Without ``db`` the warehouse is built afresh in a temporary directory, so the dictionary
    always matches the inputs. Returns the path and whether the file was (or would be) changed.
    """
    from vnhealth.db import connect_read_only

    target = out or paths.root / DICTIONARY_PATH
    with tempfile.TemporaryDirectory(prefix="vnhealth-dictionary-") as tmp:
        if db is None:
            from vnhealth.warehouse import build

            db = Path(tmp) / "warehouse.duckdb"
            build(paths.root, db)
        elif not Path(db).exists():
            raise VnhealthError(f"warehouse not found: {db}; run `make warehouse` first")
        con = connect_read_only(db)
        try:
            text = generate(con, paths)
        finally:
            con.close()
    old = target.read_text(encoding="utf-8") if target.exists() else None
    changed = old != text
    if changed and not check:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return target, changed


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of `vnhealth dictionary` (also used by `python -m vnhealth.dictionary`)."""
    p.add_argument("--root", help="project root (default: this repository or $VNHEALTH_ROOT)")
    p.add_argument("--warehouse", dest="db", metavar="FILE",
                   help="read this warehouse instead of building a fresh one")
    p.add_argument("--db", dest="db", help=argparse.SUPPRESS)  # the former name, still read
    p.add_argument("--out", help=f"file to write (default: ROOT/{DICTIONARY_PATH})")
    p.add_argument("--check", action="store_true",
                   help="do not write; exit 1 when the file is out of date")


def run(args: argparse.Namespace) -> int:
    """Run `vnhealth dictionary` with parsed arguments."""
    paths = ProjectPaths.at(args.root)
    target, changed = write(paths, args.db, Path(args.out) if args.out else None, args.check)
    shown = paths.relative(target)
    if args.check:
        print(f"{shown} is {'out of date; run `vnhealth dictionary`' if changed else 'up to date'}")
        return 1 if changed else 0
    print(f"{'wrote' if changed else 'unchanged:'} {shown}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m vnhealth.dictionary``: regenerate docs/data-dictionary.md."""
    p = argparse.ArgumentParser(prog="python -m vnhealth.dictionary",
                                description="Regenerate docs/data-dictionary.md.")
    add_arguments(p)
    try:
        return run(p.parse_args(argv))
    except VnhealthError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
