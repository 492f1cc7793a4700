"""The reports' charts, built as plotly specs (:class:`~vnhealth.report.figures.Figure`) and
coloured by direction: blue where a province is ahead of the national target, orange where it
is behind. ``fig.to_plotly()`` gives a plotly figure to restyle.

:func:`heatmap` (gaps to the national target), :func:`coverage_chart` (which national
indicators have a provincial target) and :func:`trajectories` (one province's path, year by
year); the levels by province — :func:`~vnhealth.report.levels.interval_bars`,
:func:`~vnhealth.report.levels.dumbbells` and :func:`~vnhealth.report.levels.pace_chart` — are
in :mod:`vnhealth.report.levels`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from vnhealth.inputs.terms import Assessment, BoundKind, Kind, Method
from vnhealth.report.captions import coverage_caption, gaps_caption, trajectories_caption
from vnhealth.report.data import Warehouse
from vnhealth.report.figures import Figure
from vnhealth.report.formatting import fmt_change, fmt_value, isna, unit_label
from vnhealth.report.geometry import (
    LINE_HEIGHT,
    Frame,
    Sizes,
    fit_span,
    marker_gap,
    stack,
    text_height,
    text_lines,
    text_width,
    wrap_chars,
)
from vnhealth.report.labels import label
from vnhealth.report.levels import COMPARISON_TABLES, min_span, panel_titles, shape_names
from vnhealth.report.marks import (
    HeatCell,
    Panel,
    add_value,
    described,
    domain_axis,
    drawn,
    empty,
    label_anchor,
    layout,
    legend_height,
    shape_legend,
    shape_of,
    subplots,
    title_height,
    wrap,
    written,
)
from vnhealth.report.queries import (
    METHOD_ORDER,
    TARGET_KINDS,
    first_by_key,
    national_disagreement,
)
from vnhealth.report.style import BETTER, DIVERGING, OTHER_YEAR, RELATIVE_ONLY, WORSE


# ---------------------------------------------------------------------------------------------
# heatmap
# ---------------------------------------------------------------------------------------------
def _heat_cell(wh: Warehouse, p: str, ind: str, r: Mapping[str, Any] | None, scale: float,
               lang: str) -> HeatCell:
    """The cell of province ``p`` × indicator ``ind``: its target and gap in the indicator's
    unit, coloured by the gap as a share of the indicator's largest (``scale``)."""
    where = f"{wh.province_name(p, lang)}<br>{wh.indicator_name(ind, lang)}<br>"
    if r is None or isna(r["value"]):
        return HeatCell(None, "—", f"{where}{Assessment.NO_PROVINCIAL.label(lang)}")
    better = r["better_by"]
    z = None if isna(better) else 0.0 if scale == 0 else round(float(better) / scale, 6)
    value = fmt_value(r["value"], r["comparator"], r["value_high"], r["unit"], lang,
                      value_low=r["value_low"])
    if r["method"] == Method.INTERPOLATED:
        value = "≈ " + value
    nat = fmt_value(r["national_value"], r["national_comparator"], r["national_value_high"],
                    r["unit"], lang, value_low=r["national_value_low"])
    gap = fmt_change(better, r["unit"], lang)
    bare = fmt_value(r["value"], r["comparator"], r["value_high"], None, lang,
                     value_low=r["value_low"])
    if r["method"] == Method.INTERPOLATED:
        bare = "≈ " + bare
    return HeatCell(z, f"{value}<br><b>{gap}</b>",
                    f"{where}{value} ({Method(r['method']).label(lang)})<br>"
                    f"{label('national_target', lang)}: {nat}<br>"
                    f"{label('gap', lang)}: {gap} · {Assessment(r['assessment']).label(lang)}",
                    f"{bare}<br><b>{fmt_change(better, None, lang)}</b>")


def _heat_colourbar(lang: str, sizes: Sizes, plot_height: float) -> dict[str, Any]:
    """The colour legend, flat under the chart (its own title above it, 8 pixels under the
    cells), clear of the chart's title and of the column labels; vertical, its title ran into
    the tick texts."""
    return {"title": {"text": label("heatmap.scale", lang), "side": "top",
                      "font": {"size": sizes.text}},
            "orientation": "h", "x": 0, "xanchor": "left", "y": round(-8 / plot_height, 6),
            "yanchor": "top", "len": 0.6, "thickness": 8 if sizes.row < 20 else 10,
            "tickvals": [-1, 0, 1],
            "ticktext": [label(f"heatmap.{k}", lang) for k in ("worse", "level", "better")],
            "tickfont": {"size": sizes.text}}


