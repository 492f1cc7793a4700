"""A phrase no catalogue alias is in, scored against the longer aliases with rapidfuzz."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from rapidfuzz import fuzz, process

from vnhealth.inputs.catalog import Indicator

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
            # a number in the alias (an age, a denominator) is what tells "under 1" from
            # "under 15": a phrase that lacks it is another indicator, however close the words
            if any(w.isdigit() and w not in words for w in alias_words):
                continue
            ind = choose(self.alias_targets[key])
            if ind is not None:
                return FuzzyMatch(ind, key, score)
        return None
