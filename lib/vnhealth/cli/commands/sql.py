"""`vnhealth sql` (ad-hoc, read-only SQL on the warehouse) and `vnhealth tables` (what is in it).

    vnhealth sql 'SELECT * FROM v_gaps WHERE year = $year' --param year=2030
    vnhealth sql --file sql/examples/life_expectancy_2030_below_national.sql --format markdown
    vnhealth tables [NAME ...] [--brief] [--format text|json|markdown]

(In a shell, quote a query that holds ``$NAME`` with single quotes: inside double quotes the
shell replaces ``$year`` by its own, usually empty, variable before DuckDB sees it.)

The warehouse is opened so that DuckDB itself refuses every write, every other file, every
extension and every download, and cannot be reconfigured (see :mod:`vnhealth.build.db`). Before
that,
for a friendlier message, only statements that read are accepted (SELECT, WITH, FROM, DESCRIBE,
SHOW, SUMMARIZE, PIVOT, EXPLAIN, PRAGMA table_info/show_tables): COPY, ATTACH, SET, CALL and
every statement that writes are refused before anything runs. Parameters given
with ``--param NAME=VALUE`` are bound to the query's ``$NAME`` placeholders by DuckDB, never
pasted into the SQL text. Errors print ``error: …`` and exit with status 2.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from vnhealth.build.query import (  # noqa: F401 - re-exported
    _EXPLAIN_ANALYZE_RE,  # noqa: F401
    _EXPLAIN_OPTIONS_RE,  # noqa: F401
    _FLOAT_RE,  # noqa: F401
    _IDENT_RE,  # noqa: F401
    _INT_RE,  # noqa: F401
    _LEADING_PARENS_RE,  # noqa: F401
    _LEADING_RE,  # noqa: F401
    ALLOWED,  # noqa: F401
    FORMATS,  # noqa: F401
    READ_ONLY_PRAGMAS,  # noqa: F401
    QueryError,  # noqa: F401
    Result,  # noqa: F401
    _explained,  # noqa: F401
    _first_word,  # noqa: F401
    _is_number,  # noqa: F401
    _message,  # noqa: F401
    _plain,  # noqa: F401
    _require_read_only,  # noqa: F401
    _require_read_only_explained,  # noqa: F401
    _skip_comments,  # noqa: F401
    _statement_kind,  # noqa: F401
    _statements,  # noqa: F401
    _word,  # noqa: F401
    format_result,  # noqa: F401
    open_warehouse,  # noqa: F401
    parse_param,  # noqa: F401
    parse_params,  # noqa: F401
    read_only_statement,  # noqa: F401
    run_query,  # noqa: F401
    value_text,  # noqa: F401
    warehouse_path,  # noqa: F401
    write_out,  # noqa: F401
)
from vnhealth.cli.commands import add_warehouse_option, examples, subcommand
from vnhealth.inputs.errors import ParameterError


def _read_query(args: argparse.Namespace) -> tuple[str, str]:
    if args.file and args.query:
        raise ParameterError("give a query or --file, not both")
    if args.file:
        path = Path(args.file)
        if not path.is_file():
            raise ParameterError(f"--file {path}: no such file")
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except UnicodeDecodeError as exc:
            raise ParameterError(f"--file {path}: not UTF-8 text ({exc.reason})") from exc
    if not args.query or not args.query.strip():
        raise ParameterError('give a query, e.g. vnhealth sql "SELECT * FROM v_gaps", '
                             "or --file FILE.sql")
    return args.query, "query"


def cmd_sql(args: argparse.Namespace) -> int:
    """Run one read-only query and print its result."""
    sql, where = _read_query(args)
    params = parse_params(args.param)
    con = open_warehouse(args.warehouse)
    try:
        result = run_query(con, sql, params, where)
    finally:
        con.close()
    write_out(format_result(result, args.format))
    return 0


def describe_objects(con: Any, names: Sequence[str] = ()) -> list[dict[str, Any]]:
    """Tables, views and table macros with their columns and one-line descriptions."""
    from vnhealth.build.sqlfiles import warehouse_objects

    objects = warehouse_objects(con)
    known = {o.name for o in objects}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ParameterError(f"no table or view named {', '.join(unknown)}; known: "
                             f"{', '.join(sorted(known))}")
    return [{
        "name": o.name, "type": o.type, "description": o.comment,
        "parameters": list(o.parameters),
        "columns": [{"name": c, "type": t, "description": d} for c, t, d in o.columns],
    } for o in objects if not names or o.name in names]


def format_objects(objects: list[dict[str, Any]], fmt: str, brief: bool = False) -> str:
    """Render `vnhealth tables` output."""
    if fmt == "json":
        return json.dumps(objects, ensure_ascii=False, indent=2) + "\n"
    out: list[str] = []
    for o in objects:
        call = f"({', '.join(o['parameters'])})" if o["type"] == "macro" else ""
        desc = o["description"] or ""
        if fmt == "markdown":
            out += [f"### `{o['name']}{call}` ({o['type']})", "", desc, ""]
            if not brief:
                out += ["| column | type | description |", "| --- | --- | --- |"]
                out += [f"| `{c['name']}` | {c['type']} | "
                        f"{(c['description'] or '').replace('|', chr(92) + '|')} |"
                        for c in o["columns"]]
                out.append("")
            continue
        if fmt != "text":
            raise ParameterError(f"unknown format {fmt!r}; choose text, json or markdown")
        out.append(f"{o['name']}{call}  [{o['type']}, {len(o['columns'])} columns]  {desc}")
        if brief:
            continue
        width = max((len(c["name"]) for c in o["columns"]), default=0)
        twidth = max((len(c["type"]) for c in o["columns"]), default=0)
        for c in o["columns"]:
            out.append(f"    {c['name'].ljust(width)}  {c['type'].ljust(twidth)}  "
                       f"{c['description'] or ''}".rstrip())
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def cmd_tables(args: argparse.Namespace) -> int:
    """List the warehouse's tables, views and table macros."""
    con = open_warehouse(args.warehouse)
    try:
        objects = describe_objects(con, args.names)
    finally:
        con.close()
    write_out(format_objects(objects, args.format, args.brief))
    return 0


