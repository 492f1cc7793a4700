"""Benchmark `make reports` when nothing changed, and where its time goes.

  (a) `make reports` once, to bring the warehouse and the reports up to date (not the goal);
  (b) `make reports` again, --repeat times: the no-op, wall time best and median;
  (c) its parts: make itself (`make -n reports`: reading the Makefile, listing the warehouse's
      inputs, checking the prerequisites), `make browser-deps` (Chromium and a Vietnamese font
      present), `vnhealth render --changed` alone, and the interpreter with the `vnhealth`
      command imported (`vnhealth --help`).

Goal: the no-op under 1 s. This is a benchmark, not a test: it always exits 0 and prints
GOAL MISSED when the goal is missed. It runs in this repository and renders into reports/.

Usage: python benchmarks/bench_make_reports.py [--repeat 5] [--make-args "-o .venv/.installed"]
(--make-args is given to every make call; `-o .venv/.installed` keeps make from reinstalling
the venv when pyproject.toml is newer than the last install.)
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GOAL_NOOP_S = 1.0


def timed(cmd: list[str], repeat: int) -> list[float]:
    """Wall seconds of ``cmd`` run ``repeat`` times in the repository (output discarded)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(cmd, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=False)
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--make-args", default="")
    args = ap.parse_args()
    make = ["make", *shlex.split(args.make_args)]
    first = timed([*make, "reports"], 1)[0]
    print(f"(a) make reports, bringing everything up to date: {first:.2f} s")
    noop = timed([*make, "reports"], args.repeat)
    best, median = min(noop), statistics.median(noop)
    verdict = "" if median < GOAL_NOOP_S else f"  GOAL MISSED (< {GOAL_NOOP_S:g} s)"
    print(f"(b) make reports, nothing changed: best {best:.2f} s, median {median:.2f} s "
          f"of {args.repeat}{verdict}")
    parts = {
        "make -n reports (make itself)": [*make, "-n", "reports"],
        "make browser-deps": [*make, "browser-deps"],
        "vnhealth render --changed": [str(BIN / "vnhealth"), "render", "--changed"],
        "vnhealth --help (start-up)": [str(BIN / "vnhealth"), "--help"],
    }
    print("(c) parts (median):")
    for label, cmd in parts.items():
        print(f"    {label:34} {statistics.median(timed(cmd, args.repeat)):.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
