"""One document in, its statements, observations (quarantined ones marked) and non-numeric
targets out: the document is cut into tables and segments (segment.py), the tables are read
cell by cell (table_values.py), then each segment number by number (pairing.py)."""

from __future__ import annotations

import re

from vnhealth.extract.cascades import cascade_mentions
from vnhealth.extract.issued import (
    is_plan_text,
    issue_year,
    reviewed_year,
    source_year,
    title_aims,
)
from vnhealth.extract.kind_year import (
    document_lite,
    mentions_any,
    reference_year,
    reports_only,
    stated_horizon,
    statistics_word,
)
from vnhealth.extract.match import IndicatorChooser
from vnhealth.extract.mentions import Mentions, find_mentions
from vnhealth.extract.pairing import pair_segment
from vnhealth.extract.place_values import read_place_table
from vnhealth.extract.qualitative import (
    has_qualitative_candidate,
    maybe_qualitative,
    read_qualitative,
)
from vnhealth.extract.recorder import Recorder
from vnhealth.extract.records import DocumentExtraction, Segment
from vnhealth.extract.restated import date_restatements
from vnhealth.extract.segment import cut_document
from vnhealth.extract.shapes.records import PlaceTable
from vnhealth.extract.state import DocumentRun
from vnhealth.extract.table_values import read_pdf_row_columns, read_table
from vnhealth.extract.vocabulary import Vocabulary
from vnhealth.inputs.catalog import Document
from vnhealth.inputs.text import blank_markup, lite, nfc, plain_spaces, spaced_cjk

_DIGIT_RE = re.compile(r"\d")


def extract_document(vocab: Vocabulary, doc: Document, lines: list[str]) -> DocumentExtraction:
    """Extract statements, observations and non-numeric targets from one document's lines."""
    quoted = [nfc(line) for line in lines]
    # read as words, quoted as written
    lines = [spaced_cjk(plain_spaces(line), vocab.hangul_particles) for line in quoted]
    issued = issue_year(vocab, doc, lines)
    low = document_lite(doc, lines)  # read once for the words that mark the whole document
    headers = {i for i, x in enumerate(lines)
               if len(x) < _HEADER_CELL_MAX and _header_cell(vocab, x)}
    # "dân số - kế hoạch hóa gia đình", "family planning": a plan word naming no plan
    plans = mentions_any((*vocab.plan_words, *vocab.target_words, *vocab.target_sections),
                         vocab.not_plan_re.sub(" ", document_lite(
                             doc, [x for i, x in enumerate(lines) if i not in headers])
                             if headers else low))
    reported = reports_only(doc, statistics_word(doc, vocab.statistics_documents), issued, plans)
    headline = lite("\n".join((doc.title or "", next((x for x in lines if x.strip()), ""))))
    recorder = Recorder(doc, quoted, reported, vocab.catalog.units)
    run = DocumentRun(vocab, doc, lines, IndicatorChooser(vocab, low, headline),
                      recorder, reported, reference_year(doc), issued,
                      reviewed_year(vocab, doc, lines), stated_horizon(doc, lines),
                      mentions_any(vocab.review_words, low), title_subgroup(vocab, doc),
                      is_plan_text(vocab, doc, lines), headline_sub_unit(vocab, doc, lines),
                      title_aims(vocab, doc), national_headline(vocab, doc, lines),
                      source_year(vocab, doc, lines))
    cut = cut_document(vocab, doc, lines)
    for table in cut.tables:
        if isinstance(table, PlaceTable):
            read_place_table(run, table)
        else:
            read_table(run, table)
    for seg in cut.segments:
        read_segment(run, seg)
    date_restatements(run.recorder.out.observations)
    return run.recorder.out


_HEADER_CELL_MAX = 40  # characters of a line that may be a header cell alone


def _header_cell(vocab: Vocabulary, line: str) -> bool:
    """Whether a line holds only a table's header word ("CHỈ TIÊU", the column of names):
    "chỉ tiêu" there names the indicators, it sets no target."""
    return vocab.table_words.header.fullmatch(lite(line.strip())) is not None


