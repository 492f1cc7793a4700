"""`vnhealth export` (the warehouse as CSV, Parquet or XLSX) and `vnhealth dictionary`.

    vnhealth export --format parquet --out exports/parquet
    vnhealth export --format xlsx --out exports/      # exports/vnhealth.xlsx
    vnhealth export --format csv --out exports/csv --tables v_gaps,observations

Every table and view is exported (table macros are functions, not data):

* ``csv``: ``DIR/<name>.csv``, UTF-8, a header row of column names, empty cells for NULL.
* ``parquet``: tables and views with a ``province_id`` column (except the ``provinces``
  dimension itself) are written as Hive-partitioned datasets,
  ``DIR/<name>/province_id=<id>/part-0.parquet``, which pandas (``pd.read_parquet(DIR/name)``),
  Spark and Trino read as they are; the others as ``DIR/<name>.parquet``.
* ``xlsx``: one workbook ``DIR/vnhealth.xlsx`` with a contents sheet (*Mục lục*) and one sheet
  per table or view, whose header row holds the Vietnamese column labels of sql/schema.yaml,
  for provincial statistics officers; the contents sheet maps each label to its column.

`vnhealth dictionary` regenerates docs/data-dictionary.md (see :mod:`vnhealth.dictionary`).
Only files named after the exported tables are replaced in DIR; nothing else there is touched.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

from vnhealth.commands.sql import open_warehouse
from vnhealth.errors import ParameterError, VnhealthError, select_named
from vnhealth.paths import ProjectPaths

EXPORT_FORMATS = ("csv", "parquet", "xlsx")
WORKBOOK = "vnhealth.xlsx"
# Dimension tables keep one file even when they have a province_id column.
NOT_PARTITIONED = frozenset({"provinces"})
_SHEET_MAX = 31  # Excel's limit on sheet names


def export(con: Any, out: Path, fmt: str, names: list[str] | None = None,
           paths: ProjectPaths | None = None) -> list[Path]:
    """Export the tables and views of an open warehouse to ``out``; returns what was written."""
    from vnhealth.dictionary import warehouse_objects

    if fmt not in EXPORT_FORMATS:
        raise ParameterError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    objects = select_named([o for o in warehouse_objects(con) if o.type in ("table", "view")],
                           names, lambda o: o.name, "table or view")
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        return [_xlsx(con, objects, out / WORKBOOK, paths or ProjectPaths.at())]
    written = []
    for obj in objects:
        table = _arrow(con, obj.name)
        if fmt == "csv":
            written.append(_csv(table, out / f"{obj.name}.csv"))
        else:
            written.append(_parquet(table, out, obj.name))
    return written


def _arrow(con: Any, name: str) -> Any:
    # Identifiers come from the warehouse's own catalogue, never from user text.
    return con.sql(f'SELECT * FROM "{name}"').to_arrow_table()


def _csv(table: Any, path: Path) -> Path:
    import pyarrow.csv as pacsv

    tmp = path.with_name(path.name + ".tmp")
    pacsv.write_csv(table, tmp, pacsv.WriteOptions(quoting_style="needed"))
    tmp.replace(path)
    return path


def _parquet(table: Any, out: Path, name: str) -> Path:
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    # An empty table has no partition to write: it stays one file, with its columns.
    if ("province_id" in table.column_names and name not in NOT_PARTITIONED
            and table.num_rows):
        target = out / name
        # A partition that vanished since the last export must not linger in the dataset.
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
        ds.write_dataset(
            table, target, format="parquet", partitioning=["province_id"],
            partitioning_flavor="hive", basename_template="part-{i}.parquet",
            existing_data_behavior="delete_matching")
        return target
    target = out / f"{name}.parquet"
    if (out / name).is_dir():  # partitioned by an earlier export, when it had rows
        shutil.rmtree(out / name)
    pq.write_table(table, target)
    return target


def _sheet_name(name: str, used: set[str]) -> str:
    base = name[:_SHEET_MAX]
    candidate, n = base, 2
    while candidate in used:
        suffix = f"~{n}"
        candidate, n = base[:_SHEET_MAX - len(suffix)] + suffix, n + 1
    used.add(candidate)
    return candidate


def _excel_value(value: Any) -> Any:
    """A cell value openpyxl can write: lists and mappings as text, NaN as empty."""
    import json
    import math

    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def _xlsx(con: Any, objects: list[Any], path: Path, paths: ProjectPaths) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from vnhealth.dictionary import load_descriptions

    desc = load_descriptions(paths)
    # Write-only mode streams rows to the file: several times faster for the big tables.
    wb = Workbook(write_only=True)
    bold = Font(bold=True)

    def sheet(title: str, header: list[str], widths: list[int]) -> Any:
        ws = wb.create_sheet(title)
        ws.freeze_panes = "A2"
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        cells = []
        for label in header:
            cell = WriteOnlyCell(ws, value=label)
            cell.font = bold
            cells.append(cell)
        ws.append(cells)
        return ws

    contents_rows, column_rows = [], []
    used = {"Mục lục", "Cột"}
    data_sheets = []
    for obj in objects:
        title = _sheet_name(obj.name, used)
        labels = _unique_labels([desc.label_vi(obj.name, c) for c, _t, _d in obj.columns])
        data_sheets.append((title, obj, labels))
    # The contents sheet comes first, so its row counts are gathered before it is written.
    row_counts = {obj.name: con.execute(f'SELECT count(*) FROM "{obj.name}"').fetchone()[0]
                  for obj in objects}
    for title, obj, labels in data_sheets:
        en, vi = desc.describe(obj.name)
        kind = {"table": "bảng", "view": "khung nhìn"}[obj.type]
        contents_rows.append([title, obj.name, kind, row_counts[obj.name], vi, en])
        column_rows += [[title, label, col, dtype, comment]
                        for label, (col, dtype, comment) in zip(labels, obj.columns,
                                                                strict=True)]
    contents = sheet("Mục lục", ["Trang tính", "Bảng / khung nhìn", "Loại", "Số dòng",
                                 "Mô tả", "Description"], [22, 24, 12, 10, 60, 60])
    for row in contents_rows:
        contents.append(row)
    columns_sheet = sheet("Cột", ["Trang tính", "Nhãn cột", "Tên cột", "Kiểu", "Description"],
                          [22, 30, 26, 12, 80])
    for row in column_rows:
        columns_sheet.append(row)
    for title, obj, labels in data_sheets:
        ws = sheet(title, labels, [min(max(len(label) + 2, 10), 40) for label in labels])
        cursor = con.execute(f'SELECT * FROM "{obj.name}"')
        while batch := cursor.fetchmany(5000):
            for row in batch:
                ws.append([_excel_value(v) for v in row])
    tmp = path.with_name(path.name + ".tmp")
    wb.save(tmp)
    tmp.replace(path)
    return path


def _unique_labels(labels: list[str]) -> list[str]:
    """Header labels, made unique within a sheet (a repeated label gets a number)."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return out


