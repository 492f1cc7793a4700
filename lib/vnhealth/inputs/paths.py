"""Where the project's files live. Everything is relative to one project root."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def default_root() -> Path:
    """The project root: $VNHEALTH_ROOT, else the repository this package is installed from."""
    env = os.environ.get("VNHEALTH_ROOT")
    if env:
        return Path(env).resolve()
    # lib/vnhealth/inputs/paths.py -> the repository root, three levels up
    return Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class ProjectPaths:
    root: Path

    @classmethod
    def at(cls, root: Path | str | None = None) -> ProjectPaths:
        return cls(Path(root).resolve() if root is not None else default_root())

    @property
    def raw(self) -> Path:
        return self.root / "data" / "raw"

    @property
    def manifest(self) -> Path:
        return self.raw / "documents.yaml"

    @property
    def catalog(self) -> Path:
        return self.root / "data" / "catalog"

    @property
    def reference(self) -> Path:
        return self.root / "data" / "reference"

    @property
    def national_targets(self) -> Path:
        return self.reference / "national_targets.csv"

    @property
    def sql(self) -> Path:
        return self.root / "sql"

    @property
    def warehouse(self) -> Path:
        return self.root / "data" / "warehouse.duckdb"

    def relative(self, path: Path) -> Path:
        """A path as shown to users: relative to the root when it is inside it."""
        try:
            return path.resolve().relative_to(self.root)
        except ValueError:
            return path
