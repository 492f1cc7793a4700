"""sql/examples/: each question a researcher asks, run on the real build, with its answer checked
by hand against the source documents (data/raw/) and the national reference
(data/reference/national_targets.csv). Each test cites the lines it was checked against."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest

from vnhealth.build.sqlfiles import SqlFile, example_files
from vnhealth.cli.commands.sql import Result, parse_param, run_query

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = {f.name: f for f in example_files(REPO / "sql")}


def run(con: Any, name: str, **params: Any) -> list[dict[str, Any]]:
    f = EXAMPLES[name]
    given = {**f.parameters, **params}
    # Header values are text; they are typed as `vnhealth sql --param` types them.
    bound = dict(parse_param(f"{k}={v}") for k, v in given.items())
    result: Result = run_query(con, f.sql, bound, where=str(f.path))
    return [dict(zip(result.columns, r, strict=True)) for r in result.rows]


def test_at_least_eight_examples_each_with_a_bilingual_question() -> None:
    assert len(EXAMPLES) >= 8
    for f in EXAMPLES.values():
        assert f.key == "Question", f"{f.path.name}: first line must be `-- Question: …`"
        assert f.title.endswith("?"), f.path.name
        assert f.title_vi and f.title_vi.endswith("?"), f"{f.path.name}: needs `-- Câu hỏi: …`"
        assert unicodedata.is_normalized("NFC", f.path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_example_runs_read_only(con: Any, name: str) -> None:
    f: SqlFile = EXAMPLES[name]
    assert run(con, name) is not None, f.path.name


def test_life_expectancy_2030_below_national(con: Any) -> None:
    # lai_chau_2026_2030_kh_48_nq_07.txt line 39 "tuổi thọ trung bình đạt 70 tuổi" and line 153
    # (target column <b>70</b>); son_la_2026_2030_kh_01.txt lines 23, 53, 147 "tuổi thọ trung
    # bình đạt 74,5 tuổi"; national 75.5 in 2030: national_targets.csv line 3 (NQ 72-NQ/TW).
    # Lào Cai (plan for 2024) and Thừa Thiên Huế (plan to 2025) state no 2030 value.
    got = run(con, "life_expectancy_2030_below_national")
    assert [(r["province_id"], r["life_expectancy_2030"], r["gap"]) for r in got] == [
        ("lai_chau", 70.0, pytest.approx(-5.5)), ("son_la", 74.5, pytest.approx(-1.0))]
    assert all(r["national_value"] == 75.5 for r in got)


def test_single_province_indicators(con: Any) -> None:
    got = run(con, "single_province_indicators")
    benchmarked = {(r["indicator_id"], r["province_id"]) for r in got if r["has_national_target"]}
    # Indicators with a national target that only one province targets (checked by searching
    # every document for the indicator's wording):
    # - hi_visits_at_commune: son_la lines 26, 56, 204 "khám bệnh, chữa bệnh bảo hiểm y tế tại
    #   trạm y tế cấp xã lên trên 20%";
    # - physical_activity: son_la lines 24, 54, 162 "hoạt động thể chất tăng thêm 10%";
    # - neonatal_mortality: thua_thien_hue line 520 "Tỷ suất tử vong trẻ sơ sinh", value "<8"
    #   line 528 (Lai Châu line 408 mentions it only as an activity);
    # - nurses_per_10k: thua_thien_hue line 206 "Số điều dưỡng trên 10.000 dân … 18 22 25";
    # - skilled_birth_attendance: thua_thien_hue line 318 "Tỷ lệ phụ nữ đẻ được cán bộ y tế
    #   đỡ", value 100 at line 325.
    assert benchmarked == {
        ("hi_visits_at_commune", "son_la"), ("physical_activity", "son_la"),
        ("neonatal_mortality", "thua_thien_hue"), ("nurses_per_10k", "thua_thien_hue"),
        ("skilled_birth_attendance", "thua_thien_hue")}
    # Benchmarked indicators come first.
    assert all(r["has_national_target"] for r in got[:len(benchmarked)])
    alone = {r["indicator_id"]: r["province_id"] for r in got}
    # lai_chau_2021_2025 lines 61–63 (hypertension managed, 35% → 50%): Lai Châu only.
    assert alone["hypertension_managed"] == "lai_chau"
    # lao_cai_2024 line 574 "Giảm tỷ suất sinh thô bình quân 0,3‰/năm": Lào Cai only.
    assert alone["crude_birth_rate"] == "lao_cai"
    # Life expectancy is targeted by all four plans, so it is not listed.
    assert "life_expectancy" not in alone


def test_lai_chau_path_speed_up(con: Any) -> None:
    # lai_chau_2026_2030_kh_48_nq_07.txt, appendix (columns: 2025 result, target, 2026–2030):
    # line 158 health insurance 95 | 100 | 95,2 95,4 95,6 95,8 100 → +0.2 a year, then +4.2 in
    # 2030; line 155 EPI coverage 95 | >95 | 95,03 95,03 95,04 95,06 >95 → +0, then +0.01
    # (2028), then +0.02 (2029). Life expectancy (line 153: +0.3 every year) and e-health records
    # (line 157: +10, then +5 a year) never speed up.
    got = run(con, "lai_chau_path_speed_up")
    assert [(r["indicator_id"], r["from_year"], r["year"], r["change_per_year"])
            for r in got] == [
        ("epi_vaccine_coverage", 2027, 2028, pytest.approx(0.01)),
        ("epi_vaccine_coverage", 2028, 2029, pytest.approx(0.02)),
        ("health_insurance_coverage", 2029, 2030, pytest.approx(4.2)),
    ]
    assert got[-1]["previous_change_per_year"] == pytest.approx(0.2)


def test_value_for_a_year_hypertension_2023(con: Any) -> None:
    # lai_chau_2021_2025 lines 61–63: "từ 35% năm 2020 lên 50%" (2025) → 44% in 2023.
    got = run(con, "value_for_a_year")
    assert len(got) == 1
    assert got[0]["value"] == pytest.approx(44.0)
    assert got[0]["method"] == "interpolated"
    assert "lai_chau_2021_2025:61:1" in got[0]["obs_ids"]
    # The same file answers for another year and indicator: Lai Châu life expectancy 2027 is
    # stated, 69,1 (lai_chau_2026_2030 line 153).
    other = run(con, "value_for_a_year", indicator="life_expectancy", year=2027)
    assert [(r["value"], r["method"]) for r in other] == [(69.1, "stated")]


def test_lao_cai_2024_against_2030(con: Any) -> None:
    # lao_cai_2024_kh_thuc_hien_de_an_07.txt: line 89 "45,7 giường bệnh; 14,5 bác sỹ và 3,5 dược
    # sỹ đại học/vạn dân"; 91 "thấp còi còn dưới 24,4%"; 97 "Tuổi thọ trung bình: 73,5 tuổi";
    # 99 "thẻ bảo hiểm y tế đạt trên 97%"; 102 "trẻ dưới 5 tuổi còn <19 ‰; dưới 1 tuổi còn
    # ≤ 13‰"; 104 "hồ sơ sức khỏe điện tử đạt trên 90%"; 105–107 "trạm y tế … bệnh không lây
    # nhiễm đạt trên 80%; 146/152 (96%) xã … đạt Bộ tiêu chí"; 111 "dưới 112 trẻ nam/100 trẻ
    # nữ"; 535 "đạt tối thiểu 65,5 năm". National 2030 values: national_targets.csv.
    got = run(con, "lao_cai_2024_against_2030")
    assert {r["indicator_id"]: r["nearest_value"] for r in got} == {
        "chs_ncd_services": 80.0, "communes_meeting_health_criteria": 96.0,
        "doctors_per_10k": 14.5, "ehealth_record_coverage": 90.0,
        "health_insurance_coverage": 97.0, "healthy_life_years": 65.5,
        "hospital_beds_per_10k": 45.7, "infant_mortality": 13.0, "life_expectancy": 73.5,
        "pharmacists_per_10k": 3.5, "sex_ratio_at_birth": 112.0, "stunting_under5": 24.4,
        "under5_mortality": 19.0}
    assert all(r["method_2030"] == "missing" and r["nearest_year"] == 2024 for r in got)
    assert all("Lào Cai merged with Yên Bái on 1 July 2025" in r["reform_note"] for r in got)
    ahead = {r["indicator_id"] for r in got if r["nearest_ahead"]}
    # 96% of communes (national 90%) and 45.7 beds per 10,000 (national 35) only.
    assert ahead == {"communes_meeting_health_criteria", "hospital_beds_per_10k"}


def test_behind_national_2025(con: Any) -> None:
    # lai_chau_2021_2025 line 234 "Giảm tỷ suất tử vong trẻ em dưới 1 tuổi xuống còn <28‰"
    # against < 12.5‰ (national_targets.csv line 15, QĐ 1493/QĐ-TTg); thua_thien_hue line 204
    # "Số dược sỹ đại học trên 10.000 dân … 2,1 2,6 3,1" against 3.4 (line 23, QĐ 201/QĐ-TTg).
    got = run(con, "behind_national_2025")
    assert [(r["province_id"], r["indicator_id"], r["value"], r["national_value"])
            for r in got] == [("lai_chau", "infant_mortality", 28.0, 12.5),
                              ("thua_thien_hue", "pharmacists_per_10k", 3.1, 3.4)]


def test_national_sources_disagree(con: Any) -> None:
    # national_targets.csv lines 21/33 (beds per 10,000 in 2025: 33 from QĐ 201/QĐ-TTg of 2024,
    # 30 from the National Assembly's 2021 plan) and 22/32 (doctors: 15 and 10).
    got = run(con, "national_sources_disagree")
    assert [(r["indicator_id"], r["year"], r["n_sources"], r["benchmark_value"])
            for r in got] == [("doctors_per_10k", 2025, 2, 15.0),
                              ("hospital_beds_per_10k", 2025, 2, 33.0)]
    assert got[0]["values_stated"] == "15.0 (line 22); 10.0 (line 32)"


def test_pace_steeper_than_national(con: Any) -> None:
    # lai_chau_2026_2030 line 153 (life expectancy 68,5 → 70: 0.3 a year) and line 158 (health
    # insurance 95 → 100: 1.0 a year); national: 74.8 → 75.5 (0.14 a year; lines 43 and 3) and
    # 95.15 → 100 (0.97 a year; lines 40 and 8) of national_targets.csv.
    got = run(con, "pace_steeper_than_national")
    assert [(r["province_id"], r["indicator_id"], r["pace_per_year"],
             r["national_pace_per_year"]) for r in got] == [
        ("lai_chau", "health_insurance_coverage", 1.0, 0.97),
        ("lai_chau", "life_expectancy", 0.3, 0.14)]


def test_doctors_per_station_2027(con: Any) -> None:
    # lai_chau_2026_2030 line 35 "Đến năm 2027, toàn tỉnh có ít nhất 4-5 bác sĩ/trạm y tế";
    # son_la lines 26/56 "đến năm 2027 phấn đấu có ít nhất từ 2-3 bác sĩ" and 198; national 4–5
    # (national_targets.csv line 9, NQ 72-NQ/TW).
    got = run(con, "doctors_per_station_2027")
    assert [(r["province_id"], r["value_low"], r["value_high"], r["gap"], r["assessment"])
            for r in got] == [("lai_chau", 4.0, 5.0, 0.0, "level with national"),
                              ("son_la", 2.0, 3.0, -2.0, "behind national")]


def test_provenance_son_la_life_expectancy(con: Any) -> None:
    # son_la_2026_2030_kh_01.txt: 74,5 in 2030 on lines 23, 53 and 147; the 2045 vision
    # "tuổi thọ trung bình đạt từ 80 tuổi trở lên" on lines 29 and 59.
    got = run(con, "provenance")
    assert [(r["year"], r["line"], r["value"]) for r in got] == [
        (2030, 23, 74.5), (2030, 53, 74.5), (2030, 147, 74.5), (2045, 29, 80.0),
        (2045, 59, 80.0)]
    assert all(r["source_file"] == "data/raw/son_la_2026_2030_kh_01.txt" for r in got)
    raw = (REPO / got[0]["source_file"]).read_text(encoding="utf-8").splitlines()
    for r in got:
        assert r["value_text"] in unicodedata.normalize("NFC", raw[r["line"] - 1])


def test_comparison_matrix_2030_wide(con: Any) -> None:
    got = {r["indicator_id"]: r for r in run(con, "comparison_matrix_2030_wide")}
    le = got["life_expectancy"]
    # Lai Châu 70 (line 153), Sơn La 74.5 (line 147); Lào Cai and Thừa Thiên Huế state none.
    assert (le["national_value"], le["lai_chau"], le["son_la"]) == (75.5, 70.0, 74.5)
    assert le["lao_cai"] is None and le["thua_thien_hue"] is None
    # Healthy life years 2030: Lai Châu 65 (line 39 "tối thiểu 65 năm"), Sơn La 68 (line 23).
    hly = got["healthy_life_years"]
    assert (hly["national_value"], hly["lai_chau"], hly["son_la"]) == (68.0, 65.0, 68.0)
