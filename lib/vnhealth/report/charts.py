"""The reports' charts, built as plotly specs (:class:`~vnhealth.report.figures.Figure`) and
coloured by direction: blue where a province is ahead of the national target, orange where it
is behind. ``fig.to_plotly()`` gives a plotly figure to restyle.

:func:`interval_bars` (targets by province), :func:`dumbbells` (baseline to target),
:func:`heatmap` (gaps to the national target), :func:`pace_chart` (required pace against the
national pace), :func:`coverage_chart` (which national indicators have a provincial target)
and :func:`trajectories` (one province's path).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from vnhealth.report.citations import SourceBook
from vnhealth.report.data import Warehouse
from vnhealth.report.figures import Figure
from vnhealth.report.formatting import fmt_change, fmt_number, fmt_value, isna, unit_label
from vnhealth.report.labels import label
from vnhealth.report.marks import (
    HeatCell,
    Panel,
    add_value,
    domain_axis,
    empty,
    layout,
    national_legend,
    shape_legend,
    shape_of,
    subplots,
    wrap,
    written,
)
from vnhealth.report.queries import (
    METHOD_ORDER,
    TARGET_KINDS,
    first_by_key,
    national_disagreement,
    reform_text,
)
from vnhealth.report.style import BETTER, DIVERGING, OTHER_YEAR, RELATIVE_ONLY, WORSE

_PATH_KIND_ORDER = {"target": 0, "trajectory": 1, "actual": 2, "baseline": 3}


def _panel_titles(wh: Warehouse, indicators: Sequence[str], lang: str, width: int
                  ) -> list[str]:
    return [wrap(f"{wh.indicator_name(i, lang)} ({unit_label(wh.unit_of(i), lang)})", width)
            for i in indicators]


# ---------------------------------------------------------------------------------------------
# interval bars
# ---------------------------------------------------------------------------------------------
def _bars_national(fig: Figure, nat: Mapping[str, Any], panel: Panel, lang: str,
                   shown: set[str]) -> None:
    """The national target across a panel: a dashed line (on a band for a national range),
    labelled."""
    axis = domain_axis(panel.k)
    if nat["national_comparator"] == "range" and not isna(nat["national_value_high"]):
        fig.add_shape(type="rect", xref=f"x{axis} domain", yref=f"y{axis}", x0=0, x1=1,
                      y0=float(nat["national_value_low"]), y1=float(nat["national_value_high"]),
                      fillcolor="#999", opacity=0.2, line={"width": 0})
    fig.add_shape(type="line", xref=f"x{axis} domain", yref=f"y{axis}", x0=0, x1=1,
                  y0=float(nat["national_value"]), y1=float(nat["national_value"]),
                  line={"color": "#444", "dash": "dash", "width": 1.5})
    text = fmt_value(nat["national_value"], nat["national_comparator"],
                     nat["national_value_high"], None, lang,
                     value_low=nat["national_value_low"])
    fig.add_annotation(text=f"{label('national', lang)} {text}", showarrow=False,
                       xref=f"x{axis} domain", yref=f"y{axis}", x=0, xanchor="left",
                       y=float(nat["national_value"]), yanchor="bottom",
                       font={"size": 9, "color": "#444"})
    national_legend(fig, shown, lang, panel.row, panel.col)


def _bars_ranges(fig: Figure, data: Sequence[Mapping[str, Any]], indicators: Sequence[str]
                 ) -> None:
    """Axes fitted to each panel's values, with a little room above and below the marks for
    their labels."""
    for k, ind in enumerate(indicators):
        vals = [float(v) for row in data if row["indicator_id"] == ind
                for v in (row["value"], row.get("value_low"), row.get("value_high"),
                          row["national_value"]) if not isna(v)]
        lo, hi = min(vals), max(vals)
        pad = (hi - lo) * 0.25 or max(abs(hi) * 0.05, 0.5)
        fig.layout.setdefault(f"yaxis{domain_axis(k)}", {})["range"] = [lo - pad, hi + pad]
        fig.layout.setdefault(f"xaxis{domain_axis(k)}", {})["range"] = [-0.6, len(
            {row["province_id"] for row in data if row["indicator_id"] == ind}) - 0.1]


def interval_bars(wh: Warehouse, table: Sequence[dict[str, Any]], lang: str, *,
                  width: int | None = None) -> Figure:
    """Each province's target per indicator (one panel per indicator, since units differ) on
    an axis fitted to the values (not bars from zero): a point as a dot, a bound as an open
    triangle (▲ at least, ▼ at most), a range as a band, each labelled as written
    (``≥ 95``, ``4–5``); the national target as a dashed line (a band for a national range)."""
    data = [r for r in table if not isna(r["value"])]
    indicators = list(dict.fromkeys(r["indicator_id"] for r in data))
    title = label("chart.bars", lang, year=int(table[0]["year"]) if table else 0)
    if not indicators:
        return empty(lang, label("none_found", lang), title, width)
    cols = min(3, len(indicators))
    nrows = math.ceil(len(indicators) / cols)
    fig = subplots(lang, nrows, cols, _panel_titles(wh, indicators, lang, 34),
                   vertical_spacing=0.22 / max(nrows, 1) + 0.08, horizontal_spacing=0.08)
    shown: set[str] = set()
    shapes: set[str] = set()
    book = SourceBook(wh, lang)
    for k, ind in enumerate(indicators):
        panel = Panel(k // cols + 1, k % cols + 1, k)
        sub = [row for row in data if row["indicator_id"] == ind]
        for row in sub:
            p = row["province_id"]
            name = wh.province_name(p, lang)
            numbers = book.observations(row["obs_ids"])
            hover = (f"{name}<br>{written(row, lang, unit=True)}<br>"
                     f"{label(row['method'], lang)}"
                     f"<br>{label('hover.source', lang)}: {book.short(numbers)}")
            add_value(fig, [name], [row], wh.colour(p), lang, hover=[hover], name=name,
                      legendgroup=p, showlegend=p not in shown, row=panel.row, col=panel.col)
            shown.add(p)
            shapes.add(shape_of(row))
        if not isna(sub[0]["national_value"]):
            _bars_national(fig, sub[0], panel, lang, shown)
    shape_legend(fig, shapes, lang, 1, 1)
    fig.update_xaxes(tickfont={"size": 10})
    _bars_ranges(fig, data, indicators)
    # Print (fixed width) gets shorter panels so that a brief stays a few pages.
    return layout(fig, title, width=width, height=150 + (170 if width else 260) * nrows,
                  top=105)


# ---------------------------------------------------------------------------------------------
# dumbbells
# ---------------------------------------------------------------------------------------------
def _stated_targets(wh: Warehouse, data: Sequence[Mapping[str, Any]],
                    indicators: Sequence[str]) -> dict[tuple[str, str, int], dict[str, Any]]:
    """The targets as stated (comparator, range ends), so that bounds and ranges are drawn
    so; by province, indicator and year."""
    return {(t["province_id"], t["indicator_id"], int(t["year"])): t for t in wh.query(
        "SELECT province_id, indicator_id, year, value, value_low, value_high, comparator, "
        "bound_kind, unit FROM harmonized WHERE method = 'stated' AND kind = 'target' "
        "AND list_contains($p, province_id) AND list_contains($i, indicator_id) "
        "ORDER BY rowid", {"p": sorted({r["province_id"] for r in data}), "i": indicators})}


def _dumbbell(fig: Figure, wh: Warehouse, row: Mapping[str, Any], target: Mapping[str, Any],
              panel: Panel, lang: str, shown: set[str]) -> str:
    """One province's line from baseline to target, the target drawn as stated; returns the
    target's shape."""
    p = row["province_id"]
    unit = wh.unit_of(row["indicator_id"])
    name = wh.province_name(p, lang)
    x0, x1 = float(row["baseline_value"]), float(row["target_value"])
    y0, y1 = int(row["baseline_year"]), int(row["target_year"])
    tip = label("from_to", lang, start=fmt_value(x0, None, None, unit, lang), y0=y0,
                end=fmt_value(x1, None, None, unit, lang), y1=y1)
    if not isna(row.get("reform_note")):
        tip += "<br>" + str(reform_text(wh, p, y0, y1, lang))
    fig.add_scatter(x=[x0, x1], y=[name, name], mode="lines+markers+text",
                    line={"color": wh.colour(p), "width": 3},
                    marker={"size": [9, 0], "color": [wh.colour(p), "#fff"],
                            "line": {"color": wh.colour(p), "width": 2}},
                    text=[f"{fmt_number(x0, lang)} ({y0})", str(y1)],
                    textposition=["top center", "bottom center"],
                    textfont={"size": 10}, hovertext=[tip, tip], hoverinfo="text",
                    name=name, legendgroup=p, showlegend=p not in shown,
                    row=panel.row, col=panel.col)
    add_value(fig, [name], [{**target, "method": "stated"}], wh.colour(p), lang, hover=[tip],
              name=name, legendgroup=p, showlegend=False, row=panel.row, col=panel.col,
              size=13, textposition="top center", horizontal=True)
    shown.add(p)
    return shape_of(target)


