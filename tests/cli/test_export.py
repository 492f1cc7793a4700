"""`vnhealth export`: CSV (with a BOM for Excel), Parquet partitioned by province, and an XLSX
workbook in Vietnamese (sheet names, column and value labels, dates, links, autofilters)."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pyarrow.dataset as ds
import pytest

from vnhealth.build.sqlfiles import load_descriptions, warehouse_objects
from vnhealth.cli.commands.export import CONTENTS, SHEET_NAMES_VI
from vnhealth.cli.main import main
from vnhealth.inputs.paths import ProjectPaths
from vnhealth.inputs.terms import label

REPO = Path(__file__).resolve().parents[2]


def export(capsys: pytest.CaptureFixture[str], db: Path, fmt: str, out: Path,
           *extra: str) -> int:
    code = main(["export", "--warehouse", str(db), "--format", fmt, "--out", str(out), *extra])
    capsys.readouterr()
    return code


def counts(con: Any) -> dict[str, int]:
    return {o.name: con.execute(f'SELECT count(*) FROM "{o.name}"').fetchone()[0]
            for o in warehouse_objects(con) if o.type in ("table", "view")}


@pytest.fixture(scope="module")
def parquet_dir(warehouse_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "parquet"
    assert main(["export", "--warehouse", str(warehouse_path), "--format", "parquet", "--out",
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


@pytest.fixture(scope="module")
def workbook(warehouse_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    out = tmp_path_factory.mktemp("export") / "xlsx"
    assert main(["export", "--warehouse", str(warehouse_path), "--format", "xlsx", "--out",
                 str(out)]) == 0
    # Not read-only: hyperlinks, autofilters and number formats are read in full mode only.
    return openpyxl.load_workbook(out / "vnhealth.xlsx")


def sheet_of(wb: Any) -> dict[str, str]:
    """Table or view name → its sheet, as the contents sheet lists them."""
    rows = wb[CONTENTS].iter_rows(min_row=2, values_only=True)
    return {r[1]: r[0] for r in rows if r[1]}


def test_xlsx_has_a_sheet_per_table_with_vietnamese_labels(workbook: Any, con: Any) -> None:
    wb = workbook
    n = counts(con)
    assert wb.sheetnames[0] == "Mục lục"
    sheets = sheet_of(wb)
    assert set(sheets) == set(n)
    desc = load_descriptions(ProjectPaths.at(REPO))
    for obj in warehouse_objects(con):
        if obj.type not in ("table", "view"):
            continue
        ws = wb[sheets[obj.name]]
        header = [c.value for c in ws[1]]
        assert header == [desc.label_vi(obj.name, c) for c, _t, _d in obj.columns], obj.name
        assert len(set(header)) == len(header), f"{obj.name}: labels must be unique"
        assert ws.max_row == n[obj.name] + 1, obj.name
    header = [c.value for c in wb["Số liệu trích xuất"][1]]
    assert header[:4] == ["Mã bản ghi", "Mã văn bản", "Mã tỉnh", "Mã chỉ số"]
    assert "Trích dẫn" in header and "Dòng" in header
    gaps = [c.value for c in wb[sheets["v_gaps"]][1]]
    assert "Chênh lệch so với quốc gia" in gaps and "Chỉ tiêu quốc gia" in gaps
    by_table = {r[1]: r for r in wb[CONTENTS].iter_rows(min_row=2, values_only=True)}
    assert by_table["observations"][3] == n["observations"]
    assert by_table["observations"][4].startswith("Mọi chỉ tiêu định lượng")
    for text in header:
        assert unicodedata.is_normalized("NFC", text)


def test_xlsx_sheet_names_are_vietnamese_and_excel_safe(workbook: Any, con: Any) -> None:
    names = {o.name for o in warehouse_objects(con) if o.type in ("table", "view")}
    # Every table and view has a Vietnamese name: a new one must be given one in export.py.
    assert names <= set(SHEET_NAMES_VI), sorted(names - set(SHEET_NAMES_VI))
    for table, sheet in sheet_of(workbook).items():
        assert sheet == SHEET_NAMES_VI[table]
        assert len(sheet) <= 31 and not set(sheet) & set("[]:*?/\\")
        assert unicodedata.is_normalized("NFC", sheet)


def test_xlsx_contents_links_open_each_sheet(workbook: Any) -> None:
    rows = list(workbook[CONTENTS].iter_rows(min_row=2))
    assert len(rows) == len(workbook.sheetnames) - 1  # every other sheet, once
    for row in rows:
        link = row[0].hyperlink
        assert link is not None and link.target is None, row[0].value  # inside the workbook
        assert link.location == f"'{row[0].value}'!A1"
        assert row[0].value in workbook.sheetnames


def test_xlsx_every_sheet_has_an_autofilter_and_a_frozen_header(workbook: Any) -> None:
    for ws in workbook.worksheets:
        last = ws.cell(row=1, column=ws.max_column).column_letter
        assert ws.auto_filter.ref == f"A1:{last}{ws.max_row}", ws.title
        assert ws.freeze_panes == "A2", ws.title


def test_xlsx_shows_value_labels_not_codes(workbook: Any, con: Any) -> None:
    sheets = sheet_of(workbook)
    indicators = workbook[sheets["indicators"]]
    header = [c.value for c in indicators[1]]
    col = header.index("Chiều đánh giá")
    shown = {r[0]: r[col] for r in indicators.iter_rows(min_row=2, values_only=True)}
    assert shown["life_expectancy"] == "càng cao càng tốt"
    directions = dict(con.execute("SELECT indicator_id, direction FROM indicators").fetchall())
    assert shown == {i: label(d, "vi") for i, d in directions.items()}
    assert not {"higher_is_better", "lower_is_better"} & set(shown.values())
    # Observations: kind and comparator as labels, in the warehouse's row order; the labels
    # sheet maps each label back to its code.
    back = {(r[0], r[2]): r[1] for r in workbook["Nhãn giá trị"].iter_rows(min_row=2,
                                                                           values_only=True)}
    obs = workbook[sheets["observations"]]
    header = [c.value for c in obs[1]]
    k, c = header.index("Loại giá trị"), header.index("Phép so sánh")
    got = [(back["Kind", r[k]], back["Comparator", r[c]])
           for r in obs.iter_rows(min_row=2, values_only=True)]
    assert got == con.execute("SELECT kind, comparator FROM observations").fetchall()
    assert ("Comparator", "không quá") in back and back["Kind", "Mục tiêu"] == "target"


def test_xlsx_dates_are_dates(workbook: Any, con: Any) -> None:
    docs = workbook[sheet_of(workbook)["documents"]]
    col = [c.value for c in docs[1]].index("Ngày ban hành")
    cells = {r[0].value: r[col] for r in docs.iter_rows(min_row=2)}
    expected = dict(con.execute("SELECT doc_id, issued_on FROM documents").fetchall())
    dated = [d for d, v in expected.items() if v is not None]
    assert dated, "the warehouse has no issue date to check"
    for doc_id in dated:
        cell = cells[doc_id]
        assert cell.is_date and cell.number_format == "dd/mm/yyyy", doc_id
        assert cell.value.date() == expected[doc_id], doc_id


def test_csv_bom_for_excel(warehouse_path: Path, tmp_path: Path, con: Any,
                           capsys: pytest.CaptureFixture[str]) -> None:
    assert export(capsys, warehouse_path, "csv", tmp_path / "plain", "--tables",
                  "observations") == 0
    assert export(capsys, warehouse_path, "csv", tmp_path / "excel", "--bom", "--tables",
                  "observations") == 0
    plain = (tmp_path / "plain" / "observations.csv").read_bytes()
    excel = (tmp_path / "excel" / "observations.csv").read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf") and excel.startswith(b"\xef\xbb\xbf")
    with (tmp_path / "excel" / "observations.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = {r["obs_id"]: r for r in csv.DictReader(fh)}
    quotes = dict(con.execute("SELECT obs_id, quote FROM observations").fetchall())
    assert len(rows) == len(quotes)
    formula_like = [i for i, q in quotes.items() if q[:1] in ("=", "+", "-", "@")]
    assert formula_like, "no quote starts with a bullet: nothing to check"
    for obs_id, quote in quotes.items():
        # Excel would show "- Tuổi thọ…" as #NAME?; the ' keeps it text (Excel hides it).
        expected = "'" + quote if obs_id in formula_like else quote
        assert rows[obs_id]["quote"] == expected, obs_id
    value = con.execute("SELECT value FROM observations WHERE obs_id = ?",
                        [formula_like[0]]).fetchone()[0]
    assert float(rows[formula_like[0]]["value"]) == value  # numbers are left alone


def test_bom_is_for_csv_only(warehouse_path: Path, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--warehouse", str(warehouse_path), "--format", "xlsx", "--bom",
                 "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --bom") and "csv" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "vnhealth.xlsx").exists()


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
