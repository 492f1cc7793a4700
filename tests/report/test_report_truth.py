"""Reports that tell the truth (issue 10): each test fails on the output the reports gave
before, on the session warehouse built from the repository's real documents."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import duckdb
import pytest

from vnhealth import report
from vnhealth.inputs.errors import ParameterError
from vnhealth.report.params import validate

BRIEF = ["life_expectancy", "healthy_life_years", "health_insurance_coverage",
         "doctors_per_station", "epi_vaccine_coverage"]


@pytest.fixture(scope="module")
def wh(warehouse_path: Path) -> report.Warehouse:
    return report.load(warehouse_path)


def rows(warehouse_path: Path, sql: str) -> list[dict[str, Any]]:
    con = duckdb.connect(str(warehouse_path), read_only=True)
    try:
        cur = con.execute(sql)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    finally:
        con.close()


# --------------------------------------------------------------------------------------------
# 8. a year without data is refused, listing the years that have data
# --------------------------------------------------------------------------------------------
def test_year_without_data_is_refused(warehouse_path: Path) -> None:
    with pytest.raises(ParameterError) as err:
        validate("policy_brief", provinces=["lai_chau"], domain="",
                 indicators=BRIEF, year=2031, language="vi", warehouse=str(warehouse_path))
    msg = str(err.value)
    assert "no data for 2031" in msg
    listed = re.search(r"years with data: ([\d, ]+)", msg)
    assert listed is not None
    years = [int(y) for y in listed.group(1).split(",")]
    assert 2030 in years and 2031 not in years


def test_year_without_data_for_the_province(warehouse_path: Path) -> None:
    # Lào Cai's plan states values for 2024 only
    with pytest.raises(ParameterError, match=r"years with data: 2024\b"):
        validate("province_profile", province="lao_cai", peers=[], year=2030, language="vi",
                 warehouse=str(warehouse_path))
    assert validate("province_profile", province="lao_cai", peers=[], year=2024,
                    language="vi", warehouse=str(warehouse_path)).year == 2024


# --------------------------------------------------------------------------------------------
# 2. differences of percentages are percentage points; the heatmap shows gaps in units
# --------------------------------------------------------------------------------------------
def _cells(markup: str, cls: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", m) for m in re.findall(
        rf'<td class="[^"]*{cls}[^"]*"[^>]*>(.*?)</td>', markup)]


@pytest.mark.parametrize(("lang", "points"), [("vi", "điểm %"), ("en", "pp")])
def test_percent_gaps_and_paces_are_points(wh: report.Warehouse, lang: str,
                                           points: str) -> None:
    provinces = ["lai_chau", "lao_cai", "son_la", "thua_thien_hue"]
    percent = [r["indicator_id"] for r in wh.indicators if r["unit"] == "percent"]
    book = report.SourceBook(wh, lang)
    seen = 0
    for year in (2025, 2030):
        table = report.comparison_table(wh, provinces, percent, year)
        gaps = [r for r in table if r["gap"] is not None]
        markup = report.ambition_html(wh, table, book)
        for r in gaps:
            row = re.search(rf'data-province="{r["province_id"]}" data-indicator='
                            rf'"{r["indicator_id"]}".*?</tr>', markup)
            assert row is not None
            gap_cell = re.findall(r"<td[^>]*>([^<]*)</td>", row.group(0))[-2]
            assert gap_cell.endswith(points), gap_cell
            seen += 1
        pace = report.pace_table(wh, provinces, percent, year)
        for text in _cells(report.pace_html(wh, pace, book), "vnh-value"):
            if text != "—":
                assert points in text and not re.search(r"\d%", text), text
                seen += 1
    assert seen > 3
    assert report.fmt_change(4, "percent", lang).endswith(points)


def test_heatmap_gap_in_the_indicator_unit_on_a_fitted_scale(wh: report.Warehouse) -> None:
    table = report.comparison_table(wh, ["lai_chau", "son_la"], BRIEF, 2030)
    fig = report.heatmap(wh, table, "vi").to_dict()
    trace = fig["data"][0]
    # Lai Châu: 70 years against the national 75.5: a gap of 5.5 years, not "−7%"
    row = trace["y"].index("Lai Châu")
    col = [k for k, x in enumerate(trace["x"]) if x.replace("<br>", " ") == "Tuổi thọ trung bình"]
    assert col, trace["x"]
    assert "−5,5 năm" in trace["text"][row][col[0]]
    assert trace["zmin"] == -trace["zmax"] and trace.get("zmid") == 0
    values = [abs(v) for line in trace["z"] for v in line if v is not None]
    assert max(values) == pytest.approx(1.0)  # fitted to the data, not a fixed ±50
    assert "%" not in trace["colorbar"].get("ticksuffix", "")
    # direction-aware: Lai Châu's life expectancy is worse than national (negative)
    assert trace["z"][row][col[0]] < 0


# --------------------------------------------------------------------------------------------
# 4. quotes: clean text, cut at word boundaries with "…", the number highlighted
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("compact", [False, True], ids=["full", "compact"])
def test_quotes_are_clean_whole_words_with_the_number_marked(wh: report.Warehouse,
                                                             compact: bool) -> None:
    book = report.SourceBook(wh, "vi")
    for o in wh.observations:
        book.observations(o["obs_id"])
    markup = book.html(compact=compact)
    cells = re.findall(r'<td class="vnh-quote">(.*?)</td>', markup)
    # one note per line cited: the observations read from one line share it (each window of
    # the line they quote on a line of its own)
    lines: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for o in wh.observations:
        lines.setdefault((o["doc_id"], o["line"]), []).append(o)
    assert len(cells) == len(lines) < len(wh.observations)
    marked = 0
    for cell, obs in zip(cells, lines.values(), strict=True):
        assert "\t" not in cell and "|" not in cell
        assert "&amp;" not in cell and "&lt;b&gt;" not in cell.lower()
        marked += "<mark>" in cell
        fulls = [report.clean_quote(o["quote"]) for o in obs]
        for part in cell.split("<br>"):
            shown = html.unescape(re.sub(r"</?mark>", "", part))
            inner = shown.removeprefix("… ").removesuffix(" …")
            # whole words of a clean quote, and "…" exactly where words were left out
            assert any(f" {inner} " in f" {f} "
                       and shown.startswith("… ") == (not f.startswith(inner))
                       and shown.endswith(" …") == (not f.endswith(inner))
                       for f in fulls), (shown, fulls)
    assert marked > 0.8 * len(cells)


def test_clean_quote_drops_markup() -> None:
    assert report.clean_quote("<b>70</b> tuổi,\t&gt;95%|x") == "70 tuổi, >95% x"
    assert report.clean_quote("trẻ <15% và < 5 tuổi") == "trẻ <15% và < 5 tuổi"
    assert report.highlight("đạt >95%", ">95") == "đạt <mark>&gt;95</mark>%"


# --------------------------------------------------------------------------------------------
# 5. stable province colours, never "worse"/"better" hues
# --------------------------------------------------------------------------------------------
PLANS = ["lai_chau", "lao_cai", "son_la", "thua_thien_hue"]


def _hue_saturation(colour: str) -> tuple[float, float]:
    import colorsys

    r, g, b = (int(colour[k:k + 2], 16) / 255 for k in (1, 3, 5))
    h, _l, s = colorsys.rgb_to_hls(r, g, b)
    return h * 360, s


def test_province_colours_do_not_move(warehouse_path: Path, monkeypatch: pytest.MonkeyPatch
                                      ) -> None:
    before = {p: report.load(warehouse_path).colour(p) for p in PLANS}
    # a new province with a plan (sorted before the others) recolours none of them
    more = report.load(warehouse_path)
    monkeypatch.setattr(more, "provinces_with_plans", lambda: ["an_giang", *PLANS])
    assert {p: more.colour(p) for p in PLANS} == before
    assert len(set(before.values())) == len(PLANS)


def test_province_colours_never_mean_worse_or_better() -> None:
    for colour in report.PROVINCE_COLOURS:
        assert colour.lower() not in (report.BETTER.lower(), report.WORSE.lower())
        hue, sat = _hue_saturation(colour)
        if sat > 0.3:
            assert not (hue < 45 or hue > 340), f"{colour}: red/orange"
            assert not 80 < hue < 170, f"{colour}: green"


# --------------------------------------------------------------------------------------------
# 3. bounds drawn as bounds, ranges as bands, the comparator written next to every value
# --------------------------------------------------------------------------------------------
def _marks(fig: dict[str, Any]) -> list[tuple[str, Any, str]]:
    """(symbol, position, text) of every labelled mark."""
    out = []
    for t in fig["data"]:
        if t.get("type") != "scatter" or "text" not in t or not isinstance(t.get("marker"),
                                                                            dict):
            continue
        symbols = t["marker"].get("symbol")
        ys = t["y"]
        for k, text in enumerate(t["text"]):
            sym = symbols[k] if isinstance(symbols, list) else symbols
            if text:
                out.append((sym, ys[k], text))
    return out


def test_bounds_and_ranges_in_the_comparison_chart(wh: report.Warehouse) -> None:
    table = report.comparison_table(wh, ["lai_chau", "son_la"], BRIEF, 2030)
    fig = report.interval_bars(wh, table, "vi").to_dict()
    assert not [t for t in fig["data"] if t["type"] == "bar"]  # levels are not bars from zero
    marks = _marks(fig)
    lower = [m for m in marks if m[2].startswith(("≥", ">"))]
    assert lower and all(m[0] == "triangle-up-open" for m in lower), marks
    # Lai Châu's 4–5 doctors per station: a band from 4 to 5, labelled "4–5", not a dot at 4.5
    assert any(m[2] == "4–5" for m in marks)
    bands = [t for t in fig["data"] if t.get("mode") == "lines" and t.get("x") == [4.0, 5.0]]
    assert bands
    for row in table:
        if row["value"] is not None and row["comparator"] in (">", ">=", "<", "<="):
            assert any(m[2].startswith(report.fmt_value(row["value"], row["comparator"], None,
                                                        None, "vi")[:1]) for m in marks)


def test_bounds_in_the_trajectories(wh: report.Warehouse) -> None:
    fig = report.trajectories(wh, "lai_chau", "vi").to_dict()
    marks = _marks(fig)
    assert marks
    for symbol, _value, text in marks:
        if text.startswith(("≥", ">")):
            assert symbol == "triangle-up-open", text
        elif text.startswith(("≤", "<")):
            assert symbol == "triangle-down-open", text
        elif "–" in text:
            assert symbol == "circle-open", text
    assert any("–" in m[2] for m in marks) and any(m[2].startswith((">", "≥")) for m in marks)


# --------------------------------------------------------------------------------------------
# 6. one national benchmark everywhere; disagreeing national sources said with both
# --------------------------------------------------------------------------------------------
def test_one_national_value_a_year_in_profiles(wh: report.Warehouse) -> None:
    fig = report.trajectories(wh, "thua_thien_hue", "vi").to_dict()
    for t in fig["data"]:
        if t.get("marker", {}).get("symbol") == "x" and t["x"] != [None]:  # not the legend's
            assert len(t["x"]) == len(set(t["x"])), t["x"]  # doctors/10,000 in 2025: one ✕
            for x, y in zip(t["x"], t["y"], strict=True):
                ind = [i for (i, yr), b in wh.benchmarks.items() if yr == x
                       and b["national_value"] == y]
                assert ind


def test_national_disagreement_is_said_with_both_sources(wh: report.Warehouse) -> None:
    table = report.comparison_table(wh, ["thua_thien_hue"], ["doctors_per_10k"], 2025)
    book = report.SourceBook(wh, "vi")
    markup = report.table_html(wh, table, book)
    note = re.search(r'class="vnh-note vnh-national-conflict">(.*?)</p>', markup)
    assert note is not None
    text = html.unescape(note.group(1))
    assert "15" in text and "10" in text and "QĐ 201" in text and "NQ" in text
    assert book.national("doctors_per_10k", 2025)  # the table cites the benchmark


# --------------------------------------------------------------------------------------------
# 7. one national pace rule, for the build's pace table and the reports
# --------------------------------------------------------------------------------------------
def test_report_and_build_national_pace_agree(wh: report.Warehouse,
                                              warehouse_path: Path) -> None:
    built = rows(warehouse_path, "SELECT * FROM pace WHERE target_year IS NOT NULL "
                                 "AND baseline_year IS NOT NULL")
    mine = {(r["province_id"], r["indicator_id"]): r
            for r in report.pace_table(wh, PLANS, None, 2045)}
    compared = 0
    for b in built:
        r = mine.get((b["province_id"], b["indicator_id"]))
        assert r is not None, b
        if b["national_pace_per_year"] is None:
            assert r["national_pace"] is None, (b, r)
        else:
            assert r["national_pace"] == pytest.approx(b["national_pace_per_year"])
            assert r["national_start_year"] == b["national_baseline_year"]
            compared += 1
    assert compared > 0
    # infant mortality: no national actual, so no national pace (it was −0.5/year)
    assert report.national_pace(wh, "infant_mortality", 2030) is None


# --------------------------------------------------------------------------------------------
# 1. qualitative targets shown where their indicator or topic appears
# --------------------------------------------------------------------------------------------
def test_qualitative_targets_reach_the_reports(wh: report.Warehouse) -> None:
    book = report.SourceBook(wh, "vi")
    table = report.comparison_table(wh, ["lai_chau", "son_la"], BRIEF, 2030)
    markup = report.table_html(wh, table, book)
    cell = re.search(r'<td class="vnh-qualitative"[^>]*data-province="son_la"[^>]*'
                     r'data-indicator="health_insurance_coverage"[^>]*>(.*?)</td>', markup)
    assert cell is not None, markup
    assert "Bao phủ bảo hiểm y tế toàn dân" in cell.group(1) and "2030" in cell.group(1)
    coverage = report.coverage_table(wh, ["son_la"], None, 2030)
    son_la = next(r for r in coverage if r["indicator_id"] == "health_insurance_coverage")
    assert son_la["status"] != "none"
    assert "Bao phủ bảo hiểm y tế toàn dân" in report.coverage_html(wh, coverage, book, 2030)
    listed = report.qualitative_html(wh, ["son_la"], BRIEF, book)
    assert 'data-qualitative="universal_health_insurance"' in listed
    lines = {e["line"] for e in book._entries if e["doc_id"] and "son_la" in e["doc_id"]}
    assert lines & {57, 120, 216}


# --------------------------------------------------------------------------------------------
# 9. charts that fit the data: levels as dots on a focused axis, the national target a line,
#    every mark labelled, provinces without a value named, no label on another or cut off
# --------------------------------------------------------------------------------------------
# A chart without a fixed width is laid out for the narrowest page it is shown on (the brief's
# width): a wider page only spreads the labels further apart.
NARROWEST = 680
CHAR = 0.6  # a character's width, a share of the font size (digits in DejaVu/Noto Sans)


class Box:
    """A text label's box in pixels (x right, y down) and its text."""

    def __init__(self, x0: float, y0: float, x1: float, y1: float, text: str) -> None:
        self.x0, self.y0, self.x1, self.y1, self.text = x0, y0, x1, y1, text

    def overlaps(self, other: Box) -> bool:
        return (min(self.x1, other.x1) - max(self.x0, other.x0) > 0.5
                and min(self.y1, other.y1) - max(self.y0, other.y0) > 0.5)

    def inside(self, area: tuple[float, float, float, float]) -> bool:
        return (self.x0 >= area[0] - 1 and self.x1 <= area[2] + 1 and self.y0 >= area[1] - 1
                and self.y1 <= area[3] + 1)

    def __repr__(self) -> str:
        return f"{self.text!r}@({self.x0:.0f},{self.y0:.0f})-({self.x1:.0f},{self.y1:.0f})"


