"""Load and validate the catalogue in data/catalog/ and the manifest in data/raw/.

Every problem is reported with the file and line it comes from and what would be valid.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from vnhealth.errors import InputError
from vnhealth.paths import ProjectPaths

DIRECTIONS = ("higher_is_better", "lower_is_better", "band")
KINDS = ("target", "baseline", "actual", "trajectory")
COMPARATORS = ("=", "<", "<=", ">", ">=", "range", "relative")
LEDGER_ACTIONS = ("add", "correct", "reject")


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster


class _LineLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """A YAML loader that remembers the line of every mapping as the key `__line__`."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_input_text(path: Path, shown: Path) -> str:
    """The text of a required input file, or an InputError naming it."""
    if not path.exists():
        raise InputError("file not found; the build needs it", path=shown)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        bad_line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise InputError(f"not valid UTF-8 ({exc.reason})", path=shown, line=bad_line) from exc


def read_yaml(path: Path, shown: Path) -> Any:
    """Parse a YAML file; mappings carry `__line__`. Errors name the file and line."""
    text = read_input_text(path, shown)
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(f"malformed YAML: {problem}", path=shown, line=line) from exc


def _require(item: dict[str, Any], keys: tuple[str, ...], shown: Path, what: str) -> None:
    missing = [k for k in keys if item.get(k) in (None, "")]
    if missing:
        raise InputError(
            f"{what} is missing {', '.join(missing)} (required: {', '.join(keys)})",
            path=shown,
            line=item.get("__line__"),
        )


@dataclass(frozen=True)
class Unit:
    id: str
    dimension: str
    per: float
    phrases: tuple[str, ...]
    label_vi: str
    label_en: str


@dataclass(frozen=True)
class Indicator:
    id: str
    name_vi: str
    name_en: str
    domain: str
    unit: str
    direction: str
    aliases: tuple[str, ...]
    band: tuple[float, float] | None = None
    plausible: tuple[float, float] | None = None
    subgroup: str | None = None


@dataclass(frozen=True)
class Province:
    id: str
    gso_code: str | None
    name_vi: str
    name_en: str
    status_2025: str
    successor_id: str | None
    effective_on: str | None  # ISO date the 2025 change took effect (None: unchanged)
    note: str


@dataclass(frozen=True)
class Document:
    id: str
    province_id: str
    title: str
    doc_number: str | None
    issuer: str | None
    issued_on: str | None
    issued_text: str | None
    period_start: int
    period_end: int
    file: str
    sha256: str
    manifest_line: int


@dataclass(frozen=True)
class LedgerEntry:
    action: str
    doc_id: str
    line: int
    indicator_id: str
    reason: str
    fields: dict[str, Any]
    match: dict[str, Any]
    ledger_line: int


@dataclass(frozen=True)
class QualitativeTarget:
    id: str
    name_vi: str
    name_en: str
    phrases: tuple[str, ...]


@dataclass
class Catalog:
    units: dict[str, Unit]
    indicators: list[Indicator]
    provinces: dict[str, Province]
    subgroups: dict[str, str]
    vocabulary: dict[str, Any]
    ledger: list[LedgerEntry]
    qualitative: list[QualitativeTarget]
    files: dict[str, bytes] = field(default_factory=dict)

    def indicator(self, indicator_id: str) -> Indicator:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)


def _as_pair(value: Any, shown: Path, line: int | None, what: str) -> tuple[float, float] | None:
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 2):
        raise InputError(f"{what} must be a list of two numbers [low, high]", path=shown, line=line)
    try:
        return float(value[0]), float(value[1])
    except (TypeError, ValueError) as exc:
        raise InputError(f"{what} must hold numbers, got {value!r}", path=shown, line=line) from exc


