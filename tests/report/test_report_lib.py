"""The report library on the session warehouse: light imports, and the same numbers as the
pandas pipeline it replaced.

vnhealth.report reads the tables the build materialized (``comparison``, ``harmonized``,
``national_benchmark``, ``observation_values``) as plain rows. These tests check that it stays
free of pandas/numpy/plotly, that those tables hold what the pandas functions of
vnhealth.harmonize.frames compute from the observations, and the small pieces around them (reform
notes, the missing-table error, :class:`vnhealth.report.Table`). The warehouse is the session
build of tests/conftest.py (the repository's real documents); expectations are computed from its
source tables (``observations``, ``national_targets``, ``documents``, ``provinces``).
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from vnhealth import report
from vnhealth.harmonize import frames as harmonize
from vnhealth.harmonize import reform
from vnhealth.harmonize.pace import representative
from vnhealth.inputs.errors import VnhealthError
from vnhealth.inputs.units import default_registry

PLANS = ["lai_chau", "lao_cai", "son_la", "thua_thien_hue"]


def rows(con: Any, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def plain(x: Any) -> Any:
    """A frame cell as a plain Python value (NA → None, numpy scalars → int/float)."""
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return None
    if hasattr(x, "item"):
        x = x.item()
    return None if isinstance(x, float) and math.isnan(x) else x


@pytest.fixture(scope="module")
def wh(warehouse_path: Path) -> report.Warehouse:
    return report.load(warehouse_path)


# --------------------------------------------------------------------------------------------
# report kernels stay light
# --------------------------------------------------------------------------------------------
_KERNEL_CODE = textwrap.dedent("""
    import json, sys
    from vnhealth import report
    from vnhealth.report import params

    path = sys.argv[1]
    params.choices(path)
    wh = report.load(path)
    provinces = ["lai_chau", "lao_cai", "son_la", "thua_thien_hue"]
    indicators = [r["indicator_id"] for r in wh.indicators
                  if r["domain"] in ("longevity", "health_workforce")]
    done = {"comparison": 0, "pace": 0, "coverage": 0, "profile": 0, "figures": 0,
            "traces": 0, "html": 0, "findings": 0}
    for lang in ("vi", "en"):
        book = report.SourceBook(wh, lang)
        for year in (2025, 2030):
            comparison = report.comparison_table(wh, provinces, indicators, year)
            pace = report.pace_table(wh, provinces, None, year)
            coverage = report.coverage_table(wh, provinces, indicators, year)
            figures = [
                report.interval_bars(wh, comparison, lang),
                report.dumbbells(wh, pace, comparison, lang, width=report.BRIEF_WIDTH),
                report.heatmap(wh, comparison, lang),
                report.pace_chart(wh, pace, lang),
                report.coverage_chart(wh, coverage, year, lang),
                *(report.trajectories(wh, p, lang, peers=provinces) for p in provinces)]
            for fig in figures:
                report.figure_bundle(fig)
            html = (report.table_html(wh, comparison, book)
                    + report.ambition_html(wh, comparison, book)
                    + report.pace_html(wh, pace, book)
                    + report.coverage_html(wh, coverage, book, year))
            found = report.findings(wh, comparison, pace, coverage, book, year)
            done["comparison"] += len(comparison)
            done["pace"] += len(pace)
            done["coverage"] += len(coverage)
            done["figures"] += len(figures)
            done["traces"] += sum(len(f.data) for f in figures)
            done["html"] += len(html)
            done["findings"] += len(found)
        for p in provinces:
            profile = report.profile_table(wh, p)
            done["profile"] += len(profile)
            done["html"] += len(report.profile_html(wh, profile, book))
        done["html"] += len(book.html() + report.documents_html(wh, provinces, lang))
        report.reform_notes(wh, provinces, 2024, 2030, lang)
    heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("pandas", "numpy", "plotly"))
    print(json.dumps({"done": done, "heavy": heavy}))
