"""Pairing the numbers of a prose segment (or a row read like prose) with indicators.

Each number is read in its clause: its unit (its own, else one the clause or sentence names),
whether it is the province's value at all (not a gap to a plan, not the country's value, not
a count, not an activity's share), its comparator, the indicator named nearest to it that fits
its unit (match.py), then its year and kind (kind_year.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from vnhealth.extract.comparators import Compared, compare
from vnhealth.extract.index import AliasHit, Named, PairIndex, Span
from vnhealth.extract.issued import IssueYear
from vnhealth.extract.kind_year import (
    COMPARED_REACH,
    HORIZON_BASIS,
    KindChoice,
    YearChoice,
    change_end_year,
    kind_for,
    paragraph_start,
    verb_before,
    year_for,
)
from vnhealth.extract.lines import YEAR_IN_TEXT_RE
from vnhealth.extract.match import (
    PHRASE_BREAK_RE,
    ItemName,
    after_phrase_share,
    count_share_named,
    fuzzy_named,
    head_borrowed_named,
    holds_value,
    indicator_phrase,
    item_named,
    list_item_named,
    only_number_first_words,
    paired_in_turn,
    phrase_after,
    pick_indicator,
    respectively_named,
    subgroup_before,
    subgroup_in_phrase,
    subgroup_right_after,
    turn_item,
    unit_named,
    values_told_in_turn,
)
from vnhealth.extract.mentions import (
    Mention,
    Mentions,
    assign_own_years,
    is_blank,
    join_ranges,
    year_phrases,
)
from vnhealth.extract.plausibility import quarantine_reason
from vnhealth.extract.recorder import Basis, PairedValue
from vnhealth.extract.records import REGION, Segment, Statement
from vnhealth.extract.state import DocumentRun
from vnhealth.extract.vocabulary import LIST_IN_TURN_ITEMS
from vnhealth.inputs.catalog import Indicator
from vnhealth.inputs.text import bare_letters, capital_or_uncased, lite, nfc

# where the words after a value that goes on from the one before end: a colon does not end
# them ("năm 2019: 83,0% và năm 2020: 85,0%")
_TAIL_END_RE = re.compile(r"[,;()]")
_DIGIT_RE = re.compile(r"\d")
COUNT_PHRASE = 24  # how far after a count noun its own "per N" unit may stand
# a name right after a count's noun, no clause break between ("1.817 ca mắc sốt xuất huyết")
_COUNTED_NAME_RE = re.compile(rf"[^,;:()]{{0,{COUNT_PHRASE}}}")
_LETTER_RUN_RE = re.compile(r"[^\W\d_]+")
WIDER_MIN_EXTRA = 2  # words a phrase must hold beyond its alias for a wider name to be looked for
_ELIDED_OPENS_RE = re.compile(r"(?:^|[;,:(\-+•])\s*$")
_DATELINE_RE = re.compile(r"\s*(?:\([^()]{0,20}\))?\s*[-–—]")  # "Hà Nội (TTXVN) -"
EARLIER_LEVEL_SHARE = 0.25  # how far from the value before it (a share of it) an earlier level lies
NATIONAL_REACH = 40  # characters before a number its "cả nước (" or "cả nước là" may take
NORM_REACH = 80  # characters before a number its norm and the comparison before it may take
GROUP_CLAUSE_WORDS = 2  # words besides its group's a clause naming only its group may hold ("đạt")
ELIDED_ITEM_WORDS = 4  # words of an item that names only what sets it apart ("mũi 2 đạt")
ELLIPSIS_REACH = 240  # characters of a clause read for the words it repeats (_elliptic)
_NAME_DASH_RE = re.compile(r"\s+-\s+")  # between two provinces' names listed together
TARGET_NOUN_REACH = 6  # words between a target noun and the number it leads
_LABEL_GAP_RE = re.compile(r"\s*:?\s*")  # between a province's name and the value it labels
_LABEL_BRACKET_GAP_RE = re.compile(r"\s*[:(]?\s*")  # the same, or a bracket: "Bắc Giang (98%)"
_REMARK_RE = re.compile(r"\([^()]*?(?:\)|\.(?=\s))")  # a bracketed remark, closed or cut
_PUNCTUATION_ONLY_RE = re.compile(r"[\s,;:()\-–]*")  # nothing but punctuation between two words
DIFFERENCE_REACH = 80  # characters before a number its difference words may take
MONEY_NOUN_REACH = 160  # characters before a share's name its money word may stand ("số thu")
AGE_LABEL_REACH = 48  # characters before a value its age group's label may take
PART_REACH = 60  # characters before a number its "trong đó" (a part of the value before) may take
SHARE_VERB_REACH = 24  # characters before a number its share verb ("chiếm tới hơn") may stand
_SHARE_GAP_STOP_RE = re.compile(r"[\d;.:]")  # between a share verb and its number: no other


@lru_cache(maxsize=128)
def _name_words(name_vi: str) -> frozenset[str]:
    """The words of a province's name as they stand in lite() text ("lạng", "sơn")."""
    return frozenset(lite(nfc(name_vi)).split())


class _LastNamed(NamedTuple):
    """The last value named in a segment, for a value that only goes on with it."""

    end: int  # where the value (or the name after it) ends
    unit: str | None
    named: Named
    led: bool  # the value stood before its name ("90% người … được điều trị ARV")
    words: frozenset[str] = frozenset()  # the words of its clause up to its end
    relative: bool = False  # the value is itself a change ("giảm 10% … và 20% …")
    subgroup: str | None = None  # the group its own words named ("84% dân số nông thôn …")


def _a_difference_of(compared: Compared, previous: _LastNamed | None, named: Named,
                     sentence: Span) -> bool:
    """"là 111,2 nam/100 nữ, giảm 0,2 điểm so với năm 2022": a change right after a value of
    the same indicator in its sentence is that value's difference from another year, no value
    of its own (a yearly pace, "giảm 0,5‰/năm", is one)."""
    return (compared.comparator == "relative" and compared.relative_to != "per_year"
            and previous is not None and previous.end >= sentence[0] and not previous.relative
            and previous.named.indicator.id == named.indicator.id)


JOINED_REACH = 60  # characters the joined subject and its joiner may take before a name


def _comparator_of(compared: Compared, ind: Indicator) -> str:
    """The comparator recorded: a count's fall by a range ("giảm bình quân 2 - 3%/năm số cặp
    tảo hôn") is a relative change of the count; a range without its top is an equality."""
    if compared.changes_by and ind.relative_only:
        return "relative"
    if compared.comparator == "range" and compared.value_high is None:
        return "="
    return compared.comparator


def _reviewed_year(reviewed: IssueYear) -> YearChoice:
    return YearChoice(reviewed.year, f"the year the document reviews ({reviewed.basis})")


def is_gap(low: str, unit_end: int, clause_end: int, markers: Sequence[str]) -> bool:
    """A number followed by a gap marker ("thấp hơn 5,25% so với chỉ tiêu", "vượt 3% kế hoạch",
    "giảm 0,8 điểm phần trăm") states a difference, not a value."""
    after = low[unit_end:min(clause_end, unit_end + 40)].lstrip(" ,")
    return any(after.startswith(m) and (len(after) == len(m) or not after[len(m)].isalnum())
               for m in markers)


def pair_segment(run: DocumentRun, seg: Segment, cleaned: str, found: Mentions,
                 statement: Statement,
                 cascades: Sequence[list[tuple[Mention, Indicator]]] = ()) -> None:
    """Read every number found in a segment's markup-blanked text into observations, and the
    steps of its cascade triples (cascades.py)."""
    low = lite(cleaned)
    if not cascades and not seg.table_unitless_ok \
            and not any(d.unit for d in found.mentions) \
            and not any(u.is_denominator for u in found.units) \
            and not run.vocab.verb_then_number_re.search(low) \
            and not run.vocab.respectively_re.search(low) \
            and not run.vocab.province_label_value_re.search(low):
        # no number carries a unit, follows a verb or a province's name, or closes a list
        return
    vocab = run.vocab
    keyed = vocab.segment_key(seg)
    aliases = []
    for m in vocab.alias_hits(keyed.key, run.chooser.skipped_names):
        s, e = keyed.span_in_text(m.start(1), m.end(1))
        if m.group(1) in vocab.elided_keys and not _ELIDED_OPENS_RE.search(low, 0, s):
            continue  # a name whose group is left out opens its list item ("…; được khám …")
        if not vocab.negated_re.search(low, max(0, s - NEGATION_REACH), s):
            aliases.append(AliasHit(s, e, m.group(1)))  # "chưa đạt chuẩn …": not that name
    ix = PairIndex(low, aliases, found.units, vocab, cleaned)
    # numbers inside an indicator's name are part of the name ("dưới 1 tuổi", ">= 25%")
    mentions = [d for d in found.mentions if not ix.in_alias(d.num_start)]
    mentions = join_ranges(vocab, mentions, low, cleaned)
    # dates and document numbers are masked: "ngày 26 tháng 5 năm 2020" sets no year
    phrases = year_phrases(vocab, found.masked_low)
    consumed = assign_own_years(mentions, phrases, low, vocab.year_link_re, vocab.rate_count_re,
                                vocab.actual_verb_re, vocab.count_joiners)
    ix.index_mentions(mentions, phrases, consumed)
    pairing = _SegmentPairing(run, seg, ix, statement)
    for d in mentions:
        pairing.read(d)
    for steps in cascades:
        pairing.read_cascade(steps)


_BLANKS_RE = re.compile(r"\s+")
# the provinces a value is told in turn to, when the list of them and of the values differ in
# length: one of them holds it, none can be told (_province_in_turn_after)
_UNTOLD = frozenset({"\0untold"})
# a proper name of one to four words right after a value's "là"
_NAME = r"(?P<name>[^\W\d_][^\W\d_]*(?:[ ][^\W\d_]+){0,3})"
_IS_NAME_AFTER_RE = re.compile(rf"\s*là\s+{_NAME}(?=\s*[(,;.]|\s+và\s)")
NAME_REACH = 40
NAME_WORDS = 4
# a sentence's opening label: its subgroup within this reach and these words, then ":" or ","
OPENING_REACH = 80
OPENING_WORDS = 5
_LABEL_CLOSE_RE = re.compile(r"\s*[:,]")
_PHRASE_END_RE = re.compile(r"[,;:.()]")  # where the words a number leads end
NEGATION_REACH = 16  # characters before a name where its negation stands
# words a name a number leads may go on with past a comma ("được khám, kiểm tra sức khỏe định
# kỳ", "được theo dõi, điều trị và phục hồi chức năng tại cộng đồng")
WORDS_PAST_A_COMMA = 10
_SPACES_RE = re.compile(r"\s*")
# the kinds of the two values of an "achieved/target" pair ("21%/20%", _pair_role)
_PAIR_KINDS = {"achieved": KindChoice("actual", "achieved, before its target ('a/b', 'a so với "
                                                 "kế hoạch b')"),
               "target": KindChoice("target", "target, after the value achieved ('a/b', 'a so "
                                              "với kế hoạch b')")}


class _Given(NamedTuple):
    """What is decided for a value before it is emitted: its year, its kind, and whether it
    is one of an achieved/target pair ("21%/20%")."""

    year: YearChoice | None = None
    kind: KindChoice | None = None
    paired: bool = False


def _given_for(role: str | None) -> _Given | None:
    """The kind a pair's role gives its value ("achieved", "target"), if it has one."""
    return None if role is None else _Given(kind=_PAIR_KINDS.get(role), paired=True)