def _without_baseline(fig: Figure, wh: Warehouse, comparison: Sequence[Mapping[str, Any]],
                      ind: str, drawn: set[str], panel: Panel, lang: str) -> None:
    """Provinces with a target but no baseline, named in the panel rather than left out."""
    for r in comparison:
        if (r["indicator_id"] != ind or r["province_id"] in drawn or isna(r["value"])
                or r["method"] != "stated"):
            continue
        name = wh.province_name(r["province_id"], lang)
        fig.add_scatter(x=[float(r["value"])], y=[name], mode="markers+text",
                        marker={"size": 9, "color": "#fff", "symbol": "circle-open",
                                "line": {"color": wh.colour(r["province_id"]), "width": 2}},
                        text=[f"{written(r, lang)} · {label('no_baseline', lang)}"],
                        textposition="middle left", textfont={"size": 10},
                        hoverinfo="text", hovertext=[label("no_baseline", lang)],
                        name=name, legendgroup=r["province_id"], showlegend=False,
                        row=panel.row, col=panel.col)


def _dumbbell_national(fig: Figure, comparison: Sequence[Mapping[str, Any]], ind: str,
                       panel: Panel, lang: str, shown: set[str]) -> None:
    """The national target for the report year, when there is one, as a dashed line."""
    national = [r["national_value"] for r in comparison
                if r["indicator_id"] == ind and not isna(r["national_value"])]
    if not national:
        return
    axis = domain_axis(panel.k)
    fig.add_shape(type="line", xref=f"x{axis}", yref=f"y{axis} domain",
                  x0=float(national[0]), x1=float(national[0]), y0=0, y1=1,
                  line={"color": "#444", "dash": "dash", "width": 1.5})
    national_legend(fig, shown, lang, panel.row, panel.col)


