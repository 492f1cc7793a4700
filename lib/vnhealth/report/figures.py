"""Plotly figures as plain dicts: the part of plotly's figure API the report charts use.

Building a ``plotly.graph_objects.Figure`` loads and validates plotly's whole property tree,
which is most of a short report's run time. The charts here are built from known properties
straight into the JSON that plotly.js draws (``{"data": [...], "layout": {...}}``);
``tests/report/test_figures.py`` checks every chart against plotly's own validation and
:func:`make_subplots` against ``plotly.subplots.make_subplots``. :meth:`Figure.to_plotly`
gives a real plotly figure for anyone who wants to restyle one in a notebook.
:func:`figure_bundle` is how a figure is displayed: the spec for JupyterLab, a ``<div>`` and a
script for the exported HTML; :func:`chart_bundle` the same chart as a report shows it, in a
``<figure>`` saying in words what it shows and finds.

A chart function returns the figure laid out for a page (or a screen at least
``laid_out`` pixels wide) and, as ``narrow``, the same chart laid out for a phone; the page draws
the one that fits its box, and switches when the window is resized.
"""

from __future__ import annotations

import copy
import itertools
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from vnhealth.report.labels import label
from vnhealth.report.markup import render, safe

__all__ = ["PLOTLY_CONFIG", "Figure", "chart_bundle", "figure_bundle", "make_subplots"]

PLOTLY_CONFIG = {"displaylogo": False, "responsive": True,
                 "modeBarButtonsToRemove": ["lasso2d", "select2d"]}
_FIGURE_IDS = itertools.count(1)


def _merge(target: dict[str, Any], update: Mapping[str, Any]) -> None:
    """Update nested dicts key by key, as plotly's ``update_*`` methods do."""
    for key, value in update.items():
        if isinstance(value, Mapping) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value) if isinstance(value, (dict, list)) else value


class Figure:
    """A plotly figure spec with plotly-style ``add_*`` and ``update_*`` methods.

    >>> fig = Figure()
    >>> fig.add_bar(x=["a"], y=[1], name="A")
    >>> fig.update_layout(height=300, margin={"t": 20})
    >>> fig.update_layout(margin={"l": 5})
    >>> fig.to_dict()["data"][0]["type"], fig.layout["margin"]
    ('bar', {'t': 20, 'l': 5})
    """

    def __init__(self, lang: str = "en") -> None:
        self.data: list[dict[str, Any]] = []
        self.layout: dict[str, Any] = {}
        self.lang = lang  # the report's language: number separators follow it
        self._grid: dict[tuple[int, int], int] = {}
        # The same chart laid out for a phone, drawn in a box narrower than `laid_out` pixels.
        self.narrow: Figure | None = None
        self.laid_out = 0
        # What it shows (the chart's name for assistive technology), what it finds (its
        # caption), and the ids of tables with the same numbers (the first on the page is
        # linked).
        self.description = ""
        self.caption = ""
        self.tables: tuple[str, ...] = ()

    # -- traces ------------------------------------------------------------------------------
    def add_trace(self, trace: Mapping[str, Any], row: int | None = None,
                  col: int | None = None) -> None:
        """Append a trace (a dict with ``type``), on subplot ``row``/``col`` when given;
        properties given as None are left out, as plotly does."""
        spec = {k: v for k, v in trace.items() if v is not None or k in ("x", "y")}
        if row is not None and col is not None:
            n = self._grid[(row, col)]
            spec["xaxis"] = "x" if n == 1 else f"x{n}"
            spec["yaxis"] = "y" if n == 1 else f"y{n}"
        self.data.append(spec)

    def add_bar(self, row: int | None = None, col: int | None = None, **props: Any) -> None:
        """A bar trace."""
        self.add_trace({"type": "bar", **props}, row, col)

    def add_scatter(self, row: int | None = None, col: int | None = None, **props: Any) -> None:
        """A scatter trace (lines, markers, text)."""
        self.add_trace({"type": "scatter", **props}, row, col)

    def add_heatmap(self, row: int | None = None, col: int | None = None, **props: Any) -> None:
        """A heatmap trace."""
        self.add_trace({"type": "heatmap", **props}, row, col)

    # -- layout ------------------------------------------------------------------------------
    def add_shape(self, **props: Any) -> None:
        """A layout shape (line, rect …)."""
        self.layout.setdefault("shapes", []).append(props)

    def add_annotation(self, **props: Any) -> None:
        """A layout annotation."""
        self.layout.setdefault("annotations", []).append(props)

    def add_vline(self, x: float, **props: Any) -> None:
        """A vertical line at ``x`` across the plot area."""
        self.add_shape(type="line", x0=x, x1=x, xref="x", y0=0, y1=1, yref="y domain", **props)

    def update_layout(self, **props: Any) -> None:
        """Merge ``props`` into the layout (nested dicts key by key)."""
        _merge(self.layout, props)

    def _axes(self, letter: str) -> list[str]:
        names = sorted((k for k in self.layout if k.startswith(f"{letter}axis")),
                       key=lambda k: int(k[5:] or 1))
        return names or [f"{letter}axis"]

    def update_xaxes(self, **props: Any) -> None:
        """Merge ``props`` into every x axis."""
        for name in self._axes("x"):
            _merge(self.layout.setdefault(name, {}), props)

    def update_yaxes(self, **props: Any) -> None:
        """Merge ``props`` into every y axis."""
        for name in self._axes("y"):
            _merge(self.layout.setdefault(name, {}), props)

    # -- output ------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The figure as plotly.js takes it."""
        return {"data": self.data, "layout": self.layout}

    def to_plotly(self) -> Any:
        """The same figure as a ``plotly.graph_objects.Figure`` (validated)."""
        import plotly.graph_objects as go

        return go.Figure(self.to_dict())

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        return chart_bundle(self)


