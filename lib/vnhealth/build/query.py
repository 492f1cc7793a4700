"""Running read-only SQL on the warehouse: the statement check, bound parameters, results and
their formats. Used by `vnhealth sql`, the data checks and the explore notebook."""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import math
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vnhealth.build.db import connect_read_only
from vnhealth.inputs.errors import ParameterError, VnhealthError
from vnhealth.inputs.paths import ProjectPaths

FORMATS = ("table", "csv", "json", "markdown")
READ_ONLY_PRAGMAS = ("table_info", "show_tables", "show_tables_expanded", "database_size",
                     "version", "platform", "storage_info")
ALLOWED = ("SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, PIVOT, EXPLAIN, "
           "PRAGMA table_info")
_IDENT_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_INT_RE = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT_RE = re.compile(r"-?[0-9]+\.[0-9]+(?:[eE][-+]?[0-9]+)?")


class QueryError(VnhealthError):
    """A query that cannot run: not read-only, malformed, or failing in DuckDB."""


# --------------------------------------------------------------------------------------------
# the warehouse, read-only
# --------------------------------------------------------------------------------------------
def warehouse_path(db: str | Path | None, root: str | Path | None = None) -> Path:
    """The warehouse to read: ``db`` when given, else ROOT/data/warehouse.duckdb."""
    return Path(db) if db else ProjectPaths.at(root).warehouse


def open_warehouse(db: str | Path | None = None, root: str | Path | None = None) -> Any:
    """Open the warehouse so that DuckDB itself refuses every write, every other file and every
    download (see :mod:`vnhealth.build.db`); a missing or unreadable file is a clear
    VnhealthError."""
    path = warehouse_path(db, root)
    if not path.exists():
        raise VnhealthError(f"warehouse not found at {path}; run `make warehouse` "
                            "(or `vnhealth build`) to create it")
    return connect_read_only(path)


# --------------------------------------------------------------------------------------------
# parameters and statements
# --------------------------------------------------------------------------------------------
def parse_param(text: str) -> tuple[str, Any]:
    """``NAME=VALUE`` → (name, value). Integers (``2030``, not ``08``) and decimals (``75.5``)
    become numbers, anything else stays text; cast in SQL (``$code::VARCHAR``) to override.

    >>> parse_param("year=2030"), parse_param("province=lai_chau"), parse_param("code=08")
    (('year', 2030), ('province', 'lai_chau'), ('code', '08'))
    """
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("$")
    if not sep or not _IDENT_RE.fullmatch(name):
        raise ParameterError(f"--param {text!r}: expected NAME=VALUE with NAME a SQL identifier "
                             "(used in the query as $NAME)")
    if _INT_RE.fullmatch(value):
        return name, int(value)
    if _FLOAT_RE.fullmatch(value):
        return name, float(value)
    return name, value


def parse_params(items: Sequence[str] | None) -> dict[str, Any]:
    """Every ``--param``; a name given twice is an error."""
    params: dict[str, Any] = {}
    for item in items or ():
        name, value = parse_param(item)
        if name in params:
            raise ParameterError(f"--param {name} is given twice")
        params[name] = value
    return params


# What DuckDB (2.0 and later) keeps at the start of a statement's text: whitespace, `-- line`
# and `/* block */` comments; with ``parens``, also the opening brackets of `(SELECT …)`.
_LEADING_RE = re.compile(r"(?:\s+|--[^\n]*(?:\n|\Z)|/\*.*?\*/)*", re.DOTALL)
_LEADING_PARENS_RE = re.compile(r"(?:\s+|\(|--[^\n]*(?:\n|\Z)|/\*.*?\*/)*", re.DOTALL)
# EXPLAIN [ANALYZE] [(FORMAT json, ANALYZE)] — the options DuckDB takes before the statement.
_EXPLAIN_ANALYZE_RE = re.compile(r"analy[sz]e\b", re.IGNORECASE)
_EXPLAIN_OPTIONS_RE = re.compile(r"\(\s*(?:format|analy[sz]e)\b[^()]*\)", re.IGNORECASE)


def _skip_comments(query: str, parens: bool = False) -> str:
    """``query`` without its leading whitespace and comments (and brackets, with ``parens``)."""
    pattern = _LEADING_PARENS_RE if parens else _LEADING_RE
    match = pattern.match(query)
    return query[match.end():] if match else query


