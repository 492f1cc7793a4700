"""Levels by province, a row each: the targets for a year (:func:`interval_bars`), the way from
baseline to target (:func:`dumbbells`) and the pace a plan requires against the national pace
(:func:`pace_chart`).

Each indicator is a panel of its own (units differ), and the panels are stacked in one column,
so that each has the chart's full width and the same height in pixels however many there are.
In a panel every province is a row named on the axis — one without a value says why in its
row instead of being left out — and the national target is a row too, its value a dashed line
across the panel. Values are dots (open triangles for bounds, bands for ranges) on an axis
fitted to the values and their labels, never bars from zero; every mark is labelled, on the
side away from the national line. With one row per province no two labels share a line, and
the axis leaves each label its room, so none is cut off or runs into another.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from vnhealth.inputs.terms import Assessment, BoundKind, Kind, Method
from vnhealth.report.citations import SourceBook
from vnhealth.report.data import Warehouse
from vnhealth.report.figures import Figure
from vnhealth.report.formatting import fmt_change, fmt_number, fmt_value, isna, unit_label
from vnhealth.report.geometry import (
    CHAR_WIDTH,
    MIN_WIDTH,
    Stack,
    fit_span,
    marker_gap,
    stack,
    text_height,
    text_width,
)
from vnhealth.report.labels import label
from vnhealth.report.marks import (
    LEGEND_ROW,
    Panel,
    add_value,
    domain_axis,
    empty,
    layout,
    shape_legend,
    shape_of,
    subplots,
    title_height,
    wrap,
    written,
)
from vnhealth.report.queries import national_pace, reform_text

ROW = 22  # pixels per row
TICK = 10  # font size of tick labels and mark labels
PANEL_TITLE = 11
RIGHT = 14  # right margin
NATIONAL = "#444"
NOTE = "#6b6b6b"
NOTE_SHIFT = 8  # pixels between a row's note and the panel's edge (and its row name)


class Rows(NamedTuple):
    """The pixel geometry of panels of rows stacked in one column: the row names, the width
    laid out for, the left margin (the longest name), pixels per row, the stack, where the
    legend goes and the width of each panel's axis."""

    names: list[str]
    width: int
    left: int
    pitch: int
    stack: Stack
    legend_top: int
    plot_width: float


def legend_height(items: Sequence[str], width: int) -> int:
    """The pixels a horizontal legend of ``items`` takes (symbol, text and gap per item)."""
    if not items:
        return 0
    total = sum(text_width(t, 12) + 46 for t in items)
    return math.ceil(total / (width - 20)) * LEGEND_ROW + 4


def panel_titles(wh: Warehouse, indicators: Sequence[str], lang: str, width: int | None,
                 columns: int = 1) -> list[str]:
    """Each indicator's name and unit, wrapped to its panel's width."""
    chars = int(((width or MIN_WIDTH) / columns - 40) / (PANEL_TITLE * CHAR_WIDTH))
    return [wrap(f"{wh.indicator_name(i, lang)} ({unit_label(wh.unit_of(i), lang)})", chars)
            for i in indicators]


def rows_geometry(names: list[str], titles: Sequence[str], title: str, width: int | None,
                  legend: Sequence[str], *, bottom: int = 34) -> Rows:
    """Lay out panels of one row per name (one panel per title) in pixels."""
    full = width or MIN_WIDTH
    pitch = max(ROW, max(int(text_height(n, TICK)) for n in names) + 8)
    left = int(max(text_width(n, TICK) for n in names)) + 16
    heading = title_height(title)
    room = int(max((text_height(t, PANEL_TITLE) for t in titles if t), default=0)) + 6
    top = heading + legend_height(legend, full) + room + 4
    panels = stack(max(len(titles), 1), pitch * len(names), 24 + room, top, bottom)
    return Rows(names, full, left, pitch, panels, heading, full - left - RIGHT)


def finish(fig: Figure, title: str, width: int | None, geo: Rows, legend: Sequence[str]
           ) -> Figure:
    """The common layout with the margins the geometry asks for."""
    layout(fig, title, width=width, height=geo.stack.height, top=geo.stack.top,
           legend_top=geo.legend_top)
    fig.update_layout(margin={"l": geo.left, "r": RIGHT, "t": geo.stack.top,
                              "b": geo.stack.bottom}, showlegend=bool(legend))
    return fig


