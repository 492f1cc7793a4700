"""The SQL files of a project and what they describe: view files ordered by their dependencies, data
checks (sql/checks/ and those written from sql/schema.yaml), example questions, the descriptions
of sql/schema.yaml and file headers, and the comments the build stores on the warehouse's
tables, views and columns (COMMENT ON)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from vnhealth.inputs.errors import InputError
from vnhealth.inputs.paths import ProjectPaths
from vnhealth.inputs.schema import (
    SCHEMA_FILE,
    generic_checks,
    load_schema,
    project_schema,
)
from vnhealth.inputs.text import nfc
from vnhealth.inputs.yamlsafe import safe_load

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


# A column's keys in sql/schema.yaml: its meaning (read here) and its contract
# (vnhealth.inputs.schema).
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
    is reported by tests/build/test_dictionary.py, not by a failed build. The statements run as one
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
