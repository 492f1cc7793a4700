"""The library's source files a warehouse is made with: the build hash covers these, and only
these, so editing report or render code does not make a new warehouse (issue: "the build hash
covers only what changes the warehouse").

They are found by reading import statements (top level and inside functions) from the build's
entry modules, without importing anything: a module the build can reach is part of it.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

__all__ = ["BUILD_ENTRY_MODULES", "build_sources"]

PACKAGE_DIR = Path(__file__).resolve().parents[1]
# The build itself and what its worker computes (vnhealth.harmonize.derived is imported there
# lazily).
BUILD_ENTRY_MODULES = ("vnhealth.build.warehouse", "vnhealth.harmonize.derived")


@cache
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


# Import statements, read as text: ast.parse of every reachable file took a third of a small
# build. A match inside a docstring only adds a file to the hash, never drops one.
_FROM_IMPORT = re.compile(
    r"^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*)", re.MULTILINE)
_IMPORT = re.compile(r"^[ \t]*import[ \t]+([^\n#;]*)", re.MULTILINE)


def _names(listed: str) -> list[str]:
    """`a as b, c` or `(a,\n c)` -> ['a', 'c']."""
    parts = listed.strip("()\n ").replace("\n", " ").split(",")
    return [p.split()[0] for p in parts if p.split()]


def _imported(path: Path) -> set[str]:
    """The vnhealth modules a file imports (``from vnhealth.x import y`` may name a module y)."""
    names: set[str] = set()
    package = _module_name(path) if path.name == "__init__.py" else \
        _module_name(path).rpartition(".")[0]
    text = path.read_text(encoding="utf-8")
    for match in _IMPORT.finditer(text):
        names.update(_names(match.group(1)))
    for dots, module, listed in _FROM_IMPORT.findall(text):
        base = module
        if dots:  # relative import
            parts = package.split(".")
            base = ".".join([*parts[:len(parts) - len(dots) + 1], *([module] if module else [])])
        names.add(base)
        names.update(f"{base}.{name}" for name in _names(listed))
    return {n for n in names if n == "vnhealth" or n.startswith("vnhealth.")}


@lru_cache(maxsize=1)
def build_sources() -> tuple[Path, ...]:
    """Every source file reachable by imports from the build's entry modules, sorted."""
    seen: set[Path] = set()
    named: set[str] = set()  # a name is imported by many files: look it up once
    todo = list(BUILD_ENTRY_MODULES)
    while todo:
        name = todo.pop()
        if name in named:
            continue
        named.add(name)
        # importing vnhealth.a.b runs vnhealth/__init__ and vnhealth/a/__init__ too
        for prefix in (".".join(name.split(".")[:k]) for k in range(1, name.count(".") + 2)):
            path = _module_file(prefix) if prefix != "vnhealth" else PACKAGE_DIR / "__init__.py"
            if path is not None and path not in seen:
                seen.add(path)
                todo.extend(_imported(path))
    return tuple(sorted(seen))