def _first_word(query: str) -> str:
    """The statement's keyword, lower case: comments and opening brackets before it skipped."""
    m = re.match(r"[A-Za-z_]+", _skip_comments(query, parens=True))
    return m[0].lower() if m else ""


def _explained(query: str) -> str | None:
    """The statement an EXPLAIN statement explains (and, with ANALYZE, runs); None when the
    text does not start with EXPLAIN."""
    text = _skip_comments(query)
    m = re.match(r"explain\b", text, flags=re.IGNORECASE)
    if not m:
        return None
    text = _skip_comments(text[m.end():])
    for pattern in (_EXPLAIN_ANALYZE_RE, _EXPLAIN_OPTIONS_RE):
        m = pattern.match(text)
        if m:
            text = _skip_comments(text[m.end():])
    return text


def _statements(con: Any, sql: str, where: str) -> list[Any]:
    """DuckDB's parse of ``sql``; anything DuckDB cannot parse or classify is a QueryError."""
    import duckdb

    try:
        return con.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(f"{where}: {_message(exc)}") from exc
    except Exception as exc:  # e.g. ValueError: a statement type the duckdb module lacks
        raise QueryError(f"{where}: {_word(sql)} is a statement DuckDB's Python module cannot "
                         f"classify ({exc}); only read-only queries are allowed ({ALLOWED})"
                         ) from exc


def _word(sql: str) -> str:
    word = _first_word(sql)
    return word.upper() if word else "this"


def read_only_statement(con: Any, sql: str, where: str = "query") -> Any:
    """Parse ``sql`` and return its one statement if it only reads; else raise QueryError.

    ``where`` names the query in messages (a file path, or "query"). This check is for its
    message only: the connection from :func:`open_warehouse` refuses writes by itself.
    """
    statements = _statements(con, sql, where)
    if not statements:
        raise QueryError(f"{where}: no SQL statement found")
    if len(statements) > 1:
        raise QueryError(f"{where}: {len(statements)} statements found; give one query at a time")
    _require_read_only(con, statements[0], where)
    return statements[0]


def _statement_kind(statement: Any, where: str) -> Any:
    try:
        return statement.type
    except Exception as exc:  # a statement type newer than the duckdb module's enum
        raise QueryError(f"{where}: {_word(statement.query)} statements are not allowed; "
                         f"read-only queries only ({ALLOWED})") from exc


def _require_read_only(con: Any, statement: Any, where: str) -> None:
    from duckdb import StatementType

    kind = _statement_kind(statement, where)
    query = statement.query
    if kind == StatementType.SELECT:
        return
    if kind == StatementType.EXPLAIN:
        _require_read_only_explained(con, query, where)
        return
    word = _first_word(query)
    if kind == StatementType.PRAGMA:
        m = re.match(r"pragma\s+([A-Za-z_]+)", _skip_comments(query), flags=re.IGNORECASE)
        if m and m[1].lower() in READ_ONLY_PRAGMAS:
            return
        if not m:  # IMPORT DATABASE is a PRAGMA to DuckDB
            raise QueryError(f"{where}: {_word(query)} statements are not allowed; read-only "
                             f"queries only ({ALLOWED})")
        raise QueryError(f"{where}: PRAGMA {m[1]} is not allowed; the read-only PRAGMAs are "
                         f"{', '.join(READ_ONLY_PRAGMAS)}")
    # A dynamic PIVOT is several statements to DuckDB (collect the values, then select).
    if kind == StatementType.MULTI and word in ("pivot", "unpivot", "select", "from", "with"):
        return
    raise QueryError(f"{where}: only read-only queries are allowed ({ALLOWED}); this is a "
                     f"{kind.name} statement and was not run")


def _require_read_only_explained(con: Any, query: str, where: str) -> None:
    """EXPLAIN ANALYZE runs its statement: the statement inside must only read as well."""
    inner = _explained(query)
    try:
        inside = _statements(con, inner, where) if inner else []
    except QueryError:
        inside = []
    if len(inside) != 1:
        raise QueryError(f"{where}: cannot tell which statement this EXPLAIN explains; write "
                         "EXPLAIN [ANALYZE] followed by one read-only query")
    _require_read_only(con, inside[0], where)