def dumbbells(wh: Warehouse, pace: Sequence[dict[str, Any]],
              comparison: Sequence[dict[str, Any]] | None, lang: str, *,
              width: int | None = None) -> Figure:
    """From each province's baseline to its target, one panel per indicator (units differ);
    the national target for the report year, when there is one, as a dashed line."""
    data = [r for r in pace if not isna(r["baseline_value"]) and not isna(r["target_value"])]
    indicators = list(dict.fromkeys(r["indicator_id"] for r in data))
    if not indicators:
        return empty(lang, label("none_found", lang), label("chart.dumbbells", lang), width)
    fig = subplots(lang, len(indicators), 1, _panel_titles(wh, indicators, lang, 60),
                   vertical_spacing=0.5 / len(indicators) if len(indicators) > 1 else 0.1)
    shown: set[str] = set()
    shapes: set[str] = set()
    targets = _stated_targets(wh, data, indicators)
    for k, ind in enumerate(indicators):
        panel = Panel(k + 1, 1, k)
        for row in (r for r in data if r["indicator_id"] == ind):
            target = targets.get((row["province_id"], ind, int(row["target_year"]))) or {
                "value": float(row["target_value"]),
                "comparator": row.get("target_comparator"), "unit": wh.unit_of(ind)}
            shapes.add(_dumbbell(fig, wh, row, target, panel, lang, shown))
        drawn = {r["province_id"] for r in data if r["indicator_id"] == ind}
        _without_baseline(fig, wh, comparison or (), ind, drawn, panel, lang)
        _dumbbell_national(fig, comparison or (), ind, panel, lang, shown)
    shape_legend(fig, shapes, lang, 1, 1)
    fig.update_yaxes(automargin=True)
    return layout(fig, label("chart.dumbbells", lang), width=width,
                  height=150 + (85 if width else 150) * len(indicators), top=90)


