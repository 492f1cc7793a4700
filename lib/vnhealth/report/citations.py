"""Sources: every value a report shows points to the line it came from.

:class:`SourceBook` numbers the sources a report cites, in order of first use — a provincial
value cites the lines of its document it was read from, a national value the official
document of the national target it was compared with — and renders them: the documents cited
(each provincial document by province, number, title and issue date; each national one by its
official name and issue date, a news page that reported it only as a secondary link), then one
numbered note per line cited. Two values read from one line share its note, and all the targets
taken from one national document share its note, so that no note repeats another. Quotes are
shown as clean text (:func:`clean_quote`), cut around the numbers they give (:func:`excerpt`),
with those numbers marked (:func:`highlight`).
"""

# Without `from __future__ import annotations`: NamedTuple and TypedDict would compile each
# postponed annotation when the module is imported, and report kernels are timed.

import html
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple, NotRequired, TypedDict

from vnhealth.report.data import Warehouse
from vnhealth.report.formatting import fmt_date, fmt_value, isna
from vnhealth.report.labels import label
from vnhealth.report.markup import environment, render, safe

_WORDS = re.compile(r"\S+")


class Source(TypedDict):
    """One numbered note: the document (its number, else its title), its id (None for a
    national document), file and line (0 for a national document: the note names the
    document, not a line of our reference file), the first quote, and each quote of the line
    with the numbers it gives (two values read from one line may quote it in two windows);
    for a national document the targets taken from it and the pages that reported it."""

    n: int
    document: str
    doc_id: str | None
    source_file: str
    line: int
    quote: str
    parts: dict[str, list[str]]
    national: NotRequired[bool]
    items: NotRequired[list[str]]
    urls: NotRequired[list[str]]


class SourceRow(NamedTuple):
    """A row of the notes table as shown: number, document, file, line (0: none) and the quote
    as HTML (numbers marked)."""

    n: int
    document: str
    source_file: str
    line: int
    quote: Any  # Markup


class DocumentRow(NamedTuple):
    """A cited document as listed: who issued it (province, or national), number, title,
    issue date, the pages that reported it (national documents; secondary links) and its
    notes (number and line, 0 for none: a printed brief lists them here, once)."""

    where: str
    number: str
    title: str
    issued: str
    links: tuple[tuple[str, str], ...]  # (url, host)
    notes: tuple[tuple[int, int], ...] = ()


def split_ids(obs_ids: Any) -> list[str]:
    """Observation ids from a comma-separated list (none for NA or empty)."""
    if isna(obs_ids) or not obs_ids:
        return []
    return [i for i in str(obs_ids).split(",") if i]


