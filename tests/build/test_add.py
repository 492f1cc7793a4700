"""`vnhealth add`: one command registers a document (.txt, .pdf, .docx) of any province.

Each test works on its own copy of the repository's data and sql/ (as
tests/inputs/test_bad_inputs.py does) and checks what a new user would: the file is copied
byte-identical, the manifest keeps its comments, the document's own description is read from its
text, the observation is found with its page and line, and a refusal leaves the project exactly
as it was."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import duckdb
import pytest
import yaml
from support import copy_project

from vnhealth.build.register import Given, add_document
from vnhealth.extract import Vocabulary
from vnhealth.extract.pipeline import extract_document
from vnhealth.inputs.catalog import load_catalog, load_manifest
from vnhealth.inputs.derive import derive_text, line_pages
from vnhealth.inputs.docmeta import load_document_words, read_facts
from vnhealth.inputs.errors import InputError, ParameterError, VnhealthError
from vnhealth.inputs.paths import ProjectPaths

REPO_ROOT = Path(__file__).resolve().parents[2]
TARGET = "- Tuổi thọ trung bình đạt 75 tuổi vào năm 2030."
HEADER = ["ỦY BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN", "Số: 22/KH-UBND",
          "Điện Biên, ngày 23 tháng 3 năm 2026", "KẾ HOẠCH",
          "Bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân giai đoạn 2026-2030",
          "Căn cứ Luật Khám bệnh, chữa bệnh;"]


def vnhealth(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "vnhealth"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "vnhealth.cli.main"]
    env = {k: v for k, v in os.environ.items() if k != "VNHEALTH_ROOT"}
    return subprocess.run([*command, *args], capture_output=True, text=True, env=env,
                          timeout=300)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the project's inputs, without any warehouse."""
    return copy_project(tmp_path / "project")


def snapshot(root: Path) -> dict[str, bytes]:
    raw = root / "data" / "raw"
    return {p.name: p.read_bytes() for p in sorted(raw.iterdir()) if p.is_file()}


# -- tiny documents, made here so the tests need nothing but the locked libraries ----------------

def tiny_pdf(pages: list[list[str]]) -> bytes:
    """A valid PDF whose text layer holds `pages` (one list of lines each), in any Unicode: a
    Type0 font whose ToUnicode map gives each character code its character (no font program is
    embedded: the text layer, not the look, is under test)."""
    chars = sorted({c for page in pages for line in page for c in line})
    code = {c: i + 1 for i, c in enumerate(chars)}
    streams = ["BT /F1 10 Tf 14 TL 40 800 Td\n" + "\n".join(
        "<" + "".join(f"{code[c]:04X}" for c in line) + "> Tj T*" for line in page) + "\nET"
        for page in pages]
    return _pdf(chars, streams, (595, 842))


CHAR_PT = 4  # the width of every character at the ruled PDF's 8 pt (the font's /DW 500)
LINE_PT = 14


# a table row's part a page break leaves on the page before it (its box open below) or on
# the page after it (open above)
OPEN_BELOW, OPEN_ABOVE = "open below", "open above"
Item = str | list[str] | tuple[list[str], str]


def _cells_of(item: list[str] | tuple[list[str], str]) -> list[str]:
    return item[0] if isinstance(item, tuple) else item


