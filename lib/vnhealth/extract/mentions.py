"""Numbers in a segment as typed mentions: each value with its range, unit and own year.

Fractions ("3/4 số xã") are read first, dates and document numbers blanked, then every number
that is not a year is read with the unit phrase right after it. Two numbers joined by
"từ … đến …" in one unit are one range; a year written right after a number is its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import NamedTuple

from vnhealth.extract.lines import BULLET_RE
from vnhealth.extract.not_values import blanked
from vnhealth.extract.numbers import (
    FRACTION_SHARE_RE,
    MENTION_RE,
    VALUE_PAIR_RE,
    english_thousands,
    has_english_thousands,
    is_year,
    parse_number,
)
from vnhealth.extract.records import Segment
from vnhealth.extract.vocabulary import UnitPhrase, Vocabulary
from vnhealth.inputs.text import blank_markup, lite

_PDF_ROW_NUMBER_RE = re.compile(r"^\s*\d{1,2}[a-z]?(?:\.\d{1,2})?(?=\s)")
_DIGIT_RE = re.compile(r"\d")
_NON_SPACE_RE = re.compile(r"\S")
_SPACES_RE = re.compile(r"\s+")

_BLANKS_RE = re.compile(r"\s*")
# "(bệnh)/10.000 dân": the rest of a count noun, then its per-N unit
_PER_N_AFTER_RE = re.compile(r"(?:\s+[^\W\d_]+)?\s*/\s*\d[\d.]*(?:\s+[^\W\d_]+){0,2}")


@dataclass(slots=True)
class Mention:
    """A number read in a segment (offsets in the segment's text)."""

    start: int
    end: int  # after the number (or the second number of a range)
    num_start: int  # where the number itself starts (a fraction's share)
    value: float
    value_high: float | None  # the top of a range
    unit: str | None  # the unit written with it, if any
    unit_end: int  # after its unit, else its end
    text: str  # as written
    fraction: bool  # "3/4 số xã": a share
    own_year: int | None = None  # a year written right after it
    # its year stands before it, the number in brackets ("so với năm 2022 (69,1%)"): numbers
    # listed before it do not share that year
    bracketed_year: bool = False


class UnitHit(NamedTuple):
    start: int
    end: int
    unit: str
    is_denominator: bool


class YearPhrase(NamedTuple):
    start: int
    end: int
    year: int
    kind: str  # "year"; "reference" for "so với năm 2015"; "since" for "từ năm 2010 đến nay"


class Mentions(NamedTuple):
    mentions: list[Mention]
    units: list[UnitHit]
    masked_low: str  # lite() text with dates, document numbers and list markers blanked


def is_blank(text: str, start: int, end: int) -> bool:
    """not text[start:end].strip(), without copying a long slice (\\S is what strip() keeps)."""
    return _NON_SPACE_RE.search(text, start, end) is None


def _vietnamese_notation(vocab: Vocabulary, cleaned: str, low: str) -> str:
    """The text with an English segment's thousands commas as dots ("1,630 doctors"), so that
    its numbers read as the Vietnamese notation reads them; offsets kept."""
    if has_english_thousands(cleaned) and vocab.writes_english(low):
        return english_thousands(cleaned)
    return cleaned


def find_mentions(vocab: Vocabulary, seg: Segment, cleaned: str) -> Mentions:
    """The numbers of a segment's markup-blanked text, in text order, and its unit phrases."""
    low = lite(cleaned)
    # spans blanked out before numbers are read; blanking is gathered and applied in one
    # pass per step (a list of characters joined after each step cost more than reading)
    spans: list[tuple[int, int]] = []
    units = unit_hits(vocab, low, lambda a, b: spans.append((a, b)))
    before = units_before(vocab, low)
    spans.extend((u.start, u.end) for u in before)  # "女児 100 人 …": no value of its own
    unit_starts = [u.start for u in units]
    written = cleaned  # the numbers as written, for their text
    cleaned = _vietnamese_notation(vocab, cleaned, low)
    mentions: list[Mention] = []
    for m in FRACTION_SHARE_RE.finditer(cleaned):
        mentions.append(Mention(m.start(), m.end(), m.start("share"),
                                parse_number(m.group("share")), None, "percent", m.end(),
                                m.group(0), True))
        spans.append((m.start(), m.end()))
    for m in VALUE_PAIR_RE.finditer(cleaned):
        if is_year(parse_number(m.group("second"))):
            continue  # "12,5/2020": a number and a date's year, no target
        unit, unit_end = unit_after(vocab, low, m.end(), units, unit_starts)
        mentions.append(Mention(m.start("first"), m.end("first"), m.start("first"),
                                parse_number(m.group("first")), None, unit, m.end("first"),
                                m.group("first"), False))
        mentions.append(Mention(m.start("second"), m.end("second"), m.start("second"),
                                parse_number(m.group("second")), None, unit, unit_end,
                                m.group("second"), False))
        spans.append((m.start(), m.end()))
    current = vocab.not_values.blank(blanked(cleaned, spans))
    spans = []
    marker = BULLET_RE.match(cleaned)
    if marker and _DIGIT_RE.search(marker.group(0)):
        spans.append(marker.span())
    row_number = _PDF_ROW_NUMBER_RE.match(cleaned) if seg.shape == "pdf_row" else None
    if row_number:
        spans.append(row_number.span())
    scan = blanked(current, spans)
    for m in MENTION_RE.finditer(scan):
        point = m.group("point")  # inline mention_number: every number of a document
        v1 = float(point) if point is not None else parse_number(m.group("num"))
        v2 = float(m.group("point2")) if m.group("point2") else \
            parse_number(m.group("num2")) if m.group("num2") else None
        if is_year(v1) and (v2 is None or is_year(v2)) \
                or _COMPOUND_MODIFIER_RE.match(scan, m.end()) \
                or _NAME_WITH_NUMBER_RE.search(scan, max(0, m.start() - 2), m.start()):
            # a year; "a 100-bed hospital", "the 2-level government", "COVID-19": a name's part
            continue
        unit, unit_end = _unit_of(vocab, low, m, v1, (units, unit_starts, before))
        if _MINUS_BEFORE_RE.search(scan, max(0, m.start() - _MINUS_REACH), m.start()):
            v1 = -v1  # "人口増加率は-0,7%", "là -0,7%": a negative value (a fall in population)
        if unit is None and point is not None and not _listed_after(vocab, scan, mentions, m) \
                and _maybe_a_section_number(vocab, low, m.start(), m.end(), units, unit_starts):
            continue
        mentions.append(Mention(m.start(), m.end(), m.start(), v1, v2, unit, unit_end,
                                written[m.start():m.end()], False))
    mentions.sort(key=lambda d: d.start)
    return Mentions(mentions, units, lite(scan))


def _unit_of(vocab: Vocabulary, low: str, m: re.Match[str], value: float,
             found: tuple[list[UnitHit], list[int], list[UnitHit]]) -> tuple[str | None, int]:
    """(unit, its end) of a number read by MENTION_RE: the unit written after it, else one
    written before it, else an average noun's ("2,1 con"); (None, its end) when none."""
    units, unit_starts, before = found
    unit, unit_end = unit_after(vocab, low, m.end(), units, unit_starts)
    if unit is None:
        unit = unit_just_before(low, m.start(), before)
    if unit is None and _written_with_fraction(m.group("point") or m.group("num"), value):
        unit, unit_end = average_unit(vocab, low, m.end())
    return unit, unit_end


def _listed_after(vocab: Vocabulary, scan: str, mentions: list[Mention],
                  m: re.Match[str]) -> bool:
    """"the rates were 1.34, 1.53 and 1.37": a number joined to the value before it by a
    comma or "and" is listed with it, a value as that one is."""
    return bool(mentions) and mentions[-1].unit_end < m.start() and \
        vocab.name_list_gap_re.fullmatch(scan, mentions[-1].unit_end, m.start()) is not None


def _maybe_a_section_number(vocab: Vocabulary, low: str, start: int, end: int,
                            units: list[UnitHit], unit_starts: list[int]) -> bool:
    """"2.1" without a unit, a noun it counts ("10.5 persons") or a verb before it ("increase
    the life expectancy to 74.5", "decrease from 41.7 to 31.3"), nor in a list closed by
    "respectively", nor alone in brackets after words ("the highest life expectancy (76.5)"),
    nor labelled by a province's name ("… and Ha Giang 3.08"): a section number as likely as a
    value."""
    return not _unit_after_its_noun(low, end, units, unit_starts) \
        and not _labelled_by_a_province(vocab, low, start) \
        and not vocab.count_re.match(low, _BLANKS_RE.match(low, end).end()) \
        and not vocab.closes_a_list_in_turn_re.match(low, end) \
        and not _BRACKETED_AFTER_WORDS_RE.search(low, 0, start) \
        and not _after_a_value_verb(vocab, low, start) \
        and not vocab.starts_a_change(low, start, end)


_PLACE_LABEL_REACH = 48  # characters a province's name and its colon may take before a number


def _labelled_by_a_province(vocab: Vocabulary, low: str, start: int) -> bool:
    """Whether a province's name, perhaps with a colon, stands right before the number."""
    return any(m.end() == start + 1 for m in vocab.province_label_value_re.finditer(
        low, max(0, start - _PLACE_LABEL_REACH), start + 1))


# A minus sign right before a number, after a word, a bracket or a colon ("là -0,7%"): not a
# range's dash (a number before it) nor a bullet (a line's start: "-100% trạm y tế …")
_MINUS_BEFORE_RE = re.compile(r"(?:[^\W\d_]|[(:=])\s*[-−]$")
_MINUS_REACH = 8
_COMPOUND_MODIFIER_RE = re.compile(r"-[^\W\d_]")
_NAME_WITH_NUMBER_RE = re.compile(r"[^\W\d_]-$")  # "COVID-19", "SARS-CoV-2"
_BRACKETED_AFTER_WORDS_RE = re.compile(r"[^\W\d_]\s*\(\s*$")


def _written_with_fraction(text: str, value: float) -> bool:
    """Whether a number is written with a fractional part, a zero one too ("2,0 con": a
    measured average, not a count of two)."""
    digits = _NOT_DIGIT_RE.sub("", text)
    return not value.is_integer() or (digits != "" and float(digits) != value)


_NOT_DIGIT_RE = re.compile(r"\D")
_LABEL_COLON_RE = re.compile(r"[^\W\d_]\s*:\s*$")
VERB_REACH = 24  # characters before a number its verb ("đạt trên", "will be") may take


def _after_a_value_verb(vocab: Vocabulary, low: str, start: int) -> bool:
    """Whether a verb that states a value or ends a change stands right before a number, or
    the colon after a label ("Planned hospital beds/ten thousand people: 36.0")."""
    return vocab.bare_value_verb_re.search(low, max(0, start - VERB_REACH), start) is not None \
        or _LABEL_COLON_RE.search(low, max(0, start - VERB_REACH), start) is not None


def average_unit(vocab: Vocabulary, low: str, end: int) -> tuple[str | None, int]:
    """(unit, its end) an average noun gives a number ending at `end` ("2,1 con"), or
    (None, end); only for a number with a fractional part (vocabulary `average_nouns`)."""
    m = vocab.average_noun_re.match(low, end)
    if m is None:
        return None, end
    return vocab.average_nouns[_SPACES_RE.sub(" ", m.group(1))], m.end()


def unit_hits(vocab: Vocabulary, low: str, mask: Callable[[int, int], None]) -> list[UnitHit]:
    """Unit phrases of a segment in text order; those holding digits are masked."""
    units: list[UnitHit] = []
    for m in vocab.unit_re.finditer(low):
        up = vocab.unit_phrases.get(_SPACES_RE.sub(" ", m.group(0)).replace(" /", "/")
                                    .replace("/ ", "/"))
        if up is None:
            up = unit_phrase_loose(vocab, m.group(0))
        if up is None or _names_a_year(vocab, low, m.group(0), m.end()):
            continue
        units.append(UnitHit(m.start(), m.end(), up.unit, up.is_denominator))
        if any(ch.isdigit() for ch in m.group(0)):
            mask(m.start(), m.end())
    return units


def units_before(vocab: Vocabulary, low: str) -> list[UnitHit]:
    """The phrases of a segment that write a unit before its number (units.yaml
    `phrases_before`), in text order."""
    return [UnitHit(m.start(), m.end(), vocab.units_before[_SPACES_RE.sub(" ", m.group(0))],
                    False)
            for m in vocab.unit_before_re.finditer(low)
            if _SPACES_RE.sub(" ", m.group(0)) in vocab.units_before]


def unit_just_before(low: str, start: int, before: list[UnitHit]) -> str | None:
    """The unit of a phrase written right before a number starting at `start` (only blanks
    between), or None."""
    i = bisect_left(before, (start,)) - 1
    return before[i].unit if i >= 0 and is_blank(low, before[i].end, start) else None


def unit_after(vocab: Vocabulary, low: str, end: int, units: list[UnitHit],
               unit_starts: list[int]) -> tuple[str | None, int]:
    """(unit, end of the unit) of a number ending at `end`, or (None, end)."""
    um = vocab.unit_after_re.match(low, end)
    if um:
        phrase = um.group(0).strip()
        up = vocab.unit_phrases.get(phrase) or unit_phrase_loose(vocab, phrase)
        if up is not None and not _names_a_year(vocab, low, phrase, um.end()):
            return up.unit, um.end()
        return None, end
    # Only the first unit phrase after the number can follow it across blanks alone: the
    # gap to any later one holds the gap to this one.
    i = bisect_left(unit_starts, end)
    if i < len(units) and is_blank(low, end, units[i].start):
        return units[i].unit, units[i].end
    return None, end


_YEAR_NEXT_RE = re.compile(r"\s*(?:19|20)\d\d(?!\d)")


def _names_a_year(vocab: Vocabulary, low: str, phrase: str, end: int) -> bool:
    """Whether a unit word is the year word of a year phrase ("tăng từ 16,07 năm 2016 lên
    20 năm 2020": "năm" there opens the year, the value has no unit of years)."""
    return phrase.strip() in vocab.year_word_set and _YEAR_NEXT_RE.match(low, end) is not None


NOUN_BEFORE_UNIT = re.compile(r"(?:\s+[^\W\d_]+){1,3}\s*")  # " hospital beds "


def _unit_after_its_noun(low: str, end: int, units: list[UnitHit], unit_starts: list[int]
                         ) -> bool:
    """Whether a unit follows a number across at most three words, the noun it counts
    ("13.11 doctors per 10,000 people"): a decimal point then is no section number."""
    i = bisect_left(unit_starts, end)
    if i >= len(units):
        return False
    gap = NOUN_BEFORE_UNIT.fullmatch(low, end, units[i].start)
    return gap is not None


def unit_phrase_loose(vocab: Vocabulary, phrase: str) -> UnitPhrase | None:
    """A unit phrase written with other spacing ("‰" as "% 0", "/ 1.000 dân")."""
    return vocab.unit_phrases_compact.get(_SPACES_RE.sub("", phrase))


def unit_in_texts(vocab: Vocabulary, texts: list[str]) -> str | None:
    """The unit of the first unit phrase in the first text holding one (a unit cell, a row
    label, a table's unit line); in that text a rate's "per N" before any other ("Trẻ em
    dưới một tuổi tử vong/1000 trẻ sinh sống": the "tuổi" of a noun is no unit there)."""
    units = vocab.catalog.units
    for t in texts:
        low = lite(blank_markup(t))
        found = [up.unit for m in vocab.unit_re.finditer(low)
                 if (up := vocab.unit_phrases.get(m.group(0))
                     or unit_phrase_loose(vocab, m.group(0)))]
        if found:
            return next((u for u in found if units[u].dimension == "per_population"), found[0])
    return None


def join_ranges(vocab: Vocabulary, mentions: list[Mention], low: str, cleaned: str
                ) -> list[Mention]:
    """"từ 103 đến 107 bé trai/100 bé gái": two numbers of one unit, the first after
    "từ", joined by "đến", are one range (a "từ X … lên Y" start and end stays two)."""
    out: list[Mention] = []
    k = 0
    while k < len(mentions):
        d = mentions[k]
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if nxt is not None and _is_range_pair(vocab, d, nxt, low):
            out.append(replace(d, end=nxt.end, value_high=nxt.value, unit=nxt.unit,
                               unit_end=nxt.unit_end, text=cleaned[d.start:nxt.end]))
            k += 2
            continue
        out.append(d)
        k += 1
    return out


def _is_range_pair(vocab: Vocabulary, a: Mention, b: Mention, low: str) -> bool:
    if a.fraction or b.fraction or a.value_high is not None or b.value_high is not None:
        return False
    if b.unit is None and (a.unit is not None or not (
            _counted_after(vocab, b, low) or _unit_noun_after(vocab, b, low))):
        return False  # bare numbers are one quantity only as counts ("từ 30 đến 35 giường")
        # or per so many ("từ 15 đến 16 bác sĩ/vạn dân")
    if a.unit is not None and a.unit != b.unit:
        return False  # "từ 80% đến 2 lần": not one quantity
    link = vocab.range_link_re.match(low, a.unit_end)
    if link is None or link.end() != b.start:
        return False
    before = low[max(0, a.start - 16):a.start]
    m = vocab.range_from_re.search(before)
    if m is None:
        return False
    # "tăng từ 60% đến 70%" is a change from a start to an end, not a band
    verb = before[:m.start()].rstrip()
    return not any(verb.endswith(w) for w in vocab.rel_increase + vocab.rel_decrease)


_WORD_AFTER_RE = re.compile(r"\s+[^\W\d_]+")


def _unit_noun_after(vocab: Vocabulary, d: Mention, low: str) -> bool:
    """Whether a noun a unit phrase counts ("3 bác sĩ"), or a noun of a word or two then a
    unit phrase ("16 bác sĩ/vạn dân", "16 bác sĩ trên 10.000 dân"), follows a number."""
    if vocab.unit_noun_after_re.match(low, d.end):
        return True
    pos = d.end
    for _word in range(2):
        word = _WORD_AFTER_RE.match(low, pos)
        if word is None:
            return False
        pos = word.end()
        if vocab.unit_after_re.match(low, pos) is not None:
            return True
    return False


def _counted_after(vocab: Vocabulary, d: Mention, low: str) -> bool:
    """Whether a count noun ("giường", "bác sĩ") follows a number."""
    return vocab.count_re.match(low, _BLANKS_RE.match(low, d.end).end()) is not None


_A_YEAR_RE = re.compile(r"(?:19|20)\d\d")


def year_phrases(vocab: Vocabulary, low: str) -> list[YearPhrase]:
    """The year phrases of a lite() text ("năm 2025", "giai đoạn 2021-2025", "so với 2015")."""
    if _A_YEAR_RE.search(low) is None:
        return []  # each phrase holds a year; most texts have none, and this scan is cheaper
    out = []
    for m in vocab.year_phrase_re.finditer(low):
        y = int(m.group("y2") or m.group("y1") or m.group("y3") or m.group("y4")
                or m.group("y5") or m.group("y6") or m.group("y7") or m.group("y8")
                or m.group("y9") or m.group("y10") or m.group("y11"))
        kind = "reference" if (m.group("ref") or m.group("ref2") or m.group("ref3")) else "year"
        if kind == "year" and vocab.from_year_re.match(low, m.start()) \
                and vocab.present_re.match(low, _BLANKS_RE.match(low, m.end()).end()):
            kind = "since"  # "từ năm 2010 đến nay": the span ends now
        out.append(YearPhrase(m.start(), m.end(), y, kind))
    return out


def assign_own_years(mentions: list[Mention], phrases: list[YearPhrase], low: str,
                     links: re.Pattern[str] | None = None,
                     counts: re.Pattern[str] | None = None,
                     verbs: re.Pattern[str] | None = None,
                     joiners: frozenset[str] = frozenset()) -> set[int]:
    """Years written right after a number belong to it ("35% năm 2020", "1,1% vào năm 2025",
    "120/100 (năm 2011)": a linking word such as "vào" or a bracket may stand between): set
    each such mention's own_year and return the starts of the year phrases so taken. Not
    when its year stands right before it, joined by a reporting verb (`verbs`): "năm 2015 là
    14,24‰ đến năm 2017 giảm còn 14,2‰" dates the 14,24 by 2015."""
    starts = [p.start for p in phrases]
    consumed: set[int] = set()
    for d in mentions:
        if verbs is not None and _dated_right_before(phrases, starts, low, d.start, verbs):
            continue
        bracketed = _bracketed_after_year(phrases, starts, low, d)
        if bracketed is not None:
            d.own_year, d.bracketed_year = bracketed, True
            continue
        end = d.unit_end
        if counts is not None:
            # "20 giường bệnh/10.000 dân vào năm 2015": its count noun and per-N unit first
            noun = counts.match(low, _BLANKS_RE.match(low, end).end())
            per = _PER_N_AFTER_RE.match(low, noun.end()) if noun is not None else None
            # "to 15 doctors by 2015": the year after its count noun is its own too
            end = per.end() if per is not None else (noun.end() if noun is not None else end)
        link = links.match(low, end) if links is not None else None
        # blanks a cleaned line keeps in place of markup ("11,8‰    năm 2014") are no gap
        reach = (link.end() - end if link else 0) + 2 + (_BLANKS_RE.match(low, end).end() - end)
        for k in range(bisect_left(starts, end), bisect_right(starts, end + reach)):
            ys, ye, y, kind = phrases[k]
            # "120/100 (năm 2011)": a year alone in brackets right after the number is its own
            if kind == "year" and (is_blank(low, end, ys) or (link and link.end() >= ys)
                                   or (low[end:ys].strip() == "("
                                       and low[ye:ye + 3].lstrip().startswith(")"))) \
                    and not (verbs is not None and _opens_a_statement(low, ye, verbs, joiners)):
                d.own_year = y
                consumed.add(ys)
    return consumed


def _bracketed_after_year(phrases: list[YearPhrase], starts: list[int], low: str,
                          d: Mention) -> int | None:
    """"thấp hơn so với năm 2022 (69,1%)": a number alone in brackets right after a year
    phrase (a compared year too) is that year's value."""
    i = bisect_left(starts, d.start) - 1
    if i < 0:
        return None
    if low[phrases[i].end:d.start].strip() != "(" \
            or not low[d.unit_end:d.unit_end + 2].lstrip().startswith(")"):
        return None
    return phrases[i].year


_NEXT_DIGIT_RE = re.compile(r"\d")
_STATEMENT_BREAK_RE = re.compile(r"[,;.:()\n]")


def _opens_a_statement(low: str, year_end: int, verbs: re.Pattern[str],
                       joiners: frozenset[str] = frozenset()) -> bool:
    """Whether the words after a year phrase go on, with no break, to a name and a reporting
    verb before the next number: "dược sĩ là 0,21 trên 1 vạn dân đến năm 2019 tỉ lệ bác sĩ là
    9,68" (the year opens the next statement; it is not the 0,21's)."""
    stop = _STATEMENT_BREAK_RE.search(low, year_end)
    number = _NEXT_DIGIT_RE.search(low, year_end, stop.start() if stop else len(low))
    if number is None:
        return False
    verb = verbs.search(low, year_end, number.start())
    # a joining word alone is no name ("15.5% in 2019 and was 16.8%": the 2019 is the 15.5's)
    return verb is not None and any(w not in joiners for w in _WORD_RE.findall(
        low, year_end, verb.start()))


_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_YEAR_BEFORE_REACH = 12  # characters between a year phrase and the number it dates


def _dated_right_before(phrases: list[YearPhrase], starts: list[int], low: str, pos: int,
                        verbs: re.Pattern[str]) -> bool:
    """Whether a year phrase ends just before `pos` with only a reporting verb (or a colon)
    between ("năm 2015 là 14,24‰", "năm 2015: 14,24‰")."""
    k = bisect_left(starts, pos) - 1
    if k < 0 or phrases[k].kind != "year" or phrases[k].end > pos \
            or pos - phrases[k].end > _YEAR_BEFORE_REACH:
        return False
    gap = low[phrases[k].end:pos].strip(" :,")
    return gap == "" or verbs.match(gap) is not None

