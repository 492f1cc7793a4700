"""The comparator of a value: a range, a relative change ("tăng 2%", "giảm 5% so với năm
2020"), or a bound written before or after it ("trên 95%", "95% trở lên"); and whether it is
the start value of a change ("từ 35% … lên 50%")."""

from __future__ import annotations

import re
from typing import NamedTuple

from vnhealth.extract.index import PairIndex, Span
from vnhealth.extract.mentions import Mention
from vnhealth.extract.vocabulary import Vocabulary

CHANGE_NOUN_REACH = 80  # how far before a number its change noun may stand
PHRASE_REACH = 80  # how far after a number its phrase may name the year compared with


class Compared(NamedTuple):
    comparator: str  # = > < >= <= range relative …
    value: float  # signed for a relative change
    value_high: float | None
    relative_to: str | None  # a relative change's reference: a year, per_year or unspecified
    # a change by a range ("giảm 5 - 10% số trẻ em …"): its percent applies to an indicator of
    # any unit, as a relative change's does
    changes_by: bool = False

    @property
    def a_change(self) -> bool:
        return self.comparator == "relative" or self.changes_by


_NON_YEAR_NUMBER_RE = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d(?![\d.,]\d))\d")  # not a year


def _change_noun_reaches(vocab: Vocabulary, low: str, lo: int, pos: int) -> str | None:
    """The change noun before the number that names it ("Mức giảm tỷ lệ sinh khoảng 0,1‰"),
    unless a comma and a year of its own come between ("mức tăng khá nhanh, năm 2020 là 67,7":
    a level); else None."""
    noun = vocab.change_noun_re.search(low, lo, pos)
    if noun is None or _NON_YEAR_NUMBER_RE.search(low, noun.end(), pos):
        return None  # a number between: the noun names that one's change
    comma = low.rfind(",", noun.end(), pos)
    return noun.group(0).strip() if comma < 0 or vocab.year_phrase_re.search(
        low, comma, pos) is None else None


_YEAR_THEN_BRACKET_RE = re.compile(r"(?<!\d)(?:19|20)\d\d\s*\($")


def _relative(vocab: Vocabulary, d: Mention, low: str, clause: Span, ix: PairIndex
              ) -> Compared | None:
    """A relative change: a marker near the number, and the last verb of the clause before
    it giving its sign."""
    before = low[max(clause[0], d.start - 30):d.start].rstrip()
    after = low[d.unit_end:d.unit_end + 30]
    per_year = _per_year(vocab, d, low, clause)
    # "Mức giảm tỷ lệ sinh khoảng 0,1‰": the clause names the change itself
    noun_from = max(clause[0], d.start - CHANGE_NOUN_REACH)
    # "tăng cao hơn năm 2011 khoảng 1,43‰": the year compared with stands before the number
    unhedged = _without_hedge(before, vocab.change_hedge_words)
    noun = _change_noun_reaches(vocab, low, noun_from, d.start)
    marker_before = (any(_ends_with_word(unhedged, [p]) for p in vocab.rel_before)
                     or noun is not None or vocab.compared_year_re.search(before) is not None)
    marker_after = any(after.lstrip().startswith(p) for p in vocab.rel_after)
    # "giảm 25% A và 20% B so với năm 2015": the year compared with ends the number's phrase
    phrase_end = min(ix.next_mention_start(d.unit_end, clause[1]), d.unit_end + PHRASE_REACH)
    compared = vocab.compared_year_re.search(low, d.unit_end, phrase_end)
    # "giảm 50% số cặp tảo hôn", "giảm 0,25‰ mức sinh": a change verb right before a number
    # stated in its unit is the change itself, as in a table cell "Giảm 40%"; "giảm xuống 15%"
    # has a word between and is a level
    # ("giảm được khoảng 1,5%", "tăng hơn 72%": a word of about or more between them too)
    governed = d.unit is not None and _ends_with_word(
        _without_hedge(before, vocab.change_hedge_words), vocab.rel_increase + vocab.rel_decrease
    ) and not _ends_with_word(before, vocab.share_verbs)
    if before.endswith("(") and _ends_with_word(before[:-1].rstrip(),
                                                vocab.rel_increase + vocab.rel_decrease):
        return None  # "giảm (3,11% so với 3,37% …)": the bracket gives the levels compared
    if _YEAR_THEN_BRACKET_RE.search(before):
        return None  # "tăng so với năm 2018 (71,75%)": the level of the year compared with
    if _ends_with_word(before, vocab.level_to_words):
        # "had dropped from 1.76 children … to 1.39 compared to 2.75": the level a change
        # reached, whatever it is compared with after it
        return None
    verb = None
    if (marker_before or compared) and is_baseline_from(vocab, d, low, clause, ix):
        return None  # "giảm 0,3‰ so với năm 2022 (từ 16,1‰ xuống còn 15,8‰)": a start value
    if marker_before or marker_after or per_year or governed or compared:
        # "Mức giảm sinh 0,1‰/năm": the noun's verb, where the name holds the one after it
        verb = ix.change_verb_before(clause, d.start) or (noun.split()[-1] if noun else None)
    elif d.unit is not None and _ends_with_word(before, ["và"]):
        verb = _continued_change(vocab, d, low, clause, ix)
    if not verb:
        return _change_without_its_verb(vocab, d, low, clause, before, after, compared)
    sign = -1.0 if any(verb.startswith(w) for w in vocab.rel_decrease) else 1.0
    rel_to = "unspecified"
    if per_year:
        rel_to = "per_year"
    elif compared is not None:
        rel_to = compared.group(1)
    return Compared("relative", sign * d.value, None, rel_to)


