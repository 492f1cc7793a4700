"""Levels by province, a row each: the targets for a year (:func:`interval_bars`), the way from
baseline to target (:func:`dumbbells`) and the pace a plan requires against the national pace
(:func:`pace_chart`).

Each indicator is a panel of its own (units differ). On a screen the panels are stacked in one
column, so that each has the chart's full width and the same height in pixels however many
there are; on a printed page (a fixed width) three or more panels go two to a row, the row
names on the left of the first column only (every panel has the same rows). In a panel every
province is a row named on the axis — one without a value says why in its row instead of being
left out — and the national target is a row too, its value a dashed line across the panel.
Values are dots (open triangles for bounds, bands for ranges) on an axis fitted to the values
and their labels, never bars from zero; every mark is labelled, on the side away from the
national line. With one row per province no two labels share a line, and the axis leaves each
label its room, so none is cut off or runs into another.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from vnhealth.inputs.terms import Assessment, BoundKind, Kind, Method
from vnhealth.report.captions import levels_caption, lines_caption, paces_caption
from vnhealth.report.citations import SourceBook
from vnhealth.report.data import Warehouse
from vnhealth.report.figures import Figure
from vnhealth.report.formatting import fmt_change, fmt_number, fmt_value, isna, unit_label
from vnhealth.report.geometry import (
    LINE_HEIGHT,
    Frame,
    Sizes,
    Stack,
    fit_span,
    marker_gap,
    stack,
    text_height,
    text_lines,
    text_width,
    wrap_chars,
)
from vnhealth.report.labels import label
from vnhealth.report.marks import (
    Panel,
    add_value,
    described,
    domain_axis,
    drawn,
    empty,
    layout,
    legend_height,
    shape_legend,
    shape_of,
    subplots,
    title_height,
    wrap,
    written,
)
from vnhealth.report.queries import national_pace, reform_text

RIGHT = 14  # right margin
COLUMN_GAP = 26  # pixels between two columns of panels
NATIONAL = "#444"
NOTE = "#6b6b6b"
NOTE_SHIFT = 8  # pixels between a row's note and the panel's edge (and its row name)
NAME_CHARS = 12  # a row's name on a phone is wrapped to lines of this many characters
# The tables with the numbers of a chart of levels (tables.table_html, tables.ambition_html,
# tables.pace_html): the first on the page is linked under the chart.
COMPARISON_TABLES = ("vnh-table-comparison", "vnh-table-ambition")
PACE_TABLES = ("vnh-table-pace",)


class Rows(NamedTuple):
    """The pixel geometry of panels of rows: the row names, the frame laid out for, the left
    margin (the longest name), pixels per row, columns of panels and the gap between them (a
    share of the plot area's width), the panel titles (wrapped to a panel's width), the stack,
    where the legend goes, the width of each panel's axis and the characters of a note's
    line."""

    names: list[str]
    frame: Frame
    left: int
    pitch: int
    cols: int
    spacing_x: float
    titles: list[str]
    stack: Stack
    legend_top: int
    plot_width: float
    note_chars: int

    @property
    def sizes(self) -> Sizes:
        return self.frame.sizes


def panel_titles(wh: Warehouse, indicators: Sequence[str], lang: str) -> list[str]:
    """Each indicator's name and unit (wrapped to its panel by the geometry)."""
    return [f"{wh.indicator_name(i, lang)} ({unit_label(wh.unit_of(i), lang)})"
            for i in indicators]


def _columns(frame: Frame, panels: int) -> int:
    """Two columns of panels on a printed page with three or more, else one."""
    return 2 if frame.fixed and not frame.narrow and panels >= 3 else 1


