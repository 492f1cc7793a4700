"""The indicator explorer (vnhealth.render.explorer): one offline page per warehouse build.

The page is written from the session's warehouse and driven in headless Chromium over the
DevTools protocol (the client of test_browser.py): an indicator is picked through the search
box and the select, the plotted points are compared with the warehouse, the CSV download with a
query, the URL fragment is reloaded, and the page without plotly.js must say so. Screenshots of
a desktop and a phone view go to tests/artifacts/ (gitignored). Without Chromium the browser
tests are skipped, except on CI (test_browser._chromium).
"""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import shutil
import time
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_browser import ARTIFACTS, LOCAL_SCHEMES, Browser, _chromium

from vnhealth.build.db import connect_read_only
from vnhealth.render.explorer import (
    FILENAME,
    TEMPLATES,
    UI,
    embed_json,
    explorer_data,
    explorer_html,
    write_explorer,
)
from vnhealth.render.run import external_references, render_runs

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _query(warehouse: Path, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    con = connect_read_only(warehouse)
    try:
        cur = con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
    finally:
        con.close()


def _fold(text: str) -> str:
    """What a reader types without diacritics."""
    bare = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in bare if not unicodedata.combining(c)).lower()


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory, warehouse_path: Path) -> Path:
    out = tmp_path_factory.mktemp("explorer") / "reports" / FILENAME
    path, written = write_explorer(out, warehouse_path)
    assert written and path == out.resolve()
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    b = Browser(_chromium())
    yield b
    b.close()


def _open(browser: Browser, url: str, width: int = 1366, height: int = 900) -> None:
    """A full load (about:blank first, so that a changed fragment is a new document)."""
    browser.send("Emulation.setDeviceMetricsOverride", width=width, height=height,
                 deviceScaleFactor=1, mobile=width < 500)
    browser.open("about:blank")
    browser.open(url)
    assert browser.evaluate("window.vnhExplorer.ready.then(() => true)") is True
    errors = [e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]
    assert not errors, errors[0]["params"]["exceptionDetails"]


def _leaving(browser: Browser) -> list[str]:
    return [u for u in browser.requests() if not u.startswith(LOCAL_SCHEMES)]


def _traces(browser: Browser) -> list[dict[str, Any]]:
    """The time-series chart's traces as plotted (the first plotly graph of the page)."""
    return browser.evaluate(
        "Array.from(document.querySelector('.js-plotly-plot').data).map(t => ({"
        "meta: t.meta || null, x: Array.from(t.x || []), y: Array.from(t.y || []),"
        "customdata: t.customdata ? Array.from(t.customdata) : null}))")


def _plotted(traces: list[dict[str, Any]]) -> dict[str, Counter[tuple[Any, ...]]]:
    found: dict[str, Counter[tuple[Any, ...]]] = {"obs": Counter(), "interpolated": Counter(),
                                                  "path": Counter(), "national": Counter(),
                                                  "band": Counter()}
    for tr in traces:
        meta = tr["meta"] or {}
        role = meta.get("role")
        # one trace per province, or (many provinces) merged traces naming each point's
        provinces = meta.get("provinces") or [meta.get("province")] * len(tr["x"])
        if role == "obs":
            for x, y, cd, p in zip(tr["x"], tr["y"], tr["customdata"], provinces, strict=True):
                kind = "obs" if cd.startswith("o") else "interpolated"
                found[kind][(p, int(x), round(y, 9))] += 1
        elif role == "path":
            for x, y, p in zip(tr["x"], tr["y"], provinces, strict=True):
                if x is not None:  # the break between two provinces' paths
                    found["path"][(p, int(x), round(y, 9))] += 1
        elif role == "band":  # a range: a line from its low to its high end, then a break
            for k in range(0, len(tr["x"]), 3):
                found["band"][(provinces[k], int(tr["x"][k]), round(tr["y"][k], 9),
                               round(tr["y"][k + 1], 9))] += 1
        elif role == "national":
            for x, y in zip(tr["x"], tr["y"], strict=True):
                found["national"][(int(x), round(y, 9))] += 1
    return found


