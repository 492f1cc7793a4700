"""Showing report parts in the notebook — and so in the report exported from it: HTML,
headings, paragraphs, bullets, notes, the report's header, figures; and jupysql on a read-only
connection for the SQL notebook. IPython is imported when something is shown, not before."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable, Sequence
from typing import Any

from vnhealth.report.data import Warehouse
from vnhealth.report.figures import chart_bundle
from vnhealth.report.labels import domain_label, label
from vnhealth.report.markup import render

_TAGS = re.compile(r"<[^>]+>")


def display_html(markup: str) -> None:
    """Show HTML in the notebook (and in the exported report)."""
    from IPython.display import display

    display({"text/html": markup, "text/plain": strip_tags(markup)}, raw=True)


def strip_tags(markup: str) -> str:
    """HTML as plain text: tags made spaces, entities decoded."""
    return html.unescape(_TAGS.sub(" ", markup)).strip()


def heading(text: str, level: int = 2) -> None:
    """A section heading in the report's language (markdown cells are the notebook's own notes
    and are left out of rendered reports)."""
    display_html(render("heading.html.j2", text=text, level=level))


def paragraph(text: str, cls: str = "") -> None:
    """Show a paragraph of text (escaped) in the report."""
    display_html(render("p.html.j2", text=text, cls=cls))


def bullets(items: Iterable[str], cls: str = "vnh-findings") -> None:
    """Show a bulleted list (findings, by default styled as such)."""
    display_html(render("bullets.html.j2", items=list(items), cls=cls))


def notes(texts: Iterable[str]) -> None:
    """Display reform notes (or any caveats) as highlighted paragraphs."""
    for text in texts:
        paragraph(text, "vnh-note")


def header(title: str, wh: Warehouse, lang: str, *, provinces: Sequence[str] = (),
           topic: str = "") -> None:
    """The report's title and a line saying which data and parameters it shows."""
    names = ", ".join(wh.province_name(p, lang) for p in provinces) or "—"
    meta = label("meta", lang, build=wh.build_hash[:12], provinces=names,
                 topic=topic or label("all_indicators", lang))
    display_html(render("header.html.j2", title=title, meta=meta))


def topic_label(wh: Warehouse, domain: str, indicators: Sequence[str], lang: str) -> str:
    """``Tuổi thọ và tầm vóc`` for a domain, else the indicator names (up to three)."""
    if domain:
        return domain_label(domain, lang)
    names = [wh.indicator_name(i, lang) for i in indicators]
    return "; ".join(names[:3]) + ("…" if len(names) > 3 else "")


def show(fig: Any) -> None:
    """Display a plotly figure with what it finds in words (see
    :func:`~vnhealth.report.figures.chart_bundle`)."""
    from IPython.display import display

    display(chart_bundle(fig), raw=True)


def sql_magic(con: Any, alias: str = "warehouse") -> None:
    """Load jupysql in the running notebook on ``con`` (a read-only DuckDB connection).

    Telemetry and the version check are turned off first; results come back as DataFrames;
    jupysql's start-up chatter (e.g. about optional config packages) is kept out of reports.
    """
    from IPython import get_ipython
    from IPython.utils.capture import capture_output

    quiet_telemetry()
    ip = get_ipython()
    if ip is None:
        raise RuntimeError("sql_magic() needs a running IPython kernel")
    # jupysql announces, as display output, that it could read settings from pyproject.toml
    # with the optional `toml` package; that note is not for report readers.
    with capture_output(stdout=True, stderr=False, display=True):
        ip.run_line_magic("load_ext", "sql")
        for setting in ("SqlMagic.displaycon = False", "SqlMagic.feedback = 0",
                        "SqlMagic.autopandas = True", "SqlMagic.displaylimit = 20"):
            ip.run_line_magic("config", setting)
        ip.user_ns["_vnh_sql_con"] = con
        ip.run_line_magic("sql", f"_vnh_sql_con --alias {alias}")


def quiet_telemetry() -> None:
    """Turn off jupysql's (ploomber) telemetry and version check: no network from notebooks."""
    os.environ["PLOOMBER_STATS_ENABLED"] = "false"
    os.environ["PLOOMBER_VERSION_CHECK_DISABLED"] = "1"
