"""The warehouse's schema, declared once in ``sql/schema.yaml``.

Every table's columns (in order, with their DuckDB types), primary key, accepted values (a
vocabulary of :mod:`vnhealth.inputs.terms`) and references are read from there; the build's DDL, the
library's frame dtypes and the generic data checks (keys unique and present, accepted values,
references) come from this module. Descriptions and labels in the same file are read by
:mod:`vnhealth.build.dictionary`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from vnhealth.inputs.errors import InputError
from vnhealth.inputs.paths import ProjectPaths
from vnhealth.inputs.terms import TERMS, values
from vnhealth.inputs.yamlsafe import safe_load

__all__ = ["LAYERS", "ColumnSpec", "GeneratedCheck", "Schema", "TableSpec", "generic_checks",
           "load_schema", "pandas_dtype", "project_schema"]

SCHEMA_FILE = "schema.yaml"
# Where a table's rows come from, in the order the build makes them.
LAYERS = ("catalogue", "extracted", "reference", "build", "derived")
TYPES = ("VARCHAR", "DOUBLE", "INTEGER", "BIGINT", "BOOLEAN", "DATE")
_PANDAS_DTYPES = {"DOUBLE": "float64", "INTEGER": "Int64", "BIGINT": "Int64",
                  "BOOLEAN": "boolean"}


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    type: str
    accepted: str | None = None  # a vocabulary of vnhealth.inputs.terms
    references: str | None = None  # "table.column"


@dataclass(frozen=True)
class TableSpec:
    name: str
    layer: str
    columns: tuple[ColumnSpec, ...]
    primary_key: tuple[str, ...] = ()
    unique: tuple[str, ...] = ()  # other columns whose values must be unique

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def ddl(self) -> str:
        """``CREATE TABLE`` for this table (no constraints: the checks report violations)."""
        return f"CREATE TABLE {self.name} ({', '.join(f'{c.name} {c.type}' for c in self.columns)})"

    def casts(self) -> str:
        """The select list that casts a source's columns of these names to these types."""
        return ", ".join(f"CAST({c.name} AS {c.type}) AS {c.name}" for c in self.columns)


@dataclass(frozen=True)
class Schema:
    tables: dict[str, TableSpec]
    column_types: dict[str, str]  # the shared type of each column name

    def table(self, name: str) -> TableSpec:
        return self.tables[name]

    def in_layers(self, *layers: str) -> list[TableSpec]:
        return [t for t in self.tables.values() if t.layer in layers]


def _fail(message: str, path: Path) -> InputError:
    return InputError(f"{message} (see the comment at the top of the file)", path=path)


def _column_spec(name: str, spec: dict[str, Any], shared: ColumnSpec | None, where: str,
                 path: Path) -> ColumnSpec:
    sql_type = spec.get("type") or (shared.type if shared else None)
    if sql_type not in TYPES:
        raise _fail(f"{where}: type must be one of {', '.join(TYPES)}, got {sql_type!r}", path)
    accepted = spec.get("accepted", shared.accepted if shared else None)
    if accepted is not None and accepted not in TERMS:
        raise _fail(f"{where}: accepted must name a vocabulary of vnhealth.inputs.terms "
                    f"({', '.join(TERMS)}), got {accepted!r}", path)
    references = spec.get("references", shared.references if shared else None)
    if references is not None and str(references).count(".") != 1:
        raise _fail(f"{where}: references must be table.column, got {references!r}", path)
    return ColumnSpec(name, sql_type, accepted, references)


def _table_spec(name: str, spec: dict[str, Any], shared: dict[str, ColumnSpec],
                path: Path) -> TableSpec:
    layer = spec.get("layer")
    if layer not in LAYERS:
        raise _fail(f"tables.{name}.layer must be one of {', '.join(LAYERS)}, got {layer!r}",
                    path)
    columns = tuple(
        _column_spec(col, c or {}, shared.get(col), f"tables.{name}.columns.{col}", path)
        for col, c in (spec.get("columns") or {}).items())
    if not columns:
        raise _fail(f"tables.{name} lists no columns", path)
    names = {c.name for c in columns}
    for key in ("primary_key", "unique"):
        unknown = sorted(set(spec.get(key) or ()) - names)
        if unknown:
            raise _fail(f"tables.{name}.{key}: {unknown} are not columns of the table", path)
    return TableSpec(name, layer, columns, tuple(spec.get("primary_key") or ()),
                     tuple(spec.get("unique") or ()))


def _check_references(tables: dict[str, TableSpec], path: Path) -> None:
    for table in tables.values():
        for col in table.columns:
            if col.references:
                target, column = col.references.split(".")
                if target not in tables or column not in tables[target].names:
                    raise _fail(f"tables.{table.name}.columns.{col.name}: references "
                                f"{col.references}, which the schema does not declare", path)


@lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int) -> Schema:
    try:
        data = safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(f"malformed YAML: {getattr(exc, 'problem', exc)}", path=path,
                         line=mark.line + 1 if mark else None) from exc
    shared = {name: _column_spec(name, spec or {}, None, f"columns.{name}", path)
              for name, spec in (data.get("columns") or {}).items()
              if (spec or {}).get("type")}
    tables = {name: _table_spec(name, spec or {}, shared, path)
              for name, spec in (data.get("tables") or {}).items()}
    _check_references(tables, path)
    return Schema(tables, {n: c.type for n, c in shared.items()})


def load_schema(path: Path) -> Schema:
    """The schema of the ``schema.yaml`` at `path` (read again when the file changes)."""
    path = Path(path).resolve()
    return _load(path, path.stat().st_mtime_ns)


def project_schema(paths: ProjectPaths | None = None) -> Schema:
    """The schema of a project (default: this repository or $VNHEALTH_ROOT); a project without
    its own ``sql/schema.yaml`` has this package's (the schema is the code's contract)."""
    path = (paths or ProjectPaths.at()).sql / SCHEMA_FILE
    if not path.is_file():
        path = Path(__file__).resolve().parents[3] / "sql" / SCHEMA_FILE
    return load_schema(path)


def pandas_dtype(sql_type: str) -> str | None:
    """The pandas dtype a column of `sql_type` has in the library's frames (None: object)."""
    return _PANDAS_DTYPES.get(sql_type)


# ---------------------------------------------------------------------------------------------
# generic checks
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GeneratedCheck:
    """A data check written from the schema: a query returning the offending rows."""

    name: str
    title: str
    title_vi: str
    sql: str


def _union(parts: list[str], columns: str, order: str) -> str:
    if not parts:
        return f"SELECT {columns} WHERE false"
    return "\nUNION ALL\n".join(parts) + f"\nORDER BY {order}"


def _key_checks(schema: Schema) -> str:
    parts = []
    for t in schema.tables.values():
        keys = [(t.name, list(t.primary_key))] if t.primary_key else []
        keys += [(f"{t.name}.{c}", [c]) for c in t.unique]
        for label, cols in keys:
            key = cols[0] if len(cols) == 1 else f"concat_ws(' | ', {', '.join(cols)})"
            missing = " OR ".join(f"{c} IS NULL" for c in cols)
            parts.append(
                f"SELECT '{label}' AS source_table, CAST({key} AS VARCHAR) AS key, count(*) AS "
                f"n_rows, CASE WHEN bool_or({missing}) THEN 'missing key' ELSE 'duplicate key' "
                f"END AS problem FROM {t.name} GROUP BY ALL HAVING bool_or({missing}) "
                "OR count(*) > 1")
    return _union(parts, "NULL AS source_table, NULL AS key, NULL AS n_rows, NULL AS problem",
                  "source_table, key")


def _accepted_checks(schema: Schema) -> str:
    parts = []
    for t in schema.tables.values():
        for c in t.columns:
            if c.accepted:
                allowed = ", ".join("'" + v.replace("'", "''") + "'"
                                    for v in values(TERMS[c.accepted]))
                parts.append(
                    f"SELECT '{t.name}' AS source_table, '{c.name}' AS column_name, "
                    f"CAST({c.name} AS VARCHAR) AS value, count(*) AS n_rows FROM {t.name} "
                    f"WHERE {c.name} NOT IN ({allowed}) GROUP BY ALL")
    return _union(parts, "NULL AS source_table, NULL AS column_name, NULL AS value, "
                         "NULL AS n_rows", "source_table, column_name, value")


def _reference_checks(schema: Schema) -> str:
    parts = []
    for t in schema.tables.values():
        for c in t.columns:
            if not c.references or c.references == f"{t.name}.{c.name}":
                continue
            target, column = c.references.split(".")
            parts.append(
                f"SELECT '{t.name}' AS source_table, '{c.name}' AS column_name, "
                f"CAST(x.{c.name} AS VARCHAR) AS value, count(*) AS n_rows FROM {t.name} AS x "
                f"WHERE x.{c.name} IS NOT NULL AND x.{c.name} NOT IN "
                f"(SELECT {column} FROM {target} WHERE {column} IS NOT NULL) GROUP BY ALL")
    return _union(parts, "NULL AS source_table, NULL AS column_name, NULL AS value, "
                         "NULL AS n_rows", "source_table, column_name, value")


def generic_checks(schema: Schema) -> list[GeneratedCheck]:
    """The checks every table gets from its declaration (all at error level)."""
    return [
        GeneratedCheck("schema_accepted_values",
                       "Values outside their column's vocabulary (sql/schema.yaml `accepted`).",
                       "Giá trị nằm ngoài danh mục cho phép của cột.",
                       _accepted_checks(schema)),
        GeneratedCheck("schema_keys",
                       "Keys that are missing or not unique (sql/schema.yaml `primary_key`, "
                       "`unique`).",
                       "Khóa bị thiếu hoặc bị trùng.", _key_checks(schema)),
        GeneratedCheck("schema_references",
                       "Ids that point to a row the referenced table does not have "
                       "(sql/schema.yaml `references`).",
                       "Mã tham chiếu đến dòng không có trong bảng được tham chiếu.",
                       _reference_checks(schema)),
    ]
