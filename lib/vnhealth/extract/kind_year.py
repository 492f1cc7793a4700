"""The kind and the year of a value, each with the reason given for it (`kind_basis`,
`year_basis`).

Kind: reported (`actual`), planned (`target`, or a `trajectory` milestone), or the start of a
change (`baseline`), first reason first: a "từ X … lên Y" start, a table column, a statistics
document, a value reached in a year before the plan, the section. Year: from the text only (the
number's own year, a year phrase around it, its section heading or table header, the plan's
horizon among its targets), else not stated.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from vnhealth.extract.comparators import change_to_at, is_baseline_from
from vnhealth.extract.index import GOAL_REACH, PairIndex, Span
from vnhealth.extract.issued import BRACKETED_RE, EARLY_MONTHS, IssueYear
from vnhealth.extract.lines import BULLET_RE, YEAR_IN_TEXT_RE, strip_marker
from vnhealth.extract.mentions import Mention
from vnhealth.extract.records import Segment
from vnhealth.extract.sections import Section
from vnhealth.extract.shapes.records import Table, YearColumn
from vnhealth.extract.state import DocumentRun
from vnhealth.extract.vocabulary import Vocabulary
from vnhealth.inputs.catalog import Document
from vnhealth.inputs.text import lite, nfc


class KindChoice(NamedTuple):
    kind: str
    basis: str


class YearChoice(NamedTuple):
    year: int | None
    basis: str


NOT_STATED = YearChoice(None, "not stated")
HORIZON_BASIS = "plan horizon"  # how a year_basis taken from the plan's horizon opens
HORIZON_NOT_STATED = YearChoice(None, "not stated (the document names no plan horizon)")


def statistics_word(doc: Document, words: Sequence[str]) -> str | None:
    """The word of a document's title that makes it a statistics page or yearbook."""
    low = lite(nfc(doc.title or ""))
    return next((w for w in words if w in low), None)


def reports_only(doc: Document, statistics: str | None, issued: IssueYear | None,
                 plans: bool = True) -> str | None:
    """Why every value of a document is reported (a kind_basis), or None: a statistics page
    or yearbook, a text issued after the last year it covers, which can plan none of it, or
    one that names no plan or target at all (`plans` False, see :func:`mentions_any`)."""
    if statistics is not None:
        return f"statistics document: '{statistics}'"
    if issued is not None and issued.year > doc.period_end:
        return (f"issued in {issued.year} ({issued.basis}), after the period it covers "
                f"({doc.period_start}–{doc.period_end})")
    if not plans:
        return "the document names no plan or target"
    return None


def document_lite(doc: Document, lines: Sequence[str]) -> str:
    """The document's title and text as one lite() text, for :func:`mentions_any`."""
    return lite("\n".join((doc.title or "", *lines)))


def mentions_any(words: Sequence[str], low: str) -> bool:
    """Whether one of `words` (lite) stands in a document's lite text (:func:`document_lite`):
    a plan or target word (see reports_only), a review word (pairing's "achieved/target")."""
    return any(w in low for w in words)


def reference_year(doc: Document) -> int:
    """The first year the document plans for: a value for an earlier year is reported."""
    issued = int(doc.issued_on[:4]) if doc.issued_on and doc.issued_on[:4].isdigit() else None
    return min(doc.period_start, issued) if issued else doc.period_start


# a remark in brackets (BRACKETED_RE) and a year that is part of a date ("14/3/2018",
# "14-3-2018") name no period in a title
_DATE_YEAR_RE = re.compile(r"(?<!\d)\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*((?:19|20)\d\d)(?!\d)")


def stated_horizon(doc: Document, lines: list[str]) -> int | None:
    """The year a plan's undated targets are for: the last year of the period its title names
    ("Kế hoạch … năm 2018" is for 2018, though its text looks on to 2020), else the period's
    last year where the text names it. A year only the manifest gives (its period, or a
    bracketed description or date in its title) is a reader's guess, not the document's word."""
    title = BRACKETED_RE.sub(" ", doc.title)
    dates = {int(y) for y in _DATE_YEAR_RE.findall(title)}
    titled = [int(y) for y in YEAR_IN_TEXT_RE.findall(title)
              if doc.period_start <= int(y) <= doc.period_end and int(y) not in dates]
    if titled:
        return max(titled)
    wanted = doc.period_end
    for text in (_DATE_YEAR_RE.sub(" ", title), *lines):
        if any(int(y) == wanted for y in YEAR_IN_TEXT_RE.findall(text)):
            return wanted
    return None


def _list_start(vocab: Vocabulary, ix: PairIndex, d: Mention, clause: Span) -> int:
    """Where the list a number closes starts: "lần lượt là 71,2 năm và 76,5 năm" starts at
    71,2, whose verb is the 76,5's too; a number in no list starts it."""
    start = d
    while (before := ix.mention_before(clause[0], start.start)) is not None \
            and vocab.name_list_gap_re.fullmatch(ix.low, before.unit_end, start.start):
        start = before
    return start.start


def verb_before(verb_re: re.Pattern[str], low: str, lo: int, start: int) -> str | None:
    """The reporting verb standing right before a number, if any."""
    m = verb_re.search(low, max(lo, start - 24), start)
    return m.group(1) if m else None


def decide_kind(*, baseline: bool, column_kind: str | None, reports_only: str | None,
                section: Section | None, verb: str | None, year: YearChoice,
                past_before: int, issued: IssueYear | None = None,
                change_end: int | None = None) -> KindChoice:
    """The kind of a value, first reason first: a "từ X … lên Y" start (reported when the
    change ends before the document), a table column's own kind, its year against the
    document's date, a statistics document, a value reached in a year before the plan, the
    section."""
    if baseline:
        ended = _against_issue(change_end, issued, past_before)
        if ended is not None and ended[0] == "actual":
            return KindChoice("actual", f"start of a change reported up to {change_end}, "
                                        f"{ended[1]}")
        return KindChoice("baseline", "'từ … lên/xuống' start value")
    if column_kind is not None:
        return KindChoice(column_kind, "table column")
    dated = kind_from_dates(year.year, issued, past_before)
    if dated is not None:
        return dated
    if reports_only is not None:
        return KindChoice("actual", reports_only)
    if verb is not None and year.year is not None and year.year < past_before:
        return KindChoice("actual", f"'{verb}' with a past year ({year.year})")
    if section is not None and section.kind == "result":
        return KindChoice("actual", f"results section: '{section.word}'")
    if section is not None and section.kind == "target":
        return KindChoice("target", f"target section: '{section.word}'")
    return KindChoice("target", "plan document")


def kind_from_dates(year: int | None, issued: IssueYear | None, past_before: int
                    ) -> KindChoice | None:
    """A value for a year after the document was issued cannot have been reported in it (a
    target); one for a year before it (before the plan's first year when the date of issue
    is unknown) is not planned there (an actual). None: the dates do not decide."""
    found = _against_issue(year, issued, past_before)
    return None if found is None else KindChoice(found[0], f"year {year}, {found[1]}")