def _size(text: str, font: float) -> tuple[float, float]:
    lines = [re.sub(r"<[^>]+>", "", line) for line in re.split(r"<br\s*/?>", text)]
    return max(len(line) for line in lines) * font * CHAR, len(lines) * font * 1.2


class Axes:
    """One subplot's axes in pixels, from the figure spec alone (explicit ranges required:
    a label's place cannot be known on an axis plotly.js will fit by itself)."""

    def __init__(self, layout: dict[str, Any], suffix: str) -> None:
        width, height = layout.get("width") or NARROWEST, layout["height"]
        m = layout["margin"]
        xa, ya = layout[f"xaxis{suffix}"], layout[f"yaxis{suffix}"]
        assert "range" in xa and "range" in ya, f"subplot {suffix or 1} has no fixed ranges"
        left, right = m["l"], width - m["r"]
        top, bottom = m["t"], height - m["b"]
        self.x = (left + xa["domain"][0] * (right - left), left + xa["domain"][1] * (right - left))
        self.y = (bottom - ya["domain"][0] * (bottom - top),
                  bottom - ya["domain"][1] * (bottom - top))
        self.xr, self.yr = xa["range"], ya["range"]

    @property
    def area(self) -> tuple[float, float, float, float]:
        return self.x[0], self.y[1], self.x[1], self.y[0]

    def px(self, value: float, which: str, domain: bool = False) -> float:
        ends, r = (self.x, self.xr) if which == "x" else (self.y, self.yr)
        share = value if domain else (value - r[0]) / (r[1] - r[0])
        return ends[0] + share * (ends[1] - ends[0])


