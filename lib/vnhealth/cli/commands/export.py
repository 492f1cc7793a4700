"""`vnhealth export` (the warehouse as CSV, Parquet or XLSX) and `vnhealth dictionary`.

    vnhealth export --format xlsx --out exports/          # exports/vnhealth.xlsx
    vnhealth export --format csv --bom --out exports/csv  # CSV that Excel opens as UTF-8
    vnhealth export --format parquet --out exports/parquet
    vnhealth export --format csv --out exports/csv --tables v_gaps,observations

Every table and view is exported (table macros are functions, not data):

* ``csv``: ``DIR/<name>.csv``, UTF-8, a header row of column names, empty cells for NULL.
  With ``--bom`` (for Excel, which reads a CSV without a byte-order mark in the machine's
  code page and garbles Vietnamese) the file starts with a UTF-8 BOM, and text beginning with
  ``=``, ``+``, ``-`` or ``@`` gets a leading ``'`` so that Excel does not take it for a
  formula (many quotes start with a ``-`` bullet), as the explorer's CSV download does.
* ``parquet``: tables and views with a ``province_id`` column (except the ``provinces``
  dimension itself) are written as Hive-partitioned datasets,
  ``DIR/<name>/province_id=<id>/part-0.parquet``, which pandas (``pd.read_parquet(DIR/name)``),
  Spark and Trino read as they are; the others as ``DIR/<name>.parquet``.
* ``xlsx``: one workbook ``DIR/vnhealth.xlsx`` for provincial statistics officers: a contents
  sheet (*Mục lục*) whose sheet names link to the sheets, one sheet per table or view under a
  Vietnamese name (*Số liệu trích xuất* for ``observations``), its header row the Vietnamese
  column labels of sql/schema.yaml, frozen and with an autofilter; values of a closed
  vocabulary shown as their Vietnamese labels (*càng cao càng tốt*, not ``higher_is_better``;
  the *Nhãn giá trị* sheet lists the codes), dates as Excel dates (dd/mm/yyyy); the *Cột*
  sheet maps each label to its column. CSV and Parquet keep the codes.

`vnhealth dictionary` regenerates docs/data-dictionary.md (see :mod:`vnhealth.build.dictionary`).
Only files named after the exported tables are replaced in DIR; nothing else there is touched.
"""

from __future__ import annotations

import argparse
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vnhealth.cli.commands import add_warehouse_option, examples, subcommand
from vnhealth.cli.commands.sql import open_warehouse
from vnhealth.inputs.errors import ParameterError, VnhealthError, select_named
from vnhealth.inputs.paths import ProjectPaths

EXPORT_FORMATS = ("csv", "parquet", "xlsx")
WORKBOOK = "vnhealth.xlsx"
# Dimension tables keep one file even when they have a province_id column.
NOT_PARTITIONED = frozenset({"provinces"})
_SHEET_MAX = 31  # Excel's limit on sheet names
CONTENTS, COLUMNS_SHEET, TERMS_SHEET = "Mục lục", "Cột", "Nhãn giá trị"
DATE_FORMAT, TIMESTAMP_FORMAT = "dd/mm/yyyy", "dd/mm/yyyy hh:mm"
BOM = "\ufeff".encode()
# Vietnamese sheet names (at most 31 characters, none of []:*?/\); a table or view missing here
# keeps its own name, and tests/cli/test_export.py asks for one for every table and view.
SHEET_NAMES_VI: dict[str, str] = {
    "provinces": "Tỉnh",
    "units": "Đơn vị",
    "indicators": "Chỉ số",
    "documents": "Văn bản",
    "statements": "Câu có số liệu",
    "observations": "Số liệu trích xuất",
    "quarantine": "Giá trị bị cách ly",
    "qualitative_targets": "Chỉ tiêu định tính",
    "national_targets": "Chỉ tiêu quốc gia",
    "build_info": "Bản dựng",
    "harmonized": "Giá trị chuẩn hóa",
    "comparison": "So sánh với quốc gia",
    "pace": "Tốc độ cần đạt",
    "national_benchmark": "Chuẩn so sánh quốc gia",
    "observation_values": "Giá trị theo đơn vị chỉ số",
    "v_coverage": "Độ bao phủ chỉ tiêu",
    "v_gaps": "Chênh lệch với quốc gia",
    "v_observations": "Số liệu kèm tên",
    "v_pace": "Tốc độ so với quốc gia",
}


