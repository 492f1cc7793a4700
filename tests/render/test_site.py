"""The report site: the front page (grouping, titles, stale builds, ad-hoc and failed runs and
their retention), the method and data dictionary pages, the report page shell (the way back,
tables on a phone, verdicts not by colour alone, plotly.js missing) and the render that has
nothing to do.

The pages are also opened in headless Chromium at 1366 and 390 CSS pixels (a desktop and a
phone); screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from support import make_notebook

from vnhealth.render import site
from vnhealth.render.run import Run, page, parameter_names

REPO = Path(__file__).resolve().parents[2]
CURRENT = "c" * 64
OLD = "0" * 64


def _report(reports: Path, notebook: str, run: str, *, title: str, build: str = CURRENT,
            lang: str = "vi", origin: str | None = "manifest", at: str = "2026-01-02T10:00:00",
            pdf: bool = False, **parameters: Any) -> None:
    """A rendered report as the renderer leaves it: the page and its sidecar."""
    folder = reports / notebook
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{run}.html").write_text(f"<title>{title}</title>", encoding="utf-8")
    if pdf:
        (folder / f"{run}.pdf").write_bytes(b"%PDF")
    meta = {"run": run, "notebook": notebook, "title": title, "lang": lang,
            "parameters": {"language": lang, **parameters}, "build_hash": build,
            "rendered_at": at, "html": f"{run}.html", "pdf": f"{run}.pdf" if pdf else None}
    if origin:
        meta["origin"] = origin
    (folder / f"{run}.json").write_text(json.dumps(meta), encoding="utf-8")


def _failure(reports: Path, notebook: str, run: str, *, origin: str = "manifest",
             at: str = "2026-01-03T10:00:00", message: str = "cell 3 raised ValueError: x"
             ) -> Path:
    folder = reports / "_failed" / notebook
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{run}.ipynb").write_text("{}", encoding="utf-8")
    record = folder / f"{run}.json"
    record.write_text(json.dumps({
        "run": run, "notebook": notebook, "origin": origin, "parameters": {"year": 2030},
        "message": message, "failed_at": at, "build_hash": CURRENT,
        "failed_notebook": f"_failed/{notebook}/{run}.ipynb"}), encoding="utf-8")
    return record


class _Links(HTMLParser):
    """Links (href and text) and the text of every element with an id."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self._href: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self._href, self._text = str(found["href"]), ""

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join(self._text.split())))
            self._href = None


def _links(markup: str) -> _Links:
    parser = _Links()
    parser.feed(markup)
    return parser


