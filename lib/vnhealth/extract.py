"""Extraction: a document's lines → statements → observations with line-level provenance.

The same rules read every document; nothing here is keyed to one file. A document is cut into
*segments*: table rows (three shapes: tab-separated rows, PDF rows broken over lines under a
header of one word per line, and pipe cells over lines) and prose statements (bullets, numbered
items, paragraphs, which may wrap over many lines). Each number found in a segment is read with
its comparator, range, unit and year, and paired with the indicator named nearest to it in its
clause. What the rules cannot get right is corrected in the review ledger
(data/catalog/ledger.yaml), applied by vnhealth.warehouse after extraction.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any, NamedTuple

from vnhealth.catalog import Catalog, Document, Indicator
from vnhealth.numbers import (
    FRACTION_SHARE_RE,
    MENTION_RE,
    NUMBER,
    is_year,
    parse_cell,
    parse_number,
)
from vnhealth.pairing import (
    NOT_STATED,
    FuzzyIndex,
    KindChoice,
    Section,
    YearChoice,
    decide_kind,
    is_gap,
    quarantine_reason,
    reference_year,
    section_of,
    statistics_word,
    verb_before,
    verb_regex,
)
from vnhealth.tables import Prefix, Row, Table, TableWords, column_kind, find_table
from vnhealth.text import Keyed, blank_markup, is_noise_line, lite, make_key, nfc, phrase_key

# ---------------------------------------------------------------------------------------------
# Output records


@dataclass
class Statement:
    statement_id: str
    doc_id: str
    line_start: int
    line_end: int
    text: str
    shape: str  # prose | tab_row | pdf_row | pipe_row
    is_mapped: bool = False
    is_numeric: bool = True  # False for a statement kept only for a non-numeric target
    # the indicator phrase as written (of its first mapped value, else of its first number
    # with a unit), kept so that a statement nothing maps can still be reviewed by its words
    indicator_text: str | None = None


@dataclass
class Observation:
    doc_id: str
    indicator_id: str
    kind: str
    year: int | None  # None: the text states no year (year_basis says "not stated")
    comparator: str
    value: float
    value_high: float | None
    unit: str
    relative_to: str | None
    line: int
    quote: str
    value_text: str
    statement_id: str
    source: str = "rule"
    ledger_reason: str | None = None
    indicator_text: str | None = None  # the phrase that named the indicator, as written
    match_method: str = "alias"  # alias | fuzzy | ledger
    match_score: float | None = 100.0  # 100 for an alias; the fuzzy score otherwise
    kind_basis: str = ""  # why the kind (section, verb and past year, document genre, …)
    year_basis: str = ""  # where the year came from, or "not stated"
    quarantine_reason: str | None = None  # set: kept for review, never harmonized


@dataclass
class QualitativeObservation:
    doc_id: str
    target_id: str
    year: int
    line: int
    quote: str
    statement_id: str


@dataclass
class DocumentExtraction:
    statements: list[Statement] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    qualitative: list[QualitativeObservation] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Segments: a piece of text built from one or more lines, with offsets back to the lines


@dataclass
class Segment:
    shape: str
    pieces: list[tuple[int, int, str]]  # (text offset, line number, line text) in order
    text: str
    context_year: int | None = None
    table_unitless_ok: bool = False
    columns: list[tuple[str, int]] | None = None  # (kind, year) of value columns, PDF rows
    is_heading: bool = False
    in_targets: bool = True
    section: Section | None = None  # what the latest heading opened (targets, results, other)
    keyed: Keyed | None = None
    # text offsets of the pieces, built on first use: rebuilding them for every number made a
    # paragraph wrapped over many lines quadratic
    piece_starts: list[int] | None = field(default=None, repr=False)

    @classmethod
    def from_lines(cls, shape: str, lines: list[tuple[int, str]], **kw: Any) -> Segment:
        pieces = []
        parts = []
        pos = 0
        for line_no, text in lines:
            pieces.append((pos, line_no, text))
            parts.append(text)
            pos += len(text) + 1
        return cls(shape=shape, pieces=pieces, text=" ".join(parts), **kw)

    @property
    def line_start(self) -> int:
        return self.pieces[0][1]

    @property
    def line_end(self) -> int:
        return self.pieces[-1][1]

    def locate(self, offset: int) -> tuple[int, str, int]:
        """(line number, line text, column) of a text offset."""
        if self.piece_starts is None:
            self.piece_starts = [p[0] for p in self.pieces]
        i = max(0, bisect_right(self.piece_starts, offset) - 1)
        start, line_no, text = self.pieces[i]
        return line_no, text, offset - start


# ---------------------------------------------------------------------------------------------
# Compiled vocabulary


def _phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    """Regex for phrases on lite() text: longest first, flexible spaces, word-bounded.

    The phrases are grouped by their first character, each group one branch that starts with
    that character: only one group can match at a place, so the first phrase that matches is
    the same as in one flat list, and a pattern whose every branch starts with a character lets
    the engine skip the places no phrase starts at (most of them) without trying each phrase.
    """
    groups: dict[str, list[str]] = {}
    phrases_lite = sorted({lite(nfc(p)) for p in phrases}, key=len, reverse=True)
    for p in phrases_lite:
        if "/" in p:
            chars = [re.escape(ch) for ch in p.replace(" ", "")]
            rest = "".join(r"\s*" + ch for ch in chars[1:])
        else:
            words = [re.escape(w) for w in p.split()]
            rest = words[0][len(re.escape(p[0])):] + "".join(r"\s+" + w for w in words[1:])
        right = r"(?![\w])" if p[-1].isalnum() else ""
        groups.setdefault(p[0], []).append(rest + right)
    branches = []
    for first, rests in groups.items():
        # not after a letter: looked at from after the first character, two characters back
        left = rf"(?<![^\W\d_]{re.escape(first)})" if first.isalnum() else ""
        branches.append(f"{re.escape(first)}{left}(?:{'|'.join(rests)})")
    return re.compile("|".join(branches))


def _alias_regex(keys: list[str]) -> re.Pattern[str]:
    """Whole-word alias keys (group 1), in the order given, grouped by first character as in
    _phrase_regex; "at the start or after a space" is looked at from after that character."""
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(k[0], []).append(re.escape(k[1:]))
    branches = [f"{re.escape(first)}(?<![^ ]{re.escape(first)})(?:{'|'.join(rests)})"
                for first, rests in groups.items()]
    return re.compile("(" + "|".join(branches) + r")(?= |$)")


@dataclass
class UnitPhrase:
    unit: str
    is_denominator: bool


class Vocabulary:
    """Everything the rules read from the catalogue, compiled once per build."""

    def __init__(self, catalog: Catalog):
        v = catalog.vocabulary
        self.catalog = catalog
        self.abbreviations = {k.lower(): nfc(str(val)) for k, val in
                              (v.get("abbreviations") or {}).items() if k != "__line__"}
        self.indicators = {ind.id: ind for ind in catalog.indicators}
        # alias key → indicators it may name, in catalogue order
        self.alias_targets: dict[str, list[Indicator]] = {}
        for ind in catalog.indicators:
            for alias in ind.aliases:
                key = phrase_key(alias, self.abbreviations)
                if key:
                    self.alias_targets.setdefault(key, []).append(ind)
        self.alias_re = _alias_regex(sorted(self.alias_targets, key=len, reverse=True))
        # units
        denominators = {"per_1000", "per_10000", "per_100000", "per_station",
                        "boys_per_100_girls"}
        self.unit_phrases: dict[str, UnitPhrase] = {}
        for unit in catalog.units.values():
            for phrase in unit.phrases:
                self.unit_phrases[lite(nfc(phrase))] = UnitPhrase(unit.id,
                                                                  unit.id in denominators)
        self.unit_re = _phrase_regex(list(self.unit_phrases))
        # unit phrases with their spaces removed, first phrase wins (as a scan in order would)
        self.unit_phrases_compact: dict[str, UnitPhrase] = {}
        for phrase, up in self.unit_phrases.items():
            self.unit_phrases_compact.setdefault(re.sub(r"\s+", "", phrase), up)
        self.unit_after_re = re.compile(r"\s*(?:" + self.unit_re.pattern + ")")
        # comparators
        before = v.get("comparators_before") or {}
        self.cmp_before: list[tuple[str, str]] = sorted(
            ((lite(nfc(p)), cmp) for cmp, ps in before.items() if cmp != "__line__" for p in ps),
            key=lambda t: len(t[0]), reverse=True,
        )
        after = v.get("comparators_after") or {}
        self.cmp_after = [(lite(nfc(p)), cmp) for cmp, ps in after.items() if cmp != "__line__"
                          for p in ps]
        rel = v.get("relative") or {}
        self.rel_increase = [lite(nfc(p)) for p in rel.get("increase", [])]
        self.rel_decrease = [lite(nfc(p)) for p in rel.get("decrease", [])]
        self.rel_before = [lite(nfc(p)) for p in rel.get("markers_before", [])]
        self.rel_after = [lite(nfc(p)) for p in rel.get("markers_after", [])]
        self.per_year = [lite(nfc(p)) for p in rel.get("per_year", [])]
        self.baseline_from = [lite(nfc(p)) for p in v.get("baseline_from", [])]
        self.baseline_to = [lite(nfc(p)) for p in v.get("baseline_to", [])]
        # words that may join a value to the one before it, besides the reporting verbs
        self.continuation_words = frozenset(
            w for p in [*v.get("continuation_words", []), *v.get("actual_verbs", [])]
            for w in lite(nfc(p)).split())
        range_to = "|".join(re.escape(lite(nfc(p))) for p in v.get("range_to", []))
        range_from = "|".join(re.escape(lite(nfc(p))) for p in v.get("range_from", []))
        # "từ 103 đến 107": the word before the first number, and the link between the two
        self.range_from_re = re.compile(rf"(?<!\w)(?:{range_from or '(?!x)x'})\s+$")
        self.range_link_re = re.compile(rf"\s+(?:{range_to or '(?!x)x'})\s+")
        # a heading line whose period goes on to the next line ("Giai đoạn 2023 -" / "2025")
        self.heading_goes_on_re = re.compile(
            rf"(?:[-–—]|(?<!\w)(?:{range_to or '(?!x)x'}))\s*$")
        self.baseline_columns = [lite(nfc(p)) for p in v.get("baseline_columns", [])]
        self.target_sections = [lite(nfc(p)) for p in v.get("target_sections", [])]
        self.other_sections = [lite(nfc(p)) for p in v.get("other_sections", [])]
        self.result_sections = [lite(nfc(p)) for p in v.get("result_sections", [])]
        self.actual_verbs = [lite(nfc(p)) for p in v.get("actual_verbs", [])]
        self.statistics_documents = [lite(nfc(p)) for p in v.get("statistics_documents", [])]
        self.target_words = [lite(nfc(p)) for p in v.get("target_words", [])]
        self.gap_markers = sorted((lite(nfc(p)) for p in v.get("gap_markers", [])),
                                  key=len, reverse=True)
        national = list(v.get("national_markers", []))
        self.national_re = _phrase_regex(national) if national else re.compile(r"(?!x)x")
        self.fuzzy = FuzzyIndex(self.alias_targets)
        self.actual_verb_re = verb_regex(self.actual_verbs)
        links = sorted((lite(nfc(p)) for p in v.get("year_links", [])), key=len, reverse=True)
        self.year_link_re = re.compile(
            r"\s*(?:" + "|".join(re.escape(w) for w in links) + r")\s+") if links else None
        # words trimmed from the end of an indicator phrase: the verb and bound before a number
        self.phrase_tail_words = sorted(self.actual_verbs + [p for p, _c in self.cmp_before],
                                        key=len, reverse=True)
        self.clause_break_re = re.compile(
            "|".join(r"(?<!\w)" + re.escape(lite(nfc(p))) + r"(?!\w)"
                     for p in v.get("clause_breaks", [])) or r"(?!x)x"
        )
        self.count_re = _phrase_regex(list(v.get("count_nouns", [])))
        # "N% [số|các] <subject>": the subject right after a number and its unit
        self.activity_subject_re = _subject_regex(v.get("activity_subjects", []))
        self.establishment_subject_re = _subject_regex(v.get("establishment_subjects", []))
        self.subgroups = catalog.subgroups
        self.table_words = TableWords.from_vocabulary(v)  # vnhealth.tables
        self.qualitative = [(q.id, [phrase_key(p, self.abbreviations) for p in q.phrases])
                            for q in catalog.qualitative]
        # each phrase as a whole-word pattern on a key, compiled once
        self.qualitative_re = {p: re.compile(r"(?:^|(?<= ))" + re.escape(p) + r"(?= |$)")
                               for _id, ps in self.qualitative for p in ps}
        # cheap pre-check before keying a segment: the longest word of each phrase
        self.qualitative_anchors = {_longest_bigram(lite(nfc(p)))
                                    for q in catalog.qualitative for p in q.phrases}
        verb_words = sorted(self.rel_increase + self.rel_decrease, key=len, reverse=True)
        self.verb_re = re.compile("|".join(r"(?<!\w)" + re.escape(w) + r"(?!\w)"
                                           for w in verb_words))
        # how far past its start one verb match attempt reads (the word and one character)
        self.verb_reach = max((len(w) for w in verb_words), default=0) + 2
        self._key_memo: dict[str, tuple[str, int]] = {}

    def key(self, text: str) -> Keyed:
        """The matching key of an NFC text, its words' keys remembered across documents."""
        return make_key(text, self.abbreviations, self._key_memo)


