"""Findings as sentences, every number taken from the tables (none written by hand): the gaps
report's findings (:func:`findings`), and the brief's — findings a person would write
(:func:`brief_findings`) and what cannot be compared, said once (:func:`brief_missing`)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from vnhealth.inputs.terms import LEVEL_ASSESSMENTS, Direction, Method
from vnhealth.report.captions import running_name
from vnhealth.report.citations import SourceBook
from vnhealth.report.data import Warehouse
from vnhealth.report.formatting import (
    fmt_change,
    fmt_number,
    fmt_value,
    isna,
    join_words,
    unsigned_change,
    value_words,
    with_unit,
)
from vnhealth.report.labels import label
from vnhealth.report.queries import reform_text


def _sort_number(x: Any, missing: float = math.inf) -> float:
    """A number for sorting, missing values last (pandas' sort order)."""
    return missing if isna(x) else float(x)


def _steepest(pace: Sequence[Mapping[str, Any]], province_id: str
              ) -> Mapping[str, Any] | None:
    """A province's pace row furthest from the national pace (its first without one)."""
    fast = [r for r in pace if r["province_id"] == province_id and not isna(r["pace_per_year"])]
    if not fast:
        return None
    with_nat = [r for r in fast if not isna(r["pace_ratio"])]
    return max(with_nat, key=lambda r: abs(r["pace_ratio"])) if with_nat else fast[0]


def _reform_sentence(wh: Warehouse, row: Mapping[str, Any], lang: str) -> list[str]:
    """The reform note of a pace row that crosses the 2025 reorganization (none otherwise)."""
    if isna(row.get("reform_note")):
        return []
    return [str(reform_text(wh, row["province_id"], int(row["baseline_year"]),
                            int(row["target_year"]), lang))]


# ---------------------------------------------------------------------------------------------
# the gaps report
# ---------------------------------------------------------------------------------------------
def _value_sentence(key: str, wh: Warehouse, row: Mapping[str, Any], book: SourceBook,
                    lang: str) -> str:
    ind = row["indicator_id"]
    value = fmt_value(row["value"], row["comparator"], row["value_high"], row["unit"], lang,
                      value_low=row["value_low"])
    national = fmt_value(row["national_value"], row["national_comparator"],
                         row["national_value_high"], row["unit"], lang,
                         value_low=row["national_value_low"])
    sources = book.observations(row["obs_ids"])[:1] + book.national(ind, int(row["year"]))
    source = "; ".join(book.short([n]) for n in sources)
    name = wh.indicator_name(ind, lang)
    return label(key, lang, province=wh.province_name(row["province_id"], lang),
                 indicator=name.lower() if lang == "en" else name, value=value,
                 national=national, source=source)


def _coverage_findings(wh: Warehouse, cov: Sequence[Mapping[str, Any]], name: str,
                       year: int, lang: str) -> list[str]:
    """How many national indicators a province covers, and (up to four) which it does not."""
    if not cov:
        return []
    n = sum(r["status"] == "covered" for r in cov)
    out = [label("f.coverage", lang, province=name, n=n, total=len(cov), year=year)]
    missing = [wh.indicator_name(r["indicator_id"], lang) for r in cov if r["status"] == "none"]
    if missing and len(missing) <= 4:
        out.append(label("f.coverage_missing", lang, province=name, names="; ".join(missing)))
    return out


def _ambition_findings(wh: Warehouse, mine: Sequence[Mapping[str, Any]], name: str,
                       book: SourceBook, year: int) -> list[str]:
    """How many targets are ahead of, level with and behind the national ones; the largest
    shortfall, else the largest lead."""
    lang = book.lang
    if not mine:
        return []
    level = [r for r in mine if r["assessment"] in LEVEL_ASSESSMENTS]
    ahead = [r for r in mine if r["ahead"] is True and r["assessment"] not in LEVEL_ASSESSMENTS]
    behind = [r for r in mine if r not in level and r not in ahead]
    out = [label("f.ambition", lang, province=name, ahead=len(ahead), level=len(level),
                 behind=len(behind), year=year)]
    if behind:
        worst = min(behind, key=lambda r: _sort_number(r["relative_pct"]))
        out.append(_value_sentence("f.shortfall", wh, worst, book, lang))
    elif ahead:
        best = min(ahead, key=lambda r: -_sort_number(r["relative_pct"], -math.inf))
        out.append(_value_sentence("f.lead", wh, best, book, lang))
    return out


def _pace_finding(wh: Warehouse, row: Mapping[str, Any], name: str, lang: str) -> str:
    """The yearly change a province's steepest target asks for (against the national pace)."""
    unit = wh.unit_of(row["indicator_id"])
    indicator = wh.indicator_name(row["indicator_id"], lang)
    values = {"indicator": indicator.lower() if lang == "en" else indicator,
              "province": name, "pace": fmt_change(row["pace_per_year"], unit, lang),
              "y0": int(row["baseline_year"]), "y1": int(row["target_year"])}
    if isna(row["pace_ratio"]):
        return label("f.pace_no_nat", lang, **values)
    return label("f.pace", lang, **values, ratio=fmt_number(row["pace_ratio"], lang, 1),
                 national_pace=fmt_change(row["national_pace"], unit, lang))


def findings(wh: Warehouse, comparison: Sequence[dict[str, Any]],
             pace: Sequence[dict[str, Any]], coverage: Sequence[dict[str, Any]],
             book: SourceBook, year: int) -> list[str]:
    """Plain-language findings, every number taken from the tables (none written by hand)."""
    lang = book.lang
    out: list[str] = []
    if not any(not isna(r["value"]) for r in comparison):
        out.append(label("f.none", lang, year=year))
    for p in dict.fromkeys(r["province_id"] for r in comparison):
        name = wh.province_name(p, lang)
        out += _coverage_findings(wh, [r for r in coverage if r["province_id"] == p], name,
                                  year, lang)
        mine = [r for r in comparison if r["province_id"] == p and not isna(r["value"])
                and not isna(r["national_value"])]
        out += _ambition_findings(wh, mine, name, book, year)
        row = _steepest(pace, p)
        if row is not None:
            out.append(_pace_finding(wh, row, name, lang))
            out += _reform_sentence(wh, row, lang)
    return out


# ---------------------------------------------------------------------------------------------
# the policy brief
# ---------------------------------------------------------------------------------------------
def _verdict(row: Mapping[str, Any]) -> str:
    if row["assessment"] in LEVEL_ASSESSMENTS:
        return "level"
    return "ahead" if row["ahead"] is True else "behind"


def _words(r: Mapping[str, Any], lang: str, prefix: str = "") -> str:
    """A value (``prefix`` ``national_`` for the national target) in words."""
    return value_words(r[f"{prefix}value"], r[f"{prefix}comparator"], r[f"{prefix}value_low"],
                       r[f"{prefix}value_high"], r["unit"], lang)


def _gap_clause(wh: Warehouse, r: Mapping[str, Any], verdict: str, lang: str) -> str:
    """``thấp hơn mục tiêu quốc gia (75,5 năm) 5,5 năm``, or level with it; for a
    lower-is-better indicator, whether that is more or less ambitious."""
    if verdict == "level":
        return label("bf.level", lang)
    gap = r["gap"] if not isna(r.get("gap")) else r["better_by"]
    lower = float(r["value"]) < float(r["national_value"]) if isna(gap) else float(gap) < 0
    if isna(gap):
        gap = float(r["value"]) - float(r["national_value"])
    tail = label("bf.lower" if lower else "bf.higher", lang, national=_words(r, lang, "national_"),
                 gap=unsigned_change(gap, r["unit"], lang))
    if wh.direction(r["indicator_id"]) == Direction.LOWER_IS_BETTER:
        tail += " (" + label("bf.more_ambitious" if verdict == "ahead"
                             else "bf.less_ambitious", lang) + ")"
    return tail


def _target_sentence(wh: Warehouse, group: Sequence[Mapping[str, Any]], verdict: str,
                     lang: str) -> str:
    """The target of one province (or of several level with the national target on the same
    value), and how it stands against the national target."""
    r = group[0]
    name = running_name(wh, r["indicator_id"], lang)
    value = _words(r, lang)
    if lang == "en" and (isna(r["comparator"]) or r["comparator"] == "="):
        value = f"of {value}"
    if len(group) > 1:
        names = join_words([wh.province_name(g["province_id"], lang) for g in group], lang)
        head = label("bf.sets_many", lang, year=int(r["year"]), provinces=names,
                     indicator=name, value=value)
    else:
        head = label("bf.sets", lang, year=int(r["year"]), indicator=name, value=value,
                     province=wh.province_name(r["province_id"], lang))
    if any(g["method"] == Method.INTERPOLATED for g in group):
        head += label("bf.interpolated", lang)
    return f"{head}, {_gap_clause(wh, r, verdict, lang)}."


def _pace_sentence(wh: Warehouse, row: Mapping[str, Any], lang: str) -> str:
    unit = wh.unit_of(row["indicator_id"])
    step = float(row["pace_per_year"])
    national = row["pace_ratio"]
    if isna(national):
        versus = label("bf.no_national", lang)
    else:
        nat = unsigned_change(row["national_pace"], unit, lang)
        ratio = float(national)
        if ratio < 0:
            versus = label("bf.opposite", lang, national=fmt_change(row["national_pace"],
                                                                     unit, lang))
        elif math.isclose(ratio, 1.0, rel_tol=0.05):
            versus = label("bf.same", lang, national=nat)
        elif ratio > 1:
            versus = label("bf.times", lang, ratio=fmt_number(ratio, lang, 1), national=nat)
        else:
            versus = label("bf.slower", lang, national=nat)
    return label("bf.pace", lang, province=wh.province_name(row["province_id"], lang),
                 indicator=running_name(wh, row["indicator_id"], lang),
                 start=with_unit(fmt_number(row["baseline_value"], lang), unit, lang),
                 end=with_unit(fmt_number(row["target_value"], lang), unit, lang),
                 y0=int(row["baseline_year"]), y1=int(row["target_year"]),
                 verb=label("bf.up" if step >= 0 else "bf.down", lang),
                 pace=unsigned_change(step, unit, lang), versus=versus)


def brief_findings(wh: Warehouse, comparison: Sequence[dict[str, Any]],
                   pace: Sequence[dict[str, Any]], lang: str) -> list[str]:
    """Findings as sentences a person would write, every number from the tables:

    ``Đến năm 2030, Lai Châu đặt mục tiêu tuổi thọ trung bình 70 năm, thấp hơn mục tiêu quốc
    gia (75,5 năm) 5,5 năm.`` Provinces level with the national target on the same value share
    one sentence; then, per province, the pace its steepest target asks for. What cannot be
    compared is left to :func:`brief_missing` (said once, not per province).
    """
    out: list[str] = []
    rows = [r for r in comparison if not isna(r["value"]) and not isna(r["national_value"])]
    if not rows:
        year = int(comparison[0]["year"]) if comparison else 0
        return [label("f.none", lang, year=year)]
    for ind in dict.fromkeys(r["indicator_id"] for r in rows):
        groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for r in (r for r in rows if r["indicator_id"] == ind):
            verdict = _verdict(r)
            key = _words(r, lang) if verdict == "level" else r["province_id"]
            groups.setdefault((verdict, key), []).append(r)
        out += [_target_sentence(wh, group, verdict, lang)
                for (verdict, _key), group in groups.items()]
    for p in dict.fromkeys(r["province_id"] for r in comparison):
        row = _steepest(pace, p)
        if row is not None:
            out.append(_pace_sentence(wh, row, lang))
            out += _reform_sentence(wh, row, lang)
    return out


def _missing_targets(wh: Warehouse, comparison: Sequence[Mapping[str, Any]],
                     coverage: Sequence[Mapping[str, Any]], year: int, lang: str) -> list[str]:
    """Targets the provinces do not set for the year: in words only, for other years only,
    or not at all (one sentence per indicator naming the provinces, first)."""
    status = {(c["province_id"], c["indicator_id"]): c for c in coverage}
    parts: list[str] = []
    no_target: dict[str, list[str]] = {}
    for r in (r for r in comparison if isna(r["value"])):
        p, ind = r["province_id"], r["indicator_id"]
        c = status.get((p, ind))
        quals = (c or {}).get("qualitative") or wh.qualitative_for(p, ind)
        if quals:
            what = "; ".join(dict.fromkeys(str(q.get(f"name_{lang}") or q.get("name_vi")
                                               or q.get("qual_id")) for q in quals))
            parts.append(label("bm.qualitative", lang, province=wh.province_name(p, lang),
                               indicator=running_name(wh, ind, lang),
                               what=what[:1].lower() + what[1:]))
        elif c is not None and c["status"] == "other_year" and c["years"]:
            parts.append(label("bm.other_year", lang, province=wh.province_name(p, lang),
                               indicator=running_name(wh, ind, lang),
                               years=join_words([str(y) for y in c["years"]], lang)))
        else:
            no_target.setdefault(ind, []).append(wh.province_name(p, lang))
    for ind, names in no_target.items():
        parts.insert(0, label("bm.no_target", lang, provinces=join_words(names, lang),
                              indicator=running_name(wh, ind, lang), year=year))
    return parts


def _missing_comparisons(wh: Warehouse, comparison: Sequence[Mapping[str, Any]],
                         pace: Sequence[Mapping[str, Any]], year: int, lang: str) -> list[str]:
    """Indicators without a national target, and targets without a baseline (no pace)."""
    parts: list[str] = []
    no_nat = [running_name(wh, i, lang) for i in dict.fromkeys(
        r["indicator_id"] for r in comparison)
        if all(isna(r["national_value"]) for r in comparison if r["indicator_id"] == i)]
    if no_nat:
        parts.append(label("bm.no_national", lang, indicators=join_words(no_nat, lang),
                           year=year))
    with_pace = {(r["province_id"], r["indicator_id"]) for r in pace}
    no_base: dict[str, list[str]] = {}
    for r in comparison:
        key = (r["province_id"], r["indicator_id"])
        if not isna(r["value"]) and r["method"] == Method.STATED and key not in with_pace:
            no_base.setdefault(r["province_id"], []).append(running_name(wh, key[1], lang))
    for p, names in no_base.items():
        parts.append(label("bm.no_baseline", lang, provinces=wh.province_name(p, lang),
                           indicators=join_words(names, lang)))
    return parts


def brief_missing(wh: Warehouse, comparison: Sequence[dict[str, Any]],
                  coverage: Sequence[dict[str, Any]], pace: Sequence[dict[str, Any]],
                  lang: str) -> list[str]:
    """What the brief cannot compare, said once, one sentence per gap: targets a province does
    not set (or sets for other years, or only in words), indicators without a national target,
    and targets without a baseline (no pace). Empty when nothing is missing."""
    year = int(comparison[0]["year"]) if comparison else 0
    parts = (_missing_targets(wh, comparison, coverage, year, lang)
             + _missing_comparisons(wh, comparison, pace, year, lang))
    return [f"{p[0].upper()}{p[1:]}." for p in parts]
