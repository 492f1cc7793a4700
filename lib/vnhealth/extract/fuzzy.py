"""A phrase no catalogue alias is in, scored against the longer aliases with rapidfuzz."""

from __future__ import annotations

from collections import Counter
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
        # which keys hold a word, and how often: a phrase is scored only against the aliases
        # whose words it mostly holds, since no other alias could be accepted (best())
        self._holding: dict[str, list[tuple[int, int]]] = {}
        for i, key in enumerate(self.keys):
            for word, count in Counter(key.split()).items():
                self._holding.setdefault(word, []).append((i, count))
        self._containing: dict[str, set[str]] = {}  # every alias key holding a word
        for key in alias_targets:
            for word in key.split():
                self._containing.setdefault(word, set()).add(key)
        self._cache: dict[str, list[tuple[str, float]]] = {}
        self._wider: dict[tuple[str, str], list[str]] = {}

    def _covered(self, phrase_key: str) -> list[str]:
        """The keys whose words the phrase holds at least FUZZY_MIN_COVERAGE of, in key order."""
        held: Counter[int] = Counter()
        for word in set(phrase_key.split()):
            for i, count in self._holding.get(word, ()):
                held[i] += count
        return [self.keys[i] for i in sorted(held)
                if held[i] >= FUZZY_MIN_COVERAGE * len(self.keys[i].split())]

    def part_of_several(self, phrase_key: str) -> bool:
        """Do the phrase's words all stand in aliases of more than one indicator ("tỷ lệ tử
        vong" in "tỷ lệ tử vong mắc …" and "tỷ lệ tử vong thô")? Then the phrase is a part of
        those names, too general to be one of them."""
        holding = sorted((self._containing.get(w, set()) for w in set(phrase_key.split())),
                         key=len)
        if not holding:
            return False
        common = set.intersection(*holding)
        return len({tuple(sorted(i.id for i in self.alias_targets[k])) for k in common}) > 1

    def wider(self, phrase_key: str, alias_key: str) -> list[str]:
        """The alias keys of other indicators all of whose words the phrase holds and that
        hold the words of a whole name of the alias's own indicators, and more: the more
        specific names standing in the phrase around it ("bà mẹ sau sinh [trong vòng 1 tháng]
        được uống vitamin a [liều cao]" around "uống vitamin a liều cao", holding "được uống
        vitamin a"); longest first."""
        cache_key = (phrase_key, alias_key)
        if cache_key not in self._wider:
            words = Counter(phrase_key.split())
            own = {i.id for i in self.alias_targets.get(alias_key, ())}
            inner = [set(k.split()) for k in self._covered(phrase_key)
                     if own & {i.id for i in self.alias_targets[k]}
                     and not Counter(k.split()) - words] + [set(alias_key.split())]
            found = [k for k in self._covered(phrase_key)
                     if not Counter(k.split()) - words
                     and not own & {i.id for i in self.alias_targets[k]}
                     and any(n < set(k.split()) for n in inner)]
            self._wider[cache_key] = sorted(found, key=len, reverse=True)
        return self._wider[cache_key]

    def candidates(self, phrase_key: str) -> list[tuple[str, float]]:
        """The best alias keys for a phrase key, best first, at or above the threshold, among
        those whose words the phrase mostly holds."""
        if phrase_key not in self._cache:
            found = process.extract(phrase_key, self._covered(phrase_key),
                                    scorer=fuzz.token_set_ratio,
                                    score_cutoff=FUZZY_MIN_SCORE, limit=FUZZY_CANDIDATES)
            # the alias holding more of the phrase's words explains more of it: a short one
            # scores 100 whenever the phrase holds its words ("communes with health stations"
            # in "health stations in communes … using traditional medicine"); then the score,
            # then the longer alias
            words = set(phrase_key.split())
            found.sort(key=lambda t: (-len(words & set(t[0].split())), -t[1], -len(t[0])))
            self._cache[phrase_key] = [(k, float(score)) for k, score, _i in found]
        return self._cache[phrase_key]

    def best(self, phrase_key: str, choose: Callable[[list[Indicator]], Indicator | None],
             min_share: float = 0.0) -> FuzzyMatch | None:
        """The best-scoring alias whose indicators `choose` accepts (the unit check), holding
        at least `min_share` of the phrase's words."""
        if len(phrase_key.split()) < FUZZY_MIN_WORDS or self.part_of_several(phrase_key):
            return None
        words = set(phrase_key.split())
        # the words of the closest alias refused as a subgroup's ("nhà tiêu hợp vệ sinh": rural
        # or urban, the phrase does not say which): a looser alias stands in for it only when
        # it holds them (the whole province's "hộ dân toàn tỉnh có nhà tiêu hợp vệ sinh"), not
        # when it names something else ("sử dụng nước hợp vệ sinh")
        subgroups_name: set[str] = set()
        for key, score in self.candidates(phrase_key):  # each holds most of the alias's words
            alias_words = key.split()
            # a number in the alias (an age, a denominator) is what tells "under 1" from
            # "under 15": a phrase that lacks it is another indicator, however close the words
            if any(w.isdigit() and w not in words for w in alias_words) \
                    or not subgroups_name <= set(alias_words) \
                    or len(words & set(alias_words)) < min_share * len(words):
                continue
            targets = self.alias_targets[key]
            ind = choose(targets)
            if ind is not None:
                return FuzzyMatch(ind, key, score)
            if not subgroups_name and all(t.subgroup for t in targets):
                subgroups_name = set(alias_words)
        return None
