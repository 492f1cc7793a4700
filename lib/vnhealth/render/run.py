"""Render the report notebooks: papermill, then nbconvert to HTML without code, offline.

``vnhealth render`` runs a manifest (``reports/reports.yaml``) of named runs; each run is one
notebook with its parameters and produces ``reports/<notebook>/<run>.html`` (briefs also a PDF
through headless Chromium), a sidecar ``<run>.json`` recording what it was rendered from, and an
entry in ``reports/index.html``.

What it guarantees:

* **Checked before a kernel starts** — parameter names against the notebook's parameters cell
  (``papermill.inspect_notebook``) and values against the warehouse
  (:func:`vnhealth.report.params.check_parameters`); the notebook checks again in its second cell.
* **Offline** — charts are drawn by plotly.js from the installed plotly package: site reports
  share ``reports/assets/plotly.min.js``; a brief embeds it so that it is one file to e-mail.
  Nothing is loaded from a CDN (:func:`external_references` checks that).
* **Never loses a good report** — a run's HTML, PDF and sidecar are staged next to the last
  good ones and moved into place together (the sidecar last) only when all of them were written;
  a failed run leaves the previous report untouched, keeps its executed notebook under
  ``reports/_failed/`` with the failing cell named, and the command exits non-zero after the
  other runs finish.
* **Names the data it shows** — the build hash in a report's footer, sidecar and the index is the
  one of the warehouse its kernel read (asked from the kernel after the last cell), so a report
  rendered while ``vnhealth build`` replaced the warehouse does not claim the old build.
* **Parallel** — runs execute in threads (each kernel is its own process), ``--jobs`` at a time.
* **Stops when told** — Ctrl-C or SIGTERM cancels the queued runs, kills the running kernels and
  Chromium, keeps the last good reports and exits 130 within seconds (:class:`Cancel`).
* **One browser** — the PDF briefs of a render are printed in one headless Chromium, started
  while the kernels run, over the DevTools protocol (:class:`vnhealth.render.chromium.Printer`).
* **A site** — ``reports/index.html`` is the front page (:mod:`vnhealth.render.site`): reports by
type
  and topic, stale ones marked, ad-hoc and failed runs apart and pruned, with the explorer, the
  method page and the data dictionary beside them; every report links back to it.
* **Cheap when nothing changed** — with ``changed``, a render whose manifest, notebooks,
  warehouse file, library and outputs are those of the last complete render says so without
  importing papermill or opening the warehouse (``reports/.render-state.json``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import html
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from datetime import datetime
from pathlib import Path
from typing import Any

from vnhealth import __version__
from vnhealth.inputs.errors import ParameterError, VnhealthError, select_named
from vnhealth.inputs.paths import ProjectPaths
from vnhealth.render.assets import ASSET, CSS, ensure_asset, plotly_js
from vnhealth.render.assets import atomic_write as _atomic_write
from vnhealth.render.chromium import (
    CHROMIUM_FLAGS,
    CHROMIUM_NAMES,
    Printer,
    find_chromium,
)
from vnhealth.render.chromium import kill_group as _kill_group
from vnhealth.render.site import accessible_tables, template

__all__ = [
    "BRIEF_NOTEBOOKS",
    "CHROMIUM_FLAGS",
    "CHROMIUM_NAMES",
    "Cancel",
    "Outcome",
    "RenderError",
    "RenderInterrupted",
    "Run",
    "Summary",
    "external_references",
    "find_chromium",
    "load_manifest",
    "notebook_path",
    "page",
    "print_pdf",
    "render_runs",
    "write_index",
]

# Notebooks whose reports are briefs: one self-contained HTML file (plotly.js inlined) and a PDF.
BRIEF_NOTEBOOKS = frozenset({"policy_brief"})
FAILED_DIR = "_failed"
# Bumped when the page shell or conversion changes, so that --changed re-renders everything.
RENDER_FORMAT = "3"
# What the last complete render was made of and wrote (the cheap "nothing changed" check).
STATE_FILE = ".render-state.json"
_RUN_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")
# Seconds an interrupted command waits for its killed runs to wind up before it exits.
CANCEL_GRACE = 5.0
# How often the main thread wakes while runs are rendering. Linux may deliver a stop signal to
# any thread; Python then runs the handler only when the main thread next runs code, and a main
# thread waiting on a lock with no timeout is not woken by a signal another thread received:
# without these wakes a SIGTERM could go unheard until a run finished.
SIGNAL_POLL_S = 0.25


class RenderError(VnhealthError):
    """The render command cannot start (bad manifest, no warehouse, unwritable reports/)."""


class RenderInterrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM stopped a render; its text is the message the command prints.

    A KeyboardInterrupt, so that whatever does not know it still treats it as one (exit 130).
    """

    def __init__(self, cancelled: int | None = None, summary: Summary | None = None) -> None:
        self.cancelled = cancelled
        self.summary = summary
        if cancelled is None:
            text = "rendering interrupted before any run started; the last good reports are kept"
        else:
            text = (f"rendering interrupted; {cancelled} run{'' if cancelled == 1 else 's'} "
                    "cancelled, the last good reports are kept")
        super().__init__(text)


@dataclasses.dataclass(frozen=True)
class Run:
    """One report to render: a notebook and its parameters, under a unique name."""

    name: str
    notebook: str  # the notebook's name (file stem); outputs go to reports/<notebook>/
    path: Path  # the notebook file
    parameters: dict[str, Any]
    brief: bool = False
    origin: str = "manifest"  # or "adhoc" (given on the command line): the index keeps them apart

    @property
    def key(self) -> str:
        """``<notebook>/<name>``, as shown in messages and the index."""
        return f"{self.notebook}/{self.name}"


@dataclasses.dataclass
class Outcome:
    """What happened to one run."""

    run: Run
    status: str  # ok, failed, unchanged, cancelled
    seconds: float = 0.0
    message: str = ""
    html: Path | None = None
    pdf: Path | None = None
    failed_notebook: Path | None = None
    parameters: dict[str, Any] = dataclasses.field(default_factory=dict)
    build_hash: str = ""  # of the warehouse the kernel read (rendered runs)


@dataclasses.dataclass
class Summary:
    """All outcomes of one render command, and the line a scheduler logs."""

    outcomes: list[Outcome]
    seconds: float
    build_hash: str
    index: Path | None

    @property
    def failed(self) -> list[Outcome]:
        """The runs that failed."""
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def exit_code(self) -> int:
        """0 when nothing failed, else 1."""
        return 1 if self.failed else 0

    def line(self) -> str:
        """The one-line summary printed last (for schedulers and logs)."""
        counts = {s: sum(o.status == s for o in self.outcomes)
                  for s in ("ok", "unchanged", "failed", "cancelled")}
        where = f" → {self.index}" if self.index else ""
        cancelled = f", {counts['cancelled']} cancelled" if counts["cancelled"] else ""
        # Runs rendered while the warehouse was rebuilt may have read different builds.
        builds = ", ".join(b[:12] for b in self.build_hash.split(","))
        return (f"render: {counts['ok']} rendered, {counts['unchanged']} unchanged, "
                f"{counts['failed']} failed{cancelled} of {len(self.outcomes)} runs in "
                f"{self.seconds:.1f} s (data build {builds}){where}")


