"""One province's report: all its statements (:func:`profile_table`, :func:`profile_html`)
and the documents they come from (:func:`documents_html`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from vnhealth.inputs.terms import Comparator, Kind
from vnhealth.report.citations import SourceBook
from vnhealth.report.data import Table, Warehouse
from vnhealth.report.formatting import fmt_relative, fmt_value, isna
from vnhealth.report.labels import label
from vnhealth.report.tables import Row, cell, none_found, render_table

# A province's statements on one indicator and year read in the order of a plan's story — where
# it stands, then the milestones, then the target — not in the vocabulary's order of
# preference (target first).
_PROFILE_KIND_ORDER = (Kind.BASELINE, Kind.ACTUAL, Kind.TRAJECTORY, Kind.TARGET)


def profile_table(wh: Warehouse, province_id: str) -> Table:
    """Every observation of one province (targets, milestones, baselines), by indicator and
    year: from the warehouse's ``observation_values`` in the indicator's unit, with the
    representative value and interval; then, as written (``as_written`` true), the statements
    that table cannot hold: a change with no baseline to apply it to ("giảm 20% so với năm
    2015") and a value whose year the text leaves unstated."""
    rows = wh.query("SELECT *, NULL AS relative_to, FALSE AS as_written FROM observation_values "
                    "WHERE province_id = ? ORDER BY rowid", [province_id])
    shown = {r["obs_id"] for r in rows}
    rows.extend(_as_written(o) for o in wh.observations
                if o["province_id"] == province_id and o["obs_id"] not in shown)
    rank = {k.value: n for n, k in enumerate(_PROFILE_KIND_ORDER)}
    return Table(sorted(rows, key=lambda r: (r["indicator_id"], isna(r["year"]),
                                             0 if isna(r["year"]) else r["year"],
                                             rank.get(r["kind"], 4), r["line"])), rows.columns)


def _as_written(o: Mapping[str, Any]) -> dict[str, Any]:
    """An observation as the document wrote it, in ``profile_table``'s columns."""
    ranged = o["comparator"] == Comparator.RANGE
    return {"obs_id": o["obs_id"], "doc_id": o["doc_id"], "province_id": o["province_id"],
            "indicator_id": o["indicator_id"], "kind": o["kind"], "year": o["year"],
            "comparator": o["comparator"], "value": o["value"],
            "value_low": o["value"] if ranged else None, "value_high": o["value_high"],
            "unit": o["unit"], "line": o["line"], "derived_from_relative": False,
            "relative_rule": None, "relative_to": o["relative_to"], "as_written": True}


def _profile_value(r: Mapping[str, Any], lang: str) -> str:
    """The value of a profile row: a change with no baseline in words, else as
    :func:`fmt_value` writes it (with the rule that resolved a relative change)."""
    if r["as_written"] and r["comparator"] == Comparator.RELATIVE:
        return fmt_relative(r["value"], r["unit"], r["relative_to"], lang)
    value = fmt_value(r["value"], r["comparator"], r["value_high"], r["unit"], lang,
                      value_low=r["value_low"])
    if r.get("derived_from_relative"):
        value += f" ({r['relative_rule']})"
    return value


def _profile_row(wh: Warehouse, r: Mapping[str, Any], book: SourceBook) -> Row:
    """One statement: indicator, kind, year, and the value as written with its source."""
    lang = book.lang
    refs = book.observations(r["obs_id"])
    dated = not isna(r["year"])
    # a value in the indicator's unit carries it for checks; one as written carries its own
    number = None if isna(r["value"]) else repr(float(r["value"]))
    attrs = {"indicator": r["indicator_id"], "year": int(r["year"]) if dated else None,
             "value": None if r["as_written"] else number,
             "written": number if r["as_written"] else None}
    return (cell(wh.indicator_name(r["indicator_id"], lang)), cell(Kind(r["kind"]).label(lang)),
            cell(str(int(r["year"])) if dated else label("year.not_stated", lang)),
            cell(_profile_value(r, lang), title=book.tooltip(refs), refs=refs, cls="vnh-value",
                 attrs=attrs))


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