def _expected(warehouse: Path, indicator: str, provinces: list[str], y0: int, y1: int
              ) -> dict[str, Counter[tuple[Any, ...]]]:
    """What the chart should draw, asked from the warehouse."""
    where = "indicator_id = ? AND list_contains(?, province_id) AND year BETWEEN ? AND ?"
    args = [indicator, provinces, y0, y1]
    obs = _query(warehouse, f"SELECT province_id, year, value, comparator, value_low, "
                            f"value_high FROM observation_values WHERE {where}", args)
    rows = _query(warehouse, f"SELECT province_id, year, value, method FROM comparison "
                             f"WHERE is_primary AND method IN ('stated', 'interpolated') "
                             f"AND {where}", args)
    national = _query(warehouse, "SELECT year, national_value FROM national_benchmark "
                                 "WHERE indicator_id = ? AND year BETWEEN ? AND ?",
                      [indicator, y0, y1])
    path = Counter((r["province_id"], int(r["year"]), round(r["value"], 9)) for r in rows)
    # A path of a single year is a point, drawn by its marker alone.
    alone = [p for p, n in Counter(k[0] for k in path.elements()).items() if n < 2]
    return {
        "obs": Counter((r["province_id"], int(r["year"]), round(r["value"], 9)) for r in obs),
        "interpolated": Counter((r["province_id"], int(r["year"]), round(r["value"], 9))
                                for r in rows if r["method"] == "interpolated"),
        "path": Counter({k: n for k, n in path.items() if k[0] not in alone}),
        "national": Counter((int(r["year"]), round(r["national_value"], 9)) for r in national),
        "band": Counter((r["province_id"], int(r["year"]), round(r["value_low"], 9),
                         round(r["value_high"], 9)) for r in obs if r["comparator"] == "range"),
    }


def _busiest_indicator(warehouse: Path) -> str:
    """The indicator with the most provinces (then the most bounds and ranges) to test on."""
    return _query(warehouse, """
        SELECT indicator_id FROM observation_values GROUP BY indicator_id
        ORDER BY count(DISTINCT province_id) DESC, count(*) FILTER (WHERE comparator <> '=') DESC,
                 count(*) DESC, indicator_id LIMIT 1""")[0]["indicator_id"]


# ---------------------------------------------------------------------------------------------
# without a browser
# ---------------------------------------------------------------------------------------------
def test_ui_texts_complete_and_nfc() -> None:
    assert set(UI["vi"]) == set(UI["en"])
    for lang in ("vi", "en"):
        for key, text in UI[lang].items():
            assert unicodedata.is_normalized("NFC", text), key
            assert text.strip(), key
    for path in TEMPLATES.iterdir():
        text = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), path.name
        if path.suffix in (".js", ".css"):
            assert "</script" not in text.lower() and "</style" not in text.lower()


def test_embedded_data_cannot_end_its_element(warehouse_path: Path) -> None:
    con = connect_read_only(warehouse_path)
    try:
        data = explorer_data(con)
    finally:
        con.close()
    evil = 'x </script><script>window.pwned = 1</script> <!-- "quoted" & \u2028 done'
    block = data["blocks"]["life_expectancy"]
    block["quotes"] = [evil, *block["quotes"]]
    data["provinces"][0]["vi"] = evil
    markup = explorer_html(data, fingerprint_="abc")
    found = re.findall(r'<script type="application/json" (id="vnh-data"|class="vnh-ind" '
                       r'data-ind="([a-z0-9_]+)")>(.*?)</script>', markup, re.S)
    assert len(found) == 1 + len(data["blocks"])
    for _attr, ind, body in found:
        assert "<" not in body
        if not ind:
            assert json.loads(body)["provinces"][0]["vi"] == evil
        elif ind == "life_expectancy":
            assert json.loads(body)["quotes"][0] == evil
    # the data elements, the page script, plotly.js: nothing else
    assert markup.count("<script") == len(found) + 2
    assert external_references(markup) == []
    assert '<script defer src="assets/plotly.min.js"></script>' in markup
    assert embed_json({"q": "</script>"}) == '{"q":"\\u003c/script>"}'


