"""What a document says about itself: number, issuer, date of issue, title and period.

A Vietnamese administrative document states these at its top (Decree 30/2020/NĐ-CP): the
issuing body and "Số: 22/KH-UBND" on the left, "Lai Châu, ngày 23 tháng 3 năm 2026" on the
right, then the kind of document ("KẾ HOẠCH") and its title, whose last words usually give the
period ("giai đoạn 2021-2025", "đến năm 2030", "năm 2024"). The words are data
(data/catalog/documents.yaml); what the text does not state is reported as not stated, never
guessed. Every fact keeps the line it was read from, so the report can say where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Generic, TypeVar

from vnhealth.inputs.catalog import read_yaml
from vnhealth.inputs.fields import LINE, MAPPING, TEXT, TEXTS, Field, check_record
from vnhealth.inputs.text import nfc

T = TypeVar("T")

WORDS_FIELDS = (
    Field("header_lines", LINE), Field("number_labels", TEXTS), Field("issuers", TEXTS),
    Field("issuer_places", TEXTS), Field("date_words", MAPPING), Field("title_words", TEXTS),
    Field("title_stops", TEXTS), Field("title_max_lines", LINE), Field("period", MAPPING),
)
DATE_WORD_FIELDS = (Field("day", TEXT), Field("month", TEXT), Field("year", TEXT))
PERIOD_FIELDS = (Field("range", TEXTS), Field("until", TEXTS), Field("single", TEXTS),
                 Field("vision", TEXTS, False))
# the separators of a year range: "2021-2025", "2021 – 2025", "từ năm 2021 đến năm 2025"
RANGE_SEPARATORS = r"(?:[-–—]|đến\s+năm|đến|tới\s+năm|tới)"
# a document number: digits, then a type code with slashes or dashes (22/KH-UBND, 48-KH/ĐU)
NUMBER_SHAPE = r"\d{1,5}\s?[/-]\s?[^\W\d_][\w.]*(?:\s?[/-]\s?[\w.]+)*"
# where a header line's second column begins: a wide gap, a tab, or the national motto
COLUMN_GAP = re.compile(r"\s{3,}|\t|\||\bCỘNG H(?:ÒA|OÀ)\b", re.IGNORECASE)
MARKUP = re.compile(r"^[\s#*_>|]+|[\s*_|]+$")  # markdown and table bars around header text


@dataclass(frozen=True)
class DocumentWords:
    header_lines: int
    number_labels: tuple[str, ...]
    issuers: tuple[str, ...]
    issuer_places: tuple[str, ...]
    day: str
    month: str
    year: str
    title_words: tuple[str, ...]
    title_stops: tuple[str, ...]
    title_max_lines: int
    range_words: tuple[str, ...]
    until_words: tuple[str, ...]
    single_words: tuple[str, ...]
    vision_words: tuple[str, ...] = ()


def load_document_words(path: Path, shown: Path) -> DocumentWords:
    """data/catalog/documents.yaml, every field checked (an unknown key is refused)."""
    v = check_record(read_yaml(path, shown), WORDS_FIELDS, shown, "documents.yaml")
    d = check_record(v["date_words"], DATE_WORD_FIELDS, shown, "date_words")
    p = check_record(v["period"], PERIOD_FIELDS, shown, "period")
    return DocumentWords(
        header_lines=v["header_lines"], number_labels=_nfc(v["number_labels"]),
        issuers=_nfc(v["issuers"]), issuer_places=_nfc(v["issuer_places"]),
        day=nfc(d["day"]), month=nfc(d["month"]), year=nfc(d["year"]),
        title_words=_nfc(v["title_words"]), title_stops=_nfc(v["title_stops"]),
        title_max_lines=v["title_max_lines"], range_words=_nfc(p["range"]),
        until_words=_nfc(p["until"]), single_words=_nfc(p["single"]),
        vision_words=_nfc(p["vision"] or ()))


def _nfc(items: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(nfc(x) for x in items)


@dataclass(frozen=True)
class Fact(Generic[T]):
    """A value read from the text, with the line (1-based) it stands on and the words."""

    value: T
    line: int
    text: str


@dataclass
class DocumentFacts:
    doc_number: Fact[str] | None = None
    issuer: Fact[str] | None = None
    issued: Fact[str | None] | None = None  # value: ISO date; None when the day is left blank
    title: Fact[str] | None = None
    period: Fact[tuple[int | None, int]] | None = None
    notes: list[str] = field(default_factory=list)


def _words(phrases: tuple[str, ...]) -> str:
    """An alternation of phrases, longest first, spaces matching any run of blanks."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)


