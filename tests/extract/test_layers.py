"""The extractor's modules import only modules of lower layers (vnhealth/extract/__init__.py
lists them), so each can be read knowing only what comes before it."""

from __future__ import annotations

import ast
from pathlib import Path

import vnhealth.extract

LAYERS = [
    ["numbers"], ["sections"], ["records"], ["lines"], ["not_values"], ["fuzzy"],
    ["shapes.words", "shapes.aligned"], ["shapes.records"], ["shapes.header"], ["shapes.rows"],
    ["shapes.glued"], ["shapes.year_table"], ["shapes.blocks"],
    ["shapes.side_by_side", "shapes.wrapped_header", "shapes.stacked_header",
     "shapes.one_per_line", "shapes.flattened_header", "shapes.single_year",
     "shapes.years_down", "shapes.year_records"],
    ["shapes.year_shapes"],
    ["shapes.tab_rows", "shapes.pipe_rows", "shapes.pdf_rows", "shapes.unit_rows",
     "shapes.inline_rows", "shapes.place_tables"],
    ["shapes.registry"],
    ["vocabulary"], ["issued"], ["mentions"], ["cascades", "index"], ["match"], ["plausibility"],
    ["recorder"],
    ["state"], ["comparators"], ["kind_year"], ["qualitative"], ["table_values"],
    ["place_values"], ["pairing"],
    ["segment"], ["restated"], ["pipeline"],
]
PACKAGE = Path(vnhealth.extract.__file__).parent


def _imports(path: Path) -> set[str]:
    """The vnhealth.extract modules a module imports (package names as in LAYERS)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "vnhealth.extract.shapes":  # from the package: its modules
                found |= {f"shapes.{a.name}" for a in node.names}
            elif node.module.startswith("vnhealth.extract."):
                found.add(node.module.removeprefix("vnhealth.extract."))
    return found


def test_every_module_has_a_layer() -> None:
    modules = {str(p.relative_to(PACKAGE).with_suffix("")).replace("/", ".")
               for p in PACKAGE.rglob("*.py") if p.name != "__init__.py"}
    assert modules == {m for layer in LAYERS for m in layer}


def test_no_module_imports_a_higher_layer() -> None:
    rank = {m: k for k, layer in enumerate(LAYERS) for m in layer}
    for module, k in rank.items():
        path = PACKAGE / (module.replace(".", "/") + ".py")
        higher = {m for m in _imports(path) if rank[m] >= k}
        assert not higher, f"{module} imports {sorted(higher)}"