def row_axes(fig: Figure, k: int, names: Sequence[str], span: tuple[float, float]) -> None:
    """Panel ``k``'s axes: one row per name (the first at the top), values on ``span``."""
    s = domain_axis(k)
    n = len(names)
    fig.layout[f"yaxis{s}"].update({
        "tickvals": list(range(n)), "ticktext": list(names), "range": [n - 0.5, -0.5],
        "showgrid": False, "zeroline": False, "tickfont": {"size": TICK}, "fixedrange": True})
    fig.layout[f"xaxis{s}"].update({"range": list(span), "zeroline": False, "nticks": 6,
                                    "tickfont": {"size": TICK}})


def row_note(fig: Figure, k: int, i: int, text: str, *, right: bool) -> None:
    """A note in row ``i`` of panel ``k`` (a province without a value, and why), at the left
    or right edge of the panel."""
    s = domain_axis(k)
    fig.add_annotation(text=text, showarrow=False, xref=f"x{s} domain", yref=f"y{s}",
                       x=1 if right else 0, xanchor="right" if right else "left", y=i,
                       xshift=-NOTE_SHIFT if right else NOTE_SHIFT,
                       font={"size": TICK, "color": NOTE})


def room(row: Mapping[str, Any], text: str, side: str, size: int) -> list[tuple[float, ...]]:
    """What a labelled mark needs on the value axis (see :func:`geometry.fit_span`): its ends,
    the marker around them and the label on ``side`` (``left``/``right``)."""
    gap = marker_gap(size) + 2
    wide = text_width(text, TICK) + 2
    low = high = float(row["value"])
    if shape_of(row) == BoundKind.RANGE and not isna(row.get("value_low")) and not isna(
            row.get("value_high")):
        low, high = float(row["value_low"]), float(row["value_high"])
    if side == "left":
        return [(low, gap + wide, gap), (high, gap, gap)]
    return [(low, gap, gap), (high, gap, gap + wide)]


def min_span(points: Sequence[tuple[float, ...]], share: float = 0.1) -> float:
    """The narrowest axis for these values: ``share`` of the largest, so that one value alone
    is not drawn on an axis of no width (nor on ticks finer than its own digits)."""
    largest = max((abs(p[0]) for p in points), default=0.0)
    return largest * share if largest else 1.0


def _side(value: float, national: float | None) -> str:
    """A label's side: away from the national line."""
    return "left" if national is not None and value < national else "right"


def _national(row: Mapping[str, Any]) -> dict[str, Any] | None:
    """The national target of a comparison row as a value row (None without one)."""
    if isna(row.get("national_value")):
        return None
    return {"value": float(row["national_value"]), "comparator": row["national_comparator"],
            "value_low": row.get("national_value_low"),
            "value_high": row.get("national_value_high"), "method": Method.STATED.value}


def national_line(fig: Figure, k: int, nat: Mapping[str, Any]) -> None:
    """The national target across panel ``k``: a dashed line, on a band for a range."""
    s = domain_axis(k)
    if shape_of(nat) == BoundKind.RANGE and not isna(nat.get("value_high")):
        fig.add_shape(type="rect", xref=f"x{s}", yref=f"y{s} domain", y0=0, y1=1,
                      x0=float(nat["value_low"]), x1=float(nat["value_high"]),
                      fillcolor="#999", opacity=0.2, line={"width": 0}, layer="below")
    fig.add_shape(type="line", xref=f"x{s}", yref=f"y{s} domain", y0=0, y1=1,
                  x0=float(nat["value"]), x1=float(nat["value"]), layer="below",
                  line={"color": NATIONAL, "dash": "dash", "width": 1.5})


def _missing_text(wh: Warehouse, province_id: str, indicator_id: str, year: int, lang: str
                  ) -> str:
    """Why a province has no value: a target in words only, or none for the year."""
    quals = wh.qualitative_for(province_id, indicator_id)
    if quals:
        return label("qualitative.cell", lang, year=int(quals[0]["year"]),
                     name=quals[0]["name_vi" if lang == "vi" else "name_en"])
    return label("no_target_year", lang, year=year)


def _notes(fig: Figure, k: int, notes: Sequence[tuple[int, str]], nat: Mapping[str, Any] | None,
           span: tuple[float, float]) -> None:
    """The panel's notes, on the side of the panel away from the national line."""
    right = nat is not None and (float(nat["value"]) - span[0]) / (span[1] - span[0]) < 0.5
    for i, text in notes:
        row_note(fig, k, i, text, right=right)


