"""The 2025 reorganization of provinces: each province's lineage and the note a comparison
across it needs, in English or Vietnamese.

Plain Python over the rows of the ``provinces`` table (dicts), so that report kernels use it
without loading pandas; :func:`vnhealth.harmonize.frames.province_lineage` and
:func:`vnhealth.harmonize.frames.reform_note` are the DataFrame faces of the same functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

__all__ = ["lineage", "note"]


def _as_date(when: Any) -> date | None:
    if when is None or isinstance(when, float):  # NaN from a frame
        return None
    if isinstance(when, datetime):
        return when.date()
    if isinstance(when, date):
        return when
    if hasattr(when, "date"):  # pandas Timestamp
        return when.date()
    return date.fromisoformat(str(when)[:10])


def lineage(provinces: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Each province's change in the 2025 reform, from rows of the ``provinces`` table.

    Adds ``change`` (``merged``, ``renamed``, ``new`` or ``unchanged``), ``effective_on`` (the
    row's ``effective_on`` as a date: 1 July 2025 for the reorganization, 1 January 2025 for
    Thừa Thiên Huế in data/catalog/provinces.csv), ``same_territory`` (True for a rename or no
    change), ``predecessor_ids`` and ``merged_with`` (comma-joined ids). A changed province
    without ``effective_on`` is a ValueError naming it.

    >>> rows = lineage([
    ...     {"province_id": "lao_cai", "status_2025": "merged", "successor_id": "lao_cai_2025",
    ...      "effective_on": "2025-07-01"},
    ...     {"province_id": "yen_bai", "status_2025": "merged", "successor_id": "lao_cai_2025",
    ...      "effective_on": "2025-07-01"},
    ...     {"province_id": "lao_cai_2025", "status_2025": "new", "successor_id": None,
    ...      "effective_on": "2025-07-01"}])
    >>> rows[2]["change"], rows[2]["predecessor_ids"], rows[0]["merged_with"]
    ('new', 'lao_cai,yen_bai', 'yen_bai')
    >>> rows[0]["effective_on"]
    datetime.date(2025, 7, 1)
    """
    recs = [dict(r) for r in provinces]
    by_id = {r["province_id"]: r for r in recs}
    preds: dict[str, list[str]] = {}
    for r in recs:
        if r.get("successor_id"):
            preds.setdefault(r["successor_id"], []).append(r["province_id"])
    rows = []
    for r in recs:
        pid, succ = r["province_id"], r.get("successor_id")
        mine = preds.get(pid, [])
        if succ:
            siblings = [p for p in preds.get(succ, []) if p != pid]
            change = "renamed" if not siblings and r.get("status_2025") == "renamed" else "merged"
        elif mine:
            change = "new"
        else:
            change = "unchanged"
        when = _as_date(r.get("effective_on"))
        if when is None and change != "unchanged":
            raise ValueError(f"province {pid!r} changed in the 2025 reform ({change}) but has no "
                             "effective_on date (data/catalog/provinces.csv)")
        renamed_new = change == "new" and all(
            by_id.get(p, {}).get("status_2025") == "renamed" for p in mine) and len(mine) == 1
        rows.append({
            **r, "change": change, "effective_on": when,
            "same_territory": change in ("unchanged", "renamed") or renamed_new,
            "predecessor_ids": ",".join(mine) if mine else None,
            "merged_with": ",".join(p for p in preds.get(succ, []) if p != pid)
            if change == "merged" else None,
        })
    return rows


def _side(year: int, when: date) -> str:
    if year < when.year:
        return "before"
    if year > when.year or (when.month, when.day) == (1, 1):
        return "after"
    return "straddles"


def _short_name(name: Any) -> str:
    # "Lào Cai (từ 01/7/2025)" → "Lào Cai": the qualifier is for tables, not for sentences.
    return str(name).split(" (")[0]


