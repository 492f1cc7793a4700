"""The review loop: what the rules could not decide, listed for a person; their decisions turned
into catalogue aliases or ledger entries, each with its reason (DESIGN §2, issue 9 item 5).

`list_items` reads the warehouse and names four kinds of work:

* `unmapped`: a numeric statement that mapped to no indicator, with the catalogue indicators
  whose name or aliases score best against its phrase (rapidfuzz, on the project's matching key);
* `unread`: a share or rate (a number with `%` or `‰`) in a statement whose other values were
  read, itself read as nothing and no gap to a plan or another year ("… 63,75% hộ …, trong đó
  hộ nghèo 32,47%"): decided as an unmapped statement is;
* `quarantined`: a value the plausibility gate stopped, with the gate's reason;
* `guess`: an observation whose kind or year no context stated (the rules' default was used).

`write_review_file` writes them as YAML a person edits (see REVIEW_HEADER). YAML rather than
CSV: a quote in Vietnamese, a list of suggestions and a reason of several sentences stay
readable in any text editor, the header comment explains the choices beside the rows, and no
spreadsheet turns "75.5" into a date or re-encodes the file. `apply_review` checks every row
(FILE:LINE, the field, what is valid) before anything is written, inserts aliases and ledger
entries as text so the files keep their comments, and rebuilds.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from vnhealth.build.db import connect_read_only
from vnhealth.extract import NOT_STATED, Vocabulary
from vnhealth.extract.pairing import is_gap
from vnhealth.inputs import yamlsafe
from vnhealth.inputs.catalog import (
    COMPARATORS,
    KINDS,
    OBSERVATION_FIELDS,
    Catalog,
    Document,
    load_catalog,
    load_manifest,
    read_document_lines,
    read_yaml,
)
from vnhealth.inputs.errors import InputError, VnhealthError
from vnhealth.inputs.fields import (
    LINE,
    MAPPING,
    NUMBER,
    TEXT,
    YEAR,
    Field,
    Kind,
    Refused,
    check_record,
    choice,
    key_line,
)
from vnhealth.inputs.paths import ProjectPaths
from vnhealth.inputs.text import lite, nfc, phrase_key

ASKS = ("unmapped", "unread", "quarantined", "guess")
DECISIONS = ("accept", "alias", "reject", "correct", "skip")
# decide_kind's last resort when no section, verb, column or document type says what a value
# is; NOT_STATED is the year's. Only these two bases are guesses: every other basis quotes text.
GUESSED_KIND_BASIS = "plan document"
GUESSED_YEAR_BASIS = NOT_STATED.basis
N_SUGGESTIONS = 3
# Observation fields a review row carries and a reviewer may change (the ledger's own fields).
OBS_FIELDS = ("indicator_id", "kind", "year", "comparator", "value", "value_high", "unit")

QUESTIONS = {
    "unmapped": "Mapped to no indicator. Which indicator does it state, if any? (alias, accept, "
                "reject or skip)",
    "unread": "The statement's other values were read, not this one ({value}). Which indicator "
              "does it state, if any? (alias, accept, reject or skip)",
    "quarantined": "The plausibility gate stopped this value: misread (correct) or not the "
                   "province's value (reject)?",
    "guess": "No context states the {what}: the rules guessed. Right as shown (accept), wrong "
             "(correct), or not the province's value (reject)?",
}
QUOTE_MAX = 400  # characters of a statement shown; the line numbers lead to the rest
PHRASE_WORDS = 16  # words before an unread share offered as its phrase


@dataclass(frozen=True)
class Suggestion:
    indicator_id: str
    name_vi: str
    score: float  # rapidfuzz WRatio 0-100 of the phrase's key against the best name or alias


@dataclass(frozen=True)
class Extracted:
    """What the rules extracted on a line, as a review row shows it."""

    indicator_id: str
    kind: str
    year: int | None
    comparator: str
    value: float
    value_high: float | None
    unit: str
    kind_basis: str | None
    year_basis: str | None


@dataclass(frozen=True)
class ReviewItem:
    doc_id: str
    line: int
    line_end: int
    ask: str
    question: str
    quote: str
    phrase: str | None = None
    suggestions: tuple[Suggestion, ...] = ()
    extracted: Extracted | None = None
    quarantine_reason: str | None = None


def suggestion_score(phrase: str, alias: str, **_: Any) -> float:
    """0-100: token_set_ratio is 100 when the alias's words are all in the phrase, however few
    ("số bác sĩ" in any sentence about doctors); averaging in token_sort_ratio, which compares
    the whole phrase, ranks the alias that says most of the phrase first. No threshold: a
    reviewer judges the suggestions."""
    return (fuzz.token_set_ratio(phrase, alias) + fuzz.token_sort_ratio(phrase, alias)) / 2


def phrase_of(indicator_text: str | None, text: str) -> str:
    """The words naming what a statement counts: the rules' phrase, else the words before its
    first number (a statement's whole text would score every alias alike)."""
    if indicator_text:
        return nfc(indicator_text).strip()
    head = re.split(r"\d", nfc(text), maxsplit=1)[0]
    return " ".join(head.split()[-12:]).strip(" -:,.;") or nfc(text).strip()[:80]


def _clip(text: str) -> str:
    text = " ".join(nfc(text).split())
    return text if len(text) <= QUOTE_MAX else text[:QUOTE_MAX - 1] + "…"


class Suggester:
    """The catalogue's names and aliases as matching keys, scored against a phrase."""

    def __init__(self, catalog: Catalog):
        vocab = catalog.vocabulary.get("abbreviations") or {}
        self.abbreviations = {str(k).lower(): nfc(str(v)) for k, v in vocab.items()
                              if k != "__line__"}
        self.names = {i.id: i.name_vi for i in catalog.indicators}
        self.keys: list[str] = []
        self.owner: list[str] = []
        for ind in catalog.indicators:
            for phrase in (ind.name_vi, *ind.aliases):
                key = phrase_key(phrase, self.abbreviations)
                if key:
                    self.keys.append(key)
                    self.owner.append(ind.id)

    def suggest(self, phrase: str, n: int = N_SUGGESTIONS) -> tuple[Suggestion, ...]:
        """The `n` indicators whose best name or alias scores highest, best first."""
        key = phrase_key(phrase, self.abbreviations)
        if not key:
            return ()
        found = process.extract(key, self.keys, scorer=suggestion_score, limit=12 * n)
        best: dict[str, float] = {}
        for _key, score, index in found:
            ind = self.owner[index]
            best[ind] = max(best.get(ind, 0.0), float(score))
        ranked = sorted(best.items(), key=lambda t: -t[1])[:n]
        return tuple(Suggestion(i, self.names[i], round(s, 1)) for i, s in ranked)


def _rows(con: Any, sql: str, doc_ids: Sequence[str] | None) -> list[dict[str, Any]]:
    """Rows of `sql` (which ends in a WHERE clause) as dicts, for the documents asked for."""
    params: list[Any] = []
    if doc_ids:
        sql += " AND doc_id IN (SELECT unnest($1::VARCHAR[]))"
        params.append(list(doc_ids))
    cur = con.execute(sql + " ORDER BY doc_id, 2", params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def unmapped_items(con: Any, suggester: Suggester, doc_ids: Sequence[str] | None
                   ) -> list[ReviewItem]:
    rows = _rows(con, "SELECT doc_id, line_start, line_end, text, indicator_text FROM statements "
                 "WHERE is_numeric AND NOT is_mapped AND dismissed_reason IS NULL", doc_ids)
    out = []
    for r in rows:
        phrase = phrase_of(r["indicator_text"], r["text"])
        out.append(ReviewItem(
            doc_id=r["doc_id"], line=r["line_start"], line_end=r["line_end"], ask="unmapped",
            question=QUESTIONS["unmapped"], quote=_clip(r["text"]), phrase=phrase,
            suggestions=suggester.suggest(phrase)))
    return out


# a share or rate as written: "32,47%", "13,5 ‰" (the per-N phrases are rarer and named)
_SHARE_RE = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)*)\s*(?:%|‰)")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")  # "đến 2030 %": a year before a unit column