def _clean(line: str) -> str:
    return MARKUP.sub("", nfc(line)).strip()


def read_facts(lines: list[str], words: DocumentWords) -> DocumentFacts:
    """Everything the top of the document states about it (see the module's docstring)."""
    head = [(n, _clean(line)) for n, line in enumerate(lines[:words.header_lines], start=1)]
    facts = DocumentFacts(doc_number=_doc_number(head, words), issuer=_issuer(head, words),
                          issued=_issued(head, words), title=_title(head, words))
    if facts.title is not None:
        facts.period = _period(facts.title, words)
    return facts


def _doc_number(head: list[tuple[int, str]], words: DocumentWords) -> Fact[str] | None:
    rx = re.compile(rf"(?:^|\|)\s*(?:{_words(words.number_labels)})\s*[:.|]?\s*"
                    rf"(?P<num>{NUMBER_SHAPE})", re.IGNORECASE)
    for n, line in head:
        m = rx.search(line)
        if m:
            number = re.sub(r"\s+", "", m["num"]).rstrip(".")
            return Fact(number, n, line)
    return None


def _issuer(head: list[tuple[int, str]], words: DocumentWords) -> Fact[str] | None:
    """The issuing body: a header line opening with an issuer's words (cut where a second
    column, e.g. "CỘNG HÒA XÃ HỘI …", begins), with the next line when it names the place."""
    rx = re.compile(rf"^(?:{_words(words.issuers)})\b", re.IGNORECASE)
    place = re.compile(rf"^(?:{_words(words.issuer_places)})\s", re.IGNORECASE)
    for i, (n, line) in enumerate(head):
        name = COLUMN_GAP.split(line)[0].strip(" |")
        # the header names its issuer in capitals; a sentence of the body does not count
        if not rx.match(name) or name != name.upper():
            continue
        nxt = next((t for _m, t in head[i + 1:i + 3] if t), "")
        if nxt and place.match(nxt) and not place.search(name):
            name = f"{name} {COLUMN_GAP.split(nxt)[0].strip(' |')}"
        return Fact(name, n, line)
    return None


def _issued(head: list[tuple[int, str]], words: DocumentWords) -> Fact[str | None] | None:
    """"Lai Châu, ngày 23 tháng 3 năm 2026" or "…, ngày 23/3/2026": a place, a comma, the
    date. The place and comma tell it from the dates of documents cited in the text; a day
    left blank ("ngày    tháng 4 năm 2021") gives the words without a date."""
    day, month, year = (re.escape(w) for w in (words.day, words.month, words.year))
    rx = re.compile(rf"(?:^|\||\s{{3,}})\s*(?P<place>[^\W\d_][\w .]{{0,40}}),\s*{day}\s*"
                    rf"(?P<d>\d{{1,2}}|[.…\s]*)\s*"
                    rf"(?:{month}\s*(?P<m>\d{{1,2}})\s*{year}\s*(?P<y>\d{{4}})"
                    rf"|/\s*(?P<m2>\d{{1,2}})\s*/\s*(?P<y2>\d{{4}}))", re.IGNORECASE)
    for i, (n, line) in enumerate(head):
        # a date may run on to the next line ("Đắk Nông, ngày 03" / "tháng 4 năm 2024")
        nxt = next((t for _k, t in head[i + 1:i + 3] if t), "")
        m = rx.search(f"{line} {nxt}")
        if not m or m.start("place") >= len(line) or not m["place"][0].isupper():
            continue
        text = re.sub(r"\s+", " ", m[0]).strip(" |")
        y, mo = int(m["y"] or m["y2"]), int(m["m"] or m["m2"])
        d = m["d"].strip(" .…") if m["d"] else ""
        try:
            value = date(y, mo, int(d)).isoformat() if d.isdigit() else None
        except ValueError:
            value = None  # a date that does not exist is quoted, not recorded
        return Fact(value, n, text)
    return None