def _point_box(axes: Axes, x: float, y: float, text: str, position: str, font: float,
               marker: float) -> Box:
    """Where plotly.js writes a point's text: ``marker / 2 / 0.8 + 1`` pixels from the point,
    on the side ``position`` names."""
    w, h = _size(text, font)
    px, py = axes.px(x, "x"), axes.px(y, "y")
    gap = marker / 2 / 0.8 + 1 if marker else 0
    x0 = px + gap if "right" in position else px - gap - w if "left" in position else px - w / 2
    y0 = py - gap - h if "top" in position else py + gap if "bottom" in position else py - h / 2
    return Box(x0, y0, x0 + w, y0 + h, text)


def _trace_boxes(fig: dict[str, Any], axes: dict[str, Axes]) -> dict[str, list[Box]]:
    boxes: dict[str, list[Box]] = {}
    for t in fig["data"]:
        if (t.get("type") != "scatter" or "text" not in (t.get("mode") or "")
                or not t.get("text")):
            continue
        suffix = t.get("xaxis", "x")[1:]
        marker = t.get("marker", {}).get("size", 6) if "markers" in t["mode"] else 0
        for k, text in enumerate(t["text"]):
            if not text or t["x"][k] is None:
                continue
            pos = t.get("textposition", "middle center")
            pos = pos[k] if isinstance(pos, list) else pos
            size = marker[k] if isinstance(marker, list) else marker
            boxes.setdefault(suffix, []).append(_point_box(
                axes[suffix], t["x"][k], t["y"][k], text, pos, t["textfont"]["size"], size))
    return boxes


