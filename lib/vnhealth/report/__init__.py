"""What the report notebooks call (``from vnhealth import report``): query the warehouse
read-only, build tables, charts and text.

The notebooks stay thin — a parameters cell, a validation cell, then calls into this package —
so that anything computed twice lives here, is tested here, and reads the same in every report.
The package reads the tables the build materialized (``comparison``, ``harmonized``,
``national_benchmark``, ``observation_values``) and works on plain rows: a report kernel loads
neither pandas nor plotly's Python package, which would cost more than the report itself.

Its modules, lowest first (each imports only those above it):

* :mod:`~vnhealth.report.labels` — the words, from ``texts/vi.yaml`` and ``texts/en.yaml``
  (:func:`label`, :func:`domain_label`); the terms of the domain's vocabularies (kinds,
  methods, bound kinds, assessments …) are :mod:`vnhealth.inputs.terms`'s, with their orders and
  labels.
* :mod:`~vnhealth.report.formatting` — numbers as people write them (:func:`fmt_number`:
  ``1.234,5`` in Vietnamese, ``1,234.5`` in English), with comparator and unit
  (:func:`fmt_value`: ``≥ 68 năm``), differences in percentage points (:func:`fmt_change`).
* :mod:`~vnhealth.report.style` — colours, font, the brief's chart width.
* :mod:`~vnhealth.report.markup` — HTML from the Jinja2 templates in ``templates/``.
* :mod:`~vnhealth.report.figures` — plotly figures as plain specs, and how they are shown: a
  chart in a ``<figure>`` with what it finds, its phone layout drawn below the width the
  other is laid out for (:func:`chart_bundle`).
* :mod:`~vnhealth.report.geometry` — room for text on a chart, in pixels: label sizes, where
  plotly.js puts a label, axis ranges that leave each label its room, panels stacked at a
  readable height; what a chart is laid out for (a printed page in paper type, a screen, a
  phone: ``Frame``, ``Sizes``).
* :mod:`~vnhealth.report.data` — :func:`load` opens the warehouse read-only and returns a
  :class:`Warehouse` (small tables loaded, lookups, :meth:`Warehouse.query` for the rest);
  :class:`Table` holds rows (dicts; ``.to_pandas()``).
* :mod:`~vnhealth.report.citations` — :class:`SourceBook` numbers the sources so that each
  value shown points to its line: the documents cited (province, number, title, issue date;
  a national target's official document, its news reports as secondary links), then one note
  per line cited.
* :mod:`~vnhealth.report.queries` — :func:`comparison_table`, :func:`pace_table`,
  :func:`coverage_table`; national paces and disagreements; reform notes.
* :mod:`~vnhealth.report.tables` — the HTML tables (:func:`table_html`, :func:`ambition_html`,
  :func:`pace_html`, :func:`coverage_html`, :func:`qualitative_html`): each with a caption,
  headings of columns, an id a chart links to, and verdicts in words as well as colour.
* :mod:`~vnhealth.report.profile` — one province: :func:`profile_table`,
  :func:`profile_html`, :func:`documents_html`.
* :mod:`~vnhealth.report.captions` — what each chart finds, in a sentence or two (its
  caption), every number from the rows it draws.
* :mod:`~vnhealth.report.marks` — what every chart shares: values drawn as what they are
  (dots, open triangles for bounds, bands for ranges), labelled; the layout (titles wrapped
  to the width), one legend; each chart drawn for its frame and for a phone (``drawn``) and
  described (``described``).
* :mod:`~vnhealth.report.levels` — levels by province, a row each, the national target a row
  and a line: :func:`interval_bars`, :func:`dumbbells`, :func:`pace_chart`.
* :mod:`~vnhealth.report.charts` — :func:`heatmap`, :func:`coverage_chart`,
  :func:`trajectories`, coloured by direction (blue ahead of the national target, orange
  behind).
* :mod:`~vnhealth.report.sentences` — findings as sentences (:func:`findings`,
  :func:`brief_findings`, :func:`brief_missing`).
* :mod:`~vnhealth.report.brief` — the brief's title, cover and method note.
* :mod:`~vnhealth.report.display` — :func:`show` displays a figure so that it renders in
  JupyterLab (plotly mime type) and, in HTML exported by :mod:`vnhealth.render.run`, as a
  ``<div>`` drawn by the page's one copy of plotly.js (no CDN); :func:`display_html`,
  :func:`heading`, :func:`bullets`, :func:`notes`, :func:`header`.
"""

