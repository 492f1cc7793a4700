"""Every report notebook, executed through papermill by the manifest renderer on the session's
warehouse with non-default parameters; assertions read the rendered HTML back and compare it
with the warehouse (queried directly, not through the report library)."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import duckdb
import pytest

from vnhealth.render.run import (
    Summary,
    external_references,
    find_chromium,
    load_manifest,
    render_runs,
)
from vnhealth.report import clean_quote, label

# One run per notebook, none with its defaults.
SAMPLE_MANIFEST = """
runs:
  - name: cmp_en
    notebook: province_comparison
    parameters:
      provinces: [lai_chau, son_la]
      domain: ""
      indicators: [life_expectancy, healthy_life_years, epi_vaccine_coverage,
                   hi_visits_at_commune, doctors_per_station]
      year: 2030
      language: en
  - name: gaps_vi
    notebook: indicator_gaps
    parameters:
      provinces: [lai_chau, thua_thien_hue]
      year: 2025
  - name: profile_son_la
    notebook: province_profile
    parameters:
      province: son_la
      peers: [lai_chau]
      year: 2030
      language: en
  - name: brief_vi
    notebook: policy_brief
    parameters:
      provinces: [son_la, lai_chau]
      domain: longevity
      indicators: []
      year: 2030
      language: vi
  - name: explore_son_la
    notebook: explore
    parameters:
      province: son_la
      year: 2045
