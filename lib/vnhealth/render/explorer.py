"""The offline indicator explorer: one HTML file per warehouse build (``reports/explorer.html``).

A reader picks an indicator (grouped by domain, searchable in Vietnamese or English), provinces
(all by default) and a year range, and sees each province's baselines, actuals, milestones and
targets over time (bounds as open triangles, ranges as bands, the national target path, the
2025 reorganization marked), a ranking for one year against the national target, and a table in
which every value opens its document, page, line and quote. The selection downloads as CSV
(UTF-8 with a BOM, so that Excel reads Vietnamese) and the chart as PNG or SVG; the state lives
in the URL fragment, so a link reproduces the view.

What it guarantees:

* **Offline** — no server, no fetch, no CDN: the data is embedded in the page as JSON and
  plotly.js is the reports' shared copy (``assets/plotly.min.js``, written by
  :func:`vnhealth.render.assets.ensure_asset`). When that file is missing the page says so, and the
  table and the CSV still work.
* **The warehouse's numbers** — read through :func:`vnhealth.build.db.connect_read_only` from the
  tables the build materialized: ``observation_values`` (each statement in its indicator's unit,
  with its interval) joined to ``observations`` (page, line, quote), ``comparison`` (the
  one-per-year path, interpolation and the gap to the national target) and
  ``national_benchmark``. Labels, units, number formats, province colours and reform notes come
  from :mod:`vnhealth.report` and :mod:`vnhealth.harmonize.reform`, so the explorer says what the
  reports
  say.
* **Compact, read lazily** — each indicator's values are columnar arrays in their own JSON
  element (quotes stored once), parsed only when the indicator is chosen; so the page of 63
  provinces × 150 indicators shows its controls and table as fast as a small one
  (benchmarks/bench_explorer.py).
* **Safe to embed** — JSON inside ``<script type="application/json">`` with every ``<``
  escaped, so a quote holding ``</script>`` cannot end the element; the page script only ever
  writes text (``textContent``), never markup, from the data.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from vnhealth.harmonize import reform
from vnhealth.inputs.errors import VnhealthError

__all__ = ["EXPLORER_FORMAT", "FILENAME", "UI", "explorer_data", "explorer_html",
           "fingerprint", "write_explorer"]

FILENAME = "explorer.html"
ASSET = "assets/plotly.min.js"
# Bumped when the page or its data layout changes, so that a render writes the page again.
EXPLORER_FORMAT = "1"
TEMPLATES = Path(__file__).resolve().parent / "templates"
# Codes the page uses for small vocabularies (the arrays hold indices into these).
KINDS = ("baseline", "actual", "trajectory", "target")
COMPARATORS = ("=", ">", ">=", "<", "<=", "range")
METHODS = ("stated", "interpolated")

# The explorer's own texts, both languages in one place (NFC; tests/render/test_explorer.py checks
# that both have the same keys). Texts shared with the reports (kinds, units, assessments,
# legend entries) are taken from vnhealth.report.LABELS instead, see _report_labels().
UI: dict[str, dict[str, str]] = {
    "vi": {
        "title": "Khám phá chỉ tiêu y tế các tỉnh",
        "lang": "Ngôn ngữ",
        "indicator": "Chỉ tiêu",
        "search": "Tìm chỉ tiêu, có dấu hay không…",
        "no_match": "Không có chỉ tiêu nào khớp",
        "provinces": "Tỉnh",
        "province_search": "Lọc tỉnh…",
        "all": "Tất cả",
        "none": "Bỏ chọn",
        "years": "Giai đoạn",
        "year_from": "Từ năm",
        "year_to": "đến năm",
        "downloads": "Tải xuống",
        "csv": "CSV",
        "png": "Biểu đồ PNG",
        "svg": "Biểu đồ SVG",
        "copy_link": "Sao chép liên kết",
        "copied": "Đã sao chép liên kết",
        "copy_failed": "Không sao chép được; hãy sao chép địa chỉ trên thanh trình duyệt",
        "chart": "Diễn biến theo năm",
        "ranking": "Xếp hạng năm",
        "ranking_none": "Không tỉnh nào đã chọn có giá trị cho năm {year}.",
        "table": "Số liệu và nguồn",
        "table_hint": "Bấm vào một giá trị để xem văn bản, trang/dòng và trích dẫn.",
        "table_count": "{n} giá trị",
        "no_data": "Không có giá trị cho các tỉnh và giai đoạn đã chọn.",
        "no_province": "Chưa chọn tỉnh nào.",
        "n_provinces": "{n} tỉnh có số liệu",
        "no_values": "không có số liệu",
        "unit_is": "Đơn vị: {unit}",
        "direction.higher_is_better": "càng cao càng tốt",
        "direction.lower_is_better": "càng thấp càng tốt",
        "direction.band": "tốt nhất trong khoảng {low}–{high}",
        "direction.descriptive": "chỉ mô tả, không có chiều tốt hơn",
        "national_years": "Mục tiêu quốc gia: {years}",
        "no_national": "Không có mục tiêu quốc gia",
        "reform_line": "Sắp xếp tỉnh {date}",
        "reform_many": "{n} tỉnh đã chọn thay đổi địa giới năm 2025 trong giai đoạn đang xem: "
                       "số liệu trước và sau ngày hiệu lực thuộc các địa bàn khác nhau. Xem "
                       "từng tỉnh…",
        "interpolated_between": "nội suy giữa {a} và {b}",
        "click_source": "Bấm để xem nguồn",
        "source_title": "Nguồn của giá trị",
        "close": "Đóng",
        "open_document": "Mở văn bản",
        "open_text": "Mở văn bản trích xuất",
        "as_written": "Nguyên văn",
        "in_unit": "Theo đơn vị của chỉ tiêu",
        "relative_rule": "Quy đổi từ mức thay đổi",
        "page": "Trang",
        "line": "Dòng",
        "page_line": "tr. {page}, dòng {line}",
        "line_only": "dòng {line}",
        "issued": "Ban hành",
        "period": "Giai đoạn",
        "file": "Tệp",
        "obs_id": "Mã bản ghi",
        "contributing": "Các giá trị dẫn đến số này",
        "gap": "Chênh lệch với quốc gia",
        "no_national_year": "Không có mục tiêu quốc gia năm {year}",
        "plotly_missing": "Không vẽ được biểu đồ: không tải được thư viện vẽ biểu đồ "
                          "(assets/plotly.min.js phải nằm trong thư mục assets/ cạnh tệp "
                          "này). Bảng số liệu, nguồn và tải CSV vẫn dùng được.",
        "legend.baseline": "Hiện trạng",
        "legend.actual": "Thực hiện",
        "legend.trajectory": "Lộ trình hằng năm",
        "legend.target": "Mục tiêu",
        "legend.many": "{n} tỉnh: di chuột lên điểm để biết tỉnh; màu tỉnh ở danh sách bên trái",
        "footer": "Dữ liệu: bản dựng {build} · Tạo lúc {at} · vnhealth {version}",
        "footer_note": "Mỗi giá trị dẫn về văn bản, số dòng và trích dẫn gốc. Giá trị nội suy "
                       "là tuyến tính giữa hai mốc của kế hoạch. Trang này không cần mạng.",
        "noscript": "Trang này cần JavaScript để hiển thị.",
        "loading": "Đang tải biểu đồ…",
    },
    "en": {
        "title": "Provincial health indicator explorer",
        "lang": "Language",
        "indicator": "Indicator",
        "search": "Search indicators…",
        "no_match": "No indicator matches",
        "provinces": "Provinces",
        "province_search": "Filter provinces…",
        "all": "All",
        "none": "None",
        "years": "Years",
        "year_from": "From",
        "year_to": "to",
        "downloads": "Download",
        "csv": "CSV",
        "png": "Chart PNG",
        "svg": "Chart SVG",
        "copy_link": "Copy link",
        "copied": "Link copied",
        "copy_failed": "Could not copy; copy the address from the browser bar",
        "chart": "Over time",
        "ranking": "Ranking for",
        "ranking_none": "No selected province has a value for {year}.",
        "table": "Values and sources",
        "table_hint": "Click a value to see its document, page/line and quote.",
        "table_count": "{n} values",
        "no_data": "No values for the selected provinces and years.",
        "no_province": "No province selected.",
        "n_provinces": "{n} provinces with data",
        "no_values": "no data",
        "unit_is": "Unit: {unit}",
        "direction.higher_is_better": "higher is better",
        "direction.lower_is_better": "lower is better",
        "direction.band": "best within {low}–{high}",
        "direction.descriptive": "descriptive, no better side",
        "national_years": "National targets: {years}",
        "no_national": "No national target",
        "reform_line": "Reorganization {date}",
        "reform_many": "{n} selected provinces changed in 2025 within the years shown: figures "
                       "before and after the day it took effect describe different territories. "
                       "Each province…",
        "interpolated_between": "interpolated between {a} and {b}",
        "click_source": "Click for the source",
        "source_title": "Source of the value",
        "close": "Close",
        "open_document": "Open the document",
        "open_text": "Open the extracted text",
        "as_written": "As written",
        "in_unit": "In the indicator's unit",
        "relative_rule": "Computed from a change",
        "page": "Page",
        "line": "Line",
        "page_line": "p. {page}, line {line}",
        "line_only": "line {line}",
        "issued": "Issued",
        "period": "Period",
        "file": "File",
        "obs_id": "Observation id",
        "contributing": "Values behind this number",
        "gap": "Gap to national",
        "no_national_year": "No national target for {year}",
        "plotly_missing": "The charts cannot be drawn: the charting library did not load "
                          "(assets/plotly.min.js must sit in an assets/ folder next to this "
                          "file). The table, sources and CSV download still work.",
        "legend.baseline": "Baseline",
        "legend.actual": "Actual",
        "legend.trajectory": "Yearly milestone",
        "legend.target": "Target",
        "legend.many": "{n} provinces: hover a point for its province; colours are listed "
                       "on the left",
        "footer": "Data: build {build} · Generated {at} · vnhealth {version}",
        "footer_note": "Every value leads to its document, line and quote. Interpolated values "
                       "are linear between two milestones of a plan. This page needs no "
                       "network.",
        "noscript": "This page needs JavaScript.",
        "loading": "Loading the charts…",
    },
}

# Keys of vnhealth.report.LABELS the page uses, so that it words things as the reports do.
_REPORT_KEYS = ("national", "national_target", "indicator", "province", "value", "unit", "year",
                "kind", "document", "quote", "baseline", "target", "trajectory", "actual",
                "interpolated", "legend.range", "legend.lower", "legend.upper",
                "legend.interpolated", "ahead of national", "behind national",
                "level with national", "within band", "closer to band", "farther from band",
                "as close to band as national", "no national value", "no provincial value",
                "better", "worse", "reform")


# ---------------------------------------------------------------------------------------------
# reading the warehouse
# ---------------------------------------------------------------------------------------------
def _num(x: Any) -> float | int | None:
    """A JSON-safe number: NaN and None become null, whole floats stay floats."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return x


