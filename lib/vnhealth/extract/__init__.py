"""Extraction: a document's lines → statements → observations with line-level provenance.

The same rules read every document; nothing here is keyed to one file. A document is cut into
tables and *segments* (segment.py): each table shape (shapes/) is a detect/read pair, tried at
every line; the other lines make prose statements (bullets, numbered items, paragraphs, which
may wrap over many lines). Each number found in a segment is read as a typed mention with its
range, unit and year (mentions.py), and paired with the indicator named nearest to it in its
clause (pairing.py, match.py), its kind and year decided with the reason for each
(kind_year.py: a year after the document was issued (issued.py) is planned, one before it
reported); an implausible value is quarantined (plausibility.py). What the rules cannot
get right is corrected in the review ledger (data/catalog/ledger.yaml), applied by
vnhealth.build.warehouse after extraction.

Modules, lower layers first (none imports one below it in this list):

  sections, records, lines, not_values, fuzzy   records and single-line patterns
  shapes/                                       table shapes and their registry
  vocabulary                                    the catalogue's words, compiled
  issued                                        when the document was issued
  mentions, cascades, index                     numbers in a segment (a cascade's triple);
                                                its indexes
  match, plausibility, recorder, state          indicator choice; output; shared state
  comparators, kind_year                        comparator, kind and year decisions
  qualitative, table_values, pairing            reading tables and segments
  segment, restated, pipeline                   the document walk; values restated (a
                                                headline's); one document in and out
"""

from vnhealth.extract.kind_year import NOT_STATED, KindChoice, YearChoice
from vnhealth.extract.pipeline import extract_document, read_text
from vnhealth.extract.records import (
    DocumentExtraction,
    Observation,
    QualitativeObservation,
    Statement,
)
from vnhealth.extract.vocabulary import Vocabulary

__all__ = [
    "NOT_STATED",
    "DocumentExtraction",
    "KindChoice",
    "Observation",
    "QualitativeObservation",
    "Statement",
    "Vocabulary",
    "YearChoice",
    "extract_document",
    "read_text",
]