def load_units(path: Path, shown: Path) -> dict[str, Unit]:
    data = read_yaml(path, shown)
    if not isinstance(data, dict) or not isinstance(data.get("units"), dict):
        raise InputError("expected a mapping `units:` of unit id → definition", path=shown)
    units: dict[str, Unit] = {}
    for unit_id, spec in data["units"].items():
        if unit_id == "__line__":
            continue
        if not isinstance(spec, dict):
            raise InputError(f"unit {unit_id!r} must be a mapping", path=shown)
        _require(spec, ("dimension", "per", "phrases"), shown, f"unit {unit_id!r}")
        units[unit_id] = Unit(
            id=unit_id,
            dimension=str(spec["dimension"]),
            per=float(spec["per"]),
            phrases=tuple(str(p) for p in spec["phrases"]),
            label_vi=str(spec.get("label_vi", unit_id)),
            label_en=str(spec.get("label_en", unit_id)),
        )
    return units


def load_indicators(path: Path, shown: Path, units: dict[str, Unit]) -> list[Indicator]:
    data = read_yaml(path, shown)
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
        raise InputError("expected a list `indicators:`", path=shown)
    seen: set[str] = set()
    out: list[Indicator] = []
    for item in data["indicators"]:
        if not isinstance(item, dict):
            raise InputError("each indicator must be a mapping", path=shown)
        line = item.get("__line__")
        _require(
            item, ("id", "name_vi", "name_en", "domain", "unit", "direction", "aliases"), shown,
            "indicator",
        )
        ind_id = str(item["id"])
        if ind_id in seen:
            raise InputError(f"duplicate indicator id {ind_id!r}", path=shown, line=line)
        seen.add(ind_id)
        if item["unit"] not in units:
            raise InputError(
                f"indicator {ind_id!r} has unit {item['unit']!r}, not in units.yaml "
                f"(known: {', '.join(sorted(units))})",
                path=shown, line=line,
            )
        if item["direction"] not in DIRECTIONS:
            raise InputError(
                f"indicator {ind_id!r} has direction {item['direction']!r} "
                f"(valid: {', '.join(DIRECTIONS)})",
                path=shown, line=line,
            )
        band = _as_pair(item.get("band"), shown, line, "band")
        if item["direction"] == "band" and band is None:
            raise InputError(f"indicator {ind_id!r} is a band: give `band: [low, high]`",
                             path=shown, line=line)
        out.append(
            Indicator(
                id=ind_id,
                name_vi=str(item["name_vi"]),
                name_en=str(item["name_en"]),
                domain=str(item["domain"]),
                unit=str(item["unit"]),
                direction=str(item["direction"]),
                aliases=tuple(str(a) for a in item["aliases"]),
                band=band,
                plausible=_as_pair(item.get("plausible"), shown, line, "plausible"),
                subgroup=item.get("subgroup"),
            )
        )
    return out


PROVINCE_COLUMNS = ("province_id", "gso_code", "name_vi", "name_en", "status_2025",
                    "successor_id", "effective_on", "note")
PROVINCE_STATUSES = ("unchanged", "merged", "renamed", "new")


def load_provinces(path: Path, shown: Path) -> dict[str, Province]:
    text = read_input_text(path, shown)
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or tuple(rows[0]) != PROVINCE_COLUMNS:
        raise InputError(f"header must be {','.join(PROVINCE_COLUMNS)}", path=shown, line=1)
    provinces: dict[str, Province] = {}
    for line_no, row in enumerate(rows[1:], start=2):
        if not row:
            continue
        if len(row) != len(PROVINCE_COLUMNS):
            raise InputError(
                f"row has {len(row)} columns, expected {len(PROVINCE_COLUMNS)} "
                f"({','.join(PROVINCE_COLUMNS)})",
                path=shown, line=line_no,
            )
        rec = dict(zip(PROVINCE_COLUMNS, row, strict=True))
        if not rec["province_id"] or not rec["name_vi"]:
            raise InputError("province_id and name_vi are required", path=shown, line=line_no)
        if rec["province_id"] in provinces:
            raise InputError(f"duplicate province_id {rec['province_id']!r}", path=shown,
                             line=line_no)
        if rec["status_2025"] not in PROVINCE_STATUSES:
            raise InputError(f"status_2025 {rec['status_2025']!r} is not one of "
                             f"{', '.join(PROVINCE_STATUSES)}", path=shown, line=line_no)
        if rec["status_2025"] != "unchanged" or rec["effective_on"]:
            try:
                date.fromisoformat(rec["effective_on"])
            except ValueError:
                raise InputError(
                    f"effective_on {rec['effective_on']!r} is not a date YYYY-MM-DD (required "
                    f"when status_2025 is {rec['status_2025']!r}: the day the change took "
                    "effect)", path=shown, line=line_no) from None
        provinces[rec["province_id"]] = Province(
            id=rec["province_id"],
            gso_code=rec["gso_code"] or None,
            name_vi=rec["name_vi"],
            name_en=rec["name_en"],
            status_2025=rec["status_2025"],
            successor_id=rec["successor_id"] or None,
            effective_on=rec["effective_on"] or None,
            note=rec["note"],
        )
    for prov in provinces.values():
        if prov.successor_id and prov.successor_id not in provinces:
            raise InputError(
                f"province {prov.id!r} names successor {prov.successor_id!r}, which is not listed",
                path=shown,
            )
    return provinces


