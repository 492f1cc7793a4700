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

import html
import itertools
import json
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from pathlib import Path
from typing import Any

from vnhealth import reform
from vnhealth.errors import VnhealthError
from vnhealth.figures import Figure, make_subplots
from vnhealth.pace import PACE_COLUMNS, representative, required_pace_rows
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
    "fmt_signed",
    "fmt_value",
    "heading",
    "heatmap",
    "interval_bars",
    "label",
    "load",
    "pace_chart",
    "pace_table",
    "profile_table",
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

# Okabe–Ito colours (readable with colour-vision deficiency), one per province, stable across
# reports; direction colours: blue = better than national, orange = worse.
PROVINCE_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
                    "#000000"]
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
        "chart.heatmap": "So với mục tiêu quốc gia năm {year} (% tốt hơn (+) hoặc kém hơn (−))",
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
        "chart.heatmap": "Against the national target for {year} (% better (+) or worse (−))",
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
    },
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

    def provinces_with_plans(self) -> list[str]:
        """Province ids that have at least one document."""
        return sorted({d["province_id"] for d in self.documents})

    def colour(self, province_id: str) -> str:
        """The province's colour, the same in every chart and report."""
        order = self._coloured_provinces
        pos = order.index(province_id) if province_id in order else len(order)
        return PROVINCE_COLOURS[pos % len(PROVINCE_COLOURS)]

    @cached_property
    def _coloured_provinces(self) -> list[str]:
        """The provinces the palette is dealt to, sorted: those with plans and their 2025
        lineage (successor, and the provinces merged into it). The catalogue lists the whole
        country; dealing colours to all 87 would give every province a new colour and spread
        the palette over provinces no report shows."""
        rows = self._province_rows
        with_plans = set(self.provinces_with_plans())
        successors = {rows[p]["successor_id"] for p in with_plans if p in rows
                      and not _isna(rows[p].get("successor_id"))}
        merged = {p for p, r in rows.items() if r.get("successor_id") in successors}
        return sorted(with_plans | successors | merged)

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

    def tooltip(self, numbers: Sequence[int]) -> str:
        """Hover text for a value: each source's document, line and quote."""
        parts = []
        for n in numbers:
            e = self._entries[n - 1]
            ref = label("line_ref", self.lang, doc=e["document"], line=e["line"])
            parts.append(f"[{n}] {ref}: «{e['quote']}»")
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
            quote = str(e["quote"])
            if compact:
                quote = excerpt(quote, e.get("value_text"))
            rows.append(
                f'<tr id="src-{e["n"]}"><td>{e["n"]}</td><td>{doc}</td><td>{e["line"]}</td>'
                f'<td class="vnh-quote">{html.escape(quote)}</td></tr>')
        cls = "vnh-table vnh-sources" + (" vnh-compact" if compact else "")
        return f'<table class="{cls}"><thead>{head}</thead><tbody>' + "".join(rows) + \
            "</tbody></table>"

    def __len__(self) -> int:
        return len(self._entries)


