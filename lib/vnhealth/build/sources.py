"""The library's source files a warehouse is made with: the build hash covers these, and only
these, so editing report or render code does not make a new warehouse (issue: "the build hash
covers only what changes the warehouse").

They are found by reading import statements (top level and inside functions) from the build's
entry modules, without importing anything: a module the build can reach is part of it.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

__all__ = ["BUILD_ENTRY_MODULES", "build_sources"]

PACKAGE_DIR = Path(__file__).resolve().parents[1]
# The build itself and what its worker computes (vnhealth.harmonize.derived is imported there
# lazily).
BUILD_ENTRY_MODULES = ("vnhealth.build.warehouse", "vnhealth.harmonize.derived")


def _module_file(name: str) -> Path | None:
    """The file of a vnhealth module or package (None for a name that is not one)."""
    rel = Path(*name.split(".")[1:])
    for candidate in (PACKAGE_DIR / rel / "__init__.py", (PACKAGE_DIR / rel).with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE_DIR).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(("vnhealth", *parts))


def _imported(path: Path) -> set[str]:
    """The vnhealth modules a file imports (``from vnhealth.x import y`` may name a module y)."""
    names: set[str] = set()
    package = _module_name(path) if path.name == "__init__.py" else \
        _module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative import
                base = ".".join([*package.split(".")[:len(package.split(".")) - node.level + 1],
                                 *([base] if base else [])])
            names.add(base)
            names.update(f"{base}.{a.name}" for a in node.names)
    return {n for n in names if n == "vnhealth" or n.startswith("vnhealth.")}


@lru_cache(maxsize=1)
def build_sources() -> tuple[Path, ...]:
    """Every source file reachable by imports from the build's entry modules, sorted."""
    seen: set[Path] = set()
    todo = list(BUILD_ENTRY_MODULES)
    while todo:
        name = todo.pop()
        # importing vnhealth.a.b runs vnhealth/__init__ and vnhealth/a/__init__ too
        for prefix in (".".join(name.split(".")[:k]) for k in range(1, name.count(".") + 2)):
            path = _module_file(prefix) if prefix != "vnhealth" else PACKAGE_DIR / "__init__.py"
            if path is not None and path not in seen:
                seen.add(path)
                todo.extend(_imported(path))
    return tuple(sorted(seen))
