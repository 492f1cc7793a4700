"""A brief worth handing on (issue 10): cover parameters, a title in words, findings as
sentences, what is missing said once, a method note, no build hash or parameter dump on the
page. Each test fails on the brief as it was before (tests/report/test_report_truth.py covers the
values themselves)."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from vnhealth import report
from vnhealth.inputs.errors import ParameterError
from vnhealth.report.params import check_parameters, validate

REPO = Path(__file__).resolve().parents[2]
BRIEF = ["life_expectancy", "healthy_life_years", "health_insurance_coverage",
         "doctors_per_station", "epi_vaccine_coverage"]
NORTH = ["lai_chau", "son_la"]


@pytest.fixture(scope="module")
def wh(warehouse_path: Path) -> report.Warehouse:
    return report.load(warehouse_path)


def _tables(wh: report.Warehouse, provinces: list[str], indicators: list[str], year: int
            ) -> tuple[Any, Any, Any]:
    return (report.comparison_table(wh, provinces, indicators, year),
            report.pace_table(wh, provinces, indicators, year),
            report.coverage_table(wh, provinces, indicators, year))


# -- parameters ------------------------------------------------------------------------------
def test_cover_parameters_are_validated(warehouse_path: Path) -> None:
    ok = validate("policy_brief", provinces=NORTH, domain="", indicators=BRIEF, year=2030,
                  language="vi", title="  Tuổi thọ  ", issuer="Sở Y tế", date="2026-03-15",
                  audience="UBND tỉnh", warehouse=str(warehouse_path))
    assert (ok.title, ok.issuer, ok.date, ok.audience) == ("Tuổi thọ", "Sở Y tế", "2026-03-15",
                                                           "UBND tỉnh")
    # optional: left out, they are empty
    bare = validate("policy_brief", provinces=NORTH, domain="longevity", indicators=[],
                    year=2030, language="vi", warehouse=str(warehouse_path))
    assert bare.title == "" and bare.date == ""
    for bad, words in ((dict(date="15/03/2026"), "YYYY-MM-DD"),
                       (dict(date="2026-02-30"), "not a date"),
                       (dict(title="một\nhai"), "one line"),
                       (dict(issuer="x" * 400), "at most")):
        with pytest.raises(ParameterError) as err:
            validate("policy_brief", provinces=NORTH, domain="longevity", indicators=[],
                     year=2030, language="vi", warehouse=str(warehouse_path), **bad)
        assert words in str(err.value)


def test_cover_parameters_in_the_notebook(warehouse_path: Path) -> None:
    import datetime

    given = check_parameters(REPO / "notebooks" / "policy_brief.ipynb",
                             {"date": datetime.date(2026, 3, 15), "audience": "UBND tỉnh"},
                             warehouse=warehouse_path)
    assert given["date"] == "2026-03-15" and given["title"] == ""


# -- title, findings, missing ----------------------------------------------------------------
def test_default_title_names_the_topic_in_words(wh: report.Warehouse) -> None:
    vi = report.brief_title(wh, "longevity", [], NORTH, 2030, "vi")
    assert vi == "Tuổi thọ và tầm vóc: mục tiêu năm 2030 của Lai Châu và Sơn La"
    en = report.brief_title(wh, "", ["life_expectancy", "health_insurance_coverage"], NORTH,
                            2030, "en")
    assert en.startswith("Longevity and stature, health financing: the 2030 targets")
    many = report.brief_title(wh, "", BRIEF, NORTH, 2030, "vi")
    assert "…" not in many and "Tuổi thọ trung bình" not in many
    assert many.startswith("Các mục tiêu y tế chủ yếu")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_findings_are_sentences(wh: report.Warehouse, lang: str) -> None:
    table, pace, _ = _tables(wh, NORTH, BRIEF, 2030)
    found = report.brief_findings(wh, table, pace, lang)
    text = " ".join(found)
    assert all(unicodedata.is_normalized("NFC", f) and f.endswith(".") for f in found)
    assert not re.search(r"\b0 (chỉ tiêu|targets?)\b", text)
    if lang == "vi":
        assert ("Đến năm 2030, Lai Châu đặt mục tiêu tuổi thọ trung bình 70 năm, thấp hơn mục "
                "tiêu quốc gia (75,5 năm) 5,5 năm.") in found
        assert ("Đến năm 2030, Lai Châu và Sơn La đều đặt mục tiêu tỷ lệ tiêm chủng các vắc xin "
                "trong Chương trình tiêm chủng thiết yếu trên 95%, ngang mục tiêu quốc gia."
                ) in found
        assert any(f.startswith("Để đi từ 68,5 năm (2025) đến 70 năm (2030), Lai Châu cần tăng"
                                ) for f in found)
    else:
        assert ("For 2030, Son La aims for life expectancy at birth of 74.5 years, 1 year below "
                "the national target of 75.5 years.") in found
        assert "healthy life years at least 65 years, 3 years below" in text


def test_what_is_missing_is_said_once(wh: report.Warehouse) -> None:
    table, pace, coverage = _tables(wh, NORTH, BRIEF, 2030)
    missing = report.brief_missing(wh, table, coverage, pace, "vi")
    text = " ".join(missing)
    assert text.count("số bác sĩ mỗi trạm y tế xã") == 2  # no Sơn La target; no national one
    assert "Kế hoạch của Sơn La không đặt mục tiêu số bác sĩ mỗi trạm y tế xã" in text
    assert "định tính: bao phủ bảo hiểm y tế toàn dân" in text
    findings = " ".join(report.brief_findings(wh, table, pace, "vi"))
    assert "bác sĩ" not in findings  # nothing to compare: said in the missing list only


def test_method_note_says_how_and_its_limits() -> None:
    for lang, words in (("vi", ("nội suy", "cận", "văn bản ban hành gần nhất", "Hạn chế")),
                        ("en", ("interpolated", "bounds", "most recent", "Limits"))):
        note = report.brief_method(2030, lang)
        assert all(w in note for w in words)


# -- charts ----------------------------------------------------------------------------------
def test_heatmap_colour_legend_clear_of_the_title(wh: report.Warehouse) -> None:
    table, _, _ = _tables(wh, NORTH, BRIEF, 2030)
    fig = report.heatmap(wh, table, "vi", width=report.BRIEF_WIDTH).to_dict()
    bar = fig["data"][0]["colorbar"]
    # flat under the plot (before: upright at full height, its title into the ticks and title)
    assert bar["orientation"] == "h" and bar["y"] < 0 and bar["len"] < 1
    assert bar["title"]["side"] == "top"


def test_provinces_without_baseline_are_named_in_the_chart(wh: report.Warehouse) -> None:
    table, pace, _ = _tables(wh, NORTH, BRIEF, 2030)
    fig = report.dumbbells(wh, pace, table, "vi", width=report.BRIEF_WIDTH).to_dict()
    rows = fig["layout"]["yaxis"]["ticktext"]
    assert rows == ["Lai Châu", "Sơn La", "Mục tiêu quốc gia"]  # one row each, named
    son_la = [t for t in fig["data"] if t.get("y") == [rows.index("Sơn La")] and t.get("text")]
    assert son_la and all("không nêu hiện trạng" in t["text"][0] for t in son_la)


def test_profile_panels_are_readable(wh: report.Warehouse) -> None:
    """Thừa Thiên Huế's 21 trajectories: each panel keeps 170 pixels of plot (before: slivers
    of ~60, the spacing between rows eating the height), one legend under the title, the
    province drawn over the others, thick and in its colour, the others small and grey."""
    fig = report.trajectories(wh, "thua_thien_hue", "en",
                              peers=["lai_chau", "lao_cai", "son_la"]).to_dict()
    layout = fig["layout"]
    plot = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    panels = [layout[k]["domain"] for k in layout if k.startswith("yaxis")]
    assert len(panels) >= 20
    assert all((d[1] - d[0]) * plot >= 165 for d in panels), panels
    # one legend, at the top (under the title), every entry once
    assert layout["legend"]["yanchor"] == "top" and layout["legend"]["y"] > 0.95
    shown = [t["name"] for t in fig["data"] if t.get("showlegend", True)]
    assert len(shown) == len(set(shown)) and shown[0] == "Thua Thien Hue"
    own = [t for t in fig["data"] if t.get("mode") == "lines" and t.get("x") != [None]
           and "opacity" not in t]  # the path, not a range's band
    assert own and all(t["line"]["width"] == 3 and t["line"]["color"] == wh.colour(
        "thua_thien_hue") for t in own)
    peers = [t for t in fig["data"] if t.get("legendgroup") == "peers"]
    assert peers and all(t["marker"]["color"] == "#9e9e9e" for t in peers)
    # only the province's own years (2023–2030): no panel stretched to 2045 by another's
    for k in (k for k in layout if k.startswith("xaxis")):
        if "range" in layout[k]:
            assert layout[k]["range"][0] > 2022 and layout[k]["range"][1] < 2031, k


def test_indicators_without_a_target_are_listed_compactly(wh: report.Warehouse) -> None:
    """Lai Châu's profile for 2030: 28 of its indicators have no 2030 target anywhere. They
    were a paragraph of 28 names; now a folded line saying how many, the names by domain."""
    mine = report.profile_table(wh, "lai_chau").distinct("indicator_id")
    table = report.comparison_table(wh, ["lai_chau", "son_la", "thua_thien_hue"], mine, 2030)
    markup = report.table_html(wh, table, report.SourceBook(wh, "vi"))
    folded = re.search(r'<details class="vnh-meta vnh-untargeted">\s*<summary>(.*?)</summary>'
                       r"(.*?)</details>", markup, re.S)
    assert folded is not None
    n = int(folded.group(1).split()[0])
    assert n > 20 and folded.group(1).endswith("cho năm 2030")
    groups = re.findall(r"<li><strong>(.*?):</strong>(.*?)</li>", folded.group(2))
    assert "Bệnh không lây nhiễm" in [g[0] for g in groups]
    assert sum(len(g[1].split(";")) for g in groups) == n
    assert "Không tỉnh nào" not in markup


# -- the rendered page -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, warehouse_path: Path) -> str:
    from test_notebooks import render_sample  # the same session-wide render

    reports, _ = render_sample(tmp_path_factory.getbasetemp() / "sample_reports",
                               warehouse_path)
    return (reports / "policy_brief" / "brief_vi.html").read_text(encoding="utf-8")


def test_page_has_no_hash_or_parameter_dump(page: str, wh: report.Warehouse) -> None:
    body = page[page.index("<body"):]
    main, footer = body.split("<footer>", 1)
    text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", main,
                                                        flags=re.S)))
    assert wh.build_hash[:12] not in text and "bản dựng" not in text
    assert "Tham số" not in footer and "provinces=" not in footer
    assert wh.build_hash[:12] in footer  # the colophon names the data
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", main, re.S).group(1)
    assert h1 == "Tuổi thọ và tầm vóc: mục tiêu năm 2030 của Sơn La và Lai Châu"
    assert "vnh-method" in main and "Phương pháp và hạn chế" in main


def _figures(page: str) -> list[dict[str, Any]]:
    """The plotly specs drawn by the page (figure.html.j2)."""
    import json

    return [json.loads(m) for m in re.findall(
        r'class="vnh-chart"[^>]*></div>\s*<script[^>]*>\s*\(function\(\)\{var f=(\{.*?\});'
        r"if\(window\.Plotly\)", page, re.S)]


def test_page_charts_keep_their_labels_apart(page: str) -> None:
    """Each chart of the rendered brief: every label inside its panel and on no other."""
    from test_report_truth import assert_labels_fit

    figures = _figures(page)
    assert len(figures) == 4
    checked = sum(assert_labels_fit(f, f["layout"]["title"]["text"]) for f in figures
                  if f["data"] and f["data"][0]["type"] != "heatmap")  # cells: no labels
    assert checked > 12


def test_page_sources_name_documents_once_without_repeated_notes(page: str) -> None:
    body = page[page.index("<body"):]
    docs = re.search(r'<table class="vnh-table vnh-source-docs.*?</table>', body, re.S)
    assert docs is not None
    text = html.unescape(re.sub(r"<[^>]+>", " ", docs.group(0)))
    for words in ("48-KH/ĐU", "01/KH-UBND", "23/03/2026", "01/01/2026",
                  "NQ 72-NQ/TW (Bộ Chính trị, 09/09/2025)", "bản tin"):
        assert words in text, words
    notes = re.findall(r'<tr id="src-\d+">\s*<td>\d+</td>(.*?)</tr>', body, re.S)
    printed = [" ".join(re.sub(r'<td class="vnh-quote".*?</td>|<[^>]+>', " ", n).split())
               for n in notes]
    assert printed and len(printed) == len(set(printed)), printed