# ---------------------------------------------------------------------------------------------
# heatmap
# ---------------------------------------------------------------------------------------------
def _heat_cell(wh: Warehouse, p: str, ind: str, r: Mapping[str, Any] | None, scale: float,
               lang: str) -> HeatCell:
    """The cell of province ``p`` × indicator ``ind``: its target and gap in the indicator's
    unit, coloured by the gap as a share of the indicator's largest (``scale``)."""
    where = f"{wh.province_name(p, lang)}<br>{wh.indicator_name(ind, lang)}<br>"
    if r is None or isna(r["value"]):
        return HeatCell(None, "—", f"{where}{label('no provincial value', lang)}")
    better = r["better_by"]
    z = None if isna(better) else 0.0 if scale == 0 else round(float(better) / scale, 6)
    value = fmt_value(r["value"], r["comparator"], r["value_high"], r["unit"], lang,
                      value_low=r["value_low"])
    if r["method"] == "interpolated":
        value = "≈ " + value
    nat = fmt_value(r["national_value"], r["national_comparator"], r["national_value_high"],
                    r["unit"], lang, value_low=r["national_value_low"])
    gap = fmt_change(better, r["unit"], lang)
    return HeatCell(z, f"{value}<br><b>{gap}</b>",
                    f"{where}{value} ({label(r['method'], lang)})<br>"
                    f"{label('national_target', lang)}: {nat}<br>"
                    f"{label('gap', lang)}: {gap} · {label(str(r['assessment']), lang)}")


def _heat_colourbar(lang: str) -> dict[str, Any]:
    """The colour legend, flat under the chart (its own title above it), clear of the chart's
    title and of the column labels; vertical, its title ran into the tick texts."""
    return {"title": {"text": label("heatmap.scale", lang), "side": "top",
                      "font": {"size": 10}},
            "orientation": "h", "x": 0, "xanchor": "left", "y": -0.06,
            "yanchor": "top", "len": 0.6, "thickness": 10,
            "tickvals": [-1, 0, 1],
            "ticktext": [label(f"heatmap.{k}", lang) for k in ("worse", "level", "better")],
            "tickfont": {"size": 10}}