def _change_without_its_verb(vocab: Vocabulary, d: Mention, low: str, clause: Span, before: str,
                        after: str, compared: re.Match[str] | None) -> Compared | None:
    """"3.431 ca mắc … cao hơn 125,3% so với cùng kỳ năm 2024": a comparative right before a
    number an earlier period follows is a change by that number, as "tăng" would be; so is a
    number its change's noun follows ("a 37.8% decrease compared to 2021")."""
    noun = vocab.change_after_re.match(low, d.unit_end)
    if noun is not None and d.unit is not None:
        year = vocab.compared_year_re.search(low, noun.end(), noun.end() + PHRASE_REACH)
        return Compared("relative", (1.0 if noun.group("up") else -1.0) * d.value, None,
                        year.group(1) if year is not None else "unspecified")
    # ("cao hơn khoảng 10%": a word of about between; "hơn" itself is one, so the text as is first)
    ends = (before, _without_hedge(before, vocab.change_hedge_words))
    sign = 1.0 if any(_ends_with_word(t, vocab.comparative_increase) for t in ends) else \
        -1.0 if any(_ends_with_word(t, vocab.comparative_decrease) for t in ends) else 0.0
    rest = after.lstrip(" ,")
    if not sign or not any(rest.startswith(m) for m in vocab.period_gap_markers):
        return None
    return Compared("relative", sign * d.value, None,
                    compared.group(1) if compared is not None else "unspecified")


def _falls_by_a_range(vocab: Vocabulary, d: Mention, low: str, clause: Span, ix: PairIndex
                      ) -> bool:
    """Whether a verb of decrease leads the range, or the range goes on after "và" with the
    fall of the number before it."""
    before = low[max(clause[0], d.start - 30):d.start].rstrip()
    if _ends_with_word(_without_hedge(before, vocab.change_hedge_words), vocab.rel_decrease):
        return True
    return _ends_with_word(before, ["và"]) and \
        _continued_change(vocab, d, low, clause, ix) in vocab.rel_decrease


def _per_year(vocab: Vocabulary, d: Mention, low: str, clause: Span) -> bool:
    """Whether a change is a yearly pace: "/năm" after the number ("giảm 0,3‰/năm") or
    "hàng năm" before it ("giảm tỷ suất sinh bình quân hàng năm 0,5‰")."""
    before = low[max(clause[0], d.start - 30):d.start].rstrip()
    after = low[d.unit_end:d.unit_end + 30]
    return any(after.lstrip().startswith(p) or after.startswith(p) for p in vocab.per_year) \
        or vocab.per_year_before_re.search(before) is not None


def _continued_change(vocab: Vocabulary, d: Mention, low: str, clause: Span, ix: PairIndex
                      ) -> str | None:
    """"giảm 10% số trẻ em tử vong do đuối nước năm 2025 và 20% vào năm 2030": a number
    after "và" goes on with the change a verb right before the number before it states (in
    the same unit); that verb."""
    previous = ix.mention_before(clause[0], d.start)
    if previous is None or previous.unit != d.unit:
        return None
    before = _without_hedge(low[max(clause[0], previous.start - 30):previous.start].rstrip(),
                            vocab.change_hedge_words)
    verbs = vocab.rel_increase + vocab.rel_decrease
    return next((w for w in verbs if _ends_with_word(before, [w])), None)


