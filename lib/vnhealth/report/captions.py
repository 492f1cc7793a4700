"""What each chart finds, in a sentence or two (its caption), every number taken from the rows
it draws: where the provinces stand against the national targets (:func:`levels_caption`),
each province's largest shortfall (:func:`gaps_caption`), the largest step from baseline to target
(:func:`lines_caption`), which plans must move faster than the country (:func:`paces_caption`),
how many national indicators each province covers (:func:`coverage_caption`) and where a
province's last milestones stand (:func:`trajectories_caption`). A reader who cannot see the
chart reads the same finding; so does one who can, before looking."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from vnhealth.inputs.terms import LEVEL_ASSESSMENTS, Assessment, Direction
from vnhealth.report.data import Warehouse
from vnhealth.report.formatting import fmt_change, fmt_number, fmt_value, isna, join_words
from vnhealth.report.labels import label

# Findings name indicators in running text; English names are lower-cased there, except
# these words, which keep their capitals.
_KEEP_CAPS = ("EPI",)
NAMED = 3  # indicators named in a caption's list before "…"
_SAME = 0.05  # a pace within 5 % of the national pace is the national pace


def running_name(wh: Warehouse, indicator_id: str, lang: str) -> str:
    """An indicator's name inside a sentence: lower-cased first letter."""
    name = wh.indicator_name(indicator_id, lang)
    if not name:
        return indicator_id
    if lang == "en" and any(w in name.split()[0] for w in _KEEP_CAPS):
        return name
    return name[0].lower() + name[1:]


def _names(items: Sequence[str], lang: str) -> str:
    """Up to :data:`NAMED` items joined, "…" for the rest."""
    if len(items) > NAMED:
        return ", ".join(items[:NAMED]) + ", …"
    return join_words(list(items), lang)


def verdict(row: Mapping[str, Any]) -> str:
    """``better``, ``level`` or ``worse`` than the national target ("" when not compared)."""
    if isna(row.get("ahead")) or row.get("assessment") in (Assessment.NO_NATIONAL,
                                                           Assessment.NO_PROVINCIAL):
        return ""
    if row.get("assessment") in LEVEL_ASSESSMENTS:
        return "level"
    return "better" if bool(row["ahead"]) else "worse"


def _standing(wh: Warehouse, verdicts: Sequence[tuple[str, str]], lang: str) -> str:
    """``kém hơn ở 2 chỉ tiêu (…), ngang ở 2`` from (indicator, verdict) pairs."""
    parts = []
    for word in ("worse", "level", "better"):
        mine = [running_name(wh, ind, lang) for ind, v in verdicts if v == word]
        if mine:
            key = "cap.level" if word == "level" else f"cap.{word}"
            parts.append(label(key, lang, n=len(mine), names=_names(mine, lang)))
    return ", ".join(parts)


def levels_caption(wh: Warehouse, table: Sequence[Mapping[str, Any]], lang: str) -> str:
    """Each province against the national targets: on how many indicators (named) it is
    behind, level, ahead; a province with nothing to compare said so."""
    out = []
    for p in dict.fromkeys(r["province_id"] for r in table):
        name = wh.province_name(p, lang)
        verdicts = [(r["indicator_id"], verdict(r)) for r in table if r["province_id"] == p]
        if any(v for _i, v in verdicts):
            out.append(label("cap.standing", lang, province=name,
                             standing=_standing(wh, verdicts, lang)))
        else:
            out.append(label("cap.nothing", lang, province=name))
    return " ".join(out) if out else label("none_found", lang)


def _relative(r: Mapping[str, Any]) -> float:
    """A row's gap as a share of the national target (missing: no shortfall)."""
    return math.inf if isna(r.get("relative_pct")) else float(r["relative_pct"])


def gaps_caption(wh: Warehouse, table: Sequence[Mapping[str, Any]], lang: str) -> str:
    """Each province's largest shortfall against the national target (as a share of it), in
    the indicator's unit; or that it falls short nowhere."""
    items = []
    for p in dict.fromkeys(r["province_id"] for r in table):
        rows = [r for r in table if r["province_id"] == p and verdict(r)]
        if not rows:
            continue
        worst = min(rows, key=_relative)
        name = wh.province_name(p, lang)
        if verdict(worst) != "worse":
            items.append(label("cap.gap_none", lang, province=name))
            continue
        items.append(label("cap.gap_item", lang, province=name,
                           indicator=running_name(wh, worst["indicator_id"], lang),
                           gap=fmt_change(worst["better_by"], worst["unit"], lang)))
    if not items:
        return label("none_found", lang)
    return label("cap.gaps", lang, items="; ".join(items))


def _step(r: Mapping[str, Any]) -> float:
    """How far a target is from its baseline, a share of the baseline."""
    base = float(r["baseline_value"])
    return abs(float(r["target_value"]) - base) / (abs(base) or 1.0)


def _stated(t: Mapping[str, Any], unit: Any, lang: str) -> str:
    return fmt_value(t["value"], t.get("comparator"), t.get("value_high"), unit, lang,
                     value_low=t.get("value_low"))