# ---------------------------------------------------------------------------------------------
# manifest
# ---------------------------------------------------------------------------------------------
def notebook_path(notebook: str, notebooks_dir: Path) -> Path:
    """A notebook given by name (``province_comparison``) or path (``x/y.ipynb``)."""
    candidate = Path(notebook)
    if candidate.suffix == ".ipynb" or candidate.parent != Path("."):
        path = candidate if candidate.suffix == ".ipynb" else candidate.with_suffix(".ipynb")
    else:
        path = notebooks_dir / f"{notebook}.ipynb"
    if not path.is_file():
        known = sorted(p.stem for p in notebooks_dir.glob("*.ipynb"))
        raise RenderError(f"notebook {notebook!r} not found ({path}); notebooks: "
                          f"{', '.join(known) or 'none'}")
    return path.resolve()


def load_manifest(path: str | Path, notebooks_dir: str | Path | None = None) -> list[Run]:
    """Read a manifest: ``runs:`` (each ``name``, ``notebook``, ``parameters``) and optional
    ``defaults:`` (parameters given to every run whose notebook takes them)."""
    import yaml

    from vnhealth.inputs.yamlsafe import safe_load

    path = Path(path)
    nb_dir = Path(notebooks_dir) if notebooks_dir else ProjectPaths.at().root / "notebooks"
    if not path.is_file():
        raise RenderError(f"manifest {path} not found")
    try:
        doc = safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise RenderError(f"not valid YAML: {exc}", path=path,
                          line=line + 1 if line is not None else None) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("runs"), list):
        raise RenderError("a manifest needs a `runs:` list", path=path)
    unknown = set(doc) - {"defaults", "runs"}
    if unknown:
        raise RenderError(f"unknown top-level key(s) {sorted(unknown)}; expected defaults, runs",
                          path=path)
    defaults = doc.get("defaults") or {}
    runs: list[Run] = []
    seen: set[str] = set()
    for k, entry in enumerate(doc["runs"], start=1):
        where = f"runs[{k}]"
        if not isinstance(entry, dict):
            raise RenderError(f"{where}: expected a mapping with name, notebook, parameters",
                              path=path)
        extra = set(entry) - {"name", "notebook", "parameters", "brief"}
        if extra:
            raise RenderError(f"{where}: unknown key(s) {sorted(extra)}; expected name, "
                              "notebook, parameters, brief", path=path)
        name, notebook = entry.get("name"), entry.get("notebook")
        if not isinstance(name, str) or not _RUN_NAME.match(name):
            raise RenderError(f"{where}: `name` must be letters, digits, _ . - (got {name!r})",
                              path=path)
        if name in seen:
            raise RenderError(f"{where}: duplicate run name {name!r}", path=path)
        seen.add(name)
        if not isinstance(notebook, str):
            raise RenderError(f"{where} ({name}): `notebook` missing", path=path)
        try:
            nb_path = notebook_path(notebook, nb_dir)
        except RenderError as exc:
            raise RenderError(f"{where} ({name}): {exc.detail}", path=path) from exc
        params = entry.get("parameters") or {}
        if not isinstance(params, dict):
            raise RenderError(f"{where} ({name}): `parameters` must be a mapping", path=path)
        runs.append(Run(name, nb_path.stem, nb_path, {**_applicable(defaults, nb_path), **params},
                        bool(entry.get("brief", nb_path.stem in BRIEF_NOTEBOOKS))))
    return runs


def _applicable(defaults: Mapping[str, Any], nb_path: Path) -> dict[str, Any]:
    if not defaults:
        return {}
    takes = parameter_names(nb_path)
    return {k: v for k, v in defaults.items() if k in takes}


_NAMES_CACHE: dict[tuple[str, int, int], frozenset[str]] = {}


def parameter_names(nb_path: Path) -> frozenset[str]:
    """The names the notebook's ``parameters`` cell assigns, read with :mod:`ast`.

    Reading a manifest only needs the names (to know which ``defaults`` a notebook takes);
    papermill, which :func:`vnhealth.report.params.notebook_defaults` uses, costs over a second to
    import, and a render with nothing to do must not pay it. The full check (names, literal
    defaults, values) still goes through papermill before a kernel starts. A cell that does not
    parse falls back to papermill.
    """
    st = nb_path.stat()
    key = (str(nb_path), st.st_mtime_ns, st.st_size)
    if key not in _NAMES_CACHE:
        _NAMES_CACHE[key] = _read_parameter_names(nb_path)
    return _NAMES_CACHE[key]


def _read_parameter_names(nb_path: Path) -> frozenset[str]:
    import ast

    try:
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        cell = next(c for c in nb.get("cells", []) if c.get("cell_type") == "code"
                    and "parameters" in c.get("metadata", {}).get("tags", []))
        source = cell.get("source", "")
        tree = ast.parse(source if isinstance(source, str) else "".join(source))
    except StopIteration:
        return frozenset()
    except (OSError, ValueError, SyntaxError, AttributeError):
        from vnhealth.report.params import notebook_defaults

        return frozenset(notebook_defaults(nb_path))
    names: set[str] = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) else [])
        names.update(t.id for t in targets if isinstance(t, ast.Name))
    return frozenset(names)


def adhoc_run(notebook: str, parameters: Mapping[str, Any], *, name: str | None = None,
              notebooks_dir: str | Path | None = None) -> Run:
    """A run given on the command line (``vnhealth render NOTEBOOK -p NAME VALUE``)."""
    nb_dir = Path(notebooks_dir) if notebooks_dir else ProjectPaths.at().root / "notebooks"
    path = notebook_path(notebook, nb_dir)
    if name is None:
        digest = hashlib.sha256(json.dumps(parameters, sort_keys=True, default=str)
                                .encode()).hexdigest()[:8]
        name = f"adhoc-{digest}"
    if not _RUN_NAME.match(name):
        raise RenderError(f"run name must be letters, digits, _ . - (got {name!r})")
    return Run(name, path.stem, path, dict(parameters), path.stem in BRIEF_NOTEBOOKS, "adhoc")


# ---------------------------------------------------------------------------------------------
# kernel
# ---------------------------------------------------------------------------------------------
def kernel_manager_class(log_path: Path, ipc_dir: Path, cancel: Cancel | None = None,
                         started: list[Any] | None = None) -> type:
    """A kernel manager that starts this interpreter's ipykernel, whatever kernelspecs exist.

    Looking a kernel up by name could pick a user-level ``python3`` spec pointing at another
    Python; this one always runs ``sys.executable`` (the venv). It talks over IPC sockets (no
    TCP ports, no "unencrypted TCP" warning), sets the environment the report helpers expect,
    and sends the kernel's own output to ``log_path`` so that a crash can be explained. The
    kernel process is handed to ``cancel`` (and appended to ``started``) so that an interrupted
    command can kill it.
    """
    from jupyter_client import AsyncKernelManager
    from jupyter_client.kernelspec import KernelSpec

    class RenderKernelManager(AsyncKernelManager):  # type: ignore[misc, valid-type]
        """An AsyncKernelManager with a fixed, in-memory kernel spec."""

        @property
        def kernel_spec(self) -> KernelSpec:
            """The spec: this interpreter's ipykernel with the render environment."""
            if self._kernel_spec is None:
                self._kernel_spec = KernelSpec(
                    argv=[sys.executable, "-m", "ipykernel_launcher", "-f",
                          "{connection_file}"],
                    display_name="vnhealth (render)", language="python", env=kernel_env())
            return self._kernel_spec

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.transport = "ipc"
            self.ip = str(ipc_dir / "k")

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            log = open(log_path, "ab")  # noqa: SIM115 - the kernel process owns it
            kw.update(stdout=log, stderr=subprocess.STDOUT)
            try:
                await super()._async_launch_kernel(kernel_cmd, **kw)
            finally:
                log.close()
            process = getattr(self.provisioner, "process", None)
            if cancel is not None and process is not None:
                if started is not None:
                    started.append(process)
                cancel.track(process)

    return RenderKernelManager