def _against_issue(year: int | None, issued: IssueYear | None, past_before: int
                   ) -> tuple[str, str] | None:
    """(kind, why) a year's value has against the document's date, or None."""
    if year is None:
        return None
    if issued is not None and year != issued.year:
        when = "after" if year > issued.year else "before"
        return ("target" if year > issued.year else "actual",
                f"{when} the document was issued ({issued.year}: {issued.basis})")
    if issued is None and year < past_before:
        return "actual", f"before the plan's first year ({past_before})"
    return None


def column_kind(table: Table, column: YearColumn, *, statistics: bool, period_start: int,
                period_end: int, issued: IssueYear | None = None) -> tuple[str, str]:
    """(kind, basis) of the values in a column: a statistics table (a preliminary column, a
    yearbook) and a year before the plan's period report actuals; a column headed as achieved
    in a plan table is its baseline, unless its year comes after the document was issued
    ("Ước TH năm 2021" in a report of December 2020: what is planned); otherwise the plan's
    target or a milestone toward it."""
    if column.kind_hint == "preliminary":
        return "actual", "table column: preliminary"
    if table.kind_hint == "actual" or statistics:
        return "actual", "statistics table"
    if column.kind_hint == "actual" and issued is not None and column.year > issued.year:
        return "target", (f"table column: estimated for {column.year}, after the document was "
                          f"issued ({issued.year}: {issued.basis})")
    if column.kind_hint == "actual":
        if _measures_a_plan(table):
            # "TH năm 2018 | KH năm 2019 | Ước TH năm 2019": a table of results against a plan
            return "actual", "table column: achieved, in a table of results against the plan"
        return "baseline", "table column: achieved"
    if column.kind_hint == "plan":
        return "target", "table column: planned"  # "Mục tiêu đến năm 2015", "KH 2024"
    if column.year < period_start:
        return "actual", f"table column: {column.year}, before the plan's period"
    if column.year >= period_end:
        return "target", "table column: plan horizon"
    return "trajectory", "table column: a year within the plan's period"


def _measures_a_plan(table: Table) -> bool:
    """Whether a table sets what was achieved beside a plan for the same year or a later one:
    its achieved columns are results, not the baseline a plan starts from."""
    plans = [c.year for c in table.columns if c.kind_hint == "plan"]
    return bool(plans) and any(c.kind_hint == "actual" and c.year >= min(plans)
                               for c in table.columns)


def kind_for(run: DocumentRun, d: Mention, low: str, clause: Span, ix: PairIndex, seg: Segment,
             year: YearChoice) -> KindChoice:
    """The kind of a value read in prose."""
    vocab = run.vocab
    verb = verb_before(vocab.actual_verb_re, low, clause[0], _list_start(vocab, ix, d, clause))
    baseline = is_baseline_from(vocab, d, low, clause, ix)
    section = seg.section
    if section is not None and section.loose \
            and vocab.sets_a_target(low[slice(*ix.sentence_of(d.start))]):
        section = None  # a page's "Kết quả nổi bật" yields to "theo chỉ tiêu đề ra, đến năm 2025"
    # the document's own year: when it was issued, else the plan's first year
    own_year = run.issued.year if run.issued is not None else run.past_before
    early = run.issued is not None and (run.issued.month or 13) <= EARLY_MONTHS
    # (a plan's own text with no date of issue: its first year is one it plans, not one
    # it reports)
    plans_own_year = run.is_plan and run.issued is None
    if (not baseline and verb is not None and year.year is not None and year.year == own_year
            and not early and not plans_own_year and run.reports_only is None and (section is None
                                                            or section.kind != "target")
            and not vocab.sets_a_target(low[slice(*ix.sentence_of(d.start))])):
        # "Năm 2023, tỷ lệ … đạt 92%, hoàn thành kế hoạch": a value reached in the document's
        # own year, told with no target word in its sentence, is reported
        return KindChoice("actual", f"'{verb}' in the document's year ({year.year}) "
                                    "with no target word")
    judged = verb_before(vocab.assessment_verb_re, low, clause[0], d.start)
    # an undated page may tell of any year it covers as reached
    told_by = own_year if run.issued is not None else max(own_year, run.doc.period_end)
    if judged is not None and not baseline and (year.year is None or year.year <= told_by):
        return KindChoice("actual", f"'{judged}' tells what is, it sets no goal")
    now = _said_of_now(vocab, d, ix, low, clause)
    if now is None and seg.linked_now is not None \
            and not vocab.sets_a_target(low[slice(*ix.sentence_of(d.start))]):
        now = seg.linked_now  # "Bên cạnh đó, …" after a paragraph that said "Đến nay"
    if now is not None and vocab.present_re.fullmatch(now):
        if not baseline and (year.year is None or year.year <= own_year):
            return KindChoice("actual", f"'{now}': what holds when it was written")
    elif now is not None:
        # "đã giảm từ 17,22‰ năm 2008 xuống còn 13,05‰ năm 2023": both ends were reached
        return KindChoice("actual", f"'{now}': a change told as done")
    # the segment's end only: stripping all of a long one for each number made it quadratic
    told = None if seg.goal_framed or seg.text[-_END_REACH:].rstrip().endswith(
        _LIST_ITEM_END) else _told_on_a_page(
        run, ix, (paragraph_start(seg, d.start), ix.sentence_of(d.start)[1]), section, year,
        baseline)
    if told is not None:
        return told
    reviewed = run.reviewed
    # "Trong thời gian tới, Chi cục … thực hiện đạt một số chỉ tiêu cơ bản: …": a sentence that
    # tells what is to come reports none of the reviewed year's results
    if (reviewed is not None and year.year == reviewed.year and not baseline
            and (run.issued is None or run.issued.year == year.year)
            and not vocab.future_re.search(low, *ix.sentence_of(d.start))):
        return KindChoice("actual", f"year {year.year}, the year the document reviews "
                                    f"({reviewed.basis})")
    return decide_kind(
        baseline=baseline, column_kind=None, reports_only=run.reports_only, section=section,
        verb=verb, year=year, past_before=run.past_before, issued=run.issued,
        change_end=change_end_year(vocab, d, clause, ix) if baseline else None)


# a statement ending so is an item of a list whose opening (and its target word) may stand
# in a paragraph before it: "phấn đấu đến năm 2025, 100% …;" / "90% cơ sở … đạt yêu cầu …;"
_LIST_ITEM_END = (";", ":", ",")
_END_REACH = 256  # characters at a segment's end in which its last mark stands