def _note_boxes(fig: dict[str, Any], axes: dict[str, Axes], boxes: dict[str, list[Box]]
                ) -> None:
    """Annotations placed on a subplot's axes (a row's note), as plotly.js anchors them."""
    for a in fig["layout"].get("annotations", []):
        if a.get("xref", "paper") == "paper":
            continue  # panel titles, above the plot areas
        suffix = a["xref"].split()[0][1:]
        ax = axes[suffix]
        w, h = _size(a["text"], a.get("font", {}).get("size", 12))
        x = ax.px(a["x"], "x", "domain" in a["xref"]) + a.get("xshift", 0)
        y = ax.px(a["y"], "y", "domain" in a["yref"])
        anchor = a.get("xanchor")
        x0 = x if anchor == "left" else x - w if anchor == "right" else x - w / 2
        boxes.setdefault(suffix, []).append(Box(x0, y - h / 2, x0 + w, y + h / 2, a["text"]))


def label_boxes(fig: dict[str, Any]) -> tuple[dict[str, list[Box]], dict[str, Axes]]:
    """Every text label of a figure by subplot (axis suffix), in pixels, and the axes."""
    # the axes of the subplots that draw something (a grid's last cell may stay empty)
    suffixes = {t.get("xaxis", "x")[1:] for t in fig["data"] if t.get("x") != [None]}
    axes = {s: Axes(fig["layout"], s) for s in suffixes}
    boxes = _trace_boxes(fig, axes)
    _note_boxes(fig, axes, boxes)
    return boxes, axes