def load_ledger(path: Path, shown: Path, indicator_ids: set[str]) -> list[LedgerEntry]:
    data = read_yaml(path, shown)
    entries = (data or {}).get("entries") or []
    if not isinstance(entries, list):
        raise InputError("expected a list `entries:`", path=shown)
    out: list[LedgerEntry] = []
    for item in entries:
        line = item.get("__line__") if isinstance(item, dict) else None
        if not isinstance(item, dict):
            raise InputError("each ledger entry must be a mapping", path=shown, line=line)
        _require(item, ("action", "doc_id", "line", "indicator_id", "reason"), shown,
                 "ledger entry")
        if item["action"] not in LEDGER_ACTIONS:
            raise InputError(f"action {item['action']!r} is not one of {', '.join(LEDGER_ACTIONS)}",
                             path=shown, line=line)
        if item["indicator_id"] not in indicator_ids:
            raise InputError(f"unknown indicator_id {item['indicator_id']!r}", path=shown,
                             line=line)
        fields = {k: v for k, v in item.items()
                  if k not in ("action", "doc_id", "line", "indicator_id", "reason", "match",
                               "__line__")}
        match = dict(item.get("match") or {})
        match.pop("__line__", None)
        if item["action"] == "add":
            _require(item, ("kind", "year", "comparator", "value", "unit"), shown, "ledger `add`")
        for key in ("kind", "comparator"):
            allowed = KINDS if key == "kind" else COMPARATORS
            if key in fields and fields[key] not in allowed:
                raise InputError(f"{key} {fields[key]!r} is not one of {', '.join(allowed)}",
                                 path=shown, line=line)
        out.append(LedgerEntry(
            action=item["action"], doc_id=str(item["doc_id"]), line=int(item["line"]),
            indicator_id=str(item["indicator_id"]), reason=str(item["reason"]), fields=fields,
            match=match, ledger_line=line or 0,
        ))
    return out


def load_qualitative(path: Path, shown: Path) -> list[QualitativeTarget]:
    data = read_yaml(path, shown)
    items = (data or {}).get("targets") or []
    out = []
    for item in items:
        _require(item, ("id", "name_vi", "name_en", "phrases"), shown, "qualitative target")
        out.append(QualitativeTarget(id=item["id"], name_vi=item["name_vi"],
                                     name_en=item["name_en"],
                                     phrases=tuple(item["phrases"])))
    return out


CATALOG_FILES = ("units.yaml", "indicators.yaml", "provinces.csv", "subgroups.yaml",
                 "vocabulary.yaml", "ledger.yaml", "qualitative.yaml")