def unread_items(con: Any, suggester: Suggester, vocab: Vocabulary,
                 doc_ids: Sequence[str] | None) -> list[ReviewItem]:
    """Shares in mapped statements that no observation (nor quarantined value) was read from;
    a gap to a plan or another year ("giảm 0,4% so với cùng kỳ") is not asked about."""
    read: dict[str, set[str]] = {}
    for table in ("observations", "quarantine"):
        for r in _rows(con, f"SELECT doc_id, statement_id, value_text FROM {table} WHERE TRUE",
                       doc_ids):
            # every number a value was read from ("146/152 (96%)" holds 96)
            read.setdefault(r["statement_id"], set()).update(
                _NUMBER_RE.findall(str(r["value_text"])))
    out = []
    for r in _rows(con, "SELECT doc_id, line_start, line_end, statement_id, text FROM statements "
                   "WHERE is_numeric AND is_mapped AND dismissed_reason IS NULL", doc_ids):
        text, low = r["text"], lite(r["text"])
        for m in _SHARE_RE.finditer(text):
            if m.group(1) in read.get(r["statement_id"], set()) or _YEAR_RE.fullmatch(
                    m.group(1)) or is_gap(
                    low, m.end(), len(low), (*vocab.gap_markers, *vocab.compared_with)):
                continue
            phrase = _words_before(text, m.start())
            out.append(ReviewItem(
                doc_id=r["doc_id"], line=r["line_start"], line_end=r["line_end"], ask="unread",
                question=QUESTIONS["unread"].format(value=m.group(0)), quote=_clip(text),
                phrase=phrase, suggestions=suggester.suggest(phrase)))
    return out


_PHRASE_CUT_RE = re.compile(r"[.;:]\s|\d")  # a sentence's or item's end, or a number


def _words_before(text: str, pos: int) -> str:
    """The words naming a share: those before it since the last number or the end of the last
    sentence or item (or the one before, when fewer than two words stand there: "Tỷ lệ điều
    trị tại nhà: 94,93%"), at most PHRASE_WORDS of them."""
    cuts = [0, *(m.end() for m in _PHRASE_CUT_RE.finditer(text, 0, pos))]
    words: list[str] = []
    while cuts and len(words) < 2:
        words = re.findall(r"[^\W\d_]+", text[cuts.pop():pos])
    return " ".join(words[-PHRASE_WORDS:])


