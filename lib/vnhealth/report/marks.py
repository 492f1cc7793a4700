"""What every chart shares: the common layout, empty charts, wrapped labels, and values drawn
as what they are — a point as a dot, a bound as an open triangle pointing the way the target
allows (▲ at least, ▼ at most, so that "> 95" never reads as exactly 95), a range as a band
from its low to its high end, never collapsed to its midpoint."""

# Without `from __future__ import annotations`: NamedTuple and TypedDict would compile each
# postponed annotation when the module is imported, and report kernels are timed.

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from vnhealth.inputs.terms import BoundKind, Comparator, Method
from vnhealth.report.figures import Figure, make_subplots
from vnhealth.report.formatting import fmt_value, isna
from vnhealth.report.geometry import (
    LINE_HEIGHT,
    PHONE,
    Frame,
    Sizes,
    frame_for,
    text_height,
    text_lines,
    text_width,
    wrap_chars,
)
from vnhealth.report.labels import label
from vnhealth.report.style import FONT

BOUND_SYMBOLS = {BoundKind.LOWER: "triangle-up-open", BoundKind.UPPER: "triangle-down-open"}
# The shape a comparator gives a value when the row states no bound kind.
_COMPARATOR_SHAPES = {Comparator.ABOVE: BoundKind.LOWER, Comparator.AT_LEAST: BoundKind.LOWER,
                      Comparator.BELOW: BoundKind.UPPER, Comparator.AT_MOST: BoundKind.UPPER,
                      Comparator.RANGE: BoundKind.RANGE}
TITLE_PAD = 8  # pixels above the chart's title


class Panel(NamedTuple):
    """A subplot: its row and column (1-based) and its index (0-based)."""

    row: int
    col: int
    k: int


class HeatCell(NamedTuple):
    """A heatmap cell: colour value (−1 … +1, None for none), text, hover text, and the text
    without units (a phone's cells, whose rows name the unit)."""

    z: float | None
    text: str
    hover: str
    bare: str = "—"


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


class Title(NamedTuple):
    """A chart's title laid out: its lines and its subtitle's (``<br>``-joined), and the pixels
    the two take at the top of the figure, the padding above included."""

    head: str
    sub: str
    height: int


def title_block(title: str, frame: Frame) -> Title:
    """The title (its first ``<br>`` part) and subtitle (the rest, ``<sup>`` dropped), each
    wrapped to the frame's width (plotly.js wraps neither)."""
    sizes = frame.sizes
    head, _, rest = title.partition("<br>")
    head = wrap(head, wrap_chars(frame.width - 14, sizes.title))
    sub = wrap(re.sub(r"</?sup>", "", rest), wrap_chars(frame.width - 14, sizes.subtitle))
    height = TITLE_PAD + text_height(head, sizes.title) + 4
    if rest:
        height += text_height(sub, sizes.subtitle) + 2
    return Title(head, sub if rest else "", int(height + 0.5))


def title_height(title: str, frame: Frame) -> int:
    """The pixels a chart's title takes at the top, its padding included."""
    return title_block(title, frame).height


def legend_height(items: Sequence[str], frame: Frame) -> int:
    """The pixels a horizontal legend of ``items`` takes (symbol, text and gap per item) when
    its lines are ``frame.width`` less 20 pixels long."""
    if not items:
        return 0
    sizes = frame.sizes
    rows, tall, used = 0.0, 0, 0.0
    for item in items:
        wide = text_width(item, sizes.font) + 46
        if used and used + wide > frame.width - 20:
            rows, tall, used = rows + tall, 0, 0.0
        # an entry of several lines makes its row taller by a line of text each
        tall = max(tall, sizes.legend_row + (len(text_lines(item)) - 1) * sizes.font * 1.3)
        used += wide
    return int(rows + tall) + 4


def layout(fig: Figure, title: str, *, frame: Frame, height: int, top: int = 60,
           legend_top: int | None = None) -> Figure:
    """Common look: title at the top of the figure (wrapped to its width; its first line's foot
    is placed, as plotly.js shifts a title of several lines up out of the figure when its top
    is), legend in the figure's margin (container coordinates, so that it never collides
    with subplot titles or tick labels): along the bottom edge, or ``legend_top`` pixels from
    the top (under the title, where a reader of a tall chart sees it first); the frame's type,
    its width when fixed, and the report language's number separators on axes."""
    sizes = frame.sizes
    # entries in the order drawn, on as few lines as fit ("grouped", plotly's default with
    # legend groups, gives each group a line of its own)
    legend = {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0,
              "traceorder": "normal", "font": {"size": sizes.font}}
    if legend_top is not None:
        legend.update(y=round(1 - legend_top / height, 6), yanchor="top")
    block = title_block(title, frame)
    # plotly.js sets a title's first line on its anchor and the others under it
    foot = TITLE_PAD + sizes.title * LINE_HEIGHT
    spec: dict[str, Any] = {"text": block.head, "x": 0, "xanchor": "left", "yref": "container",
                            "y": round(1 - foot / height, 6), "yanchor": "bottom",
                            "pad": {"l": 4}, "font": {"size": sizes.title}}
    if block.sub:
        spec["subtitle"] = {"text": block.sub, "font": {"size": sizes.subtitle}}
    fig.update_layout(
        title=spec, font={"family": FONT, "size": sizes.font}, height=height,
        margin={"l": 10, "r": 10, "t": top, "b": 80}, legend=legend,
        separators=",." if fig.lang == "vi" else ".,",
    )
    # The narrow left margin leaves room for tick labels only when plotly may widen it.
    fig.update_yaxes(automargin=True)
    if frame.fixed:
        fig.update_layout(width=frame.width, autosize=False)
    return fig