def _told_on_a_page(run: DocumentRun, ix: PairIndex, paragraph: Span, section: Section | None,
                    year: YearChoice, baseline: bool) -> KindChoice | None:
    """"Trên 90% số người mắc lao được điều trị khỏi bệnh" on a page that only tells of the
    province's plan: a value no target or planned word comes with (in its paragraph up to its
    sentence's end, or its section) is reported, unless its year is still to come when the
    page was written (or the page has no date to tell). In a plan itself it is a target."""
    vocab = run.vocab
    if run.is_plan or baseline or section is not None and section.kind in ("target", "result"):
        return None  # a section's word says it first
    if ix.any_mark_in("target or planned words", lambda: sorted(
            [*vocab.target_word_starts(ix.low), *vocab.planned_word_starts(ix.low)]),
            *paragraph):
        return None
    issued = run.issued
    # an undated page may tell of any year it covers as reached (as for a judging verb), but
    # for its last one when its title names a goal
    if year.year is not None and (
            year.year >= run.doc.period_end + (0 if run.title_aims else 1) if issued is None
            else year.year > issued.year or (
                year.year == issued.year and (issued.month or 13) <= EARLY_MONTHS)):
        return None
    return KindChoice("actual", "a page, not a plan: no target word in its paragraph")


def _last_present_word(vocab: Vocabulary, ix: PairIndex, sentence: Span, pos: int,
                       told: bool = False) -> tuple[int, str] | None:
    """(start, words) of the last present word ("hiện là", "đến nay") before pos in the
    sentence, or None; with `told`, a perfect verb of a change ("đã giảm") counts too."""
    pattern = vocab.told_re if told else vocab.present_re
    found = ix.in_sentence(sentence, f"present words {told}", lambda lo, hi: [
        (m.start(), m.group(0)) for m in pattern.finditer(ix.low, lo, hi)])
    before = [f for f in found if f[0] < pos]
    return before[-1] if before else None


def _said_of_now(vocab: Vocabulary, d: Mention, ix: PairIndex, low: str, clause: Span
                 ) -> str | None:
    """"Đến nay, toàn tỉnh đã có 80% …": a present word before the number in its sentence,
    in a sentence with no target word; or in the number's own clause with no target word
    between them ("đến năm 2030 là 77 (hiện là 76,2)") (vocabulary `present_words`,
    `target_words`)."""
    sentence = ix.sentence_of(d.start)
    now = _last_present_word(vocab, ix, sentence, d.start, told=True)
    if now is None:
        return None
    if now[0] >= clause[0]:
        planned = vocab.target_word_re.search(low, now[0], d.start)
    else:
        planned = ix.in_sentence(sentence, "target words",
                                 lambda lo, hi: vocab.target_word_re.search(low, lo, hi))
    return now[1] if planned is None else None


def change_end_year(vocab: Vocabulary, d: Mention, clause: Span, ix: PairIndex) -> int | None:
    """The year a change that starts at `d` ("từ 1,21 năm 2011 xuống còn 0,006 năm 2022")
    ends in: the own year of a number after its "to" word (the first to own one: "lên 98% và
    98,3% năm 2020"), else the first year phrase after that word in the clause."""
    for w in vocab.baseline_to:
        pos = ix.first_word(w, d.unit_end, clause[1])
        if pos is None:
            continue
        own = ix.first_own_year(pos + len(w), clause[1])
        if own is not None:
            return own
        after = ix.year_after(pos + len(w), clause[1])
        return after[2] if after is not None else None
    return None


def year_for(run: DocumentRun, d: Mention, ix: PairIndex, sentence: Span, clause: Span,
             seg: Segment) -> YearChoice:
    """The year of a number: its own; else the last one before it in its sentence, else one
    after it in its clause, else the section heading's (or table header's), else the plan's
    horizon when the number stands among the plan's targets, else the last year an earlier
    sentence of its paragraph names; else not stated. A year after
    it that belongs to another goal (outside the brackets the number stands in, or after a
    word opening another goal) is not its year, nor is the horizon then: not stated."""
    own = YearChoice(d.own_year, "own phrase") if d.own_year is not None else _year_in_turn(
        run.vocab, d, ix, sentence, seg)
    if own is not None:
        return own
    near, after = _near_year(run, d, ix, (sentence, clause), seg)
    if near is not None:
        return near
    # a year refused as another goal's leaves the value without one: no shared year either
    shared = _shared_year(run, d, ix, clause) if after is None else None
    if shared is not None:
        return shared
    parallel = _parallel_change_year(run, d, ix, clause, seg)
    if parallel is not None:
        return parallel
    opens, told_from = _told_of(run.vocab, seg, ix.low, d.start)
    if seg.context_year and told_from == opens:
        return YearChoice(seg.context_year, "section heading" if seg.shape == "prose"
                          else "table header")
    if after is not None and after.year is not None:
        return after
    horizon = _horizon(run, seg)
    earlier = _earlier_year(run, ix, (told_from, sentence[0]), horizon, after, d.start)
    if earlier is not None:
        # "Tính đến cuối năm 2012, dân số … . Như vậy, tỷ suất sinh thô … là 13,53 ‰": a
        # paragraph dated once goes on in that year, also where a year after the number is
        # another goal's ("… lần lượt là 15,6% và 10,4%, sát với chỉ tiêu … năm 2030")
        return YearChoice(earlier, "year of an earlier sentence in its paragraph")
    if after is not None:
        return after
    if horizon.year is not None:
        return _now_before_horizon(run, d, ix, sentence, horizon)
    return (_carried_year(seg) or _year_of_now(run, d, ix, sentence, clause, seg)
            or _whole_period(run, ix.low, clause, d) or _listed_goal_year(run, d, ix, sentence)
            or _aimed_horizon(run, seg, ix.low[sentence[0]:_phrase_end(ix.low, d, sentence)],
                              ix.low[paragraph_start(seg, d.start):sentence[1]])
            or _present_on_a_dated_page(run, d, ix, sentence) or horizon)


def _present_on_a_dated_page(run: DocumentRun, d: Mention, ix: PairIndex, sentence: Span
                             ) -> YearChoice | None:
    """"The infant mortality rate is 23 per 1,000" on a page dated 2012: a value told in the
    present tense, in a sentence setting no target, holds in the page's year (vocabulary
    `present_tense_verbs`)."""
    if run.issued is None or not run.issued.page:
        return None
    m = run.vocab.present_tense_re.search(ix.low, max(sentence[0], d.start - PRESENT_REACH),
                                          d.start)
    if m is None or run.vocab.sets_a_target(ix.low[sentence[0]:d.start]):
        return None
    return YearChoice(run.issued.year, f"said in the present tense ('{m.group(1)}') on a page "
                                       f"dated {run.issued.year}")


PRESENT_REACH = 40  # characters back from a number to its verb ("accounts for an average of")


_GOAL_YEAR_REACH = 16  # characters from an until word ("by", "đến năm") to its year