def test_write_once_per_build(tmp_path: Path, warehouse_path: Path) -> None:
    out = tmp_path / "site" / FILENAME
    path, written = write_explorer(out, warehouse_path)
    assert written and (tmp_path / "site" / "assets" / "plotly.min.js").is_file()
    before = path.stat().st_mtime_ns
    assert write_explorer(out, warehouse_path) == (path, False)
    assert path.stat().st_mtime_ns == before
    assert write_explorer(out, warehouse_path, force=True) == (path, True)
    build = _query(warehouse_path, "SELECT build_hash FROM build_info")[0]["build_hash"]
    assert f'<meta name="vnhealth:build" content="{build}">' in path.read_text(encoding="utf-8")


def test_render_writes_explorer_and_index_links_it(tmp_path: Path, warehouse_path: Path
                                                   ) -> None:
    reports = tmp_path / "reports"
    messages: list[str] = []
    summary = render_runs([], reports_dir=reports, warehouse=warehouse_path, progress=False,
                          say=messages.append)
    assert summary.exit_code == 0 and (reports / FILENAME).is_file()
    assert any(FILENAME in m for m in messages)
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert '<a href="explorer.html">' in index
    # In the site's header, above the list of reports (vnhealth.render.site).
    assert index.index("explorer.html") < index.index('id="scheduled"')
    messages.clear()
    render_runs([], reports_dir=reports, warehouse=warehouse_path, progress=False,
                say=messages.append)
    assert not any(FILENAME in m for m in messages)  # same build: left alone


# ---------------------------------------------------------------------------------------------
# in Chromium
# ---------------------------------------------------------------------------------------------
def test_select_indicator_draws_the_warehouse(browser: Browser, page: Path,
                                              warehouse_path: Path) -> None:
    _open(browser, page.as_uri())
    assert _leaving(browser) == []
    assert any(u.endswith("/assets/plotly.min.js") for u in browser.requests())
    target = _busiest_indicator(warehouse_path)
    name = _query(warehouse_path, "SELECT name_vi FROM indicators WHERE indicator_id = ?",
                  [target])[0]["name_vi"]
    # Typed without diacritics, as a reader on an English keyboard would.
    browser.evaluate(f"""(() => {{ const s = document.getElementById('vnh-search');
        s.value = {json.dumps(_fold(name))}; s.dispatchEvent(new Event('input')); }})()""")
    browser.evaluate("window.vnhExplorer.update()")
    assert browser.evaluate("window.vnhExplorer.state.ind") == target
    provinces = browser.evaluate("window.vnhExplorer.data.provinces.map(p => p.id)")
    y0, y1 = (int(v) for v in browser.evaluate(
        "[document.getElementById('vnh-y0').value, document.getElementById('vnh-y1').value]"))
    assert _plotted(_traces(browser)) == _expected(warehouse_path, target, provinces, y0, y1)
    # ... and through the select, as a mouse user does.
    other = "life_expectancy" if target != "life_expectancy" else "infant_mortality"
    browser.evaluate(f"""(() => {{ const s = document.getElementById('vnh-indicator');
        s.value = {json.dumps(other)}; s.dispatchEvent(new Event('change')); }})()""")
    browser.evaluate("window.vnhExplorer.update()")
    y0, y1 = (int(v) for v in browser.evaluate(
        "[document.getElementById('vnh-y0').value, document.getElementById('vnh-y1').value]"))
    drawn = _plotted(_traces(browser))
    assert drawn == _expected(warehouse_path, other, provinces, y0, y1)
    assert drawn["obs"], "the chart drew nothing"
    rows = browser.evaluate("document.querySelectorAll('#vnh-table tbody tr').length")
    assert rows == sum(drawn["obs"].values())
    assert _leaving(browser) == []