def compile_library() -> None:
    """Write the library's bytecode, so that each report kernel does not compile it again on
    import (machines with PYTHONDONTWRITEBYTECODE set never cache it otherwise). Up-to-date
    files are skipped; an installation that cannot be written to is left as it is."""
    import compileall

    import vnhealth

    with contextlib.suppress(OSError):
        compileall.compile_dir(Path(vnhealth.__file__).parent, quiet=2)


def kernel_env() -> dict[str, str]:
    """Environment for report kernels: render mode, and no telemetry or network from libraries."""
    return {
        "VNHEALTH_RENDER": "1",
        # Any stray fig.show() embeds plotly.js instead of pointing at a CDN.
        "PLOTLY_RENDERER": "notebook",
        "PLOOMBER_STATS_ENABLED": "false",
        "PLOOMBER_VERSION_CHECK_DISABLED": "1",
        "MPLBACKEND": "Agg",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "PYTHONWARNINGS": "ignore::DeprecationWarning",
    }


_ENGINE_LOCAL = threading.local()
_ENGINE_LOCK = threading.Lock()
_ENGINE_NAME = "vnhealth"


def _register_engine() -> None:
    """A papermill engine that keeps the live notebook, so a run whose kernel died still leaves
    its partly executed notebook (papermill only writes one when a cell raises)."""
    from papermill.engines import NBClientEngine, papermill_engines

    with _ENGINE_LOCK:
        if _ENGINE_NAME in papermill_engines._engines:
            return

        class KeepingEngine(NBClientEngine):
            """papermill's nbclient engine, remembering the notebook it executes."""

            @classmethod
            def execute_managed_notebook(cls, nb_man: Any, kernel_name: str, **kwargs: Any
                                         ) -> Any:
                """Run the notebook, keeping a reference for failure reports."""
                _ENGINE_LOCAL.nb = nb_man.nb
                return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)

        papermill_engines.register(_ENGINE_NAME, KeepingEngine)


# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

_EXPORTERS = threading.local()


def _exporter() -> Any:
    """One HTML exporter per thread (templates load once), basic template: no lab CSS, no
    require.js or MathJax from a CDN; code and markdown cells are left out."""
    exporter = getattr(_EXPORTERS, "html", None)
    if exporter is None:
        from nbconvert import HTMLExporter
        from nbconvert.exporters.templateexporter import TemplateExporter

        class ReportExporter(HTMLExporter):  # type: ignore[misc, valid-type]
            """nbconvert's HTMLExporter without the pass that parses its output again with
            BeautifulSoup to add alt text to images and tab stops to input cells: reports have
            neither, and that pass costs more than the conversion itself."""

            def from_notebook_node(self, nb: Any, resources: Any = None, **kw: Any) -> Any:
                """Convert, registering the filters the HTML templates use."""
                from nbconvert.filters.highlight import Highlight2HTML
                from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

                resources = self._init_resources(resources)
                self.register_filter("highlight_code", self.filters.get(
                    "highlight_code", Highlight2HTML(pygments_lexer="python", parent=self)))
                self.register_filter("filter_data_type", WidgetsDataTypeFilter(
                    notebook_metadata=self._nb_metadata, parent=self, resources=resources))
                return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

        exporter = ReportExporter(template_name="basic", exclude_input=True,
                                  exclude_input_prompt=True, exclude_output_prompt=True,
                                  exclude_markdown=True, exclude_raw=True, exclude_unknown=True,
                                  anchor_link_text="")
        _EXPORTERS.html = exporter
    return exporter