def load_catalog(paths: ProjectPaths) -> Catalog:
    """Read every catalogue file; raise InputError naming the file and line on any problem."""
    cat = paths.catalog

    def shown(name: str) -> Path:
        return paths.relative(cat / name)

    units = load_units(cat / "units.yaml", shown("units.yaml"))
    indicators = load_indicators(cat / "indicators.yaml", shown("indicators.yaml"), units)
    provinces = load_provinces(cat / "provinces.csv", shown("provinces.csv"))
    sub = read_yaml(cat / "subgroups.yaml", shown("subgroups.yaml")) or {}
    subgroups: dict[str, str] = {}
    for group, labels in (sub.get("subgroups") or {}).items():
        if group == "__line__":
            continue
        for label in labels:
            subgroups[str(label).lower()] = group
    vocabulary = read_yaml(cat / "vocabulary.yaml", shown("vocabulary.yaml"))
    if not isinstance(vocabulary, dict):
        raise InputError("expected a mapping of word lists", path=shown("vocabulary.yaml"))
    ledger = load_ledger(cat / "ledger.yaml", shown("ledger.yaml"), {i.id for i in indicators})
    qualitative = load_qualitative(cat / "qualitative.yaml", shown("qualitative.yaml"))
    files = {name: (cat / name).read_bytes() for name in CATALOG_FILES}
    return Catalog(units, indicators, provinces, subgroups, vocabulary, ledger, qualitative, files)


def load_manifest(paths: ProjectPaths, provinces: dict[str, Province]) -> list[Document]:
    """Read data/raw/documents.yaml and check every entry against the provinces and the files."""
    shown = paths.relative(paths.manifest)
    data = read_yaml(paths.manifest, shown)
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise InputError("expected a list `documents:`", path=shown)
    docs: list[Document] = []
    seen: dict[str, int] = {}
    files_seen: dict[str, int] = {}
    for item in data["documents"]:
        if not isinstance(item, dict):
            raise InputError("each document must be a mapping", path=shown)
        line = item.get("__line__")
        _require(item, ("id", "province", "title", "period_start", "period_end", "file",
                        "sha256"), shown, "document entry")
        doc_id = str(item["id"])
        if doc_id in seen:
            raise InputError(
                f"duplicate document id {doc_id!r} (first at line {seen[doc_id]}); ids must be "
                "unique", path=shown, line=line,
            )
        seen[doc_id] = line or 0
        if item["province"] not in provinces:
            raise InputError(
                f"unknown province {item['province']!r} for document {doc_id!r} "
                f"(valid: {', '.join(sorted(provinces))}; add new ones to "
                "data/catalog/provinces.csv)",
                path=shown, line=line,
            )
        if str(item["file"]) in files_seen:
            raise InputError(f"file {item['file']!r} is listed twice (first at line "
                             f"{files_seen[str(item['file'])]})", path=shown, line=line)
        files_seen[str(item["file"])] = line or 0
        try:
            start, end = int(item["period_start"]), int(item["period_end"])
        except (TypeError, ValueError) as exc:
            raise InputError("period_start and period_end must be years", path=shown,
                             line=line) from exc
        if not (1990 <= start <= end <= 2100):
            raise InputError(f"period {start}–{end} is not a valid range of years", path=shown,
                             line=line)
        sha = str(item["sha256"]).lower()
        if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
            raise InputError("sha256 must be 64 hexadecimal characters", path=shown, line=line)
        docs.append(Document(
            id=doc_id, province_id=str(item["province"]), title=str(item["title"]),
            doc_number=item.get("doc_number"), issuer=item.get("issuer"),
            issued_on=str(item["issued_on"]) if item.get("issued_on") else None,
            issued_text=item.get("issued_text"), period_start=start, period_end=end,
            file=str(item["file"]), sha256=sha, manifest_line=line or 0,
        ))
    return docs


def read_document_lines(paths: ProjectPaths, doc: Document) -> tuple[bytes, list[str]]:
    """Raw bytes and decoded lines of a document, after checking its bytes and encoding."""
    path = paths.raw / doc.file
    shown = paths.relative(path)
    if not path.exists():
        raise InputError(
            f"listed in {paths.relative(paths.manifest)} (line {doc.manifest_line}) but missing",
            path=shown,
        )
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != doc.sha256:
        raise InputError(
            f"bytes changed: sha256 is {digest}, the manifest "
            f"({paths.relative(paths.manifest)} line {doc.manifest_line}) says {doc.sha256}. "
            "Raw documents are never edited; restore the file, or record a new version with its "
            "own manifest entry",
            path=shown,
        )
    if not data.strip():
        raise InputError("the document is empty; a raw document must hold the plan's text",
                         path=shown)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert the document to UTF-8 before adding it",
            path=shown, line=bad_line,
        ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    return data, text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