def subplots(lang: str, rows: int, cols: int, titles: Sequence[str], sizes: Sizes,
             **spacing: float) -> Figure:
    """A grid of panels with small titles."""
    return make_subplots(rows, cols, titles, lang=lang, title_font={"size": sizes.panel},
                         **spacing)


def empty(lang: str, text: str, title: str, frame: Frame) -> Figure:
    """A chart with nothing to draw: its title and a note saying why, without empty axes."""
    fig = Figure(lang)
    fig.add_annotation(text=wrap(text, wrap_chars(frame.width - 20, frame.sizes.font)),
                       showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5)
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False})
    return layout(fig, title, frame=frame, height=200)


def drawn(build: Callable[[Frame], Figure], width: int | None) -> Figure:
    """A chart built for ``width`` (a fixed width: a printed page; none: a screen), with the
    same chart built for a phone as its ``narrow`` layout, drawn below the width the first
    is laid out for (:func:`~vnhealth.report.figures.chart_bundle`)."""
    frame = frame_for(width)
    fig = build(frame)
    fig.narrow = build(PHONE)
    fig.laid_out = frame.width
    return fig


def described(fig: Figure, description: str, caption: str, tables: Sequence[str] = ()
              ) -> Figure:
    """``fig`` with what it shows (its accessible name, after its title), what it finds (its
    caption) and the ids of the tables with its numbers."""
    fig.description, fig.caption, fig.tables = description, caption, tuple(tables)
    return fig


def domain_axis(k: int) -> str:
    """The axis suffix of the k-th subplot (0-based): "", "2", "3" …"""
    return "" if k == 0 else str(k + 1)


def shape_of(row: Mapping[str, Any]) -> str:
    """``point``, ``lower``, ``upper`` or ``range`` (:class:`~vnhealth.inputs.terms.BoundKind`):
    from
    ``bound_kind`` when the row has one, else from the comparator."""
    kind = row.get("bound_kind")
    if not isna(kind) and kind in BoundKind.order():
        return str(kind)
    comp = row.get("comparator")
    return _COMPARATOR_SHAPES.get("" if isna(comp) else str(comp), BoundKind.POINT).value


def written(row: Mapping[str, Any], lang: str, *, unit: bool = False) -> str:
    """The value as written, comparator included (``> 95``, ``4–5``, ``≈ 95,1``)."""
    text = fmt_value(row["value"], row.get("comparator"), row.get("value_high"),
                     row.get("unit") if unit else None, lang, value_low=row.get("value_low"))
    return ("≈ " + text) if row.get("method") == Method.INTERPOLATED else text


def _ends(row: Mapping[str, Any]) -> tuple[float, float] | None:
    """A range's low and high ends (None for anything else)."""
    if shape_of(row) != BoundKind.RANGE or isna(row.get("value_low")) or isna(
            row.get("value_high")):
        return None
    return float(row["value_low"]), float(row["value_high"])


def label_anchor(row: Mapping[str, Any], position: str, horizontal: bool) -> float:
    """Where a value's label is attached: the value, or for a range the end of its band on the
    label's side (a label at the midpoint would sit on the band)."""
    ends = _ends(row)
    if ends is None:
        return float(row["value"])
    high = ("right" in position) if horizontal else ("top" in position)
    low = ("left" in position) if horizontal else ("bottom" in position)
    return ends[1] if high else ends[0] if low else float(row["value"])


def _add_bands(fig: Figure, x: Sequence[Any], rows: Sequence[Mapping[str, Any]], colour: str,
               *, legendgroup: str, row: int | None, col: int | None, horizontal: bool) -> None:
    """A translucent band from the low to the high end of each range."""
    for xx, r in zip(x, rows, strict=True):
        ends = _ends(r)
        if ends is None:
            continue
        pos = [xx, xx]
        fig.add_scatter(x=list(ends) if horizontal else pos, y=pos if horizontal else list(ends),
                        mode="lines", line={"color": colour, "width": 12}, opacity=0.35,
                        hoverinfo="skip", showlegend=False, legendgroup=legendgroup,
                        row=row, col=col)


