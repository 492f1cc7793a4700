"""The words table shapes read, from the catalogue's vocabulary (`tables`, `baseline_columns`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vnhealth.text import lite, nfc

LETTERS_RE = re.compile(r"[^\W\d_]+")


def phrases_re(phrases: Sequence[str]) -> re.Pattern[str]:
    """Whole-word phrases on lite() text, longest first; never matches when empty."""
    alts = sorted({lite(nfc(p)) for p in phrases}, key=len, reverse=True)
    if not alts:
        return re.compile(r"(?!x)x")
    body = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in alts)
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])")


@dataclass(frozen=True)
class TableWords:
    preliminary: re.Pattern[str]
    actual: re.Pattern[str]
    plan: re.Pattern[str]
    header: re.Pattern[str]
    unit_line: re.Pattern[str]
    totals: re.Pattern[str]
    national: re.Pattern[str]
    sub_rows: re.Pattern[str]
    statistics: re.Pattern[str]
    # the runs of letters of every word a header line may hold (see header.could_be_header)
    header_letters: frozenset[str] = frozenset()
    # words of a column header that holds values already achieved ("Thực hiện 2025")
    baseline_columns: tuple[str, ...] = ()

    @classmethod
    def from_vocabulary(cls, vocabulary: dict[str, Any]) -> TableWords:
        t = vocabulary.get("tables") or {}
        letters = frozenset(run for name in ("preliminary", "actual", "plan", "header")
                            for p in t.get(name) or [] for run in LETTERS_RE.findall(lite(nfc(p))))
        baseline = tuple(lite(nfc(p)) for p in vocabulary.get("baseline_columns", []))
        return cls(**{name: phrases_re(t.get(name) or []) for name in (
            "preliminary", "actual", "plan", "header", "unit_line", "totals", "national",
            "sub_rows", "statistics")}, header_letters=letters, baseline_columns=baseline)
