"""The patterns written for speed match exactly what their plain forms match.

The alias names are one trie regex, whole-word patterns open with a character instead of a
look-behind, and the not-value patterns are skipped when the text lacks the words they need.
Each is compared here with the plain pattern it replaces, on generated strings built to hit
the edge cases (a name inside a longer one, a name glued to a word) and on the lines of the
real documents in tests/data.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from vnhealth.extract import Vocabulary
from vnhealth.extract.vocabulary import _words_regex, alias_regex
from vnhealth.inputs.catalog import load_catalog
from vnhealth.inputs.paths import ProjectPaths
from vnhealth.inputs.text import lite, nfc

REPO = ProjectPaths.at()
DATA = Path(__file__).resolve().parent.parent / "data"


def plain_alias_regex(keys: list[str]) -> re.Pattern[str]:
    """Whole-word keys tried one by one, longest first."""
    alts = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<![^ ])({alts})(?= |$)")


def plain_words_regex(phrases: list[str], tail: str) -> re.Pattern[str]:
    alts = ["\\s+".join(map(re.escape, lite(nfc(p)).split())) for p in phrases]
    return re.compile(rf"(?<!\w)(?:{'|'.join(alts)})(?!\w){tail}")


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(load_catalog(REPO))


@pytest.fixture(scope="module")
def real_lines() -> list[str]:
    lines = []
    for path in sorted(DATA.glob("real_dev*/docs/*.txt"))[:200]:
        lines += nfc(path.read_text(encoding="utf-8", errors="replace")).splitlines()
    return lines


def test_alias_trie_takes_the_longest_name_ending_at_a_word_end() -> None:
    pattern = alias_regex(["tỷ lệ tử vong", "tỷ lệ tử vong do lao", "tỷ lệ tử vong mẹ", "lao"])
    found = [m.group(1) for m in
             pattern.finditer("tỷ lệ tử vong do lao và tỷ lệ tử vong mẹo x tỷ lệ tử vong mẹ")]
    # "mẹo" is not "mẹ": the match backs off to the shorter name that ends at a word's end
    assert found == ["tỷ lệ tử vong do lao", "tỷ lệ tử vong", "tỷ lệ tử vong mẹ"]
    assert pattern.search("xlao") is None  # not inside a word


def test_alias_trie_matches_what_the_plain_alternation_matches() -> None:
    rng = random.Random(7)
    words = ["a", "ab", "b", "ba", "aa", "c"]
    keys = sorted({" ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
                   for _ in range(60)})
    trie, plain = alias_regex(keys), plain_alias_regex(keys)
    for _ in range(3000):
        text = " ".join(rng.choice(words + ["x", "abc"]) for _ in range(rng.randint(1, 12)))
        assert spans(trie, text) == spans(plain, text), text
        at = rng.randrange(len(text))
        assert (lambda m: m and m.span())(trie.match(text, at)) == \
            (lambda m: m and m.span())(plain.match(text, at)), (text, at)


def test_catalogue_alias_trie_on_real_lines(vocab: Vocabulary, real_lines: list[str]) -> None:
    keys = list(vocab.alias_targets)
    trie, plain = alias_regex(keys), plain_alias_regex(keys)
    for line in real_lines[:8000]:
        key = vocab.key(line).key
        assert spans(trie, key) == spans(plain, key), line


def test_words_regex_matches_its_plain_form(real_lines: list[str]) -> None:
    phrases = ["trẻ em", "trẻ", "phụ nữ mang thai", "(dưới", "người cao tuổi"]
    fast, plain = _words_regex(phrases, r"\s*(\d+)?"), plain_words_regex(phrases, r"\s*(\d+)?")
    extra = ["trẻ em5 x", "atrẻ em", "_trẻ", "(dưới 5", "người  cao\ttuổi 12"]
    for text in [*map(lite, real_lines), *extra]:
        assert spans(fast, text) == spans(plain, text), text


def test_not_value_gates_change_nothing(vocab: Vocabulary, real_lines: list[str]) -> None:
    blanker = vocab.not_values
    gated = [needs for _, needs in blanker.patterns if needs and not isinstance(needs, str)]
    assert len(gated) >= 3, "the word gates of the age, rank and ordinal patterns"
    ungated = type(blanker).__new__(type(blanker))
    ungated.__dict__.update(blanker.__dict__)
    ungated.patterns = [(p, "") for p, _ in blanker.patterns]
    extra = ["p < 0.05 và P=0,01", "trẻ ở độ tuổi 12-23 tháng", "ranked 3 in 2020",
             "the 18th Congress", "Hải Phòng đứng thứ 13 với con số 11,7", "NHÓM TUỔI 15-49",
             "[HTTP://www.gso.gov.vn/default.aspx?tabid=387 Dân số]"]
    for line in [*real_lines, *extra]:
        assert blanker.blank(line) == ungated.blank(line), line
    assert blanker.blank("xếp thứ 5 toàn quốc") != "xếp thứ 5 toàn quốc"
