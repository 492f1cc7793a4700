"""Parameter contracts of the report notebooks, checked before a kernel starts and again inside.

Each notebook in ``notebooks/`` has one ``parameters`` cell of literal defaults. Its contract
(:data:`CONTRACTS`) names the parameters it takes; every parameter name has one meaning across
notebooks (:data:`PARAMETERS`): ``provinces`` is always a list of province ids, ``year`` always a
year the warehouse covers, and so on. :func:`validate` checks names and values against the
warehouse and raises :class:`~vnhealth.inputs.errors.ParameterError` listing the valid values, so
that a
typo fails loudly instead of rendering an empty report.

The renderer calls :func:`check_parameters` before starting a kernel (names via
``papermill.inspect_notebook``, values against the warehouse); the notebook's second cell calls
``validate("<notebook>", globals())`` again, which also catches names injected by a bare
``papermill -p`` run (papermill only warns about unknown names).

>>> CONTRACTS["province_comparison"].names
('provinces', 'domain', 'indicators', 'year', 'language', 'warehouse')
>>> coerce("provinces", "lai_chau, son_la")
['lai_chau', 'son_la']
>>> coerce("year", "2030")
2030
"""

from __future__ import annotations

import ast
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnhealth.build import db
from vnhealth.inputs.errors import ParameterError, VnhealthError
from vnhealth.inputs.paths import ProjectPaths

__all__ = [
    "CONTRACTS",
    "LANGUAGES",
    "OPTIONAL",
    "PARAMETERS",
    "Choices",
    "Contract",
    "Parameters",
    "check_names",
    "check_parameters",
    "choices",
    "coerce",
    "notebook_defaults",
    "validate",
    "warehouse_path",
]

LANGUAGES = ("vi", "en")


@dataclass(frozen=True)
class Spec:
    """What one parameter name means: its kind (how it is coerced and checked) and help text."""

    kind: str
    help: str


# One meaning per name across all notebooks, so a manifest reads the same everywhere.
PARAMETERS: dict[str, Spec] = {
    "provinces": Spec("province_list", "province ids (or names) to compare"),
    "province": Spec("province", "one province id (or name)"),
    "peers": Spec("province_list_optional", "provinces to compare with (empty: all others)"),
    "domain": Spec("domain", "an indicator domain, e.g. longevity (empty: use `indicators`)"),
    "indicators": Spec("indicator_list", "indicator ids (empty: every indicator of `domain`)"),
    "year": Spec("year", "the year to compare, e.g. 2030"),
    "language": Spec("language", "vi or en"),
    "warehouse": Spec("path", "the warehouse file (empty: data/warehouse.duckdb)"),
    # A brief's cover: optional; empty means the brief's own default (the title names the topic).
    "title": Spec("text", "the brief's title (empty: the topic and year in words)"),
    "issuer": Spec("text", "the issuing body, e.g. Sở Y tế tỉnh Lai Châu (empty: none shown)"),
    "date": Spec("date", "the brief's date, YYYY-MM-DD (empty: none shown)"),
    "audience": Spec("text", "who the brief is for, e.g. UBND tỉnh (empty: none shown)"),
}

# Parameters a call may leave out (their empty value is a meaningful default).
OPTIONAL = frozenset({"warehouse", "title", "issuer", "date", "audience"})
TEXT_MAX = 160  # characters of a title, issuer or audience: one line on a cover


@dataclass(frozen=True)
class Contract:
    """The parameters one notebook takes, and a check on their combination."""

    names: tuple[str, ...]
    topic: bool = False  # takes `domain` and/or `indicators`; at least one must be given
    min_provinces: int = 1
    extra: Callable[[dict[str, Any], Choices], list[str]] | None = field(default=None,
                                                                         compare=False)


