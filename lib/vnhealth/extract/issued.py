"""When a document was issued: the year that tells a reported value from a planned one.

A value for a year after the document was issued cannot have been reported in it, and a value
for a year before it is not planned there. The manifest's date of issue decides when it gives
one; else the year in the document's number ("114/2025/QH15"); else the text's own words: a
date written with the document's number ("Nghị quyết số 11/NQ-HĐND ngày 9/12/2022"), a date
after an issue word ("Ngày ban hành 02/01/2024"), or the dateline under the header ("Quảng
Bình, ngày 02 tháng 1 năm 2024", a line of its own), or, for a web page, its own date
("30/04/2022", "Cập nhật lúc: 08:32 |28/03/2017"). Dates of other documents cited in the text
("Căn cứ Quyết định số 788/QĐ-BYT ngày 13/02/2023 …") are none of these. The words are the
catalogue's (vocabulary.yaml `issue_words`, `date_words`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from vnhealth.extract.lines import YEAR_IN_TEXT_RE
from vnhealth.extract.vocabulary import Vocabulary
from vnhealth.inputs.catalog import Document
from vnhealth.inputs.text import lite, nfc

_MARKUP_RE = re.compile(r"[*_#>]+")  # markdown emphasis and headings around a header line
HEAD_LINES = 40  # the header, card and first sentences; a cited date further on is no issue


class IssueYear(NamedTuple):
    year: int
    basis: str  # where it was read
    month: int | None = None  # where the date gives it
    page: bool = False  # a web page's own date: what the page says of now holds then


EARLY_MONTHS = 3  # a document of the year's first quarter has reached nothing in that year yet


def issue_year(vocab: Vocabulary, doc: Document, lines: Sequence[str]) -> IssueYear | None:
    """The year the document was issued, with where it was read; None when nothing says."""
    if doc.issued_on and doc.issued_on[:4].isdigit():
        month = doc.issued_on[5:7]
        return IssueYear(int(doc.issued_on[:4]), "date of issue in the manifest",
                         int(month) if month.isdigit() else None)
    in_number = YEAR_IN_TEXT_RE.search(doc.doc_number or "")
    if in_number:
        return IssueYear(int(in_number.group(1)), f"year in its number {doc.doc_number}")
    head = [nfc(t) for t in lines[:HEAD_LINES]]
    return (_with_own_number(vocab, doc, [nfc(doc.title or ""), *head])
            or _after_issue_word(vocab, head) or _dateline(vocab, head)
            or _page_date(vocab, head) or _lead_date(vocab, head) or _looking_back(vocab, head))


# a remark in brackets ("(thực hiện Quyết định … 13/02/2023)", "[page, 2021]") is a reader's
# note in a title, not its words
BRACKETED_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_OWN_NUMBER_RE = re.compile(r"^\W*số\s*:?\s*\d+\s*/", re.IGNORECASE)  # "Số: 12/KH-UBND"


def is_plan_text(vocab: Vocabulary, doc: Document, lines: Sequence[str]) -> bool:
    """Whether the text is a plan, resolution or decision itself, not a page telling of one:
    the manifest gives its number or a title opening with a plan word ("Kế hoạch …"), or its
    head holds its number ("Số: 12/KH-UBND") or its title in capitals opening so ("KẾ HOẠCH",
    "NGHỊ QUYẾT"; vocabulary `plan_words`, `document_words`)."""
    if doc.doc_number or vocab.plan_title_re.match(lite(nfc(doc.title or "")).strip()):
        return True
    for text in lines[:HEAD_LINES]:
        bare = _MARKUP_RE.sub(" ", nfc(text)).strip(" |\t")
        if _OWN_NUMBER_RE.match(bare):
            return True
        if bare.isupper() and vocab.plan_title_re.match(lite(bare)):
            return True
    return False


def title_aims(vocab: Vocabulary, doc: Document) -> bool:
    """Whether the document's title, bracketed remarks aside, names a plan, a target or what
    is planned (vocabulary `plan_words`, `target_words`, `planned_words`)."""
    title = vocab.not_plan_re.sub(" ", lite(nfc(BRACKETED_RE.sub(" ", doc.title or ""))))
    return (vocab.sets_a_target(title) or bool(vocab.planned_re.search(title))
            or any(w in title for w in vocab.plan_words))


def reviewed_year(vocab: Vocabulary, doc: Document, lines: Sequence[str]) -> IssueYear | None:
    """The year the document reviews ("tổng kết công tác năm 2012" in its title or opening
    lines), with the words that say so; None when it names none."""
    texts = [doc.title or "", *lines[:HEAD_LINES]]
    for i, text in enumerate(texts):
        # a heading may run on to the next line ("… tổng kết công tác dân số-KHHGĐ" / "năm 2014.")
        for candidate in (text, f"{text} {texts[i + 1]}" if i + 1 < len(texts) else ""):
            m = vocab.reviewed_year_re.search(lite(nfc(candidate)))
            if m:
                return IssueYear(int(m.group("y")), f"'{m.group('word')} … {m.group('y')}'")
    return None


def source_year(vocab: Vocabulary, doc: Document, lines: Sequence[str]) -> IssueYear | None:
    """The year of the source a page reports from, named with its year in its title or opening
    lines: a statistics publication ("the 2023 Statistical Yearbook"), else a study or survey
    ("Nghiên cứu cắt ngang được tiến hành năm 2017"); None when none is, or several years are."""
    head = [lite(nfc(text)) for text in lines[:HEAD_LINES]]
    # a study is read in the text alone: a title given on registering may say more of it
    for source_re, what, texts in (
            (vocab.dated_source_re, "the statistics publication the page reports from",
             [lite(nfc(doc.title or "")), *head]),
            (vocab.study_year_re, "the study the page reports", head)):
        found = {(m.group("y") or m.groupdict().get("y2"), m.group(0)) for text in texts
                 for m in source_re.finditer(text)}
        if len({year for year, _words in found}) == 1:
            year, words = min(found)
            return IssueYear(int(year), f"{what} ('{_short(words)}')")
    return None


def _short(words: str, reach: int = 60) -> str:
    """A quoted phrase cut to its first and last words when long."""
    return words if len(words) <= reach else f"{words[:24]} … {words[-24:]}"


def _with_own_number(vocab: Vocabulary, doc: Document, texts: list[str]) -> IssueYear | None:
    """A date on the line (or title) that names the document's own number."""
    number = lite(nfc(doc.doc_number or "")).replace(" ", "")
    if len(number) < 3:
        return None
    # the number as written, perhaps with blanks around its slashes ("11 /NQ-HĐND")
    number_re = re.compile(r"(?<![\w/-])" + r"\s*".join(map(re.escape, number)) + r"(?![\w/-])")
    for text in texts:
        low = lite(text)
        own = number_re.search(low)
        dates = list(vocab.date_re.finditer(low)) if own else []
        if own and dates:
            # the date nearest the number (a line may cite another document's date too)
            near = min(dates, key=lambda m: abs(m.start() - own.start()))
            return IssueYear(_year(near), f"date with its number {doc.doc_number}")
    return None


