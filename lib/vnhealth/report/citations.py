"""Sources: every value a report shows points to the line it came from.

:class:`SourceBook` numbers the sources a report cites, in order of first use — a provincial
value cites its observations (document, line, quote), a national value the row of the national
reference it was compared with — and renders them as the sources table. Quotes are shown as
clean text (:func:`clean_quote`), cut around the number they give (:func:`excerpt`), with that
number marked (:func:`highlight`).
"""

# Without `from __future__ import annotations`: NamedTuple and TypedDict would compile each
# postponed annotation when the module is imported, and report kernels are timed.

import html
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple, NotRequired, TypedDict

from vnhealth.report.data import Warehouse
from vnhealth.report.formatting import fmt_value, isna
from vnhealth.report.labels import label
from vnhealth.report.markup import environment, render, safe

_WORDS = re.compile(r"\S+")


class Source(TypedDict):
    """One numbered source: the document (number or title), its file and line, the quote, and
    for a national target the URL of the document."""

    n: int
    document: str
    doc_id: str | None
    source_file: str
    line: int
    quote: str
    url: str | None
    value_text: NotRequired[str | None]
    national: NotRequired[bool]


class SourceRow(NamedTuple):
    """A row of the sources table as shown: texts, and the quote as HTML (number marked)."""

    n: int
    document: str
    url: str
    host: str
    source_file: str
    line: int
    quote: Any  # Markup


def split_ids(obs_ids: Any) -> list[str]:
    """Observation ids from a comma-separated list (none for NA or empty)."""
    if isna(obs_ids) or not obs_ids:
        return []
    return [i for i in str(obs_ids).split(",") if i]


class SourceBook:
    """Numbers the sources a report cites, in order of first use, and renders them as a table.

    A provincial value cites its observations (document number or title, line, quote); a
    national value cites the row of the national reference it was compared with (document, its
    line in ``data/reference/national_targets.csv``, URL).
    """

    def __init__(self, wh: Warehouse, lang: str) -> None:
        self.wh = wh
        self.lang = lang
        self._numbers: dict[str, int] = {}
        self._entries: list[Source] = []

    def _add(self, key: str, entry: dict[str, Any]) -> int:
        if key not in self._numbers:
            self._numbers[key] = len(self._entries) + 1
            self._entries.append({"n": self._numbers[key], **entry})  # type: ignore[typeddict-item]
        return self._numbers[key]

    def observations(self, obs_ids: Any) -> list[int]:
        """Source numbers of the observations ``obs_ids`` (comma-separated ids)."""
        numbers = []
        for oid in split_ids(obs_ids):
            obs = self.wh.observation(oid)
            if obs is None:
                continue
            numbers.append(self._add(f"obs:{oid}", {
                "document": self.wh.doc_label(obs["doc_id"]),
                "doc_id": obs["doc_id"],
                "source_file": self.wh.document(obs["doc_id"])["source_file"],
                "line": int(obs["line"]), "quote": obs["quote"], "url": None,
                "value_text": obs.get("value_text")}))
        return numbers

    def national(self, indicator_id: str, year: int) -> list[int]:
        """Source number of the national target ``indicator_id`` × ``year`` is compared with."""
        bench = self.wh.benchmarks.get((indicator_id, int(year)))
        if bench is None:
            return []
        row = next((r for r in self.wh.national if r["indicator_id"] == indicator_id
                    and r["year"] == int(year) and r["source_line"] == bench["source_line"]),
                   None)
        if row is None:
            return []
        written = fmt_value(row["value"], row["comparator"], row["value_high"], row["unit"],
                            "vi", value_low=row["value"])
        return [self._add(f"nat:{indicator_id}:{year}:{row['source_line']}", {
            "document": row["source_doc"], "doc_id": None,
            "source_file": "data/reference/national_targets.csv",
            "line": int(row["source_line"]), "quote": f"{row['indicator_vi']}: {written}",
            "url": row.get("source_url"), "national": True})]

    def qualitative(self, row: Mapping[str, Any]) -> list[int]:
        """Source number of a qualitative target (its document, line and quote)."""
        return [self._add(f"qual:{row['qual_id']}", {
            "document": self.wh.doc_label(row["doc_id"]), "doc_id": row["doc_id"],
            "source_file": self.wh.document(row["doc_id"])["source_file"],
            "line": int(row["line"]), "quote": row["quote"], "url": None, "value_text": None})]

    def tooltip(self, numbers: Sequence[int]) -> str:
        """Hover text for a value: each source's document, line and quote."""
        parts = []
        for n in numbers:
            e = self._entries[n - 1]
            ref = label("line_ref", self.lang, doc=e["document"], line=e["line"])
            parts.append(f"[{n}] {ref}: «{clean_quote(e['quote'])}»")
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

    def html(self, *, compact: bool = False) -> str:
        """The sources table: number, document, file, line and quote (a link for national
        sources). ``compact`` (briefs) keeps the quote to the words around the number and
        leaves the file path out, so that the sources of a printed brief stay short; the
        document and line still lead to the full text."""
        if not self._entries:
            return ""
        head = {k: label(k, self.lang) for k in ("document", "line", "quote")}
        rows = [SourceRow(n=e["n"], document=str(e["document"]), url=str(e["url"] or ""),
                          host=_host(str(e["url"])) if e["url"] else "",
                          source_file=str(e["source_file"]), line=e["line"],
                          quote=safe(highlight(excerpt(e["quote"], e.get("value_text"),
                                                       110 if compact else 400),
                                               e.get("value_text"))))
                for e in self._entries]
        return render("sources.html.j2", head=head, sources=rows, compact=compact)

    def __len__(self) -> int:
        return len(self._entries)


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
    """An excerpt as HTML (escaped) with the number it gives marked (``<mark>``)."""
    escaped = html.escape(quote)
    needle = clean_quote(value_text) if not isna(value_text) else ""
    if not needle:
        return escaped
    target = html.escape(needle)
    at = escaped.find(target)
    if at < 0:
        return escaped
    return f"{escaped[:at]}<mark>{target}</mark>{escaped[at + len(target):]}"


def _host(url: str) -> str:
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0]