def _report_body(nb: Any) -> str:
    # Warnings on stderr are for whoever runs the notebook, not for readers of the report.
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            cell.outputs = [o for o in cell.get("outputs", [])
                            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    body, _resources = _exporter().from_notebook_node(nb)
    return body


def _title(body: str, fallback: str) -> str:
    m = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip() if m else fallback


def page(body: str, *, run: Run, parameters: Mapping[str, Any], build_hash: str,
         rendered_at: str, lang: str) -> str:
    """The report page around nbconvert's body (templates/report.html): metadata, CSS, plotly.js
    (linked or inline), the link back to the index, a message when the linked plotly.js does
    not load, and tables that scroll sideways on a narrow screen (:func:`accessible_tables`)."""
    from markupsafe import Markup

    params = ", ".join(f"{k}={_param_text(v)}" for k, v in parameters.items() if k != "warehouse")
    meta = {"vnhealth:run": run.key, "vnhealth:build": build_hash,
            "vnhealth:rendered": rendered_at,
            "vnhealth:parameters": json.dumps(_public(parameters), ensure_ascii=False)}
    footer_label = ("Dữ liệu: bản dựng {b} · Hiển thị lúc {t} · Tham số: {p}" if lang == "vi"
                    else "Data: build {b} · Rendered {t} · Parameters: {p}")
    footer = footer_label.format(b=build_hash[:12], t=rendered_at, p=params)
    if run.brief:
        # A brief is handed on: a small colophon naming the data, no parameter dump (the
        # parameters are in the sidecar JSON and the page's metadata).
        footer = ("Số liệu: vnhealth, bản dựng {b} · Hiển thị lúc {t}" if lang == "vi"
                  else "Data: vnhealth, build {b} · Rendered {t}").format(
                      b=build_hash[:12], t=rendered_at[:10])
    return template("report.html").render(
        lang=lang, metas=list(meta.items()), title=_title(body, run.key), css=Markup(CSS),
        # A brief travels alone: plotly.js goes inside (its text never holds "</script>").
        inline_js=Markup(plotly_js()) if run.brief else None, asset=ASSET,
        brief=run.brief, body=Markup(accessible_tables(body, lang)), footer=footer,
        chart_missing=_CHART_MISSING)


_CHART_MISSING = ("Biểu đồ không vẽ được: thiếu ../assets/plotly.min.js · "
                  "Chart not drawn: ../assets/plotly.min.js is missing")
def _public(parameters: Mapping[str, Any]) -> dict[str, Any]:
    # The warehouse path is machine-specific; the build hash identifies the data instead.
    return {k: v for k, v in parameters.items() if k != "warehouse"}


def _param_text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


_EXTERNAL = re.compile(
    r"<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?\b(src|href|data)\s*=\s*"
    r"[\"']?\s*((?:https?:)?//[^\"'\s>]+)", re.I)
_CSS_URL = re.compile(r"url\(\s*[\"']?((?:https?:)?//[^)\"']+)", re.I)
_IMPORT = re.compile(r"@import\s+[\"']((?:https?:)?//[^\"']+)", re.I)


def external_references(markup: str) -> list[str]:
    """URLs a page would load from the network: script/link/img/… sources and CSS urls.

    Plain links (``<a href>``) are not loads; URLs mentioned inside plotly.js's own text (map
    tile servers it only uses for map charts) are not element sources and are not reported.

    >>> external_references('<script src="https://cdn.plot.ly/plotly.js"></script>')
    ['https://cdn.plot.ly/plotly.js']
    >>> external_references('<a href="https://example.org">source</a>')
    []
    """
    # Skip the bodies of inline scripts: they are code, not elements.
    stripped = re.sub(r"(<script\b[^>]*>)(.*?)(</script>)",
                      lambda m: m.group(1) + m.group(3), markup, flags=re.S | re.I)
    found = [m.group(3) for m in _EXTERNAL.finditer(stripped)]
    found += _CSS_URL.findall(stripped) + _IMPORT.findall(stripped)
    return found


# ---------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------
def print_pdf(chromium: str, html_path: Path, pdf_path: Path, timeout: float = 90,
              cancel: Cancel | None = None) -> None:
    """Print one page to PDF (A4 from the page's CSS, no header/footer) in a headless Chromium
    started for it; atomic. A render prints all its briefs in one browser instead
    (:class:`vnhealth.render.chromium.Printer`, :attr:`Context.printer`).

    Chromium runs in its own process group: a Ctrl-C at the terminal reaches the render
    command alone, which then kills the whole group (browser and helpers) through ``cancel``;
    a timeout kills the group too, so no helper outlives the print.
    """
    cancel = cancel or Cancel()
    with Printer(chromium, track=cancel.track, untrack=cancel.untrack) as printer:
        printer.print(html_path, pdf_path, timeout=timeout)


# ---------------------------------------------------------------------------------------------
# stopping
# ---------------------------------------------------------------------------------------------
class Cancel:
    """What stops a render command: once :meth:`cancel` is called no run starts, every tracked
    process (kernel or Chromium, started before or after) is killed with its process group, and
    no run moves its outputs into place (:meth:`commit` and :meth:`cancel` exclude each other,
    so a run's outputs are either all old or all new)."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._procs: set[subprocess.Popen[Any]] = set()

    def is_set(self) -> bool:
        """Whether the command was cancelled."""
        return self._event.is_set()

    def track(self, proc: subprocess.Popen[Any]) -> None:
        """Kill ``proc`` on cancel (at once if already cancelled: it started too late)."""
        with self._lock:
            self._procs.add(proc)
            if self._event.is_set():
                _kill_group(proc)

    def untrack(self, proc: subprocess.Popen[Any]) -> None:
        """Forget a process that has finished."""
        with self._lock:
            self._procs.discard(proc)

    def cancel(self) -> None:
        """Stop: mark cancelled, then kill every tracked process group."""
        with self._lock:
            self._event.set()
            for proc in self._procs:
                _kill_group(proc)

    def commit(self, moves: Sequence[tuple[Path, Path]]) -> bool:
        """``os.replace`` each (staged, final) pair in order, unless cancelled (then False)."""
        with self._lock:
            if self._event.is_set():
                return False
            for staged, final in moves:
                os.replace(staged, final)
        return True


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _ignore_signal(signum: int, frame: Any) -> None:
    pass


@contextlib.contextmanager
def _on_signals(handler: Callable[[int, Any], None]) -> Iterator[None]:
    """Handle SIGINT and SIGTERM with ``handler`` (main thread only); a signal someone set to
    be ignored stays ignored.

    :func:`_raise_interrupt` makes SIGTERM stop a render the way Ctrl-C does (a
    KeyboardInterrupt in the main thread), so that a scheduler's stop also kills kernels and
    Chromium; :func:`_ignore_signal` keeps a second Ctrl-C from cutting an interrupted
    command's cleanup short (which is bounded by :data:`CANCEL_GRACE`).
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(sig) is not signal.SIG_IGN:
            previous[sig] = signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


# ---------------------------------------------------------------------------------------------
# one run
# ---------------------------------------------------------------------------------------------
def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


_LIB_HASH: dict[str, str] = {}


def _library_hash() -> str:
    """A hash of the vnhealth package's files: reports depend on the library, not only on
    notebooks, and on its templates and texts as much as on its code (bytecode left out)."""
    if "h" not in _LIB_HASH:
        package = Path(__file__).resolve().parents[1]  # lib/vnhealth, all layers
        h = hashlib.sha256(__version__.encode())
        for p in sorted(package.rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc":
                h.update(p.relative_to(package).as_posix().encode() + b"\0" + p.read_bytes())
        _LIB_HASH["h"] = h.hexdigest()
    return _LIB_HASH["h"]


def fingerprint(run: Run, parameters: Mapping[str, Any], build_hash: str) -> str:
    """What a report is made of: notebook, parameters, data build, library and page format."""
    h = hashlib.sha256()
    h.update(run.path.read_bytes())
    h.update(json.dumps(_public(parameters), sort_keys=True, default=str).encode())
    h.update(f"{build_hash}\0{_library_hash()}\0{RENDER_FORMAT}\0{run.brief}".encode())
    return h.hexdigest()


def _describe_cell(nb: Any, index: int | None) -> str:
    """``cell 4 (In [3]: p = validate(...))`` — counted without papermill's injected cell."""
    if nb is None or index is None or index >= len(nb.cells):
        return "an unknown cell"
    cell = nb.cells[index]
    own = [c for c in nb.cells[: index + 1]
           if "injected-parameters" not in c.get("metadata", {}).get("tags", [])
           and "papermill-error-cell-tag" not in c.get("metadata", {}).get("tags", [])]
    first = next((ln.strip() for ln in cell.get("source", "").splitlines()
                  if ln.strip() and not ln.strip().startswith("#")), "")
    if len(first) > 70:
        first = first[:69] + "…"
    count = cell.get("execution_count")
    prompt = f"In [{count}]: " if count else ""
    tags = cell.get("metadata", {}).get("tags", [])
    if "injected-parameters" in tags:
        return f"the injected parameters cell ({prompt}{first})"
    return f"cell {len(own)} ({prompt}{first})"


def _error_cell(nb: Any) -> int | None:
    if nb is None:
        return None
    for k, cell in enumerate(nb.cells):
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            return k
    return None


def _running_cell(nb: Any) -> int | None:
    """The cell that was executing when the kernel died or timed out.

    Not papermill's ``status``: when execution breaks off it marks the running cell and then
    every pending one ``completed``. nbclient stamps ``execution.iopub.execute_input`` when the
    kernel starts a cell and ``shell.execute_reply`` when it answers, so the running cell is
    the one started without a reply; failing that (the kernel died before it said it started),
    the last code cell papermill gave a ``start_time``.
    """
    if nb is None:
        return None
    code = [(k, cell.get("metadata", {})) for k, cell in enumerate(nb.cells)
            if cell.get("cell_type") == "code"]
    unanswered = [k for k, meta in code if "iopub.execute_input" in meta.get("execution", {})
                  and "shell.execute_reply" not in meta.get("execution", {})]
    if unanswered:
        return unanswered[-1]
    started = [k for k, meta in code if (meta.get("papermill") or {}).get("start_time")]
    return started[-1] if started else None


def _kernel_tail(log: Path, lines: int = 6) -> str:
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    keep = [ln for ln in text.strip().splitlines() if "WARNING | Kernel is running" not in ln]
    return "\n".join(keep[-lines:])


@dataclasses.dataclass
class Context:
    """What every run of one render command shares."""

    reports_dir: Path
    warehouse: Path
    build_hash: str
    timeout: float | None
    chromium: str | None
    pdf: bool
    workdir: Path
    say: Callable[[str], None]
    cancel: Cancel = dataclasses.field(default_factory=Cancel)
    chromium_noted: list[bool] = dataclasses.field(default_factory=lambda: [False])
    lock: threading.Lock = dataclasses.field(default_factory=threading.Lock)
    _printer: Printer | None = None

    def printer(self) -> Printer | None:
        """The command's one PDF printer (one Chromium for every brief), None without Chromium;
        its browser is killed with the kernels when the command is cancelled. Its tabs warm up
        on a page that loads the print copy of plotly.js (:func:`_print_copy`)."""
        with self.lock:
            if self._printer is None and self.chromium:
                folder = self.workdir / "print"
                folder.mkdir(exist_ok=True)
                (folder / "plotly.min.js").write_text(plotly_js(), encoding="utf-8")
                warm = folder / "warm.html"
                warm.write_text('<!DOCTYPE html><meta charset="utf-8">'
                                f'{_PRINT_SCRIPT}<title>warm</title>', encoding="utf-8")
                self._printer = Printer(self.chromium, track=self.cancel.track,
                                        untrack=self.cancel.untrack, warm_url=warm.as_uri())
            return self._printer

    def close_printer(self) -> None:
        """End the printer's browser, if one was started."""
        with self.lock:
            printer, self._printer = self._printer, None
        if printer is not None:
            printer.close()

    def note_no_chromium(self) -> None:
        """Say once per command that PDFs are skipped for lack of Chromium."""
        with self.lock:
            if not self.chromium_noted[0]:
                self.chromium_noted[0] = True
                self.say("note: chromium not found; PDF briefs are skipped and their HTML is "
                         "still written (install the Debian package `chromium`, or run "
                         "`make browser-deps`)")


def _failed_paths(ctx: Context, run: Run) -> tuple[Path, Path]:
    base = ctx.reports_dir / FAILED_DIR / run.notebook
    return base / f"{run.name}.ipynb", base / f"{run.name}.json"


def _record_failure(ctx: Context, run: Run, message: str, nb: Any, params: Mapping[str, Any],
                    started: float) -> Outcome:
    nb_path, meta_path = _failed_paths(ctx, run)
    saved: Path | None = None
    try:
        if nb is not None:
            import nbformat

            _atomic_write(nb_path, nbformat.writes(nb))
            saved = nb_path
        else:
            nb_path.unlink(missing_ok=True)
        _atomic_write(meta_path, json.dumps({
            "run": run.name, "notebook": run.notebook, "origin": run.origin,
            "parameters": _public(params), "message": message, "failed_at": _now(),
            "build_hash": ctx.build_hash,
            "failed_notebook": str(saved.relative_to(ctx.reports_dir)) if saved else None,
        }, ensure_ascii=False, indent=2))
    except OSError as exc:
        message += f" (and the failure could not be recorded: {exc})"
    return Outcome(run, "failed", time.perf_counter() - started, message,
                   failed_notebook=saved, parameters=dict(params))


def _cancelled(run: Run, parameters: Mapping[str, Any], started: float) -> Outcome:
    return Outcome(run, "cancelled", time.perf_counter() - started, "cancelled",
                   parameters=dict(parameters))


# The renderer appends this cell to each notebook it runs, to ask the kernel which warehouse
# build it read; the cell is taken out again before the report is converted or a failed
# notebook is kept. It never raises, so it cannot fail a run.
BUILD_TAG = "vnhealth-build"
BUILD_MIME = "application/vnd.vnhealth.build+json"
_BUILD_CELL = (
    "# Added by `vnhealth render`, not part of the report: the warehouse build this kernel read.\n"
    "try:\n"
    "    from vnhealth.render.run import publish_builds as _vnh_publish_builds\n"
    "    _vnh_publish_builds()\n"
    "except Exception:\n"
    "    pass\n")


def publish_builds() -> None:
    """In a report kernel: display (as :data:`BUILD_MIME`) the build hash of each warehouse this
    process attached through :func:`vnhealth.report.params.connect_read_only`, asked of the
    attachment
    itself. That is the file the notebook's queries read, even when ``vnhealth build`` has
    renamed a new warehouse into place since (the attachment keeps the file it opened)."""
    from IPython.display import display

    from vnhealth.report import params

    found: dict[str, str] = {}
    for key, database in list(params._DATABASES.items()):
        cursor = database.cursor()
        try:
            row = cursor.execute("SELECT build_hash FROM warehouse.build_info").fetchone()
        except Exception:  # a warehouse without build_info names no build
            continue
        finally:
            cursor.close()
        found[key[0]] = str(row[0]) if row and row[0] is not None else ""
    display({BUILD_MIME: found}, raw=True)


def _with_build_cell(path: Path, dest: Path) -> Path:
    """A copy of the notebook at ``path`` with the build cell appended, written to ``dest``."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    cell = nbformat.v4.new_code_cell(_BUILD_CELL, metadata={"tags": [BUILD_TAG]})
    if nb.get("nbformat_minor", 5) < 5:
        cell.pop("id", None)  # cell ids came with nbformat 4.5
    nb.cells.append(cell)
    nbformat.write(nb, dest)
    return dest


def _take_build(nb: Any, run: Run, warehouse: Path) -> str | None:
    """Remove the build cell from an executed notebook; the build hash it reported for
    ``warehouse`` (or for the one warehouse the kernel read), None when it read none."""
    if nb is None:
        return None
    found: dict[str, Any] = {}
    for cell in [c for c in nb.cells if BUILD_TAG in c.get("metadata", {}).get("tags", [])]:
        for output in cell.get("outputs", []):
            data = output.get("data", {}).get(BUILD_MIME)
            found.update(data if isinstance(data, dict) else {})
        nb.cells.remove(cell)
    with contextlib.suppress(AttributeError, KeyError, TypeError):
        nb.metadata.papermill["input_path"] = str(run.path)  # not the copy that ran
    if str(warehouse) in found:
        return str(found[str(warehouse)])
    return str(next(iter(found.values()))) if len(found) == 1 else None


def render_one(run: Run, ctx: Context, parameters: Mapping[str, Any], digest: str) -> Outcome:
    """Execute one run and write its report; never raises for a problem in the run itself."""
    started = time.perf_counter()
    if ctx.cancel.is_set():
        return _cancelled(run, parameters, started)
    run_dir = Path(tempfile.mkdtemp(prefix=f"{run.name[:20]}-", dir=ctx.workdir))
    kernels: list[Any] = []
    try:
        nb = _execute(run, ctx, parameters, run_dir, kernels, started)
        if isinstance(nb, Outcome):
            return nb
        return _write_report(run, ctx, parameters, nb, digest, started)
    finally:
        for process in kernels:
            ctx.cancel.untrack(process)
        shutil.rmtree(run_dir, ignore_errors=True)


def _execute(run: Run, ctx: Context, parameters: Mapping[str, Any], run_dir: Path,
             kernels: list[Any], started: float) -> Any:
    """Run the notebook in a fresh kernel: the executed notebook, or the run's failed (or
    cancelled) Outcome."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    _register_engine()
    log = run_dir / "kernel.log"
    km = kernel_manager_class(log, run_dir, ctx.cancel, kernels)
    _ENGINE_LOCAL.nb = None
    try:
        return papermill.execute_notebook(
            str(_with_build_cell(run.path, run_dir / run.path.name)), None,
            parameters=dict(parameters), engine_name=_ENGINE_NAME,
            kernel_name="vnhealth", progress_bar=False, request_save_on_cell_execute=False,
            start_timeout=60, execution_timeout=ctx.timeout, kernel_manager_class=km,
            # Every output has arrived when the last cell is done: the kernel is stopped
            # at once instead of being asked to exit and polled until it has.
            shutdown_kernel="immediate",
            resources={"metadata": {"path": str(run.path.parent)}})
    except PapermillExecutionError as exc:
        nb = _ENGINE_LOCAL.nb
        if ctx.cancel.is_set():
            return _cancelled(run, parameters, started)
        _take_build(nb, run, ctx.warehouse)
        # papermill inserts its error banner cells, so find the cell by its error output.
        index = _error_cell(nb)
        where = _describe_cell(nb, index) if index is not None else (
            f"In [{exc.exec_count}] ({exc.source.strip().splitlines()[0][:70]})"
            if exc.source.strip() else "a cell")
        return _record_failure(ctx, run, f"{where} raised {exc.ename}: {exc.evalue}", nb,
                               parameters, started)
    except Exception as exc:  # kernel died, timed out, could not start
        nb = _ENGINE_LOCAL.nb
        if ctx.cancel.is_set():  # the kernel was killed on purpose
            return _cancelled(run, parameters, started)
        _take_build(nb, run, ctx.warehouse)
        where = _describe_cell(nb, _running_cell(nb))
        kind = type(exc).__name__
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        if kind == "DeadKernelError":
            detail = "the kernel died" + (f" ({detail})" if detail else "")
        tail = _kernel_tail(log)
        message = f"{where}: {kind}: {detail}" + (f"\nkernel output:\n{tail}" if tail else "")
        return _record_failure(ctx, run, message, nb, parameters, started)


def _staging_path(final: Path) -> Path:
    """Where an output is written before it replaces ``final``: a hidden file in the same
    folder (so the move is a rename), keeping the suffix Chromium needs to load a page,
    except for sidecars, which must not look like one to :func:`write_index`."""
    tag = f"part-{os.getpid()}-{threading.get_ident()}"
    if final.suffix == ".json":
        return final.with_name(f".{final.name}.{tag}")
    return final.with_name(f".{final.stem}.{tag}{final.suffix}")


def _markup(run: Run, parameters: Mapping[str, Any], nb: Any, build: str
            ) -> tuple[str, dict[str, str]]:
    """The report page, and what the sidecar says of it: when it was rendered, its title (the
    report's heading) and language."""
    lang = str(parameters.get("language") or "en")
    rendered_at = _now()
    body = _report_body(nb)
    # The shell is fixed (and tested); what the notebook produced is what can vary.
    external = external_references(body)
    if external:
        raise RuntimeError(f"the page would load from the network: {external[:3]}")
    return page(body, run=run, parameters=parameters, build_hash=build,
                rendered_at=rendered_at, lang=lang), {
                    "rendered_at": rendered_at, "title": _title(body, run.name), "lang": lang}


def _print_brief(run: Run, ctx: Context, markup: str, pdf_path: Path) -> bool:
    """Print a brief's PDF from its page; False when there is none to print."""
    if not (run.brief and ctx.pdf):
        return False
    printer = ctx.printer()
    if printer is None:
        ctx.note_no_chromium()
        return False
    printer.print(_print_copy(ctx, run, markup), pdf_path)
    return True


# The print copy of a brief loads plotly.js from this file beside it (Context.printer).
_PRINT_SCRIPT = '<script type="text/javascript" src="plotly.min.js"></script>'


def _print_copy(ctx: Context, run: Run, markup: str) -> Path:
    """The page Chromium prints for a brief: the brief, its inline plotly.js replaced by a
    reference to one file for every brief of the render, so that the browser compiles those
    4.8 MB once (warming up, while the kernels run) rather than for each brief. Nothing else
    changes, and the PDF is the one the brief itself prints (tests/render/test_browser.py)."""
    inline = f'<script type="text/javascript">{plotly_js()}</script>'
    path = ctx.workdir / "print" / f"{run.notebook}--{run.name}.html"
    path.write_text(markup.replace(inline, _PRINT_SCRIPT, 1), encoding="utf-8")
    return path


def _write_report(run: Run, ctx: Context, parameters: Mapping[str, Any], nb: Any, digest: str,
                  started: float) -> Outcome:
    """Convert an executed notebook, stage its HTML, PDF (briefs) and sidecar next to the last
    good ones, and move them into place together, the sidecar (which records what the others
    are) last. A failure or a cancel before the move leaves the last good outputs as they were.
    """
    build = _take_build(nb, run, ctx.warehouse) or ctx.build_hash
    out_dir = ctx.reports_dir / run.notebook
    final = {kind: out_dir / f"{run.name}.{kind}" for kind in ("html", "pdf", "json")}
    staged = {kind: _staging_path(path) for kind, path in final.items()}
    try:
        markup, about = _markup(run, parameters, nb, build)
        out_dir.mkdir(parents=True, exist_ok=True)
        staged["html"].write_text(markup, encoding="utf-8")
        printed = _print_brief(run, ctx, markup, staged["pdf"])
        seconds = time.perf_counter() - started
        staged["json"].write_text(json.dumps({
            "run": run.name, "notebook": run.notebook, "brief": run.brief,
            "origin": run.origin, **about, "parameters": _public(parameters),
            "build_hash": build, "seconds": round(seconds, 3),
            # --changed compares against the data this report shows.
            "fingerprint": digest if build == ctx.build_hash else fingerprint(
                run, parameters, build), "html": final["html"].name,
            # Only a PDF printed from this HTML is linked; an older one is left, unlinked.
            "pdf": final["pdf"].name if printed else None,
            "bytes": len(markup.encode("utf-8")), "vnhealth": __version__,
        }, ensure_ascii=False, indent=2), encoding="utf-8")
        moves = [(staged["html"], final["html"])]
        moves += [(staged["pdf"], final["pdf"])] if printed else []
        if not ctx.cancel.commit([*moves, (staged["json"], final["json"])]):
            return _cancelled(run, parameters, started)
    except (OSError, RuntimeError) as exc:
        if ctx.cancel.is_set():
            return _cancelled(run, parameters, started)
        return _record_failure(ctx, run, f"writing the report failed: {exc}", nb, parameters,
                               started)
    finally:
        for path in staged.values():
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
    for stale in _failed_paths(ctx, run):
        with contextlib.suppress(OSError):
            stale.unlink(missing_ok=True)
    return Outcome(run, "ok", seconds, html=final["html"], pdf=final["pdf"] if printed else None,
                   parameters=dict(parameters), build_hash=build)


# ---------------------------------------------------------------------------------------------
# many runs
# ---------------------------------------------------------------------------------------------
def _check_writable(reports_dir: Path) -> None:
    try:
        reports_dir.mkdir(parents=True, exist_ok=True)
        probe = reports_dir / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise RenderError(f"cannot write to {reports_dir} ({exc.strerror or exc}); nothing was "
                          "rendered and the existing reports are unchanged") from exc


def _build_hash(warehouse: Path) -> str:
    from vnhealth.report.params import choices

    try:
        return choices(warehouse).build_hash
    except ParameterError as exc:
        raise RenderError(exc.detail) from exc


def render_runs(runs: Sequence[Run], *, reports_dir: str | Path | None = None,
                warehouse: str | Path | None = None, jobs: int | None = None,
                only: Iterable[str] = (), changed: bool = False, pdf: bool = True,
                timeout: float | None = 600, progress: bool | None = None,
                say: Callable[[str], None] | None = None,
                docs_dir: str | Path | None = None) -> Summary:
    """Render ``runs`` (filtered by ``only``), ``jobs`` at a time, then write the site: the
    index, and the method and data dictionary pages from ``docs_dir`` (default ROOT/docs).

    Raises :class:`RenderError` before rendering anything when the setup is wrong (no
    warehouse, unwritable reports directory, an unknown name in ``only``). Problems with one
    run (bad parameters, a cell that raises, a dead kernel) become a failed :class:`Outcome`.
    Ctrl-C or SIGTERM (in the main thread) cancels the queued runs, kills running kernels and
    Chromium, rewrites the index from the reports then in place, and raises
    :class:`RenderInterrupted` with the partial summary. With ``changed``, a render whose inputs
    and outputs are those of the last complete render returns at once (:func:`_quick_summary`).
    """
    from vnhealth.report.params import warehouse_path

    started = time.perf_counter()
    out_dir = Path(reports_dir) if reports_dir else ProjectPaths.at().root / "reports"
    out_dir = out_dir.resolve()
    docs = Path(docs_dir) if docs_dir else ProjectPaths.at().root / "docs"
    wh = warehouse_path(warehouse)
    runs = select_named(runs, only, lambda r: r.name, "run", RenderError, prefix="--only: ",
                        quote=True, known_as="runs")
    key = _inputs_key(runs, out_dir, wh, pdf, docs)
    quick = _quick_summary(runs, out_dir, key, started) if changed else None
    if quick is not None:
        return quick
    summary = _render_all(runs, out_dir, wh, docs, jobs=jobs, changed=changed, pdf=pdf,
                          timeout=timeout, progress=progress, say=say, started=started)
    if summary.exit_code == 0 and key == _inputs_key(runs, out_dir, wh, pdf, docs):
        _save_state(out_dir, runs, key, summary.build_hash)
    return summary


def _render_all(runs: Sequence[Run], out_dir: Path, wh: Path, docs: Path, *, jobs: int | None,
                changed: bool, pdf: bool, timeout: float | None, progress: bool | None,
                say: Callable[[str], None] | None, started: float) -> Summary:
    """:func:`render_runs` past its quick check: the site pages and the explorer, the runs,
    then the index."""
    from tqdm import tqdm

    say = say or (lambda text: tqdm.write(text, file=sys.stderr))
    outcomes: list[Outcome] = []
    build_hash = ""
    with _on_signals(_raise_interrupt), tempfile.TemporaryDirectory(prefix="vnh-render-") as work:
        ctx = Context(out_dir, wh, build_hash, timeout, find_chromium() if pdf else None, pdf,
                      Path(work), say)
        try:
            ctx.build_hash = build_hash = _prepare(runs, out_dir, wh)
            _explorer(out_dir, wh, say, outcomes)
            _site_pages(out_dir, docs, say, outcomes)
            todo = _plan(ctx, runs, changed, outcomes)
            briefs = sum(run.brief for run, _p, _d in todo)
            printer = ctx.printer() if pdf and briefs else None
            if printer is not None:  # Chromium starts while the kernels run
                printer.start(tabs=min(briefs, max(1, jobs or os.cpu_count() or 1)))
            _run_all(ctx, todo, max(1, jobs or os.cpu_count() or 1), outcomes, progress)
            return _finish(runs, outcomes, out_dir, build_hash, started, say, warehouse=wh)
        except KeyboardInterrupt:
            with _on_signals(_ignore_signal):
                summary = _finish(runs, outcomes, out_dir, build_hash, started, say,
                                  warehouse=wh, interrupted=True)
            cancelled = sum(o.status == "cancelled" for o in summary.outcomes)
            raise RenderInterrupted(cancelled, summary) from None
        finally:
            ctx.close_printer()


# ---------------------------------------------------------------------------------------------
# nothing changed
# ---------------------------------------------------------------------------------------------
def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _inputs_key(runs: Sequence[Run], out_dir: Path, warehouse: Path, pdf: bool, docs: Path
                ) -> str:
    """What a render of ``runs`` is made of, cheaply: the page format and library, the
    warehouse file's identity (a rebuild renames a new file into place), whether PDFs can be
    printed, each run's notebook and raw parameters, and the site pages' Markdown."""
    try:
        st = warehouse.stat()
        where: list[Any] = [str(warehouse), st.st_ino, st.st_mtime_ns, st.st_size]
    except OSError:
        where = [str(warehouse), None]
    parts: list[Any] = [RENDER_FORMAT, _library_hash(), str(out_dir), where,
                        bool(pdf and find_chromium())]
    for run in runs:
        parts.append([run.key, run.origin, run.brief, _file_digest(run.path),
                      json.dumps(_public(run.parameters), sort_keys=True, default=str)])
    from vnhealth.render.site import PAGES

    parts += [[md, _file_digest(docs / md)] for md in sorted(PAGES.values())]
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()


def _output_stats(out_dir: Path, runs: Sequence[Run]) -> dict[str, list[int] | None]:
    """Size and modification time of every file the render writes (None when missing): a
    report, PDF or page deleted or replaced since makes the next render a full one."""
    from vnhealth.render.site import PAGES

    names = ["index.html", "explorer.html", *PAGES, ASSET]
    for run in runs:
        names += [f"{run.notebook}/{run.name}.{kind}" for kind in ("json", "html", "pdf")]
    stats: dict[str, list[int] | None] = {}
    for name in names:
        try:
            st = (out_dir / name).stat()
            stats[name] = [st.st_mtime_ns, st.st_size]
        except OSError:
            stats[name] = None
    return stats


def _quick_summary(runs: Sequence[Run], out_dir: Path, key: str, started: float
                   ) -> Summary | None:
    """Every run unchanged, when the last complete render (``reports/.render-state.json``) had
    the same inputs ``key`` and its outputs are as it left them; else None (render)."""
    state = _read_json(out_dir / STATE_FILE)
    if not state or state.get("key") != key or not state.get("build_hash"):
        return None
    if state.get("outputs") != _output_stats(out_dir, runs):
        return None
    build = str(state["build_hash"])
    outcomes = [Outcome(r, "unchanged", 0.0, parameters=dict(r.parameters), build_hash=build)
                for r in runs]
    return Summary(outcomes, time.perf_counter() - started, build, out_dir / "index.html")


def _save_state(out_dir: Path, runs: Sequence[Run], key: str, build_hash: str) -> None:
    """Record a complete render (nothing failed) for :func:`_quick_summary`."""
    if not build_hash or "," in build_hash:  # runs that read different builds: check again
        return
    with contextlib.suppress(OSError):
        _atomic_write(out_dir / STATE_FILE, json.dumps(
            {"key": key, "build_hash": build_hash, "outputs": _output_stats(out_dir, runs)},
            indent=1))


def _prepare(runs: Sequence[Run], out_dir: Path, warehouse: Path) -> str:
    """Everything before the first run: the data build, a writable reports directory, the
    library's bytecode and the shared plotly.js; the build hash."""
    build_hash = _build_hash(warehouse)
    _check_writable(out_dir)
    compile_library()
    if any(not r.brief for r in runs):
        try:
            ensure_asset(out_dir)
        except OSError as exc:
            raise RenderError(f"cannot write {out_dir / ASSET}: {exc}") from exc
    return build_hash


def _explorer(out_dir: Path, warehouse: Path, say: Callable[[str], None],
              outcomes: list[Outcome]) -> None:
    """``reports/explorer.html`` (:mod:`vnhealth.render.explorer`), once per data build and library:
    an unchanged page is left alone. A failure is a failed outcome; the reports still render."""
    from vnhealth.render.explorer import FILENAME, write_explorer

    started = time.perf_counter()
    try:
        _path, written = write_explorer(out_dir / FILENAME, warehouse)
    except (OSError, ValueError, VnhealthError) as exc:
        message = exc.detail if isinstance(exc, VnhealthError) else str(exc)
        say(f"FAILED  explorer: {message}")
        outcomes.append(Outcome(Run("explorer", "explorer", out_dir / FILENAME, {}), "failed",
                                time.perf_counter() - started, message))
        return
    if written:
        say(f"ok      {FILENAME}  {time.perf_counter() - started:.1f} s")


def _site_pages(out_dir: Path, docs: Path, say: Callable[[str], None],
                outcomes: list[Outcome]) -> None:
    """The method and data dictionary pages (:func:`vnhealth.render.site.write_pages`), rewritten
    only when their Markdown changed; a failure is a failed outcome, the reports still render."""
    from vnhealth.render.site import write_pages

    try:
        written = write_pages(out_dir, docs)
    except (OSError, ValueError) as exc:
        say(f"FAILED  site pages: {exc}")
        outcomes.append(Outcome(Run("site", "site", docs, {}), "failed", 0.0, str(exc)))
        return
    for path in written:
        say(f"ok      {path.name}")


def _plan(ctx: Context, runs: Sequence[Run], changed: bool, outcomes: list[Outcome]
          ) -> list[tuple[Run, dict[str, Any], str]]:
    """The runs to execute, with checked parameters and fingerprints; runs with bad parameters
    (failed) and, with ``changed``, unchanged ones go to ``outcomes`` instead."""
    from vnhealth.report.params import check_parameters

    todo: list[tuple[Run, dict[str, Any], str]] = []
    for run in runs:
        t0 = time.perf_counter()
        try:
            params = check_parameters(run.path, run.parameters, warehouse=ctx.warehouse)
        except VnhealthError as exc:
            outcome = _record_failure(ctx, run, f"bad parameters: {exc.detail}", None,
                                      run.parameters, t0)
            ctx.say(f"FAILED  {run.key}: {outcome.message}")
            outcomes.append(outcome)
            continue
        digest = fingerprint(run, params, ctx.build_hash)
        if changed and _unchanged(ctx.reports_dir, run, digest, ctx.chromium is not None):
            outcomes.append(Outcome(run, "unchanged", 0.0, parameters=params,
                                    build_hash=ctx.build_hash))
            continue
        todo.append((run, params, digest))
    return todo


def _run_all(ctx: Context, todo: list[tuple[Run, dict[str, Any], str]], jobs: int,
             outcomes: list[Outcome], progress: bool | None) -> None:
    """Render ``todo`` in ``jobs`` threads, adding each outcome as it comes. On any exception
    here (Ctrl-C above all) the queued runs are dropped, running kernels and Chromium killed,
    and the runs that finish within :data:`CANCEL_GRACE` still counted before it propagates;
    without this the pool would go on rendering every queued run before the command exits."""
    from tqdm import tqdm

    bar = tqdm(total=len(todo), desc="render", unit="report", file=sys.stderr,
               disable=(not sys.stderr.isatty()) if progress is None else not progress,
               dynamic_ncols=True)
    pool = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="render")
    futures: list[Future[Outcome]] = []
    done: set[Future[Outcome]] = set()
    try:
        futures += [pool.submit(render_one, run, ctx, params, digest)
                    for run, params, digest in _longest_first(ctx.reports_dir, todo)]
        pending = set(futures)
        while pending:
            finished, pending = wait(pending, timeout=SIGNAL_POLL_S,
                                     return_when=FIRST_COMPLETED)
            for future in sorted(finished, key=futures.index):
                done.add(future)
                _add_outcome(ctx, future.result(), outcomes)
                bar.update(1)
    except BaseException:
        with _on_signals(_ignore_signal):
            # Kernels killed on purpose make nbclient and papermill log errors: not news.
            logging.disable(logging.ERROR)
            try:
                ctx.cancel.cancel()
                pool.shutdown(wait=False, cancel_futures=True)
                # A queued future just cancelled never counts as done for wait(): leave it out.
                wait([f for f in futures if not f.cancelled()], timeout=CANCEL_GRACE)
            finally:
                logging.disable(logging.NOTSET)
            for future in futures:
                if future not in done and future.done() and not future.cancelled() \
                        and future.exception() is None:
                    _add_outcome(ctx, future.result(), outcomes)
        raise
    finally:
        bar.close()
    pool.shutdown(wait=True)