CONTRACTS: dict[str, Contract] = {
    "province_comparison": Contract(
        ("provinces", "domain", "indicators", "year", "language", "warehouse"), topic=True),
    "indicator_gaps": Contract(("provinces", "domain", "year", "language", "warehouse")),
    "province_profile": Contract(("province", "peers", "year", "language", "warehouse"),
                                 min_provinces=0),
    "policy_brief": Contract(
        ("provinces", "domain", "indicators", "year", "language", "title", "issuer", "date",
         "audience", "warehouse"), topic=True),
    "explore": Contract(("province", "year", "language", "warehouse"), min_provinces=0),
}


# ---------------------------------------------------------------------------------------------
# valid values, from the warehouse
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Choices:
    """The values a parameter may take, as found in one warehouse."""

    provinces: dict[str, str]  # province_id → name_vi, provinces with at least one plan
    all_provinces: dict[str, dict[str, Any]]  # every row of the provinces table
    indicators: dict[str, str]  # indicator_id → name_en
    indicator_domain: dict[str, str]
    domains: tuple[str, ...]
    years: tuple[int, ...]  # every year the harmonized table covers
    stated_years: tuple[int, ...]  # years some plan states a value for
    build_hash: str
    # province_id → indicator_id → the years with a provincial value (stated or interpolated)
    data_years: dict[str, dict[str, frozenset[int]]] = field(default_factory=dict)

    def indicators_of(self, domain: str) -> list[str]:
        """The indicator ids of one domain, in catalogue order."""
        return [i for i, d in self.indicator_domain.items() if d == domain]

    def years_with_data(self, provinces: Iterable[str],
                        indicators: Iterable[str] | None = None) -> list[int]:
        """The years some of ``provinces`` has a value for (stated in a plan or interpolated
        between two of its milestones), for ``indicators`` when given."""
        wanted = None if indicators is None else set(indicators)
        years: set[int] = set()
        for p in provinces:
            for ind, ys in self.data_years.get(p, {}).items():
                if wanted is None or ind in wanted:
                    years |= ys
        return sorted(years)


def warehouse_path(warehouse: str | Path | None = None) -> Path:
    """The warehouse file: the given path, else ``ROOT/data/warehouse.duckdb``."""
    if warehouse is None or str(warehouse).strip() == "":
        return ProjectPaths.at().warehouse
    return Path(warehouse).expanduser().resolve()


_CHOICES_CACHE: dict[tuple[str, int, int, int], Choices] = {}
_DATABASES: dict[tuple[str, int, int, int], Any] = {}


def _version(path: Path) -> tuple[str, int, int, int]:
    """The file's identity: a rebuilt warehouse is a new file (the build renames it into
    place), so it has another inode even when size and time happen to match."""
    if not path.is_file():
        raise ParameterError(
            f"warehouse {path} not found; build it with `vnhealth build` (or `make warehouse`)")
    st = path.stat()
    return (str(path), st.st_ino, st.st_mtime_ns, st.st_size)


def connect_read_only(warehouse: str | Path | None = None) -> Any:
    """A read-only DuckDB connection to the warehouse, its tables and views unqualified.

    The file is attached to a private in-memory database rather than opened directly: DuckDB
    shares one open database per file path within a process, so a connection kept open that
    way would go on serving a warehouse the build has since replaced, to every later
    ``duckdb.connect`` of that path. Attaching is most of the cost of a short query, so the
    attachment stays open for the process, per file version (a rebuilt warehouse is a new file
    and replaces it); each call gets its own cursor on it. DuckDB itself keeps the connection
    read-only, without access to other files or extensions
    (:func:`vnhealth.build.db.connect_read_only`).
    """
    path = warehouse_path(warehouse)
    key = _version(path)
    if key not in _DATABASES:
        for old in [k for k in _DATABASES if k[0] == key[0]]:
            _DATABASES.pop(old).close()
        try:
            _DATABASES[key] = db.connect_read_only(path)
        except VnhealthError as exc:
            raise ParameterError(f"cannot open warehouse {path}: {exc.detail}") from exc
    return _DATABASES[key].cursor()  # the warehouse is the cursor's only, default, database


