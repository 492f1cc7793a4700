"""The reports' HTML tables (template ``table.html.j2``): the comparison table, ambition
gaps, required pace, coverage gaps and the qualitative targets.

Each value cell shows the value as written in the report's language, its source numbers
(linked to the sources table) and, on hover, the document, line and quote; it carries
``data-*`` attributes (province, indicator, year, value …) so that tests and scripts can read
the values back.
"""

# Without `from __future__ import annotations`: NamedTuple and TypedDict would compile each
# postponed annotation when the module is imported, and report kernels are timed.

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from vnhealth.inputs.terms import LEVEL_ASSESSMENTS, Assessment, Kind, Method
from vnhealth.report.citations import SourceBook
from vnhealth.report.data import QUALITATIVE_TOPICS, Warehouse
from vnhealth.report.formatting import fmt_change, fmt_number, fmt_value, isna
from vnhealth.report.labels import domain_label, label
from vnhealth.report.markup import render
from vnhealth.report.queries import national_disagreement, reform_text


class Cell(NamedTuple):
    """One table cell: its text, hover title, classes, ``data-*`` attributes, source numbers
    and a note under the text; ``row_header`` makes it the row's heading (``<th>``), ``code``
    shows the text as code; ``verdict``: the words of what its colour says (better, level or
    worse than the national target), visually hidden (the page shows a symbol)."""

    text: str
    title: str = ""
    cls: str = ""
    attrs: tuple[tuple[str, str], ...] = ()
    refs: tuple[int, ...] = ()
    note: str = ""
    row_header: bool = False
    code: bool = False
    verdict: str = ""


Row = tuple[Cell, ...]


def cell(text: str, *, title: str = "", cls: str = "", attrs: Mapping[str, Any] | None = None,
         refs: Sequence[int] = (), note: str = "", code: bool = False, verdict: str = ""
         ) -> Cell:
    """A :class:`Cell`; attributes with a missing value are left out."""
    pairs = tuple((k, str(v)) for k, v in (attrs or {}).items() if not isna(v))
    return Cell(text, title, cls, pairs, tuple(refs), note, code=code, verdict=verdict)


class Untargeted(NamedTuple):
    """Indicators a table leaves out for want of any target: a summary line and the names by
    domain."""

    summary: str
    groups: tuple[tuple[str, tuple[str, ...]], ...]


def render_table(head: Sequence[str], rows: Sequence[Row], cls: str, *, caption: str = "",
                 untargeted: Untargeted | None = None, conflicts: Sequence[str] = ()) -> str:
    """A report table (``<table class="vnh-table {cls}" id="vnh-table-…">``, the id from
    ``cls``: ``vnh-comparison`` → ``vnh-table-comparison``, what a chart links to), its
    caption, headings of columns, and the notes under it."""
    table_id = "vnh-table-" + cls.removeprefix("vnh-")
    return render("table.html.j2", head=head, rows=rows, cls=cls, table_id=table_id,
                  caption=caption, untargeted=untargeted, conflicts=conflicts)


def untargeted_list(wh: Warehouse, indicators: Sequence[str], year: int, lang: str
                    ) -> Untargeted | None:
    """The indicators without a target for ``year`` (provincial or national), compactly: how
    many, then their names by domain (a long run of names otherwise fills the page)."""
    if not indicators:
        return None
    groups: dict[str, list[str]] = {}
    for i in indicators:
        domain = str(wh.indicator(i).get("domain") or "")
        groups.setdefault(domain_label(domain, lang) if domain else "—", []).append(
            wh.indicator_name(i, lang))
    summary = label("no_target_count", lang, n=len(indicators), year=year)
    return Untargeted(summary, tuple((d, tuple(names)) for d, names in groups.items()))


def none_found(lang: str) -> str:
    """The paragraph shown instead of a table with no rows."""
    return render("p.html.j2", text=label("none_found", lang), cls="")


def verdict_class(row: Mapping[str, Any]) -> str:
    """``vnh-better``, ``vnh-worse`` or ``vnh-level`` for a comparison row ("" when it cannot
    be compared)."""
    ahead = row.get("ahead")
    if isna(ahead) or row.get("assessment") in (Assessment.NO_NATIONAL, Assessment.NO_PROVINCIAL):
        return ""
    if row.get("assessment") in LEVEL_ASSESSMENTS:
        return "vnh-level"
    return "vnh-better" if bool(ahead) else "vnh-worse"