def _now_not_a_goal_year(run: DocumentRun, ix: PairIndex, span: Span, year: int,
                         sentence: Span, pos: int) -> bool:
    """Whether the number's sentence (up to `pos`) says what holds now and `year` stands
    in low[span] as a goal's, after an until word ("By 2030", "đến năm 2030"): what holds now
    is not of the goal's year."""
    low, vocab = ix.low, run.vocab
    page_year = run.issued.year if run.issued is not None else run.doc.period_end
    if year < page_year or _last_present_word(vocab, ix, sentence, pos) is None:
        return False  # "đến năm 2022 …" on a page of 2023 tells up to then, it sets no goal
    for m in re.finditer(rf"(?<!\d){year}(?!\d)", low[span[0]:span[1]]):
        start = span[0] + m.start()
        if vocab.until_phrase_re.search(low, max(span[0], start - _GOAL_YEAR_REACH), start):
            return True
    return False


def _now_before_horizon(run: DocumentRun, d: Mention, ix: PairIndex, sentence: Span,
                        horizon: YearChoice) -> YearChoice:
    """"Tính đến nay, …" on a page dated 2017 whose title names the decision's 2016: what the
    page says of now (or of the date its present word names) holds then, not in the one
    year its title names; a plan's horizon stays."""
    if horizon.basis != ONE_YEAR_DOCUMENT:
        return horizon
    now = _last_present_word(run.vocab, ix, sentence, d.start)
    dated = _as_of_date(run.vocab, ix.low, now) if now is not None else None
    return dated or _now_of_page(run, now) or horizon


def _earlier_year(run: DocumentRun, ix: PairIndex, before: Span, horizon: YearChoice,
                  after: YearChoice | None, pos: int) -> int | None:
    """The year the paragraph told of before the number's sentence (`before`): the last free
    year phrase there, else, outside a plan's targets, the year the last dated number owns
    ("… xuống còn 2,01 con năm 2020. Tỷ lệ sinh con lần 3 … 5,2%"); not a goal's year when
    the number's sentence says what holds now ("By 2030, … 19 doctors … . Meanwhile, this
    ratio is currently only 17.4")."""
    if horizon.year is not None and after is None:
        return None
    earlier = ix.dated_before(*before, run.vocab.target_word_re)
    if earlier is None and horizon.year is None:
        earlier = ix.last_own_year(*before)
    if earlier is not None and _now_not_a_goal_year(run, ix, before, earlier,
                                                    ix.sentence_of(pos), pos):
        return None
    if earlier is not None and _starts_a_span_to_now(run, ix, before, earlier):
        return None
    return earlier


def _starts_a_span_to_now(run: DocumentRun, ix: PairIndex, before: Span, year: int) -> bool:
    """"… from just 20 hospitals in 1975 to 107 at present. The city now has an average 14.5
    doctors …": a year whose sentence runs on to now (a present word after it) starts a span
    up to the time of writing; it dates none of the sentences after it."""
    at = ix.low.rfind(str(year), *before)
    if at < 0:
        return False
    end = min(ix.sentence_of(at)[1], before[1])
    return run.vocab.present_re.search(ix.low, at, end) is not None


# more years after a year phrase, listed: "năm 1998, 2000, 2003", "2019 và 2020"
_MORE_YEARS_RE = re.compile(r"(?:\s*(?:,|;|và|and|&)\s*(?:năm\s+)?((?:19|20)\d\d)(?![\d.,]\d))+")
_LISTED_YEAR_RE = re.compile(r"((?:19|20)\d\d)")


def _year_in_turn(vocab: Vocabulary, d: Mention, ix: PairIndex, sentence: Span, seg: Segment
                  ) -> YearChoice | None:
    """"Tỷ lệ … năm 2019 và 2020 lần lượt là 95% và 96%"; "qua các năm 1998, 2000, 2003. …
    đạt lần lượt là 29%, 52,9%, 76,5%"; "in 2019 and 2020 … 95% and 96%, respectively":
    years listed before the values (in the sentence, else the last list earlier in its
    paragraph) date them in turn when a word of "respectively" stands before them or right
    after them, and there are as many values in the number's unit as years."""
    marks = ix.in_sentence(sentence, "respectively starts", lambda lo, hi: [
        m.start() for m in vocab.respectively_re.finditer(ix.low, lo, hi)])
    before = [m for m in marks if m < d.start]
    after = [m for m in marks if m > d.start]
    if not before and not after:
        return _year_in_a_plain_list(vocab, d, ix, sentence, seg)
    listed = _years_listed_before(vocab, ix, seg, sentence, before[-1] if before else d.start)
    if listed is None:
        return None
    years, list_end, _start = listed
    # the values: after the word before them, else between the years and the word after them
    lo, hi = (before[-1], sentence[1]) if before else (max(list_end, sentence[0]), after[0])
    values = []
    while (nxt := ix.mention_after(lo, hi)) is not None:
        if nxt.unit == d.unit and nxt.own_year is None:
            values.append(nxt.start)
        lo = nxt.end
    if len(years) != len(values) or d.start not in values:
        return None
    return YearChoice(years[values.index(d.start)], "years listed, taken in turn")


def _years_listed_before(vocab: Vocabulary, ix: PairIndex, seg: Segment, sentence: Span,
                         pos: int) -> tuple[list[int], int, int] | None:
    """The last list of years before pos in its sentence, else earlier in its paragraph
    ("qua các năm 1998, 2000, 2003. Kết quả: … lần lượt là 29%, 52,9%, 76,5%"), not a goal's."""
    listed = _listed_years(ix, sentence[0], pos)
    if listed is None and sentence[0] > 0:
        listed = _listed_years(ix, paragraph_start(seg, sentence[0]), sentence[0])
        if listed is not None and vocab.target_word_re.search(
                ix.low, max(0, listed[2] - GOAL_REACH), listed[2]):
            listed = None  # a goal's years ("mục tiêu đặt ra cho năm 2025 và 2030")
    return listed


def _year_in_a_plain_list(vocab: Vocabulary, d: Mention, ix: PairIndex, sentence: Span,
                          seg: Segment) -> YearChoice | None:
    """"qua các năm 1998, 2000, 2003. … Iốt niệu trung vị: 1,8µg/dl, 4,4µg/dl, 5,7µg/dl": a
    plain list of as many values, in one unit and with no year of their own, as the years
    listed before it takes them in turn as well."""
    values = [d]
    while (prev := ix.mention_before(sentence[0], values[0].start)) is not None \
            and _next_in_a_plain_list(vocab, ix, prev, values[0]):
        values.insert(0, prev)
    while (nxt := ix.mention_after(values[-1].end, sentence[1])) is not None \
            and _next_in_a_plain_list(vocab, ix, values[-1], nxt):
        values.append(nxt)
    if len(values) < 2:
        return None
    listed = _years_listed_before(vocab, ix, seg, sentence, values[0].start)
    if listed is None or len(listed[0]) != len(values):
        return None
    return YearChoice(listed[0][values.index(d)], "years listed, taken in turn")