def choices(warehouse: str | Path | None = None) -> Choices:
    """Read the valid values from a warehouse (read-only; cached per file version)."""
    path = warehouse_path(warehouse)
    key = _version(path)
    if key in _CHOICES_CACHE:
        return _CHOICES_CACHE[key]
    con = connect_read_only(path)
    try:
        prov_cols = [d[0] for d in con.execute("SELECT * FROM provinces LIMIT 0").description]
        all_prov = {r[0]: dict(zip(prov_cols, r, strict=True))
                    for r in con.execute("SELECT * FROM provinces ORDER BY province_id").fetchall()}
        with_plan = {r[0] for r in con.execute(
            "SELECT DISTINCT province_id FROM documents").fetchall()}
        inds = con.execute(
            "SELECT indicator_id, name_en, domain FROM indicators ORDER BY indicator_id").fetchall()
        stated = [r[0] for r in con.execute(
            "SELECT DISTINCT year FROM observations ORDER BY year").fetchall()]
        build = con.execute("SELECT build_hash FROM build_info").fetchone()
        data_years: dict[str, dict[str, set[int]]] = {}
        for pid, ind, year in con.execute(
                "SELECT DISTINCT province_id, indicator_id, year FROM harmonized "
                "WHERE method IN ('stated', 'interpolated')").fetchall():
            data_years.setdefault(pid, {}).setdefault(ind, set()).add(int(year))
    finally:
        con.close()
    years = tuple(range(min(stated), max(stated) + 1)) if stated else ()
    found = Choices(
        provinces={p: all_prov[p]["name_vi"] for p in sorted(with_plan) if p in all_prov},
        all_provinces=all_prov,
        indicators={i: n for i, n, _d in inds},
        indicator_domain={i: d for i, _n, d in inds},
        domains=tuple(sorted({d for _i, _n, d in inds})),
        years=years,
        stated_years=tuple(int(y) for y in stated),
        build_hash=build[0] if build else "",
        data_years={p: {i: frozenset(ys) for i, ys in by.items()} for p, by in data_years.items()},
    )
    _CHOICES_CACHE[key] = found
    return found


