"""The warehouse contract (DESIGN §3), deterministic builds, and a document never seen before."""

from __future__ import annotations

import csv
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import yaml

from vnhealth.build.warehouse import build

CONTRACT = {
    "provinces": ["province_id", "gso_code", "name_vi", "name_en", "status_2025",
                  "successor_id"],
    "documents": ["doc_id", "province_id", "title", "doc_number", "issued_on", "period_start",
                  "period_end", "source_file", "sha256", "n_lines"],
    "indicators": ["indicator_id", "name_vi", "name_en", "domain", "unit", "direction"],
    "statements": ["statement_id", "doc_id", "line_start", "line_end", "text", "is_mapped"],
    "observations": ["obs_id", "doc_id", "province_id", "indicator_id", "kind", "year",
                     "comparator", "value", "value_high", "unit", "line", "quote",
                     "statement_id", "source"],
    "national_targets": ["indicator_id", "year", "comparator", "value", "value_high", "unit",
                         "source_doc", "source_url"],
    "harmonized": ["province_id", "indicator_id", "year", "kind", "value", "value_low",
                   "value_high", "unit", "method", "n_observations"],
}


def test_tables_and_columns_follow_the_contract(con) -> None:
    for table, columns in CONTRACT.items():
        have = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        missing = [c for c in columns if c not in have]
        assert not missing, f"{table} lacks {missing}"


def test_values_follow_the_contract(con) -> None:
    kinds = {r[0] for r in con.execute("SELECT DISTINCT kind FROM observations").fetchall()}
    assert kinds <= {"target", "baseline", "actual", "trajectory"}
    cmps = {r[0] for r in con.execute("SELECT DISTINCT comparator FROM observations").fetchall()}
    assert cmps <= {"=", "<", "<=", ">", ">=", "range", "relative"}
    # ranges carry their high end; relative changes say against what
    assert con.execute("SELECT count(*) FROM observations WHERE (comparator = 'range') <> "
                       "(value_high IS NOT NULL)").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM observations WHERE comparator = 'relative' AND "
                       "relative_to IS NULL").fetchone()[0] == 0
    units = {r[0] for r in con.execute("SELECT unit_id FROM units").fetchall()}
    used = {r[0] for r in con.execute("SELECT DISTINCT unit FROM observations").fetchall()}
    assert used <= units
    # documents: the sha256 recorded is that of the committed raw bytes
    for source_file, sha in con.execute("SELECT source_file, sha256 FROM documents").fetchall():
        path = Path(__file__).resolve().parents[2] / source_file
        assert hashlib.sha256(path.read_bytes()).hexdigest() == sha


def test_national_targets_are_a_benchmark(con) -> None:
    le_2030 = con.execute("SELECT value, source_doc FROM national_targets WHERE indicator_id = "
                          "'life_expectancy' AND year = 2030").fetchall()
    assert le_2030 == [(75.5, "NQ 72-NQ/TW (Bộ Chính trị, 09/09/2025)")]
    # never a fifth province
    assert con.execute("SELECT count(*) FROM observations WHERE province_id NOT IN "
                       "(SELECT province_id FROM provinces)").fetchone()[0] == 0
    n = con.execute("SELECT count(*) FROM national_targets").fetchone()[0]
    reference = Path(__file__).resolve().parents[2] / "data/reference/national_targets.csv"
    with reference.open(encoding="utf-8", newline="") as fh:
        assert n == len(list(csv.DictReader(fh)))  # every row of the reference, mapped


def _contents(path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
            "ORDER BY 1").fetchall()]
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall()))
                for t in tables}
    finally:
        con.close()


def test_same_inputs_same_contents(tmp_path: Path, repo_root: Path, warehouse_path: Path
                                   ) -> None:
    again = tmp_path / "again.duckdb"
    build(repo_root, again)
    assert _contents(again) == _contents(warehouse_path)


def test_build_report(built) -> None:
    _path, report = built
    assert report.documents == 5
    assert report.observations == report.observations_rule + report.observations_ledger
    assert report.observations >= 240
    assert report.unmapped_statements > 0  # counts and budgets are found, and left unmapped
    assert "unmapped numeric stmts" in report.summary()