def _text(x: Any) -> str | None:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return unicodedata.normalize("NFC", str(x))


def _query(con: Any, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params) if params is not None else con.execute(sql)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def _by_indicator(rows: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        out.setdefault(r["indicator_id"], []).append(r)
    return out


class _Strings:
    """A table of distinct strings (quotes, sources): each stored once, referred to by index."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def ref(self, text: Any) -> int | None:
        value = _text(text)
        if value is None:
            return None
        if value not in self._index:
            self._index[value] = len(self.items)
            self.items.append(value)
        return self._index[value]


_OBS_SQL = """
SELECT ov.obs_id, ov.doc_id, ov.province_id, ov.indicator_id, ov.kind, ov.year, ov.comparator,
       ov.value, ov.value_low, ov.value_high, ov.relative_rule, o.page, o.line, o.quote,
       o.value_text, o.unit AS unit_written
FROM observation_values ov JOIN observations o USING (obs_id)
ORDER BY ov.indicator_id, ov.province_id, ov.year, ov.obs_id"""

# One value per province × indicator × year (a target before a milestone, an actual, a
# baseline; stated before interpolated), with the gap to the national target: the rows the
# reports' views show (comparison.is_primary).
_ROWS_SQL = """
SELECT province_id, indicator_id, year, kind, method, comparator, value, value_low, value_high,
       gap, assessment, anchor_year_before, anchor_year_after, obs_ids
FROM comparison
WHERE is_primary AND method IN ('stated', 'interpolated')
ORDER BY indicator_id, province_id, year"""

_NATIONAL_SQL = """
SELECT indicator_id, year, national_value, national_value_low, national_value_high,
       national_comparator, national_source, national_conflict
FROM national_benchmark ORDER BY indicator_id, year"""

# The compact layout (explorer.js `expand` reads it back): columns are arrays, except that a
# SPARSE column, when mostly empty, is {index: value} of its non-null entries, and a LIKE_VALUE
# column (an interval's end, mostly equal to the value) is {index: value} where it differs from
# the value (null there: unbounded). `gx` holds the gaps that are not value − national.
SPARSE = frozenset({"u", "r", "pg", "ab", "aa"})
LIKE_VALUE = frozenset({"lo", "hi"})


def _columns(rows: Sequence[Mapping[str, Any]], spec: Mapping[str, Any]) -> dict[str, Any]:
    """Rows to the compact columns: ``spec`` maps a column key to a function of the row."""
    out: dict[str, Any] = {}
    for key, get in spec.items():
        out[key] = [get(row) for row in rows]
    for key in (SPARSE | LIKE_VALUE) & set(out):
        values = out[key]
        kept = {str(k): v for k, v in enumerate(values) if v is not None} if key in SPARSE else {
            str(k): v for k, (v, x) in enumerate(zip(values, out["v"], strict=True))
            if v != x or v is None}
        # the sparse form only where it is the smaller one (explorer.js reads both)
        if len(kept) * 2 < len(values):
            out[key] = kept
    return out


def _kind(r: Mapping[str, Any]) -> int:
    return KINDS.index(r["kind"]) if r["kind"] in KINDS else 0


def _comparator(value: Any) -> int | None:
    return COMPARATORS.index(value) if value in COMPARATORS else None


def _observations(rows: list[dict[str, Any]], prov: Mapping[str, int], docs: Mapping[str, int],
                  quotes: _Strings, own_unit: str | None) -> dict[str, Any]:
    """An indicator's stated values, each with its document, page, line and quote."""
    return _columns(rows, {
        "p": lambda r: prov[r["province_id"]], "y": lambda r: int(r["year"]), "k": _kind,
        "c": lambda r: _comparator(r["comparator"]) or 0,
        "v": lambda r: _num(r["value"]), "lo": lambda r: _num(r["value_low"]),
        "hi": lambda r: _num(r["value_high"]), "d": lambda r: docs[r["doc_id"]],
        "pg": lambda r: _num(r["page"]), "ln": lambda r: _num(r["line"]),
        # obs_id is doc_id:line:n (data dictionary); kept whole when it is not.
        "n": _obs_suffix, "q": lambda r: quotes.ref(r["quote"]),
        "t": lambda r: _text(r["value_text"]),
        # the unit as written only where it differs from the indicator's own
        "u": lambda r: None if r["unit_written"] == own_unit else _text(r["unit_written"]),
        "r": lambda r: _text(r["relative_rule"]),
    })


def _obs_suffix(row: Mapping[str, Any]) -> int | str:
    prefix = f"{row['doc_id']}:{row['line']}:"
    rest = str(row["obs_id"])[len(prefix):] if str(row["obs_id"]).startswith(prefix) else ""
    return int(rest) if rest.isdigit() else str(row["obs_id"])


def _rows(rows: list[dict[str, Any]], prov: Mapping[str, int], where: Mapping[str, int],
          national: Mapping[int, float | None], assessments: list[str]) -> dict[str, Any]:
    """An indicator's one-per-year rows: the path, interpolation and the gap to national."""
    def assessment(r: Mapping[str, Any]) -> int | None:
        text = _text(r["assessment"])
        if text is None:
            return None
        if text not in assessments:
            assessments.append(text)
        return assessments.index(text)

    out = _columns(rows, {
        "p": lambda r: prov[r["province_id"]], "y": lambda r: int(r["year"]), "k": _kind,
        "m": lambda r: METHODS.index(r["method"]), "c": lambda r: _comparator(r["comparator"]),
        "v": lambda r: _num(r["value"]), "lo": lambda r: _num(r["value_low"]),
        "hi": lambda r: _num(r["value_high"]), "a": assessment,
        "ab": lambda r: _num(r["anchor_year_before"]),
        "aa": lambda r: _num(r["anchor_year_after"]),
        "o": lambda r: [where[i] for i in (r["obs_ids"] or "").split(",") if i in where],
    })
    # value − national is the gap (data dictionary); only where the warehouse says otherwise
    # (a level within rounding is 0) is it stored.
    gaps = {}
    for k, r in enumerate(rows):
        nat = national.get(int(r["year"]))
        computed = None if nat is None or r["value"] is None else r["value"] - nat
        if _num(r["gap"]) != computed:
            gaps[str(k)] = _num(r["gap"])
    out["gx"] = gaps
    return out


def _national(rows: list[dict[str, Any]], sources: _Strings) -> dict[str, Any]:
    return _columns(rows, {
        "y": lambda r: int(r["year"]), "v": lambda r: _num(r["national_value"]),
        "lo": lambda r: _num(r["national_value_low"]),
        "hi": lambda r: _num(r["national_value_high"]),
        "c": lambda r: _comparator(r["national_comparator"]) or 0,
        "s": lambda r: sources.ref(r["national_source"]),
        "x": lambda r: bool(r["national_conflict"]),
    })


def _blocks(con: Any, prov: Mapping[str, int], docs: Mapping[str, int], sources: _Strings,
            assessments: list[str]) -> dict[str, dict[str, Any]]:
    """Per indicator, everything drawn for it (its own quotes included): the page parses an
    indicator's block only when it is chosen, so its load time does not grow with their number.
    """
    units = dict(con.execute("SELECT indicator_id, unit FROM indicators").fetchall())
    obs = _by_indicator(_query(con, _OBS_SQL))
    rows = _by_indicator(r for r in _query(con, _ROWS_SQL) if r["province_id"] in prov)
    national = _by_indicator(_query(con, _NATIONAL_SQL))
    blocks = {}
    for ind in sorted(set(obs) | set(national)):
        quotes = _Strings()
        mine = obs.get(ind, [])
        where = {r["obs_id"]: k for k, r in enumerate(mine)}
        nat = {int(r["year"]): _num(r["national_value"]) for r in national.get(ind, [])}
        blocks[ind] = {
            "obs": _observations(mine, prov, docs, quotes, units.get(ind)),
            "rows": _rows(rows.get(ind, []), prov, where, nat, assessments),
            "national": _national(national.get(ind, []), sources),
            "quotes": quotes.items,
        }
    return blocks


def _iso(when: Any) -> str | None:
    if isinstance(when, (date, datetime)):
        return when.isoformat()[:10]
    return _text(when)


def _provinces(con: Any, with_data: set[str]) -> list[dict[str, Any]]:
    """Provinces with data, with their colour and what the 2025 reform made of them."""
    from vnhealth.report import province_colour

    rows = _query(con, "SELECT * FROM provinces ORDER BY rowid")
    lineage = {r["province_id"]: r for r in reform.lineage(rows)}
    out = []
    for r in rows:
        pid = r["province_id"]
        if pid not in with_data:
            continue
        me = lineage[pid]
        when = me["effective_on"]
        notes = {}
        if me["change"] != "unchanged" and when is not None:
            # A year on each side of the change: the note a comparison across it needs.
            notes = {lang: reform.note(pid, when.year - 1, when.year + 1, lineage.values(), lang)
                     for lang in ("vi", "en")}
        out.append({"id": pid, "vi": _text(r["name_vi"]), "en": _text(r["name_en"]),
                    "colour": province_colour(pid), "change": me["change"],
                    "on": _iso(when), "note_vi": notes.get("vi"), "note_en": notes.get("en")})
    return out


def _href(root: Path | None, out_dir: Path | None, path: Any) -> str | None:
    """A link from the page to a file of the project (the raw document), when it exists."""
    if root is None or out_dir is None or not path:
        return None
    target = (root / str(path)).resolve()
    if not target.is_file():
        return None
    rel = os.path.relpath(target, out_dir.resolve())
    return "/".join(_quote_part(p) for p in Path(rel).as_posix().split("/"))


def _quote_part(part: str) -> str:
    from urllib.parse import quote

    return quote(part, safe="-_.~")


def _documents(con: Any, root: Path | None, out_dir: Path | None) -> list[dict[str, Any]]:
    out = []
    for d in _query(con, "SELECT * FROM documents ORDER BY doc_id"):
        issued = _iso(d.get("issued_on")) or _text(d.get("issued_text"))
        period = (f"{d['period_start']}–{d['period_end']}"
                  if d.get("period_start") and d.get("period_end")
                  and d["period_start"] != d["period_end"] else _text(d.get("period_start")))
        out.append({"id": d["doc_id"], "number": _text(d.get("doc_number")),
                    "title": _text(d.get("title")), "issuer": _text(d.get("issuer")),
                    "issued": issued, "period": period, "file": _text(d.get("source_file")),
                    "sha256": _text(d.get("sha256")),
                    "href": _href(root, out_dir, d.get("source_file")),
                    "text_href": _href(root, out_dir, d.get("text_file"))})
    return out


def _indicators(con: Any, blocks: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The indicators with values (in catalogue order), with what the page shows before their
    block is read: how many provinces have values and the years of the values."""
    from vnhealth.report import domain_label

    out = []
    for r in _query(con, "SELECT * FROM indicators ORDER BY rowid"):
        block = blocks.get(r["indicator_id"])
        if block is None:
            continue
        years = [*block["obs"]["y"], *block["rows"]["y"], *block["national"]["y"]]
        out.append({"id": r["indicator_id"], "vi": _text(r["name_vi"]), "en": _text(r["name_en"]),
                    "n": len(set(block["obs"]["p"])), "years": [min(years), max(years)],
                    "domain": r["domain"], "domain_vi": domain_label(r["domain"], "vi"),
                    "domain_en": domain_label(r["domain"], "en"), "unit": r["unit"],
                    "direction": r["direction"], "band": [_num(r.get("band_low")),
                                                          _num(r.get("band_high"))],
                    "aliases": _text(r.get("aliases")) or ""})
    return out


def _units(con: Any) -> dict[str, dict[str, str | None]]:
    """Each unit's short label after a number and, for a difference, its points label (``điểm
    %``/``pp``), both as the reports write them (vnhealth.report.unit_label, fmt_change)."""
    from vnhealth.report import label, unit_label

    out = {}
    for (unit,) in con.execute("SELECT unit_id FROM units ORDER BY unit_id").fetchall():
        entry: dict[str, str | None] = {}
        for lang in ("vi", "en"):
            entry[lang] = unit_label(unit, lang)
            points = label(f"change.{unit}", lang)
            entry[f"change_{lang}"] = None if points == f"change.{unit}" else points
        out[unit] = entry
    return out


def _labels(assessments: Sequence[str]) -> dict[str, dict[str, str]]:
    from vnhealth.report import label

    out = {}
    for lang in ("vi", "en"):
        shared = {k: label(k, lang) for k in (*_REPORT_KEYS, *assessments)}
        out[lang] = {**shared, **UI[lang]}
    return out


def explorer_data(con: Any, *, root: Path | None = None, out_dir: Path | None = None
                  ) -> dict[str, Any]:
    """Everything the page shows, from an open read-only connection, as one JSON-ready dict:
    the index (names, provinces, documents, labels) and ``blocks``, one per indicator.

    ``root`` (the project root) and ``out_dir`` (where the page goes) make the links from each
    value to its raw document; without them the page names the file but does not link it.
    """
    from vnhealth import __version__

    with_data = {r[0] for r in con.execute(
        "SELECT DISTINCT province_id FROM observation_values").fetchall()}
    provinces = _provinces(con, with_data)
    prov = {p["id"]: k for k, p in enumerate(provinces)}
    documents = _documents(con, root, out_dir)
    sources, assessments = _Strings(), []
    blocks = _blocks(con, prov, {d["id"]: k for k, d in enumerate(documents)}, sources,
                     assessments)
    build = con.execute("SELECT build_hash FROM build_info").fetchone()
    return {
        "format": EXPLORER_FORMAT, "build": str(build[0]) if build else "",
        "version": __version__, "kinds": KINDS, "comparators": COMPARATORS, "methods": METHODS,
        "provinces": provinces, "documents": documents,
        "indicators": _indicators(con, blocks), "units": _units(con),
        "assessments": assessments, "labels": _labels(assessments), "sources": sources.items,
        "blocks": blocks,
    }


# ---------------------------------------------------------------------------------------------
# the page
# ---------------------------------------------------------------------------------------------
def embed_json(data: Any) -> str:
    """JSON for a ``<script type="application/json">`` element: compact, NFC text kept as is,
    every ``<`` escaped (so ``</script>`` or ``<!--`` in a quote cannot end the element) and the
    line separators JavaScript once treated as line ends escaped too.

    >>> embed_json({"q": "a </script> b"})
    '{"q":"a \\\\u003c/script> b"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace("\u2028", "\\u2028")
            .replace("\u2029", "\\u2029"))