def _target_text(r: Mapping[str, Any], lang: str) -> str:
    """A province's value as written; ``≈`` and the number alone when interpolated."""
    if r["method"] == Method.INTERPOLATED:
        return "≈ " + fmt_value(r["value"], None, None, r["unit"], lang)
    return fmt_value(r["value"], r["comparator"], r["value_high"], r["unit"], lang,
                     value_low=r["value_low"])


def _national_text(r: Mapping[str, Any], unit: Any, lang: str) -> str:
    return fmt_value(r["national_value"], r["national_comparator"], r["national_value_high"],
                     unit, lang, value_low=r["national_value_low"])


def _province_cell(wh: Warehouse, r: Mapping[str, Any], book: SourceBook) -> Cell:
    """A province's cell of the comparison table: its value, else its qualitative target,
    else a dash."""
    lang = book.lang
    year = int(r["year"])
    attrs = {"province": r["province_id"], "indicator": r["indicator_id"], "year": year,
             "value": None if isna(r["value"]) else repr(float(r["value"])),
             "method": r["method"]}
    if isna(r["value"]):
        quals = wh.qualitative_for(r["province_id"], r["indicator_id"])
        if not quals:
            return cell("—", title=label("no_target_year", lang, year=year), cls="vnh-missing",
                        attrs=attrs)
        q = quals[0]
        refs = book.qualitative(q)
        text = label("qualitative.cell", lang, year=int(q["year"]),
                     name=q["name_vi" if lang == "vi" else "name_en"])
        return cell(text, title=book.tooltip(refs), cls="vnh-qualitative",
                    attrs={**attrs, "qualitative": q["target_id"]}, refs=refs)
    numbers = book.observations(r["obs_ids"])
    tip = f"{Method(r['method']).label(lang)}; {Assessment(r['assessment']).label(lang)}\n"
    cls = " ".join(c for c in ("vnh-value", verdict_class(r),
                               "vnh-interp" if r["method"] == Method.INTERPOLATED else "")
                   if c)
    verdict = verdict_class(r).removeprefix("vnh-")
    return cell(_target_text(r, lang), title=tip + book.tooltip(numbers), cls=cls, attrs=attrs,
                refs=numbers, verdict=label(f"verdict.{verdict}", lang) if verdict else "")


def _national_cell(wh: Warehouse, first: Mapping[str, Any], year: int, book: SourceBook
                   ) -> tuple[Cell, str]:
    """The national target's cell of the comparison table, and the sentence saying that
    national documents disagree ("" when they do not)."""
    ind = first["indicator_id"]
    attrs = {"province": "national", "indicator": ind, "year": year,
             "value": None if isna(first["national_value"])
             else repr(float(first["national_value"]))}
    if isna(first["national_value"]):
        return cell("—", cls="vnh-missing", attrs=attrs), ""
    numbers = book.national(ind, int(year))
    text = _national_text(first, wh.unit_of(ind), book.lang)
    other = national_disagreement(wh, ind, int(year), book.lang)
    if other:
        text += " *"
    title = "\n".join(x for x in (book.tooltip(numbers), other) if x)
    return cell(text, title=title, cls="vnh-national", attrs=attrs, refs=numbers), other


def table_html(wh: Warehouse, table: Sequence[dict[str, Any]], book: SourceBook, *,
               show_national: bool = True) -> str:
    """A comparison table: indicators down, provinces (and the national target) across.

    Each value cell shows the target as written in the report's language, its source numbers
    (linked to the sources table) and, on hover, the document, line and quote. Cells carry
    ``data-province``, ``data-indicator``, ``data-year`` and ``data-value`` (the representative
    value in the indicator's unit) so that tests and scripts can read them back.
    """
    lang = book.lang
    provinces = list(dict.fromkeys(r["province_id"] for r in table))
    indicators = list(dict.fromkeys(r["indicator_id"] for r in table))
    head = [label("indicator", lang), *(wh.province_name(p, lang) for p in provinces)]
    if show_national:
        head.append(label("national_target", lang))
    by_key = {(r["province_id"], r["indicator_id"]): r for r in table}
    empty = [i for i in indicators
             if all(isna(by_key[(p, i)]["value"]) and not wh.qualitative_for(p, i)
                    for p in provinces)
             and isna(by_key[(provinces[0], i)]["national_value"])]
    rows: list[Row] = []
    conflicts: list[str] = []
    for ind in (i for i in indicators if i not in empty):
        cells = [Cell(wh.indicator_name(ind, lang), row_header=True)]
        cells += [_province_cell(wh, by_key[(p, ind)], book) for p in provinces]
        if show_national:
            year = int(by_key[(provinces[-1], ind)]["year"])
            national, other = _national_cell(wh, by_key[(provinces[0], ind)], year, book)
            cells.append(national)
            conflicts += [other] if other else []
        rows.append(tuple(cells))
    year = int(table[0]["year"]) if table else 0
    untargeted = untargeted_list(wh, empty, year, lang) if table else None
    return render_table(head, rows, "vnh-comparison", untargeted=untargeted,
                        conflicts=conflicts, caption=label("caption.comparison", lang, year=year))