def title_subgroup(vocab: Vocabulary, doc: Document) -> str | None:
    """The one subgroup the document's title names, if it names exactly one."""
    title = lite(nfc(doc.title or ""))
    found = {vocab.subgroup_of(m) for m in vocab.subgroup_re.finditer(title)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def headline_sub_unit(vocab: Vocabulary, doc: Document, lines: list[str]) -> str | None:
    """The kind word ("huyện", "tp") a page's first line opens with when it names one of the
    province's districts, towns or cities ("TP Hạ Long (Quảng Ninh): Tỷ lệ …"): the page is
    that unit's. None when it opens otherwise, or with the province's own name ("Thành phố
    Huế …")."""
    first = next((x.strip() for x in lines if x.strip()), "")
    low = lite(first)
    m = vocab.sub_unit_re.match(low)
    if m is None or not first[m.end():m.end() + 1].isupper():
        return None
    # the province's own name, or another name of it that holds the kind ("TP HCM: …")
    names = (vocab.own_name(doc.province_id), *vocab.names_of(doc.province_id))
    if any(low.startswith(n, m.end()) or low.startswith(n, m.start()) for n in names):
        return None
    return m.group(0).strip()


_SENTENCE_THEN_MORE_RE = re.compile(r"[.!?]\s+\w")


def national_headline(vocab: Vocabulary, doc: Document, lines: list[str]) -> bool:
    """Whether a page's first line speaks of the whole country, names no number and not the
    province ("Tuổi thọ trung bình của Việt Nam xếp thứ mấy trong các nước ASEAN?"): the
    country not as what another is compared with ("TP.HCM thuộc nhóm có mức sinh thấp nhất
    cả nước")."""
    first = lite(next((x.strip() for x in lines if x.strip()), ""))
    if _DIGIT_RE.search(first) or vocab.names_province(doc.province_id, first) \
            or _SENTENCE_THEN_MORE_RE.search(first):
        return False  # (a first line of several sentences is a paragraph, no headline)
    return any(vocab.compared_to_country_re.search(first, 0, m.start()) is None
               for m in vocab.national_re.finditer(first))


def read_segment(run: DocumentRun, seg: Segment) -> None:
    """A segment's statement, its non-numeric targets and the values of its numbers."""
    if seg.is_heading:
        return
    vocab = run.vocab
    has_digit = _DIGIT_RE.search(seg.text) is not None
    if not has_digit and not (seg.in_targets and maybe_qualitative(vocab, seg.text)):
        return
    cleaned = blank_markup(seg.text)
    if seg.columns and read_pdf_row_columns(run, seg, cleaned):
        return
    found = find_mentions(vocab, seg, cleaned) if has_digit else Mentions([], [], "")
    cascades = cascade_mentions(vocab, cleaned, run.doc.title or "") if has_digit else []
    statement = None
    if found.mentions or cascades:
        statement = run.recorder.new_statement(seg)
    if has_qualitative_candidate(vocab, seg):
        if statement is None:
            statement = run.recorder.new_statement(seg)
            statement.is_numeric = False
        read_qualitative(run, seg, statement, seg.context_year or run.doc.period_end)
    if not (found.mentions or cascades) or statement is None:
        return
    pair_segment(run, seg, cleaned, found, statement, cascades)


def read_text(vocab: Vocabulary, text: str, *, doc_id: str = "text", province_id: str = "",
              period_start: int = 2021, period_end: int = 2025, title: str | None = None
              ) -> DocumentExtraction:
    """Extract from a piece of text as if it were a document (for tests and exploration).
    Without a title the text stands for a plan whose title names its period, as plans do
    ("Kế hoạch giai đoạn 2021 - 2025"); pass title="" for a document that names none.

    >>> from vnhealth.inputs.catalog import load_catalog
    >>> from vnhealth.inputs.paths import ProjectPaths
    >>> vocab = Vocabulary(load_catalog(ProjectPaths.at()))
    >>> [(o.indicator_id, o.comparator, o.value) for o in
    ...  read_text(vocab, "- Tuổi thọ trung bình đạt trên 74,5 tuổi.").observations]
    [('life_expectancy', '>', 74.5)]
    """
    if title is None:
        title = "Kế hoạch " + (f"năm {period_end}" if period_start == period_end
                               else f"giai đoạn {period_start} - {period_end}")
    doc = Document(id=doc_id, province_id=province_id, title=title, doc_number=None, issuer=None,
                   issued_on=None, issued_text=None, period_start=period_start,
                   period_end=period_end, file="", sha256="", manifest_line=0)
    return extract_document(vocab, doc, text.split("\n"))