def _next_in_a_plain_list(vocab: Vocabulary, ix: PairIndex, first: Mention, second: Mention
                          ) -> bool:
    """Whether `second` follows `first` in a plain list: one unit, no year of their own, only
    a comma, a semicolon or a joiner ("và") between them."""
    return first.unit == second.unit and first.own_year is None and second.own_year is None \
        and vocab.item_break_re.fullmatch(ix.low, first.unit_end, second.start) is not None


def _listed_years(ix: PairIndex, lo: int, hi: int) -> tuple[list[int], int, int] | None:
    """(the years, where the list ends, where it starts) of the last list of two or more
    years starting in [lo, hi): a year phrase and the bare years written after it."""
    found = ix.year_phrase_before(lo, hi)
    if found is None:
        return None
    more = _MORE_YEARS_RE.match(ix.low, found[1])
    if more is None or more.end() > hi:
        return None
    return ([found[2], *(int(y) for y in _LISTED_YEAR_RE.findall(more.group(0)))], more.end(),
            found[0])


def _told_of(vocab: Vocabulary, seg: Segment, low: str, pos: int) -> tuple[int, int]:
    """Where the paragraph holding pos starts, and where the stretch of it telling of one time
    starts (_told_from). A paragraph whose first sentence points back ("…によると、上記に
    次いで…") goes on from the one before: both start where that one does."""
    opens = paragraph_start(seg, pos)
    told_from = _told_from(vocab, seg, low, opens, pos)
    if told_from == opens and opens > 0 and vocab.refers_back(low, opens):
        opens = told_from = paragraph_start(seg, opens - 1)
    return opens, told_from


def _told_from(vocab: Vocabulary, seg: Segment, low: str, lo: int, pos: int) -> int:
    """Where the stretch of a paragraph telling of one time starts before pos: after the
    last sentence (or line) opening on a period just past ("Nhiệm kỳ qua, …") or singling a
    place out ("Riêng tại Hậu Giang, …"), else at lo. Neither a year named before it nor the
    section heading's is the year it tells of. The openers are found once per segment."""
    if seg.looking_back_ends is None:
        starts = [0, *(start for start, _no, _text in seg.pieces)]
        starts += [m.end() for m in _SENTENCE_END_RE.finditer(low)]
        seg.looking_back_ends = sorted({m.end() for m in (
            vocab.looking_back_opener_re.match(low, s) or vocab.singled_out_re.match(low, s)
            for s in starts) if m is not None})
    ends = seg.looking_back_ends
    i = bisect_right(ends, pos) - 1
    return ends[i] if i >= 0 and ends[i] > lo else lo


_SENTENCE_END_RE = re.compile(r"[.!?;…]\s+")


def _carried_year(seg: Segment) -> YearChoice | None:
    """The year a paragraph carries from the one before: that one's, when it opens with a
    linking word ("Đồng thời, …"); else the year of the list it goes on with."""
    if seg.linked_year is not None:
        return YearChoice(seg.linked_year, "year of the paragraph it goes on from")
    if seg.list_year is not None:
        return YearChoice(seg.list_year, "year of the list it goes on with")
    return None


def _year_of_now(run: DocumentRun, d: Mention, ix: PairIndex, sentence: Span, clause: Span,
                 seg: Segment) -> YearChoice | None:
    """The year of a number no phrase dates: the page's, when its sentence (or the paragraph
    it goes on from) says it holds now; else the year an earlier paragraph opens with."""
    now = _last_present_word(run.vocab, ix, sentence, d.start)
    as_of = _as_of_date(run.vocab, ix.low, now) if now is not None else None
    if as_of is not None:
        return as_of
    if now is None and seg.linked_now is not None:
        now = (sentence[0], seg.linked_now)
    if now is None and seg.lead_year is not None:
        # "Năm 2025, công tác tiêm chủng … đạt nhiều kết quả." / "Tỷ lệ … đạt 98,1%": the
        # article goes on in the year its lead paragraph opens with (not what it says of now)
        return YearChoice(seg.lead_year, "year an earlier paragraph opens with")
    if now is not None and is_baseline_from(run.vocab, d, ix.low, clause, ix):
        return _start_of_span(run, now)
    return _now_of_page(run, now)


def _as_of_date(vocab: Vocabulary, low: str, now: tuple[int, str]) -> YearChoice | None:
    """"Tính đến ngày 31/12/2021, … đạt 86,5%": a present word naming a date says when the
    value held (dates are masked as year phrases, so it is read here)."""
    m = vocab.as_of_date_re.match(low, now[0] + len(now[1]))
    if m is None:
        return None
    year = next(g for g in (m.group("y1"), m.group("y2"), m.group("y3"), m.group("y4")) if g)
    return YearChoice(int(year), f"the date '{now[1]}' names")


def _misdated(page: YearChoice | None, before: tuple[int, int, int], now: tuple[int, str],
              seg: Segment) -> bool:
    """"trong 07 tháng đầu năm 2019, … cộng dồn đến nay là …" on a page stamped 2015: a
    page dated before the year its line names for the same report is misdated."""
    return page is not None and page.year is not None and page.year < before[2] \
        and seg.locate(before[0])[0] == seg.locate(now[0])[0]


def _now_of_page(run: DocumentRun, now: tuple[int, str] | None) -> YearChoice | None:
    """"Hiện nay, tuổi thọ … là 76,4 tuổi" on a page stamped 2024-10: what a dated page says
    of now holds in its year. A plan's "now" is its drafting, often the year before: None."""
    if now is None or run.issued is None or not run.issued.page:
        return None
    return YearChoice(run.issued.year, f"said of now ('{now[1]}') on a page dated "
                                       f"{run.issued.year}")


_COUNT_OF_YEARS_RE = re.compile(r"\d+")


def _start_of_span(run: DocumentRun, now: tuple[int, str]) -> YearChoice:
    """"Qua 10 năm, … giảm … từ 19,5% xuống 14,5%" on a page of 2015: a change told up to
    now starts where its span of years does (2005); with no count of years, not stated."""
    count = _COUNT_OF_YEARS_RE.search(now[1])
    ends = _now_of_page(run, now)
    if count is None or ends is None:
        return YearChoice(None, f"not stated (a change up to now: '{now[1]}')")
    return YearChoice(ends.year - int(count.group(0)),
                      f"'{now[1]}' back from the page's year {ends.year}")


def _near_year(run: DocumentRun, d: Mention, ix: PairIndex, spans: tuple[Span, Span],
               seg: Segment) -> tuple[YearChoice | None, YearChoice | None]:
    """(the year phrase before the number in its sentence, or the one after it, whichever
    is its own; the year after it as _year_after found it, if looked for)."""
    sentence, clause = spans
    before = _year_before(run, d, ix, spans, seg)
    after = None
    if before is None or _nearer_after(ix, d, clause, sentence):
        after = _year_after(run, d, ix, sentence, clause)
    if after is not None and after.year is not None:
        return after, after
    if before is not None and before.year is not None \
            and ix.year_phrase_before(clause[0], d.start) is None:
        # "…; được khám … đạt 70%, được lập hồ sơ … đạt 95% năm 2025": the year its clause
        # lists it with is nearer than an earlier clause's
        return _shared_year(run, d, ix, clause) or before, after
    return before, after


