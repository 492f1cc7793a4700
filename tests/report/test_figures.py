"""Chart specs: every report chart is a figure plotly accepts, and vnhealth.report.figures lays
out subplots and places traces as plotly does.

The charts are built as plain dicts (no plotly in report kernels), so nothing checks their
properties while they are built; these tests hand each spec to ``plotly.graph_objects.Figure``,
which validates every property and raises on a misspelt or misplaced one. The warehouse is the
session build of tests/conftest.py (the repository's real documents).
"""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest
from plotly.subplots import make_subplots as plotly_subplots

from vnhealth import report
from vnhealth.report.figures import Figure, make_subplots

PLANS = ["lai_chau", "lao_cai", "son_la", "thua_thien_hue"]

# (provinces, domains whose indicators are compared, year)
CASES: dict[str, tuple[list[str], tuple[str, ...], int]] = {
    "longevity-2030": (["lai_chau", "son_la"], ("longevity",), 2030),
    "workforce-2025": (PLANS, ("health_workforce",), 2025),
    "longevity+workforce-2030": (PLANS, ("longevity", "health_workforce"), 2030),
}
CHARTS = ("interval_bars", "dumbbells", "heatmap", "pace_chart", "coverage_chart",
          "trajectories")
WIDTHS = (None, report.BRIEF_WIDTH)


@pytest.fixture(scope="module")
def wh(warehouse_path: Path) -> report.Warehouse:
    return report.load(warehouse_path)


def domain_indicators(wh: report.Warehouse, domains: tuple[str, ...]) -> list[str]:
    return [r["indicator_id"] for r in wh.indicators if r["domain"] in domains]


def charts(wh: report.Warehouse, case: str, lang: str, width: int | None
           ) -> dict[str, list[Figure]]:
    """Every chart function on one case, as a report would call it."""
    provinces, domains, year = CASES[case]
    indicators = domain_indicators(wh, domains)
    comparison = report.comparison_table(wh, provinces, indicators, year)
    pace = report.pace_table(wh, provinces, indicators, year)
    coverage = report.coverage_table(wh, provinces, indicators, year)
    return {
        "interval_bars": [report.interval_bars(wh, comparison, lang, width=width)],
        "dumbbells": [report.dumbbells(wh, pace, comparison, lang, width=width)],
        "heatmap": [report.heatmap(wh, comparison, lang, width=width)],
        "pace_chart": [report.pace_chart(wh, pace, lang, width=width)],
        "coverage_chart": [report.coverage_chart(wh, coverage, year, lang, width=width)],
        "trajectories": [report.trajectories(wh, p, lang, width=width,
                                             peers=[q for q in provinces if q != p])
                         for p in provinces],
    }


def validated(fig: Figure) -> go.Figure:
    """The spec through plotly's validation (raises ValueError on any invalid property)."""
    return go.Figure(fig.to_dict())


# --------------------------------------------------------------------------------------------
# every chart is a valid plotly figure
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("width", WIDTHS, ids=["auto", "brief"])
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", list(CASES))
def test_charts_are_valid_plotly_figures(wh: report.Warehouse, case: str, lang: str,
                                         width: int | None) -> None:
    """plotly accepts each chart's spec as is, and keeps its traces, size and language."""
    for name, figs in charts(wh, case, lang, width).items():
        for fig in figs:
            spec = fig.to_dict()
            plotly_fig = validated(fig)
            assert len(plotly_fig.data) == len(spec["data"]), name
            assert [t.type for t in plotly_fig.data] == [t["type"] for t in spec["data"]], name
            assert plotly_fig.layout.width == width, name
            assert plotly_fig.layout.height == spec["layout"]["height"], name
            # Axis numbers follow the report language: decimal comma in Vietnamese.
            assert plotly_fig.layout.separators == (",." if lang == "vi" else ".,"), name
            assert plotly_fig.layout.title.text, name


def test_cases_draw_every_chart(wh: report.Warehouse) -> None:
    """The cases above draw data in every chart kind (so the validation is not of empty
    placeholders only), and in every province's trajectory when a plan has two years."""
    drawn = {name: False for name in CHARTS}
    for case in CASES:
        for name, figs in charts(wh, case, "vi", None).items():
            drawn[name] |= any(fig.data for fig in figs)
    assert drawn == dict.fromkeys(CHARTS, True)