# ---------------------------------------------------------------------------------------------
# the front page
# ---------------------------------------------------------------------------------------------
def test_index_groups_by_type_and_topic_with_titles_and_stale_builds(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    _report(reports, "province_comparison", "cmp_old", title="So sánh, năm 2025", build=OLD,
            domain="longevity", year=2025)
    _report(reports, "province_comparison", "cmp_en", title="Targets compared, 2030",
            lang="en", indicators=["doctors_per_10k"], provinces=["lai_chau", "son_la"],
            year=2030)
    _report(reports, "policy_brief", "brief", title="Bản tin <script>alert(1)</script>",
            pdf=True, domain="longevity")
    _failure(reports, "policy_brief", "brief", at="2026-02-01T09:00:00")
    (reports / "explorer.html").write_text("x", encoding="utf-8")
    look = site.Lookup(CURRENT, {"lai_chau": ("Lai Châu", "Lai Chau"),
                                 "son_la": ("Sơn La", "Son La")},
                       {"doctors_per_10k": "health_workforce"})
    index = site.write_index(reports, look).read_text(encoding="utf-8")

    assert unicodedata.is_normalized("NFC", index)
    assert "<script>alert(1)</script>" not in index and "&lt;script&gt;alert(1)" in index
    links = dict((href, text) for href, text in _links(index).links)
    assert links["province_comparison/cmp_old.html"] == "So sánh, năm 2025"
    assert links["province_comparison/cmp_en.html"] == "Targets compared, 2030"
    assert links["policy_brief/brief.pdf"] == "PDF"
    assert links["explorer.html"] == "Khám phá chỉ tiêu · Indicator explorer"
    assert "method.html" not in links  # not written: not linked
    # Types in their order (briefs first), then topics by name: the comparisons are apart.
    assert index.index("Bản tin chính sách") < index.index("So sánh giữa các tỉnh")
    assert index.index("Nhân lực y tế") < index.index("cmp_en.html")
    assert index.index("Tuổi thọ và tầm vóc", index.index("So sánh giữa các tỉnh")) < \
        index.index("cmp_old.html")
    assert "Lai Chau, Son La · 2030" in index  # the English report names them in English
    # Only the report made from another build is marked, in words.
    stale = re.findall(r'<li class="vnh-report vnh-stale">.*?</li>', index, re.S)
    assert len(stale) == 1 and "cmp_old.html" in stale[0] and "older data" in stale[0]
    assert CURRENT[:12] in index and "1 made from an older build" in index
    # A scheduled report whose last attempt failed keeps its link and says so.
    brief = re.search(r'<li class="vnh-report">(?:(?!</li>).)*brief\.html.*?</li>', index,
                      re.S)
    assert brief and "last attempt failed" in brief.group(0)
    assert "_failed/policy_brief/brief.ipynb" in brief.group(0)


def test_adhoc_and_failed_runs_are_apart_and_pruned(tmp_path: Path) -> None:
    """Retention: the ADHOC_KEEP newest ad-hoc reports and the FAILED_KEEP newest ad-hoc
    failures stay; scheduled reports and scheduled failures are never pruned."""
    reports = tmp_path / "reports"
    _report(reports, "province_profile", "scheduled", title="Hồ sơ", at="2020-01-01T00:00:00")
    _failure(reports, "province_profile", "broken", at="2020-01-01T00:00:00")
    n_adhoc, n_failed = site.ADHOC_KEEP + 5, site.FAILED_KEEP + 3
    for k in range(n_adhoc):
        _report(reports, "province_comparison", f"adhoc-{k:08x}", title=f"Ad hoc {k}",
                origin=None, at=f"2026-01-01T00:{k:02d}:00", pdf=True)
    for k in range(n_failed):
        _failure(reports, "indicator_gaps", f"mine{k}", origin="adhoc",
                 at=f"2026-01-01T01:{k:02d}:00")
    index = site.write_index(reports, site.Lookup(CURRENT)).read_text(encoding="utf-8")

    kept = sorted(p.stem for p in (reports / "province_comparison").glob("*.json"))
    assert kept == [f"adhoc-{k:08x}" for k in range(5, n_adhoc)]  # the newest, by render time
    assert not (reports / "province_comparison" / "adhoc-00000000.pdf").exists()
    assert not (reports / "province_comparison" / "adhoc-00000000.html").exists()
    failed = sorted(p.stem for p in (reports / "_failed" / "indicator_gaps").glob("*.json"))
    assert failed == sorted(f"mine{k}" for k in range(3, n_failed))
    assert not (reports / "_failed" / "indicator_gaps" / "mine0.ipynb").exists()
    assert (reports / "province_profile" / "scheduled.html").is_file()
    assert (reports / "_failed" / "province_profile" / "broken.json").is_file()
    # Sections: scheduled, then ad hoc (newest first), then failed runs without a report.
    scheduled, adhoc, failures = (index.index(f'id="{s}"') for s in
                                  ("scheduled", "adhoc", "failed"))
    assert scheduled < index.index("scheduled.html") < adhoc
    assert adhoc < index.index(f"adhoc-{n_adhoc - 1:08x}.html") < index.index(
        "adhoc-00000005.html") < failures
    assert failures < index.index("province_profile/broken") and "mine12" in index
    assert f"only the {site.ADHOC_KEEP} newest are kept" in index


def test_sidecars_from_before_titles_and_origins(tmp_path: Path) -> None:
    """Reports rendered before sidecars kept a title and an origin: the title is read from the
    page, and ``adhoc-…`` runs are ad hoc."""
    reports = tmp_path / "reports"
    _report(reports, "explore", "adhoc-1a2b3c4d", title="Khám phá &amp; SQL", origin=None)
    meta = reports / "explore" / "adhoc-1a2b3c4d.json"
    data = json.loads(meta.read_text())
    del data["title"]
    meta.write_text(json.dumps(data))
    (entry,) = site.collect(reports)
    assert (entry.title, entry.origin) == ("Khám phá & SQL", "adhoc")


# ---------------------------------------------------------------------------------------------
# method and data dictionary
# ---------------------------------------------------------------------------------------------
def test_markdown_is_escaped_linked_and_anchored() -> None:
    markup = site.markdown_html(
        "# Bảng `provinces`\n\n<script>alert(1)</script> <b>x</b>\n\n"
        "[dictionary](data-dictionary.md) · [x](javascript:alert(1))\n\n"
        "| a | b |\n| --- | --- |\n| 1 | < 2 |\n\n*Bảng tiếng Việt*\n<!-- note -->\n", "en")
    assert "<script>" not in markup and "&lt;script&gt;" in markup and "&lt;b&gt;" in markup
    assert 'href="data-dictionary.html"' in markup and "javascript:" not in markup
    assert '<h1 id="bảng-provinces">' in markup and "note" not in markup
    assert '<td data-label="b">&lt; 2</td>' in markup and 'class="vnh-stack"' in markup
    assert '<div class="vnh-scroll"' in markup
    assert '<p lang="vi"><em>Bảng tiếng Việt</em></p>' in markup


def test_method_and_dictionary_pages(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    written = site.write_pages(reports, REPO / "docs")
    assert {p.name for p in written} == {"method.html", "data-dictionary.html"}
    method = (reports / "method.html").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", method)
    parts = re.findall(r'<article class="vnh-doc" lang="(vi|en)" id="(vi|en)">', method)
    assert parts == [("vi", "vi"), ("en", "en")]
    assert 'id="vi-giấy-phép"' in method and 'id="en-licence"' in method
    assert "chưa được xác định" in method and "not yet set" in method  # no licence invented
    assert 'href="data-dictionary.html"' in method and 'href="method.html"' in method
    dictionary = (reports / "data-dictionary.html").read_text(encoding="utf-8")
    found = _links(dictionary)
    anchors = {href[1:] for href, _text in found.links if href.startswith("#")}
    assert anchors >= {"tables", "views", "indicators", "units"}
    assert anchors <= found.ids  # every link of the contents lands on a heading
    assert "Generated by" not in dictionary  # the authoring comment stays out
    # Unchanged Markdown: the pages are left alone.
    before = {p: p.stat().st_mtime_ns for p in written}
    time.sleep(0.01)
    assert site.write_pages(reports, REPO / "docs") == []
    assert all(p.stat().st_mtime_ns == t for p, t in before.items())


def test_method_text_is_bilingual_nfc() -> None:
    text = (REPO / "docs" / "method.md").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert [p["lang"] for p in site.doc_parts(text)] == ["vi", "en"]


def test_parameter_names_read_as_papermill_does() -> None:
    """The cheap reader used for manifests agrees with papermill on every notebook."""
    from vnhealth.report.params import notebook_defaults

    for nb in sorted((REPO / "notebooks").glob("*.ipynb")):
        assert parameter_names(nb) == set(notebook_defaults(nb)), nb.name


# ---------------------------------------------------------------------------------------------
# the report page shell
# ---------------------------------------------------------------------------------------------
def _page(body: str, lang: str = "vi", brief: bool = False) -> str:
    run = Run("r", "policy_brief" if brief else "nb", Path("nb.ipynb"), {}, brief=brief)
    return page(body, run=run, parameters={"year": 2030}, build_hash="abc",
                rendered_at="2026-01-01T00:00:00", lang=lang)


def test_page_links_back_and_boxes_tables() -> None:
    verdicts = ('<table class="vnh-table"><tr><td class="vnh-value vnh-worse">1</td>'
                '<td class="vnh-value vnh-level">2</td></tr></table>')
    plain = '<table class="dataframe"><tr><td><table><tr><td>in</td></tr></table></td></tr></table>'
    markup = _page(f"<h1>T</h1>{verdicts}<p>x</p>{plain}")
    assert '<a href="../index.html">' in markup
    assert markup.count('<div class="vnh-scroll" role="region" tabindex="0"') == 2  # not nested
    legend = re.findall(r'<p class="vnh-legend">(.*?)</p>', markup, re.S)
    assert len(legend) == 1  # only before the table that shows verdicts
    assert '<span class="vnh-mark">=</span> ngang mục tiêu quốc gia' in legend[0]
    assert "✗" in legend[0] and "✓" not in legend[0]  # the symbols that table uses
    english = _page(f"<h1>T</h1>{verdicts}", lang="en")
    assert "worse than the national target" in english
    assert 'id="vnh-no-plotly"' in markup  # the message a copied site report shows
    assert 'id="vnh-no-plotly"' not in _page("<h1>T</h1>", brief=True)  # carries plotly.js


# ---------------------------------------------------------------------------------------------
# nothing changed
# ---------------------------------------------------------------------------------------------
QUICK = """
import json, sys
from vnhealth.render.run import load_manifest, render_runs
summary = render_runs(load_manifest(sys.argv[1], sys.argv[2]), reports_dir=sys.argv[3],
                      warehouse=sys.argv[4], docs_dir=sys.argv[5], jobs=1, changed=True,
                      progress=False, say=lambda _m: None)
print(json.dumps({"statuses": [o.status for o in summary.outcomes],
                  "papermill": "papermill" in sys.modules, "duckdb": "duckdb" in sys.modules}))
"""


def _quick(manifest: Path, notebooks: Path, reports: Path, warehouse: Path, docs: Path
           ) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, "-c", QUICK, str(manifest), str(notebooks),
                           str(reports), str(warehouse), str(docs)], capture_output=True,
                          text=True, timeout=300, check=True, env={**os.environ,
                                                                   "VNHEALTH_CHROMIUM": ""})
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_nothing_changed_answers_without_papermill(tmp_path: Path, warehouse_path: Path
                                                   ) -> None:
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    make_notebook(notebooks / "tiny.ipynb", 'label = "a"\nfail = False\n',
                  "from IPython.display import HTML, display\n"
                  "display(HTML(f'<h1>Tiny {label}</h1>'))",
                  "if fail:\n    raise ValueError('asked to fail')")
    manifest = tmp_path / "m.yaml"
    manifest.write_text("runs:\n  - {name: a, notebook: tiny}\n  - {name: b, notebook: tiny,"
                        " parameters: {label: b}}\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(REPO / "docs" / "method.md", docs / "method.md")
    reports = tmp_path / "reports"
    args = (manifest, notebooks, reports, warehouse_path, docs)

    assert _quick(*args)["statuses"] == ["ok", "ok"]
    second = _quick(*args)
    assert second == {"statuses": ["unchanged", "unchanged"], "papermill": False,
                      "duckdb": False}
    # Each input or output the cheap check covers sends the render the long way again.
    (docs / "method.md").write_text("<!-- lang: en -->\n# Method\n", encoding="utf-8")
    changed = _quick(*args)
    assert changed["papermill"] and changed["statuses"] == ["unchanged", "unchanged"]
    assert "# Method" not in (reports / "method.html").read_text() and \
        "<h1" in (reports / "method.html").read_text()
    assert _quick(*args)["papermill"] is False
    (reports / "tiny" / "b.html").unlink()
    assert _quick(*args)["statuses"] == ["unchanged", "ok"]
    manifest.write_text(manifest.read_text().replace("label: b", "label: b, fail: true"))
    assert _quick(*args)["statuses"] == ["unchanged", "failed"]
    assert _quick(*args)["papermill"] is True  # a failed run is tried again every time


# ---------------------------------------------------------------------------------------------
# in Chromium
# ---------------------------------------------------------------------------------------------
WIDTHS = (1366, 390)


@pytest.fixture(scope="module")
def browser() -> Any:
    from test_browser import Browser, _chromium

    b = Browser(_chromium())
    yield b
    b.close()


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory, warehouse_path: Path) -> Path:
    """The session's sample render (test_notebooks.py), which also writes the site pages."""
    from test_notebooks import render_sample

    reports, summary = render_sample(tmp_path_factory.getbasetemp() / "sample_reports",
                                     warehouse_path)
    assert summary.exit_code == 0, [o.message for o in summary.outcomes]
    return reports


