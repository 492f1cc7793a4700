"""Indexes of one segment: each number is read against its clause, and scanning the clause (or
the whole segment) again for every number made a long clause quadratic. The lists here are in
text order and built once per segment, so each lookup is a bisection."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import Any, NamedTuple

from vnhealth.extract.mentions import Mention, UnitHit, YearPhrase
from vnhealth.extract.vocabulary import Vocabulary
from vnhealth.inputs.catalog import Indicator

_WORD_CHAR_RE = re.compile(r"\w")
_CLAUSE_CUT_RE = re.compile(r";|\.(?=\s|$)")
_SENTENCE_CUT_RE = re.compile(r"\.(?=\s|$)")
_GLUED_STOP_RE = re.compile(r"(?<=[^\W_]|[%)])\.(?=[^\W\d_])")
_WORD_BEFORE_RE = re.compile(r"\w+$")
# the last character of a year phrase in a script whose year word follows the year ("2015 年")
_HEAD_FINAL_YEAR_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]")
# A full stop that ends a list or heading number ("1. Về kinh tế", "2.1. Giai đoạn") ends no
# sentence; one after any other number does ("… xuống còn 0,006/1000 dân năm 2022. Tỷ lệ …").
_LIST_NUMBER_END_RE = re.compile(r"(?<![^\s(])\d{1,2}(?:\.\d{1,2})*\.$")
_LIST_NUMBER_AFTER = ("", "\n", "(", ":", ";", ".", ")")

Span = tuple[int, int]  # (start, end) of a clause or a sentence


_DATE_BEFORE_RE = re.compile(r"(?:tháng\s*\d{1,2}|\d{1,2}\s*/\s*\d{1,2})\s*[,/]?\s*$")


class AliasHit(NamedTuple):
    """An indicator name (catalogue alias) found in the text."""

    start: int
    end: int
    key: str  # the alias key


class Named(NamedTuple):
    """An indicator and where the text names it (start == end: no span, e.g. a fuzzy match)."""

    indicator: Indicator
    start: int
    end: int
    method: str = "alias"  # alias, fuzzy, or unit (the only indicator stated in its unit)
    score: float | None = 100.0


def _ends_list_number(low: str, end: int) -> bool:
    """Does the full stop ending at `end` close a list or heading number ("1.", "2.1.")?"""
    if low[end - 1] != ".":
        return False
    m = _LIST_NUMBER_END_RE.search(low, max(0, end - 12), end)
    # a list's number opens its line or follows a sentence's end or a colon; after a word
    # ("… dropped to 1.39. In …") the number is a value and its full stop ends the sentence
    return m is not None and \
        low[max(0, m.start() - 40):m.start()].rstrip(" \t")[-1:] in _LIST_NUMBER_AFTER


def clause_bounds(vocab: Vocabulary, low: str) -> list[Span]:
    """The clauses of a lite() text: cut after ";" and a full stop, and before a clause break
    word ("đồng thời")."""
    cuts = {0, len(low)}
    for m in _CLAUSE_CUT_RE.finditer(low):
        if not _ends_list_number(low, m.end()):
            cuts.add(m.end())
    for m in vocab.clause_break_re.finditer(low):
        cuts.add(m.start())
    pts = sorted(cuts)
    return list(zip(pts, pts[1:], strict=False))


def sentence_bounds(low: str, cased: str = "", abbreviations: frozenset[str] = frozenset()
                    ) -> list[Span]:
    """The sentences of a lite() text: cut after a full stop before a blank, and after one
    glued to a capitalised word in the `cased` text (`_glued_stops`)."""
    cuts = {0, len(low)}
    for m in _SENTENCE_CUT_RE.finditer(low):
        if not _ends_list_number(low, m.end()):
            cuts.add(m.end())
    cuts.update(_glued_stops(low, cased, abbreviations))
    pts = sorted(cuts)
    return list(zip(pts, pts[1:], strict=False))


def _glued_stops(low: str, cased: str, abbreviations: frozenset[str]) -> list[int]:
    """"… to 1.39.In the southern provinces": a page that lost the blank between paragraphs
    glues a sentence to the next. A full stop between a lower-case letter, a digit, "%" or ")"
    and a capitalised word ends a sentence, unless an abbreviation is before it ("Tp.Hồ Chí
    Minh") or it ends a list number ("2.Các giải pháp")."""
    cuts = []
    for m in _GLUED_STOP_RE.finditer(cased):
        after = cased[m.end():m.end() + 2]
        if not (after[:1].isupper() and after[1:].islower()):
            continue
        word = _WORD_BEFORE_RE.search(low, max(0, m.start() - 12), m.start())
        if (word is None or word.group(0) not in abbreviations) \
                and not _ends_list_number(low, m.end()):
            cuts.append(m.end())
    return cuts


class _LastMatchBefore:
    """The last match of `pattern.finditer(text, clause_start, pos)`, for many `pos` in a clause.

    One scan of each clause is kept. A match attempt at p reads no further than p + reach, so
    the scan stopped at pos agrees with the whole-clause scan on every match starting before
    pos - reach; only the last `reach` characters are scanned again.
    """

    def __init__(self, pattern: re.Pattern[str], text: str, reach: int):
        self.pattern, self.text, self.reach = pattern, text, reach
        self._scans: dict[int, tuple[list[int], list[re.Match[str]]]] = {}

    def find(self, clause: Span, pos: int) -> str | None:
        m = self.find_match(clause, pos)
        return m.group(0) if m is not None else None

    def find_match(self, clause: Span, pos: int) -> re.Match[str] | None:
        lo, hi = clause
        if lo not in self._scans:
            found = list(self.pattern.finditer(self.text, lo, hi))
            self._scans[lo] = ([m.start() for m in found], found)
        starts, found = self._scans[lo]
        k = bisect_left(starts, pos - self.reach)
        last = found[k - 1] if k else None
        resume = found[k - 1].end() if k else lo
        for m in self.pattern.finditer(self.text, max(resume, pos - self.reach), pos):
            last = m
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


class Fitting:
    """The indicator names (in text order) that fit one query of unit, subgroup and table."""

    def __init__(self, aliases: list[AliasHit], choose: Callable[[str], Indicator | None]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.indicators: list[Indicator] = []
        for s, e, key in aliases:
            ind = choose(key)
            if ind is not None:
                self.starts.append(s)
                self.ends.append(e)
                self.indicators.append(ind)

    def _named(self, j: int) -> Named:
        return Named(self.indicators[j], self.starts[j], self.ends[j])

    def first_after(self, pos: int, hi: int) -> Named | None:
        """The first fitting name starting in [pos, hi)."""
        j = bisect_left(self.starts, pos)
        return self._named(j) if j < len(self.starts) and self.starts[j] < hi else None

    def last_before(self, pos: int, lo: int) -> Named | None:
        """The fitting name starting at lo or later that ends last at or before pos (the first
        of those ending there): names sorted by their end, nearest first, in a stable sort."""
        j = bisect_right(self.ends, pos) - 1
        k = bisect_left(self.starts, lo)
        if j < k:
            return None
        return self._named(max(k, bisect_left(self.ends, self.ends[j], 0, j + 1)))


BRACKET_REACH = 200  # characters back a year phrase looks for the bracket it stands in
GOAL_REACH = 30  # characters back a year phrase looks for the target word it may belong to


COMPARED_REACH = 24  # characters before "cả nước" its "cao hơn", "đầu tiên trong" may take
RANK_REACH = 64  # characters before "nationwide" the rank of what it names may take


class PairIndex:
    """Names, units, clauses, sentences, years and numbers of one segment, by position.

    Names come from non-overlapping matches on the key mapped back by a monotone offset map, so
    both their starts and their ends are in text order.
    """

    def __init__(self, low: str, aliases: list[AliasHit], units: list[UnitHit],
                 vocab: Vocabulary, cased: str = ""):
        self.low = low
        self.aliases = aliases
        self.alias_starts = [a.start for a in aliases]
        self.alias_ends = [a.end for a in aliases]
        self._alias_reach = list(accumulate(self.alias_ends, max))
        self.clauses = clause_bounds(vocab, low)
        self._clause_los = [c[0] for c in self.clauses]
        self.sentences = sentence_bounds(low, cased, vocab.dotted_abbreviations)
        self._sentence_los = [c[0] for c in self.sentences]
        self._den_starts = [u.start for u in units if u.is_denominator]
        self._den_units = [u.unit for u in units if u.is_denominator]
        self.near_unit = next((u.unit for u in units if u.unit in ("percent", "per_1000")),
                              None)
        self._verbs = _LastMatchBefore(vocab.verb_re, low, vocab.verb_reach)
        self._words: dict[str, _WordSearch] = {}
        self.age_in_months_after_re = vocab.age_in_months_after_re  # "6–36 tháng tuổi"
        self._fitting: dict[tuple[str | None, str | None, bool], Fitting] = {}
        self._mention_starts: list[int] = []
        self._mention_ends: list[int] = []
        self._mention_own_year: list[int | None] = []
        self._national_re = vocab.national_re
        self._compared_re = vocab.compared_to_country_re
        self._rank_re = vocab.rank_re
        self._national: dict[int, list[int]] = {}
        self._per_sentence: dict[tuple[int, str], Any] = {}
        self._marks: dict[str, list[int]] = {}
        self._unit_starts: dict[tuple[int, int, str | None], list[int]] = {}
        self._years: list[tuple[int, int, int]] = []
        self._year_starts: list[int] = []
        self._years_after: list[tuple[int, int, int]] = []
        self._year_after_starts: list[int] = []

    def index_mentions(self, mentions: list[Mention], phrases: list[YearPhrase],
                       consumed: set[int]) -> None:
        """The numbers read, and the year phrases left to numbers without their own year."""
        self._mentions = mentions
        self._mention_starts = [d.start for d in mentions]
        self._mention_own_year = [None if d.bracketed_year else d.own_year for d in mentions]
        self._mention_ends = [d.unit_end for d in mentions]
        self._mention_units = [d.unit for d in mentions]
        self._years = [(s, e, y) for s, e, y, kind in phrases
                       if kind == "year" and s not in consumed]
        self._year_starts = [y[0] for y in self._years]
        # "2015 年": a year whose word follows it (Japanese, Korean) opens what comes after it
        # and dates no number before it ("男児114.4人となり、2015年通年より…": a comparison)
        self._years_after = [y for y in self._years
                             if not _HEAD_FINAL_YEAR_RE.match(self.low, y[1] - 1)]
        self._year_after_starts = [y[0] for y in self._years_after]

    @staticmethod
    def _bounds_at(bounds: list[Span], los: list[int], pos: int) -> Span:
        i = bisect_right(los, pos) - 1
        if i >= 0 and pos < bounds[i][1]:
            return bounds[i]
        return bounds[-1]

    def clause_of(self, pos: int) -> Span:
        return self._bounds_at(self.clauses, self._clause_los, pos)

    def sentence_of(self, pos: int) -> Span:
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
                choose: Callable[[str], Indicator | None]) -> Fitting:
        if query not in self._fitting:
            self._fitting[query] = Fitting(self.aliases, choose)
        return self._fitting[query]

    def last_denominator_start(self, lo: int, pos: int) -> int | None:
        """Where the last unit "per N" starting in [lo, pos) starts."""
        i = bisect_left(self._den_starts, pos) - 1
        return self._den_starts[i] if i >= 0 and self._den_starts[i] >= lo else None

    def first_denominator(self, lo: int, hi: int) -> str | None:
        """The first unit "per N" starting in [lo, hi)."""
        i = bisect_left(self._den_starts, lo)
        return self._den_units[i] if i < len(self._den_starts) and self._den_starts[i] < hi \
            else None

    def verb_before(self, clause: Span, pos: int) -> str | None:
        return self._verbs.find(clause, pos)

    def change_verb_before(self, clause: Span, pos: int) -> str | None:
        """The last verb before pos in the clause, unless it is a word of an indicator's
        name ("tăng" in "tỷ lệ tăng dân số là 1,03%/năm")."""
        m = self._verbs.find_match(clause, pos)
        if m is None:
            return None
        i = bisect_right(self.alias_starts, m.start()) - 1
        return None if i >= 0 and self._alias_reach[i] > m.start() else m.group(0)

    def first_word(self, word: str, lo: int, hi: int) -> int | None:
        if word not in self._words:
            self._words[word] = _WordSearch(self.low, word)
        return self._words[word].first(lo, hi)

    def national_before(self, clause: Span, pos: int) -> int | None:
        """The end of the last national marker ("cả nước") in the clause ending by pos; one
        scan of each clause is kept."""
        lo, hi = clause
        if lo not in self._national:
            # "cao hơn cả nước": the country compared with is no subject
            self._national[lo] = [m.end() for m in self._national_re.finditer(self.low, lo, hi)
                                  if not self._compared_re.search(
                                      self.low, max(lo, m.start() - COMPARED_REACH),
                                      m.start()) and not self.ranked_in(lo, m.start())]
        ends = self._national[lo]
        i = bisect_right(ends, pos) - 1
        return ends[i] if i >= 0 else None

    def ranked_in(self, lo: int, marker: int) -> bool:
        """"the province has the fourth-highest rate of new HIV infections nationwide, at 34":
        a rank before the marker, with the name it ranks between them and no number, makes
        the country the scope the province ranks in."""
        ranks = list(self._rank_re.finditer(self.low, max(lo, marker - RANK_REACH), marker))
        return bool(ranks) and self.mention_after(ranks[-1].end(), marker) is None

    def mention_end_before(self, lo: int, pos: int) -> int:
        """Where the last number starting in [lo, pos) ends (its unit included), else lo."""
        i = bisect_left(self._mention_starts, pos) - 1
        return self._mention_ends[i] if i >= 0 and self._mention_starts[i] >= lo else lo

    def mention_before(self, lo: int, pos: int) -> Mention | None:
        """The last number starting in [lo, pos), or None."""
        i = bisect_left(self._mention_starts, pos) - 1
        return self._mentions[i] if i >= 0 and self._mention_starts[i] >= lo else None

    def mention_after(self, pos: int, hi: int) -> Mention | None:
        """The first number starting in [pos, hi), or None."""
        i = bisect_left(self._mention_starts, pos)
        return self._mentions[i] if i < len(self._mentions) and self._mention_starts[i] < hi \
            else None

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

    def any_mark_in(self, name: str, find: Callable[[], list[int]], lo: int, hi: int) -> bool:
        """Whether one of the (sorted) places find() gives starts in [lo, hi); they are found
        once per segment and name."""
        if name not in self._marks:
            self._marks[name] = find()
        starts = self._marks[name]
        i = bisect_left(starts, lo)
        return i < len(starts) and starts[i] < hi

    def in_sentence(self, sentence: Span, name: str, find: Callable[[int, int], Any]) -> Any:
        """find(lo, hi) over the sentence, computed once per sentence and name."""
        key = (sentence[0], name)
        if key not in self._per_sentence:
            self._per_sentence[key] = find(*sentence)
        return self._per_sentence[key]

    def rank_among(self, lo: int, hi: int, pos: int, unit: str | None) -> int:
        """The rank of the number at pos among the numbers of `unit` starting in [lo, hi)."""
        key = (lo, hi, unit)
        if key not in self._unit_starts:
            i, j = bisect_left(self._mention_starts, lo), bisect_left(self._mention_starts, hi)
            self._unit_starts[key] = [self._mention_starts[k] for k in range(i, j)
                                      if self._mention_units[k] == unit]
        return bisect_left(self._unit_starts[key], pos)

    def alias_key_at(self, start: int, end: int) -> str | None:
        """The key of the name found at exactly [start, end), if any."""
        for i in range(bisect_left(self.alias_starts, start), len(self.aliases)):
            a = self.aliases[i]
            if a.start != start:
                return None
            if a.end == end:
                return a.key
        return None

    def aliases_in(self, lo: int, hi: int) -> list[AliasHit]:
        """The names lying wholly in [lo, hi), in text order."""
        i = bisect_left(self.alias_starts, lo)
        return [a for a in self.aliases[i:] if a.start < hi and a.end <= hi]

    def first_own_year(self, pos: int, hi: int) -> int | None:
        """The first year owned by a number starting in [pos, hi)."""
        i = bisect_left(self._mention_starts, pos)
        while i < len(self._mention_starts) and self._mention_starts[i] < hi:
            if self._mention_own_year[i] is not None:
                return self._mention_own_year[i]
            i += 1
        return None

    def last_own_year(self, lo: int, pos: int) -> int | None:
        """The year owned by the last dated number starting in [lo, pos)."""
        i = bisect_left(self._mention_starts, pos) - 1
        while i >= 0 and self._mention_starts[i] >= lo:
            if self._mention_own_year[i] is not None:
                return self._mention_own_year[i]
            i -= 1
        return None

    def dated_before(self, lo: int, pos: int, goal_re: re.Pattern[str] | None = None
                     ) -> int | None:
        """The year of the last free year phrase in [lo, pos) that is not part of a date
        ("ngày 25 tháng 10 năm 2017" dates a document, not a value) nor a side remark in
        brackets ("(năm 2008 là 128 nam/100 nữ)" dates only what it compares with), nor, with
        `goal_re`, a goal's year ("vượt các mục tiêu đặt ra cho năm 2025") while another year
        stands before it (else the goal's: "Kế hoạch đặt ra mục tiêu đến năm 2030 …")."""
        i = bisect_left(self._year_starts, pos) - 1
        while i >= 0 and self._year_starts[i] >= lo:
            start, _end, year = self._years[i]
            near = max(lo, start - BRACKET_REACH)
            if not _DATE_BEFORE_RE.search(self.low, max(0, start - 16), start) and \
                    self.low.rfind("(", near, start) <= self.low.rfind(")", near, start) and \
                    (goal_re is None or not goal_re.search(self.low, max(lo, start - GOAL_REACH),
                                                           start)):
                return year
            i -= 1
        return None if goal_re is None else self.dated_before(lo, pos)

    def year_before(self, lo: int, pos: int) -> int | None:
        """The last free year phrase starting in [lo, pos)."""
        found = self.year_phrase_before(lo, pos)
        return found[2] if found is not None else None

    def year_phrase_before(self, lo: int, pos: int) -> tuple[int, int, int] | None:
        """(start, end, year) of the last free year phrase starting in [lo, pos)."""
        i = bisect_left(self._year_starts, pos) - 1
        return self._years[i] if i >= 0 and self._year_starts[i] >= lo else None

    def year_after(self, pos: int, hi: int) -> tuple[int, int, int] | None:
        """(start, end, year) of the first free year phrase starting in [pos, hi)."""
        i = bisect_left(self._year_after_starts, pos)
        return self._years_after[i] if i < len(self._years_after) \
            and self._year_after_starts[i] < hi else None