def rows_geometry(names: Sequence[str], titles: Sequence[str], title: str, frame: Frame,
                  legend: Sequence[str], *, notes: Sequence[Note | str] = (),
                  name_chars: tuple[int, int] = (0, NAME_CHARS), axis_title: bool = False
                  ) -> Rows:
    """Lay out panels of one row per name (one panel per title) in pixels: names wrapped to
    ``name_chars`` (on a page or screen, and on a phone; 0: not wrapped), notes and titles to a
    panel's width, each row as tall as its longest name or note, room under the last panel for
    its ticks (and an axis title)."""
    sizes = frame.sizes
    chars = name_chars[1] if frame.narrow else name_chars[0]
    names = [wrap(n, chars) if chars else n for n in names]
    left = int(max(text_width(n, sizes.text) for n in names)) + 16
    cols = _columns(frame, len(titles))
    area = frame.width - left - RIGHT
    plot_width = (area - COLUMN_GAP * (cols - 1)) / cols
    note_chars = wrap_chars(plot_width - NOTE_SHIFT - 2, sizes.text)
    lines = max(len(text_lines(t)) for t in [*names, *(fit_note(n, note_chars) for n in notes)])
    pitch = max(sizes.row, math.ceil((lines - 1) * sizes.text * LINE_HEIGHT) + sizes.row)
    wrapped = [wrap(t, wrap_chars(plot_width - 8, sizes.panel)) for t in titles]
    room = int(max((text_height(t, sizes.panel) for t in wrapped if t), default=0)) + 5
    ticks = int(sizes.text * LINE_HEIGHT) + (7 if frame.fixed else 11)
    heading = title_height(title, frame)
    top = heading + legend_height(legend, frame) + room + 2
    bottom = ticks + (int(sizes.text * LINE_HEIGHT) + 8 if axis_title else 0)
    panels = stack(math.ceil(max(len(titles), 1) / cols), pitch * len(names), ticks + room,
                   top, bottom)
    return Rows(names, frame, left, pitch, cols, COLUMN_GAP / area if cols > 1 else 0.0,
                wrapped, panels, heading, plot_width, note_chars)


def panel_grid(lang: str, geo: Rows) -> Figure:
    """The grid of panels the geometry lays out, their titles above them."""
    rows = math.ceil(max(len(geo.titles), 1) / geo.cols)
    spacing = {"vertical_spacing": geo.stack.spacing}
    if geo.cols > 1:
        spacing["horizontal_spacing"] = geo.spacing_x
    return subplots(lang, rows, geo.cols, geo.titles, geo.sizes, **spacing)


def panel_at(geo: Rows, k: int) -> Panel:
    """The k-th panel (0-based) of the grid, row by row."""
    return Panel(k // geo.cols + 1, k % geo.cols + 1, k)


def finish(fig: Figure, title: str, geo: Rows, legend: Sequence[str]) -> Figure:
    """The common layout with the margins the geometry asks for."""
    layout(fig, title, frame=geo.frame, height=geo.stack.height, top=geo.stack.top,
           legend_top=geo.legend_top)
    fig.update_layout(margin={"l": geo.left, "r": RIGHT, "t": geo.stack.top,
                              "b": geo.stack.bottom}, showlegend=bool(legend))
    return fig


def row_axes(fig: Figure, k: int, geo: Rows, span: tuple[float, float]) -> None:
    """Panel ``k``'s axes: one row per name (the first at the top; named in the first column
    only), values on ``span``."""
    s = domain_axis(k)
    n = len(geo.names)
    font = {"size": geo.sizes.text}
    fig.layout[f"yaxis{s}"].update({
        "tickvals": list(range(n)), "ticktext": list(geo.names), "range": [n - 0.5, -0.5],
        "showgrid": False, "zeroline": False, "tickfont": font, "fixedrange": True,
        "showticklabels": k % geo.cols == 0})
    fig.layout[f"xaxis{s}"].update({"range": list(span), "zeroline": False,
                                    "nticks": 6 if geo.plot_width > 300 else 4,
                                    "tickfont": font})


class Note(NamedTuple):
    """A row's note, and a shorter one said when it does not fit on the panel's line (the
    note itself then shows on hover)."""

    text: str
    short: str = ""


def fit_note(note: Note | str, chars: int) -> str:
    """The note as written in a panel whose lines hold ``chars`` characters: the note, else
    its short form, wrapped when still too long."""
    note = Note(note) if isinstance(note, str) else note
    text = note.short if len(note.text) > chars and note.short else note.text
    return wrap(text, chars)


def row_note(fig: Figure, k: int, i: int, note: Note | str, geo: Rows, *, right: bool) -> None:
    """A note in row ``i`` of panel ``k`` (a province without a value, and why), fitted to
    the panel (:func:`fit_note`), at its left or right edge."""
    s = domain_axis(k)
    text = fit_note(note, geo.note_chars)
    full = note.text if isinstance(note, Note) else note
    fig.add_annotation(text=text, showarrow=False, xref=f"x{s} domain",
                       hovertext=full if full != text.replace("<br>", " ") else None,
                       yref=f"y{s}", x=1 if right else 0, xanchor="right" if right else "left",
                       y=i, xshift=-NOTE_SHIFT if right else NOTE_SHIFT,
                       align="right" if right else "left", bgcolor="rgba(255,255,255,0.85)",
                       font={"size": geo.sizes.text, "color": NOTE})


def room(row: Mapping[str, Any], text: str, side: str, size: int, font: float
         ) -> list[tuple[float, ...]]:
    """What a labelled mark needs on the value axis (see :func:`geometry.fit_span`): its ends,
    the marker of ``size`` around them and the label (``font`` pixels) on ``side``
    (``left``/``right``)."""
    gap = marker_gap(size) + 2
    wide = text_width(text, font) + 2
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
                  ) -> Note:
    """Why a province has no value: a target in words only (shortly: that there is one), or
    none for the year."""
    quals = wh.qualitative_for(province_id, indicator_id)
    if quals:
        q = int(quals[0]["year"])
        return Note(label("qualitative.cell", lang, year=q,
                          name=quals[0]["name_vi" if lang == "vi" else "name_en"]),
                    label("coverage.qualitative", lang, years=q))
    return Note(label("no_target_year", lang, year=year))