class SourceBook:
    """Numbers the sources a report cites, in order of first use, and renders them: the
    documents cited, then one note per line (or national document) cited."""

    def __init__(self, wh: Warehouse, lang: str) -> None:
        self.wh = wh
        self.lang = lang
        self._numbers: dict[str, int] = {}
        self._entries: list[Source] = []

    def _add(self, key: str, entry: dict[str, Any]) -> int:
        """The note of ``key``, new or the one already numbered (its numbers and national
        items extended with the entry's)."""
        if key not in self._numbers:
            self._numbers[key] = len(self._entries) + 1
            self._entries.append({"n": self._numbers[key], **entry,  # type: ignore[typeddict-item]
                                  "parts": {}, "items": [], "urls": []})
        found = self._entries[self._numbers[key] - 1]
        for field, new in (("items", entry.get("item")), ("urls", entry.get("url"))):
            if not isna(new) and new and new not in found[field]:  # type: ignore[literal-required]
                found[field].append(new)  # type: ignore[literal-required]
        if not found.get("national"):
            needles = found["parts"].setdefault(clean_quote(entry["quote"]), [])
            value = entry.get("value_text")
            if not isna(value) and value and value not in needles:
                needles.append(str(value))
        return self._numbers[key]

    def _line(self, doc_id: str, line: int, quote: str, value_text: Any) -> int:
        """The note of one line of a provincial document."""
        return self._add(f"line:{doc_id}:{line}", {
            "document": self.wh.doc_short(doc_id), "doc_id": doc_id,
            "source_file": self.wh.document(doc_id)["source_file"], "line": int(line),
            "quote": quote, "value_text": value_text})

    def observations(self, obs_ids: Any) -> list[int]:
        """Source numbers of the observations ``obs_ids`` (comma-separated ids)."""
        numbers = []
        for oid in split_ids(obs_ids):
            obs = self.wh.observation(oid)
            if obs is not None:
                n = self._line(obs["doc_id"], obs["line"], obs["quote"], obs.get("value_text"))
                numbers += [n] if n not in numbers else []
        return numbers

    def national(self, indicator_id: str, year: int) -> list[int]:
        """Source number of the national document whose target ``indicator_id`` × ``year`` is
        compared with (one note per document, listing the targets taken from it)."""
        bench = self.wh.benchmarks.get((indicator_id, int(year)))
        if bench is None:
            return []
        row = next((r for r in self.wh.national if r["indicator_id"] == indicator_id
                    and r["year"] == int(year) and r["source_line"] == bench["source_line"]),
                   None)
        if row is None:
            return []
        written = fmt_value(row["value"], row["comparator"], row["value_high"], row["unit"],
                            self.lang, value_low=row["value"])
        name = row["indicator_vi" if self.lang == "vi" else "indicator_en"]
        return [self._add(f"nat:{row['source_doc']}", {
            "document": row["source_doc"], "doc_id": None,
            "source_file": "data/reference/national_targets.csv", "line": 0, "quote": "",
            "national": True, "issued_on": row.get("issued_on"),
            "item": f"{name} {int(year)}: {written}", "url": row.get("source_url")})]

    def qualitative(self, row: Mapping[str, Any]) -> list[int]:
        """Source number of a qualitative target (its document, line and quote)."""
        return [self._line(row["doc_id"], row["line"], row["quote"], None)]

    def _quote(self, e: Mapping[str, Any]) -> str:
        if e.get("national"):
            return "; ".join(e["items"])
        return " … ".join(q for q, _n in _parts(e["parts"]))

    def tooltip(self, numbers: Sequence[int]) -> str:
        """Hover text for a value: each source's document, line and quote."""
        parts = []
        for n in numbers:
            e = self._entries[n - 1]
            ref = e["document"] if e.get("national") else label(
                "line_ref", self.lang, doc=e["document"], line=e["line"])
            parts.append(f"[{n}] {ref}: «{self._quote(e)}»")
        return "\n".join(parts)

    def refs_html(self, numbers: Sequence[int]) -> str:
        """Superscript links to the sources table, e.g. ``[1,2]``."""
        return str(environment().get_template("refs.html.j2").module.refs(numbers))

    def short(self, numbers: Sequence[int]) -> str:
        """``48-KH/ĐU, dòng 146`` for the first source (for findings and chart hovers)."""
        if not numbers:
            return ""
        e = self._entries[numbers[0] - 1]
        if e.get("national"):
            # The line of a national target is in our reference CSV, not in the resolution.
            return str(e["document"])
        return label("line_ref", self.lang, doc=e["document"], line=e["line"])

    def documents(self) -> list[DocumentRow]:
        """The documents cited, provincial ones first (by province, in order of first use),
        then the national ones."""
        seen: dict[str, DocumentRow] = {}
        notes: dict[str, list[tuple[int, int]]] = {}
        for e in self._entries:
            key = str(e["doc_id"] or e["document"])
            if key not in seen:
                seen[key] = self._document_row(e)
            notes.setdefault(key, []).append((e["n"], e["line"]))
        rows = [row._replace(notes=tuple(notes[key])) for key, row in seen.items()]
        national = label("national", self.lang)
        order = list(dict.fromkeys(r.where for r in rows if r.where != national))
        return sorted(rows, key=lambda r: order.index(r.where) if r.where in order
                      else len(order))

    def _document_row(self, e: Mapping[str, Any]) -> DocumentRow:
        if e.get("national"):
            links = tuple((u, _host(u)) for u in e["urls"])
            return DocumentRow(label("national", self.lang), "", str(e["document"]),
                               fmt_date(e.get("issued_on"), self.lang), links)
        doc = self.wh.document(str(e["doc_id"]))
        number = "" if isna(doc.get("doc_number")) else str(doc["doc_number"])
        return DocumentRow(self.wh.province_name(doc["province_id"], self.lang), number,
                           str(doc["title"]), _issued(doc, self.lang), ())

    def html(self, *, compact: bool = False, documents: bool = True) -> str:
        """The documents cited (``documents``), then the notes: number, document, file, line
        and quote. ``compact`` (briefs) keeps the quote to the words around the numbers and
        leaves the file path out, so that the sources of a printed brief stay short; the
        document and line still lead to the full text."""
        if not self._entries:
            return ""
        head = {k: label(k, self.lang) for k in ("document", "line", "quote", "province",
                                                 "doc_number", "doc_title", "issued", "news",
                                                 "documents_caption", "notes_caption",
                                                 "line_word")}
        rows = [SourceRow(n=e["n"], document=str(e["document"]),
                          source_file=str(e["source_file"]), line=e["line"],
                          quote=safe(self._quote_html(e, 110 if compact else 400)))
                for e in self._entries]
        return render("sources.html.j2", head=head, sources=rows, compact=compact,
                      documents=self.documents() if documents else [])

    def _quote_html(self, e: Mapping[str, Any], width: int) -> str:
        if e.get("national"):
            return html.escape(self._quote(e))
        return "<br>".join(highlight(excerpt(q, needles[0] if needles else None, width), needles)
                           for q, needles in _parts(e["parts"]))

    def __len__(self) -> int:
        return len(self._entries)