def _without_hedge(text: str, hedges: list[str]) -> str:
    """The text without the word of about or more it ends with ("giảm được khoảng")."""
    for w in hedges:
        if _ends_with_word(text, [w]):
            return text[:-len(w)].rstrip()
    return text


def _ends_with_word(text: str, words: list[str]) -> bool:
    """Does the text end with one of the words, as a whole word?"""
    for w in words:
        if text.endswith(w) and (len(text) == len(w) or not text[-len(w) - 1].isalnum()):
            return True
    return False


def compare(vocab: Vocabulary, d: Mention, low: str, clause: Span, ix: PairIndex) -> Compared:
    if d.value_high is not None:
        # "giảm 5 - 10% số trẻ em …", "giảm bình quân 2 - 3%/năm … và 3 - 5%/năm …": a fall by
        # a range, -10 to -5
        if d.unit is not None and _falls_by_a_range(vocab, d, low, clause, ix):
            return Compared("range", -d.value_high, -d.value,
                            "per_year" if _per_year(vocab, d, low, clause) else "unspecified",
                            changes_by=True)
        return Compared("range", d.value, d.value_high, None)
    relative = _relative(vocab, d, low, clause, ix)
    if relative is not None:
        return relative
    before = low[max(clause[0], d.start - 30):d.start].rstrip()
    after = low[d.unit_end:d.unit_end + 30]
    comparator = "="
    for phrase, cmp in vocab.cmp_before:
        if before.endswith(phrase):
            k = len(before) - len(phrase)
            if k == 0 or not before[k - 1].isalnum() or not phrase[0].isalnum():
                comparator = cmp
                break
    for phrase, cmp in vocab.cmp_after:
        if after.lstrip().startswith(phrase):
            comparator = cmp
    if comparator == "=" and vocab.range_from_re.search(before + " "):
        comparator = _bound_after_its_noun(vocab, after) or comparator
    return Compared(comparator, d.value, None, None)


_NOUN_WORD_RE = re.compile(r"\s*[^\W\d_]+(?:/[\w.]+(?:\s+[^\W\d_]+)?)?\s+")  # "người/10.000 dân "
_NOUN_WORDS = 3  # words of a number's noun before its bound word


def _bound_after_its_noun(vocab: Vocabulary, after: str) -> str | None:
    """"từ 40 giường trở lên", "từ 3,5 người/10.000 dân trở lên": after "từ", the bound word
    that closes the number's noun (a word or three, no number or mark between), if any."""
    pos = 0
    for _word in range(_NOUN_WORDS):
        word = _NOUN_WORD_RE.match(after, pos)
        if word is None:
            return None
        pos = word.end()
        found = next((cmp for phrase, cmp in vocab.cmp_after
                      if after.startswith(phrase, pos)), None)
        if found is not None:
            return found
    return None


_CHANGE_LEAD = 24  # characters before a number read for "tăng từ", "giảm từ"


def is_baseline_from(vocab: Vocabulary, d: Mention, low: str, clause: Span, ix: PairIndex
                     ) -> bool:
    """"từ 35% … lên 50%": a number after "from" with a "to" and another number after it
    in its clause."""
    return change_to_at(vocab, d, low, clause, ix) is not None


def change_to_at(vocab: Vocabulary, d: Mention, low: str, clause: Span, ix: PairIndex
                 ) -> int | None:
    """Where the "to" word of a change stands ("từ 35% năm 2020 lên 50%": at "lên") when `d`
    is its start value, else None."""
    before = low[max(clause[0], d.start - _CHANGE_LEAD):d.start].rstrip()
    from_word = next((w for w in vocab.baseline_from if before.endswith(w)), None)
    after = low[d.unit_end:d.unit_end + _CHANGE_LEAD].lstrip()
    if from_word is None or any(after.startswith(p) for p, _cmp in vocab.cmp_after):
        return None  # "từ 95% trở lên": a bound, its "lên" no change's end
    to_words = vocab.baseline_to
    if _ends_with_word(before[:-len(from_word)].rstrip(), vocab.rel_increase + vocab.rel_decrease):
        # "tăng từ 13,8‰ đến 14,94‰": after a change verb, "đến" ends the change, no band
        to_words = [*to_words, *vocab.change_end_words]
    for w in to_words:
        pos = ix.first_word(w, d.unit_end, clause[1])
        if pos is not None and ix.mention_starts_in(pos + len(w), clause[1]):
            return pos
    return None
