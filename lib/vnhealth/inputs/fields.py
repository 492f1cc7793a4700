"""Declarative field checks for the build's input files (manifest, catalogue, reference CSVs).

Each input record (a YAML mapping or a CSV row) is described by a table of `Field`s: name,
`Kind` (what values are valid, and how to say so), required or optional. `check_record` checks
a record against its table and returns the values, converted; every refusal has one shape:

    FILE:LINE: <record>: field X: got Y; expected Z

so each rule lives in one place, the table, and the messages cannot drift apart.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from vnhealth.inputs.errors import InputError

YEARS = (1945, 2100)  # the years a plan, target or statistic may be about (as numbers.is_year)


class Refused(ValueError):
    """A value is not of its field's kind (caught by check_value, which adds where). Its
    message, when given, says which part of the value is wrong (`item 2 is ...`)."""


def shown_value(value: Any) -> str:
    """A value as the messages show it: its YAML type in words, then its (short) repr."""
    words = {bool: "a boolean", int: "a number", float: "a number", str: "text",
             list: "a list", dict: "a mapping", type(None): "nothing (null)"}
    kind = next((w for t, w in words.items() if type(value) is t), None)
    if kind is None:
        kind = "a mapping" if isinstance(value, dict) else type(value).__name__
    if value is None:
        return kind
    text = repr(_plain(value))
    return f"{kind} {text[:77] + '...' if len(text) > 80 else text}"


def _plain(value: Any) -> Any:
    """`value` without the loader's `__line__` bookkeeping."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != "__line__"}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Kind:
    """What a field accepts. `accept` returns the value converted, or raises Refused;
    `cell` turns a CSV cell's text into the value `accept` is given (text by default)."""

    expected: str
    accept: Callable[[Any], Any]
    cell: Callable[[str], Any] = str


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool = True


def _text(value: Any) -> str:
    # A YAML scalar like `no`, `2024` or `1.5` is not text: quoting it is the fix.
    if not isinstance(value, str) or not value.strip():
        raise Refused
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise Refused
    return float(value)


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Refused
    return value


def _cell_number(text: str) -> Any:
    # "75,5" (a decimal comma) is refused: only a point is unambiguous in a CSV.
    if not re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", text):
        return text
    return float(text) if "." in text else int(text)