def assert_labels_fit(fig: dict[str, Any], name: str) -> int:
    """No two labels of a subplot overlap, and none runs out of its plot area (plotly.js
    would cut it off). Returns how many labels were checked."""
    boxes, axes = label_boxes(fig)
    for suffix, found in boxes.items():
        for k, a in enumerate(found):
            assert a.inside(axes[suffix].area), (name, suffix, a, axes[suffix].area)
            for b in found[k + 1:]:
                assert not a.overlaps(b), (name, suffix, a, b)
    return sum(len(b) for b in boxes.values())


LEVEL_CASES = [(["lai_chau", "son_la"], BRIEF, 2030, 680),
               (PLANS, ["doctors_per_10k", "nurses_per_10k", "pharmacists_per_10k",
                        "hospital_beds_per_10k", "health_insurance_coverage",
                        "doctors_per_station"], 2025, None),
               (PLANS, [r for r in ("life_expectancy", "healthy_life_years", "height_gain_1_18",
                                    "epi_vaccine_coverage", "doctors_per_station")], 2030, None)]


def _level_charts(wh: report.Warehouse, lang: str) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for provinces, indicators, year, width in LEVEL_CASES:
        table = report.comparison_table(wh, provinces, indicators, year)
        pace = report.pace_table(wh, provinces, indicators, year)
        out += [(f"bars {year}", report.interval_bars(wh, table, lang, width=width).to_dict()),
                (f"dumbbells {year}", report.dumbbells(wh, pace, table, lang,
                                                       width=width).to_dict()),
                (f"pace {year}", report.pace_chart(wh, pace, lang, width=width).to_dict())]
    return out


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_label_overlaps_another_or_is_cut_off(wh: report.Warehouse, lang: str) -> None:
    """Value labels of close values (two provinces at > 95), the national target's label and
    a province's note never share a place: before, "≥ 68" ran into "Quốc gia ≥ 68", the
    dumbbells' "95 (2025)" into "> 95", and labels at a panel's top were cut off."""
    checked = 0
    figures = _level_charts(wh, lang)
    figures += [(f"paths {p}", report.trajectories(wh, p, lang, peers=[q for q in PLANS
                                                                        if q != p]).to_dict())
                for p in PLANS]
    for name, fig in figures:
        if fig["data"]:
            checked += assert_labels_fit(fig, name)
    assert checked > 150


def test_the_label_check_sees_overlaps_and_cut_labels(wh: report.Warehouse) -> None:
    """The check above on a chart made wrong on purpose: a label written twice at one place,
    and a label pushed past its panel's edge."""
    import copy

    table = report.comparison_table(wh, ["lai_chau", "son_la"], BRIEF, 2030)
    fig = report.interval_bars(wh, table, "vi", width=report.BRIEF_WIDTH).to_dict()
    assert assert_labels_fit(fig, "as drawn") > 10
    labelled = next(t for t in fig["data"] if t.get("text") and t["text"][0])
    twice = copy.deepcopy(fig)
    twice["data"].append(copy.deepcopy(labelled))
    with pytest.raises(AssertionError):
        assert_labels_fit(twice, "twice")
    cut = copy.deepcopy(fig)
    suffix = labelled.get("xaxis", "x")[1:]
    low, high = cut["layout"][f"xaxis{suffix}"]["range"]
    cut["layout"][f"xaxis{suffix}"]["range"] = [low, labelled["x"][0] + (high - low) * 0.01]
    with pytest.raises(AssertionError):
        assert_labels_fit(cut, "cut")