def _open(browser: Any, path: Path, width: int) -> None:
    browser.viewport(width)
    browser.open("about:blank")
    browser.open(path.as_uri())
    errors = [e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]
    assert not errors, errors[0]["params"]["exceptionDetails"]


def _fits(browser: Any, width: int) -> None:
    """Nothing makes the page scroll sideways (a wide table scrolls in its own box)."""
    wide = browser.evaluate("document.documentElement.scrollWidth")
    assert wide <= width, f"the page is {wide} px wide on a {width} px screen"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["index.html", "method.html", "data-dictionary.html"])
def test_site_pages_fit_and_link(browser: Any, sample: Path, name: str, width: int) -> None:
    from test_browser import ARTIFACTS

    _open(browser, sample / name, width)
    _fits(browser, width)
    hrefs = browser.evaluate("Array.from(document.querySelectorAll('a[href]'))"
                             ".map(a => a.getAttribute('href'))")
    assert {"index.html", "explorer.html", "method.html", "data-dictionary.html"} <= set(hrefs)
    for href in hrefs:  # every link of the site leads to a file of the site, or an anchor
        target = href.split("#")[0]
        if target:
            assert (sample / target).is_file(), href
        elif href != "#":
            assert browser.evaluate(f"!!document.getElementById({json.dumps(href[1:])})"), href
    browser.screenshot(ARTIFACTS / f"site_{name.removesuffix('.html')}_{width}.png", width)


