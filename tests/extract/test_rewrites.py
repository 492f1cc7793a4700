"""The seeds rewritten as another copy of the same plan would be: the same values come out.

A plan reaches the project through a PDF's text, a web page or a word processor, each of which
writes the same sentences a little differently: no-break spaces between words, justified
lines with double blanks, lines hard-wrapped at a width (a range's dash then opens a line),
other list markers, the other spelling of a tone or of "tỷ lệ", headings in capitals,
decomposed accents, Windows line ends. None of these may change what is read: each rewrite
below is applied to the five seed plans and their observations (indicator, kind, year,
comparator, value) are compared with those of the documents as received. Last, the seeds'
targets reworded the way other provinces' plans write them must each give their value."""

from __future__ import annotations

import csv
import re
import textwrap
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from vnhealth.extract import Vocabulary, read_text
from vnhealth.extract.pipeline import extract_document
from vnhealth.inputs.catalog import Document, load_catalog, load_manifest
from vnhealth.inputs.paths import ProjectPaths

PATHS = ProjectPaths.at()
WRAP_WIDTH = 75  # characters of a hard-wrapped line (a PDF's text)

Rewrite = Callable[[list[str]], list[str]]


def _prose(rewrite_line: Callable[[str], str]) -> Rewrite:
    """A rewrite of the prose lines only (a table's cells keep their separators)."""
    return lambda lines: [x if "\t" in x or "|" in x else rewrite_line(x) for x in lines]


def _every_line(rewrite_line: Callable[[str], str]) -> Rewrite:
    return lambda lines: [rewrite_line(x) for x in lines]


def _wrapped(blank_between: bool) -> Rewrite:
    def rewrite(lines: list[str]) -> list[str]:
        out: list[str] = []
        for x in lines:
            if "\t" in x or "|" in x or len(x) <= WRAP_WIDTH:
                out.append(x)
                continue
            for piece in textwrap.wrap(x, WRAP_WIDTH, break_long_words=False,
                                       break_on_hyphens=False):
                out.extend([piece, ""] if blank_between else [piece])
        return out
    return rewrite


def _double_every_second_blank(line: str) -> str:
    words = line.split(" ")
    return "".join(w + ("  " if k % 2 else " ") for k, w in enumerate(words))[:-1] \
        if line.strip() else line


# "trẻ em dưới 1 tuổi" as "trẻ em dưới một tuổi", as many plans write it
_AGE_IN_DIGITS_RE = re.compile(r"dưới ([125]) tuổi")
_AGE_WORDS = {"1": "một", "2": "hai", "5": "năm"}

REWRITES: dict[str, Rewrite] = {
    "no-break spaces": _prose(lambda x: x.replace(" ", "\u00a0")),
    "double blanks": _prose(_double_every_second_blank),
    "hard-wrapped lines": _wrapped(blank_between=False),
    "hard-wrapped lines, a blank between": _wrapped(blank_between=True),
    "plus list markers": _prose(lambda x: re.sub(r"^(\s*)- ", r"\1+ ", x)),
    "bullet list markers": _prose(lambda x: re.sub(r"^(\s*)- ", r"\1• ", x)),
    "a blank before %": _every_line(lambda x: re.sub(r"(\d)%", r"\1 %", x)),
    "tỉ lệ": _every_line(lambda x: x.replace("tỷ lệ", "tỉ lệ").replace("Tỷ lệ", "Tỉ lệ")),
    "old tone places": _every_line(lambda x: x.replace("khỏe", "khoẻ").replace("hóa", "hoá")),
    "bác sỹ": _every_line(lambda x: x.replace("bác sĩ", "bác sỹ")),
    "headings in capitals": _every_line(
        lambda x: x.upper() if re.match(r"^\s*(?:[IVX]+\.|\d+\.\s)", x) else x),
    "en dash in ranges": _every_line(lambda x: re.sub(r"(\d) - (\d)", r"\1 – \2", x)),
    "≥ for tối thiểu": _every_line(lambda x: x.replace("tối thiểu ", "≥ ")),
    "decomposed accents": _every_line(lambda x: unicodedata.normalize("NFD", x)),
    "Windows line ends": _every_line(lambda x: x + "\r"),
    "ages in words": _every_line(lambda x: _AGE_IN_DIGITS_RE.sub(
        lambda m: f"dưới {_AGE_WORDS[m.group(1)]} tuổi", unicodedata.normalize("NFC", x))),
}


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(load_catalog(PATHS))


