"""`vnhealth render`: render the report manifest, or one notebook with parameters given inline.

    vnhealth render                                   # every run in reports/reports.yaml
    vnhealth render --only longevity_north_2030       # one run of the manifest
    vnhealth render --changed                         # skip runs whose inputs are unchanged
    vnhealth render province_comparison -p provinces lai_chau,son_la -p year 2030 --name mine

Exit status: 0 when every run rendered (or was unchanged), 1 when a run failed (after the
others finished), 2 when nothing could start (no warehouse, bad manifest, unwritable reports/),
130 when stopped by Ctrl-C or SIGTERM (queued runs cancelled, running kernels and Chromium
killed, the last good reports kept). The last line printed is a one-line summary for schedulers.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from typing import Any

from vnhealth.cli.commands import add_warehouse_option, examples, subcommand

EXAMPLES = (
    "vnhealth render                                   # every run in reports/reports.yaml",
    "vnhealth render --only longevity_north_2030       # one run of the manifest",
    "vnhealth render --changed                         # skip runs whose inputs are unchanged",
    "vnhealth render province_comparison -p provinces lai_chau,son_la -p year 2030 --name mine",
)


def register(sub: Any) -> None:
    """Add the `render` subcommand to the `vnhealth` parser."""
    p = subcommand(
        sub, "render", help="render report notebooks to HTML (and PDF briefs)",
        description="Render the report manifest, or one notebook with -p NAME VALUE parameters.",
        epilog=examples(*EXAMPLES, notes=__doc__.split("\n\n")[2]))
    p.add_argument("notebook", nargs="?",
                   help="render this notebook (name in notebooks/ or a path) instead of the "
                        "manifest")
    p.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"),
                   default=[], help="a parameter of NOTEBOOK (lists: a,b,c)")
    p.add_argument("--name", help="run name for NOTEBOOK (default: adhoc-<hash of parameters>)")
    p.add_argument("--manifest", help="manifest file (default: ROOT/reports/reports.yaml)")
    p.add_argument("--reports", help="output directory (default: ROOT/reports)")
    add_warehouse_option(p, "warehouse file (default: ROOT/data/warehouse.duckdb)")
    p.add_argument("--notebooks", help="notebook directory (default: ROOT/notebooks)")
    p.add_argument("-j", "--jobs", type=int, default=None,
                   help="runs in parallel (default: the number of cores)")
    p.add_argument("--only", action="append", default=[], metavar="NAME",
                   help="render only this run of the manifest (repeatable)")
    p.add_argument("--changed", action="store_true",
                   help="skip runs whose notebook, parameters, data and library are unchanged")
    p.add_argument("--no-pdf", action="store_true", help="do not print PDF briefs")
    p.add_argument("--timeout", type=float, default=600,
                   help="seconds a cell may run before the run fails (default: 600)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: when stderr is a terminal)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Execute `vnhealth render`; returns the exit status.

    Ctrl-C raises :class:`~vnhealth.render.run.RenderInterrupted`, whose text `vnhealth` prints
    (exit 130) after the partial summary line.
    """
    from vnhealth.render.run import RenderInterrupted

    try:
        return _render(args)
    except RenderInterrupted as exc:
        if exc.summary is not None:
            print(exc.summary.line(), flush=True)
        _exit_within(EXIT_GRACE_S, 130)
        raise
    except KeyboardInterrupt:
        # Interrupted while reading the manifest or importing: nothing had started.
        raise RenderInterrupted() from None


# How long an interrupted render may take to exit after its summary: the interpreter joins the
# render's worker threads at exit, and one stuck in a kernel's or Chromium's library call
# would hold the command past its promise to stop (the kernels and Chromium are dead by now).
EXIT_GRACE_S = 20.0


def _exit_within(seconds: float, status: int) -> None:
    """End the process with ``status`` after ``seconds`` unless it has ended by itself."""
    import threading

    def hard_exit() -> None:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(status)

    timer = threading.Timer(seconds, hard_exit)
    timer.daemon = True
    timer.start()


def _render(args: argparse.Namespace) -> int:
    # papermill loads nbformat, whose jsonschema import compiles rfc3987-syntax's IRI grammar
    # (about a second) for a format check notebook validation never uses; jsonschema leaves
    # that optional checker out when the module cannot be imported, as here, in this process.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    from vnhealth.inputs.paths import ProjectPaths
    from vnhealth.render.run import RenderError, adhoc_run, load_manifest, render_runs

    root = ProjectPaths.at().root
    notebooks = args.notebooks or str(root / "notebooks")
    if args.notebook:
        if args.only or args.manifest:
            raise RenderError("give either NOTEBOOK (with -p) or --manifest/--only, not both")
        params: dict[str, Any] = {}
        for name, value in args.parameter:
            if name in params:
                raise RenderError(f"parameter {name!r} given twice")
            params[name] = value
        runs = [adhoc_run(args.notebook, params, name=args.name, notebooks_dir=notebooks)]
    else:
        if args.parameter or args.name:
            raise RenderError("-p and --name need a NOTEBOOK; to change a manifest run, edit "
                              "the manifest")
        manifest = args.manifest or str(root / "reports" / "reports.yaml")
        runs = load_manifest(manifest, notebooks)
    jobs = args.jobs if args.jobs else os.cpu_count()
    summary = render_runs(runs, reports_dir=args.reports, warehouse=args.warehouse, jobs=jobs,
                          only=args.only, changed=args.changed, pdf=not args.no_pdf,
                          timeout=args.timeout, progress=args.progress)
    print(summary.line(), flush=True)
    if summary.failed:
        print(f"error: {len(summary.failed)} run(s) failed; the previous reports are unchanged "
              "and executed notebooks are in reports/_failed/", file=sys.stderr)
    return summary.exit_code