def _after_issue_word(vocab: Vocabulary, head: list[str]) -> IssueYear | None:
    """"Ngày ban hành 02/01/2024", "| Ngày ban hành | 01/01/2026 |": a document card."""
    for text in head:
        m = vocab.issued_card_re.search(lite(text))
        if m:
            return IssueYear(int(m.group("y")), f"'{m.group('word')}' date")
    return None


def _dateline(vocab: Vocabulary, head: list[str]) -> IssueYear | None:
    """"Quảng Bình, ngày 02 tháng 1 năm 2024" standing alone (or in its own cell): a place
    written with a capital, a comma, the date, nothing after it. The date may run on to the
    next line ("Hà Nội, ngày 03" / "tháng 01 năm 2025")."""
    clean = [_MARKUP_RE.sub(" ", t).strip() for t in head]
    for i, text in enumerate(clean):
        if not text:
            continue
        nxt = next((t for t in clean[i + 1:i + 3] if t), "")
        for candidate in (text, f"{text} {nxt}"):
            m = vocab.dateline_re.search(candidate)
            if m and m.group("place")[:1].isupper():
                return IssueYear(_year(m), "dateline under the header")
    return None


_NUMERIC_DATE_RE = re.compile(
    r"(?<![\d/])\d{1,2}/(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)(?![\d/])"
    r"|(?<![\d-])(?P<iy>(?:19|20)\d\d)-(?P<im>\d{2})-\d{2}(?![\d-])"  # or ISO "2026-02-28"
    # or in words, as a portal prints it: "Ngày 27 Tháng 5, 2015 | 09:00 AM"
    r"|(?<!\w)ngày\s+\d{1,2}\s+tháng\s+(?P<wm>\d{1,2}),?\s+(?:năm\s+)?(?P<wy>(?:19|20)\d\d)(?!\d)")
_TIME_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
PAGE_DATE_WORDS = 3  # words a page's date line may hold besides the date: "Thời sự - …"
BODY_LINE = 200  # a line this long is an article's text, not its header