def _parts(parts: Mapping[str, list[str]]) -> list[tuple[str, list[str]]]:
    """A line's quotes, those within another left out (their numbers going to it)."""
    kept = [q for q in parts if not any(q != o and q in o for o in parts)]
    return [(q, [n for o, needles in parts.items() if o in q for n in needles]) for q in kept]


def _issued(doc: Mapping[str, Any], lang: str) -> str:
    """A document's issue date; when the text leaves the day blank, the month and year it
    writes (``ngày … tháng 4 năm 2021`` → ``tháng 4/2021``, ``Apr 2021``); else a dash."""
    if not isna(doc.get("issued_on")):
        return fmt_date(doc["issued_on"], lang)
    text = "" if isna(doc.get("issued_text")) else str(doc["issued_text"])
    m = re.search(r"tháng\s+(\d{1,2})\s+năm\s+(\d{4})", text)
    if m is None:
        return "—"
    return label("month_year", lang, month=int(m[1]), year=int(m[2]),
                 short=fmt_date(f"{m[2]}-{int(m[1]):02d}-01", "en").split(" ", 1)[1])


def clean_quote(text: Any) -> str:
    """A quoted source line as plain text: HTML tags dropped, entities decoded (``&gt;95`` →
    ``>95``), table pipes, tabs and runs of spaces made single spaces; NFC.

    >>> clean_quote("| Tuổi thọ\t| <b>70</b> &gt;95 |")
    'Tuổi thọ 70 >95'
    """
    if isna(text):
        return ""
    # block tags part words; inline ones (<b>70</b>) do not
    # (only real tags: "<15%" and "< 5 tuổi" are comparisons, not markup)
    spaced = re.sub(r"</?(br|p|div|td|th|tr|li|ul|ol|table|h\d)(\s[^<>]*)?/?>", " ",
                    str(text), flags=re.IGNORECASE)
    plain = html.unescape(re.sub(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>", "", spaced))
    plain = html.unescape(plain)  # doubly escaped (&amp;gt;)
    plain = re.sub(r"[|\t\u00a0]+", " ", plain)
    return unicodedata.normalize("NFC", " ".join(plain.split()))


def excerpt(quote: str, value_text: Any = None, width: int = 110) -> str:
    """The part of a quoted line around the number it gives (whole when short), as clean text
    (:func:`clean_quote`), cut at word boundaries, with "…" wherever words were left out.

    >>> excerpt("a " * 80 + "tối thiểu 68 năm" + " b" * 80, "68 năm", 30)
    '… a a tối thiểu 68 năm b b b …'
    >>> excerpt("Tỷ lệ tiêm chủng <b>&gt;95</b>%\tđạt | mục tiêu đề ra năm 2030", ">95", 30)
    '… lệ tiêm chủng >95% đạt mục …'
    """
    text = clean_quote(quote)
    if len(text) <= width:
        return text
    needle = clean_quote(value_text) if not isna(value_text) else ""
    at = text.find(needle) if needle else -1
    if at < 0:
        at, needle = 0, ""
    words = [(m.start(), m.end()) for m in _WORDS.finditer(text)]
    # the words the number sits in, then whole words either side while they fit
    first = next(k for k, (a, b) in enumerate(words) if b > at)
    last = max(k for k, (a, b) in enumerate(words) if a < at + max(len(needle), 1))
    while True:
        grown = False
        for side in (-1, 1):
            k0, k1 = (first - 1, last) if side < 0 else (first, last + 1)
            if k0 >= 0 and k1 < len(words) and words[k1][1] - words[k0][0] <= width - 4:
                first, last, grown = k0, k1, True
        if not grown:
            break
    if words[last][1] - words[first][0] > width - 4:
        return "…"
    return (("… " if first > 0 else "") + text[words[first][0]:words[last][1]]
            + (" …" if last < len(words) - 1 else ""))


def highlight(quote: str, value_text: Any) -> str:
    """An excerpt as HTML (escaped) with the numbers it gives marked (``<mark>``):
    ``value_text`` is one number as written, or several (two values read from one line).

    >>> highlight("đạt 95 năm 2025, 100 năm 2030", ["95", "100"])
    'đạt <mark>95</mark> năm 2025, <mark>100</mark> năm 2030'
    """
    needles = [value_text] if isinstance(value_text, str) or isna(value_text) else value_text
    escaped = html.escape(quote)
    spans: list[tuple[int, int]] = []
    for needle in needles:
        target = html.escape(clean_quote(needle)) if not isna(needle) else ""
        at = escaped.find(target) if target else -1
        # the first place the number is written that another number does not already hold
        while at >= 0 and any(a < at + len(target) and at < b for a, b in spans):
            at = escaped.find(target, at + 1)
        if at >= 0:
            spans.append((at, at + len(target)))
    for a, b in sorted(spans, reverse=True):
        escaped = f"{escaped[:a]}<mark>{escaped[a:b]}</mark>{escaped[b:]}"
    return escaped


def _host(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0]