def _notes(fig: Figure, k: int, notes: Sequence[tuple[int, Note | str]],
           nat: Mapping[str, Any] | None, span: tuple[float, float], geo: Rows) -> None:
    """The panel's notes, on the side of the panel away from the national line."""
    right = nat is not None and (float(nat["value"]) - span[0]) / (span[1] - span[0]) < 0.5
    for i, text in notes:
        row_note(fig, k, i, text, geo, right=right)


# ---------------------------------------------------------------------------------------------
# the targets for a year
# ---------------------------------------------------------------------------------------------
def shape_names(shapes: set[str], lang: str) -> list[str]:
    """The legend's entries for the bounds and ranges drawn (see :func:`shape_legend`)."""
    return [label("legend.range", lang) if s == BoundKind.RANGE else s.label(lang)
            for s in (BoundKind.LOWER, BoundKind.UPPER, BoundKind.RANGE) if s in shapes]


def _national_row(fig: Figure, nat: Mapping[str, Any] | None, panel: Panel, i: int,
                  hover: str, geo: Rows, lang: str, text: str | None = None
                  ) -> list[tuple[float, ...]]:
    """The national row: its target labelled (``text``, else as written) and its line across
    the panel; what it needs on the axis."""
    if nat is None:
        return []
    national_line(fig, panel.k, nat)
    words = text or written(nat, lang)
    size, font = geo.sizes.marker - 1, geo.sizes.text
    add_value(fig, [i], [nat], NATIONAL, lang, hover=[hover], name=label("national_target", lang),
              legendgroup="national", showlegend=False, row=panel.row, col=panel.col,
              size=size, texts=[words], horizontal=True, font=font)
    return room(nat, words, "right", size, font)


def _bars_panel(fig: Figure, wh: Warehouse, book: SourceBook, rows: Sequence[Mapping[str, Any]],
                panel: Panel, geo: Rows, lang: str) -> None:
    """One indicator: a row per province, then the national target's."""
    first = rows[0]
    nat = _national(first)
    year = int(first["year"])
    points: list[tuple[float, ...]] = []
    notes: list[tuple[int, Note | str]] = []
    size, font = geo.sizes.marker, geo.sizes.text
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
                  showlegend=False, row=panel.row, col=panel.col, size=size, font=font,
                  textposition=f"middle {side}", horizontal=True)
        points += room(r, written(r, lang), side, size, font)
    hover = (f"{label('national_target', lang)}: "
             f"{written({**(nat or {}), 'unit': first['unit']}, lang, unit=True) if nat else ''}"
             f"<br>{first.get('national_source') or ''}")
    points += _national_row(fig, nat, panel, len(rows), hover, geo, lang)
    if nat is None:
        notes.append((len(rows), Assessment.NO_NATIONAL.label(lang)))
    span = fit_span(points, geo.plot_width, min_span=min_span(points))
    row_axes(fig, panel.k, geo, span)
    _notes(fig, panel.k, notes, nat, span, geo)


def _bar_notes(wh: Warehouse, table: Sequence[Mapping[str, Any]], lang: str
               ) -> list[Note | str]:
    """Every note the panels of targets may write in a row (for the rows' height)."""
    notes = [_missing_text(wh, r["province_id"], r["indicator_id"], int(r["year"]), lang)
             for r in table if isna(r["value"])]
    if any(isna(r["national_value"]) for r in table):
        notes.append(Assessment.NO_NATIONAL.label(lang))
    return notes