def _symbols(browser: Browser) -> Counter[str]:
    return Counter(browser.evaluate(
        "Array.from(document.querySelector('.js-plotly-plot').data)"
        ".filter(t => t.meta && t.meta.role === 'obs')"
        ".flatMap(t => t.customdata.map((c, i) => c[0] === 'o' ? t.marker.symbol[i] : ''))"
        ".filter(Boolean)"))


def test_bounds_and_ranges_drawn_as_such(browser: Browser, page: Path,
                                         warehouse_path: Path) -> None:
    """A range is a band from its low to its high end, a bound an open triangle (▲ at least,
    ▼ at most), as in the reports."""
    ind = _query(warehouse_path, """
        SELECT indicator_id FROM observation_values GROUP BY indicator_id
        ORDER BY count(*) FILTER (WHERE comparator = 'range') DESC,
                 count(*) FILTER (WHERE comparator <> '=') DESC, indicator_id LIMIT 1
        """)[0]["indicator_id"]
    _open(browser, f"{page.as_uri()}#indicator={ind}&years=2000-2050")
    provinces = browser.evaluate("window.vnhExplorer.data.provinces.map(p => p.id)")
    drawn = _plotted(_traces(browser))
    assert drawn == _expected(warehouse_path, ind, provinces, 2000, 2050)
    assert drawn["band"], f"{ind} has a range, but no band was drawn"
    comparators = Counter(r["comparator"] for r in _query(
        warehouse_path, "SELECT comparator FROM observation_values WHERE indicator_id = ?",
        [ind]))
    symbols = _symbols(browser)
    assert symbols["triangle-up-open"] == comparators[">"] + comparators[">="]
    assert symbols["triangle-down-open"] == comparators["<"] + comparators["<="]
    assert sum(n for s, n in symbols.items() if s.endswith("-open")
               and not s.startswith("triangle")) == comparators["range"]


def test_ranking_against_national(browser: Browser, page: Path, warehouse_path: Path) -> None:
    """The ranking for a year: each province's one value of that year (comparison.is_primary),
    best first, beside the national target, with its gap in the indicator's unit."""
    ind, year = "life_expectancy", 2030
    _open(browser, f"{page.as_uri()}#indicator={ind}&year={year}&lang=vi")
    rank = browser.evaluate("(() => { const t = document.querySelectorAll('.js-plotly-plot')[1]"
                            ".data.find(t => t.meta && t.meta.role === 'rank');"
                            "return {x: Array.from(t.x), y: Array.from(t.y), text: t.text}; })()")
    want = _query(warehouse_path, """
        SELECT p.name_vi, c.value, c.gap FROM comparison c JOIN provinces p USING (province_id)
        WHERE c.indicator_id = ? AND c.year = ? AND c.is_primary
          AND c.method IN ('stated', 'interpolated') ORDER BY c.value DESC""", [ind, year])
    assert rank["y"] == [r["name_vi"] for r in want]  # higher is better: the highest first
    assert rank["x"] == [r["value"] for r in want]
    from vnhealth.report import fmt_change

    for text, r in zip(rank["text"], want, strict=True):
        assert text.endswith(f"({fmt_change(r['gap'], 'years', 'vi')})")
    national = _query(warehouse_path, "SELECT national_value FROM national_benchmark "
                      "WHERE indicator_id = ? AND year = ?", [ind, year])[0]["national_value"]
    line = browser.evaluate("document.querySelectorAll('.js-plotly-plot')[1].layout.shapes"
                            ".find(s => s.type === 'line').x0")
    assert line == national