def _ambition_row(wh: Warehouse, r: Mapping[str, Any], book: SourceBook) -> tuple[Row, str]:
    """One ambition gap: province, indicator, target, national target, gap, assessment; and
    the sentence saying that national documents disagree ("" when they do not)."""
    lang = book.lang
    mine = book.observations(r["obs_ids"])
    nat = book.national(r["indicator_id"], int(r["year"]))
    national = _national_text(r, r["unit"], lang)
    other = national_disagreement(wh, r["indicator_id"], int(r["year"]), lang)
    if other:
        national += " *"
    cls = verdict_class(r)
    attrs = {"province": r["province_id"], "indicator": r["indicator_id"],
             "value": repr(float(r["value"])), "gap": repr(float(r["gap"]))}
    return (cell(wh.province_name(r["province_id"], lang)),
            cell(wh.indicator_name(r["indicator_id"], lang)),
            cell(_target_text(r, lang), title=book.tooltip(mine), cls="vnh-value", attrs=attrs,
                 refs=mine),
            cell(national, title=book.tooltip(nat), cls="vnh-national", refs=nat),
            cell(fmt_change(r["gap"], r["unit"], lang), cls=f"vnh-value {cls}"),
            cell(Assessment(r["assessment"]).label(lang), cls=cls)), other


def ambition_html(wh: Warehouse, table: Sequence[dict[str, Any]], book: SourceBook) -> str:
    """Ambition gaps, worst first: province, indicator, target, national target, gap and the
    direction-aware assessment (rows without both values are left out)."""
    lang = book.lang
    data = sorted((r for r in table if not isna(r["value"]) and not isna(r["national_value"])),
                  key=lambda r: (isna(r["relative_pct"]), r["relative_pct"] or 0.0))
    if not data:
        return none_found(lang)
    head = [label("province", lang), label("indicator", lang), Kind.TARGET.label(lang),
            *(label(k, lang) for k in ("national_target", "gap", "assessment"))]
    rows: list[Row] = []
    conflicts: list[str] = []
    for r in data:
        row, other = _ambition_row(wh, r, book)
        rows.append(row)
        if other and other not in conflicts:
            conflicts.append(other)
    return render_table(head, rows, "vnh-ambition", conflicts=conflicts,
                        caption=label("caption.ambition", lang, year=int(data[0]["year"])))


def _pace_row(wh: Warehouse, r: Mapping[str, Any], book: SourceBook) -> Row:
    """One plan's pace: province, indicator, baseline, target, pace a year, national pace and
    the verdict (with the reform note where the span crosses the 2025 reorganization)."""
    lang = book.lang
    unit = wh.unit_of(r["indicator_id"])
    base_refs = book.observations(r.get("baseline_obs_ids"))
    targ_refs = book.observations(r.get("target_obs_ids"))
    base = ("—" if isna(r["baseline_value"]) else
            f"{fmt_value(r['baseline_value'], None, None, unit, lang)} "
            f"({int(r['baseline_year'])})")
    targ = (f"{fmt_value(r['target_value'], r['target_comparator'], None, unit, lang)}"
            f" ({int(r['target_year'])})")
    nat = ("—" if isna(r.get("national_pace")) else
           f"{fmt_change(r['national_pace'], unit, lang)} "
           f"({int(r['national_start_year'])}–{int(r['national_end_year'])})")
    verdict = label(r["pace_verdict"], lang)
    if not isna(r.get("pace_ratio")):
        verdict = f"×{fmt_number(r['pace_ratio'], lang, 1)} · {verdict}"
    note = ""
    if not isna(r.get("reform_note")):
        note = str(reform_text(wh, r["province_id"], int(r["baseline_year"]),
                               int(r["target_year"]), lang))
    attrs = {"province": r["province_id"], "indicator": r["indicator_id"],
             "pace": None if isna(r["pace_per_year"]) else repr(float(r["pace_per_year"]))}
    return (cell(wh.province_name(r["province_id"], lang)),
            cell(wh.indicator_name(r["indicator_id"], lang)),
            cell(base, title=book.tooltip(base_refs), refs=base_refs),
            cell(targ, title=book.tooltip(targ_refs), refs=targ_refs),
            cell(fmt_change(r["pace_per_year"], unit, lang), cls="vnh-value", attrs=attrs),
            cell(nat, cls="vnh-value"), cell(verdict, note=note))