# ---------------------------------------------------------------------------------------------
# the targets for a year
# ---------------------------------------------------------------------------------------------
def shape_names(shapes: set[str], lang: str) -> list[str]:
    """The legend's entries for the bounds and ranges drawn (see :func:`shape_legend`)."""
    return [label("legend.range", lang) if s == BoundKind.RANGE else s.label(lang)
            for s in (BoundKind.LOWER, BoundKind.UPPER, BoundKind.RANGE) if s in shapes]


def _national_row(fig: Figure, nat: Mapping[str, Any] | None, panel: Panel, i: int,
                  hover: str, lang: str, text: str | None = None) -> list[tuple[float, ...]]:
    """The national row: its target labelled (``text``, else as written) and its line across
    the panel; what it needs on the axis."""
    if nat is None:
        return []
    national_line(fig, panel.k, nat)
    words = text or written(nat, lang)
    add_value(fig, [i], [nat], NATIONAL, lang, hover=[hover], name=label("national_target", lang),
              legendgroup="national", showlegend=False, row=panel.row, col=panel.col, size=10,
              texts=[words], horizontal=True)
    return room(nat, words, "right", 10)


def _bars_panel(fig: Figure, wh: Warehouse, book: SourceBook, rows: Sequence[Mapping[str, Any]],
                panel: Panel, geo: Rows, lang: str) -> None:
    """One indicator: a row per province, then the national target's."""
    first = rows[0]
    nat = _national(first)
    year = int(first["year"])
    points: list[tuple[float, ...]] = []
    notes: list[tuple[int, str]] = []
    for i, r in enumerate(rows):
        p = r["province_id"]
        if isna(r["value"]):
            notes.append((i, _missing_text(wh, p, r["indicator_id"], year, lang)))
            continue
        name = wh.province_name(p, lang)
        side = _side(float(r["value"]), None if nat is None else nat["value"])
        hover = (f"{name}<br>{written(r, lang, unit=True)}<br>{Method(r['method']).label(lang)}"
                 f"<br>{label('hover.source', lang)}: "
                 f"{book.short(book.observations(r['obs_ids']))}")
        add_value(fig, [i], [r], wh.colour(p), lang, hover=[hover], name=name, legendgroup=p,
                  showlegend=False, row=panel.row, col=panel.col,
                  textposition=f"middle {side}", horizontal=True)
        points += room(r, written(r, lang), side, 11)
    hover = (f"{label('national_target', lang)}: "
             f"{written({**(nat or {}), 'unit': first['unit']}, lang, unit=True) if nat else ''}"
             f"<br>{first.get('national_source') or ''}")
    points += _national_row(fig, nat, panel, len(rows), hover, lang)
    if nat is None:
        notes.append((len(rows), Assessment.NO_NATIONAL.label(lang)))
    span = fit_span(points, geo.plot_width, min_span=min_span(points))
    row_axes(fig, panel.k, geo.names, span)
    _notes(fig, panel.k, notes, nat, span)


def interval_bars(wh: Warehouse, table: Sequence[dict[str, Any]], lang: str, *,
                  width: int | None = None) -> Figure:
    """Each province's target per indicator (one panel per indicator, since units differ) on
    an axis fitted to the values (not bars from zero): a point as a dot, a bound as an open
    triangle (▲ at least, ▼ at most), a range as a band, each labelled as written
    (``≥ 95``, ``4–5``); the national target as a row of its own and a dashed line (on a band
    for a national range); a province without a target named in its row, with why."""
    data = [r for r in table if not isna(r["value"])]
    indicators = list(dict.fromkeys(r["indicator_id"] for r in data))
    title = label("chart.bars", lang, year=int(table[0]["year"]) if table else 0)
    if not indicators:
        return empty(lang, label("none_found", lang), title, width)
    provinces = list(dict.fromkeys(r["province_id"] for r in table))
    names = [*(wh.province_name(p, lang) for p in provinces), label("national_target", lang)]
    shapes = {shape_of(r) for r in data}
    legend = shape_names(shapes, lang)
    titles = panel_titles(wh, indicators, lang, width)
    geo = rows_geometry(names, titles, title, width, legend)
    fig = subplots(lang, len(indicators), 1, titles, vertical_spacing=geo.stack.spacing)
    book = SourceBook(wh, lang)
    by_key = {(r["province_id"], r["indicator_id"]): r for r in table}
    for k, ind in enumerate(indicators):
        _bars_panel(fig, wh, book, [by_key[(p, ind)] for p in provinces], Panel(k + 1, 1, k),
                    geo, lang)
    shape_legend(fig, shapes, lang, 1, 1)
    return finish(fig, title, width, geo, legend)