def test_index_lists_the_sample_reports_by_title(browser: Any, sample: Path) -> None:
    _open(browser, sample / "index.html", 1366)
    titles = browser.evaluate("Array.from(document.querySelectorAll('#scheduled ~ * a.vnh-title,"
                              " section a.vnh-title')).map(a => [a.getAttribute('href'),"
                              " a.textContent])")
    found = dict(titles)
    for key in ("province_comparison/cmp_en", "indicator_gaps/gaps_vi",
                "province_profile/profile_son_la", "policy_brief/brief_vi"):
        html_text = (sample / f"{key}.html").read_text(encoding="utf-8")
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html_text, re.S)
        assert h1 and found[f"{key}.html"] == re.sub(r"<[^>]+>", "", h1.group(1)).strip()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("key", ["province_comparison/cmp_en", "policy_brief/brief_vi"])
def test_report_fits_a_phone_and_links_back(browser: Any, sample: Path, key: str,
                                            width: int) -> None:
    from test_browser import ARTIFACTS

    _open(browser, sample / f"{key}.html", width)
    _fits(browser, width)
    back = browser.evaluate("document.querySelector('nav.vnh-nav a').href")
    assert back == (sample / "index.html").as_uri()
    boxed = browser.evaluate("Array.from(document.querySelectorAll('main table'))"
                             ".every(t => t.closest('.vnh-scroll'))")
    assert boxed
    # Verdicts by colour carry a symbol too, and a key says what the symbols mean.
    marks = browser.evaluate(
        "Array.from(document.querySelectorAll('td.vnh-value.vnh-worse, td.vnh-value.vnh-level,"
        " td.vnh-value.vnh-better')).map(td => getComputedStyle(td, '::after').content)")
    assert marks and all(re.search("[✓=✗]", m) for m in marks)
    assert browser.evaluate("!!document.querySelector('.vnh-legend')")
    browser.screenshot(ARTIFACTS / f"site_{key.replace('/', '__')}_{width}.png", width)