def cmd_export(args: argparse.Namespace) -> int:
    """Export the warehouse; print what was written."""
    names = [n.strip() for n in args.tables.split(",") if n.strip()] if args.tables else None
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise ParameterError(f"--out {out}: exists and is not a directory")
    paths = ProjectPaths.at(args.root)
    con = open_warehouse(args.db, args.root)
    try:
        written = export(con, out, args.format, names, paths)
    except OSError as exc:
        raise VnhealthError(f"cannot write to {out}: {exc}") from exc
    finally:
        con.close()
    for path in written:
        print(path)
    print(f"exported {len(written)} file(s) as {args.format} to {out}")
    return 0


def cmd_dictionary(args: argparse.Namespace) -> int:
    """Regenerate docs/data-dictionary.md."""
    from vnhealth.dictionary import run

    return run(args)


def register(subparsers: Any) -> None:
    """Add `export` and `dictionary` to the `vnhealth` command."""
    e = subparsers.add_parser(
        "export", help="export the warehouse's tables and views as csv, parquet or xlsx",
        description="Export every table and view: CSV files, Parquet partitioned by province "
                    "(Hive layout), or one XLSX workbook with Vietnamese column labels.")
    e.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    e.add_argument("--out", required=True, metavar="DIR", help="directory to write into")
    e.add_argument("--tables", help="comma-separated tables or views (default: all)")
    e.add_argument("--db", help="warehouse file (default: ROOT/data/warehouse.duckdb)")
    e.add_argument("--root", help="project root (default: this repository or $VNHEALTH_ROOT)")
    e.set_defaults(func=cmd_export)

    from vnhealth.dictionary import add_arguments

    d = subparsers.add_parser(
        "dictionary", help="regenerate docs/data-dictionary.md from the catalogue and schema",
        description="Build the warehouse afresh (or read --db) and write the data "
                    "dictionary: tables, views, columns, indicators, units, checks, examples.")
    add_arguments(d)
    d.set_defaults(func=cmd_dictionary)
