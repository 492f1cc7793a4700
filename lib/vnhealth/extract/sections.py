"""Sections of a plan: what the latest heading opened, read from the heading's words.

A heading naming a target section ("Mục tiêu"), a results section ("Kết quả thực hiện") or
another one (tasks, budget) sets what the values under it are (kind_basis) and whether
non-numeric targets are read there. The words live in data/catalog/vocabulary.yaml
(`target_sections`, `result_sections`, `other_sections`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from vnhealth.inputs.text import lite, nfc


class Section(NamedTuple):
    """What the latest heading opened: `target`, `result` or `other`, and the word that said so."""

    kind: str
    word: str
    loose: bool = False  # opened by a page's subheading: a target word in a sentence prevails


@dataclass
class SectionState:
    """Where the walk through a document stands: the year its latest numbered heading names,
    whether that part states targets (not tasks or budget), the section it is in, and the year
    the last paragraph since that heading opened with; the prose lines a blank line opens."""

    year: int | None = None
    in_targets: bool = False
    section: Section | None = None
    lead_year: int | None = None  # the year the last paragraph opening with one names
    lead_aims: bool = False  # whether that paragraph sets a target ("Về mục tiêu cụ thể, …")
    # the last paragraph's text (lite), and the "now" it went on in from the one before it
    last_text: str | None = None
    last_now: str | None = None
    last_year: int | None = None  # the year the last paragraph names or went on in
    open_year: int | None = None  # the year a paragraph ending open (";") leaves to the next
    open_aims: bool = False  # whether that paragraph (or its list's lead-in) sets a target
    paragraph_starts: set[int] = field(default_factory=set)  # line numbers after a blank


def section_of(heading: str, current: Section | None, targets: Sequence[str],
               results: Sequence[str], others: Sequence[str], met: Sequence[str] = ()
               ) -> Section | None:
    """The section a heading opens; the word standing first in it decides ("Kết quả thực hiện
    các mục tiêu" reports results), a heading naming none keeps the current section. Targets
    said to be met ("Nhiều chỉ tiêu … đạt, vượt kế hoạch"; verbs `met`) open results."""
    low = lite(nfc(heading))
    best: tuple[int, Section] | None = None
    for kind, words in (("target", targets), ("result", results), ("other", others)):
        for w in words:
            pos = low.find(w)
            if pos >= 0 and (best is None or pos < best[0]):
                best = (pos, Section(kind, w))
    # ("Chỉ tiêu 1: tỷ lệ … đạt 95%" sets one: a number after the verb is the goal's value)
    if best is not None and best[1].kind == "target" and any(
            re.search(rf"(?<!\w){re.escape(v)}(?!\w)(?![^\d,.;]{{0,12}}\d)", low[best[0]:])
            for v in met):
        return Section("result", best[1].word)
    return best[1] if best else current


def states_targets(heading: str, current: bool, targets: Sequence[str],
                   others: Sequence[str]) -> bool:
    """Whether the part a heading opens states targets: a target word says yes, another
    section's word says no, a heading naming neither keeps the current answer."""
    low = lite(heading)
    if any(w in low for w in targets):
        return True
    if any(w in low for w in others):
        return False
    return current
