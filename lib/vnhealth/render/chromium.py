"""Headless Chromium over the DevTools protocol: PDF printing for `vnhealth render`, and the
browser the tests and benchmarks drive.

Chromium is spoken to through ``--remote-debugging-pipe`` (the protocol's JSON messages,
NUL-separated, on file descriptors 3 and 4) rather than a debugging port: no TCP port that any
local user could connect to, and no websocket library needed. One browser serves many pages;
each page is a target attached in "flat" mode, so one connection carries every page's commands
and events, and several threads may print at once.

What the render relies on:

* **One browser per render** — :class:`Printer` starts Chromium at the first PDF and prints every
  brief in it (a new tab each), instead of a browser per brief.
* **Same PDF as ``chromium --print-to-pdf --no-pdf-header-footer``** — :data:`PRINT_OPTIONS` are
  the options that command line passes (backgrounds printed, the page size from CSS ``@page``,
  no header or footer), and the page is printed after its fonts are loaded and its plotly charts
  drawn, at the browser's default window size, as before.
* **Killable** — the browser runs in its own process group (a session), handed to the render's
  ``Cancel``, so that Ctrl-C or a timeout kills it with every helper process it started.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["CHROMIUM_FLAGS", "CHROMIUM_NAMES", "PRINT_OPTIONS", "Browser", "DevToolsError",
           "Page", "Printer", "find_chromium", "kill_group"]

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync",
                  "--disable-default-apps", "--disable-extensions", "--hide-scrollbars",
                  "--mute-audio")
# What `chromium --headless --print-to-pdf --no-pdf-header-footer` asks Page.printToPDF for.
PRINT_OPTIONS: dict[str, Any] = {"printBackground": True, "preferCSSPageSize": True,
                                 "displayHeaderFooter": False}
# Resolves once the page's fonts are loaded and every plotly chart has drawn its SVG (or after
# 10 s, or at once without plotly.js), then waits two frames so that the layout is painted.
READY_SCRIPT = """(async () => {
  await document.fonts.ready;
  const charts = Array.from(document.querySelectorAll('.vnh-chart'));
  const until = performance.now() + 10000;
  while (window.Plotly && charts.some(c => !c.querySelector('svg.main-svg'))
         && performance.now() < until) {
    await new Promise(r => setTimeout(r, 25));
  }
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return true;
})()"""


class DevToolsError(RuntimeError):
    """Chromium answered a command with an error, did not answer in time, or exited."""


def find_chromium() -> str | None:
    """The Chromium executable ($VNHEALTH_CHROMIUM, else the first of CHROMIUM_NAMES on PATH);
    $VNHEALTH_CHROMIUM set to an empty string means "no Chromium" (to test that path)."""
    env = os.environ.get("VNHEALTH_CHROMIUM")
    if env is not None:
        return env or None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def kill_group(proc: subprocess.Popen[Any], *, reaped: bool = False) -> None:
    """SIGKILL a child started in its own session (kernels, Chromium) with everything it spawned.

    Only while the child is unreaped, so its pid (the group id) cannot be someone else's;
    ``reaped`` also kills the helpers that outlived a child just waited for.
    """
    if proc.returncode is None or reaped:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)


class Browser:
    """A headless Chromium and its DevTools connection (a pipe), shared by threads.

    ``track`` is called with the process once it has started (the render's Cancel.track), so
    that a cancelled command can kill it. Use :meth:`new_page` for a tab and :meth:`close` (or a
    ``with`` block) to end it.
    """

    def __init__(self, executable: str, *, args: Sequence[str] = (),
                 track: Callable[[subprocess.Popen[Any]], None] | None = None) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="vnh-chromium-"))
        self.log_path = self.profile / "chromium.log"
        self._lock = threading.Lock()  # writes to the pipe
        self._cond = threading.Condition()
        self._next_id = 0
        self._replies: dict[int, dict[str, Any]] = {}
        self._events: dict[str | None, list[dict[str, Any]]] = {}
        self._closed: str | None = None
        self.proc = self._launch(executable, args)
        if track is not None:
            track(self.proc)
        self._reader = threading.Thread(target=self._read_loop, name="chromium-devtools",
                                        daemon=True)
        self._reader.start()

    def _launch(self, executable: str, args: Sequence[str]) -> subprocess.Popen[Any]:
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4. Popen cannot renumber
        # descriptors (and preexec_fn is unsafe in a threaded program), so the pipes go in as
        # the shell's stdin and stdout and the shell moves them to 3 and 4 as it execs
        # Chromium (which keeps the pid, the process group and the session). Chromium's own
        # output goes to a file, not a pipe: the crash handler it detaches keeps a pipe open
        # after the browser is gone, and reading to its end would wait for it.
        script = 'exec "$0" "$@" 3<&0 4>&1 </dev/null 1>&2'
        cmd = ["/bin/sh", "-c", script, executable, *CHROMIUM_FLAGS, *args,
               "--remote-debugging-pipe", f"--user-data-dir={self.profile / 'profile'}",
               "about:blank"]
        try:
            with open(self.log_path, "wb") as log:
                proc = subprocess.Popen(cmd, stdin=to_browser_r, stdout=from_browser_w,
                                        stderr=log, start_new_session=True)
        except OSError:
            for fd in (to_browser_w, from_browser_r):
                os.close(fd)
            shutil.rmtree(self.profile, ignore_errors=True)
            raise
        finally:
            os.close(to_browser_r)
            os.close(from_browser_w)
        self._out = os.fdopen(to_browser_w, "wb", buffering=0)
        self._in = from_browser_r
        return proc

    # -- the connection ------------------------------------------------------------------------
    def _read_loop(self) -> None:
        """Read NUL-separated messages until the pipe closes: replies by id, events by session."""
        buffer = b""
        while True:
            try:
                chunk = os.read(self._in, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                break
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            with self._cond:
                for raw in messages:
                    self._dispatch(raw)
                self._cond.notify_all()
        with self._cond:
            self._closed = self._closed or "chromium exited"
            self._cond.notify_all()
        os.close(self._in)

    def _dispatch(self, raw: bytes) -> None:
        try:
            message = json.loads(raw)
        except ValueError:
            return
        if "id" in message:
            self._replies[int(message["id"])] = message
        elif "method" in message:
            events = self._events.get(message.get("sessionId"))
            if events is not None:  # sessions nobody listens to any more are dropped
                events.append(message)

    def send(self, method: str, params: dict[str, Any] | None = None, *,
             session: str | None = None, timeout: float = 30) -> dict[str, Any]:
        """Send a command and wait for its result (:class:`DevToolsError` on error or timeout)."""
        with self._cond:
            if self._closed:
                raise DevToolsError(f"{method}: {self._closed}")
            self._next_id += 1
            msg_id = self._next_id
        message: dict[str, Any] = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        try:
            with self._lock:
                self._out.write(json.dumps(message).encode() + b"\0")
        except OSError as exc:
            raise DevToolsError(f"{method}: chromium exited ({exc})") from exc
        reply = self._wait(lambda: self._replies.pop(msg_id, None), timeout, method)
        if "error" in reply:
            raise DevToolsError(f"{method}: {reply['error'].get('message', reply['error'])}")
        return reply.get("result", {})

    def _wait(self, take: Callable[[], Any], timeout: float, what: str) -> Any:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = take()
                if found is not None:
                    return found
                if self._closed:
                    raise DevToolsError(f"{what}: {self._closed}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise DevToolsError(f"{what}: no answer from chromium within {timeout:.0f} s")
                self._cond.wait(left)

    def listen(self, session: str | None) -> list[dict[str, Any]]:
        """The list the events of ``session`` are appended to from now on."""
        with self._cond:
            return self._events.setdefault(session, [])

    def forget(self, session: str | None) -> None:
        """Stop keeping the events of ``session``."""
        with self._cond:
            self._events.pop(session, None)

    def wait_event(self, session: str | None, method: str, timeout: float = 30,
                   since: int = 0) -> dict[str, Any]:
        """The first ``method`` event of ``session`` at or after index ``since``, waiting for it."""
        events = self.listen(session)

        def take() -> dict[str, Any] | None:
            return next((e for e in events[since:] if e.get("method") == method), None)

        return self._wait(take, timeout, f"waiting for {method}")

    @property
    def alive(self) -> bool:
        """Whether the browser still runs and its connection is open."""
        return self._closed is None and self.proc.poll() is None

    def log_tail(self, lines: int = 5) -> str:
        """The last lines Chromium wrote to its output (for error messages)."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.strip().splitlines()[-lines:])

    # -- pages ---------------------------------------------------------------------------------
    def new_page(self, timeout: float = 30) -> Page:
        """A new tab (about:blank) in a window of its own, attached, with its own events.

        Its own window keeps it visible: a background tab is hidden, gets no animation frames
        and has its timers slowed to one a second, so a page printed in it while another tab
        prints (two briefs at once) would never be ready.
        """
        target = self.send("Target.createTarget", {"url": "about:blank", "newWindow": True},
                           timeout=timeout)["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                            timeout=timeout)["sessionId"]
        return Page(self, target, session)

    def close(self, *, kill: bool = False) -> None:
        """Ask Chromium to exit (``kill``: kill it at once), kill its process group whatever it
        does, remove its profile."""
        if kill:
            kill_group(self.proc)
        elif self.alive:
            with contextlib.suppress(DevToolsError):
                self.send("Browser.close", timeout=5)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)
        kill_group(self.proc, reaped=True)  # helpers left behind by a browser that exited
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)
        with contextlib.suppress(OSError):
            self._out.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Page:
    """One tab of a :class:`Browser`: commands and events of its session."""

    def __init__(self, browser: Browser, target: str, session: str) -> None:
        self.browser, self.target, self.session = browser, target, session
        self.events = browser.listen(session)

    def send(self, method: str, timeout: float = 30, **params: Any) -> dict[str, Any]:
        """A command to this tab."""
        return self.browser.send(method, params, session=self.session, timeout=timeout)

    def wait_for(self, method: str, timeout: float = 30, since: int = 0) -> dict[str, Any]:
        """The first ``method`` event of this tab at or after index ``since`` of its events."""
        return self.browser.wait_event(self.session, method, timeout, since)

    def navigate(self, url: str, timeout: float = 30) -> None:
        """Load ``url`` and wait for its load event (Page.enable must have been sent)."""
        since = len(self.events)
        reply = self.send("Page.navigate", timeout=timeout, url=url)
        if reply.get("errorText"):
            raise DevToolsError(f"cannot open {url}: {reply['errorText']}")
        self.wait_for("Page.loadEventFired", timeout, since)

    def evaluate(self, expression: str, timeout: float = 30) -> Any:
        """The value of a JavaScript expression (promises awaited)."""
        result = self.send("Runtime.evaluate", timeout=timeout, expression=expression,
                           returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise DevToolsError(f"script error: {text}")
        return result.get("result", {}).get("value")

    def print_pdf(self, timeout: float = 60) -> bytes:
        """The page printed as :data:`PRINT_OPTIONS` say."""
        data = self.send("Page.printToPDF", timeout=timeout, **PRINT_OPTIONS)["data"]
        return base64.b64decode(data)

    def close(self) -> None:
        """Close the tab and forget its events."""
        with contextlib.suppress(DevToolsError):
            self.browser.send("Target.closeTarget", {"targetId": self.target}, timeout=10)
        self.browser.forget(self.session)


class Printer:
    """Prints pages to PDF in one headless Chromium, started at the first print (or by
    :meth:`start`) and shared by the threads of a render; a browser that timed out or died is
    replaced at the next print.

    A tab that printed is kept and reused for the next page: a new tab is a new renderer
    process, which costs about as long again as loading a brief, and a process compiles a
    script loaded from the same file once for every page it shows (``warm_url``, see
    :meth:`start`). Each tab keeps its own process (no ``--process-per-site``), so that two
    pages print in parallel. ``track``/``untrack`` are the render's Cancel methods: a cancelled
    render kills the browser.
    """

    ARGS: tuple[str, ...] = ()

    def __init__(self, executable: str, *,
                 track: Callable[[subprocess.Popen[Any]], None] | None = None,
                 untrack: Callable[[subprocess.Popen[Any]], None] | None = None,
                 warm_url: str | None = None) -> None:
        self.executable = executable
        self.warm_url = warm_url
        self._track, self._untrack = track, untrack
        self._browser: Browser | None = None
        self._idle: list[Page] = []  # tabs of the current browser, free to print in
        self._lock = threading.Lock()

    def _current(self) -> Browser:
        with self._lock:
            if self._browser is None or not self._browser.alive:
                if self._browser is not None:
                    self._retire(self._browser)
                self._browser = Browser(self.executable, args=self.ARGS, track=self._track)
            return self._browser

    def _retire(self, browser: Browser, *, kill: bool = True) -> None:
        self._idle = [p for p in self._idle if p.browser is not browser]
        browser.close(kill=kill)
        if self._untrack is not None:
            self._untrack(browser.proc)

    def start(self, tabs: int = 1) -> None:
        """Start the browser now and, in the background, open ``tabs`` tabs on ``warm_url`` (a
        page loading the scripts the pages to print share) or a blank local page, so that the
        renderer process, its tabs and those scripts are ready when the first page comes; the
        caller goes on meanwhile. A browser that cannot start is reported by the print."""
        with contextlib.suppress(OSError):
            browser = self._current()
            for _ in range(max(1, tabs)):
                threading.Thread(target=self._warm, args=(browser,), daemon=True,
                                 name="chromium-warm").start()

    def _warm(self, browser: Browser) -> None:
        with contextlib.suppress(DevToolsError, OSError):
            url = self.warm_url
            if url is None:
                blank = browser.profile / "blank.html"
                blank.write_text("<!DOCTYPE html><title>blank</title>", encoding="utf-8")
                url = blank.as_uri()
            page = browser.new_page()
            page.send("Page.enable")
            page.navigate(url, timeout=60)
            self._release(page)

    def _take(self, browser: Browser, timeout: float) -> Page:
        with self._lock:
            for page in self._idle:
                if page.browser is browser:
                    self._idle.remove(page)
                    return page
        page = browser.new_page(timeout=timeout)
        page.send("Page.enable", timeout=timeout)
        return page

    def _release(self, page: Page) -> None:
        with self._lock:
            if page.browser is self._browser:
                self._idle.append(page)

    def print(self, html_path: Path, pdf_path: Path, timeout: float = 90) -> None:
        """Print ``html_path`` to ``pdf_path`` (written whole, or not at all), within
        ``timeout`` seconds; RuntimeError (:class:`DevToolsError`) when it cannot."""
        started = time.monotonic()
        browser = self._current()
        try:
            page = self._take(browser, timeout)
            data = _print_page(page, html_path.resolve().as_uri(), started + timeout)
        except DevToolsError as exc:
            # No tab is closed after a failure: the browser, which may be stuck, is replaced.
            code, tail = browser.proc.poll(), browser.log_tail()  # before the profile goes
            self._failed(browser)
            if time.monotonic() - started >= timeout or "no answer" in str(exc):
                raise DevToolsError(f"chromium did not finish printing within {timeout:.0f} s"
                                    ) from exc
            raise DevToolsError(f"chromium could not print the PDF (exit {code}): {exc}"
                                + (f"\n{tail}" if tail else "")) from exc
        self._release(page)
        tmp = pdf_path.with_name(f".{pdf_path.name}.tmp-{os.getpid()}-{threading.get_ident()}")
        try:
            tmp.write_bytes(data)
            os.replace(tmp, pdf_path)
        finally:
            tmp.unlink(missing_ok=True)

    def _failed(self, browser: Browser) -> None:
        """A print that failed may have left the browser stuck: replace it (a dead one too)."""
        with self._lock:
            if self._browser is browser:
                self._browser = None
                self._retire(browser)

    def close(self) -> None:
        """End the browser, if one was started."""
        with self._lock:
            if self._browser is not None:
                self._retire(self._browser, kill=False)
                self._browser = None

    def __enter__(self) -> Printer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _print_page(page: Page, url: str, deadline: float) -> bytes:
    """Load ``url`` in ``page``, wait for it to be ready (:data:`READY_SCRIPT`), print it."""
    def left() -> float:
        return max(0.1, deadline - time.monotonic())

    page.navigate(url, timeout=left())
    page.evaluate(READY_SCRIPT, timeout=left())
    data = page.print_pdf(timeout=left())
    if not data.startswith(b"%PDF"):
        raise DevToolsError("chromium returned something other than a PDF")
    return data