def test_to_plotly_gives_the_same_figure(wh: report.Warehouse) -> None:
    """Figure.to_plotly() is the validated plotly figure of the spec."""
    fig = charts(wh, "longevity-2030", "en", None)["interval_bars"][0]
    plotly_fig = fig.to_plotly()
    assert isinstance(plotly_fig, go.Figure)
    assert plotly_fig.to_dict() == go.Figure(fig.to_dict()).to_dict()


def empty_chart(wh: report.Warehouse, name: str, lang: str, width: int | None) -> Figure:
    """A chart of ``name`` on inputs with nothing to draw, found in the warehouse."""
    years = [int(o["year"]) for o in wh.observations] + [int(r["year"]) for r in wh.national]
    year = min(years) - 1  # before any statement, provincial or national
    indicators = domain_indicators(wh, ("longevity",))
    comparison = report.comparison_table(wh, PLANS, indicators, year)
    pace = report.pace_table(wh, PLANS, None, year)
    assert all(r["value"] is None and r["national_value"] is None for r in comparison)
    assert len(pace) == 0
    if name == "interval_bars":
        return report.interval_bars(wh, comparison, lang, width=width)
    if name == "dumbbells":
        return report.dumbbells(wh, pace, comparison, lang, width=width)
    if name == "heatmap":
        return report.heatmap(wh, comparison, lang, width=width)
    if name == "pace_chart":
        return report.pace_chart(wh, pace, lang, width=width)
    if name == "coverage_chart":
        # indicators without any national target: no coverage to show
        national = {r["indicator_id"] for r in wh.national}
        without = [r["indicator_id"] for r in wh.indicators if r["indicator_id"] not in national]
        coverage = report.coverage_table(wh, PLANS, without[:3], 2030)
        assert len(coverage) == 0
        return report.coverage_chart(wh, coverage, 2030, lang, width=width)
    # a province without any document has no trajectory
    no_plan = sorted({r["province_id"] for r in wh.provinces} - set(wh.provinces_with_plans()))
    return report.trajectories(wh, no_plan[0], lang, width=width)


@pytest.mark.parametrize("width", WIDTHS, ids=["auto", "brief"])
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", CHARTS)
def test_empty_charts_are_valid_with_a_note(wh: report.Warehouse, name: str, lang: str,
                                            width: int | None) -> None:
    """With nothing to draw, a chart is still a valid figure: no traces, a title and an
    annotation saying why it is empty."""
    fig = empty_chart(wh, name, lang, width)
    plotly_fig = validated(fig)
    assert fig.data == []
    notes = plotly_fig.layout.annotations
    assert len(notes) == 1
    assert notes[0].text and notes[0].showarrow is False
    assert plotly_fig.layout.title.text
    assert plotly_fig.layout.width == width


def test_empty_comparison_table_gives_an_empty_chart(wh: report.Warehouse) -> None:
    """An empty table (no indicator chosen) draws the 'nothing found' note, not an error."""
    table = report.comparison_table(wh, PLANS, [], 2030)
    assert len(table) == 0
    for chart in (report.interval_bars, report.heatmap):
        fig = chart(wh, table, "vi")
        validated(fig)
        assert fig.data == [] and len(fig.layout["annotations"]) == 1


# --------------------------------------------------------------------------------------------
# make_subplots as plotly's
# --------------------------------------------------------------------------------------------
GRIDS = [(1, 1), (1, 2), (2, 3), (3, 1), (4, 2)]
# spacings given explicitly (the vertical one always: see the default-with-titles test below)
SPACINGS: dict[str, dict[str, float]] = {
    "given": {"vertical_spacing": 0.1, "horizontal_spacing": 0.08},
    "bars": {"vertical_spacing": 0.22 / 2 + 0.08, "horizontal_spacing": 0.08},
    "vertical-only": {"vertical_spacing": 0.06},
}


def assert_same_grid(ours: dict[str, Any], theirs: dict[str, Any], rows: int, cols: int,
                     titles: list[str]) -> None:
    axes = sorted(k for k in theirs if k.startswith(("xaxis", "yaxis")))
    assert sorted(k for k in ours if k.startswith(("xaxis", "yaxis"))) == axes
    assert len(axes) == 2 * rows * cols
    for name in axes:
        assert ours[name]["anchor"] == theirs[name]["anchor"], name
        assert ours[name]["domain"] == pytest.approx(theirs[name]["domain"], abs=1e-9), name
    mine = ours.get("annotations", [])
    plotly_notes = theirs.get("annotations", [])
    assert [a["text"] for a in mine] == [a["text"] for a in plotly_notes] == titles
    for a, b in zip(mine, plotly_notes, strict=True):
        assert (a["x"], a["y"]) == (pytest.approx(b["x"], abs=1e-9),
                                    pytest.approx(b["y"], abs=1e-9)), a["text"]
        for key in ("xanchor", "yanchor", "xref", "yref", "showarrow"):
            assert a[key] == b[key], (a["text"], key)


