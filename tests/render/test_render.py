"""The renderer's contract: failures are explained, exit non-zero, and never lose output.

Small notebooks written here keep these tests fast (a kernel each, no report library); the
report notebooks themselves are exercised in test_notebooks.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from support import make_notebook

from vnhealth.render.run import (
    RenderError,
    Run,
    external_references,
    load_manifest,
    page,
    render_runs,
)

BIN = Path(sys.executable).parent


@pytest.fixture()
def notebooks(tmp_path: Path) -> Path:
    """A notebook that can raise or kill its kernel on request, and a plain one."""
    nb_dir = tmp_path / "notebooks"
    nb_dir.mkdir()
    make_notebook(nb_dir / "tiny.ipynb", 'label = "first"\nfail = False\ndie = False\n',
              "from IPython.display import HTML, display\n"
              "display(HTML(f'<h1>Tiny {label}</h1><p class=\"marker\">{label}</p>'))",
              "if fail:\n    raise ValueError('asked to fail')",
              "import os\nif die:\n    os._exit(3)")
    make_notebook(nb_dir / "other.ipynb", "n = 1\n", "print(n * 2)")
    return nb_dir


def _manifest(path: Path, runs: str) -> Path:
    path.write_text("runs:\n" + runs, encoding="utf-8")
    return path


def _render(manifest: Path, notebooks: Path, reports: Path, warehouse: Path, **kw: object):
    messages: list[str] = []
    summary = render_runs(load_manifest(manifest, notebooks), reports_dir=reports,
                          warehouse=warehouse, jobs=2, progress=False, say=messages.append,
                          **kw)
    return summary, messages


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "vnhealth"), "render", *args], capture_output=True,
                          text=True, timeout=300, env={**os.environ, **(env or {})},
                          check=False)


def test_failed_run_keeps_last_good_output(tmp_path: Path, notebooks: Path,
                                           warehouse_path: Path) -> None:
    reports = tmp_path / "reports"
    good = _manifest(tmp_path / "m1.yaml", "  - {name: r1, notebook: tiny}\n")
    summary, _ = _render(good, notebooks, reports, warehouse_path)
    assert summary.exit_code == 0
    html_path = reports / "tiny" / "r1.html"
    before = html_path.read_bytes()
    assert b'<p class="marker">first</p>' in before

    bad = _manifest(tmp_path / "m2.yaml",
                    "  - {name: r1, notebook: tiny, parameters: {label: second, fail: true}}\n"
                    "  - {name: r2, notebook: other}\n")
    summary, messages = _render(bad, notebooks, reports, warehouse_path)
    assert summary.exit_code == 1
    failed, ok = summary.outcomes
    assert (failed.status, ok.status) == ("failed", "ok")  # the other run still finished
    assert html_path.read_bytes() == before  # the last good report is untouched
    assert "cell 3" in failed.message and "if fail:" in failed.message
    assert "ValueError: asked to fail" in failed.message
    kept = reports / "_failed" / "tiny" / "r1.ipynb"
    assert failed.failed_notebook == kept
    executed = nbformat.read(kept, as_version=4)
    assert any(o.get("ename") == "ValueError" for c in executed.cells
               for o in c.get("outputs", []))
    assert any("FAILED  tiny/r1" in m for m in messages)
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "last attempt failed" in index and "r2.html" in index and "r1.html" in index
    # A later success clears the failure record.
    summary, _ = _render(good, notebooks, reports, warehouse_path)
    assert summary.exit_code == 0 and not kept.exists()


def test_dead_kernel(tmp_path: Path, notebooks: Path, warehouse_path: Path) -> None:
    reports = tmp_path / "reports"
    m = _manifest(tmp_path / "m.yaml",
                  "  - {name: crash, notebook: tiny, parameters: {die: true}}\n")
    summary, _ = _render(m, notebooks, reports, warehouse_path)
    (outcome,) = summary.outcomes
    assert outcome.status == "failed" and summary.exit_code == 1
    assert "kernel died" in outcome.message and "cell 4" in outcome.message
    assert "os._exit(3)" not in outcome.message or "if die" in outcome.message
    assert (reports / "_failed" / "tiny" / "crash.ipynb").is_file()
    assert not (reports / "tiny" / "crash.html").exists()


def test_cli_bad_parameters_exit_nonzero_without_kernel(tmp_path: Path,
                                                        warehouse_path: Path) -> None:
    reports = tmp_path / "reports"
    proc = _cli("province_comparison", "-p", "provinces", "lai_chau,atlantis", "-p", "year",
                "2030", "--reports", str(reports), "--warehouse", str(warehouse_path))
    assert proc.returncode == 1
    assert "unknown province 'atlantis'" in proc.stderr
    assert "valid provinces: lai_chau (Lai Châu)" in proc.stderr
    assert "0 rendered" in proc.stdout and "1 failed" in proc.stdout
    assert not list((reports / "province_comparison").glob("*.html")) if (
        reports / "province_comparison").exists() else True

    proc = _cli("province_comparison", "-p", "yaer", "2030", "--reports", str(reports),
                "--warehouse", str(warehouse_path))
    assert proc.returncode == 1
    assert "unknown parameter 'yaer'" in proc.stderr and "did you mean 'year'" in proc.stderr


def test_cli_setup_errors_exit_2(tmp_path: Path, warehouse_path: Path) -> None:
    proc = _cli("--only", "nope", "--reports", str(tmp_path / "r"), "--warehouse",
                str(warehouse_path))
    assert proc.returncode == 2 and "--only: no run named 'nope'" in proc.stderr
    proc = _cli("--reports", str(tmp_path / "r"), "--warehouse", str(tmp_path / "no.duckdb"))
    assert proc.returncode == 2 and "vnhealth build" in proc.stderr
    proc = _cli("no_such_notebook", "--reports", str(tmp_path / "r"))
    assert proc.returncode == 2 and "notebooks: " in proc.stderr


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a directory read-only, even for root (a read-only bind mount), or skip."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [path, *path.rglob("*")] if p.is_dir()}
        for p in modes:
            p.chmod(0o555)
        try:
            yield
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
        return
    bind = subprocess.run(["mount", "--bind", str(path), str(path)], capture_output=True,
                          check=False)
    if bind.returncode != 0:
        pytest.skip("running as root without permission to mount a read-only directory")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(path)], check=True,
                       capture_output=True)
        yield
    finally:
        subprocess.run(["umount", str(path)], check=False, capture_output=True)


def test_read_only_reports(tmp_path: Path, notebooks: Path, warehouse_path: Path) -> None:
    reports = tmp_path / "reports"
    m = _manifest(tmp_path / "m.yaml", "  - {name: r1, notebook: tiny}\n")
    summary, _ = _render(m, notebooks, reports, warehouse_path)
    assert summary.exit_code == 0
    before = (reports / "tiny" / "r1.html").read_bytes()
    with read_only(reports):
        proc = _cli("--manifest", str(m), "--notebooks", str(notebooks), "--reports",
                    str(reports), "--warehouse", str(warehouse_path))
    assert proc.returncode == 2
    assert "cannot write to" in proc.stderr and "existing reports are unchanged" in proc.stderr
    assert (reports / "tiny" / "r1.html").read_bytes() == before


def test_changed_and_only(tmp_path: Path, notebooks: Path, warehouse_path: Path) -> None:
    reports = tmp_path / "reports"
    m = _manifest(tmp_path / "m.yaml", "  - {name: a, notebook: tiny}\n"
                                       "  - {name: b, notebook: other}\n")
    summary, _ = _render(m, notebooks, reports, warehouse_path, only=["b"])
    assert [o.run.name for o in summary.outcomes] == ["b"]
    summary, _ = _render(m, notebooks, reports, warehouse_path, changed=True)
    assert {o.run.name: o.status for o in summary.outcomes} == {"a": "ok", "b": "unchanged"}
    m.write_text(m.read_text().replace("{name: b, notebook: other}",
                                       "{name: b, notebook: other, parameters: {n: 2}}"))
    summary, _ = _render(m, notebooks, reports, warehouse_path, changed=True)
    assert {o.run.name: o.status for o in summary.outcomes} == {"a": "unchanged", "b": "ok"}
    meta = json.loads((reports / "other" / "b.json").read_text())
    assert meta["parameters"] == {"n": 2}
    with pytest.raises(RenderError, match="no run named 'c'"):
        _render(m, notebooks, reports, warehouse_path, only=["c"])


def test_missing_chromium_noted_once(tmp_path: Path, notebooks: Path, warehouse_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VNHEALTH_CHROMIUM", "")
    reports = tmp_path / "reports"
    m = _manifest(tmp_path / "m.yaml",
                  "  - {name: b1, notebook: tiny, brief: true}\n"
                  "  - {name: b2, notebook: tiny, brief: true, parameters: {label: two}}\n")
    summary, messages = _render(m, notebooks, reports, warehouse_path)
    assert summary.exit_code == 0
    assert sum("chromium not found" in msg for msg in messages) == 1
    for name in ("b1", "b2"):
        page_text = (reports / "tiny" / f"{name}.html").read_text(encoding="utf-8")
        assert "../assets/plotly.min.js" not in page_text  # a brief carries plotly.js
        assert not (reports / "tiny" / f"{name}.pdf").exists()


@pytest.mark.parametrize(("text", "problem"), [
    ("runs:\n  - {name: a, notebook: tiny}\n  - {name: a, notebook: other}\n",
     "duplicate run name 'a'"),
    ("runs:\n  - {name: a, notebook: tiny, params: {}}\n", "unknown key(s) ['params']"),
    ("runs:\n  - {name: a, notebook: nowhere}\n", "notebook 'nowhere' not found"),
    ("runs: [\n", "not valid YAML"),
    ("run:\n  - {name: a, notebook: tiny}\n", "a manifest needs a `runs:` list"),
    ("runs:\n  - {name: 'a b', notebook: tiny}\n", "`name` must be letters"),
])
def test_manifest_errors(tmp_path: Path, notebooks: Path, text: str, problem: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RenderError) as err:
        load_manifest(path, notebooks)
    assert problem in str(err.value) and "bad.yaml" in str(err.value)


def test_repository_manifest_is_valid(repo_root: Path, warehouse_path: Path) -> None:
    from vnhealth.report.params import check_parameters

    runs = load_manifest(repo_root / "reports" / "reports.yaml")
    assert {r.notebook for r in runs} >= {"province_comparison", "indicator_gaps",
                                         "province_profile", "policy_brief", "explore"}
    for run in runs:
        check_parameters(run.path, run.parameters, warehouse=warehouse_path)


def test_page_is_offline(tmp_path: Path) -> None:
    site = Run("r", "nb", tmp_path / "nb.ipynb", {}, brief=False)
    brief = Run("r", "policy_brief", tmp_path / "nb.ipynb", {}, brief=True)
    kwargs = {"parameters": {"year": 2030}, "build_hash": "abc", "rendered_at": "now",
              "lang": "vi"}
    site_page = page("<h1>Tiêu đề</h1>", run=site, **kwargs)
    assert '<script type="text/javascript" src="../assets/plotly.min.js">' in site_page
    assert "<title>Tiêu đề</title>" in site_page and '<meta charset="utf-8">' in site_page
    brief_page = page("<h1>x</h1>", run=brief, **kwargs)
    assert "../assets" not in brief_page and len(brief_page) > 3_000_000
    assert external_references(site_page) == external_references(brief_page) == []
    assert external_references('<link rel="stylesheet" href="https://x.org/a.css">') == [
        "https://x.org/a.css"]
    assert external_references("<style>@import 'https://x.org/f.css';</style>") == [
        "https://x.org/f.css"]


def test_report_doctests() -> None:
    import doctest

    from vnhealth import report
    from vnhealth.render import run as render
    from vnhealth.report import params

    for module in (report, params, render):
        assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0


@pytest.mark.parametrize(("value", "lang", "expected"), [
    (74.5, "vi", "74,5"), (74.5, "en", "74.5"), (1234567.891, "vi", "1.234.567,9"),
    (1234567.891, "en", "1,234,567.9"), (0.125, "vi", "0,13"), (-3, "vi", "−3"),
    (100.0, "vi", "100"), (None, "vi", "—"), (float("nan"), "en", "—"), (-0.001, "en", "0"),
])
def test_number_formats(value: object, lang: str, expected: str) -> None:
    from vnhealth.report import fmt_number

    assert fmt_number(value, lang) == expected


def test_value_formats() -> None:
    from vnhealth.report import fmt_signed, fmt_value

    assert fmt_value(12.5, "<", None, "per_1000", "vi") == "< 12,5‰"
    assert fmt_value(15, "=", None, "per_10000", "vi") == "15/10.000 dân"
    assert fmt_value(4.5, "range", 5, "per_station", "vi", value_low=4) == "4–5 bác sĩ/trạm"
    assert fmt_value(1.5, ">=", None, "cm", "en") == "≥ 1.5 cm"
    assert fmt_signed(0.14, "vi") == "+0,14" and fmt_signed(0, "en") == "±0"


def test_labels_complete_and_nfc() -> None:
    import unicodedata

    from vnhealth.report import DOMAINS, LABELS

    assert set(LABELS["vi"]) == set(LABELS["en"])
    for text in [*LABELS["vi"].values(), *(v for pair in DOMAINS.values() for v in pair)]:
        assert unicodedata.is_normalized("NFC", text), text
    lib = Path(__file__).resolve().parents[2] / "lib" / "vnhealth"
    for path in sorted(lib.rglob("*.py")):  # reform.py and report.py hold Vietnamese text
        source = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", source), path.name


def test_domains_cover_the_catalogue(warehouse_path: Path) -> None:
    import duckdb

    from vnhealth.report import DOMAINS

    con = duckdb.connect(str(warehouse_path), read_only=True)
    domains = {r[0] for r in con.execute("SELECT DISTINCT domain FROM indicators").fetchall()}
    con.close()
    assert domains <= set(DOMAINS), domains - set(DOMAINS)


def test_runs_start_longest_first(tmp_path: Path) -> None:
    """Runs start in the order of the time they took last time, longest first, and runs never
    rendered before all of them: a long run started last would keep one worker busy alone."""
    from vnhealth.render.run import _longest_first

    seconds = {"quick": 0.8, "slow": 1.9, "middle": 1.1, "new": None}
    todo = []
    for name, took in seconds.items():
        run = Run(name, "province_comparison", tmp_path / "x.ipynb", {})
        if took is not None:
            (tmp_path / run.notebook).mkdir(exist_ok=True)
            (tmp_path / run.notebook / f"{name}.json").write_text(json.dumps({"seconds": took}))
        todo.append((run, {}, "digest"))
    assert [r.name for r, _p, _d in _longest_first(tmp_path, todo)] == [
        "new", "slow", "middle", "quick"]