# ---------------------------------------------------------------------------------------------
# from baseline to target
# ---------------------------------------------------------------------------------------------
def _stated_targets(wh: Warehouse, data: Sequence[Mapping[str, Any]],
                    indicators: Sequence[str]) -> dict[tuple[str, str, int], dict[str, Any]]:
    """The targets as stated (comparator, range ends), so that bounds and ranges are drawn
    so; by province, indicator and year."""
    return {(t["province_id"], t["indicator_id"], int(t["year"])): t for t in wh.query(
        "SELECT province_id, indicator_id, year, value, value_low, value_high, comparator, "
        "bound_kind, unit FROM harmonized WHERE method = $method AND kind = $kind "
        "AND list_contains($p, province_id) AND list_contains($i, indicator_id) "
        "ORDER BY rowid", {"p": sorted({r["province_id"] for r in data}), "i": indicators,
                           "method": Method.STATED.value, "kind": Kind.TARGET.value})}


# A baseline's label keeps the distance of the target's marker (13 px), which may sit on it.
_END = 14


def _start(fig: Figure, x: float, i: int, text: str, side: str, colour: str, hover: str,
           panel: Panel) -> None:
    """A line's starting point (a baseline): a small dot, labelled ``text`` on ``side`` from
    an invisible marker as large as the target's, so that the label clears both."""
    fig.add_scatter(x=[x], y=[i], mode="markers", marker={"size": 9, "color": colour},
                    hovertext=[hover], hoverinfo="text", showlegend=False, row=panel.row,
                    col=panel.col)
    fig.add_scatter(x=[x], y=[i], mode="markers+text", text=[text],
                    textposition=f"middle {side}", textfont={"size": TICK, "color": "#333"},
                    marker={"size": _END, "color": "rgba(0,0,0,0)"}, hoverinfo="skip",
                    showlegend=False, row=panel.row, col=panel.col)


def _ends_sides(start: float, end: float) -> tuple[str, str]:
    """The start's label faces away from the end, the end's away from the start."""
    return ("left", "right") if end >= start else ("right", "left")


def _dumbbell(fig: Figure, wh: Warehouse, row: Mapping[str, Any], target: Mapping[str, Any],
              panel: Panel, i: int, lang: str) -> list[tuple[float, ...]]:
    """One province's line from baseline to target, the target drawn as stated, each end
    labelled with its year; what it needs on the axis."""
    p = row["province_id"]
    unit = wh.unit_of(row["indicator_id"])
    colour = wh.colour(p)
    x0, x1 = float(row["baseline_value"]), float(row["target_value"])
    y0, y1 = int(row["baseline_year"]), int(row["target_year"])
    tip = label("from_to", lang, start=fmt_value(x0, None, None, unit, lang), y0=y0,
                end=fmt_value(x1, None, None, unit, lang), y1=y1)
    if not isna(row.get("reform_note")):
        tip += "<br>" + str(reform_text(wh, p, y0, y1, lang))
    side0, side1 = _ends_sides(x0, x1)
    start = f"{fmt_number(x0, lang)} ({y0})"
    fig.add_scatter(x=[x0, x1], y=[i, i], mode="lines", line={"color": colour, "width": 3},
                    hoverinfo="skip", showlegend=False, legendgroup=p, row=panel.row,
                    col=panel.col)
    _start(fig, x0, i, start, side0, colour, tip, panel)
    end = {**target, "method": Method.STATED.value}
    words = f"{written(end, lang)} ({y1})"
    add_value(fig, [i], [end], colour, lang, hover=[tip], name=wh.province_name(p, lang),
              legendgroup=p, showlegend=False, row=panel.row, col=panel.col, size=13,
              texts=[words], textposition=f"middle {side1}", horizontal=True)
    return [*room({"value": x0}, start, side0, _END), *room(end, words, side1, 13)]


