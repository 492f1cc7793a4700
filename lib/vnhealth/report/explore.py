"""The `explore` notebook's library: worked SQL examples, each shown with the SQL that ran.

:func:`example` takes one read-only query and the values of its ``$name`` parameters, which
DuckDB binds (never pasted into the SQL text), and shows, in this order, a heading, the query
exactly as it is executed, the bound values, and the result as an HTML table (no row index).
What a reader sees is therefore what ran, and the query can be pasted into ``vnhealth sql``
with the same ``--param`` values.

Why not jupysql: it loads SQLAlchemy, sqlglot and pandas, which made the explore report take
2.3–2.7 × an empty notebook; this module needs only DuckDB and the standard library. In
JupyterLab, ``vnhealth.report.sql_magic(con)`` still gives ``%sql`` on the same connection, and
``con.execute(sql, params).df()`` a DataFrame.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["TEXTS", "Shown", "connect", "example", "intro", "run", "table_html", "text"]

# The notebook's words, Vietnamese and English; headings are formatted with the parameters.
TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Khám phá dữ liệu bằng SQL", "Explore the warehouse with SQL"),
    "intro": ("Mỗi ví dụ là một truy vấn chỉ đọc trên kho dữ liệu: câu lệnh SQL đúng như khi "
              "chạy, giá trị gắn cho các tham số $tên và kết quả. Chạy lại trong dòng lệnh: "
              "vnhealth sql --file FILE.sql --param province=… --param year=…",
              "Each example is one read-only query on the warehouse: the SQL exactly as it "
              "ran, the values bound to its $name parameters, and the result. To run one "
              "again: vnhealth sql --file FILE.sql --param province=… --param year=…"),
    "tables": ("1. Các bảng, khung nhìn và số dòng", "1. Tables, views and their rows"),
    "targets": ("2. Chỉ tiêu của {province} cho năm {year}, với dòng nguồn",
                "2. Targets of {province} for {year}, with their source line"),
    "national": ("3. Giá trị đã chuẩn hóa năm {year} so với mục tiêu quốc gia",
                 "3. Harmonized values for {year} against the national target"),
    "unmapped": ("4. Các con số trong văn bản của {province} chưa gắn với chỉ tiêu nào "
                 "(nơi danh mục có thể mở rộng)",
                 "4. Numbers in {province}'s documents not mapped to an indicator "
                 "(where the catalogue can grow)"),
    "pivot": ("5. Số liệu trích xuất theo tỉnh và loại (PIVOT)",
              "5. Observations per province and kind (PIVOT)"),
    "parameters": ("Tham số", "Parameters"),
    "rows": ("{n} dòng", "{n} rows"),
    "one_row": ("1 dòng", "1 row"),
    "first_rows": ("{n} dòng; hiển thị {shown} dòng đầu", "{n} rows; the first {shown} shown"),
    "no_rows": ("Không có dòng nào.", "No rows."),
}


# The page's stylesheet belongs to the renderer; the SQL stands apart from results here.
_SQL_STYLE = "background:#f6f8fa;border-left:3px solid #dadce0;padding:8px 12px"


def text(key: str, lang: str, **values: Any) -> str:
    """The text for ``key`` in ``lang`` (``vi``; any other code reads English); a key that is
    not in :data:`TEXTS` is shown as it is, so a notebook can give its own heading."""
    if key not in TEXTS:
        return key
    vi, en = TEXTS[key]
    chosen = vi if lang == "vi" else en
    return chosen.format(**values) if values else chosen


def connect(warehouse: Any) -> Any:
    """A read-only cursor on the warehouse (see :func:`vnhealth.report.params.connect_read_only`:
    the
    renderer reads the build hash of the warehouse attached there)."""
    from vnhealth.report.params import connect_read_only

    return connect_read_only(warehouse)


def _display(markup: str, plain: str) -> None:
    from IPython.display import display

    display({"text/html": markup, "text/plain": plain}, raw=True)


def intro(lang: str) -> None:
    """The page's title and what the examples show."""
    title, body = text("title", lang), text("intro", lang)
    _display(f"<h1>{html.escape(title)}</h1>\n<p>{html.escape(body)}</p>", f"{title}\n{body}")


