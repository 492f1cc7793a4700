"""What the report notebooks call: query the warehouse read-only, build tables, charts and text.

The notebooks stay thin — a parameters cell, a validation cell, then calls into this module — so
that anything computed twice lives here, is tested here, and reads the same in every report.
The module reads the tables the build materialized (``comparison``, ``harmonized``,
``national_benchmark``, ``observation_values``) and works on plain rows: a report kernel loads
neither pandas nor plotly's Python package, which would cost more than the report itself.

* **Loading** — :func:`load` opens the warehouse read-only and returns a :class:`Warehouse`
  with the small tables loaded, lookups (names per language, units, directions) and
  :meth:`Warehouse.query` for the rest.
* **Formatting** — :func:`fmt_number` writes Vietnamese numbers with a decimal comma and a
  thousands dot (``1.234,5``) and English ones the other way round; :func:`fmt_value` adds the
  comparator and unit (``≥ 68 năm``, ``4–5 bác sĩ/trạm``); :func:`label` holds the vi/en texts.
* **Tables** — :func:`comparison_table`, :func:`coverage_table`, :func:`pace_table`,
  :func:`profile_table` return a :class:`Table` (rows as dicts; ``.to_pandas()``); every value
  carries the observation ids it came from, and :class:`SourceBook` numbers the sources
  (document number or title, line, quote) so that each value shown points to its line.
* **Charts** — plotly figures built as specs (:mod:`vnhealth.figures`: :func:`interval_bars`,
  :func:`dumbbells`, :func:`heatmap`, :func:`pace_chart`, :func:`coverage_chart`,
  :func:`trajectories`), coloured by direction: blue where a province is ahead of the national
  target, orange where it is behind; ``fig.to_plotly()`` gives a plotly figure to restyle.
* **Output** — :func:`show` displays a figure so that it renders in JupyterLab (plotly mime type)
  and, in HTML exported by :mod:`vnhealth.render`, as a ``<div>`` drawn by the page's one copy of
  plotly.js (no CDN); :func:`findings` writes plain-language findings from the tables.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

from vnhealth import reform
from vnhealth.errors import VnhealthError
from vnhealth.figures import Figure, make_subplots
from vnhealth.pace import PACE_COLUMNS, representative, required_pace_rows
from vnhealth.pace import national_pace as national_pace_rule
from vnhealth.params import connect_read_only, warehouse_path

__all__ = [
    "BRIEF_WIDTH",
    "SourceBook",
    "Table",
    "Warehouse",
    "comparison_table",
    "coverage_chart",
    "coverage_table",
    "display_html",
    "dumbbells",
    "findings",
    "fmt_number",
    "fmt_change",
    "fmt_signed",
    "fmt_value",
    "heading",
    "heatmap",
    "interval_bars",
    "label",
    "load",
    "province_colour",
    "national_disagreement",
    "pace_chart",
    "pace_table",
    "profile_table",
    "qualitative_html",
    "quiet_telemetry",
    "sql_magic",
    "reform_text",
    "show",
    "table_html",
    "trajectories",
]

# A4 portrait at 96 dpi is 794 px wide; 12 mm margins leave ~700 px. Briefs draw charts at a fixed
# width so that the PDF and the e-mailed HTML look the same.
BRIEF_WIDTH = 680

# Province colours: a palette without red, green, orange or the "better" blue (those mean worse
# or better here), told apart by hue and lightness (colour-vision deficiency), dealt by a stable
# hash of the province id (:func:`province_colour`): adding a province never recolours another.
# The provinces with plans get distinct colours (tests/test_report_truth.py checks it).
PROVINCE_COLOURS = ["#6F4E7C", "#332288", "#999933", "#AA4499", "#CC79A7", "#88CCEE", "#44546A",
                    "#C9B458"]
# Direction colours: blue = better than national, orange = worse.
BETTER, WORSE = "#2166ac", "#d95f02"
# Coverage: a target for another year only (light orange), a change without a baseline (light
# blue: the province aims at something, but it cannot be compared).
OTHER_YEAR, RELATIVE_ONLY = "#fdd0a2", "#c6dbef"
DIVERGING = [[0.0, "#b35806"], [0.25, "#f1a340"], [0.5, "#f7f7f7"], [0.75, "#67a9cf"],
             [1.0, "#2166ac"]]
FONT = "Noto Sans, DejaVu Sans, Liberation Sans, Arial, sans-serif"
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True,
                 "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


# ---------------------------------------------------------------------------------------------
# labels
# ---------------------------------------------------------------------------------------------
LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "comparison.title": "So sánh mục tiêu y tế giữa các tỉnh, năm {year}",
        "gaps.title": "Khoảng trống chỉ tiêu, năm {year}",
        "profile.title": "Hồ sơ mục tiêu y tế: {province}",
        "brief.title": "Tóm tắt chính sách: {topic}, năm {year}",
        "explore.title": "Khám phá dữ liệu bằng SQL",
        "meta": "Dữ liệu: bản dựng {build} · Tỉnh: {provinces} · Chủ đề: {topic}",
        "all_indicators": "tất cả chỉ tiêu",
        "national": "Quốc gia",
        "national_target": "Mục tiêu quốc gia",
        "indicator": "Chỉ tiêu",
        "province": "Tỉnh",
        "value": "Giá trị",
        "unit": "Đơn vị",
        "year": "Năm",
        "kind": "Loại",
        "method": "Cách xác định",
        "assessment": "Đánh giá",
        "gap": "Chênh lệch với quốc gia",
        "sources": "Nguồn",
        "source": "Nguồn",
        "document": "Văn bản",
        "line": "Dòng",
        "quote": "Trích dẫn",
        "line_ref": "{doc}, dòng {line}",
        "no_value": "không có",
        "no_target_year": "Không có mục tiêu cho năm {year}",
        "no_target_any": "Không tỉnh nào và cũng không có mục tiêu quốc gia cho năm {year}",
        "baseline": "Hiện trạng",
        "target": "Mục tiêu",
        "trajectory": "Lộ trình",
        "actual": "Thực hiện",
        "stated": "nêu trong kế hoạch",
        "interpolated": "nội suy",
        "carried_forward": "giữ nguyên",
        "missing": "không có",
        "lower": "cận dưới (≥)",
        "upper": "cận trên (≤)",
        "range": "khoảng",
        "point": "giá trị",
        "ahead of national": "tham vọng hơn quốc gia",
        "behind national": "thấp hơn mục tiêu quốc gia",
        "level with national": "ngang mục tiêu quốc gia",
        "within band": "trong khoảng khuyến nghị",
        "closer to band": "gần khoảng khuyến nghị hơn",
        "farther from band": "xa khoảng khuyến nghị hơn",
        "as close to band as national": "như quốc gia",
        "no national value": "không có mục tiêu quốc gia",
        "no provincial value": "tỉnh không đặt mục tiêu",
        "chart.bars": "Mục tiêu năm {year} theo tỉnh (khoảng mục tiêu và cận được vẽ)",
        "chart.dumbbells": "Từ hiện trạng đến mục tiêu",
        "chart.heatmap": "Chênh lệch với mục tiêu quốc gia năm {year}<br><sup>theo đơn vị của "
                         "chỉ tiêu; + tốt hơn, − kém hơn</sup>",
        "chart.pace": "Tốc độ cần đạt mỗi năm so với tốc độ quốc gia (1 = bằng quốc gia)",
        "chart.coverage": "Chỉ tiêu quốc gia có mục tiêu cấp tỉnh",
        "chart.trajectories": "Lộ trình mục tiêu của {province}",
        "legend.range": "khoảng mục tiêu",
        "legend.lower": "cận dưới (≥)",
        "legend.upper": "cận trên (≤)",
        "legend.interpolated": "nội suy",
        "legend.stated": "nêu trong kế hoạch",
        "legend.peers": "tỉnh khác",
        "better": "tốt hơn quốc gia",
        "worse": "kém hơn quốc gia",
        "pace": "Tốc độ/năm",
        "national_pace": "Tốc độ quốc gia/năm",
        "pace_ratio": "So với quốc gia",
        "from_to": "{start} ({y0}) → {end} ({y1})",
        "faster": "nhanh hơn quốc gia",
        "slower": "chậm hơn quốc gia",
        "same_pace": "bằng quốc gia",
        "opposite": "ngược chiều quốc gia",
        "no_national_pace": "không có tốc độ quốc gia",
        "no_baseline": "kế hoạch không nêu hiện trạng",
        "coverage.covered": "có mục tiêu năm {year}",
        "coverage.other_year": "chỉ có mục tiêu năm khác ({years})",
        "coverage.relative": "chỉ nêu mức thay đổi, không có giá trị gốc để so sánh ({years})",
        "coverage.none": "không đặt mục tiêu",
        "coverage.qualitative": "chỉ có mục tiêu định tính ({years})",
        "coverage": "Mức bao phủ",
        "reform": "Lưu ý sắp xếp địa giới 2025",
        "findings": "Phát hiện chính",
        "appendix": "Phụ lục: nguồn gốc số liệu",
        "documents": "Văn bản nguồn",
        "sha256": "SHA-256",
        "period": "Giai đoạn",
        "issued": "Ngày ban hành",
        "observations": "Các số liệu trích xuất",
        "none_found": "Không có số liệu phù hợp.",
        "peers": "So sánh với các tỉnh khác và quốc gia, năm {year}",
        "targets": "Tất cả mục tiêu của tỉnh",
        "section.coverage": "1. Khoảng trống bao phủ",
        "section.ambition": "2. Khoảng trống tham vọng so với mục tiêu quốc gia",
        "section.pace": "3. Tốc độ cần đạt",
        "section.bars": "Mục tiêu theo chỉ tiêu",
        "section.dumbbells": "Từ hiện trạng đến mục tiêu",
        "section.heatmap": "So với mục tiêu quốc gia",
        "section.table": "Bảng số liệu và nguồn",
        "hover.source": "Nguồn",
        "unit.percent": "%",
        "unit.per_1000": "‰",
        "unit.per_10000": "/10.000 dân",
        "unit.per_100000": "/100.000 dân",
        "unit.years": "năm",
        "unit.cm": "cm",
        "unit.per_station": "bác sĩ/trạm",
        "unit.boys_per_100_girls": "trẻ trai/100 trẻ gái",
        "unit.children_per_woman": "con/phụ nữ",
        "change.percent": "điểm %",
        "change.per_1000": "điểm ‰",
        "heatmap.scale": "Màu: so với chênh lệch lớn nhất của cùng chỉ tiêu",
        "heatmap.worse": "kém hơn",
        "heatmap.level": "ngang",
        "heatmap.better": "tốt hơn",
        "f.coverage": "{province} có mục tiêu năm {year} cho {n} trong {total} chỉ tiêu có "
                      "mục tiêu quốc gia.",
        "f.coverage_missing": "{province} chưa có mục tiêu cho: {names}.",
        "f.ambition": "{province}: {ahead} chỉ tiêu tham vọng hơn, {level} ngang và {behind} "
                      "thấp hơn mục tiêu quốc gia năm {year}.",
        "f.shortfall": "Chênh lệch lớn nhất của {province} là {indicator}: {value} so với mục "
                       "tiêu quốc gia {national} ({source}).",
        "f.lead": "{province} đặt mục tiêu {indicator} {value}, vượt mục tiêu quốc gia "
                  "{national} ({source}).",
        "f.pace": "Để đạt mục tiêu {indicator}, {province} cần thay đổi {pace} mỗi năm "
                  "({y0}–{y1}), gấp {ratio} lần tốc độ quốc gia ({national_pace} mỗi năm).",
        "f.pace_no_nat": "Để đạt mục tiêu {indicator}, {province} cần thay đổi {pace} mỗi năm "
                         "({y0}–{y1}).",
        "f.none": "Các tỉnh đã chọn không có mục tiêu nào cho chủ đề này năm {year}.",
        "brief.method": "Số liệu được trích tự động từ kế hoạch của tỉnh, mỗi giá trị dẫn về "
                        "dòng gốc; mục tiêu quốc gia lấy từ các nghị quyết, quyết định ghi ở "
                        "phần nguồn. Giá trị nội suy là tuyến tính giữa hai mốc của kế hoạch.",
        "explore.intro": "Truy vấn kho dữ liệu (chỉ đọc) bằng SQL; xem các ví dụ dưới đây.",
        "qualitative": "Mục tiêu định tính",
        "qualitative.cell": "định tính: {name} ({year})",
        "qualitative.intro": "Mục tiêu không có con số, nêu trong kế hoạch của tỉnh:",
        "qualitative.item": "{province}: {name} (năm {year})",
        "national.conflict": "Các văn bản quốc gia nêu giá trị khác nhau cho {indicator} năm "
                             "{year}: {values}. Báo cáo so sánh với {chosen} (văn bản ban hành "
                             "gần nhất).",
    },
    "en": {
        "comparison.title": "Provincial health targets compared, {year}",
        "gaps.title": "Indicator gaps, {year}",
        "profile.title": "Health target profile: {province}",
        "brief.title": "Policy brief: {topic}, {year}",
        "explore.title": "Explore the warehouse with SQL",
        "meta": "Data: build {build} · Provinces: {provinces} · Topic: {topic}",
        "all_indicators": "all indicators",
        "national": "National",
        "national_target": "National target",
        "indicator": "Indicator",
        "province": "Province",
        "value": "Value",
        "unit": "Unit",
        "year": "Year",
        "kind": "Kind",
        "method": "Method",
        "assessment": "Assessment",
        "gap": "Gap to national",
        "sources": "Sources",
        "source": "Source",
        "document": "Document",
        "line": "Line",
        "quote": "Quote",
        "line_ref": "{doc}, line {line}",
        "no_value": "none",
        "no_target_year": "No target for {year}",
        "no_target_any": "No province and no national target for {year}",
        "baseline": "Baseline",
        "target": "Target",
        "trajectory": "Milestone",
        "actual": "Actual",
        "stated": "stated in the plan",
        "interpolated": "interpolated",
        "carried_forward": "carried forward",
        "missing": "none",
        "lower": "lower bound (≥)",
        "upper": "upper bound (≤)",
        "range": "range",
        "point": "value",
        "ahead of national": "more ambitious than national",
        "behind national": "below the national target",
        "level with national": "level with national",
        "within band": "within the recommended band",
        "closer to band": "closer to the band",
        "farther from band": "farther from the band",
        "as close to band as national": "as close as national",
        "no national value": "no national target",
        "no provincial value": "no provincial target",
        "chart.bars": "Targets for {year} by province (target intervals and bounds drawn)",
        "chart.dumbbells": "From baseline to target",
        "chart.heatmap": "Gap to the national target for {year}<br><sup>in the indicator's "
                         "unit; + better, − worse</sup>",
        "chart.pace": "Required yearly pace against the national pace (1 = national pace)",
        "chart.coverage": "National indicators with a provincial target",
        "chart.trajectories": "Target trajectories of {province}",
        "legend.range": "target range",
        "legend.lower": "lower bound (≥)",
        "legend.upper": "upper bound (≤)",
        "legend.interpolated": "interpolated",
        "legend.stated": "stated in the plan",
        "legend.peers": "other provinces",
        "better": "better than national",
        "worse": "worse than national",
        "pace": "Pace/year",
        "national_pace": "National pace/year",
        "pace_ratio": "Against national",
        "from_to": "{start} ({y0}) → {end} ({y1})",
        "faster": "faster than national",
        "slower": "slower than national",
        "same_pace": "same as national",
        "opposite": "opposite to national",
        "no_national_pace": "no national pace",
        "no_baseline": "the plan states no baseline",
        "coverage.covered": "target for {year}",
        "coverage.other_year": "targets for other years only ({years})",
        "coverage.relative": "a change only, with no baseline to compare ({years})",
        "coverage.none": "no target",
        "coverage.qualitative": "a qualitative target only ({years})",
        "coverage": "Coverage",
        "reform": "Note on the 2025 reorganization",
        "findings": "Key findings",
        "appendix": "Appendix: provenance",
        "documents": "Source documents",
        "sha256": "SHA-256",
        "period": "Period",
        "issued": "Issued",
        "observations": "Extracted statements",
        "none_found": "No matching data.",
        "peers": "Against other provinces and the national target, {year}",
        "targets": "All targets of the province",
        "section.coverage": "1. Coverage gaps",
        "section.ambition": "2. Ambition gaps against the national target",
        "section.pace": "3. Required pace",
        "section.bars": "Targets by indicator",
        "section.dumbbells": "From baseline to target",
        "section.heatmap": "Against the national target",
        "section.table": "Values and sources",
        "hover.source": "Source",
        "unit.percent": "%",
        "unit.per_1000": "per 1,000",
        "unit.per_10000": "per 10,000",
        "unit.per_100000": "per 100,000",
        "unit.years": "years",
        "unit.cm": "cm",
        "unit.per_station": "doctors/station",
        "unit.boys_per_100_girls": "boys/100 girls",
        "unit.children_per_woman": "children/woman",
        "change.percent": "pp",
        "change.per_1000": "per 1,000",
        "heatmap.scale": "Colour: against the largest gap of the same indicator",
        "heatmap.worse": "worse",
        "heatmap.level": "level",
        "heatmap.better": "better",
        "f.coverage": "{province} sets a {year} target for {n} of the {total} indicators with "
                      "a national target.",
        "f.coverage_missing": "{province} has no target for: {names}.",
        "f.ambition": "{province}: {ahead} targets more ambitious than, {level} level with and "
                      "{behind} below the national targets for {year}.",
        "f.shortfall": "The largest shortfall of {province} is {indicator}: {value} against the "
                       "national {national} ({source}).",
        "f.lead": "{province} aims for {indicator} of {value}, beyond the national {national} "
                  "({source}).",
        "f.pace": "To reach its {indicator} target, {province} must change it by {pace} a year "
                  "({y0}–{y1}), {ratio} times the national pace ({national_pace} a year).",
        "f.pace_no_nat": "To reach its {indicator} target, {province} must change it by {pace} "
                         "a year ({y0}–{y1}).",
        "f.none": "The selected provinces set no target on this topic for {year}.",
        "brief.method": "Values are extracted automatically from the provincial plans, each "
                        "traced to its source line; national targets come from the resolutions "
                        "and decisions listed under sources. Interpolated values are linear "
                        "between two milestones of a plan.",
        "explore.intro": "Query the (read-only) warehouse with SQL; worked examples below.",
        "qualitative": "Qualitative targets",
        "qualitative.cell": "qualitative: {name} ({year})",
        "qualitative.intro": "Targets without a number, stated in the provincial plans:",
        "qualitative.item": "{province}: {name} ({year})",
        "national.conflict": "National documents disagree on {indicator} for {year}: "
                             "{values}. The report compares with {chosen} (the most recent "
                             "document).",
    },
}

# Where a qualitative target (data/catalog/qualitative.yaml) belongs: the indicators it speaks
# to (shown in their cells and coverage rows) and its domain (listed with the topic).
QUALITATIVE_TOPICS: dict[str, tuple[tuple[str, ...], str]] = {
    "universal_health_insurance": (("health_insurance_coverage",), "health_financing"),
    "health_insurance_types": ((), "health_financing"),
    "basic_hospital_fee_exemption": ((), "health_financing"),
    "universal_health_care": ((), "primary_care"),
    "free_annual_health_check": (("periodic_health_check",), "primary_care"),
    "lifelong_ehealth_book": (("ehealth_record_coverage",), "digital_health"),
    "hospital_grade_1": ((), "health_facilities"),
    "specialised_level_hospital": ((), "health_facilities"),
    "polio_tetanus_elimination": ((), "immunization"),
    "measles_elimination": ((), "immunization"),
    "replacement_fertility": (("total_fertility_rate",), "population"),
    "natural_sex_ratio_at_birth": (("sex_ratio_at_birth",), "population"),
    "youth_height_at_peer_level": (("height_18_male", "height_18_female"), "longevity"),
    "above_regional_average": ((), "primary_care"),
}

DOMAINS: dict[str, tuple[str, str]] = {
    "population": ("Dân số", "Population"),
    "maternal_child_health": ("Sức khỏe bà mẹ, trẻ em", "Maternal and child health"),
    "nutrition": ("Dinh dưỡng", "Nutrition"),
    "immunization": ("Tiêm chủng", "Immunization"),
    "communicable_disease": ("Bệnh truyền nhiễm", "Communicable diseases"),
    "food_safety": ("An toàn thực phẩm", "Food safety"),
    "ncd": ("Bệnh không lây nhiễm", "Non-communicable diseases"),
    "health_workforce": ("Nhân lực y tế", "Health workforce"),
    "primary_care": ("Y tế cơ sở", "Primary care"),
    "environment_occupational": ("Môi trường và sức khỏe nghề nghiệp",
                                 "Environment and occupational health"),
    "longevity": ("Tuổi thọ và tầm vóc", "Longevity and stature"),
    "mental_health": ("Sức khỏe tâm thần", "Mental health"),
    "school_health": ("Y tế trường học", "School health"),
    "health_facilities": ("Cơ sở y tế", "Health facilities"),
    "digital_health": ("Y tế số", "Digital health"),
    "health_financing": ("Tài chính y tế", "Health financing"),
    "lifestyle": ("Lối sống", "Lifestyle"),
}



def label(key: str, lang: str, **values: Any) -> str:
    """The text for ``key`` in ``lang`` (``vi``/``en``), formatted with ``values``.

    >>> label("no_target_year", "vi", year=2030)
    'Không có mục tiêu cho năm 2030'
    """
    table = LABELS["vi" if lang == "vi" else "en"]
    text = table.get(key, LABELS["en"].get(key, key))
    return text.format(**values) if values else text


def domain_label(domain: str, lang: str) -> str:
    """A domain's name in ``lang`` (its id when unknown).

    >>> domain_label("ncd", "vi")
    'Bệnh không lây nhiễm'
    """
    pair = DOMAINS.get(domain)
    return domain if pair is None else pair[0 if lang == "vi" else 1]


# ---------------------------------------------------------------------------------------------
# numbers
# ---------------------------------------------------------------------------------------------
def _isna(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def fmt_number(x: Any, lang: str, decimals: int | None = None) -> str:
    """A number as people write it in ``lang``: ``vi`` 1.234,5 (decimal comma), ``en`` 1,234.5.

    Without ``decimals``, at most two decimals (one from 100 up), trailing zeros dropped.
    Negative numbers use the minus sign (−). NA → an em dash.

    >>> fmt_number(74.5, "vi"), fmt_number(74.5, "en"), fmt_number(100000, "vi")
    ('74,5', '74.5', '100.000')
    >>> fmt_number(-0.125, "en"), fmt_number(12345.678, "en", 1)
    ('−0.13', '12,345.7')
    """
    if _isna(x):
        return "—"
    value = float(x)
    trim = decimals is None
    if decimals is None:
        decimals = 1 if abs(value) >= 100 else 2
    # Half up, as people round (0,125 → 0,13), from the shortest repr of the float.
    rounded = Decimal(repr(abs(value))).quantize(Decimal(1).scaleb(-decimals),
                                                 rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if rounded == 0:
        value = 0.0
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return ("−" if value < 0 else "") + text


def fmt_signed(x: Any, lang: str, decimals: int | None = None) -> str:
    """A number with an explicit sign: ``+1,5`` / ``−1,5`` (``±0`` for zero).

    >>> fmt_signed(1.5, "vi"), fmt_signed(-2, "en")
    ('+1,5', '−2')
    """
    if _isna(x):
        return "—"
    text = fmt_number(x, lang, decimals)
    if text.startswith("−"):
        return text
    return ("±" if float(x) == 0 else "+") + text


def unit_label(unit: Any, lang: str) -> str:
    """The short unit written after a number (``%``, ``‰``, ``năm``…).

    >>> unit_label("per_10000", "vi")
    '/10.000 dân'
    """
    if _isna(unit) or not unit:
        return ""
    key = f"unit.{unit}"
    text = label(key, lang)
    return "" if text == key else text


def with_unit(text: str, unit: Any, lang: str) -> str:
    """``text`` followed by the unit: no space before % and ‰ or a leading slash."""
    u = unit_label(unit, lang)
    if not u or text == "—":
        return text
    return f"{text}{u}" if u in ("%", "‰") or u.startswith("/") else f"{text} {u}"


def fmt_change(x: Any, unit: Any, lang: str, decimals: int | None = None) -> str:
    """A difference of two values (a gap, a yearly pace) with its unit. A difference of two
    percentages is in percentage points (``điểm %`` / ``pp``), never ``%``, which would read
    as a relative change; likewise ‰.

    >>> fmt_change(4, "percent", "vi"), fmt_change(3.6, "percent", "en")
    ('+4 điểm %', '+3.6 pp')
    >>> fmt_change(-5.5, "years", "vi")
    '−5,5 năm'
    """
    text = fmt_signed(x, lang, decimals)
    if text == "—" or _isna(unit) or not unit:
        return text
    key = f"change.{unit}"
    points = label(key, lang)
    if points != key:
        return f"{text} {points}"
    return with_unit(text, unit, lang)


_COMPARATOR_SIGNS = {">": "> ", ">=": "≥ ", "<": "< ", "<=": "≤ ", "=": "", "range": ""}


def fmt_value(value: Any, comparator: Any, value_high: Any, unit: Any, lang: str, *,
              value_low: Any = None) -> str:
    """A target as written: comparator, number (or range) and unit.

    ``value`` is the representative value (the bound, or a range's midpoint); for a range the
    ends come from ``value_low``/``value_high``.

    >>> fmt_value(68, ">=", None, "years", "vi")
    '≥ 68 năm'
    >>> fmt_value(4.5, "range", 5, "per_station", "en", value_low=4)
    '4–5 doctors/station'
    >>> fmt_value(95.15, "=", None, "percent", "vi")
    '95,15%'
    """
    if _isna(value):
        return "—"
    comp = None if _isna(comparator) else str(comparator)
    if comp == "range" and not _isna(value_low) and not _isna(value_high):
        text = f"{fmt_number(value_low, lang)}–{fmt_number(value_high, lang)}"
    else:
        text = _COMPARATOR_SIGNS.get(comp or "=", "") + fmt_number(value, lang)
    return with_unit(text, unit, lang)


# ---------------------------------------------------------------------------------------------
# the warehouse
# ---------------------------------------------------------------------------------------------
class Table(list):  # type: ignore[type-arg]
    """Rows (dicts) from the warehouse: a list, shown as a table in a notebook;
    :meth:`to_pandas` gives a DataFrame for analysis."""

    def __init__(self, rows: Iterable[dict[str, Any]] = (), columns: Sequence[str] = ()) -> None:
        super().__init__(rows)
        self.columns = list(columns) or (list(self[0]) if self else [])

    def distinct(self, column: str) -> list[Any]:
        """The distinct values of one column, sorted."""
        return sorted({r[column] for r in self if not _isna(r.get(column))})

    def to_pandas(self) -> Any:
        """The rows as a ``pandas.DataFrame``."""
        import pandas as pd

        return pd.DataFrame(list(self), columns=self.columns)

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape('' if _isna(r.get(c)) else str(r.get(c)))}</td>"
                             for c in self.columns) + "</tr>" for r in self[:50])
        more = f"<p>{len(self)} rows, 50 shown</p>" if len(self) > 50 else ""
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


# What the report functions read; a warehouse built by an older vnhealth may lack some.
_REQUIRED_TABLES = ("provinces", "indicators", "documents", "observations", "national_targets",
                    "units", "build_info", "harmonized", "comparison", "national_benchmark",
                    "observation_values")


class Warehouse:
    """A read-only connection to the warehouse, with its small tables loaded (provinces,
    indicators, documents, observations, national targets, units) and lookups on them; larger
    tables are queried with :meth:`query`."""

    def __init__(self, path: Path, con: Any) -> None:
        self.path = path
        self._con = con
        self.build_hash = str((self.query("SELECT build_hash FROM build_info") or [{}])[0]
                              .get("build_hash") or "")
        self.provinces = self.query("SELECT * FROM provinces ORDER BY rowid")
        self.indicators = self.query("SELECT * FROM indicators ORDER BY rowid")
        self.documents = self.query("SELECT * FROM documents ORDER BY rowid")
        self.observations = self.query("SELECT * FROM observations ORDER BY rowid")
        self.national = self.query("SELECT * FROM national_targets ORDER BY rowid")
        self.units = self.query("SELECT * FROM units ORDER BY rowid")
        self.benchmarks = {(r["indicator_id"], int(r["year"])): r for r in self.query(
            "SELECT * FROM national_benchmark ORDER BY rowid")}
        present = {r["table_name"] for r in self.query(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'")}
        self.qualitative = (self.query("SELECT * FROM qualitative_targets ORDER BY rowid")
                            if "qualitative_targets" in present else Table())
        self._province_rows = {r["province_id"]: r for r in self.provinces}
        self._indicator_rows = {r["indicator_id"]: r for r in self.indicators}
        self._obs_rows = {r["obs_id"]: r for r in self.observations}
        self._doc_rows = {r["doc_id"]: r for r in self.documents}

    def query(self, sql: str, params: Sequence[Any] | Mapping[str, Any] | None = None
              ) -> Table:
        """Run one SQL statement on the read-only connection; rows as dicts."""
        import duckdb

        try:
            cur = self._con.execute(sql, params) if params is not None else self._con.execute(
                sql)
        except duckdb.ConnectionException as exc:
            raise VnhealthError(f"the connection to {self.path} is closed (close() was called, "
                                "or the warehouse was rebuilt and loaded again): load it with "
                                "report.load()") from exc
        columns = [d[0] for d in cur.description]
        return Table((dict(zip(columns, row, strict=True)) for row in cur.fetchall()), columns)

    def close(self) -> None:
        """Close the connection (the loaded tables stay usable)."""
        self._con.close()

    # -- lookups -------------------------------------------------------------------------
    def province_name(self, province_id: str, lang: str) -> str:
        """A province's name in ``lang`` (``national`` → the word for national)."""
        row = self._province_rows.get(province_id)
        if row is None:
            return label("national", lang) if province_id == "national" else province_id
        return str(row["name_vi"] if lang == "vi" else row["name_en"])

    def indicator_name(self, indicator_id: str, lang: str) -> str:
        """An indicator's name in ``lang`` (its id when unknown)."""
        row = self._indicator_rows.get(indicator_id)
        if row is None:
            return indicator_id
        return str(row["name_vi"] if lang == "vi" else row["name_en"])

    def indicator(self, indicator_id: str) -> dict[str, Any]:
        """The catalogue row of one indicator."""
        return self._indicator_rows[indicator_id]

    def unit_of(self, indicator_id: str) -> str:
        """The unit an indicator's values are expressed in."""
        return str(self._indicator_rows[indicator_id]["unit"])

    def direction(self, indicator_id: str) -> str:
        """``higher_is_better``, ``lower_is_better`` or ``band``."""
        return str(self._indicator_rows[indicator_id]["direction"])

    def observation(self, obs_id: str) -> dict[str, Any] | None:
        """One observation row by its ``obs_id`` (None when unknown)."""
        return self._obs_rows.get(obs_id)

    def document(self, doc_id: str) -> dict[str, Any]:
        """One document row by its ``doc_id``."""
        return self._doc_rows[doc_id]

    def doc_label(self, doc_id: str) -> str:
        """The document's number, or its title when the text states no number."""
        doc = self._doc_rows.get(doc_id)
        if doc is None:
            return doc_id
        number = doc.get("doc_number")
        return str(number) if not _isna(number) and number else str(doc["title"])

    def doc_short(self, doc_id: str) -> str:
        """A short handle for charts: the number, else the title cut to 48 characters."""
        text = self.doc_label(doc_id)
        return text if len(text) <= 48 else text[:47].rstrip() + "…"

    def qualitative_for(self, province_id: str, indicator_id: str | None = None,
                        domain: str | None = None) -> list[dict[str, Any]]:
        """A province's qualitative targets (one per target and year, the latest year first)
        that speak to ``indicator_id`` or belong to ``domain``."""
        found: dict[tuple[str, int], dict[str, Any]] = {}
        for q in self.qualitative:
            inds, dom = QUALITATIVE_TOPICS.get(q["target_id"], ((), ""))
            if q["province_id"] != province_id:
                continue
            if (indicator_id is not None and indicator_id in inds) or (
                    domain is not None and dom == domain):
                found.setdefault((q["target_id"], int(q["year"])), q)
        return sorted(found.values(), key=lambda q: (-int(q["year"]), q["target_id"]))

    def provinces_with_plans(self) -> list[str]:
        """Province ids that have at least one document."""
        return sorted({d["province_id"] for d in self.documents})

    def colour(self, province_id: str) -> str:
        """The province's colour, the same in every chart and report
        (:func:`province_colour`)."""
        return province_colour(province_id)

    @cached_property
    def registry(self) -> Any:
        """The unit registry as stored in the warehouse (same declarations as units.yaml)."""
        from vnhealth.catalog import Unit
        from vnhealth.units import UnitRegistry

        return UnitRegistry({r["unit_id"]: Unit(r["unit_id"], r["dimension"], float(r["per"]),
                                                (), r["label_vi"], r["label_en"])
                             for r in self.units})

    @cached_property
    def lineage(self) -> list[dict[str, Any]]:
        """Each province's change in the 2025 reform (:func:`vnhealth.reform.lineage`)."""
        return reform.lineage(self.provinces)

    def national_in_unit(self, row: Mapping[str, Any]) -> float | None:
        """A national_targets row's representative value in its indicator's unit."""
        value = representative(row["comparator"], row["value"], row["value_high"])
        if value is None or _isna(row.get("unit")):
            return value
        return value * self.registry.factor(row["unit"], self.unit_of(row["indicator_id"]))


def province_colour(province_id: str) -> str:
    """A province's colour from its id alone (BLAKE2 hash into :data:`PROVINCE_COLOURS`), so
    that it never depends on which other provinces the catalogue or a report lists.

    >>> province_colour("lai_chau"), province_colour("son_la")
    ('#AA4499', '#332288')
    """
    digest = hashlib.blake2b(province_id.encode("utf-8"), digest_size=4).digest()
    return PROVINCE_COLOURS[int.from_bytes(digest, "big") % len(PROVINCE_COLOURS)]


def load(warehouse: str | Path | None = None) -> Warehouse:
    """Open the warehouse read-only and load its small tables (see :class:`Warehouse`)."""
    path = warehouse_path(warehouse)
    con = connect_read_only(path)
    present = {r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main'").fetchall()}
    missing = [t for t in _REQUIRED_TABLES if t not in present]
    if missing:
        con.close()
        raise VnhealthError(f"{path} has no table {', '.join(missing)}: it was built by an older "
                            "vnhealth; rebuild it with `vnhealth build` (make warehouse)")
    return Warehouse(path, con)


# ---------------------------------------------------------------------------------------------
# sources
# ---------------------------------------------------------------------------------------------
def _split_ids(obs_ids: Any) -> list[str]:
    if _isna(obs_ids) or not obs_ids:
        return []
    return [i for i in str(obs_ids).split(",") if i]


class SourceBook:
    """Numbers the sources a report cites, in order of first use, and renders them as a table.

    A provincial value cites its observations (document number or title, line, quote); a
    national value cites the row of the national reference it was compared with (document, its
    line in ``data/reference/national_targets.csv``, URL).
    """

    def __init__(self, wh: Warehouse, lang: str) -> None:
        self.wh = wh
        self.lang = lang
        self._numbers: dict[str, int] = {}
        self._entries: list[dict[str, Any]] = []

    def _add(self, key: str, entry: dict[str, Any]) -> int:
        if key not in self._numbers:
            self._numbers[key] = len(self._entries) + 1
            self._entries.append({"n": self._numbers[key], **entry})
        return self._numbers[key]

    def observations(self, obs_ids: Any) -> list[int]:
        """Source numbers of the observations ``obs_ids`` (comma-separated ids)."""
        numbers = []
        for oid in _split_ids(obs_ids):
            obs = self.wh.observation(oid)
            if obs is None:
                continue
            numbers.append(self._add(f"obs:{oid}", {
                "document": self.wh.doc_label(obs["doc_id"]),
                "doc_id": obs["doc_id"],
                "source_file": self.wh.document(obs["doc_id"])["source_file"],
                "line": int(obs["line"]), "quote": obs["quote"], "url": None,
                "value_text": obs.get("value_text")}))
        return numbers

    def national(self, indicator_id: str, year: int) -> list[int]:
        """Source number of the national target ``indicator_id`` × ``year`` is compared with."""
        bench = self.wh.benchmarks.get((indicator_id, int(year)))
        if bench is None:
            return []
        row = next((r for r in self.wh.national if r["indicator_id"] == indicator_id
                    and r["year"] == int(year) and r["source_line"] == bench["source_line"]),
                   None)
        if row is None:
            return []
        written = fmt_value(row["value"], row["comparator"], row["value_high"], row["unit"],
                            "vi", value_low=row["value"])
        return [self._add(f"nat:{indicator_id}:{year}:{row['source_line']}", {
            "document": row["source_doc"], "doc_id": None,
            "source_file": "data/reference/national_targets.csv",
            "line": int(row["source_line"]), "quote": f"{row['indicator_vi']}: {written}",
            "url": row.get("source_url"), "national": True})]

    def qualitative(self, row: Mapping[str, Any]) -> list[int]:
        """Source number of a qualitative target (its document, line and quote)."""
        return [self._add(f"qual:{row['qual_id']}", {
            "document": self.wh.doc_label(row["doc_id"]), "doc_id": row["doc_id"],
            "source_file": self.wh.document(row["doc_id"])["source_file"],
            "line": int(row["line"]), "quote": row["quote"], "url": None, "value_text": None})]

    def tooltip(self, numbers: Sequence[int]) -> str:
        """Hover text for a value: each source's document, line and quote."""
        parts = []
        for n in numbers:
            e = self._entries[n - 1]
            ref = label("line_ref", self.lang, doc=e["document"], line=e["line"])
            parts.append(f"[{n}] {ref}: «{clean_quote(e['quote'])}»")
        return "\n".join(parts)

    def refs_html(self, numbers: Sequence[int]) -> str:
        """Superscript links to the sources table, e.g. ``[1,2]``."""
        if not numbers:
            return ""
        links = ",".join(f'<a href="#src-{n}">{n}</a>' for n in numbers)
        return f'<sup class="vnh-ref">[{links}]</sup>'

    def short(self, numbers: Sequence[int]) -> str:
        """``48-KH/ĐU, dòng 146`` for the first source (for findings and chart hovers)."""
        if not numbers:
            return ""
        e = self._entries[numbers[0] - 1]
        if e.get("national"):
            # The line of a national target is in our reference CSV, not in the resolution.
            return str(e["document"])
        return label("line_ref", self.lang, doc=e["document"], line=e["line"])

    def html(self, *, compact: bool = False) -> str:
        """The sources table: number, document, file, line and quote (a link for national
        sources). ``compact`` (briefs) keeps the quote to the words around the number and
        leaves the file path out, so that the sources of a printed brief stay short; the
        document and line still lead to the full text."""
        if not self._entries:
            return ""
        lang = self.lang
        head = (f"<tr><th>#</th><th>{label('document', lang)}</th><th>{label('line', lang)}"
                f"</th><th>{label('quote', lang)}</th></tr>")
        rows = []
        for e in self._entries:
            doc = html.escape(str(e["document"]))
            if e.get("url"):
                doc += (f' <a class="vnh-url" href="{html.escape(str(e["url"]))}">'
                        f'{html.escape(_host(str(e["url"])))}</a>')
            if not compact:
                doc += f'<br><code>{html.escape(str(e["source_file"]))}</code>'
            quote = excerpt(e["quote"], e.get("value_text"), 110 if compact else 400)
            rows.append(
                f'<tr id="src-{e["n"]}"><td>{e["n"]}</td><td>{doc}</td><td>{e["line"]}</td>'
                f'<td class="vnh-quote">{highlight(quote, e.get("value_text"))}</td></tr>')
        cls = "vnh-table vnh-sources" + (" vnh-compact" if compact else "")
        return f'<table class="{cls}"><thead>{head}</thead><tbody>' + "".join(rows) + \
            "</tbody></table>"

    def __len__(self) -> int:
        return len(self._entries)


def clean_quote(text: Any) -> str:
    """A quoted source line as plain text: HTML tags dropped, entities decoded (``&gt;95`` →
    ``>95``), table pipes, tabs and runs of spaces made single spaces; NFC.

    >>> clean_quote("| Tuổi thọ\t| <b>70</b> &gt;95 |")
    'Tuổi thọ 70 >95'
    """
    if _isna(text):
        return ""
    # block tags part words; inline ones (<b>70</b>) do not
    # (only real tags: "<15%" and "< 5 tuổi" are comparisons, not markup)
    spaced = re.sub(r"</?(br|p|div|td|th|tr|li|ul|ol|table|h\d)(\s[^<>]*)?/?>", " ",
                    str(text), flags=re.IGNORECASE)
    plain = html.unescape(re.sub(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>", "", spaced))
    plain = html.unescape(plain)  # doubly escaped (&amp;gt;)
    plain = re.sub(r"[|\t\u00a0]+", " ", plain)
    return unicodedata.normalize("NFC", " ".join(plain.split()))


def excerpt(quote: str, value_text: Any = None, width: int = 110) -> str:
    """The part of a quoted line around the number it gives (whole when short), as clean text
    (:func:`clean_quote`), cut at word boundaries, with "…" wherever words were left out.

    >>> excerpt("a " * 80 + "tối thiểu 68 năm" + " b" * 80, "68 năm", 30)
    '… a a tối thiểu 68 năm b b b …'
    >>> excerpt("Tỷ lệ tiêm chủng <b>&gt;95</b>%\tđạt | mục tiêu đề ra năm 2030", ">95", 30)
    '… lệ tiêm chủng >95% đạt mục …'
    """
    text = clean_quote(quote)
    if len(text) <= width:
        return text
    needle = clean_quote(value_text) if not _isna(value_text) else ""
    at = text.find(needle) if needle else -1
    if at < 0:
        at, needle = 0, ""
    words = [(m.start(), m.end()) for m in _WORDS.finditer(text)]
    # the words the number sits in, then whole words either side while they fit
    first = next(k for k, (a, b) in enumerate(words) if b > at)
    last = max(k for k, (a, b) in enumerate(words) if a < at + max(len(needle), 1))
    while True:
        grown = False
        for side in (-1, 1):
            k0, k1 = (first - 1, last) if side < 0 else (first, last + 1)
            if k0 >= 0 and k1 < len(words) and words[k1][1] - words[k0][0] <= width - 4:
                first, last, grown = k0, k1, True
        if not grown:
            break
    if words[last][1] - words[first][0] > width - 4:
        return "…"
    return (("… " if first > 0 else "") + text[words[first][0]:words[last][1]]
            + (" …" if last < len(words) - 1 else ""))


def highlight(quote: str, value_text: Any) -> str:
    """An excerpt as HTML (escaped) with the number it gives marked (``<mark>``)."""
    escaped = html.escape(quote)
    needle = clean_quote(value_text) if not _isna(value_text) else ""
    if not needle:
        return escaped
    target = html.escape(needle)
    at = escaped.find(target)
    if at < 0:
        return escaped
    return f"{escaped[:at]}<mark>{target}</mark>{escaped[at + len(target):]}"


def _host(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0]


# ---------------------------------------------------------------------------------------------
# tables
# ---------------------------------------------------------------------------------------------
_WORDS = re.compile(r"\S+")
_TARGET_KINDS = ("target", "trajectory")
_METHOD_ORDER = {"stated": 0, "interpolated": 1, "carried_forward": 2, "missing": 3}
_KIND_ORDER = {"target": 0, "trajectory": 1}


def national_disagreement(wh: Warehouse, indicator_id: str, year: int, lang: str) -> str:
    """When national documents give different targets for one indicator and year, a sentence
    naming each value with its source and the one the report compares with (the benchmark,
    the same everywhere: :attr:`Warehouse.benchmarks`); else ``""``."""
    bench = wh.benchmarks.get((indicator_id, int(year)))
    if bench is None or not bench.get("national_conflict"):
        return ""
    unit = wh.unit_of(indicator_id)
    values: dict[str, list[str]] = {}
    for r in wh.national:
        if (r["indicator_id"] == indicator_id and int(r["year"]) == int(year)
                and r["kind"] == "target" and r["comparator"] != "relative"):
            v = wh.national_in_unit(r)
            written = fmt_value(v, r["comparator"], None if _isna(r["value_high"]) else
                                r["value_high"], unit, lang, value_low=r["value"])
            values.setdefault(written, []).append(str(r["source_doc"]))
    if len(values) < 2:
        return ""
    listing = "; ".join(f"{v} ({', '.join(dict.fromkeys(docs))})" for v, docs in values.items())
    chosen = fmt_value(bench["national_value"], bench["national_comparator"],
                       bench["national_value_high"], unit, lang,
                       value_low=bench["national_value_low"])
    return label("national.conflict", lang, indicator=wh.indicator_name(indicator_id, lang),
                 year=int(year), values=listing, chosen=chosen)


def reform_text(wh: Warehouse, province_id: str, year_a: int, year_b: int, lang: str
                ) -> str | None:
    """The note comparing a province's figures of ``year_a`` and ``year_b`` needs across the
    2025 reform, in ``lang`` (:func:`vnhealth.reform.note`; None when no note is needed)."""
    return reform.note(province_id, int(year_a), int(year_b), wh.lineage, lang)


def _first_by_key(rows: Iterable[dict[str, Any]], key: Any, rank: Any) -> dict[Any, dict[str, Any]]:
    """The best-ranked row per key; ties go to the earlier row."""
    best: dict[Any, tuple[Any, dict[str, Any]]] = {}
    for r in rows:
        k, score = key(r), rank(r)
        if k not in best or score < best[k][0]:
            best[k] = (score, r)
    return {k: v[1] for k, v in best.items()}


_COMPARISON_SQL = """
SELECT * FROM comparison
WHERE year = $year AND list_contains($provinces, province_id)
  AND list_contains($indicators, indicator_id) AND kind IN ('target', 'trajectory')
  AND method <> 'missing'
ORDER BY rowid"""


def comparison_table(wh: Warehouse, provinces: Sequence[str], indicators: Sequence[str],
                     year: int) -> Table:
    """Each province × indicator's target for ``year`` against the national target.

    One row per province × indicator (every pair, so that a missing target shows as missing):
    the warehouse's ``comparison`` row — the harmonized value (a target before a milestone,
    stated before interpolated), its interval, ``method``, ``obs_ids``, and the direction-aware
    ``national_value``, ``gap``, ``better_by``, ``ahead`` and ``assessment`` — plus the national
    target's interval (``national_value_low``/``national_value_high``, indicator unit) and
    ``relative_pct``: ``better_by`` as a percentage of the national value (for the heatmap).
    """
    year = int(year)
    found = wh.query(_COMPARISON_SQL, {"year": year, "provinces": list(provinces),
                                       "indicators": list(indicators)})
    picked = _first_by_key(found, lambda r: (r["province_id"], r["indicator_id"]),
                           lambda r: (_METHOD_ORDER.get(r["method"], 4),
                                      _KIND_ORDER.get(r["kind"], 2)))
    rows = []
    for p in provinces:
        for ind in indicators:
            bench = wh.benchmarks.get((ind, year), {})
            row = picked.get((p, ind))
            if row is None:
                row = {"province_id": p, "indicator_id": ind, "year": year, "kind": None,
                       "value": None, "value_low": None, "value_high": None,
                       "unit": wh.unit_of(ind), "method": "missing", "comparator": None,
                       "bound_kind": None, "obs_ids": None, "direction": wh.direction(ind),
                       "national_value": bench.get("national_value"),
                       "national_comparator": bench.get("national_comparator"),
                       "national_source": bench.get("national_source"), "gap": None,
                       "better_by": None, "ahead": None,
                       "assessment": "no provincial value" if bench else "no national value"}
            row = {**row, "national_value_low": bench.get("national_value_low"),
                   "national_value_high": bench.get("national_value_high")}
            b, n = row["better_by"], row["national_value"]
            row["relative_pct"] = (None if _isna(b) or _isna(n) or float(n) == 0
                                   else float(b) / abs(float(n)) * 100)
            rows.append(row)
    return Table(rows)


def national_pace(wh: Warehouse, indicator_id: str, target_year: int) -> dict[str, Any] | None:
    """The national yearly change to ``target_year`` (:func:`vnhealth.pace.national_pace`, the
    rule of the build's ``pace`` table): from the latest national actual before that year to
    the national benchmark for that year, in the indicator's unit; None without both."""
    bench = wh.benchmarks.get((indicator_id, int(target_year)))
    target = None
    if bench is not None:
        doc = next((r["source_doc"] for r in wh.national
                    if r["source_line"] == bench["source_line"]), None)
        target = {"value": bench["national_value"], "source_doc": doc}
    actuals = [{"year": int(r["year"]), "value": wh.national_in_unit(r),
                "source_doc": r["source_doc"]}
               for r in wh.national if r["indicator_id"] == indicator_id
               and r["kind"] == "actual" and r["comparator"] != "relative"]
    return national_pace_rule(target, actuals, int(target_year))


_POINTS_SQL = """
SELECT province_id, indicator_id, kind, year, value AS value_repr, comparator, obs_ids, unit
FROM harmonized
WHERE method = 'stated' AND year <= $year AND kind IN ('baseline', 'actual', 'target')
  AND list_contains($provinces, province_id)
  AND ($indicators IS NULL OR list_contains($indicators, indicator_id))
ORDER BY rowid"""


def pace_table(wh: Warehouse, provinces: Sequence[str], indicators: Sequence[str] | None,
               year: int) -> Table:
    """The yearly pace each plan requires (baseline → latest target up to ``year``) against the
    national pace; ``pace_ratio`` > 1 means faster than the national targets move.

    Only province × indicator pairs with both a baseline (or actual) and a target are listed: a
    pace needs both. :func:`vnhealth.pace.required_pace_rows` on the stated points of the
    ``harmonized`` table, so ranges are represented by their midpoint and relative targets
    resolved where a baseline exists.
    """
    points = wh.query(_POINTS_SQL, {"year": int(year), "provinces": list(provinces),
                                    "indicators": None if indicators is None
                                    else list(indicators)})
    kinds: dict[tuple[str, str], set[str]] = {}
    for r in points:
        kinds.setdefault((r["province_id"], r["indicator_id"]), set()).add(r["kind"])
    pairs = {k for k, v in kinds.items() if "target" in v and v & {"baseline", "actual"}}
    pace = [r for r in required_pace_rows(
        (r for r in points if (r["province_id"], r["indicator_id"]) in pairs), wh.lineage)
        if r["target_year"] is not None]
    for r in pace:
        n = national_pace(wh, r["indicator_id"], int(r["target_year"])) or {}
        r.update({"national_start_year": n.get("national_baseline_year"),
                  "national_start": n.get("national_baseline_value"),
                  "national_end_year": int(r["target_year"]) if n else None,
                  "national_end": n.get("national_target_value"),
                  "national_pace": n.get("national_pace_per_year"),
                  "national_source": n.get("national_source")})
        p, n = r["pace_per_year"], r["national_pace"]
        r["pace_ratio"] = None
        if _isna(p):
            r["pace_verdict"] = "no_baseline"
        elif _isna(n) or float(n) == 0:
            r["pace_verdict"] = "no_national_pace"
        else:
            ratio = r["pace_ratio"] = float(p) / float(n)
            if ratio < 0:
                r["pace_verdict"] = "opposite"
            elif math.isclose(ratio, 1.0, rel_tol=0.02):
                r["pace_verdict"] = "same_pace"
            else:
                # The ratio compares moves in the same direction (the national target's), so
                # it reads the same for higher- and lower-is-better indicators.
                r["pace_verdict"] = "faster" if ratio > 1 else "slower"
    return Table(pace, [*PACE_COLUMNS, "national_start_year", "national_start",
                        "national_end_year", "national_end", "national_pace",
                        "national_source", "pace_ratio", "pace_verdict"])


def coverage_table(wh: Warehouse, provinces: Sequence[str], indicators: Sequence[str] | None,
                   year: int) -> Table:
    """For each national indicator (with a national target for ``year``, or any year when there
    is none that year) and province: ``status`` ``covered`` (a target or milestone for ``year``,
    stated or interpolated), ``other_year`` (targets for other years only, in ``years``),
    ``relative`` (only changes such as "tăng thêm 10%" with no baseline to apply them to, for
    the ``years`` given) or ``none`` — a coverage gap."""
    wanted = None if indicators is None else set(indicators)
    nat = [r for r in wh.national if r["kind"] == "target"
           and (wanted is None or r["indicator_id"] in wanted)]
    in_year = [r for r in nat if int(r["year"]) == int(year)]
    national_ids = sorted({r["indicator_id"] for r in (in_year or nat)})
    covered = {(r["province_id"], r["indicator_id"]) for r in wh.query(
        "SELECT DISTINCT province_id, indicator_id FROM harmonized WHERE year = ? "
        "AND kind IN ('target', 'trajectory') AND method <> 'missing'", [int(year)])}
    stated: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for o in wh.observations:
        if o["kind"] in _TARGET_KINDS:
            stated.setdefault((o["province_id"], o["indicator_id"]), []).append(o)
    rows = []
    for p in provinces:
        for ind in national_ids:
            mine = stated.get((p, ind), [])
            absolute = sorted({int(o["year"]) for o in mine if o["comparator"] != "relative"})
            relative = sorted({int(o["year"]) for o in mine if o["comparator"] == "relative"})
            status, years = ("covered", absolute) if (p, ind) in covered else (
                ("other_year", absolute) if absolute else
                ("relative", relative) if relative else ("none", []))
            quals = wh.qualitative_for(p, ind) if status != "covered" else []
            if quals and status == "none":
                status, years = "qualitative", sorted({int(q["year"]) for q in quals})
            rows.append({"province_id": p, "indicator_id": ind, "status": status,
                         "years": years, "obs_ids": ",".join(str(o["obs_id"]) for o in mine),
                         "qualitative": quals})
    return Table(rows, ["province_id", "indicator_id", "status", "years", "obs_ids",
                        "qualitative"])


_PROFILE_KIND_ORDER = {"baseline": 0, "actual": 1, "trajectory": 2, "target": 3}


def profile_table(wh: Warehouse, province_id: str) -> Table:
    """Every observation of one province (targets, milestones, baselines) from the warehouse's
    ``observation_values``: in the indicator's unit, with the representative value and interval,
    by indicator and year."""
    rows = wh.query("SELECT * FROM observation_values WHERE province_id = ? ORDER BY rowid",
                    [province_id])
    return Table(sorted(rows, key=lambda r: (r["indicator_id"], r["year"],
                                             _PROFILE_KIND_ORDER.get(r["kind"], 4), r["line"])),
                 rows.columns)


# ---------------------------------------------------------------------------------------------
# HTML tables
# ---------------------------------------------------------------------------------------------
def _cell(text: str, *, title: str = "", cls: str = "", attrs: Mapping[str, Any] | None = None,
          refs: str = "") -> str:
    extra = "".join(f' data-{k}="{html.escape(str(v))}"' for k, v in (attrs or {}).items()
                    if not _isna(v))
    t = f' title="{html.escape(title)}"' if title else ""
    c = f' class="{cls}"' if cls else ""
    return f"<td{c}{t}{extra}>{html.escape(text)}{refs}</td>"


def _verdict_class(row: Mapping[str, Any]) -> str:
    ahead = row.get("ahead")
    if _isna(ahead) or row.get("assessment") in ("no national value", "no provincial value"):
        return ""
    if row.get("assessment") in ("level with national", "within band",
                                 "as close to band as national"):
        return "vnh-level"
    return "vnh-better" if bool(ahead) else "vnh-worse"


def table_html(wh: Warehouse, table: Sequence[dict[str, Any]], book: SourceBook, *,
               show_national: bool = True) -> str:
    """A comparison table: indicators down, provinces (and the national target) across.

    Each value cell shows the target as written in the report's language, its source numbers
    (linked to the sources table) and, on hover, the document, line and quote. Cells carry
    ``data-province``, ``data-indicator``, ``data-year`` and ``data-value`` (the representative
    value in the indicator's unit) so that tests and scripts can read them back.
    """
    lang = book.lang
    provinces = list(dict.fromkeys(r["province_id"] for r in table))
    indicators = list(dict.fromkeys(r["indicator_id"] for r in table))
    head = [f"<th>{label('indicator', lang)}</th>"]
    head += [f"<th>{html.escape(wh.province_name(p, lang))}</th>" for p in provinces]
    if show_national:
        head.append(f"<th>{label('national_target', lang)}</th>")
    rows = []
    by_key = {(r["province_id"], r["indicator_id"]): r for r in table}
    empty = [i for i in indicators
             if all(_isna(by_key[(p, i)]["value"]) and not wh.qualitative_for(p, i)
                    for p in provinces)
             and _isna(by_key[(provinces[0], i)]["national_value"])]
    conflicts: list[str] = []
    for ind in indicators:
        if ind in empty:
            continue
        cells = [f'<th scope="row">{html.escape(wh.indicator_name(ind, lang))}</th>']
        year = None
        for p in provinces:
            r = by_key[(p, ind)]
            year = int(r["year"])
            attrs = {"province": p, "indicator": ind, "year": year,
                     "value": None if _isna(r["value"]) else repr(float(r["value"])),
                     "method": r["method"]}
            if _isna(r["value"]):
                quals = wh.qualitative_for(p, ind)
                if quals:
                    q = quals[0]
                    refs = book.qualitative(q)
                    text = label("qualitative.cell", lang, year=int(q["year"]),
                                 name=q["name_vi" if lang == "vi" else "name_en"])
                    cells.append(_cell(text, title=book.tooltip(refs), cls="vnh-qualitative",
                                       attrs={**attrs, "qualitative": q["target_id"]},
                                       refs=book.refs_html(refs)))
                    continue
                cells.append(_cell("—", title=label("no_target_year", lang, year=year),
                                   cls="vnh-missing", attrs=attrs))
                continue
            numbers = book.observations(r["obs_ids"])
            text = fmt_value(r["value"], r["comparator"], r["value_high"], r["unit"], lang,
                             value_low=r["value_low"])
            if r["method"] == "interpolated":
                text = "≈ " + fmt_value(r["value"], None, None, r["unit"], lang)
            tip = f"{label(r['method'], lang)}; {label(str(r['assessment']), lang)}\n"
            tip += book.tooltip(numbers)
            cls = " ".join(c for c in ("vnh-value", _verdict_class(r),
                                       "vnh-interp" if r["method"] == "interpolated" else "")
                           if c)
            cells.append(_cell(text, title=tip, cls=cls, attrs=attrs,
                               refs=book.refs_html(numbers)))
        if show_national:
            first = by_key[(provinces[0], ind)]
            attrs = {"province": "national", "indicator": ind, "year": year,
                     "value": None if _isna(first["national_value"])
                     else repr(float(first["national_value"]))}
            if _isna(first["national_value"]):
                cells.append(_cell("—", cls="vnh-missing", attrs=attrs))
            else:
                numbers = book.national(ind, int(year))
                text = fmt_value(first["national_value"], first["national_comparator"],
                                 first["national_value_high"], wh.unit_of(ind), lang,
                                 value_low=first["national_value_low"])
                other = national_disagreement(wh, ind, int(year), lang)
                if other:
                    conflicts.append(other)
                    text += " *"
                cells.append(_cell(text, title="\n".join(x for x in (book.tooltip(numbers),
                                                                      other) if x),
                                   cls="vnh-national", attrs=attrs,
                                   refs=book.refs_html(numbers)))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    note = ""
    if empty:
        year = int(table[0]["year"])
        names = "; ".join(wh.indicator_name(i, lang) for i in empty)
        note = (f'<p class="vnh-meta">{html.escape(label("no_target_any", lang, year=year))}: '
                f"{html.escape(names)}</p>")
    note += "".join(f'<p class="vnh-note vnh-national-conflict">* {html.escape(c)}</p>'
                    for c in conflicts)
    return (f'<table class="vnh-table vnh-comparison"><thead><tr>{"".join(head)}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>{note}')


def ambition_html(wh: Warehouse, table: Sequence[dict[str, Any]], book: SourceBook) -> str:
    """Ambition gaps, worst first: province, indicator, target, national target, gap and the
    direction-aware assessment (rows without both values are left out)."""
    lang = book.lang
    data = sorted((r for r in table if not _isna(r["value"]) and not _isna(r["national_value"])),
                  key=lambda r: (_isna(r["relative_pct"]), r["relative_pct"] or 0.0))
    if not data:
        return f"<p>{label('none_found', lang)}</p>"
    head = [label(k, lang) for k in ("province", "indicator", "target", "national_target",
                                     "gap", "assessment")]
    rows = []
    conflicts: list[str] = []
    for r in data:
        mine = book.observations(r["obs_ids"])
        nat = book.national(r["indicator_id"], int(r["year"]))
        value = fmt_value(r["value"], r["comparator"], r["value_high"], r["unit"], lang,
                          value_low=r["value_low"])
        if r["method"] == "interpolated":
            value = "≈ " + fmt_value(r["value"], None, None, r["unit"], lang)
        national = fmt_value(r["national_value"], r["national_comparator"],
                             r["national_value_high"], r["unit"], lang,
                             value_low=r["national_value_low"])
        other = national_disagreement(wh, r["indicator_id"], int(r["year"]), lang)
        if other:
            national += " *"
            if other not in conflicts:
                conflicts.append(other)
        cls = _verdict_class(r)
        attrs = {"province": r["province_id"], "indicator": r["indicator_id"],
                 "value": repr(float(r["value"])), "gap": repr(float(r["gap"]))}
        rows.append(
            "<tr>" + _cell(wh.province_name(r["province_id"], lang))
            + _cell(wh.indicator_name(r["indicator_id"], lang))
            + _cell(value, title=book.tooltip(mine), cls="vnh-value", attrs=attrs,
                    refs=book.refs_html(mine))
            + _cell(national, title=book.tooltip(nat), cls="vnh-national",
                    refs=book.refs_html(nat))
            + _cell(fmt_change(r["gap"], r["unit"], lang), cls=f"vnh-value {cls}")
            + _cell(label(str(r["assessment"]), lang), cls=cls) + "</tr>")
    return _table(head, rows, "vnh-ambition") + "".join(
        f'<p class="vnh-note vnh-national-conflict">* {html.escape(c)}</p>' for c in conflicts)


def pace_html(wh: Warehouse, pace: Sequence[dict[str, Any]], book: SourceBook) -> str:
    """Required pace per plan: baseline → target, pace a year, national pace, and the verdict;
    a reform note where the span crosses the 2025 reorganization."""
    lang = book.lang
    if not pace:
        return f"<p>{label('none_found', lang)}</p>"
    head = [label(k, lang) for k in ("province", "indicator", "baseline", "target", "pace",
                                     "national_pace", "pace_ratio")]
    rows = []
    for r in pace:
        unit = wh.unit_of(r["indicator_id"])
        base_refs = book.observations(r.get("baseline_obs_ids"))
        targ_refs = book.observations(r.get("target_obs_ids"))
        base = ("—" if _isna(r["baseline_value"]) else
                f"{fmt_value(r['baseline_value'], None, None, unit, lang)} ({int(r['baseline_year'])})")  # noqa: E501
        targ = (f"{fmt_value(r['target_value'], r['target_comparator'], None, unit, lang)}"
                f" ({int(r['target_year'])})")
        nat = ("—" if _isna(r.get("national_pace")) else
               f"{fmt_change(r['national_pace'], unit, lang)} "
               f"({int(r['national_start_year'])}–{int(r['national_end_year'])})")
        verdict = label(r["pace_verdict"], lang)
        if not _isna(r.get("pace_ratio")):
            verdict = f"×{fmt_number(r['pace_ratio'], lang, 1)} · {verdict}"
        note = ""
        if not _isna(r.get("reform_note")):
            text = reform_text(wh, r["province_id"], int(r["baseline_year"]),
                               int(r["target_year"]), lang)
            note = f'<br><span class="vnh-note">{html.escape(str(text))}</span>'
        attrs = {"province": r["province_id"], "indicator": r["indicator_id"],
                 "pace": None if _isna(r["pace_per_year"]) else repr(float(r["pace_per_year"]))}
        rows.append(
            "<tr>" + _cell(wh.province_name(r["province_id"], lang))
            + _cell(wh.indicator_name(r["indicator_id"], lang))
            + _cell(base, title=book.tooltip(base_refs), refs=book.refs_html(base_refs))
            + _cell(targ, title=book.tooltip(targ_refs), refs=book.refs_html(targ_refs))
            + _cell(fmt_change(r["pace_per_year"], unit, lang), cls="vnh-value", attrs=attrs)
            + _cell(nat, cls="vnh-value")
            + f"<td>{html.escape(verdict)}{note}</td></tr>")
    return _table(head, rows, "vnh-pace")


def coverage_html(wh: Warehouse, coverage: Sequence[dict[str, Any]], book: SourceBook,
                  year: int) -> str:
    """Coverage gaps: for each province, the national indicators it sets no target for (and
    those with targets for other years only, with their sources)."""
    lang = book.lang
    gaps = [r for r in coverage if r["status"] != "covered"]
    if not gaps:
        return f"<p>{label('none_found', lang)}</p>"
    head = [label(k, lang) for k in ("province", "indicator", "coverage")]
    rows = []
    for r in gaps:
        refs = book.observations(r["obs_ids"])
        text = label(f"coverage.{r['status']}", lang, year=year,
                     years=", ".join(str(y) for y in r["years"]))
        for q in r.get("qualitative") or []:
            refs += book.qualitative(q)
            if r["status"] != "qualitative":
                text += "; " + label("qualitative.cell", lang, year=int(q["year"]),
                                     name=q["name_vi" if lang == "vi" else "name_en"])
        rows.append("<tr>" + _cell(wh.province_name(r["province_id"], lang))
                    + _cell(wh.indicator_name(r["indicator_id"], lang))
                    + _cell(text, title=book.tooltip(refs), refs=book.refs_html(refs),
                            cls="vnh-worse" if r["status"] == "none" else "",
                            attrs={"province": r["province_id"],
                                   "indicator": r["indicator_id"], "status": r["status"]})
                    + "</tr>")
    return _table(head, rows, "vnh-coverage")


def profile_html(wh: Warehouse, profile: Sequence[dict[str, Any]], book: SourceBook) -> str:
    """Every statement of one province: indicator, kind, year, value as written, source."""
    lang = book.lang
    if not profile:
        return f"<p>{label('none_found', lang)}</p>"
    head = [label(k, lang) for k in ("indicator", "kind", "year", "value")]
    rows = []
    for r in profile:
        refs = book.observations(r["obs_id"])
        value = fmt_value(r["value"], r["comparator"], r["value_high"], r["unit"], lang,
                          value_low=r["value_low"])
        if r.get("derived_from_relative"):
            value += f" ({r['relative_rule']})"
        rows.append("<tr>" + _cell(wh.indicator_name(r["indicator_id"], lang))
                    + _cell(label(r["kind"], lang)) + _cell(str(int(r["year"])))
                    + _cell(value, title=book.tooltip(refs), refs=book.refs_html(refs),
                            cls="vnh-value",
                            attrs={"indicator": r["indicator_id"], "year": int(r["year"]),
                                   "value": repr(float(r["value"]))
                                   if not _isna(r["value"]) else None})
                    + "</tr>")
    return _table(head, rows, "vnh-profile")


def qualitative_html(wh: Warehouse, provinces: Sequence[str], indicators: Sequence[str] | None,
                     book: SourceBook, domain: str = "") -> str:
    """The provinces' qualitative targets on the topic (speaking to one of ``indicators`` or
    belonging to their domains, or ``domain``), each with its source; ``""`` when none."""
    lang = book.lang
    wanted = set(indicators or [])
    domains = {domain} if domain else {str(wh.indicator(i)["domain"]) for i in wanted}
    items = []
    for p in provinces:
        found: dict[tuple[str, int], dict[str, Any]] = {}
        for q in wh.qualitative:
            inds, dom = QUALITATIVE_TOPICS.get(q["target_id"], ((), ""))
            if q["province_id"] == p and (indicators is None or dom in domains
                                          or wanted & set(inds)):
                found.setdefault((q["target_id"], int(q["year"])), q)
        for q in found.values():
            refs = book.qualitative(q)
            text = label("qualitative.item", lang, province=wh.province_name(p, lang),
                         year=int(q["year"]), name=q["name_vi" if lang == "vi" else "name_en"])
            items.append(f'<li data-province="{html.escape(p)}" '
                         f'data-qualitative="{html.escape(str(q["target_id"]))}">'
                         f"{html.escape(text)}{book.refs_html(refs)}</li>")
    if not items:
        return ""
    return (f'<div class="vnh-qualitative"><p>{html.escape(label("qualitative.intro", lang))}'
            f'</p><ul>{"".join(items)}</ul></div>')


def documents_html(wh: Warehouse, province_ids: Sequence[str], lang: str) -> str:
    """The source documents of some provinces: number or title, period, issue date, file and
    the SHA-256 of its bytes (so a reader can check the text used is the one cited)."""
    docs = [d for d in wh.documents if d["province_id"] in set(province_ids)]
    head = [label(k, lang) for k in ("document", "period", "issued")] + ["file",
                                                                         label("sha256", lang)]
    rows = []
    for d in docs:
        number = d["doc_number"] if not _isna(d["doc_number"]) else ""
        title = f"{number} — {d['title']}" if number else str(d["title"])
        issued = "—" if _isna(d["issued_on"]) else str(d["issued_on"])[:10]
        rows.append("<tr>" + _cell(title) + _cell(f"{d['period_start']}–{d['period_end']}")
                    + _cell(issued) + f"<td><code>{html.escape(str(d['source_file']))}</code>"
                    f"</td><td><code>{html.escape(str(d['sha256'])[:16])}…</code></td></tr>")
    return _table(head, rows, "vnh-documents")


def _table(head: Sequence[str], rows: Sequence[str], cls: str) -> str:
    th = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    return (f'<table class="vnh-table {cls}"><thead><tr>{th}</tr></thead><tbody>'
            + "".join(rows) + "</tbody></table>")


def reform_notes(wh: Warehouse, provinces: Sequence[str], year_a: int, year_b: int,
                 lang: str) -> list[str]:
    """Reform notes for the provinces whose figures of ``year_a`` and ``year_b`` straddle the
    2025 reorganization (each province's plan years against the report year)."""
    notes = []
    for p in provinces:
        years = [int(o["year"]) for o in wh.observations if o["province_id"] == p]
        first = min(years) if years else int(year_a)
        text = reform_text(wh, p, min(first, int(year_a)), int(year_b), lang)
        if text:
            notes.append(text)
    return notes


def notes(texts: Iterable[str]) -> None:
    """Display reform notes (or any caveats) as highlighted paragraphs."""
    for text in texts:
        display_html(f'<p class="vnh-note">{html.escape(text)}</p>')


# ---------------------------------------------------------------------------------------------
# display
# ---------------------------------------------------------------------------------------------
_FIGURE_IDS = itertools.count(1)


def display_html(markup: str) -> None:
    """Show HTML in the notebook (and in the exported report)."""
    from IPython.display import display

    display({"text/html": markup, "text/plain": _strip_tags(markup)}, raw=True)


def _strip_tags(markup: str) -> str:
    import re

    return html.unescape(re.sub(r"<[^>]+>", " ", markup)).strip()


def heading(text: str, level: int = 2) -> None:
    """A section heading in the report's language (markdown cells are the notebook's own notes
    and are left out of rendered reports)."""
    display_html(f"<h{level}>{html.escape(text)}</h{level}>")


def paragraph(text: str, cls: str = "") -> None:
    """Show a paragraph of text (escaped) in the report."""
    c = f' class="{cls}"' if cls else ""
    display_html(f"<p{c}>{html.escape(text)}</p>")


def bullets(items: Iterable[str], cls: str = "vnh-findings") -> None:
    """Show a bulleted list (findings, by default styled as such)."""
    lis = "".join(f"<li>{html.escape(i)}</li>" for i in items)
    display_html(f'<ul class="{cls}">{lis}</ul>')


def header(title: str, wh: Warehouse, lang: str, *, provinces: Sequence[str] = (),
           topic: str = "") -> None:
    """The report's title and a line saying which data and parameters it shows."""
    names = ", ".join(wh.province_name(p, lang) for p in provinces) or "—"
    meta = label("meta", lang, build=wh.build_hash[:12], provinces=names,
                 topic=topic or label("all_indicators", lang))
    display_html(f'<h1>{html.escape(title)}</h1><p class="vnh-meta">{html.escape(meta)}</p>')


def topic_label(wh: Warehouse, domain: str, indicators: Sequence[str], lang: str) -> str:
    """``Tuổi thọ và tầm vóc`` for a domain, else the indicator names (up to three)."""
    if domain:
        return domain_label(domain, lang)
    names = [wh.indicator_name(i, lang) for i in indicators]
    return "; ".join(names[:3]) + ("…" if len(names) > 3 else "")


def figure_bundle(fig: Any) -> dict[str, Any]:
    """A display bundle for a figure (:class:`vnhealth.figures.Figure`, or a plotly figure).

    ``application/vnd.plotly.v1+json`` is drawn by JupyterLab's plotly extension; ``text/html``
    (a ``<div>`` and a call to ``Plotly.newPlot``) is what nbconvert keeps, and it expects the
    page to load plotly.js once — the local copy :mod:`vnhealth.render` provides — instead of
    embedding 4.6 MB per chart or fetching it from a CDN.
    """
    spec = fig.to_dict() if isinstance(fig, Figure) else json.loads(fig.to_json())
    payload = json.dumps(spec, ensure_ascii=False, separators=(",", ":"))
    layout = spec.get("layout", {})
    height = int(layout.get("height") or 450)
    width = f"{int(layout['width'])}px" if layout.get("width") else "100%"
    div_id = f"vnh-fig-{next(_FIGURE_IDS)}"
    config = json.dumps(PLOTLY_CONFIG)
    # "</" inside a JSON string would end the <script> element early.
    safe = payload.replace("</", "<\\/")
    markup = (
        f'<div id="{div_id}" class="vnh-chart" style="height:{height}px;width:{width};"></div>'
        f'<script type="text/javascript">(function(){{var f={safe};'
        f'if(window.Plotly){{Plotly.newPlot("{div_id}",f.data,f.layout,{config});}}}})();'
        "</script>")
    return {"application/vnd.plotly.v1+json": {**spec, "config": PLOTLY_CONFIG},
            "text/html": markup, "text/plain": f"<plotly figure {div_id}>"}


def show(fig: Any) -> None:
    """Display a plotly figure (see :func:`figure_bundle`)."""
    from IPython.display import display

    display(figure_bundle(fig), raw=True)


def sql_magic(con: Any, alias: str = "warehouse") -> None:
    """Load jupysql in the running notebook on ``con`` (a read-only DuckDB connection).

    Telemetry and the version check are turned off first; results come back as DataFrames;
    jupysql's start-up chatter (e.g. about optional config packages) is kept out of reports.
    """
    from IPython import get_ipython
    from IPython.utils.capture import capture_output

    quiet_telemetry()
    ip = get_ipython()
    if ip is None:
        raise RuntimeError("sql_magic() needs a running IPython kernel")
    # jupysql announces, as display output, that it could read settings from pyproject.toml
    # with the optional `toml` package; that note is not for report readers.
    with capture_output(stdout=True, stderr=False, display=True):
        ip.run_line_magic("load_ext", "sql")
        for setting in ("SqlMagic.displaycon = False", "SqlMagic.feedback = 0",
                        "SqlMagic.autopandas = True", "SqlMagic.displaylimit = 20"):
            ip.run_line_magic("config", setting)
        ip.user_ns["_vnh_sql_con"] = con
        ip.run_line_magic("sql", f"_vnh_sql_con --alias {alias}")


def quiet_telemetry() -> None:
    """Turn off jupysql's (ploomber) telemetry and version check: no network from notebooks."""
    os.environ["PLOOMBER_STATS_ENABLED"] = "false"
    os.environ["PLOOMBER_VERSION_CHECK_DISABLED"] = "1"


# ---------------------------------------------------------------------------------------------
# charts
# ---------------------------------------------------------------------------------------------
def _wrap(text: str, width: int = 28) -> str:
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "<br>".join(lines)


def _layout(fig: Figure, title: str, *, width: int | None, height: int, top: int = 60
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


def _subplots(lang: str, rows: int, cols: int, titles: Sequence[str], **spacing: float
              ) -> Figure:
    return make_subplots(rows, cols, titles, lang=lang, title_font={"size": 11}, **spacing)


def _empty(lang: str, text: str, title: str, width: int | None) -> Figure:
    """A chart with nothing to draw: its title and a note saying why, without empty axes."""
    fig = Figure(lang)
    fig.add_annotation(text=text, showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5)
    fig.update_layout(xaxis={"visible": False}, yaxis={"visible": False})
    return _layout(fig, title, width=width, height=200)


def _domain_axis(k: int) -> str:
    """The axis suffix of the k-th subplot (0-based): "", "2", "3" …"""
    return "" if k == 0 else str(k + 1)


# How a value is drawn: a point as a filled dot; a bound as an open triangle pointing the
# way the target allows (▲ at least, ▼ at most), so that "> 95" never reads as exactly 95; a
# range as a band from its low to its high end, never collapsed to its midpoint.
_BOUND_SYMBOLS = {"lower": "triangle-up-open", "upper": "triangle-down-open"}


def _shape_of(row: Mapping[str, Any]) -> str:
    """``point``, ``lower``, ``upper`` or ``range``: from ``bound_kind`` when the row has one,
    else from the comparator."""
    kind = row.get("bound_kind")
    if not _isna(kind) and kind in ("point", "lower", "upper", "range"):
        return str(kind)
    comp = row.get("comparator")
    return {">": "lower", ">=": "lower", "<": "upper", "<=": "upper",
            "range": "range"}.get("" if _isna(comp) else str(comp), "point")


def _written(row: Mapping[str, Any], lang: str, *, unit: bool = False) -> str:
    """The value as written, comparator included (``> 95``, ``4–5``, ``≈ 95,1``)."""
    text = fmt_value(row["value"], row.get("comparator"), row.get("value_high"),
                     row.get("unit") if unit else None, lang, value_low=row.get("value_low"))
    return ("≈ " + text) if row.get("method") == "interpolated" else text


def _add_value(fig: Figure, x: Sequence[Any], rows: Sequence[Mapping[str, Any]], colour: str,
               lang: str, *, hover: Sequence[str], name: str, legendgroup: str,
               showlegend: bool, row: int | None = None, col: int | None = None,
               size: int = 11, text: bool = True, textposition: str = "middle right",
               horizontal: bool = False, mode_lines: bool = False,
               opacity: float | None = None) -> None:
    """Draw values as what they are: dots, open triangles for bounds, bands for ranges; each
    labelled with its comparator (``≥ 95``). ``horizontal``: values on the x axis."""
    bands = [(xx, r) for xx, r in zip(x, rows, strict=True) if _shape_of(r) == "range"
             and not _isna(r.get("value_low")) and not _isna(r.get("value_high"))]
    for xx, r in bands:
        ends = [float(r["value_low"]), float(r["value_high"])]
        pos = [xx, xx]
        fig.add_scatter(x=ends if horizontal else pos, y=pos if horizontal else ends,
                        mode="lines", line={"color": colour, "width": 12}, opacity=0.35,
                        hoverinfo="skip", showlegend=False, legendgroup=legendgroup,
                        row=row, col=col)
    symbols, fills = [], []
    for r in rows:
        shape = _shape_of(r)
        symbols.append(_BOUND_SYMBOLS.get(shape, "circle-open" if shape == "range"
                                          or r.get("method") == "interpolated" else "circle"))
        fills.append("#fff" if shape == "range" or r.get("method") == "interpolated"
                     else colour)
    values = [float(r["value"]) for r in rows]
    fig.add_scatter(
        x=values if horizontal else list(x), y=list(x) if horizontal else values,
        mode=("lines+" if mode_lines else "") + ("markers+text" if text else "markers"),
        line={"color": colour, "width": 2} if mode_lines else None,
        marker={"symbol": symbols, "size": size, "color": fills,
                "line": {"color": colour, "width": 2}},
        text=[_written(r, lang) for r in rows] if text else None,
        textposition=textposition if text else None,
        textfont={"size": 10, "color": "#333"} if text else None,
        hovertext=list(hover), hoverinfo="text", name=name, legendgroup=legendgroup,
        showlegend=showlegend, row=row, col=col, opacity=opacity)


def _shape_legend(fig: Figure, shapes: set[str], lang: str, row: int, col: int) -> None:
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
                            marker={"symbol": _BOUND_SYMBOLS[shape], "size": 10,
                                    "color": "#fff", "line": {"color": "#555", "width": 2}},
                            name=label(f"legend.{shape}", lang), row=row, col=col)


def interval_bars(wh: Warehouse, table: Sequence[dict[str, Any]], lang: str, *,
                  width: int | None = None) -> Figure:
    """Each province's target per indicator (one panel per indicator, since units differ) on
    an axis fitted to the values (not bars from zero): a point as a dot, a bound as an open
    triangle (▲ at least, ▼ at most), a range as a band, each labelled as written
    (``≥ 95``, ``4–5``); the national target as a dashed line (a band for a national range)."""
    data = [r for r in table if not _isna(r["value"])]
    indicators = list(dict.fromkeys(r["indicator_id"] for r in data))
    year = int(table[0]["year"]) if table else 0
    title = label("chart.bars", lang, year=year)
    if not indicators:
        return _empty(lang, label("none_found", lang), title, width)
    cols = min(3, len(indicators))
    nrows = math.ceil(len(indicators) / cols)
    titles = [_wrap(f"{wh.indicator_name(i, lang)} ({unit_label(wh.unit_of(i), lang)})", 34)
              for i in indicators]
    fig = _subplots(lang, nrows, cols, titles, vertical_spacing=0.22 / max(nrows, 1) + 0.08,
                    horizontal_spacing=0.08)
    shown: set[str] = set()
    shapes: set[str] = set()
    book = SourceBook(wh, lang)
    for k, ind in enumerate(indicators):
        r, c = k // cols + 1, k % cols + 1
        sub = [row for row in data if row["indicator_id"] == ind]
        for row in sub:
            p = row["province_id"]
            name = wh.province_name(p, lang)
            numbers = book.observations(row["obs_ids"])
            hover = (f"{name}<br>{_written(row, lang, unit=True)}<br>"
                     f"{label(row['method'], lang)}"
                     f"<br>{label('hover.source', lang)}: {book.short(numbers)}")
            _add_value(fig, [name], [row], wh.colour(p), lang, hover=[hover], name=name,
                       legendgroup=p, showlegend=p not in shown, row=r, col=c)
            shown.add(p)
            shapes.add(_shape_of(row))
        nat = sub[0]
        if not _isna(nat["national_value"]):
            axis = _domain_axis(k)
            if nat["national_comparator"] == "range" and not _isna(nat["national_value_high"]):
                fig.add_shape(type="rect", xref=f"x{axis} domain", yref=f"y{axis}", x0=0, x1=1,
                              y0=float(nat["national_value_low"]),
                              y1=float(nat["national_value_high"]),
                              fillcolor="#999", opacity=0.2, line={"width": 0})
            fig.add_shape(type="line", xref=f"x{axis} domain", yref=f"y{axis}", x0=0, x1=1,
                          y0=float(nat["national_value"]), y1=float(nat["national_value"]),
                          line={"color": "#444", "dash": "dash", "width": 1.5})
            written = fmt_value(nat["national_value"], nat["national_comparator"],
                                nat["national_value_high"], None, lang,
                                value_low=nat["national_value_low"])
            fig.add_annotation(text=f"{label('national', lang)} {written}", showarrow=False,
                               xref=f"x{axis} domain", yref=f"y{axis}", x=0, xanchor="left",
                               y=float(nat["national_value"]), yanchor="bottom",
                               font={"size": 9, "color": "#444"})
            if "national" not in shown:
                fig.add_scatter(x=[None], y=[None], mode="lines",
                                line={"color": "#444", "dash": "dash"},
                                name=label("national_target", lang), row=r, col=c)
                shown.add("national")
    _shape_legend(fig, shapes, lang, 1, 1)
    fig.update_xaxes(tickfont={"size": 10})
    # a little room above and below the marks for their labels
    for k, ind in enumerate(indicators):
        vals = [float(v) for row in data if row["indicator_id"] == ind
                for v in (row["value"], row.get("value_low"), row.get("value_high"),
                          row["national_value"]) if not _isna(v)]
        lo, hi = min(vals), max(vals)
        pad = (hi - lo) * 0.25 or max(abs(hi) * 0.05, 0.5)
        fig.layout.setdefault(f"yaxis{_domain_axis(k)}", {})["range"] = [lo - pad, hi + pad]
        fig.layout.setdefault(f"xaxis{_domain_axis(k)}", {})["range"] = [-0.6, len(
            {row["province_id"] for row in data if row["indicator_id"] == ind}) - 0.1]
    # Print (fixed width) gets shorter panels so that a brief stays a few pages.
    return _layout(fig, title, width=width, height=150 + (170 if width else 260) * nrows,
                   top=105)


def dumbbells(wh: Warehouse, pace: Sequence[dict[str, Any]],
              comparison: Sequence[dict[str, Any]] | None, lang: str, *,
              width: int | None = None) -> Figure:
    """From each province's baseline to its target, one panel per indicator (units differ);
    the national target for the report year, when there is one, as a dashed line."""
    data = [r for r in pace if not _isna(r["baseline_value"]) and not _isna(r["target_value"])]
    indicators = list(dict.fromkeys(r["indicator_id"] for r in data))
    if not indicators:
        return _empty(lang, label("none_found", lang), label("chart.dumbbells", lang), width)
    titles = [_wrap(f"{wh.indicator_name(i, lang)} ({unit_label(wh.unit_of(i), lang)})", 60)
              for i in indicators]
    fig = _subplots(lang, len(indicators), 1, titles, vertical_spacing=0.5 / len(indicators)
                    if len(indicators) > 1 else 0.1)
    shown: set[str] = set()
    shapes: set[str] = set()
    # the targets as stated (comparator, range ends), so that bounds and ranges are drawn so
    targets = {(t["province_id"], t["indicator_id"], int(t["year"])): t for t in wh.query(
        "SELECT province_id, indicator_id, year, value, value_low, value_high, comparator, "
        "bound_kind, unit FROM harmonized WHERE method = 'stated' AND kind = 'target' "
        "AND list_contains($p, province_id) AND list_contains($i, indicator_id) "
        "ORDER BY rowid", {"p": sorted({r["province_id"] for r in data}), "i": indicators})}
    for k, ind in enumerate(indicators):
        unit = wh.unit_of(ind)
        for row in (r for r in data if r["indicator_id"] == ind):
            p = row["province_id"]
            name = wh.province_name(p, lang)
            x0, x1 = float(row["baseline_value"]), float(row["target_value"])
            y0, y1 = int(row["baseline_year"]), int(row["target_year"])
            tip = label("from_to", lang, start=fmt_value(x0, None, None, unit, lang), y0=y0,
                        end=fmt_value(x1, None, None, unit, lang), y1=y1)
            if not _isna(row.get("reform_note")):
                tip += "<br>" + str(reform_text(wh, p, y0, y1, lang))
            fig.add_scatter(x=[x0, x1], y=[name, name], mode="lines+markers+text",
                            line={"color": wh.colour(p), "width": 3},
                            marker={"size": [9, 0], "color": [wh.colour(p), "#fff"],
                                    "line": {"color": wh.colour(p), "width": 2}},
                            text=[f"{fmt_number(x0, lang)} ({y0})", str(y1)],
                            textposition=["top center", "bottom center"],
                            textfont={"size": 10}, hovertext=[tip, tip], hoverinfo="text",
                            name=name, legendgroup=p, showlegend=p not in shown,
                            row=k + 1, col=1)
            target = targets.get((p, ind, y1)) or {
                "value": x1, "comparator": row.get("target_comparator"), "unit": unit}
            _add_value(fig, [name], [{**target, "method": "stated"}], wh.colour(p), lang,
                       hover=[tip], name=name, legendgroup=p, showlegend=False, row=k + 1,
                       col=1, size=13, textposition="top center", horizontal=True)
            shapes.add(_shape_of(target))
            shown.add(p)
        # Provinces with a target but no baseline are named in the panel, not left out.
        drawn = {r["province_id"] for r in data if r["indicator_id"] == ind}
        for r in comparison or ():
            if (r["indicator_id"] != ind or r["province_id"] in drawn or _isna(r["value"])
                    or r["method"] != "stated"):
                continue
            name = wh.province_name(r["province_id"], lang)
            fig.add_scatter(x=[float(r["value"])], y=[name], mode="markers+text",
                            marker={"size": 9, "color": "#fff", "symbol": "circle-open",
                                    "line": {"color": wh.colour(r["province_id"]),
                                             "width": 2}},
                            text=[f"{_written(r, lang)} · {label('no_baseline', lang)}"],
                            textposition="middle left", textfont={"size": 10},
                            hoverinfo="text", hovertext=[label("no_baseline", lang)],
                            name=name, legendgroup=r["province_id"], showlegend=False,
                            row=k + 1, col=1)
        national = [r["national_value"] for r in comparison or ()
                    if r["indicator_id"] == ind and not _isna(r["national_value"])]
        if national:
            axis = _domain_axis(k)
            fig.add_shape(type="line", xref=f"x{axis}", yref=f"y{axis} domain",
                          x0=float(national[0]), x1=float(national[0]), y0=0, y1=1,
                          line={"color": "#444", "dash": "dash", "width": 1.5})
            if "national" not in shown:
                fig.add_scatter(x=[None], y=[None], mode="lines",
                                line={"color": "#444", "dash": "dash"},
                                name=label("national_target", lang), row=k + 1, col=1)
                shown.add("national")
    _shape_legend(fig, shapes, lang, 1, 1)
    fig.update_yaxes(automargin=True)
    return _layout(fig, label("chart.dumbbells", lang), width=width,
                   height=150 + (85 if width else 150) * len(indicators), top=90)


def heatmap(wh: Warehouse, table: Sequence[dict[str, Any]], lang: str, *,
            width: int | None = None) -> Figure:
    """Provinces × indicators: each target and its gap to the national target in the
    indicator's own unit (``−5,5 năm``, ``+4 điểm %``), direction-aware (+ better).

    Units differ between columns, so the colour is standardised, and says so: each gap as a
    share of the largest gap of the same indicator (−1 … +1), on a scale diverging around zero
    (white: level), blue better, orange worse."""
    data = [r for r in table if not _isna(r["national_value"])]
    # Columns where no province sets a target would be all dashes: the table lists them.
    indicators = list(dict.fromkeys(r["indicator_id"] for r in data if not _isna(r["value"])))
    provinces = list(dict.fromkeys(r["province_id"] for r in table))
    year = int(table[0]["year"]) if table else 0
    title = label("chart.heatmap", lang, year=year)
    if not indicators:
        return _empty(lang, label("no national value" if not data else "none_found", lang),
                      title, width)
    by_key = {(r["province_id"], r["indicator_id"]): r for r in data}
    largest = {ind: max((abs(float(r["better_by"])) for r in data
                         if r["indicator_id"] == ind and not _isna(r["better_by"])), default=0.0)
               for ind in indicators}
    z, text, hover = [], [], []
    for p in provinces:
        zr, tr, hr = [], [], []
        for ind in indicators:
            r = by_key.get((p, ind))
            if r is None or _isna(r["value"]):
                zr.append(None)
                tr.append("—")
                hr.append(f"{wh.province_name(p, lang)}<br>{wh.indicator_name(ind, lang)}<br>"
                          f"{label('no provincial value', lang)}")
                continue
            better = r["better_by"]
            scale = largest[ind]
            zr.append(None if _isna(better) else
                      0.0 if scale == 0 else round(float(better) / scale, 6))
            value = fmt_value(r["value"], r["comparator"], r["value_high"], r["unit"], lang,
                              value_low=r["value_low"])
            if r["method"] == "interpolated":
                value = "≈ " + value
            nat = fmt_value(r["national_value"], r["national_comparator"],
                            r["national_value_high"], r["unit"], lang,
                            value_low=r["national_value_low"])
            gap = fmt_change(better, r["unit"], lang)
            tr.append(f"{value}<br><b>{gap}</b>")
            hr.append(f"{wh.province_name(p, lang)}<br>{wh.indicator_name(ind, lang)}<br>"
                      f"{value} ({label(r['method'], lang)})<br>"
                      f"{label('national_target', lang)}: {nat}<br>"
                      f"{label('gap', lang)}: {gap} · {label(str(r['assessment']), lang)}")
        z.append(zr)
        text.append(tr)
        hover.append(hr)
    fig = Figure(lang)
    fig.add_heatmap(
        z=z, x=[_wrap(wh.indicator_name(i, lang), 14 if len(indicators) > 6 else 20)
               for i in indicators],
        y=[wh.province_name(p, lang) for p in provinces], text=text,
        texttemplate="%{text}", hovertext=hover, hoverinfo="text", zmin=-1, zmax=1, zmid=0,
        colorscale=DIVERGING, xgap=2, ygap=2,
        # The colour legend lies flat under the chart (its own title above it), clear of the
        # chart's title and of the column labels; vertical, its title ran into the tick texts.
        colorbar={"title": {"text": label("heatmap.scale", lang), "side": "top",
                            "font": {"size": 10}},
                  "orientation": "h", "x": 0, "xanchor": "left", "y": -0.06,
                  "yanchor": "top", "len": 0.6, "thickness": 10,
                  "tickvals": [-1, 0, 1],
                  "ticktext": [label(f"heatmap.{k}", lang) for k in ("worse", "level",
                                                                       "better")],
                  "tickfont": {"size": 10}})
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(tickangle=0, tickfont={"size": 10}, side="top")
    fig = _layout(fig, title, width=width, height=260 + 60 * len(provinces), top=120)
    fig.update_layout(margin={"l": 10, "r": 10, "t": 120, "b": 70})
    return fig


def pace_chart(wh: Warehouse, pace: Sequence[dict[str, Any]], lang: str, *,
               width: int | None = None) -> Figure:
    """Each plan's required yearly pace as a multiple of the national pace (1 = national),
    one dot per province × indicator; blue where faster, orange where slower or opposite."""
    data = [r for r in pace if not _isna(r["pace_ratio"])]
    if not data:
        return _empty(lang, label("no_national_pace", lang), label("chart.pace", lang), width)
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
            y=[_wrap(wh.indicator_name(r["indicator_id"], lang), 28) for r in sub],
            mode="markers", name=wh.province_name(p, lang),
            marker={"size": 13, "color": wh.colour(p), "line": {"color": "#fff", "width": 1}},
            hovertext=hover, hoverinfo="text")
    fig.add_vline(x=1, line={"color": "#444", "dash": "dash"})
    fig.add_vline(x=0, line={"color": "#bbb", "width": 1})
    fig.update_xaxes(title={"text": label("pace_ratio", lang)}, zeroline=False)
    fig.update_yaxes(automargin=True)
    fig.update_layout(margin={"l": 190})
    n = len({r["indicator_id"] for r in data})
    return _layout(fig, label("chart.pace", lang), width=width, height=160 + 40 * n)


def coverage_chart(wh: Warehouse, coverage: Sequence[dict[str, Any]], year: int, lang: str, *,
                   width: int | None = None) -> Figure:
    """National indicators × provinces: target for the year / other years only / none."""
    if not coverage:
        return _empty(lang, label("none_found", lang), label("chart.coverage", lang), width)
    provinces = list(dict.fromkeys(r["province_id"] for r in coverage))
    indicators = list(dict.fromkeys(r["indicator_id"] for r in coverage))
    code = {"covered": 3, "relative": 2, "qualitative": 2, "other_year": 1, "none": 0}
    by_key = {(r["province_id"], r["indicator_id"]): r for r in coverage}
    z, text = [], []
    for ind in indicators:
        zr, tr = [], []
        for p in provinces:
            r = by_key[(p, ind)]
            zr.append(code[r["status"]])
            years = ", ".join(str(y) for y in r["years"])
            tr.append(label(f"coverage.{r['status']}", lang, year=year, years=years))
        z.append(zr)
        text.append(tr)
    fig = Figure(lang)
    fig.add_heatmap(
        z=z, x=[wh.province_name(p, lang) for p in provinces],
        y=[_wrap(wh.indicator_name(i, lang), 40) for i in indicators], text=text,
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
    return _layout(fig, label("chart.coverage", lang), width=width,
                   height=170 + 34 * len(indicators))


_PATH_KIND_ORDER = {"target": 0, "trajectory": 1, "actual": 2, "baseline": 3}


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
        return _empty(lang, label("none_found", lang), title, width)
    cols = min(2, len(indicators))
    nrows = math.ceil(len(indicators) / cols)
    titles = [_wrap(f"{wh.indicator_name(i, lang)} ({unit_label(wh.unit_of(i), lang)})", 44)
              for i in indicators]
    fig = _subplots(lang, nrows, cols, titles, vertical_spacing=0.25 / nrows + 0.05)
    shown: set[str] = set()
    shapes: set[str] = set()
    colour = wh.colour(province_id)
    for k, ind in enumerate(indicators):
        r, c = k // cols + 1, k % cols + 1
        unit = wh.unit_of(ind)
        # one point a year: stated before interpolated, a target before a milestone
        path = sorted(_first_by_key(
            (x for x in mine if x["indicator_id"] == ind), lambda x: int(x["year"]),
            lambda x: (_METHOD_ORDER.get(x["method"], 4), _PATH_KIND_ORDER.get(x["kind"], 4))
        ).values(), key=lambda x: x["year"])
        fig.add_scatter(x=[x["year"] for x in path], y=[x["value"] for x in path],
                        mode="lines", line={"color": colour, "width": 2}, hoverinfo="skip",
                        showlegend=False, legendgroup="me", row=r, col=c)
        stated = [x for x in path if x["method"] == "stated"]
        interp = [x for x in path if x["method"] != "stated"]
        hover = [f"{x['year']}: {_written(x, lang, unit=True)} ({label(x['method'], lang)})"
                 for x in stated]
        _add_value(fig, [x["year"] for x in stated], stated, colour, lang, hover=hover,
                   name=wh.province_name(province_id, lang), legendgroup="me",
                   showlegend="me" not in shown, row=r, col=c, size=10,
                   textposition="top center")
        shown.add("me")
        if interp:
            _add_value(fig, [x["year"] for x in interp], interp, colour, lang, text=False,
                       hover=[f"{x['year']}: {_written(x, lang, unit=True)} "
                              f"({label(x['method'], lang)})" for x in interp],
                       name=label("legend.interpolated", lang), legendgroup="me",
                       showlegend=False, row=r, col=c, size=7)
        shapes |= {_shape_of(x) for x in path}
        for peer in peers:
            ph = [x for x in rows if x["province_id"] == peer and x["indicator_id"] == ind
                  and x["method"] == "stated" and x["kind"] in _TARGET_KINDS]
            if not ph:
                continue
            _add_value(fig, [x["year"] for x in ph], ph, wh.colour(peer), lang, text=False,
                       hover=[f"{wh.province_name(peer, lang)} {x['year']}: "
                              f"{_written(x, lang, unit=True)}" for x in ph],
                       name=wh.province_name(peer, lang), legendgroup=peer,
                       showlegend=peer not in shown, row=r, col=c, size=8, opacity=0.6)
            shown.add(peer)
            shapes |= {_shape_of(x) for x in ph}
        bench = sorted((b for (i, _y), b in wh.benchmarks.items() if i == ind),
                       key=lambda b: int(b["year"]))
        if bench:
            hover = []
            for b in bench:
                written = fmt_value(b["national_value"], b["national_comparator"],
                                    b["national_value_high"], unit, lang,
                                    value_low=b["national_value_low"])
                tip = (f"{label('national_target', lang)} {b['year']}: {written} "
                       f"({b['national_source']})")
                other = national_disagreement(wh, ind, int(b["year"]), lang)
                hover.append(tip + (f"<br>{other}" if other else ""))
            fig.add_scatter(
                x=[int(b["year"]) for b in bench], y=[b["national_value"] for b in bench],
                mode="markers", marker={"symbol": "x", "size": 10, "color": "#444"},
                name=label("national_target", lang), legendgroup="national",
                showlegend="national" not in shown, row=r, col=c, hovertext=hover,
                hoverinfo="text")
            shown.add("national")
    _shape_legend(fig, shapes, lang, 1, 1)
    span = max(int(x["year"]) for x in mine) - min(int(x["year"]) for x in mine)
    fig.update_xaxes(dtick=1 if span <= 8 else 5, tickformat="d")
    return _layout(fig, title, width=width, height=150 + 250 * nrows, top=105)


# ---------------------------------------------------------------------------------------------
# findings
# ---------------------------------------------------------------------------------------------
_LEVEL = ("level with national", "within band", "as close to band as national")


def findings(wh: Warehouse, comparison: Sequence[dict[str, Any]],
             pace: Sequence[dict[str, Any]], coverage: Sequence[dict[str, Any]],
             book: SourceBook, year: int) -> list[str]:
    """Plain-language findings, every number taken from the tables (none written by hand)."""
    lang = book.lang
    out: list[str] = []
    provinces = list(dict.fromkeys(r["province_id"] for r in comparison))
    if not any(not _isna(r["value"]) for r in comparison):
        out.append(label("f.none", lang, year=year))
    for p in provinces:
        name = wh.province_name(p, lang)
        cov = [r for r in coverage if r["province_id"] == p]
        if cov:
            n = sum(r["status"] == "covered" for r in cov)
            out.append(label("f.coverage", lang, province=name, n=n, total=len(cov), year=year))
            missing = [wh.indicator_name(r["indicator_id"], lang) for r in cov
                       if r["status"] == "none"]
            if missing and len(missing) <= 4:
                out.append(label("f.coverage_missing", lang, province=name,
                                 names="; ".join(missing)))
        mine = [r for r in comparison if r["province_id"] == p and not _isna(r["value"])
                and not _isna(r["national_value"])]
        if mine:
            level = [r for r in mine if r["assessment"] in _LEVEL]
            ahead = [r for r in mine if r["ahead"] is True and r["assessment"] not in _LEVEL]
            behind = [r for r in mine if r not in level and r not in ahead]
            out.append(label("f.ambition", lang, province=name, ahead=len(ahead),
                             level=len(level), behind=len(behind), year=year))
            if behind:
                worst = min(behind, key=lambda r: _sort_number(r["relative_pct"]))
                out.append(_value_sentence("f.shortfall", wh, worst, book, lang))
            elif ahead:
                best = min(ahead, key=lambda r: -_sort_number(r["relative_pct"], -math.inf))
                out.append(_value_sentence("f.lead", wh, best, book, lang))
        fast = [r for r in pace if r["province_id"] == p and not _isna(r["pace_per_year"])]
        if fast:
            with_nat = [r for r in fast if not _isna(r["pace_ratio"])]
            row = max(with_nat, key=lambda r: abs(r["pace_ratio"])) if with_nat else fast[0]
            unit = wh.unit_of(row["indicator_id"])
            values = {"indicator": wh.indicator_name(row["indicator_id"], lang).lower()
                      if lang == "en" else wh.indicator_name(row["indicator_id"], lang),
                      "province": name,
                      "pace": fmt_change(row["pace_per_year"], unit, lang),
                      "y0": int(row["baseline_year"]), "y1": int(row["target_year"])}
            if with_nat:
                out.append(label("f.pace", lang, **values,
                                 ratio=fmt_number(row["pace_ratio"], lang, 1),
                                 national_pace=fmt_change(row["national_pace"], unit, lang)))
            else:
                out.append(label("f.pace_no_nat", lang, **values))
            if not _isna(row.get("reform_note")):
                out.append(str(reform_text(wh, p, int(row["baseline_year"]),
                                           int(row["target_year"]), lang)))
    return out


def _sort_number(x: Any, missing: float = math.inf) -> float:
    """A number for sorting, missing values last (pandas' sort order)."""
    return missing if _isna(x) else float(x)


def _value_sentence(key: str, wh: Warehouse, row: Mapping[str, Any], book: SourceBook,
                    lang: str) -> str:
    ind = row["indicator_id"]
    value = fmt_value(row["value"], row["comparator"], row["value_high"], row["unit"], lang,
                      value_low=row["value_low"])
    national = fmt_value(row["national_value"], row["national_comparator"],
                         row["national_value_high"], row["unit"], lang,
                         value_low=row["national_value_low"])
    sources = book.observations(row["obs_ids"])[:1] + book.national(ind, int(row["year"]))
    source = "; ".join(book.short([n]) for n in sources)
    name = wh.indicator_name(ind, lang)
    return label(key, lang, province=wh.province_name(row["province_id"], lang),
                 indicator=name.lower() if lang == "en" else name, value=value,
                 national=national, source=source)


# ---------------------------------------------------------------------------------------------
# the policy brief: cover, findings as sentences, what is missing, method and limits
# ---------------------------------------------------------------------------------------------
LABELS["vi"].update({
    "brief.default_title": "{topic}: mục tiêu năm {year} của {provinces}",
    "brief.key_targets": "Các mục tiêu y tế chủ yếu",
    "brief.n_provinces": "{n} tỉnh",
    "brief.for": "Gửi: {audience}",
    "brief.scope": "Tỉnh: {provinces} · Năm so sánh: {year}",
    "brief.missing_head": "Chưa so sánh được",
    "brief.method_head": "Phương pháp và hạn chế",
    "brief.colophon": "Số liệu và nguồn: vnhealth, bản dựng dữ liệu {build}.",
    "and": "và",
    "bw.>": "trên", "bw.>=": "ít nhất", "bw.<": "dưới", "bw.<=": "tối đa",
    "bw.range": "từ {low} đến {high}",
    "bf.sets": "Đến năm {year}, {province} đặt mục tiêu {indicator} {value}",
    "bf.sets_many": "Đến năm {year}, {provinces} đều đặt mục tiêu {indicator} {value}",
    "bf.level": "ngang mục tiêu quốc gia",
    "bf.lower": "thấp hơn mục tiêu quốc gia ({national}) {gap}",
    "bf.higher": "cao hơn mục tiêu quốc gia ({national}) {gap}",
    "bf.less_ambitious": "kém tham vọng hơn",
    "bf.more_ambitious": "tham vọng hơn",
    "bf.interpolated": " (nội suy giữa hai mốc của kế hoạch)",
    "bf.pace": "Để đi từ {start} ({y0}) đến {end} ({y1}), {province} cần {verb} "
               "{indicator} {pace} mỗi năm, {versus}.",
    "bf.up": "tăng", "bf.down": "giảm",
    "bf.times": "gấp {ratio} lần tốc độ của mục tiêu quốc gia ({national} mỗi năm)",
    "bf.slower": "chậm hơn tốc độ của mục tiêu quốc gia ({national} mỗi năm)",
    "bf.same": "ngang tốc độ của mục tiêu quốc gia ({national} mỗi năm)",
    "bf.opposite": "ngược chiều với mục tiêu quốc gia ({national} mỗi năm)",
    "bf.no_national": "chưa có tốc độ quốc gia để so sánh",
    "bm.no_target": "Kế hoạch của {provinces} không đặt mục tiêu {indicator} cho năm {year}",
    "bm.other_year": "{province} chỉ đặt mục tiêu {indicator} cho năm {years}",
    "bm.qualitative": "Mục tiêu {indicator} của {province} chỉ là định tính: {what}",
    "bm.no_national": "Không có mục tiêu quốc gia năm {year} cho {indicators} để so sánh",
    "bm.no_baseline": "Kế hoạch của {provinces} không nêu hiện trạng {indicators}, nên không "
                      "tính được tốc độ cần đạt",
    "brief.method": (
        "Giá trị của tỉnh là mục tiêu kế hoạch nêu cho năm {year}; khi kế hoạch chỉ nêu các mốc "
        "khác, giá trị được nội suy tuyến tính giữa hai mốc gần nhất (ghi ≈ trong bảng). Mục "
        "tiêu dạng “trên 95%” hay “ít nhất 68 năm” được giữ là cận, khoảng “4–5” giữ là khoảng, "
        "không quy về một con số. Mục tiêu quốc gia là giá trị cho cùng năm trong nghị quyết, "
        "quyết định của Trung ương; khi hai văn bản khác nhau, báo cáo dùng văn bản ban hành "
        "gần nhất và nêu cả hai. Chênh lệch tính theo đơn vị của chỉ tiêu (điểm % với tỷ lệ). "
        "Tốc độ cần đạt là mức thay đổi bình quân mỗi năm từ hiện trạng kế hoạch nêu đến mục "
        "tiêu; tốc độ quốc gia tính từ số thực hiện toàn quốc gần nhất đến mục tiêu quốc gia."),
    "brief.limits": (
        "Hạn chế: số liệu được trích tự động từ văn bản và dẫn về dòng gốc, nhưng chưa đối "
        "chiếu với số liệu thống kê chính thức; đây là mục tiêu, không phải kết quả thực hiện. "
        "Chỉ tiêu mà kế hoạch không nêu thì không so sánh được; mục tiêu định tính được liệt kê "
        "nhưng không chấm điểm. Tỉnh sắp xếp lại năm 2025 có thể có hiện trạng và mục tiêu theo "
        "địa giới khác nhau."),
})
LABELS["en"].update({
    "brief.default_title": "{topic}: the {year} targets of {provinces}",
    "brief.key_targets": "Key health targets",
    "brief.n_provinces": "{n} provinces",
    "brief.for": "For: {audience}",
    "brief.scope": "Provinces: {provinces} · Year compared: {year}",
    "brief.missing_head": "Not comparable",
    "brief.method_head": "Method and limits",
    "brief.colophon": "Data and sources: vnhealth, data build {build}.",
    "and": "and",
    "bw.>": "above", "bw.>=": "at least", "bw.<": "below", "bw.<=": "at most",
    "bw.range": "{low} to {high}",
    "bf.sets": "For {year}, {province} aims for {indicator} {value}",
    "bf.sets_many": "For {year}, {provinces} both aim for {indicator} {value}",
    "bf.level": "level with the national target",
    "bf.lower": "{gap} below the national target of {national}",
    "bf.higher": "{gap} above the national target of {national}",
    "bf.less_ambitious": "less ambitious",
    "bf.more_ambitious": "more ambitious",
    "bf.interpolated": " (interpolated between two milestones of the plan)",
    "bf.pace": "To go from {start} ({y0}) to {end} ({y1}), {province} must {verb} "
               "{indicator} by {pace} a year, {versus}.",
    "bf.up": "raise", "bf.down": "lower",
    "bf.times": "{ratio} times the pace of the national target ({national} a year)",
    "bf.slower": "slower than the national target's pace ({national} a year)",
    "bf.same": "the same pace as the national target ({national} a year)",
    "bf.opposite": "the opposite way to the national target ({national} a year)",
    "bf.no_national": "with no national pace to compare",
    "bm.no_target": "No {indicator} target for {year} in the plan of {provinces}",
    "bm.other_year": "{province} sets {indicator} targets for {years} only",
    "bm.qualitative": "The {indicator} target of {province} is qualitative only: {what}",
    "bm.no_national": "No national target for {year} to compare {indicators} with",
    "bm.no_baseline": "The plan of {provinces} states no baseline for {indicators}, so no "
                      "required pace can be computed",
    "brief.method": (
        "A province's value is the target its plan states for {year}; where the plan states "
        "other milestones only, the value is interpolated linearly between the two nearest "
        "(marked ≈ in the table). Targets such as “above 95%” or “at least 68 years” are kept "
        "as bounds and ranges such as “4–5” as ranges, never reduced to one number. The "
        "national benchmark is the value for the same year in the central resolutions and "
        "decisions; where two documents differ, the most recent is used and both are named. "
        "Gaps are in the indicator's unit (percentage points for rates). The required pace is "
        "the average yearly change from the baseline the plan states to its target; the "
        "national pace runs from the latest national actual to the national target."),
    "brief.limits": (
        "Limits: values are extracted automatically and each is traced to its source line, but "
        "they are not checked against official statistics; they are targets, not results. "
        "Indicators a plan does not mention cannot be compared; qualitative targets are listed "
        "but not scored. Provinces reorganized in 2025 may state baselines and targets for "
        "different boundaries."),
})

# Findings name indicators in running text; English names are lower-cased there, except
# these words, which keep their capitals.
_KEEP_CAPS = ("EPI",)


def _running_name(wh: Warehouse, indicator_id: str, lang: str) -> str:
    name = wh.indicator_name(indicator_id, lang)
    if not name:
        return indicator_id
    first, rest = name[0], name[1:]
    if lang == "en" and any(w in name.split()[0] for w in _KEEP_CAPS):
        return name
    return first.lower() + rest


def join_words(items: Sequence[str], lang: str) -> str:
    """``a``, ``a và b``, ``a, b và c`` (``and`` in English).

    >>> join_words(["Lai Châu", "Sơn La"], "vi"), join_words(["a", "b", "c"], "en")
    ('Lai Châu và Sơn La', 'a, b and c')
    """
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {label('and', lang)} {items[-1]}"


def value_words(value: Any, comparator: Any, value_low: Any, value_high: Any, unit: Any,
                lang: str) -> str:
    """A target in words, as a sentence would say it: ``trên 95%``, ``ít nhất 68 năm``,
    ``từ 4 đến 5 bác sĩ/trạm``.

    >>> value_words(68, ">=", None, None, "years", "vi"), value_words(4.5, "range", 4, 5,
    ...     "per_station", "en")
    ('ít nhất 68 năm', '4 to 5 doctors/station')
    """
    if _isna(value):
        return "—"
    comp = None if _isna(comparator) else str(comparator)
    if comp == "range" and not _isna(value_low) and not _isna(value_high):
        text = label("bw.range", lang, low=fmt_number(value_low, lang),
                     high=fmt_number(value_high, lang))
        return with_unit(text, unit, lang)
    number = with_unit(fmt_number(value, lang), unit, lang)
    if comp in (">", ">=", "<", "<="):
        return f"{label('bw.' + comp, lang)} {number}"
    return number


def _unsigned_change(x: Any, unit: Any, lang: str) -> str:
    text = fmt_change(abs(float(x)), unit, lang).lstrip("+±")
    if lang == "en" and text == "1 years":
        return "1 year"
    return text


def brief_title(wh: Warehouse, domain: str, indicators: Sequence[str],
                provinces: Sequence[str], year: int, lang: str) -> str:
    """The default title: the topic in words (the domain's name, or the names of the one or two
    domains the indicators belong to), the year and the provinces — never a list of indicator
    names.

    ``Tuổi thọ và tầm vóc: mục tiêu năm 2030 của Lai Châu và Sơn La``
    """
    if domain:
        topic = domain_label(domain, lang)
    else:
        domains = list(dict.fromkeys(wh.indicator(i).get("domain") or "" for i in indicators))
        domains = [d for d in domains if d]
        if 1 <= len(domains) <= 2:
            names = [domain_label(d, lang) for d in domains]
            names = names[:1] + [n[0].lower() + n[1:] for n in names[1:]]
            conj = f" {label('and', lang)} "
            # "Tuổi thọ và tầm vóc, tài chính y tế" rather than two "và" in a row
            topic = (", ".join(names) if any(conj in n for n in names)
                     else join_words(names, lang))
        else:
            topic = label("brief.key_targets", lang)
    names = [wh.province_name(p, lang) for p in provinces]
    who = join_words(names, lang) if len(names) <= 3 else label("brief.n_provinces", lang,
                                                                n=len(names))
    return label("brief.default_title", lang, topic=topic, year=int(year), provinces=who)


def _date_words(iso: str, lang: str) -> str:
    """``2026-03-15`` as ``ngày 15/3/2026`` / ``15 March 2026``."""
    import datetime

    d = datetime.date.fromisoformat(iso)
    if lang == "vi":
        return f"ngày {d.day}/{d.month}/{d.year}"
    return f"{d.day} {d.strftime('%B')} {d.year}"


def brief_cover(title: str, wh: Warehouse, lang: str, *, provinces: Sequence[str], year: int,
                issuer: str = "", date: str = "", audience: str = "") -> str:
    """The brief's first lines: title, issuing body and date, audience, provinces and year —
    no build hash and no parameter list (those are in the sidecar JSON and the colophon)."""
    line = " · ".join(x for x in (issuer, _date_words(date, lang) if date else "") if x)
    scope = label("brief.scope", lang, year=int(year),
                  provinces=join_words([wh.province_name(p, lang) for p in provinces], lang))
    parts = [f"<h1>{html.escape(title)}</h1>"]
    if line:
        parts.append(f'<p class="vnh-issuer">{html.escape(line)}</p>')
    if audience:
        parts.append(f'<p class="vnh-audience">'
                     f'{html.escape(label("brief.for", lang, audience=audience))}</p>')
    parts.append(f'<p class="vnh-meta">{html.escape(scope)}</p>')
    return '<header class="vnh-cover">' + "".join(parts) + "</header>"


def _verdict(row: Mapping[str, Any]) -> str:
    if row["assessment"] in _LEVEL:
        return "level"
    return "ahead" if row["ahead"] is True else "behind"


def brief_findings(wh: Warehouse, comparison: Sequence[dict[str, Any]],
                   pace: Sequence[dict[str, Any]], lang: str) -> list[str]:
    """Findings as sentences a person would write, every number from the tables:

    ``Đến năm 2030, Lai Châu đặt mục tiêu tuổi thọ trung bình 70 năm, thấp hơn mục tiêu quốc
    gia (75,5 năm) 5,5 năm.`` Provinces level with the national target on the same value share
    one sentence; then, per province, the pace its steepest target asks for. What cannot be
    compared is left to :func:`brief_missing` (said once, not per province).
    """
    out: list[str] = []
    rows = [r for r in comparison if not _isna(r["value"]) and not _isna(r["national_value"])]
    if not rows:
        year = int(comparison[0]["year"]) if comparison else 0
        return [label("f.none", lang, year=year)]
    for ind in dict.fromkeys(r["indicator_id"] for r in rows):
        mine = [r for r in rows if r["indicator_id"] == ind]
        groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for r in mine:
            words = value_words(r["value"], r["comparator"], r["value_low"], r["value_high"],
                                r["unit"], lang)
            groups.setdefault((_verdict(r), words if _verdict(r) == "level" else
                               r["province_id"]), []).append(r)
        for (verdict, _key), group in groups.items():
            r = group[0]
            name = _running_name(wh, ind, lang)
            value = value_words(r["value"], r["comparator"], r["value_low"], r["value_high"],
                                r["unit"], lang)
            if lang == "en" and (_isna(r["comparator"]) or r["comparator"] == "="):
                value = f"of {value}"
            national = value_words(r["national_value"], r["national_comparator"],
                                   r["national_value_low"], r["national_value_high"],
                                   r["unit"], lang)
            if len(group) > 1:
                names = join_words([wh.province_name(g["province_id"], lang) for g in group],
                                   lang)
                head = label("bf.sets_many", lang, year=int(r["year"]), provinces=names,
                             indicator=name, value=value)
            else:
                head = label("bf.sets", lang, year=int(r["year"]), indicator=name, value=value,
                             province=wh.province_name(r["province_id"], lang))
            if any(g["method"] == "interpolated" for g in group):
                head += label("bf.interpolated", lang)
            if verdict == "level":
                tail = label("bf.level", lang)
            else:
                gap = r["gap"] if not _isna(r.get("gap")) else r["better_by"]
                lower = float(r["value"]) < float(r["national_value"]) if _isna(gap) \
                    else float(gap) < 0
                if _isna(gap):
                    gap = float(r["value"]) - float(r["national_value"])
                tail = label("bf.lower" if lower else "bf.higher", lang, national=national,
                             gap=_unsigned_change(gap, r["unit"], lang))
                if wh.direction(ind) == "lower_is_better":
                    tail += " (" + label("bf.more_ambitious" if verdict == "ahead"
                                         else "bf.less_ambitious", lang) + ")"
            out.append(f"{head}, {tail}.")
    for p in dict.fromkeys(r["province_id"] for r in comparison):
        fast = [r for r in pace if r["province_id"] == p and not _isna(r["pace_per_year"])]
        if not fast:
            continue
        with_nat = [r for r in fast if not _isna(r["pace_ratio"])]
        row = max(with_nat, key=lambda r: abs(r["pace_ratio"])) if with_nat else fast[0]
        out.append(_pace_sentence(wh, row, lang))
        if not _isna(row.get("reform_note")):
            out.append(str(reform_text(wh, p, int(row["baseline_year"]),
                                       int(row["target_year"]), lang)))
    return out


def _pace_sentence(wh: Warehouse, row: Mapping[str, Any], lang: str) -> str:
    unit = wh.unit_of(row["indicator_id"])
    step = float(row["pace_per_year"])
    national = row["pace_ratio"]
    if _isna(national):
        versus = label("bf.no_national", lang)
    else:
        nat = _unsigned_change(row["national_pace"], unit, lang)
        ratio = float(national)
        if ratio < 0:
            versus = label("bf.opposite", lang, national=fmt_change(row["national_pace"],
                                                                     unit, lang))
        elif math.isclose(ratio, 1.0, rel_tol=0.05):
            versus = label("bf.same", lang, national=nat)
        elif ratio > 1:
            versus = label("bf.times", lang, ratio=fmt_number(ratio, lang, 1), national=nat)
        else:
            versus = label("bf.slower", lang, national=nat)
    return label("bf.pace", lang, province=wh.province_name(row["province_id"], lang),
                 indicator=_running_name(wh, row["indicator_id"], lang),
                 start=with_unit(fmt_number(row["baseline_value"], lang), unit, lang),
                 end=with_unit(fmt_number(row["target_value"], lang), unit, lang),
                 y0=int(row["baseline_year"]), y1=int(row["target_year"]),
                 verb=label("bf.up" if step >= 0 else "bf.down", lang),
                 pace=_unsigned_change(step, unit, lang), versus=versus)


def brief_missing(wh: Warehouse, comparison: Sequence[dict[str, Any]],
                  coverage: Sequence[dict[str, Any]], pace: Sequence[dict[str, Any]],
                  lang: str) -> list[str]:
    """What the brief cannot compare, said once, one sentence per gap: targets a province does
    not set (or sets for other years, or only in words), indicators without a national target,
    and targets without a baseline (no pace). Empty when nothing is missing."""
    year = int(comparison[0]["year"]) if comparison else 0
    status = {(c["province_id"], c["indicator_id"]): c for c in coverage}
    parts: list[str] = []
    no_target: dict[str, list[str]] = {}
    for r in comparison:
        if not _isna(r["value"]):
            continue
        p, ind = r["province_id"], r["indicator_id"]
        c = status.get((p, ind))
        quals = (c or {}).get("qualitative") or wh.qualitative_for(p, ind)
        if quals:
            what = "; ".join(dict.fromkeys(str(q.get(f"name_{lang}") or q.get("name_vi")
                                               or q.get("qual_id")) for q in quals))
            what = what[:1].lower() + what[1:]
            parts.append(label("bm.qualitative", lang, province=wh.province_name(p, lang),
                               indicator=_running_name(wh, ind, lang), what=what))
        elif c is not None and c["status"] == "other_year" and c["years"]:
            parts.append(label("bm.other_year", lang, province=wh.province_name(p, lang),
                               indicator=_running_name(wh, ind, lang),
                               years=join_words([str(y) for y in c["years"]], lang)))
        else:
            no_target.setdefault(ind, []).append(wh.province_name(p, lang))
    for ind, names in no_target.items():
        parts.insert(0, label("bm.no_target", lang, provinces=join_words(names, lang),
                              indicator=_running_name(wh, ind, lang), year=year))
    no_nat = [_running_name(wh, i, lang) for i in dict.fromkeys(
        r["indicator_id"] for r in comparison)
        if all(_isna(r["national_value"]) for r in comparison if r["indicator_id"] == i)]
    if no_nat:
        parts.append(label("bm.no_national", lang, indicators=join_words(no_nat, lang),
                           year=year))
    with_pace = {(r["province_id"], r["indicator_id"]) for r in pace}
    no_base: dict[str, list[str]] = {}
    for r in comparison:
        key = (r["province_id"], r["indicator_id"])
        if not _isna(r["value"]) and r["method"] == "stated" and key not in with_pace:
            no_base.setdefault(r["province_id"], []).append(_running_name(wh, key[1], lang))
    for p, names in no_base.items():
        parts.append(label("bm.no_baseline", lang, provinces=wh.province_name(p, lang),
                           indicators=join_words(names, lang)))
    return [f"{p[0].upper()}{p[1:]}." for p in parts]


def brief_method(year: int, lang: str) -> str:
    """The method note and its limits, as two short paragraphs of HTML."""
    return (f'<div class="vnh-method"><h3>{html.escape(label("brief.method_head", lang))}</h3>'
            f'<p>{html.escape(label("brief.method", lang, year=int(year)))}</p>'
            f'<p>{html.escape(label("brief.limits", lang))}</p></div>')