def ruled_pdf(pages: list[list[Item]], border: bool = False) -> bytes:
    """A PDF of `pages`, each a list of text lines and table rows (a list of cells, or a part
    of a row a page break splits: (cells, OPEN_BELOW or OPEN_ABOVE)): the rows that follow one
    another are one table, each cell drawn in its ruled box, as a word processor prints a
    plan's table; with `border`, each page framed by a ruled box."""
    chars = sorted({c for page in pages for item in page
                    for c in (item if isinstance(item, str) else "".join(_cells_of(item)))})
    code = {c: i + 1 for i, c in enumerate(chars)}
    rows = [_cells_of(item) for page in pages for item in page if not isinstance(item, str)]
    widths = [max(len(r[k]) for r in rows if k < len(r)) * CHAR_PT + 8
              for k in range(max(map(len, rows), default=0))]
    texts = [len(item) for page in pages for item in page if isinstance(item, str)]
    size = (max([sum(widths), *(n * CHAR_PT for n in texts)]) + 80,
            max(map(len, pages)) * LINE_PT + 80)

    def show(text: str, x: float, y: float) -> str:
        return f"BT /F1 8 Tf {x} {y} Td <" + "".join(f"{code[c]:04X}" for c in text) + "> Tj ET"

    streams = []
    for page in pages:
        ops, y = [], size[1] - 40
        for item in page:
            if isinstance(item, str):
                ops.append(show(item, 40, y))
            else:
                x = 40
                for k, cell in enumerate(_cells_of(item)):
                    ops.append(_box(x, y - 4, widths[k], item[1] if isinstance(item, tuple)
                                    else None))
                    ops.append(show(cell, x + 4, y))
                    x += widths[k]
            y -= LINE_PT
        if border:
            ops.append(f"20 20 {size[0] - 40} {size[1] - 40} re S")
        streams.append("\n".join(ops))
    return _pdf(chars, streams, size)


def _box(x: float, y: float, width: float, open_side: str | None) -> str:
    """A cell's ruled box from (x, y) up, without its rule on `open_side`."""
    top = y + LINE_PT
    rules = [(x, y, x, top), (x + width, y, x + width, top)]
    rules += [] if open_side == OPEN_BELOW else [(x, y, x + width, y)]
    rules += [] if open_side == OPEN_ABOVE else [(x, top, x + width, top)]
    return " ".join(f"{a} {b} m {c} {d} l S" for a, b, c, d in rules)


def _pdf(chars: list[str], streams: list[str], size: tuple[float, float]) -> bytes:
    """The bytes of a PDF of one content stream per page, its text in a Type0 font mapping
    each character's code (its place in `chars`, from 1) to the character."""
    code = {c: i + 1 for i, c in enumerate(chars)}
    bf = [f"{len(chars[k:k + 100])} beginbfchar\n" + "\n".join(
        f"<{code[c]:04X}> <{ord(c):04X}>" for c in chars[k:k + 100]) + "\nendbfchar"
        for k in range(0, len(chars), 100)]
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n" + "\n".join(bf)
            + "\nendcmap CMapName currentdict /CMap defineresource pop end end")
    objs = {1: "<< /Type /Catalog /Pages 2 0 R >>",
            3: "<< /Type /Font /Subtype /Type0 /BaseFont /VNTest /Encoding /Identity-H "
               "/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
            4: "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /VNTest /CIDSystemInfo "
               "<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 "
               "/FontDescriptor 6 0 R >>",
            5: f"<< /Length {len(cmap.encode())} >>\nstream\n{cmap}\nendstream",
            6: "<< /Type /FontDescriptor /FontName /VNTest /Flags 32 /FontBBox [0 -200 1000 900]"
               " /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>"}
    kids = []
    for n, body in enumerate(streams):
        pid, cid = 7 + 2 * n, 8 + 2 * n
        kids.append(f"{pid} 0 R")
        objs[pid] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size[0]} {size[1]}] "
                     f"/Resources << /Font << /F1 3 0 R >> >> /Contents {cid} 0 R >>")
        objs[cid] = f"<< /Length {len(body.encode())} >>\nstream\n{body}\nendstream"
    objs[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for k in sorted(objs):
        offsets[k] = len(out)
        out += f"{k} 0 obj\n{objs[k]}\nendobj\n".encode()
    xref, size_ = len(out), max(objs) + 1
    out += f"xref\n0 {size_}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offsets[k]:010d} 00000 n \n" for k in range(1, size_)).encode()
    out += f"trailer\n<< /Size {size_} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def tiny_docx(path: Path, pages: list[list[str]]) -> None:
    """A DOCX with an explicit page break between `pages`."""
    import docx

    document = docx.Document()
    for n, page in enumerate(pages):
        if n:
            document.add_page_break()
        for line in page:
            document.add_paragraph(line)
    document.save(str(path))