@pytest.mark.parametrize("spacing", list(SPACINGS))
@pytest.mark.parametrize(("rows", "cols"), GRIDS)
def test_make_subplots_matches_plotly(rows: int, cols: int, spacing: str) -> None:
    """Axis domains, anchors and subplot-title positions equal plotly's for a given spacing."""
    titles = [f"panel {n}" for n in range(1, rows * cols + 1)]
    ours = make_subplots(rows, cols, titles, **SPACINGS[spacing]).to_dict()["layout"]
    theirs = plotly_subplots(rows=rows, cols=cols, subplot_titles=titles,
                             **SPACINGS[spacing]).to_dict()["layout"]
    assert_same_grid(ours, theirs, rows, cols, titles)


@pytest.mark.parametrize(("rows", "cols"), GRIDS)
def test_make_subplots_default_spacing_without_titles(rows: int, cols: int) -> None:
    """Without titles, the default spacing is plotly's (0.3/rows down, 0.2/cols across)."""
    ours = make_subplots(rows, cols).to_dict()["layout"]
    theirs = plotly_subplots(rows=rows, cols=cols).to_dict()["layout"]
    assert_same_grid(ours, theirs, rows, cols, [])


@pytest.mark.parametrize("given", [{}, {"horizontal_spacing": 0.12}],
                         ids=["default", "horizontal-only"])
@pytest.mark.parametrize(("rows", "cols"), GRIDS)
def test_make_subplots_default_spacing_with_titles(rows: int, cols: int,
                                                   given: dict[str, float]) -> None:
    """With titles and no vertical spacing given, the grid is plotly's default titled grid
    (more room between rows: 0.5/rows instead of 0.3/rows)."""
    titles = [f"panel {n}" for n in range(1, rows * cols + 1)]
    ours = make_subplots(rows, cols, titles, **given).to_dict()["layout"]
    theirs = plotly_subplots(rows=rows, cols=cols, subplot_titles=titles,
                             **given).to_dict()["layout"]
    assert_same_grid(ours, theirs, rows, cols, titles)


def test_make_subplots_skips_missing_and_blank_titles() -> None:
    """Fewer titles than panels, or a blank one, give annotations only where there is text
    (as plotly does)."""
    titles = ["a", "", "c"]
    ours = make_subplots(2, 2, titles, vertical_spacing=0.2).to_dict()["layout"]
    theirs = plotly_subplots(rows=2, cols=2, subplot_titles=titles,
                             vertical_spacing=0.2).to_dict()["layout"]
    assert [a["text"] for a in ours["annotations"]] == ["a", "c"]
    assert [a["text"] for a in theirs["annotations"]] == ["a", "c"]
    for a, b in zip(ours["annotations"], theirs["annotations"], strict=True):
        assert (a["x"], a["y"]) == (pytest.approx(b["x"]), pytest.approx(b["y"]))


@pytest.mark.parametrize(("rows", "cols"), [(1, 1), (2, 2), (3, 2), (2, 3)])
def test_traces_reference_their_subplot_axes(rows: int, cols: int) -> None:
    """A trace added on row r, col c refers to the axes plotly gives that cell (row by row
    from the top left: row 2 col 1 of a 2×2 grid is x3/y3)."""
    ours = make_subplots(rows, cols, vertical_spacing=0.1)
    theirs = plotly_subplots(rows=rows, cols=cols, vertical_spacing=0.1)
    cells = [(r, c) for r in range(1, rows + 1) for c in range(1, cols + 1)]
    for r, c in cells:
        ours.add_scatter(x=[1], y=[2], row=r, col=c)
        theirs.add_scatter(x=[1], y=[2], row=r, col=c)
    mine = [(t["xaxis"], t["yaxis"]) for t in ours.to_dict()["data"]]
    plotly_axes = [(t.xaxis, t.yaxis) for t in theirs.data]
    assert mine == plotly_axes
    if (rows, cols) == (2, 2):
        assert mine[cells.index((2, 1))] == ("x3", "y3")
    # plotly takes the spec with its traces on the same axes
    assert [(t.xaxis, t.yaxis) for t in go.Figure(ours.to_dict()).data] == plotly_axes


