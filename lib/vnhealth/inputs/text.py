"""Text normalization: NFC, a matching form that ignores spelling variants, and noise lines.

Raw files are never changed. Each line is NFC-normalized for reading and quoting; indicator names
are matched on a *key*: lower case, tone marks moved to the end of each syllable (so the old
"khoẻ" and the new "khỏe" placement agree), final y/i variants merged (bác sỹ = bác sĩ, tỷ = tỉ),
leading zeros dropped (01 = 1), abbreviations expanded (SDD = suy dinh dưỡng), English
inflections taken off (screenings = screened = screen) and punctuation ignored. The key keeps,
for each of its characters, the offset in the line it came from, so a match is always traced
back to the source text.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

# Combining tone marks of Vietnamese (grave, acute, tilde, hook above, dot below).
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_CONSONANT_Y = re.compile(r"^([bcdđghklmnpqrstvx]+)y$")
_TOKEN = re.compile(r"\w+", re.UNICODE)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,40}>")
_ESCAPED_BREAK = re.compile(r"\\[rnt]")  # "\r", "\n", "\t" written out as two characters
# "tỷ_lệ suy_dinh_dưỡng": a word-segmented copy (a research corpus's) joins the syllables of a
# word with underscores; between two letters one is a blank
_JOINED_SYLLABLES = re.compile(r"(?<=[^\W\d_])_(?=[^\W\d_])")
# "11,80/00", "13 0/00": per mille typed as "0/00", glued to the number perhaps; or a row
# label's unit in brackets ("Tỷ lệ tăng dân số tự nhiên (0/00)")
_TYPED_PER_MILLE = re.compile(r"(?:(?<=\d)(\s?)|(?<=\())0/00(?![\d/])")
_URL = re.compile(r"^\s*(https?://|www\.)\S+\s*$")
_MEMO_MAX = 200_000  # tokens kept by a make_key memo
# "12", "Trang 12", "P. 75", "Page 75 - niengiam2021" (a flip-book page's own header)
_PAGE_NUMBER = re.compile(
    r"^\s*(?:\d{1,3}|(?:trang|tr\.|page|p\.)\s*\d{1,3}(?:\s+-\s+\S+)?)\s*$", re.IGNORECASE)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Kana, CJK ideographs and hangul: scripts written without a blank between words
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3]")
_CJK_STOPS = str.maketrans({"。": ". ", "、": ", ", "・": " "})


def _script(ch: str) -> str:
    """The script of one character, for spaced_cjk(): hiragana, katakana (with its long-vowel
    mark), ideograph, hangul, a blank, or "x" for the rest (Latin, digits, signs)."""
    o = ord(ch)
    if 0x3040 <= o <= 0x309F:
        return "hiragana"
    if 0x30A0 <= o <= 0x30FF:
        return "katakana"
    if 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF:
        return "ideograph"
    if 0xAC00 <= o <= 0xD7A3:
        return "hangul"
    return "blank" if ch.isspace() else "x"


def capital_or_uncased(ch: str) -> bool:
    """Whether a letter is a capital, or of a script without case (kana, ideographs, hangul),
    where a name or a sentence opens as after a capital in Vietnamese."""
    return ch.isupper() or (ch.isalpha() and not ch.islower())


# spaces of other widths a web page or a PDF puts between words (no-break, thin, figure,
# narrow no-break): read as the plain blank, one character for one
_SPACE_FORMS = str.maketrans({c: " " for c in "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007"
                                               "\u2008\u2009\u200a\u202f\u205f"})


def plain_spaces(line: str) -> str:
    """The line with every space form (no-break "&nbsp;" and the like) as a plain blank, so
    that phrases match across them; same length as the input."""
    return line.translate(_SPACE_FORMS)


def spaced_cjk(line: str, particles: tuple[str, ...] = ()) -> str:
    """A Japanese or Korean line read as words: its full-width forms folded (NFKC: "（１）" →
    "(1)"), its full stop and comma written as ASCII, and a blank wherever the script changes
    between kana, ideographs, hangul and the rest ("平均寿命が76.5歳で" → "平均寿命 が 76.5 歳
    で"). A kanji run is then one word, as the catalogue's names are ("平均寿命"), and a number
    stands apart from its unit. Korean writes blanks between words but joins its particles to
    them: a word ending in one of `particles` is read with it split off ("평균수명은" →
    "평균수명 은"). A word splitter (MeCab and its dictionaries) would split finer but adds a
    native dependency for what the script boundaries already give. Lines with none of these
    scripts are returned unchanged."""
    if _CJK_RE.search(line) is None:
        return line
    folded = unicodedata.normalize("NFKC", line).translate(_CJK_STOPS)
    out: list[str] = []
    before = "blank"
    for ch in folded:
        script = _script(ch)
        if script != before and "blank" not in (script, before):
            out.append(" ")
        out.append(ch)
        before = script
    spaced = "".join(out)
    return _particle_re(particles).sub(" \\1", spaced) if particles else spaced


@lru_cache(maxsize=4)
def _particle_re(particles: tuple[str, ...]) -> re.Pattern[str]:
    """A particle at the end of a hangul word, after at least one syllable of its own."""
    alternation = "|".join(sorted(map(re.escape, particles), key=len, reverse=True))
    return re.compile(rf"(?<=[\uac00-\ud7a3])({alternation})(?![\uac00-\ud7a3])")


@lru_cache(maxsize=65536)
def syllable_key(word: str) -> str:
    """Canonical form of one lower-case word: tone moved to the end, final consonant+y → i.

    >>> syllable_key("khoẻ") == syllable_key("khỏe")
    True
    >>> syllable_key("sỹ") == syllable_key("sĩ")
    True
    """
    if word.isdigit():
        return word.lstrip("0") or "0"
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in _TONES]
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    m = _CONSONANT_Y.match(base)
    if m:
        base = m.group(1) + "i"
    return base + "".join(tones)


def bare_letters(text: str) -> str:
    """The text without its marks ("cao bằng" → "cao bang", "đ" → "d"): how an English page
    writes a Vietnamese name."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def blank_markup(line: str) -> str:
    """Replace HTML tags, the entities &gt; &lt; &amp;, line breaks written out as escapes
    ("dưỡng\\r\\nthể": a copy that stored each break as the text \\r\\n) and the underscores
    of a word-segmented copy ("tỷ_lệ") by characters of the same length; per mille typed as
    "0/00" ("11,80/00" is 11,8 ‰) by the sign.

    Offsets are kept, so a position found in the cleaned line is a position in the raw line.
    """
    if "\\" in line:
        line = _ESCAPED_BREAK.sub(lambda m: " " * len(m.group(0)), line)
    if "_" in line:
        line = _JOINED_SYLLABLES.sub(" ", line)
    if "0/00" in line:
        line = _TYPED_PER_MILLE.sub(lambda m: (m.group(1) or "") + "‰   ", line)
    if "<" in line:
        line = _HTML_TAG.sub(lambda m: " " * len(m.group(0)), line)
    if "&" in line:
        line = (
            # the sign kept next to what follows it: "&gt;95" reads as ">95", one cell
            line.replace("&gt;", "   >")
            .replace("&lt;", "   <")
            .replace("&amp;", "&    ")
            .replace("&nbsp;", "      ")
        )
    return line


# lite() of a line is asked for again by each reader of the line (segmenting, table shapes,
# pairing): the last lines' are kept. Long texts (a whole document) are not, to bound memory.
_LITE_CACHED_LINES = 16384
_LITE_CACHED_MAX_CHARS = 1000


def lite(line: str) -> str:
    """Lower case with sỹ→sĩ and one place for the tone of an open "oa", "oe", "uy"
    ("hoá" → "hóa"); same length as the input, for phrase search by offset."""
    return _lite(line) if len(line) > _LITE_CACHED_MAX_CHARS else _lite_cached(line)


def _lite(line: str) -> str:
    low = line.lower().replace("sỹ", "sĩ").replace("–", "-").replace("—", "-")
    return _TONE_ON_GLIDE.sub(_tone_to_first, low) if _TONE_ON_GLIDE.search(low) else low


_lite_cached = lru_cache(maxsize=_LITE_CACHED_LINES)(_lite)


# "hoá", "khoẻ", "thuỷ": the tone placed on the second vowel of an open syllable, the other
# way of writing "hóa", "khỏe", "thủy" (both in use); "quý" keeps its tone on "y"
_TONED = {"a": "áàảãạ", "e": "éèẻẽẹ", "y": "ýỳỷỹỵ"}
_FIRST = {"o": "óòỏõọ", "u": "úùủũụ"}
# (no look-behind for "q": searched at every place, it would double the cost of lite())
_TONE_ON_GLIDE = re.compile(r"([ou])([" + "".join(_TONED.values()) + r"])(?!\w)")
_MOVED = {(first, toned): _FIRST[first][k] + plain
          for plain, marks in _TONED.items() for k, toned in enumerate(marks) for first in "ou"}


def _tone_to_first(m: re.Match[str]) -> str:
    if m.start() and m.string[m.start() - 1] == "q":
        return m.group(0)  # "quý": "qu" is the consonant, the tone is on its vowel
    return _MOVED[(m.group(1), m.group(2))]


class Keyed:
    """The matching key of a text, with a map from key positions back to text positions.

    The map is kept per word (key start, text start, text length): a position inside a word's
    key maps to the same position in the word, clipped to its last character (a tone mark moved
    to the end of a syllable still points at that syllable).
    """

    __slots__ = ("key", "_key_starts", "_text_starts", "_text_lens")

    def __init__(self, key: str, key_starts: list[int], text_starts: list[int],
                 text_lens: list[int]):
        self.key = key
        self._key_starts = key_starts
        self._text_starts = text_starts
        self._text_lens = text_lens

    def text_pos(self, key_pos: int) -> int:
        i = max(0, bisect_right(self._key_starts, key_pos) - 1)
        return self._text_starts[i] + min(key_pos - self._key_starts[i],
                                          self._text_lens[i] - 1)

    def span_in_text(self, start: int, end: int) -> tuple[int, int]:
        """Text span covered by key[start:end]; a span ending at a word's key end ends at the
        word's end in the text, whose key may be shorter ("1,000" keyed "1000")."""
        i = max(0, bisect_right(self._key_starts, end - 1) - 1)
        word_end = self._key_starts[i + 1] - 1 if i + 1 < len(self._key_starts) \
            else len(self.key)
        stop = self._text_starts[i] + self._text_lens[i] if end >= word_end \
            else self.text_pos(end - 1) + 1
        return self.text_pos(start), stop


# English inflections taken off a word: "-ies" (to "-y"), the plural's "s" (not of "-ss",
# "-us", "-is"), then "-ed" or "-ing", when at least _STEM_MIN_LETTERS letters stay. A full
# stemmer (Snowball) also cuts derivations and merges names that differ ("waste" and
# "wasting" both "wast"), so only these inflections go. Vietnamese syllables written without
# marks are ASCII too ("con", "thanh"), but none ends so.
_PLURAL = re.compile(r"(?<=[^siu])s$")
_VERB_ENDING = re.compile(r"(?:ed|ing)$")
_STEM_MIN_LETTERS = 3


def english_stem(word: str) -> str:
    """An English word without its inflection ("screenings", "screened" → "screen"), so an
    alias matches the word however it is inflected; any other word as it is."""
    if not (word.isascii() and word.isalpha()):
        return word
    stem = word[:-3] + "y" if word.endswith("ies") and len(word) > 4 else _PLURAL.sub("", word)
    verb = _VERB_ENDING.sub("", stem)
    return next((w for w in (verb, stem) if len(w) >= _STEM_MIN_LETTERS), word)


def _word_key(token: str, abbreviations: dict[str, str]) -> tuple[str, int]:
    """(key, length of the lowered word) of one token of a text."""
    word = token.lower()
    expansion = abbreviations.get(word)
    if expansion is not None:
        return " ".join(english_stem(syllable_key(w)) for w in expansion.split()), len(word)
    return english_stem(syllable_key(word)), len(word)


def _remember(memo: dict[str, tuple[str, int]], token: str, abbreviations: dict[str, str]
              ) -> tuple[str, int]:
    found = memo[token] = _word_key(token, abbreviations)
    return found


_group = operator.methodcaller("group", 0)


@dataclass(frozen=True)
class SpelledNumbers:
    """Numbers written as words before the noun of an age ("trẻ em dưới một tuổi", "dưới năm
    tuổi"): keyed as digits, so the names the catalogue writes with digits match them."""

    digits: Mapping[str, str] = field(default_factory=dict)  # a word's key → its digits
    nouns: frozenset[str] = frozenset()  # the keys of the nouns after such a number

    @classmethod
    def of(cls, words: Mapping[str, object], nouns: list[str]) -> SpelledNumbers:
        """From the vocabulary's words (word → number) and nouns, as written."""
        return cls({syllable_key(nfc(str(w)).lower()): str(n) for w, n in words.items()},
                   frozenset(syllable_key(nfc(n).lower()) for n in nouns))

    def as_digits(self, canons: list[str]) -> list[str]:
        """The word keys with each spelled number before one of the nouns as its digits."""
        if not self.digits or self.nouns.isdisjoint(canons):
            return canons  # most texts name no age: one pass in C, not one in Python
        return [self.digits.get(c, c) if i + 1 < len(canons) and canons[i + 1] in self.nouns
                else c for i, c in enumerate(canons)]


NO_SPELLED_NUMBERS = SpelledNumbers()


def make_key(text: str, abbreviations: dict[str, str],
             memo: dict[str, tuple[str, int]] | None = None,
             spelled: SpelledNumbers = NO_SPELLED_NUMBERS) -> Keyed:
    """Build the matching key of `text` (already NFC).

    `memo` keeps each token's key between calls with the same abbreviations: a document's
    words repeat, and keying them one by one was the extractor's largest single cost."""
    if memo is None:
        memo = {}
    elif len(memo) > _MEMO_MAX:
        memo.clear()  # numbers make the tokens unbounded; the words come back at once
    matches = list(_TOKEN.finditer(text))
    get = memo.get
    found = [get(t) or _remember(memo, t, abbreviations) for t in map(_group, matches)]
    canons = spelled.as_digits([f[0] for f in found])
    # each word's key starts one blank after the end of the one before
    key_starts = [0, *accumulate(len(c) + 1 for c in canons[:-1])] if canons else []
    # positions past the word's end (a moved tone mark, an expanded abbreviation) clip to its
    # last character
    return Keyed(" ".join(canons), key_starts, [m.start() for m in matches],
                 [f[1] for f in found])


def phrase_key(phrase: str, abbreviations: dict[str, str],
               spelled: SpelledNumbers = NO_SPELLED_NUMBERS) -> str:
    """The key of a catalogue phrase, comparable with make_key output."""
    return make_key(nfc(phrase), abbreviations, spelled=spelled).key


def is_noise_line(line: str) -> bool:
    """Page numbers and URL lines interrupt PDF text; they carry no statement."""
    return bool(_URL.match(line) or _PAGE_NUMBER.match(line))