def _add_outcome(ctx: Context, outcome: Outcome, outcomes: list[Outcome]) -> None:
    outcomes.append(outcome)
    if outcome.status == "ok":
        ctx.say(f"ok      {outcome.run.key}  {outcome.seconds:.1f} s")
    elif outcome.status == "failed":
        ctx.say(f"FAILED  {outcome.run.key}: {outcome.message}")


def _finish(runs: Sequence[Run], outcomes: list[Outcome], out_dir: Path, build_hash: str,
            started: float, say: Callable[[str], None], *, warehouse: Path | None = None,
            interrupted: bool = False) -> Summary:
    """The summary, in manifest order (runs without an outcome were cancelled), after writing
    the index; an interrupted command that changed nothing leaves the index as it was."""
    seen = {o.run.key for o in outcomes}
    outcomes = [*outcomes, *(Outcome(r, "cancelled", 0.0, "cancelled") for r in runs
                             if r.key not in seen)]
    order = {r.key: k for k, r in enumerate(runs)}
    outcomes.sort(key=lambda o: order.get(o.run.key, len(order)))
    index: Path | None = None
    if not interrupted or any(o.status in ("ok", "failed") for o in outcomes):
        try:
            index = write_index(out_dir, warehouse=warehouse)
        except OSError as exc:
            say(f"FAILED  index: cannot write {out_dir / 'index.html'}: {exc}")
            outcomes.append(Outcome(Run("index", "index", out_dir, {}), "failed", 0.0,
                                    str(exc)))
    # The builds the rendered reports read (several if the warehouse was rebuilt meanwhile).
    builds = sorted({o.build_hash for o in outcomes if o.status == "ok" and o.build_hash})
    return Summary(outcomes, time.perf_counter() - started, ",".join(builds) or build_hash,
                   index)