# The notes, by kind of change; {name} is the province, {on} the date, {others} the provinces
# on the other side of the change.
_NOTES = {
    "en": {
        "merged": "{name} merged with {others} on {on}: figures before this date describe the "
                  "old province",
        "renamed": "{name} was renamed {others} on {on}: renamed, same territory; figures "
                   "remain comparable",
        "new_same": "{name} was {others} until {on}: renamed, same territory; figures remain "
                    "comparable",
        "new": "{name} was formed on {on} from {others}: figures before this date describe the "
               "former provinces",
        "and": " and ",
    },
    "vi": {
        "merged": "{name} hợp nhất với {others} từ {on}: số liệu trước thời điểm này chỉ thuộc "
                  "địa giới tỉnh cũ",
        "renamed": "{name} trở thành {others} từ {on}: đổi tên, giữ nguyên địa giới; số liệu "
                   "vẫn so sánh được",
        "new_same": "{name} là {others} đến {on}: đổi tên, giữ nguyên địa giới; số liệu vẫn so "
                    "sánh được",
        "new": "{name} được thành lập từ {on} trên cơ sở {others}: số liệu trước thời điểm này "
               "thuộc các tỉnh cũ",
        "and": " và ",
    },
}


def _date_text(when: date, lang: str) -> str:
    if lang == "vi":
        return f"{when.day:02d}/{when.month:02d}/{when.year}"
    return f"{when.day} {when:%B} {when.year}"


def note(province_id: str, year_a: int, year_b: int, lineage_rows: Iterable[Mapping[str, Any]],
         lang: str = "en") -> str | None:
    """A note for comparing a province's figures of two years across the 2025 reform, else None.

    A year before the change describes the old province, a year after it the new one, and the
    year of a mid-year change (Lào Cai, 2025) straddles both; a comparison is noted when the two
    years do not lie on one side. A rename keeps the territory and says so. ``lineage_rows``
    comes from :func:`lineage`; names are the Vietnamese ones (``name_vi``).

    >>> rows = lineage([
    ...     {"province_id": "lao_cai", "name_vi": "Lào Cai", "status_2025": "merged",
    ...      "successor_id": "lao_cai_2025", "effective_on": "2025-07-01"},
    ...     {"province_id": "yen_bai", "name_vi": "Yên Bái", "status_2025": "merged",
    ...      "successor_id": "lao_cai_2025", "effective_on": "2025-07-01"},
    ...     {"province_id": "lao_cai_2025", "name_vi": "Lào Cai (từ 01/7/2025)",
    ...      "status_2025": "new", "successor_id": None, "effective_on": "2025-07-01"}])
    >>> print(note("lao_cai", 2024, 2030, rows))
    Lào Cai merged with Yên Bái on 1 July 2025: figures before this date describe the old province
    >>> print(note("lao_cai", 2024, 2030, rows, "vi"))  # doctest: +ELLIPSIS
    Lào Cai hợp nhất với Yên Bái từ 01/07/2025: số liệu trước thời điểm này ...
    >>> note("lao_cai", 2020, 2024, rows) is None
    True
    """
    by_id = {r["province_id"]: r for r in lineage_rows}
    if province_id not in by_id:
        raise ValueError(f"unknown province {province_id!r}; known: {sorted(by_id)}")
    me = by_id[province_id]
    when = me["effective_on"]
    if me["change"] == "unchanged" or when is None:
        return None
    sides = {_side(int(year_a), when), _side(int(year_b), when)}
    if len(sides) == 1 and "straddles" not in sides:
        return None
    texts = _NOTES["vi" if lang == "vi" else "en"]

    def name_of(pid: str | None) -> str:
        return _short_name(by_id.get(pid or "", {}).get("name_vi") or pid)

    def names(ids: str | None) -> str:
        return texts["and"].join(name_of(i) for i in (ids or "").split(",") if i)

    change = me["change"]
    if change == "merged":
        others = names(me["merged_with"]) or name_of(me["successor_id"])
    elif change == "renamed":
        others = name_of(me["successor_id"])
    else:
        others = names(me["predecessor_ids"])
        change = "new_same" if me["same_territory"] else "new"
    return texts[change].format(name=name_of(province_id), others=others,
                                on=_date_text(when, lang))
