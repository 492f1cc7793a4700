"""Parameter contracts: notebooks and vnhealth.report.params agree, and bad values are explained."""

from __future__ import annotations

import ast
import json
import unicodedata
from pathlib import Path

import nbformat
import papermill
import pytest

from vnhealth.inputs.errors import ParameterError
from vnhealth.report.params import (
    CONTRACTS,
    PARAMETERS,
    check_parameters,
    coerce,
    notebook_defaults,
    validate,
)

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_parameters_cell_matches_contract(name: str) -> None:
    """Each notebook's parameters cell holds literal defaults for exactly its contract."""
    path = NOTEBOOKS / f"{name}.ipynb"
    found = papermill.inspect_notebook(str(path))
    assert tuple(found) == CONTRACTS[name].names
    for info in found.values():
        ast.literal_eval(info["default"])  # a literal, readable without running anything
        assert info["name"] in PARAMETERS


@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_notebook_shape(name: str) -> None:
    """One parameters cell, and the next code cell validates them."""
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    tagged = [k for k, c in enumerate(code) if "parameters" in c.metadata.get("tags", [])]
    assert tagged == [0]
    assert f'validate("{name}", globals())' in code[1].source
    assert nb.metadata["kernelspec"]["name"] == "vnhealth"
    for cell in nb.cells:
        assert cell.source == unicodedata.normalize("NFC", cell.source)
        if cell.cell_type == "code":
            assert not cell.get("outputs"), f"{name}: notebooks are committed without outputs"


@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_defaults_are_valid(name: str, warehouse_path: Path) -> None:
    checked = check_parameters(NOTEBOOKS / f"{name}.ipynb", {}, warehouse=warehouse_path)
    assert set(checked) == set(CONTRACTS[name].names)


def _error(**values: object) -> str:
    with pytest.raises(ParameterError) as err:
        validate("province_comparison", **{
            "provinces": ["lai_chau"], "domain": "longevity", "indicators": [], "year": 2030,
            "language": "vi", **values})
    return str(err.value)


def test_unknown_province_lists_valid_ones(warehouse_path: Path) -> None:
    msg = _error(provinces=["lai_chua"], warehouse=str(warehouse_path))
    assert "unknown province 'lai_chua'" in msg
    assert "did you mean 'lai_chau'" in msg
    for pid in ("lai_chau", "lao_cai", "son_la", "thua_thien_hue"):
        assert pid in msg


def test_province_by_name_and_successor_hint(warehouse_path: Path) -> None:
    ok = validate("province_comparison", provinces=["Sơn La", "lai chau"], domain="longevity",
                  indicators=[], year=2030, language="en", warehouse=str(warehouse_path))
    assert ok.provinces == ["son_la", "lai_chau"]
    # Decomposed (NFD) input is the same name.
    nfd = unicodedata.normalize("NFD", "Sơn La")
    assert validate("province_profile", province=nfd, peers=[], year=2030, language="vi",
                    warehouse=str(warehouse_path)).province == "son_la"
    msg = _error(provinces=["hue"], warehouse=str(warehouse_path))
    assert "has no plan in the warehouse" in msg and "thua_thien_hue" in msg


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("year", 1990, "valid years: 2020–2045"),
    ("language", "fr", "valid languages: vi, en"),
    ("domain", "ncds", "did you mean 'ncd'"),
    ("indicators", ["life_expectancy", "life_expectancey"], "unknown indicator 'life_expectancey'"),
    ("year", "soon", "expected a year like 2030"),
])
def test_bad_values_are_explained(field: str, value: object, expected: str,
                                  warehouse_path: Path) -> None:
    msg = _error(**{field: value}, warehouse=str(warehouse_path))
    assert expected in msg


def test_all_problems_reported_at_once(warehouse_path: Path) -> None:
    msg = _error(provinces=["nowhere"], year=1900, language="xx", warehouse=str(warehouse_path))
    assert "nowhere" in msg and "1900" in msg and "'xx'" in msg


def test_topic_required(warehouse_path: Path) -> None:
    msg = _error(domain="", indicators=[], warehouse=str(warehouse_path))
    assert "give a domain or a list of indicators" in msg


def test_indicators_replace_the_domain(warehouse_path: Path) -> None:
    # (Thừa Thiên Huế: Sơn La states no doctors per 10,000, and a year without data for the
    # chosen provinces and topic is refused.)
    ok = validate("province_comparison", provinces=["thua_thien_hue"], domain="longevity",
                  indicators=["doctors_per_10k"], year=2025, language="vi",
                  warehouse=str(warehouse_path))
    assert ok.indicators == ("doctors_per_10k",) and ok.domain == ""


def test_domain_resolves_to_indicators(warehouse_path: Path) -> None:
    ok = validate("policy_brief", provinces=["son_la"], domain="longevity", indicators=[],
                  year=2030, language="vi", warehouse=str(warehouse_path))
    assert "life_expectancy" in ok.indicators
    assert all(i in ok.indicators for i in ("healthy_life_years", "height_gain_1_18"))


def test_unknown_name_rejected_before_kernel(warehouse_path: Path) -> None:
    with pytest.raises(ParameterError) as err:
        check_parameters(NOTEBOOKS / "province_comparison.ipynb", {"yaer": 2030},
                         warehouse=warehouse_path)
    msg = str(err.value)
    assert "unknown parameter 'yaer'" in msg and "did you mean 'year'" in msg
    assert "provinces, domain, indicators, year, language, warehouse" in msg


def test_names_injected_by_bare_papermill_are_rejected(warehouse_path: Path) -> None:
    """`papermill -p yaer 2030` only warns; the notebook's validation cell refuses it."""
    injected = '# Parameters\nprovinces = ["son_la"]\nyaer = 2030\n'
    namespace = {"provinces": ["son_la"], "domain": "longevity", "indicators": [],
                 "year": 2030, "language": "vi", "warehouse": str(warehouse_path),
                 "yaer": 2030, "In": ["", "provinces = []", injected]}
    with pytest.raises(ParameterError, match="unknown parameter 'yaer'"):
        validate("province_comparison", namespace)
    # Variables a researcher defines in later cells are not parameters and are not flagged.
    namespace.pop("yaer")
    namespace["In"] = ["", "provinces = []", "table = 1"]
    namespace["table"] = 1
    assert validate("province_comparison", namespace).year == 2030


def test_coerce_command_line_strings() -> None:
    assert coerce("provinces", "lai_chau, son_la") == ["lai_chau", "son_la"]
    assert coerce("provinces", '["lai_chau"]') == ["lai_chau"]
    assert coerce("indicators", "") == []
    assert coerce("year", "2030") == 2030
    assert coerce("language", " en ") == "en"
    assert coerce("something_else", "[1, 2]") == [1, 2]  # YAML, like papermill -y
    with pytest.raises(ParameterError):
        coerce("provinces", 5)


def test_missing_warehouse_is_explained(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match="vnhealth build"):
        validate("explore", province="lai_chau", year=2030, language="vi",
                 warehouse=str(tmp_path / "none.duckdb"))


def test_non_literal_default_rejected(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import datetime\nyear = datetime.date.today().year\n",
        metadata={"tags": ["parameters"]})])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    path = tmp_path / "bad.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    with pytest.raises(ParameterError, match="non-literal default"):
        notebook_defaults(path)