OBS_COLUMNS = ("doc_id, line, quote, indicator_id, kind, year, comparator, value, value_high, "
               "unit, kind_basis, year_basis")


def _extracted(r: dict[str, Any]) -> Extracted:
    return Extracted(r["indicator_id"], r["kind"], r["year"], r["comparator"], r["value"],
                     r["value_high"], r["unit"], r["kind_basis"], r["year_basis"])


def quarantine_items(con: Any, doc_ids: Sequence[str] | None) -> list[ReviewItem]:
    rows = _rows(con, f"SELECT {OBS_COLUMNS}, quarantine_reason FROM quarantine WHERE TRUE",
                 doc_ids)
    return [ReviewItem(r["doc_id"], r["line"], r["line"], "quarantined",
                       QUESTIONS["quarantined"], _clip(r["quote"]), extracted=_extracted(r),
                       quarantine_reason=r["quarantine_reason"]) for r in rows]


def guess_items(con: Any, doc_ids: Sequence[str] | None) -> list[ReviewItem]:
    rows = _rows(con, f"SELECT {OBS_COLUMNS} FROM observations WHERE (kind_basis = "
                 f"'{GUESSED_KIND_BASIS}' OR year_basis = '{GUESSED_YEAR_BASIS}' OR year IS "
                 "NULL)", doc_ids)
    out = []
    for r in rows:
        what = " and ".join(w for w, guessed in (
            ("kind", r["kind_basis"] == GUESSED_KIND_BASIS),
            ("year", r["year"] is None or r["year_basis"] == GUESSED_YEAR_BASIS)) if guessed)
        out.append(ReviewItem(r["doc_id"], r["line"], r["line"], "guess",
                              QUESTIONS["guess"].format(what=what), _clip(r["quote"]),
                              extracted=_extracted(r)))
    return out


def list_items(con: Any, catalog: Catalog, doc_ids: Sequence[str] | None = None
               ) -> list[ReviewItem]:
    """Everything a reviewer must look at, by document and line."""
    suggester = Suggester(catalog)
    items = [*unmapped_items(con, suggester, doc_ids),
             *unread_items(con, suggester, Vocabulary(catalog), doc_ids),
             *quarantine_items(con, doc_ids), *guess_items(con, doc_ids)]
    return sorted(items, key=lambda i: (i.doc_id, i.line, ASKS.index(i.ask)))


@dataclass
class DocSummary:
    doc_id: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ASKS, 0))

    def line(self) -> str:
        c = self.counts
        return (f"  {self.doc_id:<44} {c['unmapped']:>3} unmapped  {c['unread']:>3} unread  "
                f"{c['quarantined']:>3} quarantined  {c['guess']:>3} guessed kind/year")


def summarize(items: Iterable[ReviewItem], doc_ids: Iterable[str]) -> list[DocSummary]:
    """One summary per document (those with nothing to review included, with zeros)."""
    by_doc = {d: DocSummary(d) for d in sorted(doc_ids)}
    for item in items:
        by_doc.setdefault(item.doc_id, DocSummary(item.doc_id)).counts[item.ask] += 1
    return list(by_doc.values())


# ---------------------------------------------------------------------------------------------
# The review file

REVIEW_HEADER = """\
# vnhealth review file: edit the `decision` of each item, then `vnhealth review --apply FILE`.
#
# decision   skip (default: leave it for later), or
#            alias    an unmapped statement names indicator_id: `phrase` (edit it down to the
#                     indicator's words) becomes an alias in data/catalog/indicators.yaml
#            accept   unmapped: add the value as an observation (ledger `add`; fill indicator_id,
#                     kind, comparator, value, unit, and year where the text states one); a
#                     guess: the fields are right as shown
#            correct  edit the fields that are wrong (ledger `correct`; a new indicator_id
#                     becomes a `reject` plus an `add`)
#            reject   a value extracted: not a value of this province and indicator (ledger
#                     `reject`); an unmapped statement or an unread share: the statement states
#                     no indicator's value (ledger `dismiss`: it is not asked about again, nor
#                     any other share of it left unread)
# reason     required for every decision but skip: what in the text shows it (a reviewer reads
#            it later in the ledger or the catalogue's history)
# kind       target | trajectory | actual | baseline     comparator  = < <= > >= range relative
# unit       a unit id of data/catalog/units.yaml         value       a number with a point: 75.5
# Only decision and the fields below it are read; the others say what is asked.
"""