def _message(exc: BaseException) -> str:
    """DuckDB's message, blank lines dropped."""
    return re.sub(r"\n\s*\n", "\n", str(exc).strip())


@dataclass
class Result:
    """Columns, their DuckDB types and rows (Python values) of a query."""

    columns: list[str]
    types: list[str]
    rows: list[tuple[Any, ...]]


def run_query(con: Any, sql: str, params: Mapping[str, Any] | None = None,
              where: str = "query") -> Result:
    """Run one read-only query with named parameters bound by DuckDB; fetch every row.

    Parameters the query uses but are not given, and parameters given but not used, are
    errors that name them.
    """
    import duckdb

    statement = read_only_statement(con, sql, where)
    params = dict(params or {})
    wanted = set(statement.named_parameters or ())
    missing = sorted(wanted - set(params))
    if missing:
        raise QueryError(f"{where}: the query uses {', '.join('$' + m for m in missing)}; "
                         f"give {' '.join('--param ' + m + '=VALUE' for m in missing)}")
    unused = sorted(set(params) - wanted)
    if unused:
        raise QueryError(f"{where}: --param {', '.join(unused)} given but the query has no "
                         f"{', '.join('$' + u for u in unused)}")
    try:
        cursor = con.execute(sql, params) if params else con.execute(sql)
        description = cursor.description or []
        rows = cursor.fetchall()  # always fetch: an unfetched result blocks the connection
    except duckdb.PermissionException as exc:
        raise QueryError(f"{where}: {_message(exc)}\n(vnhealth sql reads the warehouse only: "
                         "no other file, no extension, no download)") from exc
    except duckdb.Error as exc:
        raise QueryError(f"{where}: {_message(exc)}") from exc
    except Exception as exc:  # the boundary: whatever DuckDB raises is a message, not a traceback
        raise QueryError(f"{where}: DuckDB could not run this query "
                         f"({type(exc).__name__}: {_message(exc)})") from exc
    return Result([d[0] for d in description], [str(d[1]) for d in description], rows)


# --------------------------------------------------------------------------------------------
# output
# --------------------------------------------------------------------------------------------
def _plain(value: Any) -> Any:
    """A JSON-ready value."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def value_text(value: Any, null: str = "NULL") -> str:
    """How a value is shown in table and markdown output (floats to 10 significant digits)."""
    if value is None:
        return null
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.10g}"
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(_plain(value), ensure_ascii=False)
    return str(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, decimal.Decimal)) and not isinstance(value, bool)


def format_result(result: Result, fmt: str) -> str:
    """Render a result as ``table`` (aligned text), ``csv``, ``json`` (a list of objects) or
    ``markdown`` (a pipe table)."""
    cols, rows = result.columns, result.rows
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(cols)
        for r in rows:
            writer.writerow(["" if v is None else value_text(v) if not isinstance(v, float)
                             else repr(v) for v in r])
        return buf.getvalue()
    if fmt == "json":
        records = [{c: _plain(v) for c, v in zip(cols, r, strict=True)} for r in rows]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        def cell(v: Any) -> str:
            return value_text(v, "").replace("|", "\\|").replace("\n", " ")
        lines = ["| " + " | ".join(cols) + " |",
                 "| " + " | ".join("---:" if rows and _is_number(rows[0][i]) else "---"
                                   for i in range(len(cols))) + " |"]
        lines += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
        return "\n".join(lines) + "\n"
    if fmt != "table":
        raise ParameterError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    cells = [[value_text(v).replace("\n", " ") for v in r] for r in rows]
    numeric = [any(_is_number(r[i]) for r in rows) and
               all(r[i] is None or _is_number(r[i]) for r in rows) for i in range(len(cols))]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(cols)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w)
                         for v, w, num in zip(values, widths, numeric, strict=True)).rstrip()

    out = [line(cols), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------
# commands
# --------------------------------------------------------------------------------------------
def write_out(text: str) -> None:
    """Print a result; a reader that stops early (``| head``) is not an error."""
    import os

    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would complain again when flushing stdout at exit: point it at /dev/null.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