def heatmap(wh: Warehouse, table: Sequence[dict[str, Any]], lang: str, *,
            width: int | None = None) -> Figure:
    """Provinces × indicators: each target and its gap to the national target in the
    indicator's own unit (``−5,5 năm``, ``+4 điểm %``), direction-aware (+ better).

    Units differ between columns, so the colour is standardised, and says so: each gap as a
    share of the largest gap of the same indicator (−1 … +1), on a scale diverging around zero
    (white: level), blue better, orange worse."""
    data = [r for r in table if not isna(r["national_value"])]
    # Columns where no province sets a target would be all dashes: the table lists them.
    indicators = list(dict.fromkeys(r["indicator_id"] for r in data if not isna(r["value"])))
    provinces = list(dict.fromkeys(r["province_id"] for r in table))
    title = label("chart.heatmap", lang, year=int(table[0]["year"]) if table else 0)
    if not indicators:
        return empty(lang, label("no national value" if not data else "none_found", lang),
                     title, width)
    by_key = {(r["province_id"], r["indicator_id"]): r for r in data}
    largest = {ind: max((abs(float(r["better_by"])) for r in data
                         if r["indicator_id"] == ind and not isna(r["better_by"])), default=0.0)
               for ind in indicators}
    cells = [[_heat_cell(wh, p, ind, by_key.get((p, ind)), largest[ind], lang)
              for ind in indicators] for p in provinces]
    fig = Figure(lang)
    fig.add_heatmap(
        z=[[c.z for c in row] for row in cells],
        x=[wrap(wh.indicator_name(i, lang), 14 if len(indicators) > 6 else 20)
           for i in indicators],
        y=[wh.province_name(p, lang) for p in provinces],
        text=[[c.text for c in row] for row in cells], texttemplate="%{text}",
        hovertext=[[c.hover for c in row] for row in cells], hoverinfo="text", zmin=-1, zmax=1,
        zmid=0, colorscale=DIVERGING, xgap=2, ygap=2, colorbar=_heat_colourbar(lang))
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(tickangle=0, tickfont={"size": 10}, side="top")
    fig = layout(fig, title, width=width, height=260 + 60 * len(provinces), top=120)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 120, "b": 70})
    return fig


# ---------------------------------------------------------------------------------------------
# pace and coverage
# ---------------------------------------------------------------------------------------------
def pace_chart(wh: Warehouse, pace: Sequence[dict[str, Any]], lang: str, *,
               width: int | None = None) -> Figure:
    """Each plan's required yearly pace as a multiple of the national pace (1 = national),
    one dot per province × indicator; blue where faster, orange where slower or opposite."""
    data = [r for r in pace if not isna(r["pace_ratio"])]
    if not data:
        return empty(lang, label("no_national_pace", lang), label("chart.pace", lang), width)
    fig = Figure(lang)
    for p in dict.fromkeys(r["province_id"] for r in data):
        sub = [r for r in data if r["province_id"] == p]
        hover = []
        for r in sub:
            u = wh.unit_of(r["indicator_id"])
            hover.append(
                f"{wh.province_name(p, lang)}<br>{wh.indicator_name(r['indicator_id'], lang)}"
                f"<br>{label('pace', lang)}: {fmt_change(r['pace_per_year'], u, lang)}<br>"
                f"{label('national_pace', lang)}: {fmt_change(r['national_pace'], u, lang)}")
        fig.add_scatter(
            x=[r["pace_ratio"] for r in sub],
            y=[wrap(wh.indicator_name(r["indicator_id"], lang), 28) for r in sub],
            mode="markers", name=wh.province_name(p, lang),
            marker={"size": 13, "color": wh.colour(p), "line": {"color": "#fff", "width": 1}},
            hovertext=hover, hoverinfo="text")
    fig.add_vline(x=1, line={"color": "#444", "dash": "dash"})
    fig.add_vline(x=0, line={"color": "#bbb", "width": 1})
    fig.update_xaxes(title={"text": label("pace_ratio", lang)}, zeroline=False)
    fig.update_yaxes(automargin=True)
    fig.update_layout(margin={"l": 190})
    n = len({r["indicator_id"] for r in data})
    return layout(fig, label("chart.pace", lang), width=width, height=160 + 40 * n)


_COVERAGE_CODES = {"covered": 3, "relative": 2, "qualitative": 2, "other_year": 1, "none": 0}


