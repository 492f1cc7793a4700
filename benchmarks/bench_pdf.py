"""Benchmark printing the PDF briefs: one Chromium per brief against one Chromium for them all.

On the same brief pages (by default the briefs under reports/policy_brief/, as `make reports`
leaves them), best and median of --repeat rounds:
  (a) one Chromium per brief: `chromium --headless --print-to-pdf --no-pdf-header-footer`,
      the way `vnhealth render` printed until it kept one browser per render;
  (b) one Chromium for all: vnhealth.render.chromium.Printer (DevTools Page.printToPDF), the way it
      prints now; the first print of a round includes the browser's start;
  (c) as a render prints now: the browser started and warmed up (plotly.js compiled in its
      tabs) 3 s before the first print, as while the kernels run, and each brief printed from
      its print copy, which loads plotly.js from one file (vnhealth.render.run._print_copy);
and checks that all give the same PDF (pages, page size, text and pixels).

Goal: (c) under half of (a) per brief. This is a benchmark, not a test: it always exits 0 and
prints GOAL MISSED when the goal is missed.

Usage: python benchmarks/bench_pdf.py [--repeat 3] [PAGE.html ...]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from vnhealth.render.chromium import CHROMIUM_FLAGS, Printer, find_chromium
from vnhealth.render.run import _PRINT_SCRIPT, plotly_js

REPO_ROOT = Path(__file__).resolve().parent.parent
GOAL_RATIO = 0.5


def print_cli(chromium: str, page: Path, pdf: Path, profile: Path) -> float:
    """(a): a browser started for one page; seconds."""
    started = time.perf_counter()
    subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                    "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
                    "--virtual-time-budget=15000", f"--print-to-pdf={pdf}", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    return time.perf_counter() - started


def print_copies(pages: list[Path], out: Path) -> tuple[list[Path], str]:
    """The print copies of ``pages`` and the warm-up page, as the render writes them."""
    folder = out / "print"
    folder.mkdir(exist_ok=True)
    (folder / "plotly.min.js").write_text(plotly_js(), encoding="utf-8")
    (folder / "warm.html").write_text(f"<!DOCTYPE html>{_PRINT_SCRIPT}", encoding="utf-8")
    inline = f'<script type="text/javascript">{plotly_js()}</script>'
    copies = []
    for page in pages:
        copies.append(folder / page.name)
        copies[-1].write_text(page.read_text(encoding="utf-8").replace(inline, _PRINT_SCRIPT, 1),
                              encoding="utf-8")
    return copies, (folder / "warm.html").as_uri()


def print_shared(chromium: str, pages: list[Path], out: Path, warm: str | None = None,
                 suffix: str = "shared") -> list[float]:
    """(b) and (c): one browser for every page; seconds per page. ``warm``: the page the tabs
    warm up on, 3 s before the first print (as while a render's kernels run); without, the
    first print includes the browser's start."""
    times = []
    with Printer(chromium, warm_url=warm) as printer:
        if warm:
            printer.start()
            time.sleep(3.0)
        started = time.perf_counter()
        for page in pages:
            printer.print(page, out / f"{page.stem}.{suffix}.pdf")
            now = time.perf_counter()
            times.append(now - started)
            started = now
    return times


def same_pdf(a: Path, b: Path) -> bool:
    """Same pages, sizes, text and pixels (rendered in grey at 0.6 scale)."""
    import pypdfium2

    docs = [pypdfium2.PdfDocument(p) for p in (a, b)]
    try:
        if len(docs[0]) != len(docs[1]):
            return False
        for pa, pb in zip(docs[0], docs[1], strict=True):
            if pa.get_size() != pb.get_size() or (pa.get_textpage().get_text_range()
                                                  != pb.get_textpage().get_text_range()):
                return False
            if pa.render(scale=0.6, grayscale=True).to_pil().tobytes() != pb.render(
                    scale=0.6, grayscale=True).to_pil().tobytes():
                return False
        return True
    finally:
        for doc in docs:
            doc.close()


def _stats(values: list[float]) -> str:
    return f"best {min(values):.2f} s, median {statistics.median(values):.2f} s"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    chromium = find_chromium()
    pages = args.pages or sorted((REPO_ROOT / "reports" / "policy_brief").glob("*.html"))
    if not chromium or not pages:
        print("needs chromium and brief pages (run `make reports` first)")
        return 0
    print(f"{len(pages)} brief(s): {', '.join(p.name for p in pages)}; repeat {args.repeat}")
    per_cli: list[float] = []
    per_shared: list[float] = []
    per_ahead: list[float] = []
    firsts: list[float] = []
    with tempfile.TemporaryDirectory(prefix="vnh-bench-pdf-") as tmp:
        out = Path(tmp)
        for k in range(args.repeat):
            per_cli += [print_cli(chromium, p, out / f"{p.stem}.cli.pdf", out / f"prof{k}")
                        for p in pages]
            times = print_shared(chromium, pages, out)
            firsts.append(times[0])
            per_shared += times
            copies, warm = print_copies(pages, out)
            per_ahead += print_shared(chromium, copies, out, warm, "render")
        same = all(same_pdf(out / f"{p.stem}.cli.pdf", out / f"{p.stem}.{kind}.pdf")
                   for p in pages for kind in ("shared", "render"))
    cli, ahead = statistics.median(per_cli), statistics.median(per_ahead)
    print(f"(a) one Chromium per brief : {_stats(per_cli)} per brief")
    print(f"(b) one Chromium for all   : {_stats(per_shared)} per brief "
          f"(first of a round, browser start included: {_stats(firsts)})")
    print(f"(c) as a render prints now : {_stats(per_ahead)} per brief")
    print(f"    same PDF (pages, size, text, pixels): {'yes' if same else 'NO'}")
    verdict = "" if ahead <= cli * GOAL_RATIO else "  GOAL MISSED"
    print(f"(c)/(a) = {ahead / cli:.2f} (goal ≤ {GOAL_RATIO}){verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