def test_many_provinces(browser: Browser, warehouse_path: Path, tmp_path: Path) -> None:
    """20 provinces (a generated warehouse, benchmarks/bench_explorer.py): the provinces list
    is the legend and their points share a few traces; still the warehouse's numbers."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from bench_explorer import synthetic_warehouse

    synthetic = tmp_path / "synthetic.duckdb"
    synthetic_warehouse(warehouse_path, synthetic, 20, 4)
    path, _ = write_explorer(tmp_path / "reports" / FILENAME, synthetic)
    _open(browser, path.as_uri())
    ind = browser.evaluate("window.vnhExplorer.state.ind")
    provinces = browser.evaluate("window.vnhExplorer.data.provinces.map(p => p.id)")
    assert len(provinces) == 20
    traces = _traces(browser)
    assert len(traces) < 20, "one trace per province: slow with 63 of them"
    y0, y1 = (int(v) for v in browser.evaluate(
        "[document.getElementById('vnh-y0').value, document.getElementById('vnh-y1').value]"))
    assert _plotted(traces) == _expected(synthetic, ind, provinces, y0, y1)
    ranked = browser.evaluate("document.querySelectorAll('.js-plotly-plot')[1].data"
                              ".find(t => t.meta && t.meta.role === 'rank').y.length")
    assert ranked == 20


def _download_csv(browser: Browser, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    browser.send("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(folder))
    browser.evaluate("document.getElementById('vnh-csv').click()")
    deadline = time.time() + 20
    while time.time() < deadline:
        done = [p for p in folder.glob("*.csv")]
        if done and not list(folder.glob("*.crdownload")):
            return done[0]
        time.sleep(0.1)
    raise TimeoutError("the CSV was not downloaded")


def _unguard(text: str) -> str:
    """The CSV's formula guard undone: an apostrophe before = + - @ (see explorer.js)."""
    return text[1:] if text.startswith("'") and text[1:2] in FORMULA_START else text


def test_csv_download_matches_warehouse(browser: Browser, page: Path, warehouse_path: Path,
                                        tmp_path: Path) -> None:
    indicator = _busiest_indicator(warehouse_path)
    _open(browser, f"{page.as_uri()}#indicator={indicator}&years=2000-2050&lang=vi")
    path = _download_csv(browser, tmp_path / "downloads")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "no BOM: Excel would misread Vietnamese"
    got = list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    expected = _query(warehouse_path, """
        SELECT ov.obs_id, ov.province_id, ov.year, ov.kind, ov.comparator, ov.value,
               ov.value_low, ov.value_high, o.value_text, ov.doc_id, o.page, o.line, o.quote,
               nb.national_value, p.name_vi AS province, i.name_vi AS indicator
        FROM observation_values ov JOIN observations o USING (obs_id)
        JOIN provinces p ON p.province_id = ov.province_id
        JOIN indicators i ON i.indicator_id = ov.indicator_id
        LEFT JOIN national_benchmark nb ON nb.indicator_id = ov.indicator_id
             AND nb.year = ov.year
        WHERE ov.indicator_id = ? AND ov.year BETWEEN 2000 AND 2050""", [indicator])
    assert sorted(r["obs_id"] for r in got) == sorted(r["obs_id"] for r in expected)
    by_id = {r["obs_id"]: r for r in expected}

    def number(text: str) -> float | None:
        return float(text) if text != "" else None

    for row in got:
        want = by_id[row["obs_id"]]
        assert row["indicator_id"] == indicator and row["indicator"] == want["indicator"]
        assert (row["province_id"], row["province"]) == (want["province_id"], want["province"])
        assert int(row["year"]) == want["year"] and row["kind"] == want["kind"]
        assert _unguard(row["comparator"]) == want["comparator"]
        for col in ("value", "value_low", "value_high", "national_value"):
            assert number(row[col]) == want[col], col
        assert _unguard(row["value_text"]) == want["value_text"]
        assert _unguard(row["quote"]) == want["quote"]
        assert row["doc_id"] == want["doc_id"] and int(row["line"]) == want["line"]
        assert (int(row["page"]) if row["page"] else None) == want["page"]
    # The guard: no text cell starts like a formula.
    cells = [c for r in got for k, c in r.items() if k not in ("value", "value_low",
                                                                "value_high", "national_value")]
    assert not [c for c in cells if c.startswith(FORMULA_START)]