def test_levels_are_dots_on_a_focused_axis_with_the_national_line(wh: report.Warehouse
                                                                  ) -> None:
    table = report.comparison_table(wh, ["lai_chau", "son_la"], BRIEF, 2030)
    fig = report.interval_bars(wh, table, "vi", width=report.BRIEF_WIDTH).to_dict()
    layout = fig["layout"]
    titles = [a["text"] for a in layout["annotations"] if a.get("xref") == "paper"]
    k = next(n for n, t in enumerate(titles) if t.startswith("Tuổi thọ trung bình"))
    suffix = "" if k == 0 else str(k + 1)
    low, high = layout[f"xaxis{suffix}"]["range"]
    assert 65 < low < 70 and 75.5 < high < 80  # focused on 70–75.5, not from zero
    assert layout[f"yaxis{suffix}"]["ticktext"] == ["Lai Châu", "Sơn La", "Mục tiêu quốc gia"]
    lines = [s for s in layout["shapes"] if s["type"] == "line" and s["xref"] == f"x{suffix}"]
    assert [s["x0"] for s in lines] == [75.5] and lines[0]["line"]["dash"] == "dash"
    # every mark drawn is labelled (a range's label sits at the end of its band)
    for t in fig["data"]:
        if t.get("mode", "").startswith("markers") and t.get("x") != [None]:
            assert "text" in t["mode"], t
    # the pace chart too: each dot says its province and how many times the national pace
    pace = report.pace_table(wh, ["lai_chau", "son_la"], BRIEF, 2030)
    dots = [t for t in report.pace_chart(wh, pace, "vi").to_dict()["data"]
            if t.get("marker", {}).get("size") == 13]
    assert dots and all(re.fullmatch(r"Lai Châu ×\d+(,\d)?", t["text"][0]) for t in dots)


def test_provinces_without_a_value_are_named_in_their_row(wh: report.Warehouse) -> None:
    """Four provinces, one with targets for 2025 on the workforce: every panel names the four,
    and the three without a target say so in their row (before, they were left out)."""
    workforce = ["doctors_per_10k", "nurses_per_10k", "pharmacists_per_10k"]
    table = report.comparison_table(wh, PLANS, workforce, 2025)
    fig = report.interval_bars(wh, table, "vi").to_dict()
    names = [wh.province_name(p, "vi") for p in PLANS]
    notes = [a for a in fig["layout"]["annotations"] if a.get("xref", "paper") != "paper"]
    for k in range(len(workforce)):
        suffix = "" if k == 0 else str(k + 1)
        assert fig["layout"][f"yaxis{suffix}"]["ticktext"][:4] == names
        rows = {a["y"] for a in notes if a["yref"] == f"y{suffix}"}
        assert rows == {0, 1, 2}  # Lai Châu, Lào Cai, Sơn La: "no target for 2025"
    assert all(a["text"] == "Không có mục tiêu cho năm 2025" for a in notes)


# --------------------------------------------------------------------------------------------
# 10. sources: documents by province, number, title and date; national targets by their
#     official document; no note repeats another
# --------------------------------------------------------------------------------------------
def _cited(wh: report.Warehouse, lang: str) -> report.SourceBook:
    """A book citing what the brief of Lai Châu and Sơn La cites."""
    book = report.SourceBook(wh, lang)
    table = report.comparison_table(wh, ["lai_chau", "son_la"], BRIEF, 2030)
    report.table_html(wh, table, book)
    report.qualitative_html(wh, ["lai_chau", "son_la"], BRIEF, book)
    return book


def test_sources_list_each_document_once_with_number_title_and_date(wh: report.Warehouse
                                                                     ) -> None:
    markup = _cited(wh, "vi").html(compact=True)
    docs = re.search(r'<table class="vnh-table vnh-source-docs.*?</table>', markup, re.S)
    assert docs is not None
    rows = [[html.unescape(re.sub(r"<[^>]+>|\s+", " ", c)).strip()
             for c in re.findall(r"<td>(.*?)</td>", r, re.S)]
            for r in re.findall(r"<tr>(.*?)</tr>", docs.group(0), re.S)]
    rows = [r for r in rows if r]  # the heading row has no <td>
    by_number = {r[1]: r for r in rows}
    assert by_number["48-KH/ĐU"][0] == "Lai Châu" and by_number["48-KH/ĐU"][3] == "23/03/2026"
    assert by_number["48-KH/ĐU"][2].startswith("Kế hoạch thực hiện Nghị quyết số 07-NQ/TU")
    assert by_number["01/KH-UBND"][0] == "Sơn La" and by_number["01/KH-UBND"][3] == "01/01/2026"
    # a plan whose text leaves the day blank: the month and year it gives
    undated = next(r for r in rows if r[1] == "—" and r[0] == "Lai Châu")
    assert undated[3] == "tháng 4/2021"
    national = [r for r in rows if r[0] == "Quốc gia"]
    assert [r[2].split(" bản tin")[0].strip() for r in national] == [
        "NQ 72-NQ/TW (Bộ Chính trị, 09/09/2025)"]
    assert national[0][3] == "09/09/2025"
    # the news pages that reported it: secondary links, marked as such
    assert 'class="vnh-url vnh-news"' in docs.group(0) and "bản tin:" in national[0][2]
    assert len({tuple(r) for r in rows}) == len(rows)


