"""How `vnhealth render` ends when it does not simply succeed: stopped by a signal, a PDF that
cannot be printed, a full disk, a kernel killed mid-cell, a warehouse rebuilt while it ran.

Real kernels and processes throughout; Chromium is replaced by small scripts (one that answers
the DevTools commands of a print with a PDF, one that fails, one that hangs) so that these tests
do not depend on a browser.
Waits poll with generous timeouts: they must hold on a loaded two-core machine.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import nbformat
import pytest
from support import make_notebook

from vnhealth.render.chromium import Printer
from vnhealth.render.run import Summary, load_manifest, render_runs

BIN = Path(sys.executable).parent

PRINTS = f"""#!{sys.executable}
# Stands in for Chromium: answers, over the DevTools pipe (commands on fd 3, replies on fd 4),
# what vnhealth.render.chromium sends to print a page, with a small PDF.
import base64, json, os, sys

def send(message):
    os.write(4, json.dumps(message).encode() + b"\\0")

if os.environ.get("VNH_STAND_IN_LOG"):  # who started: one line per browser
    with open(os.environ["VNH_STAND_IN_LOG"], "a") as log:
        log.write(f"{{os.getpid()}}\\n")
pdf = base64.b64encode(b"%PDF-1.4 stand-in " + str(os.getpid()).encode()).decode()
results = {{"Target.createTarget": {{"targetId": "t1"}},
           "Page.navigate": {{"frameId": "f1"}},
           "Runtime.evaluate": {{"result": {{"type": "boolean", "value": True}}}},
           "Page.printToPDF": {{"data": pdf}}}}
buffer = b""
while chunk := os.read(3, 65536):
    *messages, buffer = (buffer + chunk).split(b"\\0")
    for raw in messages:
        message = json.loads(raw)
        method, session = message["method"], message.get("sessionId")
        result = results.get(method, {{}})
        if method == "Target.attachToTarget":  # one session per tab: briefs print at once
            result = {{"sessionId": f"s{{message['id']}}"}}
        send({{"id": message["id"], "result": result, "sessionId": session}})
        if method == "Page.navigate":
            send({{"method": "Page.loadEventFired", "params": {{}}, "sessionId": session}})
        if method == "Browser.close":
            sys.exit(0)
"""
FAILS = """#!/bin/sh
echo "stand-in chromium: cannot print" >&2
exit 1
"""
# A child that would outlive the shim if only the shim were killed.
HANGS = """#!/bin/sh
sleep 300 &
sleep 300
"""


def _script(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)
    return str(path)


@pytest.fixture()
def notebooks(tmp_path: Path) -> Path:
    """``page``: a one-heading report whose run can be told to sleep in its second cell."""
    nb_dir = tmp_path / "notebooks"
    nb_dir.mkdir()
    make_notebook(nb_dir / "page.ipynb", 'label = "first"\nnap = 0.0\n',
              "from IPython.display import HTML, display\n"
              "display(HTML(f'<h1>Page {label}</h1><p class=\"marker\">{label}</p>'))",
              "import time\ntime.sleep(nap)")
    return nb_dir


def _render(manifest: Path, notebooks: Path, reports: Path, warehouse: Path,
            **kw: object) -> Summary:
    return render_runs(load_manifest(manifest, notebooks), reports_dir=reports,
                       warehouse=warehouse, jobs=2, progress=False, say=lambda _text: None,
                       **kw)


def _snapshot(reports: Path) -> dict[str, bytes]:
    """Every file under ``reports`` (hidden staging files included), by relative path."""
    return {str(p.relative_to(reports)): p.read_bytes()
            for p in sorted(reports.rglob("*")) if p.is_file()}


def _descendants(root: int) -> dict[int, str]:
    """The live processes below ``root`` (from /proc), with their command lines."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            children.setdefault(int(stat.rsplit(")", 1)[1].split()[1]), []).append(int(entry))
    found: dict[int, str] = {}
    todo = [root]
    while todo:
        for pid in children.get(todo.pop(), []):
            todo.append(pid)
            cmdline = _cmdline(pid)
            if cmdline is not None:
                found[pid] = cmdline
    return found


