"""Non-numeric targets ("Bệnh viện tỉnh đạt hạng I"): a catalogue phrase found, whole words,
in a statement of a target section."""

from __future__ import annotations

from vnhealth.extract.mentions import year_phrases
from vnhealth.extract.records import Segment, Statement
from vnhealth.extract.state import DocumentRun
from vnhealth.extract.vocabulary import Vocabulary
from vnhealth.inputs.text import lite


def maybe_qualitative(vocab: Vocabulary, text: str) -> bool:
    """A cheap test before keying a text: one of the phrases' longest word pairs is in it."""
    low = lite(text)
    return any(w in low for w in vocab.qualitative_anchors)


def has_qualitative_candidate(vocab: Vocabulary, seg: Segment) -> bool:
    # non-numeric targets are read only in target sections: skip keying everything else
    if not seg.in_targets or not maybe_qualitative(vocab, seg.text):
        return False
    key = vocab.segment_key(seg).key
    return any(p in key for _id, ps in vocab.qualitative for p in ps)


def read_qualitative(run: DocumentRun, seg: Segment, statement: Statement, year: int,
                     text: str | None = None) -> None:
    """Record each non-numeric target named in the segment (or in `text`, a row's value
    cells), dated by the last year phrase before it, else by `year`."""
    if not seg.in_targets:
        return
    vocab = run.vocab
    keyed = vocab.segment_key(seg) if text is None else vocab.key(text)
    for target_id, phrases in vocab.qualitative:
        for p in phrases:
            # the substring test first: most phrases are not in the text at all
            m = vocab.qualitative_re[p].search(keyed.key) if p in keyed.key else None
            if m is None:
                continue
            pos = m.start()
            start, _end = keyed.span_in_text(pos, pos + len(p))
            line_no, line_text, _col = seg.locate(start)
            y = _year_before(vocab, seg.text, start) or year
            run.recorder.add_qualitative(target_id, y, line_no, line_text, statement)
            break


def _year_before(vocab: Vocabulary, text: str, pos: int) -> int | None:
    best = None
    for s, _e, y, kind in year_phrases(vocab, lite(text)):
        if kind == "year" and s < pos:
            best = y
    return best