def _subject_regex(phrases: list[str]) -> re.Pattern[str]:
    """One of `phrases` right after a number's unit, perhaps after "số"/"các"/"những"."""
    body = _phrase_regex(phrases).pattern if phrases else "(?!x)x"
    return re.compile(r"\s*(?:(?:số|các|những)\s+)?(" + body + ")")


def _longest_bigram(phrase: str) -> str:
    words = phrase.split()
    if len(words) < 2:
        return phrase
    return max((" ".join(words[i:i + 2]) for i in range(len(words) - 1)), key=len)


# ---------------------------------------------------------------------------------------------
# Segmentation

_BULLET_RE = re.compile(r"^\s*(?:[-+•*–]\s|\(\d+\)\s|\d{1,2}(?:\.\d{1,2})*\.\s|[a-zđ]\)\s"
                        r"|[IVX]+[.\-]\s?|#+\s|\*\*)")
_HEADING_RE = re.compile(r"^\s*(?:#+\s*)?(?:\*+\s*)?(?:[IVX]+[.\-]|\d+(?:\.\d+)*\.|[a-zđ]\))\s*\S")
_PIPE_ONLY_RE = re.compile(r"^\s*\|+\s*$")
_STT_RE = re.compile(r"^\s*(STT|TT)\b")
_PDF_ROW_RE = re.compile(r"^\s*(\d{1,2}[a-z]?(?:\.\d{1,2})?)\s+(?=[A-ZĐÀ-Ỹ])")
_LONE_NUMBER_RE = re.compile(r"^\s*(\d{1,2}[a-z]?)\s*$")
_YEAR_IN_TEXT_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_TIME_CELL_RE = re.compile(
    r"^\s*(?:(?:tháng\s+)?\d{1,2}\s*/\s*)?(?:(?:từ\s+)?(?:năm\s+)?)?((?:19|20)\d\d)"
    # "\s*(?:\.\s*)?$", not "\s*\.?\s*$": two blank runs side by side split a long blank
    # run every way before failing (quadratic)
    r"(?:\s*[-–]\s*((?:19|20)\d\d))?\s*(?:\.\s*)?$",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"[.;:!?]\s*$")
_LONE_YEAR_RE = re.compile(r"^\s*(?:năm\s+)?(?:19|20)\d\d(?!\d)[\s:.)]*$", re.IGNORECASE)
# Words allowed between a number and the indicator it leads ("50% số người mắc …").
_NUMBER_FIRST_WORDS = {"số", "các", "những", "tổng", "dân"}
_DIGIT_RE = re.compile(r"\d")
_LETTER_RE = re.compile(r"[^\W\d_]")
_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")
_CAPS_TITLE_RE = re.compile(r"^[^a-zà-ỹđ]{8,100}$")  # a short line in capitals is a title
_PDF_ROW_NUMBER_RE = re.compile(r"^\s*\d{1,2}[a-z]?(?:\.\d{1,2})?(?=\s)")
_URL_LIKE = re.compile(r"^(https?://|www\.)\S+$")
_YEAR_TOKEN_RE = re.compile(r"^\(?(?:19|20)\d\d\)?[.,;:]?$")
_CLAUSE_CUT_RE = re.compile(r";|\.(?=\s|$)(?<!\d\.)")
_SENTENCE_CUT_RE = re.compile(r"\.(?=\s|$)(?<!\d\.)")
_YEAR_PHRASE_RE = re.compile(
    r"(?P<ref>so với\s*)?(?:(?:đến|tới|trong|từ|hết|đến hết)\s+)?"
    r"(?:(?:năm|giai đoạn)\s+)(?P<y1>(?:19|20)\d\d)(?:\s*[-–]\s*(?P<y2>(?:19|20)\d\d))?(?!\d|/)"
    r"|(?P<ref2>so với\s+)(?P<y3>(?:19|20)\d\d)"
    r"|(?:đến|tới)\s+(?P<y4>(?:19|20)\d\d)(?![\d/])"
)


# ---------------------------------------------------------------------------------------------
# Indexes of one segment: each number is read against its clause, and scanning the clause (or
# the whole segment) again for every number made a long clause quadratic. The lists here are
# in text order and built once per segment, so each lookup is a bisection.

_UnitHit = tuple[int, int, str, bool]  # (start, end, unit, is_denominator)
_Alias = tuple[int, int, str]  # (start, end, alias key) of an indicator name in the text
_WORD_CHAR_RE = re.compile(r"\w")
_NON_SPACE_RE = re.compile(r"\S")


class _Mentions(NamedTuple):
    mentions: list[dict[str, Any]]
    units: list[_UnitHit]
    masked_low: str  # lite() text with dates, document numbers and list markers blanked


def _is_blank(text: str, start: int, end: int) -> bool:
    """not text[start:end].strip(), without copying a long slice (\\S is what strip() keeps)."""
    return _NON_SPACE_RE.search(text, start, end) is None


# The words allowed between a number and the indicator it leads, with the blanks around them:
# the gap is all such words when this matches it to its end.
_NUMBER_FIRST_GAP_RE = re.compile(
    r"\s*(?:(?:" + "|".join(sorted(map(re.escape, _NUMBER_FIRST_WORDS), key=len, reverse=True))
    + r")(?!\S)\s*)*"
)


def _only_number_first_words(low: str, start: int, end: int) -> bool:
    """all(w in _NUMBER_FIRST_WORDS for w in low[start:end].split()), stopping at the first
    other word instead of splitting a gap that may run to the end of a long clause."""
    if start >= end:
        return True
    m = _NUMBER_FIRST_GAP_RE.match(low, start, end)
    return m is not None and m.end() == end


def _own_years(mentions: list[dict[str, Any]], year_phrases: list[tuple[int, int, int, str]],
               low: str, links: re.Pattern[str] | None = None) -> set[int]:
    """Years written right after a number belong to it ("35% năm 2020", "1,1% vào năm 2025",
    "120/100 (năm 2011)": a linking word such as "vào" or a bracket may stand between): set
    d["own_year"] and return the starts
    of the year phrases so taken."""
    starts = [p[0] for p in year_phrases]
    consumed: set[int] = set()
    for d in mentions:
        end = d["unit_end"]
        link = links.match(low, end) if links is not None else None
        reach = (link.end() - end if link else 0) + 2
        for k in range(bisect_left(starts, end), bisect_right(starts, end + reach)):
            ys, ye, y, kind = year_phrases[k]
            # "120/100 (năm 2011)": a year alone in brackets right after the number is its own
            if kind == "year" and (_is_blank(low, end, ys) or (link and link.end() >= ys)
                                   or (low[end:ys].strip() == "("
                                       and low[ye:ye + 3].lstrip().startswith(")"))):
                d["own_year"] = y
                consumed.add(ys)
    return consumed


class _LastMatchBefore:
    """The last match of `pattern.finditer(text, clause_start, pos)`, for many `pos` in a clause.

    One scan of each clause is kept. A match attempt at p reads no further than p + reach, so
    the scan stopped at pos agrees with the whole-clause scan on every match starting before
    pos - reach; only the last `reach` characters are scanned again.
    """

    def __init__(self, pattern: re.Pattern[str], text: str, reach: int):
        self.pattern, self.text, self.reach = pattern, text, reach
        self._scans: dict[int, tuple[list[int], list[re.Match[str]]]] = {}

    def find(self, clause: tuple[int, int], pos: int) -> str | None:
        lo, hi = clause
        if lo not in self._scans:
            found = list(self.pattern.finditer(self.text, lo, hi))
            self._scans[lo] = ([m.start() for m in found], found)
        starts, found = self._scans[lo]
        k = bisect_left(starts, pos - self.reach)
        last = found[k - 1].group(0) if k else None
        resume = found[k - 1].end() if k else lo
        for m in self.pattern.finditer(self.text, max(resume, pos - self.reach), pos):
            last = m.group(0)
        return last


class _WordSearch:
    """Where a word first stands alone in text[lo:hi], as
    re.search(r"(?<!\\w)word(?!\\w)", text[lo:hi]) finds it, from its places in the whole text.

    Inside the slice a place is alone exactly when it is in the whole text; at the slice's two
    edges the neighbour outside it does not count, so those two places are checked apart.
    """

    def __init__(self, text: str, word: str):
        self.text, self.word = text, word
        alone = r"(?=(?<!\w)" + re.escape(word) + r"(?!\w))"  # every place, overlapping too
        self.places = [m.start() for m in re.finditer(alone, text)]

    def first(self, lo: int, hi: int) -> int | None:
        text, word, n = self.text, self.word, len(self.word)
        found = []
        if (lo + n <= hi and text.startswith(word, lo)
                and (lo + n == hi or not _WORD_CHAR_RE.match(text, lo + n))):
            found.append(lo)
        i = bisect_left(self.places, lo)
        if i < len(self.places) and self.places[i] + n <= hi:
            found.append(self.places[i])
        p = hi - n
        if p >= lo and text.startswith(word, p) and (p == lo or not _WORD_CHAR_RE.match(
                text, p - 1)):
            found.append(p)
        return min(found) if found else None


