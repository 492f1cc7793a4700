"""The dependency rule (docs/architecture.md): vnhealth's folders follow the data flow, and a
module imports only from its own layer or lower ones, with no import cycles.

    inputs → extract → harmonize → build → report → render → cli

Imports are read from the source (top level and inside functions alike), so a cycle hidden by
an import inside a function is found too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import vnhealth

LAYERS = ("inputs", "extract", "harmonize", "build", "report", "render", "cli")
PACKAGE = Path(vnhealth.__file__).resolve().parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(("vnhealth", *(parts[:-1] if parts[-1] == "__init__" else parts)))


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}


def imported(path: Path, known: set[str]) -> set[str]:
    """The vnhealth modules a file imports (``from vnhealth.a import b`` may import module b)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return {n for n in found if n in known and n != "vnhealth"}


def layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def test_every_module_lives_in_a_layer() -> None:
    stray = sorted(m for m in modules() if m != "vnhealth" and layer(m) is None)
    assert not stray, f"modules outside the layer folders {LAYERS}: {stray}"


def test_no_module_imports_a_higher_layer() -> None:
    mods = modules()
    wrong = []
    for name, path in mods.items():
        own = layer(name)
        for dep in imported(path, set(mods)):
            if own is not None and (layer(dep) or 0) > own:
                wrong.append(f"{name} ({LAYERS[own]}) imports {dep} ({LAYERS[layer(dep)]})")
    assert not wrong, "\n".join(sorted(wrong))


def test_no_import_cycles() -> None:
    mods = modules()
    graph = {name: imported(path, set(mods)) - {name} for name, path in mods.items()}
    # a package's __init__ importing its own submodules (to re-export them) is not a cycle
    for name in graph:
        graph[name] = {d for d in graph[name] if not d.startswith(name + ".")}
    done: set[str] = set()

    def visit(node: str, stack: list[str]) -> list[str] | None:
        if node in stack:
            return stack[stack.index(node):] + [node]
        if node in done:
            return None
        for dep in sorted(graph[node]):
            cycle = visit(dep, [*stack, node])
            if cycle:
                return cycle
        done.add(node)
        return None

    for name in sorted(graph):
        cycle = visit(name, [])
        assert cycle is None, "import cycle: " + " → ".join(cycle)
