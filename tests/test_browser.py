"""Rendered reports in headless Chromium: charts drawn, nothing fetched, real Vietnamese glyphs.

Chromium is driven over the DevTools protocol (a small websocket client), so the test sees
every request the page makes, counts the SVG plotly draws, and asks which platform fonts
rendered a piece of Vietnamese text. Screenshots go to tests/artifacts/ (gitignored; CI keeps
them as artifacts). Without Chromium these tests are skipped, except on CI (``CI`` set), where
a missing browser is a failure: `make test` installs it (`make browser-deps`).
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unicodedata
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from vnhealth.render import CHROMIUM_FLAGS, Summary, find_chromium

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
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
    """Headless Chromium with one page, spoken to over the DevTools protocol."""

    def __init__(self, executable: str) -> None:
        import websocket  # websocket-client, a dependency of jupyter_server

        self.profile = tempfile.mkdtemp(prefix="vnh-cdp-")
        # Any host name resolves to nothing: a page that tried the network would fail to load
        # the resource, and the request would still show up below.
        self.proc = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}",
             "--remote-debugging-port=0", "--host-resolver-rules=MAP * ~NOTFOUND",
             "--window-size=1280,900", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        port = self._port()
        deadline = time.time() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list",
                                            timeout=5) as resp:
                    targets = json.load(resp)
                page = next(t for t in targets if t.get("type") == "page")
                break
            except (OSError, StopIteration):
                if time.time() > deadline:
                    raise
                time.sleep(0.1)
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30,
                                              suppress_origin=True)
        self._id = 0
        self.events: list[dict[str, Any]] = []

    def _port(self) -> int:
        assert self.proc.stderr is not None
        deadline = time.time() + 20
        while time.time() < deadline:
            line = self.proc.stderr.readline()
            m = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
            if m:
                return int(m.group(1))
        raise RuntimeError("chromium did not start its DevTools endpoint")

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self._id += 1
        msg_id = self._id
        self.ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == msg_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def wait_for(self, event: str, timeout: float = 30) -> dict[str, Any]:
        deadline = time.time() + timeout
        for msg in self.events:
            if msg.get("method") == event:
                return msg
        while time.time() < deadline:
            msg = json.loads(self.ws.recv())
            self.events.append(msg)
            if msg.get("method") == event:
                return msg
        raise TimeoutError(event)

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        return result["result"].get("value")

    def open(self, url: str) -> None:
        self.events.clear()
        for domain in ("Network", "Page", "DOM", "CSS", "Runtime"):
            self.send(f"{domain}.enable")
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events
                if e.get("method") == "Network.requestWillBeSent"]

    def screenshot(self, path: Path) -> None:
        height = self.evaluate("document.documentElement.scrollHeight") or 900
        self.send("Emulation.setDeviceMetricsOverride", width=1280, height=min(int(height), 6000),
                  deviceScaleFactor=1, mobile=False)
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))

    def fonts_for(self, selector: str) -> list[dict[str, Any]]:
        root = self.send("DOM.getDocument", depth=-1)["root"]["nodeId"]
        node = self.send("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        assert node, f"no element {selector}"
        return self.send("CSS.getPlatformFontsForNode", nodeId=node)["fonts"]

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


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