def test_fragment_round_trip(browser: Browser, page: Path, warehouse_path: Path) -> None:
    _open(browser, page.as_uri())
    indicator = _busiest_indicator(warehouse_path)
    # Through the controls: the indicator, one province off, the first year, English.
    browser.evaluate(f"""(async () => {{
        const sel = document.getElementById('vnh-indicator');
        sel.value = {json.dumps(indicator)}; sel.dispatchEvent(new Event('change'));
        const boxes = Array.from(document.querySelectorAll('#vnh-plist input'))
            .filter(b => !b.closest('li').classList.contains('vnh-empty'));
        boxes[0].click();
        const y0 = document.getElementById('vnh-y0');
        y0.value = String(Number(y0.value) - 2); y0.dispatchEvent(new Event('change'));
        document.querySelector('.vnh-lang button[data-lang="en"]').click();
        await window.vnhExplorer.update();
    }})()""")
    fragment = browser.evaluate("location.hash")
    state = browser.evaluate("JSON.stringify({s: vnhExplorer.state, p: vnhExplorer.state.prov "
                             "&& [...vnhExplorer.state.prov].sort()})")
    before = _plotted(_traces(browser))
    assert "lang=en" in fragment and f"indicator={indicator}" in fragment
    assert "provinces=" in fragment and "years=" in fragment
    _open(browser, page.as_uri() + fragment)
    assert browser.evaluate("location.hash") == fragment
    assert browser.evaluate("JSON.stringify({s: vnhExplorer.state, p: vnhExplorer.state.prov "
                            "&& [...vnhExplorer.state.prov].sort()})") == state
    assert _plotted(_traces(browser)) == before
    assert browser.evaluate("document.documentElement.lang") == "en"
    assert browser.evaluate("document.querySelector('h1').textContent") == UI["en"]["title"]


def test_value_opens_its_source(browser: Browser, page: Path, warehouse_path: Path) -> None:
    _open(browser, page.as_uri() + "#indicator=life_expectancy&lang=vi")
    obs_id = browser.evaluate("document.querySelector('#vnh-table tbody tr').dataset.obs")
    browser.evaluate("document.querySelector('#vnh-table tbody tr .vnh-src').click()")
    assert browser.evaluate("document.getElementById('vnh-source').open") is True
    text = browser.evaluate("document.getElementById('vnh-source-body').textContent")
    want = _query(warehouse_path, "SELECT o.quote, o.line, o.value_text, d.title FROM "
                  "observations o JOIN documents d USING (doc_id) WHERE obs_id = ?",
                  [obs_id])[0]
    assert want["quote"] in text and obs_id in text and want["title"] in text
    mark = browser.evaluate("document.querySelector('#vnh-source-body blockquote mark')"
                            ".textContent")
    assert mark == want["value_text"]
    browser.evaluate("document.getElementById('vnh-close').click()")
    assert browser.evaluate("document.getElementById('vnh-source').open") is False


def test_quote_with_markup_stays_text(browser: Browser, page: Path, warehouse_path: Path,
                                      tmp_path: Path) -> None:
    con = connect_read_only(warehouse_path)
    try:
        data = explorer_data(con)
    finally:
        con.close()
    evil = '</script><img src="https://example.org/x.png" onerror="window.pwned=1"> 68,5'
    block = data["blocks"]["life_expectancy"]
    block["quotes"] = [evil for _ in block["quotes"]]
    out = tmp_path / "reports" / FILENAME
    out.parent.mkdir(parents=True)
    shutil.copytree(page.parent / "assets", out.parent / "assets")
    out.write_text(explorer_html(data), encoding="utf-8")
    _open(browser, out.as_uri() + "#indicator=life_expectancy")
    assert browser.evaluate("window.pwned === undefined") is True
    assert browser.evaluate("document.querySelectorAll('img').length") == 0
    assert evil in browser.evaluate("document.querySelector('#vnh-table tbody td.vnh-quote')"
                                    ".textContent")
    assert _leaving(browser) == []


