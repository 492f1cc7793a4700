"""Plotly figures as plain dicts: the part of plotly's figure API the report charts use.

Building a ``plotly.graph_objects.Figure`` loads and validates plotly's whole property tree,
which is most of a short report's run time. The charts here are built from known properties
straight into the JSON that plotly.js draws (``{"data": [...], "layout": {...}}``);
``tests/test_figures.py`` checks every chart against plotly's own validation and
:func:`make_subplots` against ``plotly.subplots.make_subplots``. :meth:`Figure.to_plotly`
gives a real plotly figure for anyone who wants to restyle one in a notebook.
:func:`figure_bundle` is how a figure is displayed: the spec for JupyterLab, a ``<div>`` and a
script for the exported HTML.
"""

from __future__ import annotations

import copy
import itertools
import json
from collections.abc import Mapping, Sequence
from typing import Any

from vnhealth.report.markup import render, safe

__all__ = ["PLOTLY_CONFIG", "Figure", "figure_bundle", "make_subplots"]

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
        return figure_bundle(self)


def figure_bundle(fig: Any) -> dict[str, Any]:
    """A display bundle for a figure (:class:`Figure`, or a plotly figure).

    ``application/vnd.plotly.v1+json`` is drawn by JupyterLab's plotly extension; ``text/html``
    (a ``<div>`` and a call to ``Plotly.newPlot``) is what nbconvert keeps, and it expects the
    page to load plotly.js once — the local copy :mod:`vnhealth.render.run` provides — instead of
    embedding 4.6 MB per chart or fetching it from a CDN.
    """
    spec = fig.to_dict() if isinstance(fig, Figure) else json.loads(fig.to_json())
    payload = json.dumps(spec, ensure_ascii=False, separators=(",", ":"))
    layout = spec.get("layout", {})
    div_id = f"vnh-fig-{next(_FIGURE_IDS)}"
    markup = render(
        "figure.html.j2", div_id=div_id, height=int(layout.get("height") or 450),
        width=f"{int(layout['width'])}px" if layout.get("width") else "100%",
        # "</" inside a JSON string would end the <script> element early.
        spec=safe(payload.replace("</", "<\\/")), config=safe(json.dumps(PLOTLY_CONFIG)))
    return {"application/vnd.plotly.v1+json": {**spec, "config": PLOTLY_CONFIG},
            "text/html": markup, "text/plain": f"<plotly figure {div_id}>"}


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