def _interval_bars(wh: Warehouse, table: Sequence[dict[str, Any]], lang: str, frame: Frame
                   ) -> Figure:
    data = [r for r in table if not isna(r["value"])]
    indicators = list(dict.fromkeys(r["indicator_id"] for r in data))
    title = label("chart.bars", lang, year=int(table[0]["year"]) if table else 0)
    if not indicators:
        return empty(lang, label("none_found", lang), title, frame)
    provinces = list(dict.fromkeys(r["province_id"] for r in table))
    names = [*(wh.province_name(p, lang) for p in provinces), label("national_target", lang)]
    shapes = {shape_of(r) for r in data}
    legend = shape_names(shapes, lang)
    shown = [r for r in table if r["indicator_id"] in indicators]
    geo = rows_geometry(names, panel_titles(wh, indicators, lang), title, frame, legend,
                        notes=_bar_notes(wh, shown, lang))
    fig = panel_grid(lang, geo)
    book = SourceBook(wh, lang)
    by_key = {(r["province_id"], r["indicator_id"]): r for r in table}
    for k, ind in enumerate(indicators):
        _bars_panel(fig, wh, book, [by_key[(p, ind)] for p in provinces], panel_at(geo, k),
                    geo, lang)
    shape_legend(fig, shapes, lang, 1, 1)
    return finish(fig, title, geo, legend)


def interval_bars(wh: Warehouse, table: Sequence[dict[str, Any]], lang: str, *,
                  width: int | None = None) -> Figure:
    """Each province's target per indicator (one panel per indicator, since units differ) on
    an axis fitted to the values (not bars from zero): a point as a dot, a bound as an open
    triangle (▲ at least, ▼ at most), a range as a band, each labelled as written
    (``≥ 95``, ``4–5``); the national target as a row of its own and a dashed line (on a band
    for a national range); a province without a target named in its row, with why."""
    fig = drawn(lambda frame: _interval_bars(wh, table, lang, frame), width)
    return described(fig, label("chart.bars_about", lang), levels_caption(wh, table, lang),
                     COMPARISON_TABLES)


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


class Ends(NamedTuple):
    """The marks of a line from baseline to target, in pixels: the baseline's dot, the
    invisible marker its label is placed from (as large as the target's, which may sit on it,
    so that the label clears both), the target's marker."""

    start: int
    label: int
    end: int


def _ends(sizes: Sizes) -> Ends:
    return Ends(sizes.marker - 2, sizes.marker + 3, sizes.marker + 2)


def _start(fig: Figure, x: float, i: int, text: str, side: str, colour: str, hover: str,
           panel: Panel, sizes: Sizes) -> None:
    """A line's starting point (a baseline): a small dot, labelled ``text`` on ``side`` from
    an invisible marker as large as the target's, so that the label clears both."""
    ends = _ends(sizes)
    fig.add_scatter(x=[x], y=[i], mode="markers", marker={"size": ends.start, "color": colour},
                    hovertext=[hover], hoverinfo="text", showlegend=False, row=panel.row,
                    col=panel.col)
    fig.add_scatter(x=[x], y=[i], mode="markers+text", text=[text],
                    textposition=f"middle {side}",
                    textfont={"size": sizes.text, "color": "#333"},
                    marker={"size": ends.label, "color": "rgba(0,0,0,0)"}, hoverinfo="skip",
                    showlegend=False, row=panel.row, col=panel.col)


def _ends_sides(start: float, end: float) -> tuple[str, str]:
    """The start's label faces away from the end, the end's away from the start."""
    return ("left", "right") if end >= start else ("right", "left")