def export(con: Any, out: Path, fmt: str, names: list[str] | None = None,
           paths: ProjectPaths | None = None, *, bom: bool = False) -> list[Path]:
    """Export the tables and views of an open warehouse to ``out``; returns what was written.

    ``bom`` (CSV only) writes files for Excel: a UTF-8 byte-order mark, formulas defused."""
    from vnhealth.build.sqlfiles import warehouse_objects

    if fmt not in EXPORT_FORMATS:
        raise ParameterError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    if bom and fmt != "csv":
        raise ParameterError(f"--bom: only for --format csv (Excel reads {fmt} as it is)")
    objects = select_named([o for o in warehouse_objects(con) if o.type in ("table", "view")],
                           names, lambda o: o.name, "table or view")
    out.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        return [_xlsx(con, objects, out / WORKBOOK, paths or ProjectPaths.at())]
    written = []
    for obj in objects:
        table = _arrow(con, obj.name)
        if fmt == "csv":
            written.append(_csv(table, out / f"{obj.name}.csv", bom))
        else:
            written.append(_parquet(table, out, obj.name))
    return written


def _arrow(con: Any, name: str) -> Any:
    # Identifiers come from the warehouse's own catalogue, never from user text.
    return con.sql(f'SELECT * FROM "{name}"').to_arrow_table()


def _csv(table: Any, path: Path, bom: bool = False) -> Path:
    import pyarrow.csv as pacsv

    if bom:
        table = _defuse_formulas(table)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as fh:
        if bom:
            fh.write(BOM)
        pacsv.write_csv(table, fh, pacsv.WriteOptions(quoting_style="needed"))
    tmp.replace(path)
    return path


def _defuse_formulas(table: Any) -> Any:
    """Text columns with a leading ``'`` before ``=``, ``+``, ``-`` or ``@``: Excel opens a CSV
    cell beginning with one of them as a formula (``- Tuổi thọ…`` shows as #NAME?)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = [pc.replace_substring_regex(col, pattern=r"^([=+\-@])", replacement=r"'\1")
               if pa.types.is_string(col.type) or pa.types.is_large_string(col.type) else col
               for col in table.columns]
    return pa.table(columns, names=table.column_names)


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
    """The Vietnamese sheet name of a table or view (its own name when it has none), made
    unique and cut to Excel's 31 characters."""
    base = SHEET_NAMES_VI.get(name, name)[:_SHEET_MAX]
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


def vocabularies(paths: ProjectPaths) -> dict[str, str]:
    """Column name → the closed vocabulary (:data:`vnhealth.inputs.terms.TERMS`) its values come
    from, as sql/schema.yaml's `accepted:` declares it. A column name has one meaning across
    tables and views (docs/naming.md), so views inherit their tables' vocabularies."""
    from vnhealth.inputs.schema import project_schema

    found: dict[str, str] = {}
    for table in project_schema(paths).tables.values():
        for col in table.columns:
            if col.accepted:
                found.setdefault(col.name, col.accepted)
    return found


@dataclass
class _Sheet:
    """One table or view's sheet: its title, header labels and how each column is written."""

    title: str
    obj: Any
    labels: list[str]
    vocab: list[str | None]  # per column: the vocabulary whose labels replace its values
    n_rows: int


class _Book:
    """A write-only workbook: sheets with a bold frozen header, widths and an autofilter."""

    def __init__(self) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font

        # Write-only mode streams rows to the file: several times faster for the big tables.
        self.wb = Workbook(write_only=True)
        self.bold = Font(bold=True)

    def sheet(self, title: str, header: list[str], widths: list[int], n_rows: int) -> Any:
        """A new sheet with its header row written; the autofilter covers ``n_rows`` rows."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils import get_column_letter

        ws = self.wb.create_sheet(title)
        ws.freeze_panes = "A2"
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.auto_filter.ref = f"A1:{get_column_letter(max(len(header), 1))}{n_rows + 1}"
        cells = []
        for label in header:
            cell = WriteOnlyCell(ws, value=label)
            cell.font = self.bold
            cells.append(cell)
        ws.append(cells)
        return ws

    def link(self, ws: Any, title: str) -> Any:
        """A cell showing ``title`` that opens that sheet of the workbook."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.worksheet.hyperlink import Hyperlink

        cell = WriteOnlyCell(ws, value=title)
        quoted = title.replace("'", "''")
        cell.hyperlink = Hyperlink(ref="", location=f"'{quoted}'!A1")
        cell.style = "Hyperlink"
        return cell