def _longest_first(reports_dir: Path, todo: list[tuple[Run, dict[str, Any], str]]
                   ) -> list[tuple[Run, dict[str, Any], str]]:
    """The runs in the order to start them: longest first, by the time each took last time
    (runs never rendered first of all), so that a long run does not start last and keep one
    worker busy while the others wait."""
    def last_seconds(item: tuple[Run, dict[str, Any], str]) -> float:
        data = _read_json(reports_dir / item[0].notebook / f"{item[0].name}.json") or {}
        seconds = data.get("seconds")
        return float(seconds) if isinstance(seconds, (int, float)) else float("inf")

    return sorted(todo, key=last_seconds, reverse=True)


def _unchanged(reports_dir: Path, run: Run, digest: str, can_pdf: bool) -> bool:
    meta = reports_dir / run.notebook / f"{run.name}.json"
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if data.get("fingerprint") != digest:
        return False
    if not (reports_dir / run.notebook / f"{run.name}.html").is_file():
        return False
    # A brief rendered while Chromium was missing has no PDF of its own: render it again now.
    return not (run.brief and can_pdf and not (
        data.get("pdf") and (reports_dir / run.notebook / data["pdf"]).is_file()))


# ---------------------------------------------------------------------------------------------
# index
# ---------------------------------------------------------------------------------------------
def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_index(reports_dir: str | Path, *, warehouse: str | Path | None = None) -> Path:
    """``reports/index.html``, the site's front page (:func:`vnhealth.render.site.write_index`):
    every
    report found under ``reports/`` (this command's and earlier ones), grouped, with the build
    of ``warehouse`` (when given and readable) as the current one that older reports are
    marked against."""
    from vnhealth.render import site

    look = site.Lookup()
    if warehouse is not None:
        with contextlib.suppress(VnhealthError, OSError):
            look = site.lookup(warehouse)
    return site.write_index(reports_dir, look)
