"""Benchmark `vnhealth render` on the default manifest against the pipeline's floor.

In one process, the same code path the renderer uses (papermill with the render kernel, nbconvert
to HTML, the page shell, atomic writes):
  (a) the floor: an empty notebook (one parameters cell) through that pipeline, best of --repeat
      after one warm-up;
  (b) each report of the manifest alone (one job), best of --repeat, PDF printing off, and the
      size of its HTML;
  (c) the whole manifest with --jobs (default: the number of cores), PDF printing off, wall time,
      best of --repeat;
  (d) the PDF print of each brief on its own (headless Chromium), when Chromium is installed.

Goals: each report within 1.5 × the floor; the whole manifest within
(sum of the reports) / cores × 1.2; a site report under 500 KB beside the shared plotly.js.
This is a benchmark, not a test: it always exits 0 and prints GOAL MISSED when a goal is missed.

Usage: python benchmarks/bench_render.py [--manifest reports/reports.yaml] [--repeat 2]
                                         [--jobs N] [--warehouse PATH]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

import nbformat

from vnhealth.build.warehouse import build
from vnhealth.render.run import (
    Context,
    Run,
    compile_library,
    ensure_asset,
    find_chromium,
    fingerprint,
    load_manifest,
    print_pdf,
    render_one,
    render_runs,
)
from vnhealth.report.params import check_parameters, choices, warehouse_path

REPO_ROOT = Path(__file__).resolve().parent.parent
GOAL_REPORT_X_FLOOR = 1.5
GOAL_PARALLEL_SLACK = 1.2
GOAL_SITE_BYTES = 500_000


def _empty_notebook(path: Path) -> Path:
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("x = 1\n", metadata={"tags": ["parameters"]})])
    nb.metadata["kernelspec"] = {"name": "vnhealth", "display_name": "vnhealth (.venv)",
                                 "language": "python"}
    nbformat.write(nb, path)
    return path


def _timed(run: Run, ctx: Context, params: dict, build_hash: str) -> tuple[float, int]:
    started = time.perf_counter()
    outcome = render_one(run, ctx, params, fingerprint(run, params, build_hash))
    wall = time.perf_counter() - started
    if outcome.status != "ok":
        raise RuntimeError(f"{run.key} failed: {outcome.message}")
    return wall, outcome.html.stat().st_size if outcome.html else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--manifest", default=str(REPO_ROOT / "reports" / "reports.yaml"))
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--warehouse", help="default: a fresh build in a temporary directory")
    args = ap.parse_args()
    cores = os.cpu_count() or 1

    with tempfile.TemporaryDirectory(prefix="vnh-bench-") as tmp:
        work = Path(tmp)
        if args.warehouse:
            wh = warehouse_path(args.warehouse)
            build_hash = choices(wh).build_hash
        else:
            wh = work / "warehouse.duckdb"
            build_hash = build(REPO_ROOT, wh).build_hash
        reports = work / "reports"
        runs = load_manifest(args.manifest)
        params = {r.key: check_parameters(r.path, r.parameters, warehouse=wh) for r in runs}
        (work / "kernels").mkdir()
        ctx = Context(reports, wh, build_hash, 600, None, False, work / "kernels", print)
        ensure_asset(reports)
        compile_library()  # as render_runs does

        floor_run = Run("floor", "floor", _empty_notebook(work / "floor.ipynb"), {})
        _timed(floor_run, ctx, {}, build_hash)  # warm-up: imports, exporter templates
        floor = min(_timed(floor_run, ctx, {}, build_hash)[0] for _ in range(max(args.repeat,
                                                                                  3)))
        print(f"floor (empty notebook, papermill + nbconvert, this process): {floor:.2f} s")
        print(f"cores {cores}, jobs {args.jobs}, repeat {args.repeat}, "
              f"data build {build_hash[:12]}\n")
        print(f"{'report':44} {'best s':>7} {'× floor':>8} {'HTML KB':>8}")
        times: dict[str, float] = {}
        missed: list[str] = []
        for run in runs:
            best, size = min(_timed(run, ctx, params[run.key], build_hash)
                             for _ in range(args.repeat))
            times[run.key] = best
            ratio = best / floor
            flag = "" if ratio <= GOAL_REPORT_X_FLOOR else "  GOAL MISSED (1.5 × floor)"
            if not run.brief and size >= GOAL_SITE_BYTES:
                flag += "  GOAL MISSED (site report ≥ 500 KB)"
            kind = " (brief, plotly.js inside)" if run.brief else ""
            print(f"{run.key:44} {best:7.2f} {ratio:8.2f} {size / 1000:8.0f}{kind}{flag}")
            if flag:
                missed.append(run.key)
        total = sum(times.values())
        print(f"{'sum of reports':44} {total:7.2f}")

        shutil.rmtree(reports / "policy_brief", ignore_errors=True)
        # Best of --repeat, like the reports above; each run starts the runs that took longest
        # last time first, as a scheduled render does.
        walls = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            summary = render_runs(runs, reports_dir=reports, warehouse=wh, jobs=args.jobs,
                                  pdf=False, progress=False, say=lambda _m: None)
            walls.append(time.perf_counter() - started)
        parallel = min(walls)
        goal = total / cores * GOAL_PARALLEL_SLACK
        verdict = "" if parallel <= goal else "  GOAL MISSED"
        print(f"\nwhole manifest, --jobs {args.jobs}: {parallel:.2f} s wall, best of "
              f"{', '.join(f'{w:.2f}' for w in walls)} (goal ≤ sum / cores × 1.2 = {goal:.2f} s;"
              f" speed-up {total / parallel:.2f} on {cores} cores){verdict}")
        print(summary.line())

        chromium = find_chromium()
        if chromium:
            for run in (r for r in runs if r.brief):
                html_path = reports / run.notebook / f"{run.name}.html"
                started = time.perf_counter()
                print_pdf(chromium, html_path, work / f"{run.name}.pdf")
                pdf_s = time.perf_counter() - started
                print(f"PDF print {run.key}: {pdf_s:.2f} s "
                      f"({(work / f'{run.name}.pdf').stat().st_size / 1000:.0f} KB)")
        else:
            print("PDF print: chromium not installed, not measured")
        if missed or verdict:
            print(f"\n{len(missed) + bool(verdict)} goal(s) missed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