def excerpt(quote: str, value_text: Any = None, width: int = 110) -> str:
    """The part of a quoted line around the number it gives (whole when short).

    >>> excerpt("a " * 80 + "tối thiểu 68 năm" + " b" * 80, "68 năm", 30)
    '… tối thiểu 68 năm b b b b b …'
    """
    text = " ".join(quote.split())
    if len(text) <= width:
        return text
    needle = "" if value_text is None or _isna(value_text) else str(value_text)
    at = text.find(needle) if needle else -1
    if at < 0:
        return text[: width - 1].rstrip() + "…"
    start = max(0, at - (width - len(needle)) // 2)
    end = min(len(text), start + width)
    start = max(0, end - width)
    # Cut at spaces, never into the number itself.
    if start > 0:
        space = text.find(" ", start, at)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", at + len(needle), end)
        end = space if space >= 0 else end
    return ("… " if start > 0 else "") + text[start:end].strip() + (
        " …" if end < len(text) else "")


def _host(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0]


# ---------------------------------------------------------------------------------------------
# tables
# ---------------------------------------------------------------------------------------------
_TARGET_KINDS = ("target", "trajectory")
_METHOD_ORDER = {"stated": 0, "interpolated": 1, "carried_forward": 2, "missing": 3}
_KIND_ORDER = {"target": 0, "trajectory": 1}


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


def national_pace(wh: Warehouse, indicators: Sequence[str], year: int) -> Table:
    """The yearly change the national targets imply, up to ``year``.

    From the latest national actual (else the earliest national target) to the national target
    for the latest year not after ``year``; in the indicator's unit.
    """
    wanted = set(indicators)
    by_indicator: dict[str, list[dict[str, Any]]] = {}
    for r in wh.national:
        if (r["indicator_id"] in wanted and r["comparator"] != "relative"
                and int(r["year"]) <= int(year)):
            by_indicator.setdefault(r["indicator_id"], []).append(r)
    rows = []
    for ind in sorted(by_indicator):
        g = by_indicator[ind]
        targets = sorted((r for r in g if r["kind"] == "target"), key=lambda r: r["year"])
        actuals = sorted((r for r in g if r["kind"] == "actual"), key=lambda r: r["year"])
        if not targets:
            continue
        end = targets[-1]
        starts = [r for r in actuals if r["year"] < end["year"]]
        start = starts[-1] if starts else targets[0]
        span = int(end["year"]) - int(start["year"])
        v0, v1 = wh.national_in_unit(start), wh.national_in_unit(end)
        if span <= 0 or v0 is None or v1 is None:
            continue
        rows.append({"indicator_id": ind, "national_start_year": int(start["year"]),
                     "national_start": v0, "national_end_year": int(end["year"]),
                     "national_end": v1, "national_pace": (v1 - v0) / span})
    return Table(rows, ["indicator_id", "national_start_year", "national_start",
                        "national_end_year", "national_end", "national_pace"])


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
    nat = {r["indicator_id"]: r for r in national_pace(
        wh, sorted({r["indicator_id"] for r in pace}), year)}
    for r in pace:
        n = nat.get(r["indicator_id"], {})
        r.update({k: n.get(k) for k in ("national_start_year", "national_start",
                                        "national_end_year", "national_end", "national_pace")})
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
                        "national_end_year", "national_end", "national_pace", "pace_ratio",
                        "pace_verdict"])


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
            rows.append({"province_id": p, "indicator_id": ind, "status": status,
                         "years": years, "obs_ids": ",".join(str(o["obs_id"]) for o in mine)})
    return Table(rows, ["province_id", "indicator_id", "status", "years", "obs_ids"])


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
             if all(_isna(by_key[(p, i)]["value"]) for p in provinces)
             and _isna(by_key[(provinces[0], i)]["national_value"])]
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
                cells.append(_cell(text, title=book.tooltip(numbers), cls="vnh-national",
                                   attrs=attrs, refs=book.refs_html(numbers)))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    note = ""
    if empty:
        year = int(table[0]["year"])
        names = "; ".join(wh.indicator_name(i, lang) for i in empty)
        note = (f'<p class="vnh-meta">{html.escape(label("no_target_any", lang, year=year))}: '
                f"{html.escape(names)}</p>")
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
            + _cell(with_unit(fmt_signed(r["gap"], lang), r["unit"], lang),
                    cls=f"vnh-value {cls}")
            + _cell(label(str(r["assessment"]), lang), cls=cls) + "</tr>")
    return _table(head, rows, "vnh-ambition")


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
               f"{with_unit(fmt_signed(r['national_pace'], lang), unit, lang)} "
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
            + _cell(with_unit(fmt_signed(r["pace_per_year"], lang), unit, lang)
                    if not _isna(r["pace_per_year"]) else "—", cls="vnh-value", attrs=attrs)
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


