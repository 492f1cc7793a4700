"""`vnhealth export`: CSV, Parquet partitioned by province, XLSX with Vietnamese labels."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pyarrow.dataset as ds
import pytest

from vnhealth.cli import main
from vnhealth.dictionary import load_descriptions, warehouse_objects
from vnhealth.paths import ProjectPaths

REPO = Path(__file__).resolve().parent.parent


def export(capsys: pytest.CaptureFixture[str], db: Path, fmt: str, out: Path,
           *extra: str) -> int:
    code = main(["export", "--db", str(db), "--format", fmt, "--out", str(out), *extra])
    capsys.readouterr()
    return code


def counts(con: Any) -> dict[str, int]:
    return {o.name: con.execute(f'SELECT count(*) FROM "{o.name}"').fetchone()[0]
            for o in warehouse_objects(con) if o.type in ("table", "view")}


@pytest.fixture(scope="module")
def parquet_dir(warehouse_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "parquet"
    assert main(["export", "--db", str(warehouse_path), "--format", "parquet", "--out",
                 str(out)]) == 0
    return out


def test_parquet_is_partitioned_by_province(parquet_dir: Path, con: Any) -> None:
    obs = parquet_dir / "observations"
    parts = sorted(p.name for p in obs.iterdir())
    provinces = sorted(r[0] for r in con.execute(
        "SELECT DISTINCT province_id FROM observations").fetchall())
    assert parts == [f"province_id={p}" for p in provinces]
    # pandas reads the Hive layout as it is, province_id restored from the folder names.
    df = pd.read_parquet(obs)
    assert len(df) == con.execute("SELECT count(*) FROM observations").fetchone()[0]
    assert sorted(df["province_id"].astype(str).unique()) == provinces
    son_la = df[df["province_id"].astype(str).eq("son_la")]
    assert set(son_la["doc_id"]) == {"son_la_2026_2030"}


def test_parquet_has_every_table_and_view(parquet_dir: Path, con: Any) -> None:
    for name, n in counts(con).items():
        path = parquet_dir / name
        if not path.is_dir():
            path = parquet_dir / f"{name}.parquet"
        assert path.exists(), name
        table = ds.dataset(path, format="parquet", partitioning="hive").to_table()
        assert table.num_rows == n, name
    # Dimensions without a province stay single files; so does the provinces table itself.
    assert (parquet_dir / "indicators.parquet").is_file()
    assert (parquet_dir / "provinces.parquet").is_file()
    assert (parquet_dir / "v_gaps").is_dir()


def test_parquet_keeps_values_and_vietnamese_text(parquet_dir: Path) -> None:
    gaps = pd.read_parquet(parquet_dir / "v_gaps")
    son_la = gaps[(gaps["province_id"].astype(str) == "son_la")
                  & (gaps["indicator_id"] == "life_expectancy") & (gaps["year"] == 2030)]
    assert son_la["gap"].tolist() == [-1.0]
    assert son_la["province_name_vi"].tolist() == ["Sơn La"]
    assert unicodedata.is_normalized("NFC", son_la["indicator_name_vi"].iloc[0])


def test_reexport_replaces_partitions(parquet_dir: Path, warehouse_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    stale = parquet_dir / "observations" / "province_id=gone"
    stale.mkdir()
    (stale / "part-0.parquet").write_bytes(b"old")
    keep = parquet_dir / "notes.txt"
    keep.write_text("mine", encoding="utf-8")
    assert export(capsys, warehouse_path, "parquet", parquet_dir, "--tables",
                  "observations") == 0
    assert not stale.exists()
    assert keep.read_text(encoding="utf-8") == "mine"


def test_csv(warehouse_path: Path, tmp_path: Path, con: Any,
             capsys: pytest.CaptureFixture[str]) -> None:
    assert export(capsys, warehouse_path, "csv", tmp_path) == 0
    n = counts(con)
    assert {p.stem for p in tmp_path.glob("*.csv")} == set(n)
    with (tmp_path / "observations.csv").open(encoding="utf-8", newline="") as fh:
        got = list(csv.DictReader(fh))
    assert len(got) == n["observations"]
    cols = [r[0] for r in con.execute("SELECT column_name FROM (DESCRIBE observations)")
            .fetchall()]
    assert list(got[0]) == cols
    row = next(r for r in got if r["obs_id"] == "lao_cai_2024:97:1")
    # lao_cai_2024 line 97: "- Tuổi thọ trung bình: 73,5 tuổi."
    assert (row["value"], row["value_text"], row["line"]) == ("73.5", "73,5", "97")
    assert "Tuổi thọ trung bình" in row["quote"]


def test_xlsx_has_a_sheet_per_table_with_vietnamese_labels(
        warehouse_path: Path, tmp_path: Path, con: Any,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert export(capsys, warehouse_path, "xlsx", tmp_path) == 0
    wb = openpyxl.load_workbook(tmp_path / "vnhealth.xlsx", read_only=True)
    n = counts(con)
    assert set(n) <= set(wb.sheetnames)
    assert wb.sheetnames[0] == "Mục lục"
    desc = load_descriptions(ProjectPaths.at(REPO))
    for obj in warehouse_objects(con):
        if obj.type not in ("table", "view"):
            continue
        ws = wb[obj.name]
        header = [c.value for c in next(ws.iter_rows(max_row=1))]
        assert header == [desc.label_vi(obj.name, c) for c, _t, _d in obj.columns], obj.name
        assert len(set(header)) == len(header), f"{obj.name}: labels must be unique"
        assert sum(1 for _ in ws.iter_rows(values_only=True)) == n[obj.name] + 1, obj.name
    header = [c.value for c in next(wb["observations"].iter_rows(max_row=1))]
    assert header[:4] == ["Mã bản ghi", "Mã văn bản", "Mã tỉnh", "Mã chỉ số"]
    assert "Trích dẫn" in header and "Dòng" in header
    gaps = [c.value for c in next(wb["v_gaps"].iter_rows(max_row=1))]
    assert "Chênh lệch so với quốc gia" in gaps and "Chỉ tiêu quốc gia" in gaps
    contents = [[c.value for c in r] for r in wb["Mục lục"].iter_rows(min_row=2)]
    by_sheet = {r[0]: r for r in contents}
    assert by_sheet["observations"][3] == n["observations"]
    assert by_sheet["observations"][4].startswith("Mọi chỉ tiêu định lượng")
    for label in header:
        assert unicodedata.is_normalized("NFC", label)


def test_unknown_table_and_bad_out(warehouse_path: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(warehouse_path), "--format", "csv", "--out",
                 str(tmp_path), "--tables", "nope"]) == 2
    assert "no table or view named nope" in capsys.readouterr().err
    file = tmp_path / "file.txt"
    file.write_text("x", encoding="utf-8")
    assert main(["export", "--db", str(warehouse_path), "--format", "csv", "--out",
                 str(file)]) == 2
    assert "not a directory" in capsys.readouterr().err
    assert main(["export", "--db", str(tmp_path / "none.duckdb"), "--format", "csv",
                 "--out", str(tmp_path)]) == 2
    assert "make warehouse" in capsys.readouterr().err