# ---------------------------------------------------------------------------------------------
# coercion (CLI strings, manifest values and notebook literals all go through here)
# ---------------------------------------------------------------------------------------------
def _as_list(name: str, value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = ast.literal_eval(text)
            except (ValueError, SyntaxError) as exc:
                raise ParameterError(f"{name}: cannot read {value!r} as a list ({exc}); write "
                                     "it as a,b,c or [\"a\", \"b\"]") from exc
        else:
            return [v.strip() for v in text.split(",") if v.strip()]
    if isinstance(value, (list, tuple)):
        bad = [v for v in value if not isinstance(v, str)]
        if bad:
            raise ParameterError(f"{name}: expected a list of strings, got {value!r}")
        return [v.strip() for v in value if v.strip()]
    raise ParameterError(f"{name}: expected a list like [\"a\", \"b\"], got {value!r}")


def coerce(name: str, value: Any) -> Any:
    """A parameter value in the type its name declares (a list, an int, a string).

    Strings from the command line are read as the declared type: ``lai_chau,son_la`` or
    ``["lai_chau", "son_la"]`` for a list, ``2030`` for a year. A parameter name outside
    :data:`PARAMETERS` is read as YAML, like ``papermill -y``.
    """
    spec = PARAMETERS.get(name)
    if spec is None:
        if isinstance(value, str):
            import yaml

            try:
                from vnhealth.inputs.yamlsafe import safe_load

                return safe_load(value)
            except yaml.YAMLError:
                return value
        return value
    if spec.kind in ("province_list", "province_list_optional", "indicator_list"):
        return _as_list(name, value)
    if spec.kind == "year":
        if isinstance(value, bool):
            raise ParameterError(f"year: expected a year like 2030, got {value!r}")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and value.strip().isdigit():
            return int(value.strip())
        raise ParameterError(f"year: expected a year like 2030, got {value!r}")
    if value is None:
        return ""
    if spec.kind == "date" and hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()[:10]  # an unquoted YAML date in the manifest
    if not isinstance(value, str):
        raise ParameterError(f"{name}: expected text, got {value!r}")
    return unicodedata.normalize("NFC", value.strip())


# ---------------------------------------------------------------------------------------------
# validation
# ---------------------------------------------------------------------------------------------
def _fold(text: str) -> str:
    """Matching form of a name: NFC, case-folded, accents and punctuation ignored."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in bare.casefold() if c.isalnum())


def _suggest(value: str, valid: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(valid), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _listing(values: Mapping[str, str] | Iterable[str]) -> str:
    if isinstance(values, Mapping):
        return ", ".join(f"{k} ({v})" for k, v in values.items())
    return ", ".join(str(v) for v in values)


def _year_listing(ch: Choices) -> str:
    if not ch.years:
        return "none (the warehouse has no observations)"
    return (f"{ch.years[0]}–{ch.years[-1]} (plans state values for "
            f"{', '.join(str(y) for y in ch.stated_years)})")


def _province(value: str, ch: Choices, problems: list[str], name: str) -> str | None:
    if value in ch.provinces:
        return value
    by_name = {}
    for pid, row in ch.all_provinces.items():
        for label in (pid, row.get("name_vi") or "", row.get("name_en") or ""):
            by_name.setdefault(_fold(label), pid)
    pid = by_name.get(_fold(value))
    if pid in ch.provinces:
        return pid
    if pid is not None:
        # Known province without a plan (a successor or a merged partner): say which one has it.
        row = ch.all_provinces[pid]
        related = [p for p, r in ch.all_provinces.items()
                   if p in ch.provinces and (r.get("successor_id") == pid
                                             or row.get("successor_id") == p)]
        hint = f"; its plans are under {', '.join(related)}" if related else ""
        problems.append(f"{name}: province {value!r} has no plan in the warehouse{hint}; "
                        f"provinces with plans: {_listing(ch.provinces)}")
        return None
    problems.append(f"{name}: unknown province {value!r}{_suggest(value, ch.provinces)}; "
                    f"valid provinces: {_listing(ch.provinces)}")
    return None


@dataclass(frozen=True)
class Parameters:
    """Validated parameters; ``indicators`` is resolved from ``domain`` when only it is given."""

    notebook: str
    values: dict[str, Any]
    warehouse: Path
    indicators: tuple[str, ...] = ()

    def __getattr__(self, name: str) -> Any:
        values = object.__getattribute__(self, "values")
        if name in values:
            return values[name]
        raise AttributeError(name)

    @property
    def language(self) -> str:
        """The report language (``en`` for notebooks without one)."""
        return self.values.get("language", "en")


def _injected_names(namespace: Mapping[str, Any]) -> list[str]:
    """Names assigned by papermill's injected-parameters cell, read from IPython's history.

    papermill writes that cell as ``# Parameters`` followed by assignments; reading it back lets
    the notebook reject a name papermill accepted silently, without flagging the variables a
    JupyterLab user defined in later cells.
    """
    history = namespace.get("In") or namespace.get("_ih") or []
    names: list[str] = []
    for source in history:
        if not isinstance(source, str) or not source.lstrip().startswith("# Parameters"):
            continue
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.Assign):
                names += [t.id for t in node.targets if isinstance(t, ast.Name)]
    return names


def check_names(notebook: str, names: Iterable[str], known: Iterable[str] | None = None) -> None:
    """Raise ParameterError for any name the notebook does not take, listing the ones it does."""
    valid = list(known if known is not None else CONTRACTS[notebook].names)
    unknown = [n for n in names if n not in valid]
    if unknown:
        lines = [f"unknown parameter {n!r}{_suggest(n, valid)}" for n in unknown]
        raise ParameterError(f"notebook {notebook}: " + "; ".join(lines)
                             + f"; its parameters are: {', '.join(valid)}")


def validate(notebook: str, namespace: Mapping[str, Any] | None = None, *,
             warehouse: str | Path | None = None, **values: Any) -> Parameters:
    """Check a notebook's parameters against its contract and the warehouse.

    Pass the notebook's ``globals()`` (the parameters are read from it by name, and names that
    papermill injected but the contract lacks are rejected) and/or the values as keywords.
    Returns :class:`Parameters`; raises :class:`ParameterError` naming every problem with the
    valid values.
    """
    if notebook not in CONTRACTS:
        raise ParameterError(f"no parameter contract for notebook {notebook!r}; known: "
                             f"{', '.join(CONTRACTS)}")
    contract = CONTRACTS[notebook]
    given: dict[str, Any] = {}
    if namespace is not None:
        check_names(notebook, _injected_names(namespace))
        given.update({n: namespace[n] for n in contract.names if n in namespace})
    check_names(notebook, values)
    given.update(values)
    missing = [n for n in contract.names if n not in given and n not in OPTIONAL]
    if missing:
        raise ParameterError(f"notebook {notebook}: missing parameter(s) {', '.join(missing)}")
    if warehouse is not None:
        given["warehouse"] = str(warehouse)
    problems: list[str] = []
    clean: dict[str, Any] = {}
    for name in contract.names:
        try:
            clean[name] = coerce(name, given.get(name, ""))
        except ParameterError as exc:
            problems.append(exc.detail)
    if problems:
        raise ParameterError(f"notebook {notebook}: " + "; ".join(problems))
    path = warehouse_path(clean.get("warehouse"))
    ch = choices(path)
    if "warehouse" in clean:
        clean["warehouse"] = str(path)
    for name in ("provinces", "peers"):
        if name in clean:
            ids = [_province(v, ch, problems, name) for v in clean[name]]
            clean[name] = list(dict.fromkeys(i for i in ids if i))
    if "province" in clean:
        if clean["province"] == "":
            problems.append(f"province: give one province; valid provinces: "
                            f"{_listing(ch.provinces)}")
        else:
            clean["province"] = _province(clean["province"], ch, problems, "province")
    if "provinces" in clean and not given.get("provinces") and contract.min_provinces:
        problems.append(f"provinces: give at least {contract.min_provinces}; valid provinces: "
                        f"{_listing(ch.provinces)}")
    if "language" in clean and clean["language"] not in LANGUAGES:
        problems.append(f"language: unknown language {clean['language']!r}; valid languages: "
                        f"{', '.join(LANGUAGES)}")
    for name in contract.names:
        kind = PARAMETERS[name].kind
        if kind in ("text", "date"):
            problems += _text_problems(name, kind, clean.get(name, ""))
    if "year" in clean and clean["year"] not in ch.years:
        problems.append(f"year: {clean['year']} is outside the warehouse; valid years: "
                        f"{_year_listing(ch)}")
    if clean.get("domain") and clean["domain"] not in ch.domains:
        problems.append(f"domain: unknown domain {clean['domain']!r}"
                        f"{_suggest(clean['domain'], ch.domains)}; valid domains: "
                        f"{', '.join(ch.domains)}")
    for ind in clean.get("indicators", []):
        if ind not in ch.indicators:
            problems.append(f"indicators: unknown indicator {ind!r}"
                            f"{_suggest(ind, ch.indicators)}; valid indicators: "
                            f"{', '.join(ch.indicators)}")
    if contract.topic and not clean.get("domain") and not clean.get("indicators"):
        problems.append(f"give a domain or a list of indicators; valid domains: "
                        f"{', '.join(ch.domains)}")
    if contract.extra is not None:
        problems += contract.extra(clean, ch)
    if problems:
        raise ParameterError(f"notebook {notebook}: " + "; ".join(problems))
    chosen = list(dict.fromkeys(clean.get("indicators") or []))
    if chosen and "domain" in clean:
        # A topic is a domain or a list of indicators: a list given replaces the domain (the
        # notebook's default domain included), so titles and the index name the real topic.
        clean["domain"] = ""
    elif clean.get("domain"):
        chosen = ch.indicators_of(clean["domain"])
    empty = _empty_year(clean, chosen, ch)
    if empty:
        raise ParameterError(f"notebook {notebook}: {empty}")
    return Parameters(notebook, clean, path, tuple(chosen))


def _text_problems(name: str, kind: str, value: str) -> list[str]:
    """A cover text: one line of at most TEXT_MAX characters; a date as YYYY-MM-DD."""
    if value == "":
        return []
    if kind == "date":
        import datetime

        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            return [f"{name}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-15"]
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return [f"{name}: write the date as YYYY-MM-DD, e.g. 2026-03-15 (got {value!r})"]
        return []
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in value):
        return [f"{name}: {value!r} holds a line break or control character; give one line"]
    if len(value) > TEXT_MAX:
        return [f"{name}: {len(value)} characters; at most {TEXT_MAX} fit on the cover"]
    return []


def _empty_year(clean: Mapping[str, Any], indicators: list[str], ch: Choices) -> str:
    """Why ``year`` would render an empty report: none of the chosen provinces has a value
    (stated or interpolated) for it, on the chosen topic; with the years that have data."""
    if "year" not in clean:
        return ""
    provinces = list(clean.get("provinces") or [])
    if clean.get("province"):
        provinces = [clean["province"]]
    if not provinces:
        return ""
    topic = indicators or None
    years = ch.years_with_data(provinces, topic)
    if clean["year"] in years:
        return ""
    what = ", ".join(provinces) + (f" on {', '.join(indicators)}" if topic else "")
    listing = ", ".join(str(y) for y in years) if years else "none"
    return (f"year: no data for {clean['year']} for {what} (no plan states or implies a value "
            f"for that year); years with data: {listing}")


# ---------------------------------------------------------------------------------------------
# before the kernel starts
# ---------------------------------------------------------------------------------------------
def notebook_defaults(path: str | Path) -> dict[str, Any]:
    """The literal defaults of a notebook's ``parameters`` cell (via papermill.inspect_notebook).

    A default that is not a Python literal is an error: defaults must be readable without
    running the notebook, so that tools (and people) can see them.
    """
    import papermill

    path = Path(path)
    if not path.is_file():
        raise ParameterError(f"notebook {path} not found")
    found = papermill.inspect_notebook(str(path))
    defaults: dict[str, Any] = {}
    for name, info in found.items():
        try:
            defaults[name] = ast.literal_eval(info["default"])
        except (ValueError, SyntaxError) as exc:
            raise ParameterError(f"{path}: parameter {name} has a non-literal default "
                                 f"{info['default']!r}; the parameters cell must hold literals"
                                 ) from exc
    return defaults


def check_parameters(notebook_path: str | Path, parameters: Mapping[str, Any], *,
                     warehouse: str | Path | None = None) -> dict[str, Any]:
    """Everything that can be checked without a kernel: names, types and values.

    Returns the parameters to inject (coerced; provinces resolved to ids). For a notebook
    without a contract (an ad-hoc notebook), only the names are checked.
    """
    path = Path(notebook_path)
    defaults = notebook_defaults(path)
    name = path.stem
    check_names(name, parameters, known=defaults)
    given = {k: coerce(k, v) for k, v in parameters.items()}
    if name not in CONTRACTS:
        return given
    contract = CONTRACTS[name]
    if set(defaults) != set(contract.names):
        raise ParameterError(f"{path}: the parameters cell defines {sorted(defaults)} but the "
                             f"contract in vnhealth.report.params expects {sorted(contract.names)}")
    merged = {**defaults, **given}
    if warehouse is not None:
        merged["warehouse"] = str(warehouse)
    checked = validate(name, **merged)
    return {k: checked.values[k] for k in merged}