def observation(root: Path, doc_id: str) -> list[tuple]:
    con = duckdb.connect(str(root / "data" / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(
            "SELECT o.indicator_id, o.year, o.value, o.page, o.line, o.quote, d.source_file, "
            "d.text_file, d.text_tool, s.page FROM observations o JOIN documents d USING (doc_id)"
            " JOIN statements s USING (statement_id) WHERE o.doc_id = ?", [doc_id]).fetchall()
    finally:
        con.close()


# -- PDF and DOCX: document → page → line → quote --------------------------------------------------

@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_add_pdf_and_docx_keeps_the_page_of_every_line(root: Path, tmp_path: Path,
                                                       suffix: str) -> None:
    source = tmp_path / f"ke-hoach{suffix}"
    pages = [HEADER, ["II. MỤC TIÊU CỤ THỂ", TARGET]]
    if suffix == ".pdf":
        source.write_bytes(tiny_pdf(pages))
    else:
        tiny_docx(source, pages)
    manifest_before = (root / "data/raw/documents.yaml").read_text(encoding="utf-8")

    result = vnhealth("add", str(source), "--province", "dien_bien", "--root", str(root))

    assert result.returncode == 0, result.stderr
    doc_id = "dien_bien_2026_2030_22_kh_ubnd"
    raw = root / "data/raw" / f"{doc_id}{suffix}"
    assert raw.read_bytes() == source.read_bytes()  # the original, byte-identical
    manifest = (root / "data/raw/documents.yaml").read_text(encoding="utf-8")
    assert manifest.startswith(manifest_before)  # appended: every comment is still there
    entry = yaml.safe_load(manifest)["documents"][-1]
    text = (root / "data/raw" / entry["text_file"]).read_bytes()
    assert entry["sha256"] == hashlib.sha256(source.read_bytes()).hexdigest()
    assert entry["text_sha256"] == hashlib.sha256(text).hexdigest()
    assert entry["text_tool"].split()[0] == ("pdfplumber" if suffix == ".pdf" else "python-docx")
    assert (entry["doc_number"], entry["issued_on"], entry["period_start"],
            entry["period_end"]) == ("22/KH-UBND", "2026-03-23", 2026, 2030)
    assert entry["title"].startswith("Kế hoạch bảo vệ, chăm sóc")
    lines = text.decode("utf-8").split("\n")
    line = lines.index(TARGET) + 1
    rows = observation(root, doc_id)
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("life_expectancy", 2030, 75.0, 2, line)]
    assert rows[0][5] == TARGET and rows[0][9] == 2
    assert rows[0][6] == f"data/raw/{doc_id}{suffix}" and rows[0][7].endswith(".txt")
    assert "doc_number  22/KH-UBND" in result.stdout and "built" in result.stdout


def test_plain_text_documents_have_no_page(root: Path, tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text("\n".join([*HEADER, TARGET]) + "\n", encoding="utf-8")
    entry = add_document(ProjectPaths.at(root), source, "dien_bien", Given(), say=lambda _: None)
    rows = observation(root, entry.doc_id)
    assert [(r[0], r[3], r[4]) for r in rows] == [("life_expectancy", None, len(HEADER) + 1)]
    assert "text_file" not in (root / "data/raw/documents.yaml").read_text(encoding="utf-8")


def test_line_pages() -> None:
    assert line_pages(["\f", "a", "", "\f", "b"]) == [1, 1, 1, 2, 2]
    assert line_pages(["a"]) == [None]


# -- what the text states about the document ------------------------------------------------------

@pytest.fixture(scope="module")
def words():
    paths = ProjectPaths.at(REPO_ROOT)
    return load_document_words(paths.catalog / "documents.yaml", Path("documents.yaml"))


def test_the_header_is_read_with_its_lines(words) -> None:
    facts = read_facts(HEADER, words)
    assert facts.doc_number.value == "22/KH-UBND" and facts.doc_number.line == 3
    assert facts.issuer.value == "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN"
    assert (facts.issued.value, facts.issued.line) == ("2026-03-23", 4)
    assert facts.period.value == (2026, 2030)


@pytest.mark.parametrize(("title", "period"), [
    ("Thực hiện Đề án … giai đoạn 2020 - 2025” năm 2024", (2024, 2024)),  # last phrase wins
    ("Chăm sóc sức khỏe nhân dân đến năm 2030, tầm nhìn đến năm 2045", (None, 2030)),
    ("Thực hiện Quyết định ngày 13 tháng 02 năm 2023 của Bộ Y tế", None),  # a date, no period
    ("Phòng, chống HIV/AIDS từ năm 2021 đến năm 2025", (2021, 2025)),
])
def test_the_period_comes_from_the_title(words, title: str, period: tuple | None) -> None:
    facts = read_facts(["KẾ HOẠCH", title], words)
    assert (facts.period.value if facts.period else None) == period


def test_what_is_not_stated_is_not_guessed(words) -> None:
    facts = read_facts(["Lào Cai, ngày        tháng 01 năm 2024", "", "KẾ HOẠCH",
                        "Thực hiện Đề án năm 2024", "",
                        "Căn cứ Quyết định số 721/QĐ-UBND ngày 04/3/2021 của UBND tỉnh"], words)
    assert facts.doc_number is None and facts.issuer is None  # the body's numbers and bodies
    assert facts.issued.value is None and "tháng 01 năm 2024" in facts.issued.text


def test_missing_period_must_be_given(root: Path, tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text(f"KẾ HOẠCH\nChăm sóc sức khỏe người cao tuổi\n\nCăn cứ Luật;\n{TARGET}\n",
                      encoding="utf-8")
    before = snapshot(root)
    result = vnhealth("add", str(source), "--province", "dien_bien", "--root", str(root))
    assert result.returncode == 2
    assert result.stderr.startswith("error:") and "--period START END" in result.stderr
    assert "not stated in the text: doc_number, issuer, issued_on, period" in result.stdout
    assert snapshot(root) == before
    entry = add_document(ProjectPaths.at(root), source, "dien_bien", Given(
        period=(2026, 2030), issuer="UBND tỉnh Điện Biên"), build=False, say=lambda _: None)
    listed = yaml.safe_load((root / "data/raw/documents.yaml").read_text("utf-8"))["documents"]
    assert listed[-1]["issuer"] == "UBND tỉnh Điện Biên" and entry.period_start == 2026
    assert entry.doc_id == "dien_bien_2026_2030_cham_soc_suc_khoe_nguoi_cao_tuoi"


@pytest.mark.parametrize(("title", "doc_id"), [
    # a news page's title names the file by its first words: only a document kind ("Kế
    # hoạch") is left out (it lost "Sốt xuất" before)
    ("Sốt xuất huyết đến tuần 7 năm 2025", "dien_bien_2025_sot_xuat_huyet_den_tuan_7_nam"),
    # a title opening with the province names it once (it gave "dien_bien_2025_dien_bien_…")
    ("Điện Biên: hình thái lây nhiễm HIV", "dien_bien_2025_hinh_thai_lay_nhiem_hiv"),
])
def test_a_title_names_the_file_by_its_own_first_words(root: Path, tmp_path: Path, title: str,
                                                       doc_id: str) -> None:
    source = tmp_path / "page.txt"
    source.write_text(f"Tính đến tuần thứ 7 của năm 2025, {TARGET}\n", encoding="utf-8")
    entry = add_document(ProjectPaths.at(root), source, "dien_bien", Given(
        period=(2025, 2025), title=title), build=False, say=lambda _: None)
    assert entry.doc_id == doc_id


# -- refusals leave the project as it was ---------------------------------------------------------

def test_a_registered_document_is_refused_naming_its_entry(root: Path) -> None:
    before = snapshot(root)
    seed = root / "data/raw/son_la_2026_2030_kh_01.txt"
    copy = root.parent / "copy.txt"
    shutil.copyfile(seed, copy)
    result = vnhealth("add", str(copy), "--province", "son_la", "--root", str(root))
    assert result.returncode == 2 and result.stderr.startswith("error:")
    assert "already registered as document son_la_2026_2030" in result.stderr
    assert snapshot(root) == before


@pytest.mark.parametrize(("name", "content", "province", "message"), [
    ("missing.txt", None, "dien_bien", "file not found"),
    ("plan.rtf", b"{\\rtf1 plan}", "dien_bien", "expected one of .txt, .pdf, .docx"),
    ("plan.pdf", b"%PDF-1.4 not really", "dien_bien", "cannot read it as a PDF"),
    ("scan.pdf", None, "dien_bien", "no text layer"),
    ("plan.docx", b"PK\x03\x04 broken", "dien_bien", "cannot read it as a DOCX"),
    ("plan.txt", "Kế hoạch".encode("utf-16"), "dien_bien", "UTF-8"),
    ("plan.txt", "KẾ HOẠCH\nx giai đoạn 2026-2030\n".encode(), "dien bien", "dien_bien"),
    ("plan.txt", "KẾ HOẠCH\nx giai đoạn 2026-2030\n".encode(), "atlantis", "no such province"),
])
def test_bad_input_is_refused_and_nothing_is_written(root: Path, tmp_path: Path, name: str,
                                                     content: bytes | None, province: str,
                                                     message: str) -> None:
    source = tmp_path / name
    if name == "scan.pdf":
        content = tiny_pdf([[]])
    if content is not None:
        source.write_bytes(content)
    before = snapshot(root)
    result = vnhealth("add", str(source), "--province", province, "--root", str(root))
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("error:") and message in result.stderr, result.stderr
    assert snapshot(root) == before


def test_a_failed_build_undoes_the_registration(root: Path, tmp_path: Path) -> None:
    (root / "data/catalog/units.yaml").write_text("units: [broken\n", encoding="utf-8")
    source = tmp_path / "plan.pdf"
    source.write_bytes(tiny_pdf([HEADER, [TARGET]]))
    before = snapshot(root)
    with pytest.raises(VnhealthError, match="the build failed, so the document was not added"):
        add_document(ProjectPaths.at(root), source, "dien_bien", Given(), say=lambda _: None)
    assert snapshot(root) == before


def test_bad_given_values_are_refused(root: Path, tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text("\n".join(HEADER) + "\n", encoding="utf-8")
    for args, message in ((["--issued-on", "23/3/2026"], "YYYY-MM-DD"),
                          (["--period", "2030", "2026"], "START must not be after END")):
        result = vnhealth("add", str(source), "--province", "dien_bien", "--root", str(root),
                          "--no-build", *args)
        assert result.returncode == 2 and message in result.stderr, result.stderr


# -- a raw file nobody registered -----------------------------------------------------------------

def test_an_unregistered_raw_file_is_reported_then_registered_in_place(root: Path) -> None:
    stray = root / "data/raw/dien_bien_plan.txt"
    stray.write_text("\n".join([*HEADER, TARGET]) + "\n", encoding="utf-8")
    result = vnhealth("build", "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert ("warning: data/raw/dien_bien_plan.txt is not in data/raw/documents.yaml and was "
            "not read; `vnhealth add data/raw/dien_bien_plan.txt --province ID`") in result.stdout
    result = vnhealth("add", str(stray), "--province", "dien_bien", "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert "registered data/raw/dien_bien_plan.txt in place" in result.stdout
    assert "warning:" not in result.stdout
    entry = yaml.safe_load((root / "data/raw/documents.yaml").read_text("utf-8"))["documents"][-1]
    assert entry["file"] == "dien_bien_plan.txt"


def test_the_manifest_refuses_a_pdf_without_its_text(root: Path, tmp_path: Path) -> None:
    source = tmp_path / "plan.pdf"
    source.write_bytes(tiny_pdf([HEADER, [TARGET]]))
    paths = ProjectPaths.at(root)
    entry = add_document(paths, source, "dien_bien", Given(), build=False, say=lambda _: None)
    manifest = paths.manifest.read_text(encoding="utf-8")
    paths.manifest.write_text(manifest.replace(f"    text_file: \"{entry.text_file}\"\n", ""),
                              encoding="utf-8")
    from vnhealth.build.warehouse import build

    with pytest.raises(InputError, match="field text_file is missing"):
        build(root)
    (root / "data/raw" / entry.text_file).write_text("edited", encoding="utf-8")
    paths.manifest.write_text(manifest, encoding="utf-8")
    with pytest.raises(InputError, match="bytes changed"):
        build(root)


def test_unknown_province_suggests_close_ids(root: Path, tmp_path: Path) -> None:
    source = tmp_path / "plan.txt"
    source.write_text("\n".join(HEADER) + "\n", encoding="utf-8")
    with pytest.raises(ParameterError, match=r"close matches: dien_bien \(Điện Biên\)"):
        add_document(ProjectPaths.at(root), source, "Điện Biên", Given(), say=lambda _: None)


# -- a plan's ruled table in a PDF -------------------------------------------------------------

def _seed_as_ruled_pdf(seed: Path, split_before: str, words_before: int | None = None,
                       border: bool = False) -> tuple[list[str], bytes]:
    """The seed's lines, and a PDF printing them: its tab rows as one ruled table, which a page
    break splits before the row opening with `split_before`, the second page opening with its
    number; with `words_before`, the break splits that row itself, its label's first words
    (and its other cells) on the first page, the rest of its label on the second."""
    lines = [unicodedata.normalize("NFC", x) for x in seed.read_text(encoding="utf-8").split("\n")]
    items: list[Item] = [
        [c.strip() for c in re.sub(r"</?b>", "", x).replace("&gt;", ">").split("\t")]
        if "\t" in x else x for x in lines]
    cut = next(k for k, x in enumerate(lines) if x.startswith(split_before))
    if words_before is None:
        return lines, ruled_pdf([items[:cut], ["- 2 -", *items[cut:]]])
    row = _cells_of(items[cut])
    label = row[2].split()  # the row's indicator cell, after its goal and row numbers
    first = [*row[:2], " ".join(label[:words_before]), *row[3:]]
    rest = ["", "", " ".join(label[words_before:]), *[""] * (len(row) - 3)]
    return lines, ruled_pdf([[*items[:cut], (first, OPEN_BELOW)],
                             ["- 2 -", (rest, OPEN_ABOVE), *items[cut + 1:]]], border)


def test_a_plan_s_ruled_table_in_a_pdf_reads_as_its_text_does(tmp_path: Path) -> None:
    # pdfplumber's plain text of a ruled table joins a row's cells by one blank and drops the
    # blank ones (which value stands in which column is lost): the table finder's cells keep
    # them, written as tab rows, and a table going on over a page break is read as one
    seed = REPO_ROOT / "data/raw/lai_chau_2026_2030_kh_48_nq_07.txt"
    lines, pdf = _seed_as_ruled_pdf(seed, "(3)\t6\t")
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf)
    derived = derive_text(path, path.name)
    assert derived.pages == 2
    assert "\t\t\t\t\t\t2026\t2027\t2028\t2029\t2030\t" in derived.text.split("\n")
    vocab = Vocabulary(load_catalog(ProjectPaths.at(REPO_ROOT)))
    doc = next(d for d in load_manifest(ProjectPaths.at(REPO_ROOT), vocab.catalog.provinces)
               if d.file.endswith(seed.name))

    def values(text_lines: list[str]) -> Counter:
        return Counter((o.indicator_id, o.kind, o.year, o.comparator, o.value, o.value_high)
                       for o in extract_document(vocab, doc, text_lines).observations)

    as_text = values(lines)
    assert sum(as_text.values()) == 54
    assert values(derived.text.split("\n")) == as_text
    # the break splits the first row ("Toàn tỉnh có ít nhất | 4-5 bác sĩ/trạm y tế"): its two
    # parts, each with no rule on the side of the break, read as one row
    lines, pdf = _seed_as_ruled_pdf(seed, "(1)\t1\t", words_before=5)
    path.write_bytes(pdf)
    derived = derive_text(path, path.name)
    assert "\t\t4-5 bác sĩ/trạm y tế" + "\t" * 9 in derived.text.split("\n")
    assert values(derived.text.split("\n")) == as_text
    # a page framed by a ruled box: the frame's rules close no row of the table
    lines, pdf = _seed_as_ruled_pdf(seed, "(1)\t1\t", words_before=5, border=True)
    path.write_bytes(pdf)
    derived = derive_text(path, path.name)
    assert "\t\t4-5 bác sĩ/trạm y tế" + "\t" * 9 in derived.text.split("\n")
    assert values(derived.text.split("\n")) == as_text