class _Named(NamedTuple):
    """An indicator and where the text names it (start == end: no span, e.g. a fuzzy match)."""

    indicator: Indicator
    start: int
    end: int
    method: str = "alias"
    score: float = 100.0


class _Basis(NamedTuple):
    """How one observation was paired: its phrase, how that matched, why its kind and year."""

    indicator_text: str | None
    match_method: str
    match_score: float | None
    kind_basis: str
    year_basis: str


# The indicator phrase of a number: its words, the punctuation trimmed from its ends, and the
# most kept (the end nearest the number) when a clause runs long.
_PHRASE_WORD_RE = re.compile(r"[^\W\d_]+")
_PHRASE_TRIM_RE = re.compile(r"^(?:[\s,;:()\-–+•*]|[a-zđ]\)|\d{1,2}\.)+|[\s,;:(\-–]+$")
_PHRASE_MAX = 160


class _Fitting:
    """The indicator names (in text order) that fit one query of unit, subgroup and table."""

    def __init__(self, aliases: list[_Alias], choose: Callable[[str], Indicator | None]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.indicators: list[Indicator] = []
        for s, e, key in aliases:
            ind = choose(key)
            if ind is not None:
                self.starts.append(s)
                self.ends.append(e)
                self.indicators.append(ind)

    def _named(self, j: int) -> _Named:
        return _Named(self.indicators[j], self.starts[j], self.ends[j])

    def first_after(self, pos: int, hi: int) -> _Named | None:
        """The first fitting name starting in [pos, hi)."""
        j = bisect_left(self.starts, pos)
        return self._named(j) if j < len(self.starts) and self.starts[j] < hi else None

    def last_before(self, pos: int, lo: int) -> _Named | None:
        """The fitting name starting at lo or later that ends last at or before pos (the first
        of those ending there): names sorted by their end, nearest first, in a stable sort."""
        j = bisect_right(self.ends, pos) - 1
        k = bisect_left(self.starts, lo)
        if j < k:
            return None
        return self._named(max(k, bisect_left(self.ends, self.ends[j], 0, j + 1)))


class _PairIndex:
    """Names, units, clauses, sentences, years and numbers of one segment, by position.

    Names come from non-overlapping matches on the key mapped back by a monotone offset map, so
    both their starts and their ends are in text order.
    """

    def __init__(self, low: str, aliases: list[_Alias], units: list[_UnitHit],
                 clauses: list[tuple[int, int]], sentences: list[tuple[int, int]],
                 vocab: Vocabulary):
        self.low = low
        self.aliases = aliases
        self.alias_starts = [a[0] for a in aliases]
        self.alias_ends = [a[1] for a in aliases]
        self._alias_reach = list(accumulate(self.alias_ends, max))
        self.clauses, self._clause_los = clauses, [c[0] for c in clauses]
        self.sentences, self._sentence_los = sentences, [c[0] for c in sentences]
        self._den_starts = [s for s, _e, _u, den in units if den]
        self._den_units = [u for _s, _e, u, den in units if den]
        self.near_unit = next((u for _s, _e, u, _d in units if u in ("percent", "per_1000")),
                              None)
        self._verbs = _LastMatchBefore(vocab.verb_re, low, vocab.verb_reach)
        self._words: dict[str, _WordSearch] = {}
        self._fitting: dict[tuple[str | None, str | None, bool], _Fitting] = {}
        self._mention_starts: list[int] = []
        self._mention_ends: list[int] = []
        self._mention_own_year: list[int | None] = []
        self._national_re = vocab.national_re
        self._national: dict[int, list[int]] = {}
        self._years: list[tuple[int, int, int]] = []
        self._year_starts: list[int] = []

    def index_mentions(self, mentions: list[dict[str, Any]],
                       year_phrases: list[tuple[int, int, int, str]], consumed: set[int]
                       ) -> None:
        """The numbers read, and the year phrases left to numbers without their own year."""
        self._mention_starts = [d["start"] for d in mentions]
        self._mention_own_year = [d.get("own_year") for d in mentions]
        self._mention_ends = [d["unit_end"] for d in mentions]
        self._years = [(s, e, y) for s, e, y, kind in year_phrases
                       if kind == "year" and s not in consumed]
        self._year_starts = [y[0] for y in self._years]

    @staticmethod
    def _bounds_at(bounds: list[tuple[int, int]], los: list[int], pos: int) -> tuple[int, int]:
        i = bisect_right(los, pos) - 1
        if i >= 0 and pos < bounds[i][1]:
            return bounds[i]
        return bounds[-1]

    def clause_of(self, pos: int) -> tuple[int, int]:
        return self._bounds_at(self.clauses, self._clause_los, pos)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        return self._bounds_at(self.sentences, self._sentence_los, pos)

    def in_alias(self, pos: int) -> bool:
        i = bisect_right(self.alias_starts, pos) - 1
        return i >= 0 and self._alias_reach[i] > pos

    def alias_starts_in(self, lo: int, hi: int) -> bool:
        return self.first_alias_from(lo, hi) is not None

    def first_alias_from(self, lo: int, hi: int) -> int | None:
        """Index of the first name starting in [lo, hi)."""
        i = bisect_left(self.alias_starts, lo)
        return i if i < len(self.aliases) and self.alias_starts[i] < hi else None

    def any_alias_before(self, pos: int, lo: int) -> bool:
        """Is a name starting at lo or later over by pos? (Ends are in order.)"""
        k = bisect_left(self.alias_starts, lo)
        return k < len(self.aliases) and self.alias_ends[k] <= pos

    def fitting(self, query: tuple[str | None, str | None, bool],
                choose: Callable[[str], Indicator | None]) -> _Fitting:
        if query not in self._fitting:
            self._fitting[query] = _Fitting(self.aliases, choose)
        return self._fitting[query]

    def first_denominator(self, lo: int, hi: int) -> str | None:
        """The first unit "per N" starting in [lo, hi)."""
        i = bisect_left(self._den_starts, lo)
        return self._den_units[i] if i < len(self._den_starts) and self._den_starts[i] < hi \
            else None

    def verb_before(self, clause: tuple[int, int], pos: int) -> str | None:
        return self._verbs.find(clause, pos)

    def first_word(self, word: str, lo: int, hi: int) -> int | None:
        if word not in self._words:
            self._words[word] = _WordSearch(self.low, word)
        return self._words[word].first(lo, hi)

    def national_before(self, clause: tuple[int, int], pos: int) -> int | None:
        """The end of the last national marker ("cả nước") in the clause ending by pos; one
        scan of each clause is kept."""
        lo, hi = clause
        if lo not in self._national:
            self._national[lo] = [m.end() for m in self._national_re.finditer(self.low, lo, hi)]
        ends = self._national[lo]
        i = bisect_right(ends, pos) - 1
        return ends[i] if i >= 0 else None

    def mention_end_before(self, lo: int, pos: int) -> int:
        """Where the last number starting in [lo, pos) ends (its unit included), else lo."""
        i = bisect_left(self._mention_starts, pos) - 1
        return self._mention_ends[i] if i >= 0 and self._mention_starts[i] >= lo else lo

    def next_mention_start(self, pos: int, hi: int) -> int:
        """Where the first number starting in [pos, hi) starts, else hi."""
        i = bisect_left(self._mention_starts, pos)
        return min(hi, self._mention_starts[i]) if i < len(self._mention_starts) else hi

    def mention_starts_in(self, lo: int, hi: int) -> bool:
        i = bisect_left(self._mention_starts, lo)
        return i < len(self._mention_starts) and self._mention_starts[i] < hi

    def next_mention_own_year(self, pos: int, hi: int) -> tuple[bool, int | None]:
        """(is there a number starting in [pos, hi), the year it owns)."""
        i = bisect_left(self._mention_starts, pos)
        if i < len(self._mention_starts) and self._mention_starts[i] < hi:
            return True, self._mention_own_year[i]
        return False, None

    def year_before(self, lo: int, pos: int) -> int | None:
        """The last free year phrase starting in [lo, pos)."""
        i = bisect_left(self._year_starts, pos) - 1
        return self._years[i][2] if i >= 0 and self._year_starts[i] >= lo else None

    def year_after(self, pos: int, hi: int) -> tuple[int, int, int] | None:
        """(start, end, year) of the first free year phrase starting in [pos, hi)."""
        i = bisect_left(self._year_starts, pos)
        return self._years[i] if i < len(self._years) and self._year_starts[i] < hi else None


def _is_pipe_line(line: str) -> bool:
    s = line.strip()
    return bool(s) and (s.endswith("|") or s.startswith("|"))


def _is_tab_line(line: str) -> bool:
    return line.count("\t") >= 2


def _time_cell_year(cell: str) -> int | None:
    m = _TIME_CELL_RE.match(cell.replace("Năm", "năm").replace("Từ", "từ").replace("Tháng",
                                                                                   "tháng"))
    if not m:
        return None
    return int(m.group(2) or m.group(1))


class DocumentReader:
    """Cuts one document into segments and extracts its observations."""

    def __init__(self, vocab: Vocabulary, doc: Document, lines: list[str]):
        self.v = vocab
        self.doc = doc
        self.raw_lines = lines
        self.lines = [nfc(line) for line in lines]
        self.out = DocumentExtraction()
        self._statement_seq = 0
        # what makes observations one (see _emit), to find a repeat without a scan of them all
        self._emitted: set[tuple[Any, ...]] = set()
        self._choices: dict[tuple[str, str | None, str | None, bool], Indicator | None] = {}
        # the last value named in the segment being read: (where it ends, unit, name), for a
        # value that only goes on with it ("đạt 95% năm 2025; 100% năm 2030")
        self._last_named: tuple[int, str | None, _Named] | None = None
        # a statistics page or yearbook reports values (kind_basis); a value reached in a year
        # before the document's first year is reported too
        self._statistics = statistics_word(doc, vocab.statistics_documents)
        self._past_before = reference_year(doc)

    # -- driver --------------------------------------------------------------------------
    def run(self) -> DocumentExtraction:
        for seg in self.segments():
            self.read_segment(seg)
        return self.out

    def segments(self) -> list[Segment]:
        n = len(self.lines)
        i = 0
        segs: list[Segment] = []
        prose: list[tuple[int, str]] = []
        section_year: int | None = None
        in_targets = False  # inside a section that states targets (not tasks or budget)
        section: Section | None = None  # targets, results or other (kind_basis)

        def flush_prose() -> None:
            nonlocal prose, section_year, in_targets, section
            for seg in self._prose_segments(prose):
                heading_year = self._heading_year(seg)
                if seg.is_heading:
                    section_year = heading_year
                if seg.is_heading or _CAPS_TITLE_RE.match(seg.text):
                    in_targets = self._section_states_targets(seg.text, in_targets)
                    section = self._section(seg.text, section)
                seg.context_year = section_year
                seg.in_targets = in_targets
                seg.section = section
                segs.append(seg)
            prose = []

        while i < n:
            line = self.lines[i]
            if _is_tab_line(line):
                flush_prose()
                j = i
                block: list[tuple[int, str]] = []
                while j < n and (_is_tab_line(self.lines[j]) or not self.lines[j].strip()):
                    if self.lines[j].strip():
                        block.append((j + 1, self.lines[j]))
                    j += 1
                segs.extend(self._tab_table(block))
                i = j
                continue
            if _is_pipe_line(line):
                flush_prose()
                j = i
                block = []
                while j < n and (_is_pipe_line(self.lines[j]) or not self.lines[j].strip()
                                 or (j + 1 < n and not self.lines[j].rstrip().endswith("|")
                                     and _is_pipe_line(self.lines[j + 1])
                                     and not _PIPE_ONLY_RE.match(self.lines[j + 1])
                                     and block and not _PIPE_ONLY_RE.match(block[-1][1]))):
                    if self.lines[j].strip():
                        block.append((j + 1, self.lines[j]))
                    j += 1
                table = self._pipe_table(block, section_year)
                for seg in table:
                    # a title between two pipe tables ("PHÂN CÔNG NHIỆM VỤ …") opens a section
                    if _CAPS_TITLE_RE.match(seg.text.strip()):
                        in_targets = self._section_states_targets(seg.text, in_targets)
                        section = self._section(seg.text, section)
                    seg.in_targets = in_targets
                    seg.section = section
                segs.extend(table)
                i = j
                continue
            if _STT_RE.match(line):
                flush_prose()
                j, table_segs = self._pdf_table(i)
                segs.extend(table_segs)
                i = j
                continue
            # a header that names years opens a table of any other layout (vnhealth.tables)
            table = find_table(self.lines, i, self.v.table_words) if line.strip() else None
            if table is not None:
                flush_prose()
                self._read_table(table)
                i = table.end
                continue
            if line.strip() and not is_noise_line(line):
                prose.append((i + 1, line))
            i += 1
        flush_prose()
        return segs

    def _prose_segments(self, lines: list[tuple[int, str]]) -> list[Segment]:
        groups: list[list[tuple[int, str]]] = []
        prev = ""
        prev_heading = False
        for line_no, text in lines:
            stripped = text.strip()
            starts_new = bool(_BULLET_RE.match(text))
            first = stripped[:1]
            if not starts_new and groups and first.isupper() and (
                _SENTENCE_END_RE.search(prev) or prev_heading or len(groups[-1]) == 0
            ):
                starts_new = True
            if starts_new or not groups:
                groups.append([])
            groups[-1].append((line_no, text))
            prev = stripped
            prev_heading = self._heading_lines(groups[-1]) is not None
        segs = []
        for g in groups:
            seg = Segment.from_lines("prose", g)
            heading = self._heading_lines(g)
            body = self._strip_marker(" ".join(t.strip() for _n, t in g))
            seg.is_heading = heading is not None and not any(
                not is_year(parse_number(m.group("num"))) for m in MENTION_RE.finditer(body))
            segs.append(seg)
        return segs

    def _heading_lines(self, g: list[tuple[int, str]]) -> list[tuple[int, str]] | None:
        """The lines of a group when they are a numbered heading: one short line, or one
        whose period goes on to a second line holding only a year ("2.1. Giai đoạn 2023 -" /
        "2025"); otherwise None."""
        first = g[0][1]
        stripped = first.strip()
        if not (_HEADING_RE.match(first) and len(stripped) < 100
                and not stripped.endswith((",", ";"))):
            return None
        if len(g) == 1:
            return g
        if len(g) == 2 and self.v.heading_goes_on_re.search(lite(stripped)) \
                and _LONE_YEAR_RE.match(g[1][1]):
            return g
        return None

    def _section_states_targets(self, heading: str, current: bool) -> bool:
        low = lite(heading)
        if any(w in low for w in self.v.target_sections):
            return True
        if any(w in low for w in self.v.other_sections):
            return False
        return current

    def _section(self, heading: str, current: Section | None) -> Section | None:
        v = self.v
        return section_of(heading, current, v.target_sections, v.result_sections,
                          v.other_sections)

    @staticmethod
    def _strip_marker(text: str) -> str:
        m = _BULLET_RE.match(text)
        return text[m.end():] if m else text

    def _heading_year(self, seg: Segment) -> int | None:
        if not seg.is_heading:
            return None
        years = [int(y) for y in _YEAR_IN_TEXT_RE.findall(seg.text)]
        return max(years) if years else None

    # -- tables: tab-separated rows --------------------------------------------------------
    def _tab_table(self, block: list[tuple[int, str]]) -> list[Segment]:
        rows = [(ln, [blank_markup(c).strip() for c in text.split("\t")], text)
                for ln, text in block]
        # Header rows come before the first row with a small row number in its first cells.
        header_rows = []
        data_start = len(rows)
        for idx, (_ln, cells, _t) in enumerate(rows):
            if any(re.fullmatch(r"\d{1,3}", c) for c in cells[:3]):
                data_start = idx
                break
            header_rows.append(cells)
        if not header_rows or data_start == len(rows):
            # no numbered rows: a header that names years still makes it a table
            table = find_table(Prefix(self.lines, block[-1][0]), block[0][0] - 1,
                               self.v.table_words)
            if table is not None:
                self._read_table(table)
                return [self._tab_row_as_prose(ln, text) for ln, _c, text in rows
                        if ln > table.end]
            return [self._tab_row_as_prose(ln, text) for ln, _c, text in rows]
        width = max(len(c) for _l, c, _t in rows)
        # cells are gathered by column in one pass over the rows: one pass per column would
        # cost columns x rows, quadratic for a row of many cells
        header_cols: list[list[str]] = [[] for _ in range(width)]
        for h in header_rows:
            for k, c in enumerate(h):
                header_cols[k].append(c)
        headers = [" ".join(col).strip() for col in header_cols]
        # a header cell holding both a year and a baseline word ("Thực hiện 2025")
        baseline_cols = {k for h in header_rows for k, c in enumerate(h)
                         if _YEAR_IN_TEXT_RE.search(c)
                         and any(w in lite(c) for w in self.v.baseline_columns)}
        data = rows[data_start:]
        name_col = self._name_column(data, width)
        unit_col = next((k for k, h in enumerate(headers) if "đơn vị" in h.lower()), None)
        columns: dict[int, tuple[str, int]] = {}
        target_year = self.doc.period_end
        for k, h in enumerate(headers):
            if k <= name_col or k == unit_col:
                continue
            low = lite(h)
            years = [int(y) for y in _YEAR_IN_TEXT_RE.findall(h)]
            if k in baseline_cols and years:
                columns[k] = ("baseline", years[-1])
            elif years:
                columns[k] = ("year", years[-1])
            elif any(w in low for w in ("chỉ tiêu", "mục tiêu", "kế hoạch")):
                columns[k] = ("target", target_year)
        segs = []
        for ln, cells, text in data:
            segs.append(self._read_table_row(ln, cells, text, name_col, unit_col, columns))
        return [s for s in segs if s is not None]

    @staticmethod
    def _name_column(data: list[tuple[int, list[str], str]], width: int) -> int:
        """The column with the most letters per cell (the first of equals)."""
        letters = [0] * width
        counts = [0] * width
        for _l, cells, _t in data:
            for k, c in enumerate(cells):
                letters[k] += len(_LETTER_RE.findall(c))
                counts[k] += 1
        return max(range(width), key=lambda k: letters[k] / max(1, counts[k]))

    def _tab_row_as_prose(self, line_no: int, text: str) -> Segment:
        cleaned = blank_markup(text).replace("\t", " ")
        seg = Segment.from_lines("tab_row", [(line_no, cleaned)])
        seg.context_year = self.doc.period_end
        return seg

    def _read_table_row(self, line_no: int, cells: list[str], raw: str, name_col: int,
                        unit_col: int | None, columns: dict[int, tuple[str, int]]
                        ) -> Segment | None:
        """A tab row with typed value columns: emit observations directly."""
        name = cells[name_col] if name_col < len(cells) else ""
        seg = Segment.from_lines("tab_row", [(line_no, blank_markup(raw).replace("\t", " "))])
        statement = self._new_statement(seg)
        # the value columns this row has cells in (a header may be far wider than a row)
        present = sorted(k for k in columns if k < len(cells)) if len(columns) <= len(cells) \
            else [k for k in range(len(cells)) if k in columns]
        # non-numeric targets stand in value cells ("Hạng I, đạt cấp chuyên sâu"), not names
        value_text = " ; ".join(cells[k] for k in present)
        self._qualitative(seg, statement, self.doc.period_end, text=value_text)
        unit_cell = cells[unit_col] if unit_col is not None and unit_col < len(cells) else ""
        indicator_key = self.v.key(name)
        aliases = [m for m in self.v.alias_re.finditer(indicator_key.key)]
        if not aliases:
            return None
        candidates = self.v.alias_targets[aliases[0].group(1)]
        row_unit = self._unit_from_texts([unit_cell, name])
        values = []
        for k in present:
            kind, year = columns[k]
            if not cells[k]:
                continue
            cell = parse_cell(cells[k])
            if cell is None:
                continue
            unit = "percent" if cell.percent else row_unit
            ind = self._choose(candidates, unit, None, table=True)
            if ind is None:
                continue
            if kind == "year":
                kind = "target" if year >= self.doc.period_end else "trajectory"
            values.append((k, kind, year, cell, unit or ind.unit, ind))
        raw_cells = raw.split("\t")
        for k, kind, year, cell, unit, ind in values:
            raw_cell = raw_cells[k]
            self._emit(ind, kind, year, cell.comparator, cell.value, cell.value_high, unit,
                       None, line_no, raw_cell.strip(), statement)
        return None

    # -- tables read by vnhealth.tables: a value per year column -----------------------------
    def _read_table(self, table: Table) -> None:
        statistics = bool(self.v.table_words.statistics.search(lite(nfc(self.doc.title or ""))))
        shared = self._shared_unit(table)
        for row in table.rows:
            seg = Segment.from_lines("table_row", [(n, self.lines[n - 1]) for n in row.lines])
            statement = self._new_statement(seg)
            if row.role in ("row", "total"):  # districts and the country are not the province
                self._read_table_record_row(table, row, statement, statistics, shared)

    def _row_indicator_unit(self, label: str) -> str | None:
        keyed = self.v.key(label)
        alias = next(self.v.alias_re.finditer(keyed.key), None)
        if alias is None:
            return None
        return self.v.alias_targets[alias.group(1)][0].unit

    def _shared_unit(self, table: Table) -> str | None:
        """The unit a table's rows share when the table states none and no row states its own
        (a statistics page of crude rates per 1,000): the catalogue unit of every named row
        but one, when all those agree and are not percent. A row whose value is implausible
        in its own indicator's unit may then be read in it (see _read_table_record_row)."""
        if table.unit_text or any(r.unit_text for r in table.rows):
            return None
        units = [u for u in (self._row_indicator_unit(r.label) for r in table.rows) if u]
        common = {u for u in units}
        if len(units) < 3:
            return None
        top = max(common, key=units.count)
        if top == "percent" or units.count(top) < len(units) - 1:
            return None
        return top

    def _read_table_record_row(self, table: Table, row: Row, statement: Statement,
                               statistics: bool, shared: str | None = None) -> None:
        # a total row ("Toàn tỉnh") is named by the table's title
        names = [row.label, table.title] if row.role == "total" else [row.label]
        alias = None
        texts = list(names)
        for k, name in enumerate(names):
            keyed = self.v.key(name)
            alias = next(self.v.alias_re.finditer(keyed.key), None)
            if alias is not None:
                # a unit word inside the indicator's name is part of the name ("dưới 1 tuổi")
                a, b = keyed.span_in_text(alias.start(1), alias.end(1))
                texts[k] = name[:a] + " " * (b - a) + name[b:]
                break
        if alias is None:
            return
        candidates = self.v.alias_targets[alias.group(1)]
        row_unit = self._unit_from_texts([row.unit_text, *texts, table.unit_text])
        for cell in row.cells:
            if cell.value is None:
                continue
            unit = "percent" if cell.value.percent else row_unit
            ind = self._choose(candidates, unit, None, table=True)
            if ind is None:
                continue
            if unit is None and shared and shared != ind.unit:
                unit = self._in_shared_unit(ind, cell.value.value, shared)
            column = table.columns[cell.column]
            kind, _basis = column_kind(table, column, statistics=statistics,
                                       period_start=self.doc.period_start,
                                       period_end=self.doc.period_end)
            self._emit(ind, kind, column.year, cell.value.comparator, cell.value.value,
                       cell.value.value_high, unit or ind.unit, None, cell.line, cell.text,
                       statement)

    def _in_shared_unit(self, ind: Indicator, value: float, shared: str) -> str | None:
        """`shared` when a unitless value is implausible in its indicator's unit and plausible
        once read in the unit its table's other rows share (11,55 beside crude rates per
        1,000 is a natural increase of 11.55‰, not 11.55%)."""
        units = self.v.catalog.units
        have, other = units.get(ind.unit), units.get(shared)
        if ind.plausible is None or have is None or other is None or \
                have.dimension != other.dimension:
            return None
        lo, hi = ind.plausible
        converted = value * have.per / other.per
        if lo <= value <= hi or not lo <= converted <= hi:
            return None
        return shared

    # -- tables: pipe cells over lines -------------------------------------------------------
    def _pipe_table(self, block: list[tuple[int, str]], section_year: int | None
                    ) -> list[Segment]:
        rows: list[list[list[tuple[int, str]]]] = [[]]
        cell: list[tuple[int, str]] = []
        for ln, text in block:
            s = text.strip()
            if _PIPE_ONLY_RE.match(s):
                if cell:
                    rows[-1].append(cell)
                    cell = []
                rows.append([])
                continue
            if s.startswith("|") and s.count("|") >= 2:
                # a one-line row: | a | b |
                if cell:
                    rows[-1].append(cell)
                    cell = []
                rows.append([[(ln, c)] for c in s.strip("|").split("|")])
                rows.append([])
                continue
            cell.append((ln, s[:-1].rstrip() if s.endswith("|") else s))
            if s.endswith("|"):
                rows[-1].append(cell)
                cell = []
        if cell:
            rows[-1].append(cell)
        segs = []
        for row in rows:
            if not row:
                continue
            years = [y for c in row if (y := _time_cell_year(" ".join(t for _l, t in c)))]
            row_year = years[-1] if years else section_year
            for c in row:
                text = " ".join(t for _l, t in c)
                if _time_cell_year(text) is not None:
                    continue
                seg = Segment.from_lines("pipe_row", c, context_year=row_year)
                segs.append(seg)
        return segs

    # -- tables: PDF rows under a one-word-per-line header --------------------------------------
    def _pdf_table(self, start: int) -> tuple[int, list[Segment]]:
        n = len(self.lines)
        header_parts = [self.lines[start]]
        i = start + 1
        while i < n:
            line = self.lines[i]
            if _PDF_ROW_RE.match(line) or (_LONE_NUMBER_RE.match(line)
                                           and self._next_text_line_is_name(i)):
                break
            if line.strip():
                header_parts.append(line.strip())
            i += 1
        header = " ".join(header_parts)
        years = [int(y) for y in _YEAR_IN_TEXT_RE.findall(header)]
        target_year = max(years) if years else self.doc.period_end
        columns = []
        for m in _YEAR_IN_TEXT_RE.finditer(header):
            y = int(m.group(1))
            before = lite(header[max(0, m.start() - 30):m.start()])
            if any(w in before for w in self.v.baseline_columns):
                columns.append(("baseline", y))
            else:
                columns.append(("target" if y == target_year else "trajectory", y))
        rows: list[list[tuple[int, str]]] = []
        last_number: float | None = None
        while i < n:
            line = self.lines[i]
            s = line.strip()
            if _STT_RE.match(line) or (s and _HEADING_RE.match(line) and not
                                       _PDF_ROW_RE.match(line) and not _LONE_NUMBER_RE.match(line)
                                       and re.match(r"^\s*(?:[IVX]+\.|[a-zđ]\))", line)):
                break
            m_row = _PDF_ROW_RE.match(line)
            m_lone = _LONE_NUMBER_RE.match(line)
            is_row = False
            if m_row:
                is_row = True
                last_number = self._row_number(m_row.group(1))
            elif m_lone and self._next_text_line_is_name(i):
                num = self._row_number(m_lone.group(1))
                if last_number is None or num == int(last_number) + 1:
                    is_row = True
                    last_number = num
            if is_row:
                rows.append([])
            if s and rows and not _URL_LIKE.match(s):
                rows[-1].append((i + 1, line))
            i += 1
        segs = []
        for row in rows:
            if not row:
                continue
            seg = Segment.from_lines("pdf_row", row, context_year=target_year,
                                     table_unitless_ok=True,
                                     columns=columns if len(columns) >= 2 else None)
            segs.append(seg)
        return i, segs

    @staticmethod
    def _row_number(token: str) -> float:
        m = re.match(r"\d+", token)
        return float(m.group(0)) if m else -1.0

    def _next_text_line_is_name(self, i: int) -> bool:
        for j in range(i + 1, min(i + 4, len(self.lines))):
            s = self.lines[j].strip()
            if s:
                return bool(s[:1].isupper()) and not _PDF_ROW_RE.match(self.lines[j])
        return False

    # -- reading a segment -------------------------------------------------------------------
    def read_segment(self, seg: Segment) -> None:
        if seg.is_heading:
            return
        has_digit = _DIGIT_RE.search(seg.text) is not None
        if not has_digit and not (seg.in_targets and self._maybe_qualitative(seg.text)):
            return
        cleaned = blank_markup(seg.text)
        if seg.columns:
            handled = self._read_pdf_row_columns(seg, cleaned)
            if handled:
                return
        found = self._mentions(seg, cleaned) if has_digit else _Mentions([], [], "")
        statement = None
        if found.mentions:
            statement = self._new_statement(seg)
        if self._has_qualitative_candidate(seg):
            if statement is None:
                statement = self._new_statement(seg)
                statement.is_numeric = False
            self._qualitative(seg, statement, seg.context_year or self.doc.period_end)
        if not found.mentions or statement is None:
            return
        self._pair(seg, cleaned, found, statement)

    def _keyed(self, seg: Segment) -> Keyed:
        """The segment's matching key, computed once (blank_markup keeps offsets)."""
        if seg.keyed is None:
            seg.keyed = self.v.key(blank_markup(seg.text))
        return seg.keyed

    def _maybe_qualitative(self, text: str) -> bool:
        low = lite(text)
        return any(w in low for w in self.v.qualitative_anchors)

    def _has_qualitative_candidate(self, seg: Segment) -> bool:
        # non-numeric targets are read only in target sections: skip keying everything else
        if not seg.in_targets or not self._maybe_qualitative(seg.text):
            return False
        key = self._keyed(seg).key
        return any(p in key for _id, ps in self.v.qualitative for p in ps)

    def _new_statement(self, seg: Segment) -> Statement:
        self._statement_seq += 1
        st = Statement(
            statement_id=f"{self.doc.id}:{seg.line_start}:{self._statement_seq}",
            doc_id=self.doc.id, line_start=seg.line_start, line_end=seg.line_end,
            text=" ".join(blank_markup(t).strip() for _o, _l, t in seg.pieces).strip(),
            shape=seg.shape,
        )
        self.out.statements.append(st)
        return st

    def _qualitative(self, seg: Segment, statement: Statement, year: int,
                     text: str | None = None) -> None:
        if not seg.in_targets:
            return
        keyed = self._keyed(seg) if text is None else self.v.key(text)
        for target_id, phrases in self.v.qualitative:
            for p in phrases:
                # the substring test first: most phrases are not in the text at all
                m = self.v.qualitative_re[p].search(keyed.key) if p in keyed.key else None
                if m is None:
                    continue
                pos = m.start()
                start, _end = keyed.span_in_text(pos, pos + len(p))
                line_no, line_text, _col = seg.locate(start)
                y = self._year_before(seg.text, start) or year
                self.out.qualitative.append(QualitativeObservation(
                    self.doc.id, target_id, y, line_no, line_text.strip(),
                    statement.statement_id))
                break

    # -- number mentions -------------------------------------------------------------------
    def _mentions(self, seg: Segment, cleaned: str) -> _Mentions:
        text = cleaned
        low = lite(text)
        # spans blanked out before numbers are read; blanking is gathered and applied in one
        # pass per step (a list of characters joined after each step cost more than reading)
        spans: list[tuple[int, int]] = []
        units = self._unit_hits(low, lambda a, b: spans.append((a, b)))
        mentions: list[dict[str, Any]] = []
        for m in FRACTION_SHARE_RE.finditer(text):
            mentions.append(dict(start=m.start(), end=m.end(), num_start=m.start("share"),
                                 value=parse_number(m.group("share")), value_high=None,
                                 unit="percent", unit_end=m.end(), text=m.group(0),
                                 fraction=True))
            spans.append((m.start(), m.end()))
        current = _blanked(text, spans)
        lowered = _lower_caseless(current)
        has_month = _MONTH in lowered
        has_document_word = any(w in lowered for w in _DOCUMENT_WORDS)
        for pat, needs in _NOT_VALUES_NEEDS:
            if not has_month and pat in _MONTH_PATTERNS:
                continue
            if not has_document_word and pat is _DOCUMENT_NUMBER_RE:
                continue
            if needs and not any(ch in current for ch in needs):
                continue  # the pattern cannot match without one of these characters
            hits = [m.span() for m in pat.finditer(current)]
            if hits:
                current = _blanked(current, hits)
        spans = []
        marker = _BULLET_RE.match(text)
        if marker and re.search(r"\d", marker.group(0)):
            spans.append(marker.span())
        row_number = _PDF_ROW_NUMBER_RE.match(text) if seg.shape == "pdf_row" else None
        if row_number:
            spans.append(row_number.span())
        scan = _blanked(current, spans)
        unit_starts = [u[0] for u in units]
        for m in MENTION_RE.finditer(scan):
            v1 = parse_number(m.group("num"))
            v2 = parse_number(m.group("num2")) if m.group("num2") else None
            if is_year(v1) and (v2 is None or is_year(v2)):
                continue
            unit, unit_end = self._unit_after(low, m.end(), units, unit_starts)
            mentions.append(dict(start=m.start(), end=m.end(), num_start=m.start(),
                                 value=v1, value_high=v2, unit=unit, unit_end=unit_end,
                                 text=m.group(0), fraction=False))
        mentions.sort(key=lambda d: d["start"])
        return _Mentions(mentions, units, lite(scan))

    def _unit_hits(self, low: str, mask: Callable[[int, int], None]) -> list[_UnitHit]:
        """Unit phrases of a segment in text order; those holding digits are masked."""
        units: list[_UnitHit] = []
        for m in self.v.unit_re.finditer(low):
            up = self.v.unit_phrases.get(re.sub(r"\s+", " ", m.group(0)).replace(" /", "/")
                                         .replace("/ ", "/"))
            if up is None:
                up = self._unit_phrase_loose(m.group(0))
            if up is None:
                continue
            units.append((m.start(), m.end(), up.unit, up.is_denominator))
            if any(ch.isdigit() for ch in m.group(0)):
                mask(m.start(), m.end())
        return units

    def _unit_after(self, low: str, end: int, units: list[_UnitHit], unit_starts: list[int]
                    ) -> tuple[str | None, int]:
        """(unit, end of the unit) of a number ending at `end`, or (None, end)."""
        um = self.v.unit_after_re.match(low, end)
        if um:
            phrase = um.group(0).strip()
            up = self.v.unit_phrases.get(phrase) or self._unit_phrase_loose(phrase)
            return (up.unit, um.end()) if up else (None, end)
        # Only the first unit phrase after the number can follow it across blanks alone: the
        # gap to any later one holds the gap to this one.
        i = bisect_left(unit_starts, end)
        if i < len(units) and _is_blank(low, end, units[i][0]):
            return units[i][2], units[i][1]
        return None, end

    def _unit_phrase_loose(self, phrase: str) -> Any:
        return self.v.unit_phrases_compact.get(re.sub(r"\s+", "", phrase))

    # -- pairing numbers with indicators ---------------------------------------------------
    def _pair(self, seg: Segment, cleaned: str, found: _Mentions, statement: Statement) -> None:
        low = lite(cleaned)
        mentions, units = found.mentions, found.units
        if not seg.table_unitless_ok and not any(d["unit"] for d in mentions) and not any(
                den for _s, _e, _u, den in units):
            return  # no number here carries a unit: nothing can be an indicator value
        keyed = self._keyed(seg)
        aliases = []
        for m in self.v.alias_re.finditer(keyed.key):
            s, e = keyed.span_in_text(m.start(1), m.end(1))
            aliases.append((s, e, m.group(1)))
        ix = _PairIndex(low, aliases, units, self._clause_bounds(low),
                        self._sentence_bounds(low), self.v)
        # numbers inside an indicator's name are part of the name ("dưới 1 tuổi", ">= 25%")
        mentions = [d for d in mentions if not ix.in_alias(d["num_start"])]
        mentions = self._join_ranges(mentions, low, cleaned)
        # dates and document numbers are masked: "ngày 26 tháng 5 năm 2020" sets no year
        year_phrases = _year_phrases(found.masked_low)
        consumed_years = _own_years(mentions, year_phrases, low, self.v.year_link_re)
        ix.index_mentions(mentions, year_phrases, consumed_years)
        self._last_named = None
        for d in mentions:
            self._read_mention(seg, d, low, ix, statement)

    def _join_ranges(self, mentions: list[dict[str, Any]], low: str, cleaned: str
                     ) -> list[dict[str, Any]]:
        """"từ 103 đến 107 bé trai/100 bé gái": two numbers of one unit, the first after
        "từ", joined by "đến", are one range (a "từ X … lên Y" start and end stays two)."""
        out: list[dict[str, Any]] = []
        k = 0
        while k < len(mentions):
            d = mentions[k]
            nxt = mentions[k + 1] if k + 1 < len(mentions) else None
            if nxt is not None and self._is_range_pair(d, nxt, low):
                out.append(dict(d, end=nxt["end"], value_high=nxt["value"], unit=nxt["unit"],
                                unit_end=nxt["unit_end"], text=cleaned[d["start"]:nxt["end"]]))
                k += 2
                continue
            out.append(d)
            k += 1
        return out

    def _is_range_pair(self, a: dict[str, Any], b: dict[str, Any], low: str) -> bool:
        if a["fraction"] or b["fraction"] or a["value_high"] is not None \
                or b["value_high"] is not None or b["unit"] is None:
            return False
        if a["unit"] is not None and a["unit"] != b["unit"]:
            return False  # "từ 80% đến 2 lần": not one quantity
        link = self.v.range_link_re.match(low, a["unit_end"])
        if link is None or link.end() != b["start"]:
            return False
        before = low[max(0, a["start"] - 16):a["start"]]
        m = self.v.range_from_re.search(before)
        if m is None:
            return False
        # "tăng từ 60% đến 70%" is a change from a start to an end, not a band
        verb = before[:m.start()].rstrip()
        return not any(verb.endswith(w) for w in self.v.rel_increase + self.v.rel_decrease)

    def _read_mention(self, seg: Segment, d: dict[str, Any], low: str, ix: _PairIndex,
                      statement: Statement) -> None:
        clause = ix.clause_of(d["start"])
        sentence = ix.sentence_of(d["start"])
        unit = d["unit"] or self._context_unit(ix, clause, sentence, seg)
        if unit is None and not seg.table_unitless_ok:
            return
        if (d["unit"] is None and self._count_follows(low, d["end"])
                and ix.first_denominator(*clause) is None
                and not ix.alias_starts_in(max(d["end"], clause[0]),
                                           min(d["end"] + 3, clause[1]))):
            return
        if self._not_the_provinces(d, low, clause, ix):
            return
        comparator, value, value_high, relative_to = self._comparator(d, low, clause, ix)
        subgroup = self._subgroup_before(low, d["start"])
        # a relative change in percent applies to an indicator of any unit
        match_unit = None if (comparator == "relative" and unit == "percent") else unit
        named = self._pick_indicator(d, ix, clause, low, match_unit, subgroup,
                                     seg, wildcard=match_unit is None and unit is not None)
        if d["unit"] is None and not seg.table_unitless_ok:
            named, unit = self._label_then_value(d, low, clause, ix, seg, subgroup, named, unit)
        phrase = self._phrase(seg, d, ix, clause, low, named)
        if named is None and d["unit"] is not None and match_unit is not None:
            # a fuzzy name only for a number that states its own unit, which must be the
            # indicator's: a loose phrase match never decides the unit as well
            named = self._fuzzy_named(phrase, match_unit, subgroup)
        named = self._continued(d, low, clause, unit) or named
        if statement.indicator_text is None or (named and not statement.is_mapped):
            statement.indicator_text = phrase
        if named is None or self._activity_share(d, low, named):
            return
        # a name that follows its number ("75% người cao tuổi được …") ends the value there
        self._last_named = (max(d["unit_end"], named.end), unit, named)
        ind = named.indicator
        year = (YearChoice(d["own_year"], "own phrase") if d.get("own_year") is not None
                else self._year_for(d, ix, sentence, clause, seg))
        kind = self._kind_for(d, low, clause, ix, seg, year)
        if comparator == "range" and value_high is None:
            comparator = "="
        line_no, _line_text, _col = seg.locate(d["num_start"])
        self._emit(ind, kind.kind, year.year, comparator, value, value_high, unit or ind.unit,
                   relative_to, line_no, d["text"], statement,
                   basis=_Basis(phrase, named.method, named.score, kind.basis, year.basis))

    def _continued(self, d: dict[str, Any], low: str, clause: tuple[int, int],
                   unit: str | None) -> _Named | None:
        """A number that only goes on with the value before it, with nothing between them but
        its year, "và" or a verb ("đạt 75% vào năm 2025 và đạt 85% vào năm 2030", "đạt 95%
        năm 2025; 100% năm 2030"), and nothing after it but its year, is a value of the same
        indicator in the same unit."""
        last = self._last_named
        if last is None or last[1] != unit or d["unit"] is None:
            return None
        if not self._only_year_words(low[last[0]:d["start"]], self.v.continuation_words):
            return None
        # "100% số xã … tổ chức …" names its own subject
        if not self._only_year_words(low[d["unit_end"]:clause[1]], frozenset()):
            return None
        return last[2]

    def _only_year_words(self, text: str, allowed: frozenset[str]) -> bool:
        """Does `text` hold nothing but year phrases, their linking words, punctuation and the
        `allowed` words?"""
        rest = _YEAR_PHRASE_RE.sub(" ", text)
        links = self.v.year_link_re
        rest = links.sub(" ", " " + rest + " ") if links is not None else rest
        return not _DIGIT_RE.search(rest) and all(
            w in allowed for w in _LETTER_RUN_RE.findall(rest))

    def _activity_share(self, d: dict[str, Any], low: str, named: _Named) -> bool:
        """A share of agencies doing something ("100% cấp ủy Đảng … ban hành nghị quyết") is
        an activity, not the indicator, unless the indicator holds that subject: in its name
        as matched or in its catalogue name ("100% các thôn" for "Tỷ lệ thôn bản có nhân viên
        y tế"); a share of establishments or households counts only when an alias names it."""
        if d["unit"] != "percent":
            return False
        m = self.v.activity_subject_re.match(low, d["unit_end"])
        if m is not None:
            subject = m.group(1)
            own_name = lite(nfc(named.indicator.name_vi)).lower()
            return named.method != "alias" or (subject not in low[named.start:named.end]
                                               and f" {subject} " not in f" {own_name} ")
        # an establishment's share needs the catalogue's name, not a loose match
        return named.method != "alias" and bool(
            self.v.establishment_subject_re.match(low, d["unit_end"]))

    def _label_then_value(self, d: dict[str, Any], low: str, clause: tuple[int, int],
                          ix: _PairIndex, seg: Segment, subgroup: str | None,
                          named: _Named | None, unit: str | None
                          ) -> tuple[_Named | None, str | None]:
        """A number without a unit of its own is an indicator's value only when the indicator
        is named before it ("Bác sĩ bình quân 1 vạn dân là 19,23"), never when a borrowed unit
        meets a name further on ("Lượt xem: 85 … số giường bệnh"), unless the name follows the
        number at once ("14,5 bác sỹ … /vạn dân"). Named before it and
        reported with a verb ("được tiêm chủng đầy đủ là 90,02"), it takes the indicator's own
        unit when the unit borrowed from elsewhere in the statement does not fit."""
        if named is not None and (named.start < d["start"] or _only_number_first_words(
                low, d["unit_end"], named.start)):
            return named, unit
        if verb_before(self.v.actual_verb_re, low, clause[0], d["start"]) is None:
            return None, unit
        own = self._pick_indicator(d, ix, clause, low, None, subgroup, seg, wildcard=True)
        if own is None or own.start >= d["start"]:
            return None, unit
        return own, own.indicator.unit

    def _not_the_provinces(self, d: dict[str, Any], low: str, clause: tuple[int, int],
                           ix: _PairIndex) -> bool:
        """A gap to a plan or another period ("thấp hơn 5,25% so với chỉ tiêu"), or a value the
        text gives to the whole country ("cả nước hiện là 74,5 tuổi"): not a province value."""
        if is_gap(low, d["unit_end"], clause[1], self.v.gap_markers):
            return True
        # the marker leads this number only when no other number stands between them
        marker_end = ix.national_before(clause, d["start"])
        return marker_end is not None and not ix.mention_starts_in(marker_end, d["start"])

    def _kind_for(self, d: dict[str, Any], low: str, clause: tuple[int, int], ix: _PairIndex,
                  seg: Segment, year: YearChoice) -> KindChoice:
        verb = verb_before(self.v.actual_verb_re, low, clause[0], d["start"])
        if (verb is not None and year.year is not None and year.year == self._past_before
                and self._statistics is None and (seg.section is None
                                                  or seg.section.kind != "target")
                and not any(w in low for w in self.v.target_words)):
            # "Năm 2023, tỷ lệ … đạt 92%" in a text that plans nothing: a value reached in the
            # document's own first year, told with no target word around it, is reported
            return KindChoice("actual", f"'{verb}' in the document's year ({year.year}) "
                                        "with no target word")
        return decide_kind(
            baseline=self._is_baseline_from(d, low, clause, ix), column_kind=None,
            statistics=self._statistics, section=seg.section,
            verb=verb_before(self.v.actual_verb_re, low, clause[0], d["start"]), year=year,
            past_before=self._past_before)

    def _fuzzy_named(self, phrase: str | None, unit: str, subgroup: str | None
                     ) -> _Named | None:
        if not phrase:
            return None

        def choose(targets: list[Indicator]) -> Indicator | None:
            return next((i for i in targets if i.unit == unit
                         and (i.subgroup is None or i.subgroup == subgroup)), None)

        found = self.v.fuzzy.best(self.v.key(phrase).key, choose)
        return None if found is None else _Named(found.indicator, 0, 0, "fuzzy", found.score)

    def _phrase(self, seg: Segment, d: dict[str, Any], ix: _PairIndex, clause: tuple[int, int],
                low: str, named: _Named | None) -> str | None:
        """The indicator phrase as written: the words of the clause before the number (after
        any number before it), or after it when the number leads; the matched name itself
        when it stands outside that stretch."""
        lo = max(clause[0], ix.mention_end_before(clause[0], d["start"]))
        hi = d["start"]
        if len(_PHRASE_WORD_RE.findall(low, lo, hi)) < 2:
            lo, hi = d["unit_end"], ix.next_mention_start(d["end"], clause[1])
        if named is not None and named.end > named.start and not (
                lo <= named.start and named.end <= hi):
            lo, hi = named.start, named.end
        text = blank_markup(seg.text[lo:hi])
        text = _PHRASE_TRIM_RE.sub("", " ".join(text.split()))
        words = self.v.phrase_tail_words
        for _ in range(3):  # "đạt trên", "là khoảng": the verbs and bounds before the number
            low_text = lite(text)
            cut = next((w for w in words if low_text.endswith(" " + w) or low_text == w), None)
            if cut is None:
                break
            text = _PHRASE_TRIM_RE.sub("", text[:len(text) - len(cut)])
        return text[-_PHRASE_MAX:].strip() or None

    def _pick_indicator(self, d: dict[str, Any], ix: _PairIndex, clause: tuple[int, int],
                        low: str, unit: str | None, subgroup: str | None, seg: Segment,
                        wildcard: bool = False) -> _Named | None:
        """The fitting indicator named nearest the number in its clause: after it when the
        number leads ("50% số xã …") or nothing comes before, else before it."""
        nxt = ix.first_alias_from(d["end"], clause[1])
        cue = nxt is not None and _only_number_first_words(low, d["unit_end"],
                                                           ix.alias_starts[nxt])
        if low[d["unit_end"]:d["unit_end"] + 8].lstrip().startswith(("số ", "các ", "những ")):
            cue = True  # "50% số xã … đối với rối loạn trầm cảm": the number leads
        table = seg.table_unitless_ok or wildcard
        fit = ix.fitting((unit, subgroup, table),
                         lambda key: self._choose_cached(key, unit, subgroup, table))
        after = fit.first_after(d["end"], clause[1])
        before = fit.last_before(d["start"], clause[0])
        if cue or not ix.any_alias_before(d["start"], clause[0]):
            return after if after is not None else before
        return before if before is not None else after

    def _choose_cached(self, key: str, unit: str | None, subgroup: str | None,
                       table: bool) -> Indicator | None:
        cache_key = (key, unit, subgroup, table)
        if cache_key not in self._choices:
            self._choices[cache_key] = self._choose(self.v.alias_targets[key], unit, subgroup,
                                                    table)
        return self._choices[cache_key]

    def _choose(self, targets: list[Indicator], unit: str | None, subgroup: str | None,
                table: bool) -> Indicator | None:
        fitting = []
        for ind in targets:
            if ind.subgroup and ind.subgroup != subgroup:
                continue
            if unit is None:
                if not table:
                    continue
            elif not self._unit_fits(unit, ind.unit):
                continue
            fitting.append(ind)
        if not fitting:
            return None
        exact = [i for i in fitting if i.unit == unit]
        return (exact or fitting)[0]

    def _unit_fits(self, stated: str, own: str) -> bool:
        if stated == own:
            return True
        units = self.v.catalog.units
        if stated == "percent" or own == "percent":
            return False  # a share is never read as a rate per N
        return units[stated].dimension == units[own].dimension

    def _unit_from_texts(self, texts: list[str]) -> str | None:
        for t in texts:
            low = lite(blank_markup(t))
            for m in self.v.unit_re.finditer(low):
                up = self.v.unit_phrases.get(m.group(0)) or self._unit_phrase_loose(m.group(0))
                if up:
                    return up.unit
        return None

    def _context_unit(self, ix: _PairIndex, clause: tuple[int, int],
                      sentence: tuple[int, int], seg: Segment) -> str | None:
        for lo, hi in (clause, sentence, (0, len(seg.text))):
            den = ix.first_denominator(lo, hi)
            if den is not None:
                return den
        if seg.table_unitless_ok:
            return ix.near_unit
        return None

    def _count_follows(self, low: str, end: int) -> bool:
        m = self.v.count_re.match(low, end + 1) if end + 1 <= len(low) else None
        return bool(m) and not low[end:m.start()].strip()

    def _subgroup_before(self, low: str, start: int) -> str | None:
        m = re.search(r"(?:^|[-–•+]\s*)([^\W\d_][^\d\-–•+<>]{0,20}?)\s*[<>≤≥=]?\s*$",
                      low[max(0, start - 25):start])
        if not m:
            return None
        return self.v.subgroups.get(m.group(1).strip())

    def _comparator(self, d: dict[str, Any], low: str, clause: tuple[int, int],
                    ix: _PairIndex) -> tuple[str, float, float | None, str | None]:
        value, high = d["value"], d["value_high"]
        if high is not None:
            return "range", value, high, None
        before = low[max(clause[0], d["start"] - 30):d["start"]].rstrip()
        after = low[d["unit_end"]:d["unit_end"] + 30]
        # relative changes: a marker near the number, and the last verb of the clause before it
        per_year = any(after.lstrip().startswith(p) or after.startswith(p)
                       for p in self.v.per_year)
        marker_before = any(before.endswith(p) for p in self.v.rel_before)
        marker_after = any(after.lstrip().startswith(p) for p in self.v.rel_after)
        verb = None
        if marker_before or marker_after or per_year:
            verb = ix.verb_before(clause, d["start"])
        if verb:
            sign = -1.0 if any(verb.startswith(w) for w in self.v.rel_decrease) else 1.0
            rel_to = "unspecified"
            if per_year:
                rel_to = "per_year"
            elif marker_after:
                m = re.match(r"\s*so với\s*(?:năm\s*)?((?:19|20)\d\d)", after + low[
                    d["unit_end"] + 30:d["unit_end"] + 40])
                rel_to = m.group(1) if m else "unspecified"
            return "relative", sign * value, None, rel_to
        comparator = "="
        for phrase, cmp in self.v.cmp_before:
            if before.endswith(phrase):
                k = len(before) - len(phrase)
                if k == 0 or not before[k - 1].isalnum() or not phrase[0].isalnum():
                    comparator = cmp
                    break
        for phrase, cmp in self.v.cmp_after:
            if after.lstrip().startswith(phrase):
                comparator = cmp
        return comparator, value, None, None

    def _is_baseline_from(self, d: dict[str, Any], low: str, clause: tuple[int, int],
                          ix: _PairIndex) -> bool:
        """"từ 35% … lên 50%": a number after "from" with a "to" and another number after it
        in its clause."""
        before = low[max(clause[0], d["start"] - 8):d["start"]].rstrip()
        if not any(before.endswith(w) for w in self.v.baseline_from):
            return False
        for w in self.v.baseline_to:
            pos = ix.first_word(w, d["unit_end"], clause[1])
            if pos is not None and ix.mention_starts_in(pos + len(w), clause[1]):
                return True
        return False

    # -- years --------------------------------------------------------------------------
    def _year_before(self, text: str, pos: int) -> int | None:
        low = lite(text)
        best = None
        for s, _e, y, kind in _year_phrases(low):
            if kind == "year" and s < pos:
                best = y
        return best

    def _year_for(self, d: dict[str, Any], ix: _PairIndex, sentence: tuple[int, int],
                  clause: tuple[int, int], seg: Segment) -> YearChoice:
        """The year of a number without its own: the last one before it in its sentence, else
        one after it in its clause, else the section heading's (or table header's), else the
        plan's horizon when the number stands among the plan's targets; else not stated."""
        before = ix.year_before(sentence[0], d["start"])
        if before is not None:
            return YearChoice(before, "year phrase before it in its sentence")
        for (_lo, hi), where in ((clause, "clause"), (sentence, "sentence")):
            after = ix.year_after(d["end"], hi)
            # a year written after the number is its year unless it opens the next number
            # ("2,24 (đến năm 2030: 2,1)": 2030 is the 2,1's); a next number with its own
            # year leaves it ours ("75% … vào năm 2025 và đạt 85% vào năm 2030")
            if after is not None:
                follows, own = ix.next_mention_own_year(after[1], hi)
                if not follows or own is not None:
                    return YearChoice(after[2], f"year phrase after it in its {where}")
        shared = self._shared_year(d, ix, clause)
        if shared is not None:
            return shared
        if seg.context_year:
            return YearChoice(seg.context_year, "section heading" if seg.shape == "prose"
                              else "table header")
        return self._horizon(seg)

    def _shared_year(self, d: dict[str, Any], ix: _PairIndex, clause: tuple[int, int]
                     ) -> YearChoice | None:
        """"A đạt 70% và B đạt 95% năm 2025": values listed together before one year share
        it, so a number without a year takes the own year of the next number in its clause
        (not a start value: "từ 60% lên 70% năm 2025" dates only the 70)."""
        follows, own = ix.next_mention_own_year(d["unit_end"], clause[1])
        if not follows or own is None or self._is_baseline_from(d, ix.low, clause, ix):
            return None
        return YearChoice(own, "year of the next value in its clause")

    def _horizon(self, seg: Segment) -> YearChoice:
        """A value without a year of its own: the plan's horizon in a target section, or the
        one year a one-year document covers; otherwise the year is not stated (never the
        period's end by default)."""
        if seg.section is not None and seg.section.kind == "target":
            return YearChoice(self.doc.period_end,
                              f"plan horizon (target section '{seg.section.word}')")
        # a statement that opens like a target heading ("Mục tiêu cụ thể là: …")
        opening = lite(self._strip_marker(seg.text[:120].lstrip()))[:40]  # not the whole text
        word = next((w for w in self.v.target_sections if opening.startswith(w)), None)
        if word is not None:
            return YearChoice(self.doc.period_end, f"plan horizon (statement opens '{word}')")
        if self.doc.period_start == self.doc.period_end:
            return YearChoice(self.doc.period_end, "one-year document")
        return NOT_STATED

    # -- clauses -------------------------------------------------------------------------
    def _clause_bounds(self, low: str) -> list[tuple[int, int]]:
        cuts = {0, len(low)}
        for m in _CLAUSE_CUT_RE.finditer(low):
            cuts.add(m.end())
        for m in self.v.clause_break_re.finditer(low):
            cuts.add(m.start())
        pts = sorted(cuts)
        return list(zip(pts, pts[1:], strict=False))

    def _sentence_bounds(self, low: str) -> list[tuple[int, int]]:
        cuts = {0, len(low)}
        for m in _SENTENCE_CUT_RE.finditer(low):
            cuts.add(m.end())
        pts = sorted(cuts)
        return list(zip(pts, pts[1:], strict=False))

    # -- PDF rows with several year columns ----------------------------------------------------
    def _read_pdf_row_columns(self, seg: Segment, cleaned: str) -> bool:
        columns = seg.columns or []
        tokens = list(re.finditer(r"\S+", cleaned))
        values: list[tuple[re.Match[str], Any]] = []
        for tok in reversed(tokens):
            if len(values) == len(columns):
                break
            if _YEAR_TOKEN_RE.match(tok.group(0)):
                break
            cell = parse_cell(tok.group(0))
            if cell is None:
                break
            values.append((tok, cell))
        if not values:
            return False
        values.reverse()
        name_end = values[0][0].start()
        name = cleaned[:name_end]
        statement = self._new_statement(seg)
        keyed = self.v.key(name)
        alias_m = next(iter(self.v.alias_re.finditer(keyed.key)), None)
        if alias_m is None:
            return True
        targets = self.v.alias_targets[alias_m.group(1)]
        unit_token = lite(cleaned[tokens[tokens.index(values[0][0]) - 1].start():name_end]
                          ) if tokens.index(values[0][0]) > 0 else ""
        row_unit = self._unit_from_texts([unit_token, name])
        # Values fill the last columns when fewer are given (blank cells collapse in PDF text).
        cols = columns[len(columns) - len(values):]
        for (tok, cell), (kind, year) in zip(values, cols, strict=True):
            unit = "percent" if cell.percent else row_unit
            ind = self._choose(targets, unit, None, table=True)
            if ind is None:
                continue
            line_no, _line_text, _col = seg.locate(tok.start())
            self._emit(ind, kind, year, cell.comparator, cell.value, cell.value_high,
                       unit or ind.unit, None, line_no, tok.group(0), statement)
        return True

    # -- output ----------------------------------------------------------------------------
    def _emit(self, ind: Indicator, kind: str, year: int | None, comparator: str, value: float,
              value_high: float | None, unit: str, relative_to: str | None, line_no: int,
              value_text: str, statement: Statement, basis: _Basis | None = None) -> None:
        line_text = self.lines[line_no - 1]
        if basis is None:  # a table cell: its column gave kind and year
            kind, basis = self._table_basis(kind, line_text, value_text, statement)
        # one value stated twice on one line for the same year is one observation
        identity = (line_no, ind.id, kind, year, comparator, value, value_high)
        if identity in self._emitted:
            return
        self._emitted.add(identity)
        statement.is_mapped = True
        if basis.indicator_text and not statement.indicator_text:
            statement.indicator_text = basis.indicator_text
        self.out.observations.append(Observation(
            doc_id=self.doc.id, indicator_id=ind.id, kind=kind, year=year,
            comparator=comparator, value=value, value_high=value_high, unit=unit,
            relative_to=relative_to, line=line_no, quote=_quote(line_text, value_text),
            value_text=value_text, statement_id=statement.statement_id,
            indicator_text=basis.indicator_text, match_method=basis.match_method,
            match_score=basis.match_score, kind_basis=basis.kind_basis,
            year_basis=basis.year_basis if year is not None else "not stated",
            quarantine_reason=quarantine_reason(ind, value, value_high, comparator, unit,
                                                value_text),
        ))

    def _table_basis(self, kind: str, line_text: str, value_text: str, statement: Statement
                     ) -> tuple[str, _Basis]:
        """Kind and basis of a table cell. A statistics document's year columns report
        values: its cells are actual whatever the layout reader took them for."""
        kind_basis = "table column"
        if self._statistics is not None and kind in ("target", "trajectory"):
            kind, kind_basis = "actual", f"statistics document: '{self._statistics}'"
        label = statement.indicator_text
        if label is None:
            cut = line_text.find(value_text.strip()) if value_text.strip() else -1
            label = _PHRASE_TRIM_RE.sub("", " ".join(
                blank_markup(line_text[:cut] if cut > 0 else line_text).split()))
            label = label[:_PHRASE_MAX] or None
        return kind, _Basis(label, "alias", 100.0, kind_basis, "table column")


# Characters that (?i:x) matches besides x.lower() and x.upper() (Kelvin sign, long s), for the
# letters of _DOCUMENT_WORDS; tests/test_extract_scaling.py checks these against the re module.
_CASE_EXTRAS = {"k": "\u212a", "s": "\u017f"}
_DOCUMENT_WORDS = ("số", "đề án", "chỉ thị", "nghị định", "nghị quyết", "quyết định", "thông tư",
                   "kế hoạch", "công văn", "luật", "khóa")


def _caseless(ch: str) -> str:
    """A class matching what (?i:ch) matches."""
    if not ch.isalpha():
        return re.escape(ch)
    return "[" + re.escape(ch.lower() + ch.upper() + _CASE_EXTRAS.get(ch.lower(), "")) + "]"


def _document_number_regex() -> re.Pattern[str]:
    r"""(?i:số|đề án|…)\s+\d+ written to start with one class of first characters: the engine
    then skips to a possible first character at once (with IGNORECASE it tries every place).
    Each word checks its own first character looking back, in the words' order."""
    firsts = "".join(sorted({c for w in _DOCUMENT_WORDS
                             for c in _caseless(w[0]).strip("[]")}))
    words = "|".join(f"(?<={_caseless(w[0])})" + "".join(_caseless(c) for c in w[1:])
                     for w in _DOCUMENT_WORDS)
    return re.compile(f"[{firsts}](?:{words})\\s+\\d+")


_DOCUMENT_NUMBER_RE = _document_number_regex()


def _lower_caseless(text: str) -> str:
    """text.lower() with the long s made an s: every character a (?i:…) word pattern matches
    lowers, here, to the word's own character (checked in tests), so a word missing from this
    form cannot be matched, and the pattern need not scan."""
    lowered = text.lower()
    return lowered.replace("\u017f", "s") if "\u017f" in lowered else lowered


# Numbers that are never indicator values: dates, document numbers, list markers.
_NOT_VALUES = [
    re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}"),  # 04/3/2026
    re.compile(r"(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?", re.IGNORECASE),
    re.compile(r"(?i:tháng)\s+\d{1,2}(?:\s*/\s*\d{4})?"),
    # 9/2030. Every pattern that may start at a digit is written to start with "\d" (its
    # look-behind placed after it): the engine then skips to the next digit at once.
    re.compile(r"\d(?<![\d,]\d)\d?\s*/\s*(?:19|20)\d\d"),
    # 07-ĐA/TU, 788/QĐ-BYT, 114/2025/QH15. Only from the start of a run of numbers: a match
    # inside one implies a match at its start, and trying every digit of a long run rescans it
    re.compile(r"\d(?<!\d\d)(?<!\d/\d)\d*(?:/\d+)*\s*[-/]\s*[A-ZĐ]{2,}"),
    _DOCUMENT_NUMBER_RE,  # số 12, quyết định 788, …
    re.compile(r"\(\d{1,2}\)"),  # (1)
    # 48 tiết/2 năm, 08 xã/4 huyện (from the start of a digit run, as above)
    re.compile(rf"\d(?<!\d\d)\d*\s*/\s*\d+(?!\s*\(\s*{NUMBER}\s*%)"),
]