class HeatGrid(NamedTuple):
    """A heatmap's cells and labels as drawn: columns and rows (indicators down on a phone,
    where their names need the rows' width), the cells by row, and pixels: the top margin
    (title and column labels), each row's height, the bottom margin (the colour legend)."""

    x: list[str]
    y: list[str]
    cells: list[list[HeatCell]]
    top: int
    row: int
    bottom: int


def _fits(cells: list[list[HeatCell]], column: float, size: float) -> bool:
    """Whether every cell's text fits its column."""
    return all(text_width(c.text, size) <= column - 8 for row in cells for c in row)


def _heat_grid(wh: Warehouse, provinces: Sequence[str], indicators: Sequence[str],
               cells: list[list[HeatCell]], title: str, frame: Frame, lang: str) -> HeatGrid:
    """Rows, columns and their room: provinces down and indicators across, or on a phone with
    more indicators than provinces the other way; indicator names wrapped to their column
    (or row); cells that do not fit their column with their units written without them, the
    unit after the indicator's name instead; each row as tall as two lines of cell text."""
    sizes = frame.sizes
    names = [wh.indicator_name(i, lang) for i in indicators]
    places = [wh.province_name(p, lang) for p in provinces]
    down = frame.narrow and len(indicators) > len(provinces)
    if down:
        cells = [list(col) for col in zip(*cells, strict=True)]
    ys = [wrap(n, 16) for n in names] if down else places
    left = max(text_width(y, sizes.font) for y in ys) + 14
    column = (frame.width - left - 20) / len(places if down else names)
    if not _fits(cells, column, sizes.font):
        names = [f"{n} ({unit_label(wh.unit_of(i), lang)})"
                 for n, i in zip(names, indicators, strict=True)]
        cells = [[c._replace(text=c.bare) for c in row] for row in cells]
    ys = [wrap(n, 16) for n in names] if down else places
    xs = [wrap(x, wrap_chars(column - 6, sizes.text)) for x in (places if down else names)]
    lines = max(len(text_lines(y)) for y in ys)
    row = max(int(sizes.font * LINE_HEIGHT * 2 + (8 if frame.fixed else 28)),
              int(lines * sizes.font * LINE_HEIGHT) + 8)
    top = title_height(title, frame) + int(max(text_height(x, sizes.text) for x in xs)) + 10
    bottom = int(sizes.text * LINE_HEIGHT * 2 + 30)
    return HeatGrid(xs, ys, cells, top, row, bottom)


def _heatmap(wh: Warehouse, table: Sequence[dict[str, Any]], lang: str, frame: Frame
             ) -> Figure:
    data = [r for r in table if not isna(r["national_value"])]
    # Columns where no province sets a target would be all dashes: the table lists them.
    indicators = list(dict.fromkeys(r["indicator_id"] for r in data if not isna(r["value"])))
    provinces = list(dict.fromkeys(r["province_id"] for r in table))
    title = label("chart.heatmap", lang, year=int(table[0]["year"]) if table else 0)
    if not indicators:
        why = Assessment.NO_NATIONAL.label(lang) if not data else label("none_found", lang)
        return empty(lang, why, title, frame)
    by_key = {(r["province_id"], r["indicator_id"]): r for r in data}
    largest = {ind: max((abs(float(r["better_by"])) for r in data
                         if r["indicator_id"] == ind and not isna(r["better_by"])), default=0.0)
               for ind in indicators}
    cells = [[_heat_cell(wh, p, ind, by_key.get((p, ind)), largest[ind], lang)
              for ind in indicators] for p in provinces]
    grid = _heat_grid(wh, provinces, indicators, cells, title, frame, lang)
    fig = Figure(lang)
    fig.add_heatmap(
        z=[[c.z for c in row] for row in grid.cells], x=grid.x, y=grid.y,
        text=[[c.text for c in row] for row in grid.cells], texttemplate="%{text}",
        textfont={"size": frame.sizes.font},
        hovertext=[[c.hover for c in row] for row in grid.cells], hoverinfo="text",
        zmin=-1, zmax=1, zmid=0, colorscale=DIVERGING, xgap=2, ygap=2,
        colorbar=_heat_colourbar(lang, frame.sizes, grid.row * len(grid.y)))
    fig.update_yaxes(autorange="reversed", automargin=True, tickfont={"size": frame.sizes.font})
    fig.update_xaxes(tickangle=0, tickfont={"size": frame.sizes.text}, side="top")
    fig = layout(fig, title, frame=frame, height=grid.top + grid.row * len(grid.y) + grid.bottom,
                 top=grid.top)
    fig.update_layout(margin={"l": 10, "r": 10, "t": grid.top, "b": grid.bottom})
    return fig