def test_site_report_copied_alone_says_what_is_missing(browser: Any, sample: Path,
                                                       tmp_path: Path) -> None:
    from test_browser import ARTIFACTS

    _open(browser, sample / "province_comparison" / "cmp_en.html", 1366)
    assert browser.evaluate("document.getElementById('vnh-no-plotly').hidden") is True
    alone = tmp_path / "cmp_en.html"
    shutil.copy(sample / "province_comparison" / "cmp_en.html", alone)
    _open(browser, alone, 390)
    assert browser.evaluate("document.getElementById('vnh-no-plotly').hidden") is False
    message = browser.evaluate("document.getElementById('vnh-no-plotly').innerText")
    assert "plotly.min.js" in message and "Không vẽ được biểu đồ" in message
    notes = browser.evaluate("Array.from(document.querySelectorAll('.vnh-chart'))"
                             ".map(c => !!c.querySelector('.vnh-chart-missing'))")
    assert notes and all(notes)
    browser.screenshot(ARTIFACTS / "site_report_copied_alone_390.png", 390)


# ---------------------------------------------------------------------------------------------
# charts on a phone and a desktop, named, captioned and linked; verdicts in words
# ---------------------------------------------------------------------------------------------
# Every text plotly drew in a chart, as boxes on the page: those that overlap another, or run
# out of the chart's box (plotly.js cuts nothing it draws; the page would hide it).
_CHART_TEXT_PROBLEMS = """(() => {
  const out = [];
  document.querySelectorAll('.vnh-chart').forEach((div, n) => {
    const box = div.getBoundingClientRect();
    const texts = Array.from(div.querySelectorAll('svg text')).filter(t => t.textContent.trim())
      .map(t => [t.textContent.trim().slice(0, 40), t.getBoundingClientRect()])
      .filter(([_t, r]) => r.width > 0.5);
    texts.forEach(([a, r], i) => {
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1
          || r.bottom > box.bottom + 1) { out.push(['out of its chart', n, a]); }
      texts.slice(i + 1).forEach(([b, s]) => {
        const w = Math.min(r.right, s.right) - Math.max(r.left, s.left);
        const h = Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top);
        if (w > 1 && h > 2) { out.push(['overlap', n, a, b]); }
      });
    });
  });
  return out;
})()"""