def _dumbbell(fig: Figure, wh: Warehouse, row: Mapping[str, Any], target: Mapping[str, Any],
              panel: Panel, i: int, geo: Rows, lang: str) -> list[tuple[float, ...]]:
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
    fig.add_scatter(x=[x0, x1], y=[i, i], mode="lines",
                    line={"color": colour, "width": 2.5 if geo.frame.fixed else 3},
                    hoverinfo="skip", showlegend=False, legendgroup=p, row=panel.row,
                    col=panel.col)
    _start(fig, x0, i, start, side0, colour, tip, panel, geo.sizes)
    end = {**target, "method": Method.STATED.value}
    words = f"{written(end, lang)} ({y1})"
    ends, font = _ends(geo.sizes), geo.sizes.text
    add_value(fig, [i], [end], colour, lang, hover=[tip], name=wh.province_name(p, lang),
              legendgroup=p, showlegend=False, row=panel.row, col=panel.col, size=ends.end,
              texts=[words], textposition=f"middle {side1}", horizontal=True, font=font)
    return [*room({"value": x0}, start, side0, ends.label, font),
            *room(end, words, side1, ends.end, font)]


def _without_baseline(fig: Figure, wh: Warehouse, r: Mapping[str, Any], panel: Panel, i: int,
                      geo: Rows, lang: str) -> list[tuple[float, ...]]:
    """A province with a target but no baseline: its target, and that no pace can be drawn
    (said on the side away from the national line, which it would cross; on two lines when
    the rows have room for two and one would take half the panel)."""
    size, font = geo.sizes.marker, geo.sizes.text
    words = f"{written(r, lang)} · {label('no_baseline_short', lang)}"
    if (geo.pitch >= geo.sizes.row + font * LINE_HEIGHT
            and text_width(words, font) > geo.plot_width / 2):
        words = words.replace(" · ", " ·<br>")
    nat = _national(r)
    side = _side(float(r["value"]), None if nat is None else nat["value"])
    add_value(fig, [i], [r], wh.colour(r["province_id"]), lang,
              hover=[label("no_baseline", lang)], name=wh.province_name(r["province_id"], lang),
              legendgroup=r["province_id"], showlegend=False, row=panel.row, col=panel.col,
              texts=[words], textposition=f"middle {side}", horizontal=True, size=size,
              font=font)
    return room(r, words, side, size, font)


def _national_path(fig: Figure, wh: Warehouse, nat: Mapping[str, Any], ind: str, year: int,
                   panel: Panel, i: int, geo: Rows, lang: str) -> list[tuple[float, ...]]:
    """The national row: from the latest national actual (when there is one) to the national
    target of the year, as the national pace reads it."""
    start = national_pace(wh, ind, year)
    points: list[tuple[float, ...]] = []
    side = "right"
    font = geo.sizes.text
    if start is not None:
        x0, y0 = float(start["national_baseline_value"]), int(start["national_baseline_year"])
        side0, side = _ends_sides(x0, float(nat["value"]))
        text = f"{fmt_number(x0, lang)} ({y0})"
        fig.add_scatter(x=[x0, float(nat["value"])], y=[i, i], mode="lines",
                        line={"color": NATIONAL, "width": 2}, hoverinfo="skip",
                        showlegend=False, row=panel.row, col=panel.col)
        _start(fig, x0, i, text, side0, NATIONAL, str(start["national_source"]), panel,
               geo.sizes)
        points += room({"value": x0}, text, side0, _ends(geo.sizes).label, font)
    national_line(fig, panel.k, nat)
    words = f"{written(nat, lang)} ({year})"
    size = geo.sizes.marker - 1
    add_value(fig, [i], [nat], NATIONAL, lang, hover=[label("national_target", lang)],
              name=label("national_target", lang), legendgroup="national", showlegend=False,
              row=panel.row, col=panel.col, size=size, texts=[words], horizontal=True,
              textposition=f"middle {side}", font=font)
    return points + room(nat, words, side, size, font)


class Lines(NamedTuple):
    """What the panels of lines from baseline to target draw from: the provinces (a row
    each), the comparison rows and the paces by indicator and province, the stated targets,
    the year."""

    provinces: list[str]
    rows: dict[str, dict[str, Mapping[str, Any]]]
    paces: dict[str, dict[str, Mapping[str, Any]]]
    targets: dict[tuple[str, str, int], dict[str, Any]]
    year: int