def _scalar(value: Any) -> str:
    """A value as YAML: text double-quoted (JSON strings are YAML), empty for null."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return repr(value)
    if re.fullmatch(r"[a-z][a-z0-9_]*", str(value)) and str(value) not in ("null", "true",
                                                                          "false", "yes", "no",
                                                                          "on", "off", "y", "n"):
        return str(value)  # an id reads best plain
    return json.dumps(nfc(str(value)), ensure_ascii=False)


def _field_lines(key: str, value: Any, indent: str = "    ") -> str:
    text = _scalar(value)
    return f"{indent}{key}:{' ' + text if text else ''}\n"


def item_yaml(item: ReviewItem) -> str:
    """One review item as a YAML list entry; its fields to fill are pre-set from what the rules
    extracted, so `correct` means editing only what is wrong."""
    out = [f"  - doc_id: {item.doc_id}\n"]
    for key in ("line", "line_end", "ask", "question", "quote", "phrase", "quarantine_reason"):
        value = getattr(item, key)
        if value is not None and not (key == "line_end" and value == item.line):
            out.append(_field_lines(key, value))
    if item.suggestions:
        out.append("    suggestions:\n")
        out += [f"      - {{indicator_id: {s.indicator_id}, score: {_scalar(s.score)}, "
                f"name_vi: {_scalar(s.name_vi)}}}\n" for s in item.suggestions]
    ex = item.extracted
    if ex is not None:
        out.append("    extracted:\n")
        out += [_field_lines(k, getattr(ex, k), "      ")
                for k in (*OBS_FIELDS, "kind_basis", "year_basis")]
    out.append("    decision: skip\n")
    out += [_field_lines(k, getattr(ex, k) if ex else None) for k in OBS_FIELDS]
    out.append("    reason:\n")
    return "".join(out)


def write_review_file(items: Sequence[ReviewItem], out: Path) -> None:
    body = "".join(item_yaml(i) for i in items) if items else ""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(REVIEW_HEADER + ("items:\n" + body if items else "items: []\n"),
                   encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Reading an edited review file

def _any_list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise Refused
    return value


ANY_LIST = Kind("a list", _any_list)
# the ledger's own checks for the observation fields, so a row and an entry agree on what is valid
OBSERVATION_FIELDS_FOR_REVIEW = (Field("indicator_id", TEXT, False),
                                 *(f for f in OBSERVATION_FIELDS if f.name in OBS_FIELDS))
EXTRACTED_FIELDS = (
    Field("indicator_id", TEXT), Field("kind", choice(KINDS)), Field("year", YEAR, False),
    Field("comparator", choice(COMPARATORS)), Field("value", NUMBER),
    Field("value_high", NUMBER, False), Field("unit", TEXT), Field("kind_basis", TEXT, False),
    Field("year_basis", TEXT, False),
)
REVIEW_FIELDS = (
    Field("doc_id", TEXT), Field("line", LINE), Field("line_end", LINE, False),
    Field("ask", choice(ASKS)), Field("question", TEXT, False), Field("quote", TEXT, False),
    Field("phrase", TEXT, False), Field("quarantine_reason", TEXT, False),
    Field("suggestions", ANY_LIST, False), Field("extracted", MAPPING, False),
    Field("decision", choice(DECISIONS)), *OBSERVATION_FIELDS_FOR_REVIEW,
    Field("reason", TEXT, False),
)


@dataclass(frozen=True)
class Row:
    """One checked row of an edited review file."""

    doc_id: str
    line: int
    line_end: int
    ask: str
    phrase: str | None
    extracted: Extracted | None
    decision: str
    values: dict[str, Any]  # OBS_FIELDS as the reviewer left them (None: empty)
    reason: str | None
    row_line: int
    key_lines: dict[str, int]

    def where(self) -> str:
        return f"review item ({self.doc_id} line {self.line}, {self.decision})"

    def error(self, key: str | None, message: str, shown: Path) -> InputError:
        line = self.key_lines.get(key, self.row_line) if key else self.row_line
        return InputError(f"{self.where()}: {message}", path=shown, line=line)


def _read_extracted(raw: dict[str, Any], shown: Path, line: int | None) -> Extracted:
    v = check_record(raw, EXTRACTED_FIELDS, shown, "review item: extracted", line)
    return Extracted(**{k: v[k] for k in Extracted.__dataclass_fields__})


def read_review_file(path: Path, shown: Path) -> list[Row]:
    """The rows of a review file, each checked field by field (FILE:LINE on the first error)."""
    data = read_yaml(path, shown)
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise InputError("expected a review file written by `vnhealth review` (a mapping with "
                         "`items:`, a list)", path=shown, line=1)
    rows = []
    for item in data["items"]:
        v = check_record(item, REVIEW_FIELDS, shown, "review item")
        line = item["__line__"]
        extracted = (_read_extracted(v["extracted"], shown, key_line(item, "extracted", line))
                     if v["extracted"] else None)
        rows.append(Row(
            doc_id=v["doc_id"], line=v["line"], line_end=v["line_end"] or v["line"],
            ask=v["ask"], phrase=v["phrase"], extracted=extracted, decision=v["decision"],
            values={k: v[k] for k in OBS_FIELDS}, reason=v["reason"], row_line=line,
            key_lines=dict(getattr(item, "key_lines", {}))))
    return rows


# ---------------------------------------------------------------------------------------------
# From decisions to changes


@dataclass(frozen=True)
class AliasChange:
    indicator_id: str
    alias: str
    row: Row


@dataclass(frozen=True)
class LedgerChange:
    """A ledger entry to append, in ledger.yaml's own field order."""

    action: str
    doc_id: str
    line: int
    indicator_id: str | None  # None for a `dismiss`
    fields: dict[str, Any]
    match: dict[str, Any]
    reason: str
    row: Row


@dataclass(frozen=True)
class WarehouseObs:
    doc_id: str
    line: int
    extracted: Extracted