from __future__ import annotations

from typing import Any

from vnhealth.report import labels as _labels
from vnhealth.report.brief import brief_cover, brief_method, brief_title
from vnhealth.report.charts import coverage_chart, heatmap, trajectories
from vnhealth.report.citations import SourceBook, clean_quote, excerpt, highlight
from vnhealth.report.data import QUALITATIVE_TOPICS, Table, Warehouse, load
from vnhealth.report.display import (
    bullets,
    display_html,
    header,
    heading,
    notes,
    paragraph,
    quiet_telemetry,
    show,
    sql_magic,
    topic_label,
)
from vnhealth.report.figures import PLOTLY_CONFIG, Figure, chart_bundle, figure_bundle
from vnhealth.report.formatting import (
    fmt_change,
    fmt_number,
    fmt_signed,
    fmt_value,
    join_words,
    unit_label,
    value_words,
    with_unit,
)
from vnhealth.report.labels import domain_label, label
from vnhealth.report.levels import dumbbells, interval_bars, pace_chart
from vnhealth.report.profile import documents_html, profile_html, profile_table
from vnhealth.report.queries import (
    comparison_table,
    coverage_table,
    national_disagreement,
    national_pace,
    pace_table,
    reform_notes,
    reform_text,
)
from vnhealth.report.sentences import brief_findings, brief_missing, findings
from vnhealth.report.style import (
    BETTER,
    BRIEF_WIDTH,
    DIVERGING,
    FONT,
    OTHER_YEAR,
    PROVINCE_COLOURS,
    RELATIVE_ONLY,
    WORSE,
    province_colour,
)
from vnhealth.report.tables import (
    ambition_html,
    coverage_html,
    pace_html,
    qualitative_html,
    table_html,
)

__all__ = [
    "BETTER",
    "BRIEF_WIDTH",
    "DIVERGING",
    "FONT",
    "OTHER_YEAR",
    "PLOTLY_CONFIG",
    "PROVINCE_COLOURS",
    "QUALITATIVE_TOPICS",
    "RELATIVE_ONLY",
    "WORSE",
    "Figure",
    "SourceBook",
    "Table",
    "Warehouse",
    "ambition_html",
    "brief_cover",
    "brief_findings",
    "brief_method",
    "brief_missing",
    "brief_title",
    "bullets",
    "chart_bundle",
    "clean_quote",
    "comparison_table",
    "coverage_chart",
    "coverage_html",
    "coverage_table",
    "display_html",
    "documents_html",
    "domain_label",
    "dumbbells",
    "excerpt",
    "figure_bundle",
    "findings",
    "fmt_change",
    "fmt_number",
    "fmt_signed",
    "fmt_value",
    "header",
    "heading",
    "heatmap",
    "highlight",
    "interval_bars",
    "join_words",
    "label",
    "load",
    "national_disagreement",
    "national_pace",
    "notes",
    "pace_chart",
    "pace_html",
    "pace_table",
    "paragraph",
    "profile_html",
    "profile_table",
    "province_colour",
    "qualitative_html",
    "quiet_telemetry",
    "reform_notes",
    "reform_text",
    "show",
    "sql_magic",
    "table_html",
    "topic_label",
    "trajectories",
    "unit_label",
    "value_words",
    "with_unit",
]


def __getattr__(name: str) -> Any:
    """``LABELS`` and ``DOMAINS`` (:mod:`vnhealth.report.labels`), read when first asked for."""
    if name in ("LABELS", "DOMAINS"):
        return getattr(_labels, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