def test_numbers_written_as_in_reports(browser: Browser, page: Path) -> None:
    from vnhealth.report import fmt_change, fmt_number, fmt_value

    _open(browser, page.as_uri())
    numbers = [0, 1, -1, 0.125, 74.5, 99.995, 100, 1234.5, 12345.678, -0.004, 0.005, 2.675,
               1e-7, 68.05, 999.95, 1_000_000]
    for lang in ("vi", "en"):
        got = browser.evaluate(f"{json.dumps(numbers)}.map(x => vnhExplorer.fmtNumber(x, "
                               f"{json.dumps(lang)}))")
        assert got == [fmt_number(x, lang) for x in numbers]
        cases = [(68, ">=", None, None, "years"), (4.5, "range", 4, 5, "per_station"),
                 (12.5, "<", None, None, "per_1000"), (15, "=", None, None, "per_10000"),
                 (95.15, "=", None, None, "percent")]
        got = browser.evaluate(f"{json.dumps(cases)}.map(c => vnhExplorer.fmtValue(c[0], c[1], "
                               f"c[2], c[3], c[4], {json.dumps(lang)}))")
        assert got == [fmt_value(v, c, hi, u, lang, value_low=lo) for v, c, lo, hi, u in cases]
        changes = [(4, "percent"), (-5.5, "years"), (0, "per_1000"), (3.25, "per_10000")]
        got = browser.evaluate(f"{json.dumps(changes)}.map(c => vnhExplorer.fmtChange(c[0], "
                               f"c[1], {json.dumps(lang)}))")
        assert got == [fmt_change(x, u, lang) for x, u in changes]


def test_missing_plotly_is_said(browser: Browser, page: Path, tmp_path: Path) -> None:
    alone = tmp_path / "alone" / FILENAME
    alone.parent.mkdir()
    shutil.copy(page, alone)  # no assets/ beside it
    _open(browser, alone.as_uri())
    shown = browser.evaluate("""(() => { const m = document.getElementById('vnh-chart-msg');
        return {hidden: m.hidden, text: m.textContent, cls: m.className,
                visible: m.getBoundingClientRect().height > 0}; })()""")
    assert shown["visible"] and not shown["hidden"] and shown["cls"] == "vnh-error"
    assert "assets/plotly.min.js" in shown["text"]
    assert browser.evaluate("document.querySelectorAll('#vnh-table tbody tr').length") > 0
    assert browser.evaluate("document.getElementById('vnh-png').disabled") is True
    assert browser.evaluate("vnhExplorer.csvText().split('\\r\\n').length") > 2
    assert _leaving(browser) == []


@pytest.mark.parametrize(("width", "name"), [(1366, "desktop"), (390, "phone")])
def test_screenshots(browser: Browser, page: Path, width: int, name: str) -> None:
    _open(browser, page.as_uri() + "#indicator=life_expectancy&lang=vi", width=width)
    # Nothing wider than the screen: the table scrolls inside its own box.
    assert browser.evaluate("document.documentElement.scrollWidth") <= width
    assert browser.evaluate("document.querySelectorAll('.js-plotly-plot').length") == 2
    height = browser.evaluate("document.documentElement.scrollHeight")
    browser.send("Emulation.setDeviceMetricsOverride", width=width, height=min(int(height), 6000),
                 deviceScaleFactor=1, mobile=width < 500)
    time.sleep(0.3)  # plotly's responsive resize
    shot = browser.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"explorer_{name}.png").write_bytes(base64.b64decode(shot["data"]))
    # The source of a value, as a reader opens it (the first screenful).
    browser.send("Emulation.setDeviceMetricsOverride", width=width, height=900 if width > 500
                 else 800, deviceScaleFactor=1, mobile=width < 500)
    browser.evaluate("window.scrollTo(0, 0); "
                     "document.querySelector('#vnh-table tbody tr:nth-child(7) .vnh-src').click()")
    assert browser.evaluate("document.getElementById('vnh-source').open") is True
    shot = browser.send("Page.captureScreenshot", format="png")
    (ARTIFACTS / f"explorer_{name}_source.png").write_bytes(base64.b64decode(shot["data"]))
    browser.evaluate("document.getElementById('vnh-close').click()")