def obs_key(e: Extracted) -> tuple[Any, ...]:
    """What identifies an extracted value (its bases are how, not what)."""
    return (e.indicator_id, e.kind, e.year, e.comparator, e.value, e.value_high, e.unit)


@dataclass
class Plan:
    aliases: list[AliasChange] = field(default_factory=list)
    entries: list[LedgerChange] = field(default_factory=list)


@dataclass
class ApplyContext:
    paths: ProjectPaths
    shown: Path  # the review file, as messages name it
    catalog: Catalog
    docs: dict[str, Document]
    observations: list[WarehouseObs]  # observations and quarantine of the current warehouse
    _lines: dict[str, list[str]] = field(default_factory=dict)

    def lines(self, doc_id: str) -> list[str]:
        if doc_id not in self._lines:
            self._lines[doc_id] = read_document_lines(self.paths, self.docs[doc_id])[1]
        return self._lines[doc_id]


def _check_names(row: Row, ctx: ApplyContext) -> None:
    """The row's reason, document, indicator and unit: each named by its field when wrong."""
    if row.reason is None:
        raise row.error("decision", "field reason is missing; every decision but skip needs a "
                        "reason (what in the text shows it)", ctx.shown)
    if row.doc_id not in ctx.docs:
        raise row.error("doc_id", f"field doc_id: got {row.doc_id!r}; expected a document id of "
                        f"data/raw/documents.yaml: {', '.join(sorted(ctx.docs))}", ctx.shown)
    ind = row.values["indicator_id"]
    ids = [i.id for i in ctx.catalog.indicators]
    if ind is not None and ind not in ids:
        close = [c for c, _s, _i in process.extract(ind, ids, scorer=fuzz.WRatio, limit=3)]
        raise row.error("indicator_id", f"field indicator_id: got {ind!r}; expected an id of "
                        f"data/catalog/indicators.yaml (closest: {', '.join(close)})", ctx.shown)
    unit = row.values["unit"]
    if unit is not None and unit not in ctx.catalog.units:
        raise row.error("unit", f"field unit: got {unit!r}; expected a unit of "
                        f"data/catalog/units.yaml: {', '.join(sorted(ctx.catalog.units))}",
                        ctx.shown)


# no year: a value whose text states none is added with none (year_basis "not stated (ledger)")
ADD_NEEDS = ("indicator_id", "kind", "comparator", "value", "unit")


def _add_change(row: Row, ctx: ApplyContext, action_word: str) -> LedgerChange:
    """A ledger `add` of the row's values, on the line of the statement that writes the value
    (a statement may span lines; the ledger names the one holding the number)."""
    v = row.values
    missing = [k for k in ADD_NEEDS if v[k] is None]
    if v["comparator"] == "range" and v["value_high"] is None:
        missing.append("value_high")
    if missing:
        raise row.error(missing[0], f"field {missing[0]} is empty; {action_word} adds an "
                        f"observation and needs {', '.join(ADD_NEEDS)} (value_high for a "
                        "range)", ctx.shown)
    # the build's own test for an `add`, so a row accepted here is an entry the build accepts
    from vnhealth.build.warehouse import _value_on_line as value_on_line

    lines = ctx.lines(row.doc_id)
    found = next((n for n in range(row.line, min(row.line_end, len(lines)) + 1)
                  if value_on_line(nfc(lines[n - 1]), float(v["value"]), v["value_high"])),
                 None)
    if found is None:
        raise row.error("value", f"field value: {_scalar(v['value'])} is not written on "
                        f"{row.doc_id} lines {row.line}–{row.line_end}; expected the number as "
                        "the document writes it", ctx.shown)
    fields = {k: v[k] for k in OBS_FIELDS[1:] if v[k] is not None}
    return LedgerChange("add", row.doc_id, found, v["indicator_id"], fields, {},
                        row.reason or "", row)


def _plan_unmapped(row: Row, ctx: ApplyContext, plan: Plan) -> None:
    if row.decision == "alias":
        ind, phrase = row.values["indicator_id"], row.phrase
        if ind is None or phrase is None:
            key = "indicator_id" if ind is None else "phrase"
            raise row.error(key, f"field {key} is empty; alias needs indicator_id and phrase "
                            "(the words naming the indicator)", ctx.shown)
        _check_alias(row, ctx, ind, phrase)
        plan.aliases.append(AliasChange(ind, nfc(phrase).strip(), row))
    elif row.decision == "accept":
        plan.entries.append(_add_change(row, ctx, "accept"))
    elif row.decision == "correct":
        raise row.error("decision", "field decision: nothing was extracted here to correct; "
                        "expected accept (add the value), alias, reject or skip", ctx.shown)
    else:  # reject: no observation exists; the statement is dismissed, not asked about again
        plan.entries.append(LedgerChange("dismiss", row.doc_id, row.line, None, {}, {},
                                         row.reason or "", row))


