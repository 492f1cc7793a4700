"""Load and validate the catalogue in data/catalog/ and the manifest in data/raw/.

Every problem is reported with the file and line it comes from and what would be valid.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from vnhealth.inputs import terms, yamlsafe
from vnhealth.inputs.errors import InputError
from vnhealth.inputs.fields import (
    DATE,
    ID,
    LINE,
    MAPPING,
    NUMBER,
    PAIR,
    POSITIVE,
    SHA256,
    TEXT,
    TEXTS,
    YEAR,
    Field,
    Kind,
    Refused,
    check_record,
    check_row,
    check_value,
    choice,
    key_line,
    pattern,
    shown_value,
)
from vnhealth.inputs.paths import ProjectPaths
from vnhealth.inputs.text import nfc

# The closed vocabularies the catalogue's files are checked against (vnhealth.inputs.terms).
DIRECTIONS = terms.values(terms.Direction)
KINDS = terms.values(terms.Kind)
COMPARATORS = terms.values(terms.Comparator)
# `dismiss`: a numeric statement a reviewer read that states no indicator's value (another
# topic, a count, a number that is part of a name): `vnhealth review` asks about it no more
LEDGER_ACTIONS = ("add", "correct", "reject", "dismiss")


class LineDict(dict):
    """A YAML mapping: the key `__line__` is the line it starts on (as before), and
    `key_lines` the line of each of its keys, so an error can point at the field itself."""

    key_lines: dict[Any, int]


class _LineLoader(yamlsafe.SafeLoader):  # type: ignore[misc,valid-type]
    """A safe YAML loader that remembers the line of every mapping and of its keys."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    key_lines: dict[Any, int] = {}
    for key_node, _value in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        # YAML keeps the last of two equal keys without a word: a typo'd copy would silently win.
        if key is not None and key in key_lines:
            raise yaml.constructor.ConstructorError(
                problem=f"the key {key!r} appears twice in one mapping (first at line "
                f"{key_lines[key]}); keep one", problem_mark=key_node.start_mark)
        if key is not None:
            key_lines[key] = key_node.start_mark.line + 1
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.key_lines = key_lines
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

# The largest catalogue, manifest or reference file the build reads (the largest real one is
# ~35 KB): anything bigger is a mistake, and is refused before it is read into memory.
MAX_INPUT_BYTES = yamlsafe.MAX_YAML_BYTES


def read_input_text(path: Path, shown: Path, *, bom: bool = True) -> str:
    """The text of a required input file, or an InputError naming it. `bom=False` refuses a
    leading byte-order mark (a CSV's first column name would silently start with it)."""
    if not path.exists():
        raise InputError("file not found; the build needs it", path=shown)
    if not path.is_file():
        raise InputError("not a regular file; the build needs a text file here", path=shown)
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise InputError(f"the file is {size:,} bytes; input files are limited to "
                         f"{MAX_INPUT_BYTES:,} bytes", path=shown)
    data = path.read_bytes()
    return decode_text(data, shown, bom=bom)