def _page_date(vocab: Vocabulary, head: list[str]) -> IssueYear | None:
    """A web page's date: a line holding only a numeric date ("30/04/2022"), a short one with
    a date and a time ("Thời sự - 28/12/2021 17:42"), or a date after a page-date word
    ("Cập nhật lúc: 08:32 |28/03/2017"), or a stamp opening a line ("date 2024-10 …"). A line
    of cells ("Thứ bảy, 19:00 27/11/2021 | Dân
    số và phát triển") is read whole, then cell by cell: the section's name is no date's. Of
    several stamps before the body the last is the article's: a portal shows its clock above
    ("Thứ Bảy, 30/11/2024 00:39 SA" over "Thứ Ba, 29/01/2008 07:00 SA")."""
    last: IssueYear | None = None
    for text in head:
        lead = vocab.leading_stamp_re.match(lite(text))
        if lead is not None:  # "date 2024-10 Trong những năm qua, …": the copy's own stamp
            last = IssueYear(int(lead.group("iy")), f"page date '{lead.group(0).strip()}'",
                             int(lead.group("im")), page=True)
        if len(text) > BODY_LINE:
            break  # the article's text: a date further on is a related article's
        cells = text.split("|") if "|" in text else []
        for piece in (text, *cells):
            found = _stamped_date(vocab, lite(piece))
            if found is not None:
                last = IssueYear(found[0], f"page date '{piece.strip()[:40]}'", found[1],
                                 page=True)
                break
    return last


def _lead_date(vocab: Vocabulary, head: list[str]) -> IssueYear | None:
    """"LSO-Ngày 29/5/2020, Đảng bộ Sở Y tế … tổ chức Đại hội": a news article opening with
    the date of what it reports was written then (a portal's "today" above it is not). The
    first paragraphs are read (a lead, then the text), not the title's or a card's lines."""
    paragraphs = [t for t in head if len(t) >= PARAGRAPH_LINE][:LEAD_PARAGRAPHS]
    for text in paragraphs:
        clean = _MARKUP_RE.sub(" ", text)  # lite() keeps offsets: quote the text as written
        low = lite(clean)
        m = vocab.lead_date_re.match(low)
        if m is not None:
            return IssueYear(int(m.group("y")),
                             f"the article's opening date '{clean[:m.end()].strip(' ,')}'",
                             int(m.group("m")), page=True)
        # "17 November 2017 - Nghe An -- …": an English lead opens with its date, a dash or
        # a comma after it
        e = vocab.english_date_re.match(low, len(low) - len(low.lstrip()))
        if e is not None and _AFTER_LEAD_DATE_RE.match(low, e.end()):
            return IssueYear(int(e.group("y")),
                             f"the article's opening date '{clean[e.start():e.end()]}'",
                             vocab.month_numbers[e.group("mn") or e.group("mn2")], page=True)
    return None


_AFTER_LEAD_DATE_RE = re.compile(r"\s*[-–—,(]")


PARAGRAPH_LINE = 80  # a line this long is a paragraph of text, not a title or a card's cell
LEAD_PARAGRAPHS = 3


def _looking_back(vocab: Vocabulary, head: list[str]) -> IssueYear | None:
    """"(ĐCSVN) - Trong 5 năm qua (2011-2015), …": an undated page that looks back on a
    period just ended is written at its end; what it says of now holds in its last year."""
    for text in head:
        m = vocab.looking_back_re.search(lite(text))
        if m:
            return IssueYear(int(m.group("y1") or m.group("y2")),
                             f"the period it looks back on '{m.group(0).strip()}'", page=True)
    return None


def _stamped_date(vocab: Vocabulary, low: str) -> tuple[int, int] | None:
    """(year, month) of the one date of a text that is a page's date stamp, if it is one: a
    numeric date, or an English one with a time ("By Le Phuong   December 11, 2023 | 07:55
    pm PT": a byline's words do not count against it)."""
    dates = list(_NUMERIC_DATE_RE.finditer(low))
    english = list(vocab.english_date_re.finditer(low)) if not dates else []
    if len(dates) + len(english) != 1:
        return None
    date_re = _NUMERIC_DATE_RE if dates else vocab.english_date_re
    timed = _TIME_RE.search(low) is not None
    rest = _TIME_RE.sub(" ", date_re.sub(" ", low))
    words = re.findall(r"[^\W\d_]+", rest)
    stamp = any(w in rest for w in vocab.page_date_words)
    if english:
        m = english[0]
        # an English stamp carries its time ("07:55 pm"), after a byline or alone
        return (int(m.group("y")), vocab.month_numbers[m.group("mn") or m.group("mn2")]) \
            if timed or not words else None
    # a portal's "today" ("Thứ 2, Ngày 28/10/2024") has no time and dates the visit; an ISO
    # date with a byline ("2019-01-08     임용태") is the article's own stamp
    iso = dates[0].group("iy") is not None
    if stamp or not words or ((timed or iso) and len(words) <= PAGE_DATE_WORDS):
        m = dates[0]
        return (int(m.group("y") or m.group("iy") or m.group("wy")),
                int(m.group("m") or m.group("im") or m.group("wm")))
    return None


def _year(m: re.Match[str]) -> int:
    return int(m.group("y1") or m.group("y2"))
