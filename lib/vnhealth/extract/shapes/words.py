"""The words table shapes read, from the catalogue's vocabulary (`tables`, `baseline_columns`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from vnhealth.inputs.text import lite, nfc

LETTERS_RE = re.compile(r"[^\W\d_]+")


def no_place(_cell: str) -> str | None:
    return None


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
    # a unit cell ending a row's label, on lite() text: a unit phrase, a noun of what is
    # counted ("Xã", "Người") or a ditto mark repeating the unit above ("“")
    unit_cell: re.Pattern[str] = re.compile(r"(?!x)x")
    counted: frozenset[str] = frozenset()  # the nouns of counts (lite)
    ditto: frozenset[str] = frozenset()
    # a tab table's header cells: the unit column ("Đơn vị"), a target column without a year
    # ("Kế hoạch"), both lite()
    unit_column: tuple[str, ...] = ()
    target_column: tuple[str, ...] = ()
    # the header cell opening a PDF table of numbered rows ("STT"), as written (capitals)
    row_number_header: re.Pattern[str] = re.compile(r"(?!x)x")
    row_number_cell: re.Pattern[str] = re.compile(r"(?!x)x")  # the same cell inside a line
    row_number_words: tuple[str, ...] = ()  # its words, for a cheap test before the search
    # words over columns that compare two others ("Ước năm 2024 so với (%)"): ratios, no values
    comparison: re.Pattern[str] = re.compile(r"(?!x)x")
    # a row label opening with a change ("Mức giảm tỷ suất sinh (‰)"): its cells are the
    # indicator's fall or rise, not its level (lite, at the label's start)
    falling_rows: re.Pattern[str] = re.compile(r"(?!x)x")
    rising_rows: re.Pattern[str] = re.compile(r"(?!x)x")
    # a yearbook's breakdown column labels under the total ("Thành thị - Urban") and the
    # words leading in to them ("Chia ra - Of which"), lite, at the label's start
    breakdown_columns: re.Pattern[str] = re.compile(r"(?!x)x")
    breakdown_lead: re.Pattern[str] = re.compile(r"(?!x)x")
    # the header cell over a column of provinces' names ("Tỉnh, thành phố"), lite; and words
    # making a column's values averages over the period it names ("trung bình giai đoạn
    # 2005-2019"): no one year's
    place_column: re.Pattern[str] = re.compile(r"(?!x)x")
    place_column_within: re.Pattern[str] = re.compile(r"(?!x)x")  # the same, inside glued cells
    period_average: re.Pattern[str] = re.compile(r"(?!x)x")
    # Vietnamese labels written in ASCII letters ("Chung", "Nam"), lite: not the English of
    # the label above them
    ascii_labels: frozenset[str] = frozenset()
    # the province (or REGION) a cell is nothing but the name of (Vocabulary.province_of_label)
    place_of: Callable[[str], str | None] = no_place

    def is_english(self, text: str) -> bool:
        """Whether a stripped label line is the English of a bilingual label: ASCII, and no
        Vietnamese label that happens to be ASCII ("Tổng số" / "Chung" / "Nam" / "Nữ")."""
        return text.isascii() and lite(text) not in self.ascii_labels

    @classmethod
    def from_vocabulary(cls, vocabulary: dict[str, Any], unit_phrases: Sequence[str] = ()
                        ) -> TableWords:
        t = vocabulary.get("tables") or {}
        letters = frozenset(run for name in ("preliminary", "actual", "plan", "header")
                            for p in t.get(name) or [] for run in LETTERS_RE.findall(lite(nfc(p))))
        baseline = tuple(lite(nfc(p)) for p in vocabulary.get("baseline_columns", []))
        counted = frozenset(lite(nfc(p)) for p in vocabulary.get("count_nouns", []))
        ditto = frozenset(nfc(p) for p in t.get("ditto") or [])
        cells = sorted({*counted, *ditto, *(lite(nfc(p)) for p in unit_phrases)}, key=len,
                       reverse=True)
        unit_cell = re.compile(r"(?:^|\s)(" + "|".join(
            r"\s+".join(re.escape(w) for w in p.split()) for p in cells) + r")$") if cells \
            else re.compile(r"(?!x)x")
        numbered = sorted((nfc(p) for p in t.get("row_number_header") or []), key=len,
                          reverse=True)
        return cls(**{name: phrases_re(t.get(name) or []) for name in (
            "preliminary", "actual", "plan", "header", "unit_line", "totals", "national",
            "sub_rows", "statistics")}, header_letters=letters, baseline_columns=baseline,
            unit_cell=unit_cell, counted=counted, ditto=ditto,
            unit_column=tuple(lite(nfc(p)) for p in t.get("unit_column") or []),
            target_column=tuple(lite(nfc(p)) for p in t.get("target_column") or []),
            comparison=phrases_re(t.get("comparison") or []),
            falling_rows=phrases_re(t.get("falling_rows") or []),
            rising_rows=phrases_re(t.get("rising_rows") or []),
            breakdown_columns=phrases_re(t.get("breakdown_columns") or []),
            breakdown_lead=phrases_re(t.get("breakdown_lead") or []),
            place_column=phrases_re(t.get("place_column") or []),
            place_column_within=re.compile("|".join(
                re.escape(lite(nfc(p))) for p in t.get("place_column") or []) or "(?!x)x"),
            period_average=phrases_re(t.get("period_average") or []),
            ascii_labels=frozenset(lite(nfc(p)) for p in t.get("ascii_labels") or []),
            row_number_header=re.compile(
                r"^\s*(?:" + "|".join(map(re.escape, numbered)) + r")\b") if numbered
            else re.compile(r"(?!x)x"),
            row_number_words=tuple(numbered),
            row_number_cell=re.compile(
                r"(?<!\S)(?:" + "|".join(map(re.escape, numbered)) + r")(?=\s)") if numbered
            else re.compile(r"(?!x)x"))