def _check_alias(row: Row, ctx: ApplyContext, ind: str, phrase: str) -> None:
    """An alias the catalogue has already cannot be why the statement went unmapped."""
    suggester = Suggester(ctx.catalog)
    key = phrase_key(phrase, suggester.abbreviations)
    if not key:
        raise row.error("phrase", "field phrase: no words to match; expected the indicator's "
                        "words as the document writes them", ctx.shown)
    padded = f" {key} "
    known = next((a for a in ctx.catalog.indicator(ind).aliases
                  if f" {phrase_key(a, suggester.abbreviations)} " in padded), None)
    if known is not None:
        raise row.error("phrase", f"field phrase: {phrase!r} already holds the alias {known!r} "
                        f"of {ind}, so the statement went unmapped for another reason (most "
                        "often its unit): use accept (a ledger add) instead", ctx.shown)


def _match(row: Row, ctx: ApplyContext, ex: Extracted) -> dict[str, Any]:
    """The fewest `match:` fields that single out the row's observation among those of its
    indicator on its line (none when it is alone there)."""
    same = [o.extracted for o in ctx.observations if o.doc_id == row.doc_id
            and o.line == row.line and o.extracted.indicator_id == ex.indicator_id]
    if not any(obs_key(o) == obs_key(ex) for o in same):
        raise row.error("extracted", f"the observation of {ex.indicator_id} = "
                        f"{_scalar(ex.value)} on {row.doc_id} line {row.line} is not in the "
                        "warehouse (rebuilt since this file was written?); run `vnhealth "
                        "review` again", ctx.shown)
    match: dict[str, Any] = {}
    for key in ("value", "year", "kind", "comparator"):
        if len(same) == 1:
            break
        if getattr(ex, key) is not None:
            match[key] = getattr(ex, key)
            same = [o for o in same if getattr(o, key) == getattr(ex, key)]
    return match


def _changed(row: Row, ex: Extracted) -> dict[str, Any]:
    return {k: row.values[k] for k in OBS_FIELDS if row.values[k] != getattr(ex, k)}


def _plan_observation(row: Row, ctx: ApplyContext, plan: Plan) -> None:
    ex = row.extracted
    if ex is None:
        raise row.error(None, "field extracted is missing; a quarantined or guessed row names "
                        "the observation it is about (keep it as `vnhealth review` wrote it)",
                        ctx.shown)
    if row.decision == "alias":
        raise row.error("decision", "field decision: alias is for unmapped statements; expected "
                        "accept, correct, reject or skip", ctx.shown)
    if row.decision == "accept" and row.ask == "quarantined":
        raise row.error("decision", "field decision: a quarantined value cannot be accepted as "
                        "it is; expected correct or reject (if the value is right, widen the "
                        "indicator's `plausible` range in indicators.yaml)", ctx.shown)
    match = _match(row, ctx, ex)
    changed = _changed(row, ex)
    if row.decision == "reject":
        plan.entries.append(LedgerChange("reject", row.doc_id, row.line, ex.indicator_id, {},
                                         match, row.reason or "", row))
        return
    if "indicator_id" in changed:
        # the ledger corrects fields of one indicator's value; another indicator is a new one
        plan.entries.append(LedgerChange("reject", row.doc_id, row.line, ex.indicator_id, {},
                                         match, row.reason or "", row))
        plan.entries.append(_add_change(row, ctx, row.decision))
        return
    emptied = [k for k, v in changed.items() if v is None]
    if emptied:
        raise row.error(emptied[0], f"field {emptied[0]} is empty; a correction sets values "
                        "(to drop the observation, use reject)", ctx.shown)
    if row.decision == "accept":
        # the guessed fields, confirmed: their basis becomes the reviewer's (`ledger`)
        for key, basis, guess in (("kind", ex.kind_basis, GUESSED_KIND_BASIS),
                                  ("year", ex.year_basis, GUESSED_YEAR_BASIS)):
            if basis == guess and row.values[key] is not None:
                changed.setdefault(key, row.values[key])
    if not changed:
        what = ("changes nothing; edit the wrong fields" if row.decision == "correct" else
                "confirms nothing: the guessed year is empty; give the year (correct)")
        raise row.error("decision", f"field decision: {row.decision} {what}, or skip",
                        ctx.shown)
    plan.entries.append(LedgerChange("correct", row.doc_id, row.line, ex.indicator_id, changed,
                                     match, row.reason or "", row))


def plan_changes(rows: Sequence[Row], ctx: ApplyContext) -> Plan:
    """What the decided rows write; the first row that cannot be applied stops it all."""
    plan = Plan()
    for row in rows:
        if row.decision == "skip":
            continue
        _check_names(row, ctx)
        if row.ask in ("unmapped", "unread"):
            _plan_unmapped(row, ctx, plan)
        else:
            _plan_observation(row, ctx, plan)
    return plan


# ---------------------------------------------------------------------------------------------
# Writing the catalogue and the ledger: text insertion, so comments and layout stay as written

MAX_WIDTH = 100  # the catalogue's longest lines