def _title(head: list[tuple[int, str]], words: DocumentWords) -> Fact[str] | None:
    """The kind of document ("KẾ HOẠCH") and the lines after it, up to the body's first words,
    as one line: "Kế hoạch duy trì và nâng cao … giai đoạn 2021-2025"."""
    rx = re.compile(rf"^(?P<kind>{_words(words.title_words)})\s*(?P<rest>.*)$")
    stop = re.compile(rf"^(?:{_words(words.title_stops)})(?:\s|$)", re.IGNORECASE)
    for i, (n, line) in enumerate(head):
        m = rx.match(line)
        # "QUYẾT ĐỊNH:" opens a decision's articles, not a title
        if not m or m["rest"].startswith(":"):
            continue
        parts = [m["rest"]] if m["rest"] else []
        for _k, nxt in head[i + 1:]:
            if re.fullmatch(r"[-_=*]{3,}", nxt) or (parts and stop.match(nxt)):
                break
            if nxt:
                parts.append(nxt)
            if len(parts) >= words.title_max_lines or nxt.endswith((":", ";")):
                break
        if not parts:
            continue
        rest = " ".join(parts)
        if rest == rest.upper():  # a title in capitals is kept as written
            return Fact(f"{m['kind']} {rest}", n, line)
        return Fact(f"{m['kind'].capitalize()} {rest[0].lower() + rest[1:]}", n, line)
    return None


def _period(title: Fact[str], words: DocumentWords) -> Fact[tuple[int | None, int]] | None:
    """The last period phrase of the title: a range, "đến năm Y" (start unknown) or "năm Y" (a
    plan for one year); a phrase after a vision word is a vision, not the period."""
    text = title.value
    found: list[tuple[int, tuple[int | None, int], str]] = []
    ranges = rf"(?:{_words(words.range_words)})\s*(\d{{4}})\s*{RANGE_SEPARATORS}\s*(\d{{4}})"
    for m in re.finditer(ranges, text, re.IGNORECASE):
        found.append((m.end(), (int(m[1]), int(m[2])), m[0]))
    for m in re.finditer(rf"(?:{_words(words.until_words)})\s*(\d{{4}})", text, re.IGNORECASE):
        found.append((m.end(), (None, int(m[1])), m[0]))
    single = rf"\b(?:{_words(words.single_words)})\s*(\d{{4}})\b"
    in_date = re.compile(rf"{re.escape(words.month)}\s*\d{{1,2}}\s*$", re.IGNORECASE)
    for m in re.finditer(single, text, re.IGNORECASE):
        # the "năm" of "đến năm 2030", of a range or of a date is not a plan for one year
        if in_date.search(text[:m.start()]) or any(
                end - len(t) < m.end() <= end for end, _v, t in found):
            continue
        found.append((m.end(), (int(m[1]), int(m[1])), m[0]))
    vision = re.search(_words(words.vision_words), text, re.IGNORECASE) \
        if words.vision_words else None
    found = [f for f in found if vision is None or f[0] - len(f[2]) < vision.start()]
    if not found:
        return None
    end, value, phrase = max(found, key=lambda f: f[0])
    return Fact(value, title.line, phrase)
