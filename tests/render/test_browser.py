"""Rendered reports in headless Chromium: charts drawn, nothing fetched, real Vietnamese glyphs.

Chromium is driven over the DevTools protocol (vnhealth.render.chromium, the client the renderer
prints PDFs with), so the test sees every request the page makes, counts the SVG plotly draws,
and asks which platform fonts rendered a piece of Vietnamese text. Screenshots go to
tests/artifacts/ (gitignored; CI keeps them as artifacts). Without Chromium these tests are
skipped, except on CI (``CI`` set), where a missing browser is a failure: `make test` installs
it (`make browser-deps`).
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vnhealth.render import chromium
from vnhealth.render.run import Summary, find_chromium

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
# Schemes a page may load from without leaving the machine.
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:", "chrome:", "devtools:")


def _chromium() -> str:
    found = find_chromium()
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; `make browser-deps` installs it")
        pytest.skip("chromium is not installed (make browser-deps)")
    return found


class Browser:
    """Headless Chromium with one page, spoken to over the DevTools protocol
    (:mod:`vnhealth.render.chromium`: the client the renderer prints PDFs with)."""

    def __init__(self, executable: str, width: int = 1280, height: int = 900) -> None:
        # Any host name resolves to nothing: a page that tried the network would fail to load
        # the resource, and the request would still show up below.
        self.chromium = chromium.Browser(executable, args=[
            "--host-resolver-rules=MAP * ~NOTFOUND", f"--window-size={width},{height}"])
        self.page = self.chromium.new_page()

    @property
    def events(self) -> list[dict[str, Any]]:
        """Every event of the page since the last :meth:`open` (protocol messages)."""
        return self.page.events

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        return self.page.send(method, **params)

    def wait_for(self, event: str, timeout: float = 30) -> dict[str, Any]:
        return self.page.wait_for(event, timeout)

    def evaluate(self, expression: str) -> Any:
        return self.page.evaluate(expression)

    def open(self, url: str) -> None:
        self.events.clear()
        for domain in ("Network", "Page", "DOM", "CSS", "Runtime"):
            self.send(f"{domain}.enable")
        self.page.navigate(url)

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events
                if e.get("method") == "Network.requestWillBeSent"]

    def viewport(self, width: int, height: int = 900) -> None:
        """Lay the page out as on a screen ``width`` CSS pixels wide (a phone below 500)."""
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=width < 500)

    def screenshot(self, path: Path, width: int = 1280) -> None:
        """The page (its first 6000 px) as laid out ``width`` pixels wide."""
        self.viewport(width)
        height = min(int(self.evaluate("document.documentElement.scrollHeight") or 900), 6000)
        self.viewport(width, height)
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                         clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))

    def fonts_for(self, selector: str) -> list[dict[str, Any]]:
        root = self.send("DOM.getDocument", depth=-1)["root"]["nodeId"]
        node = self.send("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        assert node, f"no element {selector}"
        return self.send("CSS.getPlatformFontsForNode", nodeId=node)["fonts"]

    def close(self) -> None:
        self.chromium.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    b = Browser(_chromium())
    yield b
    b.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory, warehouse_path: Path
            ) -> tuple[Path, Summary]:
    from test_notebooks import render_sample  # the same session-wide render

    return render_sample(tmp_path_factory.getbasetemp() / "sample_reports", warehouse_path)


def _wait_for_charts(browser: Browser, expected: int) -> int:
    drawn = 0
    deadline = time.time() + 20
    while time.time() < deadline:
        drawn = browser.evaluate(
            "document.querySelectorAll('.vnh-chart svg.main-svg').length > 0 ? "
            "Array.from(document.querySelectorAll('.vnh-chart'))"
            ".filter(d => d.querySelector('svg.main-svg')).length : 0")
        if drawn >= expected:
            break
        time.sleep(0.1)
    return int(drawn)


@pytest.mark.parametrize("key", ["province_comparison/cmp_en", "indicator_gaps/gaps_vi",
                                 "province_profile/profile_son_la", "policy_brief/brief_vi"])
def test_charts_drawn_offline(browser: Browser, reports: tuple[Path, Summary], key: str
                              ) -> None:
    root, _ = reports
    path = root / f"{key}.html"
    expected = path.read_text(encoding="utf-8").count('class="vnh-chart"')
    assert expected >= 2
    browser.open(path.as_uri())
    assert _wait_for_charts(browser, expected) == expected, "a plotly chart was not drawn"
    # Plotly draws bars, markers and heatmap cells as SVG paths or images inside the chart.
    marks = browser.evaluate("document.querySelectorAll('.vnh-chart svg.main-svg path').length")
    assert marks > 20
    leaving = [u for u in browser.requests() if not u.startswith(LOCAL_SCHEMES)]
    assert leaving == [], f"requests left the machine: {leaving}"
    loaded = browser.requests()
    if "policy_brief" in key:
        assert not any("plotly.min.js" in u for u in loaded)  # inlined
    else:
        assert any(u.endswith("/assets/plotly.min.js") for u in loaded)
    browser.screenshot(ARTIFACTS / f"{key.replace('/', '__')}.png")


def _covering_families(text: str) -> set[str]:
    """Font families installed that have a glyph for every non-ASCII letter of ``text``."""
    letters = sorted({c for c in text if ord(c) > 127 and c.isalpha()})
    charset = " ".join(f"{ord(c):x}" for c in letters)
    out = subprocess.run(["fc-list", f":charset={charset}", "family"], capture_output=True,
                         text=True, check=False).stdout
    return {name.strip() for line in out.splitlines() for name in line.split(",")}


def test_vietnamese_text_has_real_glyphs(browser: Browser, reports: tuple[Path, Summary]
                                         ) -> None:
    """The fonts Chromium used for a Vietnamese heading all contain its letters.

    Without a font covering Vietnamese, Chromium falls back to one without those glyphs and
    draws boxes; then a reported family is missing from fontconfig's list of fonts covering
    the letters (or that list is empty), and this test fails.
    """
    if shutil.which("fc-list") is None:
        pytest.fail("fc-list (fontconfig) is missing; `make browser-deps` installs it")
    root, _ = reports
    browser.open((root / "policy_brief" / "brief_vi.html").as_uri())
    heading = browser.evaluate("document.querySelector('h1').textContent")
    assert unicodedata.is_normalized("NFC", heading)
    assert any(c in heading for c in "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđơư")
    covering = _covering_families(heading)
    assert covering, "no installed font covers the Vietnamese letters of the heading"
    used = browser.fonts_for("h1")
    assert used, "Chromium reported no font for the heading"
    families = {f["familyName"] for f in used}
    assert families <= covering, f"{families} drawn, but only {covering} cover the letters"
    assert sum(f["glyphCount"] for f in used) >= len(heading.replace(" ", "")) * 0.9
    # Charts too: plotly's SVG text for a province name with Vietnamese letters.
    assert _wait_for_charts(browser, 1) >= 1
    svg_text = browser.evaluate(
        "Array.from(document.querySelectorAll('.vnh-chart svg text'))"
        ".map(t => t.textContent).join(' ')")
    assert "Sơn La" in svg_text and "Lai Châu" in svg_text
    browser.screenshot(ARTIFACTS / "policy_brief__brief_vi__glyphs.png")


def _same_pdf(a: Path, b: Path) -> None:
    """Same pages, page size (A4), text and pixels."""
    import pypdfium2

    docs = [pypdfium2.PdfDocument(p) for p in (a, b)]
    try:
        assert len(docs[0]) == len(docs[1]) >= 1
        for pa, pb in zip(*docs, strict=True):
            assert pa.get_size() == pb.get_size()
            assert abs(pa.get_size()[0] - 595) < 2 and abs(pa.get_size()[1] - 842) < 2
            assert pa.get_textpage().get_text_range() == pb.get_textpage().get_text_range()
            pixels = [p.render(scale=0.6, grayscale=True).to_pil().tobytes() for p in (pa, pb)]
            assert pixels[0] == pixels[1], f"{a.name} and {b.name} differ on a page"
    finally:
        for doc in docs:
            doc.close()


def test_one_browser_prints_as_the_command_line_did(reports: tuple[Path, Summary],
                                                    tmp_path: Path) -> None:
    """The PDF of a brief, as the render printed it (one browser for the render, its print
    copy loading plotly.js from one file) and as a shared printer prints the brief after
    another page in the same tab, is the PDF `chromium --headless --print-to-pdf
    --no-pdf-header-footer` prints from the brief's HTML: same pages, size, text, pixels."""
    root, _ = reports
    brief = root / "policy_brief" / "brief_vi.html"
    executable = _chromium()
    with chromium.Printer(executable) as printer:
        printer.start()
        printer.print(root / "province_comparison" / "cmp_en.html", tmp_path / "first.pdf")
        printer.print(brief, tmp_path / "shared.pdf")
    subprocess.run([executable, *chromium.CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'p'}",
                    "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
                    "--virtual-time-budget=15000", f"--print-to-pdf={tmp_path / 'cli.pdf'}",
                    brief.as_uri()], capture_output=True, timeout=120, check=True)
    _same_pdf(root / "policy_brief" / "brief_vi.pdf", tmp_path / "cli.pdf")
    _same_pdf(tmp_path / "shared.pdf", tmp_path / "cli.pdf")


def test_briefs_print_at_once_in_one_browser(reports: tuple[Path, Summary],
                                             tmp_path: Path) -> None:
    """Two threads print at once (a render's two jobs): each page in a visible tab of its own
    (a hidden background tab gets no animation frame and would never be ready)."""
    from concurrent.futures import ThreadPoolExecutor

    root, _ = reports
    pages = [root / "policy_brief" / "brief_vi.html", root / "province_profile" /
             "profile_son_la.html", root / "indicator_gaps" / "gaps_vi.html"]
    with chromium.Printer(_chromium()) as printer, ThreadPoolExecutor(2) as pool:
        printer.start()
        done = pool.map(lambda p: printer.print(p, tmp_path / f"{p.stem}.pdf", timeout=45),
                        pages)
        assert list(done) == [None] * len(pages)
    for page in pages:
        assert (tmp_path / f"{page.stem}.pdf").read_bytes().startswith(b"%PDF")
