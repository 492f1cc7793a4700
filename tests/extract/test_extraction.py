"""The build against the hand-made golden file, and provenance of every number."""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import yaml

from vnhealth.extract.numbers import parse_cell, parse_number

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def _key(doc: str, line: int, ind: str, kind: str, year: int, cmp: str, value: float,
         high: float | None) -> tuple:
    return (doc, int(line), ind, kind, int(year), cmp, round(float(value), 6),
            None if high is None else round(float(high), 6))


def _golden() -> set[tuple]:
    with (GOLDEN / "observations.csv").open(encoding="utf-8", newline="") as fh:
        return {_key(r["doc_id"], r["line"], r["indicator_id"], r["kind"], r["year"],
                     r["comparator"], r["value"], r["value_high"] or None)
                for r in csv.DictReader(fh)}


def _built(con) -> set[tuple]:
    rows = con.execute("SELECT doc_id, line, indicator_id, kind, year, comparator, value, "
                       "value_high FROM observations").fetchall()
    return {_key(*r) for r in rows}


def test_recall_and_precision_against_golden(con) -> None:
    gold, got = _golden(), _built(con)
    assert len(gold) >= 240  # the golden file covers all five documents
    true_pos = len(gold & got)
    recall, precision = true_pos / len(gold), true_pos / len(got)
    missed = sorted(gold - got)[:10]
    extra = sorted(got - gold)[:10]
    assert recall >= 0.95, f"recall {recall:.3f}; missed e.g. {missed}"
    assert precision >= 0.95, f"precision {precision:.3f}; extra e.g. {extra}"


def test_recall_without_the_ledger(con) -> None:
    """The rules alone find the bulk; the ledger only patches what they cannot read."""
    rows = con.execute("SELECT doc_id, line, indicator_id, kind, year, comparator, value, "
                       "value_high FROM observations WHERE source = 'rule'").fetchall()
    got = {_key(*r) for r in rows}
    gold = _golden()
    assert len(gold & got) / len(gold) >= 0.95


def test_every_document_contributes(con) -> None:
    counts = dict(con.execute("SELECT doc_id, count(*) FROM observations GROUP BY 1").fetchall())
    assert set(counts) == {"lao_cai_2024", "lai_chau_2026_2030", "lai_chau_2021_2025",
                           "thua_thien_hue_2023_2025", "son_la_2026_2030"}
    assert min(counts.values()) >= 30


def _raw_lines(repo_root: Path) -> dict[str, list[str]]:
    manifest = yaml.safe_load((repo_root / "data/raw/documents.yaml").read_text("utf-8"))
    out = {}
    for d in manifest["documents"]:
        text = (repo_root / "data/raw" / d["file"]).read_bytes().decode("utf-8")
        out[d["id"]] = [unicodedata.normalize("NFC", x) for x in text.split("\n")]
    return out


def _values_in(text: str) -> list[tuple[float, float | None]]:
    """Every number (and range) readable in a piece of text."""
    text = text.replace("&gt;", ">").replace("&lt;", "<")
    out = []
    for m in re.finditer(r"\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?", text):
        cell = parse_cell(m.group(0).rstrip(".,"))
        if cell is not None:
            out.append((cell.value, cell.value_high))
            out.append((cell.value, None))
    for m in re.finditer(r"\d+(?:,\d+)?", text):
        out.append((parse_number(m.group(0)), None))
    return out


def test_every_quote_is_on_its_line_and_holds_the_value(con, repo_root: Path) -> None:
    lines = _raw_lines(repo_root)
    rows = con.execute("SELECT obs_id, doc_id, line, quote, value_text, value, value_high, "
                       "comparator FROM observations").fetchall()
    assert rows
    for obs_id, doc, line, quote, value_text, value, high, _cmp in rows:
        raw = lines[doc][line - 1]
        assert quote and quote in raw, f"{obs_id}: quote not on line {line}"
        assert value_text in quote, f"{obs_id}: {value_text!r} not in quote"
        magnitude = abs(value)  # relative changes are signed; the text says "giảm"
        readable = _values_in(value_text)
        assert any(abs(v - magnitude) < 1e-9 and (high is None or (h is not None and
                   abs(h - high) < 1e-9)) for v, h in readable), (
            f"{obs_id}: {value} ({high}) cannot be read from {value_text!r}")
        assert unicodedata.is_normalized("NFC", quote)


def test_every_observation_has_provenance(con) -> None:
    bad = con.execute("""
        SELECT o.obs_id FROM observations o
        LEFT JOIN documents d USING (doc_id)
        LEFT JOIN statements s USING (statement_id)
        WHERE d.doc_id IS NULL OR s.statement_id IS NULL OR o.line IS NULL
           OR o.quote IS NULL OR o.line NOT BETWEEN s.line_start AND s.line_end
           OR o.line > d.n_lines
    """).fetchall()
    assert bad == []


def test_ledger_is_small_and_reasoned(con, repo_root: Path) -> None:
    ledger = yaml.safe_load((repo_root / "data/catalog/ledger.yaml").read_text("utf-8"))
    entries = ledger["entries"]
    total = con.execute("SELECT count(*) FROM observations").fetchone()[0]
    assert len(entries) < 0.10 * total
    assert all(len(e["reason"].split()) >= 5 for e in entries)
    from_ledger = con.execute("SELECT count(*) FROM observations WHERE source = 'ledger' "
                              "AND ledger_reason IS NOT NULL").fetchone()[0]
    dismissals = [e for e in entries if e["action"] == "dismiss"]
    assert from_ledger == len(entries) - len(dismissals)
    # every dismissal reaches its statement, with its reason
    dismissed = set(con.execute("SELECT doc_id, dismissed_reason FROM statements "
                                "WHERE dismissed_reason IS NOT NULL").fetchall())
    assert {(e["doc_id"], " ".join(e["reason"].split())) for e in dismissals} <= \
        {(d, " ".join(r.split())) for d, r in dismissed}


def test_nfd_document_is_read(con) -> None:
    n, sample = con.execute("""
        SELECT count(*), any_value(quote) FROM observations
        WHERE doc_id = 'lai_chau_2021_2025'""").fetchone()
    assert n >= 35
    assert unicodedata.is_normalized("NFC", sample)


def test_qualitative_targets_against_golden(con) -> None:
    with (GOLDEN / "qualitative.csv").open(encoding="utf-8", newline="") as fh:
        gold = {(r["doc_id"], int(r["line"])) for r in csv.DictReader(fh)}
    got = set(con.execute("SELECT doc_id, line FROM qualitative_targets").fetchall())
    assert len(gold & got) / len(gold) >= 0.9, sorted(gold - got)
    assert len(gold & got) / len(got) >= 0.8, sorted(got - gold)


def test_qualitative_targets(con) -> None:
    got = {(d, t) for d, t in con.execute(
        "SELECT doc_id, target_id FROM qualitative_targets").fetchall()}
    assert ("lai_chau_2026_2030", "universal_health_insurance") in got
    assert ("lai_chau_2026_2030", "hospital_grade_1") in got
    assert ("son_la_2026_2030", "basic_hospital_fee_exemption") in got
    assert ("son_la_2026_2030", "universal_health_insurance") in got