def _without_baseline(fig: Figure, wh: Warehouse, r: Mapping[str, Any], panel: Panel, i: int,
                      lang: str) -> list[tuple[float, ...]]:
    """A province with a target but no baseline: its target, and that no pace can be drawn
    (said on the side away from the national line, which it would cross)."""
    words = f"{written(r, lang)} · {label('no_baseline', lang)}"
    nat = _national(r)
    side = _side(float(r["value"]), None if nat is None else nat["value"])
    add_value(fig, [i], [r], wh.colour(r["province_id"]), lang,
              hover=[label("no_baseline", lang)], name=wh.province_name(r["province_id"], lang),
              legendgroup=r["province_id"], showlegend=False, row=panel.row, col=panel.col,
              texts=[words], textposition=f"middle {side}", horizontal=True)
    return room(r, words, side, 11)


def _national_path(fig: Figure, wh: Warehouse, nat: Mapping[str, Any], ind: str, year: int,
                   panel: Panel, i: int, lang: str) -> list[tuple[float, ...]]:
    """The national row: from the latest national actual (when there is one) to the national
    target of the year, as the national pace reads it."""
    start = national_pace(wh, ind, year)
    points: list[tuple[float, ...]] = []
    side = "right"
    if start is not None:
        x0, y0 = float(start["national_baseline_value"]), int(start["national_baseline_year"])
        side0, side = _ends_sides(x0, float(nat["value"]))
        text = f"{fmt_number(x0, lang)} ({y0})"
        fig.add_scatter(x=[x0, float(nat["value"])], y=[i, i], mode="lines",
                        line={"color": NATIONAL, "width": 2}, hoverinfo="skip",
                        showlegend=False, row=panel.row, col=panel.col)
        _start(fig, x0, i, text, side0, NATIONAL, str(start["national_source"]), panel)
        points += room({"value": x0}, text, side0, _END)
    national_line(fig, panel.k, nat)
    words = f"{written(nat, lang)} ({year})"
    add_value(fig, [i], [nat], NATIONAL, lang, hover=[label("national_target", lang)],
              name=label("national_target", lang), legendgroup="national", showlegend=False,
              row=panel.row, col=panel.col, size=10, texts=[words], horizontal=True,
              textposition=f"middle {side}")
    return points + room(nat, words, side, 10)


def _dumbbell_panel(fig: Figure, wh: Warehouse, provinces: Sequence[str],
                    rows: Mapping[str, Mapping[str, Any]], paces: Mapping[str, Mapping[str, Any]],
                    targets: Mapping[Any, Any], ind: str, year: int, panel: Panel, geo: Rows,
                    lang: str) -> None:
    """One indicator: a row per province (its way from baseline to target, its target alone,
    or why it has none), then the national row."""
    points: list[tuple[float, ...]] = []
    notes: list[tuple[int, str]] = []
    for i, p in enumerate(provinces):
        pace, r = paces.get(p), rows.get(p)
        if pace is not None:
            target = targets.get((p, ind, int(pace["target_year"]))) or {
                "value": float(pace["target_value"]),
                "comparator": pace.get("target_comparator"), "unit": wh.unit_of(ind)}
            points += _dumbbell(fig, wh, pace, target, panel, i, lang)
        elif r is not None and not isna(r["value"]):
            points += _without_baseline(fig, wh, r, panel, i, lang)
        else:
            notes.append((i, _missing_text(wh, p, ind, year, lang)))
    nat = _national(next(iter(rows.values()))) if rows else None
    if nat is not None:
        points += _national_path(fig, wh, nat, ind, year, panel, len(provinces), lang)
    else:
        notes.append((len(provinces), Assessment.NO_NATIONAL.label(lang)))
    span = fit_span(points, geo.plot_width, min_span=min_span(points))
    row_axes(fig, panel.k, geo.names, span)
    _notes(fig, panel.k, notes, nat, span)


