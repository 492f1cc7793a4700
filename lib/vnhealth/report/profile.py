"""One province's report: all its statements (:func:`profile_table`, :func:`profile_html`)
and the documents they come from (:func:`documents_html`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from vnhealth.inputs.terms import Kind
from vnhealth.report.citations import SourceBook
from vnhealth.report.data import Table, Warehouse
from vnhealth.report.formatting import fmt_value, isna
from vnhealth.report.labels import label
from vnhealth.report.tables import Row, cell, none_found, render_table

# A province's statements on one indicator and year read in the order of a plan's story — where
# it stands, then the milestones, then the target — not in the vocabulary's order of
# preference (target first).
_PROFILE_KIND_ORDER = (Kind.BASELINE, Kind.ACTUAL, Kind.TRAJECTORY, Kind.TARGET)


def profile_table(wh: Warehouse, province_id: str) -> Table:
    """Every observation of one province (targets, milestones, baselines) from the warehouse's
    ``observation_values``: in the indicator's unit, with the representative value and interval,
    by indicator and year."""
    rows = wh.query("SELECT * FROM observation_values WHERE province_id = ? ORDER BY rowid",
                    [province_id])
    rank = {k.value: n for n, k in enumerate(_PROFILE_KIND_ORDER)}
    return Table(sorted(rows, key=lambda r: (r["indicator_id"], r["year"],
                                             rank.get(r["kind"], 4), r["line"])), rows.columns)


def _profile_row(wh: Warehouse, r: Mapping[str, Any], book: SourceBook) -> Row:
    """One statement: indicator, kind, year, and the value as written with its source."""
    lang = book.lang
    refs = book.observations(r["obs_id"])
    value = fmt_value(r["value"], r["comparator"], r["value_high"], r["unit"], lang,
                      value_low=r["value_low"])
    if r.get("derived_from_relative"):
        value += f" ({r['relative_rule']})"
    return (cell(wh.indicator_name(r["indicator_id"], lang)), cell(Kind(r["kind"]).label(lang)),
            cell(str(int(r["year"]))),
            cell(value, title=book.tooltip(refs), refs=refs, cls="vnh-value",
                 attrs={"indicator": r["indicator_id"], "year": int(r["year"]),
                        "value": repr(float(r["value"])) if not isna(r["value"]) else None}))


def profile_html(wh: Warehouse, profile: Sequence[dict[str, Any]], book: SourceBook) -> str:
    """Every statement of one province: indicator, kind, year, value as written, source."""
    if not profile:
        return none_found(book.lang)
    head = [label(k, book.lang) for k in ("indicator", "kind", "year", "value")]
    return render_table(head, [_profile_row(wh, r, book) for r in profile], "vnh-profile",
                        caption=label("caption.profile", book.lang))


def documents_html(wh: Warehouse, province_ids: Sequence[str], lang: str) -> str:
    """The source documents of some provinces: number or title, period, issue date, file and
    the SHA-256 of its bytes (so a reader can check the text used is the one cited)."""
    docs = [d for d in wh.documents if d["province_id"] in set(province_ids)]
    head = [*(label(k, lang) for k in ("document", "period", "issued")), "file",
            label("sha256", lang)]
    rows: list[Row] = []
    for d in docs:
        number = d["doc_number"] if not isna(d["doc_number"]) else ""
        title = f"{number} — {d['title']}" if number else str(d["title"])
        issued = "—" if isna(d["issued_on"]) else str(d["issued_on"])[:10]
        rows.append((cell(title), cell(f"{d['period_start']}–{d['period_end']}"), cell(issued),
                     cell(str(d["source_file"]), code=True),
                     cell(str(d["sha256"])[:16] + "…", code=True)))
    return render_table(head, rows, "vnh-documents", caption=label("caption.documents", lang))