def test_no_note_repeats_another(wh: report.Warehouse) -> None:
    """One note per line cited and one per national document: before, Lai Châu's line 39
    was two notes (life expectancy and healthy life years), the 2021 plan's line 158 five,
    and NQ 72 one per indicator, identical once printed (the quote is not printed)."""
    book = report.SourceBook(wh, "vi")
    for o in wh.observations:
        book.observations(o["obs_id"])
    for ind, year in wh.benchmarks:
        book.national(ind, year)
    notes = re.findall(r'<tr id="src-\d+">(.*?)</tr>', book.html(compact=True), re.S)
    printed = [re.sub(r'<td class="vnh-quote".*?</td>|<[^>]+>|\s+', " ", n).split(None, 1)[1]
               for n in notes]
    assert len(printed) == len(set(printed)) == len(book)
    national = [e for e in book._entries if e.get("national")]
    assert len(national) == len({e["document"] for e in national}) == len(
        {r["source_doc"] for (i, y), b in wh.benchmarks.items() for r in wh.national
         if r["source_line"] == b["source_line"]})
    # a national note names the document, not a line of our reference file
    assert all("national_targets.csv" not in n and "dòng" not in n for n in printed
               if "NQ" in n or "QĐ" in n)


# --------------------------------------------------------------------------------------------
# 11. the national pace orders two sources of one year by their issue date, as the build does
# --------------------------------------------------------------------------------------------
def test_national_pace_orders_sources_by_issue_date(warehouse_path: Path) -> None:
    """A second national actual for 2025 from a source whose name gives no date but that was
    issued later: the pace starts from it (before, the date parsed from the names made the
    Ministry's 29/12/2025 report win over an undated name)."""
    import datetime

    import vnhealth.harmonize.pace

    assert not hasattr(vnhealth.harmonize.pace, "document_date")
    wh = report.load(warehouse_path)
    before = report.national_pace(wh, "life_expectancy", 2030)
    assert before is not None and before["national_baseline_year"] == 2025
    byt = next(r for r in wh.national if r["indicator_id"] == "life_expectancy"
               and r["kind"] == "actual" and r["year"] == 2025)
    later = {**byt, "value": 74.6, "source_doc": "Niên giám thống kê",
             "issued_on": datetime.date(2026, 6, 30), "source_line": 999}
    wh.national = [*wh.national, later]
    found = report.national_pace(wh, "life_expectancy", 2030)
    assert found["national_baseline_value"] == pytest.approx(74.6)
    # and the earlier-issued one wins over an undated one
    wh.national = [*wh.national[:-1], {**later, "issued_on": None}]
    assert report.national_pace(wh, "life_expectancy", 2030)["national_baseline_value"] == (
        pytest.approx(before["national_baseline_value"]))


# --------------------------------------------------------------------------------------------
# 12. each chart drawn for where it is read: a printed page (the brief: paper type, panels two
#     to a row, no zoom), a screen, and a phone (one column, laid out for its width)
# --------------------------------------------------------------------------------------------
def _every_chart(wh: report.Warehouse, lang: str) -> list[tuple[str, report.Figure]]:
    """Every level chart of LEVEL_CASES (at their widths and at the brief's) and every
    province's trajectories, as Figures (with their phone layouts)."""
    out: list[tuple[str, report.Figure]] = []
    widths = {None, 680, report.BRIEF_WIDTH}
    for provinces, indicators, year, _width in LEVEL_CASES:
        table = report.comparison_table(wh, provinces, indicators, year)
        pace = report.pace_table(wh, provinces, indicators, year)
        for width in widths:
            out += [(f"bars {year} {width}", report.interval_bars(wh, table, lang, width=width)),
                    (f"dumbbells {year} {width}",
                     report.dumbbells(wh, pace, table, lang, width=width)),
                    (f"pace {year} {width}", report.pace_chart(wh, pace, lang, width=width))]
    out += [(f"paths {p}", report.trajectories(wh, p, lang, peers=[q for q in PLANS if q != p]))
            for p in PLANS]
    return out


