"""Numbers that are never indicator values: dates, document numbers, list markers.

They are blanked out of a segment's text before its numbers are read. Each pattern is written
to be cheap on long texts: a pattern that may start at a digit starts with "\\d", and the ones
that need a word or a character are skipped for a text without it.
"""

from __future__ import annotations

import re

from vnhealth.numbers import NUMBER

# Characters that (?i:x) matches besides x.lower() and x.upper() (Kelvin sign, long s), for the
# letters of DOCUMENT_WORDS; tests/test_extract_scaling.py checks these against the re module.
_CASE_EXTRAS = {"k": "\u212a", "s": "\u017f"}
DOCUMENT_WORDS = ("số", "đề án", "chỉ thị", "nghị định", "nghị quyết", "quyết định", "thông tư",
                  "kế hoạch", "công văn", "luật", "khóa")


def caseless(ch: str) -> str:
    """A class matching what (?i:ch) matches."""
    if not ch.isalpha():
        return re.escape(ch)
    return "[" + re.escape(ch.lower() + ch.upper() + _CASE_EXTRAS.get(ch.lower(), "")) + "]"


def _document_number_regex() -> re.Pattern[str]:
    r"""(?i:số|đề án|…)\s+\d+ written to start with one class of first characters: the engine
    then skips to a possible first character at once (with IGNORECASE it tries every place).
    Each word checks its own first character looking back, in the words' order."""
    firsts = "".join(sorted({c for w in DOCUMENT_WORDS
                             for c in caseless(w[0]).strip("[]")}))
    words = "|".join(f"(?<={caseless(w[0])})" + "".join(caseless(c) for c in w[1:])
                     for w in DOCUMENT_WORDS)
    return re.compile(f"[{firsts}](?:{words})\\s+\\d+")


_DOCUMENT_NUMBER_RE = _document_number_regex()


def lower_caseless(text: str) -> str:
    """text.lower() with the long s made an s: every character a (?i:…) word pattern matches
    lowers, here, to the word's own character (checked in tests), so a word missing from this
    form cannot be matched, and the pattern need not scan."""
    lowered = text.lower()
    return lowered.replace("\u017f", "s") if "\u017f" in lowered else lowered


_NOT_VALUES = [
    re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}"),  # 04/3/2026
    re.compile(r"(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?", re.IGNORECASE),
    re.compile(r"(?i:tháng)\s+\d{1,2}(?:\s*/\s*\d{4})?"),
    # 9/2030. Every pattern that may start at a digit is written to start with "\d" (its
    # look-behind placed after it): the engine then skips to the next digit at once.
    re.compile(r"\d(?<![\d,]\d)\d?\s*/\s*(?:19|20)\d\d"),
    # 07-ĐA/TU, 788/QĐ-BYT, 114/2025/QH15. Only from the start of a run of numbers: a match
    # inside one implies a match at its start, and trying every digit of a long run rescans it
    re.compile(r"\d(?<!\d\d)(?<!\d/\d)\d*(?:/\d+)*\s*[-/]\s*[A-ZĐ]{2,}"),
    _DOCUMENT_NUMBER_RE,  # số 12, quyết định 788, …
    re.compile(r"\(\d{1,2}\)"),  # (1)
    # 48 tiết/2 năm, 08 xã/4 huyện (from the start of a digit run, as above)
    re.compile(rf"\d(?<!\d\d)\d*\s*/\s*\d+(?!\s*\(\s*{NUMBER}\s*%)"),
]

# Characters each pattern above cannot match without (one of them), in the same order: a test
# for them is cheaper than a scan with the pattern.
_NOT_VALUES_NEEDS = list(zip(_NOT_VALUES, ("/", "", "", "/", "-/", "", "(", "/"), strict=True))

# The date patterns above that cannot match a text without "tháng" in it (in any case). Any
# character (?i:tháng) matches lowers to one of "tháng" (checked in tests), so the word in the
# lowered text is a necessary condition, cheaper to test than scanning with the pattern.
MONTH = "tháng"
_MONTH_PATTERNS = (_NOT_VALUES[1], _NOT_VALUES[2])


def blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each (start, end) span replaced by as many blanks (spans may overlap)."""
    if not spans:
        return text
    pieces: list[str] = []
    pos = 0
    for a, b in sorted(spans):
        if b <= pos:
            continue
        a = max(a, pos)
        pieces.append(text[pos:a])
        pieces.append(" " * (b - a))
        pos = b
    pieces.append(text[pos:])
    return "".join(pieces)


def blank_not_values(text: str) -> str:
    """`text` with its dates, document numbers and "(1)" markers blanked, offsets kept."""
    lowered = lower_caseless(text)
    has_month = MONTH in lowered
    has_document_word = any(w in lowered for w in DOCUMENT_WORDS)
    for pat, needs in _NOT_VALUES_NEEDS:
        if not has_month and pat in _MONTH_PATTERNS:
            continue
        if not has_document_word and pat is _DOCUMENT_NUMBER_RE:
            continue
        if needs and not any(ch in text for ch in needs):
            continue  # the pattern cannot match without one of these characters
        hits = [m.span() for m in pat.finditer(text)]
        if hits:
            text = blanked(text, hits)
    return text