# Characters each pattern above cannot match without (one of them), in the same order: a test
# for them is cheaper than a scan with the pattern.
_NOT_VALUES_NEEDS = list(zip(_NOT_VALUES, ("/", "", "", "/", "-/", "", "(", "/"), strict=True))

# The date patterns above that cannot match a text without "tháng" in it (in any case). Any
# character (?i:tháng) matches lowers to one of "tháng" (checked in tests), so the word in the
# lowered text is a necessary condition, cheaper to test than scanning with the pattern.
_MONTH = "tháng"
_MONTH_PATTERNS = (_NOT_VALUES[1], _NOT_VALUES[2])


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each (start, end) span replaced by as many blanks (spans may overlap)."""
    if not spans:
        return text
    pieces: list[str] = []
    pos = 0
    for a, b in sorted(spans):
        if b <= pos:
            continue
        a = max(a, pos)
        pieces.append(text[pos:a])
        pieces.append(" " * (b - a))
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)


def _year_phrases(low: str) -> list[tuple[int, int, int, str]]:
    """(start, end, year, kind) with kind 'year' or 'reference' (so với năm 2015)."""
    out = []
    for m in _YEAR_PHRASE_RE.finditer(low):
        y = int(m.group("y2") or m.group("y1") or m.group("y3") or m.group("y4"))
        kind = "reference" if (m.group("ref") or m.group("ref2")) else "year"
        out.append((m.start(), m.end(), y, kind))
    return out


def _quote(line_text: str, value_text: str, width: int = 240) -> str:
    """The line (NFC), trimmed around the number when it is long."""
    line = line_text.strip()
    if len(line) <= width:
        return line
    pos = line.find(value_text)
    if pos < 0:
        return line[:width]
    start = max(0, pos - width // 2)
    return line[start:start + width]


def extract_document(vocab: Vocabulary, doc: Document, lines: list[str]) -> DocumentExtraction:
    """Extract statements, observations and non-numeric targets from one document's lines."""
    return DocumentReader(vocab, doc, lines).run()


def read_text(vocab: Vocabulary, text: str, *, doc_id: str = "text", province_id: str = "",
              period_start: int = 2021, period_end: int = 2025) -> DocumentExtraction:
    """Extract from a piece of text as if it were a document (for tests and exploration).

    >>> from vnhealth.catalog import load_catalog
    >>> from vnhealth.paths import ProjectPaths
    >>> vocab = Vocabulary(load_catalog(ProjectPaths.at()))
    >>> [(o.indicator_id, o.comparator, o.value) for o in
    ...  read_text(vocab, "- Tuổi thọ trung bình đạt trên 74,5 tuổi.").observations]
    [('life_expectancy', '>', 74.5)]
    """
    doc = Document(id=doc_id, province_id=province_id, title="", doc_number=None, issuer=None,
                   issued_on=None, issued_text=None, period_start=period_start,
                   period_end=period_end, file="", sha256="", manifest_line=0)
    return extract_document(vocab, doc, text.split("\n"))