def heatmap(wh: Warehouse, table: Sequence[dict[str, Any]], lang: str, *,
            width: int | None = None) -> Figure:
    """Provinces × indicators: each target and its gap to the national target in the
    indicator's own unit (``−5,5 năm``, ``+4 điểm %``), direction-aware (+ better).

    Units differ between columns, so the colour is standardised, and says so: each gap as a
    share of the largest gap of the same indicator (−1 … +1), on a scale diverging around zero
    (white: level), blue better, orange worse."""
    fig = drawn(lambda frame: _heatmap(wh, table, lang, frame), width)
    return described(fig, label("chart.heatmap_about", lang), gaps_caption(wh, table, lang),
                     COMPARISON_TABLES)


# ---------------------------------------------------------------------------------------------
# pace and coverage
# ---------------------------------------------------------------------------------------------
_COVERAGE_CODES = {"covered": 3, "relative": 2, "qualitative": 2, "other_year": 1, "none": 0}


def _years_text(years: Sequence[int]) -> str:
    """Years as short as they go: ``2030``, ``2026–2030`` (consecutive), ``2025, 2030``."""
    ys = sorted(years)
    if len(ys) > 2 and ys == list(range(ys[0], ys[-1] + 1)):
        return f"{ys[0]}–{ys[-1]}"
    return ", ".join(str(y) for y in ys)


def _coverage_cell(r: Mapping[str, Any], year: int, lang: str) -> tuple[str, str]:
    """A coverage cell's short text (the years it concerns, or the kind of target) and its
    hover text (the status in words)."""
    status = r["status"]
    short = {"covered": str(year), "other_year": _years_text(r["years"]), "none": "—",
             "relative": label("coverage.short_relative", lang),
             "qualitative": label("coverage.short_qualitative", lang)}[status]
    return short, label(f"coverage.{status}", lang, year=year,
                        years=", ".join(str(y) for y in r["years"]))


def _coverage_chart(wh: Warehouse, coverage: Sequence[dict[str, Any]], year: int, lang: str,
                    frame: Frame) -> Figure:
    if not coverage:
        return empty(lang, label("none_found", lang), label("chart.coverage", lang), frame)
    sizes = frame.sizes
    provinces = list(dict.fromkeys(r["province_id"] for r in coverage))
    indicators = list(dict.fromkeys(r["indicator_id"] for r in coverage))
    by_key = {(r["province_id"], r["indicator_id"]): r for r in coverage}
    z, text, hover = [], [], []
    for ind in indicators:
        cells = [by_key[(p, ind)] for p in provinces]
        z.append([_COVERAGE_CODES[r["status"]] for r in cells])
        words = [_coverage_cell(r, year, lang) for r in cells]
        text.append([w[0] for w in words])
        hover.append([w[1] for w in words])
    names = [wrap(wh.indicator_name(i, lang), 18 if frame.narrow else 40) for i in indicators]
    column = (frame.width - max(text_width(n, sizes.font) for n in names) - 34) / len(provinces)
    places = [wrap(wh.province_name(p, lang), wrap_chars(column - 4, sizes.font))
              for p in provinces]
    fig = Figure(lang)
    fig.add_heatmap(
        z=z, x=places, y=names, text=text, texttemplate="%{text}",
        textfont={"size": sizes.text}, hovertext=hover, hoverinfo="text",
        zmin=0, zmax=3, showscale=False, xgap=2, ygap=2,
        colorscale=[[0, WORSE], [0.24, WORSE], [0.25, OTHER_YEAR], [0.49, OTHER_YEAR],
                    [0.5, RELATIVE_ONLY], [0.74, RELATIVE_ONLY], [0.75, BETTER], [1, BETTER]])
    legend = []
    for status, colour in (("covered", BETTER), ("relative", RELATIVE_ONLY),
                           ("other_year", OTHER_YEAR), ("none", WORSE)):
        legend.append(wrap(label(f"coverage.{status}", lang, year=year, years="…"),
                           wrap_chars(frame.width - 60, sizes.font)))
        fig.add_scatter(x=[None], y=[None], mode="markers",
                        marker={"symbol": "square", "size": 12, "color": colour},
                        name=legend[-1])
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(side="top")
    title = label("chart.coverage", lang)
    row = max(34, int(max(text_height(n, sizes.font) for n in names)) + 8)
    top = title_height(title, frame) + int(max(text_height(x, sizes.font) for x in places)) + 12
    bottom = legend_height(legend, frame) + 12
    layout(fig, title, frame=frame, height=top + row * len(indicators) + bottom, top=top)
    fig.update_layout(margin={"t": top, "b": bottom})
    return fig