def _flow_item(text: str) -> str:
    """`text` as an item of a YAML flow list: plain when YAML reads it back unchanged."""
    try:
        plain_ok = yaml.safe_load(f"[x, {text}]") == ["x", text]
    except yaml.YAMLError:
        plain_ok = False
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def _offset(text: str, mark: yaml.Mark) -> int:
    """The character offset of a YAML mark (its line and column; libyaml marks count bytes)."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    return starts[mark.line] + mark.column


def _aliases_node(root: yaml.Node, indicator_id: str) -> yaml.SequenceNode:
    items = next(v for k, v in root.value if k.value == "indicators")
    for item in items.value:
        fields = {k.value: v for k, v in item.value}
        if getattr(fields.get("id"), "value", None) == indicator_id:
            return fields["aliases"]
    raise KeyError(indicator_id)


def insert_aliases(text: str, additions: dict[str, list[str]]) -> str:
    """indicators.yaml `text` with each indicator's new aliases appended to its list."""
    root = yaml.compose(text, Loader=yamlsafe.SafeLoader)
    inserts: list[tuple[int, str]] = []
    for ind, aliases in additions.items():
        node = _aliases_node(root, ind)
        items = [_flow_item(a) for a in aliases]
        if node.flow_style:
            end = _offset(text, node.end_mark) - 1  # at the closing `]`
            line_start = text.rfind("\n", 0, end) + 1
            indent = " " * (node.start_mark.column + 1)  # under the list's first item
            piece = ""
            width = end - line_start
            for item in items:
                if width + len(item) + 3 > MAX_WIDTH:
                    piece += ",\n" + indent + item
                    width = len(indent) + len(item)
                else:
                    piece += ", " + item
                    width += len(item) + 2
            inserts.append((end, piece))
        else:  # a block list: one `- item` line each, after its last item
            end = _offset(text, node.value[-1].end_mark)
            dash = " " * node.value[-1].start_mark.column
            inserts.append((end, "".join(f"\n{dash[:-2]}- {i}" for i in items)))
    for pos, piece in sorted(inserts, reverse=True):
        text = text[:pos] + piece + text[pos:]
    return text


def _ledger_scalar(value: Any) -> str:
    if isinstance(value, str):
        return _flow_item(value) if value not in COMPARATORS else json.dumps(value)
    return _scalar(value)


def entry_yaml(change: LedgerChange) -> str:
    """One ledger entry in ledger.yaml's format (reason as a folded block)."""
    out = [f"  - action: {change.action}\n", f"    doc_id: {change.doc_id}\n",
           f"    line: {change.line}\n"]
    if change.indicator_id is not None:
        out.append(f"    indicator_id: {change.indicator_id}\n")
    out += [f"    {k}: {_ledger_scalar(v)}\n" for k, v in change.fields.items()]
    if change.match:
        inner = ", ".join(f"{k}: {_ledger_scalar(v)}" for k, v in change.match.items())
        out.append(f"    match: {{{inner}}}\n")
    reason = " ".join(nfc(change.reason).split())
    wrapped = textwrap.wrap(reason, width=MAX_WIDTH - 8, break_long_words=False,
                            break_on_hyphens=False)
    out.append("    reason: >-\n" + "".join(f"      {w}\n" for w in wrapped))
    return "".join(out)


def append_entries(text: str, changes: Sequence[LedgerChange]) -> str:
    """ledger.yaml `text` with `changes` added at the end of its `entries:` list."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    at = next((i for i, ln in enumerate(lines) if re.match(r"entries:", ln)), None)
    if at is None:
        lines.append("entries:\n")
        at = len(lines) - 1
    lines[at] = re.sub(r"entries:\s*(\[\s*\])?\s*(#.*)?$", r"entries:", lines[at].rstrip("\n"))
    lines[at] += "\n"
    # the list ends where the next top-level key starts (comments and blanks stay after it)
    end = next((i for i in range(at + 1, len(lines))
                if lines[i][:1] not in (" ", "#", "\n", "")), len(lines))
    while end > at + 1 and lines[end - 1].strip() == "":
        end -= 1
    return "".join(lines[:end] + [entry_yaml(c) for c in changes] + lines[end:])


# ---------------------------------------------------------------------------------------------
# Applying a review file


@dataclass
class ApplyReport:
    plan: Plan
    before: set[tuple[Any, ...]] | None = None  # observations of the warehouse, None: not built
    after: set[tuple[Any, ...]] | None = None
    rebuilt: bool = False

    def summary(self) -> str:
        p = self.plan
        out = [f"catalogue: {len(p.aliases)} alias(es) added to data/catalog/indicators.yaml"]
        out += [f"  + {a.indicator_id}: {a.alias!r}" for a in p.aliases]
        out.append(f"ledger: {len(p.entries)} entr(ies) added to data/catalog/ledger.yaml")
        out += [f"  + {e.action} {e.doc_id} line {e.line} {e.indicator_id or ''} "
                f"{_fields_text(e.fields)}".rstrip() for e in p.entries]
        if self.before is not None and self.after is not None:
            out.append(f"observations: {len(self.before)} before, {len(self.after)} after")
            out += [f"  - {_obs_text(o)}" for o in sorted(self.before - self.after, key=str)]
            out += [f"  + {_obs_text(o)}" for o in sorted(self.after - self.before, key=str)]
        elif not (p.aliases or p.entries):
            out.append("nothing to write: every row is skip")
        else:
            out.append("not rebuilt (--no-build): run `vnhealth build` to see the effect")
        return "\n".join(out)


def _fields_text(fields: dict[str, Any]) -> str:
    return " ".join(f"{k}={_scalar(v).strip(chr(34))}" for k, v in fields.items())


def _obs_text(o: tuple[Any, ...]) -> str:
    doc, line, ind, kind, year, comp, value, high, unit = o
    shown = _scalar(value) + (f"–{_scalar(high)}" if high is not None else "")
    return f"{doc} line {line}: {ind} {kind} {year or 'year?'} {comp} {shown} {unit}"


OBS_SQL = ("SELECT doc_id, line, indicator_id, kind, year, comparator, value, value_high, unit, "
           "kind_basis, year_basis FROM {table}")


def warehouse_observations(db: Path, quarantine: bool = True) -> list[WarehouseObs]:
    """The warehouse's observations (and quarantined values), [] when there is none yet."""
    if not db.exists():
        return []
    con = connect_read_only(db)
    try:
        tables = ["observations", "quarantine"] if quarantine else ["observations"]
        rows = [r for t in tables for r in con.execute(OBS_SQL.format(table=t)).fetchall()]
    finally:
        con.close()
    return [WarehouseObs(r[0], r[1], Extracted(*r[2:])) for r in rows]