def coverage_chart(wh: Warehouse, coverage: Sequence[dict[str, Any]], year: int, lang: str, *,
                   width: int | None = None) -> Figure:
    """National indicators × provinces: target for the year / other years only / none."""
    if not coverage:
        return empty(lang, label("none_found", lang), label("chart.coverage", lang), width)
    provinces = list(dict.fromkeys(r["province_id"] for r in coverage))
    indicators = list(dict.fromkeys(r["indicator_id"] for r in coverage))
    by_key = {(r["province_id"], r["indicator_id"]): r for r in coverage}
    z, text = [], []
    for ind in indicators:
        cells = [by_key[(p, ind)] for p in provinces]
        z.append([_COVERAGE_CODES[r["status"]] for r in cells])
        text.append([label(f"coverage.{r['status']}", lang, year=year,
                           years=", ".join(str(y) for y in r["years"])) for r in cells])
    fig = Figure(lang)
    fig.add_heatmap(
        z=z, x=[wh.province_name(p, lang) for p in provinces],
        y=[wrap(wh.indicator_name(i, lang), 40) for i in indicators], text=text,
        hoverinfo="text", zmin=0, zmax=3, showscale=False, xgap=2, ygap=2,
        colorscale=[[0, WORSE], [0.24, WORSE], [0.25, OTHER_YEAR], [0.49, OTHER_YEAR],
                    [0.5, RELATIVE_ONLY], [0.74, RELATIVE_ONLY], [0.75, BETTER], [1, BETTER]])
    for status, colour in (("covered", BETTER), ("relative", RELATIVE_ONLY),
                           ("other_year", OTHER_YEAR), ("none", WORSE)):
        fig.add_scatter(x=[None], y=[None], mode="markers",
                        marker={"symbol": "square", "size": 12, "color": colour},
                        name=label(f"coverage.{status}", lang, year=year, years="…"))
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(side="top")
    return layout(fig, label("chart.coverage", lang), width=width,
                  height=170 + 34 * len(indicators))


# ---------------------------------------------------------------------------------------------
# trajectories
# ---------------------------------------------------------------------------------------------
def _own_path(fig: Figure, wh: Warehouse, points: Sequence[Mapping[str, Any]], province_id: str,
              panel: Panel, lang: str, shown: set[str]) -> set[str]:
    """The province's path on one indicator, one point a year (stated before interpolated, a
    target before a milestone): a line, stated points labelled as written, interpolated ones
    small and hollow. Returns the shapes drawn."""
    colour = wh.colour(province_id)
    path = sorted(first_by_key(
        points, lambda x: int(x["year"]),
        lambda x: (METHOD_ORDER.get(x["method"], 4), _PATH_KIND_ORDER.get(x["kind"], 4))
    ).values(), key=lambda x: x["year"])
    fig.add_scatter(x=[x["year"] for x in path], y=[x["value"] for x in path],
                    mode="lines", line={"color": colour, "width": 2}, hoverinfo="skip",
                    showlegend=False, legendgroup="me", row=panel.row, col=panel.col)
    stated = [x for x in path if x["method"] == "stated"]
    interp = [x for x in path if x["method"] != "stated"]
    hover = [f"{x['year']}: {written(x, lang, unit=True)} ({label(x['method'], lang)})"
             for x in stated]
    add_value(fig, [x["year"] for x in stated], stated, colour, lang, hover=hover,
              name=wh.province_name(province_id, lang), legendgroup="me",
              showlegend="me" not in shown, row=panel.row, col=panel.col, size=10,
              textposition="top center")
    shown.add("me")
    if interp:
        add_value(fig, [x["year"] for x in interp], interp, colour, lang, text=False,
                  hover=[f"{x['year']}: {written(x, lang, unit=True)} "
                         f"({label(x['method'], lang)})" for x in interp],
                  name=label("legend.interpolated", lang), legendgroup="me",
                  showlegend=False, row=panel.row, col=panel.col, size=7)
    return {shape_of(x) for x in path}