def coverage_chart(wh: Warehouse, coverage: Sequence[dict[str, Any]], year: int, lang: str, *,
                   width: int | None = None) -> Figure:
    """National indicators × provinces: target for the year / other years only / none, each
    cell labelled (the year of its targets, or why there is none)."""
    fig = drawn(lambda frame: _coverage_chart(wh, coverage, year, lang, frame), width)
    return described(fig, label("chart.coverage_about", lang),
                     coverage_caption(wh, coverage, year, lang), ("vnh-table-coverage",))


# ---------------------------------------------------------------------------------------------
# trajectories
# ---------------------------------------------------------------------------------------------
_PATH_PANEL = 170  # pixels of a trajectory panel's plot area, however many panels
_PATH_SPACING = 0.08  # between the two columns, a share of the plot width
_PEER = "#9e9e9e"  # other provinces in grey, so that the profile's province stands out
_PEER_GAP = 9  # pixels around an unlabelled mark (the national ✕ is 10 wide)


class PathPanel(NamedTuple):
    """One indicator's trajectory panel: where it is, its axes' length in pixels, the years
    it shows (the province's own) and the size of its labels."""

    panel: Panel
    width: float
    first: int
    last: int
    text: float


def _path(points: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """One point a year: stated before interpolated, then in the order of
    :class:`~vnhealth.inputs.terms.Kind` (a target before a milestone before what was achieved)."""
    kinds = Kind.order()
    best = first_by_key(points, lambda x: int(x["year"]),
                        lambda x: (METHOD_ORDER.get(x["method"], 4), kinds.get(x["kind"], 4)))
    return sorted(best.values(), key=lambda x: x["year"])


def _year_span(path: Sequence[Mapping[str, Any]], pp: PathPanel, lang: str
               ) -> tuple[float, float]:
    """The years of the path, with room for the first and last labels (centred on them)."""
    points = [(float(x["year"]), _PEER_GAP, _PEER_GAP) for x in path]
    points += [(float(x["year"]), half, half) for x in path if x["method"] == Method.STATED
               for half in [text_width(written(x, lang), pp.text) / 2 + 2]]
    return fit_span(points, pp.width, min_span=1.0)


def _blocked(side: str, at: tuple[float, float], half: float, others: Sequence[tuple[float, float]],
             scale: tuple[float, float], tall: float) -> bool:
    """Whether a label on ``side`` of the point ``at`` would cover another mark (a peer's
    target, the national ✕ of the same year); ``scale``: pixels per year and per unit."""
    gap = marker_gap(10) + 1
    for year, value in others:
        if abs(year - at[0]) * scale[0] > half + 6:
            continue
        up = (value - at[1]) * scale[1]
        if gap - 6 < (up if side == "top" else -up) < gap + tall + 6:
            return True
    return False


def _label_places(stated: Sequence[Mapping[str, Any]], span: tuple[float, float], pp: PathPanel,
                  others: Sequence[tuple[float, float]], lang: str) -> list[str]:
    """Each stated point's label above it; below where above it would run into the label of
    the year before (years close together on a narrow panel) or cover another mark."""
    values = [v for x in stated for v in (x["value"], x.get("value_low"), x.get("value_high"))
              if not isna(v)] + [v for _y, v in others]
    spread = (max(values) - min(values)) * 1.3 or 1.0  # before the labels' room is known
    scale = (pp.width / (span[1] - span[0]), _PATH_PANEL / spread)
    places, last = [], {"top": -1e9, "bottom": -1e9}
    for x in stated:
        text = written(x, lang)
        at = (float(x["year"]) - span[0]) * scale[0]
        half, tall = text_width(text, pp.text) / 2, text_height(text, pp.text)
        side = next((s for s in ("top", "bottom") if at - half > last[s] + 4 and not _blocked(
            s, (float(x["year"]), float(x["value"])), half, others, scale, tall)), "top")
        last[side] = at + half
        places.append(f"{side} center")
    return places


def _own_path(fig: Figure, wh: Warehouse, points: Sequence[Mapping[str, Any]], province_id: str,
              pp: PathPanel, others: Sequence[tuple[float, float]], lang: str
              ) -> list[tuple[float, ...]]:
    """The province's path on one indicator, highlighted: a thick line, stated points labelled
    as written (above, or below where a label would meet another or cover one of ``others``,
    the other marks as year and value), interpolated ones small and hollow. Returns what the
    values and labels need on the value axis."""
    colour = wh.colour(province_id)
    path = _path(points)
    span = _year_span(path, pp, lang)
    fig.update_layout(**{f"xaxis{domain_axis(pp.panel.k)}": {"range": list(span)}})
    fig.add_scatter(x=[x["year"] for x in path], y=[x["value"] for x in path],
                    mode="lines", line={"color": colour, "width": 3}, hoverinfo="skip",
                    showlegend=False, row=pp.panel.row, col=pp.panel.col)
    stated = [x for x in path if x["method"] == Method.STATED]
    interp = [x for x in path if x["method"] != Method.STATED]
    places = _label_places(stated, span, pp, others, lang)
    add_value(fig, [x["year"] for x in stated], stated, colour, lang,
              hover=[f"{x['year']}: {written(x, lang, unit=True)} "
                     f"({Method(x['method']).label(lang)})" for x in stated],
              name=wh.province_name(province_id, lang), legendgroup="me", showlegend=False,
              row=pp.panel.row, col=pp.panel.col, size=10, textposition=places, font=pp.text)
    if interp:
        add_value(fig, [x["year"] for x in interp], interp, colour, lang, text=False,
                  hover=[f"{x['year']}: {written(x, lang, unit=True)} "
                         f"({Method(x['method']).label(lang)})" for x in interp],
                  name=Method.INTERPOLATED.label(lang), legendgroup="me",
                  showlegend=False, row=pp.panel.row, col=pp.panel.col, size=7)
    room: list[tuple[float, ...]] = [(float(x["value"]), _PEER_GAP, _PEER_GAP) for x in interp]
    gap, pad = marker_gap(10) + 1, marker_gap(10) + 6  # the label's side, the other side
    for x, place in zip(stated, places, strict=True):
        tall = text_height(written(x, lang), pp.text)
        anchor = label_anchor(x, place, horizontal=False)
        room.append((anchor, pad, gap + tall) if place.startswith("top")
                    else (anchor, gap + tall, pad))
        room += [(float(x[k]), pad, pad) for k in ("value", "value_low", "value_high")
                 if not isna(x.get(k))]
    return room


def _in_years(rows: Sequence[Mapping[str, Any]], pp: PathPanel) -> list[Mapping[str, Any]]:
    """The rows of the panel's years (other provinces' and national values outside the
    province's own years are not its trajectory)."""
    return [r for r in rows if pp.first <= int(r["year"]) <= pp.last]


def _peer_targets(fig: Figure, wh: Warehouse, rows: Sequence[Mapping[str, Any]],
                  peers: Sequence[str], ind: str, pp: PathPanel, lang: str
                  ) -> list[tuple[float, float]]:
    """Other provinces' stated targets on one indicator, small and grey (named on hover).
    Returns them as year and value."""
    marks: list[tuple[float, float]] = []
    for peer in peers:
        ph = _in_years([x for x in rows if x["province_id"] == peer and x["indicator_id"] == ind
                        and x["method"] == Method.STATED and x["kind"] in TARGET_KINDS], pp)
        if not ph:
            continue
        add_value(fig, [x["year"] for x in ph], ph, _PEER, lang, text=False,
                  hover=[f"{wh.province_name(peer, lang)} {x['year']}: "
                         f"{written(x, lang, unit=True)}" for x in ph],
                  name=wh.province_name(peer, lang), legendgroup="peers", showlegend=False,
                  row=pp.panel.row, col=pp.panel.col, size=7, opacity=0.8)
        marks += [(float(x["year"]), float(x["value"])) for x in ph]
    return marks


def _benchmarks(fig: Figure, wh: Warehouse, ind: str, pp: PathPanel, lang: str
                ) -> list[tuple[float, float]]:
    """The national benchmark on one indicator (✕, one value a year) in the panel's years.
    Returns it as year and value."""
    bench = sorted(_in_years([b for (i, _y), b in wh.benchmarks.items() if i == ind], pp),
                   key=lambda b: int(b["year"]))
    if not bench:
        return []
    unit = wh.unit_of(ind)
    hover = []
    for b in bench:
        text = fmt_value(b["national_value"], b["national_comparator"],
                         b["national_value_high"], unit, lang,
                         value_low=b["national_value_low"])
        tip = f"{label('national_target', lang)} {b['year']}: {text} ({b['national_source']})"
        other = national_disagreement(wh, ind, int(b["year"]), lang)
        hover.append(tip + (f"<br>{other}" if other else ""))
    fig.add_scatter(
        x=[int(b["year"]) for b in bench], y=[b["national_value"] for b in bench],
        mode="markers", marker={"symbol": "x", "size": 10, "color": "#444"},
        name=label("national_target", lang), legendgroup="national", showlegend=False,
        row=pp.panel.row, col=pp.panel.col, hovertext=hover, hoverinfo="text")
    return [(float(b["year"]), float(b["national_value"])) for b in bench]


def _path_legend(fig: Figure, wh: Warehouse, province_id: str, drawn: set[str],
                 lang: str) -> list[str]:
    """The chart's one legend: the province, interpolated values, other provinces, the
    national target and the bounds and ranges drawn. Returns the entries' names."""
    colour = wh.colour(province_id)
    entries = [(wh.province_name(province_id, lang),
                {"mode": "lines+markers", "line": {"color": colour, "width": 3},
                 "marker": {"size": 10, "color": colour}})]
    if Method.INTERPOLATED in drawn:
        entries.append((Method.INTERPOLATED.label(lang), {"mode": "markers", "marker": {
            "size": 7, "symbol": "circle-open", "color": colour}}))
    if "peers" in drawn:
        entries.append((label("legend.peers", lang),
                        {"mode": "markers", "marker": {"size": 7, "color": _PEER}}))
    if "national" in drawn:
        entries.append((label("national_target", lang), {"mode": "markers", "marker": {
            "symbol": "x", "size": 10, "color": "#444"}}))
    for name, style in entries:
        fig.add_scatter(x=[None], y=[None], name=name, **style)
    shapes = {s for s in drawn if s in BoundKind.order()} - {BoundKind.POINT}
    shape_legend(fig, shapes, lang, 1, 1)
    return [name for name, _ in entries] + shape_names(shapes, lang)


def _year_ticks(pp: PathPanel) -> int:
    """Years between ticks: every year when the labels fit side by side, else every 2, 5, 10."""
    years = max(pp.last - pp.first, 1)
    room = pp.width / (text_width("2030", pp.text) + 12)
    return next((d for d in (1, 2, 5) if years / d + 1 <= room), 10)


def _path_panel(fig: Figure, wh: Warehouse, rows: Sequence[Mapping[str, Any]],
                province_id: str, peers: Sequence[str], ind: str, pp: PathPanel,
                lang: str) -> set[str]:
    """One indicator's panel, its value axis fitted to what it shows and the labels; returns
    what it drew (for the legend)."""
    points = [x for x in rows if x["province_id"] == province_id and x["indicator_id"] == ind]
    # the others first, so that the province's path and labels are drawn over them
    peer_marks = _peer_targets(fig, wh, rows, peers, ind, pp, lang)
    national = _benchmarks(fig, wh, ind, pp, lang)
    room = [(v, _PEER_GAP, _PEER_GAP) for _y, v in peer_marks + national]
    room += _own_path(fig, wh, points, province_id, pp, peer_marks + national, lang)
    # a path's change shows on a narrower axis than a level alone needs
    span = fit_span(room, _PATH_PANEL, min_span=min_span(room, 0.04))
    font = {"size": pp.text}
    fig.update_layout(**{f"yaxis{domain_axis(pp.panel.k)}": {"range": list(span),
                                                            "tickfont": font},
                         f"xaxis{domain_axis(pp.panel.k)}": {"dtick": _year_ticks(pp),
                                                            "tickformat": "d",
                                                            "tickangle": 0, "tickfont": font}})
    drawn = {shape_of(x) for x in points} | {Method.INTERPOLATED.value for x in points
                                            if x["method"] == Method.INTERPOLATED}
    return drawn | ({"peers"} if peer_marks else set()) | ({"national"} if national else set())


def _trajectory_rows(wh: Warehouse, province_id: str, peers: Sequence[str]
                     ) -> tuple[list[dict[str, Any]], dict[str, set[int]]]:
    """The stated and interpolated values of the province and its peers, and the years of
    each of the province's indicators."""
    rows = wh.query("SELECT province_id, indicator_id, year, kind, value, value_low, "
                    "value_high, comparator, bound_kind, unit, method FROM harmonized "
                    "WHERE list_contains($provinces, province_id) "
                    "AND list_contains($methods, method) ORDER BY rowid",
                    {"provinces": [province_id, *peers],
                     "methods": [Method.STATED.value, Method.INTERPOLATED.value]})
    years_of: dict[str, set[int]] = {}
    for r in rows:
        if r["province_id"] == province_id:
            years_of.setdefault(r["indicator_id"], set()).add(int(r["year"]))
    return list(rows), years_of


def _trajectories(wh: Warehouse, province_id: str, peers: Sequence[str],
                  found: tuple[list[dict[str, Any]], dict[str, set[int]]], lang: str,
                  frame: Frame) -> Figure:
    rows, years_of = found
    indicators = sorted(i for i, ys in years_of.items() if len(ys) >= 2)
    title = label("chart.paths", lang, province=wh.province_name(province_id, lang))
    if not indicators:
        return empty(lang, label("none_found", lang), title, frame)
    sizes = frame.sizes
    cols = 1 if frame.narrow else min(2, len(indicators))
    nrows = math.ceil(len(indicators) / cols)
    plot = (frame.width - 70) * (1 - _PATH_SPACING * (cols - 1)) / cols
    titles = [wrap(t, wrap_chars(plot + 20, sizes.panel))
              for t in panel_titles(wh, indicators, lang)]
    room = int(max(text_height(t, sizes.panel) for t in titles)) + 6
    panels = stack(nrows, _PATH_PANEL, int(sizes.text * 2.4) + 10 + room, 0, 36)
    fig = subplots(lang, nrows, cols, titles, sizes, vertical_spacing=panels.spacing,
                   horizontal_spacing=_PATH_SPACING)
    drawn_: set[str] = set()
    for k, ind in enumerate(indicators):
        pp = PathPanel(Panel(k // cols + 1, k % cols + 1, k), plot, min(years_of[ind]),
                       max(years_of[ind]), sizes.text)
        drawn_ |= _path_panel(fig, wh, rows, province_id, peers, ind, pp, lang)
    legend = _path_legend(fig, wh, province_id, drawn_, lang)
    heading = title_height(title, frame)
    top = heading + legend_height(legend, frame) + room + 4
    fig = layout(fig, title, frame=frame, height=top + panels.height, top=top,
                 legend_top=heading)
    fig.update_layout(margin={"b": panels.bottom})
    return fig


def trajectories(wh: Warehouse, province_id: str, lang: str, *, peers: Sequence[str] = (),
                 width: int | None = None) -> Figure:
    """One panel per indicator with at least two years, each of the same readable height
    (two columns; one on a phone): the province's path (highlighted; stated points labelled
    as written, bounds as open triangles, ranges as bands, interpolated points hollow), other
    provinces' stated targets (small, grey) and the national benchmark (✕, one value a year:
    :attr:`Warehouse.benchmarks`), in the province's own years; one legend, under the
    title."""
    found = _trajectory_rows(wh, province_id, peers)
    fig = drawn(lambda frame: _trajectories(wh, province_id, peers, found, lang, frame), width)
    rows, years_of = found
    paths = {ind: [r for r in rows if r["province_id"] == province_id
                   and r["indicator_id"] == ind and r["method"] == Method.STATED]
             for ind, ys in years_of.items() if len(ys) >= 2}
    return described(fig, label("chart.paths_about", lang),
                     trajectories_caption(wh, province_id, {i: p for i, p in paths.items() if p},
                                          lang), ("vnh-table-profile",))