def _converters(ws: Any, sheet: _Sheet) -> list[Any]:
    """Per column, a function from a DuckDB value to what the cell holds: a vocabulary value
    as its Vietnamese label, a date as an Excel date (dd/mm/yyyy), text beginning with "="
    as text (openpyxl would write it as a formula), anything else as it is."""
    from openpyxl.cell import WriteOnlyCell

    from vnhealth.inputs.terms import TERMS

    def dated(fmt: str) -> Any:
        def convert(value: Any) -> Any:
            if value is None:
                return None
            if getattr(value, "tzinfo", None) is not None:  # Excel has no time zones
                value = value.replace(tzinfo=None)
            cell = WriteOnlyCell(ws, value=value)
            cell.number_format = fmt
            return cell
        return convert

    def plain(value: Any) -> Any:
        value = _excel_value(value)
        if isinstance(value, str) and value.startswith("="):
            cell = WriteOnlyCell(ws, value=value)
            cell.data_type = "s"
            return cell
        return value

    out = []
    for (_name, dtype, _comment), vocab in zip(sheet.obj.columns, sheet.vocab, strict=True):
        if vocab:
            labels = {m.value: m.label_vi for m in TERMS[vocab]}
            out.append(lambda v, labels=labels: labels.get(v, v))
        elif dtype == "DATE":
            out.append(dated(DATE_FORMAT))
        elif dtype.startswith("TIMESTAMP"):
            out.append(dated(TIMESTAMP_FORMAT))
        else:
            out.append(plain)
    return out


def _data_sheet(book: _Book, con: Any, sheet: _Sheet) -> None:
    ws = book.sheet(sheet.title, sheet.labels,
                    [min(max(len(label) + 2, 10), 40) for label in sheet.labels],
                    sheet.n_rows)
    convert = _converters(ws, sheet)
    cursor = con.execute(f'SELECT * FROM "{sheet.obj.name}"')
    while batch := cursor.fetchmany(5000):
        for row in batch:
            ws.append([f(v) for f, v in zip(convert, row, strict=True)])


def _contents_sheet(book: _Book, sheets: list[_Sheet], desc: Any, n_columns: int,
                    n_terms: int) -> None:
    """*Mục lục*: one row per sheet, its name a link to it, with the table or view it holds,
    its row count and what it is."""
    ws = book.sheet(CONTENTS, ["Trang tính", "Bảng / khung nhìn", "Loại", "Số dòng", "Mô tả",
                               "Description"], [26, 24, 12, 10, 60, 60], len(sheets) + 2)
    for s in sheets:
        en, vi = desc.describe(s.obj.name)
        kind = {"table": "bảng", "view": "khung nhìn"}[s.obj.type]
        ws.append([book.link(ws, s.title), s.obj.name, kind, s.n_rows, vi, en])
    ws.append([book.link(ws, COLUMNS_SHEET), None, "tra cứu", n_columns,
               "Nhãn, tên, kiểu và mô tả của mọi cột", "Every column: label, name, type"])
    ws.append([book.link(ws, TERMS_SHEET), None, "tra cứu", n_terms,
               "Mã và nhãn của các giá trị được hiển thị bằng nhãn",
               "The codes behind the value labels shown in the sheets"])


def _reference_sheets(book: _Book, sheets: list[_Sheet]) -> None:
    """*Cột* (every column: label, name, type, description) and *Nhãn giá trị* (each
    vocabulary's codes with their Vietnamese and English labels)."""
    from vnhealth.inputs.terms import TERMS

    rows = [[s.title, label, col, dtype, vocab or "", comment]
            for s in sheets
            for label, (col, dtype, comment), vocab in zip(s.labels, s.obj.columns, s.vocab,
                                                           strict=True)]
    ws = book.sheet(COLUMNS_SHEET, ["Trang tính", "Nhãn cột", "Tên cột", "Kiểu",
                                    "Nhãn giá trị", "Description"],
                    [26, 30, 26, 12, 14, 80], len(rows))
    for row in rows:
        ws.append(row)
    used = sorted({v for s in sheets for v in s.vocab if v})
    terms = [[name, m.value, m.label_vi, m.label_en] for name in used for m in TERMS[name]]
    ws = book.sheet(TERMS_SHEET, ["Danh mục", "Mã", "Nhãn", "Label"], [16, 30, 40, 40],
                    len(terms))
    for row in terms:
        ws.append(row)


