"""Text derived from a PDF (text layer) or a DOCX document, with the page of every line.

Provinces publish PDF and Word files. The original bytes stay the raw document; the build
reads a UTF-8 text derived from them and stored beside them (NAME.pdf → NAME.pdf.txt), so that
line numbers, quotes and sha256 checks work as for a plain-text document.

Each page of the derived text opens with a line holding only a form feed (U+000C, the plain-text
page break), so the page of any line is the number of such lines up to it. A form feed line is
blank to the extractor, and a form feed is never left inside a page's text.

DOCX has no fixed pages: the page is Word's own pagination where the file records it (the
`lastRenderedPageBreak` marks Word writes when it saves), else the explicit page breaks and
new-page section breaks.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vnhealth.inputs.errors import InputError

PAGE_MARK = "\f"
SUFFIXES = (".pdf", ".docx")


@dataclass(frozen=True)
class DerivedText:
    text: str  # NFC, "\n" line ends, a PAGE_MARK line opening each page
    tool: str  # the library and its version, e.g. "pdfplumber 0.11.10"
    pages: int


def line_pages(lines: Iterable[str]) -> list[int | None]:
    """The 1-based page of each line of a derived text (None before the first page mark).

    >>> line_pages(["\\f", "a", "b", "\\f", "c"])
    [1, 1, 1, 2, 2]
    """
    page = 0
    out: list[int | None] = []
    for line in lines:
        if line.strip(" \r\t") == PAGE_MARK:
            page += 1
        out.append(page or None)
    return out


def _join_pages(pages: Iterable[str]) -> tuple[str, int]:
    """The derived text of pages, each opened by a page mark line, and the number of pages."""
    parts: list[str] = []
    n = 0
    for page in pages:
        n += 1
        clean = unicodedata.normalize("NFC", page.replace(PAGE_MARK, " "))
        clean = clean.replace("\r\n", "\n").replace("\r", "\n")
        parts.append(PAGE_MARK + ("\n" + clean if clean else ""))
    return "\n".join(parts) + "\n", n


def derive_text(path: Path, shown: Path | str) -> DerivedText:
    """The text of a .pdf or .docx file; InputError when it cannot be read or has no text."""
    suffix = path.suffix.lower()
    try:
        derived = _pdf_text(path) if suffix == ".pdf" else _docx_text(path)
    except InputError:
        raise
    except Exception as exc:  # each library raises its own errors for a damaged file
        kind = "PDF" if suffix == ".pdf" else "DOCX"
        raise InputError(f"cannot read it as a {kind} file ({type(exc).__name__}: "
                         f"{str(exc)[:200]}); is it damaged, or another format?",
                         path=shown) from exc
    if not derived.text.replace(PAGE_MARK, "").strip():
        what = ("has no text layer (a scan?): run OCR on it first and add the result"
                if suffix == ".pdf" else "holds no text")
        raise InputError(what, path=shown)
    return derived


def _pdf_text(path: Path) -> DerivedText:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        text, n = _join_pages(_pdf_page_text(page) for page in pdf.pages)
    return DerivedText(text, f"pdfplumber {pdfplumber.__version__}", n)


def _pdf_page_text(page: Any) -> str:
    """A PDF page's text: each ruled table pdfplumber's table finder sees there a row per line,
    its cells split by tabs (as a DOCX's are), and the text above, between and below the
    tables as pdfplumber lays it out. Plain text, a table's wrapped cells interleave line by
    line and blank cells vanish: which value stands in which column is lost."""
    tables = sorted(_ruled_tables(page), key=lambda t: t.bbox[1])
    if not tables:
        return page.extract_text() or ""
    parts: list[str] = []
    top = page.bbox[1]
    for table in tables:
        parts.append(_band_text(page, top, table.bbox[1]))
        parts.extend("\t".join(_cell_text(cell) for cell in row) for row in table.extract())
        top = max(top, table.bbox[3])
    parts.append(_band_text(page, top, page.bbox[3]))
    return "\n".join(part for part in parts if part)


def _ruled_tables(page: Any) -> list[Any]:
    """The page's ruled tables. A row a page break splits has no rule on the page's side of
    the break: the column rules reaching past the table's first or last rule close it there,
    so the row's part on this page is read as a row too (tab_rows joins the two parts)."""
    tables = page.find_tables()
    closing = [line for table in tables for line in _closing_lines(table.bbox, page.edges)]
    return page.find_tables({"explicit_horizontal_lines": closing}) if closing else tables


def _closing_lines(bbox: tuple[float, float, float, float], edges: list[dict[str, Any]]
                   ) -> list[dict[str, Any]]:
    """Rules across a table (its width only: a page's border or a side rule forms no cell
    with them) where its own column rules reach past its first or last rule."""
    x0, top, x1, bottom = bbox
    # the column rules of the table, and those touching it (a split row's)
    rules = [e for e in edges if e["orientation"] == "v" and x0 - 1 <= e["x0"] <= x1 + 1
             and e["top"] <= bottom + 1 and e["bottom"] >= top - 1]
    first = min((e["top"] for e in rules), default=top)
    last = max((e["bottom"] for e in rules), default=bottom)
    ends = [y for y, past in ((first, first < top - 1), (last, last > bottom + 1)) if past]
    return [{"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y,
             "width": x1 - x0, "height": 0} for y in ends]


def _band_text(page: Any, top: float, bottom: float) -> str:
    """The text of the page's full-width band from `top` to `bottom`."""
    if bottom - top < 1:
        return ""
    return page.within_bbox((page.bbox[0], top, page.bbox[2], bottom)).extract_text() or ""


def _cell_text(cell: str | None) -> str:
    """A table cell on one line (None: the covered part of a merged cell, blank)."""
    return " ".join((cell or "").split())


def _docx_text(path: Path) -> DerivedText:
    import docx

    body = docx.Document(str(path)).element.body
    rendered = bool(body.xpath(".//w:lastRenderedPageBreak"))
    text, n = _join_pages(_docx_pages(body, rendered))
    return DerivedText(text, f"python-docx {docx.__version__}", n)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_pages(body: Any, rendered: bool) -> Iterator[str]:
    """The text of each page of a DOCX body: paragraphs in order, a table row per line with
    its cells separated by tabs (the shape the tab-table reader expects)."""
    lines: list[str] = []
    for block in body.iterchildren():
        if block.tag == f"{W}p":
            pieces = _paragraph_pieces(block, rendered)
        elif block.tag == f"{W}tbl":
            pieces = _table_pieces(block, rendered)
        else:
            continue
        for piece in pieces:
            if piece is None:  # a page break: what came before is one page
                if lines:
                    yield "\n".join(lines)
                lines = []
            else:
                lines.append(piece)
    yield "\n".join(lines)


def _is_break(el: Any, rendered: bool) -> bool:
    if rendered:  # Word's pagination includes the explicit breaks: count only its marks
        return bool(el.tag == f"{W}lastRenderedPageBreak")
    return bool(el.tag == f"{W}br" and el.get(f"{W}type") == "page")


def _paragraph_pieces(p: Any, rendered: bool) -> list[str | None]:
    """A paragraph's text, split where a page starts (None), tabs and line breaks kept."""
    pieces: list[str | None] = []
    text: list[str] = []
    for el in p.iter():
        if _is_break(el, rendered):
            pieces.append("".join(text))
            pieces.append(None)
            text = []
        elif el.tag == f"{W}t" and el.text:
            text.append(el.text)
        elif el.tag == f"{W}tab" and el.getparent().tag == f"{W}r":
            text.append("\t")
        elif el.tag in (f"{W}br", f"{W}cr") and el.get(f"{W}type") in (None, "textWrapping"):
            text.append("\n")
    pieces.append("".join(text))
    # a new-page section break ends its page after this paragraph (nextPage is the default)
    sect = p.find(f"{W}pPr/{W}sectPr")
    if not rendered and sect is not None:
        kind = sect.find(f"{W}type")
        if kind is None or kind.get(f"{W}val") in ("nextPage", "evenPage", "oddPage"):
            pieces.append(None)
    # the empty text beside a break (a paragraph holding only the break) is no line
    return [x for i, x in enumerate(pieces)
            if not (x == "" and None in pieces[max(0, i - 1):i + 2])]


def _table_pieces(tbl: Any, rendered: bool) -> list[str | None]:
    """One line per table row, cells joined by tabs (a merged cell once); a row holding a page
    break starts the new page."""
    pieces: list[str | None] = []
    for tr in tbl.iterchildren(f"{W}tr"):
        cells: list[str] = []
        for tc in tr.iterchildren(f"{W}tc"):
            paras = ["".join(t.text or "" for t in p.iter(f"{W}t"))
                     for p in tc.iter(f"{W}p")]
            cells.append(" ".join(x.strip() for x in paras if x.strip()))
        if any(_is_break(el, rendered) for el in tr.iter()):
            pieces.append(None)
        pieces.append("\t".join(cells))
    return pieces
