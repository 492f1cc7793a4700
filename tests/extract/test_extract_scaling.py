"""Extraction time grows linearly with the input: n and 4n lines, an m and a 4m-character line.

Quadratic work (a clause rescanned from its start for every number, every observation compared
with all earlier ones, a regex trying every digit of a long run) makes 4x the input take 16x the
time; linear work takes 4x. Each case asserts a ratio below 8, on CPU time of this process
(time.process_time, so other processes on a loaded machine do not count) and the best of three
runs, at sizes where the quadratic term of the old code dominated. The benchmark with the real
sizes (1,000,000 lines, a 5 MB line) is benchmarks/bench_build.py.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable

import pytest

from vnhealth.extract import DocumentExtraction, Vocabulary, extract_document
from vnhealth.extract.not_values import DOCUMENT_WORDS, caseless, lower_caseless
from vnhealth.extract.numbers import parse_cell
from vnhealth.extract.shapes.header import time_cell_year
from vnhealth.inputs.catalog import Document, load_catalog
from vnhealth.inputs.paths import ProjectPaths

MAX_RATIO = 8.0  # for 4x the input: linear is 4, quadratic 16
REPEATS = 3

SENTENCE = "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt trên 95% năm 2030."
# A year before "." does not end a clause: repeated on one line, this is one long clause with a
# verb, a "from … to" baseline and "so với" markers in it.
LONG_SENTENCES = (SENTENCE + " Tăng tỷ lệ tiêm chủng thêm 2% so với năm 2020, từ 90% lên 95%; ")


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(load_catalog(ProjectPaths.at()))


def _document() -> Document:
    return Document(id="scale", province_id="", title="", doc_number=None, issuer=None,
                    issued_on=None, issued_text=None, period_start=2026, period_end=2030,
                    file="", sha256="", manifest_line=0)


def _cpu_seconds(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def _extract(vocab: Vocabulary, lines: list[str]) -> DocumentExtraction:
    return extract_document(vocab, _document(), lines)


def _assert_linear(small: Callable[[], object], large: Callable[[], object]) -> None:
    ratio = _cpu_seconds(large) / max(_cpu_seconds(small), 1e-3)
    assert ratio < MAX_RATIO, f"4x the input took {ratio:.1f}x the time (quadratic: 16x)"


def test_short_lines_scale_linearly(vocab: Vocabulary) -> None:
    # every line is an observation: each new one was compared with all earlier ones
    def run(n: int) -> Callable[[], object]:
        return lambda: _extract(vocab, ["- " + SENTENCE] * n)

    assert len(_extract(vocab, ["- " + SENTENCE] * 40).observations) == 40
    _assert_linear(run(1000), run(4000))


def test_wrapped_paragraph_scales_linearly(vocab: Vocabulary) -> None:
    # lines that continue one another make one paragraph, one clause, many numbers
    line = "tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt trên 95%, năm 2030"

    def run(n: int) -> Callable[[], object]:
        return lambda: _extract(vocab, [line] * n)

    assert len(_extract(vocab, [line] * 40).observations) == 40
    _assert_linear(run(300), run(1200))


def test_single_long_line_scales_linearly(vocab: Vocabulary) -> None:
    def run(n_chars: int) -> Callable[[], object]:
        text = LONG_SENTENCES * (n_chars // len(LONG_SENTENCES))
        return lambda: _extract(vocab, [text])

    _assert_linear(run(25_000), run(100_000))


def test_table_row_with_many_cells_scales_linearly(vocab: Vocabulary) -> None:
    # a header row as wide as the data: columns x rows work was quadratic
    def run(n: int) -> Callable[[], object]:
        header = "\t".join(["STT", "Chỉ tiêu"] + [f"Năm {2020 + k % 10}" for k in range(n)])
        rows = [f"{k}\tTỷ lệ tiêm chủng đầy đủ\t95%" for k in range(1, n // 10)]
        return lambda: _extract(vocab, [header, *rows])

    _assert_linear(run(1000), run(4000))


@pytest.mark.parametrize("text", [
    "5{blank}x",  # a value cell: blanks between a number and a stray character
    "{blank}x",
])
def test_cell_patterns_do_not_backtrack_over_blanks(text: str) -> None:
    def run(n: int) -> Callable[[], object]:
        cell = text.format(blank=" " * n)
        return lambda: (parse_cell(cell), time_cell_year("2020" + cell))

    _assert_linear(run(5_000), run(20_000))


def test_runs_of_digits_scale_linearly(vocab: Vocabulary) -> None:
    # date and document-number patterns used to try every digit of a run as a start
    def run(n: int) -> Callable[[], object]:
        return lambda: _extract(vocab, ["- Tỷ lệ " + "1/" * n + "2 đạt 95%.", "- " + "7" * n])

    _assert_linear(run(5_000), run(20_000))


def test_month_prefilter_covers_every_case_of_the_word() -> None:
    # blank_not_values skips the month patterns when "tháng" is not in the lowered text: that
    # is exact only if every character (?i:tháng) matches lowers to the word's own character
    every_char = "".join(map(chr, range(sys.maxunicode + 1)))
    for ch in "tháng":
        matched = re.findall(f"(?i:{re.escape(ch)})", every_char)
        assert {c.lower() for c in matched} == {ch}, (ch, matched)


def test_document_word_prefilter_covers_every_case_of_the_words() -> None:
    # blank_not_values skips the document-number pattern when none of its words is in the
    # lowered text: exact only if every character its classes match lowers to the word's
    # character
    every_char = "".join(map(chr, range(sys.maxunicode + 1)))
    for ch in sorted(set("".join(DOCUMENT_WORDS)) - {" "}):
        matched = re.findall(caseless(ch), every_char)
        assert {lower_caseless(c) for c in matched} == {ch}, (ch, matched)


def test_document_words_classes_match_what_ignorecase_matches() -> None:
    # not_values spells "(?i:số|kế hoạch|…)" with classes so that it can skip ahead; each
    # class must match exactly what (?i:letter) matches
    every_char = "".join(map(chr, range(sys.maxunicode + 1)))
    for ch in sorted(set("".join(DOCUMENT_WORDS)) - {" "}):
        ignorecase = set(re.findall(f"(?i:{re.escape(ch)})", every_char))
        assert set(re.findall(caseless(ch), every_char)) == ignorecase, ch