def _between(low: float, high: float, base: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def accept(value: Any) -> Any:
        v = base(value)
        if not low <= v <= high:
            raise Refused
        return v
    return accept


def _list_of(item: Callable[[Any], Any]) -> Callable[[Any], tuple[Any, ...]]:
    def accept(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list) or not value:
            raise Refused
        out = []
        for n, v in enumerate(value, start=1):
            try:
                out.append(item(v))
            except (Refused, TypeError, ValueError):
                raise Refused(f"item {n} is {shown_value(v)}") from None
        return tuple(out)
    return accept


def _pair(value: Any) -> tuple[float, float]:
    if not isinstance(value, list) or len(value) != 2:
        raise Refused
    low, high = _number(value[0]), _number(value[1])
    if low > high:
        raise Refused
    return low, high


def _iso_date(value: Any) -> str:
    # YAML reads an unquoted 2026-03-23 as a date; a quoted one stays text.
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(_text(value)).isoformat()
    except ValueError:
        raise Refused from None


def _mapping(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Refused
    return value


def pattern(regex: str, expected: str) -> Kind:
    def accept(value: Any) -> str:
        if not re.fullmatch(regex, _text(value)):
            raise Refused
        return value
    return Kind(expected, accept)


def choice(options: Sequence[str]) -> Kind:
    def accept(value: Any) -> str:
        if value not in options or not isinstance(value, str):
            raise Refused
        return value
    return Kind(f"one of {', '.join(options)}", accept)


TEXT = Kind("non-empty text (quote it if YAML reads it as a number, date or yes/no)", _text)
TEXTS = Kind("a non-empty list of non-empty texts, e.g. [phrase one, phrase two]",
             _list_of(_text))
NUMBER = Kind("a number, with a decimal point (75.5)", _number, _cell_number)
POSITIVE = Kind("a positive number", _between(math.ulp(0.0), math.inf, _number))
YEAR = Kind(f"a year {YEARS[0]}–{YEARS[1]}", _between(*YEARS, _integer), _cell_number)
LINE = Kind("a line number (a whole number ≥ 1)", _between(1, math.inf, _integer))
PAIR = Kind("a list of two numbers [low, high] with low ≤ high", _pair)
DATE = Kind("a date YYYY-MM-DD", _iso_date)
MAPPING = Kind("a mapping (key: value lines)", _mapping)
SHA256 = pattern(r"[0-9a-fA-F]{64}", "64 hexadecimal characters (the sha256 of the file)")
ID = pattern(r"[a-z0-9][a-z0-9_]*", "an id of lower-case letters, digits and _ (snake_case)")


def check_record(item: Any, fields: Sequence[Field], shown: Path, what: str,
                 line: int | None = None) -> dict[str, Any]:
    """The values of mapping `item`, checked against `fields` and converted; optional fields
    that are absent or null are None. Unknown keys are refused (a misspelt optional field
    would otherwise be silently ignored). Errors point at the field's own line when the YAML
    loader recorded it, else at the record's `__line__`, else at `line`."""
    if isinstance(item, dict) and item.get("__line__"):
        line = item["__line__"]
    if not isinstance(item, dict):
        raise InputError(f"{what}: got {shown_value(item)}; expected a mapping with fields "
                         f"{', '.join(f.name for f in fields)}", path=shown, line=line)
    if isinstance(item.get("id"), str):
        what = f"{what} {item['id']}"  # the record's id says which one, whatever its line
    names = {f.name for f in fields}
    unknown = [k for k in item if k not in names and k != "__line__"]
    if unknown:
        raise InputError(f"{what}: unknown field {unknown[0]!r}; expected fields: "
                         f"{', '.join(f.name for f in fields)}", path=shown,
                         line=key_line(item, unknown[0], line))
    out: dict[str, Any] = {}
    for f in fields:
        value = item.get(f.name)
        if value is None or value == "" and not f.required:
            if f.required:
                raise InputError(f"{what}: field {f.name} is missing; expected {f.kind.expected}"
                                 f" (required: {', '.join(x.name for x in fields if x.required)})",
                                 path=shown, line=line)
            out[f.name] = None
            continue
        out[f.name] = check_value(value, f.kind, shown, f"{what}: field {f.name}",
                                  key_line(item, f.name, line))
    return out


def check_value(value: Any, kind: Kind, shown: Path, where: str, line: int | None) -> Any:
    """`value` accepted by `kind`, or an InputError `where: got Y; expected Z`."""
    try:
        return kind.accept(value)
    except (Refused, TypeError, ValueError) as exc:
        part = f" ({exc})" if isinstance(exc, Refused) and str(exc) else ""
        raise InputError(f"{where}: got {shown_value(value)}{part}; expected {kind.expected}",
                         path=shown, line=line) from None


def key_line(item: Mapping[str, Any], key: str, default: int | None) -> int | None:
    """The line of `key` in a mapping read by the line-tracking loader, else `default`."""
    lines = getattr(item, "key_lines", None) or {}
    return lines.get(key, default)


def check_row(row: Sequence[str], fields: Sequence[Field], shown: Path, line: int
              ) -> dict[str, Any]:
    """A CSV row checked against `fields` (its columns, in order); empty cells are null."""
    if len(row) != len(fields):
        hint = (" (a decimal comma, like 75,5, splits a cell in two: write 75.5)"
                if len(row) > len(fields) else "")
        raise InputError(f"row has {len(row)} columns; expected {len(fields)} "
                         f"({','.join(f.name for f in fields)}){hint}", path=shown, line=line)
    item = {f.name: (f.kind.cell(cell) if cell.strip() else None)
            for f, cell in zip(fields, row, strict=True)}
    return check_record(item, fields, shown, "row", line)