def lines_caption(wh: Warehouse, pace: Sequence[Mapping[str, Any]],
                  comparison: Sequence[Mapping[str, Any]],
                  targets: Mapping[tuple[str, str, int], Mapping[str, Any]], lang: str) -> str:
    """Per province with a baseline and a target: on how many indicators, and the largest
    step (a share of its baseline) from where it stands to where it aims, the target as stated
    (``targets``); then the provinces whose plans state no baseline."""
    rows = [r for r in pace if not isna(r["baseline_value"]) and not isna(r["target_value"])]
    out = []
    for p in dict.fromkeys(r["province_id"] for r in rows):
        mine = [r for r in rows if r["province_id"] == p]
        top = max(mine, key=_step)
        unit = wh.unit_of(top["indicator_id"])
        target = targets.get((p, top["indicator_id"], int(top["target_year"]))) or {
            "value": top["target_value"], "comparator": top.get("target_comparator")}
        out.append(label(
            "cap.lines", lang, province=wh.province_name(p, lang), n=len(mine),
            indicator=running_name(wh, top["indicator_id"], lang),
            start=fmt_value(top["baseline_value"], None, None, unit, lang),
            end=_stated(target, unit, lang), y0=int(top["baseline_year"]),
            y1=int(top["target_year"])))
    without = [wh.province_name(p, lang) for p in dict.fromkeys(
        r["province_id"] for r in comparison) if p not in {r["province_id"] for r in rows}]
    if without:
        out.append(label("cap.no_baseline", lang, provinces=join_words(without, lang)))
    return " ".join(out) if out else label("none_found", lang)


def _pace_group(ratio: float) -> str:
    if ratio < 0:
        return "opposite"
    if math.isclose(ratio, 1.0, rel_tol=_SAME):
        return "same"
    return "faster" if ratio > 1 else "slower"


def paces_caption(wh: Warehouse, pace: Sequence[Mapping[str, Any]], lang: str) -> str:
    """The plans that must move faster than the national pace (and how many times), then
    those about as fast, slower, or the other way."""
    groups: dict[str, list[str]] = {}
    for r in sorted((r for r in pace if not isna(r.get("pace_ratio"))),
                    key=lambda r: -float(r["pace_ratio"])):
        item = (f"{wh.province_name(r['province_id'], lang)} – "
                f"{running_name(wh, r['indicator_id'], lang)} "
                f"(×{fmt_number(r['pace_ratio'], lang, 1)})")
        groups.setdefault(_pace_group(float(r["pace_ratio"])), []).append(item)
    if not groups:
        return label("no_national_pace", lang)
    return " ".join(label(f"cap.pace_{g}", lang, items="; ".join(groups[g][:4])
                          + ("; …" if len(groups[g]) > 4 else ""))
                    for g in ("faster", "same", "slower", "opposite") if g in groups)


def coverage_caption(wh: Warehouse, coverage: Sequence[Mapping[str, Any]], year: int,
                     lang: str) -> str:
    """How many national indicators each province sets a target for in ``year``."""
    counts = {}
    for p in dict.fromkeys(r["province_id"] for r in coverage):
        mine = [r for r in coverage if r["province_id"] == p]
        counts[wh.province_name(p, lang)] = (sum(r["status"] == "covered" for r in mine),
                                             len(mine))
    if not counts:
        return label("none_found", lang)
    return label("cap.coverage", lang, year=year, total=max(t for _n, t in counts.values()),
                 counts=", ".join(f"{name} {n}" for name, (n, _t) in counts.items()))


def _against_national(wh: Warehouse, last: Mapping[str, Any]) -> str:
    """Whether a milestone is better, level with or worse than the national target of its
    year ("" without one, or for an indicator best within a band or only descriptive)."""
    bench = wh.benchmarks.get((last["indicator_id"], int(last["year"])))
    direction = wh.direction(last["indicator_id"])
    if bench is None or isna(bench.get("national_value")) \
            or direction in (Direction.BAND, Direction.DESCRIPTIVE):
        return ""
    diff = float(last["value"]) - float(bench["national_value"])
    if math.isclose(diff, 0.0, abs_tol=1e-9):
        return "level"
    higher = direction == Direction.HIGHER_IS_BETTER
    return "better" if (diff > 0) == higher else "worse"


def trajectories_caption(wh: Warehouse, province_id: str,
                         paths: Mapping[str, Sequence[Mapping[str, Any]]], lang: str) -> str:
    """How many indicators the province sets milestones for, over which years, and where the
    last milestone of each stands against the national target of its year."""
    if not paths:
        return label("none_found", lang)
    years = [int(x["year"]) for path in paths.values() for x in path]
    out = [label("cap.paths", lang, province=wh.province_name(province_id, lang),
                 n=len(paths), y0=min(years), y1=max(years))]
    lasts = [max(path, key=lambda x: int(x["year"])) for path in paths.values()]
    verdicts = [(x["indicator_id"], _against_national(wh, x)) for x in lasts]
    if any(v for _i, v in verdicts):
        out.append(label("cap.paths_national", lang, standing=_standing(wh, verdicts, lang)))
    return " ".join(out)