@pytest.fixture(scope="module")
def seeds(vocab: Vocabulary) -> list[tuple[Document, list[str], Counter]]:
    """Each seed plan, its lines as received, and what they give."""
    out = []
    for doc in load_manifest(PATHS, vocab.catalog.provinces):
        lines = (PATHS.raw / Path(doc.file).name).read_text(encoding="utf-8").split("\n")
        out.append((doc, lines, _values(vocab, doc, lines)))
    return out


def _values(vocab: Vocabulary, doc: Document, lines: list[str]) -> Counter:
    return Counter((o.indicator_id, o.kind, o.year, o.comparator, o.value, o.value_high)
                   for o in extract_document(vocab, doc, lines).observations)


@pytest.mark.parametrize("name", list(REWRITES))
def test_a_seed_rewritten_reads_the_same(vocab: Vocabulary, seeds: list, name: str) -> None:
    assert sum(sum(received.values()) for _doc, _lines, received in seeds) >= 230
    for doc, lines, received in seeds:
        rewritten = _values(vocab, doc, REWRITES[name](lines))
        assert rewritten == received, (doc.id, received - rewritten, rewritten - received)


# --- the seeds' targets worded as other provinces' plans word them -------------------------------

PARAPHRASES = Path(__file__).resolve().parent.parent / "data/paraphrases"
# wordings not read yet, each with what it takes
KNOWN_GAPS = {
    "son_la_2026_2030:L23:a": "a gain indicator's 'tăng thêm ít nhất 1,5 cm' after its name "
                              "reads as a change of it, not its level",
    "p013": "the same, in a numbered list",
    "p031": "'65,5 năm sống khỏe mạnh trong tuổi thọ bình quân': the name after the number "
            "yields to the longer one further on",
    "p050": "'vượt mức 20%' reads as the margin a plan was passed by, not a bound",
    "i035": "'thanh niên nữ 18 tuổi năm 2025 đạt': the year after an age label is not taken",
    "i063": "'(năm 2025)' after a compared-with phrase ('so với số mắc') is not taken",
    "i056": "'bệnh nhân lao mới đạt ≥ 90%': 'mới đạt' (only reached) read as a result",
    "i066": "'hộ gia đình trên địa bàn tỉnh': the province-wide households need 'toàn tỉnh'",
}


@pytest.mark.parametrize(("file", "count"), [("seed_targets_reworded.csv", 120),
                                             ("seed_targets_in_lists.csv", 50)])
def test_the_seed_targets_reworded_read_the_same(vocab: Vocabulary, file: str,
                                                 count: int) -> None:
    # (tests/data/paraphrases/README.md) each statement, read alone as a line of a plan for
    # its seed's period, gives its row (indicator, kind, year, comparator, value)
    periods = {doc.id: (doc.period_start, doc.period_end)
               for doc in load_manifest(PATHS, vocab.catalog.provinces)}
    with (PARAPHRASES / file).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == count
    missed = []
    for row in rows:
        start, end = periods[row.get("doc_id") or row["id"].split(":")[0]]
        found = read_text(vocab, row["text"], period_start=start, period_end=end)
        want = (row["indicator_id"], row["kind"], int(row["year"]), row["comparator"],
                float(row["value"]), float(row["value_high"]) if row["value_high"] else None)
        if want not in [(o.indicator_id, o.kind, o.year, o.comparator, o.value, o.value_high)
                        for o in found.observations]:
            missed.append(row["id"])
    assert sorted(missed) == sorted(k for k in KNOWN_GAPS if any(k == r["id"] for r in rows))


def _catalogue_rows_missed(vocab: Vocabulary, file: str) -> tuple[int, list[str]]:
    """(rows, ids of the rows not read exactly) of a file of catalogue targets, each read
    alone as a line of a plan whose period ends in the row's year."""
    with (PARAPHRASES / file).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    missed = []
    for row in rows:
        year = int(row["year"])
        found = read_text(vocab, row["text"], period_start=2021 if year <= 2025 else 2026,
                          period_end=year)
        want = (row["indicator_id"], "target", year, row["comparator"], float(row["value"]),
                float(row["value_high"]) if row["value_high"] else None)
        if want not in [(o.indicator_id, o.kind, o.year, o.comparator, o.value, o.value_high)
                        for o in found.observations]:
            missed.append(row["id"])
    return len(rows), missed


def test_catalogue_targets_in_plan_wording_are_read(vocab: Vocabulary) -> None:
    # A: the wordings names were added for, every one read but the known gaps
    rows, missed = _catalogue_rows_missed(vocab, "catalogue_targets_a.csv")
    assert rows == 80 and sorted(missed) == ["i035", "i056", "i063", "i066"]
    # B: the same targets worded otherwise, kept as a measure (README): its floor
    rows, missed = _catalogue_rows_missed(vocab, "catalogue_targets_b.csv")
    assert rows == 80 and rows - len(missed) >= 60
