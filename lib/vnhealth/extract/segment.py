"""Cutting a document into tables and segments.

The lines are walked once. At each line the table shapes (shapes/registry.py) are asked in
turn whether a table starts there; the first that detects one reads it. Other lines gather
into prose segments: a bullet, a numbered item or a paragraph, which may wrap over many lines.
Numbered headings set the year and the section (targets, results, other) of what follows.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from vnhealth.extract.lines import (
    BULLET_RE,
    CAPS_TITLE_RE,
    HEADING_RE,
    YEAR_IN_TEXT_RE,
    strip_marker,
)
from vnhealth.extract.mentions import year_phrases
from vnhealth.extract.numbers import MENTION_RE, is_year, mention_number
from vnhealth.extract.records import Segment
from vnhealth.extract.sections import Section, SectionState, section_of, states_targets
from vnhealth.extract.shapes.header import spot_at
from vnhealth.extract.shapes.records import PlaceTable, ShapeRead, Table, TabTable, TotalTable
from vnhealth.extract.shapes.registry import read_table_at
from vnhealth.extract.vocabulary import Vocabulary
from vnhealth.inputs.catalog import Document
from vnhealth.inputs.text import capital_or_uncased, is_noise_line, lite

_DIGIT_RE = re.compile(r"\d")
_SENTENCE_END_RE = re.compile(r"[.;:!?…]\s*$")  # an ellipsis ends a cut-off sentence too
_PARAGRAPH_END_RE = re.compile(r"[.;:!?…][\"”’)\]]*\s*$")  # a sentence's end, quoted perhaps
# a paragraph framed by its year ("Năm 2025, …", "BẮC NINH - Trong năm 2022, …"), after a
# dateline perhaps; not a point in time ("Tính đến cuối năm 2012, …")
# "Năm 2025, …", "BẮC NINH - Năm 2025, …"; a horizon too: "Về mục tiêu cụ thể, đến năm 2030, …"
_LEAD_YEAR_RE = re.compile(r"\W*(?:[^\W\d][^-–.;:!?]{0,30}\s[-–]\s*|[^\W\d][^-–.,;:!?]{0,30},\s*)?"
                           r"(?:(?:trong|đến|tới|đến hết)\s+)?năm\s+((?:19|20)\d\d)\s*,")
_LEAD_REACH = 60  # characters of a line's start that may hold its opening year
# a line opening with a day and month ("Ngày 27/12, HCDC thông tin …"): news of its own day
_DATE_OPENER_RE = re.compile(r"\W*(?:[^\W\d]+\s+){0,2}\d{1,2}\s*/\s*\d{1,2}(?![\d/])")


class DocumentCut(NamedTuple):
    # read into observations as a whole, in order
    tables: list[Table | TabTable | TotalTable | PlaceTable]
    segments: list[Segment]  # read number by number, in document order


def cut_document(vocab: Vocabulary, doc: Document, lines: list[str]) -> DocumentCut:
    """The tables and segments of a document's NFC lines."""
    cut = DocumentCut([], [])
    state = SectionState()
    prose: list[tuple[int, str]] = []
    paragraphs = _line_per_paragraph(lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            # no table starts at a blank line: a tab block's rows of blank cells are taken
            # by the block around them
            i += 1
            continue
        found = read_table_at(spot_at(lines, i, vocab.table_words, doc.period_end))
        if found is not None:
            cut.segments.extend(_prose(vocab, prose, state))
            prose = []
            _add_table(vocab, cut, found, state)
            i = found.end
            continue
        if not is_noise_line(line):
            if paragraphs and (not prose and not cut.segments and not cut.tables
                               or prose and _after_blank_lines(lines, prose[-1][0], i)):
                state.paragraph_starts.add(i + 1)  # the page's first line, or after a blank
            prose.append((i + 1, line))
        i += 1
    cut.segments.extend(_prose(vocab, prose, state))
    return cut


PARAGRAPH_LINE = 40  # a line this long is a paragraph's or a wrapped line, not a heading
PARAGRAPH_SHARE = 0.5  # of such lines ending a sentence: a line per paragraph


def _line_per_paragraph(lines: list[str]) -> bool:
    """Whether the text holds a paragraph per line (a web page) rather than lines wrapped at a
    width (a PDF's text, which may put a blank between wrapped lines): most long lines end a
    sentence. Only then does a blank line end a statement."""
    long = [t for t in lines if len(t.strip()) >= PARAGRAPH_LINE]
    ends = sum(1 for t in long if _PARAGRAPH_END_RE.search(t))
    return bool(long) and ends >= PARAGRAPH_SHARE * len(long)


def _after_blank_lines(lines: list[str], prev_line_no: int, i: int) -> bool:
    """Whether only blank lines (no page number, no page header) stand between the prose
    line numbered prev_line_no and line index i: a paragraph break, not a page's."""
    between = lines[prev_line_no:i]
    return bool(between) and not any(t.strip() for t in between)


def _add_table(vocab: Vocabulary, cut: DocumentCut, found: ShapeRead, state: SectionState
               ) -> None:
    if found.table is not None:
        cut.tables.append(found.table)
    if found.tab_table is not None:
        cut.tables.append(found.tab_table)
    if found.total_table is not None:
        cut.tables.append(found.total_table)
    if found.place_table is not None:
        cut.tables.append(found.place_table)
    if found.in_sections:
        for seg in found.segments:
            if seg.context_year is None:
                seg.context_year = state.year
            # a title between two tables ("PHÂN CÔNG NHIỆM VỤ …") opens a section
            if CAPS_TITLE_RE.match(seg.text.strip()):
                _open_section(vocab, seg.text, state)
            seg.in_targets = state.in_targets
            seg.section = state.section
    cut.segments.extend(found.segments)


def _open_section(vocab: Vocabulary, heading: str, state: SectionState, loose: bool = False
                  ) -> None:
    state.in_targets = states_targets(heading, state.in_targets, vocab.target_sections,
                                      vocab.other_sections)
    opened = _section(vocab, heading, state.section)
    if loose and opened is not None and opened is not state.section:
        opened = opened._replace(loose=True)
    state.section = opened


def _section(vocab: Vocabulary, heading: str, current: Section | None) -> Section | None:
    return section_of(heading, current, vocab.target_sections, vocab.result_sections,
                      vocab.other_sections, vocab.plan_met_verbs)


def _prose(vocab: Vocabulary, lines: list[tuple[int, str]], state: SectionState
           ) -> list[Segment]:
    """The prose segments of a run of lines, each placed in its section; a numbered heading
    dates what follows it by the last year it names."""
    segs = _prose_segments(vocab, lines, state.paragraph_starts)
    for seg in segs:
        if seg.is_heading:
            years = [int(y) for y in YEAR_IN_TEXT_RE.findall(seg.text)]
            state.year = max(years) if years else None
            state.lead_year, state.lead_aims = None, False
        if seg.is_heading or CAPS_TITLE_RE.match(seg.text):
            _open_section(vocab, seg.text, state)
        elif _subheading(seg, state):
            # "Các chỉ tiêu chủ yếu đến năm 2025": a page's headline may date what follows by
            # a year phrase (not a bare year: "Dân số Bình Dương 2016" names no value's year)
            years = [p.year for p in year_phrases(vocab, lite(seg.text)) if p.kind == "year"]
            state.year = max(years) if years else state.year
            _open_section(vocab, seg.text, state, loose=True)
        seg.context_year = state.year
        seg.in_targets = state.in_targets
        seg.section = state.section
        # a paragraph with a line opening with its own day ("Ngày 27/12, …") is not the lead
        # year's (a caption or a subheading may join that line to the paragraph before)
        seg.lead_year = None if any(_DATE_OPENER_RE.match(lite(text[:_LEAD_REACH]))
                                    for _pos, _line, text in seg.pieces) else state.lead_year
        seg.goal_framed = state.lead_year is not None and state.lead_aims
        state.lead_year, state.lead_aims = _lead_year(vocab, seg, state.lead_year,
                                                      state.lead_aims)
        _carry_now(vocab, seg, state)
        _carry_list_year(vocab, seg, state)
    return segs


_OPEN_END = (";", ":")
_YEAR_SAID_RE = re.compile(r"(?<!\w)năm\s+((?:19|20)\d\d)(?!\d)")
_ITEM_START_RE = re.compile(r"[\W_]*(\w)")  # its first letter or digit


def _carry_list_year(vocab: Vocabulary, seg: Segment, state: SectionState) -> None:
    """A paragraph ending open (";", ":") leaves its last year to the next if that one goes on
    with its list, opening with a number, a small letter or a list marker ("- ")."""
    text = seg.text.strip()
    first = _ITEM_START_RE.match(text)
    item = not seg.is_heading and first is not None and (
        first.group(1).isdigit() or first.group(1).islower() or BULLET_RE.match(text) is not None)
    if item:
        seg.list_year = state.open_year
        seg.goal_framed = seg.goal_framed or state.open_aims
    if seg.is_heading or not text.endswith(_OPEN_END):
        # "- By 2025:" / "+ 38 hospital beds …" / "+ The rate … reaches over 80%": a list
        # item goes on with its list's year, however it ends; anything else ends the list
        goes_on = item and BULLET_RE.match(text) is not None
        state.open_year = seg.list_year if goes_on else None
        state.open_aims = goes_on and state.open_aims
        return
    # a year said as one ("đến năm 2025", "by 2030"), not a standard's ("ISO 17025:2017")
    low = lite(text)
    years = [int(y) for y in _YEAR_SAID_RE.findall(low)] or [
        p.year for p in year_phrases(vocab, low) if p.kind == "year"]
    state.open_year = years[-1] if years else seg.list_year
    state.open_aims = (item and state.open_aims) or vocab.sets_a_target(low)


def _carry_now(vocab: Vocabulary, seg: Segment, state: SectionState) -> None:
    """"Đến nay, tỷ lệ … là 97,28%. … / Bên cạnh đó, tỷ lệ … 72,86%": a paragraph opening
    with a linking word goes on from the one before, in the same now."""
    if seg.is_heading:
        state.last_now = state.last_text = state.last_year = None
        return
    low = lite(seg.text)
    if vocab.linking_re.match(low) or vocab.refers_back(low):
        # the paragraph before is scanned only now: few paragraphs open with a linking word
        before = state.last_text or ""
        found = [m.group(0) for m in vocab.present_re.finditer(before)]
        seg.linked_now = found[-1] if found else state.last_now
        years = [p.year for p in year_phrases(vocab, before) if p.kind == "year"]
        seg.linked_year = years[-1] if years else state.last_year
    elif _goes_on_with_goals(vocab, low, state.last_text):
        years = [p.year for p in year_phrases(vocab, state.last_text or "") if p.kind == "year"]
        seg.linked_year = years[-1] if years else None
    state.last_now, state.last_text, state.last_year = seg.linked_now, low, seg.linked_year


def _goes_on_with_goals(vocab: Vocabulary, low: str, before: str | None) -> bool:
    """"Theo mục tiêu đề ra, giai đoạn 2023 – 2025 giảm … xuống dưới 39% … / Giảm tỷ lệ …
    dưới 30%; …": a paragraph opening with a goal's verb goes on with the goals (targets with
    values, not only aims) of the paragraph before."""
    opening = low.lstrip()[:40]
    return before is not None and any(opening.startswith(w) for w in vocab.goal_openers) \
        and vocab.target_word_re.search(before) is not None and _SHARE_RE.search(before) is not None


_SHARE_RE = re.compile(r"\d\s*%")


SUBHEADING_MAX = 80  # characters of a web page's subheading ("Kết quả nổi bật")


def _subheading(seg: Segment, state: SectionState) -> bool:
    """A page's subheading: on a page of a paragraph per line, a short paragraph of one line
    with no number and no sentence end ("Kết quả nổi bật"); it opens a section as a numbered
    heading does."""
    text = seg.text.strip()
    return (len(seg.pieces) == 1 and seg.pieces[0][1] in state.paragraph_starts
            and len(text) <= SUBHEADING_MAX
            and not _DIGIT_RE.search(YEAR_IN_TEXT_RE.sub(" ", text))  # years only
            and not _PARAGRAPH_END_RE.search(text))


def _lead_year(vocab: Vocabulary, seg: Segment, lead: int | None, aims: bool
               ) -> tuple[int | None, bool]:
    """The lead year after a segment, and whether its line sets a target: the year of its
    last line that opens with "năm YYYY," ("BẮC NINH - Năm 2025, …"); a line opening with
    another year or a period ("Giai đoạn 2021-2023, …") ends the lead."""
    for _pos, _line, text in seg.pieces:
        head = lite(text[:_LEAD_REACH])
        opener = _LEAD_YEAR_RE.match(head)
        if opener is not None:
            lead, aims = int(opener.group(1)), vocab.sets_a_target(head)
        elif YEAR_IN_TEXT_RE.search(head) or _DATE_OPENER_RE.match(head):
            lead, aims = None, False
    return lead, aims


# blanks between two words (not about a number: its value is quoted as written)
_BLANK_RUN_RE = re.compile(r"(?<=[^\W\d_])[ \t]{2,}(?=[^\W\d_])")
_ENDS_IN_A_NUMBER_RE = re.compile(r"[^\W\d_]\s+\d+(?:[.,]\d+)?$")  # "… từ 1"
_RANGE_GOES_ON_RE = re.compile(r"^\s*[-–]\s*\d+(?:[.,]\d+)?\s*[%‰]?\s+(\w)")


def _a_range_going_on(prev: str, text: str) -> bool:
    """"… từ 1" / "- 18 tuổi thêm …": a range broken over two lines (a PDF's wrapping), its
    dash no list marker: the line before ends in a number after a word, and this one goes on
    in lower case after the range's end."""
    m = _RANGE_GOES_ON_RE.match(text)
    return m is not None and m.group(1).islower() and _ENDS_IN_A_NUMBER_RE.search(prev) is not None


def _prose_segments(vocab: Vocabulary, lines: list[tuple[int, str]],
                    paragraph_starts: set[int]) -> list[Segment]:
    """Lines grouped into statements: a list marker opens one, and so does a capital letter
    after a sentence's end, a heading or a blank line (a page's headline, its date stamp)."""
    groups: list[list[tuple[int, str]]] = []
    prev = ""
    prev_heading = False
    for line_no, text in lines:
        # "Mục  tiêu": the blanks of a PDF's justified line are one, as phrases are written
        text = _BLANK_RUN_RE.sub(" ", text)
        stripped = text.strip()
        starts_new = bool(BULLET_RE.match(text)) and not _a_range_going_on(prev, text)
        first = stripped[:1]
        if not starts_new and groups and capital_or_uncased(first) and (
            _SENTENCE_END_RE.search(prev) or prev_heading or len(groups[-1]) == 0
            or line_no in paragraph_starts
        ):
            starts_new = True
        # a page's paragraph may open with its number ("100% trạm y tế xã có bác sĩ"); a
        # lone year after a blank still ends the line before ("Giai đoạn 2021 -" / "2025")
        if not starts_new and groups and line_no in paragraph_starts and first.isdigit() \
                and not vocab.lone_year_re.match(text):
            starts_new = True
        if starts_new or not groups:
            groups.append([])
        groups[-1].append((line_no, text))
        prev = stripped
        prev_heading = _heading_lines(vocab, groups[-1]) is not None
    segs = []
    for g in groups:
        seg = Segment.from_lines("prose", g)
        heading = _heading_lines(vocab, g)
        body = strip_marker(" ".join(t.strip() for _n, t in g))
        # a heading holds no number but years ("2. Năm 2025"; not "1. Giảm 5% …")
        seg.is_heading = heading is not None and not any(
            not is_year(mention_number(m)[1]) for m in MENTION_RE.finditer(body))
        segs.append(seg)
    return segs


def _heading_lines(vocab: Vocabulary, g: list[tuple[int, str]]) -> list[tuple[int, str]] | None:
    """The lines of a group when they are a numbered heading: one short line, or one
    whose period goes on to a second line holding only a year ("2.1. Giai đoạn 2023 -" /
    "2025"); otherwise None."""
    first = g[0][1]
    stripped = first.strip()
    if not (HEADING_RE.match(first) and len(stripped) < 100
            and not stripped.endswith((",", ";"))):
        return None
    if len(g) == 1:
        return g
    if len(g) == 2 and vocab.heading_goes_on_re.search(lite(stripped)) \
            and vocab.lone_year_re.match(g[1][1]):
        return g
    return None