def _keys(observations: Iterable[WarehouseObs]) -> set[tuple[Any, ...]]:
    return {(o.doc_id, o.line, *obs_key(o.extracted)) for o in observations}


def _new_texts(paths: ProjectPaths, plan: Plan) -> dict[Path, str]:
    """The catalogue files the plan changes, with their new text."""
    out: dict[Path, str] = {}
    if plan.aliases:
        additions: dict[str, list[str]] = {}
        for a in plan.aliases:
            additions.setdefault(a.indicator_id, []).append(a.alias)
        path = paths.catalog / "indicators.yaml"
        out[path] = insert_aliases(path.read_text(encoding="utf-8"), additions)
    if plan.entries:
        path = paths.catalog / "ledger.yaml"
        out[path] = append_entries(path.read_text(encoding="utf-8"), plan.entries)
    return out


def _check_texts(paths: ProjectPaths, texts: dict[Path, str], plan: Plan) -> dict[int, Row]:
    """Load the whole catalogue with the new texts (in a scratch copy) so that nothing is
    written that the build would refuse; the line of each new ledger entry → its row."""
    with tempfile.TemporaryDirectory(prefix="vnhealth-review-") as tmp:
        scratch = ProjectPaths.at(tmp)
        shutil.copytree(paths.catalog, scratch.catalog)
        for path, text in texts.items():
            (scratch.catalog / path.name).write_text(text, encoding="utf-8")
        try:
            catalog = load_catalog(scratch)
        except InputError as exc:
            raise InputError(f"the edited file would not load, so nothing was written: "
                             f"{exc.detail}", path=exc.path, line=exc.line) from exc
    new = catalog.ledger[len(catalog.ledger) - len(plan.entries):] if plan.entries else []
    return {e.ledger_line: c.row for e, c in zip(new, plan.entries, strict=True)}


def _entry_of(exc: VnhealthError, entry_rows: dict[int, Row]) -> Row | None:
    """The review row whose ledger entry the build refused (its error names the entry's line)."""
    if exc.path is None or exc.path.name != "ledger.yaml" or exc.line is None:
        return None
    starts = [n for n in sorted(entry_rows) if n <= exc.line]
    return entry_rows[starts[-1]] if starts else None


def _rebuild(paths: ProjectPaths, db: Path, originals: dict[Path, bytes],
             entry_rows: dict[int, Row], shown: Path) -> None:
    """Build; on any failure put the catalogue files back as they were."""
    from vnhealth.build.warehouse import build

    try:
        build(paths.root, db)
    except BaseException as exc:
        # whatever stopped the build (bad input, a bug, Ctrl-C), the catalogue is put back
        for path, data in originals.items():
            path.write_bytes(data)
        if not isinstance(exc, VnhealthError):
            raise
        row = _entry_of(exc, entry_rows)
        if row is not None:
            raise InputError(f"{row.where()}: the build refused the ledger entry made from it "
                             f"({exc.detail}); nothing was written", path=shown,
                             line=row.row_line) from exc
        raise VnhealthError(f"the build failed, so the catalogue changes were undone: {exc}"
                            ) from exc


def apply_review(paths: ProjectPaths, review_file: Path, db: Path, *, rebuild: bool = True
                 ) -> ApplyReport:
    """Turn the decided rows of `review_file` into aliases and ledger entries, then rebuild.
    Every row is checked before anything is written; a failed build undoes the writes."""
    rows = read_review_file(review_file, review_file)
    catalog = load_catalog(paths)
    docs = load_manifest(paths, catalog.provinces)
    current = warehouse_observations(db)
    ctx = ApplyContext(paths, review_file, catalog, {d.id: d for d in docs}, current)
    plan = plan_changes(rows, ctx)
    texts = _new_texts(paths, plan)
    entry_rows = _check_texts(paths, texts, plan)
    originals = {path: path.read_bytes() for path in texts}
    for path, text in texts.items():
        path.write_text(text, encoding="utf-8")
    report = ApplyReport(plan, rebuilt=rebuild and bool(texts))
    if report.rebuilt:
        report.before = _keys(warehouse_observations(db, quarantine=False))
        _rebuild(paths, db, originals, entry_rows, review_file)
        report.after = _keys(warehouse_observations(db, quarantine=False))
    return report