def interval_bars(wh: Warehouse, table: Sequence[dict[str, Any]], lang: str, *,
                  width: int | None = None) -> Figure:
    """Grouped bars of each province's target per indicator (one panel per indicator, since
    units differ), with ranges drawn as error bars, bounds as ▲ (at least) / ▼ (at most), and
    the national target as a dashed line (a band for a national range)."""
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
    book = SourceBook(wh, lang)
    for k, ind in enumerate(indicators):
        r, c = k // cols + 1, k % cols + 1
        sub = [row for row in data if row["indicator_id"] == ind]
        for row in sub:
            p = row["province_id"]
            name = wh.province_name(p, lang)
            numbers = book.observations(row["obs_ids"])
            written = fmt_value(row["value"], row["comparator"], row["value_high"], row["unit"],
                                lang, value_low=row["value_low"])
            hover = (f"{name}<br>{written}<br>{label(row['method'], lang)}"
                     f"<br>{label('hover.source', lang)}: {book.short(numbers)}")
            err = None
            if row.get("bound_kind") == "range" and not _isna(row["value_high"]):
                err = {"type": "data", "symmetric": False,
                       "array": [float(row["value_high"]) - float(row["value"])],
                       "arrayminus": [float(row["value"]) - float(row["value_low"])],
                       "color": "#333", "thickness": 1.5, "width": 6}
            fig.add_bar(x=[name], y=[float(row["value"])], marker={"color": wh.colour(p)},
                        name=name, legendgroup=p, showlegend=p not in shown, error_y=err,
                        hovertext=[hover], hoverinfo="text", row=r, col=c,
                        opacity=0.55 if row["method"] == "interpolated" else 1.0)
            shown.add(p)
            bound = row.get("bound_kind")
            if bound in ("lower", "upper"):
                key = f"legend.{bound}"
                fig.add_scatter(
                    x=[name], y=[float(row["value"])], mode="markers",
                    marker={"symbol": "triangle-up" if bound == "lower" else "triangle-down",
                            "size": 11, "color": "#333"},
                    name=label(key, lang), legendgroup=key, showlegend=key not in shown,
                    hoverinfo="skip", row=r, col=c)
                shown.add(key)
            if bound == "range" and "legend.range" not in shown:
                fig.add_scatter(x=[None], y=[None], mode="lines", line={"color": "#333"},
                                name=label("legend.range", lang), row=r, col=c)
                shown.add("legend.range")
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
            if "national" not in shown:
                fig.add_scatter(x=[None], y=[None], mode="lines",
                                line={"color": "#444", "dash": "dash"},
                                name=label("national_target", lang), row=r, col=c)
                shown.add("national")
    fig.update_xaxes(tickfont={"size": 10})
    # Print (fixed width) gets shorter panels so that a brief stays a few pages.
    return _layout(fig, title, width=width, height=150 + (200 if width else 260) * nrows,
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
                            marker={"size": [9, 13], "color": ["#fff", wh.colour(p)],
                                    "line": {"color": wh.colour(p), "width": 2}},
                            text=[str(y0), str(y1)], textposition="top center",
                            textfont={"size": 10}, hovertext=[tip, tip], hoverinfo="text",
                            name=name, legendgroup=p, showlegend=p not in shown,
                            row=k + 1, col=1)
            shown.add(p)
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
    fig.update_yaxes(automargin=True)
    return _layout(fig, label("chart.dumbbells", lang), width=width,
                   height=150 + (110 if width else 150) * len(indicators), top=90)