def test_traces_without_a_cell_have_no_axis_reference() -> None:
    """A trace added without row/col stays on the default axes (no xaxis/yaxis keys)."""
    fig = make_subplots(1, 2)
    fig.add_bar(x=["a"], y=[1])
    assert "xaxis" not in fig.data[0] and "yaxis" not in fig.data[0]
    assert go.Figure(fig.to_dict()).data[0].xaxis in (None, "x")


# --------------------------------------------------------------------------------------------
# the display bundle
# --------------------------------------------------------------------------------------------
_DIV = re.compile(r'^<div id="(vnh-fig-\d+)" class="vnh-chart" style="height:(\d+)px;'
                  r'width:([^;]+);"></div>')
_CALL = re.compile(r'Plotly\.newPlot\("(vnh-fig-\d+)",f\.data,f\.layout,(\{.*?\})\);')


def script_payload(markup: str) -> str:
    start = markup.index("var f=") + len("var f=")
    end = markup.index(";if(window.Plotly)")
    return markup[start:end]


def test_figure_bundle_html_draws_the_spec(wh: report.Warehouse) -> None:
    """text/html is a div of class vnh-chart and a Plotly.newPlot call on that div whose JSON
    parses back to the figure's spec; the plotly mime type carries the same spec."""
    fig = charts(wh, "longevity-2030", "vi", report.BRIEF_WIDTH)["heatmap"][0]
    spec = fig.to_dict()
    bundle = report.figure_bundle(fig)
    markup = bundle["text/html"]
    div = _DIV.match(markup)
    assert div, markup[:200]
    call = _CALL.search(markup)
    assert call and call[1] == div[1]
    assert json.loads(call[2]) == report.PLOTLY_CONFIG
    assert int(div[2]) == spec["layout"]["height"]
    assert div[3] == f"{report.BRIEF_WIDTH}px"
    assert json.loads(script_payload(markup)) == spec
    mime = bundle["application/vnd.plotly.v1+json"]
    assert {"data": mime["data"], "layout": mime["layout"]} == spec
    # each figure gets its own div
    assert _DIV.match(report.figure_bundle(fig)["text/html"])[1] != div[1]


def test_figure_bundle_full_width_without_a_fixed_width(wh: report.Warehouse) -> None:
    """A figure without a width fills its container."""
    fig = charts(wh, "longevity-2030", "en", None)["pace_chart"][0]
    div = _DIV.match(report.figure_bundle(fig)["text/html"])
    assert div and div[3] == "100%"


def test_figure_bundle_escapes_closing_tags() -> None:
    """"</" inside a text cannot end the script element early: a title holding "</script>"
    stays inside the JSON, which still parses back to the original text."""
    evil = 'Khoảng trống </script><script>alert("x")</script> 2030'
    fig = Figure("vi")
    fig.add_bar(x=["</b>"], y=[1], name="a </script> b")
    fig.update_layout(title={"text": evil}, height=300)
    markup = report.figure_bundle(fig)["text/html"]
    # An HTML parser ends a script at the first "</script" (any case): that must be the last tag.
    first_close = markup.lower().find("</script")
    assert first_close == len(markup) - len("</script>")
    script = markup[markup.index("<script"):first_close]
    assert "</" not in script
    spec = json.loads(script_payload(markup))
    assert spec["layout"]["title"]["text"] == evil
    assert spec["data"][0]["name"] == "a </script> b"
    assert spec["data"][0]["x"] == ["</b>"]


def test_figure_bundle_takes_a_plotly_figure(wh: report.Warehouse) -> None:
    """A plotly figure (e.g. restyled from to_plotly()) gives the same kind of bundle."""
    fig = charts(wh, "longevity-2030", "en", None)["coverage_chart"][0].to_plotly()
    fig.update_layout(title_text="restyled")
    markup = report.figure_bundle(fig)["text/html"]
    assert _DIV.match(markup)
    spec = json.loads(script_payload(markup))
    assert spec["layout"]["title"]["text"] == "restyled"
    assert len(spec["data"]) == len(fig.data)


def test_every_chart_function_is_checked() -> None:
    """The charts checked here are all of the report's public functions returning a Figure,
    so that a new chart cannot skip plotly's validation."""
    returns_figure = {n for n in report.__all__
                      if inspect.isfunction(getattr(report, n))
                      and inspect.signature(getattr(report, n)).return_annotation == "Figure"}
    assert returns_figure == set(CHARTS)