def pace_html(wh: Warehouse, pace: Sequence[dict[str, Any]], book: SourceBook) -> str:
    """Required pace per plan: baseline → target, pace a year, national pace, and the verdict;
    a reform note where the span crosses the 2025 reorganization."""
    if not pace:
        return none_found(book.lang)
    lang = book.lang
    head = [label("province", lang), label("indicator", lang), Kind.BASELINE.label(lang),
            Kind.TARGET.label(lang),
            *(label(k, lang) for k in ("pace", "national_pace", "pace_ratio"))]
    return render_table(head, [_pace_row(wh, r, book) for r in pace], "vnh-pace",
                        caption=label("caption.pace", lang))


def _coverage_row(wh: Warehouse, r: Mapping[str, Any], book: SourceBook, year: int) -> Row:
    """One coverage gap: province, indicator, and what the province states instead."""
    lang = book.lang
    refs = book.observations(r["obs_ids"])
    text = label(f"coverage.{r['status']}", lang, year=year,
                 years=", ".join(str(y) for y in r["years"]))
    for q in r.get("qualitative") or []:
        refs += book.qualitative(q)
        if r["status"] != "qualitative":
            text += "; " + label("qualitative.cell", lang, year=int(q["year"]),
                                 name=q["name_vi" if lang == "vi" else "name_en"])
    return (cell(wh.province_name(r["province_id"], lang)),
            cell(wh.indicator_name(r["indicator_id"], lang)),
            cell(text, title=book.tooltip(refs), refs=refs,
                 cls="vnh-worse" if r["status"] == "none" else "",
                 attrs={"province": r["province_id"], "indicator": r["indicator_id"],
                        "status": r["status"]}))


def coverage_html(wh: Warehouse, coverage: Sequence[dict[str, Any]], book: SourceBook,
                  year: int) -> str:
    """Coverage gaps: for each province, the national indicators it sets no target for (and
    those with targets for other years only, with their sources)."""
    gaps = [r for r in coverage if r["status"] != "covered"]
    if not gaps:
        return none_found(book.lang)
    head = [label(k, book.lang) for k in ("province", "indicator", "coverage")]
    return render_table(head, [_coverage_row(wh, r, book, year) for r in gaps], "vnh-coverage",
                        caption=label("caption.coverage", book.lang, year=year))


class QualitativeItem(NamedTuple):
    """A qualitative target in the list: province, target id, the sentence and its sources."""

    province: str
    target_id: str
    text: str
    refs: tuple[int, ...]


def qualitative_html(wh: Warehouse, provinces: Sequence[str], indicators: Sequence[str] | None,
                     book: SourceBook, domain: str = "") -> str:
    """The provinces' qualitative targets on the topic (speaking to one of ``indicators`` or
    belonging to their domains, or ``domain``), each with its source; ``""`` when none."""
    lang = book.lang
    wanted = set(indicators or [])
    domains = {domain} if domain else {str(wh.indicator(i)["domain"]) for i in wanted}
    items = []
    for p in provinces:
        found: dict[tuple[str, int], dict[str, Any]] = {}
        for q in wh.qualitative:
            inds, dom = QUALITATIVE_TOPICS.get(q["target_id"], ((), ""))
            if q["province_id"] == p and (indicators is None or dom in domains
                                          or wanted & set(inds)):
                found.setdefault((q["target_id"], int(q["year"])), q)
        for q in found.values():
            refs = book.qualitative(q)
            text = label("qualitative.item", lang, province=wh.province_name(p, lang),
                         year=int(q["year"]), name=q["name_vi" if lang == "vi" else "name_en"])
            items.append(QualitativeItem(p, str(q["target_id"]), text, tuple(refs)))
    if not items:
        return ""
    return render("qualitative.html.j2", intro=label("qualitative.intro", lang), items=items)