def _charts_drawn(browser: Any) -> int:
    from test_browser import _wait_for_charts

    expected = browser.evaluate("document.querySelectorAll('.vnh-chart').length")
    assert _wait_for_charts(browser, expected) == expected
    return int(expected)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("key", ["province_comparison/cmp_en", "indicator_gaps/gaps_vi",
                                 "province_profile/profile_son_la", "policy_brief/brief_vi"])
def test_charts_fit_the_screen_with_their_text_apart(browser: Any, sample: Path, key: str,
                                                     width: int) -> None:
    """On a 390 px phone every chart drew its 680 px layout (the brief's 680 px one scrolled
    sideways): labels were cut at the right, subplot titles ran into each other and the
    profile's legend into its first panel title. Each chart now fits the screen, and none of
    its texts runs into another or out of the chart, on a phone and on a desktop."""
    from test_browser import ARTIFACTS

    _open(browser, sample / f"{key}.html", width)
    _charts_drawn(browser)
    _fits(browser, width)
    right = browser.evaluate("Math.max(...Array.from(document.querySelectorAll('.vnh-chart'))"
                             ".map(c => c.getBoundingClientRect().right))")
    assert right <= width
    assert browser.evaluate(_CHART_TEXT_PROBLEMS) == []
    browser.screenshot(ARTIFACTS / f"charts_{key.replace('/', '__')}_{width}.png", width)


