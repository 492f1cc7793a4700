"""The domain's closed vocabularies: each an enum with its order and its vi/en labels.

A value's kind, a comparator, how a year's value was obtained, an indicator's direction, a
comparison's assessment, a pace status: every module, SQL check (`accepted:` in
sql/schema.yaml) and report reads these from here, so a new term is added in one place.

The members are ``str`` enums: ``Kind.TARGET == "target"``, and they are stored in the
warehouse as their values. Labels are what reports show a reader.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

__all__ = ["TERMS", "Assessment", "BoundKind", "Comparator", "Direction", "Kind", "Method",
           "PaceStatus", "Term", "label", "values"]


class Term(StrEnum):
    """A member of a closed vocabulary: its value, then its labels in Vietnamese and English.

    Members are listed in their order of preference (see each enum's docstring)."""

    label_vi: str
    label_en: str

    def __new__(cls, value: str, label_vi: str = "", label_en: str = "") -> Term:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label_vi = label_vi
        member.label_en = label_en
        return member

    def label(self, lang: str = "en") -> str:
        return self.label_vi if lang == "vi" else self.label_en

    @classmethod
    def order(cls) -> dict[str, int]:
        """Each value's rank, in the order the members are declared."""
        return {m.value: n for n, m in enumerate(cls)}


class Kind(Term):
    """What a value is. Declared in the order a view prefers them for one province ×
    indicator × year: the plan's target, then a milestone, then what was achieved."""

    TARGET = "target", "Mục tiêu", "Target"
    TRAJECTORY = "trajectory", "Lộ trình", "Milestone"
    ACTUAL = "actual", "Thực hiện", "Actual"
    BASELINE = "baseline", "Hiện trạng", "Baseline"


# Values that say what was reached (a pace starts from one of them).
ACHIEVED_KINDS = (Kind.BASELINE.value, Kind.ACTUAL.value)
PLANNED_KINDS = (Kind.TARGET.value, Kind.TRAJECTORY.value)


class Comparator(Term):
    """How a statement bounds its value."""

    EQUAL = "=", "bằng", "equal to"
    BELOW = "<", "dưới", "below"
    AT_MOST = "<=", "không quá", "at most"
    ABOVE = ">", "trên", "above"
    AT_LEAST = ">=", "ít nhất", "at least"
    RANGE = "range", "khoảng", "range"
    RELATIVE = "relative", "thay đổi tương đối", "relative change"


class Method(Term):
    """How a harmonized year's value was obtained; in order of trust."""

    STATED = "stated", "nêu trong kế hoạch", "stated in the plan"
    INTERPOLATED = "interpolated", "nội suy", "interpolated"
    CARRIED_FORWARD = "carried_forward", "giữ nguyên", "carried forward"
    MISSING = "missing", "không có", "none"


class Direction(Term):
    """Which way an indicator improves."""

    HIGHER_IS_BETTER = "higher_is_better", "càng cao càng tốt", "higher is better"
    LOWER_IS_BETTER = "lower_is_better", "càng thấp càng tốt", "lower is better"
    BAND = "band", "trong khoảng khuyến nghị là tốt", "best within a band"
    # a population's make-up (ageing index, sex ratio): told, never better or worse
    DESCRIPTIVE = "descriptive", "chỉ mô tả, không có chiều tốt hơn", "descriptive, no better side"


class BoundKind(Term):
    """The shape of the interval a statement allows."""

    POINT = "point", "giá trị", "value"
    LOWER = "lower", "cận dưới (≥)", "lower bound (≥)"
    UPPER = "upper", "cận trên (≤)", "upper bound (≤)"
    RANGE = "range", "khoảng", "range"


class Assessment(Term):
    """A provincial value against the national benchmark of its year."""

    AHEAD = "ahead of national", "tham vọng hơn quốc gia", "more ambitious than national"
    LEVEL = "level with national", "ngang mục tiêu quốc gia", "level with national"
    BEHIND = "behind national", "thấp hơn mục tiêu quốc gia", "below the national target"
    WITHIN_BAND = "within band", "trong khoảng khuyến nghị", "within the recommended band"
    CLOSER_TO_BAND = ("closer to band", "gần khoảng khuyến nghị hơn",
                      "closer to the band")
    AS_CLOSE_TO_BAND = "as close to band as national", "như quốc gia", "as close as national"
    FARTHER_FROM_BAND = ("farther from band", "xa khoảng khuyến nghị hơn",
                         "farther from the band")
    NOT_ASSESSED = ("not assessed", "không đánh giá (chỉ số mô tả)",
                    "not assessed (a descriptive indicator)")
    NO_NATIONAL = "no national value", "không có mục tiêu quốc gia", "no national target"
    NO_PROVINCIAL = "no provincial value", "tỉnh không đặt mục tiêu", "no provincial target"


# Assessments that mean "as good as the national target, no better".
LEVEL_ASSESSMENTS = (Assessment.LEVEL.value, Assessment.WITHIN_BAND.value,
                     Assessment.AS_CLOSE_TO_BAND.value)


class PaceStatus(Term):
    """Whether a plan's yearly pace could be computed, and if not why."""

    OK = "ok", "tính được", "computed"
    NO_BASELINE = "no baseline stated", "không nêu hiện trạng", "no baseline stated"
    NO_TARGET = "no target stated", "không nêu mục tiêu", "no target stated"
    TARGET_NOT_AFTER_BASELINE = ("target not after baseline",
                                 "năm mục tiêu không sau năm hiện trạng",
                                 "target not after baseline")


# The vocabularies by name, as sql/schema.yaml's `accepted:` refers to them.
TERMS: dict[str, type[Term]] = {t.__name__: t for t in (
    Kind, Comparator, Method, Direction, BoundKind, Assessment, PaceStatus)}


def values(term: type[Term]) -> tuple[str, ...]:
    """The values of a vocabulary, in its order."""
    return tuple(m.value for m in term)


def label(value: Any, lang: str = "en") -> str | None:
    """The label of a term's value in any vocabulary (None when it is no term's value)."""
    for term in TERMS.values():
        try:
            return term(value).label(lang)
        except ValueError:
            continue
    return None
