"""Numbers that are never indicator values: dates, document numbers, list markers.

They are blanked out of a segment's text before its numbers are read. The words (the kinds of
document before a number, "Quyết định 788"; the day and month of a date) are the catalogue's
(vocabulary.yaml `document_words`, `date_words`); `NotValues` compiles them once per
vocabulary. Each pattern is written to be cheap on long texts: a pattern that may start at a
digit starts with "\\d", and the ones that need a word or a character are skipped for a text
without it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from vnhealth.extract.numbers import NUMBER
from vnhealth.inputs.errors import InputError

# Characters that (?i:x) matches besides x.lower() and x.upper() (Kelvin sign, long s, dotted
# capital and dotless small i), for the letters of document words; lower_caseless() lowers each
# to its letter.
_CASE_EXTRAS = {"k": "\u212a", "s": "\u017f", "i": "\u0130\u0131"}
# Every letter a document word (vocabulary.yaml `document_words`) may be written with:
# caseless() and lower_caseless() are exact for each (tests/extract/test_extract_scaling.py
# checks them all), so the prefilter below is exact for any such word. A word with another
# letter is refused.
DOCUMENT_LETTERS = ("aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợpqrs"
                    "tuùúủũụưừứửữựvwxyỳýỷỹỵz")
# The name the letters are checked under (one "word" holding them all).
DOCUMENT_WORDS = (DOCUMENT_LETTERS,)


def caseless(ch: str) -> str:
    """A class matching what (?i:ch) matches."""
    if not ch.isalpha():
        return re.escape(ch)
    return "[" + re.escape(ch.lower() + ch.upper() + _CASE_EXTRAS.get(ch.lower(), "")) + "]"


def lower_caseless(text: str) -> str:
    """text.lower() with the long s made an s and the dotted and dotless i an i: every
    character a (?i:…) word pattern matches lowers, here, to the word's own character (checked
    in tests), so a word missing from this form cannot be matched, and the pattern need not
    scan."""
    if "\u0130" in text:
        text = text.replace("\u0130", "i")
    lowered = text.lower()
    if "\u017f" in lowered:
        lowered = lowered.replace("\u017f", "s")
    return lowered.replace("\u0131", "i") if "\u0131" in lowered else lowered


def _phrases(phrases: Sequence[str]) -> str:
    """An alternation of phrases, longest first, each blank run matching any blanks; one that
    never matches when there are none."""
    return "|".join(r"\s+".join(map(re.escape, w.split()))
                    for w in sorted(phrases, key=len, reverse=True)) or "(?!x)x"


def _reference_level_regex(words: Sequence[str], reached: Sequence[str],
                           stops: Sequence[str], range_from: Sequence[str]
                           ) -> re.Pattern[str]:
    """A number a reference level's name leads to ("dưới mức sinh thay thế (2,1 con)", "the
    replacement level fertility rate of 2-2.1 children"): a standard the text compares with,
    not a value of the place. Only within its clause (no digit, punctuation or `stops` word
    between, a comma right before the number aside), and not when the place reaches or keeps
    the level (a `reached` word right before its name: "đạt mức sinh thay thế (2,0 con)")."""
    names = rf"(?i:{_phrases(words)})(?!\w)"
    gap = (rf"(?:(?!(?<!\w)(?i:{_phrases(stops)})(?!\w))[^\d.,;:!?\n])"
           rf"{{0,{REFERENCE_REACH}}}?")
    number = r"\d+(?:[.,]\d+)?"
    # "… mức sinh thay thế mà Việt Nam đang duy trì, từ 2 đến 2,1 con": the level told right
    # after a comma, a word opening a range at most between
    told = rf"(?:,\s*(?:(?i:{_phrases(range_from)})\s+)?)?"
    # a level reached or kept (two words may stand between: "duy trì vững chắc mức sinh thay
    # thế") matches without its group, and so blanks nothing
    return re.compile(rf"(?<!\w)(?:(?i:{_phrases(reached)})(?:\s+[^\W\d_]+){{0,2}}\s+{names}"
                      rf"|{names}{gap}{told}"
                      rf"({number}(?:\s*(?:[-–]|(?i:đến|tới|to))\s*{number})?))")


def _needed_words(phrases: Sequence[str]) -> tuple[str, ...]:
    """For a (?i:…) alternation of `phrases`, one lowered word of each (its longest) that a
    lower_caseless() text must hold for the pattern to match; none (always scan) when a word
    holds a letter lower_caseless() is not checked to be exact for."""
    needed = {max(p.split(), key=len) for p in phrases if p.split()}
    if any(ch.isalpha() and ch not in DOCUMENT_LETTERS for w in needed for ch in w.lower()):
        return ()
    return tuple(sorted(w.lower() for w in needed))


def _document_number_regex(words: Sequence[str]) -> re.Pattern[str]:
    r"""(?i:số|đề án|…)\s+\d+ (a standard's "-1:2018" with it), written to start with one
    class of first characters: the engine then skips to a possible first character at once
    (with IGNORECASE it tries every place). Each word checks its own first character looking
    back, in the words' order."""
    if not words:
        return re.compile(r"(?!x)x")
    firsts = "".join(sorted({c for w in words for c in caseless(w[0]).strip("[]")}))
    alts = "|".join(f"(?<={caseless(w[0])})" + "".join(caseless(c) for c in w[1:])
                    for w in words)
    # a standard's code goes on to its year ("QCVN 01-1:2018", "TCVN 5502:2003"), which an
    # earlier pattern may have blanked with its issuer ("2018/BYT")
    return re.compile(f"[{firsts}](?:{alts})\\s+\\d+(?:(?:-\\d+)?:\\d{{0,4}})?")


def blanked(text: str, spans: list[tuple[int, int]]) -> str:
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


class NotValueWords(NamedTuple):
    """The vocabulary's words for numbers that are never values, beside documents and dates."""

    age_words: Sequence[str] = ()
    age_before_words: Sequence[str] = ()
    interval_words: Sequence[str] = ()
    ordinal_endings: Sequence[str] = ()
    figure_words: Sequence[str] = ()
    rank_before_words: Sequence[str] = ()
    reference_level_words: Sequence[str] = ()
    # words that make the reference level the place's own, right before its name ("đạt mức
    # sinh thay thế (2,0 con)"), or end its clause between it and a number
    reference_reached_words: Sequence[str] = ()
    reference_gap_stops: Sequence[str] = ()
    sequence_before_words: Sequence[str] = ()
    # words opening a range ("từ 2 đến 2,1"): a reference level told right after a comma
    range_from: Sequence[str] = ()


# characters between a reference level's name and its number ("replacement-level fertility
# can be taken as requiring an average of 2.1")
REFERENCE_REACH = 60


class NotValues:
    """The patterns of numbers that are never values, from the vocabulary's words."""

    def __init__(self, document_words: Sequence[str], day: str, month: str, year: str,
                 more: NotValueWords | None = None):
        more = more or NotValueWords()
        age_words, age_before_words = more.age_words, more.age_before_words
        interval_words, ordinal_endings = more.interval_words, more.ordinal_endings
        figure_words, rank_before_words = more.figure_words, more.rank_before_words
        words = tuple(w.lower() for w in document_words)
        # "con số 11,7": words ending in a document word that name a figure, not a document
        self.figure_end_re = re.compile(
            "(?:" + "|".join(re.escape(w.lower()) for w in figure_words) + r")$") \
            if figure_words else None
        for w in words:
            stray = set(w) - set(DOCUMENT_LETTERS) - {" "}
            if stray:
                raise InputError(f"document_words: {w!r} holds {''.join(sorted(stray))!r}, "
                                 "not a letter the document-number pattern is checked for "
                                 "(vnhealth.extract.not_values.DOCUMENT_LETTERS)",
                                 path="data/catalog/vocabulary.yaml")
        self.document_words = words
        self.month = month.lower() or "\0"  # no month word: the month patterns never run
        d, m, y = (re.escape(w) if w else "(?!x)x" for w in (day, month, year))
        self.document_number = _document_number_regex(words)
        self.month_patterns = (
            re.compile(rf"(?:{d}\s+)?\d{{1,2}}\s+{m}\s+\d{{1,2}}(?:\s+{y}\s+\d{{4}})?",
                       re.IGNORECASE),  # ngày 26 tháng 5 năm 2020
            # tháng 5/2020, tháng 9.2021: the month, not its year, which dates the values
            # ("đến tháng 9/2021" is a year phrase once the month is blanked)
            re.compile(rf"(?i:{m})\s+(\d{{1,2}}(?:\s*[/.\-]\s*(?=(?:19|20)\d\d(?!\d)))?)"),
        )
        # (pattern, what it cannot match without: characters or words, one of which the
        # lowered text must hold) in the order they are applied: a test for them is cheaper
        # than a scan with the pattern
        self.patterns: list[tuple[re.Pattern[str], Sequence[str]]] = [
            # a web address ("[http://www.gso.gov.vn/default.aspx?tabid=387&ItemID=12875 …]",
            # a wiki page's reference): its numbers name a page, no value
            (re.compile(r"(?i:https?://|www\.)\S+"), ("http", "www.")),
            (re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}"), "/"),  # 04/3/2026
            (self.month_patterns[0], ""), (self.month_patterns[1], ""),
            # 21-12-2020: a date written with dashes (a page's stamp); its day and month, not
            # its year, are blanked (as "tháng 9/2021" keeps the year that dates the values)
            (re.compile(r"\d(?<!\d\d)\d?\s*-\s*\d{1,2}\s*-(?=\s*(?:19|20)\d\d(?!\d))"), "-"),
            # 9/2030. Every pattern that may start at a digit is written to start with "\d"
            # (its look-behind placed after it): the engine then skips to the next digit at once.
            (re.compile(r"\d(?<![\d,]\d)\d?\s*/\s*(?:19|20)\d\d"), "/"),
            # 07-ĐA/TU, 788/QĐ-BYT, 114/2025/QH15. Only from the start of a run of numbers: a
            # match inside one implies a match at its start, and trying every digit of a long
            # run rescans it
            (re.compile(r"\d(?<!\d\d)(?<!\d/\d)\d*(?:/\d+)*\s*[-/]\s*[A-ZĐ]{2,}"), "-/"),
            (self.document_number, ""),  # số 12, quyết định 788, …
            (re.compile(r"\(\d{1,2}\)"), "("),  # (1)
            # 18:38, 10:33:44: a time of day (a page's stamp)
            (re.compile(r"\d(?<!\d\d)\d?:\d\d(?::\d\d)?(?!\d)"), ":"),
            # 90-90-90, 95-95-95: a goal's name, not a range (it would take the goal's year
            # as its own, and the values that spell it out would lose it)
            (re.compile(r"\d(?<!\d\d)\d{0,2}(?:\s*-\s*\d{1,3}){2,}(?![\d,.])"), "-"),
            # QC02, QCVN01, H5N1, AT2, km2: digits glued to a letter are part of a code or a
            # unit's name, unless a percent or per-mille sign follows ("TB87,71%", "đạt85%": a
            # value whose space was lost). A literal "\\n" escape before a number is a line break.
            (re.compile(r"\d(?<=[^\W\d_]\d)(?<!\\[nrt]\d)\d*(?![\d.,]*\s*[%‰])"), ""),
            # 48 tiết/2 năm, 08 xã/4 huyện (from the start of a digit run, as above)
            (re.compile(rf"\d(?<!\d\d)\d*\s*/\s*\d+(?!\s*\(\s*{NUMBER}\s*%)"), "/"),
        ]
        if age_words:
            # "children under 1 year of age", "aged 15 years old": an age in a group's name
            ages = "|".join(re.escape(w) for w in sorted(age_words, key=len, reverse=True))
            self.patterns.append((re.compile(rf"\d(?<!\d\d)\d*(?=\s+(?i:{ages})(?!\w))"),
                                  _needed_words(age_words)))
        if age_before_words:
            # "Đa số BS ở độ tuổi 30-49", "women aged 15-49": the ages a group is named by
            ages = _phrases(age_before_words)
            self.patterns.append((re.compile(
                rf"(?<!\w)(?i:{ages})\s+(?:(?i:từ|from)\s+)?"
                rf"(\d+(?:\s*(?:[-–]|(?i:đến|tới|to))\s*\d+)?)(?![\d,.]*\s*[%‰])"),
                _needed_words(age_before_words)))
        if rank_before_words:
            # "Hải Phòng đứng thứ 13 với con số 11,7": a place's rank, not a value
            ranks = _phrases(rank_before_words)
            self.patterns.append((re.compile(
                rf"(?<!\w)(?i:{ranks})\s+(\d{{1,2}})(?![\d,.]*\s*[%‰])"),
                _needed_words(rank_before_words)))
        if more.sequence_before_words:
            # "tuần thứ 7 của năm 2025", "đợt 2": the number of a week or a round, which would
            # take the year after it from the values it dates
            steps = _phrases(more.sequence_before_words)
            self.patterns.append((re.compile(
                rf"(?<!\w)(?i:{steps})\s+(\d{{1,2}})(?![\d,.]*\s*[%‰])"),
                _needed_words(more.sequence_before_words)))
        if more.reference_level_words:
            self.patterns.append((_reference_level_regex(more.reference_level_words,
                                                         more.reference_reached_words,
                                                         more.reference_gap_stops,
                                                         more.range_from),
                                  _needed_words(more.reference_level_words)))
        if interval_words:
            # "(95% CI: 12,4%; 17%)", "(KTC 95%: 3,2 - 5,9)": a study's confidence interval, and
            # "p<0.05": its bounds and its test are no values
            words = "|".join(re.escape(w) for w in sorted(interval_words, key=len, reverse=True))
            self.patterns.append((re.compile(rf"\([^()]{{0,20}}(?i:{words})(?!\w)[^()]{{0,60}}\)"),
                                  "("))
            # "(low birth weight in mothers weighing <40kg was 33.3% and … ≥40kg was 5.2%,
            # p<0.05)": a bracket holding a test's p-value compares groups the study split its
            # sample into; their values are none of the population's
            self.patterns.append((re.compile(
                r"\((?=[^()]{0,400}?(?<![^\W\d_])[pP]\s*[<=>≤]\s*0?[.,]\d)[^()]{0,400}\)"),
                "<=>≤"))
            self.patterns.append((re.compile(r"(?<![^\W\d_])[pP]\s*[<=>≤]\s*0?[.,]\d+"),
                                  "<=>≤"))
        if ordinal_endings:
            # "the 18th Provincial Party Congress", "the 2nd dose": a rank, not a value
            endings = "|".join(re.escape(w) for w in sorted(ordinal_endings, key=len, reverse=True))
            self.patterns.append((re.compile(rf"\d(?<!\d\d)\d*(?=(?i:{endings})(?![^\W\d_]))"),
                                  _needed_words(ordinal_endings)))

    def _a_figure(self, lowered: str, m: re.Match[str]) -> bool:
        """Whether a document number's word ends a figure word ("con số 11,7")."""
        word_end = m.start() + len(lowered[m.start():m.end()].split()[0])
        return self.figure_end_re is not None and self.figure_end_re.search(
            lowered, max(0, word_end - 24), word_end) is not None

    def blank(self, text: str) -> str:
        """`text` with its web addresses, dates, document numbers, "(1)" markers, times of day
        and goal names ("90-90-90") blanked, offsets kept."""
        lowered = lower_caseless(text)
        has_month = self.month in lowered
        has_document_word = any(w in lowered for w in self.document_words)
        for pat, needs in self.patterns:
            if not has_month and pat in self.month_patterns:
                continue
            if not has_document_word and pat is self.document_number:
                continue
            if needs and not any(w in lowered for w in needs):
                continue  # the pattern cannot match without one of these
            # a pattern with a group blanks only what the group holds
            # (a group that took no part in a match blanks nothing)
            hits = [span for m in pat.finditer(text)
                    if not (pat is self.document_number and self._a_figure(lowered, m))
                    and (span := m.span(1 if pat.groups else 0))[0] >= 0]
            if hits:
                text = blanked(text, hits)
        return text
