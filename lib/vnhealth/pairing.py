"""Pairing decisions: what one number found in a statement is.

extract.DocumentReader finds a number, its unit and the indicator names around it; the pieces
here decide, each with the reason it gives (the `*_basis` columns):

* which indicator a phrase names when no catalogue alias is in it (a fuzzy score, `FuzzyIndex`);
* the kind of a value (`decide_kind`): reported (`actual`) or planned (`target`);
* the year of a value (`YearChoice`): from the text only, else not stated;
* whether a number is a province value at all (`is_gap`; national values: extract.py);
* whether a value is believable for its indicator (`quarantine_reason`).

The words each decision reads live in data/catalog/vocabulary.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from rapidfuzz import fuzz, process

from vnhealth.catalog import Document, Indicator
from vnhealth.text import lite, nfc

# A fuzzy score (0-100, rapidfuzz token_set_ratio on the normalized matching key) below this is
# no match. token_set_ratio is 100 whenever one side's words are a subset of the other's, so a
# short phrase ("quản lý được") would match every alias holding its words: the phrase must also
# hold most of the alias's words (FUZZY_MIN_COVERAGE), only aliases of at least FUZZY_MIN_WORDS
# words take part, and the unit stated with the number must be the indicator's own.
FUZZY_MIN_SCORE = 88.0
FUZZY_MIN_WORDS = 3
FUZZY_MIN_COVERAGE = 0.8
# How many best-scoring aliases are tried, in score order, before giving up on a phrase.
FUZZY_CANDIDATES = 5


class FuzzyMatch(NamedTuple):
    indicator: Indicator
    alias_key: str
    score: float


class FuzzyIndex:
    """The catalogue's longer alias keys, scored against a phrase's key with rapidfuzz."""

    def __init__(self, alias_targets: dict[str, list[Indicator]]):
        self.alias_targets = alias_targets
        self.keys = [k for k in alias_targets if len(k.split()) >= FUZZY_MIN_WORDS]
        self._cache: dict[str, list[tuple[str, float]]] = {}

    def candidates(self, phrase_key: str) -> list[tuple[str, float]]:
        """The best alias keys for a phrase key, best first, at or above the threshold."""
        if phrase_key not in self._cache:
            found = process.extract(phrase_key, self.keys, scorer=fuzz.token_set_ratio,
                                    score_cutoff=FUZZY_MIN_SCORE, limit=FUZZY_CANDIDATES)
            # equal scores: the longer alias says more, so it is the better evidence
            found.sort(key=lambda t: (-t[1], -len(t[0])))
            self._cache[phrase_key] = [(k, float(score)) for k, score, _i in found]
        return self._cache[phrase_key]

    def best(self, phrase_key: str, choose: Callable[[list[Indicator]], Indicator | None]
             ) -> FuzzyMatch | None:
        """The best-scoring alias whose indicators `choose` accepts (the unit check)."""
        if len(phrase_key.split()) < FUZZY_MIN_WORDS:
            return None
        words = set(phrase_key.split())
        for key, score in self.candidates(phrase_key):
            alias_words = key.split()
            if sum(w in words for w in alias_words) < FUZZY_MIN_COVERAGE * len(alias_words):
                continue
            ind = choose(self.alias_targets[key])
            if ind is not None:
                return FuzzyMatch(ind, key, score)
        return None


# ---------------------------------------------------------------------------------------------
# Sections, kinds and years


class Section(NamedTuple):
    """What the latest heading opened: `target`, `result` or `other`, and the word that said so."""

    kind: str
    word: str


def section_of(heading: str, current: Section | None, targets: Sequence[str],
               results: Sequence[str], others: Sequence[str]) -> Section | None:
    """The section a heading opens; the word standing first in it decides ("Kết quả thực hiện
    các mục tiêu" reports results), a heading naming none keeps the current section."""
    low = lite(nfc(heading))
    best: tuple[int, Section] | None = None
    for kind, words in (("target", targets), ("result", results), ("other", others)):
        for w in words:
            pos = low.find(w)
            if pos >= 0 and (best is None or pos < best[0]):
                best = (pos, Section(kind, w))
    return best[1] if best else current


class KindChoice(NamedTuple):
    kind: str
    basis: str


class YearChoice(NamedTuple):
    year: int | None
    basis: str


NOT_STATED = YearChoice(None, "not stated")


def statistics_word(doc: Document, words: Sequence[str]) -> str | None:
    """The word of a document's title that makes it a statistics page or yearbook."""
    low = lite(nfc(doc.title or ""))
    return next((w for w in words if w in low), None)


def reference_year(doc: Document) -> int:
    """The first year the document plans for: a value for an earlier year is reported."""
    issued = int(doc.issued_on[:4]) if doc.issued_on and doc.issued_on[:4].isdigit() else None
    return min(doc.period_start, issued) if issued else doc.period_start


def decide_kind(*, baseline: bool, column_kind: str | None, statistics: str | None,
                section: Section | None, verb: str | None, year: YearChoice,
                past_before: int) -> KindChoice:
    """The kind of a value, first reason first: a "từ X … lên Y" start, a table column's own
    kind, a statistics document, a value reached in a year before the plan, the section."""
    if baseline:
        return KindChoice("baseline", "'từ … lên/xuống' start value")
    if column_kind is not None:
        return KindChoice(column_kind, "table column")
    if statistics is not None:
        return KindChoice("actual", f"statistics document: '{statistics}'")
    if verb is not None and year.year is not None and year.year < past_before:
        return KindChoice("actual", f"'{verb}' with a past year ({year.year})")
    if section is not None and section.kind == "result":
        return KindChoice("actual", f"results section: '{section.word}'")
    if section is not None and section.kind == "target":
        return KindChoice("target", f"target section: '{section.word}'")
    return KindChoice("target", "plan document")


def verb_regex(verbs: Sequence[str]) -> re.Pattern[str]:
    """A reporting verb ("đạt", "là", "ước đạt") at the end of a stretch of text, a comparator
    word or so allowed after it ("đạt trên"); longest verb first."""
    words = sorted(verbs, key=len, reverse=True)
    if not words:
        return re.compile(r"(?!x)x")
    alts = "|".join(re.escape(w) for w in words)
    return re.compile(r"(?<!\w)(" + alts + r")(?!\w)(?:\s+\S+)?\s*$")


def verb_before(verb_re: re.Pattern[str], low: str, lo: int, start: int) -> str | None:
    """The reporting verb standing right before a number, if any."""
    m = verb_re.search(low, max(lo, start - 24), start)
    return m.group(1) if m else None


# ---------------------------------------------------------------------------------------------
# Numbers that are not the province's value


def is_gap(low: str, unit_end: int, clause_end: int, markers: Sequence[str]) -> bool:
    """A number followed by a gap marker ("thấp hơn 5,25% so với chỉ tiêu", "vượt 3% kế hoạch",
    "giảm 0,8 điểm phần trăm") states a difference, not a value."""
    after = low[unit_end:min(clause_end, unit_end + 40)].lstrip(" ,")
    return any(after.startswith(m) and (len(after) == len(m) or not after[len(m)].isalnum())
               for m in markers)


# ---------------------------------------------------------------------------------------------
# Plausibility

_THOUSANDS_RE = re.compile(r"^\s*\d{1,3}(?:\.\d{3})+(?!\d)(?![.,]\d)")


def quarantine_reason(ind: Indicator, value: float, value_high: float | None, comparator: str,
                      unit: str, value_text: str) -> str | None:
    """Why a value cannot be the indicator's (kept for review, never harmonized), or None.

    The catalogue holds rates, ratios and measures, never counts (DESIGN.md §3), so a number
    written with thousands separators ("7.343 giường") beyond the indicator's range is a count
    read in a rate's place, whatever unit the context lent it."""
    plausible = ind.plausible
    if _THOUSANDS_RE.match(value_text) and (plausible is None or value > plausible[1]):
        return f"a count ({value_text.strip()}) where a rate is expected ({ind.id}, {ind.unit})"
    if comparator == "relative" or plausible is None or unit != ind.unit:
        return None  # a change, or a value in another unit: the range does not apply
    lo, hi = plausible
    for v in (value, value_high):
        if v is not None and not lo <= v <= hi:
            return f"value {v:g} outside the plausible range [{lo:g}, {hi:g}] of {ind.id}"
    return None