def _template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


_SLOT = re.compile(r"%%([A-Z]+)%%")


def explorer_html(data: Mapping[str, Any], *, generated: str | None = None,
                  fingerprint_: str = "", asset: str = ASSET, lang: str = "vi") -> str:
    """The page: the shell template with its CSS, script and the embedded data (the index in
    ``#vnh-data``, each indicator's block in its own element, parsed when it is chosen).

    Slots are filled in one pass, so text in the data can never be read as a slot.
    """
    css, js = _template("explorer.css"), _template("explorer.js")
    for name, code in (("explorer.css", css), ("explorer.js", js)):
        # Inline code must not close its own element.
        if re.search(r"</(script|style)", code, re.I):
            raise ValueError(f"{name} contains a closing script/style tag")
    generated = generated or datetime.now().astimezone().isoformat(timespec="seconds")
    meta = {"vnhealth:build": str(data.get("build", "")), "vnhealth:generated": generated,
            "vnhealth:explorer": fingerprint_}
    slots = {
        "LANG": html.escape(lang),
        "TITLE": html.escape(UI[lang]["title"]),
        "META": "\n".join(f'<meta name="{k}" content="{html.escape(v)}">'
                          for k, v in meta.items()),
        "NOSCRIPT": html.escape(UI[lang]["noscript"]),
        "ASSET": html.escape(asset, quote=True),
        "CSS": css, "JS": js,
        "DATA": embed_json({k: v for k, v in data.items() if k != "blocks"}
                           | {"generated": generated}),
        "BLOCKS": "\n".join(
            f'<script type="application/json" class="vnh-ind" data-ind="{html.escape(ind)}">'
            f"{embed_json(block)}</script>" for ind, block in data.get("blocks", {}).items()),
    }
    return _SLOT.sub(lambda m: slots[m.group(1)], _template("explorer.html"))