SQL_EXAMPLES = (
    "vnhealth sql 'SELECT * FROM v_gaps WHERE year = $year' --param year=2030",
    "vnhealth sql --file sql/examples/life_expectancy_2030_below_national.sql --format markdown",
    "vnhealth sql --file sql/examples/value_for_a_year.sql --format csv \\\n"
    "    -p province=lai_chau -p indicator=hypertension_managed -p year=2023",
    "vnhealth sql 'SELECT kind, count(*) AS n FROM observations GROUP BY kind' --format json",
)
TABLES_EXAMPLES = (
    "vnhealth tables --brief",
    "vnhealth tables observations v_gaps --format markdown",
)


def register(subparsers: Any) -> None:
    """Add `sql` and `tables` to the `vnhealth` command."""
    s = subcommand(
        subparsers, "sql", help="run a read-only SQL query on the warehouse",
        description="Run one read-only query (SELECT, WITH, DESCRIBE, SHOW, EXPLAIN, PRAGMA "
                    "table_info) on the warehouse, opened read-only. Parameters are bound as "
                    "$NAME, never pasted into the SQL.",
        epilog=examples(*SQL_EXAMPLES, notes=(
            "In a shell, put a query that holds $NAME in single quotes: inside double quotes "
            "the shell replaces $year itself. Exit status: 0, or 2 when the query cannot run "
            "(not read-only, a parameter missing, a DuckDB error).")))
    s.add_argument("query", nargs="?", help="the SQL query (or use --file)")
    s.add_argument("--file", "-f", help="read the query from this .sql file")
    s.add_argument("--param", "-p", action="append", metavar="NAME=VALUE",
                   help="bind $NAME to VALUE (repeatable); integers and decimals are numbers")
    s.add_argument("--format", choices=FORMATS, default="table", help="output format")
    add_warehouse_option(s, "warehouse file (default: ROOT/data/warehouse.duckdb)")
    s.set_defaults(func=cmd_sql)

    t = subcommand(
        subparsers, "tables", help="list the warehouse's tables and views with their columns",
        description="List tables, views and table macros with their columns, types and "
                    "one-line descriptions (stored in the warehouse as comments).",
        epilog=examples(*TABLES_EXAMPLES))
    t.add_argument("names", nargs="*", metavar="NAME", help="only these tables or views")
    t.add_argument("--brief", action="store_true", help="names and descriptions only")
    t.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    add_warehouse_option(t, "warehouse file (default: ROOT/data/warehouse.duckdb)")
    t.set_defaults(func=cmd_tables)