def _nearer_after(ix: PairIndex, d: Mention, clause: Span, sentence: Span) -> bool:
    """"đến năm 2025 là 78 tuổi và 80 tuổi theo lộ trình đến năm 2030": the year after a
    number in its clause, with no number between them, is its own over a year before it that
    another number stands nearer to, or that stands in an earlier clause ("… đạt 50% năm 2025
    và 90% năm 2030; 100% NCT … vào năm 2025 và duy trì đến năm 2030")."""
    before = ix.year_phrase_before(clause[0], d.start)
    after = ix.year_after(d.end, clause[1])
    if after is None or ix.mention_starts_in(d.unit_end, after[0]):
        return False
    if before is None:
        # no year before it in its clause: one in an earlier clause is further than its own,
        # unless its own is a remark in brackets ("15% (năm 2023 là 16%)")
        return "(" not in ix.low[d.unit_end:after[0]]
    return ix.mention_starts_in(before[1], d.start)


def _year_before(run: DocumentRun, d: Mention, ix: PairIndex, spans: tuple[Span, Span],
                 seg: Segment) -> YearChoice | None:
    """The last year phrase before the number in its sentence, unless a present word stands
    between them in its clause or the number starts a change after an earlier clause's
    until-year; None when there is no such phrase."""
    sentence, clause = spans
    before = ix.year_phrase_before(sentence[0], d.start)
    while before is not None and closes_a_bracket(ix.low, before[1], d.start) \
            and not _a_bracketed_year_alone(ix.low, before, d.start):
        # "… là 113,5 (năm 2021 là 113,9); tỷ lệ … đạt 38%": a year in a remark in brackets
        # dates only the remark
        before = ix.year_phrase_before(sentence[0], before[0])
    if before is None:
        return _relative_year(run, ix, sentence, d.start)
    # "Năm 2025, … có 1,51 con, năm ngoái 1,45" on a page of 2025: a word for the year before
    # (or this one) nearer the number than the year phrase dates it
    nearer = _relative_year(run, ix, (before[1], sentence[1]), d.start)
    if nearer is not None:
        return nearer
    now = _last_present_word(run.vocab, ix, sentence, d.start)
    page = _now_of_page(run, now)
    if now is not None and now[0] > max(before[0], clause[0]) and ix.low[
            before[1]:now[0]].strip(" ,;:-–") and not _misdated(page, before, now, seg):
        # "đến năm 2030 là 77 (hiện là 76,2)": the value now is not the year's before it;
        # "Năm 2018, tính đến ngày 31/5, …": a now right after the year is of that year; a
        # page dated before the year its sentence names is misdated: the year stands
        return page or YearChoice(None, f"not stated (said of now: '{now[1]}')")
    start = _span_start(run, ix, sentence, before)
    if start is not None and start < before[2] \
            and is_baseline_from(run.vocab, d, ix.low, clause, ix):
        # "Giai đoạn 2017 - 2024, tỷ lệ … tăng từ 6,79 lên 8,85", "Tính từ năm 2008 đến năm
        # 2011 thì … tăng từ 13,8‰ đến 14,94‰": a change over a period starts in its first year
        return YearChoice(start, "start of the period before it in its sentence")
    if before[0] < clause[0] and run.vocab.until_phrase_re.match(ix.low, before[0]) \
            and is_baseline_from(run.vocab, d, ix.low, clause, ix):
        # "…, đến năm 2030 là 77; nâng mức sinh từ 1,33 lên 1,4 …": a change starts from
        # the value now, not from an earlier clause's target year
        return NOT_STATED
    return YearChoice(before[2], "year phrase before it in its sentence")


def _span_start(run: DocumentRun, ix: PairIndex, sentence: Span, before: tuple[int, int, int]
                ) -> int | None:
    """The first year of a span of years that ends with the year phrase `before`: written as
    one ("giai đoạn 2017 - 2024") or as a from-year right before an until-year ("từ năm 2008
    đến năm 2011"); None for a year phrase ending no span."""
    span = _PERIOD_RE.search(ix.low, before[0], before[1])
    if span is not None:
        return int(span.group(1))
    vocab = run.vocab
    first = ix.year_phrase_before(sentence[0], before[0])
    if first is None or not vocab.from_year_re.match(ix.low, first[0]) \
            or ix.low[first[1]:before[0]].strip() \
            or not vocab.until_phrase_re.match(ix.low, before[0]):
        return None
    return first[2]


_PERIOD_RE = re.compile(r"((?:19|20)\d\d)\s*[-–]\s*(?:19|20)\d\d")
def _relative_year(run: DocumentRun, ix: PairIndex, sentence: Span, pos: int
                   ) -> YearChoice | None:
    """"Last year, … 111.2", "Năm nay, … 88%" on a page dated 2024: the year a word naming
    this year or the last one stands for, counted from the page's date; none on an undated
    page, nor after a comparison word ("so với năm ngoái": the year compared with)."""
    if run.issued is None:
        return None
    vocab, low = run.vocab, ix.low
    found = None
    for m in vocab.relative_year_re.finditer(low, sentence[0], pos):
        found = m
    if found is None or vocab.compared_with_re.search(
            low, max(sentence[0], found.start() - COMPARED_REACH), found.start()):
        return None
    back = 0 if vocab.this_year_re.fullmatch(found.group(0)) else 1
    return YearChoice(run.issued.year - back,
                      f"'{found.group(0)}' on a page of {run.issued.year}")


def _parallel_change_year(run: DocumentRun, d: Mention, ix: PairIndex, clause: Span,
                          seg: Segment) -> YearChoice | None:
    """"… giảm từ 18,7% năm 2022 xuống còn 17,1% năm 2023. Tỷ lệ … thấp còi giảm từ 27,5%
    xuống còn 25,7%": a change written like an earlier one of its paragraph, its years
    unwritten, runs over the same years (its start the earlier start's, its end the end's)."""
    vocab = run.vocab
    start = d
    if not is_baseline_from(vocab, d, ix.low, clause, ix):
        start = ix.mention_before(clause[0], d.start)
        if start is None or start.own_year is not None or change_to_at(
                vocab, start, ix.low, clause, ix) is None:
            return None
    elif ix.first_own_year(d.unit_end, clause[1]) is not None:
        return None  # its end owns a year: the change is dated by its own words
    years = _earlier_change_years(vocab, ix, paragraph_start(seg, d.start), start)
    if years is None:
        return None
    year = years[0] if start is d else years[1]
    return YearChoice(year, "years of the change before it, written alike")


CHANGE_LOOKBACK = 12  # numbers back a change may look for the one it is written like


