"""Benchmark the indicator explorer (vnhealth.render.explorer): page size, load and switch times.

For the current warehouse and for a synthetic one of 63 provinces × 150 indicators (several
years and kinds: a baseline, actuals, yearly milestones and targets, bounds and ranges, a national
target for a quarter of the indicators; written with the warehouse's own schema into a copy of
the current warehouse), it reports:
  (a) the time to read the warehouse and write the page, and the page's size (and gzipped);
  (b) in headless Chromium, opened with file:// as a reader would: when the controls and the table
      are there (`content`) and when the first chart is drawn (`first chart`), each from the
      navigation's start (performance.now() marks set by the page), for --loads cold loads (a
      fresh browser each: plotly.js compiled from nothing) and as many warm reloads;
  (c) the time to switch to another indicator (table, chart and ranking redrawn, all provinces
      selected), over --switches indicators;
  (d) the floor: a page with plotly.js alone drawing a three-point chart, loaded the same way
      (plotly.js is 4.8 MB of script: most of a cold load is compiling it, in any report).

Goals: the first chart within 1 s of a warm load of the current warehouse's page and within 2 s
for 63 × 150; switching indicators within 0.5 s. This is a benchmark, not a test: it always
exits 0 and prints GOAL MISSED when a goal is missed.

Usage: python benchmarks/bench_explorer.py [--warehouse PATH] [--provinces 63]
                                           [--indicators 150] [--loads 3] [--switches 10]
                                           [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from vnhealth.build.warehouse import build
from vnhealth.render.explorer import write_explorer
from vnhealth.render.run import find_chromium
from vnhealth.report import fmt_number

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))  # the DevTools client of the browser tests
GOAL_FIRST_CHART_S = 1.0
GOAL_FIRST_CHART_LARGE_S = 2.0
GOAL_SWITCH_S = 0.5
YEARS = range(2020, 2031)
# Tables the explorer does not read but that would contradict the synthetic rows: emptied.
EMPTIED = ("statements", "harmonized", "pace", "quarantine", "qualitative_targets")


# ---------------------------------------------------------------------------------------------
# the synthetic warehouse
# ---------------------------------------------------------------------------------------------
def _indicators(con: Any, n: int) -> list[dict[str, Any]]:
    """The catalogue's indicators, then copies of them (new ids) until there are ``n``."""
    cur = con.execute("SELECT * FROM indicators ORDER BY rowid")
    cols = [d[0] for d in cur.description]
    real = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    out = real[:n]
    k = 0
    while len(out) < n:
        src = real[k % len(real)]
        out.append({**src, "indicator_id": f"{src['indicator_id']}_copy{k // len(real) + 1}",
                    "name_vi": f"{src['name_vi']} (bản sao {k + 1})",
                    "name_en": f"{src['name_en']} (copy {k + 1})"})
        k += 1
    return out


def _plan(ind: dict[str, Any], rng: random.Random) -> list[tuple[str, int, str, float, float]]:
    """One province's statements for one indicator: (kind, year, comparator, low, high)."""
    lo = ind["plausible_low"] if ind["plausible_low"] is not None else 0.0
    hi = ind["plausible_high"] if ind["plausible_high"] is not None else 100.0
    sign = -1 if ind["direction"] == "lower_is_better" else 1
    start = lo + (hi - lo) * rng.uniform(0.25, 0.6)
    step = (hi - lo) * rng.uniform(0.005, 0.02) * sign

    def at(year: int) -> float:
        return round(start + step * (year - 2020) + rng.uniform(-0.3, 0.3) * abs(step), 1)

    def point(kind: str, year: int) -> tuple[str, int, str, float, float]:
        v = at(year)
        return (kind, year, "=", v, v)

    bound = ">=" if sign > 0 else "<="
    out = [point("baseline", 2020), *(point("actual", y) for y in (2021, 2022, 2023))]
    if rng.random() < 0.5:
        out += [point("trajectory", y) for y in (2026, 2027, 2028, 2029)]
    for year in (2025, 2030):
        v = at(year)
        if rng.random() < 0.08:
            out.append(("target", year, "range", v - abs(step), v + abs(step)))
        else:
            out.append(("target", year, rng.choice(["=", bound]), v, v))
    return out