def _peer_targets(fig: Figure, wh: Warehouse, rows: Sequence[Mapping[str, Any]],
                  peers: Sequence[str], ind: str, panel: Panel, lang: str, shown: set[str]
                  ) -> set[str]:
    """Peers' stated targets on one indicator, smaller and faded. Returns the shapes drawn."""
    shapes: set[str] = set()
    for peer in peers:
        ph = [x for x in rows if x["province_id"] == peer and x["indicator_id"] == ind
              and x["method"] == "stated" and x["kind"] in TARGET_KINDS]
        if not ph:
            continue
        add_value(fig, [x["year"] for x in ph], ph, wh.colour(peer), lang, text=False,
                  hover=[f"{wh.province_name(peer, lang)} {x['year']}: "
                         f"{written(x, lang, unit=True)}" for x in ph],
                  name=wh.province_name(peer, lang), legendgroup=peer,
                  showlegend=peer not in shown, row=panel.row, col=panel.col, size=8,
                  opacity=0.6)
        shown.add(peer)
        shapes |= {shape_of(x) for x in ph}
    return shapes


def _benchmarks(fig: Figure, wh: Warehouse, ind: str, panel: Panel, lang: str,
                shown: set[str]) -> None:
    """The national benchmark on one indicator (✕, one value a year)."""
    bench = sorted((b for (i, _y), b in wh.benchmarks.items() if i == ind),
                   key=lambda b: int(b["year"]))
    if not bench:
        return
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
        name=label("national_target", lang), legendgroup="national",
        showlegend="national" not in shown, row=panel.row, col=panel.col, hovertext=hover,
        hoverinfo="text")
    shown.add("national")


def trajectories(wh: Warehouse, province_id: str, lang: str, *, peers: Sequence[str] = (),
                 width: int | None = None) -> Figure:
    """One panel per indicator with at least two years: the province's path (highlighted;
    stated points labelled as written, bounds as open triangles, ranges as bands,
    interpolated points hollow), peers' stated targets (smaller, faded) and the national
    benchmark (✕, one value a year: :attr:`Warehouse.benchmarks`)."""
    rows = wh.query("SELECT province_id, indicator_id, year, kind, value, value_low, "
                    "value_high, comparator, bound_kind, unit, method FROM harmonized "
                    "WHERE list_contains($provinces, province_id) "
                    "AND method IN ('stated', 'interpolated') ORDER BY rowid",
                    {"provinces": [province_id, *peers]})
    mine = [r for r in rows if r["province_id"] == province_id]
    years_of: dict[str, set[int]] = {}
    for r in mine:
        years_of.setdefault(r["indicator_id"], set()).add(int(r["year"]))
    indicators = sorted(i for i, ys in years_of.items() if len(ys) >= 2)
    title = label("chart.trajectories", lang, province=wh.province_name(province_id, lang))
    if not indicators:
        return empty(lang, label("none_found", lang), title, width)
    cols = min(2, len(indicators))
    nrows = math.ceil(len(indicators) / cols)
    fig = subplots(lang, nrows, cols, _panel_titles(wh, indicators, lang, 44),
                   vertical_spacing=0.25 / nrows + 0.05)
    shown: set[str] = set()
    shapes: set[str] = set()
    for k, ind in enumerate(indicators):
        panel = Panel(k // cols + 1, k % cols + 1, k)
        points = [x for x in mine if x["indicator_id"] == ind]
        shapes |= _own_path(fig, wh, points, province_id, panel, lang, shown)
        shapes |= _peer_targets(fig, wh, rows, peers, ind, panel, lang, shown)
        _benchmarks(fig, wh, ind, panel, lang, shown)
    shape_legend(fig, shapes, lang, 1, 1)
    span = max(int(x["year"]) for x in mine) - min(int(x["year"]) for x in mine)
    fig.update_xaxes(dtick=1 if span <= 8 else 5, tickformat="d")
    return layout(fig, title, width=width, height=150 + 250 * nrows, top=105)