def _earlier_change_years(vocab: Vocabulary, ix: PairIndex, lo: int, start: Mention
                          ) -> tuple[int, int] | None:
    """(start year, end year) of the last change from lo before `start` whose two values own
    rising years ("giảm từ 18,7% năm 2022 xuống còn 17,1% năm 2023"); at most CHANGE_LOOKBACK
    numbers back."""
    m = ix.mention_before(lo, start.start)
    for _ in range(CHANGE_LOOKBACK):
        if m is None:
            return None
        if m.own_year is not None:
            clause = ix.clause_of(m.start)
            to_at = change_to_at(vocab, m, ix.low, clause, ix)
            follows, end_year = (ix.next_mention_own_year(to_at, clause[1])
                                 if to_at is not None else (False, None))
            if follows and end_year is not None and m.own_year < end_year:
                return m.own_year, end_year
        m = ix.mention_before(lo, m.start)
    return None


_PARAGRAPH_END = (".", "!", "?", ":", ";", ")", "…")


def paragraph_start(seg: Segment, pos: int) -> int:
    """Where the paragraph holding pos starts in the segment: after the last line that ends a
    sentence (a line ending mid-sentence wraps the paragraph on). The starts are found once
    per segment: a paragraph wrapped over many lines holds many numbers."""
    if seg.paragraph_starts is None:
        seg.paragraph_starts = [start for i, (start, _no, _text) in enumerate(seg.pieces)
                                if i == 0 or seg.pieces[i - 1][2].rstrip().endswith(
                                    _PARAGRAPH_END)]
    return seg.paragraph_starts[max(0, bisect_right(seg.paragraph_starts, pos) - 1)]


def _year_after(run: DocumentRun, d: Mention, ix: PairIndex, sentence: Span, clause: Span
                ) -> YearChoice | None:
    """A year written after the number in its clause, else its sentence; (None, why) when
    that year belongs to another goal; None when there is none."""
    # the start of a change ("từ 0,57 … xuống còn 0,020 … năm 2022") takes no year written
    # after its end value: that year is the end's
    to_at = change_to_at(run.vocab, d, ix.low, clause, ix)
    for (_lo, hi), where in ((clause, "clause"), (sentence, "sentence")):
        hi = hi if to_at is None else min(hi, to_at)
        after = ix.year_after(d.end, hi)
        # a year written after the number is its year unless it opens the next number
        # ("2,24 (đến năm 2030: 2,1)": 2030 is the 2,1's); a next number with its own
        # year leaves it ours ("75% … vào năm 2025 và đạt 85% vào năm 2030")
        if after is None:
            continue
        between, owned = ix.next_mention_own_year(d.unit_end, after[0])
        if between and owned is not None:
            # "nam đạt 167 cm, nữ đạt 156 cm vào năm 2025 và … vào năm 2030": the next
            # number owns a nearer year; listed with it, this one shares it (_shared_year)
            return None
        follows, own = ix.next_mention_own_year(after[1], hi)
        if follows and own is None and _opens_next(ix, after[1], hi) \
                and not _closes_its_clause(ix.low, d.unit_end, after):
            continue
        other = _another_goal(run.vocab, ix.low, d.unit_end, after[0])
        if other is not None:
            return YearChoice(None, f"not stated: the year after it ({after[2]}) is "
                                    f"another goal's ({other})")
        compared = run.vocab.compared_with_re.search(
            ix.low, max(d.unit_end, after[0] - _COMPARED_YEAR_REACH), after[0])
        if compared is not None:
            # "an increase of 1.63%, in comparison with that in 2020": the year compared with
            return YearChoice(None, f"not stated: the year after it ({after[2]}) is the one "
                                    f"compared with ('{compared.group(0)}')")
        return YearChoice(after[2], f"year phrase after it in its {where}")
    return None


OPENING_REACH = 6  # words from a year phrase to the number it opens ("năm 2030: 2,1")
_COMPARED_YEAR_REACH = 24  # characters from "so với", "in comparison with that in" to a year
_CLAUSE_BREAK_RE = re.compile(r"[,;:()]")


def _closes_its_clause(low: str, value_end: int, year: tuple[int, int, int]) -> bool:
    """"95% of young men … will receive … check-ups by 2030, 90% of pregnant women …",
    "đạt 95% vào năm 2025, tỷ lệ … đạt 98%": a year reached from the number with no break
    between, and a comma after it, ends the number's clause; it opens none."""
    return (_CLAUSE_BREAK_RE.search(low, value_end, year[0]) is None
            and low[year[1]:year[1] + 2].lstrip().startswith(","))


def _opens_next(ix: PairIndex, year_end: int, hi: int) -> bool:
    """Whether a year phrase opens the number after it: that number follows within a few
    words. "chỉ tiêu trên 35 giường bệnh … vào năm 2030 thì dự kiến số giường bệnh cần tăng
    thêm … là 5.768 giường": a year far from the next number closes the one before it."""
    nxt = ix.next_mention_start(year_end, hi)
    return len(ix.low[year_end:nxt].split()) <= OPENING_REACH


def _a_bracketed_year_alone(low: str, year: tuple[int, int], end: int) -> bool:
    """"Tỷ lệ tăng dân số (năm 2025): 1,05%": brackets holding a year phrase alone, closed
    right before the colon or the number, label the value's year (not a remark)."""
    opened = low.rfind("(", 0, year[0])
    closed = low.find(")", year[1], end)
    return opened >= 0 and closed >= 0 and not low[opened + 1:year[0]].strip() \
        and not low[year[1]:closed].strip() and not low[closed + 1:end].strip(" :-–")


def closes_a_bracket(low: str, start: int, end: int) -> bool:
    """Whether low[start:end] closes a bracket opened before `start`."""
    if ")" not in low[start:end]:
        return False
    depth = 0
    for k in range(start, end):
        if low[k] == "(":
            depth += 1
        elif low[k] == ")":
            if depth == 0:
                return True
            depth -= 1
    return False


def _another_goal(vocab: Vocabulary, low: str, start: int, end: int) -> str | None:
    """What parts the number (ending at `start`) from a year after it (at `end`) as another
    goal's: the bracket the number stands in closing ("(90% …; 90% …), hướng tới … năm
    2030"), or a word opening another goal ("hướng tới", "tiến tới"). None: nothing."""
    if closes_a_bracket(low, start, end):
        return "outside its brackets"
    m = vocab.goal_word_re.search(low, start, end)
    return f"after '{m.group(0)}'" if m else None


COMPARED_REACH = 20  # characters from a comparison word to the number it compares with


