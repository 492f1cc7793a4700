"""The SQL layer: views and materialized tables give the library's answers on the real documents.

The warehouse is the session build of tests/conftest.py (the repository's real inputs). Values
asserted here were read by hand in the source documents; each test cites document and line.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from vnhealth.build.sqlfiles import view_files
from vnhealth.harmonize.frames import (
    align,
    compare,
    required_pace,
    resolve_relative,
    to_indicator_units,
)
from vnhealth.inputs.errors import InputError

VIEWS = ("v_observations", "v_coverage", "v_gaps", "v_pace")
MACRO = "comparison_matrix"


def rows(con: Any, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def frame(con: Any, sql: str) -> pd.DataFrame:
    return con.execute(sql).df()


# --------------------------------------------------------------------------------------------
# the files in sql/
# --------------------------------------------------------------------------------------------
def test_one_view_per_file_named_after_it(repo_root: Path, con: Any) -> None:
    files = {p.stem for p in (repo_root / "sql").glob("*.sql")}
    assert {*VIEWS, MACRO} <= files
    views = {r["view_name"] for r in rows(con, "SELECT view_name FROM duckdb_views() "
                                               "WHERE NOT internal")}
    macros = {r["function_name"] for r in rows(
        con, "SELECT function_name FROM duckdb_functions() WHERE function_type = 'table_macro' "
             "AND NOT internal")}
    assert files == views | macros


def test_view_files_run_after_the_views_they_use(tmp_path: Path) -> None:
    sql = tmp_path / "sql"
    sql.mkdir()
    (sql / "a_top.sql").write_text("-- a_top: uses z_base\nCREATE VIEW a_top AS "
                                   "SELECT * FROM z_base;\n", encoding="utf-8")
    (sql / "z_base.sql").write_text("-- z_base: base\nCREATE VIEW z_base AS SELECT 1 AS x;\n",
                                    encoding="utf-8")
    assert [f.name for f in view_files(sql)] == ["z_base", "a_top"]
    # A name inside a comment or a string is not a dependency.
    (sql / "b_other.sql").write_text("-- b_other: not z_base\n-- mentions a_top\nCREATE VIEW "
                                     "b_other AS SELECT 'a_top' AS x;\n", encoding="utf-8")
    assert [f.name for f in view_files(sql)] == ["b_other", "z_base", "a_top"]
    (sql / "z_base.sql").write_text("-- z_base: cycle\nCREATE VIEW z_base AS "
                                    "SELECT * FROM a_top;\n", encoding="utf-8")
    with pytest.raises(InputError, match="cycle"):
        view_files(sql)


def test_a_file_must_be_named_after_its_view(tmp_path: Path) -> None:
    sql = tmp_path / "sql"
    sql.mkdir()
    (sql / "v_x.sql").write_text("-- v_y: wrong name\nCREATE VIEW v_y AS SELECT 1;\n",
                                 encoding="utf-8")
    with pytest.raises(InputError, match="v_x"):
        view_files(sql)


def test_view_headers_are_nfc_and_bilingual(repo_root: Path) -> None:
    for f in view_files(repo_root / "sql"):
        assert f.title and f.title_vi, f"{f.path.name}: needs `-- name: …` and `-- vi: …`"
        raw = f.path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", raw), f.path.name


# --------------------------------------------------------------------------------------------
# the library and the SQL layer agree
# --------------------------------------------------------------------------------------------
def _national_newest_first(national: pd.DataFrame) -> pd.DataFrame:
    """The documented rule: the most recent source (date written in source_doc) comes first."""
    def date(text: str) -> str:
        m = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", text)
        return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}" if m else ""
    national = national.assign(_d=national["source_doc"].map(date))
    return national.sort_values(["_d", "source_line"], ascending=[False, True],
                                kind="stable").drop(columns="_d")


def test_comparison_table_equals_harmonize_compare(con: Any) -> None:
    harmonized = frame(con, "SELECT * FROM harmonized")
    national = _national_newest_first(frame(con, "SELECT * FROM national_targets"))
    indicators = frame(con, "SELECT * FROM indicators")
    expected = compare(harmonized, national, indicators)
    key = ["province_id", "indicator_id", "year", "kind"]
    expected = expected.sort_values(key).reset_index(drop=True)
    got = frame(con, "SELECT * FROM comparison").sort_values(key).reset_index(drop=True)
    assert len(got) == len(expected) == len(harmonized)
    for col in ("direction", "national_comparator", "national_source", "assessment"):
        assert got[col].astype(object).where(got[col].notna(), None).tolist() == \
            expected[col].astype(object).where(expected[col].notna(), None).tolist(), col
    for col in ("value", "national_value", "gap", "better_by"):
        pd.testing.assert_series_equal(got[col].astype("float64"),
                                       expected[col].astype("float64"), check_names=False)
    for col in ("ahead", "national_conflict"):
        assert got[col].astype("boolean").tolist() == expected[col].astype("boolean").tolist()


def test_v_gaps_is_the_comparison_with_a_national_value(con: Any) -> None:
    n_view = con.execute("SELECT count(*) FROM v_gaps").fetchone()[0]
    n_table = con.execute("SELECT count(*) FROM comparison WHERE is_primary "
                          "AND national_value IS NOT NULL").fetchone()[0]
    assert n_view == n_table > 0
    dup = con.execute("SELECT count(*) FROM (SELECT province_id, indicator_id, year FROM v_gaps "
                      "GROUP BY ALL HAVING count(*) > 1)").fetchone()[0]
    assert dup == 0, "v_gaps has one row per province × indicator × year"


def test_v_pace_equals_required_pace(con: Any) -> None:
    obs = frame(con, "SELECT * FROM observations")
    indicators = frame(con, "SELECT * FROM indicators")
    provinces = frame(con, "SELECT * FROM provinces")
    documents = frame(con, "SELECT doc_id, coalesce(CAST(issued_on AS VARCHAR), "
                           "CAST(period_start AS VARCHAR)) AS issued_on FROM documents")
    resolved = resolve_relative(to_indicator_units(obs, indicators), documents=documents)
    expected = required_pace(resolved, provinces=provinces, documents=documents)
    got = frame(con, "SELECT * FROM v_pace ORDER BY province_id, indicator_id")
    expected = expected.sort_values(["province_id", "indicator_id"]).reset_index(drop=True)
    assert got["indicator_id"].tolist() == expected["indicator_id"].tolist()
    pd.testing.assert_series_equal(got["pace_per_year"].astype("float64"),
                                   expected["pace_per_year"].astype("float64"),
                                   check_names=False)


def test_comparison_matrix_equals_align(con: Any) -> None:
    obs = frame(con, "SELECT * FROM observations WHERE comparator <> 'relative'")
    indicators = frame(con, "SELECT * FROM indicators")
    documents = frame(con, "SELECT doc_id, coalesce(CAST(issued_on AS VARCHAR), "
                           "CAST(period_start AS VARCHAR)) AS issued_on FROM documents")
    aligned = align(to_indicator_units(obs, indicators), 2023, documents=documents)
    aligned = aligned[aligned["province_id"].eq("lai_chau")]
    matrix = frame(con, "SELECT * FROM comparison_matrix(2023) WHERE province_id = 'lai_chau'")
    got = dict(zip(matrix["indicator_id"], matrix["value"], strict=True))
    for r in aligned.to_dict("records"):
        if pd.notna(r["value"]):
            assert got[r["indicator_id"]] == pytest.approx(r["value"]), r["indicator_id"]


# --------------------------------------------------------------------------------------------
# real values, checked by hand against the documents
# --------------------------------------------------------------------------------------------
def test_lai_chau_life_expectancy_2027_is_stated(con: Any) -> None:
    # lai_chau_2026_2030_kh_48_nq_07.txt line 153: "Tuổi thọ trung bình | Tuổi | 68,5 | 70 |
    # 68,8 | 69,1 | 69,4 | 69,7 | 70" — the 2027 column is 69,1.
    r = rows(con, "SELECT * FROM comparison_matrix(2027) WHERE province_id = 'lai_chau' "
                  "AND indicator_id = 'life_expectancy'")
    assert len(r) == 1
    assert r[0]["value"] == pytest.approx(69.1)
    assert r[0]["method"] == "stated"
    assert r[0]["kind"] == "trajectory"


def test_lai_chau_hypertension_2023_is_interpolated(con: Any) -> None:
    # lai_chau_2021_2025_kh_ctmt_y_te_dan_so.txt lines 61–63: "Tăng tỷ lệ người bị Tăng huyết áp
    # được quản lý và điều trị từ 35% năm 2020 lên 50%" → 35 + (50 − 35) × 3/5 = 44 in 2023.
    r = rows(con, "SELECT * FROM harmonized WHERE province_id = 'lai_chau' "
                  "AND indicator_id = 'hypertension_managed' AND year = 2023")
    assert len(r) == 1
    assert r[0]["value"] == pytest.approx(44.0)
    assert r[0]["method"] == "interpolated"
    assert (r[0]["anchor_year_before"], r[0]["anchor_year_after"]) == (2020, 2025)


def test_son_la_life_expectancy_2030_is_one_year_behind(con: Any) -> None:
    # son_la_2026_2030_kh_01.txt lines 23, 53, 147: "tuổi thọ trung bình đạt 74,5 tuổi";
    # national_targets.csv line 3: NQ 72-NQ/TW, life expectancy 75.5 in 2030.
    r = rows(con, "SELECT * FROM v_gaps WHERE province_id = 'son_la' "
                  "AND indicator_id = 'life_expectancy' AND year = 2030")
    assert len(r) == 1
    assert r[0]["value"] == pytest.approx(74.5)
    assert r[0]["national_value"] == pytest.approx(75.5)
    assert r[0]["gap"] == pytest.approx(-1.0)
    assert r[0]["ahead"] is False
    assert r[0]["national_source"].startswith("NQ 72-NQ/TW")


def test_lao_cai_2024_target_is_missing_in_2030_with_a_reform_note(con: Any) -> None:
    # lao_cai_2024_kh_thuc_hien_de_an_07.txt line 97: "Tuổi thọ trung bình: 73,5 tuổi" — a plan
    # for 2024 only; its 2030 value must be missing, not carried.
    r = rows(con, "SELECT * FROM v_gaps WHERE province_id = 'lao_cai' "
                  "AND indicator_id = 'life_expectancy' AND year = 2030")
    assert len(r) == 1
    assert r[0]["method"] == "missing"
    assert r[0]["value"] is None and r[0]["gap"] is None and r[0]["ahead"] is None
    assert r[0]["nearest_year"] == 2024
    assert r[0]["nearest_value"] == pytest.approx(73.5)
    assert r[0]["nearest_gap"] == pytest.approx(-2.0)
    assert "Yên Bái" in r[0]["reform_note"]
    assert "1 July 2025" in r[0]["reform_note"]
    # Its own year needs no note: 2024 against the 2024 plan.
    same_year = rows(con, "SELECT reform_note FROM comparison WHERE province_id = 'lao_cai' "
                          "AND indicator_id = 'life_expectancy' AND year = 2024")
    assert [x["reform_note"] for x in same_year] == [None]


def test_no_comparison_is_carried_forward(con: Any) -> None:
    assert con.execute("SELECT count(*) FROM harmonized WHERE method = 'carried_forward'"
                       ).fetchone()[0] == 0


def test_national_values_are_a_benchmark_never_a_province(con: Any) -> None:
    provinces = {r["province_id"] for r in rows(con, "SELECT province_id FROM provinces")}
    for table in ("observations", "harmonized", "comparison", "pace", "v_gaps", "v_pace",
                  "v_coverage"):
        ids = {r["province_id"] for r in rows(con, f"SELECT DISTINCT province_id FROM {table}")}
        assert ids <= provinces, f"{table} has non-province rows: {ids - provinces}"
    assert con.execute("SELECT count(*) FROM comparison_matrix(2030) "
                       "WHERE province_id NOT IN (SELECT province_id FROM provinces)"
                       ).fetchone()[0] == 0


def test_national_reference_is_mapped_and_sourced(con: Any, repo_root: Path) -> None:
    csv_rows = pd.read_csv(repo_root / "data" / "reference" / "national_targets.csv")
    n = con.execute("SELECT count(*) FROM national_targets n JOIN indicators USING "
                    "(indicator_id) WHERE source_doc <> '' AND source_url <> ''").fetchone()[0]
    assert n == len(csv_rows)


def test_two_sources_for_one_year_keep_both_and_use_the_most_recent(con: Any) -> None:
    # national_targets.csv line 22: QĐ 201/QĐ-TTg (27/02/2024), doctors per 10,000 = 15 in 2025;
    # line 32: the National Assembly's 2021–2025 plan (27/7/2021) says 10. The newer one wins.
    r = rows(con, "SELECT DISTINCT national_value, national_source, national_conflict, "
                  "national_statements FROM v_gaps WHERE indicator_id = 'doctors_per_10k' "
                  "AND year = 2025")
    assert len(r) == 1
    assert r[0]["national_value"] == 15
    assert r[0]["national_conflict"] is True
    first, second = r[0]["national_source"].split("; ", 1)
    assert first.startswith("QĐ 201/QĐ-TTg") and second.startswith("NQ Quốc hội")
    assert "15 per_10000" in r[0]["national_statements"]
    assert "10 per_10000" in r[0]["national_statements"]
    # Life expectancy 2025: Resolution 20-NQ/TW (2017, line 13) and the National Assembly's plan
    # (2021, line 30) agree on 74.5; both are listed, the newer first.
    le = rows(con, "SELECT DISTINCT national_value, national_source, national_conflict "
                   "FROM v_gaps WHERE indicator_id = 'life_expectancy' AND year = 2025")
    assert le[0]["national_value"] == 74.5 and le[0]["national_conflict"] is False
    assert le[0]["national_source"].startswith("NQ Quốc hội")
    assert "NQ 20-NQ/TW" in le[0]["national_source"]


def test_lai_chau_pace_next_to_the_national_pace(con: Any) -> None:
    # lai_chau_2026_2030 line 153: life expectancy 68.5 (2025) → 70 (2030): 0.3 a year.
    # National: 74.8 achieved in 2025 (national_targets.csv line 43) → 75.5 in 2030 (line 3).
    r = rows(con, "SELECT * FROM v_pace WHERE province_id = 'lai_chau' "
                  "AND indicator_id = 'life_expectancy'")[0]
    assert (r["baseline_year"], r["target_year"]) == (2025, 2030)
    assert r["pace_per_year"] == pytest.approx(0.3)
    assert r["national_pace_per_year"] == pytest.approx(0.14)
    assert r["steeper_than_national"] is True
    assert r["pace_status"] == "ok"


def test_v_coverage_rows_and_national_columns(con: Any) -> None:
    r = rows(con, "SELECT province_id, has_target, target_years, n_provinces, "
                  "has_national_target, national_years FROM v_coverage "
                  "WHERE indicator_id = 'life_expectancy' ORDER BY province_id")
    assert [x["province_id"] for x in r] == ["lai_chau", "lao_cai", "son_la", "thua_thien_hue"]
    assert all(x["has_target"] for x in r)
    assert {x["n_provinces"] for x in r} == {4}
    assert r[0]["national_years"] == "2025, 2030, 2045"
    assert r[2]["target_years"] == "2030, 2045"  # Sơn La: 2030 and the 2045 vision


def test_views_answer_read_only_connections(warehouse_path: Path) -> None:
    con = duckdb.connect(str(warehouse_path), read_only=True)
    try:
        for name in VIEWS:
            assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] > 0, name
    finally:
        con.close()