def decode_text(data: bytes, shown: Path, *, bom: bool = True) -> str:
    """`data` as UTF-8 text, refusing what is not text: invalid UTF-8 and NUL bytes (binary)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}: "
                         f"{exc.reason}); save the file as UTF-8 text", path=shown,
                         line=bad_line) from exc
    if "\x00" in text:
        raise InputError("contains NUL bytes: this is binary data, not text; expected UTF-8 text",
                         path=shown, line=text[: text.index("\x00")].count("\n") + 1)
    if not bom and text.startswith("\ufeff"):
        raise InputError("starts with a byte-order mark (BOM); save it as UTF-8 without BOM",
                         path=shown, line=1)
    return text


def read_yaml(path: Path, shown: Path) -> Any:
    """Parse a YAML file; mappings carry `__line__`. Errors name the file and line."""
    text = read_input_text(path, shown)
    try:
        return yamlsafe.safe_load(text, _LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        kind = "refused YAML" if isinstance(exc, yamlsafe.YAMLRefused) else "malformed YAML"
        raise InputError(f"{kind}: {problem}", path=shown, line=line) from exc


@dataclass(frozen=True)
class Unit:
    id: str
    dimension: str
    per: float
    phrases: tuple[str, ...]
    label_vi: str
    label_en: str
    # phrases written before the value ("女児100人に対し男児113人": boys per 100 girls)
    phrases_before: tuple[str, ...] = ()


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
    moh_code: str | None = None  # Ministry of Health indicator system code (TT 20/2019/TT-BYT)
    # a count (unit of dimension `count`): only its relative change is a value ("giảm 50% số
    # cặp tảo hôn"), since counts of different provinces are never comparable
    relative_only: bool = False
    # other units a value of it may be stated in, of the same dimension (a growth rate in ‰ as
    # well as in %); converted by the registry like any other
    also_in: tuple[str, ...] = ()
    # words one of which the document must hold for its names to name it: "mũi 1" is a dose
    # of COVID-19 vaccine only on a page about COVID-19
    context: tuple[str, ...] = ()
    # names that stand for it only on a page that names it in full, by one of its aliases:
    # "coverage rate" is health insurance coverage on a page about health insurance
    short_names: tuple[str, ...] = ()


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
    level: str = "province"  # `province` or `city` (a centrally governed city)


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
    # A PDF or DOCX document is kept as received (`file`, `sha256`); the build reads the text
    # derived from it (`text_file`, checked against `text_sha256`), made by `text_tool`.
    text_file: str | None = None
    text_sha256: str | None = None
    text_tool: str | None = None


@dataclass(frozen=True)
class LedgerEntry:
    action: str
    doc_id: str
    line: int
    indicator_id: str | None  # None for a `dismiss`, which is about no indicator
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
    population_groups: dict[str, str] = field(default_factory=dict)  # word → group

    def indicator(self, indicator_id: str) -> Indicator:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)


def _section(data: Any, key: str, typ: type, expected: str, shown: Path,
             required: bool = True) -> Any:
    """The top-level entry `key` of a YAML file, checked to be a `typ` (None when optional
    and absent)."""
    if not isinstance(data, dict):
        raise InputError(f"got {shown_value(data)} at the top of the file; expected a mapping "
                         f"with `{key}:`", path=shown, line=1)
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, typ):
        raise InputError(f"field {key}: got {shown_value(value)}; expected {expected}",
                         path=shown, line=key_line(data, key, 1))
    return value


def _items(mapping: dict[Any, Any], shown: Path, what: str) -> list[tuple[str, Any, int | None]]:
    """(key, value, line) of a YAML mapping keyed by ids, each key checked to be an id."""
    out = []
    for key, value in mapping.items():
        if key == "__line__":
            continue
        line = key_line(mapping, key, mapping.get("__line__"))
        check_value(key, ID, shown, f"{what} id", line)
        out.append((key, value, line))
    return out


def _unique(seen: dict[str, int | None], key: str, shown: Path, what: str,
            line: int | None) -> None:
    """Refuse a second record with the same key, naming the line of the first."""
    if key in seen:
        raise InputError(f"duplicate {what} {key!r} (first at line {seen[key]}); each "
                         f"{what} must be unique", path=shown, line=line)
    seen[key] = line


COUNT_DIMENSION = "count"  # units.yaml: the dimension of counts (couples, cases)
# `phrases` may be left out only for a count: counts are never read as values, so nothing in a
# text needs to announce one
UNIT_FIELDS = (Field("dimension", TEXT), Field("per", POSITIVE), Field("phrases", TEXTS, False),
               Field("label_vi", TEXT, False), Field("label_en", TEXT, False),
               Field("phrases_before", TEXTS, False))


def load_units(path: Path, shown: Path) -> dict[str, Unit]:
    units_map = _section(read_yaml(path, shown), "units", dict,
                         "a mapping `units:` of unit id → definition", shown)
    units: dict[str, Unit] = {}
    for unit_id, spec, line in _items(units_map, shown, "unit"):
        v = check_record(spec, UNIT_FIELDS, shown, f"unit {unit_id}", line)
        if v["phrases"] is None and v["dimension"] != COUNT_DIMENSION:
            raise InputError(f"unit {unit_id}: field phrases is missing; only a unit of "
                             f"dimension {COUNT_DIMENSION} may leave it out", path=shown,
                             line=line)
        units[unit_id] = Unit(id=unit_id, dimension=v["dimension"], per=v["per"],
                              phrases=v["phrases"] or (), label_vi=v["label_vi"] or unit_id,
                              label_en=v["label_en"] or unit_id,
                              phrases_before=v["phrases_before"] or ())
    if not units:
        raise InputError("no units declared; expected at least one under `units:`", path=shown)
    return units


INDICATOR_FIELDS = (
    Field("id", ID), Field("name_vi", TEXT), Field("name_en", TEXT), Field("domain", TEXT),
    Field("unit", TEXT), Field("direction", choice(DIRECTIONS)), Field("aliases", TEXTS),
    Field("band", PAIR, False), Field("plausible", PAIR, False), Field("subgroup", TEXT, False),
    # the code in the Ministry of Health's system of health-statistics indicators, where one exists
    Field("moh_code", TEXT, False), Field("also_in", TEXTS, False),
    Field("context", TEXTS, False), Field("short_names", TEXTS, False),
)


def load_indicators(path: Path, shown: Path, units: dict[str, Unit],
                    subgroups: dict[str, str] | None = None) -> list[Indicator]:
    """The indicator catalogue; units (and subgroups, when given) must be declared."""
    items = _section(read_yaml(path, shown), "indicators", list, "a list `indicators:`", shown)
    groups = set((subgroups or {}).values())
    seen: dict[str, int | None] = {}
    out: list[Indicator] = []
    for item in items:
        v = check_record(item, INDICATOR_FIELDS, shown, "indicator")
        line = key_line(item, "id", item.get("__line__"))
        _unique(seen, v["id"], shown, "indicator id", line)
        where = f"indicator {v['id']}"
        if v["unit"] not in units:
            raise InputError(f"{where}: field unit: got {v['unit']!r}; expected a unit of "
                             f"units.yaml: {', '.join(sorted(units))}",
                             path=shown, line=key_line(item, "unit", line))
        for other in v["also_in"] or ():
            if other not in units or units[other].dimension != units[v["unit"]].dimension:
                raise InputError(f"{where}: field also_in: got {other!r}; expected a unit of "
                                 f"units.yaml of dimension {units[v['unit']].dimension}",
                                 path=shown, line=key_line(item, "also_in", line))
        if v["direction"] == "band" and v["band"] is None:
            raise InputError(f"{where}: field band is missing; a band indicator needs "
                             "`band: [low, high]`", path=shown, line=line)
        if subgroups is not None and v["subgroup"] is not None and v["subgroup"] not in groups:
            raise InputError(f"{where}: field subgroup: got {v['subgroup']!r}; expected a "
                             f"group of subgroups.yaml: {', '.join(sorted(groups))}",
                             path=shown, line=key_line(item, "subgroup", line))
        out.append(Indicator(**{k: v[k] for k in ("id", "name_vi", "name_en", "domain", "unit",
                                                  "direction", "aliases", "band", "plausible",
                                                  "subgroup", "moh_code")},
                             relative_only=units[v["unit"]].dimension == COUNT_DIMENSION,
                             also_in=tuple(v["also_in"] or ()),
                             context=tuple(v["context"] or ()),
                             short_names=tuple(v["short_names"] or ())))
    if not out:
        raise InputError("no indicators; expected at least one under `indicators:`", path=shown)
    return out


PROVINCE_STATUSES = ("unchanged", "merged", "renamed", "new")
PROVINCE_LEVELS = ("province", "city")  # tỉnh, or thành phố trực thuộc trung ương
PROVINCE_FIELDS = (
    Field("province_id", ID), Field("gso_code", pattern(r"\d{1,3}", "a GSO code of digits"),
                                    False),
    Field("name_vi", TEXT), Field("name_en", TEXT), Field("level", choice(PROVINCE_LEVELS)),
    Field("status_2025", choice(PROVINCE_STATUSES)),
    Field("successor_id", TEXT, False), Field("effective_on", DATE, False),
    Field("note", TEXT, False),
)
PROVINCE_COLUMNS = tuple(f.name for f in PROVINCE_FIELDS)


def read_csv(path: Path, shown: Path, fields: tuple[Field, ...]
             ) -> list[tuple[int, dict[str, Any]]]:
    """(line, checked values) of each row of a CSV whose header is exactly `fields`' names."""
    text = read_input_text(path, shown, bom=False)
    reader = csv.reader(io.StringIO(text, newline=""))
    names = tuple(f.name for f in fields)
    rows: list[tuple[int, dict[str, Any]]] = []
    try:
        header = next(reader, None)
        if header is None or tuple(header) != names:
            raise InputError(f"header must be {','.join(names)}", path=shown, line=1)
        start = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):  # a blank line is not a record
                rows.append((start, check_row(row, fields, shown, start)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", path=shown, line=reader.line_num) from exc
    return rows


def load_provinces(path: Path, shown: Path) -> dict[str, Province]:
    provinces: dict[str, Province] = {}
    seen: dict[str, int | None] = {}
    for line_no, rec in read_csv(path, shown, PROVINCE_FIELDS):
        _unique(seen, rec["province_id"], shown, "province_id", line_no)
        if rec["status_2025"] != "unchanged" and rec["effective_on"] is None:
            raise InputError(
                f"field effective_on is empty; expected a date YYYY-MM-DD (required when "
                f"status_2025 is {rec['status_2025']!r}: the day the change took effect)",
                path=shown, line=line_no)
        provinces[rec["province_id"]] = Province(
            id=rec["province_id"], gso_code=rec["gso_code"], name_vi=rec["name_vi"],
            name_en=rec["name_en"], status_2025=rec["status_2025"],
            successor_id=rec["successor_id"], effective_on=rec["effective_on"],
            note=rec["note"] or "", level=rec["level"],
        )
    for prov in provinces.values():
        if prov.successor_id and prov.successor_id not in provinces:
            raise InputError(
                f"province {prov.id!r}: field successor_id: got {prov.successor_id!r}; expected "
                "a province_id listed in this file", path=shown, line=seen[prov.id])
    return provinces


# What a ledger entry may set on (`add`, `correct`) or match in (`match:`) an observation.
OBSERVATION_FIELDS = (
    Field("kind", choice(KINDS), False), Field("year", YEAR, False),
    Field("comparator", choice(COMPARATORS), False), Field("value", NUMBER, False),
    Field("value_high", NUMBER, False), Field("unit", TEXT, False),
    Field("relative_to", TEXT, False),
)
LEDGER_FIELDS = (
    Field("action", choice(LEDGER_ACTIONS)), Field("doc_id", TEXT), Field("line", LINE),
    Field("indicator_id", TEXT, False), Field("reason", TEXT), *OBSERVATION_FIELDS,
    Field("match", MAPPING, False),
)
# an `add` states no year where the text states none ("year only from the text")
ADD_REQUIRES = ("kind", "comparator", "value", "unit")


def load_ledger(path: Path, shown: Path, indicator_ids: set[str],
                unit_ids: set[str] | None = None) -> list[LedgerEntry]:
    data = read_yaml(path, shown)
    entries = _section(data or {}, "entries", list, "a list `entries:`", shown, required=False)
    out: list[LedgerEntry] = []
    for item in entries or []:
        v = check_record(item, LEDGER_FIELDS, shown, "ledger entry")
        line = item.get("__line__")
        where = f"ledger entry ({v['action']} {v['doc_id']} line {v['line']})"
        _check_dismiss(v, item, where, shown, line)
        if v["action"] != "dismiss" and v["indicator_id"] not in indicator_ids:
            raise InputError(f"{where}: field indicator_id: got {v['indicator_id']!r}; expected "
                             "an id of indicators.yaml", path=shown,
                             line=key_line(item, "indicator_id", line))
        if unit_ids is not None and v["unit"] is not None and v["unit"] not in unit_ids:
            raise InputError(f"{where}: field unit: got {v['unit']!r}; expected a unit of "
                             f"units.yaml: {', '.join(sorted(unit_ids))}", path=shown,
                             line=key_line(item, "unit", line))
        missing = [k for k in ADD_REQUIRES if v[k] is None]
        if v["action"] == "add" and missing:
            raise InputError(f"{where}: field {missing[0]} is missing; an `add` needs "
                             f"{', '.join(ADD_REQUIRES)}", path=shown, line=line)
        _check_ledger_action(v, item, where, shown, line)
        match = v["match"] or {}
        checked = check_record(match, OBSERVATION_FIELDS, shown, f"{where}: match",
                               key_line(item, "match", line)) if match else {}
        out.append(LedgerEntry(
            action=v["action"], doc_id=v["doc_id"], line=v["line"],
            indicator_id=v["indicator_id"], reason=v["reason"],
            # only the fields the entry states: a `correct` changes just those
            fields={f.name: v[f.name] for f in OBSERVATION_FIELDS if f.name in item},
            match={k: checked[k] for k in match if k != "__line__"}, ledger_line=line or 0,
        ))
    return out


def _check_dismiss(v: dict[str, Any], item: dict[str, Any], where: str, shown: Path,
                   line: int | None) -> None:
    """A `dismiss` names a statement (document and line) and a reason, nothing else; every
    other action names its indicator."""
    if v["action"] != "dismiss":
        if v["indicator_id"] is None:
            raise InputError(f"{where}: field indicator_id is missing; expected an id of "
                             "indicators.yaml", path=shown, line=line)
        return
    stated = [k for k in ("indicator_id", "match", *(f.name for f in OBSERVATION_FIELDS))
              if k in item]
    if stated:
        raise InputError(f"{where}: field {stated[0]}: a `dismiss` says the statement on the "
                         "line states no indicator's value and sets nothing; keep only action, "
                         "doc_id, line and reason", path=shown,
                         line=key_line(item, stated[0], line))


def _check_ledger_action(v: dict[str, Any], item: dict[str, Any], where: str, shown: Path,
                         line: int | None) -> None:
    """Refuse an entry that would silently do nothing: a `correct` that sets no field, a
    `reject` that states fields (it drops; `match:` says which), an `add` with `match:`."""
    stated = [f.name for f in OBSERVATION_FIELDS if f.name in item]
    if v["action"] == "correct" and not stated:
        raise InputError(f"{where}: a `correct` sets no field; expected at least one of "
                         f"{', '.join(f.name for f in OBSERVATION_FIELDS)}", path=shown,
                         line=line)
    if v["action"] == "reject" and stated:
        raise InputError(f"{where}: field {stated[0]}: a `reject` drops the observation and sets "
                         "nothing; to say which observation, use `match:` (e.g. match: {value: "
                         "30})", path=shown, line=key_line(item, stated[0], line))
    if v["action"] == "add" and v["match"] is not None:
        raise InputError(f"{where}: field match: an `add` matches no observation; remove it",
                         path=shown, line=key_line(item, "match", line))


QUALITATIVE_FIELDS = (Field("id", ID), Field("name_vi", TEXT), Field("name_en", TEXT),
                      Field("phrases", TEXTS))


def load_qualitative(path: Path, shown: Path) -> list[QualitativeTarget]:
    data = read_yaml(path, shown)
    items = _section(data or {}, "targets", list, "a list `targets:`", shown, required=False)
    seen: dict[str, int | None] = {}
    out = []
    for item in items or []:
        v = check_record(item, QUALITATIVE_FIELDS, shown, "qualitative target")
        _unique(seen, v["id"], shown, "qualitative target id", key_line(item, "id", None))
        out.append(QualitativeTarget(**v))
    return out


def load_subgroups(path: Path, shown: Path, section: str = "subgroups") -> dict[str, str]:
    """Label (lower case) → the group it names, from subgroups.yaml's `section`: the sub-rows
    of one indicator (`subgroups`) or the population groups (`population_groups`)."""
    data = read_yaml(path, shown)
    groups = _section(data or {}, section, dict, f"a mapping `{section}:` of group → "
                      "labels", shown, required=False)
    subgroups: dict[str, str] = {}
    for group, labels, line in _items(groups or {}, shown, section.rstrip("s")):
        for label in check_value(labels, TEXTS, shown, f"{section.rstrip('s')} {group}", line):
            subgroups[label.lower()] = group
    return subgroups


VOCABULARY_LISTS = ("baseline_from", "baseline_to", "change_end_words", "baseline_columns",
                    "clause_breaks", "share_verbs", "plural_anaphora_words", "hangul_particles",
                    "next_place_words", "future_words", "singled_out_words",
                    "count_nouns", "target_sections", "other_sections", "result_sections",
                    "actual_verbs", "assessment_verbs", "statistics_documents", "target_words",
                    "not_target_phrases", "present_tense_verbs",
                    "gap_markers", "period_gap_markers", "national_markers",
                    "national_marker_exceptions", "money_nouns", "level_to_words",
                    "national_value_links", "name_list_joiners",
                    "merger_words", "dated_sources", "study_words", "institution_words",
                    "figure_words", "rank_before_words", "reference_level_words",
                    "reference_reached_words", "reference_gap_stops",
                    "year_links", "range_from", "range_to",
                    "activity_subjects", "establishment_subjects", "compared_with",
                    "compared_to_country", "respectively_words", "continuation_words",
                    "issue_words", "review_words", "page_date_words", "looking_back_words",
                    "referring_back_words", "age_nouns", "age_month_nouns", "age_open_ends",
                    "leading_words", "number_first_words", "share_words", "share_subjects",
                    "goal_words", "document_words", "definition_words", "contrast_words",
                    "present_words",
                    "planned_words", "looking_back_spans", "linking_words", "place_names",
                    "each_unit_words", "counted_places", "counted_place_verbs",
                    "counted_places_comprising",
                    "counted_places_among", "counted_places_of", "reported_verbs",
                    "plan_words", "plan_met_verbs",
                    "plan_compared_words",
                    "difference_words", "difference_links", "excess_words",
                    "margin_after_value_words", "day_part_words",
                    "specification_words", "anaphora_words", "counted_names",
                    "target_nouns",
                    "place_anaphora_words",
                    "part_lead_words", "rank_after_country_words", "next_part_words",
                    "non_restrictive_words",
                    "versus_plan", "versus_plan_links",
                    "negation_words", "difference_nouns", "goal_openers", "item_predicate_words",
                    "subsidy_words", "cost_nouns", "scale_words", "province_wide_words",
                    "regarding_words",
                    "count_joiners", "bare_value_words", "age_words", "age_before_words",
                    "superlative_words", "norm_words", "norm_comparisons",
                    "this_year_words",
                    "plan_met_fillers", "plan_met_qualifiers", "ordinal_endings", "english_words",
                    "interval_words", "elided_subject_openers", "part_labels", "part_value_links",
                    "sequence_before_words",
                    "qualifier_openers", "region_names", "rank_words", "elaboration_words",
                    "not_plan_phrases", "rank_scope_words", "name_qualifiers",
                    "province_kinds", "time_nouns",
                    "whole_period_words", "subgroup_links",
                    "zone_subgroups", "activity_links", "last_year_words",
                    "sex_subgroups", "units_naming_a_sex", "spelled_number_nouns",
                    "dotted_abbreviations", "place_anaphora_counted", "list_label_areas",
                    "list_label_fillers")
VOCABULARY_FIELDS = (
    Field("abbreviations", MAPPING, False), Field("synonyms", MAPPING, False),
    Field("average_nouns", MAPPING, False), Field("spelled_numbers", MAPPING, False),
    Field("comparators_before", MAPPING, False),
    Field("comparators_after", MAPPING, False), Field("relative", MAPPING, False),
    *(Field(name, TEXTS, name == "count_nouns") for name in VOCABULARY_LISTS),
    Field("date_words", MAPPING, False), Field("year_phrases", MAPPING, False),
    Field("tables", MAPPING, False), Field("province_other_names", MAPPING, False),
    Field("cascades", MAPPING, False),
)
# vnhealth.extract.issued: the words of a date ("ngày 02 tháng 1 năm 2024")
DATE_WORD_FIELDS = (*(Field(name, TEXT) for name in ("day", "month", "year")),
                    Field("quarter", TEXT, False))
# vnhealth.extract.vocabulary: year phrases ("đến năm 2030", "so với năm 2015")
YEAR_PHRASE_FIELDS = tuple(Field(name, TEXTS, False) for name in
                           ("year_words", "lead_words", "until_words", "reference_words",
                            "part_year_words", "from_words", "year_before_nouns",
                            "year_after_words", "month_names"))
# vnhealth.extract.shapes: each a list of phrases
TABLE_WORD_FIELDS = tuple(Field(name, TEXTS, False) for name in (
    "preliminary", "actual", "plan", "header", "unit_line", "totals", "national", "sub_rows",
    "sub_rows_after", "statistics", "ditto", "unit_column", "target_column",
    "row_number_header", "comparison", "falling_rows", "rising_rows", "breakdown_columns",
    "breakdown_lead", "place_column", "period_average", "ascii_labels"))
RELATIVE_FIELDS = tuple(Field(name, TEXTS, False) for name in
                        ("increase", "decrease", "markers_before", "markers_after", "per_year",
                         "per_year_before", "change_nouns", "hedges", "comparative_increase",
                         "comparative_decrease", "increase_after", "decrease_after"))
BOUND_COMPARATORS = choice(("=", "<", "<=", ">", ">="))


def load_vocabulary(path: Path, shown: Path) -> dict[str, Any]:
    """The extractor's word lists, as read (the extractor reads this mapping), after checking
    every entry's shape: each list a non-empty list of phrases."""
    data = read_yaml(path, shown)
    v = check_record(data, VOCABULARY_FIELDS, shown, "vocabulary")
    for section in ("abbreviations", "synonyms"):
        for short, long_, line in _items_any(v[section] or {}):
            check_value(short, TEXT, shown, f"{section}: word", line)
            check_value(long_, TEXT, shown, f"{section}: field {short}", line)
    for key in ("comparators_before", "comparators_after"):
        for comparator, phrases, line in _items_any(v[key] or {}):
            check_value(comparator, BOUND_COMPARATORS, shown, f"{key}: comparator", line)
            check_value(phrases, TEXTS, shown, f"{key}: field {comparator}", line)
    if v["relative"]:
        check_record(v["relative"], RELATIVE_FIELDS, shown, "relative")
    if v["date_words"]:
        check_record(v["date_words"], DATE_WORD_FIELDS, shown, "date_words")
    if v["year_phrases"]:
        check_record(v["year_phrases"], YEAR_PHRASE_FIELDS, shown, "year_phrases")
    if v["tables"]:
        check_record(v["tables"], TABLE_WORD_FIELDS, shown, "tables")
    return data


def _items_any(mapping: dict[Any, Any]) -> list[tuple[Any, Any, int | None]]:
    return [(k, val, key_line(mapping, k, mapping.get("__line__")))
            for k, val in mapping.items() if k != "__line__"]


CATALOG_FILES = ("units.yaml", "indicators.yaml", "provinces.csv", "subgroups.yaml",
                 "vocabulary.yaml", "ledger.yaml", "qualitative.yaml")


def load_catalog(paths: ProjectPaths) -> Catalog:
    """Read every catalogue file; raise InputError naming the file and line on any problem."""
    cat = paths.catalog

    def shown(name: str) -> Path:
        return paths.relative(cat / name)

    units = load_units(cat / "units.yaml", shown("units.yaml"))
    subgroups = load_subgroups(cat / "subgroups.yaml", shown("subgroups.yaml"))
    indicators = load_indicators(cat / "indicators.yaml", shown("indicators.yaml"), units,
                                 subgroups)
    provinces = load_provinces(cat / "provinces.csv", shown("provinces.csv"))
    vocabulary = load_vocabulary(cat / "vocabulary.yaml", shown("vocabulary.yaml"))
    for noun, unit in (vocabulary.get("average_nouns") or {}).items():
        if noun != "__line__" and unit not in units:
            raise InputError(f"average_nouns: {noun!r} names the unit {unit!r}, which "
                             f"units.yaml does not declare; declared: {', '.join(sorted(units))}",
                             path=str(shown("vocabulary.yaml")))
    for prov, names, line in _items_any(vocabulary.get("province_other_names") or {}):
        if prov not in provinces:
            raise InputError(f"province_other_names: {prov!r} is not a province_id of "
                             "provinces.csv", path=str(shown("vocabulary.yaml")), line=line)
        check_value(names, TEXTS, shown("vocabulary.yaml"), f"province_other_names: field {prov}",
                    line)
    known = {i.id for i in indicators}
    for subject, ids, line in _items_any(vocabulary.get("cascades") or {}):
        check_value(ids, TEXTS, shown("vocabulary.yaml"), f"cascades: field {subject}", line)
        if set(ids) - known:
            raise InputError(f"cascades: {subject}: {', '.join(sorted(set(ids) - known))} not an "
                             "indicator id of indicators.yaml",
                             path=str(shown("vocabulary.yaml")), line=line)
    groups_named = set(subgroups.values())
    for key, known_ids, where in (("zone_subgroups", groups_named, "a group of subgroups.yaml"),
                                  ("sex_subgroups", groups_named, "a group of subgroups.yaml"),
                                  ("units_naming_a_sex", set(units), "a unit of units.yaml")):
        unknown = set(vocabulary.get(key) or []) - known_ids
        if unknown:
            raise InputError(f"{key}: {', '.join(sorted(unknown))} not {where}; known: "
                             f"{', '.join(sorted(known_ids))}",
                             path=str(shown("vocabulary.yaml")),
                             line=key_line(vocabulary, key, None))
    ledger = load_ledger(cat / "ledger.yaml", shown("ledger.yaml"), {i.id for i in indicators},
                         set(units))
    qualitative = load_qualitative(cat / "qualitative.yaml", shown("qualitative.yaml"))
    files = {name: (cat / name).read_bytes() for name in CATALOG_FILES}
    groups = load_subgroups(cat / "subgroups.yaml", shown("subgroups.yaml"), "population_groups")
    return Catalog(units, indicators, provinces, subgroups, vocabulary, ledger, qualitative, files,
                   groups)


def _raw_relative(value: Any) -> str:
    """A manifest `file`: a relative path below data/raw/ with no `.`, `..` or empty parts."""
    text = value if isinstance(value, str) else ""
    parts = text.split("/")
    if (not text.strip() or "\\" in text or text.startswith("/") or ":" in parts[0]
            or any(p in ("", ".", "..") for p in parts)):
        raise Refused
    return text


RAW_FILE = Kind("a file name inside data/raw/ (a relative path without '..', '.' or a leading "
                "'/')", _raw_relative)
DOCUMENT_FIELDS = (
    Field("id", ID), Field("province", TEXT), Field("title", TEXT),
    Field("doc_number", TEXT, False), Field("issuer", TEXT, False), Field("issued_on", DATE, False),
    Field("issued_text", TEXT, False), Field("period_start", YEAR), Field("period_end", YEAR),
    Field("file", RAW_FILE), Field("sha256", SHA256),
    Field("text_file", RAW_FILE, False), Field("text_sha256", SHA256, False),
    Field("text_tool", TEXT, False),
)
# Documents kept in their published binary format; the build reads their derived text.
DERIVED_SUFFIXES = (".pdf", ".docx")
TEXT_FIELDS = ("text_file", "text_sha256", "text_tool")


def _check_text_fields(v: dict[str, Any], item: dict[str, Any], where: str, shown: Path,
                       line: int | None) -> None:
    """A PDF or DOCX entry names its derived text, its sha256 and the tool that made it; a
    plain-text entry names none of them (its own bytes are the text)."""
    given = [k for k in TEXT_FIELDS if v[k] is not None]
    derived = v["file"].lower().endswith(DERIVED_SUFFIXES)
    if derived and len(given) < len(TEXT_FIELDS):
        missing = next(k for k in TEXT_FIELDS if v[k] is None)
        raise InputError(f"{where}: field {missing} is missing; a .pdf or .docx document needs "
                         f"{', '.join(TEXT_FIELDS)} (register it with `vnhealth add`, which "
                         "derives the text)", path=shown, line=line)
    if given and not derived:
        raise InputError(f"{where}: field {given[0]}: only a .pdf or .docx document has derived "
                         "text; remove it", path=shown, line=key_line(item, given[0], line))
    if v["text_file"] is not None and v["text_file"] == v["file"]:
        raise InputError(f"{where}: field text_file: the same file as `file`; expected the "
                         "derived text beside it (e.g. NAME.pdf.txt)", path=shown,
                         line=key_line(item, "text_file", line))


def load_manifest(paths: ProjectPaths, provinces: dict[str, Province]) -> list[Document]:
    """Read data/raw/documents.yaml and check every entry against the provinces; each file and
    each set of bytes (sha256) is listed once."""
    shown = paths.relative(paths.manifest)
    data = read_yaml(paths.manifest, shown)
    items = _section(data, "documents", list, "a list `documents:` of document entries", shown)
    if not items:
        raise InputError("field documents: got an empty list; expected at least one document "
                         "(a build without documents would replace the warehouse with an empty "
                         "one)", path=shown, line=key_line(data, "documents", 1))
    docs: list[Document] = []
    ids: dict[str, int | None] = {}
    files: dict[str, int | None] = {}
    shas: dict[str, Document] = {}
    for item in items:
        v = check_record(item, DOCUMENT_FIELDS, shown, "document entry")
        line = key_line(item, "id", item.get("__line__"))
        _unique(ids, v["id"], shown, "document id", line)
        where = f"document {v['id']}"
        if v["province"] not in provinces:
            raise InputError(
                f"{where}: field province: got {v['province']!r}; expected a province_id of "
                f"data/catalog/provinces.csv ({', '.join(sorted(provinces))})",
                path=shown, line=key_line(item, "province", line))
        _unique(files, v["file"], shown, "file", key_line(item, "file", line))
        _check_text_fields(v, item, where, shown, line)
        if v["text_file"] is not None:
            _unique(files, v["text_file"], shown, "file", key_line(item, "text_file", line))
        if v["period_start"] > v["period_end"]:
            raise InputError(
                f"{where}: field period_start: got {v['period_start']}, after period_end "
                f"{v['period_end']}; expected period_start ≤ period_end",
                path=shown, line=key_line(item, "period_start", line))
        doc = Document(
            id=v["id"], province_id=v["province"], title=v["title"], doc_number=v["doc_number"],
            issuer=v["issuer"], issued_on=v["issued_on"], issued_text=v["issued_text"],
            period_start=v["period_start"], period_end=v["period_end"], file=v["file"],
            sha256=v["sha256"].lower(), manifest_line=line or 0, text_file=v["text_file"],
            text_sha256=(v["text_sha256"] or "").lower() or None, text_tool=v["text_tool"])
        first = shas.setdefault(doc.sha256, doc)
        if first is not doc:
            raise InputError(
                f"{where}: field sha256: the same bytes as document {first.id} (line "
                f"{first.manifest_line}, file {first.file}); expected each raw document to be "
                "listed once", path=shown, line=key_line(item, "sha256", line))
        docs.append(doc)
    return docs


def raw_document_path(paths: ProjectPaths, doc: Document, field_name: str = "file") -> Path:
    """The document's file (or, with field_name="text_file", its derived text), once it is
    known to be a regular file inside data/raw/ reached through no symbolic link: the manifest
    must not make the build read anything else."""
    name = getattr(doc, field_name)
    manifest, where = paths.relative(paths.manifest), f"document {doc.id}: field {field_name}"
    expected = "expected a regular file inside data/raw/ (copy the file in; links are refused)"
    path = paths.raw
    for part in name.split("/"):
        path = path / part
        if path.is_symlink():
            raise InputError(f"{where}: {name!r} goes through the symbolic link "
                             f"data/raw/{path.relative_to(paths.raw)}; {expected}",
                             path=manifest, line=doc.manifest_line)
    if not path.exists():
        raise InputError(f"listed in {manifest} (line {doc.manifest_line}) but missing",
                         path=paths.relative(path))
    try:
        path.resolve().relative_to(paths.raw.resolve())
    except ValueError:
        raise InputError(f"{where}: {name!r} is outside data/raw/; {expected}",
                         path=manifest, line=doc.manifest_line) from None
    if not path.is_file():
        raise InputError(f"{where}: {name!r} is not a regular file; {expected}",
                         path=manifest, line=doc.manifest_line)
    return path


def _checked_bytes(paths: ProjectPaths, doc: Document, field_name: str, expected: str
                   ) -> tuple[bytes, Path]:
    """The bytes of the document's `file` or `text_file`, refused unless their sha256 is the
    one the manifest records."""
    path = raw_document_path(paths, doc, field_name)
    shown = paths.relative(path)
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != expected:
        key = "sha256" if field_name == "file" else "text_sha256"
        raise InputError(
            f"bytes changed: sha256 is {digest}, the manifest "
            f"({paths.relative(paths.manifest)} line {doc.manifest_line}, {key}) says "
            f"{expected}. Raw documents are never edited; restore the file, or record a new "
            "version with its own manifest entry (`vnhealth add`)",
            path=shown,
        )
    return data, shown


def read_document_lines(paths: ProjectPaths, doc: Document) -> tuple[bytes, list[str]]:
    """Raw bytes and decoded lines of a document, after checking its place, bytes and text.
    For a PDF or DOCX document the lines are those of its derived text (whose bytes are checked
    too); the bytes returned are the original document's."""
    data, shown = _checked_bytes(paths, doc, "file", doc.sha256)
    if doc.text_file is not None and doc.text_sha256 is not None:
        text_data, shown = _checked_bytes(paths, doc, "text_file", doc.text_sha256)
    else:
        text_data = data
        if doc.file.lower().endswith(DERIVED_SUFFIXES):
            raise InputError("a .pdf or .docx document is read through its derived text; "
                             "register it with `vnhealth add`", path=shown)
    if not text_data.strip():
        raise InputError("the document is empty; a raw document must hold the plan's text",
                         path=shown)
    text = decode_text(text_data, shown)
    if text.startswith("\ufeff"):
        text = text[1:]
    return data, text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


NATIONAL_MAP_FIELDS = (Field("indicator_vi", TEXT), Field("indicator_id", TEXT))
NATIONAL_FIELDS = (
    Field("source_doc", TEXT), Field("indicator_vi", TEXT), Field("indicator_en", TEXT, False),
    Field("kind", choice(KINDS)), Field("year", YEAR), Field("comparator", choice(COMPARATORS)),
    Field("value", NUMBER), Field("value_high", NUMBER, False), Field("unit", TEXT),
    Field("url", TEXT, False), Field("certainty", TEXT, False),
    # the source's date: "most recent source" orders by it (never parsed from source_doc)
    Field("issued_on", DATE),
)


def load_national_map(path: Path, shown: Path, indicator_ids: set[str]) -> dict[str, str]:
    """National indicator name (NFC, stripped) → catalogue indicator id."""
    mapping: dict[str, str] = {}
    for line_no, row in read_csv(path, shown, NATIONAL_MAP_FIELDS):
        if row["indicator_id"] not in indicator_ids:
            raise InputError(f"field indicator_id: got {row['indicator_id']!r}; expected an id "
                             "of data/catalog/indicators.yaml", path=shown, line=line_no)
        name = nfc(row["indicator_vi"]).strip()
        if mapping.get(name, row["indicator_id"]) != row["indicator_id"]:
            raise InputError(f"field indicator_vi: {name!r} is mapped twice, to "
                             f"{mapping[name]} and {row['indicator_id']}; expected one id",
                             path=shown, line=line_no)
        mapping[name] = row["indicator_id"]
    return mapping


def load_national_targets(paths: ProjectPaths, indicator_ids: set[str], unit_ids: set[str]
                          ) -> list[tuple[int, dict[str, Any]]]:
    """(line, checked row plus its `indicator_id`) of each national reference value."""
    csv_path, map_path = paths.national_targets, paths.reference / "national_indicator_map.csv"
    shown_csv, shown_map = paths.relative(csv_path), paths.relative(map_path)
    mapping = load_national_map(map_path, shown_map, indicator_ids)
    rows = []
    for line_no, row in read_csv(csv_path, shown_csv, NATIONAL_FIELDS):
        name = nfc(row["indicator_vi"]).strip()
        if name not in mapping:
            raise InputError(f"field indicator_vi: {name!r} has no entry in {shown_map}; map it "
                             "to a catalogue id", path=shown_csv, line=line_no)
        if row["unit"] not in unit_ids:
            raise InputError(f"field unit: got {row['unit']!r}; expected a unit of units.yaml: "
                             f"{', '.join(sorted(unit_ids))}", path=shown_csv, line=line_no)
        if row["comparator"] == "range" and (row["value_high"] is None
                                             or row["value_high"] < row["value"]):
            raise InputError(f"field value_high: got {row['value_high']}; expected a number ≥ "
                             "value for a range", path=shown_csv, line=line_no)
        rows.append((line_no, {**row, "indicator_id": mapping[name]}))
    return rows