def _shared_year(run: DocumentRun, d: Mention, ix: PairIndex, clause: Span
                 ) -> YearChoice | None:
    """"A đạt 70% và B đạt 95% năm 2025": values listed together before one year share
    it, so a number without a year takes the own year of the next number in its clause
    (not a start value from its end: "từ 60% lên 70% năm 2025" dates only the 70)."""
    follows, own = ix.next_mention_own_year(d.unit_end, clause[1])
    if not follows or own is None:
        return None
    nxt = ix.mention_after(d.unit_end, clause[1])
    if nxt is not None and run.vocab.compared_before_re.search(
            ix.low, max(clause[0], nxt.start - COMPARED_REACH), nxt.start):
        return None  # "reached 1.92, … compared to 1.89 in 2023": the year compared with
    starts_a_change = is_baseline_from(run.vocab, d, ix.low, clause, ix)
    if nxt is not None and not starts_a_change and run.vocab.after_a_from_word(ix.low, nxt.start):
        return None  # "12.8 percent, down from 13.5 percent in 2018": the start's year
    if starts_a_change:
        # "từ 93% và 91,4% năm 2015 lên …": a start listed with the next start shares its
        # year; the end value's year is not the start's
        to_at = change_to_at(run.vocab, d, ix.low, clause, ix)
        if to_at is None or not ix.mention_starts_in(d.unit_end, to_at):
            return None
    return YearChoice(own, "year of the next value in its clause")


def _listed_goal_year(run: DocumentRun, d: Mention, ix: PairIndex, sentence: Span
                      ) -> YearChoice | None:
    """"… set goals to reduce stunting to 11.8 percent in 2025, and underweight to 7.3
    percent": in a sentence setting targets, a goal listed after a dated one shares its
    year (the number's own clause names none)."""
    if not run.vocab.sets_a_target(ix.low[sentence[0]:d.start]):
        return None
    year = ix.last_own_year(sentence[0], d.start)
    return None if year is None else YearChoice(year, "year of the goal listed before it in "
                                                      "its sentence")


def _whole_period(run: DocumentRun, low: str, clause: Span, d: Mention) -> YearChoice | None:
    """"Tỷ lệ số cặp tảo hôn cả giai đoạn chiếm 6,8%": a value its clause gives for the whole
    period (before it) holds at the end of the period the document covers."""
    if run.vocab.whole_period_re.search(low, clause[0], d.start) is None:
        return None
    return YearChoice(run.doc.period_end, "the whole period the document covers")


_PHRASE_CUT_RE = re.compile(r",\s|;")


def _phrase_end(low: str, d: Mention, sentence: Span) -> int:
    """Where the comma-phrase a number stands in ends (its sentence's end at most)."""
    cut = _PHRASE_CUT_RE.search(low, d.end, sentence[1])
    return cut.start() if cut is not None else sentence[1]


def _aimed_horizon(run: DocumentRun, seg: Segment, sentence: str, paragraph: str
                   ) -> YearChoice | None:
    """The stated horizon of a plan a page tells of, for a value its sentence (lite, up to the
    value's comma-phrase) sets as a target or tells as planned ("Under the province's population
    strategy in the 2021-2025 period … / Vinh Phuc aims to … 23.5 percent"), when nothing
    else dates it and its paragraph (up to the sentence's end) does not speak of this year.
    A target word in a later clause sets what follows it, not this value ("It has 13 doctors
    …, and has set itself a target of …")."""
    vocab = run.vocab
    if run.is_plan or run.horizon is None or seg.section is not None \
            and seg.section.kind == "result" or vocab.this_year_re.search(paragraph):
        return None  # a plan dates its own targets by its sections (see _horizon)
    if vocab.sets_a_target(sentence) or vocab.planned_re.search(sentence) is not None:
        return YearChoice(run.horizon, f"{HORIZON_BASIS} (a sentence setting a target)")
    return None


# a goal's words, then a colon before any number: the targets it leads in follow
_GOAL_LEAD_IN_RE = re.compile(r"[^\d:]{1,200}:")


ONE_YEAR_DOCUMENT = "one-year document"


def _leads_in_targets(run: DocumentRun, seg: Segment, lead_in: str) -> bool:
    """Whether an undated lead-in up to a colon, in the plan itself and outside its results,
    names the targets that follow it (a target word, no word of results or reaching)."""
    vocab = run.vocab
    if not run.is_plan or seg.section is not None and seg.section.kind == "result":
        return False
    return vocab.sets_a_target(lead_in) and not mentions_any(vocab.result_sections, lead_in) \
        and vocab.actual_verb_re.search(lead_in.rstrip(": ")) is None


def _horizon(run: DocumentRun, seg: Segment) -> YearChoice:
    """A value without a year of its own: the plan's horizon in a target section, or the
    one year a one-year document covers; otherwise the year is not stated (never the
    period's end by default)."""
    if run.horizon is None:
        return HORIZON_NOT_STATED
    if seg.section is not None and seg.section.kind == "target":
        return YearChoice(run.horizon, f"{HORIZON_BASIS} (target section '{seg.section.word}')")
    # a statement that opens like a target heading ("Mục tiêu cụ thể là: …")
    opening = lite(strip_marker(seg.text[:120].lstrip()))[:40]  # not the whole text
    word = next((w for w in run.vocab.target_sections if opening.startswith(w)), None)
    if word is not None:
        return YearChoice(run.horizon, f"{HORIZON_BASIS} (statement opens '{word}')")
    # in the plan itself, a list item worded as a goal ("d) Giảm tỷ lệ … xuống dưới 8%;"), or
    # a goal that leads in its targets ("Cải thiện tình trạng thiếu vi chất …: Tỷ lệ … ≥ 95%")
    lead_in = _GOAL_LEAD_IN_RE.match(seg.text)
    listed = BULLET_RE.match(seg.text.lstrip()) is not None or lead_in is not None
    if lead_in is not None and _leads_in_targets(run, seg, lite(lead_in.group(0))):
        # "The plan places emphasis on … through specific targets, such as: 90 percent …"
        return YearChoice(run.horizon, f"{HORIZON_BASIS} (targets led in by the plan's words)")
    goal = next((w for w in run.vocab.goal_openers if opening.startswith(w)), None) \
        if listed and run.is_plan and (seg.section is None or seg.section.kind != "result") \
        else None
    if goal is not None:
        return YearChoice(run.horizon, f"{HORIZON_BASIS} (a goal of the plan opening '{goal}')")
    if run.doc.period_start == run.horizon and _dated_to(run, run.horizon):
        return YearChoice(run.horizon, ONE_YEAR_DOCUMENT)
    return NOT_STATED


HEADLINE_LINES = 2  # the first non-empty lines of a text: its headline, or its opening words


def _dated_to(run: DocumentRun, year: int) -> bool:
    """Whether the document's title, its date or its headline (first lines) names the one
    year it covers: a year its text only mentions further on dates none of its undated
    values."""
    if str(year) in (run.doc.title or "") or (run.issued is not None
                                               and run.issued.year == year):
        return True
    headline = [x for x in run.lines if x.strip()][:HEADLINE_LINES]
    return any(int(y) == year for x in headline for y in YEAR_IN_TEXT_RE.findall(x))
