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
from vnhealth.errors import ParameterError
from vnhealth.params import validate

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
    assert len(cells) == len(wh.observations)
    marked = 0
    for cell, o in zip(cells, wh.observations, strict=True):
        assert "\t" not in cell and "|" not in cell
        assert "&amp;" not in cell and "&lt;b&gt;" not in cell.lower()
        marked += "<mark>" in cell
        shown = html.unescape(re.sub(r"</?mark>", "", cell))
        full = report.clean_quote(o["quote"])
        inner = shown.removeprefix("… ").removesuffix(" …")
        # whole words of the clean quote, and "…" exactly where words were left out
        assert f" {inner} " in f" {full} ", (shown, full)
        assert shown.startswith("… ") == (not full.startswith(inner))
        assert shown.endswith(" …") == (not full.endswith(inner))
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
    """(symbol, value, text) of every labelled mark."""
    out = []
    for t in fig["data"]:
        if t.get("type") != "scatter" or "text" not in t or not isinstance(t.get("marker"),
                                                                            dict):
            continue
        symbols = t["marker"].get("symbol")
        ys = t["y"]
        for k, text in enumerate(t["text"]):
            sym = symbols[k] if isinstance(symbols, list) else symbols
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
    bands = [t for t in fig["data"] if t.get("mode") == "lines" and t.get("y") == [4.0, 5.0]]
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
        if t.get("marker", {}).get("symbol") == "x":
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