def _xlsx(con: Any, objects: list[Any], path: Path, paths: ProjectPaths) -> Path:
    from vnhealth.build.sqlfiles import load_descriptions
    from vnhealth.inputs.terms import TERMS

    desc = load_descriptions(paths)
    vocab = vocabularies(paths)
    used = {CONTENTS, COLUMNS_SHEET, TERMS_SHEET}
    sheets = [_Sheet(_sheet_name(o.name, used),
                     o, _unique_labels([desc.label_vi(o.name, c) for c, _t, _d in o.columns]),
                     [vocab.get(c) for c, _t, _d in o.columns],
                     con.execute(f'SELECT count(*) FROM "{o.name}"').fetchone()[0])
              for o in objects]
    n_terms = sum(len(TERMS[v]) for v in {v for s in sheets for v in s.vocab if v})
    book = _Book()
    # The contents sheet comes first, so the row counts are gathered before it is written.
    _contents_sheet(book, sheets, desc, sum(len(s.labels) for s in sheets), n_terms)
    for sheet in sheets:
        _data_sheet(book, con, sheet)
    _reference_sheets(book, sheets)
    tmp = path.with_name(path.name + ".tmp")
    book.wb.save(tmp)
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
    con = open_warehouse(args.warehouse, args.root)
    try:
        written = export(con, out, args.format, names, paths, bom=args.bom)
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
    from vnhealth.build.dictionary import run

    return run(args)


EXPORT_EXAMPLES = (
    "vnhealth export --format xlsx --out exports/          # exports/vnhealth.xlsx",
    "vnhealth export --format csv --bom --out exports/csv  # for Excel",
    "vnhealth export --format parquet --out exports/parquet",
    "vnhealth export --format csv --out exports/csv --tables v_gaps,observations",
)


def register(subparsers: Any) -> None:
    """Add `export` and `dictionary` to the `vnhealth` command."""
    e = subcommand(
        subparsers, "export",
        help="export the warehouse's tables and views as csv, parquet or xlsx",
        description="Export every table and view: CSV files (--bom for Excel), Parquet "
                    "partitioned by province (Hive layout), or one XLSX workbook in "
                    "Vietnamese: a linked contents sheet, Vietnamese sheet names and column "
                    "labels, value labels instead of codes, dates as dates, autofilters.",
        epilog=examples(*EXPORT_EXAMPLES, notes="Exit status: 0, or 2 on a bad option, an "
                        "unknown table or an unwritable --out."))
    e.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    e.add_argument("--out", required=True, metavar="DIR", help="directory to write into")
    e.add_argument("--tables", help="comma-separated tables or views (default: all)")
    e.add_argument("--bom", action="store_true",
                   help="csv for Excel: a UTF-8 byte-order mark, and a leading ' before text "
                        "that begins with = + - @ (Excel would read it as a formula)")
    add_warehouse_option(e, "warehouse file (default: ROOT/data/warehouse.duckdb)")
    e.add_argument("--root", help="project root (default: this repository or $VNHEALTH_ROOT)")
    e.set_defaults(func=cmd_export)

    from vnhealth.build.dictionary import DICTIONARY_PATH

    d = subcommand(
        subparsers, "dictionary",
        help="regenerate docs/data-dictionary.md from the catalogue and schema",
        description="Build the warehouse afresh (or read --warehouse) and write the data "
                    "dictionary: tables, views, columns, indicators, units, checks, examples.",
        epilog=examples("vnhealth dictionary --warehouse data/warehouse.duckdb "
                        "--out dictionary.md",
                        notes="Exit status: 0; with --check, 1 when the file is out of date; "
                              "2 on bad input."))
    # The options of vnhealth.build.dictionary.add_arguments, with the shared name for the
    # warehouse.
    d.add_argument("--root", help="project root (default: this repository or $VNHEALTH_ROOT)")
    add_warehouse_option(d, "read this warehouse instead of building a fresh one", dest="db")
    d.add_argument("--out", help=f"file to write (default: ROOT/{DICTIONARY_PATH})")
    d.add_argument("--check", action="store_true",
                   help="do not write; exit 1 when the file is out of date")
    d.set_defaults(func=cmd_dictionary)