def _observations(provinces: list[dict[str, Any]], indicators: list[dict[str, Any]],
                  rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Observation rows and their observation_values: one table row (line) per province ×
    indicator holding all its values, as plans and statistics tables write them."""
    obs, values = [], []
    for p in provinces:
        doc = f"{p['province_id']}_synthetic"
        for line, ind in enumerate(indicators, start=20):
            plan = _plan(ind, rng)
            texts = [_written(c, lo, hi) for _k, _y, c, lo, hi in plan]
            quote = f"{line - 19}\t{ind['name_vi']}\t" + "\t".join(texts)
            for n, ((kind, year, comp, lo, hi), text) in enumerate(zip(plan, texts, strict=True),
                                                                start=1):
                value = (lo + hi) / 2 if comp == "range" else lo
                base = {"obs_id": f"{doc}:{line}:{n}", "doc_id": doc,
                        "province_id": p["province_id"], "indicator_id": ind["indicator_id"],
                        "kind": kind, "year": year, "comparator": comp, "unit": ind["unit"],
                        "line": line}
                obs.append({**base, "value": lo if comp == "range" else value,
                            "value_high": hi if comp == "range" else None, "quote": quote,
                            "value_text": text.lstrip("≥≤ "), "source": "rule",
                            "page": line // 40 + 1})
                values.append({**base, "value": value,
                               "value_low": None if comp == "<=" else lo,
                               "value_high": None if comp == ">=" else hi,
                               "derived_from_relative": False})
    return obs, values


def _written(comp: str, lo: float, hi: float) -> str:
    if comp == "range":
        return f"{fmt_number(lo, 'vi')}-{fmt_number(hi, 'vi')}"
    return {">=": "≥ ", "<=": "≤ "}.get(comp, "") + fmt_number(lo, "vi")


def _national(indicators: list[dict[str, Any]], values: list[dict[str, Any]]
              ) -> list[dict[str, Any]]:
    """A national target for 2025 and 2030 for every fourth indicator: the provinces' mean."""
    sums: dict[tuple[str, int], list[float]] = {}
    for v in values:
        if v["kind"] == "target":
            sums.setdefault((v["indicator_id"], v["year"]), []).append(v["value"])
    out = []
    for k, ind in enumerate(indicators):
        for year in (2025, 2030):
            got = sums.get((ind["indicator_id"], year))
            if k % 4 or not got:
                continue
            value = round(statistics.fmean(got), 1)
            out.append({"indicator_id": ind["indicator_id"], "year": year,
                        "national_value": value, "national_value_low": value,
                        "national_value_high": value, "national_comparator": "=",
                        "unit": ind["unit"], "national_conflict": False, "source_line": k + 2,
                        "national_source": "NQ 00/2025/QH15 (synthetic national target)"})
    return out


_RANK = {"target": 0, "trajectory": 1, "actual": 2, "baseline": 3}


def _comparison(values: list[dict[str, Any]], indicators: list[dict[str, Any]],
                national: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One primary row per province × indicator × year of YEARS: the stated value (a target
    first) or a linear interpolation between the stated years around it, with the gap."""
    nat = {(n["indicator_id"], n["year"]): n["national_value"] for n in national}
    direction = {i["indicator_id"]: i["direction"] for i in indicators}
    series: dict[tuple[str, str], dict[int, dict[str, Any]]] = {}
    for v in values:
        years = series.setdefault((v["province_id"], v["indicator_id"]), {})
        if v["year"] not in years or _RANK[v["kind"]] < _RANK[years[v["year"]]["kind"]]:
            years[v["year"]] = v
    out = []
    for (pid, ind), stated in series.items():
        known = sorted(stated)
        for year in YEARS:
            row = _row_for(pid, ind, year, stated, known)
            if row is None:
                continue
            national_value = nat.get((ind, year))
            gap = None if national_value is None else row["value"] - national_value
            better = gap if direction[ind] != "lower_is_better" or gap is None else -gap
            row.update(national_value=national_value, gap=gap, direction=direction[ind],
                       assessment="no national value" if gap is None
                       else "ahead of national" if better > 0 else "level with national"
                       if better == 0 else "behind national", is_primary=True)
            out.append(row)
    return out


def _row_for(pid: str, ind: str, year: int, stated: dict[int, dict[str, Any]],
             known: list[int]) -> dict[str, Any] | None:
    if year in stated:
        v = stated[year]
        return {"province_id": pid, "indicator_id": ind, "year": year, "kind": v["kind"],
                "method": "stated", "comparator": v["comparator"], "value": v["value"],
                "value_low": v["value_low"], "value_high": v["value_high"],
                "obs_ids": v["obs_id"]}
    before = [y for y in known if y < year]
    after = [y for y in known if y > year]
    if not before or not after:
        return None
    a, b = stated[before[-1]], stated[after[0]]
    share = (year - a["year"]) / (b["year"] - a["year"])
    value = a["value"] + (b["value"] - a["value"]) * share
    return {"province_id": pid, "indicator_id": ind, "year": year, "kind": "target",
            "method": "interpolated", "comparator": None, "value": value, "value_low": value,
            "value_high": value, "anchor_year_before": a["year"],
            "anchor_year_after": b["year"], "obs_ids": f"{a['obs_id']},{b['obs_id']}"}


def synthetic_warehouse(template: Path, out: Path, n_provinces: int, n_indicators: int,
                        seed: int = 7) -> dict[str, int]:
    """A copy of ``template`` whose provinces' documents, statements, national targets and
    comparison rows are replaced by generated ones; returns the row counts written."""
    shutil.copy(template, out)
    rng = random.Random(seed)
    con = duckdb.connect(str(out))
    try:
        cur = con.execute("SELECT province_id, name_vi FROM provinces WHERE status_2025 <> 'new' "
                          "ORDER BY gso_code, province_id")
        provinces = [{"province_id": r[0], "name_vi": r[1]} for r in cur.fetchall()]
        provinces = provinces[:n_provinces]
        indicators = _indicators(con, n_indicators)
        obs, values = _observations(provinces, indicators, rng)
        national = _national(indicators, values)
        docs = [{"doc_id": f"{p['province_id']}_synthetic", "province_id": p["province_id"],
                 "title": f"Kế hoạch bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân tỉnh "
                          f"{p['name_vi']} giai đoạn 2021-2030 (tổng hợp)",
                 "doc_number": f"{k + 1:02d}/KH-UBND", "issuer": f"UBND tỉnh {p['name_vi']}",
                 "period_start": 2021, "period_end": 2030,
                 "source_file": f"data/raw/{p['province_id']}_synthetic.txt",
                 "sha256": hashlib.sha256(p["province_id"].encode()).hexdigest()}
                for k, p in enumerate(provinces)]
        tables = {"indicators": indicators, "documents": docs, "observations": obs,
                  "observation_values": values, "national_benchmark": national,
                  "comparison": _comparison(values, indicators, national)}
        for name in (*EMPTIED, *tables):
            con.execute(f"DELETE FROM {name}")
        for name, rows in tables.items():
            con.register("src", pa.Table.from_pylist(rows))
            con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM src")
            con.unregister("src")
        digest = hashlib.sha256(f"synthetic {n_provinces} {n_indicators} {seed}".encode())
        con.execute("UPDATE build_info SET build_hash = ?, n_documents = ?, n_observations = ?",
                    [digest.hexdigest(), len(docs), len(obs)])
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return {name: len(rows) for name, rows in tables.items()}


# ---------------------------------------------------------------------------------------------
# measuring
# ---------------------------------------------------------------------------------------------
_TIMINGS = ("window.vnhExplorer.ready.then(() => ({content: vnhExplorer.timings.content, "
            "first: vnhExplorer.timings.firstChart}))")


def _load(browser: Any, url: str) -> dict[str, float]:
    browser.open("about:blank")
    browser.open(url)
    got = browser.evaluate(_TIMINGS)
    return {"content": got["content"] / 1000, "first": got["first"] / 1000}


def measure_loads(url: str, loads: int) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """Cold loads (a fresh browser each) and warm reloads (one browser), in seconds."""
    from test_browser import Browser

    chromium = find_chromium()
    assert chromium is not None
    cold = []
    for _ in range(loads):
        browser = Browser(chromium)
        try:
            cold.append(_load(browser, url))
        finally:
            browser.close()
    browser = Browser(chromium)
    try:
        _load(browser, url)  # the first load of this browser is a cold one
        warm = [_load(browser, url) for _ in range(loads)]
    finally:
        browser.close()
    return cold, warm


def measure_switches(url: str, switches: int, seed: int = 3) -> list[float]:
    """Seconds to switch to each of ``switches`` indicators with data (all provinces shown)."""
    from test_browser import Browser

    browser = Browser(find_chromium() or "chromium")
    try:
        _load(browser, url)
        ids = browser.evaluate("window.vnhExplorer.data.indicators.filter(i => i.n).map(i => i.id)")
        picks = random.Random(seed).sample(ids, min(switches, len(ids)))
        out = []
        for ind in picks:
            ms = browser.evaluate(f"window.vnhExplorer.setIndicator('{ind}')"
                                  ".then(() => window.vnhExplorer.timings.lastRender)")
            out.append(ms / 1000)
        return out
    finally:
        browser.close()


# The floor: plotly.js alone drawing a three-point chart, loaded the same way (the explorer's
# own cost is what it takes beyond this).
FLOOR_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<div id="c" style="width:800px;height:400px"></div>
<script defer src="assets/plotly.min.js"></script>
<script>window.vnhExplorer = {timings: {content: performance.now()}};
window.vnhExplorer.ready = new Promise(r => document.addEventListener('DOMContentLoaded', () =>
  Plotly.newPlot('c', [{x: [1, 2, 3], y: [1, 3, 2]}]).then(() => {
    window.vnhExplorer.timings.firstChart = performance.now(); r(); })));</script>
</body></html>
"""


def report_floor(out_dir: Path, loads: int) -> None:
    if find_chromium() is None:
        return
    page = out_dir / "floor.html"
    page.write_text(FLOOR_PAGE, encoding="utf-8")
    cold, warm = measure_loads(page.as_uri(), loads)
    print(f"\n== floor: plotly.js alone, one small chart (assets/plotly.min.js)\n"
          f"  cold load   first chart {_median([r['first'] for r in cold]):.2f} s   "
          f"warm load   first chart {_median([r['first'] for r in warm]):.2f} s   "
          f"(median of {loads})")


def _median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def _goal(value: float, limit: float, what: str) -> str:
    return (f"goal met ({what} ≤ {limit:.1f} s)" if value <= limit
            else f"GOAL MISSED ({what} {value:.2f} s > {limit:.1f} s)")


def report(name: str, warehouse: Path, out_dir: Path, args: argparse.Namespace,
           first_goal: float) -> None:
    started = time.perf_counter()
    page, _written = write_explorer(out_dir / "explorer.html", warehouse, force=True)
    seconds = time.perf_counter() - started
    raw = page.read_bytes()
    print(f"\n== {name}: {warehouse}")
    print(f"  write       {seconds:.2f} s   page {len(raw) / 1e6:.2f} MB "
          f"({len(gzip.compress(raw)) / 1e6:.2f} MB gzipped; plotly.js is a separate 4.8 MB)")
    if find_chromium() is None:
        print("  chromium not found: no load or switch times (make browser-deps)")
        return
    cold, warm = measure_loads(page.as_uri(), args.loads)
    for label, runs in (("cold load", cold), ("warm load", warm)):
        each = ", ".join(f"{r['first']:.2f}" for r in runs)
        print(f"  {label:11} content {_median([r['content'] for r in runs]):.2f} s   "
              f"first chart {_median([r['first'] for r in runs]):.2f} s   "
              f"(median of {len(runs)}; first charts {each})")
    switches = measure_switches(page.as_uri(), args.switches)
    print(f"  switch      median {_median(switches):.2f} s   max {max(switches):.2f} s   "
          f"over {len(switches)} indicators")
    print(f"  {_goal(_median([r['first'] for r in warm]), first_goal, 'warm first chart')}; "
          f"{_goal(_median(switches), GOAL_SWITCH_S, 'switch')}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--warehouse", help="the current warehouse (default: data/warehouse.duckdb, "
                                        "else a fresh build)")
    ap.add_argument("--provinces", type=int, default=63)
    ap.add_argument("--indicators", type=int, default=150)
    ap.add_argument("--loads", type=int, default=3)
    ap.add_argument("--switches", type=int, default=10)
    ap.add_argument("--keep", help="keep the pages and the synthetic warehouse in this folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="vnh-bench-explorer-") as tmp:
        work = Path(args.keep) if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        current = (Path(args.warehouse) if args.warehouse
                   else REPO_ROOT / "data" / "warehouse.duckdb")
        if not current.is_file():
            current = work / "warehouse.duckdb"
            build(REPO_ROOT, current)
        report("current warehouse", current, work / "current", args, GOAL_FIRST_CHART_S)
        report_floor(work / "current", args.loads)
        started = time.perf_counter()
        synthetic = work / "synthetic.duckdb"
        counts = synthetic_warehouse(current, synthetic, args.provinces, args.indicators)
        print(f"\n(synthetic warehouse written in {time.perf_counter() - started:.1f} s: "
              + ", ".join(f"{k} {v:,}" for k, v in counts.items()) + ")")
        report(f"synthetic {args.provinces} provinces × {args.indicators} indicators", synthetic,
               work / "synthetic", args, GOAL_FIRST_CHART_LARGE_S)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