def _symbols(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """Each value's marker symbol: open triangles for bounds, an open circle for a range's
    midpoint and for interpolated values (plotly.js strokes an open symbol in the marker's
    colour: a white one would not show)."""
    symbols = []
    for r in rows:
        shape = shape_of(r)
        hollow = shape == BoundKind.RANGE or r.get("method") == Method.INTERPOLATED
        symbols.append(BOUND_SYMBOLS.get(shape, "circle-open" if hollow else "circle"))
    return symbols


def add_value(fig: Figure, x: Sequence[Any], rows: Sequence[Mapping[str, Any]], colour: str,
              lang: str, *, hover: Sequence[str], name: str, legendgroup: str,
              showlegend: bool, row: int | None = None, col: int | None = None,
              size: int = 11, text: bool = True,
              textposition: str | Sequence[str] = "middle right",
              texts: Sequence[str] | None = None, horizontal: bool = False,
              mode_lines: bool = False, opacity: float | None = None,
              font: float = 10) -> None:
    """Draw values as what they are: dots, open triangles for bounds, bands for ranges; each
    labelled with its comparator (``≥ 95``, or ``texts``) in ``font`` pixels at ``textposition``
    (one, or one per value), a range's label at the end of its band. ``horizontal``: values on
    the x axis."""
    _add_bands(fig, x, rows, colour, legendgroup=legendgroup, row=row, col=col,
               horizontal=horizontal)
    symbols = _symbols(rows)
    positions = ([textposition] * len(rows) if isinstance(textposition, str)
                 else list(textposition))
    words = list(texts) if texts is not None else [written(r, lang) for r in rows]
    anchors = [label_anchor(r, p, horizontal) for r, p in zip(rows, positions, strict=True)]
    values = [float(r["value"]) for r in rows]
    # a label away from its marker goes on a marker of its own, drawn invisible
    moved = [a != v for a, v in zip(anchors, values, strict=True)]
    fig.add_scatter(
        x=values if horizontal else list(x), y=list(x) if horizontal else values,
        mode=("lines+" if mode_lines else "") + ("markers+text" if text else "markers"),
        line={"color": colour, "width": 2} if mode_lines else None,
        marker={"symbol": symbols, "size": size, "color": colour,
                "line": {"color": colour, "width": 2}},
        text=[("" if m else w) for w, m in zip(words, moved, strict=True)] if text else None,
        textposition=_one_or_many(positions) if text else None,
        textfont={"size": font, "color": "#333"} if text else None,
        hovertext=list(hover), hoverinfo="text", name=name, legendgroup=legendgroup,
        showlegend=showlegend, row=row, col=col, opacity=opacity)
    if text and any(moved):
        keep = [k for k, m in enumerate(moved) if m]
        at = [anchors[k] for k in keep]
        pos = [x[k] for k in keep]
        fig.add_scatter(x=at if horizontal else pos, y=pos if horizontal else at,
                        mode="markers+text", text=[words[k] for k in keep],
                        textposition=_one_or_many([positions[k] for k in keep]),
                        textfont={"size": font, "color": "#333"},
                        marker={"symbol": [symbols[k] for k in keep], "size": size,
                                "color": "rgba(0,0,0,0)", "line": {"width": 0}},
                        hoverinfo="skip", showlegend=False, legendgroup=legendgroup,
                        row=row, col=col)


def _one_or_many(positions: Sequence[str]) -> str | list[str]:
    return positions[0] if len(set(positions)) == 1 else list(positions)


def shape_legend(fig: Figure, shapes: set[str], lang: str, row: int, col: int) -> None:
    """Legend entries for the bound and range marks drawn."""
    for shape in (BoundKind.LOWER, BoundKind.UPPER, BoundKind.RANGE):
        if shape not in shapes:
            continue
        if shape == BoundKind.RANGE:
            fig.add_scatter(x=[None], y=[None], mode="lines",
                            line={"color": "#777", "width": 10}, opacity=0.35,
                            name=label("legend.range", lang), row=row, col=col)
        else:
            fig.add_scatter(x=[None], y=[None], mode="markers",
                            marker={"symbol": BOUND_SYMBOLS[shape], "size": 10,
                                    "color": "#555", "line": {"color": "#555", "width": 2}},
                            name=shape.label(lang), row=row, col=col)


def national_legend(fig: Figure, shown: set[str], lang: str, row: int, col: int) -> None:
    """The legend entry for the national target's dashed line, once per chart."""
    if "national" not in shown:
        fig.add_scatter(x=[None], y=[None], mode="lines", line={"color": "#444", "dash": "dash"},
                        name=label("national_target", lang), row=row, col=col)
        shown.add("national")