def test_two_columns_of_panels_become_one_on_a_phone(browser: Any, sample: Path) -> None:
    """The profile's trajectories are two panels to a row on a desktop and one below ~600 px,
    drawn from the phone's layout (and back when the window widens again)."""
    columns = ("new Set(Object.entries(document.querySelector('.vnh-chart').layout)"
               ".filter(([k, v]) => k.startsWith('xaxis') && v.domain)"
               ".map(([k, v]) => v.domain.join())).size")
    page = sample / "province_profile" / "profile_son_la.html"
    for width, expected in ((1366, 2), (390, 1), (560, 1)):
        _open(browser, page, width)
        _charts_drawn(browser)
        assert browser.evaluate(columns) == expected, width
    browser.viewport(1366)
    time.sleep(0.5)
    assert browser.evaluate(columns) == 2  # resized: the wide layout again


def test_charts_are_named_captioned_and_linked_to_their_tables(browser: Any, sample: Path
                                                               ) -> None:
    """Each chart is an image named by its title and what it shows, in a figure whose
    caption says what it finds; its link leads to the table with its numbers on the page, or
    is removed where there is none (the brief has no pace table)."""
    for key in ("province_comparison/cmp_en", "policy_brief/brief_vi",
                "indicator_gaps/gaps_vi"):
        _open(browser, sample / f"{key}.html", 1366)
        n = _charts_drawn(browser)
        found = browser.evaluate("""Array.from(document.querySelectorAll('.vnh-chart')).map(c => {
          const fig = c.closest('figure'), cap = fig && fig.querySelector('figcaption');
          return [c.getAttribute('role'), (c.getAttribute('aria-label') || '').length,
                  cap ? cap.textContent.trim().length : 0];
        })""")
        assert len(found) == n and all(r == "img" and name > 40 and cap > 30
                                       for r, name, cap in found), (key, found)
        links = browser.evaluate("Array.from(document.querySelectorAll('a.vnh-table-link'))"
                                 ".map(a => a.getAttribute('href'))")
        assert links and all(browser.evaluate(
            f"!!document.querySelector({json.dumps(h)} + ' caption')") for h in links), links
        if key.startswith("policy_brief"):
            assert len(links) == n - 1  # the pace chart's table is not in the brief


def test_verdicts_are_words_in_the_cell_and_the_colours_read(browser: Any, sample: Path
                                                             ) -> None:
    """A verdict cell holds its words for a screen reader (visually hidden, not in a CSS
    `content` alternative), the symbol is not read twice, and the orange and blue of bold
    verdict text on white reach 4.5:1 (WCAG AA for small text)."""
    _open(browser, sample / "province_comparison" / "cmp_en.html", 1366)
    cells = browser.evaluate(
        "Array.from(document.querySelectorAll('td.vnh-value.vnh-worse, td.vnh-value.vnh-level,"
        " td.vnh-value.vnh-better')).map(td => [td.className,"
        " (td.querySelector('.vnh-sr') || {}).textContent || '',"
        " getComputedStyle(td.querySelector('.vnh-sr') || td).width,"
        " getComputedStyle(td, '::after').content, getComputedStyle(td).color])")
    assert cells
    for cls, words, width, after, _colour in cells:
        verdict = next(v for v in ("better", "level", "worse") if f"vnh-{v}" in cls)
        assert words == {"better": ", better than the national target",
                         "level": ", level with the national target",
                         "worse": ", worse than the national target"}[verdict]
        assert width == "1px" and '/ ""' in after.replace("'", '"')

    def luminance(rgb: str) -> float:
        parts = [int(x) / 255 for x in re.findall(r"\d+", rgb)[:3]]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in parts]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    colours = {c[4] for c in cells} | {browser.evaluate(
        "getComputedStyle(document.querySelector('td.vnh-missing') || document.body).color")}
    for colour in colours:
        assert (1.05) / (luminance(colour) + 0.05) >= 4.5, colour