def _cmdline(pid: int) -> str | None:
    """The command line of a live (not zombie) process, else None."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except (OSError, IndexError):
        return None
    return None if state == "Z" else cmdline


def _poll(condition: Callable[[], bool], timeout: float, step: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def _four_runs(path: Path, brief_parameters: str, page_parameters: str) -> Path:
    """A manifest of two briefs (b1, b2) and two site pages (s1, s2) of the page notebook."""
    lines = [f"  - {{name: b{k}, notebook: page, brief: true, parameters: {brief_parameters}}}"
             for k in (1, 2)]
    lines += [f"  - {{name: s{k}, notebook: page, parameters: {page_parameters}}}"
              for k in (1, 2)]
    path.write_text("runs:\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def _signal_a_worker_thread(pid: int, signum: int) -> None:
    """Send ``signum`` to one of ``pid``'s threads other than its main thread, as the kernel
    may when it delivers a process's signal (glibc's tgkill)."""
    tgkill = getattr(ctypes.CDLL(None, use_errno=True), "tgkill", None)
    if tgkill is None:
        pytest.skip("no tgkill in this C library")
    # Only a thread that does not block the signal: the kernel never gives a process's signal
    # to one that does (libzmq's threads block them all), and a signal sent to such a thread
    # would stay pending there for good.
    threads = sorted(int(t) for t in os.listdir(f"/proc/{pid}/task")
                     if int(t) != pid and not _blocks(pid, int(t), signum))
    assert threads, "the render runs no thread besides its main thread that takes signals"
    assert tgkill(pid, threads[-1], signum) == 0, os.strerror(ctypes.get_errno())


def _blocks(pid: int, tid: int, signum: int) -> bool:
    """Whether thread ``tid`` of ``pid`` blocks ``signum`` (SigBlk in its /proc status)."""
    try:
        status = Path(f"/proc/{pid}/task/{tid}/status").read_text()
    except OSError:
        return True  # gone: no use sending to it
    mask = int(re.search(r"^SigBlk:\s*([0-9a-f]+)", status, re.M).group(1), 16)
    return bool(mask >> (signum - 1) & 1)


@pytest.mark.parametrize(("signum", "to_thread"),
                         [(signal.SIGINT, False), (signal.SIGTERM, False), (signal.SIGTERM, True)],
                         ids=["SIGINT", "SIGTERM", "SIGTERM to a worker thread"])
def test_signal_stops_render_kills_children_and_keeps_last_good_reports(
        tmp_path: Path, notebooks: Path, warehouse_path: Path, monkeypatch: pytest.MonkeyPatch,
        signum: int, to_thread: bool) -> None:
    reports = tmp_path / "reports"
    good = _four_runs(tmp_path / "good.yaml", "{}", "{}")
    monkeypatch.setenv("VNHEALTH_CHROMIUM", _script(tmp_path / "prints.sh", PRINTS))
    assert _render(good, notebooks, reports, warehouse_path).exit_code == 0
    before = _snapshot(reports)
    assert "page/b1.pdf" in before and "index.html" in before

    # Now the briefs hang in "Chromium" and the other runs sleep in their kernels; with three
    # jobs for four runs, one is queued and at least one of each kind is running.
    slow = _four_runs(tmp_path / "slow.yaml", "{label: second}", "{nap: 300}")
    env = {**os.environ, "VNHEALTH_CHROMIUM": _script(tmp_path / "hangs.sh", HANGS)}
    proc = subprocess.Popen(
        [str(BIN / "vnhealth"), "render", "--manifest", str(slow), "--notebooks",
         str(notebooks), "--reports", str(reports), "--warehouse", str(warehouse_path),
         "--jobs", "3"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        # Its own session, and SIGINT at its default even if this test runs with it ignored.
        start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        def busy() -> bool:
            found = _descendants(proc.pid).values()
            return (any("ipykernel_launcher" in c for c in found)
                    and any(c.startswith("sleep 300") for c in found))

        assert _poll(busy, timeout=180), "the kernels and the PDF print never started"
        children = _descendants(proc.pid)
        started = time.monotonic()
        if to_thread:  # the main thread must hear it all the same
            _signal_a_worker_thread(proc.pid, signum)
        else:
            proc.send_signal(signum)
        out, err = proc.communicate(timeout=60)
        took = time.monotonic() - started
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, err
    assert took < 10, f"took {took:.1f} s to stop"
    assert "rendering interrupted; 4 runs cancelled, the last good reports are kept" in err
    assert "warehouse" not in err
    assert "4 cancelled" in out.splitlines()[-1]
    assert _poll(lambda: not any(_cmdline(p) == c for p, c in children.items()), timeout=10), \
        f"left running: {[c for p, c in children.items() if _cmdline(p) == c]}"
    after = _snapshot(reports)
    assert after == before  # nothing moved into place, no staging file left, no failure record
    index = after["index.html"].decode("utf-8")
    assert index.rstrip().endswith("</html>")
    for name in ("b1", "b2", "s1", "s2"):
        assert f'href="page/{name}.html"' in index and f"page/{name}.html" in after


@pytest.mark.parametrize("failure", ["chromium fails", "disk full"])
def test_failed_brief_keeps_previous_html_pdf_and_sidecar(
        tmp_path: Path, notebooks: Path, warehouse_path: Path, monkeypatch: pytest.MonkeyPatch,
        failure: str) -> None:
    reports = tmp_path / "reports"
    first = tmp_path / "first.yaml"
    first.write_text("runs:\n  - {name: b1, notebook: page, brief: true}\n", encoding="utf-8")
    monkeypatch.setenv("VNHEALTH_CHROMIUM", _script(tmp_path / "prints.sh", PRINTS))
    assert _render(first, notebooks, reports, warehouse_path).exit_code == 0
    before = _snapshot(reports / "page")
    assert set(before) == {"b1.html", "b1.pdf", "b1.json"}

    if failure == "chromium fails":
        monkeypatch.setenv("VNHEALTH_CHROMIUM", _script(tmp_path / "fails.sh", FAILS))
    else:
        # The disk fills up after the PDF is printed, while the sidecar is written: the step
        # where the PDF used to have replaced the last good one already.
        real = Path.write_text

        def full(self: Path, *args: object, **kw: object) -> int:
            if ".json.part-" in self.name:
                raise OSError(errno.ENOSPC, "No space left on device", str(self))
            return real(self, *args, **kw)

        monkeypatch.setattr(Path, "write_text", full)
    second = tmp_path / "second.yaml"
    second.write_text("runs:\n  - {name: b1, notebook: page, brief: true,"
                      " parameters: {label: second}}\n", encoding="utf-8")
    summary = _render(second, notebooks, reports, warehouse_path)
    (outcome,) = summary.outcomes
    assert outcome.status == "failed" and summary.exit_code == 1
    assert "writing the report failed" in outcome.message
    assert ("cannot print" in outcome.message if failure == "chromium fails"
            else "No space left" in outcome.message)
    assert _snapshot(reports / "page") == before  # byte-identical, no staging file left
    assert (reports / "_failed" / "page" / "b1.json").is_file()


def test_killed_kernel_is_reported_at_the_running_cell(tmp_path: Path,
                                                       warehouse_path: Path) -> None:
    nb_dir = tmp_path / "notebooks"
    nb_dir.mkdir()
    make_notebook(nb_dir / "five.ipynb", "x = 1\n", "y = x + 1",
              "import os\nos.kill(os.getpid(), 9)  # the kernel dies here, in cell 3",
              "z = y + 1", "print(z)")
    manifest = tmp_path / "m.yaml"
    manifest.write_text("runs:\n  - {name: k, notebook: five}\n", encoding="utf-8")
    summary = _render(manifest, nb_dir, tmp_path / "reports", warehouse_path)
    (outcome,) = summary.outcomes
    assert outcome.status == "failed" and "kernel died" in outcome.message
    # The prompt number is there when the kernel said it started the cell before dying.
    assert re.match(r"cell 3 \((In \[3\]: )?import os\)", outcome.message), outcome.message
    kept = nbformat.read(outcome.failed_notebook, as_version=4)
    # The executed notebook is the author's: the renderer's own build cell is not in it.
    assert [c.source.splitlines()[0] for c in kept.cells if "injected-parameters" not in
            c.metadata.get("tags", [])] == ["x = 1", "y = x + 1", "import os", "z = y + 1",
                                            "print(z)"]


def _copy_with_build(source: Path, target: Path, build_hash: str) -> Path:
    target.write_bytes(source.read_bytes())
    con = duckdb.connect(str(target))
    con.execute("UPDATE build_info SET build_hash = ?", [build_hash])
    con.close()
    return target


def test_recorded_build_is_the_one_the_kernel_read(tmp_path: Path,
                                                   warehouse_path: Path) -> None:
    """The warehouse is rebuilt after the renderer checked it and before the kernel reads it,
    and rebuilt back before the run ends: the report names the build its kernel read, not the
    one in the file before or after."""
    old = _copy_with_build(warehouse_path, tmp_path / "old.duckdb", "0ldbuild" * 8)
    new = _copy_with_build(warehouse_path, tmp_path / "new.duckdb", "nevvbuild" * 7 + "n")
    live = tmp_path / "warehouse.duckdb"
    live.write_bytes(old.read_bytes())
    nb_dir = tmp_path / "notebooks"
    nb_dir.mkdir()
    make_notebook(nb_dir / "reads.ipynb", 'warehouse = ""\nold = ""\nnew = ""\n',
              "import os, shutil\n"
              "from vnhealth import report\n"
              "def install(source):  # as `vnhealth build` does: a new file renamed into place\n"
              "    shutil.copyfile(source, warehouse + '.tmp')\n"
              "    os.replace(warehouse + '.tmp', warehouse)\n"
              "install(new)\n"
              "wh = report.load(warehouse)\n"
              "report.display_html(f'<h1>Provinces: {len(wh.provinces)}</h1>')",
              "install(old)")
    manifest = tmp_path / "m.yaml"
    manifest.write_text(f"runs:\n  - name: r\n    notebook: reads\n    parameters:\n"
                        f"      warehouse: {live}\n      old: {old}\n      new: {new}\n",
                        encoding="utf-8")
    reports = tmp_path / "reports"
    summary = _render(manifest, nb_dir, reports, live)
    assert summary.exit_code == 0, [o.message for o in summary.outcomes]
    read = "nevvbuild" * 7 + "n"
    sidecar = json.loads((reports / "reads" / "r.json").read_text(encoding="utf-8"))
    assert sidecar["build_hash"] == read
    assert summary.build_hash == read and read[:12] in summary.line()
    page_text = (reports / "reads" / "r.html").read_text(encoding="utf-8")
    assert f'content="{read}"' in page_text and f"build {read[:12]}" in page_text
    assert "vnd.vnhealth.build" not in page_text  # the build cell stays out of the report
    assert read[:12] in (reports / "index.html").read_text(encoding="utf-8")
    # The file now holds the old build again: reading it after the run would have been wrong.
    con = duckdb.connect(str(live), read_only=True)
    assert con.execute("SELECT build_hash FROM build_info").fetchone()[0] == "0ldbuild" * 8
    con.close()


def test_one_chromium_prints_every_brief(tmp_path: Path, notebooks: Path, warehouse_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The briefs of a render are printed in one browser, not one browser each."""
    log = tmp_path / "started.log"
    monkeypatch.setenv("VNHEALTH_CHROMIUM", _script(tmp_path / "prints.py", PRINTS))
    monkeypatch.setenv("VNH_STAND_IN_LOG", str(log))
    manifest = tmp_path / "m.yaml"
    manifest.write_text("runs:\n" + "".join(
        f"  - {{name: b{k}, notebook: page, brief: true, parameters: {{label: b{k}}}}}\n"
        for k in range(3)), encoding="utf-8")
    summary = _render(manifest, notebooks, tmp_path / "reports", warehouse_path)
    assert [o.status for o in summary.outcomes] == ["ok"] * 3
    (pid,) = log.read_text().split()
    for k in range(3):
        pdf = (tmp_path / "reports" / "page" / f"b{k}.pdf").read_bytes()
        assert pdf == f"%PDF-1.4 stand-in {pid}".encode()
        assert json.loads((tmp_path / "reports" / "page" / f"b{k}.json").read_text())["pdf"]


def test_print_timeout_kills_the_browser_and_its_helpers(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<h1>x</h1>", encoding="utf-8")
    printer = Printer(_script(tmp_path / "hangs.sh", HANGS))
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="did not finish printing within 2 s"):
        printer.print(page, tmp_path / "page.pdf", timeout=2)
    assert time.monotonic() - started < 15
    assert _poll(lambda: not any(c.startswith("sleep 300")
                                 for c in _descendants(os.getpid()).values()), timeout=10)
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*.tmp-*"))
    printer.close()
