"""Helpers shared by test modules (importable as `support`: pytest puts tests/ on sys.path)."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat


def make_notebook(path: Path, parameters: str, *cells: str) -> Path:
    """A notebook at `path`: a `parameters` cell, then one code cell per string."""
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]}),
        *(nbformat.v4.new_code_cell(c) for c in cells)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)
    return path


REPO_ROOT = Path(__file__).resolve().parent.parent


def copy_project(dest: Path, src: Path = REPO_ROOT) -> Path:
    """Copy data/ and sql/ of a project root to `dest`, leaving out any warehouse or build
    leftovers; returns `dest`."""
    ignore = shutil.ignore_patterns("warehouse.duckdb*", "*.tmp*", "__pycache__")
    shutil.copytree(src / "data", dest / "data", ignore=ignore)
    if (src / "sql").is_dir():
        shutil.copytree(src / "sql", dest / "sql", ignore=ignore)
    return dest
