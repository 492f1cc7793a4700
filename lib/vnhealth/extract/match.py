"""Which indicator a number is a value of: the catalogue alias named nearest to it in its
clause that fits its unit and subgroup, else a fuzzy match of the phrase before it.

Also the indicator phrase as written (kept with every observation and unmapped statement).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from rapidfuzz import fuzz

from vnhealth.extract.index import Fitting, Named, PairIndex, Span
from vnhealth.extract.mentions import Mention
from vnhealth.extract.records import Segment
from vnhealth.extract.vocabulary import Vocabulary
from vnhealth.inputs.catalog import Indicator
from vnhealth.inputs.text import blank_markup, lite

_SUBGROUP_RE = re.compile(r"(?:^|[-–•+]\s*)([^\W\d_][^\d\-–•+<>]{0,20}?)\s*[<>≤≥=]?\s*$")
# The indicator phrase of a number: its words, the punctuation trimmed from its ends, and the
# most kept (the end nearest the number) when a clause runs long.
_PHRASE_WORD_RE = re.compile(r"[^\W\d_]+")
PHRASE_TRIM_RE = re.compile(r"^(?:[\s,;:()\-–+•*]|[a-zđ]\)|\d{1,2}\.)+|[\s,;:(\-–.]+$")
PHRASE_MAX = 160
NAME_BEFORE_QUALIFIER = 4  # words a name led by its number holds before a qualifier cuts it
NAME_BEFORE_COUNT = 3  # words of a name before a count it holds ("… mở rộng với 12 loại vắc-xin")
AFTER_PHRASE_WORDS = 24  # words a name led by its number may hold ("80% trạm y tế đã có bác sĩ")
# beyond this many words, the alias must hold half of them: a long stretch that merely holds a
# short name's words ("70% cho người … làm chuyên môn y tế tại trạm y tế cấp xã") is no name
SHORT_AFTER_PHRASE = 12
LONG_PHRASE_SHARE = 0.5
PHRASE_BREAK_RE = re.compile(r"[,;:()]")  # punctuation that sets a phrase apart
# a name goes on after a count it holds ("12 loại vắc-xin đạt"), not after a price or a rate
# ("804.600 đồng/người/năm, học sinh …")
_NAME_GOES_ON_RE = re.compile(r"\s+[^\W\d_]")
_LIST_BREAK_RE = re.compile(r"[,;]")
_CLAUSE_BREAK_RE = re.compile(r";")


def only_number_first_words(vocab: Vocabulary, low: str, start: int, end: int) -> bool:
    """Is low[start:end] all words that may stand between a number and the indicator it
    leads (vocabulary `number_first_words`)? The gap is matched to its end, stopping at the
    first other word instead of splitting a gap that may run to the end of a long clause."""
    if start >= end:
        return True
    m = vocab.number_first_gap_re.match(low, start, end)
    return m is not None and m.end() == end


class IndicatorChooser:
    """Which of an alias's indicators fits a unit and subgroup, remembered per document.

    `low` is the document's lite() text (title included): an indicator with `context` words
    fits only where one of them stands in it. `headline` is its title and first line, lite():
    what the page is about, which a short name stands for."""

    def __init__(self, vocab: Vocabulary, low: str = "", headline: str = ""):
        self.vocab = vocab
        self.low = low
        self.headline = headline
        self._choices: dict[tuple[str, str | None, str | None, bool], Indicator | None] = {}
        self._in_context: dict[str, bool] = {}
        self._groups_named: dict[str, bool] = {}
        self._skipped: frozenset[str] | None = None

    def in_context(self, ind: Indicator) -> bool:
        if ind.id not in self._in_context:
            self._in_context[ind.id] = not ind.context or any(
                lite(w) in self.low for w in ind.context)
        return self._in_context[ind.id]

    def choose_for_alias(self, key: str, unit: str | None, subgroup: str | None,
                         table: bool) -> Indicator | None:
        cache_key = (key, unit, subgroup, table)
        if cache_key not in self._choices:
            self._choices[cache_key] = self.choose(self._named_here(key), unit, subgroup, table)
        return self._choices[cache_key]

    def holding(self, key: str, value: float) -> Indicator | None:
        """Of the indicators a name shares ("birth rate": the total fertility rate's and the
        crude birth rate's), the first whose plausible range holds a number stated without
        its unit; the first of them when none does."""
        return self.choose(self._named_here(key), None, None, True, value)

    @property
    def skipped_names(self) -> frozenset[str]:
        """The elided and short names this document cannot take (it names no group of theirs,
        or several; its headline names not their indicator, or several): read as no name."""
        if self._skipped is None:
            self._skipped = frozenset(k for k in self.vocab.elided_keys | self.vocab.short_keys
                                      if not self._named_here(k))
        return self._skipped

    def _named_here(self, key: str) -> list[Indicator]:
        """An alias's indicators; for a name whose group was left out (Vocabulary
        elided_groups), those of the one group the document names, none if it names several;
        for a short name (Vocabulary short_names), the one the headline names in full, none
        if it names several."""
        targets = self.vocab.alias_targets[key]
        if key in self.vocab.short_keys:
            short = self.vocab.short_names
            named = [ind for ind in targets if (key, ind.id) in short
                     and short[(key, ind.id)].search(self.headline) is not None]
            return named if len(named) == 1 else []
        if key not in self.vocab.elided_keys:
            return targets
        elided = self.vocab.elided_groups
        named = {ind.id: elided[(key, ind.id)] for ind in targets
                 if (key, ind.id) in elided and self._names_group(elided[(key, ind.id)])}
        return [ind for ind in targets if ind.id in named] \
            if len(set(named.values())) == 1 else []

    def _names_group(self, words: re.Pattern[str]) -> bool:
        if words.pattern not in self._groups_named:
            self._groups_named[words.pattern] = words.search(self.low) is not None
        return self._groups_named[words.pattern]

    def choose(self, targets: list[Indicator], unit: str | None, subgroup: str | None,
               table: bool, value: float | None = None) -> Indicator | None:
        """The first indicator of the subgroup whose unit is the stated one, else the first
        whose unit fits it; a value without a unit fits only in a table, and there, of the
        indicators a name shares ("Tỷ suất sinh": the crude birth rate's and the total
        fertility rate's), the first whose plausible range holds the value."""
        fitting = []
        zone = subgroup in self.vocab.zone_subgroups  # a part of the province, not the whole
        for ind in targets:
            if (ind.subgroup or zone) and ind.subgroup != subgroup or not self.in_context(ind):
                continue
            if unit is None:
                if not table:
                    continue
            elif not self._unit_fits(unit, ind.unit) and unit not in ind.also_in:
                continue
            fitting.append(ind)
        if not fitting:
            return None
        if subgroup is not None:
            # the indicator of the subgroup named beside the value before the whole
            # population's ("nam giới có tuổi thọ trung bình là 71,9 năm")
            fitting.sort(key=lambda i: i.subgroup != subgroup)
        if unit is None:
            # "số ca mắc sốt xuất huyết … tăng 114,3%": a name a count and a rate share is the
            # count's where the number carries no unit (a rate's would carry its own)
            fitting.sort(key=lambda i: not i.relative_only)
        if unit is None and value is not None:
            fitting = [i for i in fitting if holds_value(i, value)] or fitting
        exact = [i for i in fitting if i.unit == unit]
        return (exact or fitting)[0]

    def _unit_fits(self, stated: str, own: str) -> bool:
        if stated == own:
            return True
        units = self.vocab.catalog.units
        if stated == "percent" or own == "percent":
            return False  # a share is never read as a rate per N
        return units[stated].dimension == units[own].dimension


def holds_value(ind: Indicator, value: float) -> bool:
    """Whether the value lies in the indicator's plausible range (any value, without one)."""
    return ind.plausible is None or ind.plausible[0] <= value <= ind.plausible[1]


def pick_indicator(chooser: IndicatorChooser, d: Mention, ix: PairIndex, clause: Span,
                   unit: str | None, subgroup: str | None, table: bool,
                   taken: Named | None = None) -> Named | None:
    """The fitting indicator named nearest the number in its clause: after it when the
    number leads ("50% số xã …") or nothing comes before, else before it, unless the name
    before is `taken` (led by the number before) and one stands in this number's phrase."""
    low = ix.low
    nxt = ix.first_alias_from(d.end, clause[1])
    vocab = chooser.vocab
    cue = nxt is not None and only_number_first_words(vocab, low, d.unit_end,
                                                      ix.alias_starts[nxt])
    if vocab.leading_re.match(low, d.unit_end):
        cue = True  # "50% số xã … đối với rối loạn trầm cảm": the number leads
    fit = ix.fitting((unit, subgroup, table),
                     lambda key: chooser.choose_for_alias(key, unit, subgroup, table))
    after = fit.first_after(d.end, clause[1])
    before = _outside_an_aside(low, fit, fit.last_before(d.start, clause[0]), d, clause)
    if cue:
        if after is not None and _led_by_a_later_item(ix, d, after):
            return None  # "78% A, trong đó 52% B; 100% C được …": the name is C's
        if after is not None and PHRASE_BREAK_RE.search(low, d.unit_end, after.start) \
                and _leads_a_number(ix, after, clause):
            # "76 percent of the pregnant women, the newborn screening rate rose to 84.1":
            # a name set apart by a comma leads the number after it
            after = None
        if after is None and before is not None and taken is not None \
                and (before.start, before.end) == (taken.start, taken.end):
            # "88.8 percent of A …, and 96.2 percent of B (no name known)": the name before
            # is led by the number before; this number leads a subject of its own
            return None
        return _measure_of_its_phrase(vocab, ix, fit, d, after, clause) if after is not None \
            else before
    if after is not None and not _in_its_phrase(ix, d, after) \
            and ix.mention_starts_in(after.end, clause[1]):
        after = None  # "93,7%, tỷ lệ Y … đạt 98,4%": a name set apart before a number is its
    if after is not None and _led_by_a_later_item(ix, d, after):
        after = None  # "80% A, 100% B": B is the next item's, led by its own number
    if not ix.any_alias_before(d.start, clause[0]):
        return after if after is not None else before
    return _before_unless_apart(vocab, ix, d, clause, (before, after), taken)


def _before_unless_apart(vocab: Vocabulary, ix: PairIndex, d: Mention, clause: Span,
                         names: tuple[Named | None, Named | None], taken: Named | None
                         ) -> Named | None:
    """The name before the number, unless the number is set apart from it: by a list item's
    own label (_labelled_apart), or, that name being the number before's, by a name in its own
    phrase; else the name after it."""
    before, after = names
    if before is None or _labelled_apart(vocab, ix, d, clause, before):
        return after
    if (after is not None and taken is not None
            and (before.start, before.end) == (taken.start, taken.end)
            and _in_its_phrase(ix, d, after)):
        # "90% A được điều trị ARV và 90% B … có tải lượng virus dưới ngưỡng ức chế": the
        # name before is the previous number's; the one in this number's own phrase is its
        return after
    return before


def _labelled_apart(vocab: Vocabulary, ix: PairIndex, d: Mention, clause: Span,
                    before: Named) -> bool:
    """"phần lớn lây qua đường tình dục, chiếm 49,58%, đường máu 30,31%, …": a number a list
    item's own words label, right after the number the name before stood for, is another
    item's, not that name's. A label naming a group, a place or a province, or holding a verb
    or a name of its own, goes on with the name ("…, nữ 20%", "…, Hà Nội 91,66%")."""
    prev = ix.mention_before(clause[0], d.start)
    if prev is None or prev.unit != d.unit or d.unit is None or before.end > prev.start:
        return False
    m = vocab.list_label_re.fullmatch(ix.low, prev.unit_end, d.start)
    if m is None:
        return False
    label = f" {m.group('label')} "
    if all(w in vocab.list_label_fillers for w in label.split()):
        return False  # "… compared to the 26% and the nearly 32%": no label
    return not (vocab.subgroup_re.search(label) or vocab.verb_re.search(label)
                or vocab.province_name_re.search(label) or vocab.list_label_areas_re.search(label)
                or any(f" {w} " in label for w in vocab.label_verbs)
                or ix.any_alias_before(d.start, prev.unit_end))


def _outside_an_aside(low: str, fit: Fitting, before: Named | None, d: Mention,
                      clause: Span) -> Named | None:
    """"562 ca mắc sốt rét (không có … tử vong do sốt rét), giảm 65,33%": a name inside a
    bracket closed before the number is the aside's; the name before the bracket is the
    number's (the aside's when there is none). A bracket holding only the name ("the rate of
    malnourished children under 5 (stunted) is below 20%") says what the name before means."""
    if before is None:
        return None
    opened = low.rfind("(", clause[0], before.start)
    if opened < 0 or low.find(")", opened, before.start) >= 0:
        return before
    closed = low.find(")", before.end, d.start)
    if closed < 0 or not (low[opened + 1:before.start].strip()
                          or low[before.end:closed].strip()):
        return before
    return fit.last_before(opened, clause[0]) or before


def _measure_of_its_phrase(vocab: Vocabulary, ix: PairIndex, fit: Fitting, d: Mention,
                           first: Named, clause: Span) -> Named:
    """Of the names in the phrase a number leads (up to the next number, mark or joiner),
    the last: "90 per cent of those taking ARV therapy having viral suppression" — the names
    before it tell whom the share is of, the last one what is measured. A name in the
    number's unit ("30 giường bệnh/vạn dân với …") is what it counts."""
    if first.start < d.unit_end:
        return first
    hi = ix.next_mention_start(d.end, clause[1])
    for stop in (PHRASE_BREAK_RE, vocab.name_joiner_re):
        m = stop.search(ix.low, first.end, hi)
        hi = m.start() if m is not None else hi
    last = first
    while (later := fit.first_after(last.end, hi)) is not None:
        last = later
    # the same name again ("30 giường bệnh/vạn dân với tổng số giường bệnh …") is another item's
    return first if last.indicator.id == first.indicator.id else last


LEADING_NAME_WORDS = 4  # words from a name to the number it leads ("rate rose to 84.1")


def _leads_a_number(ix: PairIndex, named: Named, clause: Span) -> bool:
    """Whether a number follows a name within a few words in its clause."""
    nxt = ix.mention_after(named.end, clause[1])
    return nxt is not None and len(_PHRASE_WORD_RE.findall(ix.low, named.end, nxt.start)) \
        <= LEADING_NAME_WORDS


def respectively_named(chooser: IndicatorChooser, d: Mention, ix: PairIndex, sentence: Span,
                       unit: str | None, table: bool, earlier: Sequence[Named] = ()
                       ) -> Named | None:
    """"A, B tăng lần lượt từ 93% và 91,4% … lên 98% và 98,3%": names listed before a
    "respectively" word take the numbers of one unit after it in turn; after an anaphora
    naming nothing, the names of the sentence before's values (`earlier`, in order)."""
    vocab, low = chooser.vocab, ix.low
    words = ix.in_sentence(sentence, "respectively",
                           lambda lo, hi: list(vocab.respectively_re.finditer(low, lo, hi)))
    # the last such word before the number: "A và B lần lượt là …; C và D lần lượt là …"
    before = [w for w in words if w.end() <= d.start]
    if not before:
        return _named_in_turn_before(chooser, ix, d, sentence, words, unit, table)
    word = before[-1]
    start = before[-2].end() if len(before) > 1 else sentence[0]
    # the names listed since the last number before the word ("… chiếm 3,97%; A và B lần
    # lượt"), else all since the start ("A đạt 12,5 và B 2, … con số tương ứng là …")
    for lo in (ix.mention_end_before(start, word.start()), start):
        names = ix.in_sentence((lo, word.start()), f"names in turn {unit} {table} {lo}",
                               lambda a, b: _names_in_turn(chooser, ix, a, b, unit, table))
        if len({n.indicator.id for n in names}) >= 2:
            return names[ix.rank_among(word.end(), sentence[1], d.start, d.unit) % len(names)]
    # "… hợp vệ sinh đạt trên 85%; tỷ lệ trạm y tế … là gần 95%. Ước đến hết năm 2015, con số
    # này sẽ lần lượt là 90% và 100%": an anaphora naming nothing, the sentence before's names
    listed = ix.rank_among(word.end(), sentence[1], sentence[1], d.unit)
    names = _named_in_the_sentence_before(chooser, ix, sentence, word.start(), listed, unit,
                                          earlier)
    if listed < 2 or len(names) != listed or len({n.indicator.id for n in names}) != listed:
        return None
    return names[ix.rank_among(word.end(), sentence[1], d.start, d.unit)]


class TurnItem(NamedTuple):
    """The item of a list told in turn ("sâu răng và cận thị lần lượt là 55% và 54%") whose
    value a number is: the item's text [lo, hi) and the list's [list_lo, list_hi)."""
    lo: int
    hi: int
    list_lo: int
    list_hi: int


TURN_LEAD_WORDS = 3  # words between a "respectively" word and the first value ("lần lượt là")
_BARE_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _names_a_year(vocab: Vocabulary, text: str) -> bool:
    """Whether a list item is a year and nothing else ("năm 2019", "2020")."""
    return not _PHRASE_WORD_RE.search(_BARE_YEAR_RE.sub(" ", vocab.year_phrase_re.sub(" ", text)))


def turn_item(vocab: Vocabulary, ix: PairIndex, d: Mention, sentence: Span) -> TurnItem | None:
    """The item a number takes in a list told in turn: the values right after a
    "respectively" word, joined by commas or "và", pair with as many items listed before the
    word, in order. None: no such list, fewer items than values, or items that are years
    (those date the values, see kind_year)."""
    low = ix.low
    words = ix.in_sentence(sentence, "respectively",
                           lambda lo, hi: list(vocab.respectively_re.finditer(low, lo, hi)))
    before = [w for w in words if w.end() <= d.start]
    if not before:
        return _item_before_its_values(vocab, ix, d, sentence, words)
    word = before[-1]
    values = _values_in_turn(vocab, ix, word.end(), sentence[1])
    if len(values) < 2 or d.start not in values:
        return None
    lo = max(ix.mention_end_before(sentence[0], word.start()),
             before[-2].end() if len(before) > 1 else sentence[0])
    items = _list_items(vocab, low, lo, word.start())[-len(values):]
    if len(items) < len(values) or any(_names_a_year(vocab, low[a:b]) for a, b in items):
        return None
    return TurnItem(*items[values.index(d.start)], items[0][0], items[-1][1])


def _item_before_its_values(vocab: Vocabulary, ix: PairIndex, d: Mention, sentence: Span,
                            words: list[re.Match[str]]) -> TurnItem | None:
    """"… infections via blood, sex and mother to child transmission … were 36.9%, 63.1% and
    0%, respectively": values joined before a "respectively" word pair, in order, with as many
    items listed before the first of them."""
    after = [w for w in words if w.start() >= d.end]
    if not after:
        return None
    values = [d]
    while (prev := ix.mention_before(sentence[0], values[0].start)) is not None \
            and vocab.name_list_gap_re.fullmatch(ix.low, prev.unit_end, values[0].start):
        values.insert(0, prev)
    while (nxt := ix.mention_after(values[-1].end, after[0].start())) is not None \
            and vocab.name_list_gap_re.fullmatch(ix.low, values[-1].unit_end, nxt.start):
        values.append(nxt)
    if len(values) < 2 or ix.low[values[-1].unit_end:after[0].start()].strip(" ,") \
            or ix.mention_after(values[-1].end, after[0].start()) is not None:
        return None
    lo = ix.mention_end_before(sentence[0], values[0].start)
    items = _list_items(vocab, ix.low, lo, values[0].start)[-len(values):]
    # a list's last item follows a joining word ("blood, sex and mother to child …"), not a
    # comma only ("For the Lao Cai - Yen Bai pair, the average fertility rates were …")
    if len(items) < 2 or "," in ix.low[items[-2][1]:items[-1][0]]:
        return None
    if len(items) < len(values) or any(_names_a_year(vocab, ix.low[a:b])
                                       or vocab.province_of_label(ix.low[a:b]) is not None
                                       for a, b in items):
        return None  # years date the values; places ("Dien Bien, Lai Chau and …") are theirs
    k = [v.start for v in values].index(d.start)
    return TurnItem(*items[k], items[0][0], items[-1][1])


def values_told_in_turn(vocab: Vocabulary, ix: PairIndex, d: Mention, sentence: Span
                        ) -> tuple[int, list[int]] | None:
    """(where the "respectively" word before a number starts, the starts of the values it
    tells in turn) when the number is one of them."""
    words = ix.in_sentence(sentence, "respectively",
                           lambda lo, hi: list(vocab.respectively_re.finditer(ix.low, lo, hi)))
    before = [w for w in words if w.end() <= d.start]
    if not before:
        return None
    values = _values_in_turn(vocab, ix, before[-1].end(), sentence[1])
    return (before[-1].start(), values) if d.start in values else None


def _values_in_turn(vocab: Vocabulary, ix: PairIndex, pos: int, hi: int) -> list[int]:
    """The starts of the numbers right after a "respectively" word ending at pos, joined by
    commas or "và"/"and" alone."""
    first = ix.mention_after(pos, hi)
    if first is None or len(ix.low[pos:first.start].split()) > TURN_LEAD_WORDS:
        return []
    values = [first]
    while (nxt := ix.mention_after(values[-1].end, hi)) is not None \
            and vocab.name_list_gap_re.fullmatch(ix.low, values[-1].unit_end, nxt.start):
        values.append(nxt)
    return [m.start for m in values]


def _list_items(vocab: Vocabulary, low: str, lo: int, hi: int) -> list[Span]:
    """The spans of a list's items in low[lo:hi], parted by commas, semicolons and "và"/"and"
    outside brackets ("Tuyên Quang (nhập từ Hà Giang và Tuyên Quang)" is one item)."""
    items, start = [], lo
    for m in vocab.item_break_re.finditer(low, lo, hi):
        if low.count("(", lo, m.start()) > low.count(")", lo, m.start()):
            continue  # inside brackets
        items.append((start, m.start()))
        start = m.end()
    items.append((start, hi))
    return [(a, b) for a, b in items if low[a:b].strip()]


class ItemName(NamedTuple):
    """What an item of a list told in turn names: `named` when `final`; otherwise the item
    names nothing itself, and the number may be named as any other, but never by the
    indicators the list's other items name (`others`)."""
    named: Named | None
    final: bool
    others: frozenset[str] = frozenset()


def item_named(chooser: IndicatorChooser, ix: PairIndex, item: TurnItem, sentence: Span,
               unit: str | None, table: bool) -> ItemName:
    """The indicator an item of a list told in turn names: its own name, in the subgroup it
    names ("tuổi thọ trung bình của nam"); an item naming only a subgroup ("… và nữ") takes
    the name before it in that subgroup, or none when the indicator has no figure for the
    subgroup (its value is not the whole population's)."""
    vocab = chooser.vocab
    subgroup = subgroup_in_phrase(vocab, ix.low, item.lo, item.hi)
    own = ix.aliases_in(item.lo, item.hi)
    head = ix.aliases_in(sentence[0], item.lo) if not own and subgroup is not None else []
    hit = own[0] if own else head[-1] if head else None
    ind = None if hit is None else chooser.choose_for_alias(hit.key, unit, subgroup, table)
    if subgroup is not None and (ind is None or ind.subgroup != subgroup):
        return ItemName(None, True)
    if hit is not None and ind is not None:
        return ItemName(Named(ind, hit.start, hit.end), True)
    # no name in this unit ("tử vong … dưới 5 tuổi … lần lượt là 15,6%": a rate typed "%"),
    # or none at all
    others = frozenset(ind.id for a in ix.aliases_in(item.list_lo, item.list_hi)
                       if not item.lo <= a.start < item.hi
                       and (ind := chooser.choose_for_alias(a.key, unit, None, table)))
    return ItemName(None, False, others)


def paired_in_turn(chooser: IndicatorChooser, d: Mention, ix: PairIndex, clause: Span,
                   unit: str | None, table: bool) -> Named | None:
    """"số bác sĩ và giường bệnh trên 1 vạn dân đạt 10 và 31,5", "doctors and hospital beds
    per 10,000 population to 18 and 42": two names joined by "và"/"and" before two numbers of
    one unit joined so give them the numbers in turn, with no "respectively" said."""
    pair = _joined_pair(chooser.vocab, ix, d, clause)
    if pair is None:
        return None
    first, second = pair
    lo = ix.mention_end_before(clause[0], first.start)
    names = _names_in_turn(chooser, ix, lo, first.start, unit, table)
    if len(names) != 2 or names[0].indicator.id == names[1].indicator.id \
            or ix.low[names[0].end:names[1].start].strip(" ,") not in chooser.vocab.count_joiners:
        return None
    return names[0] if d is first else names[1]


def _joined_pair(vocab: Vocabulary, ix: PairIndex, d: Mention, clause: Span
                 ) -> tuple[Mention, Mention] | None:
    """The two numbers of one unit, the given one among them, joined by "và"/"and" alone, and
    no third number of the list around them."""
    before = ix.mention_before(clause[0], d.start)
    after = ix.mention_after(d.unit_end, clause[1])
    for first, second in ((before, d), (d, after)):
        if first is None or second is None or first.unit != second.unit:
            continue
        if ix.low[first.unit_end:second.start].strip(" ,") not in vocab.count_joiners:
            continue
        outer = ix.mention_before(clause[0], first.start)
        if outer is not None and not ix.low[outer.unit_end:first.start].strip(" ,;"):
            return None  # "8, 10 và 31,5": a longer list
        third = ix.mention_after(second.unit_end, clause[1])
        if third is not None and ix.low[second.unit_end:third.start].strip(" ,") in \
                vocab.count_joiners | {""}:
            return None
        return first, second
    return None


def _named_in_turn_before(chooser: IndicatorChooser, ix: PairIndex, d: Mention,
                          sentence: Span, words: list[re.Match[str]], unit: str | None,
                          table: bool) -> Named | None:
    """"the number of hospital beds and medical doctors per 10,000 population will be 33 and
    11, respectively": a "respectively" word after a list of numbers of one unit (no name
    between) gives them in turn the names listed just before the list, as many as it holds."""
    after = [w for w in words if w.start() >= d.end]
    if not after or ix.aliases_in(d.end, after[0].start()):
        return None
    word = after[0]
    first = d
    while (prev := ix.mention_before(sentence[0], first.start)) is not None \
            and prev.unit == d.unit and not ix.aliases_in(prev.end, first.start):
        first = prev
    listed = ix.rank_among(first.start, word.start(), word.start(), d.unit)
    lo = ix.mention_end_before(sentence[0], first.start)
    names = _names_in_turn(chooser, ix, lo, first.start, unit, table)[-listed:]
    if not names:
        names = _named_in_the_sentence_before(chooser, ix, sentence, first.start, listed,
                                              unit)
    if listed < 2 or len(names) != listed or len({n.indicator.id for n in names}) != listed:
        return None
    return names[ix.rank_among(first.start, word.start(), d.start, d.unit)]


def _named_in_the_sentence_before(chooser: IndicatorChooser, ix: PairIndex, sentence: Span,
                                  first: int, listed: int, unit: str | None,
                                  earlier: Sequence[Named] = ()) -> list[Named]:
    """"… 12.5 doctors per 10,000 people and 2 pharmacists per 10,000 people in 2015. The
    figures will be raised to 13.5 and 2.5 respectively in 2020": numbers a plural anaphora
    (plural_anaphora_words) opens their sentence with take, in turn, the last names of the
    sentence before: bare numbers each in its own unit, others those that fit their unit
    ("The figures are hoped to fall to 11.3 percent and 6.8 percent, respectively")."""
    if sentence[0] == 0 or chooser.vocab.plural_anaphora_re.search(
            ix.low, sentence[0], first) is None:
        return []
    # the names its values took (a name matched loosely too), else the names written there
    fitting = [n for n in earlier if unit is None or n.indicator.unit == unit]
    if len(fitting) >= listed:
        return fitting[-listed:]
    before = ix.sentence_of(sentence[0] - 1)
    return _names_in_turn(chooser, ix, before[0], before[1], unit, True)[-listed:]


def _names_in_turn(chooser: IndicatorChooser, ix: PairIndex, lo: int, hi: int,
                   unit: str | None, table: bool) -> list[Named]:
    """The names in [lo, hi) that fit, in text order, each with the subgroup its words name."""
    names: list[Named] = []
    for hit in ix.aliases_in(lo, hi):
        if names and hit.start < names[-1].end:
            continue  # a name inside the one before
        subgroup = subgroup_in_phrase(chooser.vocab, ix.low, lo, hit.end)
        ind = chooser.choose_for_alias(hit.key, unit, subgroup, table)
        if ind is not None:
            names.append(Named(ind, hit.start, hit.end))
        lo = hit.end
    return names


def _led_by_a_later_item(ix: PairIndex, d: Mention, named: Named) -> bool:
    """Does a name after a number follow a later item of a list ("80% trạm y tế đã có bác sĩ,
    100% trạm y tế có nữ hộ sinh"): another number between them, after a comma or semicolon?"""
    later = ix.next_mention_start(d.end, named.start)
    return later < named.start and _LIST_BREAK_RE.search(ix.low, d.unit_end, later) is not None


def _in_its_phrase(ix: PairIndex, d: Mention, named: Named) -> bool:
    """Does a name after a number stand in the number's own phrase: no other number and no
    punctuation between them? An age label between is part of the phrase ("95% người từ 18
    tuổi trở lên được tiêm mũi 2")."""
    return (not _value_in(ix, d.end, named.start)
            and PHRASE_BREAK_RE.search(ix.low, d.unit_end, named.start) is None)


def fuzzy_named(vocab: Vocabulary, phrase: str | None, unit: str, subgroup: str | None,
                min_share: float = 0.0) -> Named | None:
    """The indicator a phrase names loosely (no alias in it), in the number's own unit, by
    an alias holding at least `min_share` of the phrase's words."""
    if not phrase:
        return None

    named_groups = vocab.groups_named(lite(phrase))

    def choose(targets: list[Indicator]) -> Indicator | None:
        # an indicator of a group ("hộ nghèo", "trạm y tế") is a phrase's only when the phrase
        # names that group: close words cannot tell the poor's share from everyone's
        # one known by short names in a context ("mũi 1") is never matched loosely
        return next((i for i in targets if i.unit == unit and not i.context
                     and (i.subgroup is None or i.subgroup == subgroup)
                     and vocab.subject_group(i) in (None, *named_groups)), None)

    found = vocab.fuzzy.best(vocab.key(phrase).key, choose, min_share)
    if found is None or _negated_loosely(vocab, phrase, found.alias_key):
        return None
    return Named(found.indicator, 0, 0, "fuzzy", found.score)


def _negated_loosely(vocab: Vocabulary, phrase: str, alias_key: str) -> bool:
    """"2% số xã, phường chưa đạt chuẩn quốc gia về y tế": a negation its alias lacks makes
    the phrase say the opposite of the name it is close to."""
    negation = vocab.negation_re.search(lite(phrase))
    return negation is not None and \
        f" {vocab.key(negation.group(0)).key} " not in f" {alias_key} "


# An item named by words it borrows from the list's last item must match closely: a borrowed
# predicate makes any subject look like the last item's indicator.
LIST_ITEM_MIN_SCORE = 95.0
SPECIFIER_WORDS = 8  # words an item naming only what sets it apart may hold ("tại quán bar, cà phê
# xuống dưới"): a longer one names itself, and trying heads for it costs a fuzzy search each
CLOSING_WORDS = 14  # words of the last item's closing phrase tried as borrowed
_ITEM_SEPARATOR_RE = re.compile(r"\s*(?:,|;|\bvà\b)\s*$")
_LIST_END_RE = re.compile(r"[;.]")


def list_item_named(vocab: Vocabulary, ix: PairIndex, d: Mention, sentence: Span,
                    subgroup: str | None) -> tuple[Named, str] | None:
    """"100% người quản lý, 95% người trực tiếp sản xuất, chế biến, kinh doanh thực phẩm và
    90% người tiêu dùng có kiến thức, thực hành đúng về ATTP": items each led by a number of
    one unit share the words after the last item. An item naming nothing alone is named by its
    own words and the last item's closing words, another indicator than the last item's;
    with that phrase."""
    low, unit = ix.low, d.unit
    if unit is None:
        return None
    nxt = ix.mention_after(d.unit_end, sentence[1])
    if nxt is None or nxt.unit != unit or not _ITEM_SEPARATOR_RE.search(low, d.unit_end, nxt.start):
        return None
    own = _ITEM_SEPARATOR_RE.sub("", low[d.unit_end:nxt.start]).strip()
    if vocab.item_predicate_re.search(own):
        return None  # an item saying what its share is of borrows nothing
    last = nxt
    while (after := ix.mention_after(last.unit_end, sentence[1])) is not None \
            and after.unit == unit and _ITEM_SEPARATOR_RE.search(low, last.unit_end, after.start):
        last = after
    end = _LIST_END_RE.search(low, last.unit_end, sentence[1])
    words = low[last.unit_end:end.start() if end else sentence[1]].split()[:CLOSING_WORDS]
    lasts = fuzzy_named(vocab, " ".join(words), unit, subgroup)
    return _best_borrowed([f"{own} {' '.join(words[k:])}" for k in range(1, len(words))],
                          vocab, unit, subgroup, lasts.indicator if lasts else None)


def head_borrowed_named(vocab: Vocabulary, ix: PairIndex, d: Mention, clause: Span,
                        sentence: Span, subgroup: str | None, previous: Indicator | None
                        ) -> tuple[Named, str] | None:
    """"Giảm tỷ lệ tiếp xúc thụ động với khói thuốc lá tại nơi làm việc xuống dưới 30%; tại nhà
    hàng xuống dưới 75%" (or the head ending in a colon): an item that names only what sets it
    apart is named by the head words and its own, another indicator than the item before;
    with that phrase. The head is what stands before a colon, else the first words of the
    clause of the sentence's first number (as many as name an indicator)."""
    low = ix.low
    if d.unit is None:
        return None
    colon = low.rfind(":", sentence[0], clause[0])
    if colon >= 0 and not ix.mention_starts_in(sentence[0], colon):
        heads = [low[sentence[0]:colon].strip(" -+•*")]
    else:
        first = ix.mention_after(sentence[0], d.start)
        if first is None:
            return None
        words = low[ix.clause_of(first.start)[0]:first.start].strip(" -+•*").split()
        heads = [" ".join(words[:k]) for k in range(len(words) - 1, 1, -1)]
    # the item: what stands since the number before (or the colon), commas and all
    own = low[max(colon + 1, ix.mention_end_before(sentence[0], d.start)):d.start].strip(" ;,")
    if vocab.own_item_re.search(own) or len(own.split()) > SPECIFIER_WORDS:
        return None  # a share of its own, or more words than a specifier's
    return _best_borrowed([f"{head} {own}" for head in heads], vocab, d.unit, subgroup,
                          previous)


SHARE_LEAD_WORDS = 4  # words a share's own clause may hold before it ("đạt tỷ lệ gần")
_NOUN_PHRASE_END_RE = re.compile(r"[,(]")
AGE_UNIT = "years"  # "dưới 5 tuổi" between a count and its share labels an age
_BLANKS_AFTER_RE = re.compile(r"\s*")


def count_share_named(vocab: Vocabulary, ix: PairIndex, d: Mention, clause: Span,
                      sentence: Span, subgroup: str | None) -> tuple[Named, str] | None:
    """"… đã lập hồ sơ quản lý sức khỏe cá nhân cho hơn 405 nghìn người dân, đạt tỷ lệ gần
    40% …": a share right after a count, its own clause naming nothing, is the share of what
    the count counts: named by the count's clause up to the comma after its noun; with that
    phrase."""
    low = ix.low
    count = ix.mention_before(sentence[0], d.start)
    while count is not None and count.unit == AGE_UNIT:
        count = ix.mention_before(sentence[0], count.start)  # "trẻ dưới 5 tuổi": an age label
    if d.unit is None or count is None or count.unit is not None:
        return None
    noun = vocab.count_re.match(low, _BLANKS_AFTER_RE.match(low, count.end).end())
    if noun is None or _value_in(ix, noun.end(), d.start):
        return None
    # the noun's phrase ends at a comma or a bracket ("cho 64.438 trẻ dưới 5 tuổi (đạt 99,16%)")
    ends = _NOUN_PHRASE_END_RE.search(low, noun.end(), d.start)
    comma = ends.start() if ends else -1
    if comma < 0 or len(_PHRASE_WORD_RE.findall(low, comma, d.start)) > SHARE_LEAD_WORDS:
        return None
    phrase = low[ix.clause_of(count.start)[0]:comma].strip()
    found = fuzzy_named(vocab, phrase, d.unit, subgroup)  # its own words: the usual bar
    return None if found is None else (found, phrase)


# between the two ends of an age band: "12 đến dưới 18 tuổi", "12 - 17 tuổi"
_AGE_BAND_JOIN_RE = re.compile(r"\s*(?:[-–]|đến|tới)\s*(?:dưới\s*)?")


def _value_in(ix: PairIndex, lo: int, hi: int) -> bool:
    """Whether a number other than an age label ("5 tuổi", "12 đến dưới 18 tuổi", "6–36
    tháng tuổi") starts in [lo, hi)."""
    m = ix.mention_after(lo, hi)
    while m is not None and (m.unit == AGE_UNIT or _opens_an_age_band(ix, m)
                             or ix.age_in_months_after_re.match(ix.low, m.end)):
        m = ix.mention_after(m.end, hi)
    return m is not None


def _opens_an_age_band(ix: PairIndex, m: Mention) -> bool:
    if m.unit is not None:
        return False
    join = _AGE_BAND_JOIN_RE.match(ix.low, m.end)
    nxt = ix.mention_after(m.end, m.end + 20)
    return join is not None and nxt is not None and nxt.start == join.end() \
        and nxt.unit == AGE_UNIT


def _best_borrowed(phrases: list[str], vocab: Vocabulary, unit: str, subgroup: str | None,
                   other_than: Indicator | None) -> tuple[Named, str] | None:
    """Of phrases composed with borrowed words, the one naming an indicator (not `other_than`)
    most closely: the best fuzzy score, then, of equal scores (any words of an alias score
    100), the phrase closest to the indicator's name as a whole."""
    best: tuple[tuple[float, float], Named, str] | None = None
    for phrase in phrases:
        found = fuzzy_named(vocab, phrase, unit, subgroup)
        if found is None or (found.score or 0) < LIST_ITEM_MIN_SCORE \
                or (other_than is not None and found.indicator.id == other_than.id):
            continue
        rank = (found.score or 0, fuzz.ratio(vocab.key(phrase).key,
                                             vocab.key(found.indicator.name_vi).key))
        if best is None or rank > best[0]:
            best = rank, found, phrase
    return None if best is None else (best[1], best[2])


def unit_named(vocab: Vocabulary, unit: str, subgroup: str | None = None) -> Named | None:
    """The one indicator stated in a unit, when only one is ("107 trẻ trai/100 trẻ gái" is a
    sex ratio at birth, "1,4 con/phụ nữ" a total fertility rate, whatever the words around
    call them): the unit names it, and a part of the population ("khu vực thành thị là 98,3
    nam/100 nữ") that indicator's part when the catalogue holds one. None for a unit several
    indicators share, or for a part the catalogue holds no indicator of."""
    if unit in vocab.units_naming_a_sex and subgroup in vocab.sex_subgroups:
        subgroup = None  # "một phụ nữ sinh 2,76 con": the unit's own words, no part
    only = vocab.sole_indicator_of_unit.get((unit, subgroup))
    return None if only is None else Named(only, 0, 0, "unit", None)


def subgroup_before(vocab: Vocabulary, low: str, start: int) -> str | None:
    """The subgroup a list item names before its number ("- Nam: 72 tuổi")."""
    m = _SUBGROUP_RE.search(low[max(0, start - 25):start])
    if not m:
        return None
    return vocab.subgroups.get(m.group(1).strip())


def subgroup_right_after(vocab: Vocabulary, low: str, unit_end: int) -> str | None:
    """The subgroup a number is said of right after it ("168,5 cm với nam và 157,5 cm với
    nữ"): a "for" word, then a subgroup label."""
    link = vocab.subgroup_link_re.match(low, unit_end)
    return vocab.subgroup_of(vocab.subgroup_re.match(low, link.end())) if link is not None \
        else None


def subgroup_in_phrase(vocab: Vocabulary, low: str, lo: int, pos: int) -> str | None:
    """The subgroup the words before a number name, after any number before it ("Tỷ lệ dân
    cư đô thị được dùng nước sạch đạt 93,7%": urban): the last subgroup label there."""
    found = None
    for m in vocab.subgroup_re.finditer(low, lo, pos):
        found = vocab.subgroup_of(m) or found
    return found


def indicator_phrase(vocab: Vocabulary, seg: Segment, d: Mention, ix: PairIndex, clause: Span,
                     named: Named | None) -> str | None:
    """The indicator phrase as written: the words of the clause before the number (after
    any number before it), or after it when the number leads; the matched name itself
    when it stands outside that stretch."""
    lo = max(clause[0], _named_stretch_start(vocab, ix, clause[0], d.start))
    hi = d.start
    if len(_PHRASE_WORD_RE.findall(ix.low, lo, hi)) < 2:
        lo, hi = d.unit_end, ix.next_mention_start(d.end, clause[1])
    if named is not None and named.end > named.start and not (
            lo <= named.start and named.end <= hi):
        lo, hi = named.start, named.end
    return _phrase_text(vocab, seg, lo, hi)


def _named_stretch_start(vocab: Vocabulary, ix: PairIndex, lo: int, pos: int) -> int:
    """Where the words naming a number at pos start: after the number before it, unless that
    one is a bare count inside the name ("tỷ lệ trẻ em … được tiêm chủng mở rộng với 12 loại
    vắc-xin đạt 95%")."""
    before = ix.mention_before(lo, pos)
    while before is not None and before.unit is None and (
            noun := vocab.count_re.match(ix.low, _BLANKS_AFTER_RE.match(ix.low, before.end).end())
            ) is not None and _NAME_GOES_ON_RE.match(ix.low, noun.end()):
        earlier = ix.mention_before(lo, before.start)
        if len(_PHRASE_WORD_RE.findall(ix.low, earlier.unit_end if earlier else lo,
                                       before.start)) < NAME_BEFORE_COUNT:
            break  # "Có 602 đơn vị, trường học …": the count opens the stretch, a subject
        before = earlier
    return before.unit_end if before is not None else lo


def after_phrase_share(phrase: str) -> float:
    """The share of its words an alias must hold to name a phrase led by its number."""
    return LONG_PHRASE_SHARE if len(_PHRASE_WORD_RE.findall(phrase)) > SHORT_AFTER_PHRASE else 0.0


def phrase_after(vocab: Vocabulary, seg: Segment, d: Mention, ix: PairIndex, clause: Span,
                 past_commas: bool = False) -> str | None:
    """The words after a number up to the next number or the clause's end ("80% trạm y tế
    đã có bác sĩ, …"): the phrase a number that leads names, when the words before it name
    nothing. It ends at a comma, unless `past_commas` ("90% NCT được khám, kiểm tra sức khỏe
    định kỳ": verbs sharing their object)."""
    hi = ix.next_mention_start(d.end, clause[1])
    m = (_CLAUSE_BREAK_RE if past_commas else _LIST_BREAK_RE).search(ix.low, d.unit_end, hi)
    hi = m.start() if m else hi
    if len(_PHRASE_WORD_RE.findall(ix.low, d.unit_end, hi)) > AFTER_PHRASE_WORDS:
        return None  # a long stretch is the rest of a row or a sentence, not a name
    # "60,31% hộ dân nông thôn được sử dụng nước sạch đạt quy chuẩn từ hệ thống cấp nước tập
    # trung": the name ends where a phrase qualifying it opens
    q = vocab.qualifier_re.search(ix.low, d.unit_end, hi)
    if q is not None and len(_PHRASE_WORD_RE.findall(ix.low, d.unit_end, q.start())) \
            >= NAME_BEFORE_QUALIFIER:
        hi = q.start()
    return _phrase_text(vocab, seg, d.unit_end, hi)


def _phrase_text(vocab: Vocabulary, seg: Segment, lo: int, hi: int) -> str | None:
    """seg.text[lo:hi] as an indicator phrase: markup, edges and the verbs and bounds that
    end it trimmed."""
    text = blank_markup(seg.text[lo:hi])
    text = PHRASE_TRIM_RE.sub("", " ".join(text.split()))
    words = vocab.phrase_tail_words
    for _ in range(3):  # "đạt trên", "là khoảng": the verbs and bounds before the number
        low_text = lite(text)
        cut = next((w for w in words if low_text.endswith(" " + w) or low_text == w), None)
        if cut is None:
            break
        text = PHRASE_TRIM_RE.sub("", text[:len(text) - len(cut)])
    return text[-PHRASE_MAX:].strip() or None