"""

_CACHE: dict[str, Any] = {}


def render_sample(tmp_root: Path, warehouse: Path) -> tuple[Path, Summary]:
    """Render SAMPLE_MANIFEST once per session (test_browser.py opens the same reports)."""
    if "summary" not in _CACHE:
        tmp_root.mkdir(parents=True, exist_ok=True)
        manifest = tmp_root / "manifest.yaml"
        manifest.write_text(SAMPLE_MANIFEST, encoding="utf-8")
        reports = tmp_root / "reports"
        runs = load_manifest(manifest)
        messages: list[str] = []
        summary = render_runs(runs, reports_dir=reports, warehouse=warehouse, jobs=2,
                              progress=False, say=messages.append)
        _CACHE.update(summary=summary, reports=reports, messages=messages)
    return _CACHE["reports"], _CACHE["summary"]


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory, warehouse_path: Path
           ) -> tuple[Path, Summary]:
    return render_sample(tmp_path_factory.getbasetemp() / "sample_reports", warehouse_path)


class Cells(HTMLParser):
    """Collects <td>/<th> cells with their data-* attributes, title and visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[dict[str, Any]] = []
        self._stack: list[dict[str, Any]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag in ("td", "th"):
            self._stack.append({"attrs": dict(attrs), "text": ""})

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        if tag in ("td", "th") and self._stack:
            self.cells.append(self._stack.pop())

    def handle_data(self, data: str) -> None:
        if self._stack and not self._skip:
            self._stack[-1]["text"] += data


def cells(page: str) -> list[dict[str, Any]]:
    parser = Cells()
    parser.feed(page)
    return parser.cells


def value_cells(page: str, table_class: str) -> list[dict[str, Any]]:
    """Cells of the first table with ``table_class`` that carry data-indicator."""
    m = re.search(rf'<table class="[^"]*\b{table_class}\b.*?</table>', page, re.S)
    assert m, f"no table {table_class}"
    return [c for c in cells(m.group(0)) if "data-indicator" in c["attrs"]]


def read(reports: Path, key: str) -> str:
    return (reports / f"{key}.html").read_text(encoding="utf-8")


def test_manifest_renders_every_notebook(sample: tuple[Path, Summary],
                                         warehouse_path: Path) -> None:
    reports, summary = sample
    assert [o.status for o in summary.outcomes] == ["ok"] * 5, [o.message for o in
                                                                summary.outcomes]
    assert summary.exit_code == 0
    con = duckdb.connect(str(warehouse_path), read_only=True)
    build = con.execute("SELECT build_hash FROM build_info").fetchone()[0]
    con.close()
    assert summary.build_hash == build
    for o in summary.outcomes:
        meta = json.loads((reports / o.run.notebook / f"{o.run.name}.json").read_text())
        assert meta["build_hash"] == build
        assert meta["parameters"] == {k: v for k, v in o.parameters.items() if k != "warehouse"}
    index = (reports / "index.html").read_text(encoding="utf-8")
    for o in summary.outcomes:
        assert f'href="{o.run.notebook}/{o.run.name}.html"' in index
    assert build[:12] in index and "provinces=[lai_chau, son_la]" in index
    assert "rendered" in summary.line() and "5 rendered" in summary.line()


def test_comparison_values_equal_the_warehouse(sample: tuple[Path, Summary],
                                               warehouse_path: Path) -> None:
    """The comparison table shows, for Lai Châu and Sơn La in 2030, the warehouse's values,
    written in English, each with its source line and quote."""
    reports, _ = sample
    page = read(reports, "province_comparison/cmp_en")
    shown = {(c["attrs"]["data-province"], c["attrs"]["data-indicator"]): c
             for c in value_cells(page, "vnh-comparison")}
    con = duckdb.connect(str(warehouse_path), read_only=True)
    expected = con.execute("""
        SELECT province_id, indicator_id, value, obs_ids FROM harmonized
        WHERE year = 2030 AND method = 'stated' AND kind = 'target'
          AND province_id IN ('lai_chau', 'son_la')
          AND indicator_id IN ('life_expectancy', 'healthy_life_years', 'epi_vaccine_coverage',
                               'hi_visits_at_commune', 'doctors_per_station')""").fetchall()
    quotes = dict(con.execute("SELECT obs_id, quote FROM observations").fetchall())
    national = dict(con.execute("""SELECT indicator_id, value FROM national_targets
                                   WHERE year = 2030 AND kind = 'target'""").fetchall())
    con.close()
    assert len(expected) >= 8
    for province, indicator, value, obs_ids in expected:
        cell = shown[(province, indicator)]
        assert float(cell["attrs"]["data-value"]) == pytest.approx(value)
        first = obs_ids.split(",")[0]
        # the quote as clean text (no tabs, pipes or markup from the source table)
        assert clean_quote(quotes[first])[:40] in html.unescape(cell["attrs"]["title"])
    assert shown[("son_la", "life_expectancy")]["text"].startswith("74.5 years")
    assert shown[("lai_chau", "healthy_life_years")]["text"].startswith("≥ 65 years")
    assert shown[("lai_chau", "doctors_per_station")]["text"].startswith("4–5 doctors/station")
    # Sơn La sets no 2030 target for doctors per station: shown as missing, not invented.
    assert shown[("son_la", "doctors_per_station")]["text"] == "—"
    for ind in ("life_expectancy", "healthy_life_years", "epi_vaccine_coverage"):
        assert float(shown[("national", ind)]["attrs"]["data-value"]) == national[ind]
    # Every source is listed with the document number and the line.
    sources = page[page.index("vnh-sources"):]
    assert "01/KH-UBND" in sources and "48-KH/ĐU" in sources
    assert re.search(r"<td>23</td>", sources)
    assert page.count('class="vnh-chart"') == 3


def test_vietnamese_brief(sample: tuple[Path, Summary], warehouse_path: Path) -> None:
    reports, summary = sample
    page = read(reports, "policy_brief/brief_vi")
    assert '<html lang="vi">' in page
    shown = {(c["attrs"]["data-province"], c["attrs"]["data-indicator"]): c["text"]
             for c in value_cells(page, "vnh-comparison")}
    assert shown[("son_la", "life_expectancy")].startswith("74,5 năm")  # decimal comma
    assert shown[("national", "life_expectancy")].startswith("75,5 năm")
    findings = re.search(r'<ul class="vnh-findings">(.*?)</ul>', page, re.S).group(1)
    text = html.unescape(re.sub(r"<[^>]+>", "", findings))
    # Numbers in the findings come from the data: Sơn La 74,5 against the national 75,5.
    assert "Sơn La" in text and "74,5 năm" in text and "75,5 năm" in text
    assert "74.5" not in text
    # One self-contained file: plotly.js inside, nothing linked or fetched.
    assert "../assets/plotly.min.js" not in page
    assert len(page) > 3_000_000
    assert external_references(page) == []
    assert page.count('class="vnh-chart"') == 4
    brief = next(o for o in summary.outcomes if o.run.name == "brief_vi")
    if find_chromium():
        pdf = reports / "policy_brief" / "brief_vi.pdf"
        assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 20_000
        assert brief.pdf == pdf
    else:
        assert any("chromium not found" in m for m in _CACHE["messages"])


def test_gaps_report(sample: tuple[Path, Summary], warehouse_path: Path) -> None:
    reports, _ = sample
    page = read(reports, "indicator_gaps/gaps_vi")
    con = duckdb.connect(str(warehouse_path), read_only=True)
    national = {r[0] for r in con.execute(
        "SELECT DISTINCT indicator_id FROM national_targets WHERE kind='target' AND year=2025"
    ).fetchall()}
    covered = {(p, i) for p, i in con.execute("""
        SELECT DISTINCT province_id, indicator_id FROM harmonized
        WHERE year = 2025 AND method <> 'missing' AND kind IN ('target', 'trajectory')"""
    ).fetchall()}
    con.close()
    gaps = {(c["attrs"]["data-province"], c["attrs"]["data-indicator"]): c["attrs"]["data-status"]
            for c in value_cells(page, "vnh-coverage")}
    for province in ("lai_chau", "thua_thien_hue"):
        for ind in national:
            if (province, ind) in covered:
                assert (province, ind) not in gaps
            else:
                assert gaps[(province, ind)] in ("none", "other_year", "relative")
    # Ambition: gap = target − national, direction-aware class.
    ambition = value_cells(page, "vnh-ambition")
    assert ambition
    imr = next(c for c in ambition if c["attrs"]["data-indicator"] == "infant_mortality"
               and c["attrs"]["data-province"] == "lai_chau")
    assert float(imr["attrs"]["data-gap"]) == pytest.approx(28 - 12.5)
    assert "thấp hơn mục tiêu quốc gia" in page  # lower is better: 28‰ is behind 12,5‰
    # Pace: Lai Châu's hypertension plan, 35 % (2020) → 50 % (2025), is 3 points a year.
    pace = {(c["attrs"]["data-province"], c["attrs"]["data-indicator"]): c
            for c in value_cells(page, "vnh-pace")}
    assert float(pace[("lai_chau", "hypertension_managed")]["attrs"]["data-pace"]) == 3.0
    # a pace of percentages is in percentage points (it was "+3%", a relative change)
    assert pace[("lai_chau", "hypertension_managed")]["text"] == "+3 điểm %"
    # Thừa Thiên Huế became Huế in 2025: the report says so.
    assert "Thừa Thiên Huế trở thành Thành phố Huế từ 01/01/2025" in html.unescape(page)


def test_profile_report(sample: tuple[Path, Summary], warehouse_path: Path) -> None:
    reports, _ = sample
    page = read(reports, "province_profile/profile_son_la")
    rows = value_cells(page, "vnh-profile")
    le = [(int(c["attrs"]["data-year"]), float(c["attrs"]["data-value"])) for c in rows
          if c["attrs"]["data-indicator"] == "life_expectancy"]
    con = duckdb.connect(str(warehouse_path), read_only=True)
    expected = con.execute("""SELECT year, value FROM observations WHERE province_id='son_la'
                              AND indicator_id='life_expectancy' ORDER BY line""").fetchall()
    sha = con.execute("SELECT sha256 FROM documents WHERE province_id='son_la'").fetchone()[0]
    con.close()
    assert sorted(le) == sorted((int(y), float(v)) for y, v in expected)
    assert sha[:16] in page  # the provenance appendix names the exact bytes used
    assert "Lai Chau" in page  # the peer given as a parameter
    assert page.count('class="vnh-chart"') == 2
    # the plan's targets with no number are the province's statements too
    assert label("qualitative.intro", "en") in html.unescape(page)


_EXAMPLE = re.compile(
    r"<h2>(?P<title>[^<]*)</h2>\s*<pre class=\"vnh-sql\"[^>]*><code>(?P<sql>.*?)</code></pre>"
    r"\s*"
    r"(?:<p class=\"vnh-meta\">[^<:]*: <code>(?P<params>[^<]*)</code></p>\s*)?"
    # the page shell may wrap a wide table in a scrolling <div>
    r"(?P<result>(?:<div[^>]*>)?<table.*?</table>|<p class=\"vnh-meta\">[^<]*</p>)", re.S)


def explore_examples(page: str) -> list[dict[str, Any]]:
    """Each worked example of the explore report: heading, SQL, bound values, result rows."""
    found = []
    for m in _EXAMPLE.finditer(page):
        params: dict[str, Any] = {}
        for part in filter(None, html.unescape(m["params"] or "").split(", ")):
            name, value = part.split(" = ", 1)
            params[name.lstrip("$")] = value[1:-1] if value.startswith("'") else int(value)
        rows = [[html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
                for r in re.findall(r"<tr>(.*?)</tr>", m["result"], re.S)]
        found.append({"title": html.unescape(m["title"]), "sql": html.unescape(m["sql"]),
                      "params": params, "rows": [r for r in rows if r]})
    return found


def test_explore_notebook(sample: tuple[Path, Summary], warehouse_path: Path) -> None:
    from vnhealth.build.db import connect_read_only
    from vnhealth.cli.commands.sql import run_query, value_text

    reports, _ = sample
    page = read(reports, "explore/explore_son_la")
    text = html.unescape(page)
    assert "toml" not in text and "ploomber" not in text.lower()
    assert 'class="dataframe"' not in page  # no pandas table, so no index column
    examples = explore_examples(page)
    assert [e["title"][:2] for e in examples] == ["1.", "2.", "3.", "4.", "5."]
    assert examples[1]["title"] == "2. Chỉ tiêu của son_la cho năm 2045, với dòng nguồn"
    assert examples[1]["params"] == {"province": "son_la", "year": 2045}
    con = connect_read_only(warehouse_path)
    try:
        for e in examples:
            # Bound, not templated: the values are in the parameter line, never in the SQL.
            assert "son_la" not in e["sql"] and "2045" not in e["sql"], e["title"]
            # The SQL shown is the SQL run: run as shown, it gives the rows shown.
            result = run_query(con, e["sql"], e["params"])
            expected = [[value_text(v) for v in row] for row in result.rows[:50]]
            assert e["rows"] == expected, e["title"]
            assert result.rows, e["title"]
        unmapped = con.execute(
            "SELECT s.line_start, s.text FROM statements s JOIN documents d USING (doc_id) "
            "WHERE d.province_id = 'son_la' AND s.is_numeric AND NOT s.is_mapped").fetchall()
    finally:
        con.close()
    assert "01/KH-UBND" in text  # the targets example's result table
    # Unmapped statements: numbers, not headings. Sơn La's plan has many unmapped statements
    # that are only a table's row number or a heading; none of them is listed.
    numbers = examples[3]
    shown = [(int(r[1]), r[2], r[3]) for r in numbers["rows"]]
    assert shown and len(shown) < len(unmapped)
    for line, found, statement in shown:
        full = next(t for n, t in unmapped if n == line and t.startswith(statement))
        assert not statement.lstrip().startswith("#"), statement
        for number in found.split(" · "):
            assert re.fullmatch(r"\d+(?:[.,]\d+)*(?: ?%)?", number), (line, found)
            assert number.rstrip("%").strip() in full, (line, found)
    bare = [line for line, t in unmapped if re.fullmatch(r"\W*\d+\W*", t)]
    assert bare and not {line for line, _f, _s in shown} & set(bare)


def test_site_reports_share_plotly_and_stay_small(sample: tuple[Path, Summary]) -> None:
    reports, summary = sample
    from plotly.offline import get_plotlyjs

    asset = reports / "assets" / "plotly.min.js"
    assert asset.read_text(encoding="utf-8") == get_plotlyjs()
    for o in summary.outcomes:
        page = o.html.read_text(encoding="utf-8")
        assert external_references(page) == [], o.run.key
        assert "cdn.plot.ly" not in re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.S)
        if not o.run.brief:
            assert '<script type="text/javascript" src="../assets/plotly.min.js">' in page
            assert o.html.stat().st_size < 500_000, o.run.key
