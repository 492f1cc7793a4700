"""The catalogue's words compiled once per build: aliases, units, comparators, context words.

Every word the rules read lives in data/catalog/vocabulary.yaml (and the units and indicators
in the catalogue); this module turns them into the patterns and tables the readers use.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby, pairwise
from operator import itemgetter
from typing import Any

from vnhealth.extract.fuzzy import FuzzyIndex
from vnhealth.extract.not_values import NotValues, NotValueWords
from vnhealth.extract.records import REGION, Segment
from vnhealth.extract.shapes.words import TableWords
from vnhealth.inputs.catalog import Catalog, Indicator
from vnhealth.inputs.text import (
    Keyed,
    SpelledNumbers,
    bare_letters,
    blank_markup,
    lite,
    make_key,
    nfc,
    phrase_key,
    spaced_cjk,
)

_PLACE_BEFORE_RE = re.compile(r"(?:^|\W)(?:tại|ở)\s+$")  # "tại trạm y tế": where, not who
_SPACES_RE = re.compile(r"\s+")

NEVER_RE = re.compile(r"(?!x)x")  # a pattern for an empty word list
# Units whose phrase is a denominator ("/1.000 dân"): a number before one has that unit.
DENOMINATOR_UNITS = frozenset({"per_1000", "per_10000", "per_100000", "per_station",
                               "boys_per_100_girls", "males_per_100_females"})


def phrase_regex(phrases: list[str]) -> re.Pattern[str]:
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
            words = p.split()
            # a dash between words may stand with or without its blanks ("Bà Rịa-Vũng Tàu")
            rest = re.escape(words[0])[len(re.escape(p[0])):] + "".join(
                (r"\s*" if "-" in (a, b) else r"\s+") + re.escape(b)
                for a, b in pairwise(words))
        right = r"(?![\w])" if p[-1].isalnum() else ""
        groups.setdefault(p[0], []).append(rest + right)
    # not after a letter (a phrase opening with a sign or a bracket: anywhere)
    return re.compile(_first_character_branches(
        groups, lambda first: r"[^\W\d_]" if first.isalnum() else ""))


def _first_character_branches(groups: dict[str, list[str]],
                              not_after: Callable[[str], str]) -> str:
    """One branch per first character, its alternatives (the rest of each phrase, escaped)
    after it: the engine skips to a place where some phrase may start. What may not stand
    before the phrase (`not_after` of its first character, a class; "" for nothing) is looked
    at from after that character, two characters back."""
    branches = []
    for first, rests in groups.items():
        before = not_after(first)
        left = f"(?<!{before}{re.escape(first)})" if before else ""
        branches.append(f"{re.escape(first)}{left}(?:{'|'.join(rests)})")
    return "|".join(branches)


# Words an elided name must hold ("được khám sức khỏe định kỳ"): fewer name nothing in particular.
ELIDED_MIN_WORDS = 6
# Different English words that make a text English ("the", "of", "is"): two could be Vietnamese
# words ("to", "in") or a name.
ENGLISH_MIN_WORDS = 3

def alias_regex(keys: list[str]) -> re.Pattern[str]:
    """Whole-word alias keys (group 1), the longest that ends at a word's end first; "at the
    start or after a space" is looked at from after the first character. Written as a trie
    (common beginnings once): of 2,700 names tried one by one at each word, most fail at
    their second character, and the trie tries each character once."""
    words = sorted({k for k in keys if k})
    branches = [f"{re.escape(first)}(?<![^ ]{re.escape(first)})"
                + _trie_pattern([w[1:] for w in group])
                for first, group in groupby(words, key=itemgetter(0))]
    return re.compile("(" + "|".join(branches) + r")(?= |$)")


def _trie_pattern(words: list[str]) -> str:
    """The regex of sorted distinct words as a trie, each shared beginning written once.
    Greedy: a longer word is tried before one ending here, and the match backs off to it
    when what follows does not fit. Only one branch can match at a place (each starts with
    its own character)."""
    ends = bool(words) and words[0] == ""  # sorted: the empty rest comes first
    branches = []
    for _, grouped in groupby(words[1:] if ends else words, key=itemgetter(0)):
        group = list(grouped)
        shared = os.path.commonprefix(group)
        branches.append(re.escape(shared) + _trie_pattern([w[len(shared):] for w in group]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


_SPACED_HYPHEN_RE = re.compile(r"\s*-\s*")  # lite() writes "–" as "-"
INSTITUTION_WORDS = 5  # words between an institution's word and a province's name in its name
LIST_IN_TURN_ITEMS = 12  # numbers of a list told in turn ("69.9, 69.8 and 69.7, respectively")
_ROW_NUMBER_RE = re.compile(r"^[\s\d.)\-–]*")  # a table row's number before its label


_FIRST_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)")


def words_alternation(words: list[str]) -> str:
    """A regex alternation of lite() words, longest first, spaces matching any blanks; one
    that never matches when the list is empty. Japanese words are spaced as the text is
    ("逆に" → "逆 に", spaced_cjk())."""
    alts = sorted({lite(spaced_cjk(nfc(w))) for w in words}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in alts) or "(?!x)x"


def subject_regex(phrases: list[str], leading: list[str]) -> re.Pattern[str]:
    """One of `phrases` right after a number's unit, perhaps after a `leading` word ("số",
    "các")."""
    body = phrase_regex(phrases).pattern if phrases else "(?!x)x"
    return re.compile(rf"\s*(?:(?:{words_alternation(leading)})\s+)?(" + body + ")")


_CHANGE_REACH = 24  # characters before a number its "from" may take ("from about")


def _month_names(v: dict[str, Any]) -> str:
    """The alternation of English month names (year_phrases: month_names), read by the year
    phrases ("in June 2024") and the dates a present word names ("as of March 31, 2025")."""
    return words_alternation((v.get("year_phrases") or {}).get("month_names") or []) \
        or "(?!x)x"


def _comparator_words(v: dict[str, Any]) -> list[str]:
    """Every word of the vocabulary's `comparators_before` ("dưới", "trên", "at least" …)."""
    return [w for ws in (v.get("comparators_before") or {}).values()
            if isinstance(ws, list) for w in ws]


def verb_regex(verbs: list[str]) -> re.Pattern[str]:
    """A reporting verb ("đạt", "là", "ước đạt") at the end of a stretch of text, a comparator
    word or so allowed after it ("đạt trên"); longest verb first."""
    words = sorted(verbs, key=len, reverse=True)
    if not words:
        return NEVER_RE
    alts = "|".join(re.escape(w) for w in words)
    return re.compile(r"(?<!\w)(" + alts + r")(?!\w)(?:\s+\S+)?\s*$")


def longest_bigram(phrase: str) -> str:
    words = phrase.split()
    if len(words) < 2:
        return phrase
    return max((" ".join(words[i:i + 2]) for i in range(len(words) - 1)), key=len)


def _words_regex(phrases: list[str], tail: str) -> re.Pattern[str]:
    """Any of the phrases as whole words, each blank run matching any blanks, then `tail`."""
    # grouped by first character (_first_character_branches): a pattern that opens with a
    # look-behind is tried at every place of a long text
    groups: dict[str, list[str]] = {}
    for p in phrases:
        words = lite(nfc(p)).split()
        if words:
            first = re.escape(words[0][0])
            groups.setdefault(words[0][0], []).append(
                "\\s+".join([re.escape(words[0])[len(first):], *map(re.escape, words[1:])]))
    if not groups:
        return NEVER_RE
    branches = _first_character_branches(groups, lambda _first: r"\w")
    return re.compile(f"(?:{branches})(?!\\w){tail}")


def _lites(phrases: list[str]) -> list[str]:
    return [lite(nfc(p)) for p in phrases]


class WordsOutside:
    """A pattern whose matches standing inside a match of `inside` do not count (the target
    word "mục tiêu" in the name "Chương trình mục tiêu quốc gia"); `search` and `finditer`
    as a compiled pattern's."""

    REACH = 60  # characters around a match to look for a phrase holding it

    def __init__(self, pattern: re.Pattern[str], inside: re.Pattern[str]):
        self.pattern = pattern
        self.inside = inside

    def _kept(self, text: str, m: re.Match[str]) -> bool:
        lo, hi = max(0, m.start() - self.REACH), min(len(text), m.end() + self.REACH)
        return not any(x.start() <= m.start() and m.end() <= x.end()
                       for x in self.inside.finditer(text, lo, hi))

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None
                 ) -> Iterator[re.Match[str]]:
        end = len(text) if endpos is None else endpos
        return (m for m in self.pattern.finditer(text, pos, end) if self._kept(text, m))

    def search(self, text: str, pos: int = 0, endpos: int | None = None
               ) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)


@dataclass
class UnitPhrase:
    unit: str
    is_denominator: bool