def _dumbbell_panel(fig: Figure, wh: Warehouse, lines: Lines, ind: str, panel: Panel,
                    geo: Rows, lang: str) -> None:
    """One indicator: a row per province (its way from baseline to target, its target alone,
    or why it has none), then the national row."""
    points: list[tuple[float, ...]] = []
    notes: list[tuple[int, Note | str]] = []
    rows, paces = lines.rows.get(ind, {}), lines.paces.get(ind, {})
    for i, p in enumerate(lines.provinces):
        pace, r = paces.get(p), rows.get(p)
        if pace is not None:
            target = lines.targets.get((p, ind, int(pace["target_year"]))) or {
                "value": float(pace["target_value"]),
                "comparator": pace.get("target_comparator"), "unit": wh.unit_of(ind)}
            points += _dumbbell(fig, wh, pace, target, panel, i, geo, lang)
        elif r is not None and not isna(r["value"]):
            points += _without_baseline(fig, wh, r, panel, i, geo, lang)
        else:
            notes.append((i, _missing_text(wh, p, ind, lines.year, lang)))
    nat = _national(next(iter(rows.values()))) if rows else None
    if nat is not None:
        points += _national_path(fig, wh, nat, ind, lines.year, panel, len(lines.provinces),
                                 geo, lang)
    else:
        notes.append((len(lines.provinces), Assessment.NO_NATIONAL.label(lang)))
    span = fit_span(points, geo.plot_width, min_span=min_span(points))
    row_axes(fig, panel.k, geo, span)
    _notes(fig, panel.k, notes, nat, span, geo)


def _lines(wh: Warehouse, data: Sequence[Mapping[str, Any]],
           comparison: Sequence[Mapping[str, Any]], indicators: Sequence[str]) -> Lines:
    provinces = list(dict.fromkeys([*(r["province_id"] for r in comparison),
                                    *(r["province_id"] for r in data)]))
    year = (int(comparison[0]["year"]) if comparison
            else max(int(r["target_year"]) for r in data))
    rows: dict[str, dict[str, Mapping[str, Any]]] = {}
    paces: dict[str, dict[str, Mapping[str, Any]]] = {}
    for r in comparison:
        rows.setdefault(r["indicator_id"], {})[r["province_id"]] = r
    for r in data:
        paces.setdefault(r["indicator_id"], {})[r["province_id"]] = r
    return Lines(provinces, rows, paces, _stated_targets(wh, data, indicators), year)


def _line_notes(wh: Warehouse, lines: Lines, indicators: Sequence[str], lang: str
                ) -> list[Note | str]:
    """Every note the panels of lines may write in a row (for the rows' height)."""
    notes = [_missing_text(wh, p, ind, lines.year, lang) for ind in indicators
             for p in lines.provinces if p not in lines.paces.get(ind, {})
             and isna((lines.rows.get(ind, {}).get(p) or {"value": None})["value"])]
    return notes + [Assessment.NO_NATIONAL.label(lang)]


def _dumbbells(wh: Warehouse, lines: Lines | None, comparison: Sequence[dict[str, Any]],
               lang: str, frame: Frame) -> Figure:
    title = label("chart.dumbbells", lang)
    if lines is None:
        return empty(lang, label("none_found", lang), title, frame)
    indicators = list(lines.paces)
    shapes = {shape_of(t) for t in lines.targets.values()} | {
        shape_of(r) for r in comparison if not isna(r["value"])}
    legend = shape_names(shapes, lang)
    names = [*(wh.province_name(p, lang) for p in lines.provinces),
             label("national_target", lang)]
    geo = rows_geometry(names, panel_titles(wh, indicators, lang), title, frame, legend,
                        notes=_line_notes(wh, lines, indicators, lang))
    fig = panel_grid(lang, geo)
    for k, ind in enumerate(indicators):
        _dumbbell_panel(fig, wh, lines, ind, panel_at(geo, k), geo, lang)
    shape_legend(fig, shapes, lang, 1, 1)
    return finish(fig, title, geo, legend)


def dumbbells(wh: Warehouse, pace: Sequence[dict[str, Any]],
              comparison: Sequence[dict[str, Any]] | None, lang: str, *,
              width: int | None = None) -> Figure:
    """From each province's baseline to its target (each end labelled with its year), one
    panel per indicator (units differ); a province with a target but no baseline named in its
    row with its target, one without a target with why; the national row from the latest
    national actual to the national target for the report year, its target a dashed line."""
    rows = list(comparison or ())
    data = [r for r in pace if not isna(r["baseline_value"]) and not isna(r["target_value"])]
    indicators = list(dict.fromkeys(r["indicator_id"] for r in data))
    lines = _lines(wh, data, rows, indicators) if indicators else None
    fig = drawn(lambda frame: _dumbbells(wh, lines, rows, lang, frame), width)
    return described(fig, label("chart.dumbbells_about", lang),
                     lines_caption(wh, data, rows, lines.targets if lines else {}, lang),
                     COMPARISON_TABLES)