def _spec(fig: Any) -> dict[str, Any]:
    return fig.to_dict() if isinstance(fig, Figure) else json.loads(fig.to_json())


def _script_json(spec: Mapping[str, Any]) -> Any:
    """A spec as JSON to write into a ``<script>`` ("</" inside a JSON string would end the
    element early)."""
    payload = json.dumps(spec, ensure_ascii=False, separators=(",", ":"))
    return safe(payload.replace("</", "<\\/"))


def _chart_html(fig: Any, spec: Mapping[str, Any], name: str) -> str:
    """The ``<div>`` and the script that draws ``spec`` in it (and, for a :class:`Figure` with
    a phone's layout, that layout in a narrow box); ``name``: the chart's accessible name."""
    layout = spec.get("layout", {})
    narrow = fig.narrow if isinstance(fig, Figure) else None
    return render(
        "figure.html.j2", div_id=f"vnh-fig-{next(_FIGURE_IDS)}",
        height=int(layout.get("height") or 450),
        width=f"{int(layout['width'])}px" if layout.get("width") else "100%",
        spec=_script_json(spec), config=safe(json.dumps(PLOTLY_CONFIG)),
        narrow=_script_json(narrow.to_dict()) if narrow is not None else "",
        laid_out=int(getattr(fig, "laid_out", 0) or 0), accessible=name)


def _bundle(spec: Mapping[str, Any], markup: str) -> dict[str, Any]:
    div_id = re.search(r'id="(vnh-fig-\d+)"', markup)
    return {"application/vnd.plotly.v1+json": {**spec, "config": PLOTLY_CONFIG},
            "text/html": markup, "text/plain": f"<plotly figure {div_id[1] if div_id else ''}>"}


def figure_bundle(fig: Any) -> dict[str, Any]:
    """A display bundle for a figure (:class:`Figure`, or a plotly figure).

    ``application/vnd.plotly.v1+json`` is drawn by JupyterLab's plotly extension; ``text/html``
    (a ``<div>`` and a call to ``Plotly.newPlot``) is what nbconvert keeps, and it expects the
    page to load plotly.js once — the local copy :mod:`vnhealth.render.run` provides — instead of
    embedding 4.6 MB per chart or fetching it from a CDN.
    """
    spec = _spec(fig)
    return _bundle(spec, _chart_html(fig, spec, ""))


def chart_bundle(fig: Any) -> dict[str, Any]:
    """A figure as a report shows it (:func:`~vnhealth.report.display.show`): in a
    ``<figure>``, the chart an image to assistive technology (``role="img"``) named by its
    description, a caption saying what it finds in words, and a link to the table with the same
    numbers (the page keeps the link only when that table is on it)."""
    spec = _spec(fig)
    if not isinstance(fig, Figure):
        return _bundle(spec, render("chart.html.j2", chart=safe(_chart_html(fig, spec, "")),
                                    caption="", tables=(), link=""))
    title = re.sub(r"<[^>]+>", " ", str(spec["layout"].get("title", {}).get("text", "")))
    name = " ".join(x for x in (" ".join(title.split()), fig.description) if x)
    markup = render("chart.html.j2", chart=safe(_chart_html(fig, spec, name)),
                    caption=fig.caption, tables=fig.tables,
                    link=label("chart.table_link", fig.lang))
    return _bundle(spec, markup)


def make_subplots(rows: int, cols: int, subplot_titles: Sequence[str] = (), *,
                  vertical_spacing: float | None = None, horizontal_spacing: float | None = None,
                  lang: str = "en", title_font: Mapping[str, Any] | None = None) -> Figure:
    """A grid of ``rows`` × ``cols`` subplots, numbered row by row from the top left, with
    plotly's default spacing and titles centred above each cell.

    >>> fig = make_subplots(1, 2, ["a", "b"], horizontal_spacing=0.08)
    >>> fig.layout["xaxis2"]["domain"], fig.layout["annotations"][1]["x"]
    ([0.54, 1.0], 0.77)
    """
    # plotly's defaults: more room between rows when each cell has a title above it
    default_vs = (0.5 if subplot_titles else 0.3) / rows
    vs = default_vs if vertical_spacing is None else vertical_spacing
    hs = 0.2 / cols if horizontal_spacing is None else horizontal_spacing
    width = (1 - hs * (cols - 1)) / cols
    height = (1 - vs * (rows - 1)) / rows
    fig = Figure(lang)
    titles = list(subplot_titles)
    for r in range(rows):
        for c in range(cols):
            n = r * cols + c + 1
            fig._grid[(r + 1, c + 1)] = n
            x0 = c * (width + hs)
            y1 = 1 - r * (height + vs)
            # rounding keeps 0.54 from printing as 0.5400000000000001 (and -0.0 as 0.0)
            x_dom = [round(x0, 12) + 0.0, round(x0 + width, 12) + 0.0]
            y_dom = [round(y1 - height, 12) + 0.0, round(y1, 12) + 0.0]
            suffix = "" if n == 1 else str(n)
            fig.layout[f"xaxis{suffix}"] = {"anchor": f"y{suffix}", "domain": x_dom}
            fig.layout[f"yaxis{suffix}"] = {"anchor": f"x{suffix}", "domain": y_dom}
            if n <= len(titles) and titles[n - 1]:
                fig.add_annotation(text=titles[n - 1], x=(x_dom[0] + x_dom[1]) / 2,
                                   xanchor="center", xref="paper", y=y_dom[1],
                                   yanchor="bottom", yref="paper", showarrow=False,
                                   font=dict(title_font or {"size": 16}))
    return fig