def _by_part(inds: list[Indicator]) -> dict[str | None, Indicator]:
    """The indicators of one unit by the part of the population they are of, when the unit
    names one indicator: it alone, or one of the whole population and its parts (urban,
    rural), each named by the whole's words. None keys the whole."""
    if len(inds) == 1:
        return {None: inds[0], inds[0].subgroup: inds[0]}
    wholes = [i for i in inds if i.subgroup is None]
    parts = {i.subgroup: i for i in inds if i.subgroup is not None}
    if len(wholes) != 1 or len(parts) != len(inds) - 1 \
            or any(not set(p.aliases) & set(wholes[0].aliases) for p in parts.values()):
        return {}
    return {None: wholes[0], **parts}


def _ends_in_words(words: Sequence[str]) -> re.Pattern[str]:
    """A text that ends in one of the words (blanks after it allowed)."""
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w)(?:{alternation or '(?!x)x'})\s*$")


class Vocabulary:
    """Everything the rules read from the catalogue, compiled once per build."""

    def __init__(self, catalog: Catalog):
        v = catalog.vocabulary
        self.catalog = catalog
        self._lineages: dict[str, frozenset[str]] = {}  # lineage()
        # abbreviations and synonyms: words read as other words before names are matched
        self.abbreviations = {k.lower(): nfc(str(val)) for section in ("abbreviations",
                              "synonyms") for k, val in (v.get(section) or {}).items()
                              if k != "__line__"}
        # "trẻ em dưới một tuổi": keyed "dưới 1 tuổi", as the catalogue names it
        self.spelled = SpelledNumbers.of(
            {k: n for k, n in (v.get("spelled_numbers") or {}).items() if k != "__line__"},
            v.get("spelled_number_nouns") or [])
        self.indicators = {ind.id: ind for ind in catalog.indicators}
        # "mục tiêu 90-90-90": a triple's numbers, in order, where its subject is named
        self.cascades = [(re.compile(rf"(?<!\w){re.escape(lite(nfc(subject)))}(?!\w)"),
                          tuple(self.indicators[i] for i in ids))
                         for subject, ids in (v.get("cascades") or {}).items()
                         if subject != "__line__"]
        # a unit only one indicator (with its urban and rural parts) is stated in names it,
        # keyed by (unit, part) (match.unit_named)
        stated: dict[str, list[Indicator]] = {}
        for ind in catalog.indicators:
            # only its own unit: one it may also be written in ("nam/100 nữ") names it not
            stated.setdefault(ind.unit, []).append(ind)
        self.sole_indicator_of_unit = {(unit, part): ind for unit, inds in stated.items()
                                       for part, ind in _by_part(inds).items()}
        self._compile_aliases(catalog)
        self._compile_units(catalog)
        self._compile_comparators(v)
        self._compile_context(v)
        self._compile_subjects(v, catalog)
        self._compile_dates(v)
        self._compile_years(v)
        dates = v.get("date_words") or {}
        self.not_values = NotValues([nfc(w) for w in v.get("document_words", [])], *(
            nfc(str(dates.get(k) or "")) for k in ("day", "month", "year")),
            NotValueWords(*([nfc(w) for w in v.get(key, [])] for key in (
                "age_words", "age_before_words", "interval_words", "ordinal_endings",
                "figure_words", "rank_before_words", "reference_level_words",
                "reference_reached_words", "reference_gap_stops", "sequence_before_words",
                "range_from"))))
        self._key_memo: dict[str, tuple[str, int]] = {}

    def _compile_aliases(self, catalog: Catalog) -> None:
        # alias key → indicators it may name, in catalogue order
        self.alias_targets: dict[str, list[Indicator]] = {}
        for ind in catalog.indicators:
            for alias in ind.aliases:
                key = self.phrase_key(alias)
                if key:
                    self.alias_targets.setdefault(key, []).append(ind)
        # no elided or short name is matched loosely
        self.fuzzy = FuzzyIndex(dict(self.alias_targets))
        self._compile_elided(catalog)
        self._compile_short_names(catalog)
        self.alias_re = alias_regex(sorted(self.alias_targets, key=len, reverse=True))

    def _compile_elided(self, catalog: Catalog) -> None:
        """Names whose population group is left out as the subject of a list ("NCT … đạt 70%;
        được khám sức khỏe định kỳ … đạt 70%"): "người cao tuổi được khám sức khỏe định kỳ"
        also stands as "được khám sức khỏe định kỳ", for a document that names the group
        (IndicatorChooser). An alias of its own is never replaced."""
        openers = [self.phrase_key(w)
                   for w in catalog.vocabulary.get("elided_subject_openers") or []]
        group_keys: dict[str, list[str]] = {}
        surface: dict[str, list[str]] = {}  # a group's words as written, abbreviations too
        for word, group in catalog.population_groups.items():
            group_keys.setdefault(group, []).append(self.phrase_key(word))
            surface.setdefault(group, []).append(lite(nfc(word)))
        for short, long in self.abbreviations.items():
            group = catalog.population_groups.get(long)
            if group is not None:
                surface[group].append(short)
        own = set(self.alias_targets)
        self.elided_groups: dict[tuple[str, str], re.Pattern[str]] = {}
        self.elided_keys: set[str] = set()
        for key, inds in list(self.alias_targets.items()):
            for group, words in group_keys.items():
                rest = next((key[len(w) + 1:] for w in words if key.startswith(w + " ")), None)
                if rest is None or not any(rest.startswith(o + " ") for o in openers) \
                        or len(rest.split()) < ELIDED_MIN_WORDS or rest in own:
                    continue
                self.elided_keys.add(rest)
                for ind in inds:
                    if ind not in self.alias_targets.setdefault(rest, []):
                        self.alias_targets[rest].append(ind)
                    self.elided_groups[(rest, ind.id)] = _words_regex(surface[group], "")

    def _compile_short_names(self, catalog: Catalog) -> None:
        """Names an indicator is called by on a page about it, its headline naming it ("coverage
        rate" on a page about health insurance): each with the pattern of the full names
        (abbreviations too) or `context` words ("CFR" under a headline on dengue) that must
        stand in its headline (IndicatorChooser). An alias of its own is never replaced."""
        own = set(self.alias_targets)
        self.short_keys: set[str] = set()
        self.short_names: dict[tuple[str, str], re.Pattern[str]] = {}
        for ind in catalog.indicators:
            keys = [k for k in (self.phrase_key(n) for n in ind.short_names)
                    if k and k not in own]
            if not keys:
                continue
            full = {self.phrase_key(a) for a in ind.aliases}
            written = [lite(nfc(a)) for a in (*ind.aliases, *ind.context)]
            written += [short for short, long in self.abbreviations.items()
                        if self.phrase_key(long) in full]
            pattern = _words_regex(written, "")
            for key in keys:
                self.short_keys.add(key)
                self.alias_targets.setdefault(key, []).append(ind)
                self.short_names[(key, ind.id)] = pattern

    def _compile_units(self, catalog: Catalog) -> None:
        self.unit_phrases: dict[str, UnitPhrase] = {}
        for unit in catalog.units.values():
            for phrase in unit.phrases:
                self.unit_phrases[lite(nfc(phrase))] = UnitPhrase(
                    unit.id, unit.id in DENOMINATOR_UNITS)
        self.unit_re = phrase_regex(list(self.unit_phrases))
        # unit phrases with their spaces removed, first phrase wins (as a scan in order would)
        self.unit_phrases_compact: dict[str, UnitPhrase] = {}
        for phrase, up in self.unit_phrases.items():
            self.unit_phrases_compact.setdefault(re.sub(r"\s+", "", phrase), up)
        self.unit_after_re = re.compile(r"\s*(?:" + self.unit_re.pattern + ")")
        # the nouns unit phrases count ("bác sĩ" of "bác sĩ/trạm", "bé trai" of "bé trai/100
        # bé gái"): "từ 2 đến 3 bác sĩ" is a range of what the unit counts
        nouns = {p.split("/")[0].strip() for p in self.unit_phrases if "/" in p}
        self.unit_noun_after_re = re.compile(r"\s+(?:" + words_alternation(sorted(
            n for n in nouns if n and not n[0].isdigit())) + r")(?!\w)")
        # a unit written before its number ("女児 100 人 に 対 し 男児 113 人", "(100:120)")
        self.units_before = {lite(nfc(phrase)): unit.id for unit in catalog.units.values()
                             for phrase in unit.phrases_before}
        self.unit_before_re = phrase_regex(list(self.units_before)) if self.units_before \
            else NEVER_RE
        # "2,1 con": a noun after a number with a fractional part gives it a unit
        self.average_nouns = {lite(nfc(k)): str(u)
                              for k, u in (catalog.vocabulary.get("average_nouns") or {}).items()
                              if k != "__line__"}
        self.average_noun_re = re.compile(
            rf"\s*({words_alternation(list(self.average_nouns))})(?!\w)")

    def _compile_comparators(self, v: dict[str, Any]) -> None:
        before = v.get("comparators_before") or {}
        self.cmp_before: list[tuple[str, str]] = sorted(
            ((lite(nfc(p)), cmp) for cmp, ps in before.items() if cmp != "__line__" for p in ps),
            key=lambda t: len(t[0]), reverse=True,
        )
        after = v.get("comparators_after") or {}
        self.cmp_after = [(lite(nfc(p)), cmp) for cmp, ps in after.items() if cmp != "__line__"
                          for p in ps]
        rel = v.get("relative") or {}
        self.rel_increase = _lites(rel.get("increase", []))
        self.rel_decrease = _lites(rel.get("decrease", []))
        self.change_hedge_words = _lites(rel.get("hedges", []))
        self.comparative_increase = _lites(rel.get("comparative_increase", []))
        self.comparative_decrease = _lites(rel.get("comparative_decrease", []))
        # "a 37.8% decrease": the change's noun right after its number
        self.change_after_re = re.compile(
            r"\s*(?:(?P<up>" + words_alternation(_lites(rel.get("increase_after", []))) + r")"
            r"|(?P<down>" + words_alternation(_lites(rel.get("decrease_after", []))) + r"))(?!\w)"
        ) if rel.get("increase_after") or rel.get("decrease_after") else NEVER_RE
        self.rel_before = _lites(rel.get("markers_before", []))
        self.share_verbs = _lites(v.get("share_verbs", []))
        self.rel_after = _lites(rel.get("markers_after", []))
        self.per_year = _lites(rel.get("per_year", []))
        # words may wrap over lines ("bình quân hàng" / "năm 0,5‰")
        self.per_year_before_re = _words_regex(rel.get("per_year_before", []), r"\s*$")
        self.change_noun_re = _words_regex(rel.get("change_nouns", []), "")
        self.baseline_from = _lites(v.get("baseline_from", []))
        self.baseline_to = _lites(v.get("baseline_to", []))
        self.level_to_words = _lites(v.get("level_to_words", []))
        self.change_end_word_re = re.compile(  # a change's end word anywhere ("xuống còn")
            rf"(?<!\w)(?:{words_alternation(self.baseline_to)})(?!\w)")
        self.change_end_words = _lites(v.get("change_end_words", []))
        range_to = "|".join(re.escape(lite(nfc(p))) for p in v.get("range_to", []))
        range_from = "|".join(re.escape(lite(nfc(p))) for p in v.get("range_from", []))
        # "từ 103 đến 107": the word before the first number, and the link between the two
        self.range_from_re = re.compile(rf"(?<!\w)(?:{range_from or '(?!x)x'})\s+$")
        # "từ 2,0 đến dưới 2,2 con": an upper bound's word may open the second number
        below = words_alternation(sorted({p for p, c in self.cmp_before if c in ("<", "<=")},
                                         key=len, reverse=True))
        self.range_link_re = re.compile(
            rf"\s+(?:{range_to or '(?!x)x'})\s+(?:(?:{below or '(?!x)x'})\s+)?")
        # a heading line whose period goes on to the next line ("Giai đoạn 2023 -" / "2025")
        self.heading_goes_on_re = re.compile(
            rf"(?:[-–—]|(?<!\w)(?:{range_to or '(?!x)x'}))\s*$")
        verb_words = sorted(self.rel_increase + self.rel_decrease, key=len, reverse=True)
        self.verb_re = re.compile("|".join(r"(?<!\w)" + re.escape(w) + r"(?!\w)"
                                           for w in verb_words))
        # how far past its start one verb match attempt reads (the word and one character)
        self.verb_reach = max((len(w) for w in verb_words), default=0) + 2
        # a change that ends at its new level ("… là 9,4%, đến năm 2019 tăng lên 25,3%")
        self.change_to_end_re = re.compile(
            rf"(?<!\w)(?:{words_alternation(verb_words)})\s+"
            rf"(?:{words_alternation(self.baseline_to)})\s*$")

    def _compile_context(self, v: dict[str, Any]) -> None:
        # words that may join a value to the one before it, besides the reporting verbs
        self.continuation_words = frozenset(
            w for p in [*v.get("continuation_words", []), *v.get("actual_verbs", [])]
            for w in lite(nfc(p)).split())
        self.next_place_words = tuple(lite(nfc(p)) for p in v.get("next_place_words", []))
        self.singled_out_re = re.compile(
            rf"(?<!\w)(?:{words_alternation(_lites(v.get('singled_out_words', [])))})\s+") \
            if v.get("singled_out_words") else NEVER_RE
        # words between a value and the next that spells out the same indicator: joining
        # words and verbs, a specification's words, and the next value's comparator
        # and what links a sentence to the one before or says it holds now ("Meanwhile, this
        # ratio is currently only 17.4")
        self.goes_on_words = self.continuation_words | frozenset(
            w for p in [*v.get("specification_words", []), *v.get("linking_words", []),
                        *v.get("next_place_words", []),
                        *v.get("present_words", []),
                        *_comparator_words(v)]
            for w in lite(nfc(p)).split())
        self.target_sections = _lites(v.get("target_sections", []))
        self.goal_openers = _lites(v.get("goal_openers", []))
        self.plan_met_verbs = _lites(v.get("plan_met_verbs", []))
        self.other_sections = _lites(v.get("other_sections", []))
        self.result_sections = _lites(v.get("result_sections", []))
        self.actual_verbs = _lites(v.get("actual_verbs", []))
        self.statistics_documents = _lites(v.get("statistics_documents", []))
        self.target_words = _lites(v.get("target_words", []))
        self.plan_words = _lites(v.get("plan_words", []))
        self.not_plan_re = re.compile(
            rf"(?<!\w)(?:{words_alternation(v.get('not_plan_phrases', []))})(?!\w)")
        self.period_gap_markers = sorted(_lites(v.get("period_gap_markers", [])), key=len,
                                         reverse=True)
        self.gap_markers = sorted(_lites(v.get("gap_markers", [])) + self.period_gap_markers,
                                  key=len, reverse=True)
        self.respectively_re = _words_regex(v.get("respectively_words", []), "")
        # "69.9, 69.8 and 69.7, respectively": the rest of a list of numbers a "respectively"
        # word closes (matched right after a number)
        joiners = words_alternation(_lites(v.get("name_list_joiners", [])))
        # (possessive, at most LIST_IN_TURN_ITEMS numbers: a long run of numbers is read in
        # linear time)
        self.closes_a_list_in_turn_re = re.compile(
            rf"(?:\s*+,?\s*+(?:(?:{joiners})\s++)?\d++(?:[.,]\d++)?\s*+%?)"
            rf"{{0,{LIST_IN_TURN_ITEMS}}}+\s*+,?\s*+"
            + self.respectively_re.pattern) if v.get("respectively_words") else NEVER_RE
        self.english_word_re = _words_regex(v.get("english_words", []), "")
        # words opening a phrase that qualifies a name ("… nước sạch từ hệ thống cấp nước …")
        self.qualifier_re = _words_regex(v.get("qualifier_openers", []), r"\s")
        self.compared_with = _lites(v.get("compared_with", []))
        compared = "|".join(re.escape(w) for w in self.compared_with)
        # the comparison word right before a number, and one right after a number leading
        # to another
        self.compared_before_re = re.compile(
            rf"(?<!\w)(?:{compared or '(?!x)x'})\s*(?:mức\s*)?$")
        self.compared_next_re = re.compile(rf"\s*\)?\s*(?:{compared or '(?!x)x'})\s+\d")
        differ = "|".join(re.escape(w) for w in _lites(v.get("difference_words", [])))
        links = "|".join(re.escape(w) for w in _lites(v.get("difference_links", [])))
        self.difference_before_re = re.compile(
            rf"(?<!\w)(?:{differ or '(?!x)x'})\s+(?:{compared or '(?!x)x'})\s+[^,;.!?]{{0,40}}?"
            rf"\s(?:{links or '(?!x)x'})\s*$")
        self.excess_before_re = _ends_in_words(_lites(v.get("excess_words", [])))
        self.margin_after_value_re = re.compile(
            rf"\s*,\s*(?:{words_alternation(_lites(v.get('margin_after_value_words', [])))})\s*")
        self.subsidy_before_re = _ends_in_words(_lites(v.get("subsidy_words", [])))
        self.cost_after_re = re.compile(
            r"\s*(?:of\s+(?:the\s+)?(?:\w+\s+){0,3}?)?"
            rf"(?:{words_alternation(v.get('cost_nouns', []))})(?!\w)")
        self._compile_sentence_words(v)
        self.actual_verb_re = verb_regex(self.actual_verbs)
        self.present_tense_re = verb_regex(v.get("present_tense_verbs", []))
        # a reporting verb or the end of a change ("là 76,5", "nâng … lên 77"): before a bare
        # number after an indicator's name
        bare = [*self.actual_verbs, *self.baseline_to, *_lites(v.get("bare_value_words", []))]
        # the start of a change, its end word right after it ("decrease from 20.8 to 13.08")
        self._change_from_re = verb_regex(self.baseline_from)
        self._change_to_after_re = re.compile(
            rf"\s*(?:{words_alternation(self.baseline_to)})\s+\d")
        self.bare_value_verb_re = verb_regex(bare)
        # verbs that make the words before a number a statement, not a list item's label;
        # words that label an area a list goes on by, and words that label nothing
        self.label_verbs = tuple(bare)
        self.list_label_areas_re = phrase_regex(v.get("list_label_areas", [])) \
            if v.get("list_label_areas") else NEVER_RE
        # a list item's own label between the number before and its own: a separator (a
        # comma, a joining word), then up to four words ("…, chiếm 49,58%, đường máu 30,31%")
        joins = words_alternation(_lites(v.get("count_joiners", []))) or "(?!x)x"
        self.list_label_re = re.compile(rf"\s*(?:[,;]\s*(?:(?:{joins})\s+)?|(?:{joins})\s+)"
                                        r"(?P<label>[^\W\d_]+(?:\s[^\W\d_]+){0,3})\s*")
        self.list_label_fillers = frozenset(
            w for p in (*_lites(v.get("list_label_fillers", [])), *_lites(_comparator_words(v)),
                        *self.change_hedge_words) for w in p.split())
        self.verb_then_number_re = re.compile(rf"(?<!\w)(?:{words_alternation(bare)})\s+\d")
        self.assessment_verb_re = verb_regex(_lites(v.get("assessment_verbs", [])))
        links = sorted(_lites(v.get("year_links", [])), key=len, reverse=True)
        self.year_link_re = re.compile(
            r"\s*(?:" + "|".join(re.escape(w) for w in links) + r")\s+") if links else None
        # words trimmed from the end of an indicator phrase: the verb and bound before a number
        self.phrase_tail_words = sorted(self.actual_verbs + [p for p, _c in self.cmp_before],
                                        key=len, reverse=True)
        self.clause_break_re = re.compile(
            "|".join(r"(?<!\w)" + re.escape(lite(nfc(p))) + r"(?!\w)"
                     for p in v.get("clause_breaks", [])) or r"(?!x)x"
        )
        self.scale_re = phrase_regex(list(v.get("scale_words", [])))
        # count nouns whose number a year after it dates as a rate's ("15 doctors by 2015")
        time_nouns = set(v.get("time_nouns", []))
        self.rate_count_re = phrase_regex([w for w in v.get("count_nouns", [])
                                           if w not in time_nouns])
        self.province_wide = tuple(lite(nfc(w)) for w in v.get("province_wide_words", []))
        # a scale word counts as a count noun wherever one is looked for
        self.count_re = phrase_regex([*v.get("count_nouns", []), *v.get("scale_words", [])])
        goals = list(v.get("goal_words", []))
        self.goal_word_re = phrase_regex(goals) if goals else NEVER_RE

    def _compile_sentence_words(self, v: dict[str, Any]) -> None:
        """The words that make a sentence's numbers another's or told (pairing, kind_year)."""
        def words_re(*keys: str) -> re.Pattern[str]:
            phrases = [p for key in keys for p in v.get(key, [])]
            return phrase_regex(phrases) if phrases else NEVER_RE

        national = words_re("national_markers")
        # "the national target programme": a name holding a national marker is no country's
        exceptions = words_alternation(_lites(v.get("national_marker_exceptions") or []))
        self.national_re = re.compile(rf"(?:{national.pattern})(?!\s+(?:{exceptions})(?!\w))") \
            if exceptions and national is not NEVER_RE else national
        self.money_noun_re = words_re("money_nouns")
        # "độ 1: 12,3%", "độ 1 (42,3%)", "độ 2 chiếm 35,4%": a numbered part's label right
        # before a value
        part_links = words_alternation(v.get("part_value_links") or [])
        self.part_label_re = re.compile(
            rf"(?<!\w)(?:{words_alternation(v.get('part_labels', []))})\s+"
            rf"(?:\d{{1,2}}|[ivx]{{1,4}})\s*(?::|\(|(?:{part_links})(?!\w))\s*$") \
            if v.get("part_labels") else NEVER_RE
        # "cao hơn trung bình cả nước (73,6 tuổi)", "thấp hơn so với cả nước 7,5 bác sĩ": the
        # country's value right after it, in brackets or after a link word
        links = words_alternation(_lites(v.get("national_value_links", [])))
        self.national_right_before_re = re.compile(
            f"(?:{self.national_re.pattern})" + rf"\s*(?:\(|:|(?:{links})(?!\w))?\s*$") \
            if v.get("national_markers") else NEVER_RE
        self.superlative_before_re = _ends_in_words(_lites(v.get("superlative_words", [])))
        # "thấp hơn mức sinh thay thế 2,1 con", "below the replacement level of 2.1": a norm
        # a value is compared with, named right before a number, holds it (not one reached:
        # "đã đạt mức sinh thay thế 2,09 con")
        norms = words_alternation(v.get("norm_words") or [])
        below = words_alternation(v.get("norm_comparisons") or [])
        self.norm_right_before_re = re.compile(
            rf"(?<!\w)(?:{below})\s+(?:[^\W\d_]+\s+){{0,2}}?(?:{norms})(?!\w)"
            rf"\s*(?:\(|:|(?:{links})(?!\w))?\s*$") if v.get("norm_words") else NEVER_RE
        # "(chỉ tiêu kế hoạch năm 2024 đề ra 67%)": plan words, links and a year, in brackets
        plan = words_alternation(v.get('versus_plan', []))
        versus = (rf"\s*[,(]?\s*(?:{plan})(?:\s+(?:{plan}|"
                  rf"{words_alternation(v.get('versus_plan_links', []))}|\d{{4}}))*\s*:?\s*")
        versus += rf"(?:(?:{words_alternation(_comparator_words(v))})\s*)?"
        # "93% so với kế hoạch giao 90%", "0,023/10.000 dân, kế hoạch giao <0,2": between the
        # value reached and the planned one (fullmatch), or after the first (a number follows)
        self.versus_plan_re = re.compile(versus)
        self.versus_plan_next_re = re.compile(versus + r"(?=\d)(?!(?:19|20)\d\d(?![\d.,]\d))")
        self.compared_to_country_re = re.compile(
            rf"(?<!\w)(?:{words_alternation(v.get('compared_to_country', []))})\s+$")
        self.anaphora_re = words_re("anaphora_words")
        self.counted_name_re = words_re("counted_names")
        self.plural_anaphora_re = words_re("plural_anaphora_words")
        self.hangul_particles = tuple(nfc(w) for w in v.get("hangul_particles", []))
        self.target_noun_re = words_re("target_nouns")
        counted = words_re("place_anaphora_counted")
        self.place_anaphora_re = re.compile(
            rf"{words_re('place_anaphora_words').pattern}|(?<!\w)\d{{1,2}}\s+(?:{counted.pattern})")
        self.dotted_abbreviations = frozenset(lite(nfc(w)) for w in
                                              v.get("dotted_abbreviations", []))
        self.part_lead_re = words_re("part_lead_words")
        # "…, và nữ là": a joining word (after a comma or alone), then a short stretch with no
        # number up to the next part's number
        joins = words_alternation(_lites(v.get("next_part_words", [])))
        self.next_part_re = re.compile(
            rf"[^\S\n]*(?:,\s*(?:{joins})?|{joins})(?!\w)[^\d;.]{{0,48}}$")
        self.non_restrictive_re = re.compile(
            rf",\s*(?:{words_alternation(_lites(v.get('non_restrictive_words', [])))})\s")
        self.rank_after_country_re = re.compile(
            rf"\s+(?:{words_alternation(_lites(v.get('rank_after_country_words', [])))})(?!\w)")
        back = "|".join(r"\s+".join(r"\d+" if w == "{n}" else re.escape(lite(nfc(w)))
                                    for w in p.split()) for p in v.get("looking_back_spans", []))
        back = rf"|(?<!\w)(?:{back})(?!\w)" if back else ""
        self.present_re = re.compile(words_re("present_words").pattern + back)
        self.future_re = words_re("future_words")
        # a name right after these says the opposite, or another quantity: not that name
        not_it = [*v.get("negation_words", []), *v.get("difference_nouns", [])]
        self.negated_re = re.compile(rf"(?<!\w)(?:{words_alternation(not_it)})\s+$")
        self.negation_re = words_re("negation_words")
        # "Đối với nam 18 tuổi …": a clause about the group named right after these words
        self.regarding_re = re.compile(
            rf"[\W\d_]*(?:{words_alternation(v.get('regarding_words', []))})\s+(?=\w)")
        self.count_joiners = frozenset(lite(nfc(p)) for p in v.get("count_joiners", []))
        # a subject of a few words (no number), then a joiner, right before a name ("bà mẹ
        # mang thai và trẻ sơ sinh được tầm soát"): pairing._named_with
        self.joined_before_re = re.compile(
            rf"(?P<words>(?:[^\W\d_]+\s+){{1,5}})"
            rf"(?:{words_alternation(sorted(self.count_joiners))})\s+$")
        # what parts the items of a list told in turn ("A, B và C lần lượt là …")
        self.item_break_re = re.compile(
            rf"\s*(?:[,;]|(?<!\w)(?:{words_alternation(sorted(self.count_joiners))})(?!\w))\s*")
        self.regarding_words = frozenset(w for p in v.get("regarding_words", [])
                                         for w in lite(nfc(p)).split())
        self.linking_re = re.compile(
            rf"\W*(?:{words_alternation(v.get('linking_words', []))})(?!\w)")
        self.referring_back_re = re.compile(
            rf"(?<!\w)(?:{words_alternation(v.get('referring_back_words', []))})(?!\w)")
        # what tells a value as reported: a present word, or a perfect verb of a change
        self.told_re = re.compile(words_re("present_words", "reported_verbs").pattern + back)
        # "Chương trình mục tiêu quốc gia …", "national target programs": a programme's name
        # holding a target word sets no target
        self.target_word_re = WordsOutside(words_re("target_words"),
                                           words_re("not_target_phrases"))
        # "(vượt 18,95% chỉ tiêu kế hoạch …)", "exceeding 6/6 socio-economic targets": the
        # margin or the count met may stand between verb and word
        met = [*v.get("plan_met_verbs", []), *v.get("plan_compared_words", [])]
        fillers, qualifiers = v.get("plan_met_fillers", []), v.get("plan_met_qualifiers", [])
        self._plan_met_tail_re = re.compile(
            rf"(?:^|[\s(])(?:{words_alternation(met)})\s+"
            rf"(?:(?:{words_alternation(fillers)})\s+|\d[\d.,]*\s*%?\s+|\d+/\d+\s+)?"
            rf"(?:(?:{words_alternation(qualifiers)})\s+){{0,2}}$")
        self.each_unit_re = words_re("each_unit_words")
        self.share_verb_re = words_re("share_verbs")
        places = words_alternation(_lites(v.get("counted_places", [])))
        verbs = words_alternation(_lites(v.get("counted_place_verbs", [])))
        of = words_alternation(_lites(v.get("counted_places_of", [])))
        # "5 tỉnh có …", "55 out of 63 cities and provinces have …" (a count, not a share)
        self.counted_places_re = re.compile(
            rf"(?<![\d/.,])\d+(?:\s*(?:{of}|/)\s*\d+)?\s+(?:{places})\s+(?:{verbs})(?!\w)")
        comprising = words_alternation(_lites(v.get("counted_places_comprising", [])))
        # "…, gồm 21 tỉnh, thành phố: …": the places a value right before defines as a group
        self.places_comprised_re = re.compile(
            rf"[\s,;:]*(?:{comprising})\s+\d+\s+(?:{places})(?!\w)")
        self.among_before_re = _ends_in_words(_lites(v.get("counted_places_among", [])))
        # "mật độ bác sĩ/10.000 dân ở 5 tỉnh": places counted, never a rate's value
        self.place_count_nouns = frozenset(" ".join(p.split())
                                           for p in _lites(v.get("counted_places", [])))
        self.planned_re = words_re("planned_words")
        self.whole_period_re = words_re("whole_period_words")
        # "vượt chỉ tiêu được giao": a target word a plan-met verb leads, right before
        self._target_word_before_re = re.compile(
            rf"(?<!\w)(?:{words_alternation(v.get('target_words', []))})\s+$")
        self.this_year_re = words_re("this_year_words")
        # "Last year, …", "Năm nay, …": this year or the one before, counted from the page's date
        self.relative_year_re = words_re("this_year_words", "last_year_words")
        self.compared_with_re = words_re("compared_with")
        self.plan_title_re = re.compile(
            rf"(?:{words_alternation([*v.get('plan_words', []), *v.get('document_words', [])])})"
            r"(?!\w)")
        # words that make a list item more than a specifier of the head before it: a share of
        # its own ("tỷ lệ thu gom …"), a value in turn or a difference ("cao hơn lần lượt là")
        self.own_item_re = words_re("share_words", "respectively_words", "compared_with",
                                    "difference_words")
        self.item_predicate_re = words_re("item_predicate_words")
        self.definition_re = words_re("definition_words")
        self.contrast_re = words_re("contrast_words")
        # a district, town or commune named in prose ("huyện Long Mỹ"): its kind, then a name
        sub_units = sorted(_lites((v.get("tables") or {}).get("sub_rows", [])), key=len,
                           reverse=True)
        self.sub_unit_re = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sub_units) + r")\s+(?=\w)"
        ) if sub_units else NEVER_RE
        after = _lites((v.get("tables") or {}).get("sub_rows_after", []))
        # "Binh Luc district", "빈룩(Binh Luc)현": a capitalised name, then its kind
        self.sub_unit_after_re = re.compile(
            r"(?<=[\w)])\s+(?:" + "|".join(re.escape(w) for w in after) + r")(?!\w)"
        ) if after else NEVER_RE

    def _compile_subjects(self, v: dict[str, Any], catalog: Catalog) -> None:
        leading = list(v.get("leading_words", []))
        # "50% số xã …": a leading word right after a number, which then leads the name after it
        self.leading_re = re.compile(rf"\s*(?:{words_alternation(leading)})\s")
        # a gap of nothing but these words between a number and the name it leads
        self.number_first_gap_re = re.compile(
            rf"\s*(?:(?:{words_alternation(v.get('number_first_words', []))})(?!\S)\s*)*")
        # "N% [số|các] <subject>": the subject right after a number and its unit
        self.activity_subject_re = subject_regex(v.get("activity_subjects", []), leading)
        self.establishment_subject_re = subject_regex(v.get("establishment_subjects", []),
                                                      leading)
        # "Tỷ lệ [các] xã có …": the subject of a share, right after its word
        self.share_subject_re = re.compile(
            rf"(?<!\w)(?:{words_alternation(v.get('share_words', []))})\s+"
            rf"(?:(?:{words_alternation(leading)})\s+)?"
            rf"(?P<subject>{words_alternation(v.get('share_subjects', []))})(?!\w)")
        self.subgroups = catalog.subgroups
        self.subgroup_words = frozenset(w for label in self.subgroups for w in label.split())
        # the keys of the subgroup labels long enough not to be part of a name ("nông thôn",
        # "rural"; not "nam", which "Hà Nam" holds)
        self.subgroup_keys = tuple({self.phrase_key(label) for label in
                                    self.subgroups if " " in label.strip() or len(label) >= 5})
        self.place_names = _lites(v.get("place_names", []))
        # every province by its names ("kon tum"), to tell another province's value on a page
        self._names_cache: dict[str, list[str]] = {}
        self.other_names = {prov: [lite(nfc(n)) for n in names] for prov, names in
                            (v.get("province_other_names") or {}).items() if prov != "__line__"}
        self.province_of_name = {lite(nfc(self._bare(name))): p.id
                                 for p in catalog.provinces.values()
                                 for name in (p.name_vi, p.name_en) if name}
        self.province_of_name.update({name: prov for prov, names in self.other_names.items()
                                      for name in names})
        # a region holds its values as another province would (never a province's lineage)
        self.province_of_name.update({r: REGION for r in _lites(v.get("region_names", []))})
        self._bare_province_names = {bare_letters(n): p for n, p in self.province_of_name.items()}
        # the kind a table row may name a province by, before or after its name ("Tỉnh Sơn La",
        # "An Giang Province")
        kinds = words_alternation(_lites(v.get("province_kinds", [])))
        self.province_kind_re = re.compile(rf"^(?:{kinds})\s+|\s+(?:{kinds})$") \
            if kinds else NEVER_RE
        # matched on the segment's text as written (its key keeps the text's offsets)
        qualifiers = words_alternation(v.get("name_qualifiers", []))
        self.name_qualifier_re = re.compile(rf"(?<!\w)(?:{qualifiers})(?!\w)", re.IGNORECASE)
        ranks = _lites(v.get("rank_words", []))
        self.rank_re = phrase_regex(ranks) if ranks else NEVER_RE
        elaborations = words_alternation(v.get("elaboration_words", []))
        self.elaboration_re = re.compile(rf"[\s\-–•*]*(?:{elaborations})(?!\w)")
        self.rank_scope_before_re = _ends_in_words(_lites(v.get("rank_scope_words", [])))
        self.province_name_re = phrase_regex(list(self.province_of_name)) \
            if self.province_of_name else NEVER_RE
        # "Hòa Bình: 2,84", "Bắc Ninh 117,6": a value labelled by a province's name
        self.province_label_value_re = re.compile(
            rf"(?:{self.province_name_re.pattern})\s*:?\s*\d")
        joiners = words_alternation(_lites(v.get("name_list_joiners", [])))
        self.name_list_gap_re = re.compile(rf"\s*,?\s*(?:(?:{joiners})(?!\w))?\s*")
        # between provinces listed, a province kind may follow each name ("Hanoi city and Da
        # Nang", "ベンチェ省、ロンアン省")
        self.province_list_gap_re = re.compile(
            rf"\s*(?:(?:{kinds or '(?!x)x'})(?!\w)\s*)?,?\s*(?:(?:{joiners})(?!\w))?\s*")
        # "12.5 doctors per 10,000 people and two pharmacists": a joiner opens another item
        self.name_joiner_re = re.compile(rf"(?<!\w)(?:{joiners})(?!\w)")
        # "Trường Đại học Y Hà Nội": an institution's word a few words before a name
        institutions = words_alternation(_lites(v.get("institution_words", [])))
        self.institution_before_re = re.compile(
            rf"(?<!\w)(?:{institutions})(?:\s+[^\W\d_]+){{0,{INSTITUTION_WORDS}}}\s*$") \
            if v.get("institution_words") else NEVER_RE
        # "sau sáp nhập TP HCM, Bình Dương và Vũng Tàu": a merger word right before a list of
        # names (what a province was formed from)
        self.merger_before_re = _ends_in_words(_lites(v.get("merger_words", [])))
        places = [*v.get("place_names", []), *(self.own_name(p) for p in catalog.provinces)]
        # a place name is matched first, so its "nam" is never the male subgroup's label
        self.subgroup_re = re.compile(
            rf"(?P<place>{phrase_regex(places).pattern})|{phrase_regex(list(self.subgroups)).pattern}"
        ) if self.subgroups else NEVER_RE
        self.zone_subgroups = frozenset(v.get("zone_subgroups", []))
        self.sex_subgroups = frozenset(v.get("sex_subgroups", []))
        self.units_naming_a_sex = frozenset(v.get("units_naming_a_sex", []))
        # "provide regular health check to 88% of the elderly": the word ending what is done
        # for the group a number leads
        self.activity_link_re = re.compile(
            rf"(?<!\w)(?:{words_alternation(_lites(v.get('activity_links', [])))})\s*$") \
            if v.get("activity_links") else NEVER_RE
        # "157,5 cm với nữ", "98.4% in coastal areas": the words saying for whom a value is
        self.subgroup_link_re = re.compile(
            rf"\s*(?:{words_alternation(_lites(v.get('subgroup_links', [])))})\s+") \
            if v.get("subgroup_links") else NEVER_RE
        self._compile_age_groups(v)
        self.population_groups = {lite(nfc(w)): g for w, g in catalog.population_groups.items()}
        self.population_group_re = (phrase_regex(list(catalog.population_groups))
                                     if catalog.population_groups else NEVER_RE)
        self._groups_of: dict[str, frozenset[str]] = {}
        self._subject_group: dict[str, str | None] = {}
        self.table_words = replace(
            TableWords.from_vocabulary(v, list(self.unit_phrases)),
            place_of=self.province_of_label)
        self.qualitative = [(q.id, [self.phrase_key(p) for p in q.phrases])
                            for q in catalog.qualitative]
        # each phrase as a whole-word pattern on a key, compiled once
        self.qualitative_re = {p: re.compile(r"(?:^|(?<= ))" + re.escape(p) + r"(?= |$)")
                               for _id, ps in self.qualitative for p in ps}
        # cheap pre-check before keying a segment: the longest word of each phrase
        self.qualitative_anchors = {longest_bigram(lite(nfc(p)))
                                    for q in catalog.qualitative for p in q.phrases}

    def _compile_age_groups(self, v: dict[str, Any]) -> None:
        """"ở độ tuổi 40 - 49 (27,3%)", "nhóm tuổi 60-69 chiếm 34,8%", "25,6% ở độ tuổi từ 60
        trở lên": an age group's label right before a value (a share verb, a colon or a
        bracket between) or right after it (after a subgroup link); "6–36 tháng tuổi" an
        age in months."""
        self.age_in_months_after_re = re.compile(
            rf"\s*(?:{words_alternation(_lites(v.get('age_month_nouns', [])))})(?!\w)")
        if not v.get("age_before_words"):
            self.age_group_before_re = self.age_group_after_re = NEVER_RE
            return
        def alt(key: str) -> str:
            return words_alternation(_lites(v.get(key, [])))

        noun = rf"(?:\s*(?:{alt('age_nouns')})(?!\w))?"
        label = (rf"(?<!\w)(?:{alt('age_before_words')})\s+(?:(?:{alt('range_from')})\s+)?"
                 rf"\d{{1,2}}{noun}(?:\s*(?:[-–]|(?:{alt('range_to')})(?!\w))\s*\d{{1,2}}"
                 rf"|\s*(?:{alt('age_open_ends')})(?!\w))?{noun}")
        # not "… aged 17 and older was 1.7%": a population the whole indicator is defined for
        verbs = words_alternation(_lites(v.get("share_verbs", [])))
        self.age_group_before_re = re.compile(
            rf"(?P<label>{label})\s*(?:\(|:|(?:{verbs})(?!\w))\s*$")
        link = self.subgroup_link_re.pattern
        self.age_group_after_re = re.compile(rf"\s*\)?{link}(?P<label>{label})")

    def subgroup_of(self, m: re.Match[str] | None) -> str | None:
        """The subgroup a match of subgroup_re labels; None for a place name."""
        if m is None or m.group("place") is not None:
            return None
        return self.subgroups.get(" ".join(m.group(0).split()))

    def own_name(self, province_id: str) -> str:
        """A province's name as prose writes it after "thành phố" (lite(): "hải phòng")."""
        prov = self.catalog.provinces.get(province_id)
        if prov is None:
            return "\0"
        return lite(self._bare(prov.name_vi))

    def names_province(self, province_id: str, stretch: str) -> bool:
        """Whether a stretch of lite() text names the province (with or without its tone
        marks, as an English page writes it; "Bà Rịa - Vũng Tàu" or "Bà Rịa-Vũng Tàu") or its
        whole ("toàn tỉnh")."""
        stretch = _SPACED_HYPHEN_RE.sub("-", stretch)
        bare = bare_letters(stretch)
        return any(own in stretch or bare_letters(own) in bare
                   for own in self.names_of(province_id)) \
            or any(w in stretch for w in self.province_wide)

    def names_of(self, province_id: str) -> list[str]:
        """A province's own name and the other names vocabulary gives it or a province of
        the same name (the city formed in 2025 keeps the old one's "TP.HCM"), lite()."""
        if province_id not in self._names_cache:
            own = self.own_name(province_id)
            others = [n for p, names in self.other_names.items() if self.own_name(p) == own
                      for n in names]
            self._names_cache[province_id] = [_SPACED_HYPHEN_RE.sub("-", n)
                                              for n in (own, *others)]
        return self._names_cache[province_id]

    @staticmethod
    def _bare(name: str) -> str:
        """A name without its remark in brackets nor a leading "thành phố"."""
        name = re.sub(r"\s*\(.*\)\s*$", "", name)
        return re.sub(r"^(?:thành phố|tp\.?|city of)\s+", "", name, flags=re.IGNORECASE)

    def province_named(self, matched: str) -> str | None:
        """The province (or region) a province_name_re match names, its dash with or without
        blanks ("Ba Ria-Vung Tau")."""
        name = " ".join(matched.split())
        found = self.province_of_name.get(name)
        return found if found is not None or "-" not in name else \
            self.province_of_name.get(_SPACED_HYPHEN_RE.sub(" - ", name))

    def province_of_label(self, label: str) -> str | None:
        """The province a table row's label is, when it is nothing but a province's name
        (after its numbering, "tỉnh", "thành phố" or "province"/"city"): "Hanoi", "Tỉnh Sơn
        La", "Ba Ria - Vung Tau"."""
        whole = " ".join(lite(nfc(label)).split())
        low = " ".join(self.province_kind_re.sub("", _ROW_NUMBER_RE.sub("", whole)).split())
        for name in (whole, low, _SPACED_HYPHEN_RE.sub(" - ", low)):
            found = self.province_of_name.get(name) or self._bare_province_names.get(
                bare_letters(name))
            if found is not None:
                return found
        return None

    def province_as_of(self, province_id: str, year: int | None,
                       issued: tuple[int, int] | None) -> str:
        """The province a name stood for in a year. "Lào Cai" names the province before the
        2025 reform and the one formed then under the same name: a value of a year before the
        change is the former's, of a later year the new one's; a value of the year of the
        change (or of none) is the new one's when the text was issued after the change."""
        own = self.own_name(province_id)
        kin = [p for p in self.catalog.provinces.values() if self.own_name(p.id) == own]
        new = next((p for p in kin if p.status_2025 == "new" and p.effective_on), None)
        old = next((p for p in kin if new is not None and p.successor_id == new.id), None)
        if new is None or old is None or new.effective_on is None:
            return province_id
        change = (int(new.effective_on[:4]), int(new.effective_on[5:7]))
        if year is not None and year != change[0]:
            return new.id if year > change[0] else old.id
        return new.id if issued is not None and issued >= change else old.id

    def lineage(self, province_id: str) -> frozenset[str]:
        """A province, the one it merged into in 2025 and those merged into it: a page of one
        may speak of the others as its own (found once per province)."""
        if province_id not in self._lineages:
            prov = self.catalog.provinces.get(province_id)
            kin = {province_id, *(p.id for p in self.catalog.provinces.values()
                                  if p.successor_id == province_id)}
            if prov is not None and prov.successor_id:
                kin.add(prov.successor_id)
            self._lineages[province_id] = frozenset(kin)
        return self._lineages[province_id]

    def _compile_years(self, v: dict[str, Any]) -> None:
        """Year phrases ("năm 2025", "giai đoạn 2021-2025", "đến năm 2030", "đến 2030"; "so
        với năm 2015" a reference, groups ref/ref2), on lite() text; and a line holding only a
        year ("Năm 2025:")."""
        y = v.get("year_phrases") or {}
        year_words = words_alternation(y.get("year_words") or [])
        # "16,07 năm 2016": a unit word that is a year word, a year right after it
        self.year_word_set = frozenset(_lites(y.get("year_words") or []))
        lead = words_alternation(y.get("lead_words") or [])
        until = words_alternation(y.get("until_words") or [])
        # a year phrase that opens with an until word ("đến năm 2030"): a target's year
        self.until_phrase_re = re.compile(rf"(?:{until})\s") if until else NEVER_RE
        ref = words_alternation(y.get("reference_words") or [])
        self.from_year_re = re.compile(rf"(?:{words_alternation(y.get('from_words') or [])})\s")
        part = words_alternation(y.get("part_year_words") or [])
        nouns = words_alternation(y.get("year_before_nouns") or [])
        after_words = words_alternation(y.get("year_after_words") or [])
        months = _month_names(v)
        dates = v.get("date_words") or {}
        month = re.escape(str(dates.get("month", "tháng")))
        quarter = re.escape(str(dates.get("quarter", "quý")))
        self.year_phrase_re = re.compile(
            rf"(?P<ref>(?:{ref})\s*)?(?:(?:{lead})\s+)?"
            rf"(?:(?:{year_words})\s+)(?P<y1>(?:19|20)\d\d)"
            r"(?:\s*[-–]\s*(?P<y2>(?:19|20)\d\d))?(?!\d|/)"
            rf"|(?P<ref2>(?:{ref})\s+)(?P<y3>(?:19|20)\d\d)"
            rf"|(?:{until})\s+(?P<y4>(?:19|20)\d\d)(?![\d/])"
            # a month of a year once its number is blanked: "đến tháng 9/2021", "tháng 9.2021"
            rf"|(?:(?:{lead})\s+)?{month}\s+(?P<y5>(?:19|20)\d\d)(?![\d/])"
            # a quarter of a year: "quý I/2025", "quý 2 năm 2024"
            rf"|(?:(?:{lead})\s+)?{quarter}\s+(?:[ivx]{{1,3}}|[1-4])\s*(?:[/.\-]|\s(?:{year_words})\s)"
            r"\s*(?P<y6>(?:19|20)\d\d)(?![\d/])"
            # part of a year: "5 tháng đầu năm 2015"; "compared to the end of 2024" compares
            rf"|(?P<ref3>(?:{ref})\s+)?(?:\d{{1,2}}\s+)?(?:{part})\s+(?P<y7>(?:19|20)\d\d)(?![\d/])"
            # a year alone in brackets: "giảm từ 7,95‰ (2020) xuống 6‰ (2025)"
            r"|(?<=\()\s*(?P<y8>(?:19|20)\d\d)(?=\s*\))"
            # English writes a goal's year before it: "the 2023 goal of reaching 95.2%"
            rf"|(?<!\S)(?P<y9>(?:19|20)\d\d)(?=\s+(?:{nouns})(?!\w))"
            # an English month: "in June 2024" (a full date, "on October 25, 2017", is a date:
            # it sets no year, as_of_date_re reads it after a present word)
            rf"|(?:(?:{lead})\s+)?(?:{months})\s+(?P<y10>(?:19|20)\d\d)(?![\d/])"
            # Japanese and Korean: the year's word after it ("2024 年", spaced_cjk() text)
            rf"|(?<![\d.,])(?P<y11>(?:19|20)\d\d)\s*(?:{after_words})")
        # what joins the values of a list of years of one subject ("toàn quốc năm 2022 là
        # 92,6%, năm 2023 là 93,2%"): a comma, "và", a year phrase, a reporting verb
        joiners = words_alternation(_lites(v.get("name_list_joiners", [])))
        self.list_gap_re = re.compile(
            rf"\s*[,;]?\s*(?:(?:{words_alternation(v.get('continuation_words') or [])})\s+)?"
            rf"(?:(?:(?:{lead})\s+)?(?:{year_words})\s+(?:19|20)\d\d\s*,?\s*"
            # "94.1% in 2024, and 95.15% in 2025": a joiner after the year
            rf"(?:(?:{joiners})\s+)?)?"
            rf"(?:(?:{words_alternation(v.get('actual_verbs') or [])})\s*)?:?\s*")
        # "so với năm 2020" right after a relative change: the year it is compared with
        self.compared_year_re = re.compile(
            rf"\s*(?:{ref})\s*(?:(?:{year_words})\s*)?((?:19|20)\d\d)")
        self.lone_year_re = re.compile(
            rf"^\s*(?:(?:{year_words})\s+)?(?:19|20)\d\d(?!\d)[\s:.)]*$", re.IGNORECASE)

    def _compile_dates(self, v: dict[str, Any]) -> None:
        """A date ("ngày 02 tháng 1 năm 2024", "ngày 9/12/2022", "ngày … tháng 01 năm 2024"
        with the day left blank; groups y1 or y2 the year) on lite() text, a date after an
        issue word, and a dateline ("Quảng Bình, ngày …" alone on its line or cell) on NFC
        text."""
        words = v.get("date_words") or {}
        day, month, year = (re.escape(lite(nfc(str(words.get(k) or "")))) or "(?!x)x"
                            for k in ("day", "month", "year"))
        date = (rf"{day}[\s.…]*(?:\d{{1,2}})?\s*(?:{month}\s*\d{{1,2}}\s*{year}\s*"
                r"(?P<y1>(?:19|20)\d\d)|/\s*\d{1,2}\s*/\s*(?P<y2>(?:19|20)\d\d))(?!\d)")
        self.date_re = re.compile(date)
        # "tính đến ngày 31/12/2021", "đến hết tháng 9/2021", "as of March 31, 2025": the date
        # a present word names
        months = _month_names(v)
        self.as_of_date_re = re.compile(
            rf"\s*(?:[^\W\d_]+\s+)?(?:{date}|{month}\s*\d{{1,2}}\s*/\s*(?P<y3>(?:19|20)\d\d)"
            rf"(?![\d/])|(?:{months})\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s*"
            r"(?P<y4>(?:19|20)\d\d)(?!\d))")
        issue = "|".join(re.escape(w) for w in _lites(v.get("issue_words", []))) or "(?!x)x"
        self.issued_card_re = re.compile(
            rf"(?<!\w)(?P<word>{issue})[\s:|]*\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*"
            r"(?P<y>(?:19|20)\d\d)(?!\d)")
        self.page_date_words = _lites(v.get("page_date_words", []))
        # an English page's date stamp ("December 11, 2023 | 07:55 pm PT", "11 December 2023"),
        # its month by its place in month_names
        self.month_numbers = {m: k for k, m in enumerate(
            _lites((v.get("year_phrases") or {}).get("month_names") or []), 1)}
        self.english_date_re = re.compile(
            rf"(?<!\w)(?:(?P<mn>{months})\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,?|\d{{1,2}}\s+"
            rf"(?P<mn2>{months})\s*,?)\s+(?P<y>(?:19|20)\d\d)(?!\d)") \
            if self.month_numbers else NEVER_RE
        # a copy's stamp opening its first line, perhaps a month only: "date 2024-10 Trong …"
        self.leading_stamp_re = re.compile(
            rf"\s*(?:{words_alternation(self.page_date_words)})\s*:?\s*"
            r"(?P<iy>(?:19|20)\d\d)-(?P<im>\d{2})(?:-\d{2})?(?![\d-])")
        self.review_words = _lites(v.get("review_words", []))
        review = "|".join(re.escape(w) for w in self.review_words) or "(?!x)x"
        # a review word, then within its phrase "năm 2012", or a period's last year ("nhiệm kỳ
        # 2010-2015", "giai đoạn 2016 - 2020"), no sentence end between
        self.reviewed_year_re = re.compile(
            rf"(?<!\w)(?P<word>{review})(?!\w)[^.;:\n]{{0,90}}?(?:năm|giai đoạn|nhiệm kỳ)\s+"
            r"(?:(?:19|20)\d\d\s*[-–]\s*)?(?P<y>(?:19|20)\d\d)(?!\d)")
        sources = words_alternation(_lites(v.get("dated_sources", [])))
        # "Niên giám thống kê 2023", "Tổng điều tra … năm 2019", "the 2023 Statistical Yearbook"
        self.dated_source_re = re.compile(
            rf"(?<!\w)(?:{sources})\s+(?:năm\s+)?(?P<y>(?:19|20)\d\d)(?!\d)"
            rf"|(?<!\d)(?P<y2>(?:19|20)\d\d)\s+(?:{sources})(?!\w)") \
            if v.get("dated_sources") else NEVER_RE
        studies = words_alternation(_lites(v.get("study_words", [])))
        # "Nghiên cứu cắt ngang được tiến hành năm 2017", "đề tài … năm học 2023 – 2024", "a
        # survey … conducted in 2011": a study's year in its sentence (a span's last year; not
        # a date, "Received: 20/06/2024")
        self.study_year_re = re.compile(
            rf"(?<!\w)(?:{studies})(?!\w)(?:(?!\.\s)[^;\n]){{0,150}}?(?<![\d/.-])"
            rf"(?:(?:19|20)\d\d\s*[-–]\s*)?(?P<y>(?:19|20)\d\d)(?![\d/])") \
            if v.get("study_words") else NEVER_RE
        back = words_alternation(v.get("looking_back_words", []))
        period = r"(?:19|20)\d\d\s*-\s*(?P<y{n}>(?:19|20)\d\d)(?!\d)"
        # a sentence opening on a period just past with no year ("Nhiệm kỳ qua, …", "Thời
        # gian qua, …"): a year named before it in its paragraph is not the one it tells of
        self.looking_back_opener_re = re.compile(
            rf"(?:[^\W\d_]+\s+){{1,3}}(?:{back})\s*,")
        # "5 năm qua (2011-2015)", "giai đoạn 2016-2020 vừa qua,": a period just ended
        self.looking_back_re = re.compile(
            rf"(?<!\w)(?:{back})\s*\(?\s*{period.format(n=1)}"
            rf"|(?<!\d){period.format(n=2)}\s*\)?\s*(?:{back})\s*[,.;:)]")
        self.dateline_re = re.compile(
            r"(?:^|[|\t])\s*(?P<place>[^\W\d_](?:[^\W\d_]|[ .]){0,30}),\s*(?i:"
            + date + r")\s*[.|]?\s*(?:\||$)")
        # a news article's opening date: "LSO-Ngày 29/5/2020, Đảng bộ …", "(Baohatinh.vn) -
        # Sáng 12/3/2021, …" (lite text); an agency's tag may lead it
        parts = words_alternation(v.get("day_part_words", []))
        self.lead_date_re = re.compile(
            r"\W*(?:[^\W\d_][\w.]{0,30}\)?\s*[-–—]+\s*)?"
            rf"(?:(?:{parts})\s+)?(?:{day}\s+)?\d{{1,2}}\s*[/-]\s*(?P<m>\d{{1,2}})\s*[/-]\s*"
            r"(?P<y>(?:19|20)\d\d)(?!\d)\s*,")

    def groups_of(self, ind: Indicator) -> frozenset[str]:
        """The population groups an indicator's name or aliases name (subgroups.yaml)."""
        found = self._groups_of.get(ind.id)
        if found is None:
            texts = " | ".join(lite(nfc(t)) for t in (ind.name_vi, *ind.aliases))
            found = self._groups_of[ind.id] = frozenset(self.groups_named(texts))
        return found

    def groups_named(self, low: str) -> set[str]:
        """The population groups a lite() text names anywhere, also by an abbreviation ("90%
        NCT được khám …": the elderly)."""
        words = low.split()
        if any(w in self.abbreviations for w in words):
            low = " ".join(lite(self.abbreviations.get(w, w)) for w in words)
        return {self.population_groups[_SPACES_RE.sub(" ", m.group(0))]
                for m in self.population_group_re.finditer(low)}

    def subject_group(self, ind: Indicator) -> str | None:
        """The population group an indicator's name is of ("Tỷ lệ hộ nghèo … có nhà tiêu hợp
        vệ sinh": the poor), a place in it aside; None for the whole population's."""
        if ind.id not in self._subject_group:
            name = lite(nfc(ind.name_vi))
            self._subject_group[ind.id] = self.group_in(name, 0, len(name))
        return self._subject_group[ind.id]

    def refers_back(self, low: str, start: int = 0) -> bool:
        """Whether the sentence opening at `start` of a lite() text points back to what was
        said before it ("Theo Tổng cục Thống kê, sau các tỉnh nêu trên là …", "…によると、
        上記に次いで…")."""
        end = _FIRST_SENTENCE_END_RE.search(low, start)
        return self.referring_back_re.search(low, start, end.start() if end else len(low)) \
            is not None

    def sets_a_target(self, low: str) -> bool:
        """Whether a target word stands in a lite() text other than after a verb that reports
        the plan met ("hoàn thành kế hoạch đề ra")."""
        return bool(self.target_word_starts(low))

    def target_word_starts(self, low: str) -> list[int]:
        """Where the target words of a lite() text start, but those after a verb that reports
        the plan met."""
        return [m.start() for m in self.target_word_re.finditer(low)
                if not self._plan_met_tail_re.search(low, max(0, m.start() - 40), m.start())]

    def starts_a_change(self, low: str, start: int, end: int) -> bool:
        """Whether the number at low[start:end] opens a change, after "from" and before "to"
        and the next number ("will decrease from 41.7 to 31.3"): a value, not a section
        number, of the indicator named before it."""
        return self._change_from_re.search(low, max(0, start - _CHANGE_REACH), start) \
            is not None and self._change_to_after_re.match(low, end) is not None

    def after_a_from_word(self, low: str, start: int) -> bool:
        """Whether a "from" word ("từ", "from") stands right before the number at start: the
        start of a change ("down from 13.5 percent in 2018")."""
        return self._change_from_re.search(low, max(0, start - _CHANGE_REACH), start) \
            is not None

    def planned_word_starts(self, low: str) -> list[int]:
        """Where the planned words of a lite() text start, but those that only go on with a
        target word reported met ("vượt chỉ tiêu được giao": the plan was met, none is set)."""
        out = []
        for m in self.planned_re.finditer(low):
            word = self._target_word_before_re.search(low, max(0, m.start() - 30), m.start())
            if word is None or not self._plan_met_tail_re.search(
                    low, max(0, word.start() - 40), word.start()):
                out.append(m.start())
        return out

    def group_in(self, low: str, lo: int, hi: int) -> str | None:
        """The first population group named in low[lo:hi] (lite text) as its subject, or
        None; a place ("khám … tại trạm y tế cho người cao tuổi") is no subject."""
        for m in self.population_group_re.finditer(low, lo, hi):
            if not _PLACE_BEFORE_RE.search(low[max(0, m.start() - 5):m.start()]):
                return self.population_groups[_SPACES_RE.sub(" ", m.group(0))]
        return None

    def writes_english(self, low: str) -> bool:
        """Does a lite() text hold ENGLISH_MIN_WORDS different English words (vocabulary
        `english_words`)? Then it writes numbers in English notation."""
        seen: set[str] = set()
        for m in self.english_word_re.finditer(low):
            seen.add(m.group(0))
            if len(seen) >= ENGLISH_MIN_WORDS:
                return True
        return False

    def alias_hits(self, key: str, skipped: frozenset[str] = frozenset()
                   ) -> Iterator[re.Match[str]]:
        """The catalogue names in a key, left to right, none overlapping. Of two that overlap
        the one reaching further is the more specific and wins: "tỷ lệ tử vong do bệnh lao"
        is TB deaths, not the crude death rate "tỷ lệ tử vong" would name; "hộ gia đình có nhà
        tiêu hợp vệ sinh" is sanitary latrines, not any latrine. `skipped` names (elided or
        short ones a document does not take, IndicatorChooser.skipped_names) are read as no
        name."""
        pos = 0
        while (hit := self.alias_re.search(key, pos)) is not None:
            if hit.group(1) in skipped:
                pos = hit.start() + 1
                continue
            hit = self._furthest_reaching(key, hit)
            yield hit
            pos = hit.end()

    def _furthest_reaching(self, key: str, hit: re.Match[str]) -> re.Match[str]:
        """The name starting inside `hit` (at one of its words) that ends furthest past it."""
        k = key.find(" ", hit.start(), hit.end())
        while k != -1:
            inner = self.alias_re.match(key, k + 1)
            # an elided or short name is read only where no other name stands over it
            if inner is not None and inner.end() > hit.end() \
                    and inner.group(1) not in self.elided_keys \
                    and inner.group(1) not in self.short_keys:
                hit = inner
            k = key.find(" ", k + 1, hit.end())
        return hit

    def key(self, text: str) -> Keyed:
        """The matching key of an NFC text, its words' keys remembered across documents."""
        return make_key(text, self.abbreviations, self._key_memo, self.spelled)

    def phrase_key(self, phrase: str) -> str:
        """The key of a catalogue phrase, comparable with key()."""
        return phrase_key(phrase, self.abbreviations, self.spelled)

    def segment_key(self, seg: Segment) -> Keyed:
        """A segment's matching key, computed once (blank_markup keeps offsets), the words
        that only place a name blanked: "100% học sinh, sinh viên trên địa bàn tỉnh tham gia
        bảo hiểm y tế" names the students' coverage."""
        if seg.keyed is None:
            text = blank_markup(seg.text)
            if self.name_qualifier_re.search(text):
                text = self.name_qualifier_re.sub(lambda m: " " * len(m.group(0)), text)
            seg.keyed = self.key(text)
        return seg.keyed