class _SegmentPairing:
    """The numbers of one segment, read in text order."""

    def __init__(self, run: DocumentRun, seg: Segment, ix: PairIndex, statement: Statement):
        self.run, self.vocab, self.seg, self.ix = run, run.vocab, seg, ix
        self._marks: dict[str, list[int]] = {}  # starts of words found once (_marked)
        self._provinces: list[tuple[int, int, str]] | None = None  # _province_names
        self._definitions: list[tuple[int, int]] | None = None  # _defined
        # words between a value and the next that goes on with it, its unit unwritten
        self._carry_words = frozenset(w for p in (*run.vocab.continuation_words,
                                                   *run.vocab.baseline_to,
                                                   *run.vocab.next_place_words)
                                      for w in p.split())
        self._bound_words = frozenset(w for phrase, _cmp in run.vocab.cmp_before
                                      for w in phrase.split())
        # words between a value and one of an earlier year it is compared with ("1,51 con/phụ
        # nữ, tăng so với mức 1,45 của năm 2024")
        self._compared_words = self._carry_words | frozenset(
            w for p in (*run.vocab.compared_with, *run.vocab.rel_increase,
                        *run.vocab.rel_decrease, "mức") for w in p.split())
        self.low = ix.low
        self.statement = statement
        self.last_named: _LastNamed | None = None
        # every value named so far, by where it stands: a later sentence's anaphora ("con số
        # này lần lượt là …") takes the names of the sentence before's values
        self.named_at: list[tuple[int, Named]] = []
        # other provinces the text names as the value being read's, and whether it is the
        # page's province's too (_another_province_named)
        self.credited: tuple[str, ...] = ()
        self.own_value = True
        self._part_elsewhere: dict[int, bool] = {}  # _a_part_of_a_value_elsewhere, by start
        self._groups_own: dict[tuple[str, str, str], Indicator | None] = {}  # _group_s_own
        # words between a value and the next that spells out its indicator for the province
        province = run.vocab.catalog.provinces.get(run.doc.province_id)
        self._goal_opener_words = frozenset(w for p in run.vocab.goal_openers for w in p.split())
        self._goes_on_words = run.vocab.goes_on_words | (
            _name_words(province.name_vi) if province is not None else frozenset())

    def read(self, d: Mention) -> None:
        ix, seg = self.ix, self.seg
        self.credited, self.own_value = (), True
        clause = ix.clause_of(d.start)
        sentence = ix.sentence_of(d.start)
        # the unit of an indicator named right before the number ("a total fertility rate of
        # 1.6") before a "per N" elsewhere in its sentence ("42 beds for every 10,000 …")
        unit = d.unit or self._noun_unit(d, clause) or self._carried_unit(d) \
            or self._listed_unit(d, clause) or self._named_unit(d, clause) \
            or self._context_unit(clause, sentence) or self._pointed_back_unit(d)
        if unit is None and not seg.table_unitless_ok:
            return
        if self._a_count(d, clause) or self._not_the_provinces(d, clause) \
                or self._restates_the_value_before(d, clause):
            return
        role = self._pair_role(d, clause)
        if role == "unread":
            return
        if role == "target" and self.last_named is not None and self.last_named.end <= d.start:
            # "21%/20%": the target of the value before it, named with it
            last = self.last_named
            self._emit(d, clause, sentence, compare(self.vocab, d, self.low, clause, ix),
                       last.named, unit, None, _given_for(role))
            return
        compared, given = self._compared_level(d, clause, compare(
            self.vocab, d, self.low, clause, ix), _given_for(role))
        # a list item's label ("- Nông thôn: …"), else a subgroup its name holds
        subgroup = subgroup_right_after(self.vocab, self.low, d.unit_end) or subgroup_before(
            self.vocab, self.low, d.start) or subgroup_in_phrase(
            self.vocab, self.low, self._phrase_start(d, clause), d.start)
        # a change in percent applies to an indicator of any unit
        match_unit = None if (compared.a_change and unit == "percent") else unit
        named, unit, phrase = self._named_as_compared(d, (clause, sentence), (unit, match_unit),
                                                      compared, subgroup)
        if role == "achieved" and (named is None or self._joined_by_slash(d, clause)):
            # "đạt 93% so với kế hoạch giao 90% số người …", "có 7,3/6,2 bác sỹ/1 vạn dân": the
            # value reached is named as its target, which leads the name
            named = self._name_of_its_target(d, clause, unit, match_unit, subgroup) or named
        if self.statement.indicator_text is None or (named and not self.statement.is_mapped):
            self.statement.indicator_text = phrase
        if named is not None and not self._activity_share(d, named) \
                and not self._a_share_of_money(d, clause, named):
            group = self._a_groups_value(d, clause, named)
            # "96,5% học sinh, sinh viên Gia Lai tham gia bảo hiểm y tế": the group's own
            named = named if group is None else self._group_s_own(named, group)
        else:
            named = None
        if named is None or self._named_for_the_country(d, sentence, named):
            return
        previous = self.last_named
        self.named_at.append((d.start, named))
        # a name that follows its number ("75% người cao tuổi được …") ends the value there
        end = max(d.unit_end, named.end)
        # the group its words name, before it or, when it leads its name, after it
        group = subgroup or (subgroup_in_phrase(self.vocab, self.low, d.unit_end, named.end)
                             if named.start > d.start else None)
        self.last_named = _LastNamed(end, unit, named, named.start > d.start,
                                     frozenset(_LETTER_RUN_RE.findall(
                                         self.low, max(clause[0], end - ELLIPSIS_REACH), end)),
                                     compared.comparator == "relative", group)
        if not self._a_change_not_its_value(d, (clause, sentence), compared, unit, named,
                                            previous):
            self._emit_each(d, (clause, sentence), compared, named, (unit, subgroup), phrase,
                            given)

    def _emit_each(self, d: Mention, spans: tuple[Span, Span], compared: Compared,
                   named: Named, unit_group: tuple[str | None, str | None], phrase: str | None,
                   given: _Given | None) -> None:
        """The value for its indicator, and for one more a joined subject names with it."""
        clause, sentence = spans
        unit, subgroup = unit_group
        self._emit(d, clause, sentence, compared, named, unit, phrase, given)
        also = self._named_with(named, clause, unit, subgroup)
        if also is not None:
            self._emit(d, clause, sentence, compared, also, unit, phrase, given)

    def _named_with(self, named: Named, clause: Span, unit: str | None, subgroup: str | None
                    ) -> Named | None:
        """"trên 80% bà mẹ mang thai và trẻ sơ sinh được tầm soát", "prenatal and newborn
        screening rate at over 80 percent": a subject joined by "và"/"and" right before the
        name, that makes another indicator's name with the name's words after its own subject
        ("bà mẹ mang thai được tầm soát", "prenatal screening"), and that names nothing itself,
        shares the one value."""
        if named.start >= named.end or named.method != "alias":
            return None
        joiner = self.vocab.joined_before_re.search(
            self.low, max(clause[0], named.start - JOINED_REACH), named.start)
        if joiner is None or joiner.end() != named.start \
                or self.ix.any_alias_before(joiner.end(), joiner.start("words")) \
                or self.vocab.group_in(self.low, joiner.start("words"), joiner.end()):
            # "the number of doctors and hospital beds …": two names, in turn; "501 trường có
            # nguồn nước và nhà tiêu hợp vệ sinh": a population group's own
            return None
        words = joiner.group("words").split()
        name = self.low[named.start:named.end].split()
        for n in range(1, len(words) + 1):
            for k in range(1, len(name)):
                key = self.vocab.key(" ".join(words[-n:] + name[k:])).key
                if key not in self.vocab.alias_targets:
                    continue
                ind = self.run.chooser.choose_for_alias(key, unit, subgroup, False)
                if ind is not None and ind.id != named.indicator.id:
                    return Named(ind, joiner.start("words"), named.end)
        return None

    def _a_change_not_its_value(self, d: Mention, spans: tuple[Span, Span], compared: Compared,
                                unit: str | None, named: Named, previous: _LastNamed | None
                                ) -> bool:
        """A change on an earlier period of a rate ("giảm 0,5% so với cùng kỳ": a count's is
        its value), a difference of two values, or the change of a count a name's rate is not."""
        clause, sentence = spans
        if self._a_period_change(d, clause) and not named.indicator.relative_only:
            return True
        return _a_difference_of(compared, previous, named, sentence) \
            or self._changes_a_count(d, sentence, compared, unit, named)

    def _changes_a_count(self, d: Mention, sentence: Span, compared: Compared,
                         unit: str | None, named: Named) -> bool:
        """"tham gia BHYT là 1.164.298 người, đạt 100,14% kế hoạch năm, tăng 3,91%", "1.817
        ca mắc sốt xuất huyết, tăng 14,6%": a change in percent after a count of what its
        name names, with no value in its indicator's unit between them (a share of the plan
        is none), changes the count, not the indicator's rate ("… là 1.809 trẻ, chiếm 14%,
        tăng 3,76%" and "… 927,500 people, the sex ratio at birth increased by 1.7%" do)."""
        if compared.comparator != "relative" or unit != "percent" \
                or named.indicator.relative_only:
            return False  # a count's own indicator takes the change as its value
        pos, versus = d.start, self.vocab.versus_plan_re
        while (before := self.ix.mention_before(sentence[0], pos)) is not None:
            if before.unit is None:
                noun = self._count_noun_after(before)
                # a count noun with no "per N" after it ("1.817 ca", not "20 người trên
                # 100.000 dân"), of what the name before it or right after its noun names
                return noun is not None and self._noun_unit(
                    before, self.ix.clause_of(before.start)) is None and (
                    named.start < before.start or _COUNTED_NAME_RE.fullmatch(
                        self.low, noun.end(), max(noun.end(), named.start)) is not None)
            if before.unit == named.indicator.unit \
                    and not versus.match(self.low, before.unit_end):
                return False
            pos = before.start
        return False

    def _named_as_compared(self, d: Mention, spans: tuple[Span, Span],
                           units: tuple[str | None, str | None], compared: Compared,
                           subgroup: str | None
                           ) -> tuple[Named | None, str | None, str | None]:
        """(indicator, unit, phrase) of a number, named in match_unit (`units`: its unit and
        the one to match); a change by a range naming no count by its alias ("hàng năm giảm
        5-10% trẻ em tử vong …") may be the change itself, an indicator in percent named
        loosely."""
        (clause, sentence), (unit, match_unit) = spans, units
        found = self._named_of_group(d, clause, sentence, unit, match_unit, subgroup)
        if found[0] is None and compared.changes_by and match_unit is None:
            found = self._named_of_group(d, clause, sentence, unit, unit, subgroup)
        return found

    def read_cascade(self, steps: Sequence[tuple[Mention, Indicator]]) -> None:
        """A cascade triple ("đạt 94-92-99"), each number's indicator given by its place, all
        three of the kind and year its first number has (a verb of reaching right before it
        makes them values reached); a step its segment spells out as well is read once."""
        first = steps[0][0]
        clause, sentence = self.ix.clause_of(first.start), self.ix.sentence_of(first.start)
        self.credited, self.own_value = (), True
        if self._not_the_provinces(first, clause):
            return
        year = year_for(self.run, first, self.ix, sentence, clause, self.seg)
        verb = verb_before(self.vocab.actual_verb_re, self.low, clause[0], first.start)
        kind = KindChoice("actual", f"'{verb}' before a cascade's values") if verb else None
        if kind is not None and year.basis.startswith(HORIZON_BASIS):
            # "has so far achieved 73-75-96 …, compared to the 90-90-90 target": what was
            # reached is not of the year a goal is set for
            year = YearChoice(None, "not stated (values reached; the goal's year is not theirs)")
        told = {(o.indicator_id, o.value, o.line) for o in self.run.recorder.out.observations}
        for d, indicator in steps:
            if (indicator.id, d.value, self.seg.locate(d.num_start)[0]) in told:
                continue  # spelled out as well ("…, trong đó 99% người điều trị ARV đạt …")
            named = Named(indicator, d.start, d.end, "cascade", None)
            self._emit(d, clause, sentence, Compared("=", d.value, None, None), named,
                       "percent", self.low[first.start:steps[-1][0].end], _Given(year, kind))

    def _phrase_start(self, d: Mention, clause: Span) -> int:
        """Where the words leading to a number start: after the number before it, unless that
        one is an age its phrase names ("tiêm mũi 3 cho người từ 12 - 17 tuổi đạt 36,8%")."""
        before = self.ix.mention_before(clause[0], d.start)
        if before is not None and before.unit == "years" and d.unit != "years":
            return self.ix.mention_end_before(clause[0], before.start)
        return self.ix.mention_end_before(clause[0], d.start)

    def _named_of_group(self, d: Mention, clause: Span, sentence: Span, unit: str | None,
                        match_unit: str | None, subgroup: str | None
                        ) -> tuple[Named | None, str | None, str | None]:
        """(the indicator named, the unit, the phrase), the subgroup named beside the number
        first, else one its phrase names after it, the sentence's or the document's."""
        named, unit, phrase = self._name(d, clause, unit, match_unit, subgroup)
        after = None if named is not None or subgroup is not None else subgroup_in_phrase(
            self.vocab, self.low, d.unit_end, self.ix.next_mention_start(d.end, clause[1]))
        if after is not None:
            # "63,5% hộ dân nông thôn sử dụng nước sạch": the number leads its phrase, and the
            # subgroup stands in it after the number
            return self._name(d, clause, unit, match_unit, after)
        # the clause, the part of the sentence after its last colon or semicolon, the sentence
        parts = (clause[0], max(self.low.rfind(":", sentence[0], d.start),
                                self.low.rfind(";", sentence[0], d.start)) + 1, sentence[0])
        regarding = self._regarding_subgroup(*parts) \
            if named is None and subgroup is None else None
        if regarding is not None:
            # "Đối với nam 18 tuổi đạt chiều cao trung bình 167cm": the clause (or its
            # sentence) opens by naming the group its values are about
            found = self._name(d, clause, unit, match_unit, regarding)
            return found if found[0] is not None else (
                self._named_again_for(regarding, match_unit, clause, d), unit, found[2])
        if named is None and subgroup is None and self.run.title_subgroup is not None:
            # "Tỷ lệ hộ gia đình có nhà tiêu hợp vệ sinh" in "… Vệ sinh môi trường nông thôn":
            # the subgroup the whole document is about
            return self._name(d, clause, unit, match_unit, self.run.title_subgroup)
        if named is not None and subgroup is None:
            return self._sentence_subgroup_s(d, clause, sentence, match_unit,
                                             (named, unit, phrase))
        if named is None and subgroup is not None:
            named = self._named_again_for(subgroup, match_unit, clause, d)
        return named, unit, phrase

    def _sentence_subgroup_s(self, d: Mention, clause: Span, sentence: Span,
                             match_unit: str | None,
                             found: tuple[Named, str | None, str | None]
                             ) -> tuple[Named | None, str | None, str | None]:
        """A subgroup named in the number's phrase after it ("đạt trên 15,7% trẻ từ 5 – dưới
        12 tuổi"), else one the sentence opens with as a label closed by a colon or comma
        ("Nhóm tuổi từ 12 đến 17 tuổi: tiêm mũi 1 đạt 100%, mũi 2 đạt 99,7%"), is the value's
        when its name has an indicator of that subgroup; else `found` (the whole population's)
        stands."""
        phrase_end = _PHRASE_END_RE.search(self.low, d.unit_end, clause[1])
        for carried in (subgroup_in_phrase(self.vocab, self.low, d.unit_end,
                                           phrase_end.start() if phrase_end else clause[1]),
                        self._opening_subgroup(sentence[0], d.start),
                        self._elided_item_s_group(d, sentence, found[0]),
                        self._group_of_the_whole(d, sentence)):
            if carried is None:
                continue
            again = self._name(d, clause, found[1], match_unit, carried)
            if again[0] is not None and again[0].indicator.subgroup == carried:
                return again
        return found

    def _group_of_the_whole(self, d: Mention, sentence: Span) -> str | None:
        """"84% dân số nông thôn … sử dụng nước hợp vệ sinh, trong đó 32% dân số được sử dụng
        nước sạch": a part (after a part word) of a value its words gave a group is of that
        group too."""
        last = self.last_named
        if last is None or last.subgroup is None or not sentence[0] <= last.end <= d.start:
            return None
        lead = self.vocab.part_lead_re.search(self.low, last.end, d.start)
        return last.subgroup if lead is not None else None

    def _elided_item_s_group(self, d: Mention, sentence: Span, named: Named) -> str | None:
        """"mũi 1 cho trẻ từ 5 - 11 tuổi đạt 80,6%, mũi 2 đạt 59,7%": an item of a few words
        right after a value of a subgroup, in the same part of its sentence (no semicolon
        between), goes on about that subgroup; not one whose name follows the number ("…,
        while 85.6 percent of poor households") or is only a loose match."""
        last = self.last_named
        if last is None or last.named.indicator.subgroup is None or named.method != "alias" \
                or named.end > d.start or not (
                sentence[0] <= last.end <= d.start) or ";" in self.low[last.end:d.start]:
            return None
        words = _LETTER_RUN_RE.findall(self.low, last.end, d.start)
        return last.named.indicator.subgroup if len(words) <= ELIDED_ITEM_WORDS else None

    def _named_again_for(self, subgroup: str, unit: str | None, clause: Span, d: Mention
                         ) -> Named | None:
        """"Đối với nam … đạt chiều cao trung bình 167,5cm; đối với nữ … đạt 156,5cm": a
        clause about another group than the last value's, naming nothing but its group before
        the number, takes the last value's name for its own group, when the catalogue has that
        name's indicator of the group."""
        last = self.last_named
        if last is None or last.unit != unit or last.named.indicator.subgroup in (None, subgroup) \
                or not self._names_only_its_group(clause[0], d.start):
            return None
        hit = next((h for h in self.ix.aliases_in(last.named.start, last.named.end)
                    if (h.start, h.end) == (last.named.start, last.named.end)), None)
        ind = self.run.chooser.choose_for_alias(hit.key, unit, subgroup, False) \
            if hit is not None else None
        return Named(ind, last.named.start, last.named.end) \
            if ind is not None and ind.subgroup == subgroup else None

    def _names_only_its_group(self, lo: int, hi: int) -> bool:
        """Are the words in [lo, hi) a group's label, a regarding word, years and at most
        GROUP_CLAUSE_WORDS others ("đối với nữ năm 2025 đạt")?"""
        words = _LETTER_RUN_RE.findall(self.vocab.year_phrase_re.sub(" ", self.low[lo:hi]))
        own = [w for w in words if w not in self.vocab.subgroup_words
               and w not in self.vocab.regarding_words]
        return len(own) <= GROUP_CLAUSE_WORDS

    def _regarding_subgroup(self, *starts: int) -> str | None:
        """The subgroup right after a word opening a clause or sentence about one group
        ("Đối với nữ 18 tuổi …", vocabulary `regarding_words`), tried at each start."""
        for lo in starts:
            opener = self.vocab.regarding_re.match(self.low, lo)
            group = self.vocab.subgroup_re.match(self.low, opener.end()) if opener else None
            if group is not None and self.vocab.subgroup_of(group) is not None:
                return self.vocab.subgroup_of(group)
        return None

    def _opening_subgroup(self, lo: int, pos: int) -> str | None:
        """The subgroup a sentence starting at lo opens with ("Đối với trẻ em từ 5 đến dưới 12
        tuổi, …"), or a heading's colon before it: named within the first words and closed by
        a colon or a comma."""
        for m in self.vocab.subgroup_re.finditer(self.low, lo, min(pos, lo + OPENING_REACH)):
            opens = self.low.rfind(":", lo, m.start()) + 1 or lo
            if _LABEL_CLOSE_RE.match(self.low, m.end()) is not None \
                    and len(self.low[opens:m.start()].split()) <= OPENING_WORDS:
                return self.vocab.subgroup_of(m)
        return None

    def _pair_role(self, d: Mention, clause: Span) -> str | None:
        """"Tỷ lệ suy dinh dưỡng … là 21%/20%" in a document reviewing results: the first of
        two percentages joined by "/" is the value achieved ("achieved"), the second its target
        ("target"); in another document the second is not read ("unread"); None for any
        other number. So too a value reached and the plan's value after it ("đạt 93% so với
        kế hoạch giao 90%"), in any document."""
        before = self.ix.mention_before(clause[0], d.start)
        versus = self.vocab.versus_plan_re
        if before is not None and before.unit == d.unit \
                and versus.fullmatch(self.low, before.unit_end, d.start):
            return "target"
        nxt = self.ix.mention_after(d.end, clause[1])
        if nxt is not None and nxt.unit == d.unit \
                and versus.fullmatch(self.low, d.unit_end, nxt.start):
            return "achieved"
        # (two values joined by "/" are percentages, or a first with a decimal part: "đạt
        # 30,16/30", numbers.VALUE_PAIR_RE)
        if before is not None and before.unit == d.unit \
                and self.low[before.unit_end:d.start].strip() == "/":
            # elsewhere what a second value means is not said ("nam/nữ"?): not read
            return "target" if self.run.reviews else "unread"
        if self.run.reviews and nxt is not None and nxt.unit == d.unit \
                and self.low[d.unit_end:nxt.start].strip() == "/":
            return "achieved"
        return None

    def _name(self, d: Mention, clause: Span, unit: str | None, match_unit: str | None,
              subgroup: str | None) -> tuple[Named | None, str | None, str | None]:
        """(the indicator named, the unit, the indicator phrase as written)."""
        seg = self.seg
        wildcard = match_unit is None and unit is not None
        # a name the number before led is that number's, not this one's
        table = seg.table_unitless_ok or wildcard
        turn = self._named_in_turn(d, clause, match_unit, table)
        if turn is not None and turn.final:
            return turn.named, unit, indicator_phrase(self.vocab, seg, d, self.ix, clause,
                                                      turn.named)
        named, unit = self._named_near(d, clause, unit, match_unit, subgroup, table)
        named = self._rate_of_its_per_n(named, subgroup)
        phrase = indicator_phrase(self.vocab, seg, d, self.ix, clause, named)
        if named is not None and named.method == "alias":
            named = self._longer_name(named, phrase, d, unit, match_unit, subgroup)
        if named is None and match_unit == "percent" and not self._a_share(d):
            # a rate named exactly but typed with "%" before any loose name of a share
            named = self._percent_for_a_rate(d, clause, subgroup)
            unit = named.indicator.unit if named is not None else unit
        if named is None and d.unit is not None and match_unit is not None:
            # a fuzzy name only for a number that states its own unit, which must be the
            # indicator's: a loose phrase match never decides the unit as well
            named = fuzzy_named(self.vocab, phrase, match_unit, subgroup)
            after = phrase_after(self.vocab, seg, d, self.ix, clause) if named is None else None
            if after is not None and after != phrase:
                # "toàn tỉnh đã có 80% trạm y tế đã có bác sĩ": the number leads its name
                named = fuzzy_named(self.vocab, after, match_unit, subgroup,
                                    after_phrase_share(after))
                phrase = after if named is not None else phrase
                named, phrase = (named, phrase) if named is not None else \
                    self._done_for_the_group(phrase, after, match_unit, subgroup)
            if named is None and after is not None:
                named, phrase = self._named_past_commas(d, clause, match_unit, subgroup, phrase)
            sentence = self.ix.sentence_of(d.start)
            item = None if named is not None else (
                list_item_named(self.vocab, self.ix, d, sentence, subgroup)
                or count_share_named(self.vocab, self.ix, d, clause, sentence, subgroup)
                or head_borrowed_named(self.vocab, self.ix, d, clause, sentence, subgroup,
                                       self.last_named.named.indicator
                                       if self.last_named is not None else None))
            if item is not None:
                named, phrase = item
            if named is None:
                named = self._elliptic(d, clause, unit) or self._elaborated(
                    d, match_unit, subgroup) or unit_named(self.vocab, d.unit, subgroup)
        named = self._a_subgroup_s_part(d, unit, subgroup) or self._continued(d, clause, unit) \
            or named or self._pointed_back(d, unit) or self._target_named_back(d, clause, unit)
        if named is None and d.unit is None:
            named = self._province_item_name(d)
        return (None if turn is not None and named is not None
                and named.indicator.id in turn.others else named), unit, phrase

    def _named_past_commas(self, d: Mention, clause: Span, unit: str, subgroup: str | None,
                           phrase: str | None) -> tuple[Named | None, str | None]:
        """"trên 90% NCT được khám, kiểm tra sức khỏe định kỳ": the name a number leads may go
        on past a comma (verbs sharing their object), up to the next number."""
        longer = phrase_after(self.vocab, self.seg, d, self.ix, clause, past_commas=True)
        if longer is None or longer == phrase:
            return None, phrase
        # "… chiếm 60,3% tổng dân số, trong khi đó tỷ lệ người …": past a contrast word, or
        # many words past the comma, the next clause has its own subject
        added = longer.split(",", 1)[-1]
        if self.vocab.contrast_re.search(lite(added)) \
                or len(added.split()) > WORDS_PAST_A_COMMA:
            return None, phrase
        named = fuzzy_named(self.vocab, longer, unit, subgroup, after_phrase_share(longer))
        return (named, longer) if named is not None else (None, phrase)

    def _rate_of_its_per_n(self, named: Named | None, subgroup: str | None) -> Named | None:
        """"giảm 10% ca mắc sốt xuất huyết/100.000 dân": a name a count shares with a rate,
        written with the rate's "per N", is the rate's."""
        if named is None or not named.indicator.relative_only:
            return named
        per = self.ix.first_denominator(named.end, named.end + 2)
        key = self.vocab.key(self.low[named.start:named.end]).key
        if per is None or key not in self.vocab.alias_targets:
            return named
        rate = self.run.chooser.choose_for_alias(key, per, subgroup, False)
        return named if rate is None else Named(rate, named.start, named.end)

    def _named_near(self, d: Mention, clause: Span, unit: str | None, match_unit: str | None,
                    subgroup: str | None, table: bool) -> tuple[Named | None, str | None]:
        """The catalogue name nearest the number in its clause (pick_indicator), or the label
        a unitless number follows; for an earlier value's name its range refuses, the
        activity and group around the number, when they name an indicator."""
        last = self.last_named
        taken = last.named if last is not None and last.led else None
        named = pick_indicator(self.run.chooser, d, self.ix, clause, match_unit, subgroup,
                               table=table, taken=taken)
        if d.unit is None and not self.seg.table_unitless_ok:
            named, unit = self._label_then_value(d, clause, subgroup, named, unit)
        if named is not None and self._an_earlier_value_s_misfit(d, clause, named):
            # its own words: what is done (before it) for the group named after it
            after = phrase_after(self.vocab, self.seg, d, self.ix, clause)
            if after is not None:
                own, _ = self._done_for_the_group(
                    indicator_phrase(self.vocab, self.seg, d, self.ix, clause, None), after,
                    named.indicator.unit, subgroup)
                named = own or named
        return named, unit

    def _an_earlier_value_s_misfit(self, d: Mention, clause: Span, named: Named) -> bool:
        """"reduce the third child birth rate by 0.15% year-on-year, provide regular health
        check to 88% of the elderly": a name before another value of the clause is that
        value's; carried past it to a value its plausible range refuses, it is no name of
        this one."""
        before = self.ix.mention_before(clause[0], d.start)
        ind = named.indicator
        if before is None or named.method != "alias" or named.end > before.start \
                or d.unit != ind.unit:
            return False
        return quarantine_reason(ind, d.value, d.value_high, "=", ind.unit, d.text) is not None

    def _done_for_the_group(self, before: str | None, after: str, unit: str,
                            subgroup: str | None) -> tuple[Named | None, str | None]:
        """"provide regular health check to 88% of the elderly", "khám sức khỏe định kỳ cho
        88% người cao tuổi": what is done (before the number, ending in a word such as "to")
        for the group named after it, read together as one name."""
        link = self.vocab.activity_link_re.search(lite(before or ""))
        if link is None:
            return None, before
        both = f"{before[:link.start()].rstrip()} {after}"
        named = fuzzy_named(self.vocab, both, unit, subgroup)
        return (named, both) if named is not None else (None, before)

    def _named_in_turn(self, d: Mention, clause: Span, match_unit: str | None, table: bool
                       ) -> ItemName | None:
        """The name a list told in turn gives the number (`final`), or the names of its other
        items, which the number may not take ("sâu răng và cận thị lần lượt là 55% và 54%":
        54% is not caries); None: no such list."""
        sentence = self.ix.sentence_of(d.start)
        before = self.ix.sentence_of(sentence[0] - 1) if sentence[0] > 0 else (0, 0)
        # (named_at is in text order: the numbers are read in turn)
        at = self.named_at
        earlier = [n for _pos, n in at[bisect_left(at, before[0], key=itemgetter(0)):
                                      bisect_left(at, before[1], key=itemgetter(0))]]
        in_turn = respectively_named(self.run.chooser, d, self.ix, sentence, match_unit, table,
                                     earlier) \
            or paired_in_turn(self.run.chooser, d, self.ix, clause, match_unit, table)
        if in_turn is not None:
            return ItemName(in_turn, True)
        if self._told_to_provinces(d, sentence) is not None:
            return None  # the items are the provinces the values go to: they name nothing
        item = turn_item(self.vocab, self.ix, d, sentence)
        return None if item is None else item_named(self.run.chooser, self.ix, item, sentence,
                                                    match_unit, table)

    def _wider_name(self, named: Named, phrase: str, unit: str, subgroup: str | None
                    ) -> Named | None:
        """A longer name of another indicator whose words the number's phrase all holds
        around the alias found, words inserted ("tỷ lệ bà mẹ sau sinh trong vòng 1 tháng được
        uống vitamin A": the mothers' supplement, not the children's "được uống vitamin A")."""
        alias_key = self.vocab.key(self.low[named.start:named.end]).key
        phrase_key = self.vocab.key(phrase).key
        if len(phrase_key.split()) < len(alias_key.split()) + WIDER_MIN_EXTRA:
            return None
        # a subgroup the phrase names stays named ("người dân nông thôn trên toàn tỉnh sử dụng
        # nước sạch" is the rural share, not "người dân toàn tỉnh sử dụng nước sạch")
        named_groups = [g for g in self.vocab.subgroup_keys if f" {g} " in f" {phrase_key} "]
        for key in self.vocab.fuzzy.wider(phrase_key, alias_key):
            if any(f" {g} " not in f" {key} " for g in named_groups):
                continue
            ind = self.run.chooser.choose_for_alias(key, unit, subgroup, False)
            if ind is not None and ind.id != named.indicator.id:
                return named._replace(indicator=ind)
        return None

    def _longer_name(self, named: Named, phrase: str | None, d: Mention, unit: str | None,
                     match_unit: str | None, subgroup: str | None) -> Named:
        """The longer name an alias found stands in: one the phrase holds around it
        (_wider_name), else the one it goes on with (_narrower_named_before)."""
        if phrase and match_unit and named.end <= d.start \
                and not PHRASE_BREAK_RE.search(self.low, named.end, d.start):
            # (only a name right before its number: one set apart by a comma may be another
            # item's, "100% số trạm y tế … bảo hiểm y tế …, thực hiện được tối thiểu 90% …")
            wider = self._wider_name(named, phrase, match_unit, subgroup)
            if wider is not None:
                return wider
        return self._narrower_named_before(named, d, unit) or named

    def _narrower_named_before(self, named: Named, d: Mention, unit: str | None
                               ) -> Named | None:
        """"Tỷ lệ nhiễm HIV trong nhóm PNMD giảm … còn 2,6%. Tỷ lệ nhiễm HIV còn cao tại Hà
        Nội (22,5%)": a name said short, whose value it cannot hold, goes on with the longer
        name of the value before it that holds its words, when the value fits that one."""
        last = self.last_named
        if last is None or last.named.method != "alias" \
                or last.named.indicator.id == named.indicator.id \
                or last.named.indicator.unit != (unit or named.indicator.unit) \
                or holds_value(named.indicator, d.value) \
                or not holds_value(last.named.indicator, d.value):
            return None
        short = self.vocab.key(self.low[named.start:named.end]).key
        longer = self.vocab.key(self.low[last.named.start:last.named.end]).key
        # (the longer name as found, not one its value was read into: "HI premium … 70%")
        own = last.named.indicator in self.vocab.alias_targets.get(longer, ())
        return named._replace(indicator=last.named.indicator) \
            if own and f" {short} " in f" {longer} " else None

    def _a_share(self, d: Mention) -> bool:
        """Whether a share verb leads the number ("làm nông nghiệp (chiếm 94,3%)", "accounting
        for 10.5 percent"), only words and brackets between them."""
        lo = max(0, d.start - SHARE_VERB_REACH)
        ends = [m.end() for m in self.vocab.share_verb_re.finditer(self.low, lo, d.start)]
        return bool(ends) and not _SHARE_GAP_STOP_RE.search(self.low, ends[-1], d.start)

    def _percent_for_a_rate(self, d: Mention, clause: Span, subgroup: str | None
                            ) -> Named | None:
        """"tỷ suất sinh giảm từ 18,14% năm 2009 xuống còn 17,4%", "số giường bệnh trên
        10.000 dân đạt 29,3%": a "%" typed for the unit of the one indicator named, a rate per
        N of the population, is read in that unit when the value is plausible so (the share
        it would be is none of the indicator's); the value as written keeps its "%"."""
        units = self.vocab.catalog.units
        for unit in (u for u in units if u != "percent"
                     and units[u].dimension == units["percent"].dimension):
            named = pick_indicator(self.run.chooser, d, self.ix, clause, unit, subgroup,
                                   table=False)
            plausible = named.indicator.plausible if named is not None else None
            if named is not None and named.indicator.unit == unit and plausible is not None \
                    and plausible[0] <= d.value <= plausible[1] \
                    and not self._a_share_of_the_counted(d, named):
                return named
        return None

    def _a_share_of_the_counted(self, d: Mention, named: Named) -> bool:
        """"Tỷ lệ bác sĩ có trình độ sau đại học đạt 45%", "số người nhiễm HIV … tập trung ở
        nhóm tuổi lao động với 63%": a "%" after the name of what a rate counts (it opens with
        counted_names), no "per N" unit in it or up to the number ("bác sĩ/10.000 dân"), is a
        share of them, not a rate per N people. So is a "%" before the name it leads ("60
        percent of mothers continue to nurse …"), unless a "per N" follows it in the name."""
        if named.start >= d.end:
            return d.unit == "percent" and self.ix.first_denominator(d.end, named.end) is None
        if named.end > d.start or not self.vocab.counted_name_re.match(self.low, named.start):
            return False
        return self.ix.first_denominator(named.start, d.start) is None

    def _start_year(self, d: Mention, clause: Span, year: YearChoice) -> YearChoice:
        """"(2020-2025 …) decreased from 2.63 children to 2.49 children (in 2024)": the start
        of a change precedes its end, so a year the context gives it (not its own) that is
        not before the end's is not its year."""
        if year.year is None or year.basis == "own phrase":
            return year
        end = change_end_year(self.vocab, d, clause, self.ix)
        return YearChoice(None, f"not stated: the start of a change that ends in {end}") \
            if end is not None and year.year >= end else year

    def _emit(self, d: Mention, clause: Span, sentence: Span, compared: Compared, named: Named,
              unit: str | None, phrase: str | None, given: _Given | None = None) -> None:
        run, seg, ind = self.run, self.seg, named.indicator
        given = given or _Given()
        year = given.year or year_for(run, d, self.ix, sentence, clause, seg)
        if given.paired and year.year is None and run.reviewed is not None:
            # "Kết quả thực hiện các chỉ tiêu … nhiệm kỳ 2010-2015": a value achieved and its
            # target are the reviewed period's
            year = _reviewed_year(run.reviewed)
        kind = given.kind or kind_for(run, d, self.low, clause, self.ix, seg, year)
        if kind.kind == "baseline":
            year = self._start_year(d, clause, year)
        comparator = _comparator_of(compared, ind)
        if comparator == "relative" and kind.kind == "actual" and not ind.relative_only:
            # a change reported as happened: a difference between two actuals, not coded as a
            # value (docs/method.md, step 5); a count's change is its only value
            return
        if year.year is None and kind.kind == "actual" and run.reviewed is not None:
            # "kết quả thực hiện Bộ chỉ số … năm 2021": an undated result is the reviewed year's
            year = _reviewed_year(run.reviewed)
        elif year.year is None and kind.kind == "actual" and run.source_year is not None:
            # "GSO has released the 2023 Statistical Yearbook …": the figures it reports
            year = YearChoice(run.source_year.year, run.source_year.basis)
        line_no, _line_text, _col = seg.locate(d.num_start)
        value = PairedValue(ind, kind.kind, year.year, comparator, compared.value,
                            compared.value_high, unit or ind.unit,
                            compared.relative_to if comparator == "relative" else None,
                            line_no, d.text)
        basis = Basis(phrase, named.method, named.score, kind.basis, year.basis)
        if len(self.credited) + self.own_value > 1 and (
                comparator != "=" or not self._labelled_by_the_group(d, clause)):
            # "5 tỉnh … là: …, Tây Ninh, … (TFR từ 1,43 đến 1,60)", "… Ca Mau and Vinh Long,
            # ranging from 1.43 to 1.6": the span of the provinces listed, or a threshold
            # ("Vĩnh Long cùng … trên 50%"), none's own value
            return
        if self.own_value:
            run.recorder.emit(value, self.statement, basis)
        for other in self.credited:
            province = run.province_as_of(other, year.year)
            run.recorder.emit(value._replace(province_id=province), self.statement, basis)

    def _labelled_by_the_group(self, d: Mention, clause: Span) -> bool:
        """Whether the provinces named for one value label it alone in a list of provinces'
        values ("Kon Tum 66,8 tuổi; Hà Giang, Điện Biên là 67,8 tuổi và Quảng Trị 68,2"): all
        of them named after the number before it in its clause, and the number after it, if
        any, labelled by a province of its own."""
        before = self.ix.mention_before(clause[0], d.start)
        if before is not None and self.vocab.place_anaphora_re.match(self.low, before.start):
            before = None  # "Ở 3 địa phương này, …": the count of the places pointed back to
        names = [n for n in self._province_names()
                 if (before.unit_end if before else clause[0]) <= n[0] < d.start]
        if before is not None and len(names) < len(self.credited) + self.own_value:
            return False
        nxt = self.ix.mention_after(d.end, clause[1])
        return nxt is None or any(d.unit_end <= n[0] < nxt.start for n in self._province_names())

    def _joined_by_slash(self, d: Mention, clause: Span) -> bool:
        nxt = self.ix.mention_after(d.end, clause[1])
        return nxt is not None and self.low[d.unit_end:nxt.start].strip() == "/"

    def _name_of_its_target(self, d: Mention, clause: Span, unit: str | None,
                            match_unit: str | None, subgroup: str | None) -> Named | None:
        """"đạt 93% so với mục tiêu 95% số người nhiễm HIV biết …": a value achieved, named
        only after its target, is named by the target's name."""
        target = self.ix.mention_after(d.end, clause[1])
        if target is None:
            return None
        return self._name(target, self.ix.clause_of(target.start), unit, match_unit, subgroup)[0]

    def _elliptic(self, d: Mention, clause: Span, unit: str | None) -> Named | None:
        """"năm 2022, … 1,760 triệu người tham gia bảo hiểm y tế (độ bao phủ chiếm 92% dân
        số); năm 2023 đạt 1,776 triệu người tham gia (chiếm 92,75% dân số)": a clause that
        repeats words of the clause before, leaving the name out, is about the same indicator
        in the same unit (each of its words stands in that clause, two at least)."""
        last = self.last_named
        if last is None or last.unit != unit or last.end > d.start:
            return None
        lo = clause[0]
        if d.start - lo > ELLIPSIS_REACH:
            return None  # a long clause names what it is about
        # the words of a bound ("ít nhất 50% người trưởng thành") name nothing
        words = set(_LETTER_RUN_RE.findall(self.low, lo, d.start)) - self._carry_words \
            - self._bound_words
        return last.named if len(words) >= 2 and words <= last.words else None

    def _carried_unit(self, d: Mention) -> str | None:
        """The unit of the value before, for a number that only goes on with it ("từ 1,33
        con/phụ nữ lên 1,4 vào năm 2025 và 1,6 vào năm 2030"): nothing between them but years,
        "và" and the words that end a change."""
        last = self.last_named
        if last is None or last.unit is None or last.end > d.start:
            return None
        between = self.low[last.end:d.start]
        if self.vocab.anaphora_re.search(between):
            # "… là 1,7 con/phụ nữ. Tỷ lệ này ở TP.HCM là 1,45": the value pointed back to
            # gives its unit, in the place named
            between = self.vocab.subgroup_link_re.sub(" ", self.vocab.anaphora_re.sub(
                " ", between))
        if self._told_in_turn_right_after(d, last.end):
            return last.unit  # "70 tuổi, lần lượt là 69,9, 69,8 và 69,7": in the same unit
        noun = self._shared_count_noun(d, last.end)
        if noun:
            between = between.replace(noun, " ", 1)  # "15 doctors by 2015 and 20 doctors"
        allowed = self._carry_words if d.own_year is None else self._compared_words
        between = self._contrast_in_time(between)
        # a word must lead it on: "42,5%[1]" is a footnote marker, not a value; the provinces
        # a value is named for may ("Tây Ninh 1,52 con/phụ nữ; Cần Thơ 1,55")
        # "Tay Ninh (merging Long An and Tay Ninh) follows at 1.52": a remark on the province
        return last.unit if (_LETTER_RUN_RE.search(between) and self._only_year_words(
            self.vocab.province_name_re.sub(" ", _REMARK_RE.sub(" ", between)), allowed)) \
            else None

    def _contrast_in_time(self, between: str) -> str:
        """`between` without its contrast words when it names a time ("1,51 con trong khi năm
        ngoái 1,45", "while in 2024 it was …"): the same measure at another time goes on."""
        if self.vocab.relative_year_re.search(between) is None \
                and self.vocab.year_phrase_re.search(between) is None:
            return between
        return self.vocab.contrast_re.sub(" ", between)

    def _told_in_turn_right_after(self, d: Mention, last_end: int) -> bool:
        """Whether the number is one of a list told in turn ("lần lượt là 69,9, 69,8 và
        69,7") right after the value ending at last_end: the list's first after its word, the
        others after the one before."""
        told = values_told_in_turn(self.vocab, self.ix, d, self.ix.sentence_of(d.start))
        if told is None or len(told[1]) < 2:
            return False
        if told[1].index(d.start) > 0:
            return self.vocab.name_list_gap_re.fullmatch(self.low, last_end, d.start) is not None
        return told[0] >= last_end and not self.low[last_end:told[0]].strip(" ,")

    def _shared_count_noun(self, d: Mention, last_end: int) -> str | None:
        """The count noun written both right after the value before and right after this
        number ("to 15 doctors by 2015 and 20 doctors by 2020"): the list goes on with the
        same rate, it counts nothing."""
        m = self._count_noun_after(d)
        if m is None:
            return None
        noun = m.group(0).strip()
        end = last_end
        while end > 0 and self.low[end - 1].isspace():
            end -= 1
        if self.low.endswith(noun, 0, end):
            return ""  # the value before ends with its noun ("15 doctors")
        gap = _BLANKS_RE.match(self.low, last_end)
        before = self.vocab.count_re.match(self.low, gap.end()) if gap else None
        return before.group(0) if before is not None and before.group(0).strip() == noun \
            else None

    def _context_unit(self, clause: Span, sentence: Span) -> str | None:
        """A number without its own unit takes the first "per N" unit of its clause, sentence
        or segment; in a table row, also the first percent or per-mille unit."""
        for lo, hi in (clause, sentence, (0, len(self.seg.text))):
            den = self.ix.first_denominator(lo, hi)
            if den is not None:
                return den
        if self.seg.table_unitless_ok:
            return self.ix.near_unit
        return None

    def _listed_unit(self, d: Mention, clause: Span) -> str | None:
        """"lần lượt là 76,4 và 76,3 tuổi": a number listed with the next ones, joined by
        commas or "và" alone, takes the unit written after the first of them that has one."""
        nxt, last = self.ix.mention_after(d.end, clause[1]), d
        # (a blank alone is no list: "từ 0,2 0,5%" lost its dash; a list is read so far only,
        # a long run of bare numbers in linear time)
        for _ in range(LIST_IN_TURN_ITEMS):
            if nxt is None or not self.low[last.unit_end:nxt.start].strip() \
                    or not self.vocab.name_list_gap_re.fullmatch(self.low, last.unit_end,
                                                                 nxt.start):
                return None
            if nxt.unit is not None:
                return nxt.unit
            nxt, last = self.ix.mention_after(nxt.end, clause[1]), nxt
        return None

    def _named_unit(self, d: Mention, clause: Span) -> str | None:
        """"Tuổi thọ trung bình … là 76,5", "nâng tuổi thọ trung bình … lên 77": a bare number
        right after a reporting verb or a change's end, after an indicator's name in its
        clause with no other number between, takes that indicator's unit; never a percent,
        which is always written."""
        if d.unit is not None or self.seg.table_unitless_ok:
            return None
        # "had the lowest life expectancy, 69.9, 69.8 and 69.7, respectively": the list's
        # first number stands for all
        sentence = self.ix.sentence_of(d.start)
        listed = self._listed_respectively(d, sentence)
        first = listed[0] if listed is not None else d
        told = values_told_in_turn(self.vocab, self.ix, d, sentence) if listed is None else None
        if told is not None and len(told[1]) > 1:
            # "tổng tỷ suất sinh lần lượt là 2,55 và 2,47": the list's first number as well
            first = self.ix.mention_after(told[1][0], sentence[1]) or d
            listed = []
        # "the highest life expectancy (76.5)": a number alone in brackets right after it
        bracketed = self.low[:d.start].endswith("(") and self.low.startswith(")", d.end)
        if listed is None and not bracketed and verb_before(
                self.vocab.bare_value_verb_re, self.low, clause[0], d.start) is None \
                and not self.vocab.starts_a_change(self.low, d.start, d.end):
            item = self._province_item_name(d)
            return item.indicator.unit if item is not None else None
        own = pick_indicator(self.run.chooser, first, self.ix, self.ix.clause_of(first.start),
                             None, None, table=True)
        if own is None or own.start >= first.start \
                or self.ix.mention_starts_in(own.end, first.start):
            return None
        k = bisect_left(self.ix.alias_starts, own.start)
        held = self.run.chooser.holding(self.ix.aliases[k].key, first.value) \
            if k < len(self.ix.aliases) and self.ix.alias_starts[k] == own.start else None
        unit = (held or own.indicator).unit
        return None if unit == "percent" else unit

    def _count_noun_after(self, d: Mention) -> re.Match[str] | None:
        """The count noun right after a number; it may follow after a line wrap's blanks
        ("… 10" / "    giường tại …")."""
        gap = _BLANKS_RE.match(self.low, d.end)
        return self.vocab.count_re.match(self.low, gap.end()) if gap else None

    def _noun_unit(self, d: Mention, clause: Span) -> str | None:
        """The "per N" unit in the phrase of the count noun right after a number ("29,1 giường
        bệnh/10.000 dân"): the number's own unit, before any the value before it carries."""
        m = self._count_noun_after(d) if d.unit is None else None
        if m is None:
            return None
        ix = self.ix
        nxt = ix.next_mention_start(m.end(), clause[1])
        den = ix.first_denominator(m.end(), min(clause[1], nxt, m.end() + COUNT_PHRASE))
        gap = self.low[m.end():nxt].strip()
        if den is None and nxt < clause[1] \
                and (gap == "," or gap.strip(" ,") in self.vocab.count_joiners):
            # "29,04 giường bệnh và 9,4 bác sĩ trên 1 vạn dân", "38 hospital beds, 10 doctors,
            # … 25 nurses/10,000 people": the next count's unit
            after = ix.mention_after(nxt, clause[1])
            return self._noun_unit(after, clause) if after is not None else None
        return den

    def _a_count(self, d: Mention, clause: Span) -> bool:
        """A bare number followed by a count noun ("12 xã", "2011 (01 ca)") is a count,
        unless a "per N" unit makes it a rate or a name right after it makes it a value. The
        unit must be this number's: in the noun's own phrase ("48,5 giường bệnh/1 vạn dân"),
        or in the name before it with no other number between ("Số bác sĩ bình quân 1 vạn dân
        đạt 8 người"); a rate written with another number of the clause is that number's."""
        if d.unit is not None:
            return False
        ix = self.ix
        m = self._count_noun_after(d)
        if not m:
            return False
        last = self.last_named
        if last is not None and last.unit is not None and last.end <= d.start \
                and self._shared_count_noun(d, last.end) is not None \
                and self._carried_unit(d) is not None:
            return False
        if self.vocab.scale_re.match(self.low, m.start()):
            return True  # "hơn 14 triệu dân": an amount, whatever rate the clause names
        if " ".join(m.group(0).split()) in self.vocab.place_count_nouns:
            return True  # "mật độ bác sĩ/10.000 dân ở 5 tỉnh": places, whatever rate it names
        if self._noun_unit(d, clause) is not None:
            return False
        den = ix.last_denominator_start(clause[0], d.start)
        before = ix.mention_end_before(clause[0], d.start)
        if den is not None and before > clause[0] and self._per_of_number_at(before, den):
            den = None
        if den is not None and den >= before:
            return False
        if den is not None and ix.first_word(m.group(0).strip(), clause[0], den) is not None:
            # "Tỷ lệ bác sĩ và giường bệnh trên 1 vạn dân đạt 10 bác sĩ và 31,5 giường": the
            # noun is one the per-N name names, so each number is that noun's rate
            return False
        # a name right after the number makes it a value, unless the name is only the count
        # noun itself ("10 giường tại phòng khám")
        k = ix.first_alias_from(max(d.end, clause[0]), min(d.end + 3, clause[1]))
        return k is None or ix.alias_ends[k] <= m.end()

    def _restates_the_value_before(self, d: Mention, clause: Span) -> bool:
        """"đạt 1,4 con/phụ nữ vào năm 2025 (bình quân mỗi phụ nữ … có 1,4 con)": the same
        number again inside a bracket opened after it explains it; it is no second value (a
        bracket closed between them ends the first: "Khánh Hòa (97,5%), Phú Yên (97,5%)")."""
        before = self.ix.mention_before(clause[0], d.start)
        if before is None or before.unit is None or before.value != d.value \
                or before.value_high != d.value_high:
            return False
        between = self.low[before.unit_end:d.start]
        return "(" in between and ")" not in between

    def _per_of_number_at(self, end: int, den: int) -> bool:
        """Whether the "per N" at `den` is the unit of the number ending at `end`, written
        after its count noun ("114 người/100.000 dân, … là 58 người": not the 58's)."""
        noun = self.vocab.count_re.match(self.low, _SPACES_RE.match(self.low, end).end())
        return noun is not None and _SPACES_RE.match(self.low, noun.end()).end() >= den

    def _a_margin(self, d: Mention, clause: Span) -> bool:
        """"đạt 95%, vượt 5%", "đạt 30,7 giường (vượt 1,7)": an excess word right after a
        value (nothing but punctuation between, or in a bracket after it) leads the margin over
        the plan; after a name it bounds the value ("newborn screening surpassed 85%")."""
        excess = self.vocab.excess_before_re.search(self.low, max(clause[0], d.start - 12),
                                                    d.start)
        if excess is None:
            return False
        before = self.ix.mention_before(self.ix.sentence_of(d.start)[0], d.start)
        if before is None:
            return False
        between = self.low[before.unit_end:excess.start()]
        # or in a bracket after the value's words: "30,7 giường (vượt 1,7)"
        return _PUNCTUATION_ONLY_RE.fullmatch(between) is not None \
            or between.rstrip().endswith("(")

    def _a_period_change(self, d: Mention, clause: Span) -> bool:
        """A number compared with an earlier period right after it ("tăng 114,3% so với cùng
        kỳ năm 2018")."""
        return is_gap(self.low, d.unit_end, clause[1], self.vocab.period_gap_markers)

    def _not_the_provinces(self, d: Mention, clause: Span) -> bool:
        """A gap to a plan or another period ("thấp hơn 5,25% so với chỉ tiêu"), the value
        another is compared with ("so với 73,6 tuổi"), or a value the text gives to the whole
        country ("cả nước hiện là 74,5 tuổi"): not a province value."""
        low, vocab = self.low, self.vocab
        if is_gap(low, d.unit_end, clause[1], vocab.gap_markers) \
                and not vocab.versus_plan_next_re.match(low, d.unit_end) \
                and not self._a_period_change(d, clause):
            return True
        if d.own_year is None and vocab.compared_before_re.search(
                low, max(clause[0], d.start - COMPARED_REACH), d.start):
            # "… so với 73,6 tuổi": what the value is compared with (one with its own year,
            # "so với mức 1,45 của năm 2024", is that year's value)
            return True
        # "hỗ trợ 50% mức đóng BHYT": a share of a cost paid for someone; "SDD nhẹ cân độ 1:
        # 12,3%": a grade's part of the rate
        if any(pattern.search(low, max(clause[0], d.start - reach), d.start)
               for pattern, reach in ((vocab.subsidy_before_re, 20), (vocab.part_label_re, 20))) \
                or vocab.cost_after_re.match(low, d.unit_end):
            return True
        if self._a_margin(d, clause):
            return True
        if self._before_the_province_singled_out(d):
            return True
        if self._after_a_difference(d, clause) and not self._an_earlier_level(d):
            return True  # "thấp hơn so với giai đoạn 2005-2010 là 0,04%": a difference
        before = self.ix.mention_before(self.ix.sentence_of(d.start)[0], d.start)
        if before is not None and vocab.margin_after_value_re.fullmatch(low, before.unit_end,
                                                                         d.start):
            return True  # "decreases to 6.5%, exceeding 3.5%": the margin over the plan
        if self.run.national_page and self._in_a_national_paragraph(d):
            return True  # on a page about the country, its own values compared too
        if vocab.compared_next_re.match(low, d.unit_end):
            return False  # "72,5 tuổi so với 73,6": the subject's own, the other is compared
        return self._another_place_s(d, clause)

    def _named_for_the_country(self, d: Mention, sentence: Span, named: Named) -> bool:
        """"dân số trung bình của Việt Nam năm 2023 ước tính đạt 100,3 triệu người, tăng 841,3
        nghìn người, tương đương tăng 0,85%": the country a name's own words make it of
        (between it and the first number after it, in its sentence) holds for every value
        that name is carried to, until a province is named."""
        if named.method != "alias" or not sentence[0] <= named.start < named.end <= d.start:
            return False
        first = self.ix.mention_after(named.end, d.end)
        end = first.start if first is not None else d.start
        # "… của cả nước là 1,96 con/phụ nữ, của Hà Nội là 2,1", "… nhóm thấp cả nước …: Lai
        # Châu 65,8 tuổi": a province named gives the value back (to itself)
        if self._names_the_province(self.low[named.start:d.start]) or any(
                named.start <= start < d.start for start, _end, _id in self._province_names()):
            return False
        return self._speaks_of_the_country(named.end, end)

    def _before_the_province_singled_out(self, d: Mention) -> bool:
        """"… giảm từ 17,5% năm 2010 xuống còn 11,5% năm 2020 … Riêng tại Hậu Giang, tỷ lệ …
        là 10,89%": what a paragraph tells before it singles out the page's province is not
        the province's (the country's, a national strategy's)."""
        lineage = self.vocab.lineage(self.run.doc.province_id)

        def names_the_province(m: re.Match[str]) -> bool:
            name = self.vocab.province_name_re.match(self.low, m.end())
            return name is not None and self.vocab.province_named(name.group(0)) in lineage

        starts = self._mark_starts("singled out", self.vocab.singled_out_re, names_the_province)
        k = bisect_left(starts, d.end)
        return k < len(starts) and \
            paragraph_start(self.seg, starts[k]) == paragraph_start(self.seg, d.start)

    def _compared_level(self, d: Mention, clause: Span, compared: Compared,
                        given: _Given | None) -> tuple[Compared, _Given | None]:
        """A number after a change compared with another time is that time's level where
        _not_the_provinces let it through (_an_earlier_level): a value, of the year the change
        is compared with ("tăng so với năm 2024 là 1,45 con/phụ nữ")."""
        difference = self._after_a_difference(d, clause)
        if compared.comparator != "relative" or difference is None:
            return compared, given
        years = YEAR_IN_TEXT_RE.findall(difference.group(0))
        if years and given is None:
            given = _Given(YearChoice(int(years[-1]), "the year a change is compared with"))
        return Compared("=", d.value, d.value_high, None), given

    def _after_a_difference(self, d: Mention, clause: Span) -> re.Match[str] | None:
        """The change compared with another time, and "là", the number follows ("thấp hơn so
        với giai đoạn 2005-2010 là …"), if any."""
        return self.vocab.difference_before_re.search(
            self.low, max(clause[0], d.start - DIFFERENCE_REACH), d.start)

    def _an_earlier_level(self, d: Mention) -> bool:
        """"đạt 1,51 con/phụ nữ, tăng so với năm 2024 là 1,45 con/phụ nữ": the number a change
        is compared with another year by is that year's level, not the difference, when it
        lies near the value before it in the same unit (a difference lies nearer nothing)."""
        before = self.ix.mention_before(self.ix.sentence_of(d.start)[0], d.start)
        return before is not None and before.unit is not None \
            and d.unit in (None, before.unit) \
            and abs(d.value - before.value) < abs(d.value) * EARLIER_LEVEL_SHARE

    def _another_place_s(self, d: Mention, clause: Span) -> bool:
        """A value of another place, of the country, or a part of one."""
        if self._of_other_places(d, clause):
            return True
        # a value another province is named with is that province's, whatever the page is about
        if self.own_value and self._elsewhere(d, clause):
            return True
        return self._of_an_age_group(d, clause) or self._a_part_of_a_value_elsewhere(d, clause)

    def _of_an_age_group(self, d: Mention, clause: Span) -> bool:
        """"Tỷ lệ HBsAg (+) cao nhất ở độ tuổi 40 - 49 (27,3%)", "25,6% ở độ tuổi từ 60 trở
        lên": a value an age group labels, right before or after it, is that group's part,
        none of the whole population's indicator (one of the catalogue's age subgroups, "nhóm
        tuổi từ 12 đến 17 tuổi: …", is read as such)."""
        vocab, low = self.vocab, self.low
        before = self.ix.mention_before(clause[0], d.start)
        lo = max(before.unit_end if before else clause[0], d.start - AGE_LABEL_REACH)
        m = vocab.age_group_before_re.search(low, lo, d.start) \
            or vocab.age_group_after_re.match(low, d.unit_end)
        if m is None:
            return False
        label = m.group("label")
        return not any(vocab.subgroup_of(s) for s in vocab.subgroup_re.finditer(label))

    def _a_part_of_a_value_elsewhere(self, d: Mention, clause: Span) -> bool:
        """"… của người dân Việt Nam năm 2023 là 74,5 tuổi, trong đó nam là 72,1 tuổi": a part
        (led by part_lead_words, naming no province) of a value that is not the province's is
        not the province's either."""
        if d.start not in self._part_elsewhere:
            self._part_elsewhere[d.start] = self._part_of_elsewhere(d, clause)
        return self._part_elsewhere[d.start]

    def _part_of_elsewhere(self, d: Mention, clause: Span) -> bool:
        before = self.ix.mention_before(self.ix.sentence_of(d.start)[0], d.start)
        if before is None:
            return False
        lead = self.vocab.part_lead_re.search(self.low, max(before.unit_end, d.start - PART_REACH),
                                              d.start)
        if lead is None:
            if self.vocab.next_part_re.match(self.low, before.unit_end, d.start) is None:
                return False
            # "… trong đó nam là 72,1 tuổi và nữ là 77,2 tuổi": the next part of the same value;
            # "Vietnamese women's life expectancy rose to 77.2, while men's … 72.1": the next
            # group's beside it
            return self._a_part_of_a_value_elsewhere(before, self.ix.clause_of(before.start)) \
                or (subgroup_in_phrase(self.vocab, self.low, before.unit_end, d.start) is not None
                    and not self._names_the_province(self.low[before.unit_end:d.start])
                    and self._not_the_provinces_alone(before))
        if self._names_the_province(self.low[lead.start():d.start]):
            return False
        return self._not_the_provinces_alone(before)

    def _not_the_provinces_alone(self, before: Mention) -> bool:
        """_not_the_provinces of an earlier value, leaving the state of the one read alone."""
        state = self.credited, self.own_value
        self.credited, self.own_value = (), True
        try:
            return self._not_the_provinces(before, self.ix.clause_of(before.start))
        finally:
            self.credited, self.own_value = state

    def _of_other_places(self, d: Mention, clause: Span) -> bool:
        """A value of a district, a place or another province named with it, a definition's
        bound, or a threshold picking places or one each unit must reach."""
        if self._a_named_sub_unit(clause[0], d.start) or self._a_named_place_s(d) \
                or self._another_province_named(d, clause):
            return True
        if self._labelled_by_a_province(d):
            # "5 tỉnh có tỷ lệ tiêm cao nhất bao gồm Bắc Giang (98,0%), Khánh Hòa (97,5%)": a
            # province's value, labelled by its name, is no threshold's
            return False
        sentence = self.ix.sentence_of(d.start)
        if self._defined(sentence[0], d.start):
            return True  # "… được xem là bình thường khi … từ 103 – 107": a definition
        if self._marked("counted places", self.vocab.counted_places_re, sentence[0], d.start,
                        lambda m: self.vocab.among_before_re.search(
                            self.low, max(0, m.start() - 16), m.start()) is None):
            # "Có 5 tỉnh có tuổi thọ … dưới 72 tuổi": a threshold picking places (not "là một
            # trong 21 tỉnh có …", which the province is one of)
            return True
        if self.vocab.places_comprised_re.match(self.low, d.unit_end):
            return True  # "… lớn hơn 112 bé trai/100 bé gái, gồm 21 tỉnh": a group's threshold
        # "Mỗi xã có tỷ lệ hộ … là hơn 70%": a share each commune must reach (a count for
        # each, "mỗi trạm y tế có ít nhất 2 bác sĩ", is the indicator's own form)
        return d.unit == "percent" and self._marked("each unit", self.vocab.each_unit_re,
                                                    sentence[0], d.start)

    def _another_province_named(self, d: Mention, clause: Span) -> bool:
        """Whether the provinces named as the value's (_naming_provinces) are other than the
        page's own (or its 2025 lineage): a region's value is no province's; other provinces
        named are credited with it (self.credited), beside the page's own when it is named
        with them ("Dak Lak and Kon Tum recorded … 100 percent")."""
        group = self._province_in_turn(d) or self._naming_provinces(clause[0], d.start) \
            or frozenset(self._pointed_back_places(d, clause[0]) or ()) or None
        if group is None:
            return self._a_region_s_led(d, clause)
        if group == _UNTOLD:
            return True  # one of the provinces listed holds it, which one the text lost
        own = group & self.vocab.lineage(self.run.doc.province_id)
        if REGION in group:
            return not own
        self.credited = tuple(sorted(group - own))
        self.own_value = bool(own)
        return False

    def _a_region_s_led(self, d: Mention, clause: Span) -> bool:
        """"Nearly 89 percent of medical stations in Central Highlands localities have
        doctors": a region named in the words a number leads (up to the next number or comma)
        makes the value the region's."""
        hi = self.ix.next_mention_start(d.end, clause[1])
        comma = self.low.find(",", d.unit_end, hi)
        hi = comma if comma >= 0 else hi
        names = self._province_names()
        k = bisect_left(names, (d.unit_end,))
        return any(province == REGION for _start, _end, province in
                   names[k:bisect_left(names, (hi,), lo=k)])

    def _labelled_by_a_province(self, d: Mention) -> bool:
        """A province's name right before the number, as its label ("Bắc Giang (98,0%)",
        "Hòa Bình: 2,84")."""
        label = self._label_name(d, _LABEL_BRACKET_GAP_RE)
        return label is not None and label[2] != REGION

    def _label_name(self, d: Mention, gap: re.Pattern[str]) -> tuple[int, int, str] | None:
        """(start, end, province id) of the name nearest before the number (found by halves),
        when nothing but the `gap` stands between them."""
        names = self._province_names()
        k = bisect_left(names, (d.start,)) - 1
        if k < 0 or names[k][1] > d.start or not gap.fullmatch(self.low, names[k][1], d.start):
            return None
        return names[k]

    def _province_in_turn(self, d: Mention) -> frozenset[str] | None:
        """"tiếp theo là Bà Rịa - Vũng Tàu và Đồng Nai, lần lượt là 76,4 và 76,3 tuổi": the
        province the value's item names, in a list told in turn (match.turn_item)."""
        sentence = self.ix.sentence_of(d.start)
        told = self._told_to_provinces(d, sentence)
        if told is not None:
            return frozenset({told})
        item = turn_item(self.vocab, self.ix, d, sentence)
        if item is None:
            return self._province_in_turn_after(d, sentence)
        named = [p for start, _end, p in self._province_names() if item.lo <= start < item.hi]
        return frozenset(named[-1:]) or None

    def _told_to_provinces(self, d: Mention, sentence: Span) -> str | None:
        """"ở Lào Cai - Yên Bái, số con … lần lượt là 2,55 và 2,47": the province a value told
        in turn goes to, when as many provinces are listed before the word as values after."""
        told = values_told_in_turn(self.vocab, self.ix, d, sentence)
        if told is None or len(told[1]) < 2:
            return None
        listed = self._listed_provinces(sentence[0], told[0])
        if listed is None or len(listed) != len(told[1]):
            # "năm 2009 … lần lượt là Điện Biên 409, Lai Châu 215, … Lào Cai 133 thì năm 2015
            # đã giảm lần lượt là 83, 149, 102, 96, 126": the provinces the sentence named, in
            # their order, each once
            names = self._province_names()
            named = [p for _s, _e, p in names[bisect_left(names, (sentence[0],)):
                                              bisect_left(names, (told[0],))]]
            listed = tuple(named) if len(set(named)) == len(named) else None
        if not listed:
            listed = self._pointed_back_places(d, sentence[0])
        if listed is None or len(listed) != len(told[1]):
            return None
        return listed[told[1].index(d.start)]

    def _pointed_back_places(self, d: Mention, lo: int) -> tuple[str, ...] | None:
        """"… là Điện Biên, Lai Châu, Kon Tum. Tuổi thọ … các tỉnh này …": the provinces the
        sentence before names, in order, each once, when words before the number (from lo)
        point back to them."""
        sentence = self.ix.sentence_of(d.start)
        if sentence[0] == 0 or self.vocab.place_anaphora_re.search(
                self.low, max(lo, sentence[0]), d.start) is None:
            return None
        before = self.ix.sentence_of(sentence[0] - 1)
        names = self._province_names()
        named = [p for _s, _e, p in names[bisect_left(names, (before[0],)):
                                          bisect_left(names, (before[1],))]]
        return tuple(dict.fromkeys(named)) or None

    def _province_in_turn_after(self, d: Mention, sentence: Span) -> frozenset[str] | None:
        """"Dien Bien, Lai Chau and Kon Tum had the lowest life expectancy, 69.9, 69.8 and
        69.7, respectively": a "respectively" word right after a list of numbers gives them
        in turn to the provinces listed last before the list, as many as it holds; so does a
        list of numbers alone in brackets, when as many provinces are listed ("Hanoi and HCM
        City have similar aging indices (65.7 percent and 65.2 percent)")."""
        values = self._listed_respectively(d, sentence)
        strict = values is None  # no word says "in turn": the counts must agree
        values = values or self._bracketed_list(d, sentence) or self._plain_list(d, sentence)
        if values is None:
            return None
        listed = self._listed_provinces(sentence[0], values[0].start)
        if listed is None or strict and len(listed) != len(values):
            return None
        if len(listed) != len(values):
            # "followed by Ba Ria – VungT au and Dong Nai, 76.4 and 76.3, respectively": a
            # name lost to the text's garbling, the list no longer lines up
            return _UNTOLD
        return frozenset({listed[values.index(d)]})

    def _plain_list(self, d: Mention, sentence: Span) -> list[Mention] | None:
        """The numbers of a list of two or more ("1.34, 1.53 and 1.37"), the number among them;
        None when it stands alone."""
        values = self._joined_list(d, *sentence)
        return values if len(values) > 1 else None

    def _listed_respectively(self, d: Mention, sentence: Span) -> list[Mention] | None:
        """The numbers of a list a "respectively" word right after it closes ("69.9, 69.8
        and 69.7, respectively"), the number among them; None when it is in no such list."""
        # the sentence's "respectively" words, found once (match.turn_item shares them)
        words = self.ix.in_sentence(sentence, "respectively", lambda lo, hi: list(
            self.vocab.respectively_re.finditer(self.low, lo, hi)))
        word = next((w for w in words if w.start() >= d.end), None)
        if word is None:
            return None
        values = self._joined_list(d, sentence[0], word.start())
        if len(values) < 2 or self.low[values[-1].unit_end:word.start()].strip(" ,"):
            return None
        return values

    def _bracketed_list(self, d: Mention, sentence: Span) -> list[Mention] | None:
        """The numbers of a list standing alone in brackets ("(65.7 percent and 65.2
        percent)"), the number among them; None when it is in no such list."""
        values = self._joined_list(d, *sentence)
        opened = self.low[:values[0].start].rstrip().endswith("(")
        closed = self.low[values[-1].unit_end:sentence[1]].lstrip().startswith(")")
        return values if len(values) > 1 and opened and closed else None

    def _joined_list(self, d: Mention, lo: int, hi: int) -> list[Mention]:
        """The numbers in [lo, hi) joined to this one as a list (_joins_a_list), in order."""
        values = [d]
        while (prev := self.ix.mention_before(lo, values[0].start)) is not None \
                and self._joins_a_list(prev, values[0]):
            values.insert(0, prev)
        while (nxt := self.ix.mention_after(values[-1].end, hi)) is not None \
                and self._joins_a_list(values[-1], nxt):
            values.append(nxt)
        return values

    def _joins_a_list(self, a: Mention, b: Mention) -> bool:
        """Whether only a comma or "và"/"and" stands between two numbers."""
        gap = self.low[a.unit_end:b.start]
        return bool(gap.strip()) and self.vocab.name_list_gap_re.fullmatch(gap) is not None

    def _elsewhere(self, d: Mention, clause: Span) -> bool:
        """A value of the district or city a page is about (not marked as the province's), one
        the text gives to the whole country, or a norm's ("mức sinh thay thế 2,1 con")."""
        if self.run.sub_unit_subject is not None and not self._province_wide(clause, d):
            return True
        marker_end = self.ix.national_before(clause, d.start)
        # the province named after the country's marker is the subject again ("… của cả nước
        # … Năm 2020, Bà Rịa – Vũng Tàu trở thành tỉnh có tuổi thọ … (76,5 năm)")
        return (marker_end is not None and self._led_by(marker_end, d)
                and not self._names_the_province(self.low[marker_end:d.start])) or \
            self._country_s_right_before(d) or self._in_a_national_paragraph(d) \
            or self.vocab.norm_right_before_re.search(
                self.low, max(0, d.start - NORM_REACH), d.start) is not None

    def _country_s_right_before(self, d: Mention) -> bool:
        """"cao hơn trung bình cả nước (73,6 tuổi)": the country's value right after its name;
        not after a rank ("cao nhất cả nước (76,5 năm)": the province's, the one that ranks)."""
        m = self.vocab.national_right_before_re.search(self.low, max(0, d.start - NATIONAL_REACH),
                                                      d.start)
        return m is not None and self.vocab.superlative_before_re.search(
            self.low, max(0, m.start() - NATIONAL_REACH), m.start()) is None

    def _in_a_national_paragraph(self, d: Mention) -> bool:
        """"In recent years, … care in Vietnam has seen many positive changes. The maternal
        mortality rate has decreased … from 233/100,000": a paragraph whose first sentence
        speaks of the country, with no number (one in brackets there is a comparison: "Năm
        2024, … 57,7 giường bệnh (toàn quốc đạt 32,5 …)"), and which names neither the
        province nor its whole before the number, goes on about the country."""
        para = paragraph_start(self.seg, d.start)
        if self.run.national_page:
            # a page about the country: its paragraphs go on about it unless they name the
            # province
            return not self._names_the_province(self.low[para:d.start])
        first = self.ix.sentence_of(para)
        if (first[1] >= d.start or _DIGIT_RE.search(self.low, para, first[1])
                or not self._speaks_of_the_country(para, first[1])):
            return False
        return not self._names_the_province(self.low[para:d.start])

    def _speaks_of_the_country(self, lo: int, hi: int) -> bool:
        """A national marker in low[lo:hi] that is the subject, not what a place is compared
        with or ranks in ("thành phố đông dân nhất cả nước")."""
        return any(self.vocab.compared_to_country_re.search(
            self.low, max(lo, m.start() - COMPARED_REACH), m.start()) is None
            and self.vocab.rank_after_country_re.match(self.low, m.end()) is None
            and not self.ix.ranked_in(self.ix.sentence_of(m.start())[0], m.start())
            for m in self.vocab.national_re.finditer(self.low, lo, hi))

    def _names_the_province(self, stretch: str) -> bool:
        """Whether a stretch of text names the province (with or without its tone marks, as
        an English page writes it) or its whole ("toàn tỉnh")."""
        return self.vocab.names_province(self.run.doc.province_id, stretch)

    def _province_wide(self, clause: Span, d: Mention) -> bool:
        """On a page about one of the province's units, whether a word before the number in
        its clause marks it as the whole province's, or names the province; a city's own words
        ("toàn thành phố") not on a city's page."""
        kind = self.run.sub_unit_subject or ""
        city = kind.startswith(("tp", "thành phố"))
        stretch = self.low[clause[0]:d.start]
        if any(w in stretch for w in self.vocab.province_wide
               if not (city and "thành phố" in w)):
            return True
        # "Tính đến nay, địa bàn Sóc Trăng đã có 60,31% hộ dân …": the province named by name
        own = self.vocab.own_name(self.run.doc.province_id)
        return bool(own) and (own in stretch or bare_letters(own) in bare_letters(stretch))

    def _led_by(self, marker_end: int, d: Mention) -> bool:
        """Whether the national marker ending at `marker_end` leads this number: no other
        number stands between them, or only the values before it of one list of years
        ("toàn quốc năm 2022 là 92,6%, năm 2023 là 93,2%")."""
        after = d
        while (before := self.ix.mention_before(marker_end, after.start)) is not None:
            gap = self.low[before.unit_end:after.start]
            # "người dân Việt Nam … từ 73,7 lên 74,5 tuổi": the end of the country's change;
            # "cả nước hiện có khoảng 16,1 triệu người cao tuổi, chiếm hơn 16%": the share the
            # country's count makes up
            if not self.vocab.list_gap_re.fullmatch(gap) \
                    and gap.strip(" ,") not in self.vocab.baseline_to \
                    and self.vocab.share_verb_re.search(gap) is None \
                    and not self._the_country_s_again(before, after, gap):
                return False
            after = before
        return True

    def _the_country_s_again(self, before: Mention, after: Mention, gap: str) -> bool:
        """"… của cả nước năm 2023 là 1,96 con/phụ nữ, giảm so với năm 2022 (2,01 con/phụ nữ)",
        "the ratio nationwide was 109 boys per 100 girls, while the ratio … last year was 112
        boys per 100 girls": a number in the unit of the country's value before it, with no
        place named between them, goes on about the country; not past the end of a remark the
        country's value stood in ("(cả nước là 111,7), năm 2010 … là 123,1"), nor as the end
        of a change from it, whose subject the text gave before, nor as a goal ("(mục tiêu
        đến năm 2025 đạt 95%")."""
        return before.unit is not None and before.unit == after.unit and ")" not in gap \
            and self.vocab.province_name_re.search(gap) is None \
            and self.vocab.change_end_word_re.search(gap) is None \
            and not self.vocab.sets_a_target(gap) \
            and not self._a_named_sub_unit(before.unit_end, after.start)

    def _a_named_sub_unit(self, lo: int, hi: int) -> bool:
        """"Trong đó, huyện Long Mỹ có tỷ lệ … đạt 85,53%": a district, town or commune named
        before the number in its clause (its kind, then a capitalised name) holds the value,
        not the province; the province's own name after "thành phố" is the province, and one
        named in a remark in brackets ("(trừ thành phố Phúc Yên)") holds nothing."""
        text, own, low = self.seg.text, self.vocab.own_name(self.run.doc.province_id), self.low

        def outside_remark(m: re.Match[str]) -> bool:
            return low.rfind("(", 0, m.start()) <= low.rfind(")", 0, m.start())

        def capitalised_before(m: re.Match[str]) -> bool:
            word = text[:m.start()].rsplit(None, 1)[-1:]
            return bool(word) and word[0][:1].isupper() and not word[0].isupper() \
                and not low[:m.start()].endswith(own)
        names = self.vocab.names_of(self.run.doc.province_id)
        return self._marked("sub unit", self.vocab.sub_unit_re, lo, hi,
                            lambda m: text[m.end():m.end() + 1].isupper()
                            and not low.startswith(tuple(names), m.end())
                            # "TP HCM", "thành phố Cần Thơ": a province (_naming_provinces)
                            and not self.vocab.province_name_re.match(low, m.end())
                            and outside_remark(m)) \
            or self._marked("sub unit after", self.vocab.sub_unit_after_re, lo, hi,
                            lambda m: capitalised_before(m) and outside_remark(m))

    def _a_named_place_s(self, d: Mention) -> bool:
        """"… đạt dưới 80% là Đức Cơ (78,76%) và Ia Pa (70,68%)": a place named by its proper
        name right before a value in brackets holds it; a value right before "là" and such a
        name is what the places named are picked by. The province's own name is the province."""
        text = self.seg.text
        before = text[max(0, d.start - NAME_REACH):d.start].rstrip()
        if before.endswith("("):
            # the capitalised words right before the bracket ("… như Tam Dương (18,6%)")
            words = before[:-1].split()
            name = []
            while words and words[-1][:1].isupper() and len(name) < NAME_WORDS:
                name.insert(0, words.pop().strip(",;:"))
            if name and self._a_proper_place(" ".join(name)):
                return True
        after = _IS_NAME_AFTER_RE.match(text, d.unit_end)
        return after is not None and self._a_proper_place(after.group("name"))

    def _defined(self, lo: int, hi: int) -> bool:
        """Whether a definition's words stand in [lo, hi) with no contrast word after them
        ("cân bằng ở mức 103-105 …, nhưng ở Hà Tĩnh … là 110,7": the 110,7 is the province's)."""
        if self._definitions is None:
            # found once per segment: a search of the clause for each number was quadratic
            # in a paragraph of many numbers
            self._definitions = [m.span() for m in self.vocab.definition_re.finditer(self.low)]
        k = bisect_right(self._definitions, (hi,)) - 1
        while k >= 0 and self._definitions[k][1] > hi:
            k -= 1
        if k < 0 or self._definitions[k][0] < lo:
            return False
        return self.vocab.contrast_re.search(self.low, self._definitions[k][1], hi) is None

    def _naming_provinces(self, lo: int, hi: int) -> frozenset[str] | None:
        """"Lai Châu 65,8 tuổi; Kon Tum 66,8 tuổi" on Hà Giang's page: the provinces named
        last before a number in its clause (capitalised; a list of them joined by commas or
        "và") hold its value ("Hà Giang, Điện Biên là 67,8" is both's); None when none is named
        there, or the region named is where the province ranks."""
        listed = self._listed_provinces(lo, hi)
        return frozenset(listed) if listed is not None else None

    def _listed_provinces(self, lo: int, hi: int) -> tuple[str, ...] | None:
        """The list of provinces _naming_provinces reads, in text order."""
        if self.run.doc.province_id not in self.vocab.catalog.provinces:
            return None  # a text of no known province: no other to tell it from
        names = self._province_names()
        k = bisect_left(names, (hi,)) - 1
        while k >= 0 and names[k][0] >= lo and self._in_a_closed_remark(names[k][0], hi):
            k -= 1  # "Đông Nam bộ (như TPHCM, Bình Dương, Đồng Nai...) … (76,3 tuổi)": examples
        if k < 0 or names[k][0] < lo:
            return None
        group = [names[k][2]]
        while k > 0 and names[k - 1][0] >= lo and (self.vocab.province_list_gap_re.fullmatch(
                self.low, names[k - 1][1], names[k][0])
                # "ở Lào Cai - Yên Bái, … lần lượt là 2,55 và 2,47": names joined by a dash
                or _NAME_DASH_RE.fullmatch(self.low, names[k - 1][1], names[k][0])):
            k -= 1
            group.insert(0, names[k][2])
        merger = self.vocab.merger_before_re.search(self.low, max(lo, names[k][0] - NAME_REACH),
                                                    names[k][0])
        if merger is not None:
            # "TP HCM sau sáp nhập TP HCM, Bình Dương và Vũng Tàu … 1,43": what the province
            # named before was formed from
            return self._listed_provinces(lo, merger.start())
        if set(group) == {REGION} and self.vocab.rank_re.search(self.low, lo, names[k][0]) \
                and self.vocab.rank_scope_before_re.search(
                    self.low, max(lo, names[k][0] - NAME_REACH), names[k][0]):
            return None  # "the lowest … rate … in the Mekong Delta": where the province ranks
        return tuple(group)

    def _in_a_closed_remark(self, pos: int, hi: int) -> bool:
        """Whether pos stands inside brackets that close before hi."""
        low = self.low
        return low.rfind("(", 0, pos) > low.rfind(")", 0, pos) and low.find(")", pos, hi) != -1

    def _province_names(self) -> list[tuple[int, int, str]]:
        """(start, end, province id) of each province named, capitalised, in the segment
        (found once)."""
        if self._provinces is None:
            text = self.seg.text
            named = ((m, self.vocab.province_named(m.group(0)))
                     for m in self.vocab.province_name_re.finditer(self.low))
            self._provinces = [
                (m.start(), m.end(), province) for m, province in named
                if province is not None
                # a province by its capitalised name; a region's words ("the southeastern
                # region") are no common words
                and (capital_or_uncased(text[m.start():m.start() + 1]) or province == REGION)
                # "Trường Đại học Y Hà Nội": part of an institution's name
                and not self.vocab.institution_before_re.search(
                    self.low, max(0, m.start() - NAME_REACH * 2), m.start())
                # "Hà Nội (TTXVN) - …": a dateline names where the news was filed
                and not (is_blank(text, 0, m.start()) and _DATELINE_RE.match(text, m.end()))]
        return self._provinces

    def _a_proper_place(self, name: str) -> bool:
        """Words each capitalised ("Đức Cơ", "Ia Pa"), not all capitals (an abbreviation), not
        the province's own name nor a place of vocabulary `place_names` (the country's)."""
        words = name.split()
        low = lite(" ".join(words))
        # a province's name is told by _naming_provinces, which reads a list of them ("Dien
        # Bien and Hoa Binh (99 percent)" on Điện Biên's page is Điện Biên's too)
        return (all(w[:1].isupper() and not w.isupper() for w in words)
                and not low.startswith(self.vocab.own_name(self.run.doc.province_id))
                and self.vocab.province_of_label(low) is None
                and not any(low.startswith(p) for p in self.vocab.place_names))

    def _marked(self, name: str, pattern: re.Pattern[str], lo: int, hi: int,
                keep: Callable[[re.Match[str]], bool] | None = None) -> bool:
        """Does a match of `pattern` (one `keep` accepts) start in [lo, hi)?"""
        starts = self._mark_starts(name, pattern, keep)
        k = bisect_left(starts, lo)
        return k < len(starts) and starts[k] < hi

    def _mark_starts(self, name: str, pattern: re.Pattern[str],
                     keep: Callable[[re.Match[str]], bool] | None = None) -> list[int]:
        """Where the matches of `pattern` (those `keep` accepts) start, found once per
        segment: a clause may hold many numbers."""
        starts = self._marks.get(name)
        if starts is None:
            starts = self._marks[name] = [m.start() for m in pattern.finditer(self.low)
                                          if keep is None or keep(m)]
        return starts

    def _province_item_name(self, d: Mention) -> Named | None:
        """"mức sinh … tăng rất cao trở lại, như: Hòa Bình: 2,84; Nam Định: 2,81", "Hưng Yên
        118,6 trai/100 gái; Bắc Ninh 117,6": a bare number right after a province's name is
        that province's value of the last indicator named before the list in its sentence,
        one not in percent (a percent is always written)."""
        name = self._label_name(d, _LABEL_GAP_RE)
        if name is None:
            return None
        label = name[0]
        sentence = self.ix.sentence_of(d.start)
        own = pick_indicator(self.run.chooser, d, self.ix, (sentence[0], label), None, None,
                             table=True)
        last = self.last_named
        if own is None and last is not None and last.end >= sentence[0]:
            own = last.named  # the list goes on with the indicator of its item before
        return None if own is None or own.indicator.unit == "percent" else own

    def _a_subgroup_s_part(self, d: Mention, unit: str | None, subgroup: str | None
                           ) -> Named | None:
        """"Tuổi thọ trung bình … là 76,5 tuổi, trong đó nam là 74,1 tuổi và nữ là 79 tuổi": a
        part naming only its subgroup, led by part_lead_words (or the next part after one), is
        of the indicator before it for that subgroup, in the same unit."""
        last = self.last_named
        if subgroup is None or last is None or last.unit != unit or last.end > d.start \
                or self.ix.any_alias_before(d.start, last.end):
            return None
        led = self.vocab.part_lead_re.search(self.low, max(last.end, d.start - PART_REACH),
                                             d.start) is not None \
            and not _DIGIT_RE.search(self.low, last.end, d.start)
        if not led and not (last.named.indicator.subgroup is not None
                            and self.vocab.next_part_re.match(self.low, last.end, d.start)):
            return None
        key = self.ix.alias_key_at(last.named.start, last.named.end)
        part = None if key is None else self.run.chooser.choose_for_alias(key, unit, subgroup,
                                                                          False)
        return Named(part, last.named.start, last.named.end) \
            if part is not None and part.subgroup == subgroup else None

    def _pointed_back_unit(self, d: Mention) -> str | None:
        """"… the total fertility rate … to 1.39. In Dong Thap, Hau Giang and Ba Ria-Vung Tau,
        the rates were 1.34, 1.53 and 1.37": a number with no unit of its own, after words
        pointing back to the value before, is in that value's unit."""
        last = self.last_named
        return last.unit if last is not None and self._pointed_back(d, None) else None

    def _pointed_back(self, d: Mention, unit: str | None) -> Named | None:
        """"76.49% of households … have hygienic latrines. This ratio has increased compared
        to 2018 (71.75%)": a number naming nothing, in a sentence that opens pointing back to
        the value before, or with words pointing back to several values anywhere before it
        ("In the southern provinces of …, the rates were 1.34, 1.53 and 1.37"), is of that
        value's indicator when it states the same unit (or none)."""
        sentence = self.ix.sentence_of(d.start)
        last = self.last_named
        if last is None or last.named.end > sentence[0] or unit is not None and last.unit != unit \
                or self.ix.any_alias_before(d.start, sentence[0]):
            return None
        vocab = self.vocab
        text = self.low[sentence[0]:d.start]
        if vocab.anaphora_re.match(self.low, sentence[0] + len(text) - len(text.lstrip())):
            return last.named
        # found once per sentence; "con số này" may point back to one value or several, so
        # only where it opens the sentence
        plural = self.ix.in_sentence(sentence, "plural anaphora", lambda lo, hi: [
            m.end() for m in vocab.plural_anaphora_re.finditer(self.low, lo, hi)
            if not vocab.anaphora_re.fullmatch(m.group(0))])
        return last.named if plural and plural[0] <= d.start else None

    def _target_named_back(self, d: Mention, clause: Span, unit: str | None) -> Named | None:
        """"… đến năm 2020 đạt tỷ lệ 90% người dân tham gia bảo hiểm y tế …, năm 2016 phấn đấu
        đạt chỉ tiêu kế hoạch Chính phủ giao là 73,6%": a number its clause leads with a target
        noun (target_nouns) and no name is a target of the value before it, in its unit, with
        no other name between them."""
        last = self.last_named
        if d.unit is None or last is None or last.unit != unit or last.end > d.start \
                or self.ix.any_alias_before(d.start, last.end):
            return None
        noun = max(self.vocab.target_noun_re.finditer(self.low, clause[0], d.start),
                   key=lambda m: m.start(), default=None)  # the last before the number
        if noun is None or len(self.low[noun.end():d.start].split()) > TARGET_NOUN_REACH \
                or _DIGIT_RE.search(self.low, noun.end(), d.start):
            return None
        # "thấp hơn so với mục tiêu thanh toán (> 90%)": the goal compared with is no target
        compared = self.vocab.compared_with_re.search(self.low, clause[0], noun.start())
        return last.named if compared is None else None

    def _elaborated(self, d: Mention, unit: str, subgroup: str | None) -> Named | None:
        """"Tỷ suất sinh thô … có giảm nhưng không vững chắc. Cụ thể năm 2008 là 13,8‰": a
        number naming nothing, in a sentence that opens by spelling out the one before, is of
        the last fitting name that sentence holds."""
        ix = self.ix
        sentence = ix.sentence_of(d.start)
        if sentence[0] == 0 or ix.any_alias_before(d.start, sentence[0]):
            return None
        if not self.vocab.elaboration_re.match(self.low, sentence[0]):
            return None
        before = ix.sentence_of(sentence[0] - 1)
        chooser = self.run.chooser
        fit = ix.fitting((unit, subgroup, False),
                         lambda key: chooser.choose_for_alias(key, unit, subgroup, False))
        return fit.last_before(sentence[0], before[0])

    def _continued(self, d: Mention, clause: Span, unit: str | None) -> Named | None:
        """A number that only goes on with the value before it, with nothing between them but
        its year, "và" or a verb ("đạt 75% vào năm 2025 và đạt 85% vào năm 2030", "đạt 95%
        năm 2025; 100% năm 2030"), and nothing after it but its year up to a comma, is a value
        of the same indicator in the same unit."""
        last = self.last_named
        if last is None or last.unit != unit or (d.unit is None and self._carried_unit(d)
                                                 is None and self._listed_unit(d, clause) is None):
            return None
        # a remark in brackets between them ("(trên 934.000 dân)", its ")" lost perhaps at the
        # sentence's end) is no other subject; "con số này" points back to the value
        between = self.vocab.anaphora_re.sub(" ", _REMARK_RE.sub(" ", self.low[last.end:d.start]))
        # "Dien Bien and Hoa Binh (99 percent); Tuyen Quang and Lao Cai (98.6 percent)": the
        # provinces named for the next value
        between = self._contrast_in_time(self.vocab.province_name_re.sub(" ", between))
        # "là 9,4%, đến năm 2019 tăng lên 25,3%": a change to a new level is the level
        between = self.vocab.change_to_end_re.sub(" ", between)
        if between.strip() in self.vocab.baseline_to:
            # "giảm SDD cân nặng từ 4,3% xuống 4% và SDD chiều cao từ …": the end of a change
            # is its start's, whatever name follows it
            return last.named
        if not self._only_year_words(between, self._goes_on_words):
            return None
        # "100% số xã … tổ chức …" names its own subject; what a comma sets apart after the
        # number ("năm 2019 là 74,7 tuổi, cao hơn cả nước") is another phrase
        tail = _TAIL_END_RE.search(self.low, d.unit_end, clause[1])
        end = tail.start() if tail else clause[1]
        nxt = self.ix.next_mention_start(d.unit_end, end)
        # "… năm 2019 là 13,12% và năm 2020 là 14,59%": up to a next value that goes on with
        # this one, the words that join them
        # "đạt 70% năm 2025; 90% năm 2030 và giảm 50% số cặp tảo hôn": a verb opening the next
        # goal is that value's, not this one's
        # "Hà Giang, Điện Biên là 67,8 tuổi và Quảng Trị 68,2 tuổi": the next value's province
        if not self._only_year_words(
                self.vocab.province_name_re.sub(" ", self.low[d.unit_end:nxt]),
                self._goes_on_words | self._goal_opener_words if nxt < end else frozenset()):
            return None
        return last.named

    def _only_year_words(self, text: str, allowed: frozenset[str]) -> bool:
        """Does `text` hold nothing but year phrases (a word for this year or the last, too:
        "1,51 con, năm ngoái 1,45"), their linking words, punctuation and the `allowed` words?"""
        rest = self.vocab.relative_year_re.sub(" ", self.vocab.year_phrase_re.sub(" ", text))
        links = self.vocab.year_link_re
        rest = links.sub(" ", " " + rest + " ") if links is not None else rest
        return not _DIGIT_RE.search(rest) and all(
            w in allowed for w in _LETTER_RUN_RE.findall(rest))

    def _activity_share(self, d: Mention, named: Named) -> bool:
        """A share of agencies doing something ("100% cấp ủy Đảng … ban hành nghị quyết") is
        an activity, not the indicator, unless the indicator holds that subject: in its name
        as matched or in its catalogue name ("100% các thôn" for "Tỷ lệ thôn bản có nhân viên
        y tế"); a share of establishments or households counts only when an alias names it."""
        if d.unit != "percent":
            return False
        low = self.low
        m = self.vocab.activity_subject_re.match(low, d.unit_end)
        if m is not None:
            subject = m.group(1)
            group = self.vocab.subject_group(named.indicator)
            if named.method == "alias" and group is not None and group in self.vocab.groups_named(
                    low[d.unit_end:named.end]):
                return False  # "100% trường học, trạm y tế có nhà tiêu …": the stations' too
            own_name = lite(nfc(named.indicator.name_vi)).lower()
            return named.method != "alias" or (subject not in low[named.start:named.end]
                                               and f" {subject} " not in f" {own_name} ")
        # an establishment's share needs the catalogue's name, not a loose match
        return named.method != "alias" and bool(
            self.vocab.establishment_subject_re.match(low, d.unit_end))

    def _a_share_of_money(self, d: Mention, clause: Span, named: Named) -> bool:
        """"Số thu BHXH, BHYT, BHTN đạt 81,3%", "health insurance fund expenditure … to 92%": a
        money word (vocabulary `money_nouns`) in the words naming a share makes it a share of
        money collected or spent, not of the people the indicator counts."""
        if d.unit != "percent" or named.indicator.unit != "percent":
            return False
        # the words from the name's clause (a name an earlier clause gave: "Số thu BHXH, BHYT,
        # BHTN đạt 81,3%, ước thực hiện cuối năm đạt 100%") to the number
        # (from a few words before the name: a clause of a wrapped paragraph may be long)
        lo = min(max(self.ix.clause_of(named.start)[0], named.start - MONEY_NOUN_REACH),
                 self._phrase_start(d, clause)) \
            if named.start < d.start else self._phrase_start(d, clause)
        return self.vocab.money_noun_re.search(self.low, lo, d.start) is not None

    def _group_s_own(self, named: Named, group: str) -> Named | None:
        """The indicator of a population group whose aliases hold the name found (of the
        whole population's): health_insurance_coverage_students for "tham gia bảo hiểm y tế"
        said of students; None if the catalogue has none."""
        said = self.low[named.start:named.end]
        if not said:
            return None
        key = (named.indicator.unit, group, said)
        if key not in self._groups_own:
            vocab = self.vocab
            self._groups_own[key] = next(
                (ind for ind in vocab.indicators.values()
                 if ind.unit == named.indicator.unit and vocab.subject_group(ind) == group
                 and any(said in lite(nfc(a)) for a in ind.aliases)), None)
        own = self._groups_own[key]
        return None if own is None else Named(own, named.start, named.end, named.method,
                                              named.score)

    def _a_groups_value(self, d: Mention, clause: Span, named: Named) -> str | None:
        """A value of a population group ("100% bệnh nhân điều trị ARV có thẻ BHYT", "tỷ lệ
        học sinh tham gia BHYT đạt 98%") is not an indicator's of another population: the
        group is named between the number and its name, or in the name before it. That group,
        else None."""
        if named.start > d.start:
            lo, hi = d.unit_end, named.end
        else:
            lo, hi = max(clause[0], self.ix.mention_end_before(clause[0], d.start)), d.start
            # "… người cao tuổi, …, cụ thể: Phấn đấu tổng tỷ suất sinh đạt 2,1": a colon
            # before the name opens what the value is said of
            lo = max(lo, self.low.rfind(":", lo, named.start) + 1)
            # "… healthcare for the elderly…, gradually improving population quality, average
            # life expectancy reaching 72.7 years": a group two phrases back is another item's
            breaks = [self.low.rfind(",", lo, named.start), self.low.rfind(";", lo, named.start)]
            prior = self.low.rfind(",", lo, max(breaks))
            lo = max(lo, prior + 1) if max(breaks) > 0 and prior >= 0 else lo
            # "An elderly woman … in HCM City, which aims to increase the life expectancy …":
            # a clause ", which …" says something new of the place before it
            new_facts = self.vocab.non_restrictive_re.finditer(self.low, lo, named.start)
            lo = max([lo, *(m.end() for m in new_facts)])
        group = self.vocab.group_in(self.low, lo, hi)
        own = self.vocab.groups_of(named.indicator)
        # "100% trường học, trạm y tế có nhà tiêu …": one value of several groups, its own too
        return group if group is not None and group not in own and not (
            named.start > d.start and own & self.vocab.groups_named(self.low[lo:hi])) else None

    def _label_then_value(self, d: Mention, clause: Span, subgroup: str | None,
                          named: Named | None, unit: str | None
                          ) -> tuple[Named | None, str | None]:
        """A number without a unit of its own is an indicator's value only when the indicator
        is named before it ("Bác sĩ bình quân 1 vạn dân là 19,23"), never when a borrowed unit
        meets a name further on ("Lượt xem: 85 … số giường bệnh"), unless the name follows the
        number at once ("14,5 bác sỹ … /vạn dân"). Named before it and reported with a verb
        ("được tiêm chủng đầy đủ là 90,02"), it takes the indicator's own unit when the unit
        borrowed from elsewhere in the statement does not fit."""
        if named is not None and (named.start < d.start or only_number_first_words(
                self.vocab, self.low, d.unit_end, named.start)):
            return named, unit
        if verb_before(self.vocab.actual_verb_re, self.low, clause[0], d.start) is None:
            return None, unit
        own = pick_indicator(self.run.chooser, d, self.ix, clause, None, subgroup, table=True)
        if own is None or own.start >= d.start:
            return None, unit
        return own, own.indicator.unit