def dumbbells(wh: Warehouse, pace: Sequence[dict[str, Any]],
              comparison: Sequence[dict[str, Any]] | None, lang: str, *,
              width: int | None = None) -> Figure:
    """From each province's baseline to its target (each end labelled with its year), one
    panel per indicator (units differ); a province with a target but no baseline named in its
    row with its target, one without a target with why; the national row from the latest
    national actual to the national target for the report year, its target a dashed line."""
    data = [r for r in pace if not isna(r["baseline_value"]) and not isna(r["target_value"])]
    indicators = list(dict.fromkeys(r["indicator_id"] for r in data))
    title = label("chart.dumbbells", lang)
    if not indicators:
        return empty(lang, label("none_found", lang), title, width)
    comparison = list(comparison or ())
    provinces = list(dict.fromkeys([*(r["province_id"] for r in comparison),
                                    *(r["province_id"] for r in data)]))
    year = (int(comparison[0]["year"]) if comparison
            else max(int(r["target_year"]) for r in data))
    targets = _stated_targets(wh, data, indicators)
    shapes = {shape_of(t) for t in targets.values()} | {
        shape_of(r) for r in comparison if not isna(r["value"])}
    legend = shape_names(shapes, lang)
    titles = panel_titles(wh, indicators, lang, width)
    names = [*(wh.province_name(p, lang) for p in provinces), label("national_target", lang)]
    geo = rows_geometry(names, titles, title, width, legend)
    fig = subplots(lang, len(indicators), 1, titles, vertical_spacing=geo.stack.spacing)
    for k, ind in enumerate(indicators):
        rows = {r["province_id"]: r for r in comparison if r["indicator_id"] == ind}
        paces = {r["province_id"]: r for r in data if r["indicator_id"] == ind}
        _dumbbell_panel(fig, wh, provinces, rows, paces, targets, ind, year,
                        Panel(k + 1, 1, k), geo, lang)
    shape_legend(fig, shapes, lang, 1, 1)
    return finish(fig, title, width, geo, legend)


# ---------------------------------------------------------------------------------------------
# the required pace against the national pace
# ---------------------------------------------------------------------------------------------
def _pace_hover(wh: Warehouse, r: Mapping[str, Any], lang: str) -> str:
    u = wh.unit_of(r["indicator_id"])
    return (f"{wh.province_name(r['province_id'], lang)}<br>"
            f"{wh.indicator_name(r['indicator_id'], lang)}<br>{label('pace', lang)}: "
            f"{fmt_change(r['pace_per_year'], u, lang)}<br>{label('national_pace', lang)}: "
            f"{fmt_change(r['national_pace'], u, lang)}")


def pace_chart(wh: Warehouse, pace: Sequence[dict[str, Any]], lang: str, *,
               width: int | None = None) -> Figure:
    """Each plan's required yearly pace as a multiple of the national pace (1 = national), a
    row per province × indicator, each dot labelled (``×2,1``); a plan whose indicator has no
    national pace named in its row; the national pace a row and a dashed line at 1."""
    if not any(not isna(r["pace_ratio"]) for r in pace):
        return empty(lang, label("no_national_pace", lang), label("chart.pace", lang), width)
    order = list(dict.fromkeys(r["indicator_id"] for r in pace))
    rows = sorted((r for r in pace if not isna(r["pace_per_year"])),
                  key=lambda r: order.index(r["indicator_id"]))
    names = [wrap(wh.indicator_name(r["indicator_id"], lang), 30) for r in rows]
    names.append(label("national_pace", lang))
    title = label("chart.pace", lang)
    geo = rows_geometry(names, [""], title, width, [], bottom=58)
    fig = subplots(lang, 1, 1, [])
    points: list[tuple[float, ...]] = [(0.0, 4, 4)]
    notes: list[tuple[int, str]] = []
    for i, r in enumerate(rows):
        province = wh.province_name(r["province_id"], lang)
        if isna(r["pace_ratio"]):
            notes.append((i, f"{province}: {label('no_national_pace', lang)}"))
            continue
        ratio = float(r["pace_ratio"])
        side = "right" if ratio >= 1 else "left"
        text = f"{province} ×{fmt_number(ratio, lang, 1)}"
        fig.add_scatter(x=[ratio], y=[i], mode="markers+text", text=[text],
                        textposition=f"middle {side}", textfont={"size": TICK, "color": "#333"},
                        marker={"size": 13, "color": wh.colour(r["province_id"]),
                                "line": {"color": "#fff", "width": 1}},
                        hovertext=[_pace_hover(wh, r, lang)], hoverinfo="text",
                        name=wh.province_name(r["province_id"], lang), showlegend=False)
        points += room({"value": ratio}, text, side, 13)
    national = {"value": 1.0, "method": Method.STATED.value}
    points += _national_row(fig, national, Panel(1, 1, 0), len(rows),
                            label("national_pace", lang), lang, "×1")
    fig.add_vline(x=0, line={"color": "#bbb", "width": 1}, layer="below")
    span = fit_span(points, geo.plot_width, min_span=1.0)
    row_axes(fig, 0, names, span)
    _notes(fig, 0, notes, national, span)
    fig.update_xaxes(title={"text": label("pace_ratio", lang), "font": {"size": 11}})
    return finish(fig, title, width, geo, [])