def _phone(fig: report.Figure) -> dict[str, Any]:
    """A chart's phone layout as a phone draws it: NARROW_WIDTH wide."""
    from vnhealth.report.geometry import NARROW_WIDTH

    assert fig.narrow is not None
    spec = fig.narrow.to_dict()
    assert "width" not in spec["layout"]  # it fills the phone's box
    spec["layout"]["width"] = NARROW_WIDTH
    return spec


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_phone_layouts_keep_labels_apart_and_inside(wh: report.Warehouse, lang: str) -> None:
    """On a 390 px phone the charts drew their 680 px layout in 366 px: labels laid out for
    680 were cut at the right and ran into each other. The phone's own layout, at its width,
    keeps every label in its panel and off every other (the check of section 9)."""
    checked = 0
    for name, fig in _every_chart(wh, lang):
        spec = _phone(fig)
        if spec["data"]:
            checked += assert_labels_fit(spec, f"{name} (phone)")
    assert checked > 150


def _columns(spec: dict[str, Any]) -> set[tuple[float, float]]:
    """The x domains of a chart's panels (one per column)."""
    return {tuple(v["domain"]) for k, v in spec["layout"].items()
            if k.startswith("xaxis") and "domain" in v}


def test_panels_two_to_a_row_on_paper_and_on_a_screen_one_on_a_phone(wh: report.Warehouse
                                                                       ) -> None:
    """The brief's five level panels are two to a row on its page (they were five stacked,
    zoomed to 0.57 to fit); the profile's trajectories two to a row on a screen; on a phone
    both are one column, and a page draws the phone's layout below the width the other is
    laid out for."""
    table = report.comparison_table(wh, ["lai_chau", "son_la"], BRIEF, 2030)
    bars = report.interval_bars(wh, table, "vi", width=report.BRIEF_WIDTH)
    assert len(_columns(bars.to_dict())) == 2 and bars.laid_out == report.BRIEF_WIDTH
    paths = report.trajectories(wh, "thua_thien_hue", "en",
                                peers=["lai_chau", "lao_cai", "son_la"])
    assert len(_columns(paths.to_dict())) == 2 and paths.laid_out == 680
    for fig in (bars, paths):
        assert _columns(_phone(fig)) == {(0.0, 1.0)}
    # the row names in the first column only: the second's rows are the same
    shown = [v.get("showticklabels") for k, v in sorted(bars.layout.items())
             if k.startswith("yaxis")]
    assert shown.count(True) == 3 and shown.count(False) == 2


def _font_sizes(node: Any) -> list[float]:
    """Every font size set in a figure spec (fonts, text fonts, tick fonts)."""
    if isinstance(node, list):
        return [s for item in node for s in _font_sizes(item)]
    if not isinstance(node, dict):
        return []
    found = [float(v["size"]) for k, v in node.items()
             if k in ("font", "textfont", "tickfont") and isinstance(v, dict) and "size" in v]
    return found + [s for v in node.values() for s in _font_sizes(v)]


def test_brief_charts_are_set_for_paper(wh: report.Warehouse) -> None:
    """Printed, the brief's charts were zoomed to 0.57: 10 px labels came out at 4.3 pt. Now
    they are drawn at the page's width with no text under 9 px (6.75 pt on paper), and no
    font left to plotly's default (12 px, not the paper type)."""
    table = report.comparison_table(wh, ["lai_chau", "son_la"], BRIEF, 2030)
    pace = report.pace_table(wh, ["lai_chau", "son_la"], BRIEF, 2030)
    width = report.BRIEF_WIDTH
    for lang in ("vi", "en"):
        for fig in (report.interval_bars(wh, table, lang, width=width),
                    report.heatmap(wh, table, lang, width=width),
                    report.dumbbells(wh, pace, table, lang, width=width),
                    report.pace_chart(wh, pace, lang, width=width)):
            spec = fig.to_dict()
            assert spec["layout"]["width"] == width <= 710  # A4 less the print margins
            sizes = _font_sizes(spec)
            assert sizes and min(sizes) >= 9, (spec["layout"]["title"]["text"], min(sizes))
            assert spec["layout"]["font"]["size"] == 9


def test_titles_wrap_to_a_phone(wh: report.Warehouse) -> None:
    """plotly.js wraps no title: "Mục tiêu năm 2030 theo tỉnh (khoảng mục tiêu và cận được
    vẽ)" ran off a phone's chart. Each line of a phone's title and panel titles fits."""
    from vnhealth.report.geometry import NARROW_WIDTH

    for _name, fig in _every_chart(wh, "vi"):
        spec = _phone(fig)
        title = spec["layout"]["title"]
        lines = title["text"].split("<br>") + title.get("subtitle", {}).get("text",
                                                                            "").split("<br>")
        assert max(len(x) for x in lines) * 15 * CHAR <= NARROW_WIDTH, title
        for a in spec["layout"].get("annotations", []):
            if a.get("xref") == "paper" and a.get("yanchor") == "bottom":  # panel titles
                assert max(len(x) for x in a["text"].split("<br>")) * 11 * CHAR <= (
                    NARROW_WIDTH), a["text"]
