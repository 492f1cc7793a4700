"""Cascades written as one triple ("has so far achieved 73-75-96", "fulfilled the target by
68-46.5-93 per cent respectively"): the triple's numbers are, in order, the shares of the
indicators `vocabulary.yaml` lists for the cascade's subject, where the segment or the
document's title names that subject. A triple of one number repeated ("the 90-90-90 goal")
is a goal's name, no value (`not_values`): its values are spelled out where they are meant."""

from __future__ import annotations

import re

from vnhealth.extract.mentions import Mention
from vnhealth.extract.vocabulary import Vocabulary
from vnhealth.inputs.catalog import Indicator
from vnhealth.inputs.text import lite, nfc

# three shares joined by dashes, none part of a longer run of numbers or a date
_SHARE = r"(\d{1,3}(?:[.,]\d+)?)"
_TRIPLE_RE = re.compile(rf"(?<![\d.,/-]){_SHARE}\s*-\s*{_SHARE}\s*-\s*{_SHARE}(?![\d/-]|[.,]\d)")


Step = tuple[Mention, Indicator]


def cascade_mentions(vocab: Vocabulary, text: str, title: str) -> list[list[Step]]:
    """The cascade triples of a segment's (markup-blanked) text: each number as a share, with
    the indicator its place in the triple names."""
    if "-" not in text or not vocab.cascades:
        return []
    out: list[list[Step]] = []
    about = ""  # the segment's and the title's words, lite(), read at the first triple
    for m in _TRIPLE_RE.finditer(text):
        values = [float(m.group(k).replace(",", ".")) for k in (1, 2, 3)]
        if any(v > 100 for v in values) or len(set(values)) == 1:
            continue  # "the 90-90-90 goal": a goal's name, its values spelled out elsewhere
        about = about or f"{lite(text)}\n{lite(nfc(title))}"
        steps = next((inds for subject, inds in vocab.cascades if subject.search(about)), None)
        if steps is None or len(steps) != 3:
            continue
        out.append([(Mention(m.start(k), m.end(k), m.start(k), value, None, "percent",
                             m.end(k), m.group(k), False), ind)
                     for k, (value, ind) in enumerate(zip(values, steps, strict=True), start=1)])
    return out