def heatmap(wh: Warehouse, table: Sequence[dict[str, Any]], lang: str, *,
            width: int | None = None) -> Figure:
    """Provinces × indicators, coloured by how far each target is better (blue) or worse
    (orange) than the national target, direction-aware; the cell text is the target itself."""
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
            rel = r["relative_pct"]
            zr.append(None if _isna(rel) else max(-50.0, min(50.0, float(rel))))
            value = fmt_value(r["value"], r["comparator"], r["value_high"], r["unit"], lang,
                              value_low=r["value_low"])
            nat = fmt_value(r["national_value"], r["national_comparator"],
                            r["national_value_high"], r["unit"], lang,
                            value_low=r["national_value_low"])
            tr.append(value)
            hr.append(f"{wh.province_name(p, lang)}<br>{wh.indicator_name(ind, lang)}<br>"
                      f"{value} ({label(r['method'], lang)})<br>"
                      f"{label('national_target', lang)}: {nat}<br>"
                      f"{label(str(r['assessment']), lang)}")
        z.append(zr)
        text.append(tr)
        hover.append(hr)
    fig = Figure(lang)
    fig.add_heatmap(
        z=z, x=[_wrap(wh.indicator_name(i, lang), 14 if len(indicators) > 6 else 20)
               for i in indicators],
        y=[wh.province_name(p, lang) for p in provinces], text=text,
        texttemplate="%{text}", hovertext=hover, hoverinfo="text", zmin=-50, zmax=50,
        colorscale=DIVERGING, xgap=2, ygap=2,
        colorbar={"title": {"text": "%"}, "ticksuffix": "%", "len": 0.8})
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(tickangle=0, tickfont={"size": 10})
    return _layout(fig, title, width=width, height=200 + 55 * len(provinces))


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
            u = unit_label(wh.unit_of(r["indicator_id"]), lang)
            hover.append(
                f"{wh.province_name(p, lang)}<br>{wh.indicator_name(r['indicator_id'], lang)}"
                f"<br>{label('pace', lang)}: {fmt_signed(r['pace_per_year'], lang)} {u}<br>"
                f"{label('national_pace', lang)}: {fmt_signed(r['national_pace'], lang)} {u}")
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
    code = {"covered": 3, "relative": 2, "other_year": 1, "none": 0}
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
    """One panel per indicator with at least two years: the province's path (stated points
    filled, interpolated hollow), peers' stated targets and the national targets (✕)."""
    rows = wh.query("SELECT province_id, indicator_id, year, kind, value, method FROM harmonized "
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
    colour = wh.colour(province_id)
    for k, ind in enumerate(indicators):
        r, c = k // cols + 1, k % cols + 1
        unit = wh.unit_of(ind)
        # one point a year: stated before interpolated, a target before a milestone
        path = sorted(_first_by_key(
            (x for x in mine if x["indicator_id"] == ind), lambda x: int(x["year"]),
            lambda x: (_METHOD_ORDER.get(x["method"], 4), _PATH_KIND_ORDER.get(x["kind"], 4))
        ).values(), key=lambda x: x["year"])
        fig.add_scatter(
            x=[x["year"] for x in path], y=[x["value"] for x in path], mode="lines+markers",
            line={"color": colour, "width": 2},
            marker={"size": 8, "color": [colour if x["method"] == "stated" else "#fff"
                                         for x in path],
                    "line": {"color": colour, "width": 2}},
            hovertext=[f"{x['year']}: {fmt_value(x['value'], None, None, unit, lang)} "
                       f"({label(x['method'], lang)})" for x in path],
            hoverinfo="text", name=wh.province_name(province_id, lang), legendgroup="me",
            showlegend="me" not in shown, row=r, col=c)
        shown.add("me")
        for peer in peers:
            ph = [x for x in rows if x["province_id"] == peer and x["indicator_id"] == ind
                  and x["method"] == "stated" and x["kind"] in _TARGET_KINDS]
            if not ph:
                continue
            fig.add_scatter(
                x=[x["year"] for x in ph], y=[x["value"] for x in ph], mode="markers",
                marker={"size": 8, "color": wh.colour(peer), "symbol": "diamond"},
                name=wh.province_name(peer, lang), legendgroup=peer,
                showlegend=peer not in shown, row=r, col=c,
                hovertext=[f"{wh.province_name(peer, lang)} {x['year']}: "
                           f"{fmt_value(x['value'], None, None, unit, lang)}" for x in ph],
                hoverinfo="text")
            shown.add(peer)
        nt = [x for x in wh.national if x["indicator_id"] == ind and x["kind"] == "target"
              and x["comparator"] != "relative"]
        if nt:
            vals = [wh.national_in_unit(x) for x in nt]
            fig.add_scatter(
                x=[x["year"] for x in nt], y=vals, mode="markers",
                marker={"symbol": "x", "size": 10, "color": "#444"},
                name=label("national_target", lang), legendgroup="national",
                showlegend="national" not in shown, row=r, col=c,
                hovertext=[f"{label('national_target', lang)} {x['year']}: "
                           f"{fmt_value(v, None, None, unit, lang)} ({x['source_doc']})"
                           for x, v in zip(nt, vals, strict=True)],
                hoverinfo="text")
            shown.add("national")
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
                      "pace": with_unit(fmt_signed(row["pace_per_year"], lang), unit, lang),
                      "y0": int(row["baseline_year"]), "y1": int(row["target_year"])}
            if with_nat:
                out.append(label("f.pace", lang, **values,
                                 ratio=fmt_number(row["pace_ratio"], lang, 1),
                                 national_pace=with_unit(fmt_signed(row["national_pace"], lang),
                                                         unit, lang)))
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