def test_cli_build_prints_the_report(tmp_path: Path, repo_root: Path) -> None:
    out = tmp_path / "w.duckdb"
    done = subprocess.run([sys.executable, "-m", "vnhealth.cli.main", "build", "--root",
                           str(repo_root), "--out", str(out)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    for word in ("documents", "numeric statements", "observations", "unmapped"):
        assert word in done.stdout
    assert out.exists() and not list(tmp_path.glob(".w.duckdb.tmp*"))


NEW_PLAN = """\
KẾ HOẠCH
Chăm sóc sức khỏe nhân dân tỉnh Điện Biên giai đoạn 2026-2030

II. MỤC TIÊU
2. Mục tiêu cụ thể đến năm 2030
- Tuổi thọ trung bình đạt 71,2 tuổi; số năm sống khoẻ mạnh đạt tối thiểu 64 năm.
- Giảm tỷ lệ trẻ em dưới 5 tuổi bị SDD thể thấp còi xuống dưới 22%.
- Tỷ lệ bao phủ BHYT đạt trên 96% dân số; đạt 12 bác sỹ/vạn dân.
- Tăng tỷ lệ người bị tăng huyết áp được quản lý và điều trị từ 40% năm 2025 lên 60%.
- Đào tạo 30 bác sỹ chuyên khoa, kinh phí 12,5 tỷ đồng.

PHỤ LỤC
STT\tChỉ tiêu\tĐơn vị tính\tThực hiện 2025\tChỉ tiêu\t2028\t2030
1\tTỷ lệ tiêm chủng các vắc xin trong Chương trình tiêm chủng thiết yếu\t%\t93\t&gt;95\t94\t>95
2\tTỷ suất tử vong trẻ em dưới 1 tuổi\t‰\t25\t<b>18</b>\t21\t18
"""


def test_a_plan_never_seen_before_is_read_by_the_same_rules(tmp_path: Path, repo_root: Path
                                                             ) -> None:
    """A new province's plan, in its own wording, needs only a manifest entry."""
    root = tmp_path / "project"
    shutil.copytree(repo_root / "data", root / "data",
                    ignore=shutil.ignore_patterns("warehouse.duckdb*"))
    # Điện Biên has no plan in the seeds, but the catalogue lists the whole country: no edit
    raw = root / "data/raw/dien_bien_2026_2030.txt"
    raw.write_text(NEW_PLAN, encoding="utf-8")
    manifest_path = root / "data/raw/documents.yaml"
    manifest = yaml.safe_load(manifest_path.read_text("utf-8"))
    manifest["documents"].append({
        "id": "dien_bien_2026_2030", "province": "dien_bien", "title": "Kế hoạch (test)",
        "doc_number": None, "issuer": None, "issued_on": None, "period_start": 2026,
        "period_end": 2030, "file": raw.name,
        "sha256": hashlib.sha256(raw.read_bytes()).hexdigest()})
    manifest_path.write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "w.duckdb"
    build(root, out)
    con = duckdb.connect(str(out), read_only=True)
    got = set(con.execute("""
        SELECT line, indicator_id, kind, year, comparator, value FROM observations
        WHERE doc_id = 'dien_bien_2026_2030'""").fetchall())
    con.close()
    assert got == {
        (6, "life_expectancy", "target", 2030, "=", 71.2),
        (6, "healthy_life_years", "target", 2030, ">=", 64.0),
        (7, "stunting_under5", "target", 2030, "<", 22.0),
        (8, "health_insurance_coverage", "target", 2030, ">", 96.0),
        (8, "doctors_per_10k", "target", 2030, "=", 12.0),
        (9, "hypertension_managed", "baseline", 2025, "=", 40.0),
        (9, "hypertension_managed", "target", 2030, "=", 60.0),
        (14, "epi_vaccine_coverage", "baseline", 2025, "=", 93.0),
        (14, "epi_vaccine_coverage", "target", 2030, ">", 95.0),
        (14, "epi_vaccine_coverage", "trajectory", 2028, "=", 94.0),
        (15, "infant_mortality", "baseline", 2025, "=", 25.0),
        (15, "infant_mortality", "target", 2030, "=", 18.0),
        (15, "infant_mortality", "trajectory", 2028, "=", 21.0),
    }


@pytest.mark.parametrize("table", ["observations", "harmonized"])
def test_warehouse_is_not_empty(con, table: str) -> None:
    assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0


def test_the_benchmark_corpus_builds(tmp_path: Path) -> None:
    """benchmarks/make_corpus.py writes a project the build accepts (its catalogue follows
    data/catalog's format): a small one here, the 500-document one in `make bench`."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    try:
        from make_corpus import make_corpus
    finally:
        sys.path.pop(0)
    real = len(yaml.safe_load((Path(__file__).resolve().parents[2] / "data/raw/documents.yaml")
                              .read_text(encoding="utf-8"))["documents"])
    make_corpus(tmp_path / "corpus", real + 3)
    report = build(tmp_path / "corpus", tmp_path / "corpus.duckdb")
    assert report.documents == real + 3
    assert report.observations > 244