""")


def test_report_calls_load_neither_pandas_numpy_nor_plotly(warehouse_path: Path,
                                                           repo_root: Path) -> None:
    """A report notebook's kernel is a fresh process that runs the library calls below;
    importing pandas, numpy or plotly's Python package there costs more than the whole report,
    which is why report.py works on plain rows and builds charts as dict specs. A subprocess is
    needed because this test process has those packages loaded already."""
    done = subprocess.run([sys.executable, "-c", _KERNEL_CODE, str(warehouse_path)],
                          capture_output=True, text=True, cwd=repo_root, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["heavy"] == []
    # the calls did real work on the warehouse, not on empty inputs
    assert all(n > 0 for n in result["done"].values()), result["done"]


# --------------------------------------------------------------------------------------------
# pace: the same as harmonize.required_pace run the old way
# --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def source_frames(warehouse_path: Path) -> dict[str, pd.DataFrame]:
    """The warehouse's source tables as frames, and the observations as the build prepares
    them for required_pace (warehouse.harmonized_tables): converted to indicator units, with
    relative changes resolved (documents ranked by issue date, else first plan year)."""
    con = duckdb.connect(str(warehouse_path), read_only=True)
    try:
        obs = con.execute("SELECT * FROM observations ORDER BY rowid").df()
        indicators = con.execute("SELECT * FROM indicators ORDER BY rowid").df()
        provinces = con.execute("SELECT * FROM provinces ORDER BY rowid").df()
        docs = rows(con, "SELECT doc_id, issued_on, period_start FROM documents ORDER BY rowid")
    finally:
        con.close()
    documents = pd.DataFrame(
        [(d["doc_id"], str(d["issued_on"]) if d["issued_on"] else str(d["period_start"]))
         for d in docs], columns=["doc_id", "issued_on"])
    converted = harmonize.to_indicator_units(obs, indicators, default_registry())
    resolved = harmonize.resolve_relative(converted, documents=documents)
    return {"observations": obs, "indicators": indicators, "provinces": provinces,
            "documents": documents, "resolved": resolved}


PACE_KEYS = ["province_id", "indicator_id", "baseline_year", "baseline_value", "target_year",
             "target_value"]


def old_pace(frames: dict[str, pd.DataFrame], provinces: list[str], year: int) -> pd.DataFrame:
    """required_pace on the observations up to ``year``, for the pairs with a target and a
    baseline (or actual): what the report computed with pandas before the rewrite."""
    res = frames["resolved"]
    res = res[~res["relative_unresolved"].to_numpy()]
    res = res[(res["year"] <= year) & res["kind"].isin(["baseline", "actual", "target"])
              & res["province_id"].isin(provinces)]
    kinds = res.groupby(["province_id", "indicator_id"])["kind"].agg(set)
    pairs = {k for k, v in kinds.items() if "target" in v and v & {"baseline", "actual"}}
    res = res[[k in pairs for k in zip(res["province_id"], res["indicator_id"], strict=True)]]
    return harmonize.required_pace(res, provinces=frames["provinces"],
                                   documents=frames["documents"])


@pytest.mark.parametrize("year", [2023, 2025, 2030, 2045])
def test_pace_table_equals_required_pace(wh: report.Warehouse,
                                         source_frames: dict[str, pd.DataFrame],
                                         year: int) -> None:
    """report.pace_table (plain rows from the harmonized table) gives the rows, baselines,
    targets and yearly pace harmonize.required_pace gives on the observations."""
    old = old_pace(source_frames, PLANS, year)
    new = report.pace_table(wh, PLANS, None, year)
    expected = [{k: plain(r[k]) for k in PACE_KEYS} for r in old.to_dict("records")]
    got = [{k: r[k] for k in PACE_KEYS} for r in new]
    assert got == expected
    for o, n in zip(old.to_dict("records"), new, strict=True):
        pace = plain(o["pace_per_year"])
        assert n["pace_per_year"] == (None if pace is None else pytest.approx(pace)), n
        assert n["reform_note"] == plain(o["reform_note"]), n


def test_pace_cases_are_not_trivial(source_frames: dict[str, pd.DataFrame]) -> None:
    """The years compared above include plans with a yearly pace (of the four plans, only Lai
    Châu's state baselines, so the other provinces have no pace to compare)."""
    assert len(old_pace(source_frames, PLANS, 2025)) >= 2
    pace = old_pace(source_frames, PLANS, 2030)
    assert pace["pace_per_year"].notna().sum() >= 5
    obs = source_frames["observations"]
    with_baseline = set(obs.loc[obs["kind"].isin(["baseline", "actual"]), "province_id"])
    assert set(pace["province_id"]) == with_baseline & set(PLANS)


def test_pace_table_for_some_indicators_is_a_subset(wh: report.Warehouse) -> None:
    """Choosing indicators keeps their rows of the all-indicator table, unchanged."""
    everything = report.pace_table(wh, PLANS, None, 2030)
    chosen = everything.distinct("indicator_id")[:2]
    some = report.pace_table(wh, PLANS, chosen, 2030)
    assert len(some) > 0
    assert list(some) == [r for r in everything if r["indicator_id"] in chosen]


# --------------------------------------------------------------------------------------------
# observation_values
# --------------------------------------------------------------------------------------------
def test_observation_values_one_row_per_usable_observation(
        con: Any, source_frames: dict[str, pd.DataFrame]) -> None:
    """One row per observation, except relative changes left unresolved (no baseline to apply
    them to); a relative change that was resolved is marked derived_from_relative."""
    resolved = source_frames["resolved"]
    unresolved = set(resolved.loc[resolved["relative_unresolved"].to_numpy(), "obs_id"])
    derived = set(resolved.loc[resolved["derived_from_relative"].to_numpy(), "obs_id"])
    table = rows(con, "SELECT obs_id, derived_from_relative FROM observation_values")
    ids = [r["obs_id"] for r in table]
    assert len(ids) == len(set(ids))
    all_ids = {r["obs_id"] for r in rows(con, "SELECT obs_id FROM observations")}
    assert set(ids) == all_ids - unresolved
    assert {r["obs_id"] for r in table if r["derived_from_relative"]} == derived
    relative = {r["obs_id"] for r in rows(
        con, "SELECT obs_id FROM observations WHERE comparator = 'relative'")}
    assert unresolved <= relative


def test_observation_values_in_the_indicator_unit(con: Any) -> None:
    """Where the document states the indicator's own unit, value is the stated number for
    "=" and bounds, the midpoint for a range (its ends in value_low/value_high)."""
    pairs = rows(con, """
        SELECT o.obs_id, o.comparator, o.value AS stated, o.value_high AS stated_high,
               v.value, v.value_low, v.value_high, v.unit, v.comparator AS v_comparator
        FROM observations o JOIN indicators i USING (indicator_id)
        JOIN observation_values v USING (obs_id)
        WHERE o.unit = i.unit AND o.comparator <> 'relative'""")
    by_comparator: dict[str, int] = {}
    for r in pairs:
        comp = r["comparator"]
        by_comparator[comp] = by_comparator.get(comp, 0) + 1
        assert r["v_comparator"] == comp, r
        if comp == "range":
            assert r["value"] == pytest.approx((r["stated"] + r["stated_high"]) / 2), r
            assert (r["value_low"], r["value_high"]) == (pytest.approx(r["stated"]),
                                                         pytest.approx(r["stated_high"])), r
        else:
            assert r["value"] == pytest.approx(r["stated"]), r
        if comp == "=":
            assert r["value_low"] == r["value_high"] == pytest.approx(r["stated"]), r
    # the data has plenty of each kind of statement checked above
    assert by_comparator.get("=", 0) >= 20
    assert by_comparator.get("range", 0) >= 3


def test_observation_values_units_are_the_indicators(con: Any) -> None:
    """Every value is expressed in its indicator's unit."""
    odd = rows(con, """
        SELECT v.obs_id, v.unit, i.unit AS indicator_unit
        FROM observation_values v JOIN indicators i USING (indicator_id)
        WHERE v.unit IS DISTINCT FROM i.unit""")
    assert odd == []


# --------------------------------------------------------------------------------------------
# national_benchmark
# --------------------------------------------------------------------------------------------
def test_national_benchmark_most_recent_document(con: Any) -> None:
    """One row per indicator × year with a national target (relative targets aside); where
    several documents set it, the most recent one gives the value, and national_conflict says
    whether their values differ."""
    targets = rows(con, """
        SELECT n.*, i.unit AS indicator_unit FROM national_targets n
        JOIN indicators i USING (indicator_id)
        WHERE n.kind = 'target' AND n.comparator <> 'relative'""")
    registry = default_registry()
    groups: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for t in targets:
        t["repr"] = representative(t["comparator"], t["value"], t["value_high"]) * \
            registry.factor(t["unit"], t["indicator_unit"])
        groups.setdefault((t["indicator_id"], int(t["year"])), []).append(t)
    bench = rows(con, "SELECT * FROM national_benchmark")
    keys = [(b["indicator_id"], int(b["year"])) for b in bench]
    assert len(keys) == len(set(keys))
    assert set(keys) == set(groups)
    several = 0
    for b in bench:
        group = groups[(b["indicator_id"], int(b["year"]))]
        # newest date first, then the earlier line of the reference file
        newest = min(group, key=lambda t: (_negate(str(t["issued_on"] or "")),
                                           t["source_line"]))
        assert b["source_line"] == newest["source_line"], b
        assert b["national_value"] == pytest.approx(newest["repr"]), b
        assert b["national_comparator"] == newest["comparator"], b
        values = {round(t["repr"], 9) for t in group}
        assert b["national_conflict"] == (len(values) > 1), b
        several += len(group) > 1
    # the reference data does have indicator × years set by several documents, some in conflict
    assert several >= 2
    assert any(b["national_conflict"] for b in bench)


def _negate(date: str) -> tuple[int, ...]:
    """A sort key putting later dates first and undated sources last."""
    if not date:
        return (1,)
    return (0, *(-int(part) for part in date.split("-")))


def test_comparison_national_value_is_the_benchmark(con: Any) -> None:
    """The comparison table's national_value is national_benchmark's for the same indicator
    and year, and missing where there is no benchmark."""
    mismatched = rows(con, """
        SELECT c.province_id, c.indicator_id, c.year, c.national_value, b.national_value AS b
        FROM comparison c LEFT JOIN national_benchmark b USING (indicator_id, year)
        WHERE c.national_value IS DISTINCT FROM b.national_value""")
    assert mismatched == []
    compared = rows(con, "SELECT count(*) AS n FROM comparison WHERE national_value IS NOT NULL")
    assert compared[0]["n"] > 0


def test_report_comparison_uses_the_benchmark(wh: report.Warehouse, con: Any) -> None:
    """report.comparison_table's national values and intervals come from national_benchmark,
    also for a province × indicator without a target."""
    bench = {(b["indicator_id"], int(b["year"])): b for b in rows(
        con, "SELECT * FROM national_benchmark")}
    indicators = sorted({k[0] for k in bench})
    for year in (2025, 2030):
        table = report.comparison_table(wh, PLANS, indicators, year)
        assert len(table) == len(PLANS) * len(indicators)
        for r in table:
            b = bench.get((r["indicator_id"], year))
            if b is None:
                assert r["national_value"] is None, r
                continue
            assert r["national_value"] == pytest.approx(b["national_value"]), r
            assert r["national_value_low"] == b["national_value_low"], r
            assert r["national_value_high"] == b["national_value_high"], r


# --------------------------------------------------------------------------------------------
# reform notes
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("year", [2025, 2030])
def test_coverage_status_follows_the_statements(wh: report.Warehouse, con: Any,
                                                year: int) -> None:
    """A province × national indicator is ``covered`` when the harmonized table has its value
    for the year; otherwise ``other_year`` when it states absolute targets for other years,
    ``relative`` when it only states changes ("tăng thêm 10%") with no baseline to apply them
    to (Sơn La's physical activity, 2030), ``qualitative`` when it states a target without a
    number only, and ``none`` when it states nothing."""
    coverage = report.coverage_table(wh, PLANS, None, year)
    covered = {(r["province_id"], r["indicator_id"]) for r in rows(con, """
        SELECT DISTINCT province_id, indicator_id FROM harmonized WHERE year = ?
        AND kind IN ('target', 'trajectory') AND method <> 'missing'""", [year])}
    stated = rows(con, "SELECT province_id, indicator_id, year, comparator FROM observations "
                       "WHERE kind IN ('target', 'trajectory')")
    for r in coverage:
        key = (r["province_id"], r["indicator_id"])
        mine = [o for o in stated if (o["province_id"], o["indicator_id"]) == key]
        absolute = sorted({o["year"] for o in mine if o["comparator"] != "relative"})
        relative = sorted({o["year"] for o in mine if o["comparator"] == "relative"})
        if key in covered:
            assert r["status"] == "covered"
        elif absolute:
            assert (r["status"], r["years"]) == ("other_year", absolute)
        elif relative:
            assert (r["status"], r["years"]) == ("relative", relative)
        elif r["qualitative"]:
            # a target without a number (Sơn La: universal health insurance) is not "none"
            assert (r["status"], r["years"]) == (
                "qualitative", sorted({q["year"] for q in r["qualitative"]}))
        else:
            assert (r["status"], r["years"]) == ("none", [])
    if year == 2030:
        son_la = next(r for r in coverage if (r["province_id"], r["indicator_id"])
                      == ("son_la", "physical_activity"))
        assert (son_la["status"], son_la["years"]) == ("relative", [2030])


def test_reform_text_vietnamese(wh: report.Warehouse) -> None:
    """Vietnamese notes for Lào Cai (merged with Yên Bái from 1 July 2025) and Thừa Thiên Huế
    (renamed Thành phố Huế from 1 January 2025), none for Lai Châu (unchanged)."""
    names = {r["province_id"]: r["name_vi"] for r in wh.provinces}
    # the names written in the notes are the provinces table's
    assert (names["lao_cai"], names["yen_bai"], names["hue"]) == ("Lào Cai", "Yên Bái",
                                                                  "Thành phố Huế")
    lao_cai = report.reform_text(wh, "lao_cai", 2024, 2030, "vi")
    assert lao_cai == ("Lào Cai hợp nhất với Yên Bái từ 01/07/2025: số liệu trước thời điểm "
                       "này chỉ thuộc địa giới tỉnh cũ")
    hue = report.reform_text(wh, "thua_thien_hue", 2023, 2025, "vi")
    assert hue == ("Thừa Thiên Huế trở thành Thành phố Huế từ 01/01/2025: đổi tên, giữ nguyên "
                   "địa giới; số liệu vẫn so sánh được")
    assert report.reform_text(wh, "lai_chau", 2020, 2030, "vi") is None
    lineage = reform.lineage(wh.provinces)
    assert reform.note("lao_cai", 2024, 2030, lineage, "vi") == lao_cai
    assert reform.note("thua_thien_hue", 2023, 2025, lineage, "vi") == hue
    assert reform.note("lai_chau", 2020, 2030, lineage, "vi") is None
    # both years on one side of the change: nothing to note
    assert report.reform_text(wh, "lao_cai", 2020, 2024, "vi") is None
    assert report.reform_text(wh, "thua_thien_hue", 2025, 2030, "vi") is None


YEAR_PAIRS = [(2020, 2024), (2024, 2030), (2023, 2025), (2024, 2025), (2025, 2025),
              (2025, 2026), (2026, 2030), (2030, 2024)]


def test_reform_text_english_equals_harmonize(wh: report.Warehouse, con: Any) -> None:
    """In English, report.reform_text is harmonize.reform_note (the pandas face) for every
    province of the warehouse and several year pairs."""
    provinces = con.execute("SELECT * FROM provinces ORDER BY rowid").df()
    noted = 0
    for p in provinces["province_id"]:
        for a, b in YEAR_PAIRS:
            text = report.reform_text(wh, p, a, b, "en")
            assert text == harmonize.reform_note(p, a, b, provinces), (p, a, b)
            noted += text is not None
    assert noted >= 5


# --------------------------------------------------------------------------------------------
# an outdated warehouse
# --------------------------------------------------------------------------------------------
def test_load_names_a_missing_table(con: Any, tmp_path: Path) -> None:
    """A warehouse without national_benchmark (built by an older vnhealth) is refused with an
    error naming the table and saying to rebuild."""
    present = [r["table_name"] for r in rows(
        con, "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'")]
    assert "national_benchmark" in present
    old = tmp_path / "old.duckdb"
    out = duckdb.connect(str(old))
    try:
        for table in present:
            if table == "national_benchmark":
                continue
            frame = con.execute(f'SELECT * FROM "{table}"').df()
            out.register("frame", frame)
            out.execute(f'CREATE TABLE "{table}" AS SELECT * FROM frame')
            out.unregister("frame")
    finally:
        out.close()
    with pytest.raises(VnhealthError) as err:
        report.load(old)
    message = str(err.value)
    assert "national_benchmark" in message
    assert "rebuild" in message
    # the tables that are there are not named as missing
    assert "observation_values" not in message


# --------------------------------------------------------------------------------------------
# Table
# --------------------------------------------------------------------------------------------
def test_table_distinct_is_sorted_unique(wh: report.Warehouse) -> None:
    """distinct(column) gives the sorted unique values, missing ones left out."""
    table = report.comparison_table(wh, ["son_la", "lai_chau"],
                                    ["life_expectancy", "doctors_per_10k"], 2030)
    assert table.distinct("province_id") == ["lai_chau", "son_la"]
    kinds = {r["kind"] for r in table}
    assert None in kinds  # a pair without a target
    assert table.distinct("kind") == sorted(k for k in kinds if k is not None)
    assert table.distinct("year") == [2030]


def test_table_to_pandas_same_rows(wh: report.Warehouse) -> None:
    """to_pandas() gives a DataFrame with the table's columns and rows."""
    for table in (report.comparison_table(wh, PLANS, ["life_expectancy"], 2030),
                  report.pace_table(wh, PLANS, None, 2030),
                  report.profile_table(wh, "son_la")):
        df = table.to_pandas()
        assert isinstance(df, pd.DataFrame)
        assert list(df.columns) == table.columns
        assert len(df) == len(table) > 0
        back = [{k: plain(v) for k, v in r.items()} for r in df.astype(object).to_dict("records")]
        assert back == [{k: plain(r.get(k)) for k in table.columns} for r in table]


def test_empty_table_to_pandas_keeps_columns(wh: report.Warehouse) -> None:
    """An empty table still has its columns (so that code on the frame does not break)."""
    table = report.pace_table(wh, PLANS, None, 1900)
    assert len(table) == 0 and table.columns
    df = table.to_pandas()
    assert df.empty and list(df.columns) == table.columns


def test_a_rebuilt_warehouse_is_read_afresh(warehouse_path: Path, tmp_path: Path) -> None:
    """DuckDB shares one open database per file path in a process: a kernel that loaded the
    warehouse must still see the new data after `vnhealth build` replaces the file (and so
    must any plain duckdb.connect of that path); the old Warehouse then says it is closed."""
    path = tmp_path / "warehouse.duckdb"
    path.write_bytes(warehouse_path.read_bytes())
    old = report.load(path)
    first = old.build_hash
    rebuilt = tmp_path / "rebuilt.duckdb"
    rebuilt.write_bytes(warehouse_path.read_bytes())
    con = duckdb.connect(str(rebuilt))
    con.execute("UPDATE build_info SET build_hash = 'rebuilt'")
    con.close()
    rebuilt.replace(path)  # as the build does: a new file renamed over the old one
    assert report.load(path).build_hash == "rebuilt" != first
    plain = duckdb.connect(str(path), read_only=True)
    assert plain.execute("SELECT build_hash FROM build_info").fetchone() == ("rebuilt",)
    plain.close()
    with pytest.raises(VnhealthError, match="report.load"):
        old.query("SELECT 1")


# --------------------------------------------------------------------------------------------
# one vocabulary: the report's terms, their orders and labels come from vnhealth.inputs.terms
# --------------------------------------------------------------------------------------------
REPORT_DIR = Path(report.__file__).parent


def test_term_labels_are_the_vocabularies(repo_root: Path) -> None:
    """Every term's words are vnhealth.inputs.terms's labels (the texts no longer copy them), and
    the
    report's label() gives them for a term's value, as the explorer asks for them."""
    from vnhealth.inputs import terms
    from vnhealth.inputs.yamlsafe import safe_load

    for lang in ("vi", "en"):
        keys = safe_load((REPORT_DIR / "texts" / f"{lang}.yaml").read_text("utf-8"))["labels"]
        for term in terms.TERMS.values():
            for member in term:
                assert member.value not in keys, (lang, member.value)
                assert report.label(member.value, lang) == member.label(lang)
        assert report.label("legend.lower", lang) == terms.BoundKind.LOWER.label(lang)
        assert report.label("legend.interpolated", lang) == terms.Method.INTERPOLATED.label(lang)
    assert report.label("level with national", "vi") == "ngang mục tiêu quốc gia"
    assert report.label("trajectory", "en") == "Milestone"


def _literals(path: Path) -> set[str]:
    import ast

    return {n.value for n in ast.walk(ast.parse(path.read_text("utf-8")))
            if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def test_report_writes_no_term_of_its_own() -> None:
    """No module of the report package spells an assessment, a method or a kind's value, or
    keeps an order of them (``_KIND_ORDER = {"target": 0, …}``): they come from
    vnhealth.inputs.terms (an order of its own is a tuple of its members)."""
    from vnhealth.inputs import terms

    spelled = {m.value for t in (terms.Assessment, terms.Method, terms.Kind, terms.Direction)
               for m in t}
    for path in sorted(REPORT_DIR.glob("*.py")):
        assert not (_literals(path) & spelled), (path.name, _literals(path) & spelled)
    from vnhealth.report import charts, profile, queries

    assert terms.Method.order() == queries.METHOD_ORDER
    assert profile._PROFILE_KIND_ORDER == (terms.Kind.BASELINE, terms.Kind.ACTUAL,
                                           terms.Kind.TRAJECTORY, terms.Kind.TARGET)
    assert not hasattr(charts, "_PATH_KIND_ORDER")


# --------------------------------------------------------------------------------------------
# accessible charts and tables: a chart says what it finds in words and links to its numbers;
# a table has a caption, headings of columns, and its verdicts in words, not colour alone
# --------------------------------------------------------------------------------------------
BRIEF = ["life_expectancy", "healthy_life_years", "health_insurance_coverage",
         "doctors_per_station", "epi_vaccine_coverage"]
NORTH = ["lai_chau", "son_la"]


def _charts(wh: report.Warehouse, lang: str) -> dict[str, report.Figure]:
    table = report.comparison_table(wh, NORTH, BRIEF, 2030)
    pace = report.pace_table(wh, NORTH, BRIEF, 2030)
    coverage = report.coverage_table(wh, PLANS, None, 2025)
    return {"bars": report.interval_bars(wh, table, lang),
            "heatmap": report.heatmap(wh, table, lang, width=report.BRIEF_WIDTH),
            "dumbbells": report.dumbbells(wh, pace, table, lang),
            "pace": report.pace_chart(wh, pace, lang),
            "coverage": report.coverage_chart(wh, coverage, 2025, lang),
            "paths": report.trajectories(wh, "lai_chau", lang, peers=["son_la"])}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_chart_says_what_it_finds(wh: report.Warehouse, lang: str) -> None:
    """Charts had a title only: a reader who cannot see one had nothing, one who can had to
    work the finding out. Each now has a description (what it shows) and a caption (what it
    finds), in the report's language, every number from the rows it draws."""
    import unicodedata

    charts = _charts(wh, lang)
    for name, fig in charts.items():
        for text in (fig.caption, fig.description):
            assert text and text.endswith(".") and unicodedata.is_normalized("NFC", text), name
        assert "{" not in fig.caption and "cap." not in fig.caption, fig.caption
    caption = {name: fig.caption for name, fig in charts.items()}
    if lang == "vi":
        assert ("Lai Châu so với mục tiêu quốc gia: kém hơn ở 2 chỉ tiêu (tuổi thọ trung bình "
                "và số năm sống khỏe mạnh)") in caption["bars"]
        assert "Lai Châu – tuổi thọ trung bình (−5,5 năm)" in caption["heatmap"]
        assert "từ 2,7 bác sĩ/trạm (2025) đến 4–5 bác sĩ/trạm (2030)" in caption["dumbbells"]
        assert "Kế hoạch của Sơn La không nêu hiện trạng." in caption["dumbbells"]
        assert "Lai Châu – tuổi thọ trung bình (×2,1)" in caption["pace"]
    else:
        assert "Lai Chau against the national targets: behind on 2" in caption["bars"]
        assert "Lai Chau – life expectancy at birth (−5.5 years)" in caption["heatmap"]
        assert "Faster than the national pace: Lai Chau" in caption["pace"]
    coverage = report.coverage_table(wh, PLANS, None, 2025)
    for p in PLANS:
        n = sum(r["status"] == "covered" for r in coverage if r["province_id"] == p)
        assert f"{wh.province_name(p, lang)} {n}" in caption["coverage"]
    panels = sum(1 for k, v in charts["paths"].layout.items()
                 if k.startswith("xaxis") and "range" in v)
    assert f" {panels} " in caption["paths"]


def test_a_chart_is_a_figure_named_captioned_and_linked_to_its_table(wh: report.Warehouse
                                                                      ) -> None:
    """What a report shows (report.show): the chart in a <figure>, an image to assistive
    technology named by its title and description, its finding as the <figcaption>, a link
    to the table with its numbers; the phone's layout in the script, drawn below the width
    the chart is laid out for."""
    import html

    table = report.comparison_table(wh, NORTH, BRIEF, 2030)
    fig = report.interval_bars(wh, table, "vi", width=report.BRIEF_WIDTH)
    markup = report.chart_bundle(fig)["text/html"]
    assert markup.startswith('<figure class="vnh-figure"><div id="vnh-fig-')
    name = re.search(r'class="vnh-chart"[^>]* role="img" aria-label="([^"]+)"', markup)
    assert name and html.unescape(name[1]).startswith("Mục tiêu năm 2030 theo tỉnh")
    assert fig.description in html.unescape(name[1])
    caption = re.search(r"<figcaption>(.*?)</figcaption>", markup, re.S)
    assert caption and html.escape(fig.caption, quote=False).split(" (")[0] in caption[1]
    assert ('<a class="vnh-table-link" href="#vnh-table-comparison" '
            'data-tables="vnh-table-comparison vnh-table-ambition">') in caption[1]
    assert f"clientWidth<{report.BRIEF_WIDTH}?n:w" in markup
    narrow = re.search(r"var w=f,n=(\{.*\}),d=document", markup)
    assert narrow and json.loads(narrow[1]) == fig.narrow.to_dict()
    # the bare display bundle (JupyterLab, tests) stays as it was
    assert report.figure_bundle(fig)["text/html"].startswith('<div id="vnh-fig-')


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_tables_have_captions_column_headings_and_verdicts_in_words(wh: report.Warehouse,
                                                                    lang: str) -> None:
    """A verdict was told by colour (and a symbol whose words were in the CSS only): each
    verdict cell now holds its words, visually hidden; every table has a caption, headings
    of columns (scope="col") and the id a chart links to."""
    table = report.comparison_table(wh, NORTH, BRIEF, 2030)
    pace = report.pace_table(wh, NORTH, BRIEF, 2030)
    coverage = report.coverage_table(wh, NORTH, BRIEF, 2030)
    book = report.SourceBook(wh, lang)
    profile = report.profile_table(wh, "lai_chau")
    markups = {"comparison": report.table_html(wh, table, book),
               "ambition": report.ambition_html(wh, table, book),
               "pace": report.pace_html(wh, pace, book),
               "coverage": report.coverage_html(wh, coverage, book, 2030),
               "profile": report.profile_html(wh, profile, book),
               "documents": report.documents_html(wh, NORTH, lang)}
    markups["sources"] = book.html(compact=True)
    for name, markup in markups.items():
        assert markup.count("<caption>") == markup.count("<table"), name
        heads = re.findall(r"<thead>(.*?)</thead>", markup, re.S)
        assert heads and all(th.startswith('<th scope="col"') for h in heads
                             for th in re.findall(r"<th\b[^>]*>", h)), name
        if name != "sources":
            assert f'id="vnh-table-{name}"' in markup, name
    words = {v: report.label(f"verdict.{v}", lang) for v in ("better", "level", "worse")}
    cells = re.findall(r'<td class="vnh-value (vnh-better|vnh-level|vnh-worse)[^"]*"[^>]*>'
                       r"(.*?)</td>", markups["comparison"], re.S)
    assert {c[0] for c in cells} >= {"vnh-level", "vnh-worse"}
    for verdict, content in cells:
        assert f'<span class="vnh-sr">{words[verdict.removeprefix("vnh-")]}</span>' in content


def test_chart_markup_loads_neither_pandas_nor_plotly(warehouse_path: Path,
                                                      repo_root: Path) -> None:
    """What report.show displays (chart_bundle: the figure, its phone layout, captions) is
    built in a report kernel too, without pandas, numpy or plotly."""
    code = textwrap.dedent("""
        import json, sys
        from vnhealth import report
        wh = report.load(sys.argv[1])
        table = report.comparison_table(wh, ["lai_chau", "son_la"], ["life_expectancy"], 2030)
        n = len(report.chart_bundle(report.interval_bars(wh, table, "vi"))["text/html"])
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("pandas", "numpy", "plotly"))
        print(json.dumps({"n": n, "heavy": heavy}))
    """)
    done = subprocess.run([sys.executable, "-c", code, str(warehouse_path)],
                          capture_output=True, text=True, cwd=repo_root, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["heavy"] == [] and result["n"] > 1000


def test_profile_shows_changes_with_no_baseline_as_written(wh: report.Warehouse) -> None:
    """Thừa Thiên Huế's plan (QĐ 788) sets four targets as changes on 2015, whose 2015 levels
    it does not give ("Giảm 20% / so với năm / 2015", lines 597-601): observation_values cannot
    hold them, and the profile showed none of them. Each is now a row in the plan's words."""
    profile = report.profile_table(wh, "thua_thien_hue")
    written = {(r["indicator_id"], r["line"]): r for r in profile if r["as_written"]}
    assert set(written) == {("drug_treatment_coverage", 336), ("harmful_alcohol_use", 391),
                            ("hiv_new_infections_per_100k", 552), ("ncd_mortality", 597)}
    assert all(r["year"] == 2025 and r["relative_to"] == "2015" for r in written.values())
    # the values in the indicator's unit are still every other row, unchanged
    values = wh.query("SELECT obs_id FROM observation_values WHERE province_id = ?",
                      ["thua_thien_hue"])
    assert {r["obs_id"] for r in profile if not r["as_written"]} == {r["obs_id"] for r in values}
    for lang, texts in (("vi", ["giảm 20% so với năm 2015", "tăng 30% so với năm 2015",
                                "giảm 40% so với năm 2015"]),
                        ("en", ["down 20% on 2015", "up 30% on 2015"])):
        markup = report.profile_html(wh, profile, report.SourceBook(wh, lang))
        for text in texts:
            assert f">{text}" in markup, (lang, text)
    # Lào Cai's yearly fall of the crude birth rate ("giảm 0,3‰/năm"), with no level to
    # apply it to
    markup = report.profile_html(wh, report.profile_table(wh, "lao_cai"),
                                 report.SourceBook(wh, "vi"))
    assert ">giảm 0,3‰ mỗi năm" in markup
