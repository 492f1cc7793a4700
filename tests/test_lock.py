"""The locked environment: requirements.lock pins everything, agrees with pyproject.toml and
environment.yml, and is what `.venv` actually has (`make setup` installs exactly the lock)."""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent
LOCK = REPO / "requirements.lock"


def _lock_entries() -> dict[str, tuple[Requirement, list[str]]]:
    """name → (the pinned requirement, its hashes) for the packages this interpreter installs.

    The lock is universal: a package may be pinned twice under exclusive markers (numpy for
    Python 3.11 and for newer Pythons); exactly one of those applies here.
    """
    env = default_environment()
    entries: dict[str, tuple[Requirement, list[str]]] = {}
    current: list[str] | None = None
    for raw in LOCK.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip().rstrip("\\").strip()
        if not line:
            continue
        if line.startswith("--hash="):
            assert current is not None, f"requirements.lock: a hash before any package: {raw!r}"
            current.append(line.removeprefix("--hash="))
            continue
        req = Requirement(line)
        name = canonicalize_name(req.name)
        current = []  # the hashes of a package pinned for another Python are read, not kept
        if req.marker is not None and not req.marker.evaluate(env):
            continue
        assert name not in entries, f"requirements.lock pins {req.name} twice for this Python"
        entries[name] = (req, current)
    return entries


def _pinned_version(req: Requirement) -> str:
    specs = list(req.specifier)
    assert len(specs) == 1 and specs[0].operator == "==", f"{req} is not pinned with =="
    return specs[0].version


def _project_requirements() -> list[Requirement]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project.get("optional-dependencies", {})
    lock_in = (REPO / "requirements" / "lock.in").read_text(encoding="utf-8").splitlines()
    extra_lines = [ln.split("#", 1)[0].strip() for ln in lock_in]
    return [Requirement(r) for r in (*project["dependencies"], *extras.get("dev", ()),
                                     *filter(None, extra_lines))]


def test_every_locked_package_is_pinned_with_sha256_hashes() -> None:
    entries = _lock_entries()
    assert len(entries) > 50, "the lock should hold the transitive dependencies too"
    for name, (req, hashes) in entries.items():
        _pinned_version(req)
        assert hashes, f"{name} has no hash in requirements.lock"
        assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), name


def test_lock_satisfies_every_range_the_project_declares() -> None:
    entries = _lock_entries()
    for req in _project_requirements():
        name = canonicalize_name(req.name)
        assert name in entries, f"{req.name} (pyproject.toml or lock.in) is not in the lock"
        version = _pinned_version(entries[name][0])
        assert req.specifier.contains(version, prereleases=True), (
            f"requirements.lock pins {req.name}=={version}, outside {req.specifier}; "
            "run `make lock`")


def test_venv_has_exactly_the_locked_versions() -> None:
    """What runs the tests is what the lock says: a drifted .venv fails here, not later."""
    if Path(sys.prefix).name == ".venv-latest":
        pytest.skip("`make test-latest` runs the newest releases on purpose")
    wrong = []
    for name, (req, _hashes) in _lock_entries().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            wrong.append(f"{name}: not installed")
            continue
        if canonicalize_name(installed) != canonicalize_name(_pinned_version(req)):
            wrong.append(f"{name}: {installed} installed, {_pinned_version(req)} locked")
    assert not wrong, "run `make setup`:\n" + "\n".join(wrong)


def test_environment_yml_installs_the_lock_on_the_same_python() -> None:
    env = yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))
    deps = env["dependencies"]
    conda = [d for d in deps if isinstance(d, str)]
    pip = next(d["pip"] for d in deps if isinstance(d, dict))
    assert "python=3.11" in conda and set(conda) == {"python=3.11", "pip"}, conda
    assert pip == ["--require-hashes", "-r requirements.lock"], pip
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "--python-version 3.11" in makefile
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"


def test_duckdb_shell_is_locked_beside_the_library() -> None:
    entries = _lock_entries()
    assert "duckdb-cli" in entries and "duckdb" in entries