# ---------------------------------------------------------------------------------------------
# the required pace against the national pace
# ---------------------------------------------------------------------------------------------
def _pace_hover(wh: Warehouse, r: Mapping[str, Any], lang: str) -> str:
    u = wh.unit_of(r["indicator_id"])
    return (f"{wh.province_name(r['province_id'], lang)}<br>"
            f"{wh.indicator_name(r['indicator_id'], lang)}<br>{label('pace', lang)}: "
            f"{fmt_change(r['pace_per_year'], u, lang)}<br>{label('national_pace', lang)}: "
            f"{fmt_change(r['national_pace'], u, lang)}")


def _pace_dot(fig: Figure, wh: Warehouse, r: Mapping[str, Any], i: int, geo: Rows, lang: str
              ) -> list[tuple[float, ...]]:
    """One plan's pace as a multiple of the national pace, labelled (``Lai Châu ×2,1``) on the
    side away from 1; what it needs on the axis."""
    ratio = float(r["pace_ratio"])
    side = "right" if ratio >= 1 else "left"
    text = f"{wh.province_name(r['province_id'], lang)} ×{fmt_number(ratio, lang, 1)}"
    size = geo.sizes.marker + 2
    fig.add_scatter(x=[ratio], y=[i], mode="markers+text", text=[text],
                    textposition=f"middle {side}",
                    textfont={"size": geo.sizes.text, "color": "#333"},
                    marker={"size": size, "color": wh.colour(r["province_id"]),
                            "line": {"color": "#fff", "width": 1}},
                    hovertext=[_pace_hover(wh, r, lang)], hoverinfo="text",
                    name=wh.province_name(r["province_id"], lang), showlegend=False)
    return room({"value": ratio}, text, side, size, geo.sizes.text)


def _pace_chart(wh: Warehouse, pace: Sequence[dict[str, Any]], lang: str, frame: Frame
                ) -> Figure:
    if not any(not isna(r["pace_ratio"]) for r in pace):
        return empty(lang, label("no_national_pace", lang), label("chart.pace", lang), frame)
    order = list(dict.fromkeys(r["indicator_id"] for r in pace))
    rows = sorted((r for r in pace if not isna(r["pace_per_year"])),
                  key=lambda r: order.index(r["indicator_id"]))
    names = [wh.indicator_name(r["indicator_id"], lang) for r in rows]
    names.append(label("national_pace", lang))
    title = label("chart.pace", lang)
    notes = [(i, f"{wh.province_name(r['province_id'], lang)}: "
                 f"{label('no_national_pace', lang)}")
             for i, r in enumerate(rows) if isna(r["pace_ratio"])]
    geo = rows_geometry(names, [""], title, frame, [], notes=[t for _i, t in notes],
                        name_chars=(72 if frame.fixed else 30, 16), axis_title=True)
    fig = subplots(lang, 1, 1, [], frame.sizes)
    points: list[tuple[float, ...]] = [(0.0, 4, 4)]
    for i, r in enumerate(rows):
        if not isna(r["pace_ratio"]):
            points += _pace_dot(fig, wh, r, i, geo, lang)
    national = {"value": 1.0, "method": Method.STATED.value}
    points += _national_row(fig, national, Panel(1, 1, 0), len(rows),
                            label("national_pace", lang), geo, lang, "×1")
    fig.add_vline(x=0, line={"color": "#bbb", "width": 1}, layer="below")
    span = fit_span(points, geo.plot_width, min_span=1.0)
    row_axes(fig, 0, geo, span)
    _notes(fig, 0, notes, national, span, geo)
    fig.update_xaxes(title={"text": label("pace_ratio", lang),
                            "font": {"size": frame.sizes.panel}})
    return finish(fig, title, geo, [])


def pace_chart(wh: Warehouse, pace: Sequence[dict[str, Any]], lang: str, *,
               width: int | None = None) -> Figure:
    """Each plan's required yearly pace as a multiple of the national pace (1 = national), a
    row per province × indicator, each dot labelled (``×2,1``); a plan whose indicator has no
    national pace named in its row; the national pace a row and a dashed line at 1."""
    fig = drawn(lambda frame: _pace_chart(wh, pace, lang, frame), width)
    return described(fig, label("chart.pace_about", lang), paces_caption(wh, pace, lang),
                     PACE_TABLES)
