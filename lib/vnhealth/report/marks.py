"""What every chart shares: the common layout, empty charts, wrapped labels, and values drawn
as what they are — a point as a dot, a bound as an open triangle pointing the way the target
allows (▲ at least, ▼ at most, so that "> 95" never reads as exactly 95), a range as a band
from its low to its high end, never collapsed to its midpoint."""

# Without `from __future__ import annotations`: NamedTuple and TypedDict would compile each
# postponed annotation when the module is imported, and report kernels are timed.

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from vnhealth.report.figures import Figure, make_subplots
from vnhealth.report.formatting import fmt_value, isna
from vnhealth.report.labels import label
from vnhealth.report.style import FONT

BOUND_SYMBOLS = {"lower": "triangle-up-open", "upper": "triangle-down-open"}


class Panel(NamedTuple):
    """A subplot: its row and column (1-based) and its index (0-based)."""

    row: int
    col: int
    k: int


class HeatCell(NamedTuple):
    """A heatmap cell: colour value (−1 … +1, None for none), text and hover text."""

    z: float | None
    text: str
    hover: str


def wrap(text: str, width: int = 28) -> str:
    """``text`` broken into lines of at most ``width`` characters (``<br>``), at spaces."""
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "<br>".join(lines)


def layout(fig: Figure, title: str, *, width: int | None, height: int, top: int = 60
           ) -> Figure:
    """Common look: title at the top of the figure, legend along its bottom edge (container
    coordinates, so neither collides with subplot titles or tick labels), fixed width if given,
    and the report language's number separators on axes."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "yref": "container", "y": 1,
               "yanchor": "top", "pad": {"t": 10, "l": 4}, "font": {"size": 15}},
        font={"family": FONT, "size": 12}, height=height,
        margin={"l": 10, "r": 10, "t": top, "b": 80},
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        separators=",." if fig.lang == "vi" else ".,",
    )
    # The narrow left margin leaves room for tick labels only when plotly may widen it.
    fig.update_yaxes(automargin=True)
    if width:
        fig.update_layout(width=width, autosize=False)
    return fig


def subplots(lang: str, rows: int, cols: int, titles: Sequence[str], **spacing: float
             ) -> Figure:
    """A grid of panels with small titles."""
    return make_subplots(rows, cols, titles, lang=lang, title_font={"size": 11}, **spacing)


def empty(lang: str, text: str, title: str, width: int | None) -> Figure:
    """A chart with nothing to draw: its title and a note saying why, without empty axes."""
    fig = Figure(lang)
    fig.add_annotation(text=text, showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5)
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False})
    return layout(fig, title, width=width, height=200)


def domain_axis(k: int) -> str:
    """The axis suffix of the k-th subplot (0-based): "", "2", "3" …"""
    return "" if k == 0 else str(k + 1)


def shape_of(row: Mapping[str, Any]) -> str:
    """``point``, ``lower``, ``upper`` or ``range``: from ``bound_kind`` when the row has one,
    else from the comparator."""
    kind = row.get("bound_kind")
    if not isna(kind) and kind in ("point", "lower", "upper", "range"):
        return str(kind)
    comp = row.get("comparator")
    return {">": "lower", ">=": "lower", "<": "upper", "<=": "upper",
            "range": "range"}.get("" if isna(comp) else str(comp), "point")


def written(row: Mapping[str, Any], lang: str, *, unit: bool = False) -> str:
    """The value as written, comparator included (``> 95``, ``4–5``, ``≈ 95,1``)."""
    text = fmt_value(row["value"], row.get("comparator"), row.get("value_high"),
                     row.get("unit") if unit else None, lang, value_low=row.get("value_low"))
    return ("≈ " + text) if row.get("method") == "interpolated" else text


def _add_bands(fig: Figure, x: Sequence[Any], rows: Sequence[Mapping[str, Any]], colour: str,
               *, legendgroup: str, row: int | None, col: int | None, horizontal: bool) -> None:
    """A translucent band from the low to the high end of each range."""
    bands = [(xx, r) for xx, r in zip(x, rows, strict=True) if shape_of(r) == "range"
             and not isna(r.get("value_low")) and not isna(r.get("value_high"))]
    for xx, r in bands:
        ends = [float(r["value_low"]), float(r["value_high"])]
        pos = [xx, xx]
        fig.add_scatter(x=ends if horizontal else pos, y=pos if horizontal else ends,
                        mode="lines", line={"color": colour, "width": 12}, opacity=0.35,
                        hoverinfo="skip", showlegend=False, legendgroup=legendgroup,
                        row=row, col=col)


def add_value(fig: Figure, x: Sequence[Any], rows: Sequence[Mapping[str, Any]], colour: str,
              lang: str, *, hover: Sequence[str], name: str, legendgroup: str,
              showlegend: bool, row: int | None = None, col: int | None = None,
              size: int = 11, text: bool = True, textposition: str = "middle right",
              horizontal: bool = False, mode_lines: bool = False,
              opacity: float | None = None) -> None:
    """Draw values as what they are: dots, open triangles for bounds, bands for ranges; each
    labelled with its comparator (``≥ 95``). ``horizontal``: values on the x axis."""
    _add_bands(fig, x, rows, colour, legendgroup=legendgroup, row=row, col=col,
               horizontal=horizontal)
    symbols, fills = [], []
    for r in rows:
        shape = shape_of(r)
        hollow = shape == "range" or r.get("method") == "interpolated"
        symbols.append(BOUND_SYMBOLS.get(shape, "circle-open" if hollow else "circle"))
        fills.append("#fff" if hollow else colour)
    values = [float(r["value"]) for r in rows]
    fig.add_scatter(
        x=values if horizontal else list(x), y=list(x) if horizontal else values,
        mode=("lines+" if mode_lines else "") + ("markers+text" if text else "markers"),
        line={"color": colour, "width": 2} if mode_lines else None,
        marker={"symbol": symbols, "size": size, "color": fills,
                "line": {"color": colour, "width": 2}},
        text=[written(r, lang) for r in rows] if text else None,
        textposition=textposition if text else None,
        textfont={"size": 10, "color": "#333"} if text else None,
        hovertext=list(hover), hoverinfo="text", name=name, legendgroup=legendgroup,
        showlegend=showlegend, row=row, col=col, opacity=opacity)


def shape_legend(fig: Figure, shapes: set[str], lang: str, row: int, col: int) -> None:
    """Legend entries for the bound and range marks drawn."""
    for shape in ("lower", "upper", "range"):
        if shape not in shapes:
            continue
        if shape == "range":
            fig.add_scatter(x=[None], y=[None], mode="lines",
                            line={"color": "#777", "width": 10}, opacity=0.35,
                            name=label("legend.range", lang), row=row, col=col)
        else:
            fig.add_scatter(x=[None], y=[None], mode="markers",
                            marker={"symbol": BOUND_SYMBOLS[shape], "size": 10,
                                    "color": "#fff", "line": {"color": "#555", "width": 2}},
                            name=label(f"legend.{shape}", lang), row=row, col=col)


def national_legend(fig: Figure, shown: set[str], lang: str, row: int, col: int) -> None:
    """The legend entry for the national target's dashed line, once per chart."""
    if "national" not in shown:
        fig.add_scatter(x=[None], y=[None], mode="lines", line={"color": "#444", "dash": "dash"},
                        name=label("national_target", lang), row=row, col=col)
        shown.add("national")