def fingerprint(build_hash: str, out_dir: Path, root: Path | None) -> str:
    """What the page is made of: the data build, the page format, where the page links to (the
    raw documents, relative to it) and every file of the package — its code, this page's
    templates and the report texts the labels come from."""
    from vnhealth import __version__

    h = hashlib.sha256(f"{EXPLORER_FORMAT}\0{build_hash}\0{__version__}\0"
                       f"{out_dir.resolve()}\0{root}".encode())
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


_META_FP = re.compile(r'<meta name="vnhealth:explorer" content="([0-9a-f]*)">')


def _current_fingerprint(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            head = fh.read(4096)
    except OSError:
        return None
    m = _META_FP.search(head)
    return m.group(1) if m else None


def write_explorer(out: str | Path | None = None, warehouse: str | Path | None = None, *,
                   root: str | Path | None = None, force: bool = False) -> tuple[Path, bool]:
    """Write the explorer page (default ``ROOT/reports/explorer.html``) and the shared plotly.js
    beside it (``assets/plotly.min.js``); returns the path and whether it was (re)written.

    A page already written from the same build, library and templates is left alone unless
    ``force``. Written atomically, so a reader never sees half a page.
    """
    import duckdb

    from vnhealth.build.db import connect_read_only
    from vnhealth.inputs.paths import ProjectPaths
    from vnhealth.render.assets import atomic_write as _atomic_write
    from vnhealth.render.assets import ensure_asset
    from vnhealth.report.params import warehouse_path

    paths = ProjectPaths.at(root)
    out = Path(out) if out else paths.root / "reports" / FILENAME
    out = out.resolve()
    source = warehouse_path(warehouse)
    if not source.is_file():
        raise VnhealthError(f"warehouse {source} not found; build it with `vnhealth build` "
                            "(or `make warehouse`)")
    con = connect_read_only(source)
    try:
        build = con.execute("SELECT build_hash FROM build_info").fetchone()
        digest = fingerprint(str(build[0]) if build else "", out.parent, paths.root)
        ensure_asset(out.parent)
        if not force and out.is_file() and _current_fingerprint(out) == digest:
            return out, False
        data = explorer_data(con, root=paths.root, out_dir=out.parent)
    except duckdb.Error as exc:
        # A warehouse built by an older vnhealth may lack a table the page reads.
        raise VnhealthError(f"cannot read {source} for the explorer ({exc}); rebuild it with "
                            "`vnhealth build`") from exc
    finally:
        con.close()
    _atomic_write(out, explorer_html(data, fingerprint_=digest))
    return out, True