@dataclass(frozen=True)
class Shown:
    """A query as it ran: its text, the bound values, its columns and every row."""

    sql: str
    params: dict[str, Any]
    columns: list[str]
    rows: list[tuple[Any, ...]]


def run(con: Any, sql: str, params: Mapping[str, Any] | None = None) -> Shown:
    """Run one read-only query with DuckDB-bound ``$name`` parameters; every row fetched.

    The text is dedented and stripped first, and that text is both run and returned, so what
    is shown is what ran. A parameter the query uses but is not given, or one given but not
    used, is a QueryError naming it.
    """
    from vnhealth.build.query import QueryError, run_query

    query = textwrap.dedent(sql).strip()
    values = dict(params or {})
    try:
        result = run_query(con, query, values, where="example")
    except QueryError as exc:
        # run_query words parameter problems for the command line (--param); a notebook gives
        # them as keywords of example().
        raise QueryError(exc.detail.replace("--param ", "")) from None
    return Shown(query, values, result.columns, result.rows)


def _literal(value: Any) -> str:
    """A bound value as SQL would write it: text quoted, numbers as they are."""
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return "NULL" if value is None else str(value)


def _cell(value: Any) -> str:
    from vnhealth.build.query import value_text

    if value is None:
        return '<td class="vnh-missing">NULL</td>'
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    cls = ' class="vnh-value"' if numeric else ""
    return f"<td{cls}>{html.escape(value_text(value))}</td>"


def table_html(shown: Shown, lang: str, max_rows: int) -> str:
    """The result as an HTML table (column names as the query gave them, no row index) and a
    line saying how many rows there are and how many are shown."""
    n = len(shown.rows)
    if not n:
        return f'<p class="vnh-meta">{html.escape(text("no_rows", lang))}</p>'
    head = "".join(f"<th>{html.escape(c)}</th>" for c in shown.columns)
    body = "\n".join("<tr>" + "".join(_cell(v) for v in row) + "</tr>"
                     for row in shown.rows[:max_rows])
    count = (text("first_rows", lang, n=n, shown=max_rows) if n > max_rows
             else text("one_row" if n == 1 else "rows", lang, n=n))
    return (f'<table class="vnh-table vnh-sql-result"><thead><tr>{head}</tr></thead>\n'
            f'<tbody>\n{body}\n</tbody></table>\n<p class="vnh-meta">{html.escape(count)}</p>')


def example(con: Any, heading: str, sql: str, lang: str = "en", *, max_rows: int = 50,
            **params: Any) -> None:
    """Show one worked example: the heading (a key of :data:`TEXTS`, formatted with
    ``params``, or a text of its own), the SQL as it runs, the values bound to its ``$name``
    parameters, and its result (the first ``max_rows`` rows). Returns nothing, so that the cell
    shows no repr of the result; :func:`run` gives the rows."""
    shown = run(con, sql, params)
    title = text(heading, lang, **params)
    parts = [f"<h2>{html.escape(title)}</h2>",
             f'<pre class="vnh-sql" style="{_SQL_STYLE}"><code>{html.escape(shown.sql)}'
             "</code></pre>"]
    if shown.params:
        bound = ", ".join(f"${k} = {_literal(v)}" for k, v in shown.params.items())
        parts.append(f'<p class="vnh-meta">{html.escape(text("parameters", lang))}: '
                     f"<code>{html.escape(bound)}</code></p>")
    parts.append(table_html(shown, lang, max_rows))
    _display("\n".join(parts), f"{title}\n\n{shown.sql}\n\n({len(shown.rows)} rows)")
